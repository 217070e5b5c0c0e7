"""Inline SVG for the report: figure charts and the timeline strip (the map is ``sitrep.svgmap``,
shared with the web UI).

Why SVG generated in Python: the report must open offline with no CDN, tile server or script;
SVG is drawn by any browser, prints well, and every label is escaped here (``markupsafe``) so
article text can never become markup.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from markupsafe import Markup, escape

WIDTH = 860


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
