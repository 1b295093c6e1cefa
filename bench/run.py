"""`make bench`: measure, write bench/out/report.json and the generated block of docs/performance.md.

Stages run in order, each bounded; a stage that would not fit in what is left of the time budget is
skipped and named in the report. BENCH_QUICK=1 runs a small version of everything (for trying it out).
"""

from __future__ import annotations

import asyncio
import json
import math
import os
import sys
import time
import traceback
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"
DOC = ROOT / "docs" / "performance.md"
BUDGET_S = float(os.environ.get("BENCH_BUDGET_S", "540"))  # the whole run stays under 10 minutes

FULL: dict[str, Any] = {
    "engine": {"n": 10_000, "passes": 1, "chunk": 500},
    "whatif": {"n_briefs": 6, "reps": 5},
    "page_rerun": {"repeats": 10},
    "browser": {"repeats": 20, "loads": 3, "cold_runs": 1, "levels": [1, 5, 10, 20], "window_s": 15,
                "grace_s": 8, "think": [3.0, 8.0], "reference_levels": [1, 10]},
}
QUICK: dict[str, Any] = {
    "engine": {"n": 2_000, "passes": 1, "chunk": 500},
    "whatif": {"n_briefs": 3, "reps": 3},
    "page_rerun": {"repeats": 4},
    "browser": {"repeats": 4, "loads": 2, "cold_runs": 1, "levels": [1, 3], "window_s": 12, "grace_s": 5,
                "think": [1.0, 2.0], "reference_levels": [1, 3]},
}
# Rough stage lengths (s) on a 2-core machine, used to skip a stage that cannot finish in time.
NEEDS = {"engine": 20, "whatif": 10, "page_rerun": 60, "browser": 360}


def log(msg: str) -> None:
    print(msg, flush=True)


def _clean(x: Any) -> Any:
    """JSON without NaN/inf (written as null)."""
    if isinstance(x, float):
        return None if math.isnan(x) or math.isinf(x) else x
    if isinstance(x, dict):
        return {k: _clean(v) for k, v in x.items()}
    if isinstance(x, list | tuple):
        return [_clean(v) for v in x]
    return x


def main() -> int:
    os.chdir(ROOT)
    sys.path.insert(0, str(ROOT))
    from bench import browser as br
    from bench import engine_bench, page_bench
    from bench.machine import load_average, machine
    from bench.report import figures, markdown, write_doc

    quick = os.environ.get("BENCH_QUICK") == "1"
    cfg = QUICK if quick else FULL
    t_start = time.monotonic()
    result: dict[str, Any] = {
        "started": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "quick": quick, "config": cfg, "machine": machine(br.CHROMIUM), "load_start": load_average(),
        "skipped": [], "stage_s": {},
    }

    def stage(name: str, fn: Callable[[], Any]) -> None:
        left = BUDGET_S - (time.monotonic() - t_start)
        if not quick and left < NEEDS[name]:
            result["skipped"].append(f"{name}: skipped, {left:.0f} s left of the {BUDGET_S:.0f} s budget")
            log(f"[bench] {name}: skipped (time budget)")
            return
        log(f"[bench] {name} …")
        t0 = time.monotonic()
        try:
            result[name] = fn()
        except Exception as e:
            result["skipped"].append(f"{name}: failed: {type(e).__name__}: {e}")
            traceback.print_exc()
        result["stage_s"][name] = round(time.monotonic() - t0, 1)
        log(f"[bench] {name} done in {result['stage_s'][name]:.0f} s")

    try:
        stage("engine", lambda: engine_bench.engine(**cfg["engine"]))
        if "engine" in result:
            result["engine_parts"] = engine_bench.engine_parts(n=500 if quick else 3000)
            e = result["engine"]
            log(f"  recommend {e['recommend_us']:.0f} µs / validate {e['validate_us']:.1f} µs = {e['ratio']:.1f}×")
        stage("whatif", lambda: engine_bench.whatif(**cfg["whatif"]))
        if "whatif" in result:
            log(f"  what-if map ratio {result['whatif']['ratio']:.2f}×")
        stage("page_rerun", lambda: page_bench.page_rerun(**cfg["page_rerun"]))
        if "page_rerun" in result:
            p = result["page_rerun"]
            log(f"  rerun app {p['app_ms']:.0f} ms / reference {p['reference_ms']:.0f} ms = {p['ratio']:.2f}×")

        def browser_stage() -> Any:
            left = BUDGET_S - (time.monotonic() - t_start)
            out: dict[str, Any] = {}
            result["browser"] = out  # kept with what it has if the stage is cut or fails
            try:
                asyncio.run(asyncio.wait_for(br.run_all(cfg["browser"], log, out, time.monotonic() + left),
                                             timeout=max(left, 60)))
            except TimeoutError:
                result["skipped"].append(f"browser: cut by the time budget after {left:.0f} s; later parts missing")
            return out

        stage("browser", browser_stage)
    finally:
        br.stop_all()

    result["load_end"] = load_average()
    result["duration_s"] = time.monotonic() - t_start
    figs = figures(result)
    result["figures"] = figs
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "report.json").write_text(json.dumps(_clean(result), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    write_doc(DOC, markdown(result, figs))
    log("")
    for f in figs:
        status = "info" if f["met"] is None else ("met" if f["met"] else "MISSED")
        log(f"  {status:>6}  {f['value']:8.2f}{f['unit']:<3} target {f['target']}  {f['name']}")
    log(f"[bench] wrote {OUT / 'report.json'} and {DOC} in {result['duration_s']:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
