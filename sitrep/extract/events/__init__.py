"""Event extraction: who did what to whom, where, when, how many died; PLOVER and ACLED codes.

``extract_events(ctx)`` walks the body sentences in order, finds triggers on the dependency
parse (``triggers``), reads status (``modality``), arguments and actors (``arguments``),
place and date through the places and dates layers, fatalities (``fatalities``), ACLED codes
(``coding``) and writes a one-line summary (``summary``). See docs/events.md.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from ...model import Actor, Cite, Event, Location, RecordDate, mention
from .. import cites
from ..actors import ActorRegistry
from ..cites import with_basis
from ..places import Gazetteer
from .arguments import (
    ANAPHORS,
    GOV_TITLES,
    DocState,
    Resolved,
    armed_state,
    between,
    by_agent,
    conjuncts,
    ent_at,
    generic,
    is_armed,
    is_state,
    patient,
    resolve,
    subject,
    theatre,
)
from .coding import code
from .fatalities import ACLED_VAGUE_TOLL, count
from .lexicon import ACLED_CLASSES, VIOLENT, lexicon
from .modality import FUTURE_TYPE, VERBAL, absorb_complements, is_aggregate, status_of, under_speech
from .summary import summarize
from .triggers import Trigger, find_triggers, governing_verb

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from ..context import Context

__all__ = ["extract_events"]

#: Non-violent acts of armed forces: a government named as their doer is its military.
MILITARY_ACTS = frozenset({"shots", "mobilize", "base", "offensive", "withdraw", "disrupt"})
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


CLAUSE_BREAKS = frozenset({"relcl", "acl", "appos"})
BACKGROUND_MARKS = frozenset({"since", "before", "until", "till", "after", "once", "because"})


def _length(doc: Doc) -> int:
    """Characters of a parsed paragraph (``len(doc.text)`` joins every token's text each time)."""
    return doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0


def _timex_root(doc: Doc, lo: int, hi: int) -> Token | None:
    span = doc.char_span(max(lo, 0), min(hi, _length(doc)), alignment_mode="expand") if hi > lo else None
    toks = list(span) if span is not None else []  # the tokens it overlaps, found without a scan of the piece
    if not toks:
        return None
    ids = {t.i for t in toks}
    return next((t for t in toks if t.head.i not in ids or t.head.i == t.i), toks[0])


def _timex_blocked(tok: Token, chain: set[int]) -> bool:
    """True when the time expression belongs to another clause than the event's: a relative
    clause about another noun ("the Taliban, which was ousted in 2001, vowed ..."), a background
    subordinate clause ("since it was ousted from power in 2001"), or a conjoined clause with
    its own subject."""
    node = tok
    for _ in range(40):
        if node.i in chain or node.head.i == node.i:
            return False
        if node.dep_ in CLAUSE_BREAKS and node.pos_ in ("VERB", "AUX") or node.dep_ == "appos":
            return True
        if node.dep_ == "prep" and node.lower_ == "since" and node.i != tok.head.i:
            return True  # "the lowest since the start of the war in 2001"
        if node.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in BACKGROUND_MARKS for c in node.children
        ):
            return True
        if (
            node.dep_ == "conj"
            and node.pos_ in ("VERB", "AUX")
            and any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children)
        ):
            return True
        node = node.head
    return False


def _event_date(ctx: Context, offset: int, sent: Span, trig: Trigger, start: int, end: int) -> RecordDate:
    """The record date from the time expressions that belong to the event's own clause."""
    s_lo, s_hi = offset + sent.start_char, offset + sent.end_char
    stamps = [t for t in ctx.timexes_in(s_lo, s_hi) if t.type in ("DATE", "TIME")]
    if not stamps:
        return _record_date(ctx, start, end)
    chain: set[int] = set()
    for top in (trig.head, trig.noun, *(m.head for m in trig.merged)):
        node = top
        while node is not None:
            chain.add(node.i)
            if node.head.i == node.i:
                break
            node = node.head
    allowed = []
    for t in stamps:
        root = _timex_root(sent.doc, t.start - offset, t.end - offset)
        if root is None or not _timex_blocked(root, chain):
            allowed.append(t)
    if not allowed:
        return RecordDate()
    best = min(allowed, key=lambda t: (not (start <= t.start and t.end <= end), abs(t.start - start)))
    return _record_date(ctx, best.start, best.end)


def _adverbial(ctx: Context, offset: int, sent: Span, lo: int, hi: int) -> bool:
    """A time expression that modifies a verb ("on Monday", "last month") and can move to the
    summary's date prefix; one inside a noun phrase ("a deadline of 11 September") stays."""
    root = _timex_root(sent.doc, lo - offset, hi - offset)
    if root is None:
        return False
    if root.dep_ in ("npadvmod", "advmod", "tmod") and root.head.pos_ in ("VERB", "AUX"):
        return True
    return (
        root.dep_ == "pobj"
        and root.head.dep_ == "prep"
        and root.head.lower_ in ("on", "in", "at", "during", "over", "overnight")
        and (root.head.head.pos_ in ("VERB", "AUX") or root.head.head.dep_ == "ROOT")
    )


def _locate(ctx: Context, start: int, end: int) -> Location | None:
    try:
        return _gazetteer().locate(ctx, start, end)
    except Exception:  # noqa: BLE001 - a gazetteer failure must not lose the event
        return None


_CROWD_SUBJECT = re.compile(
    r"^\W*(?:the\s+|some\s+)?(?:rioters|protesters|protestors|demonstrators|crowds?|they|youths|mob|participants)\b", re.I
)


def _crowd_sequel(sent: Span) -> str:
    """The next sentences of the paragraph that tell what the same crowd did ("Protesters then
    pelted the police with stones"): ACLED types the demonstration by them."""
    out = []
    nxt = sent.end
    doc = sent.doc
    for _ in range(2):
        if nxt >= len(doc):
            break
        follow = doc[nxt].sent
        if _CROWD_SUBJECT.match(follow.text):
            out.append(follow.text)
        nxt = follow.end
    return " " + " ".join(out) if out else ""


def _same_phrase(a: Token | None, b: Token | None) -> bool:
    """Two arguments that name one party: a pronoun, or the same words ("the military forces of
    X fired on the positions of the military forces of Y" names two, whatever they resolve to)."""
    if a is None or b is None or a.tag_ in ("PRP", "PRP$") or b.tag_ in ("PRP", "PRP$"):
        return True
    return a.lower_ == b.lower_ or a.lemma_.lower() == b.lemma_.lower()


def _told_as_scene(trig: Trigger) -> bool:
    """A single incident in the simple past ("a shoot-out took place", "gunshots were heard"), not
    a state of affairs ("heavy fighting has carried on in the provinces")."""
    verb = (governing_verb(trig.head)[0] or trig.head.head) if trig.nominal else trig.head
    if any(c.dep_ == "aux" and c.lemma_.lower() in ("have", "be", "will") for c in verb.children):
        return False
    return verb.tag_ == "VBD" or verb.tag_ == "VBN" and any(
        c.dep_ == "auxpass" and c.lower_ in ("was", "were") for c in verb.children
    )


def _country_only(
    actor1: Actor | None, actor2: Actor | None, state: DocState, actor_words: tuple[list[Cite], list[Cite]]
) -> Location | None:
    """No findable place: the country the text shows (its places, demonyms, the actors' country)
    at ACLED's precision 3, never a guessed town. Cited with the words that named the country."""
    country = state.country() or next((a.country for a in (actor1, actor2) if a is not None and a.country), None)
    if not country:
        return None
    words = [state.country_words[country]] if country in state.country_words else []
    for actor, named in zip((actor1, actor2), actor_words, strict=True):
        if not words and actor is not None and actor.country == country and named:
            words = with_basis(named, "actor's country")
    try:
        hits = [h for h in _gazetteer().lookup(country) if h.geo_precision == 3 and h.name == h.country]
    except Exception:  # noqa: BLE001 - a gazetteer failure must not lose the event
        hits = []
    return hits[0].citing(*words) if hits else None


def extract_events(ctx: Context) -> list[Event]:
    """Every event in the document body, in text order."""
    state = DocState(_registry())
    _seed_country(ctx, state)
    events: list[Event] = []
    for para, sent in ctx.sentences():
        triggers = find_triggers(sent)
        triggers += _speech_acts(sent, triggers)
        absorb_complements(triggers)
        _absorb_nominal_arguments(triggers)
        _absorb_relative_duplicates(triggers)
        seen: set[int] = set()
        for trig in sorted((t for t in triggers if not t.absorbed), key=lambda t: t.head.i):
            if trig.head.i in seen:  # one trigger, one event: never two types for the same word
                continue
            seen.add(trig.head.i)
            ev = _build(ctx, para.start, sent, trig, state)
            if ev is not None and _follow_up(trig, ev, events, state):
                state.last_coded_sent = state.sent_no  # the incident is still the topic
                continue
            if ev is not None:
                events.append(ev)
                if ev.acled_event_type is not None:
                    state.last_coded_sent = state.sent_no
        _remember(sent, state)
        state.sent_no += 1
    return _merge_headline(ctx, _fold_arrests_into_protests(events, state))


def _fold_arrests_into_protests(events: list[Event], state: DocState) -> list[Event]:
    """ACLED codes "police arrested 20 people during a protest", "... protested in Tel Aviv.
    Police detained five protesters." and "residents burned tyres ..., police fired tear gas to
    disperse them" as one demonstration: protesters or rioters as actor1, the force that
    intervened as actor2. An arrest or a dispersal in the demonstration's sentence, or an arrest
    of protesters in the next sentences, joins it."""
    for ev in events:
        if ev.acled_event_type == "Protests" and ev.plover_type == "PROTEST" and is_state(ev.actor1):
            country = ev.actor1.country if ev.actor1 is not None else None
            ev.actor1, ev.actor2 = generic(state, "protesters", country or state.country()), ev.actor1
            words = ev.evidence.pop("actor1", [])
            ev.evidence["actor2"] = words
            ev.evidence["actor1"] = [
                replace(w, basis="ACLED rule") for w in ev.evidence.get("plover_type", [])
            ]
    folded: set[int] = set()
    for i, ev in enumerate(events):
        dispersal = ev.plover_type != "PROTEST" and ev.acled_event_type == "Protests"
        if ev.acled_sub_event_type != "Arrests" and not dispersal:
            continue
        span = ev.mentions[0]
        crowd = [
            p
            for p in events
            if p is not ev and p.plover_type == "PROTEST" and p.acled_event_type in ("Protests", "Riots")
        ]
        same_sentence = [
            p for p in crowd if any(m.start < span.end and span.start < m.end for m in p.mentions)
        ]
        of_protesters = (
            ev.acled_sub_event_type == "Arrests"
            and ev.actor2 is not None
            and "protester" in ev.actor2.name.lower()
        )
        before = [p for p in reversed(events[max(0, i - 3) : i]) if p in crowd]
        target = next(iter(same_sentence or (before if of_protesters else [])), None)
        if target is None:
            continue
        force = ev.actor1 if ev.acled_sub_event_type == "Arrests" else ev.actor2
        if target.acled_event_type == "Protests" and target.acled_sub_event_type == "Peaceful protest":
            target.acled_sub_event_type = "Protest with intervention"
        if target.actor2 is None and force is not None and is_state(force):
            target.actor2 = force
            target.evidence["actor2"] = list(
                ev.evidence.get("actor1" if force is ev.actor1 else "actor2", [])
            )
        if not any(m.start == span.start and m.end == span.end for m in target.mentions):
            target.mentions.extend(ev.mentions)
        folded.add(id(ev))
    return [e for e in events if id(e) not in folded]


def _in_title(ctx: Context, start: int) -> bool:
    span = ctx.cleaned.title_span
    return span is not None and span[0] <= start < span[1]


def _same_side(a: Actor | None, b: Actor | None) -> bool:
    return (
        a is None
        or b is None
        or a.name == b.name
        or a.name.startswith("Unidentified")
        or b.name.startswith("Unidentified")
    )


def _merge_headline(ctx: Context, events: list[Event]) -> list[Event]:
    """A headline restates the lead: "Drone strike on market kills 12" over "A drone strike on a
    crowded market ... killed at least 12". Each headline event joins the first body event of the
    same type with compatible actors and place; the body keeps its values, and a named actor or a
    place only the headline gives fills the gap."""
    out: list[Event] = []
    body = [e for e in events if not _in_title(ctx, e.mentions[0].start)]
    for ev in events:
        if ev in body:
            out.append(ev)
            continue
        match = next(
            (
                b
                for b in body
                if b.plover_type == ev.plover_type
                and (
                    b.acled_event_type is None
                    or ev.acled_event_type is None
                    or b.acled_event_type == ev.acled_event_type
                )
                and _same_side(b.actor1, ev.actor1)
                and _same_side(b.actor2, ev.actor2)
                and (
                    b.location is None
                    or ev.location is None
                    or not (b.location.admin1 and ev.location.admin1)
                    or b.location.admin1 == ev.location.admin1
                )
            ),
            None,
        )
        if match is None:
            out.append(ev)
            continue
        match.mentions.append(ev.mentions[0])
        if ev.actor1 is not None and (match.actor1 is None or match.actor1.name.startswith("Unidentified")):
            match.actor1 = ev.actor1
            match.take("actor1", ev)
        if match.actor2 is None and ev.actor2 is not None:
            match.actor2 = ev.actor2
            match.take("actor2", ev)
        if match.location is None and ev.location is not None:
            match.location = ev.location
            match.take("location", ev)
    return out


#: sentences after a dated report that an undated report of what happened is read at its date
NARRATIVE_SENTENCES = 2

INCIDENT_NOUNS = frozenset(
    {"attack", "assault", "raid", "offensive", "ambush", "incursion", "strike", "bombing"}
)


def _follow_up(trig: Trigger, ev: Event, events: list[Event], state: DocState) -> bool:
    """ "At least four police officers were killed in the fighting", "our forces repelled the
    attack", "the group said it had killed 30 soldiers": a mention of the incident just reported
    adds to it instead of becoming a second event."""
    noun = trig.noun if trig.noun is not None else (trig.head if trig.nominal else None)
    nouns = [noun] if noun is not None else []
    nouns += [w for w in trig.words if w.pos_ == "NOUN"]
    if not trig.nominal:  # "repelled the attack": the object names the incident
        nouns += [c for c in trig.head.children if c.dep_ == "dobj" and c.lemma_.lower() in INCIDENT_NOUNS]
    definite = any(
        any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in n.children) for n in nouns
    )
    if not trig.nominal and any(c.lower_ == "also" for c in trig.head.children):
        # "the attackers also burned a health centre": more of what the same attackers did
        subj, _ = subject(trig.head)
        definite = (
            definite
            or subj is not None
            and (subj.tag_ == "PRP" or any(c.dep_ == "det" and c.lower_ == "the" for c in subj.children))
        )
    # a party's own account of the incident (past perfect under a speech verb), not a second one
    restated = (
        not trig.nominal
        and "had" in {c.lower_ for c in trig.head.children if c.dep_ == "aux"}
        and (under_speech(trig.head))
    )
    # "A civilian woman was killed." right after the incident: its toll, told without an agent
    _, passive = subject(trig.head) if not trig.nominal else (None, False)
    # ("Seven of the gunmen died.", "Three people were killed and ten injured.": even when the
    # sentence alone is too bare to code)
    died = not trig.nominal and trig.head.lemma_.lower() == "die"
    casualties = (
        # (a bare toll: "were killed and nine injured", not "were killed in subsequent clashes")
        (
            trig.cls == "kill"
            or trig.cls == "attack" and trig.noun is None and trig.head.lemma_.lower() == "kill"
        )
        and (passive and by_agent(trig.head) is None or died)
        and state.sent_no - state.last_coded_sent == 1
    )
    if not (definite or restated or casualties) or not events:
        return False
    if ev.acled_event_type is None and not casualties:
        return False
    if state.sent_no - state.last_coded_sent > 2:
        return False
    recent = [e for e in reversed(events) if e.acled_event_type is not None][:3]
    if casualties and not (definite or restated):
        prev = recent[0] if recent and recent[0].acled_event_type != "Protests" else None
    else:
        prev = next((e for e in recent if _same_incident_parties(e, ev)), None)
    if prev is None:
        return False
    if ev.fatalities and not prev.fatalities:
        prev.fatalities, prev.fatalities_qualifier = ev.fatalities, ev.fatalities_qualifier
        prev.take("fatalities", ev)
    if (definite or restated) and prev.actor2 is None and ev.actor2 is not None and ev.actor2 != prev.actor1:
        prev.actor2 = ev.actor2
        prev.take("actor2", ev)
    prev.mentions.extend(ev.mentions)
    return True


def _same_actor(a: Actor | None, b: Actor | None) -> bool:
    """Equal, or the same generic actor where one side lacks the country ("Military Forces")."""
    if a is None or b is None:
        return a is b
    if a.name == b.name:
        return True
    return (a.country is None or b.country is None) and (
        a.name.startswith(b.name) or b.name.startswith(a.name)
    )


def _same_incident_parties(prev: Event, ev: Event) -> bool:
    """The follow-up names no one, the same attacker, or the two sides the other way round."""
    if ev.actor1 is None or ev.actor1.name.startswith("Unidentified") or _same_actor(ev.actor1, prev.actor1):
        return True
    return _same_actor(ev.actor1, prev.actor2) and (ev.actor2 is None or _same_actor(ev.actor2, prev.actor1))


def _absorb_relative_duplicates(triggers: list[Trigger]) -> None:
    """ "Police dispersed supporters who were protesting": the protest in the relative clause is
    the incident the main event already reports (ACLED codes it once)."""
    heads = {t.head.i: t for t in triggers if not t.absorbed}
    for trig in triggers:
        if trig.absorbed or trig.head.dep_ != "relcl":
            continue
        for anc in trig.head.head.ancestors:
            parent = heads.get(anc.i)
            if (
                parent is not None
                and parent is not trig
                and parent.cls in ACLED_CLASSES
                and trig.cls in ACLED_CLASSES
            ):
                trig.absorbed = True
                parent.merged.append(trig)
                break


def _absorb_nominal_arguments(triggers: list[Trigger]) -> None:
    """A nominal trigger that is an argument of another (non-verbal) event is part of it:
    "plan to stage a counterattack to fend off a Taliban offensive" is one event."""
    heads = {t.head.i: t for t in triggers if not t.absorbed and not t.nominal and t.cls not in VERBAL}
    for trig in triggers:
        if not trig.nominal or trig.absorbed:
            continue
        if trig.head.dep_ == "pobj" and trig.head.head.lower_ not in ("to", "against", "on", "for", "of"):
            continue  # "fled following skirmishes with X": a separate, earlier event
        if trig.head.dep_ not in ("dobj", "pobj", "attr", "nsubjpass"):
            continue
        for anc in trig.head.ancestors:
            parent = heads.get(anc.i)
            if (
                parent is not None
                and parent.cls not in ("verbal",)
                and parent.plover
                not in (
                    "ACCUSE",
                    "REJECT",
                    "REQUEST",
                    "THREATEN",
                )
            ):
                trig.absorbed = True
                parent.merged.append(trig)
                break


def _seed_country(ctx: Context, state: DocState) -> None:
    """Country evidence from demonyms and country names in the body (for generic actors)."""
    lex = lexicon()
    for para in ctx.paragraphs:
        for m in lex.demonym_re.finditer(para.doc.text):
            word = m.group(0).lower()
            if word in ("us", "u.s.", "american") or (word == "us" and m.group(0) != "US"):
                continue
            state.count_country(
                lex.demonyms[word], 1, (para.start + m.start(), para.start + m.end(), "gazetteer")
            )
    for span in ctx.cleaned.boilerplate:  # "MOGADISHU, March 2 (Wire) -": where the reporter is
        if span.kind != "dateline":
            continue
        place = _DATELINE_PLACE.match(ctx.document.text, span.start, span.end)
        if place is None:
            continue
        try:
            hits = _gazetteer().lookup(place.group(0).strip().title())
        except Exception:  # noqa: BLE001 - a gazetteer failure must not lose the events
            hits = []
        if hits and hits[0].country:
            state.count_country(hits[0].country, 2, (place.start(), place.end(), "dateline"))


_DATELINE_PLACE = re.compile(r"[A-Z][A-Za-z'’. -]{1,40}?(?=,|\s*\(|\s+[-–—]|\s*$)")


def _remember(sent: Span, state: DocState) -> None:
    persons = {
        (e.start, e.end): e for e in (ent_at(t) for t in sent if t.ent_type_ == "PERSON") if e is not None
    }
    for (
        ent
    ) in persons.values():  # "President Hassan Sheikh Mohamud said ... He blamed ...": officials for "he"
        if ent.label_ == "PERSON":
            actor = resolve(ent.root, state, state.country())
            if actor.actor is not None:
                state.last_person = actor.actor
    try:
        found = state.registry.find(sent.text)
    except Exception:  # noqa: BLE001
        found = []
    for _, _, found_actor in sorted(found, key=lambda x: x[0]):
        state.see(found_actor)


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
            out.append(Trigger(verb, "REQUEST", "verbal", [tok, verb], status_hint="occurred", speech=True))
    low = sent.text.lower()
    for phrase in THREAT_PHRASES:
        i = low.find(phrase)
        if i < 0:
            continue
        words = sent.char_span(i, i + len(phrase.split()[0]), alignment_mode="expand")
        if words is None:
            continue
        verb = words.root
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        if verb.lemma_.lower() in speech:
            continue
        out.append(Trigger(verb, "THREATEN", "verbal", [*words], status_hint="occurred", speech=True))
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
            if not _clause_of(t.head, tok.head):
                continue  # "assurances that civilians would be protected": a noun's clause
            r = resolve(t, state, country)
            if r.actor is not None:
                return r
    return None


def _clause_of(verb: Token, top: Token) -> bool:
    """True when verb hangs under top's clause through verbs only (no noun in between)."""
    node = verb
    for _ in range(12):
        if node.i == top.i or top in node.ancestors and node.head.i == top.i:
            return True
        if node.head.i == node.i:
            return top.i == node.i or verb.head.i == verb.i
        node = node.head
        if node.pos_ in ("NOUN", "PROPN") and node.i != top.i:
            return False
    return True


def _gov_actor(tok: Token | None, country: str | None) -> Actor | None:
    """'An Afghan defense ministry spokesman' -> the government, when the registry is silent."""
    if tok is None:
        return None
    words = {t.lower_ for t in tok.subtree if t.i <= tok.i}
    if not words & GOV_WORDS:
        return None
    lex = lexicon()
    c = next((lex.demonyms[w] for w in words if w in lex.demonyms), None) or country
    return Actor(f"Government of {c}", "state", c) if c else Actor("Government", "state", None)


#: heads that name no party of their own: "the statement condemned", "the report accused"
NOT_PARTIES = frozenset(
    ["statement", "report", "letter", "move", "decision", "it", "this", "that", "which", "who", "video", "post"]
)


def _named_party(tok: Token | None) -> Actor | None:
    """The doer of a political act the registry does not know, named by its own words: "the
    opposition", "prosecutors", "the teachers' union" (PLOVER codes the party the text names)."""
    if tok is None or tok.pos_ not in ("NOUN", "PROPN") or tok.lemma_.lower() in NOT_PARTIES:
        return None
    named = tok.ent_type_ in ("ORG", "NORP") or tok.pos_ == "PROPN" and tok.ent_type_ in ("GPE", "PERSON")
    if not (named or tok.lower_ in lexicon().party_nouns):
        return None  # a common noun that names no party ("peace", "the two sides")
    words = [t for t in tok.subtree if t.i <= tok.i and t.dep_ not in ("det", "predet", "nummod", "punct")]
    words = words[next((i for i, t in enumerate(words) if t.dep_ != "poss" or t.i == tok.i), 0) :]
    name = " ".join(t.text for t in words if t.tag_ != "POS").strip()
    return Actor(name[:1].upper() + name[1:], "other", None) if name else None


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
    elif trig.speech:
        agent_tok = _speaker_of(sent, head)
        patient_tok, _ = subject(head)
    elif trig.subj_fix is not None:
        agent_tok, patient_tok = trig.subj_fix, trig.obj_fix
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
            agent_tok = _strikes_doer(head, subj)
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
        a1 = Resolved(_gov_actor(agent_tok, country), None, agent_tok)
    if a1.actor is None and verbal and trig.cls not in ACLED_CLASSES:
        a1 = Resolved(_named_party(agent_tok), None, agent_tok)
    if a1.actor is None and not trig.nominal:
        for sub in trig.merged:  # "two soldiers were killed when ELN guerrillas attacked a base"
            sub_subj, sub_passive = subject(sub.head)
            if sub_subj is not None and not sub_passive and sub.cls in VIOLENT:
                found = resolve(sub_subj, state, country, want_armed=True)
                if found.actor is not None:
                    a1 = found
                    break
            if sub.cls == "clash" and agent_tok is None and patient_tok is not None:
                # "a suspect was killed after exchanging fire with police": the other side killed
                other = patient(sub)
                found = resolve(other, state, country, want_armed=True) if other is not None else Resolved(None)
                if found.actor is not None and other is not None and other.i != patient_tok.i:
                    a1 = found
                    break
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
    if trig.cls not in ACLED_CLASSES or trig.cls == "agreement":  # "Hungary protested": its government
        a1, a2 = _as_government(a1, state), _as_government(a2, state)
    if trig.cls in VIOLENT or trig.cls in MILITARY_ACTS:
        a1, a2 = armed_state(a1, state), armed_state(a2, state)
    if a2.actor is None and a2.kind is None and trig.cls in VIOLENT:
        # "attacked (and injured) a party member": a target named as people, not as armed, is civilian
        subs = [] if trig.nominal else [sub for sub in trig.merged if sub.cls in VIOLENT]
        targets = [patient_tok, *(patient(sub) for sub in subs)]
        victim = next((t for t in targets if t is not None and _victim(t)), None)
        if victim is not None:
            a2 = Resolved(None, "civilians", victim)
    if (
        a2.actor is not None
        and a1.actor is not None
        and a2.actor.name == a1.actor.name
        and second is None
        and _same_phrase(a1.token, a2.token)
    ):
        a2 = Resolved(None)
    return a1, a2


def _as_government(res: Resolved, state: DocState) -> Resolved:
    """A country's name used as the doer or addressee of a political act is its government."""
    actor, tok = res.actor, res.token
    if actor is None or tok is None or tok.pos_ != "PROPN" or actor.type == "government":
        return res
    try:
        country = state.registry.country_name(actor.name)
    except Exception:  # noqa: BLE001 - the registry is another helper's; never break events on it
        country = None
    if country is None or country.lower() != actor.name.lower():
        return res
    return Resolved(generic(state, "government", country), res.kind, tok)


def _strikes_doer(head: Token, subj: Token | None) -> Token | None:
    """ "forces conducted airstrikes targeting X": the agent of a participle on an attack or a weapon
    is whoever carried out the attack, not the attack itself."""
    if (
        subj is not None
        and head.dep_ == "acl"
        and subj.i == head.head.i
        and subj.dep_ in ("dobj", "pobj")
        and (
            subj.lemma_.lower() in lexicon().nouns
            or any(rx.fullmatch(words) for _, rx in lexicon().instruments for words in _compound_words(subj))
        )
    ):
        doer, passive = subject(subj.head)
        return None if passive else doer
    return subj


def _compound_words(tok: Token) -> tuple[str, ...]:
    """The noun alone and with its compound modifier: ("strikes", "air strikes")."""
    mod = tok.doc[tok.i - 1] if tok.i > 0 and tok.doc[tok.i - 1].dep_ == "compound" else None
    return (tok.lower_,) if mod is None else (tok.lower_, f"{mod.lower_} {tok.lower_}")


def _victim(tok: Token) -> bool:
    """A target named by a noun for people (or their vehicles) that says nothing of arms."""
    victims = lexicon().victims
    if tok.pos_ not in ("NOUN", "PROPN") or tok.ent_type_ in ("GPE", "LOC", "FAC", "ORG", "NORP"):
        return False
    prev = tok.doc[tok.i - 1] if tok.i > tok.sent.start else None
    pair = f"{prev.lower_} {tok.lower_}" if prev is not None else ""
    return tok.lower_ in victims or tok.lemma_.lower() in victims or pair in victims


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


def _modifier(trig: Trigger) -> bool:
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


STATE_WEAPON_MARKS = frozenset({"military", "army", "junta", "regime", "government", "navy", "naval"})
#: Aircraft only states fly: "fighter jets bombed the village" is the state's air force (ACLED
#: codes air strikes to the state unless a source says otherwise). Drones are not here: many
#: armed groups fly them.
STATE_AIRCRAFT = frozenset({"jet", "warplane", "aircraft", "helicopter", "gunship", "bomber"})


def _weapon_owner(
    trig: Trigger, state: DocState, agent: Token | None = None, country: str | None = None
) -> Actor | None:
    """ "An Israeli air strike", "a Russian missile strike", "a Russian missile hit ...": the state
    forces of the demonym that modifies the weapon (in the trigger, or the weapon as subject;
    a named armed group in the compound is found as agent before)."""
    lex = lexicon()
    words = list(trig.words)
    if (
        agent is not None
        and agent.pos_ == "NOUN"
        and any(rx.fullmatch(agent.lower_) for _, rx in lex.instruments)
    ):
        words.append(agent)
    if agent is not None and agent.lemma_.lower() in STATE_AIRCRAFT and country:
        demonym = next((t for t in agent.subtree if t.i < agent.i and t.lower_ in lex.demonyms), None)
        return generic(state, "military", lex.demonyms[demonym.lower_] if demonym is not None else country)
    for word in words:
        if word.pos_ not in ("NOUN", "PROPN"):
            continue
        for t in word.subtree:
            if (
                t.i < word.i
                and t.lower_ in lex.demonyms
                and t.dep_ in ("amod", "compound", "npadvmod", "nmod")
            ):
                return generic(state, "military", lex.demonyms[t.lower_])
            if t.i < word.i and t.lower_ in STATE_WEAPON_MARKS and t.dep_ in ("amod", "compound") and country:
                return generic(state, "military", country)  # "a military air strike" in Sagaing
    return None


def _participant(tok: Token | None) -> bool:
    """An agent we cannot name but who is really there ("defense ministers from the allies")."""
    if tok is None or tok.pos_ not in ("NOUN", "PROPN"):
        return False
    low, lemma = tok.lower_, tok.lemma_.lower()
    return low in GOV_TITLES or lemma in GOV_TITLES or lemma in ANAPHORS or low in lexicon().kinds


def _summary_span(
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
    if status == "ongoing" and trig.head.tag_ in ("VB", "VBZ", "VBP") and _in_title(ctx, start):
        status = "occurred"  # headlines use the present for past events: "Strike kills 12"
    if trig.cls == "announce" and status == "occurred":
        status = "announced"
    if trig.cls == "offensive" and trig.head.lemma_.lower() in ("announce", "declare"):
        status = "announced"
    aggregate = is_aggregate(trig, list(doc[lo:hi]))
    said = cites.tokens(trig.words, offset)  # the trigger: what the type and the rules were read from
    location = _locate(ctx, start, end)
    if (
        location is None
    ):  # "... from a school in Kuriga, in Nigeria's Kaduna state": outside the parsed clause
        sent_start, sent_end = offset + sent[0].idx, offset + sent[-1].idx + len(sent[-1].text)
        dateline = ctx.cleaned.dateline_span
        if dateline is not None and dateline[0] <= sent_start < dateline[1]:
            sent_start = dateline[1]  # the dateline says where the reporter was, not the event
        location = _locate(ctx, sent_start, sent_end)
    if location is None and state.last_location is not None and (anaphor := _PLACE_ANAPHOR.search(clause)):
        # "in the Afghan city": the place named before
        back: Cite = (start + anaphor.start(), start + anaphor.end(), "coreference")
        location = state.last_location.citing(*state.last_location.cited, back)
    in_paragraph = location is None  # "In Niteroi, police raided a slum. Two were shot.": the paragraph's place
    if in_paragraph:
        para_start, para_end = offset, offset + _length(doc)
        dateline = ctx.cleaned.dateline_span
        if dateline is not None and dateline[0] <= para_start < dateline[1]:
            para_start = dateline[1]
        location = _locate(ctx, para_start, para_end)
        if location is not None:
            location = location.citing(*with_basis(location.cited, "narrative place"))
    country = (location.country if location else None) or state.country()
    a1, a2 = _arguments(sent, trig, state, country)
    actor1, actor2 = a1.actor, a2.actor
    words1, words2 = _actor_words(a1, offset), _actor_words(a2, offset)
    by_rule = with_basis(said, "ACLED rule")  # an actor the coding rules supply for this trigger
    if trig.cls == "disperse":  # ACLED: the protesters are actor1, the intervening force actor2
        actor1, actor2 = actor2, actor1
        words1, words2 = words2, words1
        a2 = a1
    if trig.cls in ("protest", "riot", "disperse"):
        crowd = "rioters" if trig.cls == "riot" else "protesters"
        if actor1 is None or actor1.name.startswith("Civilians") or (actor1.type or "") in ("civilians",):
            actor1 = generic(state, crowd, country)
            words1 = with_basis(words1, "ACLED rule") or by_rule
    placed = location is not None and not in_paragraph  # a place the sentence itself names
    if location is None:
        location = _country_only(actor1, actor2, state, (words1, words2))
    violent = trig.cls in VIOLENT
    instrument = _instrument(trig, clause.lower()) if violent else None
    victim_kind = a2.kind
    fat = count(clause) if violent or trig.cls in ("protest", "riot") else None
    if fat is not None and fat.value is None and hi <= trig.head.i + 1 < sent.end:
        # the parser hung the victims on a later verb ("... killed at least 40 people, including
        # children, residents said"): the clause stops at the verb, so read on to the sentence end
        tail_end = offset + sent[-1].idx + len(sent[-1].text)
        fat = count(ctx.document.text[start:tail_end])
    coded_text = clause + _crowd_sequel(sent) if trig.cls in ("protest", "riot", "disperse") else clause
    acled_type, acled_sub = code(trig.cls, status, aggregate, actor1, actor2, instrument, coded_text, victim_kind)
    if acled_type == "Violence against civilians" and actor2 is None:
        actor2 = generic(state, "civilians", country)  # ACLED names the victims of such violence
        words2 = by_rule
    if acled_sub == "Peaceful protest":
        actor2, words2 = None, []  # ACLED: a peaceful protest has the protesters alone
    elif acled_sub == "Mob violence" and actor2 is None:
        actor2, words2 = generic(state, "civilians", country), by_rule  # the crowd's victims
    doers = {"Riots": "rioters", "Protests": "protesters"}.get(acled_type or "")
    if doers and acled_sub != "Excessive force against protesters" and not (actor1 and actor1.type == doers):
        # ACLED: the doers of a protest are always Protesters, of a riot Rioters ("supporters of the
        # opposition protested", "villagers attacked a thief"); a named group is only associated
        actor1 = generic(state, doers, country or (actor1.country if actor1 else None))
        words1 = with_basis(words1, "ACLED rule") or by_rule
    if acled_type is not None and actor1 is None and violent:
        subj, passive = subject(trig.head)
        owner = a1.token or (None if passive else _strikes_doer(trig.head, subj))
        actor1 = _weapon_owner(trig, state, owner, country)
        # "an Israeli air strike": the forces of the demonym on the weapon
        words1 = with_basis(said + ([cites.phrase(owner, offset)] if owner is not None else []), "ACLED rule")
    if acled_type is not None and actor1 is None and violent:
        if trig.cls == "clash" and actor2 is not None:
            pass
        elif (
            trig.cls in ("clash", "shots")
            and actor2 is None
            and acled_sub == "Armed clash"
            and _told_as_scene(trig)
        ):
            # "a shoot-out took place", "gunshots were reported": ACLED codes two unidentified sides
            actor1 = actor2 = generic(state, "unidentified", country)
            words1 = words2 = by_rule
        else:
            actor1 = generic(state, "unidentified", country)
            words1 = by_rule
            if acled_sub == "Armed clash" and not is_armed(actor2) and actor2 is None:
                acled_type, acled_sub = None, None
    if acled_type is not None:
        where = (location.country if location else None) or state.country()
        actor1, actor2 = theatre(actor1, where, state), theatre(actor2, where, state)
        actor1, actor2 = _as_gang(actor1, doc.text, state), _as_gang(actor2, doc.text, state)
    date = _event_date(ctx, offset, sent, trig, start, end)
    if acled_type is not None and not _concrete(
        ctx, trig, status, date, clause, start, end, a1, instrument, location, fat
    ):
        acled_type, acled_sub = None, None
    dated = bool(date.date)  # by the report's own words (confidence counts only those)
    if date.date or date.start:
        if date.precision == "day":
            state.narrative = (date, state.sent_no)
    elif status == "occurred" and state.narrative is not None and state.sent_no - state.narrative[1] <= NARRATIVE_SENTENCES:
        # "On 9 May, militants attacked an army post. The soldiers repulsed the assault.": the
        # story goes on at the date its lead set
        told = state.narrative[0]
        date = replace(told, cited=tuple((a, b, "narrative date") for a, b, _ in told.cited))
    fatalities, qualifier = (fat.value, fat.qualifier) if fat is not None else (None, None)
    toll: list[Cite] = [(start + a, start + b, None) for a, b in fat.spans] if fat is not None else []
    if acled_type is not None and fatalities is None and fat is not None and fat.vague in ACLED_VAGUE_TOLL:
        fatalities, qualifier = ACLED_VAGUE_TOLL[fat.vague], "at least"  # "killed dozens": 12, as ACLED codes it
        toll = with_basis(toll, "ACLED rule")
    if (
        acled_type is not None
        and fatalities is None
        and qualifier is None
        and not (fat is not None and fat.stated)
    ):
        fatalities = 0  # ACLED codes 0 when no deaths are reported
        toll = by_rule
    plover = FUTURE_TYPE.get(trig.plover, trig.plover) if _future(trig, status) else trig.plover
    if acled_type in ("Riots", "Protests") and trig.cls != "disperse":
        plover = "PROTEST"
    if trig.cls == "offensive":
        # one launched offensive is a mobilization; "launched a string of offensives" are attacks
        plover = (
            "ASSAULT"
            if trig.noun is not None and trig.noun.tag_ == "NNS" and status == "occurred"
            else "MOBILIZE"
        )
    s_start, s_end = _summary_span(ctx, offset, sent, trig, lo, hi, a1, start, end)
    cut = [
        (t.start, t.end)
        for t in ctx.timexes_in(s_start, s_end)
        if _adverbial(ctx, offset, sent, t.start, t.end)
    ]
    summary = summarize(ctx.document.text, s_start, s_end, cut, date)
    conf = 0.35 + 0.2 * (actor1 is not None) + 0.1 * (actor2 is not None) + 0.1 * placed
    conf += 0.1 * dated + 0.1 * (acled_type is not None or trig.cls in VERBAL)
    if acled_type is None and (_modifier(trig) or actor1 is None and not _participant(a1.token)):
        return None  # "Washington-backed", "who have come to support them", "peace talks" in passing
    state.see(actor1 if actor1 is not None and not actor1.name.startswith("Unidentified") else None, words1)
    state.see(actor2, words2)
    if placed and location is not None and location.country:
        named = next(iter(location.cited), None)
        state.count_country(location.country, 2, (named[0], named[1], "gazetteer") if named else None)
    if placed:
        state.last_location = location
    event = Event(
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
    words = {
        "plover_type": said, "acled_event_type": said, "acled_sub_event_type": said, "actor1": words1,
        "actor2": words2, "location": list(location.cited) if location else [], "date": list(date.cited),
        "fatalities": toll, "status": _status_words(trig, status, offset),
    }  # fmt: skip
    for name, spans in words.items():
        if _filled(event, name):
            event.cite(ctx.document, name, spans)
    return event


def _future(trig: Trigger, status: str) -> bool:
    """Told as a future act: "will provide", "plans to", or "said it would withdraw" (reported
    future). PLOVER codes such cooperation as AGREE and such retreats as CONCEDE."""
    if status == "planned":
        return True
    aux = {c.lower_ for c in trig.head.children if c.dep_ == "aux"}
    if status == "denied":  # "will not withdraw": a future act, negated (the status says so)
        return bool(aux & {"will", "wo", "shall", "'ll"}) or "would" in aux and under_speech(trig.head)
    return status == "expected" and "would" in aux and under_speech(trig.head)


def _as_gang(actor: Actor | None, text: str, state: DocState) -> Actor | None:
    """ACLED's Latin America coding: unidentified perpetrators whose violence bears the marks of
    organised crime (a drive-by, a bound or mutilated body, a narco-message) are an Unidentified
    Gang of the country (words and countries in data/events/roles.yaml)."""
    lex = lexicon()
    if (
        actor is None
        or lex.gang_hallmarks is None
        or not actor.name.startswith("Unidentified Armed Group")
        or actor.country not in lex.gang_countries
        or not lex.gang_hallmarks.search(text)
    ):
        return actor
    return generic(state, "gang", actor.country)


def _filled(event: Event, name: str) -> bool:
    """The field has a value (its evidence is kept only then)."""
    value = event.date.date or event.date.start if name == "date" else getattr(event, name)
    return value not in (None, "", [])


def _actor_words(found: Resolved, offset: int) -> list[Cite]:
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


def _status_words(trig: Trigger, status: str, offset: int) -> list[Cite]:
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
