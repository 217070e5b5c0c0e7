"""Second, independent table of the temporal layer: expressions in news sentences, TIMEX3 style.

tests/data/dates_news_table.jsonl was composed from the TimeML/TIMEX3 and TIDES annotation
conventions (no annotated corpus was read): spans leave out prepositions and keep determiners
and modifiers ("the end of the month", "nearly two years ago", "late last night"); values are
TIMEX3 values ("2023-W45-WE", "2023-Q3", "FY2015", "199", "18", "PXM", "PTXH", "P2DE",
"PRESENT_REF", SET "P1W", "XXXX-WXX-1"). Each positive row gives the sentence, its reference
date (null: undated document), the exact expression, its value, precision and type. Rows with
"absent" name words that must not be tagged as a DATE or TIME.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from sitrep.extract.dates import find_timexes
from sitrep.model import ReferenceDate

TABLE = Path(__file__).parent / "data" / "dates_news_table.jsonl"
ROWS = [json.loads(line) for line in TABLE.read_text(encoding="utf-8").splitlines() if line.strip()]
POSITIVE = [r for r in ROWS if "expr" in r]
NEGATIVE = [r for r in ROWS if "absent" in r]


def _ref(row: dict) -> ReferenceDate | None:
    return ReferenceDate(value=row["ref"], basis="given") if row["ref"] else None


def _span(text: str, expr: str) -> tuple[int, int]:
    """The first whole-word occurrence of ``expr`` ("now" is not the end of "known")."""
    m = re.search(r"(?<!\w)" + re.escape(expr) + r"(?!\w)", text)
    assert m, f"bad table row: {expr!r} not in {text!r}"
    return m.start(), m.end()


def _id(row: dict) -> str:
    return f"{row.get('ref')}|{row.get('expr') or row.get('absent')}|{row['text'][:30]}"


def test_table_is_large_enough() -> None:
    assert len(POSITIVE) >= 200
    assert len({(r["ref"], r["text"], r["expr"]) for r in POSITIVE}) == len(POSITIVE)
    assert {r["type"] for r in POSITIVE} == {"DATE", "TIME", "DURATION", "SET"}


@pytest.mark.parametrize("row", POSITIVE, ids=[_id(r) for r in POSITIVE])
def test_news_expression(row: dict) -> None:
    text = row["text"]
    start, end = _span(text, row["expr"])
    found = find_timexes(text, None, _ref(row))
    for t in found:
        assert text[t.start : t.end] == t.text
    match = [t for t in found if t.start == start and t.end == end]
    assert match, f"span {row['expr']!r} not found; got {[(t.text, t.value) for t in found]}"
    t = match[0]
    assert (t.value, t.precision, t.type) == (row["value"], row["precision"], row["type"])
    if row["ref"] is None and "X" in (t.value or ""):
        assert t.anchored is False and t.range_start is None


@pytest.mark.parametrize("row", NEGATIVE, ids=[_id(r) for r in NEGATIVE])
def test_news_not_a_date(row: dict) -> None:
    text = row["text"]
    start, end = _span(text, row["absent"])
    found = find_timexes(text, None, _ref(row))
    assert not [t for t in found if t.start < end and start < t.end and t.type in ("DATE", "TIME")]


def test_spans_never_start_with_a_preposition() -> None:
    text = (
        "On Monday the army said that since 2014 more than 3,000 soldiers had died, and that in "
        "March, during the past three years and at 5 p.m. on Friday fighting had stopped for hours."
    )
    found = find_timexes(text, None, ReferenceDate(value="2021-07-05"))
    assert found
    for t in found:
        assert not re.match(r"(?i)(?:on|in|at|since|during|for)\s", t.text), t.text


def test_pathological_input_is_read() -> None:
    # time budgets: benchmarks/bench_hostile.py; growth of every pattern: tests/test_complexity.py
    for chunk in ("1 " * 200_000, "the past " * 60_000, "May " * 100_000, "2015-" * 80_000, "a few " * 80_000):
        found = find_timexes(chunk, None, ReferenceDate(value="2021-07-05"))
        assert all(0 <= t.start < t.end <= len(chunk) and t.text == chunk[t.start : t.end] for t in found), chunk[:12]


@pytest.mark.parametrize(
    "text",
    [
        "Workers asked to be paid for the extra weeks added to the lockdown.",
        "Pay for the extra days, said the union, and for three weeks later.",
    ],
)
def test_a_duration_rule_matching_inside_a_word_is_skipped_not_a_crash(text: str) -> None:
    """A duration's optional prefix cannot match after a letter ("extra weeks" scanned from
    inside "extra"); the tagger used to crash there and lose the whole document."""
    found = find_timexes(text, [(0, len(text))], None)
    assert all(text[t.start : t.end] == t.text for t in found)
    assert not any(t.text.startswith("ra ") for t in found)


def test_anaphoric_day_reads_the_story_across_paragraphs() -> None:
    """ "the next day" in a later paragraph counts from the story's last date, not from the day the
    text was published."""
    first = "Shelling killed 15 civilians in the town on Friday, 1 March 2024."
    second = "The army said its aircraft struck the attackers' positions the next day."
    text = f"{first}\n\n{second}"
    ranges = [(0, len(first)), (len(first) + 2, len(text))]
    found = find_timexes(text, ranges, ReferenceDate(value="2024-03-05", basis="given"))
    nxt = next(t for t in found if t.text == "the next day")
    assert nxt.value == "2024-03-02"
