"""Datelines: recognise a line that is only a publication date/time, and parse it to ISO.

dateparser mis-reads wire formats such as "0237 GMT July 05, 2021" (DEPENDENCIES.md), so the
parts are matched here with small patterns: a full date (day, month, year) and an optional
clock time. A date with an ambiguous order (03/04/2021) gives no value: unknown beats wrong.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import vocab
from .mojibake import demojibaked, has_mojibake

_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH = (
    r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_ORD = r"(?:st|nd|rd|th)?"
_DATE_PATTERNS = [
    re.compile(rf"(?<!\d)(?P<day>\d{{1,2}}){_ORD}\s*(?:of\s+)?{_MONTH},?\s+(?P<year>\d{{4}})(?!\d)", re.I),
    re.compile(rf"(?<![a-z]){_MONTH}\s+(?P<day>\d{{1,2}}){_ORD},?\s+(?P<year>\d{{4}})(?!\d)", re.I),
    re.compile(r"(?<!\d)(?P<year>\d{4})[-/.](?P<mnum>\d{1,2})[-/.](?P<day>\d{1,2})(?!\d)"),
    re.compile(r"(?<!\d)(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<year>\d{4})(?!\d)"),
]
_TIME = re.compile(
    r"(?<!\d)(?P<h>\d{1,2})[:.h](?P<mi>\d{2})(?::\d{2})?\s*(?P<ap>[ap]\.?\s?m\.?)?(?![\d])"
    r"|(?<!\d)(?P<hhmm>\d{4})\s*(?:hrs|hours|h\b|gmt|utc|z\b)",
    re.I,
)
_WEEKDAY = re.compile(
    r"\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|rsday|urday)?\b\.?", re.I
)
_LEFTOVER_WORD = re.compile(r"[^\W\d_]+(?:\.[^\W\d_]+)*\.?", re.UNICODE)
_WIRE = re.compile(
    r"^(?P<place>[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ .'’-]{1,40}(?:,\s*[A-Z][A-Za-z .'-]{1,30})?)"
    r"(?:,?\s+(?P<when>[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?))?"
    r"\s*\((?P<agency>[A-Z][\w&.' -]{0,30})\)\s*[-–—:]+\s*"
)
#: "ABUJA - Gunmen ...", "MOGADISHU — ...": a capitalised place and a dash, no agency; South
#: Asian papers put a colon after the place ("PESHAWAR: Five soldiers ...")
_WIRE_BARE = re.compile(
    r"^(?P<place>[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’.-]{2,24}(?: [A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’.-]{1,24}){0,2}(?:,\s*[A-Z][A-Za-z .'-]{1,30})?)"
    # (not a transcript's speaker label: "CLINTON: I think ...")
    r"(?P<agency>)(?:\s+[-–—]+|:(?!\s+(?:I|We|You|Well|Thank)\b))\s+(?=[A-Z\"“‘'])"
)
#: the same in text an archive lower-cased whole: "mogadishu, somalia (wire) -" (the agency's
#: bracket and the dash make it a dateline; a bare place and a dash is too common a start)
_WIRE_LOWER = re.compile(
    r"^(?P<place>[a-z][a-z .'’-]{1,40}(?:,\s*[a-z][a-z .'-]{1,30})?)"
    r"(?:,?\s+(?P<when>[a-z]{3,9}\.?\s+\d{1,2}(?:,\s*\d{4})?))?"
    r"\s*\((?P<agency>[a-z][\w&.' -]{0,30})\)\s*[-–—:]+\s*"
)
_ANY_MONTH = _MONTH.replace("(?P<mon>", "(?:")  # (a second month in one pattern: no group name)
#: ... or with its day instead of an agency: "jos, nov 18 - gunmen killed ..." (a place, a comma,
#: a month and a day, a dash: no sentence opens so), or the day first: "niamey, 14 march 2024 -"
_WIRE_LOWER_DATED = re.compile(
    rf"^(?P<place>[a-z][a-z .'’-]{{1,30}}),\s+"
    rf"(?P<when>{_ANY_MONTH}\s+\d{{1,2}}(?:,\s*\d{{4}})?|\d{{1,2}}\s+{_ANY_MONTH}(?:\s+\d{{4}})?)\s*(?P<agency>)[-–—]+\s+"
)
#: and cased, a place in title case: "Jos, Nov 18 - Gunmen killed ...", also with the day
#: first ("Niamey, 14 March 2024 - ..."), as French and West African papers write it
_WIRE_DATED = re.compile(
    rf"^(?P<place>[A-ZÀ-ÖØ-Þ][\w.'’-]+(?: [A-ZÀ-ÖØ-Þ][\w.'’-]+){{0,2}}),\s+"
    rf"(?P<when>(?i:{_ANY_MONTH})\s+\d{{1,2}}(?:,\s*\d{{4}})?|\d{{1,2}}\s+(?i:{_ANY_MONTH})(?:\s+\d{{4}})?)"
    r"\s*(?P<agency>)[-–—]+\s+(?=[A-Z\"“‘'])"
)
#: and with neither a day nor an agency, a place in title case and a dash: "Quito - Gunmen
#: shot ...", "Lima, Peru - Hundreds of miners ..." (read only before a sentence of prose)
_WIRE_TITLE = re.compile(
    r"^(?P<place>[A-ZÀ-ÖØ-Þ][a-zà-ÿ.'’-]+(?: [A-ZÀ-ÖØ-Þ][a-zà-ÿ.'’-]+){0,2}(?:,\s*[A-Z][a-z]+(?: [A-Z][a-z]+){0,2})?)"
    r"(?P<agency>)\s+[-–—]+\s+(?=[A-Z\"“‘'])"
)
#: the prose a title-case dateline opens: a sentence of eight words or more on the same line
_PROSE_AFTER = re.compile(r"(?:[^\s.\n]{1,40}\s{1,5}){7,60}[^\n]{0,600}?\.(?:\s|$)")
MAX_DATELINE_CHARS = 120


@dataclass
class DateParts:
    """A parsed date and optional time; ``iso`` is the TIMEX-like value."""

    year: int
    month: int
    day: int
    hour: int | None = None
    minute: int | None = None

    @property
    def iso(self) -> str:
        d = f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        return d if self.hour is None else f"{d}T{self.hour:02d}:{self.minute or 0:02d}"


def _date_match(text: str) -> tuple[re.Match[str], tuple[int, int, int] | None] | None:
    for pat in _DATE_PATTERNS:
        m = pat.search(text)
        if not m:
            continue
        g = m.groupdict()
        year = int(g["year"])
        if g.get("mon"):
            month = _MONTHS[
                g["mon"].lower()[:4] if g["mon"].lower().startswith("sept") else g["mon"].lower()[:3]
            ]
        elif g.get("mnum"):
            month = int(g["mnum"])
        else:
            a, b = int(g["a"]), int(g["b"])
            if a > 12 >= b:
                month, g["day"] = b, str(a)
            elif b > 12 >= a:
                month, g["day"] = a, str(b)
            elif a == b:
                month, g["day"] = a, str(a)
            else:
                return m, None  # 03/04/2021: a date, but which one is unknown
        day = int(g["day"])
        if 1 <= month <= 12 and 1 <= day <= 31 and 1900 <= year <= 2100:
            return m, (year, month, day)
        return m, None
    return None


def parse(text: str) -> DateParts | None:
    """The first full date in ``text`` with the nearest clock time, or None."""
    found = _date_match(text)
    if not found or found[1] is None:
        return None
    m, (y, mo, d) = found[0], found[1]
    parts = DateParts(y, mo, d)
    rest = text[: m.start()] + " " * (m.end() - m.start()) + text[m.end() :]
    t = _TIME.search(rest)
    if t:
        if t.group("hhmm"):
            h, mi = int(t.group("hhmm")[:2]), int(t.group("hhmm")[2:])
        else:
            h, mi = int(t.group("h")), int(t.group("mi"))
            ap = (t.group("ap") or "").lower().replace(".", "").replace(" ", "")
            if ap == "pm" and h < 12:
                h += 12
            elif ap == "am" and h == 12:
                h = 0
        if h < 24 and mi < 60:
            parts.hour, parts.minute = h, mi
    return parts


def is_dateline(text: str) -> bool:
    """A short line that is a date (and maybe a time, a label or a byline) and nothing else."""
    if len(text) > MAX_DATELINE_CHARS:
        return False
    found = _date_match(text)
    if not found:
        return False
    m = found[0]
    rest = text[: m.start()] + " " + text[m.end() :]
    rest = _TIME.sub(" ", rest)
    rest = _WEEKDAY.sub(" ", rest)
    labels = vocab.load().dateline_labels
    left = [w for w in _LEFTOVER_WORD.findall(rest) if w.lower().rstrip(".") not in labels]
    if re.match(r"\s*(?:by|posted by|written by)\s", text, re.I):
        return len(left) <= 6
    return len(left) <= 2


def dateline_places(text: str, start: int) -> list[tuple[str, int, int]]:
    """(name, start, end) of each comma-separated place name of the wire dateline at ``start``
    ("KANDAHAR, Afghanistan, July 5 (Reuters) -": KANDAHAR, Afghanistan); none when no wire
    dateline opens there."""
    m = wire_dateline(text[start : start + 400])
    if m is None:
        return []
    out, pos = [], start + m.start("place")
    for part in m.group("place").split(","):
        lo = pos + len(part) - len(part.lstrip())
        name = part.strip()
        if name:
            out.append((name, lo, lo + len(name)))
        pos += len(part) + 1
    return out


def wire_dateline(text: str) -> re.Match[str] | None:
    """A wire-service dateline opening a lead paragraph: "KABUL, July 5 (Reuters) -" (also with
    its accents or dash as mojibake, "BOGOTÃ (Wire) â€”", read on a repaired view of the same
    length, so the match's offsets are the text's)."""
    if has_mojibake(text[:80]):
        text = demojibaked(text)
    m = _WIRE.match(text)
    city = m.group("place").split(",")[0] if m else ""
    if m and sum(c.isupper() for c in city) >= 0.8 * sum(c.isalpha() for c in city):
        return m
    bare = _WIRE_BARE.match(text)
    if (
        bare
        and not {w.lower() for w in bare.group("place").split(",")[0].split()} & vocab.load().kicker_labels
    ):
        return bare
    dated = _WIRE_DATED.match(text)
    if dated and not {w.lower() for w in dated.group("place").split()} & vocab.load().function_words:
        return dated
    titled = _WIRE_TITLE.match(text)
    if (
        titled
        and not {w.lower() for w in re.findall(r"[A-Za-z]+", titled.group("place"))} & vocab.load().function_words
        and _PROSE_AFTER.match(text, titled.end())
    ):
        return titled
    cased = any(c.isupper() for c in text[:300])
    lower = None if cased else _WIRE_LOWER.match(text) or _WIRE_LOWER_DATED.match(text)
    # ("the united nations (un) - which ...", "police said (ap) - ...": a clause, not a place)
    if lower and not set(re.findall(r"[a-z]+", lower.group("place"))) & vocab.load().function_words:
        return lower
    return None
