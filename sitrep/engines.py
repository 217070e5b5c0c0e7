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

import queue
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

from .guard import DEFAULT_DOC_TIMEOUT, Analyzer, timeout_reason
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


Rescue = Callable[[list[Document], Any, BaseException], Batch]


POLL_SECONDS = 0.05  # how often a waiting run looks at both its input and its oldest batch


class _Reader:
    """Reads batches on its own thread, at most ``ahead`` of them ahead of use.

    The run never waits on its input while an analyzed batch is ready to store: a live feed (a
    pipe, stdin) that pauses until its last document is stored cannot stall it, and the workers
    get their next batch while the run stores and fuses the last one."""

    _END = object()

    def __init__(self, batches: Iterator[list[Document]], ahead: int) -> None:
        self.queue: queue.Queue[Any] = queue.Queue(maxsize=max(1, ahead))
        self.stopping = threading.Event()
        self.done = False  # the end of input was reached
        self.thread = threading.Thread(target=self._read, args=(batches,), name="sitrep-reader", daemon=True)
        self.thread.start()

    def _read(self, batches: Iterator[list[Document]]) -> None:
        try:
            for batch in batches:
                if not self._put(batch):
                    return
            self._put(self._END)
        except BaseException as e:  # handed over: the run raises it in its own thread
            self._put(e)
        finally:
            close = getattr(batches, "close", None)
            if close is not None:
                close()

    def _put(self, item: Any) -> bool:
        while not self.stopping.is_set():
            try:
                self.queue.put(item, timeout=POLL_SECONDS)
                return True
            except queue.Full:
                continue
        return False

    def get(self, wait: bool) -> list[Document] | None:
        """The next batch; ``None`` at the end of input, or when ``wait`` is false and none is read yet."""
        try:
            item = self.queue.get(timeout=None if wait else POLL_SECONDS)
        except queue.Empty:
            return None
        if item is self._END:
            self.done = True
            return None
        if isinstance(item, BaseException):
            raise item
        return item  # type: ignore[no-any-return]

    def stop(self) -> None:
        self.stopping.set()


def _ordered(
    submit: Any,
    docs: Iterable[Document],
    batch_size: int,
    window: int,
    deadline: float | None = None,
    rescue: Rescue | None = None,
) -> Iterator[Batch]:
    """Submit batches ahead of consumption, yield results in submission order.

    Input is read on its own thread (``_Reader``); a finished batch is yielded as soon as it is
    the oldest, without waiting for more input. With a ``deadline`` (seconds per document), a
    batch not done that long after the run starts waiting for it, or one whose task failed, is
    handed to ``rescue``.
    """
    pending: deque[tuple[list[Document], Any]] = deque()

    def result(batch: list[Document], fut: Any) -> Batch:
        if rescue is None:
            return fut.result()  # type: ignore[no-any-return]
        try:
            return fut.result(timeout=deadline * len(batch) if deadline else None)  # type: ignore[no-any-return]
        except Exception as e:  # a timeout, a killed worker: rescued batch by batch
            return rescue(batch, fut, e)

    reader = _Reader(_batches(docs, batch_size), ahead=window)
    try:
        while True:
            if not reader.done and len(pending) < window:
                batch = reader.get(wait=not pending)  # with nothing in flight, wait for input
                if batch is not None:
                    pending.append((batch, submit(batch)))
                    continue
            if not pending:
                if reader.done:
                    return
                continue
            if reader.done or len(pending) >= window or pending[0][1].done():
                yield result(*pending.popleft())
    finally:
        reader.stop()


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
        for batch in _batches(docs, batch_size):
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
        yield from _ordered(lambda b: pool.submit(fn, b), docs, batch_size, 2 * workers)


def dask_stream(
    docs: Iterable[Document],
    batch_size: int = 32,
    workers: int = 2,
    scheduler: str | None = None,
    doc_timeout: float = DEFAULT_DOC_TIMEOUT,
    analyzer: Analyzer | None = None,
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

        yield from _ordered(
            lambda b: client.submit(fn, b, pure=False),
            docs,
            batch_size,
            2 * n,
            deadline=doc_timeout if doc_timeout > 0 else None,
            rescue=rescue,
        )
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


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
) -> Iterator[Batch]:
    if engine == "dask":
        return dask_stream(docs, batch_size, workers, scheduler, doc_timeout, analyzer)
    if engine == "local":
        return local_stream(docs, batch_size, workers, doc_timeout, analyzer)
    raise ValueError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
