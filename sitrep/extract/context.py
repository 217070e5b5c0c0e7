"""What every extractor receives: one document, its cleaning, its parse and its dates."""

from __future__ import annotations

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

    def sentences(self) -> Iterator[tuple[Paragraph, SpacySpan]]:
        """Every body sentence in document order, with the paragraph it belongs to."""
        for para in self.paragraphs:
            for sent in para.doc.sents:
                yield para, sent

    def timexes_in(self, start: int, end: int) -> list[TimeExpr]:
        return [t for t in self.timexes if start <= t.start and t.end <= end]
