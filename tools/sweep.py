"""How often each strategy wins over goal × industry × audience × {Rp 5 jt, 50 jt, 500 jt} (issue 9's sweep).

Run alone: `.venv/bin/python -m tools.sweep`. Other answers keep the brief's defaults.
"""

from __future__ import annotations

import json
from collections import Counter

from guide import CampaignBrief, recommend
from guide.advice.models import AUDIENCES, GOALS, INDUSTRIES

BUDGETS = (5_000_000, 50_000_000, 500_000_000)


def measure() -> dict[str, float | int | str]:
    wins: Counter[str] = Counter()
    close = 0
    for goal in GOALS:
        for industry in INDUSTRIES:
            for audience in AUDIENCES:
                for budget in BUDGETS:
                    rec = recommend(CampaignBrief(goal=goal, industry=industry, audience=audience,
                                                  budget_idr=budget), lang="en")
                    wins[rec.strategy] += 1
                    close += rec.margin < 3
    out: dict[str, float | int | str] = {f"sweep_{s}": wins[s] for s in ("kol", "influencer", "koc", "combined")}
    out["sweep_briefs"] = sum(wins.values())
    out["sweep_close_calls"] = close
    return out


if __name__ == "__main__":
    print(json.dumps(measure()))
