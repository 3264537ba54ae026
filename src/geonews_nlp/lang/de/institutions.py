"""State bodies named by their kind in German news ("das russische Verteidigungsministerium",
"US-Luftwaffe", "Generalstab der ukrainischen Streitkräfte"): the ``institution`` rule of the German
pack. Pure, no spaCy. The country is left to the core (``gazetteer.decide.institution_of``): the
words returned here, else the word before the name, else the document's country.

``INSTITUTION_PATTERNS`` propose the ministries, the general staff, the air force and the national
guard named alone ("das Verteidigungsministerium teilte mit"): news names one state's body so, which the
core finds before the name or in the document ("das Verteidigungsministerium" in a text about Austria
is Austria's). Not "Armee", "Streitkräfte", "Marine" or "Heer" alone: common nouns as often as names.
"""

from __future__ import annotations

from typing import Any

from ..base import Institution

# Head nouns by kind, in their singular case forms ("Verteidigungsministeriums", "Generalstabs").
# "Armee" is a state's armed forces as a whole ("die Schweizer Armee"); its plural is no one body.
HEADS: dict[str, str] = {
    **{f"verteidigungsministerium{e}": "defence_ministry" for e in ("", "s")},
    **{f"{a}ministerium{e}": "foreign_ministry" for a in ("außen", "aussen") for e in ("", "s")},
    **{f"innenministerium{e}": "interior_ministry" for e in ("", "s")},
    **{f"{p}streitkräfte{e}": "armed_forces" for p in ("", "verteidigungs") for e in ("", "n")},
    "armee": "armed_forces",
    **{f"generalstab{e}": "general_staff" for e in ("", "s", "es")},
    **{f"heer{e}": "army" for e in ("", "s", "es")},
    "marine": "navy", "luftwaffe": "air_force", "nationalgarde": "national_guard",
}
# "Verteidigungsministerium in Moskau", "Marine von Sri Lanka", "Armee im Sudan"
_FUNCTION_WORDS = {"der", "die", "das", "des", "dem", "den", "in", "im", "von", "aus"}


def institution(text: str) -> Institution | None:
    """The kind of state body a name is, and the words that may say whose: "russischen
    Verteidigungsministeriums" → (defence_ministry, "russischen"); "US-Luftwaffe" → (air_force, "US");
    "Generalstab der ukrainischen Streitkräfte" → (general_staff, "ukrainischen"); "Armee" → (armed_forces, ).
    A name with any other word ("Allianz Nationaler Demokratischer Armeen", "Befreiungsarmee") is
    its own body's name: the core accepts the words only if all of them name one country."""
    words = text.split()
    for i, word in enumerate(words):
        prefix, _, head = word.rpartition("-")
        kind = HEADS.get(head.lower())
        if kind is None or not head[:1].isupper():
            continue
        others = [w for j, w in enumerate(words) if j != i and w.lower() not in _FUNCTION_WORDS
                  and HEADS.get(w.lower()) is None]
        return Institution(kind, tuple(([prefix] if prefix else []) + others))
    return None


# the bodies proposed alone, in their singular case forms (capitalised: German nouns always are)
ALONE = sorted(w[:1].upper() + w[1:] for w, kind in HEADS.items()
               if kind in ("defence_ministry", "foreign_ministry", "interior_ministry", "general_staff",
                           "air_force", "national_guard"))
INSTITUTION_PATTERNS: list[list[dict[str, Any]]] = [[{"TEXT": {"IN": ALONE}}]]
