"""Drawing a chart from a pure builder in guide.charts (moved unchanged from pages/_common.py; the charts
helper replaces this path with one on Streamlit's public API)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st


@st.cache_data(max_entries=600, show_spinner=False)
def _chart_spec(name: str, key: str, _build: Callable[[], Any]) -> tuple[dict[str, Any], int]:
    """Serialise a chart once per distinct input: building and validating Altair specs is the slowest part
    of a rerun. Keyed by the chart's name and its inputs as JSON; each session gets its own copy."""
    from streamlit import dataframe_util

    from guide.charts import element_height

    c = _build()
    spec = c.to_dict(validate=False)
    # Streamlit ships each dataset as Arrow bytes and accepts bytes as they are: convert once, here.
    for name, values in spec.get("datasets", {}).items():
        spec["datasets"][name] = dataframe_util.convert_anything_to_arrow_bytes(values)
    return spec, element_height(c)


def chart(name: str, build: Callable[[], Any], *inputs: Any) -> None:
    """Draw a chart from a pure builder in guide.charts, full width, at the height the builder asked for.
    `inputs` are everything the builder reads (pydantic models or plain values). The Recommendation page's
    charts come from `guide.charts.chart_spec` (a serialised layout plus this run's data, never rebuilt);
    the others are built once per distinct input (the inputs form the cache key)."""
    from streamlit import dataframe_util

    from guide.charts import FAST_CHARTS, chart_spec

    if name in FAST_CHARTS:
        spec, data, height = chart_spec(name, *inputs)
        (dataset,) = spec["datasets"]
        spec["datasets"][dataset] = dataframe_util.convert_anything_to_arrow_bytes(data)
    else:
        key = "|".join(x.model_dump_json() if hasattr(x, "model_dump_json") else repr(x) for x in inputs)
        spec, height = _chart_spec(name, key, build)
    st.vega_lite_chart(spec, width="stretch", height=height)
