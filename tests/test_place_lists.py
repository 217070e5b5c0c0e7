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


def test_a_village_before_a_comma_and_its_province(gaz: Gazetteer) -> None:
    # the model takes the village for an organisation; the province after it admits it, and the
    # village is the one of that province
    text = "Troops shelled positions in the area of Sentianivka, Luhansk, on Monday."
    loc = locate_sentence(gaz, text, text)
    assert loc is not None
    assert (loc.admin1, loc.country, loc.geo_precision) == ("Luhansk", "Ukraine", 1)
    assert loc.name != "Luhansk"


def test_a_unit_that_holds_the_town_settles_its_country(gaz: Gazetteer) -> None:
    # Rafah is a Palestinian town and an Egyptian one: the Egyptian province after it decides,
    # though the name said twice votes for the larger Palestinian town
    text = "Aircraft struck militants in Rafah (Rafah, North Sinai) on Friday."
    loc = locate_sentence(gaz, text, text)
    assert loc is not None
    assert (loc.name, loc.country) == ("Rafah", "Egypt")


def test_a_name_not_in_the_province_after_it_does_not_vote(gaz: Gazetteer) -> None:
    # no Sosnovskoye lies in any Donetsk: the Russian villages so named do not make it Russia
    text = "Artillery hit houses in the area of Sosnovskoye, Donetsk, on Monday."
    loc = locate_sentence(gaz, text, text)
    assert loc is not None
    assert loc.country == "Ukraine"


def test_a_name_skipped_in_a_bracket_list_still_places_the_town(gaz: Gazetteer) -> None:
    # "Quuxville" is unknown; KwaZulu-Natal after it still rules out Western Cape's Chatsworth
    text = "Residents protested near Chatsworth (Quuxville, KwaZulu-Natal) on Monday."
    loc = locate_sentence(gaz, text, text)
    assert loc is not None
    assert loc.admin1 == "Kwazulu-Natal"


def test_a_bracket_the_model_swallowed_into_the_name_is_still_read(gaz: Gazetteer) -> None:
    # "Tome (Biobio" may come out as one entity: Biobio still narrows Tome to Chile's town
    text = "On Friday, in Tome (Biobio), firefighters protested against budget cuts."
    loc = locate_sentence(gaz, text, text)
    assert loc is not None
    assert (loc.name, loc.admin1, loc.country) == ("Tome", "Biobio", "Chile")


def test_a_molotov_cocktail_is_not_a_town(gaz: Gazetteer) -> None:
    text = "Youths threw Molotov cocktails at a police vehicle on Friday."
    assert locate_sentence(gaz, text, text) is None


def test_the_unit_after_a_town_and_a_comma_is_the_state(gaz: Gazetteer) -> None:
    # Michoacan is a Mexican state and a Chiapas village: after a town of that state, the state
    text = "In Zamora, Michoacan, two men were found dead on Monday."
    loc = locate_sentence(gaz, text, text)
    assert loc is not None
    assert (loc.admin1, loc.country) == ("Michoacan", "Mexico")
    # the town (GeoNames writes the city of 140,000 "Zamora de Hidalgo"), not the state
    assert loc.name.startswith("Zamora") and loc.geo_precision == 1


def test_a_neighbourhood_named_after_a_word_is_not_the_event_town() -> None:
    # "Jardim" (a Brazilian town, and the start of many neighbourhoods' names) is only a piece of
    # "Jardim Laguna": the town named at the start of the sentence is the event's place
    from sitrep.analyze import analyze
    from sitrep.model import Document

    text = (
        "On 9 May 2020, in Contagem, Minas Gerais, a man was wounded in a shooting in Jardim Laguna"
        " neighborhood by two gunmen on a motorcycle."
    )
    events = next(analyze([Document(id="t", text=text, published="2020-05-10")])).events
    placed = [e.location for e in events if e.location is not None]
    assert placed
    assert all((loc.name, loc.admin1) == ("Contagem", "Minas Gerais") for loc in placed)


def test_an_article_after_a_bracket_begins_the_name(gaz: Gazetteer) -> None:
    # "(As Sawadiyah, Al Bayda)": "As" is the article of the district's name, not a name it ends
    text = "Forces repelled an attack on a frontline (As Sawadiyah, Al Bayda) on Monday."
    loc = locate_sentence(gaz, text, text)
    assert loc is not None
    assert (loc.admin1, loc.country) == ("Al Bayda", "Yemen")
    assert loc.geo_precision == 2


def test_a_district_of_a_province_is_narrowed_by_it(gaz: Gazetteer) -> None:
    # Ovacik is a district of Tunceli and a district of Karabuk: "of Tunceli" decides
    text = "Soldiers killed two militants in Ovacik district of Tunceli on Monday."
    loc = locate_sentence(gaz, text, text)
    assert loc is not None
    assert (loc.admin1, loc.country) == ("Tunceli", "Turkey")


def test_a_neighbourhood_of_a_town_is_placed_at_the_town(gaz: Gazetteer) -> None:
    # Saray is a quarter of the town named after it (and the name of towns elsewhere in Turkey)
    text = "Arsonists set fire to a warehouse in Saray neighborhood of Kahramankazan, Ankara, on Monday."
    loc = locate_sentence(gaz, text, text)
    assert loc is not None
    assert loc.admin1 == "Ankara"
    assert loc.name != "Saray"
