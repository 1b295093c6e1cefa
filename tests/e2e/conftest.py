"""Real-browser fixtures: one Streamlit server per test session, headless Debian Chromium via Playwright.

Tests stay small: `page_at(path)` opens a page, waits until the script has finished running and no
skeleton is left, and every test fails if Streamlit shows an exception element.
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
from playwright.sync_api import Browser, Page, sync_playwright

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
READY = '[data-testid="stApp"][data-test-script-state="notRunning"]'


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class StreamlitServer:
    """`streamlit run app.py` on a free loopback port; stopped whatever happens."""

    def __init__(self, script: str = "app.py", port: int | None = None, extra_args: tuple[str, ...] = ()) -> None:
        self.script = script
        self.extra_args = extra_args
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen[bytes] | None = None
        self.log_path = ROOT / "test-artifacts" / f"server-{self.port}.log"

    def start(self, timeout: float = 60.0) -> StreamlitServer:
        self.log_path.parent.mkdir(exist_ok=True)
        log = self.log_path.open("wb")
        cmd = [
            sys.executable, "-m", "streamlit", "run", self.script,
            "--server.headless", "true",
            "--server.port", str(self.port),
            "--server.address", "127.0.0.1",
            "--browser.gatherUsageStats", "false",
            *self.extra_args,
        ]
        self.proc = subprocess.Popen(cmd, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"streamlit exited early, see {self.log_path}")
            with contextlib.suppress(OSError):
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        return self
            time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"streamlit not healthy after {timeout}s, see {self.log_path}")

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)


def wait_ready(page: Page, timeout: float = 30_000) -> None:
    """Wait until the script run is over and lazily loaded widgets and charts have appeared."""
    page.wait_for_selector(READY, timeout=timeout)
    page.wait_for_function(
        "() => document.querySelectorAll('[data-testid=\"stSkeleton\"]').length === 0",
        timeout=timeout,
    )
    # A rerun may start right after the first one finished (query-param sync); settle once more.
    page.wait_for_timeout(300)
    page.wait_for_selector(READY, timeout=timeout)


def assert_no_exception(page: Page) -> None:
    n = page.locator('[data-testid="stException"]').count()
    assert n == 0, f"Streamlit showed {n} exception element(s): {page.locator('[data-testid=stException]').first.inner_text()}"


@pytest.fixture(scope="session")
def server() -> Iterator[StreamlitServer]:
    srv = StreamlitServer().start()
    try:
        yield srv
    finally:
        srv.stop()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture()
def page_at(browser: Browser, server: StreamlitServer) -> Iterator[Callable[..., Page]]:
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
