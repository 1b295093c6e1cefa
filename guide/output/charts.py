"""The one chart path: what every chart of the product shares, so each feature's builder only describes its data.

- colours: `category_scale` gives each key its colour from the one palette (guide/output/palette.py), or its
  shape, under the key's label in the reader's language;
- number axes in the reader's language: `axis_at` (ticks at given values, labelled with Babel-formatted text:
  '10 jt' in Indonesian, '10M' in English, never d3's SI '10M' an Indonesian reads as miliar), `compact_log_axis`
  (powers of ten in Babel's compact form) and `number_expr` (d3's grouping with Babel's separators for the
  locale: 1.500 in Indonesian, 1,500 in English);
- round ticks: `round_step`, `nice_ticks`, `log_ticks` (the PDF's vector charts use `round_step` too);
- the base Vega-Lite config (`config`: the theme's text colour, no small type, sizes for a laptop or phone and
  for a projector) and `title_lines` (titles wrapped for a 390 px phone);
- `finish`: a layout without Altair's empty-data placeholders, with the base config and the width following
  the page column; `full_spec` puts a frame's rows inline (vl-convert, tests).

Pure: no streamlit. Builders: guide/advice/charts.py (recommendation, compare, what-if), guide/creators/charts.py
(shortlist), guide/results/report.py (results), guide/workshop/board.py (projector board) and
guide/output/pdf_charts.py (the PDF's vector charts).
"""

from __future__ import annotations

import json
import math
import textwrap
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Literal, get_args

import pandas as pd
import pyarrow as pa  # type: ignore[import-untyped]
from babel.numbers import get_decimal_symbol, get_group_symbol

from guide.output import palette
from guide.text.i18n import fmt_compact

SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json"
Size = Literal["normal", "projector"]
SIZES: tuple[Size, ...] = get_args(Size)
FONT = '"Source Sans", "Source Sans Pro", sans-serif'
# Type and plot sizes: normal is for a laptop or phone, projector for a room reading from the back.
FONT_PX: dict[Size, dict[str, int]] = {
    "normal": {"label": 13, "title": 15, "value": 13, "band": 30, "plot": 240, "wrap": 34},
    "projector": {"label": 20, "title": 26, "value": 20, "band": 46, "plot": 380, "wrap": 40},
}


# ---------------------------------------------------------------- colours


def category_scale(keys: Iterable[str], values: Mapping[str, str],
                   labels: Mapping[str, str] | None = None) -> dict[str, Any]:
    """A Vega-Lite scale giving each key its value (a palette colour, or a shape); the domain is each key's
    label (what the chart's field holds) when `labels` is given, else the key. Use as `alt.Scale(**...)` or as
    a raw spec's `"scale"`."""
    keys = list(dict.fromkeys(keys))
    return {"domain": [labels[k] if labels is not None else k for k in keys], "range": [values[k] for k in keys]}


# ---------------------------------------------------------------- ticks and number axes


def round_step(raw: float) -> float:
    """The round step (1, 2, 2.5 or 5 × 10^k) at or just above `raw` > 0."""
    mag = 10 ** math.floor(math.log10(raw))
    step: float = next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw)
    return step


def nice_ticks(top: float, most: int = 4) -> list[float]:
    """0 and up to `most` - 1 round steps reaching `top` or just beyond."""
    if not math.isfinite(top) or top <= 0:
        return [0, 1]
    step = round_step(top / (most - 1))
    n = math.ceil(top / step - 1e-9)
    return [round(i * step, 10) for i in range(n + 1)]


def log_ticks(low: float, high: float) -> list[float]:
    """The powers of ten from `low` to `high`."""
    if low <= 0 or high <= low:
        return [max(low, 1)]
    return [10.0**e for e in range(math.ceil(math.log10(low) - 1e-9), math.floor(math.log10(high) + 1e-9) + 1)]


def axis_at(values: Sequence[float], labels: Sequence[str], **kw: Any) -> dict[str, Any]:
    """An axis whose ticks are exactly `values`, labelled with `labels` (formatted by Babel in the reader's
    language). Returns Vega-Lite axis properties: `alt.Axis(**axis_at(...))` or a raw spec's `"axis"`."""
    expr = f"{json.dumps(list(labels))}[indexof({json.dumps(list(values))}, datum.value)]"
    return {"values": list(values), "labelExpr": expr, "labelOverlap": "greedy", **kw}


def compact_log_axis(values: pd.Series, lang: str) -> dict[str, Any]:
    """A log axis over `values`, ticked at the powers of ten around them, labelled in the language's compact
    form ('100 rb', '1 jt', '10 jt' in Indonesian; '100K', '1M', '10M' in English)."""
    lo = math.floor(math.log10(max(float(values.min()), 1.0))) if len(values) else 0
    hi = math.ceil(math.log10(max(float(values.max()), 1.0))) if len(values) else 1
    ticks = [10**k for k in range(lo, max(hi, lo + 1) + 1)]
    return axis_at(ticks, [fmt_compact(v, lang) for v in ticks])


def number_expr(lang: str, fmt: str = ",.0f") -> str:
    """A Vega label expression formatting numbers the reader's way: d3's `fmt` with the locale's group and
    decimal symbols from Babel (1.500 in Indonesian, 1,500 in English)."""
    base = f"format(datum.value, '{fmt}')"
    group, decimal = get_group_symbol(lang), get_decimal_symbol(lang)
    if (group, decimal) == (",", "."):
        return base
    return (f"replace(replace(replace({base}, regexp(',', 'g'), '_'), regexp('\\\\.', 'g'), '{decimal}'), "
            f"regexp('_', 'g'), '{group}')")


# ---------------------------------------------------------------- the base config, titles, the finished spec


def config(size: Size = "normal") -> dict[str, Any]:
    """The Vega-Lite config every chart carries: the theme's text colour, no grey labels, no small type."""
    px = FONT_PX[size]
    axis = {"labelFontSize": px["label"], "titleFontSize": px["label"], "labelColor": palette.TEXT,
            "titleColor": palette.TEXT, "titleFontWeight": "normal", "domainColor": palette.AXIS_LINE,
            "tickColor": palette.AXIS_LINE, "gridColor": palette.GRID, "labelFont": FONT, "titleFont": FONT}
    return {
        "font": FONT, "background": palette.BACKGROUND,
        "axis": axis,
        "legend": {"labelFontSize": px["label"], "titleFontSize": px["label"], "labelColor": palette.TEXT,
                   "titleColor": palette.TEXT, "labelFont": FONT, "titleFont": FONT, "symbolStrokeWidth": 2,
                   "labelLimit": 260},
        "title": {"fontSize": px["title"], "color": palette.TEXT, "anchor": "start", "fontWeight": 600,
                  "font": FONT, "subtitleColor": palette.TEXT},
        "text": {"fontSize": px["value"], "color": palette.TEXT, "font": FONT},
        "view": {"stroke": None},
    }


def title_lines(text: str, size: Size) -> list[str]:
    """A title in lines short enough not to be cut on a 390 px phone (Vega-Lite does not wrap titles)."""
    return textwrap.wrap(text, FONT_PX[size]["wrap"]) or [text]


def _without_data(node: Any) -> Any:
    """The layout without Altair's placeholder for "no data yet" (each layer's `{"name": "empty"}`), so every
    layer reads the data the page passes with the spec."""
    if isinstance(node, dict):
        return {k: _without_data(v) for k, v in node.items()
                if not (k == "data" and v == {"name": "empty"}) and not (k == "datasets" and set(v) <= {"empty"})}
    if isinstance(node, list):
        return [_without_data(v) for v in node]
    return node


def finish(layout: dict[str, Any], size: Size) -> dict[str, Any]:
    """A data-free layout made ready to draw: the base config for `size`, and the width following the page
    column (the height is the plot's plus its title, axes and legend)."""
    spec: dict[str, Any] = _without_data(layout)
    spec["config"] = config(size)
    spec["autosize"] = {"type": "fit-x", "contains": "padding"}
    return spec


def full_spec(spec: Mapping[str, Any], data: pa.Table) -> dict[str, Any]:
    """The spec with its data (an Arrow table) inline (`data.values`), for vl-convert (PDF pictures) and tests."""
    out = dict(spec)
    out["data"] = {"values": data.to_pylist()}
    return out
