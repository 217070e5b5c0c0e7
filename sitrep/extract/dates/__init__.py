"""The temporal layer: temporal expressions, reference dates and dates of records.

Owner: dates helper. Contract:
- ``find_timexes(text, ranges, reference) -> list[TimeExpr]``
- ``reference_date(document, cleaned, timexes) -> ReferenceDate``
- ``record_date(ctx, start, end, kind) -> RecordDate``
- ``acled_time_precision(precision) -> int``

Modules: ``patterns`` (regexes and word lists), ``tagger`` (spans and their meaning), ``tense``
(past or future clause), ``normalize`` (anchoring against the reference), ``reference``
(reference date of a document), ``records`` (date of an event, statement or figure).
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from ...model import ReferenceDate, TimeExpr
from .normalize import normalize
from .records import acled_time_precision, record_date
from .reference import detect_dateline, reference_date
from .tagger import Sem, scan
from .tense import clause_tense

__all__ = [
    "acled_time_precision",
    "detect_dateline",
    "find_timexes",
    "prefers_day_first",
    "record_date",
    "reference_date",
]

_DMY_WORDS = re.compile(
    r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:January|February|March|April|May|June|July|August|September|October"
    r"|November|December)\b"
)
_MDY_WORDS = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December)"
    r"\s+\d{1,2}(?:st|nd|rd|th)?\b(?!\d)"
)
_NUMERIC = re.compile(r"(?<![\d/])(\d{1,2})[/.-](\d{1,2})[/.-](?:\d{4}|\d{2})(?![\d/])")


def prefers_day_first(text: str) -> bool:
    """Order of ambiguous numeric dates ("5/7/2021") in this text.

    Evidence, in order: an unambiguous numeric date in the text (a first part above 12 means
    day first, a second part above 12 month first); then the order of written dates ("24 April"
    vs "April 24"); else month first, the usual order of English-language wire copy.
    """
    day_first = month_first = 0
    for m in _NUMERIC.finditer(text):
        a, b = int(m.group(1)), int(m.group(2))
        if a > 12 >= b:
            day_first += 1
        elif b > 12 >= a:
            month_first += 1
    if day_first != month_first:
        return day_first > month_first
    dmy = len(_DMY_WORDS.findall(text))
    mdy = len(_MDY_WORDS.findall(text))
    return dmy > mdy


def _parse_ref(reference: ReferenceDate | None) -> dt.date | None:
    if reference is None or not reference.value:
        return None
    try:
        return dt.date.fromisoformat(reference.value[:10])
    except ValueError:
        return None


def _relation(lo: dt.date | None, hi: dt.date | None, ref: dt.date | None) -> str | None:
    if ref is None or (lo is None and hi is None):
        return None
    if hi is not None and hi < ref:
        return "past"
    if lo is not None and lo > ref:
        return "future"
    if lo is not None and hi is not None:
        return "same"
    return "past" if lo is None else "future"


_NEEDS_TENSE = frozenset({"weekday", "date", "season", "weekend", "quarter"})
_ANCHOR_PRECISION = frozenset({"day", "week", "month", "year"})


@lru_cache(maxsize=256)
def _scanned(text: str, lo: int, hi: int) -> tuple[Sem, ...]:
    """The tagger's expressions in a range: a document is scanned twice, before and after its
    reference date is known, and the scan does not depend on it."""
    return tuple(scan(text, lo, hi))


def find_timexes(
    text: str, ranges: list[tuple[int, int]] | None = None, reference: ReferenceDate | None = None
) -> list[TimeExpr]:
    """Every temporal expression inside ``ranges`` (default: the whole text), normalized.

    With no reference (``reference`` None or without a value) relative expressions come back
    unresolved ("XXXX-WXX-3", anchored False); absolute ones are always resolved.
    """
    ref = _parse_ref(reference)
    if ranges is None:
        ranges = [(0, len(text))]
    day_first = prefers_day_first(text) if _NUMERIC.search(text) else False
    out: list[TimeExpr] = []
    # the story's last resolved date: base of "three days later" (a story goes on across its
    # paragraphs: "... on Friday. // The army said it struck the same day")
    anchor: dt.date | None = None
    for lo, hi in ranges:
        for sem in _scanned(text, lo, hi):
            needs = sem.kind in _NEEDS_TENSE and (sem.kind != "date" or sem.year is None)
            tense = clause_tense(text, sem.start, sem.end) if needs and ref is not None else None
            norm = normalize(sem, ref, tense, day_first, anchor)
            if norm is None:
                continue
            if (norm.anchored and norm.range_start is not None and norm.type in ("DATE", "TIME")
                    and norm.precision in _ANCHOR_PRECISION and (norm.value or "")[:1].isdigit()):
                anchor = norm.range_start
            out.append(
                TimeExpr(
                    start=sem.start,
                    end=sem.end,
                    text=text[sem.start : sem.end],
                    type=norm.type,
                    value=norm.value,
                    precision=norm.precision,  # type: ignore[arg-type]
                    range_start=norm.range_start.isoformat() if norm.range_start else None,
                    range_end=norm.range_end.isoformat() if norm.range_end else None,
                    relation=_relation(norm.range_start, norm.range_end, ref),
                    anchored=norm.anchored,
                )
            )
    return out
