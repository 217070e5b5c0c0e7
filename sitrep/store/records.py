"""Stored rows as records of the export contract."""

from __future__ import annotations

from typing import Any

from .schema import DocumentRow


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
