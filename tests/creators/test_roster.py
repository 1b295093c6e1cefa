"""Roster parsing: good and bad CSV and XLSX files, with the problem list asserted row by row."""

from __future__ import annotations

import io
import re

import numpy as np
import openpyxl
import pytest

from guide import CampaignBrief, knowledge
from guide.creators.roster import (
    MAX_FILE_BYTES,
    RosterError,
    derive,
    parse_count,
    parse_roster,
    sample_roster,
    template_csv,
    template_xlsx,
)

FIG = knowledge().figures


def problems(data: bytes, name: str = "r.csv", lang: str = "en") -> list[tuple[int, str, str, str]]:
    p = parse_roster(data, name)
    return [(x.row, x.column, x.severity, x.message(lang)) for x in p.problems]


GOOD_CSV = (
    b"name,platform,followers,handle,kind,engagement_rate,avg_engagements,fee_idr,industries,city,expertise\n"
    b"Sari,instagram,24500,@sari,influencer,3.9,,1500000,beauty;lifestyle,Bandung,\n"
    b"dr. Ana,youtube,120000,@ana,kol,,2400,,health,Jakarta,dokter kulit\n"
    b"Putri,tiktok,2100,@putri,koc,,,,beauty,Surabaya,\n"
)


def test_good_csv_has_no_problems_and_reads_every_column() -> None:
    p = parse_roster(GOOD_CSV, "roster.csv")
    assert p.problems == ()
    assert list(p.rows) == [2, 3, 4]
    assert p.name == ["Sari", "dr. Ana", "Putri"]
    assert list(p.followers) == [24500, 120000, 2100]
    assert p.kind == ["influencer", "kol", "koc"]
    assert p.industries[0] == ("beauty", "lifestyle")
    assert p.expertise[1] == "dokter kulit"
    assert bool(p.valid.all())


def test_bad_csv_problem_list_row_by_row() -> None:
    data = (
        b"name,platform,followers,handle,kind,engagement_rate,avg_engagements,fee_idr,industries,city\n"
        b",instagram,1000,@a,,,,,,\n"                      # row 2: no name
        b"Budi,myspace,1000,@b,,,,,,\n"                    # row 3: unknown platform
        b"Cici,tiktok,12,5,@c,,,,,,\n"                     # row 4: shifted cells -> handle '5', kind '@c'
        b"Dodi,instagram,,@d,,,,,,\n"                      # row 5: followers missing
        b"Eka,instagram,1.5,@e,,,,,,\n"                    # row 6: not whole
        b"Fani,instagram,5000,@f,selebgram,,,,,\n"         # row 7: unknown kind
        b"Gita,instagram,5000,@g,,150,,,,\n"               # row 8: percent out of range
        b"Hana,instagram,5000,@A,,,,,,\n"                  # row 9: duplicate of row 2's handle (case, @)
        b"\n"                                              # row 10: blank, data follows
        b"Indra,instagram,5000,@i,,,,2M,,\n"               # row 11: fee 'M' ambiguous
        b"Joko,instagram,5000,@j,,4,,,astrologi,\n"        # row 12: unknown industry (warning)
        b"Kiki,instagram,10000,@k,,2,500,,,\n"             # row 13: 2% vs 5%: disagree (warning)
        b"Lala,instagram,10000,@l,,,,,,,extra\n"           # row 14: a cell beyond the header: not lined up
    )
    got = problems(data)
    assert got == [
        (2, "name", "error", "Required."),
        (3, "platform", "error",
         "Unknown platform “myspace”. Choose one of: instagram, tiktok, youtube, facebook, x, linkedin, podcast, "
         "offline."),
        (4, "kind", "error", "Unknown kind “@c”. Choose influencer, kol or koc."),
        (5, "followers", "error", "Required."),
        (6, "followers", "error", "Column “followers”: must be a whole number: “1.5”."),
        (7, "kind", "error", "Unknown kind “selebgram”. Choose influencer, kol or koc."),
        (8, "engagement_rate", "error", "Column “engagement_rate”: a percentage must be between 0 and 100: “150”."),
        (9, "handle", "error", "Handle @A already appears in row 2 for the same platform; this row is not used."),
        (10, "", "warning", "Row 10 is blank and was skipped."),
        (11, "fee_idr", "error",
         "Column “fee_idr”: in “2M”, M can mean juta (million) or miliar (billion). Write “juta”, “miliar” or the "
         "full number."),
        (12, "industries", "warning",
         "Unknown industry, ignored: astrologi. Known: health, finance, beauty, fashion, fitness, travel, "
         "lifestyle, food, parenting, tech, education, other."),
        (13, "engagement_rate", "warning",
         "Engagement rate 2% does not match avg engagements ÷ followers (5.00%). Using 2%."),
        (14, "", "error", "This row has 11 cells but the header only 10, so its cells do not line up and the row "
         "is not used. A comma inside a number or name (“Rp 1,5 juta”)? Put quotes around it, or write 1500000."),
    ]
    p = parse_roster(data, "r.csv")
    # Every data row is kept (none dropped silently); rows with errors are marked, warnings are not.
    assert list(p.rows) == [2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 13, 14]
    assert list(p.valid) == [False, False, False, False, False, False, False, False, False, True, True, False]


def test_indonesian_csv_with_semicolons_bom_and_local_numbers() -> None:
    data = ("\ufeffnama;platform;pengikut;akun;jenis;tingkat_interaksi;tarif_idr;industri\n"
            "Sari;IG;24.500;@sari;influencer;3,9;Rp 1,5 juta;kecantikan; \n"
            "Budi;TikTok;12,5rb;@budi;KOC;;;\"kuliner; gaya hidup\"\n").encode("utf-8")
    p = parse_roster(data, "roster.csv")
    assert p.problems == ()
    assert p.platform == ["instagram", "tiktok"]
    assert list(p.followers) == [24500, 12500]
    assert p.engagement_rate[0] == pytest.approx(3.9)
    assert p.fee_idr[0] == 1_500_000
    assert p.kind == ["influencer", "koc"]
    assert p.industries == [("beauty",), ("food", "lifestyle")]


def test_missing_required_column_is_one_message_in_both_languages() -> None:
    with pytest.raises(RosterError) as e:
        parse_roster(b"nama;platform\nSari;ig\n", "r.csv")
    assert e.value.problem.row == 1
    assert e.value.problem.message("id").startswith("Kolom wajib tidak ada: followers.")
    assert e.value.problem.message("en").startswith("Required column missing: followers.")


def test_count_parser() -> None:
    assert parse_count("12.500") == (12500, "")
    assert parse_count("12,500") == (12500, "")
    assert parse_count("1.2M") == (1_200_000, "")
    assert parse_count("12,5rb") == (12500, "")
    assert parse_count("1.500K") == (None, "ambiguous")
    assert parse_count("12,5") == (None, "not_whole")
    assert parse_count("-5") == (None, "negative")
    assert parse_count("Rp 2,5 juta", money=True) == (2_500_000, "")
    assert parse_count("abc") == (None, "not_number")


def test_file_caps_and_types() -> None:
    with pytest.raises(RosterError) as e:
        parse_roster(b"x" * (MAX_FILE_BYTES + 1), "big.csv")
    assert e.value.problem.code == "too_big"
    assert "20 MB" in e.value.problem.message("en")
    for data, name, code in [(b"", "e.csv", "empty_file"), (b"PK\x03\x04garbage", "x.xlsx", "not_xlsx"),
                             (b"\x00\x01\x02binary", "x.csv", "not_text"), (b"abc", "old.xls", "wrong_type")]:
        with pytest.raises(RosterError) as e:
            parse_roster(data, name)
        assert e.value.problem.code == code


def _xlsx(rows: list[list[object]], percent_col: int | None = None) -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    for r in rows:
        ws.append(r)
    if percent_col is not None:
        for row in ws.iter_rows(min_row=2, min_col=percent_col, max_col=percent_col):
            for c in row:
                c.number_format = "0.0%"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def test_good_xlsx_numbers_percent_format_and_text() -> None:
    data = _xlsx([
        ["Name", "Platform", "Followers", "Handle", "Engagement rate", "Fee IDR"],
        ["Sari", "instagram", 24500, "@sari", 0.039, 1500000],
        ["Budi", "tiktok", 12500.0, "@budi", 0.05, None],
    ], percent_col=5)
    p = parse_roster(data, "roster.xlsx")
    assert p.problems == ()
    assert list(p.followers) == [24500, 12500]
    assert list(np.round(p.engagement_rate, 3)) == [3.9, 5.0]  # 3.9% stored as 0.039 in a % cell
    assert np.isnan(p.fee_idr[1])


def test_xlsx_formulas_are_never_evaluated() -> None:
    # openpyxl writes formulas without a cached value: there is nothing to read, so the cell is refused.
    data = _xlsx([
        ["name", "platform", "followers", "fee_idr"],
        ["Sari", "instagram", "=1000*25", 100000],
        ["Budi", "instagram", 5000, "=A1"],
        ["Cici", "instagram", 5000, 150000],
    ])
    got = problems(data, "r.xlsx")
    assert got == [
        (2, "followers", "error",
         "Cell C2 holds a formula with no saved value. Formulas are not calculated: open the file in Excel and "
         "save it again, or paste as values."),
        (2, "followers", "error", "Required."),
        (3, "fee_idr", "error",
         "Cell D3 holds a formula with no saved value. Formulas are not calculated: open the file in Excel and "
         "save it again, or paste as values."),
    ]
    p = parse_roster(data, "r.xlsx")
    assert list(p.valid) == [False, True, True]
    assert list(p.followers) == [0, 5000, 5000]


def test_templates_parse_cleanly_in_both_languages() -> None:
    for lang in ("id", "en"):
        csv_bytes = template_csv(lang)
        assert csv_bytes.startswith("\ufeff".encode())
        for data, name in ((csv_bytes, "t.csv"), (template_xlsx(lang), "t.xlsx")):
            p = parse_roster(data, name)
            assert p.problems == (), (lang, name)
            assert p.kind == ["influencer", "kol", "koc"]
    assert template_csv("id").decode("utf-8-sig").startswith("nama;platform;pengikut")


def test_sample_roster_is_fictional_and_clean() -> None:
    p = sample_roster()
    assert 280 <= len(p) <= 320
    assert p.problems == ()
    assert all(h.endswith(".fiktif") for h in p.handle)
    assert p.rows[0] == 3  # the first line is the 'fictional' note, the header is row 2
    kinds = set(p.kind)
    assert kinds == {"influencer", "kol", "koc"}
    assert p.kind.count("koc") > 100


def test_derived_columns() -> None:
    data = (
        b"name,platform,followers,kind,engagement_rate,avg_engagements,fee_idr,industries,city\n"
        b"A,instagram,9999,,,,,beauty,Bandung\n"          # nano, ER assumed, fee estimated
        b"B,instagram,10000,,0.2,,,lifestyle,Jakarta\n"   # micro, too low -> 'low'
        b"C,instagram,600000,,,60000,,,\n"                # macro, 10% derived -> 'high' (above 7%)
        b"D,tiktok,2000000,,20,,99000000,beauty,\n"       # mega on TikTok: not checked
        b"E,youtube,50000,kol,,,,health,\n"               # KOL fee from the KOL band
    )
    brief = CampaignBrief(goal="sales", budget_idr=50_000_000, audience="niche", industry="beauty",
                          platforms=("instagram",))
    d = derive(parse_roster(data, "r.csv"), FIG, brief, city="bandung")
    assert list(d["tier"]) == ["nano", "micro", "macro", "mega", "mid"]
    assert list(d["line_kind"]) == ["nano", "micro", "macro", "mega", "kol"]
    assert list(d["er_basis"]) == ["assumed", "given", "derived", "given", "assumed"]
    assert d["engagement_rate"].iloc[2] == pytest.approx(10.0)
    assert list(d["authenticity"]) == ["unchecked", "low", "high", "unchecked", "unchecked"]
    assert list(d["fee_estimated"]) == [True, True, True, False, True]
    nano = FIG.kinds["nano"]
    assert nano.rate_low <= d["fee_idr"].iloc[0] <= nano.rate_high
    assert d["fee_idr"].iloc[0] > 0.9 * nano.rate_high  # 9,999 followers: the top of the nano band
    assert d["fee_idr"].iloc[1] == FIG.kinds["micro"].rate_low  # 10,000: the bottom of the micro band
    kol = FIG.kinds["kol"]
    assert kol.rate_low <= d["fee_idr"].iloc[4] <= kol.rate_high
    assert list(d["industry_fit"]) == ["yes", "no", "unknown", "yes", "no"]
    assert list(d["platform_fit"]) == [True, True, True, False, False]
    assert list(d["city_fit"]) == ["yes", "no", "unknown", "unknown", "unknown"]
    c = FIG.completion_factor.value
    assert d["expected_engagements"].iloc[2] == int(600000 * 0.10 * c)


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

CELL = st.one_of(st.text(max_size=12), st.sampled_from(["", "12.500", "1,5rb", "=1+1", "@x", "ig", "koc", "3,5%",
                                                           "-4", "1e9", "nan", "\"", "\n", ";", "\x00"]))


@settings(max_examples=120, deadline=None)
@given(st.lists(st.lists(CELL, min_size=0, max_size=13), max_size=8), st.sampled_from([",", ";"]))
def test_any_csv_gives_problems_or_one_file_message_never_a_crash(rows: list[list[str]], sep: str) -> None:
    header = sep.join(["name", "platform", "followers", "handle", "kind", "engagement_rate", "fee_idr"])
    body = "\n".join(sep.join(r) for r in rows)
    data = (header + "\n" + body).encode("utf-8")
    try:
        p = parse_roster(data, "fuzz.csv")
    except RosterError as e:
        assert e.problem.message("id") and e.problem.message("en")
        return
    # Every kept row either is valid or has at least one error naming it.
    error_rows = {x.row for x in p.problems if x.severity == "error"}
    for row, ok in zip(p.rows, p.valid, strict=True):
        assert ok or int(row) in error_rows
    placeholder = re.compile(r"\{(value|allowed|handle|first|cells|header|given|implied|cell|n|limit)\}")
    for x in p.problems:
        for lang in ("id", "en"):
            assert not placeholder.search(x.message(lang)) and "creators.problem" not in x.message(lang)


def test_problems_name_the_users_own_headers() -> None:
    data = b"nama;platform;pengikut;Catatan\nSari;IG;banyak;ok\nBudi;TikTok;12,5rb;\n"
    p = parse_roster(data, "r.csv")
    assert [(x.row, x.column, x.code) for x in p.problems] == [
        (1, "Catatan", "unknown_column"), (2, "pengikut", "not_number")]
    assert p.problems[0].message("id") == "Kolom “Catatan” tidak dibaca oleh halaman ini dan diabaikan. " \
        "Kolom lainnya tetap dibaca."
    assert list(p.followers) == [0, 12500]


NEGATIVE_ROSTER = (b"name,platform,followers,handle,kind,engagement_rate,avg_engagements,fee_idr,industries,city,expertise\n"
                   b"Sari,instagram,-24500,@sari,influencer,3.9,,-1500000,beauty,Bandung,\n"
                   b"Budi,instagram,24500,@budi,influencer,3.9,,1500000,beauty,Bandung,\n")


@pytest.mark.parametrize("lang,word", [("id", "Kolom “{c}”: tidak boleh negatif: “{v}”."),
                                       ("en", "Column “{c}”: cannot be negative: “{v}”.")])
def test_a_roster_refuses_negative_followers_and_fees(lang, word):
    from guide.creators.roster import parse_roster, problems_table

    parsed = parse_roster(NEGATIVE_ROSTER, "roster.csv")
    assert list(parsed.valid) == [False, True]  # Sari is left out, Budi kept
    # The columns as the user's own file names them.
    assert problems_table(parsed.problems, lang) == [
        {"row": 2, "column": "followers", "severity": "error", "message": word.format(c="followers", v="-24500")},
        {"row": 2, "column": "fee_idr", "severity": "error", "message": word.format(c="fee_idr", v="-1500000")},
    ]
