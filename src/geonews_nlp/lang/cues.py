"""Whether the words around a place name say it names a region: pure helpers the packs share (no spaCy,
no language). A pack passes its own region words, list joiners and linking words."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

MAX_LIST_WORDS = 3  # words of one name in a list ("Nord-Kivu", "Chin Shwe Haw")
_PARTICLE_NAME = re.compile(r"[a-z]{1,3}-[A-Z]")  # "al-Ghanam", "el-Fasher"


def _name_word(word: str) -> bool:
    return word[:1].isupper() or bool(_PARTICLE_NAME.match(word))


def listed_after_cue(words: Sequence[str], is_cue: Callable[[str], bool], joiners: frozenset[str],
                     linkers: frozenset[str] = frozenset(), cue_first: bool = True) -> bool:
    """Whether the words read outward from a name (nearest first) reach a region word through a list of
    names: "Provinz | Idlib", "Regionen Kyjiw , | Donezk" (read leftwards: ",", "Kyjiw", "Regionen"),
    "| and Luhansk regions" (rightwards), "provinces of Helmand and | Kandahar" (``linkers``: "of"
    between the word and the list). A name is up to ``MAX_LIST_WORDS`` capitalised words; the list
    items are separated by a comma or a joiner ("und", "and"); anything else ends the walk.
    ``cue_first``: whether the cue may stand right next to the name (German "Provinz Idlib"; English
    reads leftwards only through "of")."""
    i, n = 0, len(words)
    seen_name = False
    while i < n:
        w = words[i]
        if is_cue(w) and (seen_name or cue_first):
            return True
        if w.lower() in linkers and i + 1 < n and is_cue(words[i + 1]):
            return True
        if w == "," or w.lower() in joiners:
            i += 1
            k = 0
            while i < n and k < MAX_LIST_WORDS and _name_word(words[i]) and not is_cue(words[i]):
                i += 1
                k += 1
            if k == 0:
                return False
            seen_name = True
            continue
        return False
    return False
