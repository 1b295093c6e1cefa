"""Compare: scenarios side by side, and a what-if map of the recommended strategy around the brief."""

from __future__ import annotations

import streamlit as st

from guide.advice.charts import compare_spec, describe_compare, describe_runs, describe_whatif, whatif_runs, whatif_spec
from guide.advice.models import AUDIENCES, GOALS
from guide.advice.whatif import compare, scenario_briefs, whatif_map
from ui import brief, chart_size, draw, figures, lang, money, page_guard, show_notices, tr

page_guard()

show_notices()
lg = lang()
b = brief()
size = chart_size()
st.title(tr("compare.title"))
st.markdown(tr("compare.lead"))

others = [g for g in GOALS if g != b.goal]
if st.session_state.get("cmp_goal") not in others:
    st.session_state["cmp_goal"] = others[0]
other = st.selectbox(tr("compare.other_goal"), others, key="cmp_goal", format_func=lambda g: tr(f"goal.{g}"),
                     placeholder=tr("common.choose"))
briefs = scenario_briefs(b, str(other))
recs = compare(briefs, lg, figures())
labels = {name: tr(f"compare.scenario.{name}") for name in briefs}

cols = st.columns(len(recs))
for col, (name, rec) in zip(cols, recs.items(), strict=True):
    with col.container(border=True):
        st.caption(labels[name])
        st.markdown(f"#### {tr(f'strategy.{rec.strategy}.name')}")
        st.markdown(tr("compare.card", budget=money(rec.brief.budget_idr), goal=tr(f"goal.{rec.brief.goal}"),
                       spend=money(rec.total_cost_idr), creators=sum(ln.count for ln in rec.plan)))
        if rec.planned_strategy != rec.strategy:
            planned = tr(f"strategy.{rec.planned_strategy}.name") if rec.planned_strategy else "—"
            st.caption(tr("compare.planned_as", strategy=planned))

draw(*compare_spec(recs, labels, lg, size), describe_compare(recs, labels, lg))

st.subheader(tr("compare.map_title"))
st.markdown(tr("charts.compare.map_help"))
cells = whatif_map(b, figures())
for audience in AUDIENCES:
    draw(*whatif_spec(cells, lg, b.budget_idr, b.goal, audience, size),
         describe_whatif(cells, lg, b.budget_idr, b.goal, audience))
    with st.expander(tr("charts.compare.map_table")):
        st.table([{tr("charts.compare.goal"): tr(f"goal.{g}"),
                   tr("charts.compare.runs"): describe_runs(whatif_runs(cells, g, audience), lg)} for g in GOALS])
