"""Event reads of the web: filtered, sorted, paged lists (cursor or page), the timeline, the
map's located events, the sidebar's facets and the month histogram."""

from __future__ import annotations

import base64
import binascii
import json
import math
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, FromClause, and_, case, func, literal, or_, select
from sqlalchemy.orm import Session, aliased, join

from ..store.records import among
from ..store.schema import EventRow, EventSearch, EventTerm, MentionRow
from .filters import (
    EVENTS_FTS,
    EventFilters,
    QueryError,
    count_matches,
    fts_query,
    match_probe,
    text_matches,
)
from .records import Paged, get_records

FEW_MATCHES = 2000  # a text search with fewer matches is read from the full-text index first
MANY_MATCHES = 50_000  # text matches (and name rows) are counted this far to choose a plan
COUNT_LIMIT = 10_000  # matching events are counted exactly up to this; past it: "more than 10,000"
JOIN_COUNT_LIMIT = 1_000  # the same for a search whose counted rows are each a join (text, two names)
PROBE_COST = 70  # a row-by-row text check costs about as much as reading this many matches


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


def bounded_count(session: Session, table: Any, conds: list[ColumnElement[bool]],
                  limit: int | None = None) -> tuple[int, bool]:
    """How many rows of ``table`` match ``conds``, counting no further than ``limit``
    (``COUNT_LIMIT``): (count, True) when exact, (limit, False) when more match."""
    limit = COUNT_LIMIT if limit is None else limit
    inner = select(literal(1)).select_from(table).where(*conds).limit(limit + 1).subquery()
    n = session.scalar(select(func.count()).select_from(inner)) or 0
    return (n, True) if n <= limit else (limit, False)


def list_events(
    session: Session,
    filters: EventFilters,
    *,
    sort: str = "-date",
    page: int = 1,
    page_size: int = 50,
    cursor: str | None = None,
) -> Paged:
    """One page of events matching ``filters``, plus the count (exact up to ``COUNT_LIMIT``,
    else "more than COUNT_LIMIT": ``Paged.exact`` False) and a cursor onwards.

    Reads ids and sort keys only, from the narrowest index that answers the filters (see
    ``event_source``); the JSON of the records on the page is fetched afterwards by primary key.
    """
    key, desc = _sort_key(sort)
    offset = 0 if cursor else (page - 1) * page_size
    src = event_source(session, filters, key, wanted=offset + page_size + 1)
    total, exact = source_total(session, src)
    after = []
    if cursor:
        value, ident = decode_cursor(cursor, sort)
        after.append(_keyset(src.key, src.ident, desc, value, ident))
    keys = first_keys(session, src, sort, after, offset, page_size + 1)
    more = len(keys) > page_size
    keys = keys[:page_size]
    nxt = encode_cursor(sort, keys[-1][1], keys[-1][0]) if more and keys else None
    return Paged(total, get_records(session, "event", [k[0] for k in keys]), nxt, exact)


def first_keys(session: Session, src: Source, sort: str, after: list[ColumnElement[bool]], offset: int,
               limit: int) -> list[Any]:
    """(event id, sort key) of ``src`` in ``sort`` order past ``after`` (a cursor's position),
    rows ``offset`` to ``offset + limit``.

    PostgreSQL: the dated rows, then the undated ones (or the reverse ascending), each in its own
    index order. Its ``(key, id)`` indexes read backwards give ``key DESC NULLS FIRST``, so one
    query in ``DESC NULLS LAST`` order sorted every matching row (110 ms at 100,000 events for
    the first page with no filter)."""
    if session.get_bind().dialect.name != "postgresql":
        q = _ordered_ids(session, src, offset + limit, sort).where(*after)
        return list(session.execute(q.offset(offset).limit(limit)))
    key, desc = _sort_key(sort)
    base = select(src.ident, src.key).select_from(src.table).where(*src.conds, *after)
    dated = base.where(src.key.is_not(None)).order_by(*((src.key.desc(), src.ident.desc()) if desc
                                                         else (src.key.asc(), src.ident.asc())))  # fmt: skip
    # (key, id), though every key is NULL: ordered by id alone, PostgreSQL sorted the undated rows
    # instead of reading them in the order of the ``(key, id)`` index (page 200 by date: 58 -> 4 ms)
    undated = base.where(src.key.is_(None)).order_by(*((src.key.desc(), src.ident.desc()) if desc
                                                       else (src.key.asc(), src.ident.asc())))  # fmt: skip
    # the offset is skipped in the server, not read: page 200 sent 10,000 rows to be dropped
    out: list[Any] = []
    for part in (dated, undated) if desc else (undated, dated):
        rows = list(session.execute(part.offset(offset).limit(limit - len(out))))
        out += rows
        if len(out) >= limit:
            break
        if offset:  # the next part starts where this one's rows (all of them skipped, or read) end
            skipped = offset if rows else bounded_count(session, part.order_by(None).subquery(), [], offset)[0]
            offset -= skipped
    return out


def source_total(session: Session, src: Source) -> tuple[int, bool]:
    """The bounded count of the events ``src`` reads: (count, exact), as the events list gives it."""
    if src.total is not None:
        return src.total
    if src.count_table is not None and src.count_conds is not None:
        n = len(src.counted_ids(session, JOIN_COUNT_LIMIT + 1))
        return (n, True) if n <= JOIN_COUNT_LIMIT else (JOIN_COUNT_LIMIT, False)
    return bounded_count(session, src.table, src.conds, src.count_limit)


def _ordered_ids(session: Session, src: Source, wanted: int, sort: str) -> Any:
    """(event id, sort key) of ``src`` in ``sort`` order, by the cheaper of two plans for the
    first ``wanted`` rows: many text matches, walking the sort index and probing the match set
    finds them after about ``wanted * size / matches`` rows; few matches, reading them all and
    sorting is cheaper (probes cost ``PROBE_COST`` each; reading costs ``matches``)."""
    key, desc = _sort_key(sort)
    conds = src.conds
    if src.walk is not None and wanted * src.size * PROBE_COST < src.matches**2:
        conds = src.walk
    q = select(src.ident, src.key).select_from(src.table).where(*conds)
    return q.order_by(*_ordering(session, src.ident, src.key, desc))


@dataclass
class Source:
    """Where a filtered event list is read from: a table (or join), its event id and sort key
    columns, the conditions, and what is known in advance: the bounded ``total`` (count, exact),
    or a cheaper place to count (``count_table`` / ``count_conds``); for a text search the
    number of text ``matches`` (up to ``MANY_MATCHES``), the ``size`` of the walked index and the
    ``walk`` conditions that read the sort index in order, checking each row's text."""

    table: FromClause | Any
    ident: Any
    key: Any
    conds: list[ColumnElement[bool]]
    total: tuple[int, bool] | None = None
    matches: int = 0
    size: int = 0
    walk: list[ColumnElement[bool]] | None = None
    count_table: Any = None
    count_conds: list[ColumnElement[bool]] | None = None
    count_limit: int | None = None  # None: COUNT_LIMIT
    count_ident: Any = None  # the event id column of ``count_table``
    counted: dict[int, list[str]] = field(default_factory=dict)  # ``counted_ids``, by limit

    def counted_ids(self, session: Session, limit: int) -> list[str]:
        """The ids of the first ``limit`` rows of ``count_table`` (as the full-text index gives
        them): counted for the total, and the rows the facets tally (the same scan, read once)."""
        if limit not in self.counted:
            q = select(self.count_ident).select_from(self.count_table).where(*(self.count_conds or [])).limit(limit)
            self.counted[limit] = list(session.scalars(q))
        return self.counted[limit]


def _no_index(col: Any) -> Any:
    """``col || ''``: the same text, but SQLite will not read it from an index (so a join is
    driven from the full-text matches, not from this table's index range)."""
    return col.op("||")(literal(""))


class _Unindexed:
    """A table's filter columns as ``_no_index`` expressions (for ``EventFilters.columns``)."""

    def __init__(self, table: Any) -> None:
        self._table = table

    def __getattr__(self, name: str) -> Any:
        return _no_index(getattr(self._table, name))


def _text_plan(session: Session, words: str, rowid: Any, size: int, wanted: int) -> tuple[int, int, ColumnElement[bool] | None]:
    """SQLite: (matches, the bound they were counted to, a row-by-row text check of ``rowid``
    when walking an index of ``size`` rows checking each one can beat reading every match).

    Matches are counted just past the number at which walking for the first ``wanted`` rows
    beats reading them all (``_ordered_ids``): far enough to choose, never further."""
    bound = max(FEW_MATCHES, math.isqrt(wanted * size * PROBE_COST)) + 1
    n = count_matches(session, words, bound)
    if n <= FEW_MATCHES:
        return n, bound, None
    return n, bound, match_probe(session, words, rowid)


def _text_total(n: int, bound: int) -> tuple[int, bool] | None:
    """The bounded total of a text search with no other filter, from its matches counted up to
    ``bound`` (``_text_plan``); None when that count stopped short of ``COUNT_LIMIT``."""
    if n < bound:
        return min(n, COUNT_LIMIT), n <= COUNT_LIMIT
    return (COUNT_LIMIT, False) if bound > COUNT_LIMIT else None


#: seconds a name's row count (``term_size``) is reused: it only chooses a plan, every plan gives the same rows
PLAN_TTL = 60.0
_TERM_SIZES: dict[tuple[Any, ...], tuple[float, int]] = {}


def term_size(session: Session, name: tuple[str, str], filters: EventFilters, limit: int) -> int:
    """How many ``event_terms`` rows of ``name`` (kind, term) are in the date range, counted up to
    ``limit``: a statistic that chooses a plan (which name to walk, walk or read the text matches),
    never a count shown, so it is remembered ``PLAN_TTL`` seconds per database (counting 50,000
    index entries cost 6 ms of a 25 ms search at 1,000,000 events, on every request)."""
    key = (str(session.get_bind().engine.url), *name, filters.date_from, filters.date_to, limit)
    now = time.monotonic()
    hit = _TERM_SIZES.get(key)
    if hit is None or now - hit[0] > PLAN_TTL:
        if len(_TERM_SIZES) > 10_000:
            _TERM_SIZES.clear()
        conds = [EventTerm.kind == name[0], EventTerm.term == name[1], *filters.dates(EventTerm.date)]
        hit = _TERM_SIZES[key] = (now, bounded_count(session, EventTerm, conds, limit)[0])
    return hit[1]


#: rows of a name read to estimate how often the other name of a search is on the same event
PARTNER_SAMPLE = 200


def _partner_share(session: Session, name: tuple[str, str], other: tuple[str, str], filters: EventFilters) -> float:
    """The share of ``name``'s first ``PARTNER_SAMPLE`` rows in the filters' dates, type and status
    that also carry ``other``: how often a probe of ``other`` succeeds when ``name`` drives.

    Two common names are both past any count a plan can afford (Taliban in 737,000 events,
    Kandahar in 143,000 at 1,000,000): driving from the one whose partner is likelier probes
    fewer rows for the same matches (1,000 of both: 7,000 probes from Taliban, 1,400 from
    Kandahar). 400 probes decide it."""
    d = (
        select(EventTerm.search_id)
        .where(EventTerm.kind == name[0], EventTerm.term == name[1], *filters.dates(EventTerm.date),
               *filters.columns(session, EventTerm, acled=False))
        .limit(PARTNER_SAMPLE)
        .subquery()
    )  # fmt: skip
    o = aliased(EventTerm, name="o")
    on = and_(o.search_id == d.c.search_id, o.kind == other[0], o.term == other[1])
    read, hit = session.execute(select(func.count(), func.count(o.search_id)).select_from(d.outerjoin(o, on))).one()
    return hit / read if read else 0.0


PLANS = "sitrep.web.plans"  # ``session.info`` key: the request's plans (``request_plans``)


def request_plans(session: Session) -> Session:
    """Let ``session`` (one web request's, read-only) keep the plans ``event_source`` makes: the
    events page plans its list and its facets alike, and counting names and text matches twice
    cost as much as the list. Plans count rows, so only a session that writes nothing keeps them."""
    session.info[PLANS] = {}
    return session


def event_source(session: Session, filters: EventFilters, key: str, wanted: int = 51) -> Source:
    """``plan_source``, made once per (filters, key, wanted) in a session given to ``request_plans``."""
    plans = session.info.get(PLANS)
    if plans is None:
        return plan_source(session, filters, key, wanted)
    k = (filters, key, wanted)
    if k not in plans:
        plans[k] = plan_source(session, filters, key, wanted)
    return plans[k]  # type: ignore[no-any-return]


def plan_source(session: Session, filters: EventFilters, key: str, wanted: int = 51) -> Source:
    """The cheapest way to read the events matching ``filters`` in ``key`` order.

    - no name or text filter: ``events`` and its ``(column, date, id)`` indexes (migration 0002);
    - ``actor`` / ``place``: the range of ``event_terms`` for the rarer of the two names, in sort
      order; the other name is a primary-key probe, type and status filters are in the index;
    - ``q`` (SQLite): few matches (``FEW_MATCHES``) are read from the full-text index and joined
      to the filters; many are checked row by row while the sort index (of ``event_search`` or
      of the name's range) is walked, and counted (up to ``JOIN_COUNT_LIMIT``) by joining the
      full-text matches to the filters, driven from the matches. PostgreSQL: a set of matches
      (the stored tsvector's GIN index), counted up to ``JOIN_COUNT_LIMIT`` in no order; two
      names are merged in event-id order (``ix_event_terms_ids``).
    """
    terms, words = filters.terms(), filters.text()
    sqlite = session.get_bind().dialect.name == "sqlite"
    if terms:
        if len(terms) == 2 and sqlite:  # each row read is a probe of the other name: the likelier hit first
            terms = sorted(terms, key=lambda kv: -_partner_share(session, kv, [o for o in terms if o != kv][0], filters))
        elif len(terms) > 1:  # drive from the rarer name: fewer index entries to walk
            sizes = {
kv: term_size(session, kv, filters, COUNT_LIMIT) for kv in terms
            }  # fmt: skip
            terms = sorted(terms, key=lambda kv: sizes[kv])
        t = aliased(EventTerm, name="t")
        (kind, term), others = terms[0], terms[1:]

        def name_join(table: Any, t: Any) -> Any:
            for i, (k, v) in enumerate(others):  # (search_id, kind, term) is the key: one row or none
                o = aliased(EventTerm, name=f"t{i + 1}")
                table = join(table, o, and_(o.search_id == t.search_id, o.kind == k, o.term == v))
            if filters.columns(session, EventSearch, plover=False, status=False):
                table = join(table, EventSearch, EventSearch.id == t.search_id)
            return table

        conds = [t.kind == kind, t.term == term, *filters.dates(t.date), *filters.columns(session, t, acled=False)]
        conds += filters.columns(session, EventSearch, plover=False, status=False)
        table = name_join(t, t)
        if words is None:  # with a second name, each counted row is a probe of it: count fewer
            return Source(table, t.event_id, getattr(t, key), conds,
                          count_limit=JOIN_COUNT_LIMIT if others else None)
        if not sqlite:  # each counted row is a text check: counted as far as a join's, in no order
            by_matches = [*conds, t.search_id.in_(text_matches(session, words))]
            return Source(table, t.event_id, getattr(t, key), by_matches, count_table=table,
                          count_conds=by_matches, count_ident=t.event_id)
        size = term_size(session, (kind, term), filters, MANY_MATCHES)
        n, _bound, probe = _text_plan(session, words, t.search_id, size, wanted)
        by_matches = [*conds, t.search_id.in_(text_matches(session, words))]
        if probe is None:
            if n > FEW_MATCHES:  # "+ 0": walk the name's range, probe the set of matches (not the reverse)
                by_matches = [*conds, (t.search_id + 0).in_(text_matches(session, words))]
            return Source(table, t.event_id, getattr(t, key), by_matches)
        # count: the matches joined to the name's rows by key, not the name's range probed
        c = aliased(EventTerm, name="c")
        ccols = [_no_index(c.kind) == kind, _no_index(c.term) == term, *filters.dates(_no_index(c.date)),
                 *filters.columns(session, _Unindexed(c), acled=False),
                 *filters.columns(session, EventSearch, plover=False, status=False)]  # fmt: skip
        ctable = name_join(join(EVENTS_FTS, c, c.search_id == EVENTS_FTS.c.rowid), c)
        ccols.append(EVENTS_FTS.c.events_fts.op("MATCH")(fts_query(session, words)))
        return Source(table, t.event_id, getattr(t, key), by_matches, matches=n, size=size, walk=[*conds, probe],
                      count_table=ctable, count_conds=ccols, count_ident=c.event_id)
    if words is not None:
        s = EventSearch
        plain = [*filters.dates(s.date), *filters.columns(session, s)]
        by_matches = [*plain, s.id.in_(text_matches(session, words))]
        if not sqlite:  # a common word's matches come from its GIN posting list (50 ms at 300,000) or
            # a check of each row (3 microseconds): counted as far as a join's, in no order
            return Source(s, s.event_id, getattr(s, key), by_matches, count_table=s, count_conds=by_matches,
                          count_ident=s.event_id)
        size = (bounded_count(session, s, filters.dates(s.date), MANY_MATCHES)[0] if filters.dates(s.date)
                else session.scalar(select(func.max(s.id))) or 0)  # ids are dense enough for a plan
        n, bound, probe = _text_plan(session, words, s.id, size, wanted)
        if probe is None:  # "+ 0": not an index on the rowid, so SQLite walks the sort index and probes the set
            walk = [*plain, (s.id + 0).in_(text_matches(session, words))]
            return Source(s, s.event_id, getattr(s, key), by_matches, matches=n, size=size, walk=walk,
                          total=None if plain else _text_total(n, bound))
        cplain = [*filters.dates(_no_index(s.date)), *filters.columns(session, _Unindexed(s))]
        ccols = [*cplain, EVENTS_FTS.c.events_fts.op("MATCH")(fts_query(session, words))]
        ctable = join(EVENTS_FTS, s, s.id == EVENTS_FTS.c.rowid)
        return Source(s, s.event_id, getattr(s, key), by_matches, matches=n, size=size, walk=[*plain, probe],
                      count_table=ctable, count_conds=ccols, count_ident=s.event_id,
                      total=None if plain else _text_total(n, bound))  # fmt: skip
    conds = [*filters.dates(EventRow.date), *filters.columns(session, EventRow)]
    return Source(EventRow, EventRow.id, getattr(EventRow, key), conds)


#: facet counts read at most this many matching events (the most recent): past it they count a part
#: (10,000 rows read by id cost 50-150 ms at 1,000,000 events; 1,000 keep the page interactive),
#: which the page says
FACET_ROWS = 1_000
FACET_COLUMNS = {"plover_type": EventRow.plover_type, "status": EventRow.status,
                 "acled_event_type": EventRow.acled_event_type, "admin1": EventRow.admin1,
                 "actor1": EventRow.actor1}  # fmt: skip


@dataclass
class Facets:
    """Counts of matching events by column, largest first (at most 30 values a column), over
    the ``rows`` most recent matching events; ``complete``: those are all the matching events."""

    counts: dict[str, list[tuple[str, int]]]
    rows: int
    complete: bool


def event_facets(session: Session, filters: EventFilters, columns: Sequence[str] = tuple(FACET_COLUMNS),
                 rows: int | None = None) -> Facets:
    """The sidebar's counts, read in one query over ``rows`` (``FACET_ROWS``) matching events,
    so a filter that matches most of a million events costs what one matching a thousand does.

    The most recent ones, found the way the events list finds its first page (``event_source``);
    for a text search with many matches, the first ones the full-text index gives (joined from
    the matches, as they are counted: walking the dates and checking each one's text cost
    250 ms for 1,000 of them)."""
    rows = FACET_ROWS if rows is None else rows
    cols = [FACET_COLUMNS[c] for c in columns]
    src = event_source(session, filters, "date")  # planned as the list's first page, which it mostly reuses
    if src.count_table is not None and src.count_conds is not None:
        ids = src.counted_ids(session, rows + 1)  # what the list counted, when ``rows`` is its bound
        found = len(ids)
        q = select(*cols).where(among(session, EventRow.id, ids[:rows]))
    elif session.get_bind().dialect.name == "postgresql":  # the first rows in index order (``first_keys``)
        ids = [k[0] for k in first_keys(session, src, "-date", [], 0, rows + 1)]
        found = len(ids)
        q = select(*cols).where(among(session, EventRow.id, ids[:rows]))
    else:
        first = _ordered_ids(session, src, rows + 1, "-date").limit(rows + 1).subquery()
        ident, date = first.c[0], first.c[1]
        q = select(*cols).join(first, ident == EventRow.id).order_by(*_ordering(session, ident, date, True))
        found = -1
    tallies: list[Counter[str]] = [Counter() for _ in cols]
    n = 0
    for n, values in enumerate(session.execute(q), start=1):
        if n > rows:
            break
        for tally, v in zip(tallies, values, strict=True):
            if v is not None and v != "":  # a blank value is no filter to click
                tally[str(v)] += 1
    n = max(n, found)
    counts = {c: sorted(t.items(), key=lambda kv: (-kv[1], kv[0]))[:30] for c, t in zip(columns, tallies, strict=True)}
    return Facets(counts, min(n, rows), n <= rows)


def timeline(session: Session, filters: EventFilters, *, limit: int = 500, offset: int = 0,
             brief: bool = False) -> Paged:
    """Events in timeline order, as ``sitrep timeline`` and the report list them: by date range,
    undated events last, ties in store order (``sitrep.chronology``, whose bounds each event row
    keeps: ``ix_events_timeline`` reads them in order). A date filter drops undated events (no
    date is in a range). ``brief``: each event as the timeline page shows it (``brief_events``),
    not the whole record."""
    total, exact = source_total(session, event_source(session, filters, "date"))
    q = (
        select(EventRow.id)
        .where(*_timeline_conditions(session, filters, offset + limit))
        .order_by(EventRow.timeline_lo, EventRow.timeline_hi, EventRow.seq, EventRow.id)
        .offset(offset)
        .limit(limit)
    )
    ids = list(session.scalars(q))
    return Paged(total, brief_events(session, ids) if brief else get_records(session, "event", ids), None, exact)


def _timeline_conditions(session: Session, filters: EventFilters, wanted: int) -> list[ColumnElement[bool]]:
    """``filters`` on ``events`` for reading the first ``wanted`` in timeline order. One common
    name and no dates: walk ``ix_events_timeline``, checking each event's name by key (about
    ``wanted * events / size`` of them), not read all ``size`` events of the name and sort them
    (Taliban at 1,000,000 events: 1,200 ms read, 1 ms walked; a rare name is read: 5 ms)."""
    terms = filters.terms()
    if not terms or filters.text() is not None:
        return filters.conditions(session)
    # read: the names' events (their rows limited to the dates, type and status), with no such
    # condition on ``events`` (SQLite walked its date index, probing the names' set: 90 ms)
    read = [*filters.columns(session, EventRow, plover=False, status=False), *filters.names(session)]
    if len(terms) != 1 or filters.dates(EventRow.date):
        return read
    size = term_size(session, terms[0], filters, MANY_MATCHES)
    events = session.scalar(select(func.max(EventSearch.id))) or 0  # ids are dense enough for a plan
    if size * size <= 2 * wanted * events:
        return read
    (kind, term), t = terms[0], aliased(EventTerm, name="t")
    named = join(EventSearch, t, and_(t.search_id == EventSearch.id, t.kind == kind, t.term == term))
    has = select(literal(1)).select_from(named).where(EventSearch.event_id == EventRow.id).exists()
    return [*filters.columns(session, EventRow), has]


def brief_events(session: Session, ids: Sequence[str]) -> list[dict[str, Any]]:
    """id, date, plover_type, summary and sources of events, in the order of ``ids``: what a list
    of events shows, read from the columns and the record's ``sources`` (its mentions' documents
    when it has none, as ``records.get_records``) without decoding records or reading evidence
    (a 200-event timeline page spent a fifth of its time on them)."""
    sources = EventRow.data["sources"]
    rows = {r[0]: r for r in session.execute(
        select(EventRow.id, EventRow.date, EventRow.plover_type, EventRow.summary, sources).where(among(session, EventRow.id, ids)))}
    out = [{"id": i, "date": rows[i][1], "plover_type": rows[i][2], "summary": rows[i][3],
            "sources": list(rows[i][4] or [])} for i in ids if i in rows]  # fmt: skip
    if lacking := [e["id"] for e in out if not e["sources"]]:
        docs: dict[str, set[str]] = {}
        q = select(MentionRow.record_id, MentionRow.doc_id).where(MentionRow.record_kind == "event",
                                                                  among(session, MentionRow.record_id, lacking))
        for rid, doc in session.execute(q):
            docs.setdefault(rid, set()).add(doc)
        for e in out:
            if not e["sources"]:
                e["sources"] = sorted(docs.get(e["id"], ()))
    return out


#: the map shows at most this many events, the most recent (5,000 took a second to draw, 1,000 still 100 ms)
MAP_EVENTS = 500


def located_events(session: Session, filters: EventFilters, limit: int | None = None) -> list[dict[str, Any]]:
    """The ``limit`` (``MAP_EVENTS``) most recent matching events with coordinates, for the map:
    the fields it draws (id, date, type, summary, fatalities, place and its lat/lon), read from
    the columns and, for the coordinates, from the JSON in the database (no record decoded).
    Found the way the events list finds its first page (``event_source``)."""
    limit = MAP_EVENTS if limit is None else limit
    src = event_source(session, filters, "date", wanted=limit)
    q = _ordered_ids(session, src, limit, "-date")
    if src.ident is not EventRow.id:
        q = q.join(EventRow, EventRow.id == src.ident)
    lat, lon = EventRow.data[("location", "lat")].as_float(), EventRow.data[("location", "lon")].as_float()
    q = q.add_columns(EventRow.plover_type, EventRow.summary, EventRow.fatalities, EventRow.location, lat, lon)
    q = q.where(EventRow.location.is_not(None), lat.is_not(None), lon.is_not(None))
    if session.get_bind().dialect.name == "postgresql":  # dated rows, then undated, each in index order (``first_keys``)
        dated = q.where(src.key.is_not(None)).order_by(None).order_by(src.key.desc(), src.ident.desc())
        rows = list(session.execute(dated.limit(limit)))
        if len(rows) < limit:
            undated = q.where(src.key.is_(None)).order_by(None).order_by(src.key.desc(), src.ident.desc())
            rows += session.execute(undated.limit(limit - len(rows)))
    else:
        rows = list(session.execute(q.limit(limit)))
    out = []
    for ident, date, plover, summary, fatalities, place, y, x in rows:
        out.append({"id": ident, "date": date, "plover_type": plover, "summary": summary, "fatalities": fatalities,
                    "location": {"name": place, "lat": y, "lon": x}})  # fmt: skip
    return out


def month_counts(session: Session, filters: EventFilters) -> list[tuple[str, int]]:
    """Dated events per month (year-only dates count under their year), in date order."""
    terms = filters.terms()
    if filters.text() is None and (not terms or (len(terms) == 1 and not filters.acled_event_type)):
        return _months_by_ranges(session, filters, terms[0] if terms else None)
    key = func.substr(EventRow.date, 1, 7)
    q = (
        select(key, func.count())
        .where(*filters.conditions(session), EventRow.date.is_not(None))
        .group_by(key)
        .order_by(key)
    )
    return [(str(k), int(n)) for k, n in session.execute(q)]


def _months_by_ranges(session: Session, filters: EventFilters, name: tuple[str, str] | None) -> list[tuple[str, int]]:
    """``month_counts`` for date, type and status filters, which ``(column, date)`` indexes answer:
    month after month, the next month's key is the first date past the last one (one index
    probe) and its count one index range (for a 7-character key ``k``, the dates from ``k`` to
    ``k~``, as a ``date_to`` month; a shorter date is its own key), each with one lower and one
    upper date bound so that the index range is exactly the month's. Grouping every date by its
    month cost 240 ms at 1,000,000 events; this reads each date once, without a sort."""
    sqlite = session.get_bind().dialect.name == "sqlite"
    greatest, least = (func.max, func.min) if sqlite else (func.greatest, func.least)
    filters.dates(EventRow.date)  # a QueryError when date_from is after date_to
    lo, hi = filters.date_from, filters.date_to
    top = hi + "~" if hi else None

    def kept(alias: Any) -> list[ColumnElement[bool]]:
        if name is None:
            return [*filters.columns(session, alias), alias.date.is_not(None)]
        return [alias.kind == name[0], alias.term == name[1], *filters.columns(session, alias, acled=False),
                alias.date.is_not(None)]  # fmt: skip

    def end(k: Any) -> Any:  # the last date of key k's bucket
        return case((func.length(k) == 7, k.op("||")(literal("~"))), else_=k)

    table: Any = EventRow if name is None else EventTerm  # a name's rows: one per event, dates copied
    a = aliased(table, name="a")
    first = select(func.substr(func.min(a.date), 1, 7)).where(*kept(a), *filters.dates(a.date)).scalar_subquery()
    months = select(first.label("k")).cte("months", recursive=True)
    b = aliased(table, name="b")
    past = [b.date > end(months.c.k), *([b.date <= top] if top else [])]  # past k, all >= date_from
    after = select(func.substr(func.min(b.date), 1, 7)).where(*kept(b), *past).scalar_subquery()
    months = months.union_all(select(after).where(months.c.k.is_not(None)))
    c = aliased(table, name="c")
    start = greatest(months.c.k, literal(lo)) if lo else months.c.k
    stop = least(end(months.c.k), literal(top)) if top else end(months.c.k)
    count = select(func.count()).where(*kept(c), c.date >= start, c.date <= stop).scalar_subquery()
    q = select(months.c.k, count).where(months.c.k.is_not(None)).order_by(months.c.k)
    return [(str(k), int(n)) for k, n in session.execute(q)]
