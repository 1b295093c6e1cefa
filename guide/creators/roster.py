"""A creator roster from a CSV or Excel file: validated row by row, then derived against the figures.

Two steps, so an upload is parsed once and re-derived cheaply when the brief or the figures change:

- `parse_roster(data, filename)` reads the file (size and row caps, encoding and separator detection, Excel
  values as saved — formulas are never evaluated) and checks every cell. Every problem names its
  spreadsheet row (the header is row 1), its column and a code with parameters; `RowProblem.message(lang)`
  words it in Indonesian or English. A row with an error is kept, reported, and left out of the shortlist.
- `derive(parsed, figures, brief, city)` adds, per creator: the tier by the figures' tier boundaries, the
  engagement rate (given, from avg_engagements, or the tier's band middle as an assumption), the fee (given,
  or estimated from the rate card and flagged), an authenticity flag, the fit to the brief (platform,
  industry, city — the page's or CLI's city, else the brief's region, a metro area such as Jabodetabek
  expanded to its cities by data/regions.yaml — and, for KOLs, whether the `expertise` fits the industry by
  data/expertise.yaml, with `doctor` for the MKEK fatwa), and the expected reach (the plan's reach rate ×
  completion) and engagements the shortlist maximises.

Columns are processed as whole arrays (numpy/pandas); only cells that are not plain numbers go through the
slower, more forgiving parsers (thousand separators, "12,5rb", "1.2M", "Rp 1,5 juta").
"""

from __future__ import annotations

import csv
import io
import math
import re
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Literal

import numpy as np
import pandas as pd
import pyarrow as pa  # type: ignore[import-untyped]
import pyarrow.compute as pc  # type: ignore[import-untyped]
import pyarrow.csv as pacsv  # type: ignore[import-untyped]

from guide.advice.knowledge import DATA_DIR, Figures
from guide.advice.models import INDUSTRIES, PLATFORMS, TIERS, CampaignBrief, Industry, Kind
from guide.creators.places import expertise_profile, mkek_applies, region_of
from guide.text.i18n import catalog, fmt_int, fmt_pct, t

MAX_FILE_BYTES = 20 * 1024 * 1024  # 20 MB: far above a 100,000-creator CSV (about 10 MB)
MAX_UNZIPPED_BYTES = 200 * 1024 * 1024  # an .xlsx is a zip: refuse one that would expand past this
MAX_ROWS = 200_000
MAX_TEXT = 120  # characters kept of a name, handle, city or expertise
MAX_PROBLEMS = 5_000  # problems listed in full; beyond, one summary line says how many more

CreatorKind = Literal["influencer", "kol", "koc"]
Severity = Literal["error", "warning"]
COLUMNS: tuple[str, ...] = (
    "name", "platform", "followers", "handle", "kind", "engagement_rate", "avg_engagements", "fee_idr",
    "industries", "city", "expertise",
)
REQUIRED: tuple[str, ...] = ("name", "platform", "followers")
# Indonesian headers (the Indonesian template uses them); any case, spaces or dashes for underscores.
HEADER_ALIASES: dict[str, str] = {
    "nama": "name", "pengikut": "followers", "jumlah_pengikut": "followers", "followers_count": "followers",
    "akun": "handle", "username": "handle", "jenis": "kind", "tipe": "kind", "type": "kind",
    "tingkat_interaksi": "engagement_rate", "er": "engagement_rate", "engagement_rate_pct": "engagement_rate",
    "rata_interaksi": "avg_engagements", "interaksi_rata_rata": "avg_engagements",
    "tarif_idr": "fee_idr", "tarif": "fee_idr", "fee": "fee_idr", "biaya_idr": "fee_idr",
    "industri": "industries", "industry": "industries", "kota": "city", "keahlian": "expertise",
}
TEMPLATE_HEADERS: dict[str, tuple[str, ...]] = {
    "en": COLUMNS,
    "id": ("nama", "platform", "pengikut", "akun", "jenis", "tingkat_interaksi", "rata_interaksi", "tarif_idr",
           "industri", "kota", "keahlian"),
}
PLATFORM_ALIASES: dict[str, str] = {
    "ig": "instagram", "insta": "instagram", "tt": "tiktok", "tik tok": "tiktok", "yt": "youtube",
    "fb": "facebook", "twitter": "x", "x (twitter)": "x", "li": "linkedin",
}
KIND_ALIASES: dict[str, CreatorKind] = {
    "influencer": "influencer", "influenser": "influencer", "kol": "kol", "pakar": "kol", "ahli": "kol",
    "expert": "kol", "koc": "koc", "konsumen": "koc", "customer": "koc", "consumer": "koc",
}
INDUSTRY_EXTRA: dict[str, Industry] = {
    "skincare": "beauty", "kosmetik": "beauty", "makeup": "beauty", "farmasi": "health", "medis": "health",
    "kuliner": "food", "minuman": "food", "makanan": "food", "wisata": "travel", "olahraga": "fitness",
    "gadget": "tech", "sosial": "other", "ibu": "parenting", "anak": "parenting", "investasi": "finance",
}

# Authenticity screening (HypeAuditor's Instagram bands; the tier's band from data/figures.yaml): an
# engagement rate below LOW_FACTOR × the band's low end suggests bought or inactive followers; above
# max(HIGH_FACTOR × the band's high end, HIGH_FLOOR_PCT) suggests engagement pods. Screening flags, not
# verdicts. Checked on Instagram only: the bands are Instagram benchmarks (TikTok rates are per view).
LOW_FACTOR = 0.5
HIGH_FACTOR = 2.0
HIGH_FLOOR_PCT = 6.0  # HypeAuditor: above 6% is "very high"
AUTH_SOURCE = "hypeauditor"
AUTH_PLATFORMS = frozenset({"instagram"})
DISAGREE = 0.25  # given rate vs avg_engagements/followers: more than 25% apart is reported


@dataclass(frozen=True)
class RowProblem:
    """One problem: spreadsheet row (header = 1; 0 for the file), canonical column ('' for the row), code."""

    row: int
    column: str
    code: str
    severity: Severity = "error"
    params: tuple[tuple[str, str], ...] = ()

    def message(self, lang: str) -> str:
        return t(lang, f"creators.problem.{self.code}", **dict(self.params))

    def column_label(self, lang: str) -> str:
        return t(lang, f"creators.col.{self.column}") if self.column else ""

    def as_dict(self, lang: str) -> dict[str, Any]:
        return {"row": self.row, "column": self.column, "severity": self.severity, "message": self.message(lang)}


class RosterError(ValueError):
    """The file as a whole cannot be read (too big, not CSV/XLSX, missing required columns)."""

    def __init__(self, problem: RowProblem) -> None:
        self.problem = problem
        super().__init__(problem.message("en"))


def _p(row: int, column: str, code: str, severity: Severity = "error", **params: object) -> RowProblem:
    return RowProblem(row, column, code, severity, tuple((k, str(v)) for k, v in params.items()))


@dataclass(frozen=True)
class ParsedRoster:
    """Validated columns, one entry per data row (blank rows excluded), plus every problem found."""

    rows: np.ndarray  # spreadsheet row numbers
    name: list[str]
    handle: list[str]
    platform: list[str]
    followers: np.ndarray  # int64, 0 where invalid
    kind: list[str]
    engagement_rate: np.ndarray  # float, nan where not given
    avg_engagements: np.ndarray  # float, nan where not given
    fee_idr: np.ndarray  # float, nan where not given
    industries: list[tuple[str, ...]]
    city: list[str]
    expertise: list[str]
    valid: np.ndarray  # bool: no error on the row
    problems: tuple[RowProblem, ...]
    source: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.rows)


# --- reading the file -------------------------------------------------------------------------------------------


def _normal_header(h: object) -> str:
    s = re.sub(r"[\s\-]+", "_", str(h or "").strip().lower().lstrip("\ufeff"))
    s = s.replace("(%)", "").replace("%", "").strip("_")
    return HEADER_ALIASES.get(s, s)


def _decode(data: bytes) -> tuple[str, str]:
    for enc in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(enc), enc
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1"), "latin-1"


def _sniff_separator(first_line: str) -> str:
    counts = {sep: first_line.count(sep) for sep in (";", ",", "\t")}
    best = max(counts, key=lambda s: counts[s])
    return best if counts[best] else ","


def _read_csv(data: bytes) -> tuple[list[str], list[list[str]], str, int]:
    """(header, rows, description, the header's spreadsheet row). Leading '#' comment lines are skipped (the
    sample roster's first line says it is fictional); row numbers still count them, as a spreadsheet does."""
    text, encoding = _decode(data)
    if "\x00" in text[:4096]:
        raise RosterError(_p(0, "", "not_text"))
    skipped = 0
    while text.startswith("#") and skipped < 20:
        text = text.split("\n", 1)[1] if "\n" in text else ""
        skipped += 1
    first = text.split("\n", 1)[0]
    sep = _sniff_separator(first)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sep)
    try:
        header = next(reader)
    except StopIteration:
        raise RosterError(_p(0, "", "empty_file")) from None
    except csv.Error:
        raise RosterError(_p(1, "", "bad_csv")) from None
    rows: list[list[str]] = []
    try:
        for i, r in enumerate(reader):
            if i >= MAX_ROWS:
                raise RosterError(_p(0, "", "too_many_rows", limit=fmt_int(MAX_ROWS, "en")))
            rows.append(r)
    except csv.Error:
        raise RosterError(_p(len(rows) + 2 + skipped, "", "bad_csv")) from None
    return header, rows, f"csv ({encoding}, '{sep}')", skipped + 1


def _cell_text(value: object, percent: bool) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, (int, float)):
        v = float(value) * (100 if percent else 1)
        if not math.isfinite(v):
            return str(value)
        return str(int(v)) if v.is_integer() and abs(v) < 1e15 else repr(round(v, 6))
    return str(value)


def _read_xlsx(data: bytes) -> tuple[list[str], list[list[str]], list[RowProblem], str]:
    """Cell values as saved by the spreadsheet program (openpyxl, read-only, data_only). A formula whose result
    was never saved has no value to read: it is refused with a message, never evaluated."""
    import openpyxl  # type: ignore[import-untyped]

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            if sum(i.file_size for i in z.infolist()) > MAX_UNZIPPED_BYTES:
                raise RosterError(_p(0, "", "too_big_unzipped", limit="200 MB"))
    except zipfile.BadZipFile:
        raise RosterError(_p(0, "", "not_xlsx")) from None
    try:
        wb_values = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        wb_formulas = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception:  # openpyxl raises many types for a damaged or foreign file
        raise RosterError(_p(0, "", "not_xlsx")) from None
    problems: list[RowProblem] = []
    try:
        ws_v = wb_values.worksheets[0]
        ws_f = wb_formulas.worksheets[0]
        header: list[str] = []
        rows: list[list[str]] = []
        percent_cols: set[int] = set()
        for r, (vals, forms) in enumerate(zip(ws_v.iter_rows(), ws_f.iter_rows(), strict=False), start=1):
            if r > MAX_ROWS + 1:
                raise RosterError(_p(0, "", "too_many_rows", limit=fmt_int(MAX_ROWS, "en")))
            out: list[str] = []
            for c, (cv, cf) in enumerate(zip(vals, forms, strict=False)):
                value = getattr(cv, "value", None)
                formula = getattr(cf, "data_type", None) == "f"
                if formula and value is None:
                    col = header[c] if c < len(header) else ""
                    problems.append(_p(r, _normal_header(col) if col else "", "formula_no_value",
                                       cell=getattr(cf, "coordinate", "?")))
                    out.append("")
                    continue
                fmt = str(getattr(cv, "number_format", "") or "")
                out.append(_cell_text(value, percent=(c in percent_cols and "%" in fmt)))
            if r == 1:
                header = out
                percent_cols = {i for i, h in enumerate(header) if _normal_header(h) == "engagement_rate"}
            else:
                rows.append(out)
    finally:
        wb_values.close()
        wb_formulas.close()
    if not header:
        raise RosterError(_p(0, "", "empty_file"))
    return header, rows, problems, "xlsx"


# --- cell parsers (the slow path for cells that are not plain numbers) ------------------------------------------

_COUNT_SUFFIX = {"k": 10**3, "rb": 10**3, "ribu": 10**3, "m": 10**6, "jt": 10**6, "juta": 10**6,
                 "mn": 10**6, "million": 10**6, "b": 10**9, "miliar": 10**9, "milyar": 10**9, "billion": 10**9}
_FEE_SUFFIX = {k: v for k, v in _COUNT_SUFFIX.items() if k not in ("m", "b")}  # "M" is juta or miliar: ambiguous
_GROUPED = re.compile(r"^\d{1,3}(?:([.,\s])\d{3})?(?:\1\d{3})*$")


def parse_count(text: str, money: bool = False) -> tuple[int | None, str]:
    """A whole number as people write it. Returns (value, '') or (None, problem code).

    '12500', '12.500', '12,500', '12 500' -> 12500; '12,5rb' / '12.5K' -> 12500; '1.2M' -> 1200000
    (followers); 'Rp 1,5 juta' -> 1500000 (fees; a bare 'M' is refused there: juta or miliar?).
    '12,5' and '1.5' are not whole numbers; '1.500K' is ambiguous (1.5 or 1500 thousand).
    """
    s = text.strip().lower().replace("\u00a0", " ")
    if money:
        s = s.removeprefix("rp").removeprefix("idr").strip().removeprefix(".").strip()
    if not s:
        return None, "required"
    if s.startswith("-"):
        return None, "negative"
    suffixes = _FEE_SUFFIX if money else _COUNT_SUFFIX
    for word in sorted(suffixes, key=len, reverse=True):
        if s.endswith(word) and s[: -len(word)].strip()[-1:].isdigit():
            num = s[: -len(word)].strip()
            seps = [ch for ch in num if ch in ".,"]
            if len(seps) > 1:
                return None, "not_number"
            if seps:
                whole, frac = re.split(r"[.,]", num)
                if len(frac) == 3:
                    return None, "ambiguous"
                if not (whole.isdigit() and frac.isdigit()):
                    return None, "not_number"
                value = int(whole) * suffixes[word] + int(frac) * suffixes[word] // 10 ** len(frac)
                return value, ""
            if not num.isdigit() or len(num) > 12:
                return None, "not_number"
            return int(num) * suffixes[word], ""
        if money and s.endswith("m") and s[:-1].strip()[-1:].isdigit():
            return None, "ambiguous_m"
    if _GROUPED.match(s):
        return int(re.sub(r"[.,\s]", "", s)), ""
    if re.fullmatch(r"\d+", s):
        return (int(s), "") if len(s) <= 15 else (None, "too_large")
    if re.fullmatch(r"\d+[.,]0+", s):  # 12500.0 as exported by some tools
        return int(re.split(r"[.,]", s)[0]), ""
    if re.fullmatch(r"\d+[.,]\d+", s):
        return None, "not_whole"
    return None, "not_number"


def parse_percent(text: str) -> tuple[float | None, str]:
    """'3.5', '3,5', '3.5%' -> 3.5 (percent of followers)."""
    s = text.strip().replace("%", "").replace(" ", "")
    if not s:
        return None, ""
    if s.count(",") + s.count(".") > 1:
        return None, "not_number"
    try:
        v = float(s.replace(",", "."))
    except ValueError:
        return None, "not_number"
    if not math.isfinite(v) or v < 0 or v > 100:
        return None, "percent_range"
    return v, ""


def parse_decimal(text: str) -> tuple[float | None, str]:
    """Average engagements: a count, possibly with decimals ('1250', '1.250', '1250,5')."""
    value, code = parse_count(text)
    if value is not None:
        return float(value), ""
    s = text.strip().replace(" ", "")
    if re.fullmatch(r"\d+[.,]\d{1,2}", s):
        return float(s.replace(",", ".")), ""
    return None, code or "not_number"


@lru_cache(maxsize=1)
def _industry_words() -> dict[str, Industry]:
    words: dict[str, Industry] = {}
    for ind in INDUSTRIES:
        words[ind] = ind
        for lang in ("id", "en"):
            label = str(catalog(lang).get(f"industry.{ind}", ""))
            for part in re.split(r"[/&,]| and ", label.lower()):
                part = part.strip()
                if part:
                    words.setdefault(part, ind)
            if label:
                words.setdefault(label.lower().strip(), ind)
    for word, ind in INDUSTRY_EXTRA.items():
        words.setdefault(word, ind)
    return words


def parse_industries(text: str) -> tuple[tuple[Industry, ...], list[str]]:
    """'kecantikan; skincare; Fashion' -> ('beauty', 'fashion'); unknown words are returned to report."""
    known: list[Industry] = []
    unknown: list[str] = []
    words = _industry_words()
    for part in re.split(r"[;|]", text):
        w = " ".join(part.strip().lower().split())
        if not w:
            continue
        ind = words.get(w)
        if ind is None:
            unknown.append(part.strip()[:40])
        elif ind not in known:
            known.append(ind)
    return tuple(known), unknown


def _clean_text(s: str) -> str:
    cleaned = "".join(ch for ch in s if ch.isprintable()).strip()
    return " ".join(cleaned.split())[:MAX_TEXT]


def normal_handle(h: str) -> str:
    return h.strip().lstrip("@").strip().lower()


# --- validation -------------------------------------------------------------------------------------------------


def _column(rows: Sequence[Sequence[str]], idx: int | None, n: int) -> list[str]:
    if idx is None:
        return [""] * n
    return [(r[idx] if idx < len(r) else "") for r in rows]


def _numbers(values: pd.Series, rows: np.ndarray, col: str, kind: str, problems: list[RowProblem],
             valid: np.ndarray, required: bool) -> np.ndarray:
    """One numeric column as an array: a vectorised fast path for plain numbers, the parsers for the rest."""
    st = values.astype(str)  # already trimmed by validate_frame
    out = np.full(len(st), np.nan)
    empty = (st == "").to_numpy(dtype=bool)
    pattern = r"\d{1,12}(?:\.\d{1,6})?" if kind == "percent" else r"\d{1,12}"
    plain = st.str.fullmatch(pattern).fillna(False).to_numpy(dtype=bool)
    if plain.any():
        texts = pa.array(st[plain])  # arrow-backed strings: no Python objects
        out[plain] = pc.cast(texts, pa.float64()).to_numpy(zero_copy_only=False)
    if required:
        for i in np.flatnonzero(empty):
            problems.append(_p(int(rows[i]), col, "required"))
        valid[empty] = False
    for i in np.flatnonzero(~plain & ~empty):
        text = str(st.iat[int(i)])
        value: float | None
        if kind == "percent":
            value, code = parse_percent(text)
        elif kind == "decimal":
            value, code = parse_decimal(text)
        else:
            v, code = parse_count(text, money=(kind == "money"))
            value = float(v) if v is not None else None
        if value is None:
            problems.append(_p(int(rows[i]), col, code or "not_number", value=text[:30]))
            valid[i] = False
        else:
            out[i] = value
    if kind == "percent":
        bad = plain & (out > 100)
        for i in np.flatnonzero(bad):
            problems.append(_p(int(rows[i]), col, "percent_range", value=str(st.iat[int(i)])[:30]))
            valid[i] = False
            out[i] = np.nan
    return out


def parse_roster(data: bytes, filename: str) -> ParsedRoster:
    """Read and validate a roster file. Raises RosterError only when the file as a whole is unusable."""
    if len(data) > MAX_FILE_BYTES:
        raise RosterError(_p(0, "", "too_big", limit=f"{MAX_FILE_BYTES // (1024 * 1024)} MB"))
    if not data:
        raise RosterError(_p(0, "", "empty_file"))
    name = filename.lower()
    if name.endswith(".xlsx") or data[:4] == b"PK\x03\x04":
        header, raw_rows, problems, source = _read_xlsx(data)
        return validate_rows(header, raw_rows, problems, source)
    if name.endswith((".xls", ".xlsm", ".ods", ".numbers")):
        raise RosterError(_p(0, "", "wrong_type"))
    fast = _read_csv_fast(data)
    if fast is not None:
        frame, source, header_row = fast
        return validate_frame([str(c) for c in frame.columns], frame, [], source, header_row)
    header, raw_rows, source, header_row = _read_csv(data)
    return validate_rows(header, raw_rows, [], source, header_row)


def _read_csv_fast(data: bytes) -> tuple[pd.DataFrame, str, int] | None:
    """pandas' C parser, every cell as text. None when the file needs the careful reader (ragged rows,
    duplicate or blank headers, odd quoting, too many rows): that one reports such rows one by one."""
    text, encoding = _decode(data)
    if "\x00" in text[:4096]:
        raise RosterError(_p(0, "", "not_text"))
    skipped = 0
    body = text
    while body.startswith("#") and skipped < 20:
        body = body.split("\n", 1)[1] if "\n" in body else ""
        skipped += 1
    if not body.strip():
        return None
    first_line = body.split("\n", 1)[0]
    sep = _sniff_separator(first_line)
    try:
        names = next(csv.reader([first_line.rstrip("\r")], delimiter=sep))
    except (csv.Error, StopIteration):
        return None
    if len(set(names)) != len(names) or any(not n.strip() for n in names):
        return None
    bad: list[object] = []

    def invalid(row: object) -> str:
        bad.append(row)
        return "skip"

    try:
        table = pacsv.read_csv(
            io.BytesIO(body.encode("utf-8")),
            read_options=pacsv.ReadOptions(use_threads=True),
            parse_options=pacsv.ParseOptions(delimiter=sep, newlines_in_values=True, ignore_empty_lines=False,
                                             invalid_row_handler=invalid),
            convert_options=pacsv.ConvertOptions(column_types={n: pa.string() for n in names},
                                                 strings_can_be_null=False, quoted_strings_can_be_null=False))
    except (pa.ArrowInvalid, pa.ArrowTypeError, ValueError):
        return None
    if bad or table.num_columns != len(names):
        return None  # ragged or blank rows: the careful reader reports each one
    string = pd.StringDtype("pyarrow", na_value=np.nan)
    frame = table.to_pandas(types_mapper=lambda t: string if t == pa.string() else None)
    cols = [str(c) for c in frame.columns]
    if not isinstance(frame.index, pd.RangeIndex) or len(frame) > MAX_ROWS or len(set(cols)) != len(cols) or \
            any(c.startswith("Unnamed:") or re.search(r"\.\d+$", c) for c in cols):
        return None
    return frame.fillna("").astype(str), f"csv ({encoding}, '{sep}')", skipped + 1


def validate_rows(header: Sequence[str], raw_rows: Sequence[Sequence[str]],
                  problems: list[RowProblem] | None = None, source: str = "", header_row: int = 1) -> ParsedRoster:
    """Rows as lists of cells (the careful CSV reader, Excel): cells beyond the header are reported."""
    problems = list(problems or [])
    width = len(header)
    first = header_row + 1
    for i, r in enumerate(raw_rows):
        if len(r) > width and any(str(v).strip() for v in r[width:]):
            problems.append(_p(i + first, "", "extra_cells", severity="warning", cells=len(r), header=width))
    padded = [list(r[:width]) + [""] * (width - len(r)) for r in raw_rows]
    frame = pd.DataFrame(padded, columns=range(width), dtype=object) if padded else \
        pd.DataFrame({i: pd.Series([], dtype=object) for i in range(width)})
    frame.columns = pd.Index(range(width))
    return validate_frame(list(header), frame, problems, source, header_row)


def _map_unique(s: pd.Series, fn: Any) -> pd.Series:
    """Apply `fn` once per distinct value (rosters repeat platforms, kinds, industries and cities)."""
    codes, uniq = pd.factorize(s, use_na_sentinel=False)
    values = np.empty(len(uniq), dtype=object)
    values[:] = [fn(u) for u in uniq]
    return pd.Series(values[codes], index=s.index, dtype=object)




def _clean_series(s: pd.Series) -> pd.Series:
    """Printable text on one line, at most MAX_TEXT characters (only cells that need it are rewritten)."""
    s = s.astype(str)
    arr = pa.array(s.array, type=pa.string())  # pandas' Arrow-backed strings pass without a copy
    ok = pc.and_(pc.and_(pc.utf8_is_printable(arr), pc.equal(arr, pc.utf8_trim_whitespace(arr))),
                 pc.and_(pc.invert(pc.match_substring(arr, "  ")), pc.less_equal(pc.utf8_length(arr), MAX_TEXT)))
    fix = ~np.asarray(ok.to_numpy(zero_copy_only=False), dtype=bool)
    if not fix.any():
        return s
    out = s.to_numpy(dtype=object).copy()
    out[fix] = [_clean_text(str(v)) for v in out[fix]]
    return pd.Series(out, dtype=str)


def validate_frame(header: Sequence[str], frame: pd.DataFrame, problems: list[RowProblem], source: str = "",
                   header_row: int = 1) -> ParsedRoster:
    """Check every cell, column by column; data row i (0-based) is spreadsheet row header_row + 1 + i."""
    problems = list(problems)
    first = header_row + 1
    canon = [_normal_header(h) for h in header]
    index: dict[str, int] = {}
    for i, c in enumerate(canon):
        if not c:
            continue
        if c in index:
            problems.append(_p(header_row, c, "duplicate_column", severity="warning", header=str(header[i])[:40]))
        elif c in COLUMNS:
            index[c] = i
        else:
            problems.append(_p(header_row, "", "unknown_column", severity="warning", header=str(header[i])[:40]))
    missing = [c for c in REQUIRED if c not in index]
    if missing:
        raise RosterError(_p(header_row, missing[0], "missing_column",
                             columns=", ".join(missing), found=", ".join(str(h)[:30] for h in header[:12])))

    cells = frame.iloc[:, [index[c] for c in index]].fillna("").astype(str)
    cells.columns = pd.Index(list(index))
    cells = cells.apply(lambda col: col.str.strip())  # every cell trimmed once
    # Blank rows are not creators: skipped, and reported when data follows them (not the trailing ones).
    nonblank = (cells != "").any(axis=1).to_numpy(dtype=bool) if len(cells) else np.zeros(0, dtype=bool)
    if len(frame.columns) > len(index) and len(cells):
        others = frame.drop(columns=frame.columns[[index[c] for c in index]]).fillna("").astype(str)
        nonblank |= others.apply(lambda col: col.str.strip() != "").any(axis=1).to_numpy(dtype=bool)
    last = int(np.flatnonzero(nonblank)[-1]) if nonblank.any() else -1
    for b in np.flatnonzero(~nonblank[: last + 1]):
        problems.append(_p(int(b) + first, "", "blank_row", severity="warning"))
    keep = np.flatnonzero(nonblank)
    cells = cells.iloc[keep].reset_index(drop=True)
    rows = (keep + first).astype(np.int64)
    n = len(rows)
    valid = np.ones(n, dtype=bool)

    def col(name: str) -> pd.Series:
        return cells[name] if name in cells.columns else pd.Series([""] * n, dtype=str)

    def report(mask: np.ndarray, column: str, code: str, severity: Severity = "error",
               values: pd.Series | None = None, **params: object) -> None:
        for j in np.flatnonzero(mask):
            extra = {"value": str(values.iat[int(j)]).strip()[:30]} if values is not None else {}
            problems.append(_p(int(rows[j]), column, code, severity, **extra, **params))
        if severity == "error":
            valid[mask] = False

    names_s = _clean_series(col("name"))
    report((names_s == "").to_numpy(dtype=bool), "name", "required")

    raw_platform = col("platform")
    platform_s = _map_unique(raw_platform, lambda v: PLATFORM_ALIASES.get(
        " ".join(str(v).strip().lower().split()), " ".join(str(v).strip().lower().split())))
    known_platform = platform_s.isin(PLATFORMS).to_numpy(dtype=bool)
    empty_platform = (platform_s == "").to_numpy(dtype=bool)
    report(empty_platform, "platform", "required")
    report(~known_platform & ~empty_platform, "platform", "unknown_platform", values=raw_platform,
           allowed=", ".join(PLATFORMS))

    followers_f = _numbers(col("followers"), rows, "followers", "count", problems, valid, required=True)
    report(followers_f == 0, "followers", "zero_followers")
    followers = np.nan_to_num(followers_f, nan=0).astype(np.int64)

    raw_kind = col("kind")
    kind_s = _map_unique(raw_kind, lambda v: "influencer" if not str(v).strip()
                         else KIND_ALIASES.get(str(v).strip().lower(), ""))
    bad_kind = (kind_s == "").to_numpy(dtype=bool)
    report(bad_kind, "kind", "unknown_kind", values=raw_kind)
    kind_s = kind_s.where(~bad_kind, "influencer")

    er = _numbers(col("engagement_rate"), rows, "engagement_rate", "percent", problems, valid,
                  required=False)
    avg = _numbers(col("avg_engagements"), rows, "avg_engagements", "decimal", problems, valid,
                   required=False)
    fee = _numbers(col("fee_idr"), rows, "fee_idr", "money", problems, valid, required=False)

    # The two ways of stating engagement must agree.
    both = np.flatnonzero(~np.isnan(er) & ~np.isnan(avg) & (followers > 0))
    if both.size:
        implied = avg[both] / followers[both] * 100
        far = np.abs(implied - er[both]) > DISAGREE * np.maximum(er[both], implied)
        for j, imp in zip(both[far], implied[far], strict=True):
            problems.append(_p(int(rows[j]), "engagement_rate", "er_disagrees", severity="warning",
                               given=f"{er[j]:g}", implied=f"{imp:.2f}"))

    # Industries: parsed once per distinct cell (rosters repeat them), then spread by the factorized codes.
    codes, uniq = pd.factorize(col("industries").astype(str), use_na_sentinel=False)
    parsed_u = [parse_industries(str(u)) if str(u).strip() else ((), []) for u in uniq]
    picked = np.empty(len(parsed_u), dtype=object)
    picked[:] = [v[0] for v in parsed_u]
    industries: list[tuple[str, ...]] = picked[codes].tolist()
    industries_key = pd.Series(np.array([";".join(v[0]) for v in parsed_u], dtype=object)[codes], dtype=str)
    unknown_u = np.array([bool(v[1]) for v in parsed_u], dtype=bool)
    for j in np.flatnonzero(unknown_u[codes]):
        problems.append(_p(int(rows[j]), "industries", "unknown_industry", severity="warning",
                           value="; ".join(parsed_u[codes[j]][1])[:60], allowed=", ".join(INDUSTRIES)))

    handle_s = _clean_series(col("handle")).str.lstrip("@")
    key = platform_s.astype(str) + "\x00" + handle_s.str.lower().str.strip()
    has = (handle_s != "").to_numpy(dtype=bool)
    dup = key.duplicated(keep=False).to_numpy(dtype=bool) & has
    if dup.any():
        first_seen: dict[str, int] = {}
        for j in np.flatnonzero(dup):
            k = str(key.iat[int(j)])
            if k in first_seen:
                problems.append(_p(int(rows[j]), "handle", "duplicate_handle", handle="@" + str(handle_s.iat[int(j)]),
                                   first=first_seen[k]))
                valid[j] = False
            else:
                first_seen[k] = int(rows[j])

    cities = _clean_series(col("city"))
    expertise_s = _clean_series(col("expertise"))
    report(((kind_s == "kol") & (expertise_s == "")).to_numpy(dtype=bool), "expertise", "kol_without_expertise",
           severity="warning")

    order = {c: i for i, c in enumerate(COLUMNS)}
    problems.sort(key=lambda p: (p.row, order.get(p.column, -1)))
    if len(problems) > MAX_PROBLEMS:
        more = len(problems) - MAX_PROBLEMS
        problems = [*problems[:MAX_PROBLEMS], _p(0, "", "more_problems", severity="warning", n=more)]
    return ParsedRoster(rows=rows, name=names_s.tolist(), handle=handle_s.tolist(), platform=platform_s.tolist(),
                        followers=followers, kind=kind_s.tolist(), engagement_rate=er, avg_engagements=avg,
                        fee_idr=fee, industries=industries, city=cities.tolist(), expertise=expertise_s.tolist(),
                        valid=valid, problems=tuple(problems), source=source,
                        # The same columns as pandas string Series, so `derive` need not convert them again.
                        extra={"name": names_s, "handle": handle_s, "platform": platform_s.astype(str),
                               "city": cities, "expertise": expertise_s, "industries": industries_key})


# --- derived columns --------------------------------------------------------------------------------------------


def tier_of(followers: np.ndarray, figures: Figures) -> np.ndarray:
    """Influencer tier by the figures' lower follower bounds (below micro's lower bound: nano)."""
    bounds = np.array([figures.kinds[k].followers_low for k in TIERS[1:]], dtype=np.int64)
    idx = np.searchsorted(bounds, followers, side="right")
    return np.array(TIERS, dtype=object)[idx]


def _interp_fee(followers: np.ndarray, lo_f: int, hi_f: int, lo_r: int, hi_r: int) -> np.ndarray:
    """A fee from the rate band by position in the follower band, both on log scales (rounded to Rp 1.000)."""
    f = np.maximum(followers.astype(float), 1.0)
    span = math.log(hi_f / lo_f) if hi_f > lo_f else math.log(10.0)  # open-ended tier: one decade
    pos = np.clip(np.log(f / lo_f) / span, 0.0, 1.0)
    fee = lo_r * np.exp(pos * math.log(hi_r / lo_r)) if hi_r > lo_r else np.full(len(f), float(lo_r))
    return np.round(fee / 1000.0) * 1000.0


def derive(parsed: ParsedRoster, figures: Figures, brief: CampaignBrief | None = None,
           city: str | None = None) -> pd.DataFrame:
    """One row per roster row with the derived columns (see the module docstring). Pure and vectorised."""
    n = len(parsed)
    followers = parsed.followers
    kind = np.array(parsed.kind, dtype=object)
    tier = tier_of(followers, figures) if n else np.array([], dtype=object)
    line_kind = np.where(kind == "influencer", tier, kind)

    er = parsed.engagement_rate.copy()
    er_basis = np.full(n, "given", dtype=object)
    from_avg = np.isnan(er) & ~np.isnan(parsed.avg_engagements) & (followers > 0)
    er[from_avg] = parsed.avg_engagements[from_avg] / followers[from_avg] * 100
    er_basis[from_avg] = "derived"
    assumed = np.isnan(er)
    kinds, kind_codes = np.unique(line_kind.astype(str), return_inverse=True)
    band_low = np.array([figures.kinds[k].er_low for k in kinds], dtype=float)[kind_codes] if n else np.zeros(0)
    band_high = np.array([figures.kinds[k].er_high for k in kinds], dtype=float)[kind_codes] if n else np.zeros(0)
    er[assumed] = (band_low[assumed] + band_high[assumed]) / 2
    er_basis[assumed] = "assumed"

    fee = parsed.fee_idr.copy()
    estimated = np.isnan(fee)
    for k in set(line_kind[estimated].tolist()):
        sel = estimated & (line_kind == k)
        kf = figures.kinds[k]
        if k == "koc":
            _low, mid, _high = figures.unit_band("koc", brief) if brief else (kf.rate_low, kf.rate_mid, kf.rate_high)
            fee[sel] = mid
        else:
            fee[sel] = _interp_fee(followers[sel], kf.followers_low, kf.followers_high, kf.rate_low, kf.rate_high)

    checkable = ~assumed & np.isin(np.array(parsed.platform, dtype=object), list(AUTH_PLATFORMS))
    low_thr = band_low * LOW_FACTOR
    high_thr = np.maximum(band_high * HIGH_FACTOR, HIGH_FLOOR_PCT)
    auth = np.full(n, "ok", dtype=object)
    auth[checkable & (er < low_thr)] = "low"
    auth[checkable & (er > high_thr)] = "high"
    auth[~checkable] = "unchecked"

    # The plan's figures (guide/advice/planner.py `unit()`): reach = followers × the kind's reach rate per post
    # (middle of its band; the top of the band raised by the short-video factor on TikTok) × completion.
    c = figures.completion_factor.value
    video = figures.video_reach_factor.value
    reach_lo = np.array([figures.kinds[k].reach_low for k in kinds], dtype=float)[kind_codes] if n else np.zeros(0)
    reach_hi = np.array([figures.kinds[k].reach_high for k in kinds], dtype=float)[kind_codes] if n else np.zeros(0)
    on_video = np.array(parsed.platform, dtype=object) == "tiktok"
    reach_rate = (reach_lo + reach_hi * np.where(on_video, video, 1.0)) / 2
    reach = np.floor(followers * reach_rate / 100 * c)
    engagements = np.floor(followers * er / 100 * c)

    platform = np.array(parsed.platform, dtype=object)
    if brief is not None and brief.platforms:
        platform_fit = np.isin(platform, list(brief.platforms))
    else:
        platform_fit = np.ones(n, dtype=bool)
    ex = parsed.extra
    ind_key = ex["industries"] if "industries" in ex else pd.Series([";".join(x) for x in parsed.industries],
                                                                     dtype=str)
    if brief is not None:
        ind = brief.industry
        industry_fit = _map_unique(ind_key, lambda x: "yes" if ind in str(x).split(";") else (
            "unknown" if not x else "no")).to_numpy()
    else:
        industry_fit = np.full(n, "unknown", dtype=object)
    # The page's or the CLI's city when given, else the brief's region (a metro area expands to its cities).
    region = region_of(city) if city and city.strip() else region_of(brief.region if brief is not None else None)
    city_col = ex.get("city", pd.Series(parsed.city, dtype=str))
    if region is not None:
        city_fit = _map_unique(city_col, lambda x: "yes" if region.matches(x) else (
            "unknown" if not x else "no")).to_numpy()
        if not (city and city.strip()) and region.key is None and not (city_fit == "yes").any():
            # The brief's region names no metro area and no city of this roster (e.g. "Jawa Barat"): no filter
            # (the shortlist says so) rather than leaving every creator out.
            city_fit = np.full(n, "any", dtype=object)
    else:
        city_fit = np.full(n, "any", dtype=object)
    # A KOL's expertise against the brief's industry (data/expertise.yaml), and doctors (MKEK fatwa 022/2020).
    exp_col = ex.get("expertise", pd.Series(parsed.expertise, dtype=str))
    industry = brief.industry if brief is not None and brief.industry != "other" else None
    expertise_fit = _map_unique(exp_col, lambda x: "any" if industry is None else "unknown" if not x else (
        "yes" if industry in expertise_profile(x)[0] else "no")).to_numpy()
    doctor = _map_unique(exp_col, lambda x: bool(x) and expertise_profile(x)[1]).to_numpy(dtype=bool)
    mkek = doctor & (industry is not None and mkek_applies(industry))

    def labels(a: np.ndarray) -> pd.Series:
        """A column of short codes kept as Python strings: pandas need not scan 100,000 cells to type it."""
        return pd.Series(a, dtype=object)

    return pd.DataFrame({
        "row": parsed.rows, "name": ex.get("name", parsed.name), "handle": ex.get("handle", parsed.handle),
        "platform": ex.get("platform", parsed.platform),
        "followers": followers, "kind": labels(kind), "tier": labels(tier), "line_kind": labels(line_kind),
        "engagement_rate": np.round(er, 3), "er_basis": labels(er_basis),
        "fee_idr": np.round(fee).astype(np.int64) if n else np.zeros(0, dtype=np.int64),
        "fee_estimated": estimated,
        "authenticity": labels(auth), "industries": ind_key,
        "city": ex.get("city", parsed.city), "expertise": ex.get("expertise", parsed.expertise),
        "platform_fit": platform_fit, "industry_fit": labels(industry_fit), "city_fit": labels(city_fit),
        "expertise_fit": labels(expertise_fit), "doctor": doctor, "mkek": mkek,
        "expected_reach": reach.astype(np.int64) if n else np.zeros(0, dtype=np.int64),
        "expected_engagements": engagements.astype(np.int64) if n else np.zeros(0, dtype=np.int64),
        "valid": parsed.valid,
    })


def authenticity_rule(lang: str, figures: Figures) -> str:
    """The thresholds in words, with their source, for the page and the reports."""
    return t(lang, "creators.auth_rule", low=fmt_pct(LOW_FACTOR * 100, lang, 0),
             high=fmt_pct(HIGH_FACTOR * 100, lang, 0), floor=fmt_pct(HIGH_FLOOR_PCT, lang, 0))


# --- template ---------------------------------------------------------------------------------------------------

_TEMPLATE_ROWS: dict[str, tuple[tuple[str, ...], ...]] = {
    "id": (
        ("Contoh Sari (fiktif)", "instagram", "24.500", "@contoh.sari", "influencer", "3,9", "", "1.500.000",
         "kecantikan; gaya hidup", "Bandung", ""),
        ("dr. Contoh Wijaya (fiktif)", "youtube", "120.000", "@dr.contoh", "kol", "", "2.400", "",
         "kesehatan", "Jakarta", "dokter kulit"),
        ("Contoh Putri (fiktif)", "tiktok", "2.100", "@putri.contoh", "koc", "", "", "", "kecantikan",
         "Surabaya", ""),
    ),
    "en": (
        ("Example Sari (fictional)", "instagram", "24500", "@example.sari", "influencer", "3.9", "", "1500000",
         "beauty; lifestyle", "Bandung", ""),
        ("dr. Example Wijaya (fictional)", "youtube", "120000", "@dr.example", "kol", "", "2400", "",
         "health", "Jakarta", "dermatologist"),
        ("Example Putri (fictional)", "tiktok", "2100", "@putri.example", "koc", "", "", "", "beauty",
         "Surabaya", ""),
    ),
}


@lru_cache(maxsize=2)
def template_csv(lang: str) -> bytes:
    """The upload template: Indonesian headers and `;` (Excel with Indonesian settings), or English and `,`."""
    lg = "en" if lang == "en" else "id"
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=";" if lg == "id" else ",", lineterminator="\r\n")
    w.writerow(TEMPLATE_HEADERS[lg])
    w.writerows(_TEMPLATE_ROWS[lg])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


@lru_cache(maxsize=2)
def template_xlsx(lang: str) -> bytes:
    import openpyxl

    lg = "en" if lang == "en" else "id"
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "roster"
    ws.append(list(TEMPLATE_HEADERS[lg]))
    for r in _TEMPLATE_ROWS[lg]:
        vals: list[object] = []
        for c, v in zip(COLUMNS, r, strict=True):
            if c in ("followers", "fee_idr", "avg_engagements") and v:
                vals.append(int(re.sub(r"\D", "", v)))
            elif c == "engagement_rate" and v:
                vals.append(float(v.replace(",", ".")))
            else:
                vals.append(v)
        ws.append(vals)
    for cell in ws[1]:
        cell.font = openpyxl.styles.Font(bold=True)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def problems_table(problems: Iterable[RowProblem], lang: str) -> list[dict[str, object]]:
    """Rows for a table of problems: row, column (in the user's language), severity and message."""
    return [{"row": p.row, "column": p.column_label(lang), "severity": p.severity, "message": p.message(lang)}
            for p in problems]


def line_kind_label(k: Kind, lang: str) -> str:
    return t(lang, f"kind.{k}")


SAMPLE_ROSTER = DATA_DIR / "sample_roster.csv"


def sample_roster() -> ParsedRoster:
    """The shipped roster of 300 fictional creators (parsed once per process; immutable use only)."""
    return _sample()


@lru_cache(maxsize=1)
def _sample() -> ParsedRoster:
    return parse_roster(SAMPLE_ROSTER.read_bytes(), SAMPLE_ROSTER.name)
