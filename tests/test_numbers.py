"""German numbers: the spec's forms, and properties over all integers and arbitrary text."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from num2words import num2words

from geonews_nlp.lang.de.numbers import parse_digits, parse_number, scan_quantity


@pytest.mark.parametrize("text,value", [
    ("1.500", 1500), ("12.000", 12000), ("12 000", 12000), ("90'000", 90000), ("4800", 4800),
    ("1,5 Millionen", 1_500_000), ("eineinhalb Millionen", 1_500_000), ("anderthalbtausend", 1500),
    ("vier", 4), ("zwölftausend", 12000), ("dreihunderttausend", 300_000), ("zwei Millionen", 2_000_000),
    ("eine Million", 1_000_000), ("1,1 Millionen", 1_100_000), ("37 500", 37500),
])
def test_numbers(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text,value", [
    ("Dutzende", 12), ("Hunderte", 100), ("Tausende", 1000), ("tausende", 1000), ("Zehntausende", 10000),
    ("Hunderttausende", 100000), ("mehrere hundert", 100), ("einige tausend", 1000), ("eine Handvoll", 5),
    ("Tausender", 1000), ("dutzenden", 12),
])
def test_vague_words(text, value):
    q = scan_quantity(text.split(), 0)
    assert q is not None and (q.value, q.qualifier, q.end) == (value, "vague", len(text.split()))


@pytest.mark.parametrize("text,value,value_max", [
    ("3000 bis 5000", 3000, 5000), ("zwischen 3.000 und 4.000", 3000, 4000), ("3.000–4.000", 3000, 4000),
    ("1.700 bis 1.900", 1700, 1900), ("19 000 bis 25 000", 19000, 25000),
])
def test_ranges(text, value, value_max):
    q = scan_quantity(text.split(), 0)
    assert q is not None and (q.value, q.value_max, q.qualifier) == (value, value_max, "range")


@pytest.mark.parametrize("text,qualifier", [
    ("rund 100", "approx"), ("etwa 100", "approx"), ("ca. 100", "approx"), ("circa 100", "approx"),
    ("ungefähr 100", "approx"), ("schätzungsweise 100", "approx"), ("an die 100", "approx"),
    ("um die 100", "approx"), ("gut 100", "approx"), ("fast 100", "approx"), ("knapp 100", "approx"),
    ("nahezu 100", "approx"), ("beinahe 100", "approx"), ("mehr als 100", "min"), ("über 100", "min"),
    ("mindestens 100", "min"), ("bis zu 100", "max"), ("höchstens 100", "max"), ("maximal 100", "max"),
    ("weniger als 100", "max"), ("unter 100", "max"), ("100", "exact"),
])
def test_qualifiers(text, qualifier):
    q = scan_quantity(text.split(), 0)
    assert q is not None and (q.value, q.qualifier) == (100, qualifier)


@pytest.mark.parametrize("text", ["6.", "155.", "1.5", "12,000.5", "abc", "", "1.50", "-"])
def test_not_numbers(text):
    assert parse_digits(text) is None


@given(st.integers(min_value=0, max_value=10**9))
def test_number_words_round_trip(n):
    assert parse_number(num2words(n, lang="de")) == n


@given(st.integers(min_value=1000, max_value=10**9), st.sampled_from([".", " ", "'"]))
def test_grouped_digits_round_trip(n, sep):
    grouped = f"{n:,}".replace(",", sep)
    assert parse_number(grouped) == n


@given(st.integers(min_value=0, max_value=10**9))
def test_plain_digits_round_trip(n):
    assert parse_number(str(n)) == n


@given(st.text())
def test_never_raises_on_text(text):
    parse_number(text)
    words = text.split()
    for i in range(len(words)):
        scan_quantity(words, i)


@given(st.lists(st.text(min_size=1, max_size=12), max_size=8))
def test_never_raises_on_word_lists(words):
    for i in range(len(words) + 1):
        q = scan_quantity(words, i)
        if q is not None:
            assert i <= q.start < q.end <= len(words)


@pytest.mark.parametrize("words", [
    ["Seite", "7" * 4301, "Soldaten"],  # Python's int-string limit: ValueError before
    ["7" * 400 + ",5", "Millionen"],  # a float of inf: OverflowError before
    ["1.000.000.000.000.000.000.000", "Soldaten"],
    ["1"] + ["000"] * 3000,  # digits grouped across tokens
])
def test_long_digit_strings_never_raise(words):
    for i in range(len(words)):
        q = scan_quantity(words, i)
        assert q is None or q.value < 10 ** 27


def test_digit_strings_are_capped():
    from geonews_nlp.lang.de.numbers import MAX_DIGITS

    assert parse_digits("7" * MAX_DIGITS) == int("7" * MAX_DIGITS)
    assert parse_digits("7" * (MAX_DIGITS + 1)) is None and parse_digits("7" * 4301) is None
    assert scan_quantity(["1"] + ["000"] * 3000, 0).value == 10 ** 15  # the 7th group would make 19 digits


@pytest.mark.parametrize("text,value", [
    ("eine halbe Million", 500000), ("einer halben Million", 500000), ("zweier", 2), ("dreier", 3),
    ("10'100", 10100), ("10’100", 10100),
])
def test_more_number_forms(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text,value,qualifier", [
    ("bis zu etwa 700", 700, "max"),  # a bound and an approx word: the bound
    ("rund mehr als 700", 700, "min"),
    ("mehr 700", 700, "min"),  # "als" dropped
    ("Obergrenze von 700", 700, "max"),  # a cap
    ("Personalobergrenze von 700", 700, "max"),
    ("Maximalbestand von 700", 700, "max"),
])
def test_stacked_and_cap_qualifiers(text, value, qualifier):
    q = scan_quantity(text.split(), 0)
    assert q is not None and (q.value, q.qualifier) == (value, qualifier)


def test_no_longer_is_no_lower_bound():
    words = "es sind nicht mehr 35".split()
    assert scan_quantity(words, 3) is None
    assert scan_quantity(words, 4).qualifier == "exact"
