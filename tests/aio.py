"""`asyncio.run` for a test, in a thread of its own: when the whole suite runs in one process the browser tests'
Playwright keeps an event loop running in the main thread, and asyncio.run refuses to start inside it."""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")


def run(coro: Coroutine[Any, Any, T]) -> T:
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coro).result()
