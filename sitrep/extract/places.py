"""Offline gazetteer and place resolution (ACLED geo_precision 1/2/3).

Owner: actors/places helper. Contract (used by events and figures):
- ``Gazetteer.default()``
- ``gazetteer.lookup(name, country=None) -> list[Location]``
- ``gazetteer.locate(ctx, start, end) -> Location | None``: the place of what [start, end) describes
- ``ruler_patterns() -> list[dict]``: spaCy entity-ruler patterns so places are not tagged PERSON

Precision follows ACLED: 1 a named town, 2 near a town or a district, 3 a province, a region
or a country. A province mention gives the province (name = province, coordinates of its seat).
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from ..model import Cite, Location
from .gazetteer_coverage import abbreviations, coverage, cue_words, stoplist
from .gazetteer_data import DATA_DIR, fold, gazetteer_lines, loose_key
from .phrase_finder import PhraseFinder
from .place_names import (
    ADMIN1_CUES,
    ADMIN2_CUES,
    CITY_CUES,
    DIRS,
    LIST_GAP,
    abroad_demonym,
    after_name,
    continues_list,
    goes_on_after,
    goes_on_before,
    heads_thing,
    in_brackets,
    leading_country,
    name_goes_on,
)
from .user_data import user_files
from .yaml_files import load_yaml

if TYPE_CHECKING:
    from .context import Context

GAZ_DIR = DATA_DIR / "gazetteer"
_KIND_RANK = {"country": 0, "landmark": 1, "city": 2, "admin1": 3, "admin2": 4, "region": 5}
#: In one span the most specific place wins: a town over its district over its province.
_SPECIFIC = {"landmark": 0, "city": 1, "admin2": 2, "admin1": 3, "region": 4, "country": 5}
#: A town this small is mostly known only to its neighbours: it votes less for its country.
_SMALL_TOWN = 15_000
_MAX_LOOKED_UP = 100_000  # names remembered with their readings; a bound on memory
_UNIT_CUES = ADMIN1_CUES | ADMIN2_CUES | CITY_CUES  # "province", "district", "town"...
_NEAR = {"near", "outside", "outskirts", "around", "nearby", "vicinity"}
_REGION_RE = re.compile(
    rf"\b(?:in|across|of)\s+the\s+{DIRS}(?:ern)?\b(?!\s+of\s+[A-Z]|\s+(?:city|town|village|province|district|state|region|part)\b)|\b{DIRS}(?:ern)?\s+([A-Z][a-z]+)",
    re.I,
)
_BACKREF_RE = re.compile(
    r"\b[Tt]he\s+(?:(?P<demonym>[A-Z][a-z]+)\s+)?(city|town|village|province|district|area|region)\b|\bthere\b|\b[Tt]he\s+(?:[A-Z][a-z]+\s+)?capital\b"
)
#: "Chhattisgarh's Bijapur", "Nigeria's northwestern Kaduna": the first place contains the second
_POSSESSIVE_GAP = re.compile(rf"['’]s\s+(?:{DIRS}(?:ern)?\s+)?\Z", re.I)
_CAPITAL_RE = re.compile(r"\b[Tt]he\s+([A-Z][a-z]+)?\s*capital\b")
_SKIPPED_NAME = re.compile(r"\s{0,3}[(,]\s{0,3}[A-Za-z][\w'’ -]{0,30},\s{0,3}")
_UNIT_OF = re.compile(  # bounded gaps: linear time on a long run of spaces
    r"\s{1,20}(?:district|province|village|town|city|municipality|county|subdistrict|sub-district|commune|"
    r"area|governorate|locality|tehsil|LGA|neighbou?rhood)\s{1,20}(?:of|in)\s{1,20}(?:the\s{1,20})?"
)
#: Lower-case words inside a place's name: "Kut e Abdollah", "Sao Sebastiao da Boa Vista"
_LINKS = {"e", "i", "ye", "ul", "al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "de", "del", "da", "do", "dos",
          "das", "di", "du", "des", "la", "las", "los", "bin", "ibn"}  # fmt: skip
#: "Ara in As-Sweida", "Karama in eastern Raqqa": a place, then the unit that holds it
_IN_UNIT = re.compile(rf"\s{{1,3}}in\s{{1,3}}(?:the\s{{1,3}})?(?:{DIRS}(?:ern)?\s{{1,3}})?", re.I)
#: "Girardot municipality, Cojedes state", "Arso district (Keerom, Papua)": a unit, then the one that holds it
_UNIT_THEN = re.compile(
    r"\s{1,3}(?:district|province|village|town|city|municipality|county|subdistrict|sub-district|commune|governorate|"
    r"department|state|region|area|locality|tehsil|taluka|LGA|sector)\s{0,3}[,(]\s{0,3}"
)
_QUARTER = {"neighborhood", "neighbourhood", "quarter", "suburb", "neighborhoods", "neighbourhoods", "community", "colonia", "barrio"}
#: "the area of X", "the outskirts of X": X is a place
_AREA = {"area", "areas", "outskirts", "vicinity", "countryside", "environs", "suburbs", "surroundings"}
_QUALIFIER = re.compile(rf"{DIRS}(?:ern)?|the|rural|upper|lower|greater|central", re.I)


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


class Gazetteer:
    """Countries, admin1, admin2 (Afghanistan, neighbours, conflict countries) and towns."""

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

    @classmethod
    def default(cls) -> Gazetteer:
        return _default()

    @classmethod
    def load(cls) -> Gazetteer:
        # rows stay text until a lookup reaches them: only the index is built up front
        lines = gazetteer_lines()
        index: dict[str, list[int]] = {}
        countries: dict[str, str] = {}
        for i, line in enumerate(lines):
            if line.startswith("country\t"):
                _kind, name, cc, _rest = line.split("\t", 3)
                countries[cc] = name
            for key in line[line.rindex("\t") + 1 :].split():
                if key in index:
                    index[key].append(i)
                else:
                    index[key] = [i]
        places = _Rows(lines)
        gaz = cls(places, index, countries)
        for row in (GAZ_DIR / "countries.tsv").read_text(encoding="utf-8").splitlines():
            parts = row.split("\t")
            if len(parts) > 3 and parts[3]:
                gaz.capitals[parts[0]] = parts[3]
        gaz._add_landmarks()
        return gaz

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
        # a country's name or alias before any town so named ("America": not Argentina's America)
        out.sort(key=lambda p: (p.kind != "country", fold(p.name) != exact, _KIND_RANK[p.kind], -p.population))
        return out

    def to_location(self, p: Place, near: bool = False) -> Location:
        country = self.countries.get(p.cc, p.cc)
        if p.kind == "country":
            return Location(name=p.name, country=p.name, geo_precision=3)
        if p.kind == "region":
            return Location(name=p.name, country=country, geo_precision=3)
        precision = p.precision or {"city": 1, "admin2": 2, "admin1": 3}[p.kind]
        if near and precision == 1:
            precision = 2
        return Location(
            name=p.name,
            admin1=p.admin1 or None,
            admin2=p.admin2 or None,
            country=country,
            lat=p.lat,
            lon=p.lon,
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

    # ---- documents ----
    def _analyse(self, ctx: Context) -> tuple[list[_Mention], str | None]:
        mentions, dominant, _ = self._indexed(ctx)
        return mentions, dominant

    def _indexed(self, ctx: Context) -> tuple[list[_Mention], str | None, list[int]]:
        """Place mentions in text order, the dominant country, and the mentions' start offsets."""
        cached = self._memory.get(id(ctx))
        if cached and cached[0] is ctx:
            return cached[1], cached[2], cached[3]
        mentions: list[_Mention] = []
        for para in ctx.paragraphs:
            mentions += self._scan(para)
        votes: Counter[str] = Counter()  # in half votes: a shared reading counts half
        first_seen: dict[str, int] = {}  # where the text first pointed at each country
        text = ctx.document.text
        readings: dict[str, set[str]] = {}  # countries each distinct name may be in
        outside = self._outside_units(mentions, text)
        for m in mentions:
            if m.partial or id(m) in outside:
                continue
            # a name whose best reading outweighs the others votes for its country ("Kunduz": the
            # Afghan city, province and district, not a Turkish village's alternate name; "Athens":
            # the Greek capital, not the American towns named after it)
            cc = leading_country(m.places)
            if cc:
                # a country's name counts most, a village (found only through "in X") least
                small = all(p.kind == "city" and p.population < _SMALL_TOWN for p in m.places if p.cc == cc)
                votes[cc] += 4 if m.places[0].kind == "country" else 1 if small else 2
            readings.setdefault(fold(text[m.start : m.end]), set()).update(p.cc for p in m.places)
        # an ambiguous name still tells which countries are possible: a country that several
        # different names could all be in ("San Miguel, Puno") is the likely one
        shared = Counter(cc for ccs in readings.values() for cc in sorted(ccs))
        for cc, n in shared.items():
            if n > 1:
                votes[cc] += n - 1
        for start, end in self._demonyms.finditer(text):
            demonym_cc = self.demonyms.get(fold(text[start:end]))
            if demonym_cc and not abroad_demonym(text, end):  # "Saudi forces shelled ...": the actors' country, weaker than a place
                votes[demonym_cc] += 1
                first_seen.setdefault(demonym_cc, start)
        # "the OSCE SMM observed ...", "Houthi forces shelled ...": a named actor of one country
        # votes as a demonym does (not a name that is itself a place: "Kyiv" already voted)
        for start, end, actor in self._actors(text):
            actor_cc = self._cc(actor.country)
            if actor_cc and not any(m.start < end and start < m.end for m in mentions):
                votes[actor_cc] += 1
                first_seen.setdefault(actor_cc, start)
        # "San Antonio (Valparaiso)", "Bariirre, Afgooye": a town inside the unit named after it
        # tells the country both lie in
        for m, unit in zip(mentions, mentions[1:], strict=False):
            if m.partial or unit.partial or not LIST_GAP.fullmatch(text, m.end, unit.start):
                continue
            units = {(p.cc, fold(p.name)) for p in unit.places if p.kind in ("admin1", "admin2")}
            inside = sorted({p.cc for p in m.places if {(p.cc, fold(p.admin1)), (p.cc, fold(p.admin2))} & units})
            if len(inside) == 1:
                votes[inside[0]] += 2
        # a tie goes to the country named first (never to the order of a hash)
        first_named: dict[str, tuple[int, int]] = {}
        for m in mentions:
            for rank, p in enumerate(m.places):
                first_named.setdefault(p.cc, (m.start, rank))
        for cc, at in first_seen.items():
            if at < first_named.get(cc, (len(text), 0))[0]:
                first_named[cc] = (at, 0)
        dominant = (
            min(votes, key=lambda cc: (-votes[cc], first_named.get(cc, (len(text), 0)), cc)) if votes else None
        )
        # a name cut from a longer one ("Abu" of "Abu Salim") stands only in the document's country
        kept = []
        for m in mentions:
            if m.partial:
                m.places = [p for p in m.places if p.cc == dominant]
            if m.places:
                kept.append(m)
        mentions = kept
        for i, m in enumerate(mentions):
            owner = (
                mentions[i - 1] if i and _POSSESSIVE_GAP.match(text, mentions[i - 1].end, m.start) else None
            )
            m.chosen = self._choose(m, mentions[i + 1 : i + 3], dominant, owner, text)
            # "in Zamora, Michoacan": the name after a town and a comma is the unit that holds the
            # town (the state), not a village elsewhere so named
            prev = mentions[i - 1] if i else None
            if prev is not None and prev.chosen is not None and LIST_GAP.fullmatch(text, prev.end, m.start):
                held = prev.chosen
                holder = next(
                    (
                        p for p in m.places
                        if p.kind in ("admin1", "admin2") and p.cc == held.cc
                        and fold(p.name) in (fold(held.admin1), fold(held.admin2)) and p is not held
                    ),
                    None,
                )  # fmt: skip
                # (not a unit abroad: "west of Rafah (Rafah, North Sinai)" is Egypt's Rafah whatever
                # the bearing's reading)
                if holder is not None and (m.chosen is None or m.chosen.cc == holder.cc):
                    m.chosen = holder
        if dominant:
            self._prefer_named_province(mentions, dominant)
        if len(self._memory) > 16:
            self._memory.clear()
        starts = [m.start for m in mentions]
        self._memory[id(ctx)] = (ctx, mentions, dominant, starts)
        return mentions, dominant, starts

    @staticmethod
    def _prefer_named_province(mentions: list[_Mention], dominant: str) -> None:
        """A name with readings in several provinces of the document's country ("El Palmar")
        is the one in the province the rest of the text places itself in ("Leon, Guanajuato")."""
        provinces: Counter[str] = Counter()
        for m in mentions:
            if m.partial or m.chosen is None or m.chosen.cc != dominant:
                continue
            named = {fold(p.admin1) for p in m.places if p.cc == dominant and p.admin1}
            if len(named) == 1:
                provinces[named.pop()] += 1
        if not provinces:
            return
        for m in mentions:
            chosen = m.chosen
            if chosen is None or chosen.cc != dominant or chosen.kind in ("country", "region"):
                continue
            home = [p for p in m.places if p.cc == dominant and p.kind == chosen.kind]
            if len({fold(p.admin1) for p in home}) < 2:
                continue
            best = max(home, key=lambda p: provinces.get(fold(p.admin1), 0))  # the first of equals
            if provinces.get(fold(best.admin1), 0) > provinces.get(fold(chosen.admin1), 0):
                m.chosen = best

    @staticmethod
    def _outside_units(mentions: list[_Mention], text: str) -> set[int]:
        """Mentions (by id) none of whose readings lies in the province or district named right
        after them ("Sosnovskoye, Donetsk" with no Sosnovskoye in any Donetsk): unknown places
        that tell nothing of the country."""
        out: set[int] = set()
        for m, unit in zip(mentions, mentions[1:], strict=False):
            if not LIST_GAP.fullmatch(text, m.end, unit.start):
                continue
            units = {(p.cc, fold(p.name)) for p in unit.places if p.kind in ("admin1", "admin2")}
            if not units or all(p.kind in ("country", "admin1") for p in m.places):
                continue
            if not any({(p.cc, fold(p.admin1)), (p.cc, fold(p.admin2))} & units for p in m.places):
                out.add(id(m))
        return out

    @staticmethod
    def _actors(text: str) -> list[tuple[int, int, Any]]:
        """Named actors in the text (start, end, actor), for their country."""
        from .actors import ActorRegistry

        try:
            return ActorRegistry.default().find(text)
        except Exception:  # noqa: BLE001 - the places must not fail with the actor data
            return []

    @cached_property
    def _demonyms(self) -> PhraseFinder:
        """Every demonym in one automaton (one pass over the text, not one per demonym)."""
        return PhraseFinder(self.demonyms)

    def _scan(self, para: Any) -> list[_Mention]:
        doc = para.doc
        found: list[_Mention] = []
        taken: set[int] = set()
        every_town = coverage().every_town  # read once, not for every candidate of every word run
        for ent in doc.ents:
            if ent.label_ in ("GPE", "LOC", "FAC", "NORP", "PERSON", "ORG"):
                toks = list(ent)
                cut = next((k for k, t in enumerate(toks) if t.text in ("(", ",")), None)
                if cut is not None:  # "Colon (Colon" tagged as one name: the place and its district
                    toks = toks[:cut]
                while toks and (toks[-1].lower_ in _UNIT_CUES):
                    toks.pop()
                while toks and toks[0].lower_ == "the":
                    toks.pop(0)
                if not toks:
                    continue
                lo, hi = self._hyphened(doc, toks[0].i, toks[-1].i + 1)
                whole = (lo, hi) != (toks[0].i, toks[-1].i + 1)  # "KwaZulu-Natal" split by the model
                if not whole:  # "East London" of which the model tagged "London"
                    lo, hi = self._widened(doc, lo, hi, taken)
                if (lo, hi) != (toks[0].i, toks[-1].i + 1):
                    toks = list(doc[lo:hi])
                if any(t.i in taken for t in toks):
                    continue  # inside a longer name found before ("Ciudad Autonoma de Buenos Aires")
                name = doc[toks[0].i : toks[-1].i + 1].text
                # stoplisted names (Washington = the US government) and non-place labels need a cue
                strict = not whole and (ent.label_ not in ("GPE", "LOC", "FAC") or fold(name) in self.stop)
                cued = self._cued(doc, ent.start, ent.end)
                # "Huanuquillo, Junin", "(Mwumba, Ngozi)": a name the model took for a person or an
                # organisation, listed after a place, is taken only as the unit that contains it
                units_only = (
                    strict and not cued and ent.label_ != "NORP" and self._listed(doc, toks[0].i, taken)
                )
                # "Sentianivka, Luhansk": a name before a comma and a province is a place in it
                listed_town = (
                    strict and not cued and not units_only and ent.label_ != "NORP"
                    and self._listed(doc, toks[0].i, taken, toks[-1].i + 1)
                )  # fmt: skip
                if strict and (
                    fold(name) in self.stop
                    and ent.label_ not in ("GPE", "LOC", "FAC")
                    or not (cued or units_only or listed_town)
                ):
                    continue
                places = self._candidates(name)
                if units_only:
                    places = [p for p in places if p.kind in ("country", "admin1", "admin2")]
                elif listed_town:  # only a place inside the unit named after it
                    units = self._unit_after(doc, toks[-1].i + 1)
                    places = [p for p in places if {(p.cc, fold(p.admin1)), (p.cc, fold(p.admin2))} & units]
                if places:
                    found.append(self._mention(para, doc, toks[0].i, toks[-1].i + 1, places))
                    # "Tome (Biobio" tagged as one name: the words after the cut are scanned on their own
                    end = toks[-1].i + 1 if cut is not None else max(ent.end, toks[-1].i + 1)
                    taken.update(range(min(ent.start, toks[0].i), end))
        # capitalised word runs the model missed (places in free text)
        i = 0
        while i < len(doc):
            if (
                i in taken
                or not doc[i].text[:1].isupper()
                or doc[i].ent_type_ == "DATE"
                or doc[i].ent_type_ in ("PERSON", "ORG", "NORP")
                and not self._cued(doc, i, i + 1)
                and not continues_list(doc, i, taken)
                and not in_brackets(doc, i)
                and not (doc[i].ent_type_ != "NORP" and after_name(doc, i))
            ):
                i += 1
                continue
            # a person's or organisation's name after a name and a comma: only a containing unit
            units_only = (
                doc[i].ent_type_ in ("PERSON", "ORG")
                and not self._cued(doc, i, i + 1)
                and not continues_list(doc, i, taken)
                and not in_brackets(doc, i)
            )
            short = self._abbreviation(doc, i, taken)
            if short is not None:  # "Nigohan (UP)", "(Budgam district, J&K)": a province's short form
                n, province = short
                found.append(self._mention(para, doc, i, i + n, [province]))
                taken.update(range(i, i + n))
                i += n
                continue
            for n in (4, 3, 2, 1):
                span = doc[i : i + n]
                if len(span) < n or any(t.i in taken for t in span) or not span[-1].text[:1].isupper():
                    continue
                if fold(span.text) in self.stop or (n == 1 and doc[i].is_stop):
                    continue
                # "in Kolofata", "Sagbama district", "San Miguel, Puno": a place however small
                cued = self._cued(doc, i, i + n) or continues_list(doc, i, taken)
                # "Kindjandi (Gueskerou, Diffa)": names in brackets after a name are its district
                # and province; "Bariirre, Afgooye": a district after a comma
                bracketed = in_brackets(doc, i)
                listed = bracketed or after_name(doc, i)
                places = [
                    p
                    for p in self._candidates(span.text)
                    if p.kind in ("country", "admin1", "landmark", "region")
                    or p.cc in every_town
                    or p.population >= 100_000
                    or cued
                    or listed
                    and p.kind == "admin2"
                    or bracketed
                    and p.kind == "city"
                ]
                if units_only:
                    places = [p for p in places if p.kind in ("country", "admin1", "admin2")]
                if places:
                    found.append(self._mention(para, doc, i, i + n, places))
                    taken.update(range(i, i + n))
                    i += n - 1
                    break
            i += 1
        found.sort(key=lambda m: m.start)
        return found

    @cached_property
    def _abbreviations(self) -> dict[str, Place]:
        """A province's short form (data/gazetteer/abbreviations.yaml) -> the province."""
        out: dict[str, Place] = {}
        for short, (cc, name) in abbreviations().items():
            province = next((p for p in self._candidates(name, cc) if p.kind == "admin1"), None)
            if province is not None:
                out[short] = province
        return out

    def _abbreviation(self, doc: Any, i: int, taken: set[int]) -> tuple[int, Place] | None:
        """(length in tokens, province) of a province's short form written at token i where a
        province stands after a place, in a bracket or after a comma, and closed by a bracket or
        a comma: "Nigohan (UP)", "(Budgam district, J&K)"; else None."""
        if not (in_brackets(doc, i) or after_name(doc, i) or continues_list(doc, i, taken)):
            return None
        for n in (3, 2, 1):
            span = doc[i : i + n]
            if (
                len(span) == n
                and i + n < len(doc)
                and doc[i + n].text in (")", ",")
                and not any(t.whitespace_ for t in span[:-1])
                and span.text in self._abbreviations
            ):
                return n, self._abbreviations[span.text]
        return None

    def _widened(self, doc: Any, s: int, e: int, taken: set[int]) -> tuple[int, int]:
        """[s, e) grown over the name words next to it when the gazetteer knows the longer name:
        "East London" of a tagged "London", "Kut e Abdollah" of "Kut", "Sao Sebastiao da Boa Vista"
        of "Sao Sebastiao"; else [s, e) itself."""
        def word(k: int) -> bool:
            t = doc[k]
            return k not in taken and t.ent_type_ != "DATE" and (t.text[:1].isupper() and t.is_alpha or t.lower_ in _LINKS)

        los = [s]
        while len(los) < 3 and los[-1] > 0 and word(los[-1] - 1) and not doc[los[-1]].is_sent_start:
            los.append(los[-1] - 1)
        his = [e]
        while len(his) < 5 and his[-1] < len(doc) and word(his[-1]) and not doc[his[-1]].is_sent_start:
            his.append(his[-1] + 1)
        if len(los) == 1 and len(his) == 1:
            return s, e
        best = (s, e)
        for lo in los:
            for hi in his:
                if (
                    hi - lo > best[1] - best[0]
                    and doc[lo].text[:1].isupper()
                    and doc[hi - 1].text[:1].isupper()
                    and loose_key(doc[lo:hi].text) in self.index
                ):
                    best = (lo, hi)
        return best

    def _hyphened(self, doc: Any, s: int, e: int) -> tuple[int, int]:
        """[s, e) widened over a hyphen that joins it to another name, when the gazetteer knows
        the joined name ("KwaZulu-Natal", "Ivano-Frankivsk"); else [s, e) itself."""
        lo, hi = s, e
        if s >= 2 and doc[s - 1].text == "-" and not doc[s - 1].whitespace_ and not doc[s - 2].whitespace_:
            lo = s - 2
        if e + 1 < len(doc) and doc[e].text == "-" and not doc[e].whitespace_ and not doc[e - 1].whitespace_:
            hi = e + 2
        if (lo, hi) != (s, e) and doc[lo].text[:1].isupper() and self.index.get(loose_key(doc[lo:hi].text)):
            return lo, hi
        return s, e

    def _place_at(self, doc: Any, e: int) -> bool:
        """Another known place's name starts at e: "Tijuana Baja California" (no comma between)."""
        for n in (3, 2, 1):
            span = doc[e : e + n]
            if len(span) == n and all(t.is_alpha or t.text == "-" for t in span) and loose_key(span.text) in self.index:
                return True
        return False

    def _listed(self, doc: Any, i: int, taken: set[int], e: int | None = None) -> bool:
        """A name in a list of places: after a place and a comma, in a bracket of names, or
        before a comma and a province or district ("Sentianivka, Luhansk")."""
        if continues_list(doc, i, taken) or after_name(doc, i) or in_brackets(doc, i):
            return True
        return e is not None and bool(self._unit_after(doc, e))

    def _unit_after(self, doc: Any, e: int) -> set[tuple[str, str]]:
        """(country, folded name) of the provinces and districts a name after a comma or bracket
        at token e may be: "Sentianivka, Luhansk"."""
        if not (e + 1 < len(doc) and doc[e].text in (",", "(")):
            return set()
        for n in (3, 2, 1):
            span = doc[e + 1 : e + 1 + n]
            if len(span) < n or not span[0].text[:1].isupper():
                continue
            units = {
                (p.cc, fold(p.name))
                for p in (self.places[j] for j in self.index.get(loose_key(span.text), ()))
                if p.kind in ("admin1", "admin2")
            }
            if units:
                return units
        return set()

    def _cued(self, doc: Any, s: int, e: int) -> bool:
        nxt = doc[e].lower_ if e < len(doc) else ""
        k = s - 1
        # "in northern Lattakia", "in the eastern countryside of": the cue before the qualifiers
        while k > 0 and s - k <= 3 and _QUALIFIER.fullmatch(doc[k].text):
            k -= 1
        prev = doc[k].lower_ if k >= 0 else ""
        if k < s - 1 and (prev not in {"in", "near", "at", "outside"} or doc[s - 1].lower_ == "the"):
            prev = doc[s - 1].lower_  # "in the Trump administration": no place cue
        after, before_of = cue_words()
        # "the district of X", "the outskirts of X", "the center of Skopje", "residents of X"
        of_kind = prev == "of" and s > 1 and (doc[s - 2].lower_ in _UNIT_CUES | _AREA or doc[s - 2].lower_ in before_of)
        return (
            nxt in _UNIT_CUES
            or nxt in after  # "blocked the Halba highway"
            or prev in {"in", "near", "at", "outside"}
            or of_kind
        )

    def _mention(self, para: Any, doc: Any, s: int, e: int, places: list[Place]) -> _Mention:
        nxt = doc[e].lower_ if e < len(doc) else ""
        # a big place goes on only with a thing in it ("Kabul University"), never as the end of a
        # longer name ("KwaZulu-Natal", "Vila Kennedy") or before another name ("Ain Oussara")
        # (a big place so called, not one of its other spellings: "Cano Raya" is no Kano)
        written = fold(doc[s:e].text)
        partial = name_goes_on(doc, s, e) and not (
            any(p.kind == "country" or p.population >= 100_000 and fold(p.name) == written for p in places)
            and not goes_on_before(doc, s)
            and (not goes_on_after(doc, e) or heads_thing(doc, e) or self._place_at(doc, e))
        )
        before = doc[max(0, s - 3) : s].text.lower()
        cue = None
        if doc[s:e][-1].lower_ in ADMIN1_CUES or nxt in ADMIN1_CUES or "province of" in before:
            cue = "admin1"
        elif doc[s:e][-1].lower_ in ADMIN2_CUES or nxt in ADMIN2_CUES or "district of" in before:
            cue = "admin2"
        elif nxt in CITY_CUES or re.search(r"(city|town|village|capital) of$", before):
            cue = "city"
        # "Trujillo state": the state, not the towns of that name; "Amara city": a town, not the
        # province an alias of which it is (a country's own name stays: "Mexico City")
        if cue in ("admin1", "admin2"):
            places = [p for p in places if p.kind == cue] or places
        elif cue == "city":
            places = [p for p in places if p.kind in ("city", "landmark", "country")] or places
        elif s and doc[s - 1].text in ("(", ",") and in_brackets(doc, s):
            # "Arso district (Keerom)", "Iquique (Tarapaca)": a name in a bracket after a place is
            # mostly the unit that holds it: its units come before the towns so named (a unit named
            # after it may still pick a town: "Rafah (Rafah, North Sinai)")
            places = sorted(places, key=lambda p: p.kind not in ("country", "admin1", "admin2"))
        near = any(w in before.split() for w in _NEAR)
        reference = bool(re.search(rf"{DIRS}(ern)? of$|from$", before))
        # "Saray neighborhood of Kahramankazan": a quarter of the town named next, not a town
        quarter_of = nxt in _QUARTER and bool(re.match(r"\s+of\s", doc[e:e + 3].text[len(nxt):] + " "))
        reference = reference or quarter_of
        # "in Aura neighborhood": the name of a quarter, not a town (unless the country's own)
        partial = partial or (nxt in _QUARTER and not quarter_of and not any(p.kind == "country" for p in places))
        start = para.start + doc[s].idx
        end = para.start + doc[e - 1].idx + len(doc[e - 1].text)
        return _Mention(start, end, places, cue, near, reference, partial=partial)

    def _choose(
        self,
        m: _Mention,
        following: list[_Mention],
        dominant: str | None,
        owner: _Mention | None = None,
        text: str = "",
    ) -> Place:
        places = m.places
        # "Saada, Yemen" / "Maiduguri, Borno State": a following country or province narrows it;
        # so does a possessive before it: "Chhattisgarh's Bijapur district"
        # "Logo (Mahagi, Ituri)": each following name that continues the list may narrow it
        prev_end = m.end
        containers: list[tuple[set[tuple[str, str]], set[tuple[str, str]], set[str], bool]] = []
        for f in ([owner] if owner is not None else []) + following:
            # "Chatsworth (eThekwini, KwaZulu-Natal)": a name not found may stand between;
            # "Ovacik district of Tunceli", "Telman village in Ysyk-Ata district": a unit named after
            if (
                f is not owner
                and f.start - prev_end > 3
                and not _SKIPPED_NAME.fullmatch(text, prev_end, f.start)
                and not _UNIT_OF.fullmatch(text, prev_end, f.start)
                and not (_IN_UNIT.fullmatch(text, prev_end, f.start) and f.places[0].kind in ("admin1", "admin2"))
                and not _UNIT_THEN.fullmatch(text, prev_end, f.start)
            ):
                break
            prev_end = f.end if f is not owner else prev_end
            parents = {(p.cc, fold(p.name)) for p in f.places if p.kind in ("country", "admin1")}
            districts = {(p.cc, fold(p.name)) for p in f.places if p.kind == "admin2"}
            nations = {p.cc for p in f.places if p.kind == "country"}
            if parents | districts:
                # a unit whose every reading lies in one country ("Ituri", "North Sinai") or that the
                # text calls a unit ("Bolivar state") can rule out
                strong = len({cc for cc, _ in parents or districts}) == 1 or f.cue in ("admin1", "admin2")
                containers.append((parents, districts, nations, strong and f is not owner))
        if containers:
            # the readings that the most of the names after it contain: "Rafah (Rafah, North Sinai)"
            # is Egypt's Rafah, inside both its district and its province
            def held(p: Place) -> tuple[int, bool]:
                inside = [
                    (p.cc, fold(p.admin1)) in parents
                    or (p.cc, fold(p.admin2)) in districts
                    or p.cc in nations
                    for parents, districts, nations, _ in containers
                ]
                return sum(inside), inside[-1]  # a tie goes to the outermost unit, named last

            best = max(held(p) for p in places)
            if best[0]:
                places = [p for p in places if held(p) == best]
                # "Rafah (Rafah, North Sinai)": a unit of one country that holds it settles the
                # country, whatever country the rest of the text is most about
                confirmed = any(
                    c[3] and any((p.cc, fold(p.admin1)) in c[0] or (p.cc, fold(p.admin2)) in c[1] for p in places)
                    for c in containers
                )
                if confirmed and len({p.cc for p in places}) == 1:
                    dominant = places[0].cc
            elif (
                places[0].kind not in ("country", "admin1")
                and any(c[3] for c in containers)
                # a district's towns are listed unevenly ("Yaounde city (Mfoundi, Centre)"): a
                # town in the district's province is not ruled out by it
                and not any(
                    (p.cc, fold(q.admin1)) == (q.cc, fold(p.admin1))
                    for f in ([owner] if owner is not None else []) + following
                    for q in f.places
                    if q.kind == "admin2"
                    for p in places
                )
            ):
                m.contradicted = True  # "Logo (Mahagi, Ituri)" with no Logo in Ituri: a place unknown here
        if places[0].kind == "country":
            return places[0]  # a country's own name is not a town elsewhere ("Lebanon", not Tennessee's)
        if dominant:  # "the city of Hays in western Yemen": Yemen's Hays, though only its district is known
            home = [p for p in places if p.cc == dominant]
            if not home and places[0].kind == "city" and places[0].population < 100_000:
                m.contradicted = True  # a small town abroad in a text about another country: likely not it
            places = home or places
        if m.cue:
            kinds = [p for p in places if p.kind == m.cue] or places
            places = kinds
        return places[0]

    def locate(self, ctx: Context, start: int, end: int, guess: bool = True) -> Location | None:
        """Where what [start, end) describes happened, or None when the text does not say. With
        ``guess`` False, a span that names only pieces of longer names ("Jardim" of "Jardim
        Laguna") gives None, so the caller may look in the wider sentence."""
        mentions, dominant, starts = self._indexed(ctx)
        first = bisect.bisect_left(starts, start)  # mentions are in text order: no scan of the document
        inside = [m for m in mentions[first : bisect.bisect_left(starts, end)] if m.end <= end and m.chosen]
        # ... nor when it names only small towns abroad ("on the Pacific road" in a text about
        # Guatemala): the wider sentence may name the place
        if not guess and inside and all(m.partial or m.contradicted for m in inside):
            return None
        text = ctx.document.text[start:end]
        if inside and all(m.chosen.kind == "country" for m in inside):  # type: ignore[union-attr]
            region = self._region(text, dominant, start)
            if region:
                return region
        if inside:
            primary = [m for m in inside if not m.reference and not m.contradicted and not m.partial]
            primary = primary or [m for m in inside if not m.reference and not m.contradicted]
            primary = primary or [m for m in inside if not m.reference] or inside
            best = min(primary, key=lambda m: (_SPECIFIC[m.chosen.kind], m.start))  # type: ignore[union-attr]
            place = best.chosen
            assert place is not None
            named: Cite = (best.start, best.end, None)
            if best.reference and place.kind == "city":
                return self.to_location(place, near=True).citing(named)
            return self.to_location(place, near=best.near).citing(named)
        back = _BACKREF_RE.search(text)
        if back and back.group(2) is None and re.search(r"\b[Tt]he\s+(?:[A-Z][a-z]+\s+)?capital\b", text):
            cap = _CAPITAL_RE.search(text)
            cc = self.demonyms.get(fold(cap.group(1))) if cap and cap.group(1) else dominant
            if cc and cc in self.capitals:
                hits = self._candidates(self.capitals[cc], cc)
                if hits:
                    return self.to_location(hits[0]).citing(
                        (start + back.start(), start + back.end(), "gazetteer")
                    )
        if back:
            want = {
                "city": "city",
                "town": "city",
                "village": "city",
                "province": "admin1",
                "district": "admin2",
            }.get((back.group(2) or "").lower())
            before = mentions[: bisect.bisect_left(starts, start + back.start())]
            # "the Iraqi city": only a place in Iraq
            demonym_cc = self.demonyms.get(fold(back.group("demonym"))) if back.group("demonym") else None
            for m in reversed([m for m in before if m.end <= start + back.start() and m.chosen]):
                if demonym_cc and m.chosen.cc != demonym_cc:  # type: ignore[union-attr]
                    continue
                if want is None or m.chosen.kind == want or (want == "city" and m.chosen.kind == "landmark"):  # type: ignore[union-attr]
                    # "the town": the place named before, cited with the words that point back to it
                    return self.to_location(m.chosen).citing(  # type: ignore[arg-type]
                        (m.start, m.end, None), (start + back.start(), start + back.end(), "coreference")
                    )
        return self._region(text, dominant, start)

    def _region(self, text: str, dominant: str | None, offset: int) -> Location | None:
        """'in the north', 'southern Afghanistan': a region, precision 3, never a made-up town."""
        for region in _REGION_RE.finditer(text):
            direction = (region.group(1) or region.group(2) or "").lower().replace("-", "")
            cc = self._cc(region.group(3)) if region.group(3) else dominant
            if not cc and region.group(3) and fold(region.group(3)) in self.demonyms:
                cc = self.demonyms[fold(region.group(3))]
            if cc:
                country = self.countries[cc]
                adj = direction if direction == "central" else direction + "ern"
                return Location(
                    name=f"{adj.capitalize()} {country}", country=country, geo_precision=3,
                    cited=((offset + region.start(), offset + region.end(), None),),
                )  # fmt: skip
        return None


@lru_cache(maxsize=1)
def _default() -> Gazetteer:
    return Gazetteer.load()


def _demonyms(countries: dict[str, str]) -> dict[str, str]:
    """Demonym (folded) -> ISO2, from the actor registry's demonym table."""
    from .actors import load_demonyms

    return {fold(d): cc for cc, dems in load_demonyms().items() for d in dems if cc in countries}

