"""Briefs in and out: JSON files, share-link query parameters, and readable validation problems.

Every bad input becomes a `Problem` (field + code + English detail) that the CLI prints and the app
translates; nothing here raises past its caller for bad data.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from .models import (
    LANGS,
    PLATFORMS,
    CampaignBrief,
    Lang,
)

MAX_JSON_BYTES = 64 * 1024
MAX_PARAM_CHARS = 200
BRIEF_FIELDS: tuple[str, ...] = tuple(CampaignBrief.model_fields)
SHARE_KEYS: tuple[str, ...] = (*BRIEF_FIELDS, "lang")
DEFAULT_BRIEF = CampaignBrief(
    goal="awareness", budget_idr=50_000_000, audience="broad", industry="lifestyle",
    platforms=("instagram", "tiktok"), duration_weeks=4,
)
PRESETS_FILE = Path(__file__).resolve().parent.parent / "data" / "presets.yaml"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input: which field, what kind of problem, and a short English detail."""

    field: str
    code: str
    detail: str = ""

    def english(self) -> str:
        where = f"field '{self.field}'" if self.field else "brief"
        return f"{where}: {self.detail or self.code}"


class BriefError(ValueError):
    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__(self.problems[0].english() if self.problems else "invalid brief")


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


def brief_from_json(raw: bytes | str) -> CampaignBrief:
    """Parse an uploaded or piped brief. Raises BriefError with a field-level problem."""
    if isinstance(raw, str):
        raw = raw.encode("utf-8", errors="replace")
    if len(raw) > MAX_JSON_BYTES:
        raise BriefError([Problem("", "too_large", f"the file is larger than {MAX_JSON_BYTES // 1024} KB")])
    if not raw.strip():
        raise BriefError([Problem("", "empty", "the file is empty")])
    try:
        text = raw.decode("utf-8-sig")
        data = json.loads(text)
    except UnicodeDecodeError:
        raise BriefError([Problem("", "not_json", "the file is not UTF-8 text")]) from None
    except RecursionError:
        raise BriefError([Problem("", "too_deep", "the JSON is nested too deeply")]) from None
    except json.JSONDecodeError as e:
        raise BriefError([Problem("", "not_json", f"not valid JSON (line {e.lineno}, column {e.colno})")]) \
            from None
    return brief_from_dict(data)


def brief_to_json(brief: CampaignBrief) -> str:
    return brief.model_dump_json(indent=2, exclude_none=True)


# ---- share links -----------------------------------------------------------------------------

def brief_to_params(brief: CampaignBrief, lang: Lang) -> dict[str, str]:
    """Canonical query parameters: the required fields always, optional ones when not default, and lang."""
    data = brief.model_dump()
    defaults = {k: f.default for k, f in CampaignBrief.model_fields.items() if not f.is_required()}
    out: dict[str, str] = {}
    for key in BRIEF_FIELDS:
        v = data[key]
        if key in defaults and v == defaults[key]:
            continue
        if v is None:
            continue
        out[key] = ",".join(v) if key == "platforms" else str(v)
    out["lang"] = lang
    return out


def _parse_int(text: str) -> int | None:
    s = text.strip().lower().removeprefix("rp").strip()
    s = s.replace(".", "").replace(",", "").replace("_", "").replace(" ", "")
    if not s.isdigit() or not s.isascii() or len(s) > 15:
        return None
    return int(s)


_SUFFIXES = {
    "rb": 10**3, "ribu": 10**3, "k": 10**3, "jt": 10**6, "juta": 10**6, "m": 10**6, "million": 10**6,
    "mn": 10**6, "miliar": 10**9, "milyar": 10**9, "b": 10**9, "bn": 10**9, "billion": 10**9,
    "t": 10**12, "triliun": 10**12, "trillion": 10**12,
}


def parse_amount(text: str, lang: str = "id") -> int | None:
    """Read a rupiah amount as people type it: '50.000.000', 'Rp 50,000,000', '50 juta', '1,5 miliar'.

    Returns None for anything that is not a non-negative whole amount. In Indonesian a comma is the
    decimal mark before a word suffix ('1,5 miliar'); in English a dot is ('1.5 billion').
    """
    if not isinstance(text, str) or len(text) > MAX_PARAM_CHARS:
        return None
    s = " ".join(text.strip().lower().split())
    s = s.removeprefix("rp").removeprefix("idr").strip().removeprefix(".").strip()
    if not s:
        return None
    plain = _parse_int(s)
    if plain is not None:
        return plain
    for word, mult in sorted(_SUFFIXES.items(), key=lambda kv: -len(kv[0])):
        if s.endswith(word):
            num = s[: -len(word)].strip()
            decimal = "," if lang == "id" else "."
            group = "." if lang == "id" else ","
            num = num.replace(group, "").replace(decimal, ".")
            if not num or not all(ch.isdigit() or ch == "." for ch in num) or num.count(".") > 1:
                return None
            if len(num) > 15:
                return None
            whole, _, frac = num.partition(".")
            value = int(whole or "0") * mult + (int(frac) * mult // 10 ** len(frac) if frac else 0)
            return value
    return None


def brief_from_params(params: Mapping[str, Sequence[str]],
                      fallback: CampaignBrief = DEFAULT_BRIEF) -> tuple[CampaignBrief, Lang, list[Problem]]:
    """Read a (possibly tampered) share link. Bad or missing values fall back; each one is reported.

    `params` maps each key to all its values (a repeated key has several). Never raises.
    """
    problems: list[Problem] = []
    # Required fields fall back to `fallback`; optional ones to the CampaignBrief defaults, so a link means
    # the same brief as the same fields in a JSON file (a link omits optional fields left at their default).
    values: dict[str, Any] = {
        k: (getattr(fallback, k) if f.is_required() else f.get_default(call_default_factory=True))
        for k, f in CampaignBrief.model_fields.items()
    }
    lang: Lang = "id"

    for key in params:
        if key not in SHARE_KEYS:
            problems.append(Problem(key[:40], "unknown_param", "unknown parameter ignored"))

    def one(key: str) -> str | None:
        vals = list(params.get(key, ()))
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
        if key == "platforms":
            items = [p.strip() for p in raw.split(",") if p.strip()]
            good = [p for p in items if p in PLATFORMS]
            if len(good) != len(items):
                problems.append(Problem(key, "invalid_choice", "unknown platforms ignored"))
            values[key] = good
            continue
        if key in ("budget_idr", "duration_weeks", "product_value_idr"):
            n = _parse_int(raw)
            if n is None:
                problems.append(Problem(key, "not_a_number", "not a whole number"))
                continue
            candidate: Any = n
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

