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
from dataclasses import dataclass
from decimal import Decimal

from babel.numbers import format_decimal

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
    is not well formed that way (groups after the first must have exactly three digits)."""
    whole, sep, frac = num.partition(dec)
    if sep and (not frac or not frac.isdigit()):
        return None
    groups = whole.split(grp)
    if not all(g.isdigit() for g in groups):
        return None
    if len(groups) > 1 and not (1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])):
        return None
    return Decimal("".join(groups) + ("." + frac if frac else ""))


def _whole(d: Decimal) -> bool:
    return d == d.to_integral_value()


def _distinct(values: list[Decimal | None]) -> tuple[Decimal, ...]:
    out: list[Decimal] = []
    for v in values:
        if v is not None and all(v != o for o in out):
            out.append(v)
    return tuple(out)


def read_amount(text: object, lang: str = "id", maximum: int | None = None) -> AmountReading:
    """Read a typed (or linked) rupiah amount in the user's language `lang` ('id' or 'en').

    Never raises. The result has the whole-rupiah value, or a code and the possible readings; `maximum`
    (optional) refuses larger values with code 'too_large'."""
    lg = "en" if lang == "en" else "id"
    raw = text if isinstance(text, str) else ""

    def no(code: str, readings: tuple[Decimal, ...] = ()) -> AmountReading:
        return AmountReading(raw, lg, None, code, readings, maximum)

    if len(raw) > MAX_AMOUNT_CHARS:
        return no("too_long")
    s = " ".join(raw.lower().split())
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
    elif unit in _LETTERS[lg]:
        power = _LETTERS[lg][unit]
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
    elif theirs is not None and _whole(theirs * mult) and theirs == ignored:
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


def round_up_said(n: float) -> int:
    """A minimum amount as a person would say it: rounded UP to two significant figures, so it is never
    less than the exact minimum (352.941 -> 360.000; 1.234.567 -> 1.300.000; 85.000.001 -> 86.000.000).
    Amounts below 100 are returned whole, rounded up."""
    whole: int = math.ceil(n)
    if whole < 100:
        return max(whole, 0)
    step = 10 ** (len(str(whole)) - 2)
    return int(-(-whole // step) * step)


def read_decimal(text: object, lang: str = "id") -> Decimal | None:
    """A typed decimal number in the user's language ('12,5' in Indonesian, '12.5' in English; a bare
    '12' either way), or None when it cannot be read that way for sure. A trailing '%' is allowed."""
    s = str(text or "").strip().removesuffix("%").strip()
    if not s or not s.isascii() or not re.fullmatch(r"[0-9][0-9.,]*", s):
        return None
    dec, grp = _CONV["en" if lang == "en" else "id"]
    return _read(s, dec, grp)
