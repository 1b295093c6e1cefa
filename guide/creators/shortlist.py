"""The shortlist: which creators of the roster fill the recommended plan's lines, within the budget.

Solved exactly as a 0/1 programme with `scipy.optimize.milp` (HiGHS, relative gap 0), in three lexicographic
stages, each keeping the optimum of the one before:

1. fill the plan: maximise the sum over lines of (creators picked ÷ creators planned), so a tight budget
   still fills every line in proportion instead of dropping the expensive one;
2. maximise the expected engagements (the expected reach when the goal is awareness);
3. minimise the total fee, so of two creators with identical figures the cheaper one is always picked.

Constraints: at most the planned count per line; the sum of fees within the brief's budget. Before solving,
a creator with at least `count` others in its line that cost no more and are expected to do no less is
dropped: some optimal solution never needs it (swap it for an unpicked one of those), so the optimum is
unchanged and large rosters solve quickly. When the cheapest creators fill every line within the budget, a
Lagrangian bound on the budget then settles most of the rest (`lagrange_fix`): creators in no optimal choice
are dropped, creators in every one are picked, and HiGHS decides only the few left between.
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

import numpy as np
import pandas as pd

from guide.advice.knowledge import knowledge
from guide.advice.models import Kind, Recommendation
from guide.creators.places import region_of
from guide.text.i18n import fmt_idr, fmt_int, fmt_pct, t

Status = Literal["optimal", "empty_roster", "no_plan", "none_eligible", "not_proven"]
TOLERANCE = 1e-7
TIME_LIMIT_S = 30.0


@dataclass(frozen=True)
class Options:
    """Which creators may be picked. A filter left on can be what stops a line from filling."""

    require_platform: bool = True  # only the brief's platforms (when it names any)
    require_industry: bool = True  # a creator whose industries are listed must include the brief's
    city: str | None = None  # only creators in this city (those with no city are allowed)
    exclude_flagged: bool = True  # leave out accounts with an authenticity flag
    require_expertise: bool = True  # a KOL line takes only KOLs whose expertise fits the industry
    exclude_doctors: bool = True  # doctors stay out of paid ads for health, beauty, fitness (MKEK 022/2020)


@dataclass(frozen=True)
class Pick:
    row: int
    name: str
    handle: str
    line_kind: Kind
    creator_kind: str
    platform: str
    followers: int
    engagement_rate: float
    er_basis: str
    fee_idr: int
    fee_estimated: bool
    expected_engagements: int
    expected_reach: int
    authenticity: str
    rank: int  # by the objective's value within its line's eligible creators (1 = highest)
    eligible_in_line: int
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class LineResult:
    kind: Kind
    planned: int
    planned_cost_idr: int
    filled: int
    cost_idr: int
    value: int
    eligible: int
    relax: tuple[str, ...] = ()

    @property
    def missing(self) -> int:
        return self.planned - self.filled


@dataclass(frozen=True)
class Shortlist:
    status: Status
    objective: Literal["engagements", "reach"]
    budget_idr: int
    selected: tuple[Pick, ...]
    lines: tuple[LineResult, ...]
    total_fee_idr: int
    total_value: int
    message: str
    candidates: int = 0  # after the exact pruning
    eligible: int = 0
    notes: tuple[str, ...] = field(default_factory=tuple)
    reserve_idr: int = 0  # the plan's reserve, held back: budget_idr above is the brief's budget less it
    reach_unique: int = 0  # accounts reached once, overlap discounted as in the plan (figures overlap_share)
    reach_summed: int = 0  # the picks' reach per post added up (no overlap discount)
    goal_objective: str = "engagements"  # reach | engagements | clicks | expert | voices (see GOAL_OBJECTIVE)

    @property
    def unfilled(self) -> list[dict[str, object]]:
        return [{"kind": ln.kind, "planned": ln.planned, "filled": ln.filled, "missing": ln.missing,
                 "relax": list(ln.relax)} for ln in self.lines if ln.missing > 0]


# --- the solver -------------------------------------------------------------------------------------------------


def prune(values: np.ndarray, fees: np.ndarray, line: np.ndarray, caps: Sequence[int]) -> np.ndarray:
    """Indices worth considering: drop each creator that `cap` others of its line dominate (fee ≤, value ≥).

    Within a line, sorted by fee then value (highest first) then index, a creator is dominated by `cap`
    earlier ones when the cap-th highest value seen so far is at least its own value.
    """
    keep: list[np.ndarray] = []
    for ln, cap in enumerate(caps):
        idx = np.flatnonzero(line == ln)
        if cap <= 0 or idx.size == 0:
            continue
        order = idx[np.lexsort((idx, -values[idx], fees[idx]))]
        if order.size <= cap:
            keep.append(order)
            continue
        heap: list[float] = []
        kept: list[int] = []
        vals = values[order].tolist()
        for pos, v in enumerate(vals):
            if len(heap) == cap and heap[0] >= v:
                continue
            kept.append(int(order[pos]))
            if len(heap) < cap:
                heapq.heappush(heap, v)
            elif v > heap[0]:
                heapq.heapreplace(heap, v)
        keep.append(np.array(kept, dtype=np.int64))
    return np.sort(np.concatenate(keep)) if keep else np.zeros(0, dtype=np.int64)


def lagrange_fix(v: np.ndarray, f: np.ndarray, ln: np.ndarray, counts: np.ndarray,
                 budget: float) -> tuple[np.ndarray, np.ndarray]:
    """(keep, must): which creators can be in a value-optimal choice of exactly `counts[k]` per line within the
    budget, and which are in every one.

    The budget relaxed with a price λ per rupiah: L(λ) = λ·budget + Σ_lines (the counts[k] highest v − λ·f)
    bounds the value of every feasible choice from above; the same sum with creator i forced in (in place of
    its line's counts[k]-th best) bounds every choice that contains i, and with i forced out (its line's next
    best in its place) every choice without it. The cheapest λ whose choice fits the budget gives a feasible
    choice (a lower bound on the optimum). A creator whose forced-in bound, at that λ or just below it, is
    under the lower bound is in no optimal choice (`keep` False); one whose forced-out bound is under it is in
    every optimal choice (`must` True). Fixing both leaves the set of value-optimal choices, and so the
    cheapest of them, unchanged. Typical large rosters leave a few dozen creators undecided instead of
    thousands."""
    n = v.size
    keep = np.ones(n, dtype=bool)
    must = np.zeros(n, dtype=bool)
    groups = [np.flatnonzero(ln == k) for k in range(len(counts))]
    if n == 0 or any(int(c) > g.size for c, g in zip(counts, groups, strict=True)):
        return keep, must

    def at(lam: float) -> tuple[float, float, float, np.ndarray, np.ndarray, np.ndarray]:
        score = v - lam * f
        bound = lam * budget
        fee = value = 0.0
        kth = np.full(n, np.inf)
        loss = np.zeros(n)  # forcing a chosen creator out: its line's next best score in place of its own
        chosen = np.zeros(n, dtype=bool)
        for c, g in zip(counts.tolist(), groups, strict=True):
            if c == 0 or g.size == 0:
                continue
            sg = score[g]
            if c >= g.size:
                top = np.arange(g.size)
                nxt = -np.inf  # every creator of the line is needed
            else:
                part = np.argpartition(-sg, c)
                top = part[:c]
                nxt = float(sg[part[c]])
            bound += float(sg[top].sum())
            fee += float(f[g][top].sum())
            value += float(v[g][top].sum())
            kth[g] = float(sg[top].min())
            loss[g[top]] = nxt - sg[top]
            chosen[g[top]] = True
        return bound, fee, value, score - kth, np.minimum(loss, 0.0), chosen

    lo, hi = 0.0, 1.0
    if at(lo)[1] <= budget:
        return keep, must
    for _ in range(80):
        if at(hi)[1] <= budget:
            break
        lo, hi = hi, hi * 2
    else:
        return keep, must
    for _ in range(50):
        mid = (lo + hi) / 2
        if at(mid)[1] <= budget:
            hi = mid
        else:
            lo = mid
    ub_hi, fee_hi, lower, gain_hi, loss_hi, chosen = at(hi)
    ub_lo, _fee_lo, _v_lo, gain_lo, loss_lo, _c = at(lo)
    lower, chosen = _improve(v, f, ln, chosen, budget - fee_hi, lower)

    def decide(lower: float) -> tuple[np.ndarray, np.ndarray]:
        eps = 1e-9 * (abs(ub_hi) + abs(lower) + 1.0) + 1e-6
        # forcing i in changes the bound by its score minus its line's counts-th best (≥ 0 for the top members)
        keep = (ub_hi + np.minimum(gain_hi, 0.0) >= lower - eps) & (ub_lo + np.minimum(gain_lo, 0.0)
                                                                     >= lower - eps)
        must = (ub_hi + loss_hi < lower - eps) | (ub_lo + loss_lo < lower - eps)
        return keep, must & keep

    keep, must = decide(lower)
    # A better feasible value decides more creators: exchanges of two for two among the undecided ones.
    better = _improve_pairs(v, f, ln, chosen, keep & ~must, budget - float(f[chosen].sum()), lower)
    return decide(better) if better > lower else (keep, must)


def _improve(v: np.ndarray, f: np.ndarray, ln: np.ndarray, chosen: np.ndarray, left: float, value: float,
             rounds: int = 200) -> tuple[float, np.ndarray]:
    """A better feasible value (a tighter lower bound) and its choice: swap a chosen creator for an unchosen one
    of its line while some swap that fits the money left gains value (the largest gain first)."""
    chosen = chosen.copy()
    for _ in range(rounds):
        ins = np.flatnonzero(chosen)
        outs = np.flatnonzero(~chosen)
        if ins.size == 0 or outs.size == 0:
            break
        same = ln[ins][:, None] == ln[outs][None, :]
        gain = np.where(same & (f[outs][None, :] - f[ins][:, None] <= left), v[outs][None, :] - v[ins][:, None],
                        0.0)
        k = int(np.argmax(gain))
        best = float(gain.flat[k])
        if best <= 0:
            break
        i, j = ins[k // outs.size], outs[k % outs.size]
        chosen[i], chosen[j] = False, True
        left -= float(f[j] - f[i])
        value += best
    return value, chosen


MAX_SWAPS = 600  # exchanges of one creator considered for pairs of them (360,000 pairs a round at most)


def _improve_pairs(v: np.ndarray, f: np.ndarray, ln: np.ndarray, chosen: np.ndarray, movable: np.ndarray,
                   left: float, value: float, rounds: int = 10) -> float:
    """A better feasible value after `_improve`: two chosen creators exchanged at once for two unchosen ones of
    the same lines (each pair of single exchanges, among the `movable` creators), the largest gain that fits
    the money left first, while one gains value. Skipped when there are more than MAX_SWAPS single
    exchanges."""
    chosen = chosen.copy()
    for _ in range(rounds):
        ins = np.flatnonzero(chosen & movable)
        outs = np.flatnonzero(~chosen & movable)
        same = ln[ins][:, None] == ln[outs][None, :]
        if not 2 <= int(same.sum()) <= MAX_SWAPS:
            break
        a, b = np.nonzero(same)
        i, j = ins[a], outs[b]
        dv, df = v[j] - v[i], f[j] - f[i]
        gain = np.where((df[:, None] + df[None, :] <= left) & (i[:, None] != i[None, :]) & (j[:, None] != j[None, :]),
                        dv[:, None] + dv[None, :], 0.0)
        k = int(np.argmax(gain))
        best = float(gain.flat[k])
        if best <= 0:
            break
        x, y = divmod(k, i.size)
        chosen[[i[x], i[y]]] = False
        chosen[[j[x], j[y]]] = True
        left -= float(df[x] + df[y])
        value += best
    return value


def solve(values: np.ndarray, fees: np.ndarray, line: np.ndarray, caps: Sequence[int],
          budget: int, time_limit: float = TIME_LIMIT_S) -> tuple[np.ndarray, bool]:
    """Indices chosen (lexicographic: fill share, value, then lowest fee) and whether HiGHS proved it optimal.

    `line[i]` is the line of creator i (index into `caps`), or -1 for a creator no line can use.
    """
    values = np.asarray(values, dtype=float)
    fees = np.asarray(fees, dtype=float)
    line = np.asarray(line, dtype=np.int64)
    return _solve(values, fees, line, caps, budget, prune(values, fees, line, caps), time_limit)


def _solve(values: np.ndarray, fees: np.ndarray, line: np.ndarray, caps: Sequence[int], budget: int,
           cand: np.ndarray, time_limit: float) -> tuple[np.ndarray, bool]:
    """`solve` over the creators `prune` kept (`cand`)."""
    from scipy.optimize import Bounds, LinearConstraint, milp  # type: ignore[import-untyped]

    cand = cand[fees[cand] <= budget]
    if cand.size == 0:
        return cand, True
    v, f, ln = values[cand], fees[cand], line[cand]
    n = cand.size
    # Without the budget, the optimum of all three stages is, per line, the `cap` highest values (the lower
    # fee first among equal values). When that choice fits in the budget, the budget constraint is slack and
    # it is the optimum: no solve is needed.
    top: list[np.ndarray] = []
    for k, cap in enumerate(caps):
        in_k = np.flatnonzero(ln == k)
        top.append(in_k[np.lexsort((in_k, f[in_k], -v[in_k]))][:cap])
    best = np.concatenate(top) if top else np.zeros(0, dtype=np.int64)
    if float(f[best].sum()) <= budget:
        return np.sort(cand[best]), True
    nl = len(caps)
    # Stage 1 is decided without a solve when the cheapest creators of every line fit in the budget: every
    # line then holds exactly min(cap, available) creators. A creator whose cheapest such completion (its fee,
    # the cheapest others of its line, the cheapest of every other line) exceeds the budget is in no
    # feasible solution: dropped, which leaves the optimum unchanged.
    counts = np.array([min(cap, int((ln == k).sum())) for k, cap in enumerate(caps)], dtype=float)
    kth = np.zeros(nl)
    cheapest = 0.0
    for k in range(nl):
        fk = np.sort(f[ln == k])[: int(counts[k])]
        cheapest += float(fk.sum())
        kth[k] = fk[-1] if fk.size else 0.0
    fill_known = cheapest <= budget
    fixed = np.zeros(0, dtype=np.int64)  # creators in every optimal choice: picked, not left to the solver
    room = float(budget)
    if fill_known:
        need = cheapest - kth[ln] + f
        keep = (need <= budget) | (f <= kth[ln])
        cand, v, f, ln = cand[keep], v[keep], f[keep], ln[keep]
        keep, must = lagrange_fix(v, f, ln, counts.astype(np.int64), budget)
        fixed = cand[must]
        counts -= np.bincount(ln[must], minlength=nl)
        room -= float(f[must].sum())
        free = keep & ~must
        cand, v, f, ln = cand[free], v[free], f[free], ln[free]
        n = cand.size
        if not counts.any():
            return np.sort(fixed), True
    # Line membership as a sparse matrix: one row per line.
    from scipy.sparse import csr_matrix  # type: ignore[import-untyped]

    member = csr_matrix((np.ones(n), (ln, np.arange(n))), shape=(nl, n))
    caps_arr = np.asarray(caps, dtype=float)
    weight = 1.0 / np.maximum(caps_arr[ln], 1.0)
    constraints = [LinearConstraint(member, counts, counts) if fill_known else LinearConstraint(member, 0, caps_arr),
                   LinearConstraint(f.reshape(1, -1), 0, room)]
    integrality = np.ones(n)
    bounds = Bounds(0, 1)
    opts = {"mip_rel_gap": 0.0, "time_limit": time_limit, "presolve": True}
    proven = True

    def run(c: np.ndarray) -> np.ndarray | None:
        nonlocal proven
        res = milp(c, integrality=integrality, bounds=bounds, constraints=constraints, options=opts)
        if res.x is None:
            return None
        if res.status != 0:
            proven = False
        x: np.ndarray = np.round(np.asarray(res.x, dtype=float))
        return x

    if not fill_known:
        x1 = run(-weight)
        if x1 is None:
            return np.zeros(0, dtype=np.int64), False
        best_fill = float(weight @ x1)
        constraints.append(LinearConstraint(weight.reshape(1, -1), best_fill - TOLERANCE, np.inf))
    # Stages 2 and 3 in one solve: values are whole numbers and the chosen fees sum to at most the budget, so
    # fees ÷ (budget + 1) add less than 1 to the objective: it can never trade value for fee, and among equal
    # values it takes the lowest total fee.
    x = run(-v + f / (float(budget) + 1.0))
    if x is None:
        return np.zeros(0, dtype=np.int64), False
    return np.sort(np.concatenate([fixed, cand[x > 0.5]])), proven


# --- the shortlist from a derived roster and a recommendation ------------------------------------------------------


def _is(df: pd.DataFrame, column: str, label: str) -> np.ndarray:
    """Rows whose label column (Python strings) equals `label`: compared by numpy, without pandas' checks."""
    out: np.ndarray = np.asarray(df[column].to_numpy(dtype=object) == label, dtype=bool)
    return out


def eligible_mask(df: pd.DataFrame, kinds: Sequence[str], options: Options) -> np.ndarray:
    mask = df["valid"].to_numpy(dtype=bool) & df["line_kind"].isin(list(kinds)).to_numpy(dtype=bool)
    if options.require_platform:
        mask &= df["platform_fit"].to_numpy(dtype=bool)
    if options.require_industry:
        mask &= ~_is(df, "industry_fit", "no")
    # The city filter: the page's or CLI's city, else the brief's region (derive decides; "any" when none).
    mask &= ~_is(df, "city_fit", "no")
    if options.exclude_flagged:
        mask &= ~df["authenticity"].isin(["low", "high"]).to_numpy(dtype=bool)
    if options.require_expertise and "kol" in kinds:
        is_kol = _is(df, "line_kind", "kol")
        mask &= ~is_kol | df["expertise_fit"].isin(["yes", "any"]).to_numpy(dtype=bool)
    if options.exclude_doctors:
        mask &= ~df["mkek"].to_numpy(dtype=bool)
    return mask


# The plan's objective for the brief's goal (issue 23), and the per-creator figure the shortlist maximises for
# it. Sales: expected clicks are engagements × a click rate no source gives per creator, so the ranking is by
# engagements (proportional). Credibility/education: every KOL picked must fit the industry by expertise
# (eligible_mask), then engagements. Testimonials/reputation: filling the KOC lines comes first (stage 1 of
# the solve), then engagements.
GOAL_OBJECTIVE: dict[str, str] = {
    "awareness": "reach", "launch": "reach", "engagement": "engagements", "sales": "clicks",
    "credibility": "expert", "education": "expert", "testimonials": "voices", "reputation": "voices",
}


def objective_of(rec: Recommendation) -> Literal["engagements", "reach"]:
    return "reach" if GOAL_OBJECTIVE.get(rec.brief.goal) == "reach" else "engagements"


def spendable(rec: Recommendation) -> int:
    """The money the shortlist may spend: the brief's budget less the plan's reserve (never below 0)."""
    return max(rec.brief.budget_idr - rec.reserve_idr, 0)


def unique_reach(reach: np.ndarray, line: np.ndarray, overlap: float) -> int:
    """Accounts reached once, the plan's way: within a line the largest counts fully and each other creator
    adds (1 − overlap) of theirs; across lines the same again ((1 − o) × sum + o × the largest line)."""
    if reach.size == 0:
        return 0
    per_line = [float((1 - overlap) * reach[line == k].sum() + overlap * reach[line == k].max())
                for k in np.unique(line)]
    return int((1 - overlap) * sum(per_line) + overlap * max(per_line))


def make_shortlist(df: pd.DataFrame, rec: Recommendation, lang: str, options: Options | None = None,
                   time_limit: float = TIME_LIMIT_S) -> Shortlist:
    """Pick creators for `rec.plan` from a derived roster (`guide.creators.roster.derive`). Never raises for data."""
    opts = options or Options()
    objective = objective_of(rec)
    budget = spendable(rec)
    lines = rec.plan
    if not lines:
        return _empty("no_plan", objective, budget, t(lang, "creators.short.no_plan"))
    if len(df) == 0:
        return _empty("empty_roster", objective, budget, t(lang, "creators.short.empty_roster"))
    kinds = [ln.kind for ln in lines]
    caps = [ln.count for ln in lines]
    mask = eligible_mask(df, kinds, opts)
    line_index = {k: i for i, k in enumerate(kinds)}
    pos = pd.Index(list(line_index)).get_indexer(pd.Index(df["line_kind"]))  # a hash lookup per row, -1 for no line
    line = np.where(mask & (pos >= 0), np.array(list(line_index.values()), dtype=np.int64)[pos], -1)
    value_col = "expected_reach" if objective == "reach" else "expected_engagements"
    values = df[value_col].to_numpy(dtype=float)
    fees = df["fee_idr"].to_numpy(dtype=float)
    eligible_total = int(mask.sum())
    cand = prune(values, fees, line, caps)
    chosen, proven = _solve(values, fees, line, caps, budget, cand, time_limit)
    cand_count = int(cand.size)

    picks: list[Pick] = []
    results: list[LineResult] = []
    records = dict(zip(chosen.tolist(), df.iloc[chosen].to_dict("records"), strict=True))
    for k, ln in enumerate(lines):
        in_line = np.flatnonzero(line == k)
        # Rank by the objective's value (highest first; a cheaper fee breaks ties).
        order = in_line[np.lexsort((fees[in_line], -values[in_line]))]
        rank = {int(i): r for r, i in enumerate(order.tolist(), 1)}
        mine = [int(i) for i in chosen if line[i] == k]
        mine.sort(key=lambda i: rank[i])
        for i in mine:
            picks.append(_pick(records[i], ln.kind, rank[i], in_line.size, objective, lang))
        filled = len(mine)
        cost = int(fees[mine].sum()) if mine else 0
        relax = () if filled >= ln.count else _relax(df, ln.kind, ln.count, filled, in_line, fees, mine, budget,
                                                    int(fees[chosen].sum()) if chosen.size else 0, opts, lang)
        results.append(LineResult(kind=ln.kind, planned=ln.count, planned_cost_idr=ln.cost_idr, filled=filled,
                                  cost_idr=cost, value=int(values[mine].sum()) if mine else 0,
                                  eligible=int(in_line.size), relax=relax))
    total_fee = int(fees[chosen].sum()) if chosen.size else 0
    reach_all = df["expected_reach"].to_numpy(dtype=float)
    overlap = knowledge().figures.overlap_share.value
    reach_unique = unique_reach(reach_all[chosen], line[chosen], overlap) if chosen.size else 0
    reach_summed = int(reach_all[chosen].sum()) if chosen.size else 0
    total_value = reach_unique if objective == "reach" else (int(values[chosen].sum()) if chosen.size else 0)
    goal_objective = GOAL_OBJECTIVE.get(rec.brief.goal, "engagements")
    notes = _notes(df, rec, kinds, opts, goal_objective, lang)
    if eligible_total == 0:
        status: Status = "none_eligible"
        message = t(lang, "creators.short.none_eligible")
    elif not proven:
        status = "not_proven"
        message = t(lang, "creators.short.not_proven", seconds=f"{time_limit:g}")
    else:
        status = "optimal"
        planned = sum(caps)
        message = t(lang, f"creators.short.optimal_{objective}", picked=fmt_int(len(picks), lang),
                    planned=fmt_int(planned, lang), total=fmt_idr(total_fee, lang), budget=fmt_idr(budget, lang),
                    gross=fmt_idr(rec.brief.budget_idr, lang), reserve=fmt_idr(rec.reserve_idr, lang),
                    value=fmt_int(total_value, lang), summed=fmt_int(reach_summed, lang))
    return Shortlist(status=status, objective=objective, budget_idr=budget, selected=tuple(picks),
                     lines=tuple(results), total_fee_idr=total_fee, total_value=total_value, message=message,
                     candidates=cand_count, eligible=eligible_total, notes=notes, reserve_idr=rec.reserve_idr,
                     reach_unique=reach_unique, reach_summed=reach_summed, goal_objective=goal_objective)


def _notes(df: pd.DataFrame, rec: Recommendation, kinds: Sequence[str], opts: Options, goal_objective: str,
           lang: str) -> tuple[str, ...]:
    """What shaped the pick beyond the plan's lines: the goal's objective, the region, expertise, doctors."""
    out = [t(lang, f"downstream.short.objective_{goal_objective}")]
    region = region_of(opts.city) if opts.city else region_of(rec.brief.region)
    if region is not None and not opts.city and len(df) and _is(df, "city_fit", "any").all():
        out.append(t(lang, "downstream.short.region_unmatched", region=region.text))
    elif region is not None:
        fit = df["city_fit"].to_numpy(dtype=object)
        inside = int((fit == "yes").sum())
        where = ", ".join(c.title() for c in region.cities)
        key = "downstream.short.region_city" if opts.city else "downstream.short.region_brief"
        out.append(t(lang, key, region=region.text, cities=where, n=fmt_int(inside, lang),
                     out=fmt_int(int((fit == "no").sum()), lang)))
    if "kol" in kinds and opts.require_expertise and rec.brief.industry != "other":
        kol = _is(df, "line_kind", "kol")
        fits = int((kol & _is(df, "expertise_fit", "yes")).sum())
        out.append(t(lang, "downstream.short.expertise", n=fmt_int(fits, lang),
                     industry=t(lang, f"industry.{rec.brief.industry}").lower(),
                     other=fmt_int(int(kol.sum()) - fits, lang)))
    if opts.exclude_doctors:
        left_out = int(df["mkek"].to_numpy(dtype=bool).sum())
        if left_out:
            out.append(t(lang, "downstream.short.mkek", n=fmt_int(left_out, lang)))
    return tuple(out)


def _empty(status: Status, objective: Literal["engagements", "reach"], budget: int, message: str) -> Shortlist:
    return Shortlist(status=status, objective=objective, budget_idr=budget, selected=(), lines=(), total_fee_idr=0,
                     total_value=0, message=message)


def _pick(r: dict[str, object], kind: Kind, rank: int, eligible: int, objective: str, lang: str) -> Pick:
    fee = int(r["fee_idr"])  # type: ignore[call-overload]
    eng = int(r["expected_engagements"])  # type: ignore[call-overload]
    reach = int(r["expected_reach"])  # type: ignore[call-overload]
    reasons = [t(lang, f"creators.why.rank_{objective}", rank=rank, n=eligible, kind=t(lang, f"kind.{kind}"),
                 value=fmt_int(reach if objective == "reach" else eng, lang))]
    per = fee / max(eng if objective == "engagements" else reach, 1)
    reasons.append(t(lang, f"creators.why.cost_per_{objective}", fee=fmt_idr(fee, lang), per=fmt_idr(per, lang)))
    if r["industry_fit"] == "yes":
        reasons.append(t(lang, "creators.why.industry"))
    if bool(r["platform_fit"]):
        reasons.append(t(lang, "creators.why.platform", platform=t(lang, f"platform.{r['platform']}")))
    if r["city_fit"] == "yes":
        reasons.append(t(lang, "creators.why.city", city=r["city"]))
    if r["expertise"]:
        reasons.append(t(lang, "creators.why.expertise", expertise=r["expertise"]))
    basis = str(r["er_basis"])
    er = float(r["engagement_rate"])  # type: ignore[arg-type]
    reasons.append(t(lang, f"creators.why.er_{basis}", er=fmt_pct(er, lang, 2)))
    if bool(r["fee_estimated"]):
        reasons.append(t(lang, "creators.why.fee_estimated"))
    if r["authenticity"] == "unchecked":
        reasons.append(t(lang, "creators.why.auth_unchecked"))
    return Pick(row=int(r["row"]), name=str(r["name"]), handle=str(r["handle"]), line_kind=kind,  # type: ignore[call-overload]
                creator_kind=str(r["kind"]), platform=str(r["platform"]),
                followers=int(r["followers"]),  # type: ignore[call-overload]
                engagement_rate=er, er_basis=basis, fee_idr=fee,
                fee_estimated=bool(r["fee_estimated"]), expected_engagements=eng, expected_reach=reach,
                authenticity=str(r["authenticity"]), rank=rank, eligible_in_line=eligible, reasons=tuple(reasons))


def _relax(df: pd.DataFrame, kind: Kind, planned: int, filled: int, in_line: np.ndarray, fees: np.ndarray,
           mine: list[int], budget: int, spent: int, opts: Options, lang: str) -> tuple[str, ...]:
    """What stops the line from filling, and what would help, in words."""
    missing = planned - filled
    out: list[str] = []
    kind_label = t(lang, f"kind.{kind}")
    if in_line.size < planned:
        out.append(t(lang, "creators.relax.too_few", n=fmt_int(int(in_line.size), lang), kind=kind_label,
                     planned=fmt_int(planned, lang)))
        same = (df["line_kind"] == kind).to_numpy(dtype=bool)
        valid = df["valid"].to_numpy(dtype=bool)
        checks = [
            ("platform", opts.require_platform, ~df["platform_fit"].to_numpy(dtype=bool)),
            ("industry", opts.require_industry, (df["industry_fit"] == "no").to_numpy(dtype=bool)),
            ("city", True, (df["city_fit"] == "no").to_numpy(dtype=bool)),
            ("flagged", opts.exclude_flagged, df["authenticity"].isin(["low", "high"]).to_numpy(dtype=bool)),
            ("expertise", opts.require_expertise and kind == "kol",
             ~df["expertise_fit"].isin(["yes", "any"]).to_numpy(dtype=bool)),
            ("mkek", opts.exclude_doctors, df["mkek"].to_numpy(dtype=bool)),
        ]
        for name, active, blocked in checks:
            if not active:
                continue
            # Creators of this kind kept out by this filter alone.
            others = np.ones(len(df), dtype=bool)
            for name2, active2, blocked2 in checks:
                if name2 != name and active2:
                    others &= ~blocked2
            count = int((same & valid & blocked & others).sum())
            if count:
                key = f"downstream.relax.{name}" if name in ("expertise", "mkek") else f"creators.relax.{name}"
                out.append(t(lang, key, n=fmt_int(count, lang)))
        invalid = int((same & ~valid).sum())
        if invalid:
            out.append(t(lang, "creators.relax.fix_rows", n=fmt_int(invalid, lang)))
        out.append(t(lang, "creators.relax.add", n=fmt_int(planned - int(in_line.size), lang), kind=kind_label))
    rest = np.setdiff1d(in_line, np.array(mine, dtype=np.int64))
    if rest.size and filled < min(planned, in_line.size):
        need = int(np.sort(fees[rest])[: min(missing, rest.size)].sum())
        short = max(need - (budget - spent), 0)
        if short > 0:
            out.append(t(lang, "creators.relax.budget", more=fmt_idr(short, lang), n=fmt_int(min(missing, rest.size),
                                                                                             lang), kind=kind_label))
    return tuple(out)


def as_json(s: Shortlist, problems: Sequence[dict[str, object]]) -> dict[str, object]:
    """The CLI's JSON: selected, total_fee_idr, problems, unfilled (plus status and message)."""
    return {
        "status": s.status,
        "message": s.message,
        "objective": s.objective,
        "selected": [{"row": p.row, "name": p.name, "handle": p.handle, "kind": p.line_kind,
                      "fee_idr": p.fee_idr, "fee_estimated": p.fee_estimated,
                      "expected_engagements": p.expected_engagements, "expected_reach": p.expected_reach}
                     for p in s.selected],
        "total_fee_idr": s.total_fee_idr,
        "budget_idr": s.budget_idr,
        "problems": list(problems),
        "unfilled": s.unfilled,
    }
