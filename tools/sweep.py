"""Sweeps of the recommendation (issue 9's strategy sweep; issue 23's budget ladder).

Run alone: `python -m tools.sweep` (strategy mix over goal × industry × audience × {Rp 5 jt, 50 jt, 500 jt})
and `python -m tools.sweep --ladder [--industries beauty,health,food] [--content expert]` (every goal × audience × industry from
Rp 2 jt to Rp 2 M in 5 % steps: strategy mix, idle money, flat steps, falls). Other answers keep the brief's
defaults. Prints JSON.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter

from guide import CampaignBrief, recommend
from guide.advice.models import AUDIENCES, GOALS, INDUSTRIES, Recommendation

BUDGETS = (5_000_000, 50_000_000, 500_000_000)
LADDER_FROM, LADDER_TO, LADDER_STEP = 2_000_000, 2_000_000_000, 1.05


def measure() -> dict[str, float | int | str]:
    wins: Counter[str] = Counter()
    close = 0
    for goal in GOALS:
        for industry in INDUSTRIES:
            for audience in AUDIENCES:
                for budget in BUDGETS:
                    rec = recommend(CampaignBrief(goal=goal, industry=industry, audience=audience,
                                                  budget_idr=budget), lang="en")
                    wins[rec.strategy] += 1
                    close += rec.margin < 3
    out: dict[str, float | int | str] = {f"sweep_{s}": wins[s] for s in ("kol", "influencer", "koc", "combined")}
    out["sweep_briefs"] = sum(wins.values())
    out["sweep_close_calls"] = close
    return out


def ladder() -> list[int]:
    out, b = [], float(LADDER_FROM)
    while b <= LADDER_TO * (1 + 1e-9):
        out.append(round(b))
        b *= LADDER_STEP
    return out


def _metric(rec: Recommendation) -> float:
    """The goal's metric as the page shows it (middle of the range; counts for the voices objectives)."""
    if rec.objective == "reach":
        return (rec.reach_total.low + rec.reach_total.high) / 2
    if rec.objective == "expert-voices":
        return rec.kol_count * 1e9 + (rec.engagements_total.low + rec.engagements_total.high) / 2
    if rec.objective == "honest-voices":
        return rec.koc_count * 1e9 + (rec.engagements_total.low + rec.engagements_total.high) / 2
    return (rec.engagements_total.low + rec.engagements_total.high) / 2


def measure_ladder(industries: tuple[str, ...], content: str | None = None) -> dict[str, object]:
    budgets = ladder()
    planned: Counter[str] = Counter()
    reasons: Counter[str] = Counter()
    steps = flat = flat_cheaper_fits = falls = strategy_falls = 0
    idle5 = idle10 = unexplained = 0
    t0 = time.perf_counter()
    for goal in GOALS:
        for audience in AUDIENCES:
            for industry in industries:
                prev: Recommendation | None = None
                for budget in budgets:
                    rec = recommend(CampaignBrief(goal=goal, industry=industry, audience=audience,  # type: ignore[arg-type]
                                                  budget_idr=budget, content=content), lang="en")
                    planned[rec.planned_strategy or "none"] += 1
                    if rec.planned_strategy is not None:
                        share = rec.unallocated_idr / budget
                        idle5 += share >= 0.05
                        idle10 += share >= 0.10
                        if rec.unallocated_reason:
                            reasons[rec.unallocated_reason] += 1
                        elif share >= 0.05:
                            unexplained += 1
                    if prev is not None and prev.planned_strategy is not None:
                        steps += 1
                        if rec.spend_idr <= prev.spend_idr and rec.plan == prev.plan:
                            flat += 1
                            cheapest = min((ln.unit_cost_idr for ln in rec.plan), default=0)
                            if rec.plan and rec.unallocated_idr >= cheapest:
                                flat_cheaper_fits += 1
                        if _metric(rec) < _metric(prev) * (1 - 1e-6):
                            falls += 1
                            strategy_falls += rec.planned_strategy != prev.planned_strategy
                    prev = rec
    n = sum(planned.values())
    return {
        "ladder_briefs": len(GOALS) * len(AUDIENCES) * len(industries), "ladder_budgets": len(budgets),
        "ladder_recommendations": n, "ladder_seconds": round(time.perf_counter() - t0, 1),
        "planned_strategy": dict(planned), "steps": steps, "flat_steps": flat,
        "flat_steps_where_a_cheaper_creator_fits": flat_cheaper_fits,
        "metric_falls": falls, "metric_falls_at_a_strategy_switch": strategy_falls,
        "idle_at_least_5pct": idle5, "idle_at_least_10pct": idle10, "idle_unexplained": unexplained,
        "idle_reasons": dict(reasons),
    }


if __name__ == "__main__":
    ap = argparse.ArgumentParser(prog="python -m tools.sweep")
    ap.add_argument("--ladder", action="store_true", help="the budget ladder Rp 2 jt → Rp 2 M in 5 % steps")
    ap.add_argument("--industries", default=",".join(INDUSTRIES), help="comma-separated industries for --ladder")
    ap.add_argument("--content", choices=("polished", "authentic", "expert"), help="the content answer for --ladder")
    args = ap.parse_args()
    if args.ladder:
        print(json.dumps(measure_ladder(tuple(args.industries.split(",")), args.content), indent=1))
    else:
        print(json.dumps(measure()))
