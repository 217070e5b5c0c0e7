"""Fusion split into partitions that run in parallel on Dask workers against one PostgreSQL store.

Every blocking key of a record begins with its block (event type, speaker, figure identity) and
records of different blocks never match, so partitions made of whole blocks never share a
candidate: fusing them one after another, in parallel, or in one pass gives the same records.
A record's place in order is its first report's document (``persist.write_fused``), so the
order does not depend on which partition wrote first either.

SQLite has one writer at a time: partitions there would only take turns, so a run on a SQLite
file fuses in its own process whatever the engine.
"""

from __future__ import annotations

from typing import Any

from ..store import Store
from .incremental import CHUNK, fuse
from .keys import block_number
from .persist import FusionStore

_OPEN: dict[str, Store] = {}  # one open store per URL in each worker process


def _store(url: str) -> Store:
    if url not in _OPEN:
        _OPEN[url] = Store(url)
    return _OPEN[url]


def fuse_partition(url: str, index: int, count: int, chunk: int = CHUNK) -> dict[str, int]:
    """Fuse one partition's pending extractions (a Dask task: opens the store by URL)."""
    return fuse(_store(url), chunk, partition=(index, count))


def assign_blocks(store: Store) -> int:
    """Number the blocks of pending extractions that have none (before partitions start)."""
    return FusionStore(store).assign_blocks(block_number)


def fuse_partitioned(store: Store, client: Any, count: int, chunk: int = CHUNK) -> dict[str, int]:
    """Fuse every pending extraction as ``count`` partitions on the Dask ``client``'s workers;
    returns merges per kind, as ``fuse`` does."""
    assign_blocks(store)
    futures = client.map(fuse_partition, [store.url] * count, range(count), [count] * count, [chunk] * count,
                         pure=False)  # fmt: skip
    merged: dict[str, int] = {}
    for counts in client.gather(futures):
        for kind, n in counts.items():
            merged[kind] = merged.get(kind, 0) + n
    return merged


def fuse_in_partitions(store: Store, count: int, chunk: int = CHUNK) -> dict[str, int]:
    """The partitions one after another in this process: what the workers would write."""
    assign_blocks(store)
    merged: dict[str, int] = {}
    for index in range(count):
        for kind, n in fuse(store, chunk, partition=(index, count)).items():
            merged[kind] = merged.get(kind, 0) + n
    return merged
