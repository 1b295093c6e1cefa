"""Charts (spec), the workbook export and the `results` command."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from guide.cli import main
from guide.results.analysis import SAMPLE_BRIEF, SAMPLE_FILE, analyse, parse_csv
from guide.results.report import (
    efficiency_chart,
    efficiency_frame,
    efficiency_sentence,
    plan_chart,
    plan_sentence,
    timeline_chart,
    timeline_sentence,
    to_xlsx,
)

ROOT = Path(__file__).resolve().parents[2]
SMALL = b"""creator,kind,platform,cost_idr,post_date,followers,impressions,reach,likes,comments,clicks,conversions,revenue_idr
A,micro,instagram,1000000,2026-10-05,20000,100000,40000,1000,0,100,5,500000
B,micro,instagram,1000000,2026-10-13,20000,50000,20000,500,0,50,20,2000000
C,micro,tiktok,1000000,2026-10-14,20000,80000,30000,740,0,,,
D,koc,tiktok,150000,2026-10-27,1000,5000,3000,20,10,0,1,45000
=HYPERLINK("http://x"),koc,instagram,150000,,1000,,,30,0,,,
"""


@pytest.fixture(scope="module")
def sample():
    return analyse(parse_csv(SAMPLE_FILE.read_bytes()), SAMPLE_BRIEF, "id")


def _walk(node, key):
    if isinstance(node, dict):
        for k, v in node.items():
            if k == key:
                yield v
            yield from _walk(v, key)
    elif isinstance(node, list):
        for v in node:
            yield from _walk(v, key)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_charts_have_readable_labels_and_okabe_ito_status_colours(sample, lang):
    a = analyse(parse_csv(SAMPLE_FILE.read_bytes()), SAMPLE_BRIEF, lang)
    for chart in (plan_chart(a, "engagements", lang), efficiency_chart(a, lang), timeline_chart(a, "reach", lang)):
        spec = chart.to_dict()
        sizes = list(_walk(spec["config"], "labelFontSize")) + list(_walk(spec["config"], "titleFontSize"))
        assert sizes and min(sizes) >= 13
    spec = efficiency_chart(a, lang).to_dict()
    scale = next(s for s in _walk(spec, "scale") if isinstance(s, dict) and "range" in s and "#009E73" in s["range"])
    # keep bluish green, review dark orange (Okabe–Ito orange darkened to 3:1 on white), drop vermillion
    assert scale["range"] == ["#009E73", "#A35E00", "#D55E00"]


def test_scatter_has_one_dot_per_creator_with_engagements(sample):
    df = efficiency_frame(sample, "id")
    assert len(df) == 26 and df["creator"].is_unique
    assert set(df["status_key"]) == {"keep", "review", "drop"}


def test_sentences_say_in_words_what_the_charts_show():
    a = analyse(parse_csv(SMALL), SAMPLE_BRIEF, "en")
    s = plan_sentence(a, "engagements", "en")
    # The optimiser plans 1 micro creator for the sample brief: 160 to 1,544 engagements (the band per creator;
    # the 2-creator plan before the share-band floor gave or took two creators showed 320 – 3,088)
    assert "Micro-influencer 2,240, above the plan's 160 – 1,544" in s
    assert "KOC (customer) 60, below the plan's" in s
    e = efficiency_sentence(a, "en")
    # A launch with conversions: cost per conversion A 200,000, B 50,000 (two micro), D 150,000 (one KOC): fewer
    # than 3 of a kind, so all review; C and the last report no conversions
    assert e == ("One dot per creator; by cost per conversion: 0 keep (green circles), 5 review (orange diamonds), "
                 "0 drop (red triangles). Cheapest: B (Rp 50,000 per result); most expensive: A (Rp 200,000).")
    aware = analyse(parse_csv(SMALL), SAMPLE_BRIEF.model_copy(update={"goal": "awareness", "secondary_goal": None}),
                    "en")
    e = efficiency_sentence(aware, "en")
    # CPM among micro: A 10,000; C 12,500; B 20,000 (median 12,500; B is 1.6× → drop); D, the only KOC with
    # impressions, is not compared with them (review); the last has no impressions
    assert e.startswith("One dot per creator; by CPM: 2 keep (green circles), 2 review (orange diamonds), 1 drop")
    assert "Cheapest: A (Rp 10,000 per result); most expensive: D (Rp 30,000)." in e
    tl = timeline_sentence(a, "engagements", "en")
    assert "By week 6" in tl and "cumulative engagements are 2,270" in tl and "1 posts without a date" in tl
    # A 1,000 engagements in week 1; B + C 1,240 in week 2
    id_text = timeline_sentence(analyse(parse_csv(SMALL), SAMPLE_BRIEF, "id"), "engagements", "id")
    assert "Minggu terkuat: minggu 2." in id_text


def test_workbook_has_rupiah_formats_totals_rows_and_text_stays_text():
    a = analyse(parse_csv(SMALL), SAMPLE_BRIEF, "en")
    wb = load_workbook(io.BytesIO(to_xlsx(a, "en")))
    assert wb.sheetnames == ["summary", "by kind", "by platform", "by creator", "vs plan", "keep-review-drop",
                             "problems"]
    ws = wb["by creator"]
    head = [c.value for c in ws[1]]
    cost_col = head.index("Cost") + 1
    assert ws.cell(row=2, column=cost_col).number_format == '"Rp" #,##0'
    last = ws.max_row
    assert ws.cell(row=last, column=1).value == "Total" and ws.cell(row=last, column=1).font.b
    assert ws.cell(row=last, column=cost_col).value == 3_300_000  # 3 × 1,000,000 + 2 × 150,000
    cpm = head.index("CPM") + 1
    assert ws.cell(row=last, column=cpm).value == 13_404  # 3,150,000 / 235,000 × 1,000 = 13,404.3
    names = [ws.cell(row=r, column=1).value for r in range(2, last)]
    assert '=HYPERLINK("http://x")' in names
    cell = next(ws.cell(row=r, column=1) for r in range(2, last) if str(ws.cell(row=r, column=1).value).startswith("="))
    assert cell.data_type == "s"  # shown as typed, never a formula
    roas = head.index("ROAS") + 1
    c_row = names.index("C") + 2
    assert ws.cell(row=c_row, column=roas).value == "—"
    plan = wb["vs plan"]
    assert plan.cell(row=plan.max_row, column=1).value == "Total"


def test_cli_prints_the_issue_keys_with_null_for_no_data(tmp_path, capsys):
    f = tmp_path / "r.csv"
    f.write_bytes(b"creator,kind,platform,cost_idr,likes\nA,nano,tiktok,100000,50\nB,nano,tiktok,x,1\n")
    assert main(["results", str(f), "--lang", "en"]) == 0
    out = json.loads(capsys.readouterr().out)
    keys = {"cost_idr", "impressions", "reach", "engagements", "clicks", "conversions", "cpm_idr", "cpe_idr",
            "cpc_idr", "cost_per_conversion_idr", "roas"}
    assert keys <= set(out["totals"]) and keys <= set(out["by_kind"]["nano"]) and keys <= set(out["by_creator"]["A"])
    assert out["totals"]["cpe_idr"] == 2_000 and out["totals"]["cpm_idr"] is None and out["totals"]["roas"] is None
    assert out["problems"] == [{"row": 3, "column": "cost_idr", "message": 'Column “cost_idr”: not a number: “x”.'}]
    assert "vs_plan" not in out


def test_cli_with_a_brief_adds_vs_plan_in_indonesian(tmp_path):
    brief = tmp_path / "b.json"
    brief.write_text(SAMPLE_BRIEF.model_dump_json())
    proc = subprocess.run([sys.executable, "-m", "guide", "results", str(SAMPLE_FILE), "--brief", str(brief),
                           "--lang", "id"], capture_output=True, cwd=ROOT, check=False)
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert [ln["kind"] for ln in out["vs_plan"]["lines"]] == ["micro", "koc", "nano"]
    assert out["vs_plan"]["ranking_metric"] == "cost_per_conversion_idr"  # a launch whose file reports sales


def test_cli_refuses_unreadable_input_with_one_line(tmp_path, capsys):
    assert main(["results", str(tmp_path / "missing.csv")]) == 2
    assert capsys.readouterr().err.startswith("guide: cannot read")
    bad = tmp_path / "b.json"
    bad.write_text("{")
    f = tmp_path / "r.csv"
    f.write_bytes(b"creator,kind,platform,cost_idr\nA,nano,tiktok,1\n")
    assert main(["results", str(f), "--brief", str(bad)]) == 2
    assert "invalid brief" in capsys.readouterr().err


@pytest.mark.parametrize("lang,heading,total", [("id", "Hasil kampanye", "Rp 3.300.000"),
                                                ("en", "Campaign results", "Rp 3,300,000")])
def test_pdf_report_holds_the_totals_the_rule_and_the_sentences(lang, heading, total):
    from pypdf import PdfReader

    from guide.results.report import to_pdf

    a = analyse(parse_csv(SMALL), SAMPLE_BRIEF, lang)
    reader = PdfReader(io.BytesIO(to_pdf(a, lang)))
    text = " ".join((p.extract_text() or "") for p in reader.pages)
    flat = " ".join(text.split())
    assert heading in flat and total in flat  # 3 × Rp 1,000,000 + 2 × Rp 150,000
    assert ("CPM" in flat) and ("Okabe" not in flat)
    assert ("Pertahankan" if lang == "id" else "Keep") in flat
    assert '=HYPERLINK("http://x")' in flat.replace(" ", "")  # user text printed as typed (a cell may wrap it)
    assert len(reader.pages) >= 2


@pytest.mark.parametrize("goal,metric", [("awareness", "CPM"), ("engagement", "CPE"), ("sales", "cost per conversion"),
                                         ("testimonials", "CPE"), ("launch", "cost per conversion")])
def test_the_ranking_rule_is_stated_in_words_for_the_goal(goal, metric):
    from guide.results.report import rule_text

    brief = SAMPLE_BRIEF.model_copy(update={"goal": goal, "secondary_goal": None})
    text = rule_text(analyse(parse_csv(SMALL), brief, "en"), "en")
    assert f"creators are ranked by {metric} (cost per result; lower is better)" in text
    assert "Keep: at or below the median" in text and "Drop: above 1.5× the median" in text
    none = rule_text(analyse(parse_csv(SMALL), None, "en"), "en")
    assert none.startswith("Without a brief the goal is taken to be engagement (CPE).")


@pytest.mark.parametrize("lang,keep,review,drop", [("id", "Pertahankan", "Tinjau", "Hentikan"),
                                                   ("en", "Keep", "Review", "Drop")])
def test_each_creator_gets_the_decision_word_a_user_reads(lang, keep, review, drop):
    """An awareness brief, so creators are ranked by CPM within their own kind (the sample launch has conversions
    and fewer than 3 of a kind, so all would be review). Micro: A Rp 10,000 and C Rp 12,500 at or below the median
    (Rp 12,500) are kept; B Rp 20,000 (1.6×, above 1.5×) is dropped; D, the only KOC with impressions, and the
    creator without impressions cannot be ranked against their kind, both reviewed.
    Swapping "Pertahankan" and "Hentikan" in the catalog fails here."""
    from guide.results.report import creator_rows

    aware = SAMPLE_BRIEF.model_copy(update={"goal": "awareness", "secondary_goal": None})
    rows = creator_rows(analyse(parse_csv(SMALL), aware, lang), lang)
    decision = "Keputusan" if lang == "id" else "Decision"
    creator = "Kreator" if lang == "id" else "Creator"
    assert {r[creator]: r[decision] for r in rows} == {
        "A": keep, "C": keep, "B": drop, '=HYPERLINK("http://x")': review, "D": review}


@pytest.mark.parametrize("lang,heading,impressions,reach", [("id", "Total", "235.000", "93.000"),
                                                            ("en", "Totals", "235,000", "93,000")])
def test_the_results_pdf_prints_its_totals(lang, heading, impressions, reach):
    """100,000 + 50,000 + 80,000 + 5,000 impressions and 40,000 + 20,000 + 30,000 + 3,000 reach: in the
    totals section and in the total row under the by-kind and the by-platform tables."""
    from pypdf import PdfReader

    from guide.results.report import to_pdf

    reader = PdfReader(io.BytesIO(to_pdf(analyse(parse_csv(SMALL), SAMPLE_BRIEF, lang), lang)))
    flat = " ".join(" ".join((p.extract_text() or "") for p in reader.pages).split())
    assert heading in flat and impressions in flat
    assert flat.count(reach) >= 3
