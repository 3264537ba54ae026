"""English troop grammar (lang/en/troops.py) on sentences written for these tests, read as a blank
English base reads them: spaCy's tokenizer, no tagger, no parser."""

from __future__ import annotations

import pytest
import spacy

from geonews_nlp.lang import registry
from geonews_nlp.lang.base import Sentence, Token
from geonews_nlp.lang.en import actors
from geonews_nlp.lang.en.troops import extract_figures

NLP = spacy.blank("en")
NLP.add_pipe("sentencizer")


def figures(text: str, *, pos: dict[str, str] | None = None):
    doc = NLP(text)
    sents = list(doc.sents)
    if pos is None:
        sentences = [Sentence.of_words([t.text for t in s]) for s in sents]
    else:
        sentences = [Sentence.of_tokens([Token(t.text, t.is_title, pos.get(t.text, "X")) for t in s]) for s in sents]
    out = []
    for f in extract_figures(sentences):
        span = sents[f.sent][f.start:f.end]
        out.append({"text": span.text, "count": f.count, "count_max": f.count_max, "qualifier": f.qualifier,
                    "unit": f.unit, "unit_count": f.unit_count, "actor": f.actor, "kind": f.kind,
                    "location": f.location})
    return out


def one(text: str, **kw):
    found = figures(text, **kw)
    assert len(found) == 1, found
    return found[0]


def test_pack_is_registered():
    pack = registry.get("en")
    assert pack.code == "en" and pack.base_models[0] == "en_core_web_lg" and pack.shipped_model is None
    assert pack.actors.country_names()["north korea"] == "KP"


def test_a_figure_with_its_actor_and_location():
    f = one("The North Korean government has dispatched roughly 11,000 troops to Russia this autumn.")
    assert (f["count"], f["qualifier"], f["unit"], f["actor"], f["kind"], f["location"]) == (
        11000, "approx", "personnel", "KP", "strength", "Russia")


def test_adjectives_and_compounds_between_number_and_head():
    assert one("Analysts counted 8,000 North Korean soldiers near the front line.")["actor"] == "KP"
    assert one("The Pentagon keeps 28,500 U.S. troops on the peninsula.")["actor"] == "US"
    assert one("Officials said 600 American service members would leave.")["count"] == 600


def test_strong_formation_and_formation_with_personnel():
    f = one("Lisbon will send a 1,200-strong contingent to the mission.")
    assert (f["count"], f["unit"], f["unit_count"]) == (1200, "unit", 1)
    f = one("The ministry plans to move three brigades of 4,500 soldiers to the border.")
    assert (f["count"], f["unit"], f["unit_count"]) == (4500, "brigade", 3)
    f = one("Officials described a contingent of about 700 paratroopers.")
    assert (f["count"], f["qualifier"], f["unit"], f["unit_count"]) == (700, "approx", "unit", 1)


def test_formations_counted_alone():
    f = one("The alliance will station two battalions in Estonia.")
    assert (f["count"], f["unit"], f["unit_count"]) == (None, "battalion", 2)
    f = one("Madrid is sending a mechanised brigade to Latvia.")
    assert (f["unit"], f["unit_count"], f["actor"]) == ("brigade", 1, "ES")


def test_vague_words_and_ranges():
    f = one("Thousands of Ukrainian conscripts joined the units last winter.")
    assert (f["count"], f["qualifier"], f["actor"]) == (1000, "vague", "UA")
    f = one("Each brigade counts between 3,000 and 5,000 soldiers.")
    assert (f["count"], f["count_max"], f["qualifier"]) == (3000, 5000, "range")
    f = one("Tens of thousands of reservists were called up.")
    assert (f["count"], f["qualifier"]) == (10000, "vague")


def test_ellipsis_takes_the_actor_of_its_antecedent():
    found = figures("Seoul keeps 450,000 soldiers on duty and 12,000 from the United States are based there.")
    assert [(f["count"], f["actor"]) for f in found] == [(450000, "KR"), (12000, "US")]
    found = figures("Warsaw sent 300 troops to Lithuania in May, and 150 more will follow.")
    assert [(f["count"], f["actor"]) for f in found] == [(300, "PL"), (150, "PL")]


def test_including_is_a_subfigure_with_the_same_actor():
    found = figures("Moscow has 9,000 marines in the region, including 400 officers.")
    assert [(f["count"], f["actor"]) for f in found] == [(9000, "RU"), (400, "RU")]


def test_casualties_follow_the_figures_own_clause():
    f = one("Nine Malian soldiers were killed when their convoy hit a mine.")
    assert (f["count"], f["actor"], f["kind"]) == (9, "ML", "casualties")
    found = figures("The army said 14 soldiers were wounded and 3 dead after the raid.")
    assert [(f["count"], f["kind"]) for f in found] == [(14, "casualties"), (3, "casualties")]
    assert one("Pyongyang has deployed 2,500 troops to the Kursk area.")["kind"] == "strength"


def test_capitals_stand_for_their_government():
    assert one("Pyongyang has sent about 3,000 more soldiers, officials said.")["actor"] == "KP"
    f = one("The convoy carried 200 soldiers to Moscow from the south.")
    assert f["actor"] is None and f["location"] == "Moscow"


def test_possessive_and_from_phrases():
    assert one("Russia's 5,000 paratroopers took part in the drill.")["actor"] == "RU"
    assert one("The base hosts 1,100 troops from Canada.")["actor"] == "CA"


def test_organisations():
    assert one("Hezbollah has about 20,000 fighters in the south.")["actor"] == "Hezbollah"
    assert one("Twelve NATO peacekeepers were hurt in the clashes.")["actor"] == "NATO"


@pytest.mark.parametrize("text", [
    "The 101st Airborne Division returned home in spring.",
    "The 3rd Assault Brigade held the line.",
    "The army lost 200 tanks and 40 helicopters in the offensive.",
    "The ministry spent $400 million on barracks for the troops.",
    "Troops were first stationed there in 2024.",
    "Soldiers aged 25 or older were promoted.",
    "Some 60% of the troops are conscripts.",
    "The 25-year-old soldier was praised by his unit.",
    "Troops in the region face temperatures of 40 degrees.",
    "A senior officer said the troops would stay.",
    "More than 400 people died in the shelling.",
    "The army sent about 5,000 troops and police to the city.",
    "The rebel group controls the town.",
    "Troops patrolled the border for 12 months.",
])
def test_exclusions(text):
    assert figures(text) == []


def test_a_tagger_ends_the_noun_phrase_at_a_verb():
    pos = {"The": "DET", "army": "NOUN", "has": "AUX", "900": "NUM", "trucks": "NOUN", "and": "CCONJ",
           "troops": "NOUN", ".": "PUNCT"}
    assert figures("The army has 900 trucks and troops.", pos=pos) == []
    pos = {"Ukraine": "PROPN", "trained": "VERB", "4,000": "NUM", "combat": "NOUN", "troops": "NOUN", ".": "PUNCT"}
    assert one("Ukraine trained 4,000 combat troops.", pos=pos)["count"] == 4000


def test_document_actor_fills_the_unresolved():
    found = figures("Germany will station 4,800 troops in Lithuania. At first, 200 soldiers arrive by train.")
    assert [f["actor"] for f in found] == ["DE", "DE"]


def test_actor_tables():
    assert actors.actor_from_adjective("North Korean") == "KP"
    assert actors.actor_from_adjective("Saudi-led") is None
    assert actors.country_from_name("the United States") == "US"
    assert actors.actor_from_metonym("Kremlin") == "RU"
    assert actors.organisation("Islamic State") == "IS"
