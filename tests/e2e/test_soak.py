"""Many people clicking at once: no error element, no exception, bounded latency and server memory.

`make test` runs a small version (5 sessions, 20 s); `make soak` runs 20 sessions for 90 s
(SOAK_SESSIONS, SOAK_SECONDS). Results are printed and written to test-artifacts/soak.json.
All traffic goes to 127.0.0.1; every loop is bounded in time.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import statistics
import threading
import time
from pathlib import Path

import psutil
from conftest import CHROMIUM, CHROMIUM_ARGS, READY, SKELETON, StreamlitServer, assert_no_server_traceback
from playwright.async_api import Page, async_playwright, expect

SESSIONS = int(os.environ.get("SOAK_SESSIONS", "5"))
SECONDS = float(os.environ.get("SOAK_SECONDS", "20"))
# Memory left over per session once they have closed and the server has dropped them.
LEFTOVER_MB_PER_SESSION = float(os.environ.get("SOAK_LEFTOVER_MB", "3"))
LINK = "/brief?goal=sales&budget_idr=60000000&audience=niche&industry=parenting"
RAMP_S = float(os.environ.get("SOAK_RAMP_S", "1.5"))  # people join a workshop link over a few seconds
TIMEOUT_MS = 120_000
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


async def ready(page: Page) -> None:
    await expect(page.locator(READY)).to_have_count(1, timeout=TIMEOUT_MS)
    await expect(page.locator(SKELETON)).to_have_count(0, timeout=TIMEOUT_MS)
    await expect(page.locator(READY)).to_have_count(1, timeout=TIMEOUT_MS)


async def click_and_time(page: Page, name: str | re.Pattern[str], latencies: list[float], until: str | None = None) -> None:
    """Click a button and time it until the answer is on screen (`until` text, else the run is over)."""
    t0 = time.perf_counter()
    await page.get_by_role("button", name=name).click()
    if until:
        await expect(page.get_by_text(until).first).to_be_visible(timeout=TIMEOUT_MS)
    await ready(page)
    latencies.append(time.perf_counter() - t0)


async def user(i: int, browser, base: str, deadline: float, out: dict, min_loops: int = 0) -> None:
    await asyncio.sleep(max(i, 0) * RAMP_S)  # the arrival schedule of the load, not a wait for the page
    ctx = await browser.new_context(viewport={"width": 390 if i % 2 else 1280, "height": 900})
    ctx.set_default_timeout(TIMEOUT_MS)
    page = await ctx.new_page()
    lat: list[float] = []
    loops = 0
    errors = 0
    try:
        await page.goto(base + LINK, timeout=TIMEOUT_MS)
        await ready(page)
        goals = ["Penjualan", "Testimoni", "Kesadaran merek", "Kredibilitas"]
        see = page.get_by_role("button", name="Lihat rekomendasi")
        while time.monotonic() < deadline or loops < min_loops:
            await page.get_by_text(goals[loops % len(goals)], exact=True).click()
            await ready(page)
            for n in range(2, 7):  # steps 2..6: each click waits for its own step to show
                await click_and_time(page, "Lanjut", lat, until=f"Langkah {n} dari 6")
            await expect(see).to_be_visible(timeout=TIMEOUT_MS)
            await click_and_time(page, "Lihat rekomendasi", lat, until="Skor kecocokan")
            # The Why tab opens first, with its two charts drawn in a folded expander under the reasons.
            await expect(page.locator("[data-testid=stVegaLiteChart]").nth(1)).to_be_attached(timeout=TIMEOUT_MS)
            errors += await page.locator('[data-testid="stException"]').count()
            errors += await page.locator('[data-testid="stAlertContentError"]').count()
            # The goal's edit button in the brief summary goes straight back to the first step.
            await click_and_time(page, re.compile(r"^Tujuan kampanye: "), lat, until="Langkah 1 dari 6")
            loops += 1
    except Exception:
        ARTIFACTS.mkdir(exist_ok=True)
        await page.screenshot(path=str(ARTIFACTS / f"soak-failure-{i}.png"))
        raise
    finally:
        out[i] = {"latencies": lat, "loops": loops, "errors": errors}
        await ctx.close()


def rss_mb(pid: int) -> float:
    return psutil.Process(pid).memory_info().rss / 2**20


async def settled_rss_mb(pid: int, within_mb: float = 1.0, window_s: float = 6.0, limit_s: float = 60.0) -> float:
    """The server's memory once it has stopped moving: `window_s` of samples within `within_mb` of each
    other (longer than the 5 s session TTL, so the warm-up session's drop shows up in it), or the last sample after `limit_s`."""
    samples: list[float] = []
    end = time.monotonic() + limit_s
    while time.monotonic() < end:
        samples.append(rss_mb(pid))
        recent = samples[-int(window_s / 0.5):]
        if len(recent) == int(window_s / 0.5) and max(recent) - min(recent) <= within_mb:
            return recent[-1]
        await asyncio.sleep(0.5)  # sampling interval of the condition above
    return samples[-1]


async def soak(server: StreamlitServer) -> dict:
    pid = server.proc.pid
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        # Warm-up: one session visits everything once, so imports and caches are loaded before the baseline.
        warm: dict = {}
        await user(-1, browser, server.url, time.monotonic(), warm, min_loops=2)
        baseline = await settled_rss_mb(pid)
        out: dict = {}
        peak = baseline
        proc = psutil.Process(pid)
        cpu0, wall0 = sum(proc.cpu_times()[:2]), time.monotonic()
        deadline = time.monotonic() + SECONDS
        tasks = [asyncio.create_task(user(i, browser, server.url, deadline, out, min_loops=1)) for i in range(SESSIONS)]
        while not all(t.done() for t in tasks):
            peak = max(peak, rss_mb(pid))
            await asyncio.sleep(0.5)  # memory sampling interval while the sessions run
        await asyncio.gather(*tasks)
        server_cpu, wall = sum(proc.cpu_times()[:2]) - cpu0, time.monotonic() - wall0
        await browser.close()
    # Sessions are dropped after server.disconnectedSessionTTL (5 s here); give the server time to do it.
    after = rss_mb(pid)
    for _ in range(30):  # bounded poll for the condition "memory is back within its bound"
        await asyncio.sleep(1)
        after = min(after, rss_mb(pid))
        if after <= baseline + LEFTOVER_MB_PER_SESSION * SESSIONS:
            break
    lats = [x for r in out.values() for x in r["latencies"]]
    return {
        "sessions": SESSIONS, "seconds": SECONDS, "loops": sum(r["loops"] for r in out.values()),
        "clicks": len(lats), "errors": sum(r["errors"] for r in out.values()),
        "p50_s": round(statistics.median(lats), 3) if lats else None,
        "p95_s": round(statistics.quantiles(lats, n=20)[18], 3) if len(lats) >= 20 else None,
        "server_cpu_share": round(server_cpu / wall / (psutil.cpu_count() or 1), 3),
        "rss_baseline_mb": round(baseline, 1), "rss_peak_mb": round(peak, 1), "rss_after_mb": round(after, 1),
        "leftover_bound_mb": LEFTOVER_MB_PER_SESSION * SESSIONS,
    }


def test_concurrent_sessions_click_through_the_wizard():
    server = StreamlitServer(extra_args=("--server.disconnectedSessionTTL", "5")).start()
    result: dict = {}
    failure: list[BaseException] = []

    def run() -> None:  # its own thread and event loop: the sync Playwright fixtures hold the main one
        try:
            result.update(asyncio.run(soak(server)))
        except BaseException as e:
            failure.append(e)

    try:
        worker = threading.Thread(target=run, name="soak")
        worker.start()
        worker.join(timeout=SECONDS + 900)
        assert not worker.is_alive(), "soak did not finish in time"
        if failure:
            raise failure[0]
        assert_no_server_traceback(server)
    finally:
        server.stop()
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "soak.json").write_text(json.dumps(result, indent=2))
    print("\nsoak:", json.dumps(result))
    assert result["errors"] == 0
    assert result["loops"] >= SESSIONS  # every session got through the wizard at least once
    assert result["rss_after_mb"] <= result["rss_baseline_mb"] + result["leftover_bound_mb"], result
