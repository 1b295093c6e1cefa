"""Property tests over the whole brief space: whatever a user enters, the advice is well-formed
and affordable."""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError
from strategies import briefs

from guide import CampaignBrief, Recommendation, recommend
from guide.advice.knowledge import knowledge
from guide.advice.models import MAX_BUDGET_IDR, STRATEGIES, TIERS
from guide.advice.planner import build_plan, unit

FAST = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
MANY = settings(FAST, max_examples=600)
SOME = settings(FAST, max_examples=250)



def _assert_well_formed(brief: CampaignBrief, rec: Recommendation) -> None:
    k = knowledge()
    # Scores: every strategy scored, each within 0–100, and the pick is the best score.
    assert set(rec.scores) == set(STRATEGIES)
    assert set(rec.raw_scores) == set(STRATEGIES)
    assert all(0.0 <= s <= 100.0 for s in rec.scores.values()), rec.scores
    assert rec.scores[rec.strategy] == max(rec.scores.values())
    assert rec.raw_scores[rec.strategy] == max(rec.raw_scores.values())
    assert rec.runner_up != rec.strategy
    assert rec.margin == pytest.approx(rec.scores[rec.strategy] - rec.scores[rec.runner_up], abs=0.11)
    assert rec.margin >= 0

    # Money: never more than the budget; budget = creators + reserve + what is left unallocated.
    total = sum(ln.cost_idr for ln in rec.plan)
    assert total == rec.total_cost_idr
    assert total <= brief.budget_idr
    if rec.plan:
        assert total + rec.agency_fee_idr + rec.reserve_idr + rec.unallocated_idr == brief.budget_idr
        assert rec.reserve_idr == int(brief.budget_idr * k.figures.reserve_share.value)
        # past one team's capacity the plan pays an agency (issue 23: capacity is a choice, not a wall)
        assert (sum(ln.count for ln in rec.plan) > k.figures.team_capacity.value) == (rec.agency_fee_idr > 0)
    for ln in rec.plan:
        assert ln.count >= 1
        assert ln.unit_cost_idr >= 1
        assert ln.cost_idr == ln.posts * ln.unit_cost_idr and ln.posts >= ln.count  # creators + repeat posts
        assert 0 <= ln.cost_band.low <= ln.cost_idr <= ln.cost_band.high
        assert 0 <= ln.reach.low <= ln.reach.high
        assert 0 <= ln.engagements.low <= ln.engagements.high
        assert ln.reach_basis == "unique-accounts"
        assert 1 <= ln.start_week <= ln.end_week <= brief.duration_weeks
        assert ln.basis, "every line names the basis of its figures"
    assert len({ln.kind for ln in rec.plan}) == len(rec.plan), "one line per kind"
    # The plan's unique reach is at most the sum of its lines (overlap is discounted, never added).
    assert rec.reach_total.high <= sum(ln.reach.high for ln in rec.plan)

    # Phases start at 1 and are consecutive; later phases start later.
    phases = sorted({ln.phase for ln in rec.plan})
    assert phases == list(range(1, len(phases) + 1))
    first_start = {p: min(ln.start_week for ln in rec.plan if ln.phase == p) for p in phases}
    assert first_start.get(1, 1) == 1
    assert all(first_start[a] <= first_start[b] for a, b in itertools.pairwise(phases))

    # A fallback plan is always announced.
    codes = [w.code for w in rec.warnings]
    assert (rec.planned_strategy != rec.strategy) == ("budget-too-small" in codes)
    if rec.planned_strategy is None:
        assert rec.plan == ()
    assert len(codes) == len(set(codes)), f"duplicate warning: {codes}"

    # Explanations: never empty, every text non-empty and every source a known one.
    known = k.sources.ids()
    assert rec.reasons
    for r in rec.reasons:
        assert r.text.strip()
        assert r.source.id in known
        assert r.source.title
        assert r.source.passage
        assert r.direction == ("for" if r.points > 0 else "against" if r.points < 0 else "neutral") or \
            (rec.planned_strategy is None and r.direction == "neutral" and r.points > 0)
    for w in rec.warnings:
        assert w.text.strip()
        assert w.source is None or w.source.id in known
    assert rec.summary.strip()
    assert rec.headline.strip()
    assert rec.next_steps and all(s.strip() for s in rec.next_steps)


DEFINING: dict[str, set[str]] = {"kol": {"kol"}, "influencer": set(TIERS), "koc": {"koc"}}
NAMES = {"en": {"kol": "kol", "influencer": "influencer", "koc": "koc", "combined": "combined"},
         "id": {"kol": "kol", "influencer": "influencer", "koc": "koc", "combined": "kombinasi"}}


@MANY
@given(briefs())
def test_recommendation_is_well_formed(brief: CampaignBrief) -> None:
    _assert_well_formed(brief, recommend(brief, lang="id"))


@MANY
@given(briefs(), st.sampled_from(["id", "en"]))
def test_headline_summary_and_plan_agree(brief: CampaignBrief, lang: str) -> None:
    rec = recommend(brief, lang=lang)
    kinds = [ln.kind for ln in rec.plan]
    planned = rec.planned_strategy
    if planned is None:
        assert NAMES[lang][rec.strategy] in rec.headline.casefold()
        return
    # The headline and the summary name first what is planned, then (on a fallback) the best fit.
    for text in (rec.headline.casefold(), rec.summary.casefold()):
        assert NAMES[lang][planned] in text
        if planned != rec.strategy:
            assert text.index(NAMES[lang][planned]) < text.index(NAMES[lang][rec.strategy])
    # The plan holds the kind that defines the planned strategy; combined: influencers first, then KOCs.
    # A new brand's authentic launch starts with KOCs instead (004: "fase awal peluncuran"), influencers after.
    if planned == "combined" and brief.goal == "launch" and brief.brand_stage == "new" and \
            brief.content == "authentic":
        tiers = [i for i, kd in enumerate(kinds) if kd in TIERS]
        assert tiers and "koc" in kinds and min(tiers) > kinds.index("koc")
        assert all(ln.phase == 1 for ln in rec.plan if ln.kind == "koc")
    elif planned == "combined":
        tiers = [i for i, kd in enumerate(kinds) if kd in TIERS]
        assert tiers and "koc" in kinds and max(tiers) < kinds.index("koc")
        assert all(ln.phase == 2 for ln in rec.plan if ln.kind == "koc")
    else:
        assert DEFINING[planned] & set(kinds), (planned, kinds)


@MANY
@given(briefs())
def test_close_calls_carry_a_close_call_warning_naming_both(brief: CampaignBrief) -> None:
    rec = recommend(brief, lang="en")
    warning = next((w for w in rec.warnings if w.code == "close-call"), None)
    assert (rec.margin < 3) == (warning is not None), rec.margin
    if warning is not None:
        text = warning.text.casefold()
        assert NAMES["en"][rec.strategy] in text and NAMES["en"][rec.runner_up] in text
    if rec.raw_scores[rec.strategy] == rec.raw_scores[rec.runner_up]:
        assert rec.tie_break in ("cheaper", "lower-risk") and warning is not None
        assert ("cheaper" in warning.text) == (rec.tie_break == "cheaper") and "tie" in warning.text.casefold()
    else:
        assert rec.tie_break is None


@SOME
@given(briefs(), st.integers(min_value=0, max_value=MAX_BUDGET_IDR), st.sampled_from(STRATEGIES))
def test_more_budget_never_lowers_the_goals_metric(brief: CampaignBrief, extra: int, strategy: str) -> None:
    # With the strategy fixed, a larger budget buys at least what a smaller one did of the goal's metric: the
    # middle of the reach range for awareness and launches, of the engagements range for engagement and sales
    # (docs/rules.md "The plan as an optimisation"). The other metric, and the ends of a range, can move by a
    # hair when the optimum trades one creator for another (found: the low end of reach −0.3 % for +Rp 1 at
    # Rp 300 jt, its middle up); that limit is written down in docs/rules.md.
    k = knowledge()
    richer = brief.model_copy(update={"budget_idr": min(brief.budget_idr + extra, MAX_BUDGET_IDR)})
    a = build_plan(strategy, brief, k, k.figures)  # type: ignore[arg-type]
    b = build_plan(strategy, richer, k, k.figures)  # type: ignore[arg-type]
    if a is None:
        return
    assert b is not None
    mid = {"reach": lambda p: p.reach_total.low + p.reach_total.high,
           "engagements": lambda p: p.engagements_total.low + p.engagements_total.high}
    if brief.goal in ("awareness", "launch"):
        assert mid["reach"](b) >= mid["reach"](a) * (1 - 1e-6) - 2
    elif brief.goal in ("engagement", "sales"):
        assert mid["engagements"](b) >= mid["engagements"](a) * (1 - 1e-6) - 2
    assert b.objective_value >= a.objective_value * (1 - 1e-9)


@SOME
@given(briefs(budget=st.integers(min_value=0, max_value=2_000_000_000)))
def test_a_launch_is_combined_wherever_the_budget_funds_both(brief: CampaignBrief) -> None:
    launch = brief.model_copy(update={"goal": "launch", "secondary_goal": None})
    rec = recommend(launch, lang="en")
    assert rec.strategy == "combined", rec.raw_scores
    k = knowledge()
    # One creator of each at the planning cost: a KOC costs the product plus one parcel's shipping (found by
    # Hypothesis: a Rp 1 product, where the band alone left out the Rp 30.000 shipping).
    micro_and_koc = unit(k.figures, "micro", launch).mid + unit(k.figures, "koc", launch).mid
    if launch.budget_idr - rec.reserve_idr >= micro_and_koc or \
            launch.budget_idr * (1 - k.figures.reserve_share.value) >= micro_and_koc:
        assert rec.planned_strategy == "combined"
        assert {"micro", "koc"} <= {ln.kind for ln in rec.plan}


@SOME
@given(briefs())
def test_a_trust_goal_puts_kocs_in_the_plan_or_says_why_not(brief: CampaignBrief) -> None:
    rec = recommend(brief, lang="en")
    if rec.plan and {brief.goal, brief.secondary_goal} & {"testimonials", "reputation"}:
        assert "koc" in {ln.kind for ln in rec.plan} or "trust-koc-missing" in {w.code for w in rec.warnings}


@SOME
@given(briefs())
def test_celebrities_only_where_article_002_puts_them(brief: CampaignBrief) -> None:
    rec = recommend(brief, lang="en")
    if "mega" in {ln.kind for ln in rec.plan}:
        assert brief.goal == "awareness" and brief.audience == "broad"
        assert "low-engagement-mega" in {w.code for w in rec.warnings}


@SOME
@given(briefs())
def test_recommend_is_deterministic(brief: CampaignBrief) -> None:
    assert recommend(brief, lang="en") == recommend(brief, lang="en")
    again = CampaignBrief.model_validate(brief.model_dump())
    assert recommend(brief, lang="id") == recommend(again, lang="id")


@SOME
@given(briefs())
def test_languages_give_the_same_advice(brief: CampaignBrief) -> None:
    rid, ren = recommend(brief, lang="id"), recommend(brief, lang="en")
    assert (rid.lang, ren.lang) == ("id", "en")
    assert rid.strategy == ren.strategy
    assert rid.planned_strategy == ren.planned_strategy
    assert rid.runner_up == ren.runner_up
    assert rid.scores == ren.scores
    assert rid.plan == ren.plan
    assert rid.total_cost_idr == ren.total_cost_idr
    assert [(r.rule_id, r.direction, r.points) for r in rid.reasons] == \
        [(r.rule_id, r.direction, r.points) for r in ren.reasons]
    assert [w.code for w in rid.warnings] == [w.code for w in ren.warnings]
    assert len(rid.next_steps) == len(ren.next_steps)


@SOME
@given(briefs(), st.integers(min_value=0, max_value=MAX_BUDGET_IDR))
def test_more_budget_only_moves_the_small_budget_rule(brief: CampaignBrief, extra: int) -> None:
    # The only budget rule says "below one KOL fee" (KOC up, KOL down), so more budget may lift the KOL score
    # and lower the KOC score, never the reverse, and leaves influencer and combined where they were.
    richer = CampaignBrief.model_validate(
        {**brief.model_dump(), "budget_idr": min(brief.budget_idr + extra, MAX_BUDGET_IDR)})
    a, b = recommend(brief, lang="en"), recommend(richer, lang="en")
    assert b.scores["kol"] >= a.scores["kol"]
    assert b.scores["koc"] <= a.scores["koc"]
    assert b.scores["influencer"] == a.scores["influencer"]
    assert b.scores["combined"] == a.scores["combined"]


@SOME
@given(briefs())
def test_an_unfunded_plan_is_only_for_budgets_below_every_strategy(brief: CampaignBrief) -> None:
    rec = recommend(brief, lang="en")
    if rec.planned_strategy is None:
        # Nothing could be funded: after the reserve, the budget is below the cheapest creator the guide plans.
        fig = knowledge().figures
        # a KOC costs the product plus shipping one parcel (Rp 30.000, figures.yaml shipping_per_parcel)
        cheapest = min(fig.unit_band(kind, brief)[1] + (30_000 if kind == "koc" else 0)
                       for kind in ("koc", "nano", "micro"))
        assert brief.budget_idr - int(brief.budget_idr * fig.reserve_share.value) < cheapest
    else:
        assert rec.plan, "a funded strategy has at least one line"


# ---------------------------------------------------------------- the brief itself rejects bad input

VALID: dict[str, Any] = {"goal": "sales", "budget_idr": 50_000_000, "audience": "niche", "industry": "beauty"}


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("nickname", "x"),  # unknown field
        ("budget_idr", -1),
        ("budget_idr", 1.5),
        ("budget_idr", MAX_BUDGET_IDR + 1),
        ("budget_idr", True),
        ("duration_weeks", 0),
        ("duration_weeks", 105),
        ("duration_weeks", 2.5),
        ("goal", "fame"),
        ("audience", "everyone"),
        ("industry", "pharma"),
        ("platforms", "instagram"),
        ("platforms", ["myspace"]),
        ("product_value_idr", -5),
        ("content", "viral"),
    ],
)
def test_brief_rejects_bad_field_and_names_it(field: str, value: Any) -> None:
    with pytest.raises(ValidationError) as exc:
        CampaignBrief(**{**VALID, field: value})
    assert exc.value.errors()[0]["loc"][0] == field
    assert field in str(exc.value)


def test_brief_rejects_secondary_goal_equal_to_goal() -> None:
    with pytest.raises(ValidationError, match="secondary_goal"):
        CampaignBrief(**VALID, secondary_goal="sales")


def test_brief_accepts_whole_numbers_in_other_spellings_and_is_frozen() -> None:
    b = CampaignBrief(**{**VALID, "budget_idr": 5e7, "duration_weeks": "8"})
    assert b.budget_idr == 50_000_000
    assert b.duration_weeks == 8
    with pytest.raises(ValidationError):
        b.budget_idr = 1  # type: ignore[misc]


def test_brief_platforms_are_canonical() -> None:
    a = CampaignBrief(**VALID, platforms=["tiktok", "instagram", "tiktok"])
    b = CampaignBrief(**VALID, platforms=["instagram", "tiktok"])
    assert a == b
    assert recommend(a) == recommend(b)


# ---------------------------------------------------------------- examples a user would notice

def test_the_score_scale_is_pinned() -> None:
    from guide.advice.engine import to_score

    assert [to_score(x) for x in (-30, 0, 30, 60)] == [26.9, 50.0, 73.1, 88.1]


# Which compliance advisories each industry gets, written out from the sources (MKEK IDI 022/2020: doctors in
# health, beauty and fitness ads; PerBPOM 2/2021: drugs; Permenkes 76/2013: devices; PerBPOM 34/2022:
# supplements and traditional medicine (health; supplements in fitness too); PerBPOM 18/2024: cosmetics;
# PerBPOM 6/2021: processed food; UU 33/2014: halal for food, cosmetics and medicines).
HEALTH = ["compliance-bpom-drug", "compliance-medical-device", "compliance-supplement",
          "compliance-traditional-medicine", "compliance-halal"]
WITH_KOL = {"health": ["compliance-doctor", *HEALTH],
            "beauty": ["compliance-doctor", "compliance-bpom-cosmetics", "compliance-halal"],
            "fitness": ["compliance-doctor", "compliance-supplement"],
            "food": ["compliance-processed-food", "compliance-halal"]}
WITHOUT_KOL = {"health": HEALTH, "beauty": ["compliance-bpom-cosmetics", "compliance-halal"],
               "fitness": ["compliance-supplement"], "food": ["compliance-processed-food", "compliance-halal"]}


@pytest.mark.parametrize("industry", ["health", "finance", "beauty", "fashion", "fitness", "travel", "lifestyle",
                                      "food", "parenting", "tech", "education", "other"])
def test_compliance_advisories_are_chosen_per_industry(industry: str) -> None:
    kol = recommend(CampaignBrief(goal="credibility", budget_idr=100_000_000, audience="niche", industry=industry,
                                  content="expert"), lang="en")
    koc = recommend(CampaignBrief(goal="testimonials", budget_idr=10_000_000, audience="niche", industry=industry),
                    lang="en")
    assert "kol" in {ln.kind for ln in kol.plan} and {ln.kind for ln in koc.plan} == {"koc"}
    for rec, want in ((kol, WITH_KOL.get(industry, [])), (koc, WITHOUT_KOL.get(industry, []))):
        assert [w.code for w in rec.warnings if w.code.startswith("compliance-")] == want
    texts = {w.code: w.text for w in kol.warnings}
    if industry == "beauty":
        assert "traditional" not in texts["compliance-bpom-cosmetics"]
        assert "cosmetics" in texts["compliance-bpom-cosmetics"]


@pytest.mark.parametrize(("weeks", "phase1", "phase2"), [(8, (1, 4), (5, 8)), (7, (1, 4), (5, 7)),
                                                          (2, (1, 1), (2, 2)), (1, (1, 1), (1, 1))])
def test_phase_timing_micro_first_then_kocs(weeks: int, phase1: tuple[int, int], phase2: tuple[int, int]) -> None:
    rec = recommend(CampaignBrief(goal="launch", budget_idr=20_000_000, audience="broad", industry="fitness",
                                  duration_weeks=weeks), lang="en")
    assert [(ln.kind, ln.phase, (ln.start_week, ln.end_week)) for ln in rec.plan] == \
        [("micro", 1, phase1), ("koc", 2, phase2)]
    single = recommend(CampaignBrief(goal="testimonials", budget_idr=10_000_000, audience="niche",
                                     industry="food", duration_weeks=weeks), lang="en")
    assert [(ln.start_week, ln.end_week) for ln in single.plan] == [(1, weeks)]


@pytest.mark.parametrize(("budget", "want", "agency_step"), [
    (3_000_000, set(), False),  # a Rp 3 jt UMKM plan (9 KOCs) is not told to hire anyone
    (8_000_000, {"management-at-planning", "management"}, False),  # 20+ KOCs: one coordinator
    (300_000_000, {"management-at-planning", "management-agency", "capacity"}, True),  # 150 creators
])
def test_management_advice_scales_with_the_plan(budget: int, want: set[str], agency_step: bool) -> None:
    rec = recommend(CampaignBrief(goal="testimonials", budget_idr=budget, audience="niche", industry="beauty",
                                  brand_stage="new", content="authentic"), lang="en")
    codes = {w.code for w in rec.warnings} & {"management-at-planning", "management", "management-agency",
                                              "capacity"}
    assert codes == want, [(ln.kind, ln.count) for ln in rec.plan]
    assert any("agency" in s and "database" in s for s in rec.next_steps) == agency_step


def test_reach_is_unique_accounts_from_reach_per_post_not_followers() -> None:
    # One micro-influencer: 10K–50K followers, 15–30 % reach per post (2024 summaries), 80 % of posts
    # published: 1,200–12,000 accounts, not 8,000–40,000 (followers × 0.8).
    rec = recommend(CampaignBrief(goal="launch", budget_idr=2_200_000, audience="broad", industry="fitness"),
                    lang="en")
    micro = next(ln for ln in rec.plan if ln.kind == "micro")
    assert micro.count == 1
    assert (micro.reach.low, micro.reach.high) == (1_200, 12_000)
    assert micro.reach_basis == "unique-accounts"
    assert "reach-basis" in {w.code for w in rec.warnings}


def test_an_exact_tie_goes_to_the_cheaper_strategy_and_says_why() -> None:
    # Sales to a niche, new brand, 12 weeks, LinkedIn: influencer and KOC both sum to 43 points. The stated
    # tie-break is the cheaper start: one nano-influencer (Rp 300.000) after the 15 % reserve needs
    # Rp 352.941; one KOC costs the product (Rp 275.000 planning value) plus shipping one parcel (Rp 30.000)
    # = Rp 305.000 and needs Rp 358.823 (358.823 − 53.823 reserve = 305.000) — never the order of a list.
    brief = CampaignBrief(goal="sales", budget_idr=50_000_000, audience="niche", industry="parenting",
                          platforms=["linkedin"], brand_stage="new", duration_weeks=12)
    rec = recommend(brief, lang="en")
    assert rec.raw_scores["koc"] == rec.raw_scores["influencer"] == 43
    assert (rec.strategy, rec.runner_up, rec.tie_break) == ("influencer", "koc", "cheaper")
    text = next(w.text for w in rec.warnings if w.code == "close-call")
    assert "Rp 352,941" in text and "Rp 358,823" in text and "tie" in text
    rid = recommend(brief, lang="id")
    assert "Rp 358.823" in next(w.text for w in rid.warnings if w.code == "close-call")


def test_rules_and_plan_agree_on_when_a_kol_is_affordable() -> None:
    # One KOL at the planning rate (Rp 30 jt, the middle of Rp 10–50 jt) after the 15 % reserve (rounded down)
    # needs a budget of Rp 35.294.117: 35.294.117 − 5.294.117 = 30.000.000. Below it the out-of-reach rule
    # fires and no KOL can be planned (the plan falls back to influencers); from it, neither.
    from guide.advice.planner import minimum_budget

    k = knowledge()
    need = 35_294_117
    for budget, small in ((need - 1, True), (need, False)):
        brief = CampaignBrief(goal="credibility", budget_idr=budget, audience="niche", industry="health",
                              content="expert")
        rec = recommend(brief, lang="en")
        assert ("a004-kol-out-of-reach" in {r.rule_id for r in rec.reasons}) == small
        assert (build_plan("kol", brief, k, k.figures) is None) == small
        assert minimum_budget("kol", brief, k, k.figures) == need
        assert rec.planned_strategy == ("influencer" if small else "kol")
