"""Cleaning a plain-text page: classify its lines and turn the result into a ``Cleaned``."""

from __future__ import annotations

import re

from ..model import Cleaned, Document, Span
from . import dateline as dl
from .classify import classify

_WS = re.compile(r"\s+")


def clean_text(document: Document) -> Cleaned:
    """Boilerplate spans, title, dateline and outlet of a plain-text scrape."""
    text = document.text
    found = classify(text)
    spans = [Span(ln.start, ln.end, ln.kind) for ln in found.lines if ln.kind]
    spans += [Span(s, e, k) for s, e, k in found.extra]
    spans.sort(key=lambda s: (s.start, s.end))
    out = Cleaned(boilerplate=spans, outlet=found.outlet)
    if found.title is not None:
        out.title, out.title_span = found.title.text, (found.title.start, found.title.end)
    if document.title:
        span = find_loose(text, document.title, limit=max(2_000, len(text) // 3))
        out.title = document.title.strip()
        out.title_span = span
    if found.dateline is not None:
        ln = found.dateline
        out.dateline, out.dateline_span = ln.text, (ln.start, ln.end)
    elif found.wire is not None:
        out.dateline, out.dateline_span = found.wire[2], (found.wire[0], found.wire[1])
    if out.dateline:
        parts = dl.parse(out.dateline)
        out.dateline_value = parts.iso if parts else None
    return out


def find_loose(text: str, needle: str, start: int = 0, limit: int | None = None) -> tuple[int, int] | None:
    """Find ``needle`` in ``text`` ignoring differences in whitespace; offsets into ``text``."""
    words = needle.split()
    if not words:
        return None
    pattern = re.compile(r"\s+".join(re.escape(w) for w in words), re.I)
    end = len(text) if limit is None else min(len(text), start + limit)
    m = pattern.search(text, start, end)
    return (m.start(), m.end()) if m else None
