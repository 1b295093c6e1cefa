"""guide.advice.assumptions.figure_changes: the one list of edited figures (Recommendation banner, PDF report)."""

from __future__ import annotations

import pytest

from guide import knowledge
from guide.advice.assumptions import figure_changes, figures_from_rows, figures_rows


def edited(changes: dict[tuple[str, str], float], completion: float | None = None,
           reserve: float | None = None):
    shipped = knowledge().figures
    rows = figures_rows(shipped)
    for (kind, col), v in changes.items():
        next(r for r in rows if r["kind"] == kind)[col] = v
    new, problems = figures_from_rows(rows, shipped, completion, reserve)
    assert problems == []
    return shipped, new


def test_no_edits_give_no_lines() -> None:
    shipped = knowledge().figures
    assert figure_changes(shipped, None, "id") == []
    assert figure_changes(shipped, shipped, "en") == []


@pytest.mark.parametrize(("lang", "expected"), [
    ("id", ["Mikro-influencer — Tarif rendah (Rp): Rp 500.000 → Rp 700.000",
            "Mikro-influencer — Pengikut tinggi: 50.000 → 60.000",
            "Mikro-influencer — Keterlibatan tinggi (%): 3,86% → 4,50%",
            "Mikro-influencer — Jangkauan rendah (% per unggahan): 15,0% → 17,5%",
            "KOC (konsumen) — Jangkauan tinggi (% per unggahan): 40,0% → 35,0%",
            "Faktor penyelesaian: 80% → 50%",
            "Cadangan anggaran: 15% → 10%"]),
    ("en", ["Micro-influencer — Rate low (Rp): Rp 500,000 → Rp 700,000",
            "Micro-influencer — Followers high: 50,000 → 60,000",
            "Micro-influencer — Engagement high (%): 3.86% → 4.50%",
            "Micro-influencer — Reach low (% per post): 15.0% → 17.5%",
            "KOC (customer) — Reach high (% per post): 40.0% → 35.0%",
            "Completion factor: 80% → 50%",
            "Budget reserve: 15% → 10%"]),
])
def test_every_editable_column_and_both_factors_in_the_users_language(lang: str, expected: list[str]) -> None:
    shipped, new = edited({("micro", "rate_low"): 700_000, ("micro", "followers_high"): 60_000,
                           ("micro", "er_high"): 4.5, ("micro", "reach_low"): 17.5,
                           ("koc", "reach_high"): 35.0}, completion=0.5, reserve=0.10)
    assert figure_changes(shipped, new, lang) == expected


@pytest.mark.parametrize(("lang", "expected"), [
    ("id", ["Nano-influencer — Keterlibatan rendah (%): 2,780% → 2,781%", "Cadangan anggaran: 15,0% → 12,5%"]),
    ("en", ["Nano-influencer — Engagement low (%): 2.780% → 2.781%", "Budget reserve: 15.0% → 12.5%"]),
])
def test_a_small_change_is_shown_with_enough_decimals_to_see_it(lang: str, expected: list[str]) -> None:
    shipped, new = edited({("nano", "er_low"): 2.781}, reserve=0.125)
    assert figure_changes(shipped, new, lang) == expected


def test_only_the_reserve_changed() -> None:
    shipped, new = edited({}, reserve=0.0)
    assert figure_changes(shipped, new, "id") == ["Cadangan anggaran: 15% → 0%"]
