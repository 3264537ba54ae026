"""English numbers (lang/en/numbers.py): every form of the spec, num2words round trips, and no input that raises."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from num2words import num2words

from geonews_nlp.lang.en.numbers import parse_digits, parse_number, parse_number_words, scan_quantity


def q(text: str, i: int = 0):
    found = scan_quantity(text.split(), i)
    return None if found is None else (found.value, found.value_max, found.qualifier, found.end)


@pytest.mark.parametrize("text,expected", [
    ("10,000 troops", (10000, None, "exact", 1)),
    ("12 000 troops", (12000, None, "exact", 2)),
    ("4800 soldiers", (4800, None, "exact", 1)),
    ("1.5 million soldiers", (1500000, None, "exact", 2)),
    ("2 billion", (2000000000, None, "exact", 2)),
    ("twelve thousand", (12000, None, "exact", 2)),
    ("three hundred and fifty men", (350, None, "exact", 4)),
    ("a hundred soldiers", (100, None, "exact", 2)),
    ("a million", (1000000, None, "exact", 2)),
    ("half a million", (500000, None, "exact", 3)),
    ("twenty-five", (25, None, "exact", 1)),
    ("twenty - five troops", (25, None, "exact", 3)),
    ("Fifteen peacekeepers", (15, None, "exact", 1)),
])
def test_digits_and_number_words(text, expected):
    assert q(text) == expected


@pytest.mark.parametrize("text,value,end", [
    ("dozens of soldiers", 12, 1), ("a dozen soldiers", 12, 2), ("several dozen dead", 12, 2),
    ("scores of fighters", 20, 1), ("hundreds of troops", 100, 1), ("several hundred troops", 100, 2),
    ("a few hundred", 100, 3), ("thousands of troops", 1000, 1), ("a few thousand", 1000, 3),
    ("several thousand", 1000, 2), ("tens of thousands of troops", 10000, 3),
    ("hundreds of thousands", 100000, 3), ("a handful of soldiers", 5, 2),
])
def test_vague_words_take_the_spec_values(text, value, end):
    assert q(text) == (value, None, "vague", end)


@pytest.mark.parametrize("text,low,high,end", [
    ("3,000 to 5,000 troops", 3000, 5000, 3), ("between 3,000 and 4,000", 3000, 4000, 4),
    ("3,000 - 4,000", 3000, 4000, 3), ("3,000–4,000 troops", 3000, 4000, 1),
    ("about 35,000 to 50,000 soldiers", 35000, 50000, 4), ("five to ten", 5, 10, 3),
])
def test_ranges(text, low, high, end):
    assert q(text) == (low, high, "range", end)


@pytest.mark.parametrize("text,qualifier", [
    ("some 4,000", "approx"), ("about 500", "approx"), ("around 500", "approx"), ("roughly 500", "approx"),
    ("nearly 2,000", "approx"), ("almost 2,000", "approx"), ("approximately 4,700", "approx"),
    ("an estimated 2,000", "approx"), ("close to 900", "approx"), ("just over 900", "approx"),
    ("just under 900", "approx"), ("500 or so", "approx"), ("at least five", "min"), ("more than 2,000", "min"),
    ("over 40", "min"), ("upwards of 300", "min"), ("slightly more than 14,626", "min"), ("up to 175,000", "max"),
    ("fewer than 10", "max"), ("less than 100", "max"), ("no more than 300", "max"), ("at most 300", "max"),
    ("as many as 300", "max"), ("more than a dozen", "min"), ("an extra 7,000", "exact"), ("another 18", "exact"),
])
def test_qualifiers(text, qualifier):
    assert q(text)[2] == qualifier
    assert q(text)[3] == len(text.split())


def test_the_article_is_a_number_of_one():
    found = scan_quantity(["a", "brigade"], 0)
    assert found is not None and found.value == 1 and found.article
    found = scan_quantity(["Another", "soldier"], 0)
    assert found is not None and found.value == 1 and found.article


def test_from_x_to_y_is_two_numbers_not_a_range():
    words = "rose from 60 to 83 battalion groups".split()
    assert q(" ".join(words), 2) == (60, None, "exact", 3)


@pytest.mark.parametrize("text", ["some troops", "over the border", "several", "101st", "1.5", "a few"])
def test_what_is_no_count(text):
    found = scan_quantity(text.split(), 0)
    assert found is None or found.article


def test_huge_digit_strings_do_not_raise():
    assert parse_digits("9" * 5000) is None
    assert scan_quantity(["9" * 5000, "troops"], 0) is None
    assert parse_digits("1,000,000") == 1000000


def test_parse_helpers():
    assert parse_number("twelve thousand") == 12000
    assert parse_number("1.5 million") == 1500000
    assert parse_number("twelve soldiers") is None
    assert parse_number_words("a thousand") == 1000
    assert parse_number_words("soldiers") is None


@settings(max_examples=400, deadline=None)
@given(n=st.integers(0, 10**9))
def test_every_number_num2words_writes_parses_back(n):
    text = num2words(n, lang="en")
    for words in (text.replace(",", " ,").split(), text.replace(",", " ,").replace("-", " - ").split()):
        found = scan_quantity(words, 0)
        assert found is not None and found.end == len(words) and found.value == n, (text, found)


@given(words=st.lists(st.one_of(st.text(max_size=12), st.sampled_from(
    ["a", "an", "of", "and", "-", ",", "hundred", "thousand", "million", "tens", "hundreds", "between", "to",
     "about", "more", "than", "up", "half", "dozen", "12,000", "1.5", "9" * 40, "twenty-five"])), max_size=10),
       i=st.integers(-2, 11))
def test_the_scanner_never_raises(words, i):
    found = scan_quantity(words, i)
    assert found is None or (i == found.start < found.end <= len(words) and found.value >= 0)


@pytest.mark.parametrize("text,expected", [
    ("two dozen soldiers", (24, None, "vague", 2)),
    ("Four dozen marines", (48, None, "vague", 2)),
    ("half a dozen soldiers", (6, None, "vague", 3)),
    ("more than two dozen troops", (24, None, "min", 4)),
    ("nearly three dozen", (36, None, "approx", 3)),
])
def test_multiples_of_a_dozen(text, expected):
    assert q(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("Three - hundred soldiers", (300, None, "exact", 3)),
    ("three-hundred soldiers", (300, None, "exact", 1)),
    ("two - thousand troops", (2000, None, "exact", 3)),
])
def test_a_number_word_hyphenated_to_its_scale_is_one_number(text, expected):
    assert q(text) == expected


def test_a_hyphen_between_two_units_is_still_a_range():
    assert q("three - four soldiers") == (3, 4, "range", 3)
