"""Golden cases: briefs whose outcome a seed article states plainly (tests/advice/golden_cases.yaml).

Every expectation is checked in Indonesian and in English: the language may change the words, never the
advice. The cases pin the winner, runner-up, exact raw scores and the plan's lines with their weeks, and
every rule in data/rules.yaml must matter to at least one case: removing it, or flipping the sign of its
effects, changes a pinned result.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

from guide import CampaignBrief, Recommendation, recommend
from guide.advice.knowledge import Knowledge, Rule, knowledge
from guide.advice.models import KINDS, STRATEGIES

CASES_FILE = Path(__file__).with_name("golden_cases.yaml")
CASES: list[dict[str, Any]] = yaml.safe_load(CASES_FILE.read_text(encoding="utf-8"))["cases"]
EXPECT_KEYS = {
    "strategy", "planned_strategy", "runner_up", "raw_scores", "plan", "plan_kinds_include",
    "plan_kinds_exclude", "plan_empty", "dominant_kind", "kind_phase", "warnings_include", "warnings_exclude",
    "money",
}
# Every advisory code the engine can emit, written out here (a typo in the YAML would make an exclude vacuous).
WARNING_CODES = {
    "budget-too-small", "close-call", "compliance-doctor", "compliance-bpom-drug",
    "compliance-traditional-medicine", "compliance-bpom-cosmetics", "disclosure", "kol-fee-assumption",
    "kol-availability", "low-engagement-mega", "management-at-planning", "management", "management-agency",
    "trust-koc-missing", "cost-band", "reserve", "capacity", "unallocated", "reach-basis", "tier-scheme", "koc-cost",
    "audience-descriptors",
    # Indonesian rules (issue 20)
    "compliance-medical-device", "compliance-supplement", "compliance-processed-food", "compliance-halal",
    "compliance-minors",
}


def _check(rec: Recommendation, expect: dict[str, Any]) -> None:
    kinds = [ln.kind for ln in rec.plan]
    codes = [w.code for w in rec.warnings]
    if "strategy" in expect:
        assert rec.strategy == expect["strategy"], f"strategy {rec.strategy}, scores {rec.raw_scores}"
    if "planned_strategy" in expect:
        assert rec.planned_strategy == expect["planned_strategy"]
    if "runner_up" in expect:
        assert rec.runner_up == expect["runner_up"], f"scores {rec.raw_scores}"
    if "raw_scores" in expect:
        assert rec.raw_scores == pytest.approx(expect["raw_scores"]), rec.raw_scores
    if "plan" in expect:
        got = [{"kind": ln.kind, "phase": ln.phase, "start_week": ln.start_week, "end_week": ln.end_week}
               for ln in rec.plan]
        assert got == expect["plan"]
    for kind in expect.get("plan_kinds_include", []):
        assert kind in kinds, f"{kind} missing from plan {kinds}"
    for kind in expect.get("plan_kinds_exclude", []):
        assert kind not in kinds, f"{kind} should not be in plan {kinds}"
    if expect.get("plan_empty"):
        assert rec.plan == ()
        assert rec.total_cost_idr == 0
    if "dominant_kind" in expect:
        top = max(rec.plan, key=lambda ln: ln.cost_idr)
        assert top.kind == expect["dominant_kind"], [(ln.kind, ln.cost_idr) for ln in rec.plan]
    for kind, phase in expect.get("kind_phase", {}).items():
        line = next(ln for ln in rec.plan if ln.kind == kind)
        assert line.phase == phase, f"{kind} runs in phase {line.phase}"
    for code in expect.get("warnings_include", []):
        assert code in codes, f"warning {code} missing from {codes}"
    for code in expect.get("warnings_exclude", []):
        assert code not in codes, f"warning {code} should not be in {codes}"
    if "money" in expect:  # literal rupiah and accounts, worked by hand in the case's note
        m = expect["money"]
        for key in ("reserve_idr", "total_cost_idr", "agency_fee_idr", "unallocated_idr", "unallocated_reason"):
            if key in m:
                assert getattr(rec, key) == m[key], (key, getattr(rec, key))
        if "lines" in m:
            got_lines = [{"kind": ln.kind, "count": ln.count, "posts": ln.posts, "cost_idr": ln.cost_idr}
                         for ln in rec.plan]
            assert got_lines == m["lines"]
        if "reach_total" in m:
            assert [rec.reach_total.low, rec.reach_total.high] == m["reach_total"]
        if "engagements_total" in m:
            assert [rec.engagements_total.low, rec.engagements_total.high] == m["engagements_total"]


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_golden_case(case: dict[str, Any], lang: str) -> None:
    brief = CampaignBrief.model_validate(case["brief"])
    rec = recommend(brief, lang=lang)
    assert rec.lang == lang
    _check(rec, case["expect"])


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_golden_case_is_well_formed(case: dict[str, Any]) -> None:
    # A malformed case would silently check nothing, so the file is held to its own format.
    articles = {a.id for a in knowledge().sources.articles}
    assert case["article"] in articles
    assert len(case["passage"].split()) >= 5
    expect = case["expect"]
    assert set(expect) <= EXPECT_KEYS, set(expect) - EXPECT_KEYS
    assert {"strategy", "runner_up", "raw_scores", "plan"} <= set(expect), "every case pins the whole result"
    for key in ("strategy", "planned_strategy", "runner_up"):
        if expect.get(key) is not None:
            assert expect[key] in STRATEGIES
    assert set(expect["raw_scores"]) == set(STRATEGIES)
    for key in ("plan_kinds_include", "plan_kinds_exclude"):
        assert set(expect.get(key, [])) <= set(KINDS)
    assert {ln["kind"] for ln in expect["plan"]} <= set(KINDS)
    assert set(expect.get("kind_phase", {})) <= set(KINDS)
    for key in ("warnings_include", "warnings_exclude"):
        assert set(expect.get(key, [])) <= WARNING_CODES


def test_golden_cases_cover_every_article_strategy_and_compliance_advisory() -> None:
    assert len(CASES) >= 20
    assert len({c["id"] for c in CASES}) == len(CASES), "duplicate case id"
    per_article = Counter(c["article"] for c in CASES)
    for article in knowledge().sources.articles:
        assert per_article[article.id] >= 2, f"{article.id} has {per_article[article.id]} golden case(s)"
    included = {code for c in CASES for code in c["expect"].get("warnings_include", [])}
    wanted = {"compliance-doctor", "compliance-bpom-drug", "compliance-traditional-medicine",
              "compliance-bpom-cosmetics", "disclosure", "tier-scheme", "budget-too-small", "close-call",
              "management-at-planning", "management-agency", "capacity", "reserve", "reach-basis"}
    assert wanted <= included, wanted - included
    assert {c["expect"]["strategy"] for c in CASES} == set(STRATEGIES)


# ---------------------------------------------------------------- every rule matters to some case

def _signature(k: Knowledge) -> list[tuple[Any, ...]]:
    out = []
    for c in CASES:
        rec = recommend(CampaignBrief.model_validate(c["brief"]), lang="en", k=k)
        out.append((rec.strategy, rec.runner_up, tuple(sorted(rec.raw_scores.items())),
                    tuple((ln.kind, ln.phase, ln.start_week, ln.end_week) for ln in rec.plan)))
    return out


def _pinned() -> list[tuple[Any, ...]]:
    out = []
    for c in CASES:
        e = c["expect"]
        out.append((e["strategy"], e["runner_up"], tuple(sorted((s, float(v)) for s, v in e["raw_scores"].items())),
                    tuple((ln["kind"], ln["phase"], ln["start_week"], ln["end_week"]) for ln in e["plan"])))
    return out


def _flipped(rule: Rule) -> Rule:
    return rule.model_copy(update={"effects": {s: -e for s, e in rule.effects.items()}})


@pytest.mark.parametrize("change", ["removed", "flipped"])
@pytest.mark.parametrize("rule_id", [r.id for r in knowledge().rules])
def test_every_rule_changes_a_pinned_golden_result(rule_id: str, change: str) -> None:
    k = knowledge()
    assert _signature(k) == _pinned()  # the shipped rules give exactly the pinned results
    rules = tuple(r for r in k.rules if r.id != rule_id) if change == "removed" else \
        tuple(_flipped(r) if r.id == rule_id else r for r in k.rules)
    changed = _signature(k.model_copy(update={"rules": rules}))
    differs = [c["id"] for c, a, b in zip(CASES, _pinned(), changed, strict=True) if a != b]
    assert differs, f"no golden case notices rule {rule_id} {change}"
