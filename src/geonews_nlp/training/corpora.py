"""Readers for the NER corpora in ``../shared/data/ner``, mapped to PER/ORG/LOC.

Every reader yields ``(tokens, tags)`` with IOB2 tags over PER, ORG and LOC only;
everything else (OTH/MISC, ``*deriv``/``*part``, legal norms) becomes ``O``.
"""

from __future__ import annotations

import gzip
import io
import zipfile
from collections.abc import Iterator
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


def read_conll(path: Path, *, sep: str | None = None, token_col: int = 0, tag_col: int = -1,
               table: dict[str, str] = COARSE, strip_prefix: str = "") -> Iterator[Sentence]:
    opener = gzip.open if str(path).endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as f:
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


def corpora(root: Path) -> dict[str, Iterator[Sentence]]:
    """All corpora the project trains on, by name (lazy)."""
    ner = root / "ner"
    return {
        "silver": read_conll(ner / "silver_de" / "silver_de.conll.gz", sep="\t"),
        "mobie": read_mobie(ner / "mobie" / "ner_conll03_formatted.zip", "train"),
        "ler": read_conll(ner / "ler_legal" / "derived" / "ler_train.conll", sep=" ", table=LER_MAP),
        "neiss": read_conll(ner / "neiss_sturm" / "train_sturm.conll", sep=None),
        "wikiann": read_conll(ner / "wikiann_de" / "train", sep="\t", strip_prefix="de:"),
    }
