"""Turn a budget into a costed, phased plan for one strategy. Pure; never spends more than the budget."""

from __future__ import annotations

import math
from typing import NamedTuple

from .knowledge import Figures, Knowledge, LineSpec, MixRow
from .models import TIERS, CampaignBrief, Kind, PlanLine, Strategy


class Unit(NamedTuple):
    """One unit of a kind under given figures: its cost band, audience and engagement bands, and sources."""

    low: int
    mid: int
    high: int
    followers_low: int
    followers_high: int
    er_low: float
    er_high: float
    basis: tuple[str, ...]


def unit(figures: Figures, kind: Kind, brief: CampaignBrief) -> Unit:
    """The figures of one unit of `kind` (a KOC's product value from the brief replaces its rate band)."""
    kf = figures.kinds[kind]
    low, mid, high = figures.unit_band(kind, brief)
    return Unit(low, mid, high, kf.followers_low, kf.followers_high, kf.er_low, kf.er_high,
                _basis(kind, kf.rate_source, kf.followers_source, kf.er_source, figures.completion_factor.source,
                       brief))


def _mix_specs(row: MixRow, figures: Figures) -> tuple[LineSpec, ...]:
    """The influencer lines of a tier-mix row: biggest share first; the cheapest tier is the core line."""
    mix = row.mix
    cheapest = min(mix, key=lambda t: (figures.kinds[t].rate_mid, TIERS.index(t)))
    tiers = sorted(mix, key=lambda t: (-mix[t], TIERS.index(t)))
    return tuple(LineSpec(kind=t, share=mix[t], phase=1, core=(t == cheapest)) for t in tiers)


def line_specs(strategy: Strategy, brief: CampaignBrief, k: Knowledge, figures: Figures) -> tuple[LineSpec, ...]:
    """The lines a strategy's plan is made of for this brief (plan.yaml, conditions by `Condition.weight`)."""
    if strategy == "influencer":
        return _mix_specs(k.plan.mix_for(brief, figures), figures)
    spec = k.plan.strategies[strategy]
    if spec.expert_line is not None and spec.expert_line.when.weight(brief, figures) == 1.0:
        return (*spec.lines[:1], spec.expert_line.line, *spec.lines[1:])
    return spec.lines


def minimum_cost(strategy: Strategy, brief: CampaignBrief, k: Knowledge, figures: Figures) -> int:
    """The cost of one unit of every core line: below it the strategy cannot be funded."""
    return sum(unit(figures, s.kind, brief).mid for s in line_specs(strategy, brief, k, figures) if s.core)


def _weeks(phase: int, phases: int, duration: int) -> tuple[int, int]:
    if phases == 1 or duration == 1:
        return 1, duration
    half = math.ceil(duration / 2)
    return (1, half) if phase == 1 else (half + 1, duration)


class _Shape(NamedTuple):
    """What a plan's lines cost before any budget is split."""

    units: tuple[Unit, ...]
    rates: tuple[int, ...]  # planning cost of one unit per line (the middle of its band)
    core: tuple[int, ...]  # 1 for a core line (one unit is funded first), else 0
    core_cost: int
    fractions: tuple[float, ...]  # each line's share of what is left after the core units
    cheapest: int


def _shape(specs: tuple[LineSpec, ...], figures: Figures, brief: CampaignBrief) -> _Shape:
    units = tuple(unit(figures, s.kind, brief) for s in specs)
    rates = tuple(u.mid for u in units)
    core = tuple(1 if s.core else 0 for s in specs)
    total_share = sum(s.share for s in specs) or 1.0
    return _Shape(units, rates, core, sum(r for r, c in zip(rates, core, strict=True) if c),
                  tuple(s.share / total_share for s in specs), min(rates))


def build_plan(strategy: Strategy, brief: CampaignBrief, k: Knowledge,
               figures: Figures) -> tuple[PlanLine, ...] | None:
    """The plan for `strategy`, or None when the budget cannot fund one unit of each core line."""
    specs = line_specs(strategy, brief, k, figures)
    shape = _shape(specs, figures, brief)
    units, rates = shape.units, shape.rates
    budget = brief.budget_idr
    spent = shape.core_cost
    if spent > budget or (spent == 0 and budget < shape.cheapest):
        return None
    counts = list(shape.core)

    # Share pass: the budget left after the core units is split by share.
    remaining = budget - spent
    for i, frac in enumerate(shape.fractions):
        n = int(remaining * frac) // rates[i]
        counts[i] += n
        spent += n * rates[i]

    # Leftover pass: whole passes over the affordable lines in bulk, then one unit at a time in order.
    leftover = budget - spent
    while True:
        affordable = [i for i in range(len(specs)) if rates[i] <= leftover]
        if not affordable:
            break
        per_pass = sum(rates[i] for i in affordable)
        passes = leftover // per_pass
        if passes >= 1:
            for i in affordable:
                counts[i] += passes
            leftover -= passes * per_pass
        else:
            i = affordable[0]
            counts[i] += 1
            leftover -= rates[i]

    phases = max([s.phase for s, n in zip(specs, counts, strict=True) if n], default=1)
    c = figures.completion_factor.value
    duration = brief.duration_weeks
    lines: list[PlanLine] = []
    for s, n, u in zip(specs, counts, units, strict=True):
        if n <= 0:
            continue
        start, end = (1, duration) if phases == 1 or duration == 1 else _weeks(s.phase, phases, duration)
        lines.append(PlanLine(
            kind=s.kind,
            count=n,
            cost_idr=n * u.mid,
            unit_cost_idr=u.mid,
            cost_band={"low": n * u.low, "high": n * u.high},
            reach={"low": int(n * u.followers_low * c), "high": int(n * u.followers_high * c)},
            engagements={
                "low": int(n * u.followers_low * u.er_low / 100 * c),
                "high": int(n * u.followers_high * u.er_high / 100 * c),
            },
            phase=s.phase,
            start_week=start,
            end_week=end,
            basis=u.basis,
        ))
    if len(lines) > 1:
        lines.sort(key=lambda ln: (ln.phase, KIND_ORDER[ln.kind]))
    return tuple(lines)


KIND_ORDER: dict[Kind, int] = {"kol": 0, "mega": 1, "macro": 2, "mid": 3, "micro": 4, "nano": 5, "koc": 6}


def _basis(kind: Kind, rate: str, followers: str, er: str, completion: str,
           brief: CampaignBrief) -> tuple[str, ...]:
    rate_src = "brief:product_value_idr" if kind == "koc" and brief.product_value_idr else rate
    return (f"rate:{rate_src}", f"followers:{followers}", f"er:{er}", f"completion:{completion}")
