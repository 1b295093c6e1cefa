"""Browser: upload a roster → problems and shortlist → every download works, at 1280 px and on a 390 px phone."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import wait_ready
from playwright.sync_api import Page, expect

ROSTER = (
    "name,platform,followers,handle,engagement_rate,fee_idr,industries\n"
    "Sari Contoh,instagram,24000,@sari.c,3.9,1200000,lifestyle\n"
    "Budi Contoh,tiktok,31000,@budi.c,4.1,1500000,lifestyle\n"
    "Rina Contoh,instagram,15000,@rina.c,3.6,,lifestyle\n"
    "Salah Platform,myspace,15000,@salah,3.6,,lifestyle\n"
)


def _download(page: Page, label: str) -> tuple[str, bytes]:
    with page.expect_download() as info:
        page.get_by_role("button", name=label).click()
    d = info.value
    path = d.path()
    return d.suggested_filename, Path(path).read_bytes()


@pytest.mark.parametrize("width", [1280, 390])
def test_upload_shortlist_and_downloads(page_at, tmp_path: Path, width: int) -> None:
    roster = tmp_path / "roster.csv"
    roster.write_text(ROSTER, encoding="utf-8")
    page: Page = page_at("/creators?lang=en", width=width)
    expect(page.get_by_role("heading", name="Creators", exact=True)).to_be_visible()
    page.get_by_text("Upload my file").click()
    wait_ready(page)
    page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(str(roster))
    wait_ready(page)
    # 4 rows, 3 without errors, 1 error and 0 warnings: the metrics a user reads first.
    metrics = page.locator('[data-testid="stMetricValue"]')
    expect(metrics.nth(0)).to_have_text("4")
    expect(metrics.nth(1)).to_have_text("3")
    expect(metrics.nth(2)).to_have_text("1 / 0")
    expect(page.get_by_text("1 errors and 0 warnings", exact=False)).to_be_visible()
    success = page.locator('[data-testid="stAlertContentSuccess"]')
    expect(success).to_contain_text("3 of")
    expect(success).to_contain_text("HiGHS")
    page.get_by_role("tab", name="Chart").click()  # the picks first; their chart one tab over
    expect(page.locator('[data-testid="stVegaLiteChart"]').first).to_be_visible()
    expect(page.get_by_text("All 3 eligible creators are picked", exact=False)).to_be_visible()

    name, data = _download(page, "Shortlist CSV")
    assert name == "creator-shortlist.csv"
    text = data.decode("utf-8")
    assert text.startswith("\ufeffName,Handle,Platform,Kind,Followers,Engagement rate (%),Fee (Rp),Fee estimated,Expected engagements,Expected reach,Why picked")
    assert "Sari Contoh" in text and "Salah Platform" not in text
    name, data = _download(page, "Shortlist + briefs PDF")
    assert name == "creator-shortlist.pdf" and data.startswith(b"%PDF-")
    name, data = _download(page, "Recommendation PDF")
    assert name == "recommendation.pdf" and data.startswith(b"%PDF-")
    name, data = _download(page, "Plan + shortlist Excel")
    assert name == "creator-shortlist.xlsx" and data[:2] == b"PK"

    if width == 390:
        overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1


def test_unreadable_upload_is_a_message_in_indonesian(page_at, tmp_path: Path) -> None:
    broken = tmp_path / "roster.xlsx"
    broken.write_bytes(b"PK\x03\x04this is not a workbook")
    page: Page = page_at("/creators?lang=id")
    page.get_by_text("Unggah file saya").click()
    wait_ready(page)
    page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(str(broken))
    wait_ready(page)
    expect(page.locator('[data-testid="stAlertContentError"]')).to_contain_text("File Excel tidak terbaca")
    expect(page.locator('[data-testid="stAlertContentSuccess"]')).to_have_count(0)
