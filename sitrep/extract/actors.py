"""The actor registry: canonical actors, aliases, types and countries, loaded from data files.

Owner: actors/places helper. Contract (used by events and statements):
- ``ActorRegistry.default(extra_files=())``
- ``registry.match(text) -> Actor | None``: a noun phrase or name -> actor, or None
- ``registry.find(text) -> list[tuple[int, int, Actor]]``: every alias occurrence in a string
- ``ruler_patterns() -> list[dict]``: spaCy entity-ruler patterns for actor names
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ..model import Actor


class ActorRegistry:
    def __init__(self) -> None:
        self._aliases: dict[str, Actor] = {}

    @classmethod
    def default(cls, extra_files: Iterable[Path] = ()) -> ActorRegistry:
        return cls()

    def match(self, text: str) -> Actor | None:
        return self._aliases.get(text.strip().lower())

    def find(self, text: str) -> list[tuple[int, int, Actor]]:
        return []


def ruler_patterns() -> list[dict[str, object]]:
    return []
