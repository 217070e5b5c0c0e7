"""The event filters shared by the events table, the timeline and the map, and the text search
behind ``q``: every filter is a bound parameter on an indexed column (SQLAlchemy Core); user
input is never spliced into SQL text."""

from __future__ import annotations

import re
import threading
import time
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    Column,
    ColumnClause,
    ColumnElement,
    Integer,
    MetaData,
    Select,
    Table,
    Text,
    false,
    func,
    literal_column,
    select,
)
from sqlalchemy import text as text_sql
from sqlalchemy.orm import Session

from ..store.schema import EventRow, EventSearch, EventTerm, EventText, normalize_term


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
        conds = [*self.dates(EventRow.date), *self.columns(session, EventRow), *self.names(session)]
        if (words := self.text()) is not None:
            conds.append(
                EventRow.id.in_(
                    select(EventSearch.event_id).where(EventSearch.id.in_(text_matches(session, words)))
                )
            )
        return conds

    def names(self, session: Session) -> list[ColumnElement[bool]]:
        """The name filters as conditions on ``events``: each name's ``event_terms`` rows, limited
        to the dates, type and status (which they copy), as an indexed sub-select."""
        conds: list[ColumnElement[bool]] = []
        for kind, term in self.terms():
            named = [EventTerm.kind == kind, EventTerm.term == term, *self.dates(EventTerm.date),
                     *self.columns(session, EventTerm, acled=False)]  # fmt: skip
            conds.append(EventRow.id.in_(select(EventTerm.event_id).where(*named)))
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
        tsv: ColumnClause[Any] = literal_column("event_text.tsv")  # to_tsvector(SIMPLE, body), stored (migration 0015)
        query = ts_prefix_phrase(text)
        if not query:
            return select(EventText.id).where(false())
        return select(EventText.id).where(tsv.op("@@")(func.to_tsquery(SIMPLE, query)))
    if dialect == "sqlite" and _has_fts5(session):
        return select(EVENTS_FTS.c.rowid).where(EVENTS_FTS.c.events_fts.op("MATCH")(fts_query(session, text)))
    return select(EventText.id).where(contains(session, EventText.body, like_pattern(text)))


def count_matches(session: Session, text: str, limit: int | None = None) -> int:
    """How many events ``text_matches`` finds (FTS5 counts from its index without a row lookup),
    or ``limit`` when there are at least that many."""
    q = text_matches(session, text)
    if limit is not None:
        q = q.limit(limit)
    return session.scalar(select(func.count()).select_from(q.subquery())) or 0


EXPANSION = 32  # most vocabulary words a last-word prefix is spelled out as (more: FTS5's own prefix query)
_ASCII_TOKEN = re.compile(r"[a-z0-9]+")


def exact_phrases(session: Session, text: str) -> str | None:
    """``fts_phrase(text)`` without its prefix operator: the last word's prefix spelled out as the
    indexed words that start with it (``"army posts" OR "army postsx"``), read from the FTS5
    vocabulary. Same matches; but a query of whole words checks one event by rowid in
    microseconds where a prefix query re-reads every doclist of the prefix. None when the text is
    not plain ASCII (tokenised as unicode61 does: ASCII letters and digits, lower-cased) or the
    prefix has more than ``EXPANSION`` words."""
    if not text.isascii():
        return None
    words = _ASCII_TOKEN.findall(text.lower())
    if not words:
        return None
    session.execute(VOCAB_DDL)
    found = session.scalars(
        select(FTS_VOCAB.c.term).where(FTS_VOCAB.c.term >= words[-1]).order_by(FTS_VOCAB.c.term).limit(EXPANSION + 1)
    ).all()
    terms = [t for t in found if t.startswith(words[-1])]
    if len(terms) > EXPANSION or (len(found) > EXPANSION and len(terms) == len(found)):
        return None
    if not terms:
        return '"' + " ".join(words) + '"'  # no indexed word starts so: matches nothing, as the prefix
    return " OR ".join('"' + " ".join([*words[:-1], t]) + '"' for t in terms)


EXPANSION_TTL = 10.0  # seconds a spelled-out prefix is reused (the vocabulary grows only as events are written)
_EXPANDED: dict[tuple[str, str], tuple[float, str | None]] = {}


_REFRESHING: set[tuple[str, str]] = set()
_REFRESH_LOCK = threading.Lock()


def cached_exact_phrases(session: Session, text: str) -> str | None:
    """``exact_phrases``, remembered for ``EXPANSION_TTL`` seconds per database: reading the
    vocabulary costs as much as the search (fts5vocab counts each word's documents: 80 ms at
    1,000,000 events), and an analyst refining a search sends the same words again and again.

    Past ``EXPANSION_TTL`` the remembered spelling is still answered while a background thread
    reads the vocabulary again (so no request waits for it: every tenth second one search did);
    it is as fresh as before, give or take the 80 ms the new reading takes."""
    engine = session.get_bind().engine
    key, now = (str(engine.url), text), time.monotonic()
    hit = _EXPANDED.get(key)
    if hit is None:
        if len(_EXPANDED) > 1000:
            _EXPANDED.clear()
        hit = _EXPANDED[key] = (now, exact_phrases(session, text))
    elif now - hit[0] > EXPANSION_TTL:
        with _REFRESH_LOCK:
            start = key not in _REFRESHING
            _REFRESHING.add(key)
        if start:
            threading.Thread(target=_refresh_expansion, args=(engine, key), daemon=True).start()
    return hit[1]


def _refresh_expansion(engine: Any, key: tuple[str, str]) -> None:
    try:
        with Session(engine) as s:
            _EXPANDED[key] = (time.monotonic(), exact_phrases(s, key[1]))
    except Exception:  # noqa: BLE001 - the next request reads it itself
        _EXPANDED.pop(key, None)
    finally:
        with _REFRESH_LOCK:
            _REFRESHING.discard(key)


def fts_query(session: Session, text: str) -> str:
    """The FTS5 query of ``text``: its exact phrases where they exist, else ``fts_phrase``. Same
    matches, but whole words stream from the index, where a prefix query merges the doclists of
    every word of the prefix before it returns a first row (50 ms for 300,000 matches)."""
    return cached_exact_phrases(session, text) or fts_phrase(text)


def match_probe(session: Session, text: str, rowid: Any) -> ColumnElement[bool] | None:
    """SQLite: "the event whose ``event_search.id`` is ``rowid`` contains ``text``", checked row
    by row in the full-text index (no set of matches built), or None where that is not cheap."""
    if session.get_bind().dialect.name != "sqlite" or not _has_fts5(session):
        return None
    query = cached_exact_phrases(session, text)
    if query is None:
        return None
    return (
        select(EVENTS_FTS.c.rowid)
        .where(EVENTS_FTS.c.rowid == rowid, EVENTS_FTS.c.events_fts.op("MATCH")(query))
        .exists()
    )


# the FTS5 vocabulary of events_fts: a virtual table in the connection's temp schema (no storage)
FTS_VOCAB = Table("events_fts_vocab", MetaData(schema="temp"), Column("term", Text))
VOCAB_DDL = text_sql("CREATE VIRTUAL TABLE IF NOT EXISTS temp.events_fts_vocab USING fts5vocab(main, events_fts, row)")


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
