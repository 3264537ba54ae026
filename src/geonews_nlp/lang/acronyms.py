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
# A compound's inner letters ("Kommando Spezialkräfte" → KSK, "Syrische Nationalarmee" → SNA): only the
# acronym's last letters, from the long form's last word, each starting a part of four letters or more
# past the word's third ("Karenni Army" is no KIA, "Alternative für Deutschland" no AND)
INNER_FROM, INNER_MAX, INNER_TAIL = 3, 2, 4


def is_acronym(text: str) -> bool:
    """One word of letters, starting with a capital, at most ``MAX_ACRONYM`` letters, at least two and
    at least half of them capitals: "SNA", "KNDF", "JeM", "AfD"; not "McCain" or "TikTok"."""
    upper = sum(c.isupper() for c in text)
    return (2 <= len(text) <= MAX_ACRONYM and text.isalpha() and text[0].isupper()
            and upper >= 2 and 2 * upper >= len(text))


def _long_form_words(text: str) -> list[str]:
    return [w for w in text.replace("-", " ").replace("–", " ").split() if w[:1].isalpha()]


def abbreviates(acronym: str, long_form: str) -> bool:
    """Whether ``acronym`` is made of ``long_form``'s words in order: the first letter of every
    capitalised word, of any lowercase word after the first or of none ("Line of Actual Control" →
    LAC, "Organisation des Vertrags über kollektive Sicherheit" → OVKS); its last letters may come from
    inside the last word (compounds: "Kommando Spezialkräfte" → KSK). The long form has two words or
    more and starts with a capital ("in der Ukraine" abbreviates nothing)."""
    if not is_acronym(acronym):
        return False
    letters = acronym.casefold()
    words = _long_form_words(long_form)
    if len(words) < 2 or not words[0][:1].isupper() or len(letters) > 3 * len(words):
        return False

    def inner(word: str, a: int) -> bool:
        """Whether ``word``'s inner letters give the acronym's letters from ``a`` to its end."""
        low, at = word.casefold(), INNER_FROM
        for pos in range(a, len(letters)):
            k = low.find(letters[pos], at, len(low) - INNER_TAIL + 1)
            if k < 0 or pos - a >= INNER_MAX:
                return False
            at = k + 1
        return True

    seen: set[tuple[int, int]] = set()

    def go(a: int, w: int) -> bool:
        if w == len(words):
            return a == len(letters)
        if (a, w) in seen:
            return False
        seen.add((a, w))
        word = words[w]
        if not word[0].isupper() and w > 0 and go(a, w + 1):  # a lowercase word may give no letter
            return True
        if a < len(letters) and word[0].casefold() == letters[a]:
            return go(a + 1, w + 1) or (w == len(words) - 1 and a + 1 < len(letters) and inner(word, a + 1))
        return False

    return go(0, 0)


def in_capitals(words: Sequence[str], i: int) -> bool:
    """Whether ``words[i]`` stands beside another word in capitals: a headline or a shout ("IT IS NOT
    OVER", "DAS IST EIN SKANDAL"), where a capitalised word is no acronym."""
    return any(0 <= j < len(words) and len(words[j]) > 1 and words[j].isalpha() and words[j].isupper()
               for j in (i - 1, i + 1))


DEFINITION_REACH = 8  # words a force's name may run from where it starts to its bracketed acronym


def acronym_uses(words: Sequence[str], mentions: Sequence[tuple[int, str]],
                 defined: dict[str, str]) -> list[tuple[int, str]]:
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
    """Words of three letters or more that are acronyms of a document's ``names`` (``(start, text)`` of its
    non-person entities, in text order), where no entity is (``taken``) and not among other words in
    capitals: ``(position, index of the name)``, when the names it abbreviates are one name as written
    ("the Karenni Army … KA-Kämpfer"). The nearest such name before the word wins, else the first after."""
    out: list[tuple[int, int]] = []
    cache: dict[str, list[int]] = {}
    for i, word in enumerate(words):
        if i in taken or len(word) < 3 or not is_acronym(word) or in_capitals(words, i):
            continue
        if word not in cache:
            fits = [j for j, (_, name) in enumerate(names) if not is_acronym(name) and abbreviates(word, name)]
            cache[word] = fits if len({names[j][1] for j in fits}) == 1 else []
        fits = cache[word]
        if fits:
            before = [j for j in fits if names[j][0] < i]
            out.append((i, before[-1] if before else fits[0]))
    return out
