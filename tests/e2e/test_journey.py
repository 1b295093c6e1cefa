"""The whole journey in Indonesian, at 1280 px and on a 390 × 844 phone, answered at machine speed:
brief (wizard) → recommendation → Kreator (sample roster) → briefs PDF / XLSX → Hasil (sample results).

Asserts what the marketer sees (literal text), how long each page is in screens, that nothing scrolls sideways,
and the page count of the PDF for the boss (pdfinfo). Answers are typed and the next control is used at once,
with no pause: a typed answer must stick (issue 21, item 6)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from conftest import wait_ready
from playwright.sync_api import Page, expect

MAIN = '[data-testid="stMain"]'
# Issue 21's 3 screens (the pages were 7.0 / 5.4 and 6.2 / 4.3, then 3.38 / 3.15 and 4.24 / 4.19 stacked): with their
# sections as tabs, measured 2026-12-04 at the tallest tab: creators 2.89 at 390 px and 2.37 at 1280 px, results 2.55
# and 2.47.
CREATORS_SCREENS = {390: 3.0, 1280: 3.0}
RESULTS_SCREENS = {390: 3.0, 1280: 3.0}


def screens(page: Page) -> float:
    return float(page.locator(MAIN).evaluate("el => el.scrollHeight / el.clientHeight"))


def no_sideways_scroll(page: Page) -> None:
    wide = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
    assert wide <= 1, f"the page scrolls sideways by {wide} px"


def download(page: Page, label: str, nth: int = 0) -> tuple[str, bytes]:
    with page.expect_download() as info:
        page.get_by_role("button", name=label).nth(nth).click()
    d = info.value
    return d.suggested_filename, Path(d.path()).read_bytes()


def pdf_pages(data: bytes, tmp: Path) -> int:
    f = tmp / "file.pdf"
    f.write_bytes(data)
    out = subprocess.run(["pdfinfo", str(f)], capture_output=True, text=True, check=True).stdout
    m = re.search(r"^Pages:\s+(\d+)", out, re.M)
    assert m, out
    return int(m.group(1))


def next_step(page: Page) -> None:
    page.get_by_role("button", name="Lanjut", exact=True).click()
    wait_ready(page)


@pytest.mark.parametrize("width,height", [(1280, 900), (390, 844)])
def test_journey_in_indonesian(page_at, tmp_path: Path, width: int, height: int) -> None:
    page: Page = page_at("/brief?lang=id", width=width, height=height)
    expect(page.get_by_role("heading", name="Brief kampanye")).to_be_visible()
    # 1 goal
    page.get_by_text("Peluncuran produk", exact=True).click()
    next_step(page)
    # 2 budget: typed, and "Lanjut" pressed at once (no Enter, no pause)
    page.get_by_role("textbox", name="Anggaran (Rp)").fill("150 jt")
    next_step(page)
    # 3 audience and industry; the product typed and the next control used at once
    page.get_by_text("Ceruk", exact=True).click()
    wait_ready(page)
    page.get_by_role("textbox", name="Produk").fill("Serum Glow")
    page.locator('[data-testid="stSelectbox"]').filter(has_text="Industri").click()
    page.get_by_role("option", name="Kecantikan").click()
    wait_ready(page)
    next_step(page)
    # 4 channels: as they are
    next_step(page)
    # 5 timing: 6 weeks by keyboard, the campaign name typed and "Lanjut" pressed at once
    slider = page.get_by_role("slider")
    slider.focus()
    slider.press("Home")  # 1 week, then five steps up
    for _ in range(5):
        slider.press("ArrowRight")
    wait_ready(page)
    page.get_by_role("textbox", name="Nama kampanye").fill("Peluncuran Serum Glow")
    next_step(page)
    # 6 review: every quick answer stuck
    table = page.locator('[data-testid="stTable"]')
    for text in ("Peluncuran produk", "Rp 150.000.000", "Ceruk", "Kecantikan", "Serum Glow", "Peluncuran Serum Glow"):
        expect(table).to_contain_text(text)
    expect(table.locator("tr").filter(has_text="Durasi (minggu)")).to_contain_text("6")
    no_sideways_scroll(page)

    # Recommendation
    page.get_by_role("button", name="Lihat rekomendasi").click()
    wait_ready(page)
    expect(page.locator("h1").first).to_have_text("Kombinasi — influencer lalu KOC")
    expect(page.get_by_role("button", name="Anggaran (Rp): Rp 150.000.000")).to_be_visible()
    expect(page.get_by_role("button", name="Durasi (minggu): 6 minggu")).to_be_visible()
    no_sideways_scroll(page)
    def screens_down(selector: str, edge: str) -> float:  # how far down the page an element's edge is, in screens
        return float(page.locator(selector).first.evaluate(
            f"el => (el.getBoundingClientRect().{edge} + el.closest('[data-testid=\"stMain\"]').scrollTop)"
            " / innerHeight"))

    numbers_end = screens_down(".st-key-rec_numbers", "bottom")  # strategy, score, runner-up, planned spend
    tabs_top = screens_down('[data-testid="stTabs"]', "top")
    # Issue 21's target: the strategy, its score and the key numbers within half a screen on a phone. Measured
    # 2026-12-04: 0.40 at 390 px (the tabs at 0.94; they were at 1.74), 0.31 at 1280 px.
    assert numbers_end <= 0.5, f"the key numbers end {numbers_end:.2f} screens down"
    assert tabs_top <= (1.0 if width == 390 else 0.9), f"the tabs begin {tabs_top:.2f} screens down"
    # Each tab within 3 screens (issue 21; the warnings tab was 6.3 screens at 390 px, then 3.67 until its next
    # steps folded into an expander like its counting notes).
    limits = {"Mengapa": 3.0, "Rencana": 3.0, "Peringatan dan langkah": 3.0, "Bagikan dan unduh": 3.0}
    for tab, limit in limits.items():
        page.get_by_role("tab", name=tab).click()
        wait_ready(page)
        assert screens(page) <= limit, (tab, screens(page))
    # Switching language keeps the open tab (the last one), then back to Indonesian
    switch = page.locator('[data-testid="stButtonGroup"]')  # the language switch, one on the screen
    switch.get_by_text("EN", exact=True).click()
    wait_ready(page)
    expect(page.get_by_role("tab", name="Share and download")).to_have_attribute("aria-selected", "true")
    expect(switch).to_have_count(1)  # the Indonesian switch drawn before the rerun has gone
    switch.get_by_text("ID", exact=True).click()
    wait_ready(page)
    expect(page.get_by_role("tab", name="Bagikan dan unduh")).to_have_attribute("aria-selected", "true")
    # An edited answer leads back to the recommendation in one click
    page.get_by_role("button", name="Anggaran (Rp): Rp 150.000.000").click()
    wait_ready(page)
    page.get_by_role("button", name="Kembali ke rekomendasi").click()
    wait_ready(page)
    expect(page.locator("h1").first).to_have_text("Kombinasi — influencer lalu KOC")
    # The PDF for the boss from the way forward under the headline: one page
    name, data = download(page, "PDF untuk atasan (satu halaman)")
    assert name.endswith(".pdf") and data.startswith(b"%PDF-")
    boss_pages = pdf_pages(data, tmp_path)  # asserted at the end, so the rest of the journey is walked too

    # Kreator, with the sample roster; briefs and the workbook
    page.get_by_role("link", name="Lanjut: pilih kreator").click()
    wait_ready(page)
    expect(page.locator("h1").first).to_have_text("Kreator")
    expect(page.get_by_text("Contoh (300 kreator fiktif)")).to_be_visible()
    expect(page.get_by_role("tab", name="Kreator terpilih")).to_have_attribute("aria-selected", "true")
    no_sideways_scroll(page)
    creators_screens = screens(page)
    page.get_by_role("tab", name="Grafik").click()
    expect(page.locator('[data-testid="stVegaLiteChart"]').first).to_be_visible()
    creators_screens = max(creators_screens, screens(page))
    name, data = download(page, "PDF daftar pendek + brief")
    assert data.startswith(b"%PDF-") and pdf_pages(data, tmp_path) >= 1
    name, data = download(page, "Excel rencana + daftar pendek")
    assert name.endswith(".xlsx") and data[:2] == b"PK"

    # Hasil, with the sample results
    page.get_by_role("link", name="Sesudah kampanye: hasil").click()
    wait_ready(page)
    expect(page.locator("h1").first).to_have_text("Hasil kampanye")
    expect(page.get_by_text("Rumus", exact=False).first).to_be_visible()
    results_screens = 0.0
    for tab in ("Rincian", "Rencana vs hasil", "Pertahankan, tinjau, hentikan", "Per minggu"):  # the tallest tab
        page.get_by_role("tab", name=tab, exact=True).click()
        wait_ready(page)
        no_sideways_scroll(page)
        results_screens = max(results_screens, screens(page))
    expect(page.locator('[data-testid="stVegaLiteChart"]').filter(visible=True).first).to_be_visible()
    print(f"{width}px: creators {creators_screens:.2f} screens, results {results_screens:.2f} screens")
    assert creators_screens <= CREATORS_SCREENS[width]
    assert results_screens <= RESULTS_SCREENS[width]
    assert boss_pages == 1, f"the PDF for the boss is {boss_pages} pages, not one"


def test_a_budget_typed_without_enter_survives_a_menu_click(page_at) -> None:
    page: Page = page_at("/brief?lang=id")
    next_step(page)
    page.get_by_role("textbox", name="Anggaran (Rp)").fill("75 jt")  # no Enter, no pause
    page.get_by_role("link", name="Rekomendasi").click()  # one click: the box's late save must not undo it
    wait_ready(page)
    expect(page).to_have_url(re.compile(r"/recommendation\?.*budget_idr=75000000"))
    expect(page.get_by_role("button", name="Anggaran (Rp): Rp 75.000.000")).to_be_visible()


def test_a_product_value_typed_then_a_menu_click_lands_on_that_page_with_the_value(page_at) -> None:
    page: Page = page_at("/brief?lang=id")
    next_step(page)
    page.get_by_role("textbox", name="Nilai produk per KOC (Rp)").fill("250rb")  # no Enter, no pause
    page.get_by_role("link", name="Kreator").click()
    wait_ready(page)
    expect(page).to_have_url(re.compile(r"/creators\?"))
    page.get_by_role("link", name="Brief", exact=True).click()  # back at the step she left
    wait_ready(page)
    expect(page.get_by_role("textbox", name="Nilai produk per KOC (Rp)")).to_have_value("250.000")
