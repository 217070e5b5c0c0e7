"""Whom a sentence attributes its numbers to ("according to UN figures", ", X said") and the
period a figure covers when the temporal layer gave none ("in 2014", "last year")."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ...model import Cite, RecordDate
from .lexicon import _lex, _registry

if TYPE_CHECKING:
    from ..context import Context

_YEAR = re.compile(r"\b(?P<kw>in|since|during|from|by|of|for)?\s*(?P<y>(?:19|20)\d\d)\b", re.IGNORECASE)
_LAST_YEAR = re.compile(r"\blast year\b|\bthis year\b", re.IGNORECASE)
_ACCORDING = re.compile(r"\baccording to\s+(?P<s>[^,;]{2,120})", re.IGNORECASE)
_CITED = re.compile(
    r"(?<![\w.])(?P<x>[\w.]++)\s+(?P<n>estimates|figures|data|statistics|report)\s+(?:cited|published|compiled|released)\s+by\s+(?:the\s+)?(?P<y>[^,;.]+)",
    re.IGNORECASE,
)
_TRAIL_SAID = re.compile(
    r",\s*(?P<s>(?:the\s+)?[A-Z][\w.'-]*(?:\s+[\w.'-]+){0,5}?)\s+(?:said|says|reported|told|announced)\b[^,]*[.!?]?\s*$"
)



def source_of(stext: str) -> tuple[str | None, tuple[int, int] | None]:
    """Who the sentence attributes its numbers to ('according to UN figures', 'a BBC study',
    ', X said'), and where it says so."""
    lex = _lex()
    cm = _CITED.search(stext)
    if cm:
        x = _canon_source(cm.group("x")) or cm.group("x")
        y = _canon_source(cm.group("y")) or cm.group("y").strip()
        return f"{x} {cm.group('n').lower()} / {y}", cm.span()
    am = _ACCORDING.search(stext)
    if am:
        return _canon_source(am.group("s")) or _strip_det(am.group("s")), am.span("s")
    for m in lex.source_noun_re.finditer(stext):
        c = _canon_source(m.group("x"))
        if c:
            return c, m.span("x")
    tm = _TRAIL_SAID.search(stext)
    if tm:
        return _canon_source(tm.group("s")) or _strip_det(tm.group("s")), tm.span("s")
    return None, None


def _canon_source(s: str) -> str | None:
    lex = _lex()
    for m in lex.source_re.finditer(s):
        w = m.group(0)
        if w.lower() in {"us", "un", "ap", "who"} and not w.isupper():
            continue
        return lex.sources[w.lower()]
    found = _registry().find(s)
    return found[0][2].name if found else None


def _strip_det(s: str) -> str:
    return re.sub(r"^(?:the|a|an)\s+", "", s.strip(), flags=re.IGNORECASE)


def period_fallback(ctx: Context, stext: str, s0: int, lo: int, hi: int) -> RecordDate:
    """'in 2014' / 'since 2014' / 'last year' near the number when the temporal layer gave nothing."""
    best = None
    seg_lo = max(stext.rfind(sep, 0, lo) for sep in (",", ";", " -- ", "\u2014", " but "))
    seg_hi_c = [i for i in (stext.find(sep, hi) for sep in (",", ";", " -- ", "\u2014", " but ")) if i >= 0]
    seg_hi = min(seg_hi_c) if seg_hi_c else len(stext)
    for m in _YEAR.finditer(stext, max(seg_lo, 0), seg_hi):
        dist = m.start() - hi if m.start() >= hi else lo - m.end()
        if dist > 60 or dist < -1:
            continue
        if best is None or dist < best[0]:
            best = (dist, m)
    if best is not None:
        m = best[1]
        y = m.group("y")
        words: tuple[Cite, ...] = ((s0 + m.start(), s0 + m.end(), None),)
        if (m.group("kw") or "").lower() in {"since", "from"}:
            return RecordDate(None, "unknown", f"{y}-01-01", ctx.reference.value, words)
        return RecordDate(y, "year", f"{y}-01-01", f"{y}-12-31", words)
    lm = _LAST_YEAR.search(stext, hi, hi + 40)
    if lm and ctx.reference.value:
        year = int(ctx.reference.value[:4]) - (1 if lm.group(0).lower().startswith("last") else 0)
        words = ((s0 + lm.start(), s0 + lm.end(), "reference date"),)
        return RecordDate(str(year), "year", f"{year}-01-01", f"{year}-12-31", words)
    return RecordDate()

