"""CLI command of the results feature, registered by guide/cli.py: `python -m guide results FILE [--brief B]`."""

from __future__ import annotations

import argparse
import json

from guide.advice.brief_io import MAX_JSON_BYTES, BriefError, brief_from_json
from guide.output.files import AddCommand, CliError, read_input, write_output
from guide.results.analysis import MAX_BYTES, analyse, parse_results, to_json


def add_commands(add: AddCommand) -> None:
    p = add("results", "results of a campaign (CSV or XLSX, one row per post) against the plan", run)
    p.add_argument("file", help="path to the results file (.csv or .xlsx); - reads standard input")
    p.add_argument("--brief", help="path to the campaign's JSON brief: adds vs_plan")
    p.add_argument("--lang", choices=["id", "en"], default="id")


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
    a = analyse(parsed, brief, args.lang)
    write_output(json.dumps(to_json(a, args.lang), ensure_ascii=False, indent=2) + "\n")
    return 0
