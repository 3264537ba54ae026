"""The functions most users call: ``extract`` and ``extract_many``."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice

from .engines import ProcessEngine
from .errors import Errors, InputError
from .lang.registry import DEFAULT_LANG
from .results import DocumentResult
from .runner import PipelineSpec, get_runner


def extract(text: str, *, lang: str | None = None, doc_id: str | None = None, model: str | None = None
            ) -> DocumentResult:
    """Entities and troop figures of one text."""
    if not isinstance(text, str):
        raise InputError(Errors.E003.format(type=type(text).__name__))
    return get_runner(lang or DEFAULT_LANG, model).extract(text, doc_id)


def _pairs(texts: Iterable[str | tuple[str, str]]) -> Iterator[tuple[str, str | None]]:
    for item in texts:
        if isinstance(item, str):
            yield item, None
        elif isinstance(item, tuple) and len(item) == 2 and isinstance(item[1], str):
            yield item[1], (None if item[0] is None else str(item[0]))
        else:
            raise InputError(Errors.E003.format(type=type(item).__name__))


def extract_many(texts: Iterable[str | tuple[str, str]], *, lang: str | None = None, batch_size: int = 64,
                 n_process: int = 1, model: str | None = None) -> Iterator[DocumentResult]:
    """Results for many texts (strings or ``(doc_id, text)`` pairs), in input order.

    ``n_process > 1`` starts worker processes, each loading its own pipeline (a few seconds), and
    sends back compact results rather than spaCy Docs: worth it for thousands of documents.
    """
    if n_process > 1:
        yield from _extract_parallel(_pairs(texts), PipelineSpec(lang or DEFAULT_LANG, model), batch_size, n_process)
        return
    yield from get_runner(lang or DEFAULT_LANG, model).results(_pairs(texts), batch_size, n_process)


def _extract_parallel(pairs: Iterator[tuple[str, str | None]], spec: PipelineSpec, batch_size: int,
                      n_process: int) -> Iterator[DocumentResult]:
    batches = iter(lambda: [(doc_id, text) for text, doc_id in islice(pairs, batch_size)], [])
    engine = ProcessEngine(spec, batch_size, n_process)
    finished = False
    try:
        for results in engine.run(batches, ordered=True):
            for doc_id, result in results:
                yield DocumentResult.model_validate({**result, "id": doc_id})
        finished = True
    finally:
        engine.close(wait=finished)
