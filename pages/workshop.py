"""Workshop: a trainer opens a room on the projector, participants answer on their phones, the board is live.

Links: `/workshop?room=CODE` for participants, `/workshop?room=CODE&trainer=SECRET` for the trainer only.
Storage and every rule live in guide.workshop.rooms; this page reads widgets, calls it and draws the result.
"""

from __future__ import annotations

import io
import time
from typing import Any
from urllib.parse import urlencode, urlsplit

import segno
import streamlit as st
from sqlalchemy import Engine

from guide import recommend
from guide.advice.brief_io import presets
from guide.advice.models import AUDIENCES, GOALS, INDUSTRIES, MAX_BUDGET_IDR, PLATFORMS, STRATEGIES, CampaignBrief
from guide.text.i18n import fmt_int, fmt_pct, t
from guide.workshop import rooms as ws
from guide.workshop.board import STRATEGY_COLORS, bars, palette
from ui import brief, lang, money, page_guard, tr

page_guard()
ss = st.session_state
LG = lang()  # this run's language (the frame's switch has already run)
BOARD_EVERY_S = 2.5
# Budget bands of guide.workshop.rooms.BUDGET_BANDS -> their labels (spelt out, so the catalog scan sees them).
BAND_KEYS = {"lt10m": "workshop.band.lt10m", "lt50m": "workshop.band.lt50m", "lt200m": "workshop.band.lt200m",
             "lt1b": "workshop.band.lt1b", "ge1b": "workshop.band.ge1b"}
PARTICIPANT_EVERY_S = 3.0


@st.cache_resource(show_spinner=False)
def _secrets_url() -> str | None:
    try:
        return str(st.secrets["connections"]["workshop"]["url"])
    except Exception:  # no secrets file, or no [connections.workshop] in it: the default applies
        return None


def engine() -> Engine:
    conn = st.connection("workshop", type="sql", url=ws.database_url(_secrets_url()))
    return ws.prepare(conn.engine)


def base_url() -> str:
    """This app's address as the browser sees it (behind a proxy too), without path or query."""
    parts = urlsplit(st.context.url or "")
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""


def participant_link(code: str) -> str:
    return f"{base_url()}/workshop?{urlencode({'room': code})}"


def trainer_link(code: str, secret: str) -> str:
    return f"{base_url()}/workshop?{urlencode({'room': code, 'trainer': secret})}"


def strategy_label(s: str) -> str:
    return tr(f"strategy.{s}.name")


def error(e: ws.WorkshopError) -> None:
    st.error(e.message(lang()), icon=":material/error:")


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


def token() -> str:
    if not isinstance(ss.get("ws_token"), str):
        ss["ws_token"] = ws.new_token()
    return str(ss["ws_token"])


# ---- the room this session is in: from the link, else remembered from earlier in the session -------------

qp = st.query_params
code_param = qp.get("room")
secret_param = qp.get("trainer")
if code_param is None and isinstance(ss.get("ws_room"), str):  # back from another page (links lose params)
    code_param = ss["ws_room"]
    secret_param = ss.get("ws_secret") if isinstance(ss.get("ws_secret"), str) else None
    qp["room"] = code_param
    if secret_param:
        qp["trainer"] = secret_param


def lobby() -> None:
    st.title(tr("workshop.title"))
    st.markdown(tr("workshop.lead"))
    left, right = st.columns(2, gap="large")
    with left, st.container(border=True):
        st.subheader(tr("workshop.lobby.join"))
        with st.form("ws_join", border=False):
            typed = st.text_input(tr("workshop.lobby.code"), max_chars=20, placeholder="ABCDE-FGHJK")
            if st.form_submit_button(tr("workshop.lobby.join_button"), type="primary"):
                try:
                    code = ws.check_room(engine(), typed)
                    ss["ws_room"], ss["ws_secret"] = code, None
                    st.query_params["room"] = code
                    st.rerun()
                except ws.WorkshopError as e:
                    error(e)
    with right, st.container(border=True):
        st.subheader(tr("workshop.lobby.trainer"))
        st.markdown(tr("workshop.lobby.trainer_help", hours=ws.ROOM_HOURS))
        if st.button(tr("workshop.lobby.create"), type="primary", key="ws_create"):
            keys = ws.create_room(engine())
            ss["ws_room"], ss["ws_secret"] = keys.code, keys.secret
            st.query_params["room"] = keys.code
            st.query_params["trainer"] = keys.secret
            st.rerun()


# ---- the board (projector) ----------------------------------------------------------------------------------

def draw_board(code: str) -> ws.Board | None:
    try:
        b = ws.board(engine(), code)
    except ws.WorkshopError as e:
        error(e)
        return None
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


# ---- trainer ------------------------------------------------------------------------------------------------

def trainer_view(code: str, secret: str) -> None:
    e = engine()
    ss["ws_room"], ss["ws_secret"] = code, secret
    st.title(tr("workshop.trainer.title"))
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
        expires = max(0, round((ws.board(e, code).expires_at - time.time()) / 3600, 1))
        st.caption(tr("workshop.trainer.expires", hours=fmt_int(round(expires), lang())))
        with st.expander(tr("workshop.trainer.trainer_link"), icon=":material/key:"):
            st.warning(tr("workshop.trainer.trainer_link_help"), icon=":material/lock:")
            st.code(trainer_link(code, secret), language=None)

    with st.container(border=True):
        st.subheader(tr("workshop.trainer.controls"))
        choices: list[str] = [p.id for p in presets()] + ["__brief__"]
        case = st.selectbox(tr("workshop.trainer.pick_case"), choices, key="ws_case",
                            format_func=lambda c: case_title(None if c == "__brief__" else c, LG))
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
            error(err)

    live_board(code, secret)


@st.fragment(run_every=BOARD_EVERY_S)
def live_board(code: str, secret: str) -> None:
    """The projected board, redrawn every 2.5 s on its own (the rest of the page does not rerun)."""
    with st.container(border=True, key="ws_board"):
        b = draw_board(code)
    if b is not None:
        open_entries(b, secret)  # in the fragment too, so new entries can be opened as they arrive


def open_entries(b: ws.Board, secret: str) -> None:
    code = b.code
    if b.kind != "campaigns" or not b.entry_ids:
        return
    with st.container(border=True):
        st.subheader(tr("workshop.trainer.open_entry"))
        numbers = {i + 1: eid for i, eid in enumerate(b.entry_ids)}
        n = st.selectbox(tr("workshop.trainer.entry"), list(numbers), key="ws_entry",
                         format_func=lambda k: t(LG, "workshop.trainer.entry_n", n=k))
        if st.button(tr("workshop.trainer.show_entry"), key="ws_show_entry"):
            try:
                ss["ws_opened"] = ws.open_entry(engine(), code, secret, numbers[int(n)])
            except ws.WorkshopError as e:
                error(e)
        opened = ss.get("ws_opened")
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
    st.markdown(tr("workshop.trainer.plan_total", total=money(rec.total_cost_idr)))


# ---- participant --------------------------------------------------------------------------------------------

def participant_view(b: ws.Board) -> None:
    e, code = engine(), b.code
    ss["ws_room"], ss["ws_secret"] = code, None
    ss["ws_seen"] = (b.question_id, b.revealed)
    st.caption(tr("workshop.participant.in_room", code=ws.format_code(code)))
    watch_room(code)
    if b.kind is None:
        st.header(tr("workshop.board.waiting"))
    elif b.kind == "quiz":
        quiz_form(e, code, b)
    else:
        campaign_form(e, code)


@st.fragment(run_every=PARTICIPANT_EVERY_S)
def watch_room(code: str) -> None:
    """Cheap poll: when the trainer starts something new or reveals, redraw this participant's page."""
    try:
        b = ws.room_state(engine(), code)
    except ws.WorkshopError:
        return
    if (b.question_id, b.revealed) != ss.get("ws_seen"):
        st.rerun(scope="app")


def quiz_form(e: Engine, code: str, b: ws.Board) -> None:
    st.header(case_title(b.case_id))
    if b.brief is not None:
        st.markdown(brief_summary(b.brief))
    mine = ws.my_answer(e, code, token())
    if b.revealed and b.answer:
        st.success(tr("workshop.board.answer", strategy=tr(f"strategy.{b.answer}.long")), icon=":material/verified:")
        if mine:
            st.markdown(tr("workshop.participant.matched" if mine[0] == b.answer else "workshop.participant.differs",
                           strategy=strategy_label(mine[0])))
        return
    with st.form(f"ws_vote_{b.question_id}"):
        choice = st.radio(tr("workshop.participant.question"), STRATEGIES, format_func=lambda v: t(LG, f"strategy.{v}.long"),
                          index=STRATEGIES.index(mine[0]) if mine and mine[0] in STRATEGIES else None,
                          key=f"ws_choice_{b.question_id}")
        reason = st.text_input(tr("workshop.participant.reason"), max_chars=ws.MAX_REASON_CHARS,
                               value=mine[1] if mine else "", key=f"ws_reason_{b.question_id}")
        sent = st.form_submit_button(tr("workshop.participant.change" if mine else "workshop.participant.send"),
                                     type="primary")
    if sent:
        if choice is None:
            st.warning(tr("workshop.participant.choose_first"), icon=":material/touch_app:")
            return
        try:
            ws.vote(e, code, token(), str(choice), reason or "", question_id=b.question_id)
        except ws.WorkshopError as err:
            error(err)
            return
        st.rerun()  # redraw with the stored vote ("change my answer")
    if mine:
        st.success(tr("workshop.participant.your_vote", strategy=strategy_label(mine[0])), icon=":material/how_to_vote:")
        if mine[1]:
            st.text(mine[1])


def campaign_form(e: Engine, code: str) -> None:
    st.header(tr("workshop.participant.campaign_title"))
    st.markdown(tr("workshop.participant.campaign_lead"))
    mine = ws.my_entry(e, code, token())
    start = mine or brief()
    with st.form("ws_campaign"):
        goal = st.selectbox(tr("field.goal"), GOALS, index=GOALS.index(start.goal), format_func=lambda v: t(LG, f"goal.{v}"))
        budget_text = st.text_input(tr("field.budget_idr"), value=fmt_int(start.budget_idr, lang()), max_chars=40)
        audience = st.radio(tr("field.audience"), AUDIENCES, index=AUDIENCES.index(start.audience),
                            format_func=lambda v: t(LG, f"audience.{v}"), horizontal=True)
        industry = st.selectbox(tr("field.industry"), INDUSTRIES, index=INDUSTRIES.index(start.industry),
                                format_func=lambda v: t(LG, f"industry.{v}"))
        platforms = st.multiselect(tr("field.platforms"), PLATFORMS, default=list(start.platforms),
                                   format_func=lambda v: t(LG, f"platform.{v}"))
        label = "workshop.participant.update_campaign" if mine else "workshop.participant.send_campaign"
        sent = st.form_submit_button(tr(label), type="primary")
    if sent:
        from guide.advice.brief_io import BriefError, brief_from_dict, parse_amount

        amount = parse_amount(budget_text, lang())
        if amount is None or amount > MAX_BUDGET_IDR:
            st.error(tr("brief.amount_invalid", example=money(50_000_000)), icon=":material/error:")
            return
        data: dict[str, Any] = start.model_dump() | {"goal": goal, "budget_idr": amount, "audience": audience,
                                                     "industry": industry, "platforms": list(platforms), "name": None}
        if data.get("secondary_goal") == goal:
            data["secondary_goal"] = None
        try:
            ws.submit_entry(e, code, token(), brief_from_dict(data))
        except BriefError:
            st.error(tr("workshop.error.invalid_answer"), icon=":material/error:")
            return
        except ws.WorkshopError as err:
            error(err)
            return
        st.rerun()
    if mine:
        rec = recommend(mine, lang())
        st.success(tr("workshop.participant.campaign_sent", strategy=tr(f"strategy.{rec.strategy}.long")),
                   icon=":material/check_circle:")
        st.markdown(rec.summary)


def leave() -> None:
    for k in ("ws_room", "ws_secret"):
        ss.pop(k, None)
    for k in ("room", "trainer"):
        if k in st.query_params:
            del st.query_params[k]
    st.rerun()


# ---- which view ----------------------------------------------------------------------------------------------

if not code_param:
    lobby()
else:
    try:
        state = ws.room_state(engine(), code_param)
    except ws.WorkshopError as err:
        st.title(tr("workshop.title"))
        error(err)
        if st.button(tr("workshop.lobby.back"), key="ws_back"):
            leave()
    else:
        if secret_param and ws.is_trainer(engine(), state.code, secret_param):
            trainer_view(state.code, secret_param)
        else:
            if secret_param:
                st.warning(ws.NotTrainer().message(lang()), icon=":material/lock:")
            participant_view(state)
