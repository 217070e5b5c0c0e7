"""Exports: views of the stored records in the formats analysts' tools read.

Each exporter streams from the store (flat memory) and writes to a binary or text file.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import IO, Any

from ..store import Store
from .acled_csv import write_acled_csv
from .geojson import write_geojson
from .jsonl import write_jsonl
from .parquet import write_parquet
from .plover import write_plover_json

Writer = Callable[[Store, IO[Any]], int]

FORMATS: dict[str, tuple[Writer, bool]] = {
    # name: (writer, binary?)
    "jsonl": (write_jsonl, False),
    "acled-csv": (write_acled_csv, False),
    "plover-json": (write_plover_json, False),
    "geojson": (write_geojson, False),
    "parquet": (write_parquet, True),
}

__all__ = ["FORMATS", "write_jsonl", "write_acled_csv", "write_plover_json", "write_geojson", "write_parquet"]
