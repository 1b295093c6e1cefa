"""The workshop board's bar charts as plain Vega-Lite specs (no Altair: the board redraws every few seconds).

Made for a projector at the back of a room: large labels, the count written at the end of every bar, and
the product's one palette (guide/output/palette.py: Okabe–Ito, KOL vermillion and influencer blue as on
every other chart), dark text on white.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from guide.output import palette as _palette
from guide.output.charts import SCHEMA

STRATEGY_COLORS = dict(_palette.STRATEGY)  # the same colour per strategy as every other chart
TEXT = _palette.TEXT
ROW_PX = 64
FONT = 24


def bars(rows: Sequence[tuple[str, int, str]], title: str = "") -> tuple[dict[str, Any], int]:
    """Horizontal bars, one per (label, count, colour), in the order given. Returns (spec, height in px)."""
    values = [{"label": label, "count": int(n), "color": color, "order": i} for i, (label, n, color) in enumerate(rows)]
    top = max((int(n) for _, n, _ in rows), default=0)
    height = max(1, len(rows)) * ROW_PX
    y = {"field": "label", "type": "nominal", "sort": {"field": "order"}, "title": None,
         "axis": {"labelFontSize": FONT, "labelColor": TEXT, "labelLimit": 420, "ticks": False, "domain": False,
                  "labelPadding": 12}}
    x = {"field": "count", "type": "quantitative", "title": None, "axis": None,
         "scale": {"domain": [0, max(1, top) * 1.18]}}
    spec: dict[str, Any] = {
        "$schema": SCHEMA,
        "data": {"values": values},
        "height": height,
        "width": "container",
        "config": {"view": {"stroke": None}, "background": _palette.BACKGROUND},
        "layer": [
            {"mark": {"type": "bar", "height": {"band": 0.78}, "cornerRadiusEnd": 4},
             "encoding": {"y": y, "x": x, "color": {"field": "color", "type": "nominal", "scale": None},
                          "tooltip": [{"field": "label"}, {"field": "count"}]}},
            {"mark": {"type": "text", "align": "left", "dx": 10, "fontSize": FONT + 4, "fontWeight": "bold",
                      "color": TEXT},
             "encoding": {"y": y, "x": x, "text": {"field": "count", "type": "quantitative"}}},
        ],
    }
    if title:
        spec["title"] = {"text": title, "fontSize": FONT, "color": TEXT, "anchor": "start"}
    return spec, height + (60 if title else 20)


def palette(i: int) -> str:
    return _palette.series(i)
