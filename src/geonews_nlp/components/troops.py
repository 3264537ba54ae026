"""Adapts the language's troop-figure grammar to spaCy: Doc → neutral sentences → the configured span group."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..lang import registry
from ..lang.base import Sentence
from . import extensions
from .serialize import SettingsOnDisk

SUBJECT_DEPS = {"sb", "nsubj", "nsubj:pass", "sbp"}  # TIGER's and Universal Dependencies' subjects


def sentences_of(doc: Doc, sents: list[Span]) -> list[Sentence]:
    """The Doc's sentences as neutral tokens: text and capitalisation always; part of speech, lemma and
    subjects where the base pipeline has a tagger, lemmatizer and parser."""
    tagged, lemmas, parsed = doc.has_annotation("POS"), doc.has_annotation("LEMMA"), doc.has_annotation("DEP")
    return [Sentence([t.text for t in s],
                     [t.pos_ for t in s] if tagged else None,
                     [t.lemma_ for t in s] if lemmas else None,
                     {t.i - s.start for t in s if t.dep_ in SUBJECT_DEPS} if parsed else None) for s in sents]


class TroopFigures(SettingsOnDisk):
    SETTINGS = ("spans_key", "document_actor")

    def __init__(self, nlp: Language, name: str, spans_key: str, document_actor: bool) -> None:
        self.name = name
        self.spans_key = spans_key
        self.document_actor = document_actor
        self.grammar = registry.get(nlp.lang).troops
        extensions.register()

    def __call__(self, doc: Doc) -> Doc:
        sents = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
        figures = self.grammar.extract_figures(sentences_of(doc, sents), document_actor=self.document_actor)
        spans = []
        for f in figures:
            sent = sents[f.sent]
            span = Span(doc, sent.start + f.start, sent.start + f.end, label="TROOP")
            span._.troop = {
                "count": f.count, "count_max": f.count_max, "qualifier": f.qualifier, "unit": f.unit,
                "unit_count": f.unit_count, "actor": f.actor, "kind": f.kind,
                "actor_link": None, "location": None, "location_text": f.location,  # the linker fills these
            }
            spans.append(span)
        doc.spans[self.spans_key] = spans
        doc._.geonews_troops_key = self.spans_key
        return doc
