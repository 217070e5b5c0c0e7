"""Persistence of incremental story placement (``sitrep.stories``): placed documents' features
and lookup keys, word document frequencies, story states and ``duplicate_of`` marks."""

from __future__ import annotations

import sys
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from sqlalchemy import func, insert, select, update

from ..batches import batched
from . import sql
from .base import StoreBase
from .records import document_record
from .schema import BoilerplateSpan, DocumentRow, EventRow, MentionRow, Story, StoryDoc, StoryKey, StoryWord


class StoryPlacements(StoreBase):
    """The reads and the one-transaction write of story placement."""

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
            for part in batched(ids, 500):
                q = (
                    select(MentionRow.doc_id, EventRow.id, EventRow.actor1, EventRow.actor2, EventRow.location,
                           EventRow.date, *(EventRow.data[f].as_string() for f in in_json))
                    .join(EventRow, EventRow.id == MentionRow.record_id)
                    .where(MentionRow.record_kind == "event", MentionRow.doc_id.in_(part))
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
            return sql.recent_per_key(s, StoryKey, StoryKey.doc_id, keys, per_key)

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
            for part in batched(ids, 500):
                q = select(*cols).join(DocumentRow, DocumentRow.id == StoryDoc.doc_id)
                for doc_id, seq, story, day, minhash, events, keys, dup in s.execute(
                    q.where(StoryDoc.doc_id.in_(part))
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
            for part in batched(ids, 500):
                q = select(StoryDoc.doc_id, StoryDoc.vector).where(StoryDoc.doc_id.in_(part))
                for doc_id, vector in s.execute(q):
                    out[doc_id] = {sys.intern(w): v for w, v in (vector or {}).items()}
        return out

    def story_states(self, story_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        """Record, dated span and members of each story in ``story_ids``."""
        ids = sorted(set(story_ids))
        out: dict[str, dict[str, Any]] = {}
        with self.session() as s:
            for part in batched(ids, 500):
                q = select(Story.id, Story.data, Story.span_lo, Story.span_hi, Story.members)
                for sid, data, lo, hi, members in s.execute(q.where(Story.id.in_(part))):
                    out[sid] = {"data": data, "span": (lo, hi) if lo else None, "members": members or []}
        return out

    def document_frequencies(self, words: Iterable[str]) -> dict[str, int]:
        ws = sorted(set(words))
        out: dict[str, int] = {}
        with self.session() as s:
            for part in batched(ws, 500):
                q = select(StoryWord.word, StoryWord.df).where(StoryWord.word.in_(part))
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
                sql.trim_per_key(s, StoryKey, trim_keys, keys_kept)
            new_words = [{"word": w, "df": n} for w, (old, n) in frequencies.items() if old == 0]
            changed_words = [{"word": w, "df": n} for w, (old, n) in frequencies.items() if old]
            if new_words:
                s.execute(insert(StoryWord.__table__), new_words)
            if changed_words:
                s.execute(update(StoryWord), changed_words)
            existing: set[str] = set()
            ids = sorted(stories)
            for part in batched(ids, 500):
                existing.update(s.scalars(select(Story.id).where(Story.id.in_(part))))
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
