"""Where analysis runs: in this process, in local worker processes, or on a Dask cluster.

Every engine yields ``(analyses, errors)`` batches **in input order**, so the store sees the
same sequence whatever ran the work, and a Dask run gives the same records as a local one.
At most ``2 x workers`` batches are in flight, so memory stays flat on any corpus size.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from .model import Document

if TYPE_CHECKING:
    from .analyze import Analysis

Batch = tuple[list["Analysis"], list[tuple[Document, str]]]
ENGINES = ("local", "dask")


def analyze_batch(docs: list[Document]) -> Batch:
    """Analyze one batch; the unit of work shipped to worker processes."""
    from .analyze import analyze_stream

    analyses: list[Analysis] = []
    errors: list[tuple[Document, str]] = []
    for a, e in analyze_stream(docs, batch_size=max(1, len(docs))):
        analyses += a
        errors += e
    return analyses, errors


def _batches(docs: Iterable[Document], size: int) -> Iterator[list[Document]]:
    batch: list[Document] = []
    for d in docs:
        batch.append(d)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _ordered(submit: Any, docs: Iterable[Document], batch_size: int, window: int) -> Iterator[Batch]:
    """Submit batches ahead of consumption, yield results in submission order."""
    pending: deque[Any] = deque()
    for batch in _batches(docs, batch_size):
        pending.append(submit(batch))
        if len(pending) >= window:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


def local_stream(docs: Iterable[Document], batch_size: int = 32, workers: int = 1) -> Iterator[Batch]:
    if workers <= 1:
        from .analyze import analyze_stream

        yield from analyze_stream(docs, batch_size=batch_size)
        return
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor

    ctx = mp.get_context("spawn")  # spaCy and SQLAlchemy do not like fork after threads
    with ProcessPoolExecutor(max_workers=workers, mp_context=ctx) as pool:
        yield from _ordered(lambda b: pool.submit(analyze_batch, b), docs, batch_size, 2 * workers)


def dask_stream(
    docs: Iterable[Document], batch_size: int = 32, workers: int = 2, scheduler: str | None = None
) -> Iterator[Batch]:
    """Analysis on Dask workers: a LocalCluster unless a scheduler address is given."""
    from dask.distributed import Client, LocalCluster

    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=40
        )
        client = Client(cluster)
    try:
        n = max(1, len(client.scheduler_info().get("workers", {})) or workers)
        yield from _ordered(lambda b: client.submit(analyze_batch, b, pure=False), docs, batch_size, 2 * n)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def stream(
    engine: str, docs: Iterable[Document], batch_size: int, workers: int, scheduler: str | None = None
) -> Iterator[Batch]:
    if engine == "dask":
        return dask_stream(docs, batch_size, workers, scheduler)
    if engine == "local":
        return local_stream(docs, batch_size, workers)
    raise ValueError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
