"""A minimal client of Streamlit's browser protocol, enough to be one workshop participant.

What a browser tab does, without the browser: open the websocket `/_stcore/stream` (subprotocol
"streamlit"), send a `BackMsg.rerun_script` carrying the page, query string and widget states, and read
the `ForwardMsg`s back (new elements with their widget ids, `auto_rerun` for `st.fragment(run_every=...)`,
`script_finished`). Fragment timers are honoured as the frontend honours them (its `setInterval`: a
fragment rerun every `interval` seconds, each timer at its own phase), so 100 clients load the server as 100
phones would. Script-run times are measured from sending a rerun to its `script_finished`, on loopback.

The page, as Streamlit's frontend sends it: the page name from the address on the first run only; after that
the page script hash the server's `navigation` message named, in every rerun, fragment reruns included. This
matters: an `st.rerun(scope="app")` asked from a fragment run reruns the page that run was sent for, and a
rerun that names no page (hash empty, as this client once sent its fragment reruns) lands on the default page.
A full run the server starts by itself (such an `st.rerun`) drops the fragment timers, as the frontend does on
its `new_session`; the run announces the fragments it still has.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
import time
from typing import Any

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState

THINK_S = 2.0  # a participant reads the question before voting
DONE = {ForwardMsg.FINISHED_SUCCESSFULLY, ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY,
        ForwardMsg.FINISHED_WITH_COMPILE_ERROR}


class Session:
    def __init__(self, base_ws: str, page: str, query: str, cookie: str | None = None) -> None:
        self.url, self.page, self.query = f"{base_ws}/_stcore/stream", page, query
        self.page_hash = ""  # the page script hash of the latest `navigation` message (what the frontend keeps)
        self.cookie = cookie  # "name=value" from the page load (server.py's participant cookie)
        self.metrics: list[tuple[float, str]] = []  # (time seen, value) of every st.metric drawn
        self.widgets: dict[str, Any] = {}  # widget id -> its element proto (latest run)
        self.texts: list[str] = []  # markdown/alert/heading bodies of the latest full run
        self.drawn: list[str] = []  # element types the latest run (full or fragment) sent
        self.exceptions = 0
        self.runs: list[tuple[str, float]] = []  # ("full" | "fragment", seconds)
        self.run_times: list[tuple[float, float]] = []  # each run's (sent, finished), wall clock, as self.runs
        self._finished: asyncio.Queue[int] = asyncio.Queue()
        self._fragments: dict[str, float] = {}  # fragment id -> its interval (s), as announced
        self._due: dict[str, float] = {}  # fragment id -> when its timer fires next (time.monotonic())
        self._wake = asyncio.Event()  # a fragment was announced: its timer starts now
        self._lock = asyncio.Lock()

    async def __aenter__(self) -> Session:
        headers = {"Cookie": self.cookie} if self.cookie else None
        self.ws = await websockets.connect(self.url, subprotocols=["streamlit"], max_size=2**26,  # type: ignore[list-item]
                                           additional_headers=headers)
        self._reader = asyncio.create_task(self._read())
        self._timer = asyncio.create_task(self._auto_rerun())
        return self

    async def __aexit__(self, *exc: object) -> None:
        self._timer.cancel()
        self._reader.cancel()
        await self.ws.close()

    async def _read(self) -> None:
        async for raw in self.ws:
            msg = ForwardMsg()
            msg.ParseFromString(raw)
            kind = msg.WhichOneof("type")
            if kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
                el = msg.delta.new_element
                name = el.WhichOneof("type")
                self.drawn.append(str(name))
                if name == "exception":
                    self.exceptions += 1
                elif name in ("markdown", "alert", "heading", "text", "metric"):
                    self.texts.append(getattr(el, name).body)
                    if name == "metric":
                        self.metrics.append((time.time(), el.metric.body))
                sub: Any = getattr(el, name) if name else None
                if sub is not None and getattr(sub, "id", None):
                    self.widgets[sub.id] = sub
            elif kind == "navigation":
                self.page_hash = msg.navigation.page_script_hash
            elif kind == "new_session" and not msg.metadata.run.fragment_ids:
                self._fragments, self._due = {}, {}  # a full run, whoever asked for it: its fragments announce again
            elif kind == "auto_rerun":
                fid, interval = msg.auto_rerun.fragment_id, msg.auto_rerun.interval
                if self._fragments.get(fid) != interval:  # the frontend keeps a timer re-announced unchanged
                    self._fragments[fid], self._due[fid] = interval, time.monotonic() + interval
                    self._wake.set()
            elif kind == "script_finished":
                await self._finished.put(msg.script_finished)

    async def rerun(self, states: list[Any] | None = None, fragment: str = "") -> float:
        """One interaction: send it, wait until its run (and any st.rerun it asks for) has finished."""
        async with self._lock:
            back = BackMsg()
            cs = back.rerun_script
            cs.query_string, cs.fragment_id = self.query, fragment
            if self.page_hash:  # as the frontend: the current page by its hash once the server has named it
                cs.page_script_hash = self.page_hash
            else:
                cs.page_name = self.page
            cs.is_auto_rerun = bool(fragment)
            for s in states or []:
                cs.widget_states.widgets.append(s)
            if not fragment:
                self.texts = []
                # As the frontend does: a full run announces the fragments it has; older ones are gone.
                self._fragments, self._due = {}, {}
            self.drawn = []
            t0, sent = time.perf_counter(), time.time()
            await self.ws.send(back.SerializeToString())
            while (status := await asyncio.wait_for(self._finished.get(), 60)) not in DONE:
                pass
            dt = time.perf_counter() - t0
            if status == ForwardMsg.FINISHED_WITH_COMPILE_ERROR:
                self.exceptions += 1
            self.runs.append(("fragment" if fragment else "full", dt))
            self.run_times.append((sent, time.time()))
            return dt

    async def _auto_rerun(self) -> None:
        """The frontend's `setInterval`, one per fragment: a rerun every `interval` seconds counted from the
        fragment's announcement, each timer on its own schedule. A timer that comes due while a run is still
        going fires when it ends; a late timer fires once and keeps its phase, never a burst of catch-up runs.
        So 100 phones poll at 100 phases, as 100 browsers do, even after a moment when every run had to wait
        (a database outage): timers restarted from the end of each run would leave them polling in step."""
        while True:
            now = time.monotonic()
            for fid, at in sorted(self._due.items(), key=lambda kv: kv[1]):
                interval = self._fragments.get(fid)
                if interval is None or at > now or self._due.get(fid) != at:
                    continue
                self._due[fid] = at + interval * (1 + int((now - at) // interval))
                try:
                    await self.rerun(fragment=fid)
                except TimeoutError:  # a fragment the server no longer has: the next full run says which
                    self._fragments.pop(fid, None)
                    self._due.pop(fid, None)
            self._wake.clear()
            wait = min(self._due.values(), default=now + 60.0) - time.monotonic()
            if wait > 0:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._wake.wait(), wait)

    def widget(self, key_suffix: str) -> Any:
        """The widget whose id ends with the user key (Streamlit puts the key at the end of the id)."""
        return next(w for wid, w in self.widgets.items() if wid.endswith(key_suffix))

    def submit_button(self, form_prefix: str) -> Any:
        return next(w for w in self.widgets.values()
                    if getattr(w, "is_form_submitter", False) and w.form_id.startswith(form_prefix))


def page_cookie(http_base: str, path: str) -> str | None:
    """Load a page over HTTP as a browser does first, and return the participant cookie it sets."""
    import urllib.request

    with urllib.request.urlopen(f"{http_base}{path}", timeout=30) as r:
        for header in r.headers.get_all("Set-Cookie") or []:
            return str(header.split(";")[0])
    return None


def start_server(env: dict[str, str], port: int, log_path: str) -> Any:
    """`streamlit run app.py` on a free loopback port with `env` added; returns the process once healthy."""
    import os
    import subprocess
    import sys
    import urllib.request
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    cmd = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true", "--server.port",
           str(port), "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false"]
    proc = subprocess.Popen(cmd, cwd=root, env={**os.environ, **env}, stdout=open(log_path, "wb"),
                            stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    return proc
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError(f"streamlit did not start, see {log_path}")


# ---- a workshop participant ------------------------------------------------------------------------------

async def participant(base: str, code: str, qid: int, i: int, delay: float, out: list[Any], end: asyncio.Event) -> None:
    await asyncio.sleep(delay)
    async with Session(base, "workshop", f"room={code}") as s:
        await s.rerun()  # join: the page with the question
        await asyncio.sleep(THINK_S)
        radio = s.widget(f"ws_choice_{qid}")  # a radio's state is its option's label
        states = [WidgetState(id=radio.id, string_value=radio.options[i % 4]),
                  WidgetState(id=s.widget(f"ws_reason_{qid}").id, string_value=f"reason {i}"),
                  WidgetState(id=s.submit_button("ws_vote_").id, trigger_value=True)]
        sent = time.time()
        await s.rerun(states)
        out.append((sent, time.time(), s))
        await end.wait()  # the phone stays open, its page keeps polling the room


async def crowd(base: str, code: str, qid: int, n: int, spread: float, out: list[Any]) -> None:
    end = asyncio.Event()
    tasks = [asyncio.create_task(participant(base, code, qid, i, spread * i / n, out, end)) for i in range(n)]
    while len(out) < n and not any(t.done() and t.exception() for t in tasks):
        await asyncio.sleep(0.2)
    end.set()
    await asyncio.gather(*tasks)


def in_thread(*args: Any) -> float:
    """Run a crowd on its own event loop (Playwright's sync API owns this thread's loop); its wall time."""
    t0 = time.time()
    th = threading.Thread(target=lambda: asyncio.run(crowd(*args)))
    th.start()
    th.join()
    return time.time() - t0
