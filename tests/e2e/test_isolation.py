"""Two people at once: what one edits or loads never reaches the other (or a newcomer).

Expectations are what a user sees on screen: the shipped micro-influencer rate (Rp 2.500.000, from
data/figures.yaml) and the one typed in, and each person's plan total compared with a newcomer's.
"""

from __future__ import annotations

import json
import re

from conftest import assert_no_exception, wait_ready
from playwright.sync_api import Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeout

LINK = "?goal=sales&budget_idr=60000000&audience=niche&industry=parenting"
GRID = '[data-testid="stDataFrame"]'
ROW_H = 35  # Streamlit's data grid row height (header included)
TOTAL = re.compile(r"Total rencana: Rp [\d.]+")


def edit_cell(page: Page, row: int, col: int, value: str) -> None:
    """Edit one data-editor cell (row 0 = first data row, col 0 = first column) the way a keyboard user does.

    Click the first cell of the first row (its position does not depend on column widths), move there with
    the arrow keys, open the editor with Enter, fill it and commit with Enter. Glide's accessible table says
    which cell is selected and what it holds, so each step waits for its own condition; a step that did not
    take (a slow first paint on a busy machine) is tried again from a clean grid.
    """
    grid = page.locator(GRID).first
    cell = grid.locator(f'[data-testid="glide-cell-{col}-{row}"]').first
    cell.wait_for(state="attached", timeout=30_000)
    for _attempt in range(3):
        page.keyboard.press("Escape")
        box = grid.locator('[data-testid="data-grid-canvas"]').first.bounding_box()
        assert box is not None
        page.mouse.click(box["x"] + 20, box["y"] + ROW_H + ROW_H / 2)
        for key in ["ArrowDown"] * row + ["ArrowRight"] * col:
            page.keyboard.press(key)
        try:
            expect(cell).to_have_attribute("aria-selected", "true", timeout=5_000)
            page.keyboard.press("Enter")
            editor = page.locator("#portal input, #portal textarea").first
            expect(editor).to_be_visible(timeout=5_000)
            editor.fill(value)
            editor.press("Enter")
            expect(cell).to_have_text(value, timeout=10_000)
        except (AssertionError, PlaywrightTimeout):  # a step did not take; start again from a clean grid
            continue
        wait_ready(page)
        return
    raise AssertionError(f"could not edit cell ({row}, {col}) of the data editor")


def go(page: Page, link_name: str) -> None:
    page.get_by_role("link", name=link_name).click()
    wait_ready(page)


def shown(amount: str) -> re.Pattern[str]:
    """An amount as the Learn table shows it: a word joiner may sit before each `.` (so no autolink forms)."""
    return re.compile(re.escape(amount).replace(r"\.", "\u2060?\\."))


def micro_row(page: Page):
    go(page, "Pelajari")
    return page.locator("table tr", has_text="Mikro-influencer").last


def plan_total(page: Page) -> str:
    go(page, "Rekomendasi")
    page.get_by_role("tab", name="Rencana").click()  # the total is under the plan, in its tab
    total = page.get_by_text(TOTAL).first
    expect(total).to_be_visible()
    m = TOTAL.search(total.inner_text())
    assert m, total.inner_text()
    return m.group(0)


def test_two_sessions_edit_different_assumptions(page_at):
    a = page_at("/assumptions" + LINK)
    b = page_at("/assumptions" + LINK)
    newcomer_total = plan_total(page_at("/recommendation" + LINK))

    # A: the micro-influencer rate band goes up (a valid edit).
    edit_cell(a, 2, 2, "5000000")  # micro row, "Tarif tinggi" column
    expect(a.locator("body")).to_contain_text("angka yang diubah", timeout=30_000)
    # B: the completion factor goes down.
    factor = b.get_by_role("textbox", name="Faktor penyelesaian unggahan")
    factor.fill("0,5")  # typed the Indonesian way
    factor.press("Enter")
    wait_ready(b)
    expect(b.locator("body")).to_contain_text("angka yang diubah", timeout=30_000)

    expect(micro_row(a)).to_contain_text(shown("Rp 5.000.000"))
    b_micro = micro_row(b)
    expect(b_micro).to_contain_text(shown("Rp 2.500.000"))
    expect(b_micro).not_to_contain_text(shown("Rp 5.000.000"))

    go(a, "Asumsi")
    go(b, "Asumsi")
    expect(a.get_by_role("textbox", name="Faktor penyelesaian unggahan")).to_have_value("0,8")
    expect(b.get_by_role("textbox", name="Faktor penyelesaian unggahan")).to_have_value("0,5")

    # A's plan is costed with A's higher rate, so it differs from what a newcomer sees; B changed only the
    # completion factor (reach, not cost), so B's total is the newcomer's.
    assert plan_total(a) != newcomer_total
    assert plan_total(b) == newcomer_total

    # A newcomer still gets the shipped figures.
    c = page_at("/learn")
    expect(c.locator("table tr", has_text="Mikro-influencer").last).to_contain_text(shown("Rp 2.500.000"))
    for p in (a, b, c):
        assert_no_exception(p)


def test_an_uploaded_brief_stays_in_its_session(page_at, tmp_path):
    a = page_at("/brief" + LINK)
    b = page_at("/brief" + LINK)
    f = tmp_path / "brief.json"
    f.write_text(json.dumps({"goal": "education", "budget_idr": 250_000_000, "audience": "niche",
                             "industry": "finance", "content": "expert"}))
    a.get_by_text("Muat brief dari file JSON").click()
    a.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(f))
    wait_ready(a)
    expect(a.locator("body")).to_contain_text("Brief dimuat dari file", timeout=30_000)
    go(a, "Rekomendasi")
    go(b, "Rekomendasi")
    expect(a).to_have_url(re.compile(r"goal=education.*budget_idr=250000000|budget_idr=250000000.*goal=education"))
    expect(b).to_have_url(re.compile(r"goal=sales.*budget_idr=60000000|budget_idr=60000000.*goal=sales"))
    expect(a.locator("h1").first).to_have_text(re.compile(r"^KOL"))
    expect(b.locator("h1").first).not_to_have_text(re.compile(r"^KOL"))
