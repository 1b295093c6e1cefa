"""CLI commands of the creators feature, registered by guide/cli.py:

- `python -m guide shortlist BRIEF.json ROSTER.(csv|xlsx) [--lang id|en] [--city C] [--all-platforms]
  [--all-industries] [--include-flagged]` prints JSON: selected (row, name, kind, fee_idr,
  expected_engagements, …), total_fee_idr, problems (row, column, message), unfilled.
- `python -m guide report BRIEF.json --format pdf|xlsx|md [--lang id|en] --out FILE [--roster ROSTER]`
  writes the recommendation as a PDF one-pager, an Excel workbook (with the shortlist when a roster is
  given) or Markdown.

An unreadable or invalid file exits with status 2 and one line on stderr; the output is never half-written.
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
from pathlib import Path

from .briefio import MAX_JSON_BYTES, BriefError, brief_from_json
from .cli import AddCommand, CliError, read_input, write_output
from .engine import recommend
from .knowledge import knowledge
from .models import CampaignBrief
from .roster import MAX_FILE_BYTES, ParsedRoster, RosterError, derive, parse_roster
from .shortlist import Options, as_json, make_shortlist


def add_commands(add: AddCommand) -> None:
    sh = add("shortlist", "pick creators from a roster for a JSON brief's plan", _shortlist)
    sh.add_argument("brief", help="path to a JSON brief")
    sh.add_argument("roster", help="path to a roster, .csv or .xlsx")
    sh.add_argument("--lang", choices=["id", "en"], default="id")
    sh.add_argument("--city", default=None, help="only creators in this city (those with no city stay in)")
    sh.add_argument("--all-platforms", action="store_true", help="do not require the brief's platforms")
    sh.add_argument("--all-industries", action="store_true", help="do not require the brief's industry")
    sh.add_argument("--include-flagged", action="store_true", help="keep accounts with an authenticity flag")
    rep = add("report", "write the recommendation as PDF, Excel or Markdown", _report)
    rep.add_argument("brief", help="path to a JSON brief")
    rep.add_argument("--format", choices=["pdf", "xlsx", "md"], required=True)
    rep.add_argument("--lang", choices=["id", "en"], default="id")
    rep.add_argument("--out", required=True, help="file to write")
    rep.add_argument("--roster", default=None, help="optional roster: adds the shortlist to the Excel file")


def _brief(path: str) -> CampaignBrief:
    try:
        return brief_from_json(read_input(path, MAX_JSON_BYTES))
    except BriefError as e:
        raise CliError(f"invalid brief {path}: {e.problems[0].english()}") from None


def _roster(path: str) -> ParsedRoster:
    try:
        return parse_roster(read_input(path, MAX_FILE_BYTES), Path(path).name)
    except RosterError as e:
        raise CliError(f"cannot read roster {path}: {e.problem.message('en')}") from None


def _write(path: str, data: bytes) -> None:
    """Write atomically: a temporary file in the same folder, renamed over the target."""
    target = Path(path)
    try:
        fd, tmp = tempfile.mkstemp(dir=target.parent if str(target.parent) else ".", prefix=".guide-")
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes it private; the report is an ordinary file
        os.replace(tmp, target)
    except OSError as e:
        raise CliError(f"cannot write {path}: {e.strerror}") from None


def _shortlist(args: argparse.Namespace) -> int:
    brief = _brief(args.brief)
    parsed = _roster(args.roster)
    rec = recommend(brief, lang=args.lang)
    df = derive(parsed, knowledge().figures, brief, city=args.city)
    opts = Options(require_platform=not args.all_platforms, require_industry=not args.all_industries,
                   city=args.city, exclude_flagged=not args.include_flagged)
    s = make_shortlist(df, rec, args.lang, opts)
    problems: list[dict[str, object]] = [
        {"row": p.row, "column": p.column, "severity": p.severity, "message": p.message(args.lang)}
                for p in parsed.problems]
    write_output(json.dumps(as_json(s, problems), ensure_ascii=False, indent=2) + "\n")
    return 0


def _report(args: argparse.Namespace) -> int:
    from .reports import plan_xlsx, recommendation_markdown, recommendation_pdf

    brief = _brief(args.brief)
    rec = recommend(brief, lang=args.lang)
    if args.format == "pdf":
        data = recommendation_pdf(rec, args.lang)
    elif args.format == "md":
        data = recommendation_markdown(rec, args.lang).encode("utf-8")
    else:
        short = None
        if args.roster:
            df = derive(_roster(args.roster), knowledge().figures, brief)
            short = make_shortlist(df, rec, args.lang)
        data = plan_xlsx(rec, args.lang, short)
    _write(args.out, data)
    return 0
