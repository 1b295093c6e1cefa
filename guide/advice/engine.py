"""The decision engine: rules from data/ score the four strategies; the planner costs the winner.

Rule semantics live in one place, `Condition.weight` (guide/advice/knowledge.py); this module sums the effects,
ranks the strategies (ties broken by a stated rule, never by list order), explains the result reason by
reason with its direction, plans the first strategy the budget can fund, and adds the advisories that fit
the case.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Collection

from guide.advice.knowledge import ADVISORY_SOURCES as ADVISORY_SOURCES
from guide.advice.knowledge import Figures, Knowledge, Rule, knowledge
from guide.advice.models import (
    STRATEGIES,
    Advisory,
    CampaignBrief,
    Direction,
    Lang,
    PlanLine,
    Reason,
    Recommendation,
    SourceRef,
    Strategy,
)
from guide.advice.planner import Plan, build_plan, minimum_budget
from guide.text.i18n import fmt_idr, fmt_int, t
from guide.text.numbers import round_up_said

SCORE_SCALE = 30.0
CLOSE_CALL_POINTS = 3.0  # a winner ahead by less than this on the 0–100 scale is a close call
# Sources the advisories cite; load_knowledge checks that each one exists in data/sources.yaml.
COMPLIANCE_DOCTOR_INDUSTRIES = frozenset({"health", "beauty", "fitness"})  # MKEK: health, beauty, fitness claims
HALAL_INDUSTRIES = frozenset({"food", "beauty", "health"})  # UU 33/2014 covers food, drink, medicines, cosmetics
# Tie-break after an exact tie in raw score and in the budget each needs: the lower-risk strategy first.
# A KOC needs only the product; an influencer is one paid post; combined runs two kinds of creator; a KOL is
# the hardest to book (article 002: some rarely collaborate).
RISK_ORDER: dict[Strategy, int] = {"koc": 0, "influencer": 1, "combined": 2, "kol": 3}
TRUST_GOALS = frozenset({"testimonials", "reputation"})


def to_score(raw: float) -> float:
    """Map a raw rule sum to 0–100 (raw 0 is a neutral 50)."""
    return round(100.0 / (1.0 + math.exp(-raw / SCORE_SCALE)), 1)


def fired_rules(brief: CampaignBrief, k: Knowledge, figures: Figures) -> list[tuple[Rule, float]]:
    """The rules that fire, in file order, with their weight (`Condition.weight` defines it)."""
    return [(r, w) for r in k.rules if (w := r.when.weight(brief, figures)) > 0]


def raw_scores(fired: list[tuple[Rule, float]]) -> dict[Strategy, float]:
    raw: dict[Strategy, float] = dict.fromkeys(STRATEGIES, 0.0)
    for rule, w in fired:
        for s, e in rule.effects.items():
            raw[s] += e * w
    return raw


def ranking(raw: dict[Strategy, float], cost: Callable[[Strategy], int] | None = None) -> list[Strategy]:
    """Strategies best first: higher raw score; on an exact tie the one the budget funds more cheaply
    (`cost`, the smallest budget that funds it), then the lower-risk one (RISK_ORDER)."""
    top = max(raw.values())
    tied = sum(1 for v in raw.values() if abs(v - top) < 1e-9) > 1
    if cost is None or not tied:
        return sorted(STRATEGIES, key=lambda s: (-round(raw[s], 9), RISK_ORDER[s]))
    costs = {s: cost(s) for s in STRATEGIES}
    return sorted(STRATEGIES, key=lambda s: (-round(raw[s], 9), costs[s], RISK_ORDER[s]))


def tie_break(raw: dict[Strategy, float], order: list[Strategy], cost: Callable[[Strategy], int]) -> str | None:
    """Which stated rule decided between the winner and the runner-up, when their raw scores tie."""
    a, b = order[0], order[1]
    if abs(raw[a] - raw[b]) >= 1e-9:
        return None
    return "cheaper" if cost(a) != cost(b) else "lower-risk"


def decide(brief: CampaignBrief, figures: Figures | None = None) -> Strategy:
    """Only the winning strategy (what the what-if map shows)."""
    k = knowledge()
    fig = figures or k.figures
    return ranking(raw_scores(fired_rules(brief, k, fig)), _coster(brief, k, fig))[0]


def _coster(brief: CampaignBrief, k: Knowledge, fig: Figures) -> Callable[[Strategy], int]:
    return lambda s: minimum_budget(s, brief, k, fig)


def recommend(brief: CampaignBrief, lang: Lang | str = "id", figures: Figures | None = None,
              k: Knowledge | None = None) -> Recommendation:
    """Decide, explain and plan. Pure and deterministic; `figures` overrides the shipped assumptions."""
    lg: Lang = "en" if lang == "en" else "id"
    k = k or knowledge()
    fig = figures or k.figures
    fired = fired_rules(brief, k, fig)
    raw = raw_scores(fired)
    cost = _coster(brief, k, fig)
    order = ranking(raw, cost)
    strategy, runner_up = order[0], order[1]
    scores = {s: to_score(raw[s]) for s in STRATEGIES}
    margin = round(scores[strategy] - scores[runner_up], 1)
    tb = tie_break(raw, order, cost)

    planned: Strategy | None = None
    plan: Plan | None = None
    for s in order:
        plan = build_plan(s, brief, k, fig)
        if plan is not None:
            planned = s
            break
    lines = plan.lines if plan is not None else ()

    reasons = _reasons(fired, strategy, planned, lg, k)
    name = {s: t(lg, f"strategy.{s}.name") for s in STRATEGIES}
    warnings: list[Advisory] = []
    if planned != strategy:
        need = minimum_budget(strategy, brief, k, fig)
        key = "engine.warn.budget_fallback" if planned else "engine.warn.budget_none"
        warnings.append(_adv("budget-too-small", t(
            lg, key, budget=fmt_idr(brief.budget_idr, lg), need=fmt_idr(round_up_said(need), lg), best=name[strategy],
            planned=name[planned] if planned else ""), k, lg, "004_b09fe85dff487976.txt"))
    if margin < CLOSE_CALL_POINTS:
        if tb is None:
            text = t(lg, "engine.warn.close_call", winner=name[strategy], runner=name[runner_up],
                     margin=f"{margin:.1f}".replace(".", "," if lg == "id" else "."))
        else:
            text = t(lg, f"engine.warn.tie_{tb.replace('-', '_')}", winner=name[strategy], runner=name[runner_up],
                     a=fmt_idr(cost(strategy), lg), b=fmt_idr(cost(runner_up), lg))
        warnings.append(_adv("close-call", text, k, lg, "000_11d1de50b13a0c2a.txt"))
    warnings.extend(_advisories(brief, plan, lg, k, fig))

    total = sum(ln.cost_idr for ln in lines)
    if planned is None:
        headline = t(lg, "engine.headline.none", best=name[strategy])
        summary = t(lg, "engine.summary.none", best=name[strategy])
    elif planned != strategy:
        headline = t(lg, "engine.headline.fallback", planned=name[planned], best=name[strategy])
        summary = t(lg, "engine.summary.fallback", planned=name[planned], best=name[strategy]) + " " + \
            t(lg, f"engine.summary.{planned}")
    else:
        headline = t(lg, "engine.headline.plan", planned=name[planned])
        summary = t(lg, f"engine.summary.{strategy}")
    zero = {"low": 0, "high": 0}
    fee = plan.agency_fee_idr if plan else 0
    left = plan.unallocated_idr if plan else 0
    counts = {ln.kind: ln.count for ln in lines}
    creators = sum(counts.values())
    return Recommendation(
        brief=brief, lang=lg, strategy=strategy, planned_strategy=planned, runner_up=runner_up,
        margin=margin, scores=scores, raw_scores=raw, summary=summary, reasons=reasons, plan=lines,
        total_cost_idr=total, warnings=tuple(warnings), next_steps=_next_steps(lines, lg, fig),
        headline=headline, reserve_idr=plan.reserve_idr if plan else 0,
        unallocated_idr=plan.unallocated_idr if plan else 0,
        reach_total=plan.reach_total if plan else zero, engagements_total=plan.engagements_total if plan else zero,
        tie_break=tb, capped=plan.capped if plan else False,
        budget_idr=brief.budget_idr, agency_fee_idr=fee, spend_idr=total + fee,
        unallocated_share=round(left / brief.budget_idr, 6) if brief.budget_idr else 0.0,
        unallocated_reason=plan.idle_reason if plan else None,
        unallocated_text=_idle_text(plan, brief, lg, fig) if plan else "",
        objective=plan.objective if plan else None, objective_value=plan.objective_value if plan else 0.0,
        objective_text=t(lg, f"plan_model.objective.{plan.objective}") if plan else "",
        creators_total=creators, posts_total=plan.posts_total if plan else 0,
        kol_count=counts.get("kol", 0), koc_count=counts.get("koc", 0), koc_parcels=counts.get("koc", 0),
        agency_advised=_needs_agency(creators, counts.get("kol", 0), fig),
    )


def _pct(v: float, lg: Lang) -> str:
    return f"{v:.1f}".replace(".", "," if lg == "id" else ".")


def _idle_text(plan: Plan, brief: CampaignBrief, lg: Lang, fig: Figures) -> str:
    """Why money beyond the reserve is left (only when it is at least 5 % of the budget)."""
    if plan.idle_reason is None:
        return ""
    kind = plan.blocked_kind or min(plan.lines, key=lambda ln: ln.unit_cost_idr).kind
    cost = min(ln.unit_cost_idr for ln in plan.lines)
    fee_share = fig.agency_fee_share.value / (1 - fig.agency_fee_share.value)
    return t(lg, f"plan_model.idle.{plan.idle_reason}", left=fmt_idr(plan.unallocated_idr, lg),
             share=_pct(100 * plan.unallocated_idr / max(brief.budget_idr, 1), lg), kind=t(lg, f"kind.{kind}"),
             cost=fmt_idr(cost, lg), fee_share=_pct(100 * fee_share, lg),
             cap=fmt_int(int(fig.team_capacity.value), lg))


def _reasons(fired: list[tuple[Rule, float]], winner: Strategy, planned: Strategy | None, lg: Lang,
             k: Knowledge) -> tuple[Reason, ...]:
    """Each fired rule as a reason, with its direction relative to the strategy that is planned (the winner
    when it is funded, else the fallback the headline names first): for (biggest first), then against
    (biggest first), then neutral. A reason for the winner is support only when the winner is what the plan
    holds: with no plan at all, it is neutral (it is about creators not in the plan)."""
    ref = planned or winner
    out: list[tuple[int, float, int, Reason]] = []
    for n, (r, w) in enumerate(fired):
        eff = {s: r.effects.get(s, 0) * w for s in STRATEGIES}
        rival = max(eff[s] for s in STRATEGIES if s != ref)
        points = eff[ref] - rival
        best = max(eff.values())
        leaders = [s for s in STRATEGIES if eff[s] == best]
        favours: Strategy | None = leaders[0] if best > 0 and len(leaders) == 1 else None
        direction: Direction = "for" if points > 0 else "against" if points < 0 else "neutral"
        if direction == "for" and planned is None:
            direction = "neutral"
        src = k.sources.get(r.source.article)
        reason = Reason(
            rule_id=r.id, label=r.label.get(lg), effects={s: e * w for s, e in r.effects.items()}, weight=w,
            text=r.reason.get(lg) + (t(lg, "engine.secondary_suffix") if w < 1 else ""),
            source=SourceRef(id=src.id, title=src.title(lg), passage=r.source.passage, publisher=src.publisher,
                             url=src.url),
            direction=direction, points=round(points, 2), favours=favours,
        )
        group = {"for": 0, "against": 1, "neutral": 2}[direction]
        out.append((group, -abs(points), n, reason))
    out.sort(key=lambda x: (x[0], x[1], x[2]))
    return tuple(x[3] for x in out)


def _adv(code: str, text: str, k: Knowledge, lg: Lang, sid: str) -> Advisory:
    src = k.sources.get(sid)
    return Advisory(code=code, text=text,
                    source=SourceRef(id=sid, title=src.title(lg), passage=src.clause, publisher=src.publisher,
                                     url=src.url))


def compliance_codes(industry: str, kinds: Collection[str], age_bands: Collection[str] = ()) -> list[str]:
    """The compliance advisories for an industry, the kinds in its plan and the audience's ages, in the order
    they are shown. Each names its Indonesian rule (`COMPLIANCE_RULES`: catalog key and source)."""
    out = []
    if "kol" in kinds and industry in COMPLIANCE_DOCTOR_INDUSTRIES:
        out.append("compliance-doctor")
    if industry == "health":
        out += ["compliance-bpom-drug", "compliance-medical-device", "compliance-supplement",
                "compliance-traditional-medicine"]
    if industry == "beauty":
        out.append("compliance-bpom-cosmetics")
    if industry == "fitness":
        out.append("compliance-supplement")
    if industry == "food":
        out.append("compliance-processed-food")
    if industry in HALAL_INDUSTRIES:
        out.append("compliance-halal")
    if "13_17" in age_bands:
        out.append("compliance-minors")
    return out


# code -> (catalog key of the advisory, source id in data/sources.yaml); `law.brief.*` has the brief's line.
COMPLIANCE_RULES: dict[str, tuple[str, str]] = {
    "compliance-doctor": ("engine.warn.compliance_doctor", "idi-mkek-022-2020"),
    "compliance-bpom-drug": ("law.warn.prescription", "bpom-2-2021"),
    "compliance-medical-device": ("law.warn.medical_device", "kemenkes-76-2013"),
    "compliance-supplement": ("law.warn.supplement", "bpom-34-2022"),
    "compliance-traditional-medicine": ("engine.warn.compliance_traditional_medicine", "bpom-34-2022"),
    "compliance-bpom-cosmetics": ("law.warn.cosmetics", "bpom-18-2024"),
    "compliance-processed-food": ("law.warn.processed_food", "bpom-6-2021"),
    "compliance-halal": ("law.warn.halal", "uu-33-2014-halal"),
    "compliance-minors": ("law.warn.minors", "epi-children"),
}


def _advisories(brief: CampaignBrief, plan: Plan | None, lg: Lang, k: Knowledge, fig: Figures) -> list[Advisory]:
    lines: tuple[PlanLine, ...] = plan.lines if plan is not None else ()
    kinds = {ln.kind for ln in lines}
    count = {ln.kind: ln.count for ln in lines}
    out: list[Advisory] = []
    for code in compliance_codes(brief.industry, kinds, brief.age_bands):
        key, sid = COMPLIANCE_RULES[code]
        out.append(_adv(code, t(lg, key), k, lg, sid))
    if lines:
        key = "law.warn.disclosure_koc" if "koc" in kinds else "law.warn.disclosure"
        out.append(_adv("disclosure", t(lg, key), k, lg, "epi-2020"))  # the Indonesian code first; FTC abroad
    if "kol" in kinds:
        out.append(_adv("kol-fee-assumption", t(
            lg, "engine.warn.kol_fee", low=fmt_idr(fig.kinds["kol"].rate_low, lg),
            high=fmt_idr(fig.kinds["kol"].rate_high, lg)), k, lg, "no-kol-ratecard"))
        out.append(_adv("kol-availability", t(lg, "engine.warn.kol_availability"), k, lg,
                        "002_335bf9447ff5f52e.txt"))
    if "mega" in kinds:
        out.append(_adv("low-engagement-mega", t(lg, "engine.warn.mega_engagement"), k, lg,
                        "002_335bf9447ff5f52e.txt"))
    creators = sum(count.values())
    if "kol" in kinds or creators >= fig.management_threshold.value:
        out.append(_adv("management-at-planning", t(lg, "engine.warn.management_at_planning"), k, lg,
                        "003_2099007efe86bad4.txt"))
    if _needs_agency(creators, count.get("kol", 0), fig):
        out.append(_adv("management-agency", t(lg, "engine.warn.management_agency", n=fmt_int(creators, lg)),
                        k, lg, "003_2099007efe86bad4.txt"))
    elif creators >= fig.management_threshold.value:
        out.append(_adv("management", t(lg, "engine.warn.management", n=fmt_int(creators, lg)), k, lg,
                        "003_2099007efe86bad4.txt"))
    trust = brief.goal if brief.goal in TRUST_GOALS else brief.secondary_goal
    if trust in TRUST_GOALS and lines and "koc" not in kinds:
        out.append(_adv("trust-koc-missing", t(lg, "engine.warn.trust_koc_missing", goal=t(lg, f"goal.{trust}")), k, lg,
                        "004_b09fe85dff487976.txt"))
    if plan is not None:
        high = sum(ln.cost_band.high for ln in lines)
        if high > brief.budget_idr:
            out.append(_adv("cost-band", t(
                lg, "engine.warn.cost_band", high=fmt_idr(high, lg), budget=fmt_idr(brief.budget_idr, lg)),
                k, lg, fig.kinds["micro"].rate_source))
        out.append(_adv("reserve", t(lg, "engine.warn.reserve", reserve=fmt_idr(plan.reserve_idr, lg),
                                     share=fmt_int(round(fig.reserve_share.value * 100), lg)),
                        k, lg, fig.reserve_share.source))
        fee_share = fig.agency_fee_share.value / (1 - fig.agency_fee_share.value)
        if plan.capped:
            out.append(_adv("capacity", t(lg, "plan_model.agency", n=fmt_int(creators, lg),
                                          cap=fmt_int(int(fig.team_capacity.value), lg),
                                          fee=fmt_idr(plan.agency_fee_idr, lg), fee_share=_pct(100 * fee_share, lg)),
                            k, lg, fig.agency_fee_share.source))
        if plan.idle_reason is not None:
            out.append(_adv("unallocated", _idle_text(plan, brief, lg, fig), k, lg, fig.reserve_share.source))
        if "koc" in kinds:
            koc_cost = next(ln.unit_cost_idr for ln in lines if ln.kind == "koc")
            out.append(_adv("koc-cost", t(lg, "plan_model.koc_cost", cost=fmt_idr(koc_cost, lg),
                                          ship=fmt_idr(int(fig.shipping_per_parcel.value), lg),
                                          n=fmt_int(count["koc"], lg)), k, lg, "004_b09fe85dff487976.txt"))
        out.append(_adv("reach-basis", t(lg, "engine.warn.reach_basis",
                                         overlap=fmt_int(round(fig.overlap_share.value * 100), lg),
                                         completion=fmt_int(round(fig.completion_factor.value * 100), lg)),
                        k, lg, fig.kinds["micro"].reach_source))
    if brief.gender is not None or brief.age_bands:  # descriptors matter or say so (issue 23)
        out.append(_adv("audience-descriptors", t(lg, "plan_model.audience"), k, lg, fig.kinds["micro"].reach_source))
    if kinds & {"nano", "micro", "mid", "macro", "mega", "koc"}:
        scheme = fig.tier_scheme
        out.append(_adv("tier-scheme", scheme.note_en if lg == "en" else scheme.note_id, k, lg, scheme.source))
    return out


def _needs_agency(creators: int, kols: int, fig: Figures) -> bool:
    return creators >= fig.agency_threshold.value or kols >= 3


def _next_steps(plan: tuple[PlanLine, ...], lg: Lang, fig: Figures) -> tuple[str, ...]:
    kinds = {ln.kind for ln in plan}
    creators = sum(ln.count for ln in plan)
    steps = [t(lg, "engine.next.goal")]
    if "kol" in kinds or creators >= fig.management_threshold.value:
        steps.append(t(lg, "engine.next.manage_from_planning"))
    if "kol" in kinds:
        steps.append(t(lg, "engine.next.kol_choose"))
    if kinds & {"nano", "micro", "mid", "macro", "mega"}:
        steps.append(t(lg, "engine.next.brief_influencers"))
    if "koc" in kinds:
        steps.append(t(lg, "engine.next.koc_freedom"))
        steps.append(t(lg, "engine.next.koc_reuse"))
    steps.append(t(lg, "engine.next.monitor"))
    if _needs_agency(creators, sum(ln.count for ln in plan if ln.kind == "kol"), fig):
        steps.append(t(lg, "engine.next.agency"))
    return tuple(steps)
