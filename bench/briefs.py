"""Seeded random briefs over the whole brief space, as the dicts a JSON file or the CLI would give."""

from __future__ import annotations

import random
import string
from typing import Any

from guide.models import (
    AUDIENCES,
    BRAND_STAGES,
    CONTENTS,
    GOALS,
    INDUSTRIES,
    MAX_BUDGET_IDR,
    MAX_NAME_CHARS,
    MAX_PRODUCT_VALUE_IDR,
    PLATFORMS,
)

NAME_CHARS = string.ascii_letters + string.digits + " -&.'àéíóú"


def _log_int(rng: random.Random, lo: float, hi: float) -> int:
    return round(10 ** rng.uniform(lo, hi))


def brief_dict(rng: random.Random) -> dict[str, Any]:
    """One valid brief: required fields always, each optional field present about half the time."""
    goal = rng.choice(GOALS)
    r = rng.random()
    budget = 0 if r < 0.01 else MAX_BUDGET_IDR if r < 0.02 else _log_int(rng, 5, 12)  # Rp 100.000 .. 1 triliun
    d: dict[str, Any] = {
        "goal": goal,
        "budget_idr": min(budget, MAX_BUDGET_IDR),
        "audience": rng.choice(AUDIENCES),
        "industry": rng.choice(INDUSTRIES),
    }
    if rng.random() < 0.8:
        d["platforms"] = rng.sample(PLATFORMS, rng.randint(0, len(PLATFORMS)))
    if rng.random() < 0.5:
        d["brand_stage"] = rng.choice(BRAND_STAGES)
    if rng.random() < 0.5:
        d["content"] = rng.choice([None, *CONTENTS])
    if rng.random() < 0.5:
        d["duration_weeks"] = rng.randint(1, 104)
    if rng.random() < 0.5:
        d["secondary_goal"] = rng.choice([None, *[g for g in GOALS if g != goal]])
    if rng.random() < 0.5:
        d["product_value_idr"] = rng.choice([None, _log_int(rng, 4, 8)])
    if d.get("product_value_idr"):
        d["product_value_idr"] = min(d["product_value_idr"], MAX_PRODUCT_VALUE_IDR)
    if rng.random() < 0.5:
        d["name"] = rng.choice([None, "".join(rng.choice(NAME_CHARS) for _ in range(rng.randint(1, MAX_NAME_CHARS)))])
    return d


def brief_dicts(n: int, seed: int = 6) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    return [brief_dict(rng) for _ in range(n)]


def langs(n: int, seed: int = 6) -> list[str]:
    rng = random.Random(seed + 1)
    return [rng.choice(("id", "en")) for _ in range(n)]
