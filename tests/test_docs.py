"""docs/rules.md stays true to data/rules.yaml: every rule is listed with its current effects."""

from __future__ import annotations

import re
from pathlib import Path

from guide import knowledge

DOC = Path(__file__).resolve().parents[1] / "docs" / "rules.md"


def effects_text(effects: dict[str, int]) -> str:
    return ", ".join(f"{k} {v:+d}".replace("-", "−") for k, v in effects.items()) or "—"


def test_rules_table_matches_the_rules_file():
    rows = {}
    for line in DOC.read_text(encoding="utf-8").splitlines():
        m = re.match(r"\| `([a-z0-9-]+)` \|(.*)\|", line)
        if m and m.group(1).startswith("a0"):
            cells = [c.strip() for c in line.strip("|").split("|")]
            rows.setdefault(m.group(1), cells)
    for rule in knowledge().rules:
        assert rule.id in rows, f"{rule.id} missing from docs/rules.md"
        assert rows[rule.id][3] == effects_text(dict(rule.effects)), rule.id


def test_every_make_target_the_docs_name_exists():
    targets = set(re.findall(r"^([a-z][a-z0-9-]*):", (DOC.parents[1] / "Makefile").read_text(), re.M))
    for doc in ("testing.md", "performance.md"):
        named = set(re.findall(r"`make ([a-z][a-z0-9-]*)", (DOC.parent / doc).read_text(encoding="utf-8")))
        assert named, f"docs/{doc} names no make target"
        assert named - targets == set(), f"docs/{doc} names missing make targets"
