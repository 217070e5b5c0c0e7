"""Passes 2 and 3: reported speech found by the parse (a reporting verb with a subject and what
was said; questions put to someone; "CLAUSE, X said") and "according to X, ..."."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .candidate import (
    _ACCORDING,
    _ADDRESSING,
    _ADJUNCT_PREPS,
    _ARGUMENT_DEPS,
    _COMPLEMENT_DEPS,
    _FINITE,
    _NEUTRAL_TELL,
    _PARTICIPLE_DEPS,
    ANONYMITY,
    ON_CONDITION,
    Candidate,
    _all_quoted,
    _inside,
    _is_clause,
    _misparsed_subject,
    _shared_subject,
    _speaks,
    _subject,
    speaker_goes_on,
    subjectless,
    teller_above,
)
from .fronted import _SUBORDINATE, _as_clause, _fronted, circumstance
from .lexicon import lexicon
from .nominal import nominal_claims
from .organizations import is_bad_subject
from .quoted_clause import _quoted_clauses
from .quotes import QUOTE_TOKENS, Quote

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

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
                if lemma not in lex.verbs and not (
                    lemma in lex.quote_verbs and (_says_clause(tok) or _reporting_participle(tok))
                ):
                    continue
                pos = para.start + tok.idx
                if _inside(direct_spans, pos) or _inside(consumed, pos) and not _asked_verb(tok):
                    continue  # a quote's attribution says nothing more, but the question put ("..., X said when asked whether ...")
                cand = _reported_from_verb(ctx, para.start, pi, sent, tok, used, direct_spans)
                if cand is not None:
                    out.append(cand)
            out += _according(text, para.start, pi, sent, direct_spans, consumed)
            out += nominal_claims(text, para.start, pi, sent, direct_spans, consumed)
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
        c.lower_ in {"on", "upon", "for"} and c.i == tok.i + 1 or c.dep_ == "ccomp" and c.i > tok.i for c in tok.children
    ):
        return None  # "called the checkpoint hell (on Monday)" names, it does not appeal
    if tok.lemma_.lower() == "charge" and not any(
        c.dep_ == "ccomp" and c.i > tok.i or c.dep_ == "prep" and c.lower_ == "with" for c in tok.children
    ):
        return None  # "charged the campaign $3 million" bills, it does not accuse
    if ANONYMITY.match(sent.doc.text, tok.idx + len(tok.text)):
        return None  # "..., asking not to be named": the terms of the source, not what was said
    subj = _subject(tok)
    misparsed = None
    if _asked_verb(tok) and (subj is None or subj.dep_ == "nsubjpass"):
        return _asked(ctx, base, pi, sent, tok, subj, used)
    if subj is None:
        head = tok.head
        teller = teller_above(tok)
        if teller is not None:
            subj = _shared_subject(tok)  # "said X and vowed to ...": the speaker goes on, whatever the parse
            if subj is None and teller.tag_ == "VBG" and teller.dep_ in _PARTICIPLE_DEPS:
                subj = _shared_subject(_clause_teller(teller.head))  # "..., saying X but warning Y"
        elif (
            tok.dep_ == "pcomp"
            and tok.tag_ == "VBG"
            and head.lower_ in _TIME_PREPS
            and head.head.pos_ in ("VERB", "AUX")
            and any(c.dep_ == "ccomp" and c.i > tok.i for c in tok.children)
        ):
            # "After saying he was nervous, the mayor left", "stood out by saying he would cut
            # taxes": the one who did the clause's act said it
            subj = _shared_subject(head.head)
        elif tok.dep_ in _PARTICIPLE_DEPS and tok.tag_ == "VBG" and head.i != tok.i:
            head = _clause_teller(head)  # "said the levy was unfair, noting ...": who said it notes, not the levy
            subj = _shared_subject(head)  # "took a heckler in stride, saying ...": the subject of the clause
            if subj is None and tok.dep_ == "conj" and head.dep_ in _PARTICIPLE_DEPS and head.tag_ == "VBG":
                subj = _shared_subject(head.head)  # "..., calling it X and insisting ...": still the clause's
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
        elif (
            tok.dep_ == "acl"
            and tok.tag_ == "VBG"
            and head.dep_ == "dobj"
            and head.lemma_.lower() in lex.speech_nouns
            and head.lemma_.lower() not in lex.roles
            and head.head.pos_ == "VERB"
            and head.head.lemma_.lower() not in lex.receiving_verbs
        ):
            subj = _shared_subject(head.head)  # "issued a statement saying ...": who issued it says it
        elif tok.dep_ == "conj" and head.i != tok.i and head.lemma_.lower() in lex.verbs:
            subj = _shared_subject(tok)  # "claimed that ... and said ...": the subject is shared
        elif (
            tok.dep_ == "conj"
            and head.pos_ in ("VERB", "AUX")
            and any(
                c.dep_ == "ccomp" or _is_question(c) or c.dep_ == "xcomp" and tok.lemma_.lower() in _ADDRESSING
                for c in tok.children
            )
        ):
            # "thanked the crowd and said (that) ...", "... and urged X to ...", "joked, declined to
            # answer, and told them ...": the subject of the first verb of the row is shared
            subj = _shared_subject(tok)
        if subj is None:
            subj = misparsed = _misparsed_subject(tok)
        if subj is None:
            return _fronted(ctx, base, pi, sent, tok, used, direct_spans)
    if (
        any(c.dep_ == "neg" for c in tok.children)
        or tok.head.i != tok.i
        and tok.dep_ == "xcomp"
        and any(c.dep_ == "neg" for c in tok.head.children)
    ):
        return None  # "did not comment", "declined to say", "refused to comment" are not statements
    if tok.lemma_.lower() in lex.raising_verbs and (
        subj.pos_ == "NOUN" and not _speaks(subj)
        or any(c.dep_ == "xcomp" and c.lemma_.lower() in ("be", "become") for c in tok.children)
    ):
        return None  # "floods threaten to cut off the town", "the debate promised to be close": nobody speaks
    relative = None
    clause = subj.head  # the relative clause's verb: this one, or the first of a row ("who opened it and said")
    if subj.lower_ in {"that", "which", "who"} and (clause.i == tok.i or subj.lower_ != "that" and _conjoined(clause, tok)):
        noun = clause.head
        if (
            not (subj.lower_ == "who" or subj.lower_ == "which" and _organization(noun))
            or clause.dep_ != "relcl"
            or noun.pos_ not in ("PROPN", "NOUN", "PRON", "NUM")
            or noun.pos_ in ("PRON", "NUM") and noun.dep_ == "pobj"  # "among those who said ...": a subset counted
            or not any(c.dep_ == "ccomp" for c in tok.children) and not _answers(tok)
            or noun.ent_type_ in ("GPE", "LOC")  # "a doctor from Lakeview, Ohio, who said ...": not the place
        ):
            return None
        # "Barkley, who said he votes ...", "voters who say ...", "those who said the same", "the
        # Herald, which argued that ...": the relative pronoun stands for the noun the clause hangs on
        relative = noun
    if subj.dep_ == "nsubjpass" and subj.head.i == tok.i and tok.lemma_.lower() != "quote" and not _has_said(tok, subj):
        return None  # "X was reported to ...": X is not the speaker (but "X was forced out and said ..." speaks)
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
    trimmed = False  # circumstances cut from the end of what was said
    comps = [
        c
        for c in tok.children
        if c.dep_ in _COMPLEMENT_DEPS
        and not any(m.dep_ == "mark" and m.lower_ in _SUBORDINATE and m.i < c.i for m in c.children)
    ]  # "..., X said, as fighting intensified": the as-clause is not what was said
    comps += _medium_clauses(tok)
    if misparsed is not None:  # the clause the parse made of the subject is not what was said
        comps = [c for c in comps if not c.left_edge.i <= misparsed.i <= c.right_edge.i]
    # "It had an effect: 20 percent said ...": the clause a colon closes before the subject introduces;
    # "Most said A; 38 percent said B": a semicolon closes a clause of its own
    comps = [
        c
        for c in comps
        if not (c.i < s_lo and sent.doc[min(c.right_edge.i + 1, len(sent.doc) - 1)].text in (":", ";"))
    ]
    terms = _terms_at(sent, tok)
    comps = [c for c in comps if c.i < terms or c.dep_ == "ccomp"]
    if any(c.i > tok.i for c in comps):  # "X seemed to agree — he told the AP that ...": the clause after the verb
        comps = [c for c in comps if c.i > tok.i]
    content_first = any(c.i < s_lo for c in comps)
    for c in tok.children:
        if content_first and c.i > s_hi:
            break  # "CLAUSE, X said, adding that ...": the participle says its own clause (read at its verb)
        if c.dep_ in _PARTICIPLE_DEPS and c.tag_ == "VBG" and c.lemma_.lower() in lex.verbs and c.i > tok.i:
            second = any(x.i < c.i for x in comps)
            comps = [x for x in comps if x.i != c.i]
            if second:
                continue  # "said A, adding that B": a second report of the same speaker (read at its verb)
            used.add(c.i)
            verbs.append(c.lemma_.lower())
            pieces.append((c.i + 1, c.right_edge.i + 1))
    for c in comps:
        c_lo = c.left_edge.i
        if c.dep_ == "ccomp" and c.i > tok.i and subjectless(c):
            # "said the days when ... are gone": the parse made the clause's subject the verb's own
            split = [
                x.left_edge.i for x in tok.children
                if tok.i < x.i < c_lo and (x.dep_ in ("npadvmod", "dobj") or x.dep_ == "nsubj" and subj.i < tok.i)
            ]  # fmt: skip
            c_lo = min(split, default=c_lo)
        pieces.append((c_lo, c.right_edge.i + 1))
    if comps and not content_first:
        pieces += _second_that_clauses(tok, max(b for _, b in pieces))
    mid = _mid_attribution(sent, s_lo, tok) if not comps and tok.dep_ == "parataxis" and subj.i < tok.i else None
    if (
        mid is None
        and not comps
        and (tok.lemma_.lower() in _NEUTRAL_TELL or tok.dep_ == "parataxis" and tok.head.i < s_lo)
        and s_lo > sent.start + 2
        and sent.doc[s_lo - 1].text == ","
        and _is_clause(sent.doc[sent.start : s_lo - 1])
        and not circumstance(sent.doc, sent.start, s_lo - 1, tok)
        and not _answers(tok)  # "Asked if ..., the mayor said no": the answer is what was said
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
    if not pieces and mid is not None:  # "It was, he said, the hardest day": the sentence around the attribution
        pieces, gaps = [(sent.start, sent.end)], [mid]
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
            after = obj.right_edge.i + 1
            if not pieces and after < tok.right_edge.i and not _set_after(sent.doc, after, tok.right_edge.i + 1):
                if _only_adjuncts(tok, obj.right_edge.i + 1, tok.right_edge.i + 1):
                    return None  # "blamed the contractors on Monday before the hearing": whom and when only
                pieces.append((obj.right_edge.i + 1, tok.right_edge.i + 1))
    if not pieces and (as_clause := _as_clause(tok)) is not None:
        pieces.append(as_clause[0])  # "As the Globe noted, CLAUSE": the clause the as-clause hangs on
        gaps = [as_clause[1]] if as_clause[1] else []
    if not pieces:
        lo = tok.i + 1
        hi = tok.right_edge.i + 1
        if subj.i > tok.i:  # inverted: "..., said X" without a parsed complement
            return _fronted(ctx, base, pi, sent, tok, used, direct_spans)
        if not _says_something(tok) or _only_adjuncts(tok, lo, hi):
            return None  # "reported from Oakland", "added to his lead", "said quietly into the phone": no content
        doc = sent.doc
        if doc[lo].dep_ == "prep" and doc[lo].lower_ in _ADJUNCT_PREPS:
            # "said in a statement that ...": what was said begins at the that-clause
            lo = next((t.i for t in doc[lo:hi] if t.dep_ == "mark" and t.lower_ == "that"), lo)
        obj = next((c for c in tok.children if c.dep_ == "dobj" and lo <= c.i < hi), None)
        if obj is not None and lo <= obj.left_edge.i and obj.right_edge.i + 1 < hi and _only_times(tok, obj.right_edge.i + 1, hi):
            hi = obj.right_edge.i + 1  # "announced her backing on Monday": when it was announced is not what
            trimmed = True
        pieces.append((lo, hi))
    lo = min(a for a, _ in pieces)
    hi = max(b for _, b in pieces)
    doc = sent.doc
    nxt = [c for c in tok.children if c.dep_ == "conj" and c.i > lo and c.lemma_.lower() in lex.verbs]
    if nxt and not any(a <= nxt[0].i < b for a, b in pieces if (a, b) != (tok.i + 1, tok.right_edge.i + 1)):
        # "criticized the plan, and said (that) ...": the next reporting verb is its own statement
        cc = [c.i for c in tok.children if c.dep_ in ("cc", "punct") and lo < c.i < nxt[0].i]
        hi = min(hi, min(cc, default=nxt[0].left_edge.i))
    hi = _before_next_statement(doc, tok, lo, hi)
    hi = _without_trailing_aside(doc, lo, hi)
    if (medium_at := _before_medium(doc, lo, hi)) < hi:
        hi, trimmed = medium_at, True
    while lo < hi and (doc[lo].is_punct and doc[lo].text not in QUOTE_TOKENS or doc[lo].lower_ == "that"):
        lo += 1
    while hi > lo and (doc[hi - 1].is_punct and doc[hi - 1].text not in QUOTE_TOKENS or doc[hi - 1].dep_ == "cc"):
        hi -= 1  # "..., and" before the next statement's clause: not what was said
    short_ok = lex.verbs.get(tok.lemma_.lower(), ("other", 0))[0] in {"deny", "reject", "accuse"}
    # ("said that profits fell", "said he lied": two words with their own subject and verb are
    # a whole claim)
    # ("announced her backing on Monday": an object the circumstances were cut from is whole)
    short_ok = short_ok or _whole_clause(doc, lo, hi) or trimmed
    if hi - lo < (2 if short_ok else 3) and not (_answers(tok) and lo == tok.i + 1) and not _elided(doc, lo, hi):
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
    if lo > sent.start and doc[lo - 1].text in QUOTE_TOKENS and all(t.text not in QUOTE_TOKENS for t in doc[lo:hi]):
        k = hi  # 'saying, "I think ..."': the parse left the marks around what was said outside it
        while k < len(doc) and k - hi < 2 and doc[k].is_punct and doc[k].text not in QUOTE_TOKENS:
            k += 1
        if k < len(doc) and doc[k].text in QUOTE_TOKENS:
            lo, hi = lo - 1, k + 1
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
        comma = kept.rfind(",")
        if last in lex.forms and comma > 0 and len(kept[comma + 1 :].split()) <= 8:
            # "said CLAUSE, to which X replied: \"...\"", "wrote CLAUSE, saying: \"...\"": the quotation's
            # own attribution after the last comma is not what was said
            kept = kept[:comma].rstrip(" \t\n,;:\u2014\u2013-")
            last = kept.split()[-1].lower() if kept.split() else ""
        if len(kept) < 10 or last in lex.forms:
            return None  # what was said is the quotation itself ("quoted X as saying: \"...\"")
        end = start + len(kept)
    # balance a quote mark cut at the edge ("... "seriously committed" ...)
    text = ctx.document.text
    s_start = base + sent.start_char
    s_end = base + sent.end_char
    if cut is None and _open_quote(text[start:end]):
        end = _quote_close(text, end, s_end)
    content = text[start:end]
    direct = _all_quoted(content)
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


def _second_that_clauses(tok: Token, end: int) -> list[tuple[int, int]]:
    """'said (that) A, but that B' / 'saying A, and that B': a that-clause joined after what was said
    (the parse hangs it on the reporting verb, or on the verb a participle hangs on) is said too."""
    hosts = [tok]
    if tok.dep_ in _PARTICIPLE_DEPS and tok.tag_ == "VBG" and tok.head.i < tok.i:
        hosts.append(tok.head)
    return [
        (c.left_edge.i, c.right_edge.i + 1)
        for h in hosts
        for c in h.children
        if c.dep_ == "conj"
        and c.i >= end
        and any(m.dep_ == "mark" and m.lower_ == "that" and m.i < c.i for m in c.children)
    ]


def _terms_at(sent: SpacySpan, tok: Token) -> int:
    """Where the terms a source spoke on begin after the verb ("said on condition of anonymity
    to discuss ..."), else the sentence's end: no purpose or reason after them is what was said."""
    doc = sent.doc
    for j in range(tok.i + 1, sent.end):
        if doc[j].lower_ in ("on", "speaking") and ON_CONDITION.match(doc.text, doc[j].idx):
            return j
    return sent.end


def _mid_attribution(sent: SpacySpan, s_lo: int, tok: Token) -> tuple[int, int] | None:
    """'It was, he said, the hardest day' / 'He hoped, she said, that ...': an attribution set off by
    commas inside the sentence whose words it reports, with words on both sides. Returns its tokens,
    the commas included."""
    doc = sent.doc
    if s_lo - 1 < sent.start + 2 or doc[s_lo - 1].text != ",":
        return None
    for j in range(tok.i + 1, min(tok.i + 7, sent.end)):
        if doc[j].text == ",":
            rest = [t for t in doc[j + 1 : sent.end] if not t.is_punct]
            if rest and ON_CONDITION.match(doc.text, rest[0].idx):
                return None  # ", he said, on condition of anonymity": the terms, read with the attribution
            if len(rest) < 3 or rest[0].lower_ in _SUBORDINATE or rest[0].tag_ == "VBG" or rest[0].lower_ == "according":
                return None  # ", X said, as the fighting went on": a circumstance, not what was said
            return (s_lo - 1, j + 1)
        if doc[j].pos_ in ("VERB", "AUX") or doc[j].text in QUOTE_TOKENS:
            return None
    return None


def _before_next_statement(doc: Doc, tok: Token, lo: int, hi: int) -> int:
    """Where what was said ends when a clause joined to it reports someone else's words ("said
    prices had risen, and two in three said wages had not"): before that clause, which is read
    as a statement of its own at its verb. A reporting verb joined without a subject of its own
    and in the speech verb's form goes on with the speaker's acts, not the words ("said the
    warning was baseless, and accused the ministry of lying"), though the parse may hang it on
    the last verb of what was said. Not inside a quotation."""
    lex = lexicon()
    for t in doc[lo:hi]:
        joined = (
            t.dep_ == "conj"
            and not any(c.dep_ == "mark" for c in t.children)  # "... and that Y would ask ...": still said
        ) or (
            # "..., after half said so": a time clause reporting someone else's words
            t.dep_ == "advcl"
            and any(c.dep_ == "mark" and c.lower_ in _SUBORDINATE for c in t.children)
            and doc[t.left_edge.i - 1].text == ","
        )
        if not (
            joined
            and t.pos_ == "VERB"
            and lo <= t.head.i < t.i
            and t.head.i != tok.i
            and t.lemma_.lower() in lex.verbs
            and (any(c.dep_ == "nsubj" for c in t.children) or speaker_goes_on(tok, t))
        ):
            continue
        if sum(d.text in QUOTE_TOKENS for d in doc[lo : t.i]) % 2:
            continue  # quoted words go on
        cut = t.left_edge.i
        while cut > lo and (doc[cut - 1].dep_ == "cc" or doc[cut - 1].is_punct and doc[cut - 1].text not in QUOTE_TOKENS):
            cut -= 1
        return cut if cut - lo >= 3 else hi
    return hi


_ON_VERBS = frozenset(["comment", "insist", "remark", "elaborate", "reflect", "weigh", "report", "agree", "focus"])
_WHEN = frozenset(["DATE", "TIME"])


def _clause_teller(verb: Token) -> Token:
    """The reporting verb whose words a participle hangs on ('said the levy was unfair, noting
    ...'), else the verb itself: the one who said the clause does what the participle tells."""
    head = verb.head
    if verb.dep_ == "ccomp" and head.i < verb.i and head.lemma_.lower() in lexicon().verbs:
        return head
    return verb


def _asked_verb(tok: Token) -> bool:
    """'asked whether ...', 'when asked about ...': a question put to the subject."""
    return tok.lemma_.lower() == "ask" and tok.tag_ == "VBN"


def _has_said(tok: Token, subj: Token) -> bool:
    """'He's said he ...': the parse reads the contracted 'has' as a passive 'is'; a person who
    has said a finite clause (not 'it's said that ...', not 'he's said to be ...') speaks."""
    aux = [c for c in tok.children if c.dep_ == "auxpass"]
    return (
        len(aux) == 1
        and aux[0].i == subj.i + 1 == tok.i - 1
        and aux[0].lower_ in {"'s", "\u2019s"}
        and subj.lower_ not in {"it", "that", "this", "what", "which"}
        and _says_clause(tok)
    )


def _says_something(tok: Token) -> bool:
    """Without a clause complement, does the verb still take what was said, thought or shown?

    It needs an argument after it: an object that is not a news outlet ("told The Times" names
    whom it was said to), or a phrase such as "called for ...", "warned of ...", "pointed to ...";
    a place, a time or a medium ("reported from Oakland", "wrote on Twitter") is no content.
    "Add" says only with a clause: "added to his lead" and "added a seat" count, they do not speak.
    """
    if tok.lemma_.lower() == "add":
        return False
    if _answers(tok):
        return True  # "said the same", which the parse may read as a second subject
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




_ASIDE_MARKS = frozenset([",", "\u2014", "\u2013", "--", "-"])
_CONTRAST_MARKS = frozenset(["while", "whereas", "although", "though"])
_RELATIVE_WORDS = frozenset(["who", "whom", "whose", "which"])
_MEDIUM_PREPS = frozenset(["in", "at", "during"])
_TIME_OF_SAYING = frozenset(["on", "in", "during"])  # "over the next two years" is a forecast's own


def _without_trailing_aside(doc: Doc, lo: int, hi: int) -> int:
    """Where what was said ends before an aside the writer set off at its end: a reporting
    participle ('..., noting her remarks on radio'), a contrast clause ('..., while rivals went
    after the judge'), a comparison ('yes, compared with a third who ...') or an appositive of a name
    ('..., a retired admiral who grew up abroad')."""
    verbs = lexicon().verbs
    while hi - lo > 4:
        k = next((k for k in range(hi - 2, lo + 2, -1) if doc[k].text in _ASIDE_MARKS and _outside_quotes(doc, lo, _after_mark(doc, k))), None)
        if k is None:
            return hi
        b = _after_mark(doc, k)  # where the aside begins: after the comma, or after the mark closing on it
        if b >= hi:
            return hi
        if _judged_claim(doc, b, hi):
            hi = k if b == k + 1 else b
            continue
        root = doc[b:hi].root
        if root.left_edge.i < b or root.right_edge.i >= hi + 1:
            return hi
        quoted = any(t.text in QUOTE_TOKENS for t in doc[b:hi])
        reporting = root.tag_ == "VBG" and root.i <= b + 1 and (
            root.lemma_.lower() in verbs or root.lemma_.lower() in lexicon().aside_participles
        )
        if quoted and not reporting:
            return hi
        aside = (
            reporting
            or root.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in _CONTRAST_MARKS for m in root.children)
            or root.lemma_.lower() == "compare" and root.tag_ == "VBN" and root.i == b
            or root.dep_ == "appos" and root.head.pos_ == "PROPN" and (root.pos_ == "NOUN" or any(c.dep_ == "relcl" for c in root.children))
            or _relative_aside(doc, root, b)
        )
        if not aside:
            return hi
        hi = k if b == k + 1 else b  # '"... reckless," adding, "..."': the closing mark stays
    return hi


def _relative_aside(doc: Doc, root: Token, b: int) -> bool:
    """'..., who was nominated in 2011', '..., which allows foreigners to marry here': a relative
    clause set off after the last noun of what was said is the writer's background on that noun."""
    return (
        root.dep_ == "relcl"
        and root.head.i < b
        and doc[b].lower_ in _RELATIVE_WORDS
    )


def _judged_claim(doc: Doc, b: int, hi: int) -> bool:
    """'..., a point that officials have disputed', '- a bold claim his rivals reject', '..., a
    reference to the leaked emails': a noun for the words (``judgement_nouns``) that the writer
    sets after them with a clause or phrase of its own (read from the noun's own subtree: the
    parse may hang the noun on a word before the mark)."""
    if doc[b].lower_ not in ("a", "an") or b + 1 >= hi:
        return False
    noun = doc[b + 2] if doc[b + 1].pos_ == "ADJ" and b + 2 < hi else doc[b + 1]
    return (
        noun.pos_ == "NOUN"
        and noun.lemma_.lower() in lexicon().judgement_nouns
        and all(t.is_punct for t in doc[noun.right_edge.i + 1 : hi])
        and any(c.dep_ in ("relcl", "acl", "prep") and c.i > noun.i for c in noun.children)
    )


def _set_after(doc: Doc, lo: int, hi: int) -> bool:
    """Is ``doc[lo:hi]`` an aside the writer set after the words ('..., a reference to the leaks')?"""
    return doc[lo].text in _ASIDE_MARKS and _judged_claim(doc, _after_mark(doc, lo), hi)


def _after_mark(doc: Doc, k: int) -> int:
    """The token after a comma, or after the quotation mark closing right on it ('reckless,"')."""
    return k + 2 if k + 1 < len(doc) and doc[k + 1].text in QUOTE_TOKENS else k + 1


def _only_times(tok: Token, lo: int, hi: int) -> bool:
    """Are the verb's dependents from ``lo`` to ``hi`` only when it was said ("on Monday", "in
    June 2015", "Thursday night")? Other phrases the parse hangs there may be the object's own
    ("announced a concert in support of X", "reported income from a sale")."""
    deps = [c for c in tok.children if lo <= c.i < hi]
    return any(c.dep_ != "punct" for c in deps) and all(
        c.dep_ == "punct"
        or c.dep_ in ("npadvmod", "advmod") and c.ent_type_ in _WHEN
        or c.dep_ == "prep"
        and c.lower_ in _TIME_OF_SAYING
        and (objs := [g for g in c.children if g.dep_ == "pobj"]) != []
        and all(g.ent_type_ in _WHEN for g in objs)
        for c in deps
    )


def _outside_quotes(doc: Doc, lo: int, k: int) -> bool:
    """Is token ``k`` outside every quotation opened since ``lo`` (an even number of marks)?"""
    return sum(1 for t in doc[lo:k] if t.text in QUOTE_TOKENS) % 2 == 0


def _before_medium(doc: Doc, lo: int, hi: int) -> int:
    """Where what was said ends before the medium it was said in, when that closes it ('said the
    port would reopen in an interview on Sunday', '..., at a news conference'): the parse may
    hang it on the clause said, but an interview is where words are said, not what they say."""
    lex = lexicon()
    media = {*lex.speech_nouns, *lex.medium_nouns}
    last = hi - 1  # the last word, a closing stop aside
    while last > lo and doc[last].is_punct and doc[last].text not in QUOTE_TOKENS:
        last -= 1
    for p in doc[lo + 2 : hi]:
        if p.dep_ != "prep" or p.lower_ not in _MEDIUM_PREPS | {"on"} or p.head.tag_ == "VBG":
            continue
        noun = next((c for c in p.children if c.dep_ == "pobj"), None)
        if noun is None or _open_quote_at(doc, lo, p.i):
            continue  # 'said it was "settled in a conference": the quoted words go on
        # a programme, whose title may follow in quotation marks, and the time it went out ("said
        # the vote was fair on his show on Friday", "on Sunday's 'Meet the Press'"); or a medium
        # ("in an interview"; not "published in a report")
        owner = [c for c in noun.children if c.dep_ == "poss"]
        platform = (
            noun.lemma_.lower() in lex.platform_nouns and (p.head.tag_ != "VBN" or bool(owner))
            or p.lower_ == "on" and any(c.ent_type_ in _WHEN for c in owner)
        )  # ("shown on a program about X" is what was said; "elected on Sunday's show" the parse's)
        if p.right_edge.i < last and not (platform and _only_when(doc[p.right_edge.i + 1 : last + 1])):
            continue
        if not platform and (
            p.lower_ not in _MEDIUM_PREPS
            or noun.lemma_.lower() not in media
            or p.head.tag_ == "VBN"
            or any(t.text in QUOTE_TOKENS for t in doc[p.i : hi])
        ):
            continue
        if any(c.dep_ in ("relcl", "acl", "ccomp") for c in noun.children):
            continue  # "no proof in the audit report that ...": the report's content is part of the claim
        cut = p.i
        while cut > lo and (doc[cut - 1].is_punct and doc[cut - 1].text not in QUOTE_TOKENS):
            cut -= 1
        return cut
    return hi


def _only_when(span: SpacySpan) -> bool:
    """Words that only tell when ("on Friday", "late Tuesday")."""
    return all(t.ent_type_ in _WHEN or t.is_punct or t.lower_ in ("on", "at", "in") for t in span)


def _open_quote_at(doc: Doc, lo: int, at: int) -> bool:
    """Whether a quotation opened between ``lo`` and ``at`` is still open at ``at``."""
    return sum(1 for t in doc[lo:at] if t.text in QUOTE_TOKENS) % 2 == 1


def _only_adjuncts(tok: Token, lo: int, hi: int) -> bool:
    """Are the verb's dependents from ``lo`` to ``hi`` only how, when and where it was said
    ("quietly into the microphone", "after a short apology", "on Monday before the hearing")?"""
    deps = [c for c in tok.children if lo <= c.i < hi]
    answers = lexicon().answers
    return bool(deps) and all(
        c.dep_ in {"advmod", "npadvmod", "punct", "cc"}
        and c.lower_ not in answers
        and not any(g.dep_ == "prep" for g in c.children)  # "warned him away from giving advice"
        or c.dep_ == "prep"
        and (c.lower_ in _TIME_PLACE_PREPS or c.lower_ == "on" and all(g.ent_type_ in _WHEN for g in c.children))
        and not any(g.dep_ == "pcomp" or g.tag_ in ("WDT", "WP") for g in c.children)
        and not any(m.dep_ == "mark" and m.lower_ in ("that", "whether", "if") for m in c.subtree)
        for c in deps
    )


#: prepositions of circumstance ("on" is left out: "commented on the plan" says something)
_TIME_PLACE_PREPS = (_ADJUNCT_PREPS - {"on"}) | {"into"}


#: prepositions of time or means a reporting gerund may follow ("after saying ...", "by telling ...")
_TIME_PREPS = frozenset(["after", "before", "by", "upon", "on", "while", "since", "in"])


def _medium_clauses(tok: Token) -> list[Token]:
    """"said in a filing that profits fell": the parse hung the clause on the medium as a relative
    clause, though "that" is no part of it (the clause has a subject of its own)."""
    found = []
    media = (*lexicon().speech_nouns, *lexicon().medium_nouns)
    for prep in (c for c in tok.children if c.dep_ == "prep" and c.i > tok.i):
        for medium in (p for p in prep.children if p.dep_ == "pobj" and p.lemma_.lower() in media):
            for clause in (c for c in medium.children if c.dep_ == "relcl" and c.i > medium.i):
                that = clause.left_edge
                own = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass") and c.i != that.i]
                if that.lower_ == "that" and that.dep_ != "nsubj" and own:
                    found.append(clause)
    return found


def _whole_clause(doc: Doc, lo: int, hi: int) -> bool:
    """Whether doc[lo:hi] holds a subject and the finite verb it is the subject of."""
    return any(
        t.dep_ in ("nsubj", "nsubjpass") and lo <= t.head.i < hi and t.head.tag_ in _FINITE
        for t in doc[lo:hi]
    )


def _conjoined(first: Token, tok: Token) -> bool:
    """Whether ``tok`` is a later verb of the row of conjoined verbs ``first`` begins."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
        if tok.i == first.i:
            return True
    return False


def _organization(noun: Token) -> bool:
    """'The Herald, which argued ...': a named organisation or outlet, or a noun of one, can say things."""
    if noun.ent_type_ == "ORG":
        return True
    lex = lexicon()
    return noun.text in lex.outlet_words or noun.text in lex.organization_words


def _answers(tok: Token) -> bool:
    """'said yes', 'say no', 'said so', 'said the same': an answer or a pro-form is what was said."""
    doc = tok.doc
    for n in (2, 1):
        words = " ".join(t.lower_ for t in doc[tok.i + 1 : tok.i + 1 + n])
        if tok.i + n < len(doc) and words in lexicon().answers:
            nxt = doc[tok.i + 1 + n] if tok.i + 1 + n < len(doc) else None
            return nxt is None or nxt.is_punct or nxt.pos_ in ("ADP", "CCONJ", "ADV", "SCONJ")
    return False


def _elided(doc: Doc, lo: int, hi: int) -> bool:
    """'said she would', 'said they could not': a subject and an auxiliary whose verb is left out
    (it repeats what came before) are a clause of what was said."""
    words = [t for t in doc[lo:hi] if t.dep_ != "neg"]
    return (
        len(words) == 2
        and words[0].pos_ in ("PRON", "PROPN")
        and words[0].dep_ == "nsubj"
        and words[1].pos_ == "AUX"
        and (hi == len(doc) or doc[hi].is_punct or doc[hi].dep_ == "cc")
    )


def _reporting_participle(tok: Token) -> bool:
    """'X explained, recalling the time ...': a participle hung on a neutral verb of saying goes on
    with what its speaker said, an object as well as a clause."""
    head = tok.head
    return (
        tok.tag_ == "VBG"
        and tok.dep_ in _PARTICIPLE_DEPS
        and head.i < tok.i
        and lexicon().verbs.get(head.lemma_.lower(), ("", 1))[1] == 0
        and any(c.dep_ == "dobj" and c.i > tok.i for c in tok.children)
    )


def _says_clause(tok: Token) -> bool:
    """'recalled that ...', 'joked that ...': the verb takes a finite clause of what was said."""
    return any(c.dep_ == "ccomp" and c.i > tok.i and _finite(c) for c in tok.children)


def _finite(verb: Token) -> bool:
    """A finite clause's head: finite itself, a participle ('had been'), or finite through its
    auxiliary ('would win', 'were hiding', 'is losing')."""
    return verb.tag_ in _FINITE | {"VBN"} or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in _FINITE for c in verb.children
    )


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




#: "according to UN figures": numbers from a record, not something said (the figures pass reads them);
#: a poll, a survey, a report or a study does state what it found ("according to a new poll, ...")
_FIGURES = re.compile(
    r"\b(?:figures?|estimates?|data|statistics|copy|count|tally|records?)\b",
    re.IGNORECASE,
)
#: where a source's own relative clause begins ("three officials who spoke off the record"): the
#: noun before it tells whether the source is a person or a body of figures
_RELATIVE_CLAUSE = re.compile(r"(?<!\s)\s+(?:who|whom|whose|which|that)\b")


def _quote_close(text: str, end: int, s_end: int) -> int:
    """'that "the van sped off, according to police."': a quotation the content opens goes on to its
    closing mark in the same sentence; ``end`` unchanged when none closes it there."""
    found = [i for i in (text.find('"', end, s_end), text.find("\u201d", end, s_end)) if i >= 0]
    return min(found) + 1 if found else end


def _open_quote(before: str) -> bool:
    """Whether a double quotation opened in ``before`` is still open at its end."""
    return before.count('"') % 2 == 1 or before.count("\u201c") > before.count("\u201d")


def _reported_before(sent: SpacySpan, at: int, source: str) -> bool:
    """'X said CLAUSE, according to a statement released on Wednesday': the source after
    "according to" is the document ``X said`` the clause in (a speech noun), told by a reporting
    verb with a subject before it."""
    lex = lexicon()
    words = source.lower().split()
    if not any(w.strip(",.") in lex.speech_nouns for w in words[:3]):
        return False
    return any(
        t.idx < at and t.lemma_.lower() in lex.verbs and any(c.dep_ == "nsubj" for c in t.children)
        for t in sent
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
    if not m or _FIGURES.search(_RELATIVE_CLAUSE.split(m.group("s"))[0]) or _inside(direct_spans, s_start + m.start()):
        return []
    if _open_quote(stext[: m.start()]):
        return []  # 'told X that "the driver fired, according to police."': the quoted speaker's words
    if _inside(consumed, s_start + m.start()):
        return []
    if m.start() >= 3 and _reported_before(sent, m.start(), m.group("s")):
        return []  # "the agency said 10,000 had fled, according to a statement": the said words' own source
    if m.start() < 3:
        lo, hi = m.end(), len(stext)
    else:
        lo, hi = 0, m.start()
        before = sent.char_span(0, m.start(), alignment_mode="contract")
        aside = stext[m.end() : m.end() + 1] == ","
        if aside and (before is not None and not _is_clause(before) or sent.root.idx - sent.start_char > m.end()):
            # "In addition, according to the ministry, CLAUSE", "While A, according to the ministry,
            # B": what it says is the main clause, after the source
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
