"""Compare: scenarios side by side, and a what-if map of the recommended strategy around the brief."""

from __future__ import annotations

import streamlit as st

from guide.advice.charts import compare_spec, describe_compare, describe_runs, describe_whatif, whatif_runs, whatif_spec
from guide.advice.models import AUDIENCES, GOALS
from guide.advice.whatif import compare, scenario_briefs, whatif_map
from guide.text.i18n import fmt_int, fmt_range
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



def difference(name: str) -> str:
    """What this scenario changes against the current brief, in words (the bars alone can look the same)."""
    now, then = recs["current"], recs[name]
    if name == "current":
        return tr("flow.diff.current")
    n_now, n_then = sum(ln.count for ln in now.plan), sum(ln.count for ln in then.plan)
    parts = [tr("flow.diff.strategy_same", strategy=tr(f"strategy.{then.strategy}.name")) if then.strategy == now.strategy
             else tr("flow.diff.strategy_changed", old=tr(f"strategy.{now.strategy}.name"),
                     new=tr(f"strategy.{then.strategy}.name"))]
    if then.spend_idr != now.spend_idr:
        parts.append(tr("flow.diff.spend", old=money(now.spend_idr), new=money(then.spend_idr)))
    if n_then != n_now:
        parts.append(tr("flow.diff.creators", old=fmt_int(n_now, lg), new=fmt_int(n_then, lg)))
    if (then.reach_total.low, then.reach_total.high) != (now.reach_total.low, now.reach_total.high):
        parts.append(tr("flow.diff.reach", old=fmt_range(now.reach_total.low, now.reach_total.high, lg),
                        new=fmt_range(then.reach_total.low, then.reach_total.high, lg)))
    if len(parts) == 1 and then.strategy == now.strategy:
        parts.append(tr("flow.diff.same_plan"))
    return " ".join(parts)


cols = st.columns(len(recs))
for col, (name, rec) in zip(cols, recs.items(), strict=True):
    with col.container(border=True):
        st.caption(labels[name])
        st.markdown(f"#### {tr(f'strategy.{rec.strategy}.name')}")
        st.markdown(tr("compare.card", budget=money(rec.brief.budget_idr), goal=tr(f"goal.{rec.brief.goal}"),
                       spend=money(rec.spend_idr), creators=sum(ln.count for ln in rec.plan)))
        st.markdown(f"**{difference(name)}**")
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
