"""The stated tie-break (guide/advice/engine.py): on an exact tie in score and in the budget each strategy
needs, the lower-risk strategy wins: KOC (only the product), then influencer (one paid post), then combined
(two kinds of creator), then KOL (the hardest to book). Reversing the order fails here."""

from __future__ import annotations

from guide.advice.engine import ranking, tie_break


def test_an_exact_tie_goes_to_the_lower_risk_strategy() -> None:
    raw = {"kol": 10.0, "influencer": 10.0, "koc": 10.0, "combined": 10.0}
    same_cost = {"kol": 5_000_000, "influencer": 5_000_000, "koc": 5_000_000, "combined": 5_000_000}
    order = ranking(raw, same_cost.__getitem__)
    assert order == ["koc", "influencer", "combined", "kol"]
    assert tie_break(raw, order, same_cost.__getitem__) == "lower-risk"


def test_kol_and_combined_tied_the_combined_plan_wins() -> None:
    raw = {"kol": 12.0, "influencer": 3.0, "koc": -4.0, "combined": 12.0}
    order = ranking(raw, lambda s: 20_000_000)
    assert order[:2] == ["combined", "kol"]


def test_a_cheaper_strategy_beats_a_lower_risk_one_on_a_tie() -> None:
    raw = {"kol": 8.0, "influencer": 8.0, "koc": 0.0, "combined": 0.0}
    cost = {"kol": 3_000_000, "influencer": 9_000_000, "koc": 1_000_000, "combined": 12_000_000}
    order = ranking(raw, cost.__getitem__)
    assert order[:2] == ["kol", "influencer"]
    assert tie_break(raw, order, cost.__getitem__) == "cheaper"


def test_no_tie_no_tie_break() -> None:
    raw = {"kol": 1.0, "influencer": 9.0, "koc": 2.0, "combined": 3.0}
    order = ranking(raw, lambda s: 1)
    assert order == ["influencer", "combined", "koc", "kol"]
    assert tie_break(raw, order, lambda s: 1) is None
