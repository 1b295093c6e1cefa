"""The PDF for a boss is ONE A4 page for every brief (long names, both languages, every goal and industry, tiny
and huge budgets), and a second page only when the appendix is asked for."""

from __future__ import annotations

import io
import itertools

import pypdf
import pytest

from guide import CampaignBrief, recommend
from guide.advice.models import GOALS, INDUSTRIES
from guide.reports.onepage import WARNING_ORDER, one_page_pdf, top_warnings

LONG = "Peluncuran Serum Vitamin C Glow Ultra Brightening Edisi Ramadan Jabodetabek dan Bandung Raya 2026"[:80]
BUDGETS = (0, 2_000_000, 35_000_000, 75_000_000, 500_000_000, 20_000_000_000)


def briefs() -> list[tuple[CampaignBrief, str]]:
    out = []
    combos = itertools.product(GOALS, BUDGETS)
    for i, (goal, budget) in enumerate(combos):
        industry = INDUSTRIES[i % len(INDUSTRIES)]
        lang = ("id", "en")[i % 2]
        out.append((CampaignBrief(
            goal=goal, budget_idr=budget, audience=("niche", "broad")[i % 2], industry=industry,
            platforms=("instagram", "tiktok", "youtube", "facebook", "x", "linkedin", "podcast")[: 1 + i % 7],
            brand_stage=("new", "established")[i % 2], duration_weeks=1 + (i * 7) % 52,
            secondary_goal=next(g for g in GOALS if g != goal) if i % 3 == 0 else None,
            product_value_idr=(150_000, None, 2_500_000)[i % 3], name=LONG if i % 2 else "Serum",
            age_bands=("13_17", "18_24", "25_34", "35_44", "45_54", "55_up")[: i % 7], gender=("women", None)[i % 2],
            region="Jabodetabek, Gerbangkertosusila dan Bandung Raya" if i % 4 == 0 else None,
            product_description=("Serum wajah vitamin C 20 ml dengan niacinamide, untuk kulit kusam; "
                                 "dikirim dalam kemasan kaca dengan pipet")[: 60 + i % 100],
        ), lang))
    return out


CASES = briefs()


@pytest.mark.parametrize(("brief", "lang"), CASES, ids=[f"{b.goal}-{b.budget_idr}-{lg}" for b, lg in CASES])
def test_one_page_every_time(brief: CampaignBrief, lang: str) -> None:
    rec = recommend(brief, lang)
    data = one_page_pdf(rec, lang)
    reader = pypdf.PdfReader(io.BytesIO(data))
    assert len(reader.pages) == 1
    text = " ".join(reader.pages[0].extract_text().split())
    assert ("Halaman 1 dari 1" if lang == "id" else "Page 1 of 1") in text
    assert (("Alasan yang mendukung", "Alasan yang menentang") if lang == "id"
            else ("Reasons for", "Reasons against"))[1] in text
    assert ".txt" not in text  # sources by title, never a seed file name


def test_appendix_is_the_only_second_page() -> None:
    b = CampaignBrief(goal="launch", budget_idr=75_000_000, audience="broad", industry="beauty", name=LONG)
    rec = recommend(b, "en")
    assert len(pypdf.PdfReader(io.BytesIO(one_page_pdf(rec, "en", charts=False))).pages) == 1
    with_appendix = pypdf.PdfReader(io.BytesIO(one_page_pdf(rec, "en", appendix=True, charts=False)))
    assert len(with_appendix.pages) >= 2
    assert with_appendix.pages[1].extract_text().startswith("Appendix")


def test_three_most_important_warnings_put_the_law_first() -> None:
    b = CampaignBrief(goal="launch", budget_idr=75_000_000, audience="broad", industry="beauty")
    codes = [w.code for w in top_warnings(recommend(b, "id"))]
    # The Indonesian rules first: cosmetics (PerBPOM 18/2024), halal (UU 33/2014), then disclosure (EPI).
    assert codes == ["compliance-bpom-cosmetics", "compliance-halal", "disclosure"]
    assert WARNING_ORDER.index("compliance-doctor") < WARNING_ORDER.index("disclosure") < WARNING_ORDER.index("capacity")


def test_no_user_facing_text_cites_a_seed_file_by_number() -> None:
    """Learn, the industry tooltips, the tier scheme note and the Creators page cite sources by title."""
    import re

    from guide.text.i18n import catalog

    for lang in ("id", "en"):
        for key, text in catalog(lang).items():
            if key.startswith("learn.who.") or not isinstance(text, str):
                continue  # the Learn table maps its source column to titles on the page
            assert not re.search(r"(?i)\b(artikel|article) 00\d|\(00\d[,)]|\.txt\b|figures\.yaml", text), key
    from guide.text.i18n import t

    assert t("id", "brief.industry_help").startswith("“KOL vs Influencer: pengertian dan perbedaannya”: ")
    assert t("en", "learn.checklist_lead").startswith("“Key opinion leaders and KOL management”: ")
