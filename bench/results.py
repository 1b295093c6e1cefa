"""Results downloads and uploads, timed with the functions the Results page and `python -m guide results` call:

- the Results PDF of data/sample_results.csv (charts included) against the recommendation PDF of a brief;
- a 5,000-post results .xlsx, read + metrics + verdicts, against `pandas.read_excel` of the same file.

`python -m bench.results` prints the figures; `make bench` runs it as a plug-in.
"""

from __future__ import annotations

import io
import random
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
POSTS = 5_000


def _median_s(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def results_xlsx(posts: int = POSTS, seed: int = 22) -> bytes:
    """A workbook like a marketer's export: one row per post, the sample file's columns."""
    import pandas as pd

    sample = pd.read_csv(ROOT / "data" / "sample_results.csv", sep=None, engine="python")
    rng = random.Random(seed)
    rows = [sample.iloc[rng.randrange(len(sample))].to_dict() for _ in range(posts)]
    for i, r in enumerate(rows):
        r[next(iter(r))] = f"{r[next(iter(r))]}-{i}"  # distinct creators in the first column
    out = io.BytesIO()
    pd.DataFrame(rows).to_excel(out, index=False)
    return out.getvalue()


def measure(runs: int = 3) -> dict[str, Any]:
    import pandas as pd

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
    book = results_xlsx()
    read_excel = _median_s(lambda: pd.read_excel(io.BytesIO(book)), runs)
    ours = _median_s(lambda: analyse(parse_results(book, "results.xlsx"), brief, "id"), runs)
    return {"recommendation_pdf_s": round(pdf_rec, 3), "results_pdf_s": round(pdf_res, 3),
            "pdf_ratio": round(pdf_res / pdf_rec, 2), "xlsx_posts": POSTS, "read_excel_s": round(read_excel, 3),
            "xlsx_read_metrics_verdicts_s": round(ours, 3), "xlsx_ratio": round(ours / read_excel, 2)}


if __name__ == "__main__":
    for key, value in measure().items():
        print(f"{key}: {value}")
