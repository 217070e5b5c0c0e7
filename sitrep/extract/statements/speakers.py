"""Who is speaking: speaker phrases -> ``Speaker``, with a per-document memory for carry-over.

Named people are indexed once per document (``persons``), so later forms ("Shaheen said",
"he added", "the NATO chief said", "added the adviser to ...") resolve to them.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ...model import Speaker
from .lexicon import lexicon
from .organizations import _DET, _INSTITUTION, _desc_org, actor_for, is_org, org_speaker
from .persons import _FEMALE, _MALE, Person, gender_nouns, given_names, role_phrase

if TYPE_CHECKING:
    from ..context import Context

# (?<!\s): tried where a run of spaces begins only, not again from each of its positions (linear)
_TRAILING = re.compile(
    r"(?<!\s)\s+(?:(?:on|in|at|during|while|after|before|from|earlier|later|last|this|also|then|again|"
    r"separately|recently|previously|yesterday|today|tonight|when|as|via|through)\b.*)$",
    re.IGNORECASE,
)
_STATEMENT_PHRASE = re.compile(
    r"\b(?:statement|communiqu[eé]|announcement|message|declaration)\b", re.IGNORECASE
)
_STATEMENT_FROM = re.compile(
    r"^\W*+(?:an?|the)?\s*(?:\w+\s+)?(?:statement|communiqu[eé]|announcement|message|declaration)\s+(?:from|by|of)\s+(?P<o>[^,;]+?)\W*$",
    re.IGNORECASE,
)


def _gender(memory: Memory, sp: Speaker) -> str | None:
    """'she' / 'he' for a person when the text tells (Ms./Mr., spokeswoman, 'X said she ...'), else None."""
    if not sp.name:  # an unnamed description: "the spokeswoman", "the congressman"
        words = set((sp.role or "").lower().split())
        if words & _FEMALE or words & _MALE:
            return "she" if words & _FEMALE else "he"
        told = {g for w in words if (g := gender_nouns().get(w))}
        return told.pop() if len(told) == 1 else None
    return memory.genders.get(sp.name)


@dataclass
class Memory:
    """The speaker in force and what the document has said about people so far."""

    persons: list[Person] = field(default_factory=list)
    current: Speaker | None = None
    last_person: Speaker | None = None
    last_org: Speaker | None = None
    statement_org: Speaker | None = None
    description: tuple[Speaker, int] | None = None  # unnamed describer ("a ministry spokesman"), paragraph
    genders: dict[str, str] = field(default_factory=dict)  # person name -> "he" / "she"
    sentences: list[int] = field(default_factory=list)  # sentence start offsets, ascending
    quoted: list[tuple[int, int]] = field(default_factory=list)  # quotation spans, ascending
    said: list[Person] = field(default_factory=list)  # speakers of resolved statements, at their phrase
    mentions: list[Person] = field(default_factory=list)  # known surnames the NER did not tag as a person
    pronouns: list[tuple[int, str]] = field(default_factory=list)  # subject he / she outside quotes, ascending
    plurals: list[tuple[int, str]] = field(default_factory=list)  # plural clause subjects outside quotes, ascending
    last_at: int = -1  # where the speaker phrase of the latest resolved statement stands

    def update(self, sp: Speaker, channel: str | None, para: int) -> None:
        if not (sp.name or sp.role or sp.organization):
            return
        self.current = sp
        if sp.name and not is_org(sp):
            self.last_person = sp
        elif sp.name:
            self.last_org = sp
            if channel == "statement":
                self.statement_org = sp
        else:
            self.description = (sp, para)


def sentence_starts(ctx: Context) -> list[int]:
    return [para.start + sent.start_char for para in ctx.paragraphs for sent in para.doc.sents]


def _in_quote(memory: Memory, pos: int) -> bool:
    i = bisect_right(memory.quoted, (pos, 1 << 62)) - 1
    return i >= 0 and memory.quoted[i][0] < pos < memory.quoted[i][1]


def antecedent(
    pronoun: str,
    start: int,
    memory: Memory,
    window: int = 6,
    skip: tuple[int, int] | None = None,
    depth: int = 0,
) -> Speaker | None:
    """The person a 'he' / 'she' at ``start`` refers to: the nearest sentence before it (or its own
    sentence, before it) that names a person of a compatible gender outside quotation marks; in it,
    the leftmost subject, else the leftmost name. Speakers of earlier statements count as names
    where their attribution stands ("..., he said" chains). Names inside ``skip`` (what the pronoun's
    statement says: "Smith is wrong, he says") yield to the speakers of the sentences before; when
    the nearest sentence naming someone has no speaker, the subject of what is said is meant (one
    who speaks of himself by name: "Ms. Lee was shocked, she said"). When that sentence's subject is
    itself a he/she and the names in it are not subjects ("He finished behind Smith."), the chain goes
    on to the person that he/she refers to."""
    sents = memory.sentences
    here = bisect_right(sents, start) - 1
    if here < 0:
        return None
    low = max(0, here - window)
    lo_pos = sents[low]
    by_sent: dict[int, list[Person]] = {}
    inner: list[Person] = []  # names inside what the statement says
    for p in (*memory.persons, *memory.mentions, *memory.said):
        if not (lo_pos <= p.pos < start) or _in_quote(memory, p.pos):
            continue
        if _gender(memory, p.speaker) not in (None, pronoun):
            continue
        if skip is not None and skip[0] <= p.pos < skip[1]:
            inner.append(p)
            continue
        by_sent.setdefault(bisect_right(sents, p.pos) - 1, []).append(p)
    said = {id(p) for p in memory.said}

    def pick(found: list[Person]) -> Speaker:
        found.sort(key=lambda p: p.pos)
        # the speaker of a statement in that sentence first ("X is right, Y argues. '...,' he says")
        spoke = [p for p in found if id(p) in said]
        subj = [p for p in found if p.subject]
        return (spoke or subj or found)[0].speaker

    inner = [p for p in inner if p.subject]
    for k in range(here, low - 1, -1):
        found = by_sent.get(k)
        if k < here and inner and not (found and any(id(p) in said for p in found)):
            return pick(inner)  # no one spoke just before: the subject of what is said speaks of himself
        if found:
            # in its own sentence, a he/she after an earlier subject he/she that stands before every
            # name goes on with it ("He agreed that Baker may lose, but he said ..."): those names are
            # the earlier one's words
            if depth < 3 and (k == here or not any(p.subject or id(p) in said for p in found)):
                end = min(start, sents[k + 1]) if k + 1 < len(sents) else start
                lead = _subject_pronoun(memory, pronoun, sents[k], end)
                if lead is not None and lead < min(p.pos for p in found):
                    chained = antecedent(pronoun, lead, memory, window, None, depth + 1)
                    if chained is not None:
                        return chained
            return pick(found)
    return pick(inner) if inner else None


def _they(start: int, memory: Memory) -> Speaker | None:
    """A 'they' after a plural subject ("Several aides have said so. They argue ...") named in its own
    sentence or the one before, not before the latest statement's speaker (who may be that group):
    that group."""
    sents = memory.sentences
    here = bisect_right(sents, start) - 1
    lo = sents[max(0, here - 1)] if here >= 0 else 0
    found = [(pos, words) for pos, words in memory.plurals if max(lo, memory.last_at) <= pos < start]
    if not found:
        return None
    words = found[-1][1]
    body = actor_for(words)  # a body the registry knows ("Taliban fighters"), else none: a group of people
    return Speaker(name=None, role=_DET.sub("", words), organization=body.name if body else None)


def _subject_pronoun(memory: Memory, pronoun: str, lo: int, hi: int) -> int | None:
    """Where the first subject he/she (the given one) stands in [lo, hi)."""
    i = bisect_right(memory.pronouns, (lo, ""))
    for pos, word in memory.pronouns[i:]:
        if pos >= hi:
            break
        if word == pronoun:
            return pos
    return None


_LEADING = frozenset(
    [
        "but",
        "however",
        "in",
        "on",
        "at",
        "meanwhile",
        "later",
        "earlier",
        "also",
        "and",
        "yet",
        "still",
        "separately",
        "speaking",
        "while",
        "after",
        "before",
        "during",
        "since",
        "for",
        "with",
        "as",
        "by",
        "from",
        "moreover",
        "furthermore",
        "instead",
        "then",
        "so",
        "reporting",
        "writing",
        "responding",
        "asked",
        "addressing",
        "of",  # "Of course, Clinton said"
        "to",  # "To that, Kasich joked"
        "indeed",
        "again",
        "now",
        "finally",
        "similarly",
        "likewise",
        "additionally",
        "nevertheless",
        "nonetheless",
        "afterwards",
        "afterward",
        "shortly",
        "less",  # "Less than an hour later, Trump wrote"
        "more",
        "minutes",
        "hours",
        "days",
    ]
)


_ADJ_LIST = re.compile(r"(?:the|an?)\s+[a-z][\w-]*", re.IGNORECASE)
_NOT_ADJ = re.compile(r"(?:the|an?|who|which|whose|that|and|or|but|he|she|they|it)\b", re.IGNORECASE)
#: a conjunction or a focus adverb before the subject ("But even the mayor (said)")
_OPENERS = frozenset(
    ["but", "and", "yet", "so", "then", "still", "also", "however", "meanwhile", "as", "even", "especially", "notably"]
)


#: a dash with spaces around it opens an aside
_ASIDE = re.compile(r"(?<=\w)\s+(?:-{1,2}|\u2014|\u2013)\s+(?=\S)")


def _without_aside(p: str) -> str:
    """'A spokesman for the label - a family firm ...': an aside an article opens after the head is
    not part of the speaker; a count after a dash is the speaker, the words before it another
    clause's. (Other words around a dash are left as they are: 'economists - including
    X', 'CITY (AP) - Senator X', 'a firm favourite - others' need the sentence to be read.)"""
    parts = _ASIDE.split(p, maxsplit=1)
    if len(parts) == 2 and parts[1].split(maxsplit=1)[0].lower() in ("a", "an"):
        return parts[0]
    if len(parts) == 2 and parts[1][:1].isdigit():
        return parts[1]  # "... than Mr. Lee - 58 percent of those asked (said)": the count after the dash speaks
    return p


def _clean_phrase(phrase: str, inverted: bool) -> str:
    p = phrase.strip(" \t\n,;:\u2014\u2013-\"'\u201c\u201d")
    p = _without_aside(p)
    parts = [x for x in p.split(", ") if x.strip()]
    # drop leading adverbials ("But in their statement, the Taliban"); keep the head before an
    # appositive ("Resolute Support, the name for the NATO mission")
    while len(parts) > 1 and parts[0].split()[0].lower() in _LEADING:
        parts.pop(0)
    if len(parts) > 1 and parts[-1].lower() in ("he", "she", "they", "it"):
        parts = parts[-1:]  # "On the morning show Tuesday, he (said)": the pronoun is the subject
    if (
        len(parts) > 1
        and _ADJ_LIST.fullmatch(parts[0])
        and parts[0].split()[-1].lower() not in lexicon().roles
        and not parts[1][:1].isupper()
        and not _NOT_ADJ.match(parts[1])
    ):
        parts[:2] = [parts[0] + ", " + parts[1]]  # "the tall, soft-spoken envoy": adjectives in a row
    p = parts[0] if parts else p
    opener = p.split(maxsplit=1)
    while len(opener) == 2 and opener[0].lower() in _OPENERS:
        p = opener[1]  # "But he (added)", "And even the senator (said)": the subject after the conjunction
        opener = p.split(maxsplit=1)
    p = _TRAILING.sub("", p) if not re.match(r"^(?:the|an?)\s", p, re.IGNORECASE) else _cut_desc(p)
    words = p.split()
    if 2 < len(words) <= 6 and words[0].lower() in _LEADING and words[-1].lower() in ("he", "she", "they"):
        return words[-1]  # "In 2010 she (said)", "On Sunday he (told)": the pronoun after an opening phrase
    if 1 < len(words) <= 3 and words[0].lower() in _SUBJECT_PRONOUNS and all(
        w.isalpha() and w.islower() and w not in _NOT_ADVERB for w in words[1:]
    ):
        return words[0]  # "he often (says)", "she later (wrote)": the pronoun and its adverbs
    return p.strip()


_SUBJECT_PRONOUNS = frozenset(["he", "she", "they", "it", "we", "i"])
#: "the Daily Ledger's Anne Marsh": a body's person, by name
_OWNED_PERSON = re.compile(
    r"(?<![\w.&-])(?:[Tt]he\s+)?(?P<org>[A-Z][\w.&-]*+(?:\s[A-Z][\w.&-]*+){0,4}+)(?<=[a-zA-Z.])['\u2019]s\s(?P<name>[A-Z][a-z]++(?:\s[A-Z][\w.-]++){1,2}+)"
)
_NOT_ADVERB = frozenset(["and", "or", "nor", "of", "who", "that", "which", "with", "whose", "to"])


def _cut_desc(p: str) -> str:
    m = _TRAILING.search(p)
    return p[: m.start()] if m else p


def _plural_description(sp: Speaker) -> bool:
    """An unnamed group described by a plural noun ('government officials', 'residents')."""
    last = (sp.role or "").split()[-1:]
    return not sp.name and bool(last) and bool(re.fullmatch(r"[a-z]+[^s]s", last[0]))


def resolve(
    phrase: str | None,
    start: int,
    memory: Memory,
    ctx: Context,
    inverted: bool = False,
    content: tuple[int, int] | None = None,
) -> tuple[Speaker | None, bool]:
    """Resolve a speaker phrase (None = unattributed). Returns (speaker, is_statement_channel).
    ``content`` is what the statement says: the names in it are not the speaker's antecedents."""
    lex = lexicon()
    if phrase is None:
        return memory.current, False
    sm = _STATEMENT_FROM.search(phrase)
    if sm:  # "A statement from the Afghan Taliban" (pull-quote credit)
        return org_speaker(sm.group("o")), True
    if ", " in phrase:  # "the Under-Secretary-General ..., Tom Fletcher" / "Ukraine's energy minister, X,"
        head, rest = phrase.split(", ", 1)
        inside = [p for p in memory.persons if start <= p.pos < start + len(phrase) and p.speaker.name]
        # "Jane Roe, director of the Smith Center,": the name before the comma; of several there
        # the last is the head ("Tom Lee aide Jane Roe": the aide, not the name before her title)
        for person in reversed([p for p in inside if p.pos < start + len(head)]):
            if (person.speaker.name or "") in head:
                return person.speaker, False
        for person in inside:
            if (person.speaker.name or "") in rest:
                return person.speaker, False
    p = _clean_phrase(phrase, inverted)
    low = p.lower()
    owned = _OWNED_PERSON.match(p)
    if owned and (
        _person_by_given_name(owned.group("name").split())
        or any(q.speaker.name == owned.group("name") for q in memory.persons)
    ):
        # "the Daily Ledger's Anne Marsh": a person of the body named before the possessive
        return Speaker(name=owned.group("name"), role=None, organization=owned.group("org")), False
    if low in ("she", "he") and memory.sentences:
        found = antecedent(low, start, memory, skip=content)
        if found is not None:
            return found, False
    if (
        low in ("she", "he")
        and memory.last_person is not None
        and _gender(memory, memory.last_person) not in (None, low)
    ):
        for person in reversed(memory.persons):  # "she said" after a man spoke: the last woman (or unknown)
            if person.pos < start and _gender(memory, person.speaker) in (None, low):
                return person.speaker, False
    if low == "they" and (group := _they(start, memory)) is not None:
        return group, False
    if low in ("who", "which") and (noun := _relative_head(ctx, start + max(phrase.find(p), 0))) is not None:
        # "X, who told lawmakers: '...'": the noun the relative clause hangs on speaks
        return resolve(noun[0], noun[1], memory, ctx, content=content)
    said_statement = bool(_STATEMENT_PHRASE.search(p))
    if low in lex.person_pronouns:
        return memory.last_person or memory.current, False
    if low in lex.org_pronouns or (said_statement and not _has_name(p)):
        if said_statement:
            return memory.statement_org or memory.last_org or memory.current, True
        cur = memory.current
        if low in {"it", "they"} and is_org(cur):
            return cur, False
        found = memory.last_org or memory.current
        if low == "it" and found is not None and _plural_description(found):
            return None, False  # "it" is no "officials" that spoke last
        if found is None and low not in {"it", "they"}:  # "the government" with no body named before
            return Speaker(name=None, role=_DET.sub("", p), organization=_desc_org(p)), False
        return found, False
    if said_statement:
        # "A Taliban statement", "a statement from the Afghan Taliban"
        m = re.search(r"\bfrom\s+(.+)$", p)
        name = m.group(1) if m else _STATEMENT_PHRASE.split(_DET.sub("", p))[0]
        name = name.strip()
        if name:
            return org_speaker(name), True
        return memory.statement_org or memory.current, True
    desc = re.match(r"^(?:the|an?)\s+(.+)$", p, re.IGNORECASE)
    if desc:
        head_part = re.split(r"(?<!\s)\s+(?:to|of|for|at|with)\s+", desc.group(1), maxsplit=1)[0]
        head_words = [w.lower() for w in head_part.split()]
        role_words = [w for w in head_words if w in lex.roles]
        if role_words:
            # "a former defense official said": someone new, not the last official named
            definite = p[:4].lower() == "the "
            found = _match_description(head_part, role_words, start, memory) if definite else None
            if found:
                return found, False
            # "an official who spoke to reporters": the noun phrase, not its relative clause
            role = role_phrase(desc.group(1)) or desc.group(1)
            return Speaker(name=None, role=role, organization=_desc_org(head_part)), False
    for person in memory.persons:  # "Al Jazeera's Ali Hashem": a person, not an institution
        name = person.speaker.name or ""
        if name and p.endswith(name) and start - 1 <= person.pos < start + len(phrase):
            return person.speaker, False
    if low in ("i", "we", "you"):
        return None, False  # the writer or the reader, outside a quote: nobody the text names
    if low.split() and low.split()[0] in lex.group_pronouns and len(p.split()) <= 6:
        return Speaker(name=None, role=p), False  # "those surveyed", "some", "both": an unnamed group
    at = phrase.find(p)
    if p and at >= 0:
        np = _noun_phrase(ctx, start + at, p)
        if np is None:
            return _person_at(p, start, memory), False
        if np != p:
            p = np
            named = _person_at(p, start, memory)
            if named:
                return named, False
    if re.search(r"\w['\u2019]s\s+\w", p):  # "Joe Biden's administration": an institution
        o = _DET.sub("", p)
        return Speaker(name=o, organization=o, body=True), False
    named = _person_at(p, start, memory)
    if named:
        return named, False
    bare = _DET.sub("", p)
    words = bare.split()
    if len(words) > 1 and words[0].lower() in lex.determiners and words[-1].islower():
        # 'One attendee', 'Two Pentagon officials': unnamed people, capitalized only at a sentence start
        return Speaker(name=None, role=bare, organization=_desc_org(" ".join(words[1:]))), False
    if len(words) == 1 and (full := _full_name(ctx.document.text, bare, start)) is not None:
        return Speaker(name=full), False  # 'Lake said' after 'Ann Lake', a name the NER did not tag
    if words and all(w.lower() in lex.determiners or w.lower() in lex.quantity_words or w.isdigit() for w in words):
        # "Six said", "Nearly half said": a number of people, no name
        if bare.lower() in ("a", "an"):
            return None, False  # an article alone: a cut phrase
        return Speaker(name=None, role=bare), False
    if _person_by_given_name(words):
        return Speaker(name=bare), False  # 'Ana Reyes said': a person the model took for an organisation
    titled_caps = _capitalized_title(words)
    if titled_caps is not None:
        # "Kharkiv Mayor Ihor Terekhov": a title written in capitals, then a name the model did not tag
        role, name = titled_caps
        return Speaker(name=name, role=role, organization=_desc_org(role)), False
    if len(words) == 1 and bare.lower() in lex.people_plurals:
        # "Witnesses said", "Survivors told the group": people of a kind, capitalised as the sentence opens
        return Speaker(name=None, role=bare.lower()), False
    if bare and (bare[0].isupper() or bare[:1].isdigit()) and len(words) <= 8:
        return org_speaker(p), False
    titled = _TITLED_NAME.match(bare)
    if titled and any(w in lex.roles for w in titled.group("role").lower().split()):
        # "regional governor Oleh Kiper": a role, then a name the model did not tag
        role = titled.group("role").strip()
        return Speaker(name=titled.group("name"), role=role, organization=_desc_org(role)), False
    if p and len(p.split()) <= 10:
        return Speaker(name=None, role=_DET.sub("", p), organization=_desc_org(p)), False
    return None, False


def _capitalized_title(words: list[str]) -> tuple[str, str] | None:
    """(title, name) of a phrase whose last role word is followed by two or three capitalized
    words, a name ("Kharkiv Mayor Ihor Terekhov"), else None."""
    roles = lexicon().roles
    at = max((i for i, w in enumerate(words[:-2]) if w.lower() in roles), default=None)
    if at is None or not all(w[:1].isupper() for w in words) or not 2 <= len(words) - at - 1 <= 3:
        return None
    return " ".join(words[: at + 1]), " ".join(words[at + 1 :])


#: lower-case role words, then two to four capitalised words: "regional governor Oleh Kiper"
_TITLED_NAME = re.compile(r"^(?P<role>(?:[a-z][\w'-]*\s+){1,4})(?P<name>[A-Z][\w'.-]+(?:\s+[A-Z][\w'.-]+){1,3})$")


def _noun_phrase(ctx: Context, start: int, p: str) -> str | None:
    """The phrase when the parse reads it as one noun phrase (a relative clause after its head cut:
    "members who spoke with reporters" -> "members"); None for a clause or a fragment ("he will",
    "U.S. companies are the biggest investors", "on his Facebook page")."""
    words = p.split()
    if all(w[:1].isupper() or w in ("of", "the", "and", "for") for w in words) and words[0][:1].isupper():
        return p  # a name ("Pickering", tagged a verb by the parse) or a titled one
    para = next((x for x in ctx.paragraphs if x.start <= start < x.end), None)
    if para is None:
        return p
    span = para.doc.char_span(start - para.start, start - para.start + len(p), alignment_mode="expand")
    if span is None or not len(span):
        return p
    if len(span) > 1 and span[0].dep_ == "mark":  # "As the Post's X (wrote)"
        span = span[1:]
    whole = (span.start, span.end)
    rel = next((t for t in span[1:] if t.tag_ in ("WP", "WDT") and t.i > span.start + 1), None)
    if rel is not None:  # "sources who spoke to the paper but were not allowed to": the head before
        span = span.doc[span.start : rel.i]
    roots = [t for t in span if not (span.start <= t.head.i < span.end) or t.head.i == t.i]
    verbs = [t for t in roots if t.pos_ in ("VERB", "AUX")]
    if verbs:  # a clause: its subject, when the phrase holds it ("Clinton seemed to be ready")
        subj = next((c for c in verbs[0].children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if (
            subj is None
            or subj.pos_ == "PRON"
            or not span.start <= subj.left_edge.i <= subj.right_edge.i < span.end
        ):
            return None
        root = subj
    else:
        nominal = [t for t in roots if t.pos_ in ("NOUN", "PROPN", "NUM", "ADJ", "X")]
        if not nominal or span[0].tag_ == "PRP" or span[0].pos_ in ("SCONJ", "AUX", "VERB"):
            return None
        root = nominal[0]
    lo = max(root.left_edge.i, span.start)
    hi = min(root.right_edge.i + 1, span.end)
    # a relative clause or a participle after the head, on it or on a noun after it ("results of
    # polls conducted by ...")
    cut = [t.left_edge.i for t in span if t.dep_ in ("relcl", "acl") and t.i > root.i and t.head.i >= root.i]
    if cut:
        hi = min(hi, min(cut))
    while hi > lo + 1 and span.doc[hi - 1].is_punct:
        hi -= 1
    return span.doc[lo:hi].text if (lo, hi) != whole else p


def _relative_head(ctx: Context, at: int) -> tuple[str, int] | None:
    """The noun phrase (text, offset) a relative pronoun at ``at`` stands for, up to its head noun."""
    para = next((x for x in ctx.paragraphs if x.start <= at < x.end), None)
    span = None if para is None else para.doc.char_span(at - para.start, at - para.start + 1, alignment_mode="expand")
    if span is None or not len(span) or para is None:
        return None
    clause = span[0].head
    noun = clause.head
    if clause.dep_ != "relcl" or noun.pos_ not in ("PROPN", "NOUN") or noun.i >= span[0].i:
        return None
    first = noun.doc[noun.left_edge.i]
    return noun.doc[noun.left_edge.i : noun.i + 1].text, para.start + first.idx


def _has_name(p: str) -> bool:
    return any(w[:1].isupper() for w in _DET.sub("", p).split() if w.lower() not in {"statement"})


def _match_description(head: str, role_words: list[str], start: int, memory: Memory) -> Speaker | None:
    """'the adviser' / 'the NATO chief' -> the latest person outside quotation marks whose role or
    organization fits."""
    lex = lexicon()
    org_words = [w for w in head.split() if w[:1].isupper()]
    head_words = head.lower().split()
    leader = any(w in ("chief", "head", "leader", "boss") for w in role_words)
    cands: list[Speaker] = []
    if memory.current is not None:
        cands.append(memory.current)
    # a name inside quotation marks is what someone said, not who "the former president" is
    cands += [p.speaker for p in reversed(memory.persons) if p.pos < start and not _in_quote(memory, p.pos)]
    for sp in cands:
        if not sp.name or is_org(sp):
            continue
        role = (sp.role or "").lower()
        org = (sp.organization or "").lower() + " " + role
        if org_words and not all(w.lower() in org for w in org_words):
            continue
        if any(_same_role(w, role, head_words) for w in role_words if w not in ("chief", "head", "leader")):
            return sp
        if leader and any(r in role for r in lex.leader_roles):
            return sp
    return None


#: a rank word that makes another role of the noun after it ("vice president" is no president)
_RANKS = ("vice", "deputy", "assistant", "associate", "under", "lieutenant")
#: ranks an officer holding "lieutenant" before them is still called by ("Lieutenant General X ...
#: the general said"; a lieutenant governor is not the governor)
_MILITARY_RANKS = frozenset({"general", "colonel"})


def _same_role(word: str, role: str, head_words: list[str]) -> bool:
    """Is ``role`` the role ``word`` names in a description: "the former president" is not a
    "Vice President", nor one whose role says nothing of being former."""
    if word not in role:
        return False
    ranks = [r for r in _RANKS if r not in head_words and not (r == "lieutenant" and word in _MILITARY_RANKS)]
    if any(f"{r} {word}" in role or f"{r}-{word}" in role for r in ranks):
        return False
    return "former" not in head_words or any(w in role for w in ("former", "ex-", "then"))


def _person_by_given_name(words: list[str]) -> bool:
    """Two or three capitalised words led by a common given name and ending in no word of an
    outlet or institution, no registry actor: a person ("Ana Reyes"; not "Jordan Times")."""
    if not 2 <= len(words) <= 3 or not all(w[:1].isupper() and w.isalpha() for w in words):
        return False
    lex, last = lexicon(), words[-1]
    if words[0].lower() not in given_names() or last in lex.outlet_words or last in lex.organization_words:
        return False
    if last.lower() in _INSTITUTION or last.lower() in lex.speaking_nouns:
        return False
    return actor_for(" ".join(words)) is None


def _person_at(p: str, start: int, memory: Memory) -> Speaker | None:
    """A named person in the phrase: full name from the index, or a known surname."""
    words = [w.strip(".,") for w in p.split()]
    if not words:
        return None
    for person in memory.persons:
        if start - 1 <= person.pos < start + len(p) + 40 and person.speaker.name and person.speaker.name in p:
            return person.speaker
    last = words[-1].lower()
    for person in reversed(memory.persons):
        if person.surname == last and person.pos <= start + len(p) + 200:
            return person.speaker
    return None


#: capitalized words before a surname that are no given name ("In Lake", "The Lake")
_NOT_GIVEN = frozenset(
    [
        "the", "a", "an", "in", "on", "at", "but", "and", "or", "for", "of", "to", "by", "as", "with",
        "from", "when", "while", "after", "before", "this", "that", "these", "those", "mr", "ms",
        "mrs", "dr", "sir", "his", "her", "their", "its", "our", "my", "if", "so", "yet", "then",
        "said", "says",
    ]
)


def _full_name(text: str, word: str, start: int) -> str | None:
    """'Ann Lake' for a bare capitalized 'Lake' that the text named in full before ``start`` (one given
    name before it, or a given name and an initial), when the registry knows no body by that word."""
    if not (word[:1].isupper() and word[1:].islower() and word.isalpha()) or actor_for(word) is not None:
        return None
    pat = re.compile(rf"\b([A-Z][a-z]+(?:\s+[A-Z]\.)?)\s+{re.escape(word)}\b(?!\s+[A-Z])")
    for m in pat.finditer(text, 0, max(0, start)):
        before = text[max(0, m.start() - 40) : m.start()].split()
        if before and before[-1][:1].isupper() and not before[-1].endswith((".", ",", ":", ";")):
            continue  # part of a longer name ('New York Times', 'Fort Pierce Lake')
        full = m.group(0)
        given = m.group(1).split()[0].lower()
        if given not in _NOT_GIVEN and actor_for(full) is None and not lexicon().outlet_re.fullmatch(full):
            return full
    return None
