"""Offline gazetteer and place resolution (ACLED geo_precision 1/2/3).

Owner: actors/places helper. Contract (used by events and figures):
- ``Gazetteer.default()``
- ``gazetteer.lookup(name, country=None) -> list[Location]``
- ``gazetteer.locate(ctx, start, end) -> Location | None``: the place of what [start, end) describes
- ``ruler_patterns() -> list[dict]``: spaCy entity-ruler patterns so places are not tagged PERSON
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import Location

if TYPE_CHECKING:
    from .context import Context


class Gazetteer:
    @classmethod
    def default(cls) -> Gazetteer:
        return cls()

    def lookup(self, name: str, country: str | None = None) -> list[Location]:
        return []

    def locate(self, ctx: Context, start: int, end: int) -> Location | None:
        return None


def ruler_patterns() -> list[dict[str, object]]:
    return []
