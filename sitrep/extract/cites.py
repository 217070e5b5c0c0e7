"""Spans of the parse as evidence: the words a field was read from, cited where an extractor
decides the value (``Record.cite``), as (start, end, basis) in the document's original text."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..model import Cite

if TYPE_CHECKING:
    from spacy.tokens import Token

#: dependents that belong to a name ("Taliban fighters", "the Afghan army", "Islamic State group")
_NAME_PARTS = frozenset({"compound", "amod", "nmod", "nummod", "poss", "flat"})


def tokens(toks: Iterable[Token], offset: int, basis: str | None = None) -> list[Cite]:
    """Runs of adjacent tokens as spans ("set ablaze" is one span, "launched ... attack" two)."""
    out: list[Cite] = []
    last = -2
    for t in sorted({t.i: t for t in toks}.values(), key=lambda t: t.i):
        start, end = offset + t.idx, offset + t.idx + len(t.text)
        if t.i == last + 1 and out:
            out[-1] = (out[-1][0], end, basis)
        else:
            out.append((start, end, basis))
        last = t.i
    return out


def phrase(tok: Token, offset: int, basis: str | None = None) -> Cite:
    """The name a token heads: its entity when it is in one, else the token with the modifiers
    before it that belong to the name (not the article, not a relative clause)."""
    if tok.ent_iob_ != "O":
        doc = tok.doc
        lo = tok.i
        while lo > 0 and doc[lo].ent_iob_ == "I":
            lo -= 1
        hi = tok.i + 1
        while hi < len(doc) and doc[hi].ent_iob_ == "I":
            hi += 1
        first, last = doc[lo], doc[hi - 1]
    else:
        first = last = tok
        for child in reversed(list(tok.lefts)):  # nearest first, while they touch the name
            if child.dep_ not in _NAME_PARTS or child.right_edge.i != first.i - 1:
                break
            first = child.left_edge
    return (offset + first.idx, offset + last.idx + len(last.text), basis)


def with_basis(spans: Iterable[Cite], basis: str) -> list[Cite]:
    """The same words, now the basis of a derived value."""
    return [(s, e, basis) for s, e, _ in spans]
