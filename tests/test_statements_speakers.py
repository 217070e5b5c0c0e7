"""Statements: speakers that are not one named person — an unnamed group, a body named only by a
common noun, a long described source. Composed sentences only."""

from __future__ import annotations

from .statement_helpers import one, stmts, who


def test_a_long_according_to_source_is_cut_at_its_participle() -> None:
    text = (
        "Primary\n\n"
        "According to early results of exit polls conducted for the national networks by a research firm, "
        "most voters in the state say they feel betrayed by the party."
    )
    st = one(stmts(text), "feel betrayed")
    assert st.quote.startswith("most voters")
    assert who(st) == "early results of exit polls"


def test_an_according_to_source_keeps_its_initials_and_titles() -> None:
    st = one(stmts("The bridge will close for a month, according to U.S. transport officials."), "bridge")
    assert "u.s. transport officials" in who(st)
    st = one(stmts("The talks have stalled, according to Sen. Ann Lake."), "talks have stalled")
    assert st.speaker.name == "Ann Lake"


def test_an_unnamed_group_is_the_speaker() -> None:
    st = one(stmts("Those surveyed said the economy mattered more than anything else this year."), "economy")
    assert who(st) == "those surveyed"
    st = one(stmts("Some said the vote had been rushed through the council without a hearing."), "rushed")
    assert who(st) == "some" and st.speaker.organization is None


def test_a_body_named_by_a_common_noun_with_no_body_before_it() -> None:
    st = one(stmts("The government said the economy would grow faster than anyone expected."), "grow faster")
    assert "government" in who(st)


def test_an_answer_or_a_pro_form_is_what_was_said() -> None:
    sts = stmts("The mayor was asked if he would run again. He said no.")
    st = one(sts, "no")
    assert st.quote == "no" and "mayor" in who(st)
    st = one(stmts("A third of the residents said the same about the governor."), "the same")
    assert "third of the residents" in who(st)


def test_a_who_clause_on_any_people_noun_is_their_statement() -> None:
    st = one(stmts("Those who said the bridge was unsafe were ignored by the council."), "bridge")
    assert st.quote == "the bridge was unsafe" and who(st) == "those"


def test_a_subset_counted_among_those_who_said_is_no_statement() -> None:
    assert stmts("Among those who said the economy was their top issue, the mayor won easily.") == []
