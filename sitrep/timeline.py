"""The timeline: fused events in date order, each with its sources, filterable.

Why: "what happened, when, and who says so" is the first view an analyst wants. One function
serves the CLI (``sitrep timeline``), the Python API (``Database.timeline``) and the report.

Ordering and undated events (decision, see docs/report.md): events are sorted by the start of
their date range, then its end (so "2021-08" sorts at 1 August, before "2021-08-26", and a
week before the days that end after it), then by store order. Events without a date are kept
and listed **last** (``undated=True``, the default), because an undated attack is still an
attack; ``undated=False`` drops them. A date filter (``date_from``/``date_to``) always drops
undated events: nobody can say they fall in the range. Dated events are kept when their date
*range* overlaps the filter range (a month-precise event overlaps every day of its month).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypeVar

from .chronology import date_range, pad, sort_key
from .model import PLOVER_TYPES
from .store.db import Store

__all__ = ["PLOVER_TYPES", "date_range", "document_index", "format_date", "format_fatalities", "in_timeline_order", "keep",
           "sort_key", "timeline", "timeline_row"]  # fmt: skip

T = TypeVar("T", bound=dict[str, Any])


def document_index(store: Store) -> dict[str, dict[str, Any]]:
    """Light metadata of every document (no text), to name sources by outlet and title."""
    from sqlalchemy import select

    from .store.schema import DocumentRow

    cols = (DocumentRow.id, DocumentRow.title, DocumentRow.outlet, DocumentRow.url, DocumentRow.source,
            DocumentRow.published, DocumentRow.reference_date, DocumentRow.duplicate_of)
    with store.session() as s:
        return {
            r[0]: {"id": r[0], "title": r[1], "outlet": r[2], "url": r[3], "source": r[4],
                   "published": r[5], "reference_date": r[6], "duplicate_of": r[7]}
            for r in s.execute(select(*cols).order_by(DocumentRow.seq))
        }


def place_label(loc: dict[str, Any] | None) -> str:
    """"Kabul, Kabul, Afghanistan" without repeats; "" for no location."""
    if not loc:
        return ""
    parts: list[str] = []
    for k in ("name", "admin1", "country"):
        v = loc.get(k)
        if v and v not in parts:
            parts.append(str(v))
    return ", ".join(parts)


def _matches(text: str | None, needle: str | None) -> bool:
    return needle is None or (text is not None and needle.lower() in text.lower())


def keep(
    ev: dict[str, Any],
    *,
    date_from: str | None = None,
    date_to: str | None = None,
    actor: str | None = None,
    place: str | None = None,
    plover_type: str | None = None,
    acled_type: str | None = None,
    undated: bool = True,
) -> bool:
    """Whether an event passes the filters (substring, case-insensitive for actor and place)."""
    rng = date_range(ev)
    if rng is None and (not undated or date_from or date_to):
        return False
    if rng is not None:
        if date_from and rng[1] < pad(date_from, low=True):
            return False
        if date_to and rng[0] > pad(date_to, low=False):
            return False
    if actor is not None:
        names = [(ev.get(k) or {}).get("name") for k in ("actor1", "actor2")]
        if not any(_matches(n, actor) for n in names if n):
            return False
    if place is not None:
        loc = ev.get("location") or {}
        if not any(_matches(loc.get(k), place) for k in ("name", "admin1", "admin2", "country") if loc.get(k)):
            return False
    if plover_type is not None and (ev.get("plover_type") or "").upper() != plover_type.upper():
        return False
    if acled_type is not None:
        types = [ev.get("acled_event_type"), ev.get("acled_sub_event_type")]
        if not any(t and t.lower() == acled_type.lower() for t in types):
            return False
    return True


def timeline_row(ev: dict[str, Any], docs: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """One timeline row: what the terminal table, the API and the report show."""
    doc_ids = list(dict.fromkeys(m["doc_id"] for m in ev.get("mentions", [])))
    sources = [
        {"doc_id": d, "outlet": (docs.get(d) or {}).get("outlet"), "title": (docs.get(d) or {}).get("title"),
         "url": (docs.get(d) or {}).get("url")}
        for d in doc_ids
    ]
    actors = [a["name"] for a in (ev.get("actor1"), ev.get("actor2")) if a and a.get("name")]
    return {
        "id": ev["id"],
        "date": ev.get("date"),
        "date_precision": ev.get("date_precision") or "unknown",
        "date_start": ev.get("date_start"),
        "date_end": ev.get("date_end"),
        "summary": ev.get("summary") or "",
        "actors": actors,
        "actor1": (ev.get("actor1") or {}).get("name"),
        "actor2": (ev.get("actor2") or {}).get("name"),
        "place": place_label(ev.get("location")),
        "location": ev.get("location"),
        "fatalities": ev.get("fatalities"),
        "fatalities_qualifier": ev.get("fatalities_qualifier"),
        "plover_type": ev.get("plover_type"),
        "acled_event_type": ev.get("acled_event_type"),
        "status": ev.get("status"),
        "disagreements": ev.get("disagreements") or [],
        "sources": sources,
        "mentions": ev.get("mentions", []),
    }


def in_timeline_order(items: Iterable[T]) -> list[T]:
    """Events (or timeline rows, or any dicts with ``date``, ``date_start`` and ``date_end``),
    given in store order, in timeline order: by date range, undated last, ties in store order.
    The one ordering the CLI, the report and the web all use."""
    indexed = list(enumerate(items))
    indexed.sort(key=lambda r: sort_key(r[1], r[0]))  # type: ignore[arg-type]
    return [item for _, item in indexed]


def timeline(
    store: Store,
    date_from: str | None = None,
    date_to: str | None = None,
    actor: str | None = None,
    place: str | None = None,
    plover_type: str | None = None,
    acled_type: str | None = None,
    *,
    undated: bool = True,
    events: Iterable[dict[str, Any]] | None = None,
) -> list[dict[str, Any]]:
    """Fused events in date order (undated last unless ``undated=False``), with their sources."""
    docs = document_index(store)
    source = store.iter_records("event") if events is None else events
    return in_timeline_order(
        timeline_row(ev, docs)
        for ev in source
        if keep(ev, date_from=date_from, date_to=date_to, actor=actor, place=place, plover_type=plover_type,
                acled_type=acled_type, undated=undated)
    )


def format_date(row: dict[str, Any]) -> str:
    """A date with its precision, for people: "2021-08-26", "2021-08 (month)", "undated"."""
    date, precision = row.get("date"), row.get("date_precision") or "unknown"
    if not date:
        return "undated"
    if precision in ("day", "unknown") and len(str(date)) == 10:
        return str(date)
    if precision == "week" and row.get("date_start"):
        return f"week of {row['date_start']}"
    return f"{date} ({precision})"


def format_fatalities(row: dict[str, Any]) -> str:
    n, q = row.get("fatalities"), row.get("fatalities_qualifier")
    if n is None:
        return ""
    return f"{q} {n:,}" if q and q != "exact" else f"{n:,}"
