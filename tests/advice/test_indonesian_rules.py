"""The Indonesian rule that applies is named in the recommendation, in Indonesian and English (issue 20).

Four cases from the issue (a fashion awareness plan, a cosmetics sale, a pharma credibility campaign, a food
sale) and a teenage audience, through `recommend()` and through `python -m guide recommend` as a user runs it.
The expected words are written here by hand from the regulations' titles, never taken from the catalog.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from guide.advice.engine import recommend
from guide.advice.models import CampaignBrief
from guide.creators.briefs import creator_briefs

ROOT = Path(__file__).resolve().parents[2]

FASHION = {"goal": "awareness", "budget_idr": 60_000_000, "audience": "broad", "industry": "fashion"}
COSMETICS = {"goal": "sales", "budget_idr": 60_000_000, "audience": "broad", "industry": "beauty"}
PHARMA = {"goal": "credibility", "budget_idr": 100_000_000, "audience": "niche", "industry": "health",
          "content": "expert"}
FOOD = {"goal": "sales", "budget_idr": 40_000_000, "audience": "broad", "industry": "food"}
TEENS = {"goal": "awareness", "budget_idr": 30_000_000, "audience": "broad", "industry": "fashion",
         "age_bands": ["13_17", "18_24"]}

# case -> language -> phrases the recommendation must contain
EXPECT: list[tuple[str, dict[str, Any], dict[str, list[str]]]] = [
    ("fashion", FASHION, {"id": ["Etika Pariwara Indonesia", "Dewan Periklanan Indonesia", "#iklan"],
                          "en": ["Etika Pariwara Indonesia", "paid endorsement", "#iklan"]}),
    ("cosmetics", COSMETICS, {"id": ["Peraturan BPOM Nomor 18 Tahun 2024", "Kosmetik", "Etika Pariwara Indonesia"],
                              "en": ["BPOM Regulation 18/2024", "Cosmetics", "Etika Pariwara Indonesia"]}),
    ("pharma", PHARMA, {"id": ["obat keras", "PerBPOM 2/2021", "Kementerian Kesehatan", "MKEK"],
                        "en": ["obat keras", "BPOM Regulation 2/2021", "Ministry of Health", "MKEK"]}),
    ("food", FOOD, {"id": ["PerBPOM 6/2021", "teliti sebelum membeli", "UU 33/2014", "BPJPH"],
                    "en": ["BPOM Regulation 6/2021", "teliti sebelum membeli", "Law 33/2014", "BPJPH"]}),
    ("teens", TEENS, {"id": ["13–17", "Etika Pariwara Indonesia"], "en": ["13–17", "Etika Pariwara Indonesia"]}),
]


def _warnings_text(rec_json: dict[str, Any]) -> str:
    return "\n".join(w["text"] for w in rec_json["warnings"])


@pytest.mark.parametrize("case,brief,phrases", EXPECT, ids=[c for c, _, _ in EXPECT])
@pytest.mark.parametrize("lang", ["id", "en"])
def test_recommendation_names_the_rule(case: str, brief: dict[str, Any], phrases: dict[str, list[str]], lang: str):
    rec = recommend(CampaignBrief.model_validate(brief), lang=lang)
    text = "\n".join(w.text for w in rec.warnings)
    for phrase in phrases[lang]:
        assert phrase in text, f"{case} ({lang}): '{phrase}' not in the advisories"


def test_disclosure_cites_the_indonesian_code_first_and_the_ftc_only_as_practice_abroad():
    rec = recommend(CampaignBrief.model_validate(FASHION), lang="en")
    disclosure = next(w for w in rec.warnings if w.code == "disclosure")
    assert disclosure.source is not None and disclosure.source.id == "epi-2020"
    assert disclosure.text.index("Etika Pariwara Indonesia") < disclosure.text.index("FTC")
    assert "no explicit" not in disclosure.text.lower()


def test_each_rule_advisory_carries_its_source_with_the_clause():
    rec = recommend(CampaignBrief.model_validate(FOOD), lang="id")
    food = next(w for w in rec.warnings if w.code == "compliance-processed-food")
    assert food.source is not None and food.source.id == "bpom-6-2021"
    assert "Pasal 14" in food.source.passage and food.source.url


def test_no_minors_warning_without_teenagers_in_the_audience():
    codes = {w.code for w in recommend(CampaignBrief.model_validate(FASHION), lang="en").warnings}
    assert "compliance-minors" not in codes
    codes = {w.code for w in recommend(CampaignBrief.model_validate(TEENS), lang="en").warnings}
    assert "compliance-minors" in codes


def test_a_fashion_plan_gets_no_health_rules():
    codes = {w.code for w in recommend(CampaignBrief.model_validate(FASHION), lang="id").warnings}
    assert not codes & {"compliance-bpom-cosmetics", "compliance-bpom-drug", "compliance-processed-food",
                        "compliance-halal", "compliance-medical-device", "compliance-supplement"}


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_kol_brief_for_a_health_product_says_what_a_doctor_may_not_do(lang: str):
    rec = recommend(CampaignBrief.model_validate(PHARMA), lang=lang)
    kol = next(b for b in creator_briefs(rec, lang) if b.kind == "kol")
    text = kol.as_text()
    assert "MKEK" in text and "022/2020" in text
    assert ("layanan masyarakat" if lang == "id" else "public-service") in text
    assert "obat keras" in text
    assert "Etika Pariwara Indonesia" in text  # the disclosure section


def test_a_cosmetics_creator_brief_names_the_regulation():
    rec = recommend(CampaignBrief.model_validate(COSMETICS), lang="id")
    texts = [b.as_text() for b in creator_briefs(rec, "id")]
    assert texts and all("Peraturan BPOM 18/2024" in x for x in texts)


@pytest.mark.parametrize("case,brief,phrases", EXPECT[:4], ids=[c for c, _, _ in EXPECT[:4]])
def test_cli_recommend_names_the_rule_in_both_languages(case: str, brief: dict[str, Any],
                                                        phrases: dict[str, list[str]]):
    for lang in ("id", "en"):
        p = subprocess.run([sys.executable, "-m", "guide", "recommend", "-", "--lang", lang], cwd=ROOT,
                           input=json.dumps(brief).encode(), capture_output=True, timeout=60)
        assert p.returncode == 0, p.stderr
        text = _warnings_text(json.loads(p.stdout))
        for phrase in phrases[lang]:
            assert phrase in text, f"CLI {case} ({lang}): '{phrase}' not in the output"


@pytest.mark.parametrize("lang,phrase", [("id", "Peraturan BPOM Nomor 18 Tahun 2024"), ("en", "BPOM Regulation 18/2024")])
def test_the_pdf_for_a_cosmetics_sale_names_the_regulation(lang: str, phrase: str):
    import io

    import pypdf

    from guide.reports.recommendation import recommendation_pdf

    rec = recommend(CampaignBrief.model_validate(COSMETICS), lang=lang)
    data = recommendation_pdf(rec, lang, charts=False)
    text = " ".join(" ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(data)).pages).split())
    assert phrase in text
    assert "Etika Pariwara Indonesia" in text
