"""Bench plug-in: the Results PDF of data/sample_results.csv (charts included) against the recommendation PDF
of a brief (issue 22, target ≤ 1.5), measured side by side in one run, both ways a user meets them:

* cli: `python -m guide results data/sample_results.csv --format pdf --out F` ÷
  `python -m guide report BRIEF --format pdf --out F`, each a fresh process (what a script or a check times),
  alternated, median of `repeats`;
* warm: in one process, read + analyse + `to_pdf` ÷ `recommend` + `recommendation_pdf` (what the pages do),
  median of `repeats` after one warm-up call each.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
BRIEF = {"goal": "launch", "budget_idr": 75_000_000, "audience": "broad", "industry": "beauty",
         "platforms": ["instagram", "tiktok"], "name": "Peluncuran Serum Glow", "product_value_idr": 150_000,
         "duration_weeks": 6}
TARGET = 1.5


def _cli(args: list[str]) -> float:
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "guide", *args], cwd=ROOT, check=True, capture_output=True, timeout=300)
    return time.perf_counter() - t0


def measure(repeats: int = 5) -> dict[str, Any]:
    from guide import CampaignBrief, recommend
    from guide.reports.recommendation import recommendation_pdf
    from guide.results.analysis import analyse, parse_results
    from guide.results.report import to_pdf

    with tempfile.TemporaryDirectory() as d:
        brief = Path(d) / "brief.json"
        brief.write_text(json.dumps(BRIEF), encoding="utf-8")
        results_s, report_s = [], []
        for _ in range(repeats):
            results_s.append(_cli(["results", str(ROOT / "data" / "sample_results.csv"), "--format", "pdf",
                                   "--out", str(Path(d) / "results.pdf")]))
            report_s.append(_cli(["report", str(brief), "--format", "pdf", "--out", str(Path(d) / "report.pdf")]))
    data = (ROOT / "data" / "sample_results.csv").read_bytes()
    b = CampaignBrief.model_validate(BRIEF)

    def results_pdf() -> None:
        to_pdf(analyse(parse_results(data, "sample_results.csv"), None, "id"), "id")

    def report_pdf() -> None:
        recommendation_pdf(recommend(b, "id"), "id")

    warm: dict[str, list[float]] = {"results": [], "report": []}
    results_pdf(), report_pdf()
    for _ in range(repeats):
        for name, fn in (("results", results_pdf), ("report", report_pdf)):
            t0 = time.perf_counter()
            fn()
            warm[name].append(time.perf_counter() - t0)
    app, ref = statistics.median(results_s), statistics.median(report_s)
    w_app, w_ref = statistics.median(warm["results"]), statistics.median(warm["report"])
    return {"app_ms": round(app * 1000), "reference_ms": round(ref * 1000), "ratio": round(app / ref, 2),
            "target": TARGET, "warm_results_ms": round(w_app * 1000), "warm_report_ms": round(w_ref * 1000),
            "warm_ratio": round(w_app / w_ref, 2), "repeats": repeats}


if __name__ == "__main__":
    print(json.dumps(measure()))
