"""Custom attributes on Doc and Span (plain, serialisable values) and their reading at the output."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Span

TROOPS_KEY = "troops"


def register() -> None:
    """Register our attributes once; never replace another component's (no ``force=True``)."""
    if not Span.has_extension("troop"):
        Span.set_extension("troop", default=None)  # dict of the spec's fields
    if not Span.has_extension("geonews_link"):
        Span.set_extension("geonews_link", default=None)  # dict of a Link
    if not Span.has_extension("geonews_source"):
        Span.set_extension("geonews_source", default=None)  # "model" | "gazetteer" | "rule"
    if not Doc.has_extension("geonews_entities"):
        Doc.set_extension("geonews_entities", default=None)  # list of (start_char, end_char, label, source, link)


def doc_entities(doc: Doc) -> list[dict[str, Any]]:
    rows = doc._.geonews_entities
    if rows is None:  # a pipeline without our entity mapper: read doc.ents as they are
        rows = [(e.start_char, e.end_char, e.label_, "model", None) for e in doc.ents
                if e.label_ in ("PER", "ORG", "LOC")]
    text = doc.text  # built from the tokens on every access: once, not once per entity
    return [{"label": label, "text": text[s:e], "start": s, "end": e, "source": src, "link": link}
            for s, e, label, src, link in rows]


def doc_troops(doc: Doc) -> list[dict[str, Any]]:
    out = []
    for span in doc.spans.get(TROOPS_KEY, []):
        fields = dict(span._.troop or {})
        fields.pop("location_text", None)
        out.append({"start": span.start_char, "end": span.end_char, "text": span.text, **fields})
    return out
