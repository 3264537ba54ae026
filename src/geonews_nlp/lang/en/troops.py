"""English troop-figure grammar (../shared/docs/troop-figures.md): pure functions over sentences of tokens.

English does not capitalise nouns, so the head of the noun phrase after a quantity is found by
word lists: the military head nouns, the nouns that end a noun phrase without being one
(equipment, civilians), and, with no tagger (the blank English base), a plural noun's ``-s``.
When the base pipeline has a tagger, ``Token.pos`` ends the search at a verb, preposition or
pronoun; when it has a parser, the clause's subject is preferred as the actor.

Steps, per sentence: find quantities (``numbers.scan_quantity``); find the head of the noun
phrase after each one, skipping modifiers (``10,000 North Korean troops``, ``a 3,000-strong
contingent``) and a partitive ``of`` (``hundreds of troops``, ``two of its soldiers``); keep
military heads; merge a formation with the personnel that an ``of``/``with``/``comprising``
phrase gives it (``two brigades of 5,000 soldiers``); accept bare numbers (``150 more``,
``from which 2,400 are``) as ellipses when a figure is near; then read kind, actor and location.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache
from typing import Any

from ..base import Figure, Quantity, Sentence, Token
from ..common import all_quantities, is_punct, is_year
from ..discourse import ALLIANCE, TOPIC, Discourse
from . import actors
from .numbers import scan_quantity

PERSONNEL = {
    "soldiers", "soldier", "troops", "servicemen", "serviceman", "servicewomen", "servicewoman",
    "servicemembers", "servicemember", "personnel", "marines", "marine", "fighters", "fighter", "militants",
    "militant", "militiamen", "militiaman", "mercenaries", "mercenary", "reservists", "reservist", "conscripts",
    "conscript", "recruits", "recruit", "officers", "peacekeepers", "peacekeeper", "paratroopers",
    "paratrooper", "commandos", "commando", "forces", "rebels", "rebel", "insurgents", "insurgent", "jihadists",
    "jihadist", "guerrillas", "guerrilla", "sailors", "sailor", "airmen", "snipers", "infantrymen",
    "guardsmen", "guardsman", "gis", "legionnaires", "combatants", "combatant", "troopers", "trooper",
    "cadets", "sappers", "gunners", "pows", "generals", "special", "men", "man",
}
# Person nouns that count as personnel only when the text is about an armed force.
GENERIC = {"volunteers", "comrades", "advisers", "advisors", "instructors", "trainers", "prisoners",
           "captives", "detainees", "women", "others"}
# Casualty nouns and participles used as heads: "9,861 dead", "12 wounded", "hundreds of casualties".
CASUALTY_HEADS = {"dead", "deaths", "casualties", "killed", "wounded", "injured", "fatalities", "losses",
                  "missing", "captured"}
# Heads that a singular article may count: "a soldier was killed", "a heavy brigade".
SINGULAR = {"soldier", "serviceman", "servicewoman", "servicemember", "marine", "fighter", "militant",
            "militiaman", "mercenary", "reservist", "conscript", "recruit", "peacekeeper", "paratrooper",
            "commando", "sailor", "guardsman", "trooper", "rebel", "insurgent", "combatant", "jihadist", "member"}
FORMATIONS = {
    "brigades": "brigade", "brigade": "brigade", "divisions": "division", "division": "division",
    "battalions": "battalion", "battalion": "battalion", "regiments": "regiment", "regiment": "regiment",
    "companies": "company", "company": "company", "platoons": "platoon", "platoon": "platoon",
    "corps": "corps", "armies": "army", "army": "army", "units": "unit", "unit": "unit",
    "contingents": "unit", "contingent": "unit", "battlegroups": "unit", "battlegroup": "unit",
    "detachments": "unit", "detachment": "unit", "force": "force",
}
# two-word formations, by their last word: "battle group", "battalion tactical groups"
GROUP_WORDS = {"group", "groups"}
GROUP_BEFORE = {"battle": "unit", "tactical": "unit", "task": "unit", "combat": "unit", "battalion": "battalion"}
# Formations that need a military word in their sentence ("two companies" of a market are none).
CONTEXT_FORMATIONS = {"company", "unit"}
# Words that end the noun phrase after a quantity without being a military head.
NOT_HEADS = {
    "tanks", "vehicles", "aircraft", "jets", "helicopters", "drones", "missiles", "rockets", "guns",
    "weapons", "rounds", "shells", "ships", "vessels", "boats", "artillery", "howitzers", "equipment",
    "people", "civilians", "children", "refugees", "migrants", "hostages", "police", "policemen",
    "students", "workers", "residents", "journalists", "villagers", "protesters", "voters", "years",
    "months", "weeks", "days", "hours", "minutes", "miles", "kilometers", "kilometres", "km", "meters",
    "metres", "percent", "per", "dollars", "euros", "pounds", "tons", "tonnes", "times", "countries",
    "nations", "states", "members", "allies", "bases", "villages", "towns", "cities", "people's",
    "attacks", "airstrikes", "strikes", "incidents", "cases", "votes", "seats", "points", "kg", "sq",
    "ammunition", "bombs", "mines", "planes", "troop", "million", "billion", "%", "p.m.", "a.m.", "pm",
    "am", "gmt", "bn", "mln", "m", "ft", "feet", "officials", "leaders", "diplomats", "ministers",
    "lawmakers", "senators", "families", "bodies", "victims", "patients", "persons",
}
NON_PERSON_AFTER = {"%", "percent", "per", "km", "miles", "kilometers", "kilometres", "mi", "kg", "years",
                    "year", "months", "month", "days", "day", "hours", "minutes", "p.m.", "a.m.", "pm", "am",
                    "gmt", "times", "dollars", "euros", "pounds", "m", "ft", "°", "degrees", "tons", "tonnes"}
CURRENCY = {"$", "€", "£", "¥", "us$", "usd", "eur", "gbp", "rs", "rs.", "c$", "a$", "₹", "₽"}
HYPHEN_HEADS = {"strong", "man", "member", "person", "men", "soldier", "troop"}
STOP_WORDS = {
    "were", "was", "is", "are", "be", "been", "being", "have", "has", "had", "will", "would", "could", "can",
    "may", "might", "should", "must", "shall", "do", "does", "did", "to", "in", "into", "from", "at", "on",
    "by", "for", "with", "who", "whom", "that", "which", "as", "the", "a", "an", "this", "these", "those",
    "their", "its", "his", "her", "our", "my", "your", "than", "but", "while", "after", "before", "since",
    "during", "when", "if", "said", "say", "says", "told", "it", "they", "we", "he", "she", "them", "there",
    "per", "each", "against", "across", "near", "under", "over", "about", "around", "through", "toward",
    "towards", "inside", "outside", "via", "until", "between", "among", "within", "without", "so", "not",
    "every", "last", "next", "ago", "later", "earlier",
}
POSSESSIVE_AFTER_OF = {"the", "its", "his", "her", "their", "our", "whom", "them", "these", "those", "which"}
PARTITIVE_PRONOUNS = {"them", "whom", "those", "these", "which"}
LINK_WORDS = {"of", "with", "comprising", "consisting", "totalling", "totaling", "numbering", "including"}
MILITARY_CONTEXT = (
    "army", "armies", "military", "militar", "troop", "soldier", "forces", "war", "fighting", "battle", "clash",
    "attack", "offensive", "front", "brigade", "battalion", "division", "regiment", "deploy", "mission",
    "militant", "jihad", "insurgen", "rebel", "mercenar", "defense", "defence", "combat", "weapon",
    "missile", "strike", "nato", "peacekeep", "ceasefire", "militia", "captur", "airborne", "marines",
    "pentagon", "kremlin", "invasion", "frontline", "drone", "artillery", "shelling", "taliban", "hamas",
    "hezbollah", "wagner", "isis", "terror", "ambush", "garrison", "personnel", "fighter", "killed",
)
CASUALTY_WORDS = {
    "killed", "kill", "kills", "killing", "dead", "died", "die", "dies", "dying", "death", "deaths", "wounded",
    "wounding", "injured", "injuring", "injuries", "casualties", "casualty", "captured", "capture",
    "missing", "prisoners", "prisoner", "pows", "pow", "captive", "captives", "lost", "losses", "slain",
    "fallen", "perished", "executed", "shot", "arrested", "detained", "fatalities", "surrendered", "toll",
    "wounds", "free", "freed", "release", "released", "releasing", "exchange", "exchanged", "swap", "swapped",
}
# Nouns for a state's or group's armed forces: a name or adjective before them names the actor.
FORCE_NOUNS = {"army", "military", "forces", "armed", "troops", "navy", "defense", "defence", "government",
               "contingent", "marines", "ministry", "airborne", "soldiers", "peacekeepers", "peacekeeping",
               "junta", "regime", "command", "side", "army's", "military's", "authorities", "volunteers",
               "recruits", "fighters", "servicemen", "personnel", "officers", "commanders", "militants", "units",
               "brigade", "battalion", "division", "navy's", "soldier", "troop"}
LOCATIVE = {"in", "to", "into", "near", "at", "across", "toward", "towards", "inside", "throughout", "against",
            "on", "onto", "outside", "around", "through", "along", "within", "over", "from", "with", "via",
            "between", "beyond", "off"}
LOCATION_PREPS = {"to", "in", "into", "inside", "toward", "towards"}
TIME_BEFORE = {"on", "in", "since", "by", "until", "till", "from", "of", "at", "year", "years", "no.", "number",
               "nos.", "resolution", "article", "page", "flight", "route", "highway", "road", "chapter",
               "section", "model", "type", "version", "room", "gate", "hill", "height", "paragraph", "january",
               "february", "march", "april", "may", "june", "july", "august", "september", "october",
               "november", "december", "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.",
               "sept.", "oct.", "nov.", "dec.", "aged", "age", "ages", "after", "before", "around", "circa",
               "between", "mid", "early", "late", "fiscal", "class", "tier", "level", "phase",
               "stage", "grade", "volume", "vol.", "issue", "step", "day", "week", "month", "under", "over", "as"}
ELLIPSIS_NEXT = {",", ".", ";", ":", ")", "-", "–", "—", "?", "!", "more", "others", "are", "were", "was",
                 "is", "have", "had", "has", "will", "would", "could", "may", "might", "should", "from", "in",
                 "when", "who", "remain", "remained", "remaining", "stay", "stayed", "left", "died", "still",
                 "now", "currently", "already", "by", "after", "as", "'", '"'}
SUBFIGURE_CUES = {"including", "includes", "include", "whom", "them", "among", "of"}
QUOTES = {'"', "“", "”", "'", "‘", "’", "``", "''"}
SAID = {"said", "says", "told", "say", "added", "stated", "explained", "noted", "warned"}
MAX_NP = 7
# casualty words only before the figure: "lost", and the release of prisoners in an exchange
BEFORE_ONLY = {"lost", "free", "freed", "release", "released", "releasing", "exchange", "exchanged", "swap",
               "swapped"}
DATELINE = {"(", ",", "-", "–", "—", ":"}
AFTER_WINDOW = 10  # an actor named after the figure counts only this close to it
EXCEED = {"exceed", "exceeds", "exceeded", "surpass", "surpasses", "surpassed", "top", "tops", "topped"}
# nouns that a singular head before them modifies ("a rebel group")
MODIFIED_NOUNS = {"group", "groups", "insurgency", "movement", "leader", "leaders", "commander", "attack",
                  "attacks", "base", "camp", "stronghold", "position", "positions", "cell", "network", "faction",
                  "organization", "organisation", "militia", "offensive", "uprising", "fighter", "training",
                  "deployment", "presence", "operation", "mission", "force", "forces", "unit", "units", "officer"}
# person nouns that, counted with soldiers and no share given, make a mixed count ("troops and federal police")
MIXED_NOUNS = {"police", "policemen", "civilians", "people", "officials", "workers", "citizens", "residents"}


def _is_plural_noun(lw: str) -> bool:
    """A guess for a word without a tagger: a lower-case English plural ends the noun phrase."""
    return len(lw) > 3 and lw.endswith("s") and not lw.endswith(("ss", "us", "ous", "is", "'s"))


@lru_cache(maxsize=65536)
def classify_head(word: str) -> tuple[str, str] | None:
    """(category, unit) for a noun: personnel, formation, generic, casualty or demonym; None otherwise."""
    w = word.lower()
    if w.startswith(("u.s.-", "us-")):
        w = w.split("-", 1)[1]
    if w in ("special", "man", "men"):
        return None  # only as part of "special forces", "250-man", "5,000 men" (see head_at)
    if w in PERSONNEL:
        return ("personnel", "personnel")
    if w in FORMATIONS:
        return ("formation", FORMATIONS[w])
    if w in CASUALTY_HEADS:
        return ("casualty", "personnel")
    if w in GENERIC:
        return ("generic", "personnel")
    if actors.actor_from_demonym(w) is not None:
        return ("demonym", "personnel")
    return None


def head_at(tokens: Sequence[Token], k: int) -> tuple[str, str, int] | None:
    """The head starting at ``tokens[k]`` as (category, unit, index after it), two-word heads included."""
    w = tokens[k].text
    lw = w.lower()
    nxt = tokens[k + 1].text.lower() if k + 1 < len(tokens) else ""
    if tokens[k].pos and tokens[k].pos not in ("NOUN", "PROPN", "ADJ", "VERB", "NUM", "X"):
        return None
    if lw == "service" and nxt in ("members", "member", "personnel"):
        return ("personnel", "personnel", k + 2)
    if lw == "special" and nxt in ("forces", "operations", "operators"):
        return ("personnel", "personnel", k + 2)
    if lw in ("men", "man"):
        return ("generic", "personnel", k + 1)
    if lw in GROUP_BEFORE and nxt in GROUP_WORDS:
        return ("formation", GROUP_BEFORE[lw], k + 2)
    if lw == "battalion" and nxt == "tactical" and k + 2 < len(tokens) and tokens[k + 2].text.lower() in GROUP_WORDS:
        return ("formation", "battalion", k + 3)
    if lw in ("prisoners", "prisoner") and nxt == "of" and k + 2 < len(tokens) and tokens[k + 2].text.lower() == "war":
        return ("personnel", "personnel", k + 3)
    if lw == "officers" and k > 0 and tokens[k - 1].text.lower() in ("police", "prison", "customs", "border"):
        return None
    found = classify_head(w)
    if found is None:
        return None
    if found[0] == "formation" and w[:1].isupper() and k > 0 and tokens[k - 1].text[:1].isupper() \
            and tokens[k - 1].text.lower() not in ("army", "marine", "u.s.", "us", "nato"):
        return None  # a named unit: "Marasesti Mechanized Brigade", "Paratroopers Brigades"
    return (found[0], found[1], k + 1)


def find_head(tokens: Sequence[Token], i: int, *, vague: bool) -> tuple[int, int, str, str] | None:
    """(head index, end, category, unit) of the noun phrase after a quantity ending at ``i``."""
    k = i
    after_of = False
    used_and = False
    n = len(tokens)
    while k < n and k < i + MAX_NP:
        w = tokens[k].text
        lw = w.lower()
        pos = tokens[k].pos
        found = head_at(tokens, k)
        if found is not None and not (found[0] == "casualty" and k > i and not after_of and pos != "NOUN"
                                      and lw not in ("dead", "casualties", "deaths", "fatalities")):
            later = head_at(tokens, found[2]) if found[2] < n and found[0] != "casualty" else None
            if later is not None and later[0] in ("personnel", "formation"):
                return found[2], later[2], later[0], later[1]  # "five Army brigades", "Marine units"
            return k, found[2], found[0], found[1]
        if lw in QUOTES:
            k += 1
            continue
        if is_punct(w) or w[:1].isdigit():
            return None
        if lw == "of":
            if k + 1 < n and tokens[k + 1].text.lower() in ("war",):
                return None
            after_of = True
            k += 1
            continue
        if after_of and lw in POSSESSIVE_AFTER_OF:
            k += 1
            continue
        if lw in ("and", "or", "&") and k > i and not used_and:
            used_and = True
            k += 1
            continue
        if lw in STOP_WORDS or (lw in NOT_HEADS and not w[:1].isupper()):
            return None
        if pos:
            if pos in ("VERB", "AUX", "ADP", "PRON", "SCONJ", "DET", "PART", "NUM", "CCONJ", "PUNCT"):
                return None
            if pos == "NOUN" and not (k + 1 < n and tokens[k + 1].pos in ("NOUN", "PROPN", "ADJ")):
                return None  # the noun phrase's own head, not a military one: "200 tanks"
        elif not w[:1].isupper() and _is_plural_noun(lw) and lw not in ("various", "us"):
            return None
        k += 1
    return None


def _excluded(q: Quantity, words: list[str], lower: list[str]) -> bool:
    """Money, percentages, measures, ages, numbered names: never a figure."""
    prev = lower[q.start - 1] if q.start > 0 else ""
    first = lower[q.start]
    if prev in CURRENCY or first[:1] in "$€£" or prev in ("aged", "age", "ages"):
        return True
    before = classify_head(words[q.start - 1]) if q.start > 0 else None
    if words[q.start][:1].isdigit() and before is not None and before[0] == "formation":
        return True  # "Brigade 45"
    nxt = lower[q.end] if q.end < len(words) else ""
    if nxt in NON_PERSON_AFTER or nxt in CURRENCY:
        return True
    if nxt == "-" and q.end + 1 < len(words) and lower[q.end + 1] not in HYPHEN_HEADS:
        return True  # "25-year-old", "two-step", "3-0"
    if "-" in nxt and not nxt.startswith("-") and nxt.split("-")[0] in ("year", "month", "day", "week", "hour",
                                                                      "mile", "km", "point", "old"):
        return True
    return False


def _figure_at(q: Quantity, tokens: Sequence[Token], words: list[str], lower: list[str], sent: int,
               military: bool) -> Figure | None:
    """The figure a quantity with its own head makes, an elliptic candidate, or None."""
    if _excluded(q, words, lower):
        return None
    vague = q.qualifier == "vague"
    k = q.end
    strong = False
    if k + 1 < len(words) and lower[k] == "-" and lower[k + 1] in ("strong", "man", "member", "person", "men"):
        strong = lower[k + 1] == "strong"
        if not strong:  # "250-man SAS"
            return Figure(sent, q.start, k + 2, q.value, q.value_max, q.qualifier, "personnel", None, head=k + 1)
        k += 2
    elif k < len(words) and lower[k] == "strong":
        strong = True
        k += 1
    found = find_head(tokens, k, vague=vague)
    start = q.start
    if strong:
        if q.start > 0 and lower[q.start - 1] in ("a", "an", "the"):
            start = q.start - 1
        if found is not None and found[2] == "formation" and found[3] not in ("force", "army"):
            return Figure(sent, start, found[1], q.value, q.value_max, q.qualifier, found[3], 1, head=found[0])
        end = found[1] if found is not None else k
        return Figure(sent, start, end, q.value, q.value_max, q.qualifier, "personnel", None,
                      head=found[0] if found is not None else k - 1)
    if found is None:
        return _ellipsis(q, tokens, words, lower, sent)
    head, end, cat, unit = found
    if is_year(q, words) and head != q.end:
        return None
    lhead = lower[head]
    if q.article or (lower[q.start] == "one" and q.end == q.start + 1):
        if lhead.endswith("s") and cat != "formation" or lhead in ("forces", "troops", "personnel") or \
                cat in ("generic", "demonym", "casualty"):
            return None  # "a few troops", "an army", "a unit": no count of a specific force
        if cat == "formation" and (lhead.endswith("s") and lhead != "corps"):
            return None
        if cat == "personnel" and lhead not in SINGULAR and lower[head] != "service":
            return None
        if q.start > 1 and lower[q.start - 1] == "of" and lower[q.start - 2] in (
                "commander", "commanders", "head", "chief", "size", "equivalent", "leader", "strength"):
            return None  # "the commander of an infantry battalion", "the size of a division"
        if any(w in SAID for w in lower[end:end + 3]):
            return None  # "a senior officer said": a source, not a force
        nxt_tok = tokens[end] if end < len(tokens) else None
        if nxt_tok is not None and (lower[end] in MODIFIED_NOUNS or nxt_tok.pos == "NOUN"):
            return None  # the head is a modifier: "a jihadist insurgency", "a rebel group"
    if cat == "formation" and unit in CONTEXT_FORMATIONS and not military:
        return None
    if cat == "formation" and unit == "unit" and q.value > 100 and lhead.startswith("unit"):
        return None  # "470 units of equipment"
    if unit == "force":
        return Figure(sent, q.start, end, None, None, "exact", "force", q.value, head=head)
    if cat != "formation" and end < len(words) and lower[end] in ("and", "or", "&") and \
            any(x in MIXED_NOUNS for x in lower[end + 1:end + 4]):
        return None  # "25,000 troops and federal police": no military share given
    if end < len(words) and lower[end] in ("and", "or") and end + 1 < len(words):
        nxt = head_at(tokens, end + 1)
        if nxt and nxt[0] == "personnel":
            end = nxt[2]  # "soldiers and marines"
    if cat == "formation":
        return Figure(sent, q.start, end, None, None, "vague" if vague else "exact", unit, q.value, head=head)
    return Figure(sent, q.start, end, q.value, q.value_max, q.qualifier, "personnel", None, head=head,
                  needs_context=cat in ("generic", "demonym", "casualty"))


def _head_first(q: Quantity, tokens: Sequence[Token], lower: list[str], sent: int) -> Figure | None:
    """``the number of North Korean soldiers ... may exceed 10,000``: the span runs from the head to the number."""
    if q.article or q.qualifier == "vague" or not tokens[q.start].text[:1].isdigit() and q.start == q.end - 1:
        return None
    for k in range(q.start - 2, max(-1, q.start - 16), -1):
        if lower[k] in (".", ";", ":", "?", "!"):
            return None
        if lower[k] == "of" and k > 0 and lower[k - 1] in ("number", "numbers", "strength", "size"):
            for h in range(k + 1, min(k + 6, q.start)):
                found = head_at(tokens, h)
                if found is not None and found[0] == "personnel":
                    qualifier = q.qualifier
                    if q.start > 0 and lower[q.start - 1] in EXCEED and qualifier == "exact":
                        qualifier = "min"
                    return Figure(sent, k + 1, q.end, q.value, q.value_max, qualifier, "personnel", None, head=h)
            return None
    return None


def _ellipsis(q: Quantity, tokens: Sequence[Token], words: list[str], lower: list[str], sent: int) -> Figure | None:
    """A bare number that may stand for a figure named before it: "150 more", "from which 2,400 are"."""
    if q.article or is_year(q, words) or q.qualifier == "vague":
        return None
    prev = lower[q.start - 1] if q.start > 0 else ""
    if prev in TIME_BEFORE or (prev and prev[-1:].isdigit()):
        return None
    nxt = lower[q.end] if q.end < len(words) else "."
    if prev == "," and nxt == "," and q.start > 1 and words[q.start - 2][:1].isupper() and q.value < 120:
        return None  # an age after a name: "Major Yotam Lotan, 33, of"
    head_first = _head_first(q, tokens, lower, sent)
    if head_first is not None:
        return head_first
    for k in range(q.start - 1, -1, -1):  # "killing five people and wounding around 20": the civilians' count
        if lower[k] in MIXED_NOUNS:
            return None
        if head_at(tokens, k) is not None:
            break
    is_word_number = not words[q.start][:1].isdigit() and words[q.end - 1][:1].isalpha()
    if nxt == "of" and q.end + 1 < len(words):
        after = lower[q.end + 1]
        if after in PARTITIVE_PRONOUNS:
            return Figure(sent, q.start, q.end + 2, q.value, q.value_max, q.qualifier, "personnel", None,
                          elliptic=True)
        if after == "the" and any(scan_quantity(words, m) is not None and words[m][:1].isdigit()
                                  for m in range(q.end + 2, min(len(words), q.end + 5))):
            return Figure(sent, q.start, q.end, q.value, q.value_max, q.qualifier, "personnel", None,
                          elliptic=True)  # "up to 7,500 of the approximately 146,000 troops"
        return None
    if is_word_number and q.value < 10 and nxt not in ("more", "others"):
        return None  # "the two countries", "one of the attacks": small number words alone are too common
    if nxt in ("more", "others", "other"):
        return Figure(sent, q.start, q.end + 1, q.value, q.value_max, q.qualifier, "personnel", None, elliptic=True)
    if nxt in ELLIPSIS_NEXT:
        return Figure(sent, q.start, q.end, q.value, q.value_max, q.qualifier, "personnel", None, elliptic=True)
    return None


def figures_in_sentence(tokens: Sequence[Token], sent: int, military: bool) -> list[Figure]:
    """Figures with their own head noun, and bare ellipsis candidates (``elliptic=True``)."""
    words = [t.text for t in tokens]
    lower = [w.lower() for w in words]
    figs: list[Figure] = []
    for q in all_quantities(words, scan_quantity):
        f = _figure_at(q, tokens, words, lower, sent, military)
        if f is not None:
            figs.append(f)
    return _merge_formations(tokens, words, lower, figs)


def _merge_formations(tokens: Sequence[Token], words: list[str], lower: list[str], figs: list[Figure]) -> list[Figure]:
    """``two brigades of 5,000 soldiers``, ``a contingent ... consisting of 1,960 servicemen``: one figure;
    ``470 units of equipment``, ``a battalion with 40 tanks``: none."""
    out: list[Figure] = []
    skip: set[int] = set()
    for n, f in enumerate(figs):
        if n in skip:
            continue
        if f.unit == "personnel" or f.elliptic or f.count is not None:
            out.append(f)
            continue
        link = None
        commas = 0
        for k in range(f.end, min(len(words), f.end + 6)):
            if lower[k] == "," and commas == 0:
                commas += 1
                continue
            if is_punct(words[k]) and lower[k] not in QUOTES:
                break
            if lower[k] in LINK_WORDS or lower[k] == "made":
                link = k
                break
        partner = None
        if link is not None:
            partner = next((m for m, g in enumerate(figs) if m > n and link < g.start <= link + 3), None)
        if partner is not None and figs[partner].unit == "personnel" and not figs[partner].elliptic:
            p = figs[partner]
            if f.unit == "force":
                out.append(replace(p, start=f.start, needs_context=False))
            else:
                out.append(replace(p, start=f.start, unit=f.unit, unit_count=f.unit_count, needs_context=False))
            skip.add(partner)
            continue
        if f.unit == "force":
            continue  # "a 3,000 force" alone is read as personnel above; a bare "a force" counts nothing
        if link is not None and lower[link] in ("of", "with") and partner is None:
            nxt = next((lower[m] for m in range(link + 1, min(len(words), link + 4))
                        if lower[m] not in ("the", "its", "their", "about", "some")), "")
            if nxt in NOT_HEADS or nxt.endswith("equipment"):
                continue  # equipment: "470 units of equipment", "a battalion of tanks"
        if f.unit_count == 1 and f.unit in ("army", "unit") and lower[f.start] in ("a", "an", "one"):
            continue  # "an army", "a new unit moves in": no specific force counted
        out.append(f)
    return out


def _kind(words: list[str], lower: list[str], f: Figure) -> str:
    if f.head >= 0 and lower[f.head] in CASUALTY_HEADS:
        return "casualties"
    lo, hi = max(0, f.start - 4), min(len(words), f.end + 10)
    for k in range(lo, hi):
        lw = lower[k]
        if k >= f.end and lw in (";", ":"):
            break
        if lw in CASUALTY_WORDS:
            if lw == "shot" and k + 1 < len(words) and lower[k + 1] in ("down",):
                continue
            if lw in BEFORE_ONLY and (k >= f.start or k + 1 < len(words) and lower[k + 1] in SAID):
                continue  # "lost dozens of men", "to free 1,000 personnel"; not "a press release says"
            return "casualties"
    return "strength"


def _actor_in_span(words: list[str], f: Figure) -> str | None:
    k = f.start
    while k < f.end:
        if words[k].lower() in LOCATION_PREPS:
            return None  # "foreign forces in Afghanistan": the place, not the actor
        code, nxt, _kind_ = actors.name_at(words, k, "coad")
        if code:
            return code
        if words[k] == "IS":
            return "IS"
        k = nxt if nxt > k else k + 1
    return None


def _actor_after(words: list[str], lower: list[str], f: Figure) -> str | None:
    """``troops from Russia``, ``soldiers of the Malian army``, ``250-man SAS``; ``Russia's troops``."""
    if f.start >= 2 and lower[f.start - 1] in ("'s", "’s", "'"):
        k = f.start - 2
        while k > 0 and words[k - 1][:1].isupper() and k > f.start - 5:
            k -= 1
        for s in range(k, f.start - 1):
            code, end, _ = actors.name_at(words, s, "cmoa")
            if code and end == f.start - 1:
                return code
    k = f.end
    if k < len(words):
        code, _, kind = actors.name_at(words, k, "o")
        if code:
            return code
    if k < len(words) and lower[k] in ("from", "of"):
        k += 1
        while k < len(words) and lower[k] in ("the",):
            k += 1
        code, end, kind = actors.name_at(words, k, "coad")
        if code and (kind != "a" or end < len(words) and lower[end] in FORCE_NOUNS):
            return code
    return None


def _location_after(words: list[str], lower: list[str], f: Figure) -> str | None:
    names = actors.country_names()
    for k in range(f.end, min(len(words), f.end + 8)):
        if is_punct(words[k]) and lower[k] not in QUOTES:
            return None
        if lower[k] in LOCATION_PREPS:
            j = k + 1
            if j < len(words) and lower[j] == "the":
                j += 1
            code, end, kind = actors.name_at(words, j, "cm")
            if code:
                text = " ".join(words[j:end])
                if kind == "c" or text.lower() in actors.METONYMS or text.lower() in names:
                    return text
    return None


def _candidates(tokens: Sequence[Token]) -> list[tuple[int, int, str]]:
    """Actors named in a sentence: (start, end, code), not inside a locative phrase."""
    words = [t.text for t in tokens]
    lower = [w.lower() for w in words]
    out: list[tuple[int, int, str]] = []
    k = 0
    while k < len(words):
        code, end, kind = actors.name_at(words, k, "cmoa")
        if words[k] == "IS" and not code:
            code, end, kind = "IS", k + 1, "o"
        if not code:
            k += 1
            continue
        locative = False
        for j in range(k - 1, max(-1, k - 4), -1):  # "in the southern Lebanon village"
            if lower[j] in LOCATIVE:
                locative = True
                break
            if not (lower[j].isalpha() and lower[j] == words[j]):
                break
        if kind == "a":
            nxt = lower[end] if end < len(words) else ""
            if nxt not in FORCE_NOUNS:
                k = end
                continue
        if kind == "m" and end < len(words) and lower[end] in ("time", "region", "oblast", "province"):
            locative = True
        if k <= 1 and words[k].isupper() and len(words[k]) > 2 and end < len(words) and lower[end] in DATELINE:
            locative = True  # a dateline: "MOSCOW (Sputnik) -", "BRUSSELS (AP) -"
        if not locative:
            out.append((k, end, code))
        k = end
    return out


def _actor_in_sentence(tokens: Sequence[Token], f: Figure, subjects: set[int] | None) -> str | None:
    cands = _candidates(tokens)
    if subjects:
        for start, end, code in cands:
            if any(start <= s < end for s in subjects):
                return code
    before = [c for c in cands if c[1] <= f.start]
    if before:
        return before[-1][2]
    after = [c for c in cands if f.end <= c[0] < f.end + AFTER_WINDOW]
    return after[0][2] if after else None


def _force_actor(tokens: Sequence[Token]) -> str | None:
    """A name or adjective before a noun for armed forces: "the Malian Armed Forces", "Russian troops"."""
    words = [t.text for t in tokens]
    lower = [w.lower() for w in words]
    for k in range(len(words)):
        code, end, kind = actors.name_at(words, k, "ca")
        if code and end < len(words) and lower[end] in FORCE_NOUNS - {"government", "side", "authorities",
                                                                      "regime", "junta", "command"}:
            return code
    return None


def _recruited_by_group(tokens: Sequence[Token], f: Figure) -> str | None:
    """Fighters count for the side they fight for: demonym and generic heads in a sentence naming an armed group."""
    if f.head < 0:
        return None
    cat = classify_head(tokens[f.head].text.lower())
    if not (cat and cat[0] in ("demonym", "generic")):
        return None
    for c in _candidates(tokens):
        if actors.is_armed_group(c[2]):
            return c[2]
    return None


def _military(words: list[str]) -> bool:
    return any(_military_word(w) for w in words)


@lru_cache(maxsize=65536)
def _military_word(word: str) -> bool:
    lw = word.lower()
    return len(lw) > 2 and any(k in lw for k in MILITARY_CONTEXT)


def extract_figures(sentences: Sequence[Sentence], *, document_actor: bool = True) -> list[Figure]:
    """All troop figures of a document (docs/lang-en.md). Reads each sentence's tokens: the words,
    and the part of speech and subjects where the base pipeline has a tagger and a parser."""
    toks = [_strip_final_stop(s.tokens) for s in sentences]
    subjects = [s.subjects if s.parsed else None for s in sentences]
    words = [[t.text for t in ts] for ts in toks]
    context: dict[int, bool] = {}

    def military(k: int) -> bool:
        if k not in context:
            context[k] = k >= 0 and _military(words[k])
        return context[k]

    figs: list[Figure] = []
    antecedents: list[tuple[Figure, Figure]] = []

    def inherit() -> None:
        for f, g in antecedents:
            if f.actor is None:
                f.actor = g.actor

    discourse = Discourse()
    no_actor: set[int] = set()  # multinational totals and what is usual: no owner from the discourse
    for n, tokens in enumerate(toks):
        w = words[n]
        lower = [x.lower() for x in w]
        last_fig = next((f for f in reversed(figs) if f.sent >= n - 1), None)
        mentions = force_mentions(w, lower)
        for pos, actor, source in mentions:
            discourse.add(n, pos, actor, source)
        generic = bool(GENERIC_CUES.intersection(lower))
        for f in figures_in_sentence(tokens, n, military(n)):
            near = military(n) or military(n - 1)
            if f.needs_context and not near:
                continue
            if f.elliptic and last_fig is None and not (near and _has_military_head(toks[max(0, n - 1):n + 1])):
                continue  # an ellipsis needs a figure or a military noun in the same or the previous sentence
            f.kind = _kind(w, lower, f)
            f.actor = _recruited_by_group(tokens, f) or _actor_in_span(w, f) or _actor_after(w, lower, f)
            if f.actor is None and last_fig is not None and last_fig.sent == n and _is_subfigure(lower, last_fig, f):
                f.actor = last_fig.actor
            if f.actor is None and f.elliptic:
                prev = next((g for g in reversed(figs) if g.actor), None)
                f.actor = prev.actor if prev and prev.sent >= n - 1 else None
                if f.actor is None and last_fig is not None:
                    antecedents.append((f, last_fig))  # resolved with it, below
            if f.actor is None:
                f.actor = _actor_in_sentence(tokens, f, subjects[n])
            if is_multinational(lower, f):
                # a total over several states: their alliance or mission if the text names one, else no one
                if f.actor not in actors.ALLIANCES:
                    f.actor = discourse.recent(n, f.start, only=actors.ALLIANCES)
                no_actor.add(id(f))
            elif f.actor is None and generic:
                no_actor.add(id(f))
            elif f.actor is None and document_actor:
                if f.head >= 0 and lower[f.head].startswith("peacekeep"):
                    f.actor = discourse.recent(n, f.start, only=actors.ALLIANCES)  # they serve a mission
                f.actor = f.actor or discourse.recent(n, f.start) or next(
                    (a for k, a, src in mentions if k >= f.end and src != ALLIANCE), None)
            if f.elliptic and last_fig is not None and lower[f.end - 1] in ("them", "whom", "others"):
                f.kind = last_fig.kind if f.kind == "strength" else f.kind  # "One of them" was among the killed
            f.location = _location_after(w, lower, f)
            figs.append(f)
            last_fig = f
            if f.actor:
                discourse.add(n, f.start, f.actor, "figure")
    inherit()
    if document_actor:
        topic = topic_country(words) if any(f.actor == TOPIC for f in figs) else None
        for f in figs:
            if f.actor == TOPIC:
                f.actor = topic
            if f.actor is None and id(f) not in no_actor:
                f.actor = discourse.dominant()
        _document_actor(toks, [f for f in figs if id(f) not in no_actor])
    inherit()
    for f in figs:  # still none: the nearest actor of the previous sentence ("MONUSCO is ... . Over 21,000 personnel")
        if f.actor is None and f.sent > 0 and id(f) not in no_actor:
            cands = _candidates(toks[f.sent - 1])
            f.actor = cands[-1][2] if cands else None
    inherit()
    return figs


OWNED_FORCES = {"army", "military", "forces", "armed", "troops", "navy", "contingent", "marines", "soldiers",
                "peacekeepers", "servicemen", "personnel", "brigade", "battalion", "division", "units", "fighters",
                "army's", "military's", "navy's", "air", "defense", "defence", "government", "junta"}
# a state's institutions named without the state ("the army said"): the document's country's
GENERIC_INSTITUTIONS = {"army", "military", "army's", "military's", "junta"}
GENERIC_CUES = {"typically", "usually", "normally", "generally", "theoretically"}
MULTINATIONAL_WORDS = ("multinational", "international", "allied", "coalition", "foreign", "european", "western")
NATIONS_NOUNS = {"countries", "nations", "states", "member", "allies", "members"}


def force_mentions(words: list[str], lower: list[str]) -> list[tuple[int, str, str]]:
    """The owners of forces a sentence names, by position, for the discourse model: a name or
    adjective before a force noun ("Russian troops", "the Malian army"), a force's name from the
    pack's table (``forces.tsv``: "National Guard", "Marines", "IDF"), an alliance named as such
    (read only for multinational totals), and an unnamed state institution ("the army said": the
    document's country). Names after a locative preposition are places, never owners."""
    out: list[tuple[int, str, str]] = []
    k = 0
    while k < len(words):
        if k > 0 and lower[k - 1] in LOCATIVE:
            k += 1
            continue
        table = next(((n, actors.FORCE_NAMES[" ".join(lower[k:k + n])]) for n in (4, 3, 2, 1)
                      if k + n <= len(words) and words[k][:1].isupper()
                      and " ".join(lower[k:k + n]) in actors.FORCE_NAMES), None)
        if table:
            out.append((k, table[1], "force"))
            k += table[0]
            continue
        code, end, kind = actors.name_at(words, k, "caom")
        if code and kind in "ca" and end < len(words) and lower[end] in OWNED_FORCES:
            out.append((k, code, "force"))
        elif code and kind == "o" and code in actors.ALLIANCES:
            out.append((k, code, ALLIANCE))
        elif (code is None and lower[k] in GENERIC_INSTITUTIONS and k > 0 and lower[k - 1] == "the"
              and not (k + 1 < len(words) and lower[k + 1] in ("of",))):
            out.append((k, TOPIC, "force"))
        k = end if code and end > k else k + 1
    return out


def is_multinational(lower: list[str], f: Figure) -> bool:
    """A total over several states with no shares ("troops from 40 countries", "multinational
    forces", "soldiers of the 31 member states"): no one state's force."""
    if any(w.startswith(MULTINATIONAL_WORDS) for w in lower[f.start:f.end]):
        return True
    after = lower[f.end:f.end + 6]
    for k, w in enumerate(after):
        if is_punct(w):
            return False
        if w in NATIONS_NOUNS and k > 0 and (after[k - 1][:1].isdigit()
                                             or after[k - 1] in ("several", "many", "dozens")):
            return True
    return False


def topic_country(sentences: list[list[str]]) -> str | None:
    """The state a document is about: named (as a place, a name or an adjective) in at least half
    of its mentions of states, and at least twice."""
    counts: Counter[str] = Counter()
    for words in sentences:
        k = 0
        while k < len(words):
            code, end, kind = actors.name_at(words, k, "ca")
            if code and len(code) == 2 and code.isupper():
                counts[code] += 1
            k = end if code and end > k else k + 1
    if not counts:
        return None
    top, n = counts.most_common(1)[0]
    return top if n >= 2 and 2 * n >= sum(counts.values()) else None


def _has_military_head(sentences: Sequence[Sequence[Token]]) -> bool:
    return any((classify_head(t.text) or ("",))[0] in ("personnel", "formation") for s in sentences for t in s)


def _strip_final_stop(tokens: tuple[Token, ...]) -> tuple[Token, ...]:
    """A cardinal that ends its sentence is read without the full stop: "the number rose to 35." """
    if not tokens:
        return tokens
    last = tokens[-1]
    if len(last.text) > 1 and last.text.endswith(".") and last.text[:-1].replace(",", "").isdigit():
        return (*tokens[:-1], last._replace(text=last.text[:-1]))
    return tokens


def _is_subfigure(lower: list[str], prev: Figure, f: Figure) -> bool:
    """``20,000 troops, including 500 officers``, ``three soldiers ... and four others``: part of the
    previous figure."""
    between = lower[prev.end:f.start]
    return bool(SUBFIGURE_CUES.intersection(between)) or between in (["and"], [","], [",", "and"]) or \
        lower[f.end - 1] in ("others", "them", "whom")


def _document_actor(sentences: Sequence[Sequence[Token]], figs: list[Figure]) -> None:
    """Give unresolved figures the document's actor when the document leaves no doubt: exactly one
    candidate among the figures' own actors and the document's named national forces."""
    known: Counter[str] = Counter(f.actor for f in figs if f.actor)
    if not known:
        for tokens in sentences:
            force = _force_actor(tokens)
            if force:
                known[force] += 1
    if len(known) != 1:
        return
    actor = next(iter(known))
    for f in figs:
        if f.actor is None:
            f.actor = actor


def figures_of_words(sentences: list[list[str]], *, document_actor: bool = True) -> list[Figure]:
    """All troop figures of a document given as sentences of words (no tagger, no parser)."""
    return extract_figures([Sentence.of_words(s) for s in sentences], document_actor=document_actor)


# Named units are organisations ("101st Airborne Division", "2nd Combat Team Brigade"); spaCy token
# patterns, so pure data here.
_UNIT_WORDS = ["Brigade", "Division", "Battalion", "Regiment", "Corps", "Army", "Fleet", "Squadron", "Company",
               "Airborne", "Infantry", "Brigades", "Wing", "Group", "Force", "Marines", "Rangers", "Base"]
UNIT_NAME_PATTERNS: list[list[dict[str, Any]]] = [
    [{"TEXT": {"REGEX": r"^\d{1,3}(st|nd|rd|th)$"}}, {"IS_TITLE": True, "OP": "{0,3}"},
     {"TEXT": {"IN": _UNIT_WORDS}}],
]
