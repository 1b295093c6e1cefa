"""The wizard's steps, shared by the Brief page and the edit links on the Recommendation page."""

from __future__ import annotations

import streamlit as st

STEPS = ("goal", "budget", "audience", "channels", "timing", "review")


def open_step(step: int) -> None:
    """Make the Brief page open on this step, with keyboard focus on its heading."""
    st.session_state["wizard_step"] = step
    st.session_state["focus_step"] = True
