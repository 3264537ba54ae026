"""Engines: where batches of texts are annotated — in this process, a process pool or a Dask cluster.

An engine maps batches of ``(key, text)`` pairs to lists of ``(key, result dict)`` (``Runner.dicts``),
each worker with its own cached pipeline. The pool engines keep at most two batches a worker in
flight, so a long input never sits in memory whole.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Protocol

from .errors import Errors, InputError, MissingDependency
from .runner import PipelineSpec

Batch = list[tuple[Any, str]]
Results = list[tuple[Any, dict[str, Any]]]


def annotate(batch: Batch, spec: PipelineSpec, batch_size: int = 64) -> Results:
    """``(key, result dict)`` for ``(key, text)`` pairs, with this process's (cached) pipeline."""
    return spec.runner().dicts(batch, batch_size)


def _warm(spec: PipelineSpec) -> None:
    """Load the pipeline and its gazetteers in a worker (a process of ours), and freeze the gc there."""
    spec.runner().warm(freeze=True)


def _annotate_in_worker(batch: Batch, spec: PipelineSpec, batch_size: int) -> Results:
    """:func:`annotate` in a worker process: the first batch warms it, unless an initializer did."""
    _warm(spec)
    return annotate(batch, spec, batch_size)


class Engine(Protocol):
    def run(self, batches: Iterator[Batch], ordered: bool = False) -> Iterator[Results]: ...

    def close(self, wait: bool = True) -> None: ...


class LocalEngine:
    """In this process, one batch after another; ``freeze_gc`` (for an application): warm the
    pipeline and freeze the gc before the first batch."""

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

    def _submit(self, batch: Batch) -> Any:
        raise NotImplementedError

    def _first_done(self, pending: list[Any]) -> Any:
        raise NotImplementedError

    def run(self, batches: Iterator[Batch], ordered: bool = False) -> Iterator[Results]:
        """Results of the batches: as they finish, or in submission order when ``ordered``."""
        pending: list[Any] = []

        def take() -> Results:
            done = pending[0] if ordered else self._first_done(pending)
            del pending[next(i for i, f in enumerate(pending) if f is done)]
            return done.result()

        for batch in batches:
            pending.append(self._submit(batch))
            while len(pending) >= 2 * self.n:
                yield take()
        while pending:
            yield take()


class ProcessEngine(_PoolEngine):
    """A pool of worker processes on this machine, each with its own pipeline.

    Workers are spawned, not forked: a fork of a process with threads (a progress bar, a
    notebook kernel) can deadlock, and a spawned worker loads the pipeline in about as long.
    """

    def __init__(self, spec: PipelineSpec, batch_size: int, n_process: int):
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        self.spec, self.batch_size, self.n = spec, batch_size, n_process
        self.pool = ProcessPoolExecutor(n_process, mp_context=multiprocessing.get_context("spawn"),
                                        initializer=_warm, initargs=(spec,))

    def _submit(self, batch: Batch) -> Any:
        return self.pool.submit(_annotate_in_worker, batch, self.spec, self.batch_size)

    def _first_done(self, pending: list[Any]) -> Any:
        from concurrent.futures import FIRST_COMPLETED, wait

        return next(iter(wait(pending, return_when=FIRST_COMPLETED).done))

    def close(self, wait: bool = True) -> None:
        self.pool.shutdown(wait=wait, cancel_futures=not wait)


class DaskEngine(_PoolEngine):
    """A Dask cluster: the scheduler at ``address``, or a LocalCluster of ``n_workers`` processes."""

    def __init__(self, spec: PipelineSpec, batch_size: int, address: str | None, n_workers: int):
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError:
            raise MissingDependency(Errors.E007.format(what="the dask engine", package="dask.distributed",
                                                      extra="dask")) from None
        self.spec, self.batch_size = spec, batch_size
        self.cluster = None
        if address:
            self.client = Client(address)
        else:  # one thread a worker: spaCy pipelines are not meant to be shared between threads
            self.cluster = LocalCluster(n_workers=n_workers, threads_per_worker=1, processes=True,
                                        dashboard_address=None)
            self.client = Client(self.cluster)
        self.n = max(1, len(self.client.scheduler_info().get("workers", {})) or n_workers)

    def _submit(self, batch: Batch) -> Any:
        return self.client.submit(_annotate_in_worker, batch, self.spec, self.batch_size, pure=False)

    def _first_done(self, pending: list[Any]) -> Any:
        from dask.distributed import wait

        return next(iter(wait(pending, return_when="FIRST_COMPLETED").done))

    def close(self, wait: bool = True) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def create_engine(name: str, spec: PipelineSpec, batch_size: int, n_process: int = 1,
                  scheduler: str | None = None, freeze_gc: bool = False) -> Engine:
    """``local`` (in process, or a process pool for ``n_process > 1``) or ``dask``.

    Workers always freeze the gc once their pipeline is loaded; this process only with ``freeze_gc``.
    """
    if name == "dask":
        return DaskEngine(spec, batch_size, scheduler, n_process)
    if name != "local":
        raise InputError(Errors.E009.format(name=name))
    if n_process > 1:
        return ProcessEngine(spec, batch_size, n_process)
    return LocalEngine(spec, batch_size, freeze_gc)
