"""One sense per document: a name found once is that name where it is repeated (``lang.repeats``), and a
name linked once is that entry where the same words were left unlinked (``gazetteer.decide``)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from geonews_nlp import pipeline
from geonews_nlp.gazetteer.decide import Mention, decide_document
from geonews_nlp.gazetteer.schema import Entry
from geonews_nlp.gazetteer.store import Gazetteer
from geonews_nlp.lang import registry
from geonews_nlp.lang.repeats import repeated_names

EN, DE = registry.get("en"), registry.get("de")


def repeats(text: str, names: list[tuple[int, int, str]], starts=(0,), not_a_name=lambda w: False):
    words = text.split()
    taken = {i for s, e, _ in names for i in range(s, e)}
    return [(" ".join(words[s:e]), label) for s, e, label in repeated_names(words, names, taken, starts, not_a_name)]


def test_a_name_found_once_is_found_where_it_is_repeated():
    text = "raids around Marib . The rebels waged an offensive against Marib , said Houthi officials ."
    assert repeats(text, [(2, 3, "LOC")]) == [("Marib", "LOC")]
    # before the first mention too, and several words long
    assert repeats("South Sudan sent troops . Juba said South Sudan will", [(7, 9, "LOC")]) == [("South Sudan", "LOC")]


@pytest.mark.parametrize("text", [
    "in Kursk . troops in Kursk Oblast",  # a word inside a longer name
    "in Kursk . in the Russian Kursk",  # after a capitalised word that opens no sentence
    "the Houthis . Houthi - led forces",  # joined by a hyphen
    "in Kursk . in kursk",  # case differs
])
def test_no_repeat_inside_or_beside_another_name(text):
    first = text.split().index("Kursk") if "Kursk" in text else 1
    names = [(first, first + 1, "LOC")] if "Kursk" in text else [(1, 2, "ORG")]
    assert repeats(text, names) == []


def test_a_repeat_may_open_a_sentence():
    text = "troops in Kursk . Kursk was shelled"
    assert repeats(text, [(2, 3, "LOC")], starts=(0, 4)) == [("Kursk", "LOC")]
    # "In Kursk": the capitalised word before opens the sentence
    assert repeats("troops in Kursk . In Kursk , shelling", [(2, 3, "LOC")], starts=(0, 4)) == [("Kursk", "LOC")]


def test_a_name_labelled_two_ways_or_naming_no_one_is_not_spread():
    text = "Jordan said . Jordan borders Israel , Jordan"
    assert repeats(text, [(0, 1, "PER"), (3, 4, "LOC")], starts=(0, 3)) == []
    assert repeats("on Monday . Monday", [(1, 2, "LOC")], starts=(0, 3), not_a_name=EN.names.not_a_name) == []
    # a model's slip is not copied: a nationality adjective
    assert repeats("a North Korean leader . the North Korean side", [(1, 3, "LOC")],
                   not_a_name=EN.names.not_a_name) == []
    assert repeats("the x . x", [(1, 2, "LOC")]) == []  # not capitalised
    assert repeats("the U . U", [(1, 2, "LOC")]) == []  # one letter


words = st.lists(st.sampled_from(["Marib", "Kursk", "South", "Sudan", "in", "the", ".", "-", "Army", "said"]),
                 max_size=25)


@given(words, st.data())
def test_repeats_are_exact_copies_of_a_name_over_free_words(ws, data):
    spans = []
    if ws:
        start = data.draw(st.integers(0, len(ws) - 1))
        end = data.draw(st.integers(start + 1, min(len(ws), start + 3)))
        spans = [(start, end, "LOC")]
    taken = {i for s, e, _ in spans for i in range(s, e)}
    found = repeated_names(ws, spans, taken)
    names = {tuple(ws[s:e]) for s, e, _ in spans}
    seen: set[int] = set()
    for s, e, label in found:
        assert tuple(ws[s:e]) in names and label == "LOC"
        assert not any(i in taken or i in seen for i in range(s, e))
        seen.update(range(s, e))


# --- linking: one sense per name ------------------------------------------------------------------

@pytest.fixture(scope="module")
def kb():
    return Gazetteer([
        Entry(id="t:marib", type="city", name="Marib", labels={"en": ["Marib"]}, country="YE", population=16_794),
    ], EN.keys, "en")


def test_a_name_linked_once_is_linked_where_it_was_left_unlinked(kb):
    mentions = [Mention("Marib", "LOC", "model", "raids around "), Mention("Marib", "PER", "model", "against ")]
    _, decisions = decide_document(mentions, kb, EN.names)
    assert [(d.label, d.match.entry.id if d.match else None) for d in decisions] == [("LOC", "t:marib")] * 2


def test_a_surname_keeps_its_person(kb):
    mentions = [Mention("Marib", "LOC", "model", "raids around "), Mention("Ali Marib", "PER", "model", "said "),
                Mention("Marib", "PER", "model", "said ")]
    _, decisions = decide_document(mentions, kb, EN.names)
    assert decisions[2].match is None


@pytest.mark.parametrize("lang, text, name", [
    ("en", "Coalition raids hit targets around Marib on Saturday. The rebels have for months waged an "
           "offensive against Marib, rarely commenting on losses.", "Marib"),
    ("de", "Die Truppen der Koalition griffen bei Marib an. Die Rebellen führen seit Monaten eine Offensive "
           "gegen Marib, sagte ein Sprecher.", "Marib"),
])
def test_the_pipeline_finds_and_links_every_mention_of_a_place(lang, text, name):
    doc = pipeline.load(lang)(text)
    found = [e for e in doc.ents if e.text == name]
    assert len(found) == text.count(name)
    assert len({e.kb_id_ for e in found}) == 1 and found[0].kb_id_
