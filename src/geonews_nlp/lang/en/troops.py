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

import re
from bisect import bisect_left, bisect_right, insort
from collections import Counter
from collections.abc import Callable, Collection, Sequence
from dataclasses import replace
from functools import lru_cache
from typing import Any

from ..acronyms import acronym_mentions, is_acronym
from ..base import Figure, Quantity, Sentence, Token
from ..common import all_quantities, clause_before, is_headline, is_punct, is_year
from ..discourse import ALLIANCE, TOPIC, Discourse
from . import actors
from .numbers import scan_number, scan_quantity

PERSONNEL = {
    "soldiers", "soldier", "troops", "servicemen", "serviceman", "servicewomen", "servicewoman",
    "servicemembers", "servicemember", "personnel", "marines", "marine", "fighters", "fighter", "militants",
    "militant", "militiamen", "militiaman", "mercenaries", "mercenary", "reservists", "reservist", "conscripts",
    "conscript", "recruits", "recruit", "officers", "officer", "commanders", "commander", "peacekeepers",
    "peacekeeper", "paratroopers", "paratrooper", "commandos", "commando", "forces", "rebels", "rebel", "insurgents",
    "insurgent", "jihadists", "jihadist", "guerrillas", "guerrilla", "sailors", "sailor", "airmen", "snipers",
    "infantrymen", "guardsmen", "guardsman", "gis", "legionnaires", "combatants", "combatant", "troopers", "trooper",
    "cadets", "sappers", "gunners", "seamen", "seaman", "pows", "generals", "special", "men", "man", "paramilitaries",
    # ranks, counted in the plural only ("a major", "a general" are as often adjectives)
    "colonels", "lieutenants", "captains", "sergeants", "corporals", "brigadiers", "admirals",
}
# Person nouns that count as personnel only when the text is about an armed force.
GENERIC = {"rangers", "volunteers", "comrades", "advisers", "advisors", "instructors", "trainers", "prisoners",
           "captives", "detainees", "women", "others",
           # military trades and services, soldiers in a military text: "three Russian pilots were captured",
           # "two tank crewmen", "forty gendarmes", "ten border guards", "two drone operators"
           "pilots", "crewmen", "gendarmes", "guards", "operators",
           # prisoners recruited as fighters: "Wagner recruited about 40,000 convicts"
           "convicts",
           # armed men as the other side calls them: "the army said seven terrorists were killed" (not
           # "attackers": the men of one attack, which annotators leave out as they leave out the attack)
           "terrorists", "gunmen", "extremists", "bandits"}
# nouns before "guards"/"operators" that make them civilians
CIVILIAN_GUARDS = {"security", "prison", "private", "museum", "bank", "hotel", "body", "shop", "store", "camp", "tour",
                   "mobile", "network", "telecom", "telecoms", "phone", "satellite", "port", "rail", "bus", "ferry",
                   "school", "building", "night"}
# Casualty nouns and participles used as heads: "9,861 dead", "12 wounded", "hundreds of casualties".
CASUALTY_HEADS = {"dead", "deaths", "casualties", "killed", "wounded", "injured", "fatalities", "losses",
                  "missing", "captured"}
# Heads that a singular article may count: "a soldier was killed", "a heavy brigade".
SINGULAR = {"soldier", "serviceman", "servicewoman", "servicemember", "marine", "fighter", "militant",
            "militiaman", "mercenary", "reservist", "conscript", "recruit", "peacekeeper", "paratrooper",
            "commando", "sailor", "guardsman", "trooper", "rebel", "insurgent", "combatant", "jihadist", "member",
            "officer", "commander"}
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
# a formation noun before these names a formation of its type: "brigade combat team", "battalion task force"
COMPOUND_FORMATIONS = {("combat", "team"), ("combat", "teams"), ("task", "force"), ("task", "forces"),
                       ("battle", "group"), ("battle", "groups"), ("tactical", "group"), ("tactical", "groups")}
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
    "wounding", "injured", "injuring", "injuries", "injury", "casualties", "casualty", "captured", "capture",
    "missing", "prisoners", "prisoner", "pows", "pow", "captive", "captives", "lost", "losses", "slain",
    "fallen", "perished", "executed", "shot", "arrested", "detained", "apprehended", "fatalities", "surrendered",
    "toll",
    "wound", "wounds", "free", "freed", "release", "released", "releasing", "exchange", "exchanged", "swap", "swapped",
    # the dead as bodies, the missing, hostages, victims ("the bodies of 20 soldiers", "remain unaccounted for")
    "bodies", "remains", "unaccounted", "hostage", "hostages", "victims", "martyrdom", "shahadat",
}
# recruitment before a count of prisoners: they become fighters ("Wagner recruited 50,000 prisoners": strength)
RECRUITING = {"recruited", "recruit", "recruits", "recruiting", "enlisted", "enlist", "enlisting", "pardoned",
              "conscripted", "drafted", "mobilised", "mobilized", "signed", "hired"}
PRISONER_WORDS = {"prisoners", "prisoner", "captives", "convicts", "inmates", "prisons", "prison", "jails"}
# Nouns for a state's or group's armed forces: a name or adjective before them names the actor.
FORCE_NOUNS = {"army", "military", "forces", "armed", "troops", "navy", "defense", "defence", "government",
               "contingent", "marines", "ministry", "airborne", "soldiers", "peacekeepers", "peacekeeping",
               "junta", "regime", "command", "side", "army's", "military's", "authorities", "volunteers",
               "recruits", "fighters", "servicemen", "personnel", "officers", "commanders", "militants", "units",
               "brigade", "battalion", "division", "navy's", "soldier", "troop", "garrison"}
# a state's leader, who commands its forces: "Russian President Vladimir Putin ordered 10,000 more troops"
LEADER_TITLES = {"president", "prime", "premier", "leader", "chancellor", "king", "dictator", "ruler", "strongman"}
LOCATIVE = {"in", "to", "into", "near", "at", "across", "toward", "towards", "inside", "throughout", "against",
            "on", "onto", "outside", "around", "through", "along", "within", "over", "from", "with", "via",
            "between", "beyond", "off"}
# verbs whose object is a place: "have left Afghanistan", "entered Ukraine", "invaded Kuwait"
PLACE_OBJECT_VERBS = {"left", "leave", "leaves", "leaving", "entered", "enter", "enters", "entering", "invaded",
                      "invade", "invades", "invading", "reached", "reach", "reaches", "reaching", "crossed", "cross",
                      "crosses", "crossing", "occupied", "occupy", "occupies", "occupying", "liberated", "liberate",
                      "liberating", "visited", "visit", "visits", "visiting", "evacuated", "evacuate", "evacuating",
                      "exited", "exit", "exits", "exiting", "quit", "quits", "quitting", "abandoned", "abandon"}
# verbs of leaving before "for", which then names a destination: "a contingent left for Haiti"
DEPARTING = {"left", "leave", "leaves", "leaving", "bound", "headed", "heading", "departed", "depart", "departs",
             "departing", "sailed", "sail", "sails", "flew", "fly", "flies", "set", "destined", "shipped", "embarked"}
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
                 "now", "currently", "already", "by", "after", "as", "since", "'", '"',
                 # a place after the number: "... while Kyiv keeps 3,000 at the border", "another 300 near ..."
                 "at", "near", "along"}
SUBFIGURE_CUES = {"including", "includes", "include", "whom", "them", "among", "of"}
QUOTES = {'"', "“", "”", "'", "‘", "’", "``", "''"}
SAID = {"said", "says", "told", "say", "added", "stated", "explained", "noted", "warned"}
MAX_NP = 7
# casualty words only before the figure: "lost", and the release of prisoners in an exchange
BEFORE_ONLY = {"wound", "lost", "free", "freed", "release", "released", "releasing", "exchange", "exchanged", "swap",
               "swapped", "bodies", "remains", "victims"}
OF_ONLY = {"bodies", "remains"}  # only as "the bodies of 20 soldiers" ("the force remains at 5,000 troops")
# casualty verbs with other objects too ("destroyed a bridge"): only with the figure as their object
OBJECT_ONLY = {"destroyed", "destroying", "eliminated", "eliminating"}
QUALIFYING = {"up", "to", "about", "some", "around", "nearly", "almost", "more", "than", "over", "at", "least",
              "as", "many", "roughly", "approximately", "an", "estimated", "another", "a", "further", "of", "the"}
# "claimed the lives of 18 soldiers", "cost the lives of": a verb that takes lives
LIFE_TAKERS = {"claimed", "claim", "claims", "claiming", "cost", "costs", "costing", "took", "take", "takes",
               "taking"}
DATELINE = {"(", ",", "-", "–", "—", ":"}
AFTER_WINDOW = 10  # an actor named after the figure counts only this close to it
EXCEED = {"exceed", "exceeds", "exceeded", "surpass", "surpasses", "surpassed", "top", "tops", "topped"}
# participles that end in neither -ed nor -ing: "rebel-held", "army-run", "militia-built"
IRREGULAR_PARTICIPLES = {"held", "led", "run", "built", "made", "torn", "struck", "hit", "won", "fought", "bred",
                         "born", "shot", "drawn", "driven", "ridden", "stricken"}
# nouns that a singular head before them modifies ("a rebel group")
MODIFIED_NOUNS = {"territory", "territories", "terrain", "area", "areas", "zone", "zones", "enclave", "village",
                  "villages", "town", "towns", "group", "groups", "insurgency", "movement", "leader", "leaders",
                  "commander", "attack",
                  "attacks", "base", "camp", "stronghold", "position", "positions", "cell", "network", "faction",
                  "organization", "organisation", "militia", "offensive", "uprising", "fighter", "training",
                  "deployment", "presence", "operation", "mission", "force", "forces", "unit", "units", "officer"}
# nouns before "officers"/"commanders" that make them civilian: "police officers", "a fire brigade commander"
NON_MILITARY_OFFICERS = {"police", "prison", "customs", "border", "fire", "probation", "immigration", "parole",
                         "correctional", "corrections", "loan", "compliance", "press",
                         "information", "medical", "health", "election", "polling", "returning"}
# a person's relatives and belongings: "the family of a soldier" counts no soldier
KIN = {"family", "families", "relatives", "relative", "wife", "widow", "husband", "mother", "father", "son", "daughter",
       "parents", "brother", "sister", "children", "home", "house", "funeral", "grave", "name", "photo", "lawyer",
       "friends", "friend", "memory", "memorial"}
# nouns before "of a ...": a role or a yardstick, not a count
OWNERS_OF_ONE = KIN | {"commander", "commanders", "head", "chief", "size", "equivalent", "leader", "strength"}
# "officer" alone is as often a police officer: it needs a military sentence and none about the police
# or the emergency services
OFFICERS = {"officer", "officers"}
POLICE_WORDS = {"police", "policemen", "policeman", "constable", "constables", "sheriff", "firefighters", "paramedics",
                "rescuers"}
ORDINAL = re.compile(r"^\d+(st|nd|rd|th)$", re.IGNORECASE)
# nouns that count the members of an armed group only when the noun phrase names the group or a force:
# "dozens of RSF members", "forty members of the armed forces", "200 PKK terrorists"; not "30 members of parliament"
GROUP_MEMBERS = {"members", "member", "terrorists", "terrorist", "gunmen", "gunman", "attackers", "operatives",
                 "cadres", "loyalists", "elements"}
# what a "members of ..." phrase must name to count fighters: a force or formation noun, or an armed group
FORCE_OF = {"forces", "army", "armed", "military", "militia", "militias", "guard", "navy", "brigades", "battalions",
            "troops", "paramilitary", "paramilitaries"}
# bodies whose members are groups or politicians, not fighters: "three members of the ethnic army alliance"
GROUP_BODIES = {"alliance", "coalition", "council", "committee", "subcommittee", "commission", "caucus", "panel",
                "parliament", "leadership", "board", "delegation", "bureau", "government", "cabinet", "assembly",
                "federation", "union", "bloc", "front", "umbrella", "family", "families", "club", "association"}
# singular nouns that a plural count cannot have: with one, the number is a name ("3 Commando")
PLURAL_ONLY = {"corps", "personnel", "force"}
# small number words that stand alone as an ellipsis only in a coordination with a verb: "and two will return"
ELLIPSIS_VERBS = {"will", "would", "were", "are", "was", "is", "have", "had", "has", "remain", "remained", "died",
                  "stayed", "returned", "came", "come", "went", "survived", "escaped"}
CASUALTY_PARTICIPLES = {"wounding", "injuring", "killing", "capturing", "wounded", "injured", "killed", "captured"}
COORDINATORS = {"and", "while", "but", "whereas"}
# casualty verbs: "a soldier was martyred", "militants were neutralized", "12 are still hospitalized"
CASUALTY_MORE = {"martyred", "neutralized", "neutralised", "neutralizing", "neutralising", "hurt", "hospitalized",
                 "hospitalised", "slain", "beheaded", "abducted", "kidnapped", "eliminated", "eliminating",
                 "liquidated", "annihilated", "massacred", "slaughtered", "murdered", "drowned", "destroyed",
                 "gunned",
                 "destroying"}
# "fell in the line of duty", "fell in battle": killed
FELL_AFTER = {"in", "during", "while", "on", "defending", "fighting", "at"}
# "lost their lives"
LIFE = {"life", "lives"}
LIFE_OWNERS = {"their", "his", "her", "its"}
# months written without a full stop before a day: "Oct 12, 2019"
MONTH_ABBREVIATIONS = {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
MONTHS = MONTH_ABBREVIATIONS | {"january", "february", "march", "april", "may", "june", "july", "august",
                                "september", "october", "november", "december", "jan.", "feb.", "mar.", "apr.",
                                "aug.", "sep.", "sept.", "oct.", "nov.", "dec."}
DAY_JOINERS = {"and", "to", "-", "–", "through", "until", "or"}


def _a_date(words: list[str], lower: list[str], q: Quantity) -> bool:
    """A number that is part of a date: a year after a month ("January 2019 killed 22"), the second day of a
    span ("On June 16 and 17", "between July 24 and 28")."""
    p = q.start - 1
    if p < 0:
        return False
    if lower[p] in MONTHS and is_year(q, words):
        return True
    return (p >= 2 and lower[p] in DAY_JOINERS and lower[p - 1].isdigit() and int(lower[p - 1]) <= 31
            and lower[p - 2] in MONTHS and q.value is not None and q.value <= 31)
# adjectives that make "armies" armed groups, not formations: "four ethnic armies formed a coalition"
GROUP_ARMIES = {"ethnic", "rebel", "private", "resistance", "tribal", "insurgent", "revolutionary", "guerrilla",
                "militia", "liberation"}
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
    if lw in ("crew", "crews") and nxt in ("members", "member"):
        return ("generic", "personnel", k + 2)  # "twelve crew members of the warship"
    if w in ("SEALs", "SEALS"):
        return ("personnel", "personnel", k + 1)  # "Seven Navy SEALs"
    if lw in ("guards", "operators") and k > 0 and tokens[k - 1].text.lower() in CIVILIAN_GUARDS:
        return None  # "security guards", "tour operators"
    if lw == "boots" and [t.text.lower() for t in tokens[k + 1:k + 4]] == ["on", "the", "ground"]:
        return ("personnel", "personnel", k + 4)  # "2,500 boots on the ground": the idiom for troops
    if lw in ("men", "man"):
        return ("generic", "personnel", k + 1)
    if lw in FORMATIONS and k + 2 < len(tokens) and (nxt, tokens[k + 2].text.lower()) in COMPOUND_FORMATIONS:
        return ("formation", FORMATIONS[lw], k + 3)  # "two brigade combat teams": brigades
    if lw in GROUP_BEFORE and nxt in GROUP_WORDS:
        return ("formation", GROUP_BEFORE[lw], k + 2)
    if lw == "battalion" and nxt == "tactical" and k + 2 < len(tokens) and tokens[k + 2].text.lower() in GROUP_WORDS:
        return ("formation", "battalion", k + 3)
    if lw in ("prisoners", "prisoner") and nxt == "of" and k + 2 < len(tokens) and tokens[k + 2].text.lower() == "war":
        return ("personnel", "personnel", k + 3)
    if lw in ("officers", "officer", "commanders", "commander") and k > 0 and \
            tokens[k - 1].text.lower() in NON_MILITARY_OFFICERS:
        return None  # "police officers", "prison officers", "a fire brigade commander"
    if w[:1].isupper() and lw not in PERSONNEL and lw not in FORMATIONS:
        words = [t.text for t in tokens[k:k + 3]]
        code, end, kind = actors.name_at(words, 0, "d")
        if code is not None and end > 1:
            return ("demonym", "personnel", k + end)  # "100 North Koreans", "50 South Sudanese"
    found = classify_head(w)
    if found is None:
        return None
    if found[0] == "formation" and w[:1].isupper() and k > 0 and (
            tokens[k - 1].text[:1].isupper() and tokens[k - 1].text.lower() not in ("army", "marine", "u.s.", "us",
                                                                                 "nato")
            or ORDINAL.match(tokens[k - 1].text)):
        return None  # a named unit: "Marasesti Mechanized Brigade", "Paratroopers Brigades", "82nd Airborne Division"
    return (found[0], found[1], k + 1)


def _singular(lw: str, cat: str) -> bool:
    """A head noun in the singular, which a count above one cannot have ("3 Commando", "seven army ...")."""
    if cat == "formation":
        return not lw.endswith("s") and lw not in PLURAL_ONLY
    return cat == "personnel" and lw in SINGULAR


ARABIC_ARTICLES = {"al", "el", "ad", "as", "ash", "an", "ar", "at", "az"}


def _name_at(words: list[str], k: int, kinds: str) -> tuple[str | None, int, str]:
    """``actors.name_at``, and a name that spaCy's tokenizer split at its hyphen: "al - Shabab", "Al - Qaeda"."""
    code, end, kind = actors.name_at(words, k, kinds)
    if code is None and "o" in kinds and words[k].lower() in ARABIC_ARTICLES and k + 2 < len(words) \
            and words[k + 1] == "-" and words[k + 2][:1].isupper():
        joined = actors.organisation(f"{words[k]}-{words[k + 2]}")
        if joined is not None:
            return joined, k + 3, "o"
    return code, end, kind


def _armed_group_at(tokens: Sequence[Token], k: int) -> int:
    """The index after an armed group's name starting at ``tokens[k]`` ("Boko Haram", "RSF"), else ``k``."""
    if not tokens[k].text[:1].isupper():
        return k
    if tokens[k].text == "IS":
        return k + 1  # "About 50 IS gunmen"
    code, end, _kind = _name_at([t.text for t in tokens[k:k + 4]], 0, "o")
    return k + end if code is not None and actors.is_armed_group(code) else k


def _names_a_force(tokens: Sequence[Token], k: int) -> bool:
    """``members of [the] ...`` from ``tokens[k]`` (after "of") names a force, a formation or an armed group,
    and no body made of them ("members of the House Armed Services Committee")."""
    force = False
    for m in range(k, min(len(tokens), k + 7)):
        w = tokens[m].text
        lw = w.lower()
        if lw in GROUP_BODIES:
            return False
        found = classify_head(w)
        if lw in FORCE_OF or _armed_group_at(tokens, m) > m or found is not None and found[0] == "formation":
            force = True
        elif is_punct(w) or lw in STOP_WORDS - POSSESSIVE_AFTER_OF:
            break
    return force


def _bracketed_acronym(tokens: Sequence[Token], k: int) -> bool:
    """ "( NATO )" at ``tokens[k]``: a name's acronym in brackets after it."""
    return (k + 2 < len(tokens) and tokens[k].text == "(" and tokens[k + 2].text == ")"
            and is_acronym(tokens[k + 1].text))


def find_head(tokens: Sequence[Token], i: int, *, vague: bool,
              plural: bool = False) -> tuple[int, int, str, str] | None:
    """(head index, end, category, unit) of the noun phrase after a quantity ending at ``i``.

    ``plural``: the quantity counts more than one, so a singular head is a modifier or a name
    ("seven army reserve battalions", "3 Commando")."""
    k = i
    after_of = False
    used_and = False
    group = False  # the phrase has named an armed group or a force: "dozens of RSF members"
    n = len(tokens)
    limit = i + MAX_NP
    while k < n and k < limit:
        w = tokens[k].text
        lw = w.lower()
        pos = tokens[k].pos
        found = head_at(tokens, k)
        if found is not None and not (found[0] == "casualty" and k > i and not after_of and pos != "NOUN"
                                      and lw not in ("dead", "casualties", "deaths", "fatalities")):
            later = head_at(tokens, found[2]) if found[2] < n and found[0] != "casualty" else None
            if later is not None and later[0] in ("personnel", "formation"):
                head, end, cat, unit = found[2], later[2], later[0], later[1]  # "five Army brigades", "Marine units"
            else:
                head, end, cat, unit = k, found[2], found[0], found[1]
            lhead = tokens[head].text.lower()
            after = tokens[end].text.lower() if end < n else ""
            if after in ("carrier", "carriers") or after == "-" and end + 1 < n and tokens[end + 1].text.islower() \
                    and (tokens[end + 1].text.endswith(("ed", "ing")) or tokens[end + 1].text in IRREGULAR_PARTICIPLES):
                return None  # a modifier: "three armoured personnel carriers", "a section of rebel-held territory"
            if unit == "army" and lhead == "armies" and k > i and tokens[k - 1].text.lower() in GROUP_ARMIES:
                return None  # "four ethnic armies": armed groups, not formations
            if plural and end == head + 1 and _singular(lhead, cat):
                if tokens[head].text[:1].isupper() and lhead != "army":
                    return None  # a name: "3 Commando"
                k = end  # a modifier: "seven army reserve battalions"
                continue
            return head, end, cat, unit
        if lw in QUOTES or lw in ("[", "]"):
            k += 1  # "the 60 [government] soldiers"
            continue
        if k > i and _bracketed_acronym(tokens, k):
            k += 3  # a name's acronym inside the phrase: "five North Atlantic Treaty Organization (NATO) soldiers"
            limit += 3
            continue
        if lw == "-" and k > i and k + 1 < n and tokens[k + 1].text[:1].isalpha():
            k += 1  # a compound's hyphen: "pro-government", "al-Qaeda", "pro-junta"
            continue
        if ORDINAL.match(w):
            k += 1  # a named unit inside the phrase: "two 82nd Airborne Division paratroopers"
            continue
        if w[:1].isdigit() and [t.text.lower() for t in tokens[k + 1:k + 5]] in (
                ["-", "year", "-", "old"], ["-", "years", "-", "old"]):
            k += 5  # an age inside the phrase: "a 20-year-old soldier"
            continue
        if is_punct(w) or w[:1].isdigit():
            return None
        if lw in ("militias", "militia") and k + 1 < n and (tokens[k + 1].text.lower() in CASUALTY_WORDS or k + 2 < n
                                                           and tokens[k + 1].text.lower() in ("were", "have", "had")
                                                           and tokens[k + 2].text.lower() in CASUALTY_WORDS):
            return k, k + 1, "personnel", "personnel"  # "nine militias were killed": people, not groups
        if lw in GROUP_MEMBERS and (group or k + 1 < n and tokens[k + 1].text.lower() == "of"
                                    and _names_a_force(tokens, k + 2)):
            return k, k + 1, "personnel", "personnel"  # "30 Hezbollah members", "40 members of the armed forces"
        end = _armed_group_at(tokens, k)
        if end > k:
            if _bracketed_acronym(tokens, end):
                end += 3  # "Islamic State (IS) fighters": the group's acronym after its name
                limit += 3
            nxt = tokens[end].text.lower() if end < n else "."
            if is_punct(nxt) and nxt not in ("-",) or nxt in STOP_WORDS or nxt in CASUALTY_WORDS:
                return k, end, "group", "personnel"  # "at least 9 Boko Haram were killed", "14 Houthis died"
            group = True
            k = end
            continue
        if lw in FORCE_OF:
            group = True
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
    if nxt == "-" and q.end + 1 < len(words) and lower[q.end + 1] not in HYPHEN_HEADS and lower[q.end + 1] != "plus":
        return True  # "25-year-old", "two-step", "3-0"
    if "-" in nxt and not nxt.startswith("-") and nxt.split("-")[0] in ("year", "month", "day", "week", "hour",
                                                                      "mile", "km", "point", "old"):
        return True
    return False


def _figure_at(q: Quantity, tokens: Sequence[Token], words: list[str], lower: list[str], sent: int,
               military: bool, police: bool = False) -> Figure | None:
    """The figure a quantity with its own head makes, an elliptic candidate, or None."""
    if _excluded(q, words, lower):
        return None
    vague = q.qualifier == "vague"
    k = q.end
    strong = False
    if k + 1 < len(words) and lower[k] == "-" and lower[k + 1] == "plus":
        k += 2  # "some 100,000-plus troops"
    if k + 1 < len(words) and lower[k] == "-" and lower[k + 1] in ("strong", "man", "member", "person", "men"):
        strong = lower[k + 1] == "strong"
        if not strong:  # "250-man SAS"; "a 600-member contingent" as "a 600-strong contingent"
            formation = find_head(tokens, k + 2, vague=False)
            if formation is not None and formation[2] == "formation" and formation[3] not in ("force", "army") \
                    and formation[0] <= k + 4:
                start = q.start - 1 if q.start > 0 and lower[q.start - 1] in ("a", "an", "the") else q.start
                return Figure(sent, start, formation[1], q.value, q.value_max, q.qualifier, formation[3], 1,
                              head=formation[0])
            return Figure(sent, q.start, k + 2, q.value, q.value_max, q.qualifier, "personnel", None, head=k + 1)
        k += 2
    elif k < len(words) and lower[k] == "strong":
        strong = True
        k += 1
    found = find_head(tokens, k, vague=vague, plural=not strong and not q.article and q.value > 1)
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
    if is_year(q, words) and (head != q.end or cat == "group") or _a_date(words, lower, q):
        return None
    if cat == "group" and q.start > 0 and (lower[q.start - 1] in TIME_BEFORE or lower[q.start - 1] in
                                           MONTH_ABBREVIATIONS):
        return None  # "on Oct 7 Hamas killed ...": a date, not "seven Hamas" fighters
    lhead = lower[head]
    # "one of its soldiers", "one of the peacekeepers": a partitive counts one of a plural head
    partitive = not q.article and q.end < len(words) and lower[q.end] == "of" and cat in ("personnel", "formation")
    if q.article or (lower[q.start] == "one" and q.end == q.start + 1):
        if not partitive and (lhead.endswith("s") and cat != "formation" or lhead in ("forces", "troops", "personnel")
                              or cat in ("generic", "demonym", "casualty", "group")):
            return None  # "a few troops", "an army", "a unit": no count of a specific force
        if cat == "formation" and (lhead.endswith("s") and lhead != "corps") and not partitive:
            return None
        if cat == "personnel" and lhead not in SINGULAR and lower[head] != "service" and not partitive:
            return None
        if q.start > 1 and lower[q.start - 1] == "of" and lower[q.start - 2] in OWNERS_OF_ONE:
            return None  # "the commander of an infantry battalion", "the size of a division", "the family of a soldier"
        if q.start > 0 and lower[q.start - 1] == "as":
            return None  # a role, no count: "he served as an officer"
        if any(w in SAID for w in lower[end:end + 3]) or _is_source(lower, q.start, end):
            return None  # "a senior officer said": a source, not a force
        if cat == "formation" and q.start > 1 and lower[q.start - 1] in ("in", "per") and \
                (classify_head(words[q.start - 2]) or ("",))[0] == "personnel":
            return None  # "troops in a battalion vary between ...": a yardstick, no specific force
        if cat == "personnel" and _is_apposition(words, lower, q.start, end):
            return None  # "Sgt. John Smith, 24, a soldier from Ohio": one named person, described
        nxt_tok = tokens[end] if end < len(tokens) else None
        if nxt_tok is not None and (lower[end] in MODIFIED_NOUNS or nxt_tok.pos == "NOUN"):
            return None  # the head is a modifier: "a jihadist insurgency", "a rebel group"
    if not q.article and end + 1 < len(words) and lower[end] in SAID and lower[end + 1] != "to":
        return None  # sources: "two commanders told AFP", "Three soldiers said" (not "said to be")
    if police and lhead in OFFICERS:
        return None  # "Police said an officer was injured": a police officer
    if lhead in ("others", "other") and _after_civilians(tokens, lower, q.start):
        return None  # "killed 8 civilians and wounded 30 others"
    if cat == "formation" and unit in CONTEXT_FORMATIONS and not military:
        return None
    if cat == "formation" and unit == "unit" and q.value > 100 and lhead.startswith("unit") and \
            end < len(words) and lower[end] == "of":
        return None  # "470 units of equipment"
    if unit == "force":
        return Figure(sent, q.start, end, None, None, "exact", "force", q.value, head=head)
    if cat != "formation" and end < len(words) and lower[end] in ("and", "or", "&") and \
            any(x in MIXED_NOUNS for x in lower[end + 1:end + 4]) and scan_quantity(words, end + 1) is None:
        return None  # "25,000 troops and federal police": no military share given (not "... and a policeman")
    if end < len(words) and lower[end] in ("and", "or") and end + 1 < len(words):
        nxt = head_at(tokens, end + 1)
        if nxt and nxt[0] == "personnel":
            end = nxt[2]  # "soldiers and marines"
    if cat == "formation":
        return Figure(sent, q.start, end, None, None, q.qualifier, unit, q.value, head=head)
    return Figure(sent, q.start, end, q.value, q.value_max, q.qualifier, "personnel", None, head=head,
                  needs_context=cat in ("generic", "demonym", "casualty") or lhead in OFFICERS)


def _after_civilians(tokens: Sequence[Token], lower: list[str], start: int) -> bool:
    """A count of civilians comes shortly before, with no military head between: "killing five people
    and wounding around 20", "killed 8 civilians and wounded 30 others"."""
    for k in range(start - 1, max(-1, start - 12), -1):
        if lower[k] in MIXED_NOUNS:
            return True
        found = head_at(tokens, k)
        if found is not None and found[0] in ("personnel", "formation"):
            return False
    return False


def _gapped_actor(words: list[str], f: Figure) -> str | None:
    """The state named right before an elliptic number, its verb left out: "..., and Belarus 30,000"."""
    for k in (f.start - 1, f.start - 2, f.start - 3):
        if k >= 0 and words[k][:1].isupper():
            code, end, kind = actors.name_at(words, k, "c")
            if code is not None and end == f.start:
                return code
    # the subject of the number's own clause, opened by a coordinator: "..., while Kyiv keeps 3,000 at the border"
    for k in (f.start - 2, f.start - 3, f.start - 4):
        if k >= 1 and words[k][:1].isupper() and words[k - 1].lower() in CLAUSE_COORDINATORS:
            code, end, kind = actors.name_at(words, k, "cm")
            if code is not None and f.start - end in (1, 2) and all(w.islower() for w in words[end:f.start]):
                return code
    return None


CLAUSE_COORDINATORS = {",", "and", "while", "whereas", "but", ";"}


def _is_source(lower: list[str], start: int, end: int) -> bool:
    """A person quoted as a source: "according to an army officer", "said a senior commander", "an
    officer who spoke on condition of anonymity"."""
    if start >= 2 and lower[start - 2:start] == ["according", "to"]:
        return True
    if start >= 1 and lower[start - 1] in SAID and (end >= len(lower) or lower[end] in (",", ".", "who",
                                                                                       "speaking")):
        return True  # "..., said a senior officer." (not "said one soldier was killed")
    window = lower[end:end + 12]
    return "anonymity" in window or "anonymously" in window


def _is_apposition(words: list[str], lower: list[str], start: int, end: int) -> bool:
    """A singular noun phrase set off by commas after a person's name or age describes that person:
    "Private Jane Roe, 21, from Leeds, a Royal Logistic Corps soldier, was killed"."""
    if start < 2 or lower[start - 1] != "," or end >= len(words):
        return False
    before = words[start - 2]
    return (before[:1].isupper() or before.isdigit()) and lower[end] in (",", "of", "from", "serving")


def _head_first(q: Quantity, tokens: Sequence[Token], lower: list[str], sent: int) -> Figure | None:
    """``the number of North Korean soldiers ... may exceed 10,000``: the span runs from the head to the number.
    Formations too: ``the number of combat brigades in Iraq from 20 to 15`` (two figures, brigades 20 and 15;
    the second, after another number, is the number alone); ``U.S. troop levels ... will fall to 900``;
    ``increasing U.S. troops by 21,500``."""
    if q.article or q.qualifier == "vague" or not tokens[q.start].text[:1].isdigit() and q.start == q.end - 1:
        return None
    after_number = False
    # a change of a force: "increase U.S. troops by 3,000", "reduce its troops in Estonia from 900 to 700"
    by = q.start > 0 and lower[q.start - 1] in ("by", "from", "to")
    h = _numbering_head(tokens, lower, q.start)  # "troops numbering about 100,000"
    if h is not None:
        return Figure(sent, h, q.end, q.value, q.value_max, q.qualifier, "personnel", None, head=h)
    for k in range(q.start - 2, max(-1, q.start - 16), -1):
        if lower[k] in (".", ";", ":", "?", "!"):
            return None
        if lower[k][:1].isdigit():
            after_number = True
        heads: range | None = None
        if lower[k] == "of" and k > 0 and lower[k - 1] in ("number", "numbers", "strength", "size"):
            heads = range(k + 1, min(k + 6, q.start))
        elif lower[k] in ("of", "among") and k > 0 and lower[k - 1] in ("toll", "tolls"):
            heads = range(k + 1, min(k + 6, q.start))  # "the death toll among Russian soldiers reached 2,300"
        elif lower[k] in TROOP_LEVELS and k > 0 and lower[k - 1] == "troop":
            start = q.start if after_number else k - 1
            return Figure(sent, start, q.end, q.value, q.value_max, q.qualifier, "personnel", None, head=k - 1)
        elif lower[k] in LOSS_HEADS and q.start > 0 and lower[q.start - 1] in AMOUNTING and not any(
                w in MIXED_NOUNS or w.startswith("civilian") or w in NOT_HEADS or w.endswith("equipment")
                for w in lower[max(0, k - 2):q.start]):
            # "Russian losses stand at 600,000", "estimates of Russian losses vary from 70,000 to 94,000"
            start = q.start if after_number else _owner_before(tokens, k)
            qualifier = "min" if lower[q.start - 1] in EXCEED and q.qualifier == "exact" else q.qualifier
            # with no owner named, a military text ("the firm's losses reached 300 million" is none)
            return Figure(sent, start, q.end, q.value, q.value_max, qualifier, "personnel", None, head=k,
                          needs_context=start == k)
        elif by and lower[k] in CHANGE_VERBS:
            heads = range(k + 1, min(k + 5, q.start - 1))
        if heads is None:
            continue
        for h in heads:
            found = head_at(tokens, h)
            if found is not None and found[0] in ("personnel", "formation", "casualty") and found[1] != "force":
                start = q.start if after_number else k + 1
                if found[0] == "formation":
                    return Figure(sent, start, q.end, None, None, q.qualifier, found[1], q.value, head=h)
                qualifier = q.qualifier
                if q.start > 0 and lower[q.start - 1] in EXCEED and qualifier == "exact":
                    qualifier = "min"
                return Figure(sent, start, q.end, q.value, q.value_max, qualifier, "personnel", None, head=h)
        return None
    return None


# "troops numbering about 100,000"; the verb right after a plural head too: "the armed forces number 35,000"
NUMBERING = {"numbering", "totalling", "totaling", "totalled", "totaled", "numbered", "number", "numbers", "total",
             "totals"}
# "U.S. troop levels in Syria will fall to 900"
TROOP_LEVELS = {"levels", "level", "numbers", "strength", "presence", "count", "ceiling", "cap"}
# "increasing U.S. troops by 21,500": a change of a force, by a number of personnel
CHANGE_VERBS = {"increase", "increases", "increased", "increasing", "boost", "boosts", "boosted", "boosting", "cut",
                "cuts", "cutting", "reduce", "reduces", "reduced", "reducing", "raise", "raises", "raised", "raising",
                "bolster", "bolstered", "bolstering", "expand", "expanded", "expanding", "trim", "trimmed",
                "trimming", "slash", "slashed", "slashing", "shrink", "shrinking", "grow", "growing", "augment",
                "augmented", "reinforce", "reinforced", "reinforcing"}


def _numbering_head(tokens: Sequence[Token], lower: list[str], start: int) -> int | None:
    """The personnel head before "number"/"numbering"/"total" right before a quantity, with the words that
    qualify it between: "troops numbering about 100,000", "Troops in the region now number more than 12,000"."""
    if start < 2 or lower[start - 1] not in NUMBERING:
        return None
    for h in range(start - 2, max(-1, start - 8), -1):
        if lower[h] == "," and lower[h + 1] in ("who", "which", "that"):
            continue  # "U.S. troops, who number roughly 2,500"
        if is_punct(lower[h]) or lower[h][:1].isdigit():
            return None
        found = head_at(tokens, h)
        if found is not None and found[0] == "personnel" and found[1] == "personnel":
            return h
    return None


def _owner_before(tokens: Sequence[Token], k: int) -> int:
    """``k``, or the start of an owner's adjective or possessive right before it: "Russian losses", "Ukraine's
    losses" (the span then names the owner)."""
    words = [t.text for t in tokens[max(0, k - 4):k]]
    off = k - len(words)
    for s in range(len(words)):
        code, end, kind = actors.name_at(words, s, "ca")
        if code and (end == len(words) or end == len(words) - 1 and words[end] in ("'s", "’s")):
            return off + s
    return k


# casualty nouns that a number may follow as their amount, and the words between them
LOSS_HEADS = {"losses", "casualties", "fatalities"}
AMOUNTING = {"at", "to", "of", "from", "exceed", "exceeds", "exceeded", "top", "tops", "topped", "surpassed",
             "surpass", "reached", "reach", "reaches", "hit", "hits", "neared", "approached", "approaching", "past",
             "passed"}


# words before a number that end a date or a name, yet may close a head-first phrase: "down from 900", "from about 12"
HEAD_FIRST_BEFORE = {"from", "by", "at", "of", "over", "under", "around", "as", "until", "till"}


def _ellipsis(q: Quantity, tokens: Sequence[Token], words: list[str], lower: list[str], sent: int) -> Figure | None:
    """A bare number that may stand for a figure named before it: "150 more", "from which 2,400 are"."""
    nxt = lower[q.end] if q.end < len(words) else "."
    if q.article or is_year(q, words) or q.qualifier == "vague" and nxt not in ("more", "others") \
            or _a_date(words, lower, q):
        return None
    p = q.start - 1
    if p > 0 and lower[p] in ("]", ")"):
        p -= 1  # "[Sept.] 14"
    prev = lower[p] if p >= 0 else ""
    if prev in MONTH_ABBREVIATIONS or (prev and prev[-1:].isdigit()):
        return None
    if nxt in (".", ")") and not prev.strip():
        return None  # a list's number at a line's start: "\n2. Shohrukh Safarkhouja, 19, servicemen of"
    if nxt == "," and q.end + 1 < len(words) and len(words[q.end + 1]) == 4 and words[q.end + 1].isdigit() \
            and 1800 <= int(words[q.end + 1]) <= 2100:
        return None  # a date: "12, 2019"
    if prev in TIME_BEFORE and prev not in HEAD_FIRST_BEFORE and _numbering_head(tokens, lower, q.start) is None:
        return None  # (not "the armed forces number 35,000": the verb)
    if prev == "," and nxt == "," and q.start > 1 and words[q.start - 2][:1].isupper() and q.value < 120:
        return None  # an age after a name: "Major Yotam Lotan, 33, of"
    head_first = _head_first(q, tokens, lower, sent)
    if head_first is not None:
        return head_first
    if prev == "from" and p > 0 and lower[p - 1] in ("down", "up"):
        return Figure(sent, q.start, q.end, q.value, q.value_max, q.qualifier, "personnel", None,
                      elliptic=True)  # "750 personnel, down from 900": the earlier figure
    if prev == "of" and p > 0 and lower[p - 1] in FORMATIONS and not lower[p - 1].endswith("s") \
            and words[q.start][:1].isdigit():
        # "a force of 12,000", "a contingent of 700": its personnel (merged with the formation, if counted)
        return Figure(sent, q.start, q.end, q.value, q.value_max, q.qualifier, "personnel", None, head=p - 1)
    if prev in TIME_BEFORE:
        return None
    if _after_civilians(tokens, lower, q.start):
        return None  # "killing five people and wounding around 20": the civilians' count
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
        if prev in COORDINATORS and nxt in ELLIPSIS_VERBS or prev in CASUALTY_PARTICIPLES and is_punct(nxt):
            # "300 will stay and two will return"; "killing 11 soldiers and wounding nine."
            return Figure(sent, q.start, q.end, q.value, q.value_max, q.qualifier, "personnel", None, elliptic=True)
        return None  # "the two countries", "one of the attacks": small number words alone are too common
    if nxt in ("more", "others", "other"):
        return Figure(sent, q.start, q.end + 1, q.value, q.value_max, q.qualifier, "personnel", None, elliptic=True)
    if nxt in ELLIPSIS_NEXT or nxt in ("to", "into") and q.end + 1 < len(words) and (
            words[q.end + 1][:1].isupper() or lower[q.end + 1] == "the"):
        # "900 troops to Estonia and 150 to Poland"
        return Figure(sent, q.start, q.end, q.value, q.value_max, q.qualifier, "personnel", None, elliptic=True)
    return None


def figures_in_sentence(tokens: Sequence[Token], sent: int, military: bool) -> list[Figure]:
    """Figures with their own head noun, and bare ellipsis candidates (``elliptic=True``)."""
    words = [t.text for t in tokens]
    lower = [w.lower() for w in words]
    figs: list[Figure] = []
    police = bool(POLICE_WORDS.intersection(lower))
    things = False  # the last quantity counted things or civilians: "20 tanks to the front and 300 to the rear"
    for q in all_quantities(words, scan_quantity):
        f = _figure_at(q, tokens, words, lower, sent, military, police)
        if f is not None and not (f.elliptic and things):
            figs.append(f)
        if f is not None:
            things = False
        elif not _excluded(q, words, lower):
            things = any(lower[m] in NOT_HEADS and not is_punct(lower[m]) and lower[m] not in ("troop",)
                         for m in range(q.end, min(len(words), q.end + 4)))
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


# words that open another clause after a figure: its casualty words are another event's ("10,000 troops
# to Kursk, where fighting has killed hundreds"; "2,000 troops were sent after the ambush that killed 12")
CLAUSE_OPENERS = {"where", "after", "when", "before", "because", "since", "while", "although", "though", "whereas",
                  "until", "unless", "but", "if", "once"}
# after a comma: "About 700 soldiers deserted, and 45 were captured"
COMMA_OPENERS = CLAUSE_OPENERS | {"and", "which", "as", "including", "bringing", "raising", "taking"}


def _clause_ends(lower: list[str], k: int, f: Figure) -> bool:
    """``lower[k]``, after the figure, opens another clause or another count, whose casualty words are not
    the figure's."""
    lw = lower[k]
    if lw in CLAUSE_OPENERS:
        return True
    if lw == "," and k + 1 < len(lower) and lower[k + 1] in COMMA_OPENERS:
        return True
    # another count, unless coordinated with the figure under one predicate ("47 soldiers and 15 fighters were
    # killed"; a headline's list: "Two soldiers, four militants killed")
    between = lower[f.end:k]
    if k <= f.end + 2 and between and between[0].endswith("ing") and between[0].isalpha():
        return False  # the object of a participle on the figure: "30 soldiers defending three town halls were injured"
    return k > f.end and (lw[:1].isdigit() or lw in NUMBER_WORDS_SMALL) and not (
        any(w in ("and", "or") for w in between) or all(w == "," for w in between))


NUMBER_WORDS_SMALL = {"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                      "dozens", "hundreds", "thousands"}


def _kind(words: list[str], lower: list[str], f: Figure) -> str:
    if f.head >= 0 and lower[f.head] in CASUALTY_HEADS:
        return "casualties"
    inc = next((k for k in range(max(0, f.start - 3), f.start) if lower[k] == "including"), None)
    if inc is not None and all(w in QUALIFYING for w in lower[inc + 1:f.start]) and any(
            w in CASUALTY_WORDS and w not in BEFORE_ONLY or w in CASUALTY_MORE
            for w in lower[slice(*clause_before(lower, inc, CLAUSE_STOPS))]):
        return "casualties"  # "12 people were killed, including seven Marines": a part of the dead
    lo, hi = max(0, f.start - 4), min(len(words), f.end + 10)
    inserted = _inserted_part(lower, f.end)
    if inserted:  # "Four security personnel, including a major, were martyred": the predicate after the aside
        hi = min(len(words), inserted + 10)
    for k in range(lo, hi):
        if f.end <= k < inserted:
            continue
        lw = lower[k]
        nxt = lower[k + 1] if k + 1 < len(words) else ""
        if k >= f.end and (lw in (";", ":") or _clause_ends(lower, k, f)):
            break
        if lw in OBJECT_ONLY and not (k < f.start and all(x in QUALIFYING for x in lower[k + 1:f.start])):
            continue  # "destroyed a bridge as 300 soldiers crossed"; but "destroyed up to 300 servicemen"
        if lw == "fell" and nxt in FELL_AFTER or lw in CASUALTY_MORE:
            return "casualties"  # "fell in battle", "was martyred", "were neutralized"
        if lw in ("lay", "laid", "laying", "lays") and nxt == "down" and k + 3 < len(words) and \
                lower[k + 3] in ("arms", "weapons"):
            return "casualties"  # "agreed to lay down their arms": surrendered
        if lw == "lost" and k >= f.end and nxt in LIFE_OWNERS and k + 2 < len(words) and (
                lower[k + 2] in LIFE or lower[k + 2] in BODY_PARTS):
            return "casualties"  # "Five soldiers lost their lives", "a soldier had lost his leg" (wounded)
        if lw in LIFE and k < f.start and k >= 2 and lower[k - 1] == "the" and lower[k - 2] in LIFE_TAKERS:
            return "casualties"  # "the attack claimed the lives of 18 soldiers"
        if lw in CASUALTY_WORDS:
            if lw == "shot" and nxt in ("down",):
                continue
            if lw in PRISONER_WORDS and any(w in RECRUITING for w in lower[max(0, f.start - 4):f.start]):
                continue  # "Wagner recruited some 50,000 prisoners": fighters, not captured soldiers
            if lw in OF_ONLY and not (k < f.start and nxt == "of"):
                continue
            if lw in BEFORE_ONLY and (k >= f.start or k + 1 < len(words) and lower[k + 1] in SAID):
                continue  # "lost dozens of men", "to free 1,000 personnel"; not "a press release says"
            return "casualties"
    return "strength"


def _inserted_part(lower: list[str], end: int) -> int:
    """Where an aside right after a figure ends (", including a major," in "Four soldiers, including a major,
    were killed"): the index after its closing comma, else 0."""
    if end + 2 >= len(lower) or lower[end] != "," or lower[end + 1] not in ("including", "among"):
        return 0
    close = next((j for j in range(end + 2, min(len(lower), end + 9)) if lower[j] in (",", ";", ":", ".", "(")), None)
    return close + 1 if close is not None and lower[close] == "," else 0


# what ends the clause before "including": punctuation or a word that opens another clause
CLAUSE_STOPS = frozenset({",", ";", ":"}) | CLAUSE_OPENERS


def _among_the_last_sentences_dead(lower: list[str], f: Figure, previous: list[str]) -> bool:
    """ "At least 15 people were killed. Among them were five soldiers": a part of the dead the last sentence
    counted (no figure of its own: its people were not all soldiers)."""
    opening = lower[:f.start]
    return (len(opening) <= 4 and ("among" in opening or opening[:2] == ["they", "included"])
            and any(w.lower() in CASUALTY_WORDS and w.lower() not in BEFORE_ONLY for w in previous))


def _actor_in_span(words: list[str], f: Figure) -> str | None:
    k = f.start
    found: list[tuple[int, int, str]] = []
    while k < f.end:
        if words[k].lower() in LOCATION_PREPS and not (k + 1 < f.end and scan_number(words, k + 1)):
            break  # "foreign forces in Afghanistan": the place, not the actor ("up to 300" is the count)
        code, nxt, _kind_ = _name_at(words, k, "coad")
        if words[k] == "IS" and not code:
            code, nxt = "IS", k + 1
        if not code and words[k][:1].isupper():
            code, nxt = _force_name_at(words, k)  # "3,500 National Guard troops", "200 Royal Marines"
        if code and nxt + 1 < f.end and words[nxt] == "-" and words[nxt + 1].lower() in actors.RELATIONAL:
            code, nxt = None, nxt + 2  # "40,000 Iranian-backed militiamen": another force, related to the state
        if code:
            found.append((k, nxt, code))
        elif found:
            break
        k = nxt if nxt > k else k + 1
    if not found:
        return None
    # "5,000 U.S. and Iraqi troops": a count of two forces with no shares
    return SEVERAL if _coordinated(words, found[:2] + _names_from(words, found[-1][1], f.end)) else found[0][2]


def _force_name_at(words: list[str], k: int) -> tuple[str | None, int]:
    """A force's name from the pack's table (``forces.tsv``) at ``words[k]``: its owner and the index after it.
    The tokenizer's splits are undone: "People 's Liberation Army", "Self - Defense Forces"."""
    lower = [w.lower() for w in words[k:k + 6]]
    for n in range(len(lower), 0, -1):
        name = " ".join(lower[:n]).replace(" - ", "-").replace(" 's", "'s").replace(" ’s", "'s")
        if name in actors.FORCE_NAMES:
            return actors.FORCE_NAMES[name], k + n
    return None, k + 1


def _names_from(words: list[str], k: int, end: int) -> list[tuple[int, int, str]]:
    """The names right after a coordinator from ``words[k]``: "and Iraqi" in "U.S. and Iraqi troops"."""
    out: list[tuple[int, int, str]] = []
    while True:  # a list: "Russia, Armenia, Tajikistan and Belarus"
        start = k
        while k < end and words[k].lower() in COORDINATION:
            k += 1
        if k == start or k >= end:
            return out
        code, nxt, _kind = _name_at(words, k, "coad")
        if not code:
            return out
        out.append((k, nxt, code))
        k = nxt


def _relative_antecedent(words: list[str], lower: list[str], f: Figure) -> str | None:
    """A relative clause about the name right before its comma: whose soldiers they are ("Eritrea, whose
    soldiers …") or, for a strength figure, what it has or sends ("Eritrea, which has tens of thousands
    of troops in Tigray", "Rwanda, which sent 1,000 soldiers")."""
    j = f.start - 1
    while j >= 0 and f.start - j <= 3 and lower[j] not in ("which", "who", "whose"):
        if is_punct(words[j]) or words[j][:1].isupper():
            return None  # the verb and its auxiliaries only: "which has", "which has sent"
        j -= 1
    if j < 2 or lower[j] not in ("which", "who", "whose") or words[j - 1] != "," or (
            lower[j] != "whose" and f.kind != "strength") or (lower[j] == "whose" and j != f.start - 1):
        return None
    for m in range(j - 2, max(-1, j - 6), -1):
        if is_punct(words[m]):
            return None
        code, end, _kind = _name_at(words, m, "coad")
        if code and end == j - 1:
            return code
    return None


def _actor_after(words: list[str], lower: list[str], f: Figure) -> str | None:
    """``troops from Russia``, ``soldiers of the Malian army``, ``250-man SAS``; ``Russia's troops``."""
    if f.start >= 2 and lower[f.start - 1] in ("'s", "’s", "'"):
        k = f.start - 2
        while k > 0 and words[k - 1][:1].isupper() and k > f.start - 5:
            k -= 1
        for s in range(k, f.start - 1):
            code, end, _ = actors.name_at(words, s, "cmoal")  # "Russia's troops", "Haftar's forces"
            if code and end == f.start - 1:
                return code
    k = f.end
    if k < len(words):
        code, _, kind = actors.name_at(words, k, "o")
        if code:
            return code
    owner = _relative_owner(words, lower, k)
    if owner:
        return owner
    if k < len(words) and lower[k] == "from" and _moved_away(lower, f.start):
        return None  # "France will withdraw its 1,500 troops from Niger": the place they leave
    if k < len(words) and lower[k] == "from":
        sender = _sender_before(words, lower, f)
        if sender:  # "Turkey has sent 2,400 fighters from Syria to Libya": the sender's
            return sender
    if k < len(words) and lower[k] in ("from", "of"):
        k += 1
        while k < len(words) and lower[k] in ("the",):
            k += 1
        code, end, kind = actors.name_at(words, k, "coad")
        if code and (kind != "a" or end < len(words) and lower[end] in FORCE_NOUNS):
            if _coordinated(words, [(k, end, code), *_names_from(words, end, min(len(words), end + 16))]):
                return SEVERAL  # "troops from Britain and France"
            return code
    return None


# verbs of taking a force out of a place: "withdraw ... troops from Niger" names the place, not the owner
MOVE_AWAY = {"withdraw", "withdraws", "withdrew", "withdrawn", "withdrawing", "pull", "pulls", "pulled", "pulling",
             "evacuate", "evacuates", "evacuated", "evacuating", "remove", "removes", "removed", "removing",
             "redeploy", "redeploys", "redeployed", "redeploying", "relocate", "relocated", "relocating",
             "recall", "recalls", "recalled", "recalling", "transfer", "transfers", "transferred", "transferring",
             "move", "moves", "moved", "moving", "shift", "shifts", "shifted", "shifting", "bring", "brings",
             "brought", "bringing", "repatriate", "repatriated", "repatriating", "extract", "extracted", "cut",
             "reduce", "reduced", "reducing"}
# possessives before a figure: its owner was named before it ("France will withdraw its 1,500 troops")
OWNER_POSSESSIVES = {"its", "their", "his", "her", "our"}


def _moved_away(lower: list[str], start: int) -> bool:
    """A verb of withdrawal or a possessive shortly before the figure: "from X" after it is a place."""
    window = lower[max(0, start - 5):start]
    return any(w in MOVE_AWAY for w in window) or bool(window) and window[-1] in OWNER_POSSESSIVES


# verbs in a relative clause whose subject owns the counted force: "the 12,000 soldiers (that) Pyongyang
# sent", "the 900 troops the United States keeps in Syria", "the 500 soldiers Russia says it lost"
OWNING_VERBS = {"sent", "sends", "send", "deployed", "deploys", "deploy", "dispatched", "dispatches", "has", "had",
                "have", "keeps", "kept", "keep", "maintains", "maintained", "stationed", "stations", "committed",
                "commits", "pledged", "pledges", "promised", "promises", "lost", "loses", "mobilised",
                "mobilized", "mobilises", "mobilizes", "withdrew", "withdraws", "pulled", "moved", "massed",
                "amassed", "gathered", "contributes", "contributed", "provides", "provided", "offered", "offers",
                "planned", "plans", "wants", "intends", "needs", "recruited", "fields", "fielded", "mustered"}
# verbs that make the relative clause's subject the enemy: "the 300 soldiers Ukraine captured"
INFLICTING_VERBS = {"killed", "kills", "captured", "captures", "wounded", "wounds", "shot", "took", "takes",
                    "taken", "eliminated", "destroyed", "ambushed", "attacked", "trained", "trains", "training",
                    "freed", "released", "returned", "exchanged", "swapped", "holds", "held", "detained"}
RELATIVE_PRONOUNS = {"that", "which", "whom"}


def _relative_owner(words: list[str], lower: list[str], k: int) -> str | None:
    """The subject of a relative clause right after the figure, when its verb says it owns the force."""
    if k < len(words) and lower[k] in RELATIVE_PRONOUNS:
        k += 1
    if k < len(words) and lower[k] == "the":
        k += 1
    if k >= len(words) or not words[k][:1].isupper():
        return None
    code, end, kind = actors.name_at(words, k, "cmo")
    if code is None:
        return None
    verbs = [w for w in lower[end:end + 4] if w.isalpha()]
    if not verbs or not words[end][:1].islower():
        return None
    for w in verbs:
        if w in INFLICTING_VERBS:
            return None
        if w in OWNING_VERBS:
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
        code, end, kind = _name_at(words, k, "cmoal")
        if words[k] == "IS" and not code:
            code, end, kind = "IS", k + 1, "o"
        if not code and words[k][:1].isupper() and not (out and out[-1][1] == k):
            # "the Korean People's Army lost 300 soldiers" (not "Ukrainian Marines": the adjective names the owner)
            code, end = _force_name_at(words, k)
            kind = "o"
        if not code:
            k += 1
            continue
        locative = False
        before = k - 1 - (k >= 2 and lower[k - 1] == "the")
        if before >= 0 and lower[before] in PLACE_OBJECT_VERBS:
            locative = True  # "troops have left Afghanistan", "forces that invaded Ukraine": a place, not an owner
        for j in range(k - 1, max(-1, k - 4), -1):  # "in the southern Lebanon village"
            if lower[j] in LOCATIVE or lower[j] == "for" and j > 0 and lower[j - 1] in DEPARTING:
                locative = True  # (also "left for Haiti", "bound for Estonia": a destination)
                break
            if not (lower[j].isalpha() and lower[j] == words[j]):
                break
        if kind == "a":
            nxt = lower[end] if end < len(words) else ""
            if nxt not in FORCE_NOUNS and nxt not in LEADER_TITLES and not ORDINAL.match(nxt):
                # (an ordinal starts a unit's name: "the Ukrainian 47th Brigade")
                k = end
                continue
        if kind == "m" and end < len(words) and lower[end] in ("time", "region", "oblast", "province"):
            locative = True
        if k <= 1 and words[k].isupper() and len(words[k]) > 2 and end < len(words) and lower[end] in DATELINE \
                and kind != "o":
            locative = True  # a dateline: "MOSCOW (Sputnik) -", "BRUSSELS (AP) -" (a place; "NATO, which" is none)
        if not locative:
            out.append((k, end, code))
        k = end
    return out


# A coordination of owners ("Britain, Canada and Germany will each send", "the United States and South
# Korea held drills with"): a count with no shares of several states or forces, which belongs to none of
# them (the spec's "several states ... in one count": their alliance if the text names one, else null).
SEVERAL = "<several>"
COORDINATION = {",", "and", "&", "the", "as", "well"}


def _coordinated(words: list[str], cands: list[tuple[int, int, str]]) -> set[int]:
    """Indexes of the candidates that stand in a coordination of two or more different owners, joined by
    ``and`` (with commas before it): "Britain, France and Germany", "US and Iraqi forces"."""
    out: set[int] = set()
    n = 0
    while n < len(cands):
        m = n
        joined = False
        while m + 1 < len(cands):
            between = [w.lower() for w in words[cands[m][1]:cands[m + 1][0]][:4]]
            if not between or cands[m + 1][0] - cands[m][1] > 4 or any(w not in COORDINATION for w in between):
                break
            joined = joined or "and" in between or "&" in between or "well" in between
            m += 1
        if m > n and joined and len({c[2] for c in cands[n:m + 1]}) > 1:
            out.update(range(n, m + 1))
        n = m + 1
    return out


class _SentenceActors:
    """The actors a sentence names (``_candidates``), read once per sentence so that each figure's
    look-up costs a bisection, not a scan of the sentence (linear time)."""

    def __init__(self, tokens: Sequence[Token], subjects: set[int] | None) -> None:
        self.all = _candidates(tokens)
        several = _coordinated([t.text for t in tokens], self.all)
        # a coordination's members stand for the coordination: "Britain, France and Germany will each send"
        self.all = [(c[0], c[1], SEVERAL) if i in several else c for i, c in enumerate(self.all)]
        self.states = [c for c in self.all if not actors.is_armed_group(c[2])]
        self.groups = [c for c in self.all if actors.is_armed_group(c[2])]
        self.group = self.groups[0][2] if self.groups else None
        self._index = {"any": self._read(self.all, subjects), "state": self._read(self.states, subjects),
                       "group": self._read(self.groups, subjects)}
        # for each word inside a relative clause between commas, the index of the comma that closes it
        self.aside_end: list[int | None] = [None] * len(tokens)
        for i, j in _relative_asides([t.text.lower() for t in tokens]):
            self.aside_end[i + 1:j] = [j] * (j - i - 1)

    @staticmethod
    def _read(cands: list[tuple[int, int, str]], subjects: set[int] | None) -> tuple[
            str | None, list[int], list[int], list[tuple[int, int, str]]]:
        subject = next((code for start, end, code in cands if subjects and any(start <= x < end for x in subjects)),
                       None)
        return subject, [c[0] for c in cands], [c[1] for c in cands], cands

    def actor(self, f: Figure, *, side: str = "any", banned: Collection[str] = (), after: bool = True) -> str | None:
        """The clause's subject, else the nearest actor before the figure, else one just after it;
        for a state's force (``side="state"``) never an armed group ("al-Shabaab fighters ambushed a convoy,
        killing 12 soldiers"), for militants (``side="group"``) only an armed group ("the army killed 30
        militants"); never one of ``banned`` (those who inflicted a casualty figure's losses)."""
        subject, starts, ends, cands = self._index[side]
        if banned:
            cands = [c for c in cands if c[2] not in banned]
            starts, ends = [c[0] for c in cands], [c[1] for c in cands]
            subject = None if subject in banned else subject
        if subject is not None:
            return subject
        i = bisect_right(ends, f.start)
        skipped = 0
        while i > 0 and skipped < MAX_ASIDE_SKIP and (end := self.aside_end[cands[i - 1][0]]) is not None \
                and end < f.start:
            i -= 1  # "NATO, which has been guarding Kosovo since 1999, decided to deploy 700 troops": not Kosovo
            skipped += 1
        if i > 0:
            return cands[i - 1][2]
        if not after:
            return None
        j = bisect_left(starts, f.end)
        return cands[j][2] if j < len(cands) and cands[j][0] < f.end + AFTER_WINDOW else None


    def attackers(self, lower: list[str], f: Figure, figures: Sequence[Figure] = ()) -> set[str]:
        """Who inflicted a casualty figure's losses, and so does not own it: the nearest actor before an
        active verb of killing or capturing right before the figure ("Russian troops killed 12 soldiers",
        "Israel's military said it had killed 20 fighters"), and the agent of a passive after it ("12
        soldiers were killed by Russian forces"). Names inside the sentence's other ``figures`` are no subject
        ("killed three Hamas commanders and wounded 10 fighters")."""
        out: set[str] = set()
        _subject, starts, ends, cands = self._index["any"]

        def in_figure(pos: int) -> bool:  # ``figures`` are in text order: a bisection, not a scan
            j = bisect_right(figures, pos, key=lambda g: g.start)
            return j > 0 and pos < figures[j - 1].end

        v = f.start - 1
        if v >= 0 and lower[v] in INFLICTING_BEFORE:
            i = bisect_right(ends, v)  # the names that end before the verb
            last = next((cands[j] for j in range(i - 1, max(-1, i - 1 - MAX_ASIDE_SKIP), -1)
                         if not in_figure(cands[j][0])), None)
            if last is not None:
                # a participle after a comma has the main clause's subject ("Houthi militants fired a missile
                # at ... a visit by the Yemeni defense minister, killing five soldiers"), a finite verb the
                # nearest name before it
                participle = lower[v].endswith("ing") and v > 0 and lower[v - 1] == ","
                if not participle:
                    out.add(last[2])
                elif cands[0][0] <= 2 and cands[0][1] <= v and not in_figure(cands[0][0]):
                    out.add(cands[0][2])  # (only a name that opens the sentence is surely its subject)
        for k in range(f.end, min(len(lower), f.end + 6)):
            if lower[k] == "by" and lower[k - 1] in INFLICTING_BEFORE | CASUALTY_PARTICIPLES:
                j = bisect_right(starts, k)
                if j < len(cands) and cands[j][0] <= k + 3:
                    out.add(cands[j][2])
                break
        return out


ASIDE_PRONOUNS = {"which", "who", "whose", "whom"}
MAX_ASIDE_SKIP = 6  # names passed over inside closed asides before the nearest is taken anyway (bounded time)


def _relative_asides(lower: list[str]) -> list[tuple[int, int]]:
    """Non-restrictive relative clauses set off by commas, as (pronoun index, closing comma index): an aside
    about the name before it, whose own names (its objects, its places) own none of the main clause's troops."""
    out = []
    for i in range(1, len(lower)):
        if lower[i] in ASIDE_PRONOUNS and lower[i - 1] == ",":
            j = next((k for k in range(i + 1, len(lower)) if lower[k] in (",", ";", ":")), None)
            if j is not None:
                out.append((i, j))
    return out


# what a wounded soldier loses: "a Thai soldier had lost his leg in a land mine explosion"
BODY_PARTS = {"leg", "legs", "arm", "arms", "hand", "hands", "foot", "feet", "eye", "eyes", "limb", "limbs", "sight"}


# active verbs right before a casualty figure whose subject inflicted the losses
INFLICTING_BEFORE = {"killed", "kill", "kills", "killing", "captured", "capture", "captures", "capturing", "wounded",
                     "wounding", "injured", "injuring", "shot", "eliminated", "eliminating", "neutralized",
                     "neutralised", "neutralizing", "neutralising", "ambushed", "executed", "slew", "slain"}


def _actor_in_sentence(tokens: Sequence[Token], f: Figure, subjects: set[int] | None) -> str | None:
    return _SentenceActors(tokens, subjects).actor(f)


# heads that name a state's regular force: an armed group named around them is its enemy, not its owner
STATE_HEADS = {"soldiers", "soldier", "troops", "servicemen", "serviceman", "servicemembers", "servicemember",
               "army", "armies", "officer", "officers", "peacekeepers", "peacekeeper", "paratroopers", "paratrooper",
               "marines", "marine", "conscripts", "conscript", "reservists", "reservist", "sailors", "sailor",
               "airmen", "brigade", "brigades", "battalion", "battalions", "division", "divisions", "regiment",
               "regiments", "personnel", "guardsmen", "service"}
# "pro-junta fighters", "pro-government militiamen": on the side of a state or a leader, not of a group named nearby
STATE_WORDS = {"government", "army", "military", "national", "state", "pro", "regime", "junta"}


def _state_force(lower: list[str], f: Figure) -> bool:
    """A state's soldiers or a force on the government's side: "Three soldiers", "17 pro-government militiamen"."""
    if f.head >= 0 and lower[f.head] in STATE_HEADS:
        return True
    return any(w in STATE_WORDS for w in lower[f.start:f.end])


# heads for the fighters of armed groups: a state named around them is their enemy ("the army said it
# killed 30 militants"), not their owner (the spec: enemy fighters with no side named have no actor)
NONSTATE_HEADS = {"militants", "militant", "insurgents", "insurgent", "jihadists", "jihadist", "terrorists",
                  "terrorist", "gunmen", "gunman", "guerrillas", "guerrilla", "extremists", "extremist", "rebels",
                  "rebel", "attackers", "bandits"}


def _nonstate_force(lower: list[str], f: Figure) -> bool:
    """Militants, rebels, insurgents, and no word that puts them on a state's side ("pro-government")."""
    return f.head >= 0 and lower[f.head] in NONSTATE_HEADS and not any(w in STATE_WORDS for w in lower[f.start:f.end])


# words before a head that make the soldiers the army of the state a report is about ("government troops",
# "the local security forces"); not "army" or "military", which name the kind of force of any state ("five
# Army brigades" of the US in Iraq, "two of its military commanders")
HOST_FORCE_WORDS = frozenset({"government", "local"})


# nouns of an attack on others (not a side's own "offensive" or "operation", which kills its own soldiers too)
STRIKE_NOUNS = {"attack", "attacks", "assault", "ambush", "airstrike", "airstrikes", "air-strike", "strike", "strikes",
                "shelling", "bombing", "bombardment", "raid", "raids"}


def _strike_owners(words: list[str], lower: list[str]) -> set[str]:
    """Who carried out the attacks a sentence names: a name right before the attack noun ("a Taliban
    attack", "an Israeli airstrike", "Russian shelling") or after "by" ("an attack by al-Shabaab")."""
    out: set[str] = set()
    for k, w in enumerate(lower):
        if w not in STRIKE_NOUNS:
            continue
        for j in range(max(0, k - 3), k):
            code, end, _kind = actors.name_at(words, j, "caom")
            if code and end == k or code and end < k and all(x in ("missile", "drone", "rocket", "air", "suicide",
                                                                  "mortar", "artillery") for x in lower[end:k]):
                out.add(code)
                break
        if k + 2 < len(lower) and lower[k + 1] == "by":
            j = k + 2 + (lower[k + 2] == "the")
            code, _end, _kind = actors.name_at(words, j, "caom") if j < len(words) else (None, j, "")
            if code:
                out.add(code)
    return out


def _reciprocal(lower: list[str], f: Figure) -> bool:
    """The figure's soldiers face each other ("Thousands of troops face each other at the border"): two sides'."""
    after = lower[f.end:f.end + 8]
    return any(after[k:k + 2] in (["each", "other"], ["one", "another"]) for k in range(len(after) - 1))


def _only_group(sentences: Sequence[Sequence[str]]) -> str | None:
    """The armed group a document names, if it names exactly one ("M23", "the New People's Army")."""
    named: set[str] = set()
    for sentence in sentences:
        words = list(sentence)
        k = 0
        while k < len(words):
            code, end, _kind = actors.name_at(words, k, "o") if words[k][:1].isupper() else (None, k + 1, "")
            if code and actors.is_armed_group(code):
                named.add(code)
            k = max(end, k + 1)
    return next(iter(named)) if len(named) == 1 else None


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


def _recruited_by_group(tokens: Sequence[Token], f: Figure,
                        named: Callable[[int], _SentenceActors]) -> str | None:
    """Fighters count for the side they fight for: demonym and generic heads in a sentence naming an armed group."""
    if f.head < 0:
        return None
    cat = classify_head(tokens[f.head].text.lower())
    if not (cat and cat[0] in ("demonym", "generic")):
        return None
    return named(f.sent).group


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
    named_cache: dict[int, _SentenceActors] = {}
    state_forces: set[int] = set()  # figures of a state's force: no armed group owns them
    nonstate_forces: set[int] = set()  # figures of militants: only an armed group owns them
    attackers_of: dict[int, set[str]] = {}  # casualty figures: who inflicted them (owns none of them)
    government: set[int] = set()  # "government troops" with no state named in their words
    strikes: list[set[str]] = []  # per sentence: who carried out the attacks it names

    def sentence_actors(k: int) -> _SentenceActors:
        if k not in named_cache:
            named_cache[k] = _SentenceActors(toks[k], subjects[k])
        return named_cache[k]

    def inherit() -> None:
        for f, g in antecedents:
            if f.actor is None:
                f.actor = g.actor

    discourse = Discourse()
    no_actor: set[int] = set()  # multinational totals and what is usual: no owner from the discourse
    all_mentions = [force_mentions(w, [x.lower() for x in w]) for w in words]
    # a force's acronym defined earlier ("the Somali National Army (SNA)") names it again: "the SNA said"
    for ms, uses in zip(all_mentions, acronym_mentions(words, [[(k, a) for k, a, _s in ms] for ms in all_mentions])):
        if uses:
            ms.extend((k, a, "force") for k, a in uses)
            ms.sort()
    # the missions and alliances the document names, wherever: peacekeepers serve one of them
    missions = [a for ms in all_mentions for _k, a, _src in ms if a in actors.ALLIANCES]
    for n, tokens in enumerate(toks):
        w = words[n]
        lower = [x.lower() for x in w]
        last_fig = next((f for f in reversed(figs) if f.sent >= n - 1), None)
        sent_figs: list[Figure] = []  # this sentence's figures so far, by start (for ``attackers``)
        mentions = all_mentions[n]
        for pos, actor, source in mentions:
            discourse.add(n, pos, actor, source)
        generic = bool(GENERIC_CUES.intersection(lower))
        strikes.append(_strike_owners(w, lower))
        strikers = set().union(*strikes[max(0, n - 3):n + 1])  # attacks named this sentence or shortly before
        for f in figures_in_sentence(tokens, n, military(n)):
            near = military(n) or military(n - 1)
            if f.needs_context and not near:
                continue
            if f.elliptic and last_fig is None and not (near and _has_military_head(toks[max(0, n - 1):n + 1])):
                continue  # an ellipsis needs a figure or a military noun in the same or the previous sentence
            f.kind = _kind(w, lower, f)
            if f.kind == "strength" and n > 0 and _among_the_last_sentences_dead(lower, f, words[n - 1]):
                f.kind = "casualties"
            state_force = _state_force(lower, f)
            host = f.head > f.start and bool(HOST_FORCE_WORDS.intersection(lower[f.start:f.head]))
            nonstate = not state_force and _nonstate_force(lower, f)
            if lower[f.end - 1] in ("others", "other") and last_fig is not None and last_fig.sent == n:
                f.actor = last_fig.actor  # "12 militiamen were killed and four others wounded"
                state_force = state_force or id(last_fig) in state_forces
                if f.actor is None:
                    antecedents.append((f, last_fig))
            else:
                # "government soldiers", "local security forces": a state's, whatever group the sentence names
                f.actor = ((None if host else _recruited_by_group(tokens, f, sentence_actors))
                           or _actor_in_span(w, f) or _actor_after(w, lower, f) or _relative_antecedent(w, lower, f))
            if f.actor is None and f.elliptic:
                f.actor = _gapped_actor(w, f)  # "Russia has 50,000 troops there, and Belarus 30,000"
            if f.actor is None and host and "pro" not in lower[f.start:f.head]:
                government.add(id(f))  # "23 government soldiers": the army of the state the report is about
            if f.actor is None and last_fig is not None and last_fig.sent == n and _is_subfigure(lower, last_fig, f) \
                    and not (nonstate and id(last_fig) in state_forces):
                f.actor = last_fig.actor  # (not "two Indian soldiers and three militants": enemies)
            if f.actor is None and f.elliptic:
                prev = next((g for g in reversed(figs) if g.actor), None)
                f.actor = prev.actor if prev and prev.sent >= n - 1 else None
                if f.actor is None and last_fig is not None:
                    antecedents.append((f, last_fig))  # resolved with it, below
                elif f.actor is None and last_fig is None:
                    # an ellipsis of a force named before it ("North Korea has sent troops to Russia. About
                    # 1,000 have been killed, Seoul said."): that force's owner, not a source named after it
                    f.actor = sentence_actors(n).actor(f, after=False) or discourse.recent(n, f.start)
            attackers = sentence_actors(n).attackers(lower, f, sent_figs) \
                if f.kind == "casualties" else set()
            if f.kind == "casualties" and strikers and _actor_in_span(w, f) is None:
                attackers |= strikers  # "In a Taliban attack … The Taliban claimed 500 dead": not theirs
            if attackers:
                attackers_of[id(f)] = attackers
            if f.actor is None:
                f.actor = sentence_actors(n).actor(f, side="state" if state_force else "group" if nonstate else "any",
                                                   banned=attackers)
            if f.actor == SEVERAL or is_multinational(lower, f) or (
                    f.actor is None and _reciprocal(lower, f)):  # "Thousands of soldiers face each other"
                # a total over several states: their alliance or mission if the text names one, else no one
                if f.actor not in actors.ALLIANCES:
                    f.actor = discourse.recent(n, f.start, only=actors.ALLIANCES)
                no_actor.add(id(f))
            elif f.actor is None and generic:
                no_actor.add(id(f))
            elif f.actor is None and document_actor:
                if f.head >= 0 and lower[f.head].startswith("peacekeep"):
                    # they serve a mission: the one named last before them, else the document's
                    f.actor = discourse.recent(n, f.start, only=actors.ALLIANCES) or (
                        missions[0] if len(set(missions)) == 1 else None)
                banned = (actors.ARMED_GROUPS if state_force else set()) | attackers
                if nonstate:  # militants belong to an armed group, never to the state that fights them
                    f.actor = discourse.recent(n, f.start, only=actors.ARMED_GROUPS, banned=attackers)
                else:
                    f.actor = f.actor or discourse.recent(n, f.start, banned=banned) or next(
                        (a for k, a, src in mentions if k >= f.end and src != ALLIANCE and a not in banned), None)
            if f.head > f.start and "enemy" in lower[f.start:f.head] and _actor_in_span(w, f) is None:
                f.actor = _enemy_of_reporter(sentence_actors(n), w, f)
                no_actor.add(id(f))  # "enemy fighters killed" with no side named: null (docs/troop-figures.md)
            if f.elliptic and last_fig is not None and lower[f.end - 1] in ("them", "whom", "others"):
                f.kind = last_fig.kind if f.kind == "strength" else f.kind  # "One of them" was among the killed
            elif last_fig is not None and last_fig.sent == n and (
                    lower[last_fig.end:f.start] in (["and"], [",", "and"])
                    or f.start > 0 and lower[f.start - 1] in ("including", "among")):
                # "wounded an officer and two conscripts"; "300 soldiers who fell ..., including 40"
                f.kind = last_fig.kind if f.kind == "strength" else f.kind
            f.location = _location_after(w, lower, f)
            if state_force:
                state_forces.add(id(f))
            if nonstate:
                nonstate_forces.add(id(f))
            figs.append(f)
            insort(sent_figs, f, key=lambda g: g.start)
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
                f.actor = discourse.dominant(banned=(actors.ARMED_GROUPS if id(f) in state_forces else set())
                                             | attackers_of.get(id(f), set()))
                if id(f) in nonstate_forces and not actors.is_armed_group(f.actor):
                    f.actor = None
        _document_actor(toks, [f for f in figs if id(f) not in no_actor], nonstate_forces, attackers_of,
                        state_forces)
        topic = topic_country(words) if government else None
        for f in figs:
            if id(f) in government and topic and topic not in attackers_of.get(id(f), ()):
                f.actor = topic
        open_fighters = [f for f in figs if f.actor is None and id(f) in nonstate_forces and id(f) not in no_actor]
        group = _only_group(words) if open_fighters else None
        for f in open_fighters:  # rebels with no group near them: the one armed group the whole report names
            if group not in attackers_of.get(id(f), ()):
                f.actor = group
    inherit()
    for f in figs:
        if f.actor is None and id(f) not in no_actor and f.sent + 1 < len(words) and is_headline(words[f.sent]):
            # a headline's figure is the lead's story: the first owner its first sentence names
            lead = [c for c in sentence_actors(f.sent + 1).all if c[2] != SEVERAL
                    and c[2] not in attackers_of.get(id(f), ())]
            f.actor = lead[0][2] if lead else None
        elif f.actor is None and id(f) not in no_actor and f.sent > 0 and is_headline(words[f.sent - 1]):
            # and the lead's figure is the headline's story: its first owner
            head = [c for c in sentence_actors(f.sent - 1).all if c[2] != SEVERAL
                    and c[2] not in attackers_of.get(id(f), ())]
            f.actor = head[0][2] if head else None
    for f in figs:  # still none: the nearest actor of the previous sentence ("MONUSCO is ... . Over 21,000 personnel")
        if f.actor is None and f.sent > 0 and id(f) not in no_actor:
            named = sentence_actors(f.sent - 1)
            cands = named.states if id(f) in state_forces else named.groups if id(f) in nonstate_forces else named.all
            cands = [c for c in cands if c[2] not in attackers_of.get(id(f), ())]
            f.actor = cands[-1][2] if cands and cands[-1][2] != SEVERAL else None
    if document_actor and any(f.actor is None for f in figs):
        # a state's soldiers killed, wounded or captured with no owner named anywhere near: the state the report
        # is about, where it leaves no doubt ("RAWALPINDI: A soldier embraced martyrdom ..." in a report on
        # Pakistan's army); not a strength figure, whose state is as often the one troops are sent to
        topic = topic_country(words, once_enough=False)  # a state named once may be the attacker
        for f in figs:
            if (f.actor is None and f.kind == "casualties" and id(f) in state_forces and id(f) not in no_actor
                    and not _peacekeepers(f, words[f.sent])):
                if topic is None and not _foreign(words[f.sent], f):
                    # no state named: the state its places are in (the linker knows them)
                    f.open_owner = frozenset(attackers_of.get(id(f), ()))
                elif topic not in attackers_of.get(id(f), ()):
                    f.actor = topic
        inherit()
    return figs


ENEMY_WINDOW = 40  # words either side of an "enemy" figure read for the other side


def _enemy_of_reporter(named: _SentenceActors, words: list[str], f: Figure) -> str | None:
    """ "Armenia's Defense Ministry said it repelled an intrusion from Azerbaijan, killing seven enemy soldiers":
    the soldiers are the other side's, not the side named last before them; the other side is the nearest
    other owner the sentence names (places included: an enemy is often named by where it came from), else none."""
    reporter = named.actor(f, after=False)
    others = []
    k, stop = max(0, f.start - ENEMY_WINDOW), min(len(words), f.end + ENEMY_WINDOW)  # bounded: linear time
    while k < stop:
        code, end, _kind = _name_at(words, k, "cmoa")
        if code and code != reporter and not f.start <= k < f.end:
            others.append((k, code))
        k = max(end, k + 1)
    return min(others, key=lambda c: abs(c[0] - f.start))[1] if others else None


def _foreign(words: list[str], f: Figure) -> bool:
    """The figure or the words right after it say its soldiers are foreign there ("soldiers of the
    international security force", "coalition troops"): not the state whose places the text names."""
    return any(w.lower().startswith(MULTINATIONAL_WORDS) for w in words[f.start:min(len(words), f.end + 6)])


def _peacekeepers(f: Figure, words: list[str]) -> bool:
    """Peacekeepers belong to their mission or their contingent's state, never to the state they keep peace in."""
    return any(w.lower() in ("peacekeepers", "peacekeeper", "peacekeeping", "blue", "un", "u.n.")
               for w in words[f.start:f.end])


OWNED_FORCES = {"army", "military", "forces", "armed", "troops", "navy", "contingent", "marines", "soldiers",
                "peacekeepers", "servicemen", "personnel", "brigade", "battalion", "division", "units", "fighters",
                "army's", "military's", "navy's", "air", "defense", "defence", "junta"}
# (not "government": a government that condemns an attack owns no soldier of the next sentence)
# a state's institutions named without the state ("the army said"): the document's country's
GENERIC_INSTITUTIONS = {"army", "military", "army's", "military's", "junta"}
GENERIC_CUES = {"typically", "usually", "normally", "generally", "theoretically"}
MULTINATIONAL_WORDS = ("multinational", "international", "allied", "coalition", "foreign", "european", "western")
NATIONS_NOUNS = {"countries", "nations", "states", "member", "allies"}
ORIGIN_WORDS = {"from", "of"}  # "troops from 40 countries"; never "troops in 12 countries" (a place)


# nouns after an armed group's name that make it the owner of a force: "Taliban militants", "RSF fighters"
GROUP_FORCES = {"fighters", "militants", "rebels", "insurgents", "members", "gunmen", "terrorists", "forces",
                "militiamen", "jihadists", "units", "commanders"}


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
        owned = bool(out) and out[-1][0] == k - 1  # "British Marines": the adjective names the owner
        code, end = (None, k + 1) if owned or not words[k][:1].isupper() else _force_name_at(words, k)
        if code:
            out.append((k, code, "force"))
            k = end
            continue
        code, end, kind = actors.name_at(words, k, "caom")
        if code and kind in "ca" and end < len(words) and (lower[end] in OWNED_FORCES
                                                            or _named_force_follows(words, lower, end)):
            out.append((k, code, "force"))
        elif code and kind in "cm" and end + 1 < len(words) and lower[end] in ("'s", "’s") \
                and lower[end + 1] in OWNED_FORCES:
            out.append((k, code, "force"))  # "Sudan's army", "Kyiv's forces"
        elif code and kind in "cm" and _sends_forces(lower, end):
            out.append((k, code, "force"))  # "North Korea has sent troops to Russia"
        elif code and actors.is_armed_group(code) and end < len(words) and lower[end] in GROUP_FORCES:
            out.append((k, code, "force"))  # "Taliban militants stormed a checkpoint"
        elif code and kind == "o" and code in actors.ALLIANCES:
            out.append((k, code, ALLIANCE))
        elif (code is None and lower[k] in GENERIC_INSTITUTIONS and k > 0 and lower[k - 1] == "the"
              and not (k + 1 < len(words) and lower[k + 1] in ("of",))):
            out.append((k, TOPIC, "force"))
        k = end if code and end > k else k + 1
    return out


# the words between a state's name and a force noun in the proper names of state forces
FORCE_NAME_WORDS = {"national", "armed", "defence", "defense", "people", "'s", "’s", "security", "ground", "land",
                    "royal", "federal", "regular", "self", "territorial", "border", "republican", "popular"}


def _named_force_follows(words: list[str], lower: list[str], k: int) -> bool:
    """A force's proper name goes on after its country from ``words[k]``: one or two capitalised words
    of the proper names of state forces before a capitalised force noun ("Somali [National Army]",
    "Afghan [National Security Forces]", "Uganda [People's Defence Force]"). Not "Sudanese Rapid Support
    Forces" (a militia) or a headline's "Russia Says Ukrainian Forces"."""
    return any(k + n <= len(words) and words[k + n - 1][:1].isupper() and lower[k + n - 1] in OWNED_FORCES
               and all(lower[j] in FORCE_NAME_WORDS and (words[j][:1].isupper() or words[j] in ("'s", "’s"))
                       for j in range(k, k + n - 1))
               for n in (2, 3))


# verbs of sending or keeping a force: their subject owns it ("North Korea has sent troops to Russia")
SENDING = {"sent", "send", "sends", "sending", "deployed", "deploy", "deploys", "deploying", "dispatched", "dispatch",
           "dispatches", "dispatching", "stationed", "station", "stations", "stationing", "mobilised", "mobilized",
           "mobilising", "mobilizing", "committed", "pledged", "massed", "amassed"}
SENT_FORCES = {"troops", "soldiers", "forces", "personnel", "servicemen", "reservists", "conscripts", "marines",
               "paratroopers", "peacekeepers", "units", "brigades", "battalions", "divisions", "contingent"}


AUXILIARIES = {"has", "have", "had", "will", "would", "is", "was", "are", "were", "already", "also", "reportedly",
               "recently", "now", "since", "then", "still", "to", "plans", "planned", "agreed", "could", "may", "might"}


def _sender_before(words: list[str], lower: list[str], f: Figure) -> str | None:
    """The state or organisation named right before a verb of sending that governs the figure ("Turkey has
    sent 2,400 fighters from Syria"): their origin after "from" is where they come from."""
    for m in range(f.start - 1, max(-1, f.start - 4), -1):
        if lower[m] in SENDING:
            for k in range(max(0, m - 6), m):
                code, end, kind = actors.name_at(words, k, "cmo")
                if code and kind in "cmo" and (end == m or end < m and all(
                        w in AUXILIARIES for w in lower[end:m])):
                    return code
            return None
        if is_punct(lower[m]):
            return None
    return None


def _sends_forces(lower: list[str], end: int) -> bool:
    """A name ending at ``end`` is the subject of a verb of sending a force, with the force after it: "North
    Korea has sent troops", "Pyongyang has dispatched thousands of soldiers", "Britain will deploy more troops"."""
    verb = next((m for m in range(end, min(len(lower), end + 3)) if lower[m] in SENDING), None)
    if verb is None or any(is_punct(w) for w in lower[end:verb]):
        return False
    for m in range(verb + 1, min(len(lower), verb + 5)):
        if lower[m] in SENT_FORCES:
            return True
        if is_punct(lower[m]) or lower[m] in LOCATIVE:
            return False
    return False


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
            return any(x in ORIGIN_WORDS for x in after[max(0, k - 4):k - 1])
    return False


def topic_country(sentences: list[list[str]], *, once_enough: bool = True) -> str | None:
    """The state a document is about: named (as a place, a name or an adjective) in at least half
    of its mentions of states, and at least twice; or the only state it names, also once where
    ``once_enough``."""
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
    if len(counts) == 1:
        # the only state the document names: "Sudan's army said ... The army said"
        return top if once_enough or n >= 2 else None
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
    if between in (["and"], [","], [",", "and"]) and (
            _nonstate_force(lower, f) and _state_force(lower, prev)
            or _state_force(lower, f) and _nonstate_force(lower, prev)):
        return False  # "seven soldiers and five militants": the two sides of a fight, not one force
    return bool(SUBFIGURE_CUES.intersection(between)) or between in (["and"], [","], [",", "and"]) or \
        lower[f.end - 1] in ("others", "them", "whom")


def _document_actor(sentences: Sequence[Sequence[Token]], figs: list[Figure], nonstate: Collection[int] = (),
                    attackers: dict[int, set[str]] | None = None, state: Collection[int] = ()) -> None:
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
        if f.actor is None and (id(f) not in nonstate or actors.is_armed_group(actor)) and \
                (id(f) not in state or not actors.is_armed_group(actor)) and \
                actor not in (attackers or {}).get(id(f), ()):  # (a state's soldiers are no armed group's)
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
