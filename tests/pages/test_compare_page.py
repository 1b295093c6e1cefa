"""The Compare page (AppTest): every chart drawn through st.vega_lite_chart with its sentence under it, the
what-if map with the brief's "you are here" row, a table of the map, and no "hover" instruction."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa
import pytest
from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parents[2] / "app.py")
QUERY = {"goal": "launch", "budget_idr": "100000000", "audience": "broad", "industry": "beauty"}


def compare_page(lang: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params.update({**QUERY, "lang": lang})
    at.run()
    at.switch_page("pages/compare.py")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.mark.parametrize("lang", ["id", "en"])
def test_compare_page_charts_sentences_and_map(lang: str) -> None:
    at = compare_page(lang)
    charts = at.get("vega_lite_chart")
    assert len(charts) == 3
    sentences = [el.value for el in at.get("text")]
    assert len(sentences) == 3
    if lang == "id":
        assert sentences[0].startswith("Rekomendasi per skenario: Brief saat ini: ")
        assert all(f"{label}: " in sentences[0] for label in ("Anggaran 2×", "Anggaran ½", "Tujuan lain"))
        assert sentences[1].startswith("Audiens ceruk, tujuan peluncuran produk:")
        assert "di anggaran Anda (Rp 100 jt)" in sentences[1]
    else:
        assert sentences[0].startswith("The recommendation per scenario: Current brief: ")
        assert all(f"{label}: " in sentences[0] for label in ("Budget 2×", "Budget ½", "Another goal"))
        assert sentences[2].startswith("Broad audience, goal product launch:")
        assert "at your budget (Rp 100M)" in sentences[2]
    # the map's spec: a Rupiah log axis and exactly one "you are here" row, the brief's goal
    spec = json.loads(charts[1].proto.spec)
    assert spec["layer"][0]["encoding"]["x"]["scale"]["type"] == "log"
    table = pa.ipc.open_stream(charts[1].proto.data.data).read_all().to_pylist()
    here = [r for r in table if r["current"]]
    assert len(here) == 1 and here[0]["goal"] == ("Peluncuran produk" if lang == "id" else "Product launch")
    page_text = " ".join(str(m.value) for m in at.markdown) + " ".join(sentences)
    assert "hover" not in page_text.lower() and "arahkan kursor" not in page_text.lower()
    tables = at.get("table")
    assert len(tables) == 2  # the map as a table, per audience


def test_each_scenario_says_its_difference_in_words():
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params.update({"goal": "launch", "budget_idr": "100000000", "audience": "broad", "industry": "beauty"})
    at.run()
    at.switch_page("pages/compare.py").run()
    said = [m.value for m in at.markdown if str(m.value).startswith("**")]
    assert "**Brief Anda saat ini: dasar perbandingan.**" in said
    # Doubling the budget changes the spend, in rupiah, from the current plan's figure to the new one.
    assert any("Belanja Rp " in s and " → Rp " in s for s in said), said
