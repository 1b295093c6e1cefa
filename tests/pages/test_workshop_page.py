"""AppTest of the Workshop page: trainer and participants in separate sessions, on one SQLite file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pyarrow as pa
import pytest
from sqlalchemy import create_engine
from streamlit.testing.v1 import AppTest

from guide import CampaignBrief
from guide.workshop import rooms as ws

ROOM_NOT_FOUND = {
    "id": "Ruang tidak ditemukan. Periksa kode atau tautan dari pelatih; ruang juga berakhir setelah 12 jam.",
    "en": "Room not found. Check the code or the link from your trainer; rooms also end after 12 hours.",
}

APP = str(Path(__file__).resolve().parents[2] / "app.py")


@pytest.fixture()
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    url = f"sqlite:///{tmp_path / 'rooms.sqlite3'}"
    monkeypatch.setenv(ws.ENV_URL, url)
    yield url


def run(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def open_workshop(query: dict[str, str] | None = None, lang: str = "id") -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params.update({"lang": lang, **(query or {})})
    run(at)
    at.switch_page("pages/workshop.py")
    at.query_params.update(query or {})
    return run(at)


def everything(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [h.value for h in at.title] + [h.value for h in at.header]
    parts += [h.value for h in at.subheader] + [c.value for c in at.caption] + [w.value for w in at.warning]
    parts += [e.value for e in at.error] + [s.value for s in at.success] + [c.value for c in at.code]
    parts += [x.value for x in at.text]
    return "\n".join(str(p) for p in parts)


def param(at: AppTest, key: str) -> str:
    v = at.query_params[key]
    return str(v if isinstance(v, str) else v[0])


def create_room(lang: str = "id") -> tuple[AppTest, str, str]:
    at = open_workshop(lang=lang)
    at.button(key="ws_create").click()
    run(at)
    code, secret = param(at, "room"), param(at, "trainer")
    return at, code, secret


def bars_of(at: AppTest, i: int) -> dict[str, int]:
    table = pa.ipc.open_stream(at.get("vega_lite_chart")[i].proto.data.data).read_all()
    return dict(zip(table.column("label").to_pylist(), table.column("count").to_pylist(), strict=True))


def submit(at: AppTest, *labels: str) -> None:
    next(b for b in at.button if b.label in labels).click()
    run(at)


def links(at: AppTest) -> list[str]:
    return [str(c.value) for c in at.code if "room=" in str(c.value)]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_trainer_creates_a_room_and_gets_three_separate_links(db: str, lang: str) -> None:
    at, code, secret = create_room(lang)
    assert at.title[0].value == {"id": "Ruang workshop Anda", "en": "Your workshop room"}[lang]
    assert len(at.get("image")) == 0  # the QR code is on the projector's board view, not the trainer's device
    board, participant, trainer = links(at)
    assert parse_qs(urlsplit(board).query) == {"room": [code], "view": ["board"]}
    assert parse_qs(urlsplit(participant).query) == {"room": [code]}
    assert secret not in participant and secret not in board
    assert parse_qs(urlsplit(trainer).query) == {"room": [code], "trainer": [secret]}
    assert {"id": "Menunggu pelatih memulai kegiatan…", "en": "Waiting for the trainer to start an activity…"}[lang] in everything(at)


def test_quiz_votes_reach_the_trainers_board_and_the_reveal_counts_matches(db: str) -> None:
    trainer, code, _ = create_room()
    trainer.selectbox(key="ws_case").set_value("pharma-expert")
    trainer.button(key="ws_start_quiz").click()
    run(trainer)
    votes = ["kol", "kol", "koc"]
    people = []
    for i, s in enumerate(votes):
        p = open_workshop({"room": code})
        assert p.header[0].value == "Produk farmasi yang butuh kepercayaan ahli"
        qid = ws.board(create_engine(db), code).question_id
        p.radio(key=f"ws_choice_{qid}").set_value(s)
        reason_box = p.text_input(key=f"ws_reason_{qid}")
        assert reason_box.proto.max_chars == ws.MAX_REASON_CHARS  # the phone cannot type more than the cap
        reason_box.input(f"alasan {i} **tebal** <b>x</b>")
        submit = next(b for b in p.button if b.label == "Kirim jawaban")
        submit.click()
        run(p)
        name = {"kol": "KOL", "koc": "KOC"}[s]
        assert (f"Jawaban Anda: {name}. Anda masih bisa mengubahnya sampai pelatih menampilkan jawaban."
                in everything(p))
        people.append(p)
    run(trainer)
    assert bars_of(trainer, 0) == {"KOL": 2, "Influencer": 0, "KOC": 1, "Kombinasi": 0}
    assert next(m.value for m in trainer.metric) == "3"
    # participant text is shown with st.text, exactly as typed: never rendered as Markdown or HTML
    shown = [x.value for x in trainer.text]
    assert "KOL: alasan 1 **tebal** <b>x</b>" in shown
    assert not any("**tebal**" in str(m.value) for m in trainer.markdown)

    trainer.button(key="ws_reveal").click()
    run(trainer)
    text = everything(trainer)
    assert "Jawaban panduan: KOL — pakar tepercaya" in text
    assert "2 dari 3 peserta memilih jawaban yang sama (67%)" in text
    assert "Sumber:" in text  # the guide's reasons come with their sources
    p = run(people[2])
    assert "Anda memilih KOC. Diskusikan dengan pelatih mengapa panduan memilih yang lain." in everything(p)


def test_a_participant_can_change_their_vote(db: str) -> None:
    _trainer, code, secret = create_room()
    qid = ws.start_quiz(create_engine(db), code, secret, CampaignBrief(
        goal="testimonials", budget_idr=3_000_000, audience="niche", industry="beauty"))
    p = open_workshop({"room": code})
    p.radio(key=f"ws_choice_{qid}").set_value("kol")
    next(b for b in p.button if b.label == "Kirim jawaban").click()
    run(p)
    p.radio(key=f"ws_choice_{qid}").set_value("koc")
    next(b for b in p.button if b.label == "Ubah jawaban").click()
    run(p)
    b = ws.board(create_engine(db), code)
    assert b.total == 1 and b.counts["koc"] == 1 and b.counts["kol"] == 0


@pytest.mark.parametrize("lang", ["id", "en"])
def test_tampered_room_code_says_room_not_found(db: str, lang: str) -> None:
    _, code, _ = create_room()
    tampered = code[:-1] + ("2" if code[-1] != "2" else "3")
    for bad in [tampered, "<script>alert(1)</script>", code + "Z"]:
        at = open_workshop({"room": bad}, lang=lang)
        assert [e.value for e in at.error] == [ROOM_NOT_FOUND[lang]]
        assert "<script>" not in everything(at)


def test_a_wrong_trainer_secret_gets_the_participant_view(db: str) -> None:
    _, code, secret = create_room()
    at = open_workshop({"room": code, "trainer": secret[:-2] + "xx"})
    assert not [b for b in at.button if b.key == "ws_reveal"]
    assert ws.NotTrainer().message("id") in [w.value for w in at.warning]


def test_participants_never_see_tokens(db: str) -> None:
    _trainer, code, secret = create_room()
    eng = create_engine(db)
    ws.start_quiz(eng, code, secret, CampaignBrief(
        goal="credibility", budget_idr=150_000_000, audience="niche", industry="health"))
    ws.vote(eng, code, "someone-elses-token-123", "kol", "percaya dokter")
    p = open_workshop({"room": code})
    own = p.session_state["ws_token"]
    page = everything(p)
    assert "someone-elses-token-123" not in page and own not in page
    assert own not in str(dict(p.query_params))


def test_rate_limit_message_on_the_page(db: str) -> None:
    _trainer, code, secret = create_room("en")
    eng = create_engine(db)
    qid = ws.start_quiz(eng, code, secret, CampaignBrief(
        goal="awareness", budget_idr=50_000_000, audience="broad", industry="food"))
    p = open_workshop({"room": code}, lang="en")
    for i in range(ws.RATE_LIMIT + 1):
        p.radio(key=f"ws_choice_{qid}").set_value(["kol", "koc"][i % 2])
        submit(p, "Send my answer", "Change my answer")
    assert "Too many submissions" in " ".join(e.value for e in p.error)
    assert ws.board(eng, code).total == 1


def test_our_campaigns_entries_and_the_trainer_opens_one(db: str) -> None:
    trainer, code, _ = create_room("en")
    trainer.button(key="ws_start_campaigns").click()
    run(trainer)
    for budget in ["3 juta", "150000000"]:
        p = open_workshop({"room": code}, lang="en")
        budget_box = next(x for x in p.text_input if x.label == "Budget (Rp)")
        budget_box.input(budget)
        next(b for b in p.button if b.label == "Send my campaign").click()
        run(p)
        assert any(s.value.startswith("Sent. The guide's recommendation for your campaign: ") for s in p.success)
    run(trainer)
    assert next(m.value for m in trainer.metric) == "2"
    assert bars_of(trainer, 2) == {"< Rp 10M": 1, "Rp 10–50M": 0, "Rp 50–200M": 1, "Rp 200M–1B": 0, "≥ Rp 1B": 0}
    trainer.selectbox(key="ws_entry").set_value(1)
    trainer.button(key="ws_show_entry").click()
    run(trainer)
    assert "Plan cost: Rp " in everything(trainer)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_joining_by_typing_the_code_from_the_projector(db: str, lang: str) -> None:
    _, code, _ = create_room()
    at = open_workshop(lang=lang)
    at.text_input[0].input("zz-not-a-room")
    submit(at, {"id": "Gabung", "en": "Join"}[lang])
    assert [e.value for e in at.error] == [ROOM_NOT_FOUND[lang]]
    at.text_input[0].input(ws.format_code(code).lower())
    submit(at, {"id": "Gabung", "en": "Join"}[lang])
    assert param(at, "room") == code and "trainer" not in at.query_params
    assert {"id": "Ruang ", "en": "Room "}[lang] + ws.format_code(code) in everything(at)
    assert {"id": "Menunggu pelatih memulai kegiatan…", "en": "Waiting for the trainer to start an activity…"}[lang] in everything(at)
