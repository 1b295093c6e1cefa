"""The one reader of numbers in cells (guide/text/numbers.py: read_count, read_percent, read_decimal,
read_number): literal values as a person types them, in any script."""

from __future__ import annotations

import pytest

from guide.text.numbers import read_count, read_decimal, read_number, read_percent


@pytest.mark.parametrize("text,value", [
    ("12500", 12500), ("12.500", 12500), ("12,500", 12500), ("12 500", 12500), ("１２５００", 12500),
    ("١٢٥٠٠", 12500), ("१२५००", 12500), ("12,5rb", 12500), ("12.5K", 12500), ("1.2M", 1200000),
    ("1,2 juta", 1200000), (12500.0, 12500), (12500, 12500),
])
def test_counts(text, value):
    assert read_count(text) == (value, "")


@pytest.mark.parametrize("text,value", [
    ("Rp 1.500.000", 1500000), ("Rp 1,5 juta", 1500000), ("IDR 2 jt", 2000000), ("1.500.000,00", 1500000),
    ("75.000.000,-", 75000000), ("2.5 jt", 2500000), ("Rp１．５００．０００", 1500000), ("150rb", 150000),
])
def test_money(text, value):
    assert read_count(text, money=True) == (value, "")


@pytest.mark.parametrize("text,money,code", [
    ("12,5", False, "not_whole"), ("1.5", False, "not_whole"), ("12.5", False, "not_whole"),
    ("-3", False, "negative"), ("abc", False, "not_number"), ("1.500K", False, "ambiguous"),
    ("1,5 M", True, "ambiguous_m"), ("2M", True, "ambiguous_m"), (True, False, "not_number"),
    (12.5, False, "not_whole"), ("1.5.0", False, "not_number"), ("9" * 20, False, "too_large"),
])
def test_refused_with_a_code(text, money, code):
    assert read_count(text, money=money) == (None, code)


def test_an_empty_cell_is_no_value_and_no_problem():
    assert read_count("  ") == (None, "")
    assert read_percent("") == (None, "")


def test_percent_and_decimal():
    assert read_percent("3,5%") == (3.5, "")
    assert read_percent("３.５") == (3.5, "")
    assert read_percent("150") == (None, "percent_range")
    assert read_decimal("1250,5") == (1250.5, "")
    assert read_decimal("1.250") == (1250.0, "")


@pytest.mark.parametrize("text,value", [
    ("12.5", 12.5), ("12,5", 12.5), ("1.250.000", 1250000.0), ("1,250,000.75", 1250000.75),
    ("1.250.000,75", 1250000.75), ("-3", -3.0), ("٢٫٥", 2.5), ("1e3", 1000.0), (7, 7.0),
])
def test_grid_numbers(text, value):
    assert read_number(text) == value


@pytest.mark.parametrize("text", ["abc", "", None, True, "12,5,5"])
def test_grid_non_numbers(text):
    assert read_number(text) is None
