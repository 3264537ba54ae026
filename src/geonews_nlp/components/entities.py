"""Maps the base model's entity labels to PER/ORG/LOC; linking is the gazetteer linker's job."""

from __future__ import annotations


from spacy.language import Language
from spacy.tokens import Doc, Span

from ..errors import GeonewsError
from . import extensions
from .linker import REGION_WORDS
from .serialize import SettingsOnDisk

GAZETTEER_SPANS = "geonews_gazetteer"  # the span group the gazetteer ruler writes (pipeline.assemble)

DEFAULT_LABEL_MAP = {"PER": "PER", "PERSON": "PER", "ORG": "ORG", "LOC": "LOC", "GPE": "LOC", "FAC": "LOC"}
# Particles that start a name's second part. German "von" and "zu" alone are too often plain
# prepositions ("Rutte von Reportern umringt") and count only followed by an article ("von der").
NAME_PARTICLES = {"van", "de", "da", "di", "del", "della", "dos", "du", "ter", "bin", "ibn", "al", "el"}
PREPOSITION_PARTICLES = {"von", "vom", "zu", "van", "de"}
ARTICLE_PARTICLES = {"der", "den", "dem", "la", "le", "los"}
QUOTES = {'"', "„", "“", "”", "»", "«", "‚", "‘", "’", "'"}
# Markup, list and quote marks a model may take into a name; "Yahoo!" and "U.S." keep theirs.
LEADING_MARKS = {"#", "##", "###", "*", "**", "-", "–", "•", ">", "|", "_"} | QUOTES
TRAILING_MARKS = {",", ";", ":", "*", "**", "|", "_", "–"} | QUOTES
# Forms of address are not part of a name (GermEval and CoNLL guidelines): "Herr Willemsen" is "Willemsen".
TITLES = {"Herr", "Herrn", "Frau", "Mr.", "Mrs.", "Ms.", "Miss", "Dr.", "Prof."}
# Nor is a descriptor word before a name ("Region [Kursk]", "Agentur [dpa]", "Stadt [Wien]"), in
# GermEval's guidelines as in the news gold.
PLACE_KINDS = REGION_WORDS | {"stadt", "gemeinde", "dorf", "ortsteil", "ot", "ortschaft"}
DESCRIPTORS = PLACE_KINDS | {"agentur", "nachrichtenagentur"}
# and the common compounds of "Stadt", "Gemeinde" and "Dorf" before a place's name ("Kreisstadt [Torgau]",
# "Hauptstadt [Kiew]"), listed: a suffix test would take "Darmstadt" and "Düsseldorf" for descriptors
PLACE_DESCRIPTORS = {
    f"{first}{head}" for head, firsts in {
        "stadt": ("kreis", "haupt", "landeshaupt", "bezirkshaupt", "provinzhaupt", "hafen", "groß", "klein",
                  "heimat", "geburts", "partner", "universitäts", "industrie", "grenz", "küsten", "millionen",
                  "nachbar", "kur", "garnisons", "residenz", "bischofs", "handels", "front"),
        "gemeinde": ("orts", "nachbar", "markt", "stadt", "land", "heimat", "verbands", "einheits"),
        "dorf": ("heimat", "nachbar", "berg", "fischer", "grenz", "bauern", "geburts"),
    }.items() for first in firsts}
# Words after which a name is a place, whatever the model said ("Region", "Kreisstadt"; not "Agentur")
PLACE_WORDS = PLACE_KINDS | PLACE_DESCRIPTORS


def name_end(words: list[str], end: int, taken: set[int]) -> int:
    """Where a person's name really ends when a model stopped at a particle ("Ursula" | "von der Leyen").

    Extends over "von der"/"van den"/"de la" or one foreign particle ("bin", "van", "al") to one
    capitalised word that no other entity claims and that is not an acronym ("Scholz von der SPD"
    stays "Scholz"); otherwise returns ``end``.
    """
    i = end
    if (i + 1 < len(words) and words[i] in PREPOSITION_PARTICLES and words[i + 1] in ARTICLE_PARTICLES
            and not (words[i] in ("von", "vom") and words[i + 1] in ("den", "dem"))):
        i += 2  # "von der Leyen"; German "von dem"/"von den" is a preposition: "Moein von dem Ergebnis"
    elif i < len(words) and words[i] in NAME_PARTICLES:
        i += 1
    if i == end or i >= len(words) or i in taken:
        return end
    w = words[i]
    if not (w[:1].isupper() and w[1:2].islower() and w.replace("-", "").isalpha()):
        return end
    return i + 1


def surname_mentions(words: list[str], persons: list[tuple[int, int]], taken: set[int]) -> list[int]:
    """Positions of later mentions of a person by surname alone ("Mark Rutte ... Rutte betonte"), or in
    the genitive ("Ruttes"), where no entity is: the model finds the full name far more often."""
    after: dict[str, int] = {}  # surname -> where its first full name ends
    for start, end in sorted(persons):
        w = words[end - 1]
        if end - start >= 2 and len(w) >= 3 and w[:1].isupper() and w.replace("-", "").isalpha():
            after.setdefault(w, end)

    def since(w: str) -> int:
        return after.get(w, after.get(w[:-1], len(words)) if w.endswith("s") else len(words))

    return [i for i, w in enumerate(words) if i not in taken and i >= since(w)]


def merge_known_names(ents: list[Span], known: list[Span]) -> list[Span]:
    """The model's entities plus the gazetteer's names: each known name where the model found nothing,
    or in place of model entities it wholly contains ("Arbeiterpartei Kurdistans" over "Kurdistans").
    A known name that only partly overlaps a model entity is left out: the model saw more context."""
    out = list(ents)
    for g in sorted(known, key=lambda s: (s.start - s.end, s.start)):  # longest first
        inside = [e for e in out if e.start < g.end and g.start < e.end]
        rule = g.id_.startswith("rule:")  # a rule's label wins over the model's on the same span
        if all(g.start <= e.start and e.end <= g.end and (len(e) < len(g) or rule) for e in inside):
            out = [e for e in out if e not in inside]
            out.append(Span(g.doc, g.start, g.end, label=g.label, span_id=g.id))
    return sorted(out, key=lambda s: s.start)


def grammar_test(lang: str, name: str, default):
    """A test from the language's grammar module (``not_a_name``, ``name_after_role``), or ``default``."""
    from ..lang import registry

    try:
        return getattr(registry.troops_grammar(lang), name, default)
    except GeonewsError:
        return default


class EntityMapper(SettingsOnDisk):
    SETTINGS = ("label_map",)

    """Keeps PER, ORG and LOC (under their base-model names) and drops the rest (MISC)."""

    def __init__(self, nlp: Language, name: str, label_map: dict[str, str]) -> None:
        self.name = name
        self.label_map = dict(label_map)
        self.not_a_name = grammar_test(nlp.lang, "not_a_name", lambda word: False)
        self.name_after_role = grammar_test(nlp.lang, "name_after_role", lambda words, i: False)
        self.anonymised_name_end = grammar_test(nlp.lang, "anonymised_name_end", lambda words, i: None)
        self.is_org_descriptor = grammar_test(nlp.lang, "is_org_descriptor", lambda word: False)
        self.is_person_descriptor = grammar_test(nlp.lang, "is_person_descriptor", lambda word: False)
        extensions.register()

    def __call__(self, doc: Doc) -> Doc:
        if GAZETTEER_SPANS in doc.spans:
            doc.ents = merge_known_names(list(doc.ents), list(doc.spans[GAZETTEER_SPANS]))
        doc.ents = [e for e in self._complete_names(doc)
                    if not (len(e) == 1 and e.ent_id_ == "" and self.not_a_name(e.text))]
        doc.ents = self._surnames(doc)
        doc.ents = self._names_after_roles(doc)
        rows = []
        for ent in doc.ents:
            label = self.label_map.get(ent.label_)
            if label is None:
                continue
            source = {"gaz": "gazetteer", "rule": "rule"}.get(ent.ent_id_.partition(":")[0], "model")
            rows.append((ent.start_char, ent.end_char, label, source, None))
        doc._.geonews_entities = rows
        return doc

    def _surnames(self, doc: Doc) -> list:
        ents = list(doc.ents)
        persons = [e for e in ents if self.label_map.get(e.label_) == "PER"]
        if not persons:
            return ents
        taken = {i for e in ents for i in range(e.start, e.end)}
        found = surname_mentions([t.text for t in doc], [(e.start, e.end) for e in persons], taken)
        label = persons[0].label
        return sorted(ents + [Span(doc, i, i + 1, label=label, span_id="rule:surname") for i in found],
                      key=lambda e: e.start)

    def _names_after_roles(self, doc: Doc) -> list:
        """A surname the model missed right after a role ("Vorgänger [Steinmeier]"), and a name shortened
        to an initial ("[Mustafa S.] (27)")."""
        ents = list(doc.ents)
        taken = {i for e in ents for i in range(e.start, e.end)}
        words = [t.text for t in doc]
        label = next((k for k, v in self.label_map.items() if v == "PER"), None)
        if label is None:
            return ents
        found = [Span(doc, i, i + 1, label=label, span_id="rule:role") for i in range(1, len(words))
                 if i not in taken and words[i][:1].isupper() and self.name_after_role(words, i)]
        if "(" in words:  # "Mustafa S. (27)": the press's shortened names, whatever the model said
            for i in range(len(words) - 3):
                end = self.anonymised_name_end(words, i) if len(words[i + 1]) <= 3 else None
                if end is not None:
                    found.append(Span(doc, i, end, label=label, span_id="rule:initial"))
        return merge_known_names(ents, found) if found else ents

    def _complete_names(self, doc: Doc) -> list:
        ents = list(doc.ents)
        taken = {i for e in ents for i in range(e.start, e.end)}
        words = [t.text for t in doc]
        out = []
        for ent in ents:
            start, end = ent.start, ent.end
            while start < end and doc[start].text in LEADING_MARKS:
                start += 1  # "# Bundeswehr" under a markdown heading, "- NATO" in a list
            while end > start and doc[end - 1].text in TRAILING_MARKS:
                end -= 1
            while (end - start > 1 and self.label_map.get(ent.label_) == "PER"
                   and (doc[start].text in TITLES or (self.is_person_descriptor(doc[start].text)
                                                      and doc[start + 1].text[:1].isupper()))):
                start += 1  # "Herr [Willemsen]", "Halbbruder [Sven]"
            while (end - start > 1 and not doc[start + 1].is_punct
                   and (doc[start].lower_ in DESCRIPTORS or (self.label_map.get(ent.label_) == "LOC"
                                                               and doc[start].lower_ in PLACE_DESCRIPTORS
                                                               and doc[start + 1].text[:1].isupper()))
                   and self.label_map.get(ent.label_) in ("LOC", "ORG")):
                start += 1
            while (end - start > 1 and self.label_map.get(ent.label_) == "ORG" and not ent.ent_id_
                   and self.is_org_descriptor(doc[start].text) and doc[start + 1].text[:1].isupper()):
                start += 1  # "Terrormiliz IS", "Bankhaus Credito Emiliano": the model's, not a known name
            if start == end:
                continue
            label = ent.label_
            before = doc[start - 1].text if start > 0 else ""
            if not ent.ent_id_ and before[:1].isupper():  # the kind of thing named says what it is
                if self.is_org_descriptor(before):
                    label = self._label_for("ORG", label)  # "Rockband [Fold Zandura]"
                elif before.lower() in PLACE_WORDS:
                    label = self._label_for("LOC", label)  # "Dorf [Weitingen]"
            if (start, end) != (ent.start, ent.end) or label != ent.label_:
                ent = Span(doc, start, end, label=label, kb_id=ent.kb_id, span_id=ent.id)
            if self.label_map.get(ent.label_) == "PER" and ent.end < len(doc):
                end = name_end(words, ent.end, taken)
                if end != ent.end:
                    ent = Span(doc, ent.start, end, label=ent.label, kb_id=ent.kb_id, span_id=ent.id)
            out += self._split_at_slashes(doc, ent)
        return out

    def _label_for(self, ours: str, theirs: str) -> str:
        """The base model's name for our label (its own label where it has none of that kind)."""
        if self.label_map.get(theirs) == ours:
            return theirs
        return next((k for k, v in self.label_map.items() if v == ours), theirs)

    @staticmethod
    def _split_at_slashes(doc: Doc, ent: Span) -> list[Span]:
        """ "Gaza/Jerusalem", "Kiew/Moskau" (datelines): two names, not one."""
        cuts = [i for i in range(ent.start + 1, ent.end - 1) if doc[i].text == "/"]
        if not cuts:
            return [ent]
        bounds = [ent.start, *[c for cut in cuts for c in (cut, cut + 1)], ent.end]
        return [Span(doc, a, b, label=ent.label, kb_id=ent.kb_id) for a, b in zip(bounds[::2], bounds[1::2])
                if b > a]
