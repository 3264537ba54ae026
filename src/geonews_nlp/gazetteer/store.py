"""The gazetteer index and the matcher: exact key, the language's inflection, then rapidfuzz over a
blocked candidate set. The language comes in as a pack's ``KeyRules`` (articles, titles, inflection).

Indexed as ``id → entry`` plus ``key → ids`` (aliases collide: 17 places are called Paris).
Fuzzy matching never scans the whole gazetteer: candidates share the key's first or last
three characters (one edit cannot touch both ends of a name of seven or more characters) and
differ in length by at most the edits allowed.
"""

from __future__ import annotations

import gc
import hashlib
from collections import defaultdict
from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from rapidfuzz import process
from rapidfuzz.distance import DamerauLevenshtein

from ..labels import LABEL_TYPES, REGION_DESIGNATIONS, TYPE_RANK
from ..lang.base import KeyRules
from .institutions import made_entry
from .keys import normalize_key, strip_titles
from .schema import Entry, read_entries

PLACE_FOR_PERSON_POPULATION = 100_000
SHORT_ACRONYM = 5  # an all-capitals organisation this short is an acronym, never a town
FUZZY_CITY_POPULATION = 1_000_000
OWN_NAME_WEIGHT = 5  # a notable place's own name against another place's other name (_choose)
# A curated place (a continent, a sea, a river, a region of several states: "Africa", "Balkans", "Sahel")
# ranks with towns, as one of this many people: above a state's subdivision of its name ("Balkan",
# Turkmenistan; "Sahel", Burkina Faso) and a smaller town ("Asia", Philippines; Mahdia, whose GeoNames
# names hold "Africa"), below a city whose own name it is ("Dnipro", not the Dnieper)
PLACE_PEOPLE = 500_000
MIN_FUZZY_LEN = 6  # one edit in a shorter name is as likely another name ("Donau" / "Dona")
BLOCK = 3


def max_edits(length: int) -> int:
    """Edits (Damerau-Levenshtein: a swap of neighbours is one) allowed between names whose longer
    one has ``length`` characters. An absolute budget rather than a percentage, so that one typo
    in a six-letter name ("Charkiw") is forgiven while short names stay exact.
    """
    if length < MIN_FUZZY_LEN:
        return 0
    return 1 if length <= 10 else 2


@dataclass(frozen=True)
class Match:
    entry: Entry
    score: float
    method: str  # exact | alias | fuzzy | demonym | metonym | institution
    refers_to: str | None = None

    def link(self) -> dict[str, Any]:
        e = self.entry
        return {"id": e.id, "name": e.name, "type": e.type, "country": e.country, "lat": e.lat, "lon": e.lon,
                "score": round(self.score, 1), "method": self.method, "refers_to": self.refers_to}


def shipped_files() -> list[Path]:
    """The gazetteer files inside the installed package (or the source tree's data/gazetteers)."""
    root = Path(str(resources.files("geonews_nlp") / "data" / "gazetteers"))
    if not root.is_dir():  # an editable install: the files live in the repository
        root = Path(__file__).resolve().parents[3] / "data" / "gazetteers"
    files = [p for p in root.rglob("*") if p.name.endswith((".jsonl", ".jsonl.gz", ".csv"))]
    return sorted(files, key=lambda p: ("curated" in p.parts, p.name))  # curated files last: they win


class Gazetteer:
    """The knowledge base of a pipeline: entries indexed under the keys of ``rules`` (a language pack's
    ``KeyRules``); nationality adjectives of ``lang`` only (every language's when None)."""

    def __init__(self, entries: Iterable[Entry] = (), rules: KeyRules = KeyRules(), lang: str | None = None) -> None:
        self.rules = rules
        self.lang = lang
        self.entries: dict[str, Entry] = {}
        self.keys: dict[str, set[str]] = defaultdict(set)  # key -> ids
        self.canonical: dict[str, set[str]] = defaultdict(set)  # keys of canonical names and labels
        self.own: dict[str, set[str]] = defaultdict(set)  # keys of the names an entry goes by in ``lang``
        self.adjectives: dict[str, str] = {}  # adjective (stem) key -> id
        self.metonyms: dict[str, str] = {}  # metonym key -> country id
        self.institutions: dict[tuple[str, str], str] = {}  # (country code, kind) -> id of a curated entry
        self._made: dict[tuple[str, str], Entry] = {}
        self._countries: dict[str, Entry] = {}  # ISO code -> country entry
        self._blocks: dict[str, dict[int, list[str]]] | None = None
        self._namesakes: dict[tuple[str, str], str] | None = None  # (country, town key) -> region id
        self.add(entries)

    @classmethod
    def from_files(cls, paths: Iterable[Path], rules: KeyRules = KeyRules(), lang: str | None = None) -> Gazetteer:
        g = cls(rules=rules, lang=lang)
        for path in paths:
            g.add(read_entries(path))
        return g

    def add(self, entries: Iterable[Entry]) -> None:
        """Add entries; an entry with an id already present replaces it (later files win)."""
        key = self.key
        for e in entries:
            self.entries[e.id] = e
            for _, name in e.all_names():
                k = key(name)
                if k:
                    self.keys[k].add(e.id)
            for name in [e.name, *(n for names in e.labels.values() for n in names)]:
                self.canonical[key(name)].add(e.id)
            # its own names for this language's news: the canonical name, English and this language's
            # labels and this language's aliases (a pack's "Kongo"), not another language's label
            # (Polish "Kongo" is Congo-Brazzaville) nor GeoNames' names under "any"
            langs = ("en", self.lang) if self.lang else tuple(e.labels)
            for name in [e.name, *(n for lang in langs for n in e.labels.get(lang, ())),
                         *(e.aliases.get(self.lang, ()) if self.lang else ())]:
                self.own[key(name)].add(e.id)
            for lang, adjectives in e.adjectives.items():
                if self.lang is None or lang == self.lang:
                    for adj in adjectives:
                        self.adjectives[key(adj)] = e.id
            for m in e.metonyms:
                self.metonyms[key(m)] = e.id
            if e.institution and e.country:
                self.institutions[(e.country, e.institution)] = e.id
            if e.type == "country" and e.country:
                self._countries[e.country] = e
        self._blocks = None
        self._namesakes = None

    def key(self, text: str) -> str:
        """The lookup key of a mention under this knowledge base's rules."""
        return normalize_key(text, self.rules.articles)

    def __len__(self) -> int:
        return len(self.entries)

    def counts(self) -> dict[str, dict[str, int]]:
        out: dict[str, dict[str, int]] = {}
        for e in self.entries.values():
            c = out.setdefault(e.type, {"entries": 0, "aliases": 0})
            c["entries"] += 1
            c["aliases"] += sum(1 for _ in e.all_names())
        return out

    # -- matching ---------------------------------------------------------------------------------

    def _blocking(self) -> dict[str, dict[int, list[str]]]:
        """Keys by their first and last three characters, then by length: a mention's candidates are
        read off the few lengths its edit budget allows, not filtered out of a whole block."""
        if self._blocks is None:
            blocks: dict[str, dict[int, list[str]]] = defaultdict(lambda: defaultdict(list))
            for k in self.keys:
                if len(k) >= MIN_FUZZY_LEN - 2:
                    blocks["^" + k[:BLOCK]][len(k)].append(k)
                    blocks[k[-BLOCK:] + "$"][len(k)].append(k)
            self._blocks = blocks
        return self._blocks

    def _choose(self, ids: Iterable[str], label: str | None, countries: frozenset[str],
                prefer: tuple[str, ...] = (), strict: bool = True, own: AbstractSet[str] = frozenset(),
                capital_of: str | None = None) -> Entry | None:
        """Disambiguate: the label's types, preferred types, countries of the document, the type, then
        population, where a notable place's own name counts for ``OWN_NAME_WEIGHT`` times its people
        (``own``: the ids whose name, English or this language's label or alias it is): "Islamabad" is
        the capital (1M), not Chattogram (3.9M), whose GeoNames names hold its old name; but "Odessa"
        stays Odesa (1M), not Odessa, Texas (114k), and "Halle" Halle (Saale), not Halle in Belgium
        (40k: no notable place). A capital's own name (``capital_of``: the country whose capital the
        name is, from the packs' metonyms) always wins. Among entries without population, an own name wins."""
        allowed = LABEL_TYPES.get(label or "", None)
        cands = [self.entries[i] for i in ids]
        if allowed:
            typed = [e for e in cands if e.type in allowed]
            if not typed and (strict or label == "PER"):
                return None  # persons are never guessed from another type's name
            cands = typed or cands
        def people(e: Entry) -> float:
            if e.type == "place":
                return PLACE_PEOPLE
            n = e.population or 0
            if e.id in own and e.type == "city" and e.country == capital_of:
                return float("inf")  # the capital of its name ("ISLAMABAD"), which stands for its country
            return n * OWN_NAME_WEIGHT if e.id in own and n >= PLACE_FOR_PERSON_POPULATION else n

        def rank(e: Entry) -> int:
            return TYPE_RANK["city"] if e.type == "place" else TYPE_RANK.get(e.type, 9)

        return min(cands, key=lambda e: (e.type not in prefer if prefer else False,
                                         e.country not in countries if countries else False,
                                         rank(e), -people(e), e.id not in own, e.id))

    def _without_small_towns_by_other_names(self, ids: set[str], own: AbstractSet[str]) -> set[str]:
        """GeoNames' other names of a town hold its province, a sister town, a party ("Sulu" is Jolo,
        "Kupwara" Kopawor, "Hamas" Hamm): where the name is another entry's own name (``own``), a town
        of fewer people than the language's ``KeyRules.alias_town_population`` does not compete for it
        by such a name. A name no entry owns stays any town's ("Avdiivka", "Kupiansk": their English
        spellings are GeoNames' other names)."""
        least = self.rules.alias_town_population
        if not least or not own:
            return ids
        return {i for i in ids if i in own or self.entries[i].type != "city"
                or (self.entries[i].population or 0) >= least}

    def _place_for_person(self, key: str, countries: frozenset[str]) -> Entry | None:
        """A "person" that is the name of a country, a region or a city of 100,000 or more ("Ankara",
        "Diyarbakir", "Beit Shemesh") and of no person is a place the model mislabelled.

        Only a place's own name or label counts: GeoNames' other names hold first names
        ("Bella" for Bello, Colombia), and "Bella" in a story is a person."""
        e = self._choose(self.canonical.get(key, ()), "LOC", countries)
        if e is None or (e.type == "city" and (e.population or 0) < PLACE_FOR_PERSON_POPULATION):
            return None
        return e

    def candidates(self, mention: str) -> list[Entry]:
        """Every entry a mention may name: by its key, else by the base forms the language's inflection
        gives, with no preference of label or type (``lookup`` and ``decide`` choose among them)."""
        key = self.key(mention)
        ids = set(self.keys.get(key, ()))
        if not ids:
            for base in self.rules.inflection_candidates(key):
                ids |= self.keys.get(base, set())
        return sorted((self.entries[i] for i in ids), key=lambda e: e.id)

    def lookup(self, mention: str, label: str | None = None, *, countries: frozenset[str] = frozenset(),
               fuzzy: bool = True, prefer: tuple[str, ...] = ()) -> Match | None:
        """The best entry for a mention, or None (a NIL) when nothing scores above the cutoff.

        ``prefer``: entry types to choose first among equal names ("Provinz Idlib" prefers a region).
        """
        rules = self.rules
        text = strip_titles(mention, rules.titles, rules.articles) if label in (None, "PER") else mention
        key = normalize_key(text, rules.articles)
        if label is None and text != mention:  # a name that starts like a title: "General Staff of ..."
            raw = normalize_key(mention, rules.articles)
            if any(k in self.keys for k in (raw, *rules.inflection_candidates(raw))):
                key = raw
        if not key:
            return None
        ids = self.keys.get(key)
        own = self.own.get(key, set())
        if ids and label == "ORG" and mention.isupper() and len(key) <= SHORT_ACRONYM:
            # an organisation's acronym is no town by one of the town's other names ("NIS" is not Nice,
            # whose GeoNames names hold codes); a dateline the model labelled ORG ("DOHA", "BAKU") is
            # the town of its own name
            ids = {i for i in ids if self.entries[i].type not in ("city", "place") or i in own}
        if ids:
            ids = self._without_small_towns_by_other_names(ids, own)
        capital = self.entries[self.metonyms[key]].country if key in self.metonyms else None
        if ids:
            e = self._choose(ids, label, countries, prefer, own=own, capital_of=capital) or self._choose(
                ids, "ORG" if label == "PER" else label, countries, prefer, strict=label == "PER", own=own,
                capital_of=capital)
            if e is None and label == "PER":
                e = self._place_for_person(key, countries)
            if e is not None:
                method = "exact" if e.id in self.canonical.get(key, ()) else "alias"
                return Match(e, 100.0 if LABEL_TYPES.get(label or "", (e.type,)).count(e.type) else 90.0,
                             method)
        for base in rules.inflection_candidates(key):
            ids = self.keys.get(base)
            if ids:
                own = self.own.get(base, set())
                ids = self._without_small_towns_by_other_names(ids, own)
            if ids:
                capital = self.entries[self.metonyms[base]].country if base in self.metonyms else None
                e = self._choose(ids, label, countries, prefer, own=own, capital_of=capital) or (
                    self._choose(ids, label, countries, prefer, strict=False, own=own, capital_of=capital)
                    if label != "PER" else None)
                if e is not None:
                    return Match(e, 95.0, "alias")
            if base in self.adjectives and label in (None, "LOC"):
                return Match(self.entries[self.adjectives[base]], 95.0, "demonym")
        if key in self.adjectives and label in (None, "LOC"):
            return Match(self.entries[self.adjectives[key]], 95.0, "demonym")
        if fuzzy and len(key) >= MIN_FUZZY_LEN - 1:
            m = self._fuzzy(key, label, countries)
            if m is not None:
                return m
        words = mention.split()
        # a descriptor before the name ("Nachrichtenagentur Yonhap"); what is left must be of the label's
        # types: "Lockheed Martin" is no town called Martin
        if len(words) > 1 and label != "PER":
            for k in range(1, len(words)):
                if not rules.leading_descriptor(words[k - 1]):
                    break  # "Fort Campbell", "Press Trust of India": the name's own words
                m = self.lookup(" ".join(words[k:]), label, countries=countries, fuzzy=False, prefer=prefer)
                if m is not None and (label is None or m.entry.type in LABEL_TYPES.get(label, (m.entry.type,))):
                    return Match(m.entry, min(m.score, 90.0), "alias", m.refers_to)
        return None

    def _fuzzy(self, key: str, label: str | None, countries: frozenset[str]) -> Match | None:
        edits = max_edits(len(key) + 1)  # the key may have lost a letter
        blocks = self._blocking()
        n = len(key)
        lengths = [m for m in range(n - edits, n + edits + 1) if max_edits(max(m, n)) > 0]
        found_keys: set[str] = set()
        for block in (blocks.get("^" + key[:BLOCK]), blocks.get(key[-BLOCK:] + "$")):
            if block:
                for m in lengths:
                    found_keys.update(block.get(m, ()))
        cands = list(found_keys)
        if not cands:
            return None
        found = [(k, d, i) for k, d, i in process.extract(key, cands, scorer=DamerauLevenshtein.distance,
                                                          processor=None, score_cutoff=edits, limit=None)
                 if d <= max_edits(max(len(k), len(key)))]
        if not found:
            return None
        best = min(d for _, d, _ in found)  # the nearest names only; among them, the usual disambiguation
        # never a listed company by a misspelling: its names are linked only as written ("Swisscoy")
        ids = {i for k, d, _ in found if d == best for i in self.keys[k] if self.entries[i].type != "company"}
        if not ids:
            return None
        e = self._choose(ids, label, countries)
        if e is None or (e.type in ("city", "place") and (e.population or 0) < FUZZY_CITY_POPULATION):
            # an unknown name is no look-alike town, abroad ("Mekran" → Akron, "Buleda" → Breda) or in the
            # country the story is about ("Kashmir" → Kashmor, "Yinmabin" → Pyin Ma Pin, "Kunlong" → Yunlong):
            # measured on the look halves (December 2026), 3 look-alike towns were right and 11 wrong, and an
            # unknown place left unlinked keeps its name; a city of a million is worth the guess ("Kharkiw")
            return None
        score = 100.0 * (1 - best / max(len(key), 1))
        return Match(e, max(0.0, min(100.0, score)), "fuzzy")

    def namesake_region(self, town: Entry) -> Entry | None:
        """The region of the town's country named after it ("Donetsk" → Donetsk Oblast), if one is:
        where the words around a town's name say it is a region ("in den Regionen Kyjiw, Donezk")."""
        if self._namesakes is None:
            found: dict[tuple[str, str], set[str]] = defaultdict(set)
            for e in self.entries.values():
                if e.type == "region" and e.country:
                    for name in (e.name, *e.labels.get("en", ())):
                        base, _, kind = name.rpartition(" ")
                        if base and kind.capitalize() in REGION_DESIGNATIONS:
                            found[(e.country, self.key(base))].add(e.id)
            self._namesakes = {k: next(iter(ids)) for k, ids in found.items() if len(ids) == 1}
        for name in (town.name, *(n for names in town.aliases.values() for n in names)):
            region = self._namesakes.get((town.country or "", self.key(name)))  # "Zaporizhzhya", "…zhia"
            if region:
                return self.entries[region]
        return None

    def institution(self, kind: str, code: str) -> Entry | None:
        """The ``kind`` of state body of the country ``code``: its curated entry, else one made by
        ``institutions.made_entry`` (the same object each time); None for no such country."""
        if (code, kind) in self.institutions:
            return self.entries[self.institutions[(code, kind)]]
        if (code, kind) not in self._made:
            country = self._countries.get(code)
            if country is None:
                return None
            self._made[(code, kind)] = made_entry(kind, country)
        return self._made[(code, kind)]

    def country(self, code: str) -> Entry | None:
        """The country entry of an ISO 3166-1 alpha-2 code."""
        return self._countries.get(code)

    def metonym_country(self, mention: str) -> Entry | None:
        """The country whose government a name stands for ("Pjöngjang", "der Kreml"), if any."""
        cid = self.metonyms.get(self.key(mention))
        return self.entries.get(cid) if cid else None


def content_hash(paths: Iterable[Path]) -> str:
    """A short hash of the files' names and bytes: what a saved pipeline or model checks on loading."""
    h = hashlib.blake2b(digest_size=8)
    for path in paths:
        h.update(Path(path).name.encode("utf-8") + b"\0")
        h.update(Path(path).read_bytes())
    return h.hexdigest()


def load_gazetteer(rules: KeyRules = KeyRules(), lang: str | None = None, extra: tuple[str, ...] = ()
                   ) -> Gazetteer:
    """The shipped gazetteers plus the user's files (theirs win on conflicts), indexed under ``rules``;
    one copy per arguments in a process."""
    return _load_gazetteer(rules, lang, tuple(str(p) for p in extra))


@lru_cache(maxsize=4)
def _load_gazetteer(rules: KeyRules, lang: str | None, extra: tuple[str, ...]) -> Gazetteer:
    g = Gazetteer.from_files(shipped_files(), rules, lang)
    for path in extra:
        g.add(read_entries(Path(path)))
    return g


def freeze_gc() -> None:
    """Move everything alive now out of the garbage collector's sight (``gc.freeze``): opt-in, for
    applications (the CLI, the service, batch workers) once the pipeline is loaded.

    The gazetteers are millions of long-lived objects: without this, every collection of the
    pipeline's short-lived objects walks them all again (measured: 10-15% of the pipeline's time,
    and building a result took 25 times as long).
    """
    gc.collect()
    gc.freeze()
