"""Clauses whose verb is not a reporting verb but whose object quotes what its subject said or wrote
('Trump called the plan "an absolute disgrace"')."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .candidate import (
    _ADJUNCT_PREPS,
    _COMPLEMENT_DEPS,
    _PARTICIPLE_DEPS,
    Candidate,
    _all_quoted,
    _inside,
    _shared_subject,
    _speaks,
    _subject,
)
from .lexicon import lexicon
from .organizations import is_bad_subject
from .quotes import QUOTE_TOKENS, Quote, double_marks, mark_at

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan

    from ..context import Context

_TITLE_SMALL = frozenset(["a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "with", "by", "from"])
_OTHER_CLAUSE = frozenset(["advcl", "csubj", "nsubj", "nsubjpass", "parataxis"])


def _quote_words(text: str, q: Quote) -> list[str]:
    return re.findall(r"[\w'’-]+", text[q.start : q.end])


def _quoted_clauses(
    ctx: Context,
    base: int,
    pi: int,
    sent: SpacySpan,
    used: set[int],
    quotes: list[Quote],
    found: list[Candidate],
    direct_spans: list[tuple[int, int]],
    consumed: list[tuple[int, int]],
) -> list[Candidate]:
    """'Trump called the plan "an absolute disgrace"', 'She thanked him for "stepping up"': a clause
    whose verb is not a reporting verb but whose object quotes words its subject said or wrote.

    The quotation must lie after the verb, inside what the verb governs, and hold at least two
    words unless a named person or he/she is credited with it (one quoted word from residents or a
    body is a label or a scare quote: 'called the checkpoint "hell"');
    the subject must be someone who can speak (a name, he/she/they, a role, a speaking body); a title
    ('"Celebrity Apprentice"', every word capitalized) quotes nobody. The content is what the verb
    governs after it, without clauses joined to it by 'and'.
    """
    doc = sent.doc
    text = ctx.document.text
    s_start, s_end = base + sent.start_char, base + sent.end_char
    out: list[Candidate] = []
    for q in quotes:
        if not (s_start <= q.open < s_end) or _inside(direct_spans, q.start) or _inside(consumed, q.open):
            continue
        if any(c.start <= q.start < c.end for c in (*found, *out)):
            continue
        qwords = _quote_words(text, q)
        if not qwords or len(qwords) <= 6 and all(w[:1].isupper() or w.lower() in _TITLE_SMALL for w in qwords):
            continue
        span = doc.char_span(q.start - base, q.end - base, alignment_mode="expand")
        if span is None or not len(span):
            continue
        tok = span.root
        verb = None
        t = tok
        for _ in range(8):
            if t.head.i == t.i or t.dep_ in _OTHER_CLAUSE:
                break  # the quote belongs to a clause of its own ("lost his son when \"...\"")
            if t.head.pos_ == "VERB":
                if t.dep_ == "prep" and t.lower_ in _ADJUNCT_PREPS:  # "ended in a \"virtual tie\""
                    break
                if _subject(t.head) is None and t.head.dep_ in ("xcomp", "acl", "pcomp") and t.head.tag_ != "VBG":
                    t = t.head  # "called his plans to open a plant \"a disgrace\"": past the infinitive
                    continue
                verb = t.head
                break
            t = t.head
        if verb is None or verb.i in used or verb.i > span.start or verb.lemma_.lower() == "be":
            continue
        if _inside(direct_spans, base + verb.idx):
            continue
        if verb.dep_ in _COMPLEMENT_DEPS and verb.head.lemma_.lower() in lexicon().verbs:
            continue  # what a reporting verb reports: that verb's statement, if any, holds it
        subj = _shared_subject(verb)  # "... and called him \"...\"": the subject the verbs share
        if subj is None and verb.dep_ in _PARTICIPLE_DEPS and verb.head.i != verb.i:
            subj = _subject(verb.head)  # "..., calling it \"a disgrace\"": the subject of the clause it hangs on
        if subj is None and verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.i < verb.i:
            subj = verb.head  # "The rebels, calling the truce \"a trap\", moved north"
        if subj is None or subj.i > verb.i or subj.dep_ == "nsubjpass":
            continue
        if any(c.dep_ == "neg" for c in verb.children):
            continue
        if subj.lower_ in {"who", "that", "which"}:
            noun = verb.head if verb.dep_ == "relcl" else None
            if noun is None or noun.pos_ != "PROPN":
                continue
            s_lo, s_hi, speaker = noun.left_edge.i, noun.i + 1, noun
        else:
            s_lo, s_hi, speaker = subj.left_edge.i, subj.right_edge.i + 1, subj
        if not _speaks(speaker) or is_bad_subject(doc[s_lo:s_hi].text):
            continue
        lex = lexicon()
        person = (
            speaker.ent_type_ == "PERSON"
            or speaker.pos_ == "PROPN" and speaker.ent_type_ in ("", "PERSON")
            or speaker.pos_ == "NOUN" and (speaker.lower_ in lex.roles or speaker.lower_ in lex.person_nouns)
            or speaker.pos_ == "PROPN" and any(t.lower_ in lex.roles for t in doc[s_lo : speaker.i])
        )  # one person: a name, a role, or a name with its title ('Governor Ann Lee')
        if len(qwords) < 2 and not (person or speaker.lower_ in {"he", "she"}):
            continue  # one quoted word from a crowd or a body is a label ('called the checkpoint \"hell\"')
        kids = [
            c for c in verb.children if c.i > verb.i and c.dep_ not in {"conj", "cc", "punct", "parataxis", "prt"}
        ]
        kids = [c for c in kids if c.dep_ != "advcl" or c.left_edge.i <= span.start <= c.right_edge.i]
        if not kids:
            continue
        lo, hi = kids[0].left_edge.i, max(c.right_edge.i for c in kids) + 1
        if not (lo <= span.start < hi):
            continue
        while lo < hi and (doc[lo].is_punct and doc[lo].text not in QUOTE_TOKENS or doc[lo].dep_ == "mark"):
            lo += 1
        while hi > lo and doc[hi - 1].is_punct and doc[hi - 1].text not in QUOTE_TOKENS:
            hi -= 1
        if hi <= lo:
            continue
        start, end = base + doc[lo].idx, base + doc[hi - 1].idx + len(doc[hi - 1].text)
        marks = len(double_marks(text, start, end))
        if marks % 2 and start - 1 >= s_start and mark_at(text, start - 1) == 1:
            start -= 1  # the opening mark the parse hung elsewhere
        elif marks % 2 and start - 2 >= s_start and mark_at(text, start - 2) == 2:
            start -= 2
        elif marks % 2:
            m = re.match(r"[\s,.;:!?]{0,5}(?:[\"\u201d\u00bb]|'')", text[end:s_end])
            if m:
                end += m.end()  # the closing mark the parse hung on the verb
        if _inside(direct_spans, start) or any(a <= start < b or a < end <= b for a, b in direct_spans):
            continue
        used.add(verb.i)
        out.append(
            Candidate(
                start=start,
                end=end,
                direct=_all_quoted(text[start:end]),
                phrase=doc[s_lo:s_hi].text,
                phrase_start=base + doc[s_lo].idx,
                # "called X \"...\"" names, it does not call on anyone: no appeal from the verb
                verbs=[] if verb.lemma_.lower() == "call" else [verb.lemma_.lower()],
                attribution=text[s_start:start] + " " + text[end:s_end],
                attribution_at=[(s_start, start), (end, s_end)],
                span=(s_start, s_end),
                para=pi,
                cue=(base + verb.idx, base + verb.idx + len(verb.text)),
            )
        )
    return out
