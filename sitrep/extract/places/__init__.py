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
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from ...clean.dateline import dateline_places
from ...model import Cite, Location
from ..gazetteer_coverage import cue_list
from ..gazetteer_data import fold, gazetteer_lines, skeleton
from ..place_names import DIRS
from .choice import Choice
from .records import _SPECIFIC, GAZ_DIR, Place, _Mention, _Rows, admin1_groups

if TYPE_CHECKING:
    from ..context import Context

_REGION_RE = re.compile(
    rf"\b(?:in|across|of)\s+the\s+{DIRS}(?:ern)?\b(?!\s+of\s+[A-Z]|\s+(?-i:[A-Z])|\s+(?:city|town|village|province|district|state|region|part)\b"
    rf"|\s+\w+\s+(?:sea|ocean|gulf)\b)|\b{DIRS}(?:ern)?\s+([A-Z][a-z]+)",  # (not "the southern Red Sea")
    re.I,
)
#: (not "the town of Matupi", which names a town, known to the gazetteer or not)
_BACKREF_RE = re.compile(
    r"\b[Tt]he\s+(?:(?P<demonym>[A-Z][a-z]+)\s+)?(city|town|village|province|district|area|region)\b(?!\s+of\s+[A-Z])"
    r"|\bthere\b|\b[Tt]he\s+(?:[A-Z][a-z]+\s+)?capital\b"
)
#: "west of X", "from X": the words before a town a place is reckoned from (not "Etiler
#: neighborhood of Besiktas", a quarter of the town named after it)
_RECKONED_FROM = re.compile(r"\b(?:of|from)\s+\Z")
_CAPITAL_RE = re.compile(r"\b[Tt]he\s+([A-Z][a-z]+)?\s*capital\b")

__all__ = ["GAZ_DIR", "Gazetteer", "Place"]


@lru_cache(maxsize=1)
def _came_from() -> re.Pattern[str]:
    """ "farmers from the villages of Kafr Nabl staged a protest in Idlib": where
    the doers came from (data/gazetteer/cues.yaml ``came_from_nouns``) or stand
    (``stationed_words``), not where they acted, when the clause names another place."""
    nouns = "|".join(sorted(map(re.escape, cue_list("came_from_nouns"))))
    # ... and where a side stands ("forces stationed at X shelled villages near Y": Y)
    stationed = "|".join(sorted(map(re.escape, cue_list("stationed_words"))))
    return re.compile(
        rf"(?:\b(?i:{nouns})\s{{1,3}}from\s{{1,3}}(?:the\s{{1,3}})?(?:[a-z-]{{1,20}}\s{{1,3}}){{0,2}}?"
        r"(?:(?:villages?|towns?|areas?|districts?|neighbou?rhoods?|camps?)\s{1,3}of\s{1,3})?"
        rf"|\b(?i:{stationed})\s{{1,3}}(?:at|in)\s{{1,3}}(?:the\s{{1,3}}(?:village|town)\s{{1,3}}of\s{{1,3}})?)\Z"
    )


#: "in the capital": the capital of the one country the words name
_THE_CAPITAL = re.compile(r"\b(?:in|near|outside|around|across)\s+the\s+capital\b(?!\s+of\b)")

#: "Haiti's capital": the words after a country's name that point at its capital
_OWN_CAPITAL = re.compile(r"['’]s\s+capital\b(?!\s+region\b)")


class Gazetteer(Choice):
    """Countries, admin1, admin2 (Afghanistan, neighbours, conflict countries) and towns."""

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

    def locate(self, ctx: Context, start: int, end: int, guess: bool = True) -> Location | None:
        """Where what [start, end) describes happened, or None when the text does not say. With
        ``guess`` False, a span that names only pieces of longer names ("Jardim" of "Jardim
        Laguna") gives None, so the caller may look in the wider sentence."""
        mentions, dominant, starts = self._indexed(ctx)
        first = bisect.bisect_left(starts, start)  # mentions are in text order: no scan of the document
        inside = [
            m for m in mentions[first : bisect.bisect_left(starts, end)]
            if m.end <= end and m.chosen and not m.party and not m.elsewhere
        ]
        # ... nor when it names only small towns abroad ("on the Pacific road" in a text about
        # Guatemala): the wider sentence may name the place
        if not guess and inside and all(m.partial or m.contradicted for m in inside):
            return None
        # ... and a guess is no place that the units named after it rule out ("Salim" of
        # Palestine in a sentence cut before "(Qaatabah, Ad Dali)"): the caller reads further
        if inside and all(m.ruled_out for m in inside):
            inside = []
        # ... nor only small towns abroad in a country the text never places anything in, when it
        # names places of its own country ("near the town of Kani" in a story about Sagaing is no
        # town of Japan's; but "the town of Abu Dis" beside "Israeli police" and no Israeli place is
        # Palestine's): where the act happened is for the rest of the text to say
        if dominant and inside and all(m.contradicted and m.chosen.cc != dominant for m in inside):  # type: ignore[union-attr]
            placed = {m.chosen.cc for m in mentions if m.chosen is not None and not m.contradicted}
            if dominant in placed and not any(m.chosen.cc in placed for m in inside):  # type: ignore[union-attr]
                inside = []
        # ... nor a town abroad, reached only by another of its names, that the country of the
        # document's dateline contradicts ("the town of Boni" in a story from Mali is no Bonn)
        if (
            dominant and inside
            and all(self._foreign_alias(ctx.document.text, m, dominant) for m in inside)
            and any(cc == dominant for cc, _ in self._dateline_countries(ctx))  # (read only then: rare)
        ):  # fmt: skip
            inside = []
        text = ctx.document.text[start:end]
        whole = [m for m in inside if not m.partial]
        if whole and all(m.chosen.kind == "country" for m in whole):  # type: ignore[union-attr]
            # "in the Carrefour-Feuilles neighbourhood of Haiti's capital": that country's capital
            owned = _OWN_CAPITAL.match(ctx.document.text, whole[-1].end)
            capital = self._capital_of(whole[-1].chosen.cc) if owned and owned.end() <= end else None  # type: ignore[union-attr]
            if capital is not None:
                return capital.citing((whole[-1].start, owned.end(), "gazetteer"))  # type: ignore[union-attr]
        if inside and all(m.chosen.kind == "country" for m in inside):  # type: ignore[union-attr]
            region = self._region(text, dominant, start)
            # "struck the Gaza Strip after militants fired into southern Israel": the region of
            # another country named later is where the other act happened
            named_first = inside[0].chosen.name  # type: ignore[union-attr]
            if region and (region.country == named_first or region.cited[0][0] < inside[0].start):
                return region
            # "Police in Kenya fired tear gas at protesters in the capital": that country's capital
            said = _THE_CAPITAL.search(text)
            capital = self._capital_of(inside[0].chosen.cc) if said and len(inside) == 1 else None  # type: ignore[union-attr]
            if capital is not None:
                return capital.citing((start + said.start(), start + said.end(), "gazetteer"))  # type: ignore[union-attr]

        # a piece of a longer name counts only where its reading bears that piece as its whole
        # name ("Kwaya" of "Kwaya Bura village" is no Kwaya Kusar: a village the gazetteer lacks)
        inside = [
            m for m in inside
            if not m.partial or fold(m.chosen.name) == fold(ctx.document.text[m.start : m.end])  # type: ignore[union-attr]
        ]
        if inside:
            # a road named after a place only orients: "on Murree road in Rawalpindi city"
            primary = [m for m in inside if not (m.reference or m.contradicted or m.partial or m.road)]
            came_from = _came_from()
            primary = [m for m in primary if not came_from.search(ctx.document.text, max(0, m.start - 80), m.start)] or primary
            primary = primary or [m for m in inside if not m.reference and not m.contradicted and not m.partial]
            primary = primary or [m for m in inside if not m.reference and not m.contradicted]
            # "near the town of Balad, 30 km north of Mogadishu" with only Iraq's Balad known: near
            # the town it is reckoned from, in the text's country, not a small town abroad
            primary = primary or [
                m for m in inside
                if m.reference and not m.contradicted and not m.partial and m.chosen.kind == "city"  # type: ignore[union-attr]
            ]
            primary = primary or [m for m in inside if not m.reference] or inside
            best = min(primary, key=lambda m: (_specific(m.chosen), m.start))  # type: ignore[arg-type]
            place = best.chosen
            assert place is not None
            seat = self._seat_capital(ctx.document.text, best, place)
            if seat is not None:
                return seat
            if place.kind in ("admin1", "admin2"):
                # "a village west of Mizdah (Al Jabal Al Gharbi)": only the unit holding the town
                # the place is reckoned from is named besides: near that town, not the whole unit;
                # so is a district of that province ("farms north of Kajuru district (Kaduna)")
                field = 3 if place.kind == "admin1" else 4
                kinds = ("city", "admin2") if place.kind == "admin1" else ("city",)
                near = [
                    m for m in inside
                    if m.reference and not m.contradicted and not m.partial and m.chosen is not None
                    and m.chosen.kind in kinds and m.chosen.cc == place.cc and m.chosen[field] == place.name
                    and _RECKONED_FROM.search(ctx.document.text, max(0, m.start - 12), m.start)
                ]  # fmt: skip
                if near:
                    best = near[0]
                    assert best.chosen is not None
                    town = best.chosen.kind == "city"
                    return self.to_location(best.chosen, near=town).citing((best.start, best.end, None))
            named: Cite = (best.start, best.end, None)
            if best.reference and place.kind == "city":
                return self.to_location(place, near=True).citing(named)
            loc = self.to_location(place, near=best.near)
            if best.cue == "city" and place.kind == "admin2" and loc.geo_precision == 2 and not best.near:
                # "Sujawal city (Sujawal, Sindh)" with only the district known: the town the
                # district is named after (and has its coordinates from), not the district
                loc = replace(loc, geo_precision=1)
            elif best.cue == "admin2" and place.kind == "city" and loc.geo_precision == 1:
                # "Ovacik district" known only by its seat: the seat's coordinates, a district's precision
                loc = replace(loc, geo_precision=2)
            return loc.citing(named)
        back = _BACKREF_RE.search(text)
        if back and back.group(2) is None and re.search(r"\b[Tt]he\s+(?:[A-Z][a-z]+\s+)?capital\b", text):
            cap = _CAPITAL_RE.search(text)
            cc = self.demonyms.get(fold(cap.group(1))) if cap and cap.group(1) else dominant
            capital = self._capital_of(cc)
            if capital is not None:
                return capital.citing((start + back.start(), start + back.end(), "gazetteer"))
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
            if back.group("demonym") and demonym_cc is None:
                before = []  # "the Catatumbo region": a name, the region's own, that the gazetteer lacks
            # (not where the hurt were taken: "airlifted to Raipur. ... a search operation in the area")
            # (nor a name whose only reading the text contradicts: "the town of Boni" in a story
            # about Mali, read as Bonn, is no town "the town" can go back to)
            told = [
                m for m in before
                if m.end <= start + back.start() and m.chosen and not m.elsewhere and not m.party and not m.contradicted
            ]  # fmt: skip
            for k in range(len(told) - 1, -1, -1):
                m = told[k]
                if demonym_cc and m.chosen.cc != demonym_cc:  # type: ignore[union-attr]
                    continue
                if m.reference:
                    continue  # "Sake, a town 25 km west of Goma": Goma is where the distance is taken from
                if want is None and k and _contains_the_one_before(ctx.document.text, told[k - 1], m):
                    m = told[k - 1]  # "in Kupwara district of north Kashmir ... in the area": Kupwara
                if want is None or m.chosen.kind == want or (want == "city" and m.chosen.kind == "landmark"):  # type: ignore[union-attr]
                    # "the town": the place named before, cited with the words that point back to it
                    return self.to_location(m.chosen).citing(  # type: ignore[arg-type]
                        (m.start, m.end, None), (start + back.start(), start + back.end(), "coreference")
                    )
        return self._region(text, dominant, start)

    @staticmethod
    def _foreign_alias(text: str, m: _Mention, dominant: str) -> bool:
        """A contradicted mention whose place lies outside the document's country and is written
        as none of its spellings (an alternate name): "Boni" read as Bonn (not "Gaza City")."""
        place = m.chosen
        if not m.contradicted or place is None or place.cc == dominant:
            return False
        written, name = fold(text[m.start : m.end]), fold(place.name)
        return skeleton(written) != skeleton(name) and not (written.startswith(name) or name.startswith(written))

    def dominant_country(self, ctx: Context) -> str | None:
        """The country the document's places, demonyms and actors point at most (its short name),
        an armed force's demonym counting only as a tie-break ("Israeli forces raided ... Palestinian
        residents"); None when nothing points at one."""
        _mentions, dominant, _starts = self._indexed(ctx)
        return self.countries.get(dominant) if dominant else None

    def dateline_town(self, ctx: Context) -> Location | None:
        """The town of the document's wire dateline ("SRINAGAR:", "KABUL, July 5 (Reuters) -"),
        in the dateline's country: where "here" in the report is."""
        span = ctx.cleaned.dateline_span
        if span is None:
            return None
        names = dateline_places(ctx.document.text, span[0])
        if not names:
            return None
        name, start, end = names[0]
        ccs = [cc for cc, at in self._dateline_countries(ctx) if at == span[0]]
        hits = [p for p in self._candidates(name.title() if name.isupper() else name, ccs[0] if ccs else None) if p.kind == "city"]
        return self.to_location(hits[0]).citing((start, end, None)) if hits else None

    def _capital_of(self, cc: str | None) -> Location | None:
        """The capital of the country ``cc`` (ISO2), as the gazetteer reads its name there."""
        hits = self._candidates(self.capitals[cc], cc) if cc and cc in self.capitals else []
        return self.to_location(hits[0]) if hits else None

    def _seat_capital(self, text: str, m: _Mention, place: Place) -> Location | None:
        """"outside Georgia's parliament": the capital, where the seat of power named stands."""
        if place.kind != "country":
            return None
        after = text[m.end : m.end + 45].lower()
        # (the apostrophe also as mojibake: "Kenyaâ€™s parliament")
        mark = next((p for p in ("'s ", "’s ", "â€™s ") if after.startswith(p)), None)
        if mark is None:
            return None
        rest = after[len(mark) :]
        seat = next((w for w in sorted(cue_list("capital_seats"), key=len, reverse=True) if rest.startswith(w)), None)
        if seat is None or rest[len(seat) : len(seat) + 1].isalpha():
            return None
        capital = self._capital_of(place.cc)
        return capital.citing((m.start, m.end + len(mark) + len(seat), "gazetteer")) if capital is not None else None

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


def _specific(place: Place) -> float:
    """How fine a place is (lower is finer): a first-level unit that others are reported as (the
    West Bank, holding Jenin governorate) is coarser than those units."""
    grouped = place.kind == "admin1" and (place.cc, place.name) in _group_names()
    return _SPECIFIC[place.kind] + (0.5 if grouped else 0)


@lru_cache(maxsize=1)
def _group_names() -> frozenset[tuple[str, str]]:
    return frozenset((cc, group) for (cc, _unit), group in admin1_groups().items())


#: how coarse a kind of place is: a town lies in a district, a district in a province ...
_COARSENESS = {"city": 0, "admin2": 1, "admin1": 2, "landmark": 2, "country": 3}


def _contains_the_one_before(text: str, inner: _Mention, outer: _Mention) -> bool:
    """``outer`` is named right after ``inner`` as the larger place holding it ("Kupwara district
    of north Kashmir", "Maiduguri, Borno"): one place told, the finer name first."""
    gap = text[inner.end : outer.start]
    if len(gap) > 30 or "." in gap or inner.chosen is None or outer.chosen is None:
        return False
    return _COARSENESS.get(inner.chosen.kind, 3) < _COARSENESS.get(outer.chosen.kind, 3)
