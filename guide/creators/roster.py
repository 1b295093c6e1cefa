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
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from dataclasses import replace as dc_replace
from functools import lru_cache
from typing import Any, Literal

import numpy as np
import pandas as pd
import pyarrow as pa  # type: ignore[import-untyped]
import pyarrow.compute as pc  # type: ignore[import-untyped]

from guide.advice.knowledge import DATA_DIR, Figures
from guide.advice.models import INDUSTRIES, KINDS, PLATFORMS, TIERS, CampaignBrief, Industry, Kind
from guide.creators.places import expertise_profile, mkek_applies, region_of
from guide.text.i18n import catalog, fmt_pct, t
from guide.text.numbers import read_count, read_decimal, read_percent
from guide.text.problems import Problem, Severity, problem
from guide.text.tabular import (
    FORMULA_WITHOUT_VALUE,
    UPLOAD_MB,
    Table,
    column_letter,
    header_problems,
    read_table,
)

MAX_FILE_BYTES = UPLOAD_MB * 1024 * 1024  # the one upload limit (guide/text/tabular.py)
MAX_ROWS = 200_000
MAX_TEXT = 120  # characters kept of a name, handle, city or expertise
MAX_PROBLEMS = 5_000  # problems listed in full; beyond, one summary line says how many more

CreatorKind = Literal["influencer", "kol", "koc"]
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


RowProblem = Problem  # the one problem type (guide/text/problems.py); messages under creators.problem.<code>


class RosterError(ValueError):
    """The file as a whole cannot be read (too big, not CSV/XLSX, missing required columns)."""

    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        super().__init__(problem.message("en"))


def _p(row: int, column: str, code: str, severity: Severity = "error", **params: object) -> Problem:
    """A roster problem on canonical `column`; validate_frame renames it to the user's own header."""
    return problem(row, column, code, severity, field=column, area="creators", **params)


@dataclass(frozen=True)
class ParsedRoster:
    """Validated columns, one entry per data row (blank rows excluded), plus every problem found.

    The text columns are kept as `derive` reads them (`extra`: pandas string Series of name, handle, platform,
    city, expertise and the industries joined by ';'; the kinds as an array of labels and as codes into their
    distinct labels); `name`, `kind`, `industries` … give them as Python lists when asked."""

    rows: np.ndarray  # spreadsheet row numbers
    followers: np.ndarray  # int64, 0 where invalid
    engagement_rate: np.ndarray  # float, nan where not given
    avg_engagements: np.ndarray  # float, nan where not given
    fee_idr: np.ndarray  # float, nan where not given
    valid: np.ndarray  # bool: no error on the row
    problems: tuple[RowProblem, ...]
    source: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.rows)

    def _text(self, key: str) -> list[str]:
        return list(self.extra[key].tolist())

    @property
    def name(self) -> list[str]:
        return self._text("name")

    @property
    def handle(self) -> list[str]:
        return self._text("handle")

    @property
    def platform(self) -> list[str]:
        return self._text("platform")

    @property
    def kind(self) -> list[str]:
        return self._text("kind")

    @property
    def city(self) -> list[str]:
        return self._text("city")

    @property
    def expertise(self) -> list[str]:
        return self._text("expertise")

    @property
    def industries(self) -> list[tuple[str, ...]]:
        """Each row's industries, in the order first written (a tuple per row)."""
        sets, codes = self.extra["industry_sets"]
        return list(sets[codes].tolist())


# --- reading the file -------------------------------------------------------------------------------------------


def _normal_header(h: object) -> str:
    s = re.sub(r"[\s\-]+", "_", str(h or "").strip().lower().lstrip("\ufeff"))
    s = s.replace("(%)", "").replace("%", "").strip("_")
    return HEADER_ALIASES.get(s, s)


def _cell_text(value: object) -> str:
    if value is None or value is FORMULA_WITHOUT_VALUE:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return str(value)


# --- cell parsers (the slow path for cells that are not plain numbers) ------------------------------------------

def parse_count(text: object, money: bool = False) -> tuple[int | None, str]:
    """A whole number as people write it (the one number reader, guide/text/numbers.py): (value, '') or
    (None, code); an empty cell is (None, 'required')."""
    value, code = read_count(text, money=money)
    return (value, "") if value is not None else (None, code or "required")


parse_percent = read_percent
parse_decimal = read_decimal


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
    st = values  # text, already trimmed by validate_frame
    arr = _arrow(st)
    out = np.full(len(st), np.nan)
    size = pc.binary_length(arr)
    empty = _mask(pc.equal(size, 0))
    if kind == "percent":
        plain_a = pc.match_substring_regex(arr, r"^[0-9]{1,12}(?:\.[0-9]{1,6})?$")
    else:  # 1 to 12 ASCII digits
        plain_a = pc.and_(pc.ascii_is_decimal(arr), pc.less_equal(size, 12))
    plain = _mask(plain_a)
    if plain.any():
        out[plain] = pc.cast(pc.filter(arr, plain_a), pa.float64()).to_numpy(zero_copy_only=False)
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
            problems.append(problem(int(rows[i]), col, code or "not_number", field=col, value=text[:30]))
            valid[i] = False
        else:
            out[i] = value
    if kind == "percent":
        bad = plain & (out > 100)
        for i in np.flatnonzero(bad):
            problems.append(problem(int(rows[i]), col, "percent_range", field=col, value=str(st.iat[int(i)])[:30]))
            valid[i] = False
            out[i] = np.nan
    return out


def parse_roster(data: bytes, filename: str) -> ParsedRoster:
    """Read (the one tabular reader, guide/text/tabular.py) and validate a roster file. Raises RosterError
    only when the file as a whole is unusable."""
    table = read_table(data, filename, max_rows=MAX_ROWS)
    if table.fatal is not None:
        raise RosterError(table.fatal)
    for row, cells in table.rows:  # (the column-wise fast path has no formulas: it reads CSV only)
        for i, v in enumerate(cells[:len(table.header)]):
            if v is FORMULA_WITHOUT_VALUE:  # a formula whose result was never saved: nothing to read
                table.problems.append(_p(row, _normal_header(table.header[i]), "formula_no_value",
                                         cell=f"{column_letter(i)}{row}"))
    frame, rownums = table.frame()
    return validate_frame(table, frame, rownums)


def _map_unique(s: pd.Series, fn: Any) -> pd.Series:
    """Apply `fn` once per distinct value (rosters repeat platforms, kinds, industries and cities)."""
    codes, uniq = pd.factorize(s, use_na_sentinel=False)
    values = np.empty(len(uniq), dtype=object)
    values[:] = [fn(u) for u in uniq]
    return pd.Series(values[codes], index=s.index, dtype=object)




def _arrow(s: pd.Series) -> Any:
    """A text Series as Arrow strings (pandas' Arrow-backed strings pass without a copy)."""
    return pa.array(s.array)


def _mask(a: Any) -> np.ndarray:
    """An Arrow boolean result (no nulls) as a numpy bool array."""
    return np.asarray(a.to_numpy(zero_copy_only=False), dtype=bool)


def _trimmed(s: pd.Series) -> pd.Series:
    """Text cells without leading or trailing whitespace. A column whose every cell begins and ends with a
    printable ASCII character other than a space (the usual case) is already trimmed: it is checked by the first
    and last byte of each cell (the Arrow offsets and data), which is quicker than trimming it."""
    arr = _arrow(s)
    for chunk in arr.chunks if isinstance(arr, pa.ChunkedArray) else [arr]:
        bufs = chunk.buffers()
        if len(chunk) == 0 or bufs[2] is None:
            continue
        width = np.int64 if pa.types.is_large_string(chunk.type) else np.int32
        offsets = np.frombuffer(bufs[1], dtype=width)[chunk.offset:chunk.offset + len(chunk) + 1]
        data = np.frombuffer(bufs[2], dtype=np.uint8)
        start, end = offsets[:-1], offsets[1:]
        full = np.greater(end, start)
        edges = np.concatenate([data[start[full]], data[end[full] - 1]])
        if not ((edges > 0x20) & (edges < 0x7F)).all():
            return s.str.strip()
    return s


def _spread(values: Sequence[str], codes: np.ndarray) -> pd.Series:
    """One text per distinct value spread to every row by its factorize code, as a pandas string Series."""
    taken = pa.array(list(values), type=pa.string()).take(pa.array(codes))
    return pd.Series(taken, dtype=str)


def _clean_series(s: pd.Series) -> pd.Series:
    """Printable text on one line, at most MAX_TEXT characters (only cells that need it are rewritten). `s` is
    trimmed (validate_frame trims every cell)."""
    arr = _arrow(s)
    # Printable ASCII without a double space, within MAX_TEXT bytes, is clean as it is; the other cells (few in
    # practice) are checked in full.
    maybe = np.flatnonzero(_mask(pc.or_(pc.or_(pc.invert(pc.ascii_is_printable(arr)), pc.match_substring(arr, "  ")),
                                        pc.greater(pc.binary_length(arr), MAX_TEXT))))
    if not maybe.size:
        return s
    sub = arr.take(pa.array(maybe))
    ok = pc.and_(pc.and_(pc.utf8_is_printable(sub), pc.equal(sub, pc.utf8_trim_whitespace(sub))),
                 pc.and_(pc.invert(pc.match_substring(sub, "  ")), pc.less_equal(pc.utf8_length(sub), MAX_TEXT)))
    fix = maybe[~_mask(ok)]
    if not fix.size:
        return s
    out = s.to_numpy(dtype=object).copy()
    out[fix] = [_clean_text(str(v)) for v in out[fix]]
    return pd.Series(out, dtype=str)


def validate_frame(table: Table, frame: pd.DataFrame, rownums: np.ndarray) -> ParsedRoster:
    """Check every cell, column by column; frame row i is spreadsheet row rownums[i]. Problems name the
    user's own header for each column."""
    header = table.header
    header_row = table.header_row
    source = table.source
    canon = [_normal_header(h) for h in header]
    fields = [c if c in COLUMNS else "" for c in canon]
    problems: list[Problem] = list(table.problems) + header_problems(table, fields, area="tabular")
    index: dict[str, int] = {}
    for i, c in enumerate(canon):
        if not c:
            continue
        if c in COLUMNS:
            index.setdefault(c, i)
        else:
            problems.append(problem(header_row, str(header[i])[:40], "unknown_column", "warning"))
    missing = [c for c in REQUIRED if c not in index]
    if missing:
        raise RosterError(_p(header_row, missing[0], "missing_column",
                             columns=", ".join(missing), found=", ".join(str(h)[:30] for h in header[:12])))
    names = {c: table.column(i) for c, i in index.items()}

    # The columns used, every cell trimmed once (text Series, one per column: no frame is rebuilt).
    cells = {c: _trimmed(frame.iloc[:, i].fillna("").astype(str)).reset_index(drop=True) for c, i in index.items()}
    # Blank rows were left out (and reported) by the tabular reader; a row with data only in ignored columns
    # is no creator either.
    blank = np.ones(len(frame), dtype=bool)
    for s in cells.values():
        blank &= (s == "").to_numpy(dtype=bool)
    keep = np.flatnonzero(~blank)
    if keep.size < len(frame):
        cells = {c: s.iloc[keep].reset_index(drop=True) for c, s in cells.items()}
    rows = rownums[keep].astype(np.int64)
    n = len(rows)
    valid = np.ones(n, dtype=bool)
    if table.bad_rows:
        valid &= ~np.isin(rows, np.array(sorted(table.bad_rows), dtype=np.int64))

    def col(name: str) -> pd.Series:
        return cells[name] if name in cells else pd.Series([""] * n, dtype=str)

    def report(mask: np.ndarray, column: str, code: str, severity: Severity = "error",
               values: pd.Series | None = None, **params: object) -> None:
        for j in np.flatnonzero(mask):
            extra = {"value": str(values.iat[int(j)]).strip()[:30]} if values is not None else {}
            problems.append(_p(int(rows[j]), column, code, severity, **extra, **params))
        if severity == "error":
            valid[mask] = False

    names_s = _clean_series(col("name"))
    report((names_s == "").to_numpy(dtype=bool), "name", "required")

    # Platforms and kinds are read and checked once per distinct value, spread to the rows by factorize codes.
    raw_platform = col("platform")
    p_codes, p_uniq = pd.factorize(raw_platform, use_na_sentinel=False)
    p_words = [" ".join(str(v).strip().lower().split()) for v in p_uniq]
    p_names = [PLATFORM_ALIASES.get(w, w) for w in p_words]
    platform_s = _spread(p_names, p_codes)
    known_platform = np.array([v in PLATFORMS for v in p_names], dtype=bool)[p_codes]
    empty_platform = np.array([v == "" for v in p_names], dtype=bool)[p_codes]
    report(empty_platform, "platform", "required")
    report(~known_platform & ~empty_platform, "platform", "unknown_platform", values=raw_platform,
           allowed=", ".join(PLATFORMS))

    followers_f = _numbers(col("followers"), rows, "followers", "count", problems, valid, required=True)
    report(followers_f == 0, "followers", "zero_followers")
    followers = np.nan_to_num(followers_f, nan=0).astype(np.int64)

    raw_kind = col("kind")
    k_codes, k_uniq = pd.factorize(raw_kind, use_na_sentinel=False)
    k_names = ["influencer" if not str(v).strip() else KIND_ALIASES.get(str(v).strip().lower(), "") for v in k_uniq]
    report(np.array([v == "" for v in k_names], dtype=bool)[k_codes], "kind", "unknown_kind", values=raw_kind)
    k_labels = [v or "influencer" for v in k_names]
    kinds = np.array(k_labels, dtype=object)[k_codes]

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
    industries_key = _spread([";".join(v[0]) for v in parsed_u], codes)
    unknown_u = np.array([bool(v[1]) for v in parsed_u], dtype=bool)
    for j in np.flatnonzero(unknown_u[codes]):
        problems.append(_p(int(rows[j]), "industries", "unknown_industry", severity="warning",
                           value="; ".join(parsed_u[codes[j]][1])[:60], allowed=", ".join(INDUSTRIES)))

    handle_s = _clean_series(col("handle")).str.lstrip("@")
    # The same account twice: platform and lower-cased handle, each factorized, as one integer key.
    platform_code = pd.factorize(pd.Series(p_names, dtype=object), use_na_sentinel=False)[0][p_codes]
    handle_code, handle_uniq = pd.factorize(handle_s.str.lower().str.strip(), use_na_sentinel=False)
    key = platform_code.astype(np.int64) * (len(handle_uniq) + 1) + handle_code
    has = (handle_s != "").to_numpy(dtype=bool)
    dup = pd.Series(key).duplicated(keep=False).to_numpy(dtype=bool) & has
    if dup.any():
        first_seen: dict[int, int] = {}
        for j in np.flatnonzero(dup):
            k = int(key[j])
            if k in first_seen:
                problems.append(_p(int(rows[j]), "handle", "duplicate_handle", handle="@" + str(handle_s.iat[int(j)]),
                                   first=first_seen[k]))
                valid[j] = False
            else:
                first_seen[k] = int(rows[j])

    cities = _clean_series(col("city"))
    expertise_s = _clean_series(col("expertise"))
    report(np.array([v == "kol" for v in k_labels], dtype=bool)[k_codes] & (expertise_s == "").to_numpy(dtype=bool),
           "expertise", "kol_without_expertise",
           severity="warning")

    problems = [dc_replace(p, column=names.get(p.column, p.column)) if p.field and p.column == p.field else p
                for p in problems]
    order = {c: i for i, c in enumerate(COLUMNS)}
    problems.sort(key=lambda p: (p.row, order.get(p.field, -1)))
    if len(problems) > MAX_PROBLEMS:
        more = len(problems) - MAX_PROBLEMS
        problems = [*problems[:MAX_PROBLEMS], _p(0, "", "more_problems", severity="warning", n=more)]
    return ParsedRoster(rows=rows, followers=followers, engagement_rate=er, avg_engagements=avg, fee_idr=fee,
                        valid=valid, problems=tuple(problems), source=source,
                        extra={"name": names_s, "handle": handle_s, "platform": platform_s, "kind": kinds,
                               "kind_codes": (k_labels, k_codes), "city": cities, "expertise": expertise_s,
                               "industries": industries_key, "industry_sets": (picked, codes)})


# --- derived columns --------------------------------------------------------------------------------------------


def tier_of(followers: np.ndarray, figures: Figures) -> np.ndarray:
    """Influencer tier by the figures' lower follower bounds (below micro's lower bound: nano)."""
    out: np.ndarray = np.array(TIERS, dtype=object)[_tier_index(followers, figures)]
    return out


def _tier_index(followers: np.ndarray, figures: Figures) -> np.ndarray:
    bounds = np.array([figures.kinds[k].followers_low for k in TIERS[1:]], dtype=np.int64)
    out: np.ndarray = np.searchsorted(bounds, followers, side="right")
    return out


def _labels(names: Sequence[str], codes: np.ndarray) -> np.ndarray:
    """Short codes as an object array of Python strings, taken from `names` by index (numpy fills an object
    array with one value many times slower)."""
    out: np.ndarray = np.array(names, dtype=object)[codes]
    return out


def _interp_fee(followers: np.ndarray, lo_f: int, hi_f: int, lo_r: int, hi_r: int) -> np.ndarray:
    """A fee from the rate band by position in the follower band, both on log scales (rounded to Rp 1.000)."""
    f = np.maximum(followers.astype(float), 1.0)
    span = math.log(hi_f / lo_f) if hi_f > lo_f else math.log(10.0)  # open-ended tier: one decade
    pos = np.clip(np.log(f / lo_f) / span, 0.0, 1.0)
    fee = lo_r * np.exp(pos * math.log(hi_r / lo_r)) if hi_r > lo_r else np.full(len(f), float(lo_r))
    return np.round(fee / 1000.0) * 1000.0


ER_BASES = ("given", "derived", "assumed")
AUTH_LABELS = ("ok", "low", "high", "unchecked")


def derive(parsed: ParsedRoster, figures: Figures, brief: CampaignBrief | None = None,
           city: str | None = None) -> pd.DataFrame:
    """One row per roster row with the derived columns (see the module docstring). Pure and vectorised: the
    line kind, rate basis and authenticity are small integer codes until the output takes their labels."""
    n = len(parsed)
    followers = parsed.followers
    ex = parsed.extra
    kind = ex["kind"]
    tier_idx = _tier_index(followers, figures) if n else np.zeros(0, dtype=np.int64)
    tier = _labels(TIERS, tier_idx)
    # The line kind as an index into KINDS: the tier for an influencer, else the creator's own kind.
    kind_pos = {k: i for i, k in enumerate(KINDS)}
    line_code = np.array([kind_pos[x] for x in TIERS], dtype=np.int64)[tier_idx]
    k_labels, k_codes = ex["kind_codes"]  # each row's kind as a code into its distinct labels
    for j, k in enumerate(k_labels):
        if k != "influencer":
            line_code[k_codes == j] = kind_pos[k]
    line_kind = _labels(KINDS, line_code)
    present = [KINDS[i] for i in np.flatnonzero(np.bincount(line_code, minlength=len(KINDS)))]

    def per_kind(attr: str) -> np.ndarray:
        """A figure of each row's line kind (the kinds present only are looked up)."""
        table = np.zeros(len(KINDS))
        for k in present:
            table[kind_pos[k]] = float(getattr(figures.kinds[k], attr))
        out: np.ndarray = table[line_code]
        return out

    er = parsed.engagement_rate.copy()
    basis = np.zeros(n, dtype=np.int8)
    from_avg = np.isnan(er) & ~np.isnan(parsed.avg_engagements) & (followers > 0)
    er[from_avg] = parsed.avg_engagements[from_avg] / followers[from_avg] * 100
    basis[from_avg] = 1
    assumed = np.isnan(er)
    band_low = per_kind("er_low")
    band_high = per_kind("er_high")
    er[assumed] = (band_low[assumed] + band_high[assumed]) / 2
    basis[assumed] = 2

    fee = parsed.fee_idr.copy()
    estimated = np.isnan(fee)
    for code in np.flatnonzero(np.bincount(line_code[estimated], minlength=len(KINDS))):
        k = KINDS[int(code)]
        sel = estimated & (line_code == code)
        kf = figures.kinds[k]
        if k == "koc":
            _low, mid, _high = figures.unit_band("koc", brief) if brief else (kf.rate_low, kf.rate_mid, kf.rate_high)
            fee[sel] = mid
        else:
            fee[sel] = _interp_fee(followers[sel], kf.followers_low, kf.followers_high, kf.rate_low, kf.rate_high)

    platform = ex["platform"]
    checkable = ~assumed & platform.isin(list(AUTH_PLATFORMS)).to_numpy(dtype=bool)
    low_thr = band_low * LOW_FACTOR
    high_thr = np.maximum(band_high * HIGH_FACTOR, HIGH_FLOOR_PCT)
    auth = np.zeros(n, dtype=np.int8)
    auth[checkable & (er < low_thr)] = 1
    auth[checkable & (er > high_thr)] = 2
    auth[~checkable] = 3

    # The plan's figures (guide/advice/planner.py `unit()`): reach = followers × the kind's reach rate per post
    # (middle of its band; the top of the band raised by the short-video factor on TikTok) × completion.
    c = figures.completion_factor.value
    video = figures.video_reach_factor.value
    reach_lo = per_kind("reach_low")
    reach_hi = per_kind("reach_high")
    on_video = (platform == "tiktok").to_numpy(dtype=bool)
    reach_rate = (reach_lo + reach_hi * np.where(on_video, video, 1.0)) / 2
    reach = np.floor(followers * reach_rate / 100 * c)
    engagements = np.floor(followers * er / 100 * c)

    if brief is not None and brief.platforms:
        platform_fit = platform.isin(list(brief.platforms)).to_numpy(dtype=bool)
    else:
        platform_fit = np.ones(n, dtype=bool)
    ind_key = ex["industries"]
    if brief is not None:
        ind = brief.industry
        industry_fit = _map_unique(ind_key, lambda x: "yes" if ind in str(x).split(";") else (
            "unknown" if not x else "no")).to_numpy()
    else:
        industry_fit = _labels(("unknown",), np.zeros(n, dtype=np.int8))
    # The page's or the CLI's city when given, else the brief's region (a metro area expands to its cities).
    region = region_of(city) if city and city.strip() else region_of(brief.region if brief is not None else None)
    city_col = ex["city"]
    no_filter = _labels(("any",), np.zeros(n, dtype=np.int8))
    if region is not None:
        city_fit = _map_unique(city_col, lambda x: "yes" if region.matches(x) else (
            "unknown" if not x else "no")).to_numpy()
        if not (city and city.strip()) and region.key is None and not (city_fit == "yes").any():
            # The brief's region names no metro area and no city of this roster (e.g. "Jawa Barat"): no filter
            # (the shortlist says so) rather than leaving every creator out.
            city_fit = no_filter
    else:
        city_fit = no_filter
    # A KOL's expertise against the brief's industry (data/expertise.yaml), and doctors (MKEK fatwa 022/2020).
    exp_col = ex["expertise"]
    industry = brief.industry if brief is not None and brief.industry != "other" else None
    e_codes, e_uniq = pd.factorize(exp_col, use_na_sentinel=False)  # each distinct expertise read once
    e_fit = ["any" if industry is None else "unknown" if not x else (
        "yes" if industry in expertise_profile(x)[0] else "no") for x in e_uniq]
    expertise_fit = _labels(e_fit, e_codes)
    doctor = np.array([bool(x) and expertise_profile(x)[1] for x in e_uniq], dtype=bool)[e_codes]
    mkek = doctor & (industry is not None and mkek_applies(industry))

    def labels(a: np.ndarray) -> pd.Series:
        """A column of short codes kept as Python strings: pandas need not scan 100,000 cells to type it."""
        return pd.Series(a, dtype=object)

    # The arrays below are made here (the parsed roster's own are copied), so the frame takes them as they are
    # instead of copying every column once more; the text Series are shared copy-on-write.
    return pd.DataFrame({
        "row": parsed.rows.copy(), "name": ex["name"], "handle": ex["handle"], "platform": platform,
        "followers": followers.copy(), "kind": labels(kind), "tier": labels(tier), "line_kind": labels(line_kind),
        "engagement_rate": np.round(er, 3), "er_basis": labels(_labels(ER_BASES, basis)),
        "fee_idr": np.round(fee).astype(np.int64) if n else np.zeros(0, dtype=np.int64),
        "fee_estimated": estimated,
        "authenticity": labels(_labels(AUTH_LABELS, auth)), "industries": ind_key,
        "city": city_col, "expertise": exp_col,
        "platform_fit": platform_fit, "industry_fit": labels(industry_fit), "city_fit": labels(city_fit),
        "expertise_fit": labels(expertise_fit), "doctor": doctor, "mkek": mkek,
        "expected_reach": reach.astype(np.int64) if n else np.zeros(0, dtype=np.int64),
        "expected_engagements": engagements.astype(np.int64) if n else np.zeros(0, dtype=np.int64),
        "valid": parsed.valid.copy(),
    }, copy=False)


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
    """The upload template as a workbook, through the one sheet writer (guide/output/xlsx.py)."""
    from guide.output.xlsx import new_workbook, to_bytes, write_table

    lg = "en" if lang == "en" else "id"
    rows: list[list[object]] = []
    for r in _TEMPLATE_ROWS[lg]:
        vals: list[object] = []
        for c, v in zip(COLUMNS, r, strict=True):
            if c in ("followers", "fee_idr", "avg_engagements") and v:
                vals.append(int(re.sub(r"\D", "", v)))
            elif c == "engagement_rate" and v:
                vals.append(float(v.replace(",", ".")))
            else:
                vals.append(v)
        rows.append(vals)
    wb = new_workbook()
    write_table(wb, "roster", list(TEMPLATE_HEADERS[lg]), rows)
    return to_bytes(wb)


def problems_table(problems: Iterable[Problem], lang: str) -> list[dict[str, object]]:
    """Rows for a table of problems: row, column (as the user's file names it), severity and message."""
    return [p.as_dict(lang) for p in problems]


def line_kind_label(k: Kind, lang: str) -> str:
    return t(lang, f"kind.{k}")


SAMPLE_ROSTER = DATA_DIR / "sample_roster.csv"


def sample_roster() -> ParsedRoster:
    """The shipped roster of 300 fictional creators (parsed once per process; immutable use only)."""
    return _sample()


@lru_cache(maxsize=1)
def _sample() -> ParsedRoster:
    return parse_roster(SAMPLE_ROSTER.read_bytes(), SAMPLE_ROSTER.name)
