"""Hostile input through ``extract``: no exception, offsets true, time linear (issue 23).

The families that broke or stalled the pipeline: long runs of brackets (spaCy's tokenizer is quadratic
in them), long digit strings (Python's int-string limit), lone surrogates, one long sentence of troop
figures (the grammar was quadratic), very long words, control characters and mixed scripts.
"""

from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geonews_nlp.components.troops import MAX_FORMATIONS, MAX_PERSONNEL
from geonews_nlp.runner import Runner

PHRASES = ["zwei Bataillone mit 500 Soldaten, ", "Nordkorea hat 1.500 Soldaten nach Russland verlegt. ",
           "davon 20 getötet, ", "Tausende russische Soldaten "]


@pytest.fixture(scope="module")
def runner(blank_nlp):
    return Runner(nlp=blank_nlp)


def check(runner: Runner, text: str) -> None:
    result = runner.extract(text, doc_id="x")
    for m in [*result.entities, *result.troops]:
        assert 0 <= m.start <= m.end <= len(text)
        assert text[m.start:m.end] == m.text
    for t in result.troops:
        assert all(v is None or 0 <= v <= MAX_PERSONNEL for v in (t.count, t.count_max))
        assert t.unit_count is None or 0 <= t.unit_count <= MAX_FORMATIONS
    result.to_json()  # every field serialises (no surrogate left in a mention's text that JSON refuses)


def _repeat(chars: str, low: int, high: int) -> st.SearchStrategy[str]:
    return st.builds(lambda c, n: c * n, st.sampled_from(chars), st.integers(low, high))


FRAGMENTS = st.one_of(
    _repeat("([{)]}'\"«»„“_😀.-=*", 1, 3000),  # runs of brackets, quotes, emoji, underscores
    st.builds(lambda n, d: "Seite " + d * n + " Soldaten", st.integers(1, 5000), st.sampled_from("0179")),
    st.builds(lambda n: "1" + " 000" * n + " Soldaten", st.integers(1, 400)),
    st.text(st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF), max_size=5),  # lone surrogates
    st.builds(lambda p, n: p * n, st.sampled_from(PHRASES), st.integers(1, 300)),
    _repeat("aäZ7ß", 100, 5000),  # very long words
    st.text(st.characters(categories=["Cc", "Cf", "Zs", "Zl", "Zp"]), max_size=30),  # control, format, spaces
    st.text(max_size=60),  # mixed scripts
    st.sampled_from(["Berlin", "Moskau", " ", "\n\n", ". ", "NATO", "Kiew meldet 2.000 Gefallene. ",
                     "2,75 Millionen Brigaden", "1000000000000000 Soldaten", "zwischen 5 und 9 Millionen"]),
)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(FRAGMENTS, min_size=1, max_size=6).map("".join))
def test_extract_survives_hostile_text(runner, text):
    check(runner, text)


@pytest.mark.parametrize("text", [
    "Seite " + "7" * 4301,  # ValueError (int-string limit) before
    "Berlin \ud800 Soldaten",  # UnicodeEncodeError on output before
    "\udfff" * 50 + " Moskau schickt 300 Soldaten.",
    "(" * 16_000,  # 19.5 s in the tokenizer before
    ")" * 8_000 + " Berlin " + "😀" * 8_000,
    "Die Armee hat " + "9" * 40 + " Soldaten.",  # a 40-digit count passed before
    "\x00\x01\x02 Berlin \x1b[31m 300 Soldaten \u202e\u200b",
])
def test_hostile_examples(runner, text):
    start = time.perf_counter()
    check(runner, text)
    assert time.perf_counter() - start < 5


@pytest.mark.parametrize("make", [
    lambda n: "(" * n,
    lambda n: "zwei Bataillone mit 500 Soldaten, " * (n // 34),
    lambda n: ("Nordkorea hat 1.500 Soldaten nach Russland verlegt " * n)[:n],  # one long line, no full stop
    lambda n: "Seite " + "7" * n,
])
def test_time_is_linear_in_input_size(runner, make):
    """Four times the input takes about four times as long (quadratic: sixteen)."""
    def seconds(n: int) -> float:
        text = make(n)
        start = time.perf_counter()
        runner.extract(text)
        return time.perf_counter() - start

    seconds(2_000)  # warm
    small = min(seconds(16_000) for _ in range(2))
    large = seconds(64_000)
    assert large < 10 * max(small, 0.02)
