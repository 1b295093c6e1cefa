"""Chart builders: pure functions from guide results to Altair charts (tested on their spec).

Colours are mid-tone so they read on light and dark backgrounds; text colours come from the app theme.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import altair as alt
import pandas as pd

from .i18n import fmt_idr_short, fmt_pct, t
from .knowledge import Figures
from .models import STRATEGIES, TIERS, Recommendation
from .whatif import Cell

WIN = "#12A39A"
OTHER = "#8E9C9A"
POS = "#12A39A"
NEG = "#D9663B"
STRATEGY_COLORS = {"kol": "#7B6CF0", "influencer": "#E39B2D", "koc": "#2E9E5B", "combined": "#2A8BD6"}
PHASE_COLORS = ["#12A39A", "#E39B2D", "#7B6CF0", "#D9663B"]
HEIGHT = 260


def element_height(chart: alt.TopLevelMixin) -> int:
    """Pixel height for the page element (Streamlit does not size charts by their own height).

    Builders record it in `usermeta.height_px`; read without serialising the chart.
    """
    meta = getattr(chart, "usermeta", alt.Undefined)
    if isinstance(meta, dict) and isinstance(meta.get("height_px"), int):
        return int(meta["height_px"])
    return HEIGHT + 110


C = TypeVar("C", bound=alt.TopLevelMixin)


def _sized(chart: C, plot_height: int, rows: int = 1, extra: int = 110) -> C:
    sized: C = chart.properties(usermeta={"height_px": rows * (plot_height + 30) + extra})
    return sized


def _base(data: pd.DataFrame) -> alt.Chart:
    return alt.Chart(data).properties(height=HEIGHT, width="container")


# Each Recommendation-page chart is its data (a DataFrame) plus a layout that reads only its own arguments,
# never the data's values (every field has an explicit type). So `chart_spec` can serialise a layout once per
# language and shape and only swap in the data: building Altair objects is most of a page run's server time.


def _scores_parts(rec: Recommendation, lang: str) -> tuple[pd.DataFrame, tuple[str]]:
    df = pd.DataFrame([
        {"strategy": t(lang, f"strategy.{s}.name"), "score": rec.scores[s], "winner": s == rec.strategy,
         "order": i}
        for i, s in enumerate(STRATEGIES)
    ])
    return df, (lang,)


def _scores_layout(df: pd.DataFrame, lang: str) -> alt.TopLevelMixin:
    bars = _base(df).mark_bar(cornerRadiusEnd=3).encode(
        x=alt.X("score:Q", title=t(lang, "chart.score"), scale=alt.Scale(domain=[0, 100])),
        y=alt.Y("strategy:N", title=None, sort=alt.SortField("order")),
        color=alt.condition(alt.datum.winner, alt.value(WIN), alt.value(OTHER)),
        tooltip=[alt.Tooltip("strategy:N", title=t(lang, "chart.strategy")),
                 alt.Tooltip("score:Q", title=t(lang, "chart.score"), format=".1f")],
    )
    labels = bars.mark_text(align="left", dx=4).encode(text=alt.Text("score:Q", format=".0f"))
    return _sized((bars + labels).properties(title=t(lang, "chart.scores_title"), height=180), 180)


def scores_chart(rec: Recommendation, lang: str) -> alt.TopLevelMixin:
    return _scores_layout(*_flat(_scores_parts(rec, lang)))


def _why_parts(rec: Recommendation, lang: str) -> tuple[pd.DataFrame, tuple[str, str, int]]:
    rows = []
    for r in rec.reasons:
        e = r.effects.get(rec.strategy, 0.0)
        if e:
            rows.append({"rule": r.label, "rule_id": r.rule_id, "points": e, "text": r.text,
                         "source": r.source.id, "sign": "+" if e > 0 else "-"})
    if not rows:
        rows.append({"rule": t(lang, "chart.no_rules"), "rule_id": "", "points": 0.0, "text": "", "source": "",
                     "sign": "+"})
    return pd.DataFrame(rows), (lang, rec.strategy, len(rows))


def _why_layout(df: pd.DataFrame, lang: str, strategy: str, rows: int) -> alt.TopLevelMixin:
    chart = _base(df).mark_bar(cornerRadiusEnd=3).encode(
        x=alt.X("points:Q", title=t(lang, "chart.points")),
        y=alt.Y("rule:N", title=None, sort="-x", axis=alt.Axis(labelLimit=220)),
        color=alt.Color("sign:N", scale=alt.Scale(domain=["+", "-"], range=[POS, NEG]), legend=None),
        tooltip=[alt.Tooltip("text:N", title=t(lang, "chart.why")), alt.Tooltip("points:Q", format="+.1f"),
                 alt.Tooltip("source:N", title=t(lang, "chart.source"))],
    ).properties(title=t(lang, "chart.why_title", strategy=t(lang, f"strategy.{strategy}.name")))
    h = max(140, 26 * rows)
    return _sized(chart.properties(height=h), h)


def why_chart(rec: Recommendation, lang: str) -> alt.TopLevelMixin:
    return _why_layout(*_flat(_why_parts(rec, lang)))


def _tiers_parts(figures: Figures, lang: str) -> tuple[pd.DataFrame, tuple[str]]:
    rows = []
    for kind in TIERS:
        k = figures.kinds[kind]
        reach = (k.followers_low * k.followers_high) ** 0.5
        er = (k.er_low + k.er_high) / 2
        rows.append({
            "tier": t(lang, f"kind.{kind}"), "followers": reach, "er": er, "cost": k.rate_mid,
            "cost_label": fmt_idr_short(k.rate_mid, lang), "er_label": fmt_pct(er, lang),
        })
    return pd.DataFrame(rows), (lang,)


def _tiers_layout(df: pd.DataFrame, lang: str) -> alt.TopLevelMixin:
    base = _base(df).encode(
        x=alt.X("followers:Q", title=t(lang, "chart.followers"), scale=alt.Scale(type="log")),
        y=alt.Y("er:Q", title=t(lang, "chart.er")),
    )
    points = base.mark_circle(opacity=0.85, color=WIN).encode(
        size=alt.Size("cost:Q", scale=alt.Scale(type="log", range=[80, 1600]), title=t(lang, "chart.cost"),
                      legend=None),
        tooltip=[alt.Tooltip("tier:N", title=t(lang, "chart.tier")),
                 alt.Tooltip("followers:Q", title=t(lang, "chart.followers"), format=",.0f"),
                 alt.Tooltip("er_label:N", title=t(lang, "chart.er")),
                 alt.Tooltip("cost_label:N", title=t(lang, "chart.cost"))],
    )
    labels = base.mark_text(dy=-18, fontSize=12).encode(text="tier:N")
    cost = base.mark_text(dy=20, fontSize=11, opacity=0.8).encode(text="cost_label:N")
    return _sized((points + labels + cost).properties(title=t(lang, "chart.tiers_title"), height=HEIGHT), HEIGHT)


def tiers_chart(figures: Figures, lang: str) -> alt.TopLevelMixin:
    """Article 002's trade-off: bigger audiences cost more and engage less (log scales)."""
    return _tiers_layout(*_flat(_tiers_parts(figures, lang)))


def _allocation_parts(rec: Recommendation, lang: str) -> tuple[pd.DataFrame, tuple[str, int]]:
    df = pd.DataFrame([
        {"kind": t(lang, f"kind.{ln.kind}"), "cost": ln.cost_idr, "label": fmt_idr_short(ln.cost_idr, lang),
         "phase": ln.phase}
        for ln in rec.plan
    ] or [{"kind": t(lang, "plan.empty_short"), "cost": 0, "label": "", "phase": 1}])
    return df, (lang, len(df))


def _allocation_layout(df: pd.DataFrame, lang: str, rows: int) -> alt.TopLevelMixin:
    bars = _base(df).mark_bar(cornerRadiusEnd=3, color=WIN).encode(
        x=alt.X("cost:Q", title=t(lang, "chart.cost"), axis=alt.Axis(format="~s")),
        y=alt.Y("kind:N", title=None, sort="-x", axis=alt.Axis(labelLimit=200)),
        tooltip=[alt.Tooltip("kind:N", title=t(lang, "chart.kind")),
                 alt.Tooltip("label:N", title=t(lang, "chart.cost"))],
    )
    labels = bars.mark_text(align="left", dx=4).encode(text="label:N")
    h = max(120, 40 * rows)
    return _sized((bars + labels).properties(title=t(lang, "chart.allocation_title"), height=h), h)


def allocation_chart(rec: Recommendation, lang: str) -> alt.TopLevelMixin:
    return _allocation_layout(*_flat(_allocation_parts(rec, lang)))


def _timeline_parts(rec: Recommendation, lang: str) -> tuple[pd.DataFrame, tuple[str, int, int]]:
    df = pd.DataFrame([
        {"kind": t(lang, f"kind.{ln.kind}"), "start": ln.start_week - 1, "end": ln.end_week,
         "phase": f"{t(lang, 'plan.phase')} {ln.phase}", "count": ln.count}
        for ln in rec.plan
    ] or [{"kind": t(lang, "plan.empty_short"), "start": 0, "end": 0, "phase": "", "count": 0}])
    return df, (lang, rec.brief.duration_weeks, len(df))


def _timeline_layout(df: pd.DataFrame, lang: str, weeks: int, rows: int) -> alt.TopLevelMixin:
    chart = _base(df).mark_bar(cornerRadius=3).encode(
        x=alt.X("start:Q", title=t(lang, "chart.week"),
                scale=alt.Scale(domain=[0, weeks]), axis=alt.Axis(tickMinStep=1)),
        x2="end:Q",
        y=alt.Y("kind:N", title=None, sort=None, axis=alt.Axis(labelLimit=200)),
        color=alt.Color("phase:N", title=t(lang, "plan.phase"),
                        scale=alt.Scale(range=PHASE_COLORS), legend=alt.Legend(orient="bottom", columns=2)),
        tooltip=[alt.Tooltip("kind:N", title=t(lang, "chart.kind")), alt.Tooltip("phase:N"),
                 alt.Tooltip("count:Q", title=t(lang, "plan.count"))],
    ).properties(title=t(lang, "chart.timeline_title"))
    h = max(120, 40 * rows)
    return _sized(chart.properties(height=h), h, extra=150)


def timeline_chart(rec: Recommendation, lang: str) -> alt.TopLevelMixin:
    return _timeline_layout(*_flat(_timeline_parts(rec, lang)))


def _flat(parts: tuple[pd.DataFrame, tuple[Any, ...]]) -> tuple[Any, ...]:
    return (parts[0], *parts[1])


# name -> (its data and layout arguments from the inputs, the layout from data and those arguments)
_PARTS: dict[str, tuple[Callable[..., tuple[pd.DataFrame, tuple[Any, ...]]], Callable[..., alt.TopLevelMixin]]] = {
    "scores": (_scores_parts, _scores_layout),
    "why": (_why_parts, _why_layout),
    "tiers": (_tiers_parts, _tiers_layout),
    "allocation": (_allocation_parts, _allocation_layout),
    "timeline": (_timeline_parts, _timeline_layout),
}
FAST_CHARTS = frozenset(_PARTS)
_TEMPLATES: dict[tuple[Any, ...], tuple[str, str, int]] = {}
_TEMPLATES_LOCK = threading.Lock()


def clear_chart_templates() -> None:
    """Forget every serialised layout (the benchmark's worst case: the first view of each layout)."""
    with _TEMPLATES_LOCK:
        _TEMPLATES.clear()


def chart_spec(name: str, *inputs: Any) -> tuple[dict[str, Any], pd.DataFrame, int]:
    """The Vega-Lite spec of chart `name` for `inputs` (as its builder takes them, e.g. `rec, lang`), without
    building it: (spec with its one dataset left empty, the DataFrame that goes in it, element height).

    The layout is built and serialised once per name and layout arguments (language, rows, …) and kept as
    JSON; each call gets its own fresh dict. Equal to `builder(*inputs).to_dict()` up to the dataset's name
    (tested).
    """
    parts, layout = _PARTS[name]
    df, args = parts(*inputs)
    key = (name, *args)
    hit = _TEMPLATES.get(key)
    if hit is None:
        chart = layout(df, *args)
        spec = chart.to_dict(validate=False)
        datasets = spec.get("datasets", {})
        if len(datasets) != 1:
            raise ValueError(f"chart {name!r}: expected one dataset, found {len(datasets)}")
        dataset = next(iter(datasets))
        spec["datasets"] = {dataset: []}
        hit = (json.dumps(spec), dataset, element_height(chart))
        with _TEMPLATES_LOCK:
            if len(_TEMPLATES) > 2_000:
                _TEMPLATES.clear()
            _TEMPLATES[key] = hit
    text, dataset, height = hit
    spec = json.loads(text)
    return spec, df, height


def whatif_chart(cells: Sequence[Cell], lang: str, current_budget: int, current_goal: str,
                 audience: str) -> alt.TopLevelMixin:
    """One audience's map: goal (rows) × budget (columns, log-spaced), coloured by the winning strategy."""
    df = pd.DataFrame([
        {"budget": c.budget_idr, "budget_label": fmt_idr_short(c.budget_idr, lang),
         "goal": t(lang, f"goal.{c.goal}"), "strategy": t(lang, f"strategy.{c.strategy}.name"),
         "current": c.budget_idr == current_budget and c.goal == current_goal}
        for c in cells if c.audience == audience
    ])
    domain = [t(lang, f"strategy.{s}.name") for s in STRATEGIES]
    heat = alt.Chart(df).mark_rect().encode(
        x=alt.X("budget:O", title=t(lang, "chart.budget_log"), axis=alt.Axis(labels=False, ticks=False)),
        y=alt.Y("goal:N", title=None, axis=alt.Axis(labelLimit=140)),
        color=alt.Color("strategy:N", title=t(lang, "chart.strategy"),
                        scale=alt.Scale(domain=domain, range=[STRATEGY_COLORS[s] for s in STRATEGIES]),
                        legend=alt.Legend(orient="bottom", columns=2)),
        tooltip=[alt.Tooltip("budget_label:N", title=t(lang, "field.budget_idr")),
                 alt.Tooltip("goal:N", title=t(lang, "field.goal")),
                 alt.Tooltip("strategy:N", title=t(lang, "chart.strategy"))],
    ).properties(
        height=220, width="container",
        title=t(lang, "chart.whatif_title", budget=fmt_idr_short(current_budget, lang),
                goal=t(lang, f"goal.{current_goal}"), audience=t(lang, f"audience.{audience}")),
    )
    return _sized(heat, 220, extra=150)


def compare_chart(recs: dict[str, Recommendation], labels: dict[str, str], lang: str) -> alt.TopLevelMixin:
    """The four scores of each scenario, grouped by scenario; each scenario's winner highlighted."""
    rows = []
    for name, rec in recs.items():
        for s in STRATEGIES:
            rows.append({"scenario": labels[name], "strategy": t(lang, f"strategy.{s}.name"),
                         "score": rec.scores[s], "winner": s == rec.strategy})
    df = pd.DataFrame(rows)
    h = 70 * len(recs)
    chart = alt.Chart(df).mark_bar().encode(
        x=alt.X("score:Q", title=t(lang, "chart.score"), scale=alt.Scale(domain=[0, 100])),
        y=alt.Y("scenario:N", title=None, sort=[labels[n] for n in recs], axis=alt.Axis(labelLimit=140)),
        yOffset=alt.YOffset("strategy:N", sort=[t(lang, f"strategy.{s}.name") for s in STRATEGIES]),
        color=alt.Color("strategy:N", title=t(lang, "chart.strategy"),
                        scale=alt.Scale(domain=[t(lang, f"strategy.{s}.name") for s in STRATEGIES],
                                        range=[STRATEGY_COLORS[s] for s in STRATEGIES]),
                        legend=alt.Legend(orient="bottom", columns=2)),
        opacity=alt.condition(alt.datum.winner, alt.value(1.0), alt.value(0.35)),
        tooltip=[alt.Tooltip("scenario:N", title=t(lang, "chart.scenario")),
                 alt.Tooltip("strategy:N", title=t(lang, "chart.strategy")),
                 alt.Tooltip("score:Q", title=t(lang, "chart.score"), format=".1f")],
    ).properties(height=h, width="container", title=t(lang, "chart.compare_title"))
    return _sized(chart, h, extra=150)
