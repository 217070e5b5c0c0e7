"""Fusion in partitions gives the records fusion in one pass gives: on SQLite the partitions run
one after another in this process; on a real PostgreSQL server they run in parallel on a Dask
LocalCluster's worker processes."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from sitrep.analyze import Analysis, analyze_stream
from sitrep.export.jsonl import write_jsonl
from sitrep.fuse import fuse
from sitrep.fuse.keys import block_number
from sitrep.fuse.partitioned import fuse_in_partitions, fuse_partitioned
from sitrep.model import Document
from sitrep.store import Store
from sitrep.stories import update_stories

from .corpora import TOWNS

PARTITIONS = 3


def _texts() -> list[tuple[str, str, str]]:
    """(id, published, text): attacks, protests and statements, several reported by two outlets."""
    out = []
    for i, town in enumerate(TOWNS * 2):
        day = i % 5 + 1
        attack = (f"Taliban fighters attacked a police checkpoint near {town} on {day} March 2021, killing "
                  f"{i % 4 + 2} officers, the provincial police chief said. \"We will hold the district,\" "
                  f"Governor Ahmad Wali said.")  # fmt: skip
        protest = (f"Hundreds of shopkeepers marched through {town} on {day} March 2021 to protest against new "
                   f"taxes on fuel. The traders' union said prices had risen by {10 + i} percent.")  # fmt: skip
        out.append((f"a{i}", f"2021-03-0{day}", f"Attack near {town}\n\n{attack}\n"))
        out.append((f"p{i}", f"2021-03-0{day}", f"Traders march in {town}\n\n{protest}\n"))
        if i % 2 == 0:  # a second outlet's report of the same day
            out.append((f"b{i}", f"2021-03-0{day}", f"Police post attacked\n\n{attack} Residents confirmed it.\n"))
    return out


@pytest.fixture(scope="module")
def analyses() -> list[list[Analysis]]:
    docs = [Document(id=i, text=t, published=p) for i, p, t in _texts()]
    return [batch for batch, errors in analyze_stream(docs, batch_size=8) if not errors]


def _export(store: Store) -> str:
    update_stories(store)
    out = io.StringIO()
    write_jsonl(store, out)
    return out.getvalue()


def _stored(db: str, analyses: list[list[Analysis]]) -> Store:
    store = Store(db)
    for batch in analyses:
        store.save(None, batch)
    return store


def _one_pass(db: str, analyses: list[list[Analysis]]) -> tuple[str, dict[str, int]]:
    store = _stored(db, analyses)
    merged = fuse(store)
    return _export(store), merged


def test_the_corpus_spreads_over_partitions(analyses: list[list[Analysis]]) -> None:
    parts = {block_number(r.kind, r.to_json()) % PARTITIONS for b in analyses for a in b
             for r in (*a.events, *a.statements, *a.figures)}  # fmt: skip
    assert parts == set(range(PARTITIONS))


def test_partitions_one_after_another_give_the_one_pass_records(
    analyses: list[list[Analysis]], tmp_path: Path
) -> None:
    whole, merged = _one_pass(str(tmp_path / "one.db"), analyses)
    assert merged["event"] > 0 and merged["statement"] > 0  # the outlets' copies merged
    # batch by batch, as a run fuses: the partitions of each batch, then the next batch
    store = Store(tmp_path / "parts.db")
    total: dict[str, int] = {}
    for batch in analyses:
        store.save(None, batch)
        for kind, n in fuse_in_partitions(store, PARTITIONS, chunk=7).items():
            total[kind] = total.get(kind, 0) + n
    assert _export(store) == whole
    assert total == merged


@pytest.mark.postgres
@pytest.mark.slow
def test_partitions_on_dask_workers_against_postgresql(analyses: list[list[Analysis]], tmp_path: Path,
                                                      pg_db: str) -> None:  # fmt: skip
    from dask.distributed import Client, LocalCluster

    whole, merged = _one_pass(str(tmp_path / "one.db"), analyses)
    store = Store(pg_db)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                      silence_logs=40) as cluster, Client(cluster) as client:  # fmt: skip
        total: dict[str, int] = {}
        for batch in analyses:
            store.save(None, batch)
            for kind, n in fuse_partitioned(store, client, PARTITIONS).items():
                total[kind] = total.get(kind, 0) + n
    assert _export(store) == whole
    assert total == merged
