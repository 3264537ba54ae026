"""Maps the base model's entity labels to PER/ORG/LOC; linking is the gazetteer linker's job."""

from __future__ import annotations


from spacy.language import Language
from spacy.tokens import Doc

from . import extensions
from .serialize import SettingsOnDisk

DEFAULT_LABEL_MAP = {"PER": "PER", "PERSON": "PER", "ORG": "ORG", "LOC": "LOC", "GPE": "LOC", "FAC": "LOC"}


class EntityMapper(SettingsOnDisk):
    SETTINGS = ("label_map",)

    """Keeps PER, ORG and LOC (under their base-model names) and drops the rest (MISC)."""

    def __init__(self, nlp: Language, name: str, label_map: dict[str, str]) -> None:
        self.name = name
        self.label_map = dict(label_map)
        extensions.register()

    def __call__(self, doc: Doc) -> Doc:
        rows = []
        for ent in doc.ents:
            label = self.label_map.get(ent.label_)
            if label is None:
                continue
            source = "gazetteer" if ent.ent_id_.startswith("gaz:") else "model"
            rows.append((ent.start_char, ent.end_char, label, source, None))
        doc._.geonews_entities = rows
        return doc
