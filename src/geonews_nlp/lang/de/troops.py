"""German troop-figure grammar (docs/troop-figures.md): pure functions over word lists.

The grammar reads sentences as lists of word strings, so it needs no tagger or
parser: German capitalises nouns, which is enough to find the head of the noun
phrase after a quantity. When the caller has a dependency parse it passes each
sentence's subject positions, which the actor resolver then prefers.

Steps, per sentence: find quantities (``numbers.scan_quantity``); find the head
of the noun phrase after each one, skipping adjectives, participles and a
participle's prepositional phrase (``knapp 10.000 in Deutschland stationierten
Soldaten``); keep military heads; merge a formation with the personnel that a
``mit``/``von``/``aus`` phrase gives it; accept bare numbers and ``davon``/``von
ihnen`` partitives as ellipses when a figure or military noun is near; then read
kind, actor and location.

Time is linear in the length of a sentence: what does not depend on the figure (the
sentence's force adjective, its armed group, its actor names) is read once per sentence,
and every look from a figure is either bounded by a window or a lookup in that index.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import lru_cache
from itertools import compress
from typing import Any

from ..acronyms import acronym_uses
from ..base import Figure, Quantity, Sentence
from ..common import all_quantities, clause_before, is_headline, is_punct, is_year
from ..discourse import ALLIANCE, TOPIC, WINDOW, Discourse
from . import actors
from .numbers import could_start_quantity, scan_number, scan_quantity, scan_sized

PERSONNEL_SUFFIXES = (
    "soldat", "soldaten", "soldatin", "soldatinnen", "truppen", "kämpfer", "kämpfern", "kämpferinnen",
    "söldner", "söldnern", "milizionäre", "milizionären", "rebellen", "rebell", "aufständische",
    "aufständischen", "dschihadisten", "extremisten", "terroristen", "reservisten", "reservistinnen",
    "rekruten", "wehrpflichtige", "wehrpflichtigen", "offiziere", "offizieren", "offizier", "generäle",
    "generälen", "generale", "blauhelme", "blauhelmen", "marines", "gis", "fallschirmjäger",
    "fallschirmjägern", "spezialkräfte", "spezialkräften", "militärs", "kriegsgefangene",
    "kriegsgefangenen", "einsatzkräfte", "einsatzkräften", "eingreifkräfte", "eingreifkräften",
    "sicherheitskräfte", "sicherheitskräften", "streitkräfte", "bewaffnete", "bewaffneten", "kombattanten",
    "partisanen", "gardisten", "matrosen", "fighters", "fighter", "troops", "soldiers", "peschmerga",
    "angehörige", "angehörigen", "scharfschützen", "elitekämpfer", "wehrdienstleistende",
    "wehrdienstleistenden", "grundwehrdiener", "grundwehrdienern", "islamisten", "taliban", "kommandeure",
    "kommandeuren", "major", "majors", "oberst", "obersten", "leutnant", "leutnants", "hauptmann", "feldwebel",
    "gefreite", "gefreiten", "gefreiter", "militärberater", "militärberatern",
)
# Military casualty nouns (docs/troop-figures.md, "More heads"): heads when the context is military.
CASUALTY_HEADS = {"schwerverletzte", "schwerverletzten", "leichtverletzte", "leichtverletzten", "schwerverwundete",
                  "schwerverwundeten", "tote", "toten", "todesopfer", "todesopfern", "gefallene", "gefallenen",
                  "verwundete",
                  "verwundeten", "verletzte", "verletzten", "opfer", "opfern", "verluste", "verlusten", "gefangene",
                  "gefangenen"}
# Words that make a casualty count one of civilians: "300 Tote, die meisten Zivilisten" is no figure.
CIVILIAN_WORDS = ("zivilist", "zivilbevölkerung", "einwohner", "bewohner", "menschen", "kinder", "passagier",
                  "erdbeben", "unfall")
# "Zug" is a platoon only as a whole word (Abzug, Rückzug, Umzug are not) and only in military context.
PLATOONS = {"zug", "züge", "zügen"}
# A contingent is a unit of personnel in military context ("ein Truppenkontingent"), a quota elsewhere.
CONTINGENTS = ("kontingent", "kontingente", "kontingenten")
GENERIC_PERSONS = {
    "personen", "frauen", "männer", "männern", "angehörige", "angehörigen", "mitglieder", "mitgliedern",
    "kameraden", "kameradinnen", "freiwillige", "freiwilligen", "sträflinge", "sträflingen", "häftlinge",
    "jugendliche", "jugendlichen", "leute", "leuten", "kräfte", "kräften", "helfer", "ausbilder",
    "mannschaften", "besatzungsmitglieder", "besatzungsmitgliedern", "aktive", "aktiven",
}
SINGULAR_PERSONNEL = ("soldat", "soldatin", "kämpfer", "söldner", "offizier", "rebell", "general",
                      "reservist", "rekrut", "blauhelm", "marine", "major", "oberst", "leutnant", "hauptmann",
                      "feldwebel", "gefreite", "gefreiter")
FORMATIONS = [  # (suffix, unit), longest first within a family
    ("brigaden", "brigade"), ("brigade", "brigade"), ("divisionen", "division"), ("division", "division"),
    ("bataillonen", "battalion"), ("bataillone", "battalion"), ("bataillons", "battalion"),
    ("bataillon", "battalion"), ("regimenter", "regiment"), ("regimentern", "regiment"),
    ("regiments", "regiment"), ("regiment", "regiment"), ("kompanien", "company"), ("kompanie", "company"),
    ("korps", "corps"), ("armeen", "army"), ("armee", "army"), ("kampfgruppen", "unit"),
    ("kampfgruppe", "unit"), ("battlegroups", "unit"), ("battlegroup", "unit"), ("verbänden", "unit"),
    ("verbände", "unit"), ("verband", "unit"), ("einheiten", "unit"), ("einheit", "unit"),
]
# Named units are organisations ("6. Jägerbrigade", "155. Brigade", "Bataillon Tornado", "Regiment Asow"),
# as the news gold labels them; spaCy token patterns, so pure data here.
_UNIT_SUFFIX = r"(?i)(brigade|division|bataillon|bataillons|regiment|regiments|korps|armee|flotte|geschwader|kompanie)$"
UNIT_NAME_PATTERNS: list[list[dict[str, Any]]] = [
    [{"TEXT": {"REGEX": r"^\d{1,3}\.$"}}, {"TEXT": {"REGEX": _UNIT_SUFFIX}, "IS_TITLE": True}],
    # the name must be one the NER marked: "Brigade Asow", never "Brigade Soldaten"
    [{"TEXT": {"IN": ["Bataillon", "Brigade", "Regiment", "Division", "Korps"]}},
     {"IS_TITLE": True, "ENT_TYPE": {"NOT_IN": [""]}}],
]
NOT_FORMATIONS = {"ordensbrigade", "maßeinheit", "maßeinheiten", "währungseinheit", "wiedervereinigung",
                  "interessenverband", "dachverband", "berufsverband", "landesverband", "bundesverband",
                  "verbandes", "sozialverband", "zeiteinheit", "zeiteinheiten", "einheitlich"}
CASUALTY_WORDS = (
    "getötet", "tot", "tote", "toten", "gefallen", "gefallene", "gefallenen", "starb", "starben", "sterben",
    "verwundet", "verletzt", "verletzte", "verletzten", "gefangen", "gefangene", "gefangenen",
    "gefangengenommen", "kriegsgefangen", "festgenommen", "verhaftet", "inhaftiert", "vermisst",
    "vermisste", "vermissten", "erschossen", "hingerichtet", "getöteten", "getötete", "umgekommen",
    "ums", "leben", "eliminiert", "verluste", "verlusten", "opfer", "getroffen", "festgesetzt",
    "todesopfer", "todesopfern", "opfern", "tod", "ausgeschaltet",
    # died of wounds ("an den Folgen ... gestorben", "seinen Verletzungen erlegen"); lost to the force
    # ("die russischen Ausfälle", "20.000 Mann ausgefallen": the military word for killed, wounded and captured)
    "gestorben", "verstorben", "erlegen", "erlag", "erlagen", "ausfälle", "ausfällen", "ausgefallen",
    # the dead as bodies ("die Leichen von 20 Soldaten"); taken by force ("entführt", "verschleppt", "Geiseln")
    "leiche", "leichnam", "entführt", "verschleppt", "geisel",
    # killed otherwise, and lost in accidents (the spec counts them); exchanged as prisoners
    "ermordet", "massakriert", "exekutiert", "enthauptet", "ertrunken", "verunglückt", "verschollen",
    "schwerverletzt", "leichtverletzt", "schwerverwundet",
    # released from captivity: they had been captured ("Freigelassen wurden 114 Soldaten")
    "freigelassen", "freigekommen", "freilassung", "freikam",
    # surrendered: taken by the enemy as a body ("die Kapitulation des Bataillons"), so captured
    "kapitul",
)
# "das Leben" is a casualty word with a verb that takes it ("forderte das Leben von 18 Soldaten", "kostete
# ... das Leben"); alone ("ums Leben") it already is one
LIFE_TAKING = ("forder", "kostet")
# "ließ 12 Soldaten frei", "kamen 230 Ukrainer frei": the separable "freilassen", "freikommen" in a main clause
RELEASE_VERBS = {"ließ", "ließen", "lässt", "lassen", "lasse", "ließe", "kam", "kamen", "kommt", "kommen", "käme",
                  "kämen"}
CASUALTY_EXACT = {"tot", "tote", "toten", "ums", "opfer", "starb", "starben", "sterben", "verluste",
                  "verlusten", "gefallen", "gefallene", "gefallenen", "todesopfer", "todesopfern", "opfern", "tod"}
_CASUALTY_PREFIXES = tuple(c for c in CASUALTY_WORDS if c not in CASUALTY_EXACT)
MILITARY_CONTEXT = (
    "armee", "militär", "streitkräfte", "front", "kämpf", "krieg", "truppe", "soldat", "bundeswehr", "nato",
    "einsatz", "stationier", "miliz", "dschihad", "terror", "rekrutier", "offensive", "brigade", "division",
    "bataillon", "söldner", "verteidigung", "angriff", "gefecht", "kaserne", "kontingent", "mission",
    "kampf", "waffe", "ausbild", "kommandeur", "einberuf", "einzuziehen", "eingezogen", "mobilisier",
    "wehrdienst", "wehrpflicht", "reservist",
)
# Nouns for a state's or group's forces: an adjective before them names the actor ("türkischen Militär").
FORCE_NOUNS = ("militär", "armee", "streitkräfte", "truppen", "kontingent", "friedenskontingent", "marine",
               "luftwaffe", "heer", "verteidigungsministerium", "regierung", "führung", "generalstab")
NON_PERSON_AFTER = {"%", "€", "$", "km", "m", "kg", "t", "mio", "mrd", "prozent", "uhr"}
LOCATION_PREPS = {"in", "nach", "an", "gegen", "zu", "zur", "zum", "im", "ins", "bei", "über", "für", "um",
                  "seit", "mit", "vor", "auf", "unter", "laut", "gegenüber", "durch", "zwischen", "am",
                  "aus", "von", "vom"}
PREPOSITIONS = LOCATION_PREPS | {"entlang", "nahe", "innerhalb", "außerhalb", "hinter", "neben", "während"}
ELLIPSIS_NEXT = {",", ".", ";", ":", ")", "–", "-", "aus", "von", "vom", "in", "im", "nach", "davon", "weitere",
                 "mehr", "sollen", "sind", "waren", "werden", "wurden", "seien", "sein", "bei", "zum", "zur",
                 "an", "und", "oder", "?", "!", "kamen", "kommen", "stammen", "stammten", "dienen"}
TIME_BEFORE = {"am", "seit", "jahr", "jahre", "jahren", "anno", "bis", "ab", "nr.", "nummer", "von", "vom",
               "um", "im", "mai", "juni", "juli", "januar", "februar", "märz", "april", "august",
               "september", "oktober", "november", "dezember"}
PARTITIVE = ("davon", "darunter")
INSURGENT_HEADS = ("rebellen", "aufständische", "aufständischen", "kämpfer", "kämpfern", "milizionäre",
                   "milizionären", "dschihadisten", "extremisten", "terroristen", "söldner", "söldnern")
SUBFIGURE_CUES = {"darunter", "ihnen", "denen", "davon"}
ARTICLES = {"der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines"}
MAX_NP = 8
MIXED = "<mixed>"  # a count of several states' soldiers with no common organisation: no actor
MAX_SKIP = 4  # names a casualty figure's actor search passes over (attackers)


def is_capitalised(word: str) -> bool:
    return word[:1].isupper()


# pure in the word (``numbers.could_start_quantity``), asked for every word of every sentence: cached
_could_start = lru_cache(maxsize=65536)(could_start_quantity)


@lru_cache(maxsize=65536)
def classify_head(word: str) -> tuple[str, str] | None:
    """(category, unit) for a noun: personnel, formation, generic or demonym; None otherwise."""
    w = word.lower().rstrip(".")
    if w in ("mann",):
        return ("personnel", "personnel")
    if w in CASUALTY_HEADS:
        return ("casualty", "personnel")
    if w in PLATOONS:
        return ("formation_ctx", "platoon")
    if w.endswith(CONTINGENTS):
        return ("formation_ctx", "unit")
    if "-" in w:
        tail = w.rsplit("-", 1)[1]
        if tail:
            found = classify_head(tail)
            if found:
                return found
    if w.endswith(PERSONNEL_SUFFIXES) and w not in ("angehörige", "angehörigen"):
        return ("personnel", "personnel")
    if w.endswith(("angehörige", "angehörigen")) and w not in ("angehörige", "angehörigen"):
        return ("personnel", "personnel")  # Bataillonsangehörige, Armeeangehörige
    if w in NOT_FORMATIONS:
        return None
    for suffix, unit in FORMATIONS:
        if w.endswith(suffix):
            return ("formation", unit)
    if w in GENERIC_PERSONS:
        return ("generic", "personnel")
    if actors.actor_from_demonym(w) is not None or w in actors.DEMONYMS:
        return ("demonym", "personnel")
    if is_capitalised(word) and actors.actor_from_adjective(w):
        return ("demonym", "personnel")  # "640 000 Südkoreanische"
    return None


@lru_cache(maxsize=65536)
def _military_word(word: str) -> bool:
    lw = word.lower()
    return any(k in lw for k in MILITARY_CONTEXT)


def is_military_context(words: list[str]) -> bool:
    return any(_military_word(w) for w in words)


def find_head(words: list[str], i: int) -> int | None:
    """Index of the noun-phrase head after position ``i``, skipping modifiers and a participle's PP."""
    in_pp = pp_noun = False
    k = i
    while k < len(words) and k < i + MAX_NP:
        w = words[k]
        lw = w.lower()
        if w.endswith("-") and k + 2 < len(words) and words[k + 1].lower() in ("und", "oder"):
            k += 2  # "Berufs- und Zeitsoldaten"
            continue
        if is_punct(w) and w not in ("„", "“", '"'):
            return None
        if w[:1].isdigit() and not in_pp:
            return None  # another quantity: "2014 mehr als 2.200 ...", "2.300 ihrer 4.500 Soldaten"
        if lw in ARTICLES and not in_pp:
            return None  # an article cannot follow a quantity inside its noun phrase
        if lw in PREPOSITIONS:
            in_pp, pp_noun = True, False
        elif not is_capitalised(w):
            if in_pp and pp_noun and len(lw) > 4 and lw.endswith(("e", "en", "er", "es", "em")):
                in_pp = False  # the participle closing the PP: "in Deutschland stationierten"
        elif in_pp:
            pp_noun = True
        elif actors.actor_from_adjective(w) and k + 1 < len(words) and is_capitalised(words[k + 1]):
            pass  # a capitalised adjective before its noun: "US-amerikanische Soldaten"
        else:
            return k
        k += 1
    return None


def _figure_from(q: Quantity, head: int, cat: str, unit: str, sent: int, words: list[str]) -> Figure:
    end = head + 1
    if end + 1 < len(words) and words[end].lower() in ("und", "oder") and classify_head(words[end + 1]):
        end += 2  # "Soldatinnen und Soldaten"
    elif (end + 2 < len(words) and words[end].lower() == "und" and actors.actor_from_adjective(words[end + 1])
          and (classify_head(words[end + 2]) or ("",))[0] == "personnel"):
        end += 3  # one count of two forces: "mehrere Dutzend malische Soldaten und russische Söldner"
    if cat in ("formation", "formation_ctx"):
        return Figure(sent, q.start, end, None, None, "exact" if q.qualifier != "vague" else "vague",
                      unit, q.value, head=head, needs_context=cat == "formation_ctx")
    return Figure(sent, q.start, end, q.value, q.value_max, q.qualifier, "personnel", None, head=head,
                  needs_context=cat in ("generic", "demonym", "casualty"))


# A number that names a thing, not a count: "Resolution 1244", "Artikel 5", "Drucksache 18/5054".
DESIGNATIONS = {"nr.", "nummer", "resolution", "artikel", "paragraf", "paragraph", "absatz", "seite", "kapitel",
                "drucksache", "ziffer", "band", "flug", "gleis", "zimmer", "rang", "platz"}
# Head-first figures (docs/troop-figures.md): "die Zahl der Reservisten von 120.000 auf 260.000",
# "eine Truppenstärke von 200.000": the number after one of these prepositions counts the head before it.
HEAD_FIRST_PREPS = {"von", "auf", "mit", "bei", "um"}
STRENGTH_NOUNS = ("truppenstärke", "personalstärke", "sollstärke", "iststärke", "gesamtstärke",
                  "mannschaftsstärke", "truppenumfang")
MILITARY_CATS = ("personnel", "formation", "casualty")


def _head_first_index(words: list[str], lower: list[str]) -> list[int]:
    """For each position: the last military head noun before it not counted by a number of its own
    (``Reservisten`` in "die Zahl der Reservisten von 120.000"), with no punctuation between; else -1.
    Read once a sentence."""
    out = [-1] * (len(words) + 1)
    last = -1
    for k, w in enumerate(words):
        out[k] = last
        role = _head_first_role(w)
        if role == _PUNCT:
            last = -1
        elif role == _HEAD:
            last = -1 if k > 0 and words[k - 1][:1].isdigit() else k
    out[len(words)] = last
    return out


_PUNCT, _HEAD, _OTHER = 0, 1, 2


@lru_cache(maxsize=65536)
def _head_first_role(word: str) -> int:
    """What a word is to ``_head_first_index`` (pure in the word: cached): punctuation, a military head, other."""
    if is_punct(word):
        return _PUNCT
    if is_capitalised(word) and (word.lower().endswith(STRENGTH_NOUNS) or
                                 (classify_head(word) or ("",))[0] in MILITARY_CATS[:2]):
        return _HEAD
    return _OTHER


ADJECTIVE_ENDINGS = ("e", "en", "er", "es", "em")


def _modifiers_before(words: list[str], lower: list[str], head: int) -> int:
    """Where a head-first figure's noun phrase starts: German puts attributive adjectives and participles
    before their noun, so "die Zahl getöteter ukrainischer Soldaten" is the phrase of "Soldaten" from
    "getöteter" on, and the adjective that names the owner is the figure's own (bounded: 3 words)."""
    k = head
    while k > 0 and head - k < 3:
        w, lw = words[k - 1], lower[k - 1]
        if is_punct(w) or lw in ARTICLES or lw in PREPOSITIONS or w[:1].isdigit() or len(lw) < 4:
            break
        if not lw.endswith(ADJECTIVE_ENDINGS) or (is_capitalised(w) and not actors.actor_from_adjective(w)):
            break
        k -= 1
    return k


def _count_not_year(words: list[str], lower: list[str], q: Quantity, head: int) -> bool:
    """A year-like number that counts: before a nationality adjective and its head, after a verb or at the
    start ("Russland hat 2000 ukrainische Kriegsgefangene freigelassen"). A year stands after a preposition or
    a conjunction ("seit 2014 russische Truppen"), and a year opening a main clause is followed by its verb."""
    if head != q.end + 1 or not actors.actor_from_adjective(words[q.end]):
        return False
    prev = lower[q.start - 1] if q.start > 0 else ""
    return not (prev in TIME_BEFORE or prev in PREPOSITIONS or prev in SUBORDINATORS or prev in RELATIVES
                or prev in COORDINATORS or is_punct(prev) and prev != "")


def _is_age(words: list[str], q: Quantity) -> bool:
    """``Sraja Elbom (21)``, ``Tzvika Lavi, 30,``: a small number set off after a name is an age."""
    if q.value >= 120 or q.start < 2 or q.end >= len(words):
        return False
    opener, closer, name = words[q.start - 1], words[q.end], words[q.start - 2]
    return ((opener, closer) in (("(", ")"), (",", ",")) and is_capitalised(name) and not is_punct(name)
            and classify_head(name) is None and actors.country_from_name(name) is None)


def _is_clock(words: list[str], lower: list[str], q: Quantity) -> bool:
    """``fünf nach zwölf``, ``fünf vor zwölf``: a time of day, not a count."""
    if q.start >= 2 and lower[q.start - 1] in ("vor", "nach") and scan_number(words, q.start - 2) is not None \
            and q.value <= 24:
        return True
    if q.end + 1 < len(words) and lower[q.end] in ("vor", "nach") and q.value <= 30:
        b = scan_number(words, q.end + 1)
        return b is not None and b.value <= 24 and (b.end >= len(words) or not is_capitalised(words[b.end]))
    return False


def figures_in_sentence(words: list[str], sent: int, ends: frozenset[int] = frozenset()) -> list[Figure]:
    """Figures with their own head noun, and bare ellipsis candidates (``elliptic=True``).

    ``ends``: positions of numbers a sentence ends after, where the splitter missed the full stop
    ("... mit mehr als 60.000. Hinzu kämen ...")."""
    figs: list[Figure] = []
    lower = [w.lower() for w in words]
    head_first = _head_first_index(words, lower)
    counted: set[int] = set()  # heads counted by a number of their own
    first_use: set[int] = set()  # head-first heads already given a number
    named_end = -1  # after a numbered unit name: "Bataillone 313 und 373"
    other_noun = False  # the last counted noun was no military one: "3500 Kampfpanzer (Südkorea 2750)"
    for q in all_quantities(words, scan_quantity, _could_start):
        if q.end < len(words) and lower[q.end] in NON_PERSON_AFTER:
            continue
        if (q.start > 0 and words[q.start - 1] == "/") or (q.end < len(words) and words[q.end] == "/"):
            continue  # a reference number: "18/5054"
        head = None if q.end - 1 in ends else find_head(words, q.end)
        if q.start > 0 and words[q.start][:1].isdigit() and (head is None or classify_head(words[head]) is None) \
                and (lower[q.start - 1].rsplit("-", 1)[-1] in DESIGNATIONS
                     or (classify_head(words[q.start - 1]) or ("", ""))[0] == "formation"
                     or q.start - 1 == named_end and lower[q.start - 1] in ("und", "sowie", "oder", ",")):
            # "Panzerbrigade 45", "Bataillone 313 und 373" (unit names are numbered with digits),
            # "UNO-Resolution 1244"; not "der Armee 14 Tote", "auf Seite 20 Todesopfer"
            named_end = q.end
            continue
        if head is not None and classify_head(words[head]) is None and head + 1 < len(words) \
                and is_capitalised(words[head + 1]) and classify_head(words[head + 1]):
            head += 1  # a head written as two capitalised words: "Foreign Fighters"
        if head is not None:
            cls = classify_head(words[head])
            if cls is None and not is_year(q, words) and not q.article:  # "ein Drittel (61 000)" counts no thing
                other_noun = q.start == 0 or lower[q.start - 1] not in PREPOSITIONS
            if cls is None or (is_year(q, words) and head != q.end and not _count_not_year(words, lower, q, head)):
                continue
            cat, unit = cls
            if head + 2 < len(words) and lower[head + 1] in ("und", "oder", "sowie") and \
                    lower[head + 2].startswith(("zivilist", "zivilpersonen")):
                continue  # soldiers and civilians in one count, no military share (docs/troop-figures.md)
            if cat == "formation" and unit == "unit" and q.value > 100:
                continue  # "380 andere Einheiten, darunter Autos"
            if q.article:
                w = lower[head]
                if lower[q.start] == "eines" and not (q.start > 0 and lower[q.start - 1].startswith(
                        ("tod", "tötung", "verlust", "gefangennahme", "verwundung"))):
                    continue  # but a casualty noun's genitive: "den Tod eines Soldaten"
                singular = w.endswith(SINGULAR_PERSONNEL) or "-" in w and w.rsplit("-", 1)[1].endswith(
                    SINGULAR_PERSONNEL)
                if cat == "personnel" and lower[q.start] != "eines" and not singular:
                    continue
                if cat in ("generic", "demonym", "casualty") or unit == "platoon":
                    continue
            other_noun = False
            counted.add(head)
            figs.append(_figure_from(q, head, cat, unit, sent, words))
            continue
        nxt = "." if q.end - 1 in ends else lower[q.end] if q.end < len(words) else "."
        partitive = nxt in PARTITIVE or (nxt == "von" and q.end + 1 < len(words)
                                         and lower[q.end + 1] in ("ihnen", "denen"))
        if q.article or is_year(q, words) and not partitive:
            continue  # a year is no count, but "rund 2000 von ihnen" is
        prev = lower[q.start - 1] if q.start > 0 else ""
        # a change: "von 4700 auf 3600 Soldaten": the first number counts the second's head
        later = scan_quantity(words, q.end + 1) if nxt == "auf" else None
        later_head = find_head(words, later.end) if later is not None else None
        later_cls = classify_head(words[later_head]) if later_head is not None else None
        if later_cls is not None and later_cls[0] in MILITARY_CATS and later_head is not None:
            f = _figure_from(q, later_head, *later_cls, sent, words)
            figs.append(replace(f, end=q.end, needs_context=False))
            continue
        # a head-first figure: "die Zahl der Reservisten von 120.000", "Truppenstärke ... zunächst von 2.000"
        hf = head_first[q.start]
        via = prev in HEAD_FIRST_PREPS or (q.start > 1 and lower[q.start - 2] in HEAD_FIRST_PREPS
                                           and not is_capitalised(words[q.start - 1]))
        if hf >= 0 and hf not in counted and via and q.start - hf <= MAX_NP:
            cls = classify_head(words[hf]) or ("personnel", "personnel")
            first = hf not in first_use
            first_use.add(hf)
            start = _modifiers_before(words, lower, hf) if first else q.start
            if cls[0] == "formation":
                figs.append(Figure(sent, start, q.end, None, None, "exact", cls[1], q.value, head=hf,
                                   elliptic=not first))
            else:
                figs.append(Figure(sent, start, q.end, q.value, q.value_max, q.qualifier, "personnel", None,
                                   head=hf, elliptic=not first))
            continue
        talk = prev == "von" and nxt == "die" and q.end + 1 < len(words) and lower[q.end + 1] == "rede"
        if (prev in TIME_BEFORE and not talk) or (prev and prev[-1:].isdigit()):
            continue  # but "war von 20 000 die Rede": the number talked of
        if _is_age(words, q) or _is_clock(words, lower, q):
            continue
        if partitive:
            end = q.end + (2 if nxt == "von" else 1)
            figs.append(Figure(sent, q.start, end, q.value, q.value_max, q.qualifier, "personnel", None,
                               elliptic=True))
            continue
        if other_noun:
            continue  # the ellipsis counts the last counted noun, which is no soldier: "Millionen mussten fliehen"
        if nxt in ELLIPSIS_NEXT or (not is_capitalised(nxt) and not nxt[:1].isdigit()):
            end = q.end + 1 if nxt in ("weitere", "mehr") else q.end
            figs.append(Figure(sent, q.start, end, q.value, q.value_max, q.qualifier, "personnel", None,
                               elliptic=True))
    sized = _sized_figures(words, lower, sent)
    if sized:
        taken = {k for g in sized for k in range(g.start, g.end)}
        figs = sorted([g for g in figs if g.start not in taken] + sized, key=lambda g: g.start)
    return [_valency_uber(words, lower, f) for f in _merge_formations(words, figs, lower)]


def _valency_uber(words: list[str], lower: list[str], f: Figure) -> Figure:
    """``verfügen über`` takes its object with "über" ("Russland verfüge über zwei Millionen Reservisten"):
    there "über" is the verb's preposition, not "more than" (bounded: 3 words back)."""
    if f.qualifier == "min" and lower[f.start] == "über" and f.start + 1 < f.end and any(
            lower[k].startswith("verfüg") for k in range(max(0, f.start - 3), f.start)):
        rest = scan_quantity(words, f.start + 1)  # "verfügt über mehr als 5000 Soldaten": min all the same
        return replace(f, start=f.start + 1, qualifier=rest.qualifier if rest is not None else "exact")
    return f


# Heads a size compound counts the members of ("eine 500-köpfige Einheit", "die 2.000-Mann-Truppe").
MANNED_SUFFIXES = ("truppe", "kontingent", "streitmacht", "einsatzgruppe", "spezialeinheit")


def _manned_head(word: str) -> str | None:
    """The formation unit (or "personnel") of a head a size compound may count, else None."""
    cls = classify_head(word)
    if cls is not None and cls[0] in ("personnel", "formation"):
        return cls[1]
    return "personnel" if word.lower().endswith(MANNED_SUFFIXES) else None


def _sized_figures(words: list[str], lower: list[str], sent: int) -> list[Figure]:
    """A size written into an adjective or compound (``numbers.scan_sized``): its count of personnel.

    ``2.000-Mann-Truppe`` → 2000 personnel; a formation head is counted too, as in ``eine Kompanie mit
    90 Soldaten`` (one figure per noun phrase): ``die 90-köpfige Kompanie`` → count 90, company,
    unit_count 1 (the number before it where there is one: ``zwei 500-köpfige Einheiten`` → 2).
    The head must be military (a personnel or formation
    noun, Truppe, Kontingent): ``eine zehnköpfige Delegation`` is no figure."""
    out: list[Figure] = []
    for k, lw in enumerate(lower):
        if "köpfig" not in lw and "-mann" not in lw:
            continue
        found = scan_sized(words, max(0, k - 1)) if k > 0 else None
        if found is None or found[0].end != k + 1:
            found = scan_sized(words, k)
        if found is None:
            continue
        q, rest = found
        if rest:
            head, unit = k, _manned_head(rest)
        else:
            head_at = find_head(words, q.end)
            head, unit = (head_at, _manned_head(words[head_at])) if head_at is not None else (k, None)
        if unit is None:
            continue
        start, unit_count = q.start, None
        if unit != "personnel":  # one formation of that size, or as many as a number before it says
            before = scan_number(words, q.start - 1) if q.start > 0 else None
            if before is not None and before.end == q.start:
                start, unit_count = q.start - 1, before.value
            else:
                unit_count = 1
        out.append(Figure(sent, start, head + 1, q.value, None, q.qualifier, unit, unit_count, head=head))
    return out


def _merge_formations(words: list[str], figs: list[Figure], lower: list[str] | None = None) -> list[Figure]:
    """``vier Brigaden mit 12.000 Soldaten``: one figure; ``ein Bataillon an Leopard-2-Panzern``: none."""
    out: list[Figure] = []
    if not figs:
        return out
    skip: set[int] = set()
    lower = [w.lower() for w in words] if lower is None else lower
    pending: list[Figure] = []  # a list of formations before this one: "zwei Bataillone und eine Panzerbrigade"
    for n, f in enumerate(figs):
        if n in skip:
            continue
        if f.unit == "personnel" or f.elliptic or f.count is not None:
            out.extend(pending)
            pending = []
            out.append(f)
            continue
        nxt = figs[n + 1] if n + 1 < len(figs) else None
        if nxt is not None and nxt.unit != "personnel" and not nxt.elliptic and nxt.count is None and \
                nxt.start > f.end and all(lower[k] in FORMATION_LIST_JOINS for k in range(f.end, nxt.start)):
            pending.append(f)  # the list's last formation reads the personnel phrase for all of it
            continue
        list_start = pending[0].start if pending else f.start
        gap_end = min(len(words), f.end + MAX_NP)
        link = None
        for k in range(f.end, gap_end):
            if is_punct(words[k]):
                break
            if lower[k] in ("mit", "von", "aus", "umfasst", "umfassen", "an"):
                if lower[k] == "an" and k + 1 < len(words) and lower[k + 1] in ARTICLES:
                    break  # a place, not equipment: "eine Brigade an die Ostflanke"
                link = k
                break
        if link is None:
            out.extend([*pending, f])
            pending = []
            continue
        partner = None  # figures are in text order: the first after the link, at most 3 words on
        for m in range(n + 1, len(figs)):
            if figs[m].start > link + 3:
                break
            if figs[m].start > link:
                partner = m
                break
        if partner is not None and figs[partner].unit == "personnel" and not figs[partner].elliptic:
            p = figs[partner]
            # one figure per quantity: a list of formations sharing the count is one figure, with the
            # unit of the formation nearest the count (docs/troop-figures.md)
            out.append(replace(p, start=list_start, unit=f.unit, unit_count=f.unit_count, needs_context=False))
            skip.add(partner)
        elif lower[link] == "an" or (k := link + 1) < len(words) and (
                lower[k] == "je" or scan_quantity(words, k) is not None or
                is_capitalised(words[k]) and classify_head(words[k]) is None):
            pass  # equipment: "ein Bataillon an Leopard-2-Panzern", "mit je 40 Kampfpanzern"
        else:
            out.extend([*pending, f])
        pending = []
    out.extend(pending)
    return out


FORMATION_LIST_JOINS = {"und", "sowie", "oder", ","}




# Clause boundaries (docs/troop-figures.md, "Kind"): a comma or coordinator that opens another clause.
SUBORDINATORS = {"dass", "weil", "da", "während", "nachdem", "als", "wenn", "ob", "obwohl", "obgleich",
                 "bevor", "seit", "seitdem", "sodass", "damit", "wobei", "wo", "wie", "falls", "indem",
                 "ehe", "bis", "nun", "zumal", "weshalb", "weswegen", "woraufhin"}
RELATIVES = {"der", "die", "das", "dem", "den", "deren", "dessen", "denen", "welche", "welcher", "welchen",
             "welchem", "welches"}
COORDINATORS = {"und", "oder", "sowie"}
ADVERSATIVES = {"aber", "sondern", "doch", "jedoch", "denn"}  # open a clause with or without a comma
CLAUSE_OPENERS = SUBORDINATORS | RELATIVES | COORDINATORS | ADVERSATIVES | set(PARTITIVE)
# Verbs that make their object (or, for verloren/fallen, their subject) a casualty figure.
KILL_ACTIVE = {"töten", "tötet", "tötete", "töteten", "tötest", "tötetet"}
LOSS_VERBS = ("verlor", "verlier")  # verlor, verloren, verlieren, verliert
FALL_VERBS = {"fallen", "fiel", "fielen", "fällt"}
SEPARABLE_FALL = {"ein", "aus", "weg", "zurück", "auf", "an", "um"}  # einfallen (invade), ausfallen, ...
HAVE_FORMS = {"hat", "haben", "hatte", "hatten", "habe", "hätten", "hätte", "habt"}
PASSIVE_FORMS = {"wurde", "wurden", "worden", "werden", "wird", "sind", "seien", "waren", "ist", "sei", "war"}
SUBJECT_PRONOUNS = {"sie", "er", "wir", "man", "ihr"}
FINITE_DYING = {"starb", "starben"}  # ("fielen" may be "fielen ... ein": invaded)
KIND_LEFT, KIND_RIGHT = 6, 20  # the clause is read within this window: bounded, so linear in the sentence


def _opens_clause(words: list[str], lower: list[str], k: int) -> bool:
    """Whether ``words[k]`` (after a comma or coordinator) begins another clause or figure: a conjunction,
    a relative pronoun (also after a preposition: "von denen"), a partitive, or a quantity."""
    if k >= len(words):
        return False
    w = lower[k]
    if w in CLAUSE_OPENERS or could_start_quantity(words[k]) and scan_quantity(words, k) is not None:
        return True
    return w in PREPOSITIONS and k + 1 < len(words) and lower[k + 1] in RELATIVES


# conjunctions that open a subordinate clause before the main one ("Nachdem zwei Zivilisten getötet wurden,
# schickte die Regierung 3000 Soldaten": the dead are the subordinate clause's, not the figure's)
OPENING_SUBORDINATORS = SUBORDINATORS | {"seit", "seitdem", "bevor", "ehe", "sobald", "solange", "falls", "indem"}


def _ends_subordinate_opening(words: list[str], k: int) -> bool:
    """The comma at ``words[k]`` closes a subordinate clause that opens the sentence (its first word a
    subordinating conjunction, no comma before this one)."""
    return bool(words) and words[0].lower() in OPENING_SUBORDINATORS and "," not in words[1:k]


def clause_bounds(words: list[str], start: int, end: int) -> tuple[int, int]:
    """The words ``[lo, hi)`` of the clause around ``words[start:end]``, within KIND_LEFT/KIND_RIGHT words.

    Boundaries: ``;``; ``:`` after the figure; an adversative (aber, sondern, doch, jedoch, denn); a
    comma, ``und``, ``oder`` or ``sowie`` before a word that opens another clause or figure (see
    ``_opens_clause``); and on the left a comma or coordinator directly before the clause. A relative
    clause right after the figure ("300 Soldaten, die ... getötet wurden") is the figure's own and is read.
    """
    lower = [w.lower() for w in words[max(0, start - KIND_LEFT - 1):min(len(words), end + KIND_RIGHT + 2)]]
    base = max(0, start - KIND_LEFT - 1)
    low = [""] * base + lower  # index by sentence position (only the window is lowered)
    lo = start
    for k in range(start - 1, max(-1, start - KIND_LEFT - 1), -1):
        w = low[k]
        if w in (";",) or w in ADVERSATIVES:
            break
        if w in COORDINATORS and k + 1 == start:
            break  # "12 Soldaten getötet und 300 verlegt": the 300 opens its own conjunct
        if w in (",", "–") and (_opens_clause(words, low, k + 1) or _ends_subordinate_opening(words, k)):
            lo = k + 1
            break
        lo = k
    hi = end
    limit = min(len(words), end + KIND_RIGHT)
    item_end = _attribute_end(words, low, end, limit)  # where the figure, or the list it is an item of, ends
    k = end
    while k < limit:
        w = low[k]
        if w in (";", ":") or w in ADVERSATIVES:
            break
        if (w == "," and k == item_end and k + 3 < limit and low[k + 1] in ("aber", "sondern")
                and low[k + 2] == "auch" and (q := scan_quantity(words, k + 3)) is not None):
            head = find_head(words, q.end)  # "13 Kämpfer, aber auch zwei Soldaten wurden getötet": one
            if head is not None:            # predicate for both figures, no clause of its own
                hi = item_end = k = min(head + 1, limit)
                continue
        if w == "," and k - 2 >= end and low[k - 2] == "zu" and words[k - 1][:1].islower() and words[k - 1].isalpha():
            break  # a zu-infinitive ends at its comma: "begann, 12 000 Soldaten nach Russland zu schicken, gibt es"
        if w in (",", "–") + tuple(COORDINATORS) and _opens_clause(words, low, k + 1):
            nxt = low[k + 1]
            if k == item_end and nxt in RELATIVES and w == ",":
                pass  # the figure's own relative clause: "300 Soldaten, die ... getötet wurden"
            elif k == item_end and nxt in SUBFIGURE_CUES | {"unter"} and w == ",":
                # an inserted part: "acht Soldaten, darunter der Kommandeur, wurden festgenommen"
                j = next((j for j in range(k + 1, limit) if low[j] in (",", ";", ":", ".")), limit)
                if j >= limit or low[j] != ",":
                    break
                hi = item_end = k = j
                continue
            elif k == item_end and (q := scan_quantity(words, k + 1)) is not None:
                head = find_head(words, q.end)  # a list of figures sharing the verb: "14 Aufständische,
                if head is None:                # sieben Zivilisten und acht Soldaten wurden getötet"
                    break
                hi = item_end = k = min(head + 1, limit)
                continue
            else:
                break
        hi = k + 1
        k += 1
    return lo, hi


ATTRIBUTE_PREPS = {"von", "vom", "aus", "der", "des"}


def _attribute_end(words: list[str], low: list[str], end: int, limit: int) -> int:
    """The end of a figure's noun phrase with its attribute after it ("14 Mitglieder von Al-Shabaab", "15
    Kämpfer der SDF"): a list of figures sharing a verb runs on after it ("... sowie ein Soldat getötet")."""
    k = end
    if k < limit and low[k] in ATTRIBUTE_PREPS:
        k += 1
        while k < limit and low[k] in ARTICLES:
            k += 1
        j = k
        while j < limit and j - k < 2 and is_capitalised(words[j]) and not is_punct(words[j]):
            j += 1
        if j > k:
            return j
    return end


def _active_kill_has_object(words: list[str], lower: dict[int, str], lo: int, f_start: int, verb: int) -> bool:
    """An active "töten" whose object is the figure: the verb before the figure ("Russland tötete drei
    Soldaten"), or after it with a subject before the figure (", dass russische Truppen drei Soldaten
    töteten"); "300 Soldaten töteten zwei Zivilisten" has the figure as subject."""
    if verb < f_start:
        return True
    if lower.get(verb + 1) == "zu" or lower.get(verb - 1) == "zu":
        return True  # a zu-infinitive has no subject of its own: "Dutzende Kämpfer getötet zu haben", "... zu töten"
    for k in range(lo, f_start):
        if lower[k] in SUBJECT_PRONOUNS:
            return True
        if is_capitalised(words[k]) and k > lo and not (
                lower[k - 1] in PREPOSITIONS or k >= 2 and lower[k - 2] in PREPOSITIONS):
            return True
        if is_capitalised(words[k]) and k == lo and lo > 0 and lower[lo - 1] == ",":
            return True  # a subordinate clause's first word: ", Russland habe ..."
        if (k == lo == 0 and is_capitalised(words[k]) and lower[k] not in PREPOSITIONS
                and any(lower.get(j) in HAVE_FORMS for j in range(k + 1, f_start))):
            return True  # the sentence's first word, before the auxiliary: "Israel hat 300 Kämpfer getötet"
    return False


def casualty_cue(words: list[str], start: int, end: int) -> int | None:
    """The position of a word in the figure's clause that makes it a casualty figure, else None.

    Casualty words (getötet, verletzt, gefangen, Tote, ums Leben, ...); the loss verbs ``verlieren``
    (who loses soldiers: "hat 300 Soldaten verloren") and ``fallen`` ("fielen 300 Soldaten", not
    "fielen ... ein"); an active ``töten`` (or ``hat ... getötet``) only with the figure as its object.
    """
    lo, hi = clause_bounds(words, start, end)
    lower = {k: words[k].lower() for k in range(max(0, lo - 2), hi)}
    active = any(lower[k] in HAVE_FORMS for k in range(lo, hi)) and \
        not any(lower[k] in PASSIVE_FORMS for k in range(lo, hi))
    for k in range(lo, hi):
        lw = lower[k]
        if lw in KILL_ACTIVE or active and lw.startswith("getötet") and not (start <= k < end):
            if _active_kill_has_object(words, lower, lo, start, k):
                return k
            continue
        if lw.startswith(LOSS_VERBS):
            return k
        if lw in FALL_VERBS:
            last = hi - 2 if is_punct(words[hi - 1]) else hi - 1  # the clause's last word
            if last > k and lower[last] in SEPARABLE_FALL:
                continue  # "fielen ... ein": einfallen (invade)
            return k
        if lw in CASUALTY_EXACT or lw.startswith(_CASUALTY_PREFIXES):
            if lw == "leben" and (k == 0 or words[k - 1].lower() != "ums") and not any(
                    lower[j].startswith(LIFE_TAKING) for j in range(lo, hi)):
                continue
            return k
        if lw == "frei" and (k + 1 >= len(words) or is_punct(words[k + 1])) and any(
                lower[j] in RELEASE_VERBS for j in range(lo, hi)):
            return k  # "ließ 12 Soldaten frei": released from captivity, so they had been captured
    # the finite verb of a main clause stands second, its object may follow a long middle field: "töteten bei
    # dreitägigen Kämpfen nach eigenen Angaben mehrere Dutzend Soldaten", "Dabei starben nach Angaben von ...
    # zehn Soldaten"; and a partitive of casualties opening the clause: "Unter den Verletzten ist ... ein Soldat"
    ext = _main_clause_start(words, lo)
    for k in range(ext, lo):
        lw = words[k].lower()
        if lw in KILL_ACTIVE or lw in FINITE_DYING:
            return k
        if lw == "unter" and k + 2 < lo and words[k + 1].lower() in ("den", "diesen") and \
                words[k + 2].lower() in CASUALTY_HEADS:
            return k + 2
        if lw in CASUALTY_HEADS and start > 0 and words[start - 1].lower() in ("auf", "mit"):
            return k  # the number a casualty noun is put at: "hatte die Todesopfer ... auf 9000 Soldaten beziffert"
    return None


ATTACK_SUFFIXES = ("angriff", "angriffe", "angriffen", "angriffs", "beschuss", "beschusses", "attacke",
                   "attacken", "bombardement", "bombardements", "offensive", "anschlag", "anschlags",
                   "anschläge", "anschlägen", "schlag", "schlags", "schläge", "schlägen", "hinterhalt",
                   "vorstoß", "feuer", "feuers", "bombardierung", "bombardierungen")
AGENT_PREPS = {"von", "vom", "durch"}


def _actor_word(word: str) -> str | None:
    return (actors.actor_from_prefix(word) or actors.actor_from_adjective(word)
            or (_name_at([word], 0)[0] if is_capitalised(word) else None))


def attackers(words: list[str], f: Figure, lo: int, hi: int, cue: int | None) -> set[str]:
    """The actors that inflicted a casualty figure's losses, read in its clause ``[lo, hi)``: an attack
    noun's adjective, compound or genitive ("bei einem russischen Angriff", "durch US-Luftangriffe",
    "bei einem Angriff Russlands"), the agent of a passive ("von russischen Truppen getötet"), and with
    an active "töten" every actor of the clause outside the figure ("Russland tötete 300 Soldaten")."""
    out: set[str] = set()
    if cue is not None and cue < lo:
        lo = _main_clause_start(words, lo)  # the cue is the main clause's finite verb, far before the figure
    out |= first_field_attackers(words, lo)
    lower = {k: words[k].lower() for k in range(lo, hi)}
    cue_word = lower.get(cue, "") if cue is not None else ""
    active_kill = cue_word in KILL_ACTIVE or cue_word.startswith("getötet") and \
        any(w in HAVE_FORMS for w in lower.values()) and not any(w in PASSIVE_FORMS for w in lower.values())
    if cue_word.startswith("getötet") and not active_kill and not any(w in PASSIVE_FORMS for w in lower.values()):
        # a perfect whose auxiliary stands far before the figure: German puts the subject and the finite verb
        # first and the participle last ("Die Taliban haben bei Angriffen in zwei Provinzen 20 Soldaten
        # getötet"); the subject before the auxiliary (the Vorfeld) killed them, an object after it did not
        ext = _main_clause_start(words, lo)
        pre = [words[k].lower() for k in range(ext, lo)]
        v = next((i for i, w in enumerate(pre) if w in HAVE_FORMS), None)
        if v is not None and not any(w in PASSIVE_FORMS for w in pre):
            if pre[0] in PREPOSITIONS:  # an adverbial first ("Im Krisenland Myanmar haben Rebellen ..."): the
                subject = words[ext + v + 1:min(f.start, ext + v + 4)]  # subject follows the auxiliary
                out.update(a for a in map(_actor_word, subject) if a)
            else:
                out.update(a for a in map(_actor_word, words[ext:ext + v]) if a)
    for k in range(lo, hi):
        if f.start <= k < f.end:
            continue
        lw = lower[k]
        if active_kill:
            found = _actor_word(words[k])
            if found:
                out.add(found)
            continue
        if is_capitalised(words[k]) and lw.endswith(ATTACK_SUFFIXES):
            out |= _attack_owners(words, k, lo, hi, f)
        elif lw in AGENT_PREPS and k >= f.end:  # the agent: "von russischen Truppen getötet"
            for m in range(k + 1, min(hi, k + 4)):
                found = _actor_word(words[m])
                if found:
                    out.add(found)
                    break
                if is_capitalised(words[m]) or is_punct(words[m]):
                    break  # the agent's noun ends the phrase: "von den Truppen" names no one
    return out


# attacks on others, not a side's own operation ("bei der türkischen Offensive" also kills Turkish soldiers)
STRIKE_NOUNS = ("angriff", "angriffs", "anschlag", "anschlags", "beschuss", "beschusses", "attacke", "bombardement",
                "bombardierung", "hinterhalt")


def first_field_attackers(words: list[str], lo: int) -> set[str]:
    """Who carried out an attack named before the clause that starts at ``words[lo]``, in the first field
    of its sentence ("Bei dem Angriff der Taliban auf eine Militärbasis in der Provinz Balch sind 140
    Soldaten getötet worden": Taliban)."""
    out: set[str] = set()
    start = _main_clause_start(words, lo)
    for k in range(start, lo):
        if is_capitalised(words[k]) and words[k].lower().endswith(STRIKE_NOUNS):
            out |= _attack_owners(words, k, start, lo)
    return out


def _attack_owners(words: list[str], k: int, lo: int, hi: int, f: Figure | None = None) -> set[str]:
    """Who carried out the attack that the noun ``words[k]`` names, within ``[lo, hi)`` and outside the
    figure: its adjective or compound ("russischen Angriff", "US-Luftangriff") or its genitive
    ("Angriff Russlands", "Beschuss der russischen Armee", "Angriff der Taliban")."""
    out: set[str] = set()
    inside = range(f.start, f.end) if f is not None else range(0)
    for j in (k - 2, k - 1, k):
        if lo <= j and j not in inside:
            found = actors.actor_from_prefix(words[j]) or actors.actor_from_adjective(words[j])
            if found:
                out.add(found)
    j = k + 1
    while j < hi and words[j].lower() in ("der", "des"):
        j += 1
    for m in range(j, min(hi, j + 2)):
        found = _actor_word(words[m])
        if found:
            out.add(found)
    return out


MIDDLE_FIELD = 12  # words between a main clause's finite verb and the figure it governs, read at most


def _main_clause_start(words: list[str], lo: int) -> int:
    """The start of the clause that ``words[lo]`` is in, up to ``MIDDLE_FIELD`` words back. German puts
    the subject and the finite verb first and the participle last ("Die Taliban haben bei Angriffen in
    zwei Provinzen 20 Soldaten getötet"), so who killed may stand well before the figure."""
    k = lo
    while k > 0 and lo - k < MIDDLE_FIELD:
        w = words[k - 1].lower()
        if w in (",", ";", ":", "–", "(", ")", MASK) or w in ADVERSATIVES or w in SUBORDINATORS:
            break
        k -= 1
    return k


def _actor_in_span(words: list[str], f: Figure) -> str | None:
    """The actor the figure's own words name. Several states in one count ("70 ungarische und
    italienische KFOR-Soldaten") are their common organisation where one is named, else no one
    (``MIXED``)."""
    named: list[str] = []
    for k in range(f.start, f.end):
        w = words[k]
        found = actors.actor_from_prefix(w) or actors.actor_from_adjective(w)
        if not found and k > f.start and words[k - 1].lower() in ("der", "des") and is_capitalised(w):
            found = actors.ORGANISATIONS.get(w.lower())  # a head first: "die Truppenstärke der Eufor … auf 1100"
        if found and found not in named:
            named.append(found)
    for k in range(f.start, f.end - 1):  # "Hunderte Soldaten aus Saudi-Arabien und dem Sudan": no one's alone
        if words[k].lower() == "aus":
            j = k + 1
            while j < f.end and words[j].lower() in ("der", "den", "dem", "des", "die"):
                j += 1
            origin, end = _name_at(words, j)
            if origin and _listed_with_others(words, end, origin):
                return next((a for a in named if a in actors.NOT_ARMED_GROUPS), MIXED)
    states = [a for a in named if len(a) == 2 and a.isupper() and a not in actors.NOT_ARMED_GROUPS]
    if len(states) > 1:  # "70 ungarische und italienische KFOR-Soldaten": their organisation, else no one
        return next((a for a in named if a in actors.NOT_ARMED_GROUPS), MIXED)
    if states:
        return states[0]  # a national contingent of a mission takes its country: "300 deutsche UN-Soldaten"
    if named:
        return named[0]
    if f.head >= 0 and words[f.head].lower() in actors.FORCE_NAMES:
        return actors.FORCE_NAMES[words[f.head].lower()]  # "zwei Blauhelme"
    span = [w.lower() for w in words[f.start:f.end]]
    if any(w.startswith(HOST_PREFIXES) and not w.startswith("regierungstreu") for w in span) or \
            HOST_ADJECTIVES.intersection(span):
        return TOPIC  # "23 Regierungssoldaten", "zwölf einheimische Sicherheitskräfte": the report's country's
    if f.head >= 0 and words[f.head].lower() in actors.ORGANISATIONS:
        return actors.ORGANISATIONS[words[f.head].lower()]  # a group named as the head: "300 Taliban"
    if f.head >= 0 and classify_head(words[f.head]) == ("demonym", "personnel"):
        return actors.actor_from_demonym(words[f.head]) or actors.actor_from_adjective(words[f.head])
    return None


def _recruited_by_group(sentences: list[list[str]], n: int, f: Figure,
                        group_in: Callable[[int], str | None] | None = None) -> str | None:
    """Fighters count for the side they fight for: "81 Italiener ... für den IS", "14 Aufständische" of the ADF.

    Applies to demonym, generic and insurgent heads: an armed group named in the sentence
    (or, for insurgent heads, the previous one) is the actor. ``group_in(k)``: the first armed
    group of sentence ``k`` (``_first_group``), cached by the caller so a sentence is read once.
    """
    if f.head < 0:
        return None
    head = sentences[n][f.head].lower()
    cat = classify_head(head)
    insurgent = head.endswith(INSURGENT_HEADS)
    if not (insurgent or cat and cat[0] in ("demonym", "generic")):
        return None
    first = group_in or (lambda k: _first_group(sentences[k]))
    return first(n) or (first(n - 1) if insurgent and n > 0 else None)


def _organisations_named(words: list[str]) -> list[tuple[int, str]]:
    """Alliances and missions a sentence names in any role, by position ("UNIFIL", "UN-Mission", "der Nato")."""
    out = []
    for k, w in enumerate(words):
        if is_capitalised(w):
            found = actors.ORGANISATIONS.get(w.lower()) or actors.actor_from_prefix(w) or (
                actors.PREFIXES.get(w.lower()) if w.isupper() else None)
            if found in actors.NOT_ARMED_GROUPS:
                out.append((k, found))
    return out


def _group_of_two(words: list[str], k: int) -> str | None:
    """An armed group whose name is two words from ``words[k]`` ("Boko Haram", "Islamischer Staat")."""
    if k + 1 >= len(words) or not (is_capitalised(words[k]) and is_capitalised(words[k + 1])):
        return None
    return _group_of_pair(words[k], words[k + 1])


@lru_cache(maxsize=65536)  # pure in the two words, asked for every pair of capitalised words
def _group_of_pair(first: str, second: str) -> str | None:
    two = f"{first} {second}".lower()
    found = actors.ORGANISATIONS.get(two) or actors.PREFIXES.get(two.replace(" ", "-"))
    return found if actors.is_armed_group(found) else None


def _groups_named(words: list[str]) -> set[str]:
    """Every armed group a sentence names (one word or two: "IS-Kämpfer", "Boko Haram")."""
    out = set()
    for k, w in enumerate(words):
        found = _group_at(w) or _group_of_two(words, k)
        if found:
            out.add(found)
    return out


REGULAR_SOLDIERS = ("soldat", "soldatin", "soldaten", "soldatinnen", "militärangehörige", "militärangehörigen",
                    "armeeangehörige", "armeeangehörigen")


def _regular_soldiers(words: list[str], f: Figure) -> bool:
    """Soldiers proper ("Soldaten", "Militärangehörige"): the word for a state's army. German news calls the
    members of an armed group Kämpfer, Milizionäre or Rebellen, so an armed group named near a count of soldiers
    killed is the enemy, not their owner ("Die Miliz berichtete von 71 getöteten Soldaten"; "Kämpfe zwischen der
    Armee und der RSF, bei denen 300 Soldaten starben"); only the figure's own words may name a group."""
    return f.head >= 0 and words[f.head].lower().rsplit("-", 1)[-1].endswith(REGULAR_SOLDIERS) \
        and not words[f.head].lower().endswith(("kindersoldaten", "kindersoldat"))


OPPONENT_PREPS = {"gegen", "wider"}  # "Kämpfer ... gegen den IS": the group fought, not the fighters' own


def _first_group(words: list[str]) -> str | None:
    """The first armed group a sentence names as a side, not as the enemy after "gegen" ("die Stadt gegen den
    IS verteidigen"); a name of two words too ("Boko Haram", "Islamischer Staat")."""
    for k, w in enumerate(words):
        found = _group_at(w) or _group_of_two(words, k)
        if found and not any(words[j].lower() in OPPONENT_PREPS for j in range(max(0, k - 3), k)):
            return found
    return None


@lru_cache(maxsize=65536)  # pure in the word, asked for every word of a sentence
def _group_at(word: str) -> str | None:
    found = actors.actor_from_prefix(word) or actors.ORGANISATIONS.get(word.lower()) or \
        (actors.PREFIXES.get(word.lower()) if word[:1].isupper() else None)
    return found if actors.is_armed_group(found) else None


def _force_actor(words: list[str]) -> str | None:
    """An adjective before a noun for armed forces: "Dem türkischen Militär zufolge", "das russische Kontingent"."""
    for k in range(len(words) - 1):
        if _is_force_noun(words[k + 1]):
            found = actors.actor_from_adjective(words[k])
            if found and not (k >= 2 and _beneficiary([w.lower() for w in words[k - 2:k]], 2)):
                return found
    return None


@lru_cache(maxsize=65536)  # pure in the word, asked for every word of every sentence
def _is_force_noun(word: str) -> bool:
    return word.lower().endswith(FORCE_NOUNS) and is_capitalised(word)


# nouns of help given to a force: the force in their genitive receives it ("zur Ausbildung der taiwanischen
# Streitkräfte", "die Unterstützung der libanesischen Streitkräfte"), it does not send the helpers
BENEFIT_NOUNS = ("ausbildung", "unterstützung", "training", "beratung", "ausrüstung", "aufbau", "stärkung",
                 "schulung")


def _beneficiary(lower: list[str], j: int) -> bool:
    """Whether the adjective at ``lower[j]`` opens the genitive of a noun of help ("Ausbildung der ...")."""
    return j >= 2 and lower[j - 1] in ("der", "des") and lower[j - 2].startswith(BENEFIT_NOUNS)


def force_mentions(words: list[str], lower: list[str] | None = None) -> list[tuple[int, str]]:
    """The owners of forces a sentence names, by position, for the discourse model: a force word
    with its owner ("US-Soldaten", "IS-Kämpfer", "US-Truppenstärke"), a force's name from the pack's
    table (``forces.tsv``: "Bundeswehr", "Zahal"), a nationality adjective before a noun for forces
    or a formation ("das türkische Militär", "die deutsche Panzergrenadierbrigade 37"), and a force
    noun placed in a country ("die Armee in Mali"). Places alone never count: they are not owners."""
    out: list[tuple[int, str]] = []
    lower = [w.lower() for w in words] if lower is None else lower
    named_two: set[int] = set()
    # only the words where a rule below may find an owner (one cached look-up a word, no loop in Python)
    for k in compress(range(len(words)), map(_may_name_force, words)):
        w, lw = words[k], lower[k]
        found = actors.FORCE_NAMES.get(lw)
        if k in named_two:
            continue  # the second word of a name of two words
        if found is None and k + 1 < len(words):
            found = actors.FORCE_NAMES.get(f"{lw} {lower[k + 1]}")  # a name of two words: "Schweizer Armee"
            if found is not None:
                named_two.add(k + 1)
        if found is not None and k > 0 and actors.actor_from_adjective(words[k - 1]):
            found = actors.actor_from_adjective(words[k - 1])  # "die britischen Marines": the adjective names the owner
        if found is None and k > 0:
            found = _group_with_adjective(lower[k - 1], lw)  # "die Syrische Nationalarmee" is a militia, no state's
        if found is None and "-" in lw and _force_tail(lw.split("-", 1)[1]):
            found = actors.actor_from_prefix(w)
        if found is None and lw.startswith("bundeswehr"):
            found = "DE"  # "Bundeswehrsoldaten", "Bundeswehreinsatz"
        # (personnel too: "Unter deutschen Soldaten ...", "Angaben zu den ukrainischen Gefangenen"; but not
        # fighters and mercenaries, whose adjective says where they come from, not whom they fight for)
        if found is None and (lw.endswith(FORCE_NOUNS) or (classify_head(w) or ("",))[0] in OWNED_HEADS
                              and not lw.endswith(INSURGENT_HEADS) and not _counted(words, k)):
            if k > 0 and not _beneficiary(lower, k - 1):
                found = actors.actor_from_adjective(words[k - 1])
            if (found is None and lw.endswith(OWN_FORCE_NOUNS + SEAT_NOUNS) and k + 2 < len(words)
                    and lower[k + 1] in ("in", "im")):
                # a state's own army, or its government by its seat ("die Regierung in Warschau")
                j = k + 2 + (lower[k + 2] in ("der", "den", "dem"))
                found = (actors.country_from_name(words[j]) or actors.actor_from_metonym(words[j])
                         if j < len(words) and is_capitalised(words[j]) else None)
        placed = k + 2 < len(words) and lower[k + 1] in ("in", "im") and is_capitalised(words[k + 2])
        if (found is None and lw in GENERIC_INSTITUTIONS and placed
                and not (k > 0 and actors.actor_from_adjective(words[k - 1]))):
            # "das Verteidigungsministerium in Moskau": the state whose capital it sits in; an unknown
            # place names no one, and the institution is no longer the document's country's
            found = actors.country_from_name(words[k + 2]) or actors.actor_from_metonym(words[k + 2])
            if found is None:
                continue
        if (found is None and lw in GENERIC_INSTITUTIONS and not (k > 0 and actors.actor_from_adjective(words[k - 1]))
                and not _quoted_source(lower, k)):
            found = TOPIC  # "teilte die Armee mit": the army of the country the document is about
        if found:
            out.append((k, found))
    if any(w in OWNER_POSSESSIVES for w in lower):
        out = sorted(out + _possessive_owners(words, lower, {j for j, _ in out}))
    # the states named come first: a sentence that names none needs neither the place phrases nor the rest
    states = [(k, state) for k, state in enumerate(map(_state_word, words)) if state] \
        if any(map(_sending, lower)) else []
    if states and any(map(_military_head_word, words)):
        # "Großbritannien entsendet Truppen nach Estland": the state that sends forces owns them
        place = _locative_chain(words, lower)
        taken = {j for j, _ in out}
        passive = any(w in PASSIVE_FORMS for w in lower)
        for k, state in states:
            # in a passive, the agent after von/durch sends them ("3000 Soldaten wurden durch Großbritannien
            # verlegt"); not a route's start ("von Polen nach Litauen verlegt")
            agent = passive and k >= 1 and lower[k - 1] in ("von", "durch") and not (
                k + 1 < len(words) and lower[k + 1] in ("nach", "in", "ins", "an", "zu", "zur", "zum", "bis"))
            if (agent or not place[k] and not (k >= 1 and lower[k - 1] in LOCATION_PREPS)) and k not in taken:
                out.append((k, state))
        out.sort()
    return out


OWNER_POSSESSIVES = {"ihre", "ihren", "ihrer", "ihrem", "seine", "seinen", "seiner", "seinem"}
OWN_FORCE_STARTS = ("truppen", "soldaten", "streitkräfte", "armee", "militär", "kontingent")
POSSESSIVE_WINDOW = 30  # words before the possessive read for the state that owns the forces


def _possessive_owners(words: list[str], lower: list[str], taken: set[int]) -> list[tuple[int, str]]:
    """A state whose own forces its clause names with a possessive ("die Vereinigten Staaten werden ihre
    Truppenpräsenz in Taiwan verstärken", "Russland hat seine Truppen verlegt"): the state named first in
    the clause, not after a preposition (a place), owns them."""
    out = []
    for k in range(1, len(words)):
        if lower[k - 1] in OWNER_POSSESSIVES and lower[k].startswith(OWN_FORCE_STARTS):
            j = k - 1  # back to the clause's start, at most POSSESSIVE_WINDOW words (bounded: linear time)
            while j > 0 and k - j < POSSESSIVE_WINDOW and lower[j - 1] not in (",", ";", ":"):
                j -= 1
            while j < k - 1:
                if is_capitalised(words[j]) and not (j > 0 and lower[j - 1] in LOCATION_PREPS):
                    found, end = _name_at(words, j)
                    if found and len(found) == 2:
                        if j not in taken:
                            out.append((j, found))
                        break
                    j = max(end, j + 1)
                else:
                    j += 1
    return out


def _group_with_adjective(adjective: str, noun: str) -> str | None:
    """An armed group named by an adjective and a noun, the adjective in any case ending ("der Syrischen
    Nationalarmee" → "syrische nationalarmee" of the pack's table): its short name, else None."""
    for form in (adjective, adjective[:-1] if adjective.endswith(("en", "er", "es", "em")) else None):
        found = actors.ORGANISATIONS.get(f"{form} {noun}") if form else None
        if found and actors.is_armed_group(found):
            return found
    return None


def _among(before: list[str]) -> bool:
    """The words before a figure make it a part of a count before it: "darunter", "davon", "unter ihnen"."""
    return (any(w in before for w in ("darunter", "davon", "einschließlich"))
            or before[-2:] in (["unter", "ihnen"], ["unter", "denen"]))


# Pure in one word, asked for every word of every sentence with a figure: cached, so that a sentence's scan
# costs a look-up a word (the rules that read the neighbours run only where these allow a finding).
_FORCE_FIRST_WORDS = {name.split(" ", 1)[0] for name in actors.FORCE_NAMES if " " in name}


@lru_cache(maxsize=65536)
def _may_name_force(word: str) -> bool:
    """Whether ``force_mentions`` may find an owner at this word: a superset of its rules' conditions."""
    if not is_capitalised(word):
        return False
    lw = word.lower()
    return (lw in actors.FORCE_NAMES or lw in _FORCE_FIRST_WORDS or " " in lw
            or ("-" in lw and _force_tail(lw.split("-", 1)[1])) or lw.startswith("bundeswehr")
            or lw.endswith(FORCE_NOUNS) or (classify_head(word) or ("",))[0] in OWNED_HEADS
            or lw in GENERIC_INSTITUTIONS)


@lru_cache(maxsize=65536)
def _state_word(word: str) -> str | None:
    """The state a capitalised word names (by name or capital), else None."""
    if not is_capitalised(word):
        return None
    state = actors.country_from_name(word) or actors.actor_from_metonym(word)
    return state if state and len(state) == 2 else None


@lru_cache(maxsize=65536)
def _sending(lw: str) -> bool:
    return lw.startswith(SENDING)


@lru_cache(maxsize=65536)
def _military_head_word(word: str) -> bool:
    return (classify_head(word) or ("",))[0] in ("personnel", "formation")


OWNED_HEADS = ("formation", "personnel", "casualty")  # nouns whose nationality adjective names their owner


def _counted(words: list[str], k: int) -> bool:
    """A noun counted by a number before its adjective ("30 saudische Soldaten"): a figure, which enters the
    model with its resolved actor, not as a force named in passing."""
    return k >= 2 and scan_quantity(words, k - 2) is not None
ATTACK_VERBS = ("beschoss", "beschieß", "angegriff", "attackier", "bombardier", "überfiel", "überfall")


def attackers_named(words: list[str], mentions: list[tuple[int, str]], lower: list[str] | None = None) -> list[str]:
    """The owners a sentence names as attackers: with an attack verb, the force mentions before it
    ("Russische Truppen haben Charkiw beschossen"), or in a passive its agent after von/durch
    ("... wurden von russischen Truppen beschossen"). A later casualty figure is not theirs."""
    if not mentions:
        return []  # every answer below is a list of mentions
    lower = [w.lower() for w in words] if lower is None else lower
    verb = next((k for k, w in enumerate(lower) if w.startswith(ATTACK_VERBS)), None)
    if verb is None:
        content = [w for w in lower if not is_punct(w)]
        if content and content[-1] == "an" and any(w.startswith(("griff", "greif")) for w in lower):
            verb = len(words) - 1  # "Russische Truppen griffen Charkiw an"
        else:
            return []
    if any(w in PASSIVE_FORMS for w in lower):
        agent = next((k for k, w in enumerate(lower) if w in AGENT_PREPS), None)
        return [a for k, a in mentions if agent is not None and agent < k <= agent + 4]
    return [a for k, a in mentions if k < verb]


# verbs of sending, stationing and mobilising forces (their subject owns them)
SENDING = ("entsend", "entsandt", "entsende", "schick", "verlegt", "verlege", "stationier", "mobilisier",
           "beorder")


def _quoted_source(lower: list[str], k: int) -> bool:
    """An institution quoted as a source ("nach Angaben des Militärs", "laut Armee", "der Armee
    zufolge"): it says something, it is not said to own the soldiers."""
    return ((k >= 2 and lower[k - 2] in ("angaben", "laut")) or (k >= 1 and lower[k - 1] == "laut")
            or (k + 1 < len(lower) and lower[k + 1] == "zufolge"))


def alliance_mentions(words: list[str]) -> list[tuple[int, str]]:
    """Alliances and missions named as such ("Die Nato plant eine Übung"; not "in der Nato"): the
    common organisation of a multinational total that follows."""
    out = []
    for k, found in enumerate(map(_alliance_word, words)):
        if found is not None and not any(j >= 0 and words[j].lower() in LOCATION_PREPS for j in (k - 1, k - 2)):
            out.append((k, found))
    return out


@lru_cache(maxsize=65536)
def _alliance_word(word: str) -> str | None:
    """The alliance or mission a capitalised word names (pure in the word: cached)."""
    found = (actors.ORGANISATIONS.get(word.lower()) or actors.actor_from_prefix(word)) if is_capitalised(word) else None
    return found if found in actors.NOT_ARMED_GROUPS else None


# a state's institutions named without the state: they are the document's country's
GENERIC_INSTITUTIONS = {"armee", "militär", "militärs", "streitkräfte", "verteidigungsministerium",
                        "innenministerium", "generalstab", "heer", "heeres", "regierungsarmee"}


def topic_country(sentences: list[list[str]]) -> str | None:
    """The state a document is about: the one named (as a place, a name or an adjective) in at least
    half of the mentions of states, and at least twice."""
    counts: Counter[str] = Counter()
    for words in sentences:
        counts.update(_state_mentions(words))
    if not counts:
        return None
    top, n = counts.most_common(1)[0]
    total = sum(counts.values())
    return top if (n >= 2 and 2 * n >= total) or total == 1 else None


STATE_ADJECTIVE_ENDINGS = ("isch", "ische", "ischen", "ischer", "isches")


def _state_mentions(words: list[str]) -> list[str]:
    """The states a sentence names, in order: as a place or a name ("Burkina Faso" as one name), or as an
    adjective, lower case or capitalised only where German capitalises every word, at the start of a sentence
    or a quote ("Afghanische Spezialkräfte haben ..."); elsewhere a capitalised adjective belongs to a name
    ("der Deutschen Presse-Agentur")."""
    out: list[str] = []
    k = 0
    while k < len(words):
        found, width, adjective = _state_of(words[k], words[k + 1] if k + 1 < len(words) else None)
        if adjective is not None and (not is_capitalised(words[k]) or all(
                is_punct(x) or x.isspace() for x in words[max(0, k - 3):k])):
            found = adjective
        if found and len(found) == 2 and found.isalpha() and found.isupper() and found not in ("UN", "EU"):
            out.append(found)  # (UN and EU are no states: "UN-Blauhelme" names no country)
        k += width
    return out


@lru_cache(maxsize=65536)  # pure in the word and the next, asked for every word of a document
def _state_of(w: str, nxt: str | None) -> tuple[str | None, int, str | None]:
    """``_state_mentions`` at ``w`` followed by ``nxt``: the actor a name or prefix gives, the words it takes,
    and, where that gives none, the state of ``w`` as an adjective (whose position decides whether it counts)."""
    found, width = None, 1
    if is_capitalised(w):
        found, width = _name_of(w, nxt)
        found = found or actors.actor_from_prefix(w)
    adjective = state_adjective(w) if found is None and w.endswith(STATE_ADJECTIVE_ENDINGS) else None
    return found, width, adjective


def lead_state(sentences: list[list[str]]) -> str | None:
    """The state of a report's lead: the first sentence that names a state, when it names only one. A news
    lead says where its event happened ("Dschihadisten haben in Niger Soldaten in einen Hinterhalt gelockt")."""
    for words in sentences[:3]:
        named = set(_state_mentions(words))
        if named:
            return next(iter(named)) if len(named) == 1 else None
    return None


COMPASS_PREFIXES = ("nordost", "nordwest", "südost", "südwest", "nord", "süd", "ost", "west", "zentral")


def state_adjective(word: str) -> str | None:
    """A state's adjective, also with a compass prefix naming its region ("südafghanischen": AF; German
    writes the region of a state as one word). Whole adjectives first: "südkoreanisch" is KR, not KP."""
    found = actors.actor_from_adjective(word)
    if found is None:
        lw = word.lower()
        for prefix in COMPASS_PREFIXES:
            if lw.startswith(prefix) and len(lw) > len(prefix) + 5:
                found = actors.actor_from_adjective(lw[len(prefix):])
                break
    return found


# a state's own forces, placed in it ("die Armee in Mali"); never "Truppen in Afghanistan", which are guests
OWN_FORCE_NOUNS = ("armee", "militär", "streitkräfte")
SEAT_NOUNS = ("regierung", "führung")  # named by the capital they sit in: "die Regierung in Warschau"
# (not "Regierung": a government that condemns an attack owns no soldier of the next sentence)
FORCE_TAILS = ("truppe", "streitkräfte", "armee", "militär", "soldat", "kämpfer", "marine", "luftwaffe", "heer",
               "generalstab", "verteidigungsminist", "kommando")


def _force_tail(tail: str) -> bool:
    """The second part of a compound that names a force ("US-Soldaten", "US-Truppenstärke"), not a
    place's event ("Syrien-Mission", "Ukraine-Krieg")."""
    return tail.startswith(FORCE_TAILS) or (classify_head(tail) or ("",))[0] in ("personnel", "formation")


# statements of what is usual, not of a force ("Eine Brigade besteht in der Regel aus 3000 Soldaten")
GENERIC_CUES = {"normalerweise", "üblicherweise", "typischerweise", "gewöhnlich", "regulär", "theoretisch"}


def is_generic_statement(words: list[str], lower: list[str] | None = None) -> bool:
    lower = [w.lower() for w in words] if lower is None else lower
    return bool(GENERIC_CUES.intersection(lower)) or any(
        lower[k:k + 3] == ["in", "der", "regel"] for k in range(len(lower) - 2))


COALITION_FORCES = ("koalitionstruppen", "koalitionskräfte", "koalitionssoldaten", "militärkoalition")
LED_BY = ("angeführt", "geführt")


def is_military_coalition(words: list[str]) -> bool:
    """A sentence naming a military coalition of states: its forces ("Koalitionstruppen"), or a coalition led by
    a state ("der von Saudi-Arabien angeführten Koalition"); not a government's coalition ("die Koalition aus SPD
    und Grünen"), which leads no one."""
    lower = [w.lower() for w in words]
    return any(w.startswith(COALITION_FORCES) or w.endswith(COALITION_FORCES) or (
        w.startswith("koalition") and k > 0 and lower[k - 1].startswith(LED_BY)) for k, w in enumerate(lower))


MULTINATIONAL_WORDS = ("international", "multinational", "alliiert", "verbündet", "europäisch", "westlich",
                       "ausländisch")
NATIONS_NOUNS = {"ländern", "staaten", "nationen", "mitgliedsstaaten", "mitgliedstaaten", "mitgliedsländern",
                 "nato-staaten", "nato-ländern", "nato-mitgliedsstaaten", "partnerländern", "partnerstaaten"}


CONTRIBUTING = ("stellt", "stellen", "stellte", "stellten", "gestellt", "beteilig")


def _contributed_to(words: list[str], f: Figure) -> bool:
    """A force measured by a size adjective that a state contributes to ("stellt 8000 Männer und Frauen für die
    insgesamt 11.500 Soldaten zählende Truppe"): a whole of several states' shares, not the contributor's
    (bounded: 15 words back)."""
    before = [w.lower() for w in words[max(0, f.start - 15):f.start]]
    k = len(before) - 1
    if k >= 0 and before[k] == "insgesamt":
        k -= 1
    if k < 1 or before[k] not in ("die", "der", "den", "dem") or before[k - 1] not in ("für", "in", "an", "zu"):
        return False
    return any(w.startswith(CONTRIBUTING) for w in before[:k - 1])


def is_multinational(words: list[str], f: Figure) -> bool:
    """A total over several states with no shares ("Soldaten aus knapp 40 Ländern", "der 31
    Mitgliedsstaaten", "tausender internationaler Soldaten"): no one state's force."""
    lower = [w.lower() for w in words[f.start:min(len(words), f.end + 6)]]
    span = lower[:f.end - f.start]
    if any(w.startswith(MULTINATIONAL_WORDS) for w in span):
        return True
    after = lower[f.end - f.start:]
    if after[:1] == ["beider"] or after[:2] in (["der", "kriegsparteien"], ["der", "konfliktparteien"]):
        return True  # both sides' soldiers in one count: "13 Soldaten beider Länder", "Gefangene der Kriegsparteien"
    if after[:1] and after[0] in SIZE_ADJECTIVES and _contributed_to(words, f):
        return True  # "Deutschland stellt das zweitgrößte Kontingent in der 10 000 Soldaten starken Truppe"
    if f.start > 0 and words[f.start - 1].lower() == "jeweils" and any(
            w.lower() in ("beide", "beiden", "beider") for w in words[max(0, f.start - 15):f.start]):
        return True  # a count for each of two sides: "beide Seiten gaben bekannt, dass jeweils 200 Soldaten ..."
    for k, w in enumerate(after):
        if is_punct(w):
            return False
        if w in NATIONS_NOUNS and k > 0 and (any(ch.isdigit() for ch in after[k - 1])
                                             or after[k - 1] in ("mehreren", "vielen", "zahlreichen")):
            # origins ("aus 40 Ländern", "der 31 Mitgliedsstaaten"), never places ("in mehreren Ländern")
            return any(x in ("aus", "von", "der", "den") for x in after[max(0, k - 4):k - 1])
    return False


def _name_at(words: list[str], k: int) -> tuple[str | None, int]:
    """An actor named at ``words[k]`` (two-word names first) and the index after it."""
    if k >= len(words):
        return None, k
    found, width = _name_of(words[k], words[k + 1] if k + 1 < len(words) else None)
    return found, k + width


@lru_cache(maxsize=65536)  # pure in the word and the next, asked for every capitalised word
def _name_of(w: str, nxt: str | None) -> tuple[str | None, int]:
    """``_name_at`` for ``w`` followed by ``nxt`` (None: the sentence's end): the actor and the words it takes."""
    if nxt is not None:
        found = actors.country_from_name(f"{w} {nxt}") or (
            actors.actor_from_leader(f"{w} {nxt}") if is_capitalised(w) and is_capitalised(nxt) else None)
        if found:
            return found, 2
    if not is_capitalised(w):
        return None, 1
    return (actors.country_from_name(w) or actors.actor_from_metonym(w)
            or (actors.PREFIXES.get(w.lower()) if w.isupper() else None) or actors.actor_from_leader(w)), 1


def _actor_after(words: list[str], f: Figure, leaving: bool | None = None) -> str | None:
    """``Soldaten aus Südkorea``, ``Soldaten der Bundeswehr``, ``Truppen Russlands``; ``leaving``: the
    sentence is about leaving a place (``_withdrawal``, read once a sentence by the caller)."""
    k = f.end
    if k < len(words) and words[k].lower() in SIZE_ADJECTIVES:
        # "rund 4500 Personen starke Nato-Mission": the force the figure measures
        named = [words[j].lower() for j in range(k + 1, min(len(words), k + 4))]
        for w in named:  # the mission's own name first: "Nato-Mission KFOR"
            if w in actors.ORGANISATIONS:
                return actors.ORGANISATIONS[w]
        for w in named[:2]:  # a state or alliance; a compound's group name is ambiguous ("Al-Quds-Brigade")
            found = actors.actor_from_prefix(w) or actors.actor_from_adjective(w)
            if found and (len(found) == 2 or found in actors.NOT_ARMED_GROUPS):
                return found
        return None
    if k < len(words) and is_capitalised(words[k]):
        found, _ = _name_at(words, k)
        if found and words[k].endswith("s"):
            return found
    if k < len(words) and words[k].lower() in ("aus", "von", "der", "des", "vom"):
        if words[k].lower() in ("aus", "von", "vom") and (_withdrawal(words) if leaving is None else leaving):
            return None  # "zieht 500 Soldaten aus Syrien ab": the place they leave
        if words[k].lower() == "aus":
            sender = _sender_before(words, f)
            if sender:  # "Die Türkei hat 2400 Kämpfer aus Syrien nach Libyen geschickt": the sender's
                return sender
        k += 1
        while k < len(words) and words[k].lower() in ("der", "den", "dem", "des", "die"):
            k += 1
        found, end = _name_at(words, k)
        if found is None and k + 1 < len(words) and words[k].lower() in OWNED_FORCES and is_capitalised(words[k + 1]):
            # "Soldaten der Truppen Haftars", "Kämpfer der Armee Assads": the force's owner in the genitive
            found, end = _name_at(words, k + 1)
            found = found if found and words[k + 1].endswith("s") else None
        if found and _listed_with_others(words, end, found):
            # "Soldaten aus Saudi-Arabien und dem Sudan": several states, no shares; their organisation
            # where the sentence names one ("Die Nato-Truppe hat 4000 Soldaten aus Deutschland, Polen und …")
            return _alliance_in(words) or MIXED
        return found
    return None


LIST_WORDS = {",", "und", "sowie", "der", "den", "dem", "des", "die"}
# a force named by its owner in the genitive after it: "der Truppen Haftars", "der Armee Assads"
OWNED_FORCES = {"truppen", "armee", "streitkräfte", "kräfte", "miliz", "milizen", "einheiten", "verbände",
                "garde", "leibgarde", "soldaten", "kämpfer"}
# the soldiers of the state a report is about: "Regierungstruppen", "einheimische Sicherheitskräfte"
HOST_PREFIXES = ("regierungssoldat", "regierungstrupp", "regierungskräft", "regierungsarmee")
HOST_ADJECTIVES = {"einheimische", "einheimischen", "lokale", "lokalen", "örtliche", "örtlichen"}
# a mission named again by its kind ("Die Mission umfasst 3500 Angehörige")
MISSION_NOUNS = {"mission", "schutztruppe", "friedenstruppe", "friedensmission", "blauhelmmission", "eu-mission",
                 "un-mission", "uno-mission", "nato-mission", "militärmission", "ausbildungsmission"}


def _alliance_in(words: list[str]) -> str | None:
    """The first alliance or mission a sentence names ("Die Nato-Truppe hat …"): the common organisation of
    a count of several states."""
    return next((a for w in words if (a := _alliance_word(w))), None)


def _reciprocal(words: list[str], f: Figure) -> bool:
    """The figure's clause says its soldiers face each other: "Tausende Soldaten stehen sich an der Grenze
    gegenüber", "… die einander bekämpfen": two sides' soldiers, no one owner."""
    lo, hi = clause_bounds(words, f.start, f.end)
    lower = [w.lower() for w in words[lo:hi]]
    return "einander" in lower or ("sich" in lower and any(w.startswith("gegenüber") for w in lower))


def _mission_subject(words: list[str], f: Figure) -> bool:
    """A definite mission noun right before the figure in its clause: "Die Mission umfasst 3500 Angehörige"."""
    for k in range(f.start - 1, max(0, f.start - 4), -1):
        if is_punct(words[k]):
            return False
        if words[k].lower() in MISSION_NOUNS and words[k - 1].lower() in ("die", "diese", "der", "dieser"):
            return True
    return False


def _sender_before(words: list[str], f: Figure) -> str | None:
    """The state or organisation that sends the figure's fighters, named before them as the subject of a
    verb of sending in the same clause ("Die Türkei hat … 2400 Kämpfer aus Syrien nach Libyen geschickt");
    their origin after "aus" is then where they come from, not whose they are."""
    lower = [w.lower() for w in words]
    lo = _main_clause_start(words, f.start)

    def sending(w: str) -> bool:  # "schickt", "geschickt", "entsandt"
        return w.startswith(SENDING) or w.startswith("ge") and w[2:].startswith(SENDING)

    if not any(map(sending, lower[lo:f.start])) and not any(map(sending, lower[f.end:])):
        return None
    for k in range(lo, f.start):
        if k > 0 and lower[k - 1] in LOCATION_PREPS | {"aus", "von", "vom", "nach", "mit"}:
            continue
        found, _end = _name_at(words, k) if is_capitalised(words[k]) else (None, k + 1)
        if found:
            return found
    return None


def _listed_with_others(words: list[str], k: int, first: str) -> bool:
    """Another owner's name follows ``words[k]`` in a list joined by ``und``/``sowie``: "aus Russland,
    Armenien und Belarus" (bounded: a dozen words)."""
    joined = False
    last = min(len(words), k + 12)
    while k < last:
        start = k
        while k < len(words) and words[k].lower() in LIST_WORDS:
            joined = joined or words[k].lower() in ("und", "sowie")
            k += 1
        if k == start or k >= len(words):
            return False
        found, end = _name_at(words, k)
        if not found or end <= k:
            return False
        if found != first and joined:
            return True
        k = end
    return False


SIDE_NOUNS = {"seite", "seiten"}
SIDE_REACH = 8  # words before a figure a side phrase may stand ("Aufseiten der Angreifer wurden ... 15 Kämpfer")


def _side_of(words: list[str], f: Figure) -> str | None:
    """The side a count belongs to, named by a side phrase next to it: "auf indischer Seite 20 Todesopfer",
    "13.500 Tote aufseiten Moskaus", "Verluste auf russischer Seite" (bounded: 4 words either side)."""
    base = max(0, f.start - SIDE_REACH)
    for j in range(f.start - 1, base - 1, -1):
        if words[j] in (",", ";", ":", "(", ")"):
            base = j + 1  # the side phrase stands in the figure's own clause
            break
    lower = [w.lower() for w in words[base:min(len(words), f.end + 4)]]
    for i, w in enumerate(lower):
        k = base + i
        if f.start <= k < f.end:
            continue
        if k >= f.end and is_punct(w):
            break
        if w in SIDE_NOUNS and i >= 2 and lower[i - 2] == "auf":  # "auf indischer Seite"
            return state_adjective(words[k - 1]) or MIXED  # "auf gegnerischer Seite": a side, but not named
        if w in ("aufseiten", "seitens") or (w == "seiten" and i >= 1 and lower[i - 1] == "auf"):
            j = k + 1 + (k + 1 < len(words) and words[k + 1].lower() in ("der", "des"))
            if j < len(words) and words[j].lower() in GENERIC_INSTITUTIONS:
                return TOPIC  # "auf Seiten der Armee": the army of the country reported on
            # "aufseiten Moskaus", "auf Seiten Russlands"; "aufseiten der Angreifer" names a side, but no one
            return (_name_at(words, j)[0] if j < len(words) else None) or MIXED
    return None


# relative pronouns that are the subject of their clause (nominative) and own what follows (genitive)
SUBJECT_RELATIVES = {"der", "die", "das", "welcher", "welche", "welches"}
POSSESSIVE_RELATIVES = {"dessen", "deren"}


def _antecedent_actor(words: list[str], f: Figure) -> str | None:
    """A relative clause about its antecedent: what it consists of (``eine Eingreiftruppe der Nato, die aus
    5000 Soldaten besteht``), whose soldiers they are (``Eritrea, dessen Soldaten``), or, for a strength
    figure, what it has or sends (``Eritrea, das Zehntausende Soldaten im Einsatz haben soll``): the figure
    is the antecedent's (bounded look back)."""
    k = f.start
    low = [w.lower() for w in words[max(0, k - 3):k]]
    if k >= 3 and low[-1] in ("aus", "mit") and low[-2] in RELATIVES and words[k - 3] == ",":
        start = k - 4
    elif k >= 2 and words[k - 2] == "," and (low[-1] in POSSESSIVE_RELATIVES
                                            or low[-1] in SUBJECT_RELATIVES and f.kind == "strength"):
        start = k - 3
    else:
        return None
    for j in range(start, max(-1, start - 3), -1):
        if is_punct(words[j]):
            return None
        found = actors.actor_from_prefix(words[j]) or actors.actor_from_adjective(words[j]) or (
            _name_at(words, j)[0] if is_capitalised(words[j]) else None)
        if found:
            return found
    return None


DEFINITE = {"die", "der", "den", "dem", "des", "diese", "diesen", "dieser"}
SIZE_ADJECTIVES = {"starke", "starken", "starker", "starkes", "zählende", "zählenden", "umfassende",
                   "umfassenden"}


def _share_attribute(words: list[str], figs: list[Figure], after: set[int], own: set[int]) -> None:
    """``260 Soldaten und 15 Soldatinnen des Bundesheeres``: coordinated figures share the genitive or
    ``aus`` phrase after the last one (``after``: figures whose actor that phrase gave; ``own``: figures
    whose own words named theirs)."""
    for a, b in zip(figs, figs[1:]):
        if (id(b) in after and id(a) not in own and id(a) not in after and b.actor != a.actor
                and [w.lower() for w in words[a.end:b.start]] in (["und"], ["sowie"])):
            a.actor = b.actor


def _added_to(words: list[str], f: Figure) -> bool:
    """A count added to the one before: "Hinzu kämen fast 50.000 Verletzte", "Dazu kommen 300 Verwundete"."""
    before = [w.lower() for w in words[max(0, f.start - 3):f.start]]
    return any(w in ("hinzu", "dazu") for w in before) and any(w.startswith(("kam", "käm", "komm")) for w in before)


def _share_kind(words: list[str], figs: list[Figure]) -> None:
    """Coordinated noun phrases share their predicate: "Bei den Toten handele es sich um 100 Soldaten und 80
    Rebellen", "dass ein Offizier und fünf Soldaten ... getötet wurden": when one of two figures joined by
    "und"/"sowie" (each with its own head) is a casualty figure, so is the other."""
    for a, b in zip(figs, figs[1:]):
        if (a.kind != b.kind and not b.elliptic and not a.elliptic
                and [w.lower() for w in words[a.end:b.start]] in (["und"], ["sowie"], ["plus"])):
            a.kind = b.kind = "casualties"


# verbs of leaving a place (not the nouns "Rückzug", "Evakuierung", which may name another event)
WITHDRAWAL = ("abzieh", "abgezogen", "abzuziehen", "zurückzieh", "zurückgezogen", "zurückzuziehen",
              "evakuiert", "evakuieren", "ausgeflogen", "abgeflogen", "zurückgeholt", "zurückhol", "zurückzuholen")


def _withdrawal(words: list[str], lower: list[str] | None = None) -> bool:
    """A sentence about leaving a place ("abziehen", "zieht ... ab", "Rückzug"): its "aus X" is the place."""
    lower = [w.lower() for w in words] if lower is None else lower
    if any(w.startswith(WITHDRAWAL) for w in lower):
        return True
    # the separable "ab" ends its clause: "zieht 500 Soldaten aus Mali ab" (never "Ab Mittwoch ziehen ... ein")
    last = next((w for w in reversed(lower) if not is_punct(w)), None)
    return last == "ab" and any(w.startswith(("zieh", "zog")) for w in lower)


def _location_after(words: list[str], f: Figure) -> str | None:
    for k in range(f.end, min(len(words), f.end + 6)):
        if is_punct(words[k]):
            return None
        if words[k].lower() in ("in", "nach", "im", "an"):
            j = k + 1
            while j < len(words) and words[j].lower() in ("der", "den", "dem", "die", "das"):
                j += 1
            if j < len(words) and is_capitalised(words[j]):
                return words[j]
    return None


def _actor_in_sentence(words: list[str], f: Figure, subjects: set[int] | None) -> str | None:
    """The actor named nearest the figure: a subject first (the nearest), else the nearest name before
    it, else the first after it, skipping names after a location preposition (and, after the figure,
    after ``der``/``des``)."""
    return _SentenceActors(words, subjects).nearest(f)


COORDINATORS = {"und", "sowie", "oder", ",", "bzw."}
# prepositions of place whose coordinated names are all places ("in Estland, Lettland und Polen")
PLACE_PREPS = {"in", "im", "nach", "an", "am", "ins", "bei", "zwischen"}


def _locative_chain(words: list[str], lower: list[str]) -> list[bool]:
    """For each word: inside a coordinated place phrase after a preposition of place ("in den drei
    baltischen Staaten sowie Polen", "in Estland, Lettland und Polen"): names there are places. The
    phrase runs over articles, numbers, adjectives, names and coordinators, and ends at any other word."""
    inside = [False] * len(words)
    state = 0  # 0: outside; 1: after the preposition or a coordinator, before a name; 2: after a name
    for k, c in enumerate(map(_chain_class, words)):
        if c & _PREP:
            state = 1  # "in den baltischen Staaten", "im Krieg gegen die islamistische Hamas"
        elif state == 1:
            if c & _CAP:
                inside[k], state = True, 2
            elif c & _MODIFIER or scan_number(words, k) is not None:
                continue  # "in den drei baltischen ...": before the name, modifiers
            else:
                state = 0
        elif state == 2 and c & _COORDINATOR:
            state = 1
        elif state == 2 and c & _CAP:
            inside[k] = True  # a name of two words: "in Burkina Faso"
        else:
            state = 0  # a verb or any other word ends the phrase: "In Mali haben Frankreich und ..."
    return inside


_PREP, _CAP, _MODIFIER, _COORDINATOR = 1, 2, 4, 8


@lru_cache(maxsize=65536)  # pure in the word, asked for every word of a sentence
def _chain_class(word: str) -> int:
    """What a word is to ``_locative_chain``, as bits: a preposition of place, capitalised, an article or
    adjective (a modifier before a name), a coordinator."""
    lw = word.lower()
    return ((_PREP if lw in PLACE_PREPS or lw in LOCATION_PREPS else 0) | (_CAP if is_capitalised(word) else 0)
            | (_MODIFIER if lw in ARTICLES or lw.endswith(("e", "en", "er", "es", "em")) else 0)
            | (_COORDINATOR if lw in COORDINATORS else 0))


ASIDE_PRONOUNS = frozenset({"der", "die", "das", "dem", "den", "deren", "dessen", "welche", "welcher", "welches",
                               "welchem", "welchen"})


def _relative_asides(words: list[str], lower: list[str]) -> list[tuple[int, int]]:
    """Relative clauses between commas, as (pronoun index, closing comma index): "Die Nato, die seit 1999 das
    Kosovo sichert, schickt 700 Soldaten". The clause ends in its finite verb, lower case: that tells it from
    a list ("Frankreich, die USA und Großbritannien, ..."). Its names are about the antecedent (objects,
    places) and own none of the sentence's troops."""
    out = []
    for i in range(1, len(lower) - 2):
        if lower[i] in ASIDE_PRONOUNS and lower[i - 1] == ",":
            j = next((k for k in range(i + 2, len(lower)) if lower[k] in (",", ";", ":", "–")), None)
            if j is not None and j - i >= 3 and words[j - 1].isalpha() and words[j - 1].islower():
                out.append((i, j))
    return out


class _SentenceActors:
    """The names in one sentence that ``_actor_in_sentence`` may take, read once (linear time): each
    figure then finds its actor by bisection, not by a scan of the sentence."""

    def __init__(self, words: list[str], subjects: set[int] | None) -> None:
        # subjects naming an actor, by position; ``order`` is the set's iteration order, which broke
        # ties of distance in the sorted() this replaces
        named = [(k, order) for order, k in enumerate(subjects or ())]
        self.subjects = sorted((k, order, found) for k, order in named if (found := _name_at(words, k)[0]))
        self.subject_pos = [k for k, _, _ in self.subjects]
        self.pos: list[int] = []
        self.actor: list[str] = []
        after_article: list[bool] = []
        lower = [w.lower() for w in words]
        depth = 0  # names in an aside ("(Südkorea 560 000)") are not the sentence's actors
        candidates: list[tuple[int, str]] = []
        for k, w in enumerate(words):
            depth += (w == "(") - (w == ")")
            if not is_capitalised(w) or depth > 0:
                continue
            if (k >= 1 and lower[k - 1] in LOCATION_PREPS) or (k >= 2 and lower[k - 2] in LOCATION_PREPS):
                continue
            found, _ = _name_at(words, k)
            if found:
                candidates.append((k, found))
        place = _locative_chain(words, lower) if candidates else []  # names in a place phrase are places
        inside = [False] * len(words)  # words inside a relative clause between commas (a mask: linear time)
        for i, j in (_relative_asides(words, lower) if candidates else ()):
            inside[i + 1:j] = [True] * (j - i - 1)
        for k, found in candidates:
            if not place[k] and not inside[k]:
                self.pos.append(k)
                self.actor.append(found)
                after_article.append(k >= 1 and lower[k - 1] in ("der", "des"))
        # names in a list of different owners ("Frankreich, Italien und Spanien sind mit jeweils 1.600
        # Soldaten vertreten"): the count is several states', not the nearest one's
        self.listed = [False] * len(self.pos)
        i = 0
        while i < len(self.pos):
            j, joined = i, False
            while j + 1 < len(self.pos):
                between = lower[self.pos[j] + 1:self.pos[j + 1]]
                if not between or len(between) > 3 or any(w not in LIST_WORDS for w in between):
                    break
                joined = joined or any(w in ("und", "sowie") for w in between)
                j += 1
            if joined and len(set(self.actor[i:j + 1])) > 1:
                for m in range(i, j + 1):
                    self.listed[m] = True
            i = j + 1
        # for each name: the first name from it on that does not follow der/des
        self.plain_from = [len(self.pos)] * (len(self.pos) + 1)
        for i in range(len(self.pos) - 1, -1, -1):
            self.plain_from[i] = self.plain_from[i + 1] if after_article[i] else i

    def nearest(self, f: Figure, banned: set[str] | None = None) -> str | None:
        """The nearest name as above; with ``banned`` (a casualty figure's attackers) the nearest one
        not banned, looking at most ``MAX_SKIP`` names further (bounded: linear time)."""
        if not banned:
            return self._nearest(f)
        if self.subjects:
            i = bisect_left(self.subject_pos, f.start)
            near = [c for c in self.subjects[max(0, i - 1):i + 1] if c[2] not in banned]
            return min(near, key=lambda c: (abs(c[0] - f.start), c[1]))[2] if near else None
        i = bisect_left(self.pos, f.start)
        for j in range(i - 1, max(-1, i - 1 - MAX_SKIP), -1):
            if self.actor[j] not in banned:
                return MIXED if self.listed[j] else self.actor[j]
        if i > 0:
            return None
        found = self._nearest(f)
        return None if found in banned else found

    def _nearest(self, f: Figure) -> str | None:
        if self.subjects:
            i = bisect_left(self.subject_pos, f.start)
            near = self.subjects[max(0, i - 1):i + 1]  # the last before the figure's start, the first from it
            return min(near, key=lambda c: (abs(c[0] - f.start), c[1]))[2]
        i = bisect_left(self.pos, f.start)
        if i > 0:
            return MIXED if self.listed[i - 1] else self.actor[i - 1]
        i = bisect_left(self.pos, f.end)
        if i < len(self.pos) and self.pos[i] == f.end:
            return self.actor[i]
        j = self.plain_from[i]
        return (MIXED if self.listed[j] else self.actor[j]) if j < len(self.pos) else None


def extract_figures(sentences: Sequence[Sentence], *, document_actor: bool = True) -> list[Figure]:
    """All troop figures of a document. German capitalises nouns, which is enough to find heads,
    so only the words are read, and the subjects where the base has a parser."""
    words = [s.words for s in sentences]
    subjects = [s.subjects or set() for s in sentences] if any(s.subjects is not None for s in sentences) else None
    return figures_of_words(words, subjects, document_actor=document_actor)


def figures_of_words(sentences: list[list[str]], subjects: list[set[int]] | None = None,
                     *, document_actor: bool = True) -> list[Figure]:
    """All troop figures of a document given as sentences of words."""
    figs: list[Figure] = []
    # a no-break space the tokenizer kept as a token ("10", "\u202f", "000", "\u202f", "Soldaten") is read as
    # the space it is: the grammar sees the other words, and figures map back to token positions
    kept: list[list[int]] = []
    if any(any(map(str.isspace, s)) for s in sentences) and any(_is_space(w) for s in sentences for w in s):
        kept = [[k for k, w in enumerate(s) if not _is_space(w)] for s in sentences]
        sentences = [[s[k] for k in keep] for s, keep in zip(sentences, kept)]
        if subjects is not None:
            subjects = [{new for new, old in enumerate(keep) if old in subs} for keep, subs in zip(kept, subjects)]
    # a cardinal that ends its sentence is read with the full stop: "heute sind es noch 35."
    sentences = [s[:-1] + [s[-1][:-1]] if s and len(s[-1]) > 1 and s[-1][:-1].replace(".", "").isdigit()
                 and s[-1].endswith(".") else s for s in sentences]
    # and inside a sentence the splitter did not end: "mit mehr als 60.000. Hinzu kämen ..." (a grouped number
    # is no ordinal)
    ends: list[frozenset[int]] = []
    for n, s in enumerate(sentences):
        glued = [k for k in range(len(s) - 1) if s[k][:1].isdigit() and "." in s[k] and is_capitalised(s[k + 1]) and (
            _GLUED_END.match(s[k]) or _GLUED_GROUP.match(s[k]) and k > 0 and s[k - 1].isdigit()
            and len(s[k - 1]) <= 3)] if "." in "".join(s[:-1]) else []  # (no "." before the end: nothing glued)
        if glued:
            sentences[n] = s = list(s)
            for k in glued:
                s[k] = s[k][:-1]
        ends.append(frozenset(glued))
    # a dateline says where the report was filed ("TOKIO – Nach jahrelangen Spannungen ..."): no owner of forces
    # (a place); the document's topic still counts it
    named_sentences = sentences
    sentences = [_without_dateline(s) if n < 2 else s for n, s in enumerate(sentences)]
    # what does not depend on the figure is read once a sentence (linear time, not a scan a figure)
    context: dict[int, bool] = {}
    civil: dict[int, bool] = {}
    heads: dict[int, bool] = {}
    captive: dict[int, bool] = {}  # sentences near a text about prisoners
    captive_sentence: dict[int, bool] = {}  # sentences about prisoners
    coalitions: dict[int, bool] = {}  # sentences naming a military coalition
    doc_groups: list[str | None] = []  # the one armed group the document names, read once when needed
    fighters: list[Figure] = []  # fighters with no group named near them
    missions: dict[int, list[tuple[int, str]]] = {}  # alliances and missions a sentence names, in any role
    groups: dict[int, str | None] = {}
    forces: dict[int, str | None] = {}
    names: dict[int, _SentenceActors] = {}

    def military(k: int) -> bool:
        if k not in context:
            context[k] = k >= 0 and is_military_context(sentences[k])
        return context[k]

    def civilian(k: int) -> bool:
        if k not in civil:
            civil[k] = any(w.lower().startswith(CIVILIAN_WORDS) for w in sentences[k])
        return civil[k]

    def organisation_near(n: int, pos: int) -> str | None:
        """The alliance or mission a multinational total serves: one named as such (the discourse's alliance
        mentions), else the last one named in any role within ``WINDOW`` sentences ("an der UNIFIL-Mission",
        "von UNIFIL": a mission the text is about is the organisation of the soldiers from 40 nations)."""
        found = discourse.recent(n, pos, only=actors.NOT_ARMED_GROUPS)
        for m in range(n, max(-1, n - WINDOW - 1), -1):
            if found is not None:
                break
            if m not in missions:
                missions[m] = _organisations_named(sentences[m])
            found = next((a for k, a in reversed(missions[m]) if m < n or k < pos), None)
        return found

    def only_group() -> str | None:
        if not doc_groups:
            named = {g for words in sentences for g in _groups_named(words)}
            doc_groups.append(next(iter(named)) if len(named) == 1 else None)
        return doc_groups[0]

    def coalition(k: int) -> bool:
        if k not in coalitions:
            coalitions[k] = is_military_coalition(sentences[k])
        return coalitions[k]

    def prisoners(k: int) -> bool:
        if k not in captive:
            captive[k] = any(captive_words(j) for j in range(max(0, k - 2), k + 1))
        return captive[k]

    def captive_words(j: int) -> bool:
        if j not in captive_sentence:
            captive_sentence[j] = any(map(_captivity_word, sentences[j]))
        return captive_sentence[j]

    def military_head(k: int) -> bool:
        if k not in heads:
            heads[k] = _has_military_head(sentences[max(0, k - 1):k + 1])
        return heads[k]

    def group_in(k: int) -> str | None:
        if k not in groups:
            groups[k] = _first_group(sentences[k])
        return groups[k]

    by_count: dict[int, Figure] = {}  # the last figure of each count: "die sechs Blauhelme" refers back
    own: set[int] = set()  # figures whose own words name their actor
    after: set[int] = set()  # figures whose genitive or "aus" phrase names it
    not_document: dict[int, set[str]] = {}  # a casualty figure's attackers, which the document actor is not
    no_actor: set[int] = set()  # multinational totals: no owner, whatever the document says
    attack_log: list[tuple[int, str]] = []  # (sentence, actor) of the attackers the sentences name
    strike_log: list[tuple[int, str]] = []  # (sentence, actor) of attacks named first ("Bei dem Angriff der …")
    from_discourse: set[int] = set()  # figures whose actor the discourse gave, not their sentence
    follows: dict[int, Figure] = {}  # an ellipsis after a figure without an actor: it shares that figure's
    # most news names no troops: a document without a figure needs none of the discourse below
    found = [figures_in_sentence(words, n, ends[n]) for n, words in enumerate(sentences)]
    if not any(found):
        return []
    discourse = Discourse()
    acronyms: dict[str, str] = {}
    last_with_actor: Figure | None = None  # figures are appended in text order, their actor set before
    for n, words in enumerate(sentences):
        last_fig = figs[-1] if figs and figs[-1].sent >= n - 1 else None
        first_of_sentence = len(figs)
        lower = [w.lower() for w in words]  # read once here by the sentence's rules
        aside = aside_mask(words)
        # an aside leaves the model as it was
        named = force_mentions(words, lower)
        mentions = [(k, a) for k, a in named if not aside[k]]
        # a force's acronym defined earlier ("die Syrische Nationalarmee (SNA)"; defined from the
        # bracket, which is an aside) names it again: "die SNA meldete"
        mentions = sorted(mentions + [m for m in acronym_uses(words, named, acronyms)
                                      if not aside[m[0]]])
        for pos, actor in mentions:
            discourse.add(n, pos, actor)
        earlier_attackers = {a for m, a in attack_log if n - WINDOW <= m < n}
        earlier_strikers = {a for m, a in strike_log if n - WINDOW <= m < n}
        attack_log.extend((n, a) for a in attackers_named(words, mentions, lower))
        for pos, actor in alliance_mentions(words):
            discourse.add(n, pos, actor, ALLIANCE)
        if not found[n]:
            continue  # the rest reads the sentence's figures (the discourse above reads every sentence)
        generic = is_generic_statement(words, lower)
        leaving = _withdrawal(words, lower)
        for f in found[n]:
            near_military = military(n) or military(n - 1)
            if f.needs_context and not near_military and not (
                    f.head >= 0 and (classify_head(words[f.head]) or ("",))[0] == "casualty"
                    and n + 1 < len(sentences) and military(n + 1)):
                continue  # casualties named before the soldiers they were: "mit sechs Verletzten ... Diese Soldaten"
            if f.head >= 0 and (classify_head(words[f.head]) or ("",))[0] == "casualty" and civilian(n):
                continue  # "300 Tote, die meisten Zivilisten": a count of civilians
            if f.elliptic and not (bool(figs) and figs[-1].sent >= n - 1 or near_military and military_head(n)):
                continue  # an ellipsis needs a figure or a military noun nearby
            cue = casualty_cue(words, f.start, f.end)
            f.kind = "casualties" if cue is not None else "strength"
            if cue is None and last_fig is not None and last_fig.sent == n and _is_partitive(words, last_fig, f):
                f.kind = last_fig.kind  # "31 weitere wurden verletzt, vier von ihnen schwer": the verb is elided
            elif (cue is None and last_fig is not None and last_fig.sent == n - 1
                  and sum(not w.isspace() for w in words[:f.start]) <= 3
                  and any(w.lower() in ("ihnen", "denen", "davon", "darunter") for w in words[:f.end])):
                # "Unter ihnen seien 82 Offiziere", "Sechs von ihnen …": a part of the last sentence's figure
                f.kind = last_fig.kind
            elif (cue is None and n > 0 and sum(not w.isspace() for w in words[:f.start]) <= 3
                  and any(w.lower() in ("ihnen", "denen", "darunter") for w in words[:f.start + 1])
                  and any(w.lower() in CASUALTY_EXACT or w.lower().startswith(_CASUALTY_PREFIXES)
                          for w in sentences[n - 1] if w.lower() not in ("leben", "ums"))):
                # "Dabei sind 15 Menschen getötet worden. Darunter seien fünf Soldaten": among the dead the
                # last sentence counted (no figure of its own: its people were not all soldiers)
                f.kind = "casualties"
            elif cue is None and _among(lower[max(0, f.start - 2):f.start]) and any(
                    (lower[k] in CASUALTY_EXACT or lower[k].startswith(_CASUALTY_PREFIXES)) and words[k][:1].islower()
                    for k in range(*clause_before(lower, f.start - (2 if lower[f.start - 1] in ("ihnen", "denen")
                                                                    else 1)))):
                # "Zwölf Menschen wurden getötet, darunter sieben Soldaten": a part of the dead of its sentence
                f.kind = "casualties"
            if cue is None and prisoners(n) and _returned(words, f):
                f.kind = "casualties"  # soldiers back from captivity had been captured (docs/troop-figures.md)
            # a casualty figure is the side that lost the soldiers: never the attacker of its clause
            bounds = clause_bounds(words, f.start, f.end)
            banned = attackers(words, f, *bounds, cue) if cue is not None else set()
            # an attack named first ("Bei dem Angriff der Taliban … sind 140 Soldaten getötet worden") was
            # theirs for the sentences after it too ("Die Taliban sprachen von 500 Toten": not theirs)
            strike_log.extend((n, a) for a in first_field_attackers(words, bounds[0]))
            if cue is not None and _regular_soldiers(words, f):
                banned |= actors.ARMED_GROUPS  # see _regular_soldiers
            span = _actor_in_span(words, f)
            if cue is not None and not span:
                banned |= earlier_attackers  # "Russische Truppen beschossen Charkiw. Dabei starben zwölf Soldaten."
            if f.kind == "casualties" and not span:
                banned |= earlier_strikers  # "Bei dem Angriff der Taliban … Die Taliban sprachen von 500 Toten."

            def ok(actor: str | None, banned: set[str] = banned) -> str | None:
                return None if actor in banned else actor

            side = None if span else _side_of(words, f)  # "auf indischer Seite 20 Todesopfer": whose they are
            f.actor = None if side else _recruited_by_group(sentences, n, f, group_in) or span
            if f.actor is not None:
                own.add(id(f))
            else:
                f.actor = side or ok(_actor_after(words, f, leaving))
                if f.actor is not None:
                    after.add(id(f))
                elif last_fig is not None and last_fig.actor and _added_to(words, f):
                    f.actor = ok(last_fig.actor)  # "Hinzu kämen 50.000 Verletzte": more of the same side's
                else:
                    f.actor = ok(_name_just_before(words, f)) or ok(_antecedent_actor(words, f))
            back = by_count.get(f.count) if f.count is not None else None
            if (back is not None and back.actor and back.sent >= n - 3 and f.start > 0
                    and words[f.start - 1].lower() in DEFINITE and back.actor not in banned
                    and not any(actors.actor_from_prefix(w) or actors.actor_from_adjective(w)
                                for w in words[f.start:f.end])):
                f.actor = back.actor  # "die sechs Blauhelme": the six named before, and their owner
            # several states' count with no shares, or soldiers of two sides facing each other: none's alone
            several = f.actor == MIXED or (span is None and _reciprocal(words, f))
            if several:
                f.actor = None
                no_actor.add(id(f))
            if f.actor is None and last_fig is not None and last_fig.sent == n and _is_subfigure(words, last_fig, f):
                f.actor = ok(last_fig.actor)
            if f.actor is None and f.elliptic:
                prev = last_with_actor
                f.actor = ok(prev.actor) if prev and prev.sent >= n - 1 else None
                if f.actor is None and figs and figs[-1].sent >= n - 1 and figs[-1].actor is None:
                    follows[id(f)] = figs[-1]  # "Mindestens 60 seien verletzt worden": whoever the last figure's were
                    no_actor.add(id(f))
            if f.actor is None and not several:
                if n not in forces:
                    forces[n] = _force_actor(words)
                f.actor = ok(forces[n])
                if f.actor not in actors.ARMED_GROUPS and _insurgent(words, f):
                    f.actor = None
            if f.actor is None and not several:
                if n not in names:
                    names[n] = _SentenceActors(words, subjects[n] if subjects else None)
                f.actor = names[n].nearest(f, banned)
                if f.actor == MIXED:  # several states' count: their organisation where the sentence names one
                    f.actor = _alliance_in(words)
                    no_actor.add(id(f))
                if f.actor not in actors.ARMED_GROUPS and _insurgent(words, f):
                    f.actor = None  # rebels and fighters are no state's: the place or army their clause names
            if id(f) in no_actor:
                pass
            elif is_multinational(words, f):
                # a total over several states: their alliance or mission if the text names one, else no one
                if f.actor not in actors.NOT_ARMED_GROUPS:
                    f.actor = organisation_near(n, f.start)
                no_actor.add(id(f))
            elif f.actor is None and coalition(n):
                # soldiers of a military coalition of several states ("ein Stützpunkt der von Saudi-Arabien
                # angeführten Koalition"): no one state's, unless their own words name it
                f.actor = discourse.recent(n, f.start, only=actors.NOT_ARMED_GROUPS)
                no_actor.add(id(f))
            elif f.actor is None and generic:
                no_actor.add(id(f))  # what is usual belongs to no one force
            elif f.actor is None and document_actor:
                if _insurgent(words, f):
                    # fighters and rebels belong to armed groups, never to the state the text is about; with no
                    # group named nearby, the one armed group the whole report names, if it names only one
                    f.actor = discourse.recent(n, f.start, banned, only=actors.ARMED_GROUPS)
                    no_actor.add(id(f))
                    if f.actor is None:
                        fighters.append(f)
                elif _mission_subject(words, f):  # "Die Mission umfasst 3500 Angehörige": the one named before
                    f.actor = organisation_near(n, f.start)
                else:
                    f.actor = discourse.recent(n, f.start, banned) or _first_from(mentions, f.end, banned)
                if f.actor is not None:
                    from_discourse.add(id(f))
            if banned:
                not_document[id(f)] = banned
            f.location = _location_after(words, f)
            figs.append(f)
            if f.count is not None:
                by_count[f.count] = f
            last_fig = f
            if f.actor and not aside[f.start]:  # an aside leaves the discourse as it was
                last_with_actor = f
                discourse.add(n, f.start, f.actor, "figure")
        in_sentence = figs[first_of_sentence:]
        _partitive_of_next(words, in_sentence, from_discourse)
        _share_attribute(words, in_sentence, after, own)
        _share_kind(words, in_sentence)
        for whole in _wholes_of_named_parts(words, in_sentence, after):
            # a total whose part is named by its origin is a total over several forces
            whole.actor = organisation_near(n, whole.start)
            no_actor.add(id(whole))
    for f in figs:
        if f.actor is None and id(f) not in no_actor and f.sent + 1 < len(sentences) and is_headline(sentences[f.sent]):
            # a headline's figure is the lead's story: "300.000 Reservisten werden teilmobilisiert" over
            # "Knapp sieben Monate nach Beginn des Ukraine-Krieges ordnete Russland … an"
            lead = _SentenceActors(sentences[f.sent + 1], None)
            f.actor = next((a for a, listed in zip(lead.actor, lead.listed)
                            if not listed and a not in not_document.get(id(f), ())), None)
        elif f.actor is None and id(f) not in no_actor and f.sent > 0 and is_headline(sentences[f.sent - 1]):
            # and the lead's figure is the headline's story: "Warum Russland an der Grenze aufrüstet" over
            # "Drei neue Stützpunkte, mehr als 150.000 Soldaten."
            head = _SentenceActors(sentences[f.sent - 1], None)
            f.actor = next((a for a, listed in zip(head.actor, head.listed)
                            if not listed and a not in not_document.get(id(f), ())), None)
    if document_actor:
        topic = topic_country(named_sentences) if any(f.actor in (TOPIC, None) for f in figs) else None
        for f in figs:
            if f.actor == TOPIC:
                f.actor = topic if topic not in not_document.get(id(f), ()) else None
            if f.actor is None and id(f) not in no_actor:
                f.actor = discourse.dominant(not_document.get(id(f), ()))
        _document_actor(sentences, [f for f in figs if id(f) not in no_actor], not_document)
        lost = [f for f in figs if f.actor is None and f.kind == "casualties" and id(f) not in no_actor
                and id(f) not in follows]
        # with no state named in most mentions, the state of the report's lead (where the event happened)
        home = topic or (lead_state(named_sentences) if lost else None)
        for f in lost:
            # soldiers killed or wounded with no owner named anywhere: the army of the country the report is
            # about ("In Pakistan ... kamen zwölf Soldaten ums Leben"), never their attackers; with no state
            # named at all, the state its places are in (the linker knows them)
            if home is None and not any(w.lower().startswith(MULTINATIONAL_WORDS)
                                        for w in sentences[f.sent][f.start:f.end + 6]):
                f.open_owner = frozenset(not_document.get(id(f), ()))
            elif home not in not_document.get(id(f), ()):
                f.actor = home
        for f in fighters:
            if f.actor is None and only_group() not in not_document.get(id(f), ()):
                f.actor = only_group()
        for f in figs:
            if id(f) in follows and follows[id(f)].actor not in not_document.get(id(f), ()):
                f.actor = follows[id(f)].actor
    return [_restore_positions(f, kept[f.sent]) for f in figs] if kept else figs


DATELINE_ENDS = {"–", "-", "—", ":", "|"}
MASK = "·"  # stands for a word the actor rules must not read (punctuation to every rule: no name, no figure)


def _without_dateline(words: list[str]) -> list[str]:
    """A sentence with its opening dateline masked: place names (and a date, an agency in parentheses) before
    a dash or colon in the first six words ("TOKIO –", "MOSKAU ( dpa-AFX ) -", "BAKU / ERIWAN :")."""
    if not words or not is_capitalised(words[0]):
        return words
    depth = 0
    for d, w in enumerate(words[:7]):
        if w in DATELINE_ENDS and d > 0 and depth == 0:
            return [MASK] * (d + 1) + words[d + 1:]
        depth += (w == "(") - (w == ")")
        lw = w.lower()
        if lw in actors.FORCE_NAMES or lw in actors.ORGANISATIONS or lw in actors.PREFIXES and depth == 0:
            return words  # a headline about a force ("SWISSCOY - 25 Jahre im Einsatz"), not a place
        if not (depth > 0 or w in (")", "/", ",", ".") or is_capitalised(w) or w[:1].isdigit()):
            return words
    return words


def _insurgent(words: list[str], f: Figure) -> bool:
    """Rebels, fighters, militiamen, or the members of their ranks: "drei Kommandeure der Rebellen"."""
    if f.head < 0:
        return False
    h = f.head
    return words[h].lower().endswith(INSURGENT_HEADS) or (
        h + 2 < len(words) and words[h + 1].lower() in ("der", "von")
        and words[h + 2].lower().endswith(INSURGENT_HEADS))


_GLUED_END = re.compile(r"^\d{1,3}(?:\.\d{3})+\.$")
_GLUED_GROUP = re.compile(r"^\d{3}\.$")  # the last group of "140 000."


def _first_from(mentions: list[tuple[int, str]], k: int, banned: set[str]) -> str | None:
    """The first owner named from position ``k`` on (bisection: linear in the figures a sentence)."""
    i = bisect_left(mentions, (k, ""))
    for _, actor in mentions[i:i + MAX_SKIP + 1]:
        if actor not in banned:
            return actor
    return None


def aside_mask(words: list[str]) -> list[bool]:
    """For each word: inside parentheses, by an unclosed "(" before it or an unopened ")" after it
    (the splitter may leave the "(" at the end of the sentence before). Read once a sentence."""
    inside = [False] * len(words)
    if "(" not in words and ")" not in words:
        return inside  # most sentences: no aside
    depth = 0
    for k, w in enumerate(words):
        depth += (w == "(") - (w == ")")
        inside[k] = depth > 0 or (depth == 0 and w == "(")
    depth = 0
    for k in range(len(words) - 1, -1, -1):
        depth += (words[k] == ")") - (words[k] == "(")
        if depth > 0 and words[k] != ")":
            inside[k] = True
    return inside


def _name_just_before(words: list[str], f: Figure) -> str | None:
    """A state named right before the number, as in tables and lists: "(Südkorea 687 000)"."""
    k = f.start - 1
    if k < 0 or not is_capitalised(words[k]) or (k > 0 and words[k - 1] not in ("(", ":", ";")):
        return None  # the name opens the entry: "(Südkorea 687 000)", "Südkorea: 687 000"
    found = actors.country_from_name(words[k])
    return found if found and len(found) == 2 else None


def _partitive_of_next(words: list[str], figs: list[Figure], from_discourse: set[int]) -> None:
    """``9500 der rund 34.500 US-Soldaten``: a bare number before the genitive of a figure is a part
    of it and has its actor (the sentence's own reading beats what the discourse guessed)."""
    for a, b in zip(figs, figs[1:]):
        if (a.elliptic and b.actor and (a.actor is None or id(a) in from_discourse)
                and [w.lower() for w in words[a.end:b.start]] in (["der"], ["von"], ["von", "den"])):
            a.actor = b.actor
            from_discourse.discard(id(a))


def _wholes_of_named_parts(words: list[str], figs: list[Figure], after: set[int]) -> list[Figure]:
    """``4000 Soldaten, darunter 800 aus der Bundeswehr``: a part named by its origin says that the rest
    comes from elsewhere, so a whole that does not name an owner itself is a total over several forces
    (``after``: figures whose ``aus``/genitive phrase named their owner)."""
    out = []
    for a, b in zip(figs, figs[1:]):
        between = [w.lower() for w in words[a.end:b.start]]
        if (len(between) <= 3 and any(w in ("darunter", "davon") for w in between)
                and (id(b) in after or _actor_in_span(words, b)) and id(a) not in after
                and _actor_in_span(words, a) is None and b.actor and b.actor != MIXED):
            out.append(a)
    return out


# captivity and exchanges of prisoners: the context in which coming home means having been captured
CAPTIVITY = ("gefangen", "kriegsgefangen", "gefangenenaustausch", "austausch", "freilassung", "freigelassen")
RETURN_WORDS = ("zurückgekehrt", "zurückkehr", "heimgekehrt", "heimkehr", "zurückgeholt", "ausgetauscht",
                "überstellt", "übergeben")


def _returned(words: list[str], f: Figure) -> bool:
    """A verb of coming home or being handed over in the figure's clause ("seien 103 Soldaten nach Hause
    zurückgekehrt", "wurden 63 Soldaten zurückgeholt")."""
    lo, hi = clause_bounds(words, f.start, f.end)
    return any(words[k].lower().startswith(RETURN_WORDS) for k in range(lo, hi) if not f.start <= k < f.end)


@lru_cache(maxsize=65536)  # pure in the word, asked for every word of a sentence
def _captivity_word(word: str) -> bool:
    return word.lower().startswith(CAPTIVITY)


def _is_space(word: str) -> bool:
    return bool(word) and word.isspace() and "\n" not in word


def _restore_positions(f: Figure, keep: list[int]) -> Figure:
    """A figure's positions in the sentence with its space tokens (``keep``: the kept tokens' positions)."""
    return replace(f, start=keep[f.start], end=keep[f.end - 1] + 1, head=keep[f.head] if f.head >= 0 else -1)


def _has_military_head(sentences: list[list[str]]) -> bool:
    return any((classify_head(w) or ("",))[0] in ("personnel", "formation") for s in sentences for w in s)


def _is_partitive(words: list[str], prev: Figure, f: Figure) -> bool:
    """``vier von ihnen``, ``darunter 500 Offiziere``, ``50 davon``: a part of the previous figure."""
    own = {w.lower() for w in words[max(prev.end, f.start - 1):f.end]}
    return bool(SUBFIGURE_CUES.intersection(own))


def _is_subfigure(words: list[str], prev: Figure, f: Figure) -> bool:
    """``12.000 Soldaten ..., unter ihnen 500 Offiziere und drei Generäle``: a part of the previous figure."""
    between = [w.lower() for w in words[prev.end:f.start]]
    if between in (["und"], ["sowie"], [","]) and _insurgent(words, f) != _insurgent(words, prev):
        return False  # "fünf Soldaten und zehn Kämpfer der Miliz": the two sides of a fight, not one force
    return bool(SUBFIGURE_CUES.intersection(between)) or between in (["und"], ["sowie"], [","])


@lru_cache(maxsize=65536)  # pure in the word, asked for every word of a document
def _bund_word(word: str) -> bool:
    return word.lower().startswith(("bundeswehr", "bundesheer"))


def _document_actor(sentences: list[list[str]], figs: list[Figure],
                    not_document: dict[int, set[str]] | None = None) -> None:
    """Give unresolved figures the document's actor when the document leaves no doubt.

    Candidates are the figures' own actors and the document's named national forces
    ("Bundeswehr", "das türkische Militär"); exactly one candidate means no doubt.
    """
    # a casualty figure's owner is often the other side (two soldiers the enemy captured): no doubt it casts
    known: Counter[str] = Counter(f.actor for f in figs if f.actor and f.kind != "casualties")
    for words in sentences:
        for w in words:
            if _bund_word(w):
                force = actors.actor_from_prefix(w) or actors.ORGANISATIONS.get(w.lower())
                if force:
                    known[force] += 1
        forces = _force_actor(words)
        if forces:
            known[forces] += 1
    if len(known) != 1:
        return
    actor = next(iter(known))
    for f in figs:
        if f.actor is None and actor not in (not_document or {}).get(id(f), ()):
            f.actor = actor
