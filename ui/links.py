"""LinkRepair: an ASGI middleware (no Streamlit) that repairs two kinds of link before Streamlit sees them.

Used by server.py. A nested page path is redirected to the page; a query string with more parameters than
Streamlit reads (MAX_PARAMS) is redirected to the page with `link_notice=too_many_params`.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any
from urllib.parse import quote

from guide.advice.brief_io import MAX_PARAMS
from ui import participant

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

NOTICE_PARAM = "link_notice"
# Characters a query string keeps as they came (everything else is percent-encoded again).
SAFE_QUERY = "-._~!$'()*+,;=:@/?&%"
# First path segments that belong to Streamlit's server, never to a page.
RESERVED = frozenset({"_stcore", "static", "media", "component", "app", "favicon.png", "robots.txt"})


def _page(segment: str) -> str:
    """`/segment` as a path on this site: every character that is not a plain URL character is
    percent-encoded, so `\\evil.example` (which a browser reads as `//evil.example`, another host) stays a path
    and a non-Latin-1 segment can be sent in a header."""
    return "/" + quote(segment, safe="-._~!$'()*+,;=@")


def repaired(path: str, query: str) -> str | None:
    """Where a request for `path?query` should go instead, or None when it is fine as it is. The answer is
    always a path on this site (one `/`, then no `/` or `\\`), in ASCII."""
    parts = [p for p in path.split("/") if p]
    params = [p for p in query.split("&") if p]
    if (parts and parts[0] in RESERVED) or (len(parts) >= 2 and parts[1] in RESERVED):
        # Streamlit's own routes, also as the frontend probes them under a page path (/brief/_stcore/health)
        return None
    if len(params) > MAX_PARAMS:
        return f"{_page(parts[0]) if parts else '/'}?{NOTICE_PARAM}=too_many_params"
    if len(parts) >= 2:
        return _page(parts[0]) + (f"?{quote(query, safe=SAFE_QUERY)}" if query else "")
    return None


# Every HTTP answer refuses to be shown inside another site's frame (the trainer's buttons, the vote buttons).
FRAME_HEADERS = ((b"x-frame-options", b"DENY"), (b"content-security-policy", b"frame-ancestors 'none'"))


def is_metrics(path: str) -> bool:
    """Streamlit's /_stcore/metrics (session counts, memory): not served to visitors (docs/reliability.md)."""
    parts = [p for p in path.split("/") if p]
    return parts[-2:] == ["_stcore", "metrics"]


# New participant cookies per client address per minute (a classroom behind one address gets 100 at once).
COOKIES_PER_MINUTE = 300


def _cookie(headers: list[tuple[bytes, bytes]]) -> str | None:
    for k, v in headers:
        if k.lower() == b"cookie":
            for part in v.decode("latin-1").split(";"):
                name, _, value = part.strip().partition("=")
                if name == participant.COOKIE:
                    return value
    return None


class LinkRepair:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.issued: dict[str, tuple[float, int]] = {}  # client address -> (window start, cookies issued)

    def _may_issue(self, scope: Scope) -> bool:
        import time

        host = str((scope.get("client") or ("?", 0))[0])
        now = time.monotonic()
        start, n = self.issued.get(host, (now, 0))
        if now - start >= 60:
            start, n = now, 0
        if n >= COOKIES_PER_MINUTE:
            return False
        if len(self.issued) > 10_000:
            self.issued.clear()
        self.issued[host] = (start, n + 1)
        return True

    def _set_cookie(self, scope: Scope) -> bytes | None:
        """A Set-Cookie for a page load whose browser has no genuine participant cookie yet."""
        parts = [p for p in str(scope.get("path", "/")).split("/") if p]
        if (parts and parts[0] in RESERVED) or (len(parts) >= 2 and parts[1] in RESERVED):
            return None
        if participant.verify(_cookie(list(scope.get("headers", [])))) is not None or not self._may_issue(scope):
            return None
        secure = "; Secure" if scope.get("scheme") == "https" else ""
        return (f"{participant.COOKIE}={participant.issue()}; Path=/; Max-Age={participant.MAX_AGE_S}; "
                f"HttpOnly; SameSite=Lax{secure}").encode("ascii")

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope.get("type") != "http":
            await self.app(scope, receive, send)
            return

        cookie = self._set_cookie(scope) if scope.get("method") == "GET" else None

        async def framed(message: Message) -> None:
            if message.get("type") == "http.response.start":
                kept = [(k, v) for k, v in message.get("headers", []) if k.lower() not in dict(FRAME_HEADERS)]
                extra = [(b"set-cookie", cookie)] if cookie and message.get("status", 200) < 400 else []
                message = {**message, "headers": kept + list(FRAME_HEADERS) + extra}
            await send(message)

        path = str(scope.get("path", "/"))
        if is_metrics(path):
            await framed({"type": "http.response.start", "status": 404,
                          "headers": [(b"content-type", b"text/plain"), (b"content-length", b"9")]})
            await framed({"type": "http.response.body", "body": b"Not Found"})
            return
        if scope.get("method") in ("GET", "HEAD"):
            target = repaired(path, bytes(scope.get("query_string", b"")).decode("latin-1"))
            if target is not None:
                await framed({"type": "http.response.start", "status": 307,
                              "headers": [(b"location", target.encode("ascii")), (b"content-length", b"0")]})
                await framed({"type": "http.response.body", "body": b""})
                return
        await self.app(scope, receive, framed)
