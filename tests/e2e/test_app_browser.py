"""Real-browser checks: the wizard and its focus, a share link, the language switch, the Recommendation page
on a phone (390 px), a laptop (1280 px) and a projector (1920 px), in both languages. Playwright's
auto-retrying `expect(...)` and waits on page state only, never fixed sleeps. Screenshots go to test-artifacts/."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import wait_ready
from playwright.sync_api import Page, expect

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
ISSUE_LINK = "/recommendation?goal=sales&budget_idr=60000000&audience=niche&industry=parenting&lang=en"
SALES_LINK = "/recommendation?goal=sales&budget_idr=60000000&audience=niche&industry=parenting&platforms=instagram,tiktok"
MAIN = '[data-testid="stMain"]'


def heading(page: Page):
    return page.locator("h1").first


def language(page: Page, code: str) -> None:
    page.locator('[data-testid="stButtonGroup"]').get_by_text(code, exact=True).click()
    wait_ready(page)


def overflow(page: Page) -> dict:
    """Elements sticking out to the right of the viewport (tables and code scroll on their own)."""
    return page.evaluate("""() => {
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
    expect(page.get_by_text("Dibaca sebagai Rp 3.000.000 (3 juta)")).to_be_visible()  # the amount as read
    for step in ("audience", "channels", "timing", "review"):
        page.get_by_role("button", name="Lanjut").click()
        wait_ready(page)
        expect(page.locator(f"h3#step-{step}")).to_be_visible()  # one click each: none is swallowed
    page.get_by_role("button", name="Lihat rekomendasi").click()
    wait_ready(page)
    expect(page).to_have_url(re.compile(r"/recommendation\?.*goal=testimonials.*budget_idr=3000000"))
    expect(heading(page)).to_have_text(re.compile(r"^KOC"))
    # The Why tab shows the score and reason charts.
    expect(page.get_by_role("tabpanel").locator("[data-testid=stVegaLiteChart]")).to_have_count(2)


def test_next_and_back_move_keyboard_focus_to_the_step_heading_with_a_visible_ring(page_at):
    page = page_at("/brief")
    page.get_by_role("button", name="Lanjut").click()
    wait_ready(page)
    budget = page.locator("h3#step-budget")
    expect(budget).to_be_focused()
    expect(budget).to_have_text("Anggaran")
    ring = budget.evaluate("e => [getComputedStyle(e).outlineStyle, getComputedStyle(e).outlineWidth]")
    assert ring[0] != "none" and ring[1] == "3px", ring
    page.get_by_role("button", name="Kembali").click()
    wait_ready(page)
    expect(page.locator("h3#step-goal")).to_be_focused()


def test_edit_link_on_the_recommendation_opens_its_wizard_step(page_at):
    page = page_at(ISSUE_LINK)
    summary = page.locator(".st-key-brief_summary")
    expect(summary.get_by_role("button", name="Campaign goal: Sales")).to_be_visible()
    summary.get_by_role("button", name="Budget (Rp): Rp 60,000,000").click()
    wait_ready(page)
    expect(page).to_have_url(re.compile(r"/brief\?"))
    expect(page.locator("h3#step-budget")).to_be_focused()  # one click, not four Back clicks
    expect(page.get_by_role("textbox", name="Budget (Rp)")).to_have_value("60,000,000")


def test_share_link_opens_recommendation_in_english(page_at):
    page = page_at(ISSUE_LINK)
    expect(heading(page)).to_have_text("Influencer — social media creator")
    expect(page.get_by_text("Fit score")).to_be_visible()
    page.get_by_role("tab", name="Plan").click()
    expect(page.get_by_role("heading", name="Costed plan")).to_be_visible()
    assert "lang=en" in page.url


def test_tampered_link_shows_a_notice_not_an_error(page_at):
    page = page_at("/recommendation?goal=%3Cscript%3Ealert(1)%3C/script%3E&budget_idr=-1&audience=niche"
                   "&industry=health&lang=en&x=" + "A" * 10_000)
    expect(page.get_by_text("This link holds values that cannot be used")).to_be_visible()
    assert page.locator("script:has-text('alert(1)')").count() == 0
    expect(page).to_have_url(re.compile(r"budget_idr=50000000"))  # the link is rewritten to what is shown


def test_language_switch_keeps_the_page_and_the_scroll_position(page_at):
    page = page_at("/learn")
    expect(heading(page)).to_have_text("Pelajari")
    page.locator(MAIN).evaluate("el => el.scrollTo(0, 1500)")
    language(page, "EN")
    expect(heading(page)).to_have_text("Learn")
    expect(page).to_have_url(re.compile(r"/learn\?.*lang=en"))
    page.wait_for_function(f"() => document.querySelector('{MAIN}').scrollTop > 1400")
    page.get_by_role("link", name="Recommendation").click()
    wait_ready(page)
    expect(page.get_by_role("heading", name="Why", exact=True)).to_be_visible()
    expect(page).to_have_url(re.compile(r"/recommendation\?.*lang=en"))  # the address follows the rerun


def test_plan_is_cards_on_a_phone_and_a_table_on_a_laptop(page_at):
    for width, cards_shown in ((390, True), (1280, False)):
        page = page_at(SALES_LINK + "&lang=en", width=width, height=844)
        page.get_by_role("tab", name="Plan").click()
        cards, table = page.locator(".st-key-plan_cards"), page.locator(".st-key-plan_table")
        if cards_shown:
            expect(cards).to_be_visible()
            expect(cards.get_by_text("Phase 1 · Micro-influencer × 9")).to_be_visible()
            expect(table).to_be_hidden()
        else:
            expect(table).to_be_visible()
            expect(cards).to_be_hidden()


def test_copy_button_puts_the_share_link_on_the_clipboard(browser, server):
    ctx = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True,
                              permissions=["clipboard-read", "clipboard-write"])
    try:
        page = ctx.new_page()
        page.goto(server.url + SALES_LINK + "&lang=id")
        wait_ready(page)
        page.get_by_role("tab", name="Bagikan dan unduh").click()
        page.get_by_role("button", name="Salin tautan").tap()
        expect(page.get_by_role("status")).to_have_text("Tautan disalin")
        copied = page.evaluate("() => navigator.clipboard.readText()")
        assert copied.startswith(server.url + "/recommendation?") and "goal=sales" in copied, copied
    finally:
        ctx.close()


def test_projector_option_enlarges_the_type(page_at):
    ARTIFACTS.mkdir(exist_ok=True)
    page = page_at(SALES_LINK + "&lang=id", width=1920, height=1080)
    size = "() => getComputedStyle(document.documentElement).fontSize"
    assert page.evaluate(size) == "16px"
    page.get_by_text("Proyektor").click()
    wait_ready(page)
    page.wait_for_function(f"() => ({size})() === '22px'")
    page.get_by_role("link", name="Pelajari").click()  # the option stays on while moving between pages
    wait_ready(page)
    expect(heading(page)).to_have_text("Pelajari")
    assert page.evaluate(size) == "22px"
    expect(page).to_have_url(re.compile(r"[?&]projector=1(&|$)"))  # kept in the link: a reload keeps it
    page.reload()
    wait_ready(page)
    expect(heading(page)).to_have_text("Pelajari")
    page.wait_for_function(f"() => ({size})() === '22px'")
    page.get_by_text("Proyektor").click()  # and switched off, it leaves the link
    wait_ready(page)
    page.wait_for_function(f"() => ({size})() === '16px'")
    expect(page).not_to_have_url(re.compile(r"projector="))


def test_every_page_fits_at_390_1280_and_1920_in_both_languages(page_at):
    ARTIFACTS.mkdir(exist_ok=True)
    every_page = ("/", "/brief", SALES_LINK, "/compare", "/learn", "/assumptions")
    for width, height in ((390, 844), (1280, 900), (1920, 1080)):
        for lg in ("id", "en"):
            for path in every_page if width == 390 else ("/brief", SALES_LINK, "/learn"):
                sep = "&" if "?" in path else "?"
                page = page_at(f"{path}{sep}lang={lg}", width=width, height=height)
                name = path.strip("/").split("?")[0] or "start"
                page.screenshot(path=str(ARTIFACTS / f"{width}-{lg}-{name}.png"))
                o = overflow(page)
                assert o["scroll"] <= o["w"] and o["n"] == 0, (width, lg, path, o)
                if name == "recommendation" and width == 390:
                    screens = page.locator(MAIN).evaluate("el => el.scrollHeight / el.clientHeight")
                    assert screens <= 4.5, screens  # about four screens on a phone
                page.context.close()


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
        expect(heading(page)).to_have_text("Influencer — social media creator")
        expect(page.get_by_role("link", name="Assumptions")).to_have_count(1)  # the top navigation is there
        expect(page.locator('[data-testid="stButtonGroup"]').get_by_text("EN", exact=True)).to_have_count(1)
    finally:
        ctx.close()
        srv.stop()
