"""Organizations as speakers: the actor registry, canonical organization names, and the
organization words of a description ("An Afghan defense ministry spokesman" -> "Afghan defense ministry")."""

from __future__ import annotations

import re
from functools import lru_cache

from ...model import Actor, Speaker
from ..actors import ActorRegistry
from .lexicon import lexicon

_DET = re.compile(r"^(?:the|a|an|its|their|his|her)\s+", re.IGNORECASE)
_INSTITUTION = frozenset(
    [
        "ministry",
        "army",
        "police",
        "government",
        "forces",
        "office",
        "council",
        "department",
        "command",
        "agency",
        "mission",
        "defense",
        "defence",
        "interior",
        "foreign",
        "security",
        "intelligence",
        "presidential",
        "national",
        "military",
    ]
)
_BAD_SUBJECT = frozenset(
    [
        "report",
        "reports",
        "study",
        "data",
        "figures",
        "estimate",
        "estimates",
        "survey",
        "poll",
        "analysis",
        "document",
    ]
)


@lru_cache(maxsize=1)
def registry() -> ActorRegistry:
    return ActorRegistry.default()


def actor_for(*texts: str | None) -> Actor | None:
    """Resolve a name or description to a registry actor (None while unresolvable)."""
    reg = registry()
    for t in texts:
        if not t:
            continue
        a = reg.match(_DET.sub("", t.strip()))
        if a:
            return a
        found = reg.find(t)
        if found:
            return found[0][2]
    return None


def org_name(text: str) -> str:
    """Canonical organization name: the registry's, else the phrase without its article."""
    stripped = _DET.sub("", text.strip(" ,.;:")).strip()
    a = registry().match(stripped)
    return a.name if a else stripped


def org_speaker(text: str) -> Speaker:
    """An organization speaking: its canonical name (the registry's) as ``name``, the words the
    text names it with as ``organization`` ("The White House said" -> name "Government of the
    United States", organization "White House")."""
    surface = _DET.sub("", text.strip(" ,.;:")).strip()
    return Speaker(name=org_name(text), organization=surface or None, body=True)


def is_org(sp: Speaker | None) -> bool:
    """Is the speaker an organization (not a person, not an unnamed description)?"""
    return sp is not None and bool(sp.name) and (sp.body or sp.name == sp.organization)


#: a phrase saying where or when the subject was counted ('a third of farmers in a spring survey')
# (?<!\s): tried where a run of spaces begins only, not again from each of its positions (linear)
_WHERE_COUNTED = re.compile(r"(?<!\s)\s+(?:in|from|at|during)\s")


def is_bad_subject(text: str) -> bool:
    """A document or a count as subject ('the report said', 'a new poll shows'): not a speaker.
    People counted in one speak ('farmers in a spring survey'), and a capitalized word is a name
    ('the Marine Survey said')."""
    words = text.split()
    head = _WHERE_COUNTED.split(text, maxsplit=1)[0].split()
    return bool(words) and words[-1] in _BAD_SUBJECT and (head or words)[-1] in _BAD_SUBJECT


def _desc_org(text: str) -> str | None:
    """Organization words of a description: "An Afghan defense ministry spokesman" -> "Afghan defense ministry"."""
    a = actor_for(text)
    if a:
        return a.name
    lex = lexicon()
    words = _DET.sub("", text).split()
    keep: list[str] = []
    for w in words:
        if w.lower() in lex.roles and w.lower() not in _INSTITUTION:
            break
        if w[:1].isupper() or w.lower() in _INSTITUTION:
            keep.append(w)
        else:
            keep = []
    return " ".join(keep) or None
