"""Lines of a plain-text page with their offsets and the cheap features the classifier uses."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

MAX_FEATURE_CHARS = 2_000  # longer lines are prose for every purpose; regexes never see them

_WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*", re.UNICODE)
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_TERMINAL = set(".!?…\"”’'»)]")
_NORM_DROP = re.compile(r"[\W_]+", re.UNICODE)


@dataclass
class Line:
    """A non-blank line: ``start``/``end`` are offsets of its stripped text in the document."""

    index: int  # position among non-blank lines
    start: int
    end: int
    text: str
    blank_before: bool  # a blank line (or the page start) precedes it
    kind: str | None = None
    words: list[str] = field(default_factory=list)

    @property
    def n_words(self) -> int:
        return len(self.words)

    @property
    def long(self) -> bool:
        return len(self.text) > MAX_FEATURE_CHARS


def split_lines(text: str) -> Iterator[Line]:
    """Yield every non-blank line with offsets of its stripped content; linear in the text."""
    pos = 0
    n = len(text)
    index = 0
    blank = True
    while pos <= n:
        nl = text.find("\n", pos)
        hi = n if nl < 0 else nl
        lo = pos
        while lo < hi and text[lo].isspace():
            lo += 1
        e = hi
        while e > lo and text[e - 1].isspace():
            e -= 1
        if e > lo:
            piece = text[lo:e]
            words = _WORD.findall(piece[:MAX_FEATURE_CHARS]) if len(piece) <= MAX_FEATURE_CHARS else []
            yield Line(index, lo, e, piece, blank, words=words)
            index += 1
            blank = False
        else:
            blank = True
        if nl < 0:
            break
        pos = nl + 1


def tokens(text: str, known: frozenset[str] = frozenset()) -> list[str]:
    """Lowercased word tokens; glued UI labels ("standardsDiscussion") are split apart unless
    the glued word is itself ``known`` ("WhatsApp")."""
    out: list[str] = []
    for w in _WORD.findall(text):
        low = w.lower()
        if low in known or not _CAMEL.search(w):
            out.append(low)
        else:
            out.extend(p.lower() for p in _CAMEL.sub(" ", w).split())
    return out


def norm(text: str) -> str:
    """A comparison key: casefolded words only (punctuation and spacing ignored)."""
    return _NORM_DROP.sub(" ", text.casefold()).strip()


def ends_terminal(text: str) -> bool:
    """True when the line ends like a sentence (period, question mark, closing quote...)."""
    return bool(text) and text[-1] in _TERMINAL


def is_prose(line: Line) -> bool:
    """A sentence-like line: long enough and punctuated like a sentence, or simply long."""
    if line.long or line.n_words >= 25:
        return True
    if line.n_words >= 7 and ends_terminal(line.text) and not line.text.endswith(("...", "…")):
        lower = sum(1 for w in line.words if w[:1].islower())
        return lower >= 2
    return False


def caps_ratio(words: list[str]) -> float:
    """Share of words that start with a capital letter (title case and all caps)."""
    alpha = [w for w in words if w[:1].isalpha()]
    return sum(1 for w in alpha if w[:1].isupper()) / len(alpha) if alpha else 0.0


def all_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)
