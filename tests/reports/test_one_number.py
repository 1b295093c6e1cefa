"""One number everywhere: the PDF, the workbook, the Markdown and the CSV show the figures of
`python -m guide recommend` (totals, reserve, money left, whole-plan reach and engagements, each reason's
points, each plan line). The expected text is formatted here, by hand, from the JSON — not by the product."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import openpyxl
import pypdf
import pytest

ROOT = Path(__file__).resolve().parents[2]
BRIEFS = {
    "serum": {"goal": "launch", "budget_idr": 75_000_000, "audience": "broad", "industry": "beauty",
              "platforms": ["instagram", "tiktok"], "name": "Peluncuran Serum Glow", "product_value_idr": 150_000,
              "duration_weeks": 6},
    "clinic": {"goal": "credibility", "budget_idr": 120_000_000, "audience": "niche", "industry": "health",
               "platforms": ["instagram", "youtube"], "name": "Klinik Sehat", "duration_weeks": 8},
}


def cli(*args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "guide", *args], cwd=ROOT, capture_output=True, timeout=120)


def idr(n: int) -> str:  # Indonesian grouping, written out by hand
    return "Rp " + f"{n:,}".replace(",", ".")


def num(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def rng(low: int, high: int) -> str:
    return num(low) if low == high else f"{num(low)} – {num(high)}"


def points(p: float) -> str:
    sign = "+" if p > 0 else "−" if p < 0 else "±"
    return f"{sign}{abs(p):.1f}".replace(".", ",") + " poin"


@pytest.fixture(scope="module", params=sorted(BRIEFS))
def exports(request, tmp_path_factory):
    d = tmp_path_factory.mktemp(request.param)
    brief = d / "brief.json"
    brief.write_text(json.dumps(BRIEFS[request.param]), encoding="utf-8")
    p = cli("recommend", str(brief), "--lang", "id")
    assert p.returncode == 0, p.stderr
    out = {"json": json.loads(p.stdout)}
    for fmt in ("pdf", "xlsx", "md"):
        target = d / f"report.{fmt}"
        r = cli("report", str(brief), "--format", fmt, "--lang", "id", "--out", str(target))
        assert r.returncode == 0, r.stderr
        out[fmt] = target.read_bytes()
    from guide import CampaignBrief, recommend
    from guide.reports.exports import to_csv

    out["csv"] = to_csv(recommend(CampaignBrief.model_validate(BRIEFS[request.param]), "id"), "id").encode()
    return out


def test_pdf_tells_the_json_numbers(exports) -> None:
    j = exports["json"]
    text = " ".join(pypdf.PdfReader(io.BytesIO(exports["pdf"])).pages[0].extract_text().split())
    assert f"Biaya kreator: {idr(j['total_cost_idr'])}" in text
    assert f"Cadangan (biaya, boosting, tak terduga): {idr(j['reserve_idr'])}" in text
    assert f"Sisa belum dialokasikan: {idr(j['unallocated_idr'])}" in text
    total_row = (f"Total {num(sum(ln['count'] for ln in j['plan']))} {idr(j['total_cost_idr'])} "
                 f"{rng(j['reach_total']['low'], j['reach_total']['high'])} "
                 f"{rng(j['engagements_total']['low'], j['engagements_total']['high'])}")
    assert total_row in text
    shown = [r for r in j["reasons"] if f"{r['label']} (" in text]
    assert shown, "the page shows some reasons"
    for r in shown:
        assert f"{r['label']} ({points(r['points'])})" in text


def test_workbook_tells_the_json_numbers(exports) -> None:
    j = exports["json"]
    wb = openpyxl.load_workbook(io.BytesIO(exports["xlsx"]))
    summary = {row[0]: row[1] for row in wb["Ringkasan"].iter_rows(values_only=True) if row and row[0]}
    assert summary["Biaya kreator"] == j["total_cost_idr"]
    assert summary["Biaya agensi KOL management"] == j["agency_fee_idr"]
    # the summary adds up: creators + agency + reserve + money left = the budget
    assert summary["Biaya kreator"] + summary["Biaya agensi KOL management"] + summary["Cadangan"] + \
        summary["Sisa belum dialokasikan"] == summary["Anggaran"]
    assert summary["Cadangan"] == j["reserve_idr"]
    assert summary["Sisa belum dialokasikan"] == j["unallocated_idr"]
    assert summary["Jangkauan seluruh rencana, rendah"] == j["reach_total"]["low"]
    assert summary["Jangkauan seluruh rencana, tinggi"] == j["reach_total"]["high"]
    assert summary["Interaksi seluruh rencana, tinggi"] == j["engagements_total"]["high"]
    reasons = {row[1]: row[2] for row in wb["Ringkasan"].iter_rows(values_only=True)
               if row and row[0] in ("mendukung", "menentang", "netral")}
    assert reasons == {r["label"]: round(r["points"], 1) for r in j["reasons"]}
    plan = list(wb["Rencana"].iter_rows(values_only=True))
    assert [(row[2], row[4]) for row in plan[1:-1]] == [(ln["count"], ln["cost_idr"]) for ln in j["plan"]]
    assert plan[-1][4] == j["total_cost_idr"]
    assert (plan[-1][7], plan[-1][8]) == (j["reach_total"]["low"], j["reach_total"]["high"])


def test_markdown_and_csv_tell_the_json_numbers(exports) -> None:
    j = exports["json"]
    md = exports["md"].decode("utf-8")
    assert f"- **Biaya kreator:** {idr(j['total_cost_idr'])}" in md
    assert f"- **Cadangan (biaya, boosting, tak terduga):** {idr(j['reserve_idr'])}" in md
    assert f"- **Sisa belum dialokasikan:** {idr(j['unallocated_idr'])}" in md
    assert f"**{rng(j['reach_total']['low'], j['reach_total']['high'])}**" in md
    for r in j["reasons"]:
        assert f"({points(r['points'])}): " in md
    rows = list(csv.reader(io.StringIO(exports["csv"].decode("utf-8").removeprefix("\ufeff")), delimiter=";"))
    assert [(int(r[4]), int(r[6])) for r in rows[1:]] == [(ln["count"], ln["cost_idr"]) for ln in j["plan"]]
    assert sum(int(r[6]) for r in rows[1:]) == j["total_cost_idr"]
