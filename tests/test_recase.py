"""A lower-cased archive is read through a cased view of the same length (composed text)."""

from __future__ import annotations

from sitrep.analyze import analyze
from sitrep.extract.recase import is_lowercased, nlp_view
from sitrep.model import Document

LOWER = (
    "on 4 may 2021, taliban fighters attacked a police checkpoint in kunduz province, "
    "killing 3 policemen. officials said they may march on the city on monday."
)


def test_the_view_changes_only_case_and_keeps_every_offset() -> None:
    view = nlp_view(LOWER)
    assert len(view) == len(LOWER) and view.lower() == LOWER
    assert view.startswith("On 4 May 2021, Taliban fighters")
    assert "Kunduz" in view and "Monday" in view
    assert "they may march" in view  # the verb and the noun stay words, not a month


def test_a_word_after_an_article_stays_a_common_noun() -> None:
    # "man" and "bar" are also towns (Côte d'Ivoire, Montenegro): after "a" or "his" they are nouns
    text = "on 3 june 2021, gunmen shot a man outside his bar in kunduz. another man fled to man town."
    view = nlp_view(text)
    assert "shot a man outside his bar in Kunduz" in view
    assert view.endswith("Another man fled to Man town.")


def test_a_town_spelled_as_an_english_verb_needs_a_place_word_after_it() -> None:
    # Time (Norway) and Hit (Iraq) are towns; "in time" and "were hit" are words
    view = nlp_view("on 3 june 2021, police arrived in time. two men were hit by shrapnel in hit district.")
    assert "arrived in time. Two men were hit by shrapnel in Hit district." in view


def test_a_town_after_the_is_a_common_noun_unless_a_place_word_follows() -> None:
    # "the man", "the metro": common nouns; "the Gambia", "the Aleppo countryside", "the
    # Kabul-Jalalabad road" keep their capitals
    text = (
        "on 3 june 2021, the man was shot near the metro in the gambia. "
        "fighting spread to the aleppo countryside and the kabul-jalalabad road."
    )
    view = nlp_view(text)
    assert "the man was shot near the metro in the Gambia." in view
    assert "the Aleppo countryside and the Kabul-Jalalabad road" in view


def test_a_town_in_a_noun_phrase_and_a_lone_name_prefix_stay_lower_case() -> None:
    # "a young man": a noun phrase; "abu" of "abu salim" is no town alone (India's Abu), while
    # "abu dhabi" and a town after "near" keep their capitals
    text = "on 3 june 2021, a young man was shot in abu salim. his brother fled from abu dhabi to a camp near goma."
    view = nlp_view(text)
    assert "a young man was shot in abu salim" in view
    assert "from Abu Dhabi to a camp near Goma." in view


def test_districts_are_names_and_a_leading_preposition_is_not() -> None:
    # Kalehe and Shighnan are districts only; "in salah" is the preposition before a name, not
    # the Algerian town of In Salah
    view = nlp_view("on 3 june 2021, fighting was reported in kalehe and in shighnan, and in salah aldeen.")
    assert "in Kalehe and in Shighnan" in view
    assert "in salah aldeen" in view


def test_text_with_capitals_of_its_own_is_left_alone() -> None:
    text = "On 4 May 2021, Taliban fighters attacked a checkpoint in kunduz."
    assert not is_lowercased(text) and nlp_view(text) is text
    named = "The United Nations Security Council met in New York on Monday."
    assert nlp_view(named) is named  # names in a row are no headline in title case


def test_a_lower_cased_report_gives_the_event_with_offsets_into_the_original() -> None:
    (analysis,) = list(analyze([Document(id="low", text=LOWER, published="2021-05-05")]))
    coded = [e for e in analysis.events if e.acled_event_type]
    assert coded, [e.summary for e in analysis.events]
    ev = coded[0]
    assert ev.acled_event_type == "Battles" and ev.fatalities == 3
    assert ev.date.date == "2021-05-04"
    assert ev.location is not None and ev.location.admin1 == "Kunduz"
    for m in ev.mentions:
        assert LOWER[m.start : m.end] == m.text
    for t in analysis.timexes:
        assert LOWER[t.start : t.end] == t.text


def test_a_province_the_model_calls_an_organisation_still_places_a_lower_cased_report() -> None:
    # the cased view reads "(ouallam, Tillaberi)"; the model may take the province for an
    # organisation, the gazetteer knows it as Niger's
    text = "on 9 june 2021, gunmen killed four villagers in the village of tondikwindi (ouallam, tillaberi)."
    (analysis,) = list(analyze([Document(id="low2", text=text, published="2021-06-10")]))
    coded = [e for e in analysis.events if e.acled_event_type]
    assert coded and coded[0].location is not None
    assert (coded[0].location.country, coded[0].location.admin1) == ("Niger", "Tillaberi")


def test_a_small_place_after_a_place_cue_is_a_name_when_it_is_no_english_word() -> None:
    # Sentianivka (Luhansk) is a village under the view's 15,000 line; "in addition" and "in
    # response" stay words, and "abu" alone is not India's Abu
    text = "on 8 june 2021, monitors recorded 12 explosions near sentianivka. in addition, shells fell in abu salim."
    view = nlp_view(text)
    assert "near Sentianivka. In addition, shells fell in abu salim." in view


def test_a_small_place_before_a_place_word_or_first_in_a_bracket_is_a_name() -> None:
    text = (
        "on 8 june 2021, troops shelled farhaniyeh town and a farm in rural tell abiad on friday. workers in zorabad "
        "protested in the main town square (qaradagh, sulaymaniyah). she lives in hope near the border area."
    )
    view = nlp_view(text)
    assert "shelled Farhaniyeh town and a farm in rural Tell Abiad on Friday." in view
    # the verb after the name stays a word, though the lemma index lists only "protest"
    assert "in Zorabad protested" in view
    assert "(Qaradagh, Sulaymaniyah)" in view
    assert "lives in hope near the border area" in view
    # a cue may come after another's words ("in the area of"), and each long part of a hyphenated
    # name takes its capital
    view = nlp_view("on 9 june 2021, mortars hit the area of bezimenne. drones struck a base near al-bukamal.")
    assert "the area of Bezimenne" in view and "near Al-Bukamal" in view


def test_a_lower_cased_report_is_placed_at_a_small_town_after_a_place_cue() -> None:
    # Tell Abiad, a town under the view's 15,000 line, named after "in rural"
    text = "on 7 june 2021, artillery fire hit two houses in rural tell abiad, ar-raqqa, killing a shepherd."
    (analysis,) = list(analyze([Document(id="low3", text=text, published="2021-06-08")]))
    coded = [e for e in analysis.events if e.acled_event_type]
    assert coded and coded[0].location is not None
    assert coded[0].location.name == "Tall Abyad" and coded[0].location.admin1 == "Ar-Raqqa"


MOJIBAKE = (
    "On 4 May 2021, Taliban fighters attacked a police checkpoint in Kunduz province, killing 3 "
    "policemen. â€œWe didnâ€™t expect it,â€\x9d a police spokesman said."
)


def test_mojibake_is_read_repaired_with_the_length_kept() -> None:
    view = nlp_view(MOJIBAKE)
    assert len(view) == len(MOJIBAKE)
    assert "“We" in view and "didn’t" in view and "â" not in view
    assert nlp_view("Ångström and café are written right.") == "Ångström and café are written right."


def test_a_report_with_mojibake_keeps_offsets_into_the_original() -> None:
    (analysis,) = list(analyze([Document(id="moji", text=MOJIBAKE, published="2021-05-05")]))
    coded = [e for e in analysis.events if e.acled_event_type]
    assert coded and coded[0].fatalities == 3
    for rec in [*analysis.events, *analysis.statements]:
        for m in rec.mentions:
            assert MOJIBAKE[m.start : m.end] == m.text


def test_a_two_letter_acronym_is_the_actor_only_before_its_members() -> None:
    text = (
        "on 2 june 2021, is militants ambushed an army patrol near baiji. the road is open again, "
        "and at 6 pm troops returned to the base."
    )
    view = nlp_view(text)
    assert "IS militants ambushed" in view
    assert "road is open" in view  # the verb
    assert "6 pm troops" in view  # a time, not the acronym of an actor
    events = next(iter(analyze([Document(id="ac", text=text)]))).events
    assert any(e.actor1 is not None and e.actor1.name.startswith("Islamic State") for e in events)


def test_a_title_case_headline_is_read_as_a_sentence_keeping_its_names() -> None:
    text = "Gunmen Kill Nine Farmers In Raid On Village Near Maiduguri\n\nBody text follows here."
    view = nlp_view(text)
    assert len(view) == len(text) and view.lower() == text.lower()
    assert view.startswith("Gunmen kill nine farmers in raid on village near Maiduguri\n")
    assert view.endswith("Body text follows here.")  # a sentence's own capitals are left as written
    headline = "Senator Maria Okonkwo Says Talks With NATO Allies Will Resume"
    assert nlp_view(headline) == "Senator Maria Okonkwo says talks with NATO allies will resume"
    quoted = "Envoy Warns Of 'Grave Risk' In Border Talks"
    assert "'Grave Risk'" in nlp_view(quoted)  # a quotation's words stay as written


def test_a_title_case_headline_alone_gives_its_event() -> None:
    doc = Document(id="h", text="Bandits Abduct 40 Worshippers From Mosque In Zamfara", published="2024-03-08")
    events = next(analyze([doc])).events
    coded = [e for e in events if e.acled_event_type]
    assert coded and coded[0].acled_sub_event_type == "Abduction/forced disappearance"
    assert coded[0].location is not None and coded[0].location.admin1 == "Zamfara"
    m = coded[0].mentions[0]
    assert doc.text[m.start : m.end] == m.text
