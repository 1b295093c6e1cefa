"""Turn a budget into a costed, phased plan for one strategy. Pure; never spends more than the budget."""

from __future__ import annotations

import math

from .knowledge import Figures, Knowledge, LineSpec, MixRow
from .models import TIERS, CampaignBrief, Kind, PlanLine, Range, Strategy

_MIX_SPECS: dict[tuple[int, Kind], tuple[MixRow, tuple[LineSpec, ...]]] = {}


def _mix_specs(row: MixRow, cheapest: Kind) -> tuple[LineSpec, ...]:
    """The influencer lines of a tier-mix row (immutable; built once per row and cheapest tier)."""
    key = (id(row), cheapest)
    hit = _MIX_SPECS.get(key)
    if hit is not None and hit[0] is row:
        return hit[1]
    mix = row.mix
    tiers = sorted(mix, key=lambda t: (-mix[t], TIERS.index(t)))
    specs = tuple(LineSpec(kind=t, share=mix[t], phase=1, core=(t == cheapest)) for t in tiers)
    if len(_MIX_SPECS) > 10_000:
        _MIX_SPECS.clear()
    _MIX_SPECS[key] = (row, specs)
    return specs


def line_specs(strategy: Strategy, brief: CampaignBrief, k: Knowledge, figures: Figures) -> list[LineSpec]:
    spec = k.plan.strategies[strategy]
    if strategy == "influencer":
        row = k.plan.mix_for(brief, figures)
        cheapest = min(row.mix, key=lambda t: (figures.unit_band(t, brief)[1], TIERS.index(t)))
        return list(_mix_specs(row, cheapest))
    lines = list(spec.lines)
    if spec.expert_line is not None and spec.expert_line.when.weight(brief, figures) == 1.0:
        lines.insert(1, spec.expert_line.line)
    return lines


def minimum_cost(strategy: Strategy, brief: CampaignBrief, k: Knowledge, figures: Figures) -> int:
    """The cost of one unit of every core line: below it the strategy cannot be funded."""
    return sum(figures.unit_band(s.kind, brief)[1]
               for s in line_specs(strategy, brief, k, figures) if s.core)


def _weeks(phase: int, phases: int, duration: int) -> tuple[int, int]:
    if phases == 1 or duration == 1:
        return 1, duration
    half = math.ceil(duration / 2)
    return (1, half) if phase == 1 else (half + 1, duration)


def build_plan(strategy: Strategy, brief: CampaignBrief, k: Knowledge,
               figures: Figures) -> tuple[PlanLine, ...] | None:
    """The plan for `strategy`, or None when the budget cannot fund one unit of each core line."""
    specs = line_specs(strategy, brief, k, figures)
    rates = [figures.unit_band(s.kind, brief)[1] for s in specs]
    budget = brief.budget_idr
    counts = [1 if s.core else 0 for s in specs]
    spent = sum(r for r, c in zip(rates, counts, strict=True) if c)
    if spent > budget or (spent == 0 and budget < min(rates)):
        return None

    # Share pass: the budget left after the core units is split by share.
    remaining = budget - spent
    total_share = sum(s.share for s in specs) or 1.0
    for i, s in enumerate(specs):
        n = int(remaining * (s.share / total_share)) // rates[i]
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

    phases = max((s.phase for s, c in zip(specs, counts, strict=True) if c), default=1)
    c = figures.completion_factor.value
    lines: list[PlanLine] = []
    for s, n, rate in zip(specs, counts, rates, strict=True):
        if n <= 0:
            continue
        kf = figures.kinds[s.kind]
        low, _, high = figures.unit_band(s.kind, brief)
        start, end = _weeks(s.phase, phases, brief.duration_weeks)
        lines.append(PlanLine(
            kind=s.kind,
            count=n,
            cost_idr=n * rate,
            unit_cost_idr=rate,
            cost_band=Range(low=n * low, high=n * high),
            reach=Range(low=int(n * kf.followers_low * c), high=int(n * kf.followers_high * c)),
            engagements=Range(
                low=int(n * kf.followers_low * kf.er_low / 100 * c),
                high=int(n * kf.followers_high * kf.er_high / 100 * c),
            ),
            phase=s.phase,
            start_week=start,
            end_week=end,
            basis=_basis(s.kind, kf.rate_source, kf.followers_source, kf.er_source,
                         figures.completion_factor.source, brief),
        ))
    lines.sort(key=lambda ln: (ln.phase, KIND_ORDER[ln.kind]))
    return tuple(lines)


KIND_ORDER: dict[Kind, int] = {"kol": 0, "mega": 1, "macro": 2, "mid": 3, "micro": 4, "nano": 5, "koc": 6}


def _basis(kind: Kind, rate: str, followers: str, er: str, completion: str,
           brief: CampaignBrief) -> tuple[str, ...]:
    rate_src = "brief:product_value_idr" if kind == "koc" and brief.product_value_idr else rate
    return (f"rate:{rate_src}", f"followers:{followers}", f"er:{er}", f"completion:{completion}")
