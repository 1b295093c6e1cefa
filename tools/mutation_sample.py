"""A reproducible, equal-size sample of mutmut mutants per feature folder of guide/ (docs/testing.md).

mutmut 3 writes every mutant's name into mutants/guide/**/*.py.meta when it generates them. This script
reads those names, groups them by feature folder (guide/<folder>/...), sorts each group and draws the
same number from each with a random.Random seeded per folder (names kept in the order drawn),
so anyone gets the same names from the same source:

    python tools/mutation_sample.py --per-folder 60 --seed 18          # names, one a line
    .venv/bin/mutmut run --max-children 1 $(python tools/mutation_sample.py)
    python tools/mutation_sample.py --report                           # per-folder score of the sample
    python tools/mutation_sample.py --report --names tools/mutation_sample_2026-12-04.txt   # of a saved one

Top-level modules (guide/cli.py, guide/__main__.py) belong to no folder and are left out.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from pathlib import Path

FOLDERS = ("advice", "creators", "results", "workshop", "reports", "text", "output")
# mutmut 3's exit codes (mutmut.stats.status_by_exit_code), the ones a run can leave.
STATUS = {1: "killed", 3: "killed", 0: "survived", 5: "no tests", 33: "no tests", 34: "skipped",
          35: "suspicious", 36: "timeout", -24: "timeout", 24: "timeout", 152: "timeout", 255: "timeout",
          -11: "segfault", -9: "segfault", 37: "caught by type check", None: "not checked"}


def all_mutants(root: Path) -> dict[str, int | None]:
    """Every generated mutant name with its exit code so far (None until mutmut has run it)."""
    found: dict[str, int | None] = {}
    for meta in sorted((root / "guide").rglob("*.py.meta")):
        found.update(json.loads(meta.read_text("utf-8"))["exit_code_by_key"])
    return found


def folder_of(name: str) -> str | None:
    parts = name.split(".")
    return parts[1] if len(parts) > 3 and parts[1] in FOLDERS else None


def sample(names: list[str], per_folder: int, seed: int) -> dict[str, list[str]]:
    by_folder: dict[str, list[str]] = {f: [] for f in FOLDERS}
    for name in sorted(names):
        folder = folder_of(name)
        if folder is not None:
            by_folder[folder].append(name)
    # One generator per folder, and the names kept in the order drawn: the first k of a sample of 60 are the
    # sample of k, so a run cut short by time still checked an equal, random share of each folder.
    return {
        f: random.Random(f"{seed}:{f}").sample(group, min(per_folder, len(group)))  # noqa: S311 -- not a secret
        for f, group in by_folder.items()
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--per-folder", type=int, default=60)
    parser.add_argument("--seed", type=int, default=18)
    parser.add_argument("--mutants", type=Path, default=Path("mutants"), help="mutmut's folder")
    parser.add_argument("--folder", choices=FOLDERS, help="only this folder's share of the sample")
    parser.add_argument("--report", action="store_true", help="per-folder results of the sample so far")
    parser.add_argument("--names", type=Path, help="a saved sample (one name a line) instead of drawing one")
    args = parser.parse_args(argv)
    mutants = all_mutants(args.mutants)
    if not mutants:
        print("No mutants found: run `mutmut run` once (it generates them into mutants/).", file=sys.stderr)
        return 1
    drawn = sample(list(mutants), args.per_folder, args.seed)
    if args.names:
        saved = args.names.read_text("utf-8").split()
        drawn = {f: [n for n in saved if folder_of(n) == f] for f in FOLDERS}
    if args.folder:
        drawn = {args.folder: drawn[args.folder]}
    if not args.report:
        for names in drawn.values():
            print("\n".join(names))
        return 0
    print("| folder | mutants in folder | sampled | checked | killed | survived | timeout/suspicious | no tests | score |")
    print("|---|---|---|---|---|---|---|---|---|")
    for folder, names in drawn.items():
        total = sum(1 for n in mutants if folder_of(n) == folder)
        counts = Counter(STATUS.get(mutants[n], f"exit {mutants[n]}") for n in names)
        checked = len(names) - counts["not checked"]
        odd = counts["timeout"] + counts["suspicious"] + counts["segfault"]
        score = f"{100 * counts['killed'] / checked:.1f} %" if checked else "—"
        print(f"| {folder} | {total} | {len(names)} | {checked} | {counts['killed']} | {counts['survived']} | "
              f"{odd} | {counts['no tests']} | {score} |")
    for names in drawn.values():
        for n in names:
            if STATUS.get(mutants[n]) not in ("killed", "not checked"):
                print(f"{STATUS.get(mutants[n], mutants[n])}: {n}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
