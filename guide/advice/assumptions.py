"""The editable assumptions table: Figures <-> rows, with every bad edit reported, never raised.

The Assumptions page shows one row per kind of creator; a user may type anything into it. Rows that fail
are reported (kind, column, problem) and the last good figures are kept.
"""

from __future__ import annotations

import math
from typing import Any

from guide.advice.knowledge import Figures, KindFigures
from guide.advice.models import KINDS, Kind
from guide.text.i18n import fmt_idr, fmt_int, fmt_pct, t
from guide.text.numbers import read_number
from guide.text.problems import Problem, problem

EDITABLE = ("rate_low", "rate_high", "followers_low", "followers_high", "er_low", "er_high", "reach_low", "reach_high")
INT_COLUMNS = ("rate_low", "rate_high", "followers_low", "followers_high")
MAX_VALUE = {"rate_low": 10**11, "rate_high": 10**11, "followers_low": 10**9, "followers_high": 10**9,
             "er_low": 100.0, "er_high": 100.0, "reach_low": 100.0, "reach_high": 100.0}
# Plan-wide figures a user may edit besides the rows: name -> (lowest, highest) allowed value.
FACTORS = {"completion_factor": (0.05, 1.0), "reserve_share": (0.0, 0.5)}


def EditProblem(kind: str, column: str, code: str) -> Problem:
    """A bad edit in the grid, as the one problem type (guide/text/problems.py): the grid row of `kind`
    (1-based, in KINDS order; 0 for the plan-wide factors), `column`, and `code` (missing_row | not_a_number |
    not_positive | too_large | low_above_high | factor_range). `p.param("kind")` is the kind."""
    row = KINDS.index(kind) + 1 if kind in KINDS else 0
    return problem(row, column, code, field=column, area="assumptions", kind=kind)


def figures_rows(figures: Figures) -> list[dict[str, Any]]:
    rows = []
    for kind in KINDS:
        k = figures.kinds[kind]
        rows.append({
            "kind": kind,
            **{c: getattr(k, c) for c in EDITABLE},
            "rate_source": k.rate_source + (" *" if k.rate_assumption else ""),
            "followers_source": k.followers_source + (" *" if k.followers_assumption else ""),
            "er_source": k.er_source + (" *" if k.er_assumption else ""),
            "reach_source": k.reach_source + (" *" if k.reach_assumption else ""),
        })
    return rows


def _number(v: Any) -> float | None:
    """A grid cell as a number: the one number reader (guide/text/numbers.py) for typed text."""
    return read_number(v)


def figures_from_rows(rows: list[dict[str, Any]], base: Figures, completion: Any = None,
                      reserve: Any = None) -> tuple[Figures, list[Problem]]:
    """Apply edited rows to `base`. Each bad cell keeps that kind's last good row; returns all problems.

    `completion` (share of planned posts published, above 0 and at most 1) and `reserve` (share of the budget
    held back for shipping, fees and boosting, 0 to 0.5) replace the plan-wide figures when given."""
    problems: list[Problem] = []
    by_kind: dict[str, dict[str, Any]] = {}
    for row in rows:
        kind = row.get("kind")
        if isinstance(kind, str) and kind in KINDS and kind not in by_kind:
            by_kind[kind] = row
    kinds: dict[Kind, KindFigures] = {}
    for kind in KINDS:
        old = base.kinds[kind]
        found = by_kind.get(kind)
        if found is None:
            problems.append(EditProblem(kind, "", "missing_row"))
            kinds[kind] = old
            continue
        row = found
        update: dict[str, Any] = {}
        bad = False
        for col in EDITABLE:
            n = _number(row.get(col))
            if n is None or math.isnan(n):
                problems.append(EditProblem(kind, col, "not_a_number"))
                bad = True
            elif math.isinf(n) or n > MAX_VALUE[col]:
                problems.append(EditProblem(kind, col, "too_large"))
                bad = True
            elif n <= 0:
                problems.append(EditProblem(kind, col, "not_positive"))
                bad = True
            else:
                update[col] = round(n) if col in INT_COLUMNS else float(n)
        if not bad:
            for name in ("rate", "followers", "er"):
                if update[f"{name}_low"] > update[f"{name}_high"]:
                    problems.append(EditProblem(kind, f"{name}_low", "low_above_high"))
                    bad = True
        if bad:
            kinds[kind] = old
            continue
        kinds[kind] = old.model_copy(update=update)
        # model_copy skips validation: re-validate so the result is as trustworthy as a loaded file.
        KindFigures.model_validate(kinds[kind].model_dump())
    changes: dict[str, Any] = {"kinds": kinds}
    for name, given in (("completion_factor", completion), ("reserve_share", reserve)):
        if given is None:
            continue
        lo, hi = FACTORS[name]
        n = _number(given)
        ok = n is not None and math.isfinite(n) and (lo < n <= hi if name == "completion_factor" else lo <= n <= hi)
        if not ok or n is None:
            problems.append(EditProblem("", name, "factor_range"))
        else:
            changes[name] = getattr(base, name).model_copy(update={"value": float(n)})
    return base.model_copy(update=changes), problems


def _pct_pair(old: float, new: float, lang: str, digits: int) -> tuple[str, str]:
    """Two percentages with at least `digits` decimals and as many more (at most 4) as either value needs to
    be shown exactly, so 12.5 never shows as '12%' and 2.78 → 2.781 shows as '2,780% → 2,781%'."""
    while digits < 4 and any(abs(round(x, digits) - x) > 1e-9 for x in (old, new)):
        digits += 1
    return fmt_pct(old, lang, digits), fmt_pct(new, lang, digits)


def _shown(col: str, old: float, new: float, lang: str) -> tuple[str, str]:
    if col.startswith("rate"):
        return fmt_idr(old, lang), fmt_idr(new, lang)
    if col.startswith("followers"):
        return fmt_int(old, lang), fmt_int(new, lang)
    return _pct_pair(old, new, lang, 2 if col.startswith("er") else 1)


def figure_changes(shipped: Figures, current: Figures | None, lang: str) -> list[str]:
    """What differs between the shipped figures and this session's, one line per changed value, in `lang`:
    'Mikro-influencer — Tarif rendah (Rp): Rp 500.000 → Rp 700.000' for each EDITABLE column of each kind
    (in KINDS order), then 'Faktor penyelesaian: 80% → 50%' and 'Cadangan anggaran: 15% → 10%'.
    `current` None (no edits) gives no lines."""
    if current is None:
        return []
    out: list[str] = []
    for kind in KINDS:
        old, new = shipped.kinds[kind], current.kinds[kind]
        for col in EDITABLE:
            a, z = getattr(old, col), getattr(new, col)
            if a != z:
                sa, sz = _shown(col, a, z, lang)
                out.append(t(lang, "assumptions.change", kind=t(lang, f"kind.{kind}"),
                             column=t(lang, f"assumptions.col.{col}"), old=sa, new=sz))
    for name in FACTORS:
        a, z = getattr(shipped, name).value, getattr(current, name).value
        if a != z:
            sa, sz = _pct_pair(a * 100, z * 100, lang, 0)
            out.append(t(lang, "assumptions.change_factor", column=t(lang, f"assumptions.col.{name}"),
                         old=sa, new=sz))
    return out
