"""State bodies named by their kind in English news ("the Russian Defense Ministry", "Army"): the
``institution`` rule of the English pack and the patterns that propose such names. Pure, no spaCy.

The country is left to the core (``gazetteer.decide.institution_of``): the words returned here,
else the word before the name, else the document's country.
"""

from __future__ import annotations

import re
from typing import Any

from ..base import Institution
from .actors import ADJECTIVES

# The kinds as English writes them, by the head's lower-cased words (docs/gazetteers.md, "State bodies").
HEADS: dict[str, str] = {
    "ministry of defense": "defence_ministry", "ministry of defence": "defence_ministry",
    "ministry of national defense": "defence_ministry", "ministry of national defence": "defence_ministry",
    "defense ministry": "defence_ministry", "defence ministry": "defence_ministry",
    "department of defense": "defence_ministry", "defense department": "defence_ministry",
    "ministry of the armed forces": "defence_ministry", "armed forces ministry": "defence_ministry",
    "ministry of foreign affairs": "foreign_ministry", "foreign ministry": "foreign_ministry",
    "foreign affairs ministry": "foreign_ministry", "ministry of external affairs": "foreign_ministry",
    "state department": "foreign_ministry", "department of state": "foreign_ministry",
    "ministry of the interior": "interior_ministry", "ministry of interior": "interior_ministry",
    "interior ministry": "interior_ministry", "ministry of internal affairs": "interior_ministry",
    "armed forces": "armed_forces", "defense forces": "armed_forces", "defence forces": "armed_forces",
    "army": "army", "ground forces": "army", "navy": "navy", "air force": "air_force",
    "general staff": "general_staff", "national guard": "national_guard",
}
_HEAD_AT_END = re.compile(r"^(?:the\s+)?(?:(?P<whose>.+?)\s+)?(?P<head>" + "|".join(
    sorted((re.escape(h).replace(r"\ ", r"\s+") for h in HEADS), key=len, reverse=True)) + r")$", re.IGNORECASE)


def institution(text: str) -> Institution | None:
    """The kind of state body a name is and the words that may say whose: "Russian Defense Ministry"
    → (defence_ministry, "Russian"); "Ministry of Defense of Azerbaijan" → (…, "Azerbaijan");
    "General Staff of the Armed Forces of Ukraine" → (general_staff, "Ukraine"); "Army" → (army, ).
    A lower-case head is a common noun ("the army"), no name; other words before the head are
    returned as they are, and the core accepts them only if they name one country ("Free Syrian
    Army" is no state's army)."""
    text = " ".join(text.split())
    m = _HEAD_AT_END.match(text)
    if m and m["head"][:1].isupper():
        kind = HEADS[" ".join(m["head"].lower().split())]
        return Institution(kind, (m["whose"],) if m["whose"] else ())
    words = re.sub(r"^the ", "", text, flags=re.IGNORECASE).split(" ")
    for i, word in enumerate(words):  # "Ministry of Defense of Azerbaijan": the head, "of", the country
        head = " ".join(words[:i]).lower()
        if word == "of" and head in HEADS and words[0][:1].isupper() and i + 1 < len(words):
            whose = " ".join(words[i + 1:]).rsplit(" of ", 1)[-1]
            return Institution(HEADS[head], (re.sub(r"^the ", "", whose),))
    return None


def _patterns() -> list[list[dict[str, Any]]]:
    """Names of state bodies the NER may miss: an adjective of a country before the head ("Indian
    Army", "U.S. Navy"), and the ministries' and councils' names with or without one. Capitalised
    only: "the army" is a common noun."""
    adjective = {"LOWER": {"IN": sorted(a for a in ADJECTIVES if " " not in a)}, "IS_LOWER": False}
    optional = {**adjective, "OP": "?"}
    possessive = {"TEXT": {"IN": ["'s", "’s"]}, "OP": "?"}  # trimmed off by geonews_entities
    return [
        # after a possessive, the longest name wins: "France's [Armed Forces Ministry]", not "[Armed Forces]"
        [possessive, {"TEXT": "Armed"}, {"TEXT": "Forces"}, {"TEXT": "Ministry"}],
        [possessive, {"TEXT": {"IN": ["Defense", "Defence", "Foreign", "Interior"]}}, {"TEXT": "Ministry"}],
        [optional, {"TEXT": {"IN": ["Defense", "Defence", "Foreign", "Interior"]}}, {"TEXT": "Ministry"}],
        [optional, {"TEXT": "Armed"}, {"TEXT": "Forces"}, {"TEXT": "Ministry"}],
        [optional, {"TEXT": "Ministry"}, {"LOWER": "of"},
         {"TEXT": {"IN": ["Defense", "Defence", "Interior", "Foreign"]}}, {"TEXT": "Affairs", "OP": "?"}],
        [adjective, {"TEXT": {"IN": ["Army", "Navy"]}}],
        [adjective, {"TEXT": {"IN": ["Air", "Armed", "Ground"]}}, {"TEXT": {"IN": ["Force", "Forces"]}}],
        # capitalised alone, or after a country's possessive ("Sudan's Armed Forces"; the "'s" is trimmed off by
        # geonews_entities): the state's own body, whose country the core reads before it or in the document
        [possessive, {"TEXT": {"IN": ["Army", "Navy"]}}],
        [possessive, {"TEXT": "Armed"}, {"TEXT": "Forces"}],
        [optional, {"TEXT": "General"}, {"TEXT": "Staff"}],
        [optional, {"TEXT": "National"}, {"TEXT": "Guard"}],
        # "State Department" starts with a place word ("state"), which keeps the gazetteer from proposing it
        [optional, {"TEXT": {"IN": ["State", "Defense", "Defence"]}}, {"TEXT": "Department"}],
        [optional, {"TEXT": "Department"}, {"LOWER": "of"}, {"TEXT": {"IN": ["State", "Defense", "Defence"]}}],
    ]


INSTITUTION_PATTERNS = _patterns()
