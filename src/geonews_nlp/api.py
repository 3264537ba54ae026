"""The functions most users call: ``extract`` and ``extract_many``."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from itertools import islice

from .engines import ProcessEngine
from .errors import Errors, InputError, WorkersFailed
from .lang.registry import DEFAULT_LANG
from .results import DocumentResult
from .runner import PipelineSpec, runner_for


def extract(text: str, *, lang: str | None = None, doc_id: str | None = None, model: str | None = None
            ) -> DocumentResult:
    """Entities and troop figures of one text (of any length: long texts are cut into chunks).

    ``lang``: a registered language ("de", "en"), "auto" to identify it (the result's ``lang`` and
    ``lang_confidence`` say which, with a warning where unsure), or None for the default ("de")."""
    if not isinstance(text, str):
        raise InputError(Errors.E003.format(type=type(text).__name__))
    return runner_for(lang or DEFAULT_LANG, model).extract(text, doc_id)


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
    sends back compact results rather than spaCy Docs: worth it for thousands of documents. The
    workers are spawned and import the calling script again, so a script calls this only under
    ``if __name__ == "__main__":``; without it the workers die and :class:`WorkersFailed` says so.
    """
    if n_process > 1:
        _check_not_bootstrapping(n_process)
        yield from _extract_parallel(_pairs(texts), PipelineSpec(lang or DEFAULT_LANG, model), batch_size, n_process)
        return
    yield from runner_for(lang or DEFAULT_LANG, model).results(_pairs(texts), batch_size)


def _extract_parallel(pairs: Iterator[tuple[str, str | None]], spec: PipelineSpec, batch_size: int,
                      n_process: int) -> Iterator[DocumentResult]:
    batches = iter(lambda: [(doc_id, text) for text, doc_id in islice(pairs, batch_size)], [])
    from concurrent.futures.process import BrokenProcessPool

    engine = ProcessEngine(spec, batch_size, n_process)
    finished = False
    try:
        for results in engine.run(batches, ordered=True):
            for doc_id, result in results:
                yield DocumentResult.model_validate({**result, "id": doc_id})
        finished = True
    except BrokenProcessPool as e:
        raise WorkersFailed(Errors.E015.format(n=n_process, where=_script_hint(), error=e)) from e
    finally:
        engine.close(wait=finished)


def _check_not_bootstrapping(n_process: int) -> None:
    """In a spawned worker that is importing the caller's script (which called ``extract_many`` without
    a ``__main__`` guard): fail with the reason rather than multiprocessing's bootstrapping error."""
    import multiprocessing.process

    if getattr(multiprocessing.process.current_process(), "_inheriting", False):
        raise WorkersFailed(Errors.E015.format(n=n_process, where=" while starting (in a worker importing "
                                               "the script)", error="extract_many called at import time"))


def _script_hint() -> str:
    """Where the call came from, when ``__main__`` is a script without a ``__main__`` guard."""
    path = getattr(sys.modules.get("__main__"), "__file__", None)
    if not path:
        return ""
    try:
        with open(path, encoding="utf-8") as f:
            source = f.read()
    except (OSError, UnicodeDecodeError):
        return ""
    if "__main__" in source:
        return ""
    return f" while starting: the script {path} has no `if __name__ == \"__main__\":`"
