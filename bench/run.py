"""`make bench`: every figure as a ratio against a reference measured in the same run.

Writes bench/out/report.json and prints a table. The prose about the figures is written by hand in
docs/performance.md, with the date of the run it quotes. BENCH_QUICK=1 runs a small version (to try it).
Plug-ins: a module bench/<name>.py with `measure() -> dict` (bench/shortlist.py, bench/workshop.py) is
run when it exists and its figures are reported under its name.
"""

from __future__ import annotations

import importlib
import json
import os
import platform
import subprocess
import sys
import time
import traceback
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out" / "report.json"
PLUGINS = ("shortlist", "results", "results_xlsx", "workshop", "workshop_scale")
QUICK = os.environ.get("BENCH_QUICK") == "1"


def _stage(report: dict[str, Any], name: str, fn: Callable[[], dict[str, Any]]) -> None:
    print(f"[bench] {name} …", flush=True)
    t0 = time.monotonic()
    try:
        report["figures"][name] = fn()
    except Exception as e:  # one stage failing must not lose the others' figures
        traceback.print_exc()
        report["failed"][name] = f"{type(e).__name__}: {e}"
    report["stage_s"][name] = round(time.monotonic() - t0, 1)


def _inprocess() -> dict[str, Any]:
    """bench/inprocess.py in a process of its own (AppTest leaves Streamlit's runtime state behind)."""
    proc = subprocess.run([sys.executable, "-m", "bench.inprocess"], cwd=ROOT, capture_output=True, text=True,
                          timeout=900, check=True)
    line = next(x for x in proc.stdout.splitlines() if x.startswith("BENCH_JSON "))
    return dict(json.loads(line.removeprefix("BENCH_JSON ")))


def _table(figures: dict[str, dict[str, Any]]) -> str:
    lines = [f"{'figure':<26}{'app':>12}{'reference':>12}{'ratio':>8}"]
    for name, f in figures.items():
        if "ratio" in f:
            a = f.get("app_ms", f.get("map_ms", f.get("app_mb")))
            r = f.get("reference_ms", f.get("validate_ms", f.get("reference_mb")))
            unit = "MB" if "app_mb" in f else "ms"
            lines.append(f"{name:<26}{a:>10}{unit}{r:>10}{unit}{f['ratio']!s:>8}")
        else:  # a plug-in's own figures
            lines.append(f"{name:<26}" + ", ".join(f"{k}={v}" for k, v in f.items()))
    return "\n".join(lines)


# Issue 22's targets, each read from the figures above: (what a person waits for, figure, key, target, unit).
# A figure a stage did not produce is printed as "not measured", never as met.
TARGETS: tuple[tuple[str, str, str, float, str], ...] = (
    ("Recommendation page rerun ÷ reference page", "page_rerun", "ratio", 1.5, "×"),
    ("Browser first load ÷ reference", "first_load", "ratio", 1.2, "×"),
    ("Browser answer → update ÷ reference", "answer_update", "ratio", 1.2, "×"),
    ("One recommendation (plan optimiser), median", "recommend", "median_ms", 50, "ms"),
    ("Results PDF ÷ recommendation PDF", "results", "pdf_ratio", 1.5, "×"),
    ("5,000-post results .xlsx ÷ pandas.read_excel", "results_xlsx", "ratio", 1.5, "×"),
    ("100,000-row roster, Rp 50 jt plan ÷ read_csv", "shortlist", "ratio_to_read_csv_50jt", 8, "×"),
    ("100,000-row roster, Rp 500 jt plan ÷ read_csv", "shortlist", "ratio_to_read_csv_500jt", 8, "×"),
    ("Workshop, 100 on 2 servers: board run p95 ÷ alone", "workshop_scale", "board_p95_over_alone", 3, "×"),
    ("Workshop: vote → board on the other server, p95", "workshop_scale", "vote_to_other_board_p95_s", 3, "s"),
    ("Workshop: votes lost (PostgreSQL down ~10 s)", "workshop_scale", "lost_votes", 0, ""),
    ("Workshop: errors shown", "workshop_scale", "errors_shown", 0, ""),
)


def verdicts(figures: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """Each target with the measured value and met / missed / not measured."""
    out = []
    for label, fig, key, target, unit in TARGETS:
        value = figures.get(fig, {}).get(key)
        state = "not measured" if not isinstance(value, int | float) else ("met" if value <= target else "missed")
        out.append({"target": label, "value": value, "limit": target, "unit": unit, "state": state})
    return out


def _targets_table(rows: list[dict[str, Any]]) -> str:
    lines = [f"{'target':<52}{'measured':>12}{'limit':>10}  state"]
    for r in rows:
        v = "-" if r["value"] is None else f"{r['value']}{r['unit']}"
        lines.append(f"{r['target']:<52}{v:>12}{'≤ ' + str(r['limit']) + r['unit']:>10}  {r['state']}")
    return "\n".join(lines)


def main() -> int:
    os.chdir(ROOT)
    sys.path.insert(0, str(ROOT))
    from bench import browser

    report: dict[str, Any] = {
        "started": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"), "quick": QUICK,
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count(), "load_start": os.getloadavg()},
        "figures": {}, "failed": {}, "stage_s": {},
    }
    _stage(report, "inprocess", _inprocess)
    report["figures"].update(report["figures"].pop("inprocess", {}))  # page_rerun, whatif_map
    size = {"loads": 2, "clicks": 3, "sessions": 3} if QUICK else {"loads": 7, "clicks": 12, "sessions": 10}
    _stage(report, "browser", lambda: browser.measure(**size))
    report["figures"].update(report["figures"].pop("browser", {}))  # first_load, answer_update, memory_per_session
    for name in PLUGINS:
        if (ROOT / "bench" / f"{name}.py").exists():
            _stage(report, name, lambda name=name: dict(importlib.import_module(f"bench.{name}").measure()))
    report["machine"]["load_end"] = os.getloadavg()
    report["targets"] = verdicts(report["figures"])
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print()
    print(_table(report["figures"]))
    print()
    print(_targets_table(report["targets"]))
    for name, why in report["failed"].items():
        print(f"FAILED {name}: {why}")
    print(f"\n[bench] {report['started']}, wrote {OUT.relative_to(ROOT)}")
    return 1 if report["failed"] else 0


if __name__ == "__main__":
    sys.exit(main())
