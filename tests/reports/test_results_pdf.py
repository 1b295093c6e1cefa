"""The Results PDF is printed in greys: its words name greys and shapes (never green/orange/red/blue), its
charts are vector drawings (no images), and no column header breaks inside a word."""

from __future__ import annotations

import io
from pathlib import Path

import pypdf
import pytest

from guide import CampaignBrief
from guide.results.analysis import analyse, parse_results
from guide.results.report import to_pdf

ROOT = Path(__file__).resolve().parents[2]
BRIEF = CampaignBrief(goal="launch", budget_idr=75_000_000, audience="broad", industry="beauty",
                      platforms=("instagram", "tiktok"), product_value_idr=150_000, duration_weeks=6)


def results_pdf(lang: str) -> pypdf.PdfReader:
    data = (ROOT / "data" / "sample_results.csv").read_bytes()
    a = analyse(parse_results(data, "sample_results.csv"), BRIEF, lang)
    return pypdf.PdfReader(io.BytesIO(to_pdf(a, lang)))


@pytest.mark.parametrize(("lang", "colours", "shapes", "headers"), [
    ("id", ("hijau", "oranye", "merah", "biru"),
     "menurut biaya per konversi: 15 dipertahankan (bulat, abu-abu gelap), 7 ditinjau (belah ketupat, abu-abu muda), "
     "4 dihentikan (segitiga putih bergaris hitam)", ("Engagement vs rencana", "Kreator direncanakan", "ER per pengikut")),
    ("en", ("green", "orange", " red ", "red triangle", "blue"),
     "by cost per conversion: 15 keep (dark grey circles), 7 review (light grey diamonds), 4 drop (white triangles "
     "outlined in black)",
     ("Planned creators", "Engagements vs plan")),
])
def test_words_and_greys_agree_and_headers_stay_whole(lang, colours, shapes, headers) -> None:
    reader = results_pdf(lang)
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    for word in colours:
        assert word not in text.lower()
    assert shapes in text
    assert ("belah ketupat hitam adalah hasilnya" if lang == "id" else "black diamonds the actual") in text
    for h in headers:
        assert h in text  # a header broken mid-word reads "Engageme nt"
    assert "Engageme nt" not in text and "Keputus an" not in text
    assert sum(len(p.images) for p in reader.pages) == 0  # the charts are drawn, not pasted as pictures
