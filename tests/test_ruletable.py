"""The compiled tables must decide exactly as `Condition.weight` (the definition) and plan.yaml say."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import briefs

from guide.knowledge import BudgetTest, Condition, LocalText, Rule, RuleSource, knowledge
from guide.models import AUDIENCES, BRAND_STAGES, CONTENTS, GOALS, INDUSTRIES, KINDS, PLATFORMS, STRATEGIES, TIERS
from guide.planner import line_specs
from guide.ruletable import compile_conditions, compile_rules, rule_table

FAST = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow], max_examples=400)


def by_definition(rules: tuple[Rule, ...], brief: Any, figures: Any) -> list[tuple[str, float]]:
    return [(r.id, w) for r in rules if (w := r.when.weight(brief, figures)) > 0]


def subset(values: tuple[Any, ...]) -> st.SearchStrategy[tuple[Any, ...] | None]:
    return st.none() | st.lists(st.sampled_from(values), min_size=1, max_size=3, unique=True).map(tuple)


budget_tests = st.none() | st.builds(BudgetTest, kind=st.sampled_from(KINDS), count=st.integers(1, 40),
                                     band=st.sampled_from(["low", "mid", "high"]))
conditions = st.builds(
    Condition,
    goal=subset(GOALS), secondary_goal=subset(GOALS), audience=st.none() | st.sampled_from(AUDIENCES),
    industry=subset(INDUSTRIES), platforms_any=subset(PLATFORMS), content=subset(CONTENTS),
    brand_stage=st.none() | st.sampled_from(BRAND_STAGES),
    duration_weeks_min=st.none() | st.integers(1, 104), duration_weeks_max=st.none() | st.integers(1, 104),
    budget_below=budget_tests, budget_at_least=budget_tests,
)


def make_rules(conds: list[Condition]) -> tuple[Rule, ...]:
    text = LocalText(id="x", en="x")
    return tuple(Rule(id=f"rule-{i:03d}", label=text, description="x", when=c, effects={STRATEGIES[i % 4]: 5},
                      reason=text, source=RuleSource(article="a", passage="p")) for i, c in enumerate(conds))


@FAST
@given(brief=briefs())
def test_shipped_rules_fire_as_defined(brief: Any) -> None:
    k = knowledge()
    fired = [(r.id, w) for r, w in rule_table(k).fired(brief, k.figures)]
    assert fired == by_definition(k.rules, brief, k.figures)


@FAST
@given(brief=briefs(), conds=st.lists(conditions, min_size=1, max_size=12),
       micro_high=st.integers(1_000_000, 50_000_000))
def test_any_rules_fire_as_defined(brief: Any, conds: list[Condition], micro_high: int) -> None:
    """Random conditions over every field (half weight via the secondary goal, platforms, weeks, budgets),
    against edited figures (budget tests read the rate bands)."""
    k = knowledge()
    fig = k.figures.model_copy(update={"kinds": {**k.figures.kinds, "micro": k.figures.kinds["micro"].model_copy(
        update={"rate_high": micro_high})}})
    rules = make_rules(conds)
    fired = [(r.id, w) for r, w in compile_rules(rules).fired(brief, fig)]
    assert fired == by_definition(rules, brief, fig)


@FAST
@given(brief=briefs(), conds=st.lists(conditions, min_size=1, max_size=8))
def test_first_full_condition_as_defined(brief: Any, conds: list[Condition]) -> None:
    k = knowledge()
    want = next((i for i, c in enumerate(conds) if c.weight(brief, k.figures) == 1.0), None)
    assert compile_conditions(tuple(conds)).first_full(brief, k.figures) == want


@FAST
@given(brief=briefs())
def test_plan_lines_chosen_as_plan_yaml_says(brief: Any) -> None:
    """The tier-mix row is the first whose condition holds fully; an expert line joins (second) when its
    condition holds fully; the cheapest tier of the mix is the core line."""
    k = knowledge()
    fig = k.figures
    row = k.plan.mix_for(brief, fig)
    cheapest = min(row.mix, key=lambda t: (fig.kinds[t].rate_mid, TIERS.index(t)))
    specs = line_specs("influencer", brief, k, fig)
    assert [s.kind for s in specs] == sorted(row.mix, key=lambda t: (-row.mix[t], TIERS.index(t)))
    assert [s.kind for s in specs if s.core] == [cheapest]
    for strategy in ("kol", "koc", "combined"):
        spec = k.plan.strategies[strategy]
        want = list(spec.lines)
        if spec.expert_line is not None and spec.expert_line.when.weight(brief, fig) == 1.0:
            want.insert(1, spec.expert_line.line)
        assert list(line_specs(strategy, brief, k, fig)) == want
