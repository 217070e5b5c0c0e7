"""One demonstration per place when a sentence lists the places it was held in ("Protests were
held in Mombasa, Kisumu and Nakuru"): ACLED codes an event per location, and a list is no place
of its own. Only demonstrations with no deaths are split: a toll told for several places is one
figure the text does not divide, and a fight "in A and B" may be one front."""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING

from .document import locate

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ...model import Event, Location
    from ..context import Context

#: the types split by place: gatherings, which happen in each place they are told in
_SPLIT_TYPES = frozenset({"Protests", "Riots"})
#: at most this many places from one list (a longer list is a summary, not a set of reports)
_MAX_PLACES = 8


def one_per_place(ctx: Context, events: list[Event]) -> list[Event]:
    """``events`` with each demonstration told in a list of places repeated for every other place
    of the list, right after it (its location and that location's evidence its own)."""
    out: list[Event] = []
    for ev in events:
        out.append(ev)
        for loc in _other_places(ctx, ev):
            twin = copy.deepcopy(ev)
            twin.location = loc
            twin.cite(ctx.document, "location", list(loc.cited))
            out.append(twin)
    return out


def _other_places(ctx: Context, ev: Event) -> list[Location]:
    """The places coordinated with the one the event is located by, each a place of the same
    country that the gazetteer reads and no other of the list has."""
    loc = ev.location
    if ev.acled_event_type not in _SPLIT_TYPES or ev.fatalities or loc is None or not loc.cited:
        return []
    if loc.geo_precision is None or loc.geo_precision > 2:
        return []
    start, end, _ = loc.cited[0]
    head, base = _token_at(ctx, start, end)
    if head is None or not head.conjuncts:
        return []
    # a list joined by "and" ("in Mombasa, Kisumu and Nakuru"), not names the parse strings
    # together by their commas ("in Ciudad Ojeda, Lagunillas, Zulia state": a town, its
    # municipality and its state)
    if not any(c.dep_ == "cc" and c.lower_ in ("and", "or") for t in (head, *head.conjuncts) for c in t.children):
        return []
    found: list[Location] = []
    seen = {loc.name}
    for tok in head.conjuncts[:_MAX_PLACES]:
        lo = base + tok.doc[tok.left_edge.i if tok.left_edge.dep_ == "compound" else tok.i].idx
        place = locate(ctx, lo, base + tok.idx + len(tok.text), guess=False)
        if place is None or place.name in seen or place.country != loc.country or not place.cited:
            continue
        if place.geo_precision is None or place.geo_precision > 2:
            continue
        seen.add(place.name)
        found.append(place)
    return found


def _token_at(ctx: Context, start: int, end: int) -> tuple[Token | None, int]:
    """The head token of the words at [start, end) in their paragraph's parse, and where that
    paragraph starts (token offsets are the paragraph's)."""
    for para in ctx.paragraphs:
        doc = para.doc
        if para.start <= start and end <= para.start + len(doc.text):
            span = doc.char_span(start - para.start, end - para.start, alignment_mode="expand")
            return (span.root if span is not None and len(span) else None), para.start
    return None, 0
