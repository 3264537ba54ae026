"""One loaded pipeline turning texts into results: the job that ``api``, ``batch``, ``service`` and the CLI share.

A :class:`Runner` holds a pipeline from ``pipeline.load``, its base info and the warnings every result
carries. ``results`` streams ``DocumentResult``\\ s in input order; ``dicts`` returns the compact,
picklable dicts that engines send back from worker processes.

Every text goes through :func:`guard_text` (lone surrogates and pathological runs of symbols replaced,
one character for one, so offsets index the caller's text) and is cut by ``readers.chunk_text`` into
chunks of at most :data:`CHUNK_CHARS`; chunks go through the pipeline in batches of at most
:data:`BATCH_CHARS` characters and their results are merged (``results.merge_chunk_results``). So a
text of any length works and memory is bounded by characters, not by documents: the base model's
``tok2vec`` keeps its activations for every token of a batch at once (about 4 kB a character with the
shipped model), which made one 100,000-character Doc cost 0.4 GB (see docs/getting-started.md).
"""

from __future__ import annotations

import re
import time
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice
from typing import TYPE_CHECKING, Any

from .errors import DeadlineExceeded, Errors
from .gazetteer.store import freeze_gc
from .lang.registry import DEFAULT_LANG, registered
from .langid import LangGuess, identify
from .pipeline import base_info, load
from .readers import chunk_text
from .results import DocumentResult, merge_chunk_results, result_dict

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc

BLANK_WARNING = "blank base pipeline: entities come from gazetteer rules only (no statistical NER model installed)"

# A text longer than this is cut (at a paragraph, line, sentence or word break) and its chunks annotated
# one by one. Measured with the shipped model (tracemalloc, docs/benchmarks.md): tok2vec's peak is about
# 4.3 kB a character, 43 MB for 10,000 characters against 431 MB for 100,000; throughput is the same.
CHUNK_CHARS = 10_000
# The most characters one nlp.pipe batch holds (several short texts, or the chunks of a long one): the
# peak memory of a batch (about 80 MB with the shipped model) and the longest stretch between deadline checks.
BATCH_CHARS = 20_000
# tok2vec's memory goes with tokens (about 25 kB each), and text dense with punctuation ("( ( ( (")
# has one token every two characters, not every six: a chunk of more tokens is cut again, and a batch
# holds at most BATCH_TOKENS. News text (about 1,750 tokens in 10,000 characters) never meets these.
CHUNK_TOKENS = 2_500
BATCH_TOKENS = 4_000
# Runs of this many or more symbols (neither letter, digit nor space; "((((", "😀😀😀", "____") and
# stretches without a space longer than MAX_WORD_CHARS are what makes spaCy's tokenizer quadratic (its
# prefix and suffix search restarts on the rest of the word): runs are blanked, long stretches get a
# space every MAX_WORD_CHARS characters.
MAX_SYMBOL_RUN = 16
MAX_WORD_CHARS = 1_000

_SURROGATES = re.compile("[\ud800-\udfff]")
_SYMBOL_RUN = re.compile(rf"(?:[^\w\s]|_){{{MAX_SYMBOL_RUN},}}")
_LONG_WORD = re.compile(rf"\S{{{MAX_WORD_CHARS + 1},}}")


def _break_word(m: re.Match[str]) -> str:
    word = m.group()
    return "".join(word[i:i + MAX_WORD_CHARS - 1] + " " for i in range(0, len(word), MAX_WORD_CHARS))[:len(word)]


def guard_text(text: str) -> str:
    """The text the pipeline sees: ``text`` with each lone surrogate (which no encoder takes) replaced by
    U+FFFD, each run of ``MAX_SYMBOL_RUN`` or more symbols by spaces, and a space put every
    ``MAX_WORD_CHARS`` characters into longer stretches without one. Always as long as ``text``, with
    every other character in its place, so offsets into it are offsets into ``text``."""
    if not text.isascii():
        text = _SURROGATES.sub("\ufffd", text)
    text = _SYMBOL_RUN.sub(lambda m: " " * len(m.group()), text)
    return _LONG_WORD.sub(_break_word, text)


def warnings_for(nlp: Language) -> list[str]:
    """The warnings every result of this pipeline carries."""
    return [BLANK_WARNING] if nlp.meta.get("geonews", {}).get("origin") == "blank" else []


@dataclass(frozen=True)
class PipelineSpec:
    """The arguments of ``pipeline.load`` that select a pipeline: small and picklable, sent to workers."""

    lang: str = DEFAULT_LANG
    model: str | None = None
    gazetteers: tuple[str, ...] = ()

    def runner(self) -> Runner | AutoRunner:
        return runner_for(self.lang, self.model, self.gazetteers)


@dataclass
class _Pending:
    """A text whose chunks are on their way through the pipeline."""

    text: str
    guarded: str
    doc_id: str | None
    chunks: int = 0  # sent to the pipeline so far
    all_sent: bool = False
    parts: list[tuple[int, dict[str, Any]]] = field(default_factory=list)

    @property
    def done(self) -> bool:
        return self.all_sent and len(self.parts) == self.chunks


class _OneAndMany:
    """``extract`` and ``dicts`` in terms of a class's ``results``."""

    def results(self, pairs: Iterable[tuple[str, str | None]], batch_size: int | None = None, *,
                deadline: float | None = None) -> Iterator[DocumentResult]:
        raise NotImplementedError

    def extract(self, text: str, doc_id: str | None = None, *, deadline: float | None = None) -> DocumentResult:
        """The result of one text (of any length), which it keeps for ``_repr_html_``."""
        result = next(self.results([(text, doc_id)], deadline=deadline))
        return result.with_text(text)

    def dicts(self, batch: list[tuple[Any, str]], batch_size: int | None = None, *,
              deadline: float | None = None) -> list[tuple[Any, dict[str, Any]]]:
        """``(key, result dict)`` for ``(key, text)`` pairs; the dicts' ``id`` is None (the key says which)."""
        keys = [key for key, _ in batch]
        results = self.results(((text, None) for _, text in batch), batch_size, deadline=deadline)
        return [(key, r.model_dump(mode="json")) for key, r in zip(keys, results, strict=True)]


class Runner(_OneAndMany):
    """A loaded pipeline (``pipeline.load(lang, model, gazetteers)``) and what its results need."""

    def __init__(self, lang: str = DEFAULT_LANG, model: str | None = None, gazetteers: Iterable[str] = (), *,
                 nlp: Language | None = None):
        self.spec = PipelineSpec(lang, model, tuple(str(g) for g in gazetteers))
        self.nlp = nlp if nlp is not None else load(lang, model, self.spec.gazetteers)
        self.info = base_info(self.nlp)
        self.warnings = warnings_for(self.nlp)
        self._warm = self._frozen = False

    def warm(self, freeze: bool = False) -> None:
        """Run a first text now (what is loaded on first use is then loaded), not in the first real request.

        ``freeze``: then hide everything alive, the gazetteers above all, from the garbage collector
        (``freeze_gc``). It changes the whole process, so only applications ask for it: the CLI, the
        service and batch workers, which keep the pipeline for long.
        """
        if not self._warm:
            self.nlp("Berlin")
            self._warm = True
        if freeze and not self._frozen:
            freeze_gc()
            self._frozen = True

    def results(self, pairs: Iterable[tuple[str, str | None]], batch_size: int | None = None, *,
                deadline: float | None = None) -> Iterator[DocumentResult]:
        """A result for each ``(text, doc_id)`` pair, streamed in input order.

        Texts of any length: each is guarded and cut into chunks (see the module). ``batch_size``: the
        most chunks in one ``nlp.pipe`` batch (default: the pipeline's), which holds at most
        ``BATCH_CHARS`` characters too. ``deadline``: a ``time.monotonic()`` value, checked before each
        batch; once passed, :class:`DeadlineExceeded` is raised (results already yielded stand).
        """
        for p in self._annotated(pairs, batch_size, deadline):
            yield DocumentResult.model_validate(self._merged(p))


    def _annotated(self, pairs: Iterable[tuple[str, str | None]], batch_size: int | None,
                   deadline: float | None) -> Iterator[_Pending]:
        """Each text with its chunks' result dicts, in input order, batched by characters."""
        limit = max(1, batch_size or self.nlp.batch_size)
        waiting: deque[_Pending] = deque()
        group: list[tuple[_Pending, int, Doc]] = []
        chars = tokens = done = 0
        for text, doc_id in pairs:
            guarded = guard_text(text)
            pending = _Pending(text, guarded, doc_id)
            waiting.append(pending)
            for offset, doc in self._chunks(guarded):
                if group and (len(group) >= limit or chars + len(doc.text) > BATCH_CHARS
                              or tokens + len(doc) > BATCH_TOKENS):
                    done = self._run(group, deadline, done)
                    group, chars, tokens = [], 0, 0
                    while waiting and waiting[0].done:
                        yield waiting.popleft()
                group.append((pending, offset, doc))
                pending.chunks += 1
                chars += len(doc.text)
                tokens += len(doc)
            pending.all_sent = True
        if group:
            self._run(group, deadline, done)
        yield from waiting

    def _chunks(self, text: str) -> Iterator[tuple[int, Doc]]:
        """``(offset, tokenised chunk)``: cut by characters, then again where a chunk has many tokens."""
        pieces = chunk_text(text, CHUNK_CHARS) if len(text) > CHUNK_CHARS else [(0, text)]
        for offset, piece in pieces:
            yield from self._by_tokens(offset, piece, self.nlp.make_doc(piece))

    def _by_tokens(self, offset: int, piece: str, doc: Doc) -> Iterator[tuple[int, Doc]]:
        if len(doc) <= CHUNK_TOKENS or len(piece) < 2:
            yield offset, doc
            return
        size = max(1, len(piece) * CHUNK_TOKENS // len(doc))  # fewer characters, as dense as this one
        for sub_offset, sub in chunk_text(piece, size):  # each shorter than piece: the recursion ends
            yield from self._by_tokens(offset + sub_offset, sub, self.nlp.make_doc(sub))

    def _run(self, group: list[tuple[_Pending, int, Doc]], deadline: float | None, done: int) -> int:
        """Annotate one batch of chunks into their texts' parts; the characters done so far after it."""
        if deadline is not None and time.monotonic() > deadline:
            raise DeadlineExceeded(Errors.E014.format(done=done))
        docs = self.nlp.pipe((doc for _, _, doc in group), batch_size=len(group))
        for (pending, offset, _), doc in zip(group, docs, strict=True):
            pending.parts.append((offset, result_dict(doc, model=self.info, warnings=self.warnings)))
            done += len(doc.text)
        return done

    @staticmethod
    def _merged(p: _Pending) -> dict[str, Any]:
        merged = merge_chunk_results(p.doc_id, p.parts)
        if p.guarded != p.text:  # mention texts as the caller wrote them (offsets are the same)
            for key in ("entities", "troops"):
                merged[key] = [{**m, "text": p.text[m["start"]:m["end"]]} for m in merged[key]]
        return merged


AUTO = "auto"  # the language of each text identified (langid.identify) among the registered packs


def route(text: str) -> tuple[str, LangGuess]:
    """The pack a text goes to under ``lang="auto"``, and the guess: a text in none of the registered
    languages (or of too few letters to tell) goes to ``DEFAULT_LANG`` with a warning."""
    guess = identify(text, registered())
    return guess.lang or DEFAULT_LANG, guess


def guess_warnings(lang: str, guess: LangGuess) -> list[str]:
    if guess.lang is None:
        return [f"language not identified among {', '.join(registered())} (confidence {guess.confidence:.2f}): "
                f"read as {lang!r}"]
    if guess.uncertain:
        return [f"language uncertain: read as {lang!r} (confidence {guess.confidence:.2f})"]
    return []


class AutoRunner(_OneAndMany):
    """``lang="auto"``: each text identified and sent to the Runner of its language (loaded on first
    need), results in input order, each with its ``lang_confidence`` and a warning where uncertain."""

    def __init__(self, model: str | None = None, gazetteers: Iterable[str] = ()):
        self.spec = PipelineSpec(AUTO, model, tuple(str(g) for g in gazetteers))

    def runner(self, lang: str) -> Runner:
        return _get_runner(lang, self.spec.model, self.spec.gazetteers)

    @property
    def nlp(self) -> Language:
        """The default language's pipeline (what ``/info`` and ``geonews info`` describe)."""
        return self.runner(DEFAULT_LANG).nlp

    @property
    def info(self) -> dict[str, str]:
        return self.runner(DEFAULT_LANG).info

    def warm(self, freeze: bool = False) -> None:
        """The default language's pipeline and the language identifier (the others load on first need)."""
        route("Berlin")
        self.runner(DEFAULT_LANG).warm(freeze)

    def results(self, pairs: Iterable[tuple[str, str | None]], batch_size: int | None = None, *,
                deadline: float | None = None) -> Iterator[DocumentResult]:
        """Texts identified a window at a time and annotated by language, yielded in input order."""
        it = iter(pairs)
        window_size = max(1, batch_size or 64)
        while window := list(islice(it, window_size)):
            routes = [route(text) for text, _ in window]
            out: list[DocumentResult | None] = [None] * len(window)
            for lang in dict.fromkeys(lang for lang, _ in routes):
                idxs = [i for i, (lg, _) in enumerate(routes) if lg == lang]
                done = self.runner(lang).results([window[i] for i in idxs], batch_size, deadline=deadline)
                for i, result in zip(idxs, done, strict=True):
                    guess = routes[i][1]
                    out[i] = result.model_copy(update={
                        "lang_confidence": round(guess.confidence, 4),
                        "warnings": [*result.warnings, *guess_warnings(lang, guess)]})
            yield from (r for r in out if r is not None)



def get_runner(lang: str = DEFAULT_LANG, model: str | None = None, gazetteers: Iterable[str] = ()) -> Runner:
    """The Runner of ``load(lang, model, gazetteers)``, cached with it: a pipeline loaded anew (after
    ``load.cache_clear()``) gets a new Runner."""
    return _get_runner(lang, model, tuple(str(g) for g in gazetteers))


def runner_for(lang: str = DEFAULT_LANG, model: str | None = None, gazetteers: Iterable[str] = ()
               ) -> Runner | AutoRunner:
    """``get_runner``, or for ``lang="auto"`` an :class:`AutoRunner` (cached)."""
    gaz = tuple(str(g) for g in gazetteers)
    return _auto_runner(model, gaz) if lang == AUTO else _get_runner(lang, model, gaz)


@lru_cache(maxsize=4)
def _auto_runner(model: str | None, gazetteers: tuple[str, ...]) -> AutoRunner:
    return AutoRunner(model, gazetteers)


def _get_runner(lang: str, model: str | None, gazetteers: tuple[str, ...]) -> Runner:
    return _runner_of(load(lang, model, gazetteers), lang, model, gazetteers)


@lru_cache(maxsize=8)
def _runner_of(nlp: Language, lang: str, model: str | None, gazetteers: tuple[str, ...]) -> Runner:
    return Runner(lang, model, gazetteers, nlp=nlp)


def _clear_runners() -> None:
    _runner_of.cache_clear()
    _auto_runner.cache_clear()


get_runner.cache_clear = _clear_runners  # type: ignore[attr-defined]
