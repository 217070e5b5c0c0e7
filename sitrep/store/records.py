"""Stored rows as records of the export contract: the one place records are read back with
their mentions (the store's exports and lookups, the web's pages and API)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, String, any_, bindparam, cast, select
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Session

from .schema import FUSED_TABLES, DocumentRow, MentionRow


def among(session: Session, column: Any, ids: Sequence[str]) -> ColumnElement[bool]:
    """``column IN ids``; on PostgreSQL ``column = ANY(:ids)``, one parameter: an IN list of 500
    ids was compiled, sent and parsed as 500 parameters (a tenth of a 500-event page's time). The
    parameter is the array's text (``array_literal``), which the server parses: the driver's array
    adapter spent 1 ms on 500 ids, which their text takes a tenth of."""
    if session.get_bind().dialect.name == "postgresql":
        text = bindparam("ids", array_literal(ids), type_=String, unique=True)
        return column == any_(cast(text, ARRAY(String)))  # type: ignore[no-any-return]
    return column.in_(list(ids))  # type: ignore[no-any-return]


def array_literal(values: Sequence[str]) -> str:
    """PostgreSQL's text form of an array of strings: each element double-quoted, its backslashes
    and double quotes escaped, so that any text is one element, as it is."""
    return "{" + ",".join('"' + v.replace("\\", "\\\\").replace('"', '\\"') + '"' for v in values) + "}"


def mentions_of(session: Session, kind: str, ids: Sequence[str]) -> dict[str, list[dict[str, Any]]]:
    """Mentions of several fused records of one kind, in stored order, grouped by record id."""
    return _supports(session, kind, ids)[0]


def _supports(
    session: Session, kind: str, ids: Sequence[str]
) -> tuple[dict[str, list[dict[str, Any]]], dict[str, dict[str, list[dict[str, Any]]]]]:
    """Mentions and evidence of fused records, grouped by record id: each member's evidence is
    kept on its first mention row (``pack_evidence``), so a fused record has every source's spans."""
    mentions: dict[str, list[dict[str, Any]]] = {}
    evidence: dict[str, dict[str, list[dict[str, Any]]]] = {}
    if not ids:
        return mentions, evidence
    q = (
        select(
            MentionRow.record_id, MentionRow.doc_id, MentionRow.start, MentionRow.end, MentionRow.text,
            MentionRow.evidence,
        )
        .where(MentionRow.record_kind == kind, among(session, MentionRow.record_id, ids))
        .order_by(MentionRow.id)
    )  # fmt: skip
    for rid, doc_id, start, end, text, packed in session.execute(q):
        mentions.setdefault(rid, []).append({"doc_id": doc_id, "start": start, "end": end, "text": text})
        if packed:
            fields = evidence.setdefault(rid, {})
            for name, spans in unpack_evidence(doc_id, packed).items():
                have = fields.setdefault(name, [])
                have.extend(sp for sp in spans if sp not in have)
    return mentions, evidence


def pack_evidence(evidence: dict[str, list[Any]] | None) -> dict[str, list[list[Any]]] | None:
    """One member's evidence as stored (with its extraction, and on its first mention row):
    [start, end, text(, basis)] per span, the document being the row's. Packed evidence is
    returned as it is."""
    if not evidence:
        return None
    if all(spans and type(spans[0]) is list and type(spans[-1]) is list for spans in evidence.values()):
        return evidence  # packed already (as stored): fusion passes every member's through here
    return {
        name: [
            sp if isinstance(sp, list) else [sp["start"], sp["end"], sp["text"], *([sp["basis"]] if sp.get("basis") else [])]
            for sp in spans
        ]
        for name, spans in evidence.items()
        if spans
    }


def unpack_evidence(doc_id: str, packed: dict[str, list[list[Any]]]) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for name, spans in packed.items():
        for sp in spans:
            item = {"doc_id": doc_id, "start": sp[0], "end": sp[1], "text": sp[2]}
            if len(sp) > 3:
                item["basis"] = sp[3]
            out.setdefault(name, []).append(item)
    return out


def with_supports(session: Session, kind: str, rows: Sequence[tuple[str, dict[str, Any]]]) -> list[dict[str, Any]]:
    """Records of rows (id, data) already read, with their mentions and evidence; a disagreement
    names each side's words (the evidence of that field in that side's document)."""
    mentions, evidence = _supports(session, kind, [r[0] for r in rows])
    out = []
    for ident, data in rows:
        ev = evidence.get(ident, {})
        rec = {**data, "id": ident, "mentions": mentions.get(ident, []), "evidence": ev}
        if data.get("disagreements"):
            rec["disagreements"] = [_sided(d, ev) for d in data["disagreements"]]
        out.append(rec)
    return out


def _sided(disagreement: dict[str, Any], evidence: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    spans = evidence.get(disagreement.get("field") or "", [])
    values = [
        {**v, "evidence": [sp for sp in spans if sp["doc_id"] == v.get("doc_id")]} for v in disagreement["values"]
    ]
    return {**disagreement, "values": values}


def records_by_id(session: Session, kind: str, ids: Sequence[str]) -> list[dict[str, Any]]:
    """Fused records of one kind with their mentions and evidence, in the order of ``ids`` (missing ones skipped)."""
    table = FUSED_TABLES[kind]
    rows = {r[0]: r[1] for r in session.execute(select(table.id, table.data).where(among(session, table.id, ids)))}
    return with_supports(session, kind, [(i, rows[i]) for i in ids if i in rows])


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
