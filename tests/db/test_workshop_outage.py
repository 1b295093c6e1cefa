"""The database goes away in the middle of a vote: PostgreSQL stopped, or the SQLite file locked by another
writer. Every storage call says so with `StorageDown` (a message in the room's language), never a raw
driver error; nothing is reported as kept that was not; once the database is back, the votes resent are all
counted."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

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
