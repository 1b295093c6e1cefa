"""The wizard's steps, shared by the Brief page and the edit links on the Recommendation page."""

from __future__ import annotations

import streamlit as st

STEPS = ("goal", "budget", "audience", "channels", "timing", "review")


def open_step(step: int) -> None:
    """Make the Brief page open on this step, with keyboard focus on its heading."""
    st.session_state["wizard_step"] = step
    st.session_state["focus_step"] = True


# Optional audience descriptors (age range, gender, region or city, product), asked on the audience step
# when CampaignBrief has them. Labels: the input helper's catalog wording first, this page's as a fallback.
DESCRIPTORS = ("age_bands", "gender", "region", "product_description")


def descriptor_fields() -> list[str]:
    from guide.advice.models import CampaignBrief

    return [f for f in DESCRIPTORS if f in CampaignBrief.model_fields]


def descriptor_options(field: str) -> tuple[str, ...]:
    """The allowed values of an optional Literal field (age_bands: tuple[AgeBand, ...]; gender: Gender | None)."""
    from typing import Literal, get_args, get_origin

    from guide.advice.models import CampaignBrief

    def literals(tp: object) -> tuple[str, ...]:
        if get_origin(tp) is Literal:
            return tuple(str(a) for a in get_args(tp))
        return tuple(v for arg in get_args(tp) for v in literals(arg))

    return literals(CampaignBrief.model_fields[field].annotation)


def max_chars(field: str) -> int | None:
    from guide.advice.models import CampaignBrief

    for m in CampaignBrief.model_fields[field].metadata:
        n = getattr(m, "max_length", None)
        if isinstance(n, int):
            return n
    return None
