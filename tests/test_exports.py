"""Exports are read back with the standard readers and follow the record contract."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

import sitrep
from sitrep.export import FORMATS
from sitrep.export.acled_csv import COLUMNS, safe_cell
from sitrep.store import Store

CONTRACT = {
    "document": {"id", "source", "title", "outlet", "published", "reference_date", "reference_date_basis",
                 "date_warnings", "text", "boilerplate"},
    "event": {"id", "plover_type", "acled_event_type", "acled_sub_event_type", "actor1", "actor2", "location",
              "date", "date_precision", "date_start", "date_end", "status", "fatalities",
              "fatalities_qualifier", "summary", "statement_ids", "confidence", "disagreements", "mentions"},
    "statement": {"id", "speaker", "quote", "direct", "intent", "addressee", "channel", "reported_by", "date",
                  "date_precision", "mentions"},
    "figure": {"id", "measure", "value", "unit", "qualifier", "subject", "location", "period_start",
               "period_end", "source", "status", "mentions"},
}


@pytest.fixture
def store(article_dir: Path, tmp_db: Path) -> Store:
    sitrep.run([article_dir], db=tmp_db)
    return Store(tmp_db, create=False)


def _write(store: Store, fmt: str, path: Path) -> int:
    writer, binary = FORMATS[fmt]
    with open(path, "wb" if binary else "w", encoding=None if binary else "utf-8") as f:
        return writer(store, f)


def test_jsonl_follows_the_record_contract(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    n = _write(store, "jsonl", path)
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert len(records) == n and n >= 3
    texts = {r["id"]: r["text"] for r in records if r["type"] == "document"}
    for r in records:
        missing = CONTRACT.get(r["type"], set()) - set(r)
        assert not missing, f"{r['type']} lacks {missing}"
        for m in r.get("mentions", []):
            assert texts[m["doc_id"]][m["start"] : m["end"]] == m["text"]
        for b in r.get("boilerplate", []):
            assert 0 <= b["start"] < b["end"] <= len(r["text"])


def test_acled_csv_has_acled_columns(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    n = _write(store, "acled-csv", path)
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        rows = list(reader)
        assert reader.fieldnames == COLUMNS
    assert len(rows) == n


def test_geojson_and_plover_json_parse(store: Store, tmp_path: Path) -> None:
    g = tmp_path / "out.geojson"
    _write(store, "geojson", g)
    data = json.loads(g.read_text(encoding="utf-8"))
    assert data["type"] == "FeatureCollection"
    for feat in data["features"]:
        lon, lat = feat["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
    p = tmp_path / "out.plover.json"
    n = _write(store, "plover-json", p)
    events = json.loads(p.read_text(encoding="utf-8"))
    assert isinstance(events, list) and len(events) == n


def test_parquet_tables_read_back(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "out.parquet"
    _write(store, "parquet", path)
    docs = pq.read_table(tmp_path / "out.documents.parquet")
    assert docs.num_rows == 3 and "text" in docs.column_names
    for name in ("events", "statements", "figures"):
        assert (tmp_path / f"out.{name}.parquet").exists()


def test_csv_formula_payloads_are_inert() -> None:
    assert safe_cell("=HYPERLINK(\"http://x\")") == "'=HYPERLINK(\"http://x\")"
    assert safe_cell("+1") == "'+1" and safe_cell("@cmd") == "'@cmd"
    assert safe_cell("Taliban") == "Taliban" and safe_cell(3) == 3
    buf = io.StringIO()
    csv.writer(buf).writerow([safe_cell("=1+1")])
    assert buf.getvalue().startswith("'=")
