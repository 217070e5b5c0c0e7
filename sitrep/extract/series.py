"""Figure series: the same measure about the same subject across documents, ordered in time.

``series(figures)`` groups by a normalized (measure, subject) key so that "9,800 American
troops", "14,000 U.S. forces" and "just 2,500" (US forces) fall into one troop-level series.
The ``sitrep figures`` command prints these; each point keeps its figure (and so its source).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..model import Figure

SeriesKey = tuple[str, str]

_MEASURE_SYNONYMS = {
    "troops": "troops",
    "forces": "troops",
    "soldiers": "troops",
    "service members": "troops",
    "personnel": "troops",
    "troops deployed": "troops",
    "troop level": "troops",
    "troop levels": "troops",
    "fatalities": "deaths",
    "civilians dead": "civilians killed",
    "civilian deaths": "civilians killed",
}
_SUBJECT_SYNONYMS = {
    "us": "united states",
    "u.s.": "united states",
    "usa": "united states",
    "american": "united states",
    "us forces": "united states",
    "u.s. forces": "united states",
    "american forces": "united states",
    "nato mission": "nato",
    "resolute support": "nato",
    "isaf": "nato",
}


@dataclass
class Point:
    """One point of a series: the figure, when it is about, and where it was reported."""

    date: str | None
    value: float
    qualifier: str | None
    status: str
    source: str | None
    doc_id: str | None
    figure: Figure


def normalize_measure(measure: str) -> str:
    m = re.sub(r"\s+", " ", measure.strip().lower())
    return _MEASURE_SYNONYMS.get(m, m)


def normalize_subject(subject: str | None) -> str:
    s = re.sub(r"\s+", " ", (subject or "").strip().lower())
    s = re.sub(r"^the ", "", s)
    return _SUBJECT_SYNONYMS.get(s, s)


def series_key(fig: Figure) -> SeriesKey:
    return normalize_measure(fig.measure), normalize_subject(fig.subject)


def series(figures: Iterable[Figure], min_points: int = 1) -> dict[SeriesKey, list[Point]]:
    """Group figures by normalized (measure, subject); points sorted by period (undated last)."""
    out: dict[SeriesKey, list[Point]] = {}
    for fig in figures:
        date = fig.period.date or fig.period.start or fig.period.end
        doc = fig.mentions[0].doc_id if fig.mentions else None
        out.setdefault(series_key(fig), []).append(
            Point(date, fig.value, fig.qualifier, fig.status, fig.source, doc, fig)
        )
    for pts in out.values():
        pts.sort(key=lambda p: (p.date is None, p.date or "", p.doc_id or ""))
    return {k: v for k, v in out.items() if len(v) >= min_points}
