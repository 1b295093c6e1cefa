"""The brief's limits and clean-ups at their exact edges, and the share-link and JSON readers' edges.

Written to kill mutmut survivors in guide/advice/models.py and guide/advice/brief_io.py (docs/testing.md): an off-by-one
in a bound, a dropped clean-up or a changed limit is something a user meets (a budget of exactly Rp 1
triliun refused, a campaign of 104 weeks refused, a control character in the PDF title). Every expected
value is written out here.
"""

from __future__ import annotations

import json

import pytest
from pydantic import ValidationError

from guide.advice.brief_io import BriefError, Problem, brief_from_json, brief_from_params, brief_to_params, parse_amount
from guide.advice.models import CampaignBrief

REQUIRED = {"goal": "sales", "budget_idr": 50_000_000, "audience": "niche", "industry": "beauty"}


def brief(**kw) -> CampaignBrief:
    return CampaignBrief(**{**REQUIRED, **kw})


@pytest.mark.parametrize(("field", "ok", "too_far"), [
    ("budget_idr", [0, 1_000_000_000_000], [-1, 1_000_000_000_001]),
    ("duration_weeks", [1, 104], [0, 105]),
    ("product_value_idr", [0, 100_000_000], [-1, 100_000_001]),
])
def test_bounds_are_inclusive_and_exact(field, ok, too_far):
    for v in ok:
        assert getattr(brief(**{field: v}), field) == v
    for v in too_far:
        with pytest.raises(ValidationError):
            brief(**{field: v})


def test_defaults_a_user_relies_on():
    b = CampaignBrief(**REQUIRED)
    assert (b.duration_weeks, b.brand_stage, b.platforms, b.content, b.secondary_goal, b.product_value_idr,
            b.name) == (4, "established", (), None, None, None, None)


def test_campaign_name_is_one_clean_line_of_at_most_80_characters():
    assert brief(name="x" * 80).name == "x" * 80
    with pytest.raises(ValidationError):
        brief(name="x" * 81)
    assert brief(name="  Serum\x00 Glow\n\t ").name == "Serum Glow"
    assert brief(name=" \x07 \n ").name is None
    assert brief(name="").name is None
    assert brief(name=None).name is None


def test_whole_numbers_only():
    assert brief(budget_idr=5e7).budget_idr == 50_000_000
    assert isinstance(brief(budget_idr=5e7).budget_idr, int)
    assert brief(duration_weeks="8").duration_weeks == 8
    for bad in (True, False, 1.5, 0.1):
        with pytest.raises(ValidationError, match="whole number"):
            brief(budget_idr=bad)
    with pytest.raises(ValidationError, match="whole number"):
        brief(product_value_idr=2.5)


def test_platforms_are_a_list_in_a_fixed_order():
    assert brief(platforms=["offline", "tiktok", "instagram", "tiktok"]).platforms == ("instagram", "tiktok", "offline")
    with pytest.raises(ValidationError, match="must be a list"):
        brief(platforms="instagram")


def test_secondary_goal_must_differ():
    assert brief(secondary_goal="awareness").secondary_goal == "awareness"
    with pytest.raises(ValidationError, match="secondary_goal must differ from goal"):
        brief(secondary_goal="sales")


def test_briefs_are_frozen_and_strict():
    with pytest.raises(ValidationError):
        brief(colour="red")
    with pytest.raises(ValidationError):
        brief().goal = "awareness"  # type: ignore[misc]


# ---- guide/advice/brief_io.py -----------------------------------------------------------------------------------


def test_problem_and_error_messages():
    assert Problem("budget_idr", "not_a_number", "not a whole number").english() == "field 'budget_idr': not a whole number"
    assert Problem("", "empty").english() == "brief: empty"
    e = BriefError([Problem("goal", "x", "bad goal"), Problem("", "y")])
    assert str(e) == "field 'goal': bad goal" and len(e.problems) == 2
    assert str(BriefError([])) == "invalid brief"


def test_json_size_limit_is_64_kib_exactly():
    body = json.dumps({**REQUIRED, "name": "n"})
    pad = 64 * 1024 - len(body)
    assert brief_from_json(body + " " * pad).name == "n"
    with pytest.raises(BriefError) as e:
        brief_from_json(body + " " * (pad + 1))
    assert e.value.problems[0] == Problem("", "too_large", "the file is larger than 64 KB")


def test_json_with_a_byte_order_mark_loads_and_errors_name_the_line():
    assert brief_from_json("\ufeff" + json.dumps(REQUIRED)).goal == "sales"
    with pytest.raises(BriefError) as e:
        brief_from_json('{\n"goal": }')
    assert e.value.problems[0].detail == "not valid JSON (line 2, column 9)"


def test_secondary_goal_clash_is_reported_on_secondary_goal():
    with pytest.raises(BriefError) as e:
        brief_from_json(json.dumps({**REQUIRED, "secondary_goal": "sales"}))
    assert [p.field for p in e.value.problems] == ["secondary_goal"]


def test_share_link_writes_only_what_differs_from_the_defaults():
    assert brief_to_params(brief(), "id") == {"goal": "sales", "budget_idr": "50000000", "audience": "niche",
                                             "industry": "beauty", "lang": "id"}
    full = brief(platforms=["tiktok", "youtube"], duration_weeks=12, brand_stage="new", content="expert",
                 secondary_goal="education", product_value_idr=150_000, name="A b")
    assert brief_to_params(full, "en") == {
        "goal": "sales", "budget_idr": "50000000", "audience": "niche", "industry": "beauty",
        "platforms": "tiktok,youtube", "brand_stage": "new", "content": "expert", "duration_weeks": "12",
        "secondary_goal": "education", "product_value_idr": "150000", "name": "A b", "lang": "en"}


def test_link_values_at_the_length_limit():
    ok, _, problems = brief_from_params({"goal": ["sales"], "name": ["n" * 80], "budget_idr": ["1" + "0" * 11]})
    assert problems == [] and ok.name == "n" * 80 and ok.budget_idr == 100_000_000_000
    _, _, problems = brief_from_params({"name": ["n" * 201]})
    assert [(p.field, p.code) for p in problems] == [("name", "too_long")]
    _, _, problems = brief_from_params({"name": ["n" * 200]})
    assert [(p.field, p.code) for p in problems] == [("name", "string_too_long")]
    _, _, problems = brief_from_params({"budget_idr": ["1" * 16]})
    assert [(p.field, p.code) for p in problems] == [("budget_idr", "amount_unreadable")]


def test_link_language_and_empty_optional_values():
    b, lang, problems = brief_from_params({"lang": ["en"], "content": [""], "secondary_goal": [""]})
    assert (lang, b.content, b.secondary_goal, problems) == ("en", None, None, [])
    _, lang, problems = brief_from_params({"lang": ["fr"]})
    assert lang == "id" and [(p.field, p.code) for p in problems] == [("lang", "invalid_choice")]
    b, _, problems = brief_from_params({"goal": ["sales"], "secondary_goal": ["sales"]})
    assert b.goal == "sales" and b.secondary_goal is None and [p.field for p in problems] == ["secondary_goal"]
    _, _, problems = brief_from_params({"x" * 60: ["1"]})
    assert problems == [Problem("x" * 40, "unknown_param", "unknown parameter ignored")]


@pytest.mark.parametrize(("text", "lang", "value"), [
    ("IDR 2.500.000", "id", 2_500_000),
    ("rp. 2.500.000", "id", 2_500_000),
    ("2,5 jt", "id", 2_500_000),
    ("2.5m", "en", 2_500_000),
    ("1.250.000 rb", "id", 1_250_000_000),
    ("3 triliun", "id", 3_000_000_000_000),
    ("10k", "en", 10_000),
    (" 50   juta ", "id", 50_000_000),
    ("juta", "id", None),
    ("1" * 16, "id", None),
    ("1" * 201, "id", None),
])
def test_parse_amount_edges(text, lang, value):
    assert parse_amount(text, lang) == value


@pytest.mark.parametrize(("text", "lang", "value"), [
    ("Rp 2 juta", "id", 2_000_000),
    ("Rp. 2 million", "en", 2_000_000),
    ("1,500 k", "en", 1_500_000),
    (",5 juta", "id", None),  # no digit before the comma: refused, never guessed
    ("1,25 juta", "id", 1_250_000),
    ("1,2345 rb", "id", None),  # would be a fraction of a rupiah: refused, not rounded
    ("1" * 15 + " rb", "id", 111_111_111_111_111_000),
    ("1" * 16 + " rb", "id", None),
    (" " * 193 + "50 juta", "id", 50_000_000),  # 200 characters: the limit itself is accepted
])
def test_parse_amount_with_words(text, lang, value):
    got = parse_amount(text, lang)
    assert got == value and (got is None or type(got) is int)


def test_parse_amount_defaults_to_indonesian_and_refuses_what_is_not_text():
    assert parse_amount("1,5 miliar") == 1_500_000_000
    assert parse_amount(None) is None  # type: ignore[arg-type]
    assert parse_amount(50_000) is None  # type: ignore[arg-type]


def test_problems_carry_their_english_detail():
    with pytest.raises(BriefError) as e:
        brief_from_json(json.dumps({**REQUIRED, "budget_idr": -1}))
    assert e.value.problems == (Problem("budget_idr", "greater_than_equal", "Input should be greater than or equal to 0"),)
    with pytest.raises(BriefError) as e:
        brief_from_json("[]")
    assert e.value.problems == (Problem("", "not_object", "the brief must be a JSON object"),)
    with pytest.raises(BriefError) as e:
        brief_from_json(" \n")
    assert e.value.problems == (Problem("", "empty", "the file is empty"),)
    with pytest.raises(BriefError) as e:
        brief_from_json(b"\xff\xfe\x00")
    assert e.value.problems == (Problem("", "not_json", "the file is not UTF-8 text"),)


def test_text_that_is_not_valid_unicode_is_a_message_not_a_crash():
    with pytest.raises(BriefError) as e:
        brief_from_json('{"goal": "\ud800"}')
    assert e.value.problems[0].field == "goal"
