"""The order of events in time, defined once: the CLI's timeline, the report and the web (which
reads it from the ``events.timeline_lo``/``timeline_hi`` columns written with this code) agree.

Events are sorted by the start of their date range, then its end (so "2021-08" sorts at 1 August,
before "2021-08-26", and a week before the days that end after it), then by store order; events
without a date come last (docs/report.md).
"""

from __future__ import annotations

from typing import Any

# the bounds stored for an undated event: after every padded ISO day in any collation
NO_DATE = "9999-99-99"


def date_range(rec: dict[str, Any]) -> tuple[str, str] | None:
    """A record's date as an inclusive ISO-day range ("2021-08" -> 2021-08-01..2021-08-31).

    A record without ``date`` is undated even if it carries range bounds: the shown date decides.
    """
    if not rec.get("date"):
        return None
    start = rec.get("date_start") or rec.get("date")
    end = rec.get("date_end") or rec.get("date")
    if not start:
        return None
    return pad(str(start), low=True), pad(str(end or start), low=False)


def pad(value: str, *, low: bool) -> str:
    value = value[:10]
    if len(value) == 4:
        return value + ("-01-01" if low else "-12-31")
    if len(value) == 7:
        return value + ("-01" if low else "-31")  # "-31" only compares, it is never shown
    return value


def sort_key(row: dict[str, Any], order: int) -> tuple[int, str, str, int]:
    """Timeline order of a record given in store order at position ``order``."""
    rng = date_range(row)
    if rng is None:
        return (1, "", "", order)
    return (0, rng[0], rng[1], order)


def timeline_bounds(rec: dict[str, Any]) -> tuple[str, str]:
    """``date_range``, or (``NO_DATE``, ``NO_DATE``) for an undated record: stored with each event
    so that ordering by (bounds, store order) in SQL is ``sort_key``'s order."""
    return date_range(rec) or (NO_DATE, NO_DATE)
