"""ui/nodelay.py: a connection accepted on a listening socket bound the way Streamlit 1.67 binds it
(`socket.socket(family)`, protocol number 0) gets TCP_NODELAY once `install()` has run, and (the premise, checked
on the same kind of socket) did not before: without it a rerun's last small messages wait for the browser's
delayed ACK."""

from __future__ import annotations

import asyncio
import asyncio.base_events
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from tests import aio
from ui import nodelay

ROOT = Path(__file__).resolve().parents[1]


async def accepted_nodelay() -> int:
    """TCP_NODELAY of the server side of one connection to an asyncio server on a protocol-0 socket."""
    listener = socket.socket(family=socket.AF_INET)  # what Streamlit's server binds: no proto given
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    listener.setblocking(False)
    assert listener.proto == 0
    seen: asyncio.Future[int] = asyncio.get_running_loop().create_future()

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        sock = writer.get_extra_info("socket")
        seen.set_result(sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
        writer.close()

    server = await asyncio.start_server(handle, sock=listener)
    async with server:
        _, writer = await asyncio.open_connection("127.0.0.1", listener.getsockname()[1])
        value = await asyncio.wait_for(seen, 10)
        writer.close()
    return value


@pytest.fixture
def stock_asyncio():
    saved = asyncio.base_events._set_nodelay  # type: ignore[attr-defined]
    yield
    asyncio.base_events._set_nodelay = saved  # type: ignore[attr-defined]



def test_a_connection_to_a_socket_bound_as_streamlit_binds_it_has_nagle_off_once_installed(stock_asyncio):
    asyncio.base_events._set_nodelay = nodelay.STOCK  # type: ignore[attr-defined]
    assert aio.run(accepted_nodelay()) == 0  # the premise: stock asyncio leaves Nagle on here
    nodelay.install()
    assert aio.run(accepted_nodelay()) != 0


def test_only_tcp_stream_sockets_are_touched():
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as udp:
        nodelay.set_nodelay(udp)  # no TCP option on a datagram socket: nothing set, nothing raised
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as unix:
        nodelay.set_nodelay(unix)
    with socket.socket(socket.AF_INET6 if socket.has_ipv6 else socket.AF_INET) as tcp:
        nodelay.set_nodelay(tcp)
        assert tcp.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0


def test_the_app_make_run_serves_installs_it_on_import():
    """server.py (what `make run` and the browser tests serve) installs it as it is loaded, before Streamlit
    binds its socket. In a child process: importing server.py changes process-wide state."""
    code = ("import asyncio.base_events as b, server; from ui import nodelay; "
            "print(b._set_nodelay is nodelay.set_nodelay)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.stdout.strip().splitlines()[-1:] == ["True"], out.stderr[-2000:]
