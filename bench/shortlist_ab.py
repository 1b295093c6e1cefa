"""A/B of the shortlist path on two source trees in one session (the machine's load moves between runs):

    cd <root> && python bench/shortlist_ab.py <root>

Prints, per plan (Rp 50 jt and Rp 500 jt), the best of 3 parse/derive/shortlist times and their ratio to the
best of 3 `pandas.read_csv` of the same generated 100,000-row roster (the steps of `python -m bench.shortlist`).
Run it alternately on the base and the branch and compare the ratios."""

from __future__ import annotations

import io
import sys
import time

root = sys.argv[1] if len(sys.argv) > 1 else "."
sys.path.insert(0, root)

import pandas as pd  # noqa: E402

from bench.shortlist import roster_csv  # noqa: E402
from guide import CampaignBrief, knowledge, recommend  # noqa: E402
from guide.creators.roster import derive, parse_roster  # noqa: E402
from guide.creators.shortlist import make_shortlist  # noqa: E402


def main() -> None:
    data = roster_csv()
    fig = knowledge().figures
    refs = []
    for _ in range(3):
        t0 = time.perf_counter()
        pd.read_csv(io.BytesIO(data))
        refs.append(time.perf_counter() - t0)
    for budget in (50_000_000, 500_000_000):
        brief = CampaignBrief(goal="sales", budget_idr=budget, audience="broad", industry="beauty",
                              platforms=("instagram", "tiktok"))
        rec = recommend(brief, "en")
        best: tuple[float, float, float] | None = None
        fee = 0
        for _ in range(3):
            t0 = time.perf_counter()
            p = parse_roster(data, "b.csv")
            t1 = time.perf_counter()
            df = derive(p, fig, brief)
            t2 = time.perf_counter()
            s = make_shortlist(df, rec, "en")
            t3 = time.perf_counter()
            run = (t1 - t0, t2 - t1, t3 - t2)
            if best is None or sum(run) < sum(best):
                best, fee = run, s.total_fee_idr
        assert best is not None
        print(f"{root} {budget}: parse {best[0]:.3f} derive {best[1]:.3f} shortlist {best[2]:.3f} "
              f"total {sum(best):.3f} read_csv {min(refs):.3f} ratio {sum(best) / min(refs):.1f} fee {fee}")


if __name__ == "__main__":
    main()
