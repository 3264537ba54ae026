"""Coreference of names within a document: pure functions over the mentions' texts and labels, no spaCy.

A person named in full ("Thomas de Maizière", "Mark Rutte") and later by surname alone ("de
Maizière", "Rutte", in the genitive "Ruttes") is one person: the short mention's ``canonical`` is the
full name, and it takes the full mention's link (none when the full name is unknown: the surname alone
is never linked to another entry). Every other mention is its own canonical name.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..lang.acronyms import abbreviates, is_acronym

PERSON = "PER"


def _ends_with(full: list[str], short: list[str]) -> bool:
    return len(full) > len(short) and [w.casefold() for w in full[-len(short):]] == [w.casefold() for w in short]


def antecedents(mentions: Sequence[tuple[str, str]],
                genitive_bases: Callable[[str], list[str]] = lambda word: []) -> list[int | None]:
    """For each ``(text, label)`` mention, the index of the full-name mention it shortens, else None.

    A person's mention shortens a longer person's mention whose last words are its words, in any case
    ("Rutte" of "Mark Rutte", "De Maizière" of "Thomas de Maizière"), or those of its genitive's base
    (``genitive_bases``: "Ruttes" → "Rutte"). The nearest such full name before it wins; with none
    before it, the full name after it, when only one full name (as written) fits. The full name itself
    is the longest of its kind: a mention that fits no longer one has no antecedent.
    """
    words = [text.split() for text, _ in mentions]
    persons = [i for i, (_, label) in enumerate(mentions) if label == PERSON]
    out: list[int | None] = [None] * len(mentions)
    for i in persons:
        for form in [words[i], *(base.split() for base in genitive_bases(mentions[i][0]))]:
            if not form:
                continue
            fits = [j for j in persons if j != i and _ends_with(words[j], form)]
            before = [j for j in fits if j < i]
            if before:
                out[i] = before[-1]
            elif fits and len({mentions[j][0] for j in fits}) == 1:
                out[i] = fits[0]
            if out[i] is not None:
                break
    # a chain ("Thomas de Maizière" … "de Maizière" … "Maizière") ends at the fullest name
    for i in range(len(out)):
        seen = {i}
        j = out[i]
        while j is not None and out[j] is not None and out[j] not in seen:
            seen.add(j)
            j = out[j]
        out[i] = j
    return out


def canonical_names(mentions: Sequence[tuple[str, str]],
                    genitive_bases: Callable[[str], list[str]] = lambda word: []) -> list[str]:
    """The document's fullest name of each mention: its full name's text, else its own."""
    return [mentions[j][0] if j is not None else text
            for (text, _), j in zip(mentions, antecedents(mentions, genitive_bases))]


# -- acronyms (lang.acronyms: what abbreviates what) -------------------------------------------------

def acronym_antecedents(mentions: Sequence[tuple[str, str]], defined: Sequence[bool] = ()) -> list[int | None]:
    """For each ``(text, label)`` mention that is an acronym, the index of the mention whose full name it
    abbreviates (``abbreviates``), else None. ``defined[i]``: mention i stands in brackets right after
    mention i - 1 ("Somali National Army (SNA)"): that name is its full name, and the full name of every
    later mention written as it is. Otherwise the full names it abbreviates must be one name as written:
    the nearest before it wins, else the first after it. Persons' names are no full names of acronyms.
    Each acronym is compared once with each distinct name (a long text repeats both)."""
    out: list[int | None] = [None] * len(mentions)
    by_text: dict[str, list[int]] = {}
    for j, (text, label) in enumerate(mentions):
        if label != PERSON and not is_acronym(text):
            by_text.setdefault(text, []).append(j)
    fits_of: dict[str, list[int]] = {}
    bracketed: dict[str, int] = {}
    for i, (text, _) in enumerate(mentions):
        if not is_acronym(text):
            continue
        if i < len(defined) and defined[i] and i > 0 and mentions[i - 1][1] != PERSON \
                and abbreviates(text, mentions[i - 1][0]):
            out[i] = bracketed[text] = i - 1
            continue
        if text in bracketed:
            out[i] = bracketed[text]
            continue
        if text not in fits_of:
            names = [name for name in by_text if abbreviates(text, name)]
            fits_of[text] = by_text[names[0]] if len(names) == 1 else []
        fits = fits_of[text]
        if fits:
            before = [j for j in fits if j < i]
            out[i] = before[-1] if before else fits[0]
    return out
