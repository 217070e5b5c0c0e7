"""Place names the model tags as persons or organisations, in lists, brackets and after
qualifiers, and names that run on into a longer one (composed sentences)."""

from __future__ import annotations

import pytest

from sitrep.extract.places import Gazetteer

from .test_places import locate_sentence


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.default()


@pytest.mark.parametrize(
    ("text", "admin1", "country"),
    [
        # a bracket of district and province after a common noun
        ("Gunmen killed two farmers at a river crossing (Mwumba, Ngozi) on Sunday.", "Ngozi", "Burundi"),
        # an unknown village, then its province after a comma
        ("Residents of Huaricolca, Junin, marched against the mine on Friday.", "Junin", "Peru"),
        # a direction between the cue and the province
        ("Rebels shelled army positions in northern Lattakia on Tuesday.", "Lattakia", "Syria"),
        ("Rebels shelled army positions in the eastern Lattakia countryside on Tuesday.", "Lattakia", "Syria"),
        # a hyphenated province the model splits in two
        ("Nurses protested outside a clinic in Ulundi (Zululand, KwaZulu-Natal) on Monday.", "Kwazulu-Natal", "South Africa"),
        # a big town followed by its province with no comma
        ("Police found a body in Tijuana Baja California on Monday.", "Baja California", "Mexico"),
        # a big town with a thing in it
        ("A bomb exploded near Kabul University on Monday.", "Kabul", "Afghanistan"),
    ],
)
def test_place_in_a_list_or_after_a_qualifier(gaz: Gazetteer, text: str, admin1: str, country: str) -> None:
    loc = locate_sentence(gaz, text, text)
    assert loc is not None
    assert (loc.admin1, loc.country) == (admin1, country)


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        # the end of a longer name is not the big town so named abroad
        ("A shoot-out took place in Vila Kennedy on Sunday night.", "Colombia"),
        ("Workers protested in Sao Sebastiao da Boa Vista on Friday.", "Cape Verde"),
    ],
)
def test_the_end_of_a_longer_name_is_not_a_town_abroad(gaz: Gazetteer, text: str, wrong: str) -> None:
    loc = locate_sentence(gaz, text, text)
    assert loc is None or loc.country != wrong


def test_a_person_after_a_comma_is_not_a_town(gaz: Gazetteer) -> None:
    # a person's name listed after another is a province at most, never a town so named
    text = "Police arrested Ahmed, Karim and two others on Monday."
    loc = locate_sentence(gaz, text, text)
    assert loc is None or loc.geo_precision == 3
