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
    names = [m.name for m in pkgutil.walk_packages([str(GUIDE)], "guide.") if m.name.removeprefix("guide.") not in SKIP]
    return ["guide", *sorted(names)]


def test_every_guide_module_imports_without_streamlit() -> None:
    modules = _modules()
    assert {"guide.advice.engine", "guide.advice.knowledge", "guide.advice.models", "guide.advice.planner",
            "guide.text.i18n"} <= set(modules)
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


# --- Streamlit's public API only (issue 14.3) --------------------------------------------------------------
# Outside tests the code may `import streamlit` (as st) and take public names from it; anything under
# `streamlit.` (a submodule, whether `import streamlit.x`, `from streamlit.x import y` or
# `from streamlit import <submodule>`) is an internal that can change in any release. The one exception is
# `streamlit.testing.v1` (AppTest, public and documented), in tests/ and in the bench, which drives pages.
TESTING = "streamlit.testing.v1"
SKIP_DIRS = {".venv", "tests", "test-artifacts", "mutants", "node_modules", ".git", "__pycache__"}


def _is_submodule(name: str) -> bool:
    import importlib.util

    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def streamlit_internals(source: str, allow: tuple[str, ...] = ()) -> list[str]:
    """The Streamlit internals a source file imports, as 'line: module' strings."""
    import ast

    found = []
    for node in ast.walk(ast.parse(source)):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names if a.name.startswith("streamlit.")]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            if node.module.startswith("streamlit."):
                names = [node.module]
            elif node.module == "streamlit":
                names = [f"streamlit.{a.name}" for a in node.names
                         if a.name.startswith("_") or _is_submodule(f"streamlit.{a.name}")]
        found += [f"{node.lineno}: {n}" for n in names if not any(n == a or n.startswith(a + ".") for a in allow)]
    return found


def _tree_files() -> list[Path]:
    return sorted(p for p in ROOT.rglob("*.py") if not SKIP_DIRS & set(p.relative_to(ROOT).parts))


def test_no_streamlit_internals_outside_tests() -> None:
    files = _tree_files()
    assert ROOT / "app.py" in files and any(f.parent.name == "pages" for f in files)
    offenders = {}
    for f in files:
        rel = f.relative_to(ROOT)
        allow = (TESTING,) if rel.parts[0] == "bench" else ()
        hits = streamlit_internals(f.read_text(encoding="utf-8"), allow)
        if hits:
            offenders[str(rel)] = hits
    assert offenders == {}


def test_internal_import_check_would_catch_each_form() -> None:
    src = (
        "import streamlit as st\n"
        "from streamlit import dataframe_util\n"
        "from streamlit.runtime.scriptrunner import script_runner\n"
        "import streamlit.util\n"
        "from streamlit import _private\n"
        "from streamlit import session_state, cache_data\n"
        "from streamlit.testing.v1 import AppTest\n"
    )
    assert streamlit_internals(src) == [
        "2: streamlit.dataframe_util", "3: streamlit.runtime.scriptrunner", "4: streamlit.util",
        "5: streamlit._private", "7: streamlit.testing.v1",
    ]
    assert streamlit_internals(src, allow=(TESTING,))[-1] == "5: streamlit._private"
