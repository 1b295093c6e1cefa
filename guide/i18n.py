"""Text catalogs (data/locales/*.yaml) and number/money formatting for Indonesian and English."""

from __future__ import annotations

import math
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from .models import LANGS

LOCALE_DIR = Path(__file__).resolve().parent.parent / "data" / "locales"


def _flatten(d: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in d.items():
        key = f"{prefix}{k}"
        if isinstance(v, dict):
            out.update(_flatten(v, key + "."))
        else:
            out[key] = v
    return out


def catalog_files(lang: str) -> list[Path]:
    """The files of one language's catalog: `<lang>.yaml`, then every `<lang>/*.yaml` (one per feature)."""
    return [LOCALE_DIR / f"{lang}.yaml", *sorted((LOCALE_DIR / lang).glob("*.yaml"))]


@lru_cache(maxsize=4)
def catalog(lang: str) -> dict[str, Any]:
    """The flat catalog of one language (keys like 'engine.warn.disclosure'). Shared, do not mutate.
    A key defined in two of its files is an error, so feature catalogs can never shadow each other."""
    if lang not in LANGS:
        lang = "id"
    out: dict[str, Any] = {}
    for path in catalog_files(lang):
        with path.open(encoding="utf-8") as f:
            flat = _flatten(yaml.safe_load(f) or {})
        clash = sorted(set(out) & set(flat))
        if clash:
            raise ValueError(f"{path.name}: keys already defined in another {lang} catalog file: {clash[:5]}")
        out.update(flat)
    return out


def t(lang: str, key: str, **kwargs: Any) -> str:
    """The text for `key` in `lang`, formatted with kwargs. A missing key shows the key (caught by tests)."""
    text = catalog(lang).get(key)
    if text is None:
        return key
    s = str(text)
    return s.format(**kwargs) if kwargs else s


def t_list(lang: str, key: str) -> list[str]:
    v = catalog(lang).get(key)
    return [str(x) for x in v] if isinstance(v, list) else []


def _group(n: int, sep: str) -> str:
    return f"{n:,}".replace(",", sep)


def fmt_int(n: float, lang: str) -> str:
    """12345 -> '12.345' (id) or '12,345' (en)."""
    if not math.isfinite(n):
        return "–"
    return _group(round(n), "." if lang == "id" else ",")


def fmt_idr(n: float, lang: str) -> str:
    """Rupiah: 'Rp 50.000.000' (id) or 'Rp 50,000,000' (en)."""
    if not math.isfinite(n):
        return "–"
    sign = "-" if n < 0 else ""
    return f"{sign}Rp {fmt_int(abs(n), lang)}"


def fmt_idr_short(n: float, lang: str) -> str:
    """Compact rupiah for charts and tight cells: 'Rp 1,5 M' / 'Rp 1.5B', 'Rp 50 jt' / 'Rp 50M'."""
    if not math.isfinite(n):
        return "–"
    units = (
        [(1e12, "T"), (1e9, "M"), (1e6, "jt"), (1e3, "rb")] if lang == "id"
        else [(1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K")]
    )
    for size, suffix in units:
        if abs(n) >= size:
            v = n / size
            s = f"{v:.1f}".rstrip("0").rstrip(".")
            if lang == "id":
                s = s.replace(".", ",")
            return f"Rp {s} {suffix}" if lang == "id" else f"Rp {s}{suffix}"
    return fmt_idr(n, lang)


def fmt_pct(x: float, lang: str, digits: int = 1) -> str:
    if not math.isfinite(x):
        return "–"
    s = f"{x:.{digits}f}"
    return (s.replace(".", ",") if lang == "id" else s) + "%"


def fmt_range(low: float, high: float, lang: str, money: bool = False) -> str:
    f = fmt_idr if money else fmt_int
    if round(low) == round(high):
        return f(low, lang)
    return f"{f(low, lang)} – {f(high, lang)}"
