"""Public result types: pydantic v2, frozen. Built only at the output, from a processed Doc."""

from __future__ import annotations

import html
import json
from types import UnionType
from typing import TYPE_CHECKING, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, model_validator

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

Label = Literal["PER", "ORG", "LOC"]
Source = Literal["model", "gazetteer", "rule"]
LinkMethod = Literal["exact", "alias", "fuzzy", "demonym", "metonym", "institution"]
Qualifier = Literal["exact", "approx", "min", "max", "range", "vague"]
Unit = Literal["personnel", "brigade", "division", "battalion", "regiment", "company", "platoon", "corps",
               "army", "unit"]
Kind = Literal["strength", "casualties"]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Link(_Frozen):
    """A mention's canonical entry in a gazetteer."""

    id: str = Field(description="Wikidata QID where known (e.g. Q159), else a stable gazetteer id")
    name: str = Field(description="canonical English name")
    type: str = Field(description="country, region, city, place, person, organisation, armed_group, ...")
    country: str | None = Field(None, description="ISO 3166-1 alpha-2 code, or null")
    lat: float | None = Field(None, description="latitude (places only)")
    lon: float | None = Field(None, description="longitude (places only)")
    score: float = Field(ge=0, le=100, description="match score, 0-100")
    method: LinkMethod = Field(description="how the mention was matched")
    refers_to: str | None = Field(None, description="for a metonym: the id of what it stands for")


class Entity(_Frozen):
    """A person, organisation or place mentioned in the text."""

    label: Label = Field(description="PER, ORG or LOC")
    text: str = Field(description="the mention as written: input[start:end]")
    canonical: str = Field(description="the document's fullest name for it: a person named by surname alone "
                           "after the full name has the full name ('de Maizière' → 'Thomas de Maizière'); "
                           "every other mention its own text (the link carries the gazetteer's English name). "
                           "Results written without it read it as the text")
    start: int = Field(ge=0, description="character offset of the first character")
    end: int = Field(ge=0, description="character offset after the last character")
    source: Source = Field(description="what found it: the statistical model, a gazetteer or a rule")
    link: Link | None = Field(None, description="the canonical entry, or null when unknown; a surname after "
                              "the full name has the full name's")

    @model_validator(mode="before")
    @classmethod
    def _canonical_of_old(cls, data: Any) -> Any:
        """Results of versions before ``canonical``: the mention's own text."""
        if isinstance(data, dict) and "canonical" not in data and "text" in data:
            return {**data, "canonical": data["text"]}
        return data


class TroopFigure(_Frozen):
    """A quantified mention of military personnel or formations (see docs/troop-figures.md)."""

    start: int = Field(ge=0, description="character offset of the first character")
    end: int = Field(ge=0, description="character offset after the last character")
    text: str = Field(description="input[start:end]")
    count: int | None = Field(description="number of personnel; lower bound of a range; null for formations only")
    count_max: int | None = Field(None, description="upper bound of a range, else null")
    qualifier: Qualifier = Field(description="exact, approx, min, max, range or vague")
    unit: Unit = Field(description="personnel, or the formation type counted")
    unit_count: int | None = Field(None, description="how many formations, else null")
    actor: str | None = Field(None, description="ISO 3166-1 alpha-2 code or organisation short name, or null")
    kind: Kind = Field(description="strength or casualties")
    actor_link: Link | None = Field(None, description="the actor's canonical entry")
    location: Link | None = Field(None, description="where the force is or goes")


class ModelInfo(_Frozen):
    """The base pipeline a result was computed with."""

    name: str
    version: str


class DocumentResult(_Frozen):
    """Everything geonews_nlp found in one document."""

    id: str | None = Field(None, description="the caller's document id")
    lang: str = Field(description="language code of the pipeline used")
    lang_confidence: float | None = Field(None, ge=0, le=1, description="how sure the language identification "
                                          "was (lang='auto'); null when the caller named the language")
    model: ModelInfo = Field(description="name and version of the base pipeline")
    entities: list[Entity] = Field(default_factory=list)
    troops: list[TroopFigure] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
    _text: str | None = PrivateAttr(default=None)

    @classmethod
    def from_doc(cls, doc: Doc, *, model: dict[str, str], doc_id: str | None = None,
                 warnings: list[str] | None = None) -> DocumentResult:
        """Build the result from a Doc processed by a geonews pipeline."""
        return cls.model_validate(result_dict(doc, model=model, doc_id=doc_id, warnings=warnings))

    def to_json(self, **kwargs: Any) -> str:
        return self.model_dump_json(**kwargs)

    def to_records(self) -> list[dict[str, Any]]:
        """Flat dicts, one a mention (entities then troop figures), ready for ``pandas.DataFrame``.

        A row has the columns of :data:`ROW_COLUMNS` that apply to its mention (see ``MENTION_COLUMNS``).
        """
        return ([_row(self.id, "entity", e.label, e) for e in self.entities]
                + [_row(self.id, "troop", "TROOP", t) for t in self.troops])

    def _repr_html_(self) -> str:
        """Marked-up text for notebooks, rendered with displaCy (needs the text, kept by extract())."""
        from spacy import displacy

        text = self._text
        if text is None:
            return "<pre>" + html.escape(json.dumps(self.model_dump(), ensure_ascii=False, indent=1)) + "</pre>"
        spans: list[tuple[int, int, str]] = [(e.start, e.end, e.label) for e in self.entities]
        spans += [(t.start, t.end, "TROOP") for t in self.troops]
        spans.sort(key=lambda s: (s[0], -s[1]))
        ents = []
        last = -1
        for start, end, label in spans:  # displaCy's ent style cannot nest: keep the first of overlapping marks
            if start >= last:
                ents.append({"start": start, "end": end, "label": label})
                last = end
        title = html.escape(self.id) if self.id is not None else None  # displaCy puts the title in as it is
        return displacy.render({"text": text, "ents": ents, "title": title}, style="ent", manual=True,
                               jupyter=False, options={"colors": {"TROOP": "#f4a261"}})

    def with_text(self, text: str) -> DocumentResult:
        """Attach the input text (not serialised) so ``_repr_html_`` can show it."""
        self._text = text
        return self


def result_dict(doc: Doc, *, model: dict[str, str], doc_id: str | None = None,
                warnings: list[str] | None = None) -> dict[str, Any]:
    """The fields of a DocumentResult from a processed Doc, as plain dicts (not validated)."""
    from .components.extensions import doc_entities, doc_troops

    return {"id": doc_id, "lang": doc.lang_, "model": model, "entities": doc_entities(doc),
            "troops": doc_troops(doc), "warnings": list(warnings or [])}


def merge_chunk_results(doc_id: str | None, parts: list[tuple[int, dict[str, Any]]]) -> dict[str, Any]:
    """One result dict from the result dicts of a document's chunks, each given with the character
    offset of its chunk in the whole text: mentions in text order, offsets moved back to the whole
    text, warnings once each. ``parts`` is not changed; a single part at offset 0 comes back as is
    (with ``doc_id``). Used by ``Runner`` (texts longer than ``runner.CHUNK_CHARS``) and ``batch``."""
    ordered = sorted(parts, key=lambda p: p[0])
    if not ordered:
        raise ValueError("merge_chunk_results needs at least one part")
    first = ordered[0][1]
    merged: dict[str, Any] = {**first, "id": doc_id, "entities": [], "troops": [], "warnings": []}
    for offset, r in ordered:
        for key in ("entities", "troops"):
            merged[key] += [m if not offset else {**m, "start": m["start"] + offset, "end": m["end"] + offset}
                            for m in r[key]]
        merged["warnings"] += [w for w in r["warnings"] if w not in merged["warnings"]]
    return merged


# --- the flat row of CSV and Parquet output (one a mention) ----------------------------------------

# After doc_id, kind (entity or troop) and label (TROOP for a troop figure): each column's path in the
# mention model. A column applies to a mention whose model has the path's first field; the others
# leave it out (to_records) or null (a CSV or Parquet file, whose rows all have every column).
MENTION_COLUMNS: tuple[tuple[str, str], ...] = (
    ("text", "text"), ("canonical", "canonical"), ("start", "start"), ("end", "end"), ("source", "source"),
    ("link_id", "link.id"), ("link_name", "link.name"), ("link_type", "link.type"),
    ("country", "link.country"), ("lat", "link.lat"), ("lon", "link.lon"),
    ("count", "count"), ("count_max", "count_max"), ("qualifier", "qualifier"), ("unit", "unit"),
    ("unit_count", "unit_count"), ("actor", "actor"), ("troop_kind", "kind"), ("location", "location.name"),
)
MENTION_MODELS: tuple[type[BaseModel], ...] = (Entity, TroopFigure)


def _row(doc_id: str | None, kind: str, label: str, mention: BaseModel) -> dict[str, Any]:
    row: dict[str, Any] = {"doc_id": doc_id, "kind": kind, "label": label}
    for column, path in MENTION_COLUMNS:
        head, _, rest = path.partition(".")
        if head in type(mention).model_fields:
            value = getattr(mention, head)
            row[column] = getattr(value, rest) if rest and value is not None else value
    return row


def _column_type(path: str) -> str:
    """The Arrow type name (string, int64, float64) of a path's field in the first mention model with it."""
    model: Any = next(m for m in MENTION_MODELS if path.split(".")[0] in m.model_fields)
    for name in path.split("."):
        model = model.model_fields[name].annotation
        if get_origin(model) in (Union, UnionType):  # X | None
            model = next(a for a in get_args(model) if a is not type(None))
    if get_origin(model) is Literal:
        model = type(get_args(model)[0])
    return {int: "int64", float: "float64", str: "string"}[model]


# Every column of a CSV or Parquet row, in order, with its Arrow type: one fixed set for every shard, so
# that shards concatenate and an empty shard still has a schema.
ROW_COLUMNS: dict[str, str] = {"doc_id": "string", "kind": "string", "label": "string",
                               **{column: _column_type(path) for column, path in MENTION_COLUMNS}}


def document_result_schema() -> str:
    """The JSON Schema of DocumentResult, as written to docs/schema/document-result.json."""
    return json.dumps(DocumentResult.model_json_schema(), indent=2, ensure_ascii=False, sort_keys=True) + "\n"
