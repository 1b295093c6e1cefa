"""tests/stclient.py's fragment timers behave as the frontend's `setInterval` (the workshop scale bench loads the
servers with them): each phone's poll keeps its own phase, also after a moment when every run had to wait (a
database outage), instead of the phones polling in step afterwards. No server: `rerun` is replaced by a stub
that records when each timer fired and, for the first runs, waits until a shared moment; the server's
announcement of the fragment (`auto_rerun`) comes through the session's own reader, at each phone's moment."""

from __future__ import annotations

import asyncio
import itertools
import time

from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from tests import aio
from tests.stclient import Session

INTERVAL = 0.4


class Announces:
    """A websocket that, after `delay` seconds, brings one `auto_rerun` for fragment "f", then nothing."""

    def __init__(self, delay: float) -> None:
        self.delay = delay

    async def __aiter__(self):  # type: ignore[no-untyped-def]
        await asyncio.sleep(self.delay)
        msg = ForwardMsg()
        msg.auto_rerun.fragment_id, msg.auto_rerun.interval = "f", INTERVAL
        yield msg.SerializeToString()
        await asyncio.Event().wait()


async def phones(offsets: tuple[float, ...], blocked_until: float, until: float) -> list[list[float]]:
    release = asyncio.Event()
    fired: list[list[float]] = [[] for _ in offsets]
    sessions = []
    start = time.monotonic()
    for i, offset in enumerate(offsets):
        s = Session("ws://127.0.0.1:9", "workshop", "")

        async def rerun(states=None, fragment: str = "", i: int = i) -> float:
            fired[i].append(time.monotonic() - start)
            if time.monotonic() - start < blocked_until:
                await release.wait()  # the database is down: every run waits until the same moment
            return 0.0

        s.rerun = rerun  # type: ignore[method-assign]
        s.ws = Announces(offset)  # type: ignore[assignment]
        sessions.append(s)
    timers = [asyncio.create_task(s._read()) for s in sessions] + [asyncio.create_task(s._auto_rerun())
                                                                    for s in sessions]
    await asyncio.sleep(blocked_until)
    release.set()
    await asyncio.sleep(until - blocked_until)
    for t in timers:
        t.cancel()
    return fired



def test_two_phones_keep_their_own_phase_after_every_run_waited_for_the_same_moment():
    fired = aio.run(phones((0.0, 0.2), blocked_until=1.0, until=2.6))
    after = [[t for t in f if t > 1.1] for f in fired]
    assert all(len(a) >= 3 for a in after), fired
    for a in after:  # on its own schedule: INTERVAL apart, not a burst of catch-up runs
        gaps = [y - x for x, y in itertools.pairwise(a)]
        assert all(abs(g - INTERVAL) < 0.1 for g in gaps), fired
    # Half a period apart, as before the wait (in step would be ~0).
    phase = [(a[0] % INTERVAL) for a in after]
    apart = abs(phase[0] - phase[1])
    assert 0.1 < min(apart, INTERVAL - apart), fired
