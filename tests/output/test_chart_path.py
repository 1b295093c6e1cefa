"""The one chart path (guide/output/charts.py): what the reader sees on every chart's axes and colours, drawn by
Vega itself (vl-convert renders the spec to SVG; the labels are read from the picture, not from our code)."""

from __future__ import annotations

import re
from typing import Any

import pandas as pd
import pyarrow as pa
import pytest
import vl_convert as vlc

from guide.output.charts import (
    SCHEMA,
    axis_at,
    category_scale,
    compact_log_axis,
    config,
    finish,
    full_spec,
    nice_ticks,
    number_expr,
    round_step,
)
from guide.output.pdf_charts import nice_ticks as pdf_ticks


def labels(spec: dict[str, Any]) -> list[str]:
    """Every text Vega draws for this spec, in drawing order."""
    svg = vlc.vegalite_to_svg({"width": 400, **spec})
    return [re.sub("<[^>]+>", "", m) for m in re.findall(r"<text[^>]*>(.*?)</text>", svg)]


def points(xs: list[float], x_axis: dict[str, Any], log: bool = False) -> dict[str, Any]:
    scale = {"type": "log"} if log else {}
    return {"$schema": SCHEMA, "data": {"values": [{"x": x} for x in xs]}, "mark": "point",
            "encoding": {"x": {"field": "x", "type": "quantitative", "title": None, "scale": scale,
                               "axis": x_axis}}}


@pytest.mark.parametrize(("lang", "want"), [
    ("id", ["0", "500.000", "1.000.000", "1.500.000", "2.000.000"]),
    ("en", ["0", "500,000", "1,000,000", "1,500,000", "2,000,000"]),
])
def test_a_free_number_axis_groups_digits_the_readers_way(lang: str, want: list[str]) -> None:
    assert labels(points([0, 2_000_000], {"labelExpr": number_expr(lang), "tickCount": 5})) == want


@pytest.mark.parametrize(("lang", "want"), [
    ("id", ["100 rb", "1 jt", "10 jt"]),  # never "1M", which an Indonesian reads as miliar
    ("en", ["100K", "1M", "10M"]),
])
def test_a_log_axis_is_labelled_in_the_languages_compact_form(lang: str, want: list[str]) -> None:
    fees = pd.Series([250_000.0, 4_000_000.0])
    assert labels(points(list(fees), compact_log_axis(fees, lang), log=True)) == want


def test_an_axis_at_given_ticks_shows_exactly_their_labels() -> None:
    axis = axis_at([0, 20_000_000, 40_000_000], ["Rp 0", "Rp 20 jt", "Rp 40 jt"])
    assert labels(points([0, 40_000_000], axis)) == ["Rp 0", "Rp 20 jt", "Rp 40 jt"]


def test_each_key_keeps_its_palette_colour_under_its_label() -> None:
    scale = category_scale(["kol", "koc", "kol"], {"kol": "#D55E00", "koc": "#009E73"},
                           {"kol": "KOL (pakar)", "koc": "KOC (pelanggan)"})
    assert scale == {"domain": ["KOL (pakar)", "KOC (pelanggan)"], "range": ["#D55E00", "#009E73"]}
    assert category_scale(["keep"], {"keep": "circle"}) == {"domain": ["keep"], "range": ["circle"]}


def test_round_steps_are_1_2_2_5_or_5_times_a_power_of_ten_on_screen_and_in_print() -> None:
    assert [round_step(x) for x in (0.3, 1, 2.1, 3, 7, 12_000_000)] == [0.5, 1, 2.5, 5, 10, 20_000_000]
    assert nice_ticks(100_000_000, 3) == [0, 50_000_000, 100_000_000]
    assert nice_ticks(7, 5) == [0, 2, 4, 6, 8]
    assert pdf_ticks(0, 7, 5) == [0, 2, 4, 6, 8]  # the PDF's vector charts step the same way


@pytest.mark.parametrize(("size", "label_px", "title_px"), [("normal", 13, 15), ("projector", 20, 26)])
def test_a_finished_layout_carries_the_base_config_and_no_empty_placeholder(size: Any, label_px: int,
                                                                            title_px: int) -> None:
    layout = {"datasets": {"empty": [{}]}, "data": {"name": "empty"},
              "layer": [{"data": {"name": "empty"}, "mark": "bar"}], "title": "T"}
    spec = finish(layout, size)
    assert "datasets" not in spec and "data" not in spec and spec["layer"] == [{"mark": "bar"}]
    assert spec["autosize"] == {"type": "fit-x", "contains": "padding"}
    assert spec["config"] == config(size)
    assert (spec["config"]["axis"]["labelFontSize"], spec["config"]["title"]["fontSize"]) == (label_px, title_px)
    assert spec["config"]["axis"]["labelColor"] == "#0E1615"  # the theme's text colour, not Vega's grey
    drawn = full_spec(spec, pa.table({"n": [1, 2]}))
    assert drawn["data"] == {"values": [{"n": 1}, {"n": 2}]} and "data" not in spec
