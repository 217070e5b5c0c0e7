"""Find event triggers in one parsed sentence: verbs, phrasal verbs, light verb + noun, nouns.

Works on the dependency parse, one pass over the tokens (linear per sentence). Sub-triggers
that only elaborate another event ("attacked ..., killing 20", "killed by a roadside bomb")
are merged into it rather than reported twice.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .arguments import _of_object as of_object
from .lexicon import VIOLENT, Entry, lexicon
from .syntax import apposition_subject, gerund_nationality, patient, shares_subject
from .trigger_words import CHAIN_NOUNS, Trigger, noun_key, verb_lemma
from .verb_triggers import shot_dead, verb_trigger

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


def find_triggers(sent: Span) -> list[Trigger]:
    """Every trigger in the sentence after merging elaborations into their main event."""
    by_head: dict[int, Trigger] = {}
    used_nouns: set[int] = set()
    # (participle, noun it modifies or None, act): "shells fired by X killed ..." -> fired, shells
    fired: list[tuple[int, int | None, Trigger]] = []
    gerunds = {tok.i for tok in sent if _gerund_noun(tok)}
    for tok in sent:
        if tok.i in gerunds:
            continue
        if tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB") or _verb_read_as_noun(tok):
            if tok.dep_ in ("csubj", "csubjpass") and tok.tag_ == "VBG":
                continue  # "seizing Kabul militarily was not policy": a kind of act, not an incident
            if _weapon_before_verb(tok):
                continue  # "Syrian army shelling killed four", "shelling" misread as a modifier of the verb
            fix = _repair(tok) if tok.dep_ in ("amod", "compound", "nmod") else None
            if tok.dep_ in ("amod", "compound", "nmod") and fix is None:
                continue  # "Washington-backed allies", "the wounded soldiers": a modifier, not an act
            trig = verb_trigger(tok)
            misread = _doer_misread(tok) if trig is not None and fix is None else None
            doers = _participle_doers(tok) if trig is not None and fix is None and misread is None else None
            if trig is not None and fix is not None:
                trig.subj_fix, trig.obj_fix = fix
            elif trig is not None and misread is not None:
                trig.subj_fix, trig.obj_fix = misread, patient(trig)
                fired.append((misread.head.head.i, misread.head.head.head.i, trig))
            elif trig is not None and doers is not None:
                trig.subj_fix, trig.obj_fix = doers, patient(trig)
                fired.append((tok.head.head.i, None, trig))  # what the doers were doing describes them
            elif trig is not None and (hidden := _subject_in_as_clause(tok)) is not None:
                trig.subj_fix, trig.obj_fix = hidden, patient(trig)
            elif trig is not None and (victims := _victims_read_as_speakers(tok)) is not None:
                trig.subj_fix = next((c for c in tok.children if c.dep_ == "nsubj"), None)
                trig.obj_fix = victims
            if trig is not None:
                by_head[tok.i] = trig
                # "seizing Kabul militarily was not policy": a gerund subject is not an incident
                # (a past-tense "subject" is a misparse: "forces killed 2 IS fighters" read as "... is")
                trig.aggregate |= tok.dep_ in ("csubj", "csubjpass") and tok.tag_ != "VBD"
                trig.aggregate |= chronic(tok)
                # "militants fighting Indian rule", "rebels battling the army for a decade": what
                # the people are, not an incident (not "an attack killing five": the attack's toll)
                trig.aggregate |= (
                    tok.dep_ == "acl" and tok.tag_ == "VBG" and trig.cls in VIOLENT and _people_noun(tok.head)
                )
                # "to rescue civilians held hostage by the militants": a state the people are in,
                # not the act that put them there
                trig.aggregate |= tok.dep_ == "acl" and tok.tag_ in ("VBN", "VBD") and verb_lemma(tok) in lexicon().state_verbs
                # "to end months of fighting": an activity told by how long it lasted, no incident
                trig.aggregate |= (
                    tok.tag_ == "VBG" and tok.dep_ in ("pobj", "pcomp") and tok.head.lower_ == "of"
                    and tok.head.head.lemma_.lower() in TIME_APART | {"decade"}
                )
                # "Boko Haram has carried out similar bombings in the area": acts of the kind, a
                # comparison or a history, not the incident
                trig.aggregate |= trig.noun is not None and any(
                    c.dep_ == "amod" and c.lower_ in lexicon().background_modifiers for c in trig.noun.children
                )
                if trig.noun is not None:
                    used_nouns.add(trig.noun.i)
    nominal: list[Trigger] = []
    for tok in sent:
        if tok.pos_ not in ("NOUN", "PROPN") and tok.i not in gerunds or tok.i in used_nouns or tok.i in by_head:
            continue
        dead = shot_dead(tok)
        if dead is not None and dead.i not in by_head:
            # "gunmen riding a motorcycle shot dead a civilian", parsed with "shot" a noun and
            # "dead" the predicate: the killing, read from "dead" that holds its arguments
            by_head[dead.i] = Trigger(dead, "ASSAULT", "kill", [tok, dead], status_hint="occurred")
            continue
        entry = noun_key(tok) or _onset(tok)
        if entry is None or _broke_out_as(tok):
            continue
        trig = _noun_trigger(tok, entry, by_head)
        if trig is not None:
            nominal.append(trig)
    for i, noun, act in fired:
        # the firing and what was fired ("shells") are the act's own: one event
        named = next((t for t in nominal if t.head.i == noun), None)
        for part in (by_head.get(i), named):
            if part is not None and not part.absorbed:
                _fold(part, act)
        told = sent.doc[i]
        holder = _merged_into(by_head.get(told.head.i)) if told.dep_ == "advcl" else None
        if holder is not None and holder is not act and holder.cls in ("kill", "attack") and act.cls in VIOLENT and any(
            c.dep_ == "mark" and c.lower_ in ("as", "when", "while") for c in told.children
        ):
            # "six people were killed and hundreds injured as students protesting job quotas
            # clashed with ...": the dead and hurt of the clash, as when the parse is right
            holder.cls = act.cls
            _fold(act, holder)
    triggers = sorted([*by_head.values(), *nominal], key=lambda t: t.head.i)
    _merge(triggers, by_head)
    return [t for t in triggers if not t.absorbed]


def _weapon_before_verb(tok: Token) -> bool:
    """A gerund the parser hung on the verb right after it, between that verb's subject and the
    verb ("Syrian army shelling killed four": the army's shelling, the killing's weapon)."""
    return (
        tok.tag_ == "VBG"
        and tok.dep_ in ("aux", "advmod")
        and tok.head.i == tok.i + 1
        and tok.i > 0
        and tok.doc[tok.i - 1].dep_ == "nsubj"
        and tok.doc[tok.i - 1].head.i == tok.head.i
        and noun_key(tok) is not None
    )


def _weapons_handed(verb: Token) -> bool:
    """What the verb hands over is arms, not ground ("handing over 15 firearms")."""
    return any(o.dep_ == "dobj" and o.lemma_.lower() in lexicon().weapon_objects for o in verb.children)


def chronic(tok: Token) -> bool:
    """The act is what a place is plagued or beset by (`chronic_verbs`): "a region plagued by
    cattle rustling", "a town beset by attacks" tell a condition, not an incident."""
    for node in [tok, *list(tok.ancestors)[:2]]:
        if node.dep_ == "pobj" and node.head.lower_ == "by" and node.head.head.lemma_.lower() in lexicon().chronic_verbs:
            return True
    return False


def _joined_to_object(tok: Token) -> bool:
    """A participle the parse joined to the object of another participle ("killing 124 people
    and looting homes": "looting" read as a second object of "killing")."""
    return (
        tok.dep_ == "conj"
        and tok.tag_ == "VBG"
        and tok.head.dep_ == "dobj"
        and tok.head.pos_ in ("NOUN", "PROPN")
        and tok.head.head.tag_ == "VBG"
    )


def _people_noun(tok: Token) -> bool:
    """A noun for people or a group, not for an act or a thing ("militants", "rebels", "groups")."""
    lex = lexicon()
    return tok.pos_ in ("NOUN", "PROPN") and noun_key(tok) is None and (
        tok.lemma_.lower() in lex.kinds or tok.lower_ in lex.kinds or tok.ent_type_ in ("NORP", "ORG")
    )


def _when_clause(verb: Token) -> bool:
    """A clause "when ..." or "as ..." hung on the verb it tells the manner of."""
    return verb.dep_ == "advcl" and any(c.dep_ in ("advmod", "mark") and c.lower_ in ("when", "as") for c in verb.children)


def _gerund_noun(tok: Token) -> bool:
    """A gerund the tagger read as a verb where it names the act as a noun does: the subject
    "Fighting between rival clans left 12 dead" (no subject or object of its own)."""
    return (
        tok.tag_ == "VBG"
        and tok.dep_ in ("nsubj", "nsubjpass")
        # (a nationality right before it is its modifier, misread as its subject: "Ukrainian
        # shelling of the town wounded a woman")
        and not any(c.dep_ in ("nsubj", "nsubjpass", "dobj", "aux") and not gerund_nationality(c) for c in tok.children)
        and noun_key(tok) is not None
    )


def _repair(tok: Token) -> tuple[Token, Token | None] | None:
    """(subject, object) when a finite verb was parsed as a modifier in a verbless sentence.

    The small parser reads "Trump unilaterally reduced US forces" as a noun phrase with
    "reduced" modifying "forces"; when nothing else in the sentence is a verb, the noun right
    before the verb (adverbs skipped) is the subject and the modified noun the object.
    """
    if _plural_then_verb(tok):
        done = tok.head
        while done.dep_ == "compound" and done.head.i > done.i:
            done = done.head
        return tok.doc[tok.i - 1], done
    if tok.tag_ not in ("VBD", "VBN") or tok.head.i <= tok.i:
        return None
    # (other verbs may only hang below the noun the verb modifies as the sentence's root: "X seized
    # control of the town after troops withdrew")
    rooted = tok.head.dep_ == "ROOT" and tok.head.pos_ in ("NOUN", "PROPN")
    if not rooted and any(t.pos_ in ("VERB", "AUX") and t.dep_ not in ("amod", "compound", "nmod") for t in tok.sent):
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
    modified = tok.head
    obj: Token | None = modified
    if f"{verb_lemma(tok)} {modified.lemma_.lower()}" in lexicon().objects:
        # "seized control of the town": what was taken is the "of" object, not "control" (whose
        # words, as the misparsed root, are the whole sentence)
        obj = of_object(modified)
    return tok.doc[j], obj


def _doer_misread(verb: Token) -> Token | None:
    """The doers of an act the parser read as a modifier of its "by" phrase: "stray shells fired
    by suspected rebel units killed two herders", parsed with no verb as the root and "killed" a
    clause on "units". The act (with an object of its own) is the sentence's verb; its
    subject is the noun the participle modifies, whose "by" phrase names who fired."""
    doers = verb.head
    agent = doers.head
    participle = agent.head
    if (
        verb.dep_ != "acl"
        or verb.tag_ not in ("VBD", "VBN")
        or doers.dep_ != "pobj"
        or agent.dep_ != "agent"
        or participle.dep_ != "acl"
        or verb.sent.root.pos_ in ("VERB", "AUX")  # (the sentence has a verb of its own)
        or participle.head.pos_ not in ("NOUN", "PROPN")
        or not any(c.dep_ == "dobj" for c in verb.children)
    ):
        return None
    return doers


def _participle_doers(verb: Token) -> Token | None:
    """The subject of an act the parser hung on the object of a participle before it: "students
    protesting job quotas clashed with ruling party supporters", parsed with "clashed" a clause
    on "quotas". A past verb with no subject, on the object of a present participle that tells
    what its subject was doing, is that subject's act."""
    obj = verb.head
    part = obj.head
    if (
        verb.dep_ != "acl"
        # (a participle only of a verb that has no passive: "quotas clashed" is no thing clashed)
        or not (verb.tag_ == "VBD" or verb.tag_ == "VBN" and verb_lemma(verb) in lexicon().objectless_verbs)
        or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
        or obj.dep_ != "dobj"
        or part.tag_ != "VBG"
        or part.dep_ not in ("acl", "advcl")
    ):
        return None
    if part.dep_ == "acl":
        return part.head if part.head.pos_ in ("NOUN", "PROPN") else None
    return next((c for c in part.children if c.dep_ == "nsubj"), None)


def _subject_in_as_clause(verb: Token) -> Token | None:
    """The subject the parser hung inside a leading "as" clause: "As reported on 2 May, in X,
    members of the cartel delivered food" reads "members" as an apposition of the place; when
    the verb has no subject of its own, that apposition right before the verb is its subject."""
    if verb.tag_ != "VBD" or any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children):
        return None
    for clause in verb.children:
        if clause.dep_ != "advcl" or clause.i > verb.i or not any(
            c.dep_ == "mark" and c.lower_ == "as" for c in clause.children
        ):
            continue
        for t in clause.subtree:
            if t.dep_ == "appos" and t.pos_ in ("NOUN", "PROPN") and t.right_edge.i + 1 == verb.i:
                return t
    return None


def _verb_read_as_noun(tok: Token) -> bool:
    """A headline's verb the tagger took for a noun: "Protesters storm parliament in Nepal",
    with "storm" a noun that has a subject and an object of its own."""
    return (
        tok.pos_ == "NOUN"
        and tok.dep_ == "ROOT"
        and any(c.dep_ == "nsubj" and c.i < tok.i for c in tok.children)
        and any(c.dep_ == "dobj" and c.i > tok.i for c in tok.children)
    ) or _plural_then_verb(tok)


def _plural_then_verb(tok: Token) -> bool:
    """A headline read whole as one noun phrase, its verb a modifier right after a plural noun:
    "Dissidents attack army base in Ayacucho" (a plural noun seldom modifies another, a verb's
    present tense after its plural subject is how headlines are written)."""
    before = tok.doc[tok.i - 1] if tok.i > tok.sent.start else None
    return (
        before is not None
        and tok.tag_ == "NN"
        and tok.dep_ == "compound"
        and before.tag_ in ("NNS", "NNPS")
        and before.dep_ == "compound"
        and tok.lower_ in lexicon().verbs
        and not any(t.pos_ in ("VERB", "AUX") for t in tok.sent)
    )


def _victims_read_as_speakers(verb: Token) -> Token | None:
    """The object of an act the parser read as the subject of the saying after it: "an airstrike
    killed 15 people who were sheltering there, a rebel group and residents said", parsed with
    "people" saying and "group" their apposition or conjunct. An act with no object of its own, whose
    verb of saying has a subject that begins right after the act and such a name after a
    comma (the real speaker), has that subject as its object."""
    said = verb.head
    if verb.dep_ != "ccomp" or said.i < verb.i or said.lemma_.lower() not in lexicon().speech:
        return None
    if any(c.dep_ in ("dobj", "nsubjpass", "attr") for c in verb.children):
        return None
    subj = next((c for c in said.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.pos_ != "NOUN" or subj.left_edge.i != verb.right_edge.i + 1:
        return None
    told_by = next((c for c in subj.children if c.dep_ in ("appos", "conj") and c.i > subj.i), None)
    if told_by is None or not any(t.text == "," for t in verb.doc[subj.i : told_by.i]):
        return None
    return subj


TALLY_HEADS = frozenset(["total", "volley", "round"])
#: Harm to property only: told beside harm to people, the people's harm is the event.
PROPERTY_ACTS = ("loot", "destroy")  # "a total of": a count, not a series


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
        held = noun.head.head
        if noun.head.lower_ in ("in", "during") and held.dep_ in ("dobj", "nsubjpass") and held.pos_ in ("NOUN", "PROPN"):
            # "beheaded five villagers in an attack on ...": the parse hangs the setting on the
            # victims; it is the verb's
            return held.head, noun.head.lower_
        acted = _verb_under_subject(held, noun.head) if noun.head.lower_ in ("in", "during") else None
        if acted is not None:
            return acted, noun.head.lower_
        told = _told_before(held, noun.head) if noun.head.lower_ in ("in", "during") else None
        if told is not None:
            # "gunmen abducted 30 people in a night raid, police said": the parse hangs the
            # setting on the verb of saying; it is the act's told before it
            return told, noun.head.lower_
        return held, noun.head.lower_
    verb = _verb_after_apposition(noun)
    if verb is not None:
        return verb, "nsubj"
    return None, ""


def _verb_under_subject(held: Token, prep: Token) -> Token | None:
    """"Armed bandits abducted 40 people, mostly women, in a raid on X(, residents said)", parsed
    with the verb as a clause on its subject and the setting hung on the subject or on the verb
    of saying: the verb told under the subject, before the setting, is the act's."""
    if held.dep_ == "ROOT" and held.pos_ in ("NOUN", "PROPN"):
        subjects = [held]
    elif held.lemma_.lower() in lexicon().speech:
        subjects = [c for c in held.children if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN") and c.i < prep.i]
    else:
        return None
    return next(
        (
            c for s in subjects for c in s.children
            if c.dep_ == "acl" and c.tag_ in ("VBD", "VBN") and c.i < prep.i and any(o.dep_ == "dobj" for o in c.children)
        ),
        None,
    )  # fmt: skip


def _told_before(verb: Token, prep: Token) -> Token | None:
    """The clause a verb of saying reports, when it comes before ``prep`` (a phrase of the
    verb of saying placed after what was said)."""
    if verb.lemma_.lower() not in lexicon().speech:
        return None
    return next((c for c in verb.children if c.dep_ == "ccomp" and c.pos_ == "VERB" and c.i < prep.i), None)


def _verb_after_apposition(noun: Token) -> Token | None:
    """The verb a noun is the subject of when the parser hung it on a place before it ("in X,
    Bahia, a gunfight erupted": "gunfight" read as an apposition of the state)."""
    if noun.dep_ != "appos" or noun.right_edge.i + 1 >= len(noun.doc):
        return None
    after = noun.doc[noun.right_edge.i + 1]
    verb = after.head if after.dep_ in ("aux", "auxpass", "neg", "advmod") else after
    hung = apposition_subject(verb)
    return verb if hung is not None and hung.i == noun.i else None


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


def _onset(tok: Token) -> Entry | None:
    """The entry of a noun that is an incident only as the subject of a verb of outbreak
    ("inter-clan violence erupted", "violence broke out"); else None (triggers.yaml)."""
    lex = lexicon()
    entry = lex.onset_nouns.get(tok.lemma_.lower())
    if entry is None or tok.dep_ != "nsubj" or tok.head.lemma_.lower() not in lex.onset_verbs:
        return None
    return entry


def _broke_out_as(tok: Token) -> bool:
    """'Violence flared as armed men torched houses', 'Fighting broke out when rebels attacked a
    post': the fighting that broke out is the act the clause tells, no incident of its own."""
    if tok.dep_ != "nsubj" or tok.head.lemma_.lower() not in lexicon().onset_verbs:
        return False
    return any(
        c.dep_ == "advcl"
        and any(m.dep_ in ("mark", "advmod") and m.lower_ in ("as", "when") for m in c.children)
        and verb_trigger(c) is not None
        for c in tok.head.children
    )


def _noun_trigger(tok: Token, entry: Entry, by_head: dict[int, Trigger]) -> Trigger | None:
    plover, cls = entry
    lex = lexicon()
    gov, how = governing_verb(tok)
    # plural violence is a tally ("attacks have killed thousands") unless reported or told as one
    # scene in the simple past: "monitors recorded 14 explosions", "two shells fell on the market"
    scene = how in ("nsubj", "dobj") and gov is not None and gov.tag_ == "VBD"
    reported = how in ("dobj", "nsubjpass") and gov is not None and verb_lemma(gov) in lex.report_verbs
    aggregate = tok.tag_ in ("NNS", "NNPS") and cls in VIOLENT and not (scene or reported)
    if how == "dobj" and gov is not None and verb_lemma(gov) in lex.witness_verbs and cls in VIOLENT:
        # "the area has seen fierce fighting", "the province witnesses clashes": what a place has
        # been through, a tally (not "the town saw heavy fighting on Monday", told in the past)
        aggregate |= gov.tag_ in ("VBZ", "VBP") or any(c.dep_ == "aux" and c.lemma_ == "have" for c in gov.children)
    aggregate |= chronic(tok)
    if reported and tok.tag_ == "NNS" and tok.lemma_.lower() in lex.tallied_fire:
        cls = "shelling"  # "monitors recorded 14 explosions": incoming fire, not one planted device
    head_trig = by_head.get(gov.i) if gov is not None else None
    if head_trig is None and gov is not None and how == "nsubj" and _when_clause(gov):
        # "ten were killed when a suicide bomber drove a car into a restaurant": the doer of the
        # clause that tells how the killing happened, not a second event
        head_trig = by_head.get(gov.head.i)
    if (
        head_trig is None
        and gov is not None
        and how == "nsubj"
        and gov.tag_ == "VBN"
        and gov.dep_ in ("ccomp", "xcomp")
        and not any(c.dep_ in ("aux", "auxpass") for c in gov.children)
        and (above := by_head.get(gov.head.i)) is not None
    ):
        # "defused a car bomb packed with explosives", parsed as "a bomb packed" told under
        # "defused": the object of the act above, described by a participle, no act of its own
        above.words.append(tok)
        return None
    if head_trig is not None and gov is not None and head_trig.cls in PROPERTY_ACTS and gov.dep_ == "conj" and how in ("in", "during"):
        # "killed four villagers and burned dozens of homes in an attack on a village": the attack
        # the killing, and the burning joined to it, were done in
        beside = by_head.get(gov.head.i)
        head_trig = beside if beside is not None and beside.cls in VIOLENT else head_trig
    # "an airstrike killed five", "killed in an airstrike", "killed by a roadside bomb"
    if (
        head_trig is not None
        and how in ("nsubj", "in", "by", "during", "agent", "after", "amid", "with")
        and (head_trig.cls in VIOLENT)
    ):
        head_trig.words.append(tok)
        _told_in(head_trig, tok, cls)
        return None
    if _named(tok):
        return None
    if how in ("for", "over", "with") and gov is not None and verb_lemma(gov) in lex.punished_for_verbs:
        return None  # "arrested 40 people for looting": the deed they are held for, no act told
    if how == "dobj" and gov is not None and gov.lemma_.lower() == "claim" and any(
        c.dep_ in ("det", "poss") for c in tok.children
    ):
        return None  # "Islamic State claimed the bombing": a claim of the incident told, not another
    has_args = any(
        c.dep_ == "prep" and c.lower_ in ("between", "with", "on", "against") for c in tok.children
    )
    if gov is not None and how == "nsubj" and head_trig is None and tok.lemma_.lower() not in lex.standalone:
        # "clashes erupted", "a bomb exploded", "the attack left 5 dead"
        return Trigger(tok, plover, cls, [tok], nominal=True, aggregate=aggregate)
    if tok.dep_ == "ROOT" and cls in VIOLENT and any(c.dep_ == "acl" and c.pos_ == "VERB" for c in tok.children):
        # "a clash ensued between X and Y" parsed as a noun and a participle: the sentence's event
        return Trigger(tok, plover, cls, [tok], nominal=True, aggregate=aggregate)
    if (
        gov is not None
        and how in ("dobj", "nsubjpass")
        and head_trig is None
        and (cls in VIOLENT or cls in PROPERTY_ACTS or cls == "mobilize")
        and verb_lemma(gov) in lex.report_verbs
    ):  # "monitors recorded 14 explosions", "residents heard gunfire", "reinforcements were
        # reported", "residents reported looting of shops"
        return Trigger(tok, plover, cls, [tok], nominal=True, aggregate=aggregate)
    if tok.dep_ == "attr" and tok.head.lemma_.lower() == "be" and any(c.dep_ == "expl" for c in tok.head.children):
        # "there was a clash between X and Y", "there was a demonstration by teachers": what is
        # said to exist is the sentence's event ("there was no clash": none took place)
        denied = "denied" if any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children) else None
        # ("there were clashes": one scene in the simple past, as "clashes erupted" is; "there
        # have been clashes" is a tally)
        scene = tok.head.tag_ == "VBD"
        return Trigger(tok, plover, cls, [tok], nominal=True, aggregate=aggregate and not scene, status_hint=denied)
    if has_args and (cls not in VIOLENT or tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj")):
        return Trigger(tok, plover, cls, [tok], nominal=True, aggregate=aggregate)
    if (
        tok.lemma_.lower() in lex.standalone
        and gov is not None
        and head_trig is None
        and how in ("dobj", "nsubj", "for", "of")
    ):
        return Trigger(tok, plover, cls, [tok], nominal=True)
    if (
        how in ("in", "during")
        and gov is not None
        and head_trig is None
        and cls == "protest"
        and tok.lemma_.lower() in lex.war_strike_nouns
        and not aggregate
    ):
        # "traders kept their shops shut in a nationwide strike": the demonstration the clause
        # is told in, its verb no act of its own
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
#: verbs that tell people killed or hurt, whatever act was folded into them
CASUALTY_LEMMAS = frozenset({"kill", "injure", "wound", "hurt"})


def _merge(triggers: list[Trigger], by_head: dict[int, Trigger]) -> None:
    """Fold consequences ("killing 20") and conjoined violent verbs into the main event."""
    for trig in triggers:
        # (a participle's goods are no series of acts: "..., killing 11 and stealing scores of cattle")
        goods = trig.cls in PROPERTY_ACTS and trig.head.tag_ == "VBG" and trig.head.dep_ == "conj"
        if trig.nominal or trig.aggregate and trig.noun is not None and not goods:
            continue  # (acts of a kind told beside an incident are not part of it)
        tok = trig.head
        # ("were killed and 25 wounded when X attacked": the head may be a word of a trigger)
        # ("killing 124 people and looting homes", the parse joining the participle to the victims:
        # it is joined to the participle whose object they are)
        joined = tok.head.head if _joined_to_object(tok) else tok.head
        parent = _holding(joined.i, trig, triggers, by_head) if tok.head.i != tok.i else None
        # ("..., damaging facilities and wounding three workers": the participle joined to one)
        hung = tok.head if tok.dep_ == "conj" and tok.tag_ == "VBG" and tok.head.tag_ == "VBG" else tok
        if (
            parent is None
            and hung.dep_ in ("acl", "advcl")
            and tok.tag_ in ("VBN", "VBG")
            # ("killed and five injured in air strikes": the casualty verb that took the strikes in)
            and (trig.cls in ("kill", "attack") or tok.lemma_.lower() in CASUALTY_LEMMAS)
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
        ):
            # "clashed with soldiers, resulting in 1 soldier killed": a toll of the act above;
            # "shelled X in Y areas (Z), injuring fighters", the parser hanging the casualty
            # clause on a place: a toll of the violent act before it in the sentence
            parent = next((by_head[a.i] for a in tok.ancestors if a.i in by_head and by_head[a.i].cls in VIOLENT), None)
            if parent is None and tok.tag_ == "VBG":
                before = [
                    t for t in triggers
                    if t.head.i < tok.i and not t.absorbed and t.cls in VIOLENT and not _relative_apart(t, tok)
                ]  # fmt: skip
                parent = before[-1] if before else None
            if parent is not None:
                if trig.cls not in ("kill", "attack") and parent.cls in ("kill", "attack"):
                    parent.cls = trig.cls  # ("killed and five injured in air strikes": how they died)
                _fold(trig, parent)
                continue
        if trig.cls in VIOLENT and tok.dep_ in ("pobj", "pcomp") and tok.head.lower_ in ("in", "during", "by"):
            # "killed and two hurt in a shooting by gunmen", the gerund parsed as a verb: the
            # act the casualties were suffered in, as its noun would be
            gov = tok.head.head
            holder = _merged_into(_holding(gov.i, trig, triggers, by_head))
            if holder is not None and not holder.absorbed and holder.cls in VIOLENT:
                _told_in(holder, tok, trig.cls)  # (its "by" phrase names the doers)
                _fold(trig, holder)
                continue
        sequence = tok.dep_ == "pcomp" and tok.head.dep_ == "prep" and tok.head.lower_ in SEQUENCE_PREPS
        if sequence:  # "setting off a car bomb before storming the compound": one incident
            parent = by_head.get(tok.head.head.i)
        parent = _merged_into(parent)
        if parent is None or parent.absorbed:
            continue
        if time_apart(tok):
            continue  # "fired rockets on Friday, hours after a drone strike killed three": an earlier incident
        crowd = ("protest", "riot")
        if trig.cls in crowd and parent.cls in crowd and tok.dep_ in ("advcl", "xcomp", "conj"):
            # "blocked the road to protest against ...", "marched and chanted": one demonstration
            _fold(trig, parent)
            continue
        if (
            trig.cls == "abduct"
            and parent.cls in ("seize", "loot")
            and tok.dep_ == "conj"
            and shares_subject(tok)
        ):
            # "seized a cargo ship and took its crew hostage": the people taken, with the ship
            parent.cls, parent.plover = trig.cls, trig.plover
            _fold(trig, parent)
            continue
        if trig.cls == "transfer" and tok.dep_ == "advcl" and tok.tag_ == "VBG" and _weapons_handed(tok):
            _fold(trig, parent)  # "surrendered to the army, handing over 15 firearms": the surrender's
            continue
        if trig.cls in PROPERTY_ACTS and parent.cls in PROPERTY_ACTS and (
            tok.dep_ == "advcl" and tok.tag_ == "VBG"
            or tok.dep_ == "conj" and shares_subject(tok)
        ):
            # "set ablaze the secretariat, destroying vehicles": what the fire did; "looted shops
            # and torched homes": one raid on property
            _fold(trig, parent)
            continue
        if parent.cls == "disperse" and trig.cls in ("kill", "attack") and tok.dep_ == "advcl" and tok.tag_ == "VBG":
            # "fired tear gas and live rounds at protesters ..., killing five": the toll of the force used
            _fold(trig, parent)
            continue
        # (property harmed in a participle joined to one that harms people: "stormed the village,
        # shooting residents and setting houses on fire": the attack's own doing; not "stormed the
        # office, confiscating devices", where the looting is what happened; so a verb joined to
        # one that kills: "beheaded four villagers and burned dozens of homes")
        burned_too = (
            trig.cls in PROPERTY_ACTS
            and (tok.tag_ == "VBG" or tok.tag_ == joined.tag_)
            and tok.dep_ == "conj"
            and (beside := by_head.get(joined.i)) is not None
            and (beside.cls == "kill" or beside.cls == "attack" and tok.tag_ == "VBG")
        ) or (
            # ("attacked the neighbourhood, setting homes on fire": the attack's own doing, told
            # by a participle on it; not "stormed the office, confiscating devices", the looting)
            trig.cls in PROPERTY_ACTS
            and tok.dep_ == "advcl"
            and tok.tag_ == "VBG"
            and tok.lemma_.lower() in lexicon().damage_verbs
            and parent.cls in ("attack", "kill")
            # (not beside a fight with a side of its own: "attacked the town, burning the market
            # and clashing with the army", whose sides the fight names)
            and not any(t.cls == "clash" for t in triggers)
        )
        # (and the killing joined to the burning told first: "set fire to dozens of homes and
        # killed at least seven people": the attack, its kind the killing's)
        killed_too = (
            trig.cls == "kill"
            and parent.cls in PROPERTY_ACTS
            and tok.dep_ == "conj"
            and tok.tag_ == parent.head.tag_ != "VBG"  # (participles hang on the act told before them)
            and shares_subject(tok)  # (the same doers)
        )
        violent_pair = (trig.cls in VIOLENT or burned_too) and (parent.cls in VIOLENT or parent.cls == "offensive" or killed_too)
        if violent_pair and _fight_beside_killing(trig, parent):
            continue
        if violent_pair and tok.dep_ == "conj" and crowd_then_force(tok, parent.head):
            continue  # "protesters stormed parliament, and police opened fire": the force's own act
        if violent_pair and tok.dep_ == "conj" and own_scene(tok, parent.head):
            continue  # "X fired rockets at Y, and Israeli jets struck targets in Z overnight": two acts
        if (
            violent_pair
            and (tok.dep_ in ("advcl", "conj", "xcomp") or sequence)
            and (
                tok.tag_ == "VBG"
                or tok.dep_ == "conj"
                or trig.cls == "kill"
                or parent.cls == "kill"
                or (
                    # a casualty verb merged into the parent ("killed and 25 wounded when"), or
                    # the victims its subject ("two soldiers were wounded when a mine hit ...",
                    # "... wounded after militants attacked their patrol")
                    parent.head.i != tok.head.i or any(c.dep_ == "nsubjpass" for c in parent.head.children)
                )
                and any(c.lower_ in ("when", "as", "while", "after") and c.dep_ in ("advmod", "mark") for c in tok.children)
            )
        ):
            # harm to people outranks harm to property told with it ("beat and looted from
            # residents", "shot two men dead and seized their pills": ACLED's attack)
            if (
                parent.cls == "kill"
                and trig.cls not in ("kill", "seize", *PROPERTY_ACTS)
                and (tok.dep_ != "conj" or trig.cls != "attack")
            ):
                # "a soldier was killed when militants attacked", "killed and injured in a clash";
                # not the wounded told beside the dead ("killed 12 and wounded 1")
                parent.cls = trig.cls
            if parent.cls in ("attack", "strike") and trig.cls not in ("attack", "kill", "strike", *PROPERTY_ACTS):
                parent.cls = trig.cls  # ("attacked and seized the town": the ground taken)
            elif parent.cls == "offensive" or killed_too:
                parent.cls = trig.cls  # ("launched an offensive and captured villages": what it did)
            _fold(trig, parent)


def own_scene(verb: Token, first: Token) -> bool:
    """A verb joined to another act tells one of its own: another doer, and a time or a place
    of its own ("Hezbollah fired rockets at northern Israel, and Israeli jets struck targets in
    southern Lebanon overnight")."""
    doer = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    first_doer = next((c for c in first.children if c.dep_ == "nsubj"), None)
    # (both told by their doers: not "five soldiers were killed and three wounded in X")
    if doer is None or first_doer is None or doer.pos_ not in ("NOUN", "PROPN") or doer.lemma_ == first_doer.lemma_:
        return False
    return any(t.ent_type_ in ("DATE", "TIME", "GPE", "LOC") for t in verb.subtree if t.i > verb.i)


def crowd_then_force(verb: Token, first: Token) -> bool:
    """A verb joined to a crowd's act with a force of its own as subject ("protesters stormed
    the compound, and police opened fire"): the force's fire on the crowd, not more of its act."""
    lex = lexicon()
    own = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    crowd = next((c for c in first.children if c.dep_ == "nsubj"), None)
    return (
        own is not None
        and crowd is not None
        and lex.kinds.get(own.lower_) in ("police", "military")
        and (crowd.lemma_.lower() in lex.crowd_subjects or lex.kinds.get(crowd.lower_) in ("protesters", "rioters"))
    )


def _relative_apart(t: Trigger, tok: Token) -> bool:
    """Is ``t`` inside a relative clause that does not hold ``tok``? ("The army, which seized power
    in a coup, responded with air strikes, killing five": the doer's past, not the act whose toll
    the participle tells.)"""
    for a in (t.head, *t.head.ancestors):
        if a.dep_ == "relcl":
            return not a.left_edge.i <= tok.i <= a.right_edge.i
    return False


def _fight_beside_killing(trig: Trigger, parent: Trigger) -> bool:
    """ "attacked the village, killing five villagers and clashing with soldiers": a fight with a
    side of its own ("with soldiers"), told beside the killing of people the act above names, is a
    second incident (ACLED codes the attack on the villagers and the battle apart), not the
    manner of the killing."""
    if trig.cls != "clash" or parent.cls not in ("attack", "kill"):
        return False
    if not any(c.dep_ == "prep" and c.lower_ in ("with", "against") for c in trig.head.children):
        return False
    return any(
        w.lemma_.lower() == "kill" and any(c.dep_ == "dobj" for c in w.children)
        for w in (parent.head, *parent.words)
    )


#: "hours after", "two days before", "a week after": the clause tells another incident, apart in time
TIME_APART = frozenset({"hour", "day", "week", "month", "year", "hours", "days", "weeks", "months", "years"})


def time_apart(tok: Token) -> bool:
    """A clause that "after" or "before" opens, measured off in hours or days from the act it hangs
    on: another incident, not a part or a toll of that act."""
    if tok.dep_ not in ("advcl", "ccomp"):  # (the parser hangs some such clauses on a verb of saying)
        return False
    if any(c.dep_ == "mark" and c.lower_ in ("after", "before") for c in tok.children):
        return any(c.dep_ == "npadvmod" and c.lemma_.lower() in TIME_APART for c in tok.children)
    # ("came two days after assailants killed ...", parsed with "after" a preposition of the verb
    # above, its measure on it, and the clause hung beside it)
    return any(
        c.dep_ == "prep" and c.lower_ in ("after", "before") and c.i < tok.i
        and any(g.dep_ == "npadvmod" and g.lemma_.lower() in TIME_APART for g in c.children)
        for c in tok.head.children
    )  # fmt: skip


def measured_off(noun: Token) -> Token | None:
    """The "after" or "before" of which the noun is the object, measured off in time ("weeks after
    the attack", "two days after clashes"): an incident of its own, apart from the act it hangs on."""
    prep = noun.head
    if noun.dep_ == "pobj" and prep.lower_ in ("after", "before") and any(
        c.dep_ == "npadvmod" and c.lemma_.lower() in TIME_APART for c in prep.children
    ):
        return prep
    return None


def _holding(i: int, trig: Trigger, triggers: list[Trigger], by_head: dict[int, Trigger]) -> Trigger | None:
    """The trigger headed by token ``i``, or (other than ``trig``) the one that has it among its words."""
    return by_head.get(i) or next((t for t in triggers if t is not trig and any(w.i == i for w in t.words)), None)


def _merged_into(t: Trigger | None) -> Trigger | None:
    """The event ``t`` was folded into, through every fold (``t`` itself when it was not)."""
    while t is not None and t.absorbed and t.parent is not None:
        t = t.parent
    return t


def _told_in(harm: Trigger, act: Token, cls: str) -> None:
    """``harm`` ("killed", "injured") was suffered in ``act`` ("in an airstrike", "in a shooting
    by gunmen"): the act's words name the doers, and its kind the weapon."""
    if cls in VIOLENT and cls not in ("attack", "kill") and harm.cls in ("kill", "attack", "strike"):
        harm.cls = cls
    harm.noun = harm.noun or act


def _fold(trig: Trigger, parent: Trigger) -> None:
    """``trig`` is part of ``parent``'s event: its words join it and it is no event of its own."""
    parent.merged.append(trig)
    parent.words.extend(trig.words)
    trig.absorbed, trig.parent = True, parent
