"""p50/p95 latency of ``/api/events`` with filters on a large database (target: p95 < 100 ms).

Builds the database with ``make_events_db.py`` when it is missing, then sends each query of a
realistic mix (single filters, combinations, sorts, deep pages, cursor paging, full-text) through
FastAPI's TestClient (the whole ASGI app: validation, SQL, serialization) and prints a table.

Also times the UI pages (/events with filters, /timeline, /map) and prints the database's bytes per
event (SQLite: the file, and its largest tables and indexes). A ``total`` shown as ``>N`` is a
bounded count: more than N match.

A PostgreSQL database is filled by copying a SQLite one (``copy_events_db.py``): the same
events on both.

Usage: python benchmarks/bench_api.py [--db bench-events.db | --db postgresql://...] [--events 100000] [--repeat 30]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

QUERIES = [
    "",
    "plover_type=ASSAULT",
    "actor=Taliban",
    "actor=militia%2017",
    "place=Kunduz",
    "place=helmand&plover_type=COERCE",
    "status=planned",
    "date_from=2016-01-01&date_to=2016-12-31",
    "date_from=2019-03&date_to=2019-03",
    "acled_event_type=Battles&sort=-fatalities",
    "plover_type=ASSAULT&actor=Taliban&place=Kandahar&date_from=2015",
    "sort=fatalities&status=occurred",
    "sort=date&page=200",
    "page_size=500",
    "q=convoy",
    "q=ambush&plover_type=ASSAULT",
    "actor=Taliban&q=checkpoint&date_from=2018",
]


PAGES = [
    "/events",
    "/events?actor=Taliban&plover_type=ASSAULT",
    "/events?q=convoy&place=Kandahar",
    "/timeline?date_from=2019-03&date_to=2019-03",
    "/map?place=Kunduz&date_from=2021-06",
]


def _bytes_per_event(db: str, events: int) -> None:
    import sqlite3

    if not events:
        return
    if db.startswith("postgresql"):
        _pg_bytes_per_event(db, events)
        return
    if "://" in db:
        return
    size = Path(db).stat().st_size
    print(f"\nfile {size / 1e6:.0f} MB: {size / events:.0f} bytes per event")
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        rows = con.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC LIMIT 12").fetchall()
    except sqlite3.Error:
        return
    for name, b in rows:
        print(f"  {name:<40} {b / events:6.0f} bytes per event")


def _pg_bytes_per_event(db: str, events: int) -> None:
    """PostgreSQL: the database's size, and its largest tables and indexes, per event."""
    import sqlalchemy as sa

    engine = sa.create_engine(db.replace("postgresql://", "postgresql+psycopg://"))
    with engine.connect() as conn:
        size = conn.scalar(sa.text("SELECT pg_database_size(current_database())")) or 0
        rows = conn.execute(sa.text(
            "SELECT relname, pg_relation_size(oid) FROM pg_class WHERE relkind IN ('r', 'i')"
            " AND relnamespace = 'public'::regnamespace ORDER BY 2 DESC LIMIT 12")).fetchall()
    engine.dispose()
    print(f"\ndatabase {size / 1e6:.0f} MB: {size / events:.0f} bytes per event")
    for name, b in rows:
        print(f"  {name:<40} {b / events:6.0f} bytes per event")


def _pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, round(p / 100 * (len(xs) - 1)))]


def _time_all(client: Any, repeat: int, db: str) -> int:
    """Times every query shape and UI page; returns the number of events."""
    from sitrep.store.schema import EventRow

    with client.app.state.store.session() as s:  # type: ignore[attr-defined]
        from sqlalchemy import func, select

        total = s.scalar(select(func.count()).select_from(EventRow)) or 0
    print(f"database {db}: {total} events; {repeat} requests per query\n")

    # a cursor two pages deep, to time keyset paging too
    first = client.get("/api/events?actor=Taliban&page_size=100").json()
    queries = [*QUERIES, f"actor=Taliban&page_size=100&cursor={first['next_cursor']}"]

    rows, everything = [], []
    for q in queries:
        url = "/api/events" + (f"?{q}" if q else "")
        client.get(url)  # warm
        times = []
        for _ in range(repeat):
            t = time.perf_counter()
            r = client.get(url)
            times.append((time.perf_counter() - t) * 1000)
            if r.status_code != 200:
                raise SystemExit(f"{url}: {r.status_code} {r.text[:200]}")
        everything += times
        body = r.json()
        n = body["total"] if body.get("total_exact", True) else f">{body['total']}"
        rows.append((q or "(no filter)", n, statistics.median(times), _pct(times, 95)))
    width = max(len(q) for q, *_ in rows)
    print(f"{'query':<{width}}  {'matches':>8}  {'p50 ms':>7}  {'p95 ms':>7}")
    for q, n, p50, p95 in rows:
        flag = "  <-- over 100 ms" if p95 >= 100 else ""
        print(f"{q[:width]:<{width}}  {n:>8}  {p50:>7.1f}  {p95:>7.1f}{flag}")
    print(f"{'ALL':<{width}}  {'':>8}  {statistics.median(everything):>7.1f}  {_pct(everything, 95):>7.1f}")
    print(f"\n{'UI page':<{width}}  {'':>8}  {'p50 ms':>7}  {'p95 ms':>7}")
    for url in PAGES:
        client.get(url)
        times = []
        for _ in range(repeat):
            t = time.perf_counter()
            r = client.get(url)
            times.append((time.perf_counter() - t) * 1000)
            if r.status_code != 200:
                raise SystemExit(f"{url}: {r.status_code}")
        flag = "  <-- over 100 ms" if _pct(times, 95) >= 100 else ""
        print(f"{url:<{width}}  {'':>8}  {statistics.median(times):>7.1f}  {_pct(times, 95):>7.1f}{flag}")
    return total if isinstance(total, int) else 0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", default="bench-events.db", help="a SQLite file or a postgresql:// URL")
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=30)
    args = ap.parse_args()

    from fastapi.testclient import TestClient

    from sitrep.web import create_app

    if "://" not in args.db and not Path(args.db).exists():
        from make_events_db import make

        print(f"building {args.db} with {args.events} events ...", flush=True)
        make(Path(args.db), args.events)
    # one client for the whole run: its event loop stays up between requests, as a server's does
    # (a client per request starts a thread and a loop each time: 4 ms a request, none of it the app's)
    with TestClient(create_app(args.db)) as client:
        total = _time_all(client, args.repeat, args.db)
    _bytes_per_event(args.db, total)


if __name__ == "__main__":
    main()
