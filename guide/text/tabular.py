"""The one tabular reader: a CSV or .xlsx upload -> header, rows with their spreadsheet row numbers, the
encoding it was read in, and every problem found. The roster and the results read their files through it.

What it promises (issue 19, items 1-8):

* **Limits, set once.** `UPLOAD_MB` is the upload limit every page states and the reader enforces;
  `.streamlit/config.toml` `server.maxUploadSize` is `UPLOAD_CEILING_MB` (tests/test_config.py checks they
  agree), so a file between the two gets our message and a larger one the browser's refusal, never an HTTP 413.
  Rows and cells are capped by each caller (`max_rows`) and by `MAX_COLUMNS` / `MAX_CELL_CHARS` here, counted
  while reading, before anything is allocated for them.
* **Encodings.** UTF-8 with or without BOM and UTF-16 (Excel's "Unicode text", tab separated) are detected.
  A file that is mostly UTF-8 with a stray byte is read as UTF-8 and each row holding a replaced byte gets a
  warning; only a file with no UTF-8 in it at all is read as Windows-1252, with a warning naming it.
* **CSV.** The separator (`,` `;` or tab) is taken from the header line. An opening quote that is never closed
  is a problem naming its row, and the rows after it are still read; a cell longer than `MAX_CELL_CHARS` is a
  problem on its row (the cell is left empty), never a refusal of the file. Blank rows are skipped and named in
  one warning per block; rows after them keep their true row numbers.
* **XLSX.** The first sheet is streamed with openpyxl's own sheet parser: only cells present in the file are
  read, never a grid padded to the sheet's declared dimension, and cells beyond `MAX_COLUMNS` are dropped while
  reading. Values as saved (formulas are never evaluated; one with no saved value is `FORMULA_WITHOUT_VALUE`).
  A damaged workbook (not a zip, a shared-string index out of range, an XML entity) is one clear problem.
* **Headers** are kept as the user wrote them; `header_problems` reports blank and duplicate ones (naming both
  columns). Callers map headers to their own fields and report unknown ones by the user's own name.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from guide.text.problems import Problem, problem

UPLOAD_MB = 20  # the upload limit a person is told and the reader enforces (a 20,000-creator roster: about 2 MB)
UPLOAD_CEILING_MB = 25  # server.maxUploadSize and every file_uploader: above UPLOAD_MB, so our message shows
MAX_BYTES = UPLOAD_MB * 1024 * 1024
MAX_UNZIPPED_BYTES = 200 * 1024 * 1024  # what an .xlsx may expand to
MAX_COLUMNS = 64  # columns read; cells further right are ignored with a warning
MAX_CELL_CHARS = 10_000  # one cell; a longer one is a problem on its row
MAX_CELLS = 5_000_000  # cells of a workbook read at most; each read also stops at 16 cells a row of its row cap
MAX_PROBLEMS = 1_000  # problems the reader itself lists; more are summed up in one
ROWS_DEFAULT = 200_000

FORMULA_WITHOUT_VALUE: Any = type("FormulaWithoutValue", (), {"__repr__": lambda self: "<formula, no value>"})()


@dataclass
class Table:
    """A file read: `header` as written (trimmed), `rows` as (spreadsheet row, cells) with blank rows left out,
    cells text for CSV and values for XLSX (str, int, float, bool, datetime, FORMULA_WITHOUT_VALUE)."""

    header: list[str]
    rows: list[tuple[int, list[Any]]]
    encoding: str  # 'utf-8', 'utf-8-sig', 'utf-16', 'cp1252' or 'xlsx'
    separator: str = ""
    header_row: int = 1
    problems: list[Problem] = field(default_factory=list)
    bad_rows: set[int] = field(default_factory=set)  # rows with an error found by the reader itself
    columnar: Any = None  # (DataFrame of text, row numbers) when a clean CSV was read column-wise (fast path)

    def __post_init__(self) -> None:
        self._rows_from_columns = self.columnar is not None and not self.rows

    def frame(self) -> tuple[Any, Any]:
        """The data rows as a DataFrame of text with positional columns 0..len(header)-1 (short rows padded
        with ''), and a numpy array of their spreadsheet row numbers."""
        import numpy as np
        import pandas as pd

        if self.columnar is not None:
            return self.columnar[0], self.columnar[1]
        width = len(self.header)
        cols: list[list[str]] = [[] for _ in range(width)]
        for _, cells in self.rows:
            n = len(cells)
            for i in range(width):
                v = cells[i] if i < n else None
                cols[i].append("" if v is None or v is FORMULA_WITHOUT_VALUE else _text(v))
        frame = pd.DataFrame({i: pd.Series(c, dtype=object) for i, c in enumerate(cols)})
        return frame, np.array([r for r, _ in self.rows], dtype=np.int64)

    def row_list(self) -> list[tuple[int, list[Any]]]:
        """`rows`, built from the columns when the file was read column-wise."""
        if self._rows_from_columns:
            frame, nums = self.columnar
            values = frame.to_numpy(dtype=object).tolist()
            self.rows = list(zip(nums.tolist(), values, strict=True))
            self._rows_from_columns = False
        return self.rows

    @property
    def fatal(self) -> Problem | None:
        """The problem that stops the file being read at all (row 0, error), if any."""
        return next((p for p in self.problems if p.row == 0 and p.severity == "error"), None)

    @property
    def source(self) -> str:
        return "xlsx" if self.encoding == "xlsx" else f"csv ({self.encoding}, {self.separator!r})"

    def column(self, index: int) -> str:
        """The user's name of a column, or its spreadsheet letter when the header cell is blank."""
        name = self.header[index] if index < len(self.header) else ""
        return name or column_letter(index)


def _text(value: Any) -> str:
    """A cell as text: whole floats without '.0', booleans as TRUE/FALSE (as the spreadsheet shows them)."""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return str(value)


def column_letter(index: int) -> str:
    """0 -> 'A', 25 -> 'Z', 26 -> 'AA'."""
    s = ""
    n = index + 1
    while n:
        n, r = divmod(n - 1, 26)
        s = chr(65 + r) + s
    return s


def _fatal(code: str, encoding: str = "", **params: Any) -> Table:
    return Table([], [], encoding, problems=[problem(0, "", code, **params)])


def read_table(data: bytes, filename: str, max_rows: int = ROWS_DEFAULT) -> Table:
    """Read an uploaded CSV or .xlsx. Never raises for any bytes: a file that cannot be read at all comes back
    with one row-0 error (`Table.fatal`); everything else is read with problems listed per row."""
    if len(data) > MAX_BYTES:
        return _fatal("too_big", max_mb=UPLOAD_MB)
    if not data.strip(b"\x00\t\r\n \xef\xbb\xbf\xff\xfe"):
        return _fatal("empty_file")
    name = filename.lower()
    if data[:4] == b"PK\x03\x04" or name.endswith(".xlsx"):
        return read_xlsx(data, max_rows)
    if name.endswith((".xls", ".xlsm", ".xlsb", ".ods", ".numbers", ".json", ".pdf")) or data[:4] == b"\xd0\xcf\x11\xe0":
        return _fatal("wrong_type")
    return read_csv(data, max_rows)


# ---- CSV ------------------------------------------------------------------------------------------------------

def decode(data: bytes) -> tuple[str, str, bool]:
    """(text, encoding, replaced): UTF-8 (BOM or not) and UTF-16 detected; a file mostly UTF-8 keeps UTF-8
    with its stray bytes replaced by U+FFFD (`replaced`); a file with no UTF-8 at all is Windows-1252."""
    if data.startswith(codecs.BOM_UTF8):
        text = data[3:].decode("utf-8", errors="replace")
        return text, "utf-8-sig", "\ufffd" in text and b"\xef\xbf\xbd" not in data
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace"), "utf-16", False
    head = data[:4096]
    if len(head) >= 4 and head.count(b"\x00") >= len(head) // 3:  # UTF-16 without a BOM: every other byte 0
        even, odd = head[0::2].count(0), head[1::2].count(0)
        enc = "utf-16-le" if odd > even else "utf-16-be"
        return data.decode(enc, errors="replace"), "utf-16", False
    try:
        return data.decode("utf-8"), "utf-8", False
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    non_ascii = sum(1 for ch in text if ord(ch) > 127) - bad
    if non_ascii > 0:  # real UTF-8 sequences in the file: it is UTF-8 with a few stray bytes
        return text, "utf-8", True
    return data.decode("cp1252", errors="replace"), "cp1252", False


def _sniff(line: str) -> str:
    counts = {sep: line.count(sep) for sep in (",", ";", "\t")}
    best = max(counts, key=lambda s: counts[s])
    return best if counts[best] else ","


class _Lines:
    """Physical lines with their 1-based numbers; csv.reader pulls from it, so each record's lines are known."""

    def __init__(self, lines: list[str], start: int = 0) -> None:
        self.lines = lines
        self.pos = start

    def __iter__(self) -> Iterator[str]:
        return self

    def __next__(self) -> str:
        if self.pos >= len(self.lines):
            raise StopIteration
        self.pos += 1
        return self.lines[self.pos - 1]


_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"  # where str.splitlines ends a line ("\r\n" ends one)


def _line_count(text: str) -> int:
    """len(text.splitlines()), counted without making the lines (a search for a character that is absent is much
    quicker than a count of it)."""
    present = [ch for ch in _BREAKS if ch in text]
    ends = sum(text.count(ch) for ch in present) - (text.count("\r\n") if "\r" in present else 0)
    return ends + (1 if text and text[-1] not in _BREAKS else 0)


def _first_lines(text: str, n: int) -> list[str]:
    """The first n of text.splitlines(keepends=True) (all of them when fewer), split from a prefix of the text."""
    size = 1 << 16
    while size < len(text):
        lines = text[:size].splitlines(keepends=True)
        if len(lines) > n:  # line n is complete: the next one starts within the prefix
            return lines[:n]
        size *= 4
    return text.splitlines(keepends=True)[:n]


def _skipped(lines: list[str]) -> int:
    """Leading '#' comment lines (the sample files say they are fictional; rows still count them), then blank
    lines."""
    skipped = 0
    while skipped < len(lines) and skipped < 20 and lines[skipped].startswith("#"):
        skipped += 1
    while skipped < len(lines) and not lines[skipped].strip():
        skipped += 1
    return skipped


def read_csv(data: bytes, max_rows: int = ROWS_DEFAULT) -> Table:
    text, encoding, replaced = decode(data)
    if "\x00" in text[:4096]:
        return _fatal("not_text", encoding)
    # The lines up to the header are split first; the whole file only when it is read row by row.
    want = 64
    head = _first_lines(text, want)
    while _skipped(head) >= len(head) == want:
        want *= 4
        head = _first_lines(text, want)
    skipped = _skipped(head)
    if skipped >= len(head):
        return _fatal("empty_file", encoding)
    sep = _sniff(head[skipped])
    if not replaced and encoding != "cp1252":
        fast = _read_csv_columns(text, head, skipped, sep, encoding, max_rows)
        if fast is not None:
            return fast
    lines = text.splitlines(keepends=True)
    problems: list[Problem] = []
    if encoding == "cp1252":
        problems.append(problem(0, "", "fallback_encoding", "warning", encoding="Windows-1252 (cp1252)"))
    table = Table([], [], encoding, sep, skipped + 1, problems)
    csv.field_size_limit(MAX_BYTES + 1)
    src = _Lines(lines, skipped)
    width = 0
    header_done = False
    row_no = skipped  # spreadsheet row of the last record: a quoted cell spanning lines is still one row
    while True:
        start = src.pos  # 0-based index of the record's first line
        reader = csv.reader(src, delimiter=sep)
        try:
            for record in reader:
                row_no += 1
                line_no = row_no
                used = src.pos - start
                at_end_open = src.pos >= len(lines) and "".join(lines[start:src.pos]).count('"') % 2 == 1
                if (used > 1 and width and _merged(record, sep, width)) or at_end_open:
                    # An opening quote never closed: the record swallowed the rows after it.
                    _add(table, problem(line_no, "", "unclosed_quote", row_n=line_no))
                    table.bad_rows.add(line_no)
                    src.pos = start + 1
                    break
                if not header_done:
                    table.header = [c.strip().lstrip("\ufeff") for c in record][:MAX_COLUMNS]
                    table.header_row = line_no
                    width = len(record)
                    header_done = True
                    if len(record) > MAX_COLUMNS and any(c.strip() for c in record[MAX_COLUMNS:]):
                        _add(table, problem(line_no, "", "too_many_columns", "warning", max=MAX_COLUMNS))
                else:
                    if not _keep(table, line_no, record, max_rows):
                        return _finish(table, replaced)
                start = src.pos
            else:
                break
        except csv.Error:
            row_no += 1
            _add(table, problem(row_no, "", "unclosed_quote", row_n=row_no))
            table.bad_rows.add(row_no)
            src.pos = start + 1
            continue
        if src.pos >= len(lines):
            break
    if not header_done:
        return _fatal("empty_file", encoding)
    return _finish(table, replaced)


def _read_csv_columns(text: str, head: list[str], skipped: int, sep: str, encoding: str,
                      max_rows: int) -> Table | None:
    """The fast path for a clean file: pyarrow's CSV parser, every cell as text. None (the careful reader
    then reads it row by row and reports each oddity) when any row is ragged, blank, spans lines (a quote),
    holds an over-long cell, or the file passes the row cap."""
    import numpy as np
    import pandas as pd
    import pyarrow as pa  # type: ignore[import-untyped]
    import pyarrow.compute as pc  # type: ignore[import-untyped]
    import pyarrow.csv as pacsv  # type: ignore[import-untyped]

    try:
        header = next(csv.reader([head[skipped].rstrip("\r\n")], delimiter=sep))
    except (csv.Error, StopIteration):
        return None
    width = len(header)
    rows = _line_count(text) - skipped - 1  # the data lines (str.splitlines' count)
    if width > MAX_COLUMNS or rows > max_rows:
        return None
    bad: list[object] = []

    def invalid(row: object) -> str:
        bad.append(row)
        return "skip"

    body = text[sum(len(line) for line in head[:skipped + 1]):]
    if not body or body.isspace():
        return None
    names = [f"c{i}" for i in range(width)]
    try:
        table = pacsv.read_csv(
            io.BytesIO(body.encode("utf-8")),
            read_options=pacsv.ReadOptions(column_names=names, use_threads=True),
            parse_options=pacsv.ParseOptions(delimiter=sep, newlines_in_values=False, ignore_empty_lines=False,
                                             invalid_row_handler=invalid),
            convert_options=pacsv.ConvertOptions(column_types={n: pa.string() for n in names},
                                                 strings_can_be_null=False, quoted_strings_can_be_null=False))
    except (pa.ArrowInvalid, pa.ArrowTypeError, ValueError):
        return None
    if bad or table.num_columns != width or table.num_rows != rows:
        return None
    if table.num_rows:
        for col in table.columns:
            # A cell of more than MAX_CELL_CHARS characters has more bytes too: characters are counted only then.
            if (pc.max(pc.binary_length(col)).as_py() > MAX_CELL_CHARS
                    and pc.max(pc.utf8_length(col)).as_py() > MAX_CELL_CHARS):
                return None
        # A blank row (every cell empty or spaces): the rows still blank are followed from column to column, so
        # the first column with text in most rows settles most of them.
        blank = np.arange(table.num_rows)
        for col in table.columns:
            cells = col if blank.size == table.num_rows else col.take(pa.array(blank))
            empty = pc.equal(pc.utf8_trim_whitespace(cells), "")
            blank = blank[np.asarray(empty.to_numpy(zero_copy_only=False), dtype=bool)]
            if not blank.size:
                break
        if blank.size:
            return None
    string = pd.StringDtype("pyarrow", na_value=np.nan)
    frame = table.to_pandas(types_mapper=lambda t: string if t == pa.string() else None)
    frame.columns = pd.RangeIndex(width)
    first = skipped + 2
    nums = np.arange(first, first + table.num_rows, dtype=np.int64)
    return Table([h.strip().lstrip("\ufeff") for h in header], [], encoding, sep, skipped + 1,
                 columnar=(frame, nums))


def _merged(record: list[str], sep: str, width: int) -> bool:
    """Whether a quoted cell swallowed lines that look like rows of their own (as many separators as a row)."""
    need = max(1, width - 1)
    return any(line.count(sep) >= need for cell in record if "\n" in cell for line in cell.splitlines()[1:])


def _keep(table: Table, row: int, cells: list[Any], max_rows: int) -> bool:
    """Add one data row (blank rows are skipped); False once the row cap is passed."""
    if not any((c.strip() if isinstance(c, str) else c is not None) for c in cells):
        return True
    if len(table.rows) >= max_rows:
        _add(table, problem(row, "", "too_many_rows", max=max_rows))  # the first row not read
        return False
    for i, c in enumerate(cells[:MAX_COLUMNS]):
        if isinstance(c, str) and len(c) > MAX_CELL_CHARS:
            _add(table, problem(row, table.column(i), "cell_too_long", max=MAX_CELL_CHARS, chars=f"{len(c):,}"))
            table.bad_rows.add(row)
            cells[i] = ""
    width = len(table.header)
    if width and len(cells) > width and any((c.strip() if isinstance(c, str) else c is not None)
                                            for c in cells[width:MAX_COLUMNS]):
        # More cells than headers: a comma inside an unquoted number ("Rp 1,5 juta") shifts every cell after it.
        _add(table, problem(row, "", "extra_cells", cells_n=len(cells), max=width))
        table.bad_rows.add(row)
    if len(cells) > MAX_COLUMNS:
        cells = cells[:MAX_COLUMNS]
    table.rows.append((row, cells))
    return True


def _add(table: Table, p: Problem) -> None:
    if len(table.problems) < MAX_PROBLEMS:
        table.problems.append(p)
    elif len(table.problems) == MAX_PROBLEMS:
        table.problems.append(problem(0, "", "more_problems", "warning"))


def _finish(table: Table, replaced: bool) -> Table:
    """Blank-row blocks between data rows and rows with replaced bytes become warnings."""
    prev = table.header_row
    for row, cells in table.rows:
        gap = [r for r in range(prev + 1, row) if r not in table.bad_rows]
        if gap:
            first, last = gap[0], gap[-1]
            _add(table, problem(first, "", "blank_rows" if last > first else "blank_row", "warning",
                                first=first, last=last, row_n=row))
        prev = row
        if replaced and any(isinstance(c, str) and "\ufffd" in c for c in cells):
            _add(table, problem(row, "", "bad_bytes", "warning", encoding="UTF-8"))
    if replaced and any("\ufffd" in h for h in table.header):
        _add(table, problem(table.header_row, "", "bad_bytes", "warning", encoding="UTF-8"))
    table.problems.sort(key=lambda p: p.row)
    return table


# ---- XLSX -----------------------------------------------------------------------------------------------------

_PERCENT = re.compile(r"%")


def read_xlsx(data: bytes, max_rows: int = ROWS_DEFAULT) -> Table:
    """The first sheet, streamed (see the module's docstring)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            if sum(i.file_size for i in z.infolist()) > MAX_UNZIPPED_BYTES:
                return _fatal("too_big_unzipped", "xlsx", max_mb=MAX_UNZIPPED_BYTES // (1024 * 1024))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        return _fatal("not_xlsx", "xlsx")
    try:
        return _read_xlsx(data, max_rows)
    except Exception:  # openpyxl and the XML parser raise many types for a damaged or hostile workbook
        return _fatal("not_xlsx", "xlsx")


def _read_xlsx(data: bytes, max_rows: int) -> Table:
    from openpyxl.reader.excel import ExcelReader  # type: ignore[import-untyped]
    from openpyxl.styles.numbers import BUILTIN_FORMATS  # type: ignore[import-untyped]
    from openpyxl.styles.stylesheet import apply_stylesheet  # type: ignore[import-untyped]
    from openpyxl.worksheet._reader import FORMULA_TAG, WorkSheetParser  # type: ignore[import-untyped]

    # The workbook's parts as openpyxl's own loader reads them, except the worksheets: loading a read-only
    # worksheet parses the whole sheet once to find its size when it declares none (a million empty rows:
    # seconds and megabytes before the first cell). The first sheet is then streamed below, once.
    reader = ExcelReader(io.BytesIO(data), read_only=True, data_only=True)
    reader.read_manifest()
    reader.read_strings()
    reader.read_workbook()
    apply_stylesheet(reader.archive, reader.wb)
    wb = reader.wb
    sheet_path = next((rel.target for _, rel in reader.parser.find_sheets()
                       if rel.target in reader.valid_files and "chartsheet" not in rel.Type), None)
    if sheet_path is None:
        reader.archive.close()
        return _fatal("empty_file", "xlsx")
    try:
        formats = list(getattr(wb, "_number_formats", []))
        percent_styles = set()
        for sid, style in enumerate(getattr(wb, "_cell_styles", [])):
            fid = getattr(style, "numFmtId", 0)
            fmt = BUILTIN_FORMATS.get(fid) if fid < 164 else (formats[fid - 164] if fid - 164 < len(formats) else "")
            if fmt and _PERCENT.search(str(fmt)):
                percent_styles.add(sid)

        def cell_value(parser: Any, el: Any) -> dict[str, Any]:
            cell: dict[str, Any] = parser.parse_cell(el)
            if cell["value"] is None and el.find(FORMULA_TAG) is not None:
                cell["value"] = FORMULA_WITHOUT_VALUE  # a formula whose result was never saved
            elif cell["style_id"] in percent_styles and isinstance(cell["value"], int | float) \
                    and not isinstance(cell["value"], bool):
                cell["value"] = f"{cell['value'] * 100:.10g}%"  # as the sheet shows it: 3.5%
            return cell

        table = Table([], [], "xlsx")
        header_done = False
        with reader.archive.open(sheet_path) as src:
            parser = WorkSheetParser(src, reader.shared_strings, data_only=True, epoch=wb.epoch,
                                     date_formats=wb._date_formats, timedelta_formats=wb._timedelta_formats)
            for idx, cells in _stream_rows(src, parser, cell_value, table, max_rows):
                values: list[Any] = [None] * (max((c["column"] for c in cells), default=0))
                for c in cells:
                    v = c["value"]
                    if isinstance(v, str) and len(v) > MAX_CELL_CHARS and header_done:
                        _add(table, problem(idx, table.column(c["column"] - 1), "cell_too_long",
                                            max=MAX_CELL_CHARS, chars=f"{len(v):,}"))
                        table.bad_rows.add(idx)
                        v = ""
                    values[c["column"] - 1] = v
                if not header_done:
                    if not any(v is not None and str(v).strip() for v in values):
                        continue
                    table.header = [("" if v is None else str(v)).strip()[:200] for v in values]
                    table.header_row = idx
                    header_done = True
                    continue
                if not _keep(table, idx, values, max_rows):
                    break
    finally:
        reader.archive.close()
    if not header_done:
        return _fatal("empty_file", "xlsx")
    return _finish(table, False)


def _stream_rows(src: Any, parser: Any, cell_value: Any, table: Table,
                 max_rows: int) -> Iterator[tuple[int, list[dict[str, Any]]]]:
    """(row number, cells) of a sheet, read element by element: each cell is parsed and dropped from the tree as
    soon as it ends, and each row once it is read, so neither a row of a million cells nor a million rows is
    ever held; cells right of MAX_COLUMNS are counted, never built. Reading stops after as many row and cell
    elements as a file of `max_rows` rows could fairly hold (empty ones count too), so a small hostile workbook
    costs at most what the largest real file costs."""
    from openpyxl.xml.constants import SHEET_MAIN_NS  # type: ignore[import-untyped]
    from openpyxl.xml.functions import iterparse  # type: ignore[import-untyped]  # defusedxml's when installed

    row_tag, cell_tag, data_tag = (f"{{{SHEET_MAIN_NS}}}{t}" for t in ("row", "c", "sheetData"))
    sheet_data = row_el = None
    row_idx = 0
    cells: list[dict[str, Any]] = []
    dropped = seen = rows_seen = 0
    max_cells = min(MAX_CELLS, max(100_000, (max_rows + 1) * 16))
    max_row_elements = 2 * max_rows + 10_000
    for event, el in iterparse(src, events=("start", "end")):
        tag = el.tag
        if event == "start":
            if tag == data_tag:
                sheet_data = el
            elif tag == row_tag:
                rows_seen += 1
                if rows_seen > max_row_elements:
                    _add(table, problem(row_idx + 1, "", "too_many_cells", max=max_cells, row_n=row_idx + 1))
                    return
                r = el.get("r")
                row_idx = int(float(r)) if r is not None else row_idx + 1
                parser.row_counter, parser.col_counter = row_idx, 0
                row_el, cells = el, []
            continue
        if tag == cell_tag and row_el is not None:
            seen += 1
            if seen > max_cells:
                _add(table, problem(row_idx, "", "too_many_cells", max=max_cells, row_n=row_idx))
                return
            if parser.col_counter < MAX_COLUMNS or el.get("r") is not None:
                cell = cell_value(parser, el)
                if cell["column"] <= MAX_COLUMNS:
                    cells.append(cell)
                else:
                    dropped += cell["value"] is not None
            else:
                parser.col_counter += 1
                dropped += 1
            el.clear()
            if len(row_el) > 256:  # drop what the row holds (pending cells live on in the parser's events)
                del row_el[:]
        elif tag == row_tag:
            yield row_idx, cells
            el.clear()
            if sheet_data is not None and len(sheet_data) > 256:
                del sheet_data[:]
            row_el = None
    if dropped:
        _add(table, problem(0, "", "too_many_columns", "warning", max=MAX_COLUMNS))


# ---- headers --------------------------------------------------------------------------------------------------

def header_problems(table: Table, fields: list[str], *, area: str = "tabular") -> list[Problem]:
    """Blank and duplicate headers, given each column's canonical field ('' when unknown or blank).
    A duplicate names both columns (letters and the user's names); a blank header with data under it is
    named by its letter. Unknown columns are left to the caller, which knows its fields."""
    out: list[Problem] = []
    seen: dict[str, int] = {}
    hr = table.header_row
    for i, f in enumerate(fields):
        name = table.header[i] if i < len(table.header) else ""
        if not name:
            if table.columnar is not None:
                filled = bool(table.columnar[0][i].str.strip().ne("").any())
            else:
                filled = any(i < len(cells) and cells[i] not in (None, "") for _, cells in table.rows[:10_000])
            if filled:
                out.append(problem(hr, column_letter(i), "blank_header", "warning", area=area,
                                   letter=column_letter(i)))
            continue
        if not f:
            continue
        if f in seen:
            j = seen[f]
            out.append(problem(hr, name, "duplicate_column", "warning", field=f, area=area,
                               first=f"{column_letter(j)} “{table.header[j]}”",
                               second=f"{column_letter(i)} “{name}”"))
        else:
            seen[f] = i
    return out
