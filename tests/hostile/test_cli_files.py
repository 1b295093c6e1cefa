"""Hostile outputs and inputs of the command line: `report --out` onto symlinks, FIFOs, directories, existing
private files and `-`; `results -` and unusable results files. Each runs `python -m guide` as a user would."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BRIEF = b'{"goal":"sales","budget_idr":60000000,"audience":"niche","industry":"parenting"}'


def guide(*args: str, cwd: Path, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "guide", *args], cwd=cwd, input=stdin, capture_output=True,
                          timeout=120, env=env)


@pytest.fixture()
def work(tmp_path: Path) -> Path:
    (tmp_path / "brief.json").write_bytes(BRIEF)
    return tmp_path


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".guide-"))


def test_out_through_a_symlink_writes_the_file_it_points_to(work: Path) -> None:
    real = work / "real.md"
    real.write_text("old")
    (work / "link.md").symlink_to(real)
    p = guide("report", "brief.json", "--format", "md", "--out", "link.md", cwd=work)
    assert p.returncode == 0, p.stderr
    assert (work / "link.md").is_symlink()
    assert real.read_text(encoding="utf-8").startswith("# ")
    assert leftovers(work) == []


def test_out_keeps_an_existing_files_mode(work: Path) -> None:
    target = work / "plan.md"
    target.write_text("old")
    target.chmod(0o600)
    assert guide("report", "brief.json", "--format", "md", "--out", "plan.md", cwd=work).returncode == 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert target.read_text(encoding="utf-8").startswith("# ")


def test_out_into_a_fifo_writes_into_it(work: Path) -> None:
    fifo = work / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    p = guide("report", "brief.json", "--format", "md", "--out", "pipe", cwd=work)
    reader.join(60)
    assert p.returncode == 0, p.stderr
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert got and got[0].startswith(b"# ")
    assert leftovers(work) == []


def test_out_a_directory_is_a_clear_error_and_leaves_nothing(work: Path) -> None:
    (work / "folder").mkdir()
    p = guide("report", "brief.json", "--format", "pdf", "--out", "folder", cwd=work)
    assert p.returncode == 2
    assert p.stderr.decode() == "guide: cannot write folder: it is a folder; name a file inside it\n"
    assert leftovers(work) == [] and leftovers(work / "folder") == []


def test_out_dash_is_standard_output(work: Path) -> None:
    p = guide("report", "brief.json", "--format", "md", "--out", "-", cwd=work)
    assert p.returncode == 0 and p.stdout.startswith(b"# ")
    assert not (work / "-").exists()


def test_out_in_a_missing_folder_is_one_line(work: Path) -> None:
    p = guide("report", "brief.json", "--format", "md", "--out", "nope/plan.md", cwd=work)
    assert p.returncode == 2
    assert p.stderr.decode() == "guide: cannot write nope/plan.md: No such file or directory\n"
