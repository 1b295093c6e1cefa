"""Shortlist benchmark: a generated 100,000-creator CSV loads, validates, derives and shortlists.

`measure()` returns the time of each step, the ratio of the whole to `pandas.read_csv` of the same file
(measured in the same run; target <= 10), and the peak memory traced during the whole (tracemalloc).
"""

from __future__ import annotations

import io
import random
import time
import tracemalloc

ROWS = 100_000


def roster_csv(rows: int = ROWS, seed: int = 7) -> bytes:
    rnd = random.Random(seed)
    out = io.StringIO()
    out.write("name,platform,followers,handle,kind,engagement_rate,avg_engagements,fee_idr,industries,city,"
              "expertise\n")
    for i in range(rows):
        kind = rnd.choice(["influencer"] * 6 + ["koc"] * 3 + ["kol"])
        followers = int(500 * 4000 ** rnd.random())
        er = "" if rnd.random() < 0.2 else f"{rnd.uniform(0.3, 8):.2f}"
        fee = "" if rnd.random() < 0.3 else str(int(followers * rnd.uniform(20, 60)) // 1000 * 1000 + 50_000)
        out.write(f"Kreator {i},{rnd.choice(['instagram', 'tiktok', 'youtube'])},{followers},@k{i},{kind},{er},,"
                  f"{fee},{rnd.choice(['beauty', 'lifestyle;food', 'health'])},Jakarta,"
                  f"{'dokter' if kind == 'kol' else ''}\n")
    return out.getvalue().encode()


def _best(fn: object, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()  # type: ignore[operator]
        best = min(best, time.perf_counter() - t0)
    return best


def measure() -> dict[str, float | int | str]:
    import pandas as pd

    from guide import CampaignBrief, knowledge, recommend
    from guide.roster import derive, parse_roster
    from guide.shortlist import make_shortlist

    data = roster_csv()
    brief = CampaignBrief(goal="sales", budget_idr=500_000_000, audience="broad", industry="beauty",
                          platforms=("instagram", "tiktok"))
    rec = recommend(brief, "en")
    fig = knowledge().figures
    steps: dict[str, float] = {}

    def whole() -> object:
        t0 = time.perf_counter()
        parsed = parse_roster(data, "bench.csv")
        t1 = time.perf_counter()
        df = derive(parsed, fig, brief)
        t2 = time.perf_counter()
        s = make_shortlist(df, rec, "en")
        t3 = time.perf_counter()
        steps.update(parse_s=t1 - t0, derive_s=t2 - t1, shortlist_s=t3 - t2)
        return s

    whole()  # warm-up: imports (scipy, openpyxl not needed) and caches
    reference = _best(lambda: pd.read_csv(io.BytesIO(data)))
    total = _best(whole)
    tracemalloc.start()
    result = whole()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {
        "rows": ROWS, "file_mb": round(len(data) / 1e6, 1), "read_csv_s": round(reference, 3),
        "roster_total_s": round(total, 3), "ratio_to_read_csv": round(total / reference, 1),
        **{k: round(v, 3) for k, v in steps.items()}, "peak_traced_mb": round(peak / 1e6, 1),
        "selected": len(result.selected), "status": result.status,  # type: ignore[attr-defined]
    }


if __name__ == "__main__":
    for key, value in measure().items():
        print(f"{key}: {value}")
