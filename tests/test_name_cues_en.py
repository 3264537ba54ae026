"""English name cues read from the words around a name: a role alone is no person, a name made an
adjective by "pro-"/"anti-" is no entity, and where a person named with an age is from is a place."""

from __future__ import annotations

import pytest

from geonews_nlp.lang.en.names import not_a_name, town_cue


@pytest.mark.parametrize("word, expected", [
    ("Spokesman", True), ("President", True), ("Monday", True), ("Hijri", False), ("Putin", False),
])
def test_roles_alone_are_no_names(word, expected):
    assert not_a_name(word) is expected


@pytest.mark.parametrize("before, expected", [
    (["Sergeant", "Roi", "Tal", ",", "19", ",", "from"], True),
    (["a", "statement", "from"], False),  # "a statement from Smith": a person
    (["Tal", ",", "from"], False),
])
def test_where_a_person_named_with_an_age_is_from(before, expected):
    assert town_cue(before, "Kfar Yehoshua", [",", "a", "soldier"]) is expected


def test_a_name_made_an_adjective_is_dropped():
    from spacy.tokens import Span

    from geonews_nlp import load

    nlp = load("en", model="blank")
    mapper = nlp.get_pipe("geonews_entities")
    for text, name, kept in [("Pro-Hadi forces advanced.", "Hadi", False), ("pro-Hadi forces advanced.", "Hadi", False),
                             ("Troops loyal to Hadi advanced.", "Hadi", True),
                             ("The pro - Hadi camp split.", "Hadi", True)]:  # spaced: no prefix
        doc = nlp.make_doc(text)
        i = next(t.i for t in doc if t.text == name)
        doc.ents = [Span(doc, i, i + 1, label="PER")]
        assert [e.text for e in mapper(doc).ents] == ([name] if kept else []), text


def test_a_headline_names_a_person_by_surname_before_the_text():
    from geonews_nlp.components.entities import surname_mentions

    words = ["Shoigu", ":", "300,000", "reservists", "\n", "Defence", "Minister", "Sergei", "Shoigu", "said", "Shoigu"]
    assert surname_mentions(words, [(7, 9)], {7, 8}, headline_end=4) == [0, 10]
    assert surname_mentions(words, [(7, 9)], {7, 8}) == [10]  # no headline: only after the full name
