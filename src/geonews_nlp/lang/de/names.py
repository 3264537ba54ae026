"""German name rules: what stands around a name in German news, for completing, trimming and
relabelling the NER's entities (the ``names`` part of the German pack). Pure functions, no spaCy."""

from __future__ import annotations

import re
from functools import lru_cache

from ..cues import listed_after_cue
from .troops import PERSONNEL_SUFFIXES

_WEEKDAY_TIME = re.compile(r"^(Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonnabend|Sonntag)"
                           r"(früh|morgen|vormittag|mittag|nachmittag|abend|nacht)s?$")


def not_a_name(word: str) -> bool:
    """A one-word entity a model may report that names no one: a time ("Montagfrüh") or people
    described by a name ("Wagner-Söldner", "US-Soldaten": GermEval's *part, not an entity)."""
    head = word.rpartition("-")[2].lower()
    return bool(_WEEKDAY_TIME.match(word)) or ("-" in word and head in PERSONNEL_SUFFIXES)


# A role or office right before a capitalised word makes that word a person's name ("Außenminister
# Steinmeier", "CSU-Politiker Straubinger"), also where the name is a place elsewhere ("Regisseur
# Miyazaki"). Matched as the end of a compound, in the usual inflections.
ROLE_NOUNS = (
    "kanzler", "präsident", "minister", "premier", "politiker", "chef", "sprecher", "vorsitzende",
    "vorsitzender", "sekretär", "botschafter", "bürgermeister", "abgeordnete", "abgeordneter", "gouverneur",
    "senator", "general", "kommandeur", "befehlshaber", "oberst", "admiral", "regisseur", "autor", "sänger",
    "stürmer", "torwart", "spieler", "trainer", "anwalt", "richter", "vorgänger", "nachfolger", "ceo", "papst",
    "könig", "prinz", "diktator", "machthaber", "anführer", "oppositionsführer", "kandidat", "herausforderer",
    "gründer", "manager", "direktor", "professor", "forscher", "reporter", "korrespondent", "journalist",
    "unternehmer", "schauspieler", "musiker", "kollege", "kommissar", "beauftragte", "beauftragter",
    "staatssekretär", "diplomat", "aktivist", "oligarch", "milliardär",
)
_ROLE_FORMS = tuple(role + ending for role in ROLE_NOUNS for ending in ("", "in", "s", "n", "en"))
_NOT_NAMES = {"Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonnabend", "Sonntag",
              "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
              "November", "Dezember", "Der", "Die", "Das", "Den", "Dem", "Des", "Ein", "Eine", "Er", "Sie", "Es"}


@lru_cache(maxsize=65536)  # called for most capitalised words of every text
def is_role_noun(word: str) -> bool:
    """A role or office that a name may follow: "Außenminister", "Kanzlerin", "CSU-Politiker", "CEO"."""
    return word.lower().endswith(_ROLE_FORMS)


def name_after_role(words: list[str], i: int) -> bool:
    """Whether ``words[i]`` alone is a surname named by the role before it ("Vorgänger Steinmeier sei").

    One capitalised word, not itself a role, a weekday, a month or an article, with no capitalised
    word after it: "Präsident Wladimir Putin" and "Kanzler Scholz Reportern" are left to the model."""
    if i == 0 or i >= len(words):
        return False
    w = words[i]
    if (len(w) < 3 or not w[0].isupper() or not w[1:].replace("-", "").islower() or w in _NOT_NAMES
            or not w.replace("-", "").isalpha() or (i + 1 < len(words) and words[i + 1][:1].isupper())):
        return False
    return words[i - 1][:1].isupper() and is_role_noun(words[i - 1]) and not is_role_noun(w)


# A word for a kind of organisation before its name is no part of the name, in GermEval's guidelines as in
# the news gold: "Rebellengruppe [ADF]", "Terrormiliz [IS]", "Hersteller [Lockheed Martin]", "Bankhaus
# [Credito Emiliano]". Bare "Gruppe" starts names ("Gruppe 47"), and "...verband" ends in "band".
ORG_DESCRIPTOR_HEADS = ("miliz", "milizen", "gruppe", "konzern", "konzerns", "hersteller", "herstellers", "firma",
                        "bankhaus", "versicherer", "versicherers", "band", "sender", "senders", "geheimdienst",
                        "geheimdienstes", "nachrichtendienst", "nachrichtendienstes")
_ORG_DESCRIPTOR_BARE = set(ORG_DESCRIPTOR_HEADS) - {"gruppe"}


def is_org_descriptor(word: str) -> bool:
    """Whether ``word`` names a kind of organisation: "Terrormiliz", "Rüstungskonzern", "Bankhaus", "Rockband"."""
    w = word.lower()
    if w in _ORG_DESCRIPTOR_BARE:
        return word[:1].isupper()
    return (word[:1].isupper() and word.isalpha() and w.endswith(ORG_DESCRIPTOR_HEADS)
            and not w.endswith("verband") and any(len(w) > len(h) + 2 for h in ORG_DESCRIPTOR_HEADS if w.endswith(h)))


# Kinship before a name is no part of it either: "Halbbruder [Sven]", "Tochter [Anna]". Listed with their
# prefixes, not matched as word ends: surnames end in them too ("Mendelssohn", "Henkel").
KINSHIP = {prefix + word for prefix in ("", "halb", "stief", "groß", "ur", "schwieger", "zwillings", "adoptiv")
           for word in ("bruder", "schwester", "sohn", "tochter", "vater", "mutter", "onkel", "tante", "neffe",
                        "nichte", "enkel", "enkelin", "cousin", "cousine")} | {
    "ehemann", "ehefrau", "witwe", "witwer", "gattin", "gatte", "freundin", "lebensgefährtin", "lebensgefährte"}


def is_person_descriptor(word: str) -> bool:
    """A role or kinship word that may stand before a person's name: "Außenminister", "Halbbruder"."""
    return word[:1].isupper() and (is_role_noun(word) or word.lower() in KINSHIP)


_INITIAL = re.compile(r"^[A-ZÄÖÜ]\.?\*?$")  # "S." ("S.*" in GermEval's anonymised sentences)


def anonymised_name_end(words: list[str], i: int) -> int | None:
    """Where a name shortened to an initial ends, in the press's "Mustafa S. (27)": a capitalised
    word, an initial and an age in brackets. ``None`` where ``words[i]`` starts no such name."""
    w = words[i] if i < len(words) else ""
    if len(w) < 2 or not (w[0].isupper() and w[1:].islower() and w.isalpha()) or w in _NOT_NAMES:
        return None
    j = i + 1
    if j >= len(words) or not _INITIAL.match(words[j]):
        return None
    j += 1
    if not words[j - 1].endswith((".", ".*")):
        if words[j:j + 1] != ["."]:
            return None
        j += 1  # "R ." split by the tokenizer
    if words[j:j + 1] == ["("] and j + 2 < len(words) and words[j + 1].isdigit() and words[j + 2] == ")":
        return j
    return None




# --- word sets around names (were in components/entities.py and components/linker.py) -------------

# Particles that start a name's second part. German "von" and "zu" alone are too often plain
# prepositions ("Rutte von Reportern umringt") and count only followed by an article ("von der").
PARTICLES = frozenset({"van", "de", "da", "di", "del", "della", "dos", "du", "ter", "bin", "ibn", "al", "el"})
PREPOSITION_PARTICLES = frozenset({"von", "vom", "zu", "van", "de"})
ARTICLE_PARTICLES = frozenset({"der", "den", "dem", "la", "le", "los"})
# lower case inside a country's name ("Bosnien und Herzegowina")
NAME_FUNCTION_WORDS = frozenset({"und", "von", "der", "die", "des"})
# German "von dem"/"von den" is a preposition and its article: "Moein von dem Ergebnis"
NOT_PARTICLE_PAIRS = frozenset((p, a) for p in ("von", "vom") for a in ("den", "dem"))
# Forms of address are not part of a name (GermEval and CoNLL guidelines): "Herr Willemsen" is "Willemsen".
TITLES = frozenset({"Herr", "Herrn", "Frau", "Mr.", "Mrs.", "Ms.", "Miss", "Dr.", "Prof."})
REGION_WORDS = frozenset({"provinz", "region", "oblast", "gebiet", "bundesland", "bundesstaat", "gouvernement",
                          "kanton", "landkreis", "bezirk", "distrikt", "departement", "regierungsbezirk"})
# Compounds that name a kind of region before a name ("Westprovinz Farah", "Grenzregion Kursk"), and
# the plurals before a list ("in den Regionen Kyjiw, Donezk und Luhansk"); not "Stadtgebiet", which
# is the town
# Capitalised right before a known place's name they make it a place: "Provinz Idlib", "im Gebiet Kursk"
REGION_WORDS_BEFORE = frozenset({"Provinz", "Region", "Oblast", "Gebiet", "Bundesstaat", "Gouvernement", "Kanton",
                                 "Distrikt", "Departement", "Bezirk"})
# Names of regions that are words of direction too: "Region Nord", "Gebiet Mitte" name no place
DIRECTION_WORDS = frozenset({"mitte", "nord", "süd", "ost", "zentral"})
REGION_HEADS = ("provinz", "region", "oblast", "bundesstaat", "gouvernement")
REGION_PLURAL_ENDINGS = ("en", "e", "s", "n")
REGION_JOINERS = frozenset({"und", "sowie", "oder"})


@lru_cache(maxsize=4096)
def is_region_word(word: str) -> bool:
    """A word that names a kind of region, in the singular or plural, alone or as the head of a
    compound: "Provinz", "Regionen", "Nordprovinz", "Grenzregionen"."""
    w = word.lower()
    forms = [w, *(w[: -len(e)] for e in REGION_PLURAL_ENDINGS if w.endswith(e) and len(w) > len(e) + 3)]
    return any(f in REGION_WORDS or (len(f) > 7 and f.endswith(REGION_HEADS)) for f in forms)


def region_cue(before: list[str], name: str, after: list[str]) -> bool:
    """The words around a place name say it is a region: a region word before it, or before the list it
    is in ("Provinz Idlib", "Westprovinz Farah", "in den Regionen Kyjiw, Donezk und Luhansk").
    ``before`` and ``after`` are the words of its sentence, punctuation split off."""
    return listed_after_cue(before[::-1], is_region_word, REGION_JOINERS)


TOWN_WORDS = frozenset({"dorf", "dörfer", "dörfern", "stadt", "städte", "städten", "ortschaft", "ortschaften",
                        "ort", "orte", "orten", "siedlung", "siedlungen"})


def town_cue(before: list[str], name: str, after: list[str]) -> bool:
    """The words before a name say it is a town: "in den Dörfern Kalyniwka und Hrakowe"."""
    return listed_after_cue(before[::-1], lambda w: w.lower() in TOWN_WORDS, REGION_JOINERS)


# Nor is a descriptor word before a name ("Region [Kursk]", "Agentur [dpa]", "Stadt [Wien]"), in
# GermEval's guidelines as in the news gold.
PLACE_KINDS = REGION_WORDS | {"stadt", "gemeinde", "dorf", "ortsteil", "ot", "ortschaft"}
DESCRIPTORS = PLACE_KINDS | {"agentur", "nachrichtenagentur"}
# and the common compounds of "Stadt", "Gemeinde" and "Dorf" before a place's name ("Kreisstadt [Torgau]",
# "Hauptstadt [Kiew]"), listed: a suffix test would take "Darmstadt" and "Düsseldorf" for descriptors
PLACE_DESCRIPTORS = frozenset({
    f"{first}{head}" for head, firsts in {
        "stadt": ("kreis", "haupt", "landeshaupt", "bezirkshaupt", "provinzhaupt", "hafen", "groß", "klein",
                  "heimat", "geburts", "partner", "universitäts", "industrie", "grenz", "küsten", "millionen",
                  "nachbar", "kur", "garnisons", "residenz", "bischofs", "handels", "front"),
        "gemeinde": ("orts", "nachbar", "markt", "stadt", "land", "heimat", "verbands", "einheits"),
        "dorf": ("heimat", "nachbar", "berg", "fischer", "grenz", "bauern", "geburts"),
    }.items() for first in firsts})
# Words after which a name is a place, whatever the model said ("Region", "Kreisstadt"; not "Agentur")
PLACE_WORDS = PLACE_KINDS | PLACE_DESCRIPTORS
# Before a capital these make it the place, not the government it may stand for ("in Moskau")
LOCATIVE = frozenset({"in", "im", "nach", "aus", "bei", "nahe", "um", "vor", "über", "durch", "von", "vom"})
# Prepositions after which a name is a place, never a person ("Kämpfe in [Demoso]", "nahe [Marib]")
PLACE_BEFORE = frozenset({"in", "im", "nahe"})
# A newspaper named with its article ("Die Zeit") counts only in quotes: the article is a plain word too
CAPITALISED_ARTICLES = frozenset({"Der", "Die", "Das", "The", "Le", "La", "El", "Il"})


def genitive_forms(name: str) -> list[str]:
    """The German genitive of a one-word name: "Russlands Präsident", "Kiews Truppen"."""
    if len(name.split()) == 1 and not name.endswith(("s", "x", "z", "ß")):
        return [name + "s"]
    return []


# the endings of German adjectives and participles in names ("Syrische", "Vereinte", "Islamischer", "Rotes")
_ADJECTIVE = re.compile(r"^[A-ZÄÖÜ][a-zäöüß-]*"
                        r"(sch|lich|ig|al|är|ell|iv|an|sam|bar|haft|nt|rt|gt|ei|eu|ot|ier|ein|ht|st)(e|er|es)$")


def adjective_forms(name: str) -> list[str]:
    """The weak forms of a name whose first words are adjectives, as German writes them after an article
    or in the genitive and dative: "Revolutionäre Streitkräfte Kolumbiens" → "Revolutionären Streitkräfte
    Kolumbiens", "Islamischer Staat" → "Islamischen Staat", "Freie Syrische Armee" → "Freien Syrischen Armee"."""
    words = name.split(" ")
    k = 0
    while k < len(words) - 1 and _ADJECTIVE.match(words[k]):
        k += 1
    if k == 0:
        return []
    weak = [re.sub(r"(e|er|es)$", "en", w) for w in words[:k]]
    form = " ".join(weak + words[k:])
    return [form] if form != name else []


def genitive_bases(word: str) -> list[str]:
    """What a word in the genitive may be the name of: "Ruttes" → "Rutte"."""
    return [word[:-1]] if word.endswith("s") else []


def person_genitive(name: str, after: str) -> bool:
    """A one-word name in "-s" right before a capitalised word, of no known place, is a person's
    genitive before a noun: "Zabels Entscheidung". ``after``: the text right after the name."""
    return " " not in name and len(name) > 3 and name.endswith("s") and after.strip()[:1].isupper()


# the form of a state before its short name: "Republik Bergkarabach", "Freistaat Sachsen"
STATE_FORMS = frozenset({"republik", "volksrepublik", "bundesrepublik", "freistaat", "königreich", "emirat",
                         "sultanat", "fürstentum", "großherzogtum"})


def leading_descriptor(word: str) -> bool:
    """A word before a known name in a mention that is no part of the name (``KeyRules.leading_descriptor``):
    a lower-case word, a kind of place, state or organisation ("Hauptstadt", "Freistaat",
    "Nachrichtenagentur")."""
    w = word.lower()
    return (not word[:1].isupper() or w in DESCRIPTORS or w in PLACE_WORDS or w in STATE_FORMS
            or is_org_descriptor(word))
