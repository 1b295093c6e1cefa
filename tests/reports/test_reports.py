"""Reports: PDF text extracted with pypdf (strategy, rupiah totals, sources), the Excel workbook's formats and
totals, the CSV for Excel, and the CLI commands."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import openpyxl
import pypdf

from guide import CampaignBrief, knowledge, recommend
from guide.advice.knowledge import Figures
from guide.creators.briefs import creator_briefs
from guide.creators.roster import derive, sample_roster
from guide.creators.shortlist import make_shortlist
from guide.reports.exports import to_csv
from guide.reports.recommendation import plan_xlsx, recommendation_pdf, shortlist_pdf

ROOT = Path(__file__).resolve().parents[2]
BRIEF = CampaignBrief(goal="launch", budget_idr=80_000_000, audience="broad", industry="beauty",
                      platforms=("instagram", "tiktok"), name="Serum Glow")


def pdf_text(data: bytes) -> str:
    # pypdf may break a long line anywhere; compare on single spaces.
    return " ".join(" ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(data)).pages).split())


def test_recommendation_pdf_has_strategy_totals_warnings_and_sources_in_indonesian() -> None:
    rec = recommend(BRIEF, "id")
    data = recommendation_pdf(rec, "id")
    assert len(pypdf.PdfReader(io.BytesIO(data)).pages) == 1  # one page for a boss
    text = pdf_text(data)
    assert "Rencana strategi kreator: Serum Glow" in text
    # A launch that funds both: micro-influencers first, then KOCs (article 004).
    assert "Kombinasi — influencer lalu KOC — skor 92/100" in text
    assert "Alasan yang mendukung • Gabungan paling optimal (+35,0 poin)" in text
    assert "Alasan yang menentang (mendukung strategi lain) • Pasar di media sosial (−10,0 poin)" in text
    # 16 micro × Rp 1.500.000 + 141 KOC × Rp 305.000 (product Rp 275.000 + shipping Rp 30.000) = Rp 67.005.000;
    # the 7 creators past one team's 150 run through an agency: 7 × Rp 305.000 × 30/70 ≈ Rp 914.999; 15% of Rp 80 jt
    # held back; left = 80.000.000 − 12.000.000 − 67.005.000 − 914.999 = Rp 80.001.
    assert "Total 157 Rp 67.005.000 33.673 – 776.208 5.695 – 69.824" in text  # whole-plan reach, overlap discounted
    assert ("Biaya kreator: Rp 67.005.000 Biaya agensi KOL management: Rp 914.999 "
            "Cadangan (biaya, boosting, tak terduga): Rp 12.000.000") in text
    assert "Sisa belum dialokasikan: Rp 80.001" in text
    # A beauty product's warning first, naming its regulation (PerBPOM 18/2024), then halal and disclosure.
    assert "Tiga peringatan terpenting • Kosmetik (Peraturan BPOM Nomor 18 Tahun 2024" in text
    assert "Micro Influencer vs KOC · KOL vs Influencer: pengertian dan perbedaannya" in text  # sources by title
    assert ".txt" not in text
    assert not pypdf.PdfReader(io.BytesIO(data)).pages[0].images  # no charts on the one page


def test_recommendation_pdf_appendix_only_when_asked() -> None:
    rec = recommend(BRIEF, "id")
    reader = pypdf.PdfReader(io.BytesIO(recommendation_pdf(rec, "id", appendix=True)))
    assert len(reader.pages) >= 2
    text = " ".join(" ".join(p.extract_text() for p in reader.pages[1:]).split())
    assert text.startswith("Lampiran Semua alasan")
    assert "Audiens luas (−8,0 poin)" in text  # the reason the one page left out
    assert "Tidak ada: semua angka memakai nilai bawaan yang bersumber." in text
    assert "Micro Influencer vs KOC — DIGIMA" in text
    assert sum(len(p.images) for p in reader.pages) == 3  # the charts, as images, in the appendix


def test_recommendation_pdf_lists_edited_assumptions_in_english() -> None:
    shipped = knowledge().figures
    kinds = dict(shipped.kinds)
    kinds["micro"] = kinds["micro"].model_copy(update={"rate_low": 700_000})
    edited = Figures.model_validate({**shipped.model_dump(), "kinds": {k: v.model_dump() for k, v in kinds.items()}})
    rec = recommend(BRIEF, "en", figures=edited)
    text = pdf_text(recommendation_pdf(rec, "en", figures_edited=edited, charts=False))
    assert "Edited assumptions" in text
    assert "Micro-influencer — Rate low (Rp): Rp 500,000 → Rp 700,000" in text
    assert "Combined — influencers, then KOCs — score 92/100" in text


def test_recommendation_pdf_lists_an_edited_reserve_and_reach_in_indonesian() -> None:
    from guide.advice.assumptions import figures_from_rows, figures_rows

    shipped = knowledge().figures
    rows = figures_rows(shipped)
    rows[1]["reach_high"] = 35.0  # nano
    edited, problems = figures_from_rows(rows, shipped, reserve=0.10)
    assert problems == []
    rec = recommend(BRIEF, "id", figures=edited)
    text = " ".join(pdf_text(recommendation_pdf(rec, "id", figures_edited=edited, charts=False)).split())
    assert "Nano-influencer — Jangkauan tinggi (% per unggahan): 40,0% → 35,0%" in text
    assert "Cadangan anggaran: 15% → 10%" in text


def test_shortlist_pdf_has_picks_totals_and_the_briefs() -> None:
    rec = recommend(BRIEF, "en")
    s = make_shortlist(derive(sample_roster(), knowledge().figures, BRIEF), rec, "en")
    briefs = creator_briefs(rec, "en")
    data = shortlist_pdf(rec, s, briefs, "en")
    text = pdf_text(data)
    assert s.selected[0].name in text
    total = f"Rp {s.total_fee_idr:,}"
    assert total in text
    for b in briefs:
        assert b.title in text
    assert "#iklan or #ad" in text
    assert len(pypdf.PdfReader(io.BytesIO(data)).pages) >= 1 + len(briefs)


def test_xlsx_has_rupiah_formats_and_totals_rows() -> None:
    rec = recommend(BRIEF, "id")
    s = make_shortlist(derive(sample_roster(), knowledge().figures, BRIEF), rec, "id")
    wb = openpyxl.load_workbook(io.BytesIO(plan_xlsx(rec, "id", s)))
    assert wb.sheetnames == ["Ringkasan", "Rencana", "Kreator", "Asumsi", "Sumber"]
    plan, short = wb["Rencana"], wb["Kreator"]
    last = plan.max_row
    assert plan.cell(last, 1).value == "Total" and plan.cell(last, 1).font.b
    assert plan.cell(last, 5).value == rec.total_cost_idr == sum(ln.cost_idr for ln in rec.plan)
    assert plan.cell(2, 5).number_format == '"Rp" #,##0'
    assert plan.cell(last, 5).number_format == '"Rp" #,##0'
    assert short.cell(short.max_row, 7).value == s.total_fee_idr
    assert short.cell(short.max_row, 7).number_format == '"Rp" #,##0'
    assert short.max_row == len(s.selected) + 2
    assert {short.cell(r, 8).value for r in range(2, short.max_row)} <= {"ya", "tidak"}  # words, never True
    assert short.cell(2, 4).value == "Mikro-influencer"


def test_csv_for_indonesian_excel_and_english() -> None:
    rec = recommend(BRIEF.model_copy(update={"name": "=HYPERLINK(\"x\")"}), "id")
    text = to_csv(rec, "id")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff")), delimiter=";"))
    assert rows[0][:5] == ["kampanye", "strategi", "fase", "jenis kreator", "jumlah"]
    assert rows[1][1:5] == ["Kombinasi", "1", "Mikro-influencer", "16"]  # words, never `micro` or `combined`
    assert all(r[0].startswith("'=") for r in rows[1:])  # formula injection neutralised
    en = to_csv(rec, "en").removeprefix("\ufeff")
    assert next(csv.reader(io.StringIO(en)))[:4] == ["campaign", "strategy", "phase", "creator type"]


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "guide", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=120)


def test_cli_shortlist_and_report(tmp_path: Path) -> None:
    umask = os.umask(0o022)
    os.umask(umask)
    brief = tmp_path / "brief.json"
    brief.write_text(BRIEF.model_dump_json())
    roster = tmp_path / "roster.csv"
    roster.write_text("name,platform,followers,handle,fee_idr,industries\n"
                      "Sari,instagram,24000,@sari,1200000,beauty\n"
                      "Budi,myspace,1000,@budi,,\n", encoding="utf-8")
    out = run_cli("shortlist", str(brief), str(roster), "--lang", "en")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert [(s["row"], s["name"], s["kind"], s["fee_idr"]) for s in data["selected"]] == [(2, "Sari", "micro", 1200000)]
    assert data["total_fee_idr"] == 1200000
    assert data["problems"] == [{"row": 3, "column": "platform", "severity": "error",
                                 "message": "Unknown platform “myspace”. Choose one of: instagram, tiktok, youtube, "
                                            "facebook, x, linkedin, podcast, offline."}]
    assert {u["kind"] for u in data["unfilled"]} == {ln.kind for ln in recommend(BRIEF, "en").plan}
    bad = run_cli("shortlist", str(brief), str(tmp_path / "missing.xlsx"))
    assert bad.returncode == 2 and bad.stdout == "" and len(bad.stderr.strip().splitlines()) == 1
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04not really a workbook")
    bad = run_cli("shortlist", str(brief), str(broken))
    assert bad.returncode == 2 and "Excel" in bad.stderr and len(bad.stderr.strip().splitlines()) == 1
    for fmt in ("pdf", "xlsx", "md"):
        target = tmp_path / f"report.{fmt}"
        res = run_cli("report", str(brief), "--format", fmt, "--lang", "en", "--out", str(target))
        assert res.returncode == 0, res.stderr
        assert target.stat().st_size > 500
        assert target.stat().st_mode & 0o777 == 0o666 & ~umask  # readable like any file the user saves
    assert "Combined — influencers, then KOCs — score" in pdf_text((tmp_path / "report.pdf").read_bytes())
    res = run_cli("report", str(brief), "--format", "md", "--out", str(tmp_path / "no" / "dir.md"))
    assert res.returncode == 2 and "cannot write" in res.stderr
