"""Normalised lookup keys and German inflection: pure functions, no spaCy.

A key is what two spellings of the same name share: case folded, ``ß`` as ``ss``,
umlauts as ``ae``/``oe``/``ue`` (so "Müller" and "Mueller" meet), other diacritics
dropped, dashes and quotes unified, articles and titles removed.
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
ARTICLES = {"der", "die", "das", "den", "dem", "des", "the"}
TITLES = {
    "präsident", "präsidentin", "praesident", "kanzler", "kanzlerin", "bundeskanzler", "bundeskanzlerin",
    "ministerpräsident", "ministerpräsidentin", "premierminister", "premierministerin", "premier",
    "generalsekretär", "generalsekretärin", "minister", "ministerin", "verteidigungsminister",
    "verteidigungsministerin", "außenminister", "außenministerin", "general", "generalin", "admiral",
    "oberbefehlshaber", "generalstabschef", "staatschef", "staatschefin", "machthaber", "diktator",
    "könig", "königin", "herr", "frau", "dr.", "prof.", "präsidenten", "kanzlers", "president",
    "prime", "minister", "chancellor", "secretary-general", "mr.", "mrs.", "ms.", "sir", "papst", "emir",
    "kronprinz", "scheich", "ayatollah", "ajatollah", "sprecher", "sprecherin", "chef", "chefin",
    "führer", "anführer", "kommandeur", "befehlshaber",
}
ADJECTIVE_ENDINGS = ("en", "em", "er", "es", "e")


def normalize_key(text: str) -> str:
    """The lookup key of a name; idempotent (``normalize_key(normalize_key(x)) == normalize_key(x)``)."""
    key, dropped = _normalize_once(text)
    for _ in range(4):  # removing an article can expose characters the first pass strips
        if not dropped:
            break
        again, dropped = _normalize_once(key)
        if again == key:
            break
        key = again
    return key


def _normalize_once(text: str) -> tuple[str, bool]:
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
    while len(words) > 1 and words[0] in ARTICLES:
        words = words[1:]
        dropped = True
    return " ".join(words), dropped


def strip_titles(text: str) -> str:
    """Remove leading titles and roles: "NATO-Generalsekretär Mark Rutte" → "Mark Rutte"."""
    words = text.split()
    while len(words) > 1:
        w = words[0].casefold()
        last = w.rsplit("-", 1)[-1]
        if w in TITLES or last in TITLES or w in ARTICLES:
            words = words[1:]
        else:
            break
    return " ".join(words)


def inflection_candidates(key: str) -> list[str]:
    """Base forms a German inflected key may come from: genitive ``-s``/``-es``, adjective endings."""
    out: list[str] = []
    if len(key) > 2 and key.endswith("s"):
        out.append(key[:-1])
    if len(key) > 4 and key.endswith("es"):
        out.append(key[:-2])
    if len(key) > 3 and key.endswith("n"):  # dative plural, weak nouns: "den Niederlanden"
        out.append(key[:-1])
    for ending in ADJECTIVE_ENDINGS:
        if len(key) > len(ending) + 3 and key.endswith(ending):
            out.append(key[: -len(ending)])
    words = key.split(" ")
    if len(words) > 1:  # "Demokratischen Republik Kongo", "Mittleren Osten": weak adjective endings
        base = [w[:-1] if len(w) > 4 and w.endswith(("en", "em")) else
                w[:-1] if len(w) > 4 and w.endswith("er") and i < len(words) - 1 else w
                for i, w in enumerate(words)]
        strong = [w[:-2] + "er" if len(w) > 4 and w.endswith("en") and i < len(words) - 1 else w
                  for i, w in enumerate(words)]
        out += [" ".join(base), " ".join(strong)]
    return out
