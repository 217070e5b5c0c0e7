"""Pass 1: quotations standing as their own sentence, attributed before (X said: "..."), after
("...," X said), by a dash, or not at all; Q&A interview answers."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from .candidate import (
    _AUX_END,
    _DASH,
    _FINITE,
    _LEAD,
    ANONYMITY,
    Candidate,
    _is_clause,
    _misparsed_subject,
    _speaks,
    _strip_span,
    _subject,
)
from .lexicon import lexicon
from .quotes import QUOTE_TOKENS, Quote

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan

    from ..context import Context

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
        m = _ANSWER.match(text[lo:hi])  # '^' anchors at the slice, not at ``lo`` of the whole text
        start = lo + m.end() if m else lo
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
    for m in lexicon().sent_end.finditer(text, lo, hi):
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
        prev_end = quotes[qi - 1].after if qi and quotes[qi - 1].end_para == q.para else plo
        bound = _sentence_start(text, max(plo, prev_end), q.open)
        prefix = text[bound : q.open]
        elo, ehi = paras[q.end_para]
        nxt = quotes[qi + 1].open if qi + 1 < len(quotes) and quotes[qi + 1].para == q.end_para else ehi
        tail_lo = min(q.after, nxt) if q.closed else ehi
        m_end = lexicon().sent_end.search(text, tail_lo, nxt)
        tail_hi = m_end.start() if m_end else nxt
        tail = text[tail_lo:tail_hi] if _tail_is_attribution(text, q, tail_lo, tail_hi) else ""
        prev_tail = text[tails[-1][0] : tails[-1][1]].rstrip() if out else ""
        if out and ends[-1] == q.open and prev_tail.endswith(",") and not _opens_own_quote(prev_tail):
            prev = out[-1]  # '"We will win," she said, "and soon."': one statement
            prev.gaps.append((prev.end, q.start))
            prev.end, prev.span = q.end, (prev.span[0], max(prev.span[1], q.after))
            ends[-1] = q.after
            direct_spans.append((q.start, q.end))
            continue
        noun_at = None if ctx is None else functools.partial(_noun_at, ctx, q.para, bound)
        head = _parse_head(prefix, noun_at)
        if head is None and ctx is not None and (prefix.rstrip().endswith(":") or _issued_words(prefix)):
            head = _colon_head(ctx, q.para, bound, prefix)
        if head is None and ctx is not None and prefix.rstrip().endswith((",", ":")):
            head = _long_head(ctx, q.para, bound, prefix)
        tail_attr = _parse_tail(tail) if tail.strip() else None
        start, gaps = q.start, []
        end, partial = q.end, False
        if prefix.strip() and head is None and not _introduced(text, q, prefix, tail_attr):
            if not (m_end is not None and tail_hi == m_end.start() and _clause_before(ctx, q, bound, prefix, tail, tail_attr)):
                continue  # embedded (partial) quote: reported speech, handled by the parse pass
            # 'He would win "no matter what," one voter said.': the sentence up to its tail is what was said
            start, end, partial = bound + len(prefix) - len(prefix.lstrip()), q.after, True
        if head is None and tail_attr is None and q.words(text) < 4 and not (out and _continues(text, out[-1], ends[-1], q)):
            continue  # a scare quote or a title standing alone (not '"...," she said. "We are hopeful."')
        if _names_a_work(ctx, q, prefix, tail_attr) or head is None and tail_attr is None and _subhead(text, paras, q):
            continue
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
            rel = _RELATIVE.search(phrase) if inverted and phrase else None
            if phrase and rel is not None and lex.verb_re.match(phrase, rel.end()):
                # '"...," said X, who said CLAUSE': the relative clause reports words of its own (a
                # quotation right after it still goes on from this one)
                phrase = phrase[: rel.start()]
                consumed.append((tail_lo, phrase_start + len(phrase)))
            else:
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
                        phrase_start, gaps = split, [(split, q.open + q.olen)]
                    phrase, phrase_start = _clause_subject(ctx, q.para, phrase, phrase_start)
            if hverb:
                verbs.append(lex.forms.get(hverb.lower(), hverb.lower()))
                cue = cue or _word_in(text, bound, q.open, hverb, last=True)
            attribution = prefix + " " + attribution
            attribution_at = [(bound, q.open), *(attribution_at or [(q.open, q.open)])]
            h_at = _word_in(text, bound, q.open, hverb, last=True) if hverb else None
            # from the head's verb on: an earlier clause of the head ("X noted that ..., and added:")
            # is reported speech of its own
            consumed.append((h_at[0] if h_at else bound, q.open))
        if head is not None and tail_attr is None and not gaps and ctx is not None:
            goes_on = _clause_goes_on(ctx, q, tail_hi)
            if goes_on is not None:  # 'said "it makes me angry" whenever the ferry is late': one clause
                start, end, partial = q.open, goes_on, True
        direct_spans.append((q.start, q.end))
        if not gaps and phrase is None and out and _continues(text, out[-1], ends[-1], q):
            prev = out[-1]  # '"We will win," she said, "and soon."': one statement
            prev.gaps.append((prev.end, q.start))
            prev.end = q.end
            prev.span = (prev.span[0], max(tail_hi, q.after))
            ends[-1] = tail_hi if tail else q.after
            tails[-1] = (tail_lo, tail_hi) if tail else (q.after, q.after)
            continue
        out.append(
            Candidate(
                start=start,
                end=end,
                direct=not gaps and not partial,
                phrase=phrase,
                phrase_start=phrase_start,
                verbs=verbs,
                attribution=attribution,
                span=(bound, max(tail_hi, q.after)),
                para=q.para,
                inverted=inverted,
                cue=cue,
                attribution_at=attribution_at,
                gaps=gaps,
            )
        )
        ends.append(tail_hi if tail else q.after)
        tails.append((tail_lo, tail_hi) if tail else (q.after, q.after))
    return out + extras


_TOLD_END = re.compile(r"\b(?:told|tells|tell|telling)\s*$", re.IGNORECASE)
_APPOSITION = re.compile(r"(?<![\s,]),?\s+(?:an?|the)\s+\w")
_TITLE_WORD = re.compile(r"[^\W\d_][\w'\u2019-]*")


def _title_case(words: list[str]) -> bool:
    """'Rivers Of The North', 'RESULTS DUE FRIDAY': every word but the small ones capitalized."""
    small = lexicon().title_small_words
    big = [w for i, w in enumerate(words) if i == 0 or w.lower() not in small]
    return 0 < len(words) <= 8 and len(big) >= 2 and all(w[0].isupper() for w in big)


def _names_a_work(ctx: Context | None, q: Quote, prefix: str, tail_attr: tuple[str | None, str | None, bool, int] | None) -> bool:
    """'"Rivers Of The North" star X', '"Echoes From the Border," a radio drama', 'told "Morning
    Hour"': a quotation in title case that a noun after it qualifies, that an apposition
    describes or that is told something names a show, a book or a column; nobody said it."""
    if ctx is None:
        return False
    text = ctx.document.text
    if not _title_case(_TITLE_WORD.findall(text[q.start : q.end])):
        return False
    if _TOLD_END.search(prefix):
        return True
    if tail_attr is not None:
        return False
    if _APPOSITION.match(text, q.after):
        return True
    para = ctx.paragraphs[q.end_para]
    nxt = para.doc.char_span(q.after - para.start, min(para.end, q.after + 40) - para.start, alignment_mode="expand")
    return nxt is not None and len(nxt) > 0 and nxt[0].pos_ == "NOUN" and nxt[0].text.islower()


def _subhead(text: str, paras: list[tuple[int, int]], q: Quote) -> bool:
    """'“ANOTHER LONG NIGHT FOR THE CLERKS”' as a paragraph of its own, with no attribution: a
    subheading in capitals between the paragraphs of a story, not words of the last speaker."""
    lo, hi = paras[q.para]
    words = _TITLE_WORD.findall(text[q.start : q.end])
    return (
        q.end_para == q.para
        and not text[lo : q.open].strip()
        and not text[q.after : hi].strip()
        and len(words) >= 2
        and all(w.isupper() for w in words)
    )


def _clause_before(
    ctx: Context | None,
    q: Quote,
    bound: int,
    prefix: str,
    tail: str,
    tail_attr: tuple[str | None, str | None, bool, int] | None,
) -> bool:
    """'He would win "no matter what," one voter said.': words opening the sentence before a partial
    quotation, credited with it by a tail that ends the sentence and begins right after the mark, are
    a clause with no reporting verb of its own (that one would be read by the parse pass)."""
    if ctx is None or tail_attr is None or not q.closed:
        return False
    phrase, verb, inverted, p_off = tail_attr
    if not phrase or not verb:
        return False
    lex = lexicon()
    if lex.verbs.get(lex.forms.get(verb.lower(), ""), ("", 1.0))[1] != 0:
        return False  # a neutral verb of saying ('said', 'wrote', 'commented'), not 'which recounts'
    if inverted and not re.match(r"(?:[A-Z]|(?:the|a|an|one|another)\s)", phrase) or lex.verb_re.search(phrase):
        return False  # '"...," says she warned ...': no speaker named after the verb
    if not inverted and (len(phrase.split()) > 8 or phrase.split()[0].lower() in _GOES_ON):
        return False  # '"...," but he kept calm and responded': a clause going on, not a speaker
    lead = len(tail) - len(tail.lstrip(" ,"))
    comma = ctx.document.text[q.start : q.close].rstrip().endswith(",") or tail.lstrip().startswith(",")
    if not comma or not (tail[lead:].startswith(verb) if inverted else p_off == lead):
        return False  # '"absolutely" planning a counterattack, X told ...': the sentence goes on first
    p = prefix.strip()
    if len(p.split()) < 3 or p.endswith((":", ",", ";")) or lex.verb_re.search(p):
        return False
    para = ctx.paragraphs[q.para]
    lo = bound + len(prefix) - len(prefix.lstrip())
    span = para.doc.char_span(lo - para.start, lo + len(p) - para.start, alignment_mode="contract")
    return span is not None and len(span) >= 3 and bool(span[0].is_sent_start) and _is_clause(span)


def _clause_goes_on(ctx: Context, q: Quote, sentence_end: int) -> int | None:
    """Where the clause a quotation opens ends, when the sentence goes on past its closing mark
    with a finite verb ('said that "every candidate on stage" - including Cruz - favored it', 'said
    "it makes me angry" whenever the ferry is late'): the quoted words are part of what was said,
    not all of it. None when the quotation ends its sentence or a comma closes it."""
    text = ctx.document.text
    quoted = text[q.start : q.close].rstrip()
    if not q.closed or q.end_para != q.para or not quoted or quoted[-1] in ".?!,;:":
        return None  # '"We'll see," when asked ...': the quotation closes its own clause
    rest = text[q.after : sentence_end]
    if not rest.strip() or not rest[:1].isspace() or rest.lstrip()[:1] in (",", ";", ":", "(", "."):
        return None
    para = ctx.paragraphs[q.para]
    span = para.doc.char_span(q.after - para.start, sentence_end - para.start, alignment_mode="contract")
    if span is None or span[0].dep_ == "cc" or _relative_start(span) or not any(t.tag_ in _FINITE and t.dep_ != "conj" for t in span):
        return None  # 'called it "a disgrace" on Monday', 'said "we will win" and left': no clause goes on
    last = span[-1]
    while last.i > span.start and last.is_punct:
        last = span.doc[last.i - 1]
    return para.start + last.idx + len(last.text)


_RELATIVE_WORDS = frozenset(["which", "who", "whom", "whose", "where"])


def _relative_start(span: SpacySpan) -> bool:
    """'a column, "Harbor Notes," in which the editor ...': a relative clause on the quoted
    words tells what they are, it does not go on with them."""
    return span[0].lower_ in _RELATIVE_WORDS or len(span) > 1 and span[0].dep_ == "prep" and span[1].lower_ in _RELATIVE_WORDS


#: '"...," he said, adding (of the mayor), "..."', '..., and added, "..."': the tail ends in a second
#: reporting verb (what it governs, if anything, a short phrase) that opens a quotation of its own
_SECOND_VERB_END = re.compile(
    r",\s+(?:and\s+|before\s+|then\s+|and\s+then\s+)?(?P<v>[a-z]+)(?:\s+(?:of|about|on|to)\s+[^,\"\u201c\u201d]{1,40})?,$",
    re.IGNORECASE,
)


def _opens_own_quote(tail: str) -> bool:
    """Does a quotation's tail end in a second reporting verb, so that the next quotation is that
    verb's, not the first one going on?"""
    m = _SECOND_VERB_END.search(tail)
    if m is None:
        return False
    verb = m.group("v").lower()
    return (verb.endswith("ing") or m.group(0).lstrip(", ").lower().startswith("and")) and verb in lexicon().forms


#: ', who said', ', who also wrote': a relative clause that reports words of its own
_RELATIVE = re.compile(r",\s+(?:who|which)\s+(?:(?:also|later|then|has|had|\w+ly)\s+)?")
_WENT_ON = re.compile(r",\s+(?:and\s+|while\s+|before\s+|after\s+)?(?:also\s+)?(?P<v>[a-z]+ing)\s+(?:that\s+)?", re.IGNORECASE)


def _went_on(ctx: Context | None, pi: int, lo: int, hi: int, after: int) -> tuple[int, int, int, int] | None:
    """'"...," she said, adding that CLAUSE': where the reporting participle stands and where what
    it reports begins and ends (a clause with a finite verb, to the end of its sentence)."""
    if ctx is None:
        return None
    text = ctx.document.text
    lex = lexicon()
    m = _WENT_ON.search(text, max(lo, after), hi)
    if m is None or lex.forms.get(m.group("v").lower()) not in lex.verbs or ANONYMITY.match(text, m.end("v")):
        return None  # (nor '..., asking not to be named': the source's terms)
    c_lo = m.end()
    para = ctx.paragraphs[pi]
    doc = para.doc
    span = doc.char_span(c_lo - para.start, hi - para.start, alignment_mode="contract")
    if span is not None and len(span) and span.end < span[0].sent.end:
        span = doc[span.start : span[0].sent.end]  # 'adding that he thinks "...": the tail stopped at the mark
    if span is None or len(span) < 3 or not _is_clause(span) or span[0].pos_ == "ADP":
        return None
    # the clause runs to the end of its sentence, a partial quote in it included ('would "not ..."')
    j = max(span.end, span[0].sent.end)
    while j > span.start + 1 and doc[j - 1].is_punct and doc[j - 1].text not in QUOTE_TOKENS:
        j -= 1
    return m.start("v"), m.end("v"), c_lo, para.start + doc[j - 1].idx + len(doc[j - 1].text)


def _word_in(text: str, lo: int, hi: int, word: str, last: bool = False) -> tuple[int, int] | None:
    """Where the attribution parser's verb stands in the words it parsed; ``last`` for a head, whose
    verb is the one nearest the quotation ('X said CLAUSE, but said: "..."')."""
    found = list(re.finditer(rf"\b{re.escape(word)}\b", text[lo:hi]))
    m = found[-1] if last and found else found[0] if found else None
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
    q_tok = doc.char_span(q.open - para.start, q.open - para.start + q.olen, alignment_mode="expand")
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
    climbed = False
    for _ in range(3):
        if verb is None:
            break
        subj = _subject(verb)
        if subj is not None or verb.head.i == verb.i:
            break
        verb, climbed = verb.head, True
    lex = lexicon()
    while climbed and subj is not None and verb is not None and verb.dep_ == "ccomp" and verb.head.lemma_.lower() in lex.verbs:
        # "X wrote the guards knew ..., saying": the participle the parse hung on what X wrote is X's
        up = _subject(verb.head)
        if up is None:
            break
        subj, verb = up, verb.head
    if subj is None or not (span.start <= subj.left_edge.i and subj.right_edge.i < span.end):
        return phrase, start
    sub = doc[subj.left_edge.i : subj.right_edge.i + 1]
    if any(t.pos_ in ("VERB", "AUX") for t in sub) and len(sub) > 3:
        return phrase, start
    return sub.text, para.start + sub.start_char


def _introduced(text: str, q: Quote, prefix: str, tail_attr: tuple[str | None, str | None, bool, int] | None) -> bool:
    """'It may matter more: "We will win," X wrote.': a whole quoted sentence after a colon that names
    no speaker, credited by its tail, is what the tail's speaker said; the words before the colon are
    the writer's."""
    return (
        tail_attr is not None
        and tail_attr[0] is not None
        and prefix.rstrip().endswith(":")
        and text[q.start : q.start + 1].isupper()
        and q.words(text) >= 4
    )


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
        if v is not None and (0 < len(stripped[: v.start()].split()) <= 4 or _APPOSED.match(stripped[: v.start()])):
            rest = stripped[v.end() :].lstrip()
            return not re.match(r"(?:that\b|[a-z]+\s+(?:is|are|was|were|will|would|has|had)\b)", rest)
    return text[q.end - 1 : q.end] not in ".!?\u2026" and lexicon().verb_re.search(stripped[:80]) is not None


def _parse_head(prefix: str, noun_at: Callable[[int], bool] | None = None) -> tuple[str, str, int] | None:
    """'X said:' / 'X responded on Twitter:' / 'X said' before a quote -> (phrase, verb, offset).

    ``noun_at``: whether the word at an offset of the prefix is parsed as a noun ('would restore
    order "within weeks"': no reporting verb; a head ending in a colon or a comma is one whatever
    its last word: 'delivered remarks:')."""
    p = prefix.rstrip()
    if not p:
        return None
    lex = lexicon()
    # a form after an article or a possessive is a noun ('saying his remark "..."'), unless it ends an
    # introduction ('From the report:', 'As The Post puts it,')
    verbs = [
        v for v in lex.verb_re.finditer(p)
        if p.endswith((":", ",")) or not _after_noun_word(p, v) and not (noun_at is not None and noun_at(v.start()))
    ]  # fmt: skip
    if not verbs:
        return None
    v = verbs[-1]
    mid = p[v.end() :]
    if not (p.endswith((":", ",")) or re.fullmatch(r"\s*(?:that)?\s*", mid)):
        return None
    if len(mid.split()) > 8:
        return None
    phrase = _AUX_END.sub("", p[: v.start()].rstrip())
    if phrase.strip(" ,;").lower() in _OPENERS and mid.strip(" ,:"):
        # 'But, said Jane Roe, "..."': the speaker follows the verb
        after = mid.rstrip().rstrip(",:").rstrip()
        off = v.end() + len(after) - len(after.lstrip())
        return after.strip(), v.group(0), off
    if not phrase.strip() or len(phrase.split()) > 14:
        return None
    off = len(phrase) - len(phrase.lstrip())
    return phrase, v.group(0), off


#: words that can open a sentence before an inverted attribution ("But, said X, ...")
_OPENERS = frozenset(["", "but", "and", "yet", "still", "however", "so", "now", "then", "instead"])


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
    v = _verb_in(body)
    if v is None or len(body[: v.start()].split()) > 14 and not _APPOSED.match(body[: v.start()]):
        return None
    first = body.split(maxsplit=1)[0].lower() if body.strip() else ""
    if v.start() and first in _GOES_ON and (later := _after_comma(body)) is not None:
        # '"..." if she loses, said X' / '"..." that would answer it, X wrote': the quoted words
        # go on unquoted; who said them follows the last comma
        p_lo, p_hi, verb, inverted = later
        return body[p_lo:p_hi], verb, inverted, off + p_lo
    if v.start() == 0:
        if v.group(0).lower().endswith("ing"):
            return None  # '"...," adding that ...': a participle going on, no speaker after it
        after = body[v.end() :]
        a_off = len(after) - len(after.lstrip())
        phrase = after.strip()
        if not re.search(r"\w", phrase):
            return None
        return phrase, v.group(0), True, off + v.end() + a_off
    phrase = _AUX_END.sub("", body[: v.start()].rstrip())
    if len(phrase.split()) > 14:  # a name and an apposition too long to read as a role: the name
        phrase = phrase[: phrase.index(",")]
    phrase = re.sub(r"(?<!\s)\s+(?:was|were)\s+quoted\s+as$", "", phrase)
    if re.fullmatch(r"(?:when|if|after|before|as|while|once|whenever)(?:\s+\w+ly)?", phrase.strip(), re.IGNORECASE):
        return None  # '..." when asked whether ...': a circumstance, not who said it
    return phrase, v.group(0), False, off


#: 'Trump, the party's frontrunner and ... primaries, said': a name and a long apposition before the verb
_APPOSED = re.compile(r"\A\s*[A-Z][\w.'\u2019-]*(?: [A-Z][\w.'\u2019-]*){0,3}, [^\n]{1,240},\s*$")


#: words that open a clause going on after a quotation's closing mark, not a speaker
_GOES_ON = frozenset(
    ["if", "that", "which", "who", "when", "where", "because", "although", "though", "unless", "while"]
    + ["since", "until", "whether", "and", "but", "or", "so", "as", "after", "before", "to", "like", "than"]
    # ('"We are happy" about the decision, said X': a phrase that finishes the quoted sentence)
    + ["about", "of", "on", "over", "for", "against", "with", "at", "in", "from", "during"]
)


def _after_comma(body: str) -> tuple[int, int, str, bool] | None:
    """The speaker after the last comma before the first reporting verb that follows a comma:
    (start, end, verb, inverted) for ', X wrote' or ', said X'."""
    for v in lexicon().verb_re.finditer(body):
        cut = body.rfind(",", 0, v.start())
        if cut < 0:
            continue
        seg = body[cut + 1 : v.start()]
        if not seg.strip():  # ', said X'
            rest = body[v.end() :]
            name = rest.strip()
            if len(name.split()) > 14:  # ', said X, director of ..., a union that ...': the name
                name = name.split(",", 1)[0]
            if not re.search(r"\w", name) or len(name.split()) > 14:
                return None
            at = v.end() + len(rest) - len(rest.lstrip())
            return at, at + len(name), v.group(0), True
        words = seg.split()
        if len(words) > 10 or words[0].lower() in _GOES_ON:
            return None
        phrase = _AUX_END.sub("", seg.strip())
        at = cut + 1 + len(seg) - len(seg.lstrip())
        return at, at + len(phrase), v.group(0), False
    return None


#: words after which a reporting verb's form is a noun ("secretary of state", "the answer")
_NOUN_BEFORE = frozenset(["of", "the", "a", "an", "his", "her", "its", "their", "our", "whose"])


def _noun_at(ctx: Context, pi: int, bound: int, offset: int) -> bool:
    """Is the word ``offset`` characters after text offset ``bound`` parsed as a noun that is
    another word's object ("restore order")? (Not any noun: the small model tags some reporting
    verbs of headlines as nouns.)"""
    at = bound + offset
    para = ctx.paragraphs[pi]
    span = para.doc.char_span(at - para.start, at - para.start + 1, alignment_mode="expand")
    return span is not None and len(span) == 1 and span[0].pos_ == "NOUN" and span[0].dep_ in ("dobj", "pobj")


def _after_noun_word(body: str, v: re.Match[str]) -> bool:
    """Is the reporting verb's form a noun here, after an article or a possessive ("his remark")?"""
    before = body[: v.start()].split()
    return bool(before) and before[-1].lower() in _NOUN_BEFORE


def _verb_in(body: str) -> re.Match[str] | None:
    """The first reporting verb of a tail that is not a noun ("X, secretary of state, said")."""
    return next((v for v in lexicon().verb_re.finditer(body) if not _after_noun_word(body, v)), None)


def _issued_words(prefix: str) -> bool:
    """'the governor issued a statement, "..."': a head whose last word, before a comma, is a
    statement, a message or a letter someone put out introduces its words as a colon would."""
    head = prefix.rstrip()
    if not head.endswith(","):
        return False
    last = head[:-1].rstrip().rsplit(None, 1)[-1].lower() if head[:-1].strip() else ""
    return last in lexicon().speech_nouns


def _colon_head(ctx: Context, pi: int, bound: int, prefix: str) -> tuple[str, str, int] | None:
    """'Trump boomed: "..."', 'She addressed the crowd again: "..."', 'Jones: "..."': a head ending in
    a colon whose verb is not a reporting verb (or that is a bare name) introduces what its subject
    said. Returns (phrase, verb, offset of the phrase in the prefix) like ``_parse_head``."""
    para = ctx.paragraphs[pi]
    doc = para.doc
    p = prefix.rstrip()[:-1].rstrip()
    lead = len(p) - len(p.lstrip())
    span = doc.char_span(bound + lead - para.start, bound + len(p) - para.start, alignment_mode="contract")
    if span is None or not len(span) or len(span) > 30:
        return None
    if len(span) <= 8 and span[-1].pos_ == "PROPN" and not any(t.pos_ in ("VERB", "AUX", "ADP") for t in span):
        if not all(t.pos_ in ("PROPN", "PUNCT", "CCONJ", "ADJ", "NOUN", "DET") for t in span):
            return None
        return span.text, "", lead  # 'Jones and Smith: "..."', 'Republican pollster Jane Doe: "..."'
    verbs = [t for t in span if t.pos_ == "VERB"]
    if not verbs:
        return None
    verb = verbs[-1]
    subj = _subject(verb)
    if (
        (subj is None or not _speaks(subj))
        and verb.dep_ in ("ccomp", "pcomp", "relcl", "xcomp", "advcl")
        and span.root.pos_ == "VERB"
        and not any(t.lemma_.lower() in lexicon().verbs for t in span if t.i > span.root.i)
    ):
        # "The mayor has since apologized for what took place:": the clause's own verb, not the
        # last one of an object clause (unless a reporting verb after it says a clause of its own)
        verb = span.root
        subj = _subject(verb)
    v = verb
    for _ in range(3):  # 'the cleric is shown lecturing:', 'X stepped forward, leaned in and boomed:'
        if subj is not None or not (v.tag_ == "VBG" or v.dep_ in ("conj", "dep")) or v.head.i == v.i:
            break
        v = v.head
        subj = _subject(v)
    if subj is None or not (span.start <= subj.left_edge.i and subj.i < verb.i) or not _speaks(subj):
        return None
    if any(c.dep_ == "neg" for c in verb.children):
        return None
    hi = min([c.left_edge.i for c in subj.children if c.dep_ in ("relcl", "acl") and c.i > subj.i], default=subj.right_edge.i + 1)
    while hi > subj.i + 1 and (doc[hi - 1].is_punct or doc[hi - 1].lower_ in ("who", "which", "that")):
        hi -= 1  # 'a party aide who spoke anonymously': the relative clause is no part of the role
    sub = doc[subj.left_edge.i : hi]
    return sub.text, verb.text, para.start + sub.start_char - bound


def _long_head(ctx: Context, pi: int, bound: int, prefix: str) -> tuple[str, str, int] | None:
    """'Although ..., a party aide who spoke anonymously to describe the talks said Friday, "..."': a head too
    long for ``_parse_head`` whose reporting verb ends it; its subject, found through the parse, is
    who said the quotation."""
    p = prefix.rstrip()[:-1].rstrip()
    verbs = list(lexicon().verb_re.finditer(p))
    if not verbs or len(p[verbs[-1].end() :].split()) > 3:
        return None
    para = ctx.paragraphs[pi]
    doc = para.doc
    v_at = bound + verbs[-1].start() - para.start
    span = doc.char_span(v_at, v_at + len(verbs[-1].group(0)), alignment_mode="expand")
    if span is None or len(span) != 1 or span[0].pos_ != "VERB":
        return None
    verb = span[0]
    first = doc.char_span(bound - para.start, v_at, alignment_mode="expand")
    if any(c.dep_ == "neg" or c.dep_ in ("ccomp", "dobj") and c.i < verb.i + 1 + len(p[verbs[-1].end() :].split()) for c in verb.children):
        return None  # 'said the plan was sound, "...": the verb reports a clause of its own
    subj = _subject(verb) or _misparsed_subject(verb, quoted=True)
    if subj is None or first is None or subj.left_edge.i < first.start or subj.i > verb.i or not _speaks(subj):
        return None
    hi = min([c.left_edge.i for c in subj.children if c.dep_ in ("relcl", "acl") and c.i > subj.i], default=subj.right_edge.i + 1)
    while hi > subj.i + 1 and (doc[hi - 1].is_punct or doc[hi - 1].lower_ in ("who", "which", "that")):
        hi -= 1  # 'a party aide who spoke anonymously': the relative clause is no part of the role
    sub = doc[subj.left_edge.i : hi]
    return sub.text, verb.text, para.start + sub.start_char - bound
