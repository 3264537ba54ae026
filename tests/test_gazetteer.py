"""Gazetteer schema, keys, matching and the reproducible build."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from geonews_nlp.gazetteer.keys import normalize_key as _normalize_key
from geonews_nlp.gazetteer.keys import strip_titles
from geonews_nlp.gazetteer.schema import Entry, GazetteerError, read_entries
from geonews_nlp.gazetteer.store import Gazetteer, load_gazetteer, shipped_files
from geonews_nlp.lang import registry

ROOT = Path(__file__).resolve().parent.parent
DE = registry.get("de").keys


def normalize_key(text: str) -> str:
    return _normalize_key(text, DE.articles)


def default_gazetteer(extra: tuple[str, ...] = ()) -> Gazetteer:
    """The shipped gazetteers (and ``extra`` files) under German key rules."""
    return load_gazetteer(DE, "de", extra)


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return default_gazetteer()


@pytest.mark.parametrize("lang", registry.registered())
@given(text=st.text())
def test_key_is_idempotent(lang, text):
    articles = registry.get(lang).keys.articles
    k = _normalize_key(text, articles)
    assert _normalize_key(k, articles) == k


@pytest.mark.parametrize("a,b", [("Müller", "Mueller"), ("Straße", "Strasse"), ("NATO–Rat", "nato-rat"),
                                 ("„Yonhap“", "Yonhap"), ("der Kreml", "Kreml")])
def test_keys_meet(a, b):
    assert normalize_key(a) == normalize_key(b)


def test_titles_stripped():
    assert strip_titles("NATO-Generalsekretär Mark Rutte", DE.titles, DE.articles) == "Mark Rutte"
    assert strip_titles("Präsident Wladimir Putin", DE.titles, DE.articles) == "Wladimir Putin"
    assert strip_titles("Präsident Wladimir Putin", frozenset()) == "Präsident Wladimir Putin"  # no language


@pytest.mark.parametrize("mention,label,name,method", [
    ("Südkoreas", "LOC", "South Korea", "alias"), ("südkoreanische", None, "South Korea", "demonym"),
    ("Pjöngjang", "LOC", "Pyongyang", "alias"), ("Pyongyang", "LOC", "Pyongyang", "exact"),
    ("Пхеньян", "LOC", "Pyongyang", "alias"), ("Oblast Kursk", "LOC", "Kursk Oblast", "exact"),
    ("Präsident Putin", "PER", "Vladimir Putin", "alias"), ("Rutte", "PER", "Mark Rutte", "alias"),
    ("Hisbollah", "ORG", "Hezbollah", "exact"), ("Moscou", "LOC", "Moscow", "alias"),
    ("Brüsel", "LOC", "Brussels", "fuzzy"),
    ("Mariusz Blaszczak", "PER", "Mariusz Błaszczak", "exact"), ("Yonhap", "PER", "Yonhap News Agency", "exact"),
    ("Ostasien", "LOC", "East Asia", "exact"), ("Ankara", "PER", "Ankara", "exact"),
    ("Europa", "LOC", "Europe", "exact"),
    ("Europäischen Union", "LOC", "European Union", "alias"),
])
def test_lookup(gaz, mention, label, name, method):
    m = gaz.lookup(mention, label)
    assert m is not None and (m.entry.name, m.method) == (name, method)


def test_unknown_is_nil(gaz):
    assert gaz.lookup("Xqzvbnmwk", "LOC") is None
    assert gaz.lookup("Brüssel Meier", "PER") is None  # the label rules out places for names of persons
    assert gaz.lookup("Gebrüder Martin", "ORG") is None  # not the town called Martin
    assert gaz.lookup("Gaza", "LOC") is not None and gaz.lookup("Gazx", "LOC") is None  # short: exact only


def test_a_person_is_not_guessed_from_a_small_town(gaz):
    assert gaz.lookup("Kufstein", "PER") is None and gaz.lookup("Kufstein", "LOC") is not None
    assert gaz.lookup("Ankara Müller", "PER") is None  # two words: a person's name


def test_a_person_is_not_a_place_by_one_of_its_other_names():
    g = Gazetteer([Entry(id="x:1", type="city", name="Bello", aliases={"any": ["Bella"]}, population=500_000)])
    assert g.lookup("Bello", "PER").entry.id == "x:1"  # the city's own name: a place the model took for a person
    assert g.lookup("Bella", "PER") is None  # only another name of it: the person stays a person
    assert g.lookup("Bella", "LOC").entry.id == "x:1"


def test_fuzzy_edit_budget(gaz):
    assert gaz.lookup("Kharkiw", "LOC").entry.name == "Kharkiv"  # one edit in seven letters
    assert gaz.lookup("Müncehn", "LOC").method == "fuzzy"  # a swap of neighbours is one edit
    assert gaz.lookup("Xharkxw", "LOC") is None  # two edits in seven letters


def test_disambiguation_by_context(gaz):
    assert gaz.lookup("Paris", "LOC").entry.country == "FR"
    assert gaz.lookup("Paris", "LOC", countries=frozenset({"US"})).entry.country == "US"


# an English article title with its disambiguator, "Ministry of Defence (India)", is written in no text:
# such an entry without a German label is found by its kind and country (gazetteer.institutions)
@given(st.sampled_from(sorted(e.id for e in default_gazetteer().entries.values()
                              if (e.type in ("country", "organisation", "armed_group")
                                  or (e.population or 0) > 1_000_000)
                              and (e.labels.get("de") or not e.name.endswith(")")))),
       st.sampled_from(["", "s", "es"]))
def test_inflected_label_finds_its_entry(entry_id, ending):
    g = default_gazetteer()
    e = g.entries[entry_id]
    label = (e.labels.get("de") or [e.name])[0]
    acronym = label.isupper() or (" " not in label and sum(c.isupper() for c in label) > 1)  # "PiS"
    if acronym and ending == "es":
        ending = "s"  # acronyms take -s in the genitive, never -es
    m = g.lookup(label + ending, fuzzy=False)
    assert m is not None
    names = {normalize_key(n) for _, n in m.entry.all_names()}
    # the entry itself, unless the inflected form is another entry's own name ("Perus", a city in Brazil)
    assert normalize_key(label) in names or normalize_key(label + ending) in names


@given(st.text(max_size=40), st.sampled_from([None, "PER", "ORG", "LOC"]))
def test_never_raises_and_scores_in_range(text, label):
    m = default_gazetteer().lookup(text, label)
    assert m is None or 0 <= m.score <= 100


def test_bad_file_names_file_line_and_field(tmp_path):
    path = tmp_path / "mine.jsonl"
    good = {"id": "x:1", "type": "city", "name": "Atlantis"}
    path.write_text(json.dumps(good) + "\n" + json.dumps({**good, "lat": 123}) + "\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match=r"mine.jsonl, line 2, field 'lat'"):
        list(read_entries(path))
    path.write_text("{not json\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match="line 1"):
        list(read_entries(path))


def test_user_csv_wins(tmp_path):
    path = tmp_path / "mine.csv"
    path.write_text("id,type,name,country,label:de,alias:any,frequent_in,propose\n"
                    "Q159,country,Russia (mine),RU,Russland|Russische Föderation,RF,,\n"
                    "x:kaff,city,Kaff,DE,Kleinkleckersdorf,,de,false\n", encoding="utf-8")
    g = default_gazetteer((str(path),))
    assert g.lookup("Russland", "LOC").entry.name == "Russia (mine)"
    assert g.lookup("Kleinkleckersdorf", "LOC").entry.id == "x:kaff"
    assert g.entries["x:kaff"].frequent_in == ["de"]
    assert g.entries["x:kaff"].propose is False and g.entries["Q159"].propose is True
    assert default_gazetteer().lookup("Russland", "LOC").entry.name == "Russia"  # shipped one untouched


def test_pipeline_with_user_gazetteer(tmp_path):
    import geonews_nlp

    path = tmp_path / "mine.jsonl"
    path.write_text(json.dumps(Entry(id="x:1", type="city", name="Kleinkleckersdorf").model_dump()) + "\n",
                    encoding="utf-8")
    nlp = geonews_nlp.load("de", None, gazetteers=[str(path)])
    assert nlp.get_pipe("gazetteer_linker").kb.lookup("Kleinkleckersdorf").entry.id == "x:1"


def test_shipped_files_cover_cities():
    names = {p.name for p in shipped_files()}
    assert {"countries.jsonl", "cities.jsonl.gz", "regions.jsonl.gz", "persons.jsonl"} <= names
    assert sum(1 for _ in read_entries(next(p for p in shipped_files() if p.name == "cities.jsonl.gz"))) >= 30000


def test_frequent_words_are_marked_per_language():
    pytest.importorskip("wordfreq")
    from geonews_nlp.gazetteer.build import frequent_in

    assert frequent_in("Halle", ("de",)) == ["de"] and frequent_in("Essen", ("de",)) == ["de"]
    assert frequent_in("Essen", ("en",)) == [] and frequent_in("Reading", ("en",)) == ["en"]
    assert frequent_in("Gerlingen") == [] and frequent_in("Inzigkofen") == []
    assert frequent_in("Bad Halle") == []  # only one-word names are checked
    assert "de" in frequent_in("Halle")  # by default, in every registered pack's language
    by_name = {e.name: e for e in read_entries(next(p for p in shipped_files() if p.name == "cities.jsonl.gz"))
               if e.country == "DE"}
    assert "de" in by_name["Essen"].frequent_in and by_name["Biblis"].frequent_in == []


def test_build_is_reproducible(tmp_path):
    pytest.importorskip("countrystatecity_countries")  # the build extra: English names of regions
    from geonews_nlp.gazetteer.build import build

    src = ROOT / "data" / "gazetteers"
    if not src.is_dir():
        pytest.skip("runs from a source checkout")
    import shutil

    from geonews_nlp.gazetteer.build import SOURCES_FILE, build_versions

    shutil.copytree(src / "curated", tmp_path / "curated")  # curated names are left out of companies
    counts = build(tmp_path)
    names = ("countries.jsonl", "regions.jsonl.gz", "cities.jsonl.gz", "companies.jsonl.gz")
    for name in names:  # whatever the versions: the build writes valid, non-empty files
        assert sum(1 for _ in read_entries(tmp_path / name)) == counts[name.split(".")[0]] > 100, name
    built_with = json.loads((src / SOURCES_FILE).read_text(encoding="utf-8"))
    changed = {k: (v, built_with.get(k)) for k, v in build_versions().items() if built_with.get(k) != v}
    if changed:
        pytest.skip(f"byte comparison needs the packages the files were built with; now (built with): {changed}")
    for name in names:
        assert (tmp_path / name).read_bytes() == (src / name).read_bytes(), name


def test_a_region_has_its_english_name_and_keeps_its_local_one(gaz):
    by_id = {e.id: e for e in read_entries(next(p for p in shipped_files() if p.name == "regions.jsonl.gz"))}
    styria = by_id["iso:AT-6"]
    assert styria.name == "Styria" and styria.labels["en"] == ["Styria", "Steiermark"]
    assert gaz.lookup("Steiermark", "LOC").entry.id == gaz.lookup("Styria", "LOC").entry.id == "iso:AT-6"
    assert gaz.lookup("Steiermark", "LOC").method == "exact"  # still a label, not only another name
    assert by_id["iso:AT-2"].name == "Carinthia" and "Kärnten" in by_id["iso:AT-2"].labels["en"]
    # named like its capital: the governorate takes its designation, and the bare name is the city
    assert by_id["iso:EG-C"].name == "Cairo Governorate"
    assert gaz.lookup("Kairo", "LOC").entry.type == "city"
    assert by_id["Q980"].name == "Bavaria"  # rigour's English name and Wikidata id come first


@pytest.mark.parametrize("name,english,kind,cities,taken,expected", [
    ("Steiermark", "Styria", "State", (), (), "Styria"),
    ("Bayern", None, "State", (), (), None),  # no state of its code
    ("Şırnak", "Şırnak", "Province", ("Şırnak",), (), None),  # the same name: the ISO rules stand
    ("Al Qāhirah", "Cairo", "Governorate", ("Cairo",), (), "Cairo Governorate"),
    ("Ḩamāh", "Hama", "Province", ("Ḩamāh",), (), "Hama Province"),  # ISO's name is the city's
    ("Wien", "Vienna", "State", ("Vienna",), (), "Vienna"),  # a city-state keeps its city's name
    ("Al Janūbī", "Southern", "District", (), (), "Southern District"),
    ("Kordestān", "Kurdistan", "Province", (), ("Kurdistan",), "Kurdistan Province"),
    ("Stînga Nistrului", "Transnistria", "Territorial unit", (), ("Transnistria",), None),  # curated
    ("Line Islands", "Line", "Group of islands", (), (), None),  # ISO's name is the fuller English one
    ("Luhanska oblast", "Luhanska", "Region", (), (), None),
])
def test_english_region_name(name, english, kind, cities, taken, expected):
    from geonews_nlp.gazetteer.build import _english_region_name, _key

    city_names = {("XX", _key(c)) for c in cities}
    assert _english_region_name(name, english, kind, "XX", city_names, {_key(t) for t in taken}) == expected


@pytest.mark.parametrize("listed,short", [
    ("Nike, Inc.", "Nike"), ("Ford Motor Company", "Ford"), ("Dell Technologies", "Dell"),
    ("Merck Group", "Merck"), ("Roche Holding AG", "Roche"), ("Aegon N.V.", "Aegon"),
    ("General Motors", "General Motors"),  # "Motors" is part of the name
    ("Deutsche Bank", "Deutsche Bank"), ("BMW", "BMW"),
])
def test_company_names_as_news_writes_them(listed, short):
    pytest.importorskip("cleanco")
    from geonews_nlp.gazetteer.build import company_names

    names = company_names(listed)
    assert names[0] == listed and names[-1] == short


@given(st.text(alphabet=st.sampled_from("AbcXyz &.,-"), min_size=1, max_size=30).filter(str.strip))
def test_company_names_are_distinct_and_shrink(listed):
    pytest.importorskip("cleanco")
    from geonews_nlp.gazetteer.build import COMPANY_TAILS, company_names

    names = company_names(listed)
    assert names[0] == " ".join(listed.split())
    assert len(set(names)) == len(names) and all(len(a) > len(b) for a, b in zip(names, names[1:]))
    assert all(n.strip() == n and n for n in names)
    assert len(names) == 1 or names[-1].split()[-1] not in COMPANY_TAILS


def test_listed_companies_are_linked_never_proposed():
    by_id = {e.id: e for e in read_entries(next(p for p in shipped_files() if p.name == "companies.jsonl.gz"))}
    assert len(by_id) > 1000 and not any(e.propose for e in by_id.values())
    assert by_id["stock:DELL"].name == "Dell" and by_id["stock:DELL"].country == "US"
    # a company the curated files know is left to them
    assert not any(e.name == "Airbus" for e in by_id.values())


@pytest.mark.parametrize("where,code", [("Germany", "DE"), ("Atlanta, Georgia", "US"), ("Georgia", "GE"),
                                        ("Dublin, Ireland", "IE"), ("Houston, Texas", "US"), ("", None)])
def test_company_seat_to_country_code(where, code):
    pytest.importorskip("pycountry")
    from geonews_nlp.gazetteer.build import _country_code

    assert _country_code(where) == code


def test_candidates_are_every_entry_of_the_name_whatever_the_label(gaz):
    paris = gaz.candidates("Paris")
    assert len(paris) > 1 and {e.country for e in paris} >= {"FR", "US"}  # no label, no choice
    assert any(e.name == "South Korea" for e in gaz.candidates("Südkoreas"))  # the language's inflection
    assert gaz.candidates("Xqzvbnmwk") == []


def _small(*entries: dict) -> Gazetteer:
    return Gazetteer([Entry.model_validate(e) for e in entries], DE, "de")


def test_own_name_before_another_places_old_name():
    g = _small({"id": "x:capital", "type": "city", "name": "Islamabad", "population": 1_000_000},
               {"id": "x:port", "type": "city", "name": "Chattogram", "population": 3_900_000,
                "aliases": {"any": ["Islamabad"]}})
    assert g.lookup("ISLAMABAD", "LOC").entry.id == "x:capital"
    assert g.lookup("Islamabad", "LOC").method == "exact"


def test_an_organisations_acronym_is_no_town():
    g = _small({"id": "x:nice", "type": "city", "name": "Nice", "population": 340_000, "aliases": {"any": ["NIS"]}},
               {"id": "x:usa", "type": "country", "name": "United States", "country": "US",
                "aliases": {"any": ["USA"]}})
    assert g.lookup("NIS", "ORG") is None
    assert g.lookup("NIS", "LOC").entry.id == "x:nice"  # a dateline's place stays a place
    assert g.lookup("USA", "ORG").entry.id == "x:usa"  # the state, which news names as an actor


def test_no_company_by_a_misspelling():
    g = _small({"id": "x:swisscom", "type": "company", "name": "Swisscom"},
               {"id": "x:kharkiv", "type": "city", "name": "Kharkiv", "population": 1_400_000})
    assert g.lookup("Swisscoy", "ORG") is None
    assert g.lookup("Swisscom", "ORG").entry.id == "x:swisscom"
    assert g.lookup("Kharkiw", "LOC").method == "fuzzy"


def test_no_look_alike_town_below_a_million():
    g = _small({"id": "x:springfield", "type": "city", "name": "Springfield", "country": "US", "population": 170_000},
               {"id": "x:zvecan", "type": "city", "name": "Zvečan", "country": "XK", "population": 7_000},
               {"id": "x:kharkiv", "type": "city", "name": "Kharkiv", "country": "UA", "population": 1_400_000})
    # an unknown name stays unlinked and keeps its name, even in the country the story is about
    assert g.lookup("Svecan", "LOC", countries=frozenset({"XK"})) is None
    assert g.lookup("Sprinfield", "LOC") is None
    assert g.lookup("Zvečan", "LOC").entry.id == "x:zvecan"  # as written, any town
    assert g.lookup("Kharkiw", "LOC", countries=frozenset({"RU"})).entry.id == "x:kharkiv"  # a city of a million


def test_a_shared_country_name_means_the_more_populous_country(gaz):
    # "Kongo" is the Polish label of Congo-Brazzaville but in German news the DR Congo (the pack's name)
    assert gaz.lookup("Kongo", "LOC").entry.country == "CD"
    assert load_gazetteer(registry.get("en").keys, "en").lookup("Congo", "LOC").entry.country == "CD"
    assert gaz.lookup("Kongo-Brazzaville", "LOC").entry.country == "CG"


def test_only_this_languages_labels_are_an_entrys_own_names():
    g = _small({"id": "x:cg", "type": "country", "name": "Congo - Brazzaville", "country": "CG",
                "population": 5_000_000, "labels": {"pl": ["Kongo"]}},
               {"id": "x:cd", "type": "country", "name": "Congo - Kinshasa", "country": "CD",
                "population": 84_000_000, "aliases": {"de": ["Kongo"]}})
    assert g.lookup("Kongo", "LOC").entry.id == "x:cd"



@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize("mention, country", [
    ("Odessa", "UA"), ("Odessas", "UA"), ("St. Petersburg", "RU"), ("Rio", "BR"), ("Halle", "DE"),
    ("ISLAMABAD", "PK"), ("Islamabads", "PK")])
def test_a_known_exonym_of_a_big_city_is_no_small_towns_own_name(lang, mention, country):
    g = load_gazetteer(registry.get(lang).keys, lang)
    assert g.lookup(mention, "LOC").entry.country == country


def test_a_dateline_labelled_org_is_its_town_and_a_big_city_is_guessed_anywhere(gaz):
    assert gaz.lookup("DOHA", "ORG").entry.name == "Doha"
    assert gaz.lookup("Kharkiw", "LOC", countries=frozenset({"RU"})).entry.name == "Kharkiv"


@pytest.mark.parametrize("name,expected,kind", [
    ("Africa", "Africa", "place"),  # not Mahdia, whose GeoNames names hold "Africa"
    ("Asia", "Asia", "place"),  # not a town of 23,000 in the Philippines
    ("Balkan", "Balkans", "place"),  # not Turkmenistan's Balkan Region
    ("Sahel", "Sahel", "place"),  # not Burkina Faso's Sahel Region
    ("Dnipro", "Dnipro", "city"),  # a big city's own name wins over the river's other name
])
def test_a_curated_place_ranks_with_towns(kb_en, name, expected, kind):
    m = kb_en.lookup(name, "LOC", fuzzy=False)
    assert m is not None and (m.entry.name, m.entry.type) == (expected, kind)


def test_english_links_a_small_town_by_its_own_names_only(kb_en, kb_de):
    # "Kupwara" is a town's own name and one of GeoNames' other names of Kopawor (22,000 people, more than
    # Kupwara's 15,000): the own name wins
    assert kb_en.lookup("Kupwara", "LOC", fuzzy=False).entry.name == "Kupwara"
    # a name that no entry owns stays a town's other name: English spellings of Ukrainian towns
    assert kb_en.lookup("Avdiivka", "LOC", fuzzy=False).entry.name == "Avdiyivka"
    assert kb_en.lookup("Kupiansk", "LOC", fuzzy=False).entry.name == "Kupyansk"
    assert kb_en.lookup("Kyiv", "LOC").entry.name == "Kyiv"
    # German news names small towns by German names that are GeoNames' other names: kept
    assert kb_de.lookup("Bachmut", "LOC").entry.name == "Bakhmut"
