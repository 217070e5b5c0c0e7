"""The whole run: ingest -> (skip known) -> analyze -> store in batches -> fuse.

Documents are committed batch by batch with all their extractions, keyed by content hash, so
a run killed at any point can be started again: it skips what is stored and adds no duplicate.

Each document is analyzed under a time budget (``doc_timeout``, see ``guard``): one that
raises, overruns or crashes its worker is recorded as failed with the reason, and the run goes on.
"""

from __future__ import annotations

import contextlib
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .batches import batched
from .guard import DEFAULT_DOC_TIMEOUT, Analyzer, prestart
from .ingest import DEFAULT_MAX_BYTES, IngestError, iter_inputs
from .model import Document
from .store import Store
from .store.db import STREAMING_SQLITE, own_ids

DEFAULT_BATCH = 32


@dataclass
class RunSummary:
    run_id: int
    read: int = 0
    stored: int = 0
    unchanged: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)  # (input, reason)
    records: Counter[str] = field(default_factory=Counter)
    merged: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    words: int = 0

    @property
    def docs_per_second(self) -> float:
        return self.stored / self.seconds if self.seconds else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "run_id": self.run_id,
            "documents_read": self.read,
            "documents_stored": self.stored,
            "documents_unchanged": self.unchanged,
            "documents_failed": len(self.failed),
            "failures": [{"input": i, "reason": r} for i, r in self.failed],
            "records": dict(self.records),
            "merged": self.merged,
            "seconds": round(self.seconds, 3),
            "documents_per_second": round(self.docs_per_second, 2),
        }


ProgressFn = Callable[[int], None]


def run(
    paths: Iterable[str | Path],
    db: str | Path | Store = "sitrep.db",
    *,
    batch_size: int = DEFAULT_BATCH,
    workers: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    doc_timeout: float = DEFAULT_DOC_TIMEOUT,
    on_error: Callable[[str, str], None] | None = None,
    progress: ProgressFn | None = None,
    analyzer: Analyzer | None = None,
) -> RunSummary:
    """Ingest, extract, store and fuse everything under ``paths`` into ``db``.

    ``doc_timeout``: seconds of analysis allowed per document (0: no budget, analysis runs in
    this process). ``analyzer``: the unit of work, ``batches.analyze_batch`` by default.
    """
    if doc_timeout < 0:
        raise ValueError("doc_timeout must be >= 0 seconds (0 turns the time budget off)")
    if engine == "local" and doc_timeout > 0:
        prestart(workers, analyzer)  # the workers load spaCy while the store opens
    store = db if isinstance(db, Store) else Store(db, **STREAMING_SQLITE)
    paths = [str(p) for p in paths]
    run_id = store.start_run(
        {
            "paths": paths,
            "batch_size": batch_size,
            "workers": workers,
            "engine": engine,
            "scheduler": scheduler,
            "doc_timeout": doc_timeout,
        }
    )
    summary = RunSummary(run_id=run_id)
    started = time.perf_counter()

    def fail(source: str, reason: str, stage: str) -> None:
        summary.failed.append((source, reason))
        store.record_failure(run_id, source, stage, reason)
        if on_error:
            on_error(source, reason)

    def new_documents() -> Iterator[Document]:
        for batch in batched(iter_inputs(paths, max_bytes=max_bytes), batch_size):
            docs = [d for d in batch if isinstance(d, Document)]
            for item in batch:
                if isinstance(item, IngestError):
                    summary.read += 1
                    fail(item.input, item.reason, "ingest")
            known = store.stored_ids([d.content_hash for d in docs])
            for d in docs:
                summary.read += 1
                if known.get(d.content_hash, set()) & own_ids(d):  # this document, stored before
                    summary.unchanged += 1
                    if progress:
                        progress(1)
                    continue
                known.setdefault(d.content_hash, set()).add(d.id)  # twice in one batch: once
                yield d

    from .engines import dask_client, dask_workers, stream
    from .fuse import fuse
    from .fuse.partitioned import fuse_partitioned
    from .stories import update_stories

    client: Any = None  # the dask engine's: analysis, and fusion in partitions on a shared database

    def fuse_pending(last: bool = False) -> None:
        """Fusion and story placement are incremental and order-preserving: doing them batch by
        batch gives the records and stories doing them once at the end would; they run while
        the workers analyze the next batches. On Dask with a PostgreSQL store, fusion runs as
        partitions on the workers (``fuse.partitioned``: the same records)."""
        with store.exclusive():  # a second run on the store waits its turn
            if client is not None and not store.url.startswith("sqlite"):
                merged = fuse_partitioned(store, client, 2 * dask_workers(client, workers))
            else:
                merged = fuse(store)
            for kind, n in merged.items():
                summary.merged[kind] = summary.merged.get(kind, 0) + n
            update_stories(store, everywhere=last)

    try:
        with contextlib.ExitStack() as stack:
            if engine == "dask":
                client = stack.enter_context(dask_client(workers, scheduler))
            for analyses, errors in stream(
                engine, new_documents(), batch_size, workers, scheduler, doc_timeout=doc_timeout,
                analyzer=analyzer, client=client,
            ):  # fmt: skip
                for doc, reason in errors:
                    fail(doc.source or doc.id, reason, "analyze")
                stored = store.save(run_id, analyses)
                summary.stored += len(stored)
                for a in analyses:
                    summary.words += len(a.document.text.split())
                    summary.records["events"] += len(a.events)
                    summary.records["statements"] += len(a.statements)
                    summary.records["figures"] += len(a.figures)
                fuse_pending()
                if progress:
                    progress(len(analyses) + len(errors))
            fuse_pending(last=True)  # and what an earlier, killed run stored but did not fuse or place
    except BaseException:
        summary.seconds = time.perf_counter() - started
        with contextlib.suppress(Exception):  # the database itself may be what failed: report that
            store.finish_run(run_id, summary.as_dict(), status="failed")
        raise
    summary.seconds = time.perf_counter() - started
    store.finish_run(run_id, summary.as_dict())
    return summary
