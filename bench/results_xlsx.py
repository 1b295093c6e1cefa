"""Results workbook benchmark (issue 22): a generated 5,000-post .xlsx, read + metrics + verdicts (the page's and
the CLI's pipeline: `parse_results` then `analyse`) ÷ `pandas.read_excel` of the same file, in the same run
(target <= 1.5). Also times `pandas.read_excel(engine="calamine")` when python-calamine is installed, so the
choice of reader is measured, not guessed."""

from __future__ import annotations

import io
import random
import time
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

POSTS = 5_000
HEADER = ["creator", "kind", "platform", "cost_idr", "post_date", "followers", "impressions", "reach", "likes",
          "comments", "shares", "saves", "clicks", "conversions", "revenue_idr"]


def results_xlsx(posts: int = POSTS, seed: int = 11) -> bytes:
    from openpyxl import Workbook

    rnd = random.Random(seed)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet()
    ws.append(HEADER)
    start = date(2026, 10, 5)
    for i in range(posts):
        kind = rnd.choice(["nano", "micro", "micro", "mid", "koc", "kol"])
        followers = int(2_000 * 300 ** rnd.random())
        impressions = int(followers * rnd.uniform(0.3, 1.5))
        reach = int(impressions * rnd.uniform(0.5, 0.9))
        likes = int(reach * rnd.uniform(0.01, 0.08))
        ws.append([f"fiktif_{i % 400}", kind, rnd.choice(["instagram", "tiktok", "youtube"]),
                   rnd.randrange(150, 5000) * 1000, start + timedelta(days=rnd.randrange(42)), followers,
                   impressions, reach, likes, likes // 10, likes // 20, likes // 15, likes // 5, likes // 40,
                   likes // 40 * 150_000])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _best(fn: Callable[[], Any], n: int = 3) -> float:
    best = float("inf")
    for _ in range(n):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def measure() -> dict[str, float | int | str]:
    import pandas as pd

    from guide.results.analysis import SAMPLE_BRIEF, analyse, parse_results

    data = results_xlsx()
    file = parse_results(data, "results.xlsx")
    assert len(file.posts) == POSTS, file.problems[:3]
    reference = _best(lambda: pd.read_excel(io.BytesIO(data), engine="openpyxl"))  # pandas 3.1 default engine
    app = _best(lambda: analyse(parse_results(data, "results.xlsx"), SAMPLE_BRIEF, "id"))
    read_only = _best(lambda: parse_results(data, "results.xlsx"))
    out: dict[str, float | int | str] = {
        "posts": POSTS, "file_kb": round(len(data) / 1024), "app_ms": round(app * 1000),
        "reference_ms": round(reference * 1000), "ratio": round(app / reference, 2), "target": 1.5,
        "read_ms": round(read_only * 1000),
    }
    try:
        import python_calamine  # type: ignore[import-not-found]  # noqa: F401

        out["read_excel_calamine_ms"] = round(_best(lambda: pd.read_excel(io.BytesIO(data), engine="calamine"))
                                              * 1000)
    except ImportError:
        out["read_excel_calamine_ms"] = "python-calamine not installed"
    return out


if __name__ == "__main__":
    print(measure())
