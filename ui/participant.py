"""One participant per device: server.py's middleware (ui.links.LinkRepair) gives every browser a signed
participant cookie; the workshop page reads it with st.context.cookies. No Streamlit import at module level
beyond what the page needs: `issue()` and `verify()` are plain functions the middleware calls.

The signing key is WORKSHOP_COOKIE_SECRET (set the same value on every replica), else a random key kept in
var/participant_cookie.key (shared by replicas on one machine). A cookie signed with another key is
replaced by a new one, so changing the key only makes every device a new participant.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import secrets
from functools import cache
from pathlib import Path

COOKIE = "psk_participant"
ENV_SECRET = "WORKSHOP_COOKIE_SECRET"  # noqa: S105 (the variable's name, not a secret)
KEY_FILE = Path(__file__).resolve().parents[1] / "var" / "participant_cookie.key"
MAX_AGE_S = 7 * 24 * 3600
STATE = {"issuing": False}  # server.py sets it: this process issues cookies (its middleware)


@cache
def _key() -> bytes:
    env = os.environ.get(ENV_SECRET)
    if env:
        return env.encode("utf-8")
    KEY_FILE.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(KEY_FILE, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as f:
            f.write(secrets.token_urlsafe(32))
    except FileExistsError:
        pass
    return KEY_FILE.read_bytes().strip()


def _sign(pid: str) -> str:
    mac = hmac.new(_key(), f"participant:{pid}".encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(mac[:18]).decode("ascii")


def issue() -> str:
    """A new cookie value: `<id>.<signature>`."""
    pid = secrets.token_urlsafe(16)
    return f"{pid}.{_sign(pid)}"


def verify(value: str | None) -> str | None:
    """The participant id of a genuine cookie value, else None."""
    if not value or not isinstance(value, str) or len(value) > 100 or value.count(".") != 1:
        return None
    pid, sig = value.split(".")
    if not 16 <= len(pid) <= 40 or not hmac.compare_digest(sig, _sign(pid)):
        return None
    return pid


def participant_id() -> str | None:
    """This browser's participant id from its cookie. None when the app runs without server.py (no cookies
    are issued: the page falls back to a session token); "" when server.py issues cookies but this browser
    sent no genuine one (cookies blocked), so it cannot answer."""
    if not STATE["issuing"]:
        return None
    import streamlit as st

    try:
        raw = st.context.cookies.get(COOKIE)
    except Exception:  # no browser context (a test harness)
        return None
    return verify(raw) or ""
