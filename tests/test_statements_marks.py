"""Statements: quotation marks written as two apostrophes (``''...''``, as some newspaper archives
write every double quote). Composed sentences only."""

from __future__ import annotations

from sitrep.extract.statements.quotes import find_quotes

from .statement_helpers import one, stmts, who


def _quotes(text: str) -> list[str]:
    return [text[q.start : q.end] for q in find_quotes(text, [(0, len(text))])]


def test_doubled_apostrophes_pair_as_one_quote_mark() -> None:
    text = "''We will finish the bridge before winter,'' the mayor said."
    assert _quotes(text) == ["We will finish the bridge before winter"]


def test_doubled_apostrophes_keep_offsets_into_the_original_text() -> None:
    text = "The governor said: ''Nobody will be left behind in this recovery.''"
    (q,) = find_quotes(text, [(0, len(text))])
    assert text[q.open : q.open + q.olen] == "''" and text[q.close : q.after] == "''"
    assert text[q.start : q.end] == "Nobody will be left behind in this recovery."


def test_apostrophes_inside_a_doubled_quote_are_not_marks() -> None:
    text = "''The players' union won't sign it,'' she said."
    assert _quotes(text) == ["The players' union won't sign it"]


def test_a_run_of_three_apostrophes_is_no_doubled_mark() -> None:
    assert _quotes("It was '''odd''' and nothing more.") == []


def test_doubled_apostrophe_quote_with_tail_attribution_is_direct() -> None:
    st = one(stmts("''We will finish the bridge before the winter comes,'' the mayor said on Tuesday."), "bridge")
    assert st.direct is True
    assert st.quote == "We will finish the bridge before the winter comes"
    assert "mayor" in who(st)


def test_doubled_apostrophe_quote_after_a_colon() -> None:
    st = one(stmts("Governor Ann Kell said: ''Nobody will be left behind in this recovery.''"), "left behind")
    assert st.direct is True and st.speaker.name == "Ann Kell"
    assert not st.quote.startswith("'") and not st.quote.endswith("'")


def test_doubled_apostrophe_quote_split_by_its_attribution() -> None:
    text = "''The budget is balanced,'' Senator Jane Roe said, ''and we did it without new taxes.''"
    st = one(stmts(text), "budget is balanced")
    assert st.direct is True and st.speaker.name == "Jane Roe"
    assert "without new taxes" in st.quote and "Roe" not in st.quote


def test_partial_doubled_apostrophe_quote_is_reported_speech() -> None:
    text = "Senator Jane Roe called the plan ''a fundamental mistake'' on Tuesday."
    st = one(stmts(text), "fundamental mistake")
    assert st.quote_form == "mixed" and st.speaker.name == "Jane Roe"


def test_three_apostrophes_after_punctuation_close_a_nested_and_a_doubled_quote() -> None:
    text = (
        "Trade envoys meet\n\n"
        "Mr. Pellan described the first meeting with the minister. "
        "''I told him, 'The border must stay open, whatever happens,''' he recalled."
    )
    assert _quotes(text) == ["I told him, 'The border must stay open, whatever happens,'"]
    st = one(stmts(text), "border must stay open")
    assert "pellan" in who(st)
    assert "recalled" not in st.quote
