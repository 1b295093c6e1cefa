"""AppTest of the Creators page: sample roster → shortlist → chart → editable briefs → downloads, filters, in
both languages (uploads are exercised in the browser test, tests/e2e/test_creators.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parents[2] / "app.py")


def table(at: AppTest, column: str) -> pd.DataFrame:
    """The first table on the page that has `column` (what a user would look for)."""
    for d in at.dataframe:
        if column in d.value.columns:
            return d.value
    raise AssertionError(f"no table with column {column!r}")


def open_creators(lang: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params.update({"lang": lang})
    at.run()
    at.switch_page("pages/creators.py")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


SCREEN = {
    "id": {"title": "Kreator", "why": "Mengapa dipilih",
           "note": "Roster contoh ini FIKTIF: nama dan akun (berakhiran .fiktif) dibuat acak untuk demo, bukan "
                   "orang sungguhan.",
           "downloads": ("PDF daftar pendek + brief", "PDF rekomendasi", "Excel rencana + daftar pendek",
                         "CSV daftar pendek", "Templat CSV", "Templat Excel")},
    "en": {"title": "Creators", "why": "Why picked",
           "note": "This sample roster is FICTIONAL: names and handles (ending in .fiktif) are generated for demos, "
                   "not real people.",
           "downloads": ("Shortlist + briefs PDF", "Recommendation PDF", "Plan + shortlist Excel", "Shortlist CSV",
                         "CSV template", "Excel template")},
}


@pytest.mark.parametrize("lang", ["id", "en"])
def test_sample_roster_gives_a_shortlist_chart_briefs_and_downloads(lang: str) -> None:
    screen = SCREEN[lang]
    at = open_creators(lang)
    assert at.title[0].value == screen["title"]
    assert any(screen["note"] == c.value for c in at.caption)
    # The shortlist is reported as optimal and within budget, with a chart and a sentence under it.
    assert at.success and "HiGHS" in at.success[0].value
    # The shortlist spends the budget less the plan's reserve, and says the plan's objective for the goal.
    assert {"id": "dikurangi cadangan", "en": "less the reserve"}[lang] in at.success[0].value
    shown = [c.value.replace("\u2060", "").replace("\\", "") for c in at.caption]  # plain_md escapes
    assert any(c.startswith({"id": "Tujuan rencana:", "en": "The plan's objective:"}[lang]) for c in shown)
    assert len(at.get("vega_lite_chart")) == 1
    picked = table(at, screen["why"])
    assert len(picked) > 0
    assert picked[screen["why"]].str.len().min() > 20
    # One expander of editable sections per plan line; the disclosure is always there.
    areas = [a for a in at.text_area]
    assert any("#iklan" in a.value for a in areas)
    labels = [b.label for b in at.get("download_button")]
    for label in screen["downloads"]:
        assert label in labels


def test_relaxing_filters_changes_eligibility() -> None:
    at = open_creators("en")
    before = table(at, "Eligible")["Eligible"].sum()
    at.toggle(key="creators_f_industry").set_value(False).run()
    assert not at.exception
    after = table(at, "Eligible")["Eligible"].sum()
    assert after > before


def test_edited_brief_text_is_kept_across_reruns() -> None:
    at = open_creators("en")
    area = next(a for a in at.text_area if "#ad" in a.value)
    area.set_value("Use #ad at the start. Edited by the marketer.").run()
    assert not at.exception
    assert any(a.value == "Use #ad at the start. Edited by the marketer." for a in at.text_area)


def test_briefs_per_creator_with_a_start_date_and_two_downloads_in_indonesian() -> None:
    import datetime as dt

    at = open_creators("id")
    labels = [b.label for b in at.get("download_button")]
    assert "Unduh brief (PDF)" in labels and "Unduh brief (Markdown)" in labels
    pick = at.selectbox(key="creators_brief_pick_id")
    titles = list(pick.options)  # as shown: the formatted titles
    assert len(titles) > 2  # one per shortlisted creator, titled with her name
    assert all(str(x).startswith("Brief untuk ") for x in titles)
    assert not any(str(x).startswith("Brief untuk Mikro-influencer") for x in titles)
    assert any("Minggu 1–" in a.value and "tanggal pasti kami kirim saat konfirmasi" in a.value for a in at.text_area)
    at.date_input(key="creators_start").set_value(dt.date(2026, 1, 12)).run()
    assert not at.exception
    assert any(a.value.startswith("Tayang antara 12 Januari 2026") for a in at.text_area)


@pytest.mark.parametrize("lang,million,not_shown", [("id", "1 jt", "1M"), ("en", "1M", "1 jt")])
def test_chart_axes_use_the_languages_compact_numbers(lang, million, not_shown):
    """'1M' reads as miliar in Indonesian: the axes say '1 jt' there (Babel's short forms), '1M' in English."""
    at = open_creators(lang)
    (chart,) = [c for c in at.get("vega_lite_chart") if "log" in c.proto.spec]
    spec = chart.proto.spec
    shown: list[str] = []  # the labels each axis draws at its ticks: labelExpr is '["100 rb", "1 jt"][indexof(...)]'
    for channel in ("x", "y"):
        expr = json.loads(spec)["encoding"][channel]["axis"]["labelExpr"]
        shown += json.loads(expr[: expr.index("[indexof(")])
    assert million in shown and not_shown not in shown
    assert '"format": "~s"' not in spec and '"format":"~s"' not in spec
