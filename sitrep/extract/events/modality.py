"""Status of an event from negation, modality and reported speech.

Statuses: occurred, ongoing, planned, announced, threatened, expected, denied. ACLED codes
only occurred/ongoing events, so getting "will attack" vs "attacked" right matters.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .lexicon import VIOLENT, lexicon
from .trigger_words import AGGREGATE_NOUNS, IRREGULAR

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .trigger_words import Trigger

FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
POSSIBLE_AUX = frozenset({"could", "may", "might", "would", "can"})
PLAN_VERBS = frozenset(
    [
        "go",
        "plan",
        "intend",
        "prepare",
        "aim",
        "seek",
        "decide",
        "schedule",
        "set",
        "mean",
        "expect",
        "want",
        "try",
        "attempt",
    ]
)
ATTEMPT_VERBS = frozenset(["try", "attempt"])  # a violent attempt told in the past took place
INTENT_VERBS = frozenset(["vow", "pledge", "promise", "threaten", "warn"])
DENY_VERBS = frozenset(["deny", "reject", "dismiss", "refute"])
#: "a court blocked the government from deploying police": the act kept from happening (not a
#: crowd's: a rally prevented is still a demonstration met by force)
PREVENT_VERBS = frozenset(["block", "bar", "prevent", "stop", "ban", "forbid", "prohibit"])
VERBAL = frozenset({"verbal", "pledge", "deny", "announce", "deadline"})
COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp", "pcomp", "pobj", "prep", "dobj", "advcl"})
# phrases that signal ongoing action or aggregates rather than one incident
AGGREGATE_WORDS = frozenset(
    [
        "recent",
        "past",
        "since",
        "often",
        "regularly",
        "frequently",
        "repeatedly",
        "routinely",
        "daily",
        "weekly",
        "every",
        "years",
        "months",
        "weeks",
    ]
)


def _neg(tok: Token) -> bool:
    return any(
        c.dep_ == "neg"
        or c.lower_ in ("never", "not", "n't") and c.dep_ in ("neg", "advmod")
        # "No one claimed the attack", "nobody was hurt": a subject that denies the act
        or c.dep_ in ("nsubj", "nsubjpass") and (c.lower_ in ("nobody", "none") or c.lower_ == "one" and _no(c))
        for c in tok.children
    )


def _no(tok: Token) -> bool:
    """'one' determined by 'no' ("no one")."""
    return any(d.lower_ == "no" and d.dep_ == "det" for d in tok.children)


def _aux(tok: Token) -> set[str]:
    return {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}


def status_of(trig: Trigger) -> str:
    """Walk from the trigger up its governing verbs and read modality on the way."""
    tok = trig.head
    act = trig.noun if trig.noun is not None else tok if trig.nominal else None
    if act is not None and any(c.dep_ == "det" and c.lower_ == "no" for c in act.children):
        return "denied"  # "no arrests were made", "there was no clash": what did not happen
    if trig.nominal:
        gov = tok.head if tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj") else None
        if gov is not None and tok.dep_ == "pobj":
            gov = gov.head
        if gov is None or gov.i == tok.i:
            return _nominal_status(tok)
        tok = gov
        if _nominal_status(trig.head) in ("expected", "planned"):
            return _nominal_status(trig.head)
    if _sent_for(tok):
        return "planned"  # "troops were deployed to retake the prison": what they were sent to do
    negated = False
    came_by = ""  # the dependency climbed to reach tok: plans govern by a to-infinitive (xcomp)
    for depth in range(5):
        aux = _aux(tok)
        lemma = tok.lemma_.lower()
        if _neg(tok):
            negated = True
        if depth > 0 and lemma in DENY_VERBS:
            return "denied"
        if depth > 0 and lemma in PREVENT_VERBS and came_by == "pcomp" and trig.plover != "PROTEST":
            return "denied"
        if depth > 0 and lemma in lexicon().foil_verbs:
            return "denied"  # "police foiled a plot to bomb a church": no bombing took place
        if aux & FUTURE_AUX or "going" in aux:
            return (
                "denied"
                if negated
                else ("threatened" if trig.cls in VIOLENT and under_speech(tok) else "planned")
            )
        if depth > 0 and lemma in INTENT_VERBS:
            return "denied" if negated else "threatened"
        if (
            depth > 0
            and lemma in PLAN_VERBS
            and came_by in ("xcomp", "ccomp")
            or (
                lemma == "be"
                and depth > 0
                and tok.tag_ in ("VBP", "VBZ", "VBD")
                and _to_infinitive(trig.head)
            )
        ):
            if lemma == "expect" or lemma == "be" and "expected" in {c.lower_ for c in tok.children}:
                return "expected"
            violent = trig.cls in VIOLENT or trig.cls == "riot"
            if lemma in ATTEMPT_VERBS and violent and tok.tag_ in ("VBD", "VBN") and not negated:
                # "gunmen attempted to assassinate a judge", "residents tried to lynch a thief": the
                # attempt is the attack
                return "occurred"
            return "denied" if negated else "planned"
        if lemma == "expect" and depth > 0:
            return "expected"
        if aux & POSSIBLE_AUX:
            return "denied" if negated and "could" not in aux else "expected"
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in tok.children):
            return "expected"
        if tok.dep_ in ("xcomp", "ccomp", "advcl", "conj", "pcomp") and tok.head.i != tok.i:
            came_by = tok.dep_
            tok = tok.head.head if tok.dep_ == "pcomp" and tok.head.dep_ == "prep" else tok.head
            continue
        break
    if negated:
        return "denied"
    head = trig.head
    if head.tag_ == "VBG" and any(
        c.lower_ in ("are", "is", "were", "was") and c.dep_ == "aux" for c in head.children
    ):
        return "ongoing"
    if any(c.dep_ == "aux" and c.lower_ in ("been",) for c in head.children) and head.tag_ == "VBG":
        return "ongoing"
    if trig.cls in ("announce",):
        return "announced"
    if (
        head.tag_ in ("VB", "VBP", "VBZ")
        and head.lower_ not in IRREGULAR  # "Russian troops retook the village" tagged a present
        and not trig.nominal
        and not any(c.dep_ == "aux" and c.lower_ in ("did", "has", "have", "had") for c in head.children)
        and head.dep_ not in ("advcl", "conj", "xcomp")
    ):
        return "ongoing" if trig.cls not in VERBAL else "occurred"
    return "occurred"


def _sent_for(tok: Token) -> bool:
    """A to-infinitive of purpose after a force's deployment or operation (``purpose_heads``)."""
    return (
        _to_infinitive(tok)
        and tok.dep_ in ("advcl", "xcomp", "acl", "relcl")
        and tok.head.lemma_.lower() in lexicon().purpose_heads
    )


def _to_infinitive(tok: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def under_speech(tok: Token) -> bool:
    return speech_verb_over(tok) is not None


def speech_verb_over(tok: Token, before: int | None = None) -> Token | None:
    """The verb of saying whose complement ``tok`` stands in, up to three heads up (one before
    token ``before`` only, when given: "Russia's defence ministry said its units ...")."""
    speech = lexicon().speech
    for _ in range(3):
        if tok.dep_ in ("ccomp", "xcomp") and tok.head.lemma_.lower() in speech and (before is None or tok.head.i < before):
            return tok.head
        if tok.head.i == tok.i:
            break
        tok = tok.head
    return None


def _nominal_status(noun: Token) -> str:
    """Status of a nominal event from its modifiers ("the expected resumption of talks")."""
    words = {t.lower_ for t in noun.subtree if t.i < noun.i} | {noun.head.lower_}
    node = noun
    for _ in range(3):
        words |= {c.lower_ for c in node.children if c.i < node.i}
        if node.head.i == node.i:
            break
        node = node.head
    if words & {"planned", "upcoming", "expected", "proposed", "future", "possible", "potential"}:
        return "expected" if "expected" in words or "possible" in words else "planned"
    return "occurred"


#: Subjects that name a whole conflict: "the war has killed tens of thousands" is a toll, not an
#: incident. Single incidents ("the attack", "the fighting", "the clashes") are not in the list.
CONFLICT_NOUNS = frozenset(["war", "conflict", "insurgency", "uprising", "crisis", "violence", "revolution"])
_VAGUE_MASS = frozenset(["thousands", "millions", "hundreds"])


def _conflict_toll(head: Token) -> bool:
    """ "The war, which began in 2023, has killed tens of thousands": a conflict as subject of a
    perfect-tense verb (also through "which"), or a perfect-tense kill of "thousands" / "tens of
    thousands" / "hundreds of thousands"."""
    if not ({c.lower_ for c in head.children if c.dep_ == "aux"} & {"has", "have", "had"}):
        return False
    if any(t.lower_ == "since" for t in head.subtree):
        return True  # "more than 5,000 civilians have been killed ... since then"
    subj = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is not None and subj.lower_ in ("which", "that") and head.dep_ == "relcl":
        subj = head.head  # "the insurgency, which has killed thousands"
    if subj is not None and subj.lemma_.lower() in CONFLICT_NOUNS:
        return True
    if any(c.dep_ == "dobj" and c.lower_ in _VAGUE_MASS for c in head.children):
        return True  # "has killed thousands": a conflict's toll, no incident's
    objs = [t for c in head.children if c.dep_ == "dobj" for t in c.subtree]
    low = [t.lower_ for t in objs]
    return any(
        w in ("tens", "hundreds") and "of" in low[i + 1 : i + 2] and _VAGUE_MASS & set(low[i + 2 : i + 3])
        for i, w in enumerate(low)
    )


FREQUENCY = frozenset(
    ["often", "regularly", "frequently", "repeatedly", "routinely", "daily", "increasingly"]
)
_TIME_UNITS = frozenset(["years", "months", "weeks", "days", "decades", "year", "month", "week", "day"])
_ONE_DAY = frozenset(["day", "night", "24"])


#: Every word ``is_aggregate`` tests ("in recent months", "since 2019", "over the past weeks", "often").
_AGGREGATE_WORDS = FREQUENCY | _TIME_UNITS | {
    "recent", "past", "last", "coming", "decade", "decades", "since", "over", "the", "before", "previously",
}  # fmt: skip


def _of_event(tok: Token, trig: Trigger) -> bool:
    """The word modifies the event, not a clause of its own inside it: "held a protest over
    salaries unpaid since the past months" is one protest, not a series."""
    node = tok
    heads = {trig.head.i, trig.head.head.i} if trig.nominal or _elided(trig.head) else {trig.head.i}
    for _ in range(12):
        if node.i in heads:
            return True
        if node.head.i == node.i:
            return True  # reached the root without meeting another predicate
        if node is not tok and node.pos_ in ("VERB", "AUX") and node.dep_ not in ("aux", "auxpass"):
            # a verb joined to the event's ("have killed and kidnapped thousands in recent years")
            # tells the same act
            return node.dep_ == "conj" and node.head.i in heads
        node = node.head
    return True


def _perfect_or_progressive(verb: Token) -> bool:
    """The verb (or the verb a nominal trigger hangs on) is told in the perfect or the
    progressive: "have staged protests", "has been fighting", "were protesting"."""
    if verb.pos_ not in ("VERB", "AUX") and verb.head.pos_ in ("VERB", "AUX"):
        verb = verb.head
    if _elided(verb):
        verb = verb.head  # "have been detained ..., and at least 20 killed": the same tense
    return verb.tag_ == "VBG" or any(
        c.dep_ in ("aux", "auxpass") and c.lemma_.lower() == "have" for c in verb.children
    )


def _elided(verb: Token) -> bool:
    """A participle joined to a verb whose auxiliaries it shares ("... have been detained, and
    20 killed")."""
    return (
        verb.dep_ == "conj"
        and verb.tag_ == "VBN"
        and verb.head.pos_ in ("VERB", "AUX")
        and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    )


def in_series(trig: Trigger) -> bool:
    """The trigger is what a series is of: "took part in a series of one-person protests", "a
    wave of arrests"; not "the newest in a string of attacks" (a series told as past, longer than
    the day)."""
    return any(
        w.dep_ == "pobj"
        and w.head.lower_ == "of"
        and w.head.head.lemma_.lower() in AGGREGATE_NOUNS
        and not (w.head.head.head.lower_ in ("in", "of") and w.head.head.head.head.lower_ in _LATEST)
        for w in trig.words
    )


_LATEST = frozenset({"latest", "last", "newest", "part"})


#: a count over many places, not one incident: "across the country", "nationwide", "in several cities"
_SPREAD = re.compile(
    r"\b(?:across|throughout|around)\s+the\s+(?:country|nation|region)\b|\b(?:nationwide|countrywide)\b"
    r"|\b(?:across|in)\s+(?:several|many|various|\d+|two|three|four|five|six|seven|eight|nine|ten)\s+(?:cities|towns|provinces|states|regions|districts)\b"
    # "neutralised seven fighters in separate operations": a sum of acts the report tells one by one
    r"|\bin\s+(?:separate|multiple|a\s+series\s+of)\s+(?:operations|attacks|incidents|raids|clashes|encounters|strikes)\b",
    re.IGNORECASE,
)


def is_aggregate(trig: Trigger, toks: list[Token]) -> bool:
    """Aggregates ("a string of offensives in recent months") are not single incidents.

    ``toks`` is the event's clause; a participle hanging off a non-event verb ("Fighting has
    intensified in recent weeks, killing ...") also reads that verb's modifiers.
    """
    if trig.aggregate:
        return True
    if trig.cls in VIOLENT and _SPREAD.search(" ".join(t.text for t in toks)):
        return True  # "31 people had been injured across the country": a count over many places
    head = trig.head
    if not trig.nominal and _conflict_toll(head):
        return True
    if trig.nominal and head.dep_ == "nsubj" and head.head.pos_ in ("VERB", "AUX") and _conflict_toll(head.head):
        return True  # "fighting between the two groups has displaced 50,000 people since January"
    if (head.tag_ == "VBG" and head.dep_ in ("advcl", "conj", "xcomp") or _elided(head)) and head.head.i != head.i:
        toks = [
            *toks,
            *(t for c in head.head.children if c.dep_ in ("prep", "npadvmod", "advmod") for t in c.subtree),
        ]
    # only the words the tests below read need the (costly) walk up to the event
    low = [t.lower_ if (t.lower_ in _AGGREGATE_WORDS or t.lower_.isdigit()) and _of_event(t, trig) else "" for t in toks]
    for i, w in enumerate(low):
        if (
            w in ("recent", "past", "last", "coming")
            and i + 1 < len(low)
            # (not "in recent days": one incident whose day the report does not give, as ACLED
            # codes it, "as reported")
            and low[i + 1] in ("months", "weeks", "years", "decade", "decades")
        ):
            return True
        if w == "since" and _perfect_or_progressive(trig.head) and any(t.ent_type_ == "DATE" for t in toks[i + 1 : i + 4]):
            return True  # "have been detained since the July 28 vote": a count since a day
        if (
            w in ("since", "over")
            # (English tells an act lasting "since" a time in the perfect: "have protested since
            # March"; beside a simple past, "since" belongs to what the act is about: "held a
            # protest over pay withheld since the past four months")
            and (w == "over" or _perfect_or_progressive(trig.head))
            and i + 1 < len(low)
            and (low[i + 1].isdigit() or low[i + 1] in ("the",))
            and (
                i + 2 < len(low)
                and low[i + 2] in ("past", "last")
                # (not "over the past day", "in the last 24 hours": a day's report, its incidents)
                and not (i + 3 < len(toks) and toks[i + 3].lower_ in _ONE_DAY)
                or low[i + 1].isdigit()
                and (w == "since" or i + 2 < len(low) and low[i + 2] in _TIME_UNITS)  # not "over 200 women"
            )
        ):
            return True
        if w in FREQUENCY and toks[i].dep_ in ("advmod", "npadvmod"):  # not "daily wage-earners"
            return True
        if w in ("before", "previously") and toks[i].dep_ == "advmod" and _perfect_or_progressive(trig.head):
            return True  # "the group has targeted Shiite mosques before": what it has done, no incident
    return False


#: PLOVER codes a promise or offer of cooperation as AGREE, of a concession or retreat as CONCEDE
COMMITTED = {
    "AID": "AGREE", "SUPPORT": "AGREE", "AGREE": "AGREE", "COOPERATE": "AGREE", "CONSULT": "AGREE",
    "CONCEDE": "CONCEDE", "RETREAT": "CONCEDE",
}  # fmt: skip
#: ... and the same acts told in the future tense (codebook: AGREE, also "will meet", a future meeting or
#: visit; retreats and concessions: CONCEDE)
FUTURE_TYPE = {"AID": "AGREE", "SUPPORT": "AGREE", "COOPERATE": "AGREE", "CONSULT": "AGREE", "RETREAT": "CONCEDE"}

#: hostile acts that, told as future acts on a condition ("said it would close the border if
#: troops entered", "will cut gas supplies unless the debt is paid", "would call a strike if the
#: demands were not met"), are a coercive warning: PLOVER THREATEN ("threats, coercive or forceful
#: warnings with serious potential repercussions")
HOSTILE = frozenset({"ASSAULT", "SANCTION", "COERCE", "MOBILIZE", "PROTEST"})
_CONDITIONS = frozenset({"if", "unless"})


def conditional(tok: Token) -> bool:
    """The act hangs on an if/unless clause: "would retaliate if attacked"."""
    return any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in _CONDITIONS for m in c.children) for c in tok.children
    )


#: Verbal acts whose content never comes before them: what precedes is a misparsed event.
FRONTLESS = frozenset({"REQUEST", "ACCUSE", "REJECT"})


def absorb_complements(triggers: list[Trigger]) -> None:
    """A verbal event swallows the events in its complement: "vowed to intensify attacks"."""
    by_i = {t.head.i: t for t in triggers}
    for trig in triggers:
        if trig.cls not in VERBAL or trig.nominal or trig.absorbed:
            continue
        for tok in trig.head.subtree:
            other = by_i.get(tok.i)
            if other is None or other is trig or other.absorbed:
                continue
            path_ok = _in_complement(tok, trig.head)
            if not path_ok:
                continue
            if other.head.i < trig.head.i and trig.plover in FRONTLESS:
                continue  # "workers protested ... and demanded pay": a demand's content follows it

            other.absorbed = True
            trig.merged.append(other)
            if trig.cls in ("pledge",) and not _subordinate(other.head, trig.head):
                negated = _neg(other.head) or any(_neg(a) for a in _path(other.head, trig.head))
                if other.cls in VIOLENT or other.plover == "ASSAULT":
                    trig.plover = "CONCEDE" if negated else "THREATEN"
                elif other.plover in COMMITTED:  # PLOVER: a promise is AGREE, a promised retreat CONCEDE
                    trig.plover = COMMITTED[other.plover]
            if trig.cls == "deadline":  # "set a deadline for troops to withdraw": the withdrawal, announced
                trig.plover, trig.status_hint = other.plover, "announced"
            if trig.head.lemma_.lower() == "announce" and other.cls == "offensive":
                trig.plover, trig.cls = "MOBILIZE", "offensive"


def _subordinate(tok: Token, top: Token) -> bool:
    """The act stands in an adverbial clause of the complement ("promised to send doctors as soon
    as the crossing reopened", "... if the rebels disarmed"): a condition or a time of the promise,
    not what is promised."""
    return any(
        a.dep_ == "advcl" and any(c.dep_ == "mark" for c in a.children) for a in [tok, *_path(tok, top)] if a.i != top.i
    )


def _path(tok: Token, top: Token) -> list[Token]:
    out = []
    while tok.i != top.i and tok.head.i != tok.i:
        tok = tok.head
        out.append(tok)
    return out


def _in_complement(tok: Token, top: Token) -> bool:
    """True when tok hangs under top through complement relations only."""
    node = tok
    for _ in range(8):
        if node.head.i == top.i:
            return node.dep_ in COMPLEMENT_DEPS and not (node.dep_ == "advcl" and node.tag_ == "VBG")
        if node.dep_ in ("advcl", "relcl", "acl") and node.tag_ == "VBG" or node.head.i == node.i:
            return False
        node = node.head
    return False
