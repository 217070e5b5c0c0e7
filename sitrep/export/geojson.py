"""GeoJSON: one point feature per located event (RFC 7946, lon/lat order)."""

from __future__ import annotations

import json
from typing import IO

from ..store import Store
from .registry import Exporter


def write_geojson(store: Store, out: IO[str]) -> int:
    out.write('{"type": "FeatureCollection", "features": [\n')
    n = 0
    for ev in store.iter_records("event"):
        loc = ev.get("location") or {}
        if loc.get("lat") is None or loc.get("lon") is None:
            continue
        props = {k: v for k, v in ev.items() if k not in ("mentions",)}
        props["sources"] = sorted({m["doc_id"] for m in ev.get("mentions", [])})
        feature = {
            "type": "Feature",
            "id": ev["id"],
            "geometry": {"type": "Point", "coordinates": [float(loc["lon"]), float(loc["lat"])]},
            "properties": props,
        }
        out.write((",\n" if n else "") + json.dumps(feature, ensure_ascii=False))
        n += 1
    out.write("\n]}\n")
    return n


EXPORTER = Exporter("geojson", write_geojson, binary=False, media_type="application/geo+json", filename="sitrep-events.geojson")
