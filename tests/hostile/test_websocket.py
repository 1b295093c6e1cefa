"""Issue 19, item 14: a websocket message naming widgets this server never made (a stale or tampered client)
must not log a traceback per message, and the page says our own message instead of breaking.

A real server (app.py), a protocol-level client (tests/stclient.py) sending widget states with made-up ids on
every page, then the server's log is read."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path

from stclient import Session, start_server
from streamlit.proto.WidgetStates_pb2 import WidgetState

PAGES = ("", "brief", "recommendation", "compare", "creators", "results", "workshop", "learn", "assumptions")
JUNK_IDS = ("junk", "$$ID-deadbeef-None", "$$ID-0123456789abcdef-w_budget")


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def _send_junk(port: int) -> list[str]:
    texts: list[str] = []
    for page in PAGES:
        async with Session(f"ws://127.0.0.1:{port}", page, "lang=id") as s:
            await s.rerun()
            for wid in JUNK_IDS:
                state = WidgetState()
                state.id = wid
                state.string_value = "x"
                await s.rerun([state])
                texts += s.texts
            assert s.exceptions == 0  # never Streamlit's own exception box
    return texts


def test_unknown_widget_ids_log_no_traceback(tmp_path: Path) -> None:
    port = _free_port()
    log = tmp_path / "server.log"
    proc = start_server({}, port, str(log))
    texts: list[str] = []
    failures: list[BaseException] = []

    def client() -> None:  # its own thread: in the whole suite, Playwright's event loop runs in this one
        try:
            texts.extend(asyncio.run(_send_junk(port)))
        except BaseException as e:  # re-raised below, in the test's own thread
            failures.append(e)

    try:
        worker = threading.Thread(target=client)
        worker.start()
        worker.join(300)
        assert not worker.is_alive()
        if failures:
            raise failures[0]
    finally:
        proc.terminate()
        proc.wait(30)
    out = log.read_text(encoding="utf-8", errors="replace")
    assert "Traceback" not in out
    assert texts  # the client saw every page drawn
    # Where a page could not be drawn from such a message, it says so in the app's own words (Indonesian here).
    assert all("Ask Google" not in t for t in texts)
    if "unknown widget" in out:
        assert any(t.startswith("Maaf, halaman ini mengalami masalah.") for t in texts)
