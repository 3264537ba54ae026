"""Language identification (``geonews_nlp.langid``) on the German/English set written for it.

``tests/data/langid.jsonl``: 270 texts, half marked ``look`` (used while choosing the detector),
half ``score`` (only scored). Issue 20 asks for at least 99% on German and English headlines and
paragraphs; the very short and the mixed-language items are reported beside it.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geonews_nlp.langid import LOW_CONFIDENCE, MAX_CHARS, MIN_CANDIDATE_MASS, LangGuess, identify

DATA = Path(__file__).parent / "data" / "langid.jsonl"
PAIR = ("de", "en")
ROWS = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]


def _accuracy(rows: list[dict[str, str]]) -> tuple[float, list[str]]:
    wrong = [f'{r["lang"]}: {r["text"]}' for r in rows if identify(r["text"], PAIR).lang != r["lang"]]
    return 1 - len(wrong) / len(rows), wrong


def test_the_set_is_as_described() -> None:
    counts = Counter((r["lang"], r["kind"], r["split"]) for r in ROWS)
    for lang in PAIR:
        assert sum(n for (lg, _, _), n in counts.items() if lg == lang) >= 120
        for kind in ("headline", "paragraph", "short", "mixed"):
            assert counts[(lang, kind, "look")] > 0 and counts[(lang, kind, "score")] > 0
    assert {r["split"] for r in ROWS} == {"look", "score"}
    assert len({r["text"] for r in ROWS}) == len(ROWS)


def test_score_half_headlines_and_paragraphs_reach_99_percent() -> None:
    rows = [r for r in ROWS if r["split"] == "score" and r["kind"] in ("headline", "paragraph")]
    assert len(rows) >= 100
    accuracy, wrong = _accuracy(rows)
    assert accuracy >= 0.99, wrong


@pytest.mark.parametrize("kind, floor", [("short", 0.95), ("mixed", 0.9)])
def test_score_half_short_and_mixed(kind: str, floor: float, capsys: pytest.CaptureFixture[str]) -> None:
    rows = [r for r in ROWS if r["split"] == "score" and r["kind"] == kind]
    accuracy, wrong = _accuracy(rows)
    with capsys.disabled():
        print(f"\nlangid, score half, {kind}: {accuracy:.3f} on {len(rows)} texts; wrong: {wrong}")
    assert accuracy >= floor, wrong


def test_every_german_and_english_text_is_kept_among_the_candidates() -> None:
    for r in ROWS:
        guess = identify(r["text"], PAIR)
        assert guess.lang in PAIR, r["text"]
        assert sum(guess.scores.values()) >= MIN_CANDIDATE_MASS


@pytest.mark.parametrize(
    "text",
    [
        "Le gouvernement français a annoncé l'envoi de deux mille soldats supplémentaires en Roumanie.",
        "Les pourparlers de paix entre les deux pays reprendront la semaine prochaine à Genève.",
        "Министерство обороны сообщило о переброске дополнительных войск в Курскую область.",
        "Переговоры о прекращении огня продолжатся в понедельник в Стамбуле.",
    ],
)
def test_french_and_russian_are_not_confidently_german_or_english(text: str) -> None:
    guess = identify(text, PAIR)
    assert guess.lang is None
    assert guess.confidence < 0.05
    assert guess.uncertain


@pytest.mark.parametrize("text", ["", "   \n\t", "12345", "1.500 / 4,000 – 2025", "!!! ???", "中国在台湾周边举行大规模军事演习。"])
def test_no_language_without_german_or_english_evidence(text: str) -> None:
    guess = identify(text, PAIR)
    assert guess.lang is None
    assert guess.confidence < LOW_CONFIDENCE


def test_candidates_shape_the_answer() -> None:
    text = "Nordkorea hat rund 1.500 Soldaten nach Russland verlegt."
    assert identify(text, ["de"]).lang == "de"
    assert identify(text, ["de", "en", "de"]).scores.keys() == {"de", "en"}
    assert identify(text, []) == LangGuess(None, 0.0, {})
    unknown = identify(text, ["xx"])  # a pack whose language the detector does not know
    assert unknown.lang is None and unknown.scores == {"xx": 0.0}
    assert identify("North Korea has sent thousands of troops to Russia.", ("de", "en", "fr")).lang == "en"


def test_long_texts_are_read_from_the_start_only() -> None:
    german = "Die Bundeswehr verlegt weitere Soldaten nach Litauen. " * (MAX_CHARS // 40)
    english = "The army sends more troops to the border. " * 500
    assert identify(german + english, PAIR).lang == "de"


def test_guess_is_frozen() -> None:
    guess = identify("Selenskyj trifft Scholz in Berlin", PAIR)
    with pytest.raises(AttributeError):
        guess.lang = "en"  # type: ignore[misc]
    assert hash(guess) == hash(LangGuess(guess.lang, guess.confidence))


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=300), candidates=st.lists(st.sampled_from(["de", "en", "fr", "ru", "xx", ""]), max_size=4))
def test_identify_never_raises_and_stays_in_range(text: str, candidates: list[str]) -> None:
    guess = identify(text, candidates)
    assert guess.lang is None or guess.lang in candidates
    assert 0.0 <= guess.confidence <= 1.0
    assert set(guess.scores) == set(candidates)
    assert all(0.0 <= v <= 1.0 for v in guess.scores.values())
    assert sum(guess.scores.values()) <= 1.0 + 1e-6
    if guess.lang is not None:
        assert guess.confidence == guess.scores[guess.lang] == max(guess.scores.values())


@settings(max_examples=100, deadline=None)
@given(text=st.text(alphabet=st.characters(codec="utf-8"), max_size=200)
       | st.text(alphabet=st.sampled_from(list("0123456789 .,-–/%:;!?()[]\n\t")), max_size=80))
def test_identify_on_symbols_and_any_script(text: str) -> None:
    guess = identify(text, PAIR)
    assert 0.0 <= guess.confidence <= 1.0
    if not any(ch.isalpha() for ch in text):
        assert guess == LangGuess(None, 0.0, {"de": 0.0, "en": 0.0})
