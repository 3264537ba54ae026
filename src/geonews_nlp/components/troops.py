"""Adapts the language's troop-figure grammar to spaCy: Doc → sentences of words → ``doc.spans["troops"]``."""

from __future__ import annotations


from spacy.language import Language
from spacy.tokens import Doc, Span

from ..lang import registry
from . import extensions
from .serialize import SettingsOnDisk

SUBJECT_DEPS = {"sb", "nsubj", "nsubj:pass", "sbp"}


class TroopFigures(SettingsOnDisk):
    SETTINGS = ("spans_key", "document_actor")

    def __init__(self, nlp: Language, name: str, spans_key: str, document_actor: bool) -> None:
        self.name = name
        self.lang = nlp.lang
        self.spans_key = spans_key
        self.document_actor = document_actor
        self.grammar = registry.troops_grammar(nlp.lang)
        extensions.register()

    def __call__(self, doc: Doc) -> Doc:
        sents = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
        words = [[t.text for t in s] for s in sents]
        subjects = None
        if doc.has_annotation("DEP"):
            subjects = [{t.i - s.start for t in s if t.dep_ in SUBJECT_DEPS} for s in sents]
        figures = self.grammar.extract_figures(words, subjects, document_actor=self.document_actor)
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
        return doc
