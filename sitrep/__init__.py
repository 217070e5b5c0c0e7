"""sitrep: raw conflict news pages in, a sourced dataset of events, statements and figures out.

Python API (the CLI only calls these)::

    import sitrep
    summary = sitrep.run(["corpus/"], db="sitrep.db")
    db = sitrep.open("sitrep.db")
    for event in db.events():
        print(event["date"], event["summary"])
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .api import Database
    from .pipeline import RunSummary

try:
    __version__ = version("sitrep")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0.0.0"


def run(paths: list[str | Path] | str | Path, db: str | Path = "sitrep.db", **options: Any) -> RunSummary:
    """Ingest, extract, store and fuse everything under ``paths`` (see ``pipeline.run``)."""
    from .pipeline import run as _run

    if isinstance(paths, (str, Path)):
        paths = [paths]
    return _run(paths, db, **options)


def open(db: str | Path = "sitrep.db") -> Database:  # noqa: A001 - mirrors sqlite3.connect style
    """Open a sitrep database for reading records."""
    from .api import Database

    return Database(db)


__all__ = ["run", "open", "__version__"]
