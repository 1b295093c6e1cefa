"""Does `gc.freeze()` pay beyond `runner.postScriptGC = false`? (issue 14.4; not part of `make bench`)

`python -m bench.gcfreeze` serves the app twice with the same config (.streamlit/config.toml, which sets
postScriptGC = false): as it is, and a copy of the tree in a temporary directory with the `gc.freeze()`
call removed. The same clicks go to both, in alternating rounds; the figure is the server process's CPU
time (user + system, psutil) per click: a goal answer on the Brief page and an ID/EN switch on the
Recommendation page (a full rerun with 5 charts).
"""

from __future__ import annotations

import json
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

import psutil
from playwright.sync_api import Page, sync_playwright

from bench.browser import LINK, ROOT, e2e

FRAME_FILES = ("pages/_common.py", "app.py", "ui/*.py", "app/*.py")


def _copy_without_freeze(dest: Path) -> Path | None:
    shutil.copytree(ROOT, dest, ignore=shutil.ignore_patterns(".venv", "mutants", "test-artifacts", ".git", "bench"))
    for pattern in FRAME_FILES:
        for f in dest.glob(pattern):
            text = f.read_text(encoding="utf-8")
            if "gc.freeze()" in text:
                f.write_text(text.replace("gc.freeze()", "pass  # bench.gcfreeze: freeze removed"), encoding="utf-8")
                return f
    return None


def _cpu(srv: e2e.StreamlitServer) -> float:
    t = psutil.Process(srv.proc.pid).cpu_times()
    return float(t.user + t.system)


def _clicks(page: Page, srv: e2e.StreamlitServer, kind: str, n: int) -> float:
    """Server CPU seconds per click over n clicks of one kind."""
    options = ("Testimoni", "Penjualan") if kind == "answer" else ("EN", "ID")
    c0 = _cpu(srv)
    for i in range(n):
        page.get_by_text(options[i % 2], exact=True).first.click()
        e2e.wait_ready(page, timeout=120_000)
        if kind == "answer":  # the answer is applied: the summary line shows it
            page.get_by_text(options[i % 2], exact=True).first.wait_for()
    return (_cpu(srv) - c0) / n


def main(rounds: int = 6, clicks: int = 10) -> int:
    with tempfile.TemporaryDirectory(prefix="gcfreeze-") as tmp:
        changed = _copy_without_freeze(Path(tmp) / "tree")
        if changed is None:
            print("no gc.freeze() call in the app frame: nothing to measure")
            return 0
        copy = str(Path(tmp) / "tree" / "app.py")
        servers = {"with_freeze": e2e.StreamlitServer(), "without_freeze": e2e.StreamlitServer(script=copy)}
        out: dict[str, dict[str, list[float]]] = {n: {"answer": [], "language": []} for n in servers}
        try:
            for srv in servers.values():
                srv.start()
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=e2e.CHROMIUM, headless=True, args=e2e.CHROMIUM_ARGS)
                pages = {}
                for name, srv in servers.items():
                    pages[name] = {k: browser.new_context().new_page() for k in ("answer", "language")}
                    pages[name]["answer"].goto(f"{srv.url}/brief?{LINK}")
                    pages[name]["language"].goto(f"{srv.url}/recommendation?{LINK}")
                    for pg in pages[name].values():
                        e2e.wait_ready(pg, timeout=120_000)
                    for kind, pg in pages[name].items():  # warm: the first clicks load what a click needs
                        _clicks(pg, srv, kind, 2)
                for r in range(rounds):
                    for name in (list(servers) if r % 2 else list(servers)[::-1]):
                        for kind, pg in pages[name].items():
                            out[name][kind].append(_clicks(pg, servers[name], kind, clicks))
                browser.close()
        finally:
            for srv in servers.values():
                srv.stop()
    result = {name: {kind: round(statistics.median(v) * 1e3, 1) for kind, v in kinds.items()} for name, kinds in out.items()}
    result["ratio_without_over_with"] = {k: round(result["without_freeze"][k] / result["with_freeze"][k], 3)
                                         for k in ("answer", "language")}
    print(json.dumps({"server_cpu_ms_per_click": result, "rounds": rounds, "clicks_per_round": clicks,
                      "freeze_removed_from": str(changed.relative_to(Path(tmp) / "tree"))}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
