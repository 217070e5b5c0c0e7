"""Figure series: stored figures grouped by (measure, subject) into dated points.

Why: one figure ("9,600 NATO troops") is a fact; the same measure reported across documents
and dates ("13,000 in 2015", "9,600 in 2021") is a trend an analyst can chart and check.

Decisions (docs/report.md):
- the series key is the normalized (measure, subject): the extractor's synonym tables
  (``sitrep.extract.series``: forces/soldiers -> troops, U.S./American -> united states), then
  lower case, single spaces, no dots; a missing subject is its own key (""), never merged;
- that module groups ``Figure`` objects during extraction; this one groups the stored, fused
  records (dicts with mentions) and adds dates from the citing documents and outlets;
- a point's date is the figure's own date (its period at its precision, else the period's
  start, else its end, as ``sitrep.extract.series``); when the figure
  has none, the citing document's published/reference date is used and the point says so
  (``date_basis: "document"``): a present-tense figure describes the day it was reported;
- points are sorted by date, undated points last; every point keeps its source, qualifier,
  status and the document ids it was read from.
"""

from __future__ import annotations

import re
from typing import Any

from .extract.series import normalize_measure, normalize_subject
from .store.db import Store
from .timeline import document_index


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace(".", "").strip(" \t\n,;:").lower())


def normalize(text: str | None) -> str:
    """Free-text key part: "  U.S.  troops." -> "us troops" (case, spaces and dots ignored)."""
    return _clean(text or "")


def series_key(fig: dict[str, Any]) -> tuple[str, str]:
    """(measure, subject) key: the extractor's synonyms (forces -> troops, US -> united states,
    ``sitrep.extract.series``) and then case, spaces and dots ignored."""
    return (_clean(normalize_measure(fig.get("measure") or "")), _clean(normalize_subject(fig.get("subject"))))


def _point_date(fig: dict[str, Any], docs: dict[str, dict[str, Any]]) -> tuple[str | None, str]:
    own = fig.get("date") or fig.get("period_start") or fig.get("period_end")
    if own:
        return str(own), "figure"
    for m in fig.get("mentions", []):
        d = docs.get(m["doc_id"]) or {}
        when = d.get("published") or d.get("reference_date")
        if when:
            return str(when)[:10], "document"
    return None, "none"


def figure_point(fig: dict[str, Any], docs: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """One point of a series with everything needed to cite it."""
    date, basis = _point_date(fig, docs)
    doc_ids = list(dict.fromkeys(m["doc_id"] for m in fig.get("mentions", [])))
    return {
        "id": fig["id"],
        "date": date,
        "date_basis": basis,
        "period_start": fig.get("period_start"),
        "period_end": fig.get("period_end"),
        "value": fig.get("value"),
        "unit": fig.get("unit"),
        "qualifier": fig.get("qualifier"),
        "status": fig.get("status"),
        "source": fig.get("source"),
        "doc_ids": doc_ids,
        "outlets": [o for o in ((docs.get(d) or {}).get("outlet") for d in doc_ids) if o],
        "mentions": fig.get("mentions", []),
    }


def figure_series(
    store: Store, measure: str | None = None, subject: str | None = None
) -> list[dict[str, Any]]:
    """Series of figure points by (measure, subject); filters are case-insensitive substrings.

    Returned largest series first: ``[{"measure", "subject", "unit", "points": [...]}]``.
    """
    docs = document_index(store)
    groups: dict[tuple[str, str], dict[str, Any]] = {}
    for fig in store.iter_records("figure"):
        m, s = series_key(fig)
        if not m:
            continue
        if measure is not None and normalize(measure) not in m:
            continue
        if subject is not None and normalize(subject) not in s:
            continue
        g = groups.setdefault((m, s), {"measure": fig.get("measure"), "subject": fig.get("subject"),
                                       "key": [m, s], "unit": fig.get("unit"), "points": []})
        g["points"].append(figure_point(fig, docs))
    out = list(groups.values())
    for g in out:
        g["points"].sort(key=lambda p: (p["date"] is None, p["date"] or ""))
        units = {p["unit"] for p in g["points"] if p["unit"]}
        g["unit"] = units.pop() if len(units) == 1 else g["unit"]
    out.sort(key=lambda g: (-len(g["points"]), g["key"]))
    return out
