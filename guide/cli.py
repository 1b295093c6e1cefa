"""Command line: `python -m guide <command> ...`; `recommend FILE|- [--lang id|en]` prints the Recommendation
as JSON.

Every command shares one frame, so none of them can be choked or print a traceback:

* input is read with `read_input(path, cap)`: at most `cap + 1` bytes, then refused (so `/dev/zero` or
  `/dev/urandom` end at once); a file that cannot be opened is one line;
* output is written with `write_output(text)`: a broken pipe, a full disk (`/dev/full`) or a closed standard
  output end the run with one line on stderr and exit status 1 (`EXIT_OUTPUT`);
* bad input raises `CliError(message)` (exit status 2, `EXIT_INPUT`): the frame prints `guide: <message>` as
  one line. Bad arguments are one line and status 2 too.

Adding a command (the creators and results helpers' `shortlist`, `report`, `results`) takes a module with

    from guide.cli import CliError, read_input, write_output

    def add_commands(add):                       # called once by main()
        p = add("shortlist", "shortlist creators from a roster CSV", run_shortlist)
        p.add_argument("roster", help="path to a roster CSV, or - for standard input")

    def run_shortlist(args) -> int:
        raw = read_input(args.roster, cap=2 * 1024 * 1024)    # bytes; CliError when too large or unreadable
        ...                                                  # raise CliError("row 3: ...") for bad input
        write_output(text)                                   # str or bytes
        return 0

and one line naming that module in `COMMAND_MODULES` below. `add(name, help, run)` returns the subcommand's
argparse parser.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Callable, Sequence
from typing import Protocol

from .briefio import MAX_JSON_BYTES, BriefError, brief_from_json

EXIT_OK = 0
EXIT_OUTPUT = 1
EXIT_INPUT = 2
# Modules that add commands (each defines `add_commands(add)`); one line per module.
COMMAND_MODULES: tuple[str, ...] = (
    "guide.creators_cli",  # shortlist, report
    "guide.results_report",  # results
)

Run = Callable[[argparse.Namespace], int]


class AddCommand(Protocol):
    def __call__(self, name: str, help: str, run: Run) -> argparse.ArgumentParser: ...


class CliError(Exception):
    """Bad input or an unusable file: printed as one line `guide: <message>`, exit `status`."""

    def __init__(self, message: str, status: int = EXIT_INPUT) -> None:
        super().__init__(message)
        self.message = " ".join(message.split())
        self.status = status


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        # One line on stderr and status 2, like an invalid brief.
        _say(message)
        raise SystemExit(EXIT_INPUT)


def _say(message: str) -> None:
    """One line on stderr (a closed or broken stderr is not worth a second failure)."""
    try:
        if sys.stderr is not None:
            sys.stderr.write(f"guide: {' '.join(message.split())}\n")
            sys.stderr.flush()
    except (OSError, ValueError):
        pass


def _size(cap: int) -> str:
    return f"{cap // 1024} KB" if cap < 1024 * 1024 else f"{cap // (1024 * 1024)} MB"


def read_input(path: str, cap: int = MAX_JSON_BYTES) -> bytes:
    """The bytes of `path` (or standard input for '-'), reading at most `cap + 1` bytes: more is refused
    with CliError, so an endless or huge input ends at once."""
    try:
        if path == "-":
            stream = sys.stdin.buffer if sys.stdin is not None else None
            if stream is None:
                raise CliError("cannot read standard input: it is closed")
            raw = stream.read(cap + 1)
        else:
            with open(path, "rb") as f:
                raw = f.read(cap + 1)
    except OSError as e:
        raise CliError(f"cannot read {path}: {e.strerror or e}") from None
    if len(raw) > cap:
        raise CliError(f"{'standard input' if path == '-' else path} is larger than {_size(cap)}; not read")
    return raw


def _silence_stdout() -> None:
    """After a failed write, point standard output at /dev/null so the interpreter's final flush of what
    is still buffered cannot fail (and print) a second time."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


def write_output(text: str | bytes) -> None:
    """Write to standard output and flush; a broken pipe, a full disk or a closed stdout raise CliError
    with status EXIT_OUTPUT."""
    out = sys.stdout
    if out is None:
        raise CliError("cannot write the output: standard output is closed", EXIT_OUTPUT)
    try:
        if isinstance(text, bytes):
            out.flush()
            out.buffer.write(text)
        else:
            out.write(text)
        out.flush()
    except BrokenPipeError:
        _silence_stdout()
        raise CliError("cannot write the output: the reading end of the pipe was closed", EXIT_OUTPUT) from None
    except OSError as e:
        _silence_stdout()
        raise CliError(f"cannot write the output: {e.strerror or e}", EXIT_OUTPUT) from None
    except ValueError:  # I/O operation on a closed file
        raise CliError("cannot write the output: standard output is closed", EXIT_OUTPUT) from None


# ---- recommend --------------------------------------------------------------------------------------

def _add_recommend(add: AddCommand) -> None:
    rec = add("recommend", "recommend a strategy for a JSON brief", _run_recommend)
    rec.add_argument("file", help="path to a JSON brief, or - for standard input")
    rec.add_argument("--lang", choices=["id", "en"], default="id")


def _run_recommend(args: argparse.Namespace) -> int:
    from .engine import recommend

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
    parser = _Parser(prog="python -m guide", description="Panduan Strategi Kreator — creator strategy guide")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    def add(name: str, help: str, run: Run) -> argparse.ArgumentParser:
        p: argparse.ArgumentParser = sub.add_parser(name, help=help)
        p.set_defaults(_run=run)
        return p

    _add_recommend(add)
    for module in COMMAND_MODULES:
        importlib.import_module(module).add_commands(add)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        status: int = args._run(args)
        return status
    except CliError as e:
        _say(e.message)
        return e.status
    except KeyboardInterrupt:
        _say("interrupted")
        return 130
