"""Who holds a place on a front, for fire whose perpetrator the text does not name.

Ceasefire monitors and ACLED attribute fire observed at a place one side holds to the other
side. The zones, their parties and the places each holds are data (``data/control/areas.yaml``,
and ``control/areas.yaml`` in a user's data folder); this module reads them and answers, for an
event's place and date, which party holds it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ...model import Cite, Location
from ..gazetteer_data import DATA_DIR, fold, loose_key
from ..phrase_finder import PhraseFinder
from ..user_data import user_files
from ..yaml_files import load_yaml

AREAS = "control/areas.yaml"

#: a name followed by one of these words is a province or a party, not the settlement
#: ("Donetsk region", "Luhansk People's Republic")
_NOT_A_SETTLEMENT = re.compile(
    r"\s{0,3}(?:region|oblast|province|governorate|people|republic|militia|authorities|separatist)",
    re.I,
)


@dataclass(frozen=True)
class Zone:
    name: str
    country: str
    admin1: frozenset[str]  # folded
    start: str
    end: str
    holder: str
    other: str
    places: dict[str, bool]  # loose key of a settlement's spelling -> held by the other party
    area: tuple[tuple[float, float], ...]  # (lat, lon) vertices of the other party's area
    finder: PhraseFinder

    def in_period(self, date: str | None) -> bool:
        return bool(date) and self.start <= str(date)[:10] <= self.end

    def held_by_other(self, loc: Location, words: list[str]) -> bool | None:
        """Whether the other party holds the place (None: the zone does not tell). A district
        (a place named as its own admin2 unit) is read by its name only: it may span the line."""
        for name in [*words, loc.name]:
            side = self.places.get(loose_key(name))
            if side is not None:
                return side
        if (
            fold(loc.admin1 or "") not in self.admin1
            or loc.lat is None
            or loc.lon is None
            or loc.name == loc.admin2
        ):
            return None
        return bool(self.area) and _inside(loc.lat, loc.lon, self.area)

    def named_place(self, text: str) -> tuple[int, int, bool] | None:
        """The first listed settlement the text names: (start, end, held by the other party)."""
        for s, e in self.finder.finditer(text):
            if _NOT_A_SETTLEMENT.match(text, e):
                continue
            side = self.places.get(loose_key(text[s:e]))
            if side is not None:
                return s, e, side
        return None


def _inside(lat: float, lon: float, poly: tuple[tuple[float, float], ...]) -> bool:
    """Ray casting on the plane of latitude and longitude (zones are small enough)."""
    inside = False
    j = len(poly) - 1
    for i in range(len(poly)):
        (ya, xa), (yb, xb) = poly[i], poly[j]
        if (ya > lat) != (yb > lat) and lon < (xb - xa) * (lat - ya) / (yb - ya) + xa:
            inside = not inside
        j = i
    return inside


def _zone(entry: dict[str, Any], path: Path) -> Zone:
    period = entry.get("period") or {}
    places: dict[str, bool] = {}
    spellings: list[str] = []
    for key, side in (("holder_places", False), ("other_places", True)):
        for names in entry.get(key) or []:
            for name in [names] if isinstance(names, str) else names:
                places[loose_key(str(name))] = side
                spellings.append(str(name))
    try:
        return Zone(
            name=str(entry.get("name") or entry["country"]),
            country=str(entry["country"]),
            admin1=frozenset(fold(str(a)) for a in entry.get("admin1") or ()),
            start=str(period.get("start") or "0000"),
            end=str(period.get("end") or "9999"),
            holder=str(entry["holder"]),
            other=str(entry["other"]),
            places=places,
            area=tuple((float(v[0]), float(v[1])) for v in entry.get("other_area") or ()),
            finder=PhraseFinder(spellings, word=r"[\w-]"),
        )
    except (KeyError, TypeError, ValueError, IndexError) as exc:
        raise ValueError(f"{path}: zone {entry.get('name')!r}: {exc}") from exc


@lru_cache(maxsize=1)
def zones() -> tuple[Zone, ...]:
    """The packaged zones, then the user's."""
    out: list[Zone] = []
    for path in [DATA_DIR / AREAS, *user_files(AREAS)]:
        data = load_yaml(path.read_text(encoding="utf-8")) or {}
        out += [_zone(entry, path) for entry in data.get("zones") or []]
    return tuple(out)


@dataclass(frozen=True)
class Control:
    """The parties at an event's place: who holds it and who does not, and the words that named it."""

    holder: str
    other: str
    words: list[Cite]


def control_at(
    location: Location | None, text: str, start: int, clause: str, date: str | None, country: str | None
) -> Control | None:
    """Who holds the event's place, by the zones: its location (cited in the document ``text``)
    or, placed no closer than the country, a listed settlement its clause names (``clause`` is
    ``text`` from ``start``)."""
    where = (location.country if location is not None else None) or country
    for zone in zones():
        if where != zone.country or not zone.in_period(date):
            continue
        side: bool | None = None
        words: list[Cite] = []
        if location is not None and (location.geo_precision or 3) < 3:
            words = [(s, e, "territorial control") for s, e, _ in location.cited if 0 <= s < e <= len(text)]
            side = zone.held_by_other(location, [text[s:e] for s, e, _ in words])
        elif location is None or location.admin1 is None:  # the country only
            named = zone.named_place(clause)
            if named is not None:
                side, words = named[2], [(start + named[0], start + named[1], "territorial control")]
        if side is None or not words:
            continue
        return Control(zone.other, zone.holder, words) if side else Control(zone.holder, zone.other, words)
    return None


def front_namesake(location: Location | None, text: str, date: str | None) -> Location | None:
    """For fire across a front: the namesake of the event's place (a small town the gazetteer put
    outside the zone) inside a zone's admin1 units, when its country has a zone in that period
    ("shelling near Serhiivka" in Ukraine in 2020: Donetsk oblast's, not Poltava's); else None."""
    if location is None:
        return None
    from .document import namesake_within

    for zone in zones():
        if location.country != zone.country or not zone.in_period(date) or not zone.admin1:
            continue
        words = [text[s:e] for s, e, basis in location.cited if basis is None and 0 <= s < e <= len(text)]
        # a settlement the zone lists ("Pervomaisk") is the zone's, however large a namesake elsewhere
        listed = any(loose_key(w) in zone.places for w in [*words, location.name])
        found = namesake_within(location, words, zone.admin1, listed)
        if found is not None:
            return found
    return None
