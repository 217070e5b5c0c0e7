"""What the whole document tells every event in it: its country (demonyms, dateline, places),
the actors named so far, and the place an event is located at."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from ...clean.dateline import dateline_places
from ...model import Actor, Cite, Location
from ..actors import ActorRegistry
from ..cites import with_basis
from ..place_names import abroad_demonym
from ..places import Gazetteer
from ..recase import nlp_view
from .arguments import ent_at, resolve
from .docstate import DocState
from .lexicon import lexicon

if TYPE_CHECKING:
    from spacy.tokens import Span

    from ..context import Context

@lru_cache(maxsize=1)
def actor_registry() -> ActorRegistry:
    return ActorRegistry.default()


@lru_cache(maxsize=1)
def _gazetteer() -> Gazetteer:
    return Gazetteer.default()


def locate(ctx: Context, start: int, end: int, guess: bool = True) -> Location | None:
    try:
        return _gazetteer().locate(ctx, start, end, guess)
    except Exception:  # noqa: BLE001 - a gazetteer failure must not lose the event
        return None


def dateline_town(ctx: Context) -> Location | None:
    try:
        return _gazetteer().dateline_town(ctx)
    except Exception:  # noqa: BLE001 - a gazetteer failure must not lose the event
        return None


def namesake_within(loc: Location, names: list[str], admin1: frozenset[str], listed: bool) -> Location | None:
    try:
        return _gazetteer().namesake_within(loc, names, admin1, listed)
    except Exception:  # noqa: BLE001 - a gazetteer failure must not lose the event
        return None


def voted_country(ctx: Context) -> str | None:
    """The document's country by the gazetteer's reading (None when nothing points at one)."""
    try:
        return _gazetteer().dominant_country(ctx)
    except Exception:  # noqa: BLE001 - a gazetteer failure must not lose the event
        return None


def country_only_location(
    actor1: Actor | None,
    actor2: Actor | None,
    state: DocState,
    actor_words: tuple[list[Cite], list[Cite]],
    ctx: Context | None = None,
) -> Location | None:
    """No findable place: the country the text shows (its places, demonyms, the actors' country)
    at ACLED's precision 3, never a guessed town. Cited with the words that named the country.
    The gazetteer's reading of the document comes first: there an armed force's demonym only
    breaks a tie ("Israeli forces raided ... Palestinian residents": the residents' country)."""
    voted = voted_country(ctx) if ctx is not None else None
    actors = [a.country for a in (actor1, actor2) if a is not None and a.country]
    # the country of the last event the text placed comes first: the story goes on there ("Thousands
    # rallied in Tbilisi against a law like one used in Russia. On Wednesday, police clashed with
    # protesters": Georgia, though Russia's name outvotes a city's)
    told = state.last_location.country if state.last_location is not None else None
    country, words = None, []
    for option in dict.fromkeys(c for c in (told, voted, state.country(), *actors) if c):
        words = [state.country_words[option]] if option in state.country_words else []
        for actor, named in zip((actor1, actor2), actor_words, strict=True):
            if not words and actor is not None and actor.country == option and named:
                words = with_basis(named, "actor's country")
        if option == told and state.last_location is not None:
            words = words or with_basis(state.last_location.cited, "narrative place")
        if words or option != voted:  # the gazetteer's country only with words that name it
            country = option
            break
    if not country:
        return None
    try:
        hits = [h for h in _gazetteer().lookup(country) if h.geo_precision == 3 and h.name == h.country]
    except Exception:  # noqa: BLE001 - a gazetteer failure must not lose the event
        hits = []
    return hits[0].citing(*words) if hits else None


def seed_country(ctx: Context, state: DocState) -> None:
    """Country evidence from demonyms and country names in the body (for generic actors)."""
    lex = lexicon()
    view = nlp_view(ctx.document.text)  # what was parsed: not the Doc's text, rebuilt from its tokens
    for para in ctx.paragraphs:
        text = view[para.start : para.end]
        for start, end in lex.demonym_finder.finditer(text):
            word = text[start:end].lower()
            if word in ("us", "u.s.", "american") or (word == "us" and text[start:end] != "US"):
                continue
            if abroad_demonym(text, end):  # "Saudi-led coalition airstrikes": not where it happened
                continue
            state.count_country(lex.demonyms[word], 1, (para.start + start, para.start + end, "gazetteer"))
        # "the OSCE SMM observed ...", "Houthi forces shelled ...": a named actor of one country
        # tells the document's country before its first sentence is read (a weak vote, as a demonym)
        try:
            found = actor_registry().find(text)
        except Exception:  # noqa: BLE001 - an actor lookup failure must not lose the events
            found = []
        for start, end, actor in found:
            if actor.country:
                state.count_country(actor.country, 1, (para.start + start, para.start + end, "actor's country"))
    for span in ctx.cleaned.boilerplate:  # "MOGADISHU, March 2 (Wire) -": where the reporter is
        if span.kind != "dateline":
            continue
        places = dateline_places(ctx.document.text, span.start)
        if not places:
            continue
        name, lo, hi = places[0]
        try:
            hits = _gazetteer().lookup(name.title())
        except Exception:  # noqa: BLE001 - a gazetteer failure must not lose the events
            hits = []
        if hits and hits[0].country:
            state.count_country(hits[0].country, 2, (lo, hi, "dateline"))


def remember_sentence(sent: Span, state: DocState) -> None:
    persons = {
        (e.start, e.end): e for e in (ent_at(t) for t in sent if t.ent_type_ == "PERSON") if e is not None
    }
    for (
        ent
    ) in persons.values():  # "President Hassan Sheikh Mohamud said ... He blamed ...": officials for "he"
        if ent.label_ == "PERSON":
            actor = resolve(ent.root, state, state.country())
            if actor.actor is not None:
                state.last_person = actor.actor
    try:
        found = state.registry.find(sent.text, state.country())
    except Exception:  # noqa: BLE001
        found = []
    for _, _, found_actor in sorted(found, key=lambda x: x[0]):
        state.see(found_actor)
