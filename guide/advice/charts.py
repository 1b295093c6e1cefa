"""Charts: pure functions from guide results to Vega-Lite specs (plain dicts), each with a sentence in words.

One palette for the whole product (Okabe–Ito, safe under the common colour-vision deficiencies), with a fixed
meaning: vermillion is always KOL, blue is always influencer (its tiers are shades of that blue, lighter =
smaller), bluish green is always KOC, reddish purple is always the combination. Every colour is at least 3:1
against white (WCAG non-text contrast; tests/output/test_contrast.py computes it), so no colour is faded: the
recommended bar is solid and the others are outlined in their colour, a difference that needs no colour
vision. All text is the theme's text colour (≥ 4.5:1), at least 13 px (20 px in the projector size). Every
value a user needs is written on the chart (numbers on bars, labelled axes in the language's number format)
and in the chart's sentence (`describe_*`); tooltips only repeat it.

A page draws a chart as `spec, data = chart_spec(name, *inputs, size=...)` and hands both to
`st.vega_lite_chart(data, spec)`. The spec holds no data: it is built once per chart, language, size and
shape (rows, axis ticks) and kept as JSON (building Altair objects is most of a page run's server time),
and the data is this run's Arrow table (Streamlit sends charts' data as Arrow, so a table built from the rows
skips a pandas round trip). `full_spec` puts the data inline, for vl-convert (PDF) and tests.
What every chart shares (palette scales, number axes, ticks, base config, titles) is guide/output/charts.py;
this module only describes the recommendation's, the comparison's and the what-if map's data.
"""

from __future__ import annotations

import itertools
import json
import math
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

import altair as alt
import pyarrow as pa  # type: ignore[import-untyped]
from babel.lists import format_list

from guide.advice.knowledge import Figures
from guide.advice.models import KINDS, STRATEGIES, TIERS, Recommendation
from guide.advice.whatif import Cell
from guide.output import palette
from guide.output.charts import FONT_PX as _FONT_PX
from guide.output.charts import Size as Size  # re-exported: the pages' chart size
from guide.output.charts import axis_at as _axis_props
from guide.output.charts import category_scale, finish, full_spec, log_ticks, nice_ticks
from guide.output.charts import title_lines as _title
from guide.text.i18n import fmt_compact, fmt_decimal, fmt_idr_short, fmt_int, fmt_pct, t

# The product's one palette (guide/output/palette.py); re-exported under the names the charts use.
OKABE_ITO = palette.OKABE_ITO
PALETTE_STRATEGY: Mapping[str, str] = palette.STRATEGY
PALETTE_KIND: Mapping[str, str] = palette.KIND
TEXT = palette.TEXT  # the theme's textColor (.streamlit/config.toml); tested for 4.5:1 on white
BACKGROUND = palette.BACKGROUND
AXIS_LINE = palette.AXIS_LINE
GRID = palette.GRID
HERE = palette.HERE


def scale_for(values: Iterable[str], lang: str | None = None) -> dict[str, Any]:
    """The Vega-Lite colour scale for these strategies or kinds (keys such as "kol", "micro", "combined"),
    always with the product's fixed colours. With `lang`, the domain is their names in that language (what
    the chart's field holds); without, the keys themselves. Use as `alt.Scale(**scale_for(...))` or as
    `"scale"` in a raw spec."""
    colours: dict[str, str] = {}
    labels: dict[str, str] = {}
    for k in values:
        if k in PALETTE_STRATEGY and k not in ("kol", "koc"):
            colours[k], label_key = PALETTE_STRATEGY[k], f"strategy.{k}.name"
        elif k in PALETTE_KIND:
            colours[k], label_key = PALETTE_KIND[k], f"kind.{k}"
        else:
            raise KeyError(f"no colour for {k!r}: expected a strategy {STRATEGIES} or a kind {KINDS}")
        labels[k] = t(lang, label_key) if lang else k
    return category_scale(colours, colours, labels)


def _strategy_scale(lang: str) -> alt.Scale:
    return alt.Scale(**category_scale(STRATEGIES, PALETTE_STRATEGY, {s: t(lang, f"strategy.{s}.name") for s in STRATEGIES}))


def _kind_scale(lang: str) -> alt.Scale:
    return alt.Scale(**category_scale(KINDS, PALETTE_KIND, {k: t(lang, f"kind.{k}") for k in KINDS}))


def _axis(values: Sequence[float], labels: Sequence[str], **kw: Any) -> alt.Axis:
    return alt.Axis(**_axis_props(values, labels, **kw))


def _text_layer(base: alt.Chart, **mark: Any) -> alt.Chart:
    return base.mark_text(color=TEXT, **mark)


# ---------------------------------------------------------------- the Recommendation page's charts
# Each is (data from the inputs, the layout arguments) + a layout that reads only those arguments, never the
# data's values (every field has an explicit type), so a layout is built once per language, size and shape.


def _scores_parts(rec: Recommendation, lang: str) -> tuple[pa.Table, tuple[Any, ...]]:
    df = pa.Table.from_pylist([
        {"strategy": t(lang, f"strategy.{s}.name"), "score": round(rec.scores[s], 1),
         "winner": s == rec.strategy, "order": i,
         "label": fmt_decimal(rec.scores[s], lang, 0) + (" ✓" if s == rec.strategy else "")}
        for i, s in enumerate(STRATEGIES)
    ])
    return df, (lang,)


def _scores_layout(lang: str, size: Size) -> dict[str, Any]:
    px = _FONT_PX[size]
    h = px["band"] * 4
    ticks = [0, 25, 50, 75, 100]
    base = alt.Chart().encode(
        x=alt.X("score:Q", title=t(lang, "charts.score"), scale=alt.Scale(domain=[0, 118], nice=False),
                axis=_axis(ticks, [fmt_int(v, lang) for v in ticks])),
        y=alt.Y("strategy:N", title=None, sort=alt.SortField("order")),
    )
    bars = base.mark_bar(strokeWidth=2, size=px["band"] * 0.6).encode(
        stroke=alt.Stroke("strategy:N", scale=_strategy_scale(lang), legend=None),
        fill=alt.condition(alt.datum.winner, alt.Fill("strategy:N", scale=_strategy_scale(lang), legend=None),
                           alt.value(BACKGROUND)),
        tooltip=[alt.Tooltip("strategy:N", title=t(lang, "chart.strategy")),
                 alt.Tooltip("label:N", title=t(lang, "charts.score"))],
    )
    labels = _text_layer(base, align="left", dx=5).encode(text="label:N")
    chart = alt.layer(bars, labels).properties(title=_title(t(lang, "charts.title.scores"), size), height=h,
                                               width="container")
    return chart.to_dict(validate=False)


def describe_scores(rec: Recommendation, lang: str) -> str:
    """'Gabungan mendapat skor tertinggi, 88 dari 100; lalu Influencer 75, KOC 62, dan KOL 50.'"""
    order = sorted(STRATEGIES, key=lambda s: (s != rec.strategy, -rec.scores[s]))
    others = [t(lang, "charts.desc.score_item", strategy=t(lang, f"strategy.{s}.name"),
                score=fmt_decimal(rec.scores[s], lang, 0)) for s in order[1:]]
    return t(lang, "charts.desc.scores", winner=t(lang, f"strategy.{rec.strategy}.name"),
             score=fmt_decimal(rec.scores[rec.strategy], lang, 0), others=format_list(others, locale=lang))


def _why_rows(rec: Recommendation) -> list[tuple[str, str, float]]:
    """Each reason's points exactly as the reason text states them (Reason.points: relative to the planned
    strategy, its effect there minus its largest effect on any other), one number for text and chart."""
    return [(r.label, r.rule_id, r.points) for r in rec.reasons if r.direction != "neutral" and r.points]


def _why_parts(rec: Recommendation, lang: str) -> tuple[pa.Table, tuple[Any, ...]]:
    ranked = sorted(_why_rows(rec), key=lambda r: -r[2])  # biggest push first, biggest pull last
    rows = [{"rule": label, "rule_id": rid, "points": e, "label": ("+" if e > 0 else "") + fmt_decimal(e, lang, 1),
             "positive": e > 0, "strategy": t(lang, f"strategy.{rec.strategy}.name"), "order": i}
            for i, (label, rid, e) in enumerate(ranked)]
    if not rows:
        rows = [{"rule": t(lang, "charts.no_rules"), "rule_id": "", "points": 0.0, "label": "0",
                 "positive": True, "strategy": t(lang, f"strategy.{rec.strategy}.name"), "order": 0}]
    points = [e for _, _, e in _why_rows(rec)]
    lo, hi = min([0.0, *points]), max([0.0, *points])
    order = tuple(str(r["rule"]) for r in rows)  # an explicit order: layers with filters cannot sort by a field
    return pa.Table.from_pylist(rows), (lang, rec.strategy, order, _span_ticks(lo, hi))


def _span_ticks(lo: float, hi: float) -> tuple[float, ...]:
    """Round ticks covering lo..hi (lo ≤ 0 ≤ hi), at most about five."""
    span = max(hi - lo, 1.0)
    step = nice_ticks(span, 4)[1]
    first = math.floor(lo / step) * step
    last = math.ceil(hi / step) * step
    return tuple(round(first + i * step, 10) for i in range(round((last - first) / step) + 1))


def _why_layout(lang: str, strategy: str, order: tuple[str, ...], ticks: tuple[float, ...],
                size: Size) -> dict[str, Any]:
    px = _FONT_PX[size]
    h = max(px["band"] * 3, px["band"] * len(order))
    span = ticks[-1] - ticks[0]
    base = alt.Chart().encode(
        x=alt.X("points:Q", title=t(lang, "charts.points"),
                scale=alt.Scale(domain=[ticks[0] - (0.25 * span if ticks[0] < 0 else 0), ticks[-1] + 0.3 * span],
                                nice=False),
                axis=_axis(ticks, [("+" if v > 0 else "") + fmt_decimal(v, lang, 0) for v in ticks])),
        y=alt.Y("rule:N", title=None, sort=list(order), axis=alt.Axis(labelLimit=170 if size == "normal" else 320)),
    )
    scale = _strategy_scale(lang)
    bars = base.mark_bar(strokeWidth=2, size=px["band"] * 0.6).encode(
        stroke=alt.Stroke("strategy:N", scale=scale, legend=None),
        fill=alt.condition(alt.datum.positive, alt.Fill("strategy:N", scale=scale, legend=None),
                           alt.value(BACKGROUND)),
        tooltip=[alt.Tooltip("rule:N", title=t(lang, "chart.why")), alt.Tooltip("label:N", title=t(lang, "charts.points"))],
    )
    plus = _text_layer(base, align="left", dx=5).encode(text="label:N").transform_filter(alt.datum.positive)
    minus = _text_layer(base, align="right", dx=-5).encode(text="label:N").transform_filter(~alt.datum.positive)
    title = _title(t(lang, "charts.title.why", strategy=t(lang, f"strategy.{strategy}.name")), size)
    chart = alt.layer(bars, plus, minus).properties(title=title, height=h, width="container")
    return chart.to_dict(validate=False)


def describe_why(rec: Recommendation, lang: str) -> str:
    rows = _why_rows(rec)
    name = t(lang, f"strategy.{rec.strategy}.name")
    if not rows:
        return t(lang, "charts.desc.why_none", strategy=name)
    top = max(rows, key=lambda r: abs(r[2]))
    return t(lang, "charts.desc.why", strategy=name, plus=fmt_int(sum(r[2] > 0 for r in rows), lang),
             minus=fmt_int(sum(r[2] < 0 for r in rows), lang), top=top[0],
             top_points=("+" if top[2] > 0 else "") + fmt_decimal(top[2], lang, 1))


def _tiers_parts(figures: Figures, lang: str) -> tuple[pa.Table, tuple[Any, ...]]:
    rows = []
    ers = [(figures.kinds[k].er_low + figures.kinds[k].er_high) / 2 for k in TIERS]
    for i, kind in enumerate(TIERS):
        k = figures.kinds[kind]
        followers = (k.followers_low * k.followers_high) ** 0.5
        er = (k.er_low + k.er_high) / 2
        rows.append({
            "tier": t(lang, f"kind.{kind}"), "followers": followers, "er": er, "cost": k.rate_mid,
            "label": f"{t(lang, f'charts.kind_short.{kind}')}\n{fmt_idr_short(k.rate_mid, lang)}",
            "cost_label": fmt_idr_short(k.rate_mid, lang), "er_label": fmt_pct(er, lang),
            # The label goes above a point that is higher than its neighbour on the right (the last: its left),
            # below otherwise, so neighbouring labels do not overlap.
            "above": ers[i] > ers[i + 1] if i + 1 < len(ers) else ers[i] > ers[i - 1],
        })
    followers = [float(r["followers"]) for r in rows]
    x_domain = (min(followers) / 4, max(followers) * 4)
    y_ticks = tuple(nice_ticks(max(float(r["er"]) for r in rows) * 1.25, 4))
    return pa.Table.from_pylist(rows), (lang, x_domain, y_ticks)


def _tiers_layout(lang: str, x_domain: tuple[float, float], y_ticks: tuple[float, ...], size: Size) -> dict[str, Any]:
    px = _FONT_PX[size]
    h = px["plot"]
    x_ticks = log_ticks(*x_domain)
    digits = 0 if all(float(v).is_integer() for v in y_ticks) else 1
    base = alt.Chart().encode(
        x=alt.X("followers:Q", title=t(lang, "charts.followers"),
                scale=alt.Scale(type="log", domain=list(x_domain), nice=False),
                axis=_axis(x_ticks, [fmt_compact(v, lang) for v in x_ticks])),
        y=alt.Y("er:Q", title=t(lang, "charts.er"),
                scale=alt.Scale(domain=[-0.6 * y_ticks[1], y_ticks[-1]], nice=False),  # room for labels below
                axis=_axis(y_ticks, [fmt_pct(v, lang, digits) for v in y_ticks])),
    )
    scale = _kind_scale(lang)
    points = base.mark_circle(opacity=1, stroke=BACKGROUND, strokeWidth=1).encode(
        color=alt.Color("tier:N", scale=scale, legend=None),
        size=alt.Size("cost:Q", scale=alt.Scale(type="log", range=[80, 700 if size == "normal" else 1600]),
                      legend=None),
        tooltip=[alt.Tooltip("tier:N", title=t(lang, "chart.tier")),
                 alt.Tooltip("er_label:N", title=t(lang, "charts.er")),
                 alt.Tooltip("cost_label:N", title=t(lang, "charts.cost"))],
    )
    above = _text_layer(base, dy=-px["value"] * 2.3, lineBreak="\n").encode(text="label:N") \
        .transform_filter(alt.datum.above)
    below = _text_layer(base, dy=px["value"] * 2.3, lineBreak="\n").encode(text="label:N") \
        .transform_filter(~alt.datum.above)
    title = _title(t(lang, "charts.title.tiers"), size)
    chart = alt.layer(points, above, below).properties(title=title, height=h, width="container")
    return chart.to_dict(validate=False)


def describe_tiers(figures: Figures, lang: str) -> str:
    first, last = figures.kinds[TIERS[0]], figures.kinds[TIERS[-1]]
    return t(lang, "charts.desc.tiers", first=t(lang, f"kind.{TIERS[0]}"), last=t(lang, f"kind.{TIERS[-1]}"),
             first_cost=fmt_idr_short(first.rate_mid, lang), last_cost=fmt_idr_short(last.rate_mid, lang),
             first_er=fmt_pct((first.er_low + first.er_high) / 2, lang),
             last_er=fmt_pct((last.er_low + last.er_high) / 2, lang))


def _allocation_parts(rec: Recommendation, lang: str) -> tuple[pa.Table, tuple[Any, ...]]:
    ranked = sorted(rec.plan, key=lambda ln: -ln.cost_idr)
    rows = [{"kind": t(lang, f"kind.{ln.kind}"), "cost": ln.cost_idr, "label": fmt_idr_short(ln.cost_idr, lang),
             "phase": ln.phase, "order": i} for i, ln in enumerate(ranked)]
    if not rows:
        rows = [{"kind": t(lang, "charts.empty_plan"), "cost": 0, "label": "", "phase": 1, "order": 0}]
    top = float(ranked[0].cost_idr) if ranked else 0.0
    return pa.Table.from_pylist(rows), (lang, len(rows), tuple(nice_ticks(top, 3)))


def _allocation_layout(lang: str, rows: int, ticks: tuple[float, ...], size: Size) -> dict[str, Any]:
    px = _FONT_PX[size]
    h = max(px["band"] * 2, px["band"] * rows)
    base = alt.Chart().encode(
        x=alt.X("cost:Q", title=t(lang, "charts.cost"), scale=alt.Scale(domain=[0, ticks[-1] * 1.35], nice=False),
                axis=_axis(ticks, [fmt_idr_short(v, lang) for v in ticks])),
        y=alt.Y("kind:N", title=None, sort=alt.SortField("order"), axis=alt.Axis(labelLimit=170 if size == "normal" else 320)),
    )
    bars = base.mark_bar(size=px["band"] * 0.6).encode(
        color=alt.Color("kind:N", scale=_kind_scale(lang), legend=None),
        tooltip=[alt.Tooltip("kind:N", title=t(lang, "chart.kind")), alt.Tooltip("label:N", title=t(lang, "charts.cost"))],
    )
    labels = _text_layer(base, align="left", dx=5).encode(text="label:N")
    title = _title(t(lang, "charts.title.allocation"), size)
    chart = alt.layer(bars, labels).properties(title=title, height=h, width="container")
    return chart.to_dict(validate=False)


def describe_allocation(rec: Recommendation, lang: str) -> str:
    """'Dari Rp 99,8 jt yang direncanakan, bagian terbesar untuk KOC (pelanggan) Rp 50,3 jt (50,4%) dan …'"""
    if not rec.plan:
        return t(lang, "charts.desc.allocation_empty")
    total = sum(ln.cost_idr for ln in rec.plan) or 1
    parts = [t(lang, "charts.desc.allocation_item", kind=t(lang, f"kind.{ln.kind}"),
               cost=fmt_idr_short(ln.cost_idr, lang), share=fmt_pct(100 * ln.cost_idr / total, lang, 0))
             for ln in sorted(rec.plan, key=lambda ln: -ln.cost_idr)]
    return t(lang, "charts.desc.allocation", total=fmt_idr_short(rec.total_cost_idr, lang),
             parts=format_list(parts, locale=lang))


def _timeline_parts(rec: Recommendation, lang: str) -> tuple[pa.Table, tuple[Any, ...]]:
    rows = [{"kind": t(lang, f"kind.{ln.kind}"), "start": ln.start_week - 1, "end": ln.end_week,
             "label": t(lang, "charts.phase_weeks", phase=ln.phase, start=ln.start_week, end=ln.end_week),
             "count": ln.count, "order": i, "late": ln.start_week - 1 >= 0.4 * rec.brief.duration_weeks}
            for i, ln in enumerate(rec.plan)]
    if not rows:
        rows = [{"kind": t(lang, "charts.empty_plan"), "start": 0, "end": 0, "label": "", "count": 0, "order": 0,
                 "late": False}]
    weeks = rec.brief.duration_weeks
    return pa.Table.from_pylist(rows), (lang, weeks, len(rows), tuple(nice_ticks(weeks, 5)))


def _timeline_layout(lang: str, weeks: int, rows: int, ticks: tuple[float, ...], size: Size) -> dict[str, Any]:
    px = _FONT_PX[size]
    band = px["band"] * 1.6  # room for the phase text above each bar
    h = int(max(band * 2, band * rows))
    base = alt.Chart().encode(
        x=alt.X("start:Q", title=t(lang, "charts.week"), scale=alt.Scale(domain=[0, max(weeks, ticks[-1])], nice=False),
                axis=_axis(ticks, [fmt_int(v, lang) for v in ticks])),
        y=alt.Y("kind:N", title=None, sort=alt.SortField("order"),
                axis=alt.Axis(labelLimit=170 if size == "normal" else 320)),
    )
    bars = base.mark_bar(size=px["band"] * 0.5, yOffset=px["value"] * 0.5).encode(
        x2="end:Q",
        color=alt.Color("kind:N", scale=_kind_scale(lang), legend=None),
        tooltip=[alt.Tooltip("kind:N", title=t(lang, "chart.kind")), alt.Tooltip("label:N", title=t(lang, "plan.phase")),
                 alt.Tooltip("count:Q", title=t(lang, "plan.count"))],
    )
    # The phase and weeks above each bar: from its start, or ending at its end when it starts late.
    early = _text_layer(base, align="left", baseline="bottom", dy=-px["band"] * 0.2).encode(text="label:N") \
        .transform_filter(~alt.datum.late)
    late = _text_layer(base, align="right", baseline="bottom", dy=-px["band"] * 0.2).encode(
        x=alt.X("end:Q"), text="label:N").transform_filter(alt.datum.late)
    title = _title(t(lang, "charts.title.timeline"), size)
    chart = alt.layer(bars, early, late).properties(title=title, height=h, width="container")
    return chart.to_dict(validate=False)


def describe_timeline(rec: Recommendation, lang: str) -> str:
    if not rec.plan:
        return t(lang, "charts.desc.timeline_empty")
    parts = [t(lang, "charts.desc.timeline_item", phase=ln.phase, start=ln.start_week, end=ln.end_week,
               kind=t(lang, f"kind.{ln.kind}")) for ln in rec.plan]
    return t(lang, "charts.desc.timeline", weeks=fmt_int(rec.brief.duration_weeks, lang),
             parts=format_list(parts, locale=lang))


# name -> (its data and layout arguments from the inputs, the layout from those arguments and a size)
_PARTS: dict[str, tuple[Callable[..., tuple[pa.Table, tuple[Any, ...]]], Callable[..., dict[str, Any]]]] = {
    "scores": (_scores_parts, _scores_layout),
    "why": (_why_parts, _why_layout),
    "tiers": (_tiers_parts, _tiers_layout),
    "allocation": (_allocation_parts, _allocation_layout),
    "timeline": (_timeline_parts, _timeline_layout),
}
CHARTS = tuple(_PARTS)
_DESCRIBE: dict[str, Callable[..., str]] = {}  # filled below, once the describers are defined
_LAYOUTS: dict[tuple[Any, ...], str] = {}
_LAYOUTS_LOCK = threading.Lock()


def clear_chart_templates() -> None:
    """Forget every cached layout (the benchmark's worst case: the first view of each layout)."""
    with _LAYOUTS_LOCK:
        _LAYOUTS.clear()


def _cached(key: tuple[Any, ...], build: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    text = _LAYOUTS.get(key)
    if text is None:
        text = json.dumps(finish(build(), key[1]))
        with _LAYOUTS_LOCK:
            if len(_LAYOUTS) > 2_000:
                _LAYOUTS.clear()
            _LAYOUTS[key] = text
    fresh: dict[str, Any] = json.loads(text)
    return fresh


def chart_spec(name: str, *inputs: Any, size: Size = "normal") -> tuple[dict[str, Any], pa.Table]:
    """Chart `name` (one of CHARTS) for `inputs` (`rec, lang`, or `figures, lang` for "tiers"): its Vega-Lite
    spec without data, and the Arrow table to draw it with (`st.vega_lite_chart(data, spec)`). The spec is built
    once per chart, size, language and shape and kept as JSON; each call gets its own dict."""
    parts, layout = _PARTS[name]
    df, args = parts(*inputs)
    spec = _cached((name, size, *args), lambda: layout(*args, size))
    return spec, df


def scores_chart(rec: Recommendation, lang: str, size: Size = "normal") -> dict[str, Any]:
    return full_spec(*chart_spec("scores", rec, lang, size=size))


def why_chart(rec: Recommendation, lang: str, size: Size = "normal") -> dict[str, Any]:
    return full_spec(*chart_spec("why", rec, lang, size=size))


def tiers_chart(figures: Figures, lang: str, size: Size = "normal") -> dict[str, Any]:
    """Article 002's trade-off: bigger audiences cost more and engage less (followers on a log scale)."""
    return full_spec(*chart_spec("tiers", figures, lang, size=size))


def allocation_chart(rec: Recommendation, lang: str, size: Size = "normal") -> dict[str, Any]:
    return full_spec(*chart_spec("allocation", rec, lang, size=size))


def timeline_chart(rec: Recommendation, lang: str, size: Size = "normal") -> dict[str, Any]:
    return full_spec(*chart_spec("timeline", rec, lang, size=size))


# ---------------------------------------------------------------- the Compare page's charts


def compare_spec(recs: Mapping[str, Recommendation], labels: Mapping[str, str], lang: str,
                 size: Size = "normal") -> tuple[dict[str, Any], pa.Table]:
    """The four scores of each scenario, grouped by scenario; each scenario's recommendation solid (✓), the
    others outlined."""
    rows = []
    for name, rec in recs.items():
        for i, s in enumerate(STRATEGIES):
            rows.append({"scenario": labels[name], "strategy": t(lang, f"strategy.{s}.name"),
                         "score": round(rec.scores[s], 1), "winner": s == rec.strategy, "order": i,
                         "label": fmt_decimal(rec.scores[s], lang, 0) + (" ✓" if s == rec.strategy else "")})
    df = pa.Table.from_pylist(rows)
    order = tuple(labels[n] for n in recs)

    def build() -> dict[str, Any]:
        px = _FONT_PX[size]
        h = int(px["band"] * 0.75 * 4 * len(order) + 8 * len(order))
        ticks = [0, 50, 100]
        scale = _strategy_scale(lang)
        base = alt.Chart().encode(
            x=alt.X("score:Q", title=t(lang, "charts.score"), scale=alt.Scale(domain=[0, 122], nice=False),
                    axis=_axis(ticks, [fmt_int(v, lang) for v in ticks])),
            y=alt.Y("scenario:N", title=None, sort=list(order), axis=alt.Axis(labelLimit=120 if size == "normal" else 300)),
            yOffset=alt.YOffset("strategy:N", sort=[t(lang, f"strategy.{s}.name") for s in STRATEGIES]),
        )
        # One legend for the three channels: Vega-Lite merges them (and drops it if any says legend=None).
        legend = alt.Legend(orient="bottom", columns=2, symbolType="square")
        title = t(lang, "chart.strategy")
        bars = base.mark_bar(strokeWidth=2).encode(
            color=alt.Color("strategy:N", scale=scale, title=title, legend=legend),
            stroke=alt.Stroke("strategy:N", scale=scale, title=title, legend=legend),
            fill=alt.condition(alt.datum.winner, alt.Fill("strategy:N", scale=scale, title=title, legend=legend),
                               alt.value(BACKGROUND)),
            tooltip=[alt.Tooltip("scenario:N", title=t(lang, "chart.scenario")),
                     alt.Tooltip("strategy:N", title=t(lang, "chart.strategy")),
                     alt.Tooltip("label:N", title=t(lang, "charts.score"))],
        )
        text = _text_layer(base, align="left", dx=4).encode(text="label:N")
        lines = _title(t(lang, "charts.title.compare"), size)
        chart = alt.layer(bars, text).properties(title=lines, height=h, width="container")
        return chart.to_dict(validate=False)

    return _cached(("compare", size, lang, order), build), df


def describe_compare(recs: Mapping[str, Recommendation], labels: Mapping[str, str], lang: str) -> str:
    parts = [t(lang, "charts.desc.compare_item", scenario=labels[n], strategy=t(lang, f"strategy.{r.strategy}.name"),
               score=fmt_decimal(r.scores[r.strategy], lang, 0)) for n, r in recs.items()]
    return t(lang, "charts.desc.compare", parts="; ".join(parts))


def _cell_edges(budgets: Sequence[int]) -> list[tuple[float, float]]:
    """Each grid budget's cell on a log axis: from the geometric midpoint with its left neighbour to the one
    with its right neighbour (the first and last cells are as wide as their neighbours' halves)."""
    if len(budgets) == 1:
        b = float(budgets[0])
        return [(b / 1.5, b * 1.5)]
    mids = [math.sqrt(a * b) for a, b in itertools.pairwise(budgets)]
    first = budgets[0] ** 2 / mids[0]
    last = budgets[-1] ** 2 / mids[-1]
    edges = [first, *mids, last]
    return list(itertools.pairwise(edges))


def whatif_runs(cells: Sequence[Cell], goal: str, audience: str) -> list[tuple[str, float | None, float | None]]:
    """Along one goal row of the map: (strategy, from budget or None, to budget or None) per stretch of
    budgets with the same recommendation; the boundaries are the cell edges."""
    row = sorted((c for c in cells if c.goal == goal and c.audience == audience), key=lambda c: c.budget_idr)
    edges = _cell_edges([c.budget_idr for c in row])
    runs: list[tuple[str, float | None, float | None]] = []
    for c, (lo, hi) in zip(row, edges, strict=True):
        if runs and runs[-1][0] == c.strategy:
            runs[-1] = (c.strategy, runs[-1][1], hi)
        else:
            runs.append((c.strategy, lo, hi))
    if runs:
        runs[0] = (runs[0][0], None, runs[0][2])
        runs[-1] = (runs[-1][0], runs[-1][1], None)
    return runs


def describe_runs(runs: Sequence[tuple[str, float | None, float | None]], lang: str) -> str:
    """'KOC sampai Rp 9,5 jt, Influencer dari Rp 9,5 jt sampai Rp 1,2 M, dan Gabungan dari Rp 1,2 M'."""
    out = []
    for s, lo, hi in runs:
        name = t(lang, f"strategy.{s}.name")
        if lo is None and hi is None:
            out.append(t(lang, "charts.desc.run_all", strategy=name))
        elif lo is None:
            out.append(t(lang, "charts.desc.run_below", strategy=name, high=fmt_idr_short(hi or 0, lang)))
        elif hi is None:
            out.append(t(lang, "charts.desc.run_above", strategy=name, low=fmt_idr_short(lo, lang)))
        else:
            out.append(t(lang, "charts.desc.run_between", strategy=name, low=fmt_idr_short(lo, lang),
                         high=fmt_idr_short(hi, lang)))
    return format_list(out, locale=lang)


def whatif_spec(cells: Sequence[Cell], lang: str, current_budget: int, current_goal: str, audience: str,
                size: Size = "normal") -> tuple[dict[str, Any], pa.Table]:
    """One audience's map: goal (rows) × budget (Rp on a log axis), coloured by the recommended strategy, with
    a black "you are here" mark at the brief's budget and goal."""
    from guide.advice.models import GOALS

    rows = []
    spans: list[tuple[float, float]] = []
    for goal in GOALS:
        row = sorted((c for c in cells if c.goal == goal and c.audience == audience), key=lambda c: c.budget_idr)
        edges = _cell_edges([c.budget_idr for c in row])
        spans += edges
        for c, (lo, hi) in zip(row, edges, strict=True):
            rows.append({"budget": c.budget_idr, "lo": lo, "hi": hi, "goal": t(lang, f"goal.{goal}"),
                         "strategy": t(lang, f"strategy.{c.strategy}.name"),
                         "budget_label": fmt_idr_short(c.budget_idr, lang),
                         "current": bool(goal == current_goal and lo <= current_budget < hi), "here": current_budget})
    df = pa.Table.from_pylist(rows)
    low, high = min(lo for lo, _ in spans), max(hi for _, hi in spans)
    ticks = tuple(log_ticks(low, high))
    here_right = math.log(current_budget / low) > 0.5 * math.log(high / low) if current_budget > 0 else False
    goal_order = tuple(t(lang, f"goal.{g}") for g in GOALS)
    title = t(lang, "charts.title.whatif", audience=t(lang, f"audience.{audience}"))

    def build() -> dict[str, Any]:
        px = _FONT_PX[size]
        h = int(px["band"] * len(goal_order))
        y = alt.Y("goal:N", title=None, sort=list(goal_order), axis=alt.Axis(labelLimit=115 if size == "normal" else 300))
        x_scale = alt.Scale(type="log", domain=[low, high], nice=False)
        heat = alt.Chart().mark_rect(strokeWidth=1).encode(
            stroke=alt.Stroke("strategy:N", scale=_strategy_scale(lang), legend=None),  # no hairline gaps
            x=alt.X("lo:Q", title=t(lang, "charts.budget"), scale=x_scale,
                    axis=_axis(ticks, [fmt_compact(v, lang) for v in ticks])),
            x2="hi:Q", y=y,
            color=alt.Color("strategy:N", title=t(lang, "chart.strategy"), scale=_strategy_scale(lang),
                            legend=alt.Legend(orient="bottom", columns=2, symbolType="square")),
            tooltip=[alt.Tooltip("budget_label:N", title=t(lang, "field.budget_idr")),
                     alt.Tooltip("goal:N", title=t(lang, "field.goal")),
                     alt.Tooltip("strategy:N", title=t(lang, "chart.strategy"))],
        )
        mark = alt.Chart().mark_point(shape="diamond", filled=True, color=HERE, stroke=BACKGROUND, strokeWidth=1.5,
                                      size=220 if size == "normal" else 480).encode(
            x=alt.X("here:Q", scale=x_scale), y=y).transform_filter(alt.datum.current)
        label = alt.Chart().mark_text(color=HERE, fontWeight="bold", align="right" if here_right else "left",
                                      dx=-12 if here_right else 12, stroke=BACKGROUND, strokeWidth=3,
                                      strokeOpacity=0.85).encode(
            x=alt.X("here:Q", scale=x_scale), y=y, text=alt.value(t(lang, "charts.here")),
        ).transform_filter(alt.datum.current)
        label_fill = alt.Chart().mark_text(color=HERE, fontWeight="bold", align="right" if here_right else "left",
                                           dx=-12 if here_right else 12).encode(
            x=alt.X("here:Q", scale=x_scale), y=y, text=alt.value(t(lang, "charts.here")),
        ).transform_filter(alt.datum.current)
        chart = alt.layer(heat, mark, label, label_fill).properties(
            title=_title(title, size), height=h, width="container")
        return chart.to_dict(validate=False)

    return _cached(("whatif", size, lang, audience, ticks, low, high, here_right), build), df


def describe_whatif(cells: Sequence[Cell], lang: str, current_budget: int, current_goal: str,
                    audience: str) -> str:
    runs = whatif_runs(cells, current_goal, audience)
    here = next((s for s, lo, hi in runs if (lo is None or lo <= current_budget) and (hi is None or current_budget < hi)),
                runs[-1][0] if runs else STRATEGIES[0])
    text = t(lang, "charts.desc.whatif", audience=t(lang, f"audience.{audience}").lower(),
             goal=t(lang, f"goal.{current_goal}").lower(), parts=describe_runs(runs, lang),
             budget=fmt_idr_short(current_budget, lang), strategy=t(lang, f"strategy.{here}.name"))
    return text[:1].upper() + text[1:]


_DESCRIBE.update({"scores": describe_scores, "why": describe_why, "tiers": describe_tiers,
                  "allocation": describe_allocation, "timeline": describe_timeline})


def describe(name: str, *inputs: Any) -> str:
    """The sentence under chart `name` (one of CHARTS), from the same inputs as `chart_spec`."""
    return _DESCRIBE[name](*inputs)
