"""The triggers of one sentence made one per event: requests and threats voiced in reported speech
added, triggers that restate another (a relative clause, a nominal argument) absorbed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .lexicon import ACLED_CLASSES, lexicon
from .modality import VERBAL
from .trigger_words import Trigger

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


SPEECH_EXTRA = frozenset({"respond", "tweet", "write", "reply", "post"})
REQUEST_AUX = frozenset({"should", "must"})
THREAT_PHRASES = (
    "at risk",
    "legitimate target",
    "will be targeted",
    "will face",
    "will pay",
    "will be attacked",
)
def absorb_relative_duplicates(triggers: list[Trigger]) -> None:
    """ "Police dispersed supporters who were protesting": the protest in the relative clause is
    the incident the main event already reports (ACLED codes it once). So is a protest told by a
    participle on the doers of another act ("residents protesting the results burned tyres")."""
    heads = {t.head.i: t for t in triggers if not t.absorbed}
    for trig in triggers:
        describes_doers = trig.head.dep_ == "acl" and trig.cls == "protest" and _subject_words(trig.head.head)
        if trig.absorbed or trig.head.dep_ != "relcl" and not describes_doers:
            continue
        for anc in trig.head.head.ancestors:
            parent = heads.get(anc.i)
            if (
                parent is not None
                and parent is not trig
                and parent.cls in ACLED_CLASSES
                and trig.cls in ACLED_CLASSES
            ):
                trig.absorbed = True
                if not _doer_described(trig.head, parent):
                    parent.merged.append(trig)
                break


def _doer_described(relative: Token, parent: Trigger) -> bool:
    """A relative clause on the subject of the event's verb ("The military, which seized power
    in a 2021 coup, carried out air strikes"): the doer's past, no part of the event (its day
    does not date it)."""
    noun = relative.head
    going_on = any(c.dep_ == "aux" and c.lemma_ == "be" for c in relative.children) and relative.tag_ == "VBG"
    # (not what the subject was doing as it happened: "a group that was storming an office was
    # engaged by ...", nor the passive's subject, who suffers the act)
    return noun.dep_ == "nsubj" and noun.head.i == parent.head.i and not going_on


def _subject_words(noun: Token) -> bool:
    """Does the noun stand as a clause's subject, itself or after a quantity ("hundreds of residents")?"""
    if noun.dep_ == "pobj" and noun.head.lower_ == "of":
        noun = noun.head.head
    return noun.dep_ in ("nsubj", "nsubjpass")


def absorb_nominal_arguments(triggers: list[Trigger]) -> None:
    """A nominal trigger that is an argument of another (non-verbal) event is part of it:
    "plan to stage a counterattack to fend off a Taliban offensive" is one event."""
    heads = {t.head.i: t for t in triggers if not t.absorbed and not t.nominal and t.cls not in VERBAL}
    for trig in triggers:
        if not trig.nominal or trig.absorbed:
            continue
        # ("burned homes in an overnight raid": the operation the act was done in, as "during")
        setting = trig.head.head.lower_ in ("during", "in") and trig.head.lower_ in lexicon().doer_acts
        if trig.head.dep_ == "pobj" and trig.head.head.lower_ not in ("to", "against", "on", "for", "of") and not setting:
            # "fled following skirmishes with X": a separate, earlier event (not "seized weapons
            # during a raid", the operation the seizure was made in)
            continue
        if trig.head.dep_ not in ("dobj", "pobj", "attr", "nsubjpass"):
            continue
        for anc in trig.head.ancestors:
            parent = heads.get(anc.i)
            if (
                parent is not None
                and parent.cls not in ("verbal",)
                and parent.plover
                not in (
                    "ACCUSE",
                    "REJECT",
                    "REQUEST",
                    "THREATEN",
                )
            ):
                trig.absorbed = True
                parent.merged.append(trig)
                break


def speech_acts(sent: Span, triggers: list[Trigger]) -> list[Trigger]:
    """Requests and threats voiced in reported speech: 'X said Y should ...', '... will be at risk'."""
    speech = lexicon().speech | SPEECH_EXTRA
    speakers = [t for t in sent if t.lemma_.lower() in speech and t.pos_ in ("VERB", "AUX")]
    if not speakers:
        return []
    by_head = {t.head.i: t for t in triggers}
    out: list[Trigger] = []
    for tok in sent:
        if tok.dep_ == "aux" and tok.lower_ in REQUEST_AUX and tok.head.lemma_.lower() not in speech:
            verb = tok.head
            old = by_head.get(verb.i)
            if old is not None:
                old.absorbed = True
            out.append(Trigger(verb, "REQUEST", "verbal", [tok, verb], status_hint="occurred", speech=True))
    low = sent.text.lower()
    for phrase in THREAT_PHRASES:
        i = low.find(phrase)
        if i < 0:
            continue
        words = sent.char_span(i, i + len(phrase.split()[0]), alignment_mode="expand")
        if words is None:
            continue
        verb = words.root
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        if verb.lemma_.lower() in speech:
            continue
        out.append(Trigger(verb, "THREATEN", "verbal", [*words], status_hint="occurred", speech=True))
    return out
