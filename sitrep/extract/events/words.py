"""The words each field of an event was read from (its evidence), as the record builder cites them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...model import Cite, Event
from .. import cites
from .arguments import ANAPHORS
from .docstate import Resolved
from .trigger_words import Trigger

if TYPE_CHECKING:

    pass

def is_filled(event: Event, name: str) -> bool:
    """The field has a value (its evidence is kept only then)."""
    value = event.date.date or event.date.start if name == "date" else getattr(event, name)
    return value not in (None, "", [])


def cited_actor(found: Resolved, offset: int) -> list[Cite]:
    """The phrase an actor was read from; a pronoun or a definite description ("the group") is
    cited as what the actor was resolved from."""
    tok = found.token
    if found.actor is None or tok is None:
        return []
    anaphoric = tok.tag_ in ("PRP", "PRP$") or (
        tok.lemma_.lower() in ANAPHORS
        and any(
            c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those") for c in tok.children
        )
        and not any(t.pos_ == "PROPN" for t in tok.lefts)
    )
    return [cites.phrase(tok, offset, "coreference" if anaphoric else None)]


def status_words(trig: Trigger, status: str, offset: int) -> list[Cite]:
    """The modality cue of a status: the auxiliaries, negation and governing verbs between the
    trigger and the clause it hangs from ("will attack", "did not attack", "planned to attack");
    for a plain report, the trigger itself."""
    head = trig.head
    if status == "occurred":
        return cites.tokens([head], offset)
    cue = [c for c in head.children if c.dep_ in ("aux", "auxpass", "neg")]
    node = head
    for _ in range(4):  # the verbs that govern it by a complement ("vowed to", "planned to")
        if node.dep_ not in ("xcomp", "ccomp") or node.head.i == node.i:
            break
        node = node.head
        cue.append(node)
        cue += [c for c in node.children if c.dep_ in ("aux", "neg")]
    return cites.tokens([head, *cue], offset)
