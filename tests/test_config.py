"""Production settings a hosted link depends on (issue 5): checked from the files that ship."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_streamlit_config_is_production_safe():
    cfg = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert cfg["server"]["enableXsrfProtection"] is True
    assert cfg["server"]["headless"] is True
    assert cfg["server"]["maxUploadSize"] <= 1  # MB; a brief is a few hundred bytes
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
    for path in [ROOT / "app.py", *ROOT.glob("pages/*.py"), *ROOT.glob("guide/*.py")]:
        assert "unsafe_allow_html" not in path.read_text(), path
