"""The parts app.py assembles into the frame, in the order it calls them.

app.py is the table of contents; this module holds how each part works. page_guard is the one thing
pages call: when the very first request to a fresh server opens a page URL, Streamlit runs that pages/
file on its own (its old multipage mode), and page_guard runs app.py instead, so the whole frame is there.
"""

from __future__ import annotations

import logging
import runpy
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Protocol

import streamlit as st

from guide.advice.brief_io import (
    DEFAULT_BRIEF,
    MAX_PARAMS,
    SHARE_KEYS,
    Problem,
    brief_from_params,
    brief_to_params,
    figures_from_params,
)
from ui import browser
from ui.links import NOTICE_PARAM
from ui.state import ANSWERED_ON, brief, end_typing, figures, init_state, load_brief, projector
from ui.text import lang, tr

# Link parameters a page owns (the workshop room and trainer secret): kept in the address, never read as the brief.
PROJECTOR_PARAM = "projector"  # `?projector=1`: the projector option, kept in the link so a reload keeps it
PAGE_PARAMS = ("room", "trainer", "view", PROJECTOR_PARAM, NOTICE_PARAM)
log = logging.getLogger("panduan")
APP_FILE = Path(__file__).resolve().parent.parent / "app.py"
_run = threading.local()  # each script run has its own thread

# Everywhere: a focus ring that can be seen; the header (language switch, projector) stays in reach while
# scrolling. Phone: the plan table gives way to cards, the header to one line. Projector: larger type.
_CSS = """<style>
:focus-visible, [data-baseweb="radio"]:has(input:focus-visible), [data-baseweb="checkbox"]:has(input:focus-visible) {
  outline: 3px solid #0b57d0 !important; outline-offset: 2px; border-radius: 4px; }
.stApp h1[tabindex="-1"]:focus, .stApp h2[tabindex="-1"]:focus, .stApp h3[tabindex="-1"]:focus {
  outline: 3px solid #0b57d0 !important; outline-offset: 4px; border-radius: 4px; }
.st-key-plan_cards, [class*="st-key-js_"], [class*="st-key-rtn_"], [data-testid="stLayoutWrapper"]:has(> [class*="st-key-js_"]) {
  display: none; }
[data-testid="stMainBlockContainer"] { padding-top: 4.5rem; }
[data-testid="InputInstructions"] { display: none; }  /* English "Press Enter to apply": answers commit by themselves */
[data-testid="stTabs"] [role="tablist"] { flex-wrap: wrap; row-gap: .25rem; }  /* every tab in sight on a phone */
.st-key-app_header { flex-wrap: wrap; row-gap: .25rem; }
[data-testid="stLayoutWrapper"]:has(> .st-key-app_header) { position: sticky; top: 3.75rem; z-index: 100;
  background: #fff; padding: .25rem 0; }
@media (max-width: 640px) {
  .st-key-plan_table { display: none; }
  .st-key-plan_cards, [class*="st-key-rtn_"] { display: block; }
  [class*="st-key-rtw_"] { display: none; }  /* wide tables give way to a picker and a detail view */
  .st-key-app_header [data-testid="stElementContainer"]:has([data-testid="stMarkdown"]) { display: none; }
  /* The app bar: the language switch sits in Streamlit's top bar beside the menu button, as a phone app's
     bar does; the projector switch is for a laptop on a projector, not a phone. */
  [data-testid="stLayoutWrapper"]:has(> .st-key-app_header) { position: fixed; top: .6rem; right: .75rem;
    z-index: 999991; background: transparent; padding: 0; width: auto; }
  .st-key-app_header [data-testid="stElementContainer"]:has([data-testid="stCheckbox"]) { display: none; }
  /* the recommendation's top (title, score, the key numbers) in half a screen */
  [data-testid="stMainBlockContainer"] { padding-top: 3.75rem; }
  .stApp h1 { font-size: 1.5rem; padding-top: .25rem; padding-bottom: .25rem; }
  .stApp h2 { font-size: 1.35rem; }
  .stApp h3 { font-size: 1.2rem; }
  .stApp h4 { font-size: 1.05rem; }
  .st-key-rec_numbers { column-gap: .75rem; }
  [data-testid="stMetricValue"] { font-size: 1.25rem; }
  [data-testid="stMetric"] label p { font-size: .8rem; }
  .st-key-brief_summary, .st-key-rec_next, .st-key-brief_summary [data-testid="stHorizontalBlock"],
  .st-key-brief_summary [data-testid="stLayoutWrapper"] > div { gap: .3rem; row-gap: .3rem; }
  .st-key-brief_summary { padding: .6rem; }
  .st-key-brief_summary [data-testid="stCaptionContainer"] { display: none; }
  .st-key-brief_summary button, .st-key-rec_next button, .st-key-rec_next a {
    min-height: 2rem; padding: .15rem .5rem; }
  .st-key-brief_summary button p, .st-key-rec_next button p, .st-key-rec_next a p { font-size: .85rem; }
}
</style>"""
_PROJECTOR_CSS = """<style>
html { font-size: 22px; }
[data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] p { font-size: 0.95rem; color: #31333f; }
</style>"""


def configure_page() -> None:
    """Browser tab, wide layout, and the app's few style rules."""
    st.set_page_config(page_title="Panduan Strategi Kreator", page_icon=":material/explore:", layout="wide",
                       initial_sidebar_state="collapsed")


def init_session() -> None:
    init_state()
    if "projector_from_link" not in st.session_state:  # a reload or a link with ?projector=1 opens in projector mode
        st.session_state["projector_from_link"] = True
        st.session_state["projector"] = st.query_params.get(PROJECTOR_PARAM) == "1"


def load_share_link() -> None:
    """A pasted or edited share link replaces the brief; bad values fall back with a notice."""
    if st.query_params.get(NOTICE_PARAM) == "too_many_params":  # set by server.py's LinkRepair
        del st.query_params[NOTICE_PARAM]
        st.session_state["notices"] = [Problem("", "too_many_params", f"more than {MAX_PARAMS} parameters")]
        st.session_state["link_loaded"] = True
        return
    params = _current_params()
    if not params or params == st.session_state.get("synced_params"):
        return
    # A rerun sent before the browser got the last address (a quick answer after typing) carries an address
    # this session wrote itself a moment ago: it is an echo, not a link, and must not undo the newer answers.
    if any(params == old for old in st.session_state.get("synced_history", [])):
        return
    b, lg, problems = brief_from_params(params, fallback=DEFAULT_BRIEF)
    linked_figures, figure_problems = figures_from_params(params)
    st.session_state["lang"] = lg
    load_brief(b)
    st.session_state["figures"] = linked_figures  # the link's edited figures, or the shipped ones
    st.session_state["notices"] = problems + figure_problems
    st.session_state["link_loaded"] = any(k in SHARE_KEYS and k != "lang" for k in params)


def header() -> None:
    """App name, the ID/EN switch and the projector toggle, on every page. Drawn after st.navigation, so
    the widgets keep one id from the first run on (before it, the first click is lost). The language widget's key
    carries the language, so it is always drawn showing the language in force and never shows an empty
    selection. Switching keeps the page and the scroll position."""
    st.html(_CSS + (_PROJECTOR_CSS if projector() else ""))
    current = lang()
    with st.container(horizontal=True, vertical_alignment="center", key="app_header"):
        st.markdown(f"**:material/explore: {tr('app.title')}**", width="content")
        st.space("stretch")
        st.toggle(tr("app.projector"), value=projector(), key=f"projector_{int(projector())}",
                  help=tr("app.projector_help"), on_change=_flip_projector, width="content")
        label = st.segmented_control(
            tr("app.language"), options=["ID", "EN"], default=current.upper(), key=f"lang_switch_{current}",
            label_visibility="collapsed", width="content", required=True,
        )
    browser.keep_scroll()
    choice = str(label or current).lower()
    if choice in ("id", "en") and choice != current:
        st.session_state["lang"] = choice
        browser.restore_scroll_next_run()
        st.rerun()


def _flip_projector() -> None:
    st.session_state["projector"] = not projector()


@contextmanager
def _in_app() -> Iterator[None]:
    _run.in_app = True
    try:
        yield
    finally:
        _run.in_app = False


class _Page(Protocol):  # what st.navigation returns
    @property
    def url_path(self) -> str: ...

    def run(self) -> None: ...


SHOWN_PAGE = "shown_page"  # the url_path of the page the last run began to draw


def follow_navigation(page: _Page, pages: Sequence[_Page]) -> None:
    """A text box's answer that reaches the server after a menu click must not undo the click.

    The cause (measured in the browser, Streamlit 1.67): a text box commits on blur, and its value is handed to
    Streamlit's widget manager in a React effect one frame later; the manager then sends it in its own rerun
    message. A click on the top menu sends the page change at once, and without the leaving page's widgets. So
    the order on the wire is: page change, then the answer, whose message still names the page being left; the
    answer's rerun replaced the page-change run, and the user was back on the page she left (the first click
    "swallowed"). The answer itself was kept, by its on_change callback.

    The fix: the wizard's boxes commit as they are typed (live="0ms"), so by the time a person (or a test at
    machine speed) clicks, the text has gone. This is the safety net for a click within one frame of the last
    keystroke: when this run carries a typed answer from the page being drawn (ui.state.mark_answer), but the
    run before began another page, the answer is late; its callback has applied it, and the user is taken on
    to the page she chose."""
    ss = st.session_state
    end_typing()
    answered_on = ss.pop(ANSWERED_ON, None)
    before = ss.get(SHOWN_PAGE)
    if answered_on is not None and answered_on == page.url_path and before not in (None, page.url_path):
        chosen = next((p for p in pages if p.url_path == before), None)
        if chosen is not None:
            st.switch_page(chosen)  # type: ignore[arg-type]  # a st.Page, seen here through _Page
    ss[SHOWN_PAGE] = page.url_path


# The start of Streamlit's KeyError for a session-state key it does not have (streamlit/runtime/state).
UNKNOWN_WIDGET = "st.session_state has no key"


def run_page(page: _Page) -> None:
    """Run the chosen page; an unexpected error becomes our own message (the details go to the server log)."""
    with _in_app(), _unexpected_errors():
        page.run()


@contextmanager
def _unexpected_errors() -> Iterator[None]:
    try:
        yield
    except Exception as e:
        if type(e).__name__ in ("RerunException", "StopException"):
            raise
        if isinstance(e, KeyError) and UNKNOWN_WIDGET in str(e):
            # A websocket message carried a widget id this server never made (a stale or tampered client):
            # Streamlit's widgets then fail to read session state. One line, not a traceback per message.
            log.warning("page not drawn: a client sent state for an unknown widget (%s)", str(e)[:120])
        else:
            log.exception("page failed")
        st.error(tr("error.unexpected"), icon=":material/error:")


@contextmanager
def fragment_frame() -> Iterator[None]:
    """Around the body of a page's st.fragment, so that an answer redraws only that part of the page: what
    app.py does around a page, done here when the fragment reruns on its own (app.py does not run then).
    After the answer's callback, the typing stretch is closed; at the end the address bar gets the link to
    the new answers (in a full run app.py does both). An unexpected error becomes our message in every run:
    in a full run too, Streamlit's fragment wrapper would draw its own error box before run_page saw it."""
    if getattr(_run, "in_app", False):
        with _unexpected_errors():
            yield
        return
    end_typing()
    with _in_app(), _unexpected_errors():
        yield
    update_share_link()


def update_share_link() -> None:
    """The address bar always holds the link to what is on screen (the brief and the language)."""
    canonical = brief_to_params(brief(), lang(), figures=figures())
    as_lists = {k: [v] for k, v in canonical.items()}
    if _current_params() != as_lists:
        kept = {k: st.query_params[k] for k in PAGE_PARAMS if k in st.query_params and k != PROJECTOR_PARAM}
        st.query_params.from_dict({**canonical, **kept, **({PROJECTOR_PARAM: "1"} if projector() else {})})
    elif projector() != (st.query_params.get(PROJECTOR_PARAM) == "1"):
        if projector():
            st.query_params[PROJECTOR_PARAM] = "1"
        else:
            del st.query_params[PROJECTOR_PARAM]
    st.session_state["synced_params"] = as_lists
    history = [h for h in st.session_state.get("synced_history", []) if h != as_lists]
    st.session_state["synced_history"] = [*history[-19:], as_lists]  # the last 20 addresses this session wrote


def page_guard() -> None:
    """Every page starts here: a page file run on its own (a cold-start page URL) runs app.py instead."""
    if not getattr(_run, "in_app", False):
        runpy.run_path(str(APP_FILE), run_name="__main__")
        st.stop()


def _current_params() -> dict[str, list[str]]:
    """The link's brief parameters (a page's own parameters, such as the workshop room, are left out)."""
    qp = st.query_params
    return {k: qp.get_all(k) for k in qp if k not in PAGE_PARAMS}

