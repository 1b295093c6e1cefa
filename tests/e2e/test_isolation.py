"""Two people at once: what one edits or loads never reaches the other (or a newcomer)."""

from __future__ import annotations

import json

from conftest import assert_no_exception, wait_ready
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from guide import CampaignBrief, knowledge, recommend
from guide.i18n import fmt_idr

LINK = "?goal=sales&budget_idr=60000000&audience=niche&industry=parenting"
GRID = '[data-testid="stDataFrame"]'
ROW_H = 35  # Streamlit's data grid row height (header included)


def edit_cell(page, row: int, col: int, value: str) -> None:
    """Edit one data-editor cell (row 0 = first data row, col 0 = first column) the way a keyboard user does.

    Click the first cell of the first row (its position does not depend on column widths), move there with
    the arrow keys, open the editor with Enter, fill it and commit with Enter. Glide's accessible table says
    which cell is selected and what it holds, so each step is checked instead of guessed; a step that did
    not take (a slow first paint on a busy machine) is tried again.
    """
    grid = page.locator(GRID).first
    target = grid.locator(f'[data-testid="glide-cell-{col}-{row}"]').first
    target.wait_for(state="attached", timeout=30_000)
    for _attempt in range(3):
        page.keyboard.press("Escape")
        box = grid.locator('[data-testid="data-grid-canvas"]').first.bounding_box()
        page.mouse.click(box["x"] + 20, box["y"] + ROW_H + ROW_H / 2)
        for key in ["ArrowDown"] * row + ["ArrowRight"] * col:
            page.keyboard.press(key)
        try:
            page.wait_for_function(
                "id => document.getElementById(id)?.getAttribute('aria-selected') === 'true'",
                arg=f"glide-cell-{col}-{row}", timeout=5_000)
            page.keyboard.press("Enter")
            editor = page.locator("#portal input, #portal textarea").first
            editor.wait_for(state="visible", timeout=5_000)
            editor.fill(value)
            editor.press("Enter")
            page.wait_for_function(
                "([id, v]) => document.getElementById(id)?.innerText.trim() === v",
                arg=[f"glide-cell-{col}-{row}", value], timeout=10_000)
        except PlaywrightTimeout:  # a step did not take; start again from a clean grid
            continue
        wait_ready(page)
        return
    raise AssertionError(f"could not edit cell ({row}, {col}) of the data editor")


def micro_rate(page) -> str:
    page.get_by_role("link", name="Pelajari").click()
    wait_ready(page)
    row = page.locator("table tr", has_text="Mikro-influencer").last
    return row.inner_text()


def test_two_sessions_edit_different_assumptions(page_at, server):
    a = page_at("/assumptions" + LINK)
    b = page_at("/assumptions" + LINK)

    # A: the micro-influencer rate band goes up (a valid edit).
    edit_cell(a, 2, 2, "5000000")  # micro row, "Tarif tinggi" column
    a.wait_for_function("() => document.body.innerText.includes('angka yang diubah')", timeout=30_000)
    # B: the completion factor goes down.
    factor = b.get_by_role("spinbutton", name="Faktor penyelesaian unggahan")
    factor.fill("0.5")
    factor.press("Enter")
    wait_ready(b)
    b.wait_for_function("() => document.body.innerText.includes('angka yang diubah')", timeout=30_000)

    assert "Rp 5.000.000" in micro_rate(a)
    assert "Rp 5.000.000" not in micro_rate(b) and "Rp 2.500.000" in micro_rate(b)

    a.get_by_role("link", name="Asumsi").click()
    wait_ready(a)
    b.get_by_role("link", name="Asumsi").click()
    wait_ready(b)
    assert a.get_by_role("spinbutton", name="Faktor penyelesaian unggahan").input_value() == "0.80"
    assert b.get_by_role("spinbutton", name="Faktor penyelesaian unggahan").input_value() == "0.50"

    # A's plan is costed with A's rate; B's with the shipped one.
    brief = CampaignBrief(goal="sales", budget_idr=60_000_000, audience="niche", industry="parenting")
    shipped = knowledge().figures
    edited = shipped.model_copy(update={"kinds": {**shipped.kinds, "micro": shipped.kinds["micro"].model_copy(
        update={"rate_high": 5_000_000})}})
    total_a = fmt_idr(recommend(brief, figures=edited).total_cost_idr, "id")
    total_b = fmt_idr(recommend(brief).total_cost_idr, "id")
    assert total_a != total_b
    for page, total in ((a, total_a), (b, total_b)):
        page.get_by_role("link", name="Rekomendasi").click()
        wait_ready(page)
        assert f"Total rencana: {total}" in page.inner_text("body")

    # A newcomer gets the shipped figures.
    c = page_at("/learn")
    assert "Rp 2.500.000" in c.locator("table tr", has_text="Mikro-influencer").last.inner_text()
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
    a.wait_for_function("() => document.body.innerText.includes('Brief dimuat dari file')", timeout=30_000)
    a.get_by_role("link", name="Rekomendasi").click()
    wait_ready(a)
    b.get_by_role("link", name="Rekomendasi").click()
    wait_ready(b)
    assert "goal=education" in a.url and "budget_idr=250000000" in a.url
    assert "goal=sales" in b.url and "budget_idr=60000000" in b.url
    assert a.locator("h1").first.inner_text().startswith("KOL")
    assert not b.locator("h1").first.inner_text().startswith("KOL")
