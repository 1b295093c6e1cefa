"""Learn: KOL vs influencer vs KOC vs micro-influencer, the differences, tiers, combining, the checklist."""

from __future__ import annotations

import streamlit as st

from guide import knowledge
from guide.i18n import t_list
from guide.models import TIERS
from pages._common import figures, lang, money, page_guard, show_notices, tr

page_guard()

show_notices()
lg = lang()
st.title(tr("learn.title"))
st.markdown(tr("learn.lead"))

st.subheader(tr("learn.who_title"))
headers = t_list(lg, "learn.who_headers")
cards = st.columns(2)
for i, key in enumerate(("kol", "influencer", "micro", "koc")):
    row = t_list(lg, f"learn.who.{key}")
    with cards[i % 2].container(border=True):
        st.markdown(f"#### {row[0]}")
        st.markdown("\n".join(f"- **{h}:** {v}" for h, v in zip(headers[1:], row[1:], strict=True)))

st.subheader(tr("learn.diff_title"))
st.caption(tr("learn.diff_note"))
for item in t_list(lg, "learn.diffs"):
    st.markdown(f"- {item}")

st.subheader(tr("learn.tiers_title"))
fig = figures()
st.table({
    tr("learn.tier"): [tr(f"kind.{k}") for k in TIERS],
    tr("learn.followers"): t_list(lg, "learn.tier_followers"),
    tr("learn.rate"): [f"{money(fig.kinds[k].rate_low)} – {money(fig.kinds[k].rate_high)}" for k in TIERS],
})
st.caption(fig.tier_scheme.note_en if lg == "en" else fig.tier_scheme.note_id)

st.subheader(tr("learn.combine_title"))
for item in t_list(lg, "learn.combine"):
    st.markdown(f"- {item}")

st.subheader(tr("learn.checklist_title"))
st.caption(tr("learn.checklist_lead"))
for i, item in enumerate(t_list(lg, "learn.checklist")):
    st.checkbox(item, key=f"chk_{i}")

st.subheader(tr("learn.sources_title"))
for a in knowledge().sources.articles:
    st.markdown(f"- **{a.title(lg)}** — {a.publisher} (`{a.id}`) — {a.summary(lg)}")
