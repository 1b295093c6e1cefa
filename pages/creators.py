"""Creators: a roster (upload or the fictional sample) → problems → derived figures → an exact shortlist for the
recommended plan → briefs to send (editable) → PDF, Excel and CSV downloads."""

from __future__ import annotations

import hashlib
from typing import Any

import streamlit as st

from guide import recommend
from guide.creators.briefs import CreatorBrief, briefs_markdown, creator_briefs
from guide.creators.charts import chart_sentence, shortlist_chart
from guide.creators.roster import (
    MAX_FILE_BYTES,
    MAX_ROWS,
    ParsedRoster,
    RosterError,
    authenticity_rule,
    derive,
    parse_roster,
    problems_table,
    sample_roster,
    template_csv,
    template_xlsx,
)
from guide.creators.shortlist import Options, make_shortlist
from guide.reports.exports import csv_dialect
from guide.reports.recommendation import (
    briefs_pdf,
    plan_xlsx,
    recommendation_pdf,
    shortlist_csv,
    shortlist_frame,
    shortlist_pdf,
)
from guide.text.i18n import fmt_int, fmt_pct, t
from guide.text.safetext import plain_md
from guide.text.tabular import UPLOAD_CEILING_MB
from ui import brief, figures, lang, money, page_guard, show_notices, tr
from ui.state import kept_tabs
from ui.tables import fitted_table

page_guard()
show_notices()
lg = lang()
ss = st.session_state
rec = recommend(brief(), lang=lg, figures=figures())
edited = ss.get("figures")

st.title(tr("creators.page.title"))
st.caption(tr("creators.page.lead"))
st.markdown(tr("creators.page.for_plan", strategy=tr(f"strategy.{rec.strategy}.long"),
               total=money(rec.spend_idr), budget=money(rec.brief.budget_idr)))  # the Recommendation's planned spend

# --- 1. the roster ---------------------------------------------------------------------------------------------
st.subheader(tr("creators.page.roster"))
source = st.radio(tr("creators.page.source"), ["sample", "upload"], horizontal=True, key="creators_source",
                  format_func=lambda v: t(lg, f"creators.page.source_{v}"))
with st.expander(tr("phone.templates_title"), icon=":material/download:"):  # needed once, before an upload
    t1, t2, t3 = st.columns(3)
    t1.download_button(tr("creators.page.template_csv"), template_csv(lg),
                       file_name=tr("creators.page.template_name") + ".csv", mime="text/csv",
                       icon=":material/download:", on_click="ignore", width="stretch")
    t2.download_button(tr("creators.page.template_xlsx"), template_xlsx(lg),
                       file_name=tr("creators.page.template_name") + ".xlsx", on_click="ignore",
                       mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                       icon=":material/download:", width="stretch")
    t3.caption(tr("creators.page.template_help"))

parsed: ParsedRoster | None = None
if source == "upload":
    up = st.file_uploader(tr("creators.page.upload"), type=["csv", "xlsx"], key="creators_file",
                          help=tr("creators.page.upload_help", mb=MAX_FILE_BYTES // (1024 * 1024),
                                  rows=fmt_int(MAX_ROWS, lg)), max_upload_size=UPLOAD_CEILING_MB)
    st.caption(tr("creators.page.upload_help", mb=MAX_FILE_BYTES // (1024 * 1024), rows=fmt_int(MAX_ROWS, lg)))
    if up is not None:
        data = up.getvalue()
        digest = hashlib.sha256(data).hexdigest() + up.name
        cached = ss.get("creators_parsed")
        if isinstance(cached, tuple) and cached[0] == digest:
            parsed = cached[1]
        else:
            try:
                parsed = parse_roster(data, up.name)
                ss["creators_parsed"] = (digest, parsed)
            except RosterError as e:
                ss.pop("creators_parsed", None)
                st.error(e.problem.message(lg), icon=":material/error:")
    else:
        st.info(tr("creators.page.upload_prompt"), icon=":material/upload_file:")
else:
    parsed = sample_roster()
    st.caption(tr("creators.page.sample_note"))

if parsed is None:
    st.stop()

errors = sum(1 for p in parsed.problems if p.severity == "error")
warnings = len(parsed.problems) - errors
with st.container(horizontal=True, gap="medium", key="creators_counts"):  # one row on a phone too
    st.metric(tr("creators.page.rows"), fmt_int(len(parsed), lg), width="content")
    st.metric(tr("creators.page.rows_ok"), fmt_int(int(parsed.valid.sum()), lg), width="content")
    st.metric(tr("creators.page.problems"), f"{fmt_int(errors, lg)} / {fmt_int(warnings, lg)}",
              help=tr("creators.page.problems_help"), width="content")
if parsed.problems:
    st.warning(tr("creators.page.problems_lead", errors=fmt_int(errors, lg), warnings=fmt_int(warnings, lg)),
               icon=":material/rule:")
    rows = problems_table(parsed.problems, lg)
    st.dataframe([{tr("creators.page.p_row"): r["row"], tr("creators.page.p_column"): r["column"],
                   tr("creators.page.p_severity"): tr(f"creators.page.sev_{r['severity']}"),
                   tr("creators.page.p_message"): r["message"]} for r in rows],
                 hide_index=True, width="stretch", key="creators_problems")

# --- 2. filters and derived figures -------------------------------------------------------------------------------
# The filters fold, as a phone app's filter sheet does: all on by default, changed now and then.
with st.expander(tr("creators.page.filters"), icon=":material/filter_list:"):
    f1, f2 = st.columns(2)
    req_platform = f1.toggle(tr("creators.page.f_platform"), value=True, key="creators_f_platform")
    req_industry = f1.toggle(tr("creators.page.f_industry"), value=True, key="creators_f_industry")
    excl_flagged = f2.toggle(tr("creators.page.f_flagged"), value=True, key="creators_f_flagged")
    city = f2.text_input(tr("creators.page.f_city"), key="creators_f_city", max_chars=60,
                         placeholder=tr("creators.page.f_city_ph")).strip() or None
options = Options(require_platform=req_platform, require_industry=req_industry, city=city,
                  exclude_flagged=excl_flagged)
df = derive(parsed, figures(), rec.brief, city=city)

with st.expander(tr("creators.page.derived"), expanded=False):
    shown = df.head(1000)
    st.dataframe({
        tr("creators.page.p_row"): shown["row"], tr("creators.col.name"): shown["name"],
        tr("creators.col.platform"): shown["platform"], tr("creators.page.d_kind"): [
            tr(f"kind.{k}") for k in shown["line_kind"]],
        tr("creators.col.followers"): shown["followers"],
        tr("creators.page.d_er"): [f"{fmt_pct(v, lg, 2)} ({tr(f'creators.page.er_{b}')})"
                                   for v, b in zip(shown["engagement_rate"], shown["er_basis"], strict=True)],
        tr("creators.col.fee_idr"): [money(v) + (" *" if e else "")
                                     for v, e in zip(shown["fee_idr"], shown["fee_estimated"], strict=True)],
        tr("creators.page.d_auth"): [tr(f"creators.page.auth_{a}") for a in shown["authenticity"]],
        tr("creators.page.d_fit"): [tr("creators.page.fit_text", industry=tr(f"creators.page.fit_{i}"),
                                       platform=tr("creators.page.fit_yes" if p else "creators.page.fit_no"))
                                    for i, p in zip(shown["industry_fit"], shown["platform_fit"], strict=True)],
    }, hide_index=True, width="stretch", key="creators_derived")
    if len(df) > 1000:
        st.caption(tr("creators.page.derived_more", n=fmt_int(len(df), lg)))
    st.caption(tr("creators.page.fee_note"))
    st.caption(authenticity_rule(lg, figures()))

# --- 3. the shortlist -------------------------------------------------------------------------------------------
st.subheader(tr("creators.page.shortlist"))
short = make_shortlist(df, rec, lg, options)
if short.status == "optimal" and short.selected:
    st.success(short.message, icon=":material/check_circle:")
elif short.status in ("no_plan", "empty_roster", "none_eligible"):
    st.warning(short.message, icon=":material/warning:")
else:
    st.info(short.message, icon=":material/info:")
with st.expander(tr("phone.method_title"), icon=":material/function:"):
    st.caption(tr(f"creators.page.method_{short.objective}"))
    for note in short.notes:  # the goal's objective, the region, expertise, doctors (may quote the brief's region)
        st.caption(plain_md(note))

if short.lines:
    fitted_table([{tr("plan.kind"): tr(f"kind.{ln.kind}"), tr("creators.report.planned"): ln.planned,
                   tr("creators.report.filled"): ln.filled, tr("plan.cost"): money(ln.planned_cost_idr),
                   tr("creators.report.spent"): money(ln.cost_idr), tr("creators.page.eligible"): ln.eligible}
                  for ln in short.lines], "creators_lines")
for ln in short.lines:
    if ln.missing > 0:
        st.markdown(f"**{tr('creators.report.missing_line', kind=tr(f'kind.{ln.kind}'), n=fmt_int(ln.missing, lg))}**")
        with st.expander(tr("phone.relax_title"), icon=":material/tune:"):  # what would fill the line
            st.markdown("\n".join(f"- {r}" for r in ln.relax))

# The picks, their chart and the briefs as tabs: a phone scrolls through one at a time (issue 21: at most 3 screens;
# the page was 3.4 at 390 px with them stacked)
view_tabs = kept_tabs("creators_view", [tr("creators.page.picks_tab"), tr("creators.page.chart_tab"),
                                        tr("creators.page.briefs_tab")] if short.selected
                      else [tr("creators.page.briefs_tab")], lg)
tab_briefs = view_tabs[-1]
spec: dict[str, Any] = {}
if short.selected:
    tab_picks, tab_chart = view_tabs[0], view_tabs[1]
    sf = shortlist_frame(short, lg)
    with tab_picks:
        fitted_table({
            tr("creators.page.p_row"): sf["row"], tr("creators.col.name"): sf["name"],
            tr("creators.col.handle"): sf["handle"], tr("plan.kind"): [tr(f"kind.{k}") for k in sf["kind"]],
            tr("creators.col.fee_idr"): [money(v) + (" *" if e else "")
                                         for v, e in zip(sf["fee_idr"], sf["fee_estimated"], strict=True)],
            tr(f"creators.report.value_{short.objective}"): sf[
                "expected_reach" if short.objective == "reach" else "expected_engagements"],
            tr("creators.page.why"): sf["why"],
        }, "creators_selected", first=tr("creators.col.name"))
    chart = shortlist_chart(df, short, lg, options)
    spec = chart.to_dict(validate=False)
    with tab_chart:
        # On screen the plot is 200 px high (the PDF keeps the builder's 300): with its title, axes and legend the
        # chart and the sentence under it share one phone screen.
        st.vega_lite_chart({**spec, "height": 200}, width="stretch", height=int(spec["usermeta"]["height_px"]) - 60)
        st.caption(chart_sentence(df, short, lg, options))

def _edit_key(cb: CreatorBrief, key: str, text: str) -> str:
    tag = hashlib.sha1(text.encode(), usedforsecurity=False).hexdigest()[:10]
    return f"{lg}|{cb.key}|{key}|{tag}"


# --- 4. briefs to send (the last tab above) --------------------------------------------------------------------
with tab_briefs:
    st.caption(tr("creators.page.briefs_help"))
    start_day = st.date_input(tr("deliver.page.start"), value=None, key="creators_start", format="DD/MM/YYYY",
                              help=tr("deliver.page.start_help"))
    # One brief per shortlisted creator can be dozens: the page edits one at a time (a select box), and keeps
    # every edit in session state by (language, brief, section, generated text), so a changed plan never
    # inherits stale text.
    generated = creator_briefs(rec, lg, shortlist=short, start=start_day)
    edits: dict[str, str] = st.session_state.setdefault("creators_brief_edits", {})
    if generated:
        pick = st.selectbox(tr("deliver.page.pick_brief", n=len(generated)), range(len(generated)),
                            format_func=lambda i: generated[i].title, key=f"creators_brief_pick_{lg}")
        shown_brief = generated[pick or 0]
        # The sections fold: a brief is two phone screens of text, read and edited on demand, sent as PDF or
        # Markdown.
        with st.expander(tr("phone.brief_edit_title", n=len(shown_brief.sections)), icon=":material/edit_note:"):
            for sec in shown_brief.sections:
                ek = _edit_key(shown_brief, sec.key, sec.text)
                text = st.text_area(sec.heading, value=edits.get(ek, sec.text), key=f"creators_cb_{ek}",
                                    height="content", max_chars=4000)
                if text.strip() and text != sec.text:
                    edits[ek] = text
                else:
                    edits.pop(ek, None)
    briefs: list[CreatorBrief] = []
    for cb in generated:
        for sec in cb.sections:
            if (edited_text := edits.get(_edit_key(cb, sec.key, sec.text))) is not None:
                cb = cb.with_text(sec.key, edited_text)
        briefs.append(cb)
    if not briefs:
        st.info(tr("plan.empty"), icon=":material/info:")
    else:
        edited_briefs = tuple(briefs)
        brief_downloads = st.container(horizontal=True, gap="small", key="creators_brief_downloads")
        brief_downloads.download_button(tr("deliver.page.dl_briefs_pdf"), lambda: briefs_pdf(edited_briefs, lg),
                                        file_name=tr("deliver.page.file_briefs") + ".pdf", mime="application/pdf",
                                        icon=":material/picture_as_pdf:", on_click="ignore", width="content",
                                        key="creators_dl_briefs_pdf")
        brief_downloads.download_button(tr("deliver.page.dl_briefs_md"), lambda: briefs_markdown(edited_briefs, lg),
                                        file_name=tr("deliver.page.file_briefs") + ".md", mime="text/markdown",
                                        icon=":material/description:", on_click="ignore", width="content",
                                        key="creators_dl_briefs_md")

# --- 4. downloads -----------------------------------------------------------------------------------------------
st.subheader(tr("creators.page.downloads"))
sep, dec = csv_dialect(lg)
st.caption(tr("creators.page.csv_note", sep=sep, dec=dec))
chart_for_pdf = spec if short.selected else None
frozen_briefs = tuple(briefs)


def _shortlist_pdf() -> bytes:
    return shortlist_pdf(rec, short, frozen_briefs, lg, chart_spec=chart_for_pdf)


def _recommendation_pdf() -> bytes:
    return recommendation_pdf(rec, lg, figures_edited=edited)


def _xlsx() -> bytes:
    return plan_xlsx(rec, lg, short, figures_edited=edited)


def _csv() -> str:
    return shortlist_csv(short, lg)


downloads = st.container(horizontal=True, gap="small", key="creators_downloads")  # they wrap, two to a phone row
downloads.download_button(tr("creators.page.dl_shortlist_pdf"), _shortlist_pdf,
                          file_name=tr("creators.page.file_shortlist") + ".pdf", mime="application/pdf",
                          icon=":material/picture_as_pdf:", on_click="ignore",
                          width="content", key="creators_dl_pdf")
downloads.download_button(tr("creators.page.dl_rec_pdf"), _recommendation_pdf, file_name=tr("creators.page.file_rec")
                          + ".pdf", mime="application/pdf", icon=":material/picture_as_pdf:", on_click="ignore",
                          width="content", key="creators_dl_rec")
downloads.download_button(tr("creators.page.dl_xlsx"), _xlsx, file_name=tr("creators.page.file_shortlist") + ".xlsx",
                          mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                          icon=":material/table_view:", on_click="ignore", width="content", key="creators_dl_xlsx")
downloads.download_button(tr("creators.page.dl_csv"), _csv, file_name=tr("creators.page.file_shortlist") + ".csv",
                          mime="text/csv", icon=":material/table:", on_click="ignore", width="content",
                          key="creators_dl_csv")

# The way on: back to the recommendation, or on to the results after the campaign.
with st.container(horizontal=True, gap="small", key="creators_next"):
    st.page_link("pages/recommendation.py", label=tr("flow.back_to_rec"), icon=":material/arrow_back:")
    st.page_link("pages/results.py", label=tr("flow.next.results"), icon=":material/insights:")
