"""Workshop load: 50 participants join and vote within a minute (protocol-level clients, tests/stclient.py)
while one real browser projects the trainer's board. `python -m bench.workshop` prints the figures."""

from __future__ import annotations

import os
import statistics
import tempfile
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine

from guide.advice.brief_io import presets
from guide.workshop import rooms as ws
from tests.stclient import in_thread, start_server

N, SPREAD_S, BASELINE = 50, 40.0, 6
OBSERVE = """() => { window.__seen = []; const box = document.querySelector('.st-key-ws_board');
  new MutationObserver(() => { const m = box.querySelector('[data-testid="stMetricValue"]');
    if (m) window.__seen.push([Date.now() / 1000, parseInt(m.innerText, 10)]); })
  .observe(box, {subtree: true, childList: true, characterData: true}); }"""


def measure() -> dict[str, float | int | str]:
    from playwright.sync_api import expect, sync_playwright

    from tests.e2e.conftest import CHROMIUM, CHROMIUM_ARGS, free_port, wait_ready

    tmp = Path(tempfile.mkdtemp(prefix="ws-bench-"))
    url, port = f"sqlite:///{tmp / 'rooms.sqlite3'}", free_port()
    engine = ws.prepare(create_engine(url))
    keys = ws.create_room(engine)
    qid = ws.start_quiz(engine, keys.code, keys.secret, presets()[0].brief, presets()[0].id)
    proc = start_server({ws.ENV_URL: url}, port, str(tmp / "server.log"))
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
            board = browser.new_page(viewport={"width": 1920, "height": 1080})
            board.goto(f"http://127.0.0.1:{port}/workshop?room={keys.code}&trainer={keys.secret}")
            wait_ready(board)
            base, single, load = f"ws://127.0.0.1:{port}", list[Any](), list[Any]()
            for _ in range(BASELINE // 2):  # one participant at a time: the single-session reference
                in_thread(base, keys.code, qid, 1, 0.0, single)
            board.evaluate(OBSERVE)
            window = in_thread(base, keys.code, qid, N, SPREAD_S, load)
            expect(board.locator(".st-key-ws_board [data-testid='stMetricValue']")).to_have_text(
                str(N + BASELINE // 2), timeout=15_000)
            for _ in range(BASELINE - BASELINE // 2):  # the reference again after the load (machine drift)
                in_thread(base, keys.code, qid, 1, 0.0, single)
            seen = board.evaluate("() => window.__seen")
            browser.close()
    finally:
        proc.terminate()
        proc.wait(30)
    done = sorted(load, key=lambda r: r[1])
    lag = [next(ts for ts, n in seen if n >= BASELINE // 2 + k + 1) - sent for k, (sent, _, _) in enumerate(done)]
    ref = statistics.median(dt for _, _, s in single for kind, dt in s.runs if kind == "full")
    p95 = statistics.quantiles([dt for _, _, s in load for kind, dt in s.runs if kind == "full"], n=20)[18]
    fragments = sum(1 for _, _, s in load for kind, _ in s.runs if kind == "fragment")
    out: dict[str, float | int | str] = {
            "participants": N, "load_window_s": round(window, 1), "fragment_runs": fragments,
            "lost_votes": N + BASELINE - ws.board(engine, keys.code).total,
            "exceptions": sum(s.exceptions for _, _, s in single + load),
            "vote_to_board_p95_s": round(statistics.quantiles(lag, n=20)[18], 2),
            "vote_to_board_max_s": round(max(lag), 2),
            "run_single_median_ms": round(ref * 1000, 1), "run_load_p95_ms": round(p95 * 1000, 1),
            "run_p95_over_single_median": round(p95 / ref, 2),
            "load_avg_1m": round(os.getloadavg()[0], 1)}
    return out


if __name__ == "__main__":
    print(measure())
