"""Coreference of names within a document (``canonical``) and the places of troop figures (issue 21)."""

from __future__ import annotations

import spacy
from hypothesis import given
from hypothesis import strategies as st

from geonews_nlp import pipeline
from geonews_nlp.components.extensions import doc_entities
from geonews_nlp.gazetteer.coref import acronym_antecedents, antecedents, canonical_names
from geonews_nlp.lang import registry
from geonews_nlp.lang.acronyms import abbreviates, acronym_positions, in_capitals, is_acronym
from geonews_nlp.results import DocumentResult, Entity

GENITIVE = registry.get("de").names.genitive_bases


# --- the pure matching ----------------------------------------------------------------------------

def test_a_surname_after_the_full_name_is_that_person():
    mentions = [("Thomas de Maizière", "PER"), ("Berlin", "LOC"), ("de Maizière", "PER"), ("Maizière", "PER"),
                ("De Maizière", "PER")]
    assert antecedents(mentions, GENITIVE) == [None, None, 0, 0, 0]
    assert canonical_names(mentions, GENITIVE) == ["Thomas de Maizière", "Berlin"] + ["Thomas de Maizière"] * 3


def test_the_genitive_of_a_surname():
    mentions = [("Mark Rutte", "PER"), ("Ruttes", "PER"), ("Rutte", "PER")]
    assert canonical_names(mentions, GENITIVE) == ["Mark Rutte"] * 3
    assert canonical_names(mentions) == ["Mark Rutte", "Ruttes", "Mark Rutte"]  # no inflection given


def test_the_nearest_full_name_before_wins_and_other_labels_are_their_own():
    mentions = [("Bill Clinton", "PER"), ("Hillary Clinton", "PER"), ("Clinton", "PER"), ("Clinton", "ORG"),
                ("Mark", "PER")]
    assert canonical_names(mentions) == ["Bill Clinton", "Hillary Clinton", "Hillary Clinton", "Clinton", "Mark"]


def test_a_surname_before_the_full_name_only_when_one_fits():
    assert canonical_names([("Rutte", "PER"), ("Mark Rutte", "PER"), ("Mark Rutte", "PER")]) == ["Mark Rutte"] * 3
    two = [("Clinton", "PER"), ("Bill Clinton", "PER"), ("Hillary Clinton", "PER")]
    assert canonical_names(two) == ["Clinton", "Bill Clinton", "Hillary Clinton"]


names = st.lists(st.sampled_from(["Mark", "Rutte", "de", "Maizière", "Thomas", "Scholz", "Olaf"]), min_size=1,
                 max_size=3).map(" ".join)


@given(st.lists(st.tuples(names, st.sampled_from(["PER", "ORG", "LOC"])), max_size=8))
def test_a_canonical_name_is_the_mention_or_a_longer_person_ending_in_it(mentions):
    found = antecedents(mentions, GENITIVE)
    for (text, label), j, canonical in zip(mentions, found, canonical_names(mentions, GENITIVE)):
        if j is None:
            assert canonical == text
            continue
        full, full_label = mentions[j]
        assert label == full_label == "PER" and canonical == full
        assert len(full.split()) > len(text.split())
        assert found[j] is None  # a chain ends at the fullest name
        assert any(full.casefold().endswith(" " + form.casefold()) for form in [text, *GENITIVE(text)])


# --- acronyms -------------------------------------------------------------------------------------

def test_an_acronym_takes_the_initials_of_capitalised_words_and_any_lowercase_ones():
    assert abbreviates("SNA", "Somali National Army")
    assert abbreviates("LAC", "Line of Actual Control")  # "of" gives no letter
    assert abbreviates("OVKS", "Organisation des Vertrags über kollektive Sicherheit")  # "kollektive" gives one
    assert abbreviates("TTP", "Tehrik-i-Taliban Pakistan") and abbreviates("JeM", "Jaish-e-Mohammed")
    assert abbreviates("KSK", "Kommando Spezialkräfte")  # the last word's inner letter: a compound
    assert not abbreviates("SAF", "Sudan") and not abbreviates("BND", "Bundesnachrichtendienst")  # one word
    assert not abbreviates("RSF", "Syrian Democratic Forces") and not abbreviates("SDF", "Rapid Support Forces")
    assert not abbreviates("Army", "Armed Forces") and not abbreviates("sna", "Somali National Army")
    # inner letters only at the acronym's end, from the last word, starting a part of four letters
    assert not abbreviates("KIA", "Karenni Army") and not abbreviates("AND", "Alternative für Deutschland")
    assert not abbreviates("UA", "in der Ukraine")  # a long form starts with a capital


def test_what_is_an_acronym():
    assert all(map(is_acronym, ["SNA", "KNDF", "JeM", "UN", "OVKS", "AfD"]))
    assert not any(map(is_acronym, ["Sudan", "A", "U.S.", "SNA-Kämpfer", "AAAAAAAAA", "nato", "McCain", "TikTok"]))


def test_an_acronym_is_the_full_name_it_abbreviates_in_the_same_text():
    mentions = [("Sudan", "LOC"), ("Sudanese Armed Forces", "ORG"), ("Rapid Support Forces", "ORG"),
                ("RSF", "ORG"), ("SAF", "ORG"), ("SAF", "PER")]
    assert acronym_antecedents(mentions) == [None, None, None, 2, 1, 1]
    # a full name after the acronym; never a person's name
    assert acronym_antecedents([("KA", "ORG"), ("Karenni Army", "ORG")]) == [1, None]
    assert acronym_antecedents([("Kim Jong", "PER"), ("KJ", "ORG")]) == [None, None]
    assert acronym_antecedents([("Karenni Army", "ORG"), ("Karenni Army", "ORG"), ("KA", "PER")]) == [None, None, 1]


def test_two_names_an_acronym_abbreviates_leave_it_open_unless_it_is_bracketed():
    mentions = [("South Africa", "LOC"), ("Saudi Arabia", "LOC"), ("SA", "ORG"), ("SA", "ORG")]
    assert acronym_antecedents(mentions) == [None] * 4
    # bracketed after one of them: that one, and so is every later mention written alike
    assert acronym_antecedents(mentions, [False, False, True, False]) == [None, None, 1, 1]


words = st.lists(st.sampled_from(["Somali", "National", "Army", "of", "the", "Forces", "Sudan", "Armed", "für"]),
                 min_size=1, max_size=4).map(" ".join)
acronyms = st.text(alphabet="SNAFROTL", min_size=2, max_size=4)


@given(st.lists(st.tuples(st.one_of(words, acronyms), st.sampled_from(["PER", "ORG", "LOC"])), max_size=8))
def test_an_acronyms_antecedent_is_a_longer_name_it_abbreviates(mentions):
    for (text, _), j in zip(mentions, acronym_antecedents(mentions)):
        if j is not None:
            long_form, label = mentions[j]
            assert is_acronym(text) and label != "PER" and not is_acronym(long_form)
            assert abbreviates(text, long_form) and len(long_form.split()) >= 2


# --- in the pipeline --------------------------------------------------------------------------------

def _stand_in(tmp_path, patterns):
    """Our pipeline on a rule-based stand-in for a statistical NER."""
    base = spacy.blank("de")
    base.add_pipe("entity_ruler", name="ner").add_patterns(patterns)
    base.to_disk(tmp_path / "base")
    return pipeline.load("de", str(tmp_path / "base"))


def _ents(nlp, text):
    return [(e["text"], e["label"], e["canonical"], (e["link"] or {}).get("id")) for e in doc_entities(nlp(text))]


def test_a_later_surname_takes_the_full_mentions_link(blank_nlp):
    text = "NATO-Generalsekretär Mark Rutte kam nach Kiew. Rutte sagte, Ruttes Besuch sei wichtig."
    persons = [e for e in _ents(blank_nlp, text) if e[1] == "PER"]
    assert persons == [("Mark Rutte", "PER", "Mark Rutte", "Q57792"), ("Rutte", "PER", "Mark Rutte", "Q57792"),
                       ("Ruttes", "PER", "Mark Rutte", "Q57792")]


def test_an_unknown_person_stays_nil_with_the_full_name(tmp_path):
    # (a name no gazetteer holds: Thomas de Maizière, its first example, is a curated person since December 2026)
    nlp = _stand_in(tmp_path, [{"label": "PER", "pattern": [{"TEXT": "Jonas"}, {"TEXT": "de"}, {"TEXT": "Bruyère"}]},
                               {"label": "PER", "pattern": [{"LOWER": "de"}, {"TEXT": "Bruyère"}]},
                               {"label": "PER", "pattern": "Gates"},
                               {"label": "PER", "pattern": [{"TEXT": "Hans"}, {"TEXT": "Gates"}]}])
    text = "Jonas de Bruyère kam. De Bruyère sagte, Hans Gates und Gates seien da."
    assert _ents(nlp, text) == [("Jonas de Bruyère", "PER", "Jonas de Bruyère", None),
                                ("De Bruyère", "PER", "Jonas de Bruyère", None),
                                ("Hans Gates", "PER", "Hans Gates", None),
                                ("Gates", "PER", "Hans Gates", None)]  # no company link for the surname


def test_every_entity_of_a_result_has_canonical(blank_nlp):
    doc = blank_nlp("Die NATO tagt in Brüssel. Nordkorea hat 1.500 Soldaten nach Russland verlegt.")
    result = DocumentResult.from_doc(doc, model={"name": "blank_de", "version": "0"})
    assert result.entities and all(e.canonical == e.text for e in result.entities)
    assert result.to_records()[0]["canonical"] == result.entities[0].text


def test_a_result_without_canonical_reads_the_text():
    e = Entity.model_validate({"label": "PER", "text": "Rutte", "start": 0, "end": 5, "source": "model"})
    assert e.canonical == "Rutte" and e.model_dump()["canonical"] == "Rutte"


# --- the places of troop figures -----------------------------------------------------------------------

def _location(troops, text):
    (figure,) = troops(text)
    return (figure["location"] or {}).get("name")


def test_a_region_word_leads_to_the_region(troops):
    assert _location(troops, "Russland verlegte 5000 Soldaten in der Region Kursk.") == "Kursk Oblast"
    assert _location(troops, "Russland zog 10.000 Soldaten im Gebiet Kursk zusammen.") == "Kursk Oblast"


def test_common_nouns_are_no_places(troops):
    assert _location(troops, "Polen schickte 2000 Soldaten an die Grenze.") is None  # not Gransee
    assert _location(troops, "Die Ukraine verlegte 3000 Soldaten in den Süden.") is None  # not Sweden
    assert _location(troops, "Deutschland schickt 400 Soldaten ins Ausland.") is None  # not Russia
    assert _location(troops, "Die Armee verlegte 300 Soldaten in die Region.") is None  # not Reggio Calabria


def test_places_are_still_linked(troops):
    assert _location(troops, "Die USA schicken 3000 Soldaten nach Polen.") == "Poland"
    assert _location(troops, "Die Bundeswehr verlegt 500 Soldaten nach Litauen.") == "Lithuania"


def test_a_misspelt_place_is_not_guessed(troops):
    # the entity ruler does not find "Litauem"; without an entity, a place must be its own name
    assert _location(troops, "Die Bundeswehr verlegt 500 Soldaten nach Litauem.") is None


def test_link_location_takes_own_names_only():
    from geonews_nlp.gazetteer.decide import link_location
    from geonews_nlp.gazetteer.schema import Entry
    from geonews_nlp.gazetteer.store import Gazetteer

    de = registry.get("de")
    kb = Gazetteer([
        Entry(id="x:se", type="country", name="Sweden", country="SE", labels={"de": ["Schweden"], "fr": ["Suède"]}),
        Entry(id="x:rc", type="city", name="Reggio Calabria", country="IT", aliases={"any": ["Region"]}),
        Entry(id="x:gs", type="city", name="Gransee", country="DE", labels={"de": ["Gransee"]}),
        Entry(id="x:kc", type="city", name="Kursk", country="RU", labels={"de": ["Kursk"]}),
        Entry(id="x:ko", type="region", name="Kursk Oblast", country="RU", labels={"de": ["Oblast Kursk"]},
              aliases={"de": ["Region Kursk", "Gebiet Kursk"]}),
        Entry(id="x:ha", type="city", name="Halle", country="DE", labels={"de": ["Halle"]}, frequent_in=["de"]),
    ], de.keys, "de")

    def link(word, after=None):
        m = link_location(kb, word, after, de.names)
        return m.entry.id if m else None

    assert link("Schweden") == link("Schwedens") == link("Sweden") == "x:se"
    assert link("Süden") is None  # a German ending on the French "Suède"
    assert link("Region") is None and link("Region", "Kursk") == "x:ko" and link("Gebiet", "Kursk") == "x:ko"
    assert link("Grenze") is None and link("Gransee") == "x:gs" and link("Granse") is None  # never fuzzy
    assert link("Kursk") == "x:kc" and link("Halle") is None and link("grenze") is None


def test_a_bracketed_acronym_overrides_its_own_link_for_the_rest_of_the_text(tmp_path):
    nlp = _stand_in(tmp_path, [{"label": "ORG", "pattern": "AFP"},
                               {"label": "ORG", "pattern": [{"TEXT": "Armed"}, {"TEXT": "Forces"}, {"LOWER": "of"},
                                                            {"LOWER": "the"}, {"TEXT": "Philippines"}]}])
    alone = _ents(nlp, "Die AFP meldete das.")
    assert alone[0][3]  # the news agency, by the gazetteer's alias
    text = "Die Armed Forces of the Philippines (AFP) griffen an. Die AFP meldete das."
    full, *acronyms = _ents(nlp, text)
    assert full[3] and full[3] != alone[0][3]
    assert acronyms == [("AFP", "ORG", "Armed Forces of the Philippines", full[3])] * 2


def test_an_acronym_the_model_missed_of_a_name_in_the_same_text(tmp_path):
    nlp = _stand_in(tmp_path, [{"label": "ORG", "pattern": [{"TEXT": "Tamu"}, {"TEXT": "Peoples"},
                                                            {"TEXT": "Front"}]}])
    assert _ents(nlp, "Die Tamu Peoples Front griff an. TPF-Kämpfer und die TPF nahmen die Stadt.") == [
        ("Tamu Peoples Front", "ORG", "Tamu Peoples Front", None), ("TPF", "ORG", "Tamu Peoples Front", None)]
    assert _ents(nlp, "Die TPF griff an.") == []  # no name it abbreviates


def test_acronym_positions_take_the_nearest_name_and_skip_words_in_capitals():
    names = [(0, "Karenni National Army"), (5, "Kachin National Army"), (20, "Kayin Nationalist Alliance")]
    words = ["x"] * 30
    words[3], words[8], words[25] = "KNA", "KNA", "KNA"
    assert acronym_positions(words, names, taken={8}) == []  # three names as written: no guess
    assert acronym_positions(words, names[:1], taken={8}) == [(3, 0), (25, 0)]
    shout = ["Islamic", "State", "IT", "IS", "NOT", "OVER"]
    assert acronym_positions(shout, [(0, "Islamic State")], set()) == []
    assert in_capitals(shout, 3) and not in_capitals(["the", "KNA", "said"], 1)
