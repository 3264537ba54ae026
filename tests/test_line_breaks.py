"""A line break ends a sentence: headlines and subheadings often carry no full stop."""

from __future__ import annotations

import spacy
from hypothesis import given
from hypothesis import strategies as st

from geonews_nlp.components.factories import make_line_breaks  # noqa: F401  (registers the factory)
from geonews_nlp.lang.common import line_starts


def test_line_starts_after_line_breaks_only():
    words = ["1400", "Soldaten", "stationiert", "\n\n", "Frankreichs", "Präsident", " ", "sagte", "\n", "Das"]
    assert line_starts(words) == [4, 9]
    assert line_starts(words, min_newlines=2) == [4]


@given(st.lists(st.sampled_from(["Soldaten", "1400", "\n", "\n\n", " ", ".", "Nato"]), max_size=30))
def test_a_line_start_follows_a_break_and_is_a_word(words):
    for k in line_starts(words):
        assert "\n" in words[k - 1] and words[k - 1].isspace() and not words[k].isspace()


def test_the_component_splits_a_headline_from_its_paragraph():
    nlp = spacy.blank("de")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("geonews_line_breaks")  # blank lines by default
    doc = nlp("1400 Soldaten stationiert\n\nFrankreichs Präsident hatte den Abzug angekündigt.")
    assert [s.text.strip() for s in doc.sents] == ["1400 Soldaten stationiert",
                                                   "Frankreichs Präsident hatte den Abzug angekündigt."]
    # text on one line keeps the sentencizer's sentences; a single line break splits only when asked
    assert len(list(nlp("Die Nato schickt Soldaten. Sie kommen morgen an.").sents)) == 2
    assert len(list(nlp("Nato schickt Soldaten\nSie kommen morgen an.").sents)) == 1
    every = spacy.blank("de")
    every.add_pipe("sentencizer")
    every.add_pipe("geonews_line_breaks", config={"min_newlines": 1})
    assert len(list(every("Nato schickt Soldaten\nSie kommen morgen an.").sents)) == 2


def test_the_pipeline_reads_a_subheading_on_its_own():
    import geonews_nlp

    text = ("Frankreich hat mit dem Abzug seiner Truppen aus dem Niger begonnen.\n\n1400 Soldaten stationiert\n\n"
            "Präsident Macron hatte nach einer Machtprobe mit der nigrischen Militärregierung den Abzug angekündigt.")
    troops = geonews_nlp.extract(text, lang="de").troops
    assert [(t.text, t.actor) for t in troops] == [("1400 Soldaten", "FR")]


def test_a_headline_takes_the_owner_its_lead_names():
    import geonews_nlp

    text = ("300.000 Reservisten werden teilmobilisiert\n\nSieben Monate nach Beginn des Krieges ordnete Russland am "
            "Mittwoch eine Teilmobilmachung an.")
    assert [t.actor for t in geonews_nlp.extract(text, lang="de").troops] == ["RU"]
    text = "Thousands of reservists called up\n\nRussia on Wednesday ordered a partial mobilisation."
    assert [t.actor for t in geonews_nlp.extract(text, lang="en").troops] == ["RU"]


def test_the_lead_takes_the_owner_its_headline_names():
    import geonews_nlp

    text = "Warum Russland an der Grenze zur Ukraine aufrüstet\n\nDrei neue Stützpunkte, mehr als 150.000 Soldaten."
    assert [t.actor for t in geonews_nlp.extract(text, lang="de").troops] == ["RU"]
    text = "Why Russia is building up on the Ukrainian border\n\nThree new bases, more than 150,000 troops."
    assert [t.actor for t in geonews_nlp.extract(text, lang="en").troops] == ["RU"]
