"""Chart specs assert what a user sees: which field is on which axis, its title, its number format, the
colour of each strategy and kind, the values written on the marks and the sentence under the chart.
Every expectation is written out here by hand; a swapped axis or swapped colours fail."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import vl_convert as vlc
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import briefs

from guide import CampaignBrief, knowledge, recommend
from guide.advice.charts import (
    CHARTS,
    PALETTE_KIND,
    PALETTE_STRATEGY,
    allocation_chart,
    chart_spec,
    compare_spec,
    describe_allocation,
    describe_compare,
    describe_runs,
    describe_scores,
    describe_tiers,
    describe_timeline,
    describe_whatif,
    describe_why,
    full_spec,
    scale_for,
    scores_chart,
    tiers_chart,
    timeline_chart,
    whatif_runs,
    whatif_spec,
    why_chart,
)
from guide.advice.models import GOALS, Recommendation
from guide.advice.whatif import Cell
from guide.output.charts import config

ROOT = Path(__file__).resolve().parents[2]
REC = recommend(CampaignBrief(goal="launch", secondary_goal="testimonials", budget_idr=100_000_000,
                              audience="broad", industry="beauty", duration_weeks=8), "en")

VERMILLION, BLUE, GREEN, PURPLE = "#D55E00", "#0072B2", "#009E73", "#CC79A7"
STRATEGY_NAMES = {"en": ["KOL", "Influencer", "KOC", "Combined"], "id": ["KOL", "Influencer", "KOC", "Kombinasi"]}
KIND_NAMES_EN = ["KOL (expert)", "Nano-influencer", "Micro-influencer", "Mid-tier influencer", "Macro-influencer",
                 "Mega-influencer / celebrity", "KOC (customer)"]
KIND_COLOURS = [VERMILLION, "#3D87C4", BLUE, "#005D92", "#004A75", "#003554", GREEN]


def layer(spec: dict[str, Any], i: int = 0) -> dict[str, Any]:
    return spec["layer"][i]  # type: ignore[no-any-return]


def axis_labels(enc: dict[str, Any]) -> dict[float, str]:
    """The tick value -> label the browser shows, read back out of the axis's labelExpr."""
    axis = enc["axis"]
    m = re.fullmatch(r"(\[.*\])\[indexof\((\[.*\]), datum\.value\)\]", axis["labelExpr"])
    assert m, axis["labelExpr"]
    labels, values = json.loads(m.group(1)), json.loads(m.group(2))
    assert values == axis["values"]
    return dict(zip(values, labels, strict=True))


def with_scores(rec: Recommendation, scores: dict[str, float], winner: str) -> Recommendation:
    return rec.model_copy(update={"scores": scores, "strategy": winner})


def with_costs(rec: Recommendation, costs: list[int]) -> Recommendation:
    plan = tuple(ln.model_copy(update={"cost_idr": c}) for ln, c in zip(rec.plan, costs, strict=True))
    return rec.model_copy(update={"plan": plan, "total_cost_idr": sum(costs)})


# ---------------------------------------------------------------- one palette, fixed meaning


def test_the_palette_is_okabe_ito_with_one_meaning_per_strategy_and_kind() -> None:
    assert dict(PALETTE_STRATEGY) == {"kol": VERMILLION, "influencer": BLUE, "koc": GREEN, "combined": PURPLE}
    assert dict(PALETTE_KIND) == dict(zip(["kol", "nano", "micro", "mid", "macro", "mega", "koc"], KIND_COLOURS,
                                          strict=True))
    assert scale_for(["koc", "kol"]) == {"domain": ["koc", "kol"], "range": [GREEN, VERMILLION]}
    assert scale_for(["combined", "mega"], "id") == {"domain": ["Kombinasi", "Mega-influencer / selebriti"],
                                                     "range": [PURPLE, "#003554"]}
    with pytest.raises(KeyError):
        scale_for(["agency"])


def strategy_scale(lang: str = "en") -> dict[str, Any]:
    return {"domain": STRATEGY_NAMES[lang], "range": [VERMILLION, BLUE, GREEN, PURPLE]}


def test_every_chart_gives_a_strategy_and_a_kind_the_same_colour() -> None:
    """Orange-for-influencer in one chart and orange-for-KOC in another is exactly what this forbids."""
    seen: dict[str, str] = {}

    def collect(node: Any) -> None:
        if isinstance(node, dict):
            sc = node.get("scale")
            if isinstance(sc, dict) and "range" in sc and isinstance(sc.get("domain"), list):
                for name, colour in zip(sc["domain"], sc["range"], strict=True):
                    assert seen.setdefault(name, colour) == colour, name
            for v in node.values():
                collect(v)
        elif isinstance(node, list):
            for v in node:
                collect(v)

    for name in CHARTS:
        inputs = (knowledge().figures, "en") if name == "tiers" else (REC, "en")
        collect(chart_spec(name, *inputs)[0])
    recs = {"a": REC}
    collect(compare_spec(recs, {"a": "A"}, "en")[0])
    assert seen["KOL"] == VERMILLION and seen["KOL (expert)"] == VERMILLION
    assert seen["KOC"] == GREEN and seen["KOC (customer)"] == GREEN
    assert seen["Influencer"] == BLUE and seen["Micro-influencer"] == BLUE


# ---------------------------------------------------------------- the Recommendation page's charts


def test_scores_chart_encodings_palette_and_values() -> None:
    rec = with_scores(REC, {"kol": 50.0, "influencer": 75.4, "koc": 61.9, "combined": 88.1}, "combined")
    spec = scores_chart(rec, "en")
    bars = layer(spec)["encoding"]
    assert (bars["x"]["field"], bars["x"]["type"], bars["x"]["title"]) == ("score", "quantitative", "Score (0–100)")
    assert axis_labels(bars["x"]) == {0: "0", 25: "25", 50: "50", 75: "75", 100: "100"}
    assert (bars["y"]["field"], bars["y"]["type"]) == ("strategy", "nominal")
    # the recommendation is solid in its colour, the others outlined in theirs (no faded colours)
    assert bars["fill"]["condition"]["test"] == "datum.winner"
    assert bars["fill"]["condition"]["scale"] == strategy_scale() and bars["fill"]["value"] == "#FFFFFF"
    assert bars["stroke"]["scale"] == strategy_scale()
    text = layer(spec, 1)
    assert text["encoding"]["text"]["field"] == "label" and text["mark"]["color"] == "#0E1615"
    assert [(r["strategy"], r["label"], r["winner"]) for r in spec["data"]["values"]] == [
        ("KOL", "50", False), ("Influencer", "75", False), ("KOC", "62", False), ("Combined", "88 ✓", True)]
    assert describe_scores(rec, "en") == "Combined scores highest, 88 out of 100; then Influencer 75, KOC 62, and KOL 50."
    assert describe_scores(rec, "id") == \
        "Kombinasi mendapat skor tertinggi, 88 dari 100; lalu Influencer 75, KOC 62, dan KOL 50."


def test_why_chart_has_one_signed_bar_per_rule_that_moved_the_winner() -> None:
    spec = why_chart(REC, "id")
    enc = layer(spec)["encoding"]
    assert (enc["x"]["field"], enc["x"]["title"], enc["y"]["field"]) == ("points", "Poin aturan", "rule")
    assert all(lab.startswith("+") or lab in ("0", "-") or lab.startswith("-") for lab in axis_labels(enc["x"]).values())
    # The chart shows the points the reason text states (Reason.points), never the raw effect: the launch rule
    # gives combined +35 but the best rival +10, so its text and its bar both say +25.
    moved = [(r.label, r.points) for r in REC.reasons if r.direction != "neutral" and r.points]
    rows = spec["data"]["values"]
    assert ("Launch: micro then KOC", 25.0) in [(r["rule"], r["points"]) for r in rows]
    assert sorted((r["rule"], r["points"]) for r in rows) == sorted(moved)
    assert all(r["label"] == ("+" if r["points"] > 0 else "") + f"{r['points']:.1f}".replace(".", ",") for r in rows)
    assert enc["fill"]["condition"]["scale"] == strategy_scale("id") and enc["fill"]["condition"]["test"] == "datum.positive"


def test_why_chart_orders_and_signs_constructed_reasons() -> None:
    r0, r1, r2 = REC.reasons[:3]
    reasons = (r0.model_copy(update={"label": "Goal fits", "points": 7.5, "direction": "for"}),
               r1.model_copy(update={"label": "Budget is small", "points": -12.0, "direction": "against"}),
               r2.model_copy(update={"label": "Audience", "points": 20.0, "direction": "for"}))
    rec = REC.model_copy(update={"reasons": reasons})
    spec = why_chart(rec, "id")
    assert layer(spec)["encoding"]["y"]["sort"] == ["Audience", "Goal fits", "Budget is small"]
    assert [(r["rule"], r["label"], r["positive"]) for r in spec["data"]["values"]] == [
        ("Audience", "+20,0", True), ("Goal fits", "+7,5", True), ("Budget is small", "-12,0", False)]
    assert axis_labels(layer(spec)["encoding"]["x"]) == {-20: "-20", 0: "0", 20: "+20"}
    # negative values are written left of their bar, positive ones right of it
    assert [(lyr["mark"]["align"], lyr["transform"]) for lyr in spec["layer"][1:]] == [
        ("left", [{"filter": "datum.positive"}]), ("right", [{"filter": "(!datum.positive)"}])]
    assert describe_why(rec, "en") == ("For Combined: 2 rule(s) add points, 1 take points away; "
                                       "the largest is Audience (+20.0).")
    assert describe_why(rec, "id") == ("Untuk Kombinasi: 2 aturan menambah poin, 1 mengurangi; "
                                       "yang terbesar Audience (+20,0).")


def test_allocation_chart_axis_in_each_language_and_kind_colours() -> None:
    rec = with_costs(REC, [37_500_000, 12_000_000])
    assert [ln.kind for ln in rec.plan] == ["micro", "koc"]
    for lang, ticks, labels in (("id", {0: "Rp 0", 20_000_000: "Rp 20 jt", 40_000_000: "Rp 40 jt"},
                                 ["Rp 37,5 jt", "Rp 12 jt"]),
                                ("en", {0: "Rp 0", 20_000_000: "Rp 20M", 40_000_000: "Rp 40M"},
                                 ["Rp 37.5M", "Rp 12M"])):
        spec = allocation_chart(rec, lang)
        enc = layer(spec)["encoding"]
        assert (enc["x"]["field"], enc["x"]["type"], enc["y"]["field"]) == ("cost", "quantitative", "kind")
        assert axis_labels(enc["x"]) == ticks
        assert [r["label"] for r in spec["data"]["values"]] == labels
        assert [r["cost"] for r in spec["data"]["values"]] == [37_500_000, 12_000_000]
    spec = allocation_chart(rec, "en")
    assert layer(spec)["encoding"]["color"]["scale"] == {"domain": KIND_NAMES_EN, "range": KIND_COLOURS}
    assert describe_allocation(rec, "en") == ("Of the Rp 49.5M planned, the largest share goes to Micro-influencer "
                                              "Rp 37.5M (76%) and KOC (customer) Rp 12M (24%).")


def test_timeline_chart_spans_each_line_over_its_weeks() -> None:
    spec = timeline_chart(REC, "en")
    enc = layer(spec)["encoding"]
    assert (enc["x"]["field"], enc["x2"]["field"], enc["y"]["field"]) == ("start", "end", "kind")
    assert enc["x"]["title"] == "Week"
    assert enc["color"]["scale"] == {"domain": KIND_NAMES_EN, "range": KIND_COLOURS}
    want = [(ln.start_week - 1, ln.end_week, f"Phase {ln.phase} · weeks {ln.start_week}–{ln.end_week}")
            for ln in REC.plan]
    assert [(r["start"], r["end"], r["label"]) for r in spec["data"]["values"]] == want
    first, second = REC.plan
    assert describe_timeline(REC, "en") == (
        f"The campaign runs 8 weeks: phase 1 in weeks {first.start_week}–{first.end_week} for Micro-influencer and "
        f"phase 2 in weeks {second.start_week}–{second.end_week} for KOC (customer).")


def test_tiers_chart_log_followers_axis_in_indonesian() -> None:
    spec = tiers_chart(knowledge().figures, "id")
    enc = layer(spec)["encoding"]
    assert (enc["x"]["field"], enc["x"]["scale"]["type"], enc["x"]["title"]) == \
        ("followers", "log", "Pengikut (skala log)")
    compact = {1e3: "1 rb", 1e4: "10 rb", 1e5: "100 rb", 1e6: "1 jt", 1e7: "10 jt", 1e8: "100 jt"}
    labels = axis_labels(enc["x"])
    assert labels and all(compact[v] == lab for v, lab in labels.items())
    assert all(lab.endswith("%") and "." not in lab for lab in axis_labels(enc["y"]).values())
    assert (enc["y"]["field"], enc["y"]["title"]) == ("er", "Tingkat keterlibatan")
    assert layer(spec)["encoding"]["color"]["scale"]["range"] == KIND_COLOURS
    fig = knowledge().figures
    kinds = {**fig.kinds, "nano": fig.kinds["nano"].model_copy(update={"rate_low": 300_000, "rate_high": 400_000, "er_low": 3.0,
                                                           "er_high": 5.0}),
             "mega": fig.kinds["mega"].model_copy(update={"rate_low": 100_000_000, "rate_high": 200_000_000,
                                                           "er_low": 0.5, "er_high": 1.5})}
    fig = fig.model_copy(update={"kinds": kinds})
    assert describe_tiers(fig, "id") == (
        "Makin besar tier, makin mahal satu kreatornya dan makin rendah keterlibatannya: Nano-influencer sekitar "
        "Rp 350 rb dengan 4,0%, Mega-influencer / selebriti sekitar Rp 150 jt dengan 1,0%.")
    assert describe_tiers(fig, "en") == (
        "The bigger the tier, the more one creator costs and the lower the engagement: Nano-influencer about "
        "Rp 350K at 4.0%, Mega-influencer / celebrity about Rp 150M at 1.0%.")


def test_empty_plan_charts_still_render() -> None:
    r = recommend(CampaignBrief(goal="awareness", budget_idr=0, audience="broad", industry="fashion"), "id")
    assert r.plan == ()
    assert allocation_chart(r, "id")["data"]["values"][0]["cost"] == 0
    assert timeline_chart(r, "id")["data"]["values"]
    assert describe_allocation(r, "en") == "This budget does not yet cover one creator, so there is no allocation."


# ---------------------------------------------------------------- the Compare page's charts

GRID = [1_000_000, 10_000_000, 100_000_000]


def cells() -> list[Cell]:
    out = []
    for goal in GOALS:
        for b in GRID:
            strategy = ("koc" if b < 10_000_000 else "influencer") if goal == "sales" else "kol"
            out.append(Cell(b, goal, "niche", strategy))  # type: ignore[arg-type]
    return out


def test_whatif_map_budget_axis_is_rupiah_on_a_log_scale_with_you_are_here() -> None:
    spec, data = whatif_spec(cells(), "id", 10_000_000, "sales", "niche")
    heat = layer(spec)["encoding"]
    assert (heat["x"]["field"], heat["x"]["type"], heat["x"]["scale"]["type"]) == ("lo", "quantitative", "log")
    assert heat["x2"]["field"] == "hi" and heat["y"]["field"] == "goal"
    assert heat["x"]["title"] == "Anggaran (Rp, skala log)"
    assert axis_labels(heat["x"]) == {1e6: "1 jt", 1e7: "10 jt", 1e8: "100 jt"}
    assert heat["color"]["scale"] == strategy_scale("id")
    here = [row for row in data.to_pylist() if row["current"]]  # the rows the chart draws
    assert [r["goal"] for r in here] == ["Penjualan"] and [r["here"] for r in here] == [10_000_000]
    marker = layer(spec, 1)
    assert marker["mark"]["color"] == "#000000" and marker["encoding"]["x"]["field"] == "here"
    assert marker["transform"] == [{"filter": "datum.current"}]
    assert layer(spec, 3)["encoding"]["text"]["value"] == "Anda di sini"
    en, _ = whatif_spec(cells(), "en", 10_000_000, "sales", "niche")
    assert axis_labels(layer(en)["encoding"]["x"]) == {1e6: "1M", 1e7: "10M", 1e8: "100M"}


def test_whatif_sentence_and_table_say_what_the_colours_show() -> None:
    assert describe_whatif(cells(), "en", 10_000_000, "sales", "niche") == (
        "Niche audience, goal sales: KOC up to Rp 3.2M and Influencer from Rp 3.2M; "
        "at your budget (Rp 10M) the recommendation is Influencer.")
    assert describe_whatif(cells(), "id", 10_000_000, "sales", "niche") == (
        "Audiens ceruk, tujuan penjualan: KOC sampai Rp 3,2 jt dan Influencer dari Rp 3,2 jt; "
        "di anggaran Anda (Rp 10 jt) rekomendasinya Influencer.")
    assert describe_runs(whatif_runs(cells(), "awareness", "niche"), "en") == "KOL at every budget"


def test_compare_chart_solid_recommendation_outlined_others() -> None:
    a = with_scores(REC, {"kol": 10.0, "influencer": 80.0, "koc": 30.0, "combined": 40.0}, "influencer")
    b = with_scores(REC, {"kol": 90.0, "influencer": 20.0, "koc": 30.0, "combined": 40.0}, "kol")
    spec, data = compare_spec({"current": a, "half": b}, {"current": "Now", "half": "Half"}, "en")
    enc = layer(spec)["encoding"]
    assert (enc["x"]["field"], enc["y"]["field"], enc["yOffset"]["field"]) == ("score", "scenario", "strategy")
    assert enc["y"]["sort"] == ["Now", "Half"]
    assert enc["fill"]["condition"]["scale"] == strategy_scale() and enc["stroke"]["scale"] == strategy_scale()
    assert enc["fill"]["condition"]["test"] == "datum.winner" and enc["fill"]["value"] == "#FFFFFF"
    assert "opacity" not in enc  # no faded bars: they measured 1.3–1.5:1 against white
    winners = [r for r in data.to_pylist() if r["winner"]]
    assert [(r["scenario"], r["strategy"], r["label"]) for r in winners] == [
        ("Now", "Influencer", "80 ✓"), ("Half", "KOL", "90 ✓")]
    assert describe_compare({"current": a, "half": b}, {"current": "Now", "half": "Half"}, "en") == \
        "The recommendation per scenario: Now: Influencer (80); Half: KOL (90)."


# ---------------------------------------------------------------- readable everywhere


def test_type_is_large_and_dark_and_bigger_on_a_projector() -> None:
    normal, projector = config("normal"), config("projector")
    for cfg, px in ((normal, 13), (projector, 20)):
        for part in ("axis", "legend"):
            assert cfg[part]["labelFontSize"] >= px and cfg[part]["titleFontSize"] >= px
            assert cfg[part]["labelColor"] == "#0E1615" and cfg[part]["titleColor"] == "#0E1615"
        assert cfg["text"]["fontSize"] >= px and cfg["title"]["fontSize"] > px
    big, _ = chart_spec("scores", REC, "en", size="projector")
    small, _ = chart_spec("scores", REC, "en")
    assert big["config"] == projector and small["config"] == normal
    assert big["height"] > small["height"]
    # no mark anywhere sets a smaller type than the config
    specs = [chart_spec(n, *((knowledge().figures, "en") if n == "tiers" else (REC, "en")))[0] for n in CHARTS]
    specs += [compare_spec({"a": REC}, {"a": "A"}, "en")[0], whatif_spec(cells(), "en", 10_000_000, "sales", "niche")[0]]
    sizes = re.findall(r'"(?:fontSize|labelFontSize|titleFontSize)": (\d+)', json.dumps(specs))
    assert sizes and min(int(x) for x in sizes) >= 13


def test_titles_are_wrapped_for_a_phone() -> None:
    for name in CHARTS:
        inputs = (knowledge().figures, "id") if name == "tiers" else (REC, "id")
        spec, _ = chart_spec(name, *inputs)
        assert isinstance(spec["title"], list) and all(len(line) <= 34 for line in spec["title"]), name


def test_nothing_is_only_in_a_tooltip() -> None:
    """Each tooltip field is also on an axis or written on the chart."""
    for name in CHARTS:
        inputs = (knowledge().figures, "en") if name == "tiers" else (REC, "en")
        spec, _ = chart_spec(name, *inputs)
        shown = {enc[ch]["field"] for lyr in spec["layer"] for enc in [lyr["encoding"]]
                 for ch in ("x", "x2", "y", "text") if ch in enc and "field" in enc[ch]}
        tips = {tip["field"] for lyr in spec["layer"] for tip in lyr["encoding"].get("tooltip", [])}
        extra = {"tiers": {"tier", "er_label", "cost_label"}, "timeline": {"count"}}.get(name, set())
        # tiers: the name and cost are in the label text, the rate on the y axis; timeline: counts in the table
        assert tips - shown <= extra, (name, tips - shown)


def test_layouts_are_cached_per_shape_and_each_call_gets_its_own_dict() -> None:
    a, data_a = chart_spec("scores", REC, "en")
    other = recommend(CampaignBrief(goal="awareness", budget_idr=500_000_000, audience="broad", industry="other"), "en")
    b, data_b = chart_spec("scores", other, "en")
    assert a == b and a is not b  # same layout, different data
    assert data_a["score"].to_pylist() != data_b["score"].to_pylist()
    a["title"] = "changed"
    assert chart_spec("scores", REC, "en")[0]["title"] != "changed"
    assert "data" not in a and "datasets" not in json.dumps(b)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_specs_compile_and_the_axis_shows_babel_labels(lang: str) -> None:
    """Rendered by Vega-Lite itself (vl-convert): the labelExpr works and the text is the language's."""
    rec = with_costs(REC, [37_500_000, 12_000_000])
    svg = vlc.vegalite_to_svg({**allocation_chart(rec, lang), "width": 360})
    assert ("Rp 20 jt" if lang == "id" else "Rp 20M") in svg
    assert ("Rp 37,5 jt" if lang == "id" else "Rp 37.5M") in svg
    spec, data = whatif_spec(cells(), lang, 10_000_000, "sales", "niche")
    svg = vlc.vegalite_to_svg({**full_spec(spec, data), "width": 360})
    assert ("10 jt" if lang == "id" else "10M") in svg and ("Anda di sini" if lang == "id" else "You are here") in svg


@settings(deadline=None, max_examples=25, suppress_health_check=[HealthCheck.too_slow])
@given(brief=briefs(), lang=st.sampled_from(["id", "en"]))
def test_any_brief_gives_data_that_matches_its_plan(brief: CampaignBrief, lang: str) -> None:
    rec = recommend(brief, lang=lang)
    _, alloc = chart_spec("allocation", rec, lang)
    assert sum(alloc["cost"].to_pylist()) == sum(ln.cost_idr for ln in rec.plan)
    _, scores = chart_spec("scores", rec, lang)
    assert scores["winner"].to_pylist().count(True) == 1


def test_no_streamlit_internals_anywhere() -> None:
    files = [*ROOT.glob("guide/**/*.py"), *ROOT.glob("pages/*.py"), *ROOT.glob("app.py")]
    bad = [f.name for f in files if re.search(r"streamlit\.(dataframe_util|runtime|elements|proto)|"
                                              r"from streamlit import dataframe_util", f.read_text("utf-8"))]
    assert bad == []


@pytest.mark.parametrize(("lang", "size"), [("id", "normal"), ("en", "projector")])
def test_every_chart_compiles_and_no_axis_label_is_missing(lang: str, size: str) -> None:
    """Vega-Lite draws each chart; a tick whose Babel label is missing would read 'undefined'."""
    specs = [full_spec(*chart_spec(name, *((knowledge().figures, lang) if name == "tiers" else (REC, lang)),
                                   size=size))  # type: ignore[arg-type]
             for name in CHARTS]
    specs.append(full_spec(*whatif_spec(cells(), lang, 10_000_000, "sales", "niche", size)))  # type: ignore[arg-type]
    for spec in specs:
        svg = vlc.vegalite_to_svg({**spec, "width": 360})
        assert "<text" in svg and "undefined" not in svg and "NaN" not in svg
