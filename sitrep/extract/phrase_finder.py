"""Find every occurrence of a fixed list of phrases in a text, in one pass.

A regular expression made of thousands of alternatives (every actor alias, every demonym) tries
each alternative at each position of the text; an Aho-Corasick automaton (pyahocorasick) reads
the text once. ``PhraseFinder`` finds what ``re.finditer`` of the alternation would:
case-insensitive, whole words only, at each position the longest phrase, no overlaps, left to
right.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

import ahocorasick


def _fold(text: str) -> str:
    """Lower case with every offset kept (``"İ".lower()`` is two characters)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


class PhraseFinder:
    """``word``: the characters a phrase may not touch on either side (a regex character class);
    ``before``: those it may not follow, when they differ ("U.S." after a dot is an acronym's end)."""

    def __init__(self, phrases: Iterable[str], word: str = r"\w", before: str | None = None) -> None:
        self._word = re.compile(word)
        self._before = re.compile(before) if before is not None else self._word
        self._automaton = ahocorasick.Automaton()
        for phrase in {_fold(p) for p in phrases if p}:
            self._automaton.add_word(phrase, len(phrase))
        self._empty = len(self._automaton) == 0
        if not self._empty:
            self._automaton.make_automaton()

    def finditer(self, text: str) -> Iterator[tuple[int, int]]:
        """(start, end) of each occurrence, in text order."""
        if self._empty or not text:
            return
        longest: dict[int, int] = {}  # start -> end of the longest whole-word phrase there
        word, before, n = self._word, self._before, len(text)
        for last, length in self._automaton.iter(_fold(text)):
            start, end = last - length + 1, last + 1
            if end <= longest.get(start, -1):
                continue
            if (start and before.match(text, start - 1)) or (end < n and word.match(text, end)):
                continue
            longest[start] = end
        reached = 0
        for start in sorted(longest):
            if start >= reached:
                reached = longest[start]
                yield start, reached
