"""What every extractor receives: one document, its cleaning, its parse and its dates."""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..model import Cleaned, Document, ReferenceDate, TimeExpr

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan

    from ..nlp import Paragraph


@dataclass
class Context:
    document: Document
    cleaned: Cleaned
    paragraphs: list[Paragraph]
    reference: ReferenceDate = field(default_factory=ReferenceDate)
    timexes: list[TimeExpr] = field(default_factory=list)
    _by_start: list[TimeExpr] | None = field(default=None, init=False, repr=False, compare=False)
    _starts: list[int] = field(default_factory=list, init=False, repr=False, compare=False)

    def sentences(self) -> Iterator[tuple[Paragraph, SpacySpan]]:
        """Every body sentence in document order, with the paragraph it belongs to."""
        for para in self.paragraphs:
            for sent in para.doc.sents:
                yield para, sent

    def timexes_in(self, start: int, end: int) -> list[TimeExpr]:
        """The expressions inside [start, end), by binary search: a scan of the whole document's
        list for every record would grow with the square of the document."""
        if self._by_start is None or len(self._by_start) != len(self.timexes):
            self._by_start = sorted(self.timexes, key=lambda t: t.start)  # stable: ties keep their order
            self._starts = [t.start for t in self._by_start]
        lo = bisect.bisect_left(self._starts, start)
        hi = bisect.bisect_left(self._starts, end)
        return [t for t in self._by_start[lo:hi] if t.end <= end]
