"""Briefs in and out: JSON files, share-link query parameters, and readable validation problems.

Every bad input becomes a `Problem` (field + code + English detail) that the CLI prints and the app
translates; nothing here raises past its caller for bad data.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from guide.advice.assumptions import EDITABLE, figures_from_rows, figures_rows
from guide.advice.knowledge import Figures, knowledge
from guide.advice.models import (
    AGE_BANDS,
    KINDS,
    LANGS,
    PLATFORMS,
    CampaignBrief,
    Lang,
)
from guide.text.i18n import has_key, t
from guide.text.numbers import AmountReading, parse_amount, read_amount, say_amount
from guide.text.problems import Problem as TextProblem
from guide.text.safetext import plain_md, plain_text

__all__ = [
    "DEFAULT_BRIEF",
    "SHARE_KEYS",
    "AmountReading",
    "BriefError",
    "CampaignBrief",
    "Problem",
    "brief_from_dict",
    "brief_from_json",
    "brief_from_params",
    "brief_to_json",
    "brief_to_params",
    "field_label",
    "figures_from_param",
    "figures_from_params",
    "figures_to_param",
    "parse_amount",
    "problem_message",
    "read_amount",
    "say_amount",
    "share_carries_figures",
]

MAX_JSON_BYTES = 64 * 1024
MAX_JSON_DEPTH = 32  # a brief is two levels deep; deeper is refused before parsing
MAX_JSON_NUMBER_CHARS = 40  # no field needs a longer number; longer ones are refused while parsing
MAX_PARAM_CHARS = 200
MAX_PARAMS = 1000  # Streamlit drops a query string with more fields than this
FIGURES_KEY = "fig"
MAX_FIGURES_CHARS = 700  # the edited figures travel in a link only up to this length
BRIEF_FIELDS: tuple[str, ...] = tuple(CampaignBrief.model_fields)
SHARE_KEYS: tuple[str, ...] = (*BRIEF_FIELDS, "lang", FIGURES_KEY)
LIST_FIELDS: dict[str, tuple[str, ...]] = {"platforms": PLATFORMS, "age_bands": AGE_BANDS}
AMOUNT_FIELDS = ("budget_idr", "product_value_idr")
DEFAULT_BRIEF = CampaignBrief(
    goal="awareness", budget_idr=50_000_000, audience="broad", industry="lifestyle",
    platforms=("instagram", "tiktok"), duration_weeks=4,
)
PRESETS_FILE = Path(__file__).resolve().parents[2] / "data" / "presets.yaml"


class Problem(TextProblem):
    """One thing wrong with a brief, a share link or a JSON file, as the one problem type
    (guide/text/problems.py): row 0, the field as its column and field, and a short English `detail`.
    `params` carries what the message needs besides the field (e.g. the typed amount), as text."""

    def __init__(self, field: str, code: str, detail: str = "", params: tuple[tuple[str, str], ...] = ()) -> None:
        super().__init__(0, field, code, "error", ((("detail", detail),) if detail else ()) + tuple(params),
                         field, "brief")

    @property
    def detail(self) -> str:
        return self.param("detail")

    def english(self) -> str:
        where = f"field '{plain_text(self.field, 40)}'" if self.field else "brief"
        return f"{where}: {self.detail or self.code}"

    def message(self, lang: str) -> str:
        return problem_message(self, lang)


class BriefError(ValueError):
    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__(self.problems[0].english() if self.problems else "invalid brief")


def field_label(field: str, lang: str) -> str:
    """The name of a field in the user's language, Markdown-safe. A field name that came from the user (an
    unknown link key or JSON field) is shortened and shown as plain text."""
    for key in (f"field.{field}", f"input.field.{field}"):
        if field and has_key(lang, key):
            return t(lang, key)
    if not field:
        return t(lang, "field.file")
    return plain_md(field, 40)


def problem_message(p: Problem, lang: str) -> str:
    """A problem in the user's language, as Markdown-safe text (user-supplied parts made plain)."""
    field = field_label(p.field, lang)
    extra = {k: v for k, v in p.params if k != "detail"}
    if p.code.startswith("amount_"):
        reading = read_amount(extra.get("text", ""), "id")
        key = "input.problem.amount_readings" if reading.readings else "input.problem.amount"
        return t(lang, key, field=field, text=plain_md(extra.get("text", ""), 40), options=reading.options(lang))
    if p.code.startswith("figure_"):
        kind, column = extra.get("kind", ""), extra.get("column", "")
        kind_label = t(lang, f"kind.{kind}") if kind in KINDS else plain_md(kind, 20)
        col_key = ("assumptions.completion" if column in ("cf", "completion_factor") else
                   "assumptions.reserve" if column in (_RESERVE, "reserve_share") else f"assumptions.col.{column}")
        col_label = t(lang, col_key) if has_key(lang, col_key) else plain_md(column, 30)
        what = " — ".join(x for x in (kind_label, col_label) if x)
        return t(lang, f"input.problem.{p.code}", field=field, kind=kind_label, what=what)
    for key in (f"problem.{p.code}", f"input.problem.{p.code}"):
        if has_key(lang, key):
            return t(lang, key, field=field, **{k: plain_md(v, 60) for k, v in extra.items()})
    return t(lang, "problem.other", field=field)


def problems_from_validation(e: ValidationError) -> list[Problem]:
    out = []
    for err in e.errors():
        loc = [str(p) for p in err["loc"]]
        msg = str(err["msg"])
        # The one model-level check (secondary goal equal to the goal) belongs to secondary_goal.
        field = loc[0] if loc else ("secondary_goal" if "secondary_goal" in msg else "")
        out.append(Problem(field=field, code=str(err["type"]), detail=str(err["msg"])))
    return out


def brief_from_dict(data: Any) -> CampaignBrief:
    if not isinstance(data, dict):
        raise BriefError([Problem("", "not_object", "the brief must be a JSON object")])
    try:
        return CampaignBrief.model_validate(data)
    except ValidationError as e:
        raise BriefError(problems_from_validation(e)) from None


class _NumberTooLong(ValueError):
    pass


def _json_int(text: str) -> int:
    if len(text) > MAX_JSON_NUMBER_CHARS:
        raise _NumberTooLong(text[:20])
    return int(text)


def _json_float(text: str) -> float:
    if len(text) > MAX_JSON_NUMBER_CHARS:
        raise _NumberTooLong(text[:20])
    value = float(text)
    if not math.isfinite(value):  # 1e400
        raise _NumberTooLong(text[:20])
    return value


def _json_constant(text: str) -> float:
    raise _NumberTooLong(text)  # NaN, Infinity, -Infinity are not JSON


def json_depth(text: str) -> int:
    """The deepest nesting of arrays and objects in `text`, outside strings (counted without parsing)."""
    depth = deepest = 0
    in_string = escaped = False
    for ch in text:
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in "]}":
            depth -= 1
    return deepest


def brief_from_json(raw: bytes | str) -> CampaignBrief:
    """Parse an uploaded or piped brief. Raises BriefError with a field-level problem, never anything else.

    Size and nesting are checked before parsing; numbers longer than 40 characters (or infinite) and the
    non-JSON constants NaN/Infinity are refused while parsing, so no integer-size limit can be reached."""
    if isinstance(raw, str):
        raw = raw.encode("utf-8", errors="replace")
    if len(raw) > MAX_JSON_BYTES:
        raise BriefError([Problem("", "too_large", f"the file is larger than {MAX_JSON_BYTES // 1024} KB")])
    if not raw.strip():
        raise BriefError([Problem("", "empty", "the file is empty")])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise BriefError([Problem("", "not_json", "the file is not UTF-8 text")]) from None
    if json_depth(text) > MAX_JSON_DEPTH:
        raise BriefError([Problem("", "too_deep", "the JSON is nested too deeply")])
    try:
        data = json.loads(text, parse_int=_json_int, parse_float=_json_float, parse_constant=_json_constant)
    except _NumberTooLong:
        raise BriefError([Problem("", "number_too_long", "a number in the file is too long or infinite")]) \
            from None
    except RecursionError:
        raise BriefError([Problem("", "too_deep", "the JSON is nested too deeply")]) from None
    except json.JSONDecodeError as e:
        raise BriefError([Problem("", "not_json", f"not valid JSON (line {e.lineno}, column {e.colno})")]) \
            from None
    except (ValueError, TypeError, OverflowError):  # any other decode failure (e.g. integer-size limits)
        raise BriefError([Problem("", "not_json", "not valid JSON")]) from None
    return brief_from_dict(data)


def brief_to_json(brief: CampaignBrief) -> str:
    return brief.model_dump_json(indent=2, exclude_none=True)


# ---- share links -----------------------------------------------------------------------------

def brief_to_params(brief: CampaignBrief, lang: Lang, figures: Figures | None = None) -> dict[str, str]:
    """Canonical query parameters: the required fields always, optional ones when not default, and lang.

    With `figures` (this session's, when edited) the edits travel too, as `fig`, when they fit in
    MAX_FIGURES_CHARS; see `figures_to_param` (use `share_carries_figures` to tell the user when not)."""
    data = brief.model_dump()
    defaults = {k: f.default for k, f in CampaignBrief.model_fields.items() if not f.is_required()}
    out: dict[str, str] = {}
    for key in BRIEF_FIELDS:
        v = data[key]
        if key in defaults and v == defaults[key]:
            continue
        if v is None:
            continue
        out[key] = ",".join(v) if key in LIST_FIELDS else str(v)
    out["lang"] = lang
    if figures is not None:
        encoded = figures_to_param(figures)
        if encoded:
            out[FIGURES_KEY] = encoded
    return out


def _parse_int(text: str) -> int | None:
    s = text.strip()
    if not s.isdigit() or not s.isascii() or len(s) > 15:
        return None
    return int(s)


def brief_from_params(params: Mapping[str, Sequence[str]],
                      fallback: CampaignBrief = DEFAULT_BRIEF) -> tuple[CampaignBrief, Lang, list[Problem]]:
    """Read a (possibly tampered) share link. Bad or missing values fall back; each one is reported.

    `params` maps each key to all its values (a repeated key has several). Never raises. Amounts go through
    the typed-amount reader (Indonesian convention) and an ambiguous one falls back with a notice that
    shows its readings. The edited figures (`fig`) are read by `figures_from_params`."""
    problems: list[Problem] = []
    # Required fields fall back to `fallback`; optional ones to the CampaignBrief defaults, so a link means
    # the same brief as the same fields in a JSON file (a link omits optional fields left at their default).
    values: dict[str, Any] = {
        k: (getattr(fallback, k) if f.is_required() else f.get_default(call_default_factory=True))
        for k, f in CampaignBrief.model_fields.items()
    }
    lang: Lang = "id"

    if len(params) > MAX_PARAMS:
        problems.append(Problem("", "too_many_params", f"more than {MAX_PARAMS} parameters"))
    unknown = [k for k in params if k not in SHARE_KEYS]
    for key in unknown[:20]:
        if not isinstance(key, str) or not key.strip():
            problems.append(Problem("", "empty_param", "a parameter without a name was ignored"))
        else:
            problems.append(Problem(key[:40], "unknown_param", "unknown parameter ignored"))
    if len(unknown) > 20:
        problems.append(Problem("", "more_unknown", f"{len(unknown) - 20} more unknown parameters ignored",
                                (("count", str(len(unknown) - 20)),)))

    def one(key: str) -> str | None:
        vals = [v if isinstance(v, str) else "" for v in params.get(key, ())]
        if not vals:
            return None
        if len(set(vals)) > 1:
            problems.append(Problem(key, "repeated_param", "repeated parameter: the first value is used"))
        v = vals[0]
        if len(v) > MAX_PARAM_CHARS:
            problems.append(Problem(key, "too_long", "value too long"))
            return None
        return v

    raw_lang = one("lang")
    if raw_lang is not None:
        if raw_lang in LANGS:
            lang = "en" if raw_lang == "en" else "id"
        else:
            problems.append(Problem("lang", "invalid_choice", "unknown language"))

    for key in BRIEF_FIELDS:
        raw = one(key)
        if raw is None:
            continue
        if key in LIST_FIELDS:
            items = [p.strip() for p in raw.split(",") if p.strip()]
            good = [p for p in items if p in LIST_FIELDS[key]]
            if len(good) != len(items):
                problems.append(Problem(key, "invalid_choice", "unknown values ignored"))
            values[key] = good
            continue
        candidate: Any
        if key in AMOUNT_FIELDS and raw.strip() == "" and not CampaignBrief.model_fields[key].is_required():
            candidate = None
        elif key in AMOUNT_FIELDS:
            reading = read_amount(raw, "id")
            if reading.value is None:
                problems.append(Problem(key, f"amount_{reading.code}", f"amount not read ({reading.code})",
                                        (("text", raw),)))
                continue
            candidate = reading.value
        elif key == "duration_weeks":
            n = _parse_int(raw)
            if n is None:
                problems.append(Problem(key, "not_a_number", "not a whole number"))
                continue
            candidate = n
        elif raw == "" and not CampaignBrief.model_fields[key].is_required():
            candidate = None
        else:
            candidate = raw
        trial = dict(values)
        trial[key] = candidate
        try:
            CampaignBrief.model_validate(trial)
        except ValidationError as e:
            mine = [p for p in problems_from_validation(e) if p.field == key]
            if mine:
                problems.append(Problem(key, mine[0].code, mine[0].detail))
                continue
        values[key] = candidate

    try:
        brief = CampaignBrief.model_validate(values)
    except ValidationError as e:  # an interplay (e.g. secondary_goal == goal): drop the optional one
        problems.extend(problems_from_validation(e))
        values["secondary_goal"] = None
        try:
            brief = CampaignBrief.model_validate(values)
        except ValidationError:
            brief = fallback
    return brief, lang, problems


# ---- edited figures in share links ---------------------------------------------------------------
# `fig=micro.rh.5000000~cf.0.5`: one item per figure that differs from the shipped one, `~`-separated
# (a character that survives URL encoding unchanged); kind, a short column code, and the value.

_COLUMN_CODES = {"rate_low": "rl", "rate_high": "rh", "followers_low": "fl", "followers_high": "fh",
                 "er_low": "el", "er_high": "eh"}
_COMPLETION = "cf"
_RESERVE = "rs"
_FACTOR_CODES = {_COMPLETION: "completion_factor", _RESERVE: "reserve_share"}


def _code(column: str) -> str:
    return _COLUMN_CODES.get(column, column)


def _fmt_figure(v: float) -> str:
    if float(v).is_integer():
        return str(int(v))
    return repr(float(v))


def figures_edits(figures: Figures, shipped: Figures | None = None) -> list[tuple[str, str, float]]:
    """The edited figures: (kind, column, value) for each one that differs from the shipped figures; the
    plan-wide completion factor and reserve share as ('', 'completion_factor' | 'reserve_share', value)."""
    base = shipped or knowledge().figures
    out: list[tuple[str, str, float]] = []
    for row, old in zip(figures_rows(figures), figures_rows(base), strict=True):
        for col in EDITABLE:
            if row[col] != old[col]:
                out.append((str(row["kind"]), col, float(row[col])))
    for name in _FACTOR_CODES.values():
        value = getattr(figures, name).value
        if value != getattr(base, name).value:
            out.append(("", name, float(value)))
    return out


def figures_to_param(figures: Figures, shipped: Figures | None = None) -> str | None:
    """The edited figures as one compact link value; '' when nothing was edited; None when the edits do not
    fit in MAX_FIGURES_CHARS (the link then carries the brief only, and the page must say so)."""
    items = []
    for kind, col, value in figures_edits(figures, shipped):
        if not kind:
            code = next(c for c, name in _FACTOR_CODES.items() if name == col)
            items.append(f"{code}.{_fmt_figure(value)}")
        else:
            items.append(f"{kind}.{_code(col)}.{_fmt_figure(value)}")
    text = "~".join(items)
    return None if len(text) > MAX_FIGURES_CHARS else text


def share_carries_figures(figures: Figures, shipped: Figures | None = None) -> bool:
    """False when the figures were edited but the edits are too many for a link."""
    return figures_to_param(figures, shipped) is not None


def figures_from_param(text: str, shipped: Figures | None = None) -> tuple[Figures | None, list[Problem]]:
    """Read `fig` from a link: the shipped figures with the edits applied (None when there is nothing to
    apply), and a problem for each item that could not be used (that figure stays as shipped). Each edit
    is checked like an edit on the Assumptions page (guide.advice.assumptions.figures_from_rows)."""
    base = shipped or knowledge().figures
    problems: list[Problem] = []
    if not isinstance(text, str) or not text.strip():
        return None, problems
    if len(text) > MAX_FIGURES_CHARS:
        return None, [Problem(FIGURES_KEY, "too_long", "value too long")]
    codes = {v: k for k, v in _COLUMN_CODES.items()} | {c: c for c in EDITABLE}
    rows = {r["kind"]: dict(r) for r in figures_rows(base)}
    factors: dict[str, float] = {}
    edited = False
    for item in text.split("~")[:100]:
        parts = item.split(".", 2)
        if len(parts) >= 2 and parts[0] in _FACTOR_CODES:
            value = _link_number(".".join(parts[1:]))
            if value is None:
                problems.append(Problem(FIGURES_KEY, "figure_bad_value", "bad value",
                                        (("kind", ""), ("column", parts[0]))))
            else:
                factors[_FACTOR_CODES[parts[0]]], edited = value, True
            continue
        if len(parts) != 3 or parts[0] not in rows or parts[1] not in codes:
            problems.append(Problem(FIGURES_KEY, "figure_unknown", "unknown figure",
                                    (("kind", item[:20]), ("column", ""))))
            continue
        kind, col, raw = parts[0], codes[parts[1]], parts[2]
        value = _link_number(raw)
        if value is None:
            problems.append(Problem(FIGURES_KEY, "figure_bad_value", "bad value", (("kind", kind), ("column", col))))
            continue
        rows[kind][col] = value
        edited = True
    if not edited:
        return None, problems
    new, edit_problems = figures_from_rows(list(rows.values()), base, factors.get("completion_factor"),
                                           factors.get("reserve_share"))
    for ep in edit_problems:
        problems.append(Problem(FIGURES_KEY, "figure_bad_value", ep.code, (("kind", ep.param("kind")), ("column", ep.column))))
    return (None if new == base else new), problems


def _link_number(raw: str) -> float | None:
    """A figure's value in a link: plain ASCII digits with at most one decimal point, 20 characters."""
    if not raw or len(raw) > 20 or not raw.isascii() or raw.count(".") > 1 or not raw.replace(".", "").isdigit():
        return None
    return float(raw)


def figures_from_params(params: Mapping[str, Sequence[str]],
                        shipped: Figures | None = None) -> tuple[Figures | None, list[Problem]]:
    """The edited figures a share link carries (None: the shipped figures), with problems."""
    vals = list(params.get(FIGURES_KEY, ()))
    if not vals:
        return None, []
    return figures_from_param(vals[0] if isinstance(vals[0], str) else "", shipped)


# ---- presets ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class Preset:
    id: str
    source: str
    title: dict[str, str]
    blurb: dict[str, str]
    brief: CampaignBrief


@lru_cache(maxsize=1)
def presets() -> tuple[Preset, ...]:
    with PRESETS_FILE.open(encoding="utf-8") as f:
        raw = yaml.safe_load(f)
    return tuple(
        Preset(id=p["id"], source=p["source"], title=dict(p["title"]), blurb=dict(p["blurb"]),
               brief=CampaignBrief.model_validate(p["brief"]))
        for p in raw["presets"]
    )

