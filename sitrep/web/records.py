"""Fused records by id with their mentions, and the records a document holds: what every list
and detail view of the web reads once it knows which ids to show."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..store.records import records_by_id, with_supports
from ..store.schema import DocumentRow, EventRow, FigureRow, MentionRow, StatementRow


@dataclass
class Paged:
    total: int
    items: list[dict[str, Any]]
    next_cursor: str | None
    exact: bool = True  # False: more than ``total`` records match (counting stopped there)


def _with_sources(kind: str, recs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Events name their source documents (a record fused before ``sources`` was kept lacks them)."""
    if kind == "event":
        for rec in recs:
            if not rec.get("sources"):
                rec["sources"] = sorted({m["doc_id"] for m in rec["mentions"]})
    return recs


def with_mentions(
    session: Session, kind: str, rows: Sequence[tuple[str, dict[str, Any]]]
) -> list[dict[str, Any]]:
    """Records of rows (id, data) already read, with their mentions and evidence (``store.records.with_supports``)."""
    return _with_sources(kind, with_supports(session, kind, rows))


def get_records(session: Session, kind: str, ids: Sequence[str]) -> list[dict[str, Any]]:
    """Records of one kind by id, with mentions, in the order of ``ids`` (missing ones skipped):
    ``store.records.records_by_id``, as ``Store.get_record`` reads them."""
    return _with_sources(kind, records_by_id(session, kind, ids))


def _label(kind: str, d: dict[str, Any]) -> str:
    if kind == "event":
        return str(d.get("summary") or d.get("plover_type") or "event")
    if kind == "statement":
        sp = d.get("speaker") or {}
        who = sp.get("name") or sp.get("organization") or "unknown speaker"
        return f"{who}: {(d.get('quote') or '')[:120]}"
    value = d.get("value")
    return f"{d.get('measure') or 'figure'}: {value} {d.get('unit') or ''}".strip()


def document_records(session: Session, doc_id: str) -> list[dict[str, Any]]:
    """Every fused record with a mention in ``doc_id``, with its spans in that document."""
    q = (
        select(
            MentionRow.record_kind, MentionRow.record_id, MentionRow.start, MentionRow.end, MentionRow.text
        )
        .where(MentionRow.doc_id == doc_id)
        .order_by(MentionRow.start, MentionRow.id)
    )
    spans: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for kind, rid, start, end, text in session.execute(q):
        spans.setdefault((kind, rid), []).append({"doc_id": doc_id, "start": start, "end": end, "text": text})
    by_kind: dict[str, list[str]] = defaultdict(list)
    for kind, rid in spans:
        by_kind[kind].append(rid)
    labels: dict[tuple[str, str], str] = {}
    for kind, ids in by_kind.items():
        table = {"event": EventRow, "statement": StatementRow, "figure": FigureRow}.get(kind)
        if table is None:
            continue
        for ident, data in session.execute(select(table.id, table.data).where(table.id.in_(ids))):
            labels[(kind, ident)] = _label(kind, data)
    return [
        {"kind": kind, "id": rid, "label": labels[(kind, rid)], "mentions": ms}
        for (kind, rid), ms in spans.items()
        if (kind, rid) in labels
    ]


def documents_by_id(session: Session, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    """Title and text of several documents (for showing mentions in context)."""
    q = select(DocumentRow.id, DocumentRow.title, DocumentRow.outlet, DocumentRow.text).where(
        DocumentRow.id.in_(list(ids))
    )
    return {i: {"id": i, "title": t, "outlet": o, "text": x} for i, t, o, x in session.execute(q)}
