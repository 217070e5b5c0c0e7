"""The store: typed reads and writes of runs, documents, fused records and stories.

All writes for one batch of documents go through one transaction, so a run killed at any
point leaves whole documents (with all their extractions) or nothing; documents are keyed by
content hash, so a resumed run skips what is stored and adds no duplicates.

The engine and migrations are in ``engine``, the connection and lock in ``base``, story
placement's persistence in ``placement``; fusion's persistence lives with fusion
(``sitrep.fuse.persist``).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, insert, select, update
from sqlalchemy.exc import IntegrityError

from ..model import stable_id
from . import sql
from .engine import STREAMING_SQLITE, _alembic_config, db_url, make_engine, migrate, now
from .placement import StoryPlacements
from .records import document_record, pack_evidence, records_by_id, with_supports
from .schema import (
    FUSED_TABLES,
    BoilerplateSpan,
    DocumentRow,
    EventRow,
    Extraction,
    Failure,
    FigureRow,
    Run,
    StatementRow,
    Story,
)

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from ..analyze import Analysis
    from ..model import Event, Figure, Statement

__all__ = ["STREAMING_SQLITE", "Store", "_alembic_config", "db_url", "document_record", "make_engine", "migrate"]


class Store(StoryPlacements):
    """Typed access to the database; the CLI, the Python API and the web all go through it."""

    # -- runs and failures -------------------------------------------------------------
    def start_run(self, options: dict[str, Any]) -> int:
        with self.session() as s, s.begin():
            run = Run(started_at=now(), status="running", options=options, counts={})
            s.add(run)
            s.flush()
            return run.id

    def finish_run(self, run_id: int, counts: dict[str, Any], status: str = "finished") -> None:
        with self.session() as s, s.begin():
            s.execute(
                update(Run).where(Run.id == run_id).values(finished_at=now(), status=status, counts=counts)
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
    def stored_ids(self, hashes: Sequence[str]) -> dict[str, set[str]]:
        """The ids each of ``hashes`` is stored under (an original and its copies)."""
        if not hashes:
            return {}
        with self.session() as s:
            return _ids_by_hash(s, hashes)

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
            stored_as = _ids_by_hash(s, hashes)
            taken_ids = set(s.scalars(select(DocumentRow.id).where(DocumentRow.id.in_(ids))))
            for a in analyses:
                doc = a.document
                copies = stored_as.setdefault(doc.content_hash, set())
                if copies & own_ids(doc):
                    continue  # stored already: by another worker meanwhile, or twice in this batch
                doc_id = doc.id
                if doc_id in taken_ids:
                    doc_id = f"{doc.id}~{doc.content_hash[:8]}"  # same name, different content
                records: list[Event | Statement | Figure] = [*a.events, *a.statements, *a.figures]
                renamed = copy_ids(records, doc_id) if copies else {}  # the same text under another id
                copies.add(doc_id)
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
                for rec in records:
                    data: dict[str, Any] = dict(rec.to_json())
                    if doc_id != doc.id:
                        for m in data["mentions"]:
                            m["doc_id"] = doc_id
                    if renamed:
                        data = with_ids(data, renamed)
                    # the extraction's document is its own: evidence is kept without it (a fifth of the row)
                    data["evidence"] = pack_evidence(data["evidence"])
                    extractions.append({"id": renamed.get(rec.id, rec.id), "kind": rec.kind, "doc_id": doc_id, "data": data,
                                        "fused_id": None})  # fmt: skip
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
                rows = list(s.scalars(sql.after(select(DocumentRow), DocumentRow, last).limit(batch)))
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

    def iter_records(self, kind: str, batch: int = 500) -> Iterator[dict[str, Any]]:
        """Fused records of one kind with their mentions, streamed in store order."""
        table = FUSED_TABLES[kind]
        last: tuple[int, str] = (-1, "")
        while True:
            with self.session() as s:
                rows = list(s.scalars(sql.after(select(table), table, last).limit(batch)))
                if not rows:
                    return
                records = with_supports(s, kind, [(r.id, r.data) for r in rows])
            yield from records
            last = (rows[-1].seq, rows[-1].id)

    def get_record(self, kind: str, record_id: str) -> dict[str, Any] | None:
        with self.session() as s:
            found = records_by_id(s, kind, [record_id])
        return found[0] if found else None

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

    def set_duplicates(self, pairs: dict[str, str | None]) -> None:
        with self.session() as s, s.begin():
            for doc_id, dup in pairs.items():
                s.execute(update(DocumentRow).where(DocumentRow.id == doc_id).values(duplicate_of=dup))

    def counts(self, session: Session | None = None) -> dict[str, int]:
        """Rows of each kind; read in ``session`` when given (a web page's: one connection a request).

        Kept until the database changes (``change_mark``): every web page shows them, and
        counting a million events cost 10 ms on SQLite and more on PostgreSQL, on every page."""
        with contextlib.nullcontext(session) if session is not None else self.session() as s:
            mark = self.change_mark(s)
            kept = self._counts
            if mark is not None and kept is not None and kept[0] == mark:
                return dict(kept[1])
            out = self._count_rows(s)
            self._counts = (mark, out)
            return dict(out)

    @staticmethod
    def _count_rows(s: Session) -> dict[str, int]:
        out = {"documents": s.scalar(select(func.count()).select_from(DocumentRow)) or 0}
        for kind, table in (("events", EventRow), ("statements", StatementRow), ("figures", FigureRow)):
            out[kind] = s.scalar(select(func.count()).select_from(table)) or 0
        out["failures"] = s.scalar(select(func.count()).select_from(Failure)) or 0
        return out


def own_ids(doc: Any) -> set[str]:
    """The ids a document's text is stored under when that document is already stored: its own,
    or its own with its hash (``_save_batch``: same name, different content)."""
    return {doc.id, f"{doc.id}~{doc.content_hash[:8]}"}


def _ids_by_hash(s: Any, hashes: Iterable[str]) -> dict[str, set[str]]:
    """The ids each of ``hashes`` is stored under, in session ``s``."""
    out: dict[str, set[str]] = {}
    for h, ident in s.execute(select(DocumentRow.content_hash, DocumentRow.id).where(DocumentRow.content_hash.in_(hashes))):
        out.setdefault(h, set()).add(ident)
    return out


def copy_ids(records: Iterable[Event | Statement | Figure], doc_id: str) -> dict[str, str]:
    """New ids for the records of a copy (the same text, stored under another id): a record's
    id comes from the text's hash, so the copy's would be its original's."""
    return {r.id: stable_id(r.id, doc_id) for r in records}


_LINKS = ("statement_ids", "event_ids")  # records of one document that point at each other


def with_ids(data: dict[str, Any], renamed: dict[str, str]) -> dict[str, Any]:
    """A record's data with its links to the other records of its document renamed."""
    out = dict(data)
    for key in _LINKS:
        if isinstance(out.get(key), list):
            out[key] = [renamed.get(i, i) for i in out[key]]
    if "id" in out:
        out["id"] = renamed.get(out["id"], out["id"])
    return out
