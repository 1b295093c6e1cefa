"""The what-if map agrees with the engine cell by cell, and the scenarios change what they say."""

from __future__ import annotations

from hypothesis import given, settings
from strategies import briefs

from guide import CampaignBrief, decide
from guide.advice.whatif import budget_grid, compare, scenario_briefs, whatif_map


def test_grid_is_log_spaced_around_the_budget():
    g = budget_grid(50_000_000)
    assert len(g) >= 60 and g == sorted(g) and g[0] <= 500_000 and g[-1] >= 5_000_000_000


@settings(max_examples=15, deadline=None)
@given(briefs())
def test_map_matches_the_engine_for_every_cell(brief):
    cells = whatif_map(brief)
    assert len(cells) >= 1000
    for c in cells[::7]:
        b = brief.model_copy(update={"goal": c.goal, "audience": c.audience, "budget_idr": c.budget_idr,
                                     "secondary_goal": brief.secondary_goal
                                     if brief.secondary_goal != c.goal else None})
        assert decide(b) == c.strategy


def test_budget_changes_the_answer_somewhere_on_the_map():
    cells = whatif_map(CampaignBrief(goal="credibility", budget_idr=20_000_000, audience="niche", industry="health"))
    strategies_by_goal = {}
    for c in cells:
        strategies_by_goal.setdefault((c.goal, c.audience), set()).add(c.strategy)
    assert len({s for v in strategies_by_goal.values() for s in v}) >= 3


def test_scenarios():
    b = CampaignBrief(goal="sales", budget_idr=60_000_000, audience="niche", industry="parenting")
    sc = scenario_briefs(b, "credibility")
    assert sc["double"].budget_idr == 120_000_000 and sc["half"].budget_idr == 30_000_000
    recs = compare(sc, "en")
    assert recs["double"].total_cost_idr > recs["current"].total_cost_idr > recs["half"].total_cost_idr
    assert recs["other_goal"].brief.goal == "credibility"
