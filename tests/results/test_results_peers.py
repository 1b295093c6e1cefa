"""Results on the one model (issue 23): verdicts within each kind, ROAS and cost per conversion say which posts
they cover, reach says whether it is summed. Figures worked out by hand in the comments."""

from __future__ import annotations

from guide.results.analysis import SAMPLE_BRIEF, analyse, creator_table, metrics, parse_csv, total_sums
from guide.results.report import metric_cells, plan_rows

PEERS = b"""creator,kind,platform,cost_idr,post_date,followers,impressions,likes
P1,micro,instagram,1000000,2026-10-05,20000,100000,900
P2,micro,instagram,1000000,2026-10-05,20000,80000,800
P3,micro,instagram,1000000,2026-10-05,20000,50000,700
K1,koc,instagram,150000,2026-10-05,1500,5000,60
K2,koc,instagram,150000,2026-10-05,1500,4000,50
K3,koc,instagram,150000,2026-10-05,1500,3000,40
"""


def test_kocs_paid_in_product_are_compared_with_kocs_not_with_paid_micro_influencers():
    rows = {r.creator: r for r in creator_table(parse_csv(PEERS).posts, "awareness")}
    # CPM micro: 10,000; 12,500; 20,000 (median 12,500 → keep, keep, 1.6× drop)
    # CPM KOC: 30,000; 37,500; 50,000 (median 37,500 → keep, keep, 1.33× review). Against all six (median
    # 25,000) every KOC would be review or drop.
    assert {c: (round(r.cost_per_result or 0), r.status) for c, r in rows.items()} == {
        "P1": (10_000, "keep"), "P2": (12_500, "keep"), "P3": (20_000, "drop"),
        "K1": (30_000, "keep"), "K2": (37_500, "keep"), "K3": (50_000, "review")}
    assert {r.peers for r in rows.values()} == {"micro", "koc"}


SALES = b"""creator,kind,platform,cost_idr,post_date,followers,impressions,likes,conversions,revenue_idr
L1,micro,instagram,1000000,2026-10-05,20000,100000,900,10,3000000
L2,micro,instagram,1000000,2026-10-06,20000,80000,800,5,
L3,micro,instagram,1000000,2026-10-07,20000,50000,700,4,
"""


def test_a_launch_with_sales_is_judged_on_conversions_and_roas_says_which_posts_it_covers():
    a = analyse(parse_csv(SALES), SAMPLE_BRIEF, "en")  # the sample brief is a launch
    assert a.metric == "cost_per_conversion_idr"
    rows = {r.creator: r for r in a.creators}
    # 1,000,000 / 10, / 5, / 4 = 100,000; 200,000; 250,000; median 200,000 → keep, keep, 1.25× review
    assert {c: (r.cost_per_result, r.status) for c, r in rows.items()} == {
        "L1": (100_000, "keep"), "L2": (200_000, "keep"), "L3": (250_000, "review")}
    cells = metric_cells(metrics(total_sums(parse_csv(SALES).posts)), "en")
    # revenue 3,000,000 over the cost of the one post that reports it (1,000,000): 3.00×, 1 of 3 posts
    assert cells["roas"] == "3.00× (1 of 3 posts)"
    assert cells["cost_per_conversion_idr"] == "Rp 157,895"  # 3,000,000 / 19; all three report conversions
    ind = metric_cells(metrics(total_sums(parse_csv(SALES).posts)), "id")
    assert ind["roas"] == "3,00× (1 dari 3 posting)"


def test_plan_table_names_summed_and_unique_reach():
    a = analyse(parse_csv(PEERS), SAMPLE_BRIEF, "en")
    row = next(r for r in plan_rows(a, "en") if "Micro" in next(iter(r.values())))
    assert set(row) >= {"Planned reach, summed per post", "Reach (summed per post)",
                        "Planned unique reach (accounts)"}


TIKTOK = b"""creator,kind,platform,cost_idr,post_date,followers,impressions,likes
T1,micro,tiktok,1000000,2026-10-05,20000,100000,1000
I1,micro,instagram,1000000,2026-10-05,20000,100000,1000
"""


def test_tiktok_creators_have_tiktok_engagement_bands():
    rows = {r.creator: r for r in creator_table(parse_csv(TIKTOK).posts, "engagement")}
    # 1,000 / 20,000 = 5 %: within TikTok's micro band 3.28–8.14 % (SociaVault 2026), above Instagram's 2–3.86 %
    assert (rows["T1"].band_low, rows["T1"].band_high, rows["T1"].er_band) == (3.28, 8.14, "within")
    assert (rows["I1"].band_low, rows["I1"].band_high, rows["I1"].er_band) == (2.0, 3.86, "above")
    from guide.results.report import creator_rows
    a = analyse(parse_csv(TIKTOK), SAMPLE_BRIEF.model_copy(update={"goal": "engagement", "secondary_goal": None}),
                "en")
    bands = {r["Creator"]: r["Tier band"] for r in creator_rows(a, "en")}
    assert bands == {"T1": "3.28%–8.14% (TikTok band)", "I1": "2.00%–3.86%"}
