"""The app starts and its first page is in Indonesian; the server-log guard the fixtures rely on works."""

from __future__ import annotations

import re

from conftest import tracebacks
from playwright.sync_api import expect


def test_start_page_loads_in_indonesian(page_at):
    page = page_at("/")
    # Indonesian is the default language: the start page's title, button and navigation are Indonesian.
    expect(page.locator("h1").first).to_have_text("Pilih KOL, influencer, KOC, atau kombinasinya")
    expect(page.get_by_role("button", name="Mulai brief")).to_be_visible()
    expect(page.get_by_role("link", name="Pelajari")).to_be_visible()
    expect(page).to_have_title("Panduan Strategi Kreator")


def test_traceback_finder_reads_a_streamlit_log():
    log = (
        "  You can now view your Streamlit app in your browser.\n"
        "2026-12-02 06:30:01.123 page failed\n"
        "Traceback (most recent call last):\n"
        '  File "/app/pages/_common.py", line 230, in safe_run\n'
        "    fn()\n"
        "ZeroDivisionError: division by zero\n"
        "2026-12-02 06:30:02.000 next line\n"
    )
    (found,) = tracebacks(log)
    assert found.startswith("Traceback (most recent call last):")
    assert found.endswith("ZeroDivisionError: division by zero")
    assert tracebacks("  You can now view your Streamlit app in your browser.\nStopping...\n") == []


def test_nested_path_lands_on_its_page(page_at):
    page = page_at("/recommendation/extra?goal=sales&budget_idr=60000000&audience=niche&industry=parenting&lang=en")
    expect(page).to_have_url(re.compile(r"/recommendation\?.*goal=sales"))
    expect(page.get_by_role("heading", name="Why", exact=True)).to_be_visible()


def test_a_link_with_more_than_1000_parameters_shows_a_notice(page_at):
    query = "&".join(f"p{i}=1" for i in range(1001))
    page = page_at(f"/recommendation?lang=en&{query}")
    # The whole query is dropped (the language with it), so the notice is in the default language.
    expect(page.get_by_text("lebih dari 1.000 parameter")).to_be_visible()
