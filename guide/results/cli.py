"""CLI command of the results feature, registered by guide/cli.py:
`python -m guide results FILE [--brief B] [--format json|pdf|xlsx] [--out FILE] [--lang id|en]`."""

from __future__ import annotations

import argparse
import json

from guide.advice.brief_io import MAX_JSON_BYTES, BriefError, brief_from_json
from guide.output.files import AddCommand, CliError, read_input, write_file, write_output
from guide.results.analysis import MAX_BYTES, analyse, parse_results, to_json


def add_commands(add: AddCommand) -> None:
    p = add("results", "results of a campaign (CSV or XLSX, one row per post) against the plan", run)
    p.add_argument("file", help="path to the results file (.csv or .xlsx); - reads standard input")
    p.add_argument("--brief", help="path to the campaign's JSON brief: adds vs_plan")
    p.add_argument("--lang", choices=["id", "en"], default="id")
    p.add_argument("--format", choices=["json", "pdf", "xlsx"], default="json",
                   help="json on standard output (default), or a PDF / Excel report written to --out")
    p.add_argument("--out", default=None, help="file to write (required for pdf and xlsx)")


def run(args: argparse.Namespace) -> int:
    """`python -m guide results FILE [--brief BRIEF.json] --lang id|en`: JSON on stdout; 2 on unreadable input."""
    # One byte over the cap is still read, so parse_results reports the size as a file problem.
    data = read_input(args.file, MAX_BYTES + 1)
    brief = None
    if args.brief:
        try:
            brief = brief_from_json(read_input(args.brief, MAX_JSON_BYTES))
        except BriefError as e:
            raise CliError(f"invalid brief: {e.problems[0].english()}") from None
    # Standard input has no name: an .xlsx is a zip file, anything else is read as CSV.
    name = args.file if args.file != "-" else ("stdin.xlsx" if data[:4] == b"PK\x03\x04" else "stdin.csv")
    parsed = parse_results(data, name)
    if not parsed.posts:  # nothing usable: one line and status 2, as the README says
        first = parsed.problems[0].message(args.lang) if parsed.problems else "no posts"
        raise CliError(f"{'standard input' if args.file == '-' else args.file}: {first}")
    if args.format in ("pdf", "xlsx") and not args.out:
        raise CliError(f"--format {args.format} needs --out FILE (or --out - for standard output)")
    a = analyse(parsed, brief, args.lang)
    if args.format == "json":
        text = json.dumps(to_json(a, args.lang), ensure_ascii=False, indent=2) + "\n"
        if args.out:
            write_file(args.out, text.encode("utf-8"))
        else:
            write_output(text)
        return 0
    from guide.results.report import to_pdf, to_xlsx

    write_file(args.out, to_pdf(a, args.lang) if args.format == "pdf" else to_xlsx(a, args.lang))
    return 0
