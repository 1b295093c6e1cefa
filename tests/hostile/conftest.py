"""Fixtures of the CLI cases in the hostile corpus: a folder holding a brief, and `python -m guide` run in it."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BRIEF = b'{"goal":"sales","budget_idr":60000000,"audience":"niche","industry":"parenting"}'
Guide = Callable[..., subprocess.CompletedProcess[bytes]]


@pytest.fixture()
def work(tmp_path: Path) -> Path:
    (tmp_path / "brief.json").write_bytes(BRIEF)
    return tmp_path


@pytest.fixture()
def guide() -> Guide:
    def run(*args: str, cwd: Path, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        return subprocess.run([sys.executable, "-m", "guide", *args], cwd=cwd, input=stdin, capture_output=True,
                              timeout=120, env=env)

    return run
