"""The reference page served as server.py serves the app, so `app / reference` stays the page's own cost: through
`st.App`, with Nagle's algorithm off on every connection (ui/nodelay.py). Without it the reference's small
messages could wait ~40 ms for a delayed ACK that the app's no longer wait for."""

from __future__ import annotations

import streamlit as st

from ui import nodelay

nodelay.install()  # before Streamlit accepts a connection

app = st.App("reference_app.py")
