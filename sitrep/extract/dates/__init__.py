"""The temporal layer: temporal expressions, reference dates and dates of records.

Owner: dates helper. Contract:
- ``find_timexes(text, ranges, reference) -> list[TimeExpr]``
- ``reference_date(document, cleaned, timexes) -> ReferenceDate``
- ``record_date(ctx, start, end, kind) -> RecordDate``
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...model import Cleaned, Document, RecordDate, ReferenceDate, TimeExpr

if TYPE_CHECKING:
    from ..context import Context


def find_timexes(
    text: str, ranges: list[tuple[int, int]] | None = None, reference: ReferenceDate | None = None
) -> list[TimeExpr]:
    """Every temporal expression inside ``ranges`` (default: the whole text), normalized."""
    return []


def reference_date(document: Document, cleaned: Cleaned, timexes: list[TimeExpr]) -> ReferenceDate:
    """The date relative expressions are resolved against, with its basis and warnings."""
    if document.published:
        return ReferenceDate(value=document.published[:10], basis="given")
    return ReferenceDate()


def record_date(ctx: Context, start: int, end: int, kind: str = "event") -> RecordDate:
    """The date of what the text in [start, end) describes (not the date of the report)."""
    return RecordDate()
