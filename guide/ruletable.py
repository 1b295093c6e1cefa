"""The rules compiled for speed: one bitmask per answer value, so a brief's fired rules are a few ANDs.

`Condition.weight` (guide/knowledge.py) stays the definition of when a rule fires; this table gives the same
answer (a property test compares the two on generated briefs and edited figures) without walking every
rule's every field. It is built once per knowledge base and is immutable, so all sessions share it.
"""

from __future__ import annotations

from dataclasses import dataclass

from .knowledge import Condition, Figures, Knowledge, Rule
from .models import (
    AUDIENCES,
    BRAND_STAGES,
    CONTENTS,
    GOALS,
    INDUSTRIES,
    PLATFORMS,
    STRATEGIES,
    CampaignBrief,
)

MAX_WEEKS = 104


@dataclass(frozen=True)
class RuleTable:
    rules: tuple[Rule, ...]
    index: dict[int, int]  # id(rule) -> its position (the table holds the rules, so ids stay valid)
    effects: tuple[tuple[float, ...], ...]  # per rule, its effect on each of STRATEGIES (0 where none)
    effect_sums: tuple[float, ...]  # per rule, the sum of its effects
    goal_full: dict[str, int]  # primary goal -> rules whose goal test it passes at full weight
    goal_half: dict[str, int]  # secondary goal -> rules it can satisfy at half weight
    secondary: dict[str | None, int]
    audience: dict[str, int]
    industry: dict[str, int]
    content: dict[str | None, int]
    brand_stage: dict[str, int]
    weeks: tuple[int, ...]  # index = duration in weeks (0 unused)
    platform_free: int  # rules with no platform test
    platform: dict[str, int]
    budget_rules: tuple[tuple[int, Condition], ...]  # (bit, condition) of rules with a budget test

    def fired(self, brief: CampaignBrief, figures: Figures) -> list[tuple[Rule, float]]:
        """The rules that fire for `brief`, in file order, with their weight (1, or 0.5 via the secondary goal)."""
        weeks = brief.duration_weeks
        if not 1 <= weeks <= MAX_WEEKS:  # outside the brief's bounds: ask the definition itself
            return [(r, w) for r in self.rules if (w := r.when.weight(brief, figures)) > 0]
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
        for bit, cond in self.budget_rules:
            if mask >> bit & 1 and not _budget_ok(cond, brief, figures):
                mask &= ~(1 << bit)
        out: list[tuple[Rule, float]] = []
        rules = self.rules
        while mask:
            low = mask & -mask
            i = low.bit_length() - 1
            out.append((rules[i], 0.5 if half & low else 1.0))
            mask ^= low
        return out


def _budget_ok(cond: Condition, brief: CampaignBrief, figures: Figures) -> bool:
    if cond.budget_below is not None and brief.budget_idr >= figures.units_cost(cond.budget_below, brief):
        return False
    return not (cond.budget_at_least is not None
                and brief.budget_idr < figures.units_cost(cond.budget_at_least, brief))


def _mask(rules: tuple[Rule, ...], passes: object) -> int:
    m = 0
    for i, r in enumerate(rules):
        if passes(r.when):  # type: ignore[operator]
            m |= 1 << i
    return m


def compile_rules(rules: tuple[Rule, ...]) -> RuleTable:
    def any_of(field: str, value: object) -> int:
        return _mask(rules, lambda c: getattr(c, field) is None or value in getattr(c, field))

    def equal(field: str, value: object) -> int:
        return _mask(rules, lambda c: getattr(c, field) is None or getattr(c, field) == value)

    def weeks_ok(c: Condition, w: int) -> bool:
        return (c.duration_weeks_min is None or w >= c.duration_weeks_min) and \
            (c.duration_weeks_max is None or w <= c.duration_weeks_max)

    return RuleTable(
        rules=rules,
        index={id(r): i for i, r in enumerate(rules)},
        effects=tuple(tuple(float(r.effects.get(s, 0)) for s in STRATEGIES) for r in rules),
        effect_sums=tuple(float(sum(r.effects.values())) for r in rules),
        goal_full={g: any_of("goal", g) for g in GOALS},
        goal_half={g: _mask(rules, lambda c, g=g: c.goal is not None and c.secondary_goal is None and g in c.goal)
                   for g in GOALS},
        secondary={g: any_of("secondary_goal", g) for g in (*GOALS, None)},
        audience={a: equal("audience", a) for a in AUDIENCES},
        industry={x: any_of("industry", x) for x in INDUSTRIES},
        content={c: any_of("content", c) for c in (*CONTENTS, None)},
        brand_stage={s: equal("brand_stage", s) for s in BRAND_STAGES},
        weeks=(0, *(_mask(rules, lambda c, w=w: weeks_ok(c, w)) for w in range(1, MAX_WEEKS + 1))),
        platform_free=_mask(rules, lambda c: c.platforms_any is None),
        platform={p: _mask(rules, lambda c, p=p: c.platforms_any is not None and p in c.platforms_any)
                  for p in PLATFORMS},
        budget_rules=tuple((i, r.when) for i, r in enumerate(rules)
                           if r.when.budget_below is not None or r.when.budget_at_least is not None),
    )


_TABLES: dict[int, tuple[Knowledge, RuleTable]] = {}


def rule_table(k: Knowledge) -> RuleTable:
    """The compiled table of a knowledge base, built on first use and kept while the knowledge lives."""
    hit = _TABLES.get(id(k))
    if hit is not None and hit[0] is k:
        return hit[1]
    table = compile_rules(k.rules)
    if len(_TABLES) > 64:
        _TABLES.clear()
    _TABLES[id(k)] = (k, table)
    return table
