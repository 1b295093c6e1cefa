"""A share link carries an edited reserve share and reach rate, and refuses a bad one with a message."""

from __future__ import annotations

from guide import knowledge
from guide.advice.assumptions import figures_from_rows, figures_rows
from guide.advice.brief_io import figures_from_param, figures_to_param, problem_message, share_carries_figures


def test_an_edited_reserve_and_reach_rate_travel_in_the_link() -> None:
    shipped = knowledge().figures
    rows = figures_rows(shipped)
    next(r for r in rows if r["kind"] == "nano")["reach_high"] = 35.0
    edited, problems = figures_from_rows(rows, shipped, reserve=0.1)
    assert problems == []
    assert figures_to_param(edited) == "nano.reach_high.35~rs.0.1"
    assert share_carries_figures(edited)
    back, problems = figures_from_param("nano.reach_high.35~rs.0.1")
    assert problems == [] and back is not None
    assert back.reserve_share.value == 0.1 and back.kinds["nano"].reach_high == 35.0


def test_a_reserve_out_of_range_in_a_link_keeps_the_shipped_one_and_says_so() -> None:
    back, problems = figures_from_param("rs.0.9")
    assert back is None
    assert [problem_message(p, "id") for p in problems] == [
        "Angka asumsi di tautan (Cadangan anggaran (%)) tidak bisa dipakai; angka bawaan dipakai."]
    assert [problem_message(p, "en") for p in problems] == [
        "An assumption figure in the link (Budget reserve (%)) could not be used; the shipped figure is used."]
