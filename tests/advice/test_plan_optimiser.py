"""Properties of the plan optimiser (issue 23) on random briefs: the budget matters, and money left is explained.

The objective is the goal's metric (docs/rules.md "The plan as an optimisation"): unique reach for awareness
and launch, engagements for engagement and sales, expert voices then engagements for credibility and
education, honest voices then engagements for testimonials and reputation.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import briefs

from guide import CampaignBrief, recommend
from guide.advice.knowledge import knowledge
from guide.advice.models import MAX_BUDGET_IDR, STRATEGIES, Strategy
from guide.advice.planner import Plan, build_plan

FAST = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow], max_examples=150)


def _mid(p: Plan, metric: str) -> float:
    r = p.reach_total if metric == "reach" else p.engagements_total
    return (r.low + r.high) / 2


def _metric(goal: str) -> str:
    return "reach" if goal in ("awareness", "launch") else "engagements"


@FAST
@given(briefs(), st.integers(min_value=0, max_value=MAX_BUDGET_IDR), st.sampled_from(STRATEGIES))
def test_more_money_never_buys_less_of_the_goals_metric(brief: CampaignBrief, extra: int, strategy: Strategy) -> None:
    k = knowledge()
    richer = brief.model_copy(update={"budget_idr": min(brief.budget_idr + extra, MAX_BUDGET_IDR)})
    a = build_plan(strategy, brief, k, k.figures)
    b = build_plan(strategy, richer, k, k.figures)
    if a is None:
        return
    assert b is not None
    assert b.objective_value >= a.objective_value * (1 - 1e-9)
    if brief.goal in ("awareness", "launch", "engagement", "sales"):
        m = _metric(brief.goal)
        assert _mid(b, m) >= _mid(a, m) * (1 - 1e-6) - 1, (m, a.lines, b.lines)
    if brief.goal in ("credibility", "education"):
        assert sum(ln.count for ln in b.lines if ln.kind == "kol") >= sum(ln.count for ln in a.lines if ln.kind == "kol")
    if brief.goal in ("testimonials", "reputation"):
        assert sum(ln.count for ln in b.lines if ln.kind == "koc") >= sum(ln.count for ln in a.lines if ln.kind == "koc")


@FAST
@given(briefs(budget=st.integers(min_value=0, max_value=50_000_000_000)), st.sampled_from(["id", "en"]))
def test_money_left_is_under_the_bound_or_explained(brief: CampaignBrief, lang: str) -> None:
    rec = recommend(brief, lang=lang)
    if rec.planned_strategy is None:
        return
    # one number everywhere: the money adds up
    assert rec.spend_idr == rec.total_cost_idr + rec.agency_fee_idr == sum(ln.cost_idr for ln in rec.plan) + \
        rec.agency_fee_idr
    assert rec.reserve_idr + rec.spend_idr + rec.unallocated_idr == rec.budget_idr == brief.budget_idr
    assert rec.unallocated_idr >= 0
    if rec.unallocated_idr >= 0.05 * brief.budget_idr:
        assert rec.unallocated_reason is not None
        assert rec.unallocated_text and "unallocated" in [w.code for w in rec.warnings]
    else:
        assert rec.unallocated_reason is None and rec.unallocated_text == ""


@FAST
@given(briefs(budget=st.integers(min_value=20_000_000, max_value=5_000_000_000)))
def test_typical_briefs_leave_under_five_percent(brief: CampaignBrief) -> None:
    # Typical: Rp 20 jt – Rp 5 M, product worth at most Rp 1 jt (a KOC parcel far below the budget).
    if brief.product_value_idr is not None and brief.product_value_idr > 1_000_000:
        brief = brief.model_copy(update={"product_value_idr": 1_000_000})
    # The stated exceptions: a plan at one team's capacity whose next step (an agency) does not fit yet, and a
    # plan whose next creator would break a share band (e.g. 1 micro-influencer + 289 KOCs of a Rp 11.523
    # product at Rp 20 jt: more KOCs need a second micro-influencer, which costs more than the Rp 1.008.474
    # left); the page says which, and the money left stays under 10 %.
    rec = recommend(brief, lang="en")
    assert rec.planned_strategy is not None
    if rec.unallocated_reason == "capacity":
        assert rec.creators_total == 150 and rec.agency_fee_idr == 0
        return
    if rec.unallocated_reason == "shape-rule":
        assert rec.unallocated_idr < 0.10 * brief.budget_idr
        assert rec.unallocated_text
        return
    assert rec.unallocated_idr < 0.05 * brief.budget_idr, (rec.unallocated_idr, rec.unallocated_reason, rec.plan)


@FAST
@given(briefs(budget=st.integers(min_value=5_000_000, max_value=100_000_000_000)), st.sampled_from(STRATEGIES))
def test_doubling_the_budget_visibly_grows_the_plan(brief: CampaignBrief, strategy: Strategy) -> None:
    k = knowledge()
    a = build_plan(strategy, brief, k, k.figures)
    if a is None:
        return
    b = build_plan(strategy, brief.model_copy(update={"budget_idr": 2 * brief.budget_idr}), k, k.figures)
    assert b is not None
    spent_a = sum(ln.cost_idr for ln in a.lines) + a.agency_fee_idr
    spent_b = sum(ln.cost_idr for ln in b.lines) + b.agency_fee_idr
    assert spent_b >= 1.5 * spent_a, (spent_a, spent_b)
    assert b.objective_value > a.objective_value


def test_age_and_gender_change_no_figure_and_the_page_says_so() -> None:
    # No source in data/ gives rates, reach or engagement by age or gender, so the plan is the same and an
    # advisory says why (issue 23: descriptors matter or say so).
    base = CampaignBrief(goal="launch", budget_idr=75_000_000, audience="broad", industry="beauty",
                         product_value_idr=150_000)
    women = recommend(base.model_copy(update={"gender": "women", "age_bands": ("18_24", "25_34")}), lang="en")
    men = recommend(base.model_copy(update={"gender": "men", "age_bands": ("55_up",)}), lang="en")
    assert women.plan == men.plan == recommend(base, lang="en").plan
    text = next(w.text for w in women.warnings if w.code == "audience-descriptors")
    assert text.startswith("The audience's age and gender do not change the plan's figures")
    assert "audience-descriptors" not in [w.code for w in recommend(base, lang="en").warnings]


def test_a_two_million_umkm_reserve_ships_no_parcels() -> None:
    # Rp 2 jt, sales, new beauty brand: 5 KOCs at Rp 305.000 (product Rp 275.000 + shipping Rp 30.000, no fee)
    # = 5 parcels; the Rp 300.000 reserve is for fees and boosting, not parcels.
    rec = recommend(CampaignBrief(goal="sales", budget_idr=2_000_000, audience="niche", industry="beauty",
                                  brand_stage="new"), lang="id")
    assert (rec.koc_parcels, rec.reserve_idr, rec.total_cost_idr) == (5, 300_000, 1_525_000)
    koc = next(w.text for w in rec.warnings if w.code == "koc-cost")
    assert koc == ("Setiap KOC dihitung Rp 305.000: nilai produk ditambah ongkos kirim satu paket (Rp 30.000), "
                   "tanpa honor — KOC berbagi secara sukarela (DIGIMA, “Micro Influencer vs KOC”). 5 paket dikirim.")
