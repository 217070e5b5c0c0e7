"""Where a text's other words settle a place (composed sentences): a named actor of one country,
a longer name around the one the model tagged, a quarter's name, a unit named after "in"."""

from __future__ import annotations

import pytest

from sitrep.extract.gazetteer_data import skeleton
from sitrep.extract.places import Gazetteer

from .test_places import locate_sentence, make_ctx


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.default()


def test_a_named_actor_of_one_country_breaks_a_tie(gaz: Gazetteer) -> None:
    # Komsomolets is a village in Russia and (by an alias) a town in Ukraine: the monitoring
    # mission, which works only in Ukraine, says which
    text = "The OSCE Special Monitoring Mission recorded shelling near Komsomolets on Tuesday."
    loc = locate_sentence(gaz, text, text)
    assert loc is not None and loc.country == "Ukraine"
    assert text[loc.cited[0][0] : loc.cited[0][1]] == "Komsomolets"


def test_without_the_actor_the_village_stays_where_it_was(gaz: Gazetteer) -> None:
    text = "Observers recorded shelling near Komsomolets on Tuesday."
    loc = locate_sentence(gaz, text, text)
    assert loc is not None and loc.country == "Russia"


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        # the model tags "London"; the gazetteer knows "East London"
        ("Nurses protested outside a hospital in East London on Monday.", "East London", "South Africa"),
        # lower-case connectors inside a name
        ("Workers protested in Kut e Abdollah over unpaid wages.", "Kut-e 'Abdollah", "Iran"),
        ("Residents protested in Sao Sebastiao da Boa Vista on Friday.", "Sao Sebastiao da Boa Vista", "Brazil"),
    ],
)
def test_the_longer_name_around_a_tagged_one(gaz: Gazetteer, text: str, name: str, country: str) -> None:
    loc = locate_sentence(gaz, text, text)
    assert loc is not None
    assert (loc.name, loc.country) == (name, country)


def test_a_quarter_is_not_a_town_abroad(gaz: Gazetteer) -> None:
    # "Aura" is a Finnish town; "Aura neighborhood" is a quarter of the Brazilian city named before
    text = "In Manaus, Amazonas, gunmen shot a trader in Aura neighborhood on Monday."
    ctx = make_ctx(text)
    clause = "gunmen shot a trader in Aura neighborhood"
    start = text.index(clause)
    assert gaz.locate(ctx, start, start + len(clause), guess=False) is None  # the caller reads the sentence
    loc = gaz.locate(ctx, 0, len(text))
    assert loc is not None and (loc.name, loc.country) == ("Manaus", "Brazil")


def test_another_spelling_of_a_big_town_that_goes_on_is_a_guess(gaz: Gazetteer) -> None:
    # "Cano" spells Kano (Nigeria) only as an alias; "Cano Raya" is a longer, unknown name
    text = "Gunmen killed a community leader in the Cano Raya community, Tibu, Norte de Santander."
    loc = locate_sentence(gaz, text, text)
    assert loc is not None and (loc.name, loc.country) == ("Tibu", "Colombia")


@pytest.mark.parametrize(
    ("text", "admin1", "country"),
    [
        # a town of India so named, but the province after "in" holds no such town: the province
        ("Gunmen killed a farmer in Ara in As-Sweida on Monday.", "As-Sweida", "Syria"),
        ("A mine exploded near Wadi al-Rabi in Aljfara on Monday.", "Aljfara", "Libya"),
    ],
)
def test_a_unit_named_after_in_holds_the_place(gaz: Gazetteer, text: str, admin1: str, country: str) -> None:
    loc = locate_sentence(gaz, text, text)
    assert loc is not None
    assert (loc.admin1, loc.country) == (admin1, country)


def test_a_village_called_after_a_town_is_not_that_town(gaz: Gazetteer) -> None:
    # "Bali Gubadle village": a village of that name, not the Indian town Bali
    text = "Militants ambushed a patrol near Bali Gubadle village (Afgooye, Lower Shabelle) on Friday."
    loc = locate_sentence(gaz, text, text)
    assert loc is not None and loc.country == "Somalia"


def test_a_unit_and_its_cue_then_the_unit_that_holds_it(gaz: Gazetteer) -> None:
    # "Girardot municipality, Cojedes state": Cojedes (Venezuela) holds the town named first;
    # the Colombian Girardot is not the place
    text = "In El Baul, Girardot municipality, Cojedes state, farmers blocked a road on Monday."
    loc = locate_sentence(gaz, text, text)
    assert loc is not None
    assert (loc.name, loc.admin1, loc.country) == ("El Baul", "Cojedes", "Venezuela")


def test_a_bearing_before_a_bracket_does_not_pull_the_town_abroad(gaz: Gazetteer) -> None:
    # the unit in the bracket settles which Rafah; the bearing's own reading must not override it
    text = "Soldiers shelled militant positions south of Rafah (Rafah, North Sinai) on Monday."
    loc = locate_sentence(gaz, text, text)
    assert loc is not None
    assert (loc.admin1, loc.country) == ("North Sinai", "Egypt")


def test_a_name_of_many_towns_is_the_one_in_the_province_the_text_names(gaz: Gazetteer) -> None:
    # Mexico has many El Refugio; the text is about Guanajuato (Silao and Cortazar lie there)
    text = "Gunmen killed two men in Silao and Cortazar, Guanajuato. A third man was shot in El Refugio."
    loc = locate_sentence(gaz, text, "A third man was shot in El Refugio.")
    assert loc is not None
    assert (loc.name, loc.admin1, loc.country) == ("El Refugio", "Guanajuato", "Mexico")


def test_a_name_inside_a_longer_one_is_not_a_second_place(gaz: Gazetteer) -> None:
    text = "In Buenos Aires (Ciudad Autonoma de Buenos Aires), residents banged pots on Friday."
    loc = locate_sentence(gaz, text, text)
    assert loc is not None
    assert (loc.name, loc.admin1, loc.geo_precision) == ("Buenos Aires", "Ciudad Autonoma de Buenos Aires", 1)


def test_a_town_in_the_province_of_the_district_named_after_it_stands(gaz: Gazetteer) -> None:
    # the gazetteer does not list Yaounde under Mfoundi, but both lie in Centre: the town stays
    text = "Teachers demonstrated in Yaounde city (Mfoundi, Centre) on Monday."
    loc = locate_sentence(gaz, text, text)
    assert loc is not None
    assert (loc.name, loc.geo_precision) == ("Yaounde", 1)


@pytest.mark.parametrize(
    ("district", "expected"),
    [
        ("Shamli", ("Kandhla", "Shamli")),  # the town of the district named after it
        ("Ballia", ("Ballia", "Ballia")),  # 700 km away: a namesake village the gazetteer lacks
    ],
)
def test_a_town_far_from_the_district_named_after_it_is_a_namesake(
    gaz: Gazetteer, district: str, expected: tuple[str, str]
) -> None:
    text = f"Two brothers were stabbed in a feud over farmland in Kandhla, {district} (Uttar Pradesh) on Sunday."
    loc = locate_sentence(gaz, text, text)
    assert loc is not None
    assert (loc.name, loc.admin2) == expected


def test_a_district_no_town_is_linked_to_takes_its_namesake_town(gaz: Gazetteer) -> None:
    # GeoNames links no town to Kismaayo district: its coordinates are those of Kismayo town
    hits = [h for h in gaz.lookup("Kismaayo", country="Somalia") if h.admin2 == "Kismaayo" and h.geo_precision == 2]
    assert hits and hits[0].lat is not None and abs(hits[0].lat - -0.36) < 0.1


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        # a road, a bridge, a roundabout named after the town: the town, however small
        ("On Monday, protesters blocked the Halba highway with burning tyres.", "Halba", "Lebanon"),
        ("Drivers blocked the Zahle roundabout in both directions on Friday.", "Zahle", "Lebanon"),
        # a part or a facility of the town, before "of"
        ("Hundreds of students gathered in the center of Skopje on Sunday.", "Skopje", "North Macedonia"),
        ("Nurses protested at the teaching hospital of Thessaloniki on Tuesday.", "Thessaloniki", "Greece"),
    ],
)
def test_a_thing_named_after_a_town_cues_the_town(gaz: Gazetteer, text: str, name: str, country: str) -> None:
    loc = locate_sentence(gaz, text, text)
    assert loc is not None and (loc.name, loc.country) == (name, country)
    assert text[loc.cited[0][0] : loc.cited[0][1]] == name


@pytest.mark.parametrize(
    ("text", "short", "admin1", "country"),
    [
        ("A mob attacked the police in Sitapur Khurd (UP) on Monday.", "UP", "Uttar Pradesh", "India"),
        ("Militants threw a grenade in Wazirbagh town (Budgam district, J&K) on Monday.", "J&K", "Jammu and Kashmir", "India"),
        ("Two soldiers were killed at a check post in Spinkai area (NW, KPK).", "KPK", "Khyber Pakhtunkhwa", "Pakistan"),
    ],
)
def test_a_province_short_form_after_a_place(gaz: Gazetteer, text: str, short: str, admin1: str, country: str) -> None:
    loc = locate_sentence(gaz, text, text)
    assert loc is not None and (loc.admin1, loc.country) == (admin1, country)
    cited = text[loc.cited[0][0] : loc.cited[0][1]]
    # the province, or a place in it the text names ("Budgam": the gazetteer's Badgam district)
    assert cited in (short, loc.name) or skeleton(cited) == skeleton(loc.name)


def test_a_short_form_outside_a_list_is_no_province(gaz: Gazetteer) -> None:
    text = "Prices went UP in the market on Monday."
    assert locate_sentence(gaz, text, text) is None


def test_a_coalition_led_by_one_country_does_not_place_the_text(gaz: Gazetteer) -> None:
    # Saudi Arabia and Yemen both have an Al Jawf province; the coalition's leader is no evidence,
    # the other side's country is
    ctx = make_ctx("Saudi-led coalition aircraft struck Houthi positions in Al Jawf governorate on Friday.")
    assert gaz._analyse(ctx)[1] == "YE"
    ctx = make_ctx("Protesters against the US dollar exchange rate burned tyres in Tripoli, Lebanon.")
    assert gaz._analyse(ctx)[1] == "LB"


@pytest.mark.parametrize(
    ("text", "name", "admin1"),
    [
        # a name the tagger may take for a person or an organisation, then "in" and the province
        # that holds it: the town inside that province
        ("Turkish forces shelled Menbij in Aleppo using artillery on Monday.", "Manbij", "Aleppo"),
        ("Regime forces shelled the village Sarmin in Idleb using artillery fire.", "Sarmin", "Idleb"),
        ("A landmine exploded on the Tell Abiad front in Ar-Raqqa on Friday.", "Tall Abyad", "Ar-Raqqa"),
        ("Gunmen tried to infiltrate into Ras al Ain in al-Hasakeh at night.", "Ra's al 'Ayn", "Al-Hasakeh"),
    ],
)
def test_a_name_then_in_and_its_province(gaz: Gazetteer, text: str, name: str, admin1: str) -> None:
    loc = locate_sentence(gaz, text, text)
    assert loc is not None and (loc.name, loc.admin1, loc.geo_precision) == (name, admin1, 1)


def test_a_person_in_a_province_is_no_town(gaz: Gazetteer) -> None:
    text = "John Smith in Aleppo said the shelling had stopped."
    loc = locate_sentence(gaz, text, text)
    assert loc is not None and loc.name == "Aleppo"



@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a bearing from a place makes the name a place, whatever the tagger took it for; the
        # event is near it (precision 2)
        ("Militants attacked a checkpoint in the desert east of Samarra on Monday.", "Samarra'"),
        ("Gunmen killed a shepherd 10 km south of Tuz Khurmatu.", "Tuz Khurmatu"),
    ],
)
def test_a_bearing_of_a_name_cues_the_place(gaz: Gazetteer, text: str, name: str) -> None:
    loc = locate_sentence(gaz, text, text)
    assert loc is not None and (loc.name, loc.admin1, loc.geo_precision) == (name, "Sala al-Din", 2)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a place reckoned from a town, with only the town's province named besides: near the
        # town (precision 2), not the whole province
        ("Jets struck a fuel truck in a village south of Bani Walid (Misrata) on Sunday.", "Bani Walid"),
        ("Drones hit a convoy in a hamlet west of Mizdah (Al Jabal Al Gharbi) at dawn.", "Mizdah"),
    ],
)
def test_a_place_reckoned_from_a_town_in_its_province(gaz: Gazetteer, text: str, name: str) -> None:
    loc = locate_sentence(gaz, text, text)
    assert loc is not None and (loc.name, loc.geo_precision) == (name, 2)


def test_a_place_reckoned_from_a_district_in_its_province(gaz: Gazetteer) -> None:
    # the district the place is reckoned from, not the province in the bracket after it
    text = "Artillery fire hit farms north of Kajuru district (Kaduna) on Friday."
    loc = locate_sentence(gaz, text, text)
    assert loc is not None and (loc.name, loc.admin1, loc.geo_precision) == ("Kajuru", "Kaduna", 2)


def test_a_respelled_guess_the_town_after_it_does_not_hold_is_no_place(gaz: Gazetteer) -> None:
    # a quarter the gazetteer lacks, spelled like a territory elsewhere in the province
    # (Masisi, far south of Beni): the town the bracket names holds it
    text = "Militiamen attacked the police post of Masisy municipality (Beni, Nord-Kivu)."
    loc = locate_sentence(gaz, text, text)
    assert loc is not None and (loc.name, loc.admin1) == ("Beni", "Nord-Kivu")


@pytest.mark.parametrize(
    "text",
    [
        "Russian military police patrolled Qamishly city in Hasakah on Monday.",
        "American troops set up a checkpoint in Quamishli, Hasakeh.",
    ],
)
def test_a_respelled_town_is_read_in_the_country_of_the_unit_after_it(gaz: Gazetteer, text: str) -> None:
    # the forces' country is not where the town is: the province named after it is
    loc = locate_sentence(gaz, text, text)
    assert loc is not None and (loc.name, loc.country) == ("Al Qamishli", "Syria")


def test_a_township_the_gazetteer_lacks_is_no_city_abroad(gaz: Gazetteer) -> None:
    # Myanmar's Kani township is not Japan's city of Kani: the region after it rules that out
    text = "Resistance fighters seized a police station in Kani township, Sagaing region, on Sunday."
    loc = locate_sentence(gaz, text, text)
    assert loc is not None and (loc.name, loc.country) == ("Sagaing", "Myanmar")


def test_a_quarter_of_a_district_is_not_reckoned_from(gaz: Gazetteer) -> None:
    # "X neighborhood of Y": the district Y holds the quarter; the quarter is no bearing
    text = "Arsonists attacked a shopping mall in Etiler neighborhood of Besiktas, Istanbul."
    loc = locate_sentence(gaz, text, text)
    assert loc is not None and loc.name == "Besiktas"


def test_a_long_name_with_a_link_word_around_the_tagged_part(gaz: Gazetteer) -> None:
    # the tagger marks only the last words of "Barra de Santo Antonio": the whole name is found
    text = "On Tuesday, in Barra de Santo Antonio, Alagoas, a man was shot dead."
    loc = locate_sentence(gaz, text, text)
    assert loc is not None and (loc.name, loc.admin1, loc.geo_precision) == ("Barra de Santo Antonio", "Alagoas", 1)


@pytest.mark.parametrize(
    ("written", "gazetteer"),
    [("Jandairis", "Jindayris"), ("Quamishli", "Al Qamishli"), ("Tooz Khurmato", "Tuz Khurmatu"),
     ("Busra Esh-Sham", "Busra ash Sham"), ("Hasakeh", "Al Hasakah"), ("Ein Issa", "Ain Issa")],
)  # fmt: skip
def test_transliterations_of_one_name_share_a_key(written: str, gazetteer: str) -> None:
    assert skeleton(written) == skeleton(gazetteer)


@pytest.mark.parametrize(("one", "other"), [("Kafr Nabl", "Kafr Nabuda"), ("Sarmin", "Sarmada"), ("Tall Tamr", "Tall Abyad")])
def test_different_names_keep_different_keys(one: str, other: str) -> None:
    assert skeleton(one) != skeleton(other)


def test_another_spelling_of_a_town_is_found_inside_the_province_the_text_names(gaz: Gazetteer) -> None:
    """A spelling the gazetteer lacks ("Jandairis", its Jindayris) is read as the town when the
    text names the province that holds it; the citation stays the text's own words."""
    text = "Artillery shells hit a school in Jandairis in Aleppo province on Monday."
    loc = locate_sentence(gaz, text, text)
    assert loc is not None and (loc.name, loc.admin1, loc.country, loc.geo_precision) == ("Jindayris", "Aleppo", "Syria", 1)
    assert text[loc.cited[0][0] : loc.cited[0][1]] == "Jandairis"


def test_another_spelling_outside_the_named_province_is_not_taken(gaz: Gazetteer) -> None:
    """The same spelling with another province named: a village the gazetteer does not know,
    so only the province is given; with no province named, no guess at all."""
    text = "Artillery shells hit a school in Jandairis in Idlib province on Monday."
    loc = locate_sentence(gaz, text, text)
    assert loc is not None and loc.name != "Jindayris" and loc.admin1 in ("Idlib", "Idleb")
    alone = "Artillery shells hit a school in Jandairis on Monday."
    loc = locate_sentence(gaz, alone, alone)
    assert loc is None or loc.name != "Jindayris"
