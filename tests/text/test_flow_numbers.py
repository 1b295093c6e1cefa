"""Minimums a person would say, and decimals typed the app's language's way (issue 21, items 7 and 11)."""

from decimal import Decimal

import pytest

from guide.text.numbers import read_typed_decimal, round_up_said


@pytest.mark.parametrize("exact,said", [(352_941, 360_000), (1_234_567, 1_300_000), (85_000_001, 86_000_000),
                                        (360_000, 360_000), (99, 99), (100_001, 110_000)])
def test_minimums_round_up_to_two_significant_figures(exact, said):
    assert round_up_said(exact) == said


@pytest.mark.parametrize("text,lang,value", [("12,5", "id", Decimal("12.5")), ("12.5", "en", Decimal("12.5")),
                                             ("15", "id", Decimal(15)), ("0,8", "id", Decimal("0.8")),
                                             ("12,5", "en", None), ("abc", "id", None), ("", "id", None)])
def test_a_typed_decimal_is_read_in_the_apps_language(text, lang, value):
    assert read_typed_decimal(text, lang) == value
