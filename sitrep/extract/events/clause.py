"""The text an event is read from: the clause of its trigger, the span its summary quotes, the
sentences around it that tell what the same crowd did, and the tests that tell an incident told as
a scene from a trigger that only describes a noun or is mentioned in passing.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .coding import TURN_TO_OTHER, other_incident
from .docstate import Resolved
from .lexicon import VIOLENT, lexicon
from .syntax import between, subject
from .trigger_words import Trigger
from .triggers import crowd_then_force, governing_verb, own_scene, time_apart
from .verb_triggers import verb_trigger

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from ..context import Context


_CROWD_SUBJECT = re.compile(
    r"^\W*(?:the\s+|some\s+)?(?:rioters|protesters|protestors|demonstrators|crowds?|they|youths|mob|participants)\b", re.I
)


def past_dateline(ctx: Context, start: int) -> int:
    """Where a search for the event's place may start: after the dateline, which says where the
    reporter was, not the event ("KABUL, May 3 -")."""
    dateline = ctx.cleaned.dateline_span
    return dateline[1] if dateline is not None and dateline[0] <= start < dateline[1] else start


#: the dependents that open a clause of another verb inside the trigger's own
_DEPENDENT_CLAUSES = frozenset(["xcomp", "advcl", "ccomp", "relcl", "acl", "pcomp"])


def dependent_clause_start(sent: Span, trig: Trigger, char: int) -> int | None:
    """Where the clause of another verb starts when the word at ``char`` (relative to the
    parsed text) lies in it, under the trigger: "held a march to ask officials for buses to take
    them back to Acapulco" (the goal's place, not the march's). None when the word
    hangs from the trigger's own phrases or lies outside them."""
    doc = sent.doc
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    if span is None or not len(span):
        return None
    tok, head, opened = span[0], trig.head, None
    while tok.i != head.i and tok.head.i != tok.i:
        if tok.dep_ in _DEPENDENT_CLAUSES and tok.pos_ in ("VERB", "AUX") and _own_clause(tok):
            opened = tok
        tok = tok.head
    if tok.i != head.i or opened is None:
        return None
    return min(t.i for t in opened.subtree)


def _own_clause(verb: Token) -> bool:
    """An infinitive or a finite verb opens a clause of its own; a bare participle describes what
    it hangs from ("attacks targeting buildings in X", "a village, coded as Y district")."""
    if verb.tag_ not in ("VBG", "VBN"):
        return True
    return any(c.dep_ in ("aux", "auxpass", "mark") for c in verb.children)


def next_sentences(sent: Span, n: int = 2) -> list[str]:
    """The texts of the next ``n`` sentences of the paragraph, up to one that moves the scene
    ("In Mombasa, police dispersed a crowd": what happened elsewhere)."""
    doc, nxt, out = sent.doc, sent.end, []
    for _ in range(n):
        if nxt >= len(doc):
            break
        follow = doc[nxt].sent
        if _moves_scene(follow):
            break
        out.append(follow.text)
        nxt = follow.end
    return out


#: a sentence that opens at another place: "In Mombasa, ...", "In the coastal city of Mombasa, ..."
_SCENE = re.compile(
    r"^In\s+(?:the\s+(?:[\w-]+\s+){0,2}(?:city|town|village|province|region|district|state|county)\s+of\s+)?[A-Z][\w-]+(?:\s+[A-Z][\w-]+)*\s*,"
)


def _moves_scene(sent: Span) -> bool:
    """The sentence opens at another place, or with another story ("Elsewhere, ...",
    "Separately, ...": ``coding.TURN_TO_OTHER``)."""
    if _SCENE.match(sent.text) is None and TURN_TO_OTHER.match(sent.text) is None:
        return False
    # "In April, ...", "In March 2021, ...": a time, not a place
    return not any(t.ent_type_ in ("DATE", "TIME") for t in sent[1:4])


def other_incident_start(sent: Span) -> int | None:
    """Where (a character offset in the parsed paragraph) the first later sentence of the
    paragraph that tells another incident begins ("Separately, ...", "... in a second attack
    near X": ``coding.other_incident``); None when none does."""
    doc, nxt = sent.doc, sent.end
    while nxt < len(doc):
        follow = doc[nxt].sent
        if other_incident(follow.text):
            return follow.start_char
        nxt = follow.end
    return None


def previous_sentence(sent: Span, n: int = 1) -> str:
    """The ``n`` sentences before in the paragraph ("Residents burned tyres. Police dispersed them.")."""
    out: list[str] = []
    while sent.start > 0 and len(out) < n:
        sent = sent.doc[sent.start - 1].sent
        out.insert(0, sent.text)
    return " ".join(out)


def crowd_sequel(following: list[str]) -> str:
    """Those of the next sentences of the paragraph (``next_sentences``) that tell what the same crowd
    did ("Protesters then pelted the police with stones"): ACLED types the demonstration by them."""
    out = [text for text in following if _CROWD_SUBJECT.match(text)]
    return " " + " ".join(out) if out else ""


def _force_clause_joined(c: Token, head: Token) -> bool:
    """A force's violent act joined by "and" to a crowd's ("protesters stormed parliament, and
    police opened fire"): the force's own clause (``crowd_then_force``)."""
    return (
        c.dep_ == "conj"
        and crowd_then_force(c, head)
        and (other := verb_trigger(c)) is not None
        and other.cls in VIOLENT
    )


def _own_clause_after(c: Token, head: Token) -> bool:
    """A clause after the act with a subject of its own, joined by "as", "while" or "whereas"
    (what another party did meanwhile), that tells an act of its own other than a crowd's."""
    return (
        c.dep_ == "advcl"
        and c.i > head.i
        and any(m.dep_ == "mark" and m.lower_ in ("as", "while", "whereas") for m in c.children)
        # (both told in the active voice, each by its doer: not "three militants were killed while
        # a soldier was wounded during a firefight between X and Y", one incident's tolls)
        and any(s.dep_ == "nsubj" for s in c.children)
        and any(s.dep_ == "nsubj" for s in head.children)
        # (not the crowd a force met: "fired tear gas as thousands marched" is that march's)
        and (other := verb_trigger(c)) is not None
        and other.cls not in ("protest", "riot")
    )


def clause_span(sent: Span, trig: Trigger) -> tuple[int, int]:
    """Token range of the clause expressing the event (the whole sentence for the main verb)."""
    head = trig.head
    # (a noun with its sides told, "clashes between X and Y", is its own clause, unless it is
    # the subject of what it did: "clashes between X and Y left four dead")
    if trig.nominal and head.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj") and (
        not between(head) or head.dep_ == "nsubj"
    ):
        node = head.head
        while node.pos_ not in ("VERB", "AUX") and node.head.i != node.i:
            node = node.head
        head = node
    misread = trig.subj_fix is not None and head.dep_ == "acl" and sent.root.pos_ not in ("VERB", "AUX")
    if head.dep_ == "ROOT" or head.head.i == head.i or misread:
        # (an act the parser hung as a clause on its "by" phrase below a noun root: the sentence)
        toks = list(sent)
    else:
        toks = list(head.subtree)
        subj, _ = subject(head)
        if subj is not None and subj.sent.start == sent.start:
            toks += list(subj.subtree)
    lo = min(t.i for t in toks)
    hi = max(t.i for t in toks)
    for apart in (c for c in head.children if time_apart(c)):
        # "fired rockets on Friday, hours after a drone strike killed three in Kfar Kila": the
        # other incident's toll, weapon and place are not this one's
        inner = [t.i for t in apart.subtree]
        if apart.i > head.i:
            hi = min(hi, min(inner) - 1)
        else:
            lo = max(lo, max(inner) + 1)
    for other in (
        c for c in head.children
        if trig.cls != "disperse"
        and (
            _own_clause_after(c, head)
            or _force_clause_joined(c, head)
            # ("X fired rockets at Y, and Israeli jets struck targets in Z overnight": another act's
            # weapon, toll and place)
            or c.dep_ == "conj" and c.i > head.i and trig.cls in VIOLENT and own_scene(c, head) and verb_trigger(c) is not None
        )
    ):  # fmt: skip
        # "protesters stormed parliament as police opened fire, killing five", "..., and police
        # opened fire": the police's act and its toll are told in a clause of their own, not this one's
        hi = min(hi, other.left_edge.i - 1)
    said = said_after(trig)
    if said is not None:
        hi = min(hi, said - 1)
    while lo < hi and (sent.doc[lo].is_punct or sent.doc[lo].dep_ == "cc"):
        lo += 1
    if said is not None:
        while hi > lo and sent.doc[hi].dep_ == "cc":
            hi -= 1
        if sent.doc[hi].text in ('"', "”") and any(q in sent.doc[lo:hi].text for q in ('"', "“")):
            return lo, hi + 1  # (the quotation the act was told with closes before the speech)
    while hi > lo and sent.doc[hi].is_punct and sent.doc[hi].text not in (".", "?", "!"):
        hi -= 1
    return lo, hi + 1


def said_after(trig: Trigger) -> int | None:
    """The first token of a speech act joined after the event's verb ("had targeted the vessel
    and vowed to continue attacks until Israel halts its offensive in Gaza"): what the doers
    went on to say is no part of the act, nor its place."""
    speech = lexicon().speech
    head = trig.head
    for c in head.children:
        if (
            c.dep_ == "conj"
            and c.i > head.i
            and c.pos_ == "VERB"
            and c.lemma_.lower() in speech
            and c not in trig.words
            # (the same doers: "X claimed to have killed one" with its own subject may be the toll)
            and not any(s.dep_ in ("nsubj", "nsubjpass") for s in c.children)
        ):
            return int(c.left_edge.i)
    return None


def modifier(trig: Trigger) -> bool:
    """A trigger that only describes a noun: a relative clause ("who have come to support
    them"), a reduced participle ("districts falling to the militants"), an adjective
    ("Washington-backed"). Content clauses ("reports that troops fled") are not modifiers."""
    head = trig.head
    if trig.subj_fix is not None or trig.nominal:
        return False
    if head.dep_ in ("relcl", "amod"):
        return True
    return (
        head.dep_ == "acl"
        and head.tag_ in ("VBG", "VBN")
        and not any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in head.children)
    )


def agentless(trig: Trigger) -> bool:
    """A verb in the passive told as done, whose doer goes unnamed ("food rations were
    distributed", "internet access was cut"): an event without a source, not a mention in passing."""
    return not trig.nominal and trig.head.pos_ == "VERB" and any(c.dep_ == "nsubjpass" for c in trig.head.children)


def summary_span(
    ctx: Context, offset: int, sent: Span, trig: Trigger, lo: int, hi: int, a1: Resolved, start: int, end: int
) -> tuple[int, int]:
    """The clause when it reads on its own (its subject and trigger inside), else the sentence."""
    agent = a1.token
    inside = agent is None or lo <= agent.i < hi
    if inside and sent.doc[lo].pos_ not in ("VERB", "AUX", "PART") and sent.doc[lo].tag_ not in ("WDT", "WP"):
        return start, end
    toks = [t for t in sent if not t.is_space]
    if not toks:
        return start, end
    return offset + toks[0].idx, offset + toks[-1].idx + len(toks[-1].text)


def told_as_scene(trig: Trigger) -> bool:
    """A single incident in the simple past ("a shoot-out took place", "gunshots were heard"), not
    a state of affairs ("heavy fighting has carried on in the provinces")."""
    verb = (governing_verb(trig.head)[0] or trig.head.head) if trig.nominal else trig.head
    if any(c.dep_ == "aux" and c.lemma_.lower() in ("have", "be", "will") for c in verb.children):
        return False
    return verb.tag_ == "VBD" or verb.tag_ == "VBN" and any(
        c.dep_ == "auxpass" and c.lower_ in ("was", "were") for c in verb.children
    )
