"""The one table of entity labels and gazetteer entry types (no spaCy, no language)."""

from __future__ import annotations

LABELS = ("PER", "ORG", "LOC")
# Which entry types a mention of each label may link to.
LABEL_TYPES: dict[str, tuple[str, ...]] = {
    "LOC": ("country", "region", "city", "place"),
    "ORG": ("organisation", "armed_group", "agency", "media", "company"),
    "PER": ("person",),
}
LABEL_OF_TYPE: dict[str, str] = {t: label for label, types in LABEL_TYPES.items() for t in types}
# Among entries of equal names, the kind a bare mention most likely means.
TYPE_RANK = {"country": 0, "city": 1, "region": 2, "place": 3, "organisation": 0, "armed_group": 1, "agency": 2,
             "media": 3, "company": 4, "person": 0}
# The kinds of region English writes after a region's name ("Kursk Oblast", "Idlib Governorate"); the
# name without it is often a town's too ("Kursk").
REGION_DESIGNATIONS = ("Oblast", "Province", "Governorate", "Region", "State", "Prefecture", "County", "District",
                       "Krai")
# A base model's entity labels → ours (spaCy's English models say PERSON, GPE and FAC); others are dropped.
DEFAULT_LABEL_MAP = {"PER": "PER", "PERSON": "PER", "ORG": "ORG", "LOC": "LOC", "GPE": "LOC", "FAC": "LOC"}
