"""Turn a budget into a costed, phased plan for one strategy: a mixed-integer programme (scipy.optimize.milp,
HiGHS). Pure; never spends more than the budget.

After the reserve, the programme chooses per line (kind of creator) how many creators to book and how many
extra posts they make, and whether to hire a KOL-management agency, to maximise the goal's objective:

- awareness, launch: unique reach. Overlap is linear in the creator count: the plan's first creator (the
  "anchor", the largest line's reach) counts in full, every further creator adds (1 − overlap_share) of their
  reach, a repeat post adds repeat_post_reach of that. Exactly: reach = o·max_used(r) + (1 − o)·Σ r·n + ….
  The max over the lines used is linearised with one binary per line (at most one anchor, only on a used line).
- engagement, sales: engagements (clicks and conversions follow engagements; no Indonesian conversion rate is
  published, so sales maximises engagements — an assumption, stated in docs/rules.md).
- credibility, education: expert voices first (KOL creators), then engagements.
- testimonials, reputation: honest voices first (KOC creators), then engagements.

Shape rules are constraints: every `core` line books at least one creator; each line's spend stays within
[β·share, share/β] of the plan's spend (the floor counts the spend beyond one of each core line, give or
take two of the line's own creators, FLOOR_CREATORS; the ceiling give or take one creator of the dearest
line) (β = SHARE_BAND); KOCs post once (voluntarily, article 004). Team capacity is a choice: past
`team_capacity` creators the plan must pay a KOL-management agency its fee (agency_fee_share of spend, ANA),
else it buys larger tiers or more posts each.

Every constraint is independent of the budget except `spend + fee ≤ budget − reserve`, so a larger budget
only widens the feasible set: the optimum objective never falls as the budget grows. HiGHS is run with a zero
optimality gap so the optimum found is the optimum. Ties: among plans with the same objective, the one that
spends more (uses the money), then creators before repeat posts, then the lower KIND_ORDER line.
"""

from __future__ import annotations

import math
from functools import lru_cache
from typing import Literal, NamedTuple

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp  # type: ignore[import-untyped]

from guide.advice.knowledge import Figures, Knowledge, LineSpec, MixRow
from guide.advice.models import TIERS, CampaignBrief, Kind, PlanLine, Range, Strategy

KIND_ORDER: dict[Kind, int] = {"kol": 0, "mega": 1, "macro": 2, "mid": 3, "micro": 4, "nano": 5, "koc": 6}
SHARE_BAND = 0.5  # a line's spend stays within [share × 0.5, share ÷ 0.5] of the plan's spend (assumption)
FLOOR_CREATORS = 2  # the floor gives or takes two of the line's own creators (assumption; one left flat budget steps, issue 23)
REACH_GOALS = frozenset({"awareness", "launch"})
EXPERT_GOALS = frozenset({"credibility", "education"})
HONEST_GOALS = frozenset({"testimonials", "reputation"})
MIP_GAP = 0.0  # HiGHS relative optimality gap: solved to proven optimality (a gap let a richer plan score less)
TIE_WEIGHT = 0.01  # weight of the non-objective metric (reach or engagements) in the objective: a tie rule
IDLE_TYPICAL = 0.05  # money left beyond the reserve above this share of the budget gets a stated reason
Objective = Literal["reach", "engagements", "expert-voices", "honest-voices"]
IdleReason = Literal["below-one-creator", "capacity", "shape-rule", "agency-fee"]


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
    """The figures of one unit of `kind`.

    A KOC costs the product (the brief's product value, else the KOC band) plus shipping one parcel, and no
    fee (article 004: voluntary). Reach = followers × reach rate per post × completion; the top of the range
    is raised by the short-video factor when TikTok is among the platforms. Engagements = followers ×
    engagement rate × completion."""
    kf = figures.kinds[kind]
    low, mid, high = figures.unit_band(kind, brief)
    if kind == "koc":
        ship = int(figures.shipping_per_parcel.value)
        low, mid, high = low + ship, mid + ship, high + ship
    c = figures.completion_factor.value
    video = figures.video_reach_factor.value if "tiktok" in brief.platforms else 1.0
    rate_src = "brief:product_value_idr" if kind == "koc" and brief.product_value_idr else kf.rate_source
    basis: tuple[str, ...] = (f"rate:{rate_src}", f"followers:{kf.followers_source}", f"reach:{kf.reach_source}",
             f"er:{kf.er_source}", f"completion:{figures.completion_factor.source}",
             f"overlap:{figures.overlap_share.source}")
    if kind == "koc":
        basis = (*basis, f"shipping:{figures.shipping_per_parcel.source}")
    return Unit(low, mid, high,
                kf.followers_low * kf.reach_low / 100 * c, kf.followers_high * kf.reach_high / 100 * c * video,
                kf.followers_low * kf.er_low / 100 * c, kf.followers_high * kf.er_high / 100 * c, basis)


def objective_of(goal: str, content: str | None = None, kol_led: bool = False) -> Objective:
    """The goal's objective; where expertise is the point (expert content) a KOL-led plan (a core KOL line: the KOL
    strategy) counts expert voices first, whatever the goal, so the first affordable KOL adds to the plan's measure
    instead of cutting its reach. A plan where a KOL may join (combined's expert line) keeps the goal's objective."""
    if content == "expert" and kol_led:
        return "expert-voices"
    if goal in REACH_GOALS:
        return "reach"
    if goal in EXPERT_GOALS:
        return "expert-voices"
    if goal in HONEST_GOALS:
        return "honest-voices"
    return "engagements"


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


def _koc_first(strategy: Strategy, specs: tuple[LineSpec, ...], brief: CampaignBrief) -> tuple[LineSpec, ...]:
    """A new brand's launch that wants the authentic response starts with KOCs (004: "KOC juga bisa digunakan
    untuk fase awal peluncuran produk, di mana brand ingin melihat bagaimana respons pengguna terhadap produk
    secara natural"): in a combined plan the KOC line moves to phase 1 and the influencers follow in phase 2.
    Otherwise micro-influencers open and KOCs validate (004: "kampanye peluncuran produk bisa dimulai dengan
    micro influencer")."""
    if strategy != "combined" or brief.goal != "launch" or brief.brand_stage != "new" or \
            brief.content != "authentic":
        return specs
    return tuple(s.model_copy(update={"phase": 1 if s.kind == "koc" else 2}) for s in specs)


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
    return [(None, _koc_first(strategy, _with_support(strategy, lines, brief, k, figures), brief))]


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
    unallocated_idr: int  # budget − reserve − creators' cost − agency fee
    capped: bool  # more creators than one team manages: the plan pays an agency
    blocked_kind: Kind | None  # the cheapest line's kind when the money left is below one more creator
    reach_total: Range
    engagements_total: Range
    agency_fee_idr: int = 0
    objective: Objective = "reach"
    objective_value: float = 0.0  # the optimum, in the objective's planning (middle) units
    idle_reason: IdleReason | None = None  # set when the money left is ≥ IDLE_TYPICAL of the budget
    posts_total: int = 0


class _Solution(NamedTuple):
    counts: tuple[int, ...]
    extra: tuple[int, ...]
    agency: bool
    fee: int
    value: float


def _values(objective: Objective, kinds: tuple[Kind, ...], units: list[Unit],
            figures: Figures) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Objective weights per creator, per repeat post and per anchor (middle of each range)."""
    o = figures.overlap_share.value
    rep = figures.repeat_post_reach.value
    r = np.array([(u.reach_low + u.reach_high) / 2 for u in units])
    e = np.array([(u.eng_low + u.eng_high) / 2 for u in units])
    # The other metric enters at TIE_WEIGHT, so near-ties go to the plan that also does better on it (creators
    # before repeat posts for engagements, since a new creator adds new people).
    if objective == "reach":
        return (1 - o) * r + TIE_WEIGHT * e, (1 - o) * rep * r + TIE_WEIGHT * e, o * r
    per_n, per_x = e + TIE_WEIGHT * (1 - o) * r, e + TIE_WEIGHT * (1 - o) * rep * r
    first: Kind | None = "kol" if objective == "expert-voices" else "koc" if objective == "honest-voices" else None
    if first is not None:  # a voice of the first kind outweighs any engagements the whole budget could buy
        big = float(e.max()) * 1e3
        per_n = per_n + np.array([big if kd == first else 0.0 for kd in kinds])
    return per_n, per_x, np.zeros(len(kinds))


@lru_cache(maxsize=4096)
def _solve(kinds: tuple[Kind, ...], shares: tuple[float, ...], core: tuple[bool, ...], costs: tuple[int, ...],
           per_n: tuple[float, ...], per_x: tuple[float, ...], per_a: tuple[float, ...], money: int, cap: int,
           fee_share: float, max_posts: int) -> _Solution | None:
    """The mixed-integer programme. Variables per line: n (creators the team runs), u (creators an agency
    runs, each costing its fee on top), x (repeat posts), a (anchor binary), y (line used binary).

    No big-M on money: the agency is paid per creator it runs (fee_share × its cost), so past the team's
    capacity each further creator simply costs more, and a larger budget only ever widens the feasible set."""
    m = len(kinds)
    nv = 4 * m
    N, U, X, A = 0, m, 2 * m, 3 * m
    c = np.array(costs, dtype=float)
    scale = float(max(max(per_n), 1e-9))
    obj = np.zeros(nv)  # milp minimises: − value
    obj[N:N + m] = -np.array(per_n) / scale
    obj[U:U + m] = -np.array(per_n) / scale * (1 - 1e-6)  # tie rule: the team runs a creator before an agency
    obj[X:X + m] = -np.array(per_x) / scale
    obj[A:A + m] = -np.array(per_a) / scale
    rows: list[np.ndarray] = []
    lo: list[float] = []
    hi: list[float] = []

    def add(row: np.ndarray, lb: float, ub: float) -> None:
        k = float(np.abs(row).max()) or 1.0  # each row scaled to a largest coefficient of 1 (rupiah vs counts)
        rows.append(row / k)
        lo.append(lb / k)
        hi.append(ub / k)

    spend = np.zeros(nv)  # creators' cost (posts included), without the agency fee
    spend[N:N + m] = spend[U:U + m] = spend[X:X + m] = c
    budget_row = spend.copy()
    budget_row[U:U + m] = c * (1 + fee_share)
    add(budget_row, -np.inf, float(money))
    team = np.zeros(nv)
    team[N:N + m] = 1.0
    add(team, -np.inf, float(cap))
    nmax = [max(1, int(money // max(int(ci), 1))) for ci in c]
    dearest = float(c.max())
    core_min = float(sum(ci for ci, k in zip(c, core, strict=True) if k))
    for i in range(m):
        r = np.zeros(nv)
        r[N + i] = r[U + i] = 1.0
        r[A + i] = -1.0
        add(r, 0.0, np.inf)  # n + u ≥ anchor (only a used line anchors)
        if core[i]:
            r = np.zeros(nv)
            r[N + i] = r[U + i] = 1.0
            add(r, 1.0, np.inf)  # a core line books at least one creator
        r = np.zeros(nv)
        posts = float(max_posts - 1 if kinds[i] != "koc" else 0)
        r[X + i] = 1.0
        r[N + i] = r[U + i] = -posts
        add(r, -np.inf, 0.0)  # repeat posts ≤ (max_posts − 1)·creators; KOCs post once
        if shares[i] > 0:
            own = np.zeros(nv)
            own[N + i] = own[U + i] = own[X + i] = c[i]
            # floor on the spend beyond the core creators, give or take two of the line's own creators (so the
            # smallest plan, one of each core line, is always allowed)
            add(own - SHARE_BAND * shares[i] * spend, -FLOOR_CREATORS * c[i] - SHARE_BAND * shares[i] * core_min, np.inf)
            # ceiling on the money to plan (not the spend), give or take one creator of the dearest line: a
            # larger budget only widens it, and money the other lines cannot take is never held by it
            add(own, -np.inf, min(1.0, shares[i] / SHARE_BAND) * float(money) + dearest)
    anchors = np.zeros(nv)
    anchors[A:A + m] = 1.0
    add(anchors, -np.inf, 1.0)
    lb = np.zeros(nv)
    ub = np.full(nv, np.inf)
    for i in range(m):
        ub[N + i] = ub[U + i] = float(nmax[i])
        ub[A + i] = 1.0
    res = milp(obj, constraints=LinearConstraint(np.vstack(rows), np.array(lo), np.array(hi)),
               integrality=np.ones(nv), bounds=Bounds(lb, ub),
               options={"mip_rel_gap": MIP_GAP, "presolve": True, "time_limit": 5.0})
    if res.x is None or res.status not in (0, 1):
        return None
    x = res.x
    team_n = [round(v) for v in x[N:N + m]]
    agency_n = [round(v) for v in x[U:U + m]]
    room = cap - sum(team_n)
    for i in range(m):  # the tie rule, exactly: no agency creator while the team has room
        move = min(room, agency_n[i])
        team_n[i] += move
        agency_n[i] -= move
        room -= move
    counts = tuple(a + b for a, b in zip(team_n, agency_n, strict=True))
    extra = tuple(round(v) for v in x[X:X + m])
    fee = int(sum(fee_share * ci * a for ci, a in zip(costs, agency_n, strict=True)))
    value = float(sum(pn * n + px * e for pn, px, n, e in zip(per_n, per_x, counts, extra, strict=True)))
    used = [per_a[i] for i in range(m) if counts[i] > 0]
    value += max(used) if used else 0.0
    return _Solution(counts, extra, fee > 0, fee, value)


def _plan(specs: tuple[LineSpec, ...], mix_id: str | None, brief: CampaignBrief, figures: Figures) -> Plan | None:
    if not specs:
        return None
    units = [unit(figures, s.kind, brief) for s in specs]
    rates = [u.mid for u in units]
    held = reserve(brief.budget_idr, figures)
    money = brief.budget_idr - held
    if sum(r for r, s in zip(rates, specs, strict=True) if s.core) > money or money < min(rates):
        return None
    kinds = tuple(s.kind for s in specs)
    objective = objective_of(brief.goal, brief.content, any(s.kind == "kol" and s.core for s in specs))
    per_n, per_x, per_a = _values(objective, kinds, units, figures)
    cap = max(1, int(figures.team_capacity.value))
    fee_share = figures.agency_fee_share.value / (1 - figures.agency_fee_share.value)
    sol = _solve(kinds, tuple(s.share for s in specs), tuple(s.core for s in specs), tuple(rates),
                 tuple(float(v) for v in per_n), tuple(float(v) for v in per_x), tuple(float(v) for v in per_a),
                 money, cap, round(fee_share, 12), max(1, int(figures.max_posts_per_creator.value)))
    if sol is None or sum(sol.counts) == 0:
        return None
    o = figures.overlap_share.value
    rep = figures.repeat_post_reach.value
    phases = max(s.phase for s, n in zip(specs, sol.counts, strict=True) if n)
    duration = brief.duration_weeks
    lines: list[PlanLine] = []
    for s, n, x, u in zip(specs, sol.counts, sol.extra, units, strict=True):
        if n <= 0:
            continue
        start, end = _weeks(s.phase, phases, duration)
        people = (1 - o) * (n + rep * x)  # the anchor's overlap share is added once, to the plan total
        lines.append(PlanLine(
            kind=s.kind, count=n, cost_idr=(n + x) * u.mid, unit_cost_idr=u.mid,
            cost_band=Range(low=(n + x) * u.low, high=(n + x) * u.high),
            reach=Range(low=int(u.reach_low * (people + o)), high=int(u.reach_high * (people + o))),
            engagements=Range(low=int((n + x) * u.eng_low), high=int((n + x) * u.eng_high)),
            phase=s.phase, start_week=start, end_week=end, basis=u.basis, posts=n + x,
        ))
    lines.sort(key=lambda ln: (ln.phase, KIND_ORDER[ln.kind]))

    def pooled(values: list[int], anchors: list[float]) -> int:
        # Σ line reach already holds one anchor share per line; keep only the largest line's.
        return int(sum(values) - o * (sum(anchors) - max(anchors)))

    by_kind = {s.kind: u for s, u in zip(specs, units, strict=True)}
    spent = sum(ln.cost_idr for ln in lines)
    left = money - spent - sol.fee
    idle: IdleReason | None = None
    blocked: Kind | None = None
    cheapest = min(lines, key=lambda ln: (ln.unit_cost_idr, KIND_ORDER[ln.kind]))
    if left >= IDLE_TYPICAL * brief.budget_idr:
        if left < min(rates):
            idle, blocked = "below-one-creator", cheapest.kind
        elif sol.agency and left < min(rates) * (1 + fee_share):
            idle, blocked = "agency-fee", cheapest.kind  # one more creator fits, not with its agency fee
        elif sum(sol.counts) >= cap and not sol.agency:
            idle = "capacity"
        else:
            idle = "shape-rule"
    return Plan(
        lines=tuple(lines), specs=specs, mix_id=mix_id, reserve_idr=held, unallocated_idr=left,
        capped=sol.agency, blocked_kind=blocked,
        reach_total=Range(low=pooled([ln.reach.low for ln in lines], [o * by_kind[ln.kind].reach_low for ln in lines]),
                          high=pooled([ln.reach.high for ln in lines],
                                      [o * by_kind[ln.kind].reach_high for ln in lines])),
        engagements_total=Range(low=sum(ln.engagements.low for ln in lines),
                                high=sum(ln.engagements.high for ln in lines)),
        agency_fee_idr=sol.fee, objective=objective, objective_value=sol.value, idle_reason=idle,
        posts_total=sum(ln.posts for ln in lines),
    )


def build_plan(strategy: Strategy, brief: CampaignBrief, k: Knowledge, figures: Figures) -> Plan | None:
    """The plan for `strategy`, or None when the budget cannot fund one unit of each core line.

    Of the candidate line sets (a celebrity tier mix and the plain mix it must beat), the one with the
    larger optimum is kept; on a tie the plain mix (article 002: more followers is not more success)."""
    plans = [p for rid, specs in _candidates(strategy, brief, k, figures)
             if (p := _plan(specs, rid, brief, figures)) is not None]
    if not plans:
        return None
    best = plans[-1]
    for other in plans[:-1]:
        if other.objective_value > best.objective_value * (1 + 1e-9):
            best = other
    return best
