"""CLI commands of the creators feature, registered by guide/cli.py:

- `python -m guide shortlist BRIEF.json ROSTER.(csv|xlsx) [--lang id|en] [--city C] [--all-platforms]
  [--all-industries] [--include-flagged]` prints JSON: selected (row, name, kind, fee_idr,
  expected_engagements, …), total_fee_idr, problems (row, column, message), unfilled.

An unreadable or invalid file exits with status 2 and one line on stderr; the output is never half-written.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from guide.advice.brief_io import MAX_JSON_BYTES, BriefError, brief_from_json
from guide.advice.engine import recommend
from guide.advice.knowledge import knowledge
from guide.advice.models import CampaignBrief
from guide.creators.roster import MAX_FILE_BYTES, ParsedRoster, RosterError, derive, parse_roster
from guide.creators.shortlist import Options, as_json, make_shortlist
from guide.output.files import AddCommand, CliError, read_input, write_output


def add_commands(add: AddCommand) -> None:
    sh = add("shortlist", "pick creators from a roster for a JSON brief's plan", _shortlist)
    sh.add_argument("brief", help="path to a JSON brief")
    sh.add_argument("roster", help="path to a roster, .csv or .xlsx")
    sh.add_argument("--lang", choices=["id", "en"], default="id")
    sh.add_argument("--city", default=None, help="only creators in this city or metro area (e.g. Jabodetabek; "
                    "those with no city stay in); default: the brief's region")
    sh.add_argument("--all-platforms", action="store_true", help="do not require the brief's platforms")
    sh.add_argument("--all-industries", action="store_true", help="do not require the brief's industry")
    sh.add_argument("--include-flagged", action="store_true", help="keep accounts with an authenticity flag")


def read_brief(path: str) -> CampaignBrief:
    try:
        return brief_from_json(read_input(path, MAX_JSON_BYTES))
    except BriefError as e:
        raise CliError(f"invalid brief {path}: {e.problems[0].english()}") from None


def read_roster(path: str) -> ParsedRoster:
    try:
        return parse_roster(read_input(path, MAX_FILE_BYTES), Path(path).name)
    except RosterError as e:
        raise CliError(f"cannot read roster {path}: {e.problem.message('en')}") from None


def _shortlist(args: argparse.Namespace) -> int:
    brief = read_brief(args.brief)
    parsed = read_roster(args.roster)
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

