"""Learn: KOL vs influencer vs KOC vs micro-influencer, the differences, tiers, combining, the checklist."""

from __future__ import annotations

import streamlit as st

from guide import knowledge
from guide.advice.models import TIERS
from guide.text.i18n import t_list
from ui import figures, lang, money, page_guard, plain, show_notices, source_title, tr

page_guard()

show_notices()
lg = lang()
articles = knowledge().sources.articles


def article_titles(numbers: str) -> str:
    """'000, 002' (article numbers in the catalog) -> the articles' titles."""
    by_number = {a.id.split("_")[0]: source_title(a) for a in articles}
    return "; ".join(by_number.get(n.strip(), n.strip()) for n in numbers.split(","))


st.title(tr("learn.title"))
st.markdown(tr("learn.lead"))

st.subheader(tr("learn.who_title"))
headers = t_list(lg, "learn.who_headers")
cards = st.columns(2)
for i, key in enumerate(("kol", "influencer", "micro", "koc")):
    row = t_list(lg, f"learn.who.{key}")
    with cards[i % 2].container(border=True):
        st.markdown(f"#### {row[0]}")
        values = [*row[1:-1], article_titles(row[-1])]
        st.markdown("\n".join(f"- **{h}:** {plain(v)}" for h, v in zip(headers[1:], values, strict=True)))

st.subheader(tr("learn.diff_title"))
st.caption(tr("learn.diff_note"))
for item in t_list(lg, "learn.diffs"):
    st.markdown(f"- {item}")

st.subheader(tr("learn.tiers_title"))
fig = figures()
st.table({  # st.table renders Markdown: "> 1 jt" would become a quote, so cells are escaped
    tr("learn.tier"): [tr(f"kind.{k}") for k in TIERS],
    tr("learn.followers"): [plain(x) for x in t_list(lg, "learn.tier_followers")],
    tr("learn.rate"): [plain(f"{money(fig.kinds[k].rate_low)} – {money(fig.kinds[k].rate_high)}") for k in TIERS],
})
st.caption(plain(fig.tier_scheme.note_en if lg == "en" else fig.tier_scheme.note_id))

st.subheader(tr("learn.combine_title"))
for item in t_list(lg, "learn.combine"):
    st.markdown(f"- {item}")

st.subheader(tr("learn.checklist_title"))
st.caption(tr("learn.checklist_lead"))
for i, item in enumerate(t_list(lg, "learn.checklist")):
    st.checkbox(item, key=f"chk_{i}")

st.subheader(tr("learn.sources_title"))
for a in articles:
    title = source_title(a)
    url, publisher = a.url, a.publisher
    name = f"[{title}]({url})" if url else f"**{title}**"
    st.markdown(f"- {name}" + (f" — {publisher}" if publisher else "") + f": {a.summary(lg)}")
