"""AppTest of the Results page: the sample, an uploaded file with bad rows, both languages."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from guide.text import safetext

APP = str(Path(__file__).resolve().parents[2] / "app.py")


def open_results(lang: str = "id") -> AppTest:
    at = AppTest.from_file(APP, default_timeout=90)
    at.query_params["lang"] = lang
    at.run()
    at.switch_page("pages/results.py")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def shown(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [x.value for x in at.text] + [c.value for c in at.caption]
    parts += [h.value for h in at.subheader] + [w.value for w in at.warning] + [i.value for i in at.info]
    return safetext.shown("\n".join(str(p) for p in parts))  # what a reader sees: escapes and joiners are not seen


def table_with(at: AppTest, column: str):
    (df,) = [d.value for d in at.dataframe if column in d.value.columns]
    return df


SCREEN = {
    "id": {"tabs": ["Rincian", "Rencana vs hasil", "Pertahankan, tinjau, hentikan", "Per minggu"],
           "sections": ("Total", "Unduh laporan"),
           "formula": "CPM = biaya ÷ impresi × 1.000", "cost": "Biaya", "cost_value": "Rp 13.500.000",
           "decision": "Keputusan", "verdicts": {"Pertahankan", "Tinjau", "Hentikan"},
           "planned": "Kreator direncanakan", "downloads": {"Laporan PDF", "Laporan Excel", "Templat CSV"}},
    "en": {"tabs": ["Breakdown", "Plan vs actual", "Keep, review, drop", "By week"],
           "sections": ("Totals", "Download the report"),
           "formula": "CPM = cost ÷ impressions × 1,000", "cost": "Cost", "cost_value": "Rp 13,500,000",
           "decision": "Decision", "verdicts": {"Keep", "Review", "Drop"},
           "planned": "Planned creators", "downloads": {"PDF report", "Excel report", "CSV template"}},
}


@pytest.mark.parametrize("lang", ["id", "en"])
def test_sample_shows_totals_plan_ranking_charts_and_downloads(lang):
    screen = SCREEN[lang]
    at = open_results(lang)
    assert at.title[0].value == {"id": "Hasil kampanye", "en": "Campaign results"}[lang]  # one language
    text = shown(at)
    for section in screen["sections"]:
        assert section in text
    # One tab each for the breakdowns, the plan, keep/review/drop and the weeks (a phone scrolls one at a time)
    assert [tab.label for tab in at.tabs if tab.label in screen["tabs"]] == screen["tabs"]
    assert screen["formula"] in text
    # Totals of the fictional sample: 28 posts costing Rp 13.500.000 in all
    cost = next(m for m in at.metric if m.label == screen["cost"])
    assert cost.value == screen["cost_value"]
    assert len(at.get("vega_lite_chart")) == 5  # plan × 2, scatter, timeline × 2
    keep = table_with(at, screen["decision"])
    assert set(keep[screen["decision"]]) == screen["verdicts"]
    plan = table_with(at, screen["planned"])
    assert len(plan) == 3  # micro, KOC, and the nano creator the plan did not have
    labels = {b.label for b in at.get("download_button")}
    assert screen["downloads"] <= labels


BAD = (b"creator,kind,platform,cost_idr,likes,impressions\n"
       b"Ana,micro,instagram,1500000,300,20000\n"
       b"Budi,giant,instagram,1000000,10,1000\n"
       b"Cici,nano,tiktok,abc,5,100\n"
       b"[klik](http://evil.example),nano,tiktok,200000,40,4000\n")


def test_uploaded_file_with_bad_rows_lists_each_problem_and_keeps_the_good_rows():
    at = open_results("en")
    at.segmented_control(key="results_source").set_value("upload").run()
    assert "Upload a results file, or choose the sample. Download a template for the right column headers." in shown(at)
    at.file_uploader(key="results_file").set_value(("mine.csv", BAD, "text/csv")).run()
    assert not at.exception, [e.value for e in at.exception]
    problems = table_with(at, "Problem")
    assert list(problems["Row"]) == [3, 4]
    assert list(problems["Column"]) == ["kind", "cost_idr"]
    assert "4 post rows read · 2 counted · 2 not counted because of a problem" in shown(at)
    cost = next(m for m in at.metric if m.label == "Cost")
    assert cost.value == "Rp 1,700,000"  # Ana 1,500,000 + the link-named creator 200,000
    # The creator named like a Markdown link is shown as text, never as a link
    assert all("](http" not in m.value or "\\]" in m.value for m in at.markdown)
    creators = table_with(at, "Decision")["Creator"]
    assert "[klik](http://evil.example)" in list(creators)


def test_no_plan_chosen_still_shows_the_metrics():
    at = open_results("en")
    at.selectbox(key="results_brief_sample").set_value("none").run()
    assert not at.exception
    assert "Without a brief there is no plan to compare with." in shown(at)
    assert len(at.get("vega_lite_chart")) == 3  # the scatter and the two timelines; no plan charts


@pytest.mark.parametrize("lang,limit", [("id", "Batas: 20 MB dan 5.000 baris."), ("en", "Limits: 20 MB and 5,000 rows.")])
def test_the_upload_states_the_true_limit_and_a_file_over_it_gets_our_message(lang, limit):
    at = open_results(lang)
    at.segmented_control(key="results_source").set_value("upload").run()
    assert limit in shown(at)
    big = b"creator,kind,platform,cost_idr\n" + b"Ana,micro,instagram,1000000\n" * 800_000  # 21.6 MB
    at.file_uploader(key="results_file").set_value(("big.csv", big, "text/csv")).run()
    assert not at.exception, [e.value for e in at.exception]
    want = {"id": "File lebih besar dari 20 MB", "en": "The file is larger than 20 MB"}[lang]
    everything = shown(at) + "\n".join(str(e.value) for e in at.error) + str(
        [d.value for d in at.dataframe])
    assert want in everything, everything[:2000]
