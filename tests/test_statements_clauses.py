"""Statements: a reported clause and a quotation in one sentence, subjects the parse misreads, and
a partial quotation credited by the tail of its sentence. Composed sentences only."""

from __future__ import annotations

import pytest

from .statement_helpers import one, stmts, who


def test_reported_clause_before_a_second_verb_and_its_quotation_is_kept() -> None:
    text = "Ruiz said the club would keep its Sunday races, but added, \u201cWe must rethink the whole season.\u201d"
    st = one(stmts(text), "Sunday races")
    assert "ruiz" in who(st) and "rethink" not in st.quote
    text = 'She said that experts had found her plans were sound and strong, to which Brown replied: "It is just not true."'
    st = one(stmts(text), "plans were sound")
    assert "replied" not in st.quote and "Brown" not in st.quote


def test_participle_after_a_reported_clause_is_the_reporters() -> None:
    text = "Kerr also wrote the guards knew to brace for the outbursts, saying, \u201cThey did not happen every day, but they came often.\u201d"
    sts = stmts(text)
    assert "kerr" in who(one(sts, "did not happen every day"))
    assert "kerr" in who(one(sts, "guards knew to brace"))


def test_people_counted_in_a_poll_speak_and_a_named_survey_speaks() -> None:
    st = one(stmts("64 percent of farmers in a spring survey said the canal should be widened."), "canal should")
    assert "farmers" in who(st)
    st = one(stmts("The Marine Survey said its divers found a second wreck near the cape."), "second wreck")
    assert "survey" in who(st)


def test_a_share_read_as_a_number_is_the_subject() -> None:
    st = one(stmts("About 7 in 10 say they expect the ferry fares to rise."), "ferry fares")
    assert "7" in who(st)


def test_an_answer_after_the_question_put_is_what_was_said() -> None:
    sts = stmts("Asked whether the plant would close, the mayor said no.")
    st = one(sts, "no")
    assert st.quote == "no" and "mayor" in who(st)
    assert not any("plant would close" in s.quote and "mayor" in who(s) for s in sts)


def test_a_noun_after_a_possessive_is_no_attribution_verb() -> None:
    text = 'The guild released a note saying his joke "was beneath the office" and said the board would face "a long winter."'
    st = one(stmts(text), "long winter")
    assert "guild" in who(st) and st.quote.startswith("the board")


def test_relative_clause_after_an_inverted_speaker_reports_its_own_words() -> None:
    text = '"It was not a good idea," said Weaver, who said shop owners rarely grasp that a harbor town has "no quiet corners."'
    st = one(stmts(text), "no quiet corners")
    assert "weaver" in who(st) and st.quote.startswith("shop owners")


def test_what_the_speaker_went_on_to_add_before_a_partial_quotation() -> None:
    text = '"Fine, thanks," Lane replied, before adding that he hopes "the ferry runs on time."'
    st = one(stmts(text), "ferry runs")
    assert "lane" in who(st) and st.quote.startswith("he hopes")


def test_partial_quotation_credited_by_the_tail_of_its_sentence() -> None:
    st = one(stmts('He would win the county "no matter what," said one voter.'), "win the county")
    assert "voter" in who(st) and "no matter what" in st.quote and st.quote_form == "mixed"
    st = one(stmts('She would be a better coach than Reed "no matter what," one parent commented.'), "better coach")
    assert "parent" in who(st)
    # no neutral verb of saying in the tail: a title, not a source
    sts = stmts('During the war, it usually involved spies, as in the old movie "Bridge of Lies," which recounts the trade.')
    assert not any("usually involved spies" in s.quote for s in sts)


def test_a_clause_a_colon_closes_before_the_subject_is_not_what_was_said() -> None:
    text = "True or false, the rumor has left a mark: Some 30 percent of those in a harbor survey said they think the pier is unsafe."
    sts = stmts(text)
    assert not any("left a mark" in s.quote for s in sts)
    assert "percent" in who(one(sts, "pier is unsafe"))


def test_a_clause_a_semicolon_closes_before_the_subject_is_its_own() -> None:
    text = (
        "Riders seem weary. More than seven in 10 said they dreaded the ferry vote; "
        "38 percent said they were angry about the fares."
    )
    sts = stmts(text)
    st = one(sts, "angry about the fares")
    assert st.quote == "they were angry about the fares" and "38 percent" in who(st)
    assert "seven" in who(one(sts, "dreaded"))
    sts = stmts("Half the tenants say rents are too high; 26 percent of owners say the taxes are unfair.")
    st = one(sts, "taxes are unfair")
    assert st.quote == "the taxes are unfair" and "owners" in who(st)


def test_charged_an_amount_bills_and_does_not_accuse() -> None:
    sts = stmts("A firm he owns has charged the town about 3 million dollars since he announced his plan in June.")
    assert not any("3 million" in s.quote for s in sts)
    st = one(stmts("The prosecutor charged that the mayor had lied to the council."), "lied to the council")
    assert "prosecutor" in who(st)


def test_an_elided_clause_is_what_was_said() -> None:
    sts = stmts("Lee said he would. Kerr said she could not.")
    assert "lee" in who(one(sts, "he would")) and "kerr" in who(one(sts, "she could not"))


def test_an_appeal_joined_to_another_verb_shares_its_subject() -> None:
    text = "Mayor Ann Lee met the council on Monday. She stood with other party leaders and urged members to vote for the deal."
    st = one(stmts(text), "vote for the deal")
    assert "lee" in who(st)


def test_it_is_not_a_group_of_people_that_spoke_before() -> None:
    text = (
        "Some files were held back because local officials said they would hurt the town. "
        "The group's plan is bolder: It often posts large files online with few checks."
    )
    st = one(stmts(text), "large files online")
    assert "officials" not in who(st)



def test_attribution_set_off_by_commas_inside_the_sentence() -> None:
    st = one(stmts("Mayor Ann Lee spoke on Monday. It was, she said, one of the hardest days of her long career."), "hardest days")
    assert st.quote == "It was one of the hardest days of her long career" and "lee" in who(st)
    st = one(stmts("Mayor Ann Lee spoke on Monday. She hoped, she said, that the board would vote on the plan soon."), "board would vote")
    assert "she said" not in st.quote and "lee" in who(st)


def test_a_second_that_clause_is_said_too() -> None:
    text = "The governor said the state needs to fix the roads, but that she opposes any new toll."
    st = one(stmts(text), "fix the roads")
    assert "opposes any new toll" in st.quote


def test_a_short_quotation_right_after_an_attributed_one_goes_on_from_it() -> None:
    sts = stmts("Mayor Ann Lee spoke on Monday. \u201cIt is not quite rosy,\u201d she said. \u201cWe are hopeful.\u201d")
    st = one(sts, "not quite rosy")
    assert "we are hopeful" in st.quote.lower() and "lee" in who(st)


def test_said_the_same_read_as_a_second_subject_is_still_an_answer() -> None:
    st = one(stmts("Last week, 31 percent said the same."), "the same")
    assert "percent" in who(st)


def test_a_time_clause_reporting_other_words_is_its_own_statement() -> None:
    sts = stmts("The mayor said prices rose sharply, after the council said it would cut the levy.")
    assert "council" not in one(sts, "prices rose").quote
    assert "council" in who(one(sts, "cut the levy"))


def test_a_quotation_after_adding_is_a_statement_of_its_own() -> None:
    text = "Mayor Tom Reed spoke on Monday. \u201cWe do not want a split council,\u201d he said, adding, \u201cWe want this settled early.\u201d"
    sts = stmts(text)
    first, second = one(sts, "split council"), one(sts, "settled early")
    assert first is not second and "reed" in who(second)


def test_a_two_word_clause_with_its_own_subject_is_a_claim() -> None:
    st = one(stmts("The ferry company said that fares rose."), "fares rose")
    assert "company" in who(st)
    # ... not a bare object of two words
    assert not [s for s in stmts("The ferry company said goodbye.") if "goodbye" in s.quote]


def test_a_clause_the_parse_hung_on_the_medium_is_what_was_said() -> None:
    st = one(stmts("The ferry company said in a filing that fares rose."), "fares rose")
    assert "company" in who(st) and "filing" not in st.quote


def test_a_statement_put_out_before_a_comma_introduces_the_quotation() -> None:
    text = 'After the storm, the county sheriff issued a statement, "We will reopen the bridge at dawn. Crews are ready."'
    st = one(stmts(text), "reopen the bridge")
    assert st.direct and "sheriff" in who(st)


def test_a_reporting_gerund_after_a_preposition_speaks_for_the_clause_subject() -> None:
    st = one(stmts("After saying the ferry was unsafe, the harbour chief closed the pier."), "ferry was unsafe")
    assert "chief" in who(st)
    st = one(stmts("The governor was booed after telling the crowd that the mill would close."), "mill would close")
    assert "governor" in who(st)


def test_a_time_clause_hung_on_the_reporting_verb_is_when_it_was_said() -> None:
    from sitrep.analyze import model
    from sitrep.extract.statements.fronted import circumstance

    doc = model()("When the ferry docked at noon, the captain said the crew was tired.")
    said = next(t for t in doc if t.lower_ == "said")
    comma = next(t.i for t in doc if t.text == ",")
    assert circumstance(doc, 0, comma, said)  # when it was said
    doc = model()("When the tide turns, the boats will leave, the captain said.")
    said = next(t for t in doc if t.lower_ == "said")
    last_comma = max(t.i for t in doc if t.text == ",")
    assert not circumstance(doc, 0, last_comma, said)  # the time clause belongs to what was said


def test_the_clause_after_the_verb_wins_over_one_the_parse_chained_before_it() -> None:
    text = "The captain seems to accept the criticism of the drills \u2014 she told the Gazette that her task is to prove the crew is ready."
    st = one(stmts(text), "her task")
    assert "captain" not in st.quote and "criticism" not in st.quote


def test_a_clause_going_on_past_the_closing_mark_is_said_too() -> None:
    text = 'Okafor said that "every boat in [the harbor] fleet" - including the ferries - failed the inspection.'
    st = one(stmts(text), "every boat")
    assert "failed the inspection" in st.quote and st.quote_form == "mixed" and "okafor" in who(st)
    st = one(stmts('Lund said "it makes me angry" every time she drives past the closed clinic.'), "makes me angry")
    assert "drives past" in st.quote and st.quote_form == "mixed"


def test_a_quotation_that_closes_its_clause_stays_the_whole_statement() -> None:
    sts = stmts('The captain said "we sail at dawn," before checking the charts once more.')
    assert one(sts, "sail at dawn").quote == "we sail at dawn"
    st = one(stmts('The mayor called the levy "a tax on hope" in an interview on Monday.'), "tax on hope")
    assert "interview" not in st.quote or not st.quote.startswith('"')
    st = one(stmts('The harbor master said "the pier is safe" and walked back to his office.'), "pier is safe")
    assert st.quote == "the pier is safe" and st.direct


def test_an_aside_set_off_at_the_end_is_not_what_was_said() -> None:
    sts = stmts("Voters said the levy had been unfair, noting the mayor's remarks to a radio host in April.")
    assert one(sts, "levy had been unfair").quote == "the levy had been unfair"
    assert "voters" in who(one(sts, "remarks to a radio host"))  # who said it notes it, not the levy
    text = "The council said fixing the bridge should be a priority, while the mayor went after the harbor board for its votes."
    assert "mayor" not in one(stmts(text), "fixing the bridge").quote
    text = "The captain said he is as much a sailor as Admiral Reyes, a former commander who was born in Lima."
    assert "born in Lima" not in one(stmts(text), "much a sailor").quote


def test_background_the_writer_adds_on_the_last_noun_is_not_what_was_said() -> None:
    text = "The captain said the ferry would be run by Oyelaran, who took over the harbor office in 2019."
    assert one(stmts(text), "ferry would be run").quote == "the ferry would be run by Oyelaran"
    text = "The mayor said the council would review the levy, which was passed in a rush in March."
    assert one(stmts(text), "council would review").quote == "the council would review the levy"
    text = "The clinic announced it had cut its estimate of the fund held by Ines Marlow, the founder of the trust."
    assert "founder" not in one(stmts(text), "cut its estimate").quote
    text = "The mayor said the men who fired at the bus had fled to the hills."
    assert "who fired at the bus" in one(stmts(text), "had fled").quote  # no comma: it says which men


def test_a_reporting_verb_joined_after_the_words_goes_on_with_the_speaker() -> None:
    text = "The minister said the warning was baseless, and accused the embassy of putting words in her mouth."
    sts = stmts(text)
    assert one(sts, "warning was baseless").quote == "the warning was baseless"
    assert "minister" in who(one(sts, "putting words"))
    text = "The mayor says the only answer is to close the port and says she has written to the governor."
    sts = stmts(text)
    assert one(sts, "close the port").quote == "the only answer is to close the port"
    assert "mayor" in who(one(sts, "written to the governor"))
    text = "The senator said she was sorry for the remarks and pledged to keep away from the vote next year."
    sts = stmts(text)
    assert one(sts, "was sorry").quote == "she was sorry for the remarks"
    assert "senator" in who(one(sts, "keep away from the vote"))
    text = "Okafor is noting the delays the council had in paying the builders and saying it could not explain the cost."
    assert "okafor" in who(one(stmts(text), "could not explain the cost"))
    text = "The aide said the vote was close, saying the mayor had won the port wards but warning that the count would be slow."
    sts = stmts(text)
    assert one(sts, "won the port wards").quote == "the mayor had won the port wards"
    assert "aide" in who(one(sts, "count would be slow"))


@pytest.mark.parametrize(
    ("text", "fragment", "quote"),
    [
        ("The mayor said the ferry would stop in May, citing a report by the port authority.", "ferry",
         "the ferry would stop in May"),
        ("Okafor said the dam should be rebuilt at once, echoing a letter from the farmers' union.", "dam",
         "the dam should be rebuilt at once"),
        ("The envoy said the talks would resume in June, referring to the meeting in Accra.", "talks",
         "the talks would resume in June"),
        ("The minister said the grain had been paid for in full - a point that the traders' guild has disputed.",
         "grain", "the grain had been paid for in full"),
    ],
)  # fmt: skip
def test_what_the_speaker_did_with_the_words_or_the_writer_judges_of_them_is_not_what_was_said(
    text: str, fragment: str, quote: str
) -> None:
    assert one(stmts(text), fragment).quote == quote


def test_a_claim_named_and_judged_after_the_words_is_not_what_was_said() -> None:
    text = "The mayor said the vote had been fixed, a claim the election board rejected on Friday."
    assert one(stmts(text), "vote had been fixed").quote == "the vote had been fixed"
    text = "The union accused the board of selling the mill, a reference to letters leaked in March."
    assert "letters" not in one(stmts(text), "selling the mill").quote
    text = "The elder said the valley needs a judge, a woman who can settle the land disputes."
    assert "woman who can settle" in one(stmts(text), "valley needs").quote  # renames a part of it


def test_words_set_off_inside_or_going_on_with_the_claim_stay() -> None:
    assert "retrained" in one(stmts("The captain said the crew, having failed twice, must be retrained."), "crew").quote
    assert "without power" in one(stmts("The mayor said the storm was severe, leaving thousands without power."), "storm").quote


def test_when_and_where_it_was_said_close_no_statement() -> None:
    assert one(stmts("The senator announced her backing on Monday."), "backing").quote == "her backing"
    st = one(stmts("The minister said the port would reopen in an interview on Sunday."), "port would reopen")
    assert st.quote == "the port would reopen"
    assert one(stmts("The governor announced the plan at a news conference on Tuesday."), "plan").quote == "the plan"


def test_phrases_of_the_object_or_the_claim_stay() -> None:
    st = one(stmts("The band announced a concert in support of the flooded clinic."), "concert")
    assert "in support of the flooded clinic" in st.quote
    st = one(stmts("The analyst said she expects a rise in ferry fares over the next two years."), "ferry fares")
    assert "next two years" in st.quote
    st = one(stmts("The auditor said he found no proof in the audit report that the mayor hid the funds."), "no proof")
    assert "hid the funds" in st.quote


def test_a_reporting_participle_after_a_closing_mark_opens_a_second_statement() -> None:
    text = 'Lund said the old mayor "had a plan for the harbor that was reckless," adding, "He lost every fisherman in this town."'
    sts = stmts(text)
    first = one(sts, "plan for the harbor")
    assert "fisherman" not in first.quote and "lund" in who(first)
    second = one(sts, "every fisherman")
    assert "lund" in who(second) and "reckless" not in second.quote


def test_a_closing_stop_is_no_circumstance_to_cut() -> None:
    # only a time or a medium cut from a two-word object makes it a statement; a full stop does not
    assert not any("the blast" in s.quote for s in stmts("The Sahel Front group claimed the blast."))


def test_a_relative_clause_speaks_for_the_noun_it_hangs_on() -> None:
    text = "The hearing came at the request of the Harbor Gazette, which argued that the port's accounts were of public interest."
    assert "harbor gazette" in who(one(stmts(text), "accounts were of public interest"))
    text = "Reporters reached Tomas Lindqvist, who answered the phone on Monday and said he would run again."
    assert "lindqvist" in who(one(stmts(text), "run again"))
    text = 'The case rests with the harbour master, Ines Falk, who told the board when pressed last week: "We will not reopen the pier before spring."'
    assert "falk" in who(one(stmts(text), "reopen the pier"))


def test_a_relative_which_on_a_thing_reports_nothing() -> None:
    sts = stmts("The ferry, which showed that the schedule had changed, left at noon.")
    assert not [s for s in sts if "schedule" in s.quote]


def test_a_speaker_set_off_by_dashes_before_the_verb() -> None:
    text = 'A spokeswoman for the Velda brand - a small shop pitched as "the home of bakers" - noted that the firm gives new parents six weeks of leave.'
    assert who(one(stmts(text), "six weeks")) == "spokeswoman for the velda brand"
    text = 'A spokesman for the Corvo label - a family firm marketed as "the island\'s own" - noted that the shop closes on Sundays.'
    assert who(one(stmts(text), "closes on sundays")) == "spokesman for the corvo label"


def test_the_last_verb_of_a_row_shares_the_subject_of_the_first() -> None:
    text = "The governor waved to the crowd, refused to take questions, and told reporters the bridge would open in May."
    assert "governor" in who(one(stmts(text), "bridge would open"))


def test_a_sources_terms_for_speaking_are_not_what_it_said() -> None:
    text = '"The wards are full," a nurse at the clinic told reporters, asking not to be named because she feared reprisals.'
    sts = stmts(text)
    assert [s.quote for s in sts] == ["The wards are full"]
    assert [s.quote for s in stmts("A commander, requesting anonymity, said the convoy had turned back.")] == [
        "the convoy had turned back"
    ]


def test_the_statement_a_report_was_made_in_is_its_source_not_a_second_statement() -> None:
    text = "The aid agency said 4,000 families had left the valley, according to a statement issued on Friday."
    sts = stmts(text)
    assert len(sts) == 1 and "aid agency" in who(sts[0])
