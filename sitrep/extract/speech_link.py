"""Statements and the verbal events of the same words, linked both ways and made to agree.

An event points at every statement whose mention overlaps its own (``statement_ids``). When the
event's trigger is the statement's reporting verb, outside its quote ("Iran *accused* Israel of
killing ...", "the ministry *urged* ..."), the two records are one act told twice: the statement
names the event (``event_ids``), the statement's intent is read from the event's PLOVER type
(one decision, ``data/events/intents.yaml``), and the speaker's actor is the event's source.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from ..model import Event, Statement
from .statements.lexicon import lexicon as statement_lexicon
from .yaml_files import load_yaml


@lru_cache(maxsize=1)
def _table() -> tuple[dict[str, frozenset[str]], dict[str, str]]:
    raw = load_yaml(resources.files("sitrep.data").joinpath("events/intents.yaml").read_text(encoding="utf-8"))
    return {k: frozenset(v) for k, v in raw["types"].items()}, dict(raw["intent"])


def _overlap(ev: Event, st: Statement) -> bool:
    return any(m.doc_id == n.doc_id and m.start < n.end and n.start < m.end for m in ev.mentions for n in st.mentions)


def _same_words(ev: Event, st: Statement) -> bool:
    """The event's trigger is the statement's reporting verb: the words its intent was read from,
    or the words between its speaker and its quote ("Iran accused Israel of ..."), never inside
    the quote (the quote's own acts are the statement's content, not the statement)."""
    trig = ev.evidence.get("plover_type") or []
    quote = st.evidence.get("quote") or []
    if not trig or not quote or any(q.start < t.end and t.start < q.end for t in trig for q in quote):
        return False
    said = [w for w in st.evidence.get("intent") or [] if w.basis is None]
    if any(w.start < t.end and t.start < w.end for t in trig for w in said):
        return True
    if any(not any(q.start <= w.start and w.end <= q.end for q in quote) for w in said):
        return False  # the reporting verb is another word ("expelled two diplomats, accusing them")
    who = [w for w in st.evidence.get("speaker") or [] if w.basis is None]
    lo, hi = min(q.start for q in quote), max(q.end for q in quote)
    return any(w.end <= t.start and t.end <= lo or hi <= t.start and t.end <= w.start for t in trig for w in who)


def _read(ev: Event) -> bool:
    """The event's source was read from the text, not supplied by a coding rule ("Civilians",
    "Unidentified Armed Group" by ACLED's rules name no speaker)."""
    return any(w.basis in (None, "coreference") for w in ev.evidence.get("actor1") or [])


def intent_for(plover: str, trigger: str, current: str) -> str:
    """The statement's intent once the event's type is decided: kept when it agrees, else the
    reporting verb's own intent when that agrees, else the type's default (unchanged when the
    type is no statement act: a statement "announcing" a deployment stays an announcement)."""
    types, default = _table()
    if plover in types.get(current, ()):
        return current
    lex = statement_lexicon()
    first = trigger.split()[0].lower() if trigger else ""
    verb = lex.verbs.get(lex.forms.get(first, first))
    if verb is not None and verb[1] > 0 and plover in types.get(verb[0], ()):
        return verb[0]
    return default.get(plover, current if current not in types else "other")


def link_statements(events: list[Event], statements: list[Statement]) -> None:
    for ev in events:
        for st in statements:
            if not _overlap(ev, st):
                continue
            if st.id not in ev.statement_ids:
                ev.statement_ids.append(st.id)
            if not _same_words(ev, st):
                continue
            if ev.id not in st.event_ids:
                st.event_ids.append(ev.id)
            intent = intent_for(ev.plover_type, ev.trigger, st.intent)
            if intent != st.intent:
                st.intent = intent
                st.take_as("intent", ev, "plover_type")
            if ev.actor1 is not None and _read(ev):  # the speaker stays on the record; the actor is the event's source
                st.speaker_actor = ev.actor1
            elif st.speaker_actor is not None:
                ev.actor1 = st.speaker_actor
                ev.take_as("actor1", st, "speaker")
