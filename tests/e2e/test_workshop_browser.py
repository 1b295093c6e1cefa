"""A workshop in real browsers: the trainer's projector and three participants' phones, separate contexts.

The server gets its own SQLite file (WORKSHOP_DB_URL), so the test never touches var/.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect
from sqlalchemy import create_engine

from guide.advice.brief_io import presets
from guide.workshop import rooms as ws
from tests.e2e.conftest import StreamlitServer, assert_no_exception, wait_ready
from tests.stclient import Session

LONG = {"id": {"kol": "KOL — pakar tepercaya", "koc": "KOC — konsumen yang berbagi pengalaman"},
        "en": {"kol": "KOL — trusted expert", "koc": "KOC — customers sharing experience"}}
YOUR_VOTE = {"id": "Jawaban Anda: {}. Anda masih bisa mengubahnya sampai pelatih menampilkan jawaban.",
             "en": "Your answer: {}. You can still change it until the trainer reveals the answer."}


@pytest.fixture(scope="module")
def ws_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[StreamlitServer]:
    db = Path(tmp_path_factory.mktemp("ws")) / "rooms.sqlite3"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("WORKSHOP_DB_URL", f"sqlite:///{db}")
        srv = StreamlitServer().start()  # the server inherits the environment at start
        srv.db_url = f"sqlite:///{db}"  # type: ignore[attr-defined]
    try:
        yield srv
    finally:
        srv.stop()


def open_page(browser: Browser, url: str, width: int, height: int) -> Page:
    page = browser.new_context(viewport={"width": width, "height": height}).new_page()
    page.goto(url)
    wait_ready(page)
    assert_no_exception(page)
    return page


def board_metric(page: Page) -> object:
    return page.locator(".st-key-ws_board [data-testid='stMetricValue']")


def test_trainer_and_three_participants(browser: Browser, ws_server: StreamlitServer) -> None:
    trainer = open_page(browser, ws_server.url + "/workshop", 1920, 1080)
    trainer.get_by_role("button", name="Buat ruang").click()
    expect(trainer.get_by_role("button", name="Mulai kuis")).to_be_visible()
    query = parse_qs(urlsplit(trainer.url).query)
    code, secret = query["room"][0], query["trainer"][0]
    # the trainer's screen: the board link for the projector first, then the participant link, neither with the secret
    links = trainer.locator("[data-testid='stCode']").filter(has_text="room=")
    expect(links.nth(0)).to_have_text(f"{ws_server.url}/workshop?room={code}&view=board")
    expect(links.nth(1)).to_have_text(f"{ws_server.url}/workshop?room={code}")
    assert secret not in links.nth(0).inner_text() + links.nth(1).inner_text()
    assert not trainer.locator("[data-testid='stImage'] img").count()  # the QR code is the projector's
    # The projector: the board link (no secret), the board first on the screen, the QR code below it.
    projector = open_page(browser, f"{ws_server.url}/workshop?room={code}&view=board", 1920, 1080)
    assert secret not in projector.url and secret not in projector.content()
    qr = projector.locator("[data-testid='stImage'] img")
    expect(qr).to_be_visible()
    board_box = projector.locator(".st-key-ws_board").bounding_box()
    assert board_box is not None and board_box["y"] < 1080 and board_box["y"] < (qr.bounding_box() or {"y": 0})["y"]
    projector.reload()
    wait_ready(projector)
    expect(projector.locator(".st-key-ws_board")).to_be_visible()  # projector mode and board kept on reload
    trainer.get_by_role("button", name="Mulai kuis").click()
    wait_ready(trainer)
    expect(board_metric(trainer)).to_have_text("0")

    choices = ["kol", "kol", "koc"]
    phones = []
    for i, s in enumerate(choices):
        lang = "en" if i == 2 else "id"  # one participant reads English
        phone = open_page(browser, f"{ws_server.url}/workshop?room={code}&lang={lang}", 390, 844)
        expect(phone.get_by_role("heading", level=2).first).to_contain_text(
            "pharmaceutical" if lang == "en" else "farmasi")
        phone.get_by_text(LONG[lang][s]).click()
        phone.get_by_label({"id": "Alasan Anda dalam satu kalimat (opsional)", "en": "Your reason in one line (optional)"}[lang]).fill(f"reason {i} <b>bold</b>")
        phone.get_by_role("button", name={"id": "Kirim jawaban", "en": "Send my answer"}[lang]).click()
        expect(phone.get_by_text(YOUR_VOTE[lang].format({"kol": "KOL", "koc": "KOC"}[s]))).to_be_visible()
        # the projector picks the vote up by itself (fragment every 2.5 s), within 5 s
        expect(board_metric(trainer)).to_have_text(str(i + 1), timeout=5_000)
        phones.append((phone, lang))

    # participant text is text: the tags are visible characters, no bold element was made from them
    expect(trainer.get_by_text("KOL: reason 1 <b>bold</b>")).to_be_visible()
    assert trainer.locator(".st-key-ws_board b").count() == 0

    # one participant changes their mind; still three votes
    phone, lang = phones[0]
    phone.get_by_text({"id": "Kombinasi — influencer lalu KOC", "en": "Combined — influencers, then KOCs"}[lang]).click()
    phone.get_by_role("button", name={"id": "Ubah jawaban", "en": "Change my answer"}[lang]).click()
    expect(phone.get_by_text(YOUR_VOTE[lang].format({"id": "Kombinasi", "en": "Combined"}[lang]))
           ).to_be_visible()
    expect(trainer.get_by_text("Kombinasi: reason 0 <b>bold</b>")).to_be_visible(timeout=5_000)
    expect(board_metric(trainer)).to_have_text("3")

    trainer.get_by_role("button", name="Tampilkan jawaban").click()
    expect(trainer.get_by_text("Jawaban panduan: KOL — pakar tepercaya")).to_be_visible()
    expect(trainer.get_by_text("1 dari 3 peserta memilih jawaban yang sama (33%)")).to_be_visible()
    # the phones learn about the reveal by themselves too
    phone, lang = phones[2]
    expect(phone.get_by_text({"id": "Jawaban panduan: KOL — pakar tepercaya", "en": "The guide's answer: KOL — trusted expert"}[lang])
           ).to_be_visible(timeout=6_000)
    expect(phone.get_by_text({"id": "Anda memilih KOC. Diskusikan dengan pelatih mengapa panduan memilih yang lain.",
                              "en": "You chose KOC. Discuss with your trainer why the guide chose another."}[lang])).to_be_visible()
    for p in [trainer, *(ph for ph, _ in phones)]:
        assert_no_exception(p)
        p.context.close()
    assert "Traceback" not in ws_server.log_path.read_text(errors="replace")  # nothing failed behind the scenes


def test_tampered_link_says_room_not_found(browser: Browser, ws_server: StreamlitServer) -> None:
    page = open_page(browser, ws_server.url + "/workshop?room=ZZZZZ-ZZZZZ&lang=en", 390, 844)
    expect(page.get_by_text("Room not found.")).to_be_visible()
    page.context.close()
    assert "Traceback" not in ws_server.log_path.read_text(errors="replace")


def test_the_board_refreshes_as_a_fragment_without_rerunning_the_page(ws_server: StreamlitServer) -> None:
    """At the protocol level: the trainer's page asks for a fragment rerun every 2.5 s, and that rerun
    redraws only the board (with the new vote), not the page around it."""
    engine = ws.prepare(create_engine(ws_server.db_url))  # type: ignore[attr-defined]
    keys = ws.create_room(engine)
    ws.start_quiz(engine, keys.code, keys.secret, presets()[0].brief, presets()[0].id)

    async def watch() -> tuple[dict[str, float], list[str], list[str], list[str]]:
        async with Session(ws_server.url.replace("http", "ws"), "workshop",
                           f"room={keys.code}&trainer={keys.secret}") as s:
            await s.rerun()
            page_elements, n_texts = list(s.drawn), len(s.texts)
            ws.vote(engine, keys.code, "a-participant-token", "koc", "cheap")
            (fid,) = [f for f, every in s._fragments.items() if every == 2.5]
            await s.rerun(fragment=fid)
            return dict(s._fragments), page_elements, list(s.drawn), s.texts[n_texts:]

    result: list[tuple[dict[str, float], list[str], list[str], list[str]]] = []
    # its own thread and event loop: Playwright's sync API (the browser fixture) owns this thread's loop
    th = threading.Thread(target=lambda: result.append(asyncio.run(watch())))
    th.start()
    th.join(60)
    fragments, page_elements, fragment_elements, fragment_texts = result[0]
    assert 2.5 in fragments.values()
    # the full page: title, links, case picker (the QR code is on the projector's board view, not here)
    assert "heading" in page_elements and "selectbox" in page_elements and "code" in page_elements
    assert "imgs" not in fragment_elements and "selectbox" not in fragment_elements
    assert fragment_elements.count("vega_lite_chart") == 1 and "metric" in fragment_elements
    assert "1" in fragment_texts and "KOC: cheap" in fragment_texts  # the new vote, drawn by the fragment
