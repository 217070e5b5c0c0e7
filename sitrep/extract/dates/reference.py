"""The reference date of a document: given, dateline, or content — checked against each other.

Order of trust: a date given with the input (JSONL ``published``) > a weekday pin found in the
content > the dateline. A *weekday pin* is a bare weekday ("starting on Friday") whose day
matches an absolute date stated in the same text ("24th April 2015" is a Friday): it fixes the
week the article was written in, and a weekday reported in the past tense ("on Wednesday
announced") fixes the day. A dateline more than a week away from a pin is reported in
``warnings`` and loses. Without dateline and pin the value is None; explicit years in past
clauses and phrases like "more than 17 years after ... 2001" give ``lower_bound``, dates stated
as still ahead ("will leave by May 2021") give ``upper_bound``. No day is ever invented.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ...model import Cleaned, Document, ReferenceDate, TimeExpr
from .normalize import month_end, normalize, resolve_weekday
from .tagger import scan
from .tense import clause_tense

D = dt.date
_ISO_DAY = re.compile(r"^(\d{4})-(\d\d)-(\d\d)")
_WEEKDAY_VALUE = re.compile(r"^XXXX-WXX-(\d)")
_DATELINE_LABEL = re.compile(
    r"(?i)^\W*(?:published|posted|first published|date|dated|created|released|issued)(?:\s+on)?\b"
)
_UPDATED_LABEL = re.compile(r"(?i)^\W*(?:updated|last updated|modified|last modified)\b")
_YEARS_AFTER = re.compile(
    r"(?i)\b(?P<q>more than|over|nearly|almost|about|some|at least)?\s*(?P<n>\d{1,3}|[a-z]+(?:-[a-z]+)?)\s+"
    r"(?P<u>years?|decades?)\s+(?:after|since)\b(?:[^\n.]|\.(?!\s)){0,160}?\b(?P<y>(?:1[6-9]|20)\d\d)\b"
)
_YEARS_CUE = re.compile(r"(?i)\b(?:years?|decades?)\s+(?:after|since)\b")
_NUM_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "a": 1, "an": 1,
}


@dataclass
class ContentEvidence:
    pin: D | None = None
    pin_note: str = ""
    pin_window: tuple[D, D] | None = None  # week fixed, day not
    lower: D | None = None
    lower_note: str = ""
    upper: D | None = None
    upper_note: str = ""
    years: list[int] = field(default_factory=list)


def _day_of(value: str | None) -> D | None:
    m = _ISO_DAY.match(value or "")
    if not m:
        return None
    try:
        return D(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def detect_dateline(text: str, max_lines: int = 15) -> tuple[str | None, tuple[int, int] | None]:
    """A dateline among the first lines: a short line that is (almost) only a full date.

    "Published: 0237 GMT July 05, 2021" and "18:56 GMT05 December 2020" qualify; a "Published"
    line wins over an "Updated" one, which is used only when nothing else is found.
    """
    pos = 0
    found: list[tuple[int, str, tuple[int, int]]] = []
    for _ in range(max_lines):
        if pos >= len(text):
            break
        nl = text.find("\n", pos)
        end = len(text) if nl < 0 else nl
        line = text[pos:end]
        if line.strip() and len(line.strip()) <= 100:
            for sem in scan(text, pos, end):
                if sem.kind != "date" or sem.year is None or sem.day is None:
                    continue
                norm = normalize(sem, None, None, False)
                if norm is None or _day_of(norm.value) is None:
                    continue
                rest = (text[pos : sem.start] + " " + text[sem.end : end]).strip()
                words = re.findall(r"[A-Za-z]{2,}", rest)
                label = _DATELINE_LABEL.match(line.strip())
                updated = _UPDATED_LABEL.match(line.strip())
                if label or updated or len(words) <= 4:
                    rank = 0 if label else (2 if updated else 1)
                    found.append((rank, (norm.value or "")[:10], (sem.start, sem.end)))
                break
        if nl < 0:
            break
        pos = nl + 1
    if not found:
        return None, None
    found.sort(key=lambda f: f[0])
    return found[0][1], found[0][2]


def _weekday_mentions(text: str, timexes: list[TimeExpr]) -> list[tuple[TimeExpr, int, str | None]]:
    out = []
    for t in timexes:
        m = _WEEKDAY_VALUE.match(t.value or "")
        if not m:
            continue
        low = t.text.lower()
        if low.startswith(("last ", "past ", "this past ")):
            tense: str | None = "last"
        elif low.startswith(("next ", "coming ", "this coming ")):
            tense = "next"
        else:
            tense = clause_tense(text, t.start, t.end)
        out.append((t, int(m.group(1)) - 1, tense))
    return out


def content_evidence(text: str, timexes: list[TimeExpr]) -> ContentEvidence:
    """What the content says about when it was written."""
    ev = ContentEvidence()
    full: list[tuple[TimeExpr, D]] = []
    for t in timexes:
        d = _day_of(t.value)
        if d is not None and t.anchored:
            full.append((t, d))
        if t.value and re.fullmatch(r"\d{4}", t.value[:4]) and t.type in ("DATE", "TIME") and t.anchored:
            ev.years.append(int(t.value[:4]))
    weekdays = _weekday_mentions(text, timexes)
    _pin(ev, full, weekdays)
    _bounds(ev, text, timexes)
    return ev


def _pin(ev: ContentEvidence, full: list[tuple[TimeExpr, D]], weekdays: list[tuple[TimeExpr, int, str | None]]) -> None:
    best: tuple[int, D, D | None, str] | None = None
    for t, d in full:
        for w, dow, tense in weekdays:
            if dow != d.weekday() or abs(w.start - t.start) > 3000:
                continue
            # reference dates under which this weekday mention means exactly d
            cands = [
                d + dt.timedelta(days=k)
                for k in range(-7, 8)
                if resolve_weekday(d + dt.timedelta(days=k), dow, tense if tense else "past") == d
            ]
            if not cands:
                continue
            # a weekday reported in the past tense names the day of the report
            days = [
                r for r in cands
                for w2, dow2, tense2 in weekdays
                if w2 is not w and tense2 in ("past", None) and dow2 == r.weekday() and dow2 != dow
            ]
            support = len(days)
            day = min(days, key=lambda r: abs((r - d).days)) if days else None
            note = f"'{w.text}' and '{t.text}' ({d.isoformat()}, a {d.strftime('%A')})"
            if best is None or support > best[0]:
                best = (support, min(cands), day, note)
                ev.pin_window = (min(cands), max(cands))
    if best is not None:
        _, _, day, note = best
        ev.pin = day
        ev.pin_note = note


def _bounds(ev: ContentEvidence, text: str, timexes: list[TimeExpr]) -> None:
    # (the full pattern tries a number at every word: only a text with its cue words needs it)
    for m in _YEARS_AFTER.finditer(text) if _YEARS_CUE.search(text) else ():
        raw = m.group("n").lower()
        n = int(raw) if raw.isdigit() else _NUM_WORDS.get(raw.split("-")[0], 0) + (
            _NUM_WORDS.get(raw.split("-")[1], 0) if "-" in raw else 0
        )
        if not n:
            continue
        if m.group("u").lower().startswith("decade"):
            n *= 10
        q = (m.group("q") or "").lower()
        y = int(m.group("y")) + n - (1 if q in ("nearly", "almost", "about", "some") else 0)
        if 1600 <= y <= 2200:
            cand = D(y, 1, 1)
            if ev.lower is None or cand > ev.lower:
                ev.lower, ev.lower_note = cand, f"'{m.group(0).strip()}'"
    for t in timexes:
        if t.type not in ("DATE", "TIME") or not t.anchored or not t.range_start or not t.range_end:
            continue
        if not re.match(r"\d{4}", t.value or ""):
            continue
        tense = clause_tense(text, t.start, t.end)
        lo, hi = D.fromisoformat(t.range_start), D.fromisoformat(t.range_end)
        if tense == "past" and (ev.lower is None or lo > ev.lower):
            ev.lower, ev.lower_note = lo, f"'{t.text}' reported as past"
        elif tense == "future":
            before = text[max(0, t.start - 12) : t.start].lower()
            if re.search(r"\b(?:by|until|till|before)\s+$", before) and (ev.upper is None or hi < ev.upper):
                ev.upper, ev.upper_note = hi, f"'{t.text}' still ahead"


def reference_date(document: Document, cleaned: Cleaned, timexes: list[TimeExpr]) -> ReferenceDate:
    """The date relative expressions are resolved against, with its basis and warnings."""
    text = document.text
    ev = content_evidence(text, timexes)
    warnings: list[str] = []
    given = _day_of(document.published)
    dateline = _day_of(cleaned.dateline_value) or _day_of(cleaned.published)
    if dateline is None:
        value, _ = detect_dateline(text)
        dateline = _day_of(value)

    def bounded(ref: ReferenceDate) -> ReferenceDate:
        if ref.value is None:
            ref.lower_bound = ev.lower.isoformat() if ev.lower else None
            ref.upper_bound = ev.upper.isoformat() if ev.upper else None
            if ev.pin_window and ev.pin is None:
                ref.lower_bound, ref.upper_bound = ev.pin_window[0].isoformat(), ev.pin_window[1].isoformat()
        return ref

    if given is not None:
        if ev.pin is not None and abs((ev.pin - given).days) > 7:
            warnings.append(
                f"given date {given.isoformat()} contradicts the content: {ev.pin_note} put it at {ev.pin.isoformat()}"
            )
        return ReferenceDate(value=given.isoformat(), basis="given", warnings=warnings)
    if dateline is not None:
        if ev.pin is not None and abs((ev.pin - dateline).days) > 7:
            warnings.append(
                f"dateline {dateline.isoformat()} contradicts the content: {ev.pin_note} put the article "
                f"at {ev.pin.isoformat()}; using the content date"
            )
            return ReferenceDate(value=ev.pin.isoformat(), basis="content", warnings=warnings)
        if ev.pin is None and ev.pin_window and not (ev.pin_window[0] <= dateline <= ev.pin_window[1]):
            warnings.append(
                f"dateline {dateline.isoformat()} contradicts the content: {ev.pin_note} put the article "
                f"between {ev.pin_window[0].isoformat()} and {ev.pin_window[1].isoformat()}; no day can be chosen"
            )
            return bounded(ReferenceDate(value=None, basis="none", warnings=warnings))
        if ev.upper is not None and dateline > ev.upper:
            warnings.append(
                f"dateline {dateline.isoformat()} is after {ev.upper.isoformat()}, which the content states as "
                f"still ahead ({ev.upper_note})"
            )
        if ev.lower is not None and dateline < ev.lower:
            warnings.append(
                f"dateline {dateline.isoformat()} is before {ev.lower.isoformat()}, which the content reports "
                f"as past ({ev.lower_note})"
            )
        if ev.years and dateline.year - max(ev.years) >= 3:
            warnings.append(
                f"dateline {dateline.isoformat()} is {dateline.year - max(ev.years)} years after every year "
                f"named in the text (latest {max(ev.years)}): it may be a page timestamp"
            )
        return ReferenceDate(value=dateline.isoformat(), basis="dateline", warnings=warnings)
    if ev.pin is not None:
        return ReferenceDate(value=ev.pin.isoformat(), basis="content", warnings=warnings)
    return bounded(ReferenceDate(value=None, basis="none", warnings=warnings))


__all__ = ["ContentEvidence", "content_evidence", "detect_dateline", "month_end", "reference_date"]
