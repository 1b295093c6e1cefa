"""Results: bring the campaign's numbers (one row per post) and see them against the plan, the tiers'
benchmarks and each other: totals, breakdowns, keep / review / drop, three charts with a sentence each,
and the report as PDF and .xlsx."""

from __future__ import annotations

import hashlib
from typing import Any
from urllib.parse import parse_qs, urlsplit

import streamlit as st

from guide.advice.brief_io import BriefError, brief_from_json, brief_from_params
from guide.advice.knowledge import Figures, knowledge
from guide.advice.models import CampaignBrief
from guide.results.analysis import (
    FORMULAS,
    MAX_BYTES,
    MAX_ROWS,
    SAMPLE_BRIEF,
    SAMPLE_FILE,
    Analysis,
    analyse,
    parse_results,
    show_idr,
    show_pct,
    show_ratio,
    template_csv,
    template_xlsx,
)
from guide.results.report import (
    breakdown_rows,
    creator_rows,
    efficiency_chart,
    efficiency_sentence,
    header,
    plan_chart,
    plan_rows,
    plan_sentence,
    rule_text,
    timeline_chart,
    timeline_sentence,
    to_pdf,
    to_xlsx,
)
from guide.text.i18n import fmt_idr, fmt_int, t
from guide.text.safetext import plain_md
from guide.text.tabular import UPLOAD_CEILING_MB
from ui import brief, figures, lang, page_guard
from ui.state import kept_tabs
from ui.tables import fitted_table

page_guard()
lg = lang()


def tr(key: str, **kw: Any) -> str:
    return t(lg, key, **kw)


def draw(chart: Any) -> None:
    """A chart full width at the height its builder asked for (Streamlit does not read it from the spec)."""
    meta = chart.usermeta if isinstance(chart.usermeta, dict) else {}
    st.altair_chart(chart, width="stretch", height=int(meta.get("height_px", 380)))


def say(text: str) -> None:
    """A chart's sentence or a rule in words, under what it describes."""
    st.markdown(plain_md(text))


def side_by_side(analysis: Analysis, chart: Any, sentence: Any) -> None:
    """Engagements and reach as two tabs, each chart with its sentence under it: one chart in sight at a time,
    so a phone does not scroll through both (they were stacked there, about a screen each)."""
    labels = [tr("results.table.engagements"), tr("results.table.reach")]
    for tab, measure in zip(st.tabs(labels), ("engagements", "reach"), strict=True):
        with tab:
            draw(chart(analysis, measure, lg))
            say(sentence(analysis, measure, lg))


@st.cache_data(max_entries=32, show_spinner=False)
def _analysis(digest: str, _data: bytes, filename: str, brief_json: str | None, figures_json: str | None,
              lg: str) -> Analysis:
    """Parsed and analysed once per file (keyed by its digest), brief, figures and language."""
    b = CampaignBrief.model_validate_json(brief_json) if brief_json else None
    fig = Figures.model_validate_json(figures_json) if figures_json else None
    return analyse(parse_results(_data, filename), b, lg, fig)


@st.cache_data(max_entries=8, show_spinner=False)
def _pdf(digest: str, _a: Analysis, lg: str) -> bytes:
    return to_pdf(_a, lg)


st.title(tr("results.page.title"))
st.caption(tr("results.page.intro"))

# ---- 1. the file ---------------------------------------------------------------------------------------
source = st.segmented_control(tr("results.page.source"), options=["sample", "upload"], default="sample", required=True,
                              format_func=lambda o: tr(f"results.page.source_{o}"), key="results_source")
data: bytes | None = None
filename = "sample_results.csv"
if source == "upload":
    limits = tr("results.page.upload_help", mb=MAX_BYTES // (1024 * 1024), rows=fmt_int(MAX_ROWS, lg))
    up = st.file_uploader(tr("results.page.upload"), type=["csv", "xlsx"], key="results_file",
                          help=limits, max_upload_size=UPLOAD_CEILING_MB)
    st.caption(limits)
    if up is not None:
        data, filename = up.getvalue(), up.name
else:
    data = SAMPLE_FILE.read_bytes()
    st.info(tr("results.page.sample_note"), icon=":material/science:")
with st.expander(tr("phone.files_title"), icon=":material/download:"):  # needed once, before the campaign's file
    t1, t2 = st.columns(2)
    t1.download_button(tr("results.page.template_csv"), template_csv(lg),
                       file_name=f"{tr('results.template_sheet')}.csv", mime="text/csv", icon=":material/table:",
                       width="stretch", on_click="ignore")
    t2.download_button(tr("results.page.template_xlsx"), template_xlsx(lg),
                       file_name=f"{tr('results.template_sheet')}.xlsx",
                       mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                       icon=":material/grid_on:", width="stretch", on_click="ignore")

# ---- 2. the brief it is compared with --------------------------------------------------------------------
options = ["sample", "current", "link", "json", "none"] if source == "sample" else ["current", "link", "json", "none"]
which = st.selectbox(tr("results.page.brief_source"), options, format_func=lambda o: tr(f"results.page.brief_{o}"),
                     key=f"results_brief_{source}")
chosen: CampaignBrief | None = None
if which == "sample":
    chosen = SAMPLE_BRIEF
elif which == "current":
    chosen = brief()
elif which == "link":
    link = st.text_input(tr("results.page.link"), key="results_link", max_chars=4000, placeholder="https://…?goal=…")
    if link:
        params = parse_qs(urlsplit(link.strip()).query, keep_blank_values=True)
        chosen, _, problems = brief_from_params(params, fallback=brief())
        if problems:
            st.warning(tr("results.page.link_problems", n=len(problems)), icon=":material/link_off:")
elif which == "json":
    jf = st.file_uploader(tr("results.page.json"), type=["json"], key="results_json", max_upload_size=1)
    if jf is not None:
        try:
            chosen = brief_from_json(jf.getvalue())
        except BriefError:
            st.error(tr("results.page.json_bad"), icon=":material/error:")
if chosen is not None:
    st.caption(tr("results.page.brief_is", goal=tr(f"results.goal.{chosen.goal}"), budget=fmt_idr(chosen.budget_idr, lg),
                  weeks=chosen.duration_weeks))

if data is None:
    st.info(tr("results.page.waiting"), icon=":material/upload_file:")
    st.stop()

digest = hashlib.sha256(data).hexdigest()
brief_json = chosen.model_dump_json() if chosen is not None else None
edited = figures()
figures_json = None if edited is knowledge().figures else edited.model_dump_json()
a = _analysis(digest, data, filename, brief_json, figures_json, lg)
f = a.file

# ---- 3. problems -----------------------------------------------------------------------------------------
st.subheader(tr("results.page.file"))
st.text(tr("results.page.rows", read=fmt_int(f.rows_read, lg), counted=fmt_int(len(f.posts), lg),
           left_out=fmt_int(f.rows_left_out, lg)))
if f.problems:
    st.warning(tr("results.page.problems", n=fmt_int(len(f.problems), lg)), icon=":material/warning:")
    st.dataframe([{tr("results.table.row"): p.row or "—", tr("results.table.column"): p.column or "—",
                   tr("results.table.message"): p.message(lg)} for p in f.problems],
                 hide_index=True, width="stretch", key="results_problems")
if not f.posts:
    st.stop()

# ---- 4. totals and breakdowns ----------------------------------------------------------------------------
st.subheader(tr("results.page.totals"))
m = a.totals
goal_metric = a.metric
with st.container(horizontal=True, gap="medium", key="results_totals"):  # wraps two or three to a row on a phone
    st.metric(tr("results.table.cost_idr"), fmt_idr(m.cost_idr, lg), width="content")
    st.metric(tr("results.table.reach"), fmt_int(m.reach, lg), width="content")
    st.metric(tr("results.table.engagements"), fmt_int(m.engagements, lg), width="content")
    st.metric(tr("results.table.er") + (f" ({tr('results.basis.' + m.er_basis)})" if m.er_basis else ""),
              show_pct(m.er_pct, lg), width="content")
    st.metric(tr(f"results.table.{goal_metric}"), show_idr(getattr(m, goal_metric), lg), width="content")
    st.metric(tr("results.table.roas"), show_ratio(m.roas, lg), width="content")

with st.expander(tr("results.formulas_title"), icon=":material/function:", expanded=False):
    for key in (*FORMULAS, "matched", "reach_note"):
        say("• " + tr(f"results.formula.{key}"))

# ---- 5.–7. the breakdowns, the plan, keep/review/drop and the weeks: one tab each, so a phone scrolls through one
# at a time (the page was 4.2 screens at 390 px with them stacked; issue 21 asks for at most 3)
tab_rows, tab_plan, tab_keep, tab_weeks = kept_tabs(
    "results_view", [tr("results.page.breakdown"), tr("results.page.vs_plan"), tr("results.page.keep"),
                     tr("results.page.timeline")], lg)
with tab_rows:
    tab_kind, tab_platform, tab_creator = kept_tabs(
        "results", [tr("results.page.by_kind"), tr("results.page.by_platform"), tr("results.page.by_creator")], lg)
    with tab_kind:
        fitted_table(breakdown_rows(a.by_kind, "kind", lg, lambda k: tr(f"results.kind.{k}")), "results_by_kind")
    with tab_platform:
        fitted_table(breakdown_rows(a.by_platform, "platform", lg, lambda k: tr(f"results.platform.{k}")),
                     "results_by_platform")
    with tab_creator:
        fitted_table(breakdown_rows(a.by_creator, "creator", lg), "results_by_creator")

with tab_plan:
    if a.rec is None:
        st.info(tr("results.chart.no_plan"), icon=":material/info:")
    elif not a.rec.plan:
        st.info(tr("results.page.no_plan_lines"), icon=":material/info:")
    else:
        with st.expander(tr("phone.range_title"), icon=":material/straighten:"):
            st.caption(tr("results.page.vs_plan_note") + " " + tr("flow.range_meaning"))
        fitted_table(plan_rows(a, lg), "results_vs_plan")
        side_by_side(a, plan_chart, plan_sentence)

with tab_keep:
    with st.expander(tr("phone.rule_title"), icon=":material/rule:"):  # the rule in words, read once
        say(rule_text(a, lg))
        st.caption(tr("results.page.band_note"))
    fitted_table(creator_rows(a, lg), "results_keep", first=header(lg, "creator"))
    draw(efficiency_chart(a, lg))
    say(efficiency_sentence(a, lg))

with tab_weeks:
    if a.weeks:
        side_by_side(a, timeline_chart, timeline_sentence)
    else:
        st.info(tr("results.chart.no_dates"), icon=":material/calendar_month:")

# ---- 8. downloads ----------------------------------------------------------------------------------------
st.subheader(tr("results.page.downloads"))
key = f"{digest}|{brief_json}|{figures_json}|{lg}"
with st.container(horizontal=True, gap="small", key="results_downloads"):
    st.download_button(tr("results.page.pdf"), lambda: _pdf(key, a, lg),
                       file_name=f"{tr('results.page.file_stem')}.pdf", mime="application/pdf",
                       icon=":material/picture_as_pdf:", width="content", on_click="ignore", key="results_pdf")
    st.download_button(tr("results.page.xlsx"), lambda: to_xlsx(a, lg),
                       file_name=f"{tr('results.page.file_stem')}.xlsx",
                       mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                       icon=":material/grid_on:", width="content", on_click="ignore", key="results_xlsx")
