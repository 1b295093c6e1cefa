"""Start: what the guide does, a start button, and workshop presets drawn from the seed articles."""

import streamlit as st

from guide.advice.brief_io import presets
from ui import lang, load_brief, page_guard, show_notices, source_title, tr

page_guard()

show_notices()
st.title(tr("start.title"))
st.markdown(tr("start.lead"))
if st.button(tr("start.cta"), type="primary", icon=":material/arrow_forward:"):
    st.session_state["wizard_step"] = 0
    st.switch_page("pages/brief.py")

st.subheader(tr("start.presets"))
st.caption(tr("start.presets_help"))
cols = st.columns(3)
for i, p in enumerate(presets()):
    with cols[i % 3].container(border=True):
        st.markdown(f"**{p.title[lang()]}**")
        st.caption(p.blurb[lang()] + "  \n" + tr("common.source", source=source_title(p.source)))
        if st.button(tr("start.load_preset"), key=f"preset_{p.id}", width="stretch"):
            load_brief(p.brief)
            st.switch_page("pages/recommendation.py")
