"""Actors for the arguments of a trigger (their tokens come from ``syntax``).

Agent: nsubj, the "by" agent of a passive, or the subject of the governing verb for
participles and complements ("..., calling on X to ..."). Patient: dobj, nsubjpass, or the
object of on/against/at. Actors come from the registry; pronouns and definite descriptions
("the group", "they") resolve to the most salient compatible actor seen before; bare role
nouns ("soldiers", "villagers") become ACLED-style generic actors for the country.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from ...model import Actor
from ..actors import ActorRegistry
from ..place_names import ADMIN1_CUES, ADMIN2_CUES
from .coding import other_incident
from .docstate import GENERIC_NAMES, DocState, Resolved, generic, is_armed, is_state
from .lexicon import lexicon
from .syntax import by_agent, gerund_nationality, subject
from .trigger_words import noun_key

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


PRONOUNS = frozenset({"they", "it", "them", "we", "he", "she"})
#: a part of a group told before, as a pronoun with no noun of its own: "Some threw stones at
#: officers" after a crowd, "Others fled" (with an "of" phrase it is that phrase's group)
PARTITIVES = frozenset({"some", "others", "many", "several", "most"})
ANAPHORS = frozenset(
    [
        "group",
        "militant",
        "insurgent",
        "fighter",
        "rebel",
        "organization",
        "organisation",
        "movement",
        "outfit",
        "jihadist",
        "extremist",
    ]
)
STATE_HINTS = ("state", "military", "police", "government", "forces")
SKIP_LEFT = frozenset({"det", "nummod", "quantmod", "advmod", "predet", "punct", "poss", "case", "cc"})
QUANT_HEADS = frozenset(
    [
        "members",
        "member",
        "dozens",
        "hundreds",
        "scores",
        "thousands",
        "some",
        "several",
        "many",
        "number",
        "group",
        # who speak or sign for the party of their "of" phrase: "representatives of Sudan's army"
        "representatives",
        "representative",
        "delegates",
        "negotiators",
    ]
)
BARE_GENERIC = {
    "Military Forces": "military",
    "Police Forces": "police",
    "Civilians": "civilians",
    "Protesters": "protesters",
    "Rioters": "rioters",
    "Unidentified Armed Group": "unidentified",
    "Unidentified Gang": "gang",
    "Government": "government",
}
#: "foreign" names a diplomat, not foreign troops: "the Indian foreign minister"
FOREIGN_OFFICE = frozenset(["minister", "ministry", "ministers", "secretary", "office", "affairs", "policy"])


def armed_state(res: Resolved, state: DocState) -> Resolved:
    """A government named as a fighting side is its armed forces: "Turkey conducted a patrol",
    "a regime checkpoint", "the regime's fighters" (ACLED: Military Forces of the country)."""
    actor, tok = res.actor, res.token
    if actor is None or tok is None or actor.type != "government" or not actor.country:
        return res
    kind = _kind(tok)
    if kind in ("military", "police"):
        return Resolved(generic(state, kind, actor.country), kind, tok)
    if kind == "unidentified" or tok.ent_type_ == "GPE":
        return Resolved(generic(state, "military", actor.country), "military", tok)
    return res


def _left_text(tok: Token, keep_det: bool = False) -> str:
    toks = [t for t in tok.subtree if t.i <= tok.i and (keep_det or t.dep_ not in SKIP_LEFT or t.i == tok.i)]
    # keep only the contiguous run ending at the head
    out: list[Token] = []
    for t in reversed(toks):
        if out and out[-1].i - t.i > 1 and t.dep_ != "punct":
            break
        out.append(t)
    out.reverse()
    # (spaced as written: "Al-Shabaab gunmen" is tokenized "Al - Shabaab", which no alias matches)
    return "".join(
        t.text + (" " if t.whitespace_ or (i + 1 < len(out) and out[i + 1].i != t.i + 1) else "") for i, t in enumerate(out)
    ).strip()


#: A word written in capitals, as an acronym is ("IS", "AQAP").
_CAPITALS = re.compile(r"[A-Z]{2,5}")


def _force_named_before(tok: Token, state: DocState, kind: str, has_the: bool) -> Actor | None:
    """The state force an army or police word with no country of its own goes back to: "the army"
    to the one the document named last ("Sudan's army ... The army met the RSF in Jeddah":
    Sudan's, not the venue's), bare "troops" or "an army checkpoint" to the only state's army
    the document named ("Israeli forces raided Jenin ... troops fired tear gas")."""
    if kind not in ("military", "police") or any(c.dep_ == "poss" for c in tok.children):
        return None
    if has_the:
        return state.state_force(kind)
    # (only words for troops on the ground: "air defences" shoot down what a foreign state fired)
    # (and bare: "government forces", "local troops" are named as the country's own)
    heads = lexicon().ground_force_heads
    force = tok if tok.lemma_.lower() in heads else next(
        (c for c in tok.children if c.dep_ == "compound" and c.lemma_.lower() in heads), None
    )
    modifiers = ("amod", "compound", "nmod", "poss", "nummod")
    if force is None or any(c.dep_ in modifiers and c is not force for c in (*tok.children, *force.children)):
        return None
    return state.only_state_force(kind)


def _name_after_owner(tok: Token) -> str | None:
    """The proper name a phrase with an owner ends in ("Al Qaeda's Sahel affiliate JNIM": JNIM),
    its words since the last that is not a name; None without an owner or a name."""
    if tok.pos_ != "PROPN" or not any(c.dep_ == "poss" for c in tok.children):
        return None
    start = tok.i
    while start - 1 > tok.left_edge.i and tok.doc[start - 1].pos_ == "PROPN" and tok.doc[start - 1].head.i == tok.i:
        start -= 1
    return tok.doc[start : tok.i + 1].text


def _registry_match(tok: Token, registry: ActorRegistry, country: str | None = None) -> Actor | None:
    """The registry's actor for the phrase; ``country`` (the event's) opens the aliases bound to a
    theatre ("Military Police" in Brazil)."""
    first, demonyms = tok.left_edge, lexicon().demonyms
    if first.lower_ in demonyms and first.head.i == tok.i and any(c.dep_ == "conj" for c in first.children):
        kind = _kind(tok)
        if kind in ("military", "police"):
            # "Somali and African Union forces", "Tanzanian and Mozambican troops" in Mozambique:
            # the host country's force leads (ACLED's actor1), else the first one named; the
            # others fight beside it
            sides = [demonyms[t.lower_] for t in (first, *first.conjuncts) if t.lower_ in demonyms]
            host = next((c for c in sides if country and registry.country_name(c) == registry.country_name(country)), None)
            return registry.generic(kind, host or sides[0])
    owned = _name_after_owner(tok)
    if owned is not None:  # "Al Qaeda's Sahel affiliate JNIM": the group named, not its owner
        named = registry.match(owned)
        if named is not None and named.name not in BARE_GENERIC:
            return named
    left = _left_text(tok)
    prev = tok.doc[tok.i - 1] if tok.i > tok.sent.start else None
    if prev is not None and prev.head.i != tok.i and tok.pos_ == "NOUN" and _CAPITALS.fullmatch(prev.text):
        # "IS militants attacked ...": the parser read the acronym as the verb "is"
        named = registry.match(f"{prev.text} {tok.text}")
        if named is not None and named.name not in BARE_GENERIC:
            return named
    of = _of_object(tok)
    if of is not None and tok.lower_ in lexicon().faction_heads:
        # "dissidents of the former FARC guerrilla": the registry's "FARC dissidents"
        for name in (t for t in of.subtree if t.pos_ == "PROPN"):
            named = registry.match(f"{name.text} {tok.text}")
            if named is not None and named.name not in BARE_GENERIC:
                return named
    if of is not None and of.pos_ == "PROPN" and left:
        # "military forces of Artsakh": a name ACLED writes with its "of" phrase
        named = registry.match(f"{left} of {of.text}")
        if named is not None and of.text.lower() in named.name.lower():
            return named
    for text in dict.fromkeys((_left_text(tok, keep_det=True), _proper_run(tok), left)):
        if text:
            actor = registry.match(text)
            if country:
                # "Military Police" in Brazil, "an African Union convoy" in Somalia: the theatre's own name
                local = registry.match(text, country)
                # (also the theatre's own army named by an alias that elsewhere names a group of
                # another country: "SNA" in Somalia)
                foreign = actor is not None and actor.country is not None and local is not None and actor.country != local.country
                if local is not None and local != actor and (local.name not in _generic_names(registry, country) or foreign):
                    return local
            if actor is not None:
                return actor
    # names inside the phrase ("U.S. special peace envoy Zalmay Khalilzad"), then the bare head
    sub = [t for t in tok.subtree if t.i <= tok.i]  # not a compound deeper down ("strikes targeting IS militants")
    sub += [t for c in tok.children if c.dep_ in ("appos", "compound") for t in c.subtree]
    text = tok.doc[min(t.i for t in sub) : max(t.i for t in sub) + 1].text  # not doc.text: O(piece) each call
    if tok.ent_type_ == "GPE" and state_country_name(tok, registry):
        return None  # "the United States and its NATO allies": the state itself, not an ally
    if len(text) <= 150:
        try:
            found = registry.find(text)
        except Exception:  # noqa: BLE001 - the registry is another helper's; never break events on it
            found = []
        if found:
            return found[0][2]
    return registry.match(tok.text)


def _proper_run(tok: Token) -> str:
    """The proper name ending at a proper-noun head, without the words before it that describe
    it ("the communist New People's Army": "New People's Army")."""
    if tok.pos_ != "PROPN":
        return ""
    start = tok.i
    while start > tok.sent.start and (tok.doc[start - 1].pos_ == "PROPN" or tok.doc[start - 1].tag_ == "POS"):
        start -= 1
    return tok.doc[start : tok.i + 1].text if start < tok.i else ""


def _generic_names(registry: ActorRegistry, country: str) -> set[str]:
    gen = getattr(registry, "generic", None)
    if gen is None:
        return set()
    return {gen(kind, country).name for kind in GENERIC_NAMES}


_ENT_INDEX = "sitrep_ent_index"


def ent_at(tok: Token) -> Span | None:
    """The named entity that contains ``tok``. Indexed once per parse: scanning ``doc.ents`` for
    every token would grow with the square of a long paragraph."""
    doc = tok.doc
    index = doc.user_data.get(_ENT_INDEX)
    if index is None:  # plain values, so the parse stays serializable
        index = {i: (ent.start, ent.end, ent.label_) for ent in doc.ents for i in range(ent.start, ent.end)}
        doc.user_data[_ENT_INDEX] = index
    hit = index.get(tok.i)
    if hit is None:
        return None
    from spacy.tokens import Span as SpacySpan

    return SpacySpan(doc, hit[0], hit[1], label=hit[2])


def state_country_name(tok: Token, registry: ActorRegistry) -> str | None:
    ent = ent_at(tok)
    return registry.country_name(re.sub(r"(?i)^the\s+", "", ent.text)) if ent is not None else None


def _demonym_country(tok: Token, registry: ActorRegistry | None = None) -> str | None:
    """The country a noun phrase names by a demonym or by name: "Nigerian troops", "the military
    forces of Armenia" (its own "of" phrase, not one further down)."""
    lex = lexicon()
    for t in tok.subtree:
        if t.i <= tok.i and t.lower_ in lex.demonyms and not _sponsor(t) and not _second_force(t):
            return _whole_name(t, registry) or lex.demonyms[t.lower_]
    if registry is not None:
        for t in tok.subtree:
            if t.i < tok.i and (t.ent_type_ in ("NORP", "GPE") or t.pos_ == "PROPN") and not _second_force(t) and not _sponsor(t):
                name = registry.country_name(t.text)
                if name:
                    return name
        of = _of_object(tok)
        if of is not None and of.ent_type_ in ("GPE", "NORP", ""):
            ent = ent_at(of)
            name = registry.country_name(re.sub(r"(?i)^the\s+", "", ent.text if ent is not None else of.text))
            if name:
                return name
    return None


#: "Islamic State-linked", "al-Qaeda-affiliated": fighters of the group named before the hyphen
#: (not "Rwanda-backed": a sponsor is another party)
_LINKED = frozenset({"linked", "affiliated"})


def _linked_to(tok: Token, registry: ActorRegistry, country: str | None) -> Actor | None:
    """The armed group a noun's "X-linked" modifier names, or "linked to X" after it ("insurgents
    linked to the Islamic State", also when the parser made "linked" the verb), when the
    registry knows X."""
    linked = [c for c in tok.children if c.dep_ == "acl" and c.lower_ in _LINKED]
    if tok.dep_ == "nsubj" and tok.head.lower_ in _LINKED and tok.head.i == tok.i + 1:
        linked.append(tok.head)
    for verb in linked:
        for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("to", "with")):
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                actor = registry.match(obj.doc[obj.left_edge.i : obj.right_edge.i + 1].text, country)
                if actor is not None and is_armed(actor) and not is_state(actor):
                    return actor
    for mod in tok.children:
        if mod.dep_ != "amod" or mod.lower_ not in _LINKED or mod.i < 2 or mod.doc[mod.i - 1].text != "-":
            continue
        name = mod.doc[min(tok.left_edge.i, mod.left_edge.i) : mod.i - 1].text
        actor = registry.match(name, country) if name else None
        if actor is not None and is_armed(actor) and not is_state(actor):
            return actor
    return None


def _named_force(tok: Token, registry: ActorRegistry) -> Actor | None:
    """An army written as a proper name of its own that names no country ("the Kuki National
    Army", "the Zomi Revolutionary Army"): an armed group the registry lacks. ("the Pakistan Army",
    "the Indian Army" name their state; a name the registry knows was read before.)"""
    if tok.pos_ != "PROPN" or tok.text != "Army":  # ("Govt Forces", "Special Forces": the state's)
        return None
    words = [t for t in tok.subtree if t.i < tok.i and t.dep_ in ("compound", "amod", "nmod", "poss")]
    proper = [t for t in words if t.pos_ == "PROPN" and t.text[:1].isupper()]
    if not proper or len(proper) != len(words):
        return None
    lex = lexicon()
    if any(t.lower_ in lex.demonyms or registry.country_name(t.text) or t.ent_type_ == "GPE" for t in words):
        return None
    if all(t.lower_ in lex.state_army_words for t in words):
        return None  # "the National Army", "the Royal Army": a state's, by its usual words
    name = " ".join(t.text for t in [*words, tok])
    return Actor(name, "rebel group", None)


def _hosted(site: Token) -> Token | None:
    """The force a site is told as holding ("a base hosting U.S. troops", "a camp housing soldiers")."""
    for acl in site.children:
        if acl.dep_ == "acl" and acl.lemma_.lower() in ("host", "house"):
            return next((o for o in acl.children if o.dep_ == "dobj"), None)
    return None


def _second_force(demonym: Token) -> bool:
    """The demonym is the second of two forces the parse joined as modifiers of one noun
    ("Police and Kenyan officers"): the first, named without a country, leads."""
    return demonym.dep_ == "conj" and demonym.head.i < demonym.i and demonym.head.lower_ not in lexicon().demonyms


def _nonstate_beside(tok: Token) -> bool:
    """A word for a non-state armed group modifies the same head ("Iraqi militia drone strike")."""
    markers = lexicon().nonstate_markers
    return any(t.i != tok.i and t.lower_ in markers for t in tok.head.subtree if t.i < tok.head.i)


def _fighters_of(tok: Token, state: DocState, country: str | None, want_armed: bool) -> Resolved | None:
    """The armed group an "of" or "from" phrase names for fighters ("fighters of the People's
    Defence Force", "rebels of the National Salvation Front")."""
    of = _of_object(tok, ("of", "from"))
    if of is None and tok.dep_ == "conj" and (after := _of_object(tok.head, ("of", "from"))) is not None and after.i > tok.i:
        of = after  # "the army and rebels of the Front": the parse hangs the phrase on the first side
    named = resolve(of, state, country, want_armed) if of is not None else Resolved(None)
    return Resolved(named.actor, None, tok) if named.actor is not None and is_armed(named.actor) else None


#: "Iran-backed", "Saudi-led": the country that backs or leads a force, not the force's own
_SPONSORED = frozenset({"backed", "led", "aligned", "allied", "sponsored", "supported", "funded", "armed"})


def _sponsor(tok: Token) -> bool:
    """The country word is the sponsor in "X-backed", "X-led" ("Iran-backed Iraqi militias")."""
    doc = tok.doc
    return tok.i + 2 < len(doc) and doc[tok.i + 1].text == "-" and doc[tok.i + 2].lower_ in _SPONSORED


def _whole_name(tok: Token, registry: ActorRegistry | None) -> str | None:
    """The country the whole name a word stands in names ("South Sudan's army": not Sudan)."""
    ent = ent_at(tok)
    if ent is None or len(ent) < 2:
        return None
    whole = re.sub(r"(?i)^the\s+|['’]s$", "", ent.text.strip())
    return lexicon().demonyms.get(whole.lower()) or (registry.country_name(whole) if registry is not None else None)


def _speakers_forces(tok: Token, state: DocState, country: str | None) -> Resolved | None:
    """"its forces", "their troops" in what a speaker said: the speaker's state's forces, not
    those of the country the text is about; "his men" in what an armed party's officer said:
    that party."""
    owner_word = next((c.lower_ for c in tok.children if c.dep_ in ("poss", "det")), "")
    command = owner_word in ("his", "her", "our") and tok.lower_ in lexicon().command_nouns
    # "a Houthi spokesman said the group had targeted the vessel": the speaker's own group
    own_group = owner_word == "the" and tok.lower_ in lexicon().group_anaphors
    if owner_word not in ("its", "their") and not (command or own_group):
        return None
    kind = _kind(tok)
    if kind not in ("military", "police", "unidentified") and not (command or own_group):
        return None
    speaker = _content_speaker(tok)
    if speaker is None or speaker.tag_ in ("PRP", "PRP$") or speaker.left_edge.i <= tok.i <= speaker.right_edge.i:
        return None  # (the words spoken of, not the speaker: "the group declared an amnesty")
    said_by = resolve(speaker, state, country)
    if own_group:
        if is_state(said_by.actor) and tok.lemma_.lower() in _OPPONENTS:
            return None  # "the rebels fired on a police team, an officer said": the force's foes, not its own
        return Resolved(said_by.actor, None, tok) if is_armed(said_by.actor) else None
    if command:  # "an army commander said his men killed nine fighters": the army
        officer = _kind(speaker) or ""
        owner = said_by.actor.country if said_by.actor is not None else country
        if officer in ("military", "police") and owner:
            return Resolved(generic(state, officer, owner), officer, tok)
        return Resolved(said_by.actor, said_by.kind, tok) if is_armed(said_by.actor) else None
    if kind == "unidentified":  # "the Taliban said their fighters ...": the group's own
        return Resolved(said_by.actor, None, tok) if is_armed(said_by.actor) and not is_state(said_by.actor) else None
    if kind == "military" and is_armed(said_by.actor) and not is_state(said_by.actor):
        return Resolved(said_by.actor, None, tok)  # "the SDF said its forces shot down ...": the SDF's own
    owner = said_by.actor.country if said_by.actor is not None else None
    return Resolved(generic(state, kind, owner), kind, tok) if owner and kind else None


def speaker_of_own_act(tok: Token) -> Token | None:
    """The speaker a pronoun subject of the spoken clause stands for: "X said it struck ..." (a
    speaker telling of its own act; "it" for one speaker, "they" or "we" for a body or several),
    or None."""
    verb = tok.head
    if tok.dep_ not in ("nsubj", "nsubjpass") or verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in lexicon().speech:
        return None
    speaker = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    if speaker is None or speaker.tag_ in ("PRP", "PRP$", "WP"):
        return None
    plural = speaker.tag_ in ("NNS", "NNPS")
    return speaker if tok.lower_ == "it" and not plural or tok.lower_ in ("they", "we") and plural else None


def speakers_country(tok: Token, state: DocState, country: str | None) -> str | None:
    """The country of the speaker whose words hold ``tok`` ("The Israeli military said its jets
    struck ...": Israel), or None."""
    speaker = _content_speaker(tok)
    if speaker is None or speaker.tag_ in ("PRP", "PRP$"):
        return None
    said_by = resolve(speaker, state, country).actor
    return said_by.country if said_by is not None and is_state(said_by) else None


#: what a state force's spokesman calls those it fights
_OPPONENTS = frozenset({"rebel", "insurgent", "militia"})


def _content_speaker(tok: Token) -> Token | None:
    """The subject of the speech verb whose content holds ``tok``, or of the verb that speech
    verb stands beside ("..., an army spokesman said, adding that his men ...")."""
    speech = lexicon().speech
    verb = next((a for a in tok.ancestors if a.pos_ == "VERB" and a.lemma_.lower() in speech), None)
    if verb is None:
        return None
    speaker = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if speaker is None and verb.dep_ in ("advcl", "conj"):
        # ("..., the army said, adding that ...": the adding hangs on "said" or beside it)
        beside = [verb.head, *(c for c in verb.head.children if c.i != verb.i)]
        said = [b for b in beside if b.lemma_.lower() in speech]
        speaker = next((s for b in said for s in b.children if s.dep_ == "nsubj"), None)
    return speaker


def _forces_acted_on(subj: Token, state: DocState, country: str | None) -> Actor | None:
    """The state force a subject's verb acts on ("... threw stones at officers", "attacked the
    army"): a side the subject cannot be."""
    if subj.dep_ != "nsubj":
        return None
    objs = [c for c in subj.head.children if c.dep_ == "dobj"]
    objs += [p for c in subj.head.children if c.dep_ == "prep" and c.lower_ in ("at", "on") for p in c.children if p.dep_ == "pobj"]
    for obj in objs:
        kind = _kind(obj)
        if kind in ("police", "military"):
            return generic(state, kind, _demonym_country(obj, state.registry) or country or state.country())
    return None


def _kind(tok: Token) -> str | None:
    lex = lexicon()
    text = _left_text(tok).lower()
    words = text.split()
    kind: str | None
    for n in (3, 2):
        if len(words) >= n and " ".join(words[-n:]) in lex.kinds:
            kind = lex.kinds[" ".join(words[-n:])]
            break
    else:
        kind = lex.kinds.get(tok.lower_) or lex.kinds.get(tok.lemma_.lower())
    if tok.lemma_.lower() in lex.leader_heads:  # "Sudan's army chief", "the police chief": the force he heads
        kind = next(
            (lex.kinds[c.lower_] for c in tok.children
             if c.dep_ == "compound" and lex.kinds.get(c.lower_) in ("police", "military")),
            kind,
        )  # fmt: skip
    if kind is None and tok.lemma_.lower() in lex.collectives and len(words) > 1:
        # "air defence units", "army units": the words before the collective name its kind
        mods = words[:-1]
        kind = next((lex.kinds[" ".join(mods[-n:])] for n in (3, 2, 1) if " ".join(mods[-n:]) in lex.kinds), None)
    if kind is None and tok.pos_ == "NOUN":  # "police agents", "army personnel": the modifier names it
        kind = next(
            (
                lex.kinds[c.lower_]
                for c in tok.children
                if c.dep_ == "compound" and lex.kinds.get(c.lower_) in ("police", "military")
            ),
            None,
        )
    if kind == "military" and any(w in lex.police_markers for w in words):
        kind = "police"
    if kind in ("military", "police") and any(w in lex.nonstate_markers for w in words):
        kind = "unidentified"  # "separatist forces", "rebel troops": not the state's
    return kind


def _of_object(tok: Token, preps: tuple[str, ...] = ("of",)) -> Token | None:
    """The X of "dozens of X" / "fighters of X" (and of "fighters from X", given "from")."""
    return next(
        (p for c in tok.children if c.dep_ == "prep" and c.lower_ in preps for p in c.children if p.dep_ == "pobj"),
        None,
    )


def resolve(tok: Token | None, state: DocState, country: str | None, want_armed: bool = False) -> Resolved:
    """Actor for the noun phrase headed by tok."""
    found = _resolve(tok, state, country, want_armed)
    if (
        tok is not None
        and found.actor is not None
        and is_state(found.actor)
        and found.actor.country == country
        and any(m.lower_ == "enemy" and m.dep_ in ("amod", "compound") for m in tok.children)
    ):
        return Resolved(None, found.kind, tok)  # "enemy troops": the other side's, not the country's own
    return found


def _resolve(tok: Token | None, state: DocState, country: str | None, want_armed: bool = False) -> Resolved:
    if tok is None or tok.lower_ in lexicon().weapon_remnants:
        return Resolved(None)  # ("debris fell on a house": what is left of a weapon, no party)
    if tok.text.isupper() and any(rx.fullmatch(tok.lower_) for _, rx in lexicon().instruments):
        return Resolved(None)  # ("an IED struck a police vehicle": a weapon the model tags as a name)
    if tok.lower_ in QUANT_HEADS or tok.pos_ == "NUM":
        of = _of_object(tok)
        if of is not None:
            return resolve(of, state, country, want_armed)
        misread = _acronym_noun(tok)
        if misread is not None:  # "killed 3 IS militants": the parser read "IS" as the verb "is"
            return resolve(misread, state, country, want_armed)
        if (
            tok.pos_ == "NUM"
            and tok.dep_ == "dobj"
            and tok.head.tag_ != "VBG"  # (not a toll: "attacked each other, killing two")
            and lexicon().verbs.get(tok.head.lemma_.lower(), ("", ""))[1] == "kill"
            and not want_armed
        ):
            # "Israeli strike on Gaza school kills 20": a headline's dead told by their number alone
            return Resolved(generic(state, "civilians", country), "civilians", tok)
    if tok.lower_ in ("himself", "herself", "themselves", "itself", "myself", "ourselves"):
        return Resolved(None)  # "a suicide bomber blew himself up": the doer, no second party
    if tok.lemma_.lower() in ("man", "fighter", "gunman", "loyalist", "follower"):
        owner = next((c for c in tok.children if c.dep_ == "poss" and c.lemma_.lower() in lexicon().leader_heads), None)
        if owner is not None:
            return resolve(owner, state, country, want_armed)  # "a gang leader's men": the leader's group
    if tok.lower_ in ("he", "she") and state.last_person is not None:
        return Resolved(state.last_person, None, tok)
    earlier = _earlier_object(tok)
    if earlier is not None:  # "surrounded a family and attacked them": the family
        return resolve(earlier, state, country, want_armed)
    said_by = speaker_of_own_act(tok)
    if said_by is not None:
        own_act = resolve(said_by, state, country, want_armed)
        if own_act.actor is not None:  # "the Israeli military said it struck ...": the military
            return Resolved(own_act.actor, own_act.kind, tok)
    partitive = tok.lower_ in PARTITIVES and tok.dep_ in ("nsubj", "nsubjpass") and not list(tok.children)
    if tok.lower_ in PRONOUNS or tok.tag_ in ("PRP", "PRP$") or partitive:
        target = _forces_acted_on(tok, state, country)  # ("they threw stones at officers": not the police)
        back = state.recent(armed_nonstate=want_armed, exclude=target) or state.recent(exclude=target)
        if tok.lower_ in ("he", "she", "him", "her") and back is not None and (back.type or "") in ("protesters", "rioters"):
            back = None  # "He was arrested ...": one person, never the crowd of the protest before
        return Resolved(back, None, tok)
    lower = tok.lemma_.lower()
    acting = lexicon().act_modifier_kinds.get(tok.lower_)
    if acting is not None and tok.dep_ in ("amod", "compound") and tok.head.pos_ == "NOUN":
        # "a security operation", "police raids": the word before the act names the state's force
        return Resolved(generic(state, acting, _demonym_country(tok.head, state.registry) or country), acting, tok)
    # (or the parser made the nationality the object of "by" and the weapon a clause of its own:
    # "killed by Russian shelling"; or the subject of the weapon read as a gerund that is itself
    # a noun's part: "Ukrainian shelling of the town wounded a woman")
    weapon = (
        tok.head
        if tok.dep_ == "amod" or gerund_nationality(tok) and tok.head.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj")
        else tok.nbor(1) if tok.dep_ == "pobj" and tok.i + 1 < len(tok.doc) else None
    )
    if (
        weapon is not None
        and tok.lower_ in lexicon().demonyms
        and weapon.pos_ in ("NOUN", "VERB")
        and (noun_key(weapon) or ("", ""))[1] in ("air", "shelling")
    ):
        # "Russian shelling killed two", "an Israeli air strike": the state whose forces fired
        # (not "Palestinian attacks": people of a nation, no state's forces; "an Iraqi militia
        # drone strike": an armed group of that country, not its state's forces)
        fired_by = "unidentified" if _nonstate_beside(tok) else "military"
        return Resolved(generic(state, fired_by, lexicon().demonyms[tok.lower_]), fired_by, tok)
    side = _weapon_of(tok)
    if side is not None and side.dep_ == "amod":
        # "shot down 40 Russian drones": the forces of the state that flew them
        return Resolved(generic(state, "military", lexicon().demonyms[side.lower_]), "military", side)
    if side is not None:  # "drones launched by Russia": the side that launched them
        return resolve(side, state, country, want_armed)
    # ("all five attackers", "both gunmen": every one of a group told before, as "the" tells it)
    has_the = any(c.dep_ in ("det", "predet") and c.lower_ in ("the", "this", "that", "all", "both") for c in tok.children) or any(
        c.dep_ == "nummod" and any(q.dep_ == "quantmod" and q.lower_ == "all" for q in c.children) for c in tok.children
    )
    command = _under_command(tok, state, country)
    if command is not None:  # "rebels under OPS", "US forces under the Global Coalition"
        return Resolved(command, None, tok)
    own = _speakers_forces(tok, state, country)
    if own is not None:  # "Russia's defence ministry said its forces had captured ...": Russia's
        return own
    actor = _registry_match(tok, state.registry, country)
    if actor is not None:
        bare = BARE_GENERIC.get(actor.name)
        own_name = _named_force(tok, state.registry) if bare == "military" else None
        if own_name is not None:  # "the Kuki National Army": a group of that name, not the state's army
            return Resolved(own_name, "unidentified", tok)
        if bare in ("military", "police") and _kind(tok) in ("unidentified", "police"):
            bare = _kind(tok)  # "separatist forces", "police forces": the head alone named the army
        if bare == "unidentified" and (named := _fighters_of(tok, state, country, want_armed)) is not None:
            return named  # "rebels of the National Salvation Front": the front, not unidentified rebels
        if bare in ("gang", "unidentified") and (named_group := _armed_name(tok)) is not None:
            return Resolved(named_group, None, tok)  # "the Gran Grif gang": the gang of that name
        if bare is not None and not actor.country:
            c = _demonym_country(tok, state.registry)
            force = _force_named_before(tok, state, bare, has_the) if c is None else None
            if force is not None:
                return Resolved(force, _kind(tok) or bare, tok)
            c = c or country
            if bare == "unidentified" and has_the:
                prev = state.salient(_demonym_country(tok), exclude=_own_subject(tok, state))
                if prev is not None:
                    return Resolved(prev, None, tok)
            return Resolved(generic(state, bare, c) if c else actor, _kind(tok) or bare, tok)
        return Resolved(actor, _kind(tok) if actor.type in ("civilians", "state forces") else None, tok)
    affiliate = _linked_to(tok, state.registry, country)
    if affiliate is not None:  # "Islamic State-linked insurgents": that group's fighters
        return Resolved(affiliate, None, tok)
    militia = _identity_militia(tok, state, country, want_armed)
    if militia is not None:
        return Resolved(militia, "unidentified", tok)
    kind = _kind(tok)
    if want_armed and tok.lower_ in lexicon().herder_heads and tok.dep_ == "nsubj" and tok.head.lemma_.lower() not in ("die", "perish"):
        kind = "unidentified"  # "suspected herders attacked two villages": armed men, no crowd
    if kind == "unidentified":  # "fighters of (from) the People's Defence Force" (before any anaphora)
        named = _fighters_of(tok, state, country, want_armed)
        if named is not None:
            return named
    if (
        (has_the or tok.tag_ == "NNS" and not _unknown_doers(tok))
        and lower in ANAPHORS
        and lower not in ("group",)
        or has_the
        and lower == "group"
        # "troops repelled the attackers": the doers of the incident told, named again
        or has_the
        and lower in lexicon().doer_anaphors
    ):
        # (not the subject of its own verb: "peacekeepers deployed to the site repelled the attackers")
        prev = state.salient(_demonym_country(tok), exclude=_own_subject(tok, state))
        if prev is not None:
            return Resolved(prev, None, tok)
    words = {t.lower_ for t in tok.subtree if t.i <= tok.i}
    if "foreign" in words and not words & FOREIGN_OFFICE or lower in ("occupier", "invader"):
        return Resolved(Actor("Foreign Forces", "external/other forces", None), "military", tok)
    marker = next(
        (c for c in tok.children if c.dep_ in ("amod", "compound") and c.lower_ in lexicon().armed_markers), None
    ) if tok.lemma_.lower() in lexicon().leader_heads else None  # fmt: skip
    if marker is not None:
        # "a rebel commander": one of the rebels the text names, else an unnamed armed group ("a
        # gang leader": an unnamed gang)
        group = "gang" if lexicon().kinds.get(marker.lower_) == "gang" else "unidentified"
        prev = state.salient(_demonym_country(tok))
        return Resolved(prev or generic(state, group, country), group, tok)
    official = _official(tok, state, country)
    if official is not None:
        return Resolved(official, None, tok)
    if kind in ("police", "military") and tok.pos_ == "PROPN" and tok.lower_ in lexicon().kinds:
        # "the Divisional Police Officer" written as a title: a member of the force, no place or name
        return Resolved(generic(state, kind, _demonym_country(tok, state.registry) or country), kind, tok)
    if _attacked_town(tok, state):
        return Resolved(None, "civilians", tok)  # "militants attacked Namava": its inhabitants
    ent = _entity_fallback(tok, state)
    if ent is not None:
        if kind == "unidentified":
            ent.type = "rebel group"  # "X militants": a named armed group the registry lacks
        elif ent.name.split()[-1].lower() in lexicon().armed_name_heads:
            ent.type = "political militia"  # "the Gulf Cartel", "the Red Brigade": named as armed
        return Resolved(ent, None, tok)
    armed_name = _armed_name(tok)
    if armed_name is not None:
        return Resolved(armed_name, None, tok)
    collective = _collective(tok, state, country, want_armed)
    if collective is not None:
        return collective
    person = _national(tok, state)
    if person is not None:
        return person
    if kind is not None:
        # "a checkpoint of the Syrian Democratic Forces": the group it belongs to, named
        owner = _of_object(tok) if tok.lemma_.lower() in lexicon().armed_places else None
        owned = _registry_match(owner, state.registry, country) if owner is not None else None
        if owned is not None and is_armed(owned):
            return Resolved(owned, None, tok)
        hosted = _hosted(tok) if tok.lemma_.lower() in lexicon().armed_places else None
        if hosted is not None:  # "a base hosting U.S. troops": the force it holds
            found = resolve(hosted, state, country, want_armed)
            if found.actor is not None and is_armed(found.actor):
                return found
        c = _demonym_country(tok, state.registry)
        force = _force_named_before(tok, state, kind, has_the) if c is None else None
        if force is not None:
            return Resolved(force, kind, tok)
        c = c or country
        if kind == "unidentified":
            prev = state.salient(_demonym_country(tok)) if has_the else None
            if prev is not None:
                return Resolved(prev, None, tok)
        return Resolved(generic(state, kind, c), kind, tok)
    return Resolved(None)


def _weapon_of(tok: Token) -> Token | None:
    """Who a weapon named as a party belongs to: the nationality before it ("40 Russian drones":
    read as that state's forces) or the doer that launched or fired it ("drones launched by
    Russia")."""
    if tok.pos_ != "NOUN":
        return None
    lex = lexicon()
    demonym = next((c for c in tok.children if c.dep_ == "amod" and c.lower_ in lex.demonyms), None)
    launched = next((c for c in tok.children if c.dep_ == "acl" and c.lemma_.lower() in lex.projectile_verbs), None)
    # (the weapon test last: it runs a pattern per kind of weapon, and most nouns have neither)
    if (demonym is None and launched is None) or not any(rx.fullmatch(tok.lower_) for _, rx in lex.instruments):
        return None
    if demonym is not None and ((noun_key(tok) or ("", ""))[1] in ("air", "shelling") or tok.lemma_.lower() in ("drone", "uav")):
        return demonym
    return by_agent(launched) if launched is not None else None


def _unknown_doers(tok: Token) -> bool:
    """Armed men the writer does not tie to the group told before: "suspected militants", "unknown
    gunmen", or bare "militants" in a sentence that tells another incident ("In a separate
    incident, militants set off a bomb")."""
    if any(c.dep_ == "amod" and c.lower_ in lexicon().unknown_doer_modifiers for c in tok.children):
        return True
    return other_incident(tok.sent.text)


def _earlier_object(tok: Token) -> Token | None:
    """The object of the first of two conjoined verbs, for an object pronoun of the second
    ("seized two men and beat them"): the people the sentence has just named, not whoever an
    earlier sentence named last."""
    if tok.lower_ not in ("them", "him", "her") or tok.dep_ not in ("dobj", "pobj"):
        return None
    verb = tok.head
    if tok.dep_ == "pobj":  # "... and fired rubber bullets at them", "... and fired at them"
        verb = verb.head if verb.head.pos_ == "VERB" or verb.head.dep_ != "dobj" else verb.head.head
    if verb.dep_ != "conj" or verb.pos_ != "VERB":
        return None
    first = verb.head
    if first.pos_ != "VERB":
        return None
    return next((c for c in first.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")), None)


def _acronym_noun(tok: Token) -> Token | None:
    """The noun after a number and an acronym the parser took for a verb ("3 IS militants",
    "2 IS suicide bombers"): the head the number counts."""
    doc = tok.doc
    k = tok.i + 1
    if k + 1 >= len(doc) or not _CAPITALS.fullmatch(doc[k].text) or doc[k].pos_ not in ("AUX", "VERB"):
        return None
    for j in range(k + 1, min(k + 4, len(doc))):
        if doc[j].pos_ != "NOUN":
            return None
        if j + 1 >= len(doc) or doc[j + 1].pos_ != "NOUN":
            return doc[j]
    return None


def _identity_militia(tok: Token, state: DocState, country: str | None, want_armed: bool) -> Actor | None:
    """ACLED's identity militias, named by the community they are organised around: "suspected
    Fulani militiamen" -> Fulani Ethnic Militia (Mali), "Al Hayash tribesmen" -> Al Hayash Tribal
    Militia (Yemen), "militias from the Hawadle clan" -> Hawadle Clan Militia (Somalia),
    "communal militias from Odejo" -> Odejo Communal Militia (Nigeria); unnamed, "Unidentified
    Clan Militia (Somalia)". Heads, markers and ethnic groups: data/events/roles.yaml."""
    lex = lexicon()
    low = tok.lower_
    words = [t for t in tok.subtree if t.i < tok.i]
    # "the Masalit attacked", "Masalit and Rizeigat groups clashed": armed doers named by their
    # ethnic group alone, or a group of one
    ethnic = want_armed and (
        low in lex.ethnic_groups or low in ("group", "groups") and any(t.lower_ in lex.ethnic_groups for t in words)
    )
    # "the Koli caste attacked", "members of the Abgal clan attacked": the community's name
    # before its marker, as the doer of violence
    # ("members of the X community" fighting among themselves with sticks are rioters to ACLED)
    community = (want_armed and tok.pos_ == "NOUN" and low not in lex.militia_heads
                 and lex.identity_markers.get(low) not in (None, "Communal"))
    if not ethnic and not community and (low not in lex.militia_heads or low in lex.herder_heads and not want_armed):
        return None
    if low in lex.ethnic_groups:
        words = [*words, tok]
    for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("of", "from")):
        for obj in (p for p in prep.children if p.dep_ == "pobj"):
            words += [t for t in obj.subtree if t.i <= obj.i]
    c = _militia_country(tok, state, country)
    if c is None:
        return None
    for i, t in enumerate(words):
        pair = f"{t.lower_} {words[i + 1].lower_}" if i + 1 < len(words) else ""
        group = lex.ethnic_groups.get(pair) or lex.ethnic_groups.get(t.lower_)
        if group is not None:
            return _militia(group, "Ethnic", c)
    mark = next((t for t in [*words, tok] if t.lower_ in lex.identity_markers), None)
    if mark is None:
        return None
    marker = lex.identity_markers[mark.lower_]
    if (low in ("gunmen", "fighters") or low in lex.herder_heads) and marker == "Communal":
        return None

    def named(t: Token) -> bool:
        return t.pos_ == "PROPN" and t.lower_ not in lex.demonyms and t.lower_ not in lex.kinds and "-" not in t.text

    # the proper name just before the marker ("Kamuku communal militiamen", "the Abgal clan"), else
    # the place the militia is from ("communal militias from Odejo")
    name: list[str] = []
    i = mark.i - 1
    while i >= 0 and named(tok.doc[i]):
        name.insert(0, tok.doc[i].text)
        i -= 1
    if not name:
        name = [t.text for t in words if t.i > tok.i and named(t)][:3]
    if community and not name:
        return None  # "members of the community": which one, the text does not say
    return _militia(" ".join(name) if name else "Unidentified", marker, c)


def _militia_country(tok: Token, state: DocState, country: str | None) -> str | None:
    """Where an identity militia acts, as ACLED names the country: the text's, else the one its
    words' demonym tells."""
    c = country or _demonym_country(tok, state.registry)
    return (state.registry.country_name(c) or c) if c is not None else None


def _militia(label: str, marker: str, country: str) -> Actor:
    """ACLED's name of an identity militia: "Fulani Ethnic Militia (Mali)"."""
    return Actor(f"{label} {marker} Militia ({country})", "identity militia", country)


def identity_pair(tok: Token, state: DocState, country: str | None) -> tuple[Actor, Actor] | None:
    """Two identity militias one phrase names, one for each name of a coordination: "Fulani and
    Dogon communal militias", "militias from the Abgaal and Murusade clans", "militias from Odejo
    and Ikare" (communal militias of two towns); else None. Heads, markers and ethnic groups:
    data/events/roles.yaml."""
    lex = lexicon()
    if tok.lower_ not in lex.militia_heads and tok.lower_ not in lex.identity_markers:
        return None
    c = _militia_country(tok, state, country)
    if c is None:
        return None
    # the head, the object of "from"/"of" after it, or its apposition ("two clan militias (the
    # Payira and Koch)")
    holders = [tok, *(a for a in tok.children if a.dep_ == "appos")]
    holders += [p for r in tok.children if r.dep_ == "prep" and r.lower_ in ("of", "from") for p in r.children if p.dep_ == "pobj"]
    own = [t for t in tok.subtree if t.i <= tok.i]
    for holder in holders:
        marks = [t for t in (*holder.children, holder, *own) if t.lower_ in lex.identity_markers]
        marker = lex.identity_markers[marks[0].lower_] if marks else "Communal"
        firsts = [t for t in holder.children if t.i < holder.i and t.dep_ in ("nmod", "compound", "amod")]
        for first in [*firsts, *([holder] if holder is not tok else [])]:
            second = next((t for t in first.children if t.dep_ == "conj"), None)
            if second is None:
                continue
            names = [_identity_name(t) for t in (first, second)]
            if not all(names):
                continue
            # ("Taliban and ISKP fighters": groups the registry knows, no communities)
            known = [state.registry.match(n, country) for n in names]
            sides = [
                k if k is not None
                else _militia(lex.ethnic_groups[n.lower()], "Ethnic", c)
                if n.lower() in lex.ethnic_groups
                else _militia(n, marker, c)
                for n, k in zip(names, known, strict=True)
            ]
            return sides[0], sides[1]
    return None


def _identity_name(tok: Token) -> str:
    """A community's proper name at ``tok`` with the proper names compounded before it ("Habar
    Gidir"), or an ethnic group's name; else ""."""
    if tok.lower_ in lexicon().ethnic_groups:
        return tok.text
    # (a capitalised name the tagger read as an adjective counts: "the Ayr and Saleban clans")
    if not (tok.pos_ == "PROPN" or tok.text[:1].isupper() and tok.is_alpha) or tok.lower_ in lexicon().demonyms:
        return ""
    parts = [t.text for t in tok.children if t.dep_ == "compound" and t.i < tok.i and t.pos_ == "PROPN"]
    return " ".join([*parts, tok.text])


def _under_command(tok: Token, state: DocState, country: str | None) -> Actor | None:
    """Fighters told as serving under a named operation, coalition or group ("opposition rebels
    under OPS", "US forces under the Global Coalition"): ACLED codes them as that actor."""
    if _kind(tok) not in ("unidentified", "military"):
        return None
    for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "under"):
        for obj in (p for p in prep.children if p.dep_ == "pobj"):
            named = _registry_match(obj, state.registry, country)
            if named is not None and named.name not in BARE_GENERIC and is_armed(named) and not is_state(named):
                return named
    return None


def _armed_name(tok: Token) -> Actor | None:
    """A capitalised name the tagger missed whose head names an armed organisation ("the Gulf
    Cartel", "the Black Brigade": roles.yaml ``armed_name_heads``), as a political militia; so is
    a name before the head in lower case ("the Gran Grif gang": Gran Grif Gang)."""
    if tok.lower_ not in lexicon().armed_name_heads:
        return None
    capital = tok.pos_ == "PROPN" and tok.text[:1].isupper()
    words = [
        c for c in tok.children
        if c.dep_ == "compound" and c.i < tok.i and c.text[:1].isupper() and (capital or c.pos_ == "PROPN")
    ]  # fmt: skip
    if not words or words[0].i + len(words) != tok.i:
        return None
    if not capital:  # (the whole name before the head: "the 400 Mawozo gang", "the Gran Grif gang")
        digits = [c for c in tok.children if c.dep_ == "nummod" and c.text.isdigit() and c.i < words[0].i]
        name = tok.doc[min(w.left_edge.i for w in words + digits) : tok.i]
        if not all(w.text[:1].isupper() or w.text.isdigit() for w in name) or not _own_name(list(name)):
            return None
        return Actor(f"{name.text} {tok.text.capitalize()}", "political militia", None)
    return Actor(tok.doc[words[0].i : tok.i + 1].text, "political militia", None)


def _own_name(words: list[Token]) -> bool:
    """Capitalised words that name a group of their own, not a people or a country ("Gran Grif",
    not "Haitian" or "Mexican")."""
    demonyms = lexicon().demonyms
    return not any(w.lower_ in demonyms or w.ent_type_ == "NORP" for w in words)


def _attacked_town(tok: Token, state: DocState) -> bool:
    """The object of an act is a town or village (not a country or a party): one the gazetteer
    knows, or one the words after it place (``_placed_by_next_words``)."""
    if tok.dep_ != "dobj" or tok.pos_ != "PROPN" or state.registry.country_name(tok.text) is not None:
        return False
    ent = ent_at(tok)
    from ..places import Gazetteer  # the gazetteer is loaded once, beside the registry

    names = {tok.text, ent.text} if ent is not None and ent.label_ in ("GPE", "LOC", "FAC") else {tok.text}
    return any(Gazetteer.default().is_settlement(name) for name in names) or _placed_by_next_words(tok)


_UNITS = ADMIN1_CUES | ADMIN2_CUES
_COUNTRYSIDE = frozenset({"countryside", "outskirts", "suburbs", "environs"})  # "in the countryside of Idleb"


@lru_cache(maxsize=1)
def armed_words() -> frozenset[str]:
    """Words that make a name an armed group's, a force's or a party's ("brigade", "forces")."""
    lex = lexicon()
    return frozenset(lex.kinds) | lex.armed_name_heads | lex.armed_markers | lex.party_nouns


def _placed_by_next_words(tok: Token) -> bool:
    """A name the gazetteer lacks is a place when the words after it place it: the units that
    hold it ("attacked Nambavo (Pemba-Metuge, Cabo Delgado)"), a known place it is in ("shelled
    Kafrmousa in the countryside of Idleb"), or a unit's own cue ("attacked Tarkwande in Guma
    LGA", parsed with "LGA" as the object). A name that says it is an armed group or a force
    ("Jaysh al-Izza brigade", "the Rapid Forces") is no place, nor an acronym."""
    name = [c for c in tok.lefts if c.dep_ in ("compound", "nmod", "amod") and c.pos_ == "PROPN"] + [tok]
    armed = armed_words()
    if any(t.lower_ in armed or t.lemma_.lower() in armed or t.text.isupper() and t.lower_ not in _UNITS for t in name):
        return False
    if tok.lower_ in _UNITS:
        return len(name) > 1
    after = tok.doc[tok.i + 1 : min(tok.i + 10, tok.sent.end)]
    if len(after) >= 2 and after[0].text == "(":
        return after[1].is_title
    if not after or after[0].lower_ not in ("in", "near", "outside"):
        return False
    for t in after[1:]:
        if t.is_punct or t.pos_ in ("VERB", "AUX"):
            return False
        if t.ent_type_ in ("GPE", "LOC") or t.lower_ in _UNITS or t.lower_ in _COUNTRYSIDE:
            return True
    return False


def _leader_of(tok: Token) -> Token | None:
    """Who a group is told as led by: "a team led by the station house officer"."""
    for acl in tok.children:
        if acl.dep_ == "acl" and acl.lemma_.lower() == "lead" and acl.tag_ == "VBN":
            return by_agent(acl)
    return None


def _collective(tok: Token, state: DocState, country: str | None, want_armed: bool) -> Resolved | None:
    """"army units", "a team of police", "the positions of the military forces of X": the
    participant named by the collective noun's "of" phrase or its modifiers."""
    if tok.lower_ not in lexicon().collectives and tok.lemma_.lower() not in lexicon().collectives:
        return None
    of = _of_object(tok)
    if of is not None:
        inner = resolve(of, state, country, want_armed)
        # (not a person's name: "supporters of Imran Khan" are no actor called Imran Khan)
        if inner.actor is not None and not (of.ent_type_ == "PERSON" and inner.actor.type is None):
            return Resolved(inner.actor, inner.kind, tok)
    leader = _leader_of(tok)
    if leader is not None:  # "a team led by the SHO": the force its leader commands
        led = resolve(leader, state, country, want_armed)
        if led.kind not in ("police", "military") and (force := _of_object(leader)) is not None:
            led = resolve(force, state, country, want_armed)  # "a deputy superintendent of police"
        if led.kind in ("police", "military"):
            return Resolved(led.actor, led.kind, tok)
    lex = lexicon()
    # the modifiers of the head, and of a noun compounded with it ("a pro-Houthi weapons depot")
    mods = [*tok.children, *(g for c in tok.children if c.dep_ == "compound" for g in c.children)]
    for child in sorted(mods, key=lambda c: -c.i):
        if child.dep_ in ("compound", "amod", "nmod", "poss") and child.i < tok.i:
            name = state.registry.match(child.text)
            if name is not None and BARE_GENERIC.get(name.name) is None:
                return Resolved(name, None, tok)
            kind = lex.kinds.get(child.lower_) or lex.kinds.get(child.lemma_.lower())
            if kind is None and child.lower_ in lex.ruler_words:
                kind = "military"  # "regime positions": the government's forces
            if kind is not None:
                c = _demonym_country(tok, state.registry) or country
                return Resolved(generic(state, kind, c), kind, tok)
    demonym = next((c for c in tok.children if c.dep_ == "amod" and c.lower_ in lex.demonyms), None)
    if tok.lemma_.lower() in lex.armed_collectives and demonym is not None:
        # "Ukrainian units", "Russian positions": a state's demonym on a part of a force
        return Resolved(generic(state, "military", lex.demonyms[demonym.lower_]), "military", tok)
    return None


def _national(tok: Token, state: DocState) -> Resolved | None:
    """"a Palestinian", "two Afghans": a person named by nationality is a civilian of that country."""
    if tok.ent_type_ != "NORP" or tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ in ("compound", "amod"):
        return None
    country = state.registry.country_name(tok.text) or state.registry.country_name(tok.lemma_)
    if country is None and tok.text.endswith("s"):
        country = state.registry.country_name(tok.text[:-1])
    if country is None:
        return None
    return Resolved(generic(state, "civilians", country), "civilians", tok)


def _phrase_words(tok: Token) -> list[Token]:
    """The noun phrase up to its head plus appositions ("Joe Biden, the US president")."""
    words = [t for t in tok.subtree if t.i <= tok.i]
    for c in tok.children:
        if c.dep_ == "appos":
            words += [t for t in c.subtree]
    return words


def _official(tok: Token, state: DocState, country: str | None) -> Actor | None:
    """A titled official speaks for a government: "US President Joe Biden", "an Afghan defense
    ministry spokesman" -> Government of X (the person stays in the summary). ACLED never codes
    persons as actors; PLOVER/POLECAT code the person's affiliation."""
    words = _phrase_words(tok)
    lows = {t.lower_ for t in words}
    known = state.people.get(tok.text) if tok.ent_type_ == "PERSON" or tok.pos_ == "PROPN" else None
    if known is not None:
        return known  # "Trump" after "Former US president Donald Trump"
    actor = _titled(tok, words, lows, state, country)
    if actor is not None and tok.ent_type_ == "PERSON":
        state.people[tok.text] = actor
    return actor


def _titled(
    tok: Token, words: list[Token], lows: set[str], state: DocState, country: str | None
) -> Actor | None:
    if (
        not lows & lexicon().government_titles
        or tok.lower_ in ("leader", "leaders", "chief", "general")
        and tok.ent_type_ != "PERSON"
        or lows & lexicon().nonstate_markers  # "a rebel commander", "a militia spokesman"
        # "the former prime minister", "an ousted governor", "former prime minister Imran Khan":
        # no longer the government
        or lows & lexicon().former_title_words
        # "regime positions", "regime forces": the government's forces, not the government
        or tok.lemma_.lower() in lexicon().armed_collectives
    ):
        return None
    reg = state.registry
    c = None
    for t in words:
        # (a country's name the model tags otherwise: "Niger's military junta", Niger an ORG)
        if t.lower_ in lexicon().demonyms or t.ent_type_ in ("GPE", "NORP") or t.pos_ == "PROPN":
            c = reg.country_name(t.text) or reg.country_name(lexicon().demonyms.get(t.lower_, ""))
            if c:
                break
    if c is None:
        for prep in (c2 for c2 in tok.children if c2.dep_ == "prep" and c2.lower_ in ("of", "from")):
            obj = next((p for p in prep.children if p.dep_ == "pobj"), None)
            if obj is None:
                continue
            org = _registry_match(obj, reg)
            if org is not None:
                return org
            c = reg.country_name(obj.text)
            if prep.lower_ == "from" and c is None:
                return None  # "ministers from the allies": whose, we cannot tell
    if (
        c is None
        and tok.ent_type_ not in ("PERSON", "")
        and not lows & {"ministry", "president", "government"}
    ):
        return None
    if c is None and tok.lemma_.lower() == "counterpart":
        return None  # "met her counterpart": another government's, which the text does not name
    c = c or country
    return generic(state, "government", c) if c else None


def _entity_fallback(tok: Token, state: DocState | None = None) -> Actor | None:
    """A named organization in the phrase, when the registry does not know it."""
    countries = set(lexicon().demonyms.values())
    for ent in filter(None, [ent_at(tok)]):
        if (
            ent.start <= tok.i < ent.end
            and ent.label_ == "GPE"
            and (tok.dep_ != "pobj" or tok.head.lower_ == "by")
        ):
            name = (
                state.registry.country_name(re.sub(r"(?i)^the\s+", "", ent.text))
                if state is not None
                else None
            )
            if name is not None and state is not None:
                return generic(state, "government", name)  # "blamed Russia": the state as a participant
            if ent.text in countries:
                return Actor(ent.text, "state", ent.text)
        if ent.start <= tok.i < ent.end and ent.label_ in ("ORG", "NORP", "PERSON"):
            if ent.label_ == "NORP" and (
                ent.text.lower() in lexicon().demonyms or ent.text.lower().removesuffix("s") in lexicon().demonyms
            ):
                return None  # "Palestinians", "Afghans": people named by nationality, not an organisation
            if ent.text.lower() in lexicon().kinds or ent.text.lower().rstrip("s") in lexicon().kinds:
                return None  # "Jihadists", "Militants" tagged as a group name: a kind of actor, not a name
            if len(ent) == 1 and tok.pos_ == "NOUN" and tok.text[1:].islower() and (tok.i == tok.sent.start or tok.text.islower()):
                # "Warplanes dropped ...", "its warplanes struck": a common noun, capitalized
                # only as the sentence's first word
                return None
            # (the whole name the model tagged, which the registry may know: "the Volunteers for
            # the Defence of the Homeland", whose head alone it does not)
            known = state.registry.find(ent.text) if state is not None and len(ent.text) <= 150 else []
            if known:
                return known[0][2]
            # "the 444 Brigade": the name without its article (nor a bracket the model took in)
            return Actor(re.sub(r"(?i)^the\s+", "", ent.text).rstrip(" (["), None, None)
    return None


def raw_actor(tok: Token | None) -> Actor | None:
    """The phrase itself as a named participant (verbal events only, never ACLED-coded ones)."""
    if tok is None or tok.pos_ not in ("NOUN", "PROPN"):
        return None
    text = _left_text(tok)
    return Actor(text[0].upper() + text[1:], None, None) if text else None


def _own_subject(tok: Token, state: DocState) -> Actor | None:
    """The actor the subject of the verb that ``tok`` is the object of names, if the registry
    knows it ("MONUSCO peacekeepers ... repelled the attackers": MONUSCO)."""
    verb = tok.head if tok.dep_ == "dobj" else tok.head.head if tok.dep_ == "pobj" else None
    # ("intervened and repelled the attackers": the subject they share, however the parse hangs it)
    subj, passive = subject(verb) if verb is not None else (None, False)
    if subj is None or passive:
        return None
    return state.registry.match(tok.doc[subj.left_edge.i : subj.i + 1].text)
