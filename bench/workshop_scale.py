"""Workshop at scale: 100 protocol-level participants (tests/stclient.py) over two Streamlit servers
(server.py, so each participant has its own cookie) sharing one real PostgreSQL, with think time, bounded in
count and time, on 127.0.0.1 only. In the middle PostgreSQL is restarted (stopped, ~10 s down, started:
what `pg_ctl restart` does, with the pause made explicit); the votes in the database are counted against the
votes sent. The board is a board-view session on server B (its fragment reruns every 2.5 s).
`python -m bench.workshop_scale` prints the figures."""

from __future__ import annotations

import asyncio
import os
import random
import statistics
import threading
import time
from typing import Any

from sqlalchemy import create_engine

from guide.advice.brief_io import presets
from guide.workshop import rooms as ws
from tests.stclient import THINK_S, Session, WidgetState, page_cookie

N, SPREAD_S, DOWN_S, DEADLINE_S, ALONE_S = 100, 40.0, 10.0, 240.0, 12.0
UNEXPECTED = ("Maaf, halaman ini mengalami masalah", "Sorry, this page ran into a problem")


async def participant(http: str, base: str, code: str, qid: int, i: int, delay: float, log: list[dict[str, Any]],
                      end: asyncio.Event) -> None:
    await asyncio.sleep(delay)
    cookie = await asyncio.to_thread(page_cookie, http, f"/workshop?room={code}")
    rec: dict[str, Any] = {"i": i, "server": base, "cookie": bool(cookie)}
    log.append(rec)
    async with Session(base, "workshop", f"room={code}", cookie=cookie) as s:
        rec["session"] = s
        await s.rerun()
        await asyncio.sleep(THINK_S + random.random() * 4)
        for _ in range(120):  # joined during the outage: the page comes back by itself, then shows the form
            try:
                radio = s.widget(f"ws_choice_{qid}")
                break
            except StopIteration:
                await asyncio.sleep(0.5)
        else:
            raise RuntimeError("no vote form within 60 s")
        states = [WidgetState(id=radio.id, string_value=radio.options[i % 4]),
                  WidgetState(id=s.widget(f"ws_reason_{qid}").id, string_value=f"reason {i}"),
                  WidgetState(id=s.submit_button("ws_vote_").id, trigger_value=True)]
        rec["sent"] = time.time()
        await s.rerun(states)
        rec["done"] = time.time()
        rec["pending"] = any("belum tersimpan" in x for x in s.texts)
        await end.wait()  # the phone stays open: its poll resends a waiting answer


def measure() -> dict[str, Any]:
    from tests.db.pgserver import PgServer
    from tests.e2e.conftest import StreamlitServer

    pg = PgServer().start()
    url = pg.create_database("scale")
    saved = {k: os.environ.get(k) for k in (ws.ENV_URL, "WORKSHOP_COOKIE_SECRET")}
    os.environ[ws.ENV_URL], os.environ["WORKSHOP_COOKIE_SECRET"] = url, "bench-shared-secret"
    servers: list[StreamlitServer] = []
    try:
        servers = [StreamlitServer().start(), StreamlitServer().start()]
        engine = ws.prepare(create_engine(url, pool_pre_ping=True))
        keys = ws.create_room(engine)
        qid = ws.start_quiz(engine, keys.code, keys.secret, presets()[0].brief, presets()[0].id)
        out: dict[str, Any] = {}
        th = threading.Thread(target=lambda: out.update(asyncio.run(_run(servers, pg, keys.code, qid))))
        th.start()
        th.join(DEADLINE_S + 60)
        stored = ws.board(engine, keys.code).total
        engine.dispose()
    finally:
        for srv in servers:
            srv.stop()
        pg.stop()
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    sent = out.pop("sent")
    out.update({"votes_sent": sent, "votes_in_db": stored, "lost_votes": sent - stored})
    return out


async def _run(servers: list[Any], pg: Any, code: str, qid: int) -> dict[str, Any]:
    a, b = (s.url for s in servers)
    wa, wb = (u.replace("http://", "ws://") for u in (a, b))
    t0 = time.time()
    async with Session(wb, "workshop", f"room={code}&view=board") as board:
        await board.rerun()
        await asyncio.sleep(ALONE_S)  # the board alone: its fragment reruns with nobody voting
        alone = [dt for kind, dt in board.runs if kind == "fragment"]
        n_alone = len(board.runs)
        log: list[dict[str, Any]] = []
        end = asyncio.Event()
        tasks = [asyncio.create_task(participant(a if i % 2 == 0 else b, wa if i % 2 == 0 else wb, code, qid, i,
                                                 SPREAD_S * i / N, log, end)) for i in range(N)]
        await asyncio.sleep(SPREAD_S / 2)
        down_at = time.time()
        await asyncio.to_thread(pg.pause)
        await asyncio.sleep(DOWN_S)
        await asyncio.to_thread(pg.resume)
        up_at = time.time()
        deadline = t0 + DEADLINE_S
        # until every participant has voted (or failed), within the deadline
        while time.time() < deadline and any(not t.done() and not any(r["i"] == i and "done" in r for r in log)
                                             for i, t in enumerate(tasks)):
            await asyncio.sleep(0.5)
        await asyncio.sleep(4 * 3.0)  # a few polls: waiting answers are sent again
        end.set()
        await asyncio.gather(*tasks, return_exceptions=True)
        under = [dt for kind, dt in board.runs[n_alone:] if kind == "fragment"]
        seen = [(ts, int(v)) for ts, v in board.metrics if v.isdigit()]
    failed = [repr(t.exception())[:200] for t in tasks if t.done() and not t.cancelled() and t.exception()]
    done = [r for r in log if "done" in r]
    before = sorted((r for r in done if r["done"] < down_at and not r["pending"]), key=lambda r: r["done"])
    lag = []
    for k, r in enumerate(before):
        first = next((ts for ts, n in seen if n >= k + 1 and ts >= r["sent"]), None)
        if first is not None:
            lag.append(first - r["sent"])
    sessions = [r["session"] for r in log if "session" in r]
    errors = sum(s.exceptions for s in sessions) + board.exceptions
    errors += sum(1 for s in sessions for x in s.texts if any(u in x for u in UNEXPECTED))
    p95 = statistics.quantiles(under, n=20)[18] if len(under) >= 2 else float("nan")
    ref = statistics.median(alone) if alone else float("nan")
    return {
        "participants": N, "servers": 2, "sent": len(done), "with_cookie": sum(1 for r in log if r["cookie"]),
        "pending_at_send": sum(1 for r in done if r["pending"]),
        "postgres_down_s": round(up_at - down_at, 1), "errors_shown": errors,
        "board_alone_median_ms": round(ref * 1000, 1), "board_load_p95_ms": round(p95 * 1000, 1),
        "board_p95_over_alone": round(p95 / ref, 2) if alone else None,
        "vote_to_other_board_p95_s": round(statistics.quantiles(lag, n=20)[18], 2) if len(lag) >= 2 else None,
        "lag_votes_measured": len(lag), "participants_failed": len(failed), "first_failure": failed[:1],
        "wall_s": round(time.time() - t0, 1),
        "load_avg_1m": round(os.getloadavg()[0], 1)}


if __name__ == "__main__":
    print(measure())
