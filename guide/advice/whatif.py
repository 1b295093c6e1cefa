"""Scenario comparison and the what-if map: the recommended strategy over budget × goal × audience."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from guide.advice.engine import ranking, recommend
from guide.advice.knowledge import Figures, Knowledge, knowledge
from guide.advice.models import AUDIENCES, GOALS, MAX_BUDGET_IDR, STRATEGIES, CampaignBrief, Recommendation, Strategy
from guide.advice.planner import minimum_budget

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

    The same condition evaluation as the engine (`Condition.answers_weight` and `Condition.budget_window`),
    done once per (goal, audience); each budget then only adds the rules whose budget window holds.
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
            windowed: list[tuple[float, float, dict[Strategy, float]]] = []
            for rule in k.rules:
                w = rule.when.answers_weight(base)
                if w == 0.0:
                    continue
                lo, hi = rule.when.budget_window(base, fig)
                if lo == 0.0 and hi == math.inf:
                    for s, e in rule.effects.items():
                        fixed[s] += e * w
                else:
                    windowed.append((lo, hi, {s: e * w for s, e in rule.effects.items()}))
            for b in budgets:
                raw = dict(fixed)
                for lo, hi, eff in windowed:
                    if lo <= b < hi:
                        for strat, points in eff.items():
                            raw[strat] += points
                cells.append(Cell(b, goal, audience, ranking(raw, _cell_cost(base, b, k, fig))[0]))
    return cells


def _cell_cost(base: CampaignBrief, budget: int, k: Knowledge, fig: Figures) -> Callable[[Strategy], int]:
    """The tie-break's cost for one cell, built only when the ranking needs it (an exact tie)."""
    def cost(s: Strategy) -> int:
        return minimum_budget(s, base.model_copy(update={"budget_idr": budget}), k, fig)
    return cost


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
