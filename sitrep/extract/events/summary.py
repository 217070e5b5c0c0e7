"""One-line summaries in the style of ACLED's notes: "On 5 July 2021, ... ."

The clause itself carries who/what/where; the date prefix comes from the resolved record date
and relative date words in the clause are dropped so the line reads on its own. Dates are
never invented: no resolved date, no date prefix.
"""

from __future__ import annotations

import re
from datetime import date as Date

from ...model import RecordDate

# what \s matches (str.isspace), for str.strip
_SPACE = "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
_TRIM_HEAD = ",;:\"'“”" + _SPACE
_TRIM_TAIL = _TRIM_HEAD + "."

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_LOWER_FIRST = frozenset(
    [
        "the",
        "a",
        "an",
        "in",
        "on",
        "at",
        "after",
        "during",
        "more",
        "some",
        "at",
        "least",
        "about",
        "up",
        "nearly",
        "several",
        "dozens",
        "hundreds",
        "unknown",
        "unidentified",
        "suspected",
        "gunmen",
        "militants",
        "police",
        "soldiers",
        "troops",
        "protesters",
        "rioters",
        "a",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "armed",
        "security",
        "government",
        "fighters",
        "former",
        "that",
    ]
)
_LEAD = re.compile(r"^(?:on|in|during|last|this|early|late|since|,)\s*$", re.I)


def date_prefix(d: RecordDate) -> str:
    if not d.date:
        return ""
    try:
        if d.precision == "day" and len(d.date) >= 10:
            x = Date.fromisoformat(d.date[:10])
            return f"On {x.day} {MONTHS[x.month - 1]} {x.year}, "
        if d.precision in ("month", "week") and len(d.date) >= 7 and d.date[5:7].isdigit():
            return f"In {MONTHS[int(d.date[5:7]) - 1]} {d.date[:4]}, "
        if d.precision == "year" and d.date[:4].isdigit():
            return f"In {d.date[:4]}, "
    except (ValueError, IndexError):
        return ""
    return ""


def summarize(text: str, start: int, end: int, cut: list[tuple[int, int]], d: RecordDate) -> str:
    """Clause text [start, end) minus the date words in ``cut``, prefixed with the date."""
    pieces: list[str] = []
    pos = start
    prefix = date_prefix(d)
    for lo, hi in sorted(cut):
        if not prefix or lo < pos or hi > end:
            continue
        before = text[pos:lo]
        words = before.rstrip().rsplit(" ", 1)
        if len(words) == 2 and _LEAD.match(words[1]):
            before = words[0] + " "
        elif len(words) == 1 and _LEAD.match(words[0]):
            before = ""
        pieces.append(before)
        pos = hi
    pieces.append(text[pos:end])
    body = re.sub(r"\s+", " ", "".join(pieces)).strip()
    body = re.sub(r"(?<!\s)\s+([,.;:])", r"\1", body)  # (?<!\s): a run of spaces is read once
    body = body.lstrip(_TRIM_HEAD).rstrip(_TRIM_TAIL)  # the regex ``[...]+$`` rescanned runs
    body = re.sub(r",\s*,", ",", body)
    body = re.sub(r"^(?:that|and|but|so)\s+(?=\S)", "", body, flags=re.I)
    first = body.split(" ", 1)[0].lower() if body else ""
    if prefix and body and first in _LOWER_FIRST:
        body = body[0].lower() + body[1:]
    elif not prefix and body:
        body = body[0].upper() + body[1:]  # a clause cut from mid-sentence still opens the line
    return f"{prefix}{body}." if body else ""
