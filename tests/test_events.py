"""Event extraction on composed sentences, through the real pipeline (tests/data/events_cases.yaml)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from sitrep.analyze import analyze
from sitrep.analyze import model as analyze_model
from sitrep.extract.events.fatalities import count
from sitrep.model import Document, Event

CASES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "data" / "events_cases.yaml").read_text()
)


def _events(text: str) -> tuple[Document, list[Event]]:
    doc = Document(id="t", text=text, published="2023-01-01")
    return doc, next(analyze([doc])).events


def _pick(events: list[Event], pick: str | None) -> Event:
    if pick:
        found = [e for e in events if pick.lower() in e.trigger.lower()]
        assert found, f"no event with trigger {pick!r}: {[e.trigger for e in events]}"
        return found[0]
    coded = [e for e in events if e.acled_event_type]
    return coded[0] if coded else events[0]


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:60] for c in CASES])
def test_case(case: dict[str, Any]) -> None:
    doc, events = _events(case["text"])
    for ev in events:
        for m in ev.mentions:
            assert doc.text[m.start : m.end] == m.text
    if case.get("no_acled"):
        assert not [e for e in events if e.acled_event_type], [
            e.summary for e in events if e.acled_event_type
        ]
    if "coded_events" in case:  # one act told twice ("fired tear gas to disperse") is one event
        assert len([e for e in events if e.acled_event_type]) == case["coded_events"], [e.trigger for e in events]
    if "no_trigger" in case:  # words that tell no act here ("accused them of stealing")
        assert not [e for e in events if case["no_trigger"] in e.trigger.lower()], [e.trigger for e in events]
    if "events" in case:  # every event, coded or not: no act of the incident left as one of its own
        assert len(events) == case["events"], [e.trigger for e in events]
    want = case.get("expect")
    if not want:
        return
    assert events, "no event found"
    ev = _pick(events, case.get("pick"))
    got = ev.to_json()
    checks = {
        "plover": "plover_type",
        "acled": "acled_event_type",
        "sub": "acled_sub_event_type",
        "status": "status",
        "fatalities": "fatalities",
        "qualifier": "fatalities_qualifier",
        "date": "date",
    }
    for key, field in checks.items():
        if key in want:
            assert got[field] == want[key], f"{key}: got {got[field]!r} want {want[key]!r} ({ev.summary})"
    for key in ("actor1", "actor2"):
        if key in want and want[key] is None:  # no such party
            assert got[key] is None, f"{key}: got {got[key]!r} want none"
        elif key in want:
            name = (got[key] or {}).get("name") or ""
            assert want[key] in name.lower(), f"{key}: got {name!r} want {want[key]!r}"
    for key in ("actor1", "actor2"):
        if f"not_{key}" in want:  # a party the event must not have
            assert want[f"not_{key}"] not in ((got[key] or {}).get("name") or "").lower(), got[key]
    if "admin1" in want:
        assert (got["location"] or {}).get("admin1") == want["admin1"], got["location"]
    if "location" in want:
        assert (got["location"] or {}).get("name") == want["location"], got["location"]
    if "not_location" in want:  # a place the event must not be given
        assert (got["location"] or {}).get("name") != want["not_location"], got["location"]
    for key in ("country", "geo_precision"):
        if key in want:
            assert (got["location"] or {}).get(key) == want[key], got["location"]
    if "summary_starts" in want:
        assert ev.summary.startswith(want["summary_starts"]), ev.summary


def test_case_count() -> None:
    assert len(CASES) >= 100


@pytest.mark.parametrize(
    ("text", "value", "qualifier"),
    [
        ("killing at least 20 members of the security forces", 20, "at least"),
        ("at least 25 members of the forces and five civilians were killed in the city", 30, "at least"),
        ("three U.S. service members were killed this week by a roadside bomb", 3, "exact"),
        ("killing four civilians and wounding 12", 4, "exact"),
        ("12 people were wounded", None, None),
        ("killing and wounding hundreds of troops", None, None),
        ("20 people were killed or injured", None, None),
        ("dozens of people were killed", None, "at least"),
        ("the attack left 7 dead and 15 injured", 7, "exact"),
        ("a policeman was killed", 1, "exact"),
        ("no one was killed in the blast", 0, "exact"),
        ("the death toll rose to 45", 45, "exact"),
        ("more than 100 people died", 100, "more than"),
        ("killing 5 people in 2019", 5, "exact"),
        ("clashed with troops, resulting in 2 soldiers killed and 3 civilians wounded", 2, "exact"),
        ("killed in 3 attacks", None, None),
        ("killing 12 soldiers and displacing 300 families", 12, "exact"),
        ("the strike killed 40 people and forced 2,000 to flee", 40, "exact"),
        ("killed four and left 20 missing", 4, "exact"),
        # one person named in the sentence before: "... shot a taxi driver. The driver died."
        ("The driver died in hospital", 1, "exact"),
        ("The wounded officer was later killed", 1, "exact"),
        ("The soldiers died in the ambush", None, None),
        # one victim named by the verb's object or a longer subject
        ("gunmen assassinated a district official near the market", 1, "exact"),
        ("a local leader of the farmers' union was stabbed to death by two men", 1, "exact"),
        ("armed men broke into a shop and shot dead the owner", 1, "exact"),
        ("police clashed with a suspect, killing the man", 1, "exact"),
        ("the clash led to the death of a bystander", 1, "exact"),
        ("a guard beat a trader to death at the gate", 1, "exact"),
        ("police killed the robbers", None, None),
        ("a farmer's body was found by the river, killed by unknown gunmen", 1, "exact"),
        ("a detainee from the eastern province died as a result of torture", 1, "exact"),
        ("soldiers detained and tortured a shepherd to death", 1, "exact"),
        ("a guard fatally shot a customer at the gate", 1, "exact"),
        ("gunmen shot a trader, resulting in his death", 1, "exact"),
        ("a group of fishermen died at sea", None, None),
        # two victims named one by one
        ("a teacher and his son were shot dead on the road", 2, "exact"),
        ("soldiers fired on a car, killing a woman and her daughter", 2, "exact"),
        # a dateline's day is no count; a killing only tried is no death
        ("GAO, June 4 - At least five soldiers died when their truck hit a mine", 5, "at least"),
        ("men on motorbikes tried to kill a village chief", None, None),
        # killing told by other verbs of wire copy: "shooting dead", "gunned down", "stabbed to death"
        ("raiders looted the shops, shooting dead four herders", 4, "exact"),
        ("two guards were gunned down outside the bank", 2, "exact"),
        ("the attackers gunned down a village elder", 1, "exact"),
        ("militiamen stabbed to death three fishermen near the lake", 3, "exact"),
        ("a court sentenced 3 men to death", None, None),
        # victims listed after the kill verb: each person one, each count its number
        ("the mine killed a herder and two of his sons", 3, "exact"),
        ("the ambush killed six rangers and their guide", 7, "exact"),
        ("killing at least four pilgrims and a guard", 5, "at least"),
        ("gunmen killed two guards and a week later raided a bank", 2, "exact"),
        # a count and one more person before the passive verb; goods taken beside a killing are no toll
        ("three bandits and a vigilante were killed in the exchange", 4, "exact"),
        ("raiders took 50 camels from the herders before killing a boy", 1, "exact"),
        ("the operation resulted in 8 fighters dead and 4 captured", 8, "exact"),
        # a range is coded by its lowest number; an age is no count; a family by its number
        ("gunmen fired on the bus, killing between three and five passengers", 3, "at least"),
        ("the raid killed 6 to 9 villagers", 6, "at least"),
        ("the clash resulted in 2 militant and 1 police fatality", 3, "exact"),
        ("a 52-year-old shepherd died when a mine exploded", 1, "exact"),
        ("the strike killed a family of four in their home", 4, "exact"),
        ("a guard shot a man at the gate, and the man later died in hospital", 1, "exact"),
        # the other kill verbs before their victims' count, and harm "to death" around it
        ("raiders burned the huts, beheading three herders", 3, "exact"),
        ("the gang murdered two traders near the market", 2, "exact"),
        ("a mob lynched four suspected cattle thieves", 4, "exact"),
        ("the attackers hacked six villagers to death with machetes", 6, "exact"),
        ("took the base, killing nine guards and taking 14 prisoners", 9, "exact"),
        ("the raid killed four people, bringing the death toll this week to 31", 4, "exact"),
        ("soldiers beat at least two detainees to death", 2, "at least"),
        ("police beat two protesters with batons", None, None),
        # a kill word in quotation marks, and weapons made harmless (no dead)
        ('the army said its jets had "neutralised" about 30 fighters', 30, "about"),
        ("engineers neutralised 12 explosive devices on the road", None, None),
        # who a count is, told one by one after it, is the same dead; a list of other people adds
        ("the shelling killed two civilians, a man and a woman, and damaged a clinic", 2, "exact"),
        ("the blast killed three people, two women and a child", 3, "exact"),
        ("Two herders, a boy and his father, died in the air raid", 2, "exact"),
        ("gunmen killed two soldiers, a policeman and a civilian", 4, "exact"),
        ("gunmen killed two men, a woman and three children", 6, "exact"),
        # a count of the acts before a kill participle is no toll; "her two children" are two
        ("jets carried out 12 air strikes on the town, killing a woman and her two children", 3, "exact"),
        # a time of day is no count of the dead
        ("the jet struck at around 10 a.m., a farmer who helped bury the dead said", None, None),
        ("the shells landed at 06:45, a man who saw the dead said", None, None),
        ("the shells landed at 0645 GMT and killed five", 5, "exact"),
        # "all" before the count
        ("security forces killed all 11 militants in the ensuing gunfight", 11, "exact"),
    ],
)
def test_fatalities(text: str, value: int | None, qualifier: str | None) -> None:
    got = count(text)
    assert (got.value, got.qualifier) == (value, qualifier)


def test_two_events_in_one_sentence() -> None:
    _, events = _events(
        "The Taliban announced an offensive on Friday, calling on soldiers to abandon the government."
    )
    assert {e.plover_type for e in events} >= {"MOBILIZE", "REQUEST"}


def test_unidentified_perpetrator_never_guessed() -> None:
    _, events = _events("On 3 May 2021, a roadside bomb killed four soldiers in Helmand province.")
    ev = _pick(events, None)
    assert ev.actor1 is not None and ev.actor1.name.startswith("Unidentified Armed Group")


def test_summary_has_date_only_when_known() -> None:
    doc = Document(id="u", text="Gunmen killed 10 villagers in Zamfara state on Sunday.")
    ev = _pick(next(analyze([doc])).events, None)
    assert not ev.summary.startswith("On ")


def test_a_sequence_of_actions_is_not_a_plan() -> None:
    """ "setting off a car bomb before storming the compound": "set" is a plan verb only with a
    to-infinitive ("set to attack"); here every action happened."""
    _, events = _events(
        "On 2 March 2025, al-Shabaab militants attacked an army base in Lower Shabelle, setting off a "
        "car bomb at the gate before storming the compound."
    )
    assert events and not [e for e in events if e.status in ("planned", "expected")], [
        (e.trigger, e.status) for e in events
    ]
    _, planned = _events("The militants are set to storm the compound on Friday.")
    assert [e for e in planned if e.status == "planned"]


def test_a_number_no_event_kills_is_not_its_death_toll() -> None:
    from sitrep.extract.events.fatalities import MAX_EVENT_DEATHS

    assert count("the war has killed more than 2,000,000 people").value is None
    assert count("gunmen attacked the village, killing seventy thousand million billion people").value is None
    assert count(f"the blast killed {MAX_EVENT_DEATHS:,} people").value == MAX_EVENT_DEATHS


def test_peaceful_protest_has_no_second_actor() -> None:
    """ACLED codes a peaceful protest with the protesters alone, not whom they protest against."""
    _, events = _events("On 13 March 2021, hundreds of nurses protested against the health ministry in Harare.")
    ev = _pick(events, None)
    assert ev.acled_sub_event_type == "Peaceful protest"
    assert ev.actor1 is not None and ev.actor1.name == "Protesters (Zimbabwe)"
    assert ev.actor2 is None


def test_time_words_of_an_inner_clause_do_not_make_a_series() -> None:
    """"since the past months" belongs to the grievance, not to the protest."""
    _, events = _events(
        "On 14 March 2021, miners held a protest in Ndola because the company has not paid them since the past"
        " four months."
    )
    assert [e.acled_sub_event_type for e in events if e.acled_event_type] == ["Peaceful protest"]
    _, events = _events("Miners in Ndola have protested repeatedly over the past four months.")
    assert not [e for e in events if e.acled_event_type]


def test_a_shelled_village_where_no_one_was_hurt_names_no_civilians() -> None:
    """ACLED codes Civilians as the target of remote violence only when people were hurt."""
    _, events = _events("On 7 March 2021, army artillery shelled the village of Kafr Nabl in Idlib. No injuries were reported.")
    ev = _pick(events, None)
    assert ev.acled_sub_event_type == "Shelling/artillery/missile attack"
    assert ev.actor2 is None
    _, events = _events("On 7 March 2021, army artillery shelled the village of Kafr Nabl in Idlib, wounding two children.")
    ev = _pick(events, None)
    assert ev.actor2 is not None and ev.actor2.name.startswith("Civilians")


def test_a_claim_by_an_unarmed_party_names_no_doer() -> None:
    """Only an armed party that claims an attack becomes its doer."""
    _, events = _events(
        "On 9 July 2021, an explosive device hit a police vehicle in Mogadishu. The ministry claimed responsibility"
        " for the response."
    )
    ev = _pick(events, None)
    assert ev.actor1 is not None and ev.actor1.name.startswith("Unidentified Armed Group")


def test_a_scene_set_on_a_day_dates_the_next_sentences() -> None:
    """"On 9 May, police raided ..." reports no event itself, yet dates the shoot-out it leads to;
    a day that dates a saying does not date what follows."""
    text = ("On 4 June 2022, soldiers searched houses in Bama, Borno state. A gunfight broke out and three "
            "suspected insurgents were killed.\n\n"
            "On 6 June 2022 the army said it had opened an inquiry. Gunmen attacked a market in Gusau, "
            "Zamfara state, killing four traders.\n")  # fmt: skip
    _, events = _events(text)
    fight = _pick(events, "gunfight")
    assert fight.date.date == "2022-06-04"
    assert [c[2] for c in fight.date.cited] == ["narrative date"]
    market = next(e for e in events if "Gusau" in e.summary)
    assert market.date.date is None


def test_an_arrest_told_right_after_a_clash_is_part_of_it() -> None:
    _, events = _events(
        "On 11 June 2021, soldiers clashed with FARC dissidents near Puerto Carreno, Vichada. "
        "A dissident commander was arrested."
    )
    coded = [(e.trigger, e.acled_event_type) for e in events if e.acled_event_type]
    assert coded == [("clashed", "Battles")], coded
    arrest = next(e for e in events if "arrested" in e.trigger)
    assert arrest.plover_type == "COERCE" and "acled_event_type" not in arrest.evidence
    # on its own, the arrest is a strategic development
    _, alone = _events("On 11 June 2021, police arrested a FARC dissident commander in Puerto Carreno, Vichada.")
    assert [e.acled_sub_event_type for e in alone if e.acled_event_type] == ["Arrests"]


def test_an_arrest_or_a_patrol_that_leads_into_violence_is_part_of_it() -> None:
    """An arrest, or a patrol, told just before the violence it leads into on the same day is the
    violence's incident: the development keeps its PLOVER event but no ACLED type."""
    _, events = _events("On 12 March 2022, gendarmes detained and whipped a fisherman in Kribi.")
    coded = [(e.trigger, e.acled_event_type) for e in events if e.acled_event_type]
    assert coded == [("whipped", "Violence against civilians")], coded
    _, events = _events(
        "On 12 March 2022, soldiers were patrolling near Beni when rebels ambushed them. The soldiers fired back."
    )
    coded = {e.acled_event_type for e in events if e.acled_event_type}
    assert coded == {"Battles"}, coded
    # an arrest on another day than the violence told next stays a development of its own
    _, events = _events(
        "On 12 March 2022, police arrested a teacher in Kribi. On 14 March 2022, gunmen shot a trader in Kribi."
    )
    assert {e.acled_sub_event_type for e in events if e.acled_event_type} == {"Arrests", "Attack"}
    # a weapon intercepted is the development itself, not a sequel of the fire it stopped
    _, events = _events("On 12 March 2022, air defences intercepted a missile fired by the rebels over Marib.")
    assert "Disrupted weapons use" in {e.acled_sub_event_type for e in events}


def test_a_bus_station_is_not_an_armed_target() -> None:
    """A station is a post of armed forces only as a police, army or military station."""
    _, events = _events("A grenade attack on a bus station in Nairobi injured 12 people on 7 June 2021.")
    coded = [e for e in events if e.acled_event_type]
    assert coded and all(e.actor2 is None or "Forces" not in e.actor2.name for e in coded)
    _, events = _events("Militants attacked a police station in Nairobi on 7 June 2021, wounding two officers.")
    coded = [e for e in events if e.acled_event_type]
    assert coded and coded[0].acled_event_type == "Battles"


def test_an_event_told_as_a_background_ranks_below_the_sentence_event() -> None:
    """A kidnapping told in a relative clause about the protesters is a background to the sit-in
    the sentence reports: the sit-in is the likelier event."""
    _, events = _events(
        "On 8 May 2021, families who say their sons were abducted by the rebels years ago held a sit-in "
        "protest in front of the governor's office in Diyarbakir."
    )
    best = max((e for e in events if e.acled_event_type), key=lambda e: e.confidence)
    assert best.acled_event_type == "Protests"


def test_what_the_subject_says_happened_ranks_below_what_it_does() -> None:
    """The parser reads "parents who claim their daughters have been kidnapped ... continued their
    hunger strike" with the kidnapping as the root: it is still what the relative clause says, a
    background to the strike (and the sentence's date dates the strike)."""
    _, events = _events(
        "On 9 June 2021, parents who claim their daughters have been kidnapped by militants continued "
        "their hunger strike outside the parliament in Ankara."
    )
    best = max((e for e in events if e.acled_event_type), key=lambda e: e.confidence)
    assert best.acled_event_type == "Protests", [(e.trigger, e.confidence) for e in events]
    # told as the sentence's own act, the kidnapping is the event
    _, events = _events("On 9 June 2021, militants kidnapped two girls near Ankara.")
    assert [e.acled_event_type for e in events if e.acled_event_type] == ["Violence against civilians"]


@pytest.mark.parametrize(
    ("clause", "weapon"),
    [
        ("militants threw two grenades at the checkpoint", "grenade"),
        # weapons told as taken are not the incident's weapon
        ("one suspect died and officers seized a rifle and three grenades", None),
        ("gunmen fired on the convoy and troops later recovered an unexploded mortar round", None),
    ],
)
def test_the_weapon_is_not_a_weapon_taken(clause: str, weapon: str | None) -> None:
    from sitrep.extract.events.acled_rules import instrument_of

    assert instrument_of(clause) == weapon


def test_a_place_read_only_after_from_is_an_origin() -> None:
    from sitrep.extract.events import _origin_only
    from sitrep.model import Location

    text = "On Monday 90 migrants returned from Peru to Caracas."
    peru = text.index("Peru")
    origin = Location(name="Peru", country="Peru", geo_precision=3).citing((peru, peru + 4, None))
    assert _origin_only(text, origin)
    text = "On Monday 90 migrants gathered in Peru."
    peru = text.index("Peru")
    here = Location(name="Peru", country="Peru", geo_precision=3).citing((peru, peru + 4, None))
    assert not _origin_only(text, here)
    assert not _origin_only(text, Location(name="Peru", country="Peru", geo_precision=3))  # no words cited


@pytest.mark.parametrize(
    ("purpose", "protest"),
    [("to pressure the government", True), ("to file a petition", True), ("to watch the parade", False)],
)
def test_a_gathering_to_press_a_grievance_is_a_protest(purpose: str, protest: bool) -> None:
    _, events = _events(f"On 30 April 2021, a large crowd gathered outside the finance ministry in Bangkok {purpose}.")
    protests = [e for e in events if e.acled_event_type == "Protests"]
    assert bool(protests) is protest


def test_an_armed_man_shot_after_a_forces_operation_was_shot_by_that_force() -> None:
    text = (
        "On 7 June 2021, police launched a sweep for drug dealers in Mathare, Nairobi. "
        "One suspect was hit by gunfire and died."
    )
    _, events = _events(text)
    clash = next(e for e in events if e.acled_sub_event_type == "Armed clash")
    assert clash.actor1 is not None and clash.actor1.name.startswith("Police Forces of Kenya")
    _, events = _events("On 7 June 2021, in Mathare, Nairobi, one suspect was hit by gunfire and died.")  # no operation told
    clash = next(e for e in events if e.acled_sub_event_type == "Armed clash")
    assert clash.actor1 is not None and clash.actor1.name.startswith("Unidentified")


def test_civilians_who_fled_after_a_gunfight_did_not_fight_in_it() -> None:
    _, events = _events("On 9 March 2024, villagers fled Tsafe, Zamfara, after a gunfight with bandits.")
    fight = next(e for e in events if e.acled_event_type == "Battles")
    assert not [e for e in events if e.acled_event_type == "Riots"]
    assert fight.actor1 is None or "civilians" not in fight.actor1.name.lower()


def test_an_acronym_written_as_a_function_word_is_read_as_a_name() -> None:
    # "IS" (the group) parsed as the verb "is" left its sentence without a subject; the verb
    # itself, in lower case, stays a verb
    model = analyze_model()
    group = model("IS claimed the attack on a checkpoint in Tikrit.")
    assert group[0].text == "IS" and group[0].pos_ != "AUX" and group[0].dep_ == "nsubj"
    verb = model("The road to Tikrit is open.")
    assert verb[4].text == "is" and verb[4].pos_ == "AUX"
