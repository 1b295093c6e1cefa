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
from guide.briefio import DEFAULT_BRIEF, SHARE_KEYS, Problem, brief_from_params, brief_to_params
from guide.i18n import fmt_idr, t
from guide.models import Lang

log = logging.getLogger("panduan")
WIDGET_PREFIX = "w_"
PAGE_PARAMS = ("room", "trainer")  # link parameters a page owns (the workshop room): kept, never read as brief
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
        st.Page("pages/workshop.py", title=tr("workshop.nav"), icon=":material/groups:", url_path="workshop"),
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
    return {k: qp.get_all(k) for k in qp if k not in PAGE_PARAMS}


def sync_from_url() -> None:
    """A pasted or edited share link replaces the brief; bad values fall back with a notice."""
    params = _current_params()
    if not params or params == st.session_state.get("synced_params"):
        return
    b, lg, problems = brief_from_params(params, fallback=DEFAULT_BRIEF)
    st.session_state["lang"] = lg
    load_brief(b)
    st.session_state["notices"] = problems
    st.session_state["link_loaded"] = any(k in SHARE_KEYS and k != "lang" for k in params)


def sync_to_url() -> None:
    canonical = brief_to_params(brief(), lang())
    as_lists = {k: [v] for k, v in canonical.items()}
    if _current_params() != as_lists:
        kept = {k: st.query_params[k] for k in PAGE_PARAMS if k in st.query_params}
        st.query_params.from_dict({**canonical, **kept})
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
    """A problem in the user's language. A field name that came from the user (an unknown link key or
    JSON field) is shortened and escaped, so it shows as plain text inside the Markdown message."""
    from guide.exports import md_escape

    field = tr(f"field.{p.field}") if p.field in SHARE_KEYS else (md_escape(p.field[:40]) or tr("field.file"))
    key = f"problem.{p.code}"
    text = tr(key, field=field)
    if text == key:
        text = tr("problem.other", field=field)
    return text


def show_notices() -> None:
    """Problems found in a share link, shown once on the page that opens it."""
    notices: list[Problem] = st.session_state.get("notices") or []
    if notices:
        st.warning(tr("notice.link_fixed") + "\n\n" + "\n".join(f"- {problem_text(p)}" for p in notices[:8]),
                   icon=":material/link_off:")
        st.session_state["notices"] = []


@st.cache_data(max_entries=600, show_spinner=False)
def _chart_spec(name: str, key: str, _build: Callable[[], Any]) -> tuple[dict[str, Any], int]:
    """Serialise a chart once per distinct input: building and validating Altair specs is the slowest part
    of a rerun. Keyed by the chart's name and its inputs as JSON; each session gets its own copy."""
    from streamlit import dataframe_util

    from guide.charts import element_height

    c = _build()
    spec = c.to_dict(validate=False)
    # Streamlit ships each dataset as Arrow bytes and accepts bytes as they are: convert once, here.
    for name, values in spec.get("datasets", {}).items():
        spec["datasets"][name] = dataframe_util.convert_anything_to_arrow_bytes(values)
    return spec, element_height(c)


def chart(name: str, build: Callable[[], Any], *inputs: Any) -> None:
    """Draw a chart from a pure builder in guide.charts, full width, at the height the builder asked for.
    `inputs` are everything the builder reads (pydantic models or plain values). The Recommendation page's
    charts come from `guide.charts.chart_spec` (a serialised layout plus this run's data, never rebuilt);
    the others are built once per distinct input (the inputs form the cache key)."""
    from streamlit import dataframe_util

    from guide.charts import FAST_CHARTS, chart_spec

    if name in FAST_CHARTS:
        spec, data, height = chart_spec(name, *inputs)
        (dataset,) = spec["datasets"]
        spec["datasets"][dataset] = dataframe_util.convert_anything_to_arrow_bytes(data)
    else:
        key = "|".join(x.model_dump_json() if hasattr(x, "model_dump_json") else repr(x) for x in inputs)
        spec, height = _chart_spec(name, key, build)
    st.vega_lite_chart(spec, width="stretch", height=height)


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
