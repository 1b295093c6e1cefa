"""The hostile uploads corpus (tests/hostile/uploads.yaml): every file, through the reader a page and the CLI
use, gives the rows a person expects and problems that name the row and the user's own column, never a
traceback (issue 19, items 1-8)."""

from __future__ import annotations

import tracemalloc
from pathlib import Path
from typing import Any

import pytest
import yaml
from hostile.uploads.make import build

from guide.creators.roster import RosterError, parse_roster
from guide.results.analysis import parse_results
from guide.text.tabular import read_table

HERE = Path(__file__).resolve().parent
CASES: list[dict[str, Any]] = yaml.safe_load((HERE / "uploads.yaml").read_text(encoding="utf-8"))


def read(case: dict[str, Any]) -> tuple[int, dict[str, list[Any]], list[Any], str | None, str]:
    """(rows read, their values by field, problems, fatal code, encoding) for one case."""
    data = build(case["file"])
    target = case["target"]
    name = case.get("name") or ("f.xlsx" if "xlsx" in case["file"] else "f.csv")
    if target == "table":
        t = read_table(data, name)
        fatal = t.fatal.code if t.fatal else None
        return len(t.row_list()), {}, t.problems, fatal, t.encoding
    if target == "roster":
        try:
            p = parse_roster(data, name)
        except RosterError as e:
            return 0, {}, [e.problem], e.problem.code, ""
        ok = p.valid
        values = {"followers": [int(x) for x in p.followers[ok]], "name": [n for n, v in zip(p.name, ok, strict=True) if v],
                  "fee_idr": [int(x) for x in p.fee_idr[ok] if x == x]}
        return int(ok.sum()), values, list(p.problems), None, p.source
    f = parse_results(data, name)
    fatal = next((p.code for p in f.problems if p.row == 0 and p.severity == "error"), None)
    values = {c: [getattr(post, c) for post in f.posts] for c in ("cost_idr", "impressions", "creator")}
    return len(f.posts), values, list(f.problems), fatal, ""


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_upload(case: dict[str, Any]) -> None:
    tracemalloc.start()
    try:
        n, values, problems, fatal, encoding = read(case)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    got = [(p.row, p.column, p.code) for p in problems]
    assert fatal == case.get("fatal"), got
    if "rows" in case:
        assert n == case["rows"], got
    for field, want in case.get("values", {}).items():
        assert values[field] == want, (field, got)
    for row, column, code in case.get("problems", []):
        assert (row, column, code) in got, got
    for code in case.get("absent", []):
        assert code not in {g[2] for g in got}, got
    if "encoding" in case:
        assert encoding == case["encoding"]
    if "peak_mb" in case:
        assert peak < case["peak_mb"] * 1024 * 1024, peak
    for p in problems:
        for lang in ("id", "en"):
            msg = p.message(lang)
            assert msg and ".problem." not in msg and "{" not in msg, msg
    for fragment in case.get("shows", []):
        assert any(fragment in p.message("en") for p in problems), [p.message("en") for p in problems]
