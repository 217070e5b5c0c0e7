"""The gazetteer's rows and the place mentions read from a text."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple, Protocol

from ..gazetteer_data import DATA_DIR, fold
from ..user_data import overlaid
from ..yaml_files import load_yaml

GAZ_DIR = DATA_DIR / "gazetteer"
_KIND_RANK = {"country": 0, "landmark": 1, "city": 2, "admin1": 3, "admin2": 4, "region": 5}
#: In one span the most specific place wins: a town over its district over its province.
_SPECIFIC = {"landmark": 0, "city": 1, "admin2": 2, "admin1": 3, "region": 4, "country": 5}
#: A town this small is mostly known only to its neighbours: it votes less for its country.
_SMALL_TOWN = 15_000
_MAX_LOOKED_UP = 100_000  # names remembered with their readings; a bound on memory
#: the precision of a village of the village table (a town's, given explicitly): the mark that
#: tells such a reading from a gazetteer town's
VILLAGE = 1


class Place(NamedTuple):
    """One gazetteer row (a tuple: the gazetteer holds a couple of hundred thousand)."""

    kind: str
    name: str
    cc: str
    admin1: str
    admin2: str
    lat: float | None
    lon: float | None
    population: int
    precision: int | None = None


@dataclass
class _Mention:
    start: int
    end: int
    places: list[Place]
    cue: str | None = None  # admin1, admin2, city
    near: bool = False
    reference: bool = False  # "north of X": X only orients
    chosen: Place | None = None
    partial: bool = False  # the capitalised name goes on ("Buni" of "Buni Yadi"): a guess at best
    contradicted: bool = False  # the province or district named after it does not contain it
    ruled_out: bool = False  # ... said by units named after it (not only by the text's country)
    road: bool = False  # "on Murree road in Rawalpindi", "Kerman Coal Mine Company": a thing named after it
    respelled: bool = False  # a name the gazetteer lacks: its places are its country's other spellings of it
    party: bool = False  # "on the border with Uganda", "drones launched by Russia": a country as a side, not where it happened
    elsewhere: bool = False  # "taken to hospital in X": where the hurt were brought, not where it happened


class Coords(Protocol):
    """Anything placed by latitude and longitude: a gazetteer place or an event's location."""

    @property
    def lat(self) -> float | None: ...

    @property
    def lon(self) -> float | None: ...


def km_between(a: Coords, b: Coords) -> float | None:
    """Great-circle distance, or None when either place has no coordinates."""
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return None
    la1, la2, dlon = math.radians(a.lat), math.radians(b.lat), math.radians(b.lon - a.lon)
    cos = math.sin(la1) * math.sin(la2) + math.cos(la1) * math.cos(la2) * math.cos(dlon)
    return 6371.0 * math.acos(max(-1.0, min(1.0, cos)))


def held_by(p: Place, units: set[tuple[str, str]] | frozenset[tuple[str, str]]) -> bool:
    """Whether one of ``units`` ((country, folded name) of provinces and districts) holds ``p``."""
    return bool({(p.cc, fold(p.admin1)), (p.cc, fold(p.admin2))} & units)


class _Rows:
    """The gazetteer's places by number, each parsed from its text row on first use."""

    __slots__ = ("_items",)

    def __init__(self, lines: Sequence[str]) -> None:
        self._items: list[str | Place] = list(lines)

    def __len__(self) -> int:
        return len(self._items)

    def __getitem__(self, i: int) -> Place:
        item = self._items[i]
        if isinstance(item, Place):
            return item
        kind, name, cc, a1, a2, lat, lon, pop = item.split("\t", 8)[:8]
        place = Place(kind, name, cc, a1, a2, float(lat) if lat else None, float(lon) if lon else None, int(pop))
        self._items[i] = place
        return place

    def append(self, place: Place) -> None:
        self._items.append(place)



@lru_cache(maxsize=1)
def admin1_groups() -> dict[tuple[str, str], str]:
    """(ISO2, first-level unit) -> the larger unit reported instead (``data/gazetteer/admin1_groups.yaml``):
    ("PS", "Nablus") -> "West Bank"."""
    packaged = load_yaml((GAZ_DIR / "admin1_groups.yaml").read_text(encoding="utf-8")) or {}
    data = overlaid(packaged, "gazetteer/admin1_groups.yaml")
    return {
        (cc, unit): group
        for cc, groups in (data.get("groups") or {}).items()
        for group, units in groups.items()
        for unit in units
    }
