"""Results downloads and uploads, timed with the functions the Results page and `python -m guide results` call:

- the Results PDF of data/sample_results.csv (charts included) against the recommendation PDF of a brief;
(the 5,000-post workbook against `pandas.read_excel` is bench/results_xlsx.py).

`python -m bench.results` prints the figures; `make bench` runs it as a plug-in.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def _median_s(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def measure(runs: int = 3) -> dict[str, Any]:
    from guide import CampaignBrief, recommend
    from guide.reports.recommendation import recommendation_pdf
    from guide.results.analysis import analyse, parse_results
    from guide.results.report import to_pdf

    sample = (ROOT / "data" / "sample_results.csv").read_bytes()
    brief = CampaignBrief(goal="launch", budget_idr=150_000_000, audience="niche", industry="beauty",
                          platforms=("instagram", "tiktok"))
    rec = recommend(brief, "id")
    # Warm both (fonts, converters) so the figure is what the second and later downloads cost.
    recommendation_pdf(rec, "id")
    to_pdf(analyse(parse_results(sample, "sample_results.csv"), brief, "id"), "id")
    pdf_rec = _median_s(lambda: recommendation_pdf(rec, "id"), runs)
    pdf_res = _median_s(lambda: to_pdf(analyse(parse_results(sample, "sample_results.csv"), brief, "id"), "id"), runs)
    return {"recommendation_pdf_s": round(pdf_rec, 3), "results_pdf_s": round(pdf_res, 3),
            "pdf_ratio": round(pdf_res / pdf_rec, 2)}


if __name__ == "__main__":
    for key, value in measure().items():
        print(f"{key}: {value}")
