"""The store's connection: one SQLAlchemy engine over a SQLite file (default) or a PostgreSQL
URL, migrated on open, its sessions, and the lock that makes concurrent runs take turns."""

from __future__ import annotations

import contextlib
import fcntl
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, text
from sqlalchemy.orm import Session

from .engine import db_url, make_engine, migrate


class StoreBase:
    """An open database: its engine, sessions and the exclusive lock; ``Store`` adds the reads
    and writes."""

    def __init__(
        self, db: str | Path = "sitrep.db", *, create: bool = True, cache_mib: int = 64, mmap_mib: int = 256,
        interactive: bool = False,
    ) -> None:
        """``cache_mib``, ``mmap_mib``: SQLite's page cache and memory map per connection. The
        defaults suit readers of a large store (the web's filters); a long run that writes passes
        less, because both count in its RSS, grow with the store up to their limits, and bought
        a run no speed (``STREAMING_SQLITE``). ``interactive``: PostgreSQL sessions without JIT
        compilation or parallel workers (the web's; ``engine.INTERACTIVE_POSTGRESQL``)."""
        self.url = db_url(db)
        if self.url.startswith("sqlite") and not create:
            path = Path(self.url.split("///", 1)[1])
            if not path.exists():
                raise FileNotFoundError(f"no database at {path} (run `sitrep run` first)")
        self.engine = make_engine(self.url, cache_mib, mmap_mib, interactive=interactive)
        migrate(self.engine)
        self._counts: tuple[Any, dict[str, int]] | None = None  # ``Store.counts`` and its change mark
        self._wal_mark: bool | None = None  # PostgreSQL: its WAL position can be read (``change_mark``)
        self._reader: Engine | None = None  # ``read_session``'s engine: this one's pool, no transactions

    def close(self) -> None:
        self.engine.dispose()

    def change_mark(self, session: Session) -> Any:
        """A value that changes whenever anything is written to the database, read without
        reading it: a SQLite file's and its write-ahead log's size and time of change, a
        PostgreSQL server's write-ahead log position (it also moves for other databases of the
        server: a needless recount, never a stale one). None: unknown (in memory, a standby)."""
        if self.url.startswith("sqlite"):
            path = self.url.split("///", 1)[1] if "///" in self.url else ""
            if not path or path == ":memory:":
                return None
            marks: list[tuple[int, int, int] | None] = []
            for name in (path, path + "-wal"):
                try:
                    st = os.stat(name)
                except OSError:  # no write-ahead log (yet), or a path that is not a file name (a URI)
                    if name == path:
                        return None
                    marks.append(None)
                    continue
                marks.append((st.st_mtime_ns, st.st_size, st.st_ino))
            return tuple(marks)
        if self.url.startswith("postgresql"):
            if self._wal_mark is None:  # asked once: the function fails on a standby, or if not granted
                self._wal_mark = bool(session.scalar(text(
                    "SELECT NOT pg_is_in_recovery() AND has_function_privilege('pg_current_wal_insert_lsn()', 'execute')")))
            return session.scalar(text("SELECT pg_current_wal_insert_lsn()::text")) if self._wal_mark else None
        return None

    def session(self) -> Session:
        return Session(self.engine, expire_on_commit=False)

    def read_session(self) -> Session:
        """A session that only reads (a web request's). On PostgreSQL its statements run without
        a transaction around them: at READ COMMITTED each statement takes its own snapshot
        anyway, and the BEGIN and ROLLBACK were two of a request's seven round trips to the
        server. Elsewhere the same as ``session``."""
        if not self.url.startswith("postgresql"):
            return self.session()
        if self._reader is None:
            self._reader = self.engine.execution_options(isolation_level="AUTOCOMMIT")
        return Session(self._reader, expire_on_commit=False)

    @contextlib.contextmanager
    def exclusive(self) -> Iterator[None]:
        """Held by one process at a time per database: fusion and story placement read what
        they will change, so two runs sharing a store take turns (saving documents does not
        wait; its content-hash key already keeps concurrent writers apart). PostgreSQL: an
        advisory lock; a SQLite file: a lock file beside it; in memory: nothing to share."""
        if self.url.startswith("postgresql"):
            with self.engine.connect() as conn:
                conn.execute(text("SELECT pg_advisory_lock(7242022)"))
                conn.commit()
                try:
                    yield
                finally:  # a lost connection has released the lock with it: keep the first error
                    with contextlib.suppress(Exception):
                        conn.execute(text("SELECT pg_advisory_unlock(7242022)"))
                        conn.commit()
            return
        path = self.url.split("///", 1)[1] if self.url.startswith("sqlite") and "///" in self.url else ""
        if not path or path == ":memory:":
            yield
            return
        with open(path + ".lock", "a") as lock:  # noqa: PTH123 - a file handle for flock
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)
