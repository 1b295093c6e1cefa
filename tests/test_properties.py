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
from guide.knowledge import knowledge
from guide.models import MAX_BUDGET_IDR, STRATEGIES

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

    # Money: never more than the budget, and the total is the sum of the lines.
    total = sum(ln.cost_idr for ln in rec.plan)
    assert total == rec.total_cost_idr
    assert total <= brief.budget_idr
    for ln in rec.plan:
        assert ln.count >= 1
        assert ln.unit_cost_idr >= 1
        assert ln.cost_idr == ln.count * ln.unit_cost_idr
        assert 0 <= ln.cost_band.low <= ln.cost_idr <= ln.cost_band.high
        assert 0 <= ln.reach.low <= ln.reach.high
        assert 0 <= ln.engagements.low <= ln.engagements.high
        assert ln.engagements.high <= ln.reach.high
        assert 1 <= ln.start_week <= ln.end_week <= brief.duration_weeks
        assert ln.basis, "every line names the basis of its figures"
    assert len({ln.kind for ln in rec.plan}) == len(rec.plan), "one line per kind"
    if rec.plan:
        # No idle money that could still buy one more creator of a kind already in the plan.
        assert brief.budget_idr - total < min(ln.unit_cost_idr for ln in rec.plan)

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
    for w in rec.warnings:
        assert w.text.strip()
        assert w.source is None or w.source.id in known
    assert rec.summary.strip()
    assert rec.next_steps and all(s.strip() for s in rec.next_steps)


@MANY
@given(briefs())
def test_recommendation_is_well_formed(brief: CampaignBrief) -> None:
    _assert_well_formed(brief, recommend(brief, lang="id"))


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
    assert [r.rule_id for r in rid.reasons] == [r.rule_id for r in ren.reasons]
    assert [w.code for w in rid.warnings] == [w.code for w in ren.warnings]
    assert len(rid.next_steps) == len(ren.next_steps)


@SOME
@given(briefs(), st.integers(min_value=0, max_value=MAX_BUDGET_IDR))
def test_more_budget_never_makes_experts_or_influencers_less_fit(brief: CampaignBrief, extra: int) -> None:
    # The budget rules only say "too small for a KOL" (KOC up, KOL down) and "big enough for a celebrity"
    # (influencer up), so more budget may lift KOL and influencer scores and lower KOC, never the reverse.
    richer = CampaignBrief.model_validate(
        {**brief.model_dump(), "budget_idr": min(brief.budget_idr + extra, MAX_BUDGET_IDR)})
    a, b = recommend(brief, lang="en"), recommend(richer, lang="en")
    assert b.scores["kol"] >= a.scores["kol"]
    assert b.scores["influencer"] >= a.scores["influencer"]
    assert b.scores["koc"] <= a.scores["koc"]
    assert b.scores["combined"] == a.scores["combined"]


@SOME
@given(briefs())
def test_an_unfunded_plan_is_only_for_budgets_below_every_strategy(brief: CampaignBrief) -> None:
    rec = recommend(brief, lang="en")
    if rec.planned_strategy is None:
        # Nothing could be funded: the budget is below the cheapest single creator the guide would plan.
        fig = knowledge().figures
        cheapest = min(fig.unit_band(kind, brief)[1] for kind in ("koc", "nano", "micro"))
        assert brief.budget_idr < cheapest
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
