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
import weakref
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from ...model import Cite, RecordDate, TimeExpr
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
    m = re.search(r"(?i)\b(since|between|from|after|before|until|till|by)\s+(?:the\s+)?$",
                  text[max(0, t.start - 16) : t.start])
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
    for u in _index(ctx).timexes_between(t.end, t.end + 6):
        if u.start >= t.end and u.start - t.end <= 6 and re.fullmatch(r"\s*(?:-|–|and|to|through|until)\s*",
                                                                      text[t.end : u.start]):
            return u
    return None


@dataclass
class _Index:
    """Lookups over one context, so that a record costs what is near it, not the whole document
    (a 1 MB page has thousands of records and expressions)."""

    ctx: weakref.ref[Context]  # weak: the parse of a finished document is not kept alive
    timexes: list[TimeExpr]
    n_timexes: int
    starts: list[int] | None  # timex starts, when ctx.timexes is sorted by start
    para_starts: list[int] | None  # paragraph starts, when sorted and not overlapping
    sents: dict[int, tuple[list[int], list[int]]] = field(default_factory=dict)  # paragraph -> sentences

    @classmethod
    def build(cls, ctx: Context) -> _Index:
        starts = [t.start for t in ctx.timexes]
        paras = ctx.paragraphs
        sorted_paras = all(paras[i].end <= paras[i + 1].start for i in range(len(paras) - 1))
        return cls(
            weakref.ref(ctx), ctx.timexes, len(ctx.timexes),
            starts if all(a <= b for a, b in zip(starts, starts[1:], strict=False)) else None,
            [p.start for p in paras] if sorted_paras else None,
        )

    def timexes_between(self, lo: int, hi: int) -> list[TimeExpr]:
        """ctx.timexes that may lie inside [lo, hi) (start in range), in their order."""
        if self.starts is None:
            return self.timexes
        return self.timexes[bisect_left(self.starts, lo) : bisect_right(self.starts, hi)]

    def sentence(self, ctx: Context, start: int) -> tuple[int, int, int] | None:
        """(lo, hi, paragraph end) of the parsed sentence holding ``start``, None when none does."""
        paras = ctx.paragraphs
        if self.para_starts is None:
            candidates = range(len(paras))
        else:  # paragraphs do not overlap: only the last one starting at or before ``start``
            i = bisect_right(self.para_starts, start) - 1
            candidates = range(i, i + 1) if i >= 0 else range(0)
        for i in candidates:
            para = paras[i]
            if not para.start <= start < para.end:
                continue
            if i not in self.sents:
                spans = [(para.start + s.start_char, para.start + s.end_char) for s in para.doc.sents]
                self.sents[i] = ([lo for lo, _ in spans], [hi for _, hi in spans])
            los, his = self.sents[i]
            j = bisect_right(los, start) - 1  # sentences do not overlap: the last one starting before
            if j >= 0 and start < his[j]:
                return los[j], his[j], para.end
        return None


_LAST_INDEX: list[_Index] = []


def _index(ctx: Context) -> _Index:
    """The index of ``ctx``, kept for the document being extracted (rebuilt if its dates change)."""
    last = _LAST_INDEX[0] if _LAST_INDEX else None
    if last is None or last.ctx() is not ctx or last.timexes is not ctx.timexes or last.n_timexes != len(ctx.timexes):
        last = _Index.build(ctx)
        _LAST_INDEX[:] = [last]
    return last


def record_date(ctx: Context, start: int, end: int, kind: str = "event") -> RecordDate:
    """The date of what the text in [start, end) describes (not the date of the report)."""
    text = ctx.document.text
    sent_lo, sent_hi = _sentence(ctx, start, end)
    near = _index(ctx).timexes_between(min(start, sent_lo), max(end, sent_hi))
    usable = [t for t in near if t.type in ("DATE", "TIME") or (kind == "figure" and t.type == "DURATION")]
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
    rd, used = to_record_date(best), [best]
    if prep == "since" and best.anchored:
        rd = RecordDate(None, "unknown", best.range_start, ctx.reference.value)
    elif (
        prep in ("between", "from")
        and (partner := _range_partner(ctx, best)) is not None
        and (best.anchored and partner.anchored)
        or (
            re.fullmatch(r"\d{4}", best.value or "")
            and (partner := _range_partner(ctx, best)) is not None
            and re.fullmatch(r"\d{4}", partner.value or "")
            and text[best.end : partner.start].strip() in "-–"
        )
    ):
        rd, used = RecordDate(None, "unknown", best.range_start, partner.range_end), [best, partner]
    return replace(rd, cited=date_cites(ctx, used)) if rd.date or rd.start else rd


def date_cites(ctx: Context, used: list[TimeExpr]) -> tuple[Cite, ...]:
    """The expressions a date was read from; a relative one ("on Thursday", "last week") also
    names the reference date it was resolved against (and the dateline, when it came from one)."""
    relative = [not re.search(r"\b\d{4}\b", t.text) for t in used]
    cites: list[Cite] = [(t.start, t.end, "reference date" if rel else None) for t, rel in zip(used, relative, strict=True)]
    span = ctx.cleaned.dateline_span
    if any(relative) and ctx.reference.basis == "dateline" and span is not None:
        cites.append((span[0], span[1], "dateline"))
    return tuple(cites)


def _sentence(ctx: Context, start: int, end: int) -> tuple[int, int]:
    """The spaCy sentence around the span when parsed, else a punctuation-based one."""
    found = _index(ctx).sentence(ctx, start)
    if found is not None:
        lo, hi, para_end = found
        return lo, max(hi, min(end, para_end))
    return sentence_bounds(ctx.document.text, start, end)
