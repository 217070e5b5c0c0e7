"""Statements whose attribution is not a reporting verb: clauses that quote their subject's words,
heads ending in a colon, clause-taking verbs (recalled that ...), questions, appositive roles."""

from __future__ import annotations

import pytest

from .statement_helpers import one, stmts, who

# ----------------------------------------------------------------- a clause quoting its subject


def test_called_with_a_quoted_phrase_is_a_statement_of_the_subject() -> None:
    text = "Governor Ellen Marsh called the new levy \u201can insult to every family in town\u201d on Monday."
    st = one(stmts(text), "insult to every family")
    assert "marsh" in who(st)
    assert st.quote_form == "mixed" and st.direct is True  # the levy is named outside the quotation
    assert "the new levy" in st.mentions[0].text
    assert st.intent != "appeal"  # naming something is not calling on anyone


def test_thanked_for_a_quoted_phrase() -> None:
    text = "Mayor Tom Reyes thanked the volunteers for \u201ckeeping the shelters open all winter.\u201d"
    st = one(stmts(text), "keeping the shelters open")
    assert "reyes" in who(st)
    assert st.mentions[0].text.endswith("\u201d")  # the closing mark stays with the quotation


def test_participle_on_the_subject_credits_the_subject() -> None:
    text = "The rebels, calling the truce \u201ca trap for our fighters,\u201d moved north on Friday."
    st = one(stmts(text), "trap for our fighters")
    assert "rebels" in who(st)


def test_content_stops_before_a_conjoined_clause() -> None:
    text = (
        "Senator Ana Ruiz described the budget as \u201ca betrayal of rural voters\u201d "
        "and promised to vote against it."
    )
    st = one(stmts(text), "betrayal of rural voters")
    assert "promised" not in st.quote


def test_one_quoted_word_from_a_named_person_is_a_quotation() -> None:
    st = one(stmts("Governor Ellen Marsh called the ruling \u201carbitrary.\u201d"), "arbitrary")
    assert "marsh" in who(st)
    # a bare surname the parse reads as a proper noun but not as a person is still someone named
    st = one(stmts("Vance called the closure \u201carbitrary.\u201d"), "arbitrary")
    assert "vance" in who(st)


def test_called_does_not_report_the_clause_before_a_colon() -> None:
    text = "Even its friends sounded unsure: Senator Ann Lake called it \u201cthe least bad option we have.\u201d"
    st = one(stmts(text), "least bad option")
    assert st.speaker.name == "Ann Lake"
    assert all("sounded unsure" not in s.quote for s in stmts(text))


@pytest.mark.parametrize(
    "text",
    [
        'Residents called the checkpoint "hell".',  # one word from a crowd: a label
        "The two parties ended in a \u201cvirtual tie\u201d on Sunday.",  # a circumstance, nobody quoted
        "He hosts \u201cMeet the Voters of Ohio\u201d on Fridays.",  # a title
        "The mayor will not call the plan \u201ca final answer\u201d yet.",  # negated
    ],
)
def test_quotes_that_credit_nobody_are_not_statements(text: str) -> None:
    assert stmts(text) == []


# ----------------------------------------------------------------- heads ending in a colon


def test_colon_after_a_clause_with_any_verb() -> None:
    text = "The senator addressed the crowd again: \u201cWe will not give up this fight, not now and not ever.\u201d"
    st = one(stmts(text), "give up this fight")
    assert st.direct is True
    assert "senator" in who(st)


def test_colon_after_conjoined_verbs_takes_the_first_subject() -> None:
    text = "The chief stepped forward, then leaned in and boomed: \u201cLet us rebuild this town together.\u201d"
    st = one(stmts(text), "rebuild this town")
    assert "chief" in who(st)


def test_colon_after_role_and_name() -> None:
    text = "Regional pollster Mark Ellison: \u201cTurnout in the valley has doubled since the spring.\u201d"
    st = one(stmts(text), "Turnout in the valley")
    assert "ellison" in who(st)
    assert st.direct is True


# ----------------------------------------------------------------- reporting verbs, questions


def test_recalled_that_reports_a_clause() -> None:
    st = one(stmts("The senator recalled that the bridge had been closed for a decade."), "bridge had been closed")
    assert "senator" in who(st)


@pytest.mark.parametrize(
    ("text", "said", "speaker"),
    [
        ("The pilot recalled that the storm would pass by the evening.", "the storm would pass", "pilot"),
        ("Ann Vale complained that the clerks were hiding the ferry bills.", "the clerks were", "vale"),
        ("The treasurer conceded that the town is losing money.", "the town is losing", "treasurer"),
    ],
)
def test_a_clause_finite_through_its_auxiliary_is_reported(text: str, said: str, speaker: str) -> None:
    st = one(stmts(text), said)
    assert st.quote.startswith(said) and speaker in who(st)


def test_recalled_with_an_object_only_is_not_a_statement() -> None:
    assert stmts("The general recalled the ambassador from the capital on Monday.") == []


def test_relative_object_keeps_what_follows_the_verb() -> None:
    text = "The council backed a new fence, which the mayor said the province should also pay for."
    st = one(stmts(text), "province should also pay for")
    assert "mayor" in who(st)


def test_question_conjoined_to_another_verb() -> None:
    st = one(stmts("The mayor shook hands and asked workers if they planned to vote on Tuesday."), "planned to vote")
    assert "mayor" in who(st)


def test_when_asked_is_the_question_not_the_speaker() -> None:
    text = (
        "Governor Paul Kent had previously said, \u201cWe will see,\u201d when asked whether he would "
        "campaign for other candidates."
    )
    sts = stmts(text)
    assert "kent" in who(one(sts, "We will see"))
    assert one(sts, "whether he would campaign").quote.startswith("whether")


# ----------------------------------------------------------------- appositive roles


def test_appositive_is_the_role_of_a_named_speaker() -> None:
    text = (
        "Lindsey Harper spoke on Monday. Harper, a former candidate, said the party would lose the seat. "
        "\u201cWe will not go back,\u201d said Mark Doe, the mayor\u2019s spokesman."
    )
    sts = stmts(text)
    st = one(sts, "lose the seat")
    assert st.speaker.name == "Lindsey Harper" and st.speaker.role == "former candidate"
    assert one(sts, "We will not go back").speaker.role == "mayor\u2019s spokesman"


def test_relative_clause_after_a_name_is_no_role() -> None:
    st = one(stmts("Jane Roe, who served as a judge for years, said the law was clear."), "law was clear")
    assert st.speaker.name == "Jane Roe" and st.speaker.role is None


def test_earlier_clause_of_a_colon_head_is_its_own_statement() -> None:
    text = "The president noted that he had taught law for years, and added: \u201cI know a little about this.\u201d"
    sts = stmts(text)
    assert one(sts, "taught law for years").direct is False
    assert one(sts, "I know a little").direct is True


def test_reported_clause_stops_before_the_next_quotation() -> None:
    text = (
        "But the senator told the radio station that he thinks the mayor is a \u201ctotal fraud\u201d "
        "and said \u201cthe record is quite clear on that.\u201d"
    )
    st = one(stmts(text), "total fraud")
    assert "record is quite clear" not in st.quote
    assert not st.quote.endswith("said")


def test_quoting_verb_conjoined_to_others_shares_their_subject() -> None:
    text = (
        "The candidate mocked a reporter and recently pointed to a man in the crowd and "
        'called him "my favorite heckler in the whole state."'
    )
    st = one(stmts(text), "favorite heckler")
    assert "candidate" in who(st)


def test_a_participle_conjoined_to_a_quoting_participle_shares_the_clause_subject() -> None:
    text = (
        "Holt went after Varga on Monday over the ferry deal, calling it \u201ca scandal\u201d and "
        "insisting that the only reason must be \u201ca favor to friends.\u201d"
    )
    st = one(stmts(text), "only reason must be")
    assert st.speaker.name == "Holt" and st.quote.startswith("the only reason")


def test_a_noun_for_a_person_can_be_credited_with_quoted_words() -> None:
    text = 'One strategist described the race as "a superhighway for outsiders and a dirt path for insiders."'
    st = one(stmts(text), "superhighway for outsiders")
    assert "strategist" in who(st)
    assert not stmts('The memo described the race as "a superhighway for outsiders and a dirt path for insiders."')


def test_one_quoted_word_from_a_role_is_a_statement_but_from_a_crowd_a_label() -> None:
    st = one(stmts('The mayor called the system "rigged" in a tweet on Tuesday.'), "rigged")
    assert "mayor" in who(st)
    assert stmts('Residents called the checkpoint "hell" on Monday.') == []


def test_a_reporting_verb_form_used_as_a_noun_heads_no_quote() -> None:
    # "order" (the noun, after "restore") is no reporting verb: the quoted words end the reported clause
    st = one(stmts('The governor said the police would restore order "before the end of the month".'), "restore order")
    assert st.quote.startswith("the police would restore order") and st.quote_form == "mixed"
    assert who(st) == "governor"
