"""The label and link of a mention, decided in one place: pure functions over a knowledge base, no spaCy.

``decide(mention, context, kb, rules)`` → ``Decision(label, match)`` (match None is a NIL). The
knowledge base (``store.Gazetteer``) only finds candidates for a label; what the document and
the words around a mention say about it is decided here, by the language's ``NameRules``:
a region word before a name prefers the region ("Region Kursk"), a capital not after a locative
preposition stands for its government ("Pjöngjang plant"), a genitive of no known place before
a noun is a person's ("Zabels Entscheidung"), a surname of a person named in full stays that
person ("Bill Gates ... Gates"), and a known agency or place that the model took for a person is
relabelled, except after a role ("Regisseur Miyazaki"). ``link_location`` decides the place of a troop
figure's location word: a place's own name, exact or inflected, never a common noun matched fuzzily.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any, NamedTuple

from ..labels import LABEL_TYPES
from ..lang.base import Institution, NameRules
from .institutions import FORCE_BODIES, topic_country
from .schema import Entry
from .store import Gazetteer, Match

BEFORE_CHARS = 80  # how much text before a mention the rules read (a list of regions: "in den Regionen Kyjiw, …")
AFTER_CHARS = 40  # and after it ("Donetsk and Luhansk regions")
METONYM_BEFORE_CHARS = 12
INSTITUTION_BEFORE_CHARS = 16


class Mention(NamedTuple):
    text: str
    label: str  # PER, ORG or LOC, as the entity component left it
    source: str  # model, gazetteer or rule
    before: str = ""  # the BEFORE_CHARS characters before the mention
    after: str = ""  # the AFTER_CHARS characters after it


@dataclass(frozen=True)
class DocContext:
    """What the whole document says: the countries it names, the countries of its towns and regions,
    the surnames of its persons; and, for a state body named by kind alone, whose it is (``body_country``:
    the same kind named nearest with its country, else the country the document is about)."""

    countries: frozenset[str] = frozenset()
    surnames: frozenset[str] = frozenset()
    place_countries: frozenset[str] = frozenset()
    body_country: str | None = None


class Decision(NamedTuple):
    label: str
    match: Match | None

    def link(self) -> dict[str, Any] | None:
        return self.match.link() if self.match else None


def document_context(mentions: Sequence[Mention], kb: Gazetteer, *, fuzzy: bool = True
                     ) -> tuple[DocContext, dict[int, Match | None]]:
    """The document's context, and the context-free match of each place (by index), reused by ``decide``."""
    first = {i: kb.lookup(m.text, m.label, fuzzy=fuzzy) for i, m in enumerate(mentions) if m.label == "LOC"}
    countries = frozenset(m.entry.country for m in first.values()
                          if m and m.entry.type == "country" and m.entry.country)
    places = frozenset(m.entry.country for m in first.values()
                       if m and m.entry.type in ("city", "region") and m.method == "exact" and m.entry.country)
    surnames = frozenset(m.text.split()[-1] for m in mentions if m.label == "PER" and len(m.text.split()) > 1)
    return DocContext(countries, surnames, places), first


def decide_document(mentions: Sequence[Mention], kb: Gazetteer, rules: NameRules, *, fuzzy: bool = True,
                    forces: str | None = None) -> tuple[DocContext, list[Decision]]:
    """Every mention's label and entry, and the document's context. A state body named by its kind
    alone ("the Defense Ministry") is decided last, when all the other links are known: it is the
    same kind's named nearest with its country; else, for a force or a defence ministry, the state
    whose troops the document counts (``forces``: ``institutions.forces_owner`` of its troop figures);
    else the document's country's (``document_topic``) — unless the document names a body of that
    kind by a name of its own ("the Texas National Guard ... the National Guard"), which is then
    what it means: no guess."""
    ctx, first = document_context(mentions, kb, fuzzy=fuzzy)
    decisions = [decide(m, ctx, kb, rules, fuzzy=fuzzy, first=first[i]) if i in first
                 else decide(m, ctx, kb, rules, fuzzy=fuzzy) for i, m in enumerate(mentions)]
    _one_place_per_name(mentions, decisions, ctx, kb, rules, fuzzy)
    bodies = {i: body for i, body in enumerate(rules.institution(m.text) if m.label != "PER" else None
                                               for m in mentions) if body is not None}
    matches = [d.match for d in decisions]
    # (a state's own body matched by its curated name, "the Israeli Defense Ministry", is the institution
    # itself, not a body with a name of its own: "the Defense Ministry" after it is the same)
    own_named = {body.kind for i, body in bodies.items()
                 if body.country_words and getattr(matches[i], "method", None) != "institution"
                 and not ((match := matches[i]) is not None and match.entry.institution == body.kind)}
    bare = [i for i, body in bodies.items() if not body.country_words and getattr(matches[i], "method", None)
            != "institution" and body.kind not in own_named]
    if bare:
        topic = document_topic(matches)
        for i in bare:
            code = (same_body_country(matches, i, bodies[i].kind)
                    or (forces if bodies[i].kind in FORCE_BODIES else None) or topic)
            if code:
                decisions[i] = decide(mentions[i], replace(ctx, body_country=code), kb, rules, fuzzy=fuzzy)
    _one_sense_per_name(mentions, decisions, ctx, kb)
    return ctx, decisions


SURE_METHODS = frozenset({"exact", "alias", "metonym", "institution"})  # not fuzzy: a guess spreads no further


def _one_sense_per_name(mentions: Sequence[Mention], decisions: list[Decision], ctx: DocContext,
                        kb: Gazetteer) -> None:
    """A name the document links once is that entry wherever the same words are left unlinked ("near
    [Marib]" … "against [Marib]", which the model took for a person): one sense per document. Only
    where its linked mentions agree on one entry, and never a person's surname ("Bill Gates … Gates")."""
    sure: dict[str, set[str]] = {}  # key → the entries its sure links name
    first: dict[str, Decision] = {}  # key → its first sure decision
    for m, d in zip(mentions, decisions):
        if d.match is not None and d.match.method in SURE_METHODS:
            key = kb.key(m.text)
            sure.setdefault(key, set()).add(d.match.entry.id)
            first.setdefault(key, d)
    if not sure:
        return
    for i, (m, d) in enumerate(zip(mentions, decisions)):
        if d.match is not None or m.text in ctx.surnames:
            continue
        key = kb.key(m.text)
        if len(sure.get(key, ())) == 1:
            decisions[i] = first[key]


def _one_place_per_name(mentions: Sequence[Mention], decisions: list[Decision], ctx: DocContext, kb: Gazetteer,
                        rules: NameRules, fuzzy: bool) -> None:
    """A name the document calls a region once ("in der Westprovinz Farah") is that region wherever it
    stands alone ("In Farah seien ..."), not the town of the same name: one sense per document."""
    regions = {kb.key(m.text): d.match.entry.id for m, d in zip(mentions, decisions)
               if d.label == "LOC" and d.match is not None and d.match.entry.type == "region"}
    if not regions:
        return
    towns = rules.place_words - rules.region_words
    for i, (m, d) in enumerate(zip(mentions, decisions)):
        region = regions.get(kb.key(m.text))
        if region is None or d.label != "LOC" or d.match is None or d.match.entry.type == "region":
            continue
        before = [w.lower() for w in m.before[-INSTITUTION_BEFORE_CHARS:].split()]
        if before and (before[-1] in towns  # "der Stadt Marib", "the city of Marib"
                       or (len(before) > 1 and before[-2] in towns and before[-1] == "of")):
            continue
        again = decide(m, ctx, kb, rules, fuzzy=fuzzy, prefer_region=True)
        if again.match is not None and again.match.entry.id == region:
            decisions[i] = again


def same_body_country(matches: Sequence[Match | None], i: int, kind: str) -> str | None:
    """The country of the state body of ``kind`` linked nearest to mention ``i``, before it first
    ("France's Armed Forces Ministry … the Armed Forces Ministry said"), else after it."""
    order = [*range(i - 1, -1, -1), *range(i + 1, len(matches))]
    for j in order:
        match = matches[j]
        if match is not None and match.entry.institution == kind and match.entry.country:
            return match.entry.country
    return None


PLACE_TYPES = frozenset({"country", "region", "city", "place"})


def document_topic(matches: Sequence[Match | None], types: frozenset[str] | None = None) -> str | None:
    """The country a document's links are clearly about (``institutions.topic_country``: at least twice
    the weight of any other): a country's name counts twice, anything else of it (a town, a region)
    once. "KYIV - The Defense Ministry said Russia launched drones at Ukraine ... Russia denied" is
    about two countries: no one's ministry. ``types``: count only entries of these types (the places:
    ``PLACE_TYPES``; a news agency or a person says nothing of where soldiers fell)."""
    weights: dict[str, float] = {}
    for match in matches:
        if (match is not None and match.entry.country and match.method != "institution"
                and (types is None or match.entry.type in types)):
            code = match.entry.country
            weights[code] = weights.get(code, 0) + (2 if match.entry.type == "country" else 1)
    return topic_country(weights)


_UNSET: Any = object()


def decide(m: Mention, ctx: DocContext, kb: Gazetteer, rules: NameRules, *, fuzzy: bool = True,
           first: Match | None = _UNSET, prefer_region: bool = False) -> Decision:
    """The final label and the entry of one mention (``first``: its context-free match, if known;
    ``prefer_region``: the document names this place as a region elsewhere)."""
    before = m.before[-INSTITUTION_BEFORE_CHARS:].split()
    region_word = bool(before) and before[-1].lower() in rules.region_words
    said = m.label != "ORG" and (region_word or region_cue(m, rules))  # the words around it say "region"
    cue = said or (m.label != "ORG" and prefer_region)
    prefer = ("region",) if cue else ()
    # "Luhansk regions", "in Ceel Gambar and Baalal Dheer villages": places, whatever the model said
    label = "LOC" if cue or (m.label == "PER" and town_cue(m, rules)) else m.label
    if first is not _UNSET and not (ctx.countries or prefer):
        match = first  # already looked up with the same arguments
    else:
        match = None
        if region_word:  # "die russische Region Kursk": the region is named "Region Kursk"
            match = kb.lookup(f"{before[-1]} {m.text}", label, countries=ctx.countries, fuzzy=False, prefer=prefer)
            match = match if match is not None and match.entry.type == "region" else None
        match = match or kb.lookup(m.text, label, countries=ctx.countries, fuzzy=fuzzy, prefer=prefer)
        if (match is not None and match.entry.type in ("city", "region")
                and (said or (prefer_region and kb.metonym_country(m.text) is None))):
            # "in den Regionen Kyjiw, Donezk", "the Moscow region": the oblast named after the town, also
            # where the town is a region of its own (Kyiv, Moscow); elsewhere in a document that named the
            # oblast, a bare name is the oblast too, but a capital stays the capital ("Moscow said")
            region = kb.namesake_region(match.entry)
            match = Match(region, match.score, "alias") if region is not None else match
    if label == "LOC" and match is not None and match.method == "alias" and not cue:
        # a town only by one of its other names ("Hamas", Lithuanian for Hamm) is no match for the
        # organisation whose own name it is: the model took the group for a place
        org = kb.lookup(m.text, "ORG", fuzzy=False)
        if org is not None and org.method == "exact" and org.entry.type in LABEL_TYPES["ORG"]:
            label, match = "ORG", org
    if (match is not None and match.entry.type == "country" and ctx.place_countries
            and match.entry.country not in ctx.place_countries):
        # countries that share a name ("Kongo"): the one whose towns the document names ("Brazzaville")
        other = kb.lookup(m.text, label, countries=ctx.place_countries, fuzzy=False)
        if other is not None and other.entry.type == "country" and other.entry.country in ctx.place_countries:
            match = other
    if label == "ORG" and match is not None and match.entry.type in LABEL_TYPES["LOC"] and is_dateline(m):
        label = "LOC"  # "WASHINGTON (AP) -", "KYIV, Ukraine -": where the report was filed
    if label == "ORG" and match is not None and match.entry.type == "city" and m.text.isupper():
        match = None  # an acronym is no town outside a dateline: "der Geheimdienst NIS" is not Niš
    if label == "LOC" and match is not None:
        match = metonym(m, match, kb, rules)
    if label == "LOC" and match is None and m.source == "model" and rules.person_genitive(m.text, m.after[:2]):
        label = "PER"
    if label in ("LOC", "ORG") and match is None and m.source == "model" and m.text in ctx.surnames:
        label = "PER"  # "Brig. Gen. Domingo Tutaan ... said Tutaan": the person, known to no gazetteer
    institution = rules.institution(m.text) if label != "PER" else None  # "Marine Le Pen" is no navy
    if institution is not None and not (match is not None and match.method in ("exact", "alias")
                                         and match.entry.type in LABEL_TYPES["ORG"]):
        body = institution_of(institution, m, ctx, kb, rules.seat_before)
        if body is not None:
            return Decision("ORG", Match(body, 100.0, "institution"))
    if (label == "PER" and before and before[-1] in rules.place_before and m.after[:2] not in ("'s", "’s")
            and (match is None or match.entry.type in LABEL_TYPES["LOC"])):
        # "clashes in [Demoso]", "near [Marib]": a place, known or not ("in Putin's Russia" is a person's)
        place = kb.lookup(m.text, "LOC", countries=ctx.countries, fuzzy=False)
        return Decision("LOC", place)
    if label == "PER" and match is not None and match.entry.type not in LABEL_TYPES["PER"]:
        if any(base in ctx.surnames for base in (m.text, *rules.genitive_bases(m.text))):
            match = None  # "Bill Gates ... Gates": the person, not the company
        elif not (before and rules.is_role_noun(before[-1])):
            # a known agency ("Yonhap") or place ("Ankara") that the model took for a person
            label = "ORG" if match.entry.type in LABEL_TYPES["ORG"] else "LOC"
    return Decision(label, match)


# where the words before a mention leave its sentence: a full stop after a lower-case letter or a word
# ("Russia. Defense Ministry"), not after an initial ("the U.S. Defense Ministry")
_SENTENCE_END = re.compile(r"(?<=[a-z0-9\)\]\"”’'])[.!?]+\s|\n")


_WORD = re.compile(r"\w[\w\-’']*|[^\w\s]")
_AFTER_END = re.compile(r"[.!?]+(?:\s|$)|\n")


@lru_cache(maxsize=4096)  # region and town cues both read it, for the same mention
def _around(m: Mention) -> tuple[list[str], list[str]]:
    return (_WORD.findall(_SENTENCE_END.split(m.before)[-1]),
            _WORD.findall(_AFTER_END.split(m.after, maxsplit=1)[0]))


def region_cue(m: Mention, rules: NameRules) -> bool:
    """The words around a place name in its sentence say it is a region (the pack's ``region_cue``)."""
    before, after = _around(m)
    return rules.region_cue(before, m.text, after)


def town_cue(m: Mention, rules: NameRules) -> bool:
    """The words around a name in its sentence say it is a town (the pack's ``town_cue``)."""
    before, after = _around(m)
    return rules.town_cue(before, m.text, after)


def is_dateline(m: Mention) -> bool:
    """A place in capitals that opens a text or a line, before the agency or the dash: "BERLIN (dpa) -",
    "KYIV, Ukraine (AP) —". Models often label it ORG, for its capitals."""
    line = m.before.rpartition("\n")[2]
    whole_line = "\n" in m.before or len(m.before) < BEFORE_CHARS  # the line's start is in view
    # the line opens with it, or with other places of a joint dateline: "KIGALI, Rwanda / ISTANBUL / DOUALA,"
    opens = whole_line and all(w[:1].isupper() or w in ("/", "-", "–", "—") for w in line.replace(",", " ").split())
    return opens and m.text.isupper() and len(m.text) > 2 and m.after[:2] in (" (", " -", " –", " —", ", ")


# the bodies a country or capital after them is the seat of ("the Defense Ministry in Moscow"); forces are
# placed where they serve ("die Luftwaffe in Litauen" is Germany's)
SEATED = frozenset({"defence_ministry", "foreign_ministry", "interior_ministry", "general_staff"})


def institution_of(institution: Institution, m: Mention, ctx: DocContext, kb: Gazetteer,
                   seat_before: frozenset[str] = frozenset()) -> Entry | None:
    """The state body a mention names by its kind ("Defense Ministry", "Verteidigungsministerium"):
    of the country its own words name ("Russian", "US-", "der Ukraine": all of them must name one
    country, else it is another body's name, "Free Syrian Army"), else of the country named just
    before it in its sentence ("France's", "des russischen"), else, for a ministry or a general staff, of
    the country or capital it sits in, right after it ("das Verteidigungsministerium in Wien";
    ``seat_before``: the language's "in"), else ``ctx.body_country``; None when none is."""
    if institution.country_words:
        codes = {_country_code(kb, w) for w in institution.country_words}
        code = codes.pop() if len(codes) == 1 else None
        return kb.institution(institution.kind, code) if code else None
    before = _SENTENCE_END.split(m.before[-INSTITUTION_BEFORE_CHARS:])[-1].split()
    for n in (2, 1):  # "the Russian", "South Korean"; a possessive "France's"
        if len(before) >= n:
            code = _country_code(kb, " ".join(before[-n:]))
            if code:
                return kb.institution(institution.kind, code)
    after = _SENTENCE_END.split(m.after)[0].split()
    if institution.kind in SEATED and len(after) >= 2 and after[0] in seat_before:
        code = _country_code(kb, after[1].rstrip(".,;:!?)"))
        if code:
            return kb.institution(institution.kind, code)
    return kb.institution(institution.kind, ctx.body_country) if ctx.body_country else None


def _country_code(kb: Gazetteer, word: str) -> str | None:
    """The country a word names as a whole: its name, adjective or capital ("Moskaus"), possessive or
    not; never a part of it ("Free Syrian" names no country, though "Syrian" does)."""
    word = re.sub(r"[’']s?$", "", word)
    key = kb.key(word)
    if any(k in kb.keys or k in kb.adjectives for k in (key, *kb.rules.inflection_candidates(key))):
        match = kb.lookup(word, "LOC", fuzzy=False)
        if match is not None and match.entry.type == "country" and match.method != "fuzzy":
            return match.entry.country
    country = kb.metonym_country(word)
    return country.country if country is not None else None


def metonym(m: Mention, match: Match, kb: Gazetteer, rules: NameRules) -> Match:
    """A capital used for its government ("Pjöngjang plant", "zwischen Moskau und Pjöngjang")."""
    country = kb.metonym_country(m.text)
    if country is None or match.entry.type == "country":
        return match
    before = m.before[-METONYM_BEFORE_CHARS:].split()
    if before and before[-1].lower() in rules.locative:
        return match
    return Match(match.entry, match.score, "metonym", refers_to=country.id)


def link_actor(kb: Gazetteer, actor: str | None, countries_by_code: dict[str, Any]) -> dict[str, Any] | None:
    """The entry of a troop figure's actor: a country by its ISO code, else an organisation by name."""
    if not actor:
        return None
    entry = countries_by_code.get(actor) if len(actor) == 2 and actor.isupper() else None
    m = Match(entry, 100.0, "exact") if entry else kb.lookup(actor, "ORG", fuzzy=False)
    return m.link() if m else None


def _own_name(kb: Gazetteer, text: str, match: Match) -> bool:
    """The text is the entry's canonical name or a label, not only one of the other names a source lists
    for it (GeoNames calls Reggio Calabria "Region"); inflected, only the name or a label of the
    knowledge base's language ("Südens" is no German form of the French "Suède")."""
    key, e = kb.key(text), match.entry
    if e.id in kb.canonical.get(key, ()):
        return True
    own = {kb.key(n) for n in (e.name, *(e.labels.get(kb.lang, []) if kb.lang else ()))}
    return any(base in own for base in kb.rules.inflection_candidates(key))


def link_location(kb: Gazetteer, word: str, next_word: str | None, rules: NameRules,
                  countries: frozenset[str] = frozenset()) -> Match | None:
    """The place a troop figure's location word names when no place entity covers it: a capitalised
    word that is a place's own name, exact or inflected, never matched fuzzily; after a region word,
    the region it names ("Region Kursk", "Gebiet Kursk"). A common noun ("an die Grenze", "in den
    Süden", "ins Ausland") is no place: None."""
    lower = word.lower()
    prefer: tuple[str, ...] = ()
    if lower in rules.region_words:
        if not next_word or not next_word[:1].isupper():
            return None
        m = kb.lookup(f"{word} {next_word}", "LOC", countries=countries, fuzzy=False, prefer=("region",))
        if m is not None and m.entry.type == "region":
            return m
        word, lower, prefer = next_word, next_word.lower(), ("region",)
    if not word[:1].isupper() or lower in rules.descriptors:
        return None
    m = kb.lookup(word, "LOC", countries=countries, fuzzy=False, prefer=prefer)
    if m is None or m.method == "demonym" or not _own_name(kb, word, m):
        return None
    if kb.lang is not None and kb.lang in m.entry.frequent_in:
        return None  # a frequent word of the language ("Halle", "Essen") is no place here without an entity
    return m
