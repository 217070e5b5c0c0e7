"""The temporal layer on its own (``sitrep dates``): one document's reference date and timexes.

The whole text is scanned (not just the body), so expressions in datelines count too.
"""

from __future__ import annotations

from .clean import clean
from .extract import dates
from .extract.recase import nlp_view, quoted
from .model import Document, ReferenceDate, TimeExpr


def document_timexes(doc: Document, reference_date: str | None = None) -> tuple[ReferenceDate, list[TimeExpr]]:
    """Reference date (given, or inferred) and every temporal expression of ``doc``."""
    whole = [(0, len(doc.text))]
    view = nlp_view(doc.text)  # a lower-cased archive is read through a cased copy
    if reference_date:
        reference = ReferenceDate(value=reference_date[:10], basis="given")
    else:
        cleaned = clean(doc)
        reference = dates.reference_date(doc, cleaned, quoted(doc.text, dates.find_timexes(view, whole, None)))
    return reference, quoted(doc.text, dates.find_timexes(view, whole, reference))
