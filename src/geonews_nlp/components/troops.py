"""Adapts the language's troop-figure grammar to spaCy: Doc → neutral sentences → the configured span group."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..lang import registry
from ..lang.base import Figure, Sentence
from . import extensions
from .serialize import SettingsOnDisk

SUBJECT_DEPS = {"sb", "nsubj", "nsubj:pass", "sbp"}  # TIGER's and Universal Dependencies' subjects

# Plausible bounds (docs/troop-figures.md, "Plausible bounds"): a figure with a larger count is dropped,
# in every language. About 70 million people served in all armed forces of the Second World War
# together, the most ever counted; no army fields more than a few hundred divisions or brigades and a
# few thousand companies. Larger numbers are misreadings (page numbers, ids, a scale word after a
# year). Every count that passes fits a 64-bit integer, so every output format stores it.
MAX_PERSONNEL = 100_000_000
MAX_FORMATIONS = 10_000


def plausible(f: Figure) -> bool:
    """Within the bounds: personnel (``count``, ``count_max``) up to MAX_PERSONNEL, formations
    (``unit_count``) up to MAX_FORMATIONS."""
    return (all(v is None or 0 <= v <= MAX_PERSONNEL for v in (f.count, f.count_max))
            and (f.unit_count is None or 0 <= f.unit_count <= MAX_FORMATIONS))


def sentences_of(doc: Doc, sents: list[Span]) -> list[Sentence]:
    """The Doc's sentences as neutral tokens: text and capitalisation always; part of speech, lemma and
    subjects where the base pipeline has a tagger, lemmatizer and parser."""
    tagged, lemmas, parsed = doc.has_annotation("POS"), doc.has_annotation("LEMMA"), doc.has_annotation("DEP")
    # read the Doc once and slice it: iterating each Span looks its tokens up one by one
    texts = [t.text for t in doc]
    pos = [t.pos_ for t in doc] if tagged else []
    lemma = [t.lemma_ for t in doc] if lemmas else []
    subject = [t.dep_ in SUBJECT_DEPS for t in doc] if parsed else []
    return [Sentence(texts[s.start:s.end],
                     pos[s.start:s.end] if tagged else None,
                     lemma[s.start:s.end] if lemmas else None,
                     {i - s.start for i in range(s.start, s.end) if subject[i]} if parsed else None) for s in sents]


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
        # a blank line between paragraphs is no sentence: "the previous sentence" of a figure is the last
        # one with words in it (an ellipsis, "One of them", reads it)
        sents = [s for s in sents if not s.text.isspace()] or sents
        figures = self.grammar.extract_figures(sentences_of(doc, sents), document_actor=self.document_actor)
        spans = []
        for f in figures:
            if not plausible(f):
                continue
            sent = sents[f.sent]
            span = Span(doc, sent.start + f.start, sent.start + f.end, label="TROOP")
            span._.troop = {
                "count": f.count, "count_max": f.count_max, "qualifier": f.qualifier, "unit": f.unit,
                "unit_count": f.unit_count, "actor": f.actor, "kind": f.kind,
                "actor_link": None, "location": None, "location_text": f.location,  # the linker fills these
                "open_owner": sorted(f.open_owner) if f.open_owner is not None and f.actor is None else None,
            }
            spans.append(span)
        doc.spans[self.spans_key] = spans
        doc._.geonews_troops_key = self.spans_key
        return doc
