"""The decision engine: rules from data/ score the four strategies; the planner costs the winner."""

from __future__ import annotations

import math

from .i18n import fmt_idr, t
from .knowledge import Figures, Knowledge, Rule, knowledge
from .models import (
    STRATEGIES,
    Advisory,
    CampaignBrief,
    Lang,
    PlanLine,
    Reason,
    Recommendation,
    SourceRef,
    Strategy,
)
from .planner import build_plan, minimum_cost

SCORE_SCALE = 30.0
# Sources the advisories cite; load_knowledge checks that each one exists in data/sources.yaml.
ADVISORY_SOURCES = ("idi-mkek-022-2020", "bpom-2021-2025", "ftc-255", "no-kol-ratecard",
                    "002_335bf9447ff5f52e.txt", "003_2099007efe86bad4.txt")
COMPLIANCE_DOCTOR_INDUSTRIES = {"health", "beauty", "fitness"}
BPOM_INDUSTRIES = {"health", "beauty"}


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


_ORDER: dict[Strategy, int] = {s: i for i, s in enumerate(STRATEGIES)}


def ranking(raw: dict[Strategy, float]) -> list[Strategy]:
    """Strategies best first: higher raw score, then the fixed order kol, influencer, koc, combined."""
    return sorted(STRATEGIES, key=lambda s: (-raw[s], _ORDER[s]))


def decide(brief: CampaignBrief, figures: Figures | None = None) -> Strategy:
    """Only the winning strategy (fast path for the what-if map)."""
    k = knowledge()
    fig = figures or k.figures
    return ranking(raw_scores(fired_rules(brief, k, fig)))[0]


def recommend(brief: CampaignBrief, lang: Lang | str = "id", figures: Figures | None = None,
              k: Knowledge | None = None) -> Recommendation:
    """Decide, explain and plan. Pure and deterministic; `figures` overrides the shipped assumptions."""
    lg: Lang = "en" if lang == "en" else "id"
    k = k or knowledge()
    fig = figures or k.figures
    fired = fired_rules(brief, k, fig)
    raw = raw_scores(fired)
    order = ranking(raw)
    strategy, runner_up = order[0], order[1]
    scores = {s: to_score(raw[s]) for s in STRATEGIES}

    # Strongest effect on the winner first, then the strongest effect overall; ties keep file order.
    keyed = sorted(enumerate(fired), key=lambda p: (-abs(p[1][0].effects.get(strategy, 0) * p[1][1]),
                                                     -abs(sum(p[1][0].effects.values()) * p[1][1]), p[0]))
    reasons = tuple(_reason(r, w, lg, k) for _, (r, w) in keyed)

    warnings: list[Advisory] = []
    planned: Strategy | None = None
    plan: tuple[PlanLine, ...] = ()
    for s in order:
        p = build_plan(s, brief, k, fig)
        if p is not None:
            planned, plan = s, p
            break
    if planned != strategy:
        need = minimum_cost(strategy, brief, k, fig)
        key = "engine.warn.budget_fallback" if planned else "engine.warn.budget_none"
        warnings.append(Advisory(code="budget-too-small", text=t(
            lg, key, budget=fmt_idr(brief.budget_idr, lg), need=fmt_idr(need, lg),
            best=t(lg, f"strategy.{strategy}.name"),
            planned=t(lg, f"strategy.{planned}.name") if planned else "")))
    warnings.extend(_advisories(brief, plan, lg, k, fig))

    total = sum(ln.cost_idr for ln in plan)
    summary = t(lg, f"engine.summary.{strategy}")
    return Recommendation(
        brief=brief, lang=lg, strategy=strategy, planned_strategy=planned, runner_up=runner_up,
        margin=round(scores[strategy] - scores[runner_up], 1), scores=scores, raw_scores=raw,
        summary=summary, reasons=reasons, plan=plan, total_cost_idr=total, warnings=tuple(warnings),
        next_steps=_next_steps(plan, lg, fig.management_threshold.value),
    )


def _reason(r: Rule, w: float, lg: Lang, k: Knowledge) -> Reason:
    return Reason(
        rule_id=r.id,
        label=r.label.get(lg),
        effects={s: e * w for s, e in r.effects.items()},
        weight=w,
        text=r.reason.get(lg) + (t(lg, "engine.secondary_suffix") if w < 1 else ""),
        source=SourceRef(id=r.source.article, title=k.sources.title(r.source.article), passage=r.source.passage),
    )


def _src(k: Knowledge, sid: str) -> SourceRef:
    return SourceRef(id=sid, title=k.sources.title(sid))


def _adv(code: str, text: str, k: Knowledge, sid: str) -> Advisory:
    return Advisory(code=code, text=text, source=_src(k, sid))


def _fixed(code: str, text_key: str, lg: Lang, k: Knowledge, sid: str) -> Advisory:
    return _adv(code, t(lg, text_key), k, sid)


def _advisories(brief: CampaignBrief, plan: tuple[PlanLine, ...], lg: Lang, k: Knowledge,
                fig: Figures) -> list[Advisory]:
    kinds = {ln.kind for ln in plan}
    out: list[Advisory] = []
    if "kol" in kinds and brief.industry in COMPLIANCE_DOCTOR_INDUSTRIES:
        out.append(_fixed("compliance-doctor", "engine.warn.compliance_doctor", lg, k, "idi-mkek-022-2020"))
    if brief.industry in BPOM_INDUSTRIES:
        out.append(_fixed("compliance-bpom", "engine.warn.compliance_bpom", lg, k, "bpom-2021-2025"))
    if plan:
        key = "engine.warn.disclosure_koc" if "koc" in kinds else "engine.warn.disclosure"
        out.append(_fixed("disclosure", key, lg, k, "ftc-255"))
    if "kol" in kinds:
        out.append(_adv("kol-fee-assumption", t(
            lg, "engine.warn.kol_fee", low=fmt_idr(fig.kinds["kol"].rate_low, lg),
            high=fmt_idr(fig.kinds["kol"].rate_high, lg)), k, "no-kol-ratecard"))
        out.append(_fixed("kol-availability", "engine.warn.kol_availability", lg, k, "002_335bf9447ff5f52e.txt"))
    if "mega" in kinds:
        out.append(_fixed("low-engagement-mega", "engine.warn.mega_engagement", lg, k, "002_335bf9447ff5f52e.txt"))
    creators = sum(ln.count for ln in plan)
    if creators >= fig.management_threshold.value:
        out.append(_adv("management", t(lg, "engine.warn.management", n=creators), k, "003_2099007efe86bad4.txt"))
    high = sum(ln.cost_band.high for ln in plan)
    if plan and high > brief.budget_idr:
        out.append(_adv("cost-band", t(
            lg, "engine.warn.cost_band", high=fmt_idr(high, lg), budget=fmt_idr(brief.budget_idr, lg)),
            k, fig.kinds["micro"].rate_source))
    if kinds & {"nano", "micro", "mid", "macro", "mega", "koc"}:
        scheme = fig.tier_scheme
        out.append(_adv("tier-scheme", scheme.note_en if lg == "en" else scheme.note_id, k, scheme.source))
    return out


def _next_steps(plan: tuple[PlanLine, ...], lg: Lang, threshold: float) -> tuple[str, ...]:
    kinds = frozenset(ln.kind for ln in plan)
    agency = "kol" in kinds or sum(ln.count for ln in plan) >= threshold
    steps = [t(lg, "engine.next.goal")]
    if "kol" in kinds:
        steps.append(t(lg, "engine.next.kol_choose"))
    if kinds & {"nano", "micro", "mid", "macro", "mega"}:
        steps.append(t(lg, "engine.next.brief_influencers"))
    if "koc" in kinds:
        steps.append(t(lg, "engine.next.koc_freedom"))
        steps.append(t(lg, "engine.next.koc_reuse"))
    steps.append(t(lg, "engine.next.monitor"))
    if agency:
        steps.append(t(lg, "engine.next.agency"))
    return tuple(steps)
