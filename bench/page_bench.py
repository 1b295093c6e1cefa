"""Figure 3: AppTest rerun of the Recommendation page ÷ rerun of the reference page (bench/reference_app.py).

Each AppTest opens its page once (first run + page switch + run), then `at.run()` is timed again and
again: the app as it runs, the app with its chart-spec cache cleared, and the reference, interleaved (order
rotated every round) with the garbage collector run before each timed rerun. Wall-clock medians are the
figure; this process's CPU time (the script runs in a thread of this process) is recorded as a cross-check
unaffected by other processes.
"""

from __future__ import annotations

import gc
import statistics
import time
from pathlib import Path
from typing import Any

import streamlit as st
from streamlit.runtime.caching import cache_data_api
from streamlit.testing.v1 import AppTest

from guide import CampaignBrief
from guide.briefio import DEFAULT_BRIEF, presets
from guide.charts import clear_chart_templates

ROOT = Path(__file__).resolve().parents[1]
# st.cache_data.clear() outside a server logs "No runtime found" on every call.
cache_data_api._LOGGER.addFilter(lambda rec: "No runtime found" not in rec.getMessage())
APP = (ROOT / "app.py", "pages/recommendation.py")
REFERENCE = (ROOT / "bench" / "reference_app.py", "reference_pages/recommendation.py")


def _count(at: AppTest, kind: str) -> int:
    n = 0

    def walk(node: Any) -> None:
        nonlocal n
        if getattr(node, "type", None) == kind:
            n += 1
        children = getattr(node, "children", None)
        if isinstance(children, dict):
            for ch in children.values():
                walk(ch)

    walk(at._tree)
    return n


def open_page(script: Path, page: str, brief: CampaignBrief | None = None) -> AppTest:
    at = AppTest.from_file(str(script), default_timeout=60)
    if brief is not None:
        at.session_state["brief"] = brief  # the app's init_state keeps a brief already in the session
    at.run()
    at.switch_page(page)
    at.run()
    if at.exception:
        raise RuntimeError(f"{script.name}: {at.exception[0].value}")
    charts, tables = _count(at, "vega_lite_chart"), _count(at, "dataframe")
    if (charts, tables) != (5, 1):
        raise RuntimeError(f"{script.name}: expected 5 charts and 1 dataframe, found {charts} and {tables}")
    at.run()  # warm (first rerun on the page)
    return at


def _rerun(at: AppTest, clear_cache: bool = False) -> tuple[float, float]:
    if clear_cache:  # every chart is built again: the first view of each layout on a fresh server
        st.cache_data.clear()
        clear_chart_templates()
    gc.collect()
    c0, t0 = time.process_time(), time.perf_counter()
    at.run()
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    if at.exception:
        raise RuntimeError(str(at.exception[0].value))
    return wall, cpu


def page_rerun(repeats: int = 15) -> dict[str, Any]:
    """Per brief, rounds of three reruns in rotating order: the app as it runs (its chart-spec cache warm,
    as on any rerun with unchanged answers), the app with the cache cleared first (what a changed answer
    costs), and the reference."""
    briefs = {"default": DEFAULT_BRIEF}
    launch = next((p for p in presets() if p.id == "beauty-launch"), None)
    if launch is not None:
        briefs["preset beauty-launch"] = launch.brief
    ref = open_page(*REFERENCE)
    out: dict[str, Any] = {"repeats": repeats, "briefs": {}}
    kinds = ("app", "app_uncached", "reference")
    for label, brief in briefs.items():
        app = open_page(*APP, brief=brief)
        wall: dict[str, list[float]] = {k: [] for k in kinds}
        cpu: dict[str, list[float]] = {k: [] for k in kinds}
        for i in range(repeats):
            for j in range(3):
                kind = kinds[(i + j) % 3]
                w, c = _rerun(ref if kind == "reference" else app, clear_cache=kind == "app_uncached")
                wall[kind].append(w)
                cpu[kind].append(c)
        m = {k: statistics.median(v) for k, v in wall.items()}
        mc = {k: statistics.median(v) for k, v in cpu.items()}
        out["briefs"][label] = {
            "brief": brief.model_dump(mode="json", exclude_none=True),
            "app_ms": m["app"] * 1e3, "app_uncached_ms": m["app_uncached"] * 1e3, "reference_ms": m["reference"] * 1e3,
            "ratio": m["app"] / m["reference"], "ratio_uncached": m["app_uncached"] / m["reference"],
            "ratio_cpu": mc["app"] / mc["reference"], "ratio_uncached_cpu": mc["app_uncached"] / mc["reference"],
            "samples_ms": {k: [x * 1e3 for x in v] for k, v in wall.items()},
        }
    worst = max(out["briefs"].values(), key=lambda r: r["ratio"])
    worst_unc = max(out["briefs"].values(), key=lambda r: r["ratio_uncached"])
    out.update(ratio=worst["ratio"], ratio_cpu=worst["ratio_cpu"], app_ms=worst["app_ms"],
               reference_ms=worst["reference_ms"], ratio_uncached=worst_unc["ratio_uncached"],
               ratio_uncached_cpu=worst_unc["ratio_uncached_cpu"], app_uncached_ms=worst_unc["app_uncached_ms"])
    return out
