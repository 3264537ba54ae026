"""English rules for gazetteer keys: articles and titles dropped, a possessive or plural traced to its
base. Pure functions, no spaCy (the ``keys`` part of the English pack)."""

from __future__ import annotations

ARTICLES = frozenset({"the"})
TITLES = frozenset({
    "president", "vice", "prime", "minister", "chancellor", "secretary", "secretary-general", "general",
    "gen.", "admiral", "adm.", "colonel", "col.", "lt.", "sgt.", "maj.", "capt.", "commander", "king", "queen",
    "prince", "princess", "crown", "pope", "emir", "sheikh", "ayatollah", "mr.", "mrs.", "ms.", "mr", "mrs",
    "ms", "miss", "dr.", "dr", "prof.", "sir", "dame", "lord", "lady", "senator", "sen.", "rep.", "gov.",
    "governor", "mayor", "spokesman", "spokeswoman", "leader", "chief", "defense", "defence", "foreign",
    "supreme", "dictator",
})


def inflection_candidates(key: str) -> list[str]:
    """Base forms an English key may come from: a possessive left on a name ("russia's"), a plural
    of a group's name ("houthis")."""
    out: list[str] = []
    for suffix in ("'s", "’s", "'"):
        if key.endswith(suffix) and len(key) > len(suffix) + 2:
            out.append(key[: -len(suffix)])
    if len(key) > 4 and key.endswith("s") and not key.endswith(("ss", "us", "is")) and " " not in key:
        out.append(key[:-1])
    return out


def genitive_stems(word: str) -> list[str]:
    """None: the English possessive is its own token, so no one-word name carries it."""
    return []

# A name that is one entry's own name and one of GeoNames' other names of a small town is the entry's:
# those other names hold provinces, districts and sister towns ("Kupwara" is the town, not Kopawor, whose
# other names hold it). On the English look halves (December 2026) 3 of 16 links by other names were
# right; German keeps them all (its exonyms of small towns are other names, "Bachmut": 32 of 47 right).
ALIAS_TOWN_POPULATION = 150_000
