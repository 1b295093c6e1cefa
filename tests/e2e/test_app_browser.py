"""Real-browser checks: the wizard, a share link, the language switch and a phone-width layout."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import wait_ready

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
ISSUE_LINK = "/recommendation?goal=sales&budget_idr=60000000&audience=niche&industry=parenting&lang=en"


def heading(page) -> str:
    return page.locator("h1").first.inner_text()


def test_walk_the_wizard_to_a_recommendation(page_at):
    page = page_at("/brief")
    page.get_by_text("Testimoni", exact=True).click()
    wait_ready(page)
    page.get_by_role("button", name="Lanjut").click()
    wait_ready(page)
    box = page.get_by_role("textbox", name="Anggaran (Rp)")
    box.fill("3 juta")
    box.press("Enter")
    wait_ready(page)
    assert "Rp 3.000.000" in page.inner_text("body")
    for _ in range(4):
        page.get_by_role("button", name="Lanjut").click()
        wait_ready(page)
    page.get_by_role("button", name="Lihat rekomendasi").click()
    wait_ready(page)
    assert re.search(r"/recommendation\?", page.url)
    assert "goal=testimonials" in page.url and "budget_idr=3000000" in page.url
    assert heading(page).startswith("KOC")
    page.locator("[data-testid=stVegaLiteChart]").nth(4).wait_for(timeout=30_000)
    assert page.locator("[data-testid=stVegaLiteChart]").count() == 5


def test_share_link_opens_recommendation_in_english(page_at):
    page = page_at(ISSUE_LINK)
    assert heading(page) == "Influencer — social media creator"
    body = page.inner_text("body")
    assert "Costed plan" in body and "Micro-influencer" in body
    assert "lang=en" in page.url


def test_tampered_link_shows_a_notice_not_an_error(page_at):
    page = page_at("/recommendation?goal=%3Cscript%3Ealert(1)%3C/script%3E&budget_idr=-1&audience=niche"
                   "&industry=health&lang=en&x=" + "A" * 10_000)
    body = page.inner_text("body")
    assert "This link holds values that cannot be used" in body
    assert page.locator("script:has-text('alert(1)')").count() == 0
    assert "budget_idr=50000000" in page.url  # the link is rewritten to what is shown


def test_language_switch_and_back(page_at):
    page = page_at("/learn")
    assert heading(page) == "Pelajari"
    page.locator('[data-testid="stButtonGroup"]').get_by_text("EN", exact=True).click()
    wait_ready(page)
    assert heading(page) == "Learn"
    assert "lang=en" in page.url
    page.get_by_role("link", name="Recommendation").click()
    wait_ready(page)
    assert "Why" in page.inner_text("body") and "lang=en" in page.url


def test_phone_width_has_no_horizontal_scrolling(page_at):
    ARTIFACTS.mkdir(exist_ok=True)
    for path in ("/", "/brief", ISSUE_LINK, "/compare", "/learn", "/assumptions"):
        page = page_at(path, width=390, height=844)
        page.wait_for_timeout(500)
        overflow = page.evaluate("""() => {
            const w = document.documentElement.clientWidth;
            const wide = [...document.querySelectorAll('body *')].filter(e => {
                const r = e.getBoundingClientRect();
                const style = getComputedStyle(e);
                return r.width > 0 && r.right > w + 1 && style.visibility !== 'hidden'
                    && !e.closest('[data-testid="stDataFrame"], [data-testid="stDataFrameResizable"], .stCode, pre');
            });
            return {scroll: document.documentElement.scrollWidth, w, n: wide.length,
                    sample: wide.slice(0, 3).map(e => e.getAttribute('data-testid') || e.tagName)};
        }""")
        name = path.strip("/").split("?")[0] or "start"
        page.screenshot(path=str(ARTIFACTS / f"phone-{name}.png"))
        assert overflow["scroll"] <= overflow["w"], (path, overflow)
        assert overflow["n"] == 0, (path, overflow)


def test_share_link_as_the_first_request_to_a_fresh_server(browser):
    """A pages/ folder makes Streamlit run page files on their own until some session has called
    st.navigation; a share link opened first must still get the whole app (navigation, switch, page)."""
    from conftest import StreamlitServer, assert_no_exception

    srv = StreamlitServer().start()
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = ctx.new_page()
        page.goto(srv.url + ISSUE_LINK)
        wait_ready(page)
        assert_no_exception(page)
        assert heading(page) == "Influencer — social media creator"
        assert page.get_by_role("link", name="Assumptions").count() == 1  # the top navigation is there
        assert page.locator('[data-testid="stButtonGroup"]').get_by_text("EN", exact=True).count() == 1
    finally:
        ctx.close()
        srv.stop()
