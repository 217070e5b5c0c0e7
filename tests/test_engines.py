"""Local worker processes and Dask give exactly the records of an in-process run."""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import sitrep
from sitrep.export import write_jsonl
from sitrep.fuse import FusionStore
from sitrep.store import Store


def _lines(db: Path) -> list[dict]:
    import io

    buf = io.StringIO()
    write_jsonl(Store(db, create=False), buf)
    return [json.loads(x) for x in buf.getvalue().splitlines()]


def _without_run_ids(records: list[dict]) -> list[dict]:
    return [{k: v for k, v in r.items() if k != "run_id"} for r in records]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("engines")
    for i in range(24):
        (d / f"e{i:02d}.txt").write_text(
            f"Militants stormed a village near Gao on Tuesday, killing {i + 2} civilians, officials said.\n\n"
            f"\"We condemn attack {i},\" the governor said in a statement.\n",
            encoding="utf-8",
        )
    return d


@pytest.fixture(scope="module")
def reference(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> list[dict]:
    db = tmp_path_factory.mktemp("ref") / "ref.db"
    sitrep.run([corpus], db=db, batch_size=5)
    return _lines(db)


@pytest.mark.parametrize("engine", ["local", "dask"])
def test_two_workers_give_identical_export(engine: str, corpus: Path, reference: list[dict], tmp_path: Path) -> None:
    db = tmp_path / f"{engine}.db"
    summary = sitrep.run([corpus], db=db, batch_size=5, workers=2, engine=engine)
    assert summary.stored == 24 and not summary.failed
    assert _without_run_ids(_lines(db)) == _without_run_ids(reference)


@pytest.mark.postgres
@pytest.mark.slow
def test_dask_run_on_postgresql_fuses_in_partitions_with_the_same_records(
    corpus: Path, reference: list[dict], pg_db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a PostgreSQL store the dask engine fuses on its workers, in partitions of the blocks."""
    from sitrep.fuse import partitioned

    calls: list[int] = []
    real = partitioned.fuse_partitioned

    def counted(store, client, count, chunk=partitioned.CHUNK):  # type: ignore[no-untyped-def]
        calls.append(count)
        return real(store, client, count, chunk)

    monkeypatch.setattr(partitioned, "fuse_partitioned", counted)
    summary = sitrep.run([corpus], db=pg_db, batch_size=5, workers=2, engine="dask")
    assert summary.stored == 24 and not summary.failed
    assert calls and set(calls) == {4}  # 2 partitions per worker, after every batch
    assert _without_run_ids(_lines(pg_db)) == _without_run_ids(reference)


def test_unknown_engine_is_refused(corpus: Path, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown engine"):
        sitrep.run([corpus], db=tmp_path / "x.db", engine="spark")


def test_fusing_batch_by_batch_gives_what_one_fusion_gives(corpus: Path, reference: list[dict], tmp_path: Path) -> None:
    """The reference fuses after each of its five batches; one batch fuses once, at the end."""
    db = tmp_path / "one-batch.db"
    sitrep.run([corpus], db=db, batch_size=100)
    assert _without_run_ids(_lines(db)) == _without_run_ids(reference)
    assert any(len(r.get("mentions", [])) > 1 for r in reference)  # something did fuse



@pytest.fixture
def full_reads(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Members read by fusion's whole-record path (``fused_members`` without ``ends``), per call."""
    reads: list[int] = []
    fused_members = FusionStore.fused_members

    def counting(self: FusionStore, kind: str, ids, ends=None):  # type: ignore[no-untyped-def]
        out = fused_members(self, kind, ids, ends=ends)
        if ends is None:
            reads.append(sum(map(len, out.values())))
        return out

    monkeypatch.setattr(FusionStore, "fused_members", counting)
    return reads


def test_records_without_a_tally_are_tallied_from_their_members(
    corpus: Path, reference: list[dict], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, full_reads: list[int]
) -> None:
    """A store fused before tallies were kept: every touched record is merged from all its members."""
    monkeypatch.setattr(FusionStore, "fusion_tallies", lambda self, kind, ids: {})
    db = tmp_path / "untallied.db"
    sitrep.run([corpus], db=db, batch_size=5)
    assert sum(full_reads) > 0  # the fallback did run
    assert _without_run_ids(_lines(db)) == _without_run_ids(reference)


def test_a_tallied_record_merges_without_reading_its_members(
    corpus: Path, tmp_path: Path, full_reads: list[int]
) -> None:
    sitrep.run([corpus], db=tmp_path / "tallied.db", batch_size=5)
    assert sum(full_reads) == 0


def test_search_text_of_a_grown_record_is_its_summary_and_every_mention(corpus: Path, tmp_path: Path) -> None:
    """Fusing batch by batch appends new mentions to an event's search body; the body must be the
    one all its mentions give at once (the summary, then each mention's text, in order)."""
    from sqlalchemy import select

    from sitrep.store.schema import BODY_MAX, EventSearch, EventText

    db = tmp_path / "search.db"
    sitrep.run([corpus], db=db, batch_size=5)
    store = Store(db, create=False)
    events = list(store.iter_records("event"))
    assert any(len(e["mentions"]) > 5 for e in events)  # grew over several batches
    with store.session() as s:
        q = select(EventSearch.event_id, EventText.body).join(EventText, EventText.id == EventSearch.id)
        bodies = {event_id: body for event_id, body in s.execute(q)}
    for e in events:
        expected = "\n".join([e.get("summary") or "", *(m["text"] for m in e["mentions"])])[:BODY_MAX]
        assert bodies[e["id"]] == expected


def test_a_finished_batch_is_yielded_without_waiting_for_more_input() -> None:
    """A live feed (a pipe) may send its next document only once the last is stored."""
    import threading

    from sitrep.batches import ordered as _ordered
    from sitrep.model import Document

    first_out = threading.Event()

    def feed():  # type: ignore[no-untyped-def]
        yield Document(id="a", text="one")
        assert first_out.wait(20), "the first batch was held back until more input came"
        yield Document(id="b", text="two")

    out = []
    with ThreadPoolExecutor(2) as pool:
        for ids, _ in _ordered(lambda b: pool.submit(lambda: ([d.id for d in b], [])), feed(), 1, window=4):
            out.append(ids)
            first_out.set()
    assert out == [["a"], ["b"]]


def test_an_input_error_reaches_the_run() -> None:
    from sitrep.batches import ordered as _ordered
    from sitrep.model import Document

    def feed():  # type: ignore[no-untyped-def]
        yield Document(id="a", text="one")
        raise OSError("the feed broke")

    with ThreadPoolExecutor(2) as pool, pytest.raises(OSError, match="the feed broke"):
        list(_ordered(lambda b: pool.submit(lambda: ([d.id for d in b], [])), feed(), 1, window=4))
