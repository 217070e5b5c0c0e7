"""Verb triggers: a verb, phrasal verb or light verb + noun in the lexicon, with the checks that
tell an act from a mention of one (questions, modifiers, "took to the streets", "shot dead",
"found dead", weapons carried rather than fired).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..gazetteer_coverage import cue_list
from .coding import REMOTE, weapon_word
from .lexicon import VIOLENT, lexicon, people_word
from .syntax import harm_state
from .trigger_words import LIGHT, MEET_OBJ_BAD, Trigger, chain, hyphenated, noun_key, objects, verb_lemma

if TYPE_CHECKING:
    from spacy.tokens import Token

_ROAD_CODE = re.compile(r"[A-Z]{1,3}-?\d{1,4}")


def _set_burning(tok: Token, objs: list[Token]) -> bool:
    """ "set X on fire", "set X ablaze" (the parser hangs the phrase on the verb or the object)."""
    if verb_lemma(tok) != "set":
        return False
    for word in (tok, *objs):
        for c in word.children:
            if c.dep_ == "prep" and c.lower_ == "on" and any(p.lemma_.lower() == "fire" for p in c.children):
                return True
            if c.lower_ in ("ablaze", "alight"):
                return True
    return False


def _road_number(tok: Token) -> bool:
    """A road told by its number: "the RN 12", "the NH-44", "the N5"."""
    if _ROAD_CODE.fullmatch(tok.text):
        return True
    return (
        tok.text.isupper() and tok.is_alpha and len(tok.text) <= 3
        and any(c.dep_ == "nummod" and c.like_num and c.i == tok.i + 1 for c in tok.children)
    )


def _person(tok: Token) -> bool:
    """A person or people, named or told by a word for them."""
    return tok.ent_type_ == "PERSON" or people_word(tok.lemma_.lower()) or people_word(tok.lower_)


def _shared_passive_subject(tok: Token) -> list[Token]:
    """What a passive verb joined to another one was done to, told once as the first verb's
    subject ("twelve hostages were rescued and handed over to the governor": the hostages)."""
    if tok.dep_ != "conj" or tok.tag_ != "VBN" or any(c.dep_ in ("nsubj", "nsubjpass", "dobj") for c in tok.children):
        return []
    return [c for c in tok.head.children if c.dep_ == "nsubjpass"]


def _held_for(tok: Token) -> bool:
    """The deed (or one of the deeds) a verb of arresting or punishing holds someone for:
    "detained 12 youths for rioting and burning tyres"."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return (
        tok.dep_ in ("pcomp", "pobj")
        and tok.head.lower_ in ("for", "over", "with")
        and verb_lemma(tok.head.head) in lexicon().punished_for_verbs
    )


def verb_trigger(tok: Token, nested: bool = False) -> Trigger | None:
    """The trigger a verb makes. ``nested``: asked about a verb next to another one (what a purpose
    or the clause above is), so the checks that look at the neighbours are not made again."""
    trig = _verb_trigger(tok, nested)
    if trig is not None and trig.cls == "loot" and any(
        c.dep_ == "dobj" and (c.ent_type_ == "PERSON" or c.lemma_.lower() in lexicon().people_words) for c in tok.children
    ):
        trig.cls = "attack"  # "a crowd set alight two suspected thieves": people burned, no property
    return trig


def _verb_trigger(tok: Token, nested: bool) -> Trigger | None:
    lex = lexicon()
    lemma = verb_lemma(tok)
    if lemma not in lex.verb_heads and lemma not in lex.return_verbs and lemma not in lex.occupy_verbs:
        return None  # no entry starts with this verb (most verbs of a text): nothing below can match
    if tok.dep_ == "pcomp" and tok.head.lower_ == "of" and verb_lemma(tok.head.head) in lex.accused_of_verbs:
        return None  # "accused the ministers of stealing money": what one side charges, no act told
    if _held_for(tok):
        return None  # "arrested 40 people for looting": the deed they are held for, no act told
    if (
        tok.dep_ == "acl" and tok.tag_ in ("VBN", "VBD") and tok.head.dep_ != "ROOT"
        and lex.verbs.get(lemma, ("", ""))[1] == "mobilize"
    ):  # fmt: skip
        # "Rwandan troops deployed in the province have launched ...": which troops, no move told
        # (not a noun the parse made the root: "pro-STC forces, coded as ..., deployed in the streets")
        return None
    if lex.verbs.get(lemma, ("", ""))[1] in ("kill", "attack", "strike") and _accidental(tok):
        return None  # "a bus plunged into a ravine, killing 14", "an earthquake struck": no one's act
    whole = hyphenated(tok)
    if lemma in lex.reflexive_protest_verbs and (
        whole is not None and whole.lower().startswith("self-")
        or any(c.dep_ == "dobj" and c.lower_ in ("himself", "herself", "themselves") for c in tok.children)
    ):
        return Trigger(tok, "PROTEST", "protest", [tok])  # "set himself on fire": a protest, no attack
    if whole is not None and whole.split("-", 1)[0] in lex.trial_prefixes:
        return Trigger(tok, "MOBILIZE", "verbal", [tok.doc[tok.i - 2], tok])  # "test-fired two missiles": a show of force
    objs = objects(tok) or _shared_passive_subject(tok)
    given = _weapons_given(tok, objs) if lemma in lex.delivery_verbs else None
    if given is not None:
        # "Germany sent artillery shells to Ukraine": military aid to the recipient, no shelling
        return Trigger(tok, "AID", "material", [tok, given], noun=given)
    if lemma in lex.projectile_verbs and _into_the_sea(tok):
        # "fired missiles into the sea": a show of force, no target (what was fired is part of it)
        fired = next(iter(objs), None)
        return Trigger(tok, "MOBILIZE", "verbal", [tok, *([fired] if fired is not None else [])], noun=fired)
    # light verb + object ("launched an offensive", "struck a deal", "took control"); not what is
    # set on fire ("set barricades on fire": the burning, read below, not the barricades put up)
    for obj in objs if not _set_burning(tok, objs) else ():
        real, aggregate = chain(obj)
        real = _hyphened_modifier(real, lemma) or real
        key = f"{lemma} {'road' if _road_number(real) else _gas_or(real)}"
        joint = noun_key(real) if lex.verbs.get(lemma, ("", ""))[1] in LIGHT else None
        if joint is not None and joint[0] == "COOPERATE":  # "held joint exercises": mutual, not one side's drill
            return Trigger(tok, joint[0], joint[1], [tok, real], noun=real, aggregate=aggregate)
        if (whole := hyphenated(real)) is not None and f"{lemma} {whole}" in lex.objects:
            key = f"{lemma} {whole}"  # "broke up a sit-in": the word the tokenizer split in three
        if key in lex.objects:
            plover, cls = lex.objects[key]
            if cls == "protest" and _armed_subject(tok):
                return None  # "gunmen blocked the road and opened fire": an ambush, no demonstration
            means = _gas_or(real) in ("gas", "teargas", "canister")  # what a crowd is dispersed with
            if cls == "disperse" and means and not nested and (
                any(c.dep_ in ("xcomp", "advcl") and _disperses(c) for c in tok.children)
                or tok.dep_ in ("advcl", "acl") and _dispersal_above(tok)
            ):
                # "fired tear gas to disperse the crowd", "used water cannon to break up a rally",
                # "were dispersed by police using tear gas": the dispersal tells the one act
                return None
            return Trigger(tok, plover, cls, [tok, real], noun=real, aggregate=aggregate)
    for child in tok.children:
        # (a particle the parser read as an adverb or an object right after the verb: "stepped
        # down", "set alight a bar")
        if child.dep_ in ("prt", "prep", "dobj") or child.dep_ in ("advmod", "dative", "oprd") and child.i == tok.i + 1:
            key = f"{lemma} {child.lower_}"
            for pobj in child.children if child.dep_ == "prep" else ():  # "went on strike", "put on alert"
                if pobj.dep_ == "pobj" and f"{key} {pobj.lemma_.lower()}" in lex.phrasal:
                    plover, cls = lex.phrasal[f"{key} {pobj.lemma_.lower()}"]
                    # "a patrol came under attack": the subject suffers it (`undergo_phrases`)
                    undergone = f"{key} {pobj.lemma_.lower()}" in lex.undergo_phrases
                    return Trigger(tok, plover, cls, [tok, child, pobj], noun=pobj if undergone else None, undergone=undergone)
            if key in lex.phrasal:
                plover, cls = lex.phrasal[key]
                if cls == "transfer" and any(_person(o) for o in objs):
                    # "handed over a suspected militant to Iraqi authorities", "rescued children were
                    # handed over to their families": people given into others' hands, no ground
                    return Trigger(tok, "COOPERATE", "material", [tok, child])
                return Trigger(tok, plover, cls, [tok, child])
    for obj in objs:  # "set a police station on fire": the parser hangs "on fire" on the object
        for prep in obj.children:
            if prep.dep_ != "prep":
                continue
            for pobj in prep.children:
                if pobj.dep_ == "pobj" and (key := f"{lemma} {prep.lower_} {pobj.lemma_.lower()}") in lex.phrasal:
                    plover, cls = lex.phrasal[key]
                    return Trigger(tok, plover, cls, [tok, prep, pobj])
    fused = _fused_noun(tok)
    if fused is not None and f"{fused.lower_} {lemma}" in lex.noun_verbs:  # "baton charged"
        plover, cls = lex.noun_verbs[f"{fused.lower_} {lemma}"]
        return Trigger(tok, plover, cls, [fused, tok])
    joined = _joined(tok, lemma, objs)
    if joined is not None:
        return joined
    if lemma in lex.street_verbs and _to_streets(tok):  # "took to the streets"
        return Trigger(tok, "PROTEST", "protest", [tok])
    if lemma in lex.return_verbs and (
        _subject_among(tok, lex.returnee_subjects)
        # "80 migrants returned from Costa Rica" parsed as a noun phrase with a reduced relative
        or tok.dep_ == "acl" and tok.tag_ == "VBD" and tok.head.lemma_.lower() in lex.returnee_subjects
    ):
        return Trigger(tok, "RETREAT", "return", [tok])
    if lemma in lex.occupy_verbs and _subject_among(tok, lex.occupiers):
        return Trigger(tok, "PROTEST", "protest", [tok])  # "workers occupied the factory"
    if lemma in lex.stoppage_verbs and not objs and _subject_among(tok, lex.walkout_marks | lex.occupiers):
        return Trigger(tok, "PROTEST", "protest", [tok])  # "workers strike over unpaid wages"
    # (the particle right after the verb, whatever the parse calls it: "walked out of", "walked out at")
    prt = next((c for c in tok.children if c.i == tok.i + 1 and c.dep_ in ("prt", "advmod", "prep")), None)
    if prt is not None and f"{lemma} {prt.lower_}" in lex.walkout_phrases and _subject_among(tok, lex.walkout_marks):
        return Trigger(tok, "PROTEST", "protest", [tok, prt])  # "garment workers walked out"
    if lemma in lex.boycott_verbs and _subject_among(tok, lex.walkout_marks):
        return Trigger(tok, "PROTEST", "protest", [tok])  # "lawyers boycotted the courts"
    if lemma in lex.find_verbs and _found_dead(tok, objs):
        return Trigger(tok, "ASSAULT", "kill", [tok])
    if lemma in lex.toll_verbs and any(
        c.dep_ == "nsubj" and c.lemma_.lower() not in lex.natural_causes and c.lower_ not in lex.natural_causes
        for c in tok.children
    ):
        # "the operation left five militants dead", "violence left 12 injured": a harm whatever
        # the subject (an act named as the subject merges into it, as into "killed"; "...,
        # leaving two dead" has no subject of its own: the toll of the act it follows)
        state = harm_state(tok)
        if state is not None:
            return Trigger(tok, "ASSAULT", "kill" if state in _DEAD else "attack", [tok])
    thrown = [*objs, *(c for o in objs for c in o.conjuncts)]  # ("threw fireworks and stones at officers")
    if lemma in lex.projectile_verbs and lemma != "fire" and any(
        o.lemma_.lower() in lex.thrown_weapons or o.lower_ in lex.thrown_weapons for o in thrown
    ):  # "threw a hand grenade at the police"
        return Trigger(tok, "ASSAULT", "attack", [tok])
    if lemma in lex.clause_accuse_verbs and any(
        c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children) for c in tok.children
    ):  # "the ministry charged that the militia had used schools as depots"
        return Trigger(tok, "ACCUSE", "verbal", [tok])
    entry = lex.verbs.get(lemma)
    if entry is None or lemma in lex.agent_verbs and not _done_by_someone(tok):
        return None
    if entry[1] == "protest" and _subject_among(tok, lex.market_subjects):
        return None  # "stocks rally as inflation cools": a market's move
    # (a passive's subject is among the objects: what the act was done to)
    if lemma in lex.object_verbs and not objs and not any(c.dep_ == "auxpass" for c in tok.children):
        return None
    plover, cls = entry
    if cls == "destroy":
        # "drone strikes destroyed a power station", "Russian missiles destroyed a school": the
        # strike that did it, not property destruction by hand
        weapon = next((c for c in tok.children if c.dep_ == "nsubj" and _remote_word(c)), None)
        if weapon is not None:
            return Trigger(tok, "ASSAULT", "strike", [tok])
    # what a violent verb is done to, when every object is of one kind that makes it no violence
    done_to = {o.lemma_.lower() for o in objs} if plover == "ASSAULT" else set()
    if done_to and done_to <= lex.noise_objects:
        return None  # "protesting by beating utensils", "banged pots and pans": noise, not violence
    if done_to and cls in ("attack", "strike") and done_to <= lex.criticized_objects:
        return Trigger(tok, "ACCUSE", "verbal", [tok])  # "the senator attacked the budget plan": words, no violence
    if done_to and cls in ("attack", "strike") and done_to <= lex.levels_reached:
        return None  # "inflation hit a 28-year high": a level reached
    if done_to and cls in ("clash", "attack") and done_to <= lex.abstract_foes:
        return None  # "to fight inflation", "fighting corruption": no enemy in arms
    if plover == "ASSAULT" and cls == "attack" and _critic_attack(tok, objs):
        return Trigger(tok, "ACCUSE", "verbal", [tok])  # "the opposition leader attacked the government"
    if lemma in lex.weapon_verbs and not any(
        t.lemma_.lower() in lex.weapon_objects or _remote_word(t) for o in objs for t in o.subtree
    ):
        return None  # "gunmen intercepted the mayor's car and shot him": the shooting is the event
    if lemma in lex.presence_verbs and not any(
        o.lemma_.lower() in lex.presence_objects
        for o in objs or ([tok.head] if tok.dep_ in ("amod", "acl") else [])  # ("reduced US forces" read as a noun phrase)
    ):
        return None  # "taken steps to reduce harm to civilians": no force withdrawn
    if lemma in lex.armed_object_verbs and not any(
        o.lemma_.lower() in lex.armed_objects or o.lower_ in lex.armed_objects for o in objs
    ):
        return None
    if lemma in lex.foil_verbs and any(_remote_word(t) for o in objs for t in o.subtree):
        return Trigger(tok, "COERCE", "disrupt", [tok])  # "foiled a suicide attack": no blast happened
    if lemma in lex.foil_verbs and objs and all(any(t.lemma_.lower() in lex.plot_words for t in o.subtree) for o in objs):
        return None  # "foiled a coup attempt": a plot stopped, no fight (its arrests are the event)
    if cls in LIGHT:
        for obj in objs:
            real, aggregate = chain(obj)
            n = noun_key(real)
            if n is None and plover == "AID":  # "provided $10 million in aid": the aid is in the "in" phrase
                money = [p for c in real.children if c.dep_ == "prep" and c.lower_ in ("in", "of") for p in c.children]
                aid = next((p for p in money if p.dep_ == "pobj" and noun_key(p) is not None), None)
                if aid is not None:
                    real, n = aid, noun_key(aid)
            if n is not None:
                nplover, ncls = n
                if cls == "strike" and ncls == "mobilize":
                    continue  # "a bomb hit a military convoy": forces on the move are the target
                if cls == "announce" and ncls not in ("offensive", "agreement", "verbal", "material"):
                    # ("announced fresh sanctions", "announced $5 million in aid": the political act itself)
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
    if cls == "loot" and any(
        o.lemma_.lower() in lex.remains or o.lower_ in lex.remains
        for o in objs + (objects(tok.head) if tok.dep_ == "conj" else [])
    ):
        # "the body was burned", "found shot and partially burnt": what was done to the dead, no property
        return Trigger(tok, "ASSAULT", "kill", [tok])
    if cls in ("attack", "loot") and _to_death(tok):  # "shot dead", "stabbed to death", "burned to death": a killing
        return Trigger(tok, plover, "kill", [tok])
    if lemma == "demonstrate" and objs:
        return None  # "demonstrating a presence", not a protest
    if cls == "agreement" and _decided_alone(tok):
        return None  # "EU ministers agreed to impose sanctions": one side's decision, told by its act
    if cls == "clash" and _fought_alone(tok):
        return None  # "'We fought until the end,' the captain said": no side fought, a way of speaking
    if lemma in lex.game_verbs and (_game_score(tok) or _teams(tok, objs)):
        return None  # "beat Chelsea 2-1", "defeated the visitors 3-0": a match won, no violence
    if lemma in lex.led_verbs and any(_led_person(o) for o in objs):
        return None  # "marched the teachers into the bush": captives led away, not a protest
    if lemma == "meet" and any(o.dep_ in ("dobj", "nsubjpass") and o.lemma_.lower() in MEET_OBJ_BAD for o in objs):
        return None
    if cls == "sign" and objs and all(o.lemma_.lower() in lex.signed_papers for o in objs):
        return None  # "a note signed by the rebels", "signed a statement": a paper, no agreement
    if lemma in ("back", "free", "support", "aid") and tok.pos_ != "VERB":
        return None
    if lemma == "ask" and _question(tok):
        return None  # "asked whether the truce would hold", "asked about the checkpoints": a question, not a request
    return Trigger(tok, plover, cls, [tok])


def _decided_alone(tok: Token) -> bool:
    """ "agreed to <act>" by one side (no joined subject, no "both sides"), where the act is
    another event's and not what parties agree on (a release, an exchange, a ceasefire,
    a withdrawal: ``agreed_acts`` in triggers.yaml)."""
    lex = lexicon()
    act = next((c for c in tok.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
    if act is None or verb_lemma(act) in lex.agreed_acts or verb_lemma(act) not in lex.verb_heads:
        return False
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    parties = subj is not None and (
        subj.lower_ in lex.agreed_parties or any(c.lower_ in lex.agreed_parties for c in subj.children)
    )  # ("the two armies", "both sides")
    return subj is not None and not subj.conjuncts and not parties


def _fought_alone(tok: Token) -> bool:
    """A fight told by its speaker ("we", "I") with no one fought: no object, no "with" or
    "against" phrase."""
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    return (
        subj is not None
        and subj.lower_ in ("we", "i")
        and not any(c.dep_ in ("dobj", "pobj") for c in tok.children)
        and not any(c.dep_ == "prep" and c.lower_ in ("with", "against", "off", "back") for c in tok.children)
        and not any(c.dep_ == "prt" for c in tok.children)
    )


def _teams(tok: Token, objs: list[Token]) -> bool:
    """Both sides of "beat" are names no actor, person or place bears ("United beat Chelsea"):
    teams, a game."""
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    obj = next((o for o in objs if o.dep_ == "dobj"), None)
    return all(
        t is not None and t.pos_ == "PROPN" and t.ent_type_ not in ("PERSON", "GPE", "NORP") and _no_actor(t)
        for t in (subj, obj)
    )


def _no_actor(tok: Token) -> bool:
    from ..actors import ActorRegistry  # the registry is loaded once, beside the gazetteer

    return ActorRegistry.default().match(tok.text) is None


_SCORE = re.compile(r"\d{1,3}\s?[-\u2013]\s?\d{1,3}")


def _game_score(tok: Token) -> bool:
    """A score a few words after the verb ("beat Chelsea 2-1", "won 3-0"): a game's result."""
    doc = tok.doc
    after = doc[tok.i + 1 : min(len(doc), tok.i + 7)]
    return _SCORE.search(after.text) is not None and not any(t.ent_type_ in ("DATE", "TIME", "QUANTITY") for t in after)


def _led_person(obj: Token) -> bool:
    """The object of "marched X" is a person or people ("them", "the hostages"), not the route
    ("marched the streets") or a distance."""
    if obj.dep_ != "dobj":
        return False
    if obj.pos_ == "PRON":
        return obj.lower_ in ("him", "her", "them", "us", "me")
    lex = lexicon()
    word = obj.lemma_.lower()
    return obj.ent_type_ in ("PERSON", "NORP") or obj.pos_ == "NOUN" and (word in lex.kinds or word in lex.victims)


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
    """The verb's subject is a state: a country's name ("Hungary protested") or its government,
    and so is every subject joined to it ("the chamber's president and other traders protested"
    is a crowd with its leader)."""
    for c in tok.children:
        if c.dep_ == "nsubj":
            return all(s.ent_type_ == "GPE" or s.lemma_.lower() in STATE_SPEAKERS for s in [c, *c.conjuncts])
    return False


def _fused_noun(tok: Token) -> Token | None:
    """The noun written right before the verb (or before a hyphen before it) that the parser
    hung on it: "baton" of "police baton-charged the crowd"."""
    k = tok.i - 1
    if k > 0 and tok.doc[k].text == "-":
        k -= 1
    if k < 0:
        return None
    prev = tok.doc[k]
    return prev if prev.head.i == tok.i and prev.pos_ == "NOUN" else None


def _done_by_someone(tok: Token) -> bool:
    """The verb's subject (or a passive's agent) is a doer: not an event that is itself the
    incident ("the blast damaged a shop") nor weather ("the rain damaged houses")."""
    lex = lexicon()
    doers = [c for c in tok.children if c.dep_ == "nsubj"]
    doers += [p for c in tok.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    return any(
        d.lemma_.lower() not in lex.natural_causes and noun_key(d) is None and d.pos_ in ("NOUN", "PROPN")
        for d in doers
    )


def _crowd_subject(tok: Token) -> bool:
    """The verb's subject (or its "of" phrase: "hundreds of protesters") is a crowd of protesters."""
    return _subject_among(tok, lexicon().crowd_subjects)


def _armed_subject(tok: Token) -> bool:
    """The verb's subject is an armed doer the text does not name ("gunmen", "bandits")."""
    kinds = lexicon().kinds
    return any(
        c.dep_ == "nsubj" and kinds.get(c.lower_) in ("unidentified", "gang") and c.lower_ not in ("suspect", "suspects")
        for c in tok.children
    )


def _weapons_given(tok: Token, objs: list[Token]) -> Token | None:
    """The weapons a verb of giving hands "to" a named recipient ("sent a package of artillery
    shells to Ukraine"), or None."""
    def to_someone(word: Token) -> bool:
        return any(
            c.dep_ in ("prep", "dative") and c.lower_ == "to"
            and any(p.dep_ == "pobj" and p.ent_type_ in ("GPE", "ORG", "NORP") for p in c.children)
            for c in word.children
        )  # fmt: skip

    for obj in objs:
        real, _ = chain(obj)
        entry = noun_key(real)
        weapon = weapon_word(real.lower_) or entry is not None and entry[0] == "ASSAULT"
        if weapon and any(to_someone(w) for w in (tok, obj, real)):
            return real
    return None


def _into_the_sea(tok: Token) -> bool:
    """Fired "into the sea", "into waters off its coast": at no one (a launch, not an attack)."""
    water = cue_list("water_words") | {"waters"}
    aimed = any(
        c.dep_ == "prep"
        and c.lower_ in ("at", "on", "toward", "towards")
        and any(p.dep_ == "pobj" and p.ent_type_ not in ("DATE", "TIME") for p in c.children)
        for c in tok.children
    )  # ("at a tanker", not "on Monday")
    return not aimed and any(
        c.dep_ == "prep" and c.lower_ == "into" and any(p.dep_ == "pobj" and p.lower_ in water for p in c.children)
        for c in tok.children
    )


def _subject_among(tok: Token, crowd: frozenset[str]) -> bool:
    """The verb's subject (or its "of" phrase: "hundreds of migrants") is one of ``crowd`` (lemmas)."""
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
        real, aggregate = chain(noun)
        entry = noun_key(real)
        if entry is not None and entry[1] in ("protest", "riot"):
            return Trigger(tok, entry[0], entry[1], [tok, real], noun=real, aggregate=aggregate)
    return None


def _critic_attack(tok: Token, objs: list[Token]) -> bool:
    """An attack in words: a politician or a critic (``critic_subjects``) attacking a person or a
    body, the clause naming no weapon, harm or place of violence."""
    lex = lexicon()
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.lemma_.lower() not in lex.critic_subjects or not objs:
        return False
    if any(lex.kinds.get(c.lower_) not in (None, "government") for c in subj.children if c.dep_ in ("compound", "amod")):
        return False  # ("the militia leader attacked the village": a force's head)
    clause = tok.subtree
    return not any(
        t.lemma_.lower() in lex.weapon_objects or t.lemma_.lower() in lex.critic_harm_verbs
        for t in clause
    )


def _accidental(tok: Token) -> bool:
    """The cause of a killing, its subject or that of the verb its participle hangs on, is a
    disaster or an accident (``accident_causes``, a vehicle that ``accident_verbs``)."""
    lex = lexicon()
    node = tok.head if tok.tag_ == "VBG" and tok.dep_ in ("advcl", "xcomp", "conj") and tok.head.i != tok.i else tok
    for subj in (c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")):  # ("a magnitude 6.1 earthquake": two)
        cause = subj.lemma_.lower()
        if cause == "fire":  # "a fire at a factory" (not "artillery fire", "fire from the rebels")
            if not any(c.dep_ in ("compound", "amod", "nmod") for c in subj.children) and any(
                c.dep_ == "prep" and c.lower_ in ("at", "in") for c in subj.children
            ):
                return True
        elif cause in lex.accident_causes or cause in lex.accident_vehicles and verb_lemma(node) in lex.accident_verbs:
            return True
        elif any(c.dep_ == "compound" and c.lemma_.lower() in lex.accident_causes for c in subj.children):
            return True  # "Cyclone Mocha hit Rakhine"
    return False


def _to_death(tok: Token) -> bool:
    """"shot dead", "beaten to death", "hacked to death"; also "shot dead Oumar Traore", parsed
    with "dead" on the name after the verb."""
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    return any(
        c.lower_ == "dead" or c.lower_ == "to" and any(g.lower_ == "death" for g in c.children) for c in tok.children
    ) or (nxt is not None and nxt.lower_ == "dead" and nxt.dep_ == "amod" and nxt.head.head.i == tok.i)


def shot_dead(tok: Token) -> Token | None:
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


#: what a crowd-control weapon fires: "water cannon", "stun grenades", "rubber bullets" (ACLED codes
#: marchers hurt by rubber bullets as an intervention; fired with live rounds, they are fire)
_CROWD_CONTROL = frozenset({"gas", "water", "stun", "pepper", "sound", "rubber"})


def _dispersal_above(tok: Token) -> bool:
    """Whether the clause a participle hangs on (through the noun it qualifies: "dispersed by police
    using tear gas") is a dispersal."""
    head = tok.head
    for _ in range(3):
        if head.pos_ in ("VERB", "AUX") or head.head.i == head.i:
            break
        head = head.head
    return head.i != tok.i and head.pos_ == "VERB" and _disperses(head)


def _disperses(verb: Token) -> bool:
    """A purpose that is itself a dispersal ("to disperse the crowd", "to break up the rally")."""
    if lexicon().verbs.get(verb_lemma(verb), ("", ""))[1] == "disperse":
        return True
    found = verb_trigger(verb, nested=True) if verb.pos_ == "VERB" else None
    return found is not None and found.cls == "disperse"


def _gas_or(noun: Token) -> str:
    """The object's word, "gas" for what carries tear gas or controls a crowd as it does ("fired
    tear gas shells", "tear gas and water cannon", "stun grenades", "rubber bullets": the
    crowd-control act, not shelling or live fire)."""
    if noun.lemma_.lower() in ("shell", "canister", "grenade", "round", "cartridge", "cannon", "bullet", "pellet") and any(
        c.lower_ in _CROWD_CONTROL for c in noun.children
    ):
        if noun.lemma_.lower() in ("bullet", "pellet") and any(
            k.lemma_.lower() in ("round", "bullet", "ammunition", "shot") and not any(c.lower_ in _CROWD_CONTROL for c in k.children)
            for k in noun.conjuncts
        ):
            return noun.lemma_.lower()  # "rubber bullets and live rounds": live fire too
        return "gas"
    return noun.lemma_.lower()


def _found_dead(tok: Token, objs: list[Token]) -> bool:
    """"a man was found dead", "bodies were recovered", "found the corpse of a trader"."""
    lex = lexicon()
    remains = lex.remains
    if verb_lemma(tok) not in lex.toll_verbs and any(c.lower_ in _DEAD for c in tok.children):
        return True  # ("the blast left five dead": the blast's toll, no bodies found)
    subjects = [c for c in tok.children if c.dep_ in ("nsubjpass", "dobj")] + objs
    # "in Marin, Nuevo Leon, the body of a man ... was found": the parser hangs the body on the place
    subjects += [a for t in subjects for a in t.children if a.dep_ == "appos"]
    # ... or on a place of the verb's own adjunct or on a place read as its subject
    subjects += [t for t in tok.subtree if t.i < tok.i and t.dep_ == "appos" and t.pos_ == "NOUN"]
    # "bags containing human remains", "sacks that held the remains of three people": what holds them
    subjects += [
        g for t in subjects for c in t.children
        if c.dep_ in ("acl", "relcl", "prep") and c.lemma_.lower() in ("contain", "with", "hold")
        for g in c.children if g.dep_ in ("dobj", "pobj")
    ]  # fmt: skip
    return any(
        t.lemma_.lower() in remains
        or t.lower_ in remains
        or t.lower_ in lex.remains_titles and not any(c.dep_ == "prep" and c.lower_ == "of" for c in t.children)
        # "two dead men were dumped by a ravine", "dead women were found on a dirt road"
        or t.pos_ == "NOUN" and any(c.dep_ == "amod" and c.lower_ in _DEAD for c in t.children)
        for t in subjects
    )


_DEAD = frozenset(["dead", "murdered", "killed", "lifeless", "slain"])


def _remote_word(tok: Token) -> bool:
    """A word of a bombing or of fire from afar ("suicide", "bomb", "rocket")."""
    key = noun_key(tok)
    return key is not None and key[1] in REMOTE


def _hyphened_modifier(obj: Token, lemma: str) -> Token | None:
    """ "staged a sit-in demanding security", parsed with "security" as the object and the
    pieces of "sit-in" on it: the last piece of the hyphenated word that the verb's lexicon entry
    names with it ("stage sit-in"), the act the verb stages."""
    doc, objects_ = obj.doc, lexicon().objects
    for t in doc[obj.left_edge.i : obj.i]:
        whole = hyphenated(t)
        if whole is not None and f"{lemma} {whole}" in objects_:
            return t
    return None
