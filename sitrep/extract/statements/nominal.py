"""A claim told as a noun: "the army's claim that it killed 40 fighters", "his denial that he
was there". The owner of the noun is the speaker and its that-clause what was said, so a claim
the writer reports, disputes or checks keeps who made it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .candidate import Candidate, _inside, _is_clause
from .lexicon import lexicon

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

#: a possessive pronoun stands for the subject pronoun the speaker memory resolves
_POSSESSIVE = {"his": "he", "her": "she", "their": "they", "its": "it", "our": "we", "my": "I"}


def nominal_claims(
    text: str,
    base: int,
    pi: int,
    sent: SpacySpan,
    direct_spans: list[tuple[int, int]],
    consumed: list[tuple[int, int]],
) -> list[Candidate]:
    """Every owned claim noun of the sentence with a that-clause of its own."""
    nouns = lexicon().claim_nouns
    out: list[Candidate] = []
    for noun in sent:
        verb = nouns.get(noun.lemma_.lower())
        if verb is None or noun.pos_ != "NOUN" or noun.tag_ not in ("NN", "NNP"):
            continue
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        clause = next((c for c in noun.children if c.i > noun.i and _that_clause(c)), None) or _hung_elsewhere(noun)
        if owner is None or clause is None:
            continue
        that = next(m for m in clause.children if m.dep_ == "mark")
        lo, hi = that.i + 1, clause.right_edge.i + 1
        while hi > lo and sent.doc[hi - 1].is_punct:
            hi -= 1
        if hi - lo < 3 or not _is_clause(sent.doc[lo:hi]):
            continue
        start, end = base + sent.doc[lo].idx, base + sent.doc[hi - 1].idx + len(sent.doc[hi - 1])
        at = base + noun.idx
        if _inside(direct_spans, at) or _inside(consumed, at) or _inside(direct_spans, start):
            continue
        who_lo = owner.left_edge
        phrase = _POSSESSIVE.get(owner.lower_) or text[base + who_lo.idx : base + owner.idx + len(owner)]
        cue = (at, at + len(noun))
        out.append(
            Candidate(
                start=start,
                end=end,
                direct=False,
                phrase=phrase,
                phrase_start=base + who_lo.idx,
                verbs=[verb],
                attribution=text[base + who_lo.idx : cue[1]],
                attribution_at=[(base + who_lo.idx, cue[1])],
                span=(base + sent.start_char, base + sent.end_char),
                para=pi,
                cue=cue,
                owned=True,
            )
        )
    return out


def _that_clause(c: Token) -> bool:
    """'claim that X did Y' (the parse hangs it as acl, ccomp or appos), not the relative clause
    of 'the claim that he made'."""
    return c.dep_ in ("acl", "ccomp", "appos") and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)


def _hung_elsewhere(noun: Token) -> Token | None:
    """'named no source for her claim last year that X': the parse may hang the that-clause on
    the verb of the sentence; it is the noun's when it follows the noun and a short phrase of no
    verb, and that verb reports nothing itself."""
    doc = noun.doc
    for k in range(noun.i + 1, min(noun.i + 6, len(doc))):
        t = doc[k]
        if t.lower_ == "that" and t.dep_ == "mark":
            clause = t.head
            return clause if clause.dep_ == "ccomp" and clause.head.lemma_.lower() not in lexicon().verbs else None
        if t.pos_ in ("VERB", "AUX") or t.is_punct:
            return None
    return None
