"""Event extraction: who did what to whom, where, when, how many died; PLOVER and ACLED codes.

``extract_events(ctx)`` walks the body sentences in order, finds triggers on the dependency
parse (``triggers``), reads status (``modality``), arguments and actors (``arguments``),
place and date through the places and dates layers, fatalities (``fatalities``), ACLED codes
(``coding``) and writes a one-line summary (``summary``). See docs/events.md.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from ...model import Actor, Event, Location, RecordDate, mention
from ..actors import ActorRegistry
from ..places import Gazetteer
from .arguments import (
    DocState,
    Resolved,
    between,
    by_agent,
    conjuncts,
    generic,
    is_armed,
    patient,
    raw_actor,
    resolve,
    subject,
)
from .coding import code
from .fatalities import count
from .lexicon import VIOLENT, lexicon
from .modality import VERBAL, absorb_complements, is_aggregate, status_of
from .summary import summarize
from .triggers import Trigger, find_triggers

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from ..context import Context

__all__ = ["extract_events"]

SPEECH_EXTRA = frozenset({"respond", "tweet", "write", "reply", "post"})
REQUEST_AUX = frozenset({"should", "must"})
THREAT_PHRASES = (
    "at risk",
    "legitimate target",
    "will be targeted",
    "will face",
    "will pay",
    "will be attacked",
)
GOV_WORDS = frozenset(
    [
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "ministry",
        "minister",
        "official",
        "officials",
        "president",
        "government",
        "governor",
        "authorities",
        "commander",
        "adviser",
        "advisor",
        "cabinet",
        "administration",
    ]
)


@lru_cache(maxsize=1)
def _registry() -> ActorRegistry:
    return ActorRegistry.default()


@lru_cache(maxsize=1)
def _gazetteer() -> Gazetteer:
    return Gazetteer.default()


def _record_date(ctx: Context, start: int, end: int) -> RecordDate:
    from .. import dates  # imported late: the dates package is being filled in by its owner

    try:
        return dates.record_date(ctx, start, end, "event")
    except Exception:  # noqa: BLE001 - a dates failure must not lose the event
        return RecordDate()


def _locate(ctx: Context, start: int, end: int) -> Location | None:
    try:
        return _gazetteer().locate(ctx, start, end)
    except Exception:  # noqa: BLE001 - a gazetteer failure must not lose the event
        return None


def extract_events(ctx: Context) -> list[Event]:
    """Every event in the document body, in text order."""
    state = DocState(_registry())
    _seed_country(ctx, state)
    events: list[Event] = []
    for para, sent in ctx.sentences():
        triggers = find_triggers(sent)
        triggers += _speech_acts(sent, triggers)
        absorb_complements(triggers)
        for trig in sorted((t for t in triggers if not t.absorbed), key=lambda t: t.head.i):
            ev = _build(ctx, para.start, sent, trig, state)
            if ev is not None:
                events.append(ev)
        _remember(sent, state)
    return events


def _seed_country(ctx: Context, state: DocState) -> None:
    """Country evidence from demonyms and country names in the body (for generic actors)."""
    lex = lexicon()
    for para in ctx.paragraphs:
        for m in lex.demonym_re.finditer(para.doc.text):
            word = m.group(0).lower()
            if word in ("us", "u.s.", "american") or (word == "us" and m.group(0) != "US"):
                continue
            state.countries[lex.demonyms[word]] += 1


def _remember(sent: Span, state: DocState) -> None:
    try:
        found = state.registry.find(sent.text)
    except Exception:  # noqa: BLE001
        found = []
    for _, _, actor in sorted(found, key=lambda x: x[0]):
        state.see(actor)


def _speech_acts(sent: Span, triggers: list[Trigger]) -> list[Trigger]:
    """Requests and threats voiced in reported speech: 'X said Y should ...', '... will be at risk'."""
    speech = lexicon().speech | SPEECH_EXTRA
    speakers = [t for t in sent if t.lemma_.lower() in speech and t.pos_ in ("VERB", "AUX")]
    if not speakers:
        return []
    by_head = {t.head.i: t for t in triggers}
    out: list[Trigger] = []
    for tok in sent:
        if tok.dep_ == "aux" and tok.lower_ in REQUEST_AUX and tok.head.lemma_.lower() not in speech:
            verb = tok.head
            old = by_head.get(verb.i)
            if old is not None:
                old.absorbed = True
            out.append(Trigger(verb, "REQUEST", "verbal", [tok, verb], status_hint="occurred"))
    low = sent.text.lower()
    for phrase in THREAT_PHRASES:
        i = low.find(phrase)
        if i < 0:
            continue
        tok = sent.char_span(i, i + len(phrase.split()[0]), alignment_mode="expand")
        if tok is None:
            continue
        verb = tok.root
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        if verb.lemma_.lower() in speech:
            continue
        out.append(Trigger(verb, "THREATEN", "verbal", [*tok], status_hint="occurred"))
    return out


def _speaker_of(sent: Span, verb: Token) -> Token | None:
    speech = lexicon().speech | SPEECH_EXTRA
    node = verb
    for _ in range(5):
        if node.lemma_.lower() in speech and node.i != verb.i:
            return _closest_subject(node)
        if node.head.i == node.i:
            break
        node = node.head
    for t in sent:  # quote followed by '..., the Taliban said.'
        if t.lemma_.lower() in speech and t.i != verb.i:
            subj = _closest_subject(t)
            if subj is not None:
                return subj
    return None


def _closest_subject(verb: Token) -> Token | None:
    """'X will be at risk, the Taliban told the BBC': the subject next to the speech verb."""
    subs = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subs:
        return subject(verb)[0]
    return min(subs, key=lambda c: abs(c.i - verb.i))


def _and_side(sent: Span, first: Token) -> Token | None:
    """Second side of "between X, ..., and Y" when the parse dropped it."""
    seen_and = False
    for t in sent:
        if t.i <= first.i:
            continue
        if t.lower_ == "and" and not seen_and:
            seen_and = True
            continue
        if seen_and and t.pos_ in ("NOUN", "PROPN"):
            nxt = t.nbor(1) if t.i + 1 < len(t.doc) else None
            if nxt is None or nxt.pos_ not in ("NOUN", "PROPN"):
                return t
    return None


def _pron_in_sentence(tok: Token | None, state: DocState, country: str | None) -> Resolved | None:
    """'If the occupiers ..., they should ...': a pronoun bound to an earlier subject in the sentence."""
    if tok is None or tok.lower_ not in ("they", "it"):
        return None
    for t in tok.sent:
        if t.i >= tok.i:
            break
        if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ in ("NOUN", "PROPN") and t.head.i != tok.head.i:
            r = resolve(t, state, country)
            if r.actor is not None:
                return r
    return None


def _gov_actor(tok: Token | None, country: str | None) -> Actor | None:
    """'An Afghan defense ministry spokesman' -> the government, when the registry is silent."""
    if tok is None:
        return None
    words = {t.lower_ for t in tok.subtree if t.i <= tok.i}
    if not words & GOV_WORDS:
        return None
    lex = lexicon()
    c = next((lex.demonyms[w] for w in words if w in lex.demonyms), None) or country
    return Actor(f"Government of {c}", "state", c) if c else None


def _arguments(sent: Span, trig: Trigger, state: DocState, country: str | None) -> tuple[Resolved, Resolved]:
    head = trig.head
    agent_tok: Token | None = None
    patient_tok: Token | None = None
    second: Token | None = None
    if trig.nominal:
        sides = between(head)
        if sides:
            agent_tok = sides[0]
            second = sides[1] if len(sides) > 1 else _and_side(sent, sides[0])
        else:
            agent_tok = by_agent(head) or next(
                (
                    c
                    for c in head.children
                    if c.dep_ in ("poss", "compound")
                    and c.pos_ in ("PROPN", "NOUN")
                    and c.lemma_.lower()
                    not in ("air", "drone", "suicide", "roadside", "car", "rocket", "mortar", "missile")
                ),
                None,
            )
            if agent_tok is None:
                agent_tok, _ = subject(head.head) if head.dep_ in ("dobj", "pobj", "nsubj") else (None, False)
                if agent_tok is not None and agent_tok.i == head.i:
                    agent_tok = None
            patient_tok = patient(trig)
    elif trig.status_hint is not None and trig.plover == "REQUEST" or trig.status_hint is not None:
        agent_tok = _speaker_of(sent, head)
        patient_tok, _ = subject(head)
    else:
        subj, passive = subject(head)
        if trig.cls == "fallto":
            agent_tok = next(
                (
                    p
                    for c in head.children
                    if c.dep_ == "prep" and c.lower_ == "to"
                    for p in c.children
                    if p.dep_ == "pobj"
                ),
                None,
            )
            patient_tok = subj
        elif passive:
            patient_tok = subj
            agent_tok = by_agent(head)
            if agent_tok is not None and agent_tok.lemma_.lower() in lexicon().nouns:
                agent_tok = None  # "killed by a roadside bomb": an instrument, not an actor
        else:
            agent_tok = subj
            patient_tok = patient(trig)
        if trig.cls == "clash" and agent_tok is not None and patient_tok is None:
            conj = conjuncts(agent_tok)
            second = conj[0] if conj else None
        sides = between(trig.noun) if trig.noun is not None else []
        if sides and agent_tok is None:
            agent_tok = sides[0]
            second = sides[1] if len(sides) > 1 else None
    verbal = trig.cls in VERBAL or trig.plover not in ("ASSAULT", "COERCE", "PROTEST")
    a1 = _pron_in_sentence(agent_tok, state, country) or resolve(
        agent_tok, state, country, want_armed=trig.cls in VIOLENT
    )
    if a1.actor is None and verbal:
        a1 = Resolved(_gov_actor(agent_tok, country) or raw_actor(agent_tok), None, agent_tok)
    if second is not None and patient_tok is None:
        patient_tok = second
    a2 = _pron_in_sentence(patient_tok, state, country) or resolve(patient_tok, state, country)
    if a2.actor is None and not trig.nominal:
        for sub in trig.merged:  # "attacked a post, killing 20 soldiers": the victims of the consequence
            if sub.cls in VIOLENT:
                subj, passive = subject(sub.head)
                tok = subj if passive and subj is not None and subj.i > head.i else patient(sub)
                if tok is not None:
                    a2 = resolve(tok, state, country)
                    if a2.actor is not None:
                        break
    if a2.actor is not None and a1.actor is not None and a2.actor.name == a1.actor.name and second is None:
        a2 = Resolved(None)
    return a1, a2


def _clause_span(sent: Span, trig: Trigger) -> tuple[int, int]:
    """Token range of the clause expressing the event (the whole sentence for the main verb)."""
    head = trig.head
    if trig.nominal and head.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj") and not between(head):
        node = head.head
        while node.pos_ not in ("VERB", "AUX") and node.head.i != node.i:
            node = node.head
        head = node
    if head.dep_ == "ROOT" or head.head.i == head.i:
        toks = list(sent)
    else:
        toks = list(head.subtree)
        subj, _ = subject(head)
        if subj is not None and subj.sent.start == sent.start:
            toks += list(subj.subtree)
    lo = min(t.i for t in toks)
    hi = max(t.i for t in toks)
    while lo < hi and (sent.doc[lo].is_punct or sent.doc[lo].dep_ == "cc"):
        lo += 1
    while hi > lo and sent.doc[hi].is_punct and sent.doc[hi].text not in (".", "?", "!"):
        hi -= 1
    return lo, hi + 1


def _instrument(trig: Trigger, text: str) -> str | None:
    for cls, rx in lexicon().instruments:
        if rx.search(text):
            return cls
    return None


_PLACE_ANAPHOR = re.compile(
    r"\b(?:the|that|this) (?:[A-Z]\w+ )?(?:city|town|village|province|district|area|region|state)\b"
)
_YEARISH = re.compile(
    r"\b(?:last|this|past|previous) (?:year|decade)\b|\b(?:since|throughout|during) (?:19|20)\d\d\b|"
    r"\bin (?:19|20)\d\d\b(?! ?[-–])|\bin the (?:conflict|war)\b|\bso far this\b|\beach (?:year|month)\b",
    re.I,
)
_DAY_WORDS = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|overnight|tonight|"
    r"(?:this|last|on) (?:morning|evening|night|week)|\d{1,2} (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*|"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w* \d{1,2})\b",
    re.I,
)


def _concrete(
    ctx: Context,
    trig: Trigger,
    status: str,
    date: RecordDate,
    clause: str,
    start: int,
    end: int,
    a1: Resolved,
    instrument: str | None,
    location: Location | None,
    fat: object,
) -> bool:
    """ACLED codes single, dated, placed incidents: reject aggregates and background history."""
    day_timex = any(t.precision in ("day", "week") for t in ctx.timexes_in(start, end)) or bool(
        _DAY_WORDS.search(clause)
    )
    if status == "ongoing" and not day_timex:
        return False
    if date.precision == "year" or (_YEARISH.search(clause) and not day_timex):
        return False
    if trig.cls == "agreement" and not day_timex:
        return False
    value = getattr(fat, "value", None)
    if value is not None and value >= 1000:
        return False
    if re.search(r"\b\d{1,3}(?:,\d{3})+\b", clause) and trig.cls == "kill" and not day_timex:
        return False
    return not (
        trig.cls == "kill" and a1.actor is None and instrument is None and location is None and not day_timex
    )


def _build(ctx: Context, offset: int, sent: Span, trig: Trigger, state: DocState) -> Event | None:
    doc = sent.doc
    lo, hi = _clause_span(sent, trig)
    start, end = offset + doc[lo].idx, offset + doc[hi - 1].idx + len(doc[hi - 1].text)
    clause = ctx.document.text[start:end]
    status = trig.status_hint or status_of(trig)
    if trig.cls == "announce" and status == "occurred":
        status = "announced"
    if trig.cls == "offensive" and trig.head.lemma_.lower() in ("announce", "declare"):
        status = "announced"
    aggregate = is_aggregate(trig, list(doc[lo:hi]))
    location = _locate(ctx, start, end)
    if location is None and state.last_location is not None and _PLACE_ANAPHOR.search(clause):
        location = state.last_location  # "in the Afghan city": the place named before
    country = (location.country if location else None) or state.country()
    a1, a2 = _arguments(sent, trig, state, country)
    actor1, actor2 = a1.actor, a2.actor
    if trig.cls == "disperse":  # ACLED: the protesters are actor1, the intervening force actor2
        actor1, actor2 = actor2, actor1
        a2 = a1
    if trig.cls in ("protest", "riot", "disperse"):
        crowd = "rioters" if trig.cls == "riot" else "protesters"
        if actor1 is None or actor1.name.startswith("Civilians") or (actor1.type or "") in ("civilians",):
            actor1 = generic(state, crowd, country)
    violent = trig.cls in VIOLENT
    instrument = _instrument(trig, clause.lower()) if violent else None
    victim_kind = a2.kind
    fat = count(clause) if violent or trig.cls in ("protest", "riot") else None
    acled_type, acled_sub = code(trig.cls, status, aggregate, actor1, actor2, instrument, clause, victim_kind)
    if acled_type is not None and actor1 is None and violent:
        if trig.cls == "clash" and actor2 is not None:
            pass
        else:
            actor1 = generic(state, "unidentified", country)
            if acled_sub == "Armed clash" and not is_armed(actor2) and actor2 is None:
                acled_type, acled_sub = None, None
    if (
        acled_type is not None
        and actor1 is not None
        and actor2 is None
        and acled_type == "Battles"
        and (acled_sub == "Armed clash")
    ):
        pass
    date = _record_date(ctx, start, end)
    if acled_type is not None and not _concrete(
        ctx, trig, status, date, clause, start, end, a1, instrument, location, fat
    ):
        acled_type, acled_sub = None, None
    fatalities, qualifier = (fat.value, fat.qualifier) if fat is not None else (None, None)
    if (
        acled_type is not None
        and fatalities is None
        and qualifier is None
        and not (fat is not None and fat.stated)
    ):
        fatalities = 0  # ACLED codes 0 when no deaths are reported
    plover = trig.plover
    if acled_type in ("Riots", "Protests") and trig.cls != "disperse":
        plover = "PROTEST"
    if trig.cls == "offensive":
        # one launched offensive is a mobilization; "launched a string of offensives" are attacks
        plover = (
            "ASSAULT"
            if trig.noun is not None and trig.noun.tag_ == "NNS" and status == "occurred"
            else "MOBILIZE"
        )
    cut = [(t.start, t.end) for t in ctx.timexes_in(start, end)]
    summary = summarize(ctx.document.text, start, end, cut, date)
    conf = 0.35 + 0.2 * (actor1 is not None) + 0.1 * (actor2 is not None) + 0.1 * (location is not None)
    conf += 0.1 * (date.date is not None) + 0.1 * (acled_type is not None or trig.cls in VERBAL)
    state.see(actor1 if actor1 is not None and not actor1.name.startswith("Unidentified") else None)
    state.see(actor2)
    if location is not None and location.country:
        state.countries[location.country] += 2
    if location is not None:
        state.last_location = location
    return Event(
        plover_type=plover,
        mentions=[mention(ctx.document, start, end)],
        acled_event_type=acled_type,
        acled_sub_event_type=acled_sub,
        actor1=actor1,
        actor2=actor2,
        location=location,
        date=date,
        status=status,
        fatalities=fatalities,
        fatalities_qualifier=qualifier
        if fatalities is not None
        else (qualifier if fat and fat.stated else None),
        summary=summary,
        trigger=trig.text,
        confidence=round(min(conf, 1.0), 2),
    )
