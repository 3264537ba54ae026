"""Convert the shared NER corpora to spaCy ``.spacy`` files for training.

GermEval 2014 dev is split by position: sentences 0–1199 train, 1200–1499 tune
(spaCy's dev set during training), 1500–2199 the fixed held-out set (700 sentences,
never trained on or tuned on). Training sentences that repeat a tune or held-out
sentence, or share a run of six tokens with one, are dropped, and so are repeated
sentences (for SmartData, which we tokenise ourselves and which shares sentences with
MobIE, compared by text with spaces ignored).

English (``lang="en"``) has WikiGold as its gold, split by *documents* (145: the text before the
first ``-DOCSTART-``, then one per ``-DOCSTART-`` line; the file ends with an empty one):
documents 0–79 train, 80–104 tune, 105–144 the fixed held-out block,
never trained or tuned on (docs/model-card-en.md). The same filters apply.
``heldout.conll`` (token TAB tag, IOB2) is written beside the ``.spacy`` files for
``geonews evaluate ner --format conll``.
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from pathlib import Path

from .corpora import Sentence, corpora, read_germeval, read_wikigold_docs

TRAIN_END, TUNE_END = 1200, 1500
# WikiGold's split, in documents (English)
EN_TRAIN_END_DOC, EN_TUNE_END_DOC = 80, 105
# each language's gold corpus: its name in the mix (shown REPEAT times), split into train, tune and held-out
GOLD = {"de": "germeval", "en": "wikigold"}
NGRAM = 6
# Corpora we tokenise ourselves: their sentences also repeat others under other tokens
# (SmartData shares sentences with MobIE), so they are compared by text, spaces ignored.
RETOKENISED = {"smartdata"}
# 0.3.0's recipe (mix B, GermEval shown three times); docs/model-card.md has the others measured
DEFAULT_MIX = {"germeval": None, "silver": None, "mobie": None}
DEFAULT_REPEAT = 3
# English: en_geonews_ner 0.1.0's mix (docs/model-card-en.md has the mixes measured)
DEFAULT_MIX_EN = {"wikigold": None, "silver_loc": None, "wnut": None}


def _ngrams(tokens: list[str]) -> set[tuple[str, ...]]:
    if len(tokens) < NGRAM:
        return {tuple(tokens)}
    return {tuple(tokens[i:i + NGRAM]) for i in range(len(tokens) - NGRAM + 1)}


def gold_split(shared: Path, lang: str = "de") -> tuple[list[Sentence], list[Sentence], list[Sentence]]:
    """A language's gold sentences as (train, tune, held-out)."""
    if lang == "de":
        germeval = list(read_germeval(shared / "ner" / "germeval2014" / "NER-de-dev.tsv"))
        return germeval[:TRAIN_END], germeval[TRAIN_END:TUNE_END], germeval[TUNE_END:]
    if lang == "en":
        docs = read_wikigold_docs(shared / "ner" / "wikigold_en" / "wikigold.conll.txt")

        def flat(part: list[list[Sentence]]) -> list[Sentence]:
            return [s for doc in part for s in doc]
        return (flat(docs[:EN_TRAIN_END_DOC]), flat(docs[EN_TRAIN_END_DOC:EN_TUNE_END_DOC]),
                flat(docs[EN_TUNE_END_DOC:]))
    raise ValueError(f"no gold NER corpus for language {lang!r}; known: {', '.join(GOLD)}")


def to_conll(sentences: Iterable[Sentence], path: Path) -> int:
    """``token TAB tag`` lines, a blank line after each sentence (``geonews evaluate ner --format conll``)."""
    n = 0
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        for toks, tags in sentences:
            f.write("".join(f"{t}\t{g}\n" for t, g in zip(toks, tags)) + "\n")
            n += 1
    return n


def join_with_line_breaks(sentences: list[Sentence], fraction: float, rng: random.Random) -> list[Sentence]:
    """Join about ``fraction`` of the sentences to the next one through a line-break token (``\\n`` or
    ``\\n\\n``, tagged ``O``): the corpora hold no whitespace tokens, and without them the model ran a
    name across a headline's end ("Karabakh\\n\\nRussia" as one PER)."""
    out: list[Sentence] = []
    i = 0
    while i < len(sentences):
        toks, tags = sentences[i]
        if i + 1 < len(sentences) and rng.random() < fraction:
            nxt_toks, nxt_tags = sentences[i + 1]
            brk = rng.choice(["\n", "\n\n"])
            out.append(([*toks, brk, *nxt_toks], [*tags, "O", *nxt_tags]))
            i += 2
        else:
            out.append((toks, tags))
            i += 1
    return out


def to_docbin(sentences: Iterable[Sentence], path: Path, lang: str = "de") -> int:
    import spacy
    from spacy.tokens import Doc, DocBin

    vocab = spacy.blank(lang).vocab
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
            germeval_repeat: int = DEFAULT_REPEAT, augment: bool = False, lang: str = "de",
            line_breaks: float = 0.0) -> dict[str, int]:
    """Write train.spacy, tune.spacy and heldout.spacy under ``out``; return sentence counts.

    ``augment``: the repeated GermEval copies get other names of the same labels, drawn from the
    whole mix (``augment.replace_mentions``), instead of being identical. ``lang="en"``: WikiGold
    is the gold (``gold_split``), named ``wikigold`` in the mix, and ``germeval_repeat`` repeats it;
    without a mix, English reads WikiGold, silver_en and WNUT-17 (``DEFAULT_MIX_EN``). ``line_breaks``: the
    fraction of training sentences joined to the next by a line-break token (``join_with_line_breaks``)."""
    if lang not in GOLD:
        raise ValueError(f"no gold NER corpus for language {lang!r}; known: {', '.join(GOLD)}")
    gold_name = GOLD[lang]
    mix = dict((DEFAULT_MIX if lang == "de" else DEFAULT_MIX_EN) if mix is None else mix)
    sources = corpora(shared, lang)
    unknown = sorted(set(mix) - set(sources) - {gold_name})
    if unknown:
        raise ValueError(f"unknown corpus {', '.join(unknown)} in the mix; "
                         f"known: {gold_name}, {', '.join(sorted(sources))}")
    bad = {k: v for k, v in mix.items()
           if v is not None and (not isinstance(v, int) or isinstance(v, bool) or v < 0)}
    if bad:
        raise ValueError(f"a corpus limit must be a sentence count or null, not {bad}")
    train_ge, tune, heldout = gold_split(shared, lang)
    blocked: set[tuple[str, ...]] = set()
    for toks, _ in tune + heldout:
        blocked |= _ngrams(toks)

    rng = random.Random(seed)
    seen: set[tuple[str, ...]] = set()
    seen_text: set[str] = set()
    train: list[Sentence] = []
    counts: dict[str, int] = {}
    for name, limit in mix.items():
        items = iter(train_ge) if name == gold_name else sources[name]
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
    if line_breaks:
        train = join_with_line_breaks(train, line_breaks, random.Random(seed))
        counts["joined"] = sum(1 for toks, _ in train if "\n" in toks or "\n\n" in toks)
    counts["train"] = to_docbin(train, out / "train.spacy", lang)
    counts["tune"] = to_docbin(tune, out / "tune.spacy", lang)
    counts["heldout"] = to_docbin(heldout, out / "heldout.spacy", lang)
    to_conll(heldout, out / "heldout.conll")
    return counts


if __name__ == "__main__":  # pragma: no cover - used by `make train`
    import json
    import sys

    args = sys.argv[1:]
    lang = "de"
    if "--lang" in args:  # --lang en: WikiGold and the English corpora
        i = args.index("--lang")
        if i + 1 >= len(args):
            sys.exit("error: --lang needs a language code")
        lang = args[i + 1]
        del args[i:i + 2]
    line_breaks = 0.0
    if "--line-breaks" in args:  # --line-breaks 0.1: join a tenth of the training sentences by a line break
        i = args.index("--line-breaks")
        if i + 1 >= len(args):
            sys.exit("error: --line-breaks needs a fraction")
        line_breaks = float(args[i + 1])
        del args[i:i + 2]
    if len(args) < 2:
        sys.exit("usage: python -m geonews_nlp.training.prepare SHARED_DATA OUT [MIX_JSON [REPEAT [augment]]] "
                 "[--lang de|en] [--line-breaks FRACTION]")
    try:
        mix = json.loads(args[2]) if len(args) > 2 else None
        repeat = int(args[3]) if len(args) > 3 else DEFAULT_REPEAT
        augment = len(args) > 4 and args[4] == "augment"
        counts = prepare(Path(args[0]), Path(args[1]), mix, germeval_repeat=repeat, augment=augment, lang=lang,
                         line_breaks=line_breaks)
    except (ValueError, OSError) as e:  # a bad mix, or a corpus file that is not there
        sys.exit(f"error: {e}")
    print(json.dumps(counts, indent=1))
