"""Text on screen: the user's language, catalog look-ups, money, problems and notices, user text as text."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from guide import knowledge
from guide.advice.brief_io import Problem, problem_message
from guide.advice.knowledge import Source
from guide.advice.models import Lang
from guide.text.i18n import catalog, fmt_idr, t
from guide.text.safetext import plain_md


def lang() -> Lang:
    return "en" if st.session_state.get("lang") == "en" else "id"


def tr(key: str, **kwargs: Any) -> str:
    return t(lang(), key, **kwargs)


def translator(lg: Lang) -> Callable[..., str]:
    """`tr` for one language, read once: a page that looks up a hundred texts per run asks the session once."""
    def tr_in(key: str, **kwargs: Any) -> str:
        return t(lg, key, **kwargs)
    return tr_in


def tr_first(*keys: str, **kwargs: Any) -> str:
    """The first of these keys the catalog has (a feature's own wording first, then a fallback)."""
    have = catalog(lang())
    for key in keys:
        if key in have:
            return tr(key, **kwargs)
    return tr(keys[-1], **kwargs)


def source_title(source: Source | str) -> str:
    """A source's title in the user's language: a Source, or a source id from data/sources.yaml (an id
    that is not there is shown as it is)."""
    if not isinstance(source, str):
        return source.title(lang())
    try:
        return knowledge().sources.get(source).title(lang())
    except KeyError:
        return source


def money(n: float) -> str:
    return fmt_idr(n, lang())


def plain(text: str) -> str:
    """User text (a campaign name, an audience description) made safe to put inside Markdown: no
    links, HTML, math or icon shortcodes."""
    return plain_md(text)


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
