"""Places named as regions by the words around them ("Westprovinz Farah", "the Kursk region", "in den
Regionen Kyjiw, Donezk und Luhansk"), one sense per document, region names as English titles write
them, and romanisation marks left out of English names."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from geonews_nlp.gazetteer.build import common_english_name, plain_romanisation, titled_region_name
from geonews_nlp.gazetteer.decide import DocContext, Mention, decide, decide_document, region_cue
from geonews_nlp.gazetteer.schema import Entry
from geonews_nlp.gazetteer.store import Gazetteer
from geonews_nlp.lang import registry
from geonews_nlp.lang.common import split_at_role
from geonews_nlp.lang.cues import listed_after_cue
from geonews_nlp.lang.de.names import adjective_forms
from geonews_nlp.lang.de.names import is_region_word as de_region_word
from geonews_nlp.lang.en.names import is_region_word as en_region_word
from geonews_nlp.pipeline import _lower_prefix_name

EN, DE = registry.get("en"), registry.get("de")


def cue(word: str) -> bool:
    return word == "REGION"


@pytest.mark.parametrize("words, expected", [
    (["REGION"], True),
    ([",", "Kyiv", "REGION"], True),
    (["and", "Nord", "Kivu", "REGION"], True),
    ([",", "A", ",", "B", "and", "C", "REGION"], True),
    (["of", "REGION"], False),  # no linker given
    (["the", "REGION"], False),  # a plain word ends the walk
    ([",", "REGION"], False),  # a comma must be followed by a name
    ([",", "Very", "Long", "Name", "Here", "REGION"], False),  # names are at most three words
    ([], False),
])
def test_listed_after_cue(words, expected):
    assert listed_after_cue(words, cue, frozenset({"and"})) is expected


def test_listed_after_cue_linker_and_cue_first():
    assert listed_after_cue(["of", "REGION"], cue, frozenset({"and"}), linkers=frozenset({"of"}), cue_first=False)
    assert listed_after_cue(["and", "Helmand", "of", "REGION"], cue, frozenset({"and"}),
                            linkers=frozenset({"of"}), cue_first=False)
    assert not listed_after_cue(["REGION"], cue, frozenset(), cue_first=False)


@given(st.lists(st.sampled_from(["REGION", ",", "and", "of", "Name", "word", "Other"]), max_size=12))
def test_listed_after_cue_never_raises(words):
    assert listed_after_cue(words, cue, frozenset({"and"}), linkers=frozenset({"of"})) in (True, False)


@pytest.mark.parametrize("word, expected", [
    ("Provinz", True), ("Regionen", True), ("Westprovinz", True), ("Grenzregion", True), ("Gebiet", True),
    ("Bundesstaat", True), ("Oblaste", True), ("Stadt", False), ("Stadtgebiet", False), ("Regierung", False),
    ("Region", True), ("Religion", False),
])
def test_german_region_words(word, expected):
    assert de_region_word(word) is expected


@pytest.mark.parametrize("word, expected", [
    ("province", True), ("regions", True), ("Oblast", True), ("counties", True), ("state", True),
    ("city", False), ("statement", False), ("stats", False),
])
def test_english_region_words(word, expected):
    assert en_region_word(word) is expected


def mention(text: str, before: str = "", after: str = "", label: str = "LOC") -> Mention:
    return Mention(text, label, "model", before, after)


@pytest.mark.parametrize("pack, m, expected", [
    (DE, mention("Farah", "in der Westprovinz "), True),
    (DE, mention("Donezk", "in den Regionen Kyjiw, "), True),
    (DE, mention("Luhansk", "Regionen Kyjiw, Donezk und "), True),
    (DE, mention("Kursk", "in den Kämpfen um "), False),
    (DE, mention("Farah", "Die Region ist ruhig. In "), False),  # the cue is in another sentence
    (EN, mention("Kursk", "in Russia's ", " region on Monday."), True),
    (EN, mention("Donetsk", "in ", " and Luhansk regions."), True),
    (EN, mention("Saada", "the province of "), True),
    (EN, mention("Kandahar", "the provinces of Helmand and "), True),
    (EN, mention("Yobe state", "in "), True),
    (EN, mention("Washington", "at ", " State University."), False),  # a longer name
    (EN, mention("Kursk", "the region. In "), False),
    (EN, mention("Moscow", "in ", ", the capital."), False),
])
def test_region_cue(pack, m, expected):
    assert region_cue(m, pack.names) is expected


def region(id_: str, name: str, country: str, **labels: list[str]) -> Entry:
    return Entry(id=id_, type="region", name=name, labels={"en": [name], **labels}, country=country)


def town(id_: str, name: str, country: str, population: int, aliases: tuple[str, ...] = ()) -> Entry:
    return Entry(id=id_, type="city", name=name, country=country, population=population,
                 aliases={"any": list(aliases)} if aliases else {})


@pytest.fixture(scope="module")
def small_kb():
    return Gazetteer([
        town("t:farah", "Farah", "AF", 50_000),
        region("r:farah", "Farah Province", "AF", de=["Farah"]),
        town("t:donetsk", "Donetsk", "UA", 900_000, ("Donezk",)),
        region("r:donetsk", "Donetsk Oblast", "UA"),
        town("t:kyiv", "Kyiv", "UA", 2_900_000, ("Kiew",)),
    ], DE.keys, "de")


def test_namesake_region(small_kb):
    assert small_kb.namesake_region(small_kb.entries["t:donetsk"]).id == "r:donetsk"
    assert small_kb.namesake_region(small_kb.entries["t:kyiv"]) is None  # no region named after it


def test_a_cue_prefers_the_region_and_the_namesake(small_kb):
    bare = decide(mention("Donezk", "in "), DocContext(), small_kb, DE.names)
    assert bare.match.entry.id == "t:donetsk"  # the town, without a cue
    listed = decide(mention("Donezk", "in den Regionen Kyjiw, "), DocContext(), small_kb, DE.names)
    assert listed.match.entry.id == "r:donetsk"


def test_a_person_before_a_region_word_is_a_place(small_kb):
    got = decide(mention("Farah", "in der Westprovinz ", label="PER"), DocContext(), small_kb, DE.names)
    assert (got.label, got.match.entry.id) == ("LOC", "r:farah")


def test_one_place_per_name_in_a_document(small_kb):
    _, decisions = decide_document([mention("Farah", "in der Westprovinz "), mention("Farah", "In ")],
                                   small_kb, DE.names)
    assert [d.match.entry.id for d in decisions] == ["r:farah", "r:farah"]
    _, alone = decide_document([mention("Farah", "In ")], small_kb, DE.names)
    assert alone[0].match.entry.id == "t:farah"


@pytest.mark.parametrize("name, country, expected", [
    ("Khān Yūnis", "PS", "Khan Yunis"),
    ("‘Afrīn", "SY", "Afrin"),
    ("Sulţānah", "SA", "Sultanah"),  # a cedilla in a romanised name
    ("Şırnak", "TR", "Şırnak"),  # a letter of Turkish
    ("Kraków", "PL", "Kraków"),
    ("Xuân Lộc", "VN", "Xuân Lộc"),  # Vietnamese tones stay
    ("Jūrmala", "LV", "Jūrmala"),
    ("Berlin", "DE", "Berlin"),
])
def test_plain_romanisation(name, country, expected):
    assert plain_romanisation(name, country) == expected


@given(st.text(max_size=30))
def test_plain_romanisation_is_idempotent(name):
    once = plain_romanisation(name)
    assert plain_romanisation(once) == once


@pytest.mark.parametrize("name, others, country, expected", [
    ("Ar Raqqah", ["Ar-Rakka", "Callinicum", "Raqqa", "Raqqah", "Rakka"], "SY", "Raqqa"),  # article, ta marbuta
    ("Basrah", ["Al-Basra", "Basra", "Bassorah"], "IQ", "Basra"),
    ("Ma'rib", ["Maarib", "Marib", "Magreb"], "YE", "Marib"),
    ("Arkhangel’sk", ["Arkhangelsk"], "RU", "Arkhangelsk"),
    ("Thessaloníki", ["Thessaloniki", "Saloniki"], "GR", "Thessaloniki"),  # Greek accents: titles drop them
    ("Salé", ["Sale", "Sla"], "MA", "Salé"),  # "sale" is an English word, not the town
    ("Médéa", ["Medea"], "DZ", "Médéa"),  # French romanisation: titles keep its accents
    ("Odesa", ["Odessa"], "UA", "Odesa"),  # too frequent a word to say it is only the place
    ("Bab Anar", ["Baba Nar"], "IR", "Bab Anar"),  # other words, not the same name written otherwise
    ("Lucca", ["Luca"], "IT", "Lucca"),  # a country written in Latin letters keeps its own name
    ("Taif", ["At Taif"], "SA", "Taif"),  # no article added
])
def test_common_english_name(name, others, country, expected):
    assert common_english_name(name, others, country) == expected


@given(st.text(max_size=20), st.lists(st.text(max_size=20), max_size=5), st.sampled_from(["SY", "RU", "DE", None]))
def test_common_english_name_is_the_name_or_one_of_its_other_names(name, others, country):
    assert common_english_name(name, others, country) in [name, *others]


def test_shipped_cities_carry_common_english_names(kb_en):
    for text, expected in [("Raqqa", "Raqqa"), ("Ar Raqqah", "Raqqa"), ("Kobanê", "Kobani"), ("Basra", "Basra"),
                           ("Marib", "Marib")]:
        m = kb_en.lookup(text, "LOC", fuzzy=False, prefer=("city",))
        assert m is not None and m.entry.name == expected, (text, m)
    # a governorate named after such a town is written as the town is
    m = kb_en.lookup("Marib", "LOC", fuzzy=False, prefer=("region",))
    assert m is not None and m.entry.name == "Marib Governorate", m


@pytest.mark.parametrize("english, country, kind, expected", [
    ("Takhar", "AF", "Province", "Takhar Province"),
    ("Idlib Province", "SY", "Province", "Idlib Governorate"),
    ("Yobe", "NG", "State", "Yobe State"),
    ("Shan", "MM", "State", "Shan State"),
    ("Sagaing", "MM", "Region", "Sagaing Region"),
    ("Bavaria", "DE", "Land", "Bavaria"),  # German Länder are titled by name alone
    ("Lagos", "NG", "Capital territory", "Lagos"),  # only the country's main kind
    ("Cabo Delgado", "MZ", "Province", "Cabo Delgado Province"),
    ("Boyacá", "CO", "Department", "Boyacá Department"),
])
def test_titled_region_name(english, country, kind, expected):
    assert titled_region_name(english, country, kind) == expected


def test_shipped_regions_and_countries_carry_titles(kb_en):
    def name_of(text: str, prefer: tuple[str, ...] = ("region",)) -> str:
        m = kb_en.lookup(text, "LOC", fuzzy=False, prefer=prefer)
        return m.entry.name if m else ""

    assert name_of("Takhar") == "Takhar Province"
    assert name_of("Idlib") == "Idlib Governorate"
    assert name_of("Borno") == "Borno State"
    assert kb_en.lookup("Denmark", "LOC").entry.id == "Q35"
    assert kb_en.lookup("Netherlands", "LOC").entry.id == "Q55"
    assert kb_en.lookup("Khan Younis", "LOC").entry.name == "Khan Yunis"


@pytest.mark.parametrize("word, expected", [
    ("al-Shabab", True), ("al-Qaida", True), ("e-Mail", False), ("al-", False), ("Al-Shabab", False),
])
def test_lower_prefix_name(word, expected):
    assert _lower_prefix_name(word) is expected


def test_al_prefixed_names_are_proposed():
    from geonews_nlp import load

    doc = load("en", model="blank")("Somali forces killed 27 al-Shabab fighters near the al-Qaida-linked camp.")
    found = {(e.text, (e._.geonews_link or {}).get("id")) for e in doc.ents}
    assert ("al-Shabab", "geonews:al-shabaab") in found
    assert ("al-Qaida", "geonews:al-qaeda") in found


def test_a_town_word_keeps_the_town(small_kb):
    _, decisions = decide_document([mention("Farah", "in der Stadt "), mention("Farah", "in der Provinz ")],
                                   small_kb, DE.names)
    assert [d.match.entry.id for d in decisions] == ["t:farah", "r:farah"]


@pytest.mark.parametrize("pack, m, expected", [
    (EN, mention("Ceel Gambar", "conducted on Friday night in Mililiqo, ", " and Baalal Dheer villages, also"), True),
    (EN, mention("Zawiya", "between the towns of Bir al-Ghanam and ", " where our troops are"), True),
    (EN, mention("Smith", "said ", " on Monday."), False),
    (DE, mention("Hrakowe", "in den Dörfern Kalyniwka und "), True),
    (DE, mention("Müller", "sagte "), False),
])
def test_town_cue(pack, m, expected):
    from geonews_nlp.gazetteer.decide import town_cue

    assert town_cue(m, pack.names) is expected


def test_a_person_in_a_list_of_villages_is_a_place(kb_en):
    got = decide(mention("Ceel Gambar", "in Mililiqo, ", " and Baalal Dheer villages.", label="PER"),
                 DocContext(), kb_en, EN.names)
    assert got.label == "LOC"


def test_long_acronyms_are_proposed_as_words_too():
    from geonews_nlp import load

    doc = load("en", model="blank")("Nato allies met while Unifil troops patrolled.")
    found = {(e.text, (e._.geonews_link or {}).get("name")) for e in doc.ents}
    assert ("Nato", "NATO") in found
    assert ("Unifil", "United Nations Interim Force in Lebanon") in found


@pytest.mark.parametrize("pack, text, label, expected", [
    ("en", "Fort Campbell", "LOC", None),  # no town called Campbell
    ("en", "Libya Dawn", "ORG", None),
    ("en", "the Kremlin", "LOC", "Moscow Kremlin"),
    ("de", "Nachrichtenagentur Yonhap", "ORG", "Yonhap News Agency"),
    ("de", "Hauptstadt Kiew", "LOC", "Kyiv"),
    ("de", "Freistaat Sachsen", "LOC", "Saxony"),
    ("de", "Camp Casablanca", "LOC", None),
])
def test_only_descriptors_are_dropped_before_a_known_name(pack, text, label, expected, kb_de, kb_en):
    kb = kb_en if pack == "en" else kb_de
    m = kb.lookup(text, label, fuzzy=False)
    assert (m.entry.name if m else None) == expected


def test_an_acronym_is_no_town_outside_a_dateline(kb_de):
    service = decide(mention("NIS", "der südkoreanische Geheimdienst ", " meldete", label="ORG"), DocContext(), kb_de,
                     DE.names)
    assert service.match is None or service.match.entry.type != "city"
    dateline = decide(mention("DOHA", "", " (dpa) - Katar", label="ORG"), DocContext(), kb_de, DE.names)
    assert (dateline.label, dateline.match.entry.name) == ("LOC", "Doha")


def test_a_service_before_a_name_makes_it_an_organisation():
    from geonews_nlp.lang.de.names import is_org_descriptor

    assert is_org_descriptor("Geheimdienst") and is_org_descriptor("Auslandsgeheimdienst")
    assert not is_org_descriptor("Gottesdienst")


@pytest.mark.parametrize("text, before, after, dateline", [
    ("DOUALA", "KIGALI, Rwanda / ISTANBUL / ", ", ", True),  # a joint dateline
    ("DOUALA", "Headline\nKIGALI, Rwanda / ", " (", True),
    ("NIS", "der südkoreanische Geheimdienst ", " meldete", False),
    ("UN", "fighting in the east, the ", " (", False),
    ("GAZA", "x" * 90 + " ", " (", False),  # the start of its line is out of view
])
def test_joint_datelines(text, before, after, dateline):
    from geonews_nlp.gazetteer.decide import is_dateline

    assert is_dateline(Mention(text, "ORG", "model", before, after)) is dateline


def test_the_region_named_after_a_capital_and_the_capital_itself(kb_en):
    _, decisions = decide_document([mention("Moscow", "Drones hit the ", " region overnight, and "),
                                    mention("Moscow", "overnight, and ", " said Kyiv was to blame.")],
                                   kb_en, EN.names)
    names = [d.match.entry.name for d in decisions]
    assert names[0] == "Moscow Oblast"
    assert names[1] != "Moscow Oblast"  # the capital, standing for its government


@pytest.fixture(scope="module")
def blank_pipelines():
    import spacy

    from geonews_nlp.pipeline import BaseChoice, assemble

    return {lang: assemble(spacy.blank(lang), BaseChoice(f"blank_{lang}", "blank", None), lang)
            for lang in ("de", "en")}


@pytest.mark.parametrize("lang, text, name, link", [
    ("en", "A convoy was hit near Tessalit, in the Kidal region.", "Kidal", "Kidal Region"),
    ("de", "Im Gebiet Kursk wurde gekämpft.", "Kursk", "Kursk Oblast"),
])
def test_a_one_word_region_next_to_a_region_word_is_proposed(blank_pipelines, lang, text, name, link):
    doc = blank_pipelines[lang](text)
    got = {e.text: (e.label_, (e._.geonews_link or {}).get("name")) for e in doc.ents}
    assert got[name] == ("LOC", link)  # the region word trimmed off, linked as a region


@pytest.mark.parametrize("text", [
    "Russian state media said the talks failed.",  # an adjective is no place the gazetteers hold
    "Fans of Ohio State cheered.",  # a capitalised region word starts a name of its own
    "Western states imposed sanctions, and the Eastern region saw clashes.",  # words of direction
])
def test_no_place_is_made_of_words_before_a_region_word(blank_pipelines, text):
    doc = blank_pipelines["en"](text)
    assert not any(e.label_ == "LOC" and e._.geonews_source == "rule" for e in doc.ents)


@pytest.mark.parametrize("name, forms", [
    ("Revolutionäre Streitkräfte Kolumbiens", ["Revolutionären Streitkräfte Kolumbiens"]),
    ("Islamischer Staat", ["Islamischen Staat"]),
    ("Freie Syrische Armee", ["Freien Syrischen Armee"]),
    ("Demokratische Republik Kongo", ["Demokratischen Republik Kongo"]),
    ("Vereinigte Staaten", ["Vereinigten Staaten"]),
    ("Garde Nationale", []),  # a noun first
    ("Armee", []),  # one word
    ("Brigade 37", []),
])
def test_adjective_forms(name, forms):
    assert adjective_forms(name) == forms


@given(st.lists(st.text(alphabet="abcdeärsStVAR", min_size=1, max_size=10), min_size=1, max_size=4))
def test_adjective_forms_change_only_the_leading_words_endings(words):
    name = " ".join(words)
    for form in adjective_forms(name):
        new = form.split(" ")
        assert len(new) == len(words) and new[-1] == words[-1]
        assert all(a == b or a.endswith("en") for a, b in zip(new, words))


@pytest.mark.parametrize("words, cut", [
    (["Indian", "Army", "Chief", "Bipin", "Rawat"], (2, 3)),
    (["UN", "Secretary", "-", "General"], (1, None)),
    (["Army", "Chief", "Asim", "Munir"], (0, 2)),
    (["Joint", "Chiefs", "of", "Staff"], None),
    (["Army", "Chief"], None),
    (["Ministry", "of", "Defence"], None),
])
def test_split_at_role(words, cut):
    from geonews_nlp.lang.en.names import is_role_noun
    assert split_at_role(words, is_role_noun) == cut


@given(st.lists(st.sampled_from(["UN", "Army", "Chief", "Secretary", "-", "General", "Bipin", "of", "staff"]),
                min_size=1, max_size=6))
def test_split_at_role_cuts_inside_the_words(words):
    from geonews_nlp.lang.en.names import is_role_noun
    cut = split_at_role(words, is_role_noun)
    if cut is not None:
        stop, person = cut
        assert 0 <= stop < len(words) and (person is None or stop < person < len(words))


def test_a_town_by_another_name_yields_to_the_organisation_of_that_name():
    kb = Gazetteer([town("t:hamm", "Hamm", "DE", 180_000, ("Hamas",)),
                    Entry(id="o:hamas", type="armed_group", name="Hamas", labels={"en": ["Hamas"]})], EN.keys, "en")
    got = decide(mention("Hamas", "the attacks by ", " in Israel"), DocContext(), kb, EN.names)
    assert (got.label, got.match.entry.id) == ("ORG", "o:hamas")
    # the town by its own name stays the town
    got = decide(mention("Hamm", "moved to "), DocContext(), kb, EN.names)
    assert (got.label, got.match.entry.id) == ("LOC", "t:hamm")
