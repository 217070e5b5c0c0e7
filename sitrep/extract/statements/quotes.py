"""Quotation spans: straight and curly marks paired per paragraph, continued across paragraphs.

A paragraph that ends inside an open quote continues into the next paragraph only when that
paragraph begins with a quote mark (the typographic convention); otherwise the quote ends at
the paragraph end. One linear scan, so thousands of marks in a row cost nothing.

Single quotes (British style, ``'...'`` and ``\u2018...\u2019``) are paired in a second scan over
the text outside double quotes, telling apostrophes (``don't``, ``Houthis' actions``) from
closing marks by their neighbours; an unclosed single quote is dropped unless the next
paragraph opens with one (a quotation continued across paragraphs). Double quotes nested in a
single-quoted span (``'My son asked me, "are we going to die?"'``) are part of it.

Some newspaper archives write every double quote as two apostrophes (``''We will win,'' she
said``): such a pair is one double mark of two characters, paired like ``"``. A quote's
``olen`` / ``clen`` are the lengths of its marks, so offsets stay those of the original text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

QUOTE_MARKS = frozenset('"\u201c\u201d\u201e\u00ab\u00bb\u201f')
#: two apostrophes (or two backticks, LaTeX style) written for one double quote mark
DOUBLED_MARKS = ("''", "``")
#: a token of the parse that is a quote mark
QUOTE_TOKENS = QUOTE_MARKS | frozenset(DOUBLED_MARKS)
SINGLE_MARKS = frozenset("'\u2018\u2019\u201b")
_OPEN_BEFORE = frozenset(' \t\n([{\u2014\u2013-/"\u201c')
_CLOSE_AFTER = frozenset(' \t\n.,;:!?)]}\u2014\u2013-"\u201d\u2026')
_TRIM = " \t\r\n,;:"
#: the characters a double mark can begin with: the scan jumps from one to the next
_MARK_START = re.compile("[" + re.escape("".join(sorted(QUOTE_MARKS))) + "'`]")


@dataclass
class Quote:
    open: int  # offset of the opening mark
    close: int  # offset of the closing mark (== end of content when unterminated)
    start: int  # content start (trimmed)
    end: int  # content end (trimmed)
    para: int  # index of the paragraph holding the opening mark
    end_para: int  # index of the paragraph holding the closing mark
    closed: bool = True
    olen: int = 1  # length of the opening mark (2 for a doubled apostrophe)
    clen: int = 1  # length of the closing mark

    @property
    def after(self) -> int:
        """Offset just past the closing mark."""
        return self.close + self.clen

    def words(self, text: str) -> int:
        return len(text[self.start : self.end].split())


def mark_at(text: str, j: int) -> int:
    """Length of the double quote mark at ``j``: 1 for ``"`` and its curly kin, 2 for a doubled
    apostrophe (the last two of a run of three closing a nested quote; never in a longer run),
    else 0."""
    ch = text[j : j + 1]
    if ch in QUOTE_MARKS and ch:
        return 1
    pair = text[j : j + 2]
    if pair not in DOUBLED_MARKS:
        return 0
    if text[j + 2 : j + 3] != ch and (j == 0 or text[j - 1] != ch):
        return 2
    # a run of three after a sentence's punctuation closes a single quote nested in a doubled one
    # ("''I told him, 'No,''' she said."): the last two are the doubled mark ('''bold''' is none)
    closing = ch == "'" and text[j - 1 : j] == ch and text[j + 2 : j + 3] != ch
    return 2 if closing and j >= 2 and text[j - 2] in ".,!?" else 0


def double_marks(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """(offset, length) of every double quote mark in ``text[lo:hi]``."""
    out: list[tuple[int, int]] = []
    found = _MARK_START.search(text, lo, hi)
    while found is not None:
        j = found.start()
        n = mark_at(text, j) if j + 1 < hi or text[j] in QUOTE_MARKS else 0
        if n:
            out.append((j, n))
        found = _MARK_START.search(text, j + (n or 1), hi)
    return out


def strip_marks(text: str, lo: int, hi: int) -> tuple[int, int]:
    """The bounds without the double quote marks (and spaces) at either edge."""
    while lo < hi:
        if text[lo].isspace():
            lo += 1
        elif (n := mark_at(text, lo)) and lo + n <= hi:
            lo += n
        else:
            break
    while hi > lo:
        if text[hi - 1].isspace() or text[hi - 1] in QUOTE_MARKS:
            hi -= 1
        elif hi - 2 >= lo and mark_at(text, hi - 2) == 2:
            hi -= 2
        else:
            break
    return lo, hi


def _make(
    text: str, op: int, cl: int, para: int, end_para: int, closed: bool, olen: int = 1, clen: int = 1
) -> Quote | None:
    s, e = op + olen, cl
    while s < e and text[s] in _TRIM:
        s += 1
    while e > s and text[e - 1] in _TRIM:
        e -= 1
    if e <= s:
        return None
    return Quote(op, cl, s, e, para, end_para, closed, olen, clen)


def find_quotes(text: str, paragraphs: list[tuple[int, int]]) -> list[Quote]:
    """Every quotation in the given paragraphs, in document order."""
    doubles = _find_doubles(text, paragraphs)
    singles = _find_singles(text, paragraphs, doubles)
    if not singles:
        return doubles
    kept = [d for d in doubles if not any(s.open < d.open and d.close <= s.close for s in singles)]
    return sorted(kept + singles, key=lambda q: q.open)


def _single_kind(text: str, j: int, lo: int, hi: int) -> str | None:
    """'open', 'close', 'either' or None (an apostrophe) for a single mark at ``j``."""
    ch = text[j]
    prev = text[j - 1] if j > lo else " "
    nxt = text[j + 1] if j + 1 < hi else " "
    if ch in "\u2018\u201b":
        return "open"
    can_open = prev in _OPEN_BEFORE and (nxt.isalnum() or nxt in "\u2026.$\u00a3\u20ac")
    can_close = not prev.isspace() and nxt in _CLOSE_AFTER
    if prev.isalpha() and nxt.isalpha():
        return None  # don't, it's, O'Brien
    if can_open and can_close:
        return "either"
    if can_open:
        return "open"
    if can_close:
        return "close"
    return None


def _find_singles(text: str, paragraphs: list[tuple[int, int]], doubles: list[Quote]) -> list[Quote]:
    out: list[Quote] = []
    di = 0
    pending: tuple[int, int, int] | None = None  # unclosed single quote: (open, paragraph, paragraph end)
    for pi, (lo, hi) in enumerate(paragraphs):
        marks: list[tuple[int, str]] = []
        for j in range(lo, hi):
            if text[j] not in SINGLE_MARKS or text[j] == "'" and "'" in (text[j - 1 : j], text[j + 1 : j + 2]):
                continue  # not a single mark, or half of a doubled one
            while di < len(doubles) and doubles[di].close < j:
                di += 1
            if di < len(doubles) and doubles[di].open < j < doubles[di].close:
                continue  # nested in a double quote
            kind = _single_kind(text, j, lo, hi)
            if kind is not None:
                marks.append((j, kind))
        # a plural possessive ("the soldiers' families") is a closer only if no closer follows it
        later_close = False
        for k in range(len(marks) - 1, -1, -1):
            j, kind = marks[k]
            possessive = (
                text[j - 1 : j] in "sS" and text[j + 1 : j + 2] == " " and text[j + 2 : j + 3].islower()
            )
            if kind == "close" and possessive and later_close:
                marks[k] = (j, "skip")
                continue
            if kind in ("close", "either"):
                later_close = True
        opened: tuple[int, int] | None = None
        if pending is not None:
            if marks and marks[0][0] == lo and marks[0][1] in ("open", "either"):
                opened = (pending[0], pending[1])
                marks = marks[1:]
            pending = None
        for j, kind in marks:
            if opened is None:
                if kind in ("open", "either"):
                    opened = (j, pi)
            elif kind in ("close", "either"):
                q = _make(text, opened[0], j, opened[1], pi, True)
                if q:
                    out.append(q)
                opened = None
        if opened is not None:
            pending = (opened[0], opened[1], hi)
    return out


def _find_doubles(text: str, paragraphs: list[tuple[int, int]]) -> list[Quote]:
    out: list[Quote] = []
    pending: tuple[int, int, int, int] | None = None  # (open offset, paragraph, paragraph end, mark length)
    for pi, (lo, hi) in enumerate(paragraphs):
        marks = double_marks(text, lo, hi)
        opened: tuple[int, int, int] | None = None  # (offset, paragraph, mark length)
        if pending is not None:
            if marks and marks[0][0] == lo:
                opened = (pending[0], pending[1], pending[3])
                marks = marks[1:]
            else:
                q = _make(text, pending[0], pending[2], pending[1], pending[1], False, pending[3])
                if q:
                    out.append(q)
            pending = None
        for j, n in marks:
            if opened is None:
                opened = (j, pi, n)
            else:
                q = _make(text, opened[0], j, opened[1], pi, True, opened[2], n)
                if q:
                    out.append(q)
                opened = None
        if opened is not None:
            pending = (opened[0], opened[1], hi, opened[2])
    if pending is not None:
        q = _make(text, pending[0], pending[2], pending[1], pending[1], False, pending[3])
        if q:
            out.append(q)
    return out
