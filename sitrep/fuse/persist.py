"""Fusion's persistence: pending extractions, the fused records with their tallies, kept member
ends and blocking keys, and the one transaction that writes a fused chunk.

``FusionStore`` wraps an open ``Store``: the store keeps documents and records, fusion owns how
they are fused."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from typing import Any, NamedTuple

from sqlalchemy import (
    JSON,
    String,
    and_,
    cast,
    delete,
    func,
    insert,
    literal,
    or_,
    select,
    type_coerce,
    update,
)
from sqlalchemy.dialects.postgresql import ARRAY, JSONB

from ..batches import batched
from ..chronology import timeline_bounds
from ..store import Store, sql
from ..store.records import pack_evidence
from ..store.schema import FUSED_TABLES, DocumentRow, Extraction, FusionKey, MentionRow, sync_event_search


class Pending(NamedTuple):
    """An extraction fusion has still to do."""

    id: str
    data: dict[str, Any]


class FusionStore:
    """The fusion-shaped reads and writes of a store."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def unfused(
        self, kind: str, limit: int | None = None, partition: tuple[int, int] | None = None
    ) -> list[tuple[Pending, int]]:
        """Extractions not yet fused (their id and data) with their document's seq, in ingest
        order (the first ``limit`` of them); ``partition`` (index, count): only those of that
        partition. Read as plain rows: ORM objects cost more to load than their JSON to decode."""
        with self.store.session() as s:
            return [(Pending(eid, data), seq) for eid, data, seq in s.execute(unfused_query(kind, limit, partition))]

    def assign_blocks(self, block_of: Callable[[str, dict[str, Any]], int]) -> int:
        """Give every pending extraction without one its fusion block number; returns how many."""
        done = 0
        with self.store.session() as s, s.begin():
            q = select(Extraction.id, Extraction.kind, Extraction.data).where(
                Extraction.fused_id.is_(None), Extraction.fusion_block.is_(None)
            )
            rows = [{"id": eid, "fusion_block": block_of(kind, data)} for eid, kind, data in s.execute(q)]
            for part in batched(rows, 5000):
                s.execute(update(Extraction), part)
                done += len(part)
        return done

    def fusion_index(
        self, kind: str, keys: Iterable[str], per_key: sql.PerKey | None = None, overfull: set[str] | None = None
    ) -> list[tuple[str, str]]:
        """(key, fused id) for every fused record holding one of ``keys``, oldest first: the
        candidates of new extractions, without re-deriving the keys of the members already fused.

        ``per_key``: only the records that got each key most recently, at most that many;
        ``overfull`` gets the keys that held more (``sql.recent_per_key``)."""
        with self.store.session() as s:
            return sql.recent_per_key(
                s, FusionKey, FusionKey.fused_id, keys, per_key, FusionKey.kind == kind, overfull=overfull
            )

    def held_keys(self, kind: str, pairs: Iterable[tuple[str, str]]) -> set[tuple[str, str]]:
        """The (key, fused id) pairs of ``pairs`` the store already holds: keys a merge would add
        to a record that holds them under keys no report of the chunk looked up."""
        wanted = set(pairs)
        out: set[tuple[str, str]] = set()
        fids = sorted({f for _, f in wanted})
        with self.store.session() as s:
            for part in batched(fids, 500):
                these = set(part)
                q = select(FusionKey.key, FusionKey.fused_id).where(
                    FusionKey.kind == kind,
                    FusionKey.fused_id.in_(part),
                    FusionKey.key.in_(sorted({k for k, f in wanted if f in these})),
                )
                out.update((k, f) for k, f in s.execute(q) if (k, f) in wanted)
        return out

    def fused_members(
        self, kind: str, fused_ids: Iterable[str], ends: int | None = None
    ) -> dict[str, list[dict[str, Any]]]:
        """The extractions already merged into each of ``fused_ids``, in ingest order.

        ``ends``: only the first and the last ``ends`` members of each record, ranked in the store:
        how fusion reads a record fused before it kept the ids of its ends (``fusion_ends``)."""
        out: dict[str, list[dict[str, Any]]] = {}
        ids = sorted(set(fused_ids))
        order = (DocumentRow.seq, Extraction.id)
        with self.store.session() as s:
            for part in batched(ids, 500):
                where = and_(Extraction.kind == kind, Extraction.fused_id.in_(part))
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
        """(id, stored data with its ``id``, without ``UNCOMPARED_FIELDS``) of each extraction in
        ``ids``, one at a time: fusion keeps only a signature of each, and a chunk's misses
        decoded together held up to 24 MiB."""
        wanted = sorted(set(ids))
        with self.store.session() as s:
            data = _without(s, Extraction.data, UNCOMPARED_FIELDS)
            for part in batched(wanted, 500):
                q = select(Extraction.id, data).where(Extraction.id.in_(part))
                for eid, value in s.execute(q):
                    yield eid, {**value, "id": eid}

    def fusion_ends(self, kind: str, fused_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        """The kept member ends ({"first": ids, "last": ids}) of those of ``fused_ids`` that have them."""
        return self._fusion_column(kind, "ends", fused_ids)

    def fusion_tallies(self, kind: str, fused_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        """The stored tallies (``tally.new_tally``) of those of ``fused_ids`` that have one."""
        return self._fusion_column(kind, "tally", fused_ids)

    def _fusion_column(self, kind: str, name: str, fused_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        table = FUSED_TABLES[kind]
        column = getattr(table, name)
        ids = sorted(set(fused_ids))
        out: dict[str, dict[str, Any]] = {}
        with self.store.session() as s:
            for part in batched(ids, 500):
                q = select(table.id, column).where(table.id.in_(part), column.is_not(None))
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
        keys_kept: sql.PerKey | None = None,
        seqs: dict[str, int] | None = None,
    ) -> None:
        """Upsert fused records, add their mentions and blocking keys and mark extractions as
        fused: one transaction, so a kill leaves either all of it or none.

        ``mentions``: the mention rows new to these records (each with its ``record_id`` and
        ``extraction_id``); fusion only ever adds members, so a record that gains a report gets
        one more row instead of all of them rewritten. ``None``: replace every record's
        mentions with its ``mentions`` list.

        ``tallies``: each record's fusion tally (``tally.new_tally``), stored with it; ``ends``:
        the ids of its compared members (``fusion_ends``). ``trim_keys``: keys that now hold
        more than ``keys_kept`` records, of which only the ``keys_kept`` last stay.

        ``seqs``: a new record's place in order, the seq of its first report's document (so
        that partitions writing in parallel number records as one process would); a new record
        without one (written without members, as an import does) comes after all others."""
        tallies = tallies or {}
        seqs = seqs or {}
        ends = ends or {}
        appending = mentions is not None
        table = FUSED_TABLES[kind]
        records = list({d["id"]: d for d in records}.values())  # one row per id: the last version wins
        with self.store.session() as s, s.begin():
            seq = s.scalar(select(func.coalesce(func.max(table.seq), 0))) or 0
            ids = [d["id"] for d in records]
            existing: set[str] = set()
            for part in batched(ids, 500):
                existing.update(s.scalars(select(table.id).where(table.id.in_(part))))
                if mentions is None:
                    s.execute(
                        delete(MentionRow).where(
                            MentionRow.record_kind == kind, MentionRow.record_id.in_(part)
                        )
                    )
            if mentions is None:
                mentions = [m | {"record_id": d["id"]} for d in records for m in supported_mentions(d)]
            new_rows: list[dict[str, Any]] = []
            changed: list[dict[str, Any]] = []
            for data in records:
                row = {"id": data["id"], "data": without_mentions(data), **columns(kind, data)}
                row["tally"] = tallies.get(data["id"])
                row["ends"] = ends.get(data["id"])
                if data["id"] in existing:
                    changed.append(row)
                elif data["id"] in seqs:
                    new_rows.append({**row, "seq": seqs[data["id"]]})
                else:
                    seq += 1
                    new_rows.append({**row, "seq": seq})
            mention_rows = [
                {"record_kind": kind, "record_id": m["record_id"], "extraction_id": m.get("extraction_id"),
                 "doc_id": m["doc_id"], "start": m["start"], "end": m["end"], "text": m["text"],
                 "evidence": m.get("evidence")}
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
                items = [(d["id"], columns(kind, d), texts.get(d["id"], [])) for d in records]
                sync_event_search(s, items, appended=existing if appending else set())
            sql.insert_tuples(s, FusionKey.__table__, ("kind", "key", "fused_id"), [(kind, k, f) for k, f in keys])
            if keys_kept is not None:
                sql.trim_per_key(s, FusionKey, trim_keys, keys_kept, FusionKey.kind == kind)
            sql.update_by_id(s, Extraction.__table__, "fused_id", [(f, e) for e, f in links.items()])


# what no matcher or blocking key reads of an extraction: dropped in the database before a
# compared member's data is decoded (evidence is a third of an event's JSON; decoding half the
# text halves the cost of a member whose signature left the kept ones)
UNCOMPARED_FIELDS = ("evidence", "summary", "trigger", "statement_ids", "disagreements")


def _without(s: Any, column: Any, fields: tuple[str, ...]) -> Any:
    """A JSON column without some of its top-level fields, removed by the database."""
    dialect = s.get_bind().dialect.name
    if dialect == "sqlite":
        return type_coerce(func.json_remove(column, *(f"$.{f}" for f in fields)), JSON)
    if dialect == "postgresql":
        return type_coerce(cast(column, JSONB).op("-")(literal(list(fields), ARRAY(String))), JSON)
    return column


def unfused_query(kind: str, limit: int | None = None, partition: tuple[int, int] | None = None) -> Any:
    """(extraction, document seq) of ``kind`` not yet fused, in ingest order (found by
    ``ix_extractions_unfused``); ``partition`` (index, count): block number modulo count."""
    q = (
        select(Extraction.id, Extraction.data, DocumentRow.seq)
        .join(DocumentRow, DocumentRow.id == Extraction.doc_id)
        .where(Extraction.kind == kind, Extraction.fused_id.is_(None))
        .order_by(DocumentRow.seq, Extraction.id)
    )
    if partition is not None:
        index, count = partition
        q = q.where(Extraction.fusion_block % count == index)
    return q if limit is None else q.limit(limit)



def without_mentions(data: dict[str, Any]) -> dict[str, Any]:
    """A record's own data: its mentions and evidence are stored as mention rows."""
    return {k: v for k, v in data.items() if k not in ("mentions", "evidence")}


def supported_mentions(rec: dict[str, Any]) -> list[dict[str, Any]]:
    """A member's mentions as stored: its evidence goes with the first (``store.records._supports``)."""
    mentions = [dict(m) for m in rec.get("mentions") or []]
    evidence = pack_evidence(rec.get("evidence"))
    if mentions and evidence:
        mentions[0]["evidence"] = evidence
    return mentions


def columns(kind: str, d: dict[str, Any]) -> dict[str, Any]:
    """The indexed columns of a fused record, derived from its JSON."""
    if kind == "event":
        loc = d.get("location") or {}
        lo, hi = timeline_bounds(d)
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
            "timeline_lo": lo,
            "timeline_hi": hi,
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
