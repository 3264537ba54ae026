"""Convert the shared NER corpora to spaCy ``.spacy`` files for training.

GermEval 2014 dev is split by position: sentences 0–1199 train, 1200–1499 tune
(spaCy's dev set during training), 1500–2199 the fixed held-out set (700 sentences,
never trained on or tuned on). Training sentences that repeat a tune or held-out
sentence, or share a run of six tokens with one, are dropped, and so are repeated
sentences (for SmartData, which we tokenise ourselves and which shares sentences with
MobIE, compared by text with spaces ignored).
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from pathlib import Path

from .corpora import Sentence, corpora, read_germeval

TRAIN_END, TUNE_END = 1200, 1500
NGRAM = 6
# Corpora we tokenise ourselves: their sentences also repeat others under other tokens
# (SmartData shares sentences with MobIE), so they are compared by text, spaces ignored.
RETOKENISED = {"smartdata"}
# 0.3.0's recipe (mix B, GermEval shown three times); docs/model-card.md has the others measured
DEFAULT_MIX = {"germeval": None, "silver": None, "mobie": None}
DEFAULT_REPEAT = 3


def _ngrams(tokens: list[str]) -> set[tuple[str, ...]]:
    if len(tokens) < NGRAM:
        return {tuple(tokens)}
    return {tuple(tokens[i:i + NGRAM]) for i in range(len(tokens) - NGRAM + 1)}


def to_docbin(sentences: Iterable[Sentence], path: Path) -> int:
    import spacy
    from spacy.tokens import Doc, DocBin

    vocab = spacy.blank("de").vocab
    db = DocBin()
    n = 0
    for toks, tags in sentences:
        doc = Doc(vocab, words=toks, spaces=[True] * len(toks), ents=tags)
        db.add(doc)
        n += 1
    path.parent.mkdir(parents=True, exist_ok=True)
    db.to_disk(path)
    return n


def prepare(shared: Path, out: Path, mix: dict[str, int | None] | None = None, seed: int = 0,
            germeval_repeat: int = DEFAULT_REPEAT, augment: bool = False) -> dict[str, int]:
    """Write train.spacy, tune.spacy and heldout.spacy under ``out``; return sentence counts.

    ``augment``: the repeated GermEval copies get other names of the same labels, drawn from the
    whole mix (``augment.replace_mentions``), instead of being identical."""
    mix = dict(DEFAULT_MIX if mix is None else mix)
    sources = corpora(shared)
    unknown = sorted(set(mix) - set(sources) - {"germeval"})
    if unknown:
        raise ValueError(f"unknown corpus {', '.join(unknown)} in the mix; "
                         f"known: germeval, {', '.join(sorted(sources))}")
    bad = {k: v for k, v in mix.items()
           if v is not None and (not isinstance(v, int) or isinstance(v, bool) or v < 0)}
    if bad:
        raise ValueError(f"a corpus limit must be a sentence count or null, not {bad}")
    germeval = list(read_germeval(shared / "ner" / "germeval2014" / "NER-de-dev.tsv"))
    train_ge, tune, heldout = germeval[:TRAIN_END], germeval[TRAIN_END:TUNE_END], germeval[TUNE_END:]
    blocked: set[tuple[str, ...]] = set()
    for toks, _ in tune + heldout:
        blocked |= _ngrams(toks)

    rng = random.Random(seed)
    seen: set[tuple[str, ...]] = set()
    seen_text: set[str] = set()
    train: list[Sentence] = []
    counts: dict[str, int] = {}
    for name, limit in mix.items():
        items = iter(train_ge) if name == "germeval" else sources[name]
        kept = 0
        pool = list(items)
        if limit is not None and len(pool) > limit:
            pool = rng.sample(pool, limit)
        for toks, tags in pool:
            key, text = tuple(toks), "".join(toks)
            if key in seen or (name in RETOKENISED and text in seen_text) or _ngrams(toks) & blocked:
                continue
            seen.add(key)
            seen_text.add(text)
            train.append((toks, tags))
            kept += 1
        counts[name] = kept
    if germeval_repeat > 1:  # in-domain gold is scarce: show it more often
        gold = [(t, g) for t, g in train_ge if tuple(t) in seen]
        if augment:
            from .augment import mention_pool, replace_mentions

            mentions, arng = mention_pool(train), random.Random(seed)
            for _ in range(germeval_repeat - 1):
                for sentence in gold:
                    copy = replace_mentions(sentence, mentions, arng)
                    train.append(sentence if _ngrams(copy[0]) & blocked else copy)
            counts["augmented"] = len(gold) * (germeval_repeat - 1)
        else:
            train += gold * (germeval_repeat - 1)
    rng.shuffle(train)
    counts["train"] = to_docbin(train, out / "train.spacy")
    counts["tune"] = to_docbin(tune, out / "tune.spacy")
    counts["heldout"] = to_docbin(heldout, out / "heldout.spacy")
    return counts


if __name__ == "__main__":  # pragma: no cover - used by `make train`
    import json
    import sys

    if len(sys.argv) < 3:
        sys.exit("usage: python -m geonews_nlp.training.prepare SHARED_DATA OUT [MIX_JSON [REPEAT [augment]]]")
    try:
        mix = json.loads(sys.argv[3]) if len(sys.argv) > 3 else None
        repeat = int(sys.argv[4]) if len(sys.argv) > 4 else DEFAULT_REPEAT
        augment = len(sys.argv) > 5 and sys.argv[5] == "augment"
        counts = prepare(Path(sys.argv[1]), Path(sys.argv[2]), mix, germeval_repeat=repeat, augment=augment)
    except (ValueError, OSError) as e:  # a bad mix, or a corpus file that is not there
        sys.exit(f"error: {e}")
    print(json.dumps(counts, indent=1))
