"""Statements: where reported content begins and ends, and subjects the parse hangs oddly.
Composed sentences only."""

from __future__ import annotations

import pytest

from .statement_helpers import one, stmts, who


def test_reported_content_keeps_the_closing_mark_of_its_quotation() -> None:
    st = one(stmts('The governor said on Monday that the old bridge was "beyond repair."'), "beyond repair")
    text = st.mentions[0].text
    assert text.count('"') == 2 and text.endswith('."')
    assert st.quote_form == "mixed" and st.direct  # the bridge is named outside the quotation


def test_reported_content_that_is_one_quotation_is_direct() -> None:
    st = one(stmts("The council wrote that the road tolls \u201cwill be lifted by spring.\u201d"), "lifted by spring")
    assert st.mentions[0].text.count("\u201c") == st.mentions[0].text.count("\u201d") == 1
    text = "Mayor Ann Vale told reporters the plan \u201cwould cost far too much,\u201d and left the hall."
    st = one(stmts(text), "far too much")
    assert st.mentions[0].text.endswith(",\u201d")


def test_participle_after_the_subject_does_not_hide_the_speaker() -> None:
    text = "Hundreds of farmers in two provinces heading to the capital on Monday said they oppose the new tax."
    st = one(stmts(text), "oppose the new tax")
    assert "farmers" in who(st)
    assert "heading to the capital" not in st.quote


def test_statement_issued_saying_is_said_by_who_issued_it() -> None:
    text = "On Sunday, the ministry issued a statement saying that the border crossing would reopen within days."
    st = one(stmts(text), "border crossing would reopen")
    assert "ministry" in who(st)
    assert not st.quote.startswith("that")


def test_passive_verb_conjoined_with_said_keeps_its_subject_as_speaker() -> None:
    text = "By evening, the minister was pushed into a rare apology and said that her remarks had been misread."
    st = one(stmts(text), "remarks had been misread")
    assert "minister" in who(st)


def test_interview_answer_drops_its_answer_label() -> None:
    text = "Q: Will the mill reopen this year?\n\nA: Not before the spring. We still need new machines.\n"
    st = one(stmts(text), "new machines")
    assert st.mentions[0].text.startswith("Not before")
    assert st.direct is True


def test_long_head_before_a_quotation_names_its_subject() -> None:
    text = (
        "Although there is no date for the vote yet, a party aide who spoke anonymously to describe the talks "
        'said Friday, "There are meetings every week between the two boards."'
    )
    st = one(stmts(text), "meetings every week between the two boards")
    assert st.direct is True and "party aide" in who(st)
    assert "spoke anonymously" not in who(st)
    assert not st.mentions[0].text.startswith("Although")


def test_subject_read_as_an_appositive_is_the_speaker() -> None:
    text = (
        "Speaking for her brother, former governor Tom Reyes said her brother was the best choice "
        'to run the port because "the docks need a firm hand."'
    )
    st = one(stmts(text), "best choice")
    assert st.speaker.name == "Tom Reyes"


def test_subject_with_its_relative_clause_read_as_a_clause_is_the_speaker() -> None:
    text = (
        "One delegate, who like several others declined to be named to talk about the closed session, "
        'said the mood was that "nobody wants another strike this winter."'
    )
    st = one(stmts(text), "another strike this winter")
    assert "delegate" in who(st)
    assert "declined to be named" not in st.quote


def test_what_the_speaker_went_on_to_note_after_a_quotation_is_its_own_statement() -> None:
    sts = stmts('"The dispute over the water is settled," he added, noting that about 40 villages signed onto the accord.')
    assert one(sts, "dispute over the water").direct is True
    noted = one(sts, "40 villages signed")
    assert noted.direct is False and "added" not in noted.quote
    sts = stmts('"We will get used to it over the next months," he added, while also saying that he expects to win.')
    assert one(sts, "expects to win").direct is False


def test_a_joined_clause_reporting_other_words_is_its_own_statement() -> None:
    text = (
        "Plants close\n\n"
        "The mayor said the city had lost two plants this year and its council members warned "
        "that more closures would follow."
    )
    sts = stmts(text)
    assert one(sts, "lost two plants").quote == "the city had lost two plants this year"
    assert "council members" in who(one(sts, "more closures"))


def test_what_was_said_does_not_end_on_the_conjunction_before_the_next_statement() -> None:
    text = (
        "Voters gloomy on jobs\n\n"
        "Most of those polled said they were uneasy about where the local economy was heading, "
        "and nearly half said the mayor would be best at handling it."
    )
    st = one(stmts(text), "where the local economy")
    assert st.quote == "they were uneasy about where the local economy was heading"


def test_a_reporting_participle_after_what_was_said_is_a_second_statement() -> None:
    sts = stmts("Budget vote\n\nThe senator said the bill was badly flawed, noting that it had no money behind it.")
    first = one(sts, "badly flawed")
    assert first.quote == "the bill was badly flawed"
    second = one(sts, "no money")
    assert second.quote == "it had no money behind it" and "senator" in who(second)


def test_a_quotation_after_a_second_reporting_verb_is_not_the_first_one_going_on() -> None:
    text = '"We have started all those talks," Ms. Vane said, adding of the mayor, "He cares about the whole team."'
    sts = stmts(text)
    assert one(sts, "started all those talks").quote == "We have started all those talks"
    assert one(sts, "cares about").quote == "He cares about the whole team."
    text = '"We will win," she said, "and soon."'  # a quotation that goes on after its attribution stays one
    assert len(stmts(text)) == 1


def test_a_colon_head_whose_last_verb_is_in_an_object_clause_credits_its_own_subject() -> None:
    text = (
        "Apology\n\n"
        'The mayor has since apologized for what took place: "I was wrong to use a private phone. '
        'It will not happen again."'
    )
    st = one(stmts(text), "private phone")
    assert st.direct is True and "mayor" in who(st)


def test_an_as_clause_with_a_day_after_it_still_credits_the_clause_it_hangs_on() -> None:
    text = (
        "Fans abroad\n\n"
        "As the Evening Post noted in a column Friday, the frontrunner has won over a handful of "
        "admirers in Europe."
    )
    st = one(stmts(text), "handful of")
    assert st.quote.startswith("the frontrunner") and "evening post" in who(st)


def test_a_clause_said_whose_subject_the_parse_hung_on_the_verb_is_what_was_said() -> None:
    text = (
        "News habits\n\n"
        'Lane, the author of "Going Under," said the days when the country had a shared story from '
        "its newspapers are gone."
    )
    st = one(stmts(text), "shared story")
    assert st.quote.startswith("the days when") and st.quote.endswith("are gone") and st.speaker.name == "Lane"


def test_reported_content_that_opens_a_quotation_goes_on_to_its_closing_mark() -> None:
    text = 'Vote\n\nReed responded that the mayor "is right about the roads, but his budget does not add up."'
    st = one(stmts(text), "right about the roads")
    assert st.mentions[0].text.endswith('does not add up."') and "reed" in who(st)
    text = 'Vote\n\nThe coach told us that the team has "played every game with heart, and it is ready."'
    st = one(stmts(text), "every game with heart")
    assert st.mentions[0].text.endswith('it is ready."')


def test_the_programme_or_channel_words_went_out_on_is_not_what_was_said() -> None:
    st = one(stmts("Ortega said the harbour would flood again if the levee is rebuilt on Thursday\u2019s \u201cCoast Hour.\u201d"), "harbour")
    assert st.quote == "the harbour would flood again if the levee is rebuilt"
    st = one(stmts("Brandt said the ferry had left without him on his morning show on Friday."), "ferry")
    assert st.quote == "the ferry had left without him"
    st = one(stmts("Okafor said the mayor was wrong about the tolls on his weekly radio show."), "tolls")
    assert st.quote == "the mayor was wrong about the tolls"


def test_a_programme_in_what_was_said_stays() -> None:
    st = one(stmts("Okafor said the raid was filmed by a neighbour and shown on a program about policing."), "raid")
    assert st.quote.endswith("shown on a program about policing")
    st = one(stmts("Okafor said the new levy would fall on radio and television."), "levy")
    assert st.quote.endswith("radio and television")


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("The convoy was small, an aide said on condition of anonymity to describe internal plans.", "The convoy was small"),
        ("The convoy was small, he said, on condition of anonymity.", "The convoy was small"),
        ("An aide said on condition of anonymity that the convoy had turned back.", "the convoy had turned back"),
    ],
)
def test_the_terms_a_source_spoke_on_are_not_what_was_said(text: str, said: str) -> None:
    assert one(stmts(text), "convoy").quote == said


def test_a_described_speaker_is_its_noun_phrase_without_a_focus_word_or_relative_clause() -> None:
    st = one(stmts("Even a senior party strategist said the governor would have to pick a side."), "pick a side")
    assert st.speaker.role == "senior party strategist" and st.speaker.organization is None
    st = one(stmts("The vote was lost, said an aide who spoke to reporters after the session."), "vote was lost")
    assert st.speaker.role == "aide"
