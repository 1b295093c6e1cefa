"""CLI commands of the reports a marketer sends, registered by guide/cli.py:

- `python -m guide report BRIEF.json --format pdf|xlsx|md [--lang id|en] --out FILE [--roster ROSTER]
  [--appendix]` writes the recommendation as a one-page PDF (a second page only with --appendix), an Excel
  workbook (with the Creators sheet when a roster is given) or Markdown.

An unreadable or invalid file exits with status 2 and one line on stderr; the output is never half-written.
"""

from __future__ import annotations

import argparse

from guide.advice.engine import recommend
from guide.advice.knowledge import knowledge
from guide.creators.cli import read_brief, read_roster
from guide.creators.roster import derive
from guide.creators.shortlist import make_shortlist
from guide.output.files import AddCommand, write_file
from guide.reports.recommendation import plan_xlsx, recommendation_markdown, recommendation_pdf


def add_commands(add: AddCommand) -> None:
    rep = add("report", "write the recommendation as PDF, Excel or Markdown", _report)
    rep.add_argument("brief", help="path to a JSON brief")
    rep.add_argument("--format", choices=["pdf", "xlsx", "md"], required=True)
    rep.add_argument("--lang", choices=["id", "en"], default="id")
    rep.add_argument("--out", required=True, help="file to write")
    rep.add_argument("--roster", default=None, help="optional roster: adds the Creators sheet to the Excel file")
    rep.add_argument("--appendix", action="store_true",
                     help="PDF: add an appendix (every reason and warning, charts, next steps) after the one page")



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
