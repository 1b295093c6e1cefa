"""Scenario comparison and the what-if map: the recommended strategy over budget × goal × audience."""

from __future__ import annotations

import math
from dataclasses import dataclass

from .engine import ranking, recommend
from .knowledge import Figures, Knowledge, knowledge
from .models import AUDIENCES, GOALS, MAX_BUDGET_IDR, STRATEGIES, CampaignBrief, Recommendation, Strategy

BUDGET_STEPS = 64


def budget_grid(center: int, steps: int = BUDGET_STEPS) -> list[int]:
    """Log-spaced budgets from center/100 to center*100 (at least Rp 100.000 .. Rp 1 triliun)."""
    c = max(center, 1_000_000)
    lo, hi = math.log10(max(c / 100, 100_000)), math.log10(min(c * 100, MAX_BUDGET_IDR))
    out = sorted({int(round(10 ** (lo + (hi - lo) * i / (steps - 1)), -3)) for i in range(steps)})
    return out


@dataclass(frozen=True)
class Cell:
    budget_idr: int
    goal: str
    audience: str
    strategy: Strategy


def whatif_map(brief: CampaignBrief, figures: Figures | None = None, k: Knowledge | None = None,
               steps: int = BUDGET_STEPS) -> list[Cell]:
    """The winning strategy for every budget × goal × audience around the brief (≥1,000 briefs).

    Fast path: each rule's condition is evaluated once per (goal, audience) with the budget tests
    split out, so each budget only adds the budget-dependent rules.
    """
    k = k or knowledge()
    fig = figures or k.figures
    budgets = budget_grid(brief.budget_idr, steps)
    cells: list[Cell] = []
    for audience in AUDIENCES:
        for goal in GOALS:
            secondary = brief.secondary_goal if brief.secondary_goal != goal else None
            base = brief.model_copy(update={"goal": goal, "audience": audience, "secondary_goal": secondary})
            fixed = dict.fromkeys(STRATEGIES, 0.0)
            budget_rules = []
            for rule in k.rules:
                cond = rule.when
                if cond.budget_below is None and cond.budget_at_least is None:
                    w = cond.weight(base, fig)
                    for s, e in rule.effects.items():
                        fixed[s] += e * w
                else:
                    free = cond.model_copy(update={"budget_below": None, "budget_at_least": None})
                    w = free.weight(base, fig)
                    if w > 0:
                        lo: float = fig.units_cost(cond.budget_at_least, base) if cond.budget_at_least else 0
                        hi: float = fig.units_cost(cond.budget_below, base) if cond.budget_below else math.inf
                        budget_rules.append((lo, hi, {s: e * w for s, e in rule.effects.items()}))
            for b in budgets:
                raw = dict(fixed)
                for lo, hi, eff in budget_rules:
                    if lo <= b < hi:
                        for strat, points in eff.items():
                            raw[strat] += points
                cells.append(Cell(b, goal, audience, ranking(raw)[0]))
    return cells


SCENARIOS = ("current", "double", "half", "other_goal")


def scenario_briefs(brief: CampaignBrief, other_goal: str) -> dict[str, CampaignBrief]:
    sec = brief.secondary_goal if brief.secondary_goal != other_goal else None
    return {
        "current": brief,
        "double": brief.model_copy(update={"budget_idr": min(brief.budget_idr * 2, MAX_BUDGET_IDR)}),
        "half": brief.model_copy(update={"budget_idr": brief.budget_idr // 2}),
        "other_goal": brief.model_copy(update={"goal": other_goal, "secondary_goal": sec}),
    }


def compare(briefs: dict[str, CampaignBrief], lang: str, figures: Figures | None = None) -> dict[str, Recommendation]:
    return {name: recommend(b, lang=lang, figures=figures) for name, b in briefs.items()}
