"""Links entities, troop actors and troop locations to the knowledge base (spaCy adapter of ``gazetteer.decide``).

Follows spaCy's ``EntityLinker``: the knowledge base comes in through ``initialize()`` (a loader
function; by default the shipped gazetteers plus the ``gazetteers`` files, indexed under the
language's key rules), and the final label, ``kb_id_``, link and source of every entity are
written back to ``doc.ents``. Saved with the pipeline are the settings and the name and content
hash of every gazetteer file read; loading warns when the files have changed since.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..errors import Errors, GeonewsError, Warnings, logger
from ..gazetteer.coref import acronym_antecedents, antecedents
from ..gazetteer.decide import (
    AFTER_CHARS,
    BEFORE_CHARS,
    PLACE_TYPES,
    Mention,
    decide_document,
    document_topic,
    link_actor,
    link_location,
)
from ..gazetteer.institutions import forces_owner
from ..gazetteer.store import Gazetteer, content_hash, load_gazetteer, shipped_files
from ..lang import registry
from . import extensions
from .serialize import SettingsOnDisk

GazetteerLoader = Callable[[str, tuple[str, ...]], Gazetteer]  # (lang, extra files) → knowledge base


def shipped_gazetteer(lang: str, extra: tuple[str, ...] = ()) -> Gazetteer:
    """The default loader: the shipped gazetteers plus ``extra`` files, under ``lang``'s key rules."""
    return load_gazetteer(registry.get(lang).keys, lang, extra)


def gazetteer_files(extra: Iterable[str]) -> list[dict[str, str]]:
    """Name and content hash of every file the linker reads, as saved with the pipeline."""
    return ([{"name": p.name, "hash": content_hash([p])} for p in shipped_files()]
            + [{"name": str(p), "hash": content_hash([Path(p)])} for p in extra])


class GazetteerLinker(SettingsOnDisk):
    SETTINGS = ("gazetteers", "fuzzy")

    def __init__(self, nlp: Language, name: str, gazetteers: list[str], fuzzy: bool) -> None:
        self.name = name
        self.lang = registry.get(nlp.lang).code
        self.gazetteers = list(gazetteers)
        self.fuzzy = fuzzy
        self.rules = registry.get(nlp.lang).names
        self._kb: Gazetteer | None = None
        extensions.register()

    def initialize(self, get_examples: Callable[[], Iterable[Any]] | None = None, *, nlp: Language | None = None,
                   gazetteer_loader: GazetteerLoader | None = None) -> None:
        """Load the knowledge base now (``gazetteer_loader``: a function of (lang, extra files); by
        default ``shipped_gazetteer``)."""
        loader = gazetteer_loader or shipped_gazetteer
        self.set_kb(loader(self.lang, tuple(self.gazetteers)))

    def set_kb(self, kb: Gazetteer) -> None:
        self._kb = kb
        self._by_code = {e.country: e for e in kb.entries.values() if e.type == "country" and e.country}

    @property
    def kb(self) -> Gazetteer:
        if self._kb is None:  # not initialised: the default loader on first use, as a fallback
            self.initialize()
        assert self._kb is not None
        return self._kb

    def __call__(self, doc: Doc) -> Doc:
        kb, rules, fuzzy = self.kb, self.rules, self.fuzzy
        text = doc.text  # built from the tokens on every access
        ents = list(doc.ents)
        mentions = [Mention(text[e.start_char:e.end_char], e.label_, e._.geonews_source or "model",
                            text[max(0, e.start_char - BEFORE_CHARS):e.start_char],
                            text[e.end_char:e.end_char + AFTER_CHARS])
                    for e in ents]
        # the state whose troops the text counts: its bodies named alone ("die Luftwaffe") are that state's
        figures = doc.spans.get(extensions.troops_key(doc), [])
        # (strength figures only: a body that reports the enemy's losses is not the enemy's)
        forces = forces_owner([(span._.troop or {}).get("actor") for span in figures
                               if (span._.troop or {}).get("kind") == "strength"], self._by_code)
        ctx, decisions = decide_document(mentions, kb, rules, fuzzy=fuzzy, forces=forces)
        links = [d.link() for d in decisions]
        # a surname after the full name ("Mark Rutte ... Ruttes"): that person, linked or NIL as the full name
        full = antecedents([(m.text, d.label) for m, d in zip(mentions, decisions)], rules.genitive_bases)
        links = [links[j] if j is not None else link for link, j in zip(links, full)]
        labels = [d.label for d in decisions]
        # an acronym of a full name in the same text ("the Somali National Army (SNA)" … "the SNA"): that
        # body; once bracketed right after it, even over a link of its own (acronyms are ambiguous)
        defined = [i > 0 and text[ents[i - 1].end_char:ents[i].start_char].strip() == "("
                   for i in range(len(ents))]
        acronyms = acronym_antecedents([(m.text, label) for m, label in zip(mentions, labels)], defined)
        bracketed = {mentions[i].text for i, j in enumerate(acronyms) if j is not None and defined[i]}
        for i, j in enumerate(acronyms):
            if j is None or full[i] is not None:
                continue
            own, theirs = links[i], links[j]
            same = own is not None and theirs is not None and own["id"] == theirs["id"]
            if links[i] is None or mentions[i].text in bracketed or same:
                links[i], labels[i], full[i] = links[j], labels[j], j
        final = []
        for ent, label, link in zip(ents, labels, links):
            kb_id = link["id"] if link else ""
            if label != ent.label_ or kb_id != ent.kb_id_:
                ent = Span(doc, ent.start, ent.end, label=label, kb_id=kb_id, span_id=ent.id)
            final.append(ent)
        doc.ents = final
        for ent, m, link, j in zip(final, mentions, links, full):
            ent._.geonews_source = m.source
            ent._.geonews_link = link
            # a name broken over a line ("Milorad\nDodik") is one name: single spaces
            ent._.geonews_canonical = " ".join((mentions[j].text if j is not None else m.text).split())
        # soldiers lost with no owner in the words: the state the text's places are clearly in
        places_state = (document_topic([d.match for d in decisions], PLACE_TYPES)
                        if any((span._.troop or {}).get("open_owner") is not None for span in figures) else None)
        for span in figures:
            fields = dict(span._.troop or {})
            not_owners = fields.pop("open_owner", None)
            if not_owners is not None and fields.get("actor") is None:
                fields["actor"] = places_state if places_state not in not_owners else None
            fields["actor_link"] = link_actor(kb, fields.get("actor"), self._by_code)
            loc = fields.pop("location_text", None)
            fields["location"] = self._location(doc, span, loc, ctx.countries) if loc else None
            span._.troop = fields
        return doc

    def _location(self, doc: Doc, figure: Span, text: str, countries: frozenset[str]) -> dict[str, Any] | None:
        """The place a troop figure's location word names: the place entity over it (after a region word,
        the one after it: "in der Region Kursk"), else an exact or inflected gazetteer place; never a
        common noun matched fuzzily ("an die Grenze", "in den Süden")."""
        sent_end = figure.sent.end if doc.has_annotation("SENT_START") else len(doc)
        at = next((t.i for t in doc[figure.end:min(sent_end, figure.end + 8)] if t.text == text), None)
        if at is None:
            return None
        nxt = doc[at + 1] if at + 1 < sent_end else None

        def place(i: int) -> tuple[bool, dict[str, Any] | None]:
            for ent in doc.ents:
                if ent.start <= i < ent.end:
                    return True, ent._.geonews_link if ent.label_ == "LOC" else None
            return False, None

        region_word = text.lower() in self.rules.region_words
        found, link = place(nxt.i) if region_word and nxt is not None else place(at)
        if found:
            return link
        m = link_location(self.kb, text, nxt.text if nxt is not None else None, self.rules, countries)
        return m.link() if m else None

    # -- serialisation: settings, and the files read (checked on loading) ----------------------------

    def _extra_state(self) -> dict[str, Any]:
        return {"files": gazetteer_files(self.gazetteers)}

    def _load_extra_state(self, state: dict[str, Any], where: str) -> None:
        if "files" not in state:
            raise GeonewsError(Errors.E013.format(component=self.name, path=where, missing="the gazetteer files"))
        saved = {(f["name"], f["hash"]) for f in state["files"]}
        now = {(f["name"], f["hash"]) for f in gazetteer_files(self.gazetteers)}
        if saved != now:
            changed = sorted({name for name, _ in saved ^ now})
            logger.warning(Warnings.W003.format(files=", ".join(changed)))

    def _settings_loaded(self) -> None:
        self._kb = None  # other gazetteer files: reload on first use
