"""Text catalogs (data/locales/*.yaml) and number/money formatting for Indonesian and English."""

from __future__ import annotations

import math
import os
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, Literal, get_args

import yaml
from babel import Locale
from babel.numbers import NumberPattern, format_compact_decimal, format_decimal, format_percent, parse_pattern

Lang = Literal["id", "en"]
LANGS: tuple[Lang, ...] = get_args(Lang)

LOCALE_DIR = Path(__file__).resolve().parents[2] / "data" / "locales"


def _flatten(d: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in d.items():
        key = f"{prefix}{k}"
        if isinstance(v, dict):
            out.update(_flatten(v, key + "."))
        else:
            out[key] = v
    return out


class _UniqueKeyLoader(yaml.SafeLoader):
    """A safe loader that refuses a key written twice in one mapping (YAML would keep the last silently)."""


def _unique_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise ValueError(f"{node.start_mark.name}, line {key_node.start_mark.line + 1}: key {key!r} written twice")
        seen.add(key)
    return loader.construct_mapping(node, deep)


_UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _unique_mapping)


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
            flat = _flatten(yaml.load(f, Loader=_UniqueKeyLoader) or {})  # noqa: S506 (a SafeLoader)
        clash = sorted(set(out) & set(flat))
        if clash:
            raise ValueError(f"{path.name}: keys already defined in another {lang} catalog file: {clash[:5]}")
        out.update(flat)
    return out


STRICT_ENV = "GUIDE_STRICT_CATALOG"  # set (tests/conftest.py sets it): a missing key raises instead


class MissingKey(KeyError):
    """A catalog key that is not in the language's catalog (raised only under GUIDE_STRICT_CATALOG)."""


def t(lang: str, key: str, **kwargs: Any) -> str:
    """The text for `key` in `lang`, formatted with kwargs. A missing key shows the key to a user, and raises
    `MissingKey` under test (environment variable GUIDE_STRICT_CATALOG=1), so any test that reaches it fails."""
    text = catalog(lang).get(key)
    if text is None:
        if os.environ.get(STRICT_ENV):
            raise MissingKey(f"no catalog key {key!r} in {lang!r}")
        return key
    s = str(text)
    return s.format(**kwargs) if kwargs else s


def has_key(lang: str, key: str) -> bool:
    """Whether the language's catalog has `key` (for a feature's own wording with a fallback)."""
    return key in catalog(lang)


def t_list(lang: str, key: str) -> list[str]:
    v = catalog(lang).get(key)
    return [str(x) for x in v] if isinstance(v, list) else []


# ---------------------------------------------------------------- numbers and money (Babel, CLDR data)
#
# Every number the user reads goes through these functions, in the language's CLDR format: grouping "." and
# decimal "," in Indonesian, "," and "." in English. A non-finite value (NaN, ±inf) reads "–".
# "Rp" is written the Indonesian way in both languages (CLDR's English symbol would be "IDR"), followed by
# an ordinary space; compact units are separated by an ordinary space too (CLDR uses a no-break space),
# so the text is the same in the app, the exports and the tests.

NA = "–"
# Babel locales built once: given a name instead, Babel parses it and looks its data up on every number.
_LOCALES = {"id": Locale.parse("id_ID"), "en": Locale.parse("en")}


def _locale(lang: str) -> Locale:
    return _LOCALES.get(lang, _LOCALES["id"])


def _finite(x: float) -> bool:
    return isinstance(x, int) or math.isfinite(x)


@cache
def _pattern(digits: int, suffix: str = "") -> NumberPattern:
    """'#,##0' with `digits` decimals (and a suffix such as '%'), parsed once."""
    return parse_pattern("#,##0" + ("." + "0" * digits if digits > 0 else "") + suffix)


def fmt_int(n: float, lang: str) -> str:
    """A whole number with the language's grouping: 12345 -> '12.345' (id), '12,345' (en)."""
    if not _finite(n):
        return NA
    return format_decimal(round(n), format=_pattern(0), locale=_locale(lang))


def fmt_decimal(x: float, lang: str, digits: int = 1) -> str:
    """A number with exactly `digits` decimals: 7.5 -> '7,5' (id) / '7.5' (en); 0.8, 2 -> '0,80' / '0.80'."""
    if not _finite(x):
        return NA
    return format_decimal(x, format=_pattern(max(0, digits)), locale=_locale(lang))


def fmt_idr(n: float, lang: str) -> str:
    """Rupiah, whole: 'Rp 50.000.000' (id) or 'Rp 50,000,000' (en); negative '-Rp 1.500'."""
    if not _finite(n):
        return NA
    sign = "-" if round(n) < 0 else ""
    return f"{sign}Rp {fmt_int(abs(n), lang)}"


def fmt_compact(n: float, lang: str) -> str:
    """A compact number (CLDR's short decimal formats, at most one decimal): 37_500_000 -> '37,5 jt' (id) /
    '37.5M' (en); 1_500_000_000 -> '1,5 M' / '1.5B'; 150_000 -> '150 rb' / '150K'; below 1,000 as is.

    CLDR's Indonesian short forms are exactly the ones Indonesian marketers write (rb, jt, M = miliar,
    T = triliun) and its English ones are K, M, B, T, so both are used unchanged; only CLDR's no-break space
    before the unit becomes an ordinary space."""
    if not _finite(n):
        return NA
    s = format_compact_decimal(n, format_type="short", fraction_digits=1, locale=_locale(lang))
    return s.replace("\u00a0", " ")


def fmt_idr_short(n: float, lang: str) -> str:
    """Compact rupiah for charts and tight cells: 'Rp 37,5 jt' / 'Rp 37.5M', 'Rp 1,5 M' / 'Rp 1.5B'.
    Babel's compact decimal formats (see `fmt_compact`) with 'Rp ' in front."""
    if not _finite(n):
        return NA
    sign = "-" if n <= -0.5 else ""
    return f"{sign}Rp {fmt_compact(abs(n), lang)}"


def fmt_pct(x: float, lang: str, digits: int = 1) -> str:
    """A percentage given in percent units: 3.86 -> '3,9%' (id) / '3.9%' (en); digits=2 -> '3,86%'."""
    if not _finite(x):
        return NA
    return format_percent(x / 100, format=_pattern(max(0, digits), "%"), locale=_locale(lang))


def fmt_range(low: float, high: float, lang: str, money: bool = False) -> str:
    """'Rp 1.000.000 – Rp 2.500.000' / '1.000 – 2.000'; one value when both ends round to the same."""
    f = fmt_idr if money else fmt_int
    if not (_finite(low) and _finite(high)):
        return NA
    if round(low) == round(high):
        return f(low, lang)
    return f"{f(low, lang)} – {f(high, lang)}"
