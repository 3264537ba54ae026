"""Maps the base model's entity labels to PER/ORG/LOC and links each entity with the gazetteer."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import srsly
from spacy.language import Language
from spacy.tokens import Doc

from ..gazetteer import builtin
from . import extensions

DEFAULT_LABEL_MAP = {"PER": "PER", "PERSON": "PER", "ORG": "ORG", "LOC": "LOC", "GPE": "LOC", "FAC": "LOC"}


class EntityMapper:
    """Keeps PER, ORG and LOC (under their base-model names), drops the rest (MISC), and links them."""

    def __init__(self, nlp: Language, name: str, label_map: dict[str, str], link: bool) -> None:
        self.name = name
        self.lang = nlp.lang
        self.label_map = dict(label_map)
        self.link = link
        extensions.register()

    def __call__(self, doc: Doc) -> Doc:
        rows = []
        for ent in doc.ents:
            label = self.label_map.get(ent.label_)
            if label is None:
                continue
            source = "gazetteer" if ent.ent_id_.startswith("gaz:") else "model"
            link = builtin.link_mention(ent.text, label, self.lang) if self.link else None
            rows.append((ent.start_char, ent.end_char, label, source, link))
        doc._.geonews_entities = rows
        return doc

    def to_disk(self, path: Path, *, exclude: Any = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_json(path / "cfg.json", {"label_map": self.label_map, "link": self.link})

    def from_disk(self, path: Path, *, exclude: Any = ()) -> EntityMapper:
        cfg = srsly.read_json(Path(path) / "cfg.json")
        self.label_map, self.link = dict(cfg["label_map"]), bool(cfg["link"])
        return self
