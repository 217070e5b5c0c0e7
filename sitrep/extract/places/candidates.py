"""Gazetteer rows by name: the candidates a name may denote, best first, and their locations."""

from __future__ import annotations

import gzip
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from ...model import Location
from ..gazetteer_coverage import stoplist
from ..gazetteer_data import fold, gazetteer_lines, loose_key, skeleton
from ..user_data import user_files
from ..yaml_files import load_yaml
from .records import (
    _KIND_RANK,
    _MAX_LOOKED_UP,
    _SMALL_TOWN,
    GAZ_DIR,
    VILLAGE,
    Place,
    _Mention,
    _Rows,
    admin1_groups,
)

if TYPE_CHECKING:
    from ..context import Context


class Candidates:
    """The places by name (landmarks, regions and a user's places added), with the lookups."""

    def __init__(self, places: _Rows, index: dict[str, list[int]], countries: dict[str, str]) -> None:
        self.places = places
        self.index = index
        self.countries = countries  # ISO2 -> short name
        self._country_cc = {fold(v): k for k, v in countries.items()} | {k.lower(): k for k in countries}
        self.stop = stoplist()
        self.demonyms = _demonyms(countries)
        self.capitals: dict[str, str] = {}  # ISO2 -> capital name
        self._memory: dict[int, tuple[Context, list[_Mention], str | None, list[int]]] = {}
        self._looked_up: dict[tuple[str, str | None], tuple[Place, ...]] = {}  # every word run asks again
        self._skeletons: dict[str, dict[str, list[int]]] = {}  # ISO2 -> consonant key -> rows

    def _add_landmarks(self) -> None:
        data = load_yaml((GAZ_DIR / "landmarks.yaml").read_text(encoding="utf-8"))
        for lm in data.get("landmarks", []):
            base = self._candidates(lm["place"], lm["country"])
            if not base:
                continue
            b = base[0]
            p = Place(
                "landmark", b.name, b.cc, b.admin1, b.admin2, b.lat, b.lon, b.population, lm["precision"]
            )
            self._index(p, lm["names"])
        for rg in data.get("regions", []):
            self._index(Place("region", rg["name"], rg["country"], "", "", None, None, 0, 3), rg["names"])
        for path in user_files("gazetteer/places.yaml"):
            self._add_user_places(path)

    def _add_user_places(self, path: Path) -> None:
        """A user's places with their coordinates (docs/extending.md): found before a packaged
        place of the same name."""
        data = load_yaml(path.read_text(encoding="utf-8")) or {}
        for entry in data.get("places", []):
            cc = self._cc(entry["country"])
            if cc is None:
                raise ValueError(f"{path}: unknown country {entry['country']!r} for place {entry['name']!r}")
            kind = entry.get("kind", "city")
            place = Place(
                kind, entry["name"], cc, entry.get("admin1", ""), entry.get("admin2", ""),
                float(entry["lat"]) if entry.get("lat") is not None else None,
                float(entry["lon"]) if entry.get("lon") is not None else None,
                int(entry.get("population", 0)), entry.get("precision"),
            )  # fmt: skip
            self._index(place, [entry["name"], *entry.get("aliases", [])])

    def _index(self, place: Place, names: list[str]) -> None:
        self.places.append(place)
        self._looked_up.clear()
        for n in names:
            self.index.setdefault(loose_key(n), []).insert(0, len(self.places) - 1)

    # ---- lookups ----
    def _cc(self, country: str | None) -> str | None:
        if not country:
            return None
        c = country.strip()
        return c.upper() if c.upper() in self.countries else self._country_cc.get(fold(c))

    def _candidates(self, name: str, country: str | None = None) -> list[Place]:
        key = (name, country)
        known = self._looked_up.get(key)
        if known is None:
            if len(self._looked_up) >= _MAX_LOOKED_UP:
                self._looked_up.clear()
            known = self._looked_up[key] = tuple(self._ranked(name, country))
        return list(known)

    def _ranked(self, name: str, country: str | None) -> list[Place]:
        out = [self.places[i] for i in self.index.get(loose_key(name), [])]
        cc = self._cc(country)
        if cc:
            out = [p for p in out if p.cc == cc]
        exact = fold(name)
        # (but a city's name cut short is not, beside a province so named: "in Bihar" is the
        # state, not Bihar Sharif)
        unit_named = any(p.kind == "admin1" and fold(p.name) == exact for p in out)
        # a country's name or alias before any town so named ("America": not Argentina's America)
        # a village so named after the province ("in Michoacan": the state, not a hamlet of 600)
        out.sort(
            key=lambda p: (
                p.kind != "country",
                # (a city of size by another spelling is as good as exact: "Mogilev", Mahilyow)
                fold(p.name) != exact
                and not (p.kind == "city" and p.population >= 100_000 and not (unit_named and fold(p.name).startswith(exact + " "))),
                _KIND_RANK[p.kind] + (1.5 if p.kind == "city" and p.population < _SMALL_TOWN else 0),
                # ... but of two such, the one so written ("Puno" is Puno, not Pune by an alias)
                fold(p.name) != exact,
                -p.population,
            )
        )
        return out

    def respelled(self, name: str, cc: str) -> list[Place]:
        """The towns and districts of one country whose name or alias differs from ``name`` only
        as transliterations do ("Quamishli": Al Qamishli), best first, then the country's villages
        so spelled (``_villages``); none for a short key."""
        key = skeleton(name)
        if len(key) < MIN_SKELETON:
            return []
        if cc not in self._skeletons:
            self._skeletons[cc] = _skeleton_index(cc)
        out = [self.places[i] for i in self._skeletons[cc].get(key, ())]
        # then the country's villages (data/gazetteer/villages.tsv.gz) so spelled: among a
        # hundred thousand names, other spellings would mostly be other villages
        villages = _villages(cc).get(loose_key(name), [])
        return sorted(out, key=lambda p: (_KIND_RANK[p.kind], -p.population)) + villages

    def respelled_major(self, name: str) -> list[Place]:
        """The provinces and towns of 100,000 or more, of any country, whose name or alias differs
        from ``name`` only as transliterations do ("Sulaimaniyah": Sulaymaniyah), best first."""
        key = skeleton(name)
        if len(key) < MIN_SKELETON:
            return []
        out = [self.places[i] for i in _major_skeletons().get(key, ())]
        return sorted(out, key=lambda p: (_KIND_RANK[p.kind], -p.population))

    def to_location(self, p: Place, near: bool = False) -> Location:
        country = self.countries.get(p.cc, p.cc)
        if p.kind == "country":
            return Location(name=p.name, country=p.name, geo_precision=3)
        if p.kind == "region":
            return Location(name=p.name, country=country, geo_precision=3)
        precision = p.precision or {"city": 1, "admin2": 2, "admin1": 3}[p.kind]
        if near and precision == 1:
            precision = 2
        lat, lon = p.lat, p.lon
        if lat is None and p.kind == "admin2" and p.admin1:
            # a district whose seat the gazetteer lacks ("Al Hali, Al Hudaydah"): the coordinates
            # of its province's seat, so only as precise as the province (ACLED's precision 3)
            unit = next((q for q in self._candidates(p.admin1, p.cc) if q.kind == "admin1" and q.name == p.admin1), None)
            if unit is not None and unit.lat is not None:
                lat, lon, precision = unit.lat, unit.lon, 3
        admin1, admin2 = p.admin1, p.admin2
        group = admin1_groups().get((p.cc, admin1))
        if group is not None:  # "Nablus" of the West Bank: the group, with the unit below it
            admin1, admin2 = group, admin1
        return Location(
            name=p.name,
            admin1=admin1 or None,
            admin2=admin2 or None,
            country=country,
            lat=lat,
            lon=lon,
            geo_precision=precision,
        )

    def is_settlement(self, name: str) -> bool:
        """A town, village or district of that name exists (not only a country or province)."""
        return any(p.kind in ("city", "admin2") for p in self._candidates(name))

    def namesake_within(
        self, loc: Location, names: list[str], admin1: frozenset[str], listed: bool = False
    ) -> Location | None:
        """The namesake of ``loc`` (a small town or district) in one of the ``admin1`` units (folded)
        of its country, when ``loc`` lies outside them ("Serhiivka" in Poltava oblast, read for fire
        on the Donbas front: the Serhiivka of Donetsk oblast), the most populous first; else None.
        ``listed``: the zone's data names the place, so a town of any size is moved."""
        if (loc.geo_precision or 3) >= 3 or fold(loc.admin1 or "") in admin1:
            return None
        found: list[Place] = []
        for name in dict.fromkeys([*names, loc.name]):
            found += [p for p in self._candidates(name, loc.country) if p not in found]
        chosen = [p for p in found if p.name == loc.name and fold(p.admin1) == fold(loc.admin1 or "")]
        if not chosen or any(
            p.kind not in ("city", "admin2") or p.population >= _SMALL_TOWN and not listed for p in chosen
        ):
            return None  # a town of size or a province is not mistaken for a frontline village
        kinds = {p.kind for p in chosen}
        inside = [p for p in found if p.kind in kinds and fold(p.admin1) in admin1]
        if not inside:
            return None
        best = max(inside, key=lambda p: p.population)  # the first of equals
        near = loc.geo_precision == 2 and best.kind == "city"
        # the same name's namesake keeps the spelling the text was read by ("Serhiivka", not the
        # gazetteer's "Serhiyivka")
        name = next((n for n in [*names, loc.name] if best in self._candidates(n, loc.country)), best.name)
        return replace(self.to_location(best, near=near), name=name, cited=loc.cited)

    def lookup(self, name: str, country: str | None = None) -> list[Location]:
        """Every place a name may denote, best first (country, landmark, town by size, province, district)."""
        return [self.to_location(p) for p in self._candidates(name, country)]


#: letters a respelled name's key must keep to be looked up ("Jandairis": jandaras); shorter keys
#: ("Bara": bara) match too many places
MIN_SKELETON = 5


def _skeleton_index(cc: str) -> dict[str, list[int]]:
    """Consonant key -> gazetteer rows (by number) of one country's towns and districts, built on
    first use: a country's rows are a few thousand, all rows' keys would take seconds."""
    out: dict[str, list[int]] = {}
    lines = gazetteer_lines()
    for i in _town_rows().get(cc, ()):
        cols = lines[i].split("\t", 9)
        for name in {cols[1], *cols[8].split("|")} - {""}:
            key = skeleton(name)
            if len(key) >= MIN_SKELETON and i not in out.setdefault(key, []):
                out[key].append(i)
    return out


@lru_cache(maxsize=8)
def _villages(cc: str) -> dict[str, list[Place]]:
    """Loose key -> one country's villages (``data/gazetteer/villages.tsv.gz``, built by
    scripts/build_villages.py from national open data), read on the first name of that country
    the gazetteer lacks. A village is a reading only inside a unit the text names (the caller
    confines it), so its names need not be safe words."""
    if cc not in _village_countries():
        return {}
    out: dict[str, list[Place]] = {}
    with gzip.open(GAZ_DIR / "villages.tsv.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            if not line.startswith(cc + "\t"):
                continue
            _, name, admin1, admin2, lat, lon = line.rstrip("\n").split("\t")
            place = Place("city", name, cc, admin1, admin2, float(lat), float(lon), 0, VILLAGE)
            out.setdefault(loose_key(name), []).append(place)
    return out


@lru_cache(maxsize=1)
def _village_countries() -> frozenset[str]:
    """The countries the village table holds (read once: most countries have none, and asking
    costs them nothing after)."""
    with gzip.open(GAZ_DIR / "villages.tsv.gz", "rt", encoding="utf-8") as fh:
        return frozenset(line.split("\t", 1)[0] for line in fh if not line.startswith("#"))


#: a town this big is known under its other spellings in any country's text
MAJOR_TOWN = 100_000


@lru_cache(maxsize=1)
def _major_skeletons() -> dict[str, list[int]]:
    """Consonant key -> gazetteer rows (by number) of every province and every town of
    ``MAJOR_TOWN`` or more: a few thousand rows, so one index for all countries."""
    out: dict[str, list[int]] = {}
    for i, line in enumerate(gazetteer_lines()):
        cols = line.split("\t", 9)
        if len(cols) < 9 or not (
            cols[0] == "admin1" or cols[0] == "city" and cols[7].isdigit() and int(cols[7]) >= MAJOR_TOWN
        ):
            continue
        for name in {cols[1], *cols[8].split("|")} - {""}:
            key = skeleton(name)
            if len(key) >= MIN_SKELETON and i not in out.setdefault(key, []):
                out[key].append(i)
    return out


@lru_cache(maxsize=1)
def _town_rows() -> dict[str, list[int]]:
    """ISO2 -> the gazetteer rows (by number) of its towns and districts, in one pass."""
    out: dict[str, list[int]] = {}
    for i, line in enumerate(gazetteer_lines()):
        if line.startswith(("city\t", "admin2\t")):
            out.setdefault(line.split("\t", 3)[2], []).append(i)
    return out


def _demonyms(countries: dict[str, str]) -> dict[str, str]:
    """Demonym (folded) -> ISO2, from the actor registry's demonym table."""
    from ..actors import load_demonyms

    return {fold(d): cc for cc, dems in load_demonyms().items() for d in dems if cc in countries}

