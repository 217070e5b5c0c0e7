"""Event extraction: who did what to whom, where, when, how many died; PLOVER and ACLED codes.

``extract_events(ctx)`` walks the body sentences in order, finds triggers on the dependency
parse (``triggers``, made one per event by ``sentence_triggers``), reads status (``modality``),
the parties of each event (``parties``, resolving actors through ``arguments``), place and
document-wide memory (``document``), date (``timing``), fatalities (``fatalities``), ACLED codes
(``coding``), the words of each field (``words``) and a one-line summary (``summary``); then
merges what the document tells twice (``merging``). This module builds the records. See
docs/events.md.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from ...model import Actor, Cite, Event, Location, RecordDate, mention
from .. import cites
from ..cites import with_basis
from .arguments import DocState, Resolved, generic, is_armed, is_civilian, is_state, resolve, theatre
from .coding import AREA_FIRE, REMOTE, armed_victim, code, two_sided
from .control import control_at, front_namesake
from .document import actor_registry, country_only_location, locate, remember_sentence, seed_country
from .fatalities import ACLED_VAGUE_TOLL, Fatalities, count
from .grievance import crowd_acts, without_grievance
from .lexicon import VIOLENT, lexicon
from .merging import (
    fold_arrests_into_protests,
    follow_up,
    in_title,
    merge_headline,
    toll_follow_up,
    toll_sentence,
)
from .modality import (
    FUTURE_TYPE,
    HOSTILE,
    VERBAL,
    absorb_complements,
    conditional,
    is_aggregate,
    status_of,
    under_speech,
)
from .modes import plover_mode
from .parties import claimed_doer, is_participant, sentence_parties, strikes_doer, weapon_owner
from .sentence_triggers import absorb_nominal_arguments, absorb_relative_duplicates, speech_acts
from .summary import summarize
from .syntax import between, subject
from .timing import event_date, is_adverbial, parsed_length, scene_date
from .triggers import Trigger, find_triggers, governing_verb
from .triggers import _lemma as trigger_lemma
from .words import cited_actor, is_filled, status_words

if TYPE_CHECKING:
    from spacy.tokens import Span

    from ..context import Context

__all__ = ["extract_events"]

_CROWD_SUBJECT = re.compile(
    r"^\W*(?:the\s+|some\s+)?(?:rioters|protesters|protestors|demonstrators|crowds?|they|youths|mob|participants)\b", re.I
)


#: harm told as done ("injuring two", "were wounded"), not denied ("no injuries were reported")
_HURT = re.compile(r"\b(?:injur(?:ed|ing)|wound(?:ed|ing)|hurt|killed|killing|dead|died)\b", re.I)


def _past_dateline(ctx: Context, start: int) -> int:
    """Where a search for the event's place may start: after the dateline, which says where the
    reporter was, not the event ("KABUL, May 3 -")."""
    dateline = ctx.cleaned.dateline_span
    return dateline[1] if dateline is not None and dateline[0] <= start < dateline[1] else start


def _same_country(demonym: str | None, place: Location, state: DocState) -> bool:
    """A place the demonym of "the Afghan city" can mean (any place when none is given)."""
    if not demonym or demonym.lower() not in lexicon().demonyms:
        return True
    return state.registry.country_name(lexicon().demonyms[demonym.lower()]) == place.country


def _crowd_sequel(following: list[str]) -> str:
    """Those of the next sentences of the paragraph (``_following``) that tell what the same crowd
    did ("Protesters then pelted the police with stones"): ACLED types the demonstration by them."""
    out = [text for text in following if _CROWD_SUBJECT.match(text)]
    return " " + " ".join(out) if out else ""


def _following(sent: Span, n: int = 2) -> list[str]:
    """The texts of the next ``n`` sentences of the paragraph."""
    doc, nxt, out = sent.doc, sent.end, []
    for _ in range(n):
        if nxt >= len(doc):
            break
        follow = doc[nxt].sent
        out.append(follow.text)
        nxt = follow.end
    return out


def _previous_sentence(sent: Span) -> str:
    """The sentence before in the paragraph ("Residents burned tyres. Police dispersed them.")."""
    return sent.doc[sent.start - 1].sent.text if sent.start > 0 else ""


def _seized(trig: Trigger) -> str | None:
    """The common-noun words of what a seize verb took: its object (or passive subject) and that
    noun's "of" phrase ("a ton of marijuana"); None for a name ("seized Kidal") or nothing told."""
    if trig.nominal:
        return None
    head = trig.obj_fix or next(
        (c for c in trig.head.children if c.dep_ in ("dobj", "nsubjpass")), None
    )
    if head is None:  # "seized about a ton of ...": the parser hangs the amount on "about"
        head = next(
            (
                p
                for c in trig.head.children
                if c.dep_ == "prep" and c.lower_ in ("about", "around", "over", "nearly", "almost", "some")
                for p in c.children
                if p.dep_ == "pobj"
            ),
            None,
        )
    lex = lexicon()
    if (
        head is None
        or head.pos_ in ("PROPN", "PRON")
        or head.ent_type_ in ("GPE", "LOC", "FAC")
        or head.text[:1].isupper()  # a name the tagger missed ("re-captured Quissanga")
        or head.lemma_.lower() in lex.kinds  # people: "captured two rebels" is not goods taken
        or head.lower_ in lex.kinds
        or head.lemma_.lower() in lex.victims
    ):
        return None
    words = [head.lemma_.lower()]
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for c in prep.children:
                if c.dep_ == "pobj" and (c.text[:1].isupper() or c.ent_type_ in ("GPE", "LOC", "FAC")):
                    return None  # "the district centre of Imam Sahib": a named place
                if c.dep_ == "pobj":
                    words.append(c.lemma_.lower())
    return " ".join(words)


def _told_as_scene(trig: Trigger) -> bool:
    """A single incident in the simple past ("a shoot-out took place", "gunshots were heard"), not
    a state of affairs ("heavy fighting has carried on in the provinces")."""
    verb = (governing_verb(trig.head)[0] or trig.head.head) if trig.nominal else trig.head
    if any(c.dep_ == "aux" and c.lemma_.lower() in ("have", "be", "will") for c in verb.children):
        return False
    return verb.tag_ == "VBD" or verb.tag_ == "VBN" and any(
        c.dep_ == "auxpass" and c.lower_ in ("was", "were") for c in verb.children
    )


def _operating_party(state: DocState, sent: Span, country: str | None) -> Actor | None:
    """The armed party (state forces or a named group) last named in this or the previous sentence
    of the paragraph: an event's party, else the subject of the previous sentence ("the police
    carried out an operation")."""
    for a in reversed(state.salience):
        if state.sent_no - state.last_sent.get(a.name, -99) > 1:
            continue
        if is_armed(a) and not a.name.startswith("Unidentified"):
            return a
    if sent.start == 0:
        return None
    prev = sent.doc[sent.start - 1].sent
    subj = next((t for t in prev.root.children if t.dep_ == "nsubj"), None)
    found = resolve(subj, state, country, want_armed=True).actor if subj is not None else None
    if found is not None and is_armed(found) and not found.name.startswith("Unidentified"):
        return found
    return None


def extract_events(ctx: Context) -> list[Event]:
    """Every event in the document body, in text order."""
    state = DocState(actor_registry())
    seed_country(ctx, state)
    events: list[Event] = []
    coded: dict[int, list[Event]] = {}  # the coded events of each sentence
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
            if (
                ev is not None
                and 0 <= state.sent_no - state.last_coded_sent <= 1
                and toll_follow_up(trig, ev, [e for n in range(state.sent_no - 2, state.sent_no + 1) for e in coded.get(n, [])])
            ):
                coded[state.sent_no] = coded.get(state.last_coded_sent, [])  # the incident goes on
                state.last_coded_sent = state.sent_no
                continue
            if ev is not None and follow_up(trig, ev, events, state):
                state.last_coded_sent = state.sent_no  # the incident is still the topic
                continue
            if ev is not None:
                events.append(ev)
                if ev.acled_event_type is not None:
                    state.last_coded_sent = state.sent_no
                    coded.setdefault(state.sent_no, []).append(ev)
        no_event_dated_it = state.narrative is None or state.narrative[1] != state.sent_no
        if no_event_dated_it and (scene := scene_date(ctx, para.start, sent, lexicon().speech)) is not None:
            state.narrative = (scene, state.sent_no)
        if toll_sentence(ctx, para.start, sent, events, state):
            state.last_coded_sent = state.sent_no
        remember_sentence(sent, state)
        state.sent_no += 1
    return merge_headline(ctx, fold_arrests_into_protests(events, state))


#: sentences after a dated report that an undated report of what happened is read at its date
NARRATIVE_SENTENCES = 2


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


def _fired_at_place(trig: Trigger, a2: Resolved) -> bool:
    """The target is a place ("at scattered areas", "at farms and villages"), not a party."""
    targets = [a2.token] if a2.token is not None else []
    targets += [o for c in trig.head.children if c.dep_ == "prep" and c.lower_ in ("at", "on", "toward", "towards")
                for o in c.children if o.dep_ == "pobj"]
    return any(t.lemma_.lower() in lexicon().civilian_places for t in targets)


def _instrument(trig: Trigger, text: str) -> str | None:
    for cls, rx in lexicon().instruments:
        if rx.search(text):
            return cls
    return None


_PLACE_ANAPHOR = re.compile(
    r"\b(?:the|that|this) (?:(?P<demonym>[A-Z]\w+) )?(?:city|town|village|province|district|area|region|state)\b"
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
    if status == "ongoing" and trig.head.tag_ in ("VB", "VBZ", "VBP") and in_title(ctx, start):
        status = "occurred"  # headlines use the present for past events: "Strike kills 12"
    if trig.cls == "announce" and status == "occurred":
        status = "announced"
    if _willing(trig) and trig.cls in VIOLENT:
        status = "threatened"  # "the army is ready to fight any offensive": a warning, not a battle
    if trig.cls == "offensive" and trig.head.lemma_.lower() in ("announce", "declare"):
        status = "announced"
    aggregate = is_aggregate(trig, list(doc[lo:hi]))
    said = cites.tokens(trig.words, offset)  # the trigger: what the type and the rules were read from
    location = locate(ctx, start, end, guess=False)  # a piece of a longer name: try the sentence
    if (
        location is None
    ):  # "... from a school in Kuriga, in Nigeria's Kaduna state": outside the parsed clause
        sent_start, sent_end = offset + sent[0].idx, offset + sent[-1].idx + len(sent[-1].text)
        location = locate(ctx, _past_dateline(ctx, sent_start), sent_end)
    anaphor = _PLACE_ANAPHOR.search(clause) if location is None else None
    if (
        anaphor is not None
        and state.last_location is not None
        and _same_country(anaphor.group("demonym"), state.last_location, state)
    ):
        # "in the Afghan city": the place named before (in Afghanistan)
        back: Cite = (start + anaphor.start(), start + anaphor.end(), "coreference")
        location = state.last_location.citing(*state.last_location.cited, back)
    # "In Niteroi, police raided a slum. Two were shot.": the paragraph's place; not for "the
    # Afghan city" after a place elsewhere (no place is better than a wrong one)
    in_paragraph = location is None and not (anaphor is not None and anaphor.group("demonym"))
    if location is not None and location.geo_precision == 3 and location.name == location.country:
        # "In Iquique, residents burned tyres. Police forces of Chile dispersed them.": a town of
        # that country named before in the paragraph, not the whole country
        earlier = locate(ctx, _past_dateline(ctx, offset), start)
        if earlier is not None and earlier.country == location.country and earlier.name != earlier.country:
            location = earlier.citing(*with_basis(earlier.cited, "narrative place"))
    if in_paragraph:
        location = locate(ctx, _past_dateline(ctx, offset), offset + parsed_length(doc))
        if location is not None:
            location = location.citing(*with_basis(location.cited, "narrative place"))
    country = (location.country if location else None) or state.country()
    a1, a2 = sentence_parties(sent, trig, state, country)
    if (
        not trig.nominal
        and a1.token is not None
        and (
            a1.token.dep_ == "nsubj" and a1.token.head.lemma_.lower() == "die"
            or a1.token.dep_ == "nsubjpass" and trig.cls in VIOLENT  # "the man was injured"
        )
        and a2.actor is None
        and a1.actor is not None
        and not is_armed(a1.actor)
        and not is_state(a1.actor)
    ):
        # "the woman died", "a man died under torture", "the man was injured": who died or was
        # hurt is the victim, not the doer
        a1, a2 = Resolved(None), a1
    actor1, actor2 = a1.actor, a2.actor
    words1, words2 = cited_actor(a1, offset), cited_actor(a2, offset)
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
        location = country_only_location(actor1, actor2, state, (words1, words2))
    violent = trig.cls in VIOLENT
    instrument = _instrument(trig, clause.lower()) if violent else None
    victim_kind = a2.kind
    fat: Fatalities | None = None
    if trig.cls in ("protest", "riot"):  # the deaths the crowd protested about are no toll of its own
        fat = count(without_grievance(doc, lo, hi, trig.head.i, clause))
    elif violent:
        fat = count(clause)
    if fat is not None and fat.value is None and hi <= trig.head.i + 1 < sent.end:
        # the parser hung the victims on a later verb ("... killed at least 40 people, including
        # children, residents said"): the clause stops at the verb, so read on to the sentence end
        tail_end = offset + sent[-1].idx + len(sent[-1].text)
        fat = count(ctx.document.text[start:tail_end])
    if violent and (actor1 is None or actor1.name.startswith("Unidentified Armed Group")):
        # "shells fired by LNA forces", "an attack attributed to ADF fighters", "Al Shabaab claimed
        # responsibility": the doer the sentence names outside the subject
        doer = claimed_doer(sent, trig, state, country)
        if doer.actor is not None and not doer.actor.name.startswith("Unidentified") and (
            actor2 is None or doer.actor.name != actor2.name
        ):
            actor1, words1 = doer.actor, cited_actor(doer, offset)
    demonstration = trig.cls in ("protest", "riot", "disperse")
    following = _following(sent) if demonstration else []
    coded_text = crowd_acts(doc, lo, hi, trig.head.i) + _crowd_sequel(following) if demonstration else clause
    if trig.cls == "protest":  # what a demonstration came to is often told after it ("Police dispersed the crowd.")
        after = " ".join(following)
    elif trig.cls in REMOTE or instrument in REMOTE:  # "... Police responded with gunfire."
        after = " ".join(_following(sent, 1))
    else:
        after = ""
    theme = _seized(trig) if trig.cls == "seize" else None
    acled_type, acled_sub = code(
        trig.cls, status, aggregate, actor1, actor2, instrument, coded_text, victim_kind, after, theme,
        _previous_sentence(sent) if trig.cls == "disperse" else "",
    )
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
        acled_sub == "Armed clash"
        and actor2 is None
        and _fired_at_place(trig, a2)
        and AREA_FIRE.search(coded_text)
    ):
        # "fired machine guns at residential areas": fire at a place, no armed side hit (ACLED: shelling)
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
    if acled_type in ("Violence against civilians", "Battles") and actor1 is not None and is_civilian(actor1):
        # ACLED: civilians are only ever the victims; people who shoot or fight are an armed group
        actor1 = generic(state, "unidentified", country or actor1.country)
        words1 = with_basis(words1, "ACLED rule") or by_rule
    if acled_type == "Violence against civilians" and actor2 is not None and is_state(actor2):
        # "shot an off-duty soldier": ACLED's victim is a civilian (the force is only associated)
        actor2, words2 = generic(state, "civilians", actor2.country or country), by_rule
    if acled_type == "Violence against civilians" and actor2 is None:
        actor2 = generic(state, "civilians", country)  # ACLED names the victims of such violence
        words2 = by_rule
    elif acled_sub in ("Arrests", "Looting/property destruction") and actor2 is None:
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
        owner = a1.token or (None if passive else strikes_doer(trig.head, subj))
        actor1 = weapon_owner(trig, state, owner, country)
        # "an Israeli air strike": the forces of the demonym on the weapon
        words1 = with_basis(said + ([cites.phrase(owner, offset)] if owner is not None else []), "ACLED rule")
    if acled_type is not None and actor1 is None and violent:
        if trig.cls == "clash" and actor2 is not None:
            pass
        elif (
            actor2 is None
            and acled_sub == "Armed clash"
            and (trig.cls in ("clash", "shots") and _told_as_scene(trig) or trig.cls in REMOTE and two_sided(clause))
        ):
            # "a shoot-out took place", "gunshots were reported", "shelling in both directions":
            # ACLED codes two unidentified sides, unless the sentence before told an armed party's
            # operation there ("Police raided the slum. A shoot-out broke out."): that party and the
            # unidentified side it met
            actor1 = actor2 = generic(state, "unidentified", country)
            words1 = words2 = by_rule
            before = _operating_party(state, sent, country)
            if before is not None:
                actor1 = before
                words1 = with_basis(said, "coreference")
        else:
            actor1 = generic(state, "unidentified", country)
            words1 = by_rule
            if acled_sub == "Armed clash" and not is_armed(actor2) and actor2 is None:
                acled_type, acled_sub = None, None
    if acled_type is not None:
        where = (location.country if location else None) or state.country()
        actor1, actor2 = theatre(actor1, where, state), theatre(actor2, where, state)
        paragraph = ctx.document.text[offset : offset + parsed_length(doc)]  # not doc.text: it joins every token
        actor1, actor2 = _as_gang(actor1, paragraph, state), _as_gang(actor2, paragraph, state)
    date = event_date(ctx, offset, sent, trig, start, end)
    if acled_type is not None and not _concrete(
        ctx, trig, status, date, clause, start, end, a1, instrument, location, fat
    ):
        acled_type, acled_sub = None, None
    if acled_sub in _FRONT_FIRE:
        when = date.date or date.start or ctx.reference.value
        # "explosions near Serhiivka" in a zone's country and period: fire across the front is at
        # the zone's namesake of a small place the gazetteer ranked elsewhere
        location = front_namesake(location, ctx.document.text, when) or location
        if _unnamed(actor1, words1) and (actor2 is None or _unnamed(actor2, words2) or is_civilian(actor2)):
            # "explosions were observed near Horlivka": fire nobody is said to have fired, at a place
            # a contested zone's data says one side holds, came from the other side (for a battle,
            # at the holder; shelling with no target named keeps no actor2)
            held = control_at(location, ctx.document.text, start, clause, when, country or state.country())
            if held is not None:
                actor1, words1 = _zone_party(held.other, state, country), held.words
                if (acled_type == "Battles" and actor2 is None) or _unnamed(actor2, words2):
                    actor2, words2 = _zone_party(held.holder, state, country), held.words
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
    if trig.plover == "CONSULT" and not _promised(trig):
        plover = "CONSULT"  # "ministers are to meet next week": a meeting scheduled, no one's commitment
    if _willing(trig):  # "said they were ready to negotiate": willingness to cooperate is AGREE
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
        # one launched offensive is a mobilization; "launched a string of offensives" are attacks
        plover = (
            "ASSAULT"
            if trig.noun is not None and trig.noun.tag_ == "NNS" and status == "occurred"
            else "MOBILIZE"
        )
    mode, mode_words = _mode(ctx, offset, trig, plover, instrument, clause, start, end, said, acled_type)
    s_start, s_end = _summary_span(ctx, offset, sent, trig, lo, hi, a1, start, end)
    cut = [
        (t.start, t.end)
        for t in ctx.timexes_in(s_start, s_end)
        if is_adverbial(ctx, offset, sent, t.start, t.end)
    ]
    summary = summarize(ctx.document.text, s_start, s_end, cut, date)
    conf = 0.35 + 0.2 * (actor1 is not None) + 0.1 * (actor2 is not None and not by_convention) + 0.1 * placed
    conf += 0.1 * dated + 0.1 * (acled_type is not None or trig.cls in VERBAL)
    if acled_type is None and (_modifier(trig) or actor1 is None and not is_participant(a1.token) and not _agentless(trig)):
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
    return event


#: types whose mode is what the act is about (what is threatened, demanded, refused): read after the trigger
_MODE_AFTER = frozenset({"THREATEN", "REQUEST", "REJECT", "SANCTION"})
#: verbal acts whose mode is their content: the words that come first after the trigger decide
_MODE_CONTENT = frozenset({"THREATEN", "REQUEST", "REJECT"})


def _mode(
    ctx: Context, offset: int, trig: Trigger, plover: str, instrument: str | None, clause: str, start: int, end: int,
    said: list[Cite], acled_type: str | None,
) -> tuple[str | None, list[Cite]]:
    """PLOVER mode (data/events/modes.yaml) and the words it was read from."""
    lemmas = {w.lemma_.lower() for w in trig.words} | {trigger_lemma(w) for w in trig.words}
    if plover == "ASSAULT" and instrument is None:
        instrument = _instrument(trig, clause.lower())
    lo = max(start, offset + trig.head.idx + len(trig.head.text)) if plover in _MODE_AFTER else start
    cls = "riot" if acled_type == "Riots" else trig.cls
    mode, at = plover_mode(plover, sorted(lemmas), cls, instrument, ctx.document.text[lo:end], plover in _MODE_CONTENT)
    if mode is None:
        return None, []
    return mode, ([(lo + at[0], lo + at[1], None)] if at is not None else said)


#: cooperation an actor says it is ready, willing or prepared to give (PLOVER AGREE: "indicate
#: willingness ... to cooperate"); a retreat so offered is a concession
#: (violence one is ready to use is a threat)
WILLING_TYPE = {
    "CONSULT": "AGREE", "AID": "AGREE", "SUPPORT": "AGREE", "COOPERATE": "AGREE", "RETREAT": "CONCEDE",
    "ASSAULT": "THREATEN",
}  # fmt: skip
_WILLING_WORDS = frozenset({"ready", "willing", "prepared"})


def _promised(trig: Trigger) -> bool:
    """A meeting or visit the actor commits to ("will meet", "would travel"): PLOVER AGREE."""
    verb = next((t for t in [trig.head, *list(trig.head.ancestors)[:3]] if t.pos_ in ("VERB", "AUX")), trig.head)
    return any(c.dep_ == "aux" and c.lower_ in ("will", "wo", "shall", "'ll", "would") for c in verb.children)


def _agentless(trig: Trigger) -> bool:
    """A verb in the passive told as done, whose doer goes unnamed ("food rations were
    distributed", "internet access was cut"): an event without a source, not a mention in passing."""
    return not trig.nominal and trig.head.pos_ == "VERB" and any(c.dep_ == "nsubjpass" for c in trig.head.children)


def _willing(trig: Trigger) -> bool:
    head = trig.head if not trig.nominal else trig.head.head
    return head.dep_ == "xcomp" and head.head.lemma_.lower() in _WILLING_WORDS


def _future(trig: Trigger, status: str) -> bool:
    """Told as a future act: "will provide", "plans to", or "said it would withdraw" (reported
    future). PLOVER codes such cooperation as AGREE and such retreats as CONCEDE."""
    if status == "planned":
        return True
    aux = {c.lower_ for c in trig.head.children if c.dep_ == "aux"}
    if status == "denied":  # "will not withdraw": a future act, negated (the status says so)
        return bool(aux & {"will", "wo", "shall", "'ll"}) or "would" in aux and under_speech(trig.head)
    return status == "expected" and "would" in aux and under_speech(trig.head)


#: ACLED sub-event types of fire across a front line that the contested zones attribute
_FRONT_FIRE = frozenset({"Armed clash", "Shelling/artillery/missile attack"})


def _unnamed(actor: Actor | None, words: list[Cite]) -> bool:
    """An unidentified armed group only ACLED's coding rules supplied: the text names no one."""
    return (
        actor is not None
        and actor.name.startswith("Unidentified Armed Group")
        and all(basis == "ACLED rule" for _, _, basis in words)
    )


def _zone_party(name: str, state: DocState, country: str | None) -> Actor:
    """A zone's party by its name in the actor registry or as a generic actor ("Military Forces of
    Nigeria"); a name neither knows stands as given."""
    named = state.registry.match(name, country)
    if named is not None:
        return named
    kinds = ("military", "police", "government", "unidentified")
    return next((a for a in (generic(state, k, country) for k in kinds) if a.name == name), Actor(name, None, country))


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
