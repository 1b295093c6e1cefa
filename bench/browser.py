"""Real-browser figures: answer-change latency, page loads, cold start and concurrent sessions.

One headless Debian Chromium (Playwright async API, so many sessions can run from one process) against
`streamlit run` servers started with the e2e StreamlitServer helper on 127.0.0.1.

The interaction ("change an answer, see the updated recommendation") is the one the app offers: on the
Brief page (wizard step 1) change the goal (radio) or the secondary goal (selectbox), then open
Recommendation from the top navigation. On the reference app the same: its radio and selectbox pick
constant data variants, then its Recommendation page (same frame, same 5 charts and 1 table). The clock
runs from the click that picks the answer until the recommendation is shown: script run finished, no
stale or skeleton element left, the share-link code block names the new answers, and all 5 charts have
drawn (a canvas or svg in each). The two steps (answer taken, page shown) are reported separately too.
Answers are chosen so each shown brief is new to the server where possible (the app caches chart specs
per input; a real user's changed answer is usually new).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import random
import statistics
import sys
import threading
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psutil
from playwright.async_api import Browser, BrowserContext, Page, async_playwright
from playwright.async_api import Error as PlaywrightError
from streamlit.util import calc_hash

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "e2e"))
from conftest import CHROMIUM, CHROMIUM_ARGS, StreamlitServer  # noqa: E402

GOALS = ("awareness", "engagement", "sales", "credibility", "launch", "testimonials", "reputation", "education")
NAV_BRIEF, NAV_RECOMMENDATION = 1, 2  # positions in the top navigation (both apps)
VIEWPORT = {"width": 1280, "height": 900}
STEP_TIMEOUT_MS = 45_000
OPEN_S_PER_SESSION = 4.0  # rough wall time to open one more warm session while others open (2 cores)
POLL_MS = 50  # how often the page is checked; the same everywhere (a 25 ms average bias, on both sides)

# The recommendation is shown: run over, nothing stale, the code block names the answer, all charts drawn.
JS_SHOWN = """([markers, nCharts]) => {
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
  if (document.querySelector('[data-stale="true"], [data-testid="stSkeleton"]')) return false;
  const code = document.querySelector('[data-testid="stCode"]');
  if (!code || !markers.every((m) => code.textContent.includes(m))) return false;
  if (!document.querySelector('[data-testid="stDataFrame"]')) return false;
  const charts = document.querySelectorAll('[data-testid="stVegaLiteChart"]');
  if (charts.length !== nCharts) return false;
  for (const c of charts) if (!c.querySelector('canvas, svg')) return false;
  return true;
}"""
# The answer is taken: the run is over, nothing stale, and the URL (share-link sync) carries it.
JS_ANSWERED = """([marker]) => {
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
  if (document.querySelector('[data-stale="true"], [data-testid="stSkeleton"]')) return false;
  return location.search.includes(marker) && !!document.querySelector('[data-testid="stRadio"]');
}"""
# A page with a radio (the Brief page) is ready for the next answer.
JS_BRIEF_READY = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
  if (document.querySelector('[data-stale="true"], [data-testid="stSkeleton"]')) return false;
  return document.querySelectorAll('[data-testid="stRadio"] [data-testid="stRadioOption"]').length >= 8;
}"""


@dataclass(frozen=True)
class Target:
    """An app under test and how its two answers (radio, selectbox) show in the URL and the share link."""

    name: str
    script: str
    key: str  # query parameter of the radio's answer (the first parameter of the link)
    second_key: str  # query parameter of the selectbox's answer
    options: tuple[str, ...]  # values of the radio's options, in order (the selectbox: None, then these)
    charts: int = 5

    def marker(self, i: int) -> str:
        return f"?{self.key}={self.options[i]}&"

    def second_marker(self, j: int) -> str:
        return f"{self.second_key}={self.options[j]}"


APP = Target("app", "app.py", "goal", "secondary_goal", GOALS)
REFERENCE = Target("reference", "bench/reference_app.py", "variant", "second", tuple(str(i) for i in range(8)))


@dataclass
class Session:
    target: Target
    url: str
    context: BrowserContext
    page: Page
    answer: int = 0  # index of the chosen radio option (both apps start on the first)
    second: int | None = None  # index of the chosen selectbox option (None: "none")
    samples: list[dict[str, float]] = field(default_factory=list)
    errors: int = 0
    inflight: float | None = None  # perf_counter at the click of an interaction not finished yet
    rng: random.Random = field(default_factory=lambda: random.Random(6))

    def next_move(self, seen: set[tuple[int, int | None]]) -> tuple[str, int]:
        """Change one answer: the radio ("radio", i) or the selectbox ("select", j), to a state (radio,
        selectbox) not shown yet on this server if there is one (the app caches chart specs per input, so a
        new state is a cache miss, like a user's new answer). Radio and selectbox answers must differ."""
        g, sec = self.answer, self.second
        moves = [("radio", i) for i in range(8) if i not in (g, sec)] + \
                [("select", j) for j in range(8) if j not in (g, sec)]
        self.rng.shuffle(moves)
        fresh = [m for m in moves if self.state_after(m) not in seen]
        return (fresh or moves)[0]

    def state_after(self, move: tuple[str, int]) -> tuple[int, int | None]:
        kind, i = move
        return (i, self.second) if kind == "radio" else (self.answer, i)


async def _wait(page: Page, js: str, arg: Any = None, polling: float = POLL_MS) -> None:
    await page.wait_for_function(js, arg=arg, polling=polling, timeout=STEP_TIMEOUT_MS)


async def open_page(browser: Browser, url: str, target: Target, path: str, shown_marker: str | None,
                    polling: float = POLL_MS) -> tuple[Session, float]:
    """A fresh context (no cache, no cookies) opening `path`; returns the session and the load time."""
    ctx = await browser.new_context(viewport=VIEWPORT)
    page = await ctx.new_page()
    t0 = time.perf_counter()
    await page.goto(url + path, timeout=STEP_TIMEOUT_MS)
    if shown_marker is not None:
        await _wait(page, JS_SHOWN, [[shown_marker], target.charts], polling)
    else:
        await _wait(page, JS_BRIEF_READY, None, polling)
    return Session(target, url, ctx, page), time.perf_counter() - t0


async def change_answer(s: Session, seen: set[tuple[int, int | None]], polling: float = POLL_MS) -> dict[str, float]:
    """Change one answer on Brief (goal radio or secondary-goal selectbox), open Recommendation from the top
    navigation, and go back to Brief (not timed). The clock starts at the click that picks the new answer
    (for the selectbox, the click on the option in the open list). `seen` holds the states already shown
    on this server; showing one again is recorded as `repeat`."""
    t, page = s.target, s.page
    kind, i = s.next_move(seen)
    state = s.state_after((kind, i))
    repeat = state in seen
    if kind == "radio":
        target_el = page.locator('[data-testid="stRadio"]').first.locator('[data-testid="stRadioOption"]').nth(i)
        await target_el.scroll_into_view_if_needed(timeout=STEP_TIMEOUT_MS)
        answered = t.marker(i)
    else:
        await page.locator('[data-testid="stSelectbox"]').first.click(timeout=STEP_TIMEOUT_MS)
        target_el = page.locator('[role="listbox"] [role="option"]').nth(i + 1)  # option 0 is "none"
        await target_el.wait_for(timeout=STEP_TIMEOUT_MS)
        answered = t.second_marker(i)
    nav = page.locator('[data-testid="stTopNavLink"]')
    t0 = s.inflight = time.perf_counter()
    await target_el.click(timeout=STEP_TIMEOUT_MS)
    await _wait(page, JS_ANSWERED, [answered], polling)
    t1 = time.perf_counter()
    s.answer, s.second = state
    markers = [t.marker(state[0])] + ([t.second_marker(state[1])] if state[1] is not None else [])
    await nav.nth(NAV_RECOMMENDATION).click(timeout=STEP_TIMEOUT_MS)
    await _wait(page, JS_SHOWN, [markers, t.charts], polling)
    t2 = time.perf_counter()
    s.inflight = None
    seen.add(state)
    await nav.nth(NAV_BRIEF).click(timeout=STEP_TIMEOUT_MS)
    await _wait(page, JS_BRIEF_READY, None, polling)
    sample = {"answer_s": t1 - t0, "open_s": t2 - t1, "total_s": t2 - t0, "at": t0, "repeat": float(repeat),
              "select": float(kind == "select")}
    s.samples.append(sample)
    return sample


STARTED: list[StreamlitServer] = []  # every server this run started, stopped at exit whatever happens


_ENV_LOCK = threading.Lock()
INSTRUMENT = ROOT / "bench" / "instrument"
OUT = ROOT / "bench" / "out"
RECOMMENDATION_HASH = calc_hash("recommendation")  # Streamlit's page hash of url_path "recommendation"
RUN_LOG_SINGLE = OUT / "server-runs-single.jsonl"
RUN_LOG_CONCURRENCY = OUT / "server-runs-concurrency.jsonl"


def start_server(target: Target, run_log: Path | None = None) -> tuple[StreamlitServer, float]:
    """Cold start: from launching `streamlit run` to the first healthy /_stcore/health answer.

    With `run_log`, the server logs every script run there (bench/instrument/sitecustomize.py)."""
    srv = StreamlitServer(script=target.script)
    STARTED.append(srv)
    with _ENV_LOCK:  # the server inherits this process's environment at launch
        saved = {k: os.environ.get(k) for k in ("PYTHONPATH", "BENCH_RUN_LOG")}
        if run_log is not None:
            run_log.parent.mkdir(parents=True, exist_ok=True)
            run_log.write_text("", encoding="utf-8")
            os.environ["PYTHONPATH"] = os.pathsep.join(x for x in (str(INSTRUMENT), saved["PYTHONPATH"]) if x)
            os.environ["BENCH_RUN_LOG"] = str(run_log)
        try:
            t0 = time.perf_counter()
            srv.start(timeout=90)
            cold = time.perf_counter() - t0
        finally:
            for k, v in saved.items():
                if v is None:
                    os.environ.pop(k, None)
                else:
                    os.environ[k] = v
    return srv, cold


def server_runs(run_log: Path, start: float = 0.0, end: float = float("inf"),
                page: str | None = RECOMMENDATION_HASH) -> list[float]:
    """Durations (s) of the script runs logged by an instrumented server that started in [start, end)."""
    out = []
    if run_log.exists():
        for line in run_log.read_text(encoding="utf-8").splitlines():
            with contextlib.suppress(ValueError, KeyError):
                r = json.loads(line)
                if start <= r["start"] < end and (page is None or r["page"] == page):
                    out.append(r["end"] - r["start"])
    return out


def stop_all() -> None:
    for srv in STARTED:
        with contextlib.suppress(Exception):
            srv.stop()


def server_cpu_s(srv: StreamlitServer) -> float:
    assert srv.proc is not None
    t = psutil.Process(srv.proc.pid).cpu_times()
    return float(t.user + t.system)


def cpu_snapshot(srv: StreamlitServer) -> dict[str, float]:
    """CPU seconds so far: the server, the browser (Playwright driver and Chromium, children of this
    process), this process, and the whole machine (so `machine - the rest` is other people's work)."""
    me = psutil.Process()
    browser = 0.0
    for proc in me.children(recursive=True):
        with contextlib.suppress(psutil.Error):
            if any(x in proc.name().lower() for x in ("chrom", "node")):
                t = proc.cpu_times()
                browser += t.user + t.system
    mt = me.cpu_times()
    sys_t = psutil.cpu_times()
    return {"server": server_cpu_s(srv), "browser": browser, "driver": mt.user + mt.system,
            "machine": sys_t.user + sys_t.system + sys_t.nice + getattr(sys_t, "irq", 0.0)
            + getattr(sys_t, "softirq", 0.0)}


def health_ok(url: str) -> bool:
    with contextlib.suppress(OSError), urllib.request.urlopen(f"{url}/_stcore/health", timeout=5) as r:
        return bool(r.status == 200)
    return False


def rss_mb(srv: StreamlitServer) -> float:
    assert srv.proc is not None
    return float(psutil.Process(srv.proc.pid).memory_info().rss) / 2**20


class RssSampler:
    """Samples the server's RSS every 0.25 s in a thread; keeps the peak."""

    def __init__(self, srv: StreamlitServer) -> None:
        self.srv, self.peak = srv, 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            with contextlib.suppress(psutil.Error):
                self.peak = max(self.peak, rss_mb(self.srv))
            self._stop.wait(0.25)

    def __enter__(self) -> RssSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(timeout=2)


def pct(values: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100); NaN for no values."""
    if not values:
        return float("nan")
    v = sorted(values)
    k = max(0, min(len(v) - 1, int(-(-q * len(v) // 100)) - 1))
    return v[k]


def med(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")



# ---- 4: one session at a time, app vs reference, interleaved ----------------------------------------

async def page_loads(browser: Browser, servers: dict[str, StreamlitServer], loads: int,
                     log: Callable[[str], None]) -> dict[str, Any]:
    """First load of Recommendation in a fresh browser context (warm server), app and reference interleaved."""
    times: dict[str, list[float]] = {"app": [], "reference": []}
    for i in range(loads):
        for name in (("app", "reference") if i % 2 == 0 else ("reference", "app")):
            t = APP if name == "app" else REFERENCE
            s, dt = await open_page(browser, servers[name].url, t, "/recommendation", t.marker(0))
            times[name].append(dt)
            await s.context.close()
    log(f"  page load median: app {med(times['app']):.2f}s, reference {med(times['reference']):.2f}s")
    return {n: {"median_s": med(v), "samples_s": v} for n, v in times.items()}


async def interactions(browser: Browser, servers: dict[str, StreamlitServer], repeats: int,
                       log: Callable[[str], None]) -> dict[str, Any]:
    """Answer changed → recommendation shown, `repeats` times on each app, interleaved one by one."""
    sessions: dict[str, Session] = {}
    seen: dict[str, set[tuple[int, int | None]]] = {"app": {(0, None)}, "reference": {(0, None)}}
    for name, t in (("app", APP), ("reference", REFERENCE)):
        sessions[name], _ = await open_page(browser, servers[name].url, t, "/brief", None)
        await change_answer(sessions[name], seen[name])  # warm-up: first visit of each page in the session
        sessions[name].samples.clear()
    cpu0 = {n: server_cpu_s(srv) for n, srv in servers.items()}
    b0 = cpu_snapshot(servers["app"])["browser"]
    m0 = time.monotonic()
    for i in range(repeats):
        for name in (("app", "reference") if i % 2 == 0 else ("reference", "app")):
            await change_answer(sessions[name], seen[name])
    runs = server_runs(RUN_LOG_SINGLE, m0, time.monotonic())
    out: dict[str, Any] = {
        "server_cpu_per_interaction_s": {n: (server_cpu_s(srv) - cpu0[n]) / repeats for n, srv in servers.items()},
        "app_server_run_s": {"median_s": med(runs), "p95_s": pct(runs, 95), "runs": len(runs)},
        # both apps' interactions, one browser: CPU-s per interaction (answer, open, back) in Chromium
        "browser_cpu_per_interaction_s": (cpu_snapshot(servers["app"])["browser"] - b0) / (2 * repeats),
    }
    for name, s in sessions.items():
        out[name] = {
            k: {"median_s": med([x[k] for x in s.samples]), "p95_s": pct([x[k] for x in s.samples], 95),
                "samples_s": [x[k] for x in s.samples]}
            for k in ("answer_s", "open_s", "total_s")
        }
        out[name]["repeats"] = int(sum(x["repeat"] for x in s.samples))
        await s.context.close()
    log(f"  answer→recommendation median: app {out['app']['total_s']['median_s']:.2f}s, "
        f"reference {out['reference']['total_s']['median_s']:.2f}s")
    return out


# ---- 6: cold start and the first load on the fresh server -------------------------------------------

async def cold_first_load(browser: Browser, target: Target) -> dict[str, float]:
    srv, cold = await asyncio.to_thread(start_server, target)
    try:
        s, load = await open_page(browser, srv.url, target, "/recommendation", target.marker(0))
        await s.context.close()
        return {"cold_start_s": cold, "first_load_s": load, "rss_mb_after": rss_mb(srv)}
    finally:
        await asyncio.to_thread(srv.stop)


# ---- 5: concurrent sessions against one server ------------------------------------------------------

async def _loop(s: Session, seen: set[tuple[int, int | None]], deadline: float, think: tuple[float, float],
                start_delay: float) -> None:
    await asyncio.sleep(start_delay)  # staggered starts: the sessions do not click in lockstep
    while time.monotonic() < deadline:
        try:
            await change_answer(s, seen)
        except PlaywrightError:  # a step timed out under load: counted, the session starts over on Brief
            s.errors += 1
            s.inflight = None
            await _reset(s)
        if time.monotonic() < deadline:
            await asyncio.sleep(s.rng.uniform(*think))


async def _open_warm(browser: Browser, url: str, seed: int, target: Target = APP) -> Session:
    """A new session that has drawn Recommendation once (the browser has loaded the chart and grid code,
    as it has for any user after the first visit), then waits on Brief."""
    s, _ = await open_page(browser, url, target, "/recommendation", target.marker(0))
    await s.page.locator('[data-testid="stTopNavLink"]').nth(NAV_BRIEF).click(timeout=STEP_TIMEOUT_MS)
    await _wait(s.page, JS_BRIEF_READY)
    s.rng = random.Random(seed)  # each session its own order of answers
    return s


async def _reset(s: Session) -> None:
    """Reload Brief: a new server session with the default brief (first answers)."""
    s.answer, s.second, s.inflight = 0, None, None
    with contextlib.suppress(PlaywrightError):
        await s.page.goto(s.url + "/brief", timeout=STEP_TIMEOUT_MS)
        await _wait(s.page, JS_BRIEF_READY)


async def concurrency(browser: Browser, levels: tuple[int, ...], window_s: float, grace_s: float,
                      think: tuple[float, float], log: Callable[[str], None], result: dict[str, Any],
                      budget_end: float = float("inf"), target: Target = APP) -> None:
    """Add sessions level by level (1 → 5 → 10 → 20); each level from 5 on runs the loop for `window_s` s.

    Sessions stay open across levels, so RSS growth between levels is the memory of the added sessions.
    A level is cut `grace_s` after its window: interactions still running then are counted as
    unfinished, with the time they had taken so far (a lower bound) in the percentiles.
    With `target=REFERENCE` the same loop runs against the constant-data reference page: the control that
    tells what this machine does to any Streamlit page under the same load.
    """
    run_log = RUN_LOG_CONCURRENCY if target is APP else None
    srv, cold = await asyncio.to_thread(start_server, target, run_log)
    rng = random.Random(6)
    seen: set[tuple[int, int | None]] = {(0, None)}  # the default brief, shown when a session opens
    sessions: list[Session] = []
    result.update(cold_start_s=cold, rss_mb_idle=rss_mb(srv), levels=[], think_time_s=list(think),
                  window_s=window_s)
    try:
        for li, n in enumerate(levels):
            need = (n - len(sessions)) * OPEN_S_PER_SESSION + (window_s + grace_s if n > 1 else 0)
            if time.monotonic() + need > budget_end:
                result.setdefault("skipped_levels", []).append(n)
                log(f"  {n:>2} sessions: skipped, ~{need:.0f} s needed and the time budget is nearly used")
                break
            t_open = time.perf_counter()
            while len(sessions) < n:  # open new sessions a few at a time, as a crowd arrives
                k = min(5, n - len(sessions))
                sessions.extend(await asyncio.gather(*(_open_warm(browser, srv.url, len(sessions) + i, target)
                                                       for i in range(k))))
            open_s = time.perf_counter() - t_open
            if n == 1:
                # One session: its latency is figure 4's (20 interactions on an identical, otherwise idle
                # server); here only the server's memory with one warm session is taken.
                await asyncio.sleep(1.0)
                result["levels"].append({"sessions": 1, "rss_mb": rss_mb(srv), "open_sessions_s": open_s,
                                         "latency_from": "interaction"})
                log(f"   1 session: RSS {rss_mb(srv):.0f} MB (latency: see the single-session interactions)")
                continue
            for sess in sessions:
                sess.samples.clear()
                sess.errors = 0
                sess.inflight = None
            c0, t0 = cpu_snapshot(srv), time.monotonic()
            deadline = t0 + window_s
            cut = False
            with RssSampler(srv) as sampler:
                loops = [asyncio.ensure_future(_loop(sess, seen, deadline, think, rng.uniform(0, think[1])))
                         for sess in sessions]
                _, pending = await asyncio.wait(loops, timeout=window_s + grace_s)
                now = time.perf_counter()
                unfinished = [now - sess.inflight for sess in sessions if sess.inflight is not None]
                for task in pending:
                    task.cancel()
                if pending:
                    cut = True
                    await asyncio.gather(*pending, return_exceptions=True)
            elapsed = time.monotonic() - t0
            c1 = cpu_snapshot(srv)
            cpu = {k: (c1[k] - c0[k]) / elapsed for k in c0}  # cores used on average
            cpu["others"] = max(0.0, cpu["machine"] - cpu["server"] - cpu["browser"] - cpu["driver"])
            runs = server_runs(run_log, t0, t0 + elapsed) if run_log is not None else []
            lat = [x["total_s"] for sess in sessions for x in sess.samples]
            level = {
                "sessions": n, "samples": len(lat), "unfinished": len(unfinished), "errors": sum(x.errors for x in sessions),
                "p50_s": med(lat + unfinished), "p95_s": pct(lat + unfinished, 95),
                "max_s": max(lat + unfinished) if lat or unfinished else float("nan"),
                "answer_p50_s": med([x["answer_s"] for sess in sessions for x in sess.samples]),
                "open_p50_s": med([x["open_s"] for sess in sessions for x in sess.samples]),
                "repeat_briefs": int(sum(x["repeat"] for sess in sessions for x in sess.samples)),
                "rss_mb": rss_mb(srv), "rss_peak_mb": sampler.peak, "open_sessions_s": open_s,
                "elapsed_s": elapsed, "cores_used": cpu, "cut": cut,
                "server_run_p50_s": med(runs), "server_run_p95_s": pct(runs, 95), "server_runs": len(runs),
                "server_healthy": await asyncio.to_thread(health_ok, srv.url),
            }
            result["levels"].append(level)
            who = "reference " if target is REFERENCE else ""
            log(f"  {who}{n:>2} sessions: {len(lat)} done + {len(unfinished)} unfinished, p50 {level['p50_s']:.2f}s, "
                f"p95 {level['p95_s']:.2f}s, errors {level['errors']}, RSS {level['rss_mb']:.0f} MB, cores: server "
                f"{cpu['server']:.2f} browser {cpu['browser']:.2f} others {cpu['others']:.2f}"
                + (f"; server runs of Recommendation p50 {level['server_run_p50_s']:.2f}s "
                   f"p95 {level['server_run_p95_s']:.2f}s" if runs else ""))
            if cut and li < len(levels) - 1:  # sessions stopped mid-step: put them back on Brief before the next level
                await asyncio.gather(*(_reset(sess) for sess in sessions))
    finally:
        for sess in sessions:
            with contextlib.suppress(Exception):
                await sess.context.close()
        await asyncio.to_thread(srv.stop)


# ---- entry ----------------------------------------------------------------------------------------------

async def run_all(cfg: dict[str, Any], log: Callable[[str], None], out: dict[str, Any],
                  budget_end: float = float("inf")) -> None:
    """Fill `out` as results come in (a run cut by the time budget keeps what it has measured)."""
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        out["browser_version"] = browser.version
        parts: dict[str, float] = {}
        out["part_s"] = parts
        t = time.monotonic()

        def lap(name: str) -> None:
            nonlocal t
            parts[name] = round(time.monotonic() - t, 1)
            t = time.monotonic()

        try:
            # 6: cold start + first load on a fresh server, reference and app alternating.
            cold: dict[str, list[dict[str, float]]] = {"app": [], "reference": []}
            for i in range(cfg["cold_runs"]):
                for name in (("reference", "app") if i % 2 == 0 else ("app", "reference")):
                    r = await cold_first_load(browser, APP if name == "app" else REFERENCE)
                    cold[name].append(r)
                    log(f"  cold start {name}: healthy after {r['cold_start_s']:.2f}s, first load {r['first_load_s']:.2f}s")
            out["cold"] = {
                n: {k: med([r[k] for r in rs]) for k in ("cold_start_s", "first_load_s", "rss_mb_after")} | {"runs": rs}
                for n, rs in cold.items()
            }
            lap("cold")
            # 4: both servers up and warm, interleaved.
            (app_srv, _), (ref_srv, _) = await asyncio.gather(asyncio.to_thread(start_server, APP, RUN_LOG_SINGLE),
                                                              asyncio.to_thread(start_server, REFERENCE))
            servers = {"app": app_srv, "reference": ref_srv}
            try:
                out["page_load"] = await page_loads(browser, servers, cfg["loads"], log)
                lap("page_load")
                out["interaction"] = await interactions(browser, servers, cfg["repeats"], log)
                lap("interaction")
            finally:
                await asyncio.gather(asyncio.to_thread(app_srv.stop), asyncio.to_thread(ref_srv.stop))
            # 5: a fresh app server, sessions added level by level.
            out["concurrency"] = {}
            await concurrency(browser, tuple(cfg["levels"]), cfg["window_s"], cfg["grace_s"], tuple(cfg["think"]),
                              log, out["concurrency"], budget_end - 10)
            lap("concurrency")
            # The control: the constant-data reference page under the same loop and load.
            if cfg.get("reference_levels"):
                out["concurrency_reference"] = {}
                await concurrency(browser, tuple(cfg["reference_levels"]), cfg["window_s"], cfg["grace_s"],
                                  tuple(cfg["think"]), log, out["concurrency_reference"], budget_end - 10,
                                  target=REFERENCE)
                lap("concurrency_reference")
        finally:
            await browser.close()
