"""Production settings a hosted link depends on (issue 5): checked from the files that ship."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from guide.text.tabular import UPLOAD_CEILING_MB, UPLOAD_MB

ROOT = Path(__file__).resolve().parents[1]


def test_streamlit_config_is_production_safe():
    cfg = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert cfg["server"]["enableXsrfProtection"] is True
    assert cfg["server"]["headless"] is True
    # One upload setting: the server's ceiling is the uploaders' ceiling, above the limit the pages state, so a
    # file over the stated limit reaches the reader and gets our message (issue 19 item 8).
    assert cfg["server"]["maxUploadSize"] == UPLOAD_CEILING_MB == 25
    assert UPLOAD_MB == 20 < UPLOAD_CEILING_MB
    assert cfg["server"]["fileWatcherType"] == "none"
    assert cfg["client"]["showErrorDetails"] == "none"  # users see our messages, never tracebacks
    assert cfg["browser"]["gatherUsageStats"] is False


def test_runtime_requirements_are_pinned_to_a_current_streamlit():
    reqs = (ROOT / "requirements.txt").read_text()
    m = re.search(r"^streamlit==1\.(\d+)\.(\d+)$", reqs, re.M)
    assert m and int(m.group(1)) >= 67  # advisories we know of were fixed by 1.37.0
    for pkg in ("pandas", "altair", "pydantic"):
        assert re.search(rf"^{pkg}==\d", reqs, re.M), pkg


def test_no_unsafe_html_anywhere():
    files = [ROOT / "app.py", *ROOT.glob("pages/**/*.py"), *ROOT.glob("guide/**/*.py"), *ROOT.glob("ui/**/*.py"),
             *ROOT.glob("app/**/*.py")]
    assert len(files) >= 10
    offenders = [str(p.relative_to(ROOT)) for p in files if p.is_file() and "unsafe_allow_html" in p.read_text()]
    assert offenders == []


def test_no_full_collection_after_every_script_run():
    # Measured: Streamlit's post-run gc.collect() was the largest single cost of a rerun (docs/performance.md).
    cfg = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert cfg["runner"]["postScriptGC"] is False
