"""Cleaning: mark boilerplate as spans and find title, dateline, outlet and published date.

Contract: ``clean(document) -> Cleaned``; ``document.text`` is never modified, cleaning only
records spans (code-point offsets into it). Plain-text scrapes go through a line classifier of
our own (``classify``); HTML pages are mapped from trafilatura's main text (``htmlbody``).
"""

from __future__ import annotations

from ..model import Cleaned, Document
from .text import clean_text


def clean(document: Document) -> Cleaned:
    """Find what is not the article in ``document`` (spans only) and its title and dates."""
    if document.raw_html:
        from .htmlbody import clean_html

        return clean_html(document)
    return clean_text(document)


__all__ = ["clean"]
