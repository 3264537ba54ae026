"""Custom attributes on Doc and Span (plain, serialisable values) and their reading at the output.

The Doc is the one source of truth: ``doc.ents`` holds every entity with its final label (PER,
ORG or LOC) and ``kb_id_``, its link and source in ``Span._.geonews_link`` and
``Span._.geonews_source``, the document's fullest name for it in ``Span._.geonews_canonical``; the
troop figures are the span group that ``troop_figures`` names in ``doc._.geonews_troops_key``.
``DocumentResult.from_doc`` reads only these.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Span

from ..labels import LABELS

DEFAULT_TROOPS_KEY = "troops"


def register() -> None:
    """Register our attributes once; never replace another component's (no ``force=True``)."""
    if not Span.has_extension("troop"):
        Span.set_extension("troop", default=None)  # dict of the spec's fields
    if not Span.has_extension("geonews_link"):
        Span.set_extension("geonews_link", default=None)  # dict of a Link
    if not Span.has_extension("geonews_source"):
        Span.set_extension("geonews_source", default=None)  # "model" | "gazetteer" | "rule"
    if not Span.has_extension("geonews_canonical"):
        Span.set_extension("geonews_canonical", default=None)  # the document's fullest name ("Thomas de Maizière")
    if not Doc.has_extension("geonews_troops_key"):
        Doc.set_extension("geonews_troops_key", default=None)  # the span group of the troop figures


def troops_key(doc: Doc) -> str:
    return doc._.geonews_troops_key or DEFAULT_TROOPS_KEY


def doc_entities(doc: Doc) -> list[dict[str, Any]]:
    """The entities of ``doc.ents`` as the result's dicts (a pipeline without our components: those of
    our labels, found by the model)."""
    register()
    return [{"label": e.label_, "text": e.text, "canonical": e._.geonews_canonical or e.text,
             "start": e.start_char, "end": e.end_char, "source": e._.geonews_source or "model",
             "link": e._.geonews_link}
            for e in doc.ents if e.label_ in LABELS]


def doc_troops(doc: Doc) -> list[dict[str, Any]]:
    register()
    out = []
    for span in doc.spans.get(troops_key(doc), []):
        fields = dict(span._.troop or {})
        fields.pop("location_text", None)
        fields.pop("open_owner", None)
        out.append({"start": span.start_char, "end": span.end_char, "text": span.text, **fields})
    return out
