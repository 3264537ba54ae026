"""English name rules: what stands around a name in English news, for completing, trimming and
relabelling the NER's entities (the ``names`` part of the English pack). Pure functions, no spaCy."""

from __future__ import annotations

import re
from functools import lru_cache

from ..cues import listed_after_cue
from .actors import actor_from_adjective, country_from_name
from .troops import PERSONNEL

_WEEKDAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
_MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"}
_NOT_NAMES = _WEEKDAYS | _MONTHS | {"The", "A", "An", "He", "She", "It", "They", "We", "I", "This", "That",
                                    "These", "Those", "His", "Her", "Their", "Its", "Mr", "Mrs", "Ms"}


def not_a_name(word: str) -> bool:
    """A one-word entity a model may report that names no one: a weekday or month, or people
    described by a name ("U.S.-troops")."""
    if word in _WEEKDAYS or word in _MONTHS:
        return True
    if is_role_noun(word):
        return True  # '..." Spokesman, Mohammad Hijri, said': the role, not the name
    if "-" not in word and "." not in word and actor_from_adjective(word) and not country_from_name(word):
        return True  # "the Rwandan forces": a nationality adjective names no one (MISC, not PER/ORG/LOC)
    head = word.rpartition("-")[2].lower()
    if "-" not in word and word.lower() in PERSONNEL and word.lower().endswith("s"):
        return True  # "seven Marines", "Soldiers said": people described by what they are, named by no one
    return "-" in word and head in PERSONNEL


# A role or office right before a capitalised word makes that word a person's name ("Secretary
# Blinken", "spokesman Peskov"), also where the name is a place elsewhere.
ROLE_NOUNS = (
    "president", "minister", "premier", "chancellor", "secretary", "spokesman", "spokeswoman", "spokesperson",
    "ambassador", "governor", "senator", "mayor", "general", "gen.", "commander", "colonel", "col.", "admiral",
    "adm.", "lieutenant", "lt.", "sergeant", "sgt.", "major", "maj.", "captain", "capt.", "director", "chief",
    "leader", "king", "queen", "prince", "princess", "pope", "chairman", "chairwoman", "envoy", "diplomat",
    "lawmaker", "congressman", "congresswoman", "representative", "rep.", "sen.", "gov.", "judge", "justice",
    "prosecutor", "attorney", "lawyer", "coach", "striker", "goalkeeper", "author", "director", "reporter",
    "correspondent", "journalist", "activist", "oligarch", "billionaire", "ceo", "founder", "dictator",
    "warlord", "emir", "sheikh", "ayatollah", "predecessor", "successor", "candidate", "rival", "colleague",
    "commissioner", "official", "officer", "analyst", "professor", "prof.", "researcher", "staff", "premier",
    # military ranks as news abbreviates them, with and without the full stop ("Brig. Gen. Domingo Tutaan")
    "brig.", "brig", "gen", "maj", "lt", "col", "sgt", "capt", "cpl", "cpl.", "pvt", "pvt.", "cmdr", "cmdr.",
    "cdr", "cdr.", "corporal", "brigadier", "naik", "havildar", "subedar",
)
_ROLE_FORMS = frozenset(r for role in ROLE_NOUNS for r in (role, role + "s"))


@lru_cache(maxsize=65536)
def is_role_noun(word: str) -> bool:
    """A role or office that a name may follow: "President", "spokesman", "Gen.", "Defense Minister"."""
    return word.lower() in _ROLE_FORMS


def name_after_role(words: list[str], i: int) -> bool:
    """Whether ``words[i]`` alone is a surname named by the role before it ("spokesman Peskov said").

    One capitalised word, not itself a role, a weekday, a month or a pronoun, with no capitalised
    word after it."""
    if i == 0 or i >= len(words):
        return False
    w = words[i]
    if (len(w) < 3 or not w[0].isupper() or not w[1:].replace("-", "").islower() or w in _NOT_NAMES
            or not w.replace("-", "").isalpha() or (i + 1 < len(words) and words[i + 1][:1].isupper())):
        return False
    return is_role_noun(words[i - 1]) and not is_role_noun(w)


ORG_DESCRIPTORS = {"militia", "group", "company", "firm", "maker", "manufacturer", "agency", "band",
                   "broadcaster", "newspaper", "network", "channel", "bank", "insurer", "carrier", "airline"}


def is_org_descriptor(word: str) -> bool:
    """Whether ``word`` names a kind of organisation before its name: "militia", "broadcaster", "agency"."""
    return word.lower() in ORG_DESCRIPTORS


KINSHIP = {"brother", "sister", "son", "daughter", "father", "mother", "uncle", "aunt", "nephew", "niece",
           "cousin", "grandson", "granddaughter", "grandfather", "grandmother", "husband", "wife", "widow",
           "widower", "stepson", "stepdaughter", "half-brother", "half-sister", "girlfriend", "boyfriend"}


def is_person_descriptor(word: str) -> bool:
    """A role or kinship word that may stand before a person's name: "President", "brother"."""
    return is_role_noun(word) or word.lower() in KINSHIP


_INITIAL = re.compile(r"^[A-Z]\.$")


def anonymised_name_end(words: list[str], i: int) -> int | None:
    """English news does not shorten names to an initial with an age in brackets ("Mustafa S. (27)");
    a first name, an initial and ``(27)`` is still read the same way, else ``None``."""
    w = words[i] if i < len(words) else ""
    if len(w) < 2 or not (w[0].isupper() and w[1:].islower() and w.isalpha()) or w in _NOT_NAMES:
        return None
    j = i + 1
    if j >= len(words) or not _INITIAL.match(words[j]):
        return None
    j += 1
    if words[j:j + 1] == ["("] and j + 2 < len(words) and words[j + 1].isdigit() and words[j + 2] == ")":
        return j
    return None


# Particles that start a name's second part ("Ursula von der Leyen", "Mohammed bin Salman").
PARTICLES = frozenset({"van", "de", "da", "di", "del", "della", "dos", "du", "ter", "bin", "ibn", "al", "el",
                       "von", "der", "le", "la"})
PREPOSITION_PARTICLES = frozenset({"von", "van", "de"})
ARTICLE_PARTICLES = frozenset({"der", "den", "la", "le", "los"})
# lower case inside a country's name ("Democratic Republic of the Congo", "Bosnia and Herzegovina")
NAME_FUNCTION_WORDS = frozenset({"of", "and", "the"})
# Forms of address are not part of a name (CoNLL guidelines): "Mr. Johnson" is "Johnson".
# Military ranks before a name, as news writes them (with or without the full stop, which spaCy may split
# off): not part of the name either ("Brig. Gen. [Domingo Tutaan]", "Lance Naik [Muhammad Amin]")
RANKS = frozenset({"Gen.", "Gen", "Brig.", "Brig", "Maj.", "Maj", "Col.", "Col", "Lt.", "Lt", "Capt.", "Capt",
                   "Sgt.", "Sgt", "Cpl.", "Cpl", "Pvt.", "Pvt", "Adm.", "Adm", "Cmdr.", "Cmdr", "Cdr.", "Cdr",
                   "Lieut.", "Lance", "Naik", "Havildar", "Subedar", "Sepoy", "Brigadier", "Colonel", "Lieutenant",
                   "Sergeant", "Corporal", "Private", "Admiral", "Major", "General", "Captain", "Commander",
                   "Marshal", "Field", "Staff", "First", "Class", "Master", "Chief", "Warrant", "Officer", "(res.)"})
# (not the ranks that are given names or words too: "Lance Armstrong", "Major Garrett", "Chief Keef")
AMBIGUOUS_RANKS = frozenset({"Lance", "Major", "Chief", "Master", "Private", "Marshal", "General", "Captain",
                             "Commander", "Field", "Staff", "First", "Class", "Warrant", "Officer"})
TITLES = frozenset({"Mr.", "Mrs.", "Ms.", "Mr", "Mrs", "Ms", "Miss", "Dr.", "Dr", "Prof.", "Sir", "Dame",
                    "Lord", "Lady"} | (RANKS - AMBIGUOUS_RANKS))
# Words that start no person's name after a rank: "General Staff", "Major League", "Field Marshal"
_NOT_AFTER_RANK = frozenset({"Staff", "Assembly", "Command", "Headquarters", "League", "Secretary", "Motors",
                             "Electric", "Dynamics", "Hospital", "Council", "Directorate", "Court", "Prosecutor",
                             "Manager", "Services", "Counsel", "Consul", "Election", "Elections", "Strike"})
_RANK_HEADS = frozenset(r for r in RANKS if r[:1].isupper() and r not in ("Field", "Staff", "First", "Class",
                                                                          "Master", "Chief", "Warrant", "Officer",
                                                                          "Lance", "General", "Major", "Private",
                                                                          "Commander", "Captain", "Marshal"))


_ABBREVIATED_RANKS = frozenset(r for r in RANKS if len(r) <= 5 and not r.endswith(".") and r[:1].isupper()
                               and r not in AMBIGUOUS_RANKS)


def rank_name_end(words: list[str], i: int) -> int | None:
    """The end of a person's full name of two or three words right after an abbreviated rank ("Brig. Gen.
    [Domingo Tutaan]", "Maj Gen [Vincent Nyakarundi]", "Lance Naik [Muhammad Amin]"), else None."""
    k = i - 1
    if k >= 1 and words[k] == ".":
        if words[k - 1] not in _ABBREVIATED_RANKS:
            return None  # "promoted to Colonel. Many Ukrainians ...": a sentence's end, no abbreviation
        k -= 1
    if k < 0 or words[k] not in _RANK_HEADS:
        return None
    j = i
    while j < len(words) and j - i < 3 and words[j][:1].isupper() and words[j][1:2].islower() \
            and words[j].replace("-", "").isalpha() and words[j] not in _NOT_AFTER_RANK and words[j] not in RANKS:
        j += 1
    return j if j - i >= 2 and (j == len(words) or not words[j][:1].isupper()) else None
REGION_WORDS = frozenset({"province", "region", "oblast", "state", "county", "district", "governorate",
                          "prefecture", "territory", "canton", "department", "krai", "republic"})
# Before a name, a region word counts only through "of" ("the province of Saada"): "Republic" and
# "State" start names of their own ("State Department")
REGION_WORDS_BEFORE = frozenset({"province", "region", "oblast", "state", "county", "district", "governorate",
                                 "prefecture", "provinces", "regions", "oblasts", "states", "counties",
                                 "districts", "governorates", "prefectures"})
# In lower case right after a known place's name they make it a place: "the Kidal region", "Borno state";
# capitalised they start names of their own ("Ohio State", "Islamic State", "Chechen Republic")
REGION_WORDS_AFTER = frozenset({"province", "region", "oblast", "state", "governorate", "prefecture", "krai",
                                "provinces", "regions", "oblasts", "states", "governorates", "prefectures"})
REGION_JOINERS = frozenset({"and", "or"})
_REGION_PLURALS = {"counties": "county", "territories": "territory", "republics": "republic"}


def is_region_word(word: str) -> bool:
    """ "province", "regions", "Oblast", "counties": a word that names a kind of region."""
    w = word.lower()
    return w in REGION_WORDS or _REGION_PLURALS.get(w, w[:-1] if w.endswith("s") else w) in REGION_WORDS


def region_cue(before: list[str], name: str, after: list[str]) -> bool:
    """The words around a place name say it is a region: a region word after it or after the list it is
    in ("the Kursk region", "Takhar province", "Donetsk and Luhansk regions"), one before it through
    "of" ("the province of Saada", "the provinces of Helmand and Kandahar"), or its own last word
    ("Yobe state"). ``before`` and ``after`` are the words of its sentence, punctuation split off."""
    words = name.split()
    if len(words) > 1 and is_region_word(words[-1]):
        return True
    # a capitalised region word that starts a longer name is no cue: "Washington State University"
    after = [w if not (w[:1].isupper() and i + 1 < len(after) and after[i + 1][:1].isupper()) else "·"
             for i, w in enumerate(after)]
    return (listed_after_cue(after, is_region_word, REGION_JOINERS)
            or listed_after_cue(before[::-1], lambda w: w.lower() in REGION_WORDS_BEFORE, REGION_JOINERS,
                                linkers=frozenset({"of"}), cue_first=False))


TOWN_WORDS = frozenset({"village", "villages", "town", "towns", "city", "cities", "district", "districts",
                        "settlement", "settlements", "township", "townships"})


def town_cue(before: list[str], name: str, after: list[str]) -> bool:
    """The words around a name say it is a town: "in Ceel Gambar and Baalal Dheer villages", "the towns
    of Bir al-Ghanam and Zawiya" (a list of names, then or after "of" before it, a kind of town), or
    "Roi Tal, 19, from Kfar Yehoshua"."""
    if len(before) >= 3 and before[-1] == "from" and before[-2] == "," and before[-3].isdigit():
        return True  # "Sergeant Roi Tal, 19, from Kfar Yehoshua": where a person named with an age is from
    return (listed_after_cue(after, lambda w: w.lower() in TOWN_WORDS, REGION_JOINERS)
            or listed_after_cue(before[::-1], lambda w: w.lower() in TOWN_WORDS, REGION_JOINERS,
                                linkers=frozenset({"of"}), cue_first=False))


PLACE_KINDS = REGION_WORDS | {"city", "town", "village", "municipality", "settlement", "capital"}
DESCRIPTORS = PLACE_KINDS | {"agency", "news agency"}
PLACE_DESCRIPTORS = frozenset({"capital", "port", "city", "town", "village", "border town", "frontline town"})
PLACE_WORDS = PLACE_KINDS | PLACE_DESCRIPTORS
# Before a capital these make it the place, not the government it may stand for ("in Moscow")
LOCATIVE = frozenset({"in", "to", "into", "near", "at", "from", "outside", "inside", "around", "across",
                      "toward", "towards", "via", "through", "over", "off", "within"})
# Prepositions after which a name is a place, never a person ("clashes in [Demoso]", "near [Marib]"); not
# "from", "to", "at", "with" ("a call from Biden", "spoke to Putin")
PLACE_BEFORE = frozenset({"in", "near", "outside", "inside", "around", "across", "into", "toward", "towards",
                          "within"})
CAPITALISED_ARTICLES = frozenset({"The"})


def genitive_forms(name: str) -> list[str]:
    """None: spaCy's English tokenizer splits the possessive off ("Russia" "'s"), so the name itself matches."""
    return []


def genitive_bases(word: str) -> list[str]:
    """What a word with a possessive left on it may be the name of: "Russia's" → "Russia"."""
    for suffix in ("'s", "’s"):
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            return [word[: -len(suffix)]]
    return []


def person_genitive(name: str, after: str) -> bool:
    """English marks no genitive on the name itself (the ``'s`` is its own token)."""
    return False


def leading_descriptor(word: str) -> bool:
    """A word before a known name in a mention that is no part of the name (``KeyRules.leading_descriptor``):
    a lower-case word, a kind of place or organisation ("news agency", "militia")."""
    w = word.lower()
    return not word[:1].isupper() or w in DESCRIPTORS or w in PLACE_WORDS or is_org_descriptor(word)

# "pro-Hadi forces", "anti-Assad rebels": an adjective made of a name, no entity (the tokenizer splits
# the prefix and the hyphen off)
ADJECTIVE_PREFIXES = frozenset({"pro", "anti"})
