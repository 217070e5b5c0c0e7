"""Parquet: one table per record type, one file per type.

``-o out.parquet`` writes ``out.documents.parquet``, ``out.events.parquet``, ... beside it and
a small index at ``out.parquet`` (the events table), so tools that open one file get events.
Nested fields (actors, location, mentions) are stored as JSON strings, so every row of a
table has one schema whatever an extractor left empty.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import IO, Any

from ..store import Store
from .registry import Exporter

BATCH = 2000


def _flatten(rec: dict[str, Any]) -> dict[str, Any]:
    # JSON-encode the irregular parts so every row has one schema
    out = {}
    for k, v in rec.items():
        out[k] = json.dumps(v, ensure_ascii=False) if isinstance(v, (dict, list)) else v
    return out


def write_tables(store: Store, base: Path) -> dict[str, int]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    counts: dict[str, int] = {}
    sources = {
        "documents": store.iter_documents(),
        "events": store.iter_records("event"),
        "statements": store.iter_records("statement"),
        "figures": store.iter_records("figure"),
    }
    for name, it in sources.items():
        path = base.with_suffix(f".{name}.parquet")
        writer = None
        n = 0
        rows: list[dict[str, Any]] = []
        schema = None
        for rec in it:
            rows.append(_flatten(rec))
            if len(rows) >= BATCH:
                table = pa.Table.from_pylist(rows, schema=schema)
                schema = table.schema
                writer = writer or pq.ParquetWriter(path, schema)
                writer.write_table(table)
                n += len(rows)
                rows = []
        if rows or writer is None:
            table = pa.Table.from_pylist(rows, schema=schema) if rows else pa.table({"id": pa.array([], pa.string())})
            writer = writer or pq.ParquetWriter(path, table.schema)
            writer.write_table(table)
            n += len(rows)
        writer.close()
        counts[name] = n
    return counts


def write_parquet(store: Store, out: IO[bytes]) -> int:
    """Write the events table to ``out`` and every table beside it when ``out`` has a name."""
    import pyarrow.parquet as pq

    name = getattr(out, "name", None)
    if isinstance(name, str) and name not in ("<stdout>",):
        counts = write_tables(store, Path(name))
        table = pq.read_table(Path(name).with_suffix(".events.parquet"))
        pq.write_table(table, out)
        return sum(counts.values())
    raise ValueError("parquet export needs a file name (-o FILE.parquet)")


EXPORTER = Exporter("parquet", write_parquet, binary=True, media_type="application/vnd.apache.parquet", filename="sitrep-events.parquet")
