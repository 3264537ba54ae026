"""Whose troops, read across sentences: a document's forces in order of mention. Pure, no spaCy.

News names a force's owner once and then goes on without it: "Die USA schicken 3000 Soldaten
nach Afghanistan. ... Die Soldaten sollen ihre rund 11.000 Kameraden unterstützen." A
language's grammar resolves what a figure's own phrase and sentence say; what they leave open
is taken from this model (docs/troop-figures.md, "Actors from the discourse"):

1. the latest force mention before the figure within ``window`` sentences (a figure's resolved
   actor, a force named with its owner: "US-Soldaten", "die Bundeswehr", "das türkische Militär");
2. else the document's dominant force, when one owner holds most of the mentions.

Places and hosts never enter the model: a grammar adds only owners. The model is language-
neutral; each pack decides what counts as a force mention in its language.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass

ALLIANCE = "alliance"  # source of an alliance named alone ("die Nato"): read only for multinational totals
TOPIC = "<topic>"  # a state's institution named without the state ("die Armee"): the document's country
WINDOW = 3  # sentences a force stays salient without being named again (a paragraph's reach)
DOMINANT_SHARE = 2 / 3  # the document's force: at least this share of its force mentions
MIN_DOMINANT = 2  # ... and named at least twice
MAX_SKIP = 4  # mentions passed over (banned or not allowed) before the model gives up: bounded time


@dataclass(frozen=True, order=True)
class ForceMention:
    """An owner of forces named at ``(sent, pos)``; ``source`` says how ("figure", "force")."""

    sent: int
    pos: int
    actor: str
    source: str = "force"


class Discourse:
    """The force mentions of one document, kept in text order."""

    def __init__(self, window: int = WINDOW) -> None:
        self.window = window
        self.mentions: list[ForceMention] = []
        self._counts: Counter[str] = Counter()

    def add(self, sent: int, pos: int, actor: str | None, source: str = "force") -> None:
        if actor:
            m = ForceMention(sent, pos, actor, source)
            last = self.mentions[-1] if self.mentions else None
            if last is None or (last.sent, last.pos, last.actor, last.source) <= (sent, pos, actor, source):
                self.mentions.append(m)  # mentions mostly come in text order: no search (same order as insort)
            else:
                insort(self.mentions, m)
            if actor != TOPIC and source != ALLIANCE:
                self._counts[actor] += 1

    def recent(self, sent: int, pos: int, banned: Collection[str] = (),
               only: Collection[str] | None = None) -> str | None:
        """The owner named last before ``(sent, pos)``, at most ``window`` sentences back, that is not
        ``banned`` (a casualty figure's attackers) and, with ``only``, is one of those (an alliance
        for a multinational total). The scan stops at most ``MAX_SKIP`` mentions past the latest, so
        a long document costs no more per figure than a short one."""
        i = bisect_left(self.mentions, (sent, pos), key=lambda m: (m.sent, m.pos))
        for m in reversed(self.mentions[max(0, i - MAX_SKIP - 1):i]):
            if m.sent < sent - self.window:
                return None
            if m.source == ALLIANCE and only is None:
                continue
            if m.actor not in banned and (only is None or m.actor in only):
                return m.actor
        return None

    def dominant(self, banned: Collection[str] = ()) -> str | None:
        """The document's force: the owner of at least ``DOMINANT_SHARE`` of all mentions, named at
        least ``MIN_DOMINANT`` times; None when the document is about several."""
        if not self._counts:
            return None
        actor, n = self._counts.most_common(1)[0]
        total = sum(self._counts.values())
        if n < MIN_DOMINANT or n < DOMINANT_SHARE * total or actor in banned:
            return None
        return actor

    def resolve(self, sent: int, pos: int, banned: Collection[str] = ()) -> str | None:
        """What the discourse says of a figure at ``(sent, pos)`` whose sentence names no owner."""
        return self.recent(sent, pos, banned) or self.dominant(banned)
