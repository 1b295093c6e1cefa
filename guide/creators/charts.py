"""The shortlist chart: every eligible creator's fee against its expected engagements (or reach), the picked
ones marked by shape and fill as well as colour, so it reads in black and white too. The log axes in the
language's compact form and the colour scale come from the one chart path (guide/output/charts.py)."""

from __future__ import annotations

import altair as alt
import numpy as np
import pandas as pd

from guide.creators.shortlist import Options, Shortlist, eligible_mask
from guide.output import palette
from guide.output.charts import category_scale, compact_log_axis
from guide.text.i18n import fmt_idr, fmt_int, t

MAX_POINTS = 1_500  # unpicked creators drawn at most (an even sample of them); every picked one is drawn
PICKED = palette.PICKED
OTHER = palette.NOT_PICKED


def chart_data(df: pd.DataFrame, s: Shortlist, lang: str, options: Options | None = None) -> pd.DataFrame:
    kinds = [ln.kind for ln in s.lines]
    mask = eligible_mask(df, kinds, options or Options()) if kinds else np.zeros(len(df), dtype=bool)
    picked_rows = {p.row for p in s.selected}
    sub = df.loc[mask, ["row", "name", "line_kind", "fee_idr", "expected_engagements", "expected_reach"]].copy()
    sub["picked"] = sub["row"].isin(picked_rows)
    rest = sub[~sub["picked"]]
    if len(rest) > MAX_POINTS:
        rest = rest.iloc[np.linspace(0, len(rest) - 1, MAX_POINTS).astype(int)]
    sub = pd.concat([sub[sub["picked"]], rest])
    value = "expected_reach" if s.objective == "reach" else "expected_engagements"
    return pd.DataFrame({
        "name": sub["name"].astype(str),
        "kind": [t(lang, f"kind.{k}") for k in sub["line_kind"]],
        "fee": sub["fee_idr"].clip(lower=1).astype(float),
        "value": sub[value].clip(lower=1).astype(float),
        "fee_label": [fmt_idr(x, lang) for x in sub["fee_idr"]],
        "status": [t(lang, "creators.chart.picked" if p else "creators.chart.not_picked") for p in sub["picked"]],
    })


def shortlist_chart(df: pd.DataFrame, s: Shortlist, lang: str, options: Options | None = None) -> alt.TopLevelMixin:
    data = chart_data(df, s, lang, options)
    y_title = t(lang, f"creators.chart.y_{s.objective}")
    picked, other = t(lang, "creators.chart.picked"), t(lang, "creators.chart.not_picked")
    status = {"picked": picked, "not_picked": other}
    chart = alt.Chart(data).mark_point(size=60, strokeWidth=1.5).encode(
        x=alt.X("fee:Q", title=t(lang, "creators.chart.x"), scale=alt.Scale(type="log"),
                axis=alt.Axis(**compact_log_axis(data["fee"], lang))),
        y=alt.Y("value:Q", title=y_title, scale=alt.Scale(type="log"),
                axis=alt.Axis(**compact_log_axis(data["value"], lang))),
        shape=alt.Shape("status:N", scale=alt.Scale(domain=[picked, other], range=["circle", "cross"]),
                        title=None, legend=alt.Legend(orient="bottom")),
        color=alt.Color("status:N", scale=alt.Scale(**category_scale(status, {"picked": PICKED, "not_picked": OTHER}, status)),
                        title=None, legend=alt.Legend(orient="bottom")),
        fill=alt.Fill("status:N", scale=alt.Scale(domain=[picked, other], range=[PICKED, "transparent"]),
                      legend=None),
        tooltip=[alt.Tooltip("name:N", title=t(lang, "creators.col.name")),
                 alt.Tooltip("kind:N", title=t(lang, "creators.col.kind")),
                 alt.Tooltip("fee_label:N", title=t(lang, "creators.col.fee_idr")),
                 alt.Tooltip("value:Q", title=y_title, format=",.0f")],
    ).properties(title=t(lang, "creators.chart.title"), height=300, width="container",
                 usermeta={"height_px": 430})
    out: alt.TopLevelMixin = chart
    return out


def chart_sentence(df: pd.DataFrame, s: Shortlist, lang: str, options: Options | None = None) -> str:
    """What the chart shows, in words (for screen readers and for anyone who cannot see colour)."""
    if not s.selected:
        return t(lang, "creators.chart.sentence_none")
    data = chart_data(df, s, lang, options)
    picked = data[data["status"] == t(lang, "creators.chart.picked")]
    rest = data[data["status"] != t(lang, "creators.chart.picked")]
    per_picked = float((picked["fee"] / picked["value"]).median())
    if rest.empty:
        return t(lang, f"creators.chart.sentence_{s.objective}_all", n=fmt_int(len(picked), lang), per=fmt_idr(per_picked, lang))
    per_rest = float((rest["fee"] / rest["value"]).median())
    return t(lang, f"creators.chart.sentence_{s.objective}", n=fmt_int(len(picked), lang), per=fmt_idr(per_picked, lang),
             others=fmt_int(int(s.eligible) - len(picked), lang), per_rest=fmt_idr(per_rest, lang))
