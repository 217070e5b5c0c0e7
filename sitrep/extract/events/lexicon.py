"""Trigger and role lexicons, loaded once from ``sitrep/data/events/*.yaml``.

Keeping words in data files lets analysts extend coverage without touching code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from ..actors import country_table, load_demonyms
from ..phrase_finder import PhraseFinder
from ..user_data import overlaid
from ..yaml_files import load_yaml

Entry = tuple[str, str]  # (PLOVER type, class)

VIOLENT = frozenset(
    [
        "clash",
        "shots",
        "attack",
        "kill",
        "seize",
        "retake",
        "air",
        "shelling",
        "ied",
        "suicide",
        "grenade",
        "chemical",
        "sexual",
        "abduct",
        "strike",
    ]
)
# classes that ACLED may code (verbal ones never are)
ACLED_CLASSES = VIOLENT | frozenset(
    ["arrest", "protest", "riot", "loot", "base", "disrupt", "transfer", "agreement", "change", "ally", "disperse",
     "mobilize", "curfew", "destroy", "return"]
)


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, Entry]
    phrasal: dict[str, Entry]
    noun_verbs: dict[str, Entry]  # "baton charge": the noun the parser hangs on the verb, then the verb
    objects: dict[str, Entry]
    nouns: dict[str, Entry]
    standalone: frozenset[str]
    instruments: tuple[tuple[str, re.Pattern[str]], ...]
    speech: frozenset[str]
    kinds: dict[str, str]
    police_markers: frozenset[str]
    demonyms: dict[str, str]
    demonym_finder: PhraseFinder  # every demonym, whole words, in one pass
    verb_heads: frozenset[str] = frozenset()  # every verb lemma an entry starts with
    collectives: frozenset[str] = frozenset()  # "units", "positions": the participant is a modifier
    report_verbs: frozenset[str] = frozenset()
    join_verbs: frozenset[str] = frozenset()
    find_verbs: frozenset[str] = frozenset()
    discovery_verbs: frozenset[str] = frozenset()  # "police found the bodies": the finder did not kill
    toll_verbs: frozenset[str] = frozenset()  # "the blast left five dead": a toll, not bodies found
    foil_verbs: frozenset[str] = frozenset()
    plot_words: frozenset[str] = frozenset()  # "foiled a coup attempt": a plot, not an attack
    tripped_verbs: frozenset[str] = frozenset()  # "a vehicle hit a landmine": the subject suffered it
    weapon_verbs: frozenset[str] = frozenset()  # "intercepted two drones", not "intercepted a bus"
    weapon_objects: frozenset[str] = frozenset()
    presence_verbs: frozenset[str] = frozenset()  # "reduced its troops", not "reduce harm"
    damage_verbs: frozenset[str] = frozenset()  # "setting homes on fire": an attack's own doing
    witness_verbs: frozenset[str] = frozenset()  # "the area has seen fighting": a tally
    chronic_verbs: frozenset[str] = frozenset()  # "a region plagued by cattle rustling": a tally
    presence_objects: frozenset[str] = frozenset()
    weapon_modifiers: frozenset[str] = frozenset()  # "air strike", "gun battle": a weapon, not a doer
    armed_object_verbs: frozenset[str] = frozenset()  # "encountered militants", not "encountered problems"
    harm_states: frozenset[str] = frozenset()  # "left three dead"
    doer_acts: frozenset[str] = frozenset()  # "a military operation killed five": the act names its doers
    setting_verbs: frozenset[str] = frozenset()  # "The attack took place in X"
    state_verbs: frozenset[str] = frozenset()  # "civilians held hostage": a state, not an act
    undergo_phrases: frozenset[str] = frozenset()  # "came under attack": the subject suffers it
    carry_verbs: frozenset[str] = frozenset()  # "a car carrying three militants"
    armed_objects: frozenset[str] = frozenset()
    agent_verbs: frozenset[str] = frozenset()  # "rioters damaged a bank", not "the rain damaged houses"
    object_verbs: frozenset[str] = frozenset()  # "disappeared a journalist", not "the man disappeared"
    natural_causes: frozenset[str] = frozenset()
    remains: frozenset[str] = frozenset()
    remains_titles: frozenset[str] = frozenset()  # remains only without an "of" phrase ("a head")
    projectile_verbs: frozenset[str] = frozenset()
    nonstate_markers: frozenset[str] = frozenset()
    former_title_words: frozenset[str] = frozenset()  # "the former prime minister": no longer holds it
    ruler_words: frozenset[str] = frozenset()  # "regime positions": the government's forces (roles.yaml)
    armed_collectives: frozenset[str] = frozenset()
    armed_markers: frozenset[str] = frozenset()
    act_modifier_kinds: dict[str, str] = field(default_factory=dict)  # "a security operation": the state's forces
    thrown_weapons: frozenset[str] = frozenset()
    tallied_fire: frozenset[str] = frozenset()
    victims: frozenset[str] = frozenset()  # people who, as an unresolved target, are civilians
    people_words: frozenset[str] = frozenset()  # people in general: "villagers", "bodies"
    delivery_verbs: frozenset[str] = frozenset()  # "sent artillery shells to Ukraine": aid
    boycott_verbs: frozenset[str] = frozenset()  # "lawyers boycotted the courts": their protest
    clause_accuse_verbs: frozenset[str] = frozenset()  # "charged that ...": an accusation
    accused_of_verbs: frozenset[str] = frozenset()  # "accused X of stealing": the charge, no act
    punished_for_verbs: frozenset[str] = frozenset()  # "arrested X for looting": the deed held against them
    stoppage_verbs: frozenset[str] = frozenset()  # "workers strike": a work stoppage
    reflexive_protest_verbs: frozenset[str] = frozenset()  # "set himself on fire": a protest
    market_subjects: frozenset[str] = frozenset()  # "stocks rally": a market's move, no protest
    warring_modifiers: frozenset[str] = frozenset()  # "the warring parties": sides of a conflict
    group_anaphors: frozenset[str] = frozenset()  # "the group" a group's spokesman speaks of
    command_nouns: frozenset[str] = frozenset()  # "his men": those under the speaker's command
    breakdown_nouns: frozenset[str] = frozenset()  # who a count is, one by one ("two civilians, a man and a woman")
    street_verbs: frozenset[str] = frozenset()
    supply_verbs: frozenset[str] = frozenset()  # "provided Kyiv with missiles": what is given follows "with"
    street_nouns: frozenset[str] = frozenset()
    gathering_cues: frozenset[str] = frozenset()
    place_heads: frozenset[str] = frozenset()  # "district", "village": where, not whom
    crowd_subjects: frozenset[str] = frozenset()
    occupy_verbs: frozenset[str] = frozenset()
    walkout_phrases: frozenset[str] = frozenset()  # "workers walked out": a strike
    trial_prefixes: frozenset[str] = frozenset()  # "test-fired": a weapon tried, no attack
    ground_force_heads: frozenset[str] = frozenset()  # "troops" a foreign state's raid brought
    stray_fire: frozenset[str] = frozenset()  # "killed by stray bullets": what hit them, no doer
    clan_particles: frozenset[str] = frozenset()  # "Al Tilan", "Bani Hassan": a tribe's name, no person's
    other_event_nouns: frozenset[str] = frozenset()  # "the Novi Sad collapse": what a place names
    flight_verbs: frozenset[str] = frozenset()  # "families who fled fighting in X": X is their origin
    purpose_heads: frozenset[str] = frozenset()  # "deployed to retake", "an operation to retake": an aim
    accident_causes: frozenset[str] = frozenset()  # "an earthquake struck, killing three": no one's act
    accident_vehicles: frozenset[str] = frozenset()
    accident_verbs: frozenset[str] = frozenset()
    criticized_objects: frozenset[str] = frozenset()  # "attacked the budget plan": words, no violence
    levels_reached: frozenset[str] = frozenset()  # "inflation hit a 28-year high"
    critic_subjects: frozenset[str] = frozenset()  # "the opposition leader attacked the government": words
    critic_harm_verbs: frozenset[str] = frozenset()
    abstract_foes: frozenset[str] = frozenset()  # "to fight inflation": no enemy in arms
    game_verbs: frozenset[str] = frozenset()  # "beat Chelsea 2-1": a match won
    agreed_acts: frozenset[str] = frozenset()  # "agreed to exchange prisoners": what parties agree on
    agreed_parties: frozenset[str] = frozenset()  # "both sides agreed to ...": more than one side
    led_verbs: frozenset[str] = frozenset()  # "marched the hostages away": people led, no protest
    objectless_verbs: frozenset[str] = frozenset()  # "clash", "protest": no passive participle
    object_control_verbs: frozenset[str] = frozenset()  # "forced residents to flee": the object flees
    causer_complements: frozenset[str] = frozenset()  # "forced them to disperse": the causer's act
    background_modifiers: frozenset[str] = frozenset()  # "similar bombings": acts of a kind, no incident
    reciprocal_verbs: frozenset[str] = frozenset()  # "armed men clashed": the same kind on either side
    noise_objects: frozenset[str] = frozenset()  # "beating utensils": no attack
    signed_papers: frozenset[str] = frozenset()  # "a note signed by X": no agreement
    onset_nouns: dict[str, Entry] = field(default_factory=dict)  # "violence erupted": an incident only so
    onset_verbs: frozenset[str] = frozenset()
    occupiers: frozenset[str] = frozenset()  # "workers occupied the factory": a protest
    return_verbs: frozenset[str] = frozenset()
    returnee_subjects: frozenset[str] = frozenset()
    party_nouns: frozenset[str] = frozenset()  # named parties of political acts (roles.yaml)
    government_titles: frozenset[str] = frozenset()  # "minister", "officials", "junta" (roles.yaml)
    envoy_titles: frozenset[str] = frozenset()  # "ambassador", "diplomat": a government's representatives abroad
    leader_heads: frozenset[str] = frozenset()  # "head", "leader": speak for what they lead (roles.yaml)
    gang_countries: frozenset[str] = frozenset()
    doer_verbs: frozenset[str] = frozenset()  # "shells fired by X": X carried out the attack (roles.yaml)
    doer_preps: dict[str, str] = field(default_factory=dict)  # "attributed to X", "blamed on X"
    claim_objects: frozenset[str] = frozenset()  # "X claimed responsibility"
    blame_verbs: frozenset[str] = frozenset()  # "blaming the army": the object did it (roles.yaml)
    militia_heads: frozenset[str] = frozenset()  # identity militias (roles.yaml)
    herder_heads: frozenset[str] = frozenset()  # armed as doers of violence, civilians as its targets
    faction_heads: frozenset[str] = frozenset()  # "dissidents of X": the group broken from X
    armed_name_heads: frozenset[str] = frozenset()  # "the Gulf Cartel": a named armed organisation (roles.yaml)
    civilian_places: frozenset[str] = frozenset()  # "shelled the village": no Civilians unless someone is hurt
    armed_places: frozenset[str] = frozenset()  # "overran a border post": ground taken, not people
    identity_markers: dict[str, str] = field(default_factory=dict)
    ethnic_groups: dict[str, str] = field(default_factory=dict)  # lower -> as written
    gang_hallmarks: re.Pattern[str] | None = None  # organised-crime marks on an unidentified perpetrator's violence
    drug_words: re.Pattern[str] | None = None  # drugs a force seizes or destroys: a gang's property (roles.yaml)
    party_anaphors: frozenset[str] = frozenset()  # "the two sides", "both countries": parties really there
    doer_anaphors: frozenset[str] = frozenset()  # "The attackers stormed ...": the incident's doers again
    unknown_doer_modifiers: frozenset[str] = frozenset()  # "suspected militants": no group named before
    reprisal_nouns: frozenset[str] = frozenset()  # "fired rockets in response": a new incident
    state_army_words: frozenset[str] = frozenset()  # "the National Army": a state's, not a group's name
    weapon_remnants: frozenset[str] = frozenset()  # "debris fell on a house": the strike's, no party
    host_verbs: frozenset[str] = frozenset()  # "X hosted Y": the visitor Y is PLOVER's actor (roles.yaml)
    war_strike_nouns: frozenset[str] = frozenset()  # "strikes hit Rafah": an attack, unless a walkout
    walkout_marks: frozenset[str] = frozenset()
    strike_target_preps: frozenset[str] = frozenset()
    strike_harm_preps: frozenset[str] = frozenset()
    fire_nouns: frozenset[str] = frozenset()  # "Israeli fire": the demonym's forces fired
    takeover_verbs: frozenset[str] = frozenset()  # "government forces moved in" after a withdrawal


def _read(name: str) -> dict[str, Any]:
    """A packaged lexicon of ``data/events/`` with the user's file of the same name over it."""
    text = resources.files("sitrep.data").joinpath(f"events/{name}").read_text(encoding="utf-8")
    return overlaid(load_yaml(text), f"events/{name}")  # type: ignore[no-any-return]


def _entries(d: dict[str, list[str]]) -> dict[str, Entry]:
    return {k.lower(): (v[0], v[1]) for k, v in d.items()}


def _words_re(words: list[str] | tuple[str, ...]) -> re.Pattern[str] | None:
    if not words:
        return None
    alts = sorted((re.escape(w).replace(r"\ ", r"\s+") for w in words), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(alts) + r")(?![\w-])", re.I)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    t = _read("triggers.yaml")
    r = _read("roles.yaml")
    instruments = tuple(
        (
            cls.split(":")[0],  # "shelling:heavy": a second, earlier list for the same class
            # whole words, not the tail of a hyphenated one ("anti-aircraft guns" are no aircraft),
            # nor the name of an agency ("the Air Force Intelligence" is no air strike)
            re.compile(
                r"(?<![\w-])(?:"
                + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
                + r")(?![\w-])(?!\s+intelligence)",
                re.I,
            ),
        )
        for cls, words in t["instruments"].items()
    )
    kinds = {w.lower(): kind for kind, words in r["kinds"].items() for w in words}
    # the events' own table ("afghan", "afghanistan"), then every country's demonyms of the
    # actors' table ("Greek coast guard", "a Dutch warship")
    demonyms = {k.lower(): v for k, v in r["demonyms"].items()}
    countries = country_table()
    for cc, words in load_demonyms().items():
        for word in words:
            if cc in countries:
                demonyms.setdefault(word.lower(), countries[cc])
    dem_finder = PhraseFinder(demonyms, before=r"[\w.]")  # not "U.S." read inside "A.U.S."
    verbs, phrasal, objects = _entries(t["verbs"]), _entries(t["phrasal"]), _entries(t["objects"])
    noun_verbs = _entries(t.get("noun_verbs") or {})
    return Lexicon(
        verbs=verbs,
        phrasal=phrasal,
        noun_verbs=noun_verbs,
        objects=objects,
        nouns=_entries(t["nouns"]),
        standalone=frozenset(t["standalone_nouns"]),
        instruments=instruments,
        speech=frozenset(t["speech_verbs"]),
        kinds=kinds,
        police_markers=frozenset(r["police_markers"]),
        collectives=frozenset(r.get("collectives", ())),
        report_verbs=frozenset(t.get("report_verbs", ())),
        join_verbs=frozenset(t.get("join_verbs", ())),
        find_verbs=frozenset(t.get("find_verbs", ())),
        discovery_verbs=frozenset(t.get("discovery_verbs", ())),
        toll_verbs=frozenset(t.get("toll_verbs", ())),
        foil_verbs=frozenset(t.get("foil_verbs", ())),
        plot_words=frozenset(t.get("plot_words", ())),
        tripped_verbs=frozenset(t.get("tripped_verbs", ())),
        weapon_verbs=frozenset(t.get("weapon_verbs", ())),
        weapon_objects=frozenset(t.get("weapon_objects", ())),
        presence_verbs=frozenset(t.get("presence_verbs", ())),
        damage_verbs=frozenset(t.get("damage_verbs", ())),
        witness_verbs=frozenset(t.get("witness_verbs", ())),
        chronic_verbs=frozenset(t.get("chronic_verbs", ())),
        presence_objects=frozenset(t.get("presence_objects", ())),
        weapon_modifiers=frozenset(t.get("weapon_modifiers", ())),
        armed_object_verbs=frozenset(t.get("armed_object_verbs", ())),
        harm_states=frozenset(t.get("harm_states", ())),
        doer_acts=frozenset(t.get("doer_acts", ())),
        setting_verbs=frozenset(t.get("setting_verbs", ())),
        state_verbs=frozenset(t.get("state_verbs", ())),
        undergo_phrases=frozenset(t.get("undergo_phrases", ())),
        carry_verbs=frozenset(t.get("carry_verbs", ())),
        armed_objects=frozenset(t.get("armed_objects", ())),
        agent_verbs=frozenset(t.get("agent_verbs", ())),
        object_verbs=frozenset(t.get("object_verbs", ())),
        natural_causes=frozenset(t.get("natural_causes", ())),
        remains=frozenset(t.get("remains_nouns", ())),
        remains_titles=frozenset(t.get("remains_titles", ())),
        projectile_verbs=frozenset(t.get("projectile_verbs", ())),
        nonstate_markers=frozenset(r.get("nonstate_markers", ())),
        former_title_words=frozenset(r.get("former_title_words", ())),
        ruler_words=frozenset(r.get("ruler_words", ())),
        armed_collectives=frozenset(r.get("armed_collectives", ())),
        armed_markers=frozenset(r.get("armed_markers", ())),
        act_modifier_kinds={str(k).lower(): str(v) for k, v in (r.get("act_modifier_kinds") or {}).items()},
        thrown_weapons=frozenset(t.get("thrown_weapons", ())),
        tallied_fire=frozenset(t.get("tallied_fire", ())),
        victims=frozenset(w.lower() for w in r.get("victims", ())),
        people_words=frozenset(w.lower() for w in r.get("people_words", ())),
        delivery_verbs=frozenset(t.get("delivery_verbs", ())),
        boycott_verbs=frozenset(t.get("boycott_verbs", ())),
        clause_accuse_verbs=frozenset(t.get("clause_accuse_verbs", ())),
        accused_of_verbs=frozenset(t.get("accused_of_verbs", ())),
        punished_for_verbs=frozenset(t.get("punished_for_verbs", ())),
        stoppage_verbs=frozenset(t.get("stoppage_verbs", ())),
        reflexive_protest_verbs=frozenset(t.get("reflexive_protest_verbs", ())),
        market_subjects=frozenset(t.get("market_subjects", ())),
        warring_modifiers=frozenset(w.lower() for w in r.get("warring_modifiers", ())),
        group_anaphors=frozenset(w.lower() for w in r.get("group_anaphors", ())),
        command_nouns=frozenset(w.lower() for w in r.get("command_nouns", ())),
        breakdown_nouns=frozenset(w.lower() for w in r.get("breakdown_nouns", ())),
        street_verbs=frozenset(t.get("street_verbs", ())),
        supply_verbs=frozenset(t.get("supply_verbs", ())),
        street_nouns=frozenset(t.get("street_nouns", ())),
        gathering_cues=frozenset(t.get("gathering_cues", ())),
        place_heads=frozenset(t.get("place_heads", ())),
        crowd_subjects=frozenset(t.get("crowd_subjects", ())),
        occupy_verbs=frozenset(t.get("occupy_verbs", ())),
        walkout_phrases=frozenset(t.get("walkout_phrases", ())),
        trial_prefixes=frozenset(t.get("trial_prefixes", ())),
        objectless_verbs=frozenset(t.get("objectless_verbs", ())),
        led_verbs=frozenset(t.get("led_verbs", ())),
        agreed_acts=frozenset(t.get("agreed_acts", ())),
        agreed_parties=frozenset(t.get("agreed_parties", ())),
        game_verbs=frozenset(t.get("game_verbs", ())),
        other_event_nouns=frozenset(t.get("other_event_nouns", ())),
        flight_verbs=frozenset(t.get("flight_verbs", ())),
        purpose_heads=frozenset(t.get("purpose_heads", ())),
        accident_causes=frozenset(t.get("accident_causes", ())),
        accident_vehicles=frozenset(t.get("accident_vehicles", ())),
        accident_verbs=frozenset(t.get("accident_verbs", ())),
        criticized_objects=frozenset(t.get("criticized_objects", ())),
        levels_reached=frozenset(t.get("levels_reached", ())),
        critic_subjects=frozenset(t.get("critic_subjects", ())),
        critic_harm_verbs=frozenset(t.get("critic_harm_verbs", ())),
        abstract_foes=frozenset(t.get("abstract_foes", ())),
        clan_particles=frozenset(t.get("clan_particles", ())),
        stray_fire=frozenset(t.get("stray_fire", ())),
        ground_force_heads=frozenset(t.get("ground_force_heads", ())),
        object_control_verbs=frozenset(t.get("object_control_verbs", ())),
        causer_complements=frozenset(t.get("causer_complements", ())),
        background_modifiers=frozenset(t.get("background_modifiers", ())),
        reciprocal_verbs=frozenset(t.get("reciprocal_verbs", ())),
        noise_objects=frozenset(t.get("noise_objects", ())),
        signed_papers=frozenset(t.get("signed_papers", ())),
        onset_nouns=_entries(t.get("onset_nouns") or {}),
        onset_verbs=frozenset(t.get("onset_verbs", ())),
        occupiers=frozenset(t.get("occupiers", ())),
        return_verbs=frozenset(t.get("return_verbs", ())),
        returnee_subjects=frozenset(t.get("returnee_subjects", ())),
        party_nouns=frozenset(r.get("party_nouns", ())),
        government_titles=frozenset(r.get("government_titles", ())),
        envoy_titles=frozenset(r.get("envoy_titles", ())),
        leader_heads=frozenset(r.get("leader_heads", ())),
        gang_countries=frozenset(r.get("gang_countries", ())),
        doer_verbs=frozenset(r.get("doer_verbs", ())),
        doer_preps={str(k): str(v) for k, v in (r.get("doer_preps") or {}).items()},
        claim_objects=frozenset(r.get("claim_objects", ())),
        blame_verbs=frozenset(r.get("blame_verbs", ())),
        host_verbs=frozenset(r.get("host_verbs", ())),
        war_strike_nouns=frozenset(t.get("war_strike_nouns", ())),
        walkout_marks=frozenset(t.get("walkout_marks", ())),
        strike_target_preps=frozenset(t.get("strike_target_preps", ())),
        strike_harm_preps=frozenset(t.get("strike_harm_preps", ())),
        fire_nouns=frozenset(t.get("fire_nouns", ())),
        takeover_verbs=frozenset(t.get("takeover_verbs", ())),
        party_anaphors=frozenset(r.get("party_anaphors", ())),
        doer_anaphors=frozenset(r.get("doer_anaphors", ())),
        unknown_doer_modifiers=frozenset(r.get("unknown_doer_modifiers", ())),
        reprisal_nouns=frozenset(r.get("reprisal_nouns", ())),
        state_army_words=frozenset(r.get("state_army_words", ())),
        weapon_remnants=frozenset(r.get("weapon_remnants", ())),
        militia_heads=frozenset(r.get("militia_heads", ())),
        herder_heads=frozenset(r.get("herder_heads", ())),
        faction_heads=frozenset(r.get("faction_heads", ())),
        armed_name_heads=frozenset(r.get("armed_name_heads", ())),
        civilian_places=frozenset(r.get("civilian_places", ())),
        armed_places=frozenset(r.get("armed_places", ())),
        identity_markers={str(k).lower(): str(v) for k, v in (r.get("identity_markers") or {}).items()},
        ethnic_groups={str(w).lower(): str(w) for w in r.get("ethnic_groups", ())},
        gang_hallmarks=_words_re(r.get("gang_hallmarks", ())),
        drug_words=_words_re(r.get("drug_words", ())),
        demonyms=demonyms,
        demonym_finder=dem_finder,
        verb_heads=frozenset(
            [*verbs, *(k.split()[0] for k in [*phrasal, *objects]), *(k.split()[1] for k in noun_verbs),
             *t.get("find_verbs", ()), *t.get("join_verbs", ()),
             *t.get("projectile_verbs", ()), *t.get("street_verbs", ()), *t.get("reflexive_protest_verbs", ()),
             *t.get("stoppage_verbs", ()),
             *(k.split()[0] for k in t.get("walkout_phrases", ())), *t.get("clause_accuse_verbs", ()), *t.get("delivery_verbs", ())]
        ),
    )


def people_word(word: str) -> bool:
    """A word for a person or people ("villagers", "a thief", "hostages"), lower-cased."""
    lex = lexicon()
    return word in lex.people_words or word in lex.breakdown_nouns or word in lex.victims
