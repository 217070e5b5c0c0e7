"""Statements through the real pipeline: quotes, reported speech, speakers, relays, intents, merging."""

from __future__ import annotations

import pytest

from .statement_helpers import one, stmts, who

# ----------------------------------------------------------------- quote forms


def test_straight_quote_with_tail_attribution() -> None:
    sts = stmts('"We will not allow the city to fall to the insurgents," the interior ministry said.')
    st = one(sts, "will not allow the city")
    assert st.direct is True
    assert "ministry" in who(st)
    assert st.quote.startswith("We will not allow")


def test_curly_quote_with_tail_attribution() -> None:
    st = one(
        stmts("\u201cOur forces are ready to defend every district,\u201d the army chief told reporters."),
        "ready to defend",
    )
    assert st.direct is True
    assert "army chief" in who(st)


def test_quote_text_excludes_marks_and_trailing_comma() -> None:
    st = one(stmts('"The road is closed to all traffic tonight," the governor said.'), "road is closed")
    assert st.quote == "The road is closed to all traffic tonight"


def test_head_attribution_with_colon() -> None:
    st = one(
        stmts('The Taliban said: "Foreign forces must leave the country before any talks can begin."'),
        "foreign forces must",
    )
    assert "taliban" in who(st)
    assert st.direct is True


def test_head_attribution_without_colon() -> None:
    text = 'Zabihullah Mujahid said "the attack on the base was carried out by our fighters."'
    st = one(stmts(text), "attack on the base")
    assert "mujahid" in who(st)


def test_inverted_attribution_with_role_and_organization() -> None:
    text = '"We have captured the district centre and the police headquarters," said Taliban spokesman Zabihullah Mujahid.'
    st = one(stmts(text), "captured the district")
    assert st.speaker.name == "Zabihullah Mujahid"
    assert st.speaker.role is not None and "spokesman" in st.speaker.role.lower()
    assert st.speaker.organization is not None and "taliban" in st.speaker.organization.lower()


def test_named_person_with_title_role() -> None:
    text = '"We were expecting peace, not war," National Security Adviser Hamdullah Mohib said.'
    st = one(stmts(text), "expecting peace")
    assert st.speaker.name == "Hamdullah Mohib"
    assert "adviser" in (st.speaker.role or "").lower()


def test_quote_spanning_two_paragraphs() -> None:
    text = (
        '"We have decided to launch the operation across the north and the west.\n\n'
        '"Every fighter has been told to protect civilians," the statement from the Taliban said.'
    )
    sts = stmts(text)
    assert len(sts) == 1
    st = sts[0]
    assert "launch the operation" in st.quote and "protect civilians" in st.quote
    m = st.mentions[0]
    assert m.start < text.index("Every fighter") < m.end


def test_unterminated_quote_stops_at_paragraph_end() -> None:
    text = (
        '"The talks have failed and the fighting will resume in the spring\n\n'
        "The weather in the mountains was cold for most of the week."
    )
    sts = stmts(text)
    assert len(sts) == 1
    assert "weather" not in sts[0].quote
    assert sts[0].mentions[0].end <= text.index("The weather")


def test_nested_single_quotes_do_not_break_pairing() -> None:
    text = (
        "\"The operation is named 'Azm' and will begin at dawn on Friday,\" the Taliban said in a statement."
    )
    st = one(stmts(text), "named 'Azm'")
    assert "taliban" in who(st)


def test_partial_quote_inside_reported_speech_is_one_mixed_statement() -> None:
    text = 'The Taliban on Saturday said it was "seriously committed" to the peace deal.'
    sts = stmts(text)
    assert len(sts) == 1
    st = sts[0]
    assert st.quote_form == "mixed" and st.direct is True
    assert [e.text for e in st.evidence["direct"]] == ["seriously committed"]  # the verbatim words alone
    assert "seriously committed" in st.mentions[0].text and "peace deal" in st.mentions[0].text
    assert "taliban" in who(st)


def test_scare_quote_in_reported_clause_is_one_statement() -> None:
    text = (
        "The government forces are \u201cabsolutely\u201d planning a counterattack, "
        "National Security Adviser Hamdullah Mohib told Russian Sputnik News during a visit to Moscow."
    )
    sts = stmts(text)
    assert len(sts) == 1
    st = sts[0]
    assert "planning a counterattack" in st.mentions[0].text
    assert "absolutely" in st.mentions[0].text
    assert "mohib" in who(st)
    assert st.reported_by == ["Sputnik"]
    assert st.intent == "announce"


@pytest.mark.parametrize(
    "text",
    [
        'The operation, dubbed "Victory", began in March.',
        "The so-called \u201cpeace corridor\u201d was closed again on Monday.",
        'Residents called the checkpoint "hell".',
    ],
)
def test_unattributed_scare_quotes_are_not_statements(text: str) -> None:
    assert stmts(text) == []


@pytest.mark.parametrize(
    "text",
    [
        '"Rivers Of The North" star Lena Odum spent a year filming in the delta.',
        'Critics praised the plays. "Echoes From the Border," a radio drama, first aired in 1998.',
        '"We are counting," Odum said.\n\n"ANOTHER LONG NIGHT FOR THE CLERKS"\n\nAcross the region, clerks sorted ballots.',
    ],
)
def test_names_of_works_and_subheadings_in_quotes_are_not_statements(text: str) -> None:
    quoted = text.split('"')[-2].strip(",").lower()
    assert not [st for st in stmts(text) if quoted in st.quote.lower()]


def test_a_show_told_something_is_whom_it_was_said_to() -> None:
    sts = stmts('"We will not leave the valley," the mayor told "Morning Hour" on Sunday.')
    assert "mayor" in who(one(sts, "will not leave"))
    assert not [st for st in sts if "Morning Hour" in st.quote]


@pytest.mark.parametrize(
    "text",
    ["Floodwaters threaten to cut off the town.", "The talks with the unions promised to be difficult."],
)
def test_things_that_threaten_or_promise_make_no_statement(text: str) -> None:
    assert stmts(text) == []


def test_a_group_that_threatens_makes_a_statement() -> None:
    assert "rebels" in who(one(stmts("The rebels threatened to attack the capital."), "attack the capital"))


@pytest.mark.parametrize(
    "text",
    [
        "The envoy said quietly into the microphone.",
        "The governor blamed the contractors on Monday before the hearing.",
    ],
)
def test_how_when_and_where_words_were_said_is_not_what_was_said(text: str) -> None:
    assert not [st for st in stmts(text) if st.quote.lower().startswith(("quietly", "before", "on monday"))]


def test_plain_narration_has_no_statements() -> None:
    assert stmts("Fighting continued in Kunduz province on Monday. Roads were closed.") == []


def test_pull_quote_with_dash_attribution() -> None:
    text = (
        '"We shall never surrender our homeland to the occupiers." \u2014 A statement from the Afghan Taliban'
    )
    st = one(stmts(text), "never surrender")
    assert "taliban" in who(st)
    assert st.channel == "statement"


def test_pull_quote_person_attribution() -> None:
    text = '"We will stay in Afghanistan as long as it is necessary to do so." \u2014 Jens Stoltenberg, NATO Secretary General'
    st = one(stmts(text), "as long as it is necessary")
    assert "stoltenberg" in who(st)


# ----------------------------------------------------------------- merging


def test_repeated_pull_quote_is_one_statement_with_two_mentions() -> None:
    q = "The Islamic Emirate is going to launch the spring operations at 5 am on Friday"
    text = (
        f'"{q}," the Taliban said in a statement.\n\n'
        "Officials in Kabul said they were prepared for the attacks.\n\n"
        f'"{q}." \u2014 A statement from the Afghan Taliban'
    )
    sts = stmts(text)
    st = one(sts, "going to launch the spring")
    assert len(st.mentions) == 2
    assert st.mentions[0].start < st.mentions[1].start


def test_near_duplicate_quote_is_merged() -> None:
    text = (
        '"Our fighters will protect the lives and property of all civilians in the province," the Taliban said.\n\n'
        '"Our fighters will protect the lives and property of the civilians in the province."'
    )
    sts = stmts(text)
    assert len(sts) == 1
    assert len(sts[0].mentions) == 2


def test_different_quotes_are_not_merged() -> None:
    text = (
        '"We will attack the foreign bases across the country," the Taliban said.\n\n'
        '"We will not target civilians or their property in any province."'
    )
    assert len(stmts(text)) == 2


# ----------------------------------------------------------------- speaker carry-over


def test_unattributed_quote_paragraph_continues_previous_person() -> None:
    text = (
        '"The Taliban used the vacuum and launched an unannounced offensive," Mohib said.\n\n'
        '"We want to see Taliban included in the government and represented in it."'
    )
    sts = stmts(text)
    assert len(sts) == 2
    assert "mohib" in who(sts[1])


def test_he_added_resolves_to_last_person() -> None:
    text = (
        "Taliban spokesman Suhail Shaheen said the group would not attack Kabul.\n\n"
        '"We would react and the final decision is with our leadership," he added.'
    )
    st = one(stmts(text), "we would react")
    assert st.speaker.name == "Suhail Shaheen"


def test_he_underlined_resolves_to_person_not_org_in_between() -> None:
    text = (
        '"We have not seen good faith efforts from the Taliban," Ashraf Ghani said.\n\n'
        '"The roads will reopen soon," the ministry said in a statement.\n\n'
        '"We are still waiting for a positive response from them," he underlined.'
    )
    st = one(stmts(text), "positive response")
    assert "ghani" in who(st)


def test_it_said_resolves_to_organization() -> None:
    text = (
        "A Taliban statement said the offensive would target foreign forces.\n\n"
        '"Large parts of our homeland have been freed from the enemy," it said.'
    )
    st = one(stmts(text), "homeland have been freed")
    assert "taliban" in who(st)


def test_they_said_resolves_to_organization() -> None:
    text = (
        '"We are ready for talks," the Taliban said.\n\n"But the foreign forces must leave first," they said.'
    )
    st = one(stmts(text), "must leave first")
    assert "taliban" in who(st)


def test_the_statement_said_refers_to_last_statement_issuer() -> None:
    text = (
        "The Taliban announced the offensive in a statement on Friday.\n\n"
        '"Our fighters are ready," the Taliban said in a statement.\n\n'
        '"We are prepared to defend the city," General Sami Sadat said.\n\n'
        '"The main targets will be the foreign occupiers and their bases," the statement said.'
    )
    st = one(stmts(text), "main targets")
    assert "taliban" in who(st)
    assert st.channel == "statement"


def test_surname_resolves_to_full_name() -> None:
    text = (
        "National Security Adviser Hamdullah Mohib visited Moscow on Monday.\n\n"
        '"We were expecting peace, not war," Mohib emphasized.'
    )
    st = one(stmts(text), "expecting peace")
    assert st.speaker.name == "Hamdullah Mohib"
    assert "adviser" in (st.speaker.role or "").lower()


def test_nato_chief_resolves_to_named_secretary_general() -> None:
    text = (
        'NATO Secretary General Jens Stoltenberg has insisted that members must decide "together".\n\n'
        '"If we decide to leave we risk to jeopardize the peace process," the NATO chief said earlier this month.'
    )
    st = one(stmts(text), "jeopardize the peace")
    assert st.speaker.name == "Jens Stoltenberg"


def test_the_adviser_to_resolves_to_current_adviser() -> None:
    text = (
        '"We were expecting peace, not war," National Security Adviser Hamdullah Mohib said.\n\n'
        '"The security forces are working to manage the situation there," added the adviser to Afghan President Ashraf Ghani.'
    )
    st = one(stmts(text), "manage the situation")
    assert st.speaker.name == "Hamdullah Mohib"


def test_organization_speaker_uses_canonical_name() -> None:
    st = one(
        stmts('"We will continue the jihad until they leave," the Taliban said in a statement on Wednesday.'),
        "continue the jihad",
    )
    assert st.speaker.name is not None and "Taliban" in st.speaker.name
    assert st.speaker.name == st.speaker.organization
    assert st.channel == "statement"


def test_organisation_speaker_keeps_the_words_of_the_text() -> None:
    st = one(stmts('"We will review the request," the White House said on Monday.'), "review the request")
    assert st.speaker.organization == "White House"
    assert st.speaker.name == "Government of the United States"  # the canonical name fuses its statements
    assert st.speaker_actor is not None and st.speaker_actor.name == "Government of the United States"


def test_organisation_speaker_is_not_taken_for_a_person_by_a_later_he() -> None:
    text = (
        "Mayor Tom Reilly met the council on Monday. The State Department said the embassy would stay open. "
        '"We are staying too," he said.'
    )
    st = one(stmts(text), "staying too")
    assert st.speaker.name == "Tom Reilly"


def test_leading_adverbial_is_not_the_speaker() -> None:
    text = 'But in their statement, the Taliban said their "top priority will be given to protect the lives of civilians".'
    sts = stmts(text)
    assert sts and all("but" not in who(s).split() for s in sts)
    assert any("taliban" in who(s) for s in sts)


def test_appositive_after_speaker_is_dropped() -> None:
    text = (
        "Resolute Support, the name for the NATO mission in Afghanistan, responded on Twitter: "
        '"Taliban should seek peace through political process instead of putting civilians at risk."'
    )
    st = one(stmts(text), "seek peace")
    assert "resolute support" in who(st) or "nato" in who(st)
    assert "the name for" not in who(st)
    assert st.channel == "Twitter"


def test_unnamed_spokesman_then_named_person_inherits_organization() -> None:
    text = (
        "An Afghan defense ministry spokesman dismissed the Taliban announcement, saying the armed forces were ready.\n\n"
        '"Our enemies don\'t have the capability to collapse any province or district," '
        "Brigadier General Dawlat Waziri was quoted as saying by Reuters."
    )
    sts = stmts(text)
    st = one(sts, "capability to collapse")
    assert st.speaker.name == "Dawlat Waziri"
    assert "defense ministry" in (st.speaker.organization or "").lower()
    assert st.reported_by == ["Reuters"]
    assert st.intent in ("deny", "reject")
    first = one(sts, "armed forces were ready")
    assert first.intent == "reject"


def test_reporting_verb_inside_quote_is_not_a_statement() -> None:
    text = '"Because like I said, we were expecting peace and not war at all," Mohib said.'
    sts = stmts(text)
    assert len(sts) == 1


def test_passive_report_is_not_attributed_to_subject() -> None:
    text = "President Donald Trump was reported last year to be planning to withdraw half of the forces."
    assert all("trump" not in who(s) for s in stmts(text))


# ----------------------------------------------------------------- reported speech


def test_reported_speech_without_quotes() -> None:
    sts = stmts("Taliban spokesman Suhail Shaheen said seizing Kabul militarily was not Taliban policy.")
    assert len(sts) == 1
    st = sts[0]
    assert st.direct is False
    assert "seizing Kabul" in st.quote
    assert st.speaker.name == "Suhail Shaheen"
    assert st.intent == "deny"


def test_warned_that() -> None:
    st = stmts(
        "The United Nations warned that the fighting could displace thousands of families in the north."
    )[0]
    assert st.intent == "warn"
    assert "united nations" in who(st)
    assert st.quote.startswith("the fighting")


def test_according_to_person_is_statement() -> None:
    st = stmts(
        "According to provincial governor Abdul Sattar Mirzakwal, the insurgents attacked three checkpoints overnight."
    )[0]
    assert "mirzakwal" in who(st)
    assert "attacked three checkpoints" in st.quote


def test_according_to_figures_is_not_statement() -> None:
    assert stmts("There were 3,804 civilians killed last year, according to United Nations figures.") == []


def test_clause_then_told_outlet() -> None:
    text = "Any foreign troops left in Afghanistan after the deadline will be at risk as occupiers, the Taliban told the BBC."
    st = stmts(text)[0]
    assert "taliban" in who(st)
    assert st.reported_by == ["BBC"]
    assert st.channel == "interview"
    assert st.intent == "threaten"
    assert st.mentions[0].text.startswith("Any foreign troops")


def test_speaking_to_outlet_is_relay() -> None:
    text = (
        "Suhail Shaheen said the group wanted peace.\n\n"
        "But speaking to the BBC from the group's office in Qatar, he said no foreign forces should remain in the city."
    )
    st = one(stmts(text), "no foreign forces")
    assert st.reported_by == ["BBC"]
    assert st.speaker.name == "Suhail Shaheen"


def test_outlet_wrote() -> None:
    text = "More than 1,000 Afghan troops fled into neighboring Tajikistan on Monday, Press TV wrote."
    st = stmts(text)[0]
    assert "Press TV" in st.reported_by


def test_told_outlet_with_country_prefix() -> None:
    text = '"The offensive will be stopped within weeks," the minister told Russian Sputnik News.'
    st = one(stmts(text), "offensive will be stopped")
    assert st.reported_by == ["Sputnik"]


@pytest.mark.parametrize(
    ("attribution", "channel"),
    [
        ("the ministry said in a statement", "statement"),
        ("the spokesman said at a press conference in Kabul", "press conference"),
        ("the spokesman tweeted", "Twitter"),
        ("the governor said on state television", "television"),
        ("the commander said in a video", "video"),
        ("the envoy said in an interview", "interview"),
    ],
)
def test_channels(attribution: str, channel: str) -> None:
    st = one(
        stmts(f'"The road to the airport is open again for civilians," {attribution}.'), "airport is open"
    )
    assert st.channel == channel


def test_no_channel_when_plainly_said() -> None:
    st = one(stmts('"The road to the airport is open again for civilians," the governor said.'), "airport")
    assert st.channel is None
    assert st.reported_by == []


def test_addressee_of_warning() -> None:
    st = stmts('The Taliban on Saturday warned NATO against seeking a "continuation of war" in Afghanistan.')[
        0
    ]
    assert st.addressee == "NATO"
    assert st.intent == "warn"


# ----------------------------------------------------------------- intents


@pytest.mark.parametrize(
    ("quote", "intent"),
    [
        ("The Islamic Emirate is going to launch the spring operations on Friday", "announce"),
        ("We will launch a new operation in the south next week", "announce"),
        ("If the foreign occupiers want peace, they should immediately withdraw", "demand"),
        ("All foreign troops must leave the country by September", "demand"),
        ("Anyone seeking extension of the war will be held liable for it", "threaten"),
        ("Foreign troops left after the deadline will be at risk as occupiers", "threaten"),
        ("On this basis we again call on troops working in enemy ranks to join us", "appeal"),
        ("Top priority will be given to safeguard and protect the lives of civilians", "pledge"),
        ("Our enemies don't have the capability to collapse any province", "deny"),
        ("The Taliban used the vacuum and launched an unannounced offensive", "accuse"),
        ("We, unfortunately, have not seen good faith efforts from the Taliban", "accuse"),
        ("Our message is that the war is neither in your interest nor in ours", "warn"),
        ("The weather in the capital was pleasant for most of the week", "other"),
    ],
)
def test_intent_from_quote_cues(quote: str, intent: str) -> None:
    st = one(stmts(f'"{quote}," the spokesman said.'), quote.split()[1])
    assert st.intent == intent


@pytest.mark.parametrize(
    ("sentence", "intent"),
    [
        ("The ministry denied that its troops had shelled the village near the river.", "deny"),
        ("The Taliban accused the United States of breaching the agreement signed in Doha.", "accuse"),
        ("The group threatened to attack foreign bases if the troops did not leave.", "threaten"),
        ("The UN urged both sides to protect civilians during the fighting.", "appeal"),
        ("The government rejected the proposal for an interim administration in Kabul.", "reject"),
        ("The Taliban claimed that they had captured the district centre overnight.", "claim"),
        ("The president pledged that the government would rebuild the destroyed schools.", "pledge"),
        ("The ministry announced that schools would reopen in the province next month.", "announce"),
        ("The envoy demanded that the prisoners be released before the talks.", "demand"),
    ],
)
def test_intent_from_reporting_verb(sentence: str, intent: str) -> None:
    sts = stmts(sentence)
    assert sts, sentence
    assert sts[0].intent == intent


# ----------------------------------------------------------------- robustness


def test_ten_thousand_quote_marks_do_not_hang() -> None:
    from sitrep.extract.statements.quotes import find_quotes

    text = '"' * 10_000 + " the ministry said."
    quotes = find_quotes(text, [(0, len(text))])  # time budgets: benchmarks/bench_hostile.py
    assert len(quotes) <= 5_000
    stmts('He said "' + '"' * 1_000 + ' the end."')
    stmts('He said "' + 'a" "' * 500 + 'end."')


def test_mentions_quote_the_original_text_exactly() -> None:
    text = "Intro line.\n\n\u201cWe\u00a0will\u00a0fight on until the end of the occupation,\u201d the Taliban said.\n"
    sts = stmts(text)
    assert sts
    for st in sts:
        for m in st.mentions:
            assert text[m.start : m.end] == m.text


# ----------------------------------------------------------------- questions put to someone


def test_a_question_put_to_someone_is_a_statement_without_a_known_asker() -> None:
    sts = stmts("When asked whether the ceasefire would hold, Governor Karim Stanek smiled and left the room.")
    st = one(sts, "whether the ceasefire would hold")
    assert st.quote == "whether the ceasefire would hold"
    assert st.speaker.name is None and st.speaker.role is None  # the asker is not named
    assert st.addressee == "Governor Karim Stanek"
    assert st.intent == "other" and st.direct is False


def test_a_question_about_a_topic_and_the_answer_are_two_statements() -> None:
    sts = stmts("Asked about the new border checkpoints, the defence minister said they would stay open.")
    asked = one(sts, "about the new border checkpoints")
    answer = one(sts, "would stay open")
    assert asked.speaker.role is None and asked.addressee == "defence minister"
    assert "minister" in who(answer)


def test_a_named_asker_is_the_speaker_of_the_question() -> None:
    sts = stmts("The mayor was asked by a local reporter if the bridge would reopen before winter.")
    st = one(sts, "if the bridge would reopen")
    assert "reporter" in who(st)
    assert st.addressee == "mayor"


def test_asked_to_do_something_is_not_a_question() -> None:
    sts = stmts("The minister was asked to leave the building before the vote.")
    assert not any("leave the building" in s.quote for s in sts)


def test_an_appositive_speaker_after_a_fronted_phrase_keeps_what_follows_the_verb() -> None:
    sts = stmts(
        "Alarmed by the protests, Senator Tom Banks, the majority leader, said that he had spoken with the governor."
    )
    st = one(sts, "spoken with the governor")
    assert "banks" in who(st)
    assert not any("Alarmed by" in s.quote for s in sts)


# ----------------------------------------------------------------- the verb used without speech


@pytest.mark.parametrize(
    "text",
    [
        "The governor added to her lead with a win in the northern district.",
        "The district council added a third polling station to the list.",
        "The correspondent reported from the border town on Monday.",
        "The militia spokesman posted on Facebook late on Sunday night.",
    ],
)
def test_a_reporting_verb_with_no_content_makes_no_statement(text: str) -> None:
    assert stmts(text) == []


def test_a_verb_with_a_phrase_of_what_was_asked_for_is_still_a_statement() -> None:
    st = one(stmts("The rebels called for a ceasefire in the eastern provinces."), "ceasefire")
    assert "rebels" in who(st)


def test_what_was_said_in_a_statement_starts_at_the_that_clause() -> None:
    st = one(stmts("The minister said in a statement that the talks would resume next week."), "talks")
    assert st.quote == "the talks would resume next week"
    assert "minister" in who(st)


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("In a later interview, the general warned of a long war in the south.", "long war"),
        ("Late last month, the company wrote a long letter to the city council.", None),
    ],
)
def test_a_fronted_circumstance_is_not_what_was_said(text: str, said: str | None) -> None:
    sts = stmts(text)
    assert not any(s.quote.startswith(("In a later", "Late last")) for s in sts)
    if said:
        one(sts, said)


def test_according_to_after_a_fronted_phrase_takes_the_clause_that_follows() -> None:
    sts = stmts("In addition, according to the health ministry, three clinics in the north closed last week.")
    st = one(sts, "three clinics")
    assert st.quote.startswith("three clinics")
    assert "ministry" in who(st)
    assert not any(s.quote.startswith("In addition") for s in sts)


def test_according_to_between_a_time_clause_and_the_main_clause_reports_the_main_clause() -> None:
    text = "While most of the files were marked secret, according to a ministry official, two in the latest batch were upgraded."
    st = one(stmts(text), "two in the latest batch")
    assert st.quote == "two in the latest batch were upgraded" and "official" in who(st)


def test_according_to_sources_who_spoke_off_the_record_is_a_statement() -> None:
    text = "The governor took bribes, according to three sources who spoke to the paper but were not allowed to speak on the record."
    assert "sources" in who(one(stmts(text), "governor took bribes"))


@pytest.mark.parametrize(
    ("text", "speaker", "more"),
    [
        (
            '"We will not leave the city," the commander said, adding that reinforcements would arrive by Friday.',
            "commander",
            "reinforcements would arrive by Friday",
        ),
        (
            '"The talks have failed," said Ahmed Khan, the chief negotiator, noting that both sides had walked out.',
            "ahmed khan",
            "both sides had walked out",
        ),
    ],
)
def test_what_the_speaker_adds_after_a_quote_is_a_second_statement(text: str, speaker: str, more: str) -> None:
    sts = stmts(text)
    quote, added = sts[0], one(sts, more)
    assert quote.direct is True and added.direct is False
    assert added.quote == more
    assert speaker in who(quote) and speaker in who(added)
    assert more not in quote.quote


def test_a_participle_that_adds_no_clause_is_not_a_statement() -> None:
    sts = stmts('"We will hold the line," the commander said, adding to the pressure on the rebels.')
    assert [s.quote for s in sts] == ["We will hold the line"]



def test_according_to_a_poll_or_report_is_statement() -> None:
    st = one(
        stmts("The senator leads the race by nine points, according to a new poll by Quinnipiac University."),
        "nine points",
    )
    assert "quinnipiac" in who(st)
    assert stmts("Hackers entered the agency's network in 2012, according to a congressional report.") != []


def test_purpose_clause_to_say_is_statement_of_the_head_subject() -> None:
    st = one(stmts("Maria Lopez took to Twitter to say the vote had been rigged."), "rigged")
    assert "maria lopez" in who(st)
    assert stmts("Maria Lopez declined to say whether the plant would close.") == []
    assert stmts("The mayor is expected to announce that the bridge will reopen.") == []


def test_a_reporting_verb_after_an_aspect_verb_is_a_statement_of_its_subject() -> None:
    text = "The governor is continuing to insist the budget can be balanced by June without new taxes."
    st = one(stmts(text), "balanced by June")
    assert "governor" in who(st) and st.quote.startswith("the budget can be balanced")



# ----------------------------------------------------------------- as-clauses, relatives, manner verbs


def test_as_clause_before_the_reported_clause() -> None:
    st = one(stmts("As the Daily Ledger noted, the mayor raised more than $1 million from the banks."), "raised")
    assert st.quote == "the mayor raised more than $1 million from the banks"
    assert "daily ledger" in who(st)


def test_as_clause_after_the_reported_clause() -> None:
    st = one(stmts("Cutting costs is the only way to close that gap, as Mr. Karl Dunn suggested on Monday."), "gap")
    assert st.quote == "Cutting costs is the only way to close that gap"
    assert "dunn" in who(st)


def test_as_clause_inside_the_reported_clause_is_a_gap() -> None:
    st = one(stmts("The real problem, as the mayor said on Monday, was that the bridge was too narrow."), "bridge")
    assert "mayor" not in st.quote
    assert st.quote.startswith("The real problem") and st.quote.endswith("too narrow")
    assert "mayor" in who(st)


def test_as_clause_of_time_is_not_a_source() -> None:
    assert not [s for s in stmts("Trump rode the mood of the crowd as he replied.") if "rode" in s.quote]
    assert not [s for s in stmts("He stayed calm, even as critics called for his dismissal.") if "stayed" in s.quote]


def test_relative_who_say_on_a_speaking_noun() -> None:
    st = one(stmts("The governor faced business leaders who say the new law targets small firms."), "targets")
    assert st.quote == "the new law targets small firms"
    assert "business leaders" in who(st)


def test_a_manner_verb_after_a_quote_names_its_speaker() -> None:
    st = one(stmts('"Silly boys acting like they have never seen a girl before," scoffed Ana Ruiz.'), "silly boys")
    assert st.speaker.name == "Ana Ruiz"


def test_fronted_clause_with_an_appositive_subject_between_commas() -> None:
    text = "The company built the tool to help in a crisis, a spokeswoman, Nora Whitby, said on Saturday."
    st = one(stmts(text), "built the tool")
    assert st.quote == "The company built the tool to help in a crisis"
    assert st.speaker.name == "Nora Whitby"


# ----------------------------------------------------------------- participles and contractions


def test_adding_after_a_fronted_clause_is_a_statement_of_its_own() -> None:
    sts = stmts(
        "The council will hold a vote on the budget next week, Mayor Tom Dale said, "
        "adding that the cost of the bridge was hard to estimate."
    )
    first = one(sts, "vote on the budget")
    second = one(sts, "cost of the bridge")
    assert first is not second
    assert "adding" not in first.quote and "council" not in second.quote
    assert first.speaker.name == second.speaker.name == "Tom Dale"


def test_saying_after_a_coordinated_verb_takes_the_shared_subject() -> None:
    text = (
        "The senator tried to calm the crowd and took a heckler in stride, "
        "saying the man would not be harmed at the rally."
    )
    st = one(stmts(text), "would not be harmed")
    assert st.speaker.role == "senator"


def test_saying_with_a_quotation_is_direct_with_its_marks() -> None:
    text = (
        "On Friday, Lena Ford appeared on a radio show and backed the mayor, "
        'saying, "I think a builder at the helm is exactly what this town needs."'
    )
    st = one(stmts(text), "builder at the helm")
    assert st.speaker.name == "Lena Ford"
    assert st.direct is True


def test_contracted_has_said_is_not_a_passive() -> None:
    sts = stmts("Senator Jo Reyes spoke in Ohio. She's said she gets her ideas about taxes from a novel.")
    st = one(sts, "ideas about taxes")
    assert st.speaker.name == "Jo Reyes"
    assert not stmts("It's said that the river floods every spring in the valley.")
    assert not stmts("She's said to be the strongest candidate in the race.")


def test_question_put_in_a_quotes_attribution_is_its_own_statement() -> None:
    sts = stmts('"Not now," the mayor said when asked about a plan for a second term in office.')
    answer = one(sts, "not now")
    question = one(sts, "second term")
    assert answer.direct is True and question.direct is False
    assert "said" not in question.quote


@pytest.mark.parametrize("surname", ["Reyes", "Okafor", "Lindqvist"])
def test_a_given_name_and_surname_speak_as_a_person(surname: str) -> None:
    """The model may tag a surname alone as an organisation; led by a common given name the
    speaker is a person with no organisation of that name."""
    st = one(stmts(f"Turnout in the northern districts was low, said Ana {surname}."), "Turnout")
    assert st.speaker.name == f"Ana {surname}"
    assert st.speaker.organization is None


def test_an_outlet_led_by_a_given_name_stays_an_outlet() -> None:
    st = one(stmts("The ceasefire will not hold, the Jordan Times reported."), "ceasefire")
    assert st.speaker.organization == "Jordan Times"


@pytest.mark.parametrize("who", ["Six", "Nearly half", "About a third"])
def test_a_number_of_people_is_no_name(who: str) -> None:
    st = one(stmts(f"{who} said the price of bread mattered more than the election."), "price of bread")
    assert st.speaker.name is None
    assert st.speaker.organization is None
    assert st.speaker.role in (who, None)


def test_an_organisation_led_by_a_given_name_stays_an_organisation() -> None:
    st = one(stmts("Attendance fell by half, said Grace Community Church."), "Attendance")
    assert st.speaker.organization == "Grace Community Church"


@pytest.mark.parametrize(
    "text",
    [
        '"We are very happy" about the ruling, said Maria Okonjo, a lawyer for the families.',
        "\u201cWe are very happy\u201d about the ruling, said Maria Okonjo, director of the Farmers Union, "
        "a union that split from the other groups and backed the plan.",
    ],
)
def test_a_phrase_that_finishes_the_quoted_sentence_comes_before_the_speaker(text: str) -> None:
    st = one(stmts(text), "very happy")
    assert st.direct is True
    assert st.speaker.name == "Maria Okonjo"


@pytest.mark.parametrize(
    "text",
    [
        '"We will not sign it," Dan Marsh, the party\'s frontrunner and winner of five of the last six '
        "primaries in the south, said on Tuesday.",
        '"We will not sign it," Dan Marsh, who chaired the count in 2012, 2014 and again this spring '
        "in the capital district, told reporters.",
    ],
)
def test_a_speaker_with_a_long_apposition_before_the_verb_is_the_name(text: str) -> None:
    st = one(stmts(text), "will not sign")
    assert st.direct is True
    assert st.quote == "We will not sign it"
    assert st.speaker.name == "Dan Marsh"


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("\u201cWe like it!\u201d Dan Marsh, the head of the union, said on Friday.", "We like it!"),
        (
            "\u201cThe best part has been a new calm among traders,\u201d like the recent swings of prices, "
            "said Tom Black, the chief economist of the board.",
            "The best part has been a new calm among traders",
        ),
    ],
)
def test_a_quote_credited_to_a_name_and_its_apposition(text: str, said: str) -> None:
    st = one(stmts(text), said.split()[1])
    assert st.direct is True
    assert st.quote == said
    assert st.speaker.name in ("Dan Marsh", "Tom Black")


def test_a_clause_with_a_quoted_part_credited_to_a_name_and_its_apposition() -> None:
    text = (
        "The new plans \u201cwill not solve this problem, but they point the right way,\u201d "
        "Anne Ruiz, an assistant secretary, said on the same call."
    )
    st = one(stmts(text), "new plans")
    assert st.quote.startswith("The new plans") and st.quote.rstrip("\u201d,").endswith("the right way")
    assert st.speaker.name == "Anne Ruiz"
    assert st.speaker.role == "assistant secretary"


@pytest.mark.parametrize("noun", ["a press release", "an email", "a memo"])
def test_a_written_message_saying_is_a_statement_of_its_sender(noun: str) -> None:
    st = one(stmts(f"The ministry sent out {noun} saying the border would stay closed until June."), "border")
    assert st.speaker.role == "ministry" or st.speaker.organization


def test_a_message_received_is_no_statement_of_the_one_who_received_it() -> None:
    sts = stmts("The police received a letter saying the border would stay closed until June.")
    assert all("police" not in who(st) for st in sts)


def test_a_claim_told_as_a_noun_is_its_owners_statement() -> None:
    text = "Residents disputed the ministry's assertion that no civilians were hurt in the strike."
    st = one(stmts(text), "no civilians were hurt")
    assert st.quote == "no civilians were hurt in the strike" and "ministry" in who(st)
    assert st.intent == "claim"
    text = "The general said the rebels' claim that they had retaken the town was premature."
    st = next(s for s in stmts(text) if s.quote == "they had retaken the town")
    assert "rebels" in who(st)
    text = "Senator Maria Lopez spoke in Ames on Monday. She cited no source for her claim in May that the governor had taken bribes."
    assert "lopez" in who(one(stmts(text), "governor had taken bribes"))
    text = "The army's denial that its jets hit the market drew protests."
    assert one(stmts(text), "jets hit the market").intent == "deny"


def test_a_claim_noun_without_an_owner_or_with_a_relative_clause_is_no_statement() -> None:
    assert not any("retaken" in s.quote for s in stmts("The claim that the rebels had retaken the town spread fast."))
    assert not any(s.quote.startswith("he made") for s in stmts("The minister repeated the claim that he made last week."))
