"""Shared parts of the reference app (bench/reference_app.py and bench/reference_pages/).

The reference has what the Recommendation page draws, element for element (5 Altair charts of the same marks,
layers and row counts, 1 dataframe of 4 rows x 9 columns, 3 metrics, the same text elements, a code
block and 3 downloads), and what the app's frame has (page config, header with a two-option
segmented control, top navigation over 6 pages, query-parameter sync). None of the app's own work is
done: no engine, no translation catalog, no exports. So `app time / reference time` is what the app
adds on top of what Streamlit needs to show the same page.

Interactions mirror the app's:
- "brief" page: a radio with 8 options and captions and a selectbox (the wizard's goal step: goal and
  secondary goal); the radio picks one of 8 constant data variants (the app: changing the goal answer);
- the header's segmented control switches between two constant label sets (the app: ID/EN).
The "recommendation" page shows `?variant=N&second=M&lang=xx` in its code block, like the app's share link,
and the URL carries the same (query-parameter sync).
"""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

VARIANTS = ("alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta")
LABELS = {
    "id": {"title": "Referensi", "s": ("KOL", "Influencer", "KOC", "Gabungan"), "lang": "Bahasa"},
    "en": {"title": "Reference", "s": ("KOL", "Influencer", "KOC", "Combined"), "lang": "Language"},
}
RULES = ("rule-awareness-broad", "rule-budget-small", "rule-platform-tiktok", "rule-lifestyle",
         "rule-duration-short", "rule-new-brand")
TIERS = (("Nano", 5_500, 5.2, 750_000), ("Mikro", 31_000, 2.4, 3_500_000), ("Menengah", 220_000, 1.6, 12_000_000),
         ("Makro", 700_000, 1.1, 40_000_000), ("Mega", 3_000_000, 0.8, 150_000_000))
PLAN = (("Mikro", 1, 0, 2, 9, 18_000_000), ("Nano", 1, 0, 2, 20, 14_000_000),
        ("Menengah", 1, 2, 4, 1, 12_000_000), ("KOC", 2, 2, 4, 12, 6_000_000))
WIN, OTHER, POS, NEG = "#12A39A", "#8E9C9A", "#12A39A", "#D9663B"
PHASES = ["#12A39A", "#E39B2D", "#7B6CF0", "#D9663B"]


def variant() -> int:
    v = st.session_state.get("variant", 0)
    return v if isinstance(v, int) and 0 <= v < len(VARIANTS) else 0


def second() -> int | None:
    v = st.session_state.get("second")
    return v if isinstance(v, int) and 0 <= v < len(VARIANTS) else None


def share_params() -> dict[str, str]:
    """The reference's "share link": the answers and the language, like the app's query parameters."""
    out = {"variant": str(variant())}
    if second() is not None:
        out["second"] = str(second())
    out["lang"] = lang()
    return out


def lang() -> str:
    return "en" if st.session_state.get("lang") == "en" else "id"


def sized(chart: alt.TopLevelMixin, h: int) -> alt.TopLevelMixin:
    return chart.properties(usermeta={"height_px": h + 140})


def show(chart: alt.TopLevelMixin) -> None:
    st.altair_chart(chart, width="stretch", height=chart.usermeta["height_px"])


def scores_chart(v: int, lg: str) -> alt.TopLevelMixin:
    names = LABELS[lg]["s"]
    df = pd.DataFrame([{"strategy": n, "score": 30 + (i * 17 + v * 11) % 60, "winner": i == v % 4, "order": i}
                       for i, n in enumerate(names)])
    base = alt.Chart(df).properties(height=180, width="container")
    bars = base.mark_bar(cornerRadiusEnd=3).encode(
        x=alt.X("score:Q", title="Score", scale=alt.Scale(domain=[0, 100])),
        y=alt.Y("strategy:N", title=None, sort=alt.SortField("order")),
        color=alt.condition(alt.datum.winner, alt.value(WIN), alt.value(OTHER)),
        tooltip=[alt.Tooltip("strategy:N", title="Strategy"), alt.Tooltip("score:Q", title="Score", format=".1f")],
    )
    labels = bars.mark_text(align="left", dx=4).encode(text=alt.Text("score:Q", format=".0f"))
    return sized((bars + labels).properties(title=f"{LABELS[lg]['title']} {VARIANTS[v]}", height=180), 180)


def why_chart(v: int, lg: str) -> alt.TopLevelMixin:
    df = pd.DataFrame([{"rule": r, "points": ((i + v) % 5 - 2) * 7.5 or 3.0, "text": f"{r} ({lg})", "source": "src",
                        "sign": "+" if (i + v) % 5 >= 2 else "-"} for i, r in enumerate(RULES)])
    chart = alt.Chart(df).properties(height=156, width="container").mark_bar(cornerRadiusEnd=3).encode(
        x=alt.X("points:Q", title="Points"),
        y=alt.Y("rule:N", title=None, sort="-x", axis=alt.Axis(labelLimit=220)),
        color=alt.Color("sign:N", scale=alt.Scale(domain=["+", "-"], range=[POS, NEG]), legend=None),
        tooltip=[alt.Tooltip("text:N", title="Why"), alt.Tooltip("points:Q", format="+.1f"),
                 alt.Tooltip("source:N", title="Source")],
    ).properties(title=f"Why {VARIANTS[v]}")
    return sized(chart, 156)


def tiers_chart(v: int, lg: str) -> alt.TopLevelMixin:
    df = pd.DataFrame([{"tier": f"{n} {lg}", "followers": f, "er": er, "cost": c * (1 + v / 10),
                        "cost_label": f"Rp {c // 1000:,} rb", "er_label": f"{er:.1f}%"} for n, f, er, c in TIERS])
    base = alt.Chart(df).properties(height=260, width="container").encode(
        x=alt.X("followers:Q", title="Followers", scale=alt.Scale(type="log")),
        y=alt.Y("er:Q", title="ER"),
    )
    points = base.mark_circle(opacity=0.85, color=WIN).encode(
        size=alt.Size("cost:Q", scale=alt.Scale(type="log", range=[80, 1600]), title="Cost", legend=None),
        tooltip=[alt.Tooltip("tier:N", title="Tier"), alt.Tooltip("followers:Q", title="Followers", format=",.0f"),
                 alt.Tooltip("er_label:N", title="ER"), alt.Tooltip("cost_label:N", title="Cost")],
    )
    labels = base.mark_text(dy=-18, fontSize=12).encode(text="tier:N")
    cost = base.mark_text(dy=20, fontSize=11, opacity=0.8).encode(text="cost_label:N")
    return sized((points + labels + cost).properties(title="Tiers", height=260), 260)


def allocation_chart(v: int, lg: str) -> alt.TopLevelMixin:
    df = pd.DataFrame([{"kind": f"{k} {lg}", "cost": c * (1 + ((i + v) % 4) / 4), "label": f"Rp {c // 10**6} jt",
                        "phase": p} for i, (k, p, _s, _e, _n, c) in enumerate(PLAN)])
    bars = alt.Chart(df).properties(height=160, width="container").mark_bar(cornerRadiusEnd=3, color=WIN).encode(
        x=alt.X("cost:Q", title="Cost", axis=alt.Axis(format="~s")),
        y=alt.Y("kind:N", title=None, sort="-x", axis=alt.Axis(labelLimit=200)),
        tooltip=[alt.Tooltip("kind:N", title="Kind"), alt.Tooltip("label:N", title="Cost")],
    )
    labels = bars.mark_text(align="left", dx=4).encode(text="label:N")
    return sized((bars + labels).properties(title="Allocation", height=160), 160)


def timeline_chart(v: int, lg: str) -> alt.TopLevelMixin:
    weeks = 4 + v
    df = pd.DataFrame([{"kind": f"{k} {lg}", "start": s, "end": min(e + v, weeks), "phase": f"Fase {p}", "count": n}
                       for k, p, s, e, n, _c in PLAN])
    chart = alt.Chart(df).properties(height=160, width="container").mark_bar(cornerRadius=3).encode(
        x=alt.X("start:Q", title="Week", scale=alt.Scale(domain=[0, weeks]), axis=alt.Axis(tickMinStep=1)),
        x2="end:Q",
        y=alt.Y("kind:N", title=None, sort=None, axis=alt.Axis(labelLimit=200)),
        color=alt.Color("phase:N", title="Phase", scale=alt.Scale(range=PHASES), legend=alt.Legend(orient="bottom")),
        tooltip=[alt.Tooltip("kind:N", title="Kind"), alt.Tooltip("phase:N"), alt.Tooltip("count:Q", title="Count")],
    ).properties(title="Timeline")
    return sized(chart, 160)
