"""Error and warning messages, with codes, in one place."""

from __future__ import annotations

import logging

logger = logging.getLogger("geonews_nlp")
logger.addHandler(logging.NullHandler())


class GeonewsError(Exception):
    """Base class for the library's errors."""


class ModelNotFound(GeonewsError):
    pass


class InputError(GeonewsError, ValueError):
    pass


class Errors:
    E001 = "[E001] Unsupported language {lang!r}: supported are {supported}."
    E002 = "[E002] Cannot load base model {model!r} (from {origin}): {error}"
    E003 = "[E003] Expected a string or a (doc_id, text) pair, got {type}."
    E004 = "[E004] Gold file {path}, line {line}: {error}"


class Warnings:
    W001 = ("[W001] No statistical German NER model is installed: using spaCy's blank 'de' pipeline with "
            "rule and gazetteer components only (persons are not found). For the best results install "
            "de_core_news_lg: python -m spacy download de_core_news_lg")
