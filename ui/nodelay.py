"""No 40 ms wait on a small message: Nagle's algorithm off on every connection the server accepts.

Streamlit 1.67's server (`streamlit run`, Starlette + uvicorn) binds its listening socket as
`socket.socket(family)`, so the socket's protocol number is 0, not `IPPROTO_TCP`; asyncio turns Nagle's
algorithm off (TCP_NODELAY) on each accepted connection only when that number says TCP
(`asyncio.base_events._set_nodelay`). Every browser connection therefore kept Nagle on: a small websocket
message written while an earlier one is still unacknowledged (a rerun's last deltas, its `script_finished`)
waited in the kernel for the browser's delayed ACK, about 40 ms on Linux. Seen in the workshop scale run
(docs/performance.md): the board's slowest run under load had left server B 4 ms after it started and reached
the board 47 ms after; the board's very first run lost 42 ms the same way with nothing else running.

`install()` (server.py calls it before Streamlit accepts anything) makes asyncio set TCP_NODELAY on stream
sockets whose protocol number is 0 too: for AF_INET/AF_INET6 SOCK_STREAM that is TCP, the same sockets asyncio
already meant. uvicorn run on its own (`uvicorn server:app`) binds with IPPROTO_TCP and needs none of this.
"""

from __future__ import annotations

import asyncio.base_events
import socket

STOCK = asyncio.base_events._set_nodelay  # type: ignore[attr-defined]  # asyncio's own, kept for the tests


def set_nodelay(sock: socket.socket) -> None:
    """TCP_NODELAY on a TCP stream socket, whether it was made with protocol number 0 or IPPROTO_TCP."""
    if (sock.family in (socket.AF_INET, socket.AF_INET6) and sock.type == socket.SOCK_STREAM
            and sock.proto in (0, socket.IPPROTO_TCP)):
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)


def install() -> None:
    """From now on, every connection an asyncio server in this process accepts has TCP_NODELAY."""
    if hasattr(socket, "TCP_NODELAY"):
        asyncio.base_events._set_nodelay = set_nodelay  # type: ignore[attr-defined]
