"""What the attribution around a statement says: its content without the attribution clause,
the outlets that relayed it, the channel, the addressee, and the words each field was read from."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from ...model import Cite, Speaker
from .candidate import _ADDRESSEE, _QUOTED_BY, _TOLD, Candidate, _plain, _strip_span
from .intent import cue_in
from .lexicon import lexicon
from .quotes import Quote, strip_marks

if TYPE_CHECKING:

    pass

def _relays(attribution: str) -> dict[str, tuple[int, int]]:
    """The outlets that relayed the statement, each with where the attribution names it."""
    attribution = _plain(attribution)
    lex = lexicon()
    found: dict[str, tuple[int, int]] = {}
    for m in lex.outlet_re.finditer(attribution):
        name = lex.outlets[m.group(0).lower()]
        if any(ch.isupper() for ch in m.group(0)) and name not in found:
            found[name] = m.span()
    for rx in (_QUOTED_BY, _TOLD):
        for m in rx.finditer(attribution):
            o = m.group("o")
            if o.lower() in lex.outlets:
                name = lex.outlets[o.lower()]
            elif any(w in lex.outlet_words for w in o.split()):
                name = o
            else:
                continue
            if name not in found:
                found[name] = m.span("o")
    return found


def _in_text(c: Candidate, lo: int, hi: int) -> Cite | None:
    """Where [lo, hi) of ``c.attribution`` stands in the document (``attribution_at``)."""
    return _in_pieces(c.attribution_at, lo, hi)


def _channel(attribution: str, relays: Iterable[str], said_statement: bool) -> str | None:
    attribution = _plain(attribution)
    lex = lexicon()
    for rx, ch in lex.channels:
        if rx.search(attribution):
            if ch == "interview" and not relays and "interview" not in attribution.lower():
                continue
            return ch
    return "statement" if said_statement else None


def _addressee(attribution: str, relays: Iterable[str]) -> tuple[str, tuple[int, int]] | None:
    """Whom the statement was addressed to, and where the attribution says so."""
    m = _ADDRESSEE.search(_plain(attribution))
    if not m:
        return None
    a = m.group("a")
    if a.endswith(".") and not re.search(r"\b[A-Z]\.$", a):
        a = a[:-1]
    lex = lexicon()
    if a.lower() in lex.outlets or a in relays or any(w in lex.outlet_words for w in a.split()):
        return None
    return a, (m.start("a"), m.start("a") + len(a))


def _content_spans(text: str, c: Candidate) -> list[tuple[int, int]]:
    """The statement's words: the mention span without the attribution clauses inside it (and,
    for a quotation, without its marks), as ranges of the text."""
    pieces, pos = [], c.start
    for a, b in sorted(c.gaps):
        pieces.append((pos, a))
        pos = b
    pieces.append((pos, c.end))
    if c.direct:
        steps: tuple[str | None, ...] = (None, "marks", " ,")
    elif c.gaps:
        steps = (" ,",)
    else:
        steps = ()
    out = []
    for lo, hi in pieces:
        for chars in steps:
            lo, hi = strip_marks(text, lo, hi) if chars == "marks" else _strip_span(text, lo, hi, chars)
        if hi > lo:
            out.append((lo, hi))
    return out


def _quoted_parts(text: str, c: Candidate, pieces: list[tuple[int, int]], quotes: list[Quote]) -> list[Cite]:
    """The speaker's own words in the content: all of it for a quotation, else each quotation
    that opens inside reported content ('said Smith was "looking for publicity"', a mixed
    quotation), up to where the content ends. A quotation the content sits inside (reported
    speech nested in a longer quote) is the outer speaker's words, not these."""
    if c.direct:
        return [(lo, hi, None) for lo, hi in pieces]
    out: list[Cite] = []
    for q in quotes:
        for lo, hi in pieces:
            a, b = max(lo, q.start), min(hi, q.end)
            if lo <= q.open < hi and a < b and _WORDY.search(text, a, b):
                out.append((a, b, None))
    return out


_WORDY = re.compile(r"\w")


def _in_pieces(pieces: list[tuple[int, int]], lo: int, hi: int) -> Cite | None:
    """Where [lo, hi) of the pieces joined by single spaces stands in the text."""
    pos = 0
    for a, b in pieces:
        if pos <= lo and hi <= pos + (b - a):
            return (a + lo - pos, a + hi - pos, None)
        pos += b - a + 1  # the joining space
    return None


def _who(speaker: Speaker) -> str:
    return speaker.name or speaker.organization or speaker.role or ""


def _speaker_words(c: Candidate, speaker: Speaker | None) -> list[Cite]:
    """The phrase the speaker was read from; a pronoun or a description resolved to a name
    elsewhere in the text is cited as coreference."""
    if speaker is None or not c.phrase or not c.phrase.strip():
        return []
    lo, hi = _strip_span(c.phrase, 0, len(c.phrase), " ,")
    # "he", "the minister": no name of its own, the speaker was resolved from an earlier mention
    unnamed = not any(w[:1].isupper() for w in c.phrase[lo:hi].split()[1:]) and (
        c.phrase[lo:hi].split()[0].lower()
        in ("he", "she", "they", "we", "it", "the", "this", "that", "a", "an", "his", "her", "their", "its")
    )
    basis = "coreference" if unnamed and (speaker.name or speaker.organization) else None
    return [(c.phrase_start + lo, c.phrase_start + hi, basis)]


def _intent_words(c: Candidate, intent: str, pieces: list[tuple[int, int]], quote: str) -> list[Cite]:
    """The reporting verb, and the words of the content that decided the intent, if any."""
    found: list[Cite] = []
    if c.cue is not None:
        found.append((c.cue[0], c.cue[1], None))
    cue = cue_in(quote, intent) if intent != "other" else None
    if cue is not None and (at := _in_pieces(pieces, *cue)):
        found.append(at)
    if not found:  # no reporting verb parsed: the content is what was classified
        found += [(lo, hi, "no cue word") for lo, hi in pieces]
    return found
