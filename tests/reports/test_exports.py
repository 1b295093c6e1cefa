"""Downloads: a Markdown brief that cannot be hijacked, CSV safe for spreadsheets, JSON that loads again."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

from guide import CampaignBrief, recommend
from guide.advice.brief_io import brief_from_json
from guide.reports.exports import CSV_COLUMNS, csv_safe, md_escape, to_csv, to_json, to_markdown

ROOT = Path(__file__).resolve().parents[2]
EVIL = "=HYPERLINK(\"http://x\")  [click](javascript:alert(1)) <b>bold</b> # head"


def rec(name: str | None = None, lang: str = "id"):
    return recommend(CampaignBrief(goal="launch", secondary_goal="testimonials", budget_idr=100_000_000,
                                   audience="broad", industry="beauty", name=name), lang)


def test_markdown_has_strategy_plan_warnings_and_next_steps():
    md = to_markdown(rec(lang="en"), "en")
    assert md.startswith("# Creator strategy plan")
    assert "Combined — influencers, then KOCs" in md
    assert "| 1 | Micro-influencer |" in md and "| 2 | KOC (customer) |" in md
    assert "BPOM" in md and "Next steps" in md


def test_markdown_escapes_user_text():
    md = to_markdown(rec(name=EVIL), "id")
    title = md.splitlines()[0]
    assert "<b>" not in title and "](" not in title and "\\[click\\]" in title
    assert title.count("#") == 2  # only the heading mark and the escaped one
    assert "\\#" in title


def test_md_escape_flattens_newlines():
    assert "\n" not in md_escape("a\n# b\n\n* c")


def test_csv_neutralises_formulas_but_not_numbers():
    assert csv_safe("=1+1") == "'=1+1"
    assert csv_safe("@SUM(A1)") == "'@SUM(A1)"
    assert csv_safe("\tx") == "'\tx" and csv_safe("-2") == "'-2" and csv_safe("+1") == "'+1"
    assert csv_safe(-5) == -5 and csv_safe(1.5) == 1.5
    r = rec(name="=cmd|' /C calc'!A0")
    rows = list(csv.DictReader(io.StringIO(to_csv(r, "id").removeprefix("\ufeff")), delimiter=";"))
    assert tuple(rows[0].keys())[:5] == ("kampanye", "strategi", "fase", "jenis kreator", "jumlah")
    assert len(rows[0]) == len(CSV_COLUMNS)
    assert all(row["kampanye"].startswith("'=") for row in rows)
    assert sum(int(row["biaya (Rp)"]) for row in rows) == r.total_cost_idr


def test_json_download_loads_again_in_the_app_and_the_cli(tmp_path):
    r = rec(name="Serum")
    text = to_json(r)
    assert brief_from_json(text) == r.brief
    f = tmp_path / "brief.json"
    f.write_text(text)
    out = subprocess.run([sys.executable, "-m", "guide", "recommend", str(f), "--lang", "en"], cwd=ROOT,
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert '"strategy": "combined"' in out.stdout


def test_markdown_export_has_no_live_user_link_formula_or_icon():
    from markdown_it import MarkdownIt

    b = CampaignBrief(goal="sales", budget_idr=60_000_000, audience="niche", industry="beauty",
                      name="Promo www.evil.example/reset $x$ :material/lock:", region="help@evil.example",
                      product_description="https://evil.example/login", age_bands=("18_24", "25_34"), gender="women")
    md = to_markdown(recommend(b, "en"), "en")
    html = MarkdownIt("commonmark").render(md)
    assert "<a " not in html and "<img" not in html
    for literal in ("www.evil", "evil.example", "https://", "help@", ":material/", "$x$"):
        assert literal not in md, literal  # as typed, these would autolink / render in GFM
    assert "Age range: 18–24 years, 25–34 years" in md and "Audience gender: Mostly women" in md
    assert "Region or city:" in md and "Product:" in md


def test_audience_descriptors_are_in_the_markdown_only_when_given():
    md = to_markdown(rec(lang="id"), "id")
    assert "Rentang usia" not in md and "Wilayah" not in md


def test_shortlist_csv_headings_read_as_one_spreadsheet_in_indonesian() -> None:
    from guide.advice.knowledge import knowledge
    from guide.creators.roster import derive, sample_roster
    from guide.creators.shortlist import make_shortlist
    from guide.reports.recommendation import shortlist_csv

    brief = CampaignBrief(goal="launch", budget_idr=75_000_000, audience="broad", industry="beauty")
    s = make_shortlist(derive(sample_roster(), knowledge().figures, brief), recommend(brief, "id"), "id")
    lines = shortlist_csv(s, "id").splitlines()
    assert lines[0] == ("\ufeffNama;Akun;Platform;Jenis;Pengikut;Tingkat interaksi (%);Tarif (Rp);Tarif perkiraan;"
                        "Perkiraan interaksi;Perkiraan jangkauan;Mengapa dipilih")
    assert ";Mikro-influencer;" in lines[1] and ";micro;" not in lines[1]
