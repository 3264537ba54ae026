"""Ensemble distillation: label raw text with several trained models, keep what most agree on.

An ensemble of models is more accurate than any one of them (docs/model-card.md,
"Ensemble distillation"), but too slow to ship. Its labels on unlabelled sentences, added
to the training mix, carry part of that gain into one model of the shipped size.

``vote`` is the pure rule; ``sample`` picks the sentences from ``raw_de``; ``label`` runs
the teachers; ``extend`` writes a corpus from ``prepare`` with the labelled sentences added.
``python -m geonews_nlp.training.distill`` does all four (``make train``).
"""

from __future__ import annotations

import gzip
import random
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language

Span = tuple[int, int, str]

# News and speech first (the domain of the library), then Wikipedia; paths under raw_de
NEWS = ("ntrex128_de/newstest2019-ref.deu.txt.gz", "flores_devtest_de/deu_Latn.devtest.txt.gz")
SPEECHES = "german_political_speeches_bundestagspraesident/bundestagspraesident_speeches.txt.gz"
WIKIPEDIA = "wikipedia/dewiki_klexikon_articles.txt.gz"
MIN_TOKENS, MAX_TOKENS = 5, 60


def vote(predictions: Sequence[Iterable[Span]], min_votes: int) -> list[Span]:
    """Spans predicted by at least ``min_votes`` of the models, without overlaps.

    The most agreed span wins an overlap; ties go to the earlier, then shorter span, so the
    result does not depend on the order of the models."""
    if min_votes < 1:
        raise ValueError(f"min_votes must be at least 1, got {min_votes}")
    counts = Counter(span for spans in predictions for span in set(spans))
    chosen: list[Span] = []
    for span, votes in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        if votes < min_votes:
            break
        if all(span[1] <= other[0] or other[1] <= span[0] for other in chosen):
            chosen.append(span)
    return sorted(chosen)


def text_key(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _lines(path: Path) -> Iterator[str]:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            yield line.strip()


def sample(raw_root: Path, n: int, exclude: Iterable[str] = (), seed: int = 0) -> list[str]:
    """``n`` sentences of 5-60 words: all news and speech sentences, then random Wikipedia ones.

    A sentence equal to one in ``exclude`` (spaces ignored: the GermEval dev set, whose held-out
    part must stay unseen) or to an earlier one is skipped. Speeches are one paragraph a line and
    are split by spaCy's sentencizer; Wikipedia is one sentence a line, with headings to skip.
    Wikipedia is shuffled on its own, so its order does not depend on the other files."""
    import spacy

    excluded = {text_key(t) for t in exclude}

    def keep(text: str, seen: set[str]) -> bool:
        key = text_key(text)
        if not MIN_TOKENS <= len(text.split()) <= MAX_TOKENS or key in seen or key in excluded:
            return False
        seen.add(key)
        return True

    seen: set[str] = set()
    out = [line for name in NEWS for line in _lines(raw_root / name) if keep(line, seen)]
    splitter = spacy.blank("de")
    splitter.add_pipe("sentencizer")
    for doc in splitter.pipe(line for line in _lines(raw_root / SPEECHES) if line):
        out += [sent.text.strip() for sent in doc.sents if keep(sent.text.strip(), seen)]
    wiki_seen: set[str] = set()
    wiki = [line for line in _lines(raw_root / WIKIPEDIA)
            if line and not line.startswith(("#", "=")) and keep(line, wiki_seen)]
    random.Random(seed).shuffle(wiki)
    for line in wiki:
        if len(out) >= n:
            break
        if text_key(line) not in seen:
            out.append(line)
    return out[:n]


def check_teachers(teachers: Sequence[str | Path], min_votes: int) -> None:
    """Fail before any work when the vote cannot be held or a teacher is not a saved pipeline."""
    if not 1 <= min_votes <= len(teachers):
        raise ValueError(f"--min-votes must be between 1 and the number of teachers ({len(teachers)}), not {min_votes}")
    missing = [str(t) for t in teachers if not (Path(t) / "config.cfg").is_file()]
    if missing:
        raise ValueError(f"not a saved spaCy pipeline (no config.cfg): {', '.join(missing)}")


def label(texts: Sequence[str], teachers: Sequence[str | Path], min_votes: int,
          progress: bool = False) -> list:
    """Docs of ``texts`` (tokenised by the first teacher) with the entities ``vote`` keeps."""
    import spacy
    from spacy.tokens import Doc
    from spacy.tokens import Span as SpacySpan
    from tqdm import tqdm

    check_teachers(teachers, min_votes)
    predictions: list[list[list[Span]]] = []
    tokens: list[tuple[list[str], list[bool]]] = []
    for path in tqdm(teachers, desc="teachers", disable=not progress):
        nlp: Language = spacy.load(path)
        if not tokens:  # one tokenisation for all, so that the teachers' spans line up
            tokenizer: Any = nlp.tokenizer  # a Tokenizer, typed as a callable
            tokens = [([t.text for t in d], [bool(t.whitespace_) for t in d]) for d in tokenizer.pipe(texts)]
        docs = (Doc(nlp.vocab, words=words, spaces=spaces) for words, spaces in tokens)
        predictions.append([[(e.start, e.end, e.label_) for e in d.ents] for d in nlp.pipe(docs, batch_size=256)])
    vocab = _vocab()
    out = []
    for i, (words, spaces) in enumerate(tokens):
        doc = Doc(vocab, words=words, spaces=spaces)
        doc.ents = [SpacySpan(doc, s, e, label=lab) for s, e, lab in vote([p[i] for p in predictions], min_votes)]
        out.append(doc)
    return out


def extend(corpus: Path, extra: list, out: Path, seed: int = 0) -> int:
    """``out``/train.spacy: ``corpus``/train.spacy with the ``extra`` docs, shuffled together;
    the tune and held-out files are copied unchanged. Returns the number of training docs."""
    import shutil

    from spacy.tokens import DocBin

    if out.resolve() == corpus.resolve():
        raise ValueError("write the extended corpus to another folder: running twice would add the text twice")
    docs = list(DocBin().from_disk(corpus / "train.spacy").get_docs(extra[0].vocab if extra else _vocab()))
    docs += extra
    random.Random(seed).shuffle(docs)
    out.mkdir(parents=True, exist_ok=True)
    DocBin(docs=docs, store_user_data=False).to_disk(out / "train.spacy")
    for name in ("tune.spacy", "heldout.spacy"):
        shutil.copy(corpus / name, out / name)
    return len(docs)


def _vocab():
    import spacy

    return spacy.blank("de").vocab


if __name__ == "__main__":  # pragma: no cover - used by `make train` (DISTILL=1)
    import argparse

    from .corpora import read_germeval

    ap = argparse.ArgumentParser(prog="python -m geonews_nlp.training.distill",
                                 description="Add sentences labelled by an ensemble of teachers to a training corpus.")
    ap.add_argument("shared", type=Path, help="the shared data folder (raw_de/, ner/)")
    ap.add_argument("corpus", type=Path, help="folder with train/tune/heldout.spacy from prepare")
    ap.add_argument("out", type=Path, help="folder for the extended corpus")
    ap.add_argument("teachers", nargs="+", help="trained model folders")
    ap.add_argument("--n", type=int, default=30_000, help="sentences to label (default 30,000)")
    ap.add_argument("--min-votes", type=int, default=5, help="teachers that must agree on an entity (default 5)")
    args = ap.parse_args()
    try:
        check_teachers(args.teachers, args.min_votes)
        dev = ["".join(words) for words, _ in read_germeval(args.shared / "ner" / "germeval2014" / "NER-de-dev.tsv")]
        texts = sample(args.shared / "raw_de", args.n, exclude=dev)
        docs = label(texts, args.teachers, args.min_votes, progress=True)
        n = extend(args.corpus, docs, args.out)
    except (ValueError, OSError) as e:
        raise SystemExit(f"error: {e}") from None
    print(f"{len(docs)} sentences with {sum(len(d.ents) for d in docs)} entities added: "
          f"{n} training docs in {args.out}")
