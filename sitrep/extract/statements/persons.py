"""The people a document names: every PERSON mention indexed once with the title words before it
("Taliban spokesman Suhail Shaheen" -> role spokesman, organization Taliban), the gender the text
gives each, and the other mentions a later he/she can refer to (known surnames the NER missed,
definite descriptions standing as subjects: "the judge", "the senator")."""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from ...model import Speaker
from ..places import Gazetteer
from .candidate import _speaks
from .lexicon import lexicon
from .organizations import _INSTITUTION, _desc_org, actor_for, org_name

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from ..context import Context


@dataclass
class Person:
    pos: int
    speaker: Speaker
    surname: str
    subject: bool = False  # the subject (or its appositive) of its clause


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
    spokeswoman) counts most, then a common given name; a subject he/she (or herself/himself) after
    the name in its sentence, before any other name, counts once ("Clinton said she would ..."; not
    "X criticized her plan")."""
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
            if not _is_subject(ent.root):
                continue  # "On Twitter, she said": a pronoun after a name that is no subject
            for t in doc[ent.end : min(ent.sent.end, ent.end + 12)]:
                if t.ent_type_ == "PERSON":
                    break
                if t.lower_ == "herself" or t.lower_ == "she" and t.dep_ in ("nsubj", "nsubjpass"):
                    v[0] += 1
                    break
                if t.lower_ == "himself" or t.lower_ == "he" and t.dep_ in ("nsubj", "nsubjpass"):
                    v[1] += 1
                    break
    given = given_names()
    named = {p.speaker.name for p in persons if p.speaker.name and len(p.speaker.name.split()) > 1}
    for name in named:  # a common given name tells ("Hillary Clinton"), more than one pronoun after it
        if g := given.get(name.split()[0].lower()):
            votes.setdefault(name, [0, 0])[0 if g == "she" else 1] += 2
    return {k: ("she" if v[0] > v[1] else "he") for k, v in votes.items() if v[0] != v[1]}


@lru_cache(maxsize=1)
def gender_nouns() -> dict[str, str]:
    """Noun -> 'she' / 'he' ('woman', 'actor'): what an unnamed description tells of its gender
    (sitrep/data/statements/given_names.json)."""
    return _by_gender("nouns_he", "nouns_she")


@lru_cache(maxsize=1)
def given_names() -> dict[str, str]:
    """Common given name -> 'she' / 'he' (sitrep/data/statements/given_names.json)."""
    return _by_gender("he", "she")


@lru_cache(maxsize=1)
def _gender_lists() -> dict[str, list[str]]:
    """sitrep/data/statements/given_names.json, read once for the names and the nouns."""
    text = resources.files("sitrep.data").joinpath("statements/given_names.json").read_text(encoding="utf-8")
    return json.loads(text)  # type: ignore[no-any-return]


def _by_gender(he: str, she: str) -> dict[str, str]:
    """Word -> 'he' / 'she' from two lists of the gender file (a word in both reads 'she')."""
    raw = _gender_lists()
    return {**{n: "he" for n in raw[he]}, **{n: "she" for n in raw[she]}}


def index_persons(ctx: Context) -> list[Person]:
    """Every PERSON entity of the body, with the role and organization written before it."""
    lex = lexicon()
    out: list[Person] = []
    known: dict[str, Speaker] = {}  # surname -> the person it last named
    same: dict[str, list[Speaker]] = {}  # surname -> every person of that surname
    titled: dict[int, str] = {}  # id(speaker) -> "she" / "he" from a title before one of its mentions
    not_persons = {*lex.outlets, *(name.lower() for _, name in lex.channels)}
    # "came to Clarkston in 2011 ... and Clarkston became his home": a one-word name the model
    # tags as a place as often as a person or more is that place, not someone "he" points back to
    tags = Counter(
        (e.text, e.label_ in _PLACE_LABELS)
        for para in ctx.paragraphs for e in para.doc.ents
        if " " not in e.text and (e.label_ == "PERSON" or e.label_ in _PLACE_LABELS)
    )  # fmt: skip
    gazetteer = Gazetteer.default()  # (a singer the model once tags as a country stays a person)
    places = {
        name for (name, place), n in tags.items()
        if place and n >= tags[(name, False)] and gazetteer.lookup(name)
    }  # fmt: skip
    for para in ctx.paragraphs:
        doc: Doc = para.doc
        for ent in _person_spans(doc):
            name = re.sub(r"['\u2019]s$", "", ent.text.strip())
            if not name or not name[0].isupper() or name.lower() in not_persons or name in places:
                continue  # "On Twitter, she responded": the model may tag a platform or an outlet as a person
            if _not_one_person(name, doc, ent.start, known):
                continue  # "the ROTC program", "the Clintons": no he or she
            role, org = _title_before(doc, ent.start, lex.roles)
            role = role or _role_after(doc, ent)
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


def _not_one_person(name: str, doc: Doc, start: int, known: dict[str, Speaker]) -> bool:
    """A name the model tagged as a person that is no one person: an acronym ("ROTC") or a
    family ("the Clintons", or the plural of a surname already named)."""
    if " " in name:
        return False
    if name.isupper() and len(name) > 1:
        return True
    plural = name.endswith("s") and (
        name[:-1].lower() in known or start > 0 and doc[start - 1].lower_ == "the"
    )
    return plural


_PLACE_LABELS = frozenset(["GPE", "LOC", "FAC"])
_NOT_PERSON = frozenset(["GPE", "LOC", "FAC", "ORG", "NORP", "PERSON", "DATE", "TIME", "MONEY", "CARDINAL", "ORDINAL"])


def _person_spans(doc: Doc) -> list[Span]:
    """The PERSON entities, and names the model did not tag as persons that open with a common
    given name ("Ivanka Trump" read as an organization: two to four capitalized words) or follow
    a title ("Lieutenant General Taoreed Lagbaja": two or three)."""
    out = [e for e in doc.ents if e.label_ == "PERSON"]
    given, roles = given_names(), lexicon().roles
    i, n = 0, len(doc)
    while i < n - 1:
        t = doc[i]
        if t.is_title and t.lower_ in roles:  # (or after a title, "Lieutenant General Taoreed Lagbaja")
            j = i + 1
            while j < n and j - i <= 3 and _untagged_name(doc[j], roles):
                j += 1
            if 3 <= j - i <= 4 and not (j < n and _untagged_name(doc[j], roles)):  # two or three names
                out.append(doc[i + 1 : j])
                i = j
                continue
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
    return _joined(doc, sorted(out, key=lambda e: e.start)) if len(out) > 1 else out


def _joined(doc: Doc, spans: list[Span]) -> list[Span]:
    """Two person spans with only a place's name between them are one name: the ruler tags
    places before the model ("Abdifatah Aden Hassan", with Aden read as the Yemeni port)."""
    out: list[Span] = []
    for span in spans:
        prev = out[-1] if out else None
        gap = doc[prev.end : span.start] if prev is not None else None
        if (
            prev is not None
            and gap is not None
            and 1 <= len(gap) <= 2
            and all(t.is_title and t.pos_ == "PROPN" and t.ent_type_ in _PLACE_LABELS for t in gap)
        ):
            out[-1] = doc[prev.start : span.end]
        else:
            out.append(span)
    return out


def _untagged_name(t: Token, roles: frozenset[str]) -> bool:
    """A capitalized proper noun the model tagged as nothing, and no title itself."""
    return t.is_title and t.pos_ == "PROPN" and not t.ent_type_ and t.lower_ not in roles


def _sex(sp: Speaker, titled: dict[int, str]) -> str | None:
    """'she' / 'he' of an indexed person so far: a title before one of its mentions, else its given name."""
    words = (sp.name or "").split()
    return titled.get(id(sp)) or (given_names().get(words[0].lower()) if len(words) > 1 else None)


def _is_subject(tok: Token) -> bool:
    """A clause subject, or a name in apposition to / compounded with one ("his rival, Mr. X, said");
    not a name modifying another person's name ("Obama" in "Obama aide Jane Roe said")."""
    first = tok
    for _ in range(4):
        if tok.dep_ in ("nsubj", "nsubjpass"):
            return True
        if tok.dep_ not in ("appos", "compound", "flat") or tok.head.i == tok.i:
            return False
        if tok.dep_ == "compound" and tok.head.ent_type_ == "PERSON" and not _same_name(first, tok.head):
            return False
        tok = tok.head
    return False


def _same_name(a: Token, b: Token) -> bool:
    """Do two tokens stand in one run of PERSON-tagged words (one name)?"""
    lo, hi = sorted((a.i, b.i))
    return all(t.ent_type_ == "PERSON" for t in a.doc[lo : hi + 1]) and not any(
        t.ent_iob_ == "B" for t in a.doc[lo + 1 : hi + 1]
    )


def surname_mentions(ctx: Context, persons: list[Person]) -> list[Person]:
    """Capitalized known surnames outside PERSON entities ("Sanders says ..." tagged as a place);
    a hyphenated one by its last part, the token the tokenizer leaves of it ("Al-Awlaki")."""
    known: dict[str, Speaker] = {}
    for p in persons:
        if p.speaker.name and len(p.surname) > 2:
            known.setdefault(p.surname, p.speaker)
            if len(last := p.surname.rsplit("-", 1)[-1]) > 2:
                known.setdefault(last, p.speaker)
    if not known:
        return []
    out: list[Person] = []
    for para in ctx.paragraphs:
        for t in para.doc:
            if t.ent_type_ != "PERSON" and t.is_title and t.lower_ in known:
                out.append(Person(para.start + t.idx, known[t.lower_], t.lower_, _is_subject(t)))
    return out


def description_mentions(ctx: Context, persons: list[Person]) -> list[Person]:
    """Descriptions of one person standing as a clause subject ("The judge rubbed his chin",
    "the Florida senator sought ..."): the latest person named before with that role, else the
    description itself, for a later he/she to refer to; an indefinite one ("a retired nurse") is
    someone new."""
    lex = lexicon()
    text = ctx.document.text
    out: list[Person] = []
    for para in ctx.paragraphs:
        for t in para.doc:
            low = t.lower_
            if t.dep_ not in ("nsubj", "nsubjpass") or t.pos_ != "NOUN":
                continue
            if low not in lex.roles and low not in lex.person_nouns and low not in gender_nouns():
                continue
            det = [c for c in t.children if c.dep_ == "det"]
            owned = _owned_description(t, para.start, persons) if not det else None
            if owned is not None:  # "The agency's executive director, Cindy McCain, said"
                out.append(owned)
                continue
            if len(det) != 1 or det[0].lower_ not in ("the", "a", "an") or det[0].i != t.left_edge.i:
                continue
            pos = para.start + t.left_edge.idx
            end = para.start + t.right_edge.idx + len(t.right_edge.text)
            words = para.doc[det[0].i + 1 : t.i + 1].text
            # "The trade minister, Omar Sadiq, ...", "A cleric, Omar Hadi, ...", "The radio host Ann
            # Lee ..." (the parse may make the name a subject of its own): the person named in
            # apposition, who has that role
            found = next((p.speaker for p in persons if pos < p.pos <= end + 2 and p.speaker.name), None)
            apposed = _apposed_person(t, para.start, persons)
            if apposed is not None and not apposed.role:
                apposed.role = words
            if det[0].lower_ != "the":  # "A retired nurse from Ohio said ...": someone new, unnamed
                found = apposed
            if found is None and det[0].lower_ != "the":
                out.append(Person(pos, Speaker(name=None, role=words, organization=_desc_org(words)), low, True))
                continue
            # else the last one so called
            found = found or next(
                (p.speaker for p in reversed(persons) if p.pos < pos and _has_role(p, low, text)), None
            )
            if found is None:
                found = Speaker(name=None, role=words, organization=_desc_org(words))
            out.append(Person(pos, found, low, True))
    return out


def _owned_description(noun: Token, base: int, persons: list[Person]) -> Person | None:
    """A role told with its owner and the person's name in apposition ("The agency's executive
    director, Cindy McCain,", "Sudan's ambassador to the UN, Al-Harith Idriss,"): that person, with
    the role, and the owner as organization when it is one (a country, a body)."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    case = next((c for c in owner.children if c.dep_ == "case"), None) if owner is not None else None
    if owner is None or case is None or owner.left_edge.i != noun.left_edge.i or owner.tag_ in ("PRP$", "WP$"):
        return None
    apposed = _apposed_person(noun, base, persons)
    if apposed is None:
        return None
    if not apposed.role:
        apposed.role = noun.doc[case.i + 1 : noun.i + 1].text
    if (
        not apposed.organization
        and owner.ent_type_ in ("ORG", "GPE", "NORP")
        # (not a person the tagger read as a body: "Trump's spokeswoman")
        and not any(p.speaker.name and p.speaker.name.split()[-1] == owner.text for p in persons)
    ):
        apposed.organization = noun.doc[owner.left_edge.i : owner.i + 1].text
    return Person(base + noun.left_edge.idx, apposed, noun.lower_, True)


def _apposed_person(noun: Token, base: int, persons: list[Person]) -> Speaker | None:
    """The named person in apposition to a noun ("a cleric, Omar Hadi,"), not one named in its
    modifiers ("a lawyer for John Smith")."""
    for c in noun.children:
        if c.dep_ == "appos" and c.ent_type_ == "PERSON":
            lo, hi = base + c.left_edge.idx, base + c.right_edge.idx + len(c.right_edge.text)
            return next((p.speaker for p in persons if lo <= p.pos < hi and p.speaker.name), None)
    return None


def _has_role(p: Person, noun: str, text: str) -> bool:
    """Is the named person of this mention called ``noun`` ("senator"): by its role words, their
    abbreviation ("Sen.", "Gov."), or the title written before this mention ("Judge Ann Lee")."""
    if not p.speaker.name:
        return False
    for w in [*(p.speaker.role or "").lower().split(), *text[max(0, p.pos - 24) : p.pos].lower().split()[-1:]]:
        if w == noun or w.endswith(".") and len(w) >= 4 and noun.startswith(w[:-1]):
            return True
    return False


def _role_after(doc: Doc, ent: Span) -> str | None:
    """'Tom Healy (R-Ohio), chairman of the House Budget Committee, backed ...': the common-noun
    appositive of a name is what a later "he said" knows of the person."""
    for app in ent.root.children:
        if app.dep_ != "appos" or app.pos_ != "NOUN" or app.i < ent.end:
            continue
        between = doc[ent.end : app.left_edge.i]
        if not between or between[-1].text != ",":
            return None
        if len(between) > 1 and not (between[0].text == "(" and between[-2].text == ")"):
            return None  # only a party or state tag may stand between: "(D)", "(R-Ohio)"
        end = next((t.i for t in doc[app.i + 1 : app.right_edge.i + 1] if t.text in _APPOSITIVE_END), app.right_edge.i + 1)
        return role_phrase(doc[app.left_edge.i : end].text)  # to its closing comma: the parse may
        # hang the clause's own verb on the appositive ("Jeff Lee, an aide, backed ...")
    return None


_APPOSITIVE_END = frozenset([",", ";", ":", "(", "\u2014", "\u2013", "--"])
#: a role's noun phrase ends before a relative clause or a dash ("lawyer who has argued ...")
# (?<!\s): tried where a run of spaces begins only, not again from each of its positions (linear)
_ROLE_CLAUSE = re.compile(r"(?<!\s)\s+(?:who|which|whose|whom|that)\s|(?<!\s)\s*(?:--|\u2014|\u2013)\s*")
_NOT_ROLE = re.compile(
    r"^(?:who|which|that|whose|whom|and|but|as|when|while|after|before|in|on|at|for|with|by)\b"
    # a participle going on ('seeming to agree', 'referring to the plan'): a clause, not a role
    r"|^[a-z]+ing\s+(?:to|that|the|a|an|on|about|in|at|with|his|her|their|its|it|him|them)\b"
)


def role_phrase(words: str) -> str | None:
    """The role an appositive gives ("a senior adviser to the governor" -> "senior adviser to the
    governor"), or None when the words are a clause or too long to be a role."""
    if _NOT_ROLE.match(words.strip()):
        return None
    role = re.sub(r"^(?:the|an?)\s+", "", words.strip(), flags=re.IGNORECASE)
    role = _ROLE_CLAUSE.split(role, maxsplit=1)[0].strip()
    return role if role and len(role.split()) <= 12 else None


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


def _org_like(words: list[str], toks: list) -> bool:  # type: ignore[type-arg]
    """Leading title words are an organization only when they look like one (NATO, Taliban, U.S.)."""
    if actor_for(" ".join(words)) is not None or len(words) == 1:
        return True
    return all(t.ent_type_ in {"NORP", "GPE"} or t.text.replace(".", "").isupper() for t in toks)


def plural_subjects(ctx: Context, quoted: list[tuple[int, int]]) -> list[tuple[int, str]]:
    """Plural subjects of a main or reporting clause outside quotation marks ("Several aides have
    said ...", "Smith and Jones argued ..."), with their words up to any relative clause: what a
    later 'they' can refer to."""
    lex = lexicon()
    out: list[tuple[int, str]] = []
    for para in ctx.paragraphs:
        doc: Doc = para.doc
        for t in doc:
            if t.dep_ not in ("nsubj", "nsubjpass") or t.pos_ not in ("NOUN", "PROPN"):
                continue
            coordinated = any(c.dep_ == "conj" for c in t.children)
            if t.tag_ not in ("NNS", "NNPS") and not coordinated:
                continue
            if t.head.dep_ != "ROOT" and t.head.lemma_.lower() not in lex.verbs:
                continue
            named = any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in t.children)
            if not (_speaks(t) or named):
                continue  # "such measures", "the talks": things do not speak; "Fox executives" do
            lo, hi = t.left_edge.i, t.right_edge.i + 1
            cut = [c.left_edge.i for c in t.subtree if c.dep_ in ("relcl", "acl") and c.i > t.i]
            hi = min([hi, *cut])
            while hi > lo + 1 and doc[hi - 1].is_punct:
                hi -= 1
            pos = para.start + doc[lo].idx
            if not any(a < pos < b for a, b in quoted) and hi - lo <= 10:
                out.append((pos, doc[lo:hi].text))
    return out


def subject_pronouns(ctx: Context, quoted: list[tuple[int, int]]) -> list[tuple[int, str]]:
    """Every he / she standing as a clause subject outside quotation marks, by position."""
    out: list[tuple[int, str]] = []
    for para in ctx.paragraphs:
        for t in para.doc:
            if t.lower_ in ("he", "she") and t.dep_ in ("nsubj", "nsubjpass"):
                pos = para.start + t.idx
                if not any(a < pos < b for a, b in quoted):
                    out.append((pos, t.lower_))
    return out
