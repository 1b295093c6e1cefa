"""Issue 23's budget ladder as a test: from Rp 2 jt to Rp 2 M in 5 % steps, every goal × audience in three
industries, the recommended plan (whatever strategy it is) never gets less of the goal's metric from more
money, and never stands still while a cheaper creator of the plan would still fit in the money left.

The three industries hold the cases the ladder found (docs/rules.md, "Budget ladder"): health awareness
switched to a single KOL at Rp 35,6 jt and its reach fell from about 123 rb to 60 rb; beauty and fashion
testimonials with polished content switched from 47 KOCs to 24 at Rp 18 jt; every awareness brief with a broad
audience stood still at Rp 9,53 jt with Rp 450 rb left, where one more nano fitted; a health launch with expert
content was measured in expert voices from Rp 2,2 jt, where its combined plan had no KOL, so its measure "fell"
from reach to engagements.
"""

from __future__ import annotations

import pytest

from tools.sweep import measure_ladder


@pytest.mark.parametrize("content", [None, "polished", "expert"])
def test_more_money_never_buys_less_and_never_stands_still_while_a_creator_fits(content: str | None) -> None:
    got = measure_ladder(("health", "beauty", "fashion"), content)
    assert got["ladder_recommendations"] == 8 * 2 * 3 * 142
    assert got["metric_falls"] == 0
    assert got["flat_steps_where_a_cheaper_creator_fits"] == 0
    assert got["idle_unexplained"] == 0
