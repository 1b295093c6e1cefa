"""Chart builders are pure: each returns an Altair chart whose spec shows what the user should see."""

from __future__ import annotations

import json

import altair as alt
from altair.utils.data import to_values
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import briefs

from guide import CampaignBrief, knowledge, recommend
from guide.charts import (
    WIN,
    allocation_chart,
    chart_spec,
    compare_chart,
    element_height,
    scores_chart,
    tiers_chart,
    timeline_chart,
    whatif_chart,
    why_chart,
)
from guide.whatif import compare, scenario_briefs, whatif_map

REC = recommend(CampaignBrief(goal="launch", secondary_goal="testimonials", budget_idr=100_000_000,
                              audience="broad", industry="beauty"), "en")


def data(chart: alt.TopLevelMixin) -> list[dict]:
    spec = chart.to_dict()
    return next(iter(spec["datasets"].values()))


def test_scores_chart_highlights_the_winner():
    c = scores_chart(REC, "en")
    rows = data(c)
    assert {r["strategy"] for r in rows} == {"KOL", "Influencer", "KOC", "Combined"}
    assert [r["strategy"] for r in rows if r["winner"]] == ["Combined"]
    spec = c.to_dict()
    color = spec["layer"][0]["encoding"]["color"]
    assert color["condition"]["value"] == WIN
    assert spec["layer"][0]["encoding"]["x"]["scale"]["domain"] == [0, 100]


def test_why_chart_has_one_bar_per_rule_that_moved_the_winner():
    rows = data(why_chart(REC, "en"))
    moved = [r for r in REC.reasons if r.effects.get("combined")]
    assert {r["rule_id"] for r in rows} == {r.rule_id for r in moved}
    assert {r["rule"] for r in rows} == {r.label for r in moved}  # readable labels, not ids
    assert sum(r["points"] for r in rows) == REC.raw_scores["combined"]


def test_tiers_chart_uses_log_reach_and_shows_falling_engagement():
    c = tiers_chart(knowledge().figures, "id")
    spec = c.to_dict()
    assert spec["layer"][0]["encoding"]["x"]["scale"]["type"] == "log"
    rows = data(c)
    by_tier = {r["tier"]: r for r in rows}
    assert by_tier["Mega-influencer / selebriti"]["er"] < by_tier["Mikro-influencer"]["er"]
    assert by_tier["Mega-influencer / selebriti"]["cost"] > by_tier["Mikro-influencer"]["cost"]


def test_allocation_and_timeline_follow_the_plan():
    alloc = data(allocation_chart(REC, "en"))
    assert sum(r["cost"] for r in alloc) == REC.total_cost_idr
    tl = data(timeline_chart(REC, "en"))
    assert {(r["kind"], r["phase"]) for r in tl} == {("Micro-influencer", "Phase 1"), ("KOC (customer)", "Phase 2")}
    assert all(0 <= r["start"] < r["end"] <= 8 for r in tl)


def test_whatif_and_compare_charts():
    cells = whatif_map(REC.brief)
    niche = whatif_chart(cells, "en", REC.brief.budget_idr, REC.brief.goal, "niche")
    broad = whatif_chart(cells, "en", REC.brief.budget_idr, REC.brief.goal, "broad")
    assert len(data(niche)) + len(data(broad)) == len(cells)
    assert "Niche" in niche.to_dict()["title"]
    recs = compare(scenario_briefs(REC.brief, "awareness"), "en")
    cc = compare_chart(recs, {k: k for k in recs}, "en")
    assert len(data(cc)) == 16


def test_empty_plan_charts_still_render():
    r = recommend(CampaignBrief(goal="awareness", budget_idr=0, audience="broad", industry="fashion"), "id")
    assert r.plan == ()
    assert data(allocation_chart(r, "id"))[0]["cost"] == 0
    assert data(timeline_chart(r, "id"))


def test_element_heights_grow_with_content():
    assert element_height(why_chart(REC, "en")) >= 140
    assert element_height(whatif_chart(whatif_map(REC.brief), "en", 1, "sales", "niche")) > \
        element_height(scores_chart(REC, "en"))


@settings(deadline=None, max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(brief=briefs(), lang=st.sampled_from(["id", "en"]))
def test_page_specs_equal_the_builders_specs(brief, lang):
    """The page draws from a serialised layout plus this run's data; that must be the builder's chart."""
    rec = recommend(brief, lang=lang)
    k = knowledge()
    for name, builder, inputs in (("scores", scores_chart, (rec, lang)), ("why", why_chart, (rec, lang)),
                                  ("allocation", allocation_chart, (rec, lang)),
                                  ("timeline", timeline_chart, (rec, lang)), ("tiers", tiers_chart, (k.figures, lang))):
        built = builder(*inputs)
        want = built.to_dict(validate=False)
        spec, data, height = chart_spec(name, *inputs)
        assert height == element_height(built)
        (want_name, want_values), = want.pop("datasets").items()
        (name_, _), = spec.pop("datasets").items()
        assert json.loads(json.dumps(spec).replace(name_, "DATA")) == json.loads(json.dumps(want).replace(want_name, "DATA"))
        assert to_values(data)["values"] == want_values
