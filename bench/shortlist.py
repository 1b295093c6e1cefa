"""Shortlist benchmark: a generated 100,000-creator CSV loads, validates, derives and shortlists; `measure()`
gives each step's time, the ratio to `pandas.read_csv` of the same file in the same run (target <= 10), and
the peak memory traced (tracemalloc)."""

from __future__ import annotations

import io
import random
import time
import tracemalloc
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")

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


def measure() -> dict[str, float | int | str]:
    import pandas as pd

    from guide import CampaignBrief, knowledge, recommend
    from guide.creators.roster import derive, parse_roster
    from guide.creators.shortlist import make_shortlist

    data = roster_csv()
    fig = knowledge().figures
    out: dict[str, float | int | str] = {"rows": ROWS, "file_mb": round(len(data) / 1e6, 1)}
    reference = min(_timed(lambda: pd.read_csv(io.BytesIO(data)))[1] for _ in range(3))
    out["read_csv_s"] = round(reference, 3)
    # Two plans: a typical campaign (Rp 50 jt, about 90 creators) and a large one (Rp 500 jt, about 870).
    for label, budget in (("50jt", 50_000_000), ("500jt", 500_000_000)):
        brief = CampaignBrief(goal="sales", budget_idr=budget, audience="broad", industry="beauty",
                              platforms=("instagram", "tiktok"))
        rec = recommend(brief, "en")
        best: dict[str, float] = {}
        for _ in range(2):
            parsed, t_parse = _timed(lambda: parse_roster(data, "bench.csv"))
            df, t_derive = _timed(lambda p=parsed, b=brief: derive(p, fig, b))  # type: ignore[misc]
            s, t_short = _timed(lambda d=df, r=rec: make_shortlist(d, r, "en"))  # type: ignore[misc]
            run = {"parse_s": t_parse, "derive_s": t_derive, "shortlist_s": t_short}
            if not best or sum(run.values()) < sum(best.values()):
                best = run
        total = sum(best.values())
        out.update({f"{k}_{label}": round(v, 3) for k, v in best.items()})
        out[f"total_s_{label}"] = round(total, 3)
        out[f"ratio_to_read_csv_{label}"] = round(total / reference, 1)
        out[f"selected_{label}"] = len(s.selected)
        out[f"status_{label}"] = s.status
    tracemalloc.start()
    make_shortlist(derive(parse_roster(data, "bench.csv"), fig, brief), rec, "en")
    out["peak_traced_mb"] = round(tracemalloc.get_traced_memory()[1] / 1e6, 1)
    tracemalloc.stop()
    return out


def _timed(fn: Callable[[], T]) -> tuple[T, float]:
    t0 = time.perf_counter()
    return fn(), time.perf_counter() - t0


if __name__ == "__main__":
    for key, value in measure().items():
        print(f"{key}: {value}")
