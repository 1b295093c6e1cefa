"""Session state: the brief and figures each session works on, and how pages change them."""

from __future__ import annotations

from typing import Any

import streamlit as st

from guide import CampaignBrief, Figures, knowledge
from guide.advice.brief_io import DEFAULT_BRIEF, BriefError, Problem, brief_from_dict

WIDGET_PREFIX = "w_"  # wizard widgets: cleared when a whole brief is loaded, so they re-read it


def init_state() -> None:
    """What every session starts with."""
    ss = st.session_state
    ss.setdefault("lang", "id")
    ss.setdefault("brief", DEFAULT_BRIEF)
    ss.setdefault("figures", None)  # None: the shipped figures (shared, immutable)
    ss.setdefault("notices", [])
    ss.setdefault("synced_params", None)
    ss.setdefault("projector", False)


def brief() -> CampaignBrief:
    b = st.session_state.get("brief")
    return b if isinstance(b, CampaignBrief) else DEFAULT_BRIEF


def figures() -> Figures:
    f = st.session_state.get("figures")
    return f if isinstance(f, Figures) else knowledge().figures


def figures_edited() -> bool:
    """True when this session works on figures that differ from the shipped ones."""
    f = st.session_state.get("figures")
    return isinstance(f, Figures) and f != knowledge().figures


def projector() -> bool:
    return bool(st.session_state.get("projector"))


WIZARD_KEYS = "wizard_widget_keys"  # the wizard's widget keys, in the order they were first drawn


def wizard_widget(key: str, value: Any) -> str:
    """A wizard widget's key, holding `value` the first time it is drawn (after a preset, link or upload too);
    remembered, so that loading a whole brief can clear it."""
    ss = st.session_state
    k = f"{WIDGET_PREFIX}{key}"
    if k not in ss:
        ss[k] = value
    keys = ss.setdefault(WIZARD_KEYS, [])
    if k not in keys:
        keys.append(k)
    return k


def load_brief(b: CampaignBrief) -> None:
    """Replace the whole brief (preset, upload, link) and let the wizard widgets re-read it.

    The wizard's own list of its widgets is cleared, never a scan of st.session_state: iterating session state
    raises KeyError for every widget id a client sends that the server does not know (a stale or tampered
    websocket message), which logged a traceback per message."""
    st.session_state["brief"] = b
    for key in st.session_state.get(WIZARD_KEYS, []):
        st.session_state.pop(key, None)


def update_brief(**changes: Any) -> list[Problem]:
    """Apply one answer; a bad value keeps the last good brief and returns the problems."""
    data = brief().model_dump()
    data.update(changes)
    try:
        st.session_state["brief"] = brief_from_dict(data)
        return []
    except BriefError as e:
        return list(e.problems)


def kept_tabs(name: str, labels: list[str], lang: str) -> Any:
    """st.tabs whose open tab survives a language switch: the tab is remembered by position (the labels
    change with the language), and the widget's key carries the language so it is redrawn showing that tab."""
    ss = st.session_state
    pos = ss.get(f"{name}_tab", 0)
    pos = pos if isinstance(pos, int) and 0 <= pos < len(labels) else 0
    key = f"{name}_tabs_{lang}"

    def remember() -> None:
        chosen = ss.get(key)
        if chosen in labels:
            ss[f"{name}_tab"] = labels.index(chosen)

    return st.tabs(labels, default=labels[pos], key=key, on_change=remember)


ANSWERED_ON = "answered_on_page"  # the page whose typed answer reached the server in this run (a callback's mark)


def mark_answer(page: str) -> None:
    """Called from a typed answer's on_change callback: the answer came from `page` (its url_path).

    ui.frame.follow_navigation reads it: when the answer arrives after the user has already gone to another
    page, the run it causes must not bring her back."""
    st.session_state[ANSWERED_ON] = page


TYPING = "typing_started_from"  # field -> its value in the brief when the user began typing in its box
TYPED_NOW = "typed_this_run"  # the fields whose box sent text in this run


def typing(field: str, current: Any) -> Any:
    """Called from a box's on_change callback while the user types (a box that commits as it is typed): the
    field's value from before this stretch of typing, which an unreadable half-typed entry falls back to."""
    ss = st.session_state
    typed = ss.get(TYPED_NOW)
    ss[TYPED_NOW] = {*(typed if isinstance(typed, set) else ()), field}
    started = ss.setdefault(TYPING, {})
    return started.setdefault(field, current)


def end_typing() -> None:
    """Once per run, after the callbacks: a box that sent nothing in this run has ended its stretch of typing."""
    ss = st.session_state
    typed = ss.pop(TYPED_NOW, None) or set()
    started = ss.get(TYPING) or {}
    ss[TYPING] = {f: v for f, v in started.items() if f in typed}
