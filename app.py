"""Entry point: page config, shared state, the language switch, share-link sync and st.navigation."""

from __future__ import annotations

import streamlit as st

from pages._common import (
    init_state,
    language_switch,
    safe_run,
    sync_from_url,
    sync_to_url,
    tr,
)

st.set_page_config(page_title="Panduan Strategi Kreator", page_icon="🧭", layout="wide",
                   initial_sidebar_state="collapsed")

init_state()
sync_from_url()
language_switch()

pages = [
    st.Page("pages/start.py", title=tr("nav.start"), icon=":material/home:", url_path="start", default=True),
    st.Page("pages/brief.py", title=tr("nav.brief"), icon=":material/edit_note:", url_path="brief"),
    st.Page("pages/recommendation.py", title=tr("nav.recommendation"), icon=":material/verified:",
            url_path="recommendation"),
    st.Page("pages/compare.py", title=tr("nav.compare"), icon=":material/compare_arrows:", url_path="compare"),
    st.Page("pages/learn.py", title=tr("nav.learn"), icon=":material/school:", url_path="learn"),
    st.Page("pages/assumptions.py", title=tr("nav.assumptions"), icon=":material/tune:",
            url_path="assumptions"),
]
current = st.navigation(pages, position="top")
safe_run(current.run)
sync_to_url()
