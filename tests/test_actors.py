"""Actor registry: aliases, generic ACLED actors, user files."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.extract.actors import ActorRegistry, ruler_patterns


@pytest.fixture(scope="module")
def reg() -> ActorRegistry:
    return ActorRegistry.default()


@pytest.mark.parametrize(
    ("phrase", "name"),
    [("the Islamic Emirate", "Taliban"), ("Islamic Emirate of Afghanistan", "Taliban"), ("the Mujahideen", "Taliban"),
     ("Taliban fighters", "Taliban"), ("the Taliban's commanders", "Taliban"), ("Taliban insurgents", "Taliban"),
     ("Afghan security forces", "Military Forces of Afghanistan"), ("ANDSF", "Military Forces of Afghanistan"),
     ("the Afghan National Army", "Military Forces of Afghanistan"), ("Afghan police", "Police Forces of Afghanistan"),
     ("Washington", "Government of the United States"), ("the Pentagon", "Government of the United States"),
     ("American troops", "Military Forces of the United States"),
     ("U.S. service members", "Military Forces of the United States"),
     ("Resolute Support", "NATO Forces"), ("UNAMA", "UNAMA"), ("ISIS-K", "Islamic State (Khorasan)"),
     ("Ansar Allah", "Military Forces of Yemen (2016-) Supreme Political Council"), ("al-Shabab", "Al Shabaab"), ("the RSF", "Rapid Support Forces")],
)
def test_aliases(reg: ActorRegistry, phrase: str, name: str) -> None:
    actor = reg.match(phrase)
    assert actor is not None and actor.name == name


def test_ttp_is_not_taliban(reg: ActorRegistry) -> None:
    ttp = reg.match("the Pakistani Taliban")
    assert ttp is not None and ttp.name == "TTP" and ttp.country == "Pakistan"
    assert reg.match("Tehrik-i-Taliban Pakistan").name == "TTP"  # type: ignore[union-attr]
    assert reg.match("Afghan Taliban").name == "Taliban"  # type: ignore[union-attr]


def test_context_dependent_aliases(reg: ActorRegistry) -> None:
    assert reg.match("Kabul", country="Afghanistan").name == "Government of Afghanistan"  # type: ignore[union-attr]
    assert reg.match("the government", country="Afghanistan").name == "Government of Afghanistan"  # type: ignore[union-attr]
    assert reg.match("government forces", country="Afghanistan").name == "Military Forces of Afghanistan"  # type: ignore[union-attr]
    assert reg.match("government forces", country="Syria").name == "Military Forces of Syria"  # type: ignore[union-attr]
    assert reg.match("the government", country="Nigeria").name == "Government of Nigeria"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("phrase", "country", "name", "atype"),
    [("Nigerian soldiers", None, "Military Forces of Nigeria", "state forces"),
     ("Pakistani policemen", None, "Police Forces of Pakistan", "state forces"),
     ("protesters", "India", "Protesters (India)", "protesters"),
     ("hundreds of demonstrators", "Iraq", "Protesters (Iraq)", "protesters"),
     ("five civilians", "Yemen", "Civilians (Yemen)", "civilians"),
     ("villagers", "Mali", "Civilians (Mali)", "civilians"),
     ("unknown gunmen", "Syria", "Unidentified Armed Group (Syria)", "political militia"),
     ("rioters", "India", "Rioters (India)", "rioters")],
)
def test_generic_actors(reg: ActorRegistry, phrase: str, country: str | None, name: str, atype: str) -> None:
    actor = reg.match(phrase, country=country)
    assert actor is not None and (actor.name, actor.type) == (name, atype)


def test_generic_direct(reg: ActorRegistry) -> None:
    assert reg.generic("military", "Afghanistan").name == "Military Forces of Afghanistan"
    assert reg.generic("military", "US").name == "Military Forces of the United States"
    assert reg.generic("police", "Colombia").country == "Colombia"
    assert reg.generic("civilians", None).country is None


def test_unknown_phrase_is_none(reg: ActorRegistry) -> None:
    assert reg.match("the weather") is None
    assert reg.match("blue cars") is None


def test_find_longest_first(reg: ActorRegistry) -> None:
    text = "The Islamic Emirate of Afghanistan said U.S. forces left; the TTP denied it."
    hits = reg.find(text)
    assert [(text[s:e], a.name) for s, e, a in hits] == [
        ("Islamic Emirate of Afghanistan", "Taliban"), ("U.S. forces", "Military Forces of the United States"),
        ("TTP", "TTP")]


def test_user_extra_file(tmp_path: Path) -> None:
    f = tmp_path / "mine.yaml"
    f.write_text("actors:\n  - {name: Blue Brigade, type: identity militia, country: Mali, aliases: [the Blues]}\n")
    reg = ActorRegistry.default(extra_files=[f])
    assert reg.match("the Blues") is not None and reg.match("the Blues").type == "identity militia"  # type: ignore[union-attr]
    assert reg.match("Taliban") is not None


def test_ruler_patterns_include_aliases() -> None:
    assert any(p["pattern"] == "Islamic Emirate" for p in ruler_patterns())


def test_an_acronym_alias_matches_only_in_capitals() -> None:
    """"IS" is the Islamic State, "is" a verb: an alias written in capitals needs them."""
    reg = ActorRegistry.default()
    assert not reg.find("He is here and it is over.")
    assert [a.name for _, _, a in reg.find("IS fighters attacked the town.")] == ["Islamic State"]
    assert reg.match("is") is None and reg.match("IS") is not None
    assert reg.match("the RSF") is not None


def test_an_acronym_with_a_capital_inside_matches_only_as_written(tmp_path) -> None:
    """"LeT" is a group, "Let" a word of a village's name (a headline's "LET" is the group)."""
    path = tmp_path / "actors.yaml"
    path.write_text(
        "actors:\n  - {name: Harbor Front, type: rebel group, country: Syria, aliases: [HaF]}\n",
        encoding="utf-8",
    )
    reg = ActorRegistry()
    reg.load_file(path)
    assert not reg.find("Jets bombed Haf Yet village on Sunday.")
    assert reg.match("Haf") is None
    assert [a.name for _, _, a in reg.find("HaF fighters took the crossing.")] == ["Harbor Front"]
    assert [a.name for _, _, a in reg.find("HAF FIGHTERS TAKE THE CROSSING")] == ["Harbor Front"]


@pytest.mark.parametrize(
    "phrase", ["Military Police officers", "a military police officer", "a military police unit", "Military Police personnel"]
)
def test_the_officers_or_a_unit_of_a_named_force_are_that_force(reg: ActorRegistry, phrase: str) -> None:
    actor = reg.match(phrase, "Brazil")
    assert actor is not None and actor.name == "Military Forces of Brazil (2019-) Military Police"
    plain = reg.match("police officers", "Brazil")  # no force named: the generic police
    assert plain is not None and plain.name == "Police Forces of Brazil"


def test_members_of_a_side_named_pro_x_are_the_pro_x_forces(reg: ActorRegistry) -> None:
    for phrase in ("pro-Houthi fighters", "several pro-Houthi elements"):
        actor = reg.match(phrase, "Yemen")
        assert actor is not None and actor.name == "Military Forces of Yemen (2016-) Supreme Political Council"
    assert reg.match("pro-Turkish fighters", "Syria") is None  # no data says who "pro-Turkish forces" are
