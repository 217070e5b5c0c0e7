"""The store on both backends: a SQLite file and a real PostgreSQL server started by the test."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

import sitrep
from sitrep.analyze import analyze
from sitrep.model import Document
from sitrep.store import Store, db_url


def _docs(n: int, prefix: str = "d") -> list[Document]:
    return [
        Document(id=f"{prefix}{i}", text=f"Gunmen attacked a police post in Kano on Monday, killing {i + 1} officers.\n")
        for i in range(n)
    ]


def test_db_url_forms() -> None:
    assert db_url("x.db") == "sqlite:///x.db"
    assert db_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    assert db_url("sqlite:////tmp/a.db") == "sqlite:////tmp/a.db"


def test_save_is_idempotent_and_streams_in_order(any_db: str) -> None:
    store = Store(any_db)
    analyses = list(analyze(_docs(7)))
    assert store.save(None, analyses) == [f"d{i}" for i in range(7)]
    assert store.save(None, analyses) == []  # same hashes: nothing added
    assert [d["id"] for d in store.iter_documents(batch=3)] == [f"d{i}" for i in range(7)]
    assert store.counts()["documents"] == 7


def test_same_stem_different_content_is_kept_apart(any_db: str) -> None:
    store = Store(any_db)
    a = Document(id="report", text="Clashes in the north.")
    b = Document(id="report", text="Talks in the south.")
    stored = store.save(None, list(analyze([a, b])))
    assert stored == ["report", f"report~{b.content_hash[:8]}"]
    assert store.get_document(stored[1])["text"] == "Talks in the south."  # type: ignore[index]


def test_the_same_text_under_another_id_is_a_copy_reporting_the_same_records(any_db: str) -> None:
    """A syndicated copy (the same text, another id) is stored as a document of its own; its
    records fuse with the original's, which gain its mentions; storing either again adds nothing."""
    from sitrep.fuse import fuse

    store = Store(any_db)
    text = "Gunmen attacked a police post in Kano on 3 March 2021, killing two officers, police said."
    a, b = Document(id="wire", text=text), Document(id="outlet", text=text)
    assert store.save(None, list(analyze([a, b]))) == ["wire", "outlet"]
    assert store.save(None, list(analyze([b, a]))) == []
    fuse(store)
    events = list(store.iter_records("event"))
    assert events and all({m["doc_id"] for m in e["mentions"]} == {"wire", "outlet"} for e in events)
    for e in events:
        for m in e["mentions"]:
            assert text[m["start"] : m["end"]] == m["text"]


def test_failures_and_runs_are_recorded(any_db: str) -> None:
    store = Store(any_db)
    run_id = store.start_run({"paths": ["x"]})
    store.record_failure(run_id, "bad.txt", "ingest", "empty (no text)")
    store.finish_run(run_id, {"documents_stored": 0})
    (run,) = store.runs()
    assert run.status == "finished" and run.counts == {"documents_stored": 0}
    assert [(f.input, f.reason) for f in store.failures(run_id)] == [("bad.txt", "empty (no text)")]


def test_full_run_on_both_backends_gives_the_same_records(article_dir: Path, any_db: str, tmp_path: Path) -> None:
    sitrep.run([article_dir], db=any_db)
    sitrep.run([article_dir], db=tmp_path / "reference.db")
    with sitrep.open(any_db) as db, sitrep.open(tmp_path / "reference.db") as ref:
        got = [(e["id"], e["plover_type"]) for e in db.events()]
        want = [(e["id"], e["plover_type"]) for e in ref.events()]
        assert got == want
        assert [d["text"] for d in db.documents()] == [d["text"] for d in ref.documents()]


def test_concurrent_writers_do_not_duplicate(any_db: str) -> None:
    Store(any_db)  # migrate once
    analyses = list(analyze(_docs(12, "c")))
    results: list[list[str]] = []

    def writer() -> None:
        results.append(Store(any_db).save(None, analyses))

    threads = [threading.Thread(target=writer) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == 3  # every writer finished without raising
    stored = [doc_id for r in results for doc_id in r]
    assert sorted(stored) == sorted(f"c{i}" for i in range(12))
    assert Store(any_db).counts()["documents"] == 12


def test_sqlite_memory_settings_are_per_store(tmp_path: Path) -> None:
    """Readers get a large page cache and memory map; a streaming run asks for less."""
    from sqlalchemy import text

    from sitrep.store.db import STREAMING_SQLITE

    def pragmas(store: Store) -> tuple[int, int]:
        with store.engine.connect() as conn:
            return conn.execute(text("PRAGMA cache_size")).scalar(), conn.execute(text("PRAGMA mmap_size")).scalar()

    db = tmp_path / "m.db"
    reader, streaming = Store(db), Store(db, **STREAMING_SQLITE)
    try:
        assert pragmas(reader) == (-64 * 1024, 256 * 1024 * 1024)
        assert pragmas(streaming) == (-STREAMING_SQLITE["cache_mib"] * 1024, STREAMING_SQLITE["mmap_mib"] * 1024 * 1024)
        assert pragmas(streaming) != pragmas(reader)
    finally:
        reader.close()
        streaming.close()


@pytest.mark.slow  # several runs in child processes
def test_concurrent_runs_fuse_and_place_each_report_once(any_db: str, tmp_path: Path) -> None:
    """Two `sitrep run` processes on one store, started together, over overlapping folders:
    every document is stored once, every extraction fused once, every mention and story
    placement written once."""
    import subprocess
    import sys

    from sqlalchemy import text

    Store(any_db).close()  # migrated before both start
    base = "Gunmen attacked a police post in {} on {} 2021, killing {} officers, police said.\n"
    towns = ["Kano", "Kaduna", "Maiduguri", "Zaria", "Jos", "Bauchi"]
    pages = {f"p{i}.txt": f"Attack in {t}\n\n" + base.format(t, f"{i + 2} March", i + 3) for i, t in enumerate(towns)}
    pages |= {f"copy{i}.txt": "Police post attack\n\n" + base.format(t, f"{i + 2} March", i + 3)
              for i, t in enumerate(towns[:3])}  # fmt: skip
    folders = [tmp_path / "one", tmp_path / "two"]
    for n, folder in enumerate(folders):
        folder.mkdir()
        for i, (name, body) in enumerate(sorted(pages.items())):
            if i % 2 == n or i < 4:  # four pages in both folders
                (folder / name).write_text(body, encoding="utf-8")
    cmd = [sys.executable, "-m", "sitrep", "run", "--db", any_db, "--quiet", "--batch-size", "1"]
    procs = [subprocess.Popen([*cmd, str(f)], stderr=subprocess.PIPE, text=True) for f in folders]
    for p in procs:
        _, err = p.communicate(timeout=600)
        assert p.returncode == 0, err
    store = Store(any_db)
    with store.engine.connect() as conn:
        def one(sql: str) -> int:
            return int(conn.execute(text(sql)).scalar() or 0)

        assert one("SELECT COUNT(*) FROM documents") == len(pages)
        assert one("SELECT COUNT(*) FROM extractions WHERE fused_id IS NULL") == 0
        assert one("SELECT COUNT(*) FROM extractions") > len(pages)
        mentions = "SELECT COUNT(*) FROM (SELECT extraction_id, start FROM mentions GROUP BY extraction_id, start{}) x"
        assert one(mentions.format("")) == one(mentions.format(", record_kind, record_id, doc_id, \"end\""))
        assert one("SELECT COUNT(*) FROM mentions") == one(mentions.format(""))  # no mention row twice
        assert one("SELECT COUNT(*) FROM story_docs") == len(pages)
    placed = [d for s in store.iter_stories() for d in s["document_ids"]]
    assert sorted(placed) == sorted(d["id"] for d in store.iter_documents())  # each in one story
    store.close()


def test_counts_are_kept_until_any_connection_writes(any_db: str) -> None:
    """Every web page shows the counts: they are read again only after a write, by this store
    or by another connection (another process's run), never stale."""
    from sqlalchemy import event

    store, other = Store(any_db), Store(any_db)
    counted: list[str] = []
    event.listen(store.engine, "before_cursor_execute",
                 lambda conn, cur, sql, *a: counted.append(sql) if "count(" in sql.lower() else None)
    assert store.counts()["failures"] == 0
    first = len(counted)
    assert first > 0
    assert store.counts()["failures"] == 0
    if any_db.startswith("postgresql"):  # the server's own writes (pruning, vacuum) may move it: a recount, no more
        assert len(counted) in (first, 2 * first)
    else:
        assert len(counted) == first, "nothing was written: the counts are not read again"
    with store.session() as s:
        before = store.change_mark(s)
    other.record_failure(None, "b.txt", "ingest", "unreadable")
    with store.session() as s:
        assert store.change_mark(s) != before
    assert store.counts()["failures"] == 1
    store.record_failure(None, "c.txt", "ingest", "empty")
    assert store.counts()["failures"] == 2
    store.close()
    other.close()


def test_documents_are_found_by_any_id_text(any_db: str) -> None:
    """``among`` finds rows whose ids hold the characters an array's text form quotes (commas,
    braces, quotes, backslashes, spaces, the word NULL), and no others."""
    from sqlalchemy import select

    from sitrep.store.records import among
    from sitrep.store.schema import DocumentRow

    store = Store(any_db)
    odd = ["memo, part 2", "{draft}", 'the "final" one', "c:\\notes\\b", " padded ", "NULL", "x\\\"y"]
    store.save(None, list(analyze([Document(id=i, text=f"Shelling hit a depot near Sumy ({n}).\n")
                                   for n, i in enumerate([*odd, "other"])])))
    with store.session() as s:
        found = set(s.scalars(select(DocumentRow.id).where(among(s, DocumentRow.id, [*odd, "absent"]))))
        assert found == set(odd)
        assert not list(s.scalars(select(DocumentRow.id).where(among(s, DocumentRow.id, []))))
    store.close()


def test_web_sessions_on_postgresql_compile_no_plans_and_start_no_workers(pg_db: str) -> None:
    """The web's store reads with JIT compilation and parallel workers off, each statement planned
    for its values; a run's store keeps the server's settings."""
    from sqlalchemy import text

    web, run = Store(pg_db, interactive=True), Store(pg_db)
    with web.session() as s:
        assert s.scalar(text("SHOW jit")) == "off"
        assert s.scalar(text("SHOW max_parallel_workers_per_gather")) == "0"
        assert s.scalar(text("SHOW plan_cache_mode")) == "force_custom_plan"
    with run.session() as s:
        assert s.scalar(text("SHOW jit")) == "on"
    web.close()
    run.close()


def test_read_sessions_on_postgresql_run_each_statement_on_its_own(pg_db: str) -> None:
    """A read session's statements each start their own transaction (no BEGIN and ROLLBACK round
    trips); a session taken after it from the same pool is transactional again."""
    from sqlalchemy import text

    store = Store(pg_db)
    own = text("SELECT now() = statement_timestamp()")  # true in a statement's own transaction
    for _ in range(2):  # the second time on the connection the first one returned to the pool
        with store.read_session() as s:
            s.execute(text("SELECT pg_sleep(0.02)"))
            assert s.scalar(own) is True
        with store.session() as s:
            s.execute(text("SELECT pg_sleep(0.02)"))
            assert s.scalar(own) is False
    store.close()
