"""Rupiah amounts as marketers type them, read one way or refused with every reading shown.

Accepted in both languages: "Rp 75.000.000", "75.000.000,-", "75 juta", "75jt", "150rb", "150 ribu",
"1,5 miliar", "2 T", "75k", "1.5 million"; "1,5 M" is 1.500.000.000 in Indonesian (M = miliar) and
"1.5M" is 1,500,000 in English (M = million).

How a number is read:

* The *writing convention* is Indonesian (`.` groups thousands, `,` marks decimals) or English (the other way
  round). A unit word decides it when it belongs to one language ("juta", "rb", "miliar" are Indonesian;
  "million", "bn", "thousand" English); otherwise the user's language does.
* A reading is accepted when the number is well formed in that convention and gives whole rupiah, unless a
  single separator followed by exactly three digits could also be a thousands separator in the other
  convention ("1.000" typed in English: 1 or 1,000?): then it is refused as ambiguous.
* When the number is not well formed in that convention, it is accepted only if the other convention reads
  it well *and* agrees with reading it with every separator ignored ("75.000.000" typed in English). Otherwise
  ("75.5 juta" in Indonesian: 75,5 juta or 755 juta? "60000000.00": 60 juta or 6 miliar?) it is refused and
  the message shows the readings.
* Fractions of a rupiah ("Rp 1.000.000,50", "1,5") are refused with the readings too.

`read_amount` returns an `AmountReading` (the value, or a problem code with the readings and a message in
the user's language); `parse_amount` is the short form (the value or None). `say_amount` echoes an amount in
digits and words ("Rp 75.000.000 (75 juta)") for the wizard to show before the amount is used.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal

from babel.numbers import NumberFormatError, format_decimal
from babel.numbers import parse_decimal as babel_parse_decimal

from guide.text.i18n import fmt_idr, t
from guide.text.safetext import plain_md, plain_text

MAX_AMOUNT_CHARS = 200
MAX_DIGITS = 15

# unit -> (power of ten, convention it implies or None)
_UNITS_ID: dict[str, int] = {
    "rb": 3, "rbu": 3, "ribu": 3, "jt": 6, "juta": 6, "miliar": 9, "milyar": 9, "triliun": 12,
}
_UNITS_EN: dict[str, int] = {
    "thousand": 3, "mn": 6, "mio": 6, "million": 6, "bn": 9, "billion": 9, "tn": 12, "trillion": 12,
}
_LETTERS: dict[str, dict[str, int]] = {  # single letters mean what the user's language says
    "id": {"k": 3, "m": 9, "b": 9, "t": 12},
    "en": {"k": 3, "m": 6, "b": 9, "t": 12},
}
_CONV = {"id": (",", "."), "en": (".", ",")}  # language -> (decimal mark, group separator)
_SHAPE = re.compile(r"^(?P<num>[0-9][0-9.,]*)\s*(?P<unit>[a-z]*)\.?$")
_WORDS = (12, 9, 6, 3)


@dataclass(frozen=True)
class AmountReading:
    """The outcome of reading one typed amount.

    `value` is the amount in whole rupiah when it was read, else None and `code` says why:
    empty | unreadable | negative | ambiguous | not_whole | too_long | too_large. `readings` are the values
    the text could mean (shown in the message, so the user can retype it without doubt)."""

    text: str
    lang: str
    value: int | None
    code: str = "ok"
    readings: tuple[Decimal, ...] = ()
    maximum: int | None = None

    @property
    def ok(self) -> bool:
        return self.value is not None

    def options(self, lang: str | None = None) -> str:
        """The readings in words of `lang`: 'Rp 75.500.000 atau Rp 755.000.000'."""
        lg = lang or self.lang
        return t(lg, "input.amount.or").join(_say_reading(r, lg) for r in self.readings)

    def message(self, lang: str | None = None, *, markdown: bool = True) -> str:
        """What to tell the user, in `lang` (default: the language it was read in). With `markdown` the
        typed text is made Markdown-safe (for st.error / st.warning); otherwise it is plain text."""
        lg = lang or self.lang
        if self.value is not None:
            return say_amount(self.value, lg)
        typed = plain_text(self.text, 60)
        typed = plain_md(typed) if markdown else typed
        options = self.options(lg)
        retype = t(lg, "input.amount.or").join(
            amount_words(int(r), lg) for r in self.readings if r == r.to_integral_value() and r >= 1000)
        key = f"input.amount.{self.code}"
        if self.code == "ambiguous" and not retype:
            key = "input.amount.ambiguous_plain"
        return t(lg, key, text=typed, options=options, retype=retype, example=fmt_idr(50_000_000, lg),
                 maximum=fmt_idr(self.maximum or 0, lg))


def _fmt_decimal(d: Decimal, lang: str) -> str:
    return str(format_decimal(d, format="#,##0.##########", locale="id" if lang == "id" else "en"))


def _say_reading(d: Decimal, lang: str) -> str:
    if d == d.to_integral_value():
        return fmt_idr(int(d), lang)
    return "Rp " + _fmt_decimal(d, lang)


def amount_words(n: int, lang: str) -> str:
    """An amount in words: 75000000 -> '75 juta' / '75 million'; 1500000000 -> '1,5 miliar' / '1.5 billion';
    below a thousand, the digits. An amount that needs more than two decimals in its largest unit is
    rounded to one decimal and said as such: 'sekitar 75,1 juta' / 'about 75.1 million'."""
    if n < 1000:
        return _fmt_decimal(Decimal(n), lang)
    power = next(p for p in _WORDS if n >= 10**p)
    value = Decimal(n) / 10**power
    unit = t(lang, f"input.amount.unit.{power}")
    if value == value.quantize(Decimal("0.01")):  # three decimals would read as thousands: "1,001 ribu"
        return f"{_fmt_decimal(value.normalize(), lang)} {unit}"
    rounded = value.quantize(Decimal("0.1")).normalize()
    return t(lang, "input.amount.about", words=f"{_fmt_decimal(rounded, lang)} {unit}")


def say_amount(n: int, lang: str) -> str:
    """Digits and words, for echoing before use: 'Rp 75.000.000 (75 juta)', 'Rp 75,000,000 (75 million)'."""
    digits = fmt_idr(n, lang)
    return digits if n < 1000 else f"{digits} ({amount_words(n, lang)})"


def _read(num: str, dec: str, grp: str) -> Decimal | None:
    """`num` (digits, '.' and ',') read with decimal mark `dec` and group separator `grp`, or None when it
    is not well formed that way (Babel's strict parser: groups after the first have exactly three digits)."""
    if not num[:1].isdigit() or not num[-1:].isdigit():
        return None
    try:
        return babel_parse_decimal(num, locale="id" if dec == "," else "en", strict=True)
    except NumberFormatError:
        return None


def ascii_digits(text: str) -> str:
    """Digits of any script as ASCII digits: NFKC folds fullwidth forms ('１２３４５' -> '12345'), and every
    other decimal digit ('٢٥٠٠٠', '२५०००') is replaced by its value. Other characters are left as they are."""
    s = unicodedata.normalize("NFKC", text)
    if s.isascii():
        return s
    return "".join(str(unicodedata.decimal(ch)) if not ch.isascii() and unicodedata.decimal(ch, None) is not None
                   else ch for ch in s)


def _whole(d: Decimal) -> bool:
    return d == d.to_integral_value()


def _distinct(values: list[Decimal | None]) -> tuple[Decimal, ...]:
    out: list[Decimal] = []
    for v in values:
        if v is not None and all(v != o for o in out):
            out.append(v)
    return tuple(out)


def read_amount(text: object, lang: str = "id", maximum: int | None = None, *,
                letters: dict[str, int] | None = None, either: bool = False) -> AmountReading:
    """Read a typed (or linked) rupiah amount in the user's language `lang` ('id' or 'en').

    Never raises. The result has the whole-rupiah value, or a code and the possible readings; `maximum`
    (optional) refuses larger values with code 'too_large'. A number written in the user's own convention
    with a unit word of the other language ("2.5 jt" typed in English) is read in the user's convention when
    only that one reads it well. `letters` replaces the single-letter units (a file's follower counts:
    k, m, b = thousand, million, billion); `either` (cells of a file, which has no typing language) accepts
    whichever convention alone reads the number well."""
    lg = "en" if lang == "en" else "id"
    raw = text if isinstance(text, str) else ""

    def no(code: str, readings: tuple[Decimal, ...] = ()) -> AmountReading:
        return AmountReading(raw, lg, None, code, readings, maximum)

    if len(raw) > MAX_AMOUNT_CHARS:
        return no("too_long")
    s = " ".join(ascii_digits(raw).lower().split())
    if not s:
        return no("empty")
    s = re.sub(r"^(?:rp\.?|idr)\s*", "", s)
    s = re.sub(r"\s*(?:rupiah|rp|idr)$", "", s)
    s = re.sub(r"\s*[,.]\s*-$", "", s)  # "75.000.000,-" (no cents)
    if s.startswith(("-", "−", "minus")):
        return no("negative")
    m = _SHAPE.match(s) if s.isascii() else None
    if m is None:
        return no("unreadable")
    num, unit = m.group("num"), m.group("unit")
    conv = lg
    if unit in _UNITS_ID:
        power, conv = _UNITS_ID[unit], "id"
    elif unit in _UNITS_EN:
        power, conv = _UNITS_EN[unit], "en"
    elif unit in (letters if letters is not None else _LETTERS[lg]):
        power = (letters if letters is not None else _LETTERS[lg])[unit]
    elif unit == "":
        power = 0
    else:
        return no("unreadable")
    if sum(ch.isdigit() for ch in num) > MAX_DIGITS:
        return no("too_large" if maximum is not None else "unreadable")
    mult = Decimal(10) ** power
    other = "en" if conv == "id" else "id"
    dec, grp = _CONV[conv]
    mine = _read(num, dec, grp)
    theirs = _read(num, *_CONV[other])
    has_sep = "." in num or "," in num
    ignored = Decimal(num.replace(".", "").replace(",", "")) if has_sep else None

    def scaled(d: Decimal | None) -> Decimal | None:
        return None if d is None else d * mult

    value: Decimal | None = None
    if mine is not None:
        # One separator, three digits after it, read as a decimal mark here but as thousands there.
        single = num.count(dec) == 1 and grp not in num and len(num.partition(dec)[2]) == 3
        if single and theirs is not None and theirs != mine:
            return no("ambiguous", _distinct([scaled(mine), scaled(theirs)]))
        if not _whole(mine * mult):
            return no("not_whole", _distinct([scaled(mine), scaled(theirs), scaled(ignored)]))
        value = mine * mult
    elif theirs is not None and _whole(theirs * mult) and (theirs == ignored or other == lg or either):
        value = theirs * mult
    else:
        if theirs is not None and not _whole(theirs * mult):
            return no("not_whole", _distinct([scaled(theirs), scaled(ignored)]))
        first = re.search(r"[.,]", num)
        as_decimal = None
        if first is not None and theirs is None:
            head, tail = num[: first.start()], num[first.end():].replace(".", "").replace(",", "")
            as_decimal = Decimal(f"{head}.{tail}") if tail else None
        readings = _distinct([scaled(theirs), scaled(ignored), scaled(as_decimal)])
        return no("ambiguous" if len(readings) > 1 else "unreadable", readings)
    n = int(value)
    if maximum is not None and n > maximum:
        return AmountReading(raw, lg, None, "too_large", (value,), maximum)
    return AmountReading(raw, lg, n)


def parse_amount(text: str, lang: str = "id") -> int | None:
    """The whole-rupiah value of a typed amount, or None when it cannot be read one way for sure
    (see `read_amount` for why, with a message)."""
    return read_amount(text, lang).value


# ---- numbers in the cells of a file (roster, results, the Assumptions grid) ---------------------------------

# A file has no typing language: single letters mean what they mean on social media (12.5K, 1.2M followers).
COUNT_LETTERS: dict[str, int] = {"k": 3, "m": 6, "b": 9}
MONEY_LETTERS: dict[str, int] = {"k": 3}  # "M" in a fee is juta or miliar: refused as ambiguous
_GROUPS = re.compile(r"^\d{1,3}(?:([., \u00a0\u202f'])\d{3})(?:\1\d{3})*$")
_ZERO_CENTS = re.compile(r"^(\d[\d., \u00a0\u202f']*?)[.,]00?$")
_PLAIN_DECIMAL = re.compile(r"^\d{1,15}(?:[.,]\d+)?$")

# Codes a cell number can be refused with (tabular.problem.<code> words each one).
NUMBER_CODES = ("not_number", "not_whole", "negative", "ambiguous", "ambiguous_m", "too_large")


def _cell_str(value: object) -> str:
    return ascii_digits(str(value)).strip().lower().replace("\u00a0", " ").replace("\u202f", " ")


def read_count(value: object, money: bool = False, maximum: int = 10**15) -> tuple[int | None, str]:
    """A whole, non-negative number in a cell, as people write it: (value, '') or (None, code).

    Numeric cells (an Excel number) are taken as they are, if whole. Text: '12500', '12.500', '12,500',
    '12 500', '１２５００', '١٢٥٠٠' -> 12500 (one separator followed by groups of three is a thousands
    separator, whatever the language); '12,5rb', '12.5K', '1.2M' (counts) -> 12500, 1200000; money also
    'Rp 1.500.000', 'Rp 1,5 juta', 'IDR 2 jt', '1.500.000,00', '75.000.000,-'. A bare 'M' in money is refused
    as 'ambiguous_m' (juta or miliar?); '1.500K' as 'ambiguous'; '12,5' as 'not_whole'. An empty cell is
    (None, '')."""
    if isinstance(value, bool):
        return None, "not_number"
    if isinstance(value, int):
        return (value, "") if 0 <= value <= maximum else (None, "negative" if value < 0 else "too_large")
    if isinstance(value, float):
        if not math.isfinite(value):
            return None, "not_number"
        if not value.is_integer():
            return None, "not_whole"
        return read_count(int(value), money, maximum)
    s = _cell_str(value)
    if not s:
        return None, ""
    if money:
        s = re.sub(r"^(?:rp\.?|idr)\s*", "", s)
        s = re.sub(r"\s*[,.]\s*-$", "", s)
    if s.startswith(("-", "−")):
        return None, "negative"
    cents = _ZERO_CENTS.match(s)
    if cents and (cents.group(1).isdigit() or _GROUPS.match(cents.group(1))):
        s = cents.group(1)
    if s.isdigit() and s.isascii():
        n = int(s) if len(s) <= 18 else maximum + 1
    elif _GROUPS.match(s):
        n = int(re.sub(r"\D", "", s))
    else:
        if money and re.fullmatch(r"[0-9][0-9.,]*\s*[mb]\.?", s):
            return None, "ambiguous_m"
        if re.fullmatch(r"\d{1,3}[.,]\d{3}\s*[a-z]+\.?", s):  # '1.500K': 1.5 or 1,500 thousand?
            return None, "ambiguous"
        r = read_amount(s, "id", letters=MONEY_LETTERS if money else COUNT_LETTERS, either=True)
        if r.value is None:
            code = {"unreadable": "not_number", "empty": "not_number", "too_long": "not_number"}.get(r.code, r.code)
            if code in ("ambiguous", "not_whole") and not re.search(r"[a-z]", s):
                code = "not_whole" if re.fullmatch(r"\d+[.,]\d+", s) else "not_number"
            return None, code
        n = r.value
    if n > maximum:
        return None, "too_large"
    return n, ""


def read_percent(value: object) -> tuple[float | None, str]:
    """A percentage in a cell: '3.5', '3,5', '3.5%', '３,５ %', an Excel number -> 3.5. Between 0 and 100,
    else 'percent_range'; empty -> (None, '')."""
    if isinstance(value, bool):
        return None, "not_number"
    if isinstance(value, int | float):
        v = float(value)
    else:
        s = _cell_str(value).replace("%", "").replace(" ", "")
        if not s:
            return None, ""
        if s.startswith(("-", "−")):
            return None, "negative"
        if not _PLAIN_DECIMAL.match(s):
            return None, "not_number"
        v = float(s.replace(",", "."))
    if not math.isfinite(v):
        return None, "not_number"
    if v < 0 or v > 100:
        return None, "percent_range"
    return v, ""


def read_decimal(value: object) -> tuple[float | None, str]:
    """A count that may carry decimals (an average): a whole count as `read_count` reads it, or '1250,5' /
    '1250.75' (at most two decimals, so '1.250' stays one thousand two hundred and fifty)."""
    n, code = read_count(value)
    if n is not None:
        return float(n), ""
    if isinstance(value, float) and math.isfinite(value) and value >= 0:
        return value, ""
    s = _cell_str(value).replace(" ", "")
    if re.fullmatch(r"\d{1,15}[.,]\d{1,2}", s):
        return float(s.replace(",", ".")), ""
    return None, code or "not_number"


def read_number(value: object) -> float | None:
    """Any number in a cell or a grid, as a float: an int or float as it is (NaN and infinity too, for the
    caller to refuse), or typed text: '12.5', '12,5', '1.250.000', '1,250,000.75', '-3', '１２', '٢٫٥' (digits
    of any script). None when it is not a number ('abc', '', True)."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return float(value)
    if not isinstance(value, str):
        try:
            return float(value)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return None
    s = _cell_str(value).replace(" ", "").replace("\u066b", ".")  # Arabic decimal separator
    sign = -1.0 if s.startswith(("-", "−")) else 1.0
    s = s.lstrip("-−+")
    if re.fullmatch(r"\d{1,20}(?:\.\d+)?", s):
        return sign * float(s)
    if re.fullmatch(r"\d{1,20},\d+", s) and not _GROUPS.match(s):
        return sign * float(s.replace(",", "."))
    if _GROUPS.match(s):
        return sign * float(re.sub(r"\D", "", s))
    for lang in ("id", "en"):
        dec, grp = _CONV[lang]
        d = _read(s, dec, grp) if s[:1].isdigit() else None
        if d is not None and grp in s and dec in s:
            return sign * float(d)
    if re.fullmatch(r"(?:inf|infinity|nan)|\d+(?:\.\d+)?e[+-]?\d+", s):  # as a grid or a program writes them
        return sign * float(s)
    return None


def round_up_said(n: float) -> int:
    """A minimum amount as a person would say it: rounded UP to two significant figures, so it is never
    less than the exact minimum (352.941 -> 360.000; 1.234.567 -> 1.300.000; 85.000.001 -> 86.000.000).
    Amounts below 100 are returned whole, rounded up."""
    whole: int = math.ceil(n)
    if whole < 100:
        return max(whole, 0)
    step = 10 ** (len(str(whole)) - 2)
    return int(-(-whole // step) * step)


def read_typed_decimal(text: object, lang: str = "id") -> Decimal | None:
    """A typed decimal number in the user's language ('12,5' in Indonesian, '12.5' in English; a bare
    '12' either way), or None when it cannot be read that way for sure. A trailing '%' is allowed."""
    s = str(text or "").strip().removesuffix("%").strip()
    if not s or not s.isascii() or not re.fullmatch(r"[0-9][0-9.,]*", s):
        return None
    dec, grp = _CONV["en" if lang == "en" else "id"]
    return _read(s, dec, grp)
