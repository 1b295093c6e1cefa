"""The few things only the browser can do: move keyboard focus, keep the scroll position.

Each is a short fixed script (never user text) run by st.html(unsafe_allow_javascript=True). A script
runs when its element is new, so each one carries a counter that changes when it must run again."""

from __future__ import annotations

import json

import streamlit as st

# The scrolling element of a Streamlit page is its main section, not the window.
_SAVE = """<script>
(() => { const w = window.parent || window; if (w.__pscScroll) return; w.__pscScroll = true;
  const doc = w.document;
  doc.addEventListener("scroll", (e) => { const el = e.target;
    if (el && el.getAttribute && el.getAttribute("data-testid") === "stMain")
      w.sessionStorage.setItem("psc-scroll", String(el.scrollTop)); }, true);
})();
</script>"""

_RESTORE = """<script data-n="{n}">
(() => {{ const w = window.parent || window; const y = Number(w.sessionStorage.getItem("psc-scroll") || 0);
  let tries = 0;
  const go = () => {{ const el = w.document.querySelector('[data-testid="stMain"]');
    if (el && el.scrollHeight - el.clientHeight >= y) {{ el.scrollTop = y; return; }}
    if (++tries < 60) w.requestAnimationFrame(go); }};
  go(); }})();
</script>"""

_FOCUS = """<script data-n="{n}">
(() => {{ const w = window.parent || window; const id = {anchor}; let tries = 0;
  const go = () => {{ const h = w.document.getElementById(id);
    if (h) {{ h.setAttribute("tabindex", "-1"); h.focus({{preventScroll: false}}); return; }}
    if (++tries < 60) w.requestAnimationFrame(go); }};
  go(); }})();
</script>"""


def _counter(name: str) -> int:
    n = int(st.session_state.get(name, 0)) + 1
    st.session_state[name] = n
    return n


def _run(script: str) -> None:
    with st.container(key=f"js_{_counter('js_runs')}"):  # hidden by the frame's CSS
        st.html(script, unsafe_allow_javascript=True)


def keep_scroll() -> None:
    """Remember the scroll position as the user scrolls (installed once per browser tab), and put it
    back when the last run asked for it (a language switch)."""
    _run(_SAVE)
    if st.session_state.pop("restore_scroll", False):
        _run(_RESTORE.format(n=_counter("js_restores")))


def restore_scroll_next_run() -> None:
    st.session_state["restore_scroll"] = True


def focus_heading(anchor: str) -> None:
    """Move keyboard focus to the heading with this anchor (a new wizard step after Next or Back)."""
    _run(_FOCUS.format(n=_counter("js_focus"), anchor=json.dumps(anchor)))
