"""Stored rows as records of the export contract: the one place records are read back with
their mentions (the store's exports and lookups, the web's pages and API)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from .schema import FUSED_TABLES, DocumentRow, MentionRow


def mentions_of(session: Session, kind: str, ids: Sequence[str]) -> dict[str, list[dict[str, Any]]]:
    """Mentions of several fused records of one kind, in stored order, grouped by record id."""
    out: dict[str, list[dict[str, Any]]] = {}
    if not ids:
        return out
    q = (
        select(MentionRow.record_id, MentionRow.doc_id, MentionRow.start, MentionRow.end, MentionRow.text)
        .where(MentionRow.record_kind == kind, MentionRow.record_id.in_(list(ids)))
        .order_by(MentionRow.id)
    )
    for rid, doc_id, start, end, text in session.execute(q):
        out.setdefault(rid, []).append({"doc_id": doc_id, "start": start, "end": end, "text": text})
    return out


def records_by_id(session: Session, kind: str, ids: Sequence[str]) -> list[dict[str, Any]]:
    """Fused records of one kind with their mentions, in the order of ``ids`` (missing ones skipped)."""
    table = FUSED_TABLES[kind]
    rows = {r[0]: r[1] for r in session.execute(select(table.id, table.data).where(table.id.in_(list(ids))))}
    found = [i for i in ids if i in rows]
    ms = mentions_of(session, kind, found)
    return [{**rows[i], "id": i, "mentions": ms.get(i, [])} for i in found]


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
