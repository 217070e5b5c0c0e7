"""The dependency parse around a trigger: its subject (active or passive), its "by" agent, its
patient (object, or the object of on/against/at), conjoined names and the sides of "between X
and Y". No actors here: ``arguments`` turns these tokens into actors."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..gazetteer_coverage import cue_list
from .lexicon import lexicon

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from .trigger_words import Trigger

def conjuncts(tok: Token) -> list[Token]:
    return [c for c in tok.children if c.dep_ == "conj"]


def _hung_on_place(tok: Token) -> Token | None:
    """The noun the parser hung on a place name as its apposition, when the place closes a list
    of places after a comma ("in Reynosa, Tamaulipas, members of a cartel donated ...": the
    state read as the subject, the members as its apposition); else None."""
    first = tok.left_edge  # "Baja California": the name's first word
    if tok.pos_ != "PROPN" or first.i == 0 or tok.doc[first.i - 1].text != ",":
        return None
    appos = next((c for c in tok.children if c.dep_ == "appos" and c.pos_ in ("NOUN", "PROPN") and c.i > tok.i), None)
    if appos is None:
        return None
    from ..places import Gazetteer  # loaded once, beside the actor registry

    return appos if Gazetteer.default().lookup(tok.doc[first.i : tok.i + 1].text) else None


def _named_place_of(tok: Token, verb: Token) -> bool:
    """A name the parser read as a second subject where it names the place noun before it
    ("Clashes in the Libyan capital Tripoli killed 32": the clashes killed, not Tripoli)."""
    first = tok.left_edge
    earlier_subject = any(c.dep_ == "nsubj" and c.i < first.i for c in verb.children)
    # ("Residents of X in Michoacan state set fire to ...": the unit word of a name read as a subject)
    unit = tok.lower_ in _UNIT_WORDS and tok.i > 0 and tok.doc[tok.i - 1].pos_ == "PROPN"
    # ("a strike on a home in the village of Aita al-Shaab killed two": the end of a hyphened
    # name, and its hyphen, read as subjects)
    hyphened = tok.is_punct or first.i > 1 and tok.doc[first.i - 1].text in ("-", "–") and tok.doc[first.i - 2].pos_ == "PROPN"
    return earlier_subject and (
        unit
        or hyphened
        or tok.pos_ == "PROPN" and first.i > 0 and tok.doc[first.i - 1].lower_ in cue_list("noun_before_name")
    )


def _kicker(tok: Token) -> Token | None:
    """The colon after a headline's kicker the parser read as its subject ("Colombia: dissidents
    attack police station"), or None when ``tok`` is no kicker."""
    colon = tok.right_edge if tok.right_edge.text == ":" else tok.doc[min(tok.right_edge.i + 1, len(tok.doc) - 1)]
    return colon if tok.left_edge.i == tok.sent.start and colon.text == ":" else None


def _after_kicker(colon: Token, verb: Token) -> Token | None:
    """The noun the kicker hid, read as a compound of the verb ("dissidents"), or None."""
    return next(
        (c for c in verb.children if c.dep_ == "compound" and colon.i < c.i < verb.i and c.pos_ in ("NOUN", "PROPN")), None
    )


def _headline_passive(verb: Token, subj: Token) -> bool:
    """A harm told as a headline tells it, its "were" left out: "three Palestinians killed" (a
    verb of harm takes an object; one without any, its counted subject, suffered it)."""
    return (
        verb.tag_ == "VBD"
        and verb.lemma_.lower() in _SUFFERED
        and any(c.dep_ == "nummod" for c in subj.children)
        and not any(c.dep_ in ("dobj", "aux", "auxpass", "attr") for c in verb.children)
        # (a headline's first clause read as the complement: "forces raid camp, three killed")
        and not any(c.dep_ in ("ccomp", "xcomp") and c.i > verb.i for c in verb.children)
    )


_UNIT_WORDS = frozenset({"state", "province", "district", "region", "county", "governorate", "department", "municipality"})


_SUFFERED = frozenset({"kill", "wound", "injure", "hurt", "abduct", "kidnap"})


def subject(tok: Token) -> tuple[Token | None, bool]:
    """(subject token, passive?) of a verb, climbing to governing verbs when it has none."""
    node = tok
    raised = False  # "X was reported to be planning to withdraw": X is the agent of the complement
    # "X exchanged fire with police before being arrested": a passive verb with no subject of its
    # own suffers what it tells; the subject it shares is its patient
    # (not "IS" read as "is": "gunmen believed to belong to IS shot ...")
    undergone = tok.tag_ == "VBN" and any(c.dep_ == "auxpass" and not c.text.isupper() for c in tok.children)
    hung = apposition_subject(tok)
    if hung is not None:
        return hung, undergone
    if tok.tag_ == "VBG" and tok.dep_ in ("xcomp", "dobj") and tok.head.lemma_.lower() in lexicon().flight_verbs:
        return None, False  # "villagers flee fighting in Ituri": what they fled, not what they did
    for _ in range(5):
        # nearest first: a dateline parsed as a second subject ("KABUL, July 4 - Taliban fighters
        # attacked") stands further from the verb than the real one
        for c in sorted(node.children, key=lambda c: abs(node.i - c.i)):
            if c.dep_ in ("nsubj", "csubj") and _named_place_of(c, node):
                continue
            if c.dep_ == "nsubj" and (colon := _kicker(c)) is not None:
                hidden = _after_kicker(colon, node)
                if hidden is None:
                    continue
                return hidden, False
            if c.dep_ in ("nsubj", "csubj"):
                if _relative(c) and node.dep_ == "relcl":
                    return node.head, False
                return _hung_on_place(c) or c, undergone and node is not tok or _headline_passive(node, c)
            if c.dep_ == "nsubjpass":
                if _relative(c) and node.dep_ == "relcl":
                    return node.head, True
                return _hung_on_place(c) or c, not raised
        if (
            node.dep_ == "xcomp"
            and node.head.lemma_.lower() in lexicon().object_control_verbs
            and node.lemma_.lower() not in lexicon().causer_complements
        ):
            # "forcing hundreds of residents to flee": the governing verb's object does it
            obj = next((c for c in node.head.children if c.dep_ == "dobj" and c.i < node.i), None)
            if obj is not None:
                return obj, False
        # (not a bare participle: "12 fighters were reported killed" were killed, as "were killed")
        bare_participle = node is tok and tok.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in tok.children)
        raised = raised or node.dep_ == "xcomp" and not bare_participle
        if (
            node.dep_ == "acl"
            and node.tag_ in ("VBD", "VBN")
            and (
                any(c.dep_ == "dobj" for c in node.children)
                # ... and so is a verb that takes no object ("militias from two clans clashed")
                or node.lemma_.lower() in lexicon().objectless_verbs
            )
        ):
            # "Gunmen on motorbikes abducted 287 pupils" parsed as one noun phrase with a reduced
            # relative: a participle with a direct object is the main verb of a verbless sentence
            # (through a relative inside the noun phrase too: "An air strike on a school sheltering
            # displaced families in Gaza City killed 22")
            top = node.head
            while top.dep_ in ("pobj", "prep", "dobj", "acl") and top.head.i != top.i:
                top = top.head
            speech = top.dep_ in ("nsubj", "dep", "ccomp") and top.head.lemma_.lower() in lexicon().speech
            if (top.dep_ == "ROOT" or speech) and top.pos_ in ("NOUN", "PROPN"):
                return top, False  # (", officials said" may take the noun phrase as its subject)
        if node.dep_ in ("relcl", "acl") and node.head.i != node.i:
            # (a headline's harm with no object, whatever tag the model gave it: "Burkina
            # volunteers killed in jihadist ambush" were killed)
            suffered = node.dep_ == "acl" and node.lemma_.lower() in _SUFFERED and not any(c.dep_ == "dobj" for c in node.children)
            return node.head, node.tag_ == "VBN" or suffered
        if (
            node.dep_ in ("xcomp", "acomp", "advcl", "conj", "ccomp", "pcomp", "prep", "pobj")
            and node.head.i != node.i
        ):
            node = _reported_clause(node) or node.head
            continue
        break
    return None, False


def _reported_clause(node: Token) -> Token | None:
    """The report an adjunct belongs to when the parser hung it on the verb of saying after it:
    "separatists burned a school, days after warning teachers, officials said" (the warning is
    the separatists', not the officials')."""
    said = node.head
    if node.dep_ != "prep" or said.i < node.i or said.lemma_.lower() not in lexicon().speech:
        return None
    told = next((c for c in said.children if c.dep_ == "ccomp" and c.i < node.i), None)
    if told is None and said.dep_ in ("ccomp", "conj", "advcl", "parataxis") and said.head.i < node.i:
        told = said.head  # (the saying read as a clause of the report: "set" ROOT, "said" under it)
    return told


def apposition_subject(verb: Token) -> Token | None:
    """The subject the parser hung on the place before it ("in Nova Lima, Minas Gerais, a
    prisoner was injured": "prisoner" read as an apposition of the town): the noun phrase that
    ends right before a verb with no subject of its own (and its auxiliaries)."""
    if any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in verb.children) or verb.dep_ not in ("ROOT", "ccomp"):
        return None
    i = verb.i - 1
    while i >= 0 and verb.doc[i].head.i == verb.i and verb.doc[i].dep_ in ("aux", "auxpass", "neg", "advmod"):
        i -= 1
    if i < 0:
        return None
    node = verb.doc[i]
    listed: Token | None = None  # ("In Taiz, government forces and Houthi fighters exchanged fire")
    while node.dep_ != "appos" and node.head.i != node.i and node.head.right_edge.i == i:
        if _joined_to_place(node):
            listed = node
        node = node.head
    if node.dep_ == "appos" and node.pos_ in ("NOUN", "PROPN") and node.head.i < node.i and node.right_edge.i == i:
        return node
    return listed


def _joined_to_place(node: Token) -> bool:
    """A noun the parse joined, after a comma, to the place before it ("In the province of Taiz,
    government forces and ...": "forces" read as a second place)."""
    return (
        node.dep_ == "conj"
        and node.pos_ == "NOUN"  # (people, not the next name of a list of places)
        and node.head.ent_type_ in ("GPE", "LOC")
        and node.head.i < node.i
        and node.left_edge.i > 0
        and node.doc[node.left_edge.i - 1].text == ","
        and node.ent_type_ not in ("GPE", "LOC")
    )


def _relative(tok: Token) -> bool:
    return tok.lower_ in ("who", "which", "that", "whom") and tok.tag_ in ("WP", "WDT", "IN", "DT")

def gerund_nationality(tok: Token) -> bool:
    """A nationality the parser made the subject of the weapon's gerund right after it ("Ukrainian
    shelling of the town wounded a woman"): the gerund's modifier, the side that fired."""
    return (
        tok.dep_ == "nsubj"
        and tok.head.i == tok.i + 1
        and tok.head.tag_ == "VBG"
        and tok.lower_ in lexicon().demonyms
    )


def shares_subject(verb: Token) -> bool:
    """A verb joined to another with no subject of its own: the same doers ("looted shops and
    torched homes")."""
    return not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def _of_phrase(tok: Token) -> Token | None:
    """ "an attack of pro-Houthi forces": the doer named by "of"."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            return next((p for p in c.children if p.dep_ == "pobj"), None)
    return None


def by_agent(tok: Token) -> Token | None:
    for c in tok.children:
        if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by"):
            for p in c.children:
                if p.dep_ == "pobj":
                    return p
    return None

def joined_agent(tok: Token) -> Token | None:
    """The agent of a passive verb or of the passive verb joined to it ("was attacked and beaten
    by a group": the group)."""
    return by_agent(tok) or next(
        (a for c in tok.children if c.dep_ == "conj" and c.tag_ == "VBN" and (a := by_agent(c)) is not None), None
    )


#: verbs of a purpose clause that hold an attack off ("to fend off", "to repel")
_HOLD_OFF = frozenset(["fend", "repel", "repulse", "counter", "halt", "thwart"])


def _held_off(tok: Token, noun: Token | None) -> Token | None:
    """The side whose attack a purpose clause holds off: "to repel a Houthi offensive"."""
    for c in [*tok.children, *(noun.children if noun is not None else [])]:
        if c.dep_ not in ("advcl", "xcomp", "acl", "relcl") or c.lemma_.lower() not in _HOLD_OFF:
            continue
        obj = next((o for o in c.children if o.dep_ == "dobj"), None)
        if obj is None:
            continue
        owner = by_agent(obj) or _of_phrase(obj) or next(
            (m for m in obj.children if m.dep_ in ("poss", "compound", "amod") and m.pos_ == "PROPN"), None
        )
        return owner if owner is not None else obj
    return None


def harm_state(verb: Token) -> str | None:
    """The state a verb of leaving puts its object in ("left three dead": "dead"), or None."""
    return next(
        (c.lower_ for c in verb.children if c.dep_ in ("oprd", "xcomp", "acomp") and c.lower_ in lexicon().harm_states),
        None,
    )


_TARGET_PREPS = frozenset({"on", "against", "with", "at", "to"})
_RECIPIENT_PREPS = _TARGET_PREPS | {"for"}  # ("announced $300 million in military aid for Ukraine")


def patient(trig: Trigger) -> Token | None:
    tok = trig.head
    # "killed dozens of soldiers in an attack on the town"; "a drone strike on a car killed two
    # Hezbollah members": those it killed, not the car
    killer = tok if not trig.nominal else tok.head if tok.dep_ == "nsubj" else None
    if killer is not None and (
        trig.cls == "kill" and killer is tok or lexicon().verbs.get(killer.lemma_.lower(), ("", ""))[1] == "kill"
    ):
        victims = next(
            (c for c in killer.children if c.dep_ == "dobj" and (trig.noun is None or c.i != trig.noun.i)), None
        )
        if victims is not None:
            return victims
    if (
        trig.nominal
        and tok.dep_ == "nsubj"
        and tok.head.lemma_.lower() in lexicon().toll_verbs
        and harm_state(tok.head) is not None
    ):  # "an attack by X left three herders dead": those it left dead or hurt
        victims = next((c for c in tok.head.children if c.dep_ == "dobj"), None)
        if victims is not None:
            return victims
    if trig.nominal and tok.dep_ == "dobj" and tok.head.lemma_.lower() in _HOLD_OFF:
        return None  # "repelled an assault on an army post": the repellers' own post, not the other side
    # (not the setting the act is told in, when the verb names its own target: "clashed with
    # police during protests against quotas" is no act against quotas; but "killed during
    # clashes with PKK militants": the clashes' other side)
    setting = (
        trig.noun is not None
        and trig.noun.dep_ == "pobj"
        and trig.noun.head.lower_ in ("during", "amid")
        and any(c.dep_ == "prep" and c.lower_ in _TARGET_PREPS for c in tok.children)
    )
    if trig.noun is not None and trig.noun.i != tok.i and not setting:
        to_whom = _RECIPIENT_PREPS if trig.plover == "AID" else _TARGET_PREPS
        for c in trig.noun.children:  # "launched an attack on X", "talks with X", "amnesty to X"
            if c.dep_ == "prep" and c.lower_ in to_whom:
                return next((p for p in c.children if p.dep_ == "pobj"), None)
    if trig.nominal and tok.dep_ == "nsubjpass" and tok.head.lemma_.lower() in lexicon().report_verbs:
        # "three strikes by the coalition were reported on rebel posts": the parse hangs the target on the verb
        for c in tok.head.children:
            if c.dep_ == "prep" and c.lower_ in ("on", "against"):
                target = _target_of(c)
                if (
                    target is not None
                    and target.lemma_.lower() not in lexicon().place_heads
                    and (target.pos_ == "NOUN" or target.ent_type_ in ("ORG", "NORP"))
                ):
                    return target  # (not "... on X district", nor a name the model took for a person)
    if trig.cls in ("offensive", "clash"):
        # "mounted a counterattack to repel a Houthi offensive": whose offensive it holds off
        held_off = _held_off(tok, trig.noun)
        if held_off is not None:
            return held_off
    if trig.plover == "SANCTION" and trig.noun is not None and foreign_envoy(trig.noun):
        return trig.noun  # "expelled the French ambassador": France's representative, sanctioned
    projected = tok.lemma_.lower() in lexicon().projectile_verbs  # "fired rockets at X": X, not the rockets
    # (so is what any verb sends at a target: "shot arrows at soldiers")
    projected = projected or any(
        c.dep_ == "dobj" and c.lemma_.lower() in lexicon().thrown_weapons for c in tok.children
    ) and any(c.dep_ == "prep" and c.lower_ in ("at", "on", "toward", "towards") for c in tok.children)
    # ... unless what is thrown comes with "with": "pelted police with stones" (the police)
    projected = projected and not any(c.dep_ == "prep" and c.lower_ == "with" for c in tok.children)
    for c in tok.children:
        if c.dep_ in ("dobj", "dative") and (trig.noun is None or c.i != trig.noun.i) and not projected:
            if trig.cls == "clash" and c.lemma_.lower() in lexicon().nouns and tok.tag_ in ("VBD", "VBN"):
                # "repelled an attack by the rebels", "thwarted a Houthi incursion": the attackers
                return by_agent(c) or _of_phrase(c) or next(
                    (m for m in c.children if m.dep_ in ("poss", "compound", "amod") and m.pos_ in ("PROPN", "ADJ", "NOUN")
                     and m.lemma_.lower() not in lexicon().nouns),
                    None,
                )
            return c
    # "fired with heavy weapons on the positions of X": "with" names the weapon when the act has
    # another target, so it comes last
    preps = sorted(
        (c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("on", "against", "at", "with", "upon")),
        key=lambda c: c.lower_ == "with" and trig.cls != "clash",  # "clashed with X at a post": X
    )
    for c in preps:
        p = _target_of(c)
        if p is not None:
            return p
    if projected:  # "fired mortars and grenade launchers at the positions of X": "at" hung on a weapon
        return _target_of_weapons(tok)
    if not trig.nominal:
        # "soldiers beat and robbed a civilian": two verbs sharing the object the last one takes
        for c in tok.children:
            if c.dep_ == "conj" and c.pos_ == "VERB" and not any(s.dep_.startswith("nsubj") for s in c.children):
                shared = next((o for o in c.children if o.dep_ == "dobj"), None)
                # (not a thing: "raided and damaged the home" is told by its damage)
                if shared is not None and shared.lemma_.lower() not in lexicon().civilian_places:
                    return shared
    return None


def foreign_envoy(noun: Token) -> bool:
    """An envoy the phrase names by country ("the French ambassador", "Dutch diplomats"), not
    one of the subject's own ("its ambassador")."""
    return noun.lemma_.lower() in lexicon().envoy_titles and any(
        c.dep_ in ("amod", "compound", "nmod", "poss") and (c.lower_ in lexicon().demonyms or c.ent_type_ in ("GPE", "NORP"))
        for c in noun.children
    )


#: entities a preposition's object may be without being what was aimed at (the place, the time)
_NO_TARGETS = ("GPE", "LOC", "FAC", "DATE", "TIME")


def _target_of(prep: Token) -> Token | None:
    """The object of ``prep`` when it can be a target: not a place or a time."""
    p = next((p for p in prep.children if p.dep_ == "pobj"), None)
    if p is None:
        # ("fired on Meitei farmers working in the fields": the parser made the target the
        # subject of the participle after it)
        clause = next((c for c in prep.children if c.dep_ == "pcomp" and c.tag_ == "VBG"), None)
        p = next((s for s in clause.children if s.dep_ == "nsubj"), None) if clause is not None else None
    if p is not None:
        # ("opened fire on a crowd protesting fuel price rises", the crowd parsed as a part of
        # the participle that describes what it protested)
        p = next(
            (
                n for c in p.children if c.dep_ == "amod" and c.tag_ == "VBG"
                for n in c.children
                if n.dep_ in ("npadvmod", "nsubj") and n.pos_ == "NOUN" and n.i == c.i - 1 and n.whitespace_
            ),
            p,
        )  # fmt: skip
    return p if p is not None and p.ent_type_ not in _NO_TARGETS else None


def aimed_at(verb: Token) -> Token | None:
    """What a projectile verb's "at"/"on"/"towards" names, when it is no place name."""
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in ("at", "on", "upon", "toward", "towards", "into"):
            p = _target_of(c)
            if p is not None:
                return p
    return None


def named_source(noun: Token) -> Token | None:
    """Who an act's noun says it came "by" or "from": "fire from the rebels", "an attack by X"."""
    for c in noun.children:
        if c.dep_ in ("agent", "prep") and c.lower_ in ("by", "from"):
            p = next((p for p in c.children if p.dep_ == "pobj"), None)
            if p is not None:
                return p
    return None


def source_of(noun: Token) -> Token | None:
    """Whose act a noun names: "Houthi fire", "the rebels' attack", "fire from/by the rebels"."""
    named = named_source(noun)
    if named is not None:
        return named
    return next((c for c in noun.children if c.dep_ in ("compound", "poss", "amod", "nmod") and c.pos_ in ("PROPN", "NOUN")
                 or c.dep_ == "amod" and c.ent_type_ == "NORP"), None)


def _target_of_weapons(verb: Token) -> Token | None:
    """The target of "at"/"on"/"against" attached to the objects a verb fired (or their conjuncts)."""
    todo = [c for c in verb.children if c.dep_ in ("dobj", "conj")]
    for _ in range(6):
        if not todo:
            break
        node = todo.pop(0)
        for c in node.children:
            if c.dep_ == "prep" and c.lower_ in ("at", "on", "against", "upon"):
                p = _target_of(c)
                if p is not None:
                    return p
            elif c.dep_ in ("dobj", "conj"):
                todo.append(c)
    return None


def between(tok: Token) -> list[Token]:
    """Sides of "clashes between X and Y" / "talks between X and Y" ("a clash ensued between X
    and Y" parsed as a noun with a participle: the participle's)."""
    reduced = [g for c in tok.children if c.dep_ == "acl" and c.pos_ == "VERB" for g in c.children]
    for c in [*tok.children, *reduced]:
        if c.dep_ == "prep" and c.lower_ == "between":
            p = next((p for p in c.children if p.dep_ == "pobj"), None)
            if p is not None:
                sides = [p, *conjuncts(p)]
                if len(sides) == 1:
                    # "clashes between Meitei and Kuki groups": the sides joined as the noun's modifiers
                    sides += [j for m in p.children if m.dep_ in ("nmod", "compound", "amod") for j in conjuncts(m)]
                return sides
    return []

def pitted(verb: Token) -> list[Token]:
    """Sides of "the clashes pitted X against Y": the object and what it was set against."""
    if verb.lemma_.lower() != "pit":
        return []
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    against = [p for c in (*verb.children, *(obj.children if obj is not None else ())) if c.dep_ == "prep"
               and c.lower_ == "against" for p in c.children if p.dep_ == "pobj"]  # fmt: skip
    return [obj, against[0]] if obj is not None and against else []


def told_as_background(tok: Token) -> bool:
    """``tok`` stands in a relative clause (itself or within three heads up) that tells a
    background to another event ("families who say their children were kidnapped continued
    their sit-in"), not what happened within the event it hangs on ("an encounter in which two
    were killed", "a raid during which ...")."""
    return any(t.dep_ == "relcl" and not _told_within(t) for t in [tok, *list(tok.ancestors)[:3]]) or _said_by_subject(tok)


def _said_by_subject(tok: Token) -> bool:
    """"families who claim their children have been kidnapped by X continued their sit-in", parsed
    with "kidnapped" as the root and "children" as the object of "claim": the verb (with its own
    auxiliaries, before the conjoined verb the subject really governs) is what the relative clause
    on its subject says."""
    if not any(c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and c.i > tok.i for c in tok.children):
        return False
    speech = lexicon().speech
    for subj in (c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i):
        for rel in (r for r in subj.children if r.dep_ == "relcl" and r.lemma_.lower() in speech):
            obj = next((c for c in rel.children if c.dep_ == "dobj"), None)
            if obj is not None and any(a.dep_ in ("aux", "auxpass") and obj.i < a.i < tok.i for a in tok.children):
                return True
    return False


def _told_within(relcl: Token) -> bool:
    """A relative clause that tells what happened within the event it hangs on ("in which",
    "during which"), not a background."""
    return any(
        c.dep_ == "prep" and any(p.lower_ in ("which", "whom") for p in c.children) for c in relcl.children
    )


def own_words(doc: Doc, lo: int, hi: int, head: Token) -> str:
    """The text of tokens lo..hi with each relative clause on a clause's subject that does not
    hold ``head`` blanked (same length, so offsets stay): "The army, which seized power in a 2021
    coup, responded with air strikes" dates and arms the strikes by their own words, not by the
    doer's past (what is said of a victim stays: "an officer who was off duty")."""
    base = doc[lo].idx
    chars = list(doc[lo:hi].text)
    for t in doc[lo:hi]:
        if t.dep_ == "relcl" and t.head.dep_ == "nsubj" and not t.left_edge.i <= head.i <= t.right_edge.i:
            a, b = doc[t.left_edge.i].idx - base, doc[t.right_edge.i].idx + len(doc[t.right_edge.i].text) - base
            chars[max(0, a) : b] = " " * (b - max(0, a))
    return "".join(chars)
