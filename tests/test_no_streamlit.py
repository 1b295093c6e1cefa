"""guide/ is the pure domain: it must import (and run in the CLI and tests) without Streamlit."""

from __future__ import annotations

import pkgutil
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GUIDE = ROOT / "guide"
# guide/__main__.py runs the CLI when imported, so it is checked statically only.
SKIP = {"__main__"}


def _modules() -> list[str]:
    names = [m.name for m in pkgutil.iter_modules([str(GUIDE)]) if m.name not in SKIP]
    return ["guide", *(f"guide.{n}" for n in sorted(names))]


def test_every_guide_module_imports_without_streamlit() -> None:
    modules = _modules()
    assert {"guide.engine", "guide.knowledge", "guide.models", "guide.planner", "guide.i18n"} <= set(modules)
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "loaded = sorted(m for m in sys.modules if m == 'streamlit' or m.startswith('streamlit.'))\n"
        "assert not loaded, loaded\n"
        "print('ok', len(" + repr(modules) + "))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120,
                          check=False)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("ok")


def test_cli_entry_point_runs_without_streamlit() -> None:
    # `python -m guide` imports guide/__main__.py, which the import test above cannot do in-process.
    code = (
        "import runpy, sys\n"
        "sys.argv = ['guide', '--help']\n"
        "try:\n"
        "    runpy.run_module('guide', run_name='__main__')\n"
        "except SystemExit:\n"
        "    pass\n"
        "assert 'streamlit' not in sys.modules\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120,
                          check=False)
    assert proc.returncode == 0, proc.stderr
    assert "recommend" in proc.stdout


IMPORT_LINE = re.compile(r"^\s*(import\s+streamlit\b|from\s+streamlit\b)", re.MULTILINE)


def test_no_guide_file_imports_streamlit() -> None:
    files = sorted(GUIDE.rglob("*.py"))
    assert len(files) >= 5
    offenders = [str(f.relative_to(ROOT)) for f in files if IMPORT_LINE.search(f.read_text(encoding="utf-8"))]
    assert offenders == []


def test_static_check_would_catch_an_import() -> None:
    # Guard against a regex that can never match.
    assert IMPORT_LINE.search("x = 1\nimport streamlit as st\n")
    assert IMPORT_LINE.search("    from streamlit.runtime import exists\n")
    assert not IMPORT_LINE.search("import streamlit_like\n# streamlit is not imported here\n")
