"""A name found once in a text, repeated where the model found nothing. Pure, no spaCy.

A statistical model reads each sentence on its own: it finds "Marib" in one sentence and passes
over it in the next ("the offensive against Marib"), or finds "BiH" once in four mentions. Within
one news text a name written the same way means the same thing (the "one sense per discourse"
heuristic of word-sense disambiguation, and the label consistency that non-local NER features and
document-level CRFs exploit), so an exact repeat of a name the text has already shown is that name.
Only whole, case-exact repeats count, standing apart from other names: never a word inside a longer
capitalised name ("Kursk" in "Kursk Oblast"), joined by a hyphen ("Houthi-led"), or a name the
language says names no one (a nationality adjective, "North Korean"): a model's slip is not copied.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence

HYPHENS = frozenset({"-", "–", "‐"})


def _names_nothing(name: tuple[str, ...], not_a_name: Callable[[str], bool]) -> bool:
    first, last = name[0], name[-1]
    if not first[:1].isupper() or not last[-1:].isalnum():
        return True
    return (len(name) == 1 and len(first) < 2) or not_a_name(" ".join(name))  # "North Korean" names no one


def _capitalised(word: str) -> bool:
    return word[:1].isupper() and word[:1].isalpha()


def repeated_names(words: Sequence[str], names: Sequence[tuple[int, int, str]], taken: Collection[int],
                   sentence_starts: Collection[int] = (), not_a_name: Callable[[str], bool] = lambda w: False
                   ) -> list[tuple[int, int, str]]:
    """``(start, end, label)`` of every exact repeat of one of a text's ``names`` (``(start, end, label)``
    of its entities) where no entity is (``taken``): the same words, case and all, not glued to a
    capitalised word before (unless that word opens a sentence: ``sentence_starts``) or after, nor to a
    hyphen. A name the text labels in two ways is left alone: which one a repeat is, it does not say."""
    labels: dict[tuple[str, ...], set[str]] = {}
    for start, end, label in names:
        labels.setdefault(tuple(words[start:end]), set()).add(label)
    at: dict[str, list[int]] = {}
    for i, word in enumerate(words):
        at.setdefault(word, []).append(i)
    out: list[tuple[int, int, str]] = []
    used: set[int] = set(taken)
    for name, kinds in sorted(labels.items(), key=lambda kv: -len(kv[0])):  # longest first: "South Sudan"
        if len(kinds) != 1 or _names_nothing(name, not_a_name):
            continue
        n = len(name)
        for i in at.get(name[0], ()):
            end = i + n
            if end > len(words) or tuple(words[i:end]) != name or any(k in used for k in range(i, end)):
                continue
            before = words[i - 1] if i > 0 else ""
            after = words[end] if end < len(words) else ""
            if before in HYPHENS or after in HYPHENS or _capitalised(after):
                continue
            if _capitalised(before) and (i - 1) not in sentence_starts:
                continue
            out.append((i, end, next(iter(kinds))))
            used.update(range(i, end))
    return sorted(out)
