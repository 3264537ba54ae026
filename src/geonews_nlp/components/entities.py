"""Maps the base model's entity labels to PER/ORG/LOC; linking is the gazetteer linker's job."""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..lang import registry
from ..lang.acronyms import acronym_positions
from ..lang.base import NameRules
from ..lang.common import split_at_role
from ..lang.repeats import repeated_names
from . import extensions
from .serialize import SettingsOnDisk

GAZETTEER_SPANS = "geonews_gazetteer"  # the span group the gazetteer ruler writes (pipeline.assemble)

QUOTES = {'"', "„", "“", "”", "»", "«", "‚", "‘", "’", "'"}
# Markup, list and quote marks a model may take into a name; "Yahoo!" and "U.S." keep theirs.
LEADING_MARKS = {"#", "##", "###", "*", "**", "-", "–", "•", ">", "|", "_", "'s", "’s"} | QUOTES
TRAILING_MARKS = {",", ";", ":", "*", "**", "|", "_", "–"} | QUOTES
SOURCES = {"gaz": "gazetteer", "rule": "rule"}  # by the prefix of a span's id; else the model's


def name_end(words: list[str], end: int, taken: set[int], rules: NameRules) -> int:
    """Where a person's name really ends when a model stopped at a particle ("Ursula" | "von der Leyen").

    Extends over a particle and its article ("von der", "van den", "de la") or one particle alone
    ("bin", "van", "al") to one capitalised word that no other entity claims and that is not an
    acronym ("Scholz von der SPD" stays "Scholz"); otherwise returns ``end``.
    """
    i = end
    if (i + 1 < len(words) and words[i] in rules.preposition_particles and words[i + 1] in rules.article_particles
            and (words[i], words[i + 1]) not in rules.not_particle_pairs):
        i += 2
    elif i < len(words) and words[i] in rules.particles:
        i += 1
    if i == end or i >= len(words) or i in taken:
        return end
    w = words[i]
    if not (w[:1].isupper() and w[1:2].islower() and w.replace("-", "").isalpha()):
        return end
    return i + 1


def surname_mentions(words: list[str], persons: list[tuple[int, int]], taken: set[int],
                     genitive_bases: Callable[[str], list[str]] = lambda w: [], headline_end: int = 0) -> list[int]:
    """Positions of later mentions of a person by surname alone ("Mark Rutte ... Rutte betonte"), or in
    the genitive ("Ruttes", by ``genitive_bases``), where no entity is: the model finds the full name
    far more often. A headline (the words before ``headline_end``) names a person by surname before
    the text names them in full ("Shoigu: 300,000 reservists … Defence Minister Sergei Shoigu said")."""
    after: dict[str, int] = {}  # surname -> where its first full name ends
    for start, end in sorted(persons):
        w = words[end - 1]
        if end - start >= 2 and len(w) >= 3 and w[:1].isupper() and w.replace("-", "").isalpha():
            after.setdefault(w, end)

    def since(w: str) -> int:
        if w in after:
            return after[w]
        return next((after[b] for b in genitive_bases(w) if b in after), len(words))

    return [i for i, w in enumerate(words) if i not in taken and (i >= since(w) or (i < headline_end and w in after))]


def inside_a_longer_name(span: Span, rules: NameRules | None = None) -> bool:
    """A state body's name a rule or a gazetteer proposed right after another capitalised word in its
    sentence is part of a longer name: "Syrian Army" in "the Free Syrian Army" is no state's army."""
    body = span.id_ == "rule:institution" or (
        rules is not None and span.id_.startswith("gaz:") and rules.institution(span.text) is not None)
    if not body or span.start == 0:
        return False
    before = span.doc[span.start - 1]
    return before.is_title and not before.is_sent_start and not before.is_stop  # "- The Defense Ministry"


def merge_known_names(ents: list[Span], known: list[Span]) -> list[Span]:
    """The model's entities plus the gazetteer's names: each known name where the model found nothing,
    or in place of model entities it wholly contains ("Arbeiterpartei Kurdistans" over "Kurdistans").
    A known name that only partly overlaps a model entity is left out: the model saw more context."""
    out = list(ents)
    for g in sorted(known, key=lambda s: (s.start - s.end, s.start)):  # longest first
        inside = [e for e in out if e.start < g.end and g.start < e.end]
        if g.id_ == "rule:region_cue" and any(e.label_ in (g.label_, "GPE", "FAC") for e in inside):
            continue  # the model found the place ("Region [Kursk]"): the region word adds nothing to it
        rule = g.id_.startswith("rule:")  # a rule's label wins over the model's on the same span
        if all(g.start <= e.start and e.end <= g.end and (len(e) < len(g) or rule) for e in inside):
            out = [e for e in out if e not in inside]
            out.append(Span(g.doc, g.start, g.end, label=g.label, span_id=g.id))
    return sorted(out, key=lambda s: s.start)


class EntityMapper(SettingsOnDisk):
    """Completes and trims the NER's names by the language's name rules, then leaves in ``doc.ents``
    only PER, ORG and LOC (base-model labels mapped by ``label_map``; MISC and the rest dropped),
    each with its source in ``Span._.geonews_source``."""

    SETTINGS = ("label_map",)

    def __init__(self, nlp: Language, name: str, label_map: dict[str, str]) -> None:
        self.name = name
        self.label_map = dict(label_map)
        self.rules = registry.get(nlp.lang).names
        extensions.register()

    def __call__(self, doc: Doc) -> Doc:
        if GAZETTEER_SPANS in doc.spans:
            known = [g for g in doc.spans[GAZETTEER_SPANS] if not inside_a_longer_name(g, self.rules)]
            doc.ents = merge_known_names(list(doc.ents), known)
        not_a_name = self.rules.not_a_name
        doc.ents = [e for e in self._complete_names(doc)
                    if not (len(e) == 1 and e.ent_id_ == "" and not_a_name(e.text))
                    and not self._made_adjective(doc, e)]
        doc.ents = self._names_after_roles(doc)  # first: a full name after a rank has its surname later
        doc.ents = self._surnames(doc)
        doc.ents = self._acronyms(doc)
        doc.ents = self._repeats(doc)
        final = []
        for ent in doc.ents:
            label = self.label_map.get(ent.label_)
            if label is None:
                continue
            final.append(ent if ent.label_ == label else
                         Span(doc, ent.start, ent.end, label=label, kb_id=ent.kb_id, span_id=ent.id))
        doc.ents = final
        for ent in final:
            ent._.geonews_source = SOURCES.get(ent.ent_id_.partition(":")[0], "model")
        return doc

    def _made_adjective(self, doc: Doc, ent: Span) -> bool:
        """ "pro-Hadi forces": a name joined by a hyphen to a prefix that makes it an adjective."""
        i = ent.start
        return (i >= 2 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_ and not doc[i - 2].whitespace_
                and doc[i - 2].lower_ in self.rules.adjective_prefixes)

    def _surnames(self, doc: Doc) -> list:
        ents = list(doc.ents)
        persons = [e for e in ents if self.label_map.get(e.label_) == "PER"]
        if not persons:
            return ents
        taken = {i for e in ents for i in range(e.start, e.end)}
        headline_end = next((t.i for t in doc if "\n" in t.text), 0)  # a text's first line, if it has more
        found = surname_mentions([t.text for t in doc], [(e.start, e.end) for e in persons], taken,
                                 self.rules.genitive_bases, headline_end)
        label = persons[0].label
        return sorted(ents + [Span(doc, i, i + 1, label=label, span_id="rule:surname") for i in found],
                      key=lambda e: e.start)

    def _acronyms(self, doc: Doc) -> list:
        """An acronym the model missed of a name found in the same text ("Karenni Army … the KA")."""
        ents = list(doc.ents)
        names = [e for e in ents if self.label_map.get(e.label_) in ("ORG", "LOC") and len(e) >= 2]
        if not names:
            return ents
        taken = {i for e in ents for i in range(e.start, e.end)}
        found = acronym_positions([t.text for t in doc], [(e.start, e.text) for e in names], taken)
        return sorted(ents + [Span(doc, i, i + 1, label=names[j].label, span_id="rule:acronym") for i, j in found],
                      key=lambda e: e.start)

    def _repeats(self, doc: Doc) -> list:
        """A name the model found once, repeated where it found nothing ("near Marib" … "against Marib"):
        ``lang.repeats``."""
        ents = list(doc.ents)
        # the model's names only: the gazetteer's and the rules' are placed where their conditions allow
        # (a newspaper named by a common noun only in quotes, "„Zeit“"; a surname only after the full name)
        names = [(e.start, e.end, e.label_) for e in ents if not e.ent_id_]
        if not names:
            return ents
        taken = {i for e in ents for i in range(e.start, e.end)}
        starts = {t.i for t in doc if t.is_sent_start} if doc.has_annotation("SENT_START") else {0}
        found = repeated_names([t.text for t in doc], names, taken, starts, self.rules.not_a_name)
        if not found:
            return ents
        return sorted(ents + [Span(doc, s, e, label=label, span_id="rule:repeat") for s, e, label in found],
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
        name_after_role, anonymised_name_end = self.rules.name_after_role, self.rules.anonymised_name_end
        found = [Span(doc, i, i + 1, label=label, span_id="rule:role") for i in range(1, len(words))
                 if i not in taken and words[i][:1].isupper() and name_after_role(words, i)]
        rank_name_end = self.rules.rank_name_end
        for i in range(1, len(words) - 1):
            if i not in taken:
                end = rank_name_end(words, i)
                if end is not None and not any(k in taken for k in range(i, end)):
                    found.append(Span(doc, i, end, label=label, span_id="rule:rank"))
        if "(" in words:  # "Mustafa S. (27)": the press's shortened names, whatever the model said
            for i in range(len(words) - 3):
                end = anonymised_name_end(words, i) if len(words[i + 1]) <= 3 else None
                if end is not None:
                    found.append(Span(doc, i, end, label=label, span_id="rule:initial"))
        return merge_known_names(ents, found) if found else ents

    def _complete_names(self, doc: Doc) -> list:
        rules = self.rules
        is_person_descriptor, is_org_descriptor = rules.is_person_descriptor, rules.is_org_descriptor
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
            if ent.ent_id_ == "rule:region_cue" and end - start > 1 and doc[end - 1].text in rules.region_words_after:
                end -= 1  # "the [Kidal] region": the name, as gold marks it
            while (end - start > 1 and self.label_map.get(ent.label_) == "PER"
                   and (doc[start].text in rules.titles or (is_person_descriptor(doc[start].text)
                                                      and doc[start + 1].text[:1].isupper())
                        or doc[start].text == "." and start > ent.start)):
                start += 1  # "Herr [Willemsen]", "Halbbruder [Sven]", "Brig . Gen. [Domingo Tutaan]"
            # a descriptor before a name ("Region Kursk" → "Kursk"), not the first word of a state body's
            # name ("State Department")
            while (end - start > 1 and not doc[start + 1].is_punct and ent.ent_id_ != "rule:institution"
                   and (doc[start].lower_ in rules.descriptors or (self.label_map.get(ent.label_) == "LOC"
                                                                     and doc[start].lower_ in rules.place_descriptors
                                                               and doc[start + 1].text[:1].isupper()))
                   and self.label_map.get(ent.label_) in ("LOC", "ORG")):
                start += 1
            while (end - start > 1 and self.label_map.get(ent.label_) == "ORG" and not ent.ent_id_
                   and is_org_descriptor(doc[start].text) and doc[start + 1].text[:1].isupper()):
                start += 1  # "Terrormiliz IS", "Bankhaus Credito Emiliano": the model's, not a known name
            if start == end:
                continue
            label = ent.label_
            before = doc[start - 1].text if start > 0 else ""
            if not ent.ent_id_ and before[:1].isupper():  # the kind of thing named says what it is
                if is_org_descriptor(before):
                    label = self._label_for("ORG", label)  # "Rockband [Fold Zandura]"
                elif before.lower() in rules.place_words:
                    label = self._label_for("LOC", label)  # "Dorf [Weitingen]"
            if (start, end) != (ent.start, ent.end) or label != ent.label_:
                ent = Span(doc, start, end, label=label, kb_id=ent.kb_id, span_id=ent.id)
            if self.label_map.get(ent.label_) == "PER" and ent.end < len(doc):
                end = name_end(words, ent.end, taken, rules)
                if end != ent.end:
                    ent = Span(doc, ent.start, end, label=ent.label, kb_id=ent.kb_id, span_id=ent.id)
            cut = split_at_role(words[ent.start:ent.end], rules.is_role_noun) \
                if not ent.ent_id_ and self.label_map.get(ent.label_) in ("ORG", "LOC") else None
            if cut is not None:  # "[Indian Army] Chief [Bipin Rawat]", "[UN] Secretary-General"
                name_stop, person = cut
                if name_stop:
                    out += self._split_at_slashes(doc, Span(doc, ent.start, ent.start + name_stop, label=ent.label))
                if person is not None:
                    out.append(Span(doc, ent.start + person, ent.end, label=self._label_for("PER", ent.label_),
                                    span_id="rule:role"))
                continue
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
