"""The figures lexicon (``sitrep/data/figures/lexicon.json``) compiled once, and the actor
registry and gazetteer figures use."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from ..actors import ActorRegistry
from ..places import Gazetteer

_STOP = r"(?:of|in|on|at|were|was|are|is|have|has|had|and|or|to|the|from|by|with|than|who|that|which|a|an|as|for|since|last|this)"

@dataclass(frozen=True)
class _Lex:
    nouns: dict[str, str]
    noun_re: re.Pattern[str]  # modifiers + head noun right after a number
    noun_any: re.Pattern[str]  # a head noun anywhere (look-back)
    people: frozenset[str]
    outcomes: dict[str, str]
    outcome_re: re.Pattern[str]
    share: dict[str, str]
    share_re: re.Pattern[str]
    fraction_re: re.Pattern[str]
    fractions: dict[str, float]
    demonyms: dict[str, str]
    demonym_re: re.Pattern[str]
    sources: dict[str, str]
    source_re: re.Pattern[str]
    source_noun_re: re.Pattern[str]
    planned: re.Pattern[str]
    possible: re.Pattern[str]
    skip_after: re.Pattern[str]
    skip_before: re.Pattern[str]
    months: frozenset[str]
    before_re: re.Pattern[str]  # an outcome verb right before the number ("killed at least 12 people")
    outcomes_before: dict[str, str]
    inherit_re: re.Pattern[str]  # "..., including four children": the previous figure's outcome


def _alt(words: Any) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _lex() -> _Lex:
    raw = json.loads(
        resources.files("sitrep.data").joinpath("figures/lexicon.json").read_text(encoding="utf-8")
    )
    nouns = raw["nouns"]
    noun_alt = _alt(nouns)
    outcomes = raw["outcomes"]
    mods = rf"(?:(?!{_STOP}\b)[A-Za-z][\w.'\u2019-]*\s+){{0,4}}?"
    return _Lex(
        nouns=nouns,
        noun_re=re.compile(rf"^(?:\s+|-)(?P<mods>{mods})(?P<noun>{noun_alt})\b", re.IGNORECASE),
        noun_any=re.compile(
            rf"(?P<mods>(?:[A-Za-z][\w.'\u2019-]*\s+){{0,3}}?)(?P<noun>{noun_alt})\b", re.IGNORECASE
        ),
        people=frozenset(raw["people_measures"]),
        outcomes=outcomes,
        outcome_re=re.compile(
            rf"^(?:\s*,\s*(?:including|among them|mostly|most of them)\s[^,;.]{{1,60}},)?"
            rf"\s+(?:(?:who\s+)?(?:were|was|have\s+been|had\s+been|has\s+been|are|is|being|been|have|had|has)\s+)?(?:\w+ly\s+)?(?P<o>{_alt(outcomes)})\b",
            re.IGNORECASE,
        ),
        share=raw["share_nouns"],
        share_re=re.compile(
            rf"^\s+of\s+(?:the\s+|its\s+|their\s+|all\s+)?(?:\w+\s+)?(?P<n>{_alt(raw['share_nouns'])})\b",
            re.IGNORECASE,
        ),
        fraction_re=re.compile(
            rf"\b(?:(?P<qual>just over|just under|more than|nearly|almost|about|around|roughly|over|less than|some)\s+)?"
            rf"(?P<f>{_alt(raw['fractions'])})\s+(?:of\s+)?(?:the\s+|its\s+|all\s+)?(?P<n>{_alt(raw['share_nouns'])})\b",
            re.IGNORECASE,
        ),
        fractions={k.lower(): float(v) for k, v in raw["fractions"].items()},
        demonyms=raw["demonyms"],
        demonym_re=re.compile(rf"(?<![\w.])(?:{_alt(raw['demonyms'])})(?![\w])", re.IGNORECASE),
        sources=raw["sources"],
        source_re=re.compile(rf"(?<![\w.])(?:{_alt(raw['sources'])})(?![\w])", re.IGNORECASE),
        source_noun_re=re.compile(rf"(?P<x>(?:[A-Z][\w.&'-]*\s+){{1,4}}?)(?:{_alt(raw['source_nouns'])})\b"),
        planned=re.compile(raw["planned"], re.IGNORECASE),
        possible=re.compile(raw["possible"], re.IGNORECASE),
        skip_after=re.compile(raw["skip_after"], re.IGNORECASE),
        skip_before=re.compile(raw["skip_before"], re.IGNORECASE),
        months=frozenset(raw["months"]),
        before_re=re.compile(rf"\b(?P<o>{_alt(raw['outcomes_before'])})\s+$", re.IGNORECASE),
        outcomes_before={k.lower(): v for k, v in raw["outcomes_before"].items()},
        inherit_re=re.compile(raw["inherit_before"], re.IGNORECASE),
    )


@lru_cache(maxsize=1)
def _registry() -> ActorRegistry:
    return ActorRegistry.default()


@lru_cache(maxsize=1)
def _gazetteer() -> Gazetteer:
    return Gazetteer.default()


