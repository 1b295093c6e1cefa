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
