"""A state's institutions named without their own name: pure functions, no spaCy.

News names a ministry or an army by its kind and its country ("the Russian Defense Ministry",
"das Verteidigungsministerium" in a text about Austria, "US-Luftwaffe"), rarely by the name of
its article. A language pack's ``NameRules.institution`` reads a mention into its kind and the
words in it that may name the country (``Institution``); this module finds the country (those
words, else the word before the mention, else the document's country) and the entry: the
knowledge base's own entry for that state and kind (``"institution"`` in a curated file:
the Bundeswehr, the Pentagon), else one made here with the name English Wikipedia gives most
such articles ("Ministry of Defence (Russia)", "Indian Army"), so that every mention of one
state's institution links to one entry.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Sequence
from typing import get_args

from .schema import Entry, InstitutionKind

KINDS: tuple[str, ...] = get_args(InstitutionKind)

# The name of a made entry: {country} the country's English name, {adj} its English adjective.
# The forms are those of most English Wikipedia articles on such bodies; a state whose article
# has another name ("British Army" is fine, "Royal Navy" is not "British Navy") has a curated entry.
NAME_TEMPLATES: dict[str, tuple[str, str]] = {  # kind -> (with an adjective, without one)
    "defence_ministry": ("Ministry of Defence ({country})", "Ministry of Defence ({country})"),
    "foreign_ministry": ("Ministry of Foreign Affairs ({country})", "Ministry of Foreign Affairs ({country})"),
    "interior_ministry": ("Ministry of the Interior ({country})", "Ministry of the Interior ({country})"),
    "armed_forces": ("{adj} Armed Forces", "Armed Forces of {country}"),
    "army": ("{adj} Army", "Army of {country}"),
    "navy": ("{adj} Navy", "Navy of {country}"),
    "air_force": ("{adj} Air Force", "Air Force of {country}"),
    "general_staff": ("General Staff of the Armed Forces of {country}",
                      "General Staff of the Armed Forces of {country}"),
    "national_guard": ("National Guard of {country}", "National Guard of {country}"),
}


def made_entry(kind: str, country: Entry) -> Entry:
    """The entry of a state body that no curated file holds, named as ``NAME_TEMPLATES`` say."""
    adjectives = country.adjectives.get("en") or []
    adj = " ".join(w[:1].upper() + w[1:] for w in adjectives[0].split()) if adjectives else ""
    with_adj, without = NAME_TEMPLATES[kind]
    name = (with_adj if adj else without).format(country=country.name, adj=adj)
    code = country.country or country.id
    return Entry(id=f"geonews:{code.lower()}-{kind.replace('_', '-')}", type="organisation", name=name,
                 country=country.country, institution=kind, propose=False)


TOPIC_LEAD = 2.0  # how many times the weight of any other country the country a document is about has


# The bodies whose state a document's own troops name better than the places it is about: German soldiers
# in Mali answer to Germany's ministry and fly with its air force ("die Luftwaffe", "das Ministerium")
FORCE_BODIES = frozenset({"defence_ministry", "armed_forces", "army", "navy", "air_force", "general_staff",
                          "national_guard"})
MIN_OWNED = 2  # troop figures a state must own, at least half of those with a state's actor


def forces_owner(actors: Sequence[str | None], countries: Collection[str]) -> str | None:
    """The state whose troops a document counts: the owner (ISO code, one of ``countries``: "UN" is none)
    of at least half of its troop figures that have a state as actor, and of ``MIN_OWNED`` or more;
    None when there is none."""
    states = [a for a in actors if a in countries]
    if not states:
        return None
    code, n = Counter(states).most_common(1)[0]
    return code if n >= MIN_OWNED and 2 * n >= len(states) else None


def topic_country(weights: dict[str, float]) -> str | None:
    """The country a document is about: the one with the most weight, when it has at least
    ``TOPIC_LEAD`` times any other's (a story of two countries is about neither)."""
    ranked = sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))
    if not ranked or ranked[0][1] <= 0 or (len(ranked) > 1 and ranked[0][1] < TOPIC_LEAD * ranked[1][1]):
        return None
    return ranked[0][0]
