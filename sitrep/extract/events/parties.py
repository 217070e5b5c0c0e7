"""Who acts on whom in one event's sentence: the agent and patient tokens of a trigger (active,
passive, nominal, "clashes between X and Y", reported speech) resolved to actors."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING

from ...model import Actor
from .acled_rules import instrument_of, war_strike
from .arguments import (
    ANAPHORS,
    QUANT_HEADS,
    armed_state,
    ent_at,
    identity_pair,
    resolve,
    speaker_of_own_act,
    speakers_country,
)
from .arguments import _acronym_noun as acronym_noun
from .arguments import _kind as arg_kind
from .arguments import _of_object as of_object
from .arguments import _weapon_of as weapon_of
from .coding import DEMONSTRATION
from .docstate import DocState, Resolved, generic, is_armed, is_state
from .lexicon import ACLED_CLASSES, VIOLENT, lexicon
from .modality import VERBAL
from .sentence_triggers import SPEECH_EXTRA
from .syntax import (
    aimed_at,
    between,
    by_agent,
    conjuncts,
    foreign_envoy,
    gerund_nationality,
    joined_agent,
    named_source,
    patient,
    pitted,
    source_of,
    subject,
)
from .trigger_words import Trigger, noun_key
from .trigger_words import verb_lemma as trigger_lemma
from .triggers import governing_verb, measured_off

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


#: Non-violent acts of armed forces: a government named as their doer is its military.
MILITARY_ACTS = frozenset({"shots", "mobilize", "base", "offensive", "withdraw", "disrupt"})
GOV_WORDS = frozenset(
    [
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "ministry",
        "minister",
        "official",
        "officials",
        "president",
        "government",
        "governor",
        "authorities",
        "commander",
        "adviser",
        "advisor",
        "cabinet",
        "administration",
        "treasury",
        "pentagon",
    ]
)


def _same_phrase(a: Token | None, b: Token | None) -> bool:
    """Two arguments that name one party: a pronoun, or the same words ("the military forces of
    X fired on the positions of the military forces of Y" names two, whatever they resolve to)."""
    if a is None or b is None or a.tag_ in ("PRP", "PRP$") or b.tag_ in ("PRP", "PRP$"):
        return True
    return a.lower_ == b.lower_ or a.lemma_.lower() == b.lemma_.lower()


def _speaker_of(sent: Span, verb: Token) -> Token | None:
    speech = lexicon().speech | SPEECH_EXTRA
    node = verb
    for _ in range(5):
        if node.lemma_.lower() in speech and node.i != verb.i:
            return _closest_subject(node)
        if node.head.i == node.i:
            break
        node = node.head
    for t in sent:  # quote followed by '..., the Taliban said.'
        if t.lemma_.lower() in speech and t.i != verb.i:
            subj = _closest_subject(t)
            if subj is not None:
                return subj
    return None


def _closest_subject(verb: Token) -> Token | None:
    """'X will be at risk, the Taliban told the BBC': the subject next to the speech verb."""
    subs = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subs:
        return subject(verb)[0]
    return min(subs, key=lambda c: abs(c.i - verb.i))


#: a verb that opens a clause of its own (not "affiliated" in "pro-Hadi and affiliated forces")
_CLAUSE_VERB_TAGS = frozenset({"VBD", "VBZ", "VBP", "VBG", "MD"})


def _and_side(sent: Span, first: Token) -> Token | None:
    """Second side of "between X, ..., and Y" when the parse dropped it."""
    seen_and = False
    for t in sent:
        if t.i <= first.i:
            continue
        if t.tag_ in _CLAUSE_VERB_TAGS and not first.left_edge.i <= t.i <= first.right_edge.i:
            return None  # "... between two groups, killing 27 and wounding 106, the ministry said": no side
        if t.lower_ == "and" and not seen_and:
            seen_and = True
            continue
        if seen_and and t.pos_ in ("NOUN", "PROPN"):
            nxt = t.nbor(1) if t.i + 1 < len(t.doc) else None
            if nxt is None or nxt.pos_ not in ("NOUN", "PROPN"):
                return t
    return None


def _protesting(people: Token) -> bool:
    """The people are told by a clause of demonstrating ("workers protesting unpaid wages",
    "residents who were demonstrating against ..."): a crowd in a demonstration."""
    lex = lexicon()
    return any(
        c.dep_ in ("acl", "relcl") and lex.verbs.get(c.lemma_.lower(), ("", ""))[1] == "protest"
        for c in people.children
    )


def _during_protests(trig: Trigger) -> bool:
    """The act is told as done "during" or "at" a demonstration folded into it ("shot dead two
    young men during protests")."""
    settings = [m.head for m in trig.merged if m.plover == "PROTEST" and m.nominal]
    if trig.noun is not None and lexicon().nouns.get(trig.noun.lemma_.lower(), ("", ""))[1] == "protest":
        settings.append(trig.noun)
    return any(n.dep_ == "pobj" and n.head.lower_ in ("during", "at", "amid") for n in settings)


def _done_before_by(sub: Trigger, target: Token | None) -> bool:
    """The merged act is what the target had done before ("struck fighters who had fired at
    troops"): no doer of this act. (Not what it was doing: "a group that was storming the office
    was engaged by militants" names the attackers.)"""
    verb = sub.head
    return (
        target is not None
        and verb.dep_ == "relcl"
        and verb.head.i == target.i
        and any(c.dep_ == "aux" and c.lower_ == "had" for c in verb.children)
    )


def _pron_in_sentence(tok: Token | None, state: DocState, country: str | None) -> Resolved | None:
    """'If the occupiers ..., they should ...': a pronoun bound to an earlier subject in the sentence."""
    if tok is None or tok.lower_ not in ("they", "it") or speaker_of_own_act(tok) is not None:
        return None  # ("X said it struck ...": the speaker, whatever subject came before it)
    fled = _plural_object_before(tok)
    if fled is not None:
        r = resolve(fled, state, country)
        if r.actor is not None:
            return r
    for t in tok.sent:
        if t.i >= tok.i:
            break
        if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ in ("NOUN", "PROPN") and t.head.i != tok.head.i:
            if not (_clause_of(t.head, tok.head) or _clause_of(tok.head, t.head)):
                # "assurances that civilians would be protected": a noun's clause ("the soldiers
                # were escorting a convoy when they came under attack": a clause of the subject's)
                continue
            r = resolve(t, state, country)
            if r.actor is not None:
                return r
    return None


def _fights_an_object(trig: Trigger) -> bool:
    """Whether a verb of fighting has an object of its own, so that its joined subject is one side
    ("Rwandan and Mozambican troops fought the insurgency"); not the act's own word ("exchanged
    fire") nor the sides themselves ("fought each other")."""
    told = {w.i for w in trig.words}
    return not trig.nominal and any(
        c.dep_ == "dobj" and c.i not in told and c.lower_ not in ("other", "another") for c in trig.head.children
    )


def _plural_object_before(tok: Token) -> Token | None:
    """'its air force struck the attackers as they withdrew': "they" in a clause under a verb
    whose subject is one body (a singular noun) and whose object is a plural noun is that object."""
    if tok.lower_ != "they" or tok.dep_ != "nsubj" or tok.head.dep_ != "advcl":
        return None
    main = tok.head.head
    subj = next((c for c in main.children if c.dep_ == "nsubj"), None)
    obj = next((c for c in main.children if c.dep_ == "dobj" and c.i < tok.i), None)
    if subj is None or obj is None or subj.tag_ not in ("NN", "NNP") or obj.tag_ not in ("NNS", "NNPS"):
        return None
    return obj


def _clause_of(verb: Token, top: Token) -> bool:
    """True when verb hangs under top's clause through verbs only (no noun in between)."""
    node = verb
    for _ in range(12):
        if node.i == top.i or top in node.ancestors and node.head.i == top.i:
            return True
        if node.head.i == node.i:
            return top.i == node.i or verb.head.i == verb.i
        node = node.head
        if node.pos_ in ("NOUN", "PROPN") and node.i != top.i:
            return False
    return True


def _gov_actor(tok: Token | None, country: str | None) -> Actor | None:
    """'An Afghan defense ministry spokesman' -> the government, when the registry is silent."""
    if tok is None:
        return None
    words = {t.lower_ for t in tok.subtree if t.i <= tok.i}
    if not words & GOV_WORDS:
        return None
    lex = lexicon()
    phrase = tok.doc[min(t.i for t in tok.subtree) : tok.i + 1].text  # "the Sri Lankan government"
    named = (phrase[a:b].lower() for a, b in lex.demonym_finder.finditer(phrase))
    c = next((lex.demonyms[w] for w in named if w in lex.demonyms), None) or country
    return Actor(f"Government of {c}", "state", c) if c else Actor("Government", "state", None)


#: heads that name no party of their own: "the statement condemned", "the report accused"
NOT_PARTIES = frozenset(
    ["statement", "report", "letter", "move", "decision", "it", "this", "that", "which", "who", "video", "post"]
)


@lru_cache(maxsize=1)
def _capitals() -> dict[str, str]:
    """National capital, or country name -> the country's short name (the gazetteer's country table)."""
    from ..places import Gazetteer

    gaz = Gazetteer.default()
    names = {name: name for name in gaz.countries.values()}
    return names | {city: gaz.countries[cc] for cc, city in gaz.capitals.items() if cc in gaz.countries}


def _named_party(tok: Token | None) -> Actor | None:
    """The doer of a political act the registry does not know, named by its own words: "the
    opposition", "prosecutors", "the teachers' union" (PLOVER codes the party the text names).
    A country or national capital that acts ("Belarus freed ...", "Seoul condemned ...", "Ankara
    was ready to host talks") is the country's government, as wire copy uses it."""
    if tok is None or tok.pos_ not in ("NOUN", "PROPN") or tok.lemma_.lower() in NOT_PARTIES:
        return None
    if tok.pos_ == "PROPN":  # "Belarus freed ...", "Seoul condemned ...", "Burkina Faso expelled ..."
        name = " ".join(t.text for t in tok.subtree if t.i <= tok.i and t.pos_ == "PROPN" and t.dep_ in ("compound", tok.dep_))
        country = _capitals().get(name)
        if country is not None:
            return Actor(f"Government of {country}", "government", country)
    named = tok.ent_type_ in ("ORG", "NORP") or tok.pos_ == "PROPN" and tok.ent_type_ in ("GPE", "PERSON")
    # a proper name of several words the tagger left untyped ("Human Rights Watch accused ...")
    named = named or tok.pos_ == "PROPN" and not tok.ent_type_ and any(
        c.dep_ == "compound" and c.pos_ == "PROPN" for c in tok.children
    )
    # an acronym the tagger left untyped ("ECOWAS suspended Mali ...")
    named = named or tok.pos_ == "PROPN" and not tok.ent_type_ and len(tok.text) >= 3 and tok.text.isupper()
    if not (named or tok.lower_ in lexicon().party_nouns):
        return None  # a common noun that names no party ("peace", "the two sides")
    words = [t for t in tok.subtree if t.i <= tok.i and t.dep_ not in ("det", "predet", "nummod", "punct")]
    words = words[next((i for i, t in enumerate(words) if t.dep_ != "poss" or t.i == tok.i), 0) :]
    name = " ".join(t.text for t in words if t.tag_ != "POS").strip()
    return Actor(name[:1].upper() + name[1:], "other", None) if name else None


def _led(tok: Token | None, state: DocState, country: str | None) -> Resolved | None:
    """ "The head of the Red Cross met ...", "the junta leader warned ...": the organisation the
    head leads (its of-object or its modifier), when the head itself named no actor."""
    if tok is None or tok.lemma_.lower() not in lexicon().leader_heads:
        return None
    inner = next((c for c in tok.children if c.dep_ == "compound" and c.pos_ in ("NOUN", "PROPN")), None)
    inner = inner or of_object(tok)
    if inner is None:
        return None
    found = resolve(inner, state, country)
    actor = found.actor or _gov_actor(inner, country) or _named_party(inner)
    return Resolved(actor, found.kind, tok) if actor is not None else None


def _opening_clash(trig: Trigger, agent: Token | None) -> list[Token]:
    """The sides of a fight named by the words that open the sentence, parsed as a clause hung on
    the verb ("Fighting between troops and rebels in Jonglei, South Sudan, killed 20": "fighting"
    read as an adverbial clause of "killed"), when the verb holds no doer of its own."""
    for sub in trig.merged:
        tok = sub.head
        if sub.cls != "clash" or tok.dep_ != "advcl" or tok.head.i != trig.head.i or tok.i > trig.head.i:
            continue
        # (a doer the verb holds itself stands; one read from a verb of saying above it does not)
        if agent is not None and agent.head.i == trig.head.i and not tok.left_edge.i <= agent.i <= tok.right_edge.i:
            continue
        if sides := between(tok):
            return list(sides)
    return []


def _modifier_doer(noun: Token) -> Token | None:
    """The doer written before an act's noun: "police firing", "the army's shelling" (not the
    weapon: "air strike", "roadside bomb"); of two, the nearer ("Sudan's RSF shells": the RSF)."""
    return next(
        (
            c
            for c in sorted(noun.children, key=lambda c: -c.i)
            if c.dep_ in ("poss", "compound")
            and c.pos_ in ("PROPN", "NOUN")
            and c.lemma_.lower() not in lexicon().weapon_modifiers
            # "a military operation": the state's forces; "Russian shelling": that state's forces
            or c.dep_ == "amod" and (c.lower_ in lexicon().act_modifier_kinds or c.lower_ in lexicon().demonyms)
            # ("Ukrainian shelling of the town wounded ...": the nationality read as the subject
            # of a gerund that is the sentence's subject)
            or gerund_nationality(c) and c.head.i == noun.i
        ),
        None,
    )


def _firing_doer(head: Token, trig: Trigger) -> Token | None:
    """Who fired, for a passive act "in" someone's fire: "killed in police firing" (a compound, or
    the noun the parser hangs the firing on), "wounded in the army's shelling", "killed in an
    attack by X" or "in a clash with X"."""
    if trig.noun is not None and trig.noun.dep_ == "pobj":
        # "killed in an attack by X"; "killed in a clash with X": the other side
        return _modifier_doer(trig.noun) or by_agent(trig.noun) or _fought_with(trig.noun)
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("in", "during"):
            continue
        for pobj in prep.children:
            fired = any(
                a.dep_ == "acl" and lexicon().verbs.get(trigger_lemma(a), ("", ""))[1] in VIOLENT | {"fire"}
                for a in pobj.children
            )
            if pobj.dep_ == "pobj" and fired:
                return pobj
            if pobj.dep_ == "pobj" and (pobj.lower_ in lexicon().doer_acts or war_strike(pobj, trig)):
                # "killed in a security operation", "killed in an operation by X", "in Russian strikes"
                doer = _modifier_doer(pobj) or by_agent(pobj)
                if doer is not None:
                    return doer
    return None


def _clash_clause_sides(head: Token, trig: Trigger) -> tuple[Token, Token | None] | None:
    """The sides of a clash told in a clause under a harm ("were injured when X clashed with Y"):
    the clause's subject and whom it fought with."""
    clash = next(
        (
            m.head for m in trig.merged
            if m.cls == "clash" and not m.nominal and m.head.dep_ == "advcl"
            # (or on the harm joined to it: "two were killed and five wounded when X fought Y")
            and (m.head.head.i == head.i or m.head.head.dep_ == "conj" and m.head.head.head.i == head.i)
        ),
        None,
    )
    doer = next((c for c in clash.children if c.dep_ == "nsubj"), None) if clash is not None else None
    if clash is None or doer is None:
        return None
    return doer, of_object(clash, ("with",))


def _fought_with(noun: Token) -> Token | None:
    """The side a fight was "with" ("a clash with X"), for a noun of the clash class only ("an
    attack with grenades" names a weapon)."""
    entry = noun_key(noun)
    if entry is None or entry[1] != "clash":
        return None
    # ("an exchange of fire with X": the parser may hang "with" on "fire")
    of = [o] if (o := of_object(noun)) is not None else []
    prep = next((c for t in (noun, *of) for c in t.children if c.dep_ == "prep" and c.lower_ == "with"), None)
    return next((p for p in prep.children if p.dep_ == "pobj"), None) if prep is not None else None


def is_government(actor: Actor | None) -> bool:
    """A government as such (its officials), not its forces."""
    return actor is not None and (actor.type or "") == "government"


def _carried(tok: Token | None) -> Token | None:
    """Who a vehicle carried ("a car carrying three militants"): the object of its "carrying"."""
    if tok is None:
        return None
    verb = next((c for c in tok.children if c.dep_ == "acl" and c.lemma_.lower() in lexicon().carry_verbs), None)
    return next((c for c in verb.children if c.dep_ == "dobj"), None) if verb is not None else None


def act_doer(trig: Trigger, state: DocState, country: str | None) -> Resolved:
    """The doer of the act a harm was suffered in ("died in an attack by X": X), or none; or
    the force that held the dead ("died in police custody": the police)."""
    if not trig.nominal and trig.noun is None:
        holder = _custody_holder(trig.head)
        return resolve(holder, state, country) if holder is not None else Resolved(None)
    if trig.nominal or trig.noun is None or trig.noun.dep_ != "pobj":
        return Resolved(None)
    return resolve(_firing_doer(trig.head, trig), state, country, want_armed=True)


def _custody_holder(head: Token) -> Token | None:
    """Who held the person "in police custody", "in the army's custody"."""
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ in ("in", "while"):
            for pobj in prep.children:
                if pobj.dep_ == "pobj" and pobj.lemma_.lower() == "custody":
                    return _modifier_doer(pobj)
    return None


def _appositive_noun(subj: Token | None) -> Token | None:
    """The subject, or the common noun the parser hung on it as an apposition when it read a
    place as the subject ("in La Central, Colima, a police patrol was shot": the patrol)."""
    if subj is None or subj.pos_ != "PROPN" or subj.ent_type_ in ("PERSON", "NORP"):
        return subj  # ("Ahmed Ali, a journalist, was shot": the person named)
    nouns = [t for t in subj.subtree if t.dep_ == "appos" and t.pos_ == "NOUN" and t.i > subj.i]
    return nouns[-1] if nouns else subj


#: an act told as what came before or during the act of a clause ("fled after a gunfight")
_SEQUENCE_PREPS = frozenset(["after", "during", "following"])


def _no_side(tok: Token, head: Token) -> bool:
    """A patient that is no side of a fight: where it was fought ("exchanged fire on several
    front lines"), whom it killed ("..., killing two soldiers") or the sides themselves ("X and
    Y fought each other")."""
    if tok.lower_ in ("other", "another") and any(c.lower_ in ("each", "one") for c in tok.children):
        return True
    if tok.dep_ == "pobj":
        return tok.head.lower_ in ("on", "in", "at", "near", "along", "across")
    return tok.dep_ == "dobj" and tok.head.i != head.i and tok.head.lemma_.lower() in ("kill", "wound", "injure")


def sentence_parties(sent: Span, trig: Trigger, state: DocState, country: str | None) -> tuple[Resolved, Resolved]:
    head = trig.head
    agent_tok: Token | None = None
    patient_tok: Token | None = None
    second: Token | None = None
    tripped = False  # the subject hit a mine: no doer in the sentence
    if trig.nominal:
        # "clashes between X and Y", "clashes erupted between X and Y"
        verb, how = governing_verb(head)
        sides = between(head) or (between(verb) if verb is not None and how in ("nsubj", "nsubjpass") else [])
        sides = sides or (pitted(verb) if verb is not None and how == "nsubj" else [])  # "the clashes pitted X against Y"
        if sides:
            agent_tok = sides[0]
            second = sides[1] if len(sides) > 1 else _and_side(sent, sides[0])
            if second is None and _one_kind(sides[0]):
                second = sides[0]  # "clashes between rival militias": both sides are militias
        else:
            agent_tok = by_agent(head) or _modifier_doer(head)
            # (nor who fled it: "villagers fled the fighting")
            witnessed = head.dep_ == "dobj" and (
                trigger_lemma(head.head) in lexicon().report_verbs or head.head.lemma_.lower() in lexicon().flight_verbs
            )
            if agent_tok is None and not witnessed:  # "monitors recorded 14 explosions": who saw, not who fired
                agent_tok, _ = subject(head.head) if head.dep_ in ("dobj", "pobj", "nsubj") else (None, False)
                if agent_tok is not None and agent_tok.i == head.i:
                    agent_tok = None
            if agent_tok is not None and how in _SEQUENCE_PREPS and lexicon().kinds.get(agent_tok.lower_) == "civilians":
                agent_tok = None  # "villagers fled after a gunfight with bandits": they did not fight
            if agent_tok is not None and by_agent(head) is None and measured_off(head) is not None:
                agent_tok = None  # "police arrested two men, weeks after the attack on the market": not its doers
            patient_tok = patient(trig)
    elif trig.speech:
        agent_tok = _speaker_of(sent, head)
        patient_tok, _ = subject(head)
    elif trig.subj_fix is not None:
        agent_tok, patient_tok = trig.subj_fix, trig.obj_fix
    elif trig.undergone:
        # "a patrol came under attack from gunmen": the patrol suffered it, the gunmen did it
        patient_tok, _ = subject(head)
        agent_tok = named_source(trig.noun) if trig.noun is not None else None
    else:
        subj, passive = subject(head)
        if trig.cls == "fallto":
            agent_tok = next(
                (
                    p
                    for c in head.children
                    if c.dep_ == "prep" and c.lower_ == "to"
                    for p in c.children
                    if p.dep_ == "pobj"
                ),
                None,
            )
            patient_tok = subj
        elif passive:
            patient_tok = _appositive_noun(subj)
            if subj is not None and subj.lemma_.lower() in lexicon().thrown_weapons and (
                trigger_lemma(head) in lexicon().projectile_verbs
            ):
                patient_tok = aimed_at(head)  # "a grenade was thrown at a checkpoint": what it was aimed at
            agent_tok = joined_agent(head)
            if agent_tok is not None and agent_tok.lemma_.lower() in lexicon().nouns:
                agent_tok = None  # "killed by a roadside bomb": an instrument, not an actor
            if agent_tok is None:
                agent_tok = _firing_doer(head, trig)  # "killed in police firing": the police fired
            if agent_tok is None and (clause_sides := _clash_clause_sides(head, trig)) is not None:
                # "50 people were injured when supporters of X clashed with police": the clash's
                # sides, the hurt its toll
                agent_tok, second = clause_sides
                if second is None and _one_kind(agent_tok) and any(
                    t.lower_ in lexicon().warring_modifiers for t in agent_tok.subtree
                ):
                    second = agent_tok  # "... when militias from two rival clans fought": that kind on both sides
                patient_tok = second or patient_tok
        else:
            agent_tok = subj
            # ("attacked IS militants": the parser read "IS" as the verb "is", the militants its attribute)
            patient_tok = patient(trig) or acronym_noun(head)
            if (
                patient_tok is not None
                and any(w.i == patient_tok.i for w in trig.words)
                and not (trig.plover == "SANCTION" and foreign_envoy(patient_tok))
            ):
                # "set fire to a police station": the fire is the act's word, what it was set to
                # the target
                patient_tok = next(
                    (
                        p
                        for h in (patient_tok, head)
                        for c in h.children
                        if c.dep_ == "prep" and c.lower_ in ("to", "on")
                        for p in c.children
                        if p.dep_ == "pobj" and p.ent_type_ not in ("DATE", "TIME")
                    ),
                    None,
                )
            if patient_tok is None and trig.noun is not None and (
                trig.cls == "disrupt" and weapon_of(trig.noun) is not None  # "destroyed 41 Ukrainian drones": their side
                or trig.cls == "strike" and trig.noun.lemma_.lower() == "target"  # "struck 32 PKK targets": the PKK's
            ):
                patient_tok = trig.noun
            agent_tok = strikes_doer(head, subj)
            if agent_tok is not None and _weapon(agent_tok) and (launcher := _launched_by(agent_tok)) is not None:
                agent_tok = launcher  # "a drone launched by Iraqi militias struck a base": the militias
            if agent_tok is not None and _tripped_mine(head):
                # "a military vehicle hit a landmine", "their convoy struck an IED": the blast's victim
                agent_tok, patient_tok, tripped = None, agent_tok, True
            if trig.cls == "kill" and trigger_lemma(head) in lexicon().discovery_verbs:
                agent_tok = None  # "police found the bodies of 11 men": who found them, not who killed
            if agent_tok is not None and _act_noun(agent_tok, trig):
                # "an attack by X killed ...", "clashes between X and Y left ... dead", "shelling by X
                # killed ...": the act's doers, not the act
                sides = between(agent_tok)
                act = agent_tok
                agent_tok = sides[0] if sides else by_agent(act) or _modifier_doer(act) or act
                if len(sides) > 1:
                    second = patient_tok = sides[1]
                elif sides and _one_kind(sides[0]) and trig.cls == "clash":
                    second = patient_tok = sides[0]  # "clashes between rival militias killed 32": militias on both sides
            if (
                head.lemma_.lower() in ("die", "perish")
                and agent_tok is subj
                and subj is not None
                and any(sub.cls in VIOLENT and not sub.nominal and _active_subject(sub.head) for sub in trig.merged)
            ):
                # "three people died when police opened fire", "two soldiers died when militants
                # attacked": who died suffered the act the clause tells, whose doer is its own
                agent_tok, patient_tok = None, subj
            if patient_tok is None and trig.cls == "clash" and len(trig.words) == 3:
                # "responded to Houthi fire", "responded to fire from the rebels": whose fire it was
                patient_tok = source_of(trig.words[2])
        # (a clash's, an agreement's or a meeting's: "the government and Tigrayan forces signed a
        # peace deal", "Russia and Ukraine held talks in Istanbul")
        joint = trig.cls in ("clash", "agreement") or trig.plover == "CONSULT"
        # (and not the dead of a clash of two named sides: "12 people were killed when troops
        # and rebels clashed": the dead are the clash's toll, of either side or caught between)
        if joint and agent_tok is not None and (
            patient_tok is None
            or _no_side(patient_tok, head)
            or patient_tok.dep_ == "nsubjpass" and bool(conjuncts(agent_tok))
        ):
            conj = conjuncts(agent_tok)
            if not conj and agent_tok.lower_ in QUANT_HEADS and (of := of_object(agent_tok)) is not None:
                conj = conjuncts(of)  # "representatives of Sudan's army and the RSF signed": the RSF
            if conj or patient_tok is None:
                # ("A and B exchanged fire on several front lines, killing two soldiers": the
                # sides, not where they fought or whom they killed)
                second, patient_tok = (conj[0] if conj else None), None
        sides = (between(trig.noun) if trig.noun is not None else []) or between(head)
        opening = _opening_clash(trig, agent_tok) if not sides else []
        if opening:  # "Fighting between X and Y in A, B, killed 20": the sides fought, the dead are theirs
            agent_tok = opening[0]
            if len(opening) > 1:
                second = patient_tok = opening[1]
            elif _one_kind(opening[0]):
                second = patient_tok = opening[0]
        if sides and agent_tok is None:
            agent_tok = sides[0]
            second = sides[1] if len(sides) > 1 else None
            clash = sides[0].head.head  # (the noun "between" hangs on)
            if second is None and _one_kind(sides[0]) and trig.cls == "clash" and clash.head.lower_ in ("in", "during"):
                # "12 people were killed in clashes between two rival gangs": that kind on both
                # sides, the dead the clash's toll (not the setting: "killed amid clashes between ...")
                second = patient_tok = sides[0]
            if second is not None and patient_tok is not None and _same_party(agent_tok, patient_tok, state, country):
                # "a rebel was killed in a clash between the rebels and the army": the army killed
                agent_tok, second = second, agent_tok
            elif second is not None and patient_tok is not None and not _same_party(second, patient_tok, state, country):
                # "two people were killed in clashes between supporters and security forces": the
                # sides fought, the dead (of either, or caught between) are the clash's toll
                patient_tok = second
    verbal = trig.cls in VERBAL or trig.plover not in ("ASSAULT", "COERCE", "PROTEST")
    a1 = _pron_in_sentence(agent_tok, state, country) or resolve(
        # (people who burn or loot houses are as armed as those who attack: "herdsmen torched houses")
        agent_tok, state, country, want_armed=trig.cls in VIOLENT or trig.cls in ("loot", "destroy")
    )
    if a1.actor is None and verbal:
        a1 = Resolved(_gov_actor(agent_tok, country), None, agent_tok)
    if a1.actor is None and verbal and trig.cls not in ACLED_CLASSES:
        a1 = Resolved(_named_party(agent_tok), None, agent_tok)
    if a1.actor is None and verbal and trig.cls not in ACLED_CLASSES:
        a1 = _led(agent_tok, state, country) or a1
    if a1.actor is None and not trig.nominal and not tripped:
        for sub in trig.merged:  # "two soldiers were killed when ELN guerrillas attacked a base"
            if _done_before_by(sub, patient_tok):
                continue
            sub_subj, sub_passive = subject(sub.head)
            if sub_subj is not None and not sub_passive and sub.cls in VIOLENT and not _tripped_mine(sub.head):
                found = resolve(sub_subj, state, country, want_armed=True)
                if found.actor is not None:
                    a1 = found
                    break
            # ("bodies were found, apparently killed in air strikes by French forces": their doers)
            doer = next((a for w in sub.words if (a := by_agent(w)) is not None), None)
            if sub.cls in VIOLENT and sub.cls not in ("kill", "attack") and doer is not None:
                found = resolve(doer, state, country, want_armed=True)
                if found.actor is not None:
                    a1 = found
                    break
            if sub.cls == "clash" and agent_tok is None and patient_tok is not None:
                # "a suspect was killed after exchanging fire with police": the other side killed;
                # "a rebel was killed in a firefight between the rebels and the army": the side
                # that is not the victim's
                victim_actor = resolve(patient_tok, state, country).actor
                candidates: list[Token | None] = list(between(sub.head)) if sub.nominal else []
                found = Resolved(None)
                for other in candidates or [patient(sub)]:
                    if other is None or other.i == patient_tok.i:
                        continue
                    cand = resolve(other, state, country, want_armed=True)
                    if cand.actor is not None and (victim_actor is None or cand.actor.name != victim_actor.name):
                        found = cand
                        break
                if found.actor is not None:
                    a1 = found
                    break
    if second is not None and patient_tok is None:
        patient_tok = second
    if (people := _carried(patient_tok)) is not None and (resolve(people, state, country).actor is not None):
        patient_tok = people  # "attacked a car carrying IS militants": the militants were the target
    # (the other side of a clash is armed as the first is: "Masalit and Rizeigat groups clashed")
    a2 = _pron_in_sentence(patient_tok, state, country) or resolve(
        patient_tok, state, country, want_armed=trig.cls == "clash" and second is not None
    )
    if a2.actor is None and verbal and patient_tok is not None and patient_tok.ent_type_ == "GPE":
        # ("announced military aid for Ukraine": the country's government, also when the text is
        # about that country, where its name alone is a place)
        named = state.registry.country_name(patient_tok.text)
        if named:
            a2 = Resolved(generic(state, "government", named), "government", patient_tok)
    if a2.actor is None and trig.cls == "clash" and not trig.nominal:
        # "repelled a Russian attack", "held off Russian assaults": the demonym on the act names
        # the state's forces that made it
        acts = [t for t in (patient_tok, trig.noun) if t is not None and _act_noun(t, trig)]
        if patient_tok is not None and patient_tok.dep_ == "amod" and _act_noun(patient_tok.head, trig):
            acts.append(patient_tok.head)  # "repelled a fierce Russian assault": the assault's words
        marks = [patient_tok] if patient_tok is not None and patient_tok.dep_ == "amod" else []
        marks += [c for t in acts for c in t.children if c.dep_ == "amod"]
        mark = next((m for m in marks if m.lower_ in lexicon().demonyms), None)
        if mark is not None:  # (cited by the demonym itself, not another word before the act)
            a2 = Resolved(generic(state, "military", lexicon().demonyms[mark.lower_]), "military", mark)
    if trig.cls in ("clash", "shots") and agent_tok is not None and a2.actor is not None:
        # "fighting between the army and ADF rebels left six soldiers dead": the two sides as
        # named, the dead among one of them
        pair = _shared_head_pair(agent_tok, state, country)
        if pair is not None and a2.actor.name in {r.actor.name for r in pair if r.actor is not None}:
            a1, a2 = pair
    if a2.actor is None and trig.cls in ("clash", "shots") and agent_tok is not None and not _fights_an_object(trig):
        militias = identity_pair(agent_tok, state, country)
        pair = _shared_head_pair(agent_tok, state, country) if militias is None else None
        if pair is not None:  # "GNA and LNA forces clashed", "forces of India and Pakistan exchanged fire"
            a1, a2 = pair
        if militias is not None:  # "Fulani and Dogon militias clashed": one militia each
            a1, a2 = Resolved(militias[0], None, agent_tok), Resolved(militias[1], None, agent_tok)
    # (also of a doer's noun that is the subject: "a suicide bomber rammed a car into a police
    # station, killing 12 policemen"; not of a clash's, whose dead are its toll, not a side)
    if a2.actor is None and (not trig.nominal or head.dep_ == "nsubj" and trig.cls != "clash"):
        for sub in trig.merged:  # "attacked a post, killing 20 soldiers": the victims of the consequence
            if sub.cls in VIOLENT and sub.cls not in ("seize", "retake"):  # (ground taken is no victim)
                subj, passive = subject(sub.head)
                tok = subj if passive and subj is not None and subj.i > head.i else patient(sub)
                if tok is not None:
                    a2 = resolve(tok, state, country)
                    if a2.actor is not None:
                        break
    if (a2.actor is None or a2.kind == "civilians") and trig.cls in ("seize", "retake") and not trig.nominal:
        # "captured the town from Islamic State fighters": whom the ground was taken from (the
        # parser may hang "from" on the town)
        holders = [head, *(c for c in head.children if c.dep_ == "dobj")]
        taken_from = next(
            (p for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "from"
             for p in c.children if p.dep_ == "pobj"),
            None,
        )  # fmt: skip
        if taken_from is None:
            # "took control of the town after two days of fighting with the army": whom they fought
            fights = (t for t in head.subtree if t.pos_ in ("NOUN", "VERB") and t.i > head.i)
            taken_from = next((w for t in fights if (w := _fought_with(t)) is not None), None)
        if taken_from is not None:
            found = resolve(taken_from, state, country, want_armed=True)
            if found.actor is not None and is_armed(found.actor):
                a2 = found
    if trig.cls not in ACLED_CLASSES or trig.cls == "agreement":  # "Hungary protested": its government
        a1, a2 = _as_government(a1, state), _as_government(a2, state)
    if trig.cls == "base" and a2.token is not None and a2.token.dep_ == "dobj" and a2.token.head.i == head.i:
        a2 = Resolved(None)  # "set up a new base": the base set up, no second party
    if trig.cls in VIOLENT or trig.cls in MILITARY_ACTS:
        a1, a2 = armed_state(a1, state), armed_state(a2, state)
    if (
        (trig.cls in VIOLENT or trig.cls == "arrest") and a2.kind == "civilians" and a2.token is not None
        and (_protesting(a2.token) or is_state(a1.actor) and _during_protests(trig))
    ):  # fmt: skip
        # "opened fire on garment workers protesting unpaid wages", "security forces shot dead two
        # young men during protests": a crowd, told by what it was doing
        a2 = Resolved(generic(state, "protesters", country), "protesters", a2.token)
    if trig.cls in VIOLENT and a2.kind == "civilians" and not trig.nominal:
        # "five people were injured after police fired at demonstrators": the people hurt were
        # the demonstrators the act was aimed at
        for sub in trig.merged:
            aimed = patient(sub)
            crowd = resolve(aimed, state, country) if aimed is not None else Resolved(None)
            if crowd.kind == "protesters":
                a2 = crowd
                break
    if trig.cls in VIOLENT and is_government(a2.actor) and a2.token is not None:
        a2 = Resolved(None, "civilians", a2.token)  # "shot dead a municipal official": ACLED's civilian victim
    if a2.actor is None and a2.kind is None and trig.cls in VIOLENT:
        # "attacked (and injured) a party member": a target named as people, not as armed, is civilian
        subs = [] if trig.nominal else [sub for sub in trig.merged if sub.cls in VIOLENT]
        targets = [patient_tok, *(patient(sub) for sub in subs)]
        targets += [w for t in targets if t is not None for w in _told_as(t)]
        victim = next((t for t in targets if t is not None and _victim(t)), None)
        if victim is not None:
            a2 = Resolved(None, "civilians", victim)
    if (
        trig.cls in VIOLENT
        and a2.kind == "protesters"
        and a2.token is not None
        and a2.token.lemma_.lower() == "crowd"
        and not DEMONSTRATION.search(sent.text)
    ):
        # "a suicide bomber struck a crowd outside the airport": people gathered, no demonstration
        a2 = Resolved(generic(state, "civilians", country), "civilians", a2.token)
    if (
        trig.cls not in VIOLENT
        and a2.actor is not None and a1.actor is not None and a2.actor.name == a1.actor.name
        and a2.token is not None and a2.token.lemma_.lower() in lexicon().armed_places
    ):  # fmt: skip
        a2 = Resolved(None)  # "the army set up checkpoints": its own sites, no second party
    mutual = False
    if (
        a2.actor is None
        and a2.kind is None
        and trig.cls == "clash"
        and a1.actor is not None
        and _both_sides(agent_tok, trig)
    ):
        # "armed men clashed", "an exchange of fire between two groups of soldiers": the same
        # kind of actor on either side, as ACLED codes it
        a2, mutual = Resolved(a1.actor, a1.kind, a1.token), True
    if (
        a2.actor is not None
        and a1.actor is not None
        and a2.actor.name == a1.actor.name
        and second is None
        and not mutual
        and _same_phrase(a1.token, a2.token)
    ):
        a2 = Resolved(None)
    return a1, a2


def _active_subject(verb: Token) -> bool:
    """The verb has a doer of its own, told in the active voice."""
    subj, passive = subject(verb)
    return subj is not None and not passive


def _tripped_mine(verb: Token) -> bool:
    """The verb's subject hit a mine or a bomb: its object, or the object of "on", "over" or
    "into" after it, is an explosive device."""
    if trigger_lemma(verb) not in lexicon().tripped_verbs:
        return False
    things = [c for c in verb.children if c.dep_ == "dobj"]
    things += [p for c in verb.children if c.dep_ in ("prep", "prt") and c.lower_ in ("on", "over", "into") for p in c.children]
    return any(instrument_of(" ".join(t.text for t in thing.subtree)) == "ied" for thing in things)


def _one_kind(side: Token) -> bool:
    """The one side of "clashes between rival militias": a plural with no second party joined
    to it (not "between the army and ADF rebels" parsed as one noun phrase)."""
    if side.tag_ == "CD" and (of := of_object(side)) is not None:
        side = of  # "between two of the city's most powerful armed groups"
    return side.tag_ == "NNS" and not any(t.dep_ in ("cc", "conj") for t in side.subtree)


def _act_noun(tok: Token, trig: Trigger) -> bool:
    """Whether a verb's subject is an act rather than a party: a noun of the event lexicon or
    the head of a nominal trigger merged into this one."""
    return (
        noun_key(tok) is not None
        or tok.lower_ in lexicon().doer_acts
        or war_strike(tok, trig)
        or any(sub.nominal and sub.head.i == tok.i for sub in trig.merged)
    )


def _shared_head_pair(tok: Token, state: DocState, country: str | None) -> tuple[Resolved, Resolved] | None:
    """Two sides named by coordinated modifiers of one head: "GNA and LNA forces", "Burundian and
    Rwandan soldiers", "the military forces of India and Pakistan" -> each modifier with the head."""
    lex = lexicon()
    kind = lex.kinds.get(tok.lower_) or lex.kinds.get(tok.lemma_.lower())
    for mod in tok.children:
        if mod.i > tok.i or mod.dep_ not in ("compound", "amod", "nmod"):
            continue
        other = next((c for c in mod.children if c.dep_ == "conj"), None)
        if other is None:
            continue
        sides = [_modifier_party(m, tok, state, country, kind) for m in (mod, other)]
        if sides[0] is not None and sides[1] is not None and sides[0].name != sides[1].name:
            return Resolved(sides[0], None, mod), Resolved(sides[1], None, other)
    of = next((p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"), None)
    other = next((c for c in of.children if c.dep_ == "conj"), None) if of is not None else None
    if of is not None and other is not None and kind in ("military", "police"):
        names = [state.registry.country_name(t.text) for t in (of, other)]
        if names[0] and names[1] and names[0] != names[1]:
            return (Resolved(generic(state, kind, names[0]), kind, tok), Resolved(generic(state, kind, names[1]), kind, other))
    return None


def _both_sides(agent: Token | None, trig: Trigger) -> bool:
    """A plural doer of a clash that names no other side: "armed men clashed", "clashes between
    two groups of soldiers" (not "militants clashed with troops": a "with" names the other)."""
    if agent is None or agent.tag_ not in ("NNS", "NNPS") or trig.merged:
        return False
    # the clash word itself ("clashed", "an exchange of fire"), not "engaged in stone pelting"
    if trig.nominal:
        told = noun_key(trig.head)
        if told is None or told[1] != "clash":
            return False
    elif trigger_lemma(trig.head) not in lexicon().reciprocal_verbs:
        return False
    if any(t.dep_ == "conj" for t in agent.subtree):  # "X and Y supporters": two sides, named
        return False
    words = (*trig.words, trig.head, agent)
    return not any(c.dep_ == "prep" and c.lower_ in ("with", "against") for w in words for c in w.children)


def _modifier_party(mod: Token, head: Token, state: DocState, country: str | None, kind: str | None) -> Actor | None:
    """The party a modifier names with its head noun: "LNA" (forces), "Rwandan" (soldiers)."""
    lex = lexicon()
    named = state.registry.match(f"{mod.text} {head.text}", country) or state.registry.match(mod.text, country)
    if named is not None and not named.name.startswith(("Military Forces", "Police Forces", "Civilians")) or (
        named is not None and named.country
    ):
        return named
    c = lex.demonyms.get(mod.lower_) or state.registry.country_name(mod.text)
    if c and kind in ("military", "police"):
        return generic(state, kind, c)
    return None


def _same_party(a: Token, b: Token, state: DocState, country: str | None) -> bool:
    """Two phrases that name one party ("the NPA", "an NPA militant")."""
    ra, rb = resolve(a, state, country).actor, resolve(b, state, country).actor
    if ra is None or rb is None:
        return False
    if ra.name == rb.name:
        return True
    # ("a rebel died in a firefight that pitted the NPA against troops": a rebel, unnamed,
    # is of the named rebel side)
    return any(
        one.name.startswith("Unidentified Armed Group") and is_armed(other) and not is_state(other)
        for one, other in ((ra, rb), (rb, ra))
    )


def _as_government(res: Resolved, state: DocState) -> Resolved:
    """A country's name used as the doer or addressee of a political act is its government."""
    actor, tok = res.actor, res.token
    if actor is None or tok is None or tok.pos_ != "PROPN" or actor.type == "government":
        return res
    try:
        country = state.registry.country_name(actor.name)
    except Exception:  # noqa: BLE001 - the registry is another helper's; never break events on it
        country = None
    if country is None or country.lower() != actor.name.lower():
        return res
    return Resolved(generic(state, "government", country), res.kind, tok)


def strikes_doer(head: Token, subj: Token | None) -> Token | None:
    """ "forces conducted airstrikes targeting X": the agent of a participle on an attack or a weapon
    is whoever carried out the attack, not the attack itself."""
    if (
        subj is not None
        and head.dep_ == "acl"
        and subj.i == head.head.i
        and subj.dep_ in ("dobj", "pobj")
        and _weapon(subj)
    ):
        doer, passive = subject(subj.head)
        return None if passive else doer
    return subj


def _weapon(tok: Token) -> bool:
    """An attack or a weapon named by its noun ("airstrikes", "a drone", "air strikes")."""
    return tok.lemma_.lower() in lexicon().nouns or any(
        rx.fullmatch(words) for _, rx in lexicon().instruments for words in _compound_words(tok)
    )


def _launched_by(weapon: Token) -> Token | None:
    """Who sent a weapon that acts ("a drone launched by Iraqi militias struck a base"): the agent
    of the participle on it."""
    return next((a for c in weapon.children if c.dep_ == "acl" and c.tag_ == "VBN" and (a := by_agent(c)) is not None), None)


def _compound_words(tok: Token) -> tuple[str, ...]:
    """The noun alone and with its compound modifier: ("strikes", "air strikes")."""
    mod = tok.doc[tok.i - 1] if tok.i > 0 and tok.doc[tok.i - 1].dep_ == "compound" else None
    return (tok.lower_,) if mod is None else (tok.lower_, f"{mod.lower_} {tok.lower_}")


def _told_as(tok: Token) -> list[Token]:
    """The words a target is told as besides its head: an apposition ("several beer parlour
    owners", parsed as "beer" with "owners" beside it) and the people it includes ("12 herders,
    including five children")."""
    out = [c for c in tok.children if c.dep_ == "appos"]
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ == "including":
            out += [c for c in prep.children if c.dep_ == "pobj"]
    return out


def _victim(tok: Token) -> bool:
    """A target named by a noun for people (or their vehicles) that says nothing of arms."""
    victims = lexicon().victims
    if tok.pos_ not in ("NOUN", "PROPN") or tok.ent_type_ in ("GPE", "LOC", "FAC", "ORG", "NORP"):
        return False
    prev = tok.doc[tok.i - 1] if tok.i > tok.sent.start else None
    pair = f"{prev.lower_} {tok.lower_}" if prev is not None else ""
    return tok.lower_ in victims or tok.lemma_.lower() in victims or pair in victims


STATE_WEAPON_MARKS = frozenset({"military", "army", "junta", "regime", "government", "navy", "naval"})
#: Aircraft only states fly: "fighter jets bombed the village" is the state's air force (ACLED
#: codes air strikes to the state unless a source says otherwise). Drones are not here: many
#: armed groups fly them.
STATE_AIRCRAFT = frozenset({"jet", "warplane", "aircraft", "helicopter", "gunship", "bomber"})


def weapon_owner(
    trig: Trigger, state: DocState, agent: Token | None = None, country: str | None = None
) -> Actor | None:
    """ "An Israeli air strike", "a Russian missile strike", "a Russian missile hit ...": the state
    forces of the demonym that modifies the weapon (in the trigger, or the weapon as subject;
    a named armed group in the compound is found as agent before)."""
    lex = lexicon()
    words = list(trig.words)
    if agent is not None and agent.lower_ in lex.demonyms and agent.dep_ in ("amod", "compound", "nmod"):
        agent = agent.head  # the doer read off "Russian shelling" is the demonym: its weapon tells the force
    if (
        agent is not None
        and agent.pos_ == "NOUN"
        and (
            any(rx.fullmatch(agent.lower_) for _, rx in lex.instruments)
            or war_strike(agent, trig)
            or agent.lemma_.lower() in lex.fire_nouns
        )
    ):
        words.append(agent)
    if agent is not None and agent.lemma_.lower() in STATE_AIRCRAFT and country:
        demonym = next((t for t in agent.subtree if t.i < agent.i and t.lower_ in lex.demonyms), None)
        if demonym is None and any(c.lower_ == "enemy" for c in agent.children):
            return None  # "enemy aircraft dropped bombs": the other side's, not the place's state
        if demonym is None and any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in agent.children):
            # "the Israeli military said its jets struck ...": the speaker's, not the place's state
            country = speakers_country(agent, state, country) or country
        return generic(state, "military", lex.demonyms[demonym.lower_] if demonym is not None else country)
    for word in words:
        # (a gerund a nationality qualifies is a noun: "killed by Russian shelling")
        if word.pos_ not in ("NOUN", "PROPN") and not (word.tag_ == "VBG" and any(c.dep_ == "amod" for c in word.children)):
            continue
        for t in word.subtree:
            if (
                t.i < word.i
                and t.lower_ in lex.demonyms
                and t.dep_ in ("amod", "compound", "npadvmod", "nmod")
            ):
                return generic(state, "military", lex.demonyms[t.lower_])
            if t.i < word.i and t.lower_ in STATE_WEAPON_MARKS and t.dep_ in ("amod", "compound") and country:
                return generic(state, "military", country)  # "a military air strike" in Sagaing
    return None


def is_participant(tok: Token | None) -> bool:
    """An agent we cannot name but who is really there ("defense ministers from the allies")."""
    if tok is None or tok.pos_ not in ("NOUN", "PROPN"):
        return False
    low, lemma = tok.lower_, tok.lemma_.lower()
    lex = lexicon()
    return (
        low in lex.government_titles or lemma in lex.government_titles or lemma in ANAPHORS or low in lex.kinds
        or low in lex.party_anaphors
        # "the warring parties", "the rival camps": sides of a conflict, however named
        or any(c.dep_ == "amod" and c.lower_ in lex.warring_modifiers for c in tok.children)
    )


def claimed_doer(sent: Span, trig: Trigger, state: DocState, country: str | None) -> Resolved:
    """Who carried out an attack the sentence tells without naming its doer as a subject: the
    "by" agent of a participle ("shells fired by LNA forces", "an IED planted by the rebels"),
    the object of "attributed to" / "blamed on", or "X claimed responsibility (for the attack)"
    in the sentence or later in the paragraph. Only an armed party counts."""
    lex = lexicon()
    found: list[Token] = []
    for t in sent:
        lemma = t.head.lemma_.lower()
        if t.dep_ == "dobj" and lemma in lex.blame_verbs and t.head.i != trig.head.i:
            # "..., residents said, blaming the federal military" (a force or a group by name,
            # not whoever else the blame falls on: "blamed foreign sponsors")
            if t.pos_ == "PROPN" or arg_kind(t) is not None:
                found.append(t)
            continue
        if t.dep_ not in ("agent", "prep") or t.head.pos_ != "VERB" or t.head.i == trig.head.i:
            continue
        if (t.lower_ == "by" and lemma in lex.doer_verbs) or lex.doer_preps.get(lemma) == t.lower_:
            found += [p for p in t.children if p.dep_ == "pobj"]
    found += claimants(sent.doc[sent.start :])
    return _first_armed(found, state, country)


def claimants(tokens: Iterable[Token]) -> list[Token]:
    """The subjects of "claimed responsibility" (or another claim object) among ``tokens``, and
    the agents of an incident "claimed by" someone ("The attack was claimed by the TTP")."""
    objects = lexicon().claim_objects
    found = []
    for t in tokens:
        if (owner := _doers_belong_to(t)) is not None:
            found.append(owner)  # ("the attackers belonged to the Gran Grif gang": named as theirs)
            continue
        if t.lemma_.lower() != "claim":
            continue
        subj, passive = subject(t)
        # ("claimed responsibility", or the incident itself: "claimed the bombing")
        if any(
            c.dep_ == "dobj" and (c.lemma_.lower() in objects or noun_key(c) is not None and any(d.dep_ in ("det", "poss") for d in c.children))
            for c in t.children
        ):
            if subj is not None and not passive:
                found.append(subj)
        elif passive and subj is not None and noun_key(subj) is not None and (agent := by_agent(t)) is not None:
            found.append(agent)
    return found


def doers_named_again(subj: Token | None, passive: bool = False) -> bool:
    """An active subject that names the doers of the incident just told again, with "the" ("The
    attackers ...", `doer_anaphors` in roles.yaml)."""
    return (
        subj is not None
        and not passive
        and subj.lemma_.lower() in lexicon().doer_anaphors
        and any(c.dep_ == "det" and c.lower_ == "the" for c in subj.children)
    )


def _doers_belong_to(verb: Token) -> Token | None:
    """The group the doers just told are said to belong to: "the attackers belonged to X", "the
    gunmen were members of X"."""
    lemma = verb.lemma_.lower()
    if lemma not in ("belong", "be") or not doers_named_again(*subject(verb)):
        return None  # (the lemma first: this runs on every word of a sentence)
    if lemma == "belong":
        heads = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "to"]
    else:
        heads = [p for a in verb.children if a.dep_ == "attr" and a.lemma_.lower() == "member" for p in a.children if p.dep_ == "prep" and p.lower_ == "of"]
    return next((o for h in heads for o in h.children if o.dep_ == "pobj"), None)


def claimed_in(sent: Span, state: DocState, country: str | None) -> Resolved:
    """The armed party that claims an incident in ``sent`` ("The Pakistani Taliban claimed
    responsibility for the bombing", opening the paragraph after the one that told it)."""
    found = claimants(sent)
    armed = _first_armed(found, state, country)
    if armed.actor is None and not found:  # ("Police blamed FARC dissidents.": the incident's doers)
        armed = _first_armed(_blamed(sent), state, country)
    return armed if armed.actor is not None else _named_claimant(found, country)


def _blamed(sent: Span) -> list[Token]:
    """Whom a sentence blames, by name or as a force: "Police blamed FARC dissidents", "They
    blamed the attack on the rebels" (not whoever else the blame falls on: "blamed poverty")."""
    lex = lexicon()
    found = []
    for t in sent:
        lemma = t.head.lemma_.lower()
        named = t.pos_ == "PROPN" or arg_kind(t) is not None or any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in t.children)
        if t.dep_ == "dobj" and lemma in lex.blame_verbs and named and noun_key(t) is None:
            found.append(t)
        # ("blamed the attack on X", the "on" hung on the verb or on what is blamed)
        verb = t.head.head if t.head.dep_ == "dobj" else t.head
        if t.dep_ == "prep" and t.lower_ == lex.doer_preps.get(verb.lemma_.lower()) and verb.lemma_.lower() in lex.blame_verbs:
            found += [p for p in t.children if p.dep_ == "pobj"]
    return found


def _named_claimant(tokens: Iterable[Token], country: str | None) -> Resolved:
    """A group the registry does not know that claims an attack ("The Baloch Liberation Front
    claimed responsibility"): by its claim an armed group, named as the text names it."""
    for tok in tokens:
        ent = ent_at(tok)
        if ent is not None and ent.label_ == "ORG" and ent.start <= tok.i < ent.end and len(ent) > 1:
            name = re.sub(r"(?i)^the\s+", "", ent.text)
            return Resolved(Actor(name, "rebel group", country), None, tok)
    return Resolved(None)


def _first_armed(tokens: Iterable[Token], state: DocState, country: str | None) -> Resolved:
    """The first of ``tokens`` that names an armed party."""
    for tok in tokens:
        res = resolve(tok, state, country, want_armed=True)
        if res.actor is not None and is_armed(res.actor):
            return res
    return Resolved(None)


def is_force_word(tok: Token) -> bool:
    """Is the word one for police or soldiers ("police", "soldiers", "troops")?"""
    return lexicon().kinds.get(tok.lower_) in ("police", "military")


def intervening_force(sent: Span, state: DocState, country: str | None, after: int = 2) -> Resolved:
    """The police or army a demonstration's sentence or the next ``after`` sentences name as the
    doer of something ("Police intervened", "soldiers fired tear gas"): who intervened."""
    doc, end = sent.doc, sent.end
    for _ in range(after):
        if end >= len(doc):
            break
        end = doc[end].sent.end
    for tok in doc[sent.start : end]:
        if tok.dep_ == "nsubj" and tok.pos_ in ("NOUN", "PROPN") and is_force_word(tok):
            found = resolve(tok, state, country)
            if found.actor is not None and is_state(found.actor):
                return found
    return Resolved(None)

