"""Generate a sitrep database with N synthetic fused events (default 100,000) for API benchmarks.

The schema comes from the real migrations up to 0003, then rows are bulk-inserted with one
``executemany`` per table inside one transaction, so 100,000 events take seconds, not minutes;
opening the ``Store`` then upgrades it to the newest revision, which back-fills the event lookup
tables and the full-text index (migration 0004) as it does for any older database.
Values follow realistic skew (a few actors and provinces dominate) so filters select
anything from a handful of rows to a large share of the table.

Usage: python benchmarks/make_events_db.py bench.db [--events 100000] [--seed 7]
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import time
from pathlib import Path

from sitrep.store import Store

PLOVER = [
    "ASSAULT",
    "COERCE",
    "PROTEST",
    "THREATEN",
    "ACCUSE",
    "AGREE",
    "CONSULT",
    "MOBILIZE",
    "AID",
    "REJECT",
]
ACLED = {
    "ASSAULT": ("Battles", "Armed clash"),
    "COERCE": ("Violence against civilians", "Abduction/forced disappearance"),
    "PROTEST": ("Protests", "Peaceful protest"),
    "MOBILIZE": ("Strategic developments", "Headquarters or base established"),
}
ACTORS = [
    "Taliban",
    "Afghan government",
    "NATO",
    "United States",
    "Islamic State",
    "Civilians",
    "Pakistan",
    "Afghan police",
    "Haqqani network",
    "Protesters",
] + [f"Militia {i}" for i in range(40)]
PLACES = [
    ("Kunduz", "Kunduz", 36.73, 68.86),
    ("Kandahar", "Kandahar", 31.61, 65.71),
    ("Lashkar Gah", "Helmand", 31.59, 64.37),
    ("Kabul", "Kabul", 34.53, 69.17),
    ("Herat", "Herat", 34.35, 62.20),
    ("Farah", "Farah", 32.37, 62.11),
    ("Mazar-i-Sharif", "Balkh", 36.71, 67.11),
    ("Jalalabad", "Nangarhar", 34.43, 70.45),
]
STATUS = ["occurred"] * 8 + ["planned", "announced", "threatened", "denied"]
WORDS = [
    "attack",
    "convoy",
    "checkpoint",
    "district",
    "fighters",
    "killed",
    "wounded",
    "police",
    "army",
    "militants",
    "rocket",
    "ambush",
    "airstrike",
    "village",
    "market",
    "talks",
    "ceasefire",
    "withdrawal",
    "troops",
    "base",
]


def _skewed(rng: random.Random, items: list[str]) -> str:
    """Zipf-like pick: the first items are far more common, as in real event data."""
    return items[min(int(rng.paretovariate(1.2)) - 1, len(items) - 1)]


def make(path: Path, n_events: int = 100_000, seed: int = 7, n_docs: int = 2_000) -> float:
    """Create ``path`` with ``n_events`` events, their mentions and ``n_docs`` documents."""
    started = time.perf_counter()
    if path.exists():
        path.unlink()
    _schema_at(path, "0003")  # the schema before the event lookup tables: 0004 back-fills them below
    rng = random.Random(seed)
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=OFF")
    docs = []
    for d in range(n_docs):
        text = " ".join(rng.choice(WORDS) for _ in range(300))
        docs.append(
            (
                f"doc{d:05d}",
                f"{d:064x}",
                f"bench/doc{d}.txt",
                None,
                f"Synthetic report {d}",
                "Bench Wire",
                None,
                None,
                "none",
                "[]",
                "[]",
                None,
                text,
                None,
                None,
                None,
                d + 1,
            )
        )
    con.executemany(
        "INSERT INTO documents (id, content_hash, source, url, title, outlet, published, reference_date,"
        " reference_date_basis, reference_bounds, date_warnings, dateline, text, raw_html, duplicate_of,"
        " run_id, seq) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        docs,
    )
    events, mentions = [], []
    for i in range(n_events):
        eid = f"ev{i:08d}"
        plover = _skewed(rng, PLOVER)
        acled, sub = ACLED.get(plover, (None, None))
        a1, a2 = _skewed(rng, ACTORS), (_skewed(rng, ACTORS) if rng.random() < 0.7 else None)
        place = PLACES[min(int(rng.paretovariate(1.1)) - 1, len(PLACES) - 1)] if rng.random() < 0.85 else None
        day = rng.randrange(0, 3650)
        y, rem = 2012 + day // 365, day % 365
        date = None if rng.random() < 0.05 else f"{y}-{rem // 31 + 1:02d}-{rem % 28 + 1:02d}"
        status = rng.choice(STATUS)
        fat = (
            rng.choice([None, None, 0, 1, 2, 3, 5, 8, 12, 20, 40])
            if plover in ("ASSAULT", "COERCE")
            else None
        )
        summary = f"{a1} {' '.join(rng.choice(WORDS) for _ in range(8))}" + (
            f" in {place[0]}" if place else ""
        )
        loc = (
            {
                "name": place[0],
                "admin1": place[1],
                "admin2": None,
                "country": "Afghanistan",
                "lat": place[2],
                "lon": place[3],
                "geo_precision": 1,
            }
            if place
            else None
        )
        data = {
            "type": "event",
            "id": eid,
            "plover_type": plover,
            "acled_event_type": acled,
            "acled_sub_event_type": sub,
            "actor1": {"name": a1, "type": None, "country": None},
            "actor2": {"name": a2, "type": None, "country": None} if a2 else None,
            "location": loc,
            "date": date,
            "date_precision": "day" if date else "unknown",
            "date_start": date,
            "date_end": date,
            "status": status,
            "fatalities": fat,
            "fatalities_qualifier": None,
            "summary": summary,
            "statement_ids": [],
            "confidence": 0.5,
            "disagreements": [],
        }
        events.append(
            (
                plover,
                acled,
                sub,
                a1,
                a2,
                place[0] if place else None,
                place[1] if place else None,
                "Afghanistan" if place else None,
                status,
                fat,
                summary,
                eid,
                json.dumps(data),
                date,
                i + 1,
            )
        )
        for _ in range(rng.choice([1, 1, 1, 2, 3])):
            doc = rng.randrange(n_docs)
            start = rng.randrange(0, 1500)
            mentions.append(("event", eid, None, f"doc{doc:05d}", start, start + 40, summary[:40]))
    con.executemany(
        "INSERT INTO events (plover_type, acled_event_type, acled_sub_event_type, actor1, actor2, location,"
        " admin1, country, status, fatalities, summary, id, data, date, seq) VALUES"
        " (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        events,
    )
    con.executemany(
        'INSERT INTO mentions (record_kind, record_id, extraction_id, doc_id, start, "end", text)'
        " VALUES (?,?,?,?,?,?,?)",
        mentions,
    )
    con.commit()
    con.close()
    Store(path).close()  # upgrade to the newest revision, as `sitrep` does to an old database
    con = sqlite3.connect(path)
    con.execute("VACUUM")  # the pages of indexes later revisions dropped: a store built at the newest has none
    con.execute("ANALYZE")
    con.close()
    return time.perf_counter() - started


def _schema_at(path: Path, revision: str) -> None:
    """Create the schema through the real migrations, up to ``revision``."""
    from alembic import command

    from sitrep.store.db import _alembic_config, db_url, make_engine

    engine = make_engine(db_url(path))
    cfg, _ = _alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
    engine.dispose()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("db", type=Path)
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    secs = make(args.db, args.events, args.seed)
    print(f"wrote {args.events} events to {args.db} in {secs:.1f} s")


if __name__ == "__main__":
    main()
