"""Brief: the wizard (goal → budget → audience and industry → platforms and content → timing → review)."""

from __future__ import annotations

from typing import Any

import streamlit as st

from guide.advice.brief_io import (
    AmountReading,
    BriefError,
    Problem,
    brief_from_json,
    brief_to_json,
    read_amount,
    say_amount,
)
from guide.advice.models import (
    AUDIENCES,
    BRAND_STAGES,
    CONTENTS,
    GOALS,
    INDUSTRIES,
    MAX_BUDGET_IDR,
    MAX_DURATION_WEEKS,
    MAX_NAME_CHARS,
    MAX_PRODUCT_VALUE_IDR,
    PLATFORMS,
)
from guide.text.i18n import fmt_int
from ui import (
    brief,
    browser,
    lang,
    load_brief,
    money,
    page_guard,
    plain,
    problem_text,
    show_notices,
    tr,
    tr_first,
    update_brief,
)
from ui.frame import fragment_frame
from ui.state import mark_answer, typing, wizard_widget
from ui.wizard import STEPS, descriptor_fields, descriptor_options, max_chars, open_step

page_guard()

ss = st.session_state
show_notices()
step = ss.get("wizard_step", 0)
if not isinstance(step, int) or not 0 <= step < len(STEPS):
    step = 0
ss["wizard_step"] = step

st.title(tr("brief.title"))
if ss.get("from_recommendation"):  # came here to change one answer: the way back is one click
    if st.button(tr("flow.back_to_rec"), type="primary", icon=":material/arrow_back:", key="back_to_rec"):
        ss["from_recommendation"] = False
        st.switch_page("pages/recommendation.py")
st.progress((step + 1) / len(STEPS), text=tr("brief.progress", n=step + 1, total=len(STEPS),
                                                name=tr(f"brief.step.{STEPS[step]}")))
# Each step opens with its heading; after Next, Back or an edit link, keyboard focus lands on it.
st.subheader(tr(f"brief.step.{STEPS[step]}"), anchor=f"step-{STEPS[step]}")
if ss.pop("focus_step", False):
    browser.focus_heading(f"step-{STEPS[step]}")


def init(key: str, value: Any) -> str:
    """Wizard widgets read the brief the first time they are drawn (after a preset, link or upload too)."""
    return wizard_widget(key, value)


def answer(field: str, key: str, convert: Any = None) -> None:
    mark_answer("brief")
    value = ss.get(key)
    if convert is not None:
        value = convert(value)
    problems = update_brief(**{field: value})
    ss[f"err_{field}"] = problems  # kept as problems and worded when shown: a language switch re-words them


def errors(field: str) -> None:
    for msg in ss.get(f"err_{field}", []):
        text = msg.message(lang()) if isinstance(msg, AmountReading) else problem_text(msg) \
            if isinstance(msg, Problem) else str(msg)
        st.error(text, icon=":material/error:")


def amount_answer(field: str, key: str, maximum: int, optional: bool = False) -> None:
    """The amount boxes commit as they are typed (live="0ms": nothing is left unsent when a click follows), so
    a half-typed entry that cannot be read falls back to the amount from before the typing began."""
    mark_answer("brief")
    before = typing(field, getattr(brief(), field))
    text = ss.get(key) or ""
    if optional and not str(text).strip():
        update_brief(**{field: None})
        ss[f"err_{field}"] = []
        return
    reading = read_amount(str(text), lang(), maximum)
    if reading.value is None:
        update_brief(**{field: before})
        ss[f"err_{field}"] = [reading]
    else:
        n = reading.value
        answer(field, key, lambda _v: n)


def file_box() -> None:
    """Load a brief from a JSON file, or download this one."""
    up = st.file_uploader(tr("brief.file_label"), type=["json"], key="brief_upload",
                          help=tr("brief.file_help"), max_upload_size=1)  # a brief is a few hundred bytes
    if up is not None and ss.get("upload_seen") != up.file_id:
        ss["upload_seen"] = up.file_id
        try:
            load_brief(brief_from_json(up.getvalue()))
            ss["upload_result"] = ("ok", [])
        except BriefError as e:
            ss["upload_result"] = ("error", list(e.problems[:5]))  # worded when shown, in the language then
        st.rerun()
    kind, messages = ss.get("upload_result", (None, []))
    if kind == "ok":
        st.success(tr("brief.file_loaded"), icon=":material/check_circle:")
    elif kind == "error":
        st.error(tr("brief.file_rejected") + "\n\n" + "\n".join(f"- {problem_text(m)}" for m in messages),
                 icon=":material/error:")
    st.download_button(tr("download.json"), brief_to_json(brief()), file_name="brief.json",
                       mime="application/json", icon=":material/download:")


@st.fragment
def step_body(step: int) -> None:
    """The step's questions, the way on and the brief file. A fragment: an answer reruns only this part (its
    callback, then these widgets and the new link in the address bar), not the whole page and its frame."""
    with fragment_frame():
        b = brief()
        if step == 0:
            k = init("goal", b.goal)
            st.radio(tr("field.goal"), GOALS, key=k, format_func=lambda g: tr(f"goal.{g}"),
                     captions=[tr(f"goal_help.{g}") for g in GOALS], on_change=answer, args=("goal", k))
            errors("goal")
            k2 = init("secondary_goal", b.secondary_goal)
            st.selectbox(tr("field.secondary_goal"), [None, *GOALS], key=k2, help=tr("brief.secondary_help"),
                         placeholder=tr("brief.none"),  # no secondary goal is shown as the placeholder
                         format_func=lambda g: tr("brief.none") if g is None else tr(f"goal.{g}"),
                         on_change=answer, args=("secondary_goal", k2))
            errors("secondary_goal")
        elif step == 1:
            k = init("budget_text", fmt_int(b.budget_idr, lang()))
            st.text_input(tr("field.budget_idr"), key=k, help=tr("brief.budget_help"), max_chars=40, live="0ms",
                          on_change=amount_answer, args=("budget_idr", k, MAX_BUDGET_IDR))
            errors("budget_idr")
            # The amount as read, in digits and words, before it is used; after a refused entry, the amount kept.
            if ss.get("err_budget_idr"):
                st.markdown(tr("brief.budget_is", amount=money(brief().budget_idr)))
            else:
                st.caption(tr("brief.read_as", amount=say_amount(brief().budget_idr, lang())))
            pv = b.product_value_idr
            k2 = init("product_text", "" if pv is None else fmt_int(pv, lang()))
            st.text_input(tr("field.product_value_idr"), key=k2, help=tr("brief.product_help"), max_chars=40, live="0ms",
                          on_change=amount_answer, args=("product_value_idr", k2, MAX_PRODUCT_VALUE_IDR, True))
            errors("product_value_idr")
            pv_now = brief().product_value_idr
            if pv_now is not None and not ss.get("err_product_value_idr"):
                st.caption(tr("brief.read_as", amount=say_amount(pv_now, lang())))
        elif step == 2:
            k = init("audience", b.audience)
            st.radio(tr("field.audience"), AUDIENCES, key=k, format_func=lambda a: tr(f"audience.{a}"),
                     captions=[tr(f"audience_help.{a}") for a in AUDIENCES], on_change=answer, args=("audience", k))
            k2 = init("industry", b.industry)
            st.selectbox(tr("field.industry"), INDUSTRIES, key=k2, format_func=lambda i: tr(f"industry.{i}"),
                         placeholder=tr("common.choose"),
                         help=tr("brief.industry_help"), on_change=answer, args=("industry", k2))
            errors("industry")
            for field in descriptor_fields():  # optional audience descriptors, when the brief model has them
                label = tr_first(f"input.field.{field}", f"rec.descriptor.{field}")
                current = getattr(b, field, None)
                if field == "age_bands":
                    k3 = init(field, list(current or ()))
                    st.pills(label, descriptor_options(field), key=k3, selection_mode="multi",
                             format_func=lambda a: tr_first(f"input.age_band.{a}", f"rec.descriptor.{a}"),
                             on_change=answer, args=(field, k3, lambda v: list(v or [])))
                elif field == "gender":
                    k3 = init(field, current)
                    st.pills(label, descriptor_options(field), key=k3, selection_mode="single",
                             format_func=lambda g: tr_first(f"input.gender.{g}", f"rec.descriptor.{g}"),
                             on_change=answer, args=(field, k3))
                else:
                    k3 = init(field, current or "")
                    st.text_input(label, key=k3, max_chars=max_chars(field), placeholder=tr("brief.optional"), live="0ms",
                                  on_change=answer, args=(field, k3, lambda v: (v or None)))
                errors(field)
        elif step == 3:
            k = init("platforms", list(b.platforms))
            st.pills(tr("field.platforms"), PLATFORMS, key=k, selection_mode="multi",
                     format_func=lambda p: tr(f"platform.{p}"), help=tr("brief.platforms_help"),
                     on_change=answer, args=("platforms", k, lambda v: list(v or [])))
            k2 = init("content", b.content or "none")  # "none": no preference (a radio cannot show None as chosen)
            st.radio(tr("field.content"), ["none", *CONTENTS], key=k2,
                     format_func=lambda c: tr("brief.no_preference") if c == "none" else tr(f"content.{c}"),
                     captions=[tr("brief.no_preference_help"), *[tr(f"content_help.{c}") for c in CONTENTS]],
                     on_change=answer, args=("content", k2, lambda v: None if v in (None, "none") else v))
        elif step == 4:
            k = init("duration_weeks", b.duration_weeks)
            st.slider(tr("field.duration_weeks"), 1, MAX_DURATION_WEEKS, key=k, help=tr("brief.duration_help"),
                      on_change=answer, args=("duration_weeks", k))
            k2 = init("brand_stage", b.brand_stage)
            st.radio(tr("field.brand_stage"), BRAND_STAGES, key=k2, format_func=lambda s: tr(f"brand_stage.{s}"),
                     captions=[tr(f"brand_stage_help.{s}") for s in BRAND_STAGES], on_change=answer,
                     args=("brand_stage", k2))
            k3 = init("name", b.name or "")
            st.text_input(tr("field.name"), key=k3, max_chars=MAX_NAME_CHARS, help=tr("brief.name_help"), live="0ms",
                          on_change=answer, args=("name", k3, lambda v: (v or None)))
            errors("name")
        else:
            b = brief()
            rows = [
                (tr("field.goal"), tr(f"goal.{b.goal}")),
                (tr("field.secondary_goal"), tr(f"goal.{b.secondary_goal}") if b.secondary_goal else "—"),
                (tr("field.budget_idr"), money(b.budget_idr)),
                (tr("field.product_value_idr"), money(b.product_value_idr) if b.product_value_idr else "—"),
                (tr("field.audience"), tr(f"audience.{b.audience}")),
                (tr("field.industry"), tr(f"industry.{b.industry}")),
                (tr("field.platforms"), ", ".join(tr(f"platform.{p}") for p in b.platforms) or "—"),
                (tr("field.content"), tr(f"content.{b.content}") if b.content else tr("brief.no_preference")),
                (tr("field.duration_weeks"), str(b.duration_weeks)),
                (tr("field.brand_stage"), tr(f"brand_stage.{b.brand_stage}")),
                (tr("field.name"), plain(b.name) if b.name else "—"),  # st.table renders Markdown
            ]
            for field in descriptor_fields():
                value = getattr(b, field, None)
                if field == "age_bands":
                    shown = ", ".join(tr_first(f"input.age_band.{a}", f"rec.descriptor.{a}") for a in value or ()) or "—"
                elif field == "gender":
                    shown = tr_first(f"input.gender.{value}", f"rec.descriptor.{value}") if value else "—"
                else:
                    shown = plain(str(value)) if value else "—"
                rows.append((tr_first(f"input.field.{field}", f"rec.descriptor.{field}"), shown))
            st.table({tr("brief.question"): [r[0] for r in rows], tr("brief.answer"): [r[1] for r in rows]})
            st.caption(tr("brief.edit_steps"))
            with st.container(horizontal=True, gap="small"):
                for i, name in enumerate(STEPS[:-1]):
                    if st.button(tr(f"brief.step.{name}"), key=f"goto_{name}", icon=":material/edit:", width="content"):
                        open_step(i)
                        st.rerun()
            if st.button(tr("brief.see_recommendation"), type="primary", icon=":material/verified:"):
                st.switch_page("pages/recommendation.py")

        back, nxt = st.columns(2)
        if step > 0 and back.button(tr("brief.back"), icon=":material/arrow_back:", width="stretch"):
            open_step(step - 1)
            st.rerun()
        if step < len(STEPS) - 1 and nxt.button(tr("brief.next"), type="primary", icon=":material/arrow_forward:",
                                                width="stretch"):
            open_step(step + 1)
            st.rerun()

        st.divider()
        # Drawn only while open (opening it reruns this part): folded, it costs one element on each answer, not
        # an uploader, a brief file and the browser's fetch of that file.
        box = st.expander(tr("brief.file_title"), icon=":material/upload_file:", key="brief_file_box",
                          on_change="rerun")
        if box.open:
            with box:
                file_box()


step_body(step)
