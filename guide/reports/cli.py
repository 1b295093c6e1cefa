"""CLI commands of the reports a marketer sends, registered by guide/cli.py:

- `python -m guide report BRIEF.json --format pdf|xlsx|md [--lang id|en] --out FILE [--roster ROSTER]
  [--appendix]` writes the recommendation as a one-page PDF (a second page only with --appendix), an Excel
  workbook (with the Creators sheet when a roster is given) or Markdown.

- `python -m guide briefs BRIEF.json [--roster FILE] [--lang id|en] [--format md|pdf] [--out FILE]
  [--start YYYY-MM-DD]` writes the creator briefs: one per shortlisted creator with a roster, else one per
  plan line; Markdown on standard output when there is no --out.

An unreadable or invalid file exits with status 2 and one line on stderr; the output is never half-written.
"""

from __future__ import annotations

import argparse
import datetime as dt

from guide.advice.engine import recommend
from guide.advice.knowledge import knowledge
from guide.creators.briefs import briefs_markdown, creator_briefs
from guide.creators.cli import read_brief, read_roster
from guide.creators.roster import derive
from guide.creators.shortlist import make_shortlist
from guide.output.files import AddCommand, CliError, write_file, write_output
from guide.reports.recommendation import briefs_pdf, plan_xlsx, recommendation_markdown, recommendation_pdf


def add_commands(add: AddCommand) -> None:
    add_briefs(add)
    rep = add("report", "write the recommendation as PDF, Excel or Markdown", _report)
    rep.add_argument("brief", help="path to a JSON brief")
    rep.add_argument("--format", choices=["pdf", "xlsx", "md"], required=True)
    rep.add_argument("--lang", choices=["id", "en"], default="id")
    rep.add_argument("--out", required=True, help="file to write")
    rep.add_argument("--roster", default=None, help="optional roster: adds the Creators sheet to the Excel file")
    rep.add_argument("--appendix", action="store_true",
                     help="PDF: add an appendix (every reason and warning, charts, next steps) after the one page")



def add_briefs(add: AddCommand) -> None:
    p = add("briefs", "write the briefs to send creators (Markdown or PDF)", _briefs)
    p.add_argument("brief", help="path to a JSON brief")
    p.add_argument("--roster", default=None, help="optional roster: one brief per shortlisted creator")
    p.add_argument("--lang", choices=["id", "en"], default="id")
    p.add_argument("--format", choices=["md", "pdf"], default="md")
    p.add_argument("--out", default=None, help="file to write (default: Markdown on standard output)")
    p.add_argument("--start", default=None, help="the campaign's first day, YYYY-MM-DD: dates instead of weeks")


def _start_date(text: str | None) -> dt.date | None:
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise CliError(f"--start: {text!r} is not a date; write it as YYYY-MM-DD, e.g. 2026-01-15") from None


def _briefs(args: argparse.Namespace) -> int:
    start = _start_date(args.start)
    brief = read_brief(args.brief)
    rec = recommend(brief, lang=args.lang)
    short = None
    if args.roster:
        df = derive(read_roster(args.roster), knowledge().figures, brief)
        short = make_shortlist(df, rec, args.lang)
    briefs = creator_briefs(rec, args.lang, shortlist=short, start=start)
    if args.format == "pdf":
        if not args.out:
            raise CliError("--format pdf needs --out FILE (a PDF is not written to the terminal)")
        write_file(args.out, briefs_pdf(briefs, args.lang))
    elif args.out:
        write_file(args.out, briefs_markdown(briefs, args.lang).encode("utf-8"))
    else:
        write_output(briefs_markdown(briefs, args.lang))
    return 0


def _report(args: argparse.Namespace) -> int:
    brief = read_brief(args.brief)
    rec = recommend(brief, lang=args.lang)
    if args.format == "pdf":
        data = recommendation_pdf(rec, args.lang, appendix=args.appendix)
    elif args.format == "md":
        data = recommendation_markdown(rec, args.lang).encode("utf-8")
    else:
        short = None
        if args.roster:
            df = derive(read_roster(args.roster), knowledge().figures, brief)
            short = make_shortlist(df, rec, args.lang)
        data = plan_xlsx(rec, args.lang, short)
    write_file(args.out, data)
    return 0
