"""Shared UI helpers for the pages: session state, language, share-link sync, messages.

Pages stay thin: they read widgets, call one guide function and render. Everything a user types or
pastes goes through guide/ validation; problems are shown as messages in the user's language.
"""

from __future__ import annotations

import gc
import logging
import threading
from collections.abc import Callable
from typing import Any

import streamlit as st

from guide import CampaignBrief, Figures, knowledge
from guide.briefio import (
    DEFAULT_BRIEF,
    SHARE_KEYS,
    Problem,
    brief_from_params,
    brief_to_params,
    figures_from_params,
    problem_message,
)
from guide.i18n import fmt_idr, t
from guide.models import Lang

log = logging.getLogger("panduan")
WIDGET_PREFIX = "w_"
_run = threading.local()  # each script run has its own thread


def run_app() -> None:
    """The whole app frame: page config, state, link sync, language switch, navigation, the page."""
    st.set_page_config(page_title="Panduan Strategi Kreator", page_icon=":material/explore:", layout="wide",
                       initial_sidebar_state="collapsed")
    init_state()
    sync_from_url()
    language_switch()
    pages = [
        st.Page("pages/start.py", title=tr("nav.start"), icon=":material/home:", url_path="start",
                default=True),
        st.Page("pages/brief.py", title=tr("nav.brief"), icon=":material/edit_note:", url_path="brief"),
        st.Page("pages/recommendation.py", title=tr("nav.recommendation"), icon=":material/verified:",
                url_path="recommendation"),
        st.Page("pages/compare.py", title=tr("nav.compare"), icon=":material/compare_arrows:",
                url_path="compare"),
        st.Page("pages/learn.py", title=tr("nav.learn"), icon=":material/school:", url_path="learn"),
        st.Page("pages/assumptions.py", title=tr("nav.assumptions"), icon=":material/tune:",
                url_path="assumptions"),
    ]
    current = st.navigation(pages, position="top")
    _run.in_app = True
    try:
        safe_run(current.run)
    finally:
        _run.in_app = False
    sync_to_url()
    _freeze_startup_objects()


_frozen = threading.Event()


def _freeze_startup_objects() -> None:
    """Once per process, after the first full run: move everything loaded so far (Streamlit, pandas, Altair,
    pydantic, the knowledge base and catalogs) out of the garbage collector's view. Streamlit runs a full
    collection after every script run; without this each one walks those long-lived objects again, which
    was the largest single cost of a run on the server."""
    if _frozen.is_set():
        return
    _frozen.set()
    gc.collect()
    gc.freeze()


def page_guard() -> None:
    """Every page starts here. Streamlit runs a pages/ file directly (its old multipage mode) when the
    very first request to a fresh server opens a page URL; then run the whole app frame instead."""
    if not getattr(_run, "in_app", False):
        run_app()
        st.stop()


def lang() -> Lang:
    return "en" if st.session_state.get("lang") == "en" else "id"


def tr(key: str, **kwargs: Any) -> str:
    return t(lang(), key, **kwargs)


def init_state() -> None:
    ss = st.session_state
    ss.setdefault("lang", "id")
    ss.setdefault("brief", DEFAULT_BRIEF)
    ss.setdefault("figures", None)  # None: the shipped figures (shared, immutable)
    ss.setdefault("notices", [])
    ss.setdefault("synced_params", None)


def brief() -> CampaignBrief:
    b = st.session_state.get("brief")
    return b if isinstance(b, CampaignBrief) else DEFAULT_BRIEF


def figures() -> Figures:
    f = st.session_state.get("figures")
    return f if isinstance(f, Figures) else knowledge().figures


def load_brief(b: CampaignBrief) -> None:
    """Replace the whole brief (preset, upload, link) and let the wizard widgets re-read it."""
    st.session_state["brief"] = b
    for key in [k for k in st.session_state if isinstance(k, str) and k.startswith(WIDGET_PREFIX)]:
        del st.session_state[key]


def update_brief(**changes: Any) -> list[Problem]:
    """Apply one answer; a bad value keeps the last good brief and returns the problems."""
    from guide.briefio import BriefError, brief_from_dict

    data = brief().model_dump()
    data.update(changes)
    try:
        st.session_state["brief"] = brief_from_dict(data)
        return []
    except BriefError as e:
        return list(e.problems)


def _current_params() -> dict[str, list[str]]:
    qp = st.query_params
    return {k: qp.get_all(k) for k in qp}


def sync_from_url() -> None:
    """A pasted or edited share link replaces the brief; bad values fall back with a notice."""
    params = _current_params()
    if not params or params == st.session_state.get("synced_params"):
        return
    b, lg, problems = brief_from_params(params, fallback=DEFAULT_BRIEF)
    linked_figures, figure_problems = figures_from_params(params)
    st.session_state["lang"] = lg
    load_brief(b)
    st.session_state["figures"] = linked_figures  # the link's edited figures, or the shipped ones
    st.session_state["notices"] = problems + figure_problems
    st.session_state["link_loaded"] = any(k in SHARE_KEYS and k != "lang" for k in params)


def sync_to_url() -> None:
    canonical = brief_to_params(brief(), lang(), figures=figures())
    as_lists = {k: [v] for k, v in canonical.items()}
    if _current_params() != as_lists:
        st.query_params.from_dict(canonical)
    st.session_state["synced_params"] = as_lists


def language_switch() -> None:
    """ID/EN on every page. The widget's key carries the language, so it is always drawn showing the
    language in force (after a link, a preset or a rerun) and never shows an empty selection."""
    current = lang()
    left, right = st.columns([5, 1], vertical_alignment="center")
    with left:
        st.markdown(f"**:material/explore: {tr('app.title')}**")
    with right:
        label = st.segmented_control(
            tr("app.language"), options=["ID", "EN"], default=current.upper(), key=f"lang_switch_{current}",
            label_visibility="collapsed", width="content", required=True,
        )
    choice = str(label or current).lower()
    if choice in ("id", "en") and choice != current:
        st.session_state["lang"] = choice
        st.rerun()


def problem_text(p: Problem) -> str:
    """A problem in the user's language, Markdown-safe (user-supplied parts shown as plain text)."""
    return problem_message(p, lang())


def show_notices() -> None:
    """Problems found in a share link, shown once on the page that opens it."""
    notices: list[Problem] = st.session_state.get("notices") or []
    if notices:
        st.warning(tr("notice.link_fixed") + "\n\n" + "\n".join(f"- {problem_text(p)}" for p in notices[:8]),
                   icon=":material/link_off:")
        st.session_state["notices"] = []


def chart(name: str, build: Callable[[], Any], *inputs: Any) -> None:
    """Kept for the Recommendation page until it calls pages._charts.draw itself (`build` is not used)."""
    from pages._charts import draw_chart

    draw_chart(name, *inputs)


def money(n: float) -> str:
    return fmt_idr(n, lang())


def safe_run(fn: Callable[[], None]) -> None:
    """Run a page; an unexpected error becomes our own message (the details go to the server log)."""
    try:
        fn()
    except Exception as e:
        if type(e).__name__ in ("RerunException", "StopException"):
            raise
        log.exception("page failed")
        st.error(tr("error.unexpected"), icon=":material/error:")
