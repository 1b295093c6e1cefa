"""Storage tests run twice: on an SQLite file (WAL) and on a real PostgreSQL server started for the session."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, create_engine

from guide.workshop import rooms as workshop
from tests.db.pgserver import PgServer

_db_names = itertools.count()


@pytest.fixture(scope="session")
def pg() -> Iterator[PgServer]:
    srv = PgServer().start()
    try:
        yield srv
    finally:
        srv.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def engine(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    """A fresh, empty database of each kind, prepared the way the app prepares it."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('ws') / 'workshop_rooms.sqlite3'}"
    else:
        url = request.getfixturevalue("pg").create_database(f"t{next(_db_names)}")
    eng = create_engine(url, pool_size=20, max_overflow=20)
    workshop.prepare(eng)
    try:
        yield eng
    finally:
        eng.dispose()
