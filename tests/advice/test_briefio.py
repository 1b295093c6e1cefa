"""Share links, brief files and typed amounts: every bad input becomes a named problem, never an error."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import briefs

from guide import CampaignBrief
from guide.advice.brief_io import (
    DEFAULT_BRIEF,
    BriefError,
    brief_from_json,
    brief_from_params,
    brief_to_json,
    brief_to_params,
    parse_amount,
)


def params(**kw: str | list[str]) -> dict[str, list[str]]:
    return {k: v if isinstance(v, list) else [v] for k, v in kw.items()}


def test_share_link_round_trip_keeps_every_field():
    b = CampaignBrief(goal="launch", budget_idr=123_456_789, audience="broad", industry="beauty",
                      platforms=["tiktok", "instagram"], brand_stage="new", content="authentic", duration_weeks=9,
                      secondary_goal="testimonials", product_value_idr=150_000, name="Peluncuran Serum #1")
    p = brief_to_params(b, "en")
    assert p["platforms"] == "instagram,tiktok" and p["lang"] == "en"
    back, lang, problems = brief_from_params({k: [v] for k, v in p.items()})
    assert back == b and lang == "en" and problems == []


@settings(max_examples=300, deadline=None)
@given(briefs(), st.sampled_from(["id", "en"]))
def test_every_brief_survives_a_share_link(brief, lang):
    back, lang_back, problems = brief_from_params({k: [v] for k, v in brief_to_params(brief, lang).items()})
    assert (back, lang_back, problems) == (brief, lang, [])


def test_a_link_means_the_same_brief_as_a_json_file_with_the_same_fields():
    fields = {"goal": "sales", "budget_idr": "60000000", "audience": "niche", "industry": "parenting"}
    b, _, _ = brief_from_params({k: [v] for k, v in fields.items()})
    assert b == CampaignBrief(goal="sales", budget_idr=60_000_000, audience="niche", industry="parenting")
    assert b.platforms == ()


def test_issue_example_link():
    b, lang, problems = brief_from_params(params(goal="sales", budget_idr="60000000", audience="niche",
                                                 industry="parenting", lang="en"))
    assert (b.goal, b.budget_idr, b.audience, b.industry, lang) == ("sales", 60_000_000, "niche", "parenting", "en")
    assert problems == []


@pytest.mark.parametrize("key,value,code", [
    ("goal", "world-domination", "literal_error"),
    ("budget_idr", "-5", "amount_negative"),
    ("budget_idr", "1e9", "amount_unreadable"),
    ("budget_idr", "60000000.00", "amount_ambiguous"),
    ("budget_idr", "99999999999999", "less_than_equal"),
    ("duration_weeks", "0", "greater_than_equal"),
    ("duration_weeks", "500", "less_than_equal"),
    ("audience", "", "literal_error"),
    ("industry", "<img src=x onerror=alert(1)>", "literal_error"),
    ("lang", "fr", "invalid_choice"),
    ("name", "x" * 300, "too_long"),
    ("secondary_goal", "awareness", "value_error"),  # equal to the default goal
    ("content", "🎉", "literal_error"),
    ("brand_stage", "‮wen", "literal_error"),  # right-to-left override
])
def test_bad_values_fall_back_to_defaults_with_a_named_problem(key, value, code):
    b, lang, problems = brief_from_params(params(**{key: value}))
    assert [(p.field, p.code) for p in problems] == [(key, code)]
    if key != "lang":
        assert getattr(b, key) == getattr(DEFAULT_BRIEF, key)
    assert lang == "id"


def test_unknown_and_repeated_keys_are_reported_and_the_first_value_wins():
    b, _, problems = brief_from_params({"goal": ["sales", "education"], "fbclid": ["abc"]})
    assert b.goal == "sales"
    assert {(p.field, p.code) for p in problems} == {("goal", "repeated_param"), ("fbclid", "unknown_param")}


def test_platforms_keep_the_known_ones():
    b, _, problems = brief_from_params(params(platforms="tiktok,myspace,instagram,,"))
    assert b.platforms == ("instagram", "tiktok")
    assert [(p.field, p.code) for p in problems] == [("platforms", "invalid_choice")]


def test_budget_in_link_accepts_thousand_separators():
    b, _, problems = brief_from_params(params(budget_idr="50.000.000"))
    assert b.budget_idr == 50_000_000 and problems == []


def test_json_round_trip_and_errors_name_the_field():
    b = CampaignBrief(goal="education", budget_idr=0, audience="niche", industry="finance")
    assert brief_from_json(brief_to_json(b)) == b
    with pytest.raises(BriefError) as e:
        brief_from_json(json.dumps({"goal": "education", "budget_idr": 1.5, "audience": "niche",
                                    "industry": "finance"}))
    assert e.value.problems[0].field == "budget_idr"


@pytest.mark.parametrize("raw,code", [
    (b"", "empty"),
    (b"   \n", "empty"),
    (b"not json", "not_json"),
    (b"\xff\xfe\x00", "not_json"),
    (b"[1, 2]", "not_object"),
    (b'"text"', "not_object"),
    (b"[" * 100_000 + b"]" * 100_000, "too_large"),
    (b"[" * 20_000 + b"]" * 20_000, "too_deep"),
    (b'{"goal": "sales"}', "missing"),
    (b'{"goal": "sales", "budget_idr": 5, "audience": "niche", "industry": "food", "x": 1}', "extra_forbidden"),
])
def test_bad_brief_files(raw, code):
    with pytest.raises(BriefError) as e:
        brief_from_json(raw)
    assert e.value.problems[0].code == code


@pytest.mark.parametrize("text,lang,value", [
    ("50.000.000", "id", 50_000_000),
    ("Rp 50.000.000", "id", 50_000_000),
    ("Rp50,000,000", "en", 50_000_000),
    ("50 juta", "id", 50_000_000),
    ("1,5 miliar", "id", 1_500_000_000),
    ("1.5 billion", "en", 1_500_000_000),
    ("750rb", "id", 750_000),
    ("0", "id", 0),
    ("-1", "id", None),
    ("abc", "id", None),
    ("1e9", "id", None),
    ("", "id", None),
    ("٥٠", "id", 50),  # digits of any script are read (issue 19 item 2)
    ("1.2.3 juta", "en", None),
])
def test_parse_amount(text, lang, value):
    assert parse_amount(text, lang) == value

