"""SQL behind the API and the UI: filtered, sorted, paged reads of the store's tables.

Every filter is a bound parameter on an indexed column (SQLAlchemy Core); user input is never
spliced into SQL text. Both the JSON routes and the HTML pages call these functions, so the
two views always agree. The CLI and the report read the same things: figure series are
``sitrep.figure_series``'s, records are read back by ``store.records``, and the timeline is in
``sitrep.chronology``'s order (its bounds are stored with each event, so SQL reads them in order).

Layout: ``filters`` (event filters and text search), ``records`` (records by id with their
mentions), ``events`` (event lists, timeline, map, facets); statements, figures and documents
are here, and this module names them all for the routes.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from ..figure_series import figure_series as _shared_series
from ..store import Store
from ..store.records import mentions_of
from ..store.schema import DocumentRow, FigureRow, StatementRow
from .events import (
    FEW_MATCHES,
    MAP_EVENTS,
    Source,
    decode_cursor,
    encode_cursor,
    event_facets,
    event_source,
    list_events,
    located_events,
    month_counts,
    request_plans,
    timeline,
)
from .filters import (
    VOCABULARY,
    EventFilters,
    QueryError,
    Vocabulary,
    contains,
    count_matches,
    fts_phrase,
    like_pattern,
    text_matches,
    ts_prefix_phrase,
)
from .records import Paged, document_records, documents_by_id, get_records, with_mentions

MAX_PAGE_SIZE = 500

__all__ = [
    "FEW_MATCHES", "MAX_PAGE_SIZE", "VOCABULARY", "EventFilters", "Paged", "QueryError", "Source", "Vocabulary",
    "contains", "count_matches", "decode_cursor", "document_records", "documents_by_id", "encode_cursor",
    "event_facets", "event_source", "figure_series", "fts_phrase", "get_records", "like_pattern", "list_documents",
    "list_events", "list_figures", "list_statements", "located_events", "MAP_EVENTS", "mentions_of", "month_counts", "request_plans", "speakers",
    "text_matches", "timeline", "ts_prefix_phrase", "with_mentions",
]  # fmt: skip


def list_statements(
    session: Session,
    *,
    speaker: str | None = None,
    intent: str | None = None,
    q: str | None = None,
    page: int = 1,
    page_size: int = 50,
) -> Paged:
    conds: list[ColumnElement[bool]] = []
    if speaker:
        conds.append(func.lower(StatementRow.speaker) == speaker.strip().lower())
    if intent:
        conds.append(StatementRow.intent == intent.lower())
    if q and q.strip():
        conds.append(StatementRow.quote.ilike(like_pattern(q.strip()), escape="\\"))
    total = session.scalar(select(func.count()).select_from(StatementRow).where(*conds)) or 0
    rows = session.execute(
        select(StatementRow.id, StatementRow.data)
        .where(*conds)
        .order_by(StatementRow.speaker, StatementRow.date, StatementRow.id)
        .offset((page - 1) * page_size)
        .limit(page_size)
    )
    return Paged(total, with_mentions(session, "statement", [(r[0], r[1]) for r in rows]), None)


def speakers(session: Session, limit: int = 200) -> list[tuple[str, int]]:
    q = (
        select(StatementRow.speaker, func.count())
        .where(StatementRow.speaker.is_not(None))
        .group_by(StatementRow.speaker)
        .order_by(func.count().desc(), StatementRow.speaker)
        .limit(limit)
    )
    return [(str(s), int(n)) for s, n in session.execute(q)]


def _figure_conds(measure: str | None, subject: str | None) -> list[ColumnElement[bool]]:
    conds: list[ColumnElement[bool]] = []
    if measure:
        conds.append(func.lower(FigureRow.measure) == measure.strip().lower())
    if subject:
        conds.append(func.lower(FigureRow.subject) == subject.strip().lower())
    return conds


def list_figures(
    session: Session,
    *,
    measure: str | None = None,
    subject: str | None = None,
    page: int = 1,
    page_size: int = 50,
) -> Paged:
    conds = _figure_conds(measure, subject)
    total = session.scalar(select(func.count()).select_from(FigureRow).where(*conds)) or 0
    rows = session.execute(
        select(FigureRow.id, FigureRow.data)
        .where(*conds)
        .order_by(FigureRow.measure, FigureRow.date, FigureRow.id)
        .offset((page - 1) * page_size)
        .limit(page_size)
    )
    return Paged(total, with_mentions(session, "figure", [(r[0], r[1]) for r in rows]), None)


def figure_series(store: Store, *, measure: str | None = None, subject: str | None = None) -> list[dict[str, Any]]:
    """Figure series as ``sitrep figures`` and the report make them (``sitrep.figure_series``:
    normalised (measure, subject) keys, dated points, undated last); each point also carries
    ``figure_id`` and ``sources`` (its documents), the names the web's pages and API use."""
    series = _shared_series(store, measure=measure, subject=subject)
    for s in series:
        for p in s["points"]:
            p["figure_id"] = p["id"]
            p["sources"] = list(p["doc_ids"])
    return series


def list_documents(session: Session, *, page: int = 1, page_size: int = 50, q: str | None = None) -> Paged:
    conds: list[ColumnElement[bool]] = []
    if q and q.strip():
        conds.append(DocumentRow.title.ilike(like_pattern(q.strip()), escape="\\"))
    total = session.scalar(select(func.count()).select_from(DocumentRow).where(*conds)) or 0
    cols = (DocumentRow.id, DocumentRow.title, DocumentRow.source, DocumentRow.url, DocumentRow.outlet,
            DocumentRow.published, DocumentRow.reference_date, DocumentRow.duplicate_of,
            func.length(DocumentRow.text))  # fmt: skip
    rows = session.execute(
        select(*cols)
        .where(*conds)
        .order_by(DocumentRow.seq, DocumentRow.id)
        .offset((page - 1) * page_size)
        .limit(page_size)
    )
    keys = ("id", "title", "source", "url", "outlet", "published", "reference_date", "duplicate_of", "length")
    return Paged(total, [dict(zip(keys, r, strict=True)) for r in rows], None)
