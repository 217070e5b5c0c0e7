"""Inline SVG for the UI (map, figure series, timeline histogram): offline, no chart library.

Only presentation attributes are used (no ``style=``), so the strict CSP holds, and every
label taken from the data goes through ``Markup.format``, which escapes it.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from typing import Any

from markupsafe import Markup

from .markup import record_url


def _nice_step(span: float, target: int = 6) -> float:
    raw = span / max(target, 1)
    mag = 10 ** math.floor(math.log10(raw)) if raw > 0 else 1
    for m in (1, 2, 5, 10):
        if raw <= m * mag:
            return m * mag
    return 10 * mag


def map_svg(events: Sequence[dict[str, Any]], width: int = 900, height: int = 520) -> Markup:
    """Located events on an equirectangular lat/lon grid, zoomed to the points; dots link to events."""
    pts = [(e, float(e["location"]["lat"]), float(e["location"]["lon"])) for e in events]
    if pts:
        lats, lons = [p[1] for p in pts], [p[2] for p in pts]
        lat0, lat1 = min(lats), max(lats)
        lon0, lon1 = min(lons), max(lons)
    else:
        lat0, lat1, lon0, lon1 = -60.0, 80.0, -180.0, 180.0
    pad_lat = max(1.0, (lat1 - lat0) * 0.15)
    pad_lon = max(1.0, (lon1 - lon0) * 0.15)
    lat0, lat1 = max(-90.0, lat0 - pad_lat), min(90.0, lat1 + pad_lat)
    lon0, lon1 = max(-180.0, lon0 - pad_lon), min(180.0, lon1 + pad_lon)
    # keep degrees square-ish at this latitude
    scale = min(width / (lon1 - lon0), height / (lat1 - lat0))
    w, h = (lon1 - lon0) * scale, (lat1 - lat0) * scale

    def xy(lat: float, lon: float) -> tuple[float, float]:
        return round((lon - lon0) * scale, 1), round((lat1 - lat) * scale, 1)

    parts = [Markup('<svg class="map" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {} {}" role="img" '
                    'aria-label="map of located events">').format(round(w, 1), round(h, 1)),
             Markup('<rect x="0" y="0" width="{}" height="{}" fill="#eef3f7"/>').format(round(w, 1), round(h, 1))]
    step = _nice_step(max(lat1 - lat0, lon1 - lon0))
    v = math.ceil(lon0 / step) * step
    while v <= lon1:
        x, _ = xy(lat0, v)
        parts.append(Markup('<line x1="{0}" y1="0" x2="{0}" y2="{1}" stroke="#c9d3dc" stroke-width="0.6"/>'
                            '<text x="{2}" y="{3}" font-size="10" fill="#6b7785">{4}°</text>')
                     .format(x, round(h, 1), x + 2, round(h - 3, 1), round(v, 2)))
        v += step
    v = math.ceil(lat0 / step) * step
    while v <= lat1:
        _, y = xy(v, lon0)
        parts.append(Markup('<line x1="0" y1="{0}" x2="{1}" y2="{0}" stroke="#c9d3dc" stroke-width="0.6"/>'
                            '<text x="2" y="{2}" font-size="10" fill="#6b7785">{3}°</text>')
                     .format(y, round(w, 1), y - 2, round(v, 2)))
        v += step
    for e, lat, lon in pts:
        x, y = xy(lat, lon)
        raw = e.get("fatalities")
        fat = raw if isinstance(raw, int) else 0
        r = round(3 + min(12.0, math.sqrt(max(fat, 0))), 1)
        label = f"{e.get('date') or 'undated'} · {e['location'].get('name') or ''} · {e.get('summary') or ''}"
        parts.append(Markup('<a href="{}"><circle class="dot" cx="{}" cy="{}" r="{}" fill="#c0392b" '
                            'fill-opacity="0.65" stroke="#7b241c" stroke-width="0.8"><title>{}</title>'
                            '</circle></a>').format(record_url("event", e["id"]), x, y, r, label))
    parts.append(Markup("</svg>"))
    return Markup("").join(parts)


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
