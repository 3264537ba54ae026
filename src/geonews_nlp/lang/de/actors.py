"""Who a German word names as an actor: states (ISO 3166-1 alpha-2) and organisations.

Country names in German come from CLDR through ``babel``; what CLDR lacks
(adjective stems, compound prefixes, capitals used for governments,
organisations and armed groups) is the small curated table below. The gazetteer
normaliser can replace this table; until then it is the actor resolver's source.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..common import read_force_table

# Nationality adjective stems: nordkoreanisch-e/-en/-er/-es/-em.
ADJECTIVE_STEMS = {
    "afghanisch": "AF", "ägyptisch": "EG", "albanisch": "AL", "algerisch": "DZ", "amerikanisch": "US",
    "us-amerikanisch": "US", "argentinisch": "AR", "armenisch": "AM", "aserbaidschanisch": "AZ",
    "äthiopisch": "ET", "australisch": "AU", "belarussisch": "BY", "weißrussisch": "BY", "belgisch": "BE",
    "bosnisch": "BA", "brasilianisch": "BR", "britisch": "GB", "bulgarisch": "BG", "chinesisch": "CN",
    "dänisch": "DK", "deutsch": "DE", "estnisch": "EE", "finnisch": "FI", "französisch": "FR",
    "georgisch": "GE", "griechisch": "GR", "indisch": "IN", "irakisch": "IQ", "iranisch": "IR",
    "irisch": "IE", "israelisch": "IL", "italienisch": "IT", "japanisch": "JP", "jemenitisch": "YE",
    "jordanisch": "JO", "kanadisch": "CA", "kasachisch": "KZ", "kongolesisch": "CD", "kosovarisch": "XK",
    "kroatisch": "HR", "lettisch": "LV", "libanesisch": "LB", "libysch": "LY", "litauisch": "LT",
    "malisch": "ML", "marokkanisch": "MA", "mexikanisch": "MX", "moldauisch": "MD", "niederländisch": "NL",
    "holländisch": "NL", "nigerianisch": "NG", "nigrisch": "NE", "nordkoreanisch": "KP", "norwegisch": "NO",
    "österreichisch": "AT", "pakistanisch": "PK", "palästinensisch": "PS", "polnisch": "PL",
    "portugiesisch": "PT", "rumänisch": "RO", "russisch": "RU", "saudi-arabisch": "SA", "saudisch": "SA",
    "schwedisch": "SE", "schweizerisch": "CH", "serbisch": "RS", "slowakisch": "SK", "slowenisch": "SI",
    "somalisch": "SO", "spanisch": "ES", "südafrikanisch": "ZA", "sudanesisch": "SD", "südkoreanisch": "KR",
    "syrisch": "SY", "taiwanisch": "TW", "tschechisch": "CZ", "tschadisch": "TD", "türkisch": "TR",
    "ukrainisch": "UA", "ungarisch": "HU", "usbekisch": "UZ", "venezolanisch": "VE", "vietnamesisch": "VN",
    # the states of the wars and missions in the news that the list above lacked (Duden's adjectives)
    "burkinisch": "BF", "kenianisch": "KE", "myanmarisch": "MM", "birmanisch": "MM", "taiwanesisch": "TW",
    "tunesisch": "TN", "südsudanesisch": "SS", "eritreisch": "ER", "ruandisch": "RW", "ugandisch": "UG",
    "burundisch": "BI", "tansanisch": "TZ", "mosambikanisch": "MZ", "kamerunisch": "CM",
    "zentralafrikanisch": "CF", "senegalesisch": "SN", "ivorisch": "CI", "ghanaisch": "GH", "guineisch": "GN",
    "mauretanisch": "MR", "dschibutisch": "DJ", "sambisch": "ZM", "simbabwisch": "ZW", "angolanisch": "AO",
    "kolumbianisch": "CO", "kubanisch": "CU", "peruanisch": "PE", "chilenisch": "CL", "bolivianisch": "BO",
    "haitianisch": "HT", "nicaraguanisch": "NI", "ecuadorianisch": "EC", "thailändisch": "TH",
    "indonesisch": "ID", "philippinisch": "PH", "malaysisch": "MY", "bangladeschisch": "BD",
    "nepalesisch": "NP", "sri-lankisch": "LK", "mongolisch": "MN", "tadschikisch": "TJ", "kirgisisch": "KG",
    "turkmenisch": "TM", "katarisch": "QA", "kuwaitisch": "KW", "omanisch": "OM", "emiratisch": "AE",
    "bahrainisch": "BH", "zypriotisch": "CY", "montenegrinisch": "ME", "nordmazedonisch": "MK",
    "luxemburgisch": "LU", "maltesisch": "MT", "isländisch": "IS", "neuseeländisch": "NZ",
}
# Demonyms used as heads ("81 Italiener", "150 Österreichern").
DEMONYMS = {
    "afghane": "AF", "amerikaner": "US", "briten": "GB", "brite": "GB", "chinese": "CN", "deutsche": "DE",
    "franzose": "FR", "franzosen": "FR", "inder": "IN", "iraker": "IQ", "iraner": "IR", "israeli": "IL",
    "italiener": "IT", "japaner": "JP", "kanadier": "CA", "kongolese": "CD", "nordkoreaner": "KP",
    "österreicher": "AT", "pakistaner": "PK", "palästinenser": "PS", "polen": "PL", "russe": "RU",
    "russen": "RU", "saudi": "SA", "schweden": "SE", "schweizer": "CH", "serbe": "RS", "spanier": "ES",
    "südkoreaner": "KR", "syrer": "SY", "tschetschenen": "RU", "türke": "TR", "türken": "TR",
    "ukrainer": "UA", "tschechen": "CZ", "ungarn": "HU", "belgier": "BE", "niederländer": "NL",
    "tunesier": "TN", "marokkaner": "MA", "jemeniten": "YE", "libanesen": "LB", "kurden": None,
}
# Compound prefixes and short names ("US-Soldaten", "Bundeswehrsoldaten", "Wagner-Söldner").
PREFIXES = {
    "us": "US", "usa": "US", "uk": "GB", "un": "UN", "uno": "UN", "nato": "NATO", "eu": "EU",
    "bundeswehr": "DE", "is": "IS", "isis": "IS", "hamas": "Hamas", "hisbollah": "Hezbollah",
    "wagner": "Wagner", "pkk": "PKK", "kfor": "KFOR", "eufor": "EUFOR", "ypg": "YPG", "adf": "ADF", "idf": "IL",
    "ovks": "CSTO", "ecowas": "ECOWAS",
    "taliban": "Taliban", "huthi": "Houthis", "huthis": "Houthis", "houthi": "Houthis", "al-shabaab": "al-Shabaab",
    "minusma": "UN", "unifil": "UN", "monusco": "UN", "au": "AU", "amisom": "AU", "osze": "OSCE",
    "russland": "RU", "ukraine": "UA", "nordkorea": "KP", "südkorea": "KR", "qassam": "Hamas",
    "al-kassam": "Hamas", "al-quds": "PIJ", "rsf": "RSF", "sdf": "SDF", "boko-haram": "Boko Haram",
    "m23": "M23", "jnim": "JNIM", "hts": "HTS", "peschmerga": "Peshmerga", "al-schabab": "al-Shabaab",
    "al-shabab": "al-Shabaab",
}
# Where the language's news names its own towns, however small (the gazetteer proposes them all).
HOME_COUNTRIES = {"DE", "AT", "CH"}
# Alliances and missions: they do not "own" fighters the way an armed group does.
NOT_ARMED_GROUPS = {"NATO", "UN", "EU", "AU", "OSCE", "KFOR", "EUFOR", "CSTO", "ECOWAS", "SADC"}
# Organisations as whole words (nominative and common inflections).
ORGANISATIONS = {
    "nato": "NATO", "uno": "UN", "un": "UN", "vereinten nationen": "UN", "vereinte nationen": "UN",
    "eu": "EU", "europäische union": "EU", "europäischen union": "EU", "bundeswehr": "DE",
    "bundesheer": "AT", "bundesheeres": "AT", "hamas": "Hamas", "hisbollah": "Hezbollah", "is": "IS",
    "islamischer staat": "IS", "islamischen staat": "IS", "islamischen staates": "IS", "wagner": "Wagner",
    "wagner-gruppe": "Wagner", "pkk": "PKK", "kfor": "KFOR", "eufor": "EUFOR", "afrikanische union": "AU",
    "afrikanischen union": "AU", "taliban": "Taliban", "us-armee": "US", "pentagon": "US",
    "zahal": "IL", "adf": "ADF", "ypg": "YPG", "rote armee": "RU", "qassam-brigaden": "Hamas",
    "ovks": "CSTO", "ecowas": "ECOWAS", "sadc": "SADC",
}
# Capitals and seats of power that stand for a government ("Pjöngjang plant ...").
METONYMS = {
    "pjöngjang": "KP", "moskau": "RU", "kreml": "RU", "kiew": "UA", "kyjiw": "UA", "washington": "US",
    "weiße haus": "US", "weißen haus": "US", "peking": "CN", "teheran": "IR", "ankara": "TR",
    "seoul": "KR", "berlin": "DE", "paris": "FR", "london": "GB", "warschau": "PL", "wien": "AT",
    "jerusalem": "IL", "damaskus": "SY", "minsk": "BY", "tokio": "JP", "rom": "IT", "madrid": "ES",
    "bagdad": "IQ", "kabul": "AF", "riad": "SA", "kairo": "EG", "neu-delhi": "IN", "islamabad": "PK",
    # the other capitals the English pack has, as German writes them
    "tiflis": "GE", "eriwan": "AM", "baku": "AZ", "ottawa": "CA", "canberra": "AU", "taipeh": "TW",
    "bamako": "ML", "niamey": "NE", "ouagadougou": "BF", "khartum": "SD", "sanaa": "YE", "beirut": "LB",
    "amman": "JO", "vilnius": "LT", "riga": "LV", "tallinn": "EE", "helsinki": "FI", "stockholm": "SE",
    "oslo": "NO", "kopenhagen": "DK", "bukarest": "RO", "budapest": "HU", "prag": "CZ", "belgrad": "RS",
    "mogadischu": "SO", "addis abeba": "ET", "nairobi": "KE", "kinshasa": "CD", "abuja": "NG",
    "manila": "PH", "hanoi": "VN", "caracas": "VE", "havanna": "CU", "chisinau": "MD", "kampala": "UG",
    "kigali": "RW", "n'djamena": "TD", "tripolis": "LY",
}

# Forces by name ("Bundeswehr", "Zahal", "Marines"): the discourse model's owners (lang/discourse.py).
FORCE_NAMES = read_force_table(__package__)
# Persons who stand for their state's or group's forces ("Putin schickt 10.000 Soldaten"): leaders.tsv.
LEADERS = read_force_table(__package__, "leaders.tsv")
EXTRA_NAMES = {
    "usa": "US", "vereinigte staaten": "US", "vereinigten staaten": "US", "amerika": "US",
    "großbritannien": "GB", "england": "GB", "russland": "RU", "weißrussland": "BY", "belarus": "BY",
    "türkei": "TR", "niederlande": "NL", "holland": "NL", "kongo": "CD", "tschechien": "CZ",
    "palästina": "PS", "kosovo": "XK", "taiwan": "TW", "bosnien": "BA", "bosnien-herzegowina": "BA",
    # official long forms that CLDR's short German names leave out
    "demokratische republik kongo": "CD", "republik kongo": "CG", "russische föderation": "RU",
    "demokratische volksrepublik korea": "KP", "republik korea": "KR", "tschechische republik": "CZ",
    "elfenbeinküste": "CI", "birma": "MM", "burma": "MM", "islamische republik iran": "IR",
    "volksrepublik china": "CN", "republik china": "TW", "vereinigte staaten von amerika": "US",
}
_ARTICLE = re.compile(r"^(der|die|das|den|dem|des)\s+")


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """Lower-cased German country names (CLDR through babel, plus common short forms) → ISO code."""
    from babel import Locale

    names: dict[str, str] = {}
    for code, name in Locale("de").territories.items():
        if len(code) == 2 and code.isalpha() and code not in ("EU", "EZ", "UN", "QO", "ZZ"):
            names[name.lower()] = code
    names.update(EXTRA_NAMES)
    return names


def _strip_genitive(word: str) -> list[str]:
    forms = [word]
    if word.endswith("s") and len(word) > 3:
        forms.append(word[:-1])
    if word.endswith("es") and len(word) > 4:
        forms.append(word[:-2])
    return forms


@lru_cache(maxsize=65536)  # pure in the word, asked for every word of every sentence
def country_from_name(text: str) -> str | None:
    """``Südkoreas`` / ``den USA`` / ``Russland`` → ISO code; organisations by short name."""
    t = _ARTICLE.sub("", text.strip().lower())
    names = country_names()
    for form in _strip_genitive(t):
        if form in names:
            return names[form]
        if form in ORGANISATIONS:
            return ORGANISATIONS[form]
    return None


@lru_cache(maxsize=65536)  # pure in the word, asked for every word of every sentence
def actor_from_adjective(word: str) -> str | None:
    """``nordkoreanische`` / ``US-amerikanischen`` → ISO code."""
    w = word.lower()
    for ending in ("en", "em", "er", "es", "e", ""):
        if ending and not w.endswith(ending):
            continue
        stem = w[: len(w) - len(ending)] if ending else w
        if stem in ADJECTIVE_STEMS:
            return ADJECTIVE_STEMS[stem]
    return None


@lru_cache(maxsize=65536)  # pure in the word, asked for every word of every sentence
def actor_from_demonym(word: str) -> str | None:
    w = word.lower()
    for form in (w, w[:-1] if w.endswith("n") else w, w[:-2] if w.endswith("en") else w):
        if form in DEMONYMS:
            return DEMONYMS[form]
    return None


@lru_cache(maxsize=65536)  # pure in the word, asked for every word of every sentence
def actor_from_prefix(word: str) -> str | None:
    """The actor named by a compound's first part: ``US-Soldaten``, ``Bundeswehrsoldaten``, ``IS-Kämpfer``."""
    w = word.lower()
    if "-" in w:
        parts = w.split("-")
        for n in range(len(parts) - 1, 1, -1):  # the longest name first: "al-shabaab-kämpfer", "boko-haram-kämpfer"
            joined = "-".join(parts[:n])
            if joined in PREFIXES:
                return PREFIXES[joined]
        head = parts[0]
        if head in PREFIXES:
            return PREFIXES[head]
        if head in FORCE_NAMES:
            return FORCE_NAMES[head]  # "Blauhelm-Soldaten", "Bundesheer-Soldaten"
        found = actor_from_adjective(head)
        if found:
            return found
        return country_from_name(head)
    for prefix in ("bundeswehr", "nato", "uno", "kfor"):
        if w.startswith(prefix) and len(w) > len(prefix) + 3:
            return PREFIXES[prefix]
    return None


@lru_cache(maxsize=65536)  # pure in the word, asked for every word of every sentence
def actor_from_metonym(text: str) -> str | None:
    return METONYMS.get(_ARTICLE.sub("", text.strip().lower()))


def actor_from_leader(text: str) -> str | None:
    """``Putin``, ``Wladimir Putin``, ``Haftars`` (genitive) → whose forces the person leads."""
    t = " ".join(text.lower().split())
    return LEADERS.get(t) or (LEADERS.get(t[:-1]) if t.endswith("s") else None)


@lru_cache(maxsize=65536)  # pure in the word, asked for every word of every sentence
def actor_from_word(text: str) -> str | None:
    """Any single word or name that names an actor, in order of how directly it does."""
    return (country_from_name(text) or actor_from_adjective(text) or actor_from_prefix(text)
            or actor_from_demonym(text))


ARMED_GROUPS = {"IS", "Hamas", "Hezbollah", "Wagner", "PKK", "Taliban", "Houthis", "YPG", "ADF", "al-Shabaab",
                "PIJ", "RSF", "SDF", "Boko Haram", "M23", "JNIM", "HTS", "Peshmerga"}


# the pack's table of armed groups (armed_groups.tsv): names the tables above lack (whole words, and one-word
# names as a compound's first part: "FARC-Kämpfer"), and every group an armed group
GROUP_NAMES = read_force_table(__package__, "armed_groups.tsv")
for _name, _actor in GROUP_NAMES.items():
    ORGANISATIONS.setdefault(_name, _actor)
    if " " not in _name:
        PREFIXES.setdefault(_name, _actor)
ARMED_GROUPS |= {a for a in GROUP_NAMES.values() if a not in NOT_ARMED_GROUPS}


def is_armed_group(code: str | None) -> bool:
    """An organisation fighting on its own account (IS, Hamas, Wagner), not a state or an alliance."""
    return code in ARMED_GROUPS
