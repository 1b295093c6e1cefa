"""The database goes away in the middle of a vote: PostgreSQL stopped, or the SQLite file locked by another
writer. Every storage call says so with `StorageDown` (a message in the room's language), never a raw
driver error; nothing is reported as kept that was not; once the database is back, the votes resent are all
counted."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from sqlalchemy import create_engine

from guide.advice.brief_io import presets
from guide.workshop import rooms as ws
from tests.db.pgserver import PgServer

PHARMA = next(p for p in presets() if p.id == "pharma-expert")


def tok(i: int) -> str:
    return f"outage-participant-{i:04d}"


@pytest.fixture(scope="module")
def own_pg() -> Iterator[PgServer]:
    """A server of its own: this module stops and restarts it."""
    srv = PgServer().start()
    try:
        yield srv
    finally:
        srv.stop()


def test_storage_down_has_a_message_in_both_languages() -> None:
    assert ws.StorageDown().message("id") == (
        "Database ruang workshop sedang tidak dapat dihubungi. Jawaban Anda belum tersimpan; "
        "jawaban disimpan di perangkat ini dan dikirim ulang otomatis begitu database kembali.")
    assert ws.StorageDown().message("en") == (
        "The workshop room's database cannot be reached right now. Your answer is not saved yet; "
        "it is kept on this device and sent again automatically as soon as the database is back.")


def test_postgresql_stopped_mid_vote_then_restarted_loses_nothing(own_pg: PgServer) -> None:
    engine = ws.prepare(create_engine(own_pg.create_database("outage"), pool_pre_ping=True))
    keys = ws.create_room(engine)
    qid = ws.start_quiz(engine, keys.code, keys.secret, PHARMA.brief, PHARMA.id)
    for i in range(5):
        ws.vote(engine, keys.code, tok(i), "kol", question_id=qid)
    own_pg.pause()
    try:
        refused = []
        for i in range(5, 10):
            with pytest.raises(ws.StorageDown):
                ws.vote(engine, keys.code, tok(i), "koc", question_id=qid)
            refused.append(i)
        with pytest.raises(ws.StorageDown):
            ws.board(engine, keys.code)
        with pytest.raises(ws.StorageDown):
            ws.room_state(engine, keys.code)
        with pytest.raises(ws.StorageDown):
            ws.create_room(engine)
    finally:
        own_pg.resume()
    for i in refused:  # what each phone does once the database answers again
        ws.vote(engine, keys.code, tok(i), "koc", question_id=qid)
    b = ws.board(engine, keys.code)
    assert (b.total, b.counts["kol"], b.counts["koc"]) == (10, 5, 5)


def test_postgresql_restart_between_votes_is_invisible_with_pre_ping(own_pg: PgServer) -> None:
    engine = ws.prepare(create_engine(own_pg.create_database("restart"), pool_pre_ping=True))
    keys = ws.create_room(engine)
    qid = ws.start_quiz(engine, keys.code, keys.secret, PHARMA.brief, PHARMA.id)
    ws.vote(engine, keys.code, tok(1), "kol", question_id=qid)
    own_pg.restart()  # the pooled connection is dead; the next call gets a new one
    ws.vote(engine, keys.code, tok(2), "kol", question_id=qid)
    assert ws.board(engine, keys.code).total == 2


def test_postgresql_restart_is_invisible_without_pre_ping_too(own_pg: PgServer) -> None:
    """An engine without pool_pre_ping (the app's has it): after a restart every pooled connection is dead, and
    the first call on one must still succeed (the pool is invalidated whole and ws._guarded runs the call once
    more on a fresh connection), for reads and writes alike: the retry is the second line behind the ping."""
    engine = ws.prepare(create_engine(own_pg.create_database("restart_no_ping")))
    keys = ws.create_room(engine)
    qid = ws.start_quiz(engine, keys.code, keys.secret, PHARMA.brief, PHARMA.id)
    held = [engine.connect() for _ in range(3)]  # three connections in the pool, as a busy server has
    for c in held:
        c.exec_driver_sql("SELECT 1")
        c.close()
    own_pg.restart()
    assert ws.room_state(engine, keys.code).question_id == qid
    ws.vote(engine, keys.code, tok(1), "koc", question_id=qid)
    own_pg.restart()
    ws.vote(engine, keys.code, tok(2), "kol", question_id=qid)
    b = ws.board(engine, keys.code)
    assert (b.total, b.counts["kol"], b.counts["koc"]) == (2, 1, 1)
    engine.dispose()


def test_sqlite_locked_by_another_writer_is_storage_down_then_counted(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ws, "SQLITE_BUSY_MS", 300)
    path = tmp_path / "rooms.sqlite3"
    engine = ws.prepare(create_engine(f"sqlite:///{path}"))
    keys = ws.create_room(engine)
    qid = ws.start_quiz(engine, keys.code, keys.secret, PHARMA.brief, PHARMA.id)
    ws.vote(engine, keys.code, tok(1), "kol", question_id=qid)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")  # a backup, a migration, another process holding the write lock
    try:
        with pytest.raises(ws.StorageDown):
            ws.vote(engine, keys.code, tok(2), "koc", question_id=qid)
    finally:
        other.execute("ROLLBACK")
        other.close()
    ws.vote(engine, keys.code, tok(2), "koc", question_id=qid)
    b = ws.board(engine, keys.code)
    assert (b.total, b.counts["kol"], b.counts["koc"]) == (2, 1, 1)


def test_room_creation_and_joins_are_limited_per_address(tmp_path: Path) -> None:
    engine = ws.prepare(create_engine(f"sqlite:///{tmp_path / 'rooms.sqlite3'}"))
    for _ in range(ws.CREATE_LIMIT):
        ws.throttle(engine, ws.CREATE_BUCKET, "203.0.113.7", now=1000.0)
    with pytest.raises(ws.RateLimited) as e:
        ws.throttle(engine, ws.CREATE_BUCKET, "203.0.113.7", now=1001.0)
    assert e.value.message("en") == "Too many submissions in a short time. Try again in 599 seconds."
    ws.throttle(engine, ws.CREATE_BUCKET, "198.51.100.9", now=1001.0)  # another address
    ws.throttle(engine, ws.CREATE_BUCKET, "203.0.113.7", now=1000.0 + ws.CREATE_WINDOW_S)  # the next window
    for _ in range(ws.JOIN_LIMIT):
        ws.throttle(engine, ws.JOIN_BUCKET, "203.0.113.7", now=1000.0)
    with pytest.raises(ws.RateLimited):
        ws.throttle(engine, ws.JOIN_BUCKET, "203.0.113.7", now=1000.0)


def test_phones_in_a_browser_come_back_to_the_room_after_an_outage(own_pg: PgServer) -> None:
    """A real phone (Chromium) that opens the room while PostgreSQL is down gets the vote form once it is back,
    without a reload; a phone that sent its answer during the outage sees it stored, on the same page. Both pages
    come back through the room's poll (`st.rerun(scope="app")` from a fragment), which a browser sends with the
    page's script hash: the protocol client of bench/workshop_scale.py once sent none and landed on the start
    page instead (issue 22)."""
    from playwright.sync_api import expect

    from tests.e2e.conftest import StreamlitServer, chromium_browser, wait_ready

    url = own_pg.create_database("phones")
    engine = ws.prepare(create_engine(url, pool_pre_ping=True))
    keys = ws.create_room(engine)
    qid = ws.start_quiz(engine, keys.code, keys.secret, PHARMA.brief, PHARMA.id)
    room = f"/workshop?room={keys.code}"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv(ws.ENV_URL, url)
        srv = StreamlitServer().start()
    try:
        with chromium_browser() as browser:
            early = browser.new_context(viewport={"width": 390, "height": 844}).new_page()
            early.goto(srv.url + room)
            wait_ready(early)
            kol = early.get_by_text("KOL — pakar tepercaya")
            expect(kol).to_be_visible()
            own_pg.pause()
            try:
                late = browser.new_context(viewport={"width": 390, "height": 844}).new_page()
                late.goto(srv.url + room)  # joins while the database is down
                expect(late.get_by_text("Halaman ini muncul lagi sendiri begitu database kembali.")).to_be_visible()
                kol.click()
                early.get_by_label("Alasan Anda dalam satu kalimat (opsional)").fill("ahli dipercaya")
                early.get_by_role("button", name="Kirim jawaban").click()
                expect(early.get_by_text("Jawaban yang menunggu dikirim: KOL.")).to_be_visible()
            finally:
                own_pg.resume()
            # Back by themselves, on the Workshop page, with nothing typed lost.
            expect(late.get_by_text("KOL — pakar tepercaya")).to_be_visible(timeout=20_000)
            expect(late.get_by_role("button", name="Kirim jawaban")).to_be_visible()
            assert urlsplit(late.url).path == "/workshop"
            expect(early.get_by_text("Jawaban Anda: KOL. Anda masih bisa mengubahnya sampai pelatih menampilkan "
                                     "jawaban.")).to_be_visible(timeout=20_000)
            expect(early.get_by_text("ahli dipercaya")).to_be_visible()
            assert urlsplit(early.url).path == "/workshop"
        b = ws.board(engine, keys.code)
        assert (b.question_id, b.total, b.counts["kol"], b.reasons) == (qid, 1, 1, (("kol", "ahli dipercaya"),))
        assert "Traceback" not in srv.log_path.read_text(errors="replace")
    finally:
        srv.stop()
        engine.dispose()

