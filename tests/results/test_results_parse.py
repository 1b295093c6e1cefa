"""Results files: every bad row is reported by spreadsheet row and column, in both languages (CSV and XLSX)."""

from __future__ import annotations

import io
from datetime import date, datetime

import pytest
from openpyxl import Workbook

from guide.results.analysis import (
    MAX_BYTES,
    MAX_ROWS,
    parse_csv,
    parse_results,
    parse_xlsx,
    template_csv,
    template_xlsx,
)

HEADER = "creator,kind,platform,cost_idr,post_date,followers,impressions,reach,likes,comments,shares,saves"


def where(result):
    return [(p.row, p.column, p.code) for p in result.problems]


def xlsx(rows: list[list[object]]) -> bytes:
    wb = Workbook()
    ws = wb.active
    for r in rows:
        ws.append(r)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def test_good_csv_reads_grouped_rupiah_and_both_date_orders():
    data = (HEADER + "\n"
            "Ana,micro,instagram,Rp 1.500.000,2026-11-03,32.000,12000,9000,800,40,10,5\n"
            "Budi,mikro,IG,\"2,000,000\",05/11/2026,,,,,,,\n").encode()
    r = parse_csv(data)
    assert r.problems == ()
    ana, budi = r.posts
    assert (ana.row, ana.cost_idr, ana.followers, ana.post_date) == (2, 1_500_000, 32_000, date(2026, 11, 3))
    assert (budi.kind, budi.platform, budi.cost_idr, budi.post_date) == ("micro", "instagram", 2_000_000,
                                                                          date(2026, 11, 5))
    assert budi.engagements is None and ana.engagements == 855


def test_indonesian_excel_semicolon_csv_with_indonesian_headers():
    data = b"kreator;jenis;platform;biaya_idr;suka\nSiti;koc;tiktok;150.000;42\n"
    r = parse_csv(data)
    assert r.problems == () and r.posts[0].cost_idr == 150_000 and r.posts[0].likes == 42


def test_each_bad_row_is_reported_with_row_and_column_and_left_out():
    data = (HEADER + "\n"
            "Ana,micro,instagram,1500000,,,,,10,,,\n"          # row 2: good
            ",micro,instagram,1500000,,,,,,,,\n"              # row 3: no creator
            "Cici,giant,instagram,1500000,,,,,,,,\n"          # row 4: unknown kind
            "Dedi,nano,myspace,100000,,,,,,,,\n"              # row 5: unknown platform
            "Eka,nano,tiktok,1.5,,,,,,,,\n"                   # row 6: decimal cost
            "Fani,nano,tiktok,-5,,,,,,,,\n"                   # row 7: negative cost
            "Gita,nano,tiktok,100000,31/02/2026,,,,,,,\n"     # row 8: impossible date
            "Hadi,nano,tiktok,100000,,abc,,,,,,\n"            # row 9: followers not a number
            "Iwan,nano,tiktok,100000,,,100,500,,,,\n"         # row 10: reach above impressions
            ",,,,,,,,,,,\n"                                   # row 11: blank, holds nothing
            "Joko,nano,tiktok,,,,,,,,,\n").encode()           # row 12: no cost
    r = parse_csv(data)
    assert where(r) == [
        (3, "creator", "required"),
        (4, "kind", "bad_kind"),
        (5, "platform", "bad_platform"),
        (6, "cost_idr", "not_whole"),
        (7, "cost_idr", "negative"),
        (8, "post_date", "bad_date"),
        (9, "followers", "not_number"),
        (10, "reach", "reach_over_impressions"),
        (11, "", "blank_row"),
        (12, "cost_idr", "required"),
    ]
    assert [p.creator for p in r.posts] == ["Ana"]
    assert (r.rows_read, r.rows_left_out) == (10, 9)
    kind = next(p for p in r.problems if p.code == "bad_kind")
    assert kind.message("en") == "Unknown kind 'giant'. Use one of: kol, nano, micro, mid, macro, mega, koc."
    assert kind.message("id") == "Jenis 'giant' tidak dikenal. Pilih salah satu: kol, nano, micro, mid, macro, mega, koc."


def test_header_problems_missing_unknown_and_duplicate_columns():
    r = parse_csv(b"creator,kind,cost_idr,colour\nAna,micro,1000,red\n")
    assert where(r) == [(1, "colour", "unknown_column"), (1, "platform", "missing_column")]
    assert r.posts == ()
    r = parse_csv(b"creator,kind,platform,cost_idr,likes,likes\nAna,micro,tiktok,1000,5,6\n")
    assert where(r) == [(1, "likes", "duplicate_column")]
    assert r.posts[0].likes == 5


@pytest.mark.parametrize("data,code", [
    (b"", "empty"),
    (b"creator,kind,platform,cost_idr\n", "no_rows"),
    (b"a" * (MAX_BYTES + 1), "too_large"),
])
def test_file_level_problems(data, code):
    r = parse_csv(data)
    assert [(p.row, p.code) for p in r.problems] == [(0, code)]
    assert r.posts == ()


def test_a_file_with_no_utf8_is_read_as_windows_1252_and_says_so():
    r = parse_csv("creator,kind,platform,cost_idr\nÁna,micro,instagram,1000\n".encode("cp1252"))
    assert [p.creator for p in r.posts] == ["Ána"]
    assert where(r) == [(0, "", "fallback_encoding")]
    assert "Windows-1252" in r.problems[0].message("id")


def test_row_cap_is_stated_and_reported_at_the_first_row_not_read():
    body = "".join(f"c{i},nano,tiktok,1000\n" for i in range(MAX_ROWS + 3))
    r = parse_csv(("creator,kind,platform,cost_idr\n" + body).encode())
    assert len(r.posts) == MAX_ROWS
    assert where(r) == [(MAX_ROWS + 2, "", "too_many_rows")]
    assert "5,000" in r.problems[0].message("en") and "5.000" in r.problems[0].message("id")


def test_xlsx_reads_numbers_and_dates_and_reports_bad_cells():
    data = xlsx([
        ["creator", "kind", "platform", "cost_idr", "post_date", "likes", "comments"],
        ["Ana", "micro", "instagram", 1500000, datetime(2026, 11, 3), 100, 20],
        ["Budi", "nano", "tiktok", 250000.5, None, 10, 1],
        ["Cici", "nano", "tiktok", 250000, "kemarin", 10, 1],
        ["Dedi", "nano", "tiktok", 250000, None, True, 1],
    ])
    r = parse_xlsx(data)
    assert where(r) == [(3, "cost_idr", "not_whole"), (4, "post_date", "bad_date"), (5, "likes", "not_number")]
    (ana,) = r.posts
    assert (ana.cost_idr, ana.post_date, ana.engagements) == (1_500_000, date(2026, 11, 3), 120)


def test_xlsx_formula_without_a_cached_value_is_refused_never_evaluated():
    # openpyxl saves formulas without computing them: exactly a file whose formulas were never calculated.
    data = xlsx([
        ["creator", "kind", "platform", "cost_idr", "likes"],
        ["Ana", "micro", "instagram", "=1000*1500", 10],
        ["Budi", "micro", "instagram", 1000, "=SUM(1,2)"],
        ["Cici", "micro", "instagram", 1000, 3],
    ])
    r = parse_xlsx(data)
    assert where(r) == [(2, "cost_idr", "formula_no_value"), (3, "likes", "formula_no_value")]
    assert [p.creator for p in r.posts] == ["Cici"]
    assert "rumus" in r.problems[0].message("id")


def test_not_a_workbook_and_unknown_extension():
    assert [p.code for p in parse_xlsx(b"PK\x03\x04 broken").problems] == ["not_xlsx"]
    assert [p.code for p in parse_xlsx(b"creator,kind\n").problems] == ["not_xlsx"]
    assert [p.code for p in parse_results(b"x", "results.pdf").problems] == ["bad_extension"]


@pytest.mark.parametrize("lang,first,sep", [("id", "kreator", ";"), ("en", "creator", ",")])
def test_templates_in_both_languages_read_back_as_empty_files(lang, first, sep):
    csv_t = template_csv(lang)
    assert csv_t.decode("utf-8-sig").split(sep)[0] == first  # ';' like the other Indonesian CSVs
    for r in (parse_csv(csv_t), parse_xlsx(template_xlsx(lang))):
        assert [p.code for p in r.problems] == ["no_rows"]


def test_template_with_a_row_filled_in_parses():
    data = template_csv("id") + b"Rina;koc;tiktok;150000;2026-11-01;1200;3000;2000;90;10;2;3;15;2;90000\r\n"
    r = parse_csv(data)
    assert r.problems == ()
    p = r.posts[0]
    assert (p.reach, p.impressions, p.clicks, p.conversions, p.revenue_idr) == (2000, 3000, 15, 2, 90_000)


def _with_cached_value(data: bytes, formula: str, cached: str) -> bytes:
    """The same workbook as a spreadsheet program saves it: the formula keeps its last computed value."""
    import zipfile

    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            body = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                body = body.replace(f"<f>{formula}</f><v />".encode(), f"<f>{formula}</f><v>{cached}</v>".encode())
            dst.writestr(item, body)
    return out.getvalue()


def test_xlsx_formula_with_a_cached_value_reads_the_saved_value_not_the_formula():
    plain = xlsx([["creator", "kind", "platform", "cost_idr"], ["Ana", "micro", "instagram", "=1000*1500"]])
    # The saved value deliberately differs from what the formula would give: it is read, never computed.
    r = parse_xlsx(_with_cached_value(plain, "1000*1500", "1234567"))
    assert r.problems == () and r.posts[0].cost_idr == 1_234_567


@pytest.mark.parametrize("text,value", [
    ("1500000", 1_500_000), ("1.500.000", 1_500_000), ("1,500,000", 1_500_000), ("Rp 1.500.000", 1_500_000),
    ("IDR 1,500,000", 1_500_000), ("1.500.000,00", 1_500_000), ("1,500,000.00", 1_500_000), ("1 500 000", 1_500_000),
])
def test_rupiah_as_people_write_it(text, value):
    r = parse_csv(f'creator,kind,platform,cost_idr\nAna,nano,tiktok,"{text}"\n'.encode())
    assert r.problems == () and r.posts[0].cost_idr == value


@pytest.mark.parametrize("text,code", [("1,5", "not_whole"), ("12.50", "not_whole"), ("1.5.0", "not_number"),
                                       ("1.50.000", "not_number"), ("-100", "negative"), ("lima", "not_number"),
                                       ("2000000000000", "too_large")])
def test_amounts_that_are_refused(text, code):
    r = parse_csv(f'creator,kind,platform,cost_idr\nAna,nano,tiktok,"{text}"\n'.encode())
    assert where(r) == [(2, "cost_idr", code)]
