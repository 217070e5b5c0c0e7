"""ACLED-style CSV: one row per ACLED-coded event, with ACLED's column names, and one column of
sitrep's own at the end: ``source_quote``, the words of the first report the event was read from
(its mention), so a row can be checked against its source without opening the store.

Cells that a spreadsheet would read as a formula (=, +, -, @ at the start) are prefixed with
a single quote, so article text can never run as a formula (OWASP CSV injection advice).
"""

from __future__ import annotations

import csv
from typing import IO, Any

from ..store import Store
from .registry import Exporter

COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp", "source_quote",
]

# ACLED's interaction codes by actor type (codebook, "Actor types")
INTER = {
    "state forces": 1, "rebel group": 2, "political militia": 3, "identity militia": 4,
    "rioters": 5, "protesters": 6, "civilians": 7, "external/other forces": 8,
}
DISORDER = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Riots": "Political violence",
    "Protests": "Demonstrations",
    "Strategic developments": "Strategic developments",
}
TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}


def safe_cell(value: Any) -> Any:
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def acled_row(ev: dict[str, Any], sources: dict[str, str]) -> dict[str, Any]:
    loc = ev.get("location") or {}
    a1, a2 = ev.get("actor1") or {}, ev.get("actor2") or {}
    date = ev.get("date") or ""
    i1, i2 = INTER.get(a1.get("type") or "", 0), INTER.get(a2.get("type") or "", 0)
    doc_ids = sorted({m["doc_id"] for m in ev.get("mentions", [])})
    row = {
        "event_id_cnty": ev["id"],
        "event_date": date if len(date) == 10 else (date_start_of(ev) or ""),
        "year": date[:4],
        "time_precision": TIME_PRECISION.get(ev.get("date_precision") or "", ""),
        "disorder_type": DISORDER.get(ev.get("acled_event_type") or "", ""),
        "event_type": ev.get("acled_event_type") or "",
        "sub_event_type": ev.get("acled_sub_event_type") or "",
        "actor1": a1.get("name") or "",
        "assoc_actor_1": "",
        "inter1": i1 or "",
        "actor2": a2.get("name") or "",
        "assoc_actor_2": "",
        "inter2": i2 or "",
        "interaction": int(f"{min(i1, i2)}{max(i1, i2)}") if i1 and i2 else (i1 * 10 if i1 else ""),
        "civilian_targeting": "Civilian targeting" if a2.get("type") == "civilians" else "",
        "iso": "",
        "region": "",
        "country": loc.get("country") or a1.get("country") or "",
        "admin1": loc.get("admin1") or "",
        "admin2": loc.get("admin2") or "",
        "admin3": "",
        "location": loc.get("name") or "",
        "latitude": loc.get("lat") if loc.get("lat") is not None else "",
        "longitude": loc.get("lon") if loc.get("lon") is not None else "",
        "geo_precision": loc.get("geo_precision") or "",
        "source": "; ".join(sources.get(d, d) for d in doc_ids),
        "source_scale": "",
        "notes": ev.get("summary") or "",
        "fatalities": ev.get("fatalities") if ev.get("fatalities") is not None else 0,
        "tags": (ev.get("fatalities_qualifier") or "") if ev.get("fatalities_qualifier") not in (None, "exact") else "",
        "timestamp": "",
        "source_quote": " ".join((ev.get("mentions") or [{}])[0].get("text", "").split()),
    }
    return {k: safe_cell(v) for k, v in row.items()}


def date_start_of(ev: dict[str, Any]) -> str | None:
    start = ev.get("date_start")
    return str(start)[:10] if start and len(str(start)) >= 10 else None


def write_acled_csv(store: Store, out: IO[str], include_uncoded: bool = False) -> int:
    sources = {d["id"]: d.get("outlet") or d.get("source") or d["id"] for d in _doc_meta(store)}
    w = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    w.writeheader()
    n = 0
    for ev in store.iter_records("event"):
        if not ev.get("acled_event_type") and not include_uncoded:
            continue
        w.writerow(acled_row(ev, sources))
        n += 1
    return n


def _doc_meta(store: Store) -> list[dict[str, Any]]:
    return [{"id": d["id"], "outlet": d.get("outlet"), "source": d.get("source")} for d in store.iter_documents()]


EXPORTER = Exporter("acled-csv", write_acled_csv, binary=False, media_type="text/csv; charset=utf-8", filename="sitrep-events.csv")
