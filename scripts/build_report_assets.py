#!/usr/bin/env python3
"""Build the offline base map shipped in ``sitrep/report/assets/`` (run by hand, not at test time).

Fetches the npm package ``world-atlas`` (Natural Earth country borders as TopoJSON, public
domain) with ``npm pack`` into a temporary directory, decodes the TopoJSON arcs in Python and
writes ``world.json``: one SVG path per country in equirectangular coordinates (x = longitude,
y = -latitude, rounded to 0.1 degree, repeated points dropped), so the report can draw a map
as inline SVG with no tile server and no JavaScript. The output is committed; runtime and
tests never need npm.

Usage: python scripts/build_report_assets.py [--resolution 110m|50m]
(110m keeps the asset near 120 KB; 50m is about 850 KB.)
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import tarfile
import tempfile
from pathlib import Path
from typing import Any

PACKAGE = "world-atlas@2.0.2"
OUT = Path(__file__).resolve().parent.parent / "sitrep" / "report" / "assets" / "world.json"


def fetch_topology(resolution: str) -> dict[str, Any]:
    """``npm pack`` the package into a temp dir and read its countries TopoJSON."""
    with tempfile.TemporaryDirectory() as tmp:
        name = subprocess.run(
            ["npm", "pack", PACKAGE, "--silent"], cwd=tmp, check=True, capture_output=True, text=True
        ).stdout.strip().splitlines()[-1]
        with tarfile.open(Path(tmp) / name) as tar:
            member = tar.extractfile(f"package/countries-{resolution}.json")
            assert member is not None, f"countries-{resolution}.json missing from {name}"
            return json.loads(member.read())


def decode_arcs(topo: dict[str, Any]) -> list[list[tuple[float, float]]]:
    """Absolute lon/lat points of every arc (quantized, delta-encoded in the TopoJSON)."""
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)
    return arcs


def ring_points(ring: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    pts: list[tuple[float, float]] = []
    for i in ring:
        arc = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
        pts.extend(arc if not pts else arc[1:])
    return pts


def ring_path(pts: list[tuple[float, float]]) -> str:
    """SVG subpath, 0.1-degree precision, consecutive duplicates dropped (a light simplification)."""
    out: list[str] = []
    last = None
    for lon, lat in pts:
        p = (round(lon, 1), round(-lat, 1))
        if p == last:
            continue
        out.append(f"{p[0]:g},{p[1]:g}")
        last = p
    if len(out) < 3:
        return ""
    return "M" + "L".join(out) + "Z"


def build(resolution: str) -> dict[str, Any]:
    topo = fetch_topology(resolution)
    arcs = decode_arcs(topo)
    countries = []
    for geom in topo["objects"]["countries"]["geometries"]:
        polys = geom.get("arcs") or []
        if geom["type"] == "Polygon":
            polys = [polys]
        d = "".join(ring_path(ring_points(r, arcs)) for poly in polys for r in poly)
        if d:
            xs = [float(v) for v in re.findall(r"[ML]?(-?[\d.]+),", d)]
            ys = [float(v) for v in re.findall(r",(-?[\d.]+)", d)]
            countries.append({
                "id": geom.get("id"),
                "name": (geom.get("properties") or {}).get("name"),
                "bbox": [min(xs), min(ys), max(xs), max(ys)],  # x0, y0, x1, y1 in path units
                "d": d,
            })
    return {
        "source": f"npm {PACKAGE} countries-{resolution} (Natural Earth, public domain)",
        "projection": "equirectangular: x = longitude, y = -latitude (degrees)",
        "countries": countries,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--resolution", default="110m", choices=["50m", "110m"])
    args = ap.parse_args()
    data = build(args.resolution)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
    print(f"wrote {OUT} ({OUT.stat().st_size // 1024} KB, {len(data['countries'])} countries)")


if __name__ == "__main__":
    main()
