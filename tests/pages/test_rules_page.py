"""The recommendation page names the Indonesian rule that applies, in both languages (issue 20)."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parents[2] / "app.py")

CASES = [
    ({"goal": "sales", "budget_idr": "60000000", "audience": "broad", "industry": "beauty"},
     {"id": ["Peraturan BPOM Nomor 18 Tahun 2024", "Etika Pariwara Indonesia"],
      "en": ["BPOM Regulation 18/2024", "Etika Pariwara Indonesia"]}),
    ({"goal": "sales", "budget_idr": "40000000", "audience": "broad", "industry": "food"},
     {"id": ["PerBPOM 6/2021", "UU 33/2014"], "en": ["BPOM Regulation 6/2021", "Law 33/2014"]}),
]


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("query,phrases", CASES, ids=["cosmetics", "food"])
def test_recommendation_page_names_the_rule(query: dict[str, str], phrases: dict[str, list[str]], lang: str):
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params.update({**query, "lang": lang})
    at.run()
    at.switch_page("pages/recommendation.py")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    body = "\n".join(str(m.value) for m in at.markdown)
    for phrase in phrases[lang]:
        assert phrase in body, phrase


def test_assumptions_page_shows_the_passage_behind_the_figures_and_the_starred_ones():
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params.update({"lang": "en"})
    at.run()
    at.switch_page("pages/assumptions.py")
    at.run()
    assert not at.exception
    # Shown as plain text: markdown characters escaped, word joiners around colons; read it as a user does.
    captions = "\n".join(str(c.value) for c in at.caption).replace("\u2060", "").replace("\\", "")
    assert "asterisk" in captions and "Passage: Tiers: nano 1K–10K" in captions
    assert "Not confirmed:" in captions
    # The completion factor (Later's 80 %, not confirmed in a stored page) is now starred as an assumption.
    assert any(" * — " in str(m.value) and "80" in str(m.value) for m in at.markdown)
