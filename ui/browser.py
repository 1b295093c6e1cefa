"""The few things only the browser can do: move keyboard focus, keep the scroll position.

Each is a short fixed script (never user text) run by st.html(unsafe_allow_javascript=True). A script
runs when its element is new, so each one carries a counter that changes when it must run again."""

from __future__ import annotations

import html
import json

import streamlit as st

# The scrolling element of a Streamlit page is its main section, not the window.
# The position is taken when the user reaches for the header (the language switch), before the rerun moves it.
_SAVE = """<script>
(() => { const w = window.parent || window; if (w.__pscScroll) return; w.__pscScroll = true;
  const doc = w.document;
  const keep = (e) => { if (!e.target || !e.target.closest || !e.target.closest(".st-key-app_header")) return;
    const el = doc.querySelector('[data-testid="stMain"]');
    if (el) w.sessionStorage.setItem("psc-scroll", String(el.scrollTop)); };
  doc.addEventListener("pointerdown", keep, true); doc.addEventListener("keydown", keep, true);
})();
</script>"""

# Streamlit scrolls to the top once the new run's page arrives, a moment after this script runs: hold the
# position for a short while, and stop at once when the user scrolls, taps or types.
_RESTORE = """<script data-n="{n}">
(() => {{ const w = window.parent || window; const y = Number(w.sessionStorage.getItem("psc-scroll") || 0);
  w.sessionStorage.removeItem("psc-scroll"); if (!y) return; const until = Date.now() + 2500; let stop = false;
  const quit = () => {{ stop = true; }};
  for (const ev of ["wheel", "touchstart", "keydown", "mousedown"])
    w.addEventListener(ev, quit, {{once: true, capture: true}});
  const go = () => {{ if (stop || Date.now() > until) return;
    const el = w.document.querySelector('[data-testid="stMain"]');
    if (el && Math.abs(el.scrollTop - y) > 4 && el.scrollHeight - el.clientHeight >= y) el.scrollTop = y;
    w.requestAnimationFrame(go); }};
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
    with st.container(key="js_save"):  # the same element every run: its script runs once per browser tab
        st.html(_SAVE, unsafe_allow_javascript=True)
    if st.session_state.pop("restore_scroll", False):
        _run(_RESTORE.format(n=_counter("js_restores")))


def restore_scroll_next_run() -> None:
    st.session_state["restore_scroll"] = True


def focus_heading(anchor: str) -> None:
    """Move keyboard focus to the heading with this anchor (a new wizard step after Next or Back)."""
    _run(_FOCUS.format(n=_counter("js_focus"), anchor=json.dumps(anchor)))


_COPY = """<div><button type="button" id="{bid}" class="psc-copy">{label}</button>
<span id="{bid}-msg" role="status" aria-live="polite" class="psc-copy-msg"></span></div>
<script>
(() => {{ const btn = document.getElementById({bid_js}); if (!btn) return;
  const msg = document.getElementById({msg_js});
  btn.addEventListener("click", async () => {{
    const src = document.querySelector({target_js});
    const text = src ? src.innerText.trim() : "";
    try {{ await navigator.clipboard.writeText(text); msg.textContent = {done_js}; }}
    catch (e) {{
      const sel = window.getSelection(); const range = document.createRange();
      if (src) {{ range.selectNodeContents(src); sel.removeAllRanges(); sel.addRange(range); }}
      let ok = false; try {{ ok = document.execCommand("copy"); }} catch (e2) {{ ok = false; }}
      msg.textContent = ok ? {done_js} : {failed_js};
    }}
  }});
}})();
</script>
<style>.psc-copy {{ font: inherit; padding: .5rem 1rem; min-height: 44px; border-radius: .5rem;
  border: 1px solid #0b57d0; background: #0b57d0; color: #fff; cursor: pointer; }}
.psc-copy:focus-visible {{ outline: 3px solid #0b57d0; outline-offset: 2px; }}
.psc-copy-msg {{ margin-left: .75rem; }}</style>"""


def copy_button(target_key: str, label: str, done: str, failed: str) -> None:
    """A Copy button that works on touch screens (st.code's own copy icon shows only on hover). It copies
    the text of the st.container(key=target_key) it names; the labels are catalog text, never user text."""
    bid = f"psc-copy-{target_key}"
    st.html(_COPY.format(bid=bid, label=html.escape(label), bid_js=json.dumps(bid), msg_js=json.dumps(bid + "-msg"),
                         target_js=json.dumps(f".st-key-{target_key} code"), done_js=json.dumps(done),
                         failed_js=json.dumps(failed)), unsafe_allow_javascript=True)
