"""Downloads of a hand-made recommendation, checked line by line against literal text.

Written to kill mutmut survivors in guide/reports/exports.py (docs/testing.md): the recommendation is built here
from literal values, not by the engine, so each expected line is what the user reads in the file, written
out, and no expectation comes from the code under test.
"""

from __future__ import annotations

import csv
import io

from guide.advice.models import Advisory, CampaignBrief, PlanLine, Reason, Recommendation, SourceRef
from guide.reports.exports import CSV_COLUMNS, csv_safe, md_escape, to_csv, to_markdown

SRC = SourceRef(id="004_a", title="Artikel empat", passage="ulasan jujur pelanggan")
BRIEF = CampaignBrief(goal="sales", secondary_goal="testimonials", budget_idr=60_000_000, audience="niche",
                      industry="beauty", platforms=("instagram", "tiktok"), content="authentic", duration_weeks=8,
                      brand_stage="new", name="Serum *Glow*")


def line(kind, count, unit, phase, start, end, reach=(10_000, 40_000), eng=(300, 1_600)) -> PlanLine:
    return PlanLine(kind=kind, count=count, cost_idr=count * unit, unit_cost_idr=unit,
                    cost_band={"low": count * unit * 8 // 10, "high": count * unit * 12 // 10},
                    reach={"low": reach[0], "high": reach[1]}, engagements={"low": eng[0], "high": eng[1]},
                    phase=phase, start_week=start, end_week=end)


def rec(plan=None, planned="combined", lang="en", total=None, name="Serum *Glow*") -> Recommendation:
    plan = (line("micro", 9, 2_000_000, 1, 1, 4, (270_000, 900_000), (5_400, 27_000)),
            line("koc", 12, 1_500_000, 2, 5, 8, (1_200, 4_800), (1_234_567, 2_000_000))) if plan is None else plan
    return Recommendation(
        brief=BRIEF.model_copy(update={"name": name}), lang=lang, strategy="combined", planned_strategy=planned,
        runner_up="koc", margin=4.5, scores={"kol": 10.0, "influencer": 50.0, "koc": 60.0, "combined": 64.5},
        raw_scores={"kol": 1.0, "influencer": 5.0, "koc": 6.0, "combined": 6.45}, summary="A literal summary.",
        reasons=tuple(Reason(rule_id=f"a0{i}", label=f"Rule {i}", effects={"combined": 1.0}, weight=1.0,
                             text=f"Reason {i}.", source=SRC) for i in range(10)),
        plan=plan, total_cost_idr=sum(ln.cost_idr for ln in plan) if total is None else total,
        warnings=(Advisory(code="disclosure", text="Label every paid post."),
                  Advisory(code="compliance-bpom", text="Check BPOM claims.")),
        next_steps=("Pick creators.", "Brief them."),
    )


def test_markdown_lines_in_english():
    md = to_markdown(rec(), "en").splitlines()
    assert md[0] == "# Creator strategy plan: Serum \\*Glow\\*"
    assert md[1] == ""
    assert md[2] == "**Strategy:** Combined — influencers, then KOCs  "
    assert md[3] == "A literal summary."
    brief = md[md.index("## Brief") + 1:md.index("**Combined — influencers, then KOCs — score 64/100**") - 1]
    assert brief == ["- Campaign goal: Sales", "- Secondary goal: Testimonials", "- Budget (Rp): Rp 60,000,000",
                     "- Audience: Niche", "- Industry: Beauty", "- Platforms: Instagram, TikTok",
                     "- Content style: Authentic, as it is", "- Duration (weeks): 8",
                     "- Brand stage: New / SME (UMKM)"]
    assert "| Phase | Kind | Count | Planned cost | Estimated reach | Estimated engagements | Weeks |" in md
    assert "| 1 | Micro-influencer | 9 | Rp 18,000,000 | 270,000 – 900,000 | 5,400 – 27,000 | 1–4 |" in md
    assert "| 2 | KOC (customer) | 12 | Rp 18,000,000 | 1,200 – 4,800 | 1,234,567 – 2,000,000 | 5–8 |" in md
    assert "|---|---|---:|---:|---:|---:|---|" in md
    assert "| **Total** | | **21** | **Rp 36,000,000** | **0** | **0** | |" in md  # the Recommendation's totals
    assert "- **Budget:** Rp 60,000,000" in md and "- **Creator cost:** Rp 36,000,000" in md
    assert "- **Reserve (fees, boosting, the unexpected):** Rp 0" in md and "- **Money left unallocated:** Rp 0" in md
    warnings = md[md.index("## Warnings and assumptions") + 1:md.index("## Next steps")]
    assert warnings == ["- Label every paid post.", "- Check BPOM claims.", ""]
    assert md[md.index("## Next steps") + 1:md.index("## Sources")] == ["1. Pick creators.", "2. Brief them.", ""]
    assert md[-1] == ("_Made with the Creator Strategy Guide. Figures are estimates from public sources, "
                      "not promised results._")
    # Every reason, with its points and its source's title (never a file name).
    assert md[md.index("## Reasons for") + 1] == "- No rule argues for this strategy in particular."
    reasons = [x for x in md if x.startswith("- **Rule ")]
    assert reasons[0] == "- **Rule 0** (±0.0 points): Reason 0. _(source: Artikel empat)_"
    assert len(reasons) == 10


def test_markdown_in_indonesian_uses_indonesian_numbers_and_labels():
    md = to_markdown(rec(lang="id"), "id").splitlines()
    assert md[0] == "# Rencana strategi kreator: Serum \\*Glow\\*"
    assert "- Anggaran (Rp): Rp 60.000.000" in md and "- Tahap brand: Baru / UMKM" in md
    assert "## Alasan yang mendukung" in md and "- **Rule 0** (±0,0 poin): Reason 0. _(sumber: Artikel empat)_" in md
    assert "| 2 | KOC (konsumen) | 12 | Rp 18.000.000 | 1.200 – 4.800 | 1.234.567 – 2.000.000 | 5–8 |" in md


def test_markdown_without_optional_answers_or_a_plan():
    bare = rec(plan=(), planned=None, name=None).model_copy(update={"brief": CampaignBrief(
        goal="awareness", budget_idr=0, audience="broad", industry="fashion")})
    md = to_markdown(bare, "en").splitlines()
    assert md[0] == "# Creator strategy plan"
    assert not any(x.startswith(("- Secondary goal", "- Platforms", "- Content style")) for x in md)
    assert not any(x.startswith("| ") for x in md)
    assert md[md.index("## Plan") + 1] == "No paid plan for this budget."
    assert not any(x.startswith("**Total:**") for x in md)


def test_markdown_names_the_fallback_strategy():
    md = to_markdown(rec(planned="koc"), "en").splitlines()
    assert md[md.index("## Plan") + 1] == "_The plan uses KOC because the budget does not fund the best strategy yet._"
    assert md[md.index("## Plan") + 2] == ""
    same = to_markdown(rec(planned="combined"), "en").splitlines()
    assert same[same.index("## Plan") + 1].startswith("| Phase |")


def test_csv_rows_are_the_plan_lines():
    text = to_csv(rec(), "en")
    assert text.startswith("\ufeff")  # a UTF-8 byte-order mark, so Excel reads the file as UTF-8
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))
    assert rows[0] == ["campaign", "strategy", "phase", "creator type", "count", "cost per creator (Rp)", "cost (Rp)",
                       "cost low (Rp)", "cost high (Rp)", "reach low", "reach high", "engagements low",
                       "engagements high", "start week", "end week"]
    assert len(rows[0]) == len(CSV_COLUMNS)
    assert rows[1] == ["Serum *Glow*", "Combined", "1", "Micro-influencer", "9", "2000000", "18000000",
                       "14400000", "21600000", "270000", "900000", "5400", "27000", "1", "4"]
    assert rows[2][:5] == ["Serum *Glow*", "Combined", "2", "KOC (customer)", "12"]
    assert rows[2][-2:] == ["5", "8"]
    assert len(rows) == 3
    empty = list(csv.reader(io.StringIO(to_csv(rec(plan=(), planned=None, name=None), "en").removeprefix("\ufeff"))))
    assert empty == [rows[0]]


def test_csv_safe_and_md_escape_edges():
    assert csv_safe("\rx") == "'\rx" and csv_safe("\nx") == "'\nx" and csv_safe("a=b") == "a=b"
    assert csv_safe("") == ""
    assert md_escape("a  b\tc") == "a b c"
    assert md_escape("[x](y) <b> # !|~`") == "\\[x\\]\\(y\\) \\<b\\> \\# \\!\\|\\~\\`"


def test_indonesian_numbers_in_the_plan_and_a_blank_line_before_every_section():
    big = (line("koc", 1_200, 500_000, 1, 1, 8),)
    md = to_markdown(rec(plan=big, lang="id"), "id").splitlines()
    assert "| 1 | KOC (konsumen) | 1.200 | Rp 600.000.000 | 10.000 – 40.000 | 300 – 1.600 | 1–8 |" in md
    assert "- **Biaya kreator:** Rp 600.000.000" in md and "- **Anggaran:** Rp 60.000.000" in md
    headings = [i for i, x in enumerate(md) if x.startswith("## ")]
    assert len(headings) == 8 and all(md[i - 1] == "" for i in headings)
    assert md[md.index("## Alasan yang mendukung") - 1] == "" and "XXXX" not in "\n".join(md)


def test_csv_uses_excel_line_ends_and_blank_cells_for_what_is_missing():
    text = to_csv(rec(planned=None, name=None), "en").removeprefix("\ufeff")
    assert text.count("\r\n") == 3 and text.count("\n") == 3  # CRLF, as Excel writes CSV
    row = next(csv.reader(io.StringIO(text.splitlines()[1])))
    assert row[:2] == ["", ""]
