"""Exports: views of the stored records in the formats analysts' tools read.

Each exporter streams from the store (flat memory) and writes to a binary or text file. They
are found through the ``sitrep.exporters`` entry point group (``registry``), the built-in five
included, so a package can add a format without editing sitrep.
"""

from __future__ import annotations

from typing import Any

from .acled_csv import write_acled_csv
from .geojson import write_geojson
from .jsonl import write_jsonl
from .parquet import write_parquet
from .plover import write_plover_json
from .registry import GROUP, Exporter, Writer, exporters, get_exporter

__all__ = [
    "FORMATS", "GROUP", "Exporter", "Writer", "exporters", "get_exporter", "write_acled_csv", "write_geojson",
    "write_jsonl", "write_parquet", "write_plover_json",
]  # fmt: skip


def __getattr__(name: str) -> Any:
    """``FORMATS``: name -> (writer, binary?) of every registered exporter, read when asked for
    (entry points are loaded on first use, not when this package is imported)."""
    if name == "FORMATS":
        return {e.name: (e.write, e.binary) for e in exporters().values()}
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
