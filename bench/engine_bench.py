"""Figures 1 and 2: the engine and the what-if map, each against CampaignBrief.model_validate.

Both sides are timed in the same process, interleaved in small chunks (so load from other processes
and clock drift hit both), with the garbage collector run before each chunk. Wall-clock time is the
figure; CPU time of this thread is recorded next to it as a cross-check that is not affected by other
processes on the machine.
"""

from __future__ import annotations

import gc
import statistics
import time
from collections.abc import Callable
from typing import Any

from guide import CampaignBrief, knowledge, recommend
from guide.whatif import budget_grid, whatif_map

from .briefs import brief_dicts, langs


def _timed(fn: Callable[[], object]) -> tuple[float, float]:
    gc.collect()
    c0, t0 = time.thread_time(), time.perf_counter()
    fn()
    return time.perf_counter() - t0, time.thread_time() - c0


def engine(n: int = 10_000, chunk: int = 500, passes: int = 2, seed: int = 6) -> dict[str, Any]:
    """recommend() per brief ÷ model_validate per brief, over `n` seeded random briefs."""
    dicts = brief_dicts(n, seed)
    lgs = langs(n, seed)
    briefs = [CampaignBrief.model_validate(d) for d in dicts]
    knowledge()
    for b, lg in zip(briefs[:200], lgs[:200], strict=True):  # warm caches (catalogs, code paths)
        recommend(b, lang=lg)
    val_wall = rec_wall = val_cpu = rec_cpu = 0.0
    ratios: list[float] = []
    for p in range(passes):
        for i in range(0, n, chunk):
            ds, bs, ls = dicts[i:i + chunk], briefs[i:i + chunk], lgs[i:i + chunk]

            def validate(ds: list[dict[str, Any]] = ds) -> None:
                for d in ds:
                    CampaignBrief.model_validate(d)

            def rec(bs: list[CampaignBrief] = bs, ls: list[str] = ls) -> None:
                for b, lg in zip(bs, ls, strict=True):
                    recommend(b, lang=lg)

            order = (validate, rec) if (p + i // chunk) % 2 == 0 else (rec, validate)
            times = {f: _timed(f) for f in order}
            (vw, vc), (rw, rc) = times[validate], times[rec]
            val_wall, val_cpu, rec_wall, rec_cpu = val_wall + vw, val_cpu + vc, rec_wall + rw, rec_cpu + rc
            ratios.append(rw / vw)
    count = n * passes
    return {
        "briefs": n, "passes": passes, "chunk": chunk, "seed": seed,
        "validate_us": val_wall / count * 1e6, "recommend_us": rec_wall / count * 1e6,
        "ratio": statistics.median(ratios), "ratio_of_totals": rec_wall / val_wall,
        "ratio_cpu": rec_cpu / val_cpu,
        "chunk_ratio_p10_p90": [statistics.quantiles(ratios, n=10)[0], statistics.quantiles(ratios, n=10)[-1]],
    }


def whatif(n_briefs: int = 12, reps: int = 5, seed: int = 7) -> dict[str, Any]:
    """whatif_map(brief) ÷ the same number of model_validate calls (the map's own cell briefs as dicts)."""
    k = knowledge()
    dicts = brief_dicts(n_briefs, seed)
    briefs = [CampaignBrief.model_validate(d) for d in dicts]
    per_brief = []
    for d, b in zip(dicts, briefs, strict=True):
        cells = whatif_map(b)
        # The briefs the map stands for: every budget × goal × audience around this one, as input dicts.
        cell_dicts = []
        for c in cells:
            cd = dict(d, budget_idr=c.budget_idr, goal=c.goal, audience=c.audience)
            if cd.get("secondary_goal") == c.goal:
                cd["secondary_goal"] = None
            cell_dicts.append(cd)

        def validate(cds: list[dict[str, Any]] = cell_dicts) -> None:
            for cd in cds:
                CampaignBrief.model_validate(cd)

        def wmap(b: CampaignBrief = b) -> None:
            whatif_map(b, k.figures, k)

        vw, ww, vc, wc = [], [], [], []
        for r in range(reps):
            for f in ((validate, wmap) if r % 2 == 0 else (wmap, validate)):
                w, c = _timed(f)
                (vw if f is validate else ww).append(w)
                (vc if f is validate else wc).append(c)
        per_brief.append({
            "cells": len(cells), "budgets": len(budget_grid(b.budget_idr)),
            "map_ms": statistics.median(ww) * 1e3, "validate_ms": statistics.median(vw) * 1e3,
            "ratio": statistics.median(ww) / statistics.median(vw),
            "ratio_cpu": statistics.median(wc) / statistics.median(vc),
        })
    ratios = [p["ratio"] for p in per_brief]
    return {
        "briefs": n_briefs, "reps": reps, "seed": seed,
        "cells_min": min(p["cells"] for p in per_brief), "cells_max": max(p["cells"] for p in per_brief),
        "map_ms": statistics.median(p["map_ms"] for p in per_brief),
        "validate_ms": statistics.median(p["validate_ms"] for p in per_brief),
        "ratio": statistics.median(ratios), "ratio_max": max(ratios),
        "ratio_cpu": statistics.median(p["ratio_cpu"] for p in per_brief),
        "per_brief": per_brief,
    }


def engine_parts(n: int = 3000, seed: int = 8) -> dict[str, Any]:
    """recommend() taken apart: each stage timed on its own over the same briefs (µs per brief)."""
    from guide.engine import STRATEGIES, fired_rules, ranking, raw_scores, to_score
    from guide.planner import build_plan

    k = knowledge()
    fig = k.figures
    dicts = brief_dicts(n, seed)
    lgs = langs(n, seed)
    briefs = [CampaignBrief.model_validate(d) for d in dicts]
    for b, lg in zip(briefs, lgs, strict=True):
        recommend(b, lang=lg)
    fired = [fired_rules(b, k, fig) for b in briefs]
    orders = [ranking(raw_scores(f)) for f in fired]

    def plans() -> None:
        for b, order in zip(briefs, orders, strict=True):
            for s in order:
                if build_plan(s, b, k, fig) is not None:
                    break

    def timed(fn: Callable[[], object]) -> float:
        return min(_timed(fn)[0] for _ in range(3)) / n * 1e6

    total = timed(lambda: [recommend(b, lang=lg) for b, lg in zip(briefs, lgs, strict=True)])
    parts = {
        "rule conditions (fired_rules)": timed(lambda: [fired_rules(b, k, fig) for b in briefs]),
        "scores and ranking": timed(lambda: [(ranking(r), [to_score(r[s]) for s in STRATEGIES])
                                             for r in (raw_scores(f) for f in fired)]),
        "plan (build_plan until one fits)": timed(plans),
    }
    parts["explanations, warnings, output models (the rest)"] = max(0.0, total - sum(parts.values()))
    return {"briefs": n, "validate_us": timed(lambda: [CampaignBrief.model_validate(d) for d in dicts]),
            "recommend_us": total, "parts_us": parts}
