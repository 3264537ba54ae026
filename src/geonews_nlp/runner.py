"""One loaded pipeline turning texts into results: the job that ``api``, ``batch``, ``service`` and the CLI share.

A :class:`Runner` holds a pipeline from ``pipeline.load``, its base info and the warnings every result
carries. ``results`` streams ``DocumentResult``\\ s in input order; ``dicts`` returns the compact,
picklable dicts that engines send back from worker processes.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from .gazetteer.store import freeze_gc
from .lang.registry import DEFAULT_LANG
from .pipeline import base_info, load
from .results import DocumentResult

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc

BLANK_WARNING = "blank base pipeline: entities come from gazetteer rules only (no statistical NER model installed)"


def warnings_for(nlp: Language) -> list[str]:
    """The warnings every result of this pipeline carries."""
    return [BLANK_WARNING] if nlp.meta.get("geonews", {}).get("origin") == "blank" else []


@dataclass(frozen=True)
class PipelineSpec:
    """The arguments of ``pipeline.load`` that select a pipeline: small and picklable, sent to workers."""

    lang: str = DEFAULT_LANG
    model: str | None = None
    gazetteers: tuple[str, ...] = ()

    def runner(self) -> Runner:
        return get_runner(self.lang, self.model, self.gazetteers)


class Runner:
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

    def results(self, pairs: Iterable[tuple[str, str | None]], batch_size: int | None = None,
                n_process: int = 1) -> Iterator[DocumentResult]:
        """A result for each ``(text, doc_id)`` pair, streamed in input order."""
        for doc, doc_id in self.nlp.pipe(pairs, as_tuples=True, batch_size=batch_size, n_process=n_process):
            yield self._result(doc, doc_id)

    def extract(self, text: str, doc_id: str | None = None) -> DocumentResult:
        """The result of one text (``nlp(text)``), which it keeps for ``_repr_html_``."""
        return self._result(self.nlp(text), doc_id).with_text(text)

    def _result(self, doc: Doc, doc_id: str | None) -> DocumentResult:
        return DocumentResult.from_doc(doc, model=self.info, doc_id=doc_id, warnings=self.warnings)

    def dicts(self, batch: list[tuple[Any, str]], batch_size: int | None = None) -> list[tuple[Any, dict[str, Any]]]:
        """``(key, result dict)`` for ``(key, text)`` pairs; the dicts' ``id`` is None (the key says which)."""
        keys = [key for key, _ in batch]
        results = self.results(((text, None) for _, text in batch), batch_size)
        return [(key, r.model_dump(mode="json")) for key, r in zip(keys, results, strict=True)]


def get_runner(lang: str = DEFAULT_LANG, model: str | None = None, gazetteers: Iterable[str] = ()) -> Runner:
    """The Runner of ``load(lang, model, gazetteers)``, cached with it: a pipeline loaded anew (after
    ``load.cache_clear()``) gets a new Runner."""
    gaz = tuple(str(g) for g in gazetteers)
    return _runner_of(load(lang, model, gaz), lang, model, gaz)


@lru_cache(maxsize=8)
def _runner_of(nlp: Language, lang: str, model: str | None, gazetteers: tuple[str, ...]) -> Runner:
    return Runner(lang, model, gazetteers, nlp=nlp)


get_runner.cache_clear = _runner_of.cache_clear  # type: ignore[attr-defined]
