"""PLOVER/POLECAT-like JSON: one object per event, in a JSON array.

Field names follow the PLOVER specification's event record (event_type, mode, context,
actors with their roles, location, date, source sentence).
"""

from __future__ import annotations

import json
from typing import IO, Any

from ..store import Store
from .registry import Exporter


def plover_record(ev: dict[str, Any]) -> dict[str, Any]:
    loc = ev.get("location") or {}
    a1, a2 = ev.get("actor1") or {}, ev.get("actor2") or {}
    first = (ev.get("mentions") or [{}])[0]
    return {
        "id": ev["id"],
        "event_date": ev.get("date"),
        "date_precision": ev.get("date_precision"),
        "event_type": ev.get("plover_type"),
        "mode": ev.get("plover_mode"),
        "context": [],
        "status": ev.get("status"),
        "actor": {"name": a1.get("name"), "type": a1.get("type"), "country": a1.get("country")} if a1 else None,
        "recipient": {"name": a2.get("name"), "type": a2.get("type"), "country": a2.get("country")} if a2 else None,
        "location": {
            "name": loc.get("name"),
            "admin1": loc.get("admin1"),
            "admin2": loc.get("admin2"),
            "country": loc.get("country"),
            "lat": loc.get("lat"),
            "lon": loc.get("lon"),
        }
        if loc
        else None,
        "fatalities": ev.get("fatalities"),
        "source_sentence": first.get("text"),
        "doc_ids": sorted({m["doc_id"] for m in ev.get("mentions", [])}),
        "statement_ids": ev.get("statement_ids", []),
    }


def write_plover_json(store: Store, out: IO[str]) -> int:
    out.write("[\n")
    n = 0
    for ev in store.iter_records("event"):
        out.write((",\n" if n else "") + json.dumps(plover_record(ev), ensure_ascii=False))
        n += 1
    out.write("\n]\n")
    return n


EXPORTER = Exporter("plover-json", write_plover_json, binary=False, media_type="application/json", filename="sitrep-plover.json")
