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


@pytest.mark.parametrize("word, expected", [
    ("Rwandan", True), ("Azerbaijani", True), ("Marines", True), ("Soldiers", True), ("Brig", True),
    ("Rwanda", False), ("U.S.", False), ("Tutaan", False),
])
def test_adjectives_personnel_nouns_and_ranks_are_no_names(word, expected):
    assert not_a_name(word) is expected


@pytest.mark.parametrize("text, i, end", [
    ("spokesman Brig . Gen. Domingo Tutaan said", 4, 6),
    ("Maj Gen Vincent Nyakarundi and", 2, 4),
    ("Lance Naik Muhammad Amin , 26", 2, 4),
    ("met the General Staff on Monday", 3, None),  # no rank before it
    ("Lt. Col. Smith said", 2, None),  # one word: the role rule's, not this one's
])
def test_a_full_name_after_a_rank(text, i, end):
    from geonews_nlp.lang.en.names import rank_name_end

    assert rank_name_end(text.split(), i) == end


def test_a_person_after_a_rank_and_the_surname_later():
    import spacy

    from geonews_nlp.pipeline import BaseChoice, assemble

    nlp = assemble(spacy.blank("en"), BaseChoice("blank_en", "blank", None), "en")
    doc = nlp("Armed Forces spokesman Brig. Gen. Domingo Tutaan said seven personnel were killed, "
                            "said Tutaan.")
    persons = [(e.text, e._.geonews_canonical) for e in doc.ents if e.label_ == "PER"]
    assert persons == [("Domingo Tutaan", "Domingo Tutaan"), ("Tutaan", "Domingo Tutaan")]


@pytest.mark.parametrize("before, text, after, label", [
    ("Heavy fighting took place in ", "Demoso", " on Monday.", "LOC"),  # unknown: a place all the same
    ("Clashes near ", "Marib", " left ten soldiers dead.", "LOC"),
    ("He believes in ", "Putin", "'s Russia.", "PER"),  # a person's possessive
    ("A letter from ", "Biden", " arrived.", "PER"),  # not after "from"
])
def test_a_person_after_in_or_near_is_a_place(kb_en, before, text, after, label):
    from geonews_nlp.gazetteer.decide import DocContext, Mention, decide
    from geonews_nlp.lang import registry

    d = decide(Mention(text, "PER", "model", before, after), DocContext(), kb_en, registry.get("en").names)
    assert d.label == label


def test_a_surname_of_a_full_name_is_the_person(kb_en):
    from geonews_nlp.gazetteer.decide import DocContext, Mention, decide
    from geonews_nlp.lang import registry

    ctx = DocContext(surnames=frozenset({"Tutaan"}))
    d = decide(Mention("Tutaan", "LOC", "model", "killed, said ", "."), ctx, kb_en, registry.get("en").names)
    assert d.label == "PER"
