"""Statements: pronoun speakers resolved to the person the text means, and content boundaries of
split quotes and parenthetical attributions ("X, she said, ..."). Composed sentences only."""

from __future__ import annotations

from .statement_helpers import one, stmts, who

# ----------------------------------------------------------------- pronoun speakers


def test_he_said_is_the_person_just_named_not_the_previous_speaker() -> None:
    text = (
        "Flood relief stalls\n\n"
        '"The bridge will reopen in May," said Governor Alan Pruitt.\n\n'
        "Senator Robert Hale toured the flooded district on Tuesday with local officials. "
        '"We need federal money now, not next year," he said.'
    )
    st = one(stmts(text), "federal money")
    assert st.speaker.name == "Robert Hale"


def test_she_said_skips_a_man_named_in_between() -> None:
    text = (
        "Budget talks\n\n"
        "Ms. Laura Benning met Mr. Paul Oster at the council on Friday. "
        "Oster left the room after an hour.\n\n"
        '"We disagree on almost nothing in this budget," she said.'
    )
    st = one(stmts(text), "disagree on almost nothing")
    assert st.speaker.name == "Laura Benning"


def test_a_town_the_model_once_tags_as_a_person_is_no_antecedent() -> None:
    # "Utica" is tagged a place when she moves there and a person when it "became her home":
    # she is the woman named, not the town
    text = (
        "Refugees find a home in upstate New York.\n\n"
        "Amina Hadzic, 38, moved to Utica from Bosnia in 1999 with two children and a suitcase.\n\n"
        "She opened a bakery, and Utica became her home. Recently, she said, she has felt less welcome.\n\n"
        '"People stare at my scarf now," she said. "It was not like this before."'
    )
    st = one(stmts(text), "stare at my scarf")
    assert st.speaker.name == "Amina Hadzic"


def test_names_inside_a_quote_are_not_antecedents() -> None:
    text = (
        "Campaign trail\n\n"
        "Senator Robert Hale spoke to supporters in a gym on Monday. "
        '"Nobody should listen to Tom Pickering on taxes," he said. '
        '"The plan has no money behind it at all," he added.'
    )
    st = one(stmts(text), "no money behind it")
    assert st.speaker.name == "Robert Hale"


def test_a_clause_before_a_quote_gives_its_subject_as_speaker() -> None:
    text = (
        "Campaign trail\n\n"
        "Senator Karen Holloway spoke in Dayton on Friday.\n\n"
        "She recalled her years in the state house, saying, "
        '"We faced hard times together and we won."'
    )
    st = one(stmts(text), "hard times together")
    assert st.speaker.name == "Karen Holloway"


# ----------------------------------------------------------------- content boundaries


def test_split_quote_is_one_statement_without_the_attribution() -> None:
    text = 'Campaign trail\n\nSenator Karen Holloway spoke in Dayton. "We will win," she said, "and soon."'
    sts = stmts(text)
    assert len(sts) == 1
    st = sts[0]
    assert st.quote == "We will win and soon."
    assert "said" not in st.quote
    assert st.direct is True
    assert st.speaker.name == "Karen Holloway"


def test_quote_continued_in_the_next_sentence_is_one_statement() -> None:
    text = (
        'Campaign trail\n\n"It was a long day in the district," Holloway said. "We are all very tired now."'
    )
    sts = stmts(text)
    assert len(sts) == 1
    assert "long day" in sts[0].quote and "very tired" in sts[0].quote
    assert "said" not in sts[0].quote


def test_subject_before_a_parenthetical_attribution_belongs_to_the_quote() -> None:
    text = (
        'Campaign trail\n\nThe new tax plan, Holloway said, "is a disaster for every family in this state."'
    )
    st = one(stmts(text), "disaster for every family")
    assert st.quote.startswith("The new tax plan")
    assert "said" not in st.quote
    assert "holloway" in (st.speaker.name or "").lower()


def test_parenthetical_attribution_in_reported_speech() -> None:
    text = "Campaign trail\n\nThe vote in the county, Holloway said, showed that voters want a change."
    st = one(stmts(text), "voters want a change")
    assert st.quote.startswith("The vote in the county")
    assert "said" not in st.quote
    assert "holloway" in (st.speaker.name or "").lower()


def test_an_attribution_after_its_clause_with_any_verb_and_a_participle_after_it() -> None:
    text = "Ferry\n\nShe had waited for the ferry all night, Holt explained, recalling the bitter cold."
    sts = stmts(text)
    st = one(sts, "waited for the ferry")
    assert st.quote == "She had waited for the ferry all night" and st.speaker.name == "Holt"
    st = one(sts, "bitter cold")
    assert st.quote == "the bitter cold" and st.speaker.name == "Holt"


def test_reporting_verb_conjoined_to_another_verb_shares_its_subject() -> None:
    text = "Campaign trail\n\nKaren Holloway thanked the volunteers and said the campaign would go on."
    st = one(stmts(text), "campaign would go on")
    assert st.speaker.name == "Karen Holloway"


def test_who_said_clause_is_the_named_persons_statement() -> None:
    text = "Campaign trail\n\nTom Pickering, who said he usually votes for the other party, spoke next."
    st = one(stmts(text), "votes for the other party")
    assert st.speaker.name == "Tom Pickering"


# ----------------------------------------------------------------- speaker fields are noun phrases


def test_relative_clause_is_cut_from_a_described_speaker() -> None:
    text = "Council vote\n\nMembers who spoke with reporters afterward said the vote would be held next week."
    st = one(stmts(text), "vote would be held")
    fields = [st.speaker.name, st.speaker.role, st.speaker.organization]
    assert not any(f and "spoke" in f for f in fields), fields


def test_first_person_narrator_is_no_named_speaker() -> None:
    text = "Council vote\n\nI told the committee that the budget was not balanced at all."
    st = one(stmts(text), "budget was not balanced")
    assert st.speaker.name is None and st.speaker.organization is None


def test_quote_attributed_with_continued_or_joked() -> None:
    text = (
        "Campaign trail\n\n"
        '"We have knocked on every door in this county twice," Holloway continued.\n\n'
        'Pickering joked: "My shoes have walked more miles than my car this year."'
    )
    sts = stmts(text)
    assert "holloway" in (one(sts, "every door").speaker.name or "").lower()
    assert "pickering" in (one(sts, "my shoes").speaker.name or "").lower()


def test_pronoun_after_a_fronted_time_phrase_is_the_speaker() -> None:
    text = (
        "Campaign trail\n\n"
        "Senator Robert Hale spoke to supporters in a gym on Monday.\n\n"
        'On the morning show Tuesday, he said, "I never promised to pay for anything."'
    )
    st = one(stmts(text), "never promised")
    assert st.speaker.name == "Robert Hale"


# ----------------------------------------------------------------- antecedents: speakers, given names, titles


def test_he_says_after_a_statement_is_its_speaker_not_the_subject_named_first() -> None:
    text = (
        "Primary season\n\n"
        "Governor Alan Pruitt is the strongest candidate in the field, Walter Brennick argues. "
        '"Nobody else has won a statewide race twice," he says.'
    )
    st = one(stmts(text), "statewide race twice")
    assert st.speaker.name == "Walter Brennick"


def test_she_skips_a_man_known_only_by_his_given_name() -> None:
    text = (
        "Trade talks\n\n"
        "Senator Patricia Lowell met the visiting delegation in Ohio on Monday. "
        "Governor Richard Amsel joined them later in the afternoon.\n\n"
        '"We want the plant to stay open," she said.'
    )
    st = one(stmts(text), "plant to stay open")
    assert st.speaker.name == "Patricia Lowell"


def test_mrs_with_a_shared_surname_is_not_her_husband() -> None:
    text = (
        "Fund-raiser\n\n"
        "Former governor Bill Harrow spoke first at the dinner in Denver. "
        "Mrs. Harrow followed him to the stage an hour later.\n\n"
        '"This campaign is about our children," she said.'
    )
    st = one(stmts(text), "about our children")
    assert st.speaker.name != "Bill Harrow"


def test_a_name_before_its_appositive_is_the_speaker_not_a_name_inside_it() -> None:
    text = (
        "Reading hour\n\n"
        "Karen Dallow, director of the Teddy and Me reading program, said she invites parents "
        "to every class. "
        '"Reading together is how it starts," she said.'
    )
    sts = stmts(text)
    assert one(sts, "invites parents").speaker.name == "Karen Dallow"
    assert one(sts, "how it starts").speaker.name == "Karen Dallow"


def test_and_said_after_another_reporting_verb_is_its_own_content() -> None:
    text = (
        "Budget fight\n\n"
        "Governor Alan Pruitt met lawmakers on Friday.\n\n"
        "He criticized the senators for their votes, and said the state would lose its schools."
    )
    sts = stmts(text)
    st = one(sts, "lose its schools")
    assert "senators" not in st.quote
    assert st.speaker.name == "Alan Pruitt"


def test_a_name_opening_with_a_common_given_name_is_a_person_antecedent() -> None:
    text = (
        "Convention night\n\n"
        "On the last day of the convention, Ivanka Trump strode across the stage. "
        "Then she thanked the delegates.\n\n"
        '"Policies that let parents thrive should be the norm," she said.'
    )
    st = one(stmts(text), "parents thrive")
    assert st.speaker.name == "Ivanka Trump"


# ----------------------------------------------------------------- speaker phrases


def test_a_surname_ending_in_ly_is_not_cut_as_an_adverb() -> None:
    st = one(stmts('"We will win this state," Tom Reilly said on Sunday.'), "win this state")
    assert st.speaker.name == "Tom Reilly"
    st = one(stmts('"The vote is close," Megan Daly told reporters.'), "vote is close")
    assert st.speaker.name == "Megan Daly"


def test_an_adverb_before_the_verb_is_still_cut() -> None:
    st = one(stmts('"The vote is close," Megan Dorne quietly said.'), "vote is close")
    assert st.speaker.name == "Megan Dorne"


def test_inverted_attribution_after_a_sentence_opener() -> None:
    text = 'Ann Kell praised him. But, said Tom Reilly, "I do not want to drum up conflict with anyone here."'
    st = one(stmts(text), "drum up conflict")
    assert st.speaker.name == "Tom Reilly" and st.direct is True


def test_he_after_a_definite_role_subject_is_the_person_with_that_title() -> None:
    text = (
        "Court hearing\n\n"
        "Judge Anna Morrow heard the case in May. Lawyer Peter Vance spoke for an hour. "
        "The judge rubbed her chin. She said the two sides had said the same thing."
    )
    st = one(stmts(text), "two sides")
    assert st.speaker.name == "Anna Morrow"


def test_he_after_a_role_subject_matches_an_abbreviated_title() -> None:
    text = (
        "Campaign trail\n\n"
        "Sen. Mark Dalton and Frank Ruiz campaigned in Ohio. Ruiz has a big delegate lead. "
        "The senator sought to calm his supporters. He said that he would pray for the eventual nominee."
    )
    st = one(stmts(text), "pray for the eventual nominee")
    assert st.speaker.name == "Mark Dalton"


def test_he_after_an_unmatched_description_is_that_description() -> None:
    text = (
        "Campaign trail\n\n"
        "Frank Ruiz has a big delegate lead in Ohio. The Florida senator sought to calm his supporters. "
        "He said that he would pray for the eventual nominee."
    )
    st = one(stmts(text), "pray for the eventual nominee")
    assert st.speaker.role == "Florida senator"


def test_a_conjunction_before_the_pronoun_of_a_head_attribution() -> None:
    text = (
        '"We will resist the urge to trample civil liberties," Mr. Hal Barnet said in the briefing. '
        'But he added: "We do not want a safe haven for them."'
    )
    st = one(stmts(text), "safe haven")
    assert st.speaker.name == "Hal Barnet"


def test_names_in_what_a_pronoun_says_are_not_its_antecedent() -> None:
    text = (
        "Port dispute\n\n"
        "The trade minister, Omar Sadiq, said the port would stay open all winter. "
        "Mr. Lindqvist may be wrong about the port, he says."
    )
    st = one(stmts(text), "wrong about the port")
    assert st.speaker.name == "Omar Sadiq"


def test_a_description_with_a_name_in_apposition_is_that_person() -> None:
    text = "The judge who heard the case, Ann Lee, spoke on Monday. The verdict would stand, she said."
    st = one(stmts(text), "verdict would stand")
    assert st.speaker.name == "Ann Lee"


def test_a_role_with_its_owner_and_a_name_in_apposition_is_that_person_with_that_role() -> None:
    text = (
        "Aid stalls\n\n"
        "An RSF adviser said the group would accept a truce. "
        "The charity's field director, Maria Olsen, said aid lorries had waited at the border for weeks."
    )
    st = one(stmts(text), "lorries")
    assert (st.speaker.name, st.speaker.role) == ("Maria Olsen", "field director")
    assert st.speaker.organization is None  # (not the adviser's group)
    st = one(stmts("Chad's envoy to the talks, Idriss Moussa, said the draft was unacceptable."), "draft")
    assert (st.speaker.name, st.speaker.role, st.speaker.organization) == ("Idriss Moussa", "envoy", "Chad")


def test_one_who_speaks_of_herself_by_name_when_the_sentence_before_names_nobody() -> None:
    text = (
        "The crowd pushed toward the stage. In Dayton on Monday, Ms. Ann Ortiz was shocked by "
        "the reaction from the crowd, she said in an interview later."
    )
    st = one(stmts(text), "shocked by the reaction")
    assert st.speaker.name == "Ann Ortiz"


def test_a_pronoun_with_an_adverb_before_the_verb_is_resolved() -> None:
    text = (
        "School board\n\n"
        "Senator Tom Reed spent years on the school board before he ran for office. "
        '"Nobody learns to govern from a textbook," he often says.'
    )
    st = one(stmts(text), "from a textbook")
    assert st.speaker.name == "Tom Reed"


def test_he_goes_back_through_a_sentence_whose_subject_is_he() -> None:
    text = (
        "County vote\n\n"
        "Senator Tom Reed won the county by a wide margin on Tuesday. "
        "He finished far ahead of Mr. Paul Oster in the northern towns. "
        '"It was a long night for all of us," he said.'
    )
    st = one(stmts(text), "long night")
    assert st.speaker.name == "Tom Reed"


def test_he_later_in_a_sentence_opened_by_he_goes_on_with_that_he() -> None:
    text = (
        "Council race\n\n"
        "Reached by phone, Tom Hale, the county clerk, declined to repeat his old complaint about the mayor. "
        "He agreed that Mayor Victor Baker may struggle to win the council, but he said that mood will change fast."
    )
    st = one(stmts(text), "mood will change")
    assert st.speaker.name == "Tom Hale"


def test_a_name_modifying_another_name_is_not_the_subject() -> None:
    text = (
        "Polling\n\n"
        "Baker adviser Paul Oster, a veteran pollster, made a similar point at the time. "
        '"Voters are tired of the same faces," he said.'
    )
    st = one(stmts(text), "same faces")
    assert st.speaker.name == "Paul Oster"


def test_a_pronoun_after_an_opening_phrase_without_a_comma() -> None:
    text = (
        "County budget\n\n"
        "Ms. Ann Lake ran the county for years. "
        'In 2010 she said of the budget: "Nobody is paying for any of this at all."'
    )
    st = one(stmts(text), "Nobody is paying")
    assert st.speaker.name == "Ann Lake"


def test_a_participle_between_two_quotes_names_no_speaker() -> None:
    text = (
        "Rally\n\n"
        "Ms. Ann Lake was pushed by the crowd. "
        'She said she was thinking, "This cannot be real," adding, "I had no words for it."'
    )
    st = one(stmts(text), "cannot be real")
    assert st.speaker.name == "Ann Lake"


def test_they_after_a_plural_subject_is_that_group() -> None:
    text = (
        "Bridge plan\n\n"
        "Several aides to the governor have pushed for the bridge plan. "
        "It would cut travel times in half, they argue."
    )
    st = one(stmts(text), "travel times")
    assert "aides to the governor" in (st.speaker.role or "")


def test_they_after_two_named_people_is_both() -> None:
    text = 'Plant visit\n\nTom Reed and Ann Lake toured the plant. "We saw nothing wrong at all," they said.'
    st = one(stmts(text), "nothing wrong")
    assert st.speaker.role == "Tom Reed and Ann Lake" and st.speaker.organization is None


def test_they_is_not_a_plural_thing() -> None:
    text = (
        "Budget\n\n"
        "The Harbor Council met on Monday. Such measures rarely pass in an election year. "
        '"We will try again next spring," they said.'
    )
    st = one(stmts(text), "try again")
    assert "measures" not in (st.speaker.role or "")


def test_a_name_before_a_titled_name_is_not_the_speaker() -> None:
    text = (
        "Voters sour on the party\n\n"
        '"Nobody in this district trusts the leadership anymore," said Tom Walsh aide '
        "Nadia Okoro, who ran the survey.\n\n"
        "Overall, she said, younger voters are drifting away."
    )
    sts = stmts(text)
    assert "nadia okoro" in who(one(sts, "trusts the leadership"))
    assert "nadia okoro" in who(one(sts, "drifting away"))


def test_she_after_an_unnamed_woman_is_that_woman_not_a_named_one_before() -> None:
    text = (
        "Court fines online posters\n\n"
        "Chancellor Greta Lindqvist condemned the posts on Monday. A 41-year-old Hamburg woman "
        "received a fine in May after she had shared a fake story about a robbery. "
        '"Out with them all!" she wrote.'
    )
    st = one(stmts(text), "Out with them")
    assert st.speaker.name is None and "woman" in (st.speaker.role or "")


def test_they_after_a_plural_speaker_is_that_group() -> None:
    text = (
        "Immigrants\n\n"
        "Professors Dana Reyes and Omar Haddad suggest this gap has less to do with faith than with "
        "the rules newcomers must follow.\n\n"
        'Back home, the two authors note, newcomers blend in; here, they write, "to be devout is to be in step with the neighbors."'
    )
    st = one(stmts(text), "in step with the neighbors")
    assert "reyes" in who(st) and "haddad" in who(st)


def test_a_title_written_before_a_name_the_parse_splits_off_is_that_person() -> None:
    text = (
        "Rally season\n\n"
        "The radio host Glen Baker has filled his speeches for Ted Cole with religious imagery. "
        'He said the senator was "the next Lincoln."'
    )
    assert who(one(stmts(text), "next Lincoln")).startswith("glen baker")


def test_a_platform_named_before_the_pronoun_is_not_a_person_it_refers_to() -> None:
    text = (
        "Dispute\n\n"
        "Lena Fields could not be reached on Monday. She left the paper in March. "
        'On Twitter, she responded on Tuesday to one of his posts by saying, "I have the photos."'
    )
    assert one(stmts(text), "I have the photos").speaker.name == "Lena Fields"


def test_he_said_carries_the_role_the_name_was_given_in_apposition() -> None:
    text = (
        "Budget vote\n\n"
        "Rep. Tom Healy (R-Ohio), chairman of the House Budget Committee, backed the plan on Monday. "
        '"I hope every dollar will be tracked," he said.'
    )
    st = one(stmts(text), "every dollar")
    assert st.speaker.name == "Tom Healy"
    assert st.speaker.role == "chairman of the House Budget Committee"


def test_an_apposition_cut_at_its_comma_and_the_attributions_own_apposition_wins() -> None:
    text = (
        "Caucus night\n\n"
        "Jeff Paxton, an Iowa operative, backed the senator in the fall. "
        '"He will win the state," Paxton said. '
        "Paxton, a former party director, said the race had tightened in the last week."
    )
    sts = stmts(text)
    assert one(sts, "win the state").speaker.role == "Iowa operative"
    assert one(sts, "race had tightened").speaker.role == "former party director"


def test_an_indefinite_description_with_a_name_in_apposition_is_that_person() -> None:
    text = (
        "The video\n\n"
        "A cleric, Omar Haddad, appears in the second part of the video. "
        '"Prepare for what is coming," he says.'
    )
    st = one(stmts(text), "prepare for")
    assert st.speaker.name == "Omar Haddad" and st.speaker.role == "cleric"


def test_a_description_is_not_matched_to_a_name_inside_the_quotation() -> None:
    text = (
        "Rally\n\n"
        "Bill Clinton spoke at a rally in Ohio on Monday. "
        '"My wife has a better plan for jobs than President Obama ever had," '
        "the former president said."
    )
    st = one(stmts(text), "better plan for jobs")
    assert st.speaker.name != "Obama"


def test_a_hyphenated_surname_the_tagger_missed_is_still_that_person() -> None:
    text = (
        "The recruitment video\n\n"
        'The cleric Anwar al-Rashidi is shown preaching: "Learn from history." '
        'Then a politician, Dan Tolliver, speaks from a podium: "We will stop them." '
        "The film cuts back to Al-Rashidi. "
        '"Your neighbours will not protect you," he says.'
    )
    st = one(stmts(text), "neighbours will not")
    assert st.speaker.name == "Anwar al-Rashidi"


def test_a_description_matches_neither_a_deputy_rank_nor_a_sitting_holder_when_former() -> None:
    text = (
        "Rally\n\n"
        "Vice President Joe Bidwell spoke first. Bill Clinton followed him on stage. "
        '"My wife has a better plan for jobs than anyone," the former president said.'
    )
    st = one(stmts(text), "better plan for jobs")
    assert st.speaker.name != "Joe Bidwell" and "former president" in who(st)
    st = one(stmts('Former Governor Ann Tarrow spoke first. "We tried that," the former governor said.'), "tried that")
    assert st.speaker.name == "Ann Tarrow"


def test_an_indefinite_description_is_someone_new() -> None:
    text = (
        "Base closures\n\n"
        "Pentagon official Ash Corrigan visited the base on Monday. "
        "A defense official said the base would close next year."
    )
    st = one(stmts(text), "base would close")
    assert st.speaker.name is None and "defense official" in who(st)


def test_the_general_is_the_lieutenant_general_named_before_but_the_governor_not_a_lieutenant_governor() -> None:
    text = "Lieutenant General Mark Jones spoke in London on Monday. The general said the troops would stay."
    assert one(stmts(text), "troops would stay").speaker.name == "Mark Jones"
    # (also a name after a title that the model did not tag as a person)
    text = "Lieutenant General Taoreed Lagbaja spoke in Kaduna on Monday. The general said the camps would close."
    assert one(stmts(text), "camps would close").speaker.name == "Taoreed Lagbaja"
    text = "Lieutenant Governor Ann Lake spoke in Ohio on Monday. The governor said the bill would pass."
    assert one(stmts(text), "bill would pass").speaker.name is None
