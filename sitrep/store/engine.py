"""The database engine: a URL from a path or URL, SQLite's per-connection settings, and the
Alembic migrations that bring any store to the newest schema."""

from __future__ import annotations

import datetime as dt
import json
import threading
from functools import lru_cache
from pathlib import Path
from typing import Any, TypedDict

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from pydantic_core import from_json, to_json
from sqlalchemy import Engine, create_engine, event, text

MIGRATIONS = Path(__file__).parent / "migrations"


def db_url(db: str | Path) -> str:
    """A database argument as a SQLAlchemy URL: a path means a SQLite file."""
    s = str(db)
    if "://" in s:
        if s.startswith("postgresql://"):
            return "postgresql+psycopg://" + s[len("postgresql://") :]
        return s
    return f"sqlite:///{Path(s).expanduser()}"


def now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def read_json(text: str | bytes) -> Any:
    """A JSON column's value: parsed by pydantic-core (2.5x ``json.loads``, the same values; a
    page of 500 events spent 6 ms of its 45 decoding them), ``json.loads`` for what it refuses."""
    try:
        return from_json(text)
    except ValueError:
        return json.loads(text)


def write_json(value: Any) -> str:
    """A JSON column's text, written by pydantic-core: a third of ``json.dumps``'s CPU for the
    same values (fusion writes every record and tally it touches), and compact."""
    return to_json(value).decode()


#: PostgreSQL settings of an interactive reader's sessions (the web): no JIT compilation, no
#: parallel workers, and every statement planned for its own values. Its queries are bounded (a
#: page, a count up to a bound) and take milliseconds; JIT compiles a plan whose estimate passes
#: ``jit_above_cost`` (130 ms of a 1.3 s month histogram of a text search at 1,000,000 events) and
#: a parallel plan waits for its workers to start (the map's 500 events of a place: 37 ms with one
#: worker, 14 ms without, on 2 cores). psycopg prepares a statement run five times, and after five
#: more the server may keep one generic plan for any values: names are skewed (Taliban on 74% of
#: events, a militia on 0.1%), and the generic plan of a name and a text search counted Taliban's
#: matches in 200-300 ms where the plan for its own values takes 9 ms. Planning costs 0.1-0.5 ms.
INTERACTIVE_POSTGRESQL = "-c jit=off -c max_parallel_workers_per_gather=0 -c plan_cache_mode=force_custom_plan"


def make_engine(url: str, cache_mib: int = 64, mmap_mib: int = 256, *, interactive: bool = False) -> Engine:
    """An engine for ``url``; for SQLite, each connection's page cache and memory map in MiB; for
    PostgreSQL, ``interactive``: sessions set up for short reads (``INTERACTIVE_POSTGRESQL``)."""
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 30}, json_deserializer=read_json, json_serializer=write_json)

        @event.listens_for(engine, "connect")
        def _pragmas(conn: Any, _: Any) -> None:  # pragma: no cover - trivial
            cur = conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.execute("PRAGMA foreign_keys=ON")
            # reads of a large store (web filters over 100k events) halve with a bigger page
            # cache and memory-mapped I/O; both are per connection and cost nothing when small
            cur.execute(f"PRAGMA cache_size=-{int(cache_mib) * 1024}")
            cur.execute(f"PRAGMA mmap_size={int(mmap_mib) * 1024 * 1024}")
            cur.close()

        return engine
    connect_args = {"options": INTERACTIVE_POSTGRESQL} if interactive and url.startswith("postgresql") else {}
    return create_engine(url, pool_pre_ping=True, connect_args=connect_args, json_deserializer=read_json,
                         json_serializer=write_json)


_MIGRATE_LOCK = threading.Lock()  # Alembic's command API keeps module-level state


@lru_cache(maxsize=1)
def _alembic_config() -> tuple[Config, str | None]:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg, ScriptDirectory.from_config(cfg).get_current_head()


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest revision (Alembic); a no-op when it is already there.

    On PostgreSQL an advisory lock serializes concurrent migrators (several workers starting
    at once against a new database).
    """
    cfg, head = _alembic_config()
    with _MIGRATE_LOCK, engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(7242021)"))
        if MigrationContext.configure(conn).get_current_revision() == head:
            return
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


class SqliteSizes(TypedDict):
    """SQLite's page cache and memory map per connection, in MiB (``Store`` arguments)."""

    cache_mib: int
    mmap_mib: int


# page cache and memory map (MiB) for a run that streams a corpus into the store: on 1,000
# generated pages the run process peaked at 626 MiB with the reader settings (298 MiB of it the
# mapped store) and 322 MiB with these, in 203 s instead of 252 s
STREAMING_SQLITE: SqliteSizes = {"cache_mib": 16, "mmap_mib": 0}
