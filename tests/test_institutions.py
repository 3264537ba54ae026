"""State bodies named by their kind ("the Russian Defense Ministry", "das Verteidigungsministerium"):
the packs' readings, the entries made for them, the country from the name, the word before or the
document, and the whole pipeline."""

from __future__ import annotations

import pytest
import spacy
from hypothesis import given
from hypothesis import strategies as st

from geonews_nlp.gazetteer.decide import DocContext, Mention, decide, document_topic, institution_of
from geonews_nlp.gazetteer.institutions import KINDS, NAME_TEMPLATES, made_entry, topic_country
from geonews_nlp.gazetteer.schema import Entry
from geonews_nlp.gazetteer.store import Match
from geonews_nlp.lang import registry
from geonews_nlp.lang.base import Institution
from geonews_nlp.lang.de.institutions import institution as de_institution
from geonews_nlp.lang.en.institutions import institution as en_institution

EN, DE = registry.get("en"), registry.get("de")


# --- what the packs read ---------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Defense Ministry", ("defence_ministry", ())),
    ("the Defence Ministry", ("defence_ministry", ())),
    ("Russian Defense Ministry", ("defence_ministry", ("Russian",))),
    ("UK Defense Ministry", ("defence_ministry", ("UK",))),
    ("Ministry of Defense of Azerbaijan", ("defence_ministry", ("Azerbaijan",))),
    ("Ministry of Foreign Affairs", ("foreign_ministry", ())),
    ("General Staff of the Armed Forces of Ukraine", ("general_staff", ("Ukraine",))),
    ("Armed Forces of the Philippines", ("armed_forces", ("Philippines",))),
    ("U.S. Army", ("army", ("U.S.",))),
    ("Army", ("army", ())),
    ("Somali National Army", ("army", ("Somali National",))),  # the core rejects the words
])
def test_english_reading(text, expected):
    assert en_institution(text) == Institution(*expected)


@pytest.mark.parametrize("text", ["army", "the military", "Bank of England", "Ministry", "Foreign Minister"])
def test_english_names_of_no_body(text):
    assert en_institution(text) is None


@pytest.mark.parametrize("text, expected", [
    ("Verteidigungsministerium", ("defence_ministry", ())),
    ("russischen Verteidigungsministeriums", ("defence_ministry", ("russischen",))),
    ("US-Luftwaffe", ("air_force", ("US",))),
    ("Generalstab der ukrainischen Streitkräfte", ("general_staff", ("ukrainischen",))),
    ("Schweizer Armee", ("armed_forces", ("Schweizer",))),
    ("Nationalgarde der USA", ("national_guard", ("USA",))),
    ("Verteidigungsministerium in Moskau", ("defence_ministry", ("Moskau",))),
])
def test_german_reading(text, expected):
    assert de_institution(text) == Institution(*expected)


@pytest.mark.parametrize("text", ["Armeen", "Befreiungsarmee", "Belutschistan-Befreiungsarmee", "Bundesheer",
                                  "Verteidigungsministerin", "armee"])
def test_german_names_of_no_body(text):
    assert de_institution(text) is None


@given(st.text())
def test_readings_never_raise(text):
    for read in (en_institution, de_institution):
        got = read(text)
        assert got is None or got.kind in KINDS


# --- entries and the document's country --------------------------------------------------------------

def test_made_entries_are_named_like_their_articles(kb_en):
    ru, india = kb_en.country("RU"), kb_en.country("IN")
    assert made_entry("defence_ministry", ru).name == "Ministry of Defence (Russia)"
    assert made_entry("army", india).name == "Indian Army"
    e = made_entry("general_staff", india)
    assert (e.id, e.country, e.institution, e.propose) == ("geonews:in-general-staff", "IN", "general_staff", False)
    assert set(NAME_TEMPLATES) == set(KINDS)


def test_a_country_without_an_adjective_is_named_by_its_name():
    land = Entry(id="Q1", type="country", name="Freedonia", country="XF")
    assert made_entry("army", land).name == "Army of Freedonia"


def test_curated_bodies_win_and_made_ones_are_stable(kb_en):
    assert kb_en.institution("army", "US").name == "United States Army"
    assert kb_en.institution("army", "RU") is kb_en.institution("army", "RU")
    assert kb_en.institution("army", "XX") is None


@pytest.mark.parametrize("weights, expected", [
    ({"US": 4, "PL": 2}, "US"), ({"US": 3, "PL": 2}, None), ({"US": 2, "PL": 2}, None), ({}, None),
    ({"DE": 1}, "DE")])
def test_topic_country_needs_a_clear_lead(weights, expected):
    assert topic_country(weights) == expected


def test_document_topic_counts_countries_twice(kb_en):
    def m(name: str, method: str = "exact") -> Match:
        return Match(kb_en.lookup(name, "LOC").entry, 100.0, method)
    assert document_topic([m("Poland"), m("Kentucky"), m("Texas"), m("Boston"), m("Chicago")]) == "US"
    assert document_topic([m("Poland"), m("Kentucky"), m("Texas"), m("Boston")]) is None  # 3 against 2
    assert document_topic([m("Poland"), m("Kentucky"), None]) == "PL"


# --- the country of one mention ---------------------------------------------------------------------

def mention(text: str, before: str = "") -> Mention:
    return Mention(text, "ORG", "model", before)


def test_country_from_the_name_the_word_before_or_the_document(kb_en):
    def name(text: str, before: str = "", topic: str | None = None) -> str | None:
        inst = en_institution(text)
        assert inst is not None
        body = institution_of(inst, mention(text, before), DocContext(body_country=topic), kb_en)
        return body.name if body else None
    assert name("Russian Defense Ministry") == "Ministry of Defence (Russia)"
    assert name("Armed Forces Ministry", before="said that France's ") == "Ministry of the Armed Forces (France)"
    assert name("Defense Ministry", before="the ", topic="KR") == "Ministry of National Defense (South Korea)"
    assert name("Defense Ministry", before="the ") is None  # no country: no guess
    assert name("Somali National Army", topic="SO") is None  # another body's own name
    assert name("Army", before="Kremlin's ", topic="US") == "Russian Ground Forces"


def test_a_known_organisation_keeps_its_entry(kb_de):
    got = decide(mention("US-Verteidigungsministerium"), DocContext(body_country="RU"), kb_de, DE.names)
    assert got.match is not None and got.match.entry.name == "United States Department of Defense"


def test_german_mention_takes_the_adjective_before_it(kb_de):
    got = decide(mention("Verteidigungsministeriums", before="des russischen "), DocContext(), kb_de, DE.names)
    assert got.label == "ORG" and got.match is not None
    assert (got.match.entry.name, got.match.method) == ("Ministry of Defence (Russia)", "institution")


# --- the pipeline --------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def blank_en():
    from geonews_nlp.pipeline import BaseChoice, assemble

    return assemble(spacy.blank("en"), BaseChoice("blank_en", "blank", None), "en")


def test_english_names_are_proposed_and_linked_by_the_document(blank_en):
    doc = blank_en("Troops left Fort Bliss in Texas for Poland. The Army said the Polish Defense Ministry "
                   "and the National Guard of Texas agreed. Houston and Dallas were calm.")
    got = {e.text: e._.geonews_link["name"] for e in doc.ents if e._.geonews_link}
    assert got["Polish Defense Ministry"] == "Ministry of National Defence (Poland)"  # its title, curated


def test_lower_case_army_is_no_name(blank_en):
    doc = blank_en("The Russian army moved 3,000 soldiers to the border.")
    assert not any("army" in e.text for e in doc.ents)


def test_a_body_named_again_keeps_its_country(kb_en):
    from geonews_nlp.gazetteer.decide import same_body_country

    fr = Match(kb_en.institution("defence_ministry", "FR"), 100.0, "institution")
    niger = Match(kb_en.lookup("Niger", "LOC").entry, 100.0, "exact")
    army = Match(kb_en.institution("army", "US"), 100.0, "exact")
    assert same_body_country([fr, niger, niger, None], 3, "defence_ministry") == "FR"
    assert same_body_country([None, army, fr], 0, "army") == "US"  # after it, when none is before
    assert same_body_country([fr, niger, None], 2, "army") is None


def test_pipeline_links_a_later_bare_name_to_the_first_one(blank_en):
    doc = blank_en("France's Armed Forces Ministry says 1,500 troops in Niger will leave. Niger and Mali "
                   "agreed, Niger said. The Armed Forces Ministry said the exit ends in December.")
    links = [e._.geonews_link["name"] for e in doc.ents if e.text == "Armed Forces Ministry"]
    assert links == ["Ministry of the Armed Forces (France)"] * 2



# --- cases of the review of the first version ---------------------------------------------------------

def test_a_name_with_more_than_a_country_is_no_states_body(kb_en):
    inst = en_institution("Free Syrian Army")
    assert inst is not None and institution_of(inst, mention("Free Syrian Army"), DocContext(), kb_en) is None


def test_the_country_before_comes_from_the_mentions_own_sentence(kb_en):
    inst = en_institution("Defense Ministry")
    assert inst is not None
    assert institution_of(inst, mention("Defense Ministry", before="delegation to Russia. "), DocContext(),
                          kb_en) is None
    got = institution_of(inst, mention("Defense Ministry", before="said the U.S. "), DocContext(), kb_en)
    assert got is not None and got.country == "US"


def test_a_person_is_no_state_body(kb_de):
    got = decide(Mention("Marine", "PER", "model"), DocContext(body_country="FR"), kb_de, DE.names)
    assert got.label == "PER" and (got.match is None or got.match.method != "institution")


def _document(kb, names, texts):
    from geonews_nlp.gazetteer.decide import decide_document

    return decide_document([Mention(t, label, "model", before) for t, label, before in texts], kb, names)[1]


def test_a_body_of_its_own_name_keeps_the_bare_mention_unlinked(kb_en):
    decisions = _document(kb_en, EN.names, [("Texas National Guard", "ORG", "The "), ("Mexico", "LOC", "border with "),
                                            ("Mexico", "LOC", "in "), ("National Guard", "ORG", "praised the ")])
    assert decisions[3].match is None


def test_a_story_of_two_countries_gives_a_bare_ministry_to_neither(kb_en):
    decisions = _document(kb_en, EN.names, [("KYIV", "LOC", ""), ("Defense Ministry", "ORG", "- The "),
                                            ("Russia", "LOC", "said "), ("Ukraine", "LOC", "at "),
                                            ("Russia", "LOC", ". "), ("Odesa", "LOC", "at "), ("Russia", "LOC", ". ")])
    assert decisions[1].match is None


def test_a_bare_ministry_in_a_story_of_one_country(kb_en):
    decisions = _document(kb_en, EN.names, [("SEOUL", "LOC", ""), ("Defense Ministry", "ORG", "- The "),
                                            ("South Korea", "LOC", "said "), ("Busan", "LOC", "in ")])
    assert decisions[1].match is not None and decisions[1].match.entry.country == "KR"


def test_countries_of_one_name_are_told_apart_by_the_towns_named(kb_de):
    decisions = _document(kb_de, DE.names, [("BRAZZAVILLE", "LOC", ""), ("Kongo", "LOC", "Im "),
                                            ("Brazzaville", "LOC", ". ")])
    assert decisions[1].match is not None and decisions[1].match.entry.country == "CG"
    decisions = _document(kb_de, DE.names, [("Kongo", "LOC", "Im "), ("Goma", "LOC", "in ")])
    assert decisions[0].match is not None and decisions[0].match.entry.country == "CD"


def test_no_state_army_inside_a_longer_name(blank_en):
    doc = blank_en("Turkey said the Free Syrian Army took three villages. The Indian Army held drills.")
    # the armed group is a name of its own (the armed-group table); the state's army inside it is none
    assert [e.text for e in doc.ents if e.label_ == "ORG"] == ["Free Syrian Army", "Indian Army"]


def test_departments_are_proposed_and_linked(blank_en):
    doc = blank_en("WASHINGTON (AP) - The State Department said the talks in Texas and Ohio failed, "
                   "and the U.S. Department of Defense agreed.")
    got = {e.text: e._.geonews_link["name"] for e in doc.ents if e.label_ == "ORG" and e._.geonews_link}
    assert got["State Department"] == "United States Department of State"
    assert got["U.S. Department of Defense"] == "United States Department of Defense"


@pytest.mark.parametrize("text, before, after, dateline", [
    ("WASHINGTON", "", " (", True), ("KYIV", "Headline\n\n", ", ", True), ("BERLIN", "", " –", True),
    ("NATO", "", " s", False), ("WASHINGTON", "said in ", " (", False), ("Berlin", "", " (", False)])
def test_datelines(text, before, after, dateline):
    from geonews_nlp.gazetteer.decide import is_dateline

    assert is_dateline(Mention(text, "ORG", "model", before, after)) is dateline


def test_a_dateline_labelled_org_is_a_place(kb_en):
    got = decide(Mention("WASHINGTON", "ORG", "model", "", " ("), DocContext(), kb_en, EN.names)
    assert got.label == "LOC" and got.match is not None and got.match.entry.country == "US"
    got = decide(Mention("NATO", "ORG", "model", "", " ("), DocContext(), kb_en, EN.names)
    assert got.label == "ORG"


def test_a_ministry_sits_in_the_country_or_capital_after_it_a_force_serves_there(kb_de):
    def name(text: str, after: str) -> str | None:
        got = decide(Mention(text, "ORG", "model", "Das ", after), DocContext(), kb_de, DE.names)
        return got.match.entry.name if got.match is not None else None
    assert name("Verteidigungsministerium", " in Wien bestätigte das.") == "Ministry of Defence (Austria)"
    assert name("Außenministerium", " in Moskau wies das zurück.") == "Ministry of Foreign Affairs (Russia)"
    assert name("Luftwaffe", " in Litauen flog Patrouillen.") is None  # forces serve where they are placed
    assert name("Verteidigungsministerium", " nach Wien reiste.") is None  # no seat


def test_german_proposes_ministries_and_staffs_named_alone(blank_nlp):
    doc = blank_nlp("Österreichs Regierung in Wien beschloss den Einsatz. Das Verteidigungsministerium bestätigte "
                    "das. Laut Generalstab sind die Soldaten bereit. Die Armee und die Marine schwiegen.")
    got = {e.text: (e._.geonews_link or {}).get("name") for e in doc.ents if e.label_ == "ORG"}
    assert set(got) == {"Verteidigungsministerium", "Generalstab"}  # not "Armee" or "Marine" alone
    assert got["Verteidigungsministerium"] == "Ministry of Defence (Austria)"  # the document's country


def test_forces_owner_is_the_state_of_most_figures():
    from geonews_nlp.gazetteer.institutions import forces_owner

    states = {"DE", "ML", "FR"}
    assert forces_owner(["DE", "DE", "ML", None, "NATO"], states) == "DE"
    assert forces_owner(["DE", "ML"], states) is None  # one figure each: no one's
    assert forces_owner(["DE", "DE", "ML", "ML", "FR"], states) is None  # DE holds 2 of 5: no majority
    assert forces_owner(["UN", "UN", "Hamas", None], states) is None  # states only


@given(st.lists(st.sampled_from(["DE", "ML", "FR", "UN", None]), max_size=12))
def test_forces_owner_owns_at_least_half_of_the_states_figures(actors):
    from geonews_nlp.gazetteer.institutions import forces_owner

    code = forces_owner(actors, {"DE", "ML", "FR"})
    states = [a for a in actors if a in ("DE", "ML", "FR")]
    if code is not None:
        assert states.count(code) >= 2 and 2 * states.count(code) >= len(states)


def test_a_force_named_alone_is_the_state_whose_troops_the_text_counts(blank_nlp):
    doc = blank_nlp("Die Bundeswehr hat 300 Soldaten nach Mali geschickt. In Bamako landeten weitere 200 "
                    "deutsche Soldaten. Die Luftwaffe flog sie aus. Das Verteidigungsministerium bestätigte dies.")
    got = {e.text: (e._.geonews_link or {}).get("name") for e in doc.ents if e.label_ == "ORG"}
    assert got["Luftwaffe"] == "German Air Force"  # not Mali's, the country the text is about
    assert got["Verteidigungsministerium"] == "Federal Ministry of Defence (Germany)"


def test_a_body_reporting_the_enemys_losses_is_not_the_enemys(blank_nlp):
    doc = blank_nlp("Die Ukraine meldete am Dienstag Erfolge. 1200 russische Soldaten seien getötet worden. "
                    "Weitere 300 russische Soldaten seien verletzt worden, teilte das Verteidigungsministerium mit.")
    got = {e.text: (e._.geonews_link or {}).get("name") for e in doc.ents if e.label_ == "ORG"}
    assert got["Verteidigungsministerium"] != "Ministry of Defence (Russia)"


def test_a_bare_body_after_the_states_curated_body_is_that_body():
    import geonews_nlp

    text = ("Nigeria said on Monday that militants had attacked. The Nigerian Defence Ministry said two soldiers were "
            "wounded. The Defence Ministry later said the situation was calm.")
    links = [(e.text, e.link and e.link.name) for e in geonews_nlp.extract(text, lang="en").entities]
    assert ("Nigerian Defence Ministry", "Ministry of Defence (Nigeria)") in links
    assert ("Defence Ministry", "Ministry of Defence (Nigeria)") in links
    # a body with a name of its own is no guess for the bare kind
    text = "The Texas National Guard sent 300 soldiers. The National Guard said more would follow."
    assert all(e.link is None for e in geonews_nlp.extract(text, lang="en").entities if e.text == "National Guard")
