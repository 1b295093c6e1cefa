"""Metrics on hand-computed files: each expected number below was worked out by hand from the rows."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from guide.advice.models import KINDS, PLATFORMS
from guide.results.analysis import (
    Post,
    Sums,
    metrics,
    parse_csv,
    show_idr,
    show_pct,
    show_ratio,
    sums_by,
    total_sums,
)

HAND = b"""creator,kind,platform,cost_idr,followers,impressions,reach,likes,comments,shares,saves,clicks,conversions,revenue_idr
Ana,micro,instagram,1000000,20000,50000,40000,800,100,50,50,200,10,3000000
Budi,koc,tiktok,200000,2000,,,90,10,,,0,,
Cici,nano,instagram,300000,5000,10000,8000,,,,,,,
"""


def test_totals_by_hand():
    r = parse_csv(HAND)
    assert r.problems == ()
    m = metrics(total_sums(r.posts))
    assert (m.posts, m.creators, m.cost_idr) == (3, 3, 1_500_000)
    assert (m.impressions, m.reach, m.engagements, m.clicks, m.conversions) == (60_000, 48_000, 1_100, 200, 10)
    # CPM over the posts that report impressions: (1,000,000 + 300,000) / 60,000 × 1,000 = 21,666.67
    assert round(m.cpm_idr, 2) == 21_666.67
    # CPE over the posts with engagements (Ana 1,000 + Budi 100): 1,200,000 / 1,100 = 1,090.91
    assert round(m.cpe_idr, 2) == 1_090.91
    # CPC over the posts with clicks (Ana 200, Budi 0): 1,200,000 / 200 = 6,000
    assert m.cpc_idr == 6_000
    # Cost per conversion: only Ana reports conversions: 1,000,000 / 10 = 100,000
    assert m.cost_per_conversion_idr == 100_000
    # ROAS: 3,000,000 / 1,000,000 (the cost of the posts that report revenue) = 3
    assert m.roas == 3.0
    # Engagement rate by reach (Ana only has both): 1,000 / 40,000 = 2.5%; by followers (Ana, Budi):
    # 1,100 / 22,000 = 5%
    assert m.er_reach_pct == 2.5 and m.er_followers_pct == 5.0
    assert (m.er_pct, m.er_basis) == (2.5, "reach")
    assert m.as_json()["cpm_idr"] == 21_667 and m.as_json()["cpe_idr"] == 1_091


def test_missing_and_zero_denominators_are_none_never_infinite():
    r = parse_csv(HAND)
    budi = metrics(sums_by(r.posts, "creator")["Budi"])
    assert budi.cpe_idr == 2_000  # 200,000 / 100
    assert budi.cpm_idr is None  # no impressions column value
    assert budi.cpc_idr is None  # clicks given but zero
    assert budi.cost_per_conversion_idr is None and budi.roas is None
    assert (budi.er_pct, budi.er_basis) == (5.0, "followers")  # 100 / 2,000, no reach given
    cici = metrics(sums_by(r.posts, "creator")["Cici"])
    assert cici.cpm_idr == 30_000 and cici.cpe_idr is None and cici.er_pct is None and cici.er_basis is None
    js = cici.as_json()
    assert js["cpe_idr"] is None and js["roas"] is None and js["engagement_rate_pct"] is None


def test_zero_everything_and_free_posts():
    r = parse_csv(b"creator,kind,platform,cost_idr,impressions,likes,clicks,conversions,revenue_idr\n"
                  b"Dedi,koc,tiktok,0,0,0,0,0,50000\n")
    m = metrics(total_sums(r.posts))
    assert (m.cpm_idr, m.cpe_idr, m.cpc_idr, m.cost_per_conversion_idr, m.roas) == (None, None, None, None, None)
    assert metrics(Sums()).cpm_idr is None


def test_shown_as_a_dash_in_both_languages():
    assert show_idr(None, "id") == "—" and show_pct(None, "en") == "—" and show_ratio(None, "id") == "—"
    assert show_idr(21_666.67, "id") == "Rp 21.667" and show_idr(21_666.67, "en") == "Rp 21,667"
    assert show_pct(2.5, "id") == "2,50%" and show_ratio(3.0, "en") == "3.00×" and show_ratio(3.0, "id") == "3,00×"


def test_breakdowns_by_kind_platform_and_creator():
    r = parse_csv(HAND)
    kinds = {k: metrics(s) for k, s in sums_by(r.posts, "kind").items()}
    assert set(kinds) == {"micro", "koc", "nano"}
    assert kinds["micro"].cpm_idr == 20_000  # 1,000,000 / 50,000 × 1,000
    plats = {k: metrics(s) for k, s in sums_by(r.posts, "platform").items()}
    assert plats["instagram"].cost_idr == 1_300_000 and plats["tiktok"].cost_idr == 200_000
    # Instagram CPM: 1,300,000 / 60,000 × 1,000
    assert round(plats["instagram"].cpm_idr, 2) == 21_666.67


counts = st.one_of(st.none(), st.integers(min_value=0, max_value=10**7))
posts = st.lists(st.builds(
    Post,
    row=st.integers(min_value=2, max_value=6000),
    creator=st.sampled_from(["Ana", "Budi", "Cici", "Dedi", "Eka"]),
    kind=st.sampled_from(KINDS),
    platform=st.sampled_from(PLATFORMS),
    cost_idr=st.integers(min_value=0, max_value=10**9),
    followers=counts, impressions=counts, reach=counts, likes=counts, comments=counts, shares=counts,
    saves=counts, clicks=counts, conversions=counts, revenue_idr=counts,
), max_size=30)

ADDITIVE = ("posts", "cost_idr", "impressions", "reach", "engagements", "clicks", "conversions", "revenue_idr")


@settings(max_examples=150, deadline=None)
@given(posts)
def test_totals_equal_the_sum_of_the_parts(ps):
    total = metrics(total_sums(ps))
    for key in ("kind", "platform", "creator"):
        parts = [metrics(s) for s in sums_by(ps, key).values()]
        for f in ADDITIVE:
            assert getattr(total, f) == sum(getattr(p, f) for p in parts), (key, f)
    assert total.cost_idr == sum(p.cost_idr for p in ps)


@settings(max_examples=150, deadline=None)
@given(posts, st.randoms(use_true_random=False))
def test_metrics_unchanged_when_rows_are_shuffled(ps, rnd: random.Random):
    shuffled = list(ps)
    rnd.shuffle(shuffled)
    assert metrics(total_sums(shuffled)) == metrics(total_sums(ps))
    assert {k: metrics(v) for k, v in sums_by(shuffled, "creator").items()} == \
        {k: metrics(v) for k, v in sums_by(ps, "creator").items()}


@settings(max_examples=100, deadline=None)
@given(posts)
def test_one_pass_sums_equal_adding_each_post(ps):
    folded = Sums()
    for p in ps:
        folded = folded + Sums.of(p)
    assert total_sums(ps) == folded
