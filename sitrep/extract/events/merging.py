"""Document-level merges: a headline that restates the lead, an arrest or dispersal that is part
of a demonstration, a later mention of the incident just reported (its toll, its victims)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date as Date
from itertools import islice
from typing import TYPE_CHECKING

from ...model import Actor, Cite, Document, Event, Evidence, Location
from ..numbers import find_quantities
from ..places.records import km_between
from .coding import (
    ARRESTED_AFTERWARDS,
    DEMONSTRATION,
    INCIDENT_SITE,
    RAID_HARM,
    RAID_WORDS,
    TOLL_CODED_AS,
    TOLL_SENTENCE,
    TOLL_SPLIT,
    TOLL_WOUNDED,
    other_incident,
)
from .docstate import DocState, generic, is_armed, is_civilian, is_state
from .lexicon import VIOLENT, lexicon
from .modality import under_speech
from .parties import claimants, doers_named_again
from .syntax import by_agent, subject
from .timing import clock_time
from .trigger_words import Trigger
from .triggers import CASUALTY_LEMMAS, TIME_APART, time_apart

#: acts on property the doers of an incident go on to do ("The attackers set fire to 45 homes")
HARM_TO_PROPERTY = frozenset(["loot", "destroy"])

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from ..context import Context

_EXCESSIVE = "Excessive force against protesters"


def fold_arrests_into_protests(events: list[Event], state: DocState, text: str, title_end: int = -1) -> list[Event]:
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
            ev.evidence["actor1"] = _by_rule(ev)
    folded: set[int] = set()
    for i, ev in enumerate(events):
        # (a dispersal of a crowd told as violent is coded a riot: "Police responded with tear gas
        # to disperse the demonstrators" after they burned tyres)
        dispersal = ev.plover_type != "PROTEST" and (
            ev.acled_event_type == "Protests"
            or ev.acled_event_type == "Riots" and ev.plover_type == "COERCE" and is_state(ev.actor2)
        )
        # ("protesters stormed parliament as police opened fire, killing five": the force's fire
        # on the rioting crowd is the riot's, with the force as its second actor and its dead)
        fired_on_crowd = (
            ev.acled_sub_event_type == "Attack"
            and is_state(ev.actor1)
            and (ev.actor2 is None or is_civilian(ev.actor2))
        )
        # ("Police shot dead four protesters as supporters took to the streets": the force's
        # killing of the crowd, told beside the crowd's own act, is that demonstration's)
        fired_on_protest = ev.acled_sub_event_type == _EXCESSIVE and ev.plover_type == "PROTEST"
        if ev.acled_sub_event_type != "Arrests" and not dispersal and not fired_on_crowd and not fired_on_protest:
            continue
        span = ev.mentions[0]
        if ev.acled_sub_event_type == "Arrests" and ARRESTED_AFTERWARDS.search(span.text):
            continue  # "arrested 40 people in connection with the killing": afterwards, no intervention
        # (a demonstration told by the force's act on it counts: "Security forces fired tear gas
        # at supporters who had gathered ... At least 40 people were detained")
        # (not a headline's, which joins the lead at the end: "Police disperse protesters in
        # Tbilisi" over the lead's dispersal keeps the lead's day)
        body = span.start >= title_end
        crowd = [
            p
            for p in events
            if p is not ev
            and p.acled_event_type in ("Protests", "Riots")
            and (p.plover_type == "PROTEST" or _crowd_led(p))
            and not (body and p.mentions[0].start < title_end)
        ]
        same_sentence = [
            p for p in crowd if any(m.start < span.end and span.start < m.end for m in p.mentions) and not _elsewhere(ev, p)
        ]
        of_protesters = (
            ev.acled_sub_event_type == "Arrests"
            and ev.actor2 is not None
            and "protester" in ev.actor2.name.lower()
        )
        # "... held a protest. Police arrested 20 people." / "Police dispersed them.": the force
        # acts on the crowd just told of (an arrest of people not named otherwise, a dispersal)
        of_crowd = of_protesters or dispersal or (
            ev.acled_sub_event_type == "Arrests"
            and (is_state(ev.actor1) or ev.actor1 is None and _counted_arrests(ev))
            and (ev.actor2 is None or ev.actor2.name.startswith("Civilians"))
        )
        # (not a crowd in another town: "In Kisumu, protesters marched. In Mombasa, police
        # dispersed a crowd": two demonstrations)
        before = [p for p in reversed(events[max(0, i - 3) : i]) if p in crowd and not _elsewhere(ev, p)]
        if fired_on_crowd:  # (its clause told right after the riot's, or in it)
            same_sentence = [
                p for p in crowd
                if p.acled_event_type == "Riots"
                and any(m.start < span.end and span.start - 3 <= m.end for m in p.mentions)
                and not _elsewhere(ev, p)
            ]  # fmt: skip
            of_crowd = False
        if fired_on_protest:  # (only a crowd's own act in its sentence)
            same_sentence = [p for p in same_sentence if p.plover_type == "PROTEST" and p.acled_sub_event_type != _EXCESSIVE]
            of_crowd = False
        target = next(iter(same_sentence or (before if of_crowd else [])), None)
        if target is None or ev.actor1 is None and target.acled_event_type != "Protests":
            continue  # (people a mob attacked, then "10 arrested": the riot's sequel, not its second side)
        force = ev.actor1 if ev.acled_sub_event_type in ("Arrests", "Attack") else ev.actor2
        if force is None and ev.acled_sub_event_type == "Arrests" and _counted_arrests(ev):
            arrests_by_police([ev], state)  # (ACLED: the police arrest where the text names no one)
            force = ev.actor1
        if (fired_on_crowd or dispersal or fired_on_protest) and ev.fatalities and not target.fatalities:
            # (the dispersal's dead, told after it: "police fired tear gas to disperse protesters
            # ... at least two protesters were killed by police gunfire")
            _take_toll(target, ev)
        if target.acled_event_type == "Protests" and target.acled_sub_event_type == "Peaceful protest":
            target.acled_sub_event_type = "Protest with intervention"
        if target.acled_event_type == "Protests" and ev.acled_sub_event_type == _EXCESSIVE:
            target.acled_sub_event_type = _EXCESSIVE  # (the force killed peaceful protesters)
            target.take("acled_sub_event_type", ev)
        if target.acled_sub_event_type == "Mob violence" and ev.acled_sub_event_type == "Violent demonstration":
            # "officers fired tear gas to disperse a crowd that had hurled stones": a crowd the
            # force dispersed is a demonstration
            target.acled_sub_event_type = ev.acled_sub_event_type
            target.take("acled_sub_event_type", ev)
        # ACLED: the force that intervenes in a riot is its second actor, before the crowd's victims
        crowd_victims = (
            target.acled_event_type == "Riots" and target.actor2 is not None and target.actor2.name.startswith("Civilians")
        )
        # (and a demonstration's: what it was against is no side ACLED codes, "a protest against
        # the state and central government ... 26 arrested": the police)
        protested = target.acled_event_type == "Protests" and target.actor2 is not None and not is_armed(target.actor2)
        if (target.actor2 is None or crowd_victims or protested) and force is not None and is_state(force):
            target.actor2 = force
            target.evidence["actor2"] = list(
                ev.evidence.get("actor1" if force is ev.actor1 else "actor2", [])
            )
        if not any(m.start == span.start and m.end == span.end for m in target.mentions):
            target.mentions.extend(ev.mentions)
        folded.add(id(ev))
    kept = [e for e in events if id(e) not in folded]
    return _uncode_sequels(_parts_of_arrests(_attack_was_the_fight(_fold_crowd_acts(kept))), text)


def _parts_of_arrests(events: list[Event]) -> list[Event]:
    """ "The navy arrested 22 fishermen and seized three trawlers", "police arrested 40 people
    after a raid on the village": goods a state force seizes, or its raid that hurt no one, in
    the clause of its arrest are part of the arrest (ACLED codes one event)."""
    for ev in events:
        span = ev.mentions[0]
        seized = ev.acled_sub_event_type == "Looting/property destruction"
        raid = ev.acled_event_type == "Violence against civilians" and RAID_WORDS.fullmatch(ev.trigger) is not None
        if not (seized or raid and not ev.fatalities and not RAID_HARM.search(span.text)) or not is_state(ev.actor1):
            continue
        if any(
            p is not ev
            and p.acled_sub_event_type == "Arrests"
            and p.actor1 is not None
            and p.actor1.name == ev.actor1.name  # type: ignore[union-attr]
            and any(m.start < span.end and span.start < m.end for m in p.mentions)
            for p in events
        ):
            _uncode(ev)
    return events


def _attack_was_the_fight(events: list[Event]) -> list[Event]:
    """ "Insurgents attacked the town, looting shops and clashing with government troops": an
    attack on a place whose only victim is the place, told in one sentence with the same doers'
    fight against its defenders, is that fight (ACLED codes one battle); the attack keeps its
    PLOVER event, and its toll goes to the fight. People the text names as hurt ("killed five
    villagers and clashed with troops") keep their attack."""
    places = lexicon().civilian_places
    for ev in events:
        victims = ev.evidence.get("actor2", [])
        if ev.acled_sub_event_type != "Attack" or not victims or not all(
            w.basis is None and w.text.split()[-1].lower() in places for w in victims
        ):
            continue
        fight = next(
            (
                p for p in events
                if p.acled_sub_event_type == "Armed clash"
                and p.mentions[0].start == ev.mentions[0].start
                and _same_actor(p.actor1, ev.actor1)
                and is_state(p.actor2)
                and not (ev.fatalities and p.fatalities)
            ),
            None,
        )  # fmt: skip
        if fight is None:
            continue
        if ev.fatalities:
            _take_toll(fight, ev)
        _uncode(ev)
    return events


def _elsewhere(a: Event, b: Event) -> bool:
    """``a`` placed by its own words at a town, ``b`` at another town of its own words or only at
    the country ("Student protests spread across Bangladesh ... In Rajshahi, police dispersed a
    crowd": not that headline's crowd)."""
    la, lb = a.location, b.location
    if la is None or lb is None or la.geo_precision != 1 or not _own_place(a):
        return False
    return lb.name == lb.country or lb.geo_precision == 1 and la.name != lb.name and _own_place(b)


def _own_place(ev: Event) -> bool:
    """The event's place was read from its own words (not carried from the story before)."""
    return any(e.basis is None for e in ev.evidence.get("location", []))


def _by_rule(ev: Event) -> list[Evidence]:
    """The event's trigger words as the basis of an actor the ACLED coding rules supply."""
    return [replace(w, basis="ACLED rule") for w in ev.evidence.get("plover_type", [])]


#: a count of people told as arrested by no one named: "Dozens of people were arrested.", "43
#: were detained" (not "He was arrested", the man a demonstration was about)
_COUNTED = re.compile(
    r"(?:\d[\d,]*|dozens|scores|hundreds|several|many|more than \d[\d,]*|at least \d[\d,]*"
    # ("Twenty-three people were arrested", "Five were detained")
    r"|(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen"
    r"|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-[a-z]+)?)\b",
    re.I,
)


def _crowd_led(ev: Event) -> bool:
    """The demonstration's first actor is its crowd (protesters or rioters), however it was told."""
    return ev.actor1 is not None and ev.actor1.name.startswith(("Protesters", "Rioters"))


def _counted_arrests(ev: Event) -> bool:
    return any(_COUNTED.match(m.text.lstrip()) for m in ev.mentions)


def arrests_by_police(events: list[Event], state: DocState) -> list[Event]:
    """ "Twelve activists were arrested": ACLED names the force that arrests, the police, where
    the text names no one (after the arrests at a demonstration have joined it)."""
    for i, ev in enumerate(events):
        if ev.acled_sub_event_type == "Arrests" and ev.actor1 is None:
            raid = _search_before(events[:i], ev)
            if raid is not None:  # "Intelligence officers raided the town. 20 men were arrested": theirs
                ev.actor1 = raid.actor1
                ev.evidence["actor1"] = list(raid.evidence.get("actor1", []))
                continue
            country = ev.location.country if ev.location is not None else None
            ev.actor1 = generic(state, "police", country or state.country())
            ev.evidence["actor1"] = _by_rule(ev)
    return events


def _search_before(before: list[Event], ev: Event) -> Event | None:
    """A state force's raid or search that hurt no one (left uncoded), told just before arrests
    by no one named: the force that made them."""
    start = ev.mentions[0].start
    for p in reversed(before):
        end = p.mentions[0].end
        if end > start or start - end > _SEQUEL_REACH:
            continue
        if p.acled_event_type is None and is_state(p.actor1) and RAID_WORDS.fullmatch(p.trigger.lower()) is not None:
            return p
    return None


#: strategic developments that, told right after an act of political violence, are part of it:
#: "... clashed with rebels; one wounded rebel was arrested", "killed five and looted the shops",
#: "Their weapons were recovered." (ACLED codes the incident once, as its violence)
_SEQUEL_SUBS = frozenset(["Arrests", "Looting/property destruction", "Disrupted weapons use", "Change to group/activity"])
_VIOLENCE = frozenset(["Battles", "Violence against civilians", "Explosions/Remote violence", "Riots"])
#: how far (characters) after the violence such a development is read as its sequel
_SEQUEL_REACH = 300
#: how far (characters) before the violence such a development is read as leading into it
_LEAD_REACH = 200
#: developments that lead into violence told next (a weapon intercepted or defused is the
#: development itself: the fire it stopped is no other incident)
_LEADS = frozenset(["Arrests", "Looting/property destruction", "Change to group/activity"])
#: "days after", "hours before": what follows is an incident apart in time
_TIME_APART_WORDS = re.compile(rf"\b(?:{'|'.join(sorted(TIME_APART, key=lambda w: (-len(w), w)))})\s+(?:after|before)\b", re.I)
#: ground taken: a seizure, not the violence of an incident
_TAKEN = frozenset(["Non-state actor overtakes territory", "Government regains territory"])


def _other_day(a: Event, b: Event) -> bool:
    """Both events dated to the day, on different days."""
    return a.date.precision == "day" and b.date.precision == "day" and a.date.date != b.date.date


def _uncode_sequels(events: list[Event], text: str) -> list[Event]:
    """An arrest, looting or seizure told just after an act of violence keeps its PLOVER event
    but no ACLED type of its own: ACLED codes the incident as the violence."""
    for i, ev in enumerate(events):
        # (people fleeing an attack just told: its toll on them, no incident of its own)
        fled = _displaced(ev)
        if ev.acled_event_type != "Strategic developments" or ev.acled_sub_event_type not in _SEQUEL_SUBS and not fled:
            continue
        start, end = ev.mentions[0].start, ev.mentions[0].end
        # (the violence told last before it: "... repelled assaults. Russia launched drones. Air
        # defences shot down 61": the strike's, not the battle's)
        last = next((p for p in reversed(events[max(0, i - 3) : i]) if p.acled_event_type in _VIOLENCE), None)
        # (not people who fled: the place they fled to is no other incident)
        if other_incident(ev.mentions[0].text) or last is not None and not fled and (
            _apart_in_own_words(last, ev) or _no_side_of(ev, last)
        ):
            # "Separately, police arrested 14 gang members in raids", "Later, settlers set fire to
            # cars in Huwara" (after a raid in Jenin): its own incident
            last = None
        elif INCIDENT_SITE.search(ev.mentions[0].text) and any(p.acled_event_type in _VIOLENCE for p in events[:i]):
            _uncode(ev)  # "rifles were recovered from the site of the encounter": that incident's
            continue
        if last is not None and last.mentions[0].start <= start <= last.mentions[0].end + _SEQUEL_REACH and not (
            # (drones shot down by another side's forces: their own act, not the strike's sequel)
            ev.acled_sub_event_type == "Disrupted weapons use"
            and ev.actor1 is not None
            and last.actor1 is not None
            and (
                (ev.actor1.country != last.actor1.country if is_state(ev.actor1) else ev.actor1.name != last.actor1.name)
                # ("Russia's air defence units destroyed 31 Ukrainian drones" after a Russian strike:
                # another side's weapons, not the strike's)
                or _weapons_of_other_side(ev.mentions[0].text, last.actor1.country)
            )
        ) or any(
            # "police arrested a man and beat him", "officers were patrolling when gunmen opened
            # fire", "arrested him. He was tortured in custody": the violence the development
            # leads into, told next on the same day, is the incident
            ev.acled_sub_event_type in _LEADS
            and p.acled_event_type in _VIOLENCE
            and p.acled_sub_event_type not in _TAKEN
            and start <= p.mentions[0].start <= end + _LEAD_REACH
            and not _other_day(ev, p)
            # ("torched houses on Monday, days after clashes left three dead": an earlier incident)
            and not _told_apart(text, ev, p)
            for p in events[i + 1 : i + 4]
        ):
            _uncode(ev)
    return events


def _no_side_of(ev: Event, violence: Event) -> bool:
    """The development's doer is a named group that took no side in the fight told before it
    ("Settlers set fire to cars" after troops exchanged fire with gunmen): its own incident. (Not
    a state force, whose arrests and patrols after its state's fight are that fight's, nor a
    crowd's acts, whose doers a riot's words mix: "members of a union and police officers
    demonstrated and burned tires".)"""
    doer = ev.actor1
    if doer is None or is_state(doer) or violence.acled_event_type == "Riots":
        return False
    if ev.acled_sub_event_type not in ("Looting/property destruction", "Change to group/activity"):
        return False
    return all(a.name != doer.name for a in (violence.actor1, violence.actor2) if a is not None)


def _told_apart(text: str, ev: Event, later: Event) -> bool:
    """The violence after the development is told as "days after", "hours before" it (just
    before its words, or in the sentence both are read from): another incident."""
    start, end = ev.mentions[0].start, ev.mentions[0].end
    at = later.mentions[0].start
    lo, hi = (start, end) if at <= start else (max(start, at - 25), at + 12)
    return _TIME_APART_WORDS.search(text, lo, hi) is not None


def _weapons_of_other_side(text: str, striker: str | None) -> bool:
    """The weapons brought down are named as another country's than the striker's ("31 Ukrainian
    drones" after a Russian strike)."""
    lex = lexicon()
    for m in re.finditer(r"\b([A-Z][a-z]+)\s+(?:[\w-]+\s+)?(?:drones?|missiles?|rockets?|shells?|aircraft|jets?)\b", text):
        country = lex.demonyms.get(m.group(1).lower())
        if country is not None and striker is not None and country != striker:
            return True
    return False


#: characters after a riot within which another riot at its place and day is the same one
_RIOT_REACH = 400


def _riot_goes_on(p: Event, ev: Event) -> bool:
    """ "Opposition supporters clashed with police in Dakar on Friday. ... protesters hurled stones
    and burned tyres": a riot told again right after, at the same place and day, is that riot; so
    is the demonstration it turned from ("Thousands rallied outside parliament on Thursday. ...
    Police used water cannon after some demonstrators threw stones at officers")."""
    return (
        ev.acled_event_type == "Riots"
        and p.acled_event_type in ("Riots", "Protests")
        and p.plover_type == "PROTEST"
        and p.location is not None
        and ev.location is not None
        and p.location.name == ev.location.name
        and p.date.date is not None
        and p.date.date == ev.date.date
        and 0 <= ev.mentions[0].start - p.mentions[0].end <= _RIOT_REACH
        and not other_incident(ev.mentions[0].text)
    )


def _fold_crowd_acts(events: list[Event]) -> list[Event]:
    """ "Residents blocked the road, burning tyres and throwing stones at police": what the crowd
    did in the demonstration's own clause is that demonstration (ACLED codes it once); so is a
    riot told again right after at its place and day."""
    out: list[Event] = []
    for ev in events:
        crowd = ev.plover_type == "PROTEST" and ev.acled_event_type in ("Protests", "Riots")
        # ("protesters blocked highways ..., and 14 officers were injured in clashes": clashes with
        # no sides named, told with a demonstration, are the demonstrators')
        sideless = ev.acled_event_type == "Battles" and (ev.actor1 is None or _by_rule_only(ev, "actor1"))
        told_with = next(
            (
                p
                for p in out
                if p.plover_type == "PROTEST"
                and (p.acled_event_type in ("Protests", "Riots") if sideless else p.acled_event_type == ev.acled_event_type)
                and any(m.start < n.end and n.start < m.end for m in p.mentions for n in ev.mentions)
            ),
            None,
        ) if crowd or sideless else None
        same = told_with
        if sideless and told_with is not None and (told_with.acled_event_type != "Riots" or _placed_apart(told_with, ev)):
            _as_riot(ev, told_with)  # ("... in clashes in Juliaca": the crowd's riot there)
            same = None
        if same is None and ev.acled_event_type == "Riots":
            same = next((p for p in reversed(out) if _riot_goes_on(p, ev)), None)
        if same is None:
            out.append(ev)
            continue
        if same.acled_event_type == "Protests" and ev.acled_event_type == "Riots":
            # (ACLED: a demonstration whose crowd turned violent is a violent demonstration)
            for name in ("acled_event_type", "acled_sub_event_type", "actor1"):
                setattr(same, name, getattr(ev, name))
                same.take(name, ev)
        if same.actor2 is None and ev.actor2 is not None:
            same.actor2 = ev.actor2
            same.take("actor2", ev)
        if (
            same.acled_sub_event_type == "Mob violence"
            and ev.acled_sub_event_type == "Violent demonstration"
            and DEMONSTRATION.search(ev.mentions[0].text)
        ):
            # ("party supporters clashed with police ... protesters threw stones": the crowd was
            # demonstrating)
            same.acled_sub_event_type = ev.acled_sub_event_type
            same.take("acled_sub_event_type", ev)
        if ev.fatalities and not same.fatalities:
            # (the dead a later sentence told of the crowd's second act are the demonstration's)
            _take_toll(same, ev)
        same.mentions.extend(m for m in ev.mentions if m not in same.mentions)
    return out


def _apart_in_own_words(a: Event, b: Event) -> bool:
    """Each event placed by its own words, at two different places below the country."""
    la, lb = a.location, b.location
    return (
        la is not None and lb is not None and la.name != lb.name
        and la.name != la.country and lb.name != lb.country
        and _own_place(a) and _own_place(b)
    )  # fmt: skip


def _placed_apart(p: Event, ev: Event) -> bool:
    """The event is placed at another place than the demonstration's."""
    return ev.location is not None and p.location is not None and ev.location.name != p.location.name


def _as_riot(ev: Event, demonstration: Event) -> None:
    """Clashes with no sides named, told with a demonstration: its crowd's riot (ACLED: violent
    demonstrators are rioters), against the force the clashes hurt."""
    country = (demonstration.actor1.country if demonstration.actor1 is not None else None) or (
        ev.location.country if ev.location is not None else None
    )
    ev.acled_event_type, ev.acled_sub_event_type, ev.plover_type = "Riots", "Violent demonstration", "PROTEST"
    ev.actor1 = Actor(f"Rioters ({country})", "rioters", country) if country else Actor("Rioters", "rioters", None)
    ev.take_as("actor1", demonstration, "actor1")


def in_title(ctx: Context, start: int) -> bool:
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


_CROWDS = ("Protesters", "Rioters")


def _same_crowd(b: Event, ev: Event) -> bool:
    """Two demonstrations by the crowd of one country (a protest or a riot, or a dispersal of
    either): one crowd told twice."""
    return (
        b.plover_type == ev.plover_type
        and b.plover_type in ("PROTEST", "COERCE")
        and {b.acled_event_type, ev.acled_event_type} <= {"Protests", "Riots"}
        and b.actor1 is not None
        and ev.actor1 is not None
        and b.actor1.name.startswith(_CROWDS)
        and ev.actor1.name.startswith(_CROWDS)
        and b.actor1.country == ev.actor1.country
    )


#: ground that changes hands, by force or without
_GROUND_CHANGES = ("Non-state actor overtakes territory", "Government regains territory", "Non-violent transfer of territory")


def _headline_restates(b: Event, ev: Event) -> bool:
    """The headline event ``ev`` tells again the body event ``b``, by its type and sides, or by
    what a headline keeps of a violent incident."""
    # (a coded headline joins a body event of its type, not a mention the body left uncoded: "The
    # attack, which the army blamed on X, came despite talks")
    # (nor need two acts of violence between the same sides share a type: "Fighters storm base"
    # over a lead that tells the car bomb the storming began with)
    both_violent = b.acled_event_type in _VIOLENT_TYPES and ev.acled_event_type in _VIOLENT_TYPES
    if (
        b.plover_type == ev.plover_type
        and (ev.acled_event_type is None or b.acled_event_type == ev.acled_event_type or both_violent)
        and (
            _same_side(b.actor1, ev.actor1)
            and _same_side(b.actor2, ev.actor2)
            # (a fight or a deal has no first side: "Troops clash with dissidents" over "... killed
            # in clashes with dissidents"; "Ethiopia, Tigray forces sign peace deal" over "The
            # government and Tigrayan forces signed an agreement", one side kept)
            or b.acled_sub_event_type in ("Armed clash", "Agreement")
            and ev.acled_sub_event_type in (None, b.acled_sub_event_type)
            and _same_side(b.actor1, ev.actor2)
            and _same_side(b.actor2, ev.actor1)
        )
    ):
        return True
    if _same_crowd(b, ev):
        return True  # the crowd told in the headline, which the body codes as a riot: "Protesters torch police station ..."
    if ev.acled_sub_event_type in _GROUND_CHANGES and b.acled_sub_event_type in _GROUND_CHANGES and _same_side(b.actor1, ev.actor1):
        return True  # "Militia takes control of town" over a lead whose fighters entered it without a fight
    if b.acled_event_type not in _VIOLENT_TYPES or ev.acled_event_type not in _VIOLENT_TYPES:
        return False
    return (
        # the lead's dead, told again: "Two killed as police fire on protesters" over a lead the
        # body codes as a riot
        bool(ev.fatalities)
        and b.fatalities == ev.fatalities
        # victims the headline could only call civilians, whom the body names ("Burkina
        # volunteers killed in ambush" over a militia's dead), by the same doers
        or b.plover_type == ev.plover_type
        and _same_side(b.actor1, ev.actor1)
        and ev.actor2 is not None
        and ev.actor2.name.startswith("Civilians")
        # harm the headline gives no doer for: "Inmates riot at prison, several killed" over a
        # lead that tells who did it
        or _by_rule_only(ev, "actor1")
    )


def merge_headline(ctx: Context, events: list[Event]) -> list[Event]:
    """A headline restates the lead: "Drone strike on market kills 12" over "A drone strike on a
    crowded market ... killed at least 12". Each headline event joins the first body event of the
    same type with compatible actors and place; the body keeps its values, and a named actor or a
    place only the headline gives fills the gap."""
    out: list[Event] = []
    body = [e for e in events if not in_title(ctx, e.mentions[0].start)]
    for ev in events:
        if ev in body:
            out.append(ev)
            continue
        match = next(
            (
                b
                for b in body
                if _headline_restates(b, ev)
                and (
                    b.location is None
                    or ev.location is None
                    or not (b.location.admin1 and ev.location.admin1)
                    or b.location.admin1 == ev.location.admin1
                    # a headline's bare place read without the body's country ("raid on Plateau
                    # village" placed abroad): the body's place stands
                    or bool(ev.fatalities) and b.fatalities == ev.fatalities and b.location.country != ev.location.country
                )
            ),
            None,
        )
        if match is None:
            out.append(ev)
            continue
        match.mentions.append(ev.mentions[0])
        if (
            ev.actor1 is not None
            and (match.actor1 is None or match.actor1.name.startswith("Unidentified"))
            # (not a crowd the headline read where the body names armed men: "Prison clash leaves
            # 15 inmates dead" over fighting between gangs)
            and (match.actor1 is None or (ev.actor1.type or "") not in ("rioters", "protesters", "civilians"))
            # (nor a state's force the headline read where the body names armed men: "Haiti gang
            # leader's men attack police station" over gang members)
            and (match.actor1 is None or not is_state(ev.actor1))
        ):
            match.actor1 = ev.actor1
            match.take("actor1", ev)
        if match.actor2 is None and ev.actor2 is not None:
            match.actor2 = ev.actor2
            match.take("actor2", ev)
        if match.location is None and ev.location is not None:
            match.location = ev.location
            match.take("location", ev)
    return out


INCIDENT_NOUNS = frozenset(
    {"attack", "assault", "raid", "offensive", "ambush", "incursion", "strike", "bombing"}
)


#: incident nouns that, as the definite subject of a violent verb, point back ("The strikes hit a school")
INCIDENT_SUBJECTS = INCIDENT_NOUNS | {"airstrike", "blast", "explosion", "shelling", "fighting", "clash", "bombardment", "operation"}
#: sentences back to the incident a definite mention of it may point at
_DEFINITE_REACH = 3

_VIOLENT_TYPES = ("Battles", "Violence against civilians", "Explosions/Remote violence", "Riots")


_REMOTE = "Explosions/Remote violence"


def _other_weapon(trig: Trigger, ev: Event, prev: Event) -> bool:
    """"Fighting spread to El Obeid. At least 27 civilians were killed when shells hit a
    market": dead of a weapon from afar the sentence names, another incident than the fight
    (not "the explosion killed one soldier": the grenade just told)."""
    return ev.acled_event_type == _REMOTE != prev.acled_event_type and not any(_definite(w) for w in trig.words)


def _remnant_did_it(trig: Trigger) -> bool:
    """The harm's subject is what was left of a weapon brought down ("debris fell on a house,
    injuring two", "fragments of a missile damaged a school")."""
    if trig.nominal:
        return False
    verbs = [trig.head, *([trig.head.head] if trig.head.dep_ in ("advcl", "xcomp", "conj") else [])]
    remnants = lexicon().weapon_remnants
    return any(c.dep_ == "nsubj" and c.lower_ in remnants for v in verbs for c in v.children)


def _part_of(tok: Token) -> Token | None:
    """The whole a count or "one" takes a part of: "bombs" in "one of the bombs"."""
    if tok.lower_ not in ("one", "some", "two", "three", "several", "many", "most", "all", "each"):
        return None
    prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    return next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None


def _definite(tok: Token) -> bool:
    """The noun is told as known: "the blast", "this attack"."""
    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children)


#: acts told between an incident and its wounded that the wounded were not hurt in
_BESIDE_THE_HURT = ("Arrests", "Looting/property destruction")


def _participle_subject(verb: Token) -> tuple[Token | None, bool]:
    """The verb's subject; a participle's is its verb's ("..., setting its upper floors on fire",
    "opened fire before torching granaries")."""
    doer, passive = subject(verb)
    if doer is None and verb.tag_ == "VBG" and verb.dep_ in ("advcl", "conj", "xcomp"):
        return subject(verb.head)
    if doer is None and verb.dep_ == "dep" and verb.head.tag_ in ("VBD", "VBN"):
        return subject(verb.head)  # ("the attackers arrived in two buses, shot into the air ...", misparsed)
    return doer, passive


def _in_new_incident(verb: Token) -> bool:
    """The act is told as done "in an operation", "during a raid": an incident named as new; or
    "in response", "in retaliation": the answer to the one before."""
    reprisal = lexicon().reprisal_nouns
    if any(
        prep.dep_ == "prep" and prep.lower_ == "in" and any(o.dep_ == "pobj" and o.lemma_.lower() in reprisal for o in prep.children)
        for prep in verb.children
    ):
        return True
    return any(
        prep.dep_ == "prep"
        and prep.lower_ in ("in", "during")
        and any(
            obj.dep_ == "pobj"
            and obj.lemma_.lower() in INCIDENT_SUBJECTS
            and any(d.dep_ == "det" and d.lower_ in ("a", "an", "another") for d in obj.children)
            for obj in prep.children
        )
        for prep in verb.children
    )


def _participle(verb: Token) -> bool:
    """An act told by a participle hung on another verb ("before torching granaries")."""
    return verb.tag_ == "VBG" and verb.dep_ in ("advcl", "conj", "xcomp", "pcomp")


def follow_up(trig: Trigger, ev: Event, events: list[Event], state: DocState) -> bool:
    """ "At least four police officers were killed in the fighting", "our forces repelled the
    attack", "the group said it had killed 30 soldiers": a mention of the incident just reported
    adds to it instead of becoming a second event."""
    noun = trig.noun if trig.noun is not None else (trig.head if trig.nominal else None)
    nouns = [noun] if noun is not None else []
    nouns += [w for w in trig.words if w.pos_ == "NOUN"]
    if other_incident(trig.head.sent.text):
        return False  # "Separately, ...", "four soldiers were killed in a second attack near X"
    if not trig.nominal and time_apart(trig.head):
        return False  # "The attack came two days after assailants killed a police commander": an earlier act
    if not trig.nominal:  # "repelled the attack": the object names the incident
        nouns += [c for c in trig.head.children if c.dep_ == "dobj" and c.lemma_.lower() in INCIDENT_NOUNS]
    definite = any(_definite(n) for n in nouns)
    if not trig.nominal and any(c.lower_ == "also" for c in trig.head.children):
        # "the attackers also burned a health centre": more of what the same attackers did
        subj, _ = subject(trig.head)
        definite = (
            definite
            or subj is not None
            and (subj.tag_ == "PRP" or any(c.dep_ == "det" and c.lower_ == "the" for c in subj.children))
        )
    suffered = trig.undergone or (
        # "... ambushed a convoy near Djibo. The convoy was escorting trucks when it was attacked"
        not trig.nominal and trig.cls in VIOLENT and subject(trig.head)[1] and by_agent(trig.head) is None
    )
    if suffered and state.sent_no - state.last_coded_sent == 1:
        # "..., the ministry said. The soldiers were escorting a convoy when they came under
        # attack": the victims just told, suffering it again
        victim, _ = subject(trig.head)
        definite = definite or victim is not None and (
            victim.tag_ == "PRP"
            or any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "its", "their") for c in victim.children)
        )
    apart = state.sent_no - state.last_coded_sent
    # (or in the sentence that told them again, by a participle: "The assailants opened fire on
    # traders before torching granaries")
    # (or a verb joined to the one that told them again: "The gunmen stormed the village, burned
    # several houses and took the villagers into the bush")
    joined = trig.head.dep_ == "conj" and trig.head.tag_ == trig.head.head.tag_
    if not trig.nominal and trig.cls in VIOLENT | HARM_TO_PROPERTY and (1 <= apart <= 2 or apart == 0 and (_participle(trig.head) or joined)):
        # "The attackers, riding on motorcycles, stormed the village", "The attackers set fire to
        # homes": the doers just told, again
        # (a sentence apart too: "... The attack was claimed by X. 'The attacker first opened fire'")
        subj, _ = _participle_subject(trig.head)
        definite = definite or (
            _doers_again(trig) and subj is not None and not any(c.dep_ == "nummod" for c in subj.children)
        )
    # a party's own account of the incident (past perfect under a speech verb), not a second one;
    # so is the speaker's own act of violence told right after ("An Israeli airstrike killed nine.
    # The Israeli military said it struck Hamas militants")
    # (not an act told as done in an incident named as a new one: "The army later said it had
    # killed 17 of the assailants in an operation near the border")
    restated = (
        (
            not trig.nominal
            and "had" in {c.lower_ for c in trig.head.children if c.dep_ == "aux"}
            and (under_speech(trig.head))
        )
        or (
            not trig.nominal
            and trig.cls in VIOLENT
            and ev.acled_event_type in _VIOLENT_TYPES
            and state.sent_no - state.last_coded_sent == 1
            and under_speech(trig.head)
            and _pronoun_subject(trig.head)
        )
    ) and not _in_new_incident(trig.head)
    if not trig.nominal:
        # "The strikes hit a school": the incident just told, as the subject of more of it
        doer, passive_doer = _participle_subject(trig.head)
        # ("One of the bombs hit an apartment building": the weapons of the strike just told)
        part = _part_of(doer) if doer is not None and not passive_doer else None
        definite = definite or (
            doer is not None
            and not passive_doer
            and doer.lemma_.lower() in INCIDENT_SUBJECTS
            and _definite(doer)
        ) or (
            part is not None
            and (part.lemma_.lower() in INCIDENT_SUBJECTS or part.lemma_.lower() in lexicon().weapon_objects)
            and _definite(part)
            and 1 <= state.sent_no - state.last_coded_sent <= 2
        )
    # "A civilian woman was killed." right after the incident: its toll, told without an agent
    _, passive = subject(trig.head) if not trig.nominal else (None, False)
    # ("Seven of the gunmen died.", "Three people were killed and ten injured.": even when the
    # sentence alone is too bare to code)
    died = not trig.nominal and trig.head.lemma_.lower() == "die"
    # ("Three people killed and eleven hurt.": a count and a participle, no auxiliary, no object)
    counted = not trig.nominal and _bare_count(trig.head)
    more = not trig.nominal and any(c.dep_ == "advmod" and c.lower_ == "also" for c in trig.head.children)
    casualties = (
        # (a bare toll: "were killed and nine injured", not "were killed in subsequent clashes")
        (
            trig.cls == "kill"
            or trig.cls == "attack" and trig.noun is None and trig.head.lemma_.lower() == "kill"
        )
        and (passive and _no_doer_named(trig.head) or died or counted)
        and (
            state.sent_no - state.last_coded_sent == 1
            # "Two militants were also killed, he said.": more dead of the incident told before;
            # so are the dead told after a sentence that coded nothing ("Soldiers withdrew
            # overnight. Another resident said eight civilians were killed by stray bullets.")
            or (more or passive) and 1 <= state.sent_no - state.last_coded_sent <= 2
        )
    )
    # "Two police officers were injured.", right after a demonstration broken up: hurt in it
    hurt = (
        not trig.nominal
        and trig.head.lemma_.lower() in ("injure", "wound", "hurt")
        and passive
        and by_agent(trig.head) is None
        and not any(c.dep_ == "prep" and c.lower_ in ("in", "during", "by") for c in trig.head.children)
        # (or in the sentence that told the incident again: "The shells struck the camp at 10
        # a.m., an official said, adding that 27 people were wounded"; or after a sentence that
        # coded nothing: "Residents posted videos of shootouts. A police officer was wounded.")
        and state.sent_no - state.last_coded_sent in (0, 1, 2)
    )
    if hurt and events and not casualties:
        # (the arrests told in between are folded into the demonstration later)
        coded = _last_coded(events, 2)
        last = next((e for e in coded if e.acled_event_type in ("Protests", "Riots")), None)
        if last is None:
            # "..., killing three. It said a soldier was lightly wounded.": hurt in it; so after the
            # property the attackers burned ("opened fire on traders before torching granaries")
            last = _violence_in(coded)
        if last is not None and all(e is last or e.acled_sub_event_type in _BESIDE_THE_HURT for e in coded[: coded.index(last)]):
            last.mentions.extend(ev.mentions)
            return True
    remnant = _remnant_did_it(trig)
    crowd = _crowd_goes_on(trig, ev, events, state)
    raid = _raid_met_fire(trig, ev, events, state)
    definite = (
        definite
        or remnant
        or crowd
        or raid
        or _strike_retold(trig, ev, events, state)
        or _attack_retold(trig, ev, events, state)
        or _same_scene_again(trig, ev, events, state)
        or _told_closer(trig, ev, events, state)
        or _fight_heard(trig, ev, events, state)
        or _bodies_found_after(trig, ev, events, state)
        or _witnessed_again(trig, ev, events, state)
    )
    if not (definite or restated or casualties) or not events:
        return False
    # (an uncoded retelling by the doers named again: "The attackers surrounded the mosque and
    # opened fire", an act the sentence alone cannot code, is still the incident's)
    # ("The Viv Ansanm coalition claimed the attack": the incident claimed by its doers)
    # ("X said its fighters carried out the attack": the incident claimed in the claimant's words)
    retold = definite and ev.plover_type == "ASSAULT" and (
        trig.nominal or _doers_again(trig) or bool(claimants([trig.head])) or _own_act_told(trig)
    )
    # ("A drone strike killed 15. The army said it had targeted a gathering of terrorists": the
    # state's own account of the unattributed strike told just before)
    owns_strike = (
        restated
        and trig.cls == "attack"
        and is_state(ev.actor1)
        and state.sent_no - state.last_coded_sent == 1
        and any(e.acled_sub_event_type == "Air/drone strike" and _unattributed(e) for e in events[-1:])
    )
    retold = retold or owns_strike
    if ev.acled_event_type is None and not casualties and not retold:
        # ("The attack, which the army blamed on X, came despite talks": the incident named
        # again, left uncoded by its sentence, is still that incident)
        return False
    # (the incident named as such reaches further back: "... At least 15 civilians were killed in
    # the fighting", three sentences on, with nothing else coded between)
    if state.sent_no - state.last_coded_sent > (_DEFINITE_REACH if definite else 2):
        return False
    recent = _last_coded(events, 3)
    if remnant:
        # "Air defences downed 20 drones. Debris fell on a house, injuring two": the strike's harm
        prev = next((e for e in recent if e.acled_event_type == "Explosions/Remote violence"), None)
    elif casualties and not (definite or restated):
        # (the violent act told last, before weapons brought down told after it: "launched 40
        # drones ... air defences destroyed 35. A woman was killed when debris fell")
        violent = next((e for e in recent if e.acled_event_type in _VIOLENT_TYPES), None)
        # (not people who fled: "set fire to homes, forcing residents to flee. Seven were
        # killed": the arson's dead)
        acts = [e for e in recent if not _displaced(e)]
        # (a demonstration's own dead are its toll when the force killed them: "... to disperse
        # traders. Three protesters were killed by police gunfire")
        fired_on = ev.acled_sub_event_type == _EXCESSIVE
        prev = violent or (acts[0] if acts and (acts[0].acled_event_type != "Protests" or fired_on) else None)
        if prev is not None and (_other_weapon(trig, ev, prev) or _fire_of_another_side(trig.head, ev, prev)):
            return False
    else:
        # ("15 civilians were killed in the fighting": the incident named, with sides only a
        # coding rule supplied)
        named_incident = _by_rule_only(ev, "actor1") and any(
            n.lemma_.lower() in INCIDENT_SUBJECTS and _definite(n) for n in nouns
        )
        # ("The fighting between the 444 Brigade and the Deterrence force": the incident named
        # again, naming the sides the first telling had only as unidentified groups)
        naming = trig.nominal and definite
        # (the same kind of incident first: "Clashes killed 27 ... X detained the commander ... The
        # clashes ended after ...": the clashes, not the arrest told between)
        # (an incident claimed, of no type of its own: the violent one, not the arson told with it)
        # (an act told again by its doer is that doer's: "X stormed a base ... troops recaptured
        # it ... X said its fighters had killed 47 soldiers": X's assault, not the recapture)
        ordered = sorted(
            recent,
            key=lambda e: (
                _doer_named(ev) and not _same_actor(e.actor1, ev.actor1),
                e.acled_event_type != ev.acled_event_type,
                # (violence told again is the violence's, not the arrests told after it)
                (ev.acled_event_type is None or ev.acled_event_type in _VIOLENT_TYPES)
                and e.acled_event_type not in _VIOLENT_TYPES,
            ),
        )
        prev = next(
            (
                e for e in ordered
                if named_incident or _same_incident_parties(e, ev) or definite and _among_parties(e, ev)
                or crowd and e.acled_event_type in ("Protests", "Riots")  # (protesters, now rioters)
                or raid and _same_actor(e.actor1, ev.actor2)  # (the raiders, now under fire)
                or naming and _names_the_sides(e, ev)
            ),
            None,
        )  # fmt: skip
    if prev is None or _dated_apart(ev, prev) and not (id(ev) in state.dated_by_speech and _earlier_day(prev, ev)):
        # ("In December, more than 190 people were killed": another incident, months before; but
        # "the police said on Wednesday that the attackers threw petrol bombs" after Tuesday's
        # arson: the day the speaker told it)
        return False
    violence = (ev.acled_event_type in _VIOLENT_TYPES, prev.acled_event_type in _VIOLENT_TYPES)
    if (
        restated
        and not (definite or casualties or owns_strike)
        and ev.acled_event_type != prev.acled_event_type
        and not all(violence)
    ):
        # ("A Turkish drone strike killed three SDF fighters. The SDF said its forces had shot
        # down a Turkish drone": another act of the same sides, not the strike told again)
        return False
    # "The attack came hours after a bomb killed two soldiers in Baghlan": the incident just told,
    # as the subject of a sentence whose place belongs to another clause
    anaphoric = trig.nominal and definite and trig.head.dep_ in ("nsubj", "nsubjpass")
    if (
        not casualties
        and not anaphoric
        and ev.location is not None
        and prev.location is not None
        and ev.location.name != prev.location.name
        and ev.location.name != ev.location.country  # (a place the sentence names, not the country)
        and (_own(ev.location.cited) or not definite)  # (not a place the story supplied to the incident told again)
        and not ((definite or casualties) and _finer_place(ev.location, prev.location))  # (where in the region told)
        # ("Maoists killed three policemen in an ambush in Bijapur district. The rebels opened fire
        # near Tarrem village": a village of the district, told again)
        and not (definite and _close_by(ev.location, prev.location))
    ):
        # "The group claimed a bombing in Jalalabad. It also attacked a prison in Nangarhar":
        # more of what the same group did, at another place, is another incident
        return False
    if prev.acled_event_type == "Strategic developments" and ev.acled_event_type in _VIOLENT_TYPES and not casualties:
        # "police dismantled a lab. Gunmen exchanged fire with them during the raid": the fight is
        # an event of its own, not a detail of the operation (its dead alone are: "six died in
        # the incident")
        return False
    if ev.fatalities and not prev.fatalities:
        _take_toll(prev, ev)
        if prev.acled_event_type == "Protests" and ev.acled_sub_event_type == _EXCESSIVE:
            # "Police fired tear gas to disperse protesters. Two protesters were killed by police
            # gunfire": the demonstration met with lethal force
            prev.acled_sub_event_type = _EXCESSIVE
            prev.take("acled_sub_event_type", ev)
        if (
            prev.acled_sub_event_type == "Looting/property destruction"
            and ev.acled_event_type == "Violence against civilians"
            and not is_state(prev.actor1)
        ):
            # "Gang members set fire to dozens of homes. At least seven people were killed": an
            # arson that kills is an attack on the people (ACLED), not property destroyed
            prev.acled_event_type, prev.acled_sub_event_type = ev.acled_event_type, ev.acled_sub_event_type
            prev.take("acled_event_type", ev)
            prev.take("acled_sub_event_type", ev)
    elif ev.fatalities and prev.fatalities and (
        casualties and more
        # "Militants killed 15 soldiers ... Twenty attackers were neutralised in the fighting": the
        # other side's dead of the same fight ("... killing dozens of assailants. It said four
        # soldiers were killed": the army's own, told bare)
        or (definite or casualties)
        and prev.acled_event_type == "Battles"
        # ("Militants stormed a post, killing seven soldiers. Troops killed all six attackers in
        # the ensuing gunbattle": an unidentified group stands for the armed side that attacked)
        and (_same_actor(ev.actor2, prev.actor1) or _stands_for(ev.actor2, prev.actor1))
        and not _same_actor(ev.actor2, prev.actor2)
    ):
        # "Five soldiers were killed in a gunfight ... Two militants were also killed": seven dead
        prev.fatalities += ev.fatalities
        prev.evidence["fatalities"] = [*prev.evidence.get("fatalities", []), *ev.evidence.get("fatalities", [])]
    # (not from a telling the sentence alone could not code: "The militants were targeting
    # officials" after mortar bombs that hit no one names whom they aimed at, not a victim)
    if (
        (definite or restated)
        and prev.actor2 is None
        and ev.actor2 is not None
        and ev.actor2 != prev.actor1
        and ev.acled_event_type is not None
    ):
        prev.actor2 = ev.actor2
        prev.take("actor2", ev)
    sides = trig.nominal and definite and _names_the_sides(prev, ev)
    if not sides and _names_unknown_doer(prev, ev) and not _same_actor(ev.actor1, prev.actor2):
        # the armed group the telling again names (not the victims' side fighting back)
        prev.actor1 = ev.actor1
        prev.take("actor1", ev)
    if sides:
        for name in ("actor1", "actor2"):
            side = getattr(ev, name)
            if side is not None and not side.name.startswith("Unidentified"):
                setattr(prev, name, side)
                prev.take(name, ev)
    if raid and prev.acled_event_type == "Violence against civilians" and _same_actor(prev.actor1, ev.actor2):
        # "Israeli forces killed three Palestinians in a raid on Jenin. The military said troops
        # came under fire during the operation": a raid met with fire is a battle with the gunmen
        prev.acled_event_type, prev.acled_sub_event_type = "Battles", "Armed clash"
        prev.actor2 = ev.actor1
        prev.take_as("actor2", ev, "actor1")
        for name in ("acled_event_type", "acled_sub_event_type"):
            prev.take(name, ev)
    if _forces_fell(prev, ev):
        # "Gang members set fire to a police station ... Two officers were killed in the attack":
        # an armed group's attack that killed the force's men is a battle with that force
        prev.acled_event_type, prev.acled_sub_event_type = "Battles", "Armed clash"
        prev.actor2 = ev.actor2
        prev.take("actor2", ev)
        for name in ("acled_event_type", "acled_sub_event_type"):
            prev.evidence[name] = [*prev.evidence.get(name, []), *ev.evidence.get("actor2", [])]
    if prev.acled_sub_event_type == "Remote explosive/landmine/IED" and ev.acled_sub_event_type == "Suicide bomb":
        prev.acled_sub_event_type = ev.acled_sub_event_type  # the bomb told first was a suicide bomber's
        prev.take("acled_sub_event_type", ev)
    if prev.acled_event_type == "Protests" and ev.acled_event_type == "Riots":
        # "Police dispersed the protesters. Some threw stones at officers": the demonstration
        # turned violent (ACLED: a violent demonstration by rioters)
        # (the force that dispersed or shot at them is the other side: "The police fired to
        # disperse them and killed a demonstrator. The crowd then burned the station down")
        if is_state(prev.actor1) and ev.actor2 is None:
            prev.actor2 = prev.actor1  # (told as the doer: "the police shot a demonstrator")
            prev.take_as("actor2", prev, "actor1")
        elif ev.actor2 is not None:
            prev.actor2 = ev.actor2
            prev.take("actor2", ev)
        prev.acled_event_type, prev.acled_sub_event_type = "Riots", "Violent demonstration"
        prev.actor1 = ev.actor1
        for name in ("acled_event_type", "acled_sub_event_type", "actor1"):
            prev.take(name, ev)
    if _finer_place(ev.location, prev.location):
        # "The attack took place in the municipality of Salvatierra": where, within the state told
        prev.location = ev.location
        prev.take("location", ev)
    if _earlier_day(ev, prev) or not prev.date.date and ev.date.date and _own(ev.date.cited):
        # "..., the ministry said on Wednesday. The soldiers came under attack on Tuesday": the day
        # the detail gives is the incident's, the lead's the day it was told; so is the day of a
        # detail of an incident whose lead gave none ("have killed seven in fresh attacks ...
        # The assailants stormed the community on Sunday")
        prev.date = ev.date
        prev.take("date", ev)
    prev.mentions.extend(ev.mentions)
    return True


#: remote strikes a report tells twice: the lead, then how it happened
_RETOLD_STRIKES = ("Air/drone strike", "Shelling/artillery/missile attack")
#: blasts a report tells twice: a bomb, then the bomber who set it off
_BOMBINGS = ("Remote explosive/landmine/IED", "Suicide bomb")


def _strike_retold(trig: Trigger, ev: Event, events: list[Event], state: DocState) -> bool:
    """'A military air strike on a village killed 17 on Sunday. Two fighter jets dropped bombs on
    the village at about 2 p.m.': the strike told again in the next sentence (or the one after a
    sentence that codes nothing), with no toll, no day and no place of its own the gazetteer
    knows, by the same kind of weapon (a bomb and the bomber who set it off are one), is the same
    strike; a place the story supplied from a
    sentence between ("The district lies near the border with Chin state") is not its own."""
    last = _last_coded_event(events)
    return (
        not trig.nominal
        and last is not None
        and 1 <= state.sent_no - state.last_coded_sent <= 2
        and (
            ev.acled_sub_event_type in _RETOLD_STRIKES
            and last.acled_sub_event_type == ev.acled_sub_event_type
            # ("A bomb ripped through a market, killing 12. Witnesses said a suicide bomber
            # detonated explosives near a stall": the blast told again, by the one who set it off)
            or ev.acled_sub_event_type in _BOMBINGS
            and last.acled_sub_event_type in _BOMBINGS
        )
        # (or one of its dead told at its own place: "Russian forces shelled Kherson, killing two
        # civilians. A woman was killed when a shell hit her house in the city's X district"; not
        # "strikes killed 30 across Gaza. In Khan Younis, a strike killed eight": one of them)
        and (
            not ev.fatalities
            or 0 < ev.fatalities <= (last.fatalities or 0)
            and ev.location is not None
            and last.location is not None
            and ev.location.name == last.location.name
        )
        and (
            not (ev.date.date and _own(ev.date.cited) and not _clock_only(ev))
            # ("A junta airstrike killed 20, residents said on Monday. Jets bombed the village on
            # Sunday morning": the day the lead had was the day it was told)
            or id(last) in state.dated_by_speech and _earlier_day(ev, last)
        )
        and (
            ev.location is None
            or ev.location.name == ev.location.country
            or not _own(ev.location.cited)  # no place of its own: the story's place supplied
            # ("on the village": the place told before, named again)
            or _placed_by_reference(ev)
            and last.location is not None
            and ev.location.name == last.location.name
            # ("A junta air strike on a monastery in Sagaing region killed 17 ... The jet dropped
            # two bombs on the monastery in X village": where in the region told)
            or _finer_place(ev.location, last.location)
        )
    )


def _attack_retold(trig: Trigger, ev: Event, events: list[Event], state: DocState) -> bool:
    """'Two soldiers were killed when rebels ambushed a patrol in Northern Samar, the army said on
    Monday. The rebels set off a landmine and fired on the troops in Las Navas on Sunday': the
    incident a lead dated only by the day it was told, told again in the next sentences by the
    same sides on a day just before, in the lead's province, with no other toll: one incident
    (also when it now names the sides: "clashes between two armed groups killed 27, the ministry
    said on Wednesday. Fighting between X and Y broke out on Monday")."""
    last = _last_coded_event(events)
    naming = last is not None and _names_the_sides(last, ev)
    return (
        (not trig.nominal or naming)
        and last is not None
        and 1 <= state.sent_no - state.last_coded_sent <= 2
        and id(last) in state.dated_by_speech
        and _earlier_day(ev, last)
        and last.acled_event_type in _VIOLENT_TYPES
        and ev.acled_event_type in _VIOLENT_TYPES
        and (
            _same_actor(ev.actor1, last.actor1) and (ev.actor2 is None or _same_actor(ev.actor2, last.actor2))
            or naming
        )
        and (not ev.fatalities or ev.fatalities == last.fatalities)
        and (
            ev.location is None
            or last.location is None
            or ev.location.admin1 == last.location.admin1
            # (the lead's "northern Burkina Faso", then the town: where in it)
            or _finer_place(ev.location, last.location)
        )
    )


#: verbs that tell fire as heard or reported, not fought: "with heavy gunfire heard"
_HEARD = frozenset(["hear", "report"])


def _fight_heard(trig: Trigger, ev: Event, events: list[Event], state: DocState) -> bool:
    """'Clashes broke out in the capital overnight ... Residents reported sustained gunfire until
    dawn', '... A firefight lasted about 30 minutes': fire or fighting named right after a battle,
    with no side, day, place or toll of its own, is that battle heard or measured again; so is a
    blast heard or reported right after a strike or a missile attack."""
    # (fire heard told in the battle's own sentence too: "Fighting broke out in X, residents said,
    # with heavy gunfire heard through the night")
    if not trig.nominal:
        return False
    noun = trig.head
    blast = noun.lemma_.lower() in lexicon().tallied_fire  # "an explosion", "explosions", "a blast"
    if trig.cls not in ("clash", "attack", "fire", "shots") and not blast:
        return False
    heard = any(c.dep_ == "acl" and c.lemma_.lower() in _HEARD for c in noun.children) or (
        noun.dep_ in ("nsubj", "nsubjpass", "dobj") and noun.head.lemma_.lower() in _HEARD
    )
    if blast and not heard:
        return False  # (a blast only as heard or reported: "The ship reported an explosion nearby")
    if not (0 if heard else 1) <= state.sent_no - state.last_coded_sent <= 2:
        return False
    if any(t.lemma_.lower() in CASUALTY_LEMMAS | {"die"} for t in trig.head.sent):
        return False  # ("A gunfight followed in which a suspect was hurt": a fight of its own, with its harm)
    coded = _last_coded(events, 2)
    last = coded[0] if coded else None
    if trig.cls == "shots":  # (the attack's shots, past the arrests told after it)
        last = _violence_in(coded) or last

    def unnamed_or(side: Actor | None, told: Actor | None) -> bool:
        return side is None or side.name.startswith("Unidentified") or _same_actor(side, told)

    return (
        last is not None
        # ("Gunmen stormed the village ... 'We heard gunshots around 11 p.m.'": the attack's own fire)
        and (
            last.acled_event_type == "Battles"
            or trig.cls == "shots" and last.acled_event_type in _VIOLENT_TYPES
            # (the blast of the strike or missile told before: "fired two missiles at a ship ... The
            # crew reported an explosion in the ship's vicinity")
            or blast and last.acled_sub_event_type in _RETOLD_STRIKES
        )
        and not ev.fatalities
        and (not _own(ev.date.cited) or _clock_only(ev) or state.sent_no == state.last_coded_sent)
        # (a blast reported where the strike told before had no finer place: "off the port of Hodeidah")
        and (_placed_with(ev, last) or blast and _finer_place(ev.location, last.location))
        and unnamed_or(ev.actor1, last.actor1)
        and unnamed_or(ev.actor2, last.actor2)
    )


def _witnessed_again(trig: Trigger, ev: Event, events: list[Event], state: DocState) -> bool:
    """'Militiamen killed 28 civilians in the village last month, the group said. Survivors told
    it that members of the VDP rounded up residents and executed them': the next sentence telling,
    in what someone said, an act of the same kind on the same side, with no day, place or other
    toll of its own, is the incident told again (naming its doers when the lead had none)."""
    # (the rest of that sentence too, once it has told the incident again: "... and executed them")
    if trig.nominal or trig.cls not in VIOLENT | {"arrest"} or not 0 <= state.sent_no - state.last_coded_sent <= 1:
        return False
    if not under_speech(trig.head) or _own(ev.date.cited):
        return False
    if any(c.dep_ == "advmod" and c.lower_ in ("also", "later", "again", "then") for c in trig.head.children):
        return False  # ("Residents said gunmen also attacked a second village"): more acts, not the same
    last = _last_coded_event(events)
    return (
        last is not None
        and last.acled_event_type == ev.acled_event_type
        and (not ev.fatalities or ev.fatalities == last.fatalities)
        and _placed_with(ev, last)
        and (_same_actor(ev.actor1, last.actor1) or _names_unknown_doer(last, ev))
        and (ev.actor2 is None or _same_actor(ev.actor2, last.actor2))
    )


def _bodies_found_after(trig: Trigger, ev: Event, events: list[Event], state: DocState) -> bool:
    """'Gunmen stormed the village ... "In the morning we found bodies everywhere"': the dead found
    right after a violent incident, with no count, day or place of their own, are its dead."""
    if trig.nominal or trig.cls != "kill" or trig.head.lemma_.lower() not in lexicon().find_verbs:
        return False
    if not 1 <= state.sent_no - state.last_coded_sent <= 2 or ev.fatalities or _own(ev.date.cited):
        return False
    last = _violence_in(_last_coded(events, 2))
    return last is not None and _placed_with(ev, last)


def _last_coded(events: list[Event], n: int) -> list[Event]:
    """The last ``n`` ACLED-coded events, the latest first."""
    return list(islice((e for e in reversed(events) if e.acled_event_type is not None), n))


def _last_coded_event(events: list[Event]) -> Event | None:
    """The latest ACLED-coded event, or None."""
    return next((e for e in reversed(events) if e.acled_event_type is not None), None)


def _violence_in(coded: list[Event]) -> Event | None:
    """The first violent incident of ``coded`` (past arrests told after it)."""
    return next((e for e in coded if e.acled_event_type in _VIOLENT_TYPES), None)


def _placed_with(ev: Event, last: Event) -> bool:
    """``ev`` names no place of its own, or the place of ``last``."""
    return ev.location is None or not _own(ev.location.cited) or last.location is not None and ev.location.name == last.location.name


def _clock_only(ev: Event) -> bool:
    """The event's time is only an hour ("at about 2 p.m."): no day of its own."""
    said = [e for e in ev.evidence.get("date", []) if e.basis != "narrative date"]  # (the story's day it took)
    return bool(said) and all(clock_time(e.text) for e in said)


def _forces_fell(prev: Event, ev: Event) -> bool:
    """The dead a detail adds to a non-state armed group's attack on people or property are the
    state's forces (not the group's own men)."""
    return (
        bool(ev.fatalities)
        and is_state(ev.actor2)
        and prev.acled_sub_event_type in ("Attack", "Looting/property destruction")
        and prev.actor1 is not None
        and is_armed(prev.actor1)
        and not is_state(prev.actor1)
        # (a force's own post set on fire has that force as the target already)
        and (not is_state(prev.actor2) or prev.actor2 is not None and ev.actor2 is not None and prev.actor2.name == ev.actor2.name)
    )


#: days a detail's own day may lie before the lead's and still be the incident's
_TOLD_LATER_DAYS = 3


def _dated_apart(ev: Event, prev: Event) -> bool:
    """``ev`` is dated by its own words to a time that does not hold ``prev``'s (nor a day a few
    days before it: a detail that dates the incident told)."""
    a, b = ev.date.date, prev.date.date
    if not a or not b or not _own(ev.date.cited) or a.startswith(b) or b.startswith(a) or _earlier_day(ev, prev):
        return False
    return not (ev.date.start and ev.date.end and ev.date.start <= b <= ev.date.end)


def _earlier_day(ev: Event, prev: Event) -> bool:
    """``ev`` is dated by its own words to a day up to a few days before ``prev``'s day."""
    a, b = ev.date, prev.date
    if a.precision != "day" or b.precision != "day" or not a.date or not b.date or not _own(a.cited):
        return False
    gap = (Date.fromisoformat(b.date) - Date.fromisoformat(a.date)).days
    return 0 < gap <= _TOLD_LATER_DAYS


def setting_of_told_act(trig: Trigger) -> bool:
    """"The attack took place in X", "the shooting happened near X": the incident just told, named
    with "the" as the subject of a verb of taking place (`setting_verbs`)."""
    head = trig.head
    return (
        trig.nominal
        and head.dep_ == "nsubj"
        and head.head.lemma_.lower() in lexicon().setting_verbs
        and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in head.children)
    )


def refine_place(place: Location, events: list[Event], state: DocState, document: Document) -> None:
    """The place a sentence gives the incident just told, where it is inside the one told."""
    if state.sent_no - state.last_coded_sent != 1:
        return
    prev = _last_coded_event(events)
    if prev is not None and _finer_place(place, prev.location):
        prev.location = place
        prev.cite(document, "location", list(place.cited))


#: a place told again of the same incident this close to the place told first is where in it
_RETOLD_KM = 30.0


def _close_by(new: Location, old: Location) -> bool:
    """Two places of one province a short way apart, the new one a town or village (not the
    province: "It also attacked a prison in Nangarhar" after a bombing in Jalalabad is more)."""
    town = new.geo_precision in (1, 2) and new.name != new.admin1
    apart = km_between(new, old) if town and new.country == old.country and new.admin1 == old.admin1 else None
    return apart is not None and apart <= _RETOLD_KM


def _finer_place(new: Location | None, old: Location | None) -> bool:
    """A place inside the one told before (same country, same province or none told), more
    precise: a province is finer than a region or the country ("northern Afghanistan", then "the
    Kunduz province mosque")."""
    return (
        new is not None
        and old is not None
        and new.country == old.country
        and (
            (new.geo_precision or 3) < (old.geo_precision or 3)
            or old.admin1 is None and new.admin1 is not None
            # (a district the gazetteer places only at its province's seat: "the village of Nangade")
            or old.admin2 is None and new.admin2 is not None and new.name != old.name
        )
        and (old.admin1 is None or new.admin1 == old.admin1)
    )


def _no_doer_named(verb: Token) -> bool:
    """A passive verb with no agent, or with only what hit the victims as one ("were killed by
    stray bullets", "by crossfire"): the toll of the fighting told before."""
    agent = by_agent(verb)
    return agent is None or agent.lemma_.lower() in lexicon().stray_fire


def _fire_of_another_side(verb: Token, ev: Event, prev: Event) -> bool:
    """The dead were killed by the fire of a side its name qualifies ("shot dead by Israeli fire",
    "by army fire") that is neither side of the incident told before (settlers' attack on a
    village): their own incident, not its toll ("killed by police gunfire" after police broke
    up a protest is the protest's)."""
    agent = by_agent(verb)
    lex = lexicon()
    named = agent is not None and any(
        c.dep_ in ("amod", "compound") and (c.lower_ in lex.demonyms or c.lower_ in lex.act_modifier_kinds)
        for c in agent.children
    )
    return (
        named
        and ev.actor1 is not None
        and prev.acled_event_type != "Protests"  # (a force's fire on a demonstration is that demonstration's)
        and not any(_same_actor(ev.actor1, side) for side in (prev.actor1, prev.actor2))
    )


def _bare_count(verb: Token) -> bool:
    """A toll told as a count and a participle with no auxiliary and no object ("Three people
    killed and eleven hurt."): the parser's subject is the dead, not the killers."""
    if verb.tag_ not in ("VBN", "VBD") or any(c.dep_ in ("aux", "auxpass", "dobj") for c in verb.children):
        return False
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subj is not None and any(c.dep_ == "nummod" for c in subj.children) and by_agent(verb) is None


def _same_actor(a: Actor | None, b: Actor | None) -> bool:
    """Equal, or the same generic actor where one side lacks the country ("Military Forces")."""
    if a is None or b is None:
        return a is b
    if a.name == b.name:
        return True
    return (a.country is None or b.country is None) and (
        a.name.startswith(b.name) or b.name.startswith(a.name)
    )


def _doer_named(ev: Event) -> bool:
    """The event's doer is one its text names, not one a coding rule supplied."""
    return ev.actor1 is not None and not _by_rule_only(ev, "actor1")


def _pronoun_subject(verb: Token) -> bool:
    """The verb's active subject is a pronoun ("it struck", "they fired")."""
    said_by, passive = subject(verb)
    return said_by is not None and said_by.tag_ == "PRP" and not passive


def _by_rule_only(ev: Event, field: str) -> bool:
    """The field has no words of the text behind it, only a coding rule."""
    said = ev.evidence.get(field) or []
    return bool(said) and all(e.basis == "ACLED rule" for e in said)


def _same_incident_parties(prev: Event, ev: Event) -> bool:
    """The follow-up names no one, the same attacker, or the two sides the other way round, or
    names the attacker the incident told before could not ("A bomb killed 20. The explosion struck
    outside an office, ... IS claimed it")."""
    if ev.actor1 is None or ev.actor1.name.startswith("Unidentified") or _same_actor(ev.actor1, prev.actor1):
        # (not unknown fighters who struck the doer of harm to civilians: "The army bombed a
        # market. Resistance fighters said they had ambushed an army column")
        return not (
            ev.actor1 is not None
            and not _by_rule_only(ev, "actor1")  # (not "its troops came under fire during the raid")
            and not _same_actor(ev.actor1, prev.actor1)
            and _same_actor(ev.actor2, prev.actor1)
            and is_civilian(prev.actor2)
        )
    if _names_unknown_doer(prev, ev):
        return True
    return _same_actor(ev.actor1, prev.actor2) and (ev.actor2 is None or _same_actor(ev.actor2, prev.actor1))


def _unattributed(ev: Event) -> bool:
    """The doer is only the coding rule's unidentified group or gang: the text named none."""
    return ev.actor1 is not None and ev.actor1.name.startswith("Unidentified")


def _names_unknown_doer(prev: Event, ev: Event) -> bool:
    """The telling again names an armed non-state group where the incident told before had only
    the coding rule's Unidentified Armed Group or Gang ("Gang members attacked the town ... the
    Viv Ansanm coalition claimed the attack")."""
    return (
        ev.actor1 is not None
        and not ev.actor1.name.startswith("Unidentified")
        and is_armed(ev.actor1)
        and (not is_state(ev.actor1) or prev.acled_sub_event_type == "Air/drone strike")
        and _unattributed(prev)
    )


def _own_act_told(trig: Trigger) -> bool:
    """The speaker tells the act as its own: its subject is "its fighters", "our forces", "it" or
    "we" in what a speech verb says ("the front said its fighters carried out the attack")."""
    verb = trig.head
    subj, passive = subject(verb)
    if subj is None or passive or verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in lexicon().speech:
        return False
    return subj.lower_ in ("it", "we") or any(c.dep_ == "poss" and c.lower_ in ("its", "our", "their") for c in subj.children)


def _doers_again(trig: Trigger) -> bool:
    """The act's subject names the doers of the incident again ("The attackers ...")."""
    return doers_named_again(*_participle_subject(trig.head))


def _names_the_sides(prev: Event, ev: Event) -> bool:
    """The telling again names sides of an incident of the same type that had only unidentified
    ones ("clashes between two armed groups ... The fighting between X and Y")."""
    unnamed = [a for a in (prev.actor1, prev.actor2) if a is not None]
    return (
        prev.acled_event_type == ev.acled_event_type
        and bool(unnamed)
        and all(a.name.startswith("Unidentified") for a in unnamed)
        and any(a is not None and not a.name.startswith("Unidentified") for a in (ev.actor1, ev.actor2))
    )


def _stands_for(unnamed: Actor | None, side: Actor | None) -> bool:
    """An unidentified armed group of the telling again stands for an armed side the incident
    named (neither a state's force nor civilians)."""
    return (
        unnamed is not None
        and unnamed.name.startswith("Unidentified")
        and side is not None
        and not is_state(side)
        and not is_civilian(side)
    )


def _among_parties(prev: Event, ev: Event) -> bool:
    """The follow-up names only sides of the incident ("7 soldiers were killed in the fighting and
    troops repelled the attackers", read with the army on both sides)."""
    sides = [a for a in (prev.actor1, prev.actor2) if a is not None]

    def among(a: Actor) -> bool:
        # (an unidentified group stands for the incident's armed side: "Security forces killed
        # all six attackers in the ensuing gunbattle", after the militants' attack on a post)
        return any(a.name == s.name or _stands_for(a, s) for s in sides)

    named = [a for a in (ev.actor1, ev.actor2) if a is not None]
    return bool(named) and all(among(a) for a in named)


#: sentences back from a toll sentence to the events whose toll it gives
TOLL_SENTENCE_REACH = 4


def _stated_toll(text: str) -> tuple[int | None, int | None, tuple[int, int] | None]:
    """The toll a sentence states by itself, the number of events it is shared among, and the
    words of the toll: "2 fatalities.", "1 killed, 7 injured.", "Unknown fatalities coded as 10
    and split between 2 events.", "Fatalities split between 3 events." (no toll, only shares)."""
    value: int | None = None
    words: tuple[int, int] | None = None
    quants = find_quantities(text)
    if quants and quants[0].start == 0 and quants[0].value is not None:
        rest = text[quants[0].end :]
        m = TOLL_WOUNDED.search(rest)
        bare = (rest[: m.start()] if m is not None and not rest[m.end() :].strip(" .!") else rest).strip().rstrip(".!")
        if TOLL_SENTENCE.fullmatch(bare) is not None and rest[:1].isspace():
            value, words = int(quants[0].value), (0, len(text))
    if value is None and (coded := TOLL_CODED_AS.search(text)) is not None:
        q = next((q for q in quants if q.start == coded.end()), None)
        if q is not None and q.value is not None:
            value, words = int(q.value), (coded.start(), q.end)
    parts = None
    if (split := TOLL_SPLIT.search(text)) is not None and re.search(r"\bfatalit", text, re.I):
        k = next((q.value for q in find_quantities(split.group("parts")) if q.value is not None), None)
        if k is not None and 1 < k <= 100:
            parts = int(k)
            words = (min(words[0], split.start()), max(words[1], split.end())) if words else split.span()
    return value, parts, words


def toll_sentence(ctx: Context, offset: int, sent: Span, events: list[Event], state: DocState) -> bool:
    """ "Gunmen shot a trader in the market. 2 fatalities.", "Unknown fatalities coded as 10,
    split between 2 events.": a sentence that only states a toll gives the deaths of the coded
    events told just before it in its paragraph (an ACLED-style note's own toll: it replaces what
    the sentences said), each its share when the toll is split among events."""
    if not events or state.sent_no - state.last_coded_sent > TOLL_SENTENCE_REACH:
        return False  # cheap tests first: this runs on every sentence
    text = sent.text.rstrip()
    if not re.search(r"\b(?:fatalit|dead|death|killed)", text, re.I):
        return False
    value, parts, words = _stated_toll(text)
    if words is None:
        return False
    start = offset + sent.start_char
    told = [e for e in events if e.acled_event_type is not None and e.mentions and e.mentions[0].start >= offset]
    if not told:
        return False
    spans: list[Cite] = [(start + words[0], start + words[1], None)]
    if value is None:  # "Fatalities split between 2 events.": the toll told before, shared
        source = max(told, key=lambda e: e.fatalities or 0)
        if not source.fatalities:
            return False
        value = source.fatalities
        spans = [*((e.start, e.end, e.basis) for e in source.evidence.get("fatalities", [])), *spans]
    for prev in told:
        prev.fatalities = value // parts if parts is not None else value
        prev.fatalities_qualifier = "exact"
        prev.cite(ctx.document, "fatalities", spans)
    return True


#: verbs of a trigger that tell deaths ("was killed by a gunshot", "died in the clash")
_DEATH_VERBS = frozenset({"kill", "die", "murder", "assassinate", "execute", "behead", "lynch", "massacre"})


def _take_toll(target: Event, ev: Event) -> None:
    """``target`` takes ``ev``'s toll, with its qualifier and the words that told it."""
    target.fatalities, target.fatalities_qualifier = ev.fatalities, ev.fatalities_qualifier
    target.take("fatalities", ev)


def _uncode(ev: Event) -> None:
    """No ACLED type of its own: the event stays a PLOVER event of an incident coded elsewhere."""
    ev.acled_event_type = ev.acled_sub_event_type = None
    ev.evidence.pop("acled_event_type", None)
    ev.evidence.pop("acled_sub_event_type", None)


def _placed_by_reference(ev: Event) -> bool:
    """The event's place was read from words that refer back to one told before ("the town")."""
    return ev.location is not None and any(b == "coreference" for _, _, b in ev.location.cited)


def _displaced(ev: Event) -> bool:
    """Civilians who fled (ACLED: other strategic development): no act that kills."""
    return ev.acled_sub_event_type == "Other" and is_civilian(ev.actor1)


def _same_scene_again(trig: Trigger, ev: Event, events: list[Event], state: DocState) -> bool:
    """ "Insurgents attacked the town of Macomia, clashing with troops. Around 100 fighters entered
    the town and fought soldiers for hours": the sentence after an incident telling the same kind
    of act by the same sides at the place it names only as "the town" tells that incident again
    (a date of its own, or another kind of act or side, is another incident)."""
    if trig.nominal or trig.cls not in VIOLENT or state.sent_no - state.last_coded_sent != 1:
        return False
    if ev.acled_event_type is None or ev.location is None or _own(ev.date.cited):
        return False
    if any(t.ent_type_ == "DATE" for t in trig.head.sent):
        return False  # ("In subsequent clashes on Tuesday", undated by a report without a date of its own)
    if not _placed_by_reference(ev):
        return False
    last = [e for e in events if e.acled_event_type is not None and e.acled_event_type == ev.acled_event_type]
    return any(
        e.location is not None and e.location.name == ev.location.name and _same_incident_parties(e, ev)
        for e in last[-3:]
    )


#: what a state force's raid is called when told again ("came under fire during an operation")
_RAID_NOUNS = frozenset({"raid", "operation", "incursion", "sweep"})


def _raid_met_fire(trig: Trigger, ev: Event, events: list[Event], state: DocState) -> bool:
    """ "Israeli forces killed three Palestinians during a raid on Jenin. The military said troops
    came under fire during an operation to arrest suspects": the force that raided, told in the
    next sentence as suffering fire during its raid or operation, is the raid told again."""
    last = _last_coded_event(events)
    return (
        last is not None
        and state.sent_no - state.last_coded_sent == 1
        and is_state(last.actor1)
        and last.acled_event_type in _VIOLENT_TYPES
        and ev.acled_event_type == "Battles"
        and _same_actor(ev.actor2, last.actor1)
        and not _own(ev.date.cited)
        and (ev.location is None or not _own(ev.location.cited) or _placed_by_reference(ev))
        and any(
            t.lemma_.lower() in _RAID_NOUNS and t.dep_ == "pobj" and t.head.lower_ in ("during", "in")
            for t in trig.head.subtree
        )
    )


def _told_closer(trig: Trigger, ev: Event, events: list[Event], state: DocState) -> bool:
    """ "Soldiers killed 19 cartel gunmen in a shootout in Sinaloa on Monday, the ministry said.
    Troops on patrol near Culiacan were attacked by armed men": the next sentence telling an act
    of the same kind between the incident's sides, with no day of its own, at a place inside the
    incident's, tells where the incident happened (not one with dead of its own: "Israeli strikes
    killed 30 across Gaza. In Khan Younis, a strike on a house killed eight" is one of them)."""
    if trig.nominal or trig.cls not in VIOLENT or state.sent_no - state.last_coded_sent != 1 or ev.fatalities:
        return False
    if _own(ev.date.cited) or any(t.ent_type_ in ("DATE", "TIME") for t in trig.head.sent):
        return False
    last = _last_coded_event(events)
    return (
        last is not None
        and last.acled_event_type == ev.acled_event_type
        and _finer_place(ev.location, last.location)
        and _among_parties(last, ev)
    )


def _crowd_goes_on(trig: Trigger, ev: Event, events: list[Event], state: DocState) -> bool:
    """ "Police fired tear gas to disperse protesters in Nairobi. Demonstrators chanted slogans
    and some threw stones at officers": the crowd's violence told in the sentence after its
    demonstration, at its place and with no date of its own, is that demonstration going on
    (ACLED codes one violent demonstration, which a peaceful one told first becomes), not a riot
    of its own."""
    if trig.nominal or state.sent_no - state.last_coded_sent != 1:
        return False
    if ev.acled_event_type != "Riots" or _own(ev.date.cited):
        return False
    # (past the arrests told in between: "... The ministry said 43 people were detained.
    # Protesters threw fireworks at police lines")
    last = next((e for e in reversed(events) if e.acled_event_type is not None and e.acled_sub_event_type != "Arrests"), None)
    return (
        last is not None
        and (last.acled_event_type == "Protests" or last.acled_sub_event_type == "Violent demonstration")
        and (ev.location is None or last.location is not None and last.location.name == ev.location.name)
    )


def _own(cited: tuple[Cite, ...]) -> bool:
    """Read from the sentence's own words, not carried over from the story told before."""
    return bool(cited) and not any(b in ("narrative date", "narrative place", "coreference") for _, _, b in cited)


def toll_follow_up(trig: Trigger, ev: Event, told: list[Event], this_sentence: Sequence[Event] = ()) -> bool:
    """ "Gunmen attacked a village. Two residents were killed.", "Militants attacked a base. The
    group claimed to have killed three soldiers.", "militants attacked a village and killed two
    civilians": deaths told in the same or the next sentence, with no place or date of their own
    and no other attacker, are the toll of the incident told just before (its main coded event,
    the first of the most confident of ``told``: the coded events of the last sentences) when it
    has none ("Clashes erupted in the district. Clashes resulted in one fighter killed.": the first
    report of the clashes)."""
    # ("30 people were injured, one killed": the dead told beside the hurt, by a joined verb)
    head = trig.head
    if time_apart(head):
        return False  # "fired rockets on Friday, hours after a drone strike killed three": its own incident
    joined = [c for c in head.children if c.dep_ == "conj"] + ([head.head] if head.dep_ in ("conj", "ccomp") else [])
    deaths = trig.cls == "kill" or any(w.lemma_.lower() in _DEATH_VERBS for w in (head, *trig.words, *joined))
    if not ev.fatalities or not deaths or ev.acled_event_type is None and ev.plover_type != "ASSAULT":
        return False
    # (of an incident told as an attack on a town and a fight with its defenders, the dead the
    # toll names are the fight's or the attack's by their kind: "At least three soldiers were killed")
    # (a toll told by a doer the text names is of that doer's act: "X stormed a base, killing
    # eight ... troops recaptured it. X said its fighters had killed 47": X's assault's, not the
    # recapture's)
    doers = ([e for e in told if _same_actor(e.actor1, ev.actor1)] if _doer_named(ev) else []) or told
    alike = [e for e in doers if e.acled_event_type == ev.acled_event_type and not e.fatalities]
    main = max(alike or doers, key=lambda e: e.confidence, default=None)  # the first of the best
    same = [e for e in this_sentence if e.acled_event_type in _VIOLENT_TYPES]
    open_here = [e for e in same if not e.fatalities or e.fatalities == ev.fatalities]
    if open_here and (
        main is None
        or main.fatalities
        or not any(e is main for e in this_sentence)
        and all(e.acled_sub_event_type != main.acled_sub_event_type for e in open_here)
    ):
        # "troops clashed with insurgents, the army said, adding that it killed 11": this clash's
        # dead, when the attack told a sentence before has its own or is another kind of incident
        # ("seized the town ... Fighting with militiamen went on, ..., adding that four were
        # killed"; not "Clashes resulted in one killed", the clash told before told again)
        main = max(open_here, key=lambda e: e.confidence)
    elif main is not None and main.acled_event_type in ("Protests", "Strategic developments") and same:
        # "Police fired tear gas at protesters. Demonstrators set fire to the parliament and at
        # least five people were shot dead": the riot's dead, not the peaceful protest's
        main = max(same, key=lambda e: e.confidence)
    if main is not None and main.fatalities == ev.fatalities and any(e is main for e in this_sentence):
        # "a gunfight erupted and three gunmen died there": the toll the incident already took from
        # its own sentence, told again by its own verb; not a second incident
        _victims_from(main, ev)
        main.mentions.extend(ev.mentions)
        return True
    if main is None or main.fatalities or main.acled_event_type in ("Protests", "Strategic developments"):
        return False
    if _other_weapon(trig, ev, main):
        return False
    if main.acled_event_type == "Riots" and head.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in ("after", "because") for c in head.children
    ):
        return False  # "rioters burned a police station after a suspect died in custody": what they rioted over
    if ev.date.date and _own(ev.date.cited) and ev.date.date != main.date.date:
        return False
    if ev.location is not None and _own(ev.location.cited) and (
        main.location is None or ev.location.name != main.location.name
    ):
        return False
    if main.actor1 is not None and not _same_incident_parties(main, ev):
        return False
    _take_toll(main, ev)
    _victims_from(main, ev)  # "a grenade was thrown into a shop. One person was killed": its victims
    main.mentions.extend(ev.mentions)
    return True


def _victims_from(main: Event, ev: Event) -> None:
    """The civilians the toll's own words name are the victims of the strike or attack it joins
    ("Israeli air strikes killed at least 25 Palestinians", the parse making the killing a clause
    on the strikes)."""
    if (
        main.actor2 is None
        and ev.actor2 is not None
        and ev.actor2.type == "civilians"
        and main.acled_event_type in ("Explosions/Remote violence", "Violence against civilians")
    ):
        main.actor2 = ev.actor2
        main.take("actor2", ev)
