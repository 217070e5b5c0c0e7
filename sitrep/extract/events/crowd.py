"""The words of an event's doer, read for ACLED's riot rule: people who are not an organised armed
group (residents, villagers, a party's members or supporters, inmates) whom the actor registry
does not know still make their violence a riot, not an armed group's attack."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .coding import UNDERGOING
from .lexicon import lexicon
from .syntax import joined_agent, subject
from .trigger_words import verb_lemma

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .trigger_words import Trigger


def _phrase(tok: Token) -> str:
    """The noun phrase of a doer token, its relative clauses and appositions left out."""
    drop = {"relcl", "acl", "appos", "advcl", "punct", "cc"}
    words = [tok]
    stack = [c for c in tok.children if c.dep_ not in drop]
    while stack:
        t = stack.pop()
        words.append(t)
        stack.extend(c for c in t.children if c.dep_ not in drop)
    return " ".join(t.text for t in sorted(words, key=lambda t: t.i))


def doer_words(trig: Trigger) -> str:
    """The words the text names the doer by: the subject of an active verb, the agent of a passive
    one or of a noun ("beaten by locals", "an attack by villagers"); "" when none is told."""
    head = trig.head
    if UNDERGOING.fullmatch(head.lemma_):
        return ""  # "three people died": the subject is the victim
    if trig.cls == "kill" and verb_lemma(head) in lexicon().discovery_verbs:
        return ""  # "residents found the bodies of three men": who found them, not who killed
    agent = joined_agent(head)
    if agent is None and not trig.nominal:
        subj, passive = subject(head)
        if trig.subj_fix is not None:
            subj, passive = trig.subj_fix, False
        agent = None if subj is None or passive else subj
    return _phrase(agent) if agent is not None else ""
