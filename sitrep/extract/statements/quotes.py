"""Quotation spans: straight and curly marks paired per paragraph, continued across paragraphs.

A paragraph that ends inside an open quote continues into the next paragraph only when that
paragraph begins with a quote mark (the typographic convention); otherwise the quote ends at
the paragraph end. One linear scan, so thousands of marks in a row cost nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

QUOTE_MARKS = frozenset('"\u201c\u201d\u201e\u00ab\u00bb\u201f')
_TRIM = " \t\r\n,;:"


@dataclass
class Quote:
    open: int  # offset of the opening mark
    close: int  # offset of the closing mark (== end of content when unterminated)
    start: int  # content start (trimmed)
    end: int  # content end (trimmed)
    para: int  # index of the paragraph holding the opening mark
    end_para: int  # index of the paragraph holding the closing mark
    closed: bool = True

    def words(self, text: str) -> int:
        return len(text[self.start : self.end].split())


def _make(text: str, op: int, cl: int, para: int, end_para: int, closed: bool) -> Quote | None:
    s, e = op + 1, cl
    while s < e and text[s] in _TRIM:
        s += 1
    while e > s and text[e - 1] in _TRIM:
        e -= 1
    if e <= s:
        return None
    return Quote(op, cl, s, e, para, end_para, closed)


def find_quotes(text: str, paragraphs: list[tuple[int, int]]) -> list[Quote]:
    """Every quotation in the given paragraphs, in document order."""
    out: list[Quote] = []
    pending: tuple[int, int, int] | None = None  # (open offset, paragraph index, paragraph end)
    for pi, (lo, hi) in enumerate(paragraphs):
        marks = [j for j in range(lo, hi) if text[j] in QUOTE_MARKS]
        opened: tuple[int, int] | None = None
        if pending is not None:
            if marks and marks[0] == lo:
                opened = (pending[0], pending[1])
                marks = marks[1:]
            else:
                q = _make(text, pending[0], pending[2], pending[1], pending[1], False)
                if q:
                    out.append(q)
            pending = None
        for j in marks:
            if opened is None:
                opened = (j, pi)
            else:
                q = _make(text, opened[0], j, opened[1], pi, True)
                if q:
                    out.append(q)
                opened = None
        if opened is not None:
            pending = (opened[0], opened[1], hi)
    if pending is not None:
        q = _make(text, pending[0], pending[2], pending[1], pending[1], False)
        if q:
            out.append(q)
    return out
