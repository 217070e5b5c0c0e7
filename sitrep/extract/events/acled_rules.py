"""ACLED's coding conventions applied as a record is built: which incidents are concrete enough to
code, what a seize verb took, an instrument and a fired-at place, the armed party operating in
the scene, and the actors of fire across a contested front or of organised crime.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ...model import Actor, Cite, Location, RecordDate
from .arguments import resolve
from .coding import CARRIED, RAID_WORDS, TAKEN_GOODS, weapon_word
from .docstate import DocState, Resolved, generic, is_armed, is_state
from .lexicon import lexicon
from .trigger_words import Trigger

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from ..context import Context


_YEARISH = re.compile(
    r"\b(?:last|this|past|previous) (?:year|decade)\b|\b(?:since|throughout|during) (?:19|20)\d\d\b|"
    r"\bin (?:19|20)\d\d\b(?! ?[-–])|\bin the (?:conflict|war)\b|\bso far this\b|\beach (?:year|month)\b",
    re.I,
)


_DAY_WORDS = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|overnight|tonight|"
    r"(?:this|last|on) (?:morning|evening|night|week)|\d{1,2} (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*|"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w* \d{1,2})\b",
    re.I,
)


def concrete(
    ctx: Context,
    trig: Trigger,
    status: str,
    date: RecordDate,
    clause: str,
    start: int,
    end: int,
    a1: Resolved,
    instrument: str | None,
    location: Location | None,
    fat: object,
) -> bool:
    """ACLED codes single, dated, placed incidents: reject aggregates and background history."""
    day_timex = any(t.precision in ("day", "week") for t in ctx.timexes_in(start, end)) or bool(
        _DAY_WORDS.search(clause)
    )
    if status == "ongoing" and not day_timex:
        return False
    if _since_clause(trig.head) and not day_timex and date.precision != "day":
        return False  # "... since it began targeting ships in November": when a campaign began
    if date.precision == "year" or (_YEARISH.search(clause) and not day_timex):
        return False
    if trig.cls == "agreement" and not day_timex:
        return False
    value = getattr(fat, "value", None)
    if value is not None and value >= 1000:
        return False
    if re.search(r"\b\d{1,3}(?:,\d{3})+\b", clause) and trig.cls == "kill" and not day_timex:
        return False
    return not (
        trig.cls == "kill" and a1.actor is None and instrument is None and location is None and not day_timex
    )


def _since_clause(head: Token) -> bool:
    """The act is told in a clause that "since" opens ("since it began targeting vessels", "since
    the army retook the town"): the start of what the sentence is about, not an incident of it."""
    node = head
    for _ in range(4):
        if node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "since" for c in node.children):
            return True
        if node.dep_ not in ("xcomp", "conj") or node.head.i == node.i:
            return False
        node = node.head
    return False


_TARGET_PREPS = frozenset({"on", "against", "at", "of", "upon", "into"})


def untargeted(trig: Trigger) -> bool:
    """The act names nothing it was aimed at: no object, and no "on", "against" or "at" phrase on
    its verb or its noun ("launched ground attacks near X", "troops attacked overnight")."""
    heads = [trig.head] + ([trig.noun] if trig.noun is not None else [])
    return not any(
        c.dep_ in ("dobj", "nsubjpass", "dative") and (trig.noun is None or c.i != trig.noun.i)
        # (not a time: "on Tuesday", "at dawn")
        or c.dep_ == "prep" and c.lower_ in _TARGET_PREPS and not all(p.ent_type_ in ("DATE", "TIME") for p in c.children)
        for h in heads
        for c in h.children
    ) and trig.obj_fix is None


def seized(trig: Trigger) -> str | None:
    """The common-noun words of what a seize verb took: its object (or passive subject) and that
    noun's "of" phrase ("a ton of marijuana"); None for a name ("seized Kidal") or nothing told."""
    if trig.nominal:
        return None
    verb = trig.head
    taken = next((m for m in trig.merged if m.cls in ("seize", "retake") and not m.nominal), None)
    if taken is not None and (trig.noun is not None or RAID_WORDS.fullmatch(verb.lower_) is not None):
        # "launched an offensive and captured villages", "raided a house and seized 12 pistols":
        # what the capture took
        verb = taken.head
    head = trig.obj_fix or next(
        (c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None
    )
    if head is None:  # "seized about a ton of ...": the parser hangs the amount on "about"
        head = next(
            (
                p
                for c in verb.children
                if c.dep_ == "prep" and c.lower_ in ("about", "around", "over", "nearly", "almost", "some")
                for p in c.children
                if p.dep_ == "pobj"
            ),
            None,
        )
    lex = lexicon()
    named = head is not None and not weapon_word(head.text) and (  # "seized an IED": no name
        head.pos_ in ("PROPN", "PRON")
        or head.ent_type_ in ("GPE", "LOC", "FAC")
        or head.text[:1].isupper()  # a name the tagger missed ("re-captured Quissanga")
    )
    if (
        head is None
        or named
        or head.lemma_.lower() in lex.kinds  # people: "captured two rebels" is not goods taken
        or head.lower_ in lex.kinds
        or head.lemma_.lower() in lex.victims
    ):
        return None
    # ("the oil field was attacked": the compound names the thing too; a name does not: "the Cano
    # Limon pipeline")
    words = [
        c.lemma_.lower() for c in head.children if c.dep_ == "compound" and c.i < head.i and c.pos_ != "PROPN"
    ] + [head.lemma_.lower()]
    preps = list(head.children)
    if head.lemma_.lower() == "control":  # ("took control of the train", "of" hung on the verb)
        preps += [p for p in verb.children if p.i == head.i + 1]
    for prep in preps:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for c in prep.children:
                if c.dep_ == "pobj" and (c.text[:1].isupper() or c.ent_type_ in ("GPE", "LOC", "FAC")):
                    return None  # "the district centre of Imam Sahib": a named place
                if c.dep_ == "pobj":
                    if head.lemma_.lower() == "control":
                        # "took control of the train": what was taken is the train, not ground
                        words = [d.lemma_.lower() for d in c.children if d.dep_ == "compound" and d.pos_ != "PROPN"]
                    words.append(c.lemma_.lower())
    return " ".join(words)


def instrument_of(text: str) -> str | None:
    """The weapon the clause names, not weapons it tells were taken ("two died and police seized
    pistols and grenades")."""
    text = CARRIED.sub(" ", TAKEN_GOODS.sub(" ", text))  # nor what the doers carried
    for cls, rx in lexicon().instruments:
        if rx.search(text):
            return cls
    return None


def war_strike(tok: Token, trig: Trigger) -> bool:
    """ "strike" read as an attack in the event's clause: it does the harm ("Israeli strikes hit
    Rafah"), people were hurt in or by it ("killed in a strike"), or it was on a target ("a strike
    on a house"; not "on Monday"), and no word marks a walkout ("a general strike", "workers'
    strike", "went on strike")."""
    lex = lexicon()
    if tok.pos_ != "NOUN" or tok.lower_ not in lex.war_strike_nouns:
        return False
    if any(c.lower_ in lex.walkout_marks or c.lemma_.lower() in lex.walkout_marks for c in tok.children):
        return False
    if tok.dep_ == "pobj" and tok.head.lower_ == "on" and tok.head.head.pos_ in ("VERB", "AUX"):
        return False  # "went on strike"
    heads = {trig.head.i, *(m.head.i for m in trig.merged)}
    if tok.dep_ == "nsubj" and tok.head.i in heads:
        return True
    if tok.dep_ == "pobj" and tok.head.lower_ in lex.strike_harm_preps and tok.head.head.i in heads:
        return True
    return any(
        prep.dep_ == "prep" and prep.lower_ in lex.strike_target_preps and o.dep_ == "pobj"
        and o.ent_type_ not in ("DATE", "TIME")
        for prep in tok.children for o in prep.children
    )


def captive_class(
    trig: Trigger, a2: Resolved, actor1: Actor | None, actor2: Actor | None, victim_kind: str | None
) -> str:
    """The class a seizure is coded by: "captured three rebels" takes people, no territory. ACLED:
    fighters captured were fought (a clash); others are arrested by the state, abducted by anyone
    else. A place, a post or a base taken stays the seizure it is."""
    obj = a2.token
    if trig.cls != "seize" or obj is None or obj.head.i != trig.head.i or obj.dep_ not in ("dobj", "nsubjpass"):
        return trig.cls
    lex = lexicon()
    taken = obj.lemma_.lower()
    if (
        obj.pos_ == "PROPN"
        or not (victim_kind or taken in lex.kinds)
        or taken in lex.civilian_places
        or taken in lex.armed_places
        or weapon_word(obj.lower_)  # "seized military munitions": goods, whoever's they were
    ):
        return trig.cls
    if victim_kind in ("unidentified", "military", "police", "gang") or is_armed(actor2):
        return "clash"
    return "arrest" if actor1 is None or is_state(actor1) else "abduct"


def fired_at_place(trig: Trigger, a2: Resolved) -> bool:
    """The target is a place ("at scattered areas", "at farms and villages"), not a party."""
    targets = [a2.token] if a2.token is not None else []
    targets += [o for c in trig.head.children if c.dep_ == "prep" and c.lower_ in ("at", "on", "toward", "towards")
                for o in c.children if o.dep_ == "pobj"]
    # ("shot at a car wash": a place named by its compound as well)
    named = targets + [c for t in targets for c in t.children if c.dep_ == "compound"]
    return any(t.lemma_.lower() in lexicon().civilian_places for t in named)


def operating_party(state: DocState, sent: Span, country: str | None) -> Actor | None:
    """The armed party (state forces or a named group) last named in this or the previous sentence
    of the paragraph: an event's party, else the subject of the previous sentence ("the police
    carried out an operation")."""
    for a in reversed(state.salience):
        if state.sent_no - state.last_sent.get(a.name, -99) > 1:
            continue
        if is_armed(a) and not a.name.startswith("Unidentified"):
            return a
    if sent.start == 0:
        return None
    prev = sent.doc[sent.start - 1].sent
    subj = next((t for t in prev.root.children if t.dep_ == "nsubj"), None)
    found = resolve(subj, state, country, want_armed=True).actor if subj is not None else None
    if found is not None and is_armed(found) and not found.name.startswith("Unidentified"):
        return found
    return None


#: ACLED sub-event types of fire across a front line that the contested zones attribute
FRONT_FIRE = frozenset({"Armed clash", "Shelling/artillery/missile attack"})


def unnamed(actor: Actor | None, words: list[Cite]) -> bool:
    """An unidentified armed group only ACLED's coding rules supplied: the text names no one."""
    return (
        actor is not None
        and actor.name.startswith("Unidentified Armed Group")
        and all(basis == "ACLED rule" for _, _, basis in words)
    )


def zone_party(name: str, state: DocState, country: str | None) -> Actor:
    """A zone's party by its name in the actor registry or as a generic actor ("Military Forces of
    Nigeria"); a name neither knows stands as given."""
    named = state.registry.match(name, country)
    if named is not None:
        return named
    kinds = ("military", "police", "government", "unidentified")
    return next((a for a in (generic(state, k, country) for k in kinds) if a.name == name), Actor(name, None, country))


def as_gang(actor: Actor | None, text: str, state: DocState) -> Actor | None:
    """ACLED's Latin America coding: unidentified perpetrators whose violence bears the marks of
    organised crime (a drive-by, a bound or mutilated body, a narco-message) are an Unidentified
    Gang of the country (words and countries in data/events/roles.yaml)."""
    lex = lexicon()
    if (
        actor is None
        or lex.gang_hallmarks is None
        or not actor.name.startswith("Unidentified Armed Group")
        or actor.country not in lex.gang_countries
        or not lex.gang_hallmarks.search(text)
    ):
        return actor
    return generic(state, "gang", actor.country)
