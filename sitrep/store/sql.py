"""Query helpers shared by the store and the modules that persist through it (fusion, story
placement): key tables read and trimmed per key, keyset pagination in store order."""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from operator import itemgetter
from typing import Any

from sqlalchemy import ARRAY, String, and_, any_, bindparam, delete, func, literal_column, or_, select
from sqlalchemy.orm import Session

from ..batches import batched

# keys per fusion-index query: a chunk looks up ~50,000, and at 500 keys a query SQLAlchemy
# compiled ~100 statements per chunk (SQLite allows 32,766 parameters, PostgreSQL 65,535)
KEY_BATCH = 5000
# keys per lookup passed as one parameter (a JSON array on SQLite, an array on PostgreSQL):
# the statement is compiled once and cached, where an IN list of 5,000 parameters was
# rendered and bound again on every query
LOOKUP_BATCH = 20_000


def key_in(s: Session, column: Any, keys: list[str]) -> Any:
    """``column IN keys`` with the keys bound as one value where the database allows it."""
    dialect = s.get_bind().dialect.name
    if dialect == "sqlite":
        listed: Any = select(literal_column("value")).select_from(func.json_each(bindparam("keys", json.dumps(keys))))
        return column.in_(listed.scalar_subquery())
    if dialect == "postgresql":
        return column == any_(bindparam("keys", keys, type_=ARRAY(String)))
    return column.in_(keys)


#: rows kept per key: one number for every key, or a number for each key
PerKey = int | Callable[[str], int]


def _bound(per_key: PerKey) -> Callable[[str], int]:
    return per_key if callable(per_key) else (lambda _key: per_key)


def recent_per_key(
    s: Session,
    table: Any,
    value: Any,
    keys: Iterable[str],
    per_key: PerKey | None,
    where: Any = None,
    overfull: set[str] | None = None,
) -> list[tuple[str, str]]:
    """(key, value) rows of a key table for ``keys``, oldest first; with ``per_key``, only
    the rows that got each key last, at most that many (a key thousands share says little).

    Writers keep no more rows than that per key (``trim_per_key``), so the rows are read
    plainly and cut here: ranking them in SQL cost a third more on keys that are never full.
    ``overfull`` gets the keys that held more: a key written by records that never look it
    up is trimmed only when a reader finds it so (``trim_per_key``)."""
    out: list[tuple[str, str]] = []
    ordered = sorted(set(keys))
    intern = sys.intern  # a key comes back once per row, a record or document once per key it holds
    for part in batched(ordered, LOOKUP_BATCH):
        cond = key_in(s, table.key, part)
        if where is not None:
            cond = and_(where, cond)
        rows = [(intern(k), intern(v)) for k, v in s.execute(select(table.key, value).where(cond).order_by(table.id))]
        if per_key is not None:
            bound = _bound(per_key)
            counts = Counter(map(itemgetter(0), rows))
            # a store written before the trimming (or with a higher bound) may still hold more:
            # the oldest rows of such a key are skipped (each key's bound is asked once)
            if excess := {k: n - limit for k, n in counts.items() if n > (limit := bound(k))}:
                if overfull is not None:
                    overfull.update(excess)
                rows = [row for row in rows if row[0] not in excess or not _skipped(excess, row[0])]
        out += rows
    return out


def _skipped(excess: dict[str, int], key: str) -> bool:
    """Whether a row of ``key`` (rows oldest first) is one of the oldest ``excess[key]``."""
    left = excess.get(key, 0)
    if left:
        excess[key] = left - 1
    return left > 0


def insert_tuples(s: Session, table: Any, columns: Sequence[str], rows: list[tuple[Any, ...]]) -> None:
    """Insert plain (not JSON) values through the driver's executemany: SQLAlchemy's per-row
    parameter processing cost more than SQLite's insert for the ~700 key rows a page adds."""
    if not rows:
        return
    conn = s.connection()
    quote = conn.dialect.identifier_preparer.quote
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    names = ", ".join(quote(c) for c in columns)
    conn.exec_driver_sql(f"INSERT INTO {quote(table.name)} ({names}) VALUES ({', '.join([mark] * len(columns))})", rows)


def update_by_id(s: Session, table: Any, column: str, rows: list[tuple[Any, Any]]) -> None:
    """``UPDATE table SET column = value WHERE id = id`` for (value, id) pairs, through the driver."""
    if not rows:
        return
    conn = s.connection()
    quote = conn.dialect.identifier_preparer.quote
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    conn.exec_driver_sql(f"UPDATE {quote(table.name)} SET {quote(column)} = {mark} WHERE id = {mark}", rows)


def trim_per_key(s: Session, table: Any, keys: Iterable[str], keep: PerKey, where: Any = None) -> None:
    """Delete the rows of ``keys`` beyond the ``keep`` that got each key last: the only rows
    ``recent_per_key`` returns with ``per_key=keep``, so a key every document shares does not
    make each lookup rank thousands of rows."""
    bound = _bound(keep)
    by_bound: dict[int, list[str]] = {}
    for key in sorted(set(keys)):
        by_bound.setdefault(bound(key), []).append(key)
    for n, ordered in sorted(by_bound.items()):
        for part in batched(ordered, KEY_BATCH):
            cond = table.key.in_(part)
            if where is not None:
                cond = and_(where, cond)
            recent = func.row_number().over(partition_by=table.key, order_by=table.id.desc())
            ranked = select(table.id.label("id"), recent.label("r")).where(cond).subquery()
            s.execute(delete(table).where(table.id.in_(select(ranked.c.id).where(ranked.c.r > n))))


def after(query: Any, table: Any, last: tuple[int, str]) -> Any:
    """Keyset pagination on (seq, id): stable even when concurrent writers share a seq."""
    seq, ident = last
    cond = or_(table.seq > seq, and_(table.seq == seq, table.id > ident))
    return query.where(cond).order_by(table.seq, table.id)
