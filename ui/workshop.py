"""The Workshop page's views: pages/workshop.py calls `show()`. Storage and every rule live in guide.workshop.

Three links, three devices:
* `/workshop?room=CODE&view=board` — the projector: the live board first, then the QR code, the room code
  and the participant link. No secret in it; projector mode comes with the link, so a reload keeps it.
* `/workshop?room=CODE&trainer=SECRET` — the trainer's own phone or laptop: the controls, the two links to
  open elsewhere, and the same live board. Never projected.
* `/workshop?room=CODE` — a participant's phone.

The database may be down (PostgreSQL restarting, SQLite locked): every storage call raises
`guide.workshop.rooms.StorageDown`. A participant's answer is then kept in the session (`ws_pending`) and
sent again by the room's poll until the database answers; the boards (st.fragment reruns, which the page's
own error handling never sees) catch it themselves and show the room's message until it is back.
"""

from __future__ import annotations

import io
import logging
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode, urlsplit

import segno
import streamlit as st
from sqlalchemy import Engine

from guide import recommend
from guide.advice.brief_io import BriefError, brief_from_dict, parse_amount, presets
from guide.advice.models import AUDIENCES, GOALS, INDUSTRIES, MAX_BUDGET_IDR, PLATFORMS, STRATEGIES, CampaignBrief
from guide.text.i18n import fmt_int, fmt_pct, t
from guide.workshop import rooms as ws
from guide.workshop.board import STRATEGY_COLORS, bars, palette
from ui import brief, lang, money, tr
from ui.participant import participant_id

log = logging.getLogger("panduan.workshop")
BOARD_EVERY_S = 2.5
PARTICIPANT_EVERY_S = 3.0
# Budget bands of guide.workshop.rooms.BUDGET_BANDS -> their labels (spelt out, so the catalog scan sees them).
BAND_KEYS = {"lt10m": "workshop.band.lt10m", "lt50m": "workshop.band.lt50m", "lt200m": "workshop.band.lt200m",
             "lt1b": "workshop.band.lt1b", "ge1b": "workshop.band.ge1b"}
BOARD_VIEW = "board"


@dataclass(frozen=True)
class Pending:
    """An answer the database has not taken yet: kept in the session and sent again until it is."""

    code: str
    question_id: int | None
    strategy: str = ""
    reason: str = ""
    entry: CampaignBrief | None = None  # an "Our campaigns" entry instead of a vote


# ---- storage and links ---------------------------------------------------------------------------------------

@st.cache_resource(show_spinner=False)
def _secrets_url() -> str | None:
    try:
        return str(st.secrets["connections"]["workshop"]["url"])
    except Exception:  # no secrets file, or no [connections.workshop] in it: the default applies
        return None


def engine() -> Engine:
    # pool_pre_ping: after a PostgreSQL restart the pooled connections are dead; each is tested before use.
    conn = st.connection("workshop", type="sql", url=ws.database_url(_secrets_url()), pool_pre_ping=True)
    return ws.prepare(conn.engine)


def base_url() -> str:
    """This app's address as the browser sees it (behind a proxy too), without path or query."""
    parts = urlsplit(st.context.url or "")
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""


def participant_link(code: str) -> str:
    return f"{base_url()}/workshop?{urlencode({'room': code})}"


def board_link(code: str) -> str:
    return f"{base_url()}/workshop?{urlencode({'room': code, 'view': BOARD_VIEW})}"


def trainer_link(code: str, secret: str) -> str:
    return f"{base_url()}/workshop?{urlencode({'room': code, 'trainer': secret})}"


def address() -> str:
    """The client's address for the per-address limits (None through localhost: one shared bucket)."""
    return st.context.ip_address or "local"


def strategy_label(s: str) -> str:
    return tr(f"strategy.{s}.name")


def error(e: ws.WorkshopError, trainer: bool = False) -> None:
    if isinstance(e, ws.StorageDown) and trainer:
        st.error(tr("workshop.outage.trainer"), icon=":material/cloud_off:")
    else:
        st.error(e.message(lang()), icon=":material/cloud_off:" if isinstance(e, ws.StorageDown) else ":material/error:")


def case_title(case_id: str | None, lg: str | None = None) -> str:
    lg = lg or lang()
    for p in presets():
        if p.id == case_id:
            return p.title.get(lg, p.title["id"])
    return t(lg, "workshop.case.own_brief")


def brief_summary(b: CampaignBrief) -> str:
    platforms = ", ".join(tr(f"platform.{p}") for p in b.platforms) or "—"
    return tr("workshop.case.summary", goal=tr(f"goal.{b.goal}"), budget=money(b.budget_idr),
              audience=tr(f"audience.{b.audience}"), industry=tr(f"industry.{b.industry}"), platforms=platforms,
              weeks=b.duration_weeks)


def token() -> str | None:
    """This participant: the device's signed cookie (server.py issues it), else, when the app is served
    without server.py, a random token kept in the session. None: served by server.py but the browser sent no
    valid cookie (cookies blocked), so this session cannot answer."""
    ss = st.session_state
    pid = participant_id()
    if pid is not None:
        return pid if pid else None
    if not isinstance(ss.get("ws_token"), str):
        ss["ws_token"] = ws.new_token()
    return str(ss["ws_token"])


# ---- lobby ---------------------------------------------------------------------------------------------------

def lobby() -> None:
    ss = st.session_state
    st.title(tr("workshop.title"))
    st.markdown(tr("workshop.lead"))
    left, right = st.columns(2, gap="large")
    with left, st.container(border=True):
        st.subheader(tr("workshop.lobby.join"))
        with st.form("ws_join", border=False):
            typed = st.text_input(tr("workshop.lobby.code"), max_chars=20, placeholder="ABCDE-FGHJK")
            if st.form_submit_button(tr("workshop.lobby.join_button"), type="primary"):
                try:
                    ws.throttle(engine(), ws.JOIN_BUCKET, address())
                    code = ws.check_room(engine(), typed)
                    ss["ws_room"], ss["ws_secret"], ss["ws_joined"] = code, None, code
                    st.query_params["room"] = code
                    st.rerun()
                except ws.WorkshopError as e:
                    error(e)
    with right, st.container(border=True):
        st.subheader(tr("workshop.lobby.trainer"))
        st.markdown(tr("workshop.lobby.trainer_help", hours=ws.ROOM_HOURS))
        if st.button(tr("workshop.lobby.create"), type="primary", key="ws_create"):
            try:
                ws.throttle(engine(), ws.CREATE_BUCKET, address())
                keys = ws.create_room(engine())
            except ws.WorkshopError as e:
                error(e, trainer=True)
                return
            ss["ws_room"], ss["ws_secret"] = keys.code, keys.secret
            st.query_params["room"] = keys.code
            st.query_params["trainer"] = keys.secret
            st.rerun()


# ---- the board -----------------------------------------------------------------------------------------------

def draw_board(code: str) -> ws.Board:
    b = ws.board(engine(), code)  # read first: an outage raises before anything is drawn
    if b.kind is None:
        st.header(tr("workshop.board.waiting"))
    elif b.kind == "quiz":
        draw_quiz_board(b)
    else:
        draw_campaign_board(b)
    return b


def draw_quiz_board(b: ws.Board) -> None:
    st.header(tr("workshop.board.quiz_title", case=case_title(b.case_id)))
    if b.brief is not None:
        st.markdown(f"### {brief_summary(b.brief)}")
    st.metric(tr("workshop.board.votes"), fmt_int(b.total, lang()))
    rows = [(("✓ " if s == b.answer else "") + strategy_label(s), b.counts.get(s, 0), STRATEGY_COLORS[s])
            for s in STRATEGIES]
    spec, height = bars(rows)
    st.vega_lite_chart(spec, width="stretch", height=height)
    if b.revealed and b.answer and b.brief is not None:
        share = fmt_pct(100 * (b.matched or 0) / b.total if b.total else 0, lang(), 0)
        st.success(tr("workshop.board.answer", strategy=tr(f"strategy.{b.answer}.long")), icon=":material/verified:")
        st.markdown("## " + tr("workshop.board.matched", n=fmt_int(b.matched or 0, lang()),
                               total=fmt_int(b.total, lang()), share=share))
        rec = recommend(b.brief, lang())
        st.markdown(f"**{tr('workshop.board.why')}**")
        for r in rec.reasons[:4]:
            st.markdown(f"- {r.text}")
            st.caption(tr("common.source", source=r.source.title))
    if b.reasons:
        st.subheader(tr("workshop.board.reasons"))
        for s, reason in b.reasons[:8]:
            st.text(f"{strategy_label(s)}: {reason}")  # participant text: shown as text, never Markdown


def draw_campaign_board(b: ws.Board) -> None:
    st.header(tr("workshop.board.campaigns_title"))
    st.metric(tr("workshop.board.entries"), fmt_int(b.total, lang()))
    spec, height = bars([(strategy_label(s), b.counts.get(s, 0), STRATEGY_COLORS[s]) for s in STRATEGIES],
                        tr("workshop.board.by_strategy"))
    st.vega_lite_chart(spec, width="stretch", height=height)
    left, right = st.columns(2)
    with left:
        goals = [g for g in GOALS if b.goals.get(g)]
        spec, height = bars([(tr(f"goal.{g}"), b.goals[g], palette(i)) for i, g in enumerate(goals)],
                            tr("workshop.board.by_goal"))
        st.vega_lite_chart(spec, width="stretch", height=height)
    with right:
        spec, height = bars([(tr(BAND_KEYS[name]), n, palette(5)) for name, n in b.budgets.items()],
                            tr("workshop.board.by_budget"))
        st.vega_lite_chart(spec, width="stretch", height=height)


@st.fragment(run_every=BOARD_EVERY_S)
def live_board(code: str, secret: str | None = None) -> None:
    """The board, redrawn every 2.5 s on its own. A fragment's reruns skip the page's error handling, so an
    outage is caught here: the room's message in the room's language, and the next rerun draws the board
    again once the database answers (no reload)."""
    with st.container(border=True, key="ws_board"):
        try:
            b: ws.Board | None = draw_board(code)
        except ws.StorageDown:
            st.warning(tr("workshop.outage.board"), icon=":material/cloud_off:")
            b = None
        except ws.WorkshopError as e:
            error(e)
            b = None
        except Exception:
            log.exception("workshop board failed")
            st.warning(tr("workshop.outage.board_error"), icon=":material/error:")
            b = None
    if b is not None and secret is not None:
        open_entries(b, secret)  # in the fragment too, so new entries can be opened as they arrive


def join_panel(code: str) -> None:
    """What the room needs to join: the QR code, the code in large type, the participant link."""
    link = participant_link(code)
    qr_col, info_col = st.columns([1, 2], gap="large")
    with qr_col:
        buf = io.BytesIO()
        segno.make(link, error="m").save(buf, kind="png", scale=12, border=2, dark="#000000", light="#FFFFFF")
        st.image(buf.getvalue(), caption=tr("workshop.trainer.qr_caption"), width=320)
    with info_col:
        st.markdown(f"## {tr('workshop.trainer.code')}")
        st.title(ws.format_code(code), anchor=False)  # letters and digits only: safe as a heading
        st.markdown(f"**{tr('workshop.trainer.participant_link')}**")
        st.code(link, language=None)


def board_view(code: str) -> None:
    """The projector: the board first, then how to join. No secret anywhere on this screen or in its link."""
    st.session_state["projector"] = True  # the link says projector: a reload keeps it
    live_board(code)
    join_panel(code)


# ---- trainer -------------------------------------------------------------------------------------------------

def trainer_view(code: str, secret: str) -> None:
    ss = st.session_state
    e = engine()
    ss["ws_room"], ss["ws_secret"] = code, secret
    st.title(tr("workshop.trainer.title"))
    st.info(tr("workshop.trainer_device.own_device"), icon=":material/smartphone:")
    st.markdown(f"**{tr('workshop.trainer_device.board_link')}**")
    st.code(board_link(code), language=None)
    st.markdown(f"**{tr('workshop.trainer.participant_link')}** · {tr('workshop.trainer.code')}: "
                f"**{ws.format_code(code)}**")
    st.code(participant_link(code), language=None)
    try:
        expires = max(0, round((ws.board(e, code).expires_at - time.time()) / 3600, 1))
        st.caption(tr("workshop.trainer.expires", hours=fmt_int(round(expires), lang())))
    except ws.WorkshopError as err:
        error(err, trainer=True)
    with st.expander(tr("workshop.trainer.trainer_link"), icon=":material/key:"):
        st.warning(tr("workshop.trainer.trainer_link_help"), icon=":material/lock:")
        st.code(trainer_link(code, secret), language=None)

    with st.container(border=True):
        st.subheader(tr("workshop.trainer.controls"))
        choices: list[str] = [p.id for p in presets()] + ["__brief__"]
        lg = lang()
        case = st.selectbox(tr("workshop.trainer.pick_case"), choices, key="ws_case",
                            format_func=lambda c: case_title(None if c == "__brief__" else c, lg))
        c1, c2, c3 = st.columns(3)
        try:
            if c1.button(tr("workshop.trainer.start_quiz"), type="primary", key="ws_start_quiz", width="stretch"):
                chosen = brief() if case == "__brief__" else next(p.brief for p in presets() if p.id == case)
                ws.start_quiz(e, code, secret, chosen, None if case == "__brief__" else case)
            if c2.button(tr("workshop.trainer.reveal"), key="ws_reveal", width="stretch"):
                ws.reveal(e, code, secret)
            if c3.button(tr("workshop.trainer.start_campaigns"), key="ws_start_campaigns", width="stretch"):
                ws.start_campaigns(e, code, secret)
        except ws.WorkshopError as err:
            error(err, trainer=True)

    live_board(code, secret)


def open_entries(b: ws.Board, secret: str) -> None:
    code = b.code
    if b.kind != "campaigns" or not b.entry_ids:
        return
    lg = lang()
    with st.container(border=True):
        st.subheader(tr("workshop.trainer.open_entry"))
        numbers = {i + 1: eid for i, eid in enumerate(b.entry_ids)}
        n = st.selectbox(tr("workshop.trainer.entry"), list(numbers), key="ws_entry",
                         format_func=lambda k: t(lg, "workshop.trainer.entry_n", n=k))
        if st.button(tr("workshop.trainer.show_entry"), key="ws_show_entry"):
            try:
                st.session_state["ws_opened"] = ws.open_entry(engine(), code, secret, numbers[int(n)])
            except ws.WorkshopError as e:
                error(e, trainer=True)
        opened = st.session_state.get("ws_opened")
        if isinstance(opened, CampaignBrief):
            show_recommendation(opened)


def show_recommendation(b: CampaignBrief) -> None:
    rec = recommend(b, lang())
    st.markdown(f"### {tr(f'strategy.{rec.strategy}.long')}")
    st.markdown(brief_summary(b))
    st.markdown(rec.summary)
    for r in rec.reasons[:3]:
        st.markdown(f"- {r.text}")
        st.caption(tr("common.source", source=r.source.title))
    st.markdown(tr("workshop.trainer.plan_total", total=money(rec.spend_idr)))


# ---- participant ---------------------------------------------------------------------------------------------

def pending() -> Pending | None:
    p = st.session_state.get("ws_pending")
    return p if isinstance(p, Pending) else None


def send_pending(code: str) -> ws.WorkshopError | None:
    """Send the answer the database has not taken yet. None when there was nothing to send or it is stored;
    StorageDown when it is still waiting (kept); another error when it can no longer be taken (dropped)."""
    p, me = pending(), token()
    if p is None or p.code != code or me is None:
        return None
    try:
        if p.entry is not None:
            ws.submit_entry(engine(), code, me, p.entry)
        else:
            ws.vote(engine(), code, me, p.strategy, p.reason, question_id=p.question_id)
    except ws.StorageDown as e:
        return e
    except ws.WorkshopError as e:
        st.session_state.pop("ws_pending", None)
        return e
    st.session_state.pop("ws_pending", None)
    return None


def show_pending(p: Pending) -> None:
    st.warning(ws.StorageDown().message(lang()), icon=":material/cloud_off:")
    if p.entry is None and p.strategy:
        st.markdown(tr("workshop.outage.waiting_vote", strategy=strategy_label(p.strategy)))


def _queue_vote(code: str, question_id: int) -> None:
    """The send button's callback: the answer goes into the session first, so nothing typed is lost whatever
    the database does next."""
    ss = st.session_state
    choice = ss.get(f"ws_choice_{question_id}")
    if choice not in STRATEGIES:
        ss["ws_choose_first"] = True
        return
    ss["ws_pending"] = Pending(code, question_id, str(choice), str(ss.get(f"ws_reason_{question_id}") or ""))


def count_join(code: str) -> None:
    """Count this session's join of the room against its address's limit (raises as `ws.throttle` does)."""
    ws.throttle(engine(), ws.JOIN_BUCKET, address())
    st.session_state["ws_joined"] = code


def participant_view(b: ws.Board) -> None:
    ss = st.session_state
    code = b.code
    ss["ws_room"], ss["ws_secret"] = code, None
    ss["ws_seen"] = (b.question_id, b.revealed)
    st.caption(tr("workshop.participant.in_room", code=ws.format_code(code)))
    if token() is None:
        st.warning(tr("workshop.cookie.no_cookie"), icon=":material/cookie:")
        return
    if ss.get("ws_joined") != code:  # the first time this session opens the room: a join, limited per address
        try:
            count_join(code)
        except ws.StorageDown:  # the room was read, then the database went: the page that comes back by itself
            outage_view(code, join=True)
            return
        except ws.WorkshopError as e:
            error(e)
            return
    failed = send_pending(code)
    watch_room(code)
    if failed is not None and not isinstance(failed, ws.StorageDown):
        error(failed)
    if b.kind is None:
        st.header(tr("workshop.board.waiting"))
    elif b.kind == "quiz":
        quiz_form(code, b)
    else:
        campaign_form(code)


@st.fragment(run_every=PARTICIPANT_EVERY_S)
def watch_room(code: str) -> None:
    """Cheap poll: when the trainer starts something new or reveals, or a waiting answer has been stored,
    redraw this participant's page."""
    was_pending = pending() is not None
    try:
        if was_pending and send_pending(code) is None:
            st.rerun(scope="app")
        b = ws.room_state(engine(), code)
    except ws.WorkshopError:
        return
    if (b.question_id, b.revealed) != st.session_state.get("ws_seen"):
        st.rerun(scope="app")


def quiz_form(code: str, b: ws.Board) -> None:
    ss = st.session_state
    me = token()
    st.header(case_title(b.case_id))
    if b.brief is not None:
        st.markdown(brief_summary(b.brief))
    p = pending()
    try:
        mine = ws.my_answer(engine(), code, me) if me else None
    except ws.StorageDown:
        mine = None
    if b.revealed and b.answer:
        st.success(tr("workshop.board.answer", strategy=tr(f"strategy.{b.answer}.long")), icon=":material/verified:")
        if mine:
            st.markdown(tr("workshop.participant.matched" if mine[0] == b.answer else "workshop.participant.differs",
                           strategy=strategy_label(mine[0])))
        return
    if p is not None and p.code == code and b.question_id is not None:
        show_pending(p)
    lg = lang()
    qid = int(b.question_id or 0)
    with st.form(f"ws_vote_{qid}"):
        start = p.strategy if p is not None and p.code == code else (mine[0] if mine else None)
        choice_key, reason_key = f"ws_choice_{qid}", f"ws_reason_{qid}"
        st.radio(tr("workshop.participant.question"), STRATEGIES, format_func=lambda v: t(lg, f"strategy.{v}.long"),
                 index=STRATEGIES.index(start) if start in STRATEGIES else None, key=choice_key)
        st.text_input(tr("workshop.participant.reason"), max_chars=ws.MAX_REASON_CHARS,
                      value=mine[1] if mine else "", key=reason_key)
        st.form_submit_button(tr("workshop.participant.change" if mine else "workshop.participant.send"),
                              type="primary", on_click=_queue_vote, args=(code, qid))
    if ss.pop("ws_choose_first", False):
        st.warning(tr("workshop.participant.choose_first"), icon=":material/touch_app:")
    if mine and pending() is None:
        st.success(tr("workshop.participant.your_vote", strategy=strategy_label(mine[0])), icon=":material/how_to_vote:")
        if mine[1]:
            st.text(mine[1])


def campaign_form(code: str) -> None:
    ss = st.session_state
    me = token()
    st.header(tr("workshop.participant.campaign_title"))
    st.markdown(tr("workshop.participant.campaign_lead"))
    try:
        mine = ws.my_entry(engine(), code, me) if me else None
    except ws.StorageDown:
        mine = None
    p = pending()
    if p is not None and p.entry is not None:
        show_pending(p)
    start = (p.entry if p is not None and p.entry is not None else None) or mine or brief()
    lg = lang()
    with st.form("ws_campaign"):
        goal = st.selectbox(tr("field.goal"), GOALS, index=GOALS.index(start.goal), format_func=lambda v: t(lg, f"goal.{v}"))
        budget_text = st.text_input(tr("field.budget_idr"), value=fmt_int(start.budget_idr, lang()), max_chars=40)
        audience = st.radio(tr("field.audience"), AUDIENCES, index=AUDIENCES.index(start.audience),
                            format_func=lambda v: t(lg, f"audience.{v}"), horizontal=True)
        industry = st.selectbox(tr("field.industry"), INDUSTRIES, index=INDUSTRIES.index(start.industry),
                                format_func=lambda v: t(lg, f"industry.{v}"))
        platforms = st.multiselect(tr("field.platforms"), PLATFORMS, default=list(start.platforms),
                                   format_func=lambda v: t(lg, f"platform.{v}"))
        label = "workshop.participant.update_campaign" if mine else "workshop.participant.send_campaign"
        sent = st.form_submit_button(tr(label), type="primary")
    if sent:
        amount = parse_amount(budget_text, lang())
        if amount is None or amount > MAX_BUDGET_IDR:
            st.error(tr("brief.amount_invalid", example=money(50_000_000)), icon=":material/error:")
            return
        data: dict[str, Any] = start.model_dump() | {"goal": goal, "budget_idr": amount, "audience": audience,
                                                     "industry": industry, "platforms": list(platforms), "name": None}
        if data.get("secondary_goal") == goal:
            data["secondary_goal"] = None
        try:
            entry = brief_from_dict(data)
        except BriefError:
            st.error(tr("workshop.error.invalid_answer"), icon=":material/error:")
            return
        ss["ws_pending"] = Pending(code, None, entry=entry)
        failed = send_pending(code)
        if failed is not None:
            if isinstance(failed, ws.StorageDown):
                show_pending(ss["ws_pending"])
            else:
                error(failed)
            return
        st.rerun()
    if mine and pending() is None:
        rec = recommend(mine, lang())
        st.success(tr("workshop.participant.campaign_sent", strategy=tr(f"strategy.{rec.strategy}.long")),
                   icon=":material/check_circle:")
        st.markdown(rec.summary)


# ---- outage before anything could be read --------------------------------------------------------------------

@st.fragment(run_every=PARTICIPANT_EVERY_S)
def wait_for_database(code: str, join: bool = False) -> None:
    """Shown while the room cannot be read at all, or (`join`) was read but the join could not be counted:
    the whole page comes back by itself once the database answers. A join is retried here, not just a read
    (a database that can be read but not written, like a locked SQLite file, would otherwise rerun forever)."""
    try:
        if join:
            count_join(code)
        ws.room_state(engine(), code)
        if send_pending(code) is not None and pending() is not None:  # still waiting
            return
    except ws.StorageDown:
        return
    except ws.WorkshopError:
        pass
    st.rerun(scope="app")


def outage_view(code: str, join: bool = False) -> None:
    st.title(tr("workshop.title"))
    p = pending()
    if p is not None and p.code == code:
        show_pending(p)
    else:
        st.warning(tr("workshop.outage.page"), icon=":material/cloud_off:")
    wait_for_database(code, join)


def leave() -> None:
    for k in ("ws_room", "ws_secret"):
        st.session_state.pop(k, None)
    for k in ("room", "trainer", "view"):
        if k in st.query_params:
            del st.query_params[k]
    st.rerun()


# ---- which view ----------------------------------------------------------------------------------------------

def show() -> None:
    ss = st.session_state
    qp = st.query_params
    code_param = qp.get("room")
    secret_param = qp.get("trainer")
    if code_param is None and isinstance(ss.get("ws_room"), str):  # back from another page (links lose params)
        code_param = ss["ws_room"]
        secret_param = ss.get("ws_secret") if isinstance(ss.get("ws_secret"), str) else None
        qp["room"] = code_param
        if secret_param:
            qp["trainer"] = secret_param
    if not code_param:
        lobby()
        return
    if qp.get("view") == BOARD_VIEW and not secret_param:
        norm = ws.normalise_code(code_param)
        if norm is None:
            st.title(tr("workshop.title"))
            error(ws.RoomNotFound())
            return
        board_view(norm)
        return
    try:
        state = ws.room_state(engine(), code_param)
        is_trainer = bool(secret_param) and ws.is_trainer(engine(), state.code, str(secret_param))
    except ws.StorageDown:
        outage_view(str(code_param))
        return
    except ws.WorkshopError as err:
        st.title(tr("workshop.title"))
        error(err)
        if st.button(tr("workshop.lobby.back"), key="ws_back"):
            leave()
        return
    if is_trainer:
        trainer_view(state.code, str(secret_param))
        return
    if secret_param:
        st.warning(ws.NotTrainer().message(lang()), icon=":material/lock:")
    participant_view(state)
