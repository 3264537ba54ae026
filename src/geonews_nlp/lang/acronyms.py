"""Acronyms and the full names they abbreviate, in any language. Pure, no spaCy.

News defines an acronym once, beside the full name ("the Somali National Army (SNA)", "Syrische
Nationalarmee (SNA)"), or simply uses both in one text ("Sudanese Armed Forces" … "the SAF"). An
acronym alone is too ambiguous for the knowledge base or an actor table (SNA, SAF, RDF stand for
dozens of bodies), but within one document the full name it abbreviates says which one it is. The
linker reads it for links (``gazetteer.coref.acronym_antecedents``), the troop grammars for actors
(``acronym_mentions``).
"""

from __future__ import annotations

from collections.abc import Sequence

MAX_ACRONYM = 8
# inner letters of a word that an acronym may take besides its first ("Kommando Spezialkräfte" → KSK,
# "Syrische Nationalarmee" → SNA: German compounds): only past this many letters, at most two a word
INNER_FROM, INNER_MAX = 3, 2
INNER_TAIL = 4  # ... and starting a part of at least four letters, as a compound's part does ("Karenni" → no KIA)


def is_acronym(text: str) -> bool:
    """One word of letters, starting with a capital, with at least two capitals and at most
    ``MAX_ACRONYM`` letters: "SNA", "KNDF", "JeM", "OVKS"."""
    return (2 <= len(text) <= MAX_ACRONYM and text.isalpha() and text[0].isupper()
            and sum(c.isupper() for c in text) >= 2)


def _long_form_words(text: str) -> list[str]:
    return [w for w in text.replace("-", " ").replace("–", " ").split() if w[:1].isalpha()]


def abbreviates(acronym: str, long_form: str) -> bool:
    """Whether ``acronym`` is made of ``long_form``'s words in order: the first letter of every
    capitalised word, of any lowercase word or of none ("Line of Actual Control" → LAC, "Organisation
    des Vertrags über kollektive Sicherheit" → OVKS), a capitalised word giving up to two more of its
    inner letters, each starting a part of four letters or more (compounds: "Kommando Spezialkräfte" →
    KSK). The long form has two words or more."""
    if not is_acronym(acronym):
        return False
    letters = acronym.casefold()
    words = _long_form_words(long_form)
    if len(words) < 2 or len(letters) > 3 * len(words):
        return False

    def inner(word: str, a: int) -> list[int]:
        """The acronym positions reachable after ``word``'s first letter took letter ``a``."""
        reach, pos, at = [a + 1], a + 1, INNER_FROM
        low = word.casefold()
        for _ in range(INNER_MAX):
            if pos >= len(letters):
                break
            k = low.find(letters[pos], at, len(low) - INNER_TAIL + 1)
            if k < 0:
                break
            pos, at = pos + 1, k + 1
            reach.append(pos)
        return reach

    seen: set[tuple[int, int]] = set()

    def go(a: int, w: int) -> bool:
        if w == len(words):
            return a == len(letters)
        if (a, w) in seen:
            return False
        seen.add((a, w))
        word = words[w]
        if not word[0].isupper() and go(a, w + 1):  # a lowercase word may give no letter
            return True
        if a < len(letters) and word[0].casefold() == letters[a]:
            return any(go(nxt, w + 1) for nxt in inner(word, a))
        return False

    return go(0, 0)


DEFINITION_REACH = 8  # words a force's name may run from where it starts to its bracketed acronym


def acronym_uses(words: Sequence[str], mentions: Sequence[tuple[int, str]], defined: dict[str, str]) -> list[tuple[int, str]]:
    """Force mentions by acronym, one sentence at a time: a "NAME ( ACR )" whose name starts within two
    words of one of the sentence's force ``mentions`` ``(position, actor)``, and which ``ACR``
    abbreviates, defines ACR as that actor for the rest of the document (``defined``, updated here:
    "die Syrische Nationalarmee (SNA) … die SNA meldete"). Returns the ``(position, actor)`` of every
    use of a defined acronym in the sentence, the definition itself left out."""
    skip: set[int] = set()
    for i in range(1, len(words) - 2):
        acronym = words[i + 1]
        if words[i] != "(" or words[i + 2] != ")" or not is_acronym(acronym):
            continue
        for k, actor in reversed([m for m in mentions if m[0] < i and i - m[0] <= DEFINITION_REACH]):
            if any(abbreviates(acronym, " ".join(words[s:i])) for s in range(max(0, k - 2), min(i - 1, k + 3))):
                defined[acronym] = actor
                skip.add(i + 1)
                break
    return [(i, defined[word]) for i, word in enumerate(words) if i not in skip and word in defined] if defined else []


def acronym_mentions(sentences: Sequence[Sequence[str]],
                     mentions: Sequence[Sequence[tuple[int, str]]]) -> list[list[tuple[int, str]]]:
    """``acronym_uses`` over a whole document: for each sentence, the uses of the acronyms defined so far."""
    defined: dict[str, str] = {}
    return [acronym_uses(words, found, defined) for words, found in zip(sentences, mentions)]


def acronym_positions(words: Sequence[str], names: Sequence[tuple[int, str]], taken: set[int]) -> list[tuple[int, int]]:
    """Words that are acronyms of one of a document's ``names`` (``(start, text)`` of its non-person
    entities, in text order), where no entity is (``taken``): ``(position, index of the name)``. The
    nearest name before the word wins, else the one after it when only one (as written) fits: "the
    Karenni Army … KA fighters"."""
    out: list[tuple[int, int]] = []
    cache: dict[str, list[int]] = {}
    for i, word in enumerate(words):
        if i in taken or not is_acronym(word):
            continue
        if word not in cache:
            cache[word] = [j for j, (_, name) in enumerate(names)
                           if not is_acronym(name) and abbreviates(word, name)]
        fits = cache[word]
        before = [j for j in fits if names[j][0] < i]
        if before:
            out.append((i, before[-1]))
        elif fits and len({names[j][1] for j in fits}) == 1:
            out.append((i, fits[0]))
    return out
