"""Real-browser fixtures: one Streamlit server per test session, headless Debian Chromium via Playwright.

Tests stay small: `page_at(path)` opens a page and waits until the script has finished running and no
skeleton is left. Every test that uses `page_at` fails if a page ends with a Streamlit exception element,
or if the server logged a Python traceback while the test ran (`assert_no_server_traceback`; mark a test
`@pytest.mark.allow_server_traceback` when it provokes one on purpose).

Waiting is always on a condition, never a fixed time: Playwright's `expect(...)` retries until its
condition holds or the timeout runs out, so a slow machine makes a test slower, not flaky.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",  # /dev/shm is small in containers; Chromium crashes tabs when it fills
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
READY = '[data-testid="stApp"][data-test-script-state="notRunning"]'
SKELETON = '[data-testid="stSkeleton"]'
EXCEPTION = '[data-testid="stException"]'
TRACEBACK = "Traceback (most recent call last):"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class StreamlitServer:
    """`streamlit run server.py` (what `make run` serves) on a free loopback port; stopped whatever happens.
    Its output (stdout and stderr) goes to `log_path`, which `log_text()` reads back."""

    def __init__(self, script: str = "server.py", port: int | None = None, extra_args: tuple[str, ...] = ()) -> None:
        self.script = script
        self.extra_args = extra_args
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen[bytes] | None = None
        self.log_path = ROOT / "test-artifacts" / f"server-{self.port}.log"

    def start(self, timeout: float = 60.0) -> StreamlitServer:
        self.log_path.parent.mkdir(exist_ok=True)
        cmd = [
            sys.executable, "-m", "streamlit", "run", self.script,
            "--server.headless", "true",
            "--server.port", str(self.port),
            "--server.address", "127.0.0.1",
            "--browser.gatherUsageStats", "false",
            *self.extra_args,
        ]
        with self.log_path.open("wb") as log:  # the child keeps its own copy of the descriptor
            self.proc = subprocess.Popen(cmd, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:  # poll the health endpoint: the condition is "answers 200"
            if self.proc.poll() is not None:
                raise RuntimeError(f"streamlit exited early, see {self.log_path}")
            with contextlib.suppress(OSError):
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        return self
            # Between health probes, wait on the process itself: an early exit is seen at once.
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.proc.wait(timeout=0.2)
        self.stop()
        raise RuntimeError(f"streamlit not healthy after {timeout}s, see {self.log_path}")

    def log_text(self, since: int = 0) -> str:
        """The server's output from byte offset `since` on (`log_size()` gives the current offset)."""
        with self.log_path.open("rb") as f:
            f.seek(since)
            return f.read().decode("utf-8", errors="replace")

    def log_size(self) -> int:
        return self.log_path.stat().st_size if self.log_path.exists() else 0

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)


def tracebacks(log: str) -> list[str]:
    """Every Python traceback in a server log, each up to the line that names the exception."""
    found = []
    lines = log.splitlines()
    for i, line in enumerate(lines):
        if TRACEBACK in line:
            end = next((j for j in range(i + 1, len(lines)) if lines[j] and not lines[j][0].isspace()), len(lines) - 1)
            found.append("\n".join(lines[i:end + 1]))
    return found


def assert_no_server_traceback(server: StreamlitServer, since: int = 0) -> None:
    """Fail when the server logged a traceback after byte offset `since` (a page crashed on the server,
    even if the user only saw our polite message)."""
    found = tracebacks(server.log_text(since))
    assert not found, f"the server logged {len(found)} traceback(s) (see {server.log_path}):\n" + found[0]


def wait_ready(page: Page, timeout: float = 30_000) -> None:
    """Wait until the script run is over and lazily loaded widgets and charts have appeared."""
    expect(page.locator(READY)).to_have_count(1, timeout=timeout)
    expect(page.locator(SKELETON)).to_have_count(0, timeout=timeout)
    expect(page.locator(READY)).to_have_count(1, timeout=timeout)  # a skeleton may have meant a new run


def assert_no_exception(page: Page) -> None:
    exc = page.locator(EXCEPTION)
    n = exc.count()
    assert n == 0, f"Streamlit showed {n} exception element(s): {exc.first.inner_text()}"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "allow_server_traceback: the test provokes a server-side traceback on purpose")


@pytest.fixture(scope="session")
def server() -> Iterator[StreamlitServer]:
    srv = StreamlitServer().start()
    try:
        yield srv
    finally:
        srv.stop()


@pytest.fixture()
def no_server_traceback(request: pytest.FixtureRequest, server: StreamlitServer) -> Iterator[StreamlitServer]:
    """Fails the test when the shared server logs a traceback while it runs (`page_at` uses it)."""
    start = server.log_size()
    yield server
    if request.node.get_closest_marker("allow_server_traceback") is None:
        assert_no_server_traceback(server, since=start)


@contextlib.contextmanager
def chromium_browser() -> Iterator[Browser]:
    """Debian's Chromium, headless, closed whatever happens (the browser fixtures here and in tests/db)."""
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with chromium_browser() as b:
        yield b


@pytest.fixture()
def page_at(browser: Browser, server: StreamlitServer, no_server_traceback: StreamlitServer) -> Iterator[Callable[..., Page]]:
    contexts = []

    def open_page(path: str = "/", width: int = 1280, height: int = 900) -> Page:
        ctx = browser.new_context(viewport={"width": width, "height": height})
        contexts.append(ctx)
        page = ctx.new_page()
        page.goto(server.url + path)
        wait_ready(page)
        assert_no_exception(page)
        return page

    try:
        yield open_page
        for ctx in contexts:  # the test passed: no page may have ended with an exception element
            for pg in ctx.pages:
                assert_no_exception(pg)
    finally:
        for ctx in contexts:
            with contextlib.suppress(Exception):
                ctx.close()
