"""The hostile-input corpus (tests/hostile/*.yaml): every entry has an asserted outcome, checked here at the
unit level, plus hypothesis properties over share links and JSON briefs. The browser pass over the link
entries is tests/e2e/test_hostile_links.py."""

from __future__ import annotations

import json
import math
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from guide import knowledge, recommend
from guide.advice.assumptions import figures_from_rows, figures_rows
from guide.advice.brief_io import (
    DEFAULT_BRIEF,
    SHARE_KEYS,
    BriefError,
    brief_from_json,
    brief_from_params,
    brief_to_params,
    figures_from_params,
    figures_to_param,
    parse_amount,
    problem_message,
)
from guide.advice.models import (
    AGE_BANDS,
    AUDIENCES,
    BRAND_STAGES,
    CONTENTS,
    GENDERS,
    GOALS,
    INDUSTRIES,
    PLATFORMS,
    CampaignBrief,
)
from guide.reports.exports import to_markdown
from guide.text.numbers import read_amount, say_amount
from guide.text.safetext import WORD_JOINER, shown

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
BASE_LINK = {"goal": "sales", "budget_idr": "60000000", "audience": "niche", "industry": "parenting"}
BASE_BRIEF = {"goal": "sales", "budget_idr": 60_000_000, "audience": "niche", "industry": "parenting"}
# Text that would become a live link, formula or icon if it reached Markdown as typed.
AUTOLINK = re.compile(r"www\.|https?://|[A-Za-z0-9._+-]@[A-Za-z0-9-]+\.|:material/|(?<!\\)\$[^$]*(?<!\\)\$")


def load(name: str) -> list[dict[str, Any]]:
    with (HERE / name).open(encoding="utf-8") as f:
        return list(yaml.safe_load(f))


AMOUNTS = load("amounts.yaml")
LINKS = load("links.yaml")
JSONS = load("json_briefs.yaml")
GRID = load("grid.yaml")


def test_corpus_size():
    sizes = {"amounts": len(AMOUNTS), "links": len(LINKS), "json": len(JSONS), "grid": len(GRID)}
    assert sum(sizes.values()) >= 150, sizes
    assert len(AMOUNTS) >= 40 and {a["lang"] for a in AMOUNTS} == {"id", "en"}
    assert len({e["id"] for e in LINKS}) == len(LINKS) and len({e["id"] for e in JSONS}) == len(JSONS)


def assert_markdown_safe(md: str) -> None:
    """Nothing in a message can become a link, formula or icon: such text only appears broken up."""
    assert not AUTOLINK.search(md), md
    assert "<" not in md.replace("\\<", ""), md


# ---- typed amounts ---------------------------------------------------------------------------------

def _id(*parts: object) -> str:
    """A test id a command line can pass back (mutmut selects tests by id): no spaces, quotes or escapes."""
    return "-".join(re.sub(r"[^0-9A-Za-z.,+_]+", "_", str(p)).strip("_") or "empty" for p in parts)


@pytest.mark.parametrize("case", AMOUNTS, ids=[_id(i, a["lang"], a["text"]) for i, a in enumerate(AMOUNTS)])
def test_typed_amount(case):
    r = read_amount(case["text"], case["lang"], case.get("max"))
    if "value" in case:
        assert (r.value, r.code) == (case["value"], "ok")
        assert parse_amount(case["text"], case["lang"]) == (case["value"] if "max" not in case else r.value)
    else:
        assert r.value is None and r.code == case["code"], (r.code, r.readings)
        assert parse_amount(case["text"], case["lang"]) is None or "max" in case
        for lang in ("id", "en"):
            msg = r.message(lang)
            assert msg and "input.amount" not in msg
            assert_markdown_safe(msg)
        for fragment in case.get("shows", []):
            assert fragment in r.message(), r.message()
        if case["code"] in ("ambiguous", "not_whole"):
            assert len(r.readings) >= 2, r.readings


@pytest.mark.parametrize("n,lang,text", [
    (75_000_000, "id", "Rp 75.000.000 (75 juta)"),
    (75_000_000, "en", "Rp 75,000,000 (75 million)"),
    (1_500_000_000, "id", "Rp 1.500.000.000 (1,5 miliar)"),
    (1_500_000_000, "en", "Rp 1,500,000,000 (1.5 billion)"),
    (150_000, "id", "Rp 150.000 (150 ribu)"),
    (2_000_000_000_000, "id", "Rp 2.000.000.000.000 (2 triliun)"),
    (75_123_456, "id", "Rp 75.123.456 (sekitar 75,1 juta)"),
    (75_123_456, "en", "Rp 75,123,456 (about 75.1 million)"),
    (999, "id", "Rp 999"),
    (0, "en", "Rp 0"),
])
def test_amount_is_echoed_in_digits_and_words(n, lang, text):
    assert say_amount(n, lang) == text


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=10**12), st.sampled_from(["id", "en"]))
def test_an_echoed_amount_reads_back_as_itself(n, lang):
    digits = say_amount(n, lang).split(" (")[0]
    assert read_amount(digits, lang).value == n
    words = say_amount(n, lang).partition(" (")[2].rstrip(")")
    if words and not words.startswith(("sekitar", "about")):
        assert read_amount(words, lang).value == n, words


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=40), st.sampled_from(["id", "en"]))
def test_any_typed_text_is_a_value_or_a_message(text, lang):
    r = read_amount(text, lang)
    if r.value is None:
        assert r.message("id") and r.message("en")
    else:
        assert isinstance(r.value, int) and r.value >= 0


# ---- share links -----------------------------------------------------------------------------------

def link_params(case: dict[str, Any]) -> dict[str, list[str]]:
    if "many" in case:
        return {f"k{i}": ["v"] for i in range(case["many"])}
    base = {} if case.get("bare") else dict(BASE_LINK)
    base.update(case["params"])
    return {k: v if isinstance(v, list) else [v] for k, v in base.items()}


@pytest.mark.parametrize("case", LINKS, ids=[c["id"] for c in LINKS])
def test_share_link(case):
    params = link_params(case)
    b, lang, problems = brief_from_params(params)
    figs, fig_problems = figures_from_params(params)
    problems = problems + fig_problems
    got = [[p.field, p.code] for p in problems]
    if "problems" in case:
        expected = [[f[:40], c] for f, c in case["problems"]]
        assert got == expected
    if "problems_count" in case:
        assert len(got) == case["problems_count"]
    if "problems_first" in case:
        assert got[: len(case["problems_first"])] == case["problems_first"]
    for k, v in case.get("brief", {}).items():
        want = tuple(v) if isinstance(v, list) else v
        assert getattr(b, k) == want, (k, getattr(b, k))
    if "lang" in case:
        assert lang == case["lang"]
    if "figures" in case:
        if case["figures"] is None:
            assert figs is None
        else:
            assert figs is not None
            for key, value in case["figures"].items():
                if key == "completion":
                    assert figs.completion_factor.value == value
                else:
                    kind, col = key.split(".")
                    assert getattr(figs.kinds[kind], col) == value
    for p in problems:
        for lg in ("id", "en"):
            msg = problem_message(p, lg)
            assert msg and not msg.startswith(("problem.", "input.")), msg
            assert_markdown_safe(msg)
    for fragment in case.get("shows", []):
        assert any(fragment in problem_message(p, "id") for p in problems), fragment
    # The page shows the brief it read: the Markdown export of it has no live user text either.
    md = to_markdown(recommend(b, lang), lang)
    for line in md.splitlines()[:1] + [ln for ln in md.splitlines() if ln.startswith("- ")][:12]:
        assert_markdown_safe(line)


link_values = st.one_of(st.text(max_size=30), st.sampled_from(
    ["sales", "50 juta", "1,5 M", "75.5 juta", "60000000.00", "-1", "", "instagram,tiktok", "en", "id",
     "micro.rh.5000000", "cf.0.5", "18_24", "women", "www.evil.example", "1e400"]))


CHOICES = {"goal": GOALS, "secondary_goal": GOALS, "audience": AUDIENCES, "industry": INDUSTRIES,
           "brand_stage": BRAND_STAGES, "content": CONTENTS, "gender": GENDERS, "lang": ("id", "en")}
OPTIONAL = {"secondary_goal", "content", "gender", "product_value_idr", "name", "region", "product_description"}
TEXT_MAX = {"name": 80, "region": 80, "product_description": 160}


def should_fall_back(key: str, v: str) -> bool:
    """Whether a link value cannot be used as given (an oracle written from the field rules, not the reader)."""
    if len(v) > 200:
        return True
    if v == "" and key in OPTIONAL:
        return False
    if key in CHOICES:
        return v not in CHOICES[key]
    if key in ("platforms", "age_bands"):
        options = PLATFORMS if key == "platforms" else AGE_BANDS
        return any(item.strip() not in options for item in v.split(",") if item.strip())
    if key == "duration_weeks":
        return not (v.isascii() and v.isdigit() and 1 <= int(v) <= 104)
    if key in ("budget_idr", "product_value_idr"):
        if v.isascii() and v.isdigit():
            return int(v) > (10**12 if key == "budget_idr" else 10**8)
        return None  # typed forms: covered by the amounts table
    if key in TEXT_MAX:
        return len(v) > TEXT_MAX[key]
    return False


@settings(max_examples=400, deadline=None)
@given(st.dictionaries(st.sampled_from([*SHARE_KEYS, "utm_source", "", "x"]) | st.text(max_size=10),
                       st.lists(link_values, min_size=1, max_size=2), max_size=8))
def test_any_link_gives_a_brief_and_names_every_field_that_fell_back(params):
    b, lang, problems = brief_from_params(params)
    _figs, fig_problems = figures_from_params(params)
    assert isinstance(b, CampaignBrief) and lang in ("id", "en")
    named = {p.field for p in problems}
    for key, values in params.items():
        if key in SHARE_KEYS and key != "fig":
            if len(set(values)) > 1 or should_fall_back(key, values[0]):
                assert key in named or (key == "secondary_goal" and "secondary_goal" in named), \
                    (key, values, problems)
        elif key not in SHARE_KEYS:
            assert key[:40] in named or (not key.strip() and "" in named)
    for p in problems + fig_problems:
        assert problem_message(p, "id") and problem_message(p, "en")


@settings(max_examples=200, deadline=None)
@given(st.fixed_dictionaries({}, optional={
    "age_bands": st.lists(st.sampled_from(AGE_BANDS), max_size=3),
    "gender": st.sampled_from(GENDERS),
    "region": st.text(max_size=80),
    "product_description": st.text(max_size=160),
}), st.sampled_from(["id", "en"]))
def test_audience_descriptors_survive_links_and_json_and_do_not_change_scores(extra, lang):
    b = CampaignBrief(**BASE_BRIEF, **extra)
    back, _, problems = brief_from_params({k: [v] for k, v in brief_to_params(b, lang).items()})
    assert problems == [] and back == b
    assert brief_from_json(b.model_dump_json()) == b
    plain = CampaignBrief(**BASE_BRIEF)
    r1, r2 = recommend(b, lang), recommend(plain, lang)
    assert (r1.strategy, r1.scores, r1.plan) == (r2.strategy, r2.scores, r2.plan)


def test_edited_figures_travel_in_a_link_within_the_cap():
    shipped = knowledge().figures
    rows = figures_rows(shipped)
    for r in rows:
        if r["kind"] == "micro":
            r["rate_high"] = 5_000_000
    edited, problems = figures_from_rows(rows, shipped, 0.5)
    assert problems == []
    params = brief_to_params(DEFAULT_BRIEF, "id", figures=edited)
    assert params["fig"] == "micro.rh.5000000~cf.0.5"
    back, fig_problems = figures_from_params({k: [v] for k, v in params.items()})
    assert back == edited and fig_problems == []
    assert "fig" not in brief_to_params(DEFAULT_BRIEF, "id", figures=shipped)
    # Every figure edited: either it fits and reads back the same, or the link says it does not carry them.
    for r in rows:
        for col in ("rate_low", "rate_high", "followers_low", "followers_high"):
            r[col] = r[col] + 1
        r["er_low"], r["er_high"] = r["er_low"] + 0.123456789, r["er_high"] + 0.123456789
    all_edited, problems = figures_from_rows(rows, shipped, 0.55)
    assert problems == []
    encoded = figures_to_param(all_edited)
    if encoded is None:
        assert "fig" not in brief_to_params(DEFAULT_BRIEF, "id", figures=all_edited)
    else:
        assert len(encoded) <= 700
        assert figures_from_params({"fig": [encoded]})[0] == all_edited


# ---- JSON briefs -----------------------------------------------------------------------------------

def json_bytes(case: dict[str, Any]) -> bytes:
    if case.get("binary"):
        return bytes(range(256))
    if "repeat" in case:
        r = case["repeat"]
        return (r["prefix"] + r["text"] * r["times"] + r["suffix"]).encode()
    if "raw" in case:
        return str(case["raw"]).encode()
    data = {} if case.get("bare") else dict(BASE_BRIEF)
    data.update(case["data"])
    text = json.dumps(data)
    return text.encode("utf-16") if case.get("utf16") else text.encode()


@pytest.mark.parametrize("case", JSONS, ids=[c["id"] for c in JSONS])
def test_json_brief(case):
    raw = json_bytes(case)
    if "brief" in case:
        b = brief_from_json(raw)
        for k, v in case["brief"].items():
            assert getattr(b, k) == v
        return
    with pytest.raises(BriefError) as e:
        brief_from_json(raw)
    first = e.value.problems[0]
    assert first.code == case["code"]
    if "field" in case:
        assert first.field == case["field"]
    for p in e.value.problems:
        for lg in ("id", "en"):
            assert_markdown_safe(problem_message(p, lg))


CLI_SAMPLE = [c for c in JSONS if c["id"] in (
    "int-5000-digits", "int-5000-digits-in-list", "float-1e400", "nan", "deep-array", "too-large", "binary",
    "extra-field-autolink")]


@pytest.mark.parametrize("case", CLI_SAMPLE, ids=[c["id"] for c in CLI_SAMPLE])
def test_json_brief_on_the_command_line(case):
    p = subprocess.run([sys.executable, "-m", "guide", "recommend", "-"], cwd=ROOT, input=json_bytes(case),
                       capture_output=True, timeout=60)
    err = p.stderr.decode()
    assert p.returncode == 2 and err.count("\n") == 1 and "Traceback" not in err and p.stdout == b"", err


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=10),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=10)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.sampled_from([*BASE_BRIEF, "platforms", "name", "age_bands", "region", "x"]),
                       json_values, max_size=6))
def test_any_json_brief_loads_or_names_the_field(changes):
    data = {**BASE_BRIEF, **changes}
    raw = json.dumps(data, allow_nan=True).encode()
    try:
        b = brief_from_json(raw)
    except BriefError as e:
        assert e.problems
        for p in e.problems:
            assert p.field in data or (p.field == "" and p.code in ("number_too_long", "value_error"))
            assert problem_message(p, "id") and problem_message(p, "en")
        return
    assert isinstance(b, CampaignBrief)


# ---- grid edits ------------------------------------------------------------------------------------

@pytest.mark.parametrize("case", GRID, ids=[_id(i, c.get("kind", "completion"), c.get("column", ""),
                                                c.get("value_in", c.get("completion"))) for i, c in enumerate(GRID)])
def test_grid_edit(case):
    shipped = knowledge().figures
    rows = figures_rows(shipped)
    completion = None
    if "completion" in case:
        completion = case["completion"]
    else:
        for r in rows:
            if r["kind"] == case["kind"]:
                r[case["column"]] = case["value_in"]
    new, problems = figures_from_rows(rows, shipped, completion)
    if "code" in case:
        assert [p.code for p in problems] == [case["code"]]
        if "kind" in case:
            assert problems[0].param("kind") == case["kind"]
            assert new.kinds[case["kind"]] == shipped.kinds[case["kind"]]
        else:
            assert new.completion_factor == shipped.completion_factor
    else:
        assert problems == []
        if "kind" in case:
            got = getattr(new.kinds[case["kind"]], case["column"])
        else:
            got = new.completion_factor.value
        assert got == case["value"] and not (isinstance(got, float) and math.isnan(got))


def test_the_markdown_helpers_break_links_only_invisibly():
    md = problem_message(brief_from_params({"www.evil.example": ["1"]})[2][0], "en")
    assert WORD_JOINER in md and "www.evil.example" in shown(md)
