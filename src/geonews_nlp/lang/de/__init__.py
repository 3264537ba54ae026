"""The German language pack: numbers, troop grammar, actors, name rules and key rules."""

from __future__ import annotations

from ..base import ActorTable, KeyRules, LanguagePack, NameRules, NumberRules, TroopGrammar
from . import actors, institutions, keys, names, numbers, troops


def pack() -> LanguagePack:
    """The pack registered for ``de`` (entry point ``geonews_languages``)."""
    return LanguagePack(
        code="de",
        base_models=("de_core_news_lg", "de_core_news_md", "de_core_news_sm"),
        shipped_model="de_geonews_ner",
        numbers=NumberRules(scan_quantity=numbers.scan_quantity),
        troops=TroopGrammar(extract_figures=troops.extract_figures,
                            unit_name_patterns=tuple(troops.UNIT_NAME_PATTERNS)),
        actors=ActorTable(country_names=actors.country_names, extra_names=actors.EXTRA_NAMES,
                          adjectives=actors.ADJECTIVE_STEMS, metonyms=actors.METONYMS,
                          organisations=actors.ORGANISATIONS, home_countries=frozenset(actors.HOME_COUNTRIES)),
        names=NameRules(
            particles=names.PARTICLES, preposition_particles=names.PREPOSITION_PARTICLES,
            article_particles=names.ARTICLE_PARTICLES, not_particle_pairs=names.NOT_PARTICLE_PAIRS,
            name_function_words=names.NAME_FUNCTION_WORDS,
            titles=names.TITLES, descriptors=frozenset(names.DESCRIPTORS),
            place_descriptors=names.PLACE_DESCRIPTORS, place_words=frozenset(names.PLACE_WORDS),
            region_words=names.REGION_WORDS, locative=names.LOCATIVE,
            region_cue=names.region_cue, town_cue=names.town_cue,
            place_before=names.PLACE_BEFORE, seat_before=frozenset({"in", "im"}),
            region_words_before=names.REGION_WORDS_BEFORE, direction_words=names.DIRECTION_WORDS,
            capitalised_articles=names.CAPITALISED_ARTICLES,
            not_a_name=names.not_a_name, name_after_role=names.name_after_role,
            anonymised_name_end=names.anonymised_name_end, is_org_descriptor=names.is_org_descriptor,
            is_person_descriptor=names.is_person_descriptor, is_role_noun=names.is_role_noun,
            genitive_forms=names.genitive_forms, genitive_bases=names.genitive_bases,
            adjective_forms=names.adjective_forms,
            person_genitive=names.person_genitive, institution=institutions.institution,
            institution_patterns=tuple(institutions.INSTITUTION_PATTERNS),
        ),
        keys=KeyRules(articles=keys.ARTICLES, titles=keys.TITLES,
                      inflection_candidates=keys.inflection_candidates, genitive_stems=keys.genitive_stems,
                      leading_descriptor=names.leading_descriptor),
        frequency_lang="de",
    )
