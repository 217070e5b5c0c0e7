"""The SVG map of located events, drawn the same way for the report and the web UI.

Country outlines (``sitrep/report/assets/world.json``, built by scripts/build_report_assets.py)
as a base map, zoomed to the markers, one circle per located event. Generated in Python: the
map opens offline with no tile server or script, and every label goes through ``markupsafe``
so article text can never become markup. Colours are presentation attributes (no ``style=``,
so the web's strict CSP holds); the report's stylesheet overrides them.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib.resources import files
from typing import Any

from markupsafe import Markup, escape

MIN_SPAN_DEG = 24.0  # the map never zooms closer than this many degrees of longitude
WIDTH = 860


@lru_cache(maxsize=1)
def world() -> list[dict[str, Any]]:
    """Country paths (x = lon, y = -lat) built by scripts/build_report_assets.py."""
    data = json.loads(files("sitrep").joinpath("report/assets/world.json").read_text(encoding="utf-8"))
    return list(data["countries"])


def _view(points: list[tuple[float, float]]) -> tuple[float, float, float, float]:
    """viewBox (x, y, w, h) around the points with a margin, 2:1 aspect; whole world if none."""
    if not points:
        return -180.0, -90.0, 360.0, 180.0
    xs, ys = [p[0] for p in points], [-p[1] for p in points]
    cx, cy = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
    w = max(MIN_SPAN_DEG, (max(xs) - min(xs)) * 1.4, (max(ys) - min(ys)) * 2.8)
    w = min(w, 360.0)
    h = w / 2
    x = min(max(cx - w / 2, -180.0), 180.0 - w)
    y = min(max(cy - h / 2, -90.0), 90.0 - h)
    return x, y, w, h


def map_svg(markers: list[dict[str, Any]], *, marker_class: str = "event-marker", svg_id: str = "event-map") -> Markup:
    """Base map plus one circle per located event (``lat``, ``lon``, ``label``, ``fatalities``,
    optional ``place`` written beside the first marker of each place, optional ``href`` the
    circle links to). ``marker_class``: the circles' class (the report's stylesheet and the
    web's scripts find them by it)."""
    pts = [(float(m["lon"]), float(m["lat"])) for m in markers]
    x, y, w, h = _view(pts)
    unit = w / WIDTH  # degrees per screen pixel: markers keep their on-screen size
    parts = [
        f'<svg class="map" id="{escape(svg_id)}" xmlns="http://www.w3.org/2000/svg" viewBox="{x:.2f} {y:.2f} {w:.2f} {h:.2f}" '
        f'width="100%" role="img" aria-label="Map of located events" preserveAspectRatio="xMidYMid meet">',
        f'<rect class="sea" x="{x:.2f}" y="{y:.2f}" width="{w:.2f}" height="{h:.2f}" fill="#dfeaf3"/>',
        '<g class="countries">',
    ]
    for c in world():
        bx0, by0, bx1, by1 = c["bbox"]
        if bx1 < x or bx0 > x + w or by1 < y or by0 > y + h:
            continue  # off screen: keep the file small
        parts.append(
            f'<path class="country" d="{escape(c["d"])}" fill="#f3f1ea" stroke="#a9a497" stroke-width="{0.8 * unit:.3f}">'
            f"<title>{escape(c.get('name') or '')}</title></path>"
        )
        cx, cy = (bx0 + bx1) / 2, (by0 + by1) / 2
        if (bx1 - bx0) > w / 12 and x < cx < x + w and y < cy < y + h and w < 120:
            parts.append(
                f'<text class="country-label" x="{cx:.2f}" y="{cy:.2f}" font-size="{11 * unit:.3f}" fill="#8a8577" text-anchor="middle">'
                f"{escape(c.get('name') or '')}</text>"
            )
    parts.append('</g><g class="markers">')
    labelled: set[str] = set()
    for m in markers:
        place = str(m.get("place") or "")
        if place and place not in labelled:  # one name per place, beside its first marker
            labelled.add(place)
            parts.append(
                f'<text class="marker-label" x="{float(m["lon"]) + 9 * unit:.3f}" y="{-float(m["lat"]) + 4 * unit:.3f}" '
                f'font-size="{12 * unit:.3f}" fill="#1d2430">{escape(place)}</text>'
            )
    for m in markers:
        r = (5 + min(10, (m.get("fatalities") or 0) ** 0.5)) * unit
        circle = (
            f'<circle class="{escape(marker_class)}" cx="{float(m["lon"]):.3f}" cy="{-float(m["lat"]):.3f}" r="{r:.3f}" '
            f'fill="#c0392b" fill-opacity="0.75" stroke="#fff" stroke-width="{1.2 * unit:.3f}">'
            f"<title>{escape(m['label'])}</title></circle>"
        )
        parts.append(f'<a href="{escape(m["href"])}">{circle}</a>' if m.get("href") else circle)
    parts.append("</g></svg>")
    return Markup("".join(parts))
