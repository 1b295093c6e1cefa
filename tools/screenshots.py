"""Refresh the README's screenshots: `.venv/bin/python -m tools.screenshots [OUT_DIR]` (default docs/).

Serves the app (server.py, as `make run` does) on a free loopback port, opens pages in Debian's Chromium at the
widths a marketer uses (1280 px laptop, 390 px phone, 1920 px projector), and writes PNGs. Also writes both
languages of each view to OUT_DIR/screens/ (committed: the journey step by step, looked at before a release).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "e2e"))

from conftest import CHROMIUM, CHROMIUM_ARGS, StreamlitServer, wait_ready
from playwright.sync_api import Page, expect, sync_playwright

from guide.text.i18n import t

BRIEF = "goal=launch&budget_idr=150000000&audience=niche&industry=beauty&platforms=instagram,tiktok"


def shoot(page: Page, url: str, out: Path, tab: str | None = None, toggle: str | None = None) -> None:
    """Open `url`, click the toggle and the tab named (catalog keys), wait for a chart or table, save a PNG."""
    page.goto(url)
    wait_ready(page, timeout=60_000)
    lg = "en" if "lang=en" in url else "id"
    if toggle:
        page.get_by_text(t(lg, toggle), exact=True).click()
        wait_ready(page, timeout=60_000)
    if tab:
        page.get_by_role("tab", name=t(lg, tab)).click()
        wait_ready(page, timeout=60_000)
    expect(page.locator("h1").first).to_be_visible(timeout=60_000)
    if "/brief" not in url:  # the wizard's first step has no chart or table; elsewhere one is drawn (maybe in a fold)
        expect(page.locator('[data-testid="stVegaLiteChart"], [data-testid="stTable"], '
                            '[data-testid="stDataFrame"]').first).to_be_attached(timeout=60_000)
    page.screenshot(path=str(out))


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[1] / "docs"
    (out / "screens").mkdir(parents=True, exist_ok=True)
    server = StreamlitServer().start()
    try:
        take(server.url, out)
    finally:
        server.stop()


def take(base: str, out: Path) -> None:
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        views = {  # name: (path, width, height, tab, toggle)
            "screenshot": ("/recommendation", 1280, 1000, None, None),
            "screenshot-phone": ("/recommendation", 390, 844, "rec.tab_plan", None),
            "screenshot-projector": ("/recommendation", 1920, 1080, None, "app.projector"),
            "screenshot-creators": ("/creators", 1280, 1000, None, None),
            "screenshot-results": ("/results", 1280, 1000, None, None),
        }
        # The journey, step by step, on a phone and on a laptop (docs/screens/, committed).
        for width, height in ((390, 844), (1280, 900)):
            for step in ("brief", "recommendation", "creators", "results"):
                views[f"journey-{width}-{step}"] = (f"/{step}", width, height, None, None)
        for name, (path, width, height, tab, toggle) in views.items():
            for lg in ("id", "en"):
                ctx = browser.new_context(viewport={"width": width, "height": height})
                page = ctx.new_page()
                shoot(page, f"{base}{path}?{BRIEF}&lang={lg}", out / "screens" / f"{name}-{lg}.png", tab, toggle)
                if lg == "en" and not name.startswith("journey-"):  # the README shows the English view
                    page.screenshot(path=str(out / f"{name}.png"))
                ctx.close()
        browser.close()


if __name__ == "__main__":
    main()
