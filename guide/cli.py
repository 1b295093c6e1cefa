"""Command line: `python -m guide recommend FILE|- [--lang id|en]` prints the Recommendation as JSON."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from .briefio import BriefError, brief_from_json
from .engine import recommend


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        # One line on stderr and status 2, like an invalid brief.
        sys.stderr.write(f"guide: {message}\n")
        raise SystemExit(2)


def main(argv: Sequence[str] | None = None) -> int:
    parser = _Parser(prog="python -m guide", description="Panduan Strategi Kreator — creator strategy guide")
    sub = parser.add_subparsers(dest="command", required=True)
    rec = sub.add_parser("recommend", help="recommend a strategy for a JSON brief")
    rec.add_argument("file", help="path to a JSON brief, or - for standard input")
    rec.add_argument("--lang", choices=["id", "en"], default="id")
    from . import results_report  # `results` (issue 12): the handler lives in guide/results_report.py

    results_report.add_parser(sub)
    args = parser.parse_args(argv)
    if args.command == "results":
        return results_report.run(args)

    try:
        if args.file == "-":
            raw = sys.stdin.buffer.read()
        else:
            with open(args.file, "rb") as f:
                raw = f.read()
    except OSError as e:
        sys.stderr.write(f"guide: cannot read {args.file}: {e.strerror}\n")
        return 2
    try:
        brief = brief_from_json(raw)
    except BriefError as e:
        sys.stderr.write(f"guide: invalid brief: {e.problems[0].english()}\n")
        return 2
    result = recommend(brief, lang=args.lang)
    sys.stdout.write(result.model_dump_json(indent=2) + "\n")
    return 0
