"""Reference Recommendation page: the same elements as pages/recommendation.py, from constant data."""

from urllib.parse import urlencode

import streamlit as st

from bench.reference_common import (
    LABELS,
    PLAN,
    RULES,
    VARIANTS,
    allocation_chart,
    lang,
    scores_chart,
    share_params,
    show,
    tiers_chart,
    timeline_chart,
    variant,
    why_chart,
)

v, lg = variant(), lang()
st.caption(f"Reference · {VARIANTS[v]}")
st.title(f"{LABELS[lg]['title']}: {VARIANTS[v]}")
st.markdown(f"### Constant summary for variant {VARIANTS[v]} ({lg})")
c1, c2, c3 = st.columns(3)
c1.metric("Score", f"{60 + v} / 100")
c2.metric("Runner-up", LABELS[lg]["s"][(v + 1) % 4], delta="margin 4.2", delta_color="off", delta_arrow="off")
c3.metric("Spend", f"Rp {50 + v}.000.000", delta="of Rp 50.000.000", delta_color="off", delta_arrow="off")
if st.button("Change answers", icon=":material/edit_note:"):
    st.switch_page("reference_pages/brief.py")
left, right = st.columns(2)
with left:
    show(scores_chart(v, lg))
with right:
    show(why_chart(v, lg))
st.subheader("Why")
for i, r in enumerate(RULES):
    with st.container():
        st.markdown(f"**+{i + v} · {r}** — constant reason text for the reference page.")
        st.caption(f"Source: article {i}, passage {v}")
st.subheader("Plan")
st.dataframe(
    [{"Phase": p, "Kind": f"{k} {lg}", "Count": str(n + v), "Unit cost": f"Rp {c // max(n, 1):,}",
      "Cost": f"Rp {c:,}", "Cost band": f"Rp {c * 8 // 10:,} – Rp {c * 12 // 10:,}",
      "Reach": f"{n * 10_000:,} – {n * 40_000:,}", "Engagements": f"{n * 300:,} – {n * 1_600:,}",
      "Weeks": f"{s + 1}–{e}"} for k, p, s, e, n, c in PLAN],
    hide_index=True, width="stretch",
)
st.markdown(f"Total Rp {50 + v}.000.000 of Rp 50.000.000")
st.caption("Plan basis: constant.")
p1, p2 = st.columns(2)
with p1:
    show(allocation_chart(v, lg))
with p2:
    show(timeline_chart(v, lg))
show(tiers_chart(v, lg))
st.caption("Tiers caption.")
st.subheader("Warnings")
for i in range(5):
    st.markdown(f"- Constant warning {i} — source {v}")
st.subheader("Next steps")
for i in range(4):
    st.markdown(f"{i + 1}. Constant next step {i}")
st.subheader("Share")
base = (st.context.url or "").split("?")[0]
st.code(f"{base}?{urlencode(share_params())}", language=None, wrap_lines=True)
st.caption("Share help.")
d1, d2, d3 = st.columns(3)
d1.download_button("Markdown", f"# Reference {v}\n" * 40, file_name="ref.md", mime="text/markdown",
                   icon=":material/description:", width="stretch")
d2.download_button("CSV", "a,b,c\n" * 10, file_name="ref.csv", mime="text/csv", icon=":material/table:",
                   width="stretch")
d3.download_button("JSON", f'{{"variant": {v}}}', file_name="ref.json", mime="application/json",
                   icon=":material/data_object:", width="stretch")
