"""The reference page: what Streamlit needs to draw pages like the app's, from constant data.

`?view=page` (default) has the Recommendation page's elements: a header with a segmented control, a title,
3 metrics, 5 Vega-Lite bar charts (4-6 rows each), 6 reasons with captions, a 4 x 9 dataframe, warnings,
next steps, a code block and 3 downloads. `?view=form` has the wizard's goal step: a progress bar, a radio
with 8 captioned options, a selectbox and two buttons. No engine, no catalogs, no exports: `app / reference`
is what the app adds on top of Streamlit. The radio picks one of 8 constant variants (the app: an answer)
and writes it to the URL.
"""

from typing import Any

import streamlit as st

VARIANTS = ("alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta")


def bars(title: str, rows: list[tuple[str, float]]) -> dict[str, Any]:
    return {
        "title": title, "height": 160, "mark": {"type": "bar", "cornerRadiusEnd": 3},
        "data": {"values": [{"label": k, "value": v} for k, v in rows]},
        "encoding": {"x": {"field": "value", "type": "quantitative", "title": "Value"},
                     "y": {"field": "label", "type": "nominal", "title": None, "sort": "-x"},
                     "tooltip": [{"field": "label", "type": "nominal"}, {"field": "value", "type": "quantitative"}]},
    }


st.set_page_config(page_title="Reference", layout="wide", initial_sidebar_state="collapsed")
view = st.query_params.get("view", "page")
if "goal" not in st.session_state and st.query_params.get("goal") in VARIANTS:
    st.session_state["goal"] = st.query_params["goal"]
v = VARIANTS.index(st.session_state.get("goal", VARIANTS[0]))
left, right = st.columns([5, 1], vertical_alignment="center")
left.markdown("**Reference**")
right.segmented_control("Language", ["ID", "EN"], default="ID", key="lang", label_visibility="collapsed",
                        width="content", required=True)

if view == "form":
    st.title("Brief")
    st.progress(1 / 6, text="Step 1 of 6")
    st.radio("Goal", VARIANTS, key="goal", captions=[f"Constant help for {x}" for x in VARIANTS])
    st.selectbox("Second goal", ["—", *VARIANTS], key="second")
    back, nxt = st.columns(2)
    back.button("Back", width="stretch")
    nxt.button("Next", type="primary", width="stretch")
    st.query_params["goal"] = VARIANTS[v]  # like the app's share-link sync, at the end of the run
else:
    st.caption(f"Reference · {VARIANTS[v]}")
    st.title(f"Reference strategy {VARIANTS[v]}")
    st.markdown(f"### A constant summary of variant {VARIANTS[v]}")
    c1, c2, c3 = st.columns(3)
    c1.metric("Score", f"{60 + v} / 100")
    c2.metric("Runner-up", "Influencer", delta="margin 4.2", delta_color="off", delta_arrow="off")
    c3.metric("Spend", "Rp 48.000.000", delta="of Rp 50.000.000", delta_color="off", delta_arrow="off")
    specs = [
        bars("Scores", [("KOL", 40.0 + v), ("Influencer", 55.0), ("KOC", 62.0), ("Combined", 48.0)]),
        bars("Why", [(f"rule {i}", (i % 5 - 2) * 7.5 + v) for i in range(6)]),
        bars("Allocation", [("Micro", 18e6), ("Nano", 14e6), ("Mid", 12e6), ("KOC", 6e6)]),
        bars("Timeline", [("Micro", 2.0), ("Nano", 2.0), ("Mid", 4.0), ("KOC", 4.0)]),
        bars("Tiers", [("Nano", 5.2), ("Micro", 2.4), ("Mid", 1.6), ("Macro", 1.1), ("Mega", 0.8)]),
    ]
    for pair in (specs[:2], specs[2:4], specs[4:]):
        for col, spec in zip(st.columns(len(pair)), pair, strict=True):
            with col:
                st.vega_lite_chart(spec, width="stretch")
    st.subheader("Why")
    for i in range(6):
        st.markdown(f"**+{i} · rule {i}** — a constant reason for the reference page.")
        st.caption(f"Source: article {i}, passage {v}")
    st.subheader("Plan")
    st.dataframe([{f"column {c}": f"Rp {(r + 1) * (c + 1) * 1_000_000:,}" for c in range(9)} for r in range(4)],
                 hide_index=True, width="stretch")
    st.subheader("Warnings")
    for i in range(5):
        st.markdown(f"- Constant warning {i}")
    st.subheader("Next steps")
    for i in range(4):
        st.markdown(f"{i + 1}. Constant next step {i}")
    st.code(f"https://example.invalid/?variant={v}", language=None, wrap_lines=True)
    d1, d2, d3 = st.columns(3)
    d1.download_button("Markdown", "# Reference\n" * 40, file_name="ref.md", width="stretch")
    d2.download_button("CSV", "a,b,c\n" * 10, file_name="ref.csv", width="stretch")
    d3.download_button("JSON", '{"variant": 0}', file_name="ref.json", width="stretch")
