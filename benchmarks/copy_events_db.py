"""Copy a sitrep SQLite database into an empty PostgreSQL database, for the API benchmark there.

``make_events_db.py`` writes SQLite; a million events through the ORM into PostgreSQL would take
hours, so this creates the PostgreSQL schema through the real migrations (``Store``), drops its
secondary indexes, streams every table with ``COPY``, rebuilds the indexes, moves the id
sequences past the copied ids and runs ``ANALYZE``: the same database a long ``sitrep run``
against PostgreSQL would have built.

Usage: python benchmarks/copy_events_db.py bench.db postgresql://user@host:port/dbname
"""

from __future__ import annotations

import argparse
import sqlite3
import time
from collections.abc import Iterator
from typing import Any

import psycopg

from sitrep.store import Store
from sitrep.store.schema import Base

BATCH = 20_000


def _rows(con: sqlite3.Connection, table: str, cols: list[str]) -> Iterator[list[Any]]:
    quoted = ", ".join(f'"{c}"' for c in cols)
    cur = con.execute(f"SELECT {quoted} FROM {table}")  # noqa: S608 - names from the schema
    while batch := cur.fetchmany(BATCH):
        yield from batch


def _bool_columns(table: Any) -> set[str]:
    return {c.name for c in table.columns if c.type.python_type is bool} if table is not None else set()


def copy(sqlite_path: str, url: str) -> float:
    """Copy every table of the SQLite database at ``sqlite_path`` into the empty database ``url``."""
    started = time.perf_counter()
    Store(url).close()  # the schema at the newest revision
    src = sqlite3.connect(f"file:{sqlite_path}?mode=ro", uri=True)
    with psycopg.connect(url) as pg:
        indexes = pg.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'"
            " AND indexname NOT IN (SELECT conname FROM pg_constraint)"
        ).fetchall()
        for name, _ in indexes:
            pg.execute(f'DROP INDEX "{name}"')
        for table in Base.metadata.sorted_tables:
            have = {r[1] for r in src.execute(f"PRAGMA table_info({table.name})")}
            cols = [c.name for c in table.columns if c.name in have]
            if not cols:
                continue
            bools = [i for i, c in enumerate(cols) if c in _bool_columns(table)]
            n = 0
            with pg.cursor().copy(f'COPY {table.name} ({", ".join(chr(34) + c + chr(34) for c in cols)}) FROM STDIN') as cp:
                for row in _rows(src, table.name, cols):
                    if bools:
                        row = [bool(v) if i in bools and v is not None else v for i, v in enumerate(row)]
                    cp.write_row(row)
                    n += 1
            print(f"  {table.name}: {n} rows", flush=True)
        for name, definition in indexes:
            t = time.perf_counter()
            pg.execute(definition)
            print(f"  index {name}: {time.perf_counter() - t:.0f} s", flush=True)
        for table, col, seq in pg.execute(
            "SELECT table_name, column_name, pg_get_serial_sequence(table_name, column_name)"
            " FROM information_schema.columns WHERE table_schema = 'public'"
            " AND pg_get_serial_sequence(table_name, column_name) IS NOT NULL"
        ).fetchall():
            pg.execute(f"SELECT setval('{seq}', COALESCE((SELECT max({col}) FROM {table}), 0) + 1, false)")
        pg.commit()
        pg.autocommit = True
        pg.execute("VACUUM ANALYZE")
    src.close()
    return time.perf_counter() - started


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sqlite")
    ap.add_argument("url")
    args = ap.parse_args()
    secs = copy(args.sqlite, args.url)
    print(f"copied {args.sqlite} to {args.url} in {secs:.0f} s")


if __name__ == "__main__":
    main()
