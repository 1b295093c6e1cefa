"""Creator briefs: the sections each kind of creator needs, disclosure and forbidden claims, edits."""

from __future__ import annotations

from guide import CampaignBrief, recommend
from guide.creators.briefs import apply_edits, creator_briefs


def _briefs(lang: str, **kw: object) -> dict[str, object]:
    base: dict[str, object] = {"goal": "launch", "budget_idr": 150_000_000, "audience": "broad",
                               "industry": "beauty", "platforms": ("instagram",)}
    base.update(kw)
    rec = recommend(CampaignBrief.model_validate(base), lang)
    return {b.kind: b for b in creator_briefs(rec, lang)}


def test_one_brief_per_plan_line_with_the_sections_of_its_kind() -> None:
    brief = CampaignBrief(goal="credibility", budget_idr=120_000_000, audience="niche", industry="health",
                          platforms=("instagram",))
    rec = recommend(brief, "en")
    briefs = creator_briefs(rec, "en")
    assert [b.kind for b in briefs] == [ln.kind for ln in rec.plan]
    by_kind = {b.kind: b for b in briefs}
    kol = by_kind["kol"]
    assert [s.heading for s in kol.sections] == [
        "Campaign goal", "Topic of your expertise", "Your impartiality is respected", "Format", "Timeline",
        "Disclosure", "Claims you must not make"]
    text = kol.as_text()
    assert "do not set conclusions" in text
    assert "MKEK" in text and "BPOM" in text  # a doctor in health: both rules
    micro = next(b for b in briefs if b.kind == "micro")
    assert [s.key for s in micro.sections] == ["goal", "narrative", "visual", "cta", "guidelines", "timeline",
                                               "disclosure", "claims"]
    assert "#ad" in micro.as_text() and "MKEK" not in micro.as_text()


def test_koc_brief_sends_the_product_asks_for_honesty_and_no_script_in_indonesian() -> None:
    briefs = _briefs("id", goal="testimonials", budget_idr=20_000_000, audience="niche", product_value_idr=150_000)
    koc = briefs["koc"]
    text = koc.as_text()
    assert "Rp 150.000" in text  # the product's value from the brief
    assert "Tanpa naskah" in text and "apa adanya" in text
    assert "#iklan" in text and "produk gratis" in text  # gifted disclosure
    assert "BPOM" in text  # beauty product


def test_non_regulated_industry_has_no_bpom_or_mkek_lines() -> None:
    for b in _briefs("en", industry="travel").values():
        assert "BPOM" not in b.as_text() and "MKEK" not in b.as_text()
        assert "#iklan" in b.as_text()


def test_edits_replace_only_the_edited_section() -> None:
    briefs = tuple(_briefs("en").values())
    first = briefs[0]
    edited = apply_edits(briefs, {(first.kind, "goal"): "Our own words.", (first.kind, "visual"): "   "})
    assert edited[0].sections[0].text == "Our own words."
    assert [s.text for s in edited[0].sections[1:]] == [s.text for s in first.sections[1:]]
    assert edited[1:] == briefs[1:]
