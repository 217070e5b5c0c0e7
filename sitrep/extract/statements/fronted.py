"""Content before (or around) its attribution: "CLAUSE, regional governor X said" when the parse
hung the verb elsewhere, and the as-clause ("As the Globe noted, CLAUSE", "CLAUSE, as X said")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .candidate import (
    _ADJUNCT_PREPS,
    _ARGUMENT_DEPS,
    _COMPLEMENT_DEPS,
    Candidate,
    _all_quoted,
    _inside,
    _is_clause,
    _subject,
)
from .lexicon import lexicon
from .quotes import QUOTE_TOKENS

if TYPE_CHECKING:
    from spacy.tokens import Doc as SpacyDoc
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

    from ..context import Context


def _as_clause(tok: Token) -> tuple[tuple[int, int], tuple[int, int] | None] | None:
    """'As the Globe noted, CLAUSE' / 'CLAUSE, as X said.' / 'A, as X said, B': a bare reporting verb
    in an as-clause set off by commas reports the clause it hangs on. Returns that clause's tokens
    and, when the as-clause stands inside it, the gap (commas included)."""
    head = tok.head
    if tok.dep_ != "advcl" or head.i == tok.i or head.pos_ not in ("VERB", "AUX"):
        return None
    doc = tok.doc
    lo, hi = tok.left_edge.i, tok.right_edge.i + 1
    while hi > lo + 1 and doc[hi - 1].is_punct:
        hi -= 1
    if doc[lo].lower_ != "as" or doc[lo].dep_ != "mark":
        return None  # "even as advocates called for ...": a circumstance
    if any(
        c.i > tok.i and (c.dep_ in _ARGUMENT_DEPS - {"prt"} or c.dep_ == "prep" and c.lower_ not in _ADJUNCT_PREPS)
        for c in tok.children
    ):
        return None  # "as he told reporters that ...", "as X called for ...": not bare
    c_lo, c_hi = head.left_edge.i, head.right_edge.i + 1
    while c_hi > c_lo + 1 and doc[c_hi - 1].is_punct:
        c_hi -= 1
    before = lo > c_lo and _after_comma(doc, lo, c_lo)
    while hi < c_hi and doc[hi].head.i == head.i and doc[hi].dep_ == "npadvmod" and doc[hi].ent_type_ in ("DATE", "TIME"):
        hi += 1  # "as X noted in a column Friday, CLAUSE": the parse hangs the day on the clause
    after = hi < c_hi and doc[hi].text == ","
    if after and all(t.dep_ in ("cc", "punct") for t in doc[c_lo:lo]):  # "(But) as X noted, CLAUSE"
        return (hi + 1, c_hi), None
    if hi == c_hi and before:  # "CLAUSE, as X said."
        return (c_lo, lo - 1), None
    if before and after:  # "A, as X said, B"
        return (c_lo, c_hi), (lo - 1 if doc[lo - 1].text == "," else lo, hi + 1)  # a closing mark stays
    return None  # "... as she angrily said, \"...\"": a time, not a source


def _after_comma(doc: SpacyDoc, i: int, floor: int = 0) -> bool:
    """Does token i follow a comma, or a closing quotation mark after one ('way,” Ann Lee, ...'),
    the mark after token ``floor``?"""
    return doc[i - 1].text == "," or i - 1 > floor and doc[i - 1].text in QUOTE_TOKENS and doc[i - 2].text == ","


_SUBORDINATE = frozenset(
    ["as", "while", "when", "after", "before", "because", "since", "amid", "though", "although"]
)


def circumstance(doc: SpacyDoc, lo: int, hi: int, verb: Token) -> bool:
    """'When the host pointed out ..., the candidate said': a clause that a subordinator opens and
    that hangs on the reporting verb tells when or why it was said, not what."""
    first = next((t for t in doc[lo:hi] if not t.is_punct), None)
    return (
        first is not None
        and first.lower_ in _SUBORDINATE
        and first.head.dep_ == "advcl"
        and first.head.head.i == verb.i
        and lo <= first.head.i < hi
    )


def _fronted(
    ctx: Context,
    base: int,
    pi: int,
    sent: SpacySpan,
    tok: Token,
    used: set[int],
    direct_spans: list[tuple[int, int]],
) -> Candidate | None:
    """'CLAUSE, regional governor X said (on Thursday).' when the parse hung the verb elsewhere.

    The words between the last comma and the verb (or right after a sentence-initial ``said``) must
    be a short noun phrase; the content is the clause before that comma.
    """
    doc = sent.doc
    lex = lexicon()
    if any(
        c.dep_ in _COMPLEMENT_DEPS
        and c.i > tok.i
        and not any(m.dep_ == "mark" and m.lower_ in _SUBORDINATE for m in c.children)
        for c in tok.children
    ):
        return None  # "..., X, the leader, said that ...": what was said follows the verb
    if lex.verbs.get(tok.lemma_.lower(), ("other", 0))[1] > 0 and tok.lemma_.lower() not in {
        "insist",
        "confirm",
    }:
        return None  # only neutral "said/told/added" put the content before the speaker
    j = tok.i - 1
    while j > sent.start and doc[j].text != ",":
        if doc[j].pos_ in {"VERB", "SCONJ"} or doc[j].lower_ in {"that", "which", "who"}:
            return None
        j -= 1
    if doc[j].text != ",":
        return None
    subj = _subject(tok)
    if (
        j + 1 == tok.i
        and subj is not None
        and sent.start + 1 < subj.left_edge.i < subj.i < j
        and subj.right_edge.i >= j - 1
        and _after_comma(doc, subj.left_edge.i)
    ):  # "CLAUSE, a spokeswoman, Ann Lee, said": the subject and its appositive between the commas
        ph_lo, ph_hi = subj.left_edge.i, j
        j = subj.left_edge.i - 1
    elif j + 1 == tok.i:  # "CLAUSE, said X ..." (inverted): the speaker follows the verb
        k = tok.i + 1
        while k < sent.end and not doc[k].is_punct and k - tok.i <= 10:
            k += 1
        ph_lo, ph_hi = tok.i + 1, k
    else:
        ph_lo, ph_hi = j + 1, tok.i
        while ph_hi > ph_lo and doc[ph_hi - 1].pos_ == "AUX":
            ph_hi -= 1
    if ph_hi <= ph_lo or ph_hi - ph_lo > 12 or not any(t.pos_ in {"NOUN", "PROPN"} for t in doc[ph_lo:ph_hi]):
        return None
    # the clause before the comma, from the sentence start
    lo, hi = sent.start, j
    while lo < hi and doc[lo].is_punct and doc[lo].text not in QUOTE_TOKENS:
        lo += 1
    if hi - lo < 4 or not _is_clause(doc[lo:hi]) or circumstance(doc, lo, hi, tok):
        return None  # "In a later vote, he warned ...": a circumstance, not what was said
    start = base + doc[lo].idx
    end = base + doc[hi - 1].idx + len(doc[hi - 1].text)
    if _inside(direct_spans, start) or any(a <= start < b or a < end <= b for a, b in direct_spans):
        return None
    used.add(tok.i)
    text = ctx.document.text
    s_start, s_end = base + sent.start_char, base + sent.end_char
    phrase_start = base + doc[ph_lo].idx
    phrase_end = base + doc[ph_hi - 1].idx + len(doc[ph_hi - 1].text)
    return Candidate(
        start=start,
        end=end,
        direct=_all_quoted(text[start:end]),
        phrase=text[phrase_start:phrase_end],
        phrase_start=phrase_start,
        verbs=[tok.lemma_.lower()],
        attribution=text[end:s_end],
        attribution_at=[(end, s_end)],
        span=(s_start, s_end),
        para=pi,
        inverted=ph_lo > tok.i,
        cue=(base + tok.idx, base + tok.idx + len(tok.text)),
    )
