"""Passes 2 and 3: reported speech found by the parse (a reporting verb with a subject and what
was said; questions put to someone; "CLAUSE, X said") and "according to X, ..."."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .candidate import (
    _ACCORDING,
    _ADDRESSING,
    _COMPLEMENT_DEPS,
    _NEUTRAL_TELL,
    _PARTICIPLE_DEPS,
    Candidate,
    _all_quoted,
    _inside,
    _subject,
)
from .lexicon import lexicon
from .quotes import QUOTE_TOKENS, Quote, double_marks, mark_at
from .speakers import (
    is_bad_subject,
)

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

    from ..context import Context

#: "..., and said" closing a reported clause; bounded gaps keep it linear on a long run of spaces
_AND_VERB_AT_END = re.compile(r"[\s,]{1,20}(?:and|but)\s{1,20}(?:\w+ly\s{1,20})?(?P<v>\w+)$")

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
                if tok.i in used or tok.pos_ != "VERB":
                    continue
                lemma = tok.lemma_.lower()
                if lemma not in lex.verbs and not (lemma in lex.quote_verbs and _says_clause(tok)):
                    continue
                pos = para.start + tok.idx
                if _inside(consumed, pos) or _inside(direct_spans, pos):
                    continue
                cand = _reported_from_verb(ctx, para.start, pi, sent, tok, used, direct_spans)
                if cand is not None:
                    out.append(cand)
            out += _according(text, para.start, pi, sent, direct_spans, consumed)
            if quotes:
                out += _quoted_clauses(ctx, para.start, pi, sent, used, quotes, out, direct_spans, consumed)
    return out


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
        c.lower_ in {"on", "upon", "for"} and c.i == tok.i + 1 or c.dep_ == "ccomp" for c in tok.children
    ):
        return None  # "called the checkpoint hell (on Monday)" names, it does not appeal
    subj = _subject(tok)
    if tok.lemma_.lower() == "ask" and tok.tag_ == "VBN" and (subj is None or subj.dep_ == "nsubjpass"):
        return _asked(ctx, base, pi, sent, tok, subj, used)
    if subj is None:
        head = tok.head
        if tok.dep_ in _PARTICIPLE_DEPS and tok.tag_ == "VBG" and head.i != tok.i:
            subj = _subject(head)
        elif (
            tok.dep_ in ("advcl", "xcomp")
            and tok.tag_ == "VB"
            and head.i < tok.i
            and head.lemma_.lower() in lex.purpose_heads
            and not any(c.dep_ == "neg" for c in head.children)
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
            and any(c.dep_ == "ccomp" and c.i > tok.i for c in tok.children)
        ):
            subj = _subject(head)  # "took to Twitter to say ...": the one who took to it says it
        elif tok.dep_ == "conj" and head.i != tok.i and head.lemma_.lower() in lex.verbs:
            subj = _subject(head)  # "claimed that ... and said ...": the subject is shared
        elif (
            tok.dep_ == "conj"
            and head.pos_ in ("VERB", "AUX")
            and any(c.dep_ == "ccomp" or _is_question(c) for c in tok.children)
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
            or not (noun.pos_ == "PROPN" or noun.pos_ == "NOUN" and _speaks(noun))
            or not any(c.dep_ == "ccomp" for c in tok.children)
        ):
            return None
        relative = noun  # "Barkley, who said he votes ...", "experts who say ...": the noun the clause hangs on
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
    if not pieces and (as_clause := _as_clause(tok)) is not None:
        pieces.append(as_clause[0])  # "As the Globe noted, CLAUSE": the clause the as-clause hangs on
        gaps = [as_clause[1]] if as_clause[1] else []
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
    nxt = [c for c in tok.children if c.dep_ == "conj" and c.i > lo and c.lemma_.lower() in lex.verbs]
    if nxt and not any(a <= nxt[0].i < b for a, b in pieces if (a, b) != (tok.i + 1, tok.right_edge.i + 1)):
        # "criticized the plan, and said (that) ...": the next reporting verb is its own statement
        cc = [c.i for c in tok.children if c.dep_ in ("cc", "punct") and lo < c.i < nxt[0].i]
        hi = min(hi, min(cc, default=nxt[0].left_edge.i))
    while lo < hi and (doc[lo].is_punct and doc[lo].text not in QUOTE_TOKENS or doc[lo].lower_ == "that"):
        lo += 1
    while hi > lo and doc[hi - 1].is_punct and doc[hi - 1].text not in QUOTE_TOKENS:
        hi -= 1
    short_ok = lex.verbs.get(tok.lemma_.lower(), ("other", 0))[0] in {"deny", "reject", "accuse"}
    if hi - lo < (2 if short_ok else 3):
        return None
    if s_lo < hi and lo < s_hi and not gaps and s_lo > lo and doc[lo].tag_ in ("WDT", "WP") and tok.i + 1 < hi:
        lo = tok.i + 1  # "a wall, which he said Mexico should pay for": what he said follows the verb
    elif s_lo < hi and lo < s_hi and not gaps:  # the subject inside the complement: parse went wrong
        if s_lo <= lo:
            lo = s_hi
        else:
            hi = s_lo
        if hi - lo < 3:
            return None
    start, end = base + doc[lo].idx, base + doc[hi - 1].idx + len(doc[hi - 1].text)
    if any(a <= start and end <= b for a, b in direct_spans):
        return None
    cut = min((a for a, _ in direct_spans if start < a < end), default=None)
    if cut is not None:  # running into a direct quotation ("told X that ... and said: \"...\""): stop before it
        kept = ctx.document.text[start : cut - 1].rstrip(" \t\n,;:\u2014\u2013-")
        conj = _AND_VERB_AT_END.search(kept)
        if conj is not None and conj.group("v").lower() in lex.forms:
            kept = kept[: conj.start()]  # "... and said: \"...\"": the next statement's attribution
        last = kept.split()[-1].lower() if kept.split() else ""
        if len(kept) < 10 or last in lex.forms:
            return None  # what was said is the quotation itself ("quoted X as saying: \"...\"")
        end = start + len(kept)
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


def _as_clause(tok: Token) -> tuple[tuple[int, int], tuple[int, int] | None] | None:
    """'As the Globe noted, CLAUSE' / 'CLAUSE, as X said.' / 'A, as X said, B': a bare reporting verb
    in an as-clause set off by commas reports the clause it hangs on. Returns that clause's tokens
    and, when the as-clause stands inside it, the gap (commas included)."""
    head = tok.head
    if tok.dep_ != "advcl" or head.i == tok.i or head.pos_ not in ("VERB", "AUX"):
        return None
    doc = tok.doc
    lo, hi = tok.left_edge.i, tok.right_edge.i + 1
    while hi > lo + 1 and doc[hi - 1].is_punct:
        hi -= 1
    if doc[lo].lower_ != "as" or doc[lo].dep_ != "mark":
        return None  # "even as advocates called for ...": a circumstance
    if any(
        c.i > tok.i and (c.dep_ in _ARGUMENT_DEPS - {"prt"} or c.dep_ == "prep" and c.lower_ not in _ADJUNCT_PREPS)
        for c in tok.children
    ):
        return None  # "as he told reporters that ...", "as X called for ...": not bare
    c_lo, c_hi = head.left_edge.i, head.right_edge.i + 1
    while c_hi > c_lo + 1 and doc[c_hi - 1].is_punct:
        c_hi -= 1
    before = lo > c_lo and (
        doc[lo - 1].text == "," or lo - 1 > c_lo and doc[lo - 1].text in QUOTE_TOKENS and doc[lo - 2].text == ","
    )
    after = hi < c_hi and doc[hi].text == ","
    if after and all(t.dep_ in ("cc", "punct") for t in doc[c_lo:lo]):  # "(But) as X noted, CLAUSE"
        return (hi + 1, c_hi), None
    if hi == c_hi and before:  # "CLAUSE, as X said."
        return (c_lo, lo - 1), None
    if before and after:  # "A, as X said, B"
        return (c_lo, c_hi), (lo - 1 if doc[lo - 1].text == "," else lo, hi + 1)  # a closing mark stays
    return None  # "... as she angrily said, \"...\"": a time, not a source


def _says_clause(tok: Token) -> bool:
    """'recalled that ...', 'joked that ...': the verb takes a finite clause of what was said."""
    return any(c.dep_ == "ccomp" and c.i > tok.i and c.tag_ in _FINITE | {"VBN"} for c in tok.children)


def _is_question(c: Token) -> bool:
    """'if they planned to vote', 'whether he would run': an indirect question hung on the verb."""
    return c.dep_ in ("advcl", "ccomp") and any(m.dep_ == "mark" and m.lower_ in ("if", "whether") for m in c.children)


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
    while hi > lo and doc[hi - 1].is_punct and doc[hi - 1].text not in QUOTE_TOKENS:
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
    subj = _subject(tok)
    if (
        j + 1 == tok.i
        and subj is not None
        and sent.start + 1 < subj.left_edge.i < subj.i < j
        and subj.right_edge.i >= j - 1
        and doc[subj.left_edge.i - 1].text == ","
    ):  # "CLAUSE, a spokeswoman, Ann Lee, said": the subject and its appositive between the commas
        ph_lo, ph_hi = subj.left_edge.i, j
        j = subj.left_edge.i - 1
    elif j + 1 == tok.i:  # "CLAUSE, said X ..." (inverted): the speaker follows the verb
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
    while lo < hi and doc[lo].is_punct and doc[lo].text not in QUOTE_TOKENS:
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
    return any(t.tag_ in _FINITE or t.text in QUOTE_TOKENS for t in span)


#: "according to UN figures": numbers from a record, not something said (the figures pass reads them);
#: a poll, a survey, a report or a study does state what it found ("according to a new poll, ...")
_FIGURES = re.compile(
    r"\b(?:figures?|estimates?|data|statistics|copy|count|tally|records?)\b",
    re.IGNORECASE,
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
    if not m or _FIGURES.search(m.group("s")) or _inside(direct_spans, s_start + m.start()):
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


_TITLE_SMALL = frozenset(["a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "with", "by", "from"])
_OTHER_CLAUSE = frozenset(["advcl", "csubj", "nsubj", "nsubjpass", "parataxis"])
_PERSON_PRONOUNS = frozenset(["he", "she", "they", "we", "i"])
_NAMING_ENTS = frozenset(["PERSON", "ORG", "NORP", "GPE"])


def _speaks(subj: Token) -> bool:
    """Can this subject have said the words it is credited with: a name, a person pronoun, a role
    or a speaking body ("the campaign", "protesters"); not a thing ("the ad", "the plan")."""
    lex = lexicon()
    if subj.lower_ in _PERSON_PRONOUNS:
        return True
    if subj.ent_type_ in _NAMING_ENTS or subj.pos_ == "PROPN":
        return True
    if subj.pos_ != "NOUN":
        return False
    return any(w in lex.roles or w in lex.speaking_nouns for w in (subj.lemma_.lower(), subj.lower_))


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
        subj = _subject(verb)
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
        if len(qwords) < 2 and not (speaker.ent_type_ == "PERSON" or speaker.lower_ in {"he", "she"}):
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
