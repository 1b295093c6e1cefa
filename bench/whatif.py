"""The what-if map against validating the same briefs: whatif_map(brief) ÷ model_validate of its cells.

Run alone: `.venv/bin/python -m bench.whatif` (prints the figures). The target is a ratio ≤ 5 (issue 9).
Both sides are timed in the same process, alternating, median of `reps` runs per brief.
"""

from __future__ import annotations

import gc
import json
import statistics
import time
from typing import Any

from guide import CampaignBrief, knowledge
from guide.whatif import whatif_map

from .briefs import brief_dicts


def _time(fn: Any) -> float:
    gc.collect()
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def measure(n_briefs: int = 12, reps: int = 5, seed: int = 7) -> dict[str, float | int | str]:
    k = knowledge()
    ratios: list[float] = []
    cells_min = 10**9
    map_ms: list[float] = []
    for d in brief_dicts(n_briefs, seed):
        b = CampaignBrief.model_validate(d)
        cells = whatif_map(b, k.figures, k)
        cells_min = min(cells_min, len(cells))
        cell_dicts = []
        for c in cells:  # the briefs the map stands for, as the input dicts a user would send
            cd = dict(d, budget_idr=c.budget_idr, goal=c.goal, audience=c.audience)
            if cd.get("secondary_goal") == c.goal:
                cd["secondary_goal"] = None
            cell_dicts.append(cd)
        vw: list[float] = []
        ww: list[float] = []
        for r in range(reps):
            pair = [("v", lambda cds=cell_dicts: [CampaignBrief.model_validate(cd) for cd in cds]),
                    ("w", lambda b=b: whatif_map(b, k.figures, k))]
            for name, fn in pair if r % 2 == 0 else reversed(pair):
                (vw if name == "v" else ww).append(_time(fn))
        ratios.append(statistics.median(ww) / statistics.median(vw))
        map_ms.append(statistics.median(ww) * 1e3)
    return {"whatif_ratio": round(statistics.median(ratios), 2), "whatif_ratio_max": round(max(ratios), 2),
            "whatif_cells_min": cells_min, "whatif_map_ms": round(statistics.median(map_ms), 2),
            "whatif_target": "≤ 5× validating the same briefs"}


if __name__ == "__main__":
    print(json.dumps(measure(), ensure_ascii=False))
