"""Workshop rooms: a trainer projects a board, participants answer on their phones. Storage and room logic.

Pure Python on SQLAlchemy Core (no streamlit). Every function takes an `Engine`; the app passes
`st.connection("workshop", type="sql").engine`, the tests and the CLI pass their own. The same code runs on
the embedded SQLite file (the default, WAL mode) and on PostgreSQL (`postgresql+psycopg://...`), which is how
several replicas share one room.

Safety: room codes are random (50 bits) and expire; the trainer's secret is separate, stored only as a hash
and never part of the participant link; participants are identified by a random token in their session, one
vote per token per question (an upsert in one transaction, so concurrent votes never overwrite each other),
with a per-token rate limit; the board never carries tokens; participant text is length-capped plain text.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import time
import weakref
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import wraps
from pathlib import Path
from typing import Any, Literal, ParamSpec, TypeVar

from sqlalchemy import (
    Boolean,
    Column,
    Connection,
    Engine,
    Float,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    delete,
    event,
    func,
    insert,
    select,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import DBAPIError, IntegrityError, PendingRollbackError
from sqlalchemy.exc import TimeoutError as PoolTimeout

from guide.advice.brief_io import BriefError, brief_from_json, brief_to_json
from guide.advice.engine import decide
from guide.advice.models import STRATEGIES, CampaignBrief, Strategy
from guide.text.i18n import t

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_DB_PATH = ROOT / "var" / "workshop_rooms.sqlite3"
ENV_URL = "WORKSHOP_DB_URL"
SCHEMA_VERSION = 1

CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # 32 symbols, no 0/O or 1/I to misread
CODE_LENGTH = 10  # 50 bits: guessing one live room takes ~10^15 tries
ROOM_HOURS = 12  # a room lives for one workshop day
MAX_REASON_CHARS = 140
RATE_LIMIT = 10  # submissions per token ...
RATE_WINDOW_S = 60.0  # ... per minute
# Per client address (a whole classroom may share one address behind the venue's Wi-Fi):
CREATE_BUCKET, CREATE_LIMIT, CREATE_WINDOW_S = "~create", 10, 600.0  # rooms created per 10 minutes
JOIN_BUCKET, JOIN_LIMIT, JOIN_WINDOW_S = "~join", 240, 60.0  # participants joining per minute
BUCKETS = {CREATE_BUCKET: (CREATE_LIMIT, CREATE_WINDOW_S), JOIN_BUCKET: (JOIN_LIMIT, JOIN_WINDOW_S)}
SQLITE_BUSY_MS = 5000  # how long a write waits for SQLite's lock before the room says the database is busy

Activity = Literal["quiz", "campaigns"]

metadata = MetaData()
schema_version = Table("ws_schema", metadata, Column("version", Integer, nullable=False))
rooms = Table(
    "ws_rooms", metadata,
    Column("code", String(16), primary_key=True),
    Column("trainer_hash", String(64), nullable=False),
    Column("created_at", Float, nullable=False),
    Column("expires_at", Float, nullable=False),
    Column("question_id", Integer, nullable=True),  # what the room sees now
)
questions = Table(
    "ws_questions", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("room_code", String(16), ForeignKey("ws_rooms.code", ondelete="CASCADE"), nullable=False, index=True),
    Column("kind", String(16), nullable=False),  # quiz | campaigns
    Column("case_id", String(64), nullable=True),  # a preset id, or None for the trainer's own brief
    Column("brief_json", Text, nullable=True),
    Column("answer", String(16), nullable=True),  # the guide's strategy for the case (quiz)
    Column("revealed", Boolean, nullable=False, default=False),
    Column("created_at", Float, nullable=False),
)
votes = Table(
    "ws_votes", metadata,
    Column("question_id", Integer, ForeignKey("ws_questions.id", ondelete="CASCADE"), primary_key=True),
    Column("token", String(64), primary_key=True),
    Column("strategy", String(16), nullable=False),
    Column("reason", String(MAX_REASON_CHARS), nullable=False, default=""),
    Column("updated_at", Float, nullable=False),
)
entries = Table(
    "ws_entries", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("question_id", Integer, ForeignKey("ws_questions.id", ondelete="CASCADE"), nullable=False),
    Column("token", String(64), nullable=False),
    Column("brief_json", Text, nullable=False),
    Column("strategy", String(16), nullable=False),
    Column("goal", String(16), nullable=False),
    Column("budget_idr", postgresql.BIGINT().with_variant(Integer(), "sqlite"), nullable=False),
    Column("updated_at", Float, nullable=False),
    UniqueConstraint("question_id", "token", name="uq_ws_entries_token"),
)
limits = Table(
    "ws_limits", metadata,
    Column("room_code", String(16), primary_key=True),
    Column("token", String(64), primary_key=True),
    Column("window_start", Float, nullable=False),
    Column("n", Integer, nullable=False),  # submissions in this window
)


# ---- errors (each carries a catalog key, so the page shows it in the user's language) ----------------------

class WorkshopError(Exception):
    key = "workshop.error.generic"

    def __init__(self, **kw: Any) -> None:
        self.kw = kw
        super().__init__(self.key)

    def message(self, lang: str) -> str:
        return t(lang, self.key, **self.kw)


class RoomNotFound(WorkshopError):
    """Unknown, mistyped, tampered or expired code: the same answer, so codes cannot be probed."""
    key = "workshop.error.room_not_found"

    def __init__(self) -> None:
        super().__init__(hours=ROOM_HOURS)


class NotTrainer(WorkshopError):
    key = "workshop.error.not_trainer"


class NotAccepting(WorkshopError):
    """The room is not asking this kind of answer now (the trainer moved on, or revealed the answer)."""
    key = "workshop.error.not_accepting"


class RateLimited(WorkshopError):
    key = "workshop.error.rate_limited"


class InvalidAnswer(WorkshopError):
    key = "workshop.error.invalid_answer"


class StorageDown(WorkshopError):
    """The database cannot be reached (PostgreSQL stopped or restarting, SQLite locked past SQLITE_BUSY_MS).
    Nothing was written: the caller keeps what it was sending and sends it again later."""
    key = "workshop.error.storage_down"


P = ParamSpec("P")
R = TypeVar("R")


def _guarded(fn: Callable[P, R]) -> Callable[P, R]:
    """Driver and pool errors become StorageDown. A call that failed on a connection the pool has just found
    dead (a PostgreSQL restart) is tried once more on a fresh one: every write here is one transaction that
    either committed or did not, and votes are upserts."""
    @wraps(fn)
    def call(*args: P.args, **kwargs: P.kwargs) -> R:
        for attempt in (1, 2):
            try:
                return fn(*args, **kwargs)
            except IntegrityError:
                raise
            except DBAPIError as e:
                if attempt == 1 and e.connection_invalidated:
                    continue
                raise StorageDown() from e
            except (PoolTimeout, PendingRollbackError) as e:
                raise StorageDown() from e
        raise StorageDown()  # pragma: no cover (the loop returns or raises)
    return call


# ---- engine set-up ------------------------------------------------------------------------------------------

def database_url(secrets_url: str | None = None) -> str:
    """Where rooms live: the WORKSHOP_DB_URL environment variable, else `.streamlit/secrets.toml`
    `[connections.workshop] url`, else an SQLite file under var/ (created on first use)."""
    url = os.environ.get(ENV_URL) or secrets_url
    if url:
        return url
    DEFAULT_DB_PATH.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{DEFAULT_DB_PATH}"


def _sqlite_connect(dbapi_conn: Any, _record: Any) -> None:
    # We emit BEGIN ourselves (see _sqlite_begin); WAL lets readers and one writer work at once.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute(f"PRAGMA busy_timeout={int(SQLITE_BUSY_MS)}")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()


def _sqlite_begin(conn: Connection) -> None:
    # A write transaction takes the write lock at its start (BEGIN IMMEDIATE), so a read-then-write never
    # fails on a lock upgrade; other writers wait (busy_timeout). Reads use a plain deferred BEGIN.
    conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get("ws_write") else "BEGIN")


_ready: weakref.WeakSet[Engine] = weakref.WeakSet()  # engines whose schema is checked


@_guarded
def prepare(engine: Engine) -> Engine:
    """Configure the engine (SQLite pragmas and transactions) and create or upgrade the schema. Idempotent;
    call before the engine opens its first connection."""
    if engine.dialect.name == "sqlite" and not event.contains(engine, "connect", _sqlite_connect):
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin)
    if engine not in _ready:
        _migrate(engine)
        _ready.add(engine)
    return engine


def _write(engine: Engine) -> Connection:
    return engine.connect().execution_options(ws_write=True)


def _migrate(engine: Engine) -> None:
    with _write(engine) as conn, conn.begin():
        if conn.dialect.name == "postgresql":  # two replicas starting together: one migrates, one waits
            conn.exec_driver_sql("SELECT pg_advisory_xact_lock(720513)")
        metadata.create_all(conn, tables=[schema_version])
        current = conn.execute(select(func.max(schema_version.c.version))).scalar()
        if current is None or current < 1:
            metadata.create_all(conn)
        # Later versions add their steps here: `if current < 2: ...`.
        if current is None:
            conn.execute(insert(schema_version).values(version=SCHEMA_VERSION))
        elif current < SCHEMA_VERSION:
            conn.execute(update(schema_version).values(version=SCHEMA_VERSION))


@_guarded
def current_schema_version(engine: Engine) -> int | None:
    with engine.connect() as conn:
        v = conn.execute(select(func.max(schema_version.c.version))).scalar()
    return None if v is None else int(v)


# ---- codes, secrets, text -----------------------------------------------------------------------------------

def normalise_code(raw: str) -> str | None:
    """A code as typed or pasted (lower case, spaces, dashes allowed); None if it cannot be one."""
    code = "".join(ch for ch in str(raw)[:40].upper() if ch not in " -\t")
    if len(code) != CODE_LENGTH or any(ch not in CODE_ALPHABET for ch in code):
        return None
    return code


def format_code(code: str) -> str:
    """For the projector: ABCDE-FGHJK."""
    return f"{code[:5]}-{code[5:]}"


def new_token() -> str:
    """A participant's identity: random, kept in their session only."""
    return secrets.token_urlsafe(18)


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def clean_reason(text: str | None) -> str:
    """A one-line reason: printable characters, whitespace collapsed, at most MAX_REASON_CHARS."""
    if not text:
        return ""
    one_line = " ".join("".join(ch if ch.isprintable() else " " for ch in str(text)).split())
    return one_line[:MAX_REASON_CHARS].strip()


# ---- rooms --------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class RoomKeys:
    code: str
    secret: str
    expires_at: float


@_guarded
def create_room(engine: Engine, hours: float = ROOM_HOURS, now: float | None = None) -> RoomKeys:
    now = time.time() if now is None else now
    purge_expired(engine, now)
    secret = secrets.token_urlsafe(24)
    for _ in range(5):
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        try:
            with _write(engine) as conn, conn.begin():
                conn.execute(insert(rooms).values(code=code, trainer_hash=_hash(secret), created_at=now,
                                                  expires_at=now + hours * 3600, question_id=None))
            return RoomKeys(code, secret, now + hours * 3600)
        except IntegrityError:  # a collision in 2^50: draw again
            continue
    raise WorkshopError()


@_guarded
def purge_expired(engine: Engine, now: float | None = None) -> int:
    """Delete rooms that ended more than a day ago, with everything in them (run when a room is created).
    Returns the number of rooms deleted."""
    cutoff = (time.time() if now is None else now) - 24 * 3600
    with _write(engine) as conn, conn.begin():
        old = select(rooms.c.code).where(rooms.c.expires_at < cutoff).scalar_subquery()
        qids = select(questions.c.id).where(questions.c.room_code.in_(old)).scalar_subquery()
        conn.execute(delete(votes).where(votes.c.question_id.in_(qids)))
        conn.execute(delete(entries).where(entries.c.question_id.in_(qids)))
        conn.execute(delete(limits).where(limits.c.room_code.in_(old)))
        conn.execute(delete(limits).where(limits.c.room_code.in_(list(BUCKETS)), limits.c.window_start < cutoff))
        conn.execute(delete(questions).where(questions.c.room_code.in_(old)))
        return int(conn.execute(delete(rooms).where(rooms.c.expires_at < cutoff)).rowcount or 0)


def _room(conn: Connection, code: str, now: float) -> Any:
    norm = normalise_code(code)
    if norm is None:
        raise RoomNotFound()
    row = conn.execute(select(rooms).where(rooms.c.code == norm)).first()
    if row is None or row.expires_at <= now:
        raise RoomNotFound()
    return row


def _trainer_room(conn: Connection, code: str, secret: str, now: float) -> Any:
    row = _room(conn, code, now)
    if not secret or not hmac.compare_digest(row.trainer_hash, _hash(str(secret))):
        raise NotTrainer()
    return row


@_guarded
def check_room(engine: Engine, code: str, now: float | None = None) -> str:
    """The normalised code of a live room, or RoomNotFound."""
    with engine.connect() as conn:
        return str(_room(conn, code, time.time() if now is None else now).code)


@_guarded
def is_trainer(engine: Engine, code: str, secret: str, now: float | None = None) -> bool:
    try:
        with engine.connect() as conn:
            _trainer_room(conn, code, secret, time.time() if now is None else now)
        return True
    except (NotTrainer, RoomNotFound):
        return False


@_guarded
def start_quiz(engine: Engine, code: str, secret: str, brief: CampaignBrief, case_id: str | None = None,
               now: float | None = None) -> int:
    """Ask the room which strategy fits a case; the guide's own answer is stored, hidden until revealed."""
    return _start(engine, code, secret, "quiz", brief, case_id, now)


@_guarded
def start_campaigns(engine: Engine, code: str, secret: str, now: float | None = None) -> int:
    """Ask every participant for their own campaign brief."""
    return _start(engine, code, secret, "campaigns", None, None, now)


def _start(engine: Engine, code: str, secret: str, kind: Activity, brief: CampaignBrief | None,
           case_id: str | None, now: float | None) -> int:
    now = time.time() if now is None else now
    with _write(engine) as conn, conn.begin():
        room = _trainer_room(conn, code, secret, now)
        qid = conn.execute(insert(questions).values(
            room_code=room.code, kind=kind, case_id=case_id,
            brief_json=brief_to_json(brief) if brief else None,
            answer=decide(brief) if brief else None, revealed=False, created_at=now,
        ).returning(questions.c.id)).scalar_one()
        conn.execute(update(rooms).where(rooms.c.code == room.code).values(question_id=qid))
    return int(qid)


@_guarded
def reveal(engine: Engine, code: str, secret: str, now: float | None = None) -> None:
    now = time.time() if now is None else now
    with _write(engine) as conn, conn.begin():
        room = _trainer_room(conn, code, secret, now)
        if room.question_id is None:
            raise NotAccepting()
        conn.execute(update(questions).where(questions.c.id == room.question_id, questions.c.kind == "quiz")
                     .values(revealed=True))


# ---- participants -------------------------------------------------------------------------------------------

@_guarded
def throttle(engine: Engine, bucket: str, address: str, now: float | None = None) -> None:
    """Count one room creation or join for a client address (stored hashed); RateLimited past its bucket's
    limit (BUCKETS). Counted in the database, so the limit holds across replicas."""
    limit, window = BUCKETS[bucket]
    key = hashlib.sha256(f"addr:{address}".encode()).hexdigest()[:40]
    with _write(engine) as conn, conn.begin():
        _rate_limit(conn, bucket, key, time.time() if now is None else now, limit, window)


def _rate_limit(conn: Connection, room_code: str, token: str, now: float, limit: int = RATE_LIMIT,
                window: float = RATE_WINDOW_S) -> None:
    """At most `limit` submissions per token per `window` seconds, counted in the database (so it holds
    across replicas and reruns)."""
    ins = (postgresql.insert(limits) if conn.dialect.name == "postgresql" else sqlite.insert(limits))
    conn.execute(ins.values(room_code=room_code, token=token, window_start=now, n=0)
                 .on_conflict_do_nothing(index_elements=["room_code", "token"]))
    row = conn.execute(select(limits).where(limits.c.room_code == room_code, limits.c.token == token)
                       .with_for_update()).one()
    if now - row.window_start >= window:
        conn.execute(update(limits).where(limits.c.room_code == room_code, limits.c.token == token)
                     .values(window_start=now, n=1))
        return
    if row.n >= limit:
        raise RateLimited(seconds=max(1, round(window - (now - row.window_start))))
    conn.execute(update(limits).where(limits.c.room_code == room_code, limits.c.token == token)
                 .values(n=limits.c.n + 1))


def _upsert(conn: Connection, table: Table, keys: list[str], values: dict[str, Any]) -> None:
    ins = postgresql.insert(table) if conn.dialect.name == "postgresql" else sqlite.insert(table)
    stmt = ins.values(**values)
    conn.execute(stmt.on_conflict_do_update(
        index_elements=keys, set_={k: stmt.excluded[k] for k in values if k not in keys}))


def _check_token(token: str) -> str:
    if not isinstance(token, str) or not 8 <= len(token) <= 64:
        raise InvalidAnswer()
    return token


@_guarded
def vote(engine: Engine, code: str, token: str, strategy: str, reason: str = "",
         question_id: int | None = None, now: float | None = None) -> int:
    """Record (or change) this participant's answer to the room's current quiz. Returns the question id.
    `question_id`, when given, must still be the current one (a vote for a question the trainer has left
    is refused rather than counted on the next one)."""
    now = time.time() if now is None else now
    _check_token(token)
    if strategy not in STRATEGIES:
        raise InvalidAnswer()
    with _write(engine) as conn, conn.begin():
        room = _room(conn, code, now)
        q = _current(conn, room)
        if q is None or q.kind != "quiz" or q.revealed or (question_id is not None and q.id != question_id):
            raise NotAccepting()
        _rate_limit(conn, room.code, token, now)
        _upsert(conn, votes, ["question_id", "token"], dict(
            question_id=q.id, token=token, strategy=strategy, reason=clean_reason(reason), updated_at=now))
    return int(q.id)


@_guarded
def submit_entry(engine: Engine, code: str, token: str, brief: CampaignBrief,
                 now: float | None = None) -> int:
    """Record (or replace) this participant's own campaign; the guide's strategy for it is stored with it."""
    now = time.time() if now is None else now
    _check_token(token)
    if not isinstance(brief, CampaignBrief):
        raise InvalidAnswer()
    brief = brief.model_copy(update={"name": None})  # the board is anonymous: no brand names stored
    with _write(engine) as conn, conn.begin():
        room = _room(conn, code, now)
        q = _current(conn, room)
        if q is None or q.kind != "campaigns":
            raise NotAccepting()
        _rate_limit(conn, room.code, token, now)
        _upsert(conn, entries, ["question_id", "token"], dict(
            question_id=q.id, token=token, brief_json=brief_to_json(brief), strategy=decide(brief),
            goal=brief.goal, budget_idr=brief.budget_idr, updated_at=now))
    return int(q.id)


def _current(conn: Connection, room: Any) -> Any:
    if room.question_id is None:
        return None
    return conn.execute(select(questions).where(questions.c.id == room.question_id)).first()


# ---- what the room sees -------------------------------------------------------------------------------------

BUDGET_BANDS: tuple[tuple[str, int], ...] = (  # upper bounds (exclusive), in rupiah
    ("lt10m", 10_000_000), ("lt50m", 50_000_000), ("lt200m", 200_000_000), ("lt1b", 1_000_000_000),
    ("ge1b", 10**15),
)


def budget_band(budget_idr: int) -> str:
    return next(name for name, upper in BUDGET_BANDS if budget_idr < upper)


@dataclass(frozen=True)
class Board:
    """Everything the projector (and a participant) may see. No participant token is ever part of it."""

    code: str
    expires_at: float
    question_id: int | None = None
    kind: Activity | None = None
    case_id: str | None = None
    brief: CampaignBrief | None = None
    revealed: bool = False
    answer: Strategy | None = None  # only once revealed
    counts: dict[str, int] = field(default_factory=dict)  # strategy -> votes, or -> entries
    total: int = 0
    reasons: tuple[tuple[str, str], ...] = ()  # (strategy, reason), newest first
    matched: int | None = None  # votes equal to the guide's answer, once revealed
    goals: dict[str, int] = field(default_factory=dict)
    budgets: dict[str, int] = field(default_factory=dict)
    entry_ids: tuple[int, ...] = ()  # anonymous entry numbers the trainer can open


def _room_question(conn: Connection, code: str, now: float) -> Any:
    """A live room and its current question in one query (one round trip: the phones poll this every few
    seconds and the board every 2.5 s, and under load each round trip waits for the server's GIL again).
    The question's columns are None when the room has none yet."""
    norm = normalise_code(code)
    if norm is None:
        raise RoomNotFound()
    row = conn.execute(
        select(rooms.c.code, rooms.c.expires_at, questions.c.id, questions.c.kind, questions.c.case_id,
               questions.c.brief_json, questions.c.revealed, questions.c.answer)
        .select_from(rooms.outerjoin(questions, questions.c.id == rooms.c.question_id))
        .where(rooms.c.code == norm)).first()
    if row is None or row.expires_at <= now:
        raise RoomNotFound()
    return row


@_guarded
def board(engine: Engine, code: str, now: float | None = None) -> Board:
    now = time.time() if now is None else now
    with engine.connect() as conn:
        q = _room_question(conn, code, now)
        if q.id is None:
            return Board(code=q.code, expires_at=q.expires_at)
        base = dict(code=q.code, expires_at=q.expires_at, question_id=q.id, kind=q.kind, case_id=q.case_id,
                    brief=brief_from_json(q.brief_json) if q.brief_json else None, revealed=bool(q.revealed))
        if q.kind == "quiz":
            counts: dict[str, int] = {s: 0 for s in STRATEGIES}
            for s, n in conn.execute(select(votes.c.strategy, func.count()).where(votes.c.question_id == q.id)
                                     .group_by(votes.c.strategy)):
                counts[s] = int(n)
            reasons = tuple((str(s), str(r)) for s, r in conn.execute(
                select(votes.c.strategy, votes.c.reason).where(votes.c.question_id == q.id, votes.c.reason != "")
                .order_by(votes.c.updated_at.desc()).limit(12)))
            answer = q.answer if q.revealed else None
            return Board(**base, counts=counts, total=sum(counts.values()), reasons=reasons, answer=answer,
                         matched=counts.get(answer, 0) if answer else None)
        rows = conn.execute(select(entries.c.id, entries.c.strategy, entries.c.goal, entries.c.budget_idr)
                            .where(entries.c.question_id == q.id).order_by(entries.c.id)).all()
    counts = {s: 0 for s in STRATEGIES} | dict(Counter(str(r.strategy) for r in rows))
    budgets = {name: 0 for name, _ in BUDGET_BANDS} | dict(Counter(budget_band(int(r.budget_idr)) for r in rows))
    return Board(**base, counts=counts, total=len(rows), goals=dict(Counter(str(r.goal) for r in rows)),
                 budgets=dict(budgets), entry_ids=tuple(int(r.id) for r in rows))


@_guarded
def room_state(engine: Engine, code: str, now: float | None = None) -> Board:
    """What a participant's phone needs: the current question and whether it is revealed, without the counts
    (one query; the phones poll it every few seconds)."""
    now = time.time() if now is None else now
    with engine.connect() as conn:
        row = _room_question(conn, code, now)
    if row.id is None:
        return Board(code=row.code, expires_at=row.expires_at)
    return Board(code=row.code, expires_at=row.expires_at, question_id=row.id, kind=row.kind, case_id=row.case_id,
                 brief=brief_from_json(row.brief_json) if row.brief_json else None, revealed=bool(row.revealed),
                 answer=row.answer if row.revealed else None)


@_guarded
def my_answer(engine: Engine, code: str, token: str, now: float | None = None) -> tuple[str, str] | None:
    """This participant's own vote on the current quiz (strategy, reason), so they can see and change it."""
    now = time.time() if now is None else now
    with engine.connect() as conn:
        room = _room(conn, code, now)
        if room.question_id is None:
            return None
        row = conn.execute(select(votes.c.strategy, votes.c.reason)
                           .where(votes.c.question_id == room.question_id, votes.c.token == token)).first()
    return None if row is None else (str(row.strategy), str(row.reason))


@_guarded
def my_entry(engine: Engine, code: str, token: str, now: float | None = None) -> CampaignBrief | None:
    now = time.time() if now is None else now
    with engine.connect() as conn:
        room = _room(conn, code, now)
        if room.question_id is None:
            return None
        raw = conn.execute(select(entries.c.brief_json)
                           .where(entries.c.question_id == room.question_id, entries.c.token == token)).scalar()
    return None if raw is None else brief_from_json(raw)


@_guarded
def open_entry(engine: Engine, code: str, secret: str, entry_id: int, now: float | None = None) -> CampaignBrief:
    """The trainer opens one participant's campaign (anonymous: the brief only) to show its recommendation."""
    now = time.time() if now is None else now
    with engine.connect() as conn:
        room = _trainer_room(conn, code, secret, now)
        raw = conn.execute(select(entries.c.brief_json).join(questions, questions.c.id == entries.c.question_id)
                           .where(entries.c.id == int(entry_id), questions.c.room_code == room.code)).scalar()
    if raw is None:
        raise InvalidAnswer()
    try:
        return brief_from_json(raw)
    except BriefError as e:  # cannot happen for rows we wrote; a hand-edited database gets a message
        raise InvalidAnswer() from e

