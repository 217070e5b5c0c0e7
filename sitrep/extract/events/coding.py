"""ACLED event type and sub-event type, following ACLED's public codebook (see docs/events.md).

ACLED codes concrete incidents that happened: verbal events, planned/threatened/denied
events and aggregates ("a string of offensives in recent months") get no ACLED type.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import Any

from ...model import Actor
from ..yaml_files import load_yaml
from .docstate import is_armed, is_civilian, is_state
from .lexicon import ACLED_CLASSES, people_word

BATTLES = "Battles"
EXPLOSIONS = "Explosions/Remote violence"
VAC = "Violence against civilians"
PROTESTS = "Protests"
RIOTS = "Riots"
SD = "Strategic developments"

@lru_cache(maxsize=1)
def _words() -> dict[str, Any]:
    """``data/events/coding.yaml``: each word list as one whole-word, case-insensitive pattern."""
    raw = load_yaml(resources.files("sitrep.data").joinpath("events/coding.yaml").read_text(encoding="utf-8"))
    return {k: v if isinstance(v, dict) else re.compile(r"\b(?:" + "|".join(v) + r")\b", re.I) for k, v in raw.items()}


REMOTE: dict[str, str] = _words()["remote_sub_events"]
_INTERVENTION = _words()["intervention"]
#: Noise a crowd makes ("beating utensils"): no beating at the demonstration.
_NOISE = _words()["noise_making"]
#: Fire a protester turns on themself: no crowd violence.
_SELF_HARM = _words()["self_harm"]
_EXCESSIVE = _words()["excessive_force"]
_BUILDING_RETAKEN = _words()["buildings_retaken"]
_TURNED_VIOLENT = _words()["turned_violent"]
_VIOLENT_CROWD = re.compile(f"{_TURNED_VIOLENT.pattern}|{_words()['violent_crowd'].pattern}", re.I)
#: Weapons of a crowd, not of an organised armed group: a fight with them is a riot.
_CRUDE = _words()["crude_weapons"]
#: Cues that a violent crowd was demonstrating: without them crowd violence is mob violence.
DEMONSTRATION = _words()["demonstration"]
#: Fire told as going both ways: two sides engage, so the weapons do not make it remote violence.
_EXCHANGE = _words()["exchange_of_fire"]
_MOB = _words()["mob"]
#: A place taken without a fight ("unopposed", "after the army withdrew").
_WITHOUT_FIGHTING = _words()["without_fighting"]
_TAKEOVER_VIOLENCE = _words()["takeover_violence"]
_CONCRETE_AGREEMENT = _words()["concrete_agreement"]
_LATER_INTERVENTION = _words()["later_intervention"]
_LATER_VIOLENCE = _words()["later_violence"]
_CROWD_SIGNS = _words()["crowd_signs"]
_FIREARMS = _words()["firearms"]
_CROWD_SIDES = _words()["crowd_sides"]
_THROWN = _words()["thrown_objects"]
_CROWD_DOER = _words()["crowd_doers"]
_ARMED_DOER = _words()["armed_doers"]
_UNKNOWN_DOER = _words()["unknown_doers"]
_FEW_DOERS = _words()["few_doers"]
_SMALL_ARMS = _words()["small_arms_fire"]
_UNARMED = _words()["unarmed_fights"]
#: Weapons told as taken or found, up to the end of the clause: not the weapon of the event.
TAKEN_GOODS = re.compile(_words()["taking_verbs"].pattern + r"[^.;]*", re.I)
#: "armed with guns and grenades" up to the verb after it (a word in -ed or -ing) or a stop
CARRIED = re.compile(_words()["carried_weapons"].pattern + r"(?:\s+(?!\w+(?:ed|ing)\b)[\w-]+,?){1,8}", re.I)
_CROWD_NAMED = _words()["named_crowds"]
#: Verbs whose subject suffers the event ("three people died"): no doer.
UNDERGOING = _words()["undergoing_verbs"]
_PLACES = _words()["seized_places"]
_INFRASTRUCTURE = _words()["infrastructure"]
_ARMED_VICTIM = _words()["armed_victims"]
_SITE = _words()["military_sites"]
_UNIT = _words()["armed_units"]
_OFF_DUTY = _words()["off_duty"]
AREA_FIRE = _words()["area_fire"]
#: The words after the number of a sentence that is only a toll ("Two fatalities.", "3 dead.").
TOLL_SENTENCE = _words()["toll_sentence"]
INCIDENT_SITE = _words()["incident_site"]
ARRESTED_AFTERWARDS = _words()["arrested_afterwards"]
_WAR_REMNANTS = _words()["war_remnants"]
_INCENDIARY_TARGET = _words()["incendiary_targets"]
_CREWED_DOWNED = _words()["crewed_aircraft_downed"]
_UNCREWED = _words()["uncrewed_aircraft"]
RAID_WORDS = _words()["raid_words"]
RAID_HARM = _words()["raid_harm"]
#: A sentence's opening words that turn to another incident ("Separately, ...").
TURN_TO_OTHER = _words()["turn_to_other"]
#: An act told as another one than the incident just reported ("in a second attack").
OTHER_INCIDENT = _words()["other_incident"]
#: A sentence's opening words that turn to another story ("In a separate development, ...").
_OTHER_STORY = _words()["other_story"]

_AIMLESS = _words()["aimless_fire"]
#: The wounded a toll sentence may add after its deaths ("1 killed, 7 injured.").
TOLL_WOUNDED = _words()["toll_sentence_wounded"]
#: A note's toll told as its coding ("Unknown fatalities coded as 10"): the number after it.
TOLL_CODED_AS = _words()["toll_coded_as"]
#: A note's toll shared among the events it was coded as ("split between 3 events").
TOLL_SPLIT = _words()["toll_split"]
_MUTUAL = _words()["mutual"]
#: An attack met with armed resistance told in the same sentence: a battle.
_RESISTED = _words()["resisted"]
#: An arrest that describes someone ("the arrested president"), not an act at the event.
_DESCRIBED_ARREST = _words()["described_arrests"]
_WEAPONS = _words()["seized_weapons"]
_POWER = _words()["seized_power"]
#: A grievance: from its marker to the end of the clause, or to the crowd's next violent act
#: ("against the arrest of a journalist, and burned tyres").
_GRIEVANCE = re.compile(
    _words()["grievance_markers"].pattern
    + r"(?:[^.;,]|,(?=\s*(?:which|who|whom|whose|where)\b))*?"  # on through a relative clause
    r"(?=[.;]|,(?!\s*(?:which|who|whom|whose|where)\b)|$|\s+and\s+(?:then\s+|later\s+|also\s+)?"
    r"(?:burn|set|threw|throw|hurl|pelt|block|barricad|clash|attack|vandal|loot|smash|damag|torch|storm|ston)\w*)",
    re.I,
)


def other_incident(sentence: str) -> bool:
    """The sentence tells another incident than the one before: it opens with "Separately" or
    "Meanwhile", or tells "a second attack", "another ambush"."""
    return TURN_TO_OTHER.match(sentence.lstrip(" \"“'‘")) is not None or OTHER_INCIDENT.search(sentence) is not None


def other_story(sentence: str) -> bool:
    """The sentence opens another story, whose day the one told before does not give."""
    return _OTHER_STORY.match(sentence.lstrip(" \"“'‘")) is not None


def _peaceful_takeover(text: str) -> bool:
    """A place taken without a fight ("took the town unopposed", "after the army withdrew") and
    no violence told besides ("without a fight" itself aside)."""
    return bool(_WITHOUT_FIGHTING.search(text)) and not _TAKEOVER_VIOLENCE.search(_WITHOUT_FIGHTING.sub(" ", text))


def weapon_word(word: str) -> bool:
    """A word for weapons or ammunition ("munitions", "an IED"): goods a seizure takes."""
    return _WEAPONS.fullmatch(word) is not None


def armed_victim(text: str) -> bool:
    """The victim told as armed or as one of an armed group ("the victim had charges against him
    for drug trafficking", "a gang member was shot dead")."""
    return _ARMED_VICTIM.search(text) is not None


def _armed_group(actor: Actor | None) -> bool:
    """An armed organisation other than the state's forces."""
    return is_armed(actor) and not is_state(actor)


def _deeds(text: str) -> str:
    """The text without what a demonstration was about: "protested against the killing of a
    student" tells no killing at the protest, "demanded the release of detained activists" no
    arrest of its own; "supporters of the arrested president", "a cleric who was detained" name a
    past arrest of someone, not one at the demonstration."""
    return _SELF_HARM.sub(" ", _NOISE.sub(" ", _DESCRIBED_ARREST.sub(" ", _GRIEVANCE.sub(" ", text))))


def mutual(text: str) -> bool:
    """Violence told as going both ways between the sides ("attacked each other", "one another")."""
    return _MUTUAL.search(text) is not None


def two_sided(text: str) -> bool:
    """Fire told as going both ways, or returned by its target."""
    return _EXCHANGE.search(text) is not None


def _remote(sub: str, text: str, armed_target: bool = False) -> tuple[str, str]:
    """Remote violence, unless the fire is told as going both ways or the target fired back
    ("shelling in both directions", "threw a grenade at police, who responded with gunfire"), or
    an armed target was also fought with small arms ("attacked a patrol with grenades and
    firearms"): ACLED codes remote violence that is part of a battle as the battle. Air strikes
    stay strikes."""
    if sub not in (REMOTE["air"], REMOTE["chemical"], REMOTE["suicide"]) and (
        two_sided(text) or armed_target and _SMALL_ARMS.search(text) is not None
    ):
        return BATTLES, "Armed clash"
    if sub in (REMOTE["ied"], REMOTE["shelling"]) and _WAR_REMNANTS.search(text):
        return SD, "Other"  # "a mine laid during the 1980s war": a remnant of war, no attack
    return EXPLOSIONS, sub


def _army(actor: Actor | None) -> bool:
    return actor is not None and actor.name.startswith("Military Forces")


def _person_taken(theme: str) -> bool:
    """What was seized is a person ("captured a thief", "seized him"), not a place."""
    return any(people_word(w) or w in ("him", "her", "them") for w in re.findall(r"[a-z]+", theme.lower()))


def _crowd(actor: Actor | None) -> bool:
    """Civilians, protesters or rioters: people who are not an armed organisation."""
    if actor is None:
        return False
    t = ((actor.type or "") + " " + actor.name).lower()
    return any(w in t for w in ("civilian", "protester", "rioter")) and not is_armed(actor)


def _crowd_doer(actor1: Actor | None, doer: str) -> bool:
    """The doer told as people who are not an organised armed group ("villagers", "members of the
    ruling party", "inmates") and resolved to no armed organisation of the registry."""
    return (
        (actor1 is None or not is_armed(actor1) or actor1.name.startswith("Unidentified Armed Group"))
        and _CROWD_DOER.search(doer) is not None
        and _ARMED_DOER.search(doer) is None
    )


def _told_as(words: re.Pattern[str], doer: str) -> bool:
    """The doer told by one of ``words`` ("unknown people": ``unknown_doers``; "armed youths":
    ``armed_doers``) and no crowd named ("unknown rioters"): not a crowd."""
    return words.search(doer) is not None and _CROWD_NAMED.search(doer) is None


def _party_militia_brawl(actor1: Actor | None, actor2: Actor | None, text: str) -> bool:
    """One side a political militia, the other not named as armed (a party, its supporters), with
    crude weapons or a party's crowd told and no firearms: ACLED codes such fights as riots."""
    sides = [a for a in (actor1, actor2) if a is not None]
    militias = [a for a in sides if "political militia" in (a.type or "").lower()]
    others = [a for a in sides if a not in militias]
    return (
        len(militias) == 1
        and not any(is_armed(a) for a in others)
        and (_CRUDE.search(text) is not None or _CROWD_SIDES.search(text) is not None)
        and not _FIREARMS.search(text)
    )


def code(
    cls: str,
    status: str,
    aggregate: bool,
    actor1: Actor | None,
    actor2: Actor | None,
    instrument: str | None,
    text: str,
    victim_kind: str | None,
    after: str = "",
    theme: str | None = None,
    before: str = "",
    doer: str = "",
    untargeted: bool = False,
) -> tuple[str | None, str | None]:
    """(event_type, sub_event_type), or (None, None) when ACLED would not code it.

    ``after``: the next sentences of the paragraph, read for what happened at a demonstration
    and for fire returned against remote violence; ``theme``: what was seized or attacked (the
    words of the object, or None when it is a name or not told); ``before``: the sentence before a
    dispersal, read for what the crowd did; ``doer``: the words the text names the doer by;
    ``untargeted``: the act names no target at all ("launched ground attacks near X")."""
    if status not in ("occurred", "ongoing") or aggregate or cls not in ACLED_CLASSES and cls != "offensive":
        return None, None
    if cls == "offensive":
        return None, None
    armed_target = is_armed(actor2) or victim_kind in ("military", "police")
    # a reported clash is a battle whatever its weapons ("clashes with a group armed with heavy
    # weapons"); a one-sided attack is remote violence when its weapon acts from afar
    if instrument == "ied" and cls in REMOTE:
        return _remote(REMOTE[cls], text + " " + after, armed_target)  # "shelled ..., the explosion": the named weapon, not the blast
    if instrument in REMOTE and cls in (
        "attack",
        "kill",
        "strike",
        "air",
        "shelling",
        "ied",
        "suicide",
        "grenade",
        "chemical",
    ):
        return _remote(REMOTE[instrument], text + " " + after, armed_target)
    if cls in REMOTE:
        return _remote(REMOTE[cls], text + " " + after, armed_target)
    if (
        cls in ("shots", "fire", "attack")
        and _AIMLESS.search(text)
        and actor2 is None
        and victim_kind is None
        and not two_sided(text + " " + after)
        and not DEMONSTRATION.search(text)  # "police fired in the air to disperse protesters"
        and not _INTERVENTION.search(text)  # ("... fired into the air to disperse them": a crowd was there)
    ):
        return SD, "Other"  # "border guards fired warning shots into the air": fire aimed at no one
    if cls == "return":  # "migrants returned from abroad": civilians coming home (ACLED: other)
        return (SD, "Other") if is_civilian(actor1) else (None, None)
    if cls == "shots":  # shots or bursts of fire between unnamed sides: a clash unless the weapon
        # fires from afar ("bursts of fire involving heavy machine guns") and no exchange is told
        if instrument in REMOTE and not two_sided(text):
            return EXPLOSIONS, REMOTE[instrument]
        return BATTLES, "Armed clash"
    if cls == "sexual":
        return VAC, "Sexual violence"
    if cls == "abduct":
        if (is_state(actor2) or victim_kind in ("military", "police")) and not _OFF_DUTY.search(text):
            return BATTLES, "Armed clash"  # ACLED: a soldier or police officer seized is no civilian victim
        return VAC, "Abduction/forced disappearance"
    if cls == "arrest":
        if _armed_group(actor1):
            return VAC, "Abduction/forced disappearance"
        return SD, "Arrests"
    if cls == "seize" and _crowd(actor1) and (theme is None or _PLACES.search(theme) or not _person_taken(theme)):
        # "demonstrators took over the ministry", "protesters who tried to take over the airport": a
        # crowd gains no territory; it occupies a place as a protest, a riot when it used force
        if _LATER_VIOLENCE.search(text):
            return RIOTS, "Violent demonstration"
        cls = "protest"
    if cls == "seize" and theme is not None and _POWER.fullmatch(theme.strip()):
        return SD, "Other"  # "the junta, which seized power in a coup": the state taken, no ground
    if cls == "seize" and theme is not None and not _PLACES.search(theme):
        # "seized a ton of marijuana", "seized 30 rifles": goods, not territory
        if _WEAPONS.search(theme):
            return SD, "Disrupted weapons use"
        return SD, "Looting/property destruction"
    if cls in ("seize", "fallto", "retake") and _peaceful_takeover(text):
        return SD, "Non-violent transfer of territory"
    if cls in ("seize", "fallto"):
        if is_state(actor1):
            return BATTLES, "Government regains territory"
        return BATTLES, "Non-state actor overtakes territory"
    if cls == "retake" and theme is not None and not _PLACES.search(theme) and _person_taken(theme):
        # "troops recaptured 41 of the escaped inmates": people caught again, no ground
        return (VAC, "Abduction/forced disappearance") if _armed_group(actor1) else (SD, "Arrests")
    if cls == "retake" and is_state(actor1) and _BUILDING_RETAKEN.search(text):
        return None, None  # "soldiers regained control of the prison": the riot's end, no territory
    if cls == "retake":
        if actor1 is not None and not is_state(actor1) and is_armed(actor1):
            return BATTLES, "Non-state actor overtakes territory"
        return BATTLES, "Government regains territory"
    if cls == "protest":
        if actor1 is not None and actor1.name.startswith("Rioters"):
            return RIOTS, "Violent demonstration"  # "rioters demonstrating against ..."
        deeds, later = _deeds(text), _deeds(after)
        # ACLED: excessive force is lethal force against demonstrators who were not violent; a
        # violent crowd fired on is a violent demonstration
        if _VIOLENT_CROWD.search(deeds) or _LATER_VIOLENCE.search(later):
            return RIOTS, "Violent demonstration"
        if _EXCESSIVE.search(deeds) and re.search(r"\b(?:police|forces|troops|soldiers|army)\b", deeds, re.I):
            return PROTESTS, "Excessive force against protesters"
        if _INTERVENTION.search(deeds) or _LATER_INTERVENTION.search(later):
            return PROTESTS, "Protest with intervention"
        return PROTESTS, "Peaceful protest"
    if cls == "disperse":
        around = before + " " + text + " " + after
        if not (DEMONSTRATION.search(around) or _CROWD_SIGNS.search(around)):
            return VAC, "Attack"  # "soldiers fired tear gas at farmers in their fields": no crowd
        if _LATER_VIOLENCE.search(_deeds(text)) or _VIOLENT_CROWD.search(_deeds(before)):
            # "police dispersed people who were burning debris", "Residents burned tyres. Police
            # dispersed them.": the crowd was violent, a riot (whatever force met it)
            return RIOTS, "Violent demonstration"
        if _EXCESSIVE.search(text):
            return PROTESTS, "Excessive force against protesters"
        return PROTESTS, "Protest with intervention"
    if cls == "riot":
        if _MOB.search(text):
            return RIOTS, "Mob violence"
        return RIOTS, "Violent demonstration"
    if cls == "loot":
        if _MOB.search(text) and not DEMONSTRATION.search(text):
            return RIOTS, "Mob violence"  # "a mob torched two houses": no demonstration
        if actor1 is not None and any(w in (actor1.type or "").lower() for w in ("rioter", "protester")):
            return RIOTS, "Violent demonstration"
        if _crowd(actor1) and not _told_as(_UNKNOWN_DOER, doer):  # "residents looted shops": a crowd, not an armed group
            return (RIOTS, "Violent demonstration") if DEMONSTRATION.search(text) else (RIOTS, "Mob violence")
        return SD, "Looting/property destruction"  # ... "unknown people torched a car": no crowd told
    if cls == "base":
        return SD, "Headquarters or base established"
    if cls == "disrupt" and _CREWED_DOWNED.search(text) and not _UNCREWED.search(text):
        return BATTLES, "Armed clash"  # "rebels shot down a police helicopter": a fight with its crew's force
    if cls == "disrupt":
        return SD, "Disrupted weapons use"
    if cls == "transfer":
        return SD, "Non-violent transfer of territory"
    if cls == "agreement":
        return (SD, "Agreement") if _CONCRETE_AGREEMENT.search(text) else (None, None)
    if cls == "change":
        return SD, "Change to group/activity"
    if cls == "ally":  # armed groups that join forces; a state's forces working together are no change
        return (SD, "Change to group/activity") if not is_state(actor1) else (None, None)
    if cls == "mobilize":  # reinforcements, deployments and patrols of an armed actor
        return (SD, "Change to group/activity") if is_armed(actor1) or actor1 is None else (None, None)
    if cls == "curfew" and _crowd(actor1):
        # "residents closed the road by burning tyres": a crowd closing a road demonstrates
        # ("rioters ... blocked the road": the text calls them rioters)
        violent = _VIOLENT_CROWD.search(_deeds(text)) or actor1 is not None and actor1.name.startswith("Rioters")
        return (RIOTS, "Violent demonstration") if violent else (PROTESTS, "Peaceful protest")
    if cls == "curfew":  # curfews, closures and bans imposed by an authority
        return SD, "Change to group/activity"
    if cls == "destroy":  # "destroyed nine shelters", "destroyed houses": property destruction
        return SD, "Looting/property destruction"
    if (
        cls in ("attack", "fire")
        and actor2 is None
        and victim_kind is None
        and theme is not None
        and _INFRASTRUCTURE.fullmatch(theme.strip()) is not None
    ):  # "an oil pipeline was attacked": a thing, no one hurt
        return SD, "Looting/property destruction"
    # attack, kill, clash, strike: who was hit decides Battles vs Violence against civilians
    if cls == "clash":
        unknown = actor1 is None or actor1.type is None  # sides not named as armed organisations
        crowd_side = (
            _CROWD_SIDES.search(text) is not None
            and not _armed_group(actor1)
            and not _armed_group(actor2)
            and not _FIREARMS.search(text)
        )
        # a party's militia (a youth wing) against people no one names as armed, no firearms told:
        # "the youth wing and opposition supporters fought one another", "clashed with machetes"
        party_brawl = _party_militia_brawl(actor1, actor2, text)
        people = _crowd_doer(actor1, doer) and not _armed_group(actor2) and not _FIREARMS.search(text)
        # families or clans who shoot at each other fight as armed groups (ACLED: communal
        # militias); with the state on one side, people who fight it are rioters
        gunfight = _SMALL_ARMS.search(text) is not None and not is_state(actor1) and not is_state(actor2)
        if (
            people
            # (a crowd hurt "in a clash with police", with no firearms told: the police are the
            # doer, the crowd still rioted)
            or (
                _crowd(actor1)
                or _crowd(actor2) and (not is_armed(actor1) or is_state(actor1) and not _FIREARMS.search(text))
                or crowd_side
            )
            and not gunfight
            or unknown and _CRUDE.search(text)
            or party_brawl
            or _UNARMED.search(text)  # "a fist fight broke out between deputies": no weapons at all
        ):
            # "two groups attacked each other with axes and sticks": ACLED's riot, not a battle
            # "villagers clashed with police", "two groups of supporters clashed": no armed side
            return (RIOTS, "Violent demonstration") if DEMONSTRATION.search(text) else (RIOTS, "Mob violence")
        return BATTLES, "Armed clash"
    thrown = _THROWN.search(text) is not None and not _armed_group(actor1) and not is_state(actor1)
    # "both groups attacked each other with axes and sticks": a brawl of people no one names as
    # an armed organisation
    unnamed = actor1 is None or actor1.name.startswith("Unidentified Armed Group")
    thrown = thrown or unnamed and _MUTUAL.search(text) is not None and _CRUDE.search(text) is not None
    # "a mob attacked a man", "a man was lynched", "attacked by a vigilante group": a mob's
    # violence, whoever no one names as an armed organisation did it
    mob = unnamed and _MOB.search(text) is not None
    people = _crowd_doer(actor1, doer)  # "members of the ruling party beat a journalist"
    # ... but not one or two persons, nor people told as unknown who throw nothing ("a man threw
    # stones at a nurse", "assaulted by unknown people"): ACLED's attack by an unidentified armed
    # group; "unknown rioters" and "unidentified people threw stones" stay a crowd
    unidentified = bool(_FEW_DOERS.search(doer) or _told_as(_ARMED_DOER, doer) and not _THROWN.search(text))
    crowd = (_crowd(actor1) or thrown or people) and not unidentified
    if (crowd or mob) and cls in ("attack", "kill", "strike", "fire") and not _FIREARMS.search(text):
        # ACLED: violence by people who are not an organised armed group is a riot; by a crowd
        # at a demonstration a violent demonstration, otherwise mob violence
        if DEMONSTRATION.search(text):
            return RIOTS, "Violent demonstration"
        return RIOTS, "Mob violence"
    if instrument == "incendiary" and cls in ("attack", "strike") and _INCENDIARY_TARGET.search(text):
        return SD, "Looting/property destruction"  # "two men threw a petrol bomb at a shop": property set on fire
    # "an armed man", "men in a car opened fire": people who shoot are an armed group to ACLED
    shooters = _crowd(actor1) and _FIREARMS.search(text) is not None
    target_armed = is_armed(actor2) or victim_kind in ("military", "police", "unidentified", "gang")
    if target_armed and (is_state(actor2) or victim_kind in ("military", "police")) and _OFF_DUTY.search(text):
        return VAC, "Attack"  # "shot an off-duty soldier": a person off duty is a civilian to ACLED
    # an agency's staff and convoys are civilians to ACLED ("gunmen attacked a World Food
    # Programme convoy"); its peacekeepers are the mission's forces, an armed actor
    agency = actor2 is not None and (actor2.type or "").lower() == "international organization"
    target_civ = is_civilian(actor2) or victim_kind in ("civilians", "protesters") or agency
    if (
        cls in ("fire", "attack", "kill")
        and is_state(actor1)
        and (victim_kind in ("civilians", "protesters") or is_civilian(actor2))
        # (what the people fired at did, told of them: "who stormed", "that had blocked ... with
        # burning tyres"; not the force's own deeds, "attacked a man and damaged his car")
        and (
            any(m.group(0).lower().startswith(("who", "that")) for m in _LATER_VIOLENCE.finditer(_deeds(text)))
            # ("opened fire on protesters, killing two, as the demonstrations turned violent")
            or _TURNED_VIOLENT.search(text) is not None
        )
    ):
        # "police fired live rounds at students who stormed a police post": a violent crowd met
        # with force is a riot (the force its second actor)
        return RIOTS, "Violent demonstration"
    if target_armed:
        return BATTLES, "Armed clash"
    if cls in ("attack", "kill", "fire") and not crowd and _RESISTED.search(text):
        return BATTLES, "Armed clash"  # "attacked the village, leading to clashes with residents"
    if target_civ:
        if victim_kind == "protesters" and is_state(actor1):
            return PROTESTS, "Excessive force against protesters"
        if actor1 is not None and not is_armed(actor1) and "rioter" in (actor1.type or "").lower():
            return RIOTS, "Mob violence"
        return VAC, "Attack"
    if is_armed(actor1) and actor2 is not None and is_armed(actor2):
        return BATTLES, "Armed clash"
    if shooters and cls in ("attack", "fire", "strike"):
        return VAC, "Attack"  # fire at people or their homes by shooters not said to fight anyone
    if (
        actor2 is not None
        and actor2.type is None
        and victim_kind is None
        and cls in ("attack", "kill", "fire")
        and (actor1 is None or is_armed(actor1) or unidentified)
    ):
        if _UNIT.search(actor2.name):
            return BATTLES, "Armed clash"  # "gunmen shot dead a member of the 4th Division": a unit the registry lacks
        if not _SITE.search(actor2.name):
            # "militants attacked Napula", "forces fired at two Palestinians": a target named but
            # not known as an armed organisation (a village, people by nationality) is, in ACLED's
            # coding, civilians
            return VAC, "Attack"
    if instrument == "smallarms" and actor2 is None and victim_kind is None and cls in ("attack", "strike"):
        return BATTLES, "Armed clash"  # "fired small arms near X": direct fire between armed sides
    if cls == "kill" and actor2 is None and victim_kind is None and (actor1 is None or is_armed(actor1) or shooters or unidentified):
        # "gunmen shot dead a shopkeeper": a person killed who is not said to be armed is, in
        # ACLED's coding, a civilian
        return VAC, "Attack"
    if untargeted and cls == "attack" and actor2 is None and victim_kind is None and _army(actor1) and not DEMONSTRATION.search(text):
        return BATTLES, "Armed clash"  # "troops launched ground assaults near X": an army attacks an armed enemy
    if cls == "attack" and _FEW_DOERS.search(doer) and actor2 is None and victim_kind is None and not is_state(actor1):
        return VAC, "Attack"  # "a man threw a brick at a pharmacist": a person, not said to be armed
    return None, None
