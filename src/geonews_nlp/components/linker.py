"""Links entities, troop actors and troop locations to gazetteer entries (``ent.kb_id_`` and a full Link)."""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from ..gazetteer.store import LABEL_TYPES, Gazetteer, Match, default_gazetteer
from . import extensions
from .serialize import SettingsOnDisk

REGION_WORDS = {"provinz", "region", "oblast", "gebiet", "bundesland", "bundesstaat", "gouvernement", "kanton",
                "landkreis", "bezirk", "distrikt", "departement", "regierungsbezirk"}
LOCATIVE = {"in", "im", "nach", "aus", "bei", "nahe", "um", "vor", "über", "durch", "von", "vom"}


class GazetteerLinker(SettingsOnDisk):
    SETTINGS = ("gazetteers", "fuzzy")

    def __init__(self, nlp: Language, name: str, gazetteers: list[str], fuzzy: bool) -> None:
        self.name = name
        self.gazetteers = list(gazetteers)
        self.fuzzy = fuzzy
        self._gaz: Gazetteer | None = None  # loaded on first use: building a pipeline stays cheap
        from .entities import grammar_test

        self.is_role_noun = grammar_test(nlp.lang, "is_role_noun", lambda word: False)
        extensions.register()

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gaz is None:
            self._gaz = default_gazetteer(tuple(self.gazetteers))
        return self._gaz

    def _country(self, code: str) -> Match | None:
        g = self.gazetteer
        if not hasattr(self, "_by_code"):
            self._by_code = {e.country: e for e in g.entries.values() if e.type == "country" and e.country}
        e = self._by_code.get(code)
        return Match(e, 100.0, "exact") if e else None

    def link_actor(self, actor: str | None) -> dict[str, Any] | None:
        if not actor:
            return None
        m = self._country(actor) if len(actor) == 2 and actor.isupper() else None
        m = m or self.gazetteer.lookup(actor, "ORG", fuzzy=False)
        return m.link() if m else None

    def __call__(self, doc: Doc) -> Doc:
        g = self.gazetteer
        rows = doc._.geonews_entities or []
        ents = {(e.start_char, e.end_char): e for e in doc.ents}
        doc_text = doc.text  # built from the tokens on every access
        first = {i: g.lookup(doc_text[r[0]:r[1]], r[2], fuzzy=self.fuzzy)
                 for i, r in enumerate(rows) if r[2] == "LOC"}
        countries = frozenset(m.entry.country for m in first.values() if m and m.entry.type == "country"
                              and m.entry.country)
        # surnames of the persons named in full ("Bill Gates ... Gates"): such a mention stays a person
        # even where a company or place has the name
        surnames = {doc_text[s:e].split()[-1] for s, e, label, _, _ in rows
                    if label == "PER" and len(doc_text[s:e].split()) > 1}
        out = []
        for i, (s, e, label, source, _) in enumerate(rows):
            text = doc_text[s:e]
            before = doc_text[max(0, s - 16):s].split()
            prefer = ("region",) if before and before[-1].lower() in REGION_WORDS else ()
            if i in first and not (countries or prefer):
                m = first[i]  # already looked up with the same arguments
            else:
                m = None
                if prefer:  # "die russische Region Kursk": the region is named "Region Kursk"
                    m = g.lookup(f"{before[-1]} {text}", label, countries=countries, fuzzy=False, prefer=prefer)
                    m = m if m is not None and m.entry.type == "region" else None
                m = m or g.lookup(text, label, countries=countries, fuzzy=self.fuzzy, prefer=prefer)
            if label == "LOC" and m is not None:
                m = self._metonym(doc_text, s, text, m)
            if (label == "LOC" and m is None and source == "model" and " " not in text and len(text) > 3
                    and text.endswith("s") and doc_text[e:e + 2].strip()[:1].isupper()):
                label = "PER"  # "Zabels Entscheidung": a genitive before a noun, of no known place, is a person's
            if (label == "PER" and m is not None and m.entry.type not in LABEL_TYPES["PER"]
                    and (text in surnames or text.removesuffix("s") in surnames)):
                m = None  # "Bill Gates ... Gates": the person, not the company
            if (label == "PER" and m is not None and m.entry.type not in LABEL_TYPES["PER"]
                    and not (before and self.is_role_noun(before[-1]))):
                # a known agency ("Yonhap") or place ("Ankara") that the model took for a person;
                # after a role it is a person ("Regisseur Miyazaki")
                label = "ORG" if m.entry.type in LABEL_TYPES["ORG"] else "LOC"
            link = m.link() if m else None
            span = ents.get((s, e))
            if span is not None and link:
                span.kb_id_ = link["id"]
            out.append((s, e, label, source, link))
        doc._.geonews_entities = out
        for span in doc.spans.get(extensions.TROOPS_KEY, []):
            fields = dict(span._.troop or {})
            fields["actor_link"] = self.link_actor(fields.get("actor"))
            loc = fields.pop("location_text", None)
            lm = g.lookup(loc, "LOC", countries=countries, fuzzy=self.fuzzy) if loc else None
            fields["location"] = lm.link() if lm else None
            span._.troop = fields
        return doc

    def _metonym(self, doc_text: str, start: int, text: str, m: Match) -> Match:
        """A capital used for its government ("Pjöngjang plant", "zwischen Moskau und Pjöngjang")."""
        country = self.gazetteer.metonym_country(text)
        if country is None or m.entry.type == "country":
            return m
        before = doc_text[max(0, start - 12):start].split()
        if before and before[-1].lower() in LOCATIVE:
            return m
        return Match(m.entry, m.score, "metonym", refers_to=country.id)

    def _settings_loaded(self) -> None:
        self._gaz = None  # other gazetteer files: reload on first use
