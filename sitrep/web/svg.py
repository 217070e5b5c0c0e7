"""Inline SVG for the UI (figure series, timeline histogram; the map is ``sitrep.svgmap``, shared
with the report): offline, no chart library.

Only presentation attributes are used (no ``style=``), so the strict CSP holds, and every
label taken from the data goes through ``Markup.format``, which escapes it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from markupsafe import Markup

from ..svgmap import map_svg as shared_map_svg
from .markup import record_url


def map_svg(events: Sequence[dict[str, Any]]) -> Markup:
    """Located events on the map the report draws (``sitrep.svgmap``); each dot links to its event."""
    markers = []
    for e in events:
        loc = e["location"]
        raw = e.get("fatalities")
        markers.append({
            "lat": float(loc["lat"]), "lon": float(loc["lon"]), "place": loc.get("name"),
            "fatalities": raw if isinstance(raw, int) and raw > 0 else 0,
            "label": f"{e.get('date') or 'undated'} · {loc.get('name') or ''} · {e.get('summary') or ''}",
            "href": record_url("event", e["id"]),
        })  # fmt: skip
    return shared_map_svg(markers, marker_class="dot")


def _day(date: str | None) -> dt.date | None:
    if not date:
        return None
    try:
        y = int(date[:4])
        m = int(date[5:7]) if len(date) >= 7 else 1
        d = int(date[8:10]) if len(date) >= 10 else 1
        return dt.date(y, m, d)
    except ValueError:
        return None


def series_svg(series: dict[str, Any], width: int = 640, height: int = 220) -> Markup:
    """A line chart of one figure series; undated points are left out (no invented dates)."""
    pts = [(d, {**p, "value": float(p["value"])}) for p in series["points"]
           if (d := _day(p.get("date"))) and isinstance(p.get("value"), (int, float))]  # fmt: skip
    left, right, top, bottom = 56, 12, 10, 28
    pw, ph = width - left - right, height - top - bottom
    parts = [Markup('<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {} {}" role="img" '
                    'aria-label="{}">').format(width, height, series["measure"])]
    if not pts:
        parts.append(Markup('<text x="{}" y="{}" font-size="12" fill="#6b7785">no dated values</text></svg>')
                     .format(left, height // 2))
        return Markup("").join(parts)
    d0, d1 = min(d for d, _ in pts), max(d for d, _ in pts)
    span = max((d1 - d0).days, 1)
    vmax = max(p["value"] for _, p in pts) or 1.0
    vmax *= 1.1

    def xy(d: dt.date, v: float) -> tuple[float, float]:
        x = left + (pw / 2 if d0 == d1 else (d - d0).days / span * pw)
        return round(x, 1), round(top + ph - v / vmax * ph, 1)

    for frac in (0.0, 0.5, 1.0):
        y = round(top + ph - frac * ph, 1)
        parts.append(Markup('<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#dde3e8"/>'
                            '<text x="{}" y="{}" font-size="10" text-anchor="end" fill="#555">{}</text>')
                     .format(left, y, left + pw, y, left - 4, y + 3, f"{frac * vmax:,.0f}"))
    parts.append(Markup('<text x="{}" y="{}" font-size="10" fill="#555">{}</text>'
                        '<text x="{}" y="{}" font-size="10" text-anchor="end" fill="#555">{}</text>')
                 .format(left, height - 8, d0.isoformat(), left + pw, height - 8, d1.isoformat()))
    line = " ".join(f"{x},{y}" for x, y in (xy(d, p["value"]) for d, p in pts))
    parts.append(Markup('<polyline points="{}" fill="none" stroke="#1f6feb" stroke-width="1.6"/>').format(line))
    for d, p in pts:
        x, y = xy(d, p["value"])
        label = f"{p.get('date')}: {p['value']:,g} ({', '.join(p.get('sources') or [])})"
        parts.append(Markup('<circle cx="{}" cy="{}" r="3.5" fill="#1f6feb"><title>{}</title></circle>')
                     .format(x, y, label))
    parts.append(Markup("</svg>"))
    return Markup("").join(parts)


def histogram_svg(bins: Sequence[tuple[str, int]], width: int = 900, height: int = 140) -> Markup:
    """Bars of events per period (e.g. month) for the timeline page."""
    parts = [Markup('<svg class="hist" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {} {}" role="img" '
                    'aria-label="events per month">').format(width, height)]
    if bins:
        nmax = max(n for _, n in bins) or 1
        bw = width / len(bins)
        for i, (label, n) in enumerate(bins):
            bh = round(n / nmax * (height - 20), 1)
            parts.append(Markup('<rect x="{}" y="{}" width="{}" height="{}" fill="#4a7ab5"><title>{}: {}</title>'
                                '</rect>').format(round(i * bw + 1, 1), round(height - 16 - bh, 1),
                                                  round(max(bw - 2, 1), 1), bh, label, n))
        parts.append(Markup('<text x="0" y="{}" font-size="10" fill="#555">{}</text>'
                            '<text x="{}" y="{}" font-size="10" text-anchor="end" fill="#555">{}</text>')
                     .format(height - 3, bins[0][0], width, height - 3, bins[-1][0]))
    parts.append(Markup("</svg>"))
    return Markup("").join(parts)
