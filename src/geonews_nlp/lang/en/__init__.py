"""The English language pack: numbers, troop grammar, actors, name rules and key rules (docs/lang-en.md)."""

from __future__ import annotations

from ..base import ActorTable, KeyRules, LanguagePack, NameRules, NumberRules, TroopGrammar
from . import actors, institutions, keys, names, numbers, troops


def pack() -> LanguagePack:
    """The pack registered for ``en`` (entry point ``geonews_languages``). An installed
    ``en_core_web_*`` is preferred; else the shipped ``en_geonews_ner`` (docs/model-card-en.md)."""
    return LanguagePack(
        code="en",
        base_models=("en_core_web_lg", "en_core_web_md", "en_core_web_sm"),
        shipped_model="en_geonews_ner",
        numbers=NumberRules(scan_quantity=numbers.scan_quantity),
        troops=TroopGrammar(extract_figures=troops.extract_figures,
                            unit_name_patterns=tuple(troops.UNIT_NAME_PATTERNS)),
        actors=ActorTable(country_names=actors.country_names, extra_names=actors.GAZETTEER_NAMES,
                          adjectives=actors.ADJECTIVES, metonyms=actors.METONYMS,
                          organisations=actors.ORGANISATIONS, home_countries=frozenset(actors.HOME_COUNTRIES)),
        names=NameRules(
            particles=names.PARTICLES, preposition_particles=names.PREPOSITION_PARTICLES,
            article_particles=names.ARTICLE_PARTICLES, name_function_words=names.NAME_FUNCTION_WORDS,
            titles=names.TITLES,
            descriptors=frozenset(names.DESCRIPTORS), place_descriptors=names.PLACE_DESCRIPTORS,
            place_words=frozenset(names.PLACE_WORDS), region_words=names.REGION_WORDS, locative=names.LOCATIVE,
            region_cue=names.region_cue, town_cue=names.town_cue,
            place_before=names.PLACE_BEFORE, seat_before=frozenset({"in"}),
            region_words_after=names.REGION_WORDS_AFTER,
            capitalised_articles=names.CAPITALISED_ARTICLES, adjective_prefixes=names.ADJECTIVE_PREFIXES,
            not_a_name=names.not_a_name, name_after_role=names.name_after_role,
            anonymised_name_end=names.anonymised_name_end,
            rank_name_end=names.rank_name_end, is_org_descriptor=names.is_org_descriptor,
            is_person_descriptor=names.is_person_descriptor, is_role_noun=names.is_role_noun,
            genitive_forms=names.genitive_forms, genitive_bases=names.genitive_bases,
            person_genitive=names.person_genitive, institution=institutions.institution,
            institution_patterns=tuple(institutions.INSTITUTION_PATTERNS),
        ),
        keys=KeyRules(articles=keys.ARTICLES, titles=keys.TITLES, alias_town_population=keys.ALIAS_TOWN_POPULATION,
                      inflection_candidates=keys.inflection_candidates, genitive_stems=keys.genitive_stems,
                      leading_descriptor=names.leading_descriptor),
        frequency_lang="en",
    )
