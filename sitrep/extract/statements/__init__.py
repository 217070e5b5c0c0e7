"""Statements: quotes and reported speech, with speaker, intent, channel and relays.

Three passes over the body produce candidates, which are then resolved in document order so
the speaker memory sees them as a reader does: (1) quotations standing as their own sentence,
attributed before (``X said: "..."``), after (``"...," X said``), by a dash (pull quotes) or not
at all (the speaker in force continues); (2) reported speech found by the parse (a reporting
verb with a subject and a complement, partial quotes included); (3) ``according to X, ...``.
Near-identical quotes in one document become one statement with several mentions.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ...model import Cite, Speaker, Statement, mention
from ..dates import record_date
from .intent import classify, cue_in
from .lexicon import lexicon
from .quotes import QUOTE_MARKS, Quote, find_quotes
from .speakers import (
    Memory,
    Person,
    actor_for,
    index_persons,
    is_bad_subject,
    person_genders,
    resolve,
    sentence_starts,
    surname_mentions,
)

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

    from ..context import Context

__all__ = ["extract_statements"]

_SENT_END = re.compile(r"(?<!\b[A-Z])(?<!\b[A-Z][a-z])(?<!\bU\.S)[.!?\u2026](?=\s|$)")
_DASH = re.compile(r"^\s*(?:\u2014|\u2013|--|-)\s*")
_LEAD = re.compile(r"^[\s,;:]+")
# (?<!\s): tried where a run of spaces begins only, not again from each of its positions (linear)
_AUX_END = re.compile(r"(?<!\s)\s+(?:has|had|have|was|were|is|also|again|then|later|\w+ly)$", re.IGNORECASE)
_QUOTED_BY = re.compile(
    r"\bquoted\s+(?:as\s+saying\s+)?by\s+(?:the\s+)?(?P<o>[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,4})"
)
_TOLD = re.compile(
    r"\b(?:told|speaking\s+(?:to|with)|interview\s+with|said\s+to|wrote\s+in)\s+(?:the\s+)?"
    r"(?P<o>[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,4})"
)
_ADDRESSEE = re.compile(
    r"\b(?:warned|urged|told|called\s+on|calling\s+on|asked|appealed\s+to|accused|demanded\s+that)\s+"
    r"(?:the\s+)?(?P<a>[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3})"
)
_ACCORDING = re.compile(r"\b[Aa]ccording\s+to\s+(?P<s>[^,.;\"\u201c\u201d]{2,80})")
_DOCUMENTISH = re.compile(
    r"\b(?:figures?|reports?|study|studies|estimates?|data|statistics|survey|poll|copy|count|tally|records?|analysis)\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"[\w']+")
_COMPLEMENT_DEPS = {"ccomp", "xcomp"}
_PARTICIPLE_DEPS = {"advcl", "xcomp", "conj", "pcomp"}
_SUBJ_DEPS = {"nsubj", "nsubjpass"}
_ADDRESSING = {"warn", "urge", "tell", "ask", "call", "accuse", "caution", "appeal", "blame", "threaten"}
_NEUTRAL_TELL = {"say", "tell", "add", "write", "insist", "warn", "claim", "stress", "emphasize", "note"}


@dataclass
class Candidate:
    start: int  # content (mention) span
    end: int
    direct: bool
    phrase: str | None  # raw speaker phrase; None = unattributed
    phrase_start: int
    verbs: list[str]
    attribution: str  # the words around the quote that are not the quote
    span: tuple[int, int]  # sentence-like span, for the date
    para: int
    inverted: bool = False
    addressee: str | None = None
    extra: list[tuple[int, int]] = field(default_factory=list)
    gaps: list[tuple[int, int]] = field(
        default_factory=list
    )  # attribution inside the span ("..., he said, ...")
    interview: int | None = None  # an answer of a Q&A interview: offset of the first question
    cue: tuple[int, int] | None = None  # the reporting verb ("said", "warned", "according to")
    # the ranges of the text ``attribution`` joins with single spaces, in order (none when made up)
    attribution_at: list[tuple[int, int]] = field(default_factory=list)
    addressee_at: tuple[int, int] | None = None
    asked: bool = False  # a question put to someone ("asked whether ..."): no asker named means none known


_QUESTION = re.compile(r"^\s*(?:Q|Question)\s*[:.\-\u2013\u2014]\s*")
_ANSWER = re.compile(r"^\s*(?:A|Answer)\s*[:.\-\u2013\u2014]\s*")
_HEAD_END = re.compile(r"[.!?\u2026:;,]\W*$")
_OPENING = re.compile(r"^\s*(?:[\"\u201c\u201e\u00ab'\u2018]|\u2014|\u2013|--)")
_INNER_STOP = re.compile(r"[.!?](?:\s+[A-Z\"\u201c])")


def _headline(text: str, lo: int, hi: int) -> bool:
    """A short line without closing punctuation (a headline, a live-blog entry title)."""
    line = text[lo:hi].strip()
    if not line or _OPENING.match(line) or len(line.split()) > 20:
        return False
    bare = line.rstrip("\"'\u201d\u2019\u00bb) ")
    return not _HEAD_END.search(bare) and not _INNER_STOP.search(line)


def _qa(text: str, paras: list[tuple[int, int]]) -> dict[int, str]:
    """Paragraph index -> 'Q' / 'A' when the document is a Q&A interview (both kinds present)."""
    kinds = {}
    for i, (lo, hi) in enumerate(paras):
        if _QUESTION.match(text[lo:hi]):
            kinds[i] = "Q"
        elif _ANSWER.match(text[lo:hi]):
            kinds[i] = "A"
    vals = set(kinds.values())
    return kinds if vals == {"Q", "A"} else {}


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
    cands += _reported_candidates(ctx, consumed, direct_spans, quotes, skip)
    cands += _answers(text, paras, qa)
    cands.sort(key=lambda c: (c.start, c.end))
    return _resolve(ctx, cands, quotes)


def _answers(text: str, paras: list[tuple[int, int]], qa: dict[int, str]) -> list[Candidate]:
    """Each answer of a Q&A interview is a direct statement of the interviewee."""
    if not qa:
        return []
    first_q = min(i for i, k in qa.items() if k == "Q")
    intro = text[paras[max(0, first_q - 2)][0] : paras[first_q][0]]
    out = []
    for i, kind in sorted(qa.items()):
        if kind != "A":
            continue
        lo, hi = paras[i]
        m = _ANSWER.match(text, lo, hi)
        start = m.end() if m else lo
        end = hi
        while end > start and text[end - 1].isspace():
            end -= 1
        if end - start < 3:
            continue
        out.append(
            Candidate(
                start=start,
                end=end,
                direct=True,
                phrase=None,
                phrase_start=start,
                verbs=[],
                attribution=intro + " in an interview",
                span=(start, end),
                para=i,
                interview=paras[first_q][0],
            )
        )
    return out


# ---------------------------------------------------------------- pass 1: direct quotations


def _sentence_start(text: str, lo: int, hi: int) -> int:
    last = lo
    for m in _SENT_END.finditer(text, lo, hi):
        last = m.end()
    return last


def _quote_candidates(
    text: str,
    paras: list[tuple[int, int]],
    quotes: list[Quote],
    consumed: list[tuple[int, int]],
    direct_spans: list[tuple[int, int]],
    ctx: Context | None = None,
) -> list[Candidate]:
    lex = lexicon()
    out: list[Candidate] = []
    ends: list[int] = []  # where each candidate's quote and its tail attribution end
    tails: list[tuple[int, int]] = []  # each candidate's tail attribution span
    extras: list[Candidate] = []  # what the speaker went on to say in the tail (", adding that ...")
    for qi, q in enumerate(quotes):
        plo, phi = paras[q.para]
        prev_end = quotes[qi - 1].close + 1 if qi and quotes[qi - 1].end_para == q.para else plo
        bound = _sentence_start(text, max(plo, prev_end), q.open)
        prefix = text[bound : q.open]
        elo, ehi = paras[q.end_para]
        nxt = quotes[qi + 1].open if qi + 1 < len(quotes) and quotes[qi + 1].para == q.end_para else ehi
        tail_lo = min(q.close + 1, nxt) if q.closed else ehi
        m_end = _SENT_END.search(text, tail_lo, nxt)
        tail_hi = m_end.start() if m_end else nxt
        tail = text[tail_lo:tail_hi] if _tail_is_attribution(text, q, tail_lo, tail_hi) else ""
        if out and ends[-1] == q.open and text[tails[-1][0] : tails[-1][1]].rstrip().endswith(","):
            prev = out[-1]  # '"We will win," she said, "and soon."': one statement
            prev.gaps.append((prev.end, q.start))
            prev.end, prev.span = q.end, (prev.span[0], max(prev.span[1], q.close + 1))
            ends[-1] = q.close + 1
            direct_spans.append((q.start, q.end))
            continue
        head = _parse_head(prefix)
        tail_attr = _parse_tail(tail) if tail.strip() else None
        start, gaps = q.start, []
        if prefix.strip() and head is None:
            continue  # embedded (partial) quote: reported speech, handled by the parse pass
        if head is None and tail_attr is None and q.words(text) < 4:
            continue  # a scare quote or a title standing alone
        verbs: list[str] = []
        phrase: str | None = None
        phrase_start = q.start
        inverted = False
        attribution = ""
        attribution_at: list[tuple[int, int]] = []
        cue: tuple[int, int] | None = None
        if tail_attr is not None:
            phrase, verb, inverted, p_off = tail_attr
            phrase_start = tail_lo + p_off
            if verb:
                verbs.append(lex.forms.get(verb.lower(), verb.lower()))
                cue = _word_in(text, tail_lo, tail_hi, verb)
            consumed.append((tail_lo, tail_hi))
            after = phrase_start + (0 if inverted else len(phrase or ""))
            more = _went_on(ctx, q.para, tail_lo, tail_hi, after) if phrase else None
            if more is not None and phrase is not None:
                v_lo, v_hi, c_lo, c_hi = more
                if inverted:  # 'said X, the envoy, adding that ...': the speaker ends before it
                    phrase = text[phrase_start : _strip_span(text, phrase_start, v_lo, " ,")[1]]
                extras.append(
                    Candidate(
                        start=c_lo,
                        end=c_hi,
                        direct=False,
                        phrase=phrase,
                        phrase_start=phrase_start,
                        verbs=[lex.forms.get(text[v_lo:v_hi].lower(), text[v_lo:v_hi].lower())],
                        attribution=text[tail_lo:c_lo],
                        attribution_at=[(tail_lo, c_lo)],
                        span=(bound, max(tail_hi, c_hi)),
                        para=q.para,
                        inverted=inverted,
                        cue=(v_lo, v_hi),
                    )
                )
                tail_hi = _strip_span(text, tail_lo, v_lo, " ,")[1]  # the quote's own attribution ends there
                tail = text[tail_lo:tail_hi]
            attribution = tail
            attribution_at = [(tail_lo, tail_hi)] if tail else []
        if head is not None:
            hphrase, hverb, h_off = head
            if phrase is None:
                phrase, phrase_start = hphrase, bound + h_off
                if ctx is not None:
                    split = _subject_before(ctx, q, phrase, phrase_start)
                    if split is not None:  # "The plan, she said, \"is a disaster.\""
                        start, phrase = phrase_start, text[split : phrase_start + len(phrase)]
                        phrase_start, gaps = split, [(split, q.open + 1)]
                    phrase, phrase_start = _clause_subject(ctx, q.para, phrase, phrase_start)
            if hverb:
                verbs.append(lex.forms.get(hverb.lower(), hverb.lower()))
                cue = cue or _word_in(text, bound, q.open, hverb)
            attribution = prefix + " " + attribution
            attribution_at = [(bound, q.open), *(attribution_at or [(q.open, q.open)])]
            consumed.append((bound, q.open))
        direct_spans.append((q.start, q.end))
        if not gaps and phrase is None and out and _continues(text, out[-1], ends[-1], q):
            prev = out[-1]  # '"We will win," she said, "and soon."': one statement
            prev.gaps.append((prev.end, q.start))
            prev.end = q.end
            prev.span = (prev.span[0], max(tail_hi, q.close + 1))
            ends[-1] = tail_hi if tail else q.close + 1
            tails[-1] = (tail_lo, tail_hi) if tail else (q.close + 1, q.close + 1)
            continue
        out.append(
            Candidate(
                start=start,
                end=q.end,
                direct=not gaps,
                phrase=phrase,
                phrase_start=phrase_start,
                verbs=verbs,
                attribution=attribution,
                span=(bound, max(tail_hi, q.close + 1)),
                para=q.para,
                inverted=inverted,
                cue=cue,
                attribution_at=attribution_at,
                gaps=gaps,
            )
        )
        ends.append(tail_hi if tail else q.close + 1)
        tails.append((tail_lo, tail_hi) if tail else (q.close + 1, q.close + 1))
    return out + extras


_WENT_ON = re.compile(r",\s+(?:and\s+)?(?P<v>[a-z]+ing)\s+(?:that\s+)?", re.IGNORECASE)


def _went_on(ctx: Context | None, pi: int, lo: int, hi: int, after: int) -> tuple[int, int, int, int] | None:
    """'"...," she said, adding that CLAUSE': where the reporting participle stands and where what
    it reports begins and ends (a clause with a finite verb, to the end of its sentence)."""
    if ctx is None:
        return None
    text = ctx.document.text
    lex = lexicon()
    m = _WENT_ON.search(text, max(lo, after), hi)
    if m is None or lex.forms.get(m.group("v").lower()) not in lex.verbs:
        return None
    c_lo = m.end()
    para = ctx.paragraphs[pi]
    doc = para.doc
    span = doc.char_span(c_lo - para.start, hi - para.start, alignment_mode="contract")
    if span is None or len(span) < 3 or not _is_clause(span) or span[0].pos_ == "ADP":
        return None
    # the clause runs to the end of its sentence, a partial quote in it included ('would "not ..."')
    j = max(span.end, span[0].sent.end)
    while j > span.start + 1 and doc[j - 1].is_punct and doc[j - 1].text not in QUOTE_MARKS:
        j -= 1
    return m.start("v"), m.end("v"), c_lo, para.start + doc[j - 1].idx + len(doc[j - 1].text)


def _word_in(text: str, lo: int, hi: int, word: str) -> tuple[int, int] | None:
    """Where the attribution parser's verb stands in the words it parsed."""
    m = re.search(rf"\b{re.escape(word)}\b", text[lo:hi])
    return (lo + m.start(), lo + m.end()) if m else None


def _continues(text: str, prev: Candidate, prev_end: int, q: Quote) -> bool:
    """An unattributed quote right after an attributed one in its paragraph, with nothing but
    punctuation between them and the first one's attribution, continues it."""
    if prev.para != q.para or prev.phrase is None or prev_end > q.open:
        return False
    return not any(ch.isalnum() for ch in text[prev_end : q.open])


def _subject_before(ctx: Context, q: Quote, phrase: str, start: int) -> int | None:
    """'The plan, she said, "is ..."': the words before the last comma are the quote's subject.
    Returns the offset where the attribution ('she said,') begins, or None."""
    cut = phrase.rfind(", ")
    if cut <= 0 or len(phrase[cut + 2 :].split()) > 4:
        return None
    para = ctx.paragraphs[q.para]
    doc = para.doc
    pre = doc.char_span(start - para.start, start - para.start + cut, alignment_mode="expand")
    if pre is None or not len(pre):
        return None
    q_tok = doc.char_span(q.open - para.start, q.open - para.start + 1, alignment_mode="expand")
    if q_tok is None or not any(
        t.dep_ in ("nsubj", "nsubjpass") and t.head.i >= q_tok.start and t.head.pos_ in ("VERB", "AUX")
        for t in pre
    ):
        return None
    return start + cut + 2


def _clause_subject(ctx: Context, pi: int, phrase: str, start: int) -> tuple[str, int]:
    """A head 'phrase' that is a clause ("She quickly noted her years in office, saying") -> its
    subject ("She"), found through the parse from the reporting verb that follows the phrase."""
    para = ctx.paragraphs[pi]
    doc = para.doc
    span = doc.char_span(start - para.start, start - para.start + len(phrase), alignment_mode="expand")
    if span is None or not any(t.pos_ in ("VERB", "AUX") for t in span):
        return phrase, start
    verb = next((t for t in doc[span.end : span.end + 4] if t.pos_ in ("VERB", "AUX")), None)
    subj = None
    for _ in range(3):
        if verb is None:
            break
        subj = _subject(verb)
        if subj is not None or verb.head.i == verb.i:
            break
        verb = verb.head
    if subj is None or not (span.start <= subj.left_edge.i and subj.right_edge.i < span.end):
        return phrase, start
    sub = doc[subj.left_edge.i : subj.right_edge.i + 1]
    if any(t.pos_ in ("VERB", "AUX") for t in sub) and len(sub) > 3:
        return phrase, start
    return sub.text, para.start + sub.start_char


def _tail_is_attribution(text: str, q: Quote, lo: int, hi: int) -> bool:
    """Is what follows the closing mark part of the quote's sentence (", he said")?"""
    if hi <= lo:
        return False
    after = text[lo:hi]
    stripped = after.lstrip()
    if not stripped:
        return False
    if after[:1] in ",;:" or _DASH.match(after) and not after.startswith(" -"):
        return True
    last = text[q.end : q.close].strip() or text[q.end - 1 : q.end]
    if text[q.end - 1 : q.end] == "," or last.startswith(","):
        return True
    if stripped[:1].islower():
        return True
    if text[q.end - 1 : q.end] in "?!":  # '"Who knows?" Trump told the network.'
        v = lexicon().verb_re.search(stripped[:60])
        if v is not None and 0 < len(stripped[: v.start()].split()) <= 4:
            rest = stripped[v.end() :].lstrip()
            return not re.match(r"(?:that\b|[a-z]+\s+(?:is|are|was|were|will|would|has|had)\b)", rest)
    return text[q.end - 1 : q.end] not in ".!?\u2026" and lexicon().verb_re.search(stripped[:80]) is not None


def _parse_head(prefix: str) -> tuple[str, str, int] | None:
    """'X said:' / 'X responded on Twitter:' / 'X said' before a quote -> (phrase, verb, offset)."""
    p = prefix.rstrip()
    if not p:
        return None
    lex = lexicon()
    verbs = list(lex.verb_re.finditer(p))
    if not verbs:
        return None
    v = verbs[-1]
    mid = p[v.end() :]
    if not (p.endswith((":", ",")) or re.fullmatch(r"\s*(?:that)?\s*", mid)):
        return None
    if len(mid.split()) > 8:
        return None
    phrase = _AUX_END.sub("", p[: v.start()].rstrip())
    if not phrase.strip() or len(phrase.split()) > 14:
        return None
    off = len(phrase) - len(phrase.lstrip())
    return phrase, v.group(0), off


def _parse_tail(tail: str) -> tuple[str | None, str | None, bool, int] | None:
    """', the Taliban said in a statement' / ', said X' / '— A statement from X'."""
    lex = lexicon()
    dash = _DASH.match(tail)
    if dash:
        rest = tail[dash.end() :]
        v = lex.verb_re.search(rest)
        if v is None or v.start() > 60:
            return rest.strip(), None, False, dash.end()
        tail = " " * dash.end() + rest
    lead = _LEAD.match(tail)
    off = lead.end() if lead else 0
    body = tail[off:]
    v = lex.verb_re.search(body)
    if v is None or len(body[: v.start()].split()) > 14:
        return None
    if v.start() == 0:
        after = body[v.end() :]
        a_off = len(after) - len(after.lstrip())
        phrase = after.strip()
        if not phrase:
            return None
        return phrase, v.group(0), True, off + v.end() + a_off
    phrase = _AUX_END.sub("", body[: v.start()].rstrip())
    phrase = re.sub(r"(?<!\s)\s+(?:was|were)\s+quoted\s+as$", "", phrase)
    return phrase, v.group(0), False, off


# ---------------------------------------------------------------- pass 2: reported speech


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    return any(a <= pos < b for a, b in spans)


def _reported_candidates(
    ctx: Context,
    consumed: list[tuple[int, int]],
    direct_spans: list[tuple[int, int]],
    quotes: list[Quote],
    skip: set[int],
) -> list[Candidate]:
    lex = lexicon()
    out: list[Candidate] = []
    text = ctx.document.text
    for pi, para in enumerate(ctx.paragraphs):
        if pi in skip:
            continue
        for sent in para.doc.sents:
            used: set[int] = set()
            for tok in sent:
                if tok.i in used or tok.lemma_.lower() not in lex.verbs or tok.pos_ != "VERB":
                    continue
                pos = para.start + tok.idx
                if _inside(consumed, pos) or _inside(direct_spans, pos):
                    continue
                cand = _reported_from_verb(ctx, para.start, pi, sent, tok, used, direct_spans)
                if cand is not None:
                    out.append(cand)
            out += _according(text, para.start, pi, sent, direct_spans, consumed)
    return out


def _subject(tok: Token) -> Token | None:
    """The subject nearest the verb (the parse sometimes hangs a fronted clause's subject on it too)."""
    subs = [c for c in tok.children if c.dep_ in _SUBJ_DEPS]
    if not subs:
        return None
    return min(subs, key=lambda c: abs(c.i - tok.i))


def _reported_from_verb(
    ctx: Context,
    base: int,
    pi: int,
    sent: SpacySpan,
    tok: Token,
    used: set[int],
    direct_spans: list[tuple[int, int]],
) -> Candidate | None:
    lex = lexicon()
    if tok.lemma_.lower() == "call" and not any(
        c.lower_ in {"on", "upon", "for"} or c.dep_ == "ccomp" for c in tok.children
    ):
        return None  # "called the checkpoint hell" names, it does not appeal
    subj = _subject(tok)
    if tok.lemma_.lower() == "ask" and tok.tag_ == "VBN" and (subj is None or subj.dep_ == "nsubjpass"):
        return _asked(ctx, base, pi, sent, tok, subj, used)
    if subj is None:
        head = tok.head
        if tok.dep_ in _PARTICIPLE_DEPS and tok.tag_ == "VBG" and head.i != tok.i:
            subj = _subject(head)
        elif tok.dep_ == "conj" and head.i != tok.i and head.lemma_.lower() in lex.verbs:
            subj = _subject(head)  # "claimed that ... and said ...": the subject is shared
        elif (
            tok.dep_ == "conj"
            and head.pos_ in ("VERB", "AUX")
            and any(c.dep_ == "ccomp" for c in tok.children)
        ):
            subj = _subject(head)  # "thanked the crowd and said (that) ...": the subject is shared
        if subj is None:
            return _fronted(ctx, base, pi, sent, tok, used, direct_spans)
    if (
        any(c.dep_ == "neg" for c in tok.children)
        or tok.head.i != tok.i
        and tok.dep_ == "xcomp"
        and any(c.dep_ == "neg" for c in tok.head.children)
    ):
        return None  # "did not comment", "declined to say", "refused to comment" are not statements
    relative = None
    if subj.lower_ in {"that", "which", "who"} and subj.head.i == tok.i:
        noun = tok.head
        if (
            subj.lower_ != "who"
            or tok.dep_ != "relcl"
            or noun.pos_ != "PROPN"
            or not any(c.dep_ == "ccomp" for c in tok.children)
        ):
            return None
        relative = noun  # "Barkley, who said he votes ...": the noun the clause hangs on
    if subj.dep_ == "nsubjpass" and tok.lemma_.lower() != "quote":
        return None  # "X was reported to ...": X is not the speaker
    s_lo, s_hi = subj.left_edge.i, subj.right_edge.i + 1
    if relative is not None:
        s_lo, s_hi = relative.left_edge.i, relative.i + 1
    if (
        subj.i < tok.i
        and tok.lemma_.lower() in _NEUTRAL_TELL
        and s_hi == tok.i
        and s_lo > sent.start + 1  # an appositive subject at the sentence start is the speaker
        and any(sent.doc[k].text == "," for k in range(s_lo, s_hi))
    ):
        fronted = _fronted(ctx, base, pi, sent, tok, used, direct_spans)  # "CLAUSE, Lebanon's ministry said"
        if fronted is not None:
            return fronted
    s_text = sent.doc[s_lo:s_hi].text
    if is_bad_subject(s_text) or _inside(direct_spans, base + sent.doc[s_lo].idx):
        return None
    verbs = [tok.lemma_.lower()]
    used.add(tok.i)
    pieces: list[tuple[int, int]] = []
    comps = [
        c
        for c in tok.children
        if c.dep_ in _COMPLEMENT_DEPS
        and not any(m.dep_ == "mark" and m.lower_ in _SUBORDINATE and m.i < c.i for m in c.children)
    ]  # "..., X said, as fighting intensified": the as-clause is not what was said
    for c in tok.children:
        if c.dep_ in _PARTICIPLE_DEPS and c.tag_ == "VBG" and c.lemma_.lower() in lex.verbs and c.i > tok.i:
            used.add(c.i)
            verbs.append(c.lemma_.lower())
            pieces.append((c.i + 1, c.right_edge.i + 1))
            comps = [x for x in comps if x.i != c.i]
    for c in comps:
        pieces.append((c.left_edge.i, c.right_edge.i + 1))
    if (
        not comps
        and tok.lemma_.lower() in _NEUTRAL_TELL
        and s_lo > sent.start + 2
        and sent.doc[s_lo - 1].text == ","
        and _is_clause(sent.doc[sent.start : s_lo - 1])
    ):
        # "CLAUSE, X told Y": the parse gave no complement; the clause before the subject is it
        pieces = [(sent.start, s_lo - 1)]
    gaps: list[tuple[int, int]] = []
    if not comps and tok.dep_ == "parataxis" and subj.i < tok.i and tok.head.i > tok.i:
        # "Greensboro, Sexton said, made him question ...": the clause around the attribution
        head = tok.head
        lo_tok, hi_tok = s_lo, tok.i + 1
        if lo_tok > head.left_edge.i + 1 and sent.doc[lo_tok - 1].text == ",":
            pieces = [(head.left_edge.i, head.right_edge.i + 1)]
            gaps = [(s_lo - 1, min(hi_tok + 1, head.right_edge.i))]
    addressee = None
    addressee_at: tuple[int, int] | None = None
    if tok.lemma_.lower() in _ADDRESSING:
        obj = next((c for c in tok.children if c.dep_ in {"dobj", "dative"} and c.i > tok.i), None)
        if obj is None:
            prep = next(
                (c for c in tok.children if c.lower_ in {"on", "upon", "to"} and c.i == tok.i + 1), None
            )
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
        if obj is not None and obj.text.lower() not in lex.outlets:
            addressee = sent.doc[obj.left_edge.i : obj.right_edge.i + 1].text
            article = re.match(r"(?:the|a|an)\s+", addressee, flags=re.IGNORECASE)
            addressee = addressee[article.end() :] if article else addressee
            a_lo = base + obj.left_edge.idx + (article.end() if article else 0)
            addressee_at = (a_lo, a_lo + len(addressee))
            if not pieces and obj.right_edge.i + 1 < tok.right_edge.i:
                pieces.append((obj.right_edge.i + 1, tok.right_edge.i + 1))
    if not pieces:
        lo = tok.i + 1
        hi = tok.right_edge.i + 1
        if subj.i > tok.i:  # inverted: "..., said X" without a parsed complement
            return _fronted(ctx, base, pi, sent, tok, used, direct_spans)
        if not _says_something(tok):
            return None  # "reported from Oakland", "added to his lead": no content
        doc = sent.doc
        if doc[lo].dep_ == "prep" and doc[lo].lower_ in _ADJUNCT_PREPS:
            # "said in a statement that ...": what was said begins at the that-clause
            lo = next((t.i for t in doc[lo:hi] if t.dep_ == "mark" and t.lower_ == "that"), lo)
        pieces.append((lo, hi))
    lo = min(a for a, _ in pieces)
    hi = max(b for _, b in pieces)
    doc = sent.doc
    while lo < hi and (doc[lo].is_punct and doc[lo].text not in QUOTE_MARKS or doc[lo].lower_ == "that"):
        lo += 1
    while hi > lo and doc[hi - 1].is_punct and doc[hi - 1].text not in QUOTE_MARKS:
        hi -= 1
    short_ok = lex.verbs.get(tok.lemma_.lower(), ("other", 0))[0] in {"deny", "reject", "accuse"}
    if hi - lo < (2 if short_ok else 3):
        return None
    if s_lo < hi and lo < s_hi and not gaps:  # the subject inside the complement: parse went wrong
        if s_lo <= lo:
            lo = s_hi
        else:
            hi = s_lo
        if hi - lo < 3:
            return None
    start, end = base + doc[lo].idx, base + doc[hi - 1].idx + len(doc[hi - 1].text)
    if any(a <= start and end <= b for a, b in direct_spans):
        return None
    # balance a quote mark cut at the edge ("... "seriously committed" ...)
    text = ctx.document.text
    content = text[start:end]
    direct = _all_quoted(content)
    s_start = base + sent.start_char
    s_end = base + sent.end_char
    attribution = text[s_start:start] + " " + text[end:s_end]
    if gaps:  # token gap -> character gap, the commas around the attribution included
        g_lo, g_hi = gaps[0]
        gap_chars = [(base + doc[g_lo].idx, base + doc[g_hi - 1].idx + len(doc[g_hi - 1].text))]
        direct = False
    return Candidate(
        start=start,
        end=end,
        direct=direct,
        phrase=s_text,
        phrase_start=base + doc[s_lo].idx,
        verbs=verbs,
        attribution=attribution,
        span=(s_start, s_end),
        para=pi,
        inverted=subj.i > tok.i,
        addressee=addressee,
        cue=(base + tok.idx, base + tok.idx + len(tok.text)),
        attribution_at=[(s_start, start), (end, s_end)],
        addressee_at=addressee_at,
        gaps=gap_chars if gaps else [],
    )


# prepositions that open a circumstance (where, when, how, through what) rather than what was said
_ADJUNCT_PREPS = frozenset(
    ["in", "at", "on", "from", "by", "during", "after", "before", "since", "until", "via", "through",
     "near", "inside", "within", "under", "over", "amid", "throughout", "across", "while"]
)
_ON_VERBS = frozenset(["comment", "insist", "remark", "elaborate", "reflect", "weigh", "report", "agree", "focus"])
_WHEN = frozenset(["DATE", "TIME"])
_ARGUMENT_DEPS = {"dobj", "dative", "ccomp", "xcomp", "acomp", "oprd", "attr", "prt"}


def _says_something(tok: Token) -> bool:
    """Without a clause complement, does the verb still take what was said, thought or shown?

    It needs an argument after it: an object that is not a news outlet ("told The Times" names
    whom it was said to), or a phrase such as "called for ...", "warned of ...", "pointed to ...";
    a place, a time or a medium ("reported from Oakland", "wrote on Twitter") is no content.
    "Add" says only with a clause: "added to his lead" and "added a seat" count, they do not speak.
    """
    if tok.lemma_.lower() == "add":
        return False
    outlets = lexicon().outlets
    for c in tok.children:
        if c.i < tok.i:
            continue
        if c.dep_ == "advcl" and c.tag_ == "VBG" and c.lower_ in lexicon().forms:
            return True  # "explained, recalling ...", "noted, referring to ..."
        if c.dep_ == "intj" or c.lower_ == "so" and c.i == tok.i + 1:
            return True  # "said yes", "said so"
        if any(m.dep_ == "mark" and m.lower_ == "that" for m in c.subtree):
            return True  # "said in a statement that ...": the clause hangs lower in the parse
        if c.dep_ == "prep" and c.lower_ == "on" and any(
            g.dep_ == "pcomp" or g.dep_ == "pobj" and tok.lemma_.lower() in _ON_VERBS and g.ent_type_ not in _WHEN
            for g in c.children
        ):
            return True  # "commented on ...", "insisted on building ..."
        if c.dep_ == "prep" and any(g.dep_ == "pcomp" and g.lemma_.lower() in lexicon().verbs for g in c.children):
            return True  # "responded by saying ..."
        if c.dep_ in _ARGUMENT_DEPS:
            phrase = tok.doc[c.left_edge.i : c.right_edge.i + 1].text.lower()
            if c.dep_ in {"dobj", "dative"} and phrase in outlets:
                continue
            return True
        if c.dep_ == "prep" and c.lower_ not in _ADJUNCT_PREPS and any(
            g.dep_ in {"pobj", "pcomp"} for g in c.children
        ):
            return True
    return False


_WH = frozenset(["whether", "if", "who", "whom", "whose", "what", "which", "why", "how", "when", "where"])


def _asked(
    ctx: Context,
    base: int,
    pi: int,
    sent: SpacySpan,
    tok: Token,
    subj: Token | None,
    used: set[int],
) -> Candidate | None:
    """'(When) asked whether/about ..., X said' / 'X was asked (by Y) if ...': the question put to X.

    The content is the question (from 'whether', 'if', a wh-word or 'about'); the asker is the
    agent ('by a reporter') when the text names one, else unknown; the one asked is the addressee.
    """
    doc = sent.doc
    q = None
    for c in tok.children:
        if c.i <= tok.i:
            continue
        about = c.dep_ == "prep" and c.lower_ == "about" and any(g.dep_ == "pobj" for g in c.children)
        if about or c.dep_ in {"ccomp", "advcl", "xcomp"} and doc[c.left_edge.i].lower_ in _WH:
            q = c
            break
    if q is None:
        return None
    lo, hi = q.left_edge.i, q.right_edge.i + 1
    while hi > lo and doc[hi - 1].is_punct and doc[hi - 1].text not in QUOTE_MARKS:
        hi -= 1
    if hi - lo < 2:
        return None
    agent = next((c for c in tok.children if c.dep_ == "agent"), None)
    by = next((g for g in agent.children if g.dep_ == "pobj"), None) if agent is not None else None
    asked = subj
    if asked is None and tok.dep_ == "advcl" and tok.head.i != tok.i:
        asked = _subject(tok.head)  # "When asked ..., the mayor said": the mayor was asked
    used.add(tok.i)
    text = ctx.document.text
    start, end = base + doc[lo].idx, base + doc[hi - 1].idx + len(doc[hi - 1].text)
    s_start, s_end = base + sent.start_char, base + sent.end_char
    addressee = addressee_at = None
    if asked is not None and asked.pos_ in {"PROPN", "NOUN"}:
        a_lo, a_hi = asked.left_edge.i, asked.i + 1
        while a_lo < a_hi and doc[a_lo].dep_ == "det":
            a_lo += 1
        addressee = doc[a_lo:a_hi].text
        addressee_at = (base + doc[a_lo].idx, base + doc[a_lo].idx + len(addressee))
    phrase = phrase_start = None
    if by is not None:
        phrase = doc[by.left_edge.i : by.right_edge.i + 1].text
        phrase_start = base + doc[by.left_edge.i].idx
    return Candidate(
        start=start,
        end=end,
        direct=_all_quoted(text[start:end]),
        phrase=phrase,
        phrase_start=phrase_start if phrase_start is not None else start,
        verbs=[],  # a question, not an appeal: the words decide the intent
        attribution=text[s_start:start] + " " + text[end:s_end],
        attribution_at=[(s_start, start), (end, s_end)],
        span=(s_start, s_end),
        para=pi,
        cue=(base + tok.idx, base + tok.idx + len(tok.text)),
        addressee=addressee,
        addressee_at=addressee_at,
        asked=True,
    )


_SUBORDINATE = frozenset(
    ["as", "while", "when", "after", "before", "because", "since", "amid", "though", "although"]
)


def _fronted(
    ctx: Context,
    base: int,
    pi: int,
    sent: SpacySpan,
    tok: Token,
    used: set[int],
    direct_spans: list[tuple[int, int]],
) -> Candidate | None:
    """'CLAUSE, regional governor X said (on Thursday).' when the parse hung the verb elsewhere.

    The words between the last comma and the verb (or right after a sentence-initial ``said``) must
    be a short noun phrase; the content is the clause before that comma.
    """
    doc = sent.doc
    lex = lexicon()
    if any(
        c.dep_ in _COMPLEMENT_DEPS
        and c.i > tok.i
        and not any(m.dep_ == "mark" and m.lower_ in _SUBORDINATE for m in c.children)
        for c in tok.children
    ):
        return None  # "..., X, the leader, said that ...": what was said follows the verb
    if lex.verbs.get(tok.lemma_.lower(), ("other", 0))[1] > 0 and tok.lemma_.lower() not in {
        "insist",
        "confirm",
    }:
        return None  # only neutral "said/told/added" put the content before the speaker
    j = tok.i - 1
    while j > sent.start and doc[j].text != ",":
        if doc[j].pos_ in {"VERB", "SCONJ"} or doc[j].lower_ in {"that", "which", "who"}:
            return None
        j -= 1
    if doc[j].text != ",":
        return None
    if j + 1 == tok.i:  # "CLAUSE, said X ..." (inverted): the speaker follows the verb
        k = tok.i + 1
        while k < sent.end and not doc[k].is_punct and k - tok.i <= 10:
            k += 1
        ph_lo, ph_hi = tok.i + 1, k
    else:
        ph_lo, ph_hi = j + 1, tok.i
        while ph_hi > ph_lo and doc[ph_hi - 1].pos_ == "AUX":
            ph_hi -= 1
    if ph_hi <= ph_lo or ph_hi - ph_lo > 12 or not any(t.pos_ in {"NOUN", "PROPN"} for t in doc[ph_lo:ph_hi]):
        return None
    # the clause before the comma, from the sentence start
    lo, hi = sent.start, j
    while lo < hi and doc[lo].is_punct and doc[lo].text not in QUOTE_MARKS:
        lo += 1
    if hi - lo < 4 or not _is_clause(doc[lo:hi]):
        return None  # "In a later vote, he warned ...": a circumstance, not what was said
    start = base + doc[lo].idx
    end = base + doc[hi - 1].idx + len(doc[hi - 1].text)
    if _inside(direct_spans, start) or any(a <= start < b or a < end <= b for a, b in direct_spans):
        return None
    used.add(tok.i)
    text = ctx.document.text
    s_start, s_end = base + sent.start_char, base + sent.end_char
    phrase_start = base + doc[ph_lo].idx
    phrase_end = base + doc[ph_hi - 1].idx + len(doc[ph_hi - 1].text)
    return Candidate(
        start=start,
        end=end,
        direct=_all_quoted(text[start:end]),
        phrase=text[phrase_start:phrase_end],
        phrase_start=phrase_start,
        verbs=[tok.lemma_.lower()],
        attribution=text[end:s_end],
        attribution_at=[(end, s_end)],
        span=(s_start, s_end),
        para=pi,
        inverted=ph_lo > tok.i,
        cue=(base + tok.idx, base + tok.idx + len(tok.text)),
    )


_FINITE = frozenset(["VBD", "VBZ", "VBP", "MD"])


def _is_clause(span: SpacySpan) -> bool:
    """Words that can be what was said: a clause with a finite verb, or a quotation."""
    return any(t.tag_ in _FINITE or t.text in QUOTE_MARKS for t in span)


def _all_quoted(content: str) -> bool:
    c = content.strip()
    return (
        len(c) > 2
        and c[0] in QUOTE_MARKS
        and c[-1] in QUOTE_MARKS
        and sum(ch in QUOTE_MARKS for ch in c) == 2
    )


def _according(
    text: str,
    base: int,
    pi: int,
    sent: SpacySpan,
    direct_spans: list[tuple[int, int]],
    consumed: list[tuple[int, int]],
) -> list[Candidate]:
    """'According to X, CLAUSE' / 'CLAUSE, according to X.' with X a person or organization."""
    s_start, s_end = base + sent.start_char, base + sent.end_char
    stext = text[s_start:s_end]
    m = _ACCORDING.search(stext)
    if not m or _DOCUMENTISH.search(m.group("s")) or _inside(direct_spans, s_start + m.start()):
        return []
    if _inside(consumed, s_start + m.start()):
        return []
    if m.start() < 3:
        lo, hi = m.end(), len(stext)
    else:
        lo, hi = 0, m.start()
        before = sent.char_span(0, m.start(), alignment_mode="contract")
        if before is not None and not _is_clause(before) and stext[m.end() : m.end() + 1] == ",":
            # "In addition, according to the ministry, CLAUSE": what it says follows the source
            lo, hi = m.end(), len(stext)
    seg = stext[lo:hi]
    lead = len(seg) - len(seg.lstrip(" ,"))
    trail = len(seg.rstrip(" ,.;"))
    if trail - lead < 10:
        return []
    start, end = s_start + lo + lead, s_start + lo + trail
    return [
        Candidate(
            start=start,
            end=end,
            direct=False,
            phrase=m.group("s"),
            phrase_start=s_start + m.start("s"),
            verbs=[],
            attribution=m.group(0),
            attribution_at=[(s_start + m.start(), s_start + m.end())],
            span=(s_start, s_end),
            para=pi,
            cue=(
                s_start + m.start(),
                s_start + m.start() + len(stext[m.start() : m.start("s")].rstrip(" ,")),
            ),
        )
    ]


# ---------------------------------------------------------------- resolution and merging


def _norm_tokens(s: str) -> list[str]:
    return _WORD.findall(s.lower().replace("\u2019", "'"))


def _similar(a: list[str], b: list[str]) -> bool:
    if not a or not b:
        return False
    sa, sb = set(a), set(b)
    small = min(len(sa), len(sb))
    inter = len(sa & sb)
    if inter / len(sa | sb) >= 0.8:
        return True
    return small >= 5 and inter / small >= 0.9 and min(len(a), len(b)) / max(len(a), len(b)) >= 0.5


def _plain(s: str) -> str:
    return s.replace("\u00a0", " ").replace("\u2019", "'")


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
    pos = 0
    for a, b in c.attribution_at:
        if pos <= lo and hi <= pos + (b - a):
            return (a + lo - pos, a + hi - pos, None)
        pos += b - a + 1  # the joining space
    return None


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
    marks = "".join(QUOTE_MARKS)
    if c.direct:
        steps: tuple[str | None, ...] = (None, marks, " ,")
    elif c.gaps:
        steps = (" ,",)
    else:
        steps = ()
    out = []
    for lo, hi in pieces:
        for chars in steps:
            lo, hi = _strip_span(text, lo, hi, chars)
        if hi > lo:
            out.append((lo, hi))
    return out


def _in_pieces(pieces: list[tuple[int, int]], lo: int, hi: int) -> Cite | None:
    """Where [lo, hi) of the pieces joined by single spaces stands in the text."""
    pos = 0
    for a, b in pieces:
        if pos <= lo and hi <= pos + (b - a):
            return (a + lo - pos, a + hi - pos, None)
        pos += b - a + 1
    return None


def _resolve(ctx: Context, cands: list[Candidate], quotes: list[Quote] | None = None) -> list[Statement]:
    text = ctx.document.text
    doc = ctx.document
    persons = index_persons(ctx)
    memory = Memory(
        persons=persons,
        genders=person_genders(ctx, persons),
        sentences=sentence_starts(ctx),
        quoted=[(q.open, q.close) for q in quotes or []],
        mentions=surname_mentions(ctx, persons),
    )
    lex = lexicon()
    out: list[Statement] = []
    keys: list[list[str]] = []
    seen_spans: list[tuple[int, int]] = []
    said_before: dict[str, list[Cite]] = {}  # speaker -> the words that last named them
    for c in cands:
        if any(a <= c.start and c.end <= b for a, b in seen_spans):
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
            speaker, said_statement = resolve(c.phrase, c.phrase_start, memory, ctx, c.inverted)
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
        addressed: tuple[str, Cite | None] | None = None
        if c.addressee:
            addressed = (c.addressee, (*c.addressee_at, None) if c.addressee_at else None)
        elif found := _addressee(c.attribution, relays):
            addressed = (found[0], _in_text(c, *found[1]))
        st = Statement(
            speaker=sp,
            quote=quote,
            mentions=[mention(doc, c.start, c.end)],
            direct=c.direct,
            intent=intent,
            addressee=addressed[0] if addressed else None,
            channel=channel,
            reported_by=list(relays),
            date=record_date(ctx, c.span[0], c.span[1], "statement"),
            speaker_actor=actor_for(sp.organization, sp.name, sp.role) if speaker else None,
        )
        st.cite(doc, "quote", [(lo, hi, None) for lo, hi in pieces])
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
            if c.phrase is not None and speaker.name and speaker.name != speaker.organization:
                memory.said.append(Person(c.phrase_start, speaker, speaker.name.split()[-1].lower(), True))
    _ = lex
    _boilerplate_repeats(ctx, out, keys)
    return out


def _who(speaker: Speaker) -> str:
    return speaker.name or speaker.organization or speaker.role or ""


def _strip_span(text: str, lo: int, hi: int, chars: str | None) -> tuple[int, int]:
    """The bounds ``text[lo:hi].strip(chars)`` keeps."""
    piece = text[lo:hi]
    left = piece.lstrip(chars)
    return lo + len(piece) - len(left), lo + len(left.rstrip(chars)) + len(piece) - len(left)


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


def _boilerplate_repeats(ctx: Context, out: list[Statement], keys: list[list[str]]) -> None:
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
            if len(toks) < 5:
                continue
            dup = next((i for i, k in enumerate(keys) if _similar(k, toks)), None)
            if dup is not None and all(m.start != q.start for m in out[dup].mentions):
                out[dup].mentions.append(mention(ctx.document, q.start, q.end))


def _merge_description(speaker: Speaker | None, memory: Memory, para: int) -> Speaker | None:
    """A named person right after an unnamed description ('a ministry spokesman') inherits its organization."""
    if speaker is None or not speaker.name or speaker.organization or memory.description is None:
        return speaker
    desc, dpara = memory.description
    if para - dpara <= 2 and desc.organization:
        speaker.organization = desc.organization
        if not speaker.role:
            speaker.role = desc.role
        memory.description = None
    return speaker
