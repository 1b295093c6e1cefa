"""`python -m guide recommend`: JSON in, JSON out; bad input exits 2 with one line, never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def run(args: list[str], stdin: str | bytes = b"") -> subprocess.CompletedProcess[bytes]:
    data = stdin.encode() if isinstance(stdin, str) else stdin
    return subprocess.run([sys.executable, "-m", "guide", *args], cwd=ROOT, input=data, capture_output=True,
                          timeout=60)


def test_recommend_from_stdin_in_both_languages():
    brief = {"goal": "testimonials", "budget_idr": 3_000_000, "audience": "niche", "industry": "beauty",
             "brand_stage": "new"}
    outs = {}
    for lang in ("id", "en"):
        p = run(["recommend", "-", "--lang", lang], json.dumps(brief))
        assert p.returncode == 0, p.stderr
        outs[lang] = json.loads(p.stdout)
    assert outs["id"]["strategy"] == outs["en"]["strategy"] == "koc"
    assert outs["id"]["summary"] != outs["en"]["summary"]
    assert sum(line["cost_idr"] for line in outs["en"]["plan"]) <= 3_000_000


@pytest.mark.parametrize("stdin,needle", [
    ('{"goal": "fame", "budget_idr": 1, "audience": "niche", "industry": "food"}', "'goal'"),
    ('{"goal": "sales", "budget_idr": -1, "audience": "niche", "industry": "food"}', "'budget_idr'"),
    ('{"goal": "sales", "audience": "niche", "industry": "food"}', "'budget_idr'"),
    ('{"goal": "sales", "budget_idr": 1, "audience": "niche", "industry": "food", "extra": 1}', "'extra'"),
    ("not json", "not valid JSON"),
    ("", "empty"),
])
def test_invalid_brief_exits_2_with_one_line(stdin, needle):
    p = run(["recommend", "-"], stdin)
    assert p.returncode == 2
    err = p.stderr.decode()
    assert err.count("\n") == 1 and needle in err and "Traceback" not in err
    assert p.stdout == b""


def test_missing_file_and_bad_arguments_exit_2():
    p = run(["recommend", "/nonexistent/brief.json"])
    assert p.returncode == 2 and b"cannot read" in p.stderr and b"Traceback" not in p.stderr
    p = run(["recommend", "-", "--lang", "fr"])
    assert p.returncode == 2 and p.stderr.count(b"\n") == 1
