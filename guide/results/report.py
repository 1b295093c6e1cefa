"""The results report: Altair charts with a sentence each, the .xlsx and PDF exports, and the CLI command.

Pure (no streamlit). Colours are the Okabe–Ito palette, safe for colour-blind readers; chart text is 13 px
or larger so it reads on a projector and a phone. Scales, number axes in the reader's language and type sizes
come from the one chart path (guide/output/charts.py); the charts here only describe the results' data.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

import altair as alt
import pandas as pd

from guide.output import palette
from guide.output.charts import FONT_PX, category_scale, number_expr
from guide.output.xlsx import (
    IDR_FORMAT,
    INT_FORMAT,
    PCT_FORMAT,
    new_workbook,
    sheet,
    to_bytes,
    write_table,
)
from guide.output.xlsx import put as _put
from guide.results.analysis import (
    Analysis,
    Metrics,
    show_idr,
    show_pct,
    show_ratio,
)
from guide.text.i18n import fmt_compact, fmt_decimal, fmt_idr, fmt_int, fmt_pct, fmt_range, t

Measure = Literal["reach", "engagements"]

# The product's one palette (guide/output/palette.py).
OKABE_ITO = palette.OKABE_ITO
STATUS_COLORS = dict(palette.STATUS)
STATUS_SHAPES = {"keep": "circle", "review": "diamond", "drop": "triangle-down"}
# The printed (black-and-white) PDF: the same shapes, in greys its sentence names.
PRINT_SHAPES = STATUS_SHAPES
PRINT_GREYS = {"keep": (70, 70, 70), "review": (175, 175, 175), "drop": (255, 255, 255)}
ACTUAL = palette.ACTUAL
PLAN = palette.PLAN
PHASE_FILL = list(palette.PHASES)
PX = FONT_PX["normal"]  # the one chart path's type sizes (13 px labels, 15 px titles)


def _styled(chart: Any, height: int) -> Any:
    """The results charts keep Streamlit's theme (st.altair_chart) with the product's type sizes on top."""
    return chart.properties(height=height, width="container", usermeta={"height_px": height + 120}).configure_axis(
        labelFontSize=PX["label"], titleFontSize=PX["label"],
    ).configure_legend(labelFontSize=PX["label"], titleFontSize=PX["label"], orient="bottom").configure_title(
        fontSize=PX["title"], anchor="start",
    ).configure_text(fontSize=PX["value"])


def _kind(lang: str, kind: str) -> str:
    return t(lang, f"results.kind.{kind}")


# ---- planned vs actual by line ----------------------------------------------------------------------------

def plan_frame(a: Analysis, measure: Measure, lang: str) -> pd.DataFrame:
    rows = []
    for ln in a.plan:
        low, high = ln.planned_reach_summed if measure == "reach" else ln.planned_engagements
        actual = ln.reach if measure == "reach" else ln.engagements
        label = _kind(lang, ln.kind) if ln.phase is None else f"{t(lang, 'results.phase', n=ln.phase)} · {_kind(lang, ln.kind)}"
        status = ln.engagements_band if measure == "engagements" else ln.reach_band
        rows.append({"line": label, "low": low if ln.phase else None, "high": high if ln.phase else None,
                     "actual": actual or 0, "band": t(lang, f"results.band.{status}")})
    return pd.DataFrame(rows, columns=["line", "low", "high", "actual", "band"])


def plan_chart(a: Analysis, measure: Measure, lang: str) -> Any:
    df = plan_frame(a, measure, lang)
    title = t(lang, f"results.chart.plan_title_{measure}")
    y = alt.Y("line:N", title=None, sort=None, axis=alt.Axis(labelLimit=220))
    band = alt.Chart(df).mark_bar(color=PLAN, opacity=0.45, height=22).encode(
        y=y, x=alt.X("low:Q", title=t(lang, f"results.chart.{measure}"), axis=alt.Axis(labelExpr=number_expr(lang))),
        x2="high:Q",
        tooltip=[alt.Tooltip("line:N", title=t(lang, "results.chart.line")),
                 alt.Tooltip("low:Q", title=t(lang, "results.chart.plan_low"), format=",.0f"),
                 alt.Tooltip("high:Q", title=t(lang, "results.chart.plan_high"), format=",.0f")],
    )
    dot = alt.Chart(df).mark_point(filled=True, size=160, color=ACTUAL, shape="diamond").encode(
        y=y, x="actual:Q",
        tooltip=[alt.Tooltip("line:N", title=t(lang, "results.chart.line")),
                 alt.Tooltip("actual:Q", title=t(lang, "results.chart.actual"), format=",.0f"),
                 alt.Tooltip("band:N", title=t(lang, "results.chart.vs_plan"))],
    )
    return _styled((band + dot).properties(title=title), max(120, 60 * len(df)))


def plan_sentence(a: Analysis, measure: Measure, lang: str, printed: bool = False) -> str:
    if not a.plan:
        return t(lang, "results.chart.no_plan")
    parts = []
    for ln in a.plan:
        actual = (ln.reach if measure == "reach" else ln.engagements) or 0
        low, high = ln.planned_reach_summed if measure == "reach" else ln.planned_engagements
        status = ln.reach_band if measure == "reach" else ln.engagements_band
        if ln.phase is None:
            parts.append(t(lang, "results.chart.line_unplanned", kind=_kind(lang, ln.kind), actual=fmt_int(actual, lang)))
        else:
            parts.append(t(lang, "results.chart.line_sentence", kind=_kind(lang, ln.kind), actual=fmt_int(actual, lang),
                           band=t(lang, f"results.band.{status}"), plan=fmt_range(low, high, lang)))
    lead = f"deliver.results.plan_lead_{measure}_print" if printed else f"results.chart.plan_lead_{measure}"
    return t(lang, lead) + " " + "; ".join(parts) + "."


# ---- cost efficiency --------------------------------------------------------------------------------------

def efficiency_frame(a: Analysis, lang: str) -> pd.DataFrame:
    rows = [{"creator": r.creator, "cost": r.m.cost_idr, "engagements": r.m.engagements,
             "status": t(lang, f"results.status.{r.status}"), "status_key": r.status,
             "cost_label": fmt_idr(r.m.cost_idr, lang), "cpr": show_idr(r.cost_per_result, lang)}
            for r in a.creators if r.m.engagements > 0]
    return pd.DataFrame(rows, columns=["creator", "cost", "engagements", "status", "status_key", "cost_label", "cpr"])


def efficiency_chart(a: Analysis, lang: str) -> Any:
    df = efficiency_frame(a, lang)
    order = ["keep", "review", "drop"]
    labels = {s: t(lang, f"results.status.{s}") for s in order}
    metric = t(lang, f"results.metric.{a.metric}")
    chart = alt.Chart(df).mark_point(filled=True, size=140, opacity=0.9).encode(
        x=alt.X("cost:Q", title=t(lang, "results.chart.cost"), scale=alt.Scale(padding=14, domainMin=0),
                axis=alt.Axis(labelExpr=number_expr(lang), tickCount=5)),
        y=alt.Y("engagements:Q", title=t(lang, "results.chart.engagements"), scale=alt.Scale(padding=10, domainMin=0),
                axis=alt.Axis(labelExpr=number_expr(lang))),
        color=alt.Color("status:N", title=None, scale=alt.Scale(**category_scale(order, STATUS_COLORS, labels))),
        shape=alt.Shape("status:N", title=None, scale=alt.Scale(**category_scale(order, STATUS_SHAPES, labels))),
        tooltip=[alt.Tooltip("creator:N", title=t(lang, "results.column.creator")),
                 alt.Tooltip("cost_label:N", title=t(lang, "results.chart.cost")),
                 alt.Tooltip("engagements:Q", title=t(lang, "results.chart.engagements"), format=",.0f"),
                 alt.Tooltip("cpr:N", title=metric),
                 alt.Tooltip("status:N", title=t(lang, "results.chart.status"))],
    ).properties(title=t(lang, "results.chart.efficiency_title"))
    return _styled(chart, 300)


def efficiency_sentence(a: Analysis, lang: str, printed: bool = False) -> str:
    """The sentence under the efficiency chart; `printed` names the greys and shapes of the PDF's chart
    instead of the screen's colours."""
    counts = {s: sum(1 for r in a.creators if r.status == s) for s in ("keep", "review", "drop")}
    ranked = [r for r in a.creators if r.cost_per_result is not None]
    metric = a.metric
    key = "deliver.results.efficiency_counts_print" if printed else "results.chart.efficiency_counts"
    text = t(lang, key, keep=counts["keep"], review=counts["review"],
             drop=counts["drop"], metric=t(lang, f"results.metric.{metric}"))
    if ranked:
        best = min(ranked, key=lambda r: r.cost_per_result or 0)
        worst = max(ranked, key=lambda r: r.cost_per_result or 0)
        text += " " + t(lang, "results.chart.efficiency_best", best=best.creator,
                        best_cost=show_idr(best.cost_per_result, lang), worst=worst.creator,
                        worst_cost=show_idr(worst.cost_per_result, lang))
    missing = sum(1 for r in a.creators if r.m.engagements == 0)
    if missing:
        text += " " + t(lang, "results.chart.efficiency_missing", n=missing)
    return text


# ---- over time --------------------------------------------------------------------------------------------

def timeline_frames(a: Analysis, measure: Measure, lang: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    weeks = pd.DataFrame([{
        "week": w.week,
        "actual": w.cum_reach if measure == "reach" else w.cum_engagements,
        "low": (w.plan_reach if measure == "reach" else w.plan_engagements)[0],
        "high": (w.plan_reach if measure == "reach" else w.plan_engagements)[1],
    } for w in a.weeks], columns=["week", "actual", "low", "high"])
    phases: dict[int, list[Any]] = {}
    if a.rec is not None:
        for ln in a.rec.plan:
            p = phases.setdefault(ln.phase, [ln.start_week, ln.end_week, []])
            p[0], p[1] = min(p[0], ln.start_week), max(p[1], ln.end_week)
            p[2].append(_kind(lang, ln.kind))
    ph = pd.DataFrame([{"start": s - 0.5, "end": e + 0.5, "phase": f"{t(lang, 'results.phase', n=n)}: {', '.join(k)}",
                        "n": n} for n, (s, e, k) in sorted(phases.items())], columns=["start", "end", "phase", "n"])
    return weeks, ph


def timeline_chart(a: Analysis, measure: Measure, lang: str) -> Any:
    weeks, ph = timeline_frames(a, measure, lang)
    x = alt.X("week:Q", title=t(lang, "results.chart.week"), axis=alt.Axis(tickMinStep=1, format="d"))
    layers: list[Any] = []
    if not ph.empty:
        layers.append(alt.Chart(ph).mark_rect(opacity=0.18).encode(
            x=alt.X("start:Q", title=t(lang, "results.chart.week")), x2="end:Q",
            color=alt.Color("phase:N", title=None, scale=alt.Scale(range=PHASE_FILL[: len(ph)]),
                            legend=alt.Legend(direction="vertical", labelLimit=340)),
            tooltip=[alt.Tooltip("phase:N", title=t(lang, "results.chart.phase"))]))
    if a.rec is not None:
        layers.append(alt.Chart(weeks).mark_area(color=PLAN, opacity=0.35).encode(
            x=x, y=alt.Y("low:Q", title=t(lang, f"results.chart.cum_{measure}"), axis=alt.Axis(labelExpr=number_expr(lang))),
            y2="high:Q",
            tooltip=[alt.Tooltip("week:Q", title=t(lang, "results.chart.week")),
                     alt.Tooltip("low:Q", title=t(lang, "results.chart.plan_low"), format=",.0f"),
                     alt.Tooltip("high:Q", title=t(lang, "results.chart.plan_high"), format=",.0f")]))
    layers.append(alt.Chart(weeks).mark_line(color=ACTUAL, strokeWidth=3, point=alt.OverlayMarkDef(color=ACTUAL, size=70)).encode(
        x=x, y=alt.Y("actual:Q", title=t(lang, f"results.chart.cum_{measure}"), axis=alt.Axis(labelExpr=number_expr(lang))),
        tooltip=[alt.Tooltip("week:Q", title=t(lang, "results.chart.week")),
                 alt.Tooltip("actual:Q", title=t(lang, "results.chart.actual"), format=",.0f")]))
    return _styled(alt.layer(*layers).properties(title=t(lang, f"results.chart.timeline_title_{measure}")), 260)


def timeline_sentence(a: Analysis, measure: Measure, lang: str, printed: bool = False) -> str:
    if not a.weeks:
        return t(lang, "results.chart.no_dates")
    last = a.weeks[-1]
    actual = last.cum_reach if measure == "reach" else last.cum_engagements
    text = t(lang, f"results.chart.timeline_{measure}", weeks=last.week, actual=fmt_int(actual, lang),
             start=last.start.isoformat() if a.weeks else "")
    if a.rec is not None:
        low, high = last.plan_reach if measure == "reach" else last.plan_engagements
        key = "deliver.results.timeline_plan_print" if printed else "results.chart.timeline_plan"
        text += " " + t(lang, key, plan=fmt_range(low, high, lang))
        best = max(a.weeks, key=lambda w: w.reach if measure == "reach" else w.engagements)
        text += " " + t(lang, "results.chart.timeline_peak", week=best.week)
    if a.undated:
        text += " " + t(lang, "results.chart.undated", n=a.undated)
    return text


# ---- tables (shared by the page, the workbook and the PDF) ------------------------------------------------

METRIC_COLUMNS = ("posts", "creators", "cost_idr", "impressions", "reach", "engagements", "er", "clicks",
                  "conversions", "revenue_idr", "cpm_idr", "cpe_idr", "cpc_idr", "cost_per_conversion_idr", "roas")


def metric_cells(m: Metrics, lang: str) -> dict[str, str]:
    er = show_pct(m.er_pct, lang)
    if m.er_basis:
        er += f" ({t(lang, f'results.basis.{m.er_basis}')})"
    return {
        "posts": fmt_int(m.posts, lang), "creators": fmt_int(m.creators, lang), "cost_idr": fmt_idr(m.cost_idr, lang),
        "impressions": fmt_int(m.impressions, lang), "reach": fmt_int(m.reach, lang),
        "engagements": fmt_int(m.engagements, lang), "er": er, "clicks": fmt_int(m.clicks, lang),
        "conversions": fmt_int(m.conversions, lang), "revenue_idr": fmt_idr(m.revenue_idr, lang),
        "cpm_idr": show_idr(m.cpm_idr, lang), "cpe_idr": show_idr(m.cpe_idr, lang), "cpc_idr": show_idr(m.cpc_idr, lang),
        "cost_per_conversion_idr": _covers(show_idr(m.cost_per_conversion_idr, lang), m.cost_per_conversion_idr,
                                           m.conversion_posts, m.posts, lang),
        "roas": _covers(show_ratio(m.roas, lang), m.roas, m.revenue_posts, m.posts, lang),
    }


def _covers(shown: str, value: float | None, covered: int, posts: int, lang: str) -> str:
    """A ratio over only the posts that report its numerator says so: '3,20× (2 dari 5 posting)'."""
    if value is None or covered >= posts:
        return shown
    return t(lang, "downstream.results.covers", value=shown, n=fmt_int(covered, lang), posts=fmt_int(posts, lang))


def header(lang: str, key: str) -> str:
    return t(lang, f"results.table.{key}")


def breakdown_rows(group: dict[str, Metrics], label: str, lang: str, name: Any = None) -> list[dict[str, str]]:
    rows = []
    for k, m in group.items():
        cells = metric_cells(m, lang)
        rows.append({header(lang, label): name(k) if name else k, **{header(lang, c): cells[c] for c in METRIC_COLUMNS}})
    return rows


def where_in_band(actual: float | None, low: float, high: float, band: str, lang: str) -> str:
    """Where the actual falls against a planned low–high range, in words: inside it, which third and how far
    from low to high; below it, what share of the low end; above it, how many times the high end."""
    if actual is None or band == "unknown":
        return t(lang, f"results.band.{band}")
    if band == "within":
        pos = 0.5 if high <= low else (actual - low) / (high - low)
        key = "flow.where.within_low" if pos < 1 / 3 else "flow.where.within_mid" if pos < 2 / 3 \
            else "flow.where.within_high"
        return t(lang, key, pos=fmt_pct(pos * 100, lang, 0))
    if band == "below":
        return t(lang, "flow.where.below", share=fmt_pct(100 * actual / low if low > 0 else 0, lang, 0))
    return t(lang, "flow.where.above", times=fmt_decimal(actual / high if high > 0 else 0, lang, 1))


def plan_rows(a: Analysis, lang: str) -> list[dict[str, str]]:
    out = []
    for ln in a.plan:
        planned = ln.phase is not None
        out.append({
            header(lang, "line"): (f"{t(lang, 'results.phase', n=ln.phase)} · " if planned else "") + _kind(lang, ln.kind),
            header(lang, "weeks"): f"{ln.start_week}–{ln.end_week}" if planned else t(lang, "results.not_in_plan"),
            header(lang, "planned_count"): fmt_int(ln.planned_count, lang) if planned else "—",
            header(lang, "creators"): fmt_int(ln.creators, lang),
            header(lang, "planned_cost"): fmt_idr(ln.planned_cost_idr, lang) if planned else "—",
            header(lang, "cost_idr"): fmt_idr(ln.cost_idr, lang),
            header(lang, "planned_reach"): fmt_range(*ln.planned_reach_summed, lang) if planned else "—",
            header(lang, "reach"): "—" if ln.reach is None else fmt_int(ln.reach, lang),
            header(lang, "planned_reach_unique"): fmt_range(*ln.planned_reach, lang) if planned else "—",
            header(lang, "reach_vs_plan"): where_in_band(ln.reach, *ln.planned_reach_summed, ln.reach_band, lang),
            header(lang, "planned_engagements"): fmt_range(*ln.planned_engagements, lang) if planned else "—",
            header(lang, "engagements"): "—" if ln.engagements is None else fmt_int(ln.engagements, lang),
            header(lang, "engagements_vs_plan"): where_in_band(ln.engagements, *ln.planned_engagements,
                                                               ln.engagements_band, lang),
        })
    return out


def creator_rows(a: Analysis, lang: str) -> list[dict[str, str]]:
    metric = a.metric
    out = []
    for r in a.creators:
        band = "—" if r.band_low is None else f"{show_pct(r.band_low, lang)}–{show_pct(r.band_high, lang)}"
        if r.band_basis == "tiktok":
            band = t(lang, "downstream.results.tiktok_band", band=band)
        out.append({
            header(lang, "status"): t(lang, f"results.status.{r.status}"),
            header(lang, "creator"): r.creator,
            header(lang, "kind"): ", ".join(_kind(lang, k) for k in r.kinds),
            header(lang, "cost_idr"): fmt_idr(r.m.cost_idr, lang),
            t(lang, f"results.metric.{metric}"): show_idr(r.cost_per_result, lang),
            header(lang, "er_followers"): show_pct(r.m.er_followers_pct, lang),
            header(lang, "tier_band"): band,
            header(lang, "vs_band"): t(lang, f"results.band.{r.er_band}"),
            header(lang, "reason"): t(lang, f"results.reason.{r.reason}"),
        })
    return out


def rule_text(a: Analysis, lang: str) -> str:
    goal = a.goal or "engagement"
    text = t(lang, "results.rule", goal=t(lang, f"results.goal.{goal}"), metric=t(lang, f"results.metric.{a.metric}"))
    return text if a.goal else t(lang, "results.rule_no_brief") + " " + text


# ---- the workbook ---------------------------------------------------------------------------------------

ROAS_FORMAT = '0.00"×"'
_NUMBER_FORMATS = {"cost_idr": IDR_FORMAT, "revenue_idr": IDR_FORMAT, "cpm_idr": IDR_FORMAT, "cpe_idr": IDR_FORMAT,
                   "cpc_idr": IDR_FORMAT, "cost_per_conversion_idr": IDR_FORMAT, "roas": ROAS_FORMAT, "er": PCT_FORMAT}


def _metric_values(m: Metrics) -> dict[str, float | int | None]:
    return {"posts": m.posts, "creators": m.creators, "cost_idr": m.cost_idr, "impressions": m.impressions,
            "reach": m.reach, "engagements": m.engagements, "er": None if m.er_pct is None else m.er_pct / 100,
            "clicks": m.clicks, "conversions": m.conversions, "revenue_idr": m.revenue_idr,
            "cpm_idr": None if m.cpm_idr is None else round(m.cpm_idr),
            "cpe_idr": None if m.cpe_idr is None else round(m.cpe_idr),
            "cpc_idr": None if m.cpc_idr is None else round(m.cpc_idr),
            "cost_per_conversion_idr": None if m.cost_per_conversion_idr is None else round(m.cost_per_conversion_idr),
            "roas": None if m.roas is None else round(m.roas, 2)}


def _sheet(wb: Any, title: str, head: Sequence[str], rows: Sequence[Sequence[object]],
           formats: Sequence[str | None], total: Sequence[object] | None = None) -> None:
    write_table(wb, title, head, rows, formats, total, freeze="B2")


def to_xlsx(a: Analysis, lang: str) -> bytes:
    """The results report as a workbook: summary with the formulas and the rule, each breakdown with a totals
    row, the plan comparison, keep / review / drop and every problem. Money in rupiah number format."""
    wb = new_workbook()
    ws = sheet(wb, t(lang, "results.xlsx.summary"))
    _put(ws, 1, 1, t(lang, "results.title"), bold=True)
    tot = _metric_values(a.totals)
    for i, c in enumerate(METRIC_COLUMNS, 3):
        _put(ws, i, 1, header(lang, c))
        _put(ws, i, 2, tot[c], _NUMBER_FORMATS.get(c, INT_FORMAT))
    row = len(METRIC_COLUMNS) + 4
    _put(ws, row, 1, t(lang, "results.formulas_title"), bold=True)
    for i, key in enumerate(("engagements", "er", "cpm", "cpe", "cpc", "cpa", "roas", "matched", "reach_note"), 1):
        _put(ws, row + i, 1, t(lang, f"results.formula.{key}"))
    if a.goal is not None:
        _put(ws, row + 11, 1, rule_text(a, lang))
    ws.column_dimensions["A"].width = 34
    ws.column_dimensions["B"].width = 18

    head = [header(lang, c) for c in METRIC_COLUMNS]
    formats = [_NUMBER_FORMATS.get(c, INT_FORMAT) for c in METRIC_COLUMNS]
    total_row = [tot[c] for c in METRIC_COLUMNS]
    for key, group, name in (("kind", a.by_kind, lambda k: _kind(lang, k)),
                             ("platform", a.by_platform, lambda k: t(lang, f"results.platform.{k}")),
                             ("creator", a.by_creator, lambda k: k)):
        rows = [[name(k), *(_metric_values(m)[c] for c in METRIC_COLUMNS)] for k, m in group.items()]
        _sheet(wb, t(lang, f"results.xlsx.by_{key}"), [header(lang, key), *head], rows, [None, *formats],
               [t(lang, "results.table.total"), *total_row])
    if a.plan:
        plan_head = ["line", "weeks", "planned_count", "creators", "planned_cost", "cost_idr", "planned_reach_low",
                     "planned_reach_high", "reach", "reach_vs_plan", "planned_engagements_low",
                     "planned_engagements_high", "engagements", "engagements_vs_plan"]
        rows = []
        for ln in a.plan:
            planned = ln.phase is not None
            rows.append([
                (f"{t(lang, 'results.phase', n=ln.phase)} · " if planned else "") + _kind(lang, ln.kind),
                f"{ln.start_week}–{ln.end_week}" if planned else t(lang, "results.not_in_plan"),
                ln.planned_count, ln.creators, ln.planned_cost_idr, ln.cost_idr, ln.planned_reach_summed[0],
                ln.planned_reach_summed[1],
                ln.reach, t(lang, f"results.band.{ln.reach_band}"), ln.planned_engagements[0], ln.planned_engagements[1],
                ln.engagements, t(lang, f"results.band.{ln.engagements_band}")])
        fm = [None, None, INT_FORMAT, INT_FORMAT, IDR_FORMAT, IDR_FORMAT, INT_FORMAT, INT_FORMAT, INT_FORMAT, None,
              INT_FORMAT, INT_FORMAT, INT_FORMAT, None]
        tl = [t(lang, "results.table.total"), None, sum(ln.planned_count for ln in a.plan),
              sum(ln.creators for ln in a.plan), sum(ln.planned_cost_idr for ln in a.plan),
              sum(ln.cost_idr for ln in a.plan), sum(ln.planned_reach_summed[0] for ln in a.plan),
              sum(ln.planned_reach_summed[1] for ln in a.plan), sum(ln.reach or 0 for ln in a.plan), None,
              sum(ln.planned_engagements[0] for ln in a.plan), sum(ln.planned_engagements[1] for ln in a.plan),
              sum(ln.engagements or 0 for ln in a.plan), None]
        _sheet(wb, t(lang, "results.xlsx.vs_plan"), [header(lang, h) for h in plan_head], rows, fm, tl)
    metric = a.metric
    rows = [[t(lang, f"results.status.{r.status}"), r.creator, ", ".join(_kind(lang, k) for k in r.kinds), r.m.cost_idr,
             None if r.cost_per_result is None else round(r.cost_per_result),
             None if r.m.er_followers_pct is None else r.m.er_followers_pct / 100,
             None if r.band_low is None else r.band_low / 100, None if r.band_high is None else r.band_high / 100,
             t(lang, f"results.band.{r.er_band}"), t(lang, f"results.reason.{r.reason}")] for r in a.creators]
    _sheet(wb, t(lang, "results.xlsx.keep"),
           [header(lang, "status"), header(lang, "creator"), header(lang, "kind"), header(lang, "cost_idr"),
            t(lang, f"results.metric.{metric}"), header(lang, "er_followers"), header(lang, "band_low"),
            header(lang, "band_high"), header(lang, "vs_band"), header(lang, "reason")], rows,
           [None, None, None, IDR_FORMAT, IDR_FORMAT, PCT_FORMAT, PCT_FORMAT, PCT_FORMAT, None, None])
    _sheet(wb, t(lang, "results.xlsx.problems"),
           [header(lang, "row"), header(lang, "column"), header(lang, "message")],
           [[p.row, p.column, p.message(lang)] for p in a.file.problems], [INT_FORMAT, None, None])
    return to_bytes(wb)


# ---- the PDF ----------------------------------------------------------------------------------------------

PDF_MAX_CREATORS = 60  # a report for a boss; the workbook has every creator
PDF_MAX_PROBLEMS = 100
TABLE_PT = 8.5  # guide.output.pdf Document.table's default size
WIDE_TABLE_PT = 7.5  # eight columns of rupiah and ranges: one size down, so no number breaks


def to_pdf(a: Analysis, lang: str) -> bytes:
    """The results report for a boss: totals, formulas, plan comparison, keep / review / drop, the three
    charts (in greys, each followed by its sentence) and the problems. Shared machinery: guide.output.pdf."""
    from guide.output.pdf import Document
    from guide.output.pdf_charts import band_line, range_bars, scatter
    from guide.output.pdf_fit import fit_widths

    doc = Document(t(lang, "results.title"), lang=lang)
    doc.heading(t(lang, "results.title"))
    if a.rec is not None:
        b = a.rec.brief
        doc.paragraph(t(lang, "results.pdf.brief", goal=t(lang, f"results.goal.{b.goal}"), budget=fmt_idr(b.budget_idr, lang),
                        weeks=b.duration_weeks, name=b.name or "—"))
    doc.paragraph(t(lang, "results.pdf.rows", read=fmt_int(a.file.rows_read, lang), counted=fmt_int(len(a.file.posts), lang),
                    left_out=fmt_int(a.file.rows_left_out, lang)))
    doc.heading(t(lang, "results.pdf.totals"), 2)
    cells = metric_cells(a.totals, lang)
    doc.key_values([(header(lang, c), cells[c]) for c in METRIC_COLUMNS])
    doc.heading(t(lang, "results.formulas_title"), 2)
    doc.bullets([t(lang, f"results.formula.{k}") for k in ("engagements", "er", "cpm", "cpe", "cpc", "cpa", "roas",
                                                               "matched", "reach_note")], size=8.5)

    short = ("creators", "cost_idr", "reach", "engagements", "cpm_idr", "cpe_idr", "roas")
    right: list[Literal["L", "R", "C"]] = ["L", *(["R"] * len(short))]  # type: ignore[list-item]
    groups: list[tuple[str, dict[str, Metrics], dict[str, str]]] = [
        ("kind", a.by_kind, {k: _kind(lang, k) for k in a.by_kind}),
        ("platform", a.by_platform, {k: t(lang, f"results.platform.{k}") for k in a.by_platform}),
    ]
    for key, group, names in groups:
        doc.heading(t(lang, f"results.pdf.by_{key}"), 2)
        rows = [[names[k], *(metric_cells(m, lang)[c] for c in short)] for k, m in group.items()]
        head = [header(lang, key), *(header(lang, c) for c in short)]
        total_row = [t(lang, "results.table.total"), *(cells[c] for c in short)]
        doc.table(head, rows, totals=total_row, align=right,
                  widths=fit_widths(doc, head, [20, 9, 16, 12, 12, 13, 10, 8], TABLE_PT, [*rows, total_row]))
    if a.plan:
        doc.heading(t(lang, "results.pdf.vs_plan"), 2)
        prow = plan_rows(a, lang)
        keys = [header(lang, k) for k in ("line", "planned_count", "creators", "planned_cost", "cost_idr",
                                          "planned_engagements", "engagements", "engagements_vs_plan")]
        prows = [[r[k] for k in keys] for r in prow]
        doc.table(keys, prows, align=["L", "R", "R", "R", "R", "R", "R", "L"], size=WIDE_TABLE_PT,
                  widths=fit_widths(doc, keys, [22, 10, 9, 14, 14, 18, 12, 12], WIDE_TABLE_PT, prows))
        pf = plan_frame(a, "engagements", lang)
        range_bars(doc, t(lang, "results.chart.plan_title_engagements"), list(pf["line"]),
                   [None if pd.isna(v) else float(v) for v in pf["low"]],
                   [None if pd.isna(v) else float(v) for v in pf["high"]], [float(v) for v in pf["actual"]],
                   lambda v: fmt_compact(v, lang), t(lang, "results.chart.engagements"),
                   t(lang, "deliver.results.plan_band"), t(lang, "deliver.results.actual"))
        doc.paragraph(plan_sentence(a, "engagements", lang, printed=True), size=9)
        doc.paragraph(plan_sentence(a, "reach", lang, printed=True), size=9)
    doc.heading(t(lang, "results.pdf.keep"), 2)
    doc.paragraph(rule_text(a, lang), size=9)
    crow = creator_rows(a, lang)
    if crow:
        keys = list(crow[0])[:8]
        crows = [[r[k] for k in keys] for r in crow[:PDF_MAX_CREATORS]]
        doc.table(keys, crows, size=WIDE_TABLE_PT,
                  widths=fit_widths(doc, keys, [11, 20, 15, 13, 12, 10, 14, 10], WIDE_TABLE_PT, crows))
        if len(crow) > PDF_MAX_CREATORS:
            doc.paragraph(t(lang, "results.pdf.more_creators", shown=fmt_int(PDF_MAX_CREATORS, lang),
                            n=fmt_int(len(crow), lang)), size=9)
    if any(r.m.engagements > 0 for r in a.creators):
        ef = efficiency_frame(a, lang)
        styles = {s: (t(lang, f"deliver.results.status_shape.{s}", status=t(lang, f"results.status.{s}")),
                      PRINT_SHAPES[s], PRINT_GREYS[s]) for s in ("keep", "review", "drop")}
        scatter(doc, t(lang, "results.chart.efficiency_title"), [float(v) for v in ef["cost"]],
                [float(v) for v in ef["engagements"]], list(ef["status_key"]), styles,
                lambda v: fmt_compact(v, lang), lambda v: fmt_compact(v, lang), t(lang, "results.chart.cost"),
                t(lang, "results.chart.engagements"))
    doc.paragraph(efficiency_sentence(a, lang, printed=True), size=9)
    if a.weeks and doc.get_y() > doc.h - 110:  # the heading goes with its chart
        doc.add_page()
    doc.heading(t(lang, "results.pdf.timeline"), 2)
    if a.weeks:
        weeks, ph = timeline_frames(a, "engagements", lang)
        has_plan = a.rec is not None
        band_line(doc, t(lang, "results.chart.timeline_title_engagements"), [float(w) for w in weeks["week"]],
                  [float(v) for v in weeks["actual"]], [float(v) for v in weeks["low"]] if has_plan else None,
                  [float(v) for v in weeks["high"]] if has_plan else None,
                  [(float(s), float(e), str(n)) for s, e, n in zip(ph["start"], ph["end"], ph["phase"], strict=True)],
                  lambda v: str(int(v)), lambda v: fmt_compact(v, lang), t(lang, "results.chart.week"),
                  t(lang, "results.chart.cum_engagements"), t(lang, "deliver.results.plan_band"),
                  t(lang, "deliver.results.actual"))
    doc.paragraph(timeline_sentence(a, "engagements", lang, printed=True), size=9)
    doc.paragraph(timeline_sentence(a, "reach", lang, printed=True), size=9)
    if a.file.problems:
        doc.heading(t(lang, "results.pdf.problems"), 2)
        doc.table([header(lang, "row"), header(lang, "column"), header(lang, "message")],
                  [[str(p.row), p.column, p.message(lang)] for p in a.file.problems[:PDF_MAX_PROBLEMS]],
                  widths=fit_widths(doc, [header(lang, "row"), header(lang, "column"), header(lang, "message")],
                                    [8, 18, 74], TABLE_PT))
        if len(a.file.problems) > PDF_MAX_PROBLEMS:
            doc.paragraph(t(lang, "results.pdf.more_problems", n=fmt_int(len(a.file.problems) - PDF_MAX_PROBLEMS, lang)))
    return doc.to_bytes()
