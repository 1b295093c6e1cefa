"""An answer on the Brief page redraws only its step (a fragment rerun, issue 22's answer -> update), so
whatever else the answer changes must be redrawn with the step or by the fragment's own run: the address
bar's share link, the amount as read, a refused amount's message, and the brief file in the file box. These
are what a marketer sees after each answer, checked in a real browser, answered at machine speed."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import parse_qs, urlparse

from conftest import wait_ready
from playwright.sync_api import Page, expect


def link_value(page: Page, key: str) -> str | None:
    return parse_qs(urlparse(page.url).query).get(key, [None])[0]


def brief_file(page: Page) -> dict:
    button = page.get_by_role("button", name="Unduh brief (JSON)")
    if not button.is_visible():  # the file box opens folded on each step
        page.get_by_text("Muat brief dari file JSON").click()
    with page.expect_download() as info:
        page.get_by_role("button", name="Unduh brief (JSON)").click()
    return json.loads(Path(info.value.path()).read_bytes())


def test_each_answer_updates_the_link_the_amount_read_and_the_brief_file(page_at) -> None:
    page: Page = page_at("/brief?lang=id")
    page.get_by_role("radio", name="Testimoni", exact=True).check(force=True)
    expect(page).to_have_url(re.compile(r"[?&]goal=testimonials(&|$)"))
    assert brief_file(page)["goal"] == "testimonials"
    page.get_by_role("radio", name="Penjualan", exact=True).check(force=True)
    expect(page).to_have_url(re.compile(r"[?&]goal=sales(&|$)"))
    assert brief_file(page)["goal"] == "sales"

    page.get_by_role("button", name="Lanjut", exact=True).click()
    wait_ready(page)
    before = link_value(page, "budget_idr")
    assert before is not None and before != "75000000"
    box = page.get_by_role("textbox", name="Anggaran (Rp)")
    box.fill("12abc")
    expect(page.get_by_text("“12abc” tidak terbaca sebagai jumlah rupiah.", exact=False)).to_be_visible()
    wait_ready(page)
    assert link_value(page, "budget_idr") == before  # a refused amount leaves the link as it was
    box.fill("75 jt")
    expect(page.get_by_text("Dibaca sebagai Rp 75.000.000 (75 juta)")).to_be_visible()
    expect(page.get_by_text("tidak terbaca sebagai jumlah rupiah", exact=False)).to_have_count(0)
    expect(page).to_have_url(re.compile(r"[?&]budget_idr=75000000(&|$)"))
    assert brief_file(page)["budget_idr"] == 75_000_000
    # The step's heading and progress are still the page's own, after answers that redrew only the step.
    expect(page.get_by_role("heading", name="Brief kampanye")).to_be_visible()
    expect(page.get_by_text("Langkah 2 dari 6: Anggaran")).to_be_visible()
