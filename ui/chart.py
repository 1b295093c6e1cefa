"""Drawing the charts of guide.advice.charts on a page, through Streamlit's public API only.

`chart(name, *inputs)` draws one of the Recommendation page's charts with its sentence;
`draw(spec, data, description)`: the Vega-Lite spec (a plain dict, cached per language and shape by
guide.advice.charts), this run's data, and the sentence in words that goes under the chart (also the chart's
alternative text for screen readers).
"""

from __future__ import annotations

from typing import Any

import pyarrow as pa  # type: ignore[import-untyped]
import streamlit as st

from guide.advice.charts import Size, chart_spec, describe
from ui.state import projector


def chart_size() -> Size:
    """"projector" when the projector option is on, else "normal"."""
    return "projector" if projector() else "normal"


def draw(spec: dict[str, Any], data: pa.Table, description: str | None = None) -> None:
    """One chart, full width, at its own height, with its sentence under it as plain text."""
    st.vega_lite_chart(data, spec, width="stretch", height="content", theme=None,
                       alt=description)
    if description:
        st.text(description)


def chart(name: str, *inputs: Any) -> None:
    """A Recommendation-page chart by name ("scores", "why", "allocation", "timeline": inputs `rec, lang`;
    "tiers": `figures, lang`), in the chosen size, with its sentence."""
    spec, data = chart_spec(name, *inputs, size=chart_size())
    draw(spec, data, describe(name, *inputs))
