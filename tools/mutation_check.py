"""Check a sample of mutmut mutants without mutmut's whole-suite stats run (docs/testing.md).

`mutmut run` first runs the whole unit selection once under coverage tracing; on the shared 2-core machine that
took over 11 minutes and then died with a segmentation fault in a native thread (2026-12-04). This runs each
mutant the way mutmut's workers do (MUTANT_UNDER_TEST=<name>, pytest -x in mutants/), but only over the test
files that import the mutated module, folder by folder in turn, and appends one JSON line per mutant:

    .venv/bin/mutmut run 'nothing*'   # or any run: generates mutants/ (stop it once stats begin)
    nice -n 15 .venv/bin/python tools/mutation_check.py --per-folder 60 --out var/mutation-check.jsonl

Tests in other files never run, so a "survived" here may be killed by the full suite: the score is a lower bound.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from mutation_sample import FOLDERS, all_mutants, sample

SKIP = ("tests/e2e/", "tests/db/", "tests/hostile/test_cli_files.py", "tests/hostile/test_cli_results.py",
        "tests/text/test_catalog_keys.py", "tests/test_no_streamlit.py", "tests/test_cli.py",
        "tests/reports/test_one_number.py")


def test_files(root: Path, module: str) -> list[str]:
    """Test files under root/tests that import guide.<folder>.<module> (by dotted path or from its package)."""
    folder, name = module.split(".")[1:3]
    pattern = re.compile(rf"\bguide\.{folder}\.{name}\b|from guide\.{folder} import [^\n]*\b{name}\b")
    files = []
    for path in sorted((root / "tests").rglob("test_*.py")):
        rel = path.relative_to(root).as_posix()
        if not rel.startswith(SKIP) and pattern.search(path.read_text("utf-8")):
            files.append(rel)
    return files


def report(results: Path) -> int:
    rows = [json.loads(line) for line in results.read_text("utf-8").splitlines() if line]
    print("| folder | checked | killed | survived | timeout/suspicious | no tests | score (killed / checked) |")
    print("|---|---|---|---|---|---|---|")
    for folder in FOLDERS:
        mine = [r for r in rows if r["name"].split(".")[1] == folder]
        n = {s: sum(1 for r in mine if r["status"] == s) for s in ("killed", "survived", "timeout", "suspicious",
                                                                   "no tests")}
        score = f"{100 * n['killed'] / len(mine):.0f} %" if mine else "—"
        print(f"| {folder} | {len(mine)} | {n['killed']} | {n['survived']} | {n['timeout'] + n['suspicious']} | "
              f"{n['no tests']} | {score} |")
    for r in rows:
        if r["status"] != "killed":
            print(f"{r['status']}: {r['name']}")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--per-folder", type=int, default=60)
    parser.add_argument("--seed", type=int, default=18)
    parser.add_argument("--mutants", type=Path, default=Path("mutants"))
    parser.add_argument("--out", type=Path, default=Path("var/mutation-check.jsonl"))
    parser.add_argument("--timeout", type=int, default=240)
    parser.add_argument("--report", action="store_true", help="per-folder table of --out so far")
    args = parser.parse_args()
    if args.report:
        return report(args.out)
    drawn = sample(list(all_mutants(args.mutants)), args.per_folder, args.seed)
    done = set()
    if args.out.exists():
        done = {json.loads(line)["name"] for line in args.out.read_text("utf-8").splitlines() if line}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    # Folder by folder in turn, so a run cut short has checked the same number in each.
    for row in itertools.zip_longest(*drawn.values()):
        for name in row:
            if name is None or name in done:
                continue
            module = ".".join(name.split(".")[:3])
            files = test_files(args.mutants, module)
            start = time.monotonic()
            if not files:
                status, code = "no tests", None
            else:
                env = {**os.environ, "MUTANT_UNDER_TEST": name}
                cmd = [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:randomly", "-p", "no:cacheprovider", *files]
                try:
                    code = subprocess.run(cmd, cwd=args.mutants, env=env, capture_output=True,
                                          timeout=args.timeout, check=False).returncode
                    status = {0: "survived", 1: "killed", 5: "no tests"}.get(code, "suspicious")
                except subprocess.TimeoutExpired:
                    status, code = "timeout", None
            result = {"name": name, "status": status, "exit": code, "files": files,
                      "seconds": round(time.monotonic() - start, 1)}
            with args.out.open("a", encoding="utf-8") as out:
                out.write(json.dumps(result) + "\n")
            print(status, name, result["seconds"], flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
