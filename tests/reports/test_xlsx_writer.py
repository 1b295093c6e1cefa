"""The one Excel sheet writer (guide/output/xlsx.py) and its one formula-injection defence, as every workbook
of the product uses it: the plan workbook, the results workbook and both upload templates."""

from __future__ import annotations

import io

import openpyxl
import pytest

from guide import CampaignBrief, recommend
from guide.output.xlsx import new_workbook, put, to_bytes
from guide.reports.recommendation import plan_xlsx
from guide.results.analysis import analyse, parse_csv
from guide.results.report import to_xlsx

EVIL = '=HYPERLINK("http://x","klik")'


def test_text_that_looks_like_a_formula_stays_text_with_no_visible_apostrophe() -> None:
    wb = new_workbook()
    ws = wb.create_sheet("s")
    put(ws, 1, 1, EVIL)
    put(ws, 1, 2, 1_500_000, '"Rp" #,##0')
    put(ws, 1, 3, None)
    with pytest.raises(TypeError):
        put(ws, 1, 4, True)  # yes/no is written as words in the user's language
    back = openpyxl.load_workbook(io.BytesIO(to_bytes(wb)))["s"]
    assert back["A1"].value == EVIL and back["A1"].data_type == "s"
    assert back["B1"].value == 1_500_000 and back["B1"].number_format == '"Rp" #,##0'
    assert back["C1"].value == "—"


def test_plan_and_results_workbooks_keep_user_text_as_typed() -> None:
    rec = recommend(CampaignBrief(goal="launch", budget_idr=75_000_000, audience="broad", industry="beauty",
                                  name=EVIL), "id")
    ws = openpyxl.load_workbook(io.BytesIO(plan_xlsx(rec, "id")))["Ringkasan"]
    cell = next(c for row in ws.iter_rows() for c in row if c.value == EVIL)
    assert cell.data_type == "s"
    results = parse_csv(f'creator,kind,platform,cost_idr,engagements\n"{EVIL.replace(chr(34), chr(34) * 2)}",'
                        "micro,instagram,1000000,500\n".encode())
    wb = openpyxl.load_workbook(io.BytesIO(to_xlsx(analyse(results, None, "en"), "en")))
    found = [c for ws in wb for row in ws.iter_rows() for c in row if c.value == EVIL]
    assert found and all(c.data_type == "s" for c in found)
    assert not any(isinstance(c.value, str) and c.value.startswith("'=") for ws in wb for row in ws.iter_rows()
                   for c in row)
