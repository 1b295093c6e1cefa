"""The one tabular reader (guide/text/tabular.py): any bytes give a table or one clear problem, never an
exception; the column-wise fast path and the row-by-row reader give the same rows."""

from __future__ import annotations

import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from guide.text.tabular import column_letter, decode, read_table


def test_column_letters_as_a_spreadsheet_names_them():
    assert [column_letter(i) for i in (0, 25, 26, 51, 52, 16383)] == ["A", "Z", "AA", "AZ", "BA", "XFD"]


def test_encodings_are_detected_and_named():
    assert decode("nama,kota\nDewi 😀,Bandung\n".encode())[1:] == ("utf-8", False)
    assert decode(b"\xef\xbb\xbfnama\n")[:2] == ("nama\n", "utf-8-sig")
    assert decode("nama\tkota\n".encode("utf-16"))[:2] == ("nama\tkota\n", "utf-16")
    assert decode("nama\tkota\n".encode("utf-16-be"))[:2] == ("nama\tkota\n", "utf-16")
    assert decode("Café,Sari\n".encode("cp1252"))[:2] == ("Café,Sari\n", "cp1252")
    # One stray byte in a UTF-8 file: the file stays UTF-8, only that byte is replaced.
    assert decode("Dewi 😀\nBudi ".encode() + b"\xff\n") == ("Dewi 😀\nBudi \ufffd\n", "utf-8", True)


def test_a_clean_file_and_the_same_file_read_row_by_row_give_the_same_rows():
    clean = b"name,platform,followers\nDewi,instagram,12000\nBudi,tiktok,\"3,000\"\n"
    fast = read_table(clean, "r.csv")
    assert fast.columnar is not None  # read column-wise
    careful = read_table(clean + b"\n\nCici,instagram,5\n", "r.csv")  # blank rows: read row by row
    assert careful.columnar is None
    assert fast.row_list() == [(2, ["Dewi", "instagram", "12000"]), (3, ["Budi", "tiktok", "3,000"])]
    assert careful.row_list()[:2] == fast.row_list()
    assert careful.row_list()[2] == (6, ["Cici", "instagram", "5"])
    assert [(p.row, p.code, p.message("en")) for p in careful.problems] == [
        (4, "blank_rows", "Rows 4–5 are blank and were skipped; reading continued at row 6.")]
    frame, rows = fast.frame()
    assert list(rows) == [2, 3] and list(frame[2]) == ["12000", "3,000"]


def test_xlsx_values_as_saved_with_percent_cells_as_shown():
    wb = Workbook()
    ws = wb.active
    ws.append(["name", "engagement_rate", "followers"])
    ws.append(["Dewi", 0.039, 12000])
    ws["B2"].number_format = "0.0%"
    buf = io.BytesIO()
    wb.save(buf)
    t = read_table(buf.getvalue(), "r.xlsx")
    assert t.header == ["name", "engagement_rate", "followers"]
    assert t.row_list() == [(2, ["Dewi", "3.9%", 12000])]


def test_a_file_over_the_limit_is_one_message_in_both_languages():
    t = read_table(b"a" * (20 * 1024 * 1024 + 1), "big.csv")
    assert t.fatal is not None
    assert t.fatal.message("id") == ("File lebih besar dari 20 MB. Pecah menjadi beberapa file, atau simpan hanya "
                                     "kolom yang diperlukan.")
    assert t.fatal.message("en") == ("The file is larger than 20 MB. Split it into smaller files, or save only the "
                                     "columns needed.")


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400), st.sampled_from(["f.csv", "f.xlsx", "f.txt"]))
def test_any_bytes_give_a_table_or_one_problem(data, name):
    t = read_table(data, name)
    for p in t.problems:
        assert p.message("id") and p.message("en")
    assert t.fatal is not None or t.header is not None


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=8), min_size=1,
                         max_size=4), min_size=1, max_size=6), st.sampled_from([",", ";", "\t"]))
def test_any_text_table_reads_without_an_exception(rows, sep):
    text = "\n".join(sep.join(cells) for cells in [["a", "b", "c"], *rows]) + "\n"
    t = read_table(text.encode(), "f.csv")
    assert t.fatal is None or t.fatal.code in ("empty_file", "not_text")
    for n, _ in t.row_list():
        assert n >= 2


def test_a_workbook_padded_with_formatted_empty_rows_stops_with_a_message() -> None:
    # 10,000 empty rows that only carry a height (Excel writes a <row> element for each): reading stops after
    # 2 × max_rows + 10,000 row elements and says so in the user's language, instead of walking them all.
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["name", "followers"])
    ws.append(["a", 1])
    for i in range(3, 10_100):
        ws.row_dimensions[i].height = 20
    ws.cell(row=10_100, column=1, value="z")
    out = io.BytesIO()
    wb.save(out)
    table = read_table(out.getvalue(), "big.xlsx", max_rows=10)
    assert [p.message("id") for p in table.problems] == [
        "Workbook ini memuat lebih dari 100.000 sel; pembacaan berhenti di baris 10021. Simpan hanya kolom dan "
        "baris yang diperlukan."]


@pytest.mark.parametrize(("newline", "bom"), [("\n", b""), ("\r\n", b"\xef\xbb\xbf"), ("\r", b""), ("\r\n", b"")])
def test_comment_lines_bom_and_every_line_ending_give_the_same_rows_with_their_spreadsheet_numbers(
        newline: str, bom: bytes) -> None:
    # The fast path hands pyarrow the uploaded bytes after the header; a file with old Mac line endings ("\r")
    # goes to the careful reader. Either way: the same cells, and row numbers as a spreadsheet shows them
    # (2 comment lines + 1 blank line + header = row 4, so the first creator is row 5).
    text = newline.join(["# fiktif", "# contoh", "", "nama;pengikut", "Sari;1.500", "Budi;20.000", "Élise;300"])
    table = read_table(bom + (text + newline).encode("utf-8"), "r.csv")
    frame, rows = table.frame()
    assert table.header == ["nama", "pengikut"]
    assert frame.fillna("").astype(str).values.tolist() == [["Sari", "1.500"], ["Budi", "20.000"], ["Élise", "300"]]
    assert list(rows) == [5, 6, 7]
