"""The data files: a broken edit fails at load with a message naming the file, the item and the field,
and the shipped files cite their sources."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from guide import CampaignBrief, KnowledgeError, load_knowledge, recommend
from guide.advice.knowledge import DATA_DIR, knowledge, parse_rules

FILES = ("rules.yaml", "figures.yaml", "plan.yaml", "sources.yaml")
ENGINE_PY = Path(__file__).resolve().parents[2] / "guide" / "advice" / "engine.py"


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    for name in FILES:
        shutil.copy(DATA_DIR / name, tmp_path / name)
    return tmp_path


def _edit(data_dir: Path, filename: str, change: Callable[[Any], list[str]]) -> list[str]:
    path = data_dir / filename
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    expected = change(raw)
    path.write_text(yaml.safe_dump(raw, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return expected


def _rule(raw: dict[str, Any], pred: Callable[[dict[str, Any]], bool]) -> dict[str, Any]:
    return next(r for r in raw["rules"] if pred(r))


# Each breaker edits the parsed file and returns the fragments the error message must contain.
def _missing_reason_en(raw: dict[str, Any]) -> list[str]:
    r = raw["rules"][1]
    del r["reason"]["en"]
    return [r["id"], "reason.en"]


def _effect_99(raw: dict[str, Any]) -> list[str]:
    r = _rule(raw, lambda r: bool(r["effects"]))
    r["effects"][next(iter(r["effects"]))] = 99
    return [r["id"], "effects", "99"]


def _unknown_strategy(raw: dict[str, Any]) -> list[str]:
    r = raw["rules"][2]
    r["effects"]["celebrity"] = 5
    return [r["id"], "effects", "celebrity"]


def _unknown_industry(raw: dict[str, Any]) -> list[str]:
    r = _rule(raw, lambda r: "industry" in r["when"])
    r["when"]["industry"] = [*r["when"]["industry"], "pharma"]
    return [r["id"], "when.industry"]


def _duplicate_id(raw: dict[str, Any]) -> list[str]:
    raw["rules"][4]["id"] = raw["rules"][3]["id"]
    return [raw["rules"][3]["id"], "id", "duplicate"]


def _unknown_article(raw: dict[str, Any]) -> list[str]:
    r = raw["rules"][5]
    r["source"]["article"] = "999_not_a_seed.txt"
    return [r["id"], "source.article", "999_not_a_seed.txt"]


def _bad_rule_id(raw: dict[str, Any]) -> list[str]:
    raw["rules"][0]["id"] = "Not A Valid Id!"
    return ["Not A Valid Id!", "id"]


def _unknown_condition_field(raw: dict[str, Any]) -> list[str]:
    r = raw["rules"][0]
    r["when"]["budget_over"] = 5
    return [r["id"], "when.budget_over"]


def _rate_low_above_high(raw: dict[str, Any]) -> list[str]:
    k = raw["kinds"]["micro"]
    k["rate_low"]["value"] = k["rate_high"]["value"] + 1
    return ["micro", "rate_low"]


def _er_over_100(raw: dict[str, Any]) -> list[str]:
    raw["kinds"]["nano"]["er_high"]["value"] = 250
    return ["nano", "er_high"]


def _unknown_figure_source(raw: dict[str, Any]) -> list[str]:
    raw["kinds"]["mega"]["followers_low"]["reference"] = "a-blog-somewhere"
    return ["mega", "followers", "a-blog-somewhere"]


def _missing_kind(raw: dict[str, Any]) -> list[str]:
    del raw["kinds"]["koc"]
    return ["kinds", "koc"]


def _completion_above_1(raw: dict[str, Any]) -> list[str]:
    raw["completion_factor"]["value"] = 1.5
    return ["completion_factor"]


def _mix_not_1(raw: dict[str, Any]) -> list[str]:
    row = raw["tier_mix"][0]
    first = next(iter(row["mix"]))
    row["mix"][first] += 0.25
    return ["tier_mix", "mix"]


def _mix_with_koc(raw: dict[str, Any]) -> list[str]:
    raw["tier_mix"][-1]["mix"] = {"koc": 1.0}
    return ["tier_mix", "mix", "koc"]


def _no_fallback_row(raw: dict[str, Any]) -> list[str]:
    raw["tier_mix"][-1]["when"] = {"goal": ["sales"]}
    return ["tier_mix", "fallback"]


BREAKERS: list[tuple[str, str, Callable[[Any], list[str]]]] = [
    ("missing-reason-en", "rules.yaml", _missing_reason_en),
    ("effect-99", "rules.yaml", _effect_99),
    ("unknown-strategy-in-effects", "rules.yaml", _unknown_strategy),
    ("unknown-industry-in-condition", "rules.yaml", _unknown_industry),
    ("duplicate-rule-id", "rules.yaml", _duplicate_id),
    ("unknown-source-article", "rules.yaml", _unknown_article),
    ("malformed-rule-id", "rules.yaml", _bad_rule_id),
    ("unknown-condition-field", "rules.yaml", _unknown_condition_field),
    ("rate-low-above-high", "figures.yaml", _rate_low_above_high),
    ("engagement-over-100", "figures.yaml", _er_over_100),
    ("unknown-figure-source", "figures.yaml", _unknown_figure_source),
    ("missing-kind", "figures.yaml", _missing_kind),
    ("completion-above-1", "figures.yaml", _completion_above_1),
    ("tier-mix-not-1", "plan.yaml", _mix_not_1),
    ("tier-mix-with-koc", "plan.yaml", _mix_with_koc),
    ("tier-mix-without-fallback", "plan.yaml", _no_fallback_row),
]


@pytest.mark.parametrize(("filename", "breaker"), [b[1:] for b in BREAKERS], ids=[b[0] for b in BREAKERS])
def test_broken_file_names_file_item_and_field(data_dir: Path, filename: str,
                                                breaker: Callable[[Any], list[str]]) -> None:
    expected = _edit(data_dir, filename, breaker)
    with pytest.raises(KnowledgeError) as exc:
        load_knowledge(data_dir)
    msg = str(exc.value)
    assert msg.startswith(f"{filename}:"), msg
    for fragment in expected:
        assert fragment in msg, f"{fragment!r} not in {msg!r}"
    assert "\n" not in msg, "one line, fit for a status bar"


@pytest.mark.parametrize("filename", FILES)
def test_file_that_is_not_yaml_is_named(data_dir: Path, filename: str) -> None:
    (data_dir / filename).write_text("rules: [\n  - id: x\n  : : {\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match=rf"^{re.escape(filename)}: not valid YAML"):
        load_knowledge(data_dir)


@pytest.mark.parametrize("filename", FILES)
def test_missing_file_is_named(data_dir: Path, filename: str) -> None:
    (data_dir / filename).unlink()
    with pytest.raises(KnowledgeError, match=rf"^{re.escape(filename)}: cannot be read"):
        load_knowledge(data_dir)


def test_hit_policy_must_be_collect_sum(data_dir: Path) -> None:
    def first_hit(raw: dict[str, Any]) -> list[str]:
        raw["hit_policy"] = "first"
        return []

    _edit(data_dir, "rules.yaml", first_hit)
    with pytest.raises(KnowledgeError, match=r"^rules\.yaml: hit_policy"):
        load_knowledge(data_dir)


def test_plan_source_typo_is_rejected(data_dir: Path) -> None:
    def typo(raw: dict[str, Any]) -> list[str]:
        raw["strategies"]["koc"]["source"] = "004_typo.txt"
        return []

    _edit(data_dir, "plan.yaml", typo)
    with pytest.raises(KnowledgeError, match=r"plan\.yaml: strategy 'koc': field 'source': unknown source '004_typo\.txt'"):
        load_knowledge(data_dir)


def test_tier_scheme_source_typo_is_rejected_at_load(data_dir: Path) -> None:
    def typo(raw: dict[str, Any]) -> list[str]:
        raw["tier_scheme"]["source"] = "imh-2012"
        return []

    _edit(data_dir, "figures.yaml", typo)
    with pytest.raises(KnowledgeError, match="imh-2012"):
        k = load_knowledge(data_dir)
        brief = CampaignBrief(goal="awareness", budget_idr=10_000_000, audience="broad", industry="fashion")
        recommend(brief, k=k)


def test_parse_rules_reports_rule_and_field_directly() -> None:
    raw = yaml.safe_load((DATA_DIR / "rules.yaml").read_text(encoding="utf-8"))
    assert len(parse_rules(raw)) == len(raw["rules"])
    raw["rules"][0]["reason"]["id"] = ""
    with pytest.raises(KnowledgeError) as exc:
        parse_rules(raw, filename="my-rules.yaml")
    assert str(exc.value).startswith(f"my-rules.yaml: rule '{raw['rules'][0]['id']}': field 'reason.id'")
    with pytest.raises(KnowledgeError, match="'rules' list"):
        parse_rules(["not", "a", "mapping"])
    with pytest.raises(KnowledgeError, match=r"rule #1"):
        parse_rules({"hit_policy": "collect-sum", "rules": ["just a string"]})


def test_edited_copy_changes_the_advice(data_dir: Path) -> None:
    # The data really drives the engine: flipping one rule's effect in a copy changes the recommendation.
    brief = CampaignBrief(goal="testimonials", budget_idr=10_000_000, audience="broad", industry="food")
    assert recommend(brief, k=load_knowledge(data_dir)).strategy == "koc"

    def flip(raw: dict[str, Any]) -> list[str]:
        _rule(raw, lambda r: r["id"] == "a004-koc-testimonials")["effects"] = {"koc": -35}
        return []

    _edit(data_dir, "rules.yaml", flip)
    assert recommend(brief, k=load_knowledge(data_dir)).strategy != "koc"


# ---------------------------------------------------------------- the shipped files cite their sources


def test_shipped_knowledge_loads() -> None:
    k = load_knowledge(DATA_DIR)
    assert k == knowledge()
    assert len(k.rules) >= 20


def test_every_rule_cites_an_article_or_reference_with_a_passage() -> None:
    k = knowledge()
    articles = {a.id for a in k.sources.articles}
    references = {r.id for r in k.sources.references}
    for rule in k.rules:
        assert rule.source.article in articles | references, rule.id
        assert len(rule.source.passage.split()) >= 3, rule.id
        assert rule.reason.id.strip() and rule.reason.en.strip(), rule.id
        assert rule.reason.id != rule.reason.en, f"{rule.id}: reason not translated"


def test_every_article_is_cited_by_a_rule() -> None:
    k = knowledge()
    cited = {r.source.article for r in k.rules}
    assert len(k.sources.articles) == 5
    for article in k.sources.articles:
        assert article.id in cited, f"no rule cites {article.id}"


def test_every_figure_has_a_known_source() -> None:
    k = knowledge()
    known = k.sources.ids()
    fig = k.figures
    for kind, row in fig.kinds.items():
        for name in ("rate_source", "followers_source", "er_source", "reach_source"):
            assert getattr(row, name) in known, f"{kind}.{name}"
    for name, factor in fig.factors().items():
        assert factor.source in known, name
    assert fig.tier_scheme.source in known
    for scheme in fig.tier_scheme.other_schemes:
        assert scheme["id"] in known
    for name, spec in k.plan.strategies.items():
        assert spec.source in known, name
    for row in k.plan.tier_mix:
        assert row.source in known, row.id


def test_kol_fee_is_flagged_as_an_assumption() -> None:
    # No public rate card exists for expert KOLs (market-figures reference): the app must say so.
    kol = knowledge().figures.kinds["kol"]
    assert kol.rate_assumption
    assert kol.rate_source == "no-kol-ratecard"


def test_engine_advisories_cite_known_sources(data_dir: Path) -> None:
    # Every source the engine's advisories cite is checked at load: a sources.yaml without one fails there,
    # not later inside recommend() for some unlucky brief.
    from guide.advice.engine import ADVISORY_SOURCES, COMPLIANCE_RULES

    cited = re.findall(r'_adv\("[^"]+", .*?, k, lg, "([^"]+)"\)', ENGINE_PY.read_text(encoding="utf-8"), re.S)
    assert cited and set(cited) | {sid for _, sid in COMPLIANCE_RULES.values()} <= set(ADVISORY_SOURCES)
    known = knowledge().sources.ids()
    assert set(ADVISORY_SOURCES) <= known

    def drop(raw: dict[str, Any]) -> list[str]:
        raw["references"] = [r for r in raw["references"] if r["id"] != "ftc-255"]
        return []

    _edit(data_dir, "sources.yaml", drop)
    with pytest.raises(KnowledgeError, match="ftc-255"):
        load_knowledge(data_dir)


def test_rules_doc_lists_every_rule() -> None:
    # docs/rules.md traces the articles to the rules; a rule added to data/ must be documented there too.
    doc = (Path(__file__).resolve().parents[2] / "docs" / "rules.md").read_text(encoding="utf-8")
    undocumented = [r.id for r in knowledge().rules if f"| `{r.id}` |" not in doc]
    assert undocumented == []


# ---------------------------------------------------------------- figures say where they come from (issue 9.4)

VALUES = [f"{n}_{e}" for n in ("rate", "followers", "er", "reach") for e in ("low", "high")]


def test_every_figure_has_a_unit_and_a_dated_reference() -> None:
    fig = knowledge().figures
    known = knowledge().sources.ids()
    for kind, row in fig.kinds.items():
        assert set(row.meta) == set(VALUES), kind
        for key, m in row.meta.items():
            assert m.unit.strip() and m.reference in known and m.as_of.year >= 2019, (kind, key)
            assert bool(m.note) == bool(m.note_id), f"{kind}.{key}: a note needs both languages"
        for name in ("rate", "followers", "er", "reach"):
            assert row.note(name, "id") != row.note(name, "en") or not row.note(name, "en"), (kind, name)
    for name, factor in fig.factors().items():
        assert factor.unit.strip() and factor.as_of is not None and factor.note.strip(), name
        assert factor.note_id.strip() and factor.note_text("id") != factor.note_text("en"), name


@pytest.mark.parametrize("name", ["er", "reach"])
def test_engagement_and_reach_rates_fall_from_nano_to_mega(name: str) -> None:
    # Article 002 and the benchmarks (IMH 2021, HypeAuditor, Later x Fohr; Minter.io and 2024 summaries for
    # reach): the bigger the audience, the lower the rate.
    kinds = knowledge().figures.kinds
    for end in ("low", "high"):
        values = [getattr(kinds[t], f"{name}_{end}") for t in ("nano", "micro", "mid", "macro", "mega")]
        assert values == sorted(values, reverse=True), (end, values)
        assert values[0] > values[-1]


# The rate bands the market-figures compilation gives per source (IDR per post), copied from it by hand.
SOURCE_RATES = {
    ("nano", "iam-2024"): (100_000, 500_000), ("nano", "herald-2024"): (50_000, 500_000),
    ("micro", "herald-2024"): (500_000, 2_500_000), ("micro", "iam-2024"): (500_000, 2_500_000),
    ("mid", "iam-2024"): (2_500_000, 5_000_000), ("macro", "iam-2024"): (10_000_000, None),
    ("macro", "herald-2024"): (2_500_000, 10_000_000), ("mega", "herald-2024"): (10_000_000, 100_000_000),
    ("mega", "iam-2024"): (10_000_000, 50_000_000),
}


@pytest.mark.parametrize("kind", ["nano", "micro", "mid", "macro", "mega"])
def test_each_rate_matches_its_source_or_is_labelled_an_assumption(kind: str) -> None:
    row = knowledge().figures.kinds[kind]
    for i, end in enumerate(("low", "high")):
        m = row.meta[f"rate_{end}"]
        if m.assumption:
            continue
        band = SOURCE_RATES.get((kind, m.reference))
        assert band is not None, f"{kind} rate_{end} cites {m.reference}, which gives no {kind} band"
        assert getattr(row, f"rate_{end}") == band[i], f"{kind} rate_{end} differs from {m.reference}"


def test_plan_shares_no_article_gives_are_labelled_assumptions() -> None:
    plan = knowledge().plan
    for name, spec in plan.strategies.items():
        if len(spec.lines) > 1:
            assert spec.shares_assumption, name
    assert all(row.shares_assumption for row in plan.tier_mix)
    assert plan.trust_line is not None and plan.trust_line.shares_assumption


def test_sources_have_titles_in_both_languages_a_publisher_and_a_link_where_known() -> None:
    s = knowledge().sources
    for sid in s.ids():
        src = s.get(sid)
        assert src.title("id").strip() and src.title("en").strip() and src.publisher.strip()
        assert src.url is None or src.url.startswith("https://")
    assert s.get("ftc-255").title("en").startswith("US FTC")
    assert s.get("ftc-255").title("id") != s.get("ftc-255").title("en")
    assert s.get("001_9225be13452d9c3d.txt").publisher == "Kantamedia.com"
    with pytest.raises(KeyError):
        s.get("no-such-source")
    rec = recommend(CampaignBrief(goal="credibility", budget_idr=100_000_000, audience="niche", industry="health"),
                    lang="en")
    assert all(r.source.publisher for r in rec.reasons)
    assert any(r.source.url for r in rec.reasons)


def test_data_files_hold_no_internal_notes() -> None:
    for name in (*FILES, "presets.yaml"):
        text = (DATA_DIR / name).read_text(encoding="utf-8").casefold()
        for phrase in ("salinan yang kami punya", "our copy", "todo", "fixme"):
            assert phrase not in text, (name, phrase)
