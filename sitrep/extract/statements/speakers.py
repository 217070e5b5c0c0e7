"""Who is speaking: speaker phrases -> ``Speaker``, with a per-document memory for carry-over.

Named people are indexed once per document with the title words before their name
("Taliban spokesman Suhail Shaheen" -> role spokesman, organization Taliban), so later forms
("Shaheen said", "he added", "the NATO chief said", "added the adviser to ...") resolve to them.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from ...model import Actor, Speaker
from ..actors import ActorRegistry
from .lexicon import lexicon

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from ..context import Context

_DET = re.compile(r"^(?:the|a|an|its|their|his|her)\s+", re.IGNORECASE)
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
_INSTITUTION = frozenset(
    [
        "ministry",
        "army",
        "police",
        "government",
        "forces",
        "office",
        "council",
        "department",
        "command",
        "agency",
        "mission",
        "defense",
        "defence",
        "interior",
        "foreign",
        "security",
        "intelligence",
        "presidential",
        "national",
        "military",
    ]
)
_BAD_SUBJECT = frozenset(
    [
        "report",
        "reports",
        "study",
        "data",
        "figures",
        "estimate",
        "estimates",
        "survey",
        "poll",
        "analysis",
        "document",
    ]
)


@lru_cache(maxsize=1)
def registry() -> ActorRegistry:
    return ActorRegistry.default()


def actor_for(*texts: str | None) -> Actor | None:
    """Resolve a name or description to a registry actor (None while unresolvable)."""
    reg = registry()
    for t in texts:
        if not t:
            continue
        a = reg.match(_DET.sub("", t.strip()))
        if a:
            return a
        found = reg.find(t)
        if found:
            return found[0][2]
    return None


def org_name(text: str) -> str:
    """Canonical organization name: the registry's, else the phrase without its article."""
    stripped = _DET.sub("", text.strip(" ,.;:")).strip()
    a = registry().match(stripped)
    return a.name if a else stripped


def org_speaker(text: str) -> Speaker:
    """An organization speaking: its canonical name (the registry's) as ``name``, the words the
    text names it with as ``organization`` ("The White House said" -> name "Government of the
    United States", organization "White House")."""
    surface = _DET.sub("", text.strip(" ,.;:")).strip()
    return Speaker(name=org_name(text), organization=surface or None, body=True)


def is_org(sp: Speaker | None) -> bool:
    """Is the speaker an organization (not a person, not an unnamed description)?"""
    return sp is not None and bool(sp.name) and (sp.body or sp.name == sp.organization)


def is_bad_subject(text: str) -> bool:
    words = text.lower().split()
    return bool(words) and words[-1] in _BAD_SUBJECT


@dataclass
class Person:
    pos: int
    speaker: Speaker
    surname: str
    subject: bool = False  # the subject (or its appositive) of its clause


def _gender(memory: Memory, sp: Speaker) -> str | None:
    """'she' / 'he' for a person when the text tells (Ms./Mr., spokeswoman, 'X said she ...'), else None."""
    if not sp.name:  # an unnamed description: "the spokeswoman", "the congressman"
        words = set((sp.role or "").lower().split())
        return "she" if words & _FEMALE else "he" if words & _MALE else None
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


_FEMALE = frozenset(
    [
        "ms",
        "mrs",
        "miss",
        "madam",
        "madame",
        "dame",
        "lady",
        "spokeswoman",
        "chairwoman",
        "congresswoman",
        "queen",
        "princess",
    ]
)
_MALE = frozenset(["mr", "sir", "lord", "spokesman", "chairman", "congressman", "king", "prince"])


def person_genders(ctx: Context, persons: list[Person]) -> dict[str, str]:
    """Gender a text gives a person, by votes over its mentions: a title before the name (Ms., Mr.,
    spokeswoman) counts most; a subject he/she (or herself/himself) after the name in its sentence,
    before any other name, counts once ("Clinton said she would ..."; not "X criticized her plan")."""
    by_pos = {p.pos: p.speaker for p in persons}
    votes: dict[str, list[int]] = {}
    for para in ctx.paragraphs:
        doc: Doc = para.doc
        for ent in doc.ents:
            if ent.label_ != "PERSON":
                continue
            name = re.sub(r"['\u2019]s$", "", ent.text.strip())
            sp = by_pos.get(para.start + ent.start_char)
            key = sp.name if sp is not None and sp.name else name
            v = votes.setdefault(key, [0, 0])  # she, he
            before = {t.lower_.strip(".") for t in doc[max(0, ent.start - 3) : ent.start]}
            if before & _FEMALE:
                v[0] += 5
                continue
            if before & _MALE:
                v[1] += 5
                continue
            for t in doc[ent.end : min(ent.sent.end, ent.end + 12)]:
                if t.ent_type_ == "PERSON":
                    break
                if t.lower_ == "herself" or t.lower_ == "she" and t.dep_ in ("nsubj", "nsubjpass"):
                    v[0] += 1
                    break
                if t.lower_ == "himself" or t.lower_ == "he" and t.dep_ in ("nsubj", "nsubjpass"):
                    v[1] += 1
                    break
    out = {k: ("she" if f > m else "he") for k, (f, m) in votes.items() if f != m}
    given = given_names()
    for p in persons:  # no title nor pronoun in the text: a common given name tells ("Hillary Clinton")
        name = p.speaker.name or ""
        words = name.split()
        if len(words) > 1 and name not in out and (g := given.get(words[0].lower())):
            out[name] = g
    return out


@lru_cache(maxsize=1)
def given_names() -> dict[str, str]:
    """Common given name -> 'she' / 'he' (sitrep/data/statements/given_names.json)."""
    raw = json.loads(
        resources.files("sitrep.data").joinpath("statements/given_names.json").read_text(encoding="utf-8")
    )
    return {**{n: "he" for n in raw["he"]}, **{n: "she" for n in raw["she"]}}


def index_persons(ctx: Context) -> list[Person]:
    """Every PERSON entity of the body, with the role and organization written before it."""
    lex = lexicon()
    out: list[Person] = []
    known: dict[str, Speaker] = {}  # surname -> the person it last named
    same: dict[str, list[Speaker]] = {}  # surname -> every person of that surname
    titled: dict[int, str] = {}  # id(speaker) -> "she" / "he" from a title before one of its mentions
    for para in ctx.paragraphs:
        doc: Doc = para.doc
        for ent in _person_spans(doc):
            name = re.sub(r"['\u2019]s$", "", ent.text.strip())
            if not name or not name[0].isupper():
                continue
            role, org = _title_before(doc, ent.start, lex.roles)
            surname = name.split()[-1].lower()
            prev = known.get(surname)
            before = {t.lower_.strip(".") for t in doc[max(0, ent.start - 2) : ent.start]}
            title = "she" if before & _FEMALE else "he" if before & _MALE else None
            if prev is not None and title and len(name.split()) == 1 and _sex(prev, titled) not in (None, title):
                # "Mrs. Clinton" after "Bill Clinton": the namesake of that gender, else someone new
                prev = next((o for o in reversed(same.get(surname, [])) if _sex(o, titled) in (None, title)), None)
            if prev is not None and (len(name.split()) == 1 or prev.name == name):
                sp = prev  # a later short mention of a known person
                if role and not prev.role:
                    prev.role = role
                if org and not prev.organization:
                    prev.organization = org
            else:
                sp = Speaker(name=name, role=role, organization=org)
                same.setdefault(surname, []).append(sp)
            known[surname] = sp
            if title:
                titled.setdefault(id(sp), title)
            out.append(Person(para.start + ent.start_char, sp, surname, _is_subject(ent.root)))
    return out


_NOT_PERSON = frozenset(["GPE", "LOC", "FAC", "ORG", "NORP", "PERSON", "DATE", "TIME", "MONEY", "CARDINAL", "ORDINAL"])


def _person_spans(doc: Doc) -> list[Span]:
    """The PERSON entities, and names the model did not tag as persons that open with a common
    given name ("Ivanka Trump" read as an organization): two to four capitalized words."""
    out = [e for e in doc.ents if e.label_ == "PERSON"]
    given = given_names()
    i, n = 0, len(doc)
    while i < n - 1:
        t = doc[i]
        if t.is_title and t.ent_type_ not in _NOT_PERSON and t.lower_ in given:
            j = i + 1
            while j < n and j - i < 4 and doc[j].ent_type_ not in _NOT_PERSON and (
                doc[j].is_title and doc[j].pos_ == "PROPN" or re.fullmatch(r"[A-Z]\.", doc[j].text)
            ):
                j += 1
            if j - i >= 2 and not re.fullmatch(r"[A-Z]\.", doc[j - 1].text):
                out.append(doc[i:j])
                i = j
                continue
        i += 1
    return sorted(out, key=lambda e: e.start) if len(out) > 1 else out


def _sex(sp: Speaker, titled: dict[int, str]) -> str | None:
    """'she' / 'he' of an indexed person so far: a title before one of its mentions, else its given name."""
    words = (sp.name or "").split()
    return titled.get(id(sp)) or (given_names().get(words[0].lower()) if len(words) > 1 else None)


def _is_subject(tok: Token) -> bool:
    """A clause subject, or a name in apposition to / compounded with one ("his rival, Mr. X, said")."""
    for _ in range(4):
        if tok.dep_ in ("nsubj", "nsubjpass"):
            return True
        if tok.dep_ not in ("appos", "compound", "flat") or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def surname_mentions(ctx: Context, persons: list[Person]) -> list[Person]:
    """Capitalized known surnames outside PERSON entities ("Sanders says ..." tagged as a place)."""
    known: dict[str, Speaker] = {}
    for p in persons:
        if p.speaker.name and len(p.surname) > 2:
            known.setdefault(p.surname, p.speaker)
    if not known:
        return []
    out: list[Person] = []
    for para in ctx.paragraphs:
        for t in para.doc:
            if t.ent_type_ != "PERSON" and t.is_title and t.lower_ in known:
                out.append(Person(para.start + t.idx, known[t.lower_], t.lower_, _is_subject(t)))
    return out


def description_mentions(ctx: Context, persons: list[Person]) -> list[Person]:
    """Definite descriptions of one person standing as a clause subject ("The judge rubbed his chin",
    "the Florida senator sought ..."): the latest person named before with that role, else the
    description itself, for a later he/she to refer to."""
    lex = lexicon()
    text = ctx.document.text
    out: list[Person] = []
    for para in ctx.paragraphs:
        for t in para.doc:
            low = t.lower_
            if t.dep_ not in ("nsubj", "nsubjpass") or t.pos_ != "NOUN":
                continue
            if low not in lex.roles and low not in lex.person_nouns:
                continue
            det = [c for c in t.children if c.dep_ == "det"]
            if len(det) != 1 or det[0].lower_ != "the" or det[0].i != t.left_edge.i:
                continue
            pos = para.start + t.left_edge.idx
            found = next((p.speaker for p in reversed(persons) if p.pos < pos and _has_role(p, low, text)), None)
            if found is None:
                words = para.doc[det[0].i + 1 : t.i + 1].text
                found = Speaker(name=None, role=words, organization=_desc_org(words))
            out.append(Person(pos, found, low, True))
    return out


def _has_role(p: Person, noun: str, text: str) -> bool:
    """Is the named person of this mention called ``noun`` ("senator"): by its role words, their
    abbreviation ("Sen.", "Gov."), or the title written before this mention ("Judge Ann Lee")."""
    if not p.speaker.name:
        return False
    for w in [*(p.speaker.role or "").lower().split(), *text[max(0, p.pos - 24) : p.pos].lower().split()[-1:]]:
        if w == noun or w.endswith(".") and len(w) >= 4 and noun.startswith(w[:-1]):
            return True
    return False


def sentence_starts(ctx: Context) -> list[int]:
    return [para.start + sent.start_char for para in ctx.paragraphs for sent in para.doc.sents]


def _in_quote(memory: Memory, pos: int) -> bool:
    i = bisect_right(memory.quoted, (pos, 1 << 62)) - 1
    return i >= 0 and memory.quoted[i][0] < pos < memory.quoted[i][1]


def antecedent(pronoun: str, start: int, memory: Memory, window: int = 6) -> Speaker | None:
    """The person a 'he' / 'she' at ``start`` refers to: the nearest sentence before it (or its own
    sentence, before it) that names a person of a compatible gender outside quotation marks; in it,
    the leftmost subject, else the leftmost name. Speakers of earlier statements count as names
    where their attribution stands ("..., he said" chains)."""
    sents = memory.sentences
    here = bisect_right(sents, start) - 1
    if here < 0:
        return None
    low = max(0, here - window)
    lo_pos = sents[low]
    by_sent: dict[int, list[Person]] = {}
    for p in (*memory.persons, *memory.mentions, *memory.said):
        if not (lo_pos <= p.pos < start) or _in_quote(memory, p.pos):
            continue
        if _gender(memory, p.speaker) not in (None, pronoun):
            continue
        by_sent.setdefault(bisect_right(sents, p.pos) - 1, []).append(p)
    said = {id(p) for p in memory.said}
    for k in range(here, low - 1, -1):
        found = by_sent.get(k)
        if found:
            found.sort(key=lambda p: p.pos)
            # the speaker of a statement in that sentence first ("X is right, Y argues. '...,' he says")
            spoke = [p for p in found if id(p) in said]
            subj = [p for p in found if p.subject]
            return (spoke or subj or found)[0].speaker
    return None


def _title_before(doc: Doc, i: int, roles: frozenset[str]) -> tuple[str | None, str | None]:
    """Title words just before a name: ("spokesman", "Taliban") from "Taliban spokesman X"."""
    j = i
    while j > 0 and i - j < 7:
        t = doc[j - 1]
        low = t.lower_
        if t.is_punct and low not in {".", "-"} or t.pos_ in {"DET", "VERB", "AUX", "ADP", "PRON", "CCONJ"}:
            break
        if t.is_title or t.is_upper or low in roles or low in _INSTITUTION or low.replace(".", "").isupper():
            j -= 1
            continue
        if low in {"special", "peace", "senior", "top", "deputy", "former", "acting", "chief"}:
            j -= 1
            continue
        break
    toks = [t for t in doc[j:i] if not t.is_punct or t.text == "."]
    if not toks:
        return None, None
    org_toks: list[str] = []
    k = 0
    while k < len(toks) and toks[k].ent_type_ in {"ORG", "NORP", "GPE"} and toks[k].lower_ not in roles:
        org_toks.append(toks[k].text)
        k += 1
    if org_toks and not _org_like(org_toks, toks[:k]):
        org_toks, k = [], 0
    role_toks = [t.text for t in toks[k:]]
    if role_toks and not any(w.lower() in roles for w in role_toks):
        if not org_toks:
            return None, None
        org_toks += role_toks
        role_toks = []
    role = " ".join(role_toks) or None
    org = org_name(" ".join(org_toks)) if org_toks else None
    return role, org


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
    ]
)


def _org_like(words: list[str], toks: list) -> bool:  # type: ignore[type-arg]
    """Leading title words are an organization only when they look like one (NATO, Taliban, U.S.)."""
    if actor_for(" ".join(words)) is not None or len(words) == 1:
        return True
    return all(t.ent_type_ in {"NORP", "GPE"} or t.text.replace(".", "").isupper() for t in toks)


_OPENERS = frozenset(["but", "and", "yet", "so", "then", "still", "also", "however", "meanwhile"])


def _clean_phrase(phrase: str, inverted: bool) -> str:
    p = phrase.strip(" \t\n,;:\u2014\u2013-\"'\u201c\u201d")
    parts = [x for x in p.split(", ") if x.strip()]
    # drop leading adverbials ("But in their statement, the Taliban"); keep the head before an
    # appositive ("Resolute Support, the name for the NATO mission")
    while len(parts) > 1 and parts[0].split()[0].lower() in _LEADING:
        parts.pop(0)
    if len(parts) > 1 and parts[-1].lower() in ("he", "she", "they", "it"):
        parts = parts[-1:]  # "On the morning show Tuesday, he (said)": the pronoun is the subject
    p = parts[0] if parts else p
    opener = p.split(maxsplit=1)
    if len(opener) == 2 and opener[0].lower() in _OPENERS:
        p = opener[1]  # "But he (added)", "And the senator (said)": the subject after the conjunction
    p = _TRAILING.sub("", p) if not re.match(r"^(?:the|an?)\s", p, re.IGNORECASE) else _cut_desc(p)
    return p.strip()


def _cut_desc(p: str) -> str:
    m = _TRAILING.search(p)
    return p[: m.start()] if m else p


def resolve(
    phrase: str | None,
    start: int,
    memory: Memory,
    ctx: Context,
    inverted: bool = False,
) -> tuple[Speaker | None, bool]:
    """Resolve a speaker phrase (None = unattributed). Returns (speaker, is_statement_channel)."""
    lex = lexicon()
    if phrase is None:
        return memory.current, False
    sm = _STATEMENT_FROM.search(phrase)
    if sm:  # "A statement from the Afghan Taliban" (pull-quote credit)
        return org_speaker(sm.group("o")), True
    if ", " in phrase:  # "the Under-Secretary-General ..., Tom Fletcher" / "Ukraine's energy minister, X,"
        head, rest = phrase.split(", ", 1)
        inside = [p for p in memory.persons if start <= p.pos < start + len(phrase) and p.speaker.name]
        for person in inside:  # "Jane Roe, director of the Smith Center,": the name before the comma
            if person.pos < start + len(head) and (person.speaker.name or "") in head:
                return person.speaker, False
        for person in inside:
            if (person.speaker.name or "") in rest:
                return person.speaker, False
    p = _clean_phrase(phrase, inverted)
    low = p.lower()
    if low in ("she", "he") and memory.sentences:
        found = antecedent(low, start, memory)
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
    said_statement = bool(_STATEMENT_PHRASE.search(p))
    if low in lex.person_pronouns:
        return memory.last_person or memory.current, False
    if low in lex.org_pronouns or (said_statement and not _has_name(p)):
        if said_statement:
            return memory.statement_org or memory.last_org or memory.current, True
        cur = memory.current
        if low in {"it", "they"} and is_org(cur):
            return cur, False
        return memory.last_org or memory.current, False
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
            found = _match_description(head_part, role_words, start, memory)
            if found:
                return found, False
            return Speaker(name=None, role=desc.group(1), organization=_desc_org(head_part)), False
    for person in memory.persons:  # "Al Jazeera's Ali Hashem": a person, not an institution
        name = person.speaker.name or ""
        if name and p.endswith(name) and start - 1 <= person.pos < start + len(phrase):
            return person.speaker, False
    if low in ("i", "we", "you"):
        return None, False  # the writer or the reader, outside a quote: nobody the text names
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
    if bare and (bare[0].isupper() or bare[:1].isdigit()):
        words = bare.split()
        if len(words) <= 8:
            return org_speaker(p), False
    if p and len(p.split()) <= 10:
        return Speaker(name=None, role=_DET.sub("", p), organization=_desc_org(p)), False
    return None, False


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
    cut = [c.left_edge.i for c in root.children if c.dep_ in ("relcl", "acl") and c.i > root.i]
    if cut:
        hi = min(hi, min(cut))
    while hi > lo + 1 and span.doc[hi - 1].is_punct:
        hi -= 1
    return span.doc[lo:hi].text if (lo, hi) != (span.start, span.end) else p


def _has_name(p: str) -> bool:
    return any(w[:1].isupper() for w in _DET.sub("", p).split() if w.lower() not in {"statement"})


def _desc_org(text: str) -> str | None:
    """Organization words of a description: "An Afghan defense ministry spokesman" -> "Afghan defense ministry"."""
    a = actor_for(text)
    if a:
        return a.name
    lex = lexicon()
    words = _DET.sub("", text).split()
    keep: list[str] = []
    for w in words:
        if w.lower() in lex.roles and w.lower() not in _INSTITUTION:
            break
        if w[:1].isupper() or w.lower() in _INSTITUTION:
            keep.append(w)
        else:
            keep = []
    return " ".join(keep) or None


def _match_description(head: str, role_words: list[str], start: int, memory: Memory) -> Speaker | None:
    """'the adviser' / 'the NATO chief' -> the latest person whose role or organization fits."""
    lex = lexicon()
    org_words = [w for w in head.split() if w[:1].isupper()]
    leader = any(w in ("chief", "head", "leader", "boss") for w in role_words)
    cands: list[Speaker] = []
    if memory.current is not None:
        cands.append(memory.current)
    cands += [p.speaker for p in reversed(memory.persons) if p.pos < start]
    for sp in cands:
        if not sp.name or is_org(sp):
            continue
        role = (sp.role or "").lower()
        org = (sp.organization or "").lower() + " " + role
        if org_words and not all(w.lower() in org for w in org_words):
            continue
        if any(w in role for w in role_words if w not in ("chief", "head", "leader")):
            return sp
        if leader and any(r in role for r in lex.leader_roles):
            return sp
    return None


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
