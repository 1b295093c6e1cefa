"""Reference placeholder for the app's other pages (start, compare, learn, assumptions)."""

import streamlit as st

st.title("Reference")
st.markdown("Constant page.")
