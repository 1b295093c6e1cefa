"""Two replicas: two Streamlit servers on two ports share one real PostgreSQL. Votes cast through server A
appear on the board served by server B (and back), as behind a load balancer with sticky sessions."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect
from sqlalchemy import create_engine

from guide.workshop import rooms as ws
from tests.db.pgserver import PgServer
from tests.e2e.conftest import StreamlitServer, assert_no_exception, chromium_browser, wait_ready


@pytest.fixture(scope="module")
def replicas(pg: PgServer) -> Iterator[tuple[StreamlitServer, StreamlitServer, str]]:
    url = pg.create_database("replicas")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv(ws.ENV_URL, url)
        a = StreamlitServer().start()
        try:
            b = StreamlitServer().start()
        except BaseException:
            a.stop()
            raise
    try:
        yield a, b, url
    finally:
        a.stop()
        b.stop()


@pytest.fixture(scope="module")
def chromium() -> Iterator[Browser]:
    with chromium_browser() as br:
        yield br


def open_page(browser: Browser, url: str) -> Page:
    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    page.goto(url)
    wait_ready(page)
    assert_no_exception(page)
    return page


def vote(page: Page, strategy: str) -> None:
    page.get_by_text({"kol": "KOL — pakar tepercaya", "koc": "KOC — konsumen yang berbagi pengalaman"}[strategy]).click()
    page.get_by_role("button", name="Kirim jawaban").click()
    expect(page.get_by_text(f"Jawaban Anda: {strategy.upper()}. Anda masih bisa mengubahnya sampai pelatih menampilkan jawaban.")
           ).to_be_visible()


def test_votes_through_server_a_appear_on_the_board_of_server_b(
        replicas: tuple[StreamlitServer, StreamlitServer, str], chromium: Browser) -> None:
    a, b, url = replicas
    assert a.port != b.port
    trainer_a = open_page(chromium, a.url + "/workshop")
    trainer_a.get_by_role("button", name="Buat ruang").click()
    start = trainer_a.get_by_role("button", name="Mulai kuis")
    expect(start).to_be_visible()
    query = parse_qs(urlsplit(trainer_a.url).query)
    code, secret = query["room"][0], query["trainer"][0]
    start.click()
    wait_ready(trainer_a)

    # The projector is served by B (the trainer's link works on any replica: the room is in the database).
    board_b = open_page(chromium, f"{b.url}/workshop?room={code}&trainer={secret}")
    metric_b = board_b.locator(".st-key-ws_board [data-testid='stMetricValue']")
    expect(metric_b).to_have_text("0")

    for s in ["kol", "koc"]:
        vote(open_page(chromium, f"{a.url}/workshop?room={code}"), s)
    expect(metric_b).to_have_text("2", timeout=5_000)

    # and the other way round: a participant on B, the board on A
    vote(open_page(chromium, f"{b.url}/workshop?room={code}"), "kol")
    expect(trainer_a.locator(".st-key-ws_board [data-testid='stMetricValue']")).to_have_text("3", timeout=5_000)
    expect(metric_b).to_have_text("3", timeout=5_000)

    # the rooms really are in PostgreSQL, not in either server's memory
    engine = create_engine(url)
    try:
        counts = ws.board(engine, code).counts
    finally:
        engine.dispose()
    assert counts == {"kol": 2, "influencer": 0, "koc": 1, "combined": 0}
    for srv in (a, b):
        assert "Traceback" not in srv.log_path.read_text(errors="replace")
