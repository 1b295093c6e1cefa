"""The HTTP corpus (tests/hostile/http.yaml) through server.py's middleware: redirects stay on this site, odd
path segments never give a 500, and every answer carries the anti-framing headers."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
import yaml

from ui.links import LinkRepair

HTTP = list(yaml.safe_load((Path(__file__).resolve().parent / "http.yaml").read_text(encoding="utf-8")))


def call(path: str, query: bytes, app: Any = None) -> list[dict[str, Any]]:
    sent: list[dict[str, Any]] = []

    async def inner(scope, receive, send):
        await send({"type": "http.response.start", "status": 200, "headers": [(b"content-type", b"text/html")]})
        await send({"type": "http.response.body", "body": b"page"})

    async def send(message):
        sent.append(message)

    async def receive():
        return {"type": "http.request"}

    scope = {"type": "http", "method": "GET", "path": path, "query_string": query}
    with ThreadPoolExecutor(1) as pool:
        pool.submit(asyncio.run, LinkRepair(app or inner)(scope, receive, send)).result()
    return sent


@pytest.mark.parametrize("case", HTTP, ids=[c["id"] for c in HTTP])
def test_http_request(case):
    query = "&".join(f"p{i}=1" for i in range(case.get("params", 0))).encode()
    start = call(case["path"], query)[0]
    headers = dict(start["headers"])
    if case["status"] == "pass":
        assert start["status"] == 200
    else:
        assert start["status"] == case["status"]
        location = headers[b"location"].decode("ascii")
        assert location == case["location"]
        assert location.startswith("/") and location[1:2] not in ("/", "\\")


@pytest.mark.parametrize("case", HTTP, ids=[c["id"] for c in HTTP])
def test_every_answer_refuses_to_be_framed(case):
    headers = dict(call(case["path"], b"")[0]["headers"])
    assert headers[b"x-frame-options"] == b"DENY"
    assert headers[b"content-security-policy"] == b"frame-ancestors 'none'"


def test_metrics_are_not_served_to_visitors():
    start, body = call("/_stcore/metrics", b"")
    assert start["status"] == 404 and body["body"] == b"Not Found"
    start, _ = call("/recommendation/_stcore/metrics", b"")
    assert start["status"] == 404


# ---- one participant per device: the signed participant cookie ----------------------------------------------

def set_cookie(path: str, cookie: bytes | None = None, app: LinkRepair | None = None,
               client: str = "203.0.113.7") -> bytes | None:
    sent: list[dict[str, Any]] = []

    async def inner(scope, receive, send):
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b""})

    async def send(message):
        sent.append(message)

    async def receive():
        return {"type": "http.request"}

    mw = app or LinkRepair(inner)
    headers = [(b"cookie", cookie)] if cookie else []
    scope = {"type": "http", "method": "GET", "path": path, "query_string": b"", "headers": headers,
             "client": (client, 5000), "scheme": "http"}
    with ThreadPoolExecutor(1) as pool:
        pool.submit(asyncio.run, mw(scope, receive, send)).result()
    return dict(sent[0]["headers"]).get(b"set-cookie")


def test_a_page_load_gets_a_signed_participant_cookie_once() -> None:
    from ui import participant

    got = set_cookie("/workshop")
    assert got is not None
    value = got.decode().split(";")[0].split("=", 1)[1]
    assert got.decode().endswith("; Path=/; Max-Age=604800; HttpOnly; SameSite=Lax")
    assert participant.verify(value) is not None
    assert set_cookie("/workshop", f"{participant.COOKIE}={value}".encode()) is None  # kept, not replaced
    assert set_cookie("/_stcore/health") is None and set_cookie("/static/js/main.js") is None
    forged = value.split(".")[0] + ".AAAAAAAAAAAAAAAAAAAAAAAA"
    assert participant.verify(forged) is None
    assert set_cookie("/workshop", f"{participant.COOKIE}={forged}".encode()) is not None  # a forged one is replaced


def test_new_participant_cookies_are_limited_per_address() -> None:
    from ui.links import COOKIES_PER_MINUTE

    async def inner(scope, receive, send):
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b""})

    mw = LinkRepair(inner)
    issued = [set_cookie("/workshop", app=mw) for _ in range(COOKIES_PER_MINUTE + 5)]
    assert sum(c is not None for c in issued) == COOKIES_PER_MINUTE
    assert set_cookie("/workshop", app=mw, client="198.51.100.9") is not None  # another address is not affected
