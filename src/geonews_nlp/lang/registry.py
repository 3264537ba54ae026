"""What the core needs to know about a language; one entry per supported language."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module
from types import ModuleType

from ..errors import Errors, InputError


@dataclass(frozen=True)
class LanguageSpec:
    code: str
    base_models: tuple[str, ...]  # preferred installed spaCy pipelines, best first
    shipped_model: str | None  # folder under geonews_nlp/models, if the project ships one
    troops_module: str  # module with extract_figures(sentences, subjects)
    actors_module: str


LANGUAGES = {
    "de": LanguageSpec(
        code="de",
        base_models=("de_core_news_lg", "de_core_news_md", "de_core_news_sm"),
        shipped_model="de_geonews_ner",
        troops_module="geonews_nlp.lang.de.troops",
        actors_module="geonews_nlp.lang.de.actors",
    ),
}


def get(lang: str) -> LanguageSpec:
    try:
        return LANGUAGES[lang]
    except KeyError:
        raise InputError(Errors.E001.format(lang=lang, supported=sorted(LANGUAGES))) from None


def troops_grammar(lang: str) -> ModuleType:
    return import_module(get(lang).troops_module)


def actors(lang: str) -> ModuleType:
    return import_module(get(lang).actors_module)
