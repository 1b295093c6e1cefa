"""guide.output.pdf: the shared PDF machinery, checked on the text a reader would extract and on the pages."""

from __future__ import annotations

import io

import pypdf
import pytest
from PIL import Image

from guide import recommend
from guide.advice.brief_io import DEFAULT_BRIEF
from guide.advice.charts import allocation_chart, scores_chart
from guide.output.pdf import FONT_DIR, Document, PdfError, chart_png, print_spec


def _text(data: bytes) -> list[str]:
    return [p.extract_text() for p in pypdf.PdfReader(io.BytesIO(data)).pages]


def test_fonts_and_licence_are_shipped() -> None:
    assert (FONT_DIR / "DejaVuSans.ttf").stat().st_size > 100_000
    assert (FONT_DIR / "DejaVuSans-Bold.ttf").stat().st_size > 100_000
    assert "Bitstream" in (FONT_DIR / "LICENSE-DejaVu.txt").read_text(encoding="utf-8")


def test_document_text_is_plain_and_unicode() -> None:
    d = Document("Uji", "id")
    d.heading("Rekomendasi — “KOL” pakar")
    d.paragraph("Anggaran **Rp 50.000.000** <b>tebal</b> [tautan](http://x.y) \u202ebalik")
    d.bullets(["satu", "dua"], numbered=True)
    d.table(["Jenis", "Jumlah", "Biaya"], [["Mikro", "25", "Rp 37.500.000"], ["KOC", "250", "Rp 12.500.000"]],
            totals=["Total", "275", "Rp 50.000.000"], align=["L", "R", "R"])
    data = d.to_bytes()
    assert data.startswith(b"%PDF-")
    (page,) = _text(data)
    assert "Rekomendasi — “KOL” pakar" in page
    # Markup is printed as typed, never interpreted; the direction override is dropped.
    assert "**Rp 50.000.000** <b>tebal</b> [tautan](http://x.y) balik" in page
    assert "Mikro 25 Rp 37.500.000" in page
    assert "Total 275 Rp 50.000.000" in page
    assert "Halaman 1 dari 1" in page
    # The font is embedded, so a fresh machine renders it.
    reader = pypdf.PdfReader(io.BytesIO(data))
    fonts = reader.pages[0]["/Resources"]["/Font"]
    descendants = [fonts[f].get_object()["/DescendantFonts"][0].get_object() for f in fonts]
    assert all("/FontFile2" in f["/FontDescriptor"] for f in descendants)


def test_long_table_repeats_header_and_numbers_pages_in_english() -> None:
    d = Document("Test", "en")
    rows = [[f"creator {i}", str(i)] for i in range(120)]
    d.table(["Name", "Count"], rows, totals=["Total", "7140"], align=["L", "R"])
    pages = _text(d.to_bytes())
    assert len(pages) >= 3
    for n, page in enumerate(pages, 1):
        assert page.count("Name Count") == 1
        assert f"Page {n} of {len(pages)}" in page
    assert "Total 7140" in pages[-1]
    assert "creator 119" in pages[-1]


def test_table_row_length_is_checked() -> None:
    d = Document("x", "en")
    with pytest.raises(PdfError):
        d.table(["a", "b"], [["only one"]])


def test_chart_png_renders_grey_without_container_width() -> None:
    rec = recommend(DEFAULT_BRIEF, "id")
    spec = scores_chart(rec, "id")
    printed = print_spec(spec)
    assert "container" not in str(printed)
    assert "#12A39A" not in str(printed) and "#12a39a" not in str(printed)
    png = chart_png(spec, scale=1)
    with Image.open(io.BytesIO(png)) as im:
        assert im.format == "PNG"
        assert im.size[0] >= 500
        rgb = im.convert("RGB")
        colours = rgb.getcolors(maxcolors=1 << 20) or []
    # Every pixel of any weight is a grey (r == g == b, up to anti-aliasing).
    strong = [c for n, c in colours if n > 50]
    assert strong and all(max(c) - min(c) <= 8 for c in strong)


def test_chart_in_document() -> None:
    rec = recommend(DEFAULT_BRIEF, "en")
    d = Document("Charts", "en")
    d.heading("Allocation", 2)
    d.image_png(chart_png(allocation_chart(rec, "en"), scale=1))
    reader = pypdf.PdfReader(io.BytesIO(d.to_bytes()))
    assert len(reader.pages[0].images) == 1


def test_broken_spec_is_a_message() -> None:
    with pytest.raises(PdfError, match="chart could not be rendered"):
        chart_png({"mark": "bar", "encoding": {"x": {"field": "a", "type": "nonsense"}}})
