"""Inline SVG for the report: base map with event points, figure charts, timeline strip.

Why SVG generated in Python: the report must open offline with no CDN, tile server or script;
SVG is drawn by any browser, prints well, and every label is escaped here (``markupsafe``) so
article text can never become markup.
"""

from __future__ import annotations

import datetime as dt
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
    data = json.loads(files("sitrep.report").joinpath("assets/world.json").read_text(encoding="utf-8"))
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


def map_svg(markers: list[dict[str, Any]]) -> Markup:
    """Base map plus one circle per located event (``lat``, ``lon``, ``label``, ``fatalities``,
    optional ``place`` written beside the first marker of each place)."""
    pts = [(float(m["lon"]), float(m["lat"])) for m in markers]
    x, y, w, h = _view(pts)
    unit = w / WIDTH  # degrees per screen pixel: markers keep their on-screen size
    parts = [
        f'<svg class="map" id="event-map" viewBox="{x:.2f} {y:.2f} {w:.2f} {h:.2f}" '
        f'width="100%" role="img" aria-label="Map of located events" preserveAspectRatio="xMidYMid meet">',
        f'<rect class="sea" x="{x:.2f}" y="{y:.2f}" width="{w:.2f}" height="{h:.2f}"/>',
        '<g class="countries">',
    ]
    for c in world():
        bx0, by0, bx1, by1 = c["bbox"]
        if bx1 < x or bx0 > x + w or by1 < y or by0 > y + h:
            continue  # off screen: keep the file small
        parts.append(
            f'<path class="country" d="{escape(c["d"])}" stroke-width="{0.8 * unit:.3f}">'
            f"<title>{escape(c.get('name') or '')}</title></path>"
        )
        cx, cy = (bx0 + bx1) / 2, (by0 + by1) / 2
        if (bx1 - bx0) > w / 12 and x < cx < x + w and y < cy < y + h and w < 120:
            parts.append(
                f'<text class="country-label" x="{cx:.2f}" y="{cy:.2f}" font-size="{11 * unit:.3f}">'
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
                f'font-size="{12 * unit:.3f}">{escape(place)}</text>'
            )
    for m in markers:
        r = (5 + min(10, (m.get("fatalities") or 0) ** 0.5)) * unit
        parts.append(
            f'<circle class="event-marker" cx="{float(m["lon"]):.3f}" cy="{-float(m["lat"]):.3f}" r="{r:.3f}" '
            f'stroke-width="{1.2 * unit:.3f}"><title>{escape(m["label"])}</title></circle>'
        )
    parts.append("</g></svg>")
    return Markup("".join(parts))


def _fmt(v: float) -> str:
    return f"{v:,.0f}" if float(v).is_integer() or abs(v) >= 100 else f"{v:,.2f}"


def _clip(text: str, chars: int) -> str:
    return text if len(text) <= chars else text[: chars - 1] + "…"


def bar_chart(points: list[dict[str, Any]], title: str) -> Markup:
    """Bars in date order, value on top, date and outlet below; each bar cites its source."""
    vals = [float(p["value"]) for p in points if p.get("value") is not None]
    top = max(vals + [1.0])
    n = max(1, len(points))
    w, h, pad_l, pad_b, pad_t = 520, 220, 8, 46, 22
    bw = min(70.0, (w - pad_l * 2) / n * 0.7)
    step = (w - pad_l * 2) / n
    chars = max(4, int(step / 6.2))  # labels never run into the next bar's
    parts = [f'<svg class="chart" viewBox="0 0 {w} {h}" width="100%" role="img" aria-label="{escape(title)}">',
             f'<line class="axis" x1="{pad_l}" y1="{h - pad_b}" x2="{w - pad_l}" y2="{h - pad_b}"/>']
    for i, p in enumerate(points):
        v = float(p.get("value") or 0)
        bh = (h - pad_b - pad_t) * v / top
        bx = pad_l + step * i + (step - bw) / 2
        by = h - pad_b - bh
        src = ", ".join(p.get("outlets") or p.get("doc_ids") or [])
        qualifier = f"{p['qualifier']} " if p.get("qualifier") not in (None, "exact") else ""
        label = f"{qualifier}{_fmt(v)} — {p.get('date') or 'undated'} — {src}"
        parts.append(
            f'<rect class="bar{" bar-docdate" if p.get("date_basis") == "document" else ""}" x="{bx:.1f}" '
            f'y="{by:.1f}" width="{bw:.1f}" height="{max(bh, 1):.1f}"><title>{escape(label)}</title></rect>'
            f'<text class="bar-value" x="{bx + bw / 2:.1f}" y="{by - 5:.1f}">{escape(_fmt(v))}</text>'
            f'<text class="bar-date" x="{bx + bw / 2:.1f}" y="{h - pad_b + 15}">{escape(_clip(p.get("date") or "undated", chars))}</text>'
            f'<text class="bar-src" x="{bx + bw / 2:.1f}" y="{h - pad_b + 30}">{escape(_clip(src, chars))}</text>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def _day(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def timeline_strip(rows: list[dict[str, Any]]) -> Markup:
    """A horizontal time axis with one dot per dated event (larger for more fatalities)."""
    dated: list[tuple[dict[str, Any], dt.date]] = []
    for r in rows:
        day = _day(str(r.get("date_start") or r.get("date") or ""))
        if day is not None:
            dated.append((r, day))
    w, h, pad = WIDTH, 110, 40
    parts = [f'<svg class="strip" id="timeline-strip" viewBox="0 0 {w} {h}" width="100%" role="img" '
             f'aria-label="Events over time">', f'<line class="axis" x1="{pad}" y1="70" x2="{w - pad}" y2="70"/>']
    if dated:
        lo, hi = min(d for _, d in dated), max(d for _, d in dated)
        span = max(1, (hi - lo).days)
        for label_day in sorted({lo, hi}):
            lx = pad + (w - 2 * pad) * (label_day - lo).days / span
            parts.append(f'<text class="tick" x="{lx:.1f}" y="94">{label_day.isoformat()}</text>')
        lanes: dict[int, int] = {}
        for r, d in dated:
            px = pad + (w - 2 * pad) * (d - lo).days / span
            lane = lanes.get(round(px / 12), 0)
            lanes[round(px / 12)] = lane + 1
            rad = 4 + min(8, (r.get("fatalities") or 0) ** 0.5)
            cls = "dot assault" if r.get("plover_type") == "ASSAULT" else "dot"
            label = f"{r.get('date')}: {r.get('summary') or r.get('plover_type')}"
            parts.append(f'<circle class="{cls}" cx="{px:.1f}" cy="{70 - lane * 16}" r="{rad:.1f}">'
                         f"<title>{escape(label)}</title></circle>")
    parts.append("</svg>")
    return Markup("".join(parts))
