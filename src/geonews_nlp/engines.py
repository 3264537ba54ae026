"""Engines: where batches of texts are annotated — in this process, a process pool or a Dask cluster.

An engine maps batches of ``(key, text)`` pairs to lists of ``(key, result dict)`` (``Runner.dicts``),
each worker with its own cached pipeline. The pool engines keep at most two batches a worker in
flight, so a long input never sits in memory whole.

The engines of batch jobs (:func:`create_engine`) isolate failures: a text whose annotation raises
gets an error dict (:func:`error_result`) in place of its result while the rest of its batch goes on,
and a batch lost with its worker (killed, out of memory) gets one for each of its texts
(``extract_many`` raises instead). Workers exit on their own when the process that started them dies.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from typing import Any, Protocol

from .errors import Errors, InputError, MissingDependency
from .runner import PipelineSpec

Batch = list[tuple[Any, str]]
Results = list[tuple[Any, dict[str, Any]]]

ERROR_KEY = "__geonews_error__"  # a result dict holding only this key stands for a failed text
RETRY_KEY = "__geonews_retry__"  # ... and with this one too when a rerun may succeed (a worker died)


def error_result(reason: str, retry: bool = False) -> dict[str, Any]:
    """The dict that stands in for the result of a text that failed."""
    return {ERROR_KEY: reason, RETRY_KEY: True} if retry else {ERROR_KEY: reason}


def is_error(result: dict[str, Any]) -> bool:
    return ERROR_KEY in result


def _reason(e: BaseException) -> str:
    text = str(e)
    if len(text) > 300:
        text = text[:300] + "..."
    return f"annotation failed: {type(e).__name__}: {text}" if text else f"annotation failed: {type(e).__name__}"


def annotate(batch: Batch, spec: PipelineSpec, batch_size: int = 64) -> Results:
    """``(key, result dict)`` for ``(key, text)`` pairs, with this process's (cached) pipeline.

    When the batch fails, each text is tried on its own, and one that fails again gets an
    :func:`error_result` in its place: one bad text never takes the others with it.
    """
    runner = spec.runner()
    try:
        return runner.dicts(batch, batch_size)
    except Exception:
        if len(batch) == 1:
            return _one(runner, batch[0], batch_size)
    out: Results = []
    for pair in batch:
        out += _one(runner, pair, batch_size)
    return out


def _one(runner: Any, pair: tuple[Any, str], batch_size: int) -> Results:
    try:
        return runner.dicts([pair], batch_size)
    except Exception as e:
        return [(pair[0], error_result(_reason(e)))]


def _watch_parent(parent: int, interval: float = 1.0) -> None:
    """Exit this (worker) process once ``parent`` is no longer its parent: it died, even by SIGKILL."""

    def watch() -> None:
        while True:
            if os.getppid() != parent:
                os._exit(1)
            time.sleep(interval)

    threading.Thread(target=watch, name="geonews-parent-watchdog", daemon=True).start()


def _warm(spec: PipelineSpec, parent: int | None = None) -> None:
    """Load the pipeline and its gazetteers in a worker (a process of ours), and freeze the gc there;
    with ``parent``, exit when that process dies."""
    if parent is not None:
        _watch_parent(parent)
    spec.runner().warm(freeze=True)


def _annotate_in_worker(batch: Batch, spec: PipelineSpec, batch_size: int, isolate: bool = False) -> Results:
    """:func:`annotate` in a worker process: the first batch warms it, unless an initializer did."""
    _warm(spec)
    return annotate(batch, spec, batch_size) if isolate else spec.runner().dicts(batch, batch_size)


class Engine(Protocol):
    def run(self, batches: Iterator[Batch], ordered: bool = False) -> Iterator[Results]: ...

    def close(self, wait: bool = True) -> None: ...


class LocalEngine:
    """In this process, one batch after another; ``freeze_gc`` (for an application): warm the
    pipeline and freeze the gc before the first batch. Failures are always isolated (:func:`annotate`)."""

    def __init__(self, spec: PipelineSpec, batch_size: int, freeze_gc: bool = False):
        self.spec, self.batch_size, self.freeze_gc = spec, batch_size, freeze_gc

    def run(self, batches: Iterator[Batch], ordered: bool = False) -> Iterator[Results]:
        for batch in batches:
            if self.freeze_gc:
                self.spec.runner().warm(freeze=True)
            yield annotate(batch, self.spec, self.batch_size)

    def close(self, wait: bool = True) -> None:
        pass


class _PoolEngine:
    """Submits batches to workers, at most ``2 * n`` in flight; subclasses submit and wait."""

    spec: PipelineSpec
    batch_size: int
    n: int
    isolate: bool = False  # failures as error results (batch jobs), or raised (extract_many)
    restarts_left: int = 3  # a pool that keeps dying (a script without a __main__ guard) stops the run

    def _submit(self, batch: Batch) -> Any:
        raise NotImplementedError

    def _first_done(self, pending: list[Any]) -> Any:
        raise NotImplementedError

    def _lost(self, error: BaseException) -> None:
        """A batch failed as a whole (its worker died): make the pool usable again, if need be."""

    def run(self, batches: Iterator[Batch], ordered: bool = False) -> Iterator[Results]:
        """Results of the batches: as they finish, or in submission order when ``ordered``.

        A batch that fails as a whole (its worker killed, a result that cannot be sent back) gives an
        error result for each of its texts, marked to be retried.
        """
        pending: list[Any] = []
        keys: dict[int, list[Any]] = {}

        def take() -> Results:
            done = pending[0] if ordered else self._first_done(pending)
            del pending[next(i for i, f in enumerate(pending) if f is done)]
            batch_keys = keys.pop(id(done))
            try:
                return done.result()
            except Exception as e:
                if not self.isolate:
                    raise
                self._lost(e)
                reason = f"worker failed on this batch: {type(e).__name__}: {e}"[:400]
                return [(k, error_result(reason, retry=True)) for k in batch_keys]

        for batch in batches:
            try:
                future = self._submit(batch)
            except Exception as e:  # the pool broke since the last batch: start it again, once
                if not self.isolate:
                    raise
                self._lost(e)
                future = self._submit(batch)
            pending.append(future)
            keys[id(future)] = [k for k, _ in batch]
            while len(pending) >= 2 * self.n:
                yield take()
        while pending:
            yield take()


class ProcessEngine(_PoolEngine):
    """A pool of worker processes on this machine, each with its own pipeline.

    Workers are spawned, not forked: a fork of a process with threads (a progress bar, a
    notebook kernel) can deadlock, and a spawned worker loads the pipeline in about as long.
    """

    def __init__(self, spec: PipelineSpec, batch_size: int, n_process: int, isolate: bool = False):
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        self.spec, self.batch_size, self.n, self.isolate = spec, batch_size, n_process, isolate
        self._new_pool = lambda: ProcessPoolExecutor(n_process, mp_context=multiprocessing.get_context("spawn"),
                                                     initializer=_warm, initargs=(spec, os.getpid()))
        self.pool = self._new_pool()

    def _lost(self, error: BaseException) -> None:
        from concurrent.futures.process import BrokenProcessPool

        if isinstance(error, BrokenProcessPool) and getattr(self.pool, "_broken", True):  # not restarted yet
            if self.restarts_left <= 0:
                raise error
            self.restarts_left -= 1
            self.pool.shutdown(wait=False, cancel_futures=True)
            self.pool = self._new_pool()

    def _submit(self, batch: Batch) -> Any:
        return self.pool.submit(_annotate_in_worker, batch, self.spec, self.batch_size, self.isolate)

    def _first_done(self, pending: list[Any]) -> Any:
        from concurrent.futures import FIRST_COMPLETED, wait

        return next(iter(wait(pending, return_when=FIRST_COMPLETED).done))

    def close(self, wait: bool = True) -> None:
        self.pool.shutdown(wait=wait, cancel_futures=not wait)


class DaskEngine(_PoolEngine):
    """A Dask cluster: the scheduler at ``address``, or a LocalCluster of ``n_workers`` processes."""

    def __init__(self, spec: PipelineSpec, batch_size: int, address: str | None, n_workers: int,
                 isolate: bool = False):
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError:
            raise MissingDependency(Errors.E007.format(what="the dask engine", package="dask.distributed",
                                                      extra="dask")) from None
        self.spec, self.batch_size, self.isolate = spec, batch_size, isolate
        self.cluster = None
        if address:
            self.client = Client(address)
        else:  # one thread a worker: spaCy pipelines are not meant to be shared between threads
            # no fixed port anywhere: the scheduler on a free port, its HTTP server (which the
            # dashboard would use, on 8787 by default) on another, and no dashboard
            self.cluster = LocalCluster(n_workers=n_workers, threads_per_worker=1, processes=True,
                                        scheduler_port=0, dashboard_address=":0",
                                        scheduler_kwargs={"dashboard": False})
            self.client = Client(self.cluster)
        self.n = max(1, len(self.client.scheduler_info().get("workers", {})) or n_workers)

    def _submit(self, batch: Batch) -> Any:
        return self.client.submit(_annotate_in_worker, batch, self.spec, self.batch_size, self.isolate, pure=False)

    def _first_done(self, pending: list[Any]) -> Any:
        from dask.distributed import wait

        return next(iter(wait(pending, return_when="FIRST_COMPLETED").done))

    def close(self, wait: bool = True) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def create_engine(name: str, spec: PipelineSpec, batch_size: int, n_process: int = 1,
                  scheduler: str | None = None, freeze_gc: bool = False) -> Engine:
    """``local`` (in process, or a process pool for ``n_process > 1``) or ``dask``, isolating failures
    (a failed text or lost batch gives error results, see :func:`error_result`): the engines of batch jobs.

    Workers always freeze the gc once their pipeline is loaded; this process only with ``freeze_gc``.
    """
    if name == "dask":
        return DaskEngine(spec, batch_size, scheduler, n_process, isolate=True)
    if name != "local":
        raise InputError(Errors.E009.format(name=name))
    if n_process > 1:
        return ProcessEngine(spec, batch_size, n_process, isolate=True)
    return LocalEngine(spec, batch_size, freeze_gc)
