"""A table that fits a phone: the full table on wide screens; on a phone (the frame's CSS shows one of the two)
the key column to pick a row from and that row's figures as a two-column detail view, never wider than the
screen."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import streamlit as st

from ui.text import plain, tr


def _records(data: Sequence[Mapping[str, Any]] | Mapping[str, Iterable[Any]]) -> list[dict[str, Any]]:
    if isinstance(data, Mapping):
        cols = {k: list(v) for k, v in data.items()}
        n = len(next(iter(cols.values()), []))
        return [{k: v[i] for k, v in cols.items()} for i in range(n)]
    return [dict(r) for r in data]


def fitted_table(data: Sequence[Mapping[str, Any]] | Mapping[str, Iterable[Any]], key: str, first: str | None = None,
                 **kwargs: Any) -> None:
    """st.dataframe(data, key=key) on wide screens; on a phone, a picker on the key column and a detail view.
    `first` names the key column when it is not already the first (it is moved first in both views)."""
    rows = _records(data)
    if first is not None and rows and first in rows[0]:
        rows = [{first: r[first], **{k: v for k, v in r.items() if k != first}} for r in rows]
        data = rows
    with st.container(key=f"rtw_{key}"):
        st.dataframe(data, hide_index=True, width="stretch", key=key, **kwargs)
    if not rows:
        return
    first = next(iter(rows[0]))
    with st.container(key=f"rtn_{key}"), st.expander(tr("flow.table.details", column=first, n=len(rows)),
                                                      icon=":material/table_rows:"):
        i = st.selectbox(tr("flow.table.pick", column=first), range(len(rows)), key=f"rtn_pick_{key}",
                         format_func=lambda j: str(rows[j][first]))
        row = rows[i if isinstance(i, int) and 0 <= i < len(rows) else 0]
        st.table({tr("flow.table.field"): [plain(str(k)) for k in list(row)[1:]],
                  tr("flow.table.value"): [plain(str(v)) for v in list(row.values())[1:]]})
