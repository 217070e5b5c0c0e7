"""A candidate statement (its content span, speaker phrase, cue and attribution) and the patterns
and small helpers every pass shares."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .lexicon import lexicon
from .quotes import QUOTE_TOKENS, double_marks

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token


_DASH = re.compile(r"^\s*(?:\u2014|\u2013|--|-)\s*")
_LEAD = re.compile(r"^[\s,;:]+")
# (?<!\s): tried where a run of spaces begins only, not again from each of its positions (linear)
# an adverb is lower-case: "Tom Reilly said", "Megyn Kelly said" end with a surname, not an adverb
_AUX_END = re.compile(
    r"(?<!\s)\s+(?:has|had|have|was|were|is|also|again|then|later|(?-i:[a-z]\w*ly))$", re.IGNORECASE
)
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
#: the source runs to the next comma, semicolon, quotation mark or full stop; the stop of an initial or
#: a title ("U.S.", "Sen.") is not the end of it
_ACCORDING = re.compile(
    r"\b[Aa]ccording\s+to\s+(?P<s>(?:[^,.;\"\u201c\u201d]|(?<=\b[A-Z])\.|"
    r"(?<=\b(?:Mr|Ms|Dr|Sr|Jr|St|Lt))\.|(?<=\b(?:Mrs|Sen|Gov|Rep|Gen|Col))\.){2,160}(?<![\s.]))"
)
_WORD = re.compile(r"[\w']+")
_COMPLEMENT_DEPS = {"ccomp", "xcomp"}
_PARTICIPLE_DEPS = {"advcl", "xcomp", "conj", "pcomp"}
_SUBJ_DEPS = {"nsubj", "nsubjpass"}
_ADDRESSING = {"warn", "urge", "tell", "ask", "call", "accuse", "caution", "appeal", "blame", "threaten"}
#: a source's terms for speaking: "asking not to be named", "requesting anonymity", "asked that
#: his name not be used"
ANONYMITY = re.compile(
    r"\s{1,3}(?:not\s{1,3}to\s{1,3}be\s{1,3}(?:named|identified|quoted)|anonymity|that\s{1,3}(?:his|her|their)\s{1,3}names?\s{1,3}not\s{1,3}be)\b",
    re.IGNORECASE,
)


#: "said on condition of anonymity (to discuss the talks)", "speaking on condition that he not be
#: named": the terms a source spoke on, and the purpose after them, are not what was said
ON_CONDITION = re.compile(r"(?:speaking\s{1,3})?on\s{1,3}(?:the\s{1,3})?condition\s{1,3}(?:of|that)\b", re.IGNORECASE)


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
    owned: bool = False  # a claim told as a noun ("the army's claim that ..."): its owner's, even inside another's words


# ---------------------------------------------------------------- pass 2: reported speech


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    return any(a <= pos < b for a, b in spans)


def _subject(tok: Token) -> Token | None:
    """The subject nearest the verb (the parse sometimes hangs a fronted clause's subject on it too)."""
    subs = [c for c in tok.children if c.dep_ in _SUBJ_DEPS]
    if not subs:
        return _participle_subject(tok)
    before = [c for c in subs if c.i < tok.i]
    if before and any(c.dep_ == "ccomp" and c.i > tok.i and subjectless(c) for c in tok.children):
        # "Lane ... said the days when ... are gone": the noun after the verb is the subject of
        # the clause said, which the parse left without one
        return max(before, key=lambda c: c.i)
    return min(subs, key=lambda c: abs(c.i - tok.i))


def subjectless(clause: Token) -> bool:
    """A clause the parse left without a subject of its own ("said the days when ... are gone")."""
    return not any(g.dep_ in _SUBJ_DEPS or g.dep_ == "expl" for g in clause.children)


def _participle_subject(tok: Token) -> Token | None:
    """'Voters going to the polls said ...': the parse reads the participle as a clausal subject
    whose own subject is the noun it modifies; that noun is the subject of the verb."""
    for c in tok.children:
        if c.dep_ == "csubj" and c.tag_ == "VBG" and c.i < tok.i:
            noun = [g for g in c.children if g.dep_ == "nsubj" and g.i < c.i and g.pos_ in ("NOUN", "PROPN")]
            if noun:
                return noun[0]
    return None


def _misparsed_subject(tok: Token, quoted: bool = False) -> Token | None:
    """The subject of a reporting verb the parse left without one, when it stands right before the
    verb and what was said follows it as a clause: 'Campaigning for his son, former mayor Tom Kell
    said ...' (the subject read as an appositive of the noun before the comma), 'One guest, who
    like others asked not to be named, said ...' (the subject read as a clause before the verb),
    'About 4 in 10 say ...' (a share read as a number on the verb) and 'Jolly said ...' (a name
    opening the sentence read as an adverb)."""
    sent = tok.sent
    if tok.i <= sent.start or not quoted and not any(c.dep_ == "ccomp" and c.i > tok.i for c in tok.children):
        return None  # (``quoted``: what was said is the quotation that follows)
    doc = tok.doc
    for c in tok.children:
        if c.dep_ == "nummod" and c.left_edge.i == sent.start and c.right_edge.i == tok.i - 1:
            return c  # "About 4 in 10 say ...": a share of those asked, read as a number on the verb
    prev = doc[tok.i - 1]
    if (
        prev.i == sent.start
        and prev.is_title
        and prev.dep_ in ("advmod", "amod", "npadvmod")
        and prev.ent_type_ not in ("DATE", "TIME", "CARDINAL", "ORDINAL")  # not "Wednesday added ..."
        and prev.head.i == tok.i
    ):
        return prev  # "Jolly said he would ...": a surname the model read as an adverb
    np = prev
    while np.dep_ != "appos" and np.head.i != np.i and np.head.i < tok.i and np.head.right_edge.i == tok.i - 1:
        np = np.head
    if np.dep_ == "appos" and _speaks(np) and np.right_edge.i == tok.i - 1:
        lo = np.left_edge.i
        if sent.start < lo and np.head.i < lo and doc[lo - 1].text == ",":
            return np
    if prev.text not in (",", "-", "--", "\u2013", "\u2014"):
        return None  # (a dash closes an aside as a comma does: 'A spokeswoman - a ... - noted that ...')
    for c in tok.children:
        if c.dep_ == "ccomp" and c.i < tok.i and c.right_edge.i == prev.i - 1:
            subs = [g for g in c.children if g.dep_ == "nsubj" and g.i < c.i]
            n = subs[0] if subs else None
            if n is not None and _speaks(n) and n.left_edge.i == sent.start and n.right_edge.i < c.i:
                return n
    return None


def _shared_subject(verb: Token) -> Token | None:
    """The subject of a verb, or of the verb it is conjoined to ("tried to calm the crowd and took
    ..."), or of the reporting verb it goes on from ("said the port is closed and called on ...")."""
    for _ in range(3):
        subj = _subject(verb)
        if subj is not None or verb.dep_ != "conj" or verb.head.i == verb.i:
            return subj
        teller = teller_above(verb)
        verb = teller if teller is not None else verb.head
    return None


def teller_above(t: Token) -> Token | None:
    """The reporting verb above a joined verb that goes on with that verb's speaker, if any."""
    if t.dep_ != "conj":
        return None
    return next((a for a in t.head.ancestors if speaker_goes_on(a, t)), None)


def speaker_goes_on(teller: Token, t: Token) -> bool:
    """'said X, and accused Y', 'says X but conceded Y': a reporting verb joined with no subject of
    its own, in the form of the verb that reported the words before it, goes on with that
    speaker's acts, wherever the parse hangs it."""
    return (
        t.dep_ == "conj"
        and t.tag_ == teller.tag_
        and teller.lemma_.lower() in lexicon().verbs
        and t.lemma_.lower() in lexicon().verbs
        and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in t.children)
        and t.i > 0
        and t.doc[t.i - 1].lower_ in ("and", "but", ",")
    )


def _all_quoted(content: str) -> bool:
    c = content.strip()
    marks = double_marks(c, 0, len(c))
    return len(marks) == 2 and marks[0][0] == 0 and sum(marks[1]) == len(c) and len(c) > sum(n for _, n in marks)


def _plain(s: str) -> str:
    return s.replace("\u00a0", " ").replace("\u2019", "'")


def _strip_span(text: str, lo: int, hi: int, chars: str | None) -> tuple[int, int]:
    """The bounds ``text[lo:hi].strip(chars)`` keeps."""
    piece = text[lo:hi]
    left = piece.lstrip(chars)
    return lo + len(piece) - len(left), lo + len(left.rstrip(chars)) + len(piece) - len(left)


# prepositions that open a circumstance (where, when, how, through what) rather than what was said
_ADJUNCT_PREPS = frozenset(
    ["in", "at", "on", "from", "by", "during", "after", "before", "since", "until", "via", "through",
     "near", "inside", "within", "under", "over", "amid", "throughout", "across", "while"]
)
_ARGUMENT_DEPS = {"dobj", "dative", "ccomp", "xcomp", "acomp", "oprd", "attr", "prt"}
_FINITE = frozenset(["VBD", "VBZ", "VBP", "MD"])


def _is_clause(span: SpacySpan) -> bool:
    """Words that can be what was said: a clause with a finite verb, or a quotation. A past
    participle with a subject of its own ('towns signed') is a past tense the tagger misread."""
    return any(
        t.tag_ in _FINITE or t.text in QUOTE_TOKENS or t.tag_ == "VBN" and any(c.dep_ == "nsubj" for c in t.children)
        for t in span
    )


_PERSON_PRONOUNS = frozenset(["he", "she", "they", "we", "i"])
_NAMING_ENTS = frozenset(["PERSON", "ORG", "NORP", "GPE"])


def _speaks(subj: Token) -> bool:
    """Can this subject have said the words it is credited with: a name, a person pronoun, a role
    or a noun for a person ("the strategist") or a speaking body ("the campaign", "protesters"); not a
    thing ("the ad", "the plan")."""
    lex = lexicon()
    if subj.lower_ in _PERSON_PRONOUNS:
        return True
    if subj.ent_type_ in _NAMING_ENTS or subj.pos_ == "PROPN":
        return True
    if subj.pos_ != "NOUN":
        return False
    return any(
        w in lex.roles or w in lex.speaking_nouns or w in lex.person_nouns for w in (subj.lemma_.lower(), subj.lower_)
    )
