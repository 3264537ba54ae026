"""The functions most users call: ``extract`` and ``extract_many``."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from .errors import Errors, InputError
from .pipeline import base_info, load
from .results import DocumentResult

BLANK_WARNING = "blank base pipeline: entities come from gazetteer rules only (no statistical NER model installed)"


def _warnings_for(nlp) -> list[str]:
    return [BLANK_WARNING] if nlp.meta.get("geonews", {}).get("origin") == "blank" else []


def extract(text: str, *, lang: str | None = None, doc_id: str | None = None, model: str | None = None
            ) -> DocumentResult:
    """Entities and troop figures of one text."""
    if not isinstance(text, str):
        raise InputError(Errors.E003.format(type=type(text).__name__))
    nlp = load(lang or "de", model)
    doc = nlp(text)
    return DocumentResult.from_doc(doc, model=base_info(nlp), doc_id=doc_id, warnings=_warnings_for(nlp)
                                   ).with_text(text)


def _pairs(texts: Iterable[str | tuple[str, str]]) -> Iterator[tuple[str, str | None]]:
    for n, item in enumerate(texts):
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
        yield from _extract_parallel(_pairs(texts), lang or "de", model, batch_size, n_process)
        return
    nlp = load(lang or "de", model)
    info = base_info(nlp)
    warns = _warnings_for(nlp)
    for doc, doc_id in nlp.pipe(_pairs(texts), as_tuples=True, batch_size=batch_size, n_process=n_process):
        yield DocumentResult.from_doc(doc, model=info, doc_id=doc_id, warnings=warns)


def _extract_parallel(pairs: Iterator[tuple[str, str | None]], lang: str, model: str | None, batch_size: int,
                      n_process: int) -> Iterator[DocumentResult]:
    from collections import deque
    from itertools import islice

    from .batch import JobSettings, ProcessEngine, annotate_texts

    engine = ProcessEngine(JobSettings(lang=lang, model=model), batch_size, n_process)
    settings = engine.settings
    pending: deque = deque()
    try:
        while True:
            while len(pending) < 2 * n_process:
                batch = [(doc_id, text) for text, doc_id in islice(pairs, batch_size)]
                if not batch:
                    break
                pending.append(engine.pool.submit(annotate_texts, batch, settings, batch_size))
            if not pending:
                break
            for doc_id, result in pending.popleft().result():
                yield DocumentResult.model_validate({**result, "id": doc_id})
    finally:
        engine.close(wait=not pending)
