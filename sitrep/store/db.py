"""The store: one SQLAlchemy engine over a SQLite file (default) or a PostgreSQL URL.

All writes for one batch of documents go through one transaction, so a run killed at any
point leaves whole documents (with all their extractions) or nothing; documents are keyed by
content hash, so a resumed run skips what is stored and adds no duplicates.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import sys
import threading
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypedDict

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import (
    Engine,
    and_,
    create_engine,
    delete,
    event,
    func,
    insert,
    or_,
    select,
    text,
    update,
)
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from .schema import (
    FUSED_TABLES,
    BoilerplateSpan,
    DocumentRow,
    EventRow,
    Extraction,
    Failure,
    FigureRow,
    FusionKey,
    MentionRow,
    Run,
    StatementRow,
    Story,
    StoryDoc,
    StoryKey,
    StoryWord,
    sync_event_search,
)

if TYPE_CHECKING:
    from ..analyze import Analysis
    from ..model import Event, Figure, Statement

MIGRATIONS = Path(__file__).parent / "migrations"


def db_url(db: str | Path) -> str:
    """A database argument as a SQLAlchemy URL: a path means a SQLite file."""
    s = str(db)
    if "://" in s:
        if s.startswith("postgresql://"):
            return "postgresql+psycopg://" + s[len("postgresql://") :]
        return s
    return f"sqlite:///{Path(s).expanduser()}"


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def make_engine(url: str, cache_mib: int = 64, mmap_mib: int = 256) -> Engine:
    """An engine for ``url``; for SQLite, each connection's page cache and memory map in MiB."""
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 30})

        @event.listens_for(engine, "connect")
        def _pragmas(conn: Any, _: Any) -> None:  # pragma: no cover - trivial
            cur = conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.execute("PRAGMA foreign_keys=ON")
            # reads of a large store (web filters over 100k events) halve with a bigger page
            # cache and memory-mapped I/O; both are per connection and cost nothing when small
            cur.execute(f"PRAGMA cache_size=-{int(cache_mib) * 1024}")
            cur.execute(f"PRAGMA mmap_size={int(mmap_mib) * 1024 * 1024}")
            cur.close()

        return engine
    return create_engine(url, pool_pre_ping=True)


# keys per fusion-index query: a chunk looks up ~50,000, and at 500 keys a query SQLAlchemy
# compiled ~100 statements per chunk (SQLite allows 32,766 parameters, PostgreSQL 65,535)
KEY_BATCH = 5000

_MIGRATE_LOCK = threading.Lock()  # Alembic's command API keeps module-level state


@lru_cache(maxsize=1)
def _alembic_config() -> tuple[Config, str | None]:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg, ScriptDirectory.from_config(cfg).get_current_head()


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest revision (Alembic); a no-op when it is already there.

    On PostgreSQL an advisory lock serializes concurrent migrators (several workers starting
    at once against a new database).
    """
    cfg, head = _alembic_config()
    with _MIGRATE_LOCK, engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(7242021)"))
        if MigrationContext.configure(conn).get_current_revision() == head:
            return
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


class SqliteSizes(TypedDict):
    """SQLite's page cache and memory map per connection, in MiB (``Store`` arguments)."""

    cache_mib: int
    mmap_mib: int


# page cache and memory map (MiB) for a run that streams a corpus into the store: on 1,000
# generated pages the run process peaked at 626 MiB with the reader settings (298 MiB of it the
# mapped store) and 322 MiB with these, in 203 s instead of 252 s
STREAMING_SQLITE: SqliteSizes = {"cache_mib": 16, "mmap_mib": 0}


class Store:
    """Typed access to the database; the CLI, the Python API and the web all go through it."""

    def __init__(
        self, db: str | Path = "sitrep.db", *, create: bool = True, cache_mib: int = 64, mmap_mib: int = 256
    ) -> None:
        """``cache_mib``, ``mmap_mib``: SQLite's page cache and memory map per connection. The
        defaults suit readers of a large store (the web's filters); a long run that writes passes
        less, because both count in its RSS, grow with the store up to their limits, and bought
        a run no speed (``STREAMING_SQLITE``)."""
        self.url = db_url(db)
        if self.url.startswith("sqlite") and not create:
            path = Path(self.url.split("///", 1)[1])
            if not path.exists():
                raise FileNotFoundError(f"no database at {path} (run `sitrep run` first)")
        self.engine = make_engine(self.url, cache_mib, mmap_mib)
        migrate(self.engine)

    def close(self) -> None:
        self.engine.dispose()

    def session(self) -> Session:
        return Session(self.engine, expire_on_commit=False)

    @contextlib.contextmanager
    def exclusive(self) -> Iterator[None]:
        """Held by one process at a time per database: fusion and story placement read what
        they will change, so two runs sharing a store take turns (saving documents does not
        wait; its content-hash key already keeps concurrent writers apart). PostgreSQL: an
        advisory lock; a SQLite file: a lock file beside it; in memory: nothing to share."""
        if self.url.startswith("postgresql"):
            with self.engine.connect() as conn:
                conn.execute(text("SELECT pg_advisory_lock(7242022)"))
                conn.commit()
                try:
                    yield
                finally:  # a lost connection has released the lock with it: keep the first error
                    with contextlib.suppress(Exception):
                        conn.execute(text("SELECT pg_advisory_unlock(7242022)"))
                        conn.commit()
            return
        path = self.url.split("///", 1)[1] if self.url.startswith("sqlite") and "///" in self.url else ""
        if not path or path == ":memory:":
            yield
            return
        with open(path + ".lock", "a") as lock:  # noqa: PTH123 - a file handle for flock
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    # -- runs and failures -------------------------------------------------------------
    def start_run(self, options: dict[str, Any]) -> int:
        with self.session() as s, s.begin():
            run = Run(started_at=_now(), status="running", options=options, counts={})
            s.add(run)
            s.flush()
            return run.id

    def finish_run(self, run_id: int, counts: dict[str, Any], status: str = "finished") -> None:
        with self.session() as s, s.begin():
            s.execute(
                update(Run).where(Run.id == run_id).values(finished_at=_now(), status=status, counts=counts)
            )

    def record_failure(self, run_id: int | None, input: str, stage: str, reason: str) -> None:
        with self.session() as s, s.begin():
            s.add(Failure(run_id=run_id, input=input, stage=stage, reason=reason))

    def runs(self) -> list[Run]:
        with self.session() as s:
            return list(s.scalars(select(Run).order_by(Run.id)))

    def failures(self, run_id: int | None = None) -> list[Failure]:
        with self.session() as s:
            q = select(Failure).order_by(Failure.id)
            if run_id is not None:
                q = q.where(Failure.run_id == run_id)
            return list(s.scalars(q))

    # -- documents ---------------------------------------------------------------------
    def known_hashes(self, hashes: Sequence[str]) -> set[str]:
        if not hashes:
            return set()
        with self.session() as s:
            rows = s.scalars(select(DocumentRow.content_hash).where(DocumentRow.content_hash.in_(hashes)))
            return set(rows)

    def save(self, run_id: int | None, analyses: Iterable[Analysis]) -> list[str]:
        """Store whole documents with their extractions; return the ids stored.

        One transaction per batch. If another writer stored one of the documents meanwhile
        (a unique-hash conflict), the batch is retried document by document and the
        conflicting ones are skipped: concurrent runs never duplicate a document.
        """
        batch = list(analyses)
        try:
            return self._save_batch(run_id, batch)
        except IntegrityError:
            stored: list[str] = []
            for a in batch:
                try:
                    stored += self._save_batch(run_id, [a])
                except IntegrityError:
                    continue
            return stored

    def _save_batch(self, run_id: int | None, analyses: list[Analysis]) -> list[str]:
        """One transaction; rows go in with three multi-row INSERTs (documents, boilerplate
        spans, extractions) after two lookups for the whole batch, not one round trip each."""
        stored: list[str] = []
        docs: list[dict[str, Any]] = []
        spans: list[dict[str, Any]] = []
        extractions: list[dict[str, Any]] = []
        with self.session() as s, s.begin():
            seq = s.scalar(select(func.coalesce(func.max(DocumentRow.seq), 0))) or 0
            hashes = {a.document.content_hash for a in analyses}
            ids = {a.document.id for a in analyses}
            known_hashes = set(s.scalars(select(DocumentRow.content_hash).where(DocumentRow.content_hash.in_(hashes))))
            taken_ids = set(s.scalars(select(DocumentRow.id).where(DocumentRow.id.in_(ids))))
            for a in analyses:
                doc = a.document
                if doc.content_hash in known_hashes:
                    continue  # another worker stored it meanwhile (or twice in this batch)
                doc_id = doc.id
                if doc_id in taken_ids:
                    doc_id = f"{doc.id}~{doc.content_hash[:8]}"  # same name, different content
                known_hashes.add(doc.content_hash)
                taken_ids.add(doc_id)
                seq += 1
                ref = a.reference
                docs.append(
                    {
                        "id": doc_id,
                        "content_hash": doc.content_hash,
                        "source": doc.source,
                        "url": doc.url,
                        "title": a.cleaned.title or doc.title,
                        "outlet": a.cleaned.outlet,
                        "published": doc.published or a.cleaned.published,
                        "reference_date": ref.value,
                        "reference_date_basis": ref.basis,
                        "reference_bounds": [ref.lower_bound, ref.upper_bound],
                        "date_warnings": list(ref.warnings),
                        "dateline": a.cleaned.dateline,
                        "text": doc.text,
                        "raw_html": doc.raw_html,
                        "run_id": run_id,
                        "seq": seq,
                    }
                )
                spans += [{"doc_id": doc_id, "start": b.start, "end": b.end, "kind": b.kind} for b in a.cleaned.boilerplate]
                records: list[Event | Statement | Figure] = [*a.events, *a.statements, *a.figures]
                for rec in records:
                    data = rec.to_json()
                    if doc_id != doc.id:
                        for m in data["mentions"]:
                            m["doc_id"] = doc_id
                    extractions.append({"id": rec.id, "kind": rec.kind, "doc_id": doc_id, "data": data, "fused_id": None})
                stored.append(doc_id)
            for table, rows in ((DocumentRow, docs), (BoilerplateSpan, spans), (Extraction, extractions)):
                if rows:
                    s.execute(insert(table), rows)
        return stored

    def document_ids(self) -> list[str]:
        with self.session() as s:
            return list(s.scalars(select(DocumentRow.id).order_by(DocumentRow.seq)))

    def iter_documents(self, batch: int = 200) -> Iterator[dict[str, Any]]:
        """Document records in ingest order, streamed in batches (flat memory)."""
        last: tuple[int, str] = (-1, "")
        while True:
            with self.session() as s:
                rows = list(s.scalars(_after(select(DocumentRow), DocumentRow, last).limit(batch)))
                if not rows:
                    return
                spans: dict[str, list[dict[str, Any]]] = {}
                for b in s.scalars(
                    select(BoilerplateSpan)
                    .where(BoilerplateSpan.doc_id.in_([r.id for r in rows]))
                    .order_by(BoilerplateSpan.start)
                ):
                    spans.setdefault(b.doc_id, []).append({"start": b.start, "end": b.end, "kind": b.kind})
            for r in rows:
                yield document_record(r, spans.get(r.id, []))
            last = (rows[-1].seq, rows[-1].id)

    def get_document(self, doc_id: str) -> dict[str, Any] | None:
        with self.session() as s:
            r = s.get(DocumentRow, doc_id)
            if r is None:
                return None
            spans = [
                {"start": b.start, "end": b.end, "kind": b.kind}
                for b in s.scalars(
                    select(BoilerplateSpan).where(BoilerplateSpan.doc_id == doc_id).order_by(BoilerplateSpan.start)
                )
            ]
            return document_record(r, spans)

    # -- extractions and fused records -------------------------------------------------
    def unfused(self, kind: str, limit: int | None = None) -> list[Extraction]:
        """Extractions not yet fused, in ingest order (the first ``limit`` of them)."""
        with self.session() as s:
            return list(s.scalars(unfused_query(kind, limit)))

    def fusion_index(self, kind: str, keys: Iterable[str], per_key: int | None = None) -> list[tuple[str, str]]:
        """(key, fused id) for every fused record holding one of ``keys``, oldest first: the
        candidates of new extractions, without re-deriving the keys of the members already fused.

        ``per_key``: only the records that got each key most recently, at most that many."""
        with self.session() as s:
            return _recent_per_key(s, FusionKey, FusionKey.fused_id, keys, per_key, FusionKey.kind == kind)

    def fused_members(
        self, kind: str, fused_ids: Iterable[str], ends: int | None = None
    ) -> dict[str, list[dict[str, Any]]]:
        """The extractions already merged into each of ``fused_ids``, in ingest order.

        ``ends``: only the first and the last ``ends`` members of each record, ranked in the store:
        how fusion reads a record fused before it kept the ids of its ends (``fusion_ends``)."""
        out: dict[str, list[dict[str, Any]]] = {}
        ids = sorted(set(fused_ids))
        order = (DocumentRow.seq, Extraction.id)
        with self.session() as s:
            for i in range(0, len(ids), 500):
                where = and_(Extraction.kind == kind, Extraction.fused_id.in_(ids[i : i + 500]))
                if ends is None:
                    q = select(Extraction.id, Extraction.fused_id, Extraction.data).where(where)
                else:  # rank members per record on narrow columns, fetch only the ends' data
                    ranked = (
                        select(
                            Extraction.id.label("id"),
                            func.row_number().over(partition_by=Extraction.fused_id, order_by=order).label("rank"),
                            func.count().over(partition_by=Extraction.fused_id).label("size"),
                        )
                        .join(DocumentRow, DocumentRow.id == Extraction.doc_id)
                        .where(where)
                        .subquery()
                    )
                    q = (
                        select(Extraction.id, Extraction.fused_id, Extraction.data)
                        .join(ranked, ranked.c.id == Extraction.id)
                        .where(or_(ranked.c.rank <= ends, ranked.c.rank > ranked.c.size - ends))
                    )
                q = q.join(DocumentRow, DocumentRow.id == Extraction.doc_id).order_by(*order)
                for eid, fid, data in s.execute(q):
                    out.setdefault(str(fid), []).append({**data, "id": eid})
        return out

    def extraction_data(self, ids: Iterable[str]) -> Iterator[tuple[str, dict[str, Any]]]:
        """(id, stored data with its ``id``) of each extraction in ``ids``, one at a time: fusion
        keeps only a signature of each, and a chunk's misses decoded together held up to 24 MiB."""
        wanted = sorted(set(ids))
        with self.session() as s:
            for i in range(0, len(wanted), 500):
                q = select(Extraction.id, Extraction.data).where(Extraction.id.in_(wanted[i : i + 500]))
                for eid, data in s.execute(q):
                    yield eid, {**data, "id": eid}

    def fusion_ends(self, kind: str, fused_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        """The kept member ends ({"first": ids, "last": ids}) of those of ``fused_ids`` that have them."""
        return self._fusion_column(kind, "ends", fused_ids)

    def fusion_tallies(self, kind: str, fused_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        """The stored tallies (``fuse.new_tally``) of those of ``fused_ids`` that have one."""
        return self._fusion_column(kind, "tally", fused_ids)

    def _fusion_column(self, kind: str, name: str, fused_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        table = FUSED_TABLES[kind]
        column = getattr(table, name)
        ids = sorted(set(fused_ids))
        out: dict[str, dict[str, Any]] = {}
        with self.session() as s:
            for i in range(0, len(ids), 500):
                q = select(table.id, column).where(table.id.in_(ids[i : i + 500]), column.is_not(None))
                out.update((str(fid), v) for fid, v in s.execute(q) if v)  # a JSON null is none either
        return out

    def write_fused(
        self,
        kind: str,
        records: list[dict[str, Any]],
        links: dict[str, str],
        keys: Iterable[tuple[str, str]] = (),
        mentions: Iterable[dict[str, Any]] | None = None,
        tallies: dict[str, dict[str, Any]] | None = None,
        ends: dict[str, dict[str, Any]] | None = None,
        trim_keys: Iterable[str] = (),
        keys_kept: int | None = None,
    ) -> None:
        """Upsert fused records, add their mentions and blocking keys and mark extractions as
        fused: one transaction, so a kill leaves either all of it or none.

        ``mentions``: the mention rows new to these records (each with its ``record_id`` and
        ``extraction_id``); fusion only ever adds members, so a record that gains a report gets
        one more row instead of all of them rewritten. ``None``: replace every record's
        mentions with its ``mentions`` list.

        ``tallies``: each record's fusion tally (``fuse.new_tally``), stored with it; ``ends``:
        the ids of its compared members (``fusion_ends``). ``trim_keys``: keys that now hold
        more than ``keys_kept`` records, of which only the ``keys_kept`` last stay."""
        tallies = tallies or {}
        ends = ends or {}
        appending = mentions is not None
        table = FUSED_TABLES[kind]
        records = list({d["id"]: d for d in records}.values())  # one row per id: the last version wins
        with self.session() as s, s.begin():
            seq = s.scalar(select(func.coalesce(func.max(table.seq), 0))) or 0
            ids = [d["id"] for d in records]
            existing: set[str] = set()
            for i in range(0, len(ids), 500):
                existing.update(s.scalars(select(table.id).where(table.id.in_(ids[i : i + 500]))))
                if mentions is None:
                    s.execute(
                        delete(MentionRow).where(
                            MentionRow.record_kind == kind, MentionRow.record_id.in_(ids[i : i + 500])
                        )
                    )
            if mentions is None:
                mentions = [{**m, "record_id": d["id"]} for d in records for m in d["mentions"]]
            new_rows: list[dict[str, Any]] = []
            changed: list[dict[str, Any]] = []
            for data in records:
                row = {"id": data["id"], "data": _without_mentions(data), **_columns(kind, data)}
                row["tally"] = tallies.get(data["id"])
                row["ends"] = ends.get(data["id"])
                if data["id"] in existing:
                    changed.append(row)
                else:
                    seq += 1
                    new_rows.append({**row, "seq": seq})
            mention_rows = [
                {"record_kind": kind, "record_id": m["record_id"], "extraction_id": m.get("extraction_id"),
                 "doc_id": m["doc_id"], "start": m["start"], "end": m["end"], "text": m["text"]}
                for m in mentions
            ]  # fmt: skip
            if new_rows:
                s.execute(insert(table.__table__), new_rows)  # Core executemany: no ORM bookkeeping
            if changed:
                s.execute(update(table), changed)  # bulk UPDATE by primary key
            if mention_rows:
                s.execute(insert(MentionRow.__table__), mention_rows)
            if kind == "event":  # lookup rows of the web API's filters and text search
                if appending:  # an existing event's body grows by its new mentions' text
                    texts: dict[str, list[str]] = defaultdict(list)
                    for m in mention_rows:
                        texts[m["record_id"]].append(m["text"])
                else:
                    texts = {d["id"]: [m["text"] for m in d["mentions"]] for d in records}
                items = [(d["id"], _columns(kind, d), texts.get(d["id"], [])) for d in records]
                sync_event_search(s, items, appended=existing if appending else set())
            key_rows = [{"kind": kind, "key": k, "fused_id": f} for k, f in keys]
            if key_rows:
                s.execute(insert(FusionKey.__table__), key_rows)
            if keys_kept is not None:
                _trim_per_key(s, FusionKey, trim_keys, keys_kept, FusionKey.kind == kind)
            if links:
                s.execute(update(Extraction), [{"id": e, "fused_id": f} for e, f in links.items()])

    def iter_records(self, kind: str, batch: int = 500) -> Iterator[dict[str, Any]]:
        """Fused records of one kind with their mentions, streamed in store order."""
        table = FUSED_TABLES[kind]
        last: tuple[int, str] = (-1, "")
        while True:
            with self.session() as s:
                rows = list(s.scalars(_after(select(table), table, last).limit(batch)))
                if not rows:
                    return
                mentions: dict[str, list[dict[str, Any]]] = {}
                q = (
                    select(MentionRow)
                    .where(MentionRow.record_kind == kind, MentionRow.record_id.in_([r.id for r in rows]))
                    .order_by(MentionRow.id)
                )
                for m in s.scalars(q):
                    mentions.setdefault(m.record_id, []).append(
                        {"doc_id": m.doc_id, "start": m.start, "end": m.end, "text": m.text}
                    )
            for r in rows:
                yield {**r.data, "mentions": mentions.get(r.id, [])}
            last = (rows[-1].seq, rows[-1].id)

    def get_record(self, kind: str, record_id: str) -> dict[str, Any] | None:
        table = FUSED_TABLES[kind]
        with self.session() as s:
            r = s.get(table, record_id)
            if r is None:
                return None
            ms = s.scalars(
                select(MentionRow)
                .where(MentionRow.record_kind == kind, MentionRow.record_id == record_id)
                .order_by(MentionRow.id)
            )
            return {
                **r.data,
                "mentions": [{"doc_id": m.doc_id, "start": m.start, "end": m.end, "text": m.text} for m in ms],
            }

    def save_stories(self, stories: list[dict[str, Any]]) -> None:
        """Replace every story record (the incremental placement writes through
        ``save_story_placements``)."""
        with self.session() as s, s.begin():
            s.query(Story).delete()
            for st in stories:
                s.add(Story(id=st["id"], data=st))

    def iter_stories(self, batch: int = 500) -> Iterator[dict[str, Any]]:
        """Story records in id order, streamed in batches."""
        last = ""
        while True:
            with self.session() as s:
                rows = list(s.execute(select(Story.id, Story.data).where(Story.id > last).order_by(Story.id).limit(batch)))
            if not rows:
                return
            for _, data in rows:
                yield data
            last = rows[-1][0]

    # -- incremental stories (``sitrep.stories``) ---------------------------------------------
    def unplaced_documents(self, limit: int, everywhere: bool = False) -> list[dict[str, Any]]:
        """The first ``limit`` documents (ingest order) not yet placed in a story, each with
        its ``seq``. Only those stored after the last placed one unless ``everywhere``
        (concurrent runs can commit documents out of order): a run's every batch does not
        rescan the store."""
        with self.session() as s:
            q = (
                select(DocumentRow)
                .outerjoin(StoryDoc, StoryDoc.doc_id == DocumentRow.id)
                .where(StoryDoc.doc_id.is_(None))
                .order_by(DocumentRow.seq, DocumentRow.id)
                .limit(limit)
            )
            if not everywhere:
                q = q.where(DocumentRow.seq >= select(func.coalesce(func.max(StoryDoc.seq), 0)).scalar_subquery())
            rows = list(s.scalars(q))
            spans: dict[str, list[dict[str, Any]]] = defaultdict(list)
            if rows:
                for b in s.scalars(
                    select(BoilerplateSpan)
                    .where(BoilerplateSpan.doc_id.in_([r.id for r in rows]))
                    .order_by(BoilerplateSpan.start)
                ):
                    spans[b.doc_id].append({"start": b.start, "end": b.end, "kind": b.kind})
            return [document_record(r, spans.get(r.id, [])) | {"seq": r.seq} for r in rows]

    def events_of_documents(self, doc_ids: Iterable[str]) -> dict[str, list[dict[str, Any]]]:
        """The fused events each document reports (through its mentions): the fields story
        placement reads (actors' and place's names, date fields, status), not the whole record,
        whose sources and disagreements grow with every report of it."""
        ids = sorted(set(doc_ids))
        out: dict[str, list[dict[str, Any]]] = defaultdict(list)
        in_json = ("date_precision", "date_start", "date_end", "status")
        with self.session() as s:
            for i in range(0, len(ids), 500):
                q = (
                    select(MentionRow.doc_id, EventRow.id, EventRow.actor1, EventRow.actor2, EventRow.location,
                           EventRow.date, *(EventRow.data[f].as_string() for f in in_json))
                    .join(EventRow, EventRow.id == MentionRow.record_id)
                    .where(MentionRow.record_kind == "event", MentionRow.doc_id.in_(ids[i : i + 500]))
                    .order_by(MentionRow.doc_id, EventRow.id)
                )  # fmt: skip
                for doc_id, eid, actor1, actor2, place, date, *rest in s.execute(q):
                    if out[doc_id] and out[doc_id][-1]["id"] == eid:
                        continue  # an event a document mentions twice comes twice
                    ev = {"id": eid, "date": date, **{f: v for f, v in zip(in_json, rest, strict=True) if v is not None}}
                    for field, name in (("actor1", actor1), ("actor2", actor2), ("location", place)):
                        ev[field] = {"name": name} if name else None
                    out[doc_id].append(ev)
        return dict(out)

    def story_lookup(self, keys: Iterable[str], per_key: int) -> list[tuple[str, str]]:
        """(key, document id) of the placed documents holding ``keys``: at most ``per_key``
        per key, those that got it last, oldest first."""
        with self.session() as s:
            return _recent_per_key(s, StoryKey, StoryKey.doc_id, keys, per_key)

    def placed_documents(self, doc_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        """Story features of placed documents, with their ``duplicate_of``, without their TF-IDF
        vectors (``placed_vectors``): four fifths of their size, and not needed to compare
        documents that share an event. The event ids and keys are interned: the documents of
        one story chunk share most of them."""
        ids = sorted(set(doc_ids))
        out: dict[str, dict[str, Any]] = {}
        cols = (StoryDoc.doc_id, StoryDoc.seq, StoryDoc.story_id, StoryDoc.day, StoryDoc.minhash,
                StoryDoc.events, StoryDoc.keys, DocumentRow.duplicate_of)  # fmt: skip
        with self.session() as s:
            for i in range(0, len(ids), 500):
                q = select(*cols).join(DocumentRow, DocumentRow.id == StoryDoc.doc_id)
                for doc_id, seq, story, day, minhash, events, keys, dup in s.execute(
                    q.where(StoryDoc.doc_id.in_(ids[i : i + 500]))
                ):
                    out[doc_id] = {
                        "id": doc_id, "seq": seq, "story": story, "day": day, "minhash": minhash,
                        "events": [sys.intern(e) for e in events or []], "keys": [sys.intern(k) for k in keys or []],
                        "duplicate_of": dup,
                    }  # fmt: skip
        return out

    def placed_vectors(self, doc_ids: Iterable[str]) -> dict[str, dict[str, float]]:
        """The TF-IDF vector of each placed document in ``doc_ids``, its words interned (one
        copy of a word the compared documents share: half of what a chunk held)."""
        ids = sorted(set(doc_ids))
        out: dict[str, dict[str, float]] = {}
        with self.session() as s:
            for i in range(0, len(ids), 500):
                q = select(StoryDoc.doc_id, StoryDoc.vector).where(StoryDoc.doc_id.in_(ids[i : i + 500]))
                for doc_id, vector in s.execute(q):
                    out[doc_id] = {sys.intern(w): v for w, v in (vector or {}).items()}
        return out

    def story_states(self, story_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        """Record, dated span and members of each story in ``story_ids``."""
        ids = sorted(set(story_ids))
        out: dict[str, dict[str, Any]] = {}
        with self.session() as s:
            for i in range(0, len(ids), 500):
                q = select(Story.id, Story.data, Story.span_lo, Story.span_hi, Story.members)
                for sid, data, lo, hi, members in s.execute(q.where(Story.id.in_(ids[i : i + 500]))):
                    out[sid] = {"data": data, "span": (lo, hi) if lo else None, "members": members or []}
        return out

    def document_frequencies(self, words: Iterable[str]) -> dict[str, int]:
        ws = sorted(set(words))
        out: dict[str, int] = {}
        with self.session() as s:
            for i in range(0, len(ws), 500):
                q = select(StoryWord.word, StoryWord.df).where(StoryWord.word.in_(ws[i : i + 500]))
                out.update((w, n) for w, n in s.execute(q))
        return out

    def placed_count(self) -> int:
        with self.session() as s:
            return s.scalar(select(func.count()).select_from(StoryDoc)) or 0

    def save_story_placements(
        self,
        docs: list[dict[str, Any]],
        keys: list[tuple[str, str]],
        frequencies: dict[str, tuple[int, int]],
        stories: dict[str, dict[str, Any]],
        duplicates: dict[str, str | None],
        repoint: dict[str, str],
        trim_keys: Iterable[str] = (),
        keys_kept: int | None = None,
    ) -> None:
        """One transaction for a chunk of placed documents: their features and keys (``trim_keys``
        now hold more than ``keys_kept`` documents, of which the last ``keys_kept`` stay), the new
        document frequencies (word -> (old, new); old 0 for a new word), the stories they
        changed (id -> state as ``story_states`` gives it), their ``duplicate_of`` marks, and
        older copies' marks moved to a new, earlier original (``repoint``: old -> new)."""
        with self.session() as s, s.begin():
            if docs:
                s.execute(insert(StoryDoc.__table__), docs)
            if keys:
                s.execute(insert(StoryKey.__table__), [{"key": k, "doc_id": d} for k, d in keys])
            if keys_kept is not None:
                _trim_per_key(s, StoryKey, trim_keys, keys_kept)
            new_words = [{"word": w, "df": n} for w, (old, n) in frequencies.items() if old == 0]
            changed_words = [{"word": w, "df": n} for w, (old, n) in frequencies.items() if old]
            if new_words:
                s.execute(insert(StoryWord.__table__), new_words)
            if changed_words:
                s.execute(update(StoryWord), changed_words)
            existing: set[str] = set()
            ids = sorted(stories)
            for i in range(0, len(ids), 500):
                existing.update(s.scalars(select(Story.id).where(Story.id.in_(ids[i : i + 500]))))
            rows = [{"id": sid, "data": st["data"], "span_lo": (st["span"] or (None, None))[0],
                     "span_hi": (st["span"] or (None, None))[1], "members": st["members"]}
                    for sid, st in stories.items()]  # fmt: skip
            if fresh := [r for r in rows if r["id"] not in existing]:
                s.execute(insert(Story.__table__), fresh)
            if known := [r for r in rows if r["id"] in existing]:
                s.execute(update(Story), known)
            for old, new in repoint.items():
                s.execute(update(DocumentRow).where(DocumentRow.duplicate_of == old).values(duplicate_of=new))
            if duplicates:
                s.execute(update(DocumentRow), [{"id": d, "duplicate_of": v} for d, v in duplicates.items()])

    def set_duplicates(self, pairs: dict[str, str | None]) -> None:
        with self.session() as s, s.begin():
            for doc_id, dup in pairs.items():
                s.execute(update(DocumentRow).where(DocumentRow.id == doc_id).values(duplicate_of=dup))

    def counts(self) -> dict[str, int]:
        with self.session() as s:
            out = {"documents": s.scalar(select(func.count()).select_from(DocumentRow)) or 0}
            for kind, table in (("events", EventRow), ("statements", StatementRow), ("figures", FigureRow)):
                out[kind] = s.scalar(select(func.count()).select_from(table)) or 0
            out["failures"] = s.scalar(select(func.count()).select_from(Failure)) or 0
            return out


def _recent_per_key(
    s: Session, table: Any, value: Any, keys: Iterable[str], per_key: int | None, where: Any = None
) -> list[tuple[str, str]]:
    """(key, value) rows of a key table for ``keys``, oldest first; with ``per_key``, only
    the rows that got each key last, at most that many (a key thousands share says little).

    Writers keep no more rows than that per key (``_trim_per_key``), so the rows are read
    plainly and cut here: ranking them in SQL cost a third more on keys that are never full."""
    out: list[tuple[str, str]] = []
    ordered = sorted(set(keys))
    intern = sys.intern  # a key comes back once per row, a record or document once per key it holds
    for i in range(0, len(ordered), KEY_BATCH):
        cond = table.key.in_(ordered[i : i + KEY_BATCH])
        if where is not None:
            cond = and_(where, cond)
        rows = [(intern(k), intern(v)) for k, v in s.execute(select(table.key, value).where(cond).order_by(table.id))]
        if per_key is not None:  # a store written before the trimming may still hold more
            seen: Counter[str] = Counter()
            recent = []
            for k, v in reversed(rows):
                seen[k] += 1
                if seen[k] <= per_key:
                    recent.append((k, v))
            rows = recent[::-1]
        out += rows
    return out


def unfused_query(kind: str, limit: int | None = None) -> Any:
    """Extractions of ``kind`` not yet fused, in ingest order (found by ``ix_extractions_unfused``)."""
    q = (
        select(Extraction)
        .join(DocumentRow, DocumentRow.id == Extraction.doc_id)
        .where(Extraction.kind == kind, Extraction.fused_id.is_(None))
        .order_by(DocumentRow.seq, Extraction.id)
    )
    return q if limit is None else q.limit(limit)


def _trim_per_key(s: Session, table: Any, keys: Iterable[str], keep: int, where: Any = None) -> None:
    """Delete the rows of ``keys`` beyond the ``keep`` that got each key last: the only rows
    ``_recent_per_key`` returns with ``per_key=keep``, so a key every document shares does not
    make each lookup rank thousands of rows."""
    ordered = sorted(set(keys))
    for i in range(0, len(ordered), KEY_BATCH):
        cond = table.key.in_(ordered[i : i + KEY_BATCH])
        if where is not None:
            cond = and_(where, cond)
        recent = func.row_number().over(partition_by=table.key, order_by=table.id.desc())
        ranked = select(table.id.label("id"), recent.label("r")).where(cond).subquery()
        s.execute(delete(table).where(table.id.in_(select(ranked.c.id).where(ranked.c.r > keep))))


def _after(query: Any, table: Any, last: tuple[int, str]) -> Any:
    """Keyset pagination on (seq, id): stable even when concurrent writers share a seq."""
    seq, ident = last
    cond = or_(table.seq > seq, and_(table.seq == seq, table.id > ident))
    return query.where(cond).order_by(table.seq, table.id)


def document_record(r: DocumentRow, spans: list[dict[str, Any]]) -> dict[str, Any]:
    rec: dict[str, Any] = {
        "type": "document",
        "id": r.id,
        "source": r.source,
        "url": r.url,
        "title": r.title,
        "outlet": r.outlet,
        "published": r.published,
        "reference_date": r.reference_date,
        "reference_date_basis": r.reference_date_basis,
        "reference_date_bounds": r.reference_bounds or [None, None],
        "date_warnings": r.date_warnings or [],
        "dateline": r.dateline,
        "duplicate_of": r.duplicate_of,
        "content_hash": r.content_hash,
        "text": r.text,
        "boilerplate": spans,
    }
    if r.raw_html is not None:
        rec["html"] = r.raw_html
    return rec


def _without_mentions(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if k != "mentions"}


def _columns(kind: str, d: dict[str, Any]) -> dict[str, Any]:
    """The indexed columns of a fused record, derived from its JSON."""
    if kind == "event":
        loc = d.get("location") or {}
        return {
            "date": d.get("date"),
            "plover_type": d.get("plover_type") or "",
            "acled_event_type": d.get("acled_event_type"),
            "acled_sub_event_type": d.get("acled_sub_event_type"),
            "actor1": (d.get("actor1") or {}).get("name"),
            "actor2": (d.get("actor2") or {}).get("name"),
            "location": loc.get("name"),
            "admin1": loc.get("admin1"),
            "country": loc.get("country"),
            "status": d.get("status") or "occurred",
            "fatalities": d.get("fatalities"),
            "summary": d.get("summary") or "",
        }
    if kind == "statement":
        sp = d.get("speaker") or {}
        return {
            "date": d.get("date"),
            "speaker": sp.get("name") or sp.get("organization"),
            "intent": d.get("intent") or "other",
            "quote": d.get("quote") or "",
        }
    return {
        "date": d.get("period_start") or d.get("date"),
        "measure": d.get("measure") or "",
        "subject": d.get("subject"),
        "value": float(d.get("value") or 0),
        "unit": d.get("unit") or "",
    }
