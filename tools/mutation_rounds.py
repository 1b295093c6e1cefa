"""`make mutation`: mutmut over an equal random sample of each feature folder of guide/, in rounds (docs/testing.md).

guide/ has some 24,000 mutants; on a 2-core machine mutmut checks a few hundred an hour. So `make mutation` runs
mutmut on the sample `tools/mutation_sample.py` draws (the same names for the same source), a few per folder
per round, so a run stopped at any time has checked an equal share of every folder:

    python tools/mutation_rounds.py --per-folder 60 --step 10 --max-children 1
    python tools/mutation_sample.py --report          # the per-folder score so far

Round 0 runs `mutmut run` with a name that matches no mutant: mutmut generates mutants/ and runs its stats
(which tests cover which function) once. Each later round passes mutmut only the names not yet decided.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from mutation_sample import all_mutants, sample


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--per-folder", type=int, default=60)
    parser.add_argument("--step", type=int, default=10, help="mutants per folder added in each round")
    parser.add_argument("--seed", type=int, default=18)
    parser.add_argument("--max-children", type=int, default=1)
    parser.add_argument("--mutmut", default=str(Path(sys.executable).with_name("mutmut")))
    args = parser.parse_args(argv)
    run = [args.mutmut, "run", "--max-children", str(args.max_children)]
    # Generates mutants/ and the coverage stats; matches no mutant, so it checks none.
    subprocess.run([*run, "guide.no_such_module.x_nothing__mutmut_0"], check=False)
    for upto in range(args.step, args.per_folder + args.step, args.step):
        decided = all_mutants(Path("mutants"))
        drawn = sample(list(decided), min(upto, args.per_folder), args.seed)
        todo = [n for names in drawn.values() for n in names if decided.get(n) is None]
        print(f"round up to {min(upto, args.per_folder)} per folder: {len(todo)} mutants to check", flush=True)
        if todo:
            subprocess.run([*run, *todo], check=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
