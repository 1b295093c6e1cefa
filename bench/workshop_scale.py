"""Workshop at scale: 100 protocol-level participants (tests/stclient.py) over two Streamlit servers
(server.py, so each participant has its own cookie) sharing one real PostgreSQL, with think time, bounded in
count and time, on 127.0.0.1 only. In the middle PostgreSQL is restarted (stopped, ~10 s down, started:
what `pg_ctl restart` does, with the pause made explicit); the votes in the database are counted against the
votes sent. The board is a board-view session on server B (its fragment reruns every 2.5 s).
Vote → board lag: see `vote_lags` (every vote sent is measured, the target figure over the votes through
server A; those whose way to the board crossed the outage are also counted apart).
`python -m bench.workshop_scale` prints the figures; every vote's times go to bench/out/workshop_scale_votes.json."""

from __future__ import annotations

import asyncio
import json
import os
import random
import statistics
import threading
import time
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, select

from guide.advice.brief_io import presets
from guide.workshop import rooms as ws
from tests.stclient import THINK_S, Session, WidgetState, page_cookie

N, SPREAD_S, DOWN_S, DEADLINE_S, ALONE_S = 100, 40.0, 10.0, 240.0, 12.0
EDGE_S = 3.0  # after the database is back: the pools reconnect (both servers, 100 phones)
RAW = Path(__file__).resolve().parent / "out" / "workshop_scale_votes.json"  # every vote's times, to check by hand
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
        with engine.connect() as conn:
            times = {int(reason.removeprefix("reason ")): float(at) for reason, at in conn.execute(
                select(ws.votes.c.reason, ws.votes.c.updated_at).where(ws.votes.c.question_id == qid))}
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
    seen, outage = out.pop("_seen"), out.pop("_outage")
    figures, rows = vote_lags(out.pop("_votes"), times, seen, outage, out.pop("_board_server"))
    out.update({"votes_sent": sent, "votes_in_db": stored, "lost_votes": sent - stored, **figures})
    RAW.parent.mkdir(exist_ok=True)
    RAW.write_text(json.dumps({"figures": out, "outage": outage, "votes": rows, "board_seen": seen}, indent=1))
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
        # The same runs without those that began or ended between the stop and EDGE_S after the database was
        # back: the stop and the reconnection, not the load (the figure stays the one above).
        away = [dt for (kind, dt), (sent, done) in zip(board.runs[n_alone:], board.run_times[n_alone:], strict=True)
                if kind == "fragment" and not (down_at <= done and sent <= up_at + EDGE_S)]
        seen = [(ts, int(v)) for ts, v in board.metrics if v.isdigit()]
    failed = [repr(t.exception())[:200] for t in tasks if t.done() and not t.cancelled() and t.exception()]
    done = [r for r in log if "done" in r]
    sessions = [r["session"] for r in log if "session" in r]
    errors = sum(s.exceptions for s in sessions) + board.exceptions
    errors += sum(1 for s in sessions for x in s.texts if any(u in x for u in UNEXPECTED))
    p95 = statistics.quantiles(under, n=20)[18] if len(under) >= 2 else float("nan")
    away = away if len(away) >= 2 else []
    p95_away = statistics.quantiles(away, n=20)[18] if away else float("nan")
    ref = statistics.median(alone) if alone else float("nan")
    return {
        "participants": N, "servers": 2, "sent": len(done), "with_cookie": sum(1 for r in log if r["cookie"]),
        "pending_at_send": sum(1 for r in done if r["pending"]),
        "postgres_down_s": round(up_at - down_at, 1), "errors_shown": errors,
        "board_alone_median_ms": round(ref * 1000, 1), "board_load_p95_ms": round(p95 * 1000, 1),
        "board_p95_over_alone": round(p95 / ref, 2) if alone else None,
        "board_runs_under_load": len(under), "board_slowest_under_load_ms": sorted(round(x * 1000, 1) for x in under)[-3:],
        "board_load_p95_away_from_outage_ms": round(p95_away * 1000, 1) if away else None,
        "board_p95_away_from_outage_over_alone": round(p95_away / ref, 2) if away and alone else None,
        "board_runs_away_from_outage": len(away),
        "participants_failed": len(failed), "first_failure": failed[:1],
        "wall_s": round(time.time() - t0, 1),
        "load_avg_1m": round(os.getloadavg()[0], 1),
        "_votes": [{k: r[k] for k in ("i", "server", "sent", "done", "pending")} for r in done],
        "_seen": seen, "_outage": (down_at, up_at), "_board_server": wb}


def pct95(xs: list[float]) -> float | None:
    return round(statistics.quantiles(xs, n=20)[18], 2) if len(xs) >= 2 else None


def vote_lags(votes: list[dict[str, Any]], stored: dict[int, float], seen: list[tuple[float, int]],
              outage: tuple[float, float], board_server: str) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Each vote's lag: from the moment its participant sent it to the first board count that includes it.
    A vote is in the board's count once the count reaches its rank in the order the database stored the votes
    (`updated_at`, each participant votes once); the board's count only grows. Every vote sent is measured, the
    ones kept on the phone during the outage too (counted from when they were sent, while the database was
    down). The target figure is over the votes through the server the board is not on; the votes whose
    send → board interval crossed the outage are also shown apart, with how long after the database came back
    the board showed them."""
    order = sorted(stored.values())
    down_at, up_at = outage
    rows = []
    for r in votes:
        at = stored.get(r["i"])
        if at is None:
            continue
        rank = sum(1 for x in order if x <= at)
        shown = next((ts for ts, n in seen if n >= rank and ts >= r["sent"]), None)
        rows.append({**r, "stored": at, "rank": rank, "shown": shown,
                     "lag": None if shown is None else shown - r["sent"],
                     "crossed": r["sent"] < up_at and (shown is None or shown > down_at)})
    other = [x for x in rows if x["server"] != board_server]
    lag_other = [x["lag"] for x in other if x["lag"] is not None]
    lag_up = [x["lag"] for x in other if x["lag"] is not None and not x["crossed"]]
    crossed = [x for x in rows if x["crossed"]]
    catch_up = [x["shown"] - up_at for x in crossed if x["shown"] is not None]
    return {
        "vote_to_other_board_p95_s": pct95(lag_other), "lag_votes_measured": len(lag_other),
        "vote_to_other_board_max_s": round(max(lag_other), 2) if lag_other else None,
        "vote_to_other_board_p95_db_up_s": pct95(lag_up), "lag_votes_db_up": len(lag_up),
        "vote_to_same_board_p95_s": pct95([x["lag"] for x in rows if x["server"] == board_server
                                         and x["lag"] is not None]),
        "votes_crossing_outage": len(crossed),
        "outage_votes_shown_after_db_back_max_s": round(max(catch_up), 2) if catch_up else None,
        "votes_never_shown": sum(1 for x in rows if x["shown"] is None)}, rows


if __name__ == "__main__":
    print(measure())
