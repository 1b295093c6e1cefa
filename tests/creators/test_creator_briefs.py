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
        "Campaign goal", "Product", "Audience", "Topic of your expertise", "Your impartiality is respected", "Format",
        "What we ask for", "Fee", "Timeline", "Disclosure", "Claims you must not make"]
    text = kol.as_text()
    assert "do not set conclusions" in text
    assert "MKEK" in text and "BPOM" in text  # a doctor in health: both rules
    micro = next(b for b in briefs if b.kind == "micro")
    assert [s.key for s in micro.sections] == ["goal", "product_info", "audience", "narrative", "deliverables",
                                               "visual", "cta", "guidelines", "fee", "timeline", "disclosure",
                                               "claims"]
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


SERUM = {"goal": "launch", "budget_idr": 75_000_000, "audience": "broad", "industry": "beauty",
         "platforms": ("instagram", "tiktok"), "name": "Peluncuran Serum Glow",
         "product_description": "Serum wajah vitamin C 20 ml", "product_value_idr": 150_000,
         "age_bands": ("18_24", "25_34"), "gender": "women", "region": "Jabodetabek", "duration_weeks": 6}


def test_a_brief_a_creator_can_act_on_in_indonesian() -> None:
    import datetime as dt

    rec = recommend(CampaignBrief.model_validate(SERUM), "id")
    briefs = {b.kind: b for b in creator_briefs(rec, "id", start=dt.date(2026, 1, 12))}
    micro = briefs["micro"].as_text()
    # The product she typed, not the campaign name as the product.
    assert "Serum wajah vitamin C 20 ml. Nilai produk: Rp 150.000." in micro
    assert "perkenalan pertama Anda dengan Serum wajah vitamin C 20 ml yang baru diluncurkan" in micro
    assert "perkenalan pertama Anda dengan Peluncuran Serum Glow" not in micro
    assert "Konten ini untuk: terutama perempuan · 18–24 tahun, 25–34 tahun · Jabodetabek · audiens luas." in micro
    assert ("1 konten: Reels atau carousel Instagram, atau video TikTok (15–60 detik), ditambah 1 story yang "
            "mengarah ke konten itu.") in micro
    assert "Rp 1.500.000 untuk semua konten di atas, dibayar setelah konten tayang dan statistik dikirim." in micro
    assert ("Tayang antara 12 Januari 2026 dan 1 Februari 2026 (minggu 1–3 kampanye). Draf paling lambat "
            "10 Januari 2026; statistik paling lambat 8 Februari 2026.") in micro
    assert "#iklan atau #ad" in micro
    # No pointer to a message that does not exist, and no internal counts.
    assert "pesan utama di atas" not in micro and "Kami mengajak" not in micro and "13" not in micro
    koc = briefs["koc"].as_text()
    assert "Kami mengirim Serum wajah vitamin C 20 ml untuk Anda coba (nilai sekitar Rp 150.000)" in koc
    assert "Tidak ada honor: Anda menerima produk senilai Rp 150.000 untuk dipakai sendiri" in koc
    assert "Ini sukarela — tidak ada kewajiban mengunggah." in koc
    assert "137" not in koc and "produk gratis dari brand" in koc


def test_one_brief_per_shortlisted_creator_with_her_name_platform_and_fee_in_english() -> None:
    from pathlib import Path

    from guide.advice.knowledge import knowledge
    from guide.creators.roster import derive, parse_roster
    from guide.creators.shortlist import make_shortlist

    brief = CampaignBrief.model_validate(SERUM)
    rec = recommend(brief, "en")
    roster = parse_roster((Path(__file__).resolve().parents[2] / "data" / "sample_roster.csv").read_bytes(),
                          "sample_roster.csv")
    short = make_shortlist(derive(roster, knowledge().figures, brief), rec, "en")
    briefs = creator_briefs(rec, "en", shortlist=short)
    assert len(briefs) == len(short.selected) > 2
    first, pick = briefs[0], short.selected[0]
    text = first.as_text()
    assert first.title.startswith(f"Brief for {pick.name} — Peluncuran Serum Glow")
    assert f"Hello {pick.name}!" in text
    assert len({b.key for b in briefs}) == len(briefs)  # each brief edited on its own


def test_briefs_markdown_shows_edited_text_as_typed() -> None:
    from guide.creators.briefs import briefs_markdown

    rec = recommend(CampaignBrief.model_validate(SERUM), "en")
    briefs = creator_briefs(rec, "en")
    edited = apply_edits(briefs, {("micro", "visual"): "Use <b>daylight</b> [here](javascript:x)"})
    md = briefs_markdown(edited, "en")
    assert md.startswith("# Brief for Micro-influencer — Peluncuran Serum Glow\n\n## Campaign goal\n")
    assert "Use \\<b\\>daylight\\</b\\> \\[here\\](javascript:x)" in md
    assert "\n---\n\n# Brief for KOC (customer) — Peluncuran Serum Glow" in md
    assert "Serum wajah vitamin C 20 ml. Product value: Rp 150,000." in md


def test_an_english_koc_brief_writes_the_product_value_with_english_digit_grouping() -> None:
    """Mutation testing found the KOC fee line could print 'Rp 150.000' in an English brief unnoticed."""
    briefs = _briefs("en", goal="testimonials", budget_idr=20_000_000, audience="niche", product_value_idr=150_000)
    text = briefs["koc"].as_text()
    assert "Rp 150,000" in text and "Rp 150.000" not in text
