"""PLOVER modes, and statements and verbal events of the same words linked as one act (composed
sentences; see docs/events.md, "PLOVER types of political events")."""

from __future__ import annotations

import pytest

from sitrep.analyze import analyze
from sitrep.extract.speech_link import intent_for
from sitrep.model import Document, Event, Statement


def _analyze(text: str) -> tuple[Document, list[Event], list[Statement]]:
    doc = Document(id="t", text=text, published="2024-03-01")
    a = next(analyze([doc]))
    return doc, a.events, a.statements


def _event(events: list[Event], plover: str) -> Event:
    found = [e for e in events if e.plover_type == plover]
    assert found, [(e.plover_type, e.trigger) for e in events]
    return found[0]


@pytest.mark.parametrize(
    ("text", "plover", "mode"),
    [
        ("The rebels released nine aid workers on Sunday, a mediator said.", "RETREAT", "release"),
        ("The kidnappers handed over four hostages to the Red Cross in Gao on Friday.", "RETREAT", "release"),
        ("Burkina Faso ordered the Norwegian ambassador to leave the country on Monday.", "SANCTION", "expel"),
        ("The king declared martial law in the capital on Saturday.", "COERCE", "martial-law"),
        ("The defence minister resigned on Friday over the procurement scandal.", "RETREAT", "resign"),
        ("Belgium recalled its ambassador from Kinshasa on Tuesday.", "SANCTION", "withdraw"),
        ("A military tribunal convicted six officers of treason on Monday.", "SANCTION", "convict"),
        ("Dockworkers went on strike at the port of Mombasa on Monday.", "PROTEST", "strike"),
        ("Bus drivers walked off the job in Accra on Monday over unpaid wages.", "PROTEST", "strike"),
        ("The Greek foreign ministry condemned the arrest of the mayor.", "ACCUSE", "disapprove"),
        ("Prosecutors opened an investigation into the deaths of the miners.", "ACCUSE", "investigate"),
        ("The militia threatened to attack the airport if the talks failed.", "THREATEN", "violence"),
        ("The Chilean president spoke by phone with his Peruvian counterpart on Sunday.", "CONSULT", "phone"),
        ("Police detained the editor of the newspaper on Thursday.", "COERCE", "arrest"),
        ("The authorities cut internet access in the northern provinces on Friday.", "COERCE", "withhold"),
    ],
)  # fmt: skip
def test_mode_from_the_codebook_table(text: str, plover: str, mode: str) -> None:
    doc, events, _ = _analyze(text)
    ev = _event(events, plover)
    assert ev.plover_mode == mode
    words = ev.evidence["plover_mode"]
    assert words and all(doc.text[w.start : w.end] == w.text for w in words)


def test_no_mode_where_the_codebook_has_none() -> None:
    _, events, _ = _analyze("Norway donated $20 million to the relief effort in Gaza on Monday.")
    ev = _event(events, "AID")
    assert ev.plover_mode is None
    assert "plover_mode" not in ev.evidence  # an empty field has no evidence key


def test_the_mode_is_exported() -> None:
    _, events, _ = _analyze("The rebels released nine aid workers on Sunday, a mediator said.")
    assert _event(events, "RETREAT").to_json()["plover_mode"] == "release"


def test_statement_and_event_of_the_same_words_name_each_other() -> None:
    _, events, statements = _analyze("Lithuania accused Minsk of orchestrating the migrant crossings on its border.")
    ev = _event(events, "ACCUSE")
    st = next(s for s in statements if ev.id in s.event_ids)
    assert st.id in ev.statement_ids
    assert st.intent == "accuse"
    assert st.speaker_actor is not None and ev.actor1 is not None
    assert st.speaker_actor.name == ev.actor1.name
    assert st.to_json()["event_ids"] == [ev.id]


def test_an_act_inside_a_quote_is_content_not_the_statement() -> None:
    # the reporting verb is "said": the demand inside the quote is the statement's content
    _, events, statements = _analyze("A spokesman said the army had withdrawn from the border town on Friday.")
    for st in statements:
        for ev in events:
            assert ev.id not in st.event_ids or ev.plover_type in ("REQUEST", "ACCUSE", "REJECT", "THREATEN")


def test_a_statement_without_an_event_of_its_words_names_none() -> None:
    _, _, statements = _analyze('"We will not be intimidated," the mayor said on Monday.')
    assert statements and all(st.event_ids == [] for st in statements)
    assert all("event_ids" in st.to_json() for st in statements)


@pytest.mark.parametrize(
    ("plover", "trigger", "current", "want"),
    [
        ("THREATEN", "warned", "warn", "warn"),  # agrees: kept
        ("THREATEN", "vowed", "pledge", "pledge"),  # a vow to attack is a pledge and a threat
        ("REQUEST", "urged", "other", "appeal"),  # the reporting verb's own intent
        ("REJECT", "vetoed", "other", "reject"),  # a verb the statement lexicon lacks: the type's intent
        ("ACCUSE", "denounced", "claim", "accuse"),
        ("MOBILIZE", "announced", "announce", "announce"),  # no statement act: unchanged
        ("SUPPORT", "welcomed", "accuse", "other"),  # a conflict intent the event contradicts
    ],
)  # fmt: skip
def test_intent_is_read_from_the_event_type(plover: str, trigger: str, current: str, want: str) -> None:
    assert intent_for(plover, trigger, current) == want


def test_willingness_to_cooperate_is_agree() -> None:
    _, events, _ = _analyze("The Houthis said they were willing to negotiate with Riyadh over the prisoners.")
    ev = _event(events, "AGREE")
    assert ev.actor1 is not None


def test_a_capital_that_acts_is_its_government() -> None:
    _, events, _ = _analyze("Tehran denounced the new sanctions as economic terrorism on Saturday.")
    ev = _event(events, "ACCUSE")
    assert ev.actor1 is not None and ev.actor1.name == "Government of Iran"


def test_readiness_to_fight_is_a_threat_not_a_battle() -> None:
    _, events, _ = _analyze("The navy said on Monday it was ready to fight any intruder in the strait.")
    ev = _event(events, "THREATEN")
    assert ev.status == "threatened"
    assert ev.acled_event_type is None


def test_a_country_named_without_an_entity_tag_is_its_government() -> None:
    _, events, _ = _analyze("Belarus freed nine political prisoners on Wednesday.")
    ev = _event(events, "RETREAT")
    assert ev.actor1 is not None and ev.actor1.name == "Government of Belarus"


def test_the_head_of_an_organisation_speaks_for_it() -> None:
    _, events, _ = _analyze("The chairman of the African Union Commission visited Khartoum on Tuesday.")
    ev = _event(events, "CONSULT")
    assert ev.actor1 is not None and "African Union" in ev.actor1.name


# --- second round of political events: future meetings, refusals, visits, conditions, passives, adjectives


def _only(text: str) -> Event:
    _, events, _ = _analyze(text)
    assert events, text
    return sorted(events, key=lambda e: e.mentions[0].start)[0]


def test_a_future_meeting_is_agree() -> None:
    # codebook (CONSULT): references to future meetings and state visits are AGREE
    ev = _only("The Brazilian president will meet his Argentine counterpart in Montevideo next week.")
    assert ev.plover_type == "AGREE"
    assert _only("The Brazilian president met his Argentine counterpart in Montevideo on Monday.").plover_type == "CONSULT"
    # a meeting on a schedule the report gives, not an actor's commitment, stays a planned CONSULT
    ev = _only("Foreign ministers of the Gulf states are to meet in Riyadh next week.")
    assert (ev.plover_type, ev.status) == ("CONSULT", "planned")


def test_a_negated_acceptance_is_a_refusal() -> None:
    ev = _only("The opposition did not accept the electoral commission's timetable.")
    assert (ev.plover_type, ev.status) == ("REJECT", "occurred")
    assert _only("The opposition accepted the electoral commission's timetable.").plover_type == "AGREE"


def test_the_visitor_is_the_actor_of_a_hosted_visit() -> None:
    ev = _only("Vietnamese President To Lam hosted Indonesian President Prabowo Subianto in Hanoi on Tuesday.")
    assert ev.plover_type == "CONSULT"
    assert ev.actor1 is not None and ev.actor1.name == "Government of Indonesia"
    assert ev.actor2 is not None and ev.actor2.name == "Government of Vietnam"


def test_a_hostile_act_promised_on_a_condition_is_a_threat() -> None:
    ev = _only("Algeria said it would cut gas supplies to Spain if Madrid changed its position.")
    assert ev.plover_type == "THREATEN"


def test_an_agentless_passive_is_an_event_without_a_source() -> None:
    ev = _only("Mobile internet access was cut in three provinces on Sunday.")
    assert ev.plover_type == "COERCE" and ev.actor1 is None
    assert _only("Blankets and tents were distributed to families in the camp on Friday.").plover_type == "AID"


def test_a_government_named_by_a_multiword_adjective() -> None:
    ev = _only("The Sri Lankan government lifted the ban on the party on Tuesday.")
    assert ev.plover_type == "CONCEDE"
    assert ev.actor1 is not None and ev.actor1.name == "Government of Sri Lanka"


def test_joint_drills_are_cooperation_one_sides_drills_mobilisation() -> None:
    assert _only("Iran and Russia held joint naval drills in the Gulf of Oman.").plover_type == "COOPERATE"
    assert _only("Iran held naval drills in the Gulf of Oman on Friday.").plover_type == "MOBILIZE"


def test_a_search_that_takes_property_is_coercion() -> None:
    ev = _only("Police seized the computers of two opposition newspapers in Harare on Monday.")
    assert (ev.plover_type, ev.plover_mode) == ("COERCE", "seize")


@pytest.mark.parametrize(
    ("text", "plover", "target"),
    [
        ("Ghana and Togo reached an understanding on fishing rights after two days of talks.", "AGREE", None),
        ("The coalition partners struck a compromise on the budget on Thursday.", "AGREE", None),
        ("Nepal and Bhutan signed a pact on river transport in Thimphu.", "SUPPORT", None),
        ("Britain provided Estonia with two air defence systems last week.", "AID", "estonia"),
        ("Poland supplied Moldova with fuel during the winter.", "AID", "moldova"),
        # a sum or a package of aid is the aid, and whom it is for the recipient
        ("Norway announced $40 million in new humanitarian aid for Sudan on Friday.", "AID", "sudan"),
        ("Canada approved a fresh package of military aid for Latvia.", "AID", "latvia"),
        # weapons given to a named recipient are military aid, not shelling
        ("Germany sent artillery shells to Ukraine last month.", "AID", None),
        ("Serbia moved air defence batteries to its southern border on Monday.", "MOBILIZE", None),
        # two parties that meet as one subject: the second is the other side of the talks
        ("Kenya and Somalia held talks on their maritime border in Djibouti on Tuesday.", "CONSULT", "somalia"),
        ("Chad and Niger met in Ndjamena to discuss border security.", "CONSULT", "niger"),
        # a counterpart named by a demonym is that country's government
        ("Turkey's foreign minister held talks with his Greek counterpart in Athens on Tuesday.", "CONSULT", "greece"),
        ("The Kenyan defence minister met his Norwegian counterpart in Nairobi.", "CONSULT", "norway"),
    ],
)  # fmt: skip
def test_agreements_reached_and_aid_given_to_a_recipient(text: str, plover: str, target: str | None) -> None:
    _, events, _ = _analyze(text)
    ev = _event(events, plover)
    assert not [e for e in events if e.plover_type == "ASSAULT"]  # "struck a compromise" is no strike
    if target is not None:
        assert ev.actor2 is not None and target in ev.actor2.name.lower()


def test_a_counterpart_the_text_does_not_place_is_no_government_of_the_venue() -> None:
    _, events, _ = _analyze("The Kenyan foreign minister met her counterpart in Geneva on Monday.")
    ev = _event(events, "CONSULT")
    assert ev.actor1 is not None and ev.actor1.name == "Government of Kenya"
    assert ev.actor2 is None  # not the Government of Switzerland


def test_a_foreign_office_or_a_presidency_speaks_for_its_government() -> None:
    _, events, _ = _analyze("The Pakistani foreign office condemned the bombing of the bridge.")
    ev = _event(events, "ACCUSE")
    assert ev.actor1 is not None and ev.actor1.name == "Government of Pakistan"
    _, events, _ = _analyze("The Ghanaian presidency welcomed the release of the sailors.")
    ev = _event(events, "SUPPORT")
    assert ev.actor1 is not None and ev.actor1.name == "Government of Ghana"


def test_a_political_act_announced_is_that_act() -> None:
    _, events, _ = _analyze("Canada on Monday announced new sanctions on four militia commanders.")
    assert _event(events, "SANCTION") and not [e for e in events if e.plover_type == "MOBILIZE"]
    _, events, _ = _analyze("The interior ministry announced fresh talks with the striking miners.")
    assert _event(events, "CONSULT") and not [e for e in events if e.plover_type == "MOBILIZE"]


@pytest.mark.parametrize(
    ("text", "plover"),
    [
        ("The Ghanaian president congratulated the winner of the Liberian run-off.", "SUPPORT"),
        ("The authorities placed the former mayor under house arrest on Friday.", "COERCE"),
        ("The navy dispatched two frigates to the Gulf of Guinea to escort tankers.", "MOBILIZE"),
        ("Peru and Bolivia restored direct flights between La Paz and Lima.", "COOPERATE"),
        ("The ruling council handed power to an interim civilian cabinet on Monday.", "RETREAT"),
        ("China began naval exercises near the Paracel Islands on Tuesday.", "MOBILIZE"),
        ("Kuwait voiced solidarity with the government of Jordan after the attack.", "SUPPORT"),
        ("Canada revoked the visas of four senior judges.", "SANCTION"),
        ("Armenia raised the combat readiness of its border units.", "MOBILIZE"),
    ],
)  # fmt: skip
def test_support_arrest_deployment_cooperation_and_power_handed_over(text: str, plover: str) -> None:
    _, events, _ = _analyze(text)
    _event(events, plover)


@pytest.mark.parametrize(
    ("text", "plover"),
    [
        # sides of a conflict, however named, are participants of their agreement
        ("The warring parties reached a consensus on a prisoner swap.", "AGREE"),
        # coming to a place for talks or a visit is consultation
        ("The Turkish foreign minister arrived in Tehran for a two-day visit.", "CONSULT"),
        ("A Taliban delegation arrived in Doha on Monday for talks with US envoys.", "CONSULT"),
        # "charged that ...": an accusation; charged with batons: force
        ("The ministry charged that the rebels had used a hospital as a depot.", "ACCUSE"),
        ("Riot police charged the marchers with batons outside parliament.", "PROTEST"),
        # a boycott by workers, lawyers or students is their protest
        ("Lawyers in Karachi boycotted the courts to protest the arrest of a colleague.", "PROTEST"),
    ],
)  # fmt: skip
def test_consensus_visits_charges_and_boycotts(text: str, plover: str) -> None:
    _, events, _ = _analyze(text)
    _event(events, plover)
    if "batons" in text:
        assert not [e for e in events if e.plover_type == "ACCUSE"]



def test_a_weapon_tried_is_a_show_of_force_not_an_attack() -> None:
    _, events, _ = _analyze("Pakistan test-fired a cruise missile over the Arabian Sea on Friday.")
    assert _event(events, "MOBILIZE").acled_event_type is None
    assert not [e for e in events if e.plover_type == "ASSAULT"]


@pytest.mark.parametrize(
    "text",
    [
        "North Korea launched a ballistic missile into waters off its east coast on Monday.",
        "The navy fired two cruise missiles into the sea during a drill on Tuesday.",
    ],
)
def test_missiles_fired_into_the_sea_are_a_show_of_force(text: str) -> None:
    _, events, _ = _analyze(text)
    assert _event(events, "MOBILIZE").acled_event_type is None
    assert not [e for e in events if e.plover_type == "ASSAULT"]


def test_missiles_fired_into_the_sea_at_a_ship_are_an_attack() -> None:
    _, events, _ = _analyze("The rebels fired two missiles into the Red Sea at a cargo ship on Monday.")
    assert _event(events, "ASSAULT")


def test_captives_handed_over_are_released_not_ground_transferred() -> None:
    _, events, _ = _analyze("The police officers were handed over to a church delegation in Cauca on Tuesday.")
    ev = _event(events, "RETREAT")
    assert ev.acled_sub_event_type != "Non-violent transfer of territory"
    assert not [e for e in events if e.acled_sub_event_type == "Non-violent transfer of territory"]


def test_an_envoy_named_by_country_stands_for_the_government_sanctioned() -> None:
    _, events, _ = _analyze("Kenya expelled two Ugandan diplomats on Friday.")
    ev = _event(events, "SANCTION")
    assert ev.actor1 is not None and ev.actor1.name == "Government of Kenya"
    assert ev.actor2 is not None and ev.actor2.name == "Government of Uganda"
    _, events, _ = _analyze("Kenya recalled its ambassador on Friday.")
    assert _event(events, "SANCTION").actor2 is None or "Kenya" not in _event(events, "SANCTION").actor2.name
