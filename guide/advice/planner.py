"""Turn a budget into a costed, phased plan for one strategy. Pure; never spends more than the budget.

The plan holds back a reserve (shipping, fees, boosting), buys one unit of every core line, then one creator
at a time for the line furthest below its share of the spend, until the next creator does not fit or the
plan reaches one team's capacity. That purchase order never depends on the budget, so a larger budget buys
everything a smaller one did and more: with the strategy fixed, reach and engagements never fall as the
budget grows.
"""

from __future__ import annotations

import math
from typing import NamedTuple

from guide.advice.knowledge import Figures, Knowledge, LineSpec, MixRow
from guide.advice.models import TIERS, CampaignBrief, Kind, PlanLine, Range, Strategy

KIND_ORDER: dict[Kind, int] = {"kol": 0, "mega": 1, "macro": 2, "mid": 3, "micro": 4, "nano": 5, "koc": 6}


class Unit(NamedTuple):
    """One creator of a kind under given figures: cost band, and per-creator reach and engagements."""

    low: int
    mid: int
    high: int
    reach_low: float  # unique accounts one post reaches, after the completion factor
    reach_high: float
    eng_low: float
    eng_high: float
    basis: tuple[str, ...]


def unit(figures: Figures, kind: Kind, brief: CampaignBrief) -> Unit:
    """The figures of one unit of `kind` (a KOC's product value from the brief replaces its rate band).

    Reach = followers × reach rate per post × completion; the top of the range is raised by the short-video
    factor when TikTok is among the platforms. Engagements = followers × engagement rate × completion."""
    kf = figures.kinds[kind]
    low, mid, high = figures.unit_band(kind, brief)
    c = figures.completion_factor.value
    video = figures.video_reach_factor.value if "tiktok" in brief.platforms else 1.0
    rate_src = "brief:product_value_idr" if kind == "koc" and brief.product_value_idr else kf.rate_source
    basis = (f"rate:{rate_src}", f"followers:{kf.followers_source}", f"reach:{kf.reach_source}",
             f"er:{kf.er_source}", f"completion:{figures.completion_factor.source}",
             f"overlap:{figures.overlap_share.source}")
    return Unit(low, mid, high,
                kf.followers_low * kf.reach_low / 100 * c, kf.followers_high * kf.reach_high / 100 * c * video,
                kf.followers_low * kf.er_low / 100 * c, kf.followers_high * kf.er_high / 100 * c, basis)


def _mix_specs(row: MixRow, figures: Figures) -> tuple[LineSpec, ...]:
    """The influencer lines of a tier-mix row: biggest share first; the cheapest tier is the core line."""
    mix = row.mix
    cheapest = min(mix, key=lambda t: (figures.kinds[t].rate_mid, TIERS.index(t)))
    tiers = sorted(mix, key=lambda t: (-mix[t], TIERS.index(t)))
    return tuple(LineSpec(kind=t, share=mix[t], phase=1, core=(t == cheapest)) for t in tiers)


def _with_support(strategy: Strategy, specs: tuple[LineSpec, ...], brief: CampaignBrief, k: Knowledge,
                  figures: Figures) -> tuple[LineSpec, ...]:
    trust = k.plan.trust_line
    if trust is not None and strategy in trust.strategies and trust.when.weight(brief, figures) > 0 \
            and all(s.kind != trust.line.kind for s in specs):
        return (*specs, trust.line)
    return specs


def _candidates(strategy: Strategy, brief: CampaignBrief, k: Knowledge,
                figures: Figures) -> list[tuple[str | None, tuple[LineSpec, ...]]]:
    """The line sets to consider, best first: for influencer, the first matching tier-mix row and, when
    that row is a celebrity row, the next non-celebrity row it must beat."""
    if strategy == "influencer":
        rows = k.plan.mix_rows_for(brief, figures)
        out = [(rows[0].id, _mix_specs(rows[0], figures))]
        if rows[0].celebrity:
            plain = next(r for r in rows if not r.celebrity)
            out.append((plain.id, _mix_specs(plain, figures)))
        return [(rid, _with_support(strategy, s, brief, k, figures)) for rid, s in out]
    spec = k.plan.strategies[strategy]
    lines = spec.lines
    if spec.expert_line is not None and spec.expert_line.when.weight(brief, figures) == 1.0:
        lines = (*spec.lines[:1], spec.expert_line.line, *spec.lines[1:])
    return [(None, _with_support(strategy, lines, brief, k, figures))]


def line_specs(strategy: Strategy, brief: CampaignBrief, k: Knowledge, figures: Figures) -> tuple[LineSpec, ...]:
    """The lines the strategy's plan is built from for this brief (the chosen tier mix for influencer)."""
    plan = build_plan(strategy, brief, k, figures)
    if plan is not None:
        return plan.specs
    return _candidates(strategy, brief, k, figures)[-1][1]


def reserve(budget: int, figures: Figures) -> int:
    return figures.reserve_of(budget)


def minimum_budget(strategy: Strategy, brief: CampaignBrief, k: Knowledge, figures: Figures) -> int:
    """The smallest budget that funds one unit of every core line after the reserve."""
    core = min(sum(unit(figures, s.kind, brief).mid for s in specs if s.core)
               for _, specs in _candidates(strategy, brief, k, figures))
    return figures.budget_for(core)


def _weeks(phase: int, phases: int, duration: int) -> tuple[int, int]:
    if phases == 1 or duration == 1:
        return 1, duration
    half = math.ceil(duration / 2)
    return (1, half) if phase == 1 else (half + 1, duration)


class Plan(NamedTuple):
    lines: tuple[PlanLine, ...]
    specs: tuple[LineSpec, ...]
    mix_id: str | None
    reserve_idr: int
    unallocated_idr: int
    capped: bool
    blocked_kind: Kind | None  # the kind of the next creator that did not fit (None when capped)
    reach_total: Range
    engagements_total: Range


def _counts(specs: tuple[LineSpec, ...], rates: list[int], money: int, cap: int) -> tuple[list[int], bool, int | None]:
    """Buy creators in the budget-independent order until the next does not fit or the cap is reached."""
    n = len(specs)
    counts = [0] * n
    spent = [0] * n
    total = bought = 0
    open_lines = [(j, specs[j].share) for j in range(n) if specs[j].share > 0]
    queue = [i for i in range(n) if specs[i].core]
    pos = 0
    while True:
        if pos < len(queue):
            i = queue[pos]
            pos += 1
        elif not open_lines:
            return counts, False, None
        else:  # the line furthest below its share once this creator is bought (lowest index on a tie)
            i, best = -1, math.inf
            for j, share in open_lines:
                v = (spent[j] + rates[j]) / share
                if v < best:
                    i, best = j, v
        if bought >= cap:
            return counts, True, None
        if total + rates[i] > money:
            return counts, False, i
        counts[i] += 1
        spent[i] += rates[i]
        total += rates[i]
        bought += 1


def _plan(specs: tuple[LineSpec, ...], mix_id: str | None, brief: CampaignBrief, figures: Figures) -> Plan | None:
    units = [unit(figures, s.kind, brief) for s in specs]
    rates = [u.mid for u in units]
    held = reserve(brief.budget_idr, figures)
    money = brief.budget_idr - held
    core = sum(r for r, s in zip(rates, specs, strict=True) if s.core)
    if not specs or core > money or (core == 0 and money < min(rates)):
        return None
    cap = max(1, int(figures.team_capacity.value))
    counts, capped, blocked = _counts(specs, rates, money, cap)
    if sum(counts) == 0:
        return None
    o = figures.overlap_share.value
    phases = max(s.phase for s, n in zip(specs, counts, strict=True) if n)
    duration = brief.duration_weeks
    lines: list[PlanLine] = []
    for s, n, u in zip(specs, counts, units, strict=True):
        if n <= 0:
            continue
        start, end = _weeks(s.phase, phases, duration)
        people = 1 + (n - 1) * (1 - o)  # each creator after the first adds (1 − overlap) of their reach
        lines.append(PlanLine(
            kind=s.kind, count=n, cost_idr=n * u.mid, unit_cost_idr=u.mid,
            cost_band=Range(low=n * u.low, high=n * u.high),
            reach=Range(low=int(u.reach_low * people), high=int(u.reach_high * people)),
            engagements=Range(low=int(n * u.eng_low), high=int(n * u.eng_high)),
            phase=s.phase, start_week=start, end_week=end, basis=u.basis,
        ))
    lines.sort(key=lambda ln: (ln.phase, KIND_ORDER[ln.kind]))

    def pooled(values: list[int]) -> int:  # across lines: (1 − o) × sum + o × the largest line
        return int((1 - o) * sum(values) + o * max(values))

    spent = sum(ln.cost_idr for ln in lines)
    return Plan(
        lines=tuple(lines), specs=specs, mix_id=mix_id, reserve_idr=held, unallocated_idr=money - spent,
        capped=capped, blocked_kind=specs[blocked].kind if blocked is not None else None,
        reach_total=Range(low=pooled([ln.reach.low for ln in lines]), high=pooled([ln.reach.high for ln in lines])),
        engagements_total=Range(low=sum(ln.engagements.low for ln in lines),
                                high=sum(ln.engagements.high for ln in lines)),
    )


def _mid(r: Range) -> float:
    return (r.low + r.high) / 2


def build_plan(strategy: Strategy, brief: CampaignBrief, k: Knowledge, figures: Figures) -> Plan | None:
    """The plan for `strategy`, or None when the budget cannot fund one unit of each core line.

    A celebrity tier mix is kept only when it promises more reach and more engagements than the plain mix
    at the same budget (article 002: more followers is not more success)."""
    plans = [p for rid, specs in _candidates(strategy, brief, k, figures)
             if (p := _plan(specs, rid, brief, figures)) is not None]
    if not plans:
        return None
    best = plans[0]
    for other in plans[1:]:
        if not (_mid(best.reach_total) > _mid(other.reach_total)
                and _mid(best.engagements_total) > _mid(other.engagements_total)):
            best = other
    return best
