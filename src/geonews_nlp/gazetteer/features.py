"""Gazetteer features for the NER's embedding: which tokens a gazetteer name covers, and as what.

Pure functions, no spaCy: ``gazetteer_tags`` marks each token with the labels of the known names
that start at it (``B-LOC``) or continue through it (``I-ORG``), so the model can learn from
context how far to trust a name it has never seen in training ("Riniken", "Spezstroi"); the ruler
after the model decides without context.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from ..labels import LABEL_OF_TYPE
from ..lang.base import KeyRules

MAX_WORDS = 4  # longer names are rare and the ruler proposes them anyway
NONE = "O"


def _may_start(word: str) -> bool:
    # names begin with a capital or a digit ("1. FC Köln"); an article is not part of the key
    return word[:1].isupper() or word[:1].isdigit()


def gazetteer_tags(words: Sequence[str], labels_of: Callable[[str], Iterable[str]], rules: KeyRules = KeyRules(),
                   max_words: int = MAX_WORDS) -> list[str]:
    """One tag per word: the sorted ``B-``/``I-`` labels of known names over it, or ``O``.

    ``labels_of(text)`` gives the labels of the names equal to ``text`` (empty when none).
    A one-word name in the genitive ("Sachsens", by ``rules.genitive_stems``) is tagged ``G-`` with
    the label of its base form; a word of ``rules.articles`` starts no name.
    """
    articles = rules.articles
    tags: list[set[str]] = [set() for _ in words]
    n = len(words)
    for i, first in enumerate(words):
        if not _may_start(first) or first.lower() in articles:
            continue
        for j in range(i + 1, min(n, i + max_words) + 1):
            last = words[j - 1]
            if not any(c.isalnum() for c in last):
                break  # a name does not run over punctuation
            for label in labels_of(" ".join(words[i:j])):
                tags[i].add("B-" + label)
                for k in range(i + 1, j):
                    tags[k].add("I-" + label)
        if not tags[i]:
            for stem in rules.genitive_stems(first):
                for label in labels_of(stem):
                    tags[i].add("G-" + label)
    return ["|".join(sorted(t)) if t else NONE for t in tags]


def labels_from_index(canonical: dict[str, set[str]], keys: dict[str, set[str]],
                      types: Callable[[str], str], key_of: Callable[[str], str]) -> Callable[[str], frozenset[str]]:
    """``labels_of`` over a gazetteer index: the labels of entries whose own name or label has the
    text's key, and, marked ``~``, those that have it only as another name (GeoNames' alternate
    names hold common words: "Ende", "Dabei")."""

    def labels_of(text: str) -> frozenset[str]:
        key = key_of(text)
        own = {LABEL_OF_TYPE.get(types(i)) for i in canonical.get(key, ())}
        other = {LABEL_OF_TYPE.get(types(i)) for i in keys.get(key, ())} - own
        return frozenset({lab for lab in own if lab} | {lab + "~" for lab in other if lab})

    return labels_of
