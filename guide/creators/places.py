"""Regions and professions the shortlist reads from data/: which roster cities a brief's region covers
(data/regions.yaml: Jabodetabek, Gerbangkertosusila, Bandung Raya) and which industries a KOL's expertise fits
(data/expertise.yaml, with the doctors the MKEK fatwa concerns). Pure; the files load once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

DATA = Path(__file__).resolve().parents[2] / "data"
_PREFIX = re.compile(r"^(kota|kabupaten|kab\.?|kota administrasi|dki)\s+")


def normal_place(text: str) -> str:
    """A city name compared loosely: case and spaces folded, a leading 'Kota'/'Kabupaten'/'DKI' dropped."""
    s = " ".join(str(text).casefold().replace(",", " ").split())
    return _PREFIX.sub("", s)


@dataclass(frozen=True)
class Region:
    """What a brief's region (or the page's city) filters by: a named metro area or one place."""

    text: str  # as the user wrote it
    key: str | None  # the metro area's id in data/regions.yaml, or None for a single place
    cities: tuple[str, ...]  # normalised names that match

    def matches(self, city: str) -> bool:
        c = normal_place(city)
        if not c:
            return False
        return any(c == w or c.startswith(w + " ") for w in self.cities)


@lru_cache(maxsize=1)
def _regions() -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    with open(DATA / "regions.yaml", encoding="utf-8") as f:
        raw = yaml.safe_load(f)
    return {k: (tuple(dict.fromkeys(normal_place(n) for n in v["names"])),
                tuple(dict.fromkeys(normal_place(c) for c in v["cities"])))
            for k, v in raw["regions"].items()}


def region_of(text: str | None) -> Region | None:
    """The region a brief or the page names; None for blank. A metro area's name expands to its cities."""
    if not text or not text.strip():
        return None
    want = normal_place(text)
    for key, (names, cities) in _regions().items():
        if want in names or want == key.replace("_", " "):
            return Region(text=text.strip(), key=key, cities=cities)
    return Region(text=text.strip(), key=None, cities=(want,))


@dataclass(frozen=True)
class Profession:
    id: str
    words: tuple[str, ...]
    industries: frozenset[str]
    doctor: bool


@lru_cache(maxsize=1)
def _professions() -> tuple[tuple[Profession, ...], frozenset[str]]:
    with open(DATA / "expertise.yaml", encoding="utf-8") as f:
        raw = yaml.safe_load(f)
    profs = tuple(Profession(id=k, words=tuple(str(w).casefold() for w in v["words"]),
                             industries=frozenset(v["industries"]), doctor=bool(v.get("doctor", False)))
                  for k, v in raw["professions"].items())
    return profs, frozenset(raw["mkek_industries"])


def _has(text: str, word: str) -> bool:
    return re.search(r"(?<!\w)" + re.escape(word) + (r"(?!\w)" if word[-1].isalnum() else ""), text) is not None


@lru_cache(maxsize=4096)
def expertise_profile(expertise: str) -> tuple[frozenset[str], bool]:
    """(industries the expertise speaks for, whether it names a doctor) from the roster's free text."""
    text = " ".join(str(expertise).casefold().split())
    if not text:
        return frozenset(), False
    inds: set[str] = set()
    doctor = False
    for p in _professions()[0]:
        if any(_has(text, w) for w in p.words):
            inds |= p.industries
            doctor = doctor or p.doctor
    return frozenset(inds), doctor


def mkek_applies(industry: str) -> bool:
    """Whether the MKEK fatwa 022/2020 keeps doctors out of paid ads for this industry's products."""
    return industry in _professions()[1]
