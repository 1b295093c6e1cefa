"""The command line's frame, shared by every `python -m guide` command: read input with a size cap, write output
without a traceback, and turn bad input into one line and an exit status.

* input is read with `read_input(path, cap)`: at most `cap + 1` bytes, then refused (so `/dev/zero` or
  `/dev/urandom` end at once); a file that cannot be opened is one line;
* output is written with `write_output(text)`: a broken pipe, a full disk (`/dev/full`) or a closed standard
  output end the run with one line on stderr and exit status 1 (`EXIT_OUTPUT`);
* files are written with `write_file(path, data)`;
* bad input raises `CliError(message)` (exit status 2, `EXIT_INPUT`): the frame prints `guide: <message>` as
  one line.

A feature's commands live in its own `cli.py` with `add_commands(add)`; `guide/cli.py` imports each by name.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import os
import stat
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

EXIT_OK = 0
EXIT_OUTPUT = 1
EXIT_INPUT = 2

Run = Callable[[argparse.Namespace], int]


class AddCommand(Protocol):
    def __call__(self, name: str, help: str, run: Run) -> argparse.ArgumentParser: ...


class CliError(Exception):
    """Bad input or an unusable file: printed as one line `guide: <message>`, exit `status`."""

    def __init__(self, message: str, status: int = EXIT_INPUT) -> None:
        super().__init__(message)
        self.message = " ".join(message.split())
        self.status = status


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        # One line on stderr and status 2, like an invalid brief.
        say(message)
        raise SystemExit(EXIT_INPUT)


def say(message: str) -> None:
    """One line on stderr (a closed or broken stderr is not worth a second failure)."""
    try:
        if sys.stderr is not None:
            sys.stderr.write(f"guide: {' '.join(message.split())}\n")
            sys.stderr.flush()
    except (OSError, ValueError):
        pass


def _size(cap: int) -> str:
    return f"{cap // 1024} KB" if cap < 1024 * 1024 else f"{cap // (1024 * 1024)} MB"


def read_input(path: str, cap: int) -> bytes:
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




def write_file(path: str, data: bytes) -> None:
    """Write `data` to `path` as other Unix tools do:

    * `-` is standard output;
    * a symlink is written through (the file it points to is replaced, the link stays);
    * a FIFO, a terminal or another special file is written into, never replaced by a file;
    * a regular file is replaced atomically (a temporary file in the same folder, renamed over it) and keeps
      its mode; a new file gets the user's umask;
    * a folder is refused with a message; no temporary file is ever left behind.
    """
    if path == "-":
        write_output(data)
        return
    target = Path(os.path.realpath(path))  # through symlinks: the file they point to
    try:
        st = target.stat()
    except FileNotFoundError:
        st = None
    except OSError as e:
        raise CliError(f"cannot write {path}: {e.strerror}") from None
    if st is not None and stat.S_ISDIR(st.st_mode):
        raise CliError(f"cannot write {path}: it is a folder; name a file inside it")
    if st is not None and not stat.S_ISREG(st.st_mode):
        try:
            with open(target, "wb") as f:
                f.write(data)
        except OSError as e:
            raise CliError(f"cannot write {path}: {e.strerror}", EXIT_OUTPUT) from None
        return
    if st is not None:
        mode = stat.S_IMODE(st.st_mode)
    else:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    tmp: str | None = None
    try:
        if not target.parent.is_dir():
            raise FileNotFoundError(errno.ENOENT, "No such file or directory")
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".guide-")
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.chmod(tmp, mode)  # mkstemp makes it private; keep the existing file's mode, or the umask's
        os.replace(tmp, target)
        tmp = None
    except OSError as e:
        raise CliError(f"cannot write {path}: {e.strerror}") from None
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
