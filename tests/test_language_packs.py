"""The language-pack seam: registration, the interface, and a made-up language run through the whole pipeline."""

from __future__ import annotations

import pytest
import spacy
from hypothesis import given
from hypothesis import strategies as st

from geonews_nlp.errors import GeonewsError
from geonews_nlp.lang import registry
from geonews_nlp.lang.base import (
    ActorTable,
    Figure,
    KeyRules,
    LanguagePack,
    NameRules,
    NumberRules,
    Sentence,
    TroopGrammar,
)

PACKS = registry.registered()

# --- a made-up language: "Kvazarlando sendis du mil soldatojn." ---------------------------------------

XX_NUMBERS = {"unu": 1, "du": 2, "tri": 3, "dek": 10, "cent": 100, "mil": 1000}
XX_HEADS = {"soldatojn": "personnel", "soldatoj": "personnel", "brigadojn": "brigade"}


def xx_scan(words, i):
    """Products of number words: "du mil" = 2 × 1000."""
    from geonews_nlp.lang.base import Quantity

    value, j = None, i
    while j < len(words) and words[j].lower() in XX_NUMBERS:
        n = XX_NUMBERS[words[j].lower()]
        value = n if value is None else value * n
        j += 1
    return None if value is None else Quantity(i, j, value, None, "exact")


def xx_figures(sentences, *, document_actor=True):
    out = []
    for n, sent in enumerate(sentences):
        words = sent.words
        actor = next((XX_COUNTRIES[w.lower()] for w in words if w.lower() in XX_COUNTRIES), None)
        i = 0
        while i < len(words):
            q = xx_scan(words, i)
            if q is not None and q.end < len(words) and words[q.end].lower() in XX_HEADS:
                unit = XX_HEADS[words[q.end].lower()]
                count, unit_count = (q.value, None) if unit == "personnel" else (None, q.value)
                out.append(Figure(n, q.start, q.end + 1, count, None, "exact", unit, unit_count, actor=actor))
                i = q.end + 1
            else:
                i += 1
    return out


XX_COUNTRIES = {"kvazarlando": "KP", "rusujo": "RU"}


def xx_pack() -> LanguagePack:
    return LanguagePack(
        code="xx",
        numbers=NumberRules(scan_quantity=xx_scan),
        troops=TroopGrammar(extract_figures=xx_figures),
        actors=ActorTable(country_names=lambda: XX_COUNTRIES),
        names=NameRules(titles=frozenset({"Sinjoro"})),
        keys=KeyRules(articles=frozenset({"la"})),
    )


@pytest.fixture(scope="module")
def xx():
    registry.languages.register("xx", func=xx_pack)
    registry.clear_cache()
    yield registry.get("xx")
    registry.unregister("xx")


def test_a_made_up_language_runs_through_the_whole_pipeline(xx):
    from geonews_nlp.pipeline import BaseChoice, assemble
    from geonews_nlp.results import DocumentResult

    nlp = assemble(spacy.blank("xx"), BaseChoice("blank_xx", "blank", None), "xx")
    doc = nlp("Kvazarlando sendis du mil soldatojn al Rusujo. Sinjoro Kim sendis tri brigadojn.")
    result = DocumentResult.from_doc(doc, model={"name": "blank_xx", "version": "0"})
    assert result.lang == "xx"
    assert [(t.text, t.count, t.unit, t.unit_count, t.actor) for t in result.troops] == [
        ("du mil soldatojn", 2000, "personnel", None, "KP"), ("tri brigadojn", None, "brigade", 3, None)]
    assert result.troops[0].actor_link is not None and result.troops[0].actor_link.name == "North Korea"
    # the pack's country names are proposed by the gazetteer ruler and linked to the shared knowledge base
    assert {(e.text, e.label, e.link.name if e.link else None) for e in result.entities} >= {
        ("Kvazarlando", "LOC", None), ("Rusujo", "LOC", None)}


def test_an_unregistered_language_names_the_registered_ones():
    with pytest.raises(GeonewsError, match=r"E001.*'de'"):
        registry.get("tlh")


def test_a_registered_object_that_is_no_pack_is_refused():
    registry.languages.register("zz", func=lambda: "not a pack")
    registry.clear_cache()
    try:
        with pytest.raises(GeonewsError, match="E011"):
            registry.get("zz")
    finally:
        registry.unregister("zz")


def test_the_shipped_packs_are_entry_points():
    from importlib.metadata import entry_points

    names = {ep.name for ep in entry_points(group="geonews_languages")}
    assert "de" in names


# --- the same checks for every registered pack --------------------------------------------------------

@pytest.mark.parametrize("lang", PACKS)
def test_every_pack_is_complete_and_of_its_code(lang):
    pack = registry.get(lang)
    assert pack.code == lang
    for part in (pack.numbers, pack.troops, pack.actors, pack.names, pack.keys):
        assert part is not None
    assert pack.actors.country_names(), "a pack names the countries in its language"


@pytest.mark.parametrize("lang", PACKS)
@given(words=st.lists(st.text(max_size=12), max_size=8), i=st.integers(0, 9))
def test_number_scanner_never_raises(lang, words, i):
    q = registry.get(lang).numbers.scan_quantity(words, i)
    assert q is None or (i == q.start < q.end <= len(words) and q.value >= 0)


@pytest.mark.parametrize("lang", PACKS)
@given(sents=st.lists(st.lists(st.text(min_size=1, max_size=10), max_size=12), max_size=4))
def test_troop_grammar_never_raises_and_stays_in_its_sentence(lang, sents):
    sentences = [Sentence.of_words(s) for s in sents]
    for f in registry.get(lang).troops.extract_figures(sentences, document_actor=True):
        assert 0 <= f.start < f.end <= len(sents[f.sent])


@pytest.mark.parametrize("lang", PACKS)
def test_name_rules_need_no_spacy(lang):
    rules = registry.get(lang).names
    assert rules.not_a_name("") in (True, False)
    assert all(isinstance(w, str) for w in rules.genitive_forms("Name"))
