"""The gazetteer entry schema and its loading: JSON Lines (optionally gzipped) or CSV.

Every file is validated on load; an error names the file, the line and the field.
"""

from __future__ import annotations

import csv
import gzip
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ..errors import GeonewsError

EntryType = Literal["country", "region", "city", "place", "person", "organisation", "armed_group", "agency",
                    "media", "company"]
# A state body named by its kind and country in news ("the Russian Defense Ministry"): gazetteer.institutions
InstitutionKind = Literal["defence_ministry", "foreign_ministry", "interior_ministry", "armed_forces", "army",
                          "navy", "air_force", "general_staff", "national_guard"]


class GazetteerError(GeonewsError, ValueError):
    pass


class Entry(BaseModel):
    """One canonical thing the library can link a mention to."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(min_length=1, description="Wikidata QID where certain, else a stable prefixed id")
    type: EntryType
    name: str = Field(min_length=1, description="canonical English name")
    labels: dict[str, list[str]] = Field(default_factory=dict, description="names per language (de, en, ru, uk, ...)")
    aliases: dict[str, list[str]] = Field(default_factory=dict,
                                          description="other names per language; 'any' if unknown")
    country: str | None = Field(None, description="ISO 3166-1 alpha-2")
    lat: float | None = Field(None, ge=-90, le=90)
    lon: float | None = Field(None, ge=-180, le=180)
    population: int | None = Field(None, ge=0)
    parent: str | None = Field(None, description="id of the containing entry (region -> country)")
    adjectives: dict[str, list[str]] = Field(default_factory=dict, description="nationality adjectives per "
                                             "language, as the language's pack matches them (de: the stem "
                                             "nordkoreanisch)")
    metonyms: list[str] = Field(default_factory=list, description="names that stand for its government (Moskau, Kreml)")
    frequent_in: list[str] = Field(default_factory=list, description="languages in which the one-word name is a "
                                   "frequent word (Halle, Essen): not proposed as an entity there")
    propose: bool = Field(True, description="false: linked where the NER finds the name, never added as an "
                          "entity by the gazetteer ruler")
    institution: InstitutionKind | None = Field(None, description="the kind of state body it is of its country "
                                                "(army, defence_ministry, ...): what 'the Defense Ministry' of "
                                                "that country links to")

    def all_names(self) -> Iterator[tuple[str, str]]:
        """(language, name) for the canonical name, labels and aliases."""
        yield "en", self.name
        for table in (self.labels, self.aliases):
            for lang, names in table.items():
                for n in names:
                    yield lang, n


def _open(path: Path):
    if path.suffix == ".gz":
        return gzip.open(path, "rt", encoding="utf-8")
    return open(path, encoding="utf-8")


def _error(path: Path, line: int, err: ValidationError | str) -> GazetteerError:
    if isinstance(err, ValidationError):
        first = err.errors()[0]
        field = ".".join(str(p) for p in first["loc"]) or "(entry)"
        return GazetteerError(f"{path}, line {line}, field {field!r}: {first['msg']}")
    return GazetteerError(f"{path}, line {line}: {err}")


def read_entries(path: Path) -> Iterator[Entry]:
    """Entries of a ``.jsonl``, ``.jsonl.gz`` or ``.csv`` gazetteer file, validated."""
    path = Path(path)
    name = path.name.removesuffix(".gz")
    if name.endswith(".csv"):
        yield from _read_csv(path)
        return
    if not name.endswith(".jsonl"):
        raise GazetteerError(f"{path}: unknown gazetteer format (use .jsonl, .jsonl.gz or .csv)")
    with _open(path) as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                yield Entry.model_validate_json(line)
            except ValidationError as e:
                if e.errors()[0]["type"] == "json_invalid":
                    raise _error(path, n, f"invalid JSON: {e.errors()[0]['msg']}") from None
                raise _error(path, n, e) from None


def _split(value: str) -> list[str]:
    return [v.strip() for v in value.split("|") if v.strip()]


def _read_csv(path: Path) -> Iterator[Entry]:
    """CSV: columns id, type, name, country, lat, lon, population, parent; ``label:de``, ``alias:en``, ...
    ``adjective:de`` and the ``metonyms``/``frequent_in`` columns hold ``|``-separated lists."""
    with _open(path) as f:
        reader = csv.DictReader(io.StringIO(f.read()))
        for n, row in enumerate(reader, 2):
            data: dict = {"labels": {}, "aliases": {}}
            for key, value in row.items():
                if key is None or value is None or value == "":
                    continue
                if key.startswith("label:"):
                    data["labels"][key[6:]] = _split(value)
                elif key.startswith("alias:"):
                    data["aliases"][key[6:]] = _split(value)
                elif key.startswith("adjective:"):
                    data.setdefault("adjectives", {})[key[10:]] = _split(value)
                elif key in ("metonyms", "frequent_in"):
                    data[key] = _split(value)
                else:
                    data[key] = value
            try:
                yield Entry.model_validate(data)
            except ValidationError as e:
                raise _error(path, n, e) from None
