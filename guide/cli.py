"""Command line: `python -m guide <command> ...`; `recommend FILE|- [--lang id|en]` prints the Recommendation
as JSON.

Every command shares one frame (`guide/output/files.py`), so none of them can be choked or print a traceback.
Each feature keeps its commands in its own `cli.py` with `add_commands(add)`, imported here by name:
`guide/creators/cli.py` (shortlist), `guide/reports/cli.py` (report, briefs), `guide/results/cli.py` (results).
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from guide.advice.brief_io import MAX_JSON_BYTES, BriefError, brief_from_json
from guide.creators import cli as creators_cli
from guide.output.files import EXIT_OK, AddCommand, CliError, Parser, Run, read_input, say, write_output
from guide.reports import cli as reports_cli
from guide.results import cli as results_cli

# Each feature adds its commands (shortlist; report, briefs; results).
COMMAND_MODULES = (creators_cli, reports_cli, results_cli)

# ---- recommend --------------------------------------------------------------------------------------

def _add_recommend(add: AddCommand) -> None:
    rec = add("recommend", "recommend a strategy for a JSON brief", _run_recommend)
    rec.add_argument("file", help="path to a JSON brief, or - for standard input")
    rec.add_argument("--lang", choices=["id", "en"], default="id")


def _run_recommend(args: argparse.Namespace) -> int:
    from guide.advice.engine import recommend

    raw = read_input(args.file, MAX_JSON_BYTES)
    try:
        brief = brief_from_json(raw)
    except BriefError as e:
        raise CliError(f"invalid brief: {e.problems[0].english()}") from None
    result = recommend(brief, lang=args.lang)
    write_output(result.model_dump_json(indent=2) + "\n")
    return EXIT_OK


# ---- the frame --------------------------------------------------------------------------------------

def build_parser() -> argparse.ArgumentParser:
    parser = Parser(prog="python -m guide", description="Panduan Strategi Kreator — creator strategy guide")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=Parser)

    def add(name: str, help: str, run: Run) -> argparse.ArgumentParser:
        p: argparse.ArgumentParser = sub.add_parser(name, help=help)
        p.set_defaults(_run=run)
        return p

    _add_recommend(add)
    for module in COMMAND_MODULES:
        module.add_commands(add)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        status: int = args._run(args)
        return status
    except CliError as e:
        say(e.message)
        return e.status
    except KeyboardInterrupt:
        say("interrupted")
        return 130
