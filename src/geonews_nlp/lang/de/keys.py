"""German rules for gazetteer keys: articles and titles dropped, inflected forms traced to their base.
Pure functions, no spaCy (the ``keys`` part of the German pack)."""

from __future__ import annotations

ARTICLES = frozenset({"der", "die", "das", "den", "dem", "des", "the"})
TITLES = frozenset({
    "präsident", "präsidentin", "praesident", "kanzler", "kanzlerin", "bundeskanzler", "bundeskanzlerin",
    "ministerpräsident", "ministerpräsidentin", "premierminister", "premierministerin", "premier",
    "generalsekretär", "generalsekretärin", "minister", "ministerin", "verteidigungsminister",
    "verteidigungsministerin", "außenminister", "außenministerin", "general", "generalin", "admiral",
    "oberbefehlshaber", "generalstabschef", "staatschef", "staatschefin", "machthaber", "diktator",
    "könig", "königin", "herr", "frau", "dr.", "prof.", "präsidenten", "kanzlers", "president",
    "prime", "chancellor", "secretary-general", "mr.", "mrs.", "ms.", "sir", "papst", "emir",
    "kronprinz", "scheich", "ayatollah", "ajatollah", "sprecher", "sprecherin", "chef", "chefin",
    "führer", "anführer", "kommandeur", "befehlshaber",
})
ADJECTIVE_ENDINGS = ("en", "em", "er", "es", "e")


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


def genitive_stems(word: str) -> list[str]:
    """Base forms of a one-word name in the genitive ("Sachsens" → "Sachsen"), for the NER's gazetteer
    feature. Only the genitive, not all of ``inflection_candidates``: its adjective endings would
    tag "Berliner" as a place, which GermEval leaves unmarked."""
    if len(word) <= 3 or not word.endswith("s"):
        return []
    base = word[:-2] if word.endswith("es") and len(word) > 5 else word[:-1]
    return sorted({word[:-1], base})
