"""SQL behind the API and the UI: filtered, sorted, paged reads of the store's tables.

Every filter is a bound parameter on an indexed column (SQLAlchemy Core); user input is never
spliced into SQL text. Both the JSON routes and the HTML pages call these functions, so the
two views always agree.
"""

from __future__ import annotations

import base64
import binascii
import itertools
import json
import threading
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, and_, false, func, or_, select, union
from sqlalchemy.orm import Session

from ..store.schema import DocumentRow, EventRow, FigureRow, MentionRow, StatementRow

MAX_PAGE_SIZE = 500


class QueryError(ValueError):
    """A request the caller got wrong (bad cursor, inconsistent filters): answered with a 400."""


@dataclass(frozen=True)
class EventFilters:
    """The event filters shared by the events table, the timeline and the map."""

    date_from: str | None = None
    date_to: str | None = None
    plover_type: str | None = None
    acled_event_type: str | None = None
    actor: str | None = None
    place: str | None = None
    status: str | None = None
    q: str | None = None

    def conditions(self, session: Session) -> list[ColumnElement[bool]]:
        """All filters as one AND list (each either/or group folded into an OR)."""
        plain, groups = self.split(session)
        return [*plain, *(or_(*g) for g in groups)]

    def branches(self, session: Session) -> list[list[ColumnElement[bool]]]:
        """The filters as a union of AND lists, one per combination of either/or alternatives.

        ``actor1 = a OR actor2 = a`` cannot be read from one index in order; each alternative
        can (``ix_events_actor1_date``), so a query over the union of the branches stays indexed.
        """
        plain, groups = self.split(session)
        return [[*plain, *combo] for combo in itertools.product(*groups)]

    def split(self, session: Session) -> tuple[list[ColumnElement[bool]], list[list[ColumnElement[bool]]]]:
        """(conditions that must all hold, groups of alternatives of which one must hold)."""
        conds: list[ColumnElement[bool]] = []
        groups: list[list[ColumnElement[bool]]] = []
        if self.date_from:
            conds.append(EventRow.date >= self.date_from)
        if self.date_to:
            # "~" sorts after digits and "-": a day inside a month given as date_to still matches
            conds.append(EventRow.date <= self.date_to + "~")
        if self.date_from and self.date_to and self.date_from > self.date_to + "~":
            raise QueryError(f"date_from {self.date_from} is after date_to {self.date_to}")
        if self.plover_type:
            conds.append(EventRow.plover_type == self.plover_type)
        if self.acled_event_type:
            names = VOCABULARY.variants(session, "acled", self.acled_event_type)
            conds.append(EventRow.acled_event_type.in_(names) if names else false())
        if self.status:
            conds.append(EventRow.status == self.status.lower())
        if self.actor:
            names = VOCABULARY.variants(session, "actor", self.actor)
            if names:
                groups.append([EventRow.actor1.in_(names), EventRow.actor2.in_(names)])
            else:
                conds.append(false())
        if self.place:
            names = VOCABULARY.variants(session, "place", self.place)
            if names:
                groups.append([EventRow.location.in_(names), EventRow.admin1.in_(names), EventRow.country.in_(names)])
            else:
                conds.append(false())
        if self.q and self.q.strip():
            pattern = like_pattern(self.q.strip())
            in_mentions = select(MentionRow.record_id).where(
                MentionRow.record_kind == "event", contains(session, MentionRow.text, pattern)
            )
            groups.append([contains(session, EventRow.summary, pattern), EventRow.id.in_(in_mentions)])
        return conds, groups

    def active(self) -> dict[str, str]:
        return {k: v for k, v in self.__dict__.items() if v}


def contains(session: Session, col: Any, pattern: str) -> ColumnElement[bool]:
    """Case-insensitive LIKE: SQLite's LIKE already folds ASCII case (and lower() would cost a
    function call per row); PostgreSQL needs ILIKE."""
    if session.get_bind().dialect.name == "sqlite":
        return col.like(pattern, escape="\\")  # type: ignore[no-any-return]
    return col.ilike(pattern, escape="\\")  # type: ignore[no-any-return]


class Vocabulary:
    """Stored spellings of actor, place and ACLED type names, so filters can be case-insensitive
    and still use the indexes: "taliban" becomes ``actor1 IN ('Taliban')``.

    The distinct values are read from covering indexes and cached for a few seconds.
    """

    COLUMNS = {
        "actor": (EventRow.actor1, EventRow.actor2),
        "place": (EventRow.location, EventRow.admin1, EventRow.country),
        "acled": (EventRow.acled_event_type,),
    }

    def __init__(self, ttl: float = 10.0) -> None:
        self.ttl = ttl
        self._cache: dict[tuple[str, str], tuple[float, dict[str, list[str]]]] = {}
        self._lock = threading.Lock()

    def variants(self, session: Session, vocab: str, value: str) -> list[str]:
        key = (str(session.get_bind().engine.url), vocab)
        now = time.monotonic()
        with self._lock:
            hit = self._cache.get(key)
        if hit is None or now - hit[0] > self.ttl:
            table: dict[str, list[str]] = defaultdict(list)
            for col in self.COLUMNS[vocab]:
                for (v,) in session.execute(select(col).where(col.is_not(None)).distinct()):
                    name = str(v)
                    if name not in table[name.strip().lower()]:
                        table[name.strip().lower()].append(name)
            hit = (now, dict(table))
            with self._lock:
                self._cache[key] = hit
        return hit[1].get(value.strip().lower(), [])

    def clear(self) -> None:
        with self._lock:
            self._cache.clear()


VOCABULARY = Vocabulary()


def like_pattern(text: str) -> str:
    """A LIKE pattern matching ``text`` literally anywhere (%, _ and \\ escaped)."""
    esc = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{esc}%"


# -- cursors ---------------------------------------------------------------------------------
def encode_cursor(sort: str, value: Any, ident: str) -> str:
    raw = json.dumps({"s": sort, "v": value, "id": ident}, separators=(",", ":"))
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(cursor: str, sort: str) -> tuple[Any, str]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        data = json.loads(raw)
        value, ident, s = data["v"], data["id"], data["s"]
    except (binascii.Error, ValueError, KeyError, TypeError, UnicodeDecodeError) as e:
        raise QueryError("invalid cursor: pass back the next_cursor of a previous response") from e
    if s != sort:
        raise QueryError(f"this cursor was made for sort={s!r}, not sort={sort!r}")
    if not isinstance(ident, str) or not (value is None or isinstance(value, (str, int))):
        raise QueryError("invalid cursor: pass back the next_cursor of a previous response")
    return value, ident


def _sort_column(sort: str) -> tuple[Any, bool]:
    name = sort.lstrip("-")
    col = {"date": EventRow.date, "fatalities": EventRow.fatalities}.get(name)
    if col is None:
        raise QueryError(f"unknown sort {sort!r}: use date, -date, fatalities or -fatalities")
    return col, sort.startswith("-")


def _keyset(col: Any, desc: bool, value: Any, ident: str) -> ColumnElement[bool]:
    """Rows after (value, ident) in the order used below: nulls first ascending, last descending."""
    if not desc:
        if value is None:
            return or_(and_(col.is_(None), EventRow.id > ident), col.is_not(None))
        return or_(col > value, and_(col == value, EventRow.id > ident))
    if value is None:
        return and_(col.is_(None), EventRow.id < ident)
    return or_(col < value, and_(col == value, EventRow.id < ident), col.is_(None))


def _ordering(session: Session, ident: Any, col: Any, desc: bool) -> list[Any]:
    # SQLite puts NULL first ascending and last descending; say so explicitly elsewhere
    postgres = session.get_bind().dialect.name == "postgresql"
    if desc:
        return [col.desc().nulls_last() if postgres else col.desc(), ident.desc()]
    return [col.asc().nulls_first() if postgres else col.asc(), ident.asc()]


# -- events ----------------------------------------------------------------------------------
def mentions_for(session: Session, kind: str, ids: Sequence[str]) -> dict[str, list[dict[str, Any]]]:
    """Mentions of several records of one kind, in stored order, grouped by record id."""
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    if not ids:
        return out
    q = (
        select(MentionRow.record_id, MentionRow.doc_id, MentionRow.start, MentionRow.end, MentionRow.text)
        .where(MentionRow.record_kind == kind, MentionRow.record_id.in_(list(ids)))
        .order_by(MentionRow.id)
    )
    for rid, doc_id, start, end, text in session.execute(q):
        out[rid].append({"doc_id": doc_id, "start": start, "end": end, "text": text})
    return out


def _with_mentions(
    session: Session, kind: str, rows: Sequence[tuple[str, dict[str, Any]]]
) -> list[dict[str, Any]]:
    ms = mentions_for(session, kind, [r[0] for r in rows])
    out = []
    for ident, data in rows:
        rec = {**data, "id": ident, "mentions": ms.get(ident, [])}
        if kind == "event" and not rec.get("sources"):
            rec["sources"] = sorted({m["doc_id"] for m in rec["mentions"]})
        out.append(rec)
    return out


@dataclass
class Paged:
    total: int
    items: list[dict[str, Any]]
    next_cursor: str | None


def list_events(
    session: Session,
    filters: EventFilters,
    *,
    sort: str = "-date",
    page: int = 1,
    page_size: int = 50,
    cursor: str | None = None,
) -> Paged:
    """One page of events matching ``filters``, plus the total count and a cursor onwards."""
    col, desc = _sort_column(sort)
    branches = filters.branches(session)
    if len(branches) > 3:  # a union of many branches costs more than it saves: one OR query
        branches = [filters.conditions(session)]
    keyset = None
    if cursor:
        value, ident = decode_cursor(cursor, sort)
        keyset = _keyset(col, desc, value, ident)
    offset = 0 if cursor else (page - 1) * page_size
    if len(branches) == 1:
        conds = branches[0]
        total = session.scalar(select(func.count()).select_from(EventRow).where(*conds)) or 0
        # ids and sort keys only: read from a covering index, no JSON carried through a sort
        q = select(EventRow.id, col).where(*conds)
        if keyset is not None:
            q = q.where(keyset)
        q = q.order_by(*_ordering(session, EventRow.id, col, desc)).offset(offset).limit(page_size + 1)
    else:
        ids = union(*(select(EventRow.id).where(*b) for b in branches)).subquery()
        total = session.scalar(select(func.count()).select_from(ids)) or 0
        # each branch returns its own first rows in order from its index; the union is merged
        parts = []
        for b in branches:
            part = select(EventRow.id, col.label("k")).where(*b)
            if keyset is not None:
                part = part.where(keyset)
            part = part.order_by(*_ordering(session, EventRow.id, col, desc)).limit(offset + page_size + 1)
            parts.append(select(part.subquery()))
        merged = union(*parts).subquery()
        q = (
            select(merged.c.id, merged.c.k)
            .order_by(*_ordering(session, merged.c.id, merged.c.k, desc))
            .offset(offset)
            .limit(page_size + 1)
        )
    keys = list(session.execute(q))
    more = len(keys) > page_size
    keys = keys[:page_size]
    nxt = encode_cursor(sort, keys[-1][1], keys[-1][0]) if more and keys else None
    return Paged(total, get_records(session, "event", [k[0] for k in keys]), nxt)


def get_records(session: Session, kind: str, ids: Sequence[str]) -> list[dict[str, Any]]:
    """Records of one kind by id, with mentions, in the order of ``ids`` (missing ones skipped)."""
    table = {"event": EventRow, "statement": StatementRow, "figure": FigureRow}[kind]
    rows = {r[0]: r[1] for r in session.execute(select(table.id, table.data).where(table.id.in_(list(ids))))}
    return _with_mentions(session, kind, [(i, rows[i]) for i in ids if i in rows])


def event_facets(session: Session, filters: EventFilters, column: str) -> list[tuple[str, int]]:
    """Counts of matching events by one column (for the filter sidebar), largest first."""
    col = {"plover_type": EventRow.plover_type, "status": EventRow.status,
           "acled_event_type": EventRow.acled_event_type, "admin1": EventRow.admin1,
           "actor1": EventRow.actor1}[column]  # fmt: skip
    q = (
        select(col, func.count())
        .where(*filters.conditions(session), col.is_not(None))
        .group_by(col)
        .order_by(func.count().desc(), col)
        .limit(30)
    )
    return [(str(v), int(n)) for v, n in session.execute(q)]


def timeline(session: Session, filters: EventFilters, *, limit: int = 500, offset: int = 0) -> Paged:
    """Dated events in date order (undated ones have no place on a timeline)."""
    conds = [*filters.conditions(session), EventRow.date.is_not(None)]
    total = session.scalar(select(func.count()).select_from(EventRow).where(*conds)) or 0
    q = select(EventRow.id, EventRow.data).where(*conds).order_by(EventRow.date, EventRow.id)
    rows = list(session.execute(q.offset(offset).limit(limit)))
    return Paged(total, _with_mentions(session, "event", [(r[0], r[1]) for r in rows]), None)


def located_events(session: Session, filters: EventFilters, limit: int = 5000) -> list[dict[str, Any]]:
    """Events with coordinates, for the map (the JSON column holds lat/lon)."""
    q = (
        select(EventRow.id, EventRow.data)
        .where(*filters.conditions(session), EventRow.location.is_not(None))
        .order_by(EventRow.date.desc(), EventRow.id)
        .limit(limit)
    )
    out = []
    for ident, data in session.execute(q):
        loc = data.get("location") or {}
        if isinstance(loc.get("lat"), (int, float)) and isinstance(loc.get("lon"), (int, float)):
            out.append({**data, "id": ident})
    return out


# -- statements and figures ------------------------------------------------------------------
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
    return Paged(total, _with_mentions(session, "statement", [(r[0], r[1]) for r in rows]), None)


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
    session: Session, *, measure: str | None = None, subject: str | None = None, page: int = 1, page_size: int = 50
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
    return Paged(total, _with_mentions(session, "figure", [(r[0], r[1]) for r in rows]), None)


def figure_series(
    session: Session, *, measure: str | None = None, subject: str | None = None, limit: int = 10_000
) -> list[dict[str, Any]]:
    """Figures grouped into series by (measure, subject, unit), points in date order."""
    rows = list(
        session.execute(
            select(FigureRow.id, FigureRow.data)
            .where(*_figure_conds(measure, subject))
            .order_by(FigureRow.measure, FigureRow.date, FigureRow.id)
            .limit(limit)
        )
    )
    ms = mentions_for(session, "figure", [r[0] for r in rows])
    groups: dict[tuple[str, str | None, str | None], list[dict[str, Any]]] = {}
    for ident, d in rows:
        key = (str(d.get("measure") or ""), d.get("subject"), d.get("unit"))
        value = d.get("value")
        groups.setdefault(key, []).append(
            {
                "figure_id": ident,
                "date": d.get("period_start") or d.get("date") or d.get("period_end"),
                "value": float(value) if isinstance(value, (int, float)) else None,
                "qualifier": d.get("qualifier"),
                "sources": sorted({m["doc_id"] for m in ms.get(ident, [])}),
            }
        )
    out: list[dict[str, Any]] = []
    for (m, s, u), points in groups.items():
        points.sort(key=lambda p: (p["date"] is None, p["date"] or "", p["figure_id"]))
        out.append({"measure": m, "subject": s, "unit": u, "points": points})
    out.sort(key=lambda x: (-len(x["points"]), x["measure"], x["subject"] or ""))
    return out


# -- documents -------------------------------------------------------------------------------
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
        select(MentionRow.record_kind, MentionRow.record_id, MentionRow.start, MentionRow.end, MentionRow.text)
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


def month_counts(session: Session, filters: EventFilters) -> list[tuple[str, int]]:
    """Dated events per month (year-only dates count under their year), in date order."""
    key = func.substr(EventRow.date, 1, 7)
    q = (
        select(key, func.count())
        .where(*filters.conditions(session), EventRow.date.is_not(None))
        .group_by(key)
        .order_by(key)
    )
    return [(str(k), int(n)) for k, n in session.execute(q)]


def documents_by_id(session: Session, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    """Title and text of several documents (for showing mentions in context)."""
    q = select(DocumentRow.id, DocumentRow.title, DocumentRow.outlet, DocumentRow.text).where(
        DocumentRow.id.in_(list(ids))
    )
    return {i: {"id": i, "title": t, "outlet": o, "text": x} for i, t, o, x in session.execute(q)}
