"""Statements: quotes and reported speech, with speaker, intent, channel and relays.

Four passes over the body produce candidates, which are then resolved in document order so
the speaker memory sees them as a reader does: (1) quotations standing as their own sentence,
attributed before (``X said: "..."``), after (``"...," X said``), by a dash (pull quotes) or not
at all (the speaker in force continues); (2) reported speech found by the parse (a reporting
verb with a subject and a complement, partial quotes included); (3) ``according to X, ...``;
(4) a claim told as a noun ("the army's claim that ...").
Near-identical quotes in one document become one statement with several mentions.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING, NamedTuple

from ...model import Cite, Speaker, Statement, mention
from ..dates import record_date
from .attribution import (
    _addressee,
    _channel,
    _content_spans,
    _in_text,
    _intent_words,
    _quoted_parts,
    _relays,
    _speaker_words,
    _who,
)
from .candidate import _WORD, Candidate, _all_quoted
from .direct import _answers, _headline, _qa, _quote_candidates
from .intent import classify
from .lexicon import lexicon
from .organizations import actor_for, is_org
from .persons import (
    Person,
    description_mentions,
    index_persons,
    person_genders,
    plural_subjects,
    role_phrase,
    subject_pronouns,
    surname_mentions,
)
from .quotes import Quote, double_marks, find_quotes
from .reported import _reported_candidates
from .speakers import (
    Memory,
    _plural_description,
    resolve,
    sentence_starts,
)

if TYPE_CHECKING:
    from ..context import Context

__all__ = ["extract_statements"]


def extract_statements(ctx: Context) -> list[Statement]:
    """All statements of one document, in order of first mention."""
    text = ctx.document.text
    paras = [(p.start, p.end) for p in ctx.paragraphs]
    qa = _qa(text, paras)
    skip = set(qa) | {i for i, (lo, hi) in enumerate(paras) if _headline(text, lo, hi)}
    quotes = [q for q in find_quotes(text, paras) if q.para not in skip]
    consumed: list[tuple[int, int]] = []  # attribution spans already used by a direct quote
    direct_spans: list[tuple[int, int]] = []
    cands = _quote_candidates(text, paras, quotes, consumed, direct_spans, ctx)
    cands += [_balanced(text, quotes, c) for c in _reported_candidates(ctx, consumed, direct_spans, quotes, skip)]
    cands += _answers(text, paras, qa)
    cands.sort(key=lambda c: (c.start, c.end))
    return _resolve(ctx, cands, quotes)


def _balanced(text: str, quotes: list[Quote], c: Candidate) -> Candidate:
    """Reported content that stops just inside a quotation ('said the plan was "dead' without its
    '."') takes the closing mark, and content that starts just after an opening mark takes it:
    what was said keeps its quotation whole. Content that is one quotation is then direct."""
    marks = double_marks(text, c.start, c.end)
    if len(marks) % 2 == 0 or c.gaps:
        return c
    for q in quotes:
        if q.closed and c.start <= q.open < c.end <= q.close and _STRAY.fullmatch(text[c.end : q.close]):
            c.end = q.after
            break
        if c.start <= q.close < c.end and q.open < c.start and not text[q.open + q.olen : c.start].strip():
            c.start = q.open
            break
    if not c.direct and _all_quoted(text[c.start : c.end]):
        c.direct = True
    return c


_STRAY = re.compile(r"[\s.,;:!?\u2026]{0,3}")


# ---------------------------------------------------------------- resolution and merging


class _Words(NamedTuple):
    """A quote's words and their set, made once: each candidate is compared with every
    statement kept before it."""

    seq: list[str]
    bag: frozenset[str]


def _norm_tokens(s: str) -> _Words:
    seq = _WORD.findall(s.lower().replace("\u2019", "'"))
    return _Words(seq, frozenset(seq))


def _similar(a: _Words, b: _Words) -> bool:
    if not a.seq or not b.seq:
        return False
    small = min(len(a.bag), len(b.bag))
    inter = len(a.bag & b.bag)
    if inter / (len(a.bag) + len(b.bag) - inter) >= 0.8:
        return True
    return small >= 5 and inter / small >= 0.9 and min(len(a.seq), len(b.seq)) / max(len(a.seq), len(b.seq)) >= 0.5


def _resolve(ctx: Context, cands: list[Candidate], quotes: list[Quote] | None = None) -> list[Statement]:
    text = ctx.document.text
    doc = ctx.document
    persons = index_persons(ctx)
    quoted = [(q.open, q.close) for q in quotes or []]
    memory = Memory(
        persons=persons,
        genders=person_genders(ctx, persons),
        sentences=sentence_starts(ctx),
        quoted=quoted,
        mentions=surname_mentions(ctx, persons) + description_mentions(ctx, persons),
        pronouns=subject_pronouns(ctx, quoted),
        plurals=plural_subjects(ctx, quoted),
    )
    lex = lexicon()
    out: list[Statement] = []
    keys: list[_Words] = []
    seen_spans: list[tuple[int, int]] = []
    said_before: dict[str, list[Cite]] = {}  # speaker -> the words that last named them
    for c in cands:
        if not c.owned and any(a <= c.start and c.end <= b for a, b in seen_spans):
            continue  # a partial quote inside a reported statement already taken
        pieces = _content_spans(text, c)
        quote = " ".join(text[lo:hi] for lo, hi in pieces)
        toks = _norm_tokens(quote)
        dup = next((i for i, k in enumerate(keys) if _similar(k, toks)), None)
        if c.interview is not None:
            who = [p.speaker for p in memory.persons if p.pos < c.interview]
            speaker, said_statement = (who[-1] if who else memory.current), False
        elif c.asked and c.phrase is None:
            speaker, said_statement = None, False  # a question put by someone the text does not name
        else:
            speaker, said_statement = resolve(c.phrase, c.phrase_start, memory, ctx, c.inverted, (c.start, c.end))
        if speaker is not None and c.phrase:
            speaker = _appositive_role(speaker, c.phrase)
        relays = _relays(c.attribution)
        if speaker is not None and speaker.name and speaker.name in relays and not c.phrase:
            speaker = None
        said_by = _speaker_words(c, speaker)
        if not said_by and speaker is not None and (named := said_before.get(_who(speaker))):
            said_by = [(a, b, "coreference") for a, b, _ in named]  # a quote that goes on: the last speaker's words
        elif said_by and speaker is not None:
            said_before[_who(speaker)] = said_by
        if dup is not None:
            st = out[dup]
            st.mentions.append(mention(doc, c.start, c.end))
            if not (st.speaker.name or st.speaker.organization) and speaker is not None:
                st.speaker = speaker
                st.cite(doc, "speaker", said_by)
            continue
        speaker = _merge_description(speaker, memory, c.para)
        channel = _channel(c.attribution, relays, said_statement)
        intent = "other" if c.asked else classify(c.verbs, quote)  # a question asks, it does not warn
        sp = speaker or Speaker()
        verbatim = _quoted_parts(text, c, pieces, quotes or [])
        addressed: tuple[str, Cite | None] | None = None
        if c.addressee:
            addressed = (c.addressee, (*c.addressee_at, None) if c.addressee_at else None)
        elif found := _addressee(c.attribution, relays):
            addressed = (found[0], _in_text(c, *found[1]))
        st = Statement(
            speaker=sp,
            quote=quote,
            mentions=[mention(doc, c.start, c.end)],
            direct=bool(verbatim),
            quote_form="direct" if c.direct else "mixed" if verbatim else "indirect",
            intent=intent,
            addressee=addressed[0] if addressed else None,
            channel=channel,
            reported_by=list(relays),
            date=record_date(ctx, c.span[0], c.span[1], "statement"),
            speaker_actor=actor_for(sp.organization, sp.name, sp.role) if speaker else None,
        )
        st.cite(doc, "quote", [(lo, hi, None) for lo, hi in pieces])
        st.cite(doc, "direct", verbatim)
        if speaker is not None:
            st.cite(doc, "speaker", said_by)
        st.cite(doc, "intent", _intent_words(c, intent, pieces, quote))
        if addressed and addressed[1]:
            st.cite(doc, "addressee", [addressed[1]])
        st.cite(doc, "reported_by", [w for at in relays.values() if (w := _in_text(c, *at))])
        if st.date.date or st.date.start:
            st.cite(doc, "date", list(st.date.cited))
        out.append(st)
        keys.append(toks)
        seen_spans.append((c.start, c.end))
        if speaker is not None:
            memory.update(speaker, channel, c.para)
            if c.phrase is not None:
                memory.last_at = max(memory.last_at, c.phrase_start)
            if c.phrase is not None and speaker.name and not is_org(speaker):
                memory.said.append(Person(c.phrase_start, speaker, speaker.name.split()[-1].lower(), True))
    _ = lex
    _boilerplate_repeats(ctx, out, keys)
    return out


_APPOSITIVE = re.compile(
    r"^\s*(?P<name>[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,3})(?:\s+\([^()]{1,24}\))?,\s+"
    r"(?P<role>(?:(?:the|an?)\s+|[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*['\u2019]s?\s+|[a-z])[^,;:()\"\u201c\u201d]{2,90}?)\s*,?\s*$"
)


def _appositive_role(speaker: Speaker, phrase: str) -> Speaker:
    """'Jane Doe, a senior adviser to the governor,' -> the named person with the appositive as role,
    unless the phrase itself writes the role the person has ('Senator Jane Doe, a Democrat,'): the
    words of this attribution describe the speaker over what an earlier mention said of them; a
    party tag after the name ('Tom Healy (R-Ohio), chairman of ...') does not hide it."""
    if not speaker.name or ", " not in phrase or speaker.role and speaker.role.lower() in phrase.lower():
        return speaker
    m = _APPOSITIVE.match(phrase)
    if m is None or speaker.name.split()[-1].lower() not in m.group("name").lower():
        return speaker
    role = role_phrase(m.group("role"))
    return speaker if role is None else replace(speaker, role=role)


def _boilerplate_repeats(ctx: Context, out: list[Statement], keys: list[_Words]) -> None:
    """A quote repeated in a boilerplate block (pull quote, teaser) is another mention of it."""
    text = ctx.document.text
    for span in ctx.cleaned.boilerplate:
        lines: list[tuple[int, int]] = []
        pos = span.start
        for line in text[span.start : span.end].split("\n"):
            if line.strip():
                lines.append((pos, pos + len(line)))
            pos += len(line) + 1
        for q in find_quotes(text, lines):
            toks = _norm_tokens(text[q.start : q.end])
            if len(toks.seq) < 5:
                continue
            dup = next((i for i, k in enumerate(keys) if _similar(k, toks)), None)
            if dup is not None and all(m.start != q.start for m in out[dup].mentions):
                out[dup].mentions.append(mention(ctx.document, q.start, q.end))


def _merge_description(speaker: Speaker | None, memory: Memory, para: int) -> Speaker | None:
    """A named person right after an unnamed description ('a ministry spokesman') inherits its
    organization; not after a group ('according to officials'), whom one name does not stand for."""
    if speaker is None or not speaker.name or speaker.organization or memory.description is None:
        return speaker
    desc, dpara = memory.description
    # (a role the text describes the person by, not a title before the name, that is not the
    # description's: "An RSF adviser said ... The charity's field director, Ann Lee, said" is
    # someone else; "a ministry spokesman ... Brigadier General X" may be the spokesman)
    role = speaker.role or ""
    if role and role == role.lower() and desc.role and role.split()[-1] != desc.role.split()[-1].lower():
        return speaker
    if para - dpara <= 2 and desc.organization and not _plural_description(desc):
        speaker.organization = desc.organization
        if not speaker.role:
            speaker.role = desc.role
        memory.description = None
    return speaker
