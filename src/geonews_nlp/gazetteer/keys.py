"""Normalised lookup keys: pure functions, no spaCy, no language.

A key is what two spellings of the same name share: case folded, ``ß`` as ``ss``,
umlauts as ``ae``/``oe``/``ue`` (so "Müller" and "Mueller" meet), other diacritics
dropped, dashes and quotes unified, and the leading articles that the caller names (a
language pack's ``KeyRules.articles``) removed.
"""

from __future__ import annotations

import re
import unicodedata

# Umlauts as German writes them without; letters that Unicode does not decompose, as their base letter
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "æ": "ae", "ø": "oe", "œ": "oe",
                          "ł": "l", "đ": "d", "ı": "i", "ħ": "h", "þ": "th"})
_DASHES = re.compile(r"[\u2010-\u2015\u2212\u00ad_]")
_QUOTES = re.compile(r"[\"'`´‘’‚‛“”„‟«»‹›]")
_SPACE = re.compile(r"\s+")
_NON_KEY = re.compile(r"[^\w\- .]")
def normalize_key(text: str, articles: frozenset[str] = frozenset()) -> str:
    """The lookup key of a name; idempotent (``normalize_key(normalize_key(x)) == normalize_key(x)``).

    ``articles``: lower-case words dropped from the start of a name of two or more words."""
    key, dropped = _normalize_once(text, articles)
    for _ in range(4):  # removing an article can expose characters the first pass strips
        if not dropped:
            break
        again, dropped = _normalize_once(key, articles)
        if again == key:
            break
        key = again
    return key


def _normalize_once(text: str, articles: frozenset[str]) -> tuple[str, bool]:
    if text.isascii():  # most names: no umlauts, no diacritics, nothing for unicodedata to do
        t = text.lower()
    else:
        t = unicodedata.normalize("NFKC", text).casefold().translate(_UMLAUTS)
        t = "".join(c for c in unicodedata.normalize("NFKD", t) if not unicodedata.combining(c))
        t = unicodedata.normalize("NFKC", t).casefold().translate(_UMLAUTS)
    t = _DASHES.sub("-", t)
    t = _QUOTES.sub("", t)
    t = _NON_KEY.sub(" ", t)
    t = _SPACE.sub(" ", t).strip(" .-")
    words = t.split(" ")
    dropped = False
    while len(words) > 1 and words[0] in articles:
        words = words[1:]
        dropped = True
    return " ".join(words), dropped


def strip_titles(text: str, titles: frozenset[str], articles: frozenset[str] = frozenset()) -> str:
    """Remove leading titles and roles: "NATO-Generalsekretär Mark Rutte" → "Mark Rutte" (with German's)."""
    words = text.split()
    while len(words) > 1:
        w = words[0].casefold()
        last = w.rsplit("-", 1)[-1]
        if w in titles or last in titles or w in articles:
            words = words[1:]
        else:
            break
    return " ".join(words)
