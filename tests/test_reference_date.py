"""Reference-date inference: given date, dateline, weekday pin, conflicts, bounds."""

from __future__ import annotations

from sitrep.extract.dates import detect_dateline, find_timexes, reference_date
from sitrep.model import Cleaned, Document


def _ref(text: str, published: str | None = None, dateline: str | None = None):
    doc = Document(id="d", text=text, published=published)
    return reference_date(doc, Cleaned(dateline_value=dateline), find_timexes(text, None, None))


PIN_TEXT = (
    "The Taliban on Wednesday announced the start of its spring offensive, vowing to escalate attacks, "
    "starting on Friday.\n"
    '"The Islamic Emirate is going to launch the operations at 5 am on 24th April 2015," the group said '
    "in a statement on Wednesday."
)


def test_weekday_pin_gives_the_day() -> None:
    ref = _ref(PIN_TEXT)
    assert (ref.value, ref.basis) == ("2015-04-22", "content")


def test_dateline_contradicting_content_is_warned_and_loses() -> None:
    ref = _ref("18:56 GMT05 December 2020\nListen Live\n" + PIN_TEXT)
    assert ref.value == "2015-04-22"
    assert ref.basis == "content"
    assert ref.warnings and "2020-12-05" in ref.warnings[0]


def test_cleaned_dateline_value_is_used() -> None:
    ref = _ref("Kabul - Fighting continued on Monday.", dateline="2021-07-05")
    assert (ref.value, ref.basis, ref.warnings) == ("2021-07-05", "dateline", [])


def test_dateline_fallback_from_first_lines() -> None:
    text = "News ID: 314510\nPublished: 0237 GMT July 05, 2021\n\nAfghan forces plan a counterattack, an adviser said on Monday."
    assert detect_dateline(text)[0] == "2021-07-05"
    ref = _ref(text)
    assert (ref.value, ref.basis) == ("2021-07-05", "dateline")


def test_published_line_beats_updated_line() -> None:
    text = "Updated: 12 March 2022\nPublished: 10 March 2022\nBody text follows here."
    assert detect_dateline(text)[0] == "2022-03-10"


def test_given_published_date_wins() -> None:
    ref = _ref("Militants attacked a checkpoint on Saturday.", published="2021-02-13T10:00:00")
    assert (ref.value, ref.basis) == ("2021-02-13", "given")


def test_given_date_contradicting_a_pin_is_warned() -> None:
    ref = _ref(PIN_TEXT, published="2020-12-05")
    assert ref.value == "2020-12-05" and ref.warnings


def test_no_evidence_gives_none() -> None:
    ref = _ref("The Taliban launched their spring offensive on Friday. Fighting intensified in recent weeks.")
    assert (ref.value, ref.basis) == (None, "none")


def test_years_after_gives_lower_bound() -> None:
    text = (
        "It underlined how far Afghanistan remains from peace more than 17 years after U.S.-backed forces "
        "drove the Taliban from power in 2001. More than 45,000 were killed since 2014."
    )
    ref = _ref(text)
    assert ref.value is None
    assert ref.lower_bound == "2018-01-01"


def test_future_deadline_gives_upper_bound() -> None:
    text = "The Taliban on Saturday warned NATO. Foreign troops will leave Afghanistan by May 2021, the deal says."
    ref = _ref(text)
    assert ref.value is None
    assert ref.upper_bound == "2021-05-31"


def test_no_day_is_invented_from_a_lone_pin() -> None:
    # a future weekday matching a date fixes a window, not a day
    text = "The group will launch operations on Friday. The launch is set for 24 April 2015."
    ref = _ref(text)
    assert ref.value is None
    assert ref.lower_bound is not None and ref.lower_bound <= "2015-04-23" <= (ref.upper_bound or "")


def test_weekday_pin_at_year_end() -> None:
    text = (
        "Militants attacked a base on Tuesday, officials said. Parliament will vote on Saturday on the "
        "budget; the session of 2 January 2021 is its last."
    )
    ref = _ref(text)
    assert ref.value == "2020-12-29"
