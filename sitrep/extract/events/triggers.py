"""Find event triggers in one parsed sentence: verbs, phrasal verbs, light verb + noun, nouns.

Works on the dependency parse, one pass over the tokens (linear per sentence). Sub-triggers
that only elaborate another event ("attacked ..., killing 20", "killed by a roadside bomb")
are merged into it rather than reported twice.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .lexicon import VIOLENT, Entry, lexicon

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

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
        # quantities of goods: "delivered 40 tonnes of medical supplies"
        "tonne",
        "ton",
        "truckload",
        "batch",  # "delivered the first batch of F-16 jets"
        "consignment",
    ]
)
AGGREGATE_NOUNS = frozenset(
    ["series", "string", "wave", "spate", "number", "campaign", "dozens", "hundreds", "scores"]
)
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

    @property
    def text(self) -> str:
        return " ".join(t.text for t in sorted(self.words, key=lambda t: t.i))


def noun_key(tok: Token) -> Entry | None:
    """Lexicon entry of a noun, trying "modifier lemma" compounds first ("roadside bomb")."""
    lex = lexicon().nouns
    lemma = tok.lemma_.lower()
    for child in tok.children:
        if child.dep_ in ("compound", "amod", "nmod"):
            key = f"{child.lemma_.lower()} {lemma}"
            if key in lex:
                return lex[key]
    for prep in tok.children:  # "an exchange of fire": "lemma of object" entries
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for obj in prep.children:
                if obj.dep_ == "pobj" and (key := f"{lemma} of {obj.lemma_.lower()}") in lex:
                    return lex[key]
    if tok.lower_ in lex:
        return lex[tok.lower_]
    return lex.get(lemma)


def _chain(obj: Token) -> tuple[Token, bool]:
    """Follow "the start of X" / "a string of X" to X; report whether it was an aggregate."""
    aggregate = False
    for _ in range(3):
        if obj.lemma_.lower() not in CHAIN_NOUNS and obj.lower_ not in CHAIN_NOUNS:
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


def _objects(verb: Token) -> list[Token]:
    objs = [c for c in verb.children if c.dep_ in OBJ_DEPS]
    for c in verb.children:  # "carried out an attack on", "take control of", "set X as a precondition"
        if c.dep_ == "prt":
            objs += [g for g in c.children if g.dep_ in OBJ_DEPS]
        if c.dep_ == "prep" and c.lower_ == "as":
            objs += [g for g in c.children if g.dep_ == "pobj"]
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


def _lemma(tok: Token) -> str:
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


def _verb_trigger(tok: Token) -> Trigger | None:
    lex = lexicon()
    lemma = _lemma(tok)
    objs = _objects(tok)
    # light verb + object ("launched an offensive", "struck a deal", "took control")
    for obj in objs:
        real, aggregate = _chain(obj)
        key = f"{lemma} {real.lemma_.lower()}"
        joint = noun_key(real) if lex.verbs.get(lemma, ("", ""))[1] in LIGHT else None
        if joint is not None and joint[0] == "COOPERATE":  # "held joint exercises": mutual, not one side's drill
            return Trigger(tok, joint[0], joint[1], [tok, real], noun=real, aggregate=aggregate)
        if key in lex.objects:
            plover, cls = lex.objects[key]
            return Trigger(tok, plover, cls, [tok, real], noun=real, aggregate=aggregate)
    for child in tok.children:
        # (a particle the parser read as an adverb right after the verb: "stepped down")
        if child.dep_ in ("prt", "prep", "dobj") or child.dep_ == "advmod" and child.i == tok.i + 1:
            key = f"{lemma} {child.lower_}"
            for pobj in child.children if child.dep_ == "prep" else ():  # "went on strike", "put on alert"
                if pobj.dep_ == "pobj" and f"{key} {pobj.lemma_.lower()}" in lex.phrasal:
                    plover, cls = lex.phrasal[f"{key} {pobj.lemma_.lower()}"]
                    return Trigger(tok, plover, cls, [tok, child, pobj])
            if key in lex.phrasal:
                plover, cls = lex.phrasal[key]
                return Trigger(tok, plover, cls, [tok, child])
    joined = _joined(tok, lemma, objs)
    if joined is not None:
        return joined
    if lemma in lex.street_verbs and _to_streets(tok):  # "took to the streets"
        return Trigger(tok, "PROTEST", "protest", [tok])
    if lemma in lex.find_verbs and _found_dead(tok, objs):
        return Trigger(tok, "ASSAULT", "kill", [tok])
    if lemma in lex.projectile_verbs and lemma != "fire" and any(
        o.lemma_.lower() in lex.thrown_weapons or o.lower_ in lex.thrown_weapons for o in objs
    ):  # "threw a hand grenade at the police"
        return Trigger(tok, "ASSAULT", "attack", [tok])
    entry = lex.verbs.get(lemma)
    if entry is None:
        return None
    plover, cls = entry
    if cls in LIGHT:
        for obj in objs:
            real, aggregate = _chain(obj)
            n = noun_key(real)
            if n is None and plover == "AID":  # "provided $10 million in aid": the aid is in the "in" phrase
                money = [p for c in real.children if c.dep_ == "prep" and c.lower_ in ("in", "of") for p in c.children]
                aid = next((p for p in money if p.dep_ == "pobj" and noun_key(p) is not None), None)
                if aid is not None:
                    real, n = aid, noun_key(aid)
            if n is not None:
                nplover, ncls = n
                if cls == "announce" and ncls not in ("offensive", "agreement"):
                    nplover = nplover if ncls in VIOLENT else "MOBILIZE"
                return Trigger(tok, nplover, ncls, [tok, real], noun=real, aggregate=aggregate)
        if cls == "strike":  # "warplanes struck", "a bomb hit a convoy"
            return Trigger(tok, "ASSAULT", "attack", [tok])
        return None
    if cls == "gather":  # a gathering is a protest only when protesters gather or it makes demands
        if any(t.lemma_.lower() in lex.gathering_cues or t.lower_ in lex.gathering_cues for t in tok.sent):
            return Trigger(tok, "PROTEST", "protest", [tok])
        return None
    if lemma == "protest" and _state_subject(tok):
        return Trigger(tok, "ACCUSE", "verbal", [tok])  # "Hungary protested to Ukraine": a diplomatic protest
    if cls == "verbal" and plover in ("REQUEST", "ACCUSE", "REJECT") and _crowd_subject(tok):
        return Trigger(tok, "PROTEST", "protest", [tok])  # "protesters demanded the minister's resignation"
    if cls == "fire":  # "fired artillery at the village", not "fired the minister" or "fired tear gas"
        weapons = {
            "shot",
            "shots",
            "round",
            "rounds",
            "rocket",
            "rockets",
            "artillery",
            "mortar",
            "mortars",
            "missile",
            "missiles",
            "shell",
            "shells",
            "bullet",
            "bullets",
            "weapon",
            "weapons",
            "gun",
            "guns",
        }
        has_target = any(c.dep_ == "prep" and c.lower_ in ("at", "on", "into", "upon") for c in tok.children)
        # "fired grenade launchers at the positions": a target makes any object a weapon, except
        # what is fired to disperse ("tear gas", "water cannon") or a person ("fired the minister")
        harmless = any(o.lemma_.lower() in NOT_FIRED_WEAPONS or o.ent_type_ == "PERSON" for o in objs)
        if any(o.lower_ in weapons for o in objs) or (has_target and not harmless):
            return Trigger(tok, "ASSAULT", "attack", [tok])
        return None
    if cls == "attack" and _to_death(tok):  # "shot dead", "stabbed to death": a killing
        return Trigger(tok, plover, "kill", [tok])
    if lemma == "demonstrate" and objs:
        return None  # "demonstrating a presence", not a protest
    if lemma == "meet" and any(o.dep_ == "dobj" and o.lemma_.lower() in MEET_OBJ_BAD for o in objs):
        return None
    if lemma in ("back", "free", "support", "aid") and tok.pos_ != "VERB":
        return None
    if lemma == "ask" and _question(tok):
        return None  # "asked whether the truce would hold", "asked about the checkpoints": a question, not a request
    return Trigger(tok, plover, cls, [tok])


def _question(tok: Token) -> bool:
    """'asked whether/if ...', 'asked about ...': the verb puts a question."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "about":
            return True
        if c.dep_ in ("ccomp", "advcl") and any(
            m.dep_ == "mark" and m.lower_ in ("whether", "if") or m.tag_ in ("WDT", "WP", "WRB") and m.i < c.i
            for m in c.children
        ):
            return True
    return False


def _to_streets(tok: Token) -> bool:
    """Going out on the streets: "took to the streets", "came out on the roads"."""
    nouns = lexicon().street_nouns
    cands = [c for c in tok.children if c.dep_ == "dobj" and c.lower_ == "streets"]
    for c in tok.children:
        holders = [c, *(g for g in c.children if g.dep_ == "prep")] if c.dep_ in ("prt", "advmod") else [c]
        cands += [p for h in holders if h.dep_ == "prep" for p in h.children if p.dep_ == "pobj"]
    return any(n.lemma_.lower() in nouns and any(d.lower_ == "the" for d in n.children) for n in cands)


STATE_SPEAKERS = frozenset(
    ["government", "ministry", "minister", "president", "embassy", "ambassador", "foreign", "cabinet"]
)


def _state_subject(tok: Token) -> bool:
    """The verb's subject is a state: a country's name ("Hungary protested") or its government."""
    for c in tok.children:
        if c.dep_ == "nsubj":
            return c.ent_type_ == "GPE" or c.lemma_.lower() in STATE_SPEAKERS
    return False


def _crowd_subject(tok: Token) -> bool:
    """The verb's subject (or its "of" phrase: "hundreds of protesters") is a crowd of protesters."""
    crowd = lexicon().crowd_subjects
    for c in tok.children:
        if c.dep_ != "nsubj":
            continue
        heads = [c, *(p for g in c.children if g.dep_ == "prep" and g.lower_ == "of" for p in g.children)]
        return any(h.lemma_.lower() in crowd for h in heads)
    return False


NOT_FIRED_WEAPONS = frozenset(
    ["gas", "teargas", "canister", "cannon", "spray", "flare", "warning", "employee", "worker", "staff", "official"]
)


def _joined(tok: Token, lemma: str, objs: list[Token]) -> Trigger | None:
    """"took part in a march", "joined the protest", "participated in a sit-in": the protest."""
    lex = lexicon()
    if lemma not in lex.join_verbs:
        return None
    cands = [o for o in objs if o.lemma_.lower() != "part"]
    for holder in [tok, *(o for o in objs if o.lemma_.lower() == "part")]:
        cands += [p for c in holder.children if c.dep_ == "prep" and c.lower_ == "in" for p in c.children if p.dep_ == "pobj"]
    for noun in cands:
        real, aggregate = _chain(noun)
        entry = noun_key(real)
        if entry is not None and entry[1] in ("protest", "riot"):
            return Trigger(tok, entry[0], entry[1], [tok, real], noun=real, aggregate=aggregate)
    return None


def _to_death(tok: Token) -> bool:
    """"shot dead", "beaten to death", "hacked to death"."""
    return any(
        c.lower_ == "dead" or c.lower_ == "to" and any(g.lower_ == "death" for g in c.children) for c in tok.children
    )


def _shot_dead(tok: Token) -> Token | None:
    """"dead" when the parser read "shot dead" as the noun "shot" before the predicate "dead"."""
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    if (
        tok.lower_ not in ("shot", "gunned")
        or nxt is None
        or nxt.lower_ != "dead"
        or nxt.dep_ != "ROOT"
        or not any(c.dep_ == "nsubj" for c in nxt.children)
    ):
        return None
    return nxt


def _found_dead(tok: Token, objs: list[Token]) -> bool:
    """"a man was found dead", "bodies were recovered", "found the corpse of a trader"."""
    remains = lexicon().remains
    if any(c.lower_ in ("dead", "murdered", "killed", "lifeless", "slain") for c in tok.children):
        return True
    subjects = [c for c in tok.children if c.dep_ in ("nsubjpass", "dobj")] + objs
    return any(t.lemma_.lower() in remains or t.lower_ in remains for t in subjects)


def find_triggers(sent: Span) -> list[Trigger]:
    """Every trigger in the sentence after merging elaborations into their main event."""
    by_head: dict[int, Trigger] = {}
    used_nouns: set[int] = set()
    for tok in sent:
        if tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB"):
            if tok.dep_ in ("csubj", "csubjpass") and tok.tag_ == "VBG":
                continue  # "seizing Kabul militarily was not policy": a kind of act, not an incident
            fix = _repair(tok) if tok.dep_ in ("amod", "compound", "nmod") else None
            if tok.dep_ in ("amod", "compound", "nmod") and fix is None:
                continue  # "Washington-backed allies", "the wounded soldiers": a modifier, not an act
            trig = _verb_trigger(tok)
            if trig is not None and fix is not None:
                trig.subj_fix, trig.obj_fix = fix
            if trig is not None:
                by_head[tok.i] = trig
                # "seizing Kabul militarily was not policy": a gerund subject is not an incident
                # (a past-tense "subject" is a misparse: "forces killed 2 IS fighters" read as "... is")
                trig.aggregate |= tok.dep_ in ("csubj", "csubjpass") and tok.tag_ != "VBD"
                if trig.noun is not None:
                    used_nouns.add(trig.noun.i)
    nominal: list[Trigger] = []
    for tok in sent:
        if tok.pos_ not in ("NOUN", "PROPN") or tok.i in used_nouns or tok.i in by_head:
            continue
        dead = _shot_dead(tok)
        if dead is not None and dead.i not in by_head:
            # "gunmen riding a motorcycle shot dead a civilian", parsed with "shot" a noun and
            # "dead" the predicate: the killing, read from "dead" that holds its arguments
            by_head[dead.i] = Trigger(dead, "ASSAULT", "kill", [tok, dead], status_hint="occurred")
            continue
        entry = noun_key(tok)
        if entry is None:
            continue
        trig = _noun_trigger(tok, entry, by_head)
        if trig is not None:
            nominal.append(trig)
    triggers = sorted([*by_head.values(), *nominal], key=lambda t: t.head.i)
    _merge(triggers, by_head)
    return [t for t in triggers if not t.absorbed]


def _repair(tok: Token) -> tuple[Token, Token] | None:
    """(subject, object) when a finite verb was parsed as a modifier in a verbless sentence.

    The small parser reads "Trump unilaterally reduced US forces" as a noun phrase with
    "reduced" modifying "forces"; when nothing else in the sentence is a verb, the noun right
    before the verb (adverbs skipped) is the subject and the modified noun the object.
    """
    if tok.tag_ not in ("VBD", "VBN") or tok.head.i <= tok.i:
        return None
    if any(t.pos_ in ("VERB", "AUX") and t.dep_ not in ("amod", "compound", "nmod") for t in tok.sent):
        return None
    j = tok.i - 1
    while j >= tok.sent.start and tok.doc[j].pos_ == "ADV":
        j -= 1
    if (
        j < tok.sent.start
        or tok.doc[j].pos_ not in ("PROPN", "NOUN")
        or tok.doc[j].tag_ == "NN"
        and j == tok.i - 1
    ):
        return None
    return tok.doc[j], tok.head


TALLY_HEADS = frozenset(["total", "volley", "round"])  # "a total of": a count, not a series


def governing_verb(noun: Token) -> tuple[Token | None, str]:
    """The verb a noun depends on and how ("in"/"by" pobj, subject, object)."""
    if (
        noun.dep_ == "pobj"
        and noun.head.lower_ == "of"
        and noun.head.head.lemma_.lower() in TALLY_HEADS
        and noun.head.head.dep_ in ("nsubj", "nsubjpass", "dobj")
    ):  # "observed a total of 14 explosions": the explosions are what was observed
        noun = noun.head.head
    if noun.dep_ in ("nsubj", "nsubjpass", "dobj"):
        return noun.head, noun.dep_
    if noun.dep_ == "pobj" and noun.head.dep_ in ("prep", "agent"):
        return noun.head.head, noun.head.lower_
    return None, ""


def _year(tok: Token) -> bool:
    """A year ("2011" in "the 2011 protests"), not a count ("1125 projectiles")."""
    return len(tok.text) == 4 and tok.text.isdigit() and 1800 <= int(tok.text) <= 2100


def _named(tok: Token) -> bool:
    """A nominal trigger that names or dates something rather than reporting it: "the 9/11
    attacks", "the anniversary of the attack", "victims of the bombing", "peace-talks team"."""
    if any(
        c.dep_ in ("compound", "nummod", "amod")
        and (c.like_num or c.ent_type_ == "DATE")
        # "14 explosions", "1125 projectiles" (a count even when tagged as a date)
        and not (c.dep_ == "nummod" and tok.tag_ == "NNS" and (c.ent_type_ == "CARDINAL" or not _year(c)))
        for c in tok.children
    ):
        return True
    if tok.dep_ in ("compound", "amod", "nmod"):
        return True
    head = tok.head
    return (
        tok.dep_ == "pobj"
        and head.lower_ == "of"
        and head.head.pos_ in ("NOUN", "PROPN")
        and head.head.lemma_.lower() not in CHAIN_NOUNS
        and head.head.lemma_.lower() not in TALLY_HEADS
        and noun_key(head.head) is None
    )


def _noun_trigger(tok: Token, entry: Entry, by_head: dict[int, Trigger]) -> Trigger | None:
    plover, cls = entry
    lex = lexicon()
    gov, how = governing_verb(tok)
    # plural violence is a tally ("attacks have killed thousands") unless reported or told as one
    # scene in the simple past: "monitors recorded 14 explosions", "two shells fell on the market"
    scene = how in ("nsubj", "dobj") and gov is not None and gov.tag_ == "VBD"
    reported = how in ("dobj", "nsubjpass") and gov is not None and _lemma(gov) in lex.report_verbs
    aggregate = tok.tag_ in ("NNS", "NNPS") and cls in VIOLENT and not (scene or reported)
    if reported and tok.tag_ == "NNS" and tok.lemma_.lower() in lex.tallied_fire:
        cls = "shelling"  # "monitors recorded 14 explosions": incoming fire, not one planted device
    head_trig = by_head.get(gov.i) if gov is not None else None
    # "an airstrike killed five", "killed in an airstrike", "killed by a roadside bomb"
    if (
        head_trig is not None
        and how in ("nsubj", "in", "by", "during", "agent", "after", "amid", "with")
        and (head_trig.cls in VIOLENT)
    ):
        head_trig.words.append(tok)
        if cls in VIOLENT and cls not in ("attack", "kill") and head_trig.cls in ("kill", "attack", "strike"):
            head_trig.cls = cls
        head_trig.noun = head_trig.noun or tok
        return None
    if _named(tok):
        return None
    has_args = any(
        c.dep_ == "prep" and c.lower_ in ("between", "with", "on", "against") for c in tok.children
    )
    if gov is not None and how == "nsubj" and head_trig is None and tok.lemma_.lower() not in lex.standalone:
        # "clashes erupted", "a bomb exploded", "the attack left 5 dead"
        return Trigger(tok, plover, cls, [tok], nominal=True, aggregate=aggregate)
    if (
        gov is not None
        and how in ("dobj", "nsubjpass")
        and head_trig is None
        and (cls in VIOLENT or cls == "mobilize")
        and _lemma(gov) in lex.report_verbs
    ):  # "monitors recorded 14 explosions", "residents heard gunfire", "reinforcements were reported"
        return Trigger(tok, plover, cls, [tok], nominal=True, aggregate=aggregate)
    if has_args and (cls not in VIOLENT or tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj")):
        return Trigger(tok, plover, cls, [tok], nominal=True, aggregate=aggregate)
    if (
        tok.lemma_.lower() in lex.standalone
        and gov is not None
        and head_trig is None
        and how in ("dobj", "nsubj", "for", "of")
    ):
        return Trigger(tok, plover, cls, [tok], nominal=True)
    # "Five civilians were hurt in an air strike" when the verb is not a trigger
    if (
        head_trig is None
        and tok.dep_ == "pobj"
        and how in ("in", "during", "after")
        and cls in VIOLENT
        and (gov is not None and gov.lemma_.lower() in ("hurt", "leave", "occur", "happen", "take"))
    ):
        return Trigger(tok, plover, cls, [tok], nominal=True, aggregate=aggregate)
    return None


SEQUENCE_PREPS = frozenset({"before", "after", "while", "by"})


def _merge(triggers: list[Trigger], by_head: dict[int, Trigger]) -> None:
    """Fold consequences ("killing 20") and conjoined violent verbs into the main event."""
    for trig in triggers:
        if trig.nominal:
            continue
        tok = trig.head
        parent = by_head.get(tok.head.i) if tok.head.i != tok.i else None
        if parent is None and tok.head.i != tok.i:  # "were killed and 25 wounded when X attacked"
            parent = next(
                (t for t in triggers if t is not trig and any(w.i == tok.head.i for w in t.words)), None
            )
        sequence = tok.dep_ == "pcomp" and tok.head.dep_ == "prep" and tok.head.lower_ in SEQUENCE_PREPS
        if sequence:  # "setting off a car bomb before storming the compound": one incident
            parent = by_head.get(tok.head.head.i)
        while parent is not None and parent.absorbed and parent.parent is not None:
            parent = parent.parent
        if parent is None or parent.absorbed:
            continue
        crowd = ("protest", "riot")
        if trig.cls in crowd and parent.cls in crowd and tok.dep_ in ("advcl", "xcomp", "conj"):
            # "blocked the road to protest against ...", "marched and chanted": one demonstration
            parent.merged.append(trig)
            parent.words.extend(trig.words)
            trig.absorbed, trig.parent = True, parent
            continue
        violent_pair = trig.cls in VIOLENT and (parent.cls in VIOLENT or parent.cls == "offensive")
        if (
            violent_pair
            and (tok.dep_ in ("advcl", "conj", "xcomp") or sequence)
            and (
                tok.tag_ == "VBG"
                or tok.dep_ == "conj"
                or trig.cls == "kill"
                or parent.cls == "kill"
                or parent.head.i
                != tok.head.i  # a casualty verb merged into the parent: "killed and 25 wounded when"
                and any(c.lower_ in ("when", "as") and c.dep_ in ("advmod", "mark") for c in tok.children)
            )
        ):
            if parent.cls == "kill" and trig.cls != "kill":  # "a soldier was killed when militants attacked"
                parent.cls = trig.cls
            parent.merged.append(trig)
            parent.words.extend(trig.words)
            if parent.cls in ("attack", "strike") and trig.cls not in ("attack", "kill", "strike"):
                parent.cls = trig.cls
            trig.absorbed = True
            trig.parent = parent
