"""What a demonstration is about, told apart from what its crowd did: ACLED types a demonstration
by the violence or the police action that happened there, and its toll is its own deaths, not
the deaths it protested about."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable

    from spacy.tokens import Doc, Token

#: verbs whose object alone is the grievance ("to protest the killing of ..."): the crowd's acts
#: may hang on them too ("to protest against the insecurity, burning tyres")
_OBJECT_GRIEVANCE_VERBS = frozenset({"protest", "oppose", "mourn"})
#: what a demonstration is about, not what its crowd did: "protested against the attack on their
#: leader", "demanding the recovery of looted funds", "after a police officer beat up a trader"
_GRIEVANCE_PREPS = frozenset({"against", "over", "about", "after", "following", "despite"})
_GRIEVANCE_VERBS = frozenset(
    {"demand", "condemn", "denounce", "decry", "accuse", "call", "claim", "allege",
     "say", "urge", "ask", "seek", "commemorate", "mark", "express"}
)


def crowd_acts(doc: Doc, lo: int, hi: int, head: int) -> str:
    """The clause of a demonstration without its grievance (its "against"/"over" phrases and its
    "demanding ..." complements): the violence or the police action ACLED types a demonstration by
    is what happened there, not what the crowd protested about."""
    skip = grievance_tokens(doc, lo, hi, head)
    return " ".join(t.text for t in doc[lo:hi] if t.i not in skip)


def _blanked(doc: Doc, lo: int, clause: str, tokens: Iterable[int]) -> str:
    """``clause`` (the text of ``doc[lo:...]``) with the given tokens blanked, the same length."""
    chars = list(clause)
    base = doc[lo].idx
    for i in tokens:
        t = doc[i]
        chars[t.idx - base : t.idx - base + len(t.text)] = " " * len(t.text)
    return "".join(chars)


def without_grievance(doc: Doc, lo: int, hi: int, head: int, clause: str) -> str:
    """The clause with its grievance blanked out, the same length ("protested after police killed
    a trader": no toll of the protest's own)."""
    return _blanked(doc, lo, clause, grievance_tokens(doc, lo, hi, head))


def without_tallies(doc: Doc, lo: int, hi: int, clause: str) -> str:
    """The clause with its relative clauses of tallies blanked out, the same length ("shot dead
    two men ..., the latest violence in the state where clashes have killed more than 200 people
    since May": two dead, not 202). A relative clause in the perfect, or with "since", counts
    a conflict's dead, never the incident's."""
    tallies: set[int] = set()
    for t in doc[lo:hi]:
        if t.dep_ not in ("relcl", "acl") or t.pos_ not in ("VERB", "AUX"):
            continue
        perfect = any(c.dep_ == "aux" and c.lower_ in ("has", "have", "had") for c in t.children)
        if (perfect or any(c.lower_ == "since" for c in t.children)) and lo <= t.left_edge.i and t.right_edge.i < hi:
            tallies.update(range(t.left_edge.i, t.right_edge.i + 1))
    return _blanked(doc, lo, clause, tallies)


def _first_comma(t: Token) -> int:
    """Where the phrase headed by ``t`` reaches its first comma or semicolon (else its end)."""
    return next((x.i for x in t.doc[t.i : t.right_edge.i + 1] if x.text in (",", ";")), t.right_edge.i + 1)


def grievance_tokens(doc: Doc, lo: int, hi: int, head: int) -> set[int]:
    """The tokens of a demonstration's grievance in its clause (see ``crowd_acts``)."""
    skip: set[int] = set()
    for t in doc[lo:hi]:
        if t.i in skip:
            continue
        if t.dep_ == "prep" and t.lower_ in _GRIEVANCE_PREPS and not t.left_edge.i <= head <= t.right_edge.i:
            # the phrase up to its first comma: a parse may hang the crowd's acts on its noun
            # ("against the insecurity, burning tyres and throwing stones at police")
            skip.update(range(t.i, _first_comma(t)))
            continue
        if (
            t.dep_ == "dobj"
            and t.head.lemma_.lower() in _OBJECT_GRIEVANCE_VERBS
            and t.head.tag_ == "VB"
            and not t.left_edge.i <= head <= t.right_edge.i
        ):
            # "held a rally to protest the killing of a trader who was shot dead": what was
            # protested, up to its first comma (the crowd's own acts may hang after it)
            skip.update(range(t.left_edge.i, _first_comma(t)))
            continue
        grievance = (
            t.dep_ in ("advcl", "xcomp", "acl", "ccomp", "pcomp", "conj")
            and t.pos_ == "VERB"
            and t.lemma_.lower() in _GRIEVANCE_VERBS
            and t.tag_ in ("VBG", "TO", "VB")
        ) or (  # "marched after a police officer beat up a vendor": what led to the protest
            t.dep_ == "advcl"
            and t.lemma_.lower() not in _GRIEVANCE_VERBS
            and any(c.dep_ == "mark" and c.lower_ in ("after", "because", "since") for c in t.children)
        )
        if grievance and not t.left_edge.i <= head <= t.right_edge.i:  # never the demonstration itself
            skip.update(x.i for x in t.subtree)
    return {i for i in skip if lo <= i < hi}
