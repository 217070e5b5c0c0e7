"""When an event happened: the time expressions of its own clause (not of a relative or
background clause about something else), and which of them can move to the summary's date."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date as Date
from datetime import timedelta
from typing import TYPE_CHECKING

from ...model import RecordDate, TimeExpr
from ..dates.patterns import DAYS_FROM_REPORT
from ..numbers import find_quantities
from .grievance import grievance_tokens
from .lexicon import lexicon
from .trigger_words import Trigger
from .triggers import TIME_APART, measured_off, time_apart

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from ...model import Event
    from ..context import Context
    from .docstate import DocState

#: an hour told with no day ("at about 2 p.m.", "22:30 GMT")
_CLOCK = re.compile(r"(?:at\s+)?(?:about\s+|around\s+)?\d{1,2}(?:[:.]\d\d)?\s*(?:a\.?m\.?|p\.?m\.?|GMT|UTC|hours?)|\d{1,2}:\d\d", re.I)
#: a time of night told with no day
_NIGHT_WORDS = frozenset({"overnight"})


def clock_time(words: str) -> bool:
    """'at about 2 p.m.', '22:30': an hour, which dates read as the report's day for want of one."""
    return _CLOCK.fullmatch(words.strip()) is not None


def time_of_day(words: str) -> bool:
    """An hour or 'overnight': in a story already dated, that day's."""
    return words.strip().lower() in _NIGHT_WORDS or clock_time(words)


def _record_date(ctx: Context, start: int, end: int) -> RecordDate:
    from .. import dates  # imported late: the dates package is being filled in by its owner

    try:
        return dates.record_date(ctx, start, end, "event")
    except Exception:  # noqa: BLE001 - a dates failure must not lose the event
        return RecordDate()


CLAUSE_BREAKS = frozenset({"relcl", "acl", "appos"})
BACKGROUND_MARKS = frozenset({"since", "before", "until", "till", "after", "once", "because"})


def parsed_length(doc: Doc) -> int:
    """Characters of a parsed paragraph (``len(doc.text)`` joins every token's text each time)."""
    return doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0


def _timex_root(doc: Doc, lo: int, hi: int) -> Token | None:
    span = doc.char_span(max(lo, 0), min(hi, parsed_length(doc)), alignment_mode="expand") if hi > lo else None
    toks = list(span) if span is not None else []  # the tokens it overlaps, found without a scan of the piece
    if not toks:
        return None
    ids = {t.i for t in toks}
    return next((t for t in toks if t.head.i not in ids or t.head.i == t.i), toks[0])


def _timex_blocked(tok: Token, chain: set[int], lenient: bool = False) -> bool:
    """True when the time expression belongs to another clause than the event's: a relative
    clause about another noun ("the Taliban, which was ousted in 2001, vowed ..."), a background
    subordinate clause ("since it was ousted from power in 2001"), or a conjoined clause with
    its own subject; or a time of another noun, told as its owner ("to contest the results of
    last month's election"; not "Sunday's attack", the event's own noun)."""
    if tok.dep_ == "poss" and tok.head.i not in chain:
        return True
    node = tok
    for _ in range(40):
        if node.i in chain or node.head.i == node.i:
            return False
        if (
            node.dep_ in CLAUSE_BREAKS
            and node.pos_ in ("VERB", "AUX")
            # (not a present participle on a noun: "ambushed a bus carrying soldiers ... on Thursday")
            and not (node.dep_ == "acl" and node.tag_ == "VBG")
            # (``lenient``: nor a past participle with no subject of its own, when nothing else
            # dates the act: "arrested 30 people suspected of belonging to a group on Tuesday")
            and not (lenient and node.dep_ == "acl" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children))
            # (nor a relative clause of what was going on as it happened: "clashed with officers
            # who were trying to evict them ... on Thursday")
            and not (lenient and node.dep_ == "relcl" and _going_on(node))
            # (not the province after a town, "in Kabankalan City, Negros Occidental on Wednesday":
            # the parser's apposition of a place name, no description with times of its own)
            or node.dep_ == "appos" and not _place_apposition(node)
        ):
            return True
        if node.dep_ == "prep" and node.lower_ == "since" and node.i != tok.head.i:
            return True  # "the lowest since the start of the war in 2001"
        if node.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in BACKGROUND_MARKS for c in node.children
        ):
            return True
        if (
            node.dep_ == "conj"
            and node.pos_ in ("VERB", "AUX")
            and any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children)
        ):
            return True
        node = node.head
    return False


def _place_apposition(node: Token) -> bool:
    """An apposition that is a proper name after a place's name ("Kabankalan City, Negros
    Occidental"): the unit that holds the place."""
    return node.pos_ == "PROPN" and node.head.ent_type_ in ("GPE", "LOC", "FAC") and node.head.pos_ == "PROPN"


def _going_on(verb: Token) -> bool:
    """A verb in the past progressive ("were trying", "was fleeing")."""
    return verb.tag_ == "VBG" and any(c.dep_ == "aux" and c.lower_ in ("was", "were") for c in verb.children)


def event_date(ctx: Context, offset: int, sent: Span, trig: Trigger, start: int, end: int) -> RecordDate:
    """The record date from the time expressions that belong to the event's own clause."""
    s_lo, s_hi = offset + sent.start_char, offset + sent.end_char
    stamps = [t for t in ctx.timexes_in(s_lo, s_hi) if t.type in ("DATE", "TIME")]
    if not stamps:
        return _record_date(ctx, start, end)
    chain: set[int] = set()
    # (a demonstration's merged violence is what it was about: "rallied to protest the killing of
    # a man who was shot dead on Thursday" is not dated by the killing)
    merged = [m for m in trig.merged if trig.plover != "PROTEST" or m.plover == "PROTEST"]
    for top in (trig.head, trig.noun, *(m.head for m in merged)):
        node = top
        while node is not None:
            chain.add(node.i)
            if node.head.i == node.i:
                break
            node = node.head
    # (what a demonstration was about is told with its own day: "burned tyres to protest against
    # the kidnapping of a school director on Wednesday" is not dated Wednesday)
    crowd = trig.plover == "PROTEST" or trig.cls in ("riot", "disperse", "loot", "destroy")
    grievance = grievance_tokens(sent.doc, sent.start, sent.end, trig.head.i) if crowd else set()
    rooted = [(t, _timex_root(sent.doc, t.start - offset, t.end - offset)) for t in stamps]
    if grievance:
        rooted = [(t, root) for t, root in rooted if root is None or root.i not in grievance]
        if not rooted:
            return RecordDate()
    # an act told in a clause "since" opens, with the time gone by, is dated only by that clause
    # ("Monday marks ten years since Boko Haram abducted 276 schoolgirls": not on Monday)
    since = next(
        (a for a in (trig.head, *trig.head.ancestors)
         if a.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "since" for c in a.children)
         and any(u.lemma_.lower() in TIME_APART for u in (a.head, *a.head.children))),
        None,
    )  # fmt: skip
    if since is not None:
        rooted = [(t, root) for t, root in rooted if root is not None and since.left_edge.i <= root.i <= since.right_edge.i]
        if not rooted:
            return RecordDate()
    allowed = [t for t, root in rooted if root is None or not _timex_blocked(root, chain)]
    if not allowed:
        allowed = [t for t, root in rooted if root is not None and not _timex_blocked(root, chain, lenient=True)]
    if not allowed:
        return RecordDate()
    # (a day told beats a bare clock time: "11:40 - Protesters blocked the highway on Saturday",
    # a live page's time stamp, is Saturday)
    best = min(allowed, key=lambda t: (not (start <= t.start and t.end <= end), clock_time(t.text), abs(t.start - start)))
    found = _from_speakers_day(ctx, offset, sent, trig, best, stamps)
    # (a noun's clause is the sentence: "arrested two men on Monday, weeks after the attack" does
    # not date the attack Monday)
    if start <= best.start < end and (not trig.nominal or _apart_mark(trig.head) is None):
        return found
    # "attacked a checkpoint on Friday, two days after an airstrike killed five": two days before
    return days_before_told(found, trig.head, offset)


def _from_speakers_day(
    ctx: Context, offset: int, sent: Span, trig: Trigger, best: TimeExpr, stamps: list[TimeExpr]
) -> RecordDate:
    """The date of ``best``; a day counted from the report's ("overnight", "yesterday") counts
    from the day the sentence's speaker spoke, where it says so ("Clashes broke out overnight,
    the ministry said on Tuesday": Monday night, not the night before the page came out)."""
    found = _record_date(ctx, best.start, best.end)
    if best.text.strip().lower() not in DAYS_FROM_REPORT or found.precision != "day" or not found.date:
        return found
    reference = ctx.reference.value
    for stamp in stamps:
        said = _record_date(ctx, stamp.start, stamp.end) if stamp is not best else RecordDate()
        if not (said.date and reference and said.precision == "day"):
            continue
        if dated_by_speech(sent, offset, trig, said, lexicon().speech):
            day = (
                Date.fromisoformat(found.date)
                + (Date.fromisoformat(said.date) - Date.fromisoformat(reference))
            ).isoformat()
            cited = (*found.cited, *((a, b, "report day") for a, b, _ in said.cited))
            return replace(found, date=day, start=day, end=day, cited=cited)
    return found


def dated_by_speech(sent: Span, offset: int, trig: Trigger, date: RecordDate, speech: frozenset[str]) -> bool:
    """The event's day is read only from the verb that reports it ("an airstrike killed 20,
    residents said on Monday"): the day the report was given, which may be after the act."""
    if date.precision != "day" or len(date.cited) != 1:
        return False
    lo = date.cited[0][0] - offset
    tok = next((t for t in sent if t.idx <= lo < t.idx + len(t.text)), None)
    if tok is None:
        return False
    # (the verb the day hangs on, through the nouns between: "said in a statement on 15 June")
    verb = tok.head
    for _ in range(4):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    ancestors = [trig.head, *trig.head.ancestors]
    return (
        verb.i != trig.head.i
        and verb.lemma_.lower() in speech
        and (
            any(a.i == verb.i for a in ancestors[1:])
            # ("a strike killed 17 people, local media said on Thursday", the saying parsed as a
            # verb joined to the act's)
            or verb.dep_ == "conj"
            and verb.i > trig.head.i
            and any(a.i == verb.head.i for a in ancestors)
            # (its own speaker before it, whatever the parse made of it)
            and (any(c.dep_ == "nsubj" for c in verb.children) or verb.doc[verb.i - 1].pos_ in ("NOUN", "PROPN"))
        )
    )


def days_before_told(date: RecordDate, head: Token, offset: int) -> RecordDate:
    """A day the story gave, moved by the days a clause "N days after/before" measures off
    ("The attack came two days after assailants killed a commander": two days before)."""
    found = _apart_mark(head)
    if found is None or date.precision != "day" or not date.date:
        return date
    if _vaguely_apart(*found):
        return RecordDate()  # "days after clashes left three dead": some days before, which the text does not say
    apart = _days_apart(*found)
    if apart is None:
        return date
    days, words = apart
    moved = (Date.fromisoformat(date.date) + timedelta(days=days)).isoformat()
    cite = (offset + words.start_char, offset + words.end_char, "relative date")
    return replace(date, date=moved, start=None, end=None, cited=(*date.cited, cite))


#: units a plural of which, with no number, sets an act an unknown number of days apart
_VAGUE_UNITS = frozenset({"days", "weeks", "months", "years"})


def _apart_mark(head: Token) -> tuple[Token, Token] | None:
    """(the verb or noun of the act, the "after"/"before" that sets it apart from the act the
    sentence dates, measured off in time): a clause ("two days after assailants killed ..."), a
    noun ("weeks after the attack") or a noun that is such a clause's subject ("days after clashes
    left three dead")."""
    if head.dep_ in ("nsubj", "nsubjpass") and head.head.dep_ == "advcl" and time_apart(head.head):
        head = head.head
    if time_apart(head):
        mark = next((c for c in head.children if c.dep_ == "mark" and c.lower_ in ("after", "before")), None)
        # ("came two days after assailants killed ...": the preposition beside the clause)
        mark = mark or next(
            (c for c in head.head.children if c.dep_ == "prep" and c.lower_ in ("after", "before") and c.i < head.i), None
        )
        return (head, mark) if mark is not None else None
    prep = measured_off(head)
    return (head, prep) if prep is not None else None


def _vaguely_apart(act: Token, mark: Token) -> bool:
    """The act is told as "days after" or "weeks before" the one the sentence dates: no day of its own."""
    return any(
        c.dep_ == "npadvmod" and c.lower_ in _VAGUE_UNITS and not any(n.dep_ in ("nummod", "det") for n in c.children)
        for c in (*act.children, *mark.children)
    )


_DAY_UNITS = {"day": 1, "days": 1, "week": 7, "weeks": 7}


def _days_apart(act: Token, mark: Token) -> tuple[int, Span] | None:
    """Days between the act told "N days after/before" another (``act``, set apart by ``mark``)
    and the date the sentence gives that other act (negative after), with the words that say so;
    None in hours."""
    unit = next((c for c in (*act.children, *mark.children) if c.dep_ == "npadvmod" and c.lower_ in _DAY_UNITS), None)
    if unit is None:
        return None
    count = next((c for c in unit.children if c.dep_ == "nummod"), None)
    if count is None:
        n = 1 if any(c.lower_ in ("a", "one", "the") for c in unit.children) else None
    else:
        values = [q.value for q in find_quantities(count.text) if q.value is not None]
        n = int(values[0]) if values else None
    if n is None or n > 60:
        return None
    sign = -1 if mark.lower_ == "after" else 1
    words = act.doc[min(t.i for t in unit.subtree) : mark.i + 1]
    return sign * n * _DAY_UNITS[unit.lower_], words


def is_adverbial(ctx: Context, offset: int, sent: Span, lo: int, hi: int) -> bool:
    """A time expression that modifies a verb ("on Monday", "last month") and can move to the
    summary's date prefix; one inside a noun phrase ("a deadline of 11 September") stays."""
    root = _timex_root(sent.doc, lo - offset, hi - offset)
    if root is None:
        return False
    if root.dep_ in ("npadvmod", "advmod", "tmod") and root.head.pos_ in ("VERB", "AUX"):
        return True
    return (
        root.dep_ == "pobj"
        and root.head.dep_ == "prep"
        and root.head.lower_ in ("on", "in", "at", "during", "over", "overnight")
        and (root.head.head.pos_ in ("VERB", "AUX") or root.head.head.dep_ == "ROOT")
    )


def scene_date(ctx: Context, offset: int, sent: Span, speech: frozenset[str]) -> RecordDate | None:
    """The day a sentence sets its scene on, which dates what the next sentences tell even when
    it reports no event itself ("On 9 May, police raided a compound in X. A shoot-out broke
    out."): a day modifying its main verb, in the past tense, other than a verb of saying ("On
    Monday the ministry said ..." dates the saying, not what follows)."""
    root = sent.root
    if root.tag_ not in ("VBD", "VBN") or root.lemma_.lower() in speech:
        return None
    for t in ctx.timexes_in(offset + sent.start_char, offset + sent.end_char):
        tok = _timex_root(sent.doc, t.start - offset, t.end - offset) if t.type == "DATE" else None
        if tok is None or tok.dep_ not in ("pobj", "npadvmod", "tmod"):
            continue
        verb = tok.head.head if tok.dep_ == "pobj" and tok.head.dep_ == "prep" else tok.head
        if verb.i != root.i:
            continue
        date = _record_date(ctx, t.start, t.end)
        if date.date and date.precision == "day":
            return date
    return None


def other_day(ctx: Context, offset: int, sent: Span, told: RecordDate) -> bool:
    """The sentence gives a day other than the one the story was told at ("On 6 June the army
    said it had opened an inquiry", after events of 4 June)."""
    for t in ctx.timexes_in(offset + sent.start_char, offset + sent.end_char):
        if t.type == "DATE":
            day = _record_date(ctx, t.start, t.end)
            if day.precision == "day" and day.date and day.date != told.date:
                return True
    return False


def carry_narrative(ev: Event, state: DocState) -> None:
    """An act of its own, dated only by the story's day, carries that day on: "... on Wednesday.
    Hours later, jets struck Sanaa. It gave no toll. Government forces also repelled an assault"
    (an incident told again does not: it adds no act to the story)."""
    if (
        ev.acled_event_type is not None
        and state.narrative is not None
        and ev.date.date == state.narrative[0].date
        and ev.date.cited
        and all(b == "narrative date" for _, _, b in ev.date.cited)
    ):
        state.narrative = (state.narrative[0], state.sent_no)
