"""Batches of documents: the one batching helper, the unit of work shipped to workers, and
the ordered window that keeps batches in flight and yields their results in input order.

Shared by ``engines`` (local and Dask runs) and ``guard`` (supervised worker processes), so
neither imports the other's internals; ``pipeline`` and the store batch with ``batched`` too.
"""

from __future__ import annotations

import queue
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, TypeVar

from .model import Document

if TYPE_CHECKING:
    from .analyze import Analysis

T = TypeVar("T")


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Lists of ``size`` items in input order (the last may be shorter), read lazily: a stream
    of any length is batched in flat memory."""
    batch: list[T] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


Batch = tuple[list["Analysis"], list[tuple[Document, str]]]


def analyze_batch(docs: list[Document]) -> Batch:
    """Analyze one batch; the unit of work shipped to worker processes."""
    from .analyze import analyze_stream

    analyses: list[Analysis] = []
    errors: list[tuple[Document, str]] = []
    for a, e in analyze_stream(docs, batch_size=max(1, len(docs))):
        analyses += a
        errors += e
    return analyses, errors


Rescue = Callable[[list[Document], Any, BaseException], Batch]


POLL_SECONDS = 0.05  # how often a waiting run looks at both its input and its oldest batch


class Reader:
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


def ordered(
    submit: Any,
    docs: Iterable[Document],
    batch_size: int,
    window: int,
    deadline: float | None = None,
    rescue: Rescue | None = None,
) -> Iterator[Batch]:
    """Submit batches ahead of consumption, yield results in submission order.

    Input is read on its own thread (``Reader``); a finished batch is yielded as soon as it is
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

    reader = Reader(batched(docs, batch_size), ahead=window)
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
