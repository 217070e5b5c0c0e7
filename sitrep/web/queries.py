"""SQL behind the API and the UI: filtered, sorted, paged reads of the store's tables.

Every filter is a bound parameter on an indexed column (SQLAlchemy Core); user input is never
spliced into SQL text. Both the JSON routes and the HTML pages call these functions, so the
two views always agree.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
import threading
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    Column,
    ColumnClause,
    ColumnElement,
    FromClause,
    Integer,
    MetaData,
    Select,
    Table,
    Text,
    and_,
    false,
    func,
    literal_column,
    or_,
    select,
)
from sqlalchemy.orm import Session, aliased, join

from ..store.schema import (
    DocumentRow,
    EventRow,
    EventSearch,
    EventTerm,
    EventText,
    FigureRow,
    MentionRow,
    StatementRow,
    normalize_term,
)

MAX_PAGE_SIZE = 500
FEW_MATCHES = 2000  # a text search with fewer matches is read from the full-text index first


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

    def terms(self) -> list[tuple[str, str]]:
        """The name filters as ``event_terms`` keys: ("actor", "taliban"), ("place", "kunduz")."""
        out = []
        if self.actor:
            out.append(("actor", normalize_term(self.actor)))
        if self.place:
            out.append(("place", normalize_term(self.place)))
        return out

    def text(self) -> str | None:
        return self.q.strip() if self.q and self.q.strip() else None

    def dates(self, col: Any) -> list[ColumnElement[bool]]:
        """The date range on ``col`` (events.date or a lookup table's copy of it)."""
        if self.date_from and self.date_to and self.date_from > self.date_to + "~":
            raise QueryError(f"date_from {self.date_from} is after date_to {self.date_to}")
        conds: list[ColumnElement[bool]] = []
        if self.date_from:
            conds.append(col >= self.date_from)
        if self.date_to:
            # "~" sorts after digits and "-": a day inside a month given as date_to still matches
            conds.append(col <= self.date_to + "~")
        return conds

    def columns(
        self, session: Session, table: Any, *, plover: bool = True, acled: bool = True, status: bool = True
    ) -> list[ColumnElement[bool]]:
        """Type and status filters on ``table`` (``EventRow``, or a lookup table that copies them)."""
        conds: list[ColumnElement[bool]] = []
        if self.plover_type and plover:
            conds.append(table.plover_type == self.plover_type)
        if self.acled_event_type and acled:
            names = VOCABULARY.variants(session, "acled", self.acled_event_type)
            conds.append(table.acled_event_type.in_(names) if names else false())
        if self.status and status:
            conds.append(table.status == self.status.lower())
        return conds

    def conditions(self, session: Session) -> list[ColumnElement[bool]]:
        """All filters as conditions on ``events`` (name and text filters as indexed sub-selects)."""
        conds = [*self.dates(EventRow.date), *self.columns(session, EventRow)]
        for kind, term in self.terms():
            conds.append(
                EventRow.id.in_(
                    select(EventTerm.event_id).where(EventTerm.kind == kind, EventTerm.term == term)
                )
            )
        if (words := self.text()) is not None:
            conds.append(
                EventRow.id.in_(
                    select(EventSearch.event_id).where(EventSearch.id.in_(text_matches(session, words)))
                )
            )
        return conds

    def active(self) -> dict[str, str]:
        return {k: v for k, v in self.__dict__.items() if v}


def contains(session: Session, col: Any, pattern: str) -> ColumnElement[bool]:
    """Case-insensitive LIKE: SQLite's LIKE already folds ASCII case (and lower() would cost a
    function call per row); PostgreSQL needs ILIKE."""
    if session.get_bind().dialect.name == "sqlite":
        return col.like(pattern, escape="\\")  # type: ignore[no-any-return]
    return col.ilike(pattern, escape="\\")  # type: ignore[no-any-return]


# -- full-text search (migration 0004) -------------------------------------------------------
# SQLite: the FTS5 table over event_search.body (rowid = event_search.id). Not an ORM model.
EVENTS_FTS = Table("events_fts", MetaData(), Column("rowid", Integer), Column("events_fts", Text))
SIMPLE: ColumnClause[Any] = literal_column("'simple'::regconfig")  # PostgreSQL: the configuration of ix_event_search_fts
sqlite_master = Table("sqlite_master", MetaData(), Column("type", Text), Column("name", Text))
_FTS5: dict[str, bool] = {}


def _has_fts5(session: Session) -> bool:
    key = str(session.get_bind().engine.url)
    if key not in _FTS5:
        found = session.scalar(
            select(func.count()).select_from(sqlite_master).where(sqlite_master.c.name == "events_fts")
        )
        _FTS5[key] = bool(found)
    return _FTS5[key]


def fts_phrase(text: str) -> str:
    """User text as one FTS5 phrase whose last word is a prefix ("convoy" finds "convoys"):
    quoted, inner quotes doubled, so no input is FTS syntax (``NEAR``, ``*``, ``-``, ``(``,
    ``OR`` are just characters the tokenizer drops or keeps)."""
    return '"' + text.replace('"', '""') + '"*'


def ts_prefix_phrase(text: str) -> str:
    """The same for PostgreSQL's ``to_tsquery``: words in order, the last one a prefix. Only
    word characters reach the query, so nothing the user types is tsquery syntax."""
    words = re.findall(r"\w+", text.lower())
    return " <-> ".join([*words[:-1], words[-1] + ":*"]) if words else ""


def text_matches(session: Session, text: str) -> Select[Any]:
    """``event_search.id`` of the events whose summary or mention texts contain the words of
    ``text`` in that order (case-insensitive): FTS5 on SQLite, a tsvector GIN index on PostgreSQL,
    a LIKE scan (substring) where neither exists."""
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        tsv = func.to_tsvector(SIMPLE, EventText.body)
        query = ts_prefix_phrase(text)
        if not query:
            return select(EventText.id).where(false())
        return select(EventText.id).where(tsv.op("@@")(func.to_tsquery(SIMPLE, query)))
    if dialect == "sqlite" and _has_fts5(session):
        return select(EVENTS_FTS.c.rowid).where(EVENTS_FTS.c.events_fts.op("MATCH")(fts_phrase(text)))
    return select(EventText.id).where(contains(session, EventText.body, like_pattern(text)))


def count_matches(session: Session, text: str) -> int:
    """How many events ``text_matches`` finds (FTS5 counts from its index without a row lookup)."""
    return session.scalar(select(func.count()).select_from(text_matches(session, text).subquery())) or 0


class Vocabulary:
    """Stored spellings of ACLED type names, so the filter can be case-insensitive and still use
    the indexes: "battles" becomes ``acled_event_type IN ('Battles')``.

    The distinct values are read from covering indexes and cached for a few seconds. (Actor and
    place names are looked up in ``event_terms``, which stores them lower-cased.)
    """

    COLUMNS = {"acled": (EventRow.acled_event_type,)}

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


def _sort_key(sort: str) -> tuple[str, bool]:
    name = sort.lstrip("-")
    if name not in ("date", "fatalities"):
        raise QueryError(f"unknown sort {sort!r}: use date, -date, fatalities or -fatalities")
    return name, sort.startswith("-")


def _keyset(col: Any, ident_col: Any, desc: bool, value: Any, ident: str) -> ColumnElement[bool]:
    """Rows after (value, ident) in the order used below: nulls first ascending, last descending."""
    if not desc:
        if value is None:
            return or_(and_(col.is_(None), ident_col > ident), col.is_not(None))
        return or_(col > value, and_(col == value, ident_col > ident))
    if value is None:
        return and_(col.is_(None), ident_col < ident)
    return or_(col < value, and_(col == value, ident_col < ident), col.is_(None))


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
    """One page of events matching ``filters``, plus the total count and a cursor onwards.

    Reads ids and sort keys only, from the narrowest index that answers the filters (see
    ``event_source``); the JSON of the records on the page is fetched afterwards by primary key.
    """
    key, desc = _sort_key(sort)
    offset = 0 if cursor else (page - 1) * page_size
    src = event_source(session, filters, key)
    total = src.total
    if total is None:
        total = session.scalar(select(func.count()).select_from(src.table).where(*src.conds)) or 0
    conds = src.conds
    # many matches: walking the sort index and probing the match set finds a page after about
    # (offset + page) * size / total rows; few matches: reading them all and sorting is cheaper
    if src.walk is not None and (offset + page_size + 1) * src.size < max(total, 1) * src.matches:
        conds = src.walk
    q = select(src.ident, src.key).select_from(src.table).where(*conds)
    if cursor:
        value, ident = decode_cursor(cursor, sort)
        q = q.where(_keyset(src.key, src.ident, desc, value, ident))
    q = q.order_by(*_ordering(session, src.ident, src.key, desc)).offset(offset).limit(page_size + 1)
    keys = list(session.execute(q))
    more = len(keys) > page_size
    keys = keys[:page_size]
    nxt = encode_cursor(sort, keys[-1][1], keys[-1][0]) if more and keys else None
    return Paged(total, get_records(session, "event", [k[0] for k in keys]), nxt)


@dataclass
class Source:
    """Where a filtered event list is read from: a table (or join), its event id and sort key
    columns, the conditions, and what is known in advance: the ``total``, or for a text search
    the number of text ``matches``, the ``size`` of the walked index and the ``walk`` conditions
    that read the sort index in order instead of the matches."""

    table: FromClause | Any
    ident: Any
    key: Any
    conds: list[ColumnElement[bool]]
    total: int | None = None
    matches: int = 0
    size: int = 0
    walk: list[ColumnElement[bool]] | None = None


def event_source(session: Session, filters: EventFilters, key: str) -> Source:
    """The cheapest way to read the events matching ``filters`` in ``key`` order.

    - no name or text filter: ``events`` and its ``(column, date, id)`` indexes (migration 0002);
    - ``actor`` / ``place``: the range of ``event_terms`` for the rarer of the two names, in sort
      order; the other name is a primary-key probe, ``q`` a probe of the set of matching FTS
      rowids, type and status filters a rowid lookup in the narrow ``event_search``;
    - ``q`` alone: ``event_search`` (it copies the filter columns) against the FTS matches: the
      count comes from the full-text index; the page either walks the sort index probing the
      match set (many matches) or reads the matches and sorts them (few).
    """
    terms, words = filters.terms(), filters.text()
    sqlite = session.get_bind().dialect.name == "sqlite"
    if terms:
        if len(terms) > 1:  # drive from the rarer name: fewer index entries to walk and probe
            sizes = {
                kv: session.scalar(
                    select(func.count())
                    .select_from(EventTerm)
                    .where(EventTerm.kind == kv[0], EventTerm.term == kv[1], *filters.dates(EventTerm.date))
                )
                or 0
                for kv in terms
            }
            terms = sorted(terms, key=lambda kv: sizes[kv])
        t = aliased(EventTerm, name="t")
        (kind, term), others = terms[0], terms[1:]
        conds = [t.kind == kind, t.term == term, *filters.dates(t.date)]
        table: Any = t
        for i, (k, v) in enumerate(others):  # (search_id, kind, term) is the key: one row or none
            o = aliased(EventTerm, name=f"t{i + 1}")
            table = join(table, o, and_(o.search_id == t.search_id, o.kind == k, o.term == v))
        if words is not None:
            probe: Any = t.search_id
            if sqlite and count_matches(session, words) > FEW_MATCHES:
                probe = t.search_id + 0  # walk the name's range, probe the match set (not the reverse)
            conds.append(probe.in_(text_matches(session, words)))
        conds += filters.columns(session, t, acled=False)  # type and status: in the index
        if acled := filters.columns(session, EventSearch, plover=False, status=False):
            table = join(table, EventSearch, EventSearch.id == t.search_id)
            conds += acled
        return Source(table, t.event_id, getattr(t, key), conds)
    if words is not None:
        s = EventSearch
        plain = [*filters.dates(s.date), *filters.columns(session, s)]
        if not sqlite:
            return Source(s, s.event_id, getattr(s, key), [*plain, s.id.in_(text_matches(session, words))])
        n = count_matches(session, words)
        size = session.scalar(select(func.count()).select_from(s).where(*filters.dates(s.date))) or 0
        by_matches = [*plain, s.id.in_(text_matches(session, words))]
        # "+ 0": not an index on the rowid, so SQLite walks the sort index and probes the set
        walk = [*plain, (s.id + 0).in_(text_matches(session, words))]
        return Source(s, s.event_id, getattr(s, key), by_matches, total=None if plain else n,
                      matches=n, size=size, walk=walk)  # fmt: skip
    conds = [*filters.dates(EventRow.date), *filters.columns(session, EventRow)]
    return Source(EventRow, EventRow.id, getattr(EventRow, key), conds)


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
