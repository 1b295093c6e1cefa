"""`python -m guide results`: `-` reads standard input (CSV or XLSX); a file with nothing usable exits 2 with
one line, as the README says."""

from __future__ import annotations

import os
import subprocess
import sys
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


def test_results_dash_reads_standard_input(work: Path) -> None:
    sample = (ROOT / "data" / "sample_results.csv").read_bytes()
    p = guide("results", "-", cwd=work, stdin=sample)
    assert p.returncode == 0, p.stderr
    assert b'  "rows_read": 28,' in p.stdout and b'"problems": []' in p.stdout


def test_results_dash_reads_an_xlsx_on_standard_input(work: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["creator", "kind", "platform", "cost_idr"])
    ws.append(["Dewi", "micro", "instagram", 1500000])
    path = work / "r.xlsx"
    wb.save(path)
    p = guide("results", "-", cwd=work, stdin=path.read_bytes())
    assert p.returncode == 0, p.stderr
    assert b'  "rows_read": 1,' in p.stdout and b'"cost_idr": 1500000' in p.stdout


@pytest.mark.parametrize("name,content", [
    ("notes.pdf", b"%PDF-1.4"),
    ("empty.csv", b""),
    ("header-only.csv", b"creator,kind,platform,cost_idr\n"),
])
def test_an_unusable_results_file_exits_2_with_one_line(work: Path, name: str, content: bytes) -> None:
    (work / name).write_bytes(content)
    p = guide("results", name, "--lang", "en", cwd=work)
    err = p.stderr.decode()
    assert p.returncode == 2 and p.stdout == b"" and err.count("\n") == 1 and err.startswith("guide: "), err
    assert "Traceback" not in err
