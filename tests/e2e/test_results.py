"""Browser: upload a results file -> problems, charts -> the PDF downloads, on a desktop and a phone."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import wait_ready
from playwright.sync_api import expect

ROOT = Path(__file__).resolve().parents[2]
RESULTS = (
    "creator,kind,platform,cost_idr,post_date,followers,impressions,reach,likes,comments,shares,saves\n"
    "Ana,micro,instagram,1500000,2026-10-05,30000,40000,30000,1000,80,20,30\n"
    "Budi,micro,tiktok,1500000,2026-10-08,25000,60000,45000,700,40,10,10\n"
    "Cici,micro,instagram,1200000,2026-10-14,18000,15000,12000,500,30,5,5\n"
    "Dedi,koc,tiktok,150000,2026-10-27,1500,2000,1500,60,10,2,2\n"
    "Eka,giant,tiktok,150000,2026-10-28,1500,2000,1500,60,10,2,2\n"
)


@pytest.mark.parametrize("width", [1280, 390])
def test_upload_shows_problems_and_charts_and_downloads_the_pdf(page_at, tmp_path, width):
    f = tmp_path / "hasil.csv"
    f.write_text(RESULTS, encoding="utf-8")
    page = page_at("/results?lang=en", width=width)
    expect(page.locator("h1").first).to_have_text("Campaign results")  # one language, the user's
    page.get_by_text("Upload a file", exact=True).click()
    wait_ready(page)
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(f))
    wait_ready(page)
    body = page.locator("body")
    expect(body).to_contain_text("5 post rows read · 4 counted · 1 not counted because of a problem")
    expect(body).to_contain_text("Unknown kind 'giant'")
    charts = page.locator("[data-testid=stVegaLiteChart]")
    expect(charts).to_have_count(5, timeout=30_000)  # plan × 2, the scatter, the timeline × 2
    expect(body).to_contain_text("One dot per creator")
    assert page.evaluate("document.documentElement.scrollWidth") <= width  # nothing wider than the screen
    button = page.get_by_role("button", name="PDF report")
    button.scroll_into_view_if_needed()
    with page.expect_download(timeout=60_000) as info:
        button.click()
    path = info.value.path()
    data = Path(path).read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 10_000
    assert info.value.suggested_filename == "campaign-results.pdf"
