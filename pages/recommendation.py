"""Recommendation: the strategy, why, warnings, the costed plan, charts, next steps, share and downloads."""

from __future__ import annotations

from urllib.parse import urlencode

import streamlit as st

from guide import recommend
from guide.briefio import brief_to_params
from guide.charts import allocation_chart, scores_chart, tiers_chart, timeline_chart, why_chart
from guide.exports import md_escape, to_csv, to_json, to_markdown
from guide.i18n import fmt_int, fmt_range
from pages._common import brief, chart, figures, lang, money, page_guard, show_notices, tr

page_guard()

show_notices()
lg = lang()
rec = recommend(brief(), lang=lg, figures=figures())
b = rec.brief

st.caption(tr("rec.kicker") + (f" · {md_escape(b.name)}" if b.name else ""))
st.title(tr(f"strategy.{rec.strategy}.long"))
st.markdown(f"### {rec.summary}")
c1, c2, c3 = st.columns(3)
c1.metric(tr("rec.score"), f"{rec.scores[rec.strategy]:.0f} / 100")
c2.metric(tr("rec.runner_up"), tr(f"strategy.{rec.runner_up}.name"),
          delta=tr("rec.margin", margin=f"{rec.margin:.1f}"), delta_color="off", delta_arrow="off")
c3.metric(tr("rec.planned_spend"), money(rec.total_cost_idr), delta=tr("rec.of_budget", budget=money(b.budget_idr)),
          delta_color="off", delta_arrow="off")

if st.button(tr("rec.edit"), icon=":material/edit_note:"):
    st.switch_page("pages/brief.py")

for w in rec.warnings:
    if w.code in ("budget-too-small", "close-call") or w.code.startswith("compliance-"):
        st.warning(w.text, icon=":material/warning:")

left, right = st.columns(2)
with left:
    chart("scores", lambda: scores_chart(rec, lg), rec, lg)
with right:
    chart("why", lambda: why_chart(rec, lg), rec, lg)

st.subheader(tr("rec.why"))
for r in rec.reasons:
    eff = r.effects.get(rec.strategy, 0)
    badge = f"{eff:+.1f}".replace(".0", "") if eff else "·"
    with st.container():
        st.markdown(f"**{badge} · {r.label}** — {r.text}")
        st.caption(tr("common.source_passage", source=r.source.title, passage=r.source.passage))

st.subheader(tr("rec.plan"))
if rec.planned_strategy and rec.planned_strategy != rec.strategy:
    st.info(tr("rec.planned_as", strategy=tr(f"strategy.{rec.planned_strategy}.long")), icon=":material/info:")
if rec.plan:
    st.dataframe(
        [{
            tr("plan.phase"): ln.phase,
            tr("plan.kind"): tr(f"kind.{ln.kind}"),
            tr("plan.count"): fmt_int(ln.count, lg),
            tr("plan.unit_cost"): money(ln.unit_cost_idr),
            tr("plan.cost"): money(ln.cost_idr),
            tr("plan.cost_band"): fmt_range(ln.cost_band.low, ln.cost_band.high, lg, money=True),
            tr("plan.reach"): fmt_range(ln.reach.low, ln.reach.high, lg),
            tr("plan.engagements"): fmt_range(ln.engagements.low, ln.engagements.high, lg),
            tr("plan.weeks"): f"{ln.start_week}–{ln.end_week}",
        } for ln in rec.plan],
        hide_index=True, width="stretch",
    )
    st.markdown(tr("rec.total", total=money(rec.total_cost_idr), budget=money(b.budget_idr)))
    st.caption(tr("rec.plan_basis"))
    p1, p2 = st.columns(2)
    with p1:
        chart("allocation", lambda: allocation_chart(rec, lg), rec, lg)
    with p2:
        chart("timeline", lambda: timeline_chart(rec, lg), rec, lg)
else:
    st.info(tr("plan.empty"), icon=":material/info:")

chart("tiers", lambda: tiers_chart(figures(), lg), figures(), lg)
st.caption(tr("rec.tiers_caption"))

st.subheader(tr("rec.warnings"))
for w in rec.warnings:
    src = f" — {tr('common.source', source=w.source.title)}" if w.source else ""
    st.markdown(f"- {w.text}{src}")

st.subheader(tr("rec.next"))
for i, s in enumerate(rec.next_steps, 1):
    st.markdown(f"{i}. {s}")

st.subheader(tr("rec.share"))
base = (st.context.url or "").split("?")[0]
query = urlencode(brief_to_params(b, lg), safe=",")
st.code(f"{base}?{query}", language=None, wrap_lines=True)
st.caption(tr("rec.share_help"))
d1, d2, d3 = st.columns(3)
d1.download_button(tr("download.markdown"), to_markdown(rec, lg), file_name="rencana-kreator.md",
                   mime="text/markdown", icon=":material/description:", width="stretch")
d2.download_button(tr("download.csv"), to_csv(rec, lg), file_name="rencana-kreator.csv", mime="text/csv",
                   icon=":material/table:", width="stretch")
d3.download_button(tr("download.json"), to_json(rec), file_name="brief.json", mime="application/json",
                   icon=":material/data_object:", width="stretch")
