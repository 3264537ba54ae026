"""Readers for the NER corpora in ``../shared/data/ner``, mapped to PER/ORG/LOC.

Every reader yields ``(tokens, tags)`` with IOB2 tags over PER, ORG and LOC only;
everything else (OTH/MISC, ``*deriv``/``*part``, legal norms) becomes ``O``.
``corpora(root, lang)`` names a language's corpora: German by default, English with ``lang="en"``.
"""

from __future__ import annotations

import gzip
import io
import itertools
import json
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

Sentence = tuple[list[str], list[str]]

# LER's 19 fine labels (PROVENANCE.md, "Suggested NER mapping").
LER_MAP = {
    "PER": "PER", "RR": "PER", "AN": "PER",
    "LD": "LOC", "ST": "LOC", "STR": "LOC", "LDS": "LOC",
    "ORG": "ORG", "UN": "ORG", "INN": "ORG", "GRT": "ORG", "MRK": "ORG",
}
# MobIE / SmartData lower-case fine types.
MOBIE_MAP = {
    "person": "PER",
    "organization": "ORG", "organization-company": "ORG",
    "location": "LOC", "location-city": "LOC", "location-street": "LOC", "location-stop": "LOC",
}
COARSE = {"PER": "PER", "ORG": "ORG", "LOC": "LOC"}
NEISS_MAP = {"pers": "PER", "place": "LOC"}  # the Sturm letters have no organisations
# WNUT-17's six types: groups (bands, teams, parties) and corporations are CoNLL's ORG; products and
# creative works are MISC in CoNLL's terms and are dropped (docs/model-card-en.md).
WNUT_MAP = {"person": "PER", "location": "LOC", "corporation": "ORG", "group": "ORG"}


def _map_tags(raw: list[str], table: dict[str, str]) -> list[str]:
    """Map fine tags to PER/ORG/LOC and repair IOB1 (``I-`` that starts an entity) to IOB2."""
    out: list[str] = []
    prev = "O"
    for tag in raw:
        if tag in ("O", "", "_") or "-" not in tag:
            out.append("O")
            prev = "O"
            continue
        prefix, label = tag.split("-", 1)
        mapped = table.get(label)
        if mapped is None:
            out.append("O")
            prev = "O"
            continue
        if prefix.upper() == "B" or prev != mapped:
            out.append("B-" + mapped)
        else:
            out.append("I-" + mapped)
        prev = mapped
    return out


def _blocks(lines: Iterator[str]) -> Iterator[list[str]]:
    block: list[str] = []
    for line in lines:
        line = line.rstrip("\r\n")
        if not line.strip():
            if block:
                yield block
            block = []
        else:
            block.append(line)
    if block:
        yield block


def read_germeval(path: Path) -> Iterator[Sentence]:
    """GermEval 2014 TSV: ``idx token outer nested``, ``#`` comment lines; outer level only."""
    with open(path, encoding="utf-8") as f:
        for block in _blocks(f):
            rows = [r.split("\t") for r in block if not r.startswith("#\t")]
            toks = [r[1] for r in rows]
            yield toks, _map_tags([r[2] for r in rows], COARSE)


def _open_text(path: Path):
    return (gzip.open if str(path).endswith(".gz") else open)(path, "rt", encoding="utf-8")


def read_conll(path: Path, *, sep: str | None = None, token_col: int = 0, tag_col: int = -1,
               table: dict[str, str] = COARSE, strip_prefix: str = "") -> Iterator[Sentence]:
    with _open_text(path) as f:
        yield from _conll_blocks(f, sep=sep, token_col=token_col, tag_col=tag_col, table=table,
                                 strip_prefix=strip_prefix)


def _conll_blocks(f, *, sep, token_col, tag_col, table, strip_prefix) -> Iterator[Sentence]:
    for block in _blocks(f):
        toks: list[str] = []
        tags: list[str] = []
        for row in block:
            if row.startswith("# ") or row.startswith("-DOCSTART-"):
                continue
            parts = row.split(sep)
            if len(parts) < 2:
                continue
            tok = parts[token_col]
            if strip_prefix and tok.startswith(strip_prefix):
                tok = tok[len(strip_prefix):]
            toks.append(tok)
            tags.append(parts[tag_col])
        if toks:
            yield toks, _map_tags(tags, table)


def read_mobie(path: Path, split: str) -> Iterator[Sentence]:
    with zipfile.ZipFile(path) as z, z.open(f"{split}.conll2003") as raw:
        f = io.TextIOWrapper(raw, encoding="utf-8")
        yield from _conll_blocks(f, sep="\t", token_col=0, tag_col=3, table=MOBIE_MAP, strip_prefix="")


def json_stream(text: str) -> Iterator[dict]:
    """SmartData's files hold pretty-printed JSON objects one after another, not JSON Lines."""
    decoder, i, n = json.JSONDecoder(), 0, len(text)
    while True:
        while i < n and text[i].isspace():
            i += 1
        if i >= n:
            return
        obj, i = decoder.raw_decode(text, i)
        yield obj


Tokenizer = Callable[[str], list[tuple[str, int, int, bool]]]


def char_spans_to_sentences(text: str, mentions: list[tuple[int, int, str]],
                            tokenize: Tokenizer) -> Iterator[Sentence]:
    """Tokens and IOB2 tags from character offsets, one sentence at a time.

    ``tokenize(text)`` gives ``(token, start, end, sentence_start)``; a line break always
    starts a sentence (SmartData puts headline, dateline and body on separate lines).
    A mention that does not cover whole tokens, or overlaps an earlier one, is dropped
    rather than guessed at."""
    tokens = tokenize(text)
    tags = ["O"] * len(tokens)
    starts = {s: i for i, (_, s, _, _) in enumerate(tokens)}
    ends = {e: i for i, (_, _, e, _) in enumerate(tokens)}
    for start, end, label in sorted(mentions):
        first, last = starts.get(start), ends.get(end)
        if first is None or last is None or last < first or any(t != "O" for t in tags[first:last + 1]):
            continue
        tags[first:last + 1] = ["B-" + label] + ["I-" + label] * (last - first)
    words: list[str] = []
    labels: list[str] = []
    prev_end = 0
    for (tok, start, end, sent_start), tag in zip(tokens, tags):
        if words and (sent_start or "\n" in text[prev_end:start]) and not tag.startswith("I-"):
            yield words, labels
            words, labels = [], []
        words.append(tok)
        labels.append(tag)
        prev_end = end
    if words:
        yield words, labels


def spacy_tokenizer() -> Tokenizer:
    """German tokenisation and rule-based sentence starts (a blank spaCy pipeline)."""
    import spacy

    nlp = spacy.blank("de")
    nlp.add_pipe("sentencizer")

    def tokenize(text: str) -> list[tuple[str, int, int, bool]]:
        return [(t.text, t.idx, t.idx + len(t), bool(t.is_sent_start)) for t in nlp(text) if not t.is_space]
    return tokenize


def place_adjective(text: str, start: int, end: int) -> bool:
    """SmartData labels place adjectives LOC ("türkische", "Berliner Polizei"); GermEval
    leaves them out (``LOCderiv``). Lower-case, or one word in -er before a capitalised word."""
    surface = text[start:end]
    if surface[:1].islower():
        return True
    after = text[end:end + 2].lstrip(" ")
    return " " not in surface and surface.endswith("er") and after[:1].isupper()


def read_smartdata_v1(path: Path, tokenize: Tokenizer | None = None) -> Iterator[Sentence]:
    """SmartData v1: raw text plus ``conceptMentions`` with character offsets (no tokens).

    v3 holds tokens but draws its documents from v1's train *and* test, so the project
    reads v1 only (PROVENANCE.md). Fine types map with ``MOBIE_MAP``; place adjectives are
    dropped (``place_adjective``)."""
    tokenize = tokenize or spacy_tokenizer()
    with _open_text(path) as f:
        text = f.read()
    for doc in json_stream(text):
        body = doc["text"]["string"]
        mentions = [(m["span"]["start"], m["span"]["end"], MOBIE_MAP[m["type"]])
                    for m in (doc.get("conceptMentions") or {}).get("array", [])
                    if m["type"] in MOBIE_MAP]
        mentions = [(s, e, label) for s, e, label in mentions
                    if label != "LOC" or not place_adjective(body, s, e)]
        yield from char_spans_to_sentences(body, mentions, tokenize)


def read_hipe(path: Path) -> Iterator[Sentence]:
    """HIPE-2022 TSV: a header row, ``#`` metadata lines, sentence ends as ``EndOfSentence``
    in the last (MISC) column; the literal coarse tags (PER/LOC/ORG/HumanProd) are used."""
    with open(path, encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        tag_col = header.index("NE-COARSE-LIT")
        toks: list[str] = []
        raw: list[str] = []
        for line in f:
            line = line.rstrip("\r\n")
            if not line or line.startswith("#"):
                continue
            cols = line.split("\t")
            toks.append(cols[0])
            raw.append(cols[tag_col])
            if "EndOfSentence" in cols[-1]:
                yield toks, _map_tags(raw, COARSE)
                toks, raw = [], []
        if toks:
            yield toks, _map_tags(raw, COARSE)


def read_unsegmented_bio(path: Path, max_len: int = 60) -> Iterator[Sentence]:
    """Europeana Newspapers: ``token TAG`` per line with no sentence or document breaks.

    A sentence ends after ``.``, ``!`` or ``?`` outside an entity, or at ``max_len`` tokens
    outside an entity; metadata lines (``# ...``) and lines without a tag are skipped, and
    unknown tags (``B-PEr``, ``???``) are upper-cased or become ``O`` in the mapping."""
    with _open_text(path) as f:
        toks: list[str] = []
        raw: list[str] = []
        for line in f:
            parts = line.split()
            if len(parts) != 2 or line.startswith("# "):
                continue
            tok, tag = parts[0], parts[1].upper()
            if toks and raw[-1] == "O" and not tag.startswith("I-") and (
                    toks[-1] in {".", "!", "?"} or len(toks) >= max_len):
                yield toks, _map_tags(raw, COARSE)
                toks, raw = [], []
            toks.append(tok)
            raw.append(tag)
        if toks:
            yield toks, _map_tags(raw, COARSE)


def read_wikigold_docs(path: Path) -> list[list[Sentence]]:
    """WikiGold (``token TAG``, IOB1, MISC) as documents of sentences: a ``-DOCSTART-`` line starts a
    document, and the sentences before the first one form document 0. MISC becomes ``O``."""
    docs: list[list[Sentence]] = [[]]
    with _open_text(path) as f:
        for block in _blocks(f):
            if block[0].startswith("-DOCSTART-"):
                if docs[-1]:
                    docs.append([])
                block = block[1:]
            rows = [r.split(" ") for r in block]
            if rows:
                docs[-1].append(([r[0] for r in rows], _map_tags([r[-1] for r in rows], COARSE)))
    return [d for d in docs if d]


# Country abbreviations that silver_en leaves out when they are adjectives ("U.S. officials",
# ANNOTATION.md) but WikiGold, CoNLL and the project's gold label LOC ("U.S. troops").
COUNTRY_ABBREVIATIONS = frozenset({"U.S.", "US", "U.S", "UK", "U.K."})


def abbreviations_as_places(sentences: Iterator[Sentence]) -> Iterator[Sentence]:
    """``U.S.``, ``US``, ``UK`` outside an entity become ``B-LOC`` (see ``COUNTRY_ABBREVIATIONS``)."""
    for toks, tags in sentences:
        yield toks, ["B-LOC" if g == "O" and t in COUNTRY_ABBREVIATIONS else g for t, g in zip(toks, tags)]


def english_corpora(root: Path) -> dict[str, Iterator[Sentence]]:
    """The English corpora beside WikiGold (whose split ``prepare`` makes), by name (lazy)."""
    ner = root / "ner"
    chain = itertools.chain.from_iterable
    return {
        "silver": read_conll(ner / "silver_en" / "silver_en.conll.gz", sep="\t"),
        # silver_en with adjectival U.S./US/UK as LOC, as WikiGold labels them
        "silver_loc": abbreviations_as_places(read_conll(ner / "silver_en" / "silver_en.conll.gz", sep="\t")),
        # WNUT-17 train and dev (its test is left alone); social media, lower-case names
        "wnut": chain(read_conll(ner / "wnut17_en" / name, sep="\t", table=WNUT_MAP)
                      for name in ("wnut17train.conll", "emerging.dev.conll")),
        "wikiann": read_conll(ner / "wikiann_en" / "train", sep="\t", strip_prefix="en:"),  # licence unclear
    }


def corpora(root: Path, lang: str = "de") -> dict[str, Iterator[Sentence]]:
    """All corpora the project trains on for ``lang``, by name (lazy)."""
    if lang == "en":
        return english_corpora(root)
    if lang != "de":
        raise ValueError(f"no NER corpora for language {lang!r}; known: de, en")
    ner = root / "ner"
    chain = itertools.chain.from_iterable  # one lazy stream over several files
    return {
        "silver": read_conll(ner / "silver_de" / "silver_de.conll.gz", sep="\t"),
        # parliament and political Wikipedia, rich in organisations (issue 22); same format as silver_de
        "silver2": read_conll(ner / "silver_de2" / "silver_de2.conll.gz", sep="\t"),
        "mobie": read_mobie(ner / "mobie" / "ner_conll03_formatted.zip", "train"),
        "ler": read_conll(ner / "ler_legal" / "derived" / "ler_train.conll", sep=" ", table=LER_MAP),
        "neiss": read_conll(ner / "neiss_sturm" / "train_sturm.conll", sep=None, table=NEISS_MAP),
        "wikiann": read_conll(ner / "wikiann_de" / "train", sep="\t", strip_prefix="de:"),
        # v1 train and test both: neither is a split the project reports
        "smartdata": chain(read_smartdata_v1(ner / "smartdata" / "v1_20180119" / f"{split}.json.gz")
                           for split in ("train", "test")),
        # 5 columns (token lemma POS chunk NER), IOB1; licence not stated: experiments only
        "europarl": read_conll(ner / "europarl_pado" / "train.tsv", sep="\t"),
        "hipe": chain(read_hipe(p) for p in sorted((ner / "hipe2022_de_ccby").glob("*/*.tsv"))),
        "europeana": chain(read_unsegmented_bio(p) for p in sorted((ner / "europeana_newspapers_de").glob("*.bio"))),
    }
