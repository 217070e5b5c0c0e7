"""Exports as HTTP downloads, streamed: the exporter writes in a worker thread while the response
sends what it has written, through a small bounded queue (flat memory, first bytes at once).
"""

from __future__ import annotations

import io
import queue
import shutil
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

from ..export import exporters, get_exporter
from ..store import Store

# format -> (media type, file name) of a download, as each registered exporter declares them
MEDIA_TYPES = {e.name: (e.media_type, e.download_name()) for e in exporters().values()}
_DONE = object()


class _QueueSink(io.RawIOBase):
    """A write-only raw stream that hands each chunk to the response through a queue."""

    def __init__(self, q: queue.Queue[object], stop: threading.Event) -> None:
        self.q, self.stop = q, stop

    def writable(self) -> bool:
        return True

    def write(self, b: bytes | bytearray | memoryview) -> int:  # type: ignore[override]
        data = bytes(b)
        while not self.stop.is_set():
            try:
                self.q.put(data, timeout=0.25)
                return len(data)
            except queue.Full:
                continue
        raise BrokenPipeError("the client stopped reading the export")


def stream_text_export(store: Store, fmt: str, chunk: int = 64 * 1024) -> Iterator[bytes]:
    """Bytes of a text export, produced by its exporter in a thread as they are read."""
    exporter = get_exporter(fmt)
    writer, binary = exporter.write, exporter.binary
    q: queue.Queue[object] = queue.Queue(maxsize=32)
    stop = threading.Event()

    def work() -> None:
        try:
            buffered = io.BufferedWriter(_QueueSink(q, stop), chunk)  # type: ignore[type-var]
            out = buffered if binary else io.TextIOWrapper(buffered, encoding="utf-8", newline="")
            writer(store, out)
            out.flush()
        except BaseException as e:  # handed to the reader, which re-raises it
            _put(q, stop, e)
        finally:
            _put(q, stop, _DONE)

    thread = threading.Thread(target=work, name=f"export-{fmt}", daemon=True)
    thread.start()
    try:
        while True:
            item = q.get()
            if item is _DONE:
                return
            if isinstance(item, BaseException):
                raise item
            assert isinstance(item, bytes)
            yield item
    finally:
        stop.set()


def _put(q: queue.Queue[object], stop: threading.Event, item: object) -> None:
    while not stop.is_set():
        try:
            q.put(item, timeout=0.25)
            return
        except queue.Full:
            continue


def binary_file(store: Store, fmt: str) -> tuple[Path, Path]:
    """A binary export (parquet) needs a real file: write it in a temp dir, return (file, dir)."""
    exporter = get_exporter(fmt)
    tmp = Path(tempfile.mkdtemp(prefix="sitrep-export-"))
    path = tmp / exporter.download_name()
    try:
        with open(path, "wb") as f:
            exporter.write(store, f)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return path, tmp
