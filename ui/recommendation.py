"""The Recommendation page's view: pages/recommendation.py calls `show()`. The brief it answers, the strategy
and its score, why (for / against), the costed plan, warnings and next steps, share and downloads. Long parts
fold into tabs so a phone scrolls about four screens. Every figure comes from guide.recommend."""

from __future__ import annotations

from urllib.parse import urlencode

import pyarrow as pa  # type: ignore[import-untyped]
import streamlit as st

from guide import Recommendation, knowledge, recommend
from guide.advice.assumptions import figure_changes
from guide.advice.brief_io import brief_to_params, share_carries_figures
from guide.advice.models import CampaignBrief, Reason, SourceRef
from guide.reports.exports import to_csv, to_json, to_markdown
from guide.reports.recommendation import plan_xlsx, recommendation_pdf
from guide.text.i18n import fmt_decimal, fmt_int, fmt_pct, fmt_range
from ui import brief, browser, chart, figures, figures_edited, lang, money, plain, show_notices, tr, tr_first
from ui.state import kept_tabs
from ui.text import translator
from ui.wizard import DESCRIPTORS, STEPS, open_step

# Advisories that say how the plan's numbers are counted or how to staff it (not a rule to keep): folded in the tab.
COUNTING_NOTES = frozenset({"cost-band", "reserve", "koc-cost", "reach-basis", "tier-scheme", "unallocated",
                            "kol-fee-assumption", "capacity", "management", "management-agency",
                            "management-at-planning"})


def score_text(r: Recommendation) -> str:
    return tr("rec.score_of", score=f"{r.scores[r.strategy]:.0f}")


def brief_items(b: CampaignBrief) -> list[tuple[str, str, str]]:
    """(field, label: value, wizard step) for each answer worth showing; user text made Markdown-safe."""
    items = [
        ("goal", tr(f"goal.{b.goal}") + (f" + {tr(f'goal.{b.secondary_goal}')}" if b.secondary_goal else ""), "goal"),
        ("budget_idr", money(b.budget_idr), "budget"),
        ("audience", tr(f"audience.{b.audience}"), "audience"),
        ("industry", tr(f"industry.{b.industry}"), "audience"),
        ("platforms", ", ".join(tr(f"platform.{p}") for p in b.platforms) or "—", "channels"),
        ("duration_weeks", tr("rec.weeks_value", n=fmt_int(b.duration_weeks, lang())), "timing"),
    ]
    # Audience descriptors (added to CampaignBrief by the input helper): shown when the brief has them.
    ages = getattr(b, "age_bands", None)
    if ages:
        items.append(("age_bands", ", ".join(tr_first(f"input.age_band.{a}", f"rec.descriptor.{a}") for a in ages),
                      "audience"))
    gender = getattr(b, "gender", None)
    if gender:
        items.append(("gender", tr_first(f"input.gender.{gender}", f"rec.descriptor.{gender}"), "audience"))
    for field in ("region", "product_description"):
        value = getattr(b, field, None)
        if value:
            items.append((field, plain(str(value)), "audience"))
    return items


def left_over(rec: Recommendation) -> str:
    """What is left of the budget after the reserve and the plan, and why (the engine's reason from 5 % of
    the budget; below it, too little for one more creator)."""
    if rec.unallocated_text:
        return rec.unallocated_text
    return tr("rec.unallocated_line", left=money(rec.unallocated_idr))


def field_label(field: str) -> str:
    if field in DESCRIPTORS:
        return tr_first(f"input.field.{field}", f"rec.descriptor.{field}")
    return tr(f"field.{field}")


def decimal(x: float) -> str:
    """One decimal, in the language's format; a whole number without it (7,5 / 7.5; 12)."""
    lg = lang()
    return fmt_int(x, lg) if float(x).is_integer() else fmt_decimal(x, lg, 1)


def points(x: float) -> str:
    return tr("rec.points", points=("+" if x > 0 else "-" if x < 0 else "") + decimal(abs(round(x, 1))))


def source_line(src: SourceRef) -> str:
    """A source by title (publisher, link where known) and the passage the rule rests on."""
    name = f"[{src.title}]({src.url})" if src.url else src.title  # the title is in the recommendation's language
    if src.publisher:
        name += f" — {src.publisher}"
    return tr("common.source_passage", source=name, passage=src.passage) if src.passage else tr("common.source",
                                                                                                 source=name)


def share_query(b: CampaignBrief) -> str:
    """The share link's query: the brief and language, plus the edited figures when they fit in a link."""
    return urlencode(brief_to_params(b, lang(), figures=figures()), safe=",~")


def grouped_reasons(rec: Recommendation) -> tuple[list[tuple[float, Reason]], list[tuple[float, Reason]], str]:
    """Reasons for and against, strongest first, each with its points; reasons that add nothing are left out.
    Points and direction are the engine's, relative to the planned strategy (the best fit when nothing is planned)."""
    about: str = rec.planned_strategy or rec.strategy
    scored = [(r.points, r) for r in rec.reasons if r.direction != "neutral"]
    pro = sorted([x for x in scored if x[0] > 0], key=lambda x: -x[0])
    con = sorted([x for x in scored if x[0] < 0], key=lambda x: x[0])
    return pro, con, about


SHOWN_REASONS = 3  # the strongest reasons on each side in sight; the rest one tap away (a phone screen each)


def reasons(title: str, rs: list[tuple[float, Reason]]) -> None:
    st.markdown(f"#### {title}")
    if not rs:
        st.caption(tr("rec.reasons_none"))

    def one(eff: float, r: Reason) -> None:
        tail = f" ({tr('rec.favours', strategy=tr(f'strategy.{r.favours}.name'))})" if eff < 0 and r.favours else ""
        # The reason, then its source as a caption-like second line of the same element (one element, not two).
        st.markdown(f"**{points(eff)} · {r.label}** — {r.text}{tail}  \n:gray[:small[{source_line(r.source)}]]")

    for eff, r in rs[:SHOWN_REASONS]:
        one(eff, r)
    if len(rs) > SHOWN_REASONS:
        with st.expander(tr("phone.more_reasons", n=len(rs) - SHOWN_REASONS)):
            for eff, r in rs[SHOWN_REASONS:]:
                one(eff, r)


def show() -> None:
    """The page, top to bottom."""
    show_notices()
    lg = lang()
    tr = translator(lg)  # this run's language, asked once
    rec = recommend(brief(), lang=lg, figures=figures())
    b = rec.brief
    # --- Headline: the strategy, its score, the brief it answers -------------------------------------------------
    st.caption(tr("rec.kicker") + (f" · {plain(b.name)}" if b.name else ""))
    if b.budget_idr <= 0:  # nothing to plan or score: ask for the budget instead of a score with no reasons
        st.title(tr("flow.no_budget.title"))
        st.info(tr("flow.no_budget.text"), icon=":material/payments:")
        if st.button(tr("flow.no_budget.button"), type="primary", icon=":material/edit:", key="no_budget_edit"):
            open_step(STEPS.index("budget"))
            st.session_state["from_recommendation"] = True
            st.switch_page("pages/brief.py")
        st.stop()
    # What is planned comes first: when the budget cannot fund the best fit, the title is the planned strategy and
    # the summary says why (the engine's headline and summary).
    st.title(tr(f"strategy.{rec.planned_strategy or rec.strategy}.long"))
    st.markdown(f"**{rec.summary}**")
    with st.container(horizontal=True, gap="small", key="rec_numbers"):  # side by side, one row on a phone too
        st.metric(tr("rec.score"), score_text(rec), width="content")
        st.metric(tr("rec.runner_up"), tr(f"strategy.{rec.runner_up}.name"), width="content",
                  delta=tr("rec.margin", margin=decimal(rec.margin)), delta_color="off", delta_arrow="off")
        st.metric(tr("rec.planned_spend"), money(rec.spend_idr), width="content",  # creators + any agency fee
                  delta=tr("rec.of_budget", budget=money(b.budget_idr)), delta_color="off", delta_arrow="off")

    with st.container(border=True, key="brief_summary"):
        st.markdown(f"**{tr('rec.brief_title')}**")
        st.caption(tr("rec.brief_help"))
        with st.container(horizontal=True, gap="small"):
            for field, value, step in brief_items(b):
                if st.button(f"{field_label(field)}: {value}", key=f"edit_{field}", icon=":material/edit:",
                             help=tr("rec.edit_item", step=tr(f"brief.step.{step}")), width="content"):
                    open_step(STEPS.index(step))
                    st.session_state["from_recommendation"] = True  # the Brief page offers the way back
                    st.switch_page("pages/brief.py")

    # --- The way forward: creators, results, the files for the boss ---------------------------------------------
    with st.container(horizontal=True, gap="small", key="rec_next"):
        st.page_link("pages/creators.py", label=tr("flow.next.creators"), icon=":material/groups:")
        st.page_link("pages/results.py", label=tr("flow.next.results"), icon=":material/insights:")
        st.download_button(tr("rec.download_pdf"), lambda: recommendation_pdf(
            rec, lg, figures_edited=figures() if figures_edited() else None),
            file_name=tr("rec.file_name") + ".pdf", mime="application/pdf", on_click="ignore",
            icon=":material/picture_as_pdf:", width="content", key="rec_next_pdf")
        st.download_button(tr("rec.download_xlsx"), lambda: plan_xlsx(rec, lg), file_name=tr("rec.file_name") + ".xlsx",
                           mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", on_click="ignore",
                           icon=":material/table_view:", width="content", key="rec_next_xlsx")

    if figures_edited():
        changes = figure_changes(knowledge().figures, figures(), lg)
        with st.container(key="figures_banner"):
            st.warning(tr("rec.figures_edited") + "\n\n" + "\n".join(f"- {c}" for c in changes[:12]), icon=":material/edit:")
            st.page_link("pages/assumptions.py", label=tr("rec.figures_open"), icon=":material/tune:")

    for w in rec.warnings:
        if w.code in ("budget-too-small", "close-call"):
            st.warning(w.text, icon=":material/warning:")
    # The legal rules that apply, named in one line and unfolded on demand (in full, with sources, in the warnings tab):
    # in full here they took more than half a phone screen above the tabs.
    legal = [w for w in rec.warnings if w.code.startswith("compliance-")]
    if legal:
        names = ", ".join(tr_first(f"phone.rule_name.{w.code}", "rec.warnings") for w in legal)
        with st.expander(tr("phone.rules_title", n=len(legal), names=names), icon=":material/gavel:"):
            for w in legal:
                st.warning(w.text, icon=":material/warning:")

    why_tab, plan_tab, warn_tab, share_tab = kept_tabs("rec", [tr("rec.tab_why"), tr("rec.tab_plan"),
                                                                 tr("rec.tab_warnings"), tr("rec.tab_share")], lg)

    # --- Why: reasons for and against the winner, with their points; the charts -----------------------------------
    with why_tab:
        st.subheader(tr("rec.why"))
        pro, con, about = grouped_reasons(rec)
        name = tr(f"strategy.{about}.name")
        left, right = st.columns(2)
        with left:
            reasons(tr("rec.reasons_for", strategy=name), pro)
        with right:
            reasons(tr("rec.reasons_against", strategy=name), con)
        with st.expander(tr("rec.charts_title"), icon=":material/bar_chart:"):  # the reasons above, drawn
            chart("scores", rec, lg)
            chart("why", rec, lg)

    # --- Plan: a table on wide screens, cards on a phone (the frame's CSS shows one of them) ------------------------
    with plan_tab:
        st.subheader(tr("rec.plan"))
        if rec.planned_strategy and rec.planned_strategy != rec.strategy:
            st.info(tr("rec.planned_as", strategy=tr(f"strategy.{rec.planned_strategy}.long")), icon=":material/info:")
        if rec.plan:
            with st.container(key="plan_table"):
                st.dataframe(
                    pa.Table.from_pylist([{
                        tr("plan.phase"): ln.phase,
                        tr("plan.kind"): tr(f"kind.{ln.kind}"),
                        tr("plan.count"): fmt_int(ln.count, lg),
                        tr("plan.unit_cost"): money(ln.unit_cost_idr),
                        tr("plan.cost"): money(ln.cost_idr),
                        tr("plan.cost_band"): fmt_range(ln.cost_band.low, ln.cost_band.high, lg, money=True),
                        tr("plan.reach"): fmt_range(ln.reach.low, ln.reach.high, lg),
                        tr("plan.engagements"): fmt_range(ln.engagements.low, ln.engagements.high, lg),
                        tr("plan.weeks"): f"{ln.start_week}–{ln.end_week}",
                    } for ln in rec.plan]),
                    hide_index=True, width="stretch",
                )
            with st.container(key="plan_cards"):
                for ln in rec.plan:
                    with st.container(border=True):
                        st.markdown(tr("rec.card_line", phase=ln.phase, kind=tr(f"kind.{ln.kind}"),
                                       count=fmt_int(ln.count, lg)))
                        st.markdown(tr("rec.card_cost", cost=money(ln.cost_idr),
                                       band=fmt_range(ln.cost_band.low, ln.cost_band.high, lg, money=True)) + "  \n"
                                    + tr("rec.card_weeks", weeks=f"{ln.start_week}–{ln.end_week}") + "  \n"
                                    + tr("rec.card_reach", reach=fmt_range(ln.reach.low, ln.reach.high, lg),
                                         engagements=fmt_range(ln.engagements.low, ln.engagements.high, lg)))
            st.markdown(tr("rec.total", total=money(rec.total_cost_idr), budget=money(b.budget_idr)))
            if rec.agency_fee_idr:
                st.markdown(f"{tr('deliver.pdf.agency_fee')}: **{money(rec.agency_fee_idr)}**")
            st.markdown(tr("rec.reserve_line", reserve=money(rec.reserve_idr),
                           share=fmt_pct(figures().reserve_share.value * 100, lg, 0))
                        + (" " + left_over(rec) if rec.unallocated_idr else ""))
            st.markdown(tr("rec.reach_total", reach=fmt_range(rec.reach_total.low, rec.reach_total.high, lg),
                           engagements=fmt_range(rec.engagements_total.low, rec.engagements_total.high, lg)))
            p1, p2 = st.columns(2)
            with p1:
                chart("allocation", rec, lg)
            with p2:
                chart("timeline", rec, lg)
        else:
            st.info(tr("plan.empty"), icon=":material/info:")
        with st.expander(tr("rec.tiers_title"), icon=":material/scatter_plot:"):
            if rec.plan:
                st.caption(tr("rec.plan_basis"))  # how the plan's counts, costs and reach are worked out
            chart("tiers", figures(), lg)
            st.caption(tr("rec.tiers_caption"))

    # --- Warnings and next steps ----------------------------------------------------------------------------------
    with warn_tab:
        st.subheader(tr("rec.warnings"))
        notes = [w for w in rec.warnings if w.code in COUNTING_NOTES]
        for w in rec.warnings:
            if w not in notes:
                st.markdown(f"- {w.text}{' — ' + source_line(w.source) if w.source else ''}")
        if notes:  # how the plan's numbers are counted: read on demand
            with st.expander(tr("phone.notes_title", n=len(notes)), icon=":material/calculate:"):
                for w in notes:
                    st.markdown(f"- {w.text}{' — ' + source_line(w.source) if w.source else ''}")
        # The next steps fold, like the counting notes: the warnings are what this tab is for (a phone read 3.7
        # screens with both open; issue 21 asks for at most 3).
        with st.expander(f"{tr('rec.next')} ({len(rec.next_steps)})", icon=":material/checklist:"):
            for i, s in enumerate(rec.next_steps, 1):
                st.markdown(f"{i}. {s}")

    # --- Share and download ---------------------------------------------------------------------------------------
    with share_tab:
        st.subheader(tr("rec.share"))
        base = (st.context.url or "").split("?")[0]
        query = share_query(b)
        with st.container(key="share_link"):
            st.code(f"{base}?{query}", language=None, wrap_lines=True)
        browser.copy_button("share_link", tr("rec.copy"), tr("rec.copied"), tr("rec.copy_failed"))
        st.caption(tr("rec.share_help"))
        if figures_edited():  # say plainly whether the link carries the edited figures
            if share_carries_figures(figures()):
                st.info(tr("input.share.figures_carried"), icon=":material/link:")
            else:
                st.warning(tr("input.share.figures_not_carried"), icon=":material/link_off:")
        st.subheader(tr("rec.downloads"))
        edited = figures() if figures_edited() else None
        p1, p3, p2 = st.columns(3)
        p1.download_button(tr("rec.download_pdf"), lambda: recommendation_pdf(rec, lg, figures_edited=edited),
                           file_name=tr("rec.file_name") + ".pdf", mime="application/pdf", on_click="ignore",
                           icon=":material/picture_as_pdf:", width="stretch", key="rec_dl_pdf")
        p3.download_button(tr("deliver.page.dl_appendix"),
                           lambda: recommendation_pdf(rec, lg, figures_edited=edited, appendix=True),
                           file_name=tr("rec.file_name") + "-lampiran.pdf", mime="application/pdf", on_click="ignore",
                           icon=":material/picture_as_pdf:", width="stretch", key="rec_dl_pdf_appendix")
        p2.download_button(tr("rec.download_xlsx"), lambda: plan_xlsx(rec, lg, figures_edited=edited),
                           file_name=tr("rec.file_name") + ".xlsx",
                           mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", on_click="ignore",
                           icon=":material/table_view:", width="stretch", key="rec_dl_xlsx")
        d1, d2, d3 = st.columns(3)
        # Built when clicked, like the PDF and the workbook: a rerun does not write three files nobody asked for.
        d1.download_button(tr("download.markdown"), lambda: to_markdown(rec, lg), file_name="rencana-kreator.md",
                           mime="text/markdown", icon=":material/description:", width="stretch", on_click="ignore",
                           key="rec_dl_md")
        d2.download_button(tr("download.csv"), lambda: to_csv(rec, lg), file_name="rencana-kreator.csv", mime="text/csv",
                           icon=":material/table:", width="stretch", on_click="ignore", key="rec_dl_csv")
        d3.download_button(tr("download.json"), lambda: to_json(rec), file_name="brief.json", mime="application/json",
                           icon=":material/data_object:", width="stretch", on_click="ignore", key="rec_dl_json")
