"""Browser figures, each against the reference page served the same way in the same run:

- first load: a fresh browser context (empty cache) opens the page; timed until the script has run, no
  skeleton is left, all 5 charts are on the page and those in view are drawn;
- answer -> update: choosing another radio option (the wizard's goal step; the reference's form view),
  timed until the run it started has written the answer into the URL (done at the end of both scripts);
- memory per session: the server's resident memory grown per open session, over several sessions.

Servers are the e2e suite's (tests/e2e/conftest.py: free port, loopback, same config), Chromium is Debian's.
"""

from __future__ import annotations

import importlib.util
import statistics
import time
from pathlib import Path
from typing import Any

import psutil
from playwright.sync_api import Browser, Page, expect, sync_playwright

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("e2e_conftest", ROOT / "tests" / "e2e" / "conftest.py")
assert _spec and _spec.loader
e2e = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(e2e)

LINK = "goal=sales&budget_idr=60000000&audience=niche&industry=parenting"
PAGES = {  # name -> (script, page path, answer page path, two (radio option, its `goal` in the URL) to alternate)
    "app": ("server.py", f"/recommendation?{LINK}", f"/brief?{LINK}", (("Testimoni", "testimonials"), ("Penjualan", "sales"))),
    "reference": ("bench/reference_server.py", "/?view=page", "/?view=form&goal=alpha", (("beta", "beta"), ("alpha", "alpha"))),
}
URL_GOAL = "v => new URLSearchParams(location.search).get('goal') === v"
def _ready(page: Page, charts: int = 0) -> None:
    e2e.wait_ready(page, timeout=120_000)
    if charts:
        # All charts are on the page; every one the reader can see without a click is drawn (the app keeps
        # its plan charts in the Plan tab, the reference shows all of them).
        expect(page.locator("[data-testid=stVegaLiteChart]")).to_have_count(charts, timeout=120_000)
        # (Since the phone work the app's first screen shows none: the Why tab's charts are in a folded expander.)
        shown = page.locator("[data-testid=stVegaLiteChart]").filter(visible=True)
        if shown.count():
            drawn = shown.filter(has=page.locator("canvas, svg"))
            expect(drawn).to_have_count(shown.count(), timeout=120_000)
    e2e.assert_no_exception(page)


def _first_load(browser: Browser, url: str) -> float:
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = ctx.new_page()
        t0 = time.perf_counter()
        page.goto(url)
        _ready(page, charts=5)
        return time.perf_counter() - t0
    finally:
        ctx.close()


def _answers(browser: Browser, url: str, options: tuple[tuple[str, str], ...], clicks: int) -> list[float]:
    """Seconds from choosing another radio option until the run it started has written the answer into
    the URL (the app's share-link sync, the reference's query parameter), both at the end of the run."""
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = ctx.new_page()
        page.goto(url)
        _ready(page)
        out = []
        for i in range(clicks + 1):
            label, value = options[i % 2]
            t0 = time.perf_counter()
            page.get_by_role("radio", name=label, exact=True).check(force=True)
            page.wait_for_function(URL_GOAL, arg=value, timeout=60_000)
            took = time.perf_counter() - t0
            _ready(page)
            if i:  # the first click warms the page's path
                out.append(took)
        return out
    finally:
        ctx.close()


def _memory_per_session(browser: Browser, server: Any, path: str, sessions: int) -> float:
    proc = psutil.Process(server.proc.pid)
    before = proc.memory_info().rss
    contexts = [browser.new_context() for _ in range(sessions)]
    try:
        for ctx in contexts:
            page = ctx.new_page()
            page.goto(server.url + path)
            _ready(page, charts=5)
        return (proc.memory_info().rss - before) / sessions / 2**20
    finally:
        for ctx in contexts:
            ctx.close()


def measure(loads: int = 7, clicks: int = 10, sessions: int = 8) -> dict[str, Any]:
    servers = {name: e2e.StreamlitServer(script=script).start() for name, (script, *_rest) in PAGES.items()}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=e2e.CHROMIUM, headless=True, args=e2e.CHROMIUM_ARGS)
            for name, srv in servers.items():  # warm each server once: imports, caches, first compile
                _first_load(browser, srv.url + PAGES[name][1])
            load: dict[str, list[float]] = {n: [] for n in PAGES}
            for i in range(loads):
                for name in (("app", "reference") if i % 2 else ("reference", "app")):
                    load[name].append(_first_load(browser, servers[name].url + PAGES[name][1]))
            answer = {n: _answers(browser, servers[n].url + PAGES[n][2], PAGES[n][3], clicks) for n in PAGES}
            memory = {n: _memory_per_session(browser, servers[n], PAGES[n][1], sessions) for n in PAGES}
            browser.close()
    finally:
        for srv in servers.values():
            srv.stop()
    out: dict[str, Any] = {}
    for fig, samples in (("first_load", load), ("answer_update", answer)):
        med = {n: statistics.median(v) * 1e3 for n, v in samples.items()}
        out[fig] = {"app_ms": round(med["app"]), "reference_ms": round(med["reference"]),
                    "ratio": round(med["app"] / med["reference"], 2), "samples": len(samples["app"])}
    out["memory_per_session"] = {"app_mb": round(memory["app"], 2), "reference_mb": round(memory["reference"], 2),
                                 "ratio": round(memory["app"] / memory["reference"], 2) if memory["reference"] > 0
                                 else None, "sessions": sessions}
    return out
