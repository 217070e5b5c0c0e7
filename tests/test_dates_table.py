"""Table-driven test of the temporal layer: composed expressions with their reference dates.

Each row of tests/data/dates_table.jsonl gives a sentence, its reference date (or null for an
undated document), the expression's exact text, and the expected TIMEX3 value and precision;
rows with "absent" list words that must not be tagged as a temporal expression.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitrep.extract.dates import find_timexes
from sitrep.model import ReferenceDate

TABLE = Path(__file__).parent / "data" / "dates_table.jsonl"
ROWS = [json.loads(line) for line in TABLE.read_text(encoding="utf-8").splitlines() if line.strip()]
POSITIVE = [r for r in ROWS if "expr" in r]
NEGATIVE = [r for r in ROWS if "absent" in r]


def _ref(row: dict) -> ReferenceDate | None:
    return ReferenceDate(value=row["ref"], basis="given") if row["ref"] else None


def _id(row: dict) -> str:
    return f"{row.get('ref')}|{row.get('expr') or row.get('absent')}|{row['text'][:30]}"


def test_table_is_large_enough() -> None:
    assert len(POSITIVE) >= 150


@pytest.mark.parametrize("row", POSITIVE, ids=[_id(r) for r in POSITIVE])
def test_expression(row: dict) -> None:
    text = row["text"]
    start = text.find(row["expr"])
    assert start >= 0, "bad table row"
    end = start + len(row["expr"])
    found = find_timexes(text, None, _ref(row))
    for t in found:
        assert text[t.start : t.end] == t.text
    match = [t for t in found if t.start == start and t.end == end]
    assert match, f"span {row['expr']!r} not found; got {[(t.text, t.value) for t in found]}"
    t = match[0]
    assert (t.value, t.precision) == (row["value"], row["precision"])
    if "type" in row:
        assert t.type == row["type"]
    if row["ref"] is None and "X" in (t.value or ""):
        assert t.anchored is False and t.range_start is None


@pytest.mark.parametrize("row", NEGATIVE, ids=[_id(r) for r in NEGATIVE])
def test_not_a_date(row: dict) -> None:
    text = row["text"]
    start = text.find(row["absent"])
    end = start + len(row["absent"])
    found = find_timexes(text, None, _ref(row))
    assert not [t for t in found if t.start < end and start < t.end and t.type in ("DATE", "TIME")]


def test_undated_document_resolves_nothing_relative() -> None:
    text = (
        "The Taliban launched their annual spring offensive on Friday. Fighting has intensified in "
        "recent weeks. The government launched its own offensive in March. Three soldiers were killed "
        "this week, and 3,804 civilians died last year."
    )
    for t in find_timexes(text, None, None):
        if t.type in ("DATE", "TIME"):
            assert not t.anchored or t.value is not None and t.value[:4].isdigit() and t.value.startswith("20") is False
            assert t.range_start is None


def test_ranges_restrict_the_search() -> None:
    text = "Published: July 05, 2021\nThe attack came on Monday."
    body = [(25, len(text))]
    found = find_timexes(text, body, ReferenceDate(value="2021-07-05"))
    assert [t.text for t in found] == ["Monday"]


def test_a_megabyte_of_text_yields_every_expression() -> None:
    """Each repeated paragraph gives the same expressions; none lost or merged across copies.
    (How the time grows with size is checked by tests/test_complexity.py, not here.)"""
    para = (
        "The Taliban on Wednesday announced an offensive starting on Friday, 24 April 2015, and said "
        "3,804 civilians were killed last year; talks resume next week in Doha at 5 am.\n"
    )
    reference = ReferenceDate(value="2015-04-22")
    one = find_timexes(para, None, reference)
    copies = 1_000_000 // len(para)
    found = find_timexes(para * copies, None, reference)
    assert one and len(found) == len(one) * copies
    assert all((para * copies)[t.start : t.end] == t.text for t in found[-len(one) :])


def _ctx(text: str, ref: str | None):
    from sitrep.extract.context import Context
    from sitrep.model import Cleaned, Document

    reference = ReferenceDate(value=ref, basis="given" if ref else "none")
    return Context(Document(id="d", text=text), Cleaned(), [], reference, find_timexes(text, None, reference))


def _record(text: str, ref: str | None, anchor: str, kind: str = "event"):
    from sitrep.extract.dates import record_date

    s = text.find(anchor)
    return record_date(_ctx(text, ref), s, s + len(anchor), kind)


@pytest.mark.parametrize(
    ("text", "ref", "anchor", "want"),
    [
        ("The Taliban seized the crossing last month.", "2021-07-05", "seized the crossing", ("2021-06", "month")),
        ("Troops fled in the early hours of Monday after clashes.", "2021-07-05", "Troops fled", ("2021-07-05", "day")),
        ("Three soldiers were killed this week by a bomb.", "2015-04-22", "were killed", ("2015-04-20", "week")),
        ("The group has fought the government since it was ousted from power in 2001.", "2015-04-22",
         "has fought the government", (None, "unknown")),
        ("Three soldiers were killed this week by a bomb.", None, "were killed", (None, "unknown")),
        ("The Taliban launched their offensive on Friday.", None, "launched", (None, "unknown")),
        ("Officials met in Doha to discuss the truce.", "2021-07-05", "met in Doha", (None, "unknown")),
        ("More than 10,000 civilians were killed or injured in 2014.", "2015-04-22", "were killed", ("2014", "year")),
    ],
)
def test_record_date(text: str, ref: str | None, anchor: str, want: tuple) -> None:
    rd = _record(text, ref, anchor)
    assert (rd.date, rd.precision) == want


def test_record_date_since_is_a_range() -> None:
    rd = _record("More than 45,000 were killed since 2014.", "2019-04-12", "45,000 were killed", "figure")
    assert (rd.precision, rd.start, rd.end) == ("unknown", "2014-01-01", "2019-04-12")


def test_acled_time_precision() -> None:
    from sitrep.extract.dates import acled_time_precision

    assert [acled_time_precision(p) for p in ("day", "week", "month", "year", "unknown")] == [1, 2, 3, 3, 3]


def test_time_merge_gap_is_the_old_regex_without_its_quadratic_scan() -> None:
    """``tagger._gap`` replaced ``\\s*(?:,\\s*)?(?:on\\s+|of\\s+)?$`` (fullmatch) one for one."""
    import random
    import re

    from sitrep.extract.dates.tagger import _gap

    regexes = {("on", "of"): r"\s*(?:,\s*)?(?:on\s+|of\s+)?$", ("at", "from"): r"\s*(?:,\s*)?(?:at\s+|from\s+)?$"}
    alphabet = [" ", "\n", "\t", "\u00a0", "\u2003", "\u200b", ",", "o", "n", "f", "a", "t", "On", "x", "from"]
    rnd = random.Random(10)
    for _ in range(20_000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 7)))
        lo = rnd.randint(0, len(text))
        hi = rnd.randint(lo, len(text))
        for words, rx in regexes.items():
            assert _gap(text, lo, hi, words) == bool(re.fullmatch(rx, text[lo:hi])), (text, lo, hi)


def test_record_dates_look_only_near_the_record_on_a_long_line() -> None:
    """A long single-paragraph text: each record's date comes from its own sentence (indexed lookups)."""
    from sitrep.analyze import analyze
    from sitrep.model import Document

    para = "Gunmen attacked a checkpoint near Kunduz on Monday, killing 4 police officers, officials said. "
    other = "Militants stormed a base in Helmand on 3 May 2021, killing 2 soldiers, officials said. "
    text = (para + other) * 40
    (result,) = analyze([Document(id="long", text=text, published="2021-07-05")])
    dates = {e.date.date for e in result.events}
    assert "2021-05-03" in dates and "2021-07-05" in dates
