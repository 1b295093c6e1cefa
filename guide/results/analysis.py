"""After the campaign: read a results file (one row per post), compute the metrics, compare with the plan.

Pure: no streamlit. A results file is a CSV or an .xlsx workbook; every bad cell becomes a `RowProblem` with
its spreadsheet row (the header is row 1), its column and a message in the user's language, and a row with a
problem is left out of the figures (and counted as such), never dropped silently.
"""

from __future__ import annotations

import csv
import io
import math
import re
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any, Literal

from guide.advice.knowledge import DATA_DIR, Figures, knowledge
from guide.advice.models import KINDS, PLATFORMS, CampaignBrief, Goal, Kind, Platform, Recommendation
from guide.text.i18n import fmt_idr, fmt_pct, t
from guide.text.numbers import read_count
from guide.text.problems import Problem, problem
from guide.text.tabular import FORMULA_WITHOUT_VALUE, UPLOAD_MB, Table, header_problems, read_table

MAX_BYTES = UPLOAD_MB * 1024 * 1024  # the one upload limit (guide/text/tabular.py)
MAX_ROWS = 5_000  # posts (data rows, header not counted)
MAX_XLSX_UNZIPPED = 40 * 1024 * 1024  # what the workbook's parts may expand to
MAX_COLUMNS = 40
MAX_TEXT_CHARS = 80
MAX_AMOUNT = 1_000_000_000_000  # Rp 1 triliun, also the ceiling for counts

REQUIRED: tuple[str, ...] = ("creator", "kind", "platform", "cost_idr")
OPTIONAL: tuple[str, ...] = ("post_date", "followers", "impressions", "reach", "likes", "comments", "shares",
                             "saves", "clicks", "conversions", "revenue_idr")
COLUMNS: tuple[str, ...] = REQUIRED + OPTIONAL
COUNT_COLUMNS: tuple[str, ...] = ("followers", "impressions", "reach", "likes", "comments", "shares", "saves",
                                  "clicks", "conversions")
MONEY_COLUMNS: tuple[str, ...] = ("cost_idr", "revenue_idr")
ENGAGEMENT_PARTS: tuple[str, ...] = ("likes", "comments", "shares", "saves")

# Column names of the Indonesian template (both are accepted in either language).
HEADERS_ID: dict[str, str] = {
    "creator": "kreator", "kind": "jenis", "platform": "platform", "cost_idr": "biaya_idr",
    "post_date": "tanggal_posting", "followers": "pengikut", "impressions": "impresi", "reach": "jangkauan",
    "likes": "suka", "comments": "komentar", "shares": "bagikan", "saves": "simpan", "clicks": "klik",
    "conversions": "konversi", "revenue_idr": "pendapatan_idr",
}
_HEADER_ALIASES: dict[str, str] = {**{c: c for c in COLUMNS}, **{v: k for k, v in HEADERS_ID.items()}}
_KIND_ALIASES: dict[str, Kind] = {
    **{k: k for k in KINDS}, "mikro": "micro", "menengah": "mid", "makro": "macro", "selebriti": "mega",
    "celebrity": "mega", "pakar": "kol", "ahli": "kol", "konsumen": "koc",
}
_PLATFORM_ALIASES: dict[str, Platform] = {
    **{p: p for p in PLATFORMS}, "ig": "instagram", "tt": "tiktok", "yt": "youtube", "fb": "facebook",
    "twitter": "x",
}

# The brief the fictional sample results were made for (a food brand's product launch, Rp 20 jt, 6 weeks):
# the plan is micro-influencers in weeks 1–3, then KOCs with the product in weeks 4–6.
SAMPLE_BRIEF = CampaignBrief(
    goal="launch", secondary_goal="testimonials", budget_idr=20_000_000, audience="niche", industry="food",
    platforms=("instagram", "tiktok"), duration_weeks=6, product_value_idr=150_000,
    name="Sambal contoh (fiktif)",
)
SAMPLE_FILE = DATA_DIR / "sample_results.csv"

Metric = Literal["cpm_idr", "cpe_idr", "cpc_idr", "cost_per_conversion_idr", "roas"]
Status = Literal["keep", "review", "drop"]
Band = Literal["below", "within", "above", "unknown"]


# ---- problems ----------------------------------------------------------------------------------------------

# The one problem type (guide/text/problems.py); results messages live under results.problem.<code>, the
# reader's and the number reader's under tabular.problem.<code>.
RowProblem = Problem


def _p(row: int, column: str, code: str, *, field: str = "", area: str = "results", **params: Any) -> Problem:
    return problem(row, column, code, field=field or column, area=area, **params)


# ---- posts ------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Post:
    row: int
    creator: str
    kind: Kind
    platform: Platform
    cost_idr: int
    post_date: date | None = None
    followers: int | None = None
    impressions: int | None = None
    reach: int | None = None
    likes: int | None = None
    comments: int | None = None
    shares: int | None = None
    saves: int | None = None
    clicks: int | None = None
    conversions: int | None = None
    revenue_idr: int | None = None

    @property
    def engagements(self) -> int | None:
        """likes + comments + shares + saves; a missing part counts 0; None when all four are missing."""
        parts = [getattr(self, c) for c in ENGAGEMENT_PARTS]
        if all(p is None for p in parts):
            return None
        return sum(p or 0 for p in parts)


@dataclass(frozen=True)
class ResultsFile:
    posts: tuple[Post, ...]
    problems: tuple[RowProblem, ...]
    rows_read: int  # data rows that had any content
    rows_left_out: int  # of those, rows not counted because of a problem

    @property
    def ok(self) -> bool:
        return not self.problems


def _cell_text(v: object) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v).strip()


def _parse_whole(raw: object, money: bool) -> int | str:
    """A whole non-negative number (the one number reader, guide/text/numbers.py), or the problem's code."""
    value, code = read_count(raw, money=money, maximum=MAX_AMOUNT)
    if value is None:
        return code or "not_number"
    return value


def _parse_date(raw: object) -> date | str:
    if isinstance(raw, datetime):
        return raw.date()
    if isinstance(raw, date):
        return raw
    s = str(raw).strip()
    m = re.match(r"^(\d{4})-(\d{1,2})-(\d{1,2})$", s)
    n = re.match(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$", s)
    try:
        if m:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if n:  # Indonesian order: day/month/year
            return date(int(n.group(3)), int(n.group(2)), int(n.group(1)))
    except ValueError:
        return "bad_date"
    return "bad_date"


def _header(table: Table) -> tuple[dict[int, str], list[Problem]]:
    """Column index -> field; unknown, blank and duplicate headers reported by the user's own names."""
    fields = [_HEADER_ALIASES.get("_".join(h.lower().replace("-", " ").split()), "") for h in table.header]
    problems = header_problems(table, fields, area="tabular")
    index: dict[int, str] = {}
    seen: set[str] = set()
    for i, (raw, col) in enumerate(zip(table.header, fields, strict=True)):
        if not raw:
            continue
        if not col:
            problems.append(_p(table.header_row, raw[:40], "unknown_column", field="", area="tabular",
                               severity="warning"))
            continue
        if col not in seen:
            seen.add(col)
            index[i] = col
    for col in REQUIRED:
        if col not in seen:
            problems.append(_p(table.header_row, col, "missing_column"))
    return index, problems


def _row(rownum: int, cells: Sequence[object], index: dict[int, str],
         names: dict[str, str]) -> tuple[Post | None, list[Problem]]:
    values: dict[str, object] = {}
    problems: list[Problem] = []

    def bad(col: str, code: str, area: str = "results", **params: object) -> None:
        problems.append(_p(rownum, names.get(col, col), code, field=col, area=area, **params))

    for i, col in index.items():
        v = cells[i] if i < len(cells) else None
        if v is FORMULA_WITHOUT_VALUE:
            bad(col, "formula_no_value")
            continue
        if v is None or (isinstance(v, str) and not v.strip()):
            continue
        values[col] = v
    for col in REQUIRED:
        if col not in values and not any(p.field == col for p in problems):
            bad(col, "required")
    out: dict[str, Any] = {}
    if "creator" in values:
        name = "".join(ch for ch in _cell_text(values["creator"]) if ch.isprintable()).strip()
        if len(name) > MAX_TEXT_CHARS:
            bad("creator", "too_long", max=MAX_TEXT_CHARS)
        elif not name:
            bad("creator", "required")
        else:
            out["creator"] = name
    if "kind" in values:
        kind = _KIND_ALIASES.get(_cell_text(values["kind"]).lower().replace("-influencer", ""))
        if kind is None:
            bad("kind", "bad_kind", value=_cell_text(values["kind"])[:30], choices=", ".join(KINDS))
        else:
            out["kind"] = kind
    if "platform" in values:
        platform = _PLATFORM_ALIASES.get(_cell_text(values["platform"]).lower())
        if platform is None:
            bad("platform", "bad_platform", value=_cell_text(values["platform"])[:30], choices=", ".join(PLATFORMS))
        else:
            out["platform"] = platform
    for col in MONEY_COLUMNS + COUNT_COLUMNS:
        if col in values:
            parsed = _parse_whole(values[col], money=col in MONEY_COLUMNS)
            if isinstance(parsed, str):
                bad(col, parsed, area="tabular", value=_cell_text(values[col])[:30])
            else:
                out[col] = parsed
    if "post_date" in values:
        d = _parse_date(values["post_date"])
        if isinstance(d, str):
            bad("post_date", d, value=_cell_text(values["post_date"])[:30])
        elif not date(2000, 1, 1) <= d <= date(2100, 12, 31):
            bad("post_date", "bad_date", value=d.isoformat())
        else:
            out["post_date"] = d
    if "reach" in out and "impressions" in out and out["reach"] > out["impressions"]:
        bad("reach", "reach_over_impressions")
    if problems:
        return None, problems
    return Post(row=rownum, **out), []


def _parse_table(table: Table) -> ResultsFile:
    if table.fatal is not None:
        fatal = table.fatal
        if fatal.code == "too_big":
            return ResultsFile((), (_p(0, "", "too_large", max_mb=UPLOAD_MB),), 0, 0)
        if fatal.code == "empty_file":
            return ResultsFile((), (_p(0, "", "empty"),), 0, 0)
        return ResultsFile((), (fatal,), 0, 0)
    if not any(table.header):
        return ResultsFile((), (_p(0, "", "empty"),), 0, 0)
    index, problems = _header(table)
    problems = [*table.problems, *problems]
    if any(p.code == "missing_column" for p in problems):
        return ResultsFile((), tuple(problems), 0, 0)
    names = {col: table.column(i) for i, col in index.items()}
    posts: list[Post] = []
    read = left_out = 0
    rows = table.row_list()
    for n, cells in rows:
        read += 1
        if n in table.bad_rows:
            left_out += 1
            continue
        post, bad = _row(n, cells, index, names)
        if post is None:
            left_out += 1
            problems.extend(bad)
        else:
            posts.append(post)
    left_out += sum(1 for r in table.bad_rows if r not in {n for n, _ in rows})
    if read == 0 and not table.bad_rows:
        problems.append(_p(0, "", "no_rows"))
    problems.sort(key=lambda p: p.row)
    return ResultsFile(tuple(posts), tuple(problems), read + len(table.bad_rows - {n for n, _ in rows}),
                       left_out)


def parse_csv(data: bytes) -> ResultsFile:
    return parse_results(data, "results.csv")


def parse_xlsx(data: bytes) -> ResultsFile:
    """The first sheet of a workbook, streamed by the one tabular reader. Cached values only: formulas are never
    evaluated, and a formula cell with no cached value is refused on its row."""
    return parse_results(data, "results.xlsx")


def parse_results(data: bytes, filename: str) -> ResultsFile:
    """A results file (.csv, .txt or .xlsx) through the one tabular reader (guide/text/tabular.py)."""
    name = filename.lower()
    if not name.endswith((".xlsx", ".csv", ".txt", ".tsv")) and data[:4] != b"PK\x03\x04":
        return ResultsFile((), (_p(0, "", "bad_extension"),), 0, 0)
    return _parse_table(read_table(data, filename, max_rows=MAX_ROWS))


# ---- metrics ----------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Sums:
    """Additive sums over a set of posts; each metric's numerator and denominator are summed over the posts
    that report its denominator, so a post without impressions never makes CPM look cheaper."""

    posts: int = 0
    cost_idr: int = 0
    impressions: int = 0
    reach: int = 0
    followers: int = 0
    engagements: int = 0
    clicks: int = 0
    conversions: int = 0
    revenue_idr: int = 0
    cost_with_impressions: int = 0
    cost_with_engagements: int = 0
    cost_with_clicks: int = 0
    cost_with_conversions: int = 0
    cost_with_revenue: int = 0
    revenue_posts: int = 0
    conversion_posts: int = 0
    eng_with_reach: int = 0
    reach_with_eng: int = 0
    eng_with_followers: int = 0
    followers_with_eng: int = 0
    creators: frozenset[str] = field(default_factory=frozenset)

    def __add__(self, o: Sums) -> Sums:
        vals = {f: getattr(self, f) + getattr(o, f) for f in _ADDITIVE}
        return Sums(**vals, creators=self.creators | o.creators)

    @staticmethod
    def of(p: Post) -> Sums:
        e = p.engagements
        return Sums(
            posts=1, cost_idr=p.cost_idr, impressions=p.impressions or 0, reach=p.reach or 0,
            followers=p.followers or 0, engagements=e or 0, clicks=p.clicks or 0,
            conversions=p.conversions or 0, revenue_idr=p.revenue_idr or 0,
            cost_with_impressions=p.cost_idr if p.impressions is not None else 0,
            cost_with_engagements=p.cost_idr if e is not None else 0,
            cost_with_clicks=p.cost_idr if p.clicks is not None else 0,
            cost_with_conversions=p.cost_idr if p.conversions is not None else 0,
            cost_with_revenue=p.cost_idr if p.revenue_idr is not None else 0,
            revenue_posts=1 if p.revenue_idr is not None else 0,
            conversion_posts=1 if p.conversions is not None else 0,
            eng_with_reach=e if e is not None and p.reach is not None else 0,
            reach_with_eng=p.reach if e is not None and p.reach is not None else 0,
            eng_with_followers=e if e is not None and p.followers is not None else 0,
            followers_with_eng=p.followers if e is not None and p.followers is not None else 0,
            creators=frozenset([p.creator]),
        )


_ADDITIVE = tuple(f for f in Sums.__dataclass_fields__ if f != "creators")


def _ratio(num: float, den: float, scale: float = 1.0) -> float | None:
    """num / den × scale; None when the denominator is zero (no data): never ∞."""
    if den <= 0:
        return None
    return num * scale / den


@dataclass(frozen=True)
class Metrics:
    posts: int
    creators: int
    cost_idr: int
    impressions: int
    reach: int
    engagements: int
    clicks: int
    conversions: int
    revenue_idr: int
    cpm_idr: float | None
    cpe_idr: float | None
    cpc_idr: float | None
    cost_per_conversion_idr: float | None
    roas: float | None
    er_reach_pct: float | None
    er_followers_pct: float | None
    revenue_posts: int = 0  # posts that report revenue: ROAS covers only these (revenue ÷ their cost)
    conversion_posts: int = 0  # posts that report conversions: cost per conversion covers only these

    @property
    def er_pct(self) -> float | None:
        """The headline engagement rate: by reach where reach is given, otherwise by followers."""
        return self.er_reach_pct if self.er_reach_pct is not None else self.er_followers_pct

    @property
    def er_basis(self) -> Literal["reach", "followers"] | None:
        if self.er_reach_pct is not None:
            return "reach"
        return "followers" if self.er_followers_pct is not None else None

    def as_json(self) -> dict[str, int | float | str | None]:
        """The CLI's keys; money rounded to whole rupiah, ROAS to two decimals."""
        def idr(x: float | None) -> int | None:
            return None if x is None else round(x)

        return {
            "posts": self.posts, "creators": self.creators,
            "cost_idr": self.cost_idr, "impressions": self.impressions, "reach": self.reach,
            "engagements": self.engagements, "clicks": self.clicks, "conversions": self.conversions,
            "revenue_idr": self.revenue_idr,
            "cpm_idr": idr(self.cpm_idr), "cpe_idr": idr(self.cpe_idr), "cpc_idr": idr(self.cpc_idr),
            "cost_per_conversion_idr": idr(self.cost_per_conversion_idr),
            "roas": None if self.roas is None else round(self.roas, 2),
            "roas_posts": self.revenue_posts, "cost_per_conversion_posts": self.conversion_posts,
            "reach_basis": "summed-per-post",
            "engagement_rate_pct": None if self.er_pct is None else round(self.er_pct, 2),
            "engagement_rate_basis": self.er_basis,
        }


def metrics(s: Sums) -> Metrics:
    """Every metric from the sums. The formulas, once (shown on the page from results.formula.*):
    engagements = likes + comments + shares + saves; CPM = cost / impressions × 1,000; CPE = cost /
    engagements; CPC = cost / clicks; cost per conversion = cost / conversions; ROAS = revenue / cost;
    engagement rate = engagements / reach × 100 (or / followers × 100 when no post reports reach)."""
    return Metrics(
        posts=s.posts, creators=len(s.creators), cost_idr=s.cost_idr, impressions=s.impressions, reach=s.reach,
        engagements=s.engagements, clicks=s.clicks, conversions=s.conversions, revenue_idr=s.revenue_idr,
        cpm_idr=_ratio(s.cost_with_impressions, s.impressions, 1000),
        cpe_idr=_ratio(s.cost_with_engagements, s.engagements),
        cpc_idr=_ratio(s.cost_with_clicks, s.clicks),
        cost_per_conversion_idr=_ratio(s.cost_with_conversions, s.conversions),
        roas=_ratio(s.revenue_idr, s.cost_with_revenue) if s.revenue_posts else None,
        er_reach_pct=_ratio(s.eng_with_reach, s.reach_with_eng, 100),
        er_followers_pct=_ratio(s.eng_with_followers, s.followers_with_eng, 100),
        revenue_posts=s.revenue_posts, conversion_posts=s.conversion_posts,
    )


FORMULAS: tuple[str, ...] = ("engagements", "er", "cpm", "cpe", "cpc", "cpa", "roas")
NO_VALUE = "—"


def show_idr(x: float | None, lang: str) -> str:
    """A money metric for people: whole rupiah, or '—' when its denominator was missing or zero."""
    return NO_VALUE if x is None or not math.isfinite(x) else fmt_idr(round(x), lang)


def show_pct(x: float | None, lang: str) -> str:
    return NO_VALUE if x is None or not math.isfinite(x) else fmt_pct(x, lang, 2)


def show_ratio(x: float | None, lang: str) -> str:
    """ROAS as '3,2×' / '3.2×'."""
    if x is None or not math.isfinite(x):
        return NO_VALUE
    s = f"{x:.2f}"
    return (s.replace(".", ",") if lang == "id" else s) + "×"


def sums_by(posts: Iterable[Post], key: str) -> dict[str, Sums]:
    groups: dict[str, list[Post]] = {}
    for p in posts:
        groups.setdefault(str(getattr(p, key)), []).append(p)
    return {k: total_sums(v) for k, v in groups.items()}


def total_sums(posts: Iterable[Post]) -> Sums:
    """The sums of many posts in one pass: the same as adding `Sums.of` of each post (tested), without
    building an object per post (a 5,000-row file is summed four times: totals, kind, platform, creator)."""
    n = cost = imp = reach = fol = eng = clicks = conv = rev = 0
    c_imp = c_eng = c_clk = c_conv = c_rev = rev_posts = conv_posts = e_r = r_e = e_f = f_e = 0
    names: set[str] = set()
    for p in posts:
        n += 1
        cost += p.cost_idr
        names.add(p.creator)
        if p.impressions is not None:
            imp += p.impressions
            c_imp += p.cost_idr
        if p.reach is not None:
            reach += p.reach
        if p.followers is not None:
            fol += p.followers
        e = p.engagements
        if e is not None:
            eng += e
            c_eng += p.cost_idr
            if p.reach is not None:
                e_r += e
                r_e += p.reach
            if p.followers is not None:
                e_f += e
                f_e += p.followers
        if p.clicks is not None:
            clicks += p.clicks
            c_clk += p.cost_idr
        if p.conversions is not None:
            conv += p.conversions
            c_conv += p.cost_idr
            conv_posts += 1
        if p.revenue_idr is not None:
            rev += p.revenue_idr
            c_rev += p.cost_idr
            rev_posts += 1
    return Sums(posts=n, cost_idr=cost, impressions=imp, reach=reach, followers=fol, engagements=eng, clicks=clicks,
                conversions=conv, revenue_idr=rev, cost_with_impressions=c_imp, cost_with_engagements=c_eng,
                cost_with_clicks=c_clk, cost_with_conversions=c_conv, cost_with_revenue=c_rev, revenue_posts=rev_posts,
                conversion_posts=conv_posts,
                eng_with_reach=e_r, reach_with_eng=r_e, eng_with_followers=e_f, followers_with_eng=f_e,
                creators=frozenset(names))


# ---- against the plan and the benchmarks -----------------------------------------------------------------

def _band(actual: float | None, low: float, high: float) -> Band:
    if actual is None:
        return "unknown"
    if actual < low:
        return "below"
    return "above" if actual > high else "within"


@dataclass(frozen=True)
class LineVsPlan:
    kind: Kind
    phase: int | None  # None: a kind the plan did not have
    start_week: int | None
    end_week: int | None
    planned_count: int
    planned_cost_idr: int
    planned_reach: tuple[int, int]  # unique accounts (the plan's overlap discounted)
    planned_engagements: tuple[int, int]
    creators: int
    posts: int
    cost_idr: int
    reach: int | None
    engagements: int | None
    reach_band: Band  # the actual reach (summed per post) against planned_reach_summed: like with like
    engagements_band: Band
    planned_reach_summed: tuple[int, int] = (0, 0)  # reach per post × creators, no overlap discount

    def as_json(self) -> dict[str, object]:
        return {
            "kind": self.kind, "phase": self.phase, "weeks": [self.start_week, self.end_week],
            "planned": {"count": self.planned_count, "cost_idr": self.planned_cost_idr,
                        "reach": list(self.planned_reach), "reach_basis": "unique-accounts",
                        "reach_summed": list(self.planned_reach_summed), "engagements": list(self.planned_engagements)},
            "actual": {"creators": self.creators, "posts": self.posts, "cost_idr": self.cost_idr,
                       "reach": self.reach, "reach_basis": "summed-per-post", "engagements": self.engagements},
            "reach_vs_plan": self.reach_band, "engagements_vs_plan": self.engagements_band,
        }


def vs_plan(posts: Sequence[Post], rec: Recommendation) -> tuple[LineVsPlan, ...]:
    """Planned vs actual per plan line (matched by kind), then any kind the plan did not have. Results reach is
    summed per post, so it is compared with the plan's reach per post × creators (planner `unit()`), not with
    the plan's unique accounts (shown beside it)."""
    from guide.advice.planner import unit

    fig = knowledge().figures
    by_kind: dict[Kind, list[Post]] = {}
    for p in posts:
        by_kind.setdefault(p.kind, []).append(p)
    out: list[LineVsPlan] = []
    planned_kinds: set[Kind] = set()
    for ln in rec.plan:
        if ln.kind in planned_kinds:
            continue
        planned_kinds.add(ln.kind)
        mine = by_kind.get(ln.kind, [])
        reach = _sum_opt(p.reach for p in mine)
        eng = _sum_opt(p.engagements for p in mine)
        u = unit(fig, ln.kind, rec.brief)
        summed = (int(u.reach_low * ln.count), int(u.reach_high * ln.count))
        out.append(LineVsPlan(
            kind=ln.kind, phase=ln.phase, start_week=ln.start_week, end_week=ln.end_week,
            planned_count=ln.count, planned_cost_idr=ln.cost_idr,
            planned_reach=(ln.reach.low, ln.reach.high), planned_engagements=(ln.engagements.low, ln.engagements.high),
            creators=len({p.creator for p in mine}), posts=len(mine), cost_idr=sum(p.cost_idr for p in mine),
            reach=reach, engagements=eng,
            reach_band=_band(reach, *summed) if mine else "below",
            engagements_band=_band(eng, ln.engagements.low, ln.engagements.high) if mine else "below",
            planned_reach_summed=summed,
        ))
    for kind in KINDS:
        if kind in planned_kinds or kind not in by_kind:
            continue
        mine = by_kind[kind]
        out.append(LineVsPlan(
            kind=kind, phase=None, start_week=None, end_week=None, planned_count=0, planned_cost_idr=0,
            planned_reach=(0, 0), planned_engagements=(0, 0), creators=len({p.creator for p in mine}),
            posts=len(mine), cost_idr=sum(p.cost_idr for p in mine), reach=_sum_opt(p.reach for p in mine),
            engagements=_sum_opt(p.engagements for p in mine), reach_band="unknown", engagements_band="unknown",
        ))
    return tuple(out)


def _sum_opt(values: Iterable[int | None]) -> int | None:
    vals = [v for v in values if v is not None]
    return sum(vals) if vals else None


GOAL_METRIC: dict[Goal, Metric] = {
    "awareness": "cpm_idr", "launch": "cpm_idr",
    "engagement": "cpe_idr", "credibility": "cpe_idr", "testimonials": "cpe_idr", "reputation": "cpe_idr",
    "education": "cpe_idr",
    "sales": "cost_per_conversion_idr",
}
KEEP_AT_MOST = 1.0  # × the median cost per result
REVIEW_AT_MOST = 1.5
MIN_TO_RANK = 3


@dataclass(frozen=True)
class CreatorRow:
    creator: str
    kinds: tuple[Kind, ...]
    platforms: tuple[Platform, ...]
    m: Metrics
    cost_per_result: float | None
    status: Status
    reason: str  # code: results.reason.<code>
    ratio_to_median: float | None
    er_band: Band
    band_low: float | None
    band_high: float | None
    peers: str = ""  # the kind this creator is compared with ("mixed" for a creator of several kinds)
    band_basis: str = ""  # whose engagement bands: "tiktok" (TikTok-only creators) or "instagram"


def goal_metric(goal: Goal, posts: Sequence[Post]) -> Metric:
    """The goal's cost per result; a launch whose file reports conversions is judged on cost per conversion
    (its ROAS is shown beside it), since a launch that sells is judged on sales."""
    if goal == "launch" and any(p.conversions is not None for p in posts):
        return "cost_per_conversion_idr"
    return GOAL_METRIC[goal]


def creator_table(posts: Sequence[Post], goal: Goal, figures: Figures | None = None) -> tuple[CreatorRow, ...]:
    """Each creator with its metrics, its engagement rate (by followers, the basis of the tier bands) against
    its tier's band, and keep / review / drop by the goal's cost per result against the median creator of the
    same kind (at least MIN_TO_RANK of that kind with data; else 'review', too few to compare)."""
    fig = figures or knowledge().figures
    metric = goal_metric(goal, posts)
    sums = sums_by(posts, "creator")
    kinds: dict[str, list[Kind]] = {}
    plats: dict[str, list[Platform]] = {}
    for p in posts:
        if p.kind not in kinds.setdefault(p.creator, []):
            kinds[p.creator].append(p.kind)
        if p.platform not in plats.setdefault(p.creator, []):
            plats[p.creator].append(p.platform)
    ms = {c: metrics(s) for c, s in sums.items()}
    costs = {c: getattr(m, metric) for c, m in ms.items()}
    # Each creator against its own kind: a KOC paid in product is not held to a paid micro-influencer's CPM.
    peer = {c: (kinds[c][0] if len(kinds[c]) == 1 else "mixed") for c in ms}
    medians: dict[str, float | None] = {}
    for group in set(peer.values()):
        known = [v for c, v in costs.items() if v is not None and peer[c] == group]
        medians[group] = statistics.median(known) if len(known) >= MIN_TO_RANK else None
    rows: list[CreatorRow] = []
    for c, m in ms.items():
        cpr = costs[c]
        median = medians[peer[c]]
        ratio: float | None = None
        status: Status
        if cpr is None:
            status, reason = "review", f"no_data_{metric}"
        elif median is None:
            status, reason = "review", "too_few"
        else:
            ratio = cpr / median if median > 0 else 1.0
            if ratio <= KEEP_AT_MOST:
                status, reason = "keep", "keep"
            elif ratio <= REVIEW_AT_MOST:
                status, reason = "review", "review"
            else:
                status, reason = "drop", "drop"
        ks = tuple(kinds[c])
        lo_hi: tuple[float, float] | None = None
        basis = ""
        if len(ks) == 1:
            tiktok = fig.tiktok_er_bands
            if plats[c] == ["tiktok"] and tiktok is not None and ks[0] in tiktok.kinds:
                tb = tiktok.kinds[ks[0]]
                lo_hi, basis = (tb.low, tb.high), "tiktok"  # TikTok's own bands (figures tiktok_er_bands)
            else:
                kf = fig.kinds[ks[0]]
                lo_hi, basis = (kf.er_low, kf.er_high), "instagram"
        if lo_hi is not None:
            band, lo, hi = _band(m.er_followers_pct, *lo_hi), lo_hi[0], lo_hi[1]
        else:
            band, lo, hi = "unknown", None, None
        rows.append(CreatorRow(c, ks, tuple(plats[c]), m, cpr, status, reason, ratio, band, lo, hi, peer[c], basis))
    order = {"keep": 0, "review": 1, "drop": 2}
    rows.sort(key=lambda r: (order[r.status], r.cost_per_result if r.cost_per_result is not None else math.inf,
                             r.creator.lower()))
    return tuple(rows)


# ---- over time --------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Week:
    week: int
    start: date
    reach: int
    engagements: int
    cum_reach: int
    cum_engagements: int
    plan_reach: tuple[int, int]  # cumulative plan band by the end of this week
    plan_engagements: tuple[int, int]


def weekly(posts: Sequence[Post], rec: Recommendation | None = None) -> tuple[tuple[Week, ...], int]:
    """Cumulative reach and engagements per campaign week (week 1 starts on the first post's date), with the
    plan's cumulative bands (each line spread evenly over its weeks). Returns the weeks and the count of
    posts without a date (not in the timeline)."""
    dated = [p for p in posts if p.post_date is not None]
    undated = len(posts) - len(dated)
    if not dated:
        return (), undated
    start = min(p.post_date for p in dated if p.post_date is not None)
    per: dict[int, tuple[int, int]] = {}
    for p in dated:
        assert p.post_date is not None
        w = (p.post_date - start).days // 7 + 1
        r, e = per.get(w, (0, 0))
        per[w] = (r + (p.reach or 0), e + (p.engagements or 0))
    last = max(max(per), rec.brief.duration_weeks if rec else 1)
    weeks: list[Week] = []
    cr = ce = 0
    for w in range(1, last + 1):
        r, e = per.get(w, (0, 0))
        cr, ce = cr + r, ce + e
        pr = pe = (0, 0)
        if rec is not None:
            pr = _plan_cum(rec, w, "reach")
            pe = _plan_cum(rec, w, "engagements")
        weeks.append(Week(w, start + timedelta(days=7 * (w - 1)), r, e, cr, ce, pr, pe))
    return tuple(weeks), undated


def _plan_cum(rec: Recommendation, week: int, what: str) -> tuple[int, int]:
    """The plan's cumulative band by `week`. Reach is summed per post (reach per post × creators, planner
    `unit()`), like the results' cumulative reach it is drawn against."""
    from guide.advice.planner import unit

    fig = knowledge().figures
    lo = hi = 0.0
    for ln in rec.plan:
        span = ln.end_week - ln.start_week + 1
        done = min(max(week - ln.start_week + 1, 0), span) / span
        if what == "reach":
            u = unit(fig, ln.kind, rec.brief)
            low, high = u.reach_low * ln.count, u.reach_high * ln.count
        else:
            band = getattr(ln, what)
            low, high = band.low, band.high
        lo += low * done
        hi += high * done
    return round(lo), round(hi)


# ---- the whole analysis -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Analysis:
    file: ResultsFile
    totals: Metrics
    by_kind: dict[str, Metrics]
    by_platform: dict[str, Metrics]
    by_creator: dict[str, Metrics]
    rec: Recommendation | None
    plan: tuple[LineVsPlan, ...]
    creators: tuple[CreatorRow, ...]
    weeks: tuple[Week, ...]
    undated: int
    goal: Goal | None
    metric: Metric = "cpe_idr"  # the cost per result creators are ranked by (goal_metric)


def analyse(file: ResultsFile, brief: CampaignBrief | None = None, lang: str = "id",
            figures: Figures | None = None) -> Analysis:
    from guide.advice.engine import recommend

    posts = file.posts
    kinds = sums_by(posts, "kind")
    rec = recommend(brief, lang=lang, figures=figures) if brief is not None else None
    goal: Goal | None = brief.goal if brief is not None else None
    weeks, undated = weekly(posts, rec)
    return Analysis(
        file=file,
        totals=metrics(total_sums(posts)),
        by_kind={k: metrics(kinds[k]) for k in KINDS if k in kinds},
        by_platform={k: metrics(v) for k, v in sorted(sums_by(posts, "platform").items())},
        by_creator={k: metrics(v) for k, v in sorted(sums_by(posts, "creator").items(), key=lambda kv: kv[0].lower())},
        rec=rec,
        plan=vs_plan(posts, rec) if rec is not None else (),
        creators=creator_table(posts, goal or "engagement", figures),
        weeks=weeks,
        undated=undated,
        goal=goal,
        metric=goal_metric(goal or "engagement", posts),
    )


def to_json(a: Analysis, lang: str) -> dict[str, object]:
    """What `python -m guide results` prints."""
    out: dict[str, object] = {
        "rows_read": a.file.rows_read,
        "rows_counted": len(a.file.posts),
        "rows_left_out": a.file.rows_left_out,
        "totals": a.totals.as_json(),
        "by_kind": {k: m.as_json() for k, m in a.by_kind.items()},
        "by_platform": {k: m.as_json() for k, m in a.by_platform.items()},
        "by_creator": {k: m.as_json() for k, m in a.by_creator.items()},
        "problems": [{"row": p.row, "column": p.column, "message": p.message(lang)} for p in a.file.problems],
    }
    if a.rec is not None:
        metric = a.metric
        out["vs_plan"] = {
            "strategy": a.rec.planned_strategy,
            "lines": [ln.as_json() for ln in a.plan],
            "ranking_metric": metric,
            "creators": [{"creator": r.creator, "status": r.status, "cost_per_result_idr":
                          None if r.cost_per_result is None else round(r.cost_per_result, 2),
                          "compared_with": r.peers,
                          "engagement_rate_vs_tier": r.er_band, "engagement_band_basis": r.band_basis}
                         for r in a.creators],
        }
    return out


# ---- templates --------------------------------------------------------------------------------------------

def template_headers(lang: str) -> list[str]:
    return [HEADERS_ID[c] if lang == "id" else c for c in COLUMNS]


def template_csv(lang: str) -> bytes:
    """An empty results file: the header row in the user's language (both are read in either language),
    written like the app's other CSVs so it opens in columns in Excel: ';' in Indonesian (Excel under
    Indonesian regional settings splits on it), ',' in English, with a UTF-8 byte-order mark."""
    buf = io.StringIO()
    csv.writer(buf, delimiter=";" if lang == "id" else ",", lineterminator="\r\n").writerow(template_headers(lang))
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def template_xlsx(lang: str) -> bytes:
    """A workbook: the header row on the first sheet, and a help sheet naming each column's meaning (through
    the one sheet writer, guide/output/xlsx.py)."""
    from guide.output.xlsx import new_workbook, to_bytes, write_table

    wb = new_workbook()
    write_table(wb, t(lang, "results.template_sheet"), template_headers(lang), [], widths=[16] * len(COLUMNS))
    help_rows = [[head, t(lang, "results.required") if col in REQUIRED else t(lang, "results.optional"),
                  t(lang, f"results.column_help.{col}")]
                 for col, head in zip(COLUMNS, template_headers(lang), strict=True)]
    write_table(wb, t(lang, "results.help_sheet"), [t(lang, "results.template_help_title"), "", ""], help_rows,
                widths=[18, 12, 80], freeze="A2")
    return to_bytes(wb)
