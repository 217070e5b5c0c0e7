"""What a trigger is (``Trigger``) and the word-level lookups every trigger finder shares: a
verb's lemma (mended where the small model mislemmatizes), a noun's lexicon entry (compounds and
"X of Y" first), a verb's objects and the "start of X" chains that lead to the real trigger.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .lexicon import Entry, lexicon

if TYPE_CHECKING:
    from spacy.tokens import Token


# nouns that introduce the real trigger through "of": "the start of its offensive"
CHAIN_NOUNS = frozenset(
    [
        "start",
        "beginning",
        "launch",
        "resumption",
        "end",
        "series",
        "string",
        "wave",
        "spate",
        "number",
        "round",
        "campaign",
        "kind",
        "plan",
        "plans",
        # quantities of fire, one attack: "launched a barrage of rockets at a post"
        "barrage",
        "salvo",
        "volley",
        "hail",
        "flurry",
        "swarm",
        # a count in words: "carried out dozens of strikes", "launched dozens of drones at a city"
        "dozens",
        "hundreds",
        "scores",
        "thousands",
        # quantities of goods: "delivered 40 tonnes of medical supplies"
        "tonne",
        "ton",
        "truckload",
        "batch",  # "delivered the first batch of F-16 jets"
        "consignment",
        "package",  # "approved a new package of military aid"
        # how long a measure lasts: "extended the validity of the curfew"
        "duration",
        "validity",
        # a measure put in force: "announced the imposition of a night curfew"
        "imposition",
        "introduction",
        "enforcement",
        # a share of the thing acted on: "closed all of the town's entrances", "part of the bridge"
        "all",
        "part",
        "parts",
    ]
)
#: a sum of money, and what it is given as after "in" ("$300 million in military aid")
MONEY_HEADS = frozenset(["million", "billion", "thousand", "dollar", "dollars", "euro", "euros", "pound", "pounds", "$"])
# (a count in words is not one: "dozens of drones" are one attack's, "dozens of strikes" on a day
# one day's series, as ACLED codes it; a count over weeks is a tally by its time words)
AGGREGATE_NOUNS = frozenset(["series", "string", "wave", "spate", "number", "campaign"])
OBJ_DEPS = frozenset({"dobj", "attr", "oprd", "nsubjpass", "dative"})
LIGHT = frozenset({"light", "announce", "strike"})
# "meet" is CONSULT only with people/organizations, not "meet their commitment"
MEET_OBJ_BAD = frozenset(
    [
        "commitment",
        "demand",
        "deadline",
        "obligation",
        "target",
        "need",
        "requirement",
        "condition",
        "criterion",
        "goal",
    ]
)


@dataclass
class Trigger:
    head: Token  # predicate whose arguments are read (a verb, or the noun for nominal events)
    plover: str
    cls: str
    words: list[Token]
    noun: Token | None = None  # the nominal trigger under a light verb ("launched an offensive")
    nominal: bool = False
    aggregate: bool = False
    merged: list[Trigger] = field(default_factory=list)
    absorbed: bool = False
    parent: Trigger | None = None
    status_hint: str | None = None
    speech: bool = False  # voiced in reported speech: the speaker is the agent
    subj_fix: Token | None = None  # repaired subject when the parser missed the verb
    obj_fix: Token | None = None
    undergone: bool = False  # "came under attack": the subject suffers the act

    @property
    def text(self) -> str:
        return " ".join(t.text for t in sorted(self.words, key=lambda t: t.i))


def hyphenated(tok: Token) -> str | None:
    """'sit-in' for the 'in' of a hyphenated word the tokenizer split in three ("a shoot-out", "a
    sit-in"), else None."""
    doc, i = tok.doc, tok.i
    if i >= 2 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_ and not doc[i - 2].whitespace_:
        return f"{doc[i - 2].lower_}-{tok.lower_}"
    return None


def noun_key(tok: Token) -> Entry | None:
    """Lexicon entry of a noun, trying "modifier lemma" compounds first ("roadside bomb")."""
    lex = lexicon().nouns
    lemma = tok.lemma_.lower()
    if (whole := hyphenated(tok)) is not None:
        for key in (whole, f"{whole.rsplit('-', 1)[0]}-{lemma}"):
            if key in lex:
                return lex[key]
    for child in tok.children:
        if child.dep_ in ("compound", "amod", "nmod"):
            key = f"{child.lemma_.lower()} {lemma}"
            if key in lex:
                return lex[key]
    if lemma in lexicon().war_strike_nouns and any(
        c.dep_ in ("compound", "amod", "nmod", "poss") and (c.lower_ in lexicon().walkout_marks or c.lemma_.lower() in lexicon().walkout_marks)
        for c in tok.children
    ):
        return lex.get("general strike")  # "a nationwide strike", "the nurses' strike": a walkout
    for prep in tok.children:  # "an exchange of fire": "lemma of object" entries
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for obj in prep.children:
                if obj.dep_ == "pobj" and (key := f"{lemma} of {obj.lemma_.lower()}") in lex:
                    return lex[key]
    if tok.lower_ in lex:
        return lex[tok.lower_]
    return lex.get(lemma)


def chain(obj: Token) -> tuple[Token, bool]:
    """Follow "the start of X" / "a string of X" to X; report whether it was an aggregate."""
    aggregate = False
    for _ in range(3):
        if obj.lower_ in MONEY_HEADS:
            given = next((p for c in obj.children if c.dep_ == "prep" and c.lower_ in ("in", "of") for p in c.children if p.dep_ == "pobj"), None)
            if given is None:
                break
            obj = given
            continue
        if obj.lemma_.lower() not in CHAIN_NOUNS and obj.lower_ not in CHAIN_NOUNS:
            break
        if noun_key(obj) is not None:  # its compound names the act: "an arrest campaign (of ...)"
            break
        aggregate |= obj.lemma_.lower() in AGGREGATE_NOUNS or obj.lower_ in AGGREGATE_NOUNS
        nxt = next(
            (
                p
                for c in obj.children
                if c.dep_ == "prep" and c.lower_ == "of"
                for p in c.children
                if p.dep_ == "pobj"
            ),
            None,
        )
        if nxt is None:
            break
        obj = nxt
    return obj, aggregate


def objects(verb: Token) -> list[Token]:
    objs = [c for c in verb.children if c.dep_ in OBJ_DEPS]
    for c in verb.children:  # "carried out an attack on", "take control of", "set X as a precondition"
        if c.dep_ == "prt":
            objs += [g for g in c.children if g.dep_ in OBJ_DEPS]
        if c.dep_ == "prep" and c.lower_ == "as":
            objs += [g for g in c.children if g.dep_ == "pobj"]
        if c.dep_ == "prep" and c.lower_ == "with" and verb_lemma(verb) in lexicon().supply_verbs:
            # "provided Kyiv with missiles", "... with generators and fuel": what is given
            objs += [t for g in c.children if g.dep_ == "pobj" for t in (g, *g.conjuncts)]
        if c.dep_ == "prep" and c.lower_ in ("with", "using") and not any(o.i > c.i for o in objs):
            # "blocked with three buses the highway": the object after the instrument, which the
            # parser hangs on the instrument as its apposition
            objs += [
                a for g in c.children if g.dep_ == "pobj" for a in g.children
                if a.dep_ == "appos" and any(d.dep_ == "det" for d in a.children)
            ]  # fmt: skip
    return objs


# past forms the small model sometimes lemmatizes wrongly ("raped" -> "rap")
IRREGULAR = {
    "retook": "retake",
    "took": "take",
    "overran": "overrun",
    "fled": "flee",
    "fought": "fight",
    "struck": "strike",
    "shot": "shoot",
    "blew": "blow",
    "met": "meet",
    "held": "hold",
    "withdrew": "withdraw",
    "sent": "send",
    "raped": "rape",
    "shelled": "shell",
    "stormed": "storm",
    "looted": "loot",
    "torched": "torch",
    "ambushed": "ambush",
    "abducted": "abduct",
    "kidnapped": "kidnap",
    "beheaded": "behead",
    "seized": "seize",
}


def verb_lemma(tok: Token) -> str:
    lower = tok.lower_
    if lower in IRREGULAR:
        return IRREGULAR[lower]
    if lower in ("hit", "set") and tok.tag_ == "VBD":
        return lower
    lemma = tok.lemma_.lower()
    known = lexicon().verb_heads
    if lemma in known:
        return lemma
    # the small model mislemmatizes inflected verbs it has rarely seen ("staged" -> "stag",
    # "shelled" -> "shelle"); a regular English inflection undone gives the lexicon's word
    return next((c for c in _stems(lower) if c in known), lemma)


def _stems(word: str) -> list[str]:
    """Candidate base forms of a regularly inflected verb, most likely first."""
    out: list[str] = []
    for suffix in ("ed", "ing"):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            base = word[: -len(suffix)]
            out += [base, base + "e"]
            if len(base) > 2 and base[-1] == base[-2]:
                out.append(base[:-1])  # "kidnapped", "shelling"
            if suffix == "ed" and base.endswith("i"):
                out.append(base[:-1] + "y")  # "carried"
    if word.endswith("s") and len(word) > 3:
        out += [word[:-1], word[:-2]] if word.endswith("es") else [word[:-1]]
    return out
