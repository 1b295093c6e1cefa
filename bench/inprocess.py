"""In-process figures: the Recommendation page's rerun against the reference page (AppTest, Streamlit's
public testing API), and the what-if map against validating the same briefs (guide.advice.whatif's public API)."""

from __future__ import annotations

import gc
import random
import statistics
import time
from pathlib import Path
from typing import Any

from streamlit.testing.v1 import AppTest

from guide import CampaignBrief
from guide.advice.models import AUDIENCES, GOALS, INDUSTRIES
from guide.advice.whatif import whatif_map

ROOT = Path(__file__).resolve().parents[1]


def _open(script: Path, page: str | None) -> AppTest:
    at = AppTest.from_file(str(script), default_timeout=120)
    at.run()
    if page:
        at.switch_page(page)
        at.run()
    if at.exception:
        raise RuntimeError(f"{script.name}: {at.exception[0].value}")
    at.run()  # warm: the first rerun on the page
    return at


def _timed_run(at: AppTest) -> float:
    gc.collect()
    t0 = time.perf_counter()
    at.run()
    return time.perf_counter() - t0


def page_rerun(repeats: int = 15) -> dict[str, Any]:
    """Median rerun (unchanged answers: what every click on the page costs before its own work) of the
    app's Recommendation page (the default brief) and of the reference page, interleaved."""
    app = _open(ROOT / "app.py", "pages/recommendation.py")
    ref = _open(ROOT / "bench" / "reference_app.py", None)
    charts = {"app": len(app.get("vega_lite_chart")), "reference": len(ref.get("vega_lite_chart"))}
    times: dict[str, list[float]] = {"app": [], "reference": []}
    for i in range(repeats):
        order = ("app", "reference") if i % 2 else ("reference", "app")
        for name in order:
            times[name].append(_timed_run(app if name == "app" else ref))
    med = {k: statistics.median(v) * 1e3 for k, v in times.items()}
    return {"app_ms": round(med["app"], 1), "reference_ms": round(med["reference"], 1),
            "ratio": round(med["app"] / med["reference"], 2), "charts": charts, "repeats": repeats}


def _brief(rng: random.Random) -> CampaignBrief:
    return CampaignBrief(goal=rng.choice(GOALS), audience=rng.choice(AUDIENCES), industry=rng.choice(INDUSTRIES),
                         budget_idr=round(10 ** rng.uniform(7, 10), -3), duration_weeks=rng.randint(1, 26))


def whatif(n_briefs: int = 8, seed: int = 14) -> dict[str, Any]:
    """One what-if map (every budget x goal x audience around a brief, >= 1,000 briefs) against
    `CampaignBrief.model_validate` of the same briefs as dicts. A different brief every time, so a cache
    keyed by the brief would not flatter the figure."""
    rng = random.Random(seed)
    whatif_map(_brief(rng))  # warm imports and the knowledge base
    maps, validates, cells = [], [], 0
    for _ in range(n_briefs):
        brief = _brief(rng)
        gc.collect()
        t0 = time.perf_counter()
        grid = whatif_map(brief)
        maps.append(time.perf_counter() - t0)
        base = brief.model_dump()
        dicts = [{**base, "goal": c.goal, "audience": c.audience, "budget_idr": c.budget_idr,
                  "secondary_goal": base["secondary_goal"] if base["secondary_goal"] != c.goal else None} for c in grid]
        gc.collect()
        t0 = time.perf_counter()
        for d in dicts:
            CampaignBrief.model_validate(d)
        validates.append(time.perf_counter() - t0)
        cells = len(grid)
    m, v = statistics.median(maps), statistics.median(validates)
    return {"briefs_per_map": cells, "map_ms": round(m * 1e3, 2), "validate_ms": round(v * 1e3, 2),
            "ratio": round(m / v, 2), "target": 5.0, "runs": n_briefs}


def recommendation(n_briefs: int = 200, seed: int = 23) -> dict[str, Any]:
    """One `guide.recommend` (rules + the plan's mixed-integer programme) on random briefs, with the plan
    solver's cache cleared before every call so no figure is flattered by a repeat; target ≤ 50 ms median."""
    from guide import recommend
    from guide.advice.planner import _solve

    rng = random.Random(seed)
    recommend(_brief(rng))  # warm imports and the knowledge base
    times = []
    for _ in range(n_briefs):
        brief = _brief(rng)
        _solve.cache_clear()
        gc.collect()
        t0 = time.perf_counter()
        recommend(brief)
        times.append(time.perf_counter() - t0)
    times.sort()
    return {"median_ms": round(statistics.median(times) * 1e3, 2),
            "p90_ms": round(times[int(0.9 * len(times))] * 1e3, 2), "target_ms": 50.0, "runs": n_briefs}


if __name__ == "__main__":  # run in its own process: Streamlit's runtime and Playwright do not share one
    import json
    import os
    import sys

    quick = os.environ.get("BENCH_QUICK") == "1"
    figures = {"page_rerun": page_rerun(repeats=4 if quick else 15), "whatif_map": whatif(n_briefs=3 if quick else 10),
               "recommend": recommendation(n_briefs=40 if quick else 200)}
    sys.stdout.write("BENCH_JSON " + json.dumps(figures) + "\n")
