"""Assumptions: the rate card, tier scheme and engagement benchmarks with sources, editable per session."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from guide import knowledge
from guide.advice.assumptions import EDITABLE, FACTORS, INT_COLUMNS, figures_from_rows, figures_rows
from guide.text.i18n import fmt_decimal, fmt_int, fmt_pct
from guide.text.numbers import read_typed_decimal
from ui import figures, lang, page_guard, plain, show_notices, source_title, tr

page_guard()

show_notices()
lg = lang()
ss = st.session_state
shipped = knowledge().figures
st.title(tr("assumptions.title"))
st.markdown(tr("assumptions.lead"))

if ss.get("figures") is not None:
    st.info(tr("assumptions.edited_notice"), icon=":material/edit:")
if st.button(tr("assumptions.reset"), icon=":material/restart_alt:"):
    ss["figures"] = None
    for key in [k for k in ss if isinstance(k, str) and k.startswith("assumptions_editor")]:
        del ss[key]
    for key in [k for k in ss if isinstance(k, str) and k.startswith(("completion_input", "reserve_input"))]:
        del ss[key]
    ss["assumption_problems"] = []
    st.rerun()

current = figures()
df = pd.DataFrame(figures_rows(current))
# Numbers as text in the app's language (10.000.000 and 2,78 in Indonesian; 10,000,000 and 2.78 in English),
# never the browser's locale, and read back the same way (guide.text.numbers.read_typed_decimal). A cell that cannot
# be read is handed on as typed and refused by figures_from_rows with a message (1e400 is too large).
DIGITS = {"er_low": 2, "er_high": 2, "reach_low": 1, "reach_high": 1}
for col in EDITABLE:
    df[col] = [fmt_int(v, lg) if col in INT_COLUMNS else fmt_decimal(v, lg, DIGITS[col]) for v in df[col]]
df.insert(1, "label", [tr(f"kind.{k}") for k in df["kind"]])
# Sources by title in the user's language (the rows carry ids; " *" flags an assumption).
for col in ("rate_source", "followers_source", "er_source", "reach_source"):
    df[col] = [source_title(v.removesuffix(" *")) + (" *" if v.endswith(" *") else "") for v in df[col]]
column_config = {
    "kind": None,
    "label": st.column_config.TextColumn(tr("assumptions.col.kind"), disabled=True),
    **{col: st.column_config.TextColumn(tr(f"assumptions.col.{col}"), max_chars=20) for col in EDITABLE},
    "rate_source": st.column_config.TextColumn(tr("assumptions.col.rate_source"), disabled=True),
    "followers_source": st.column_config.TextColumn(tr("assumptions.col.followers_source"), disabled=True),
    "er_source": st.column_config.TextColumn(tr("assumptions.col.er_source"), disabled=True),
    "reach_source": st.column_config.TextColumn(tr("assumptions.col.reach_source"), disabled=True),
}
edited = st.data_editor(df, key=f"assumptions_editor_{lg}", hide_index=True, num_rows="fixed",
                        column_config=column_config, width="stretch",
                        disabled=["kind", "label", "rate_source", "followers_source", "er_source", "reach_source"])


def typed_number(label: str, key: str, value: float, digits: int, help_text: str) -> float | str:
    """A number typed the app's language's way ('12,5' in Indonesian, '12.5' in English), not the browser's;
    the key carries the language, so a switch shows it again in the new format. Unreadable text is handed on
    as text, so the figures refuse it with a message and keep the last good value."""
    k = f"{key}_{lg}"
    if k not in ss:
        ss[k] = fmt_int(value, lg) if float(value).is_integer() else fmt_decimal(value, lg, digits).rstrip("0")
    text = st.text_input(label, key=k, help=help_text, max_chars=12, live="600ms")
    n = read_typed_decimal(text, lg)
    return float(n) if n is not None else str(text or "?")


completion = typed_number(tr("assumptions.completion"), "completion_input", float(current.completion_factor.value), 2,
                          tr("assumptions.completion_help"))
# The reserve is typed in percent (15 for 15%) and handed to the engine as a share.
reserve_pct = typed_number(tr("assumptions.reserve"), "reserve_input", round(current.reserve_share.value * 100, 4), 2,
                           tr("assumptions.reserve_help", shipped=fmt_pct(shipped.reserve_share.value * 100, lg, 0)))

def cell(col: str, v: object) -> object:
    if col not in EDITABLE:
        return v
    n = read_typed_decimal(v, lg)
    return float(n) if n is not None else v


rows = [{str(k): cell(str(k), v) for k, v in r.items()} for r in edited.to_dict("records")] \
    if isinstance(edited, pd.DataFrame) else []
# The edited figures are derived every run from what the widgets hold, compared with the shipped figures
# (never a flag that can stick): the same edits give the same figures, so after one rerun the page settles,
# and an edit back to the shipped value brings back "no edits".
reserve = round(reserve_pct / 100, 6) if isinstance(reserve_pct, float) else reserve_pct
new, problems = figures_from_rows(rows, current, completion, reserve)
ss["assumption_problems"] = problems
target = None if new == shipped else new
if target != ss.get("figures"):
    ss["figures"] = target
    st.rerun()
for p in ss.get("assumption_problems", []):
    code = "reserve_range" if p.column == "reserve_share" else p.code
    st.error(tr(f"assumptions.problem.{code}", kind=tr(f"kind.{p.param('kind')}") if p.param("kind") else "",
                column=tr(f"assumptions.col.{p.column}") if p.column else ""), icon=":material/error:")

st.caption(tr("assumptions.star"))
st.caption(tr("law.assumptions.legend"))
st.subheader(tr("assumptions.scheme_title"))
scheme = current.tier_scheme
st.markdown(plain(scheme.note_en if lg == "en" else scheme.note_id))
st.dataframe({
    tr("assumptions.col.scheme"): [knowledge().sources.title(s["id"], lg) for s in scheme.other_schemes],
    **{tr(f"kind.{k}"): [s.get(k, "-") for s in scheme.other_schemes] for k in ("nano", "micro", "mid", "macro", "mega")},
}, hide_index=True, width="stretch")
st.subheader(tr("assumptions.notes_title"))
for kind, k in current.kinds.items():
    notes = " ".join(n for n in (k.note(x, lg) for x in ("rate", "followers", "er", "reach")) if n)
    st.markdown(f"- **{tr(f'kind.{kind}')}** — {tr('assumptions.er_mid', er=fmt_pct((k.er_low + k.er_high) / 2, lg))} "
                f"{plain(notes)}")
for name in FACTORS:
    f = getattr(current, name)
    st.markdown(f"- {tr(f'assumptions.col.{name}')}: {fmt_pct(f.value * 100, lg, 0)}{' *' if f.assumption else ''} — "
                f"{plain(f.note_text(lg))}")
st.subheader(tr("assumptions.other_title"))
for name, f in current.factors().items():
    if name in FACTORS:
        continue
    shown = fmt_pct(f.value * 100, lg, 0) if name.endswith("_share") else tr(
        "assumptions.times", x=fmt_decimal(f.value, lg, 1)) if name == "video_reach_factor" else fmt_int(f.value, lg)
    star = " *" if f.assumption else ""
    st.markdown(f"- {tr(f'assumptions.col.{name}')}: {shown}{star} — {plain(f.note_text(lg))}")
st.subheader(tr("assumptions.sources_title"))
for r in knowledge().sources.references:
    line = plain(tr("assumptions.source_line", title=r.title(lg), publisher=r.publisher))
    # A link where the source has one (a known https URL from data/sources.yaml, never user text).
    st.markdown(f"- [{line}]({r.url})" if r.url else f"- {line}")
    # What the source says (the passage each unflagged figure rests on), its clause, and what is unconfirmed.
    said = [tr("law.assumptions.clause", clause=r.clause)] if r.clause else []
    said += [tr("law.assumptions.passage", passage=r.quote)] if r.quote else []
    said += [tr("law.assumptions.unverified", why=r.unverified)] if r.unverified else []
    if said:
        st.caption(plain(" · ".join(said)))
