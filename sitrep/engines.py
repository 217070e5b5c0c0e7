"""Where analysis runs: in this process, in local worker processes, or on a Dask cluster.

Every engine yields ``(analyses, errors)`` batches **in input order**, so the store sees the
same sequence whatever ran the work, and a Dask run gives the same records as a local one.
At most ``2 x workers`` batches are in flight and as many read ahead (on the reader thread),
so memory stays flat on any corpus size.

With a per-document time budget (``doc_timeout`` > 0, the default) the local engine runs its
batches in supervised worker processes (``guard``) that are killed and restarted when a
document overruns; Dask batches get the same deadline, and a stuck Dask worker is restarted.
``doc_timeout=0`` runs the local engine in this process with no supervision.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from .batches import Batch, analyze_batch, batched, ordered
from .guard import DEFAULT_DOC_TIMEOUT, Analyzer, timeout_reason
from .model import Document

if TYPE_CHECKING:
    from .analyze import Analysis

ENGINES = ("local", "dask")


def local_stream(
    docs: Iterable[Document],
    batch_size: int = 32,
    workers: int = 1,
    doc_timeout: float = DEFAULT_DOC_TIMEOUT,
    analyzer: Analyzer | None = None,
) -> Iterator[Batch]:
    if doc_timeout > 0:
        from .guard import supervised_stream

        yield from supervised_stream(docs, batch_size, workers, doc_timeout, analyzer)
        return
    if analyzer is not None and workers <= 1:
        for batch in batched(docs, batch_size):
            yield analyzer(batch)
        return
    if workers <= 1:
        from .analyze import analyze_stream

        yield from analyze_stream(docs, batch_size=batch_size)
        return
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor

    ctx = mp.get_context("spawn")  # spaCy and SQLAlchemy do not like fork after threads
    with ProcessPoolExecutor(max_workers=workers, mp_context=ctx) as pool:
        fn = analyzer or analyze_batch
        yield from ordered(lambda b: pool.submit(fn, b), docs, batch_size, 2 * workers)


def dask_stream(
    docs: Iterable[Document],
    batch_size: int = 32,
    workers: int = 2,
    scheduler: str | None = None,
    doc_timeout: float = DEFAULT_DOC_TIMEOUT,
    analyzer: Analyzer | None = None,
    client: Any = None,
) -> Iterator[Batch]:
    """Analysis on Dask workers: ``client``'s, else a LocalCluster's unless a scheduler address is given."""
    if client is not None:
        yield from _dask_batches(client, docs, batch_size, workers, doc_timeout, analyzer)
        return
    with dask_client(workers, scheduler) as own:
        yield from _dask_batches(own, docs, batch_size, workers, doc_timeout, analyzer)


@contextlib.contextmanager
def dask_client(workers: int = 2, scheduler: str | None = None) -> Iterator[Any]:
    """A Dask client: of the scheduler at ``scheduler``, else of a new LocalCluster of
    ``workers`` single-threaded processes; closed (with its cluster) on exit."""
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
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def dask_workers(client: Any, default: int) -> int:
    """How many workers the client's scheduler has (``default`` when it does not say)."""
    return max(1, len(client.scheduler_info().get("workers", {})) or default)


def _dask_batches(
    client: Any,
    docs: Iterable[Document],
    batch_size: int,
    workers: int,
    doc_timeout: float,
    analyzer: Analyzer | None,
) -> Iterator[Batch]:
    n = dask_workers(client, workers)
    fn = analyzer or analyze_batch

    def rescue(batch: list[Document], fut: Any, exc: BaseException) -> Batch:
        """A batch over its deadline or whose worker died: free the worker, go one by one."""
        _release(client, fut)
        analyses: list[Analysis] = []
        errors: list[tuple[Document, str]] = []
        for doc in batch:
            one = client.submit(fn, [doc], pure=False)
            try:
                a, e = one.result(timeout=doc_timeout if doc_timeout > 0 else None)
            except TimeoutError:
                _release(client, one)
                errors.append((doc, timeout_reason(doc_timeout)))
                continue
            except Exception as err:  # e.g. KilledWorker: this document kills workers
                errors.append((doc, f"analysis failed on the Dask worker: {type(err).__name__}: {err}"))
                continue
            analyses += a
            errors += e
        return analyses, errors

    yield from ordered(
        lambda b: client.submit(fn, b, pure=False),
        docs,
        batch_size,
        2 * n,
        deadline=doc_timeout if doc_timeout > 0 else None,
        rescue=rescue,
    )


def _release(client: Any, fut: Any) -> None:
    """Cancel a stuck task and restart the Dask workers still busy with it (threads cannot be killed)."""
    try:
        busy = [addr for addr, keys in client.processing().items() if fut.key in keys]
        fut.cancel()
        if busy:
            client.restart_workers(busy)
    except Exception:  # best effort: the nanny restarts a worker that is gone
        pass


def stream(
    engine: str,
    docs: Iterable[Document],
    batch_size: int,
    workers: int,
    scheduler: str | None = None,
    doc_timeout: float = DEFAULT_DOC_TIMEOUT,
    analyzer: Analyzer | None = None,
    client: Any = None,
) -> Iterator[Batch]:
    """``client``: an open Dask client for the dask engine (else it opens its own)."""
    if engine == "dask":
        return dask_stream(docs, batch_size, workers, scheduler, doc_timeout, analyzer, client)
    if engine == "local":
        return local_stream(docs, batch_size, workers, doc_timeout, analyzer)
    raise ValueError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
