"""Edited assumptions: every bad cell is named and keeps the last good figures; good edits change the plan."""

from __future__ import annotations

import math

import pytest

from guide import CampaignBrief, knowledge, recommend
from guide.advice.assumptions import figures_from_rows, figures_rows

BASE = knowledge().figures


def rows_with(kind: str, **changes):
    rows = figures_rows(BASE)
    for r in rows:
        if r["kind"] == kind:
            r.update(changes)
    return rows


@pytest.mark.parametrize("value,code", [
    (-1, "not_positive"), (0, "not_positive"), (math.nan, "not_a_number"), (math.inf, "too_large"),
    ("lots", "not_a_number"), (None, "not_a_number"), ("", "not_a_number"), (10**15, "too_large"),
    (True, "not_a_number"),
])
def test_bad_rate_is_named_and_the_row_keeps_its_last_good_values(value, code):
    new, problems = figures_from_rows(rows_with("micro", rate_low=value), BASE)
    assert [(p.param("kind"), p.column, p.code) for p in problems] == [("micro", "rate_low", code)]
    assert new.kinds["micro"] == BASE.kinds["micro"]


def test_low_above_high_is_rejected():
    new, problems = figures_from_rows(rows_with("nano", er_low=9.0, er_high=2.0), BASE)
    assert [(p.param("kind"), p.code) for p in problems] == [("nano", "low_above_high")]
    assert new.kinds["nano"] == BASE.kinds["nano"]


def test_an_emptied_table_keeps_every_figure():
    new, problems = figures_from_rows([], BASE)
    assert len(problems) == 7 and {p.code for p in problems} == {"missing_row"}
    assert new == BASE


@pytest.mark.parametrize("factor", [0, -0.5, 1.5, math.nan, "x"])
def test_bad_completion_factor(factor):
    new, problems = figures_from_rows(figures_rows(BASE), BASE, factor)
    assert [p.code for p in problems] == ["factor_range"]
    assert new.completion_factor == BASE.completion_factor


def test_good_edit_changes_the_plan_and_leaves_the_shipped_figures_alone():
    brief = CampaignBrief(goal="testimonials", budget_idr=10_000_000, audience="niche", industry="beauty")
    before = recommend(brief)
    new, problems = figures_from_rows(rows_with("koc", rate_low="100000", rate_high=900_000), BASE, 0.5)
    assert problems == []
    after = recommend(brief, figures=new)
    assert after.plan[0].count < before.plan[0].count
    assert after.plan[0].reach.high < before.plan[0].reach.high
    assert knowledge().figures.kinds["koc"].rate_high == 500_000  # shared copy untouched


@pytest.mark.parametrize("reserve", [-0.1, 0.6, math.nan, "lots"])
def test_bad_reserve_share_is_named_and_kept(reserve):
    new, problems = figures_from_rows(figures_rows(BASE), BASE, reserve=reserve)
    assert [(p.column, p.code) for p in problems] == [("reserve_share", "factor_range")]
    assert new.reserve_share == BASE.reserve_share


def test_the_reserve_is_an_editable_figure_that_moves_the_plan():
    brief = CampaignBrief(goal="testimonials", budget_idr=10_000_000, audience="niche", industry="beauty")
    before = recommend(brief)
    assert before.reserve_idr == 1_500_000  # the shipped 15 %
    new, problems = figures_from_rows(figures_rows(BASE), BASE, reserve="0")
    assert problems == []
    after = recommend(brief, figures=new)
    assert after.reserve_idr == 0
    assert after.plan[0].count > before.plan[0].count


def test_reach_rates_are_editable_and_move_the_reach():
    brief = CampaignBrief(goal="testimonials", budget_idr=10_000_000, audience="niche", industry="beauty")
    new, problems = figures_from_rows(rows_with("koc", reach_low=10.0, reach_high=20.0), BASE)
    assert problems == []
    before, after = recommend(brief), recommend(brief, figures=new)
    assert after.plan[0].count == before.plan[0].count
    assert after.plan[0].reach.high < before.plan[0].reach.high
