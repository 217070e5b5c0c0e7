"""Event extraction: who did what to whom, where, when, how many died; PLOVER and ACLED codes.

``extract_events(ctx)`` walks the body sentences in order, finds triggers on the dependency
parse (``triggers``: ``trigger_words``, ``verb_triggers``; made one per event by
``sentence_triggers``), reads status (``modality``), the clause and neighbouring sentences of each
event (``clause``), its parties (``parties``, resolving actors through ``arguments`` and the
document's memory in ``docstate``), place and document-wide memory (``document``), date
(``timing``), fatalities (``fatalities``), ACLED codes (``coding``) and ACLED's record-building
conventions (``acled_rules``), PLOVER adjustments and mode (``plover``), the words of each field
(``words``) and a one-line summary (``summary``); then merges what the document tells twice
(``merging``). This module builds the records. See docs/events.md.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from ...model import Actor, Cite, Event, Location, mention
from .. import cites
from ..cites import with_basis
from ..place_names import POSSESSED_PLACE
from ..statements.lexicon import lexicon as statement_lexicon
from .acled_rules import (
    FRONT_FIRE,
    as_gang,
    captive_class,
    concrete,
    fired_at_place,
    instrument_of,
    operating_party,
    seized,
    unnamed,
    untargeted,
    war_strike,
    zone_party,
)
from .arguments import _of_object as of_object
from .arguments import armed_words, resolve
from .clause import (
    agentless,
    clause_span,
    crowd_sequel,
    dependent_clause_start,
    modifier,
    next_sentences,
    other_incident_start,
    past_dateline,
    previous_sentence,
    said_after,
    summary_span,
    told_as_scene,
)
from .coding import (
    AREA_FIRE,
    RAID_WORDS,
    REMOTE,
    armed_victim,
    code,
    mutual,
    other_incident,
    other_story,
    two_sided,
    weapon_word,
)
from .control import control_at, front_namesake
from .crowd import doer_words
from .docstate import DocState, Resolved, generic, is_armed, is_civilian, is_state, theatre
from .document import (
    actor_registry,
    country_only_location,
    dateline_town,
    locate,
    remember_sentence,
    seed_country,
    voted_country,
)
from .fatalities import ACLED_VAGUE_TOLL, Fatalities, count
from .grievance import crowd_acts, without_grievance, without_tallies
from .lexicon import VIOLENT, lexicon
from .listed_places import one_per_place
from .merging import (
    arrests_by_police,
    fold_arrests_into_protests,
    follow_up,
    in_title,
    merge_headline,
    refine_place,
    setting_of_told_act,
    toll_follow_up,
    toll_sentence,
)
from .modality import (
    FUTURE_TYPE,
    HOSTILE,
    VERBAL,
    absorb_complements,
    conditional,
    in_series,
    is_aggregate,
    speech_verb_over,
    status_of,
)
from .parties import (
    act_doer,
    claimed_doer,
    claimed_in,
    intervening_force,
    is_force_word,
    is_participant,
    sentence_parties,
    strikes_doer,
    weapon_owner,
)
from .plover import WILLING_TYPE, event_mode, future, promised, willing
from .sentence_triggers import absorb_nominal_arguments, absorb_relative_duplicates, speech_acts
from .summary import summarize
from .syntax import by_agent, own_words, subject, told_as_background
from .timing import (
    carry_narrative,
    dated_by_speech,
    days_before_told,
    event_date,
    is_adverbial,
    other_day,
    parsed_length,
    scene_date,
    time_of_day,
)
from .trigger_words import Trigger
from .triggers import find_triggers
from .words import cited_actor, is_filled, status_words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from ..context import Context

__all__ = ["extract_events"]

#: harm told as done ("injuring two", "were wounded"), not denied ("no injuries were reported")
_HURT = re.compile(r"\b(?:injur(?:ed|ing)|wound(?:ed|ing)|hurt|killed|killing|dead|died)\b", re.I)


def _same_country(demonym: str | None, place: Location, state: DocState) -> bool:
    """A place the demonym of "the Afghan city" can mean (any place when none is given; none
    when the word is no demonym but a name: "the Catatumbo region" is a region of its own)."""
    if not demonym:
        return True
    if demonym.lower() not in lexicon().demonyms:
        return False
    return state.registry.country_name(lexicon().demonyms[demonym.lower()]) == place.country


#: ACLED's sub-types for territory that changes hands by force.
TERRITORY = frozenset({"Non-state actor overtakes territory", "Government regains territory"})


def extract_events(ctx: Context) -> list[Event]:
    """Every event in the document body, in text order."""
    state = DocState(actor_registry())
    seed_country(ctx, state)
    events: list[Event] = []
    coded: dict[int, list[Event]] = {}  # the coded events of each sentence
    title = ctx.cleaned.title_span
    has_body = title is not None and title[1] < len(ctx.document.text.rstrip())  # (not a one-line note)
    for para, sent in ctx.sentences():
        triggers = find_triggers(sent)
        triggers += speech_acts(sent, triggers)
        absorb_complements(triggers)
        absorb_nominal_arguments(triggers)
        absorb_relative_duplicates(triggers)
        seen: set[int] = set()
        for trig in sorted((t for t in triggers if not t.absorbed), key=lambda t: t.head.i):
            if trig.head.i in seen:  # one trigger, one event: never two types for the same word
                continue
            seen.add(trig.head.i)
            ev = _build(ctx, para.start, sent, trig, state)
            if state.told_place is not None:
                refine_place(state.told_place, events, state, ctx.document)
                state.told_place = None
            if (
                ev is not None
                and 0 <= state.sent_no - state.last_coded_sent <= 1
                and toll_follow_up(
                    trig,
                    ev,
                    [e for n in range(state.sent_no - 2, state.sent_no + 1) for e in coded.get(n, [])],
                    coded.get(state.sent_no, []),
                )
            ):
                coded[state.sent_no] = coded.get(state.last_coded_sent, [])  # the incident goes on
                state.last_coded_sent = state.sent_no
                continue
            # (a headline is told again by the lead: what the body retells is the body's incident)
            told = [e for e in events if not (has_body and in_title(ctx, e.mentions[0].start))]
            if ev is not None and follow_up(trig, ev, told, state):
                # the incident is still the topic: a toll later in the sentence is its own
                coded.setdefault(state.sent_no, coded.get(state.last_coded_sent, []))
                state.last_coded_sent = state.sent_no
                continue
            if ev is not None:
                events.append(ev)
                carry_narrative(ev, state)
                # (a headline restates the lead: the lead's dead are its own, not a headline's
                # toll told again; the two join at the end)
                if ev.acled_event_type is not None and not (has_body and in_title(ctx, ev.mentions[0].start)):
                    state.last_coded_sent = state.sent_no
                    coded.setdefault(state.sent_no, []).append(ev)
        no_event_dated_it = state.narrative is None or state.narrative[1] != state.sent_no
        if no_event_dated_it and (scene := scene_date(ctx, para.start, sent, lexicon().speech)) is not None:
            state.narrative = (scene, state.sent_no)
        elif no_event_dated_it and state.narrative is not None and other_day(ctx, para.start, sent, state.narrative[0]):
            state.narrative = None  # "On 6 June the army said ...": the story has moved to another day
        if toll_sentence(ctx, para.start, sent, events, state):
            state.last_coded_sent = state.sent_no
        remember_sentence(sent, state)
        state.sent_no += 1
    title_end = title[1] if title is not None and has_body else -1
    folded = fold_arrests_into_protests(events, state, ctx.document.text, title_end)
    events = merge_headline(ctx, arrests_by_police(folded, state))
    return one_per_place(ctx, events)


#: a vague mass toll ("hundreds of Palestinians", "thousands of people")
_MASS_TOLL = re.compile(r"\b(?:hundreds|thousands|tens\s+of\s+thousands|scores)\s+of\b", re.IGNORECASE)

#: sentences after a dated report that an undated report of what happened is read at its date
NARRATIVE_SENTENCES = 2


#: fire only state forces (and, for shelling, the sides of a war) direct from afar: told once
#: with its doer, the story's next strike without one is theirs
_FIRED_FROM_AFAR = frozenset({"Air/drone strike", "Shelling/artillery/missile attack"})
_PLACE_ANAPHOR = re.compile(  # (not "the village of Essakane": a place named, known or not)
    r"\b(?:the|that|this) (?:(?P<demonym>[A-Z]\w+) )?(?:city|town|village|province|district|area|region|state|spot|scene)\b(?!\s+of\s+[A-Z])"
)

#: a place the sentence names itself, known to the gazetteer or not: "in the Catatumbo region",
#: "near the village of Kpala"
_OWN_PLACE_NAMED = re.compile(
    r"\b(?:in|near|at|around|outside|across)\s+the\s+(?:[A-Z][\w'’-]*\s+){1,3}"
    r"(?:region|province|district|state|county|department|governorate|valley|township)\b"
    r"|\b(?:village|town|city|district|region|province) of\s+[A-Z]"
)


def _named_dead(victim: Token | None, state: DocState) -> tuple[int, tuple[int, int]] | None:
    """The people a killing names by name ("shot dead journalist Amadou Diallo", "Amadou Diallo and
    Moussa Keita were killed"): how many, and the characters (in the parse) that name them."""
    if victim is None:
        return None
    person = victim if _person_name(victim, state) else next(
        (c for c in victim.children if c.dep_ in ("appos", "compound") and _person_name(c, state)), None
    )
    if person is None or victim.tag_ in ("NNS", "NNPS") or any(c.dep_ == "nummod" for c in victim.children):
        return None
    people = [person, *(c for c in person.conjuncts if _person_name(c, state))]
    words = [t for p in people for t in p.subtree]
    first, last = min(words, key=lambda t: t.i), max(words, key=lambda t: t.i)
    return len(people), (first.idx, last.idx + len(last.text))


@lru_cache(maxsize=1)
def _organization_words() -> frozenset[str]:
    """Words that end an organisation's name ("Bank", "Front"), from the statements' lexicon."""
    return frozenset(w.lower() for w in statement_lexicon().organization_words)


def _person_name(tok: Token, state: DocState) -> bool:
    """A person's name: one the model calls a person, or two to four capitalised words it calls
    an organisation or nothing that no registry actor and no place bears ("Amadou Diallo", which
    the small model reads as an organisation) - as what a killing is done to."""
    if tok.ent_type_ == "PERSON":
        return True
    if tok.pos_ != "PROPN" or tok.ent_type_ not in ("ORG", ""):
        return False
    words = [*(c for c in tok.children if c.dep_ == "compound" and c.i < tok.i), tok]
    text = " ".join(w.text for w in words)
    group_words = armed_words() | _organization_words()
    return (
        2 <= len(words) <= 4
        and all(w.pos_ == "PROPN" and w.text[:1].isupper() and w.text.isalpha() for w in words)
        # (not a group's or a tribe's name: "the Hamza Division", "Al Tilan")
        and not any(w.lower_ in group_words for w in words)
        and words[0].lower_ not in lexicon().clan_particles
        and state.registry.match(text) is None
        and not any(state.registry.match(w.text) for w in words)
    )


def _names_other_event(doc: Doc, offset: int, location: Location, trig: Trigger) -> bool:
    """The place is named only as what another event is called by ("the Novi Sad collapse", "the
    Kabul bombing" in a sentence about a vigil), not the event's own noun ("the Kabul bombing
    killed 12")."""
    if not location.cited:
        return False
    lo, hi = location.cited[0][0] - offset, location.cited[0][1] - offset
    span = doc.char_span(lo, hi, alignment_mode="expand") if 0 <= lo < hi <= len(doc.text) else None
    if span is None or not len(span):
        return False
    last = span[-1]
    own = {trig.head.i, *(t.i for t in trig.words), *(m.head.i for m in trig.merged)}
    if trig.noun is not None:
        own.add(trig.noun.i)
    return (
        last.dep_ == "compound"
        and last.head.i not in own
        and last.head.lemma_.lower() in lexicon().other_event_nouns
    )


def _fled_from(doc: Doc, offset: int, location: Location) -> bool:
    """Every span the place was read from lies in a relative clause telling where people fled
    from ("shelled a camp sheltering families who fled fighting in Kordofan"): their origin."""
    flight = lexicon().flight_verbs
    spans = [doc.char_span(a - offset, b - offset, alignment_mode="expand") for a, b, _ in location.cited if a is not None]
    if not spans or any(s is None or not len(s) for s in spans):
        return False
    return all(
        any(v.lemma_.lower() in flight and v.dep_ in ("relcl", "acl") for v in s[0].ancestors)
        for s in spans
        if s is not None
    )


def _handed_to(verb: Token) -> Token | None:
    """Whom a verb of handing over gave its object to: "handed over control of Menaka to X"."""
    holders = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
    return next((to for h in holders if (to := of_object(h, ("to",))) is not None), None)


def _police_speaker(words: str) -> bool:
    """The speaker is a police force, which tells of its own beat."""
    return any(w in lexicon().police_markers for w in re.findall(r"[a-z]+", words.lower()))


def _speaker_words(head: Token, offset: int) -> tuple[int, int]:
    """The characters of the speaker and the speech verb a reported act hangs on, when they come
    before it ("Russia's defence ministry said"), else an empty span."""
    verb = speech_verb_over(head, before=head.i)
    if verb is None:
        return 0, 0
    subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    first = subj.left_edge if subj is not None else verb
    return offset + first.idx, offset + verb.idx + len(verb.text)


def _story_place(sent: Span, state: DocState) -> Location | None:
    """The place of the event told in this sentence or up to two before (a town, or the district
    or province a story names where it names no town), when it names no place and does not turn
    to another incident."""
    told = state.last_location
    if told is None or told.name == told.country or not 0 <= state.sent_no - state.last_coded_sent <= NARRATIVE_SENTENCES:
        return None
    return None if other_incident(sent.text) else told


def _names_the_place(party: Resolved, offset: int, location: Location) -> bool:
    """The party's words are the words the event's place was read from."""
    tok = party.token
    if tok is None or party.actor is None:
        return False
    # (a registry actor or a generic one has a type: "Hamas", "Civilians (X)"; not a town read as
    # the state that holds it: "Russian drones attacked Kyiv" struck the city)
    capital = tok.ent_type_ in ("GPE", "LOC") and location.name != location.country
    if party.actor.type and not (capital and party.actor.type in ("state forces", "government")):
        return False
    start = offset + tok.idx
    return any(a <= start < b for a, b, _ in location.cited)


#: the opening sentences of the next paragraph that may claim an incident for its doer
CLAIM_SENTENCES = 2


def _next_paragraph_opening(ctx: Context, offset: int) -> tuple[int, list[Span]]:
    """The offset and sentences of the paragraph after the one at ``offset`` (none after the last)."""
    after = next((p for p in ctx.paragraphs if p.start > offset), None)
    return (after.start, list(after.doc.sents)) if after is not None else (0, [])


def _from_the_air(cls: str, trig: Trigger, actor1: Actor | None) -> str:
    """"Government forces bombed rebel-held towns": a state's military bombs from the air (an
    armed group's bomb is planted or thrown)."""
    if cls == "ied" and not trig.nominal and trig.head.lemma_.lower() == "bomb" and actor1 is not None:
        # (a state named by its government bombs with its air force too: "the military junta bombed a village")
        return "air" if is_state(actor1) and not actor1.name.startswith("Police Forces") else cls
    return cls


_FORCE_TYPES = ("Battles", "Explosions/Remote violence", "Violence against civilians")


def _left_place(trig: Trigger) -> bool:
    """The withdrawal is from a place ("withdrew from the town of Mahas", "pulled out of Kidal")."""
    lex = lexicon()
    places = lex.place_heads | lex.armed_places
    for prep in trig.head.children:
        if prep.dep_ == "prep" and prep.lower_ in ("from", "of"):
            for obj in prep.children:
                if obj.dep_ == "pobj" and (obj.ent_type_ in ("GPE", "LOC", "FAC") or obj.lemma_.lower() in places):
                    return True
    return False


def _forces_withdrawn(trig: Trigger) -> bool:
    """What was withdrawn is a force ("withdrew 300 troops", "pulled out its soldiers")."""
    heads = lexicon().ground_force_heads
    return any(c.dep_ == "dobj" and c.lemma_.lower() in heads for c in trig.head.children)


def _gave_up(sent: Span, trig: Trigger, state: DocState, country: str | None) -> Resolved:
    """The armed side the sentence tells as withdrawing from or leaving a place ("after Ethiopian
    troops left their base", "once the army pulled out")."""
    lex = lexicon()
    places = lex.place_heads | lex.armed_places
    for t in sent:
        if t.i == trig.head.i or t.pos_ != "VERB":
            continue
        lemma = t.lemma_.lower()
        withdrew = lex.verbs.get(lemma, ("", ""))[1] == "withdraw" or any(
            c.dep_ == "prt" and lex.phrasal.get(f"{lemma} {c.lower_}", ("", ""))[1] == "withdraw" for c in t.children
        )
        left = lemma in ("leave", "abandon", "vacate") and any(
            c.dep_ == "dobj" and (c.lemma_.lower() in places or c.ent_type_ in ("GPE", "LOC", "FAC")) for c in t.children
        )
        subj, passive = subject(t) if withdrew or left else (None, True)
        if subj is not None and not passive:
            side = resolve(subj, state, country, want_armed=True)
            if side.actor is not None and is_armed(side.actor):
                return side
    return Resolved(None)


def _moved_in(trig: Trigger, state: DocState, country: str | None) -> Resolved:
    """The side a conjoined clause says took the ground over ("..., and government forces moved in")."""
    for verb in trig.head.children:
        if verb.dep_ == "conj" and verb.lemma_.lower() in lexicon().takeover_verbs:
            subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subj is not None:
                found = resolve(subj, state, country, want_armed=True)
                if found.actor is not None and is_armed(found.actor):
                    return found
    return Resolved(None)


def _government(actor: Actor | None) -> bool:
    """A country's government as a whole, not one of its forces."""
    return actor is not None and bool(actor.country) and actor.name.startswith("Government of")


def _force_word(party: Resolved, trig: Trigger) -> bool:
    """Is the party the subject of the trigger's verb, named by a police or military word
    ("soldiers staged a demonstration", "police officers protested")?"""
    tok = party.token
    return tok is not None and tok.dep_ == "nsubj" and tok.head.i == trig.head.i and is_force_word(tok)


def _build(ctx: Context, offset: int, sent: Span, trig: Trigger, state: DocState) -> Event | None:
    doc = sent.doc
    lo, hi = clause_span(sent, trig)
    start, end = offset + doc[lo].idx, offset + doc[hi - 1].idx + len(doc[hi - 1].text)
    clause = ctx.document.text[start:end]
    own = own_words(doc, lo, hi, trig.head)  # (not the past of a doer a relative clause tells)
    status = trig.status_hint or status_of(trig)
    if status == "ongoing" and trig.head.tag_ in ("VB", "VBZ", "VBP") and in_title(ctx, start):
        status = "occurred"  # headlines use the present for past events: "Strike kills 12"
    if trig.cls == "announce" and status == "occurred":
        status = "announced"
    if willing(trig) and trig.cls in VIOLENT:
        status = "threatened"  # "the army is ready to fight any offensive": a warning, not a battle
    if trig.cls == "offensive" and trig.head.lemma_.lower() in ("announce", "declare"):
        status = "announced"
    sent_start, sent_end = offset + sent[0].idx, offset + sent[-1].idx + len(sent[-1].text)
    aggregate = is_aggregate(trig, list(doc[lo:hi]))
    if (
        not aggregate
        and trig.cls in VIOLENT
        and _MASS_TOLL.search(clause)
        and any(w.tag_ == "NNS" and w.i != trig.head.i for w in trig.words)
        and not any(t.precision == "day" for t in ctx.timexes_in(sent_start, sent_end))
    ):
        # "with hundreds of Palestinians killed in Israeli raids": a tally of many acts, no day
        aggregate = True
    if aggregate and trig.aggregate and in_series(trig) and any(
        t.precision == "day" for t in ctx.timexes_in(sent_start, sent_end)
    ):
        # "on 1 May, activists took part in a series of one-person protests in Moscow": one day's
        # series in one place is the incident ACLED codes, unless the clause spans a longer time
        aggregate = is_aggregate(replace(trig, aggregate=False), list(doc[lo:hi]))
    said = cites.tokens(trig.words, offset)  # the trigger: what the type and the rules were read from
    spoken = said_after(trig)  # (what the doers went on to say names no place of the act)
    spoken_from = sent_end if spoken is None else offset + doc[spoken].idx
    # (nor the clause after a semicolon, another act: "Turkish drone kills two SDF fighters;
    # warplanes pound Idlib villages")
    found = ctx.document.text.find(";", end, spoken_from)
    semicolon = found if found != -1 else None
    spoken_from = semicolon or spoken_from
    speaker = _speaker_words(trig.head, offset)
    location = locate(ctx, start, end, guess=False)  # a piece of a longer name: try the sentence
    if (
        location is None
    ):  # "... from a school in Kuriga, in Nigeria's Kaduna state": outside the parsed clause
        # (not the speaker's words before the report: "Russia's defence ministry said its units
        # had downed 47 drones" was not in Moscow)
        told_from = past_dateline(ctx, sent_start)
        location = locate(ctx, speaker[1] if speaker[0] <= told_from < speaker[1] else told_from, spoken_from)
    elif location.admin1 is None and location.geo_precision == 3:
        # "in western Yemen (At Tuhayat, Al Hudaydah)": the clause stops at the country, the
        # sentence names the district and province of the same country; "in Maracay, 90
        # migrants returned from Peru": a country the clause names only as an origin is not
        # where it happened, the sentence's place is, of any country
        finer = locate(ctx, past_dateline(ctx, sent_start), sent_end)
        if finer is not None and finer.admin1 is not None and (
            finer.country == location.country or _origin_only(ctx.document.text, location)
        ):
            location = finer
    if location is not None and location.cited:
        # "On 30 April, in Tecpan, teachers held a march to ask officials for buses to take them
        # back to Acapulco": a place only a goal or a relative clause names is not where
        # the event was when the words before that clause name one
        opened = dependent_clause_start(sent, trig, location.cited[0][0] - offset)
        if opened is not None and doc[opened].idx + offset > sent_start:
            framing = locate(ctx, past_dateline(ctx, sent_start), offset + doc[opened].idx, guess=False)
            # (a clause "after ..." tells another act, before or after this one: its place is
            # that act's, even when the words before name only a province: "declared a state of
            # emergency in Amhara after fighters captured Lalibela")
            at = location.cited[0][0] - offset
            other_act = any(
                t.dep_ == "mark" and t.lower_ in ("after", "before", "since", "until") for t in doc[opened:] if t.idx < at
            )
            if (
                framing is not None
                and framing.name != framing.country
                and ((framing.geo_precision or 3) <= (location.geo_precision or 3) or other_act)
            ):
                location = framing
    earlier_place = state.last_location
    if (
        location is not None
        and location.cited
        and earlier_place is not None
        and earlier_place.admin1 is not None
        and location.admin1 != earlier_place.admin1
        and (possessor := POSSESSED_PLACE.search(ctx.document.text, max(0, location.cited[0][0] - 30), location.cited[0][0]))
    ):
        # "a shell hit a house in the city's Dniprovskyi district": a part of the city told
        # before, not a namesake elsewhere (the part itself may be missing from the gazetteer)
        part_of: Cite = (possessor.start(), possessor.end(), "coreference")
        location = earlier_place.citing(*earlier_place.cited, part_of)
    anaphor = _PLACE_ANAPHOR.search(clause) if location is None else None
    if (
        anaphor is not None
        and state.last_location is not None
        and _same_country(anaphor.group("demonym"), state.last_location, state)
    ):
        # "in the Afghan city": the place named before (in Afghanistan)
        back: Cite = (start + anaphor.start(), start + anaphor.end(), "coreference")
        location = state.last_location.citing(*state.last_location.cited, back)
    dateline = ctx.cleaned.dateline_span
    unplaced = location is None or location.name == location.country
    here = next((t for t in sent if t.lower_ == "here" and t.dep_ == "advmod"), None) if unplaced else None
    if here is not None and dateline is not None and dateline[1] <= offset + here.idx:
        # "SRINAGAR: teachers staged a sit-in at Press Enclave here": where the reporter was
        at_dateline = dateline_town(ctx)
        if at_dateline is not None:
            location = at_dateline.citing(*at_dateline.cited, (offset + here.idx, offset + here.idx + len(here), "coreference"))
    # "In Niteroi, police raided a slum. Two were shot.": the paragraph's place; not for "the
    # Afghan city" after a place elsewhere (no place is better than a wrong one)
    in_paragraph = location is None and not (anaphor is not None and anaphor.group("demonym"))
    if location is not None and location.geo_precision == 3 and location.name == location.country:
        # "In Iquique, residents burned tyres. Police forces of Chile dispersed them.": a town of
        # that country named before in the paragraph, not the whole country
        earlier = locate(ctx, past_dateline(ctx, offset), start)
        if earlier is not None and earlier.country == location.country and earlier.name != earlier.country:
            location = earlier.citing(*with_basis(earlier.cited, "narrative place"))
    if in_paragraph:
        # (up to a later sentence that turns to another incident: "Separately, ... near X")
        turn = other_incident_start(sent)
        para_end = semicolon or offset + (turn if turn is not None else parsed_length(doc))
        location = locate(ctx, past_dateline(ctx, offset), min(para_end, spoken_from) if spoken is not None else para_end)
        if location is None and spoken is not None and sent_end < para_end:
            location = locate(ctx, sent_end, para_end)  # (the sentences after it, not what was said in it)
        if location is not None and location.cited and location.cited[0][0] >= sent_end:
            # "Protesters burned tyres in several neighbourhoods. One student was killed in clashes
            # in Saint-Louis": a place told only after the sentence is the next incident's; the
            # town the story was in goes on, if the sentence before placed it
            location = _story_place(sent, state) or location
        if location is not None:
            location = location.citing(*with_basis(location.cited, "narrative place"))
    # with no place of its own the story goes on in the country of the last place told, as the
    # place this event falls back on does ("Israeli troops raided Jenin ... The military said
    # gunmen fired on its troops": the gunmen are Palestine's, whatever country the text names most)
    told_country = state.last_location.country if state.last_location is not None else None
    # (then the country the document's places point at, before the demonyms' count: "French
    # soldiers left Niger ... the junta that seized power" is Niger's junta)
    country = (location.country if location else None) or told_country or voted_country(ctx) or state.country()
    a1, a2 = sentence_parties(sent, trig, state, country)
    if (
        not trig.nominal
        and a1.token is not None
        and a1.actor is not None
        and (a2.actor is None or not is_armed(a2.actor) and not is_state(a2.actor))
        and (
            a1.token.dep_ == "nsubj" and a1.token.head.lemma_.lower() == "die"
            or a1.token.dep_ == "nsubjpass" and trig.cls in VIOLENT  # "the man was injured"
        )
        and (
            not is_armed(a1.actor) and not is_state(a1.actor)
            # (soldiers who died suffered the act, when it names no other side: "two soldiers
            # died in the attack")
            or a1.token.dep_ == "nsubj" and is_state(a1.actor) and a2.actor is None
        )
    ):
        # "the woman died", "a man died under torture", "the man was injured": who died or was
        # hurt is the victim, not the doer ("the man died and the woman was injured": both are)
        # the doer of the act they suffered it in, when the text names one ("died in an attack by X")
        a1, a2 = act_doer(trig, state, country), a1 if a2.actor is None else a2
    actor1, actor2 = a1.actor, a2.actor
    words1, words2 = cited_actor(a1, offset), cited_actor(a2, offset)
    if actor2 is not None and location is not None and _names_the_place(a2, offset, location):
        # "jets bombed Khan Younis": the town struck, which the model took for a person's name,
        # is the event's place, no party
        actor2, words2 = None, []
    by_rule = with_basis(said, "ACLED rule")  # an actor the coding rules supply for this trigger
    targeted = (actor2, words2)  # (of force used on people: the people, as the text names them)
    if trig.cls == "disperse":  # ACLED: the protesters are actor1, the intervening force actor2
        actor1, actor2 = actor2, actor1
        words1, words2 = words2, words1
        a2 = a1
    if trig.cls in ("protest", "riot", "disperse"):
        crowd = "rioters" if trig.cls == "riot" else "protesters"
        if actor1 is None or actor1.name.startswith("Civilians") or (actor1.type or "") in ("civilians",):
            actor1 = generic(state, crowd, country)
            words1 = with_basis(words1, "ACLED rule") or by_rule
    if (
        location is not None
        and location.cited
        and speaker[0] <= location.cited[0][0] < speaker[1]
        and not (location.name != location.country and _police_speaker(ctx.document.text[speaker[0] : speaker[1]]))
    ):
        # the paragraph's search found only the speaker's words: no place told ("police in Bannu
        # said two officers were hurt" is the town's police telling of their town)
        location = None
    if location is not None and _fled_from(doc, offset, location):
        # (where the families came from is not where it happened: the story's place, if any)
        story = _story_place(sent, state)
        location = story.citing(*with_basis(story.cited, "narrative place")) if story is not None else None
    if location is not None and _names_other_event(doc, offset, location, trig):
        # "held a silence for the victims of the Novi Sad collapse": the place of what the act is
        # about, not of the act; the story's town, if it has one
        location = _story_place(sent, state)
    placed = location is not None and not in_paragraph  # a place the sentence itself names
    # (not when the sentence names a place the gazetteer lacks: "Hours later, rebels clashed in the
    # Catatumbo region" after a bombing in Jamundi is not in Jamundi; the country is all it can say)
    if (
        location is None
        and not _OWN_PLACE_NAMED.search(sent.text)
        and (story_place := _story_place(sent, state)) is not None
    ):
        # "Police fired tear gas at protesters in Nairobi. / Demonstrators set fire to part of the
        # parliament building": the story goes on where the sentence before it placed it
        location = story_place.citing(*with_basis(story_place.cited, "narrative place"))
    if location is None:
        location = country_only_location(actor1, actor2, state, (words1, words2), ctx)
    violent = trig.cls in VIOLENT
    instrument = instrument_of(own.lower()) if violent else None
    strike = next((t for t in doc[lo:hi] if war_strike(t, trig)), None) if violent else None
    if instrument is None and strike is not None:
        instrument = "air"  # "Israeli strikes hit Rafah": no weapon named, an air strike by ACLED's usage
    victim_kind = a2.kind
    fat: Fatalities | None = None
    if trig.cls in ("protest", "riot", "disperse"):  # the deaths the crowd protested about are no toll of its own
        fat = count(without_grievance(doc, lo, hi, trig.head.i, clause))
    elif violent:
        # (the speech verb right after the clause tells who the last names of a list are: "...,
        # killing at least 12 worshippers, a security source and a local resident said")
        said_next = hi < sent.end and doc[hi].lemma_.lower() in lexicon().speech
        fat = count(without_tallies(doc, lo, hi, clause) + (" " + doc[hi].text if said_next else ""))
    last_verb = max([trig.head.i, *(m.head.i for m in trig.merged)])
    if fat is not None and fat.value is None and hi <= last_verb + 1 < sent.end:
        # the parser hung the victims on a later verb ("... killed at least 40 people, including
        # children, residents said"; "carried out air strikes ..., killing at least 30 people,
        # including ..."): the clause stops at the verb, so read on to the sentence end
        tail_end = offset + sent[-1].idx + len(sent[-1].text)
        fat = count(ctx.document.text[start:tail_end])
    outside = [m.head.right_edge for m in trig.merged if m.head.i >= hi and m.cls in ("kill", "attack")]
    if fat is not None and fat.value is None and outside:
        # a toll the event took in from outside its clause ("... detonated by a passing bus,
        # killing 6"): read on to the end of that toll
        last = max(outside, key=lambda t: t.i)
        fat = count(ctx.document.text[start : offset + last.idx + len(last.text)])
    # (a killing told, not one tried or planned: "attempted to kill a commander")
    told_kill = trig.cls == "kill" and status == "occurred" and trig.head.tag_ != "VB"
    by_name = _named_dead(a2.token, state) if fat is not None and fat.value is None and told_kill else None
    if by_name is not None:
        # "gunmen shot dead journalist Amadou Diallo", "X was killed": each person named is one dead
        n, (lo_char, hi_char) = by_name
        fat = Fatalities(n, "exact", True, spans=((offset + lo_char - start, offset + hi_char - start),))
    if violent and (actor1 is None or actor1.name.startswith(("Unidentified Armed Group", "Unidentified Gang"))):
        # "shells fired by LNA forces", "an attack attributed to ADF fighters", "Al Shabaab claimed
        # responsibility": the doer the sentence names outside the subject
        doer, doer_offset = claimed_doer(sent, trig, state, country), offset
        next_start, opening = _next_paragraph_opening(ctx, offset) if doer.actor is None else (0, [])
        # ("... killing three soldiers. The BLF claimed responsibility.": the next sentence of the
        # paragraph, then the opening of the next paragraph)
        claim_next = [(offset, doc[sent.end].sent)] if doer.actor is None and sent.end < len(doc) else []
        for later_start, later in claim_next + [(next_start, s) for s in opening[:CLAIM_SENTENCES]]:
            if other_incident(later.text):
                break
            # "... killing four officers.\n\nThe TTP claimed responsibility for the bombing."
            doer, doer_offset = claimed_in(later, state, country), later_start
            if doer.actor is not None:
                break
        if doer.actor is not None and not doer.actor.name.startswith("Unidentified") and (
            actor2 is None or doer.actor.name != actor2.name
        ):
            actor1, words1 = doer.actor, cited_actor(doer, doer_offset)
    if trig.cls == "mobilize" and is_armed(actor2) and (actor1 is None or actor1 == actor2):
        # "troops were deployed to Nasir", "the army deployed hundreds of troops": the force that
        # moves is the actor, with no second party (a government that sends its army stays the
        # one that acts, as PLOVER codes it)
        actor1, words1, actor2, words2 = actor2, words2, None, []
    demonstration = trig.cls in ("protest", "riot", "disperse")
    following = next_sentences(sent) if demonstration else []
    coded_text = crowd_acts(doc, lo, hi, trig.head.i) + crowd_sequel(following) if demonstration else own
    if trig.cls == "protest":  # what a demonstration came to is often told after it ("Police dispersed the crowd.")
        after = " ".join(following)
    elif trig.cls in REMOTE or instrument in REMOTE:  # "... Police responded with gunfire."
        after = " ".join(next_sentences(sent, 1))
    else:
        after = ""
    theme = seized(trig) if trig.cls in ("seize", "retake", "attack", "fire") else None
    acled_type, acled_sub = code(
        _from_the_air(captive_class(trig, a2, actor1, actor2, victim_kind), trig, actor1),
        status, aggregate, actor1, actor2, instrument, coded_text, victim_kind, after, theme,
        # what the crowd did before: in the sentences before, or meanwhile in the same sentence
        # ("Supporters clashed with police, throwing stones, while officers fired tear gas")
        previous_sentence(sent, 2) + (" " + doc[sent.start : lo].text if doc[lo].lower_ in ("while", "as") else "")
        if trig.cls == "disperse"
        else "",
        doer_words(trig),
        untargeted(trig),
    )
    if (
        acled_type == "Violence against civilians"
        and is_state(actor1)
        and not trig.nominal
        and len(trig.words) == 1
        and not trig.merged
        and RAID_WORDS.fullmatch(trig.head.lower_) is not None
        and not (fat is not None and fat.value)
    ):
        # "a police team raided the house": a state force's search that hurt no one is no attack
        # on civilians (ACLED codes its arrests, or nothing)
        acled_type = acled_sub = None
    if acled_type in _FORCE_TYPES:
        # ACLED codes a state's acts of violence to its forces ("the junta shelled a village",
        # "the government bombed rebel positions"): Military Forces of the country
        if _government(actor1):
            actor1, words1 = generic(state, "military", actor1.country), with_basis(words1, "ACLED rule")  # type: ignore[union-attr]
        if _government(actor2):
            actor2, words2 = generic(state, "military", actor2.country), with_basis(words2, "ACLED rule")  # type: ignore[union-attr]
    if (
        acled_sub == "Government regains territory"
        and actor1 is not None
        and actor1.country
        and location is not None
        and location.country
        and actor1.country != location.country
    ):
        # ACLED: a foreign state's forces that take ground abroad overtake it as a non-state
        # actor does ("Russian forces captured a village in Donetsk region")
        acled_sub = "Non-state actor overtakes territory"
    if acled_sub in TERRITORY and actor1 is not None and actor2 is not None and actor2.name == actor1.name:
        # "Government troops recaptured the base": the base is their own kind of place, not a
        # second party of theirs; who held it is for the text before to say
        actor2, words2 = None, []
    if (
        acled_type is not None
        and actor2 is not None
        and actor2.type is None
        and a2.actor is actor2
        and not armed_words() & set(actor2.name.lower().split())
    ):
        # ACLED codes no person, firm or party as an actor: one named that suffers the act is
        # civilians of the country it happens in ("opposition leader Giorgi Beridze was beaten
        # by police", "threw a petrol bomb at the Sahel Savings Bank")
        actor2, words2 = generic(state, "civilians", country), with_basis(words2, "ACLED rule")
    if trig.cls == "disperse" and acled_type == "Violence against civilians":
        # force used on people no text shows gathered: the force attacks, the people are civilians
        actor1, words1 = actor2, words2
        actor2, words2 = targeted if targeted[0] is not None else (generic(state, "civilians", country), by_rule)
    if (
        acled_type is None
        and trig.plover == "AID"
        and status == "occurred"
        and not aggregate
        and is_armed(actor1)
        and not is_state(actor1)
        and (actor2 is None or is_civilian(actor2))  # not aid to another armed party
    ):
        # "members of the cartel delivered food packages to families": an armed group that hands
        # out aid or runs services takes on a new activity (ACLED: change to group/activity)
        acled_type, acled_sub = "Strategic developments", "Change to group/activity"
    if (
        acled_type is None
        and trig.cls in ("attack", "fire", "strike")
        and status == "occurred"
        and not aggregate
        and fat is not None
        and (fat.value or 0) > 0
        and trig.nominal
        and actor1 is None
        and actor2 is None
        and victim_kind is None
    ):
        # "an attack left seven dead", "gun attacks killed two": the dead of an attack by no
        # one named, on no one named as armed, are, in ACLED's coding, civilians
        acled_type, acled_sub = "Violence against civilians", "Attack"
    if (
        acled_type is None
        and trig.cls in ("attack", "fire")
        and status == "occurred"
        and not aggregate
        and actor2 is None
        and victim_kind is None
        and is_armed(actor1)
        and not is_state(actor1)
        and fired_at_place(trig, a2)
    ):
        # "gunmen shot at a shop", "armed men opened fire on a bus": an armed group's attack on
        # what civilians live, work or travel in, no one hurt (ACLED: violence against civilians)
        acled_type, acled_sub = "Violence against civilians", "Attack"
    if (
        acled_type is None
        and trig.cls in ("attack", "fire", "shots")
        and status == "occurred"
        and not aggregate
        and actor2 is None
        and victim_kind is None
        and (actor1 is None or is_armed(actor1))
        and two_sided(clause + " " + " ".join(next_sentences(sent, 1)))
    ):
        # "gang members approached and started shooting. The police shot back.": fire returned
        # by the side fired on is a clash
        acled_type, acled_sub = "Battles", "Armed clash"
    if acled_type is None and trig.cls == "offensive" and status == "occurred" and not aggregate and is_armed(actor1):
        dead = count(clause)
        if (dead.value or 0) > 0 and (actor2 is None or is_armed(actor2)):
            # "the army carried out an operation against the militants, leaving two dead": an
            # offensive told with its dead was fought (ACLED: armed clash)
            acled_type, acled_sub, fat = "Battles", "Armed clash", dead
    # an armed side that pulled back, the event coded no other way (told as done: not "both
    # armies agreed to withdraw their troops", a deal's term)
    force_withdrew = (
        acled_type is None and trig.cls == "withdraw" and status == "occurred" and not aggregate and is_armed(actor1)
        and trig.head.tag_ in ("VBD", "VBN")
    )  # fmt: skip
    if (
        acled_type is None
        and trig.cls in ("flee", "withdraw")
        and status == "occurred"
        and not aggregate
        and is_civilian(actor1)
        and not modifier(trig)  # ("Ahmed Ali, a teacher who fled the city": who is speaking)
    ):
        # "villagers fled their village", "families evacuated": civilians displaced (ACLED: other)
        acled_type, acled_sub = "Strategic developments", "Other"
    elif (
        force_withdrew
        and _left_place(trig)
        and (taker := _moved_in(trig, state, country)).actor is not None
        and taker.actor != actor1
    ):
        # "Al-Shabaab fighters withdrew from the town without a fight, and government forces moved
        # in": ground acquired with no battle (ACLED: non-violent transfer of territory), by the
        # side that moved in
        acled_type, acled_sub = "Strategic developments", "Non-violent transfer of territory"
        actor1, actor2 = taker.actor, actor1
        words1, words2 = cited_actor(taker, offset), words1
    elif force_withdrew and (_left_place(trig) or _forces_withdrawn(trig)):
        # "government forces withdrew from three positions", "withdrew 300 troops from the
        # base": a force's presence changed (ACLED: change to group/activity)
        acled_type, acled_sub = "Strategic developments", "Change to group/activity"
    elif acled_sub == "Non-violent transfer of territory" and trig.cls == "transfer" and not trig.nominal:
        # "the army handed over control of the town to the allied GATIA": the side that gained the
        # ground is ACLED's actor1, the one that gave it up the second
        to = _handed_to(trig.head)
        receiver = resolve(to, state, country) if to is not None else None
        if receiver is not None and receiver.actor is not None and is_armed(receiver.actor):
            actor1, actor2 = receiver.actor, actor1
            words1, words2 = cited_actor(receiver, offset), words1
    if acled_sub == "Non-violent transfer of territory" and actor2 is not None and is_civilian(actor2):
        # "seized the town after the army pulled out": ground changes hands between armed sides;
        # its people are no side (the withdrawal is an event of its own)
        actor2, words2 = None, []
    if acled_sub == "Non-violent transfer of territory" and actor2 is None:
        # "took control of the town without a fight after Ethiopian troops left their base there":
        # the side that gave the ground up
        gave_up = _gave_up(sent, trig, state, country)
        if gave_up.actor is not None and gave_up.actor != actor1:
            actor2, words2 = gave_up.actor, cited_actor(gave_up, offset)
    if (
        acled_sub in ("Armed clash", "Attack")
        and (actor2 is None or acled_sub == "Attack" and not is_armed(actor2))
        and fired_at_place(trig, a2)
        and AREA_FIRE.search(coded_text)
    ):
        # "fired machine guns at residential areas": fire at a place, no armed side hit (ACLED:
        # shelling), whoever lives there
        acled_type, acled_sub = "Explosions/Remote violence", "Shelling/artillery/missile attack"
    by_convention = False  # an actor2 ACLED's conventions supply, not the text (no confidence from it)
    if (
        acled_sub == "Attack"
        and not is_state(actor1)
        and (actor2 is None or is_civilian(actor2))
        and armed_victim(ctx.document.text[offset : offset + parsed_length(doc)])
    ):
        # "a man was shot dead ... The victim had charges for drug trafficking": ACLED codes the
        # killing of an armed group's member as a fight between armed groups
        acled_type, acled_sub = "Battles", "Armed clash"
        actor2 = generic(state, "gang", country) if country in lexicon().gang_countries else None
        words2 = by_rule if actor2 is not None else []
    violent_or_destroying = acled_type in ("Violence against civilians", "Battles") or acled_sub == "Looting/property destruction"
    if violent_or_destroying and actor1 is not None and is_civilian(actor1):
        # ACLED: civilians are only ever the victims; people who shoot, fight or burn ("unknown
        # people torched a car") are an armed group
        actor1 = generic(state, "unidentified", country or actor1.country)
        words1 = with_basis(words1, "ACLED rule") or by_rule
    if acled_type == "Violence against civilians" and actor2 is not None and is_state(actor2):
        # "shot an off-duty soldier": ACLED's victim is a civilian (the force is only associated)
        actor2, words2 = generic(state, "civilians", actor2.country or country), by_rule
    if (
        acled_sub == "Disrupted weapons use"
        and a2.kind in ("military", "police")
        and a2.token is not None
        and weapon_word(a2.token.lower_)
    ):
        actor2, words2 = None, []  # "seized military munitions": a kind of weapon, not the army as a party
    if acled_sub in TERRITORY and actor2 is not None and is_civilian(actor2):
        actor2, words2 = None, []  # "captured the town": territory changes hands, no victims
    if acled_type == "Violence against civilians" and actor2 is None:
        actor2 = generic(state, "civilians", country)  # ACLED names the victims of such violence
        words2 = by_rule
    drugs = lexicon().drug_words
    if (
        acled_sub == "Looting/property destruction"
        and is_state(actor1)
        and (actor2 is None or is_civilian(actor2))
        and country in lexicon().gang_countries
        and drugs is not None
        and drugs.search(sent.text)
    ):
        # ACLED's Latin America coding: drugs or a drug lab a force seizes or destroys are an
        # unnamed gang's, not civilians' (words and countries in data/events/roles.yaml)
        actor2, words2, by_convention = generic(state, "gang", country), by_rule, True
    if acled_sub in ("Arrests", "Looting/property destruction") and actor2 is None:
        # ACLED names the people arrested, the owners of property looted or destroyed: civilians
        # unless the text names them otherwise
        actor2, words2, by_convention = generic(state, "civilians", country), by_rule, True
    if (
        acled_type == "Explosions/Remote violence"
        and actor2 is not None
        and (actor2.type or "") == "civilians"
        and a2.token is not None
        and a2.token.lemma_.lower() in lexicon().civilian_places
        and not getattr(fat, "value", None)
        and not _HURT.search(ctx.document.text[start : offset + sent.end_char])
    ):
        actor2, words2 = None, []  # "shelled the village", no one hurt: ACLED names no civilian victims
    if trig.cls == "protest" and actor2 is not None and _force_word(a1, trig):
        # "soldiers protested at their barracks": the force is the crowd, the place its own
        actor2, words2 = None, []
    if acled_sub == "Peaceful protest":
        actor2, words2 = None, []  # ACLED: a peaceful protest has the protesters alone
    elif acled_sub in ("Protest with intervention", "Excessive force against protesters") and actor2 is None:
        # "... held a sit-in. Police intervened and removed them.": the force that intervened
        force = intervening_force(sent, state, country)
        if force.actor is not None:
            actor2, words2 = force.actor, cited_actor(force, offset)
    elif acled_sub == "Mob violence" and (trig.cls == "clash" or mutual(coded_text)) and (
        actor2 is None or is_civilian(actor2)
    ):
        # "two groups of villagers clashed", "they pelted stones at each other": crowds on both sides
        actor2, words2 = generic(state, "rioters", country), with_basis(words2, "ACLED rule") or by_rule
    elif acled_sub == "Mob violence" and actor2 is None:
        actor2, words2 = generic(state, "civilians", country), by_rule  # the crowd's victims
    doers = {"Riots": "rioters", "Protests": "protesters"}.get(acled_type or "")
    if acled_type == "Riots" and actor2 is not None and actor2.type == "protesters":
        # "students protesting quotas clashed with ruling party supporters": a crowd that fights
        # in a riot riots too
        actor2, words2 = generic(state, "rioters", actor2.country or country), with_basis(words2, "ACLED rule")
    if acled_type == "Riots" and is_state(actor1) and actor2 is not None and not is_state(actor2):
        # "police clashed with villagers", "hurt in a clash with police": the crowd rioted, the
        # force is the side it fought (soldiers who riot with no one else named are the crowd)
        actor2, words2 = actor1, words1
    if doers and acled_sub != "Excessive force against protesters" and not (actor1 and actor1.type == doers):
        # ACLED: the doers of a protest are always Protesters, of a riot Rioters ("supporters of the
        # opposition protested", "villagers attacked a thief"); a named group is only associated
        actor1 = generic(state, doers, country or (actor1.country if actor1 else None))
        words1 = with_basis(words1, "ACLED rule") or by_rule
    if trig.cls == "mobilize" and actor1 is None and actor2 is not None and is_armed(actor2) and not trig.nominal:
        subj, passive = subject(trig.head)
        if passive and subj is not None and a2.token is not None and a2.token.i == subj.i:
            # "troops were deployed to the border town": the forces moved are the ones that act
            # (ACLED's actor of a deployment), whoever sent them
            actor1, words1, actor2, words2 = actor2, words2, None, []
    if acled_type is not None and actor1 is None and (violent or trig.nominal and trig.cls == "mobilize"):
        # ("two Turkish military convoys entered ...": the forces of the demonym on the convoy)
        subj, passive = subject(trig.head)
        # ("shot dead by Israeli fire": the fire of a passive's "by", no word of the trigger, names its side)
        fire = by_agent(trig.head) if passive else None
        fire = fire if fire is not None and all(w.i != fire.i for w in trig.words) else None
        owner = a1.token or (fire if passive else strikes_doer(trig.head, subj))
        actor1 = weapon_owner(trig, state, owner, country)
        if actor1 is None and strike is not None:  # "killed in Russian strikes on Odesa"
            owner, actor1 = strike, weapon_owner(trig, state, strike, country)
        # "an Israeli air strike": the forces of the demonym on the weapon
        words1 = with_basis(said + ([cites.phrase(owner, offset)] if owner is not None else []), "ACLED rule")
    if acled_sub in _FIRED_FROM_AFAR and actor1 is None and state.air_striker is not None:
        # "Israeli air strikes killed 30 ... In Khan Younis, a strike on a house killed eight",
        # "Russian forces shelled the region ... a shell hit a house": the state forces whose
        # strikes or shelling the story tells
        actor1, words1 = state.air_striker[0], with_basis(state.air_striker[1], "coreference")
    if acled_sub == "Looting/property destruction" and actor1 is None and not trig.nominal:
        # (a finite verb's subject: not "found with his money stolen")
        subject_tok = next((c for c in trig.head.children if c.dep_ == "nsubj"), None) if trig.head.tag_ == "VBD" else None
        if subject_tok is not None:
            # "suspected herdsmen burned 40 houses": people the text names and no registry knows
            actor1 = generic(state, "unidentified", country)
            words1 = with_basis(said + [cites.phrase(subject_tok, offset)], "ACLED rule")
    if acled_type is not None and actor1 is None and violent:
        if trig.cls == "clash" and actor2 is not None and not (is_state(actor2) and acled_sub == "Armed clash"):
            pass
        elif trig.cls == "clash" and actor2 is not None:
            # "two soldiers were killed in a gunbattle": the state's men fought someone unnamed
            actor1, words1 = generic(state, "unidentified", country), by_rule
        elif (
            actor2 is None
            and acled_sub == "Armed clash"
            and (trig.cls in ("clash", "shots") and told_as_scene(trig) or trig.cls in REMOTE and two_sided(clause))
        ):
            # "a shoot-out took place", "gunshots were reported", "shelling in both directions":
            # ACLED codes two unidentified sides, unless the sentence before told an armed party's
            # operation there ("Police raided the slum. A shoot-out broke out."): that party and the
            # unidentified side it met
            actor1 = actor2 = generic(state, "unidentified", country)
            words1 = words2 = by_rule
            before = operating_party(state, sent, country)
            if before is not None:
                actor1 = before
                words1 = with_basis(said, "coreference")
        else:
            actor1 = generic(state, "unidentified", country)
            words1 = by_rule
            if acled_sub == "Armed clash" and not is_armed(actor2) and actor2 is None:
                acled_type, acled_sub = None, None
            elif acled_sub == "Armed clash" and actor2 is not None and not is_state(actor2):
                # "Police launched a sweep in the slum. One suspect was hit by gunfire and died.": the
                # party whose operation the sentence before told shot the armed man
                before = operating_party(state, sent, country)
                if before is not None and is_state(before) and before.name != actor2.name:
                    actor1, words1 = before, with_basis(said, "coreference")
    if acled_sub == "Armed clash" and actor2 is None and actor1 is not None and is_state(actor1) and status == "occurred":
        # "the army repelled an assault on a post", "security forces retaliated": a battle has
        # two sides; the one the state's forces fought, unnamed, is an unidentified armed group
        actor2, words2 = generic(state, "unidentified", country), by_rule
    if acled_type is not None:
        where = (location.country if location else None) or state.country()
        actor1, actor2 = theatre(actor1, where, state), theatre(actor2, where, state)
        paragraph = ctx.document.text[offset : offset + parsed_length(doc)]  # not doc.text: it joins every token
        actor1, actor2 = as_gang(actor1, paragraph, state), as_gang(actor2, paragraph, state)
    date = event_date(ctx, offset, sent, trig, start, end)
    if acled_type is not None and not concrete(ctx, trig, status, date, own, start, end, a1, instrument, location, fat):
        acled_type, acled_sub = None, None
    if acled_sub in FRONT_FIRE:
        when = date.date or date.start or ctx.reference.value
        # "explosions near Serhiivka" in a zone's country and period: fire across the front is at
        # the zone's namesake of a small place the gazetteer ranked elsewhere
        location = front_namesake(location, ctx.document.text, when) or location
        if unnamed(actor1, words1) and (actor2 is None or unnamed(actor2, words2) or is_civilian(actor2)):
            # "explosions were observed near Horlivka": fire nobody is said to have fired, at a place
            # a contested zone's data says one side holds, came from the other side (for a battle,
            # at the holder; shelling with no target named keeps no actor2)
            held = control_at(location, ctx.document.text, start, clause, when, country or state.country())
            if held is not None:
                actor1, words1 = zone_party(held.other, state, country), held.words
                if (acled_type == "Battles" and actor2 is None) or unnamed(actor2, words2):
                    actor2, words2 = zone_party(held.holder, state, country), held.words
    if (
        date.precision == "day"
        and state.narrative is not None
        and state.sent_no - state.narrative[1] <= NARRATIVE_SENTENCES
        and all(time_of_day(ctx.document.text[a:b]) for a, b, _ in date.cited)
    ):
        # "Rebels took the town on Sunday. Soldiers withdrew overnight.", "... dropped two bombs
        # at about 1 a.m.": the night or the hour of the story told, not of the report's day
        told = state.narrative[0]
        date = replace(told, cited=(*date.cited, *((a, b, "narrative date") for a, b, _ in told.cited)))
    dated = bool(date.date)  # by the report's own words (confidence counts only those)
    if date.date or date.start:
        if date.precision == "day":
            state.narrative = (date, state.sent_no)
    elif (
        status == "occurred"
        and state.narrative is not None
        and state.sent_no - state.narrative[1] <= NARRATIVE_SENTENCES
        and not other_story(sent.text)
    ):
        # "On 9 May, militants attacked an army post. The soldiers repulsed the assault.": the
        # story goes on at the date its lead set ("In a separate development, ...": not there)
        told = state.narrative[0]
        date = replace(told, cited=tuple((a, b, "narrative date") for a, b, _ in told.cited))
        date = days_before_told(date, trig.head, offset)  # ("came two days after X killed Y")
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
    plover = FUTURE_TYPE.get(trig.plover, trig.plover) if future(trig, status) else trig.plover
    if trig.plover == "CONSULT" and not promised(trig):
        plover = "CONSULT"  # "ministers are to meet next week": a meeting scheduled, no one's commitment
    if willing(trig):  # "said they were ready to negotiate": willingness to cooperate is AGREE
        plover = WILLING_TYPE.get(trig.plover, plover)
    if plover == "CONSULT" and actor2 is not None and not trig.nominal and trig.head.lemma_.lower() in lexicon().host_verbs:
        actor1, actor2, words1, words2 = actor2, actor1, words2, words1  # the visitor acts, the host receives
    if plover == "MOBILIZE" and trig.noun is not None and any(t.lower_ in ("joint", "combined") for t in trig.noun.subtree if t.i < trig.noun.i):
        plover = "COOPERATE"  # "held joint air force drills": joint action (PLOVER), one side's drill mobilizes
    if plover in HOSTILE and status in ("planned", "expected", "threatened") and conditional(trig.head):
        plover = "THREATEN"  # "said it would close the border if ...": a warning
    if plover == "AGREE" and status == "denied" and not trig.nominal:
        plover, status = "REJECT", "occurred"  # "did not accept the terms": a refusal, told as done
    if acled_type in ("Riots", "Protests") and trig.cls != "disperse":
        plover = "PROTEST"
    if trig.cls == "offensive":
        # one launched offensive is a mobilization; "launched a string of offensives" are attacks,
        # and so is one told with its dead
        plover = (
            "ASSAULT"
            if trig.noun is not None and trig.noun.tag_ == "NNS" and status == "occurred" or acled_type == "Battles"
            else "MOBILIZE"
        )
    mode, mode_words = event_mode(ctx, offset, trig, plover, instrument, own, start, end, said, acled_type)
    s_start, s_end = summary_span(ctx, offset, sent, trig, lo, hi, a1, start, end)
    cut = [
        (t.start, t.end)
        for t in ctx.timexes_in(s_start, s_end)
        if is_adverbial(ctx, offset, sent, t.start, t.end)
    ]
    summary = summarize(ctx.document.text, s_start, s_end, cut, date)
    # an actor the coding rules supply from the trigger alone ("were injured": an unidentified
    # armed group) is worth half of one the text names
    conf = 0.35 + (0.1 if words1 == by_rule else 0.2) * (actor1 is not None)
    # (a peaceful protest has no second side to name: it is not the less complete for it)
    conf += 0.1 * (actor2 is not None and not by_convention or acled_sub == "Peaceful protest") + 0.1 * placed
    # told in a relative clause, as a background to another ("families who say their children
    # were kidnapped continued their sit-in"): the sentence is about something else, and its date
    # words date the main clause ("an encounter in which two militants were killed": the
    # encounter's toll, no background)
    background = told_as_background(trig.head)
    conf += 0.1 * (dated and not background) + 0.1 * (acled_type is not None or trig.cls in VERBAL)
    conf -= 0.1 * background
    if acled_type is None and (modifier(trig) or actor1 is None and not is_participant(a1.token) and not agentless(trig)):
        if placed and setting_of_told_act(trig):
            state.told_place = location  # "The attack took place in the municipality of Salvatierra"
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
        plover_mode=mode,
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
        "plover_type": said, "plover_mode": mode_words, "acled_event_type": said, "acled_sub_event_type": said, "actor1": words1,
        "actor2": words2, "location": list(location.cited) if location else [], "date": list(date.cited),
        "fatalities": toll, "status": status_words(trig, status, offset),
    }  # fmt: skip
    for name, spans in words.items():
        if is_filled(event, name):
            event.cite(ctx.document, name, spans)
    if dated_by_speech(sent, offset, trig, date, lexicon().speech):
        state.dated_by_speech.add(id(event))
    striker: tuple[Actor | None, list[Cite]] | None = None
    if acled_sub in _FIRED_FROM_AFAR or acled_sub is None and aggregate and (instrument or trig.cls) in ("air", "shelling"):
        striker = actor1, words1
    elif acled_sub == "Disrupted weapons use" and trig.cls != "seize":
        # "shot down 40 Russian drones": the state whose strikes the story tells (the debris of
        # one that falls on a house is its strike)
        striker = actor2, words2
    if striker is not None and (striking := _state_told(*striker)) is not None:
        state.air_striker = striking
    return event


def _state_told(actor: Actor | None, words: list[Cite]) -> tuple[Actor, list[Cite]] | None:
    """A state's forces the text itself names (or its coding rule derives from its words), with
    those words: whose strikes later sentences may tell without naming them."""
    if actor is None or not is_state(actor) or not words or any(b not in (None, "ACLED rule") for _, _, b in words):
        return None
    return actor, [(a, b, None) for a, b, _ in words]


_FROM_BEFORE = re.compile(r"\bfrom\s+(?:the\s+)?$", re.IGNORECASE)


def _origin_only(text: str, location: Location) -> bool:
    """Every span the place was read from follows "from": where people came from, not where the
    event took place ("returned from Peru")."""
    spans = [c for c in location.cited if c[0] is not None]
    return bool(spans) and all(_FROM_BEFORE.search(text, max(0, c[0] - 10), c[0]) for c in spans)

