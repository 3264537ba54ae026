"""Registration of our spaCy components (the targets of the ``spacy_factories`` entry points).

Importing this module is cheap: no data and no model are loaded until a component is built.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.util import registry

from ..labels import DEFAULT_LABEL_MAP
from .entities import EntityMapper
from .linker import GazetteerLinker, GazetteerLoader, shipped_gazetteer
from .paragraphs import LineBreaks
from .troops import TroopFigures


@Language.factory(
    "geonews_entities",
    default_config={"label_map": DEFAULT_LABEL_MAP},
    requires=[],  # the NER's doc.ents and the gazetteer's span group, either may be missing
    assigns=["doc.ents", "span._.geonews_source"],
)
def make_entity_mapper(nlp: Language, name: str, label_map: dict[str, str]) -> EntityMapper:
    return EntityMapper(nlp, name, label_map)


@Language.factory(
    "geonews_line_breaks",
    default_config={"min_newlines": 2},
    requires=["token.is_sent_start"],
    assigns=["token.is_sent_start"],
)
def make_line_breaks(nlp: Language, name: str, min_newlines: int) -> LineBreaks:
    """A blank line ends a sentence (``min_newlines``: 1 for every line break)."""
    return LineBreaks(nlp, name, min_newlines)


@Language.factory(
    "troop_figures",
    default_config={"spans_key": "troops", "document_actor": True},
    requires=["token.is_sent_start"],
    assigns=["doc.spans", "span._.troop", "doc._.geonews_troops_key"],
)
def make_troop_figures(nlp: Language, name: str, spans_key: str, document_actor: bool) -> TroopFigures:
    return TroopFigures(nlp, name, spans_key, document_actor)


@Language.factory(
    "gazetteer_linker",
    default_config={"gazetteers": [], "fuzzy": True},
    requires=["doc.ents"],
    assigns=["doc.ents", "token.ent_kb_id", "span._.geonews_link", "span._.geonews_source", "span._.troop"],
)
def make_gazetteer_linker(nlp: Language, name: str, gazetteers: list[str], fuzzy: bool) -> GazetteerLinker:
    """``gazetteers``: extra JSONL/CSV files merged over the shipped ones (theirs win)."""
    return GazetteerLinker(nlp, name, gazetteers, fuzzy)


@registry.misc("geonews.ShippedGazetteer.v1")
def shipped_gazetteer_loader() -> GazetteerLoader:
    """The default knowledge base of ``gazetteer_linker``, for ``[initialize.components.gazetteer_linker]``:
    ``gazetteer_loader = {"@misc": "geonews.ShippedGazetteer.v1"}`` (as spaCy's ``EntityLinker`` takes
    ``kb_loader``)."""
    return shipped_gazetteer
