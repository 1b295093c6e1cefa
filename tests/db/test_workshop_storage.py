"""Workshop storage on real databases: every test runs on SQLite (WAL file) and on a real PostgreSQL server."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import Engine, create_engine, select, text

from guide.advice.brief_io import presets
from guide.workshop import rooms as ws

PHARMA = next(p for p in presets() if p.id == "pharma-expert")  # an expert-trust case: the articles say KOL
NOW = 1_800_000_000.0


def tok(i: int) -> str:
    return f"participant-token-{i:04d}"


def quiz_room(engine: Engine) -> ws.RoomKeys:
    keys = ws.create_room(engine, now=NOW)
    ws.start_quiz(engine, keys.code, keys.secret, PHARMA.brief, case_id=PHARMA.id, now=NOW)
    return keys


def test_schema_is_created_once_and_versioned(engine: Engine) -> None:
    assert ws.current_schema_version(engine) == ws.SCHEMA_VERSION
    ws._ready.discard(engine)
    ws.prepare(engine)  # a second replica starting on the same database: no error, one version row
    with engine.connect() as c:
        assert c.execute(select(ws.schema_version.c.version)).scalars().all() == [ws.SCHEMA_VERSION]


def test_codes_are_long_random_and_separate_from_the_secret(engine: Engine) -> None:
    made = [ws.create_room(engine, now=NOW) for _ in range(20)]
    codes = {k.code for k in made}
    assert len(codes) == 20
    for k in made:
        assert len(k.code) == 10 and set(k.code) <= set(ws.CODE_ALPHABET)
        assert k.code not in k.secret and k.secret not in k.code and len(k.secret) >= 32
    with engine.connect() as c:  # the secret itself is never stored
        stored = " ".join(str(v) for row in c.execute(select(ws.rooms)) for v in row)
    assert not any(k.secret in stored for k in made)


def test_votes_count_and_a_participant_can_change_theirs(engine: Engine) -> None:
    keys = quiz_room(engine)
    ws.vote(engine, keys.code, tok(1), "koc", "cheap", now=NOW + 1)
    ws.vote(engine, keys.code, tok(2), "kol", "doctors are trusted", now=NOW + 2)
    ws.vote(engine, keys.code, tok(1), "kol", "changed my mind", now=NOW + 3)
    b = ws.board(engine, keys.code, now=NOW + 4)
    assert b.counts == {"kol": 2, "influencer": 0, "koc": 0, "combined": 0}
    assert b.total == 2
    assert ("kol", "changed my mind") in b.reasons and ("koc", "cheap") not in b.reasons
    assert ws.my_answer(engine, keys.code, tok(1), now=NOW + 4) == ("kol", "changed my mind")
    assert b.answer is None and b.matched is None  # hidden until the trainer reveals it


def test_reveal_shows_the_guides_answer_and_how_many_matched(engine: Engine) -> None:
    keys = quiz_room(engine)
    for i, s in enumerate(["kol", "kol", "influencer", "koc"]):
        ws.vote(engine, keys.code, tok(i), s, now=NOW + 1)
    with pytest.raises(ws.NotTrainer):
        ws.reveal(engine, keys.code, "not-the-secret", now=NOW + 2)
    ws.reveal(engine, keys.code, keys.secret, now=NOW + 2)
    b = ws.board(engine, keys.code, now=NOW + 3)
    assert b.revealed and b.answer == "kol" and b.matched == 2
    with pytest.raises(ws.NotAccepting):  # after the reveal the vote is closed
        ws.vote(engine, keys.code, tok(9), "kol", now=NOW + 4)


def test_a_vote_for_a_question_the_trainer_left_is_refused(engine: Engine) -> None:
    keys = quiz_room(engine)
    old = ws.board(engine, keys.code, now=NOW).question_id
    ws.start_quiz(engine, keys.code, keys.secret, presets()[1].brief, case_id=presets()[1].id, now=NOW + 1)
    with pytest.raises(ws.NotAccepting):
        ws.vote(engine, keys.code, tok(1), "kol", question_id=old, now=NOW + 2)
    assert ws.board(engine, keys.code, now=NOW + 2).total == 0


def test_tampered_unknown_and_expired_codes_are_room_not_found(engine: Engine) -> None:
    keys = quiz_room(engine)
    tampered = keys.code[:-1] + ("2" if keys.code[-1] != "2" else "3")
    for bad in [tampered, keys.code + "X", "", "'; DROP TABLE ws_rooms; --", "A" * 5000, keys.code[:5]]:
        with pytest.raises(ws.RoomNotFound):
            ws.board(engine, bad, now=NOW)
        with pytest.raises(ws.RoomNotFound):
            ws.vote(engine, bad, tok(1), "kol", now=NOW)
    # typed by hand from the projector: lower case and the dash are fine
    assert ws.check_room(engine, ws.format_code(keys.code).lower(), now=NOW) == keys.code
    with pytest.raises(ws.RoomNotFound):
        ws.board(engine, keys.code, now=NOW + ws.ROOM_HOURS * 3600 + 1)
    assert ws.RoomNotFound().message("id") == (
        "Ruang tidak ditemukan. Periksa kode atau tautan dari pelatih; ruang juga berakhir setelah 12 jam.")
    assert ws.RoomNotFound().message("en").startswith("Room not found.")


def test_room_state_is_what_a_phone_needs_and_hides_the_answer(engine: Engine) -> None:
    keys = quiz_room(engine)
    ws.vote(engine, keys.code, tok(1), "koc", now=NOW)
    s = ws.room_state(engine, keys.code, now=NOW)
    assert (s.kind, s.case_id, s.brief, s.revealed, s.answer) == ("quiz", PHARMA.id, PHARMA.brief, False, None)
    assert s.counts == {} and s.reasons == ()  # no counts, no other participant's text
    ws.reveal(engine, keys.code, keys.secret, now=NOW)
    assert ws.room_state(engine, keys.code, now=NOW).answer == "kol"
    empty = ws.create_room(engine, now=NOW).code
    assert ws.room_state(engine, empty, now=NOW).kind is None
    b = ws.board(engine, empty, now=NOW)  # the projector of a room the trainer has not started anything in
    assert (b.code, b.kind, b.question_id, b.total, b.counts) == (empty, None, None, 0, {})
    for bad in [keys.code[::-1], "x"]:
        with pytest.raises(ws.RoomNotFound):
            ws.room_state(engine, bad, now=NOW)
    with pytest.raises(ws.RoomNotFound):
        ws.room_state(engine, keys.code, now=NOW + ws.ROOM_HOURS * 3600)


def test_only_the_trainer_secret_changes_what_the_room_sees(engine: Engine) -> None:
    keys = quiz_room(engine)
    other = ws.create_room(engine, now=NOW)
    for secret in ["", other.secret, keys.secret[:-1]]:
        with pytest.raises(ws.NotTrainer):
            ws.start_campaigns(engine, keys.code, secret, now=NOW)
    assert ws.is_trainer(engine, keys.code, keys.secret, now=NOW)
    assert not ws.is_trainer(engine, keys.code, other.secret, now=NOW)


def test_reasons_are_one_line_and_length_capped(engine: Engine) -> None:
    keys = quiz_room(engine)
    ws.vote(engine, keys.code, tok(1), "kol", "<b>x</b>\n[link](http://evil.example)\x00" + "y" * 500, now=NOW)
    ((_, reason),) = ws.board(engine, keys.code, now=NOW).reasons
    assert len(reason) == ws.MAX_REASON_CHARS
    assert "\n" not in reason and "\x00" not in reason
    assert reason.startswith("<b>x</b> [link](http://evil.example)")  # kept as text; the page shows it as text


def test_rate_limit_per_participant(engine: Engine) -> None:
    keys = quiz_room(engine)
    for i in range(ws.RATE_LIMIT):
        ws.vote(engine, keys.code, tok(1), ["kol", "koc"][i % 2], now=NOW + i)
    with pytest.raises(ws.RateLimited) as e:
        ws.vote(engine, keys.code, tok(1), "influencer", now=NOW + ws.RATE_LIMIT)
    assert "detik" in e.value.message("id") and "seconds" in e.value.message("en")
    ws.vote(engine, keys.code, tok(2), "influencer", now=NOW + ws.RATE_LIMIT)  # others are not affected
    ws.vote(engine, keys.code, tok(1), "influencer", now=NOW + ws.RATE_WINDOW_S + 1)  # the window passes
    assert ws.board(engine, keys.code, now=NOW + 70).counts["influencer"] == 2


def test_the_board_never_carries_tokens(engine: Engine) -> None:
    keys = quiz_room(engine)
    ws.vote(engine, keys.code, tok(1), "kol", "trust", now=NOW)
    b = ws.board(engine, keys.code, now=NOW)
    assert tok(1) not in repr(b)
    ws.start_campaigns(engine, keys.code, keys.secret, now=NOW)
    ws.submit_entry(engine, keys.code, tok(1), PHARMA.brief, now=NOW)
    assert tok(1) not in repr(ws.board(engine, keys.code, now=NOW))


def test_campaign_entries_spread_and_the_trainer_opens_one(engine: Engine) -> None:
    keys = ws.create_room(engine, now=NOW)
    ws.start_campaigns(engine, keys.code, keys.secret, now=NOW)
    by_id = {p.id: p.brief for p in presets()}
    named = by_id["umkm-skincare"].model_copy(update={"name": "Brand Rahasia Saya"})
    ws.submit_entry(engine, keys.code, tok(1), by_id["pharma-expert"], now=NOW)
    ws.submit_entry(engine, keys.code, tok(2), named, now=NOW)
    ws.submit_entry(engine, keys.code, tok(3), by_id["baby-clothes"], now=NOW)
    ws.submit_entry(engine, keys.code, tok(3), by_id["youth-cause"], now=NOW + 1)  # replaces, not adds
    b = ws.board(engine, keys.code, now=NOW + 2)
    assert b.total == 3
    assert b.counts == {"kol": 1, "influencer": 1, "koc": 1, "combined": 0}
    assert b.goals == {"credibility": 1, "testimonials": 1, "awareness": 1}
    # Rp 150 juta, Rp 3 juta, Rp 2 miliar
    assert b.budgets == {"lt10m": 1, "lt50m": 0, "lt200m": 1, "lt1b": 0, "ge1b": 1}
    opened = ws.open_entry(engine, keys.code, keys.secret, b.entry_ids[1], now=NOW + 2)
    assert opened.budget_idr == 3_000_000 and opened.name is None  # anonymous: the brand name is not kept
    with pytest.raises(ws.NotTrainer):
        ws.open_entry(engine, keys.code, "guess", b.entry_ids[1], now=NOW + 2)
    other = ws.create_room(engine, now=NOW)
    with pytest.raises(ws.InvalidAnswer):  # another room's trainer cannot open this room's entries
        ws.open_entry(engine, other.code, other.secret, b.entry_ids[1], now=NOW + 2)
    assert ws.my_entry(engine, keys.code, tok(3), now=NOW + 2) == by_id["youth-cause"]


def test_answers_of_the_wrong_kind_are_refused(engine: Engine) -> None:
    keys = ws.create_room(engine, now=NOW)
    with pytest.raises(ws.NotAccepting):  # nothing started yet
        ws.vote(engine, keys.code, tok(1), "kol", now=NOW)
    ws.start_campaigns(engine, keys.code, keys.secret, now=NOW)
    with pytest.raises(ws.NotAccepting):
        ws.vote(engine, keys.code, tok(1), "kol", now=NOW)
    ws.start_quiz(engine, keys.code, keys.secret, PHARMA.brief, now=NOW)
    with pytest.raises(ws.NotAccepting):
        ws.submit_entry(engine, keys.code, tok(1), PHARMA.brief, now=NOW)
    with pytest.raises(ws.InvalidAnswer):
        ws.vote(engine, keys.code, tok(1), "celebrity", now=NOW)
    with pytest.raises(ws.InvalidAnswer):
        ws.vote(engine, keys.code, "short", "kol", now=NOW)


def test_rooms_that_ended_a_day_ago_are_deleted_with_their_votes(engine: Engine) -> None:
    old = quiz_room(engine)
    ws.vote(engine, old.code, tok(1), "kol", "x", now=NOW)
    recent = quiz_room(engine)
    ws.vote(engine, recent.code, tok(1), "kol", now=NOW)
    later = NOW + ws.ROOM_HOURS * 3600 + 24 * 3600 + 1
    with engine.begin() as c:  # `recent` was made later: it ended less than a day ago
        c.execute(ws.rooms.update().where(ws.rooms.c.code == recent.code).values(expires_at=later - 3600))
    ws.create_room(engine, now=later)  # creating a room clears the old ones
    with engine.connect() as c:
        codes = set(c.execute(select(ws.rooms.c.code)).scalars())
        assert old.code not in codes and recent.code in codes
        assert c.execute(select(ws.votes.c.reason)).scalars().all() == [""]  # only `recent`'s vote is left
        assert set(c.execute(select(ws.limits.c.room_code)).scalars()) == {recent.code}


def test_concurrent_campaign_entries_lose_nothing(engine: Engine) -> None:
    keys = ws.create_room(engine, now=NOW)
    ws.start_campaigns(engine, keys.code, keys.secret)
    briefs = [p.brief for p in presets()]
    with ThreadPoolExecutor(max_workers=12) as pool:
        list(pool.map(lambda i: ws.submit_entry(engine, keys.code, tok(i), briefs[i % len(briefs)]), range(40)))
    b = ws.board(engine, keys.code)
    assert b.total == 40 and len(set(b.entry_ids)) == 40 and sum(b.goals.values()) == 40


def test_concurrent_votes_lose_nothing(engine: Engine) -> None:
    """60 participants vote at once from 16 threads, half of them change their vote once: every one counts."""
    keys = quiz_room(engine)
    start = threading.Barrier(16)
    errors: list[BaseException] = []

    def participant(i: int) -> None:
        if i < 16:
            start.wait()
        try:
            ws.vote(engine, keys.code, tok(i), "koc", f"first {i}")
            if i % 2 == 0:
                ws.vote(engine, keys.code, tok(i), "kol", f"second {i}")
        except BaseException as e:  # collected and asserted below
            errors.append(e)

    with ThreadPoolExecutor(max_workers=16) as pool:
        list(pool.map(participant, range(60)))
    assert errors == []
    b = ws.board(engine, keys.code)
    assert b.total == 60
    assert b.counts["kol"] == 30 and b.counts["koc"] == 30


def test_two_engines_on_one_database_see_each_other(engine: Engine) -> None:
    """Two replicas: each has its own engine (own connection pool) on the same database."""
    other = create_engine(engine.url.render_as_string(hide_password=False))
    ws.prepare(other)
    try:
        keys = quiz_room(engine)
        ws.vote(other, keys.code, tok(1), "kol", now=NOW)
        assert ws.board(engine, keys.code, now=NOW).counts["kol"] == 1
    finally:
        other.dispose()


def test_sqlite_runs_in_wal_mode(engine: Engine) -> None:
    if engine.dialect.name != "sqlite":
        pytest.skip("WAL is SQLite's journal mode")
    with engine.connect() as c:
        assert c.execute(text("PRAGMA journal_mode")).scalar() == "wal"


def test_default_url_is_a_file_under_var(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ws.ENV_URL, raising=False)
    assert ws.database_url() == f"sqlite:///{ws.ROOT / 'var' / 'workshop_rooms.sqlite3'}"
    assert ws.database_url("postgresql+psycopg://h/db") == "postgresql+psycopg://h/db"
    monkeypatch.setenv(ws.ENV_URL, "sqlite:////tmp/x.sqlite3")
    assert ws.database_url("postgresql+psycopg://h/db") == "sqlite:////tmp/x.sqlite3"


def test_brief_must_be_a_validated_campaign_brief(engine: Engine) -> None:
    keys = ws.create_room(engine, now=NOW)
    ws.start_campaigns(engine, keys.code, keys.secret, now=NOW)
    with pytest.raises(ws.InvalidAnswer):
        ws.submit_entry(engine, keys.code, tok(1), {"goal": "awareness"}, now=NOW)  # type: ignore[arg-type]
    assert ws.my_entry(engine, keys.code, tok(1), now=NOW) is None
