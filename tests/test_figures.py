"""Figures through the real pipeline: measures, values, qualifiers, subjects, sources, periods, status; series."""

from __future__ import annotations

import pytest

from sitrep.analyze import analyze
from sitrep.extract.series import normalize_measure, normalize_subject, series
from sitrep.model import Document, Figure


def figs(text: str, published: str | None = None, doc_id: str = "t") -> list[Figure]:
    doc = Document(id=doc_id, text=text, published=published)
    out = next(analyze([doc])).figures
    for f in out:
        for m in f.mentions:
            assert m.text == text[m.start : m.end]
    return out


def only(text: str, published: str | None = None) -> Figure:
    out = figs(text, published)
    assert len(out) == 1, [(f.measure, f.value, f.mentions[0].text) for f in out]
    return out[0]


def by_value(out: list[Figure], value: float) -> Figure:
    found = [f for f in out if f.value == value]
    assert len(found) == 1, [(f.measure, f.value) for f in out]
    return found[0]


# ----------------------------------------------------------------- troops and subjects


def test_american_troops() -> None:
    f = only("Obama agreed to keep the current level of 9,800 American troops in the country.")
    assert f.value == 9800
    assert f.measure == "troops"
    assert f.subject == "United States"
    assert f.unit == "persons"
    assert f.mentions[0].text == "9,800 American troops"


@pytest.mark.parametrize("phrase", ["14,000 U.S. forces", "14,000 US troops", "14,000 American soldiers"])
def test_us_spellings_map_to_one_subject(phrase: str) -> None:
    f = only(f"There are {phrase} in Afghanistan today.")
    assert f.subject == "United States"
    assert f.measure == "troops"
    assert f.value == 14000


def test_planned_withdrawal() -> None:
    f = only(
        "Trump was reported to be planning to withdraw around half of the 14,000 U.S. forces in Afghanistan."
    )
    assert f.status == "planned"
    assert f.value == 14000


def test_could_remain_is_possible() -> None:
    f = only(
        "It comes amid reports that 1,000 mainly US troops could remain on the ground to protect the airport."
    )
    assert f.status == "possible"
    assert f.subject == "United States"
    assert f.value == 1000


def test_actual_by_default() -> None:
    assert only("About 2,500 U.S. troops are stationed at Bagram.").status == "actual"


def test_strong_mission_with_possessive_subject() -> None:
    f = only("Ministers will discuss whether NATO's 10,000-strong mission should stay or go.")
    assert f.value == 10000
    assert f.subject == "NATO"
    assert f.measure == "troops"
    assert "mission" in f.mentions[0].text


def test_number_after_measure_noun_looks_back() -> None:
    f = only("In his final days in office Trump reduced US forces in Afghanistan to just 2,500.")
    assert f.value == 2500
    assert f.measure == "troops"
    assert f.subject == "United States"
    assert f.qualifier == "exact"


def test_afghan_troops_fled() -> None:
    f = only("Reports say more than 1,000 Afghan troops fled into neighboring Tajikistan.")
    assert f.qualifier == "more than"
    assert f.measure == "troops fled"
    assert f.subject == "Afghanistan"


def test_taliban_fighters_nearly() -> None:
    f = only("Nearly 300 Taliban fighters attacked the district from three sides.")
    assert f.measure == "fighters"
    assert f.qualifier == "nearly"
    assert f.subject == "Taliban"


# ----------------------------------------------------------------- casualties


def test_civilians_killed_or_injured_is_casualties() -> None:
    f = only("More than 10,000 Afghan civilians were killed or injured in the conflict in 2014.")
    assert f.measure == "civilian casualties"
    assert f.value == 10000
    assert f.qualifier == "more than"
    assert f.subject == "Afghan civilians"
    assert (f.period.start or f.period.date or "").startswith("2014")


def test_doubled_qualifier_typo() -> None:
    out = figs("More than more than 10,000 Afghan civilians were killed or injured in the conflict.")
    assert len(out) == 1
    assert out[0].value == 10000
    assert out[0].qualifier == "more than"


def test_civilians_killed_last_year_with_un_source() -> None:
    f = only(
        "There were 3,804 civilians killed last year, the highest number recorded, according to United Nations figures.",
        published="2019-04-12",
    )
    assert f.measure == "civilians killed"
    assert f.source == "United Nations"
    assert (f.period.date or f.period.start or "").startswith("2018")


def test_killed_without_noun_takes_previous_noun() -> None:
    f = only(
        "Afghan security forces have suffered the brunt of losses, with more than 45,000 killed since 2014."
    )
    assert f.measure == "security forces killed"
    assert f.qualifier == "more than"
    assert (f.period.start or "").startswith("2014")


def test_service_members_killed() -> None:
    f = only("Three U.S. service members were killed this week by a roadside bomb.")
    assert f.value == 3
    assert f.measure == "troops killed"
    assert f.subject == "United States"


def test_number_words() -> None:
    f = only("Twenty-five soldiers were killed in the attack.")
    assert f.value == 25
    assert f.measure == "troops killed"


def test_members_of_security_forces_at_least() -> None:
    f = only(
        "Taliban fighters attacked a police headquarters, killing at least 20 members of the security forces."
    )
    assert f.measure == "security forces killed"  # the outcome before the number
    assert f.qualifier == "at least"
    assert f.value == 20


def test_up_to_people_displaced() -> None:
    f = only("Up to 5,000 people were displaced by the fighting.")
    assert f.qualifier == "up to"
    assert f.measure == "people displaced"


def test_around_refugees() -> None:
    f = only("Around 2,000 refugees crossed the border on Sunday.")
    assert f.qualifier == "about"
    assert f.measure == "refugees"


# ----------------------------------------------------------------- percentages and changes


def test_change_up_percent() -> None:
    f = only(
        "In the first three months of 2015, civilian casualties from ground fighting were up 8% from the same period last year."
    )
    assert f.value == 8
    assert f.unit == "percent"
    assert f.measure == "change in civilian casualties"
    assert f.mentions[0].text.startswith("up")


def test_change_down_is_negative() -> None:
    f = only("Civilian casualties fell 12 percent in the first half of the year.")
    assert f.value == -12
    assert f.measure.startswith("change in")


def test_share_of_districts_with_bbc_study() -> None:
    out = figs(
        "According to a recent BBC study, the Taliban are active in 70 percent of districts, fully controlling "
        "four percent of the country and demonstrating an open physical presence in another 66 percent."
    )
    assert len(out) == 3
    d = by_value(out, 70)
    assert d.measure == "share of districts"
    assert d.unit == "percent"
    assert d.source == "BBC"
    t = by_value(out, 4)
    assert t.measure == "share of territory"
    assert by_value(out, 66).measure == "share of territory"
    assert all(f.source == "BBC" for f in out)


def test_just_over_half_the_country_with_cited_source() -> None:
    f = only(
        "Government forces control just over half the country, according to U.S. estimates cited by the "
        "Special Inspector General for Afghanistan Reconstruction."
    )
    assert f.value == 50
    assert f.qualifier == "just over"
    assert f.unit == "percent"
    assert f.source == "U.S. estimates / SIGAR"


def test_source_from_trailing_said() -> None:
    f = only("About 2,500 U.S. troops remain in the country, the Pentagon said.")
    assert f.source == "Pentagon"


def test_no_source_when_unattributed() -> None:
    assert only("About 2,500 U.S. troops remain in the country.").source is None


def test_money() -> None:
    f = only("Donors pledged $1.5 billion in aid for reconstruction.")
    assert f.value == 1.5e9
    assert f.unit == "USD"
    assert f.measure == "aid"


# ----------------------------------------------------------------- what is not a figure


@pytest.mark.parametrize(
    "text",
    [
        "The Taliban were ousted from power in 2001.",
        "The operation starts at 5 am on 24th April 2015.",
        "The offensive began on 5 December and ended in March.",
        "Biden set a deadline of 11 September, the anniversary of the 9/11 attacks.",
        "News ID: 314510",
        "A 25-year-old man was arrested at the checkpoint.",
        "The 20-year war has all but ended after 17 years of talks.",
        "One of the commanders left the meeting early.",
        "Dozens of districts have fallen to the militants.",
        "The meeting lasted three hours.",
    ],
)
def test_not_figures(text: str) -> None:
    assert figs(text) == []


def test_repeated_figure_is_one_record_with_two_mentions() -> None:
    text = "There are 9,800 American troops in the country.\n\nOfficials confirmed the 9,800 American troops would stay."
    out = figs(text)
    assert len(out) == 1
    assert len(out[0].mentions) == 2


def test_two_figures_in_one_sentence() -> None:
    out = figs("At least 25 members of the forces and five civilians were killed in the city.")
    assert by_value(out, 25).qualifier == "at least"
    assert by_value(out, 5).measure == "civilians killed"


# ----------------------------------------------------------------- series


def test_series_groups_us_troop_levels_across_documents() -> None:
    a = figs("In 2015 the US kept the current level of 9,800 American troops.", doc_id="a")
    b = figs("In 2018 there were 14,000 U.S. forces in Afghanistan.", doc_id="b")
    c = figs("Some 300 Taliban fighters attacked the town.", doc_id="c")
    s = series([*a, *b, *c])
    key = ("troops", "united states")
    assert key in s
    assert [p.value for p in s[key]] == [9800, 14000]
    assert {p.doc_id for p in s[key]} == {"a", "b"}
    assert ("fighters", "taliban") in s
    assert len(s) == 2


def test_series_min_points_filters_singletons() -> None:
    a = figs("There are 9,800 American troops.", doc_id="a")
    b = figs("There are 300 Taliban fighters.", doc_id="b")
    assert series([*a, *b], min_points=2) == {}


def test_series_normalizers() -> None:
    assert normalize_measure(" Soldiers ") == "troops"
    assert normalize_subject("U.S.") == "united states"
    assert normalize_subject("Resolute Support") == "nato"
    assert normalize_subject(None) == ""
