"""Panduan Strategi Kreator — the app, read top to bottom as what it does. `streamlit run app.py`.

Each step is one function in ui/frame.py; each page is one thin file in pages/ (widgets in, one guide
call, render). Add a page with one st.Page line in PAGES.
"""

import streamlit as st

from ui import frame
from ui.text import tr

frame.configure_page()  # browser tab, wide layout
frame.init_session()  # the brief, figures and language a session starts with
frame.load_share_link()  # an opened share link sets the brief and language (bad values become notices)

PAGES = [
    st.Page("pages/start.py", title=tr("nav.start"), icon=":material/home:", url_path="start", default=True),
    st.Page("pages/brief.py", title=tr("nav.brief"), icon=":material/edit_note:", url_path="brief"),
    st.Page("pages/recommendation.py", title=tr("nav.recommendation"), icon=":material/verified:",
            url_path="recommendation"),
    st.Page("pages/compare.py", title=tr("nav.compare"), icon=":material/compare_arrows:", url_path="compare"),
    st.Page("pages/creators.py", title=tr("creators.nav"), icon=":material/groups:", url_path="creators"),
    st.Page("pages/results.py", title=tr("results.nav"), icon=":material/insights:", url_path="results"),
    st.Page("pages/workshop.py", title=tr("workshop.nav"), icon=":material/co_present:", url_path="workshop"),
    st.Page("pages/learn.py", title=tr("nav.learn"), icon=":material/school:", url_path="learn"),
    st.Page("pages/assumptions.py", title=tr("nav.assumptions"), icon=":material/tune:", url_path="assumptions"),
]

page = st.navigation(PAGES, position="top")  # the page the address asks for
frame.follow_navigation(page, PAGES)  # a typed answer arriving after a menu click does not undo the click
frame.header()  # app name, projector toggle, ID/EN switch (keeps the page and the scroll position)
frame.run_page(page)  # the page itself; an unexpected error becomes a message, never a traceback
frame.update_share_link()  # the address bar always holds the link to what is on screen
