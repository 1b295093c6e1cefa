"""Tests for mutants of `make mutation`'s sample that survived (docs/testing.md, 2026-12-04 late run): each
asserts what a user would see, with literal values, and was seen to fail with its mutant applied by hand."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from guide import CampaignBrief, knowledge, recommend
from guide.creators.roster import derive, parse_roster
from guide.creators.shortlist import make_shortlist
from guide.output.files import CliError, read_input
from guide.reports.recommendation import shortlist_rows
from guide.results.analysis import SAMPLE_BRIEF, SAMPLE_FILE, analyse, parse_csv

HEADER = "name,platform,followers,handle,kind,engagement_rate,avg_engagements,fee_idr,industries,city,expertise\n"


def test_the_shortlist_table_of_a_reach_goal_shows_each_picks_reach() -> None:
    # guide.reports.recommendation.x_shortlist_rows__mutmut_59: the PDF and workbook showed engagements under the
    # heading "Expected reach". One micro creator: 20,000 followers × 22.5 % reach × 0.8 = 3,600 people;
    # engagements would be 20,000 × 3 % × 0.8 = 480.
    roster = parse_roster((HEADER + "Mikro IG,instagram,20000,@a,influencer,3.0,,1000000,beauty,Jakarta,\n").encode(),
                          "r.csv")
    brief = CampaignBrief(goal="awareness", budget_idr=28_000_000, audience="broad", industry="beauty",
                          platforms=("instagram",))
    s = make_shortlist(derive(roster, knowledge().figures, brief), recommend(brief, "en"), "en")
    header, rows, _ = shortlist_rows(s, "en")
    assert header[-1] == "Expected reach"
    assert rows == [["Mikro IG", "@a", "Instagram", "Micro-influencer", "20,000", "3.00%", "Rp 1,000,000", "3,600"]]


@pytest.mark.parametrize(("lang", "own", "other"), [("en", "Micro-influencer", "Mikro-influencer"),
                                                     ("id", "Mikro-influencer", "Micro-influencer")])
def test_the_results_pdf_names_the_kinds_in_the_readers_language(lang: str, own: str, other: str) -> None:
    # guide.results.report.x_to_pdf__mutmut_154: the "by kind" table of an English PDF said "Mikro-influencer".
    from pypdf import PdfReader

    from guide.results.report import to_pdf

    a = analyse(parse_csv(SAMPLE_FILE.read_bytes()), SAMPLE_BRIEF, lang)
    text = " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(io.BytesIO(to_pdf(a, lang))).pages)
    assert own in text and other not in text


def test_the_cli_reads_a_file_of_exactly_its_size_limit_and_refuses_one_byte_more(tmp_path: Path) -> None:
    # guide.output.files.x_read_input__mutmut_27: a file of exactly the limit was refused.
    at_limit = tmp_path / "ok.csv"
    at_limit.write_bytes(b"x" * 1000)
    assert read_input(str(at_limit), 1000) == b"x" * 1000
    over = tmp_path / "big.csv"
    over.write_bytes(b"x" * 1001)
    with pytest.raises(CliError, match="larger than"):
        read_input(str(over), 1000)


def test_the_shortlist_chart_marks_the_picked_creators_and_explains_its_marks() -> None:
    # guide.creators.charts.x_chart_data__mutmut_106 (every creator drawn as "Not picked"),
    # x_shortlist_chart__mutmut_158 (the fill read a field that does not exist, so picked circles were hollow) and
    # x_shortlist_chart__mutmut_130 (no legend). Sample roster, Rp 20 jt sales brief: 22 picked, 14 others eligible.
    from guide.creators.charts import chart_data, shortlist_chart
    from guide.creators.roster import sample_roster

    brief = CampaignBrief(goal="sales", budget_idr=20_000_000, audience="broad", industry="beauty")
    df = derive(sample_roster(), knowledge().figures, brief)
    s = make_shortlist(df, recommend(brief, "en"), "en")
    assert s.status == "optimal" and len(s.selected) == 22
    assert chart_data(df, s, "en")["status"].value_counts().to_dict() == {"Picked": 22, "Not picked": 14}
    encoding = shortlist_chart(df, s, "en").to_dict()["encoding"]
    assert encoding["fill"]["field"] == "status" and encoding["fill"]["scale"]["range"] == ["#0B6E69", "transparent"]
    assert encoding["color"]["legend"] == {"orient": "bottom"} and encoding["shape"]["legend"] == {"orient": "bottom"}


def test_results_against_the_plan_name_each_line_with_its_phase() -> None:
    # guide.results.report.x_plan_rows__mutmut_12: the "Phase 1 · " of each planned line was dropped.
    from guide.results.report import plan_rows

    a = analyse(parse_csv(SAMPLE_FILE.read_bytes()), SAMPLE_BRIEF, "en")
    # (the sample's nano creator is a kind the plan did not have: no phase)
    assert [next(iter(row.values())) for row in plan_rows(a, "en")] == ["Phase 1 · Micro-influencer",
                                                                       "Phase 2 · KOC (customer)", "Nano-influencer"]


def test_an_ambiguous_amount_suggests_its_readings_joined_in_the_users_language() -> None:
    # guide.text.numbers.AmountReading.message__mutmut_23: the suggestions were joined with Indonesian "atau".
    from guide.text.numbers import read_amount

    assert read_amount("1.500,000", "en").message("en") == (
        "“1\u2060\\.500,000” can be read more than one way: Rp 1,500 or Rp 1,500,000. In English a comma groups "
        "thousands and a dot marks decimals; type for example 1.5 thousand or 1.5 million. The previous value is kept.")


def test_a_line_the_budget_cannot_fill_says_how_much_more_money_and_for_how_many() -> None:
    # guide.creators.shortlist._relax__mutmut_201: the count in the hint was dropped ("… short of the None …").
    # Plan for Rp 3 jt sales: 8 nano; Rp 2.550.000 to spend after the 15 % reserve. Ten nano creators at Rp 2 jt:
    # one fits, Rp 550.000 is left, the 7 cheapest others cost Rp 14.000.000, so Rp 13.450.000 is missing.
    rows = "".join(f"Nano {i},instagram,5000,@n{i},influencer,3.0,,2000000,beauty,Jakarta,\n" for i in range(10))
    brief = CampaignBrief(goal="sales", budget_idr=3_000_000, audience="niche", industry="beauty",
                          platforms=("instagram",))
    s = make_shortlist(derive(parse_roster((HEADER + rows).encode(), "r.csv"), knowledge().figures, brief),
                       recommend(brief, "en"), "en")
    (line,) = s.lines
    assert (line.kind, line.planned, line.filled, line.missing) == ("nano", 8, 1, 7)
    assert line.relax == ("The budget is Rp 13,450,000 short of the 7 cheapest remaining Nano-influencer: raise the "
                          "budget or pick cheaper creators.",)


def test_the_results_pdf_of_a_file_with_problems_lists_them_by_row_and_column() -> None:
    # guide.results.report.to_pdf__mutmut_762: the problems table's "Row" heading lost its argument (a TypeError,
    # so no PDF for any file with a problem).
    from pypdf import PdfReader

    from guide.results.report import to_pdf

    data = (b"creator,kind,platform,cost_idr,likes,impressions\n"
            b"Ana,micro,instagram,1500000,300,20000\nBudi,giant,instagram,1000000,10,1000\n")
    a = analyse(parse_csv(data), SAMPLE_BRIEF, "en")
    text = " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(io.BytesIO(to_pdf(a, "en"))).pages)
    assert "Problems in the file Row Column Problem 3 kind Unknown kind 'giant'." in text
