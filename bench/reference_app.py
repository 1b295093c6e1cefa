"""Reference app for the page benchmarks: the app's frame and the Recommendation page's skeleton, drawn
from constant data (see bench/reference_common.py for what it contains and why)."""

import streamlit as st

from bench.reference_common import LABELS, lang, share_params


def _on_lang() -> None:
    st.session_state["lang"] = st.session_state.get("lang_switch", "id")


st.set_page_config(page_title="Reference", page_icon=":material/explore:", layout="wide",
                   initial_sidebar_state="collapsed")
st.session_state.setdefault("lang", "en" if st.query_params.get("lang") == "en" else "id")
st.session_state.setdefault("lang_switch", lang())
left, right = st.columns([5, 1], vertical_alignment="center")
with left:
    st.markdown(f"**:material/explore: {LABELS[lang()]['title']}**")
with right:
    st.segmented_control(LABELS[lang()]["lang"], options=["id", "en"], key="lang_switch", on_change=_on_lang,
                         format_func=lambda x: x.upper(), label_visibility="collapsed", width="content",
                         required=True)
page = st.navigation([
    st.Page("reference_pages/other.py", title="Start", icon=":material/home:", url_path="start", default=True),
    st.Page("reference_pages/brief.py", title="Brief", icon=":material/edit_note:", url_path="brief"),
    st.Page("reference_pages/recommendation.py", title="Recommendation", icon=":material/verified:",
            url_path="recommendation"),
    st.Page("reference_pages/other.py", title="Compare", icon=":material/compare_arrows:", url_path="compare"),
    st.Page("reference_pages/other.py", title="Learn", icon=":material/school:", url_path="learn"),
    st.Page("reference_pages/other.py", title="Assumptions", icon=":material/tune:", url_path="assumptions"),
], position="top")
page.run()
want = share_params()
if {k: st.query_params.get(k) for k in st.query_params} != want:
    st.query_params.from_dict(want)
