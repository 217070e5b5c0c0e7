"""The date of what a record describes, chosen among the temporal expressions around it.

Rules (docs/dates.md):
1. Candidates are the DATE/TIME expressions inside [start, end); if none, those in the same
   sentence. An expression in a subordinate clause that starts with "since/after/before/when/
   which/who..." and has words between the subordinator and the expression ("since it was
   ousted from power in 2001") is about something else and is skipped unless it lies inside
   the record span and nothing else does.
2. "since 2014" and "between 1996 and 2001" / "1996-2001" give a range, precision unknown.
3. The nearest remaining candidate wins (inside the span first); ties go to the finer one.
4. Precision maps to the date string: day "YYYY-MM-DD", week: the week's Monday "YYYY-MM-DD"
   with precision "week" and start/end the Monday..Sunday range (the record contract allows
   only YYYY / YYYY-MM / YYYY-MM-DD, so the week is carried by precision and range), month
   "YYYY-MM", year "YYYY" (quarters, halves and seasons too, with a narrower range).
5. An unresolved expression (undated document) or no expression at all gives date None and
   precision "unknown": the report date is never copied onto a record that does not say when
   it happened. A figure over a duration ("in the past three years") gets its range.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ...model import RecordDate, TimeExpr
from .tense import sentence_bounds

if TYPE_CHECKING:
    from ..context import Context

_SUBORD = re.compile(
    r"(?i)\b(?:since|after|before|when|while|until|which|who|whom|whose|where|as|because|once|ever since)\s+"
    r"(?P<between>[^,;:()\u2013\u2014]*)$"
)
_CLAUSE_BREAK = re.compile(r"[,;:()\u2013\u2014]")
_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3, "unknown": 4}


def acled_time_precision(precision: str | None) -> int:
    """ACLED time_precision: 1 a day, 2 a week or "around", 3 a month or coarser (or unknown)."""
    return {"day": 1, "week": 2}.get(precision or "", 3)


def _is_subordinate(text: str, sent_lo: int, t: TimeExpr) -> bool:
    lo = sent_lo
    for m in _CLAUSE_BREAK.finditer(text, sent_lo, t.start):
        lo = m.end()
    m2 = _SUBORD.search(text, lo, t.start)
    if not m2:
        return False
    between = m2.group("between").split()
    # "since 2014", "after Monday", "before June": the preposition governs the date itself
    return len(between) >= 2


def _prep_before(text: str, t: TimeExpr) -> str:
    m = re.search(
        r"(?i)\b(since|between|from|after|before|until|till|by)\s+(?:the\s+)?$",
        text[max(0, t.start - 16) : t.start],
    )
    return m.group(1).lower() if m else ""


def to_record_date(t: TimeExpr) -> RecordDate:
    """A resolved expression as a record date; unresolved or vague ones give precision unknown."""
    if not t.anchored or t.value is None or "X" in t.value or t.type in ("SET",):
        return RecordDate()
    if t.type == "DURATION" or t.precision == "unknown":
        return RecordDate(None, "unknown", t.range_start, t.range_end)
    if t.precision == "day":
        return RecordDate(t.value[:10], "day", t.range_start, t.range_end)
    if t.precision == "week":
        return RecordDate(t.range_start, "week", t.range_start, t.range_end)
    if t.precision == "month":
        return RecordDate((t.range_start or t.value)[:7], "month", t.range_start, t.range_end)
    if t.precision == "year":
        return RecordDate((t.range_start or t.value)[:4], "year", t.range_start, t.range_end)
    return RecordDate()


def _range_partner(ctx: Context, t: TimeExpr) -> TimeExpr | None:
    text = ctx.document.text
    for u in ctx.timexes:
        if (
            u.start >= t.end
            and u.start - t.end <= 6
            and re.fullmatch(r"\s*(?:-|–|and|to|through|until)\s*", text[t.end : u.start])
        ):
            return u
    return None


def record_date(ctx: Context, start: int, end: int, kind: str = "event") -> RecordDate:
    """The date of what the text in [start, end) describes (not the date of the report)."""
    text = ctx.document.text
    sent_lo, sent_hi = _sentence(ctx, start, end)
    usable = [
        t for t in ctx.timexes if t.type in ("DATE", "TIME") or (kind == "figure" and t.type == "DURATION")
    ]
    inside = [t for t in usable if start <= t.start and t.end <= end]
    around = [t for t in usable if sent_lo <= t.start and t.end <= sent_hi and t not in inside]
    main_inside = [t for t in inside if not _is_subordinate(text, max(sent_lo, start), t)]
    main_around = [t for t in around if not _is_subordinate(text, sent_lo, t)]
    pool = main_inside or main_around or inside
    if not pool:
        return RecordDate()

    def dist(t: TimeExpr) -> int:
        if start <= t.start and t.end <= end:
            return 0
        return t.start - end if t.start >= end else start - t.end

    best = min(pool, key=lambda t: (dist(t), _PRECISION_RANK.get(t.precision, 4), t.start))
    prep = _prep_before(text, best)
    rd = to_record_date(best)
    if prep == "since" and best.anchored:
        return RecordDate(None, "unknown", best.range_start, ctx.reference.value)
    if prep in ("between", "from"):
        partner = _range_partner(ctx, best)
        if partner is not None and best.anchored and partner.anchored:
            return RecordDate(None, "unknown", best.range_start, partner.range_end)
    partner = _range_partner(ctx, best) if re.fullmatch(r"\d{4}", best.value or "") else None
    if (
        partner is not None
        and re.fullmatch(r"\d{4}", partner.value or "")
        and text[best.end : partner.start].strip() in "-–"
    ):
        return RecordDate(None, "unknown", best.range_start, partner.range_end)
    return rd


def _sentence(ctx: Context, start: int, end: int) -> tuple[int, int]:
    """The spaCy sentence around the span when parsed, else a punctuation-based one."""
    for para in ctx.paragraphs:
        if para.start <= start < para.end:
            for sent in para.doc.sents:
                lo, hi = para.start + sent.start_char, para.start + sent.end_char
                if lo <= start < hi:
                    return lo, max(hi, min(end, para.end))
    return sentence_bounds(ctx.document.text, start, end)
