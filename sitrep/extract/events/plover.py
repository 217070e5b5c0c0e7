"""PLOVER type and mode of an event beyond its trigger's: future and promised acts, willingness
to cooperate, and the mode read from the words of the act (data/events/modes.yaml).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...model import Cite
from .acled_rules import instrument_of
from .modality import under_speech
from .modes import plover_mode
from .trigger_words import Trigger
from .trigger_words import verb_lemma as trigger_lemma

if TYPE_CHECKING:
    from ..context import Context


#: cooperation an actor says it is ready, willing or prepared to give (PLOVER AGREE: "indicate
#: willingness ... to cooperate"); a retreat so offered is a concession
#: (violence one is ready to use is a threat)
WILLING_TYPE = {
    "CONSULT": "AGREE", "AID": "AGREE", "SUPPORT": "AGREE", "COOPERATE": "AGREE", "RETREAT": "CONCEDE",
    "ASSAULT": "THREATEN",
}  # fmt: skip
_WILLING_WORDS = frozenset({"ready", "willing", "prepared"})


def promised(trig: Trigger) -> bool:
    """A meeting or visit the actor commits to ("will meet", "would travel"): PLOVER AGREE."""
    verb = next((t for t in [trig.head, *list(trig.head.ancestors)[:3]] if t.pos_ in ("VERB", "AUX")), trig.head)
    return any(c.dep_ == "aux" and c.lower_ in ("will", "wo", "shall", "'ll", "would") for c in verb.children)


def willing(trig: Trigger) -> bool:
    head = trig.head if not trig.nominal else trig.head.head
    return head.dep_ == "xcomp" and head.head.lemma_.lower() in _WILLING_WORDS


def future(trig: Trigger, status: str) -> bool:
    """Told as a future act: "will provide", "plans to", or "said it would withdraw" (reported
    future). PLOVER codes such cooperation as AGREE and such retreats as CONCEDE."""
    if status == "planned":
        return True
    aux = {c.lower_ for c in trig.head.children if c.dep_ == "aux"}
    if status == "denied":  # "will not withdraw": a future act, negated (the status says so)
        return bool(aux & {"will", "wo", "shall", "'ll"}) or "would" in aux and under_speech(trig.head)
    return status == "expected" and "would" in aux and under_speech(trig.head)


#: types whose mode is what the act is about (what is threatened, demanded, refused): read after the trigger
_MODE_AFTER = frozenset({"THREATEN", "REQUEST", "REJECT", "SANCTION"})


#: verbal acts whose mode is their content: the words that come first after the trigger decide
_MODE_CONTENT = frozenset({"THREATEN", "REQUEST", "REJECT"})


def event_mode(
    ctx: Context, offset: int, trig: Trigger, plover: str, instrument: str | None, clause: str, start: int, end: int,
    said: list[Cite], acled_type: str | None,
) -> tuple[str | None, list[Cite]]:
    """PLOVER mode (data/events/modes.yaml) and the words it was read from."""
    lemmas = {w.lemma_.lower() for w in trig.words} | {trigger_lemma(w) for w in trig.words}
    if plover == "ASSAULT" and instrument is None:
        instrument = instrument_of(clause.lower())
    lo = max(start, offset + trig.head.idx + len(trig.head.text)) if plover in _MODE_AFTER else start
    cls = "riot" if acled_type == "Riots" else trig.cls
    mode, at = plover_mode(plover, sorted(lemmas), cls, instrument, ctx.document.text[lo:end], plover in _MODE_CONTENT)
    if mode is None:
        return None, []
    return mode, ([(lo + at[0], lo + at[1], None)] if at is not None else said)
