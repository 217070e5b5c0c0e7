"""The plain-text cleaner: line kinds, title, dateline, outlet; body sentences never marked."""

from __future__ import annotations

import pytest

from sitrep.clean import clean
from sitrep.clean import dateline as dl
from sitrep.model import Cleaned, Document

SCRAPE = """Skip to main content
Menu  Search  Sign in
Middle East

Rebels seize border town after two days of fighting
Updated 14:05 GMT, 3 March 2022
Share  Tweet  Email
1.4K  12

Rebels seized the border town of Qasr al-Hadid on Thursday after two days of heavy fighting with government troops, local officials said.

"We withdrew to protect the civilians who were still inside," an army spokesman told reporters.

At least 14 soldiers and nine rebels were killed, according to a monitoring group.

Rebels seize border town after two days of fighting

Smoke rises over the town on Wednesday
Photo: Ahmed Nouri/AFP via Getty Images

Aid groups said.

READ MORE: Ceasefire talks stall in the capital

The fighting displaced about 3,000 families, the United Nations said.

Border town, Rebels, Ceasefire, Humanitarian aid
Comments (12)
© 2022 Desert Daily News. All rights reserved.
"""

BODY = [
    "Rebels seized the border town of Qasr al-Hadid on Thursday after two days of heavy fighting",
    '"We withdrew to protect the civilians who were still inside," an army spokesman told reporters.',
    "At least 14 soldiers and nine rebels were killed, according to a monitoring group.",
    "Aid groups said.",
    "The fighting displaced about 3,000 families, the United Nations said.",
]

PRESS = """Posted by Field Office | Comments (3)

Convoy reaches besieged district

GENEVA - A humanitarian convoy of 40 trucks reached the besieged district on Tuesday, the agency said in a statement.

"This is a lifeline for 60,000 people," the regional director said.

Tags: convoy, aid, access
Print this page
"""


def _doc(text: str, title: str | None = None) -> tuple[str, Cleaned]:
    return text, clean(Document(id="t", text=text, title=title))


def _covered(text: str, cleaned: Cleaned, needle: str, kind: str | None = None, nth: int = 0) -> bool:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    end = start + len(needle)
    return any(
        s.start <= start and end <= s.end and (kind is None or s.kind == kind) for s in cleaned.boilerplate
    )


def _assert_body_kept(text: str, cleaned: Cleaned, sentences: list[str]) -> None:
    for sent in sentences:
        i = text.index(sent)
        assert not cleaned.is_boilerplate(i, i + len(sent)), sent


def test_spans_are_offsets_into_unchanged_text() -> None:
    text, cleaned = _doc(SCRAPE)
    assert cleaned.boilerplate
    for s in cleaned.boilerplate:
        piece = text[s.start : s.end]
        assert piece == piece.strip() and piece
        assert s.kind in {
            "navigation",
            "share_widget",
            "caption",
            "teaser",
            "tag_list",
            "footer",
            "section_label",
            "repeated",
            "dateline",
            "metadata",
        }


@pytest.mark.parametrize(
    ("needle", "kind"),
    [
        ("Skip to main content", "navigation"),
        ("Menu  Search  Sign in", "navigation"),
        ("Middle East", "section_label"),
        ("Updated 14:05 GMT, 3 March 2022", "dateline"),
        ("Share  Tweet  Email", "share_widget"),
        ("1.4K  12", "share_widget"),
        ("Photo: Ahmed Nouri/AFP via Getty Images", "caption"),
        ("Smoke rises over the town on Wednesday", "caption"),
        ("READ MORE: Ceasefire talks stall in the capital", "teaser"),
        ("Border town, Rebels, Ceasefire, Humanitarian aid", "tag_list"),
        ("Comments (12)", None),
        ("© 2022 Desert Daily News. All rights reserved.", "footer"),
    ],
)
def test_scrape_lines_marked(needle: str, kind: str | None) -> None:
    text, cleaned = _doc(SCRAPE)
    assert _covered(text, cleaned, needle, kind), (
        needle,
        [(s.kind, text[s.start : s.end]) for s in cleaned.boilerplate],
    )


def test_repeated_headline_second_copy_marked_first_is_title() -> None:
    text, cleaned = _doc(SCRAPE)
    head = "Rebels seize border town after two days of fighting"
    assert cleaned.title == head
    assert cleaned.title_span is not None
    assert text[cleaned.title_span[0] : cleaned.title_span[1]] == head
    assert not _covered(text, cleaned, head, nth=0)
    assert _covered(text, cleaned, head, "repeated", nth=1)


def test_body_sentences_never_marked() -> None:
    text, cleaned = _doc(SCRAPE)
    _assert_body_kept(text, cleaned, BODY)


def test_dateline_and_outlet() -> None:
    text, cleaned = _doc(SCRAPE)
    assert cleaned.dateline == "Updated 14:05 GMT, 3 March 2022"
    assert cleaned.dateline_span is not None
    assert text[cleaned.dateline_span[0] : cleaned.dateline_span[1]] == cleaned.dateline
    assert cleaned.dateline_value == "2022-03-03T14:05"
    assert cleaned.outlet == "Desert Daily News"


def test_press_release_shape() -> None:
    text, cleaned = _doc(PRESS)
    assert _covered(text, cleaned, "Posted by Field Office | Comments (3)")
    assert _covered(text, cleaned, "Tags: convoy, aid, access", "tag_list")
    assert _covered(text, cleaned, "Print this page")
    assert cleaned.title == "Convoy reaches besieged district"
    _assert_body_kept(
        text,
        cleaned,
        [
            "A humanitarian convoy of 40 trucks reached the besieged district on Tuesday",
            '"This is a lifeline for 60,000 people," the regional director said.',
        ],
    )
    assert _covered(text, cleaned, "GENEVA -", "dateline")  # a bare wire dateline: place and dash


def test_capitalised_kicker_is_not_a_dateline() -> None:
    text = "Troops retake airport\n\nBREAKING - Government troops retook the airport on Monday, officials said.\n"
    _, cleaned = _doc(text)
    i = text.index("BREAKING")
    assert not cleaned.is_boilerplate(i, i + len("BREAKING"))


@pytest.mark.parametrize("place", ["QUETTA", "NEW DELHI"])
def test_colon_dateline_is_marked_but_a_kicker_with_a_colon_is_not(place: str) -> None:
    # South Asian papers open with the place and a colon; "UPDATE:" is a label, not a place
    text = f"Grenade hurled at station\n\n{place}: Two policemen were injured in Sibi on Sunday.\n"
    _, cleaned = _doc(text)
    i = text.index(place)
    assert cleaned.is_boilerplate(i, i + len(place))
    assert cleaned.dateline is not None and cleaned.dateline.startswith(place)
    text = "Grenade hurled at station\n\nUPDATE: Two policemen were injured in Sibi on Sunday.\n"
    _, cleaned = _doc(text)
    assert not cleaned.is_boilerplate(text.index("UPDATE"), text.index("UPDATE") + 6)
    # ... nor a transcript's speaker label
    text = "Debate transcript\n\nHARRIS: I think the border needs more judges.\n"
    _, cleaned = _doc(text)
    assert not cleaned.is_boilerplate(text.index("HARRIS"), text.index("HARRIS") + 6)


@pytest.mark.parametrize("opening", ["BOGOTÁ (Wire) — ", "BOGOTÃ\x81 (Wire) â€” ", "ASUNCIÓN, Paraguay (Wire) - "])
def test_accented_and_mojibake_wire_datelines_are_marked(opening: str) -> None:
    # the place's accent (or its mojibake) and a mojibake dash still open a wire dateline
    body = "Police detained 12 people in Cali on Tuesday."
    text = f"Arrests in Cali\n\n{opening}{body}\n"
    _, cleaned = _doc(text)
    start = text.index(opening)
    assert cleaned.is_boilerplate(start, start + 5)
    i = text.index(body)
    assert not cleaned.is_boilerplate(i, i + len(body))


def test_pull_quote_repeat_stays_body() -> None:
    quote = '"We will not leave until the last family is safe," the commander said.'
    text = f"Troops hold the bridge\n\nTroops held the bridge overnight, officers said on Friday.\n\n{quote}\n\n{quote}\n"
    _, cleaned = _doc(text)
    first = text.index(quote)
    second = text.index(quote, first + 1)
    assert not cleaned.is_boilerplate(first, first + len(quote))
    assert not cleaned.is_boilerplate(second, second + len(quote))


def test_wire_dateline_prefix_marked_and_outlet() -> None:
    text = "Troops retake airport\n\nKANDAHAR, Afghanistan, July 5 (Reuters) - Government troops retook the airport on Monday, officials said.\n"
    _, cleaned = _doc(text)
    assert cleaned.outlet == "Reuters"
    assert cleaned.dateline is not None and cleaned.dateline.startswith("KANDAHAR")
    sent = "Government troops retook the airport on Monday, officials said."
    i = text.index(sent)
    assert not cleaned.is_boilerplate(i, i + len(sent))
    assert cleaned.is_boilerplate(text.index("KANDAHAR"), text.index("KANDAHAR") + 8)


def test_lower_cased_wire_dateline_is_marked_but_a_clause_is_not() -> None:
    # an archive that lower-cased everything still writes the agency's bracket and the dash
    text = "troops retake airport\n\nkandahar, afghanistan (wire) - government troops retook the airport on monday.\n"
    _, cleaned = _doc(text)
    assert cleaned.dateline is not None and cleaned.dateline.startswith("kandahar")
    assert cleaned.is_boilerplate(text.index("kandahar"), text.index("kandahar") + 8)
    clause = "troops retake airport\n\nthe united nations (un) - which runs the airport - said on monday it had left.\n"
    _, cleaned = _doc(clause)
    assert cleaned.dateline is None
    assert not cleaned.is_boilerplate(clause.index("the united"), clause.index("the united") + 10)


def test_lower_cased_dateline_with_its_day_and_no_agency_is_marked() -> None:
    # "jos, nov 18 - gunmen ...": a place, a comma, a month and day and a dash open no sentence
    text = "gunmen kill 12 in nigeria\n\njos, nov 18 - gunmen killed 12 people in a village on monday, police said.\n"
    _, cleaned = _doc(text)
    assert cleaned.dateline is not None and cleaned.dateline.startswith("jos")
    assert cleaned.is_boilerplate(text.index("jos,"), text.index("jos,") + 3)
    assert not cleaned.is_boilerplate(text.index("gunmen killed"), text.index("gunmen killed") + 6)
    clause = "gunmen kill 12 in nigeria\n\nthe army, which arrived on may 12 - said nothing of the attack.\n"
    _, cleaned = _doc(clause)
    assert cleaned.dateline is None
    cased = "Gunmen kill 12 in Nigeria\n\nJos, Nov 18 - Gunmen killed 12 people in a village on Monday, police said.\n"
    _, cleaned = _doc(cased)
    assert cleaned.dateline is not None and cleaned.dateline.startswith("Jos")
    # the day before the month, as French and West African papers write it
    day_first = "Gunmen kill 12 in Niger\n\nZinder, 9 June 2023 - Gunmen killed 12 people in a village on Monday, police said.\n"
    _, cleaned = _doc(day_first)
    assert cleaned.dateline is not None and cleaned.dateline.startswith("Zinder")
    assert not cleaned.is_boilerplate(day_first.index("Gunmen killed"), day_first.index("Gunmen killed") + 6)
    _, cleaned = _doc(day_first.lower())
    assert cleaned.dateline is not None and cleaned.dateline.startswith("zinder")


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "BREAKING NEWS\n\nBREAKING NEWS\n\nShelling kills five in eastern town\n\nShelling killed five people in the eastern town on Sunday, medics said.\n",
            "Shelling kills five in eastern town",
        ),
        (
            "World News\nPublished: 0237 GMT July 05, 2021\nTalks resume in Doha as fighting rages\nNegotiators met again in Doha on Monday, both delegations said in statements.\n",
            "Talks resume in Doha as fighting rages",
        ),
        (
            "Listen Live\n\nThe army said on Tuesday that it had repelled an attack on the northern base overnight.\n",
            None,
        ),
        (
            "WATCH: Footage of the attack\n\nGunmen attacked a bus station in the city on Friday, police said in a statement.\n",
            None,
        ),
    ],
)
def test_titles(text: str, title: str | None) -> None:
    _, cleaned = _doc(text)
    assert cleaned.title == title


def test_given_title_is_located() -> None:
    text = "Home\n\nAirstrikes hit fuel depot\n\nAirstrikes hit a fuel depot outside the city late on Saturday, residents said.\n"
    _, cleaned = _doc(text, title="Airstrikes  hit fuel depot")
    assert cleaned.title_span is not None
    assert text[cleaned.title_span[0] : cleaned.title_span[1]] == "Airstrikes hit fuel depot"


@pytest.mark.parametrize(
    ("line", "value"),
    [
        ("18:56 GMT05 December 2020", "2020-12-05T18:56"),
        ("Published: 0237 GMT July 05, 2021", "2021-07-05T02:37"),
        ("Updated 2:37 PM ET, Mon July 5, 2021", "2021-07-05T14:37"),
        ("2021-07-05", "2021-07-05"),
        ("Monday 5th of July 2021", "2021-07-05"),
        ("Sept. 12, 2019 12:05 a.m.", "2019-09-12T00:05"),
        ("13/07/2021", "2021-07-13"),
        ("05/07/2021", None),  # day/month order unknown: no value rather than a wrong one
    ],
)
def test_dateline_parsing(line: str, value: str | None) -> None:
    parts = dl.parse(line)
    assert (parts.iso if parts else None) == value
    assert dl.is_dateline(line)


def test_sentence_with_date_is_not_a_dateline() -> None:
    assert not dl.is_dateline("Fighters attacked the base on July 5, 2021, killing three guards")


def test_no_boilerplate_in_plain_prose() -> None:
    text = "\n\n".join(BODY[1:]) + "\nShelling resumed at dawn on Friday, residents said."
    _, cleaned = _doc(text)
    assert cleaned.boilerplate == []
    assert cleaned.title is None


@pytest.mark.slow  # a 20 MB text
def test_large_text_is_cleaned() -> None:
    """A 20 MB scrape is classified like its parts (time growth is tests/test_complexity.py's job)."""
    block = SCRAPE * 20_000  # about 20 MB
    cleaned = clean(Document(id="big", text=block))
    assert cleaned.boilerplate
    assert all(0 <= s.start < s.end <= len(block) for s in cleaned.boilerplate)


@pytest.mark.parametrize(
    ("text", "body", "footer"),
    [
        (  # a short closing quotation
            "Fishermen in the bay said the new quota would halve their catch this season.\n\n"
            '"We will sell," he said.\n\n'
            "Follow us on Twitter\n",
            '"We will sell," he said.',
            ["Follow us on Twitter"],
        ),
        (  # a short closing sentence of the story
            "Gunmen stormed a police post in the hills before dawn, killing four officers, officials said.\n\n"
            "The rebels claimed responsibility.\n\n"
            "All rights reserved.\n"
            "Related stories...\n",
            "The rebels claimed responsibility.",
            ["All rights reserved.", "Related stories..."],
        ),
    ],
)
def test_a_short_closing_line_of_the_story_is_body_not_footer(text: str, body: str, footer: list[str]) -> None:
    text, cleaned = _doc(text)
    _assert_body_kept(text, cleaned, [body])
    for line in footer:
        assert _covered(text, cleaned, line)
