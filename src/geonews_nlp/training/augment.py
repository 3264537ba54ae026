"""Mention replacement: copies of gold sentences with each name swapped for another of its label.

The model misses names it has never seen, and the scarce in-domain gold (GermEval) is shown
several times per epoch. Instead of identical copies, each extra copy gets other names of the
same label, drawn from the mentions of the whole training mix, so that the context, not the
memorised name, has to carry the decision (Dai & Adel 2020, "An Analysis of Simple Data
Augmentation for Named Entity Recognition").
"""

from __future__ import annotations

import random
from collections.abc import Iterable

from ..evaluate import bio_spans
from .corpora import Sentence

LABELS = ("PER", "ORG", "LOC")


def spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """(start, end, label) of the BIO entities in ``tags``, in order (a stray I- starts one)."""
    return sorted(bio_spans(tags))


def mention_pool(sentences: Iterable[Sentence]) -> dict[str, list[tuple[str, ...]]]:
    """The distinct mentions per label, in first-seen order (so a seeded draw is reproducible).
    Mentions that start or end with punctuation (silver noise: "Godesberg Bahnhof .") are left out."""
    pool: dict[str, dict[tuple[str, ...], None]] = {label: {} for label in LABELS}
    for toks, tags in sentences:
        for start, end, label in spans(tags):
            if label in pool and toks[start][:1].isalnum() and toks[end - 1][-1:].isalnum():
                pool[label][tuple(toks[start:end])] = None
    return {label: list(names) for label, names in pool.items()}


def replace_mentions(sentence: Sentence, pool: dict[str, list[tuple[str, ...]]], rng: random.Random
                     ) -> Sentence:
    """A copy of ``sentence`` with every PER/ORG/LOC mention replaced by a random one of its label."""
    toks, tags = sentence
    new_toks: list[str] = []
    new_tags: list[str] = []
    i = 0
    for start, end, label in spans(tags) + [(len(toks), len(toks), "")]:
        new_toks += toks[i:start]
        new_tags += tags[i:start]
        if label:
            names = pool.get(label)
            name = list(rng.choice(names)) if names else toks[start:end]
            new_toks += name
            new_tags += [f"B-{label}"] + [f"I-{label}"] * (len(name) - 1)
        i = end
    return new_toks, new_tags
