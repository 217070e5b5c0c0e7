"""What the statement tests share: the statements of a composed text, each checked to quote the
text exactly, and short ways to pick one and name its speaker."""

from __future__ import annotations

from sitrep.analyze import analyze
from sitrep.model import Document, Statement


def stmts(text: str, published: str | None = None) -> list[Statement]:
    doc = Document(id="t", text=text, published=published)
    out = next(analyze([doc])).statements
    for st in out:
        for m in st.mentions:
            assert m.text == text[m.start : m.end]
    return out


def who(st: Statement) -> str:
    s = st.speaker
    return " ".join(x for x in (s.name, s.role, s.organization) if x).lower()


def one(sts: list[Statement], fragment: str) -> Statement:
    found = [s for s in sts if fragment.lower() in s.quote.lower()]
    assert len(found) == 1, [s.quote for s in sts]
    return found[0]
