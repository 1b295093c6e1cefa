"""Golden cases: briefs whose outcome a seed article states plainly (tests/golden_cases.yaml).

Every expectation is checked in Indonesian and in English: the language may change the words,
never the advice.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

from guide import CampaignBrief, Recommendation, recommend
from guide.knowledge import knowledge
from guide.models import KINDS, STRATEGIES

CASES_FILE = Path(__file__).with_name("golden_cases.yaml")
CASES: list[dict[str, Any]] = yaml.safe_load(CASES_FILE.read_text(encoding="utf-8"))["cases"]
EXPECT_KEYS = {
    "strategy", "planned_strategy", "runner_up", "plan_kinds_include", "plan_kinds_exclude", "plan_empty",
    "dominant_kind", "kind_phase", "min_count", "phases", "warnings_include", "warnings_exclude",
}
# Every advisory code the engine can emit (a typo in the YAML would make an exclude vacuous).
WARNING_CODES = {
    "budget-too-small", "compliance-doctor", "compliance-bpom", "disclosure", "kol-fee-assumption",
    "kol-availability", "low-engagement-mega", "management", "cost-band", "tier-scheme",
}


def _check(rec: Recommendation, expect: dict[str, Any]) -> None:
    kinds = [ln.kind for ln in rec.plan]
    codes = [w.code for w in rec.warnings]
    if "strategy" in expect:
        assert rec.strategy == expect["strategy"], f"strategy {rec.strategy}, scores {rec.scores}"
    if "planned_strategy" in expect:
        assert rec.planned_strategy == expect["planned_strategy"]
    if "runner_up" in expect:
        assert rec.runner_up == expect["runner_up"], f"scores {rec.scores}"
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
    for kind, n in expect.get("min_count", {}).items():
        line = next(ln for ln in rec.plan if ln.kind == kind)
        assert line.count >= n, f"only {line.count} {kind}"
    if "phases" in expect:
        assert sorted({ln.phase for ln in rec.plan}) == expect["phases"]
    for code in expect.get("warnings_include", []):
        assert code in codes, f"warning {code} missing from {codes}"
    for code in expect.get("warnings_exclude", []):
        assert code not in codes, f"warning {code} should not be in {codes}"


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
    assert expect, "a case must expect something"
    assert set(expect) <= EXPECT_KEYS, set(expect) - EXPECT_KEYS
    for key in ("strategy", "planned_strategy", "runner_up"):
        if expect.get(key) is not None:
            assert expect[key] in STRATEGIES
    for key in ("plan_kinds_include", "plan_kinds_exclude"):
        assert set(expect.get(key, [])) <= set(KINDS)
    assert set(expect.get("kind_phase", {})) <= set(KINDS)
    assert set(expect.get("min_count", {})) <= set(KINDS)
    if "dominant_kind" in expect:
        assert expect["dominant_kind"] in KINDS
    for key in ("warnings_include", "warnings_exclude"):
        assert set(expect.get(key, [])) <= WARNING_CODES


def test_golden_cases_cover_every_article_and_compliance_rule() -> None:
    assert len(CASES) >= 14
    assert len({c["id"] for c in CASES}) == len(CASES), "duplicate case id"
    per_article = Counter(c["article"] for c in CASES)
    for article in knowledge().sources.articles:
        assert per_article[article.id] >= 2, f"{article.id} has {per_article[article.id]} golden case(s)"
    included = {code for c in CASES for code in c["expect"].get("warnings_include", [])}
    compliance = {"compliance-doctor", "compliance-bpom", "disclosure", "tier-scheme", "budget-too-small"}
    assert compliance <= included, compliance - included
    assert {c["expect"]["strategy"] for c in CASES if "strategy" in c["expect"]} == set(STRATEGIES)
