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


def test_a_description_opened_by_a_capitalized_determiner_is_no_organization() -> None:
    st = one(stmts("The fair ran late. One visitor said the queue for the rides was far too long."), "queue")
    assert st.speaker.name is None and st.speaker.organization is None
    assert st.speaker.role == "One visitor"
    st = one(stmts("Three harbor pilots said the channel had silted up over the winter."), "silted")
    assert st.speaker.name is None and st.speaker.role == "Three harbor pilots"


def test_a_reporting_word_used_as_a_noun_does_not_cut_the_speaker() -> None:
    text = '"The levee will hold this spring," Ann Lake, deputy secretary of state for water, said on a call.'
    st = one(stmts(text), "levee")
    assert st.speaker.name == "Ann Lake"
    assert st.speaker.role == "deputy secretary of state for water"


def test_an_appositive_role_stops_before_its_relative_clause() -> None:
    st = one(stmts('"The ruling is narrow," said Ann Lake, a lawyer in Dover who argues water cases.'), "ruling")
    assert st.speaker.name == "Ann Lake" and st.speaker.role == "lawyer in Dover"


def test_a_quoted_sentence_after_a_writers_colon_belongs_to_its_tail_speaker() -> None:
    text = (
        "Port\n\nFew expected it. But the vote may matter more than that: "
        '"We think the city will sell the ferries before the summer ends," '
        "Ann Lake, an analyst at Harbor Research, wrote in a note to clients."
    )
    st = one(stmts(text), "ferries")
    assert st.speaker.name == "Ann Lake"
    assert st.direct and st.quote.startswith("We think")


def test_an_abbreviated_title_in_a_tail_does_not_end_the_sentence() -> None:
    text = 'The hall was full. "There is real energy in the river towns," Rep. Ann Lake (D-Ore.) said.'
    st = one(stmts(text), "river towns")
    assert st.speaker.name == "Ann Lake"


def test_a_description_with_adjectives_in_a_row_keeps_its_head_noun() -> None:
    text = 'The port reopened. "We made the river our first concern," the tall, soft-spoken envoy said on Monday.'
    st = one(stmts(text), "river")
    assert st.speaker.role is not None and st.speaker.role.endswith("envoy")


def test_a_participle_after_the_name_is_no_role() -> None:
    st = one(stmts('"We will win this," said Ann Lake, referring to the vote on the harbor.'), "win this")
    assert st.speaker.name == "Ann Lake" and st.speaker.role is None
    st = one(stmts('"We will win this," said Ann Lake, managing editor of the Harbor News.'), "win this")
    assert st.speaker.role == "managing editor of the Harbor News"


def test_a_bare_surname_takes_the_full_name_written_before_it() -> None:
    from sitrep.extract.statements.speakers import _full_name

    text = "At the hall, Adel Nefzo spoke first. Later Nefzo said the board had done nothing wrong."
    assert _full_name(text, "Nefzo", text.index("Later")) == "Adel Nefzo"
    assert _full_name(text, "Nefzo", text.index("Adel")) is None  # nothing named before it
    text = "The New York Times reported it first. Times said the port was shut."
    assert _full_name(text, "Times", text.index("Times said")) is None  # part of a longer name


def test_a_quotation_going_on_unquoted_takes_the_speaker_after_the_last_comma() -> None:
    text = (
        'The vote is close. "Many would call that a loss for the mayor" if she did not win by more, '
        "said Ann Lake, an analyst at Harbor Research."
    )
    st = one(stmts(text), "a loss")
    assert st.speaker.name == "Ann Lake"
    text = (
        'The case is open. "If the city finds more records, it will search them" that would answer '
        "the request, city lawyer Ann Lake wrote in a filing."
    )
    st = one(stmts(text), "more records")
    assert st.speaker.name == "Ann Lake"


def test_a_participle_after_a_quote_is_no_inverted_speaker() -> None:
    text = (
        "Brawl at the fair\n\n"
        "Mr. Keller said of the brawl, \"I can't stand it,\" adding that the crowd had been angry for hours."
    )
    assert "keller" in who(one(stmts(text), "stand it"))


def test_an_opening_phrase_before_the_speaker_is_not_the_speaker() -> None:
    text = (
        "Interview\n\n"
        "Hillary Clinton gave an interview on Friday. "
        'Of course, Clinton said, "We were never close friends, but we spoke often."'
    )
    assert one(stmts(text), "close friends").speaker.name == "Hillary Clinton"


def test_a_surname_the_model_reads_as_an_adverb_still_speaks() -> None:
    text = (
        "Budget forum\n\n"
        "Congressman David Jolly spoke at the forum on Monday.\n\n"
        "Jolly said the state must move with care before cutting school budgets."
    )
    assert one(stmts(text), "move with care").speaker.name == "David Jolly"
    # a day opening the sentence is no speaker
    assert all("wednesday" not in who(s) for s in stmts("Wednesday added one more twist to the race: a new running mate."))


def test_a_role_then_a_name_the_model_did_not_tag_splits_into_role_and_name() -> None:
    st = one(stmts("Shells hit a school overnight, regional governor Oleh Kiper said on Sunday."), "Shells hit")
    assert (st.speaker.name, st.speaker.role) == ("Oleh Kiper", "regional governor")
    st = one(stmts("The bridge will reopen in May, the transport ministry said."), "bridge")
    assert st.speaker.name is None and "transport ministry" in who(st)


def test_a_named_person_after_a_group_does_not_take_the_group_as_organization() -> None:
    text = (
        "Ferry\n\n"
        "The ferry crisis has alarmed the port authority so much that it has, according to officials, "
        "drawn up a fresh plan.\n\n"
        'Mayor Tom Kramer has long attacked the port, calling its managers "thieves" in every speech.'
    )
    st = one(stmts(text), "thieves")
    assert st.speaker.name == "Tom Kramer" and st.speaker.organization is None


def test_according_to_inside_a_quotation_is_the_quoted_speakers_words() -> None:
    text = 'Crash\n\nMayor Ann Holt told a radio station that "the van sped into the market, according to police."'
    sts = stmts(text)
    st = one(sts, "van sped into the market")
    assert st.speaker.name == "Ann Holt"
    assert not any("police" in who(s) for s in sts)


def test_an_acronym_or_a_family_the_model_tags_as_a_person_is_no_he_or_she() -> None:
    from sitrep.extract.statements.persons import _not_one_person
    from sitrep.model import Speaker
    from sitrep.nlp import load

    doc = load()("He joined the ROTC and later worked for the Hendersons and for Price.")
    known = {"price": Speaker(name="Dana Price")}
    assert _not_one_person("ROTC", doc, 3, known)
    assert _not_one_person("Hendersons", doc, 9, known)  # "the Hendersons": a family
    assert _not_one_person("Prices", doc, 12, known)  # the plural of a surname already named
    assert not _not_one_person("Price", doc, 12, known)
    assert not _not_one_person("Dana Price", doc, 12, known)


def test_an_opening_adverbial_or_a_clause_before_a_dash_is_no_part_of_the_speaker() -> None:
    text = 'Mayor Ruth Okoro spoke in Jos. Additionally, Okoro said: "The market will reopen on Monday."'
    assert one(stmts(text), "market will reopen").speaker.name == "Ruth Okoro"
    text = 'Governor Lee Park posted a video. Less than an hour later, Park wrote, "The bridge is closed."'
    assert one(stmts(text), "bridge is closed").speaker.name == "Lee Park"
    text = "The mayor is seen as more able to handle the flood than Mr. Adeyemi - 60 percent of voters said she would do better."
    assert "60 percent" in who(one(stmts(text), "would do better"))


def test_a_bodys_person_named_with_a_possessive_is_that_person_of_that_body() -> None:
    st = one(stmts("The Daily Ledger's Anne Marsh wrote that the vote count had been slowed."), "vote count")
    assert st.speaker.name == "Anne Marsh" and st.speaker.organization == "Daily Ledger"


def test_a_title_written_in_capitals_before_an_untagged_name_is_role_and_name() -> None:
    st = one(stmts('"The shelter is full," Dnipro Mayor Borys Filatov wrote on Telegram.'), "shelter")
    assert (st.speaker.name, st.speaker.role) == ("Borys Filatov", "Dnipro Mayor")


def test_people_of_a_kind_opening_the_sentence_are_a_description_not_a_name() -> None:
    st = one(stmts("Survivors told the commission that soldiers rounded up the men of the village."), "rounded up")
    assert (st.speaker.name, st.speaker.role, st.speaker.organization) == (None, "survivors", None)
    st = one(stmts("Witnesses said the convoy was hit twice near the bridge."), "convoy")
    assert (st.speaker.name, st.speaker.role) == (None, "witnesses")


def test_a_place_name_inside_a_persons_name_stays_in_the_name() -> None:
    # the ruler tags "Aden" (the Yemeni port) before the model reads the name around it
    st = one(stmts("The gate was blown open, police spokesman Mohamed Aden Ali told reporters."), "gate")
    assert (st.speaker.name, st.speaker.role) == ("Mohamed Aden Ali", "police spokesman")
