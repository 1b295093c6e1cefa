"""Reference Brief page: like the wizard's goal step (a radio with 8 options and captions, a selectbox)."""

import streamlit as st

from bench.reference_common import VARIANTS, second, variant


def _on_variant() -> None:
    st.session_state["variant"] = VARIANTS.index(st.session_state["w_variant"])


def _on_second() -> None:
    st.session_state["second"] = st.session_state.get("w_second")


st.title("Brief")
st.progress(1 / 6, text="Step 1 of 6")
if "w_variant" not in st.session_state:
    st.session_state["w_variant"] = VARIANTS[variant()]
st.radio("Variant", VARIANTS, key="w_variant", captions=[f"Constant help for {x}" for x in VARIANTS],
         on_change=_on_variant)
if "w_second" not in st.session_state:
    st.session_state["w_second"] = second()
st.selectbox("Second choice", [None, *range(len(VARIANTS))], key="w_second", on_change=_on_second,
             format_func=lambda i: "— none —" if i is None else VARIANTS[i])
back, nxt = st.columns(2)
nxt.button("Next", type="primary", width="stretch")
st.divider()
with st.expander("File"):
    st.write("Constant.")
