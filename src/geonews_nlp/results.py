"""Public result types: pydantic v2, frozen. Built only at the output, from a processed Doc."""

from __future__ import annotations

import html
import json
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

Label = Literal["PER", "ORG", "LOC"]
Source = Literal["model", "gazetteer", "rule"]
LinkMethod = Literal["exact", "alias", "fuzzy", "demonym", "metonym"]
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
    start: int = Field(ge=0, description="character offset of the first character")
    end: int = Field(ge=0, description="character offset after the last character")
    source: Source = Field(description="what found it: the statistical model, a gazetteer or a rule")
    link: Link | None = Field(None, description="the canonical entry, or null when unknown")


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
    model: ModelInfo = Field(description="name and version of the base pipeline")
    entities: list[Entity] = Field(default_factory=list)
    troops: list[TroopFigure] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
    _text: str | None = PrivateAttr(default=None)

    @classmethod
    def from_doc(cls, doc: Doc, *, model: dict[str, str], doc_id: str | None = None,
                 warnings: list[str] | None = None) -> DocumentResult:
        """Build the result from a Doc processed by a geonews pipeline."""
        from .components.extensions import doc_entities, doc_troops

        return cls.model_validate({  # one validation call for the whole tree
            "id": doc_id,
            "lang": doc.lang_,
            "model": model,
            "entities": doc_entities(doc),
            "troops": doc_troops(doc),
            "warnings": list(warnings or []),
        })

    def to_json(self, **kwargs: Any) -> str:
        return self.model_dump_json(**kwargs)

    def to_records(self) -> list[dict[str, Any]]:
        """Flat dicts, one a mention (entities then troop figures), ready for ``pandas.DataFrame``."""
        rows: list[dict[str, Any]] = []
        for e in self.entities:
            link = e.link
            rows.append({
                "doc_id": self.id, "kind": "entity", "label": e.label, "text": e.text, "start": e.start,
                "end": e.end, "source": e.source, "link_id": link.id if link else None,
                "link_name": link.name if link else None, "link_type": link.type if link else None,
                "country": link.country if link else None, "lat": link.lat if link else None,
                "lon": link.lon if link else None,
            })
        for t in self.troops:
            rows.append({
                "doc_id": self.id, "kind": "troop", "label": "TROOP", "text": t.text, "start": t.start,
                "end": t.end, "count": t.count, "count_max": t.count_max, "qualifier": t.qualifier,
                "unit": t.unit, "unit_count": t.unit_count, "actor": t.actor, "troop_kind": t.kind,
                "location": t.location.name if t.location else None,
            })
        return rows

    def _repr_html_(self) -> str:
        """Marked-up text for notebooks, rendered with displaCy (needs the text, kept by extract())."""
        from spacy import displacy

        text = self._text
        if text is None:
            return "<pre>" + html.escape(json.dumps(self.model_dump(), ensure_ascii=False, indent=1)) + "</pre>"
        spans = [{"start": e.start, "end": e.end, "label": e.label} for e in self.entities]
        spans += [{"start": t.start, "end": t.end, "label": "TROOP"} for t in self.troops]
        spans.sort(key=lambda s: (s["start"], -s["end"]))
        ents = []
        last = -1
        for s in spans:  # displaCy's ent style cannot nest: keep the first of overlapping marks
            if s["start"] >= last:
                ents.append({"start": s["start"], "end": s["end"], "label": s["label"]})
                last = s["end"]
        return displacy.render({"text": text, "ents": ents, "title": self.id}, style="ent", manual=True,
                               jupyter=False, options={"colors": {"TROOP": "#f4a261"}})

    def with_text(self, text: str) -> DocumentResult:
        """Attach the input text (not serialised) so ``_repr_html_`` can show it."""
        self._text = text
        return self


def document_result_schema() -> str:
    """The JSON Schema of DocumentResult, as written to docs/schema/document-result.json."""
    return json.dumps(DocumentResult.model_json_schema(), indent=2, ensure_ascii=False, sort_keys=True) + "\n"
