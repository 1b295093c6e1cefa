"""The one problem type: what is wrong with an uploaded file, a typed table or a link, and where.

Every reader of user input (the tabular reader, the roster, the results, the Assumptions grid) reports with
`Problem`: the spreadsheet row (the header is row 1; 0 for the file as a whole), the column *as the user's
own file names it* (`impresi`, `tanggal_posting`, `Followers (IG)`), the canonical field it was read as,
a code, a severity and the parameters of its message. `message(lang)` words it from the catalog key
`<area>.problem.<code>` in Indonesian or English, so each feature keeps its own wording in its own catalog
file while every page and command shows problems the same way.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal

from guide.text.i18n import fmt_int, t

Severity = Literal["error", "warning"]

# Parameters that are counts or limits: formatted in the reader's language ("5.000" / "5,000").
NUMERIC_PARAMS = frozenset({"max", "max_mb", "limit_n", "rows_n", "cells_n"})


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input. `column` is the user's own header ('' for a whole row or the file);
    `field` the canonical column it stands for ('' when none); `area` picks the catalog
    (`tabular`, `creators`, `results`, `assumptions`)."""

    row: int
    column: str
    code: str
    severity: Severity = "error"
    params: tuple[tuple[str, str], ...] = ()
    field: str = ""
    area: str = "tabular"

    def param(self, name: str, default: str = "") -> str:
        """One parameter of the message (e.g. the grid's `kind`), as text."""
        return dict(self.params).get(name, default)

    @property
    def key(self) -> str:
        return f"{self.area}.problem.{self.code}"

    def message(self, lang: str) -> str:
        kw: dict[str, Any] = {}
        for k, v in self.params:
            kw[k] = fmt_int(int(v), lang) if k in NUMERIC_PARAMS and v.lstrip("-").isdigit() else v
        kw.setdefault("column", self.column)
        return t(lang, self.key, **kw)

    def as_dict(self, lang: str) -> dict[str, Any]:
        return {"row": self.row, "column": self.column, "severity": self.severity, "message": self.message(lang)}


def problem(row: int, column: str, code: str, severity: Severity = "error", *, field: str = "",
            area: str = "tabular", **params: Any) -> Problem:
    """A Problem with its parameters as text (the catalog formats them)."""
    return Problem(row, column, code, severity, tuple((k, str(v)) for k, v in params.items()), field, area)


def errors(problems: Iterable[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == "error"]
