"""Refresh the README's screenshots: `.venv/bin/python -m tools.screenshots [OUT_DIR]` (default docs/).

Serves the app (server.py, as `make run` does) on a free loopback port, opens pages in Debian's Chromium at the
widths a marketer uses (1280 px laptop, 390 px phone, 1920 px projector), and writes PNGs. Also writes both
languages of each view to OUT_DIR/screens/ for looking at (not committed).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "e2e"))

from conftest import CHROMIUM, CHROMIUM_ARGS, READY, SKELETON, StreamlitServer
from playwright.sync_api import Page, expect, sync_playwright

BRIEF = "goal=launch&budget_idr=150000000&audience=niche&industry=beauty&platforms=instagram,tiktok"


def ready(page: Page) -> None:
    expect(page.locator(READY)).to_have_count(1, timeout=60_000)
    expect(page.locator(SKELETON)).to_have_count(0, timeout=60_000)


def shoot(page: Page, url: str, out: Path, full: bool = False, tab: str | None = None,
          toggle: str | None = None) -> None:
    page.goto(url)
    ready(page)
    if toggle:
        page.get_by_text(toggle, exact=True).click()
        ready(page)
    if tab:
        page.get_by_role("tab", name=tab).click()
        ready(page)
    expect(page.locator('[data-testid="stVegaLiteChart"], [data-testid="stTable"], '
                        '[data-testid="stDataFrame"]').filter(visible=True).first).to_be_visible(timeout=60_000)
    page.screenshot(path=str(out), full_page=full)


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
        views = {  # name: (path, width, height, tab per language)
            "screenshot": ("/recommendation", 1280, 1000, None),
            "screenshot-phone": ("/recommendation", 390, 844, {"id": "Rencana", "en": "Plan"}),
            "screenshot-projector": ("/recommendation", 1920, 1080, None),
            "screenshot-creators": ("/creators", 1280, 1000, None),
            "screenshot-results": ("/results", 1280, 1000, None),
        }
        for name, (path, width, height, tabs) in views.items():
            for lg in ("id", "en"):
                ctx = browser.new_context(viewport={"width": width, "height": height})
                page = ctx.new_page()
                url = f"{base}{path}?{BRIEF}&lang={lg}"
                how = {"tab": tabs[lg] if tabs else None,
                       "toggle": {"id": "Proyektor", "en": "Projector"}[lg] if "projector" in name else None}
                shoot(page, url, out / "screens" / f"{name}-{lg}.png", **how)  # type: ignore[arg-type]
                if lg == "en":
                    page.screenshot(path=str(out / f"{name}.png"))
                ctx.close()
        browser.close()


if __name__ == "__main__":
    main()
