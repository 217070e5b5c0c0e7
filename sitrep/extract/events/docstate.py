"""Per-document actor memory (salient actors, country evidence, the running narrative) and the
ACLED actor conventions every step shares: which actors are armed, state or civilian, the generic
actors of a country ("Military Forces of X", "Protesters (X)") and a state's forces named by their
theatre abroad.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ...model import Actor, Cite, Location, RecordDate
from ..actors import ActorRegistry

if TYPE_CHECKING:
    from spacy.tokens import Token

ARMED_HINTS = (
    "rebel",
    "militia",
    "armed",
    "state forces",
    "military",
    "police",
    "insurgent",
    "external",
    "unidentified",
)

GENERIC_NAMES = {
    "military": ("Military Forces of {c}", "state forces"),
    "police": ("Police Forces of {c}", "state forces"),
    "civilians": ("Civilians ({c})", "civilians"),
    "protesters": ("Protesters ({c})", "protesters"),
    "rioters": ("Rioters ({c})", "rioters"),
    "unidentified": ("Unidentified Armed Group ({c})", "unidentified armed group"),
    "gang": ("Unidentified Gang ({c})", "unidentified armed group"),
    "government": ("Government of {c}", "government"),
}


def is_armed(actor: Actor | None) -> bool:
    t = ((actor.type or "") + " " + actor.name).lower() if actor else ""
    return any(h in t for h in ARMED_HINTS) and "civilian" not in t and "protester" not in t


def is_state(actor: Actor | None) -> bool:
    if actor is None:
        return False
    # the type, not the name: the Islamic State is a rebel group
    return (actor.type or "").lower() in STATE_TYPES or actor.name.lower().startswith(
        ("military forces", "police forces", "government of")
    )


STATE_TYPES = frozenset({"state forces", "government", "state"})


def is_civilian(actor: Actor | None) -> bool:
    return actor is not None and "civilian" in ((actor.type or "") + " " + actor.name).lower()


@dataclass
class Resolved:
    actor: Actor | None
    kind: str | None = None  # role noun kind if the actor came from one
    token: Token | None = None


@dataclass
class DocState:
    """Per-document memory: salient actors (most recent last) and country evidence."""

    registry: ActorRegistry
    salience: list[Actor] = field(default_factory=list)
    countries: Counter[str] = field(default_factory=Counter)
    last_location: Location | None = None
    mentions: Counter[str] = field(default_factory=Counter)
    last_sent: dict[str, int] = field(default_factory=dict)
    sent_no: int = 0
    last_person: Actor | None = None
    last_coded_sent: int = -99
    narrative: tuple[RecordDate, int] | None = None  # the last day an event was dated by its own words, and its sentence
    people: dict[str, Actor] = field(default_factory=dict)  # surname -> the official's government
    country_words: dict[str, Cite] = field(default_factory=dict)  # country -> the first words that named it
    # where "the attack took place", told by a sentence that is no event of its own
    told_place: Location | None = None
    # events dated only by the day their report was spoken ("killed 20, residents said on Monday")
    dated_by_speech: set[int] = field(default_factory=set)
    # the state force whose air strikes the document told last: "a strike on a house" in the
    # story of its air campaign is its strike
    air_striker: tuple[Actor, list[Cite]] | None = None

    def count_country(self, country: str, weight: int, words: Cite | None = None) -> None:
        """Evidence that the document is about ``country`` (and the words that gave it, if any)."""
        self.countries[country] += weight
        known = self.country_words.get(country)
        if words is not None and (known is None or known[2] == "actor's country" != words[2]):
            self.country_words[country] = words  # a place or demonym names it better than an actor

    def see(self, actor: Actor | None, words: list[Cite] | None = None) -> None:
        if actor is None or actor.name.startswith(("Civilians", "Unidentified")):
            return
        self.salience = [a for a in self.salience if a.name != actor.name] + [actor]
        self.mentions[actor.name] += 1
        self.last_sent[actor.name] = self.sent_no
        if actor.country:
            named = (words[0][0], words[0][1], "actor's country") if words else None
            self.count_country(actor.country, 1, named)

    def salient(self, country: str | None = None, exclude: Actor | None = None) -> Actor | None:
        """The armed non-state actor a definite description ("the group", "the Afghan insurgent
        group") most likely means: the most mentioned in the document, with a bonus for one
        named in this or the previous sentence; a demonym in the description restricts the
        candidates to that country's actors."""
        best: tuple[float, int, Actor] | None = None
        for rank, a in enumerate(self.salience):
            if exclude is not None and a.name == exclude.name:
                continue
            if is_state(a) or not is_armed(a):
                continue
            if country and a.country != (self.registry.country_name(country) or country):
                continue
            recent = self.sent_no - self.last_sent.get(a.name, -99) <= 1
            score = self.mentions[a.name] + (3 if recent else 0)
            if best is None or (score, rank) > best[:2]:
                best = (score, rank, a)
        return best[2] if best else None

    def country(self) -> str | None:
        return self.countries.most_common(1)[0][0] if self.countries else None

    def state_force(self, kind: str) -> Actor | None:
        """The state force of ``kind`` ("military", "police") the document named last: the one
        "the army" goes back to, wherever the act takes place."""
        forces = self._state_forces(kind)
        return forces[-1] if forces else None

    def only_state_force(self, kind: str) -> Actor | None:
        """The one state force of ``kind`` the document has named, when it named no other country's:
        the one bare "troops" are ("Israeli forces raided Jenin ... troops fired tear gas")."""
        named = {a.name: a for a in self._state_forces(kind)}
        return next(iter(named.values())) if len(named) == 1 else None

    def _state_forces(self, kind: str) -> list[Actor]:
        """The state forces of ``kind`` the document has named, in the order it named them."""
        return [a for a in self.salience if a.country and generic(self, kind, a.country).name == a.name]

    def recent(self, armed_nonstate: bool = False, exclude: Actor | None = None) -> Actor | None:
        for a in reversed(self.salience):
            if exclude is not None and a.name == exclude.name:
                continue
            if armed_nonstate and (is_state(a) or not is_armed(a)):
                continue
            return a
        return None


def generic(state: DocState, kind: str, country: str | None) -> Actor:
    """ACLED-style generic actor; the registry's ``generic`` wins when it exists."""
    gen = getattr(state.registry, "generic", None)
    if gen is not None and country:
        try:
            got = gen(kind, country)
            if got is not None:
                return (
                    got
                    if isinstance(got, Actor)
                    else Actor(str(got), GENERIC_NAMES.get(kind, ("", None))[1], country)
                )
        except (KeyError, ValueError, TypeError):
            pass
    pattern, typ = GENERIC_NAMES[kind]
    name = pattern.format(c=country) if country else pattern.split(" (")[0].replace(" of {c}", "")
    return Actor(name, typ, country)


def theatre(actor: Actor | None, where: str | None, state: DocState) -> Actor | None:
    """A state's forces abroad that ACLED names by their operation in that theatre ("Saudi forces"
    in Yemen: Operation Restoring Hope): registry aliases bound to the theatre's country."""
    if actor is None or not where or actor.country == where or not actor.name.startswith("Military Forces of"):
        return actor
    named = state.registry.match(actor.name, where)
    if named is None or named.name == actor.name or named.name.startswith("Military Forces of"):
        return actor
    return named
