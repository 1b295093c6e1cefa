"""`streamlit run server.py` (what `make run` does): app.py behind one small ASGI middleware, through Streamlit's
public `st.App`. `streamlit run app.py` still works (Streamlit Community Cloud runs it that way); it only lacks
the two repairs below, which happen before any script runs:

* a nested path such as `/recommendation/extra` would load a blank page (the page's assets resolve under it):
  it is redirected to `/recommendation`, keeping the query; an unknown first segment then gets Streamlit's own
  "page not found";
* a link with more than 1,000 query parameters is dropped whole by Streamlit: it is redirected to the same page
  with `link_notice=too_many_params`, which the frame turns into a visible notice;
* redirects go only to a path on this site; every answer refuses framing; /_stcore/metrics is not served;
* every browser gets a signed participant cookie (ui/participant.py), so a workshop room counts one
  participant per device; the workshop page requires it when the app is served this way;
* every connection has Nagle's algorithm off (ui/nodelay.py): a rerun's last small messages reach the browser
  at once, not after the browser's delayed ACK (~40 ms).
"""

from __future__ import annotations

import streamlit as st
from starlette.middleware import Middleware

from ui import nodelay, participant
from ui.links import LinkRepair

nodelay.install()  # before Streamlit accepts a connection
participant.STATE["issuing"] = True  # this process issues participant cookies: the workshop page requires one

app = st.App("app.py", middleware=[Middleware(LinkRepair)])
