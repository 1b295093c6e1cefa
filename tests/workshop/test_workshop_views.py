"""The Workshop page's three views and what each shows while the room's database is down (AppTest, SQLite)."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import create_engine

from guide.workshop import rooms as ws
from tests.pages.test_workshop_page import create_room, everything, open_workshop, param, run
from tests.pages.test_workshop_page import db as db  # the fixture: a fresh SQLite room database

OUTAGE_ID = ("Database ruang workshop sedang tidak dapat dihubungi. Jawaban Anda belum tersimpan; jawaban disimpan "
             "di perangkat ini dan dikirim ulang otomatis begitu database kembali.")


def down(*_: Any, **__: Any) -> Any:
    raise ws.StorageDown()


def quiz(db: str) -> tuple[str, str, int]:
    trainer, code, secret = create_room()
    trainer.selectbox(key="ws_case").set_value("pharma-expert")
    trainer.button(key="ws_start_quiz").click()
    run(trainer)
    qid = ws.board(create_engine(db), code).question_id
    assert qid is not None
    return code, secret, qid


def send(p: Any, label: str = "Kirim jawaban") -> None:
    next(b for b in p.button if b.label == label).click()
    run(p)


# ---- 12: the projector's board view carries no secret; the board comes first --------------------------------

@pytest.mark.parametrize("lang", ["id", "en"])
def test_board_view_shows_the_board_first_and_no_secret(db: str, lang: str) -> None:
    _trainer, code, secret = create_room(lang)
    board = open_workshop({"room": code, "view": "board"}, lang=lang)
    text = everything(board)
    assert secret not in text and secret not in str(dict(board.query_params))
    assert {"id": "Tautan pelatih (rahasia)", "en": "Trainer link (secret)"}[lang] not in text
    assert {"id": "Kendali pelatih", "en": "Trainer controls"}[lang] not in text
    assert next(h.value for h in board.header) == {"id": "Menunggu pelatih memulai kegiatan…", "en": "Waiting for the trainer to start an activity…"}[lang]  # the board, before the QR code
    assert len(board.get("image")) == 1 and ws.format_code(code) in [h.value for h in board.title]
    assert board.session_state["projector"] is True
    assert param(board, "view") == "board"


def test_the_trainers_page_says_it_belongs_on_the_trainers_own_device(db: str) -> None:
    trainer, _code, _secret = create_room("en")
    assert ("Open this page only on your own phone or laptop, never on the projector: this link holds the trainer "
            "secret. On the projector, open the board link below.") in [i.value for i in trainer.info]


# ---- 9: a vote sent while the database is down is kept on the phone and sent again ----------------------------

def test_a_vote_during_an_outage_is_not_reported_as_kept_and_is_sent_once_the_database_is_back(
        db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    code, _secret, qid = quiz(db)
    p = open_workshop({"room": code})
    p.radio(key=f"ws_choice_{qid}").set_value("kol")
    with monkeypatch.context() as m:
        m.setattr(ws, "vote", down)
        send(p)
        text = everything(p)
        assert OUTAGE_ID in text
        assert "Jawaban yang menunggu dikirim: **KOL**." in text
        assert "Jawaban Anda: KOL. Anda masih bisa mengubahnya sampai pelatih menampilkan jawaban." not in text
        assert "Jawaban Anda tetap tersimpan" not in text
        run(p)  # the room's poll while the database is still down: still waiting, still not claimed
        assert OUTAGE_ID in everything(p)
        assert ws.board(create_engine(db), code).total == 0
    run(p)  # the database is back: the waiting answer goes in
    assert "Jawaban Anda: KOL. Anda masih bisa mengubahnya sampai pelatih menampilkan jawaban." in everything(p)
    assert OUTAGE_ID not in everything(p)
    b = ws.board(create_engine(db), code)
    assert (b.total, b.counts["kol"]) == (1, 1)


def test_a_phone_that_cannot_even_read_the_room_keeps_its_answer(db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    code, _secret, qid = quiz(db)
    p = open_workshop({"room": code})
    p.radio(key=f"ws_choice_{qid}").set_value("koc")
    with monkeypatch.context() as m:
        m.setattr(ws, "vote", down)
        m.setattr(ws, "room_state", down)
        send(p)
        text = everything(p)
        assert OUTAGE_ID in text and "Jawaban yang menunggu dikirim: **KOC**." in text
        assert "Maaf, halaman ini mengalami masalah" not in text
    run(p)
    assert ws.board(create_engine(db), code).counts["koc"] == 1


def test_a_phone_joining_as_the_database_goes_down_gets_the_page_that_comes_back_by_itself(
        db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The room was read, then the join could not be counted: not a dead end with a static error (in a browser
    nothing would ever redraw it), but the outage page whose poll brings the vote form back."""
    code, _secret, qid = quiz(db)
    with monkeypatch.context() as m:
        m.setattr(ws, "throttle", down)
        p = open_workshop({"room": code})
        text = everything(p)
        assert ("Database ruang workshop sedang tidak dapat dihubungi. Halaman ini muncul lagi sendiri begitu "
                "database kembali.") in text
        assert OUTAGE_ID not in text and "Maaf, halaman ini mengalami masalah" not in text
        assert not p.radio
    run(p)  # the database is back: the page's poll redraws it, with the vote form
    assert p.radio(key=f"ws_choice_{qid}") is not None
    assert "muncul lagi sendiri" not in everything(p)


# ---- 10: the board during an outage: the room's own message, then the board again -----------------------------

@pytest.mark.parametrize("lang,message", [
    ("id", "Papan sedang menunggu database ruang workshop. Jawaban yang masuk tidak hilang; papan muncul lagi "
           "sendiri begitu database kembali."),
    ("en", "The board is waiting for the workshop room's database. Answers already in are not lost; the board "
           "comes back by itself as soon as the database does."),
])
def test_the_board_during_an_outage_shows_the_rooms_message_and_recovers(
        db: str, monkeypatch: pytest.MonkeyPatch, lang: str, message: str) -> None:
    _trainer, code, _secret = create_room(lang)
    board = open_workshop({"room": code, "view": "board"}, lang=lang)
    with monkeypatch.context() as m:
        m.setattr(ws, "board", down)
        run(board)
        assert message in [w.value for w in board.warning]
        assert not board.exception
    run(board)
    assert message not in everything(board)
    assert {"id": "Menunggu pelatih memulai kegiatan…", "en": "Waiting for the trainer to start an activity…"}[lang] in everything(board)


def test_a_trainer_command_during_an_outage_says_it_was_not_carried_out(
        db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    trainer, _code, _secret = create_room("en")
    monkeypatch.setattr(ws, "start_quiz", down)
    trainer.button(key="ws_start_quiz").click()
    run(trainer)
    assert ("The workshop room's database cannot be reached right now, so this command was not carried out. "
            "Try again in a moment.") in everything(trainer)
