"""The rules compiled for speed: one bitmask per answer value, so a brief's fired rules are a few ANDs.

`Condition.weight` (guide/knowledge.py) stays the definition of when a condition holds; a `ConditionSet`
gives the same answer for a whole tuple of conditions at once (a property test compares the two on random
conditions, generated briefs and edited figures) without walking every condition's every field. The rules,
the tier-mix rows and the strategies' expert lines are compiled once per knowledge base; the tables are
immutable apart from caches of immutable values, so all sessions share them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from .knowledge import Condition, Figures, Knowledge, LineSpec, Rule
from .models import (
    AUDIENCES,
    BRAND_STAGES,
    CONTENTS,
    GOALS,
    INDUSTRIES,
    MAX_DURATION_WEEKS,
    PLATFORMS,
    STRATEGIES,
    CampaignBrief,
    Reason,
    Strategy,
)

MAX_WEEKS = MAX_DURATION_WEEKS


@dataclass(frozen=True)
class ConditionSet:
    conditions: tuple[Condition, ...]
    goal_full: dict[str, int]  # primary goal -> conditions whose goal test it passes at full weight
    goal_half: dict[str, int]  # secondary goal -> conditions it can satisfy at half weight
    secondary: dict[str | None, int]
    audience: dict[str, int]
    industry: dict[str, int]
    content: dict[str | None, int]
    brand_stage: dict[str, int]
    weeks: tuple[int, ...]  # index = duration in weeks (0 unused)
    platform_free: int  # conditions with no platform test
    platform: dict[str, int]
    budget: tuple[tuple[int, Condition], ...]  # (bit, condition) of conditions with a budget test

    def masks(self, brief: CampaignBrief, figures: Figures) -> tuple[int, int]:
        """(holds, half): bit i of `holds` is set when condition i holds (weight > 0); of `half`, when it holds
        only through the secondary goal (weight 0.5)."""
        weeks = brief.duration_weeks
        if not 1 <= weeks <= MAX_WEEKS:  # outside the brief's bounds: ask the definition itself
            ws = [c.weight(brief, figures) for c in self.conditions]
            return (sum(1 << i for i, w in enumerate(ws) if w > 0),
                    sum(1 << i for i, w in enumerate(ws) if 0 < w < 1))
        base = (self.secondary[brief.secondary_goal] & self.audience[brief.audience] & self.industry[brief.industry]
                & self.content[brief.content] & self.brand_stage[brief.brand_stage] & self.weeks[weeks])
        plat = self.platform_free
        for p in brief.platforms:
            plat |= self.platform[p]
        base &= plat
        full = base & self.goal_full[brief.goal]
        half = 0
        if brief.secondary_goal is not None:
            half = base & self.goal_half[brief.secondary_goal] & ~self.goal_full[brief.goal]
        mask = full | half
        for bit, cond in self.budget:
            if mask >> bit & 1 and not _budget_ok(cond, brief, figures):
                mask &= ~(1 << bit)
        return mask, half & mask

    def first_full(self, brief: CampaignBrief, figures: Figures) -> int | None:
        """The position of the first condition that holds at full weight, or None."""
        holds, half = self.masks(brief, figures)
        full = holds & ~half
        return (full & -full).bit_length() - 1 if full else None


def _budget_ok(cond: Condition, brief: CampaignBrief, figures: Figures) -> bool:
    if cond.budget_below is not None and brief.budget_idr >= figures.units_cost(cond.budget_below, brief):
        return False
    return not (cond.budget_at_least is not None
                and brief.budget_idr < figures.units_cost(cond.budget_at_least, brief))


def compile_conditions(conds: tuple[Condition, ...]) -> ConditionSet:
    def mask(passes: Callable[[Condition], bool]) -> int:
        return sum(1 << i for i, c in enumerate(conds) if passes(c))

    def any_of(name: str, value: object) -> int:
        return mask(lambda c: getattr(c, name) is None or value in getattr(c, name))

    def equal(name: str, value: object) -> int:
        return mask(lambda c: getattr(c, name) is None or getattr(c, name) == value)

    def half_via(g: str) -> int:
        return mask(lambda c: c.goal is not None and c.secondary_goal is None and g in c.goal)

    def weeks_ok(w: int) -> int:
        return mask(lambda c: (c.duration_weeks_min is None or w >= c.duration_weeks_min)
                    and (c.duration_weeks_max is None or w <= c.duration_weeks_max))

    def on_platform(p: str) -> int:
        return mask(lambda c: c.platforms_any is not None and p in c.platforms_any)

    return ConditionSet(
        conditions=conds,
        goal_full={g: any_of("goal", g) for g in GOALS},
        goal_half={g: half_via(g) for g in GOALS},
        secondary={g: any_of("secondary_goal", g) for g in (*GOALS, None)},
        audience={a: equal("audience", a) for a in AUDIENCES},
        industry={x: any_of("industry", x) for x in INDUSTRIES},
        content={c: any_of("content", c) for c in (*CONTENTS, None)},
        brand_stage={s: equal("brand_stage", s) for s in BRAND_STAGES},
        weeks=(0, *(weeks_ok(w) for w in range(1, MAX_WEEKS + 1))),
        platform_free=mask(lambda c: c.platforms_any is None),
        platform={p: on_platform(p) for p in PLATFORMS},
        budget=tuple((i, c) for i, c in enumerate(conds) if c.budget_below is not None or c.budget_at_least is not None),
    )


@dataclass(frozen=True)
class RuleTable:
    rules: tuple[Rule, ...]
    when: ConditionSet  # the rules' conditions, in file order
    index: dict[int, int]  # id(rule) -> its position (the table holds the rules, so ids stay valid)
    effects: tuple[tuple[float, ...], ...]  # per rule, its effect on each of STRATEGIES (0 where none)
    effect_sums: tuple[float, ...]  # per rule, the sum of its effects
    mix_rows: ConditionSet  # plan.yaml's tier-mix rows (the first that holds fully is used)
    expert_lines: dict[Strategy, tuple[ConditionSet, tuple[LineSpec, ...], tuple[LineSpec, ...]]]
    # Each rule's explanation per (position, weight, language), filled on first use by the engine (values are
    # immutable; the key space is bounded by rules × 2 weights × 2 languages).
    reasons: dict[tuple[int, float, str], Reason] = field(default_factory=dict, compare=False)

    def fired(self, brief: CampaignBrief, figures: Figures) -> list[tuple[Rule, float]]:
        """The rules that fire for `brief`, in file order, with their weight (1, or 0.5 via the secondary goal)."""
        mask, half = self.when.masks(brief, figures)
        out: list[tuple[Rule, float]] = []
        rules = self.rules
        while mask:
            low = mask & -mask
            out.append((rules[low.bit_length() - 1], 0.5 if half & low else 1.0))
            mask ^= low
        return out


def compile_rules(rules: tuple[Rule, ...], k: Knowledge | None = None) -> RuleTable:
    experts: dict[Strategy, tuple[ConditionSet, tuple[LineSpec, ...], tuple[LineSpec, ...]]] = {}
    if k is not None:
        for s, spec in k.plan.strategies.items():
            if spec.expert_line is not None:
                with_expert = (*spec.lines[:1], spec.expert_line.line, *spec.lines[1:])
                experts[s] = (compile_conditions((spec.expert_line.when,)), tuple(spec.lines), with_expert)
    return RuleTable(
        rules=rules,
        when=compile_conditions(tuple(r.when for r in rules)),
        index={id(r): i for i, r in enumerate(rules)},
        effects=tuple(tuple(float(r.effects.get(s, 0)) for s in STRATEGIES) for r in rules),
        effect_sums=tuple(float(sum(r.effects.values())) for r in rules),
        mix_rows=compile_conditions(tuple(row.when for row in k.plan.tier_mix) if k is not None else ()),
        expert_lines=experts,
    )


_TABLES: dict[int, tuple[Knowledge, RuleTable]] = {}


def rule_table(k: Knowledge) -> RuleTable:
    """The compiled table of a knowledge base, built on first use and kept while the knowledge lives."""
    hit = _TABLES.get(id(k))
    if hit is not None and hit[0] is k:
        return hit[1]
    table = compile_rules(k.rules, k)
    if len(_TABLES) > 64:
        _TABLES.clear()
    _TABLES[id(k)] = (k, table)
    return table
