"""The one Excel sheet writer of the product (openpyxl): every workbook the app or the CLI writes — the plan
workbook of guide/reports/recommendation.py and the results workbook of guide/results/report.py — goes through
`put` / `write_table` / `write_pairs` here.

One formula-injection defence: every text cell is stored as a string cell (`data_type = "s"`), so text a user
typed or uploaded that starts with "=", "+", "-" or "@" is shown exactly as typed and never evaluated, and no
leading apostrophe is added. Numbers are stored as numbers with a number format (rupiah, whole numbers, percent).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

IDR_FORMAT = '"Rp" #,##0'  # Excel shows the grouping of the user's locale: Rp 50.000.000 under Indonesian settings
INT_FORMAT = "#,##0"
PCT_FORMAT = "0.00%"
DECIMAL_FORMAT = "0.00"
MISSING = "—"
MAX_TITLE = 31  # Excel's limit on a sheet name


def new_workbook() -> Any:
    """An empty workbook (its default sheet removed: each sheet is created by `sheet`)."""
    from openpyxl import Workbook  # type: ignore[import-untyped]

    wb = Workbook()
    default = wb.active
    if default is not None:
        wb.remove(default)
    return wb


def sheet(wb: Any, title: str) -> Any:
    """A new sheet named `title`, cut to Excel's 31 characters and stripped of the characters Excel refuses."""
    clean = "".join(" " if ch in "[]:*?/\\" else ch for ch in title).strip()[:MAX_TITLE] or "Sheet"
    return wb.create_sheet(clean)


def put(ws: Any, row: int, col: int, value: object, fmt: str | None = None, bold: bool = False) -> Any:
    """One cell. Text is a string cell (never a formula); numbers keep `fmt`; None is a dash."""
    from openpyxl.styles import Font  # type: ignore[import-untyped]

    cell = ws.cell(row=row, column=col)
    if value is None:
        cell.value = MISSING
        cell.data_type = "s"
    elif isinstance(value, bool):
        raise TypeError("a yes/no cell must be written as words in the user's language")
    elif isinstance(value, str):
        cell.value = value
        cell.data_type = "s"  # the one formula-injection defence: '=SUM(A1)' stays text, shown as typed
    else:
        cell.value = value
        if fmt:
            cell.number_format = fmt
    if bold:
        cell.font = Font(bold=True)
    return cell


def _width(ws: Any, col: int, width: float) -> None:
    from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]

    ws.column_dimensions[get_column_letter(col)].width = width


def write_table(wb: Any, title: str, header: Sequence[str], rows: Sequence[Sequence[object]],
                formats: Sequence[str | None] | None = None, totals: Sequence[object] | None = None,
                widths: Sequence[float] | None = None, freeze: str = "A2") -> Any:
    """A sheet of one table: a bold header row, the rows, an optional bold totals row; `formats` per column."""
    ws = sheet(wb, title)
    n = len(header)
    fmts = list(formats) if formats is not None else [None] * n
    if len(fmts) != n:
        raise ValueError(f"{len(fmts)} formats for {n} columns")
    for c, h in enumerate(header, 1):
        put(ws, 1, c, h, bold=True)
    for r, values in enumerate(rows, 2):
        for c, (v, f) in enumerate(zip(values, fmts, strict=True), 1):
            put(ws, r, c, v, f)
    if totals is not None:
        for c, (v, f) in enumerate(zip(totals, fmts, strict=True), 1):
            put(ws, len(rows) + 2, c, "" if v is None else v, f, bold=True)
    for c, h in enumerate(header, 1):
        _width(ws, c, widths[c - 1] if widths else max(12, min(40, len(h) + 4)))
    ws.freeze_panes = freeze
    return ws


def write_pairs(wb: Any, title: str, pairs: Sequence[tuple[str, object, str | None]],
                heading: str | None = None, widths: tuple[float, float] = (34, 60)) -> Any:
    """A sheet of label → value lines (label in bold), e.g. a summary; each value with its own format."""
    ws = sheet(wb, title)
    row = 1
    if heading:
        put(ws, row, 1, heading, bold=True)
        row += 2
    for label, value, fmt in pairs:
        put(ws, row, 1, label, bold=True)
        put(ws, row, 2, value, fmt)
        row += 1
    _width(ws, 1, widths[0])
    _width(ws, 2, widths[1])
    return ws


def to_bytes(wb: Any) -> bytes:
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
