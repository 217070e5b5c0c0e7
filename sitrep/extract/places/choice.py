"""Disambiguation: the document's country and the one reading chosen for each mention."""

from __future__ import annotations

import re
from collections import Counter
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING, Any

from ...clean.dateline import dateline_places
from ..casing import is_lowercased
from ..gazetteer_coverage import cue_list
from ..gazetteer_data import fold, skeleton
from ..phrase_finder import PhraseFinder
from ..place_names import (
    ADMIN1_CUES,
    ADMIN2_CUES,
    DIRS,
    LIST_GAP,
    POSSESSED_PLACE,
    abroad_demonym,
    leading_country,
)
from .candidates import MIN_SKELETON
from .cues import Cues
from .records import _SMALL_TOWN, VILLAGE, Place, _Mention, admin1_groups, held_by, km_between

if TYPE_CHECKING:
    from ..context import Context

#: "Chhattisgarh's Bijapur", "Nigeria's northwestern Kaduna", "Iraq's semi-autonomous Kurdistan
#: region": the first place contains the second (up to two words of description between them)
_POSSESSIVE_GAP = re.compile(rf"['’]s\s+(?:(?:{DIRS}(?:ern)?|[a-z][a-z-]{{2,20}})\s+){{0,2}}\Z", re.I)
_SKIPPED_NAME = re.compile(r"\s{0,3}[(,]\s{0,3}[A-Za-z][\w'’ -]{0,30},\s{0,3}")
_UNIT_OF = re.compile(  # bounded gaps: linear time on a long run of spaces
    r"\s{1,20}(?:district|province|village|town|city|municipality|county|subdistrict|sub-district|commune|"
    r"area|governorate|locality|tehsil|township|subdivision|upazila|LGA|neighbou?rhood)\s{1,20}(?:of|in)\s{1,20}(?:the\s{1,20})?"
)


@lru_cache(maxsize=4)
def _in_unit_re(before: frozenset[str]) -> re.Pattern[str]:
    """ "Ara in As-Sweida", "Mansura in the countryside of Raqqa" (the unit's countryside),
    "Zawiya front in Idleb" (a word of data/gazetteer/cues.yaml ``before_in_unit`` first)."""
    words = "|".join(sorted(re.escape(w) for w in before))
    return re.compile(
        rf"\s{{1,3}}(?:(?:{words})\s{{1,3}})?in\s{{1,3}}(?:the\s{{1,3}})?"
        rf"(?:{DIRS}(?:ern)?\s{{1,3}})?(?P<rural>(?:countryside|outskirts|suburbs|environs)\s{{1,3}}of\s{{1,3}})?",
        re.I,
    )


#: "in eastern Raqqa countryside": the unit's countryside, told after its name
_RURAL_AFTER = re.compile(r"\s{1,3}(?:countryside|outskirts|environs)\b", re.I)
#: "Rampur village under Jandaha police station area of Vaishali district": the police station a
#: village is under, named between it and the district that holds both
_POLICE_AREA_OF = re.compile(
    r"\s{1,3}(?:village\s{1,3})?under\s{1,3}(?:[A-Z][\w'’-]{1,30}\s{1,3}){1,3}police\s{1,3}station"
    r"(?:\s{1,3}(?:area|limits|jurisdiction))?\s{1,3}(?:of|in)\s{1,3}(?:the\s{1,3})?"
)
#: "Panama City (Bella Vista)": a name, then one in a bracket
_BRACKET_GAP = re.compile(r"\s{0,3}\(\s{0,3}")
_COMMA_GAP = re.compile(r"\s{0,3},\s{0,3}")
#: "and" and a capitalised name right after a name: the name closes a list ("Kisumu and Nakuru")
_AND_NEXT = re.compile(r",?\s{1,3}and\s{1,3}[A-Z]")
#: a town this far from a city named right after it is not in it: a quarter the gazetteer lacks
_QUARTER_REACH_KM = 40.0
#: "Girardot municipality, Cojedes state", "Arso district (Keerom, Papua)": a unit, then the one that holds it
_NEXT_WORD = re.compile(r"\s{1,3}([A-Za-z]{1,20})")
#: "X near Y in Z": the town a place is reckoned from, between the place and its unit
_NEAR_GAP = re.compile(r"\s{0,3},?\s{1,3}(?:near|outside|close\s{1,3}to)\s{1,3}(?:the\s{1,3}(?:town|city|village)\s{1,3}of\s{1,3})?", re.I)
#: "Salim [Bayt Ali] village (Qaatabah, Ad Dali)": an editor's insertion in square brackets
_INSERTION = re.compile(r"\s{0,3}\[[^\[\]\n]{1,40}\]")
_UNIT_THEN = re.compile(
    r"\s{1,3}(?:district|province|village|town|city|municipality|county|subdistrict|sub-district|commune|governorate|"
    r"department|state|region|area|locality|tehsil|taluka|township|upazila|LGA|sector)(?:\s{1,3}area)?\s{0,3}[,(]\s{0,3}",
    re.I,  # "Mindat District, Chin State" as "Mindat district, Chin state"; "Uri sector area (Baramulla ...)"
)


def _admin1_names(p: Place) -> tuple[str, ...]:
    """The place's first-level unit, folded, and the larger unit it is reported as, if any
    ("Bayt Hanun" lies in North Gaza, which news and ACLED call the Gaza Strip)."""
    group = admin1_groups().get((p.cc, p.admin1))
    return (fold(p.admin1), fold(group)) if group else (fold(p.admin1),)


#: "the ", "a ", "the central ", "the restive northern ": an article and up to two lower-case words
_ARTICLE_BEFORE = re.compile(r"\b(?:[Tt]he|an?)\s+(?:[a-z][a-z-]*\s+){0,2}$")


class Choice(Cues):
    """Votes for the document's country and picks each mention's reading."""

    def _analyse(self, ctx: Context) -> tuple[list[_Mention], str | None]:
        mentions, dominant, _ = self._indexed(ctx)
        return mentions, dominant

    def _settlement_demonym(self, text: str, start: int, end: int) -> bool:
        """Whether text[start:end] is the demonym of "the <demonym> capital" or of "the central
        <demonym> town of X": a nationality qualifying a settlement, not a place of that name (a
        region, province or state may bear it: "the Somali region" of Ethiopia)."""
        if fold(text[start:end]) not in self.demonyms:
            return False
        after = re.match(r"\s+(\w+)", text[end : end + 14])
        if after is None or after.group(1).lower() not in cue_list("settlement_after_demonym"):
            return False
        return _ARTICLE_BEFORE.search(text[max(0, start - 40) : start]) is not None

    def _party_demonym(self, text: str, start: int, end: int) -> bool:
        """Whether text[start:end] is a demonym naming a state's force or government ("Somali
        forces", "Somali government troops"), whatever place shares the word."""
        if fold(text[start:end]) not in self.demonyms:
            return False
        after = re.match(r"\s+(\w+)", text[end : end + 30])
        word = after.group(1).lower() if after else ""
        return word in cue_list("force_after_demonym") or word in cue_list("state_after_demonym")

    def _dateline_countries(self, ctx: Context) -> list[tuple[str, int]]:
        """(country, offset) of each dateline's place: its country's name after a comma
        ("PEMBA, Mozambique"), else the country the town most likely lies in ("BAMAKO")."""
        out = []
        for span in ctx.cleaned.boilerplate:
            if span.kind != "dateline":
                continue
            names = [n for n, _, _ in dateline_places(ctx.document.text, span.start)]
            found = [(self._candidates(n.title() if n.isupper() else n), n) for n in names]
            countries = [p.cc for places, _ in found for p in places[:1] if p.kind == "country"]
            town = leading_country(found[0][0], found[0][1]) if found and found[0][0] else None
            cc = countries[-1] if countries else town
            if cc:
                out.append((cc, span.start))
        return out

    def _indexed(self, ctx: Context) -> tuple[list[_Mention], str | None, list[int]]:
        """Place mentions in text order, the dominant country, and the mentions' start offsets."""
        cached = self._memory.get(id(ctx))
        if cached and cached[0] is ctx:
            return cached[1], cached[2], cached[3]
        mentions: list[_Mention] = []
        lowered = is_lowercased(ctx.document.text)  # the model read a cased view: its labels are guesses
        for para in ctx.paragraphs:
            mentions += self._scan(para, lowered)
        # "the Somali capital", "the central Malian town of": a nationality, not the place of that name
        mentions = [m for m in mentions if not self._settlement_demonym(ctx.document.text, m.start, m.end)]
        # "Somali forces", "Somali government forces": a nationality's force, not Ethiopia's Somali region
        mentions = [m for m in mentions if not self._party_demonym(ctx.document.text, m.start, m.end)]
        # "a ship in the Red Sea": the water, not Egypt's Red Sea governorate
        mentions = [m for m in mentions if not _water(ctx.document.text, m.start, m.end)]
        votes: Counter[str] = Counter()  # in half votes: a shared reading counts half
        weak: Counter[str] = Counter()  # an armed force's demonym: a tie-break
        forces = cue_list("force_after_demonym")
        people: set[str] = set()  # the countries of demonyms not of a force ("Palestinian residents")
        first_seen: dict[str, int] = {}  # where the text first pointed at each country
        text = ctx.document.text
        readings: dict[str, set[str]] = {}  # countries each distinct name may be in
        country_named: list[tuple[str, set[str]]] = []  # a country's name that is also a unit abroad
        self._mark_quarters(mentions, text)
        outside = self._outside_units(mentions, text)
        for m in mentions:
            if m.partial or m.respelled or m.party or id(m) in outside:
                continue
            # a name whose best reading outweighs the others votes for its country ("Kunduz": the
            # Afghan city, province and district, not a Turkish village's alternate name; "Athens":
            # the Greek capital, not the American towns named after it)
            cc = leading_country(m.places, text[m.start : m.end])
            named = next((p for p in m.places if p.kind == "country" and fold(p.name) == fold(text[m.start : m.end])), None)
            if cc is None and named is not None:
                # "Niger": the country, or Nigeria's Niger state; which one, the other names tell
                country_named.append((named.cc, {p.cc for p in m.places} - {named.cc}))
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
        actors = list(self._actors(text))
        for start, end in self._demonyms.finditer(text):
            demonym_cc = self.demonyms.get(fold(text[start:end]))
            if demonym_cc and not abroad_demonym(text, end):  # "Saudi forces shelled ...": the actors' country, weaker than a place
                # "Israeli forces fired at Palestinian fishermen": a force acts abroad as often as
                # at home, so its demonym only breaks a tie
                after = _NEXT_WORD.match(text, end)
                if after and after.group(1).lower() in forces:
                    # (a named force's demonym tips the balance once, with the force: "the U.S.
                    # military said")
                    if not any(a <= start and end <= b and self._cc(actor.country) == demonym_cc for a, b, actor in actors):
                        weak[demonym_cc] += 1
                else:
                    votes[demonym_cc] += 1
                    people.add(demonym_cc)
                first_seen.setdefault(demonym_cc, start)
        # "the OSCE SMM observed ...", "Houthi forces shelled ...": a named actor of one country
        # votes as a demonym does (not a name that is itself a place: "Kyiv" already voted)
        for start, end, actor in actors:
            actor_cc = self._cc(actor.country)
            if not actor_cc and not any(m.start < end and start < m.end for m in mentions):
                # "the Saudi-led coalition": an actor of no country that acts in one only, a tie-break
                theatre = self._cc(self._theatres().get(actor.name))
                if theatre:
                    weak[theatre] += 1
                    first_seen.setdefault(theatre, start)
                continue
            if actor_cc and not any(m.start < end and start < m.end for m in mentions):
                # "Israeli forces", "Turkish Army Forces": a force's, a tie-break as its demonym is
                after = _NEXT_WORD.match(text, end)
                last = text[start:end].rsplit(None, 1)[-1].lower() if end > start else ""
                if last in forces or (after and after.group(1).lower() in forces):
                    weak[actor_cc] += 1
                else:
                    votes[actor_cc] += 1
                first_seen.setdefault(actor_cc, start)
        for cc, others in country_named:
            if not any(votes[o] for o in others):
                votes[cc] += 4  # (no other name points to the unit's country: "French soldiers left Niger")
        # "BAMAKO, Mali (Wire) -": where the reporter files from votes as a town named in the text
        # does (a dateline is boilerplate, not a paragraph the scan reads)
        for cc, start in self._dateline_countries(ctx):
            votes[cc] += 2
            first_seen.setdefault(cc, start)
        # ... a tie-break only against the people of another country ("Palestinian fishermen"):
        # "Ukrainian Forces fired at ..." alone still tells the country
        if not people - set(weak):
            votes.update(weak)
            weak.clear()
        # "San Antonio (Valparaiso)", "Bariirre, Afgooye": a town inside the unit named after it
        # tells the country both lie in
        for m, unit in zip(mentions, mentions[1:], strict=False):
            if m.partial or unit.partial or not LIST_GAP.fullmatch(text, m.end, unit.start):
                continue
            units = {(p.cc, fold(p.name)) for p in unit.places if p.kind in ("admin1", "admin2")}
            inside = sorted({p.cc for p in m.places if held_by(p, units)})
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
            min(votes | weak, key=lambda cc: (-votes[cc], -weak[cc], first_named.get(cc, (len(text), 0)), cc))
            if votes or weak
            else None
        )
        # a name cut from a longer one ("Abu" of "Abu Salim") stands only in the document's country;
        # so does another spelling of a name ("in Quamishli": Al Qamishli)
        kept = []
        units = self._units_named(mentions, dominant)
        districts = [
            p for m in mentions if not (m.partial or m.respelled)
            for p in m.places if p.kind == "admin2" and p.cc == dominant
        ]  # fmt: skip
        for m in mentions:
            if m.respelled:  # (only inside a province or district the text names: "Quamishli ... Hasakeh")
                found = self.respelled(text[m.start : m.end], dominant) if dominant else []
                m.places = [p for p in found if held_by(p, units) and _near_named_district(p, districts)]
                unit_cc = _next_unit_country(mentions, m, text) if not m.places else None
                if unit_cc and unit_cc != dominant:
                    # "Russian military police patrolled Qamishly city in Hasakah": the country of the
                    # unit told right after it, whatever country the forces make the text's
                    other_units = self._units_named(mentions, unit_cc)
                    m.places = [p for p in self.respelled(text[m.start : m.end], unit_cc) if held_by(p, other_units)]
                if not m.places and not units and m.cue == "city" and len(found) == 1 and (
                    len(skeleton(text[m.start : m.end])) >= _SURE_SKELETON
                ):
                    # "the town of Tal Tamr in northeastern Syria": a town so called, the one
                    # town of the text's country spelled so, a long name
                    m.places = found
                if not m.places and not units and not _after_place(mentions, m, text):
                    # ... or, where the text names no unit and the name is no unit after a town, a
                    # province or a big town of one country ("in Sulaimaniyah"), of the document's
                    # country when it has one
                    major = [p for p in self.respelled_major(text[m.start : m.end]) if p.cc == (dominant or p.cc)]
                    if len({p.cc for p in major}) == 1 and len(skeleton(text[m.start : m.end])) > MIN_SKELETON:
                        m.places = major
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
            if m.respelled and m.contradicted:
                m.chosen = None  # another spelling outside the unit named after it: not this place
            # "in Zamora, Michoacan": the name after a town and a comma is the unit that holds the
            # town (the state), not a village elsewhere so named
            prev = mentions[i - 1] if i else None
            # ("Cuauhtemoc municipality, Chihuahua": the state, not its capital)
            if (
                prev is not None
                and prev.chosen is not None
                and (LIST_GAP.fullmatch(text, prev.end, m.start) or _UNIT_THEN.fullmatch(text, prev.end, m.start))
            ):
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
            self._prefer_named_province(mentions, dominant, [(p.start, p.end) for p in ctx.paragraphs], text)
        if len(self._memory) > 16:
            self._memory.clear()
        starts = [m.start for m in mentions]
        self._memory[id(ctx)] = (ctx, mentions, dominant, starts)
        return mentions, dominant, starts

    @staticmethod
    def _units_named(mentions: list[_Mention], dominant: str | None) -> set[tuple[str, str]]:
        """(country, folded name) of the provinces and districts of the document's country the
        text names, and the provinces of those districts."""
        out: set[tuple[str, str]] = set()
        for m in mentions:
            if m.partial or m.respelled:
                continue
            for p in m.places:
                if p.cc == dominant and p.kind in ("admin1", "admin2"):
                    out.add((p.cc, fold(p.name)))
                    if p.kind == "admin2" and p.admin1:
                        out.add((p.cc, fold(p.admin1)))
        return out

    @staticmethod
    def _prefer_named_province(
        mentions: list[_Mention], dominant: str, paragraphs: list[tuple[int, int]], text: str
    ) -> None:
        """A name with readings in several provinces of the document's country ("El Palmar")
        is the one in the province the rest of the text places itself in ("Leon, Guanajuato")."""
        # "Hamlet village near Town (District, Province)": a small town whose every reading lies
        # outside the one province its paragraph names is a namesake of a place the gazetteer
        # lacks (marked first: such a namesake tells nothing of the province the text is in); a
        # province named in another paragraph may be another incident's ("a police station in
        # Cauca ... / a bomb in Jamundi, near Cali": the next department's town)
        def paragraph(at: int) -> int:
            return next((i for i, (a, b) in enumerate(paragraphs) if a <= at < b), -1)

        named: dict[int, set[str]] = {}
        for m in mentions:
            if not m.partial and m.chosen is not None and m.chosen.cc == dominant and m.chosen.kind == "admin1":
                named.setdefault(paragraph(m.start), set()).add(fold(m.chosen.name))
        if len(set().union(*named.values()) if named else set()) == 1:
            for m in mentions:
                chosen = m.chosen
                if (chosen is None or m.partial or chosen.cc != dominant or chosen.kind != "city"
                        or chosen.population >= _NAMESAKE_TOWN):
                    continue
                here = named.get(paragraph(m.start))
                if here and not any(p.cc == dominant and not here.isdisjoint(_admin1_names(p)) for p in m.places):
                    m.contradicted = not _near_next_named(mentions, m, text)
        provinces: Counter[str] = Counter()
        for m in mentions:
            if m.partial or m.contradicted or m.chosen is None or m.chosen.cc != dominant:
                continue
            if m.chosen.kind == "admin1":  # "Morelos": the state, whatever towns share its name
                provinces[fold(m.chosen.name)] += 1
                continue
            held = {fold(p.admin1) for p in m.places if p.cc == dominant and p.admin1}
            if len(held) == 1:
                provinces[held.pop()] += 1
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
    def _mark_quarters(mentions: list[_Mention], text: str) -> None:
        """A name in a bracket after a city of 100,000 so written, whose readings are only towns
        and districts elsewhere, is a quarter of the city ("Panama City (Bella Vista)"), not a
        district abroad that rules the city out: it is marked a piece of a name."""
        for m, quarter in zip(mentions, mentions[1:], strict=False):
            if m.partial or quarter.partial or not _BRACKET_GAP.fullmatch(text, m.end, quarter.start):
                continue
            written = fold(text[m.start : m.end])
            big = {p.cc for p in m.places if p.kind == "city" and p.population >= 100_000 and fold(p.name) == written}
            if big and all(p.kind in ("admin2", "city") and p.cc not in big for p in quarter.places):
                quarter.partial = True
        # "in Diliman, Quezon City", "Ermita, Manila": a name before a comma and a city of 100,000
        # so written, whose every reading is a town or district far from that city, is a quarter
        # of the city the gazetteer lacks, not a namesake elsewhere
        for quarter, m in zip(mentions, mentions[1:], strict=False):
            if m.partial or quarter.partial or not _COMMA_GAP.fullmatch(text, quarter.end, m.start):
                continue
            if any(p.kind in ("admin1", "admin2") for p in m.places):
                continue  # "Sarmin, Idleb": the province the city is named with holds the town
            written = fold(text[m.start : m.end])
            cities = [p for p in m.places if p.kind == "city" and p.population >= 100_000 and fold(p.name) == written]
            if cities and all(
                p.kind in ("admin2", "city")
                and p.population < _NAMESAKE_TOWN
                and all((km := km_between(p, c)) is not None and km > _QUARTER_REACH_KM for c in cities)
                for p in quarter.places
            ):
                quarter.partial = True
        # "Kherson ... the city's Dniprovskyi district": a district the text gives to the city
        # it named before, whose every reading lies far from that city (Kyiv's Dnipro raion), is
        # a quarter the gazetteer lacks
        for k, quarter in enumerate(mentions):
            if quarter.partial or not POSSESSED_PLACE.search(text, max(0, quarter.start - 30), quarter.start):
                continue
            before = next((m for m in reversed(mentions[:k]) if not m.partial and any(p.kind == "city" for p in m.places)), None)
            cities = [p for p in before.places if p.kind == "city"] if before is not None else []
            if cities and all(
                p.kind in ("admin2", "city")
                and all((km := km_between(p, c)) is not None and km > _QUARTER_REACH_KM for c in cities)
                for p in quarter.places
            ):
                quarter.partial = True

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
            # (a unit of one country, the name's own, that the gazetteer files it outside still
            # tells the country: "Toba Tek Singh, Sindh")
            own = {cc for cc, _ in units}
            if not any(held_by(p, units) or len(own) == 1 and p.cc in own for p in m.places):
                out.add(id(m))
        return out

    @staticmethod
    def _registry() -> Any:
        """The actor registry, or None when its data fails to load: places must not fail with it."""
        from ..actors import ActorRegistry

        try:
            return ActorRegistry.default()
        except Exception:  # noqa: BLE001 - the places must not fail with the actor data
            return None

    @classmethod
    def _actors(cls, text: str) -> list[tuple[int, int, Any]]:
        """Named actors in the text (start, end, actor), for their country."""
        registry = cls._registry()
        return registry.find(text) if registry is not None else []

    @classmethod
    def _theatres(cls) -> dict[str, str]:
        """Actor name -> the one country an actor of no country acts in."""
        registry = cls._registry()
        return registry.theatre if registry is not None else {}

    @cached_property
    def _demonyms(self) -> PhraseFinder:
        """Every demonym in one automaton (one pass over the text, not one per demonym)."""
        return PhraseFinder(self.demonyms)

    def _sentence_country(self, text: str, start: int, ccs: set[str]) -> str | None:
        """The one of ``ccs`` whose name the sentence gives before the place ("In neighbouring
        Burkina Faso, militants ambushed a convoy near Djibo" in a story about Mali)."""
        opened = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
        before = text[opened:start]
        if not any(self.countries.get(cc, "\0") in before for cc in ccs):
            return None
        # (only when it is the one country the sentence names: "forces of India and Pakistan
        # exchanged fire in Naushera" says nothing of which)
        named = [cc for cc, name in self.countries.items() if name in before and re.search(rf"\b{re.escape(name)}\b", before)]
        return named[0] if len(named) == 1 and named[0] in ccs else None

    def _told_country(self, text: str, start: int) -> str | None:
        """The country a demonym right before the name gives it ("the Lebanese town of X")."""
        m = _TOLD_COUNTRY.search(text, max(0, start - 40), start)
        return self.demonyms.get(fold(m.group("demonym"))) if m is not None else None

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
        containers: list[tuple[set[tuple[str, str]], set[tuple[str, str]], set[str], bool, list[Place]]] = []
        for f in ([owner] if owner is not None else []) + following:
            # "Chatsworth (eThekwini, KwaZulu-Natal)": a name not found may stand between;
            # "Ovacik district of Tunceli", "Telman village in Ysyk-Ata district": a unit named after
            if f is not owner and text[prev_end : f.start].strip() in ("-", "–"):
                break  # "the Tripoli-Beirut highway": two towns a road joins, neither in the other
            if f is not owner and _NEAR_GAP.fullmatch(text, prev_end, f.start):
                prev_end = f.end
                continue  # "Stepove near Avdiivka in the Donetsk region": the unit after holds both
            if (
                f is not owner
                and _COMMA_GAP.fullmatch(text, prev_end, f.start)
                and _AND_NEXT.match(text, f.end)
                and not any(p.kind == "country" for p in f.places)
            ):
                break  # "in Mombasa, Kisumu and Nakuru": a list of places, not a town and its county
            inserted = _INSERTION.match(text, prev_end) if f is not owner else None
            gap = inserted.end() if inserted is not None and inserted.end() <= f.start else prev_end
            if (
                f is not owner
                and f.start - gap > 3
                and not _SKIPPED_NAME.fullmatch(text, gap, f.start)
                and not _UNIT_OF.fullmatch(text, gap, f.start)
                and not _POLICE_AREA_OF.fullmatch(text, gap, f.start)
                and not _in_unit_gap(text, gap, f)
                and not _UNIT_THEN.fullmatch(text, gap, f.start)
            ):
                break
            prev_end = f.end if f is not owner else prev_end
            if f is not owner and _repeats(text, m, f):
                prev_end = f.start + (m.end - m.start)
                continue  # "Mirpur Khas town (Mirpur khas district)": its own district, cased otherwise
            parents = {(p.cc, fold(p.name)) for p in f.places if p.kind in ("country", "admin1")}
            districts = {(p.cc, fold(p.name)) for p in f.places if p.kind == "admin2"}
            nations = {p.cc for p in f.places if p.kind == "country"}
            if parents | districts:
                # a unit whose every reading lies in one country ("Ituri", "North Sinai") or that the
                # text calls a unit ("Bolivar state") can rule out
                strong = len({cc for cc, _ in parents or districts}) == 1 or f.cue in ("admin1", "admin2")
                containers.append((parents, districts, nations, strong and f is not owner, f.places))
        if containers:
            # the readings that the most of the names after it contain: "Rafah (Rafah, North Sinai)"
            # is Egypt's Rafah, inside both its district and its province
            def held(p: Place) -> tuple[int, bool]:
                inside = [
                    any((p.cc, unit) in parents for unit in _admin1_names(p) if not _is_unit(p, "admin1", unit, itself))
                    or (p.cc, fold(p.admin2)) in districts and not _is_unit(p, "admin2", fold(p.admin2), itself)
                    or p.cc in nations
                    for parents, districts, nations, _, itself in containers
                ]
                return sum(inside), inside[-1]  # a tie goes to the outermost unit, named last

            best = max(held(p) for p in places)
            if m.respelled and best[0] < len(containers) and _far_from_named_district(places, following):
                # a name the gazetteer lacks, read as another spelling of a place far from the
                # district named after it ("Masisy municipality (Beni, Nord-Kivu)" is no Masisi
                # far south): a quarter of the town named, not the guess
                m.contradicted = m.ruled_out = True
            elif best[0]:
                places = [p for p in places if held(p) == best]
                # "Rafah (Rafah, North Sinai)": a unit of one country that holds it settles the
                # country, whatever country the rest of the text is most about
                confirmed = any(
                    c[3] and any((p.cc, fold(p.admin1)) in c[0] or (p.cc, fold(p.admin2)) in c[1] for p in places)
                    for c in containers
                )
                if confirmed and len({p.cc for p in places}) == 1:
                    dominant = places[0].cc
                if places[0].kind == "city" and _far_from_named_district(places, following):
                    m.contradicted = m.ruled_out = True  # "Jalalpur, Shamli (UP)": UP's other Jalalpur
            elif (
                places[0].kind not in ("country", "admin1")
                and any(c[3] for c in containers)
                # a district's towns are listed unevenly ("Yaounde city (Mfoundi, Centre)"): a
                # town in the district's province is not ruled out by it, unless it lies far
                # from the district ("Jalalpur, Shamli": another district's Jalalpur)
                and not any(
                    (p.cc, fold(q.admin1)) == (q.cc, fold(p.admin1)) and _near_district(p, q)
                    for f in ([owner] if owner is not None else []) + following
                    for q in f.places
                    if q.kind == "admin2"
                    for p in places
                )
            ):
                m.contradicted = m.ruled_out = True  # "Logo (Mahagi, Ituri)" with no Logo in Ituri: a place unknown here
            elif places[0].kind == "admin1" and any(
                c[3] and not {cc for cc, _ in c[0] | c[1]} & {p.cc for p in places} for c in containers
            ):
                # "Machiques, La Guajira, Zulia state": a unit of another country is no province of
                # Colombia's but a place of Zulia the gazetteer lacks ("Punjab, Sindh" is a list)
                m.contradicted = m.ruled_out = True
            elif owner is not None and places[0].kind != "country" and any(p.kind == "country" for p in owner.places):
                # "Iraq's semi-autonomous Kurdistan region": no place of another country (Iran's Kordestan)
                m.contradicted = m.ruled_out = True
        if places[0].kind == "country":
            return places[0]  # a country's own name is not a town elsewhere ("Lebanon", not Tennessee's)
        told = self._told_country(text, m.start) if text else None
        if told is None and text and dominant and not containers and not any(p.cc == dominant for p in places):
            told = self._sentence_country(text, m.start, {p.cc for p in places})
        if told is not None and any(p.cc == told for p in places):
            # "the southern Lebanese town of Nabatieh" in a story about Israel: the country said
            places = [p for p in places if p.cc == told]
        elif dominant:  # "a city called Hays, in Yemen": Yemen's Hays, though only its district is known
            home = [p for p in places if p.cc == dominant]
            # a small town abroad in a text about another country is likely not it, nor is a city
            # abroad that only another spelling reaches ("the village of Korogo": not Korhogo)
            written = fold(text[m.start : m.end]) if text else ""
            if not home and places[0].kind == "city" and (
                places[0].population < _NAMESAKE_TOWN
                # "near the town of Kani" in a text about Myanmar: called a town or a village, not
                # Japan's city of a hundred thousand
                or places[0].population < _NAMESAKE_CITY and _called_small(text, m.start, m.end)
                or written and all(fold(p.name) != written for p in m.places)
                # "blocked the road at the Palma bridge" in a text about Lebanon: a structure
                # named after somewhere, not Spain's Palma
                or _names_structure(text, m.end)
            ):
                m.contradicted = True
            places = home or places
        if m.cue:
            kinds = [p for p in places if p.kind == m.cue] or places
            places = kinds
        return places[0]


def _water(text: str, start: int, end: int) -> bool:
    """Whether the name is "the ... Sea" (or Gulf, Ocean...) with no unit word after it."""
    before = text[max(0, start - 12) : start]
    words = before.split()
    if len(words) > 1 and before[-1:].isspace() and words[-1].lower() == "of" and words[-2].lower() in cue_list("water_words"):
        return True  # "the Gulf of Aden"
    words = text[start:end].lower().split()
    if not words or words[-1] not in cue_list("water_words") and words[0] not in cue_list("water_words"):
        return False
    after = re.match(r"\s+(\w+)", text[end : end + 20])
    if after is not None and after.group(1).lower() in ADMIN1_CUES | ADMIN2_CUES:
        return False
    if after is not None and after.group(1) == "of" and re.match(r"\s+of\s+[A-Z]", text[end : end + 20]):
        return True  # "in Gulf of Aden" (a headline drops the article)
    if words[-1] in ("sea", "ocean") and _BEFORE_WATER.search(before):
        return True  # "targeted a ship in Red Sea" (a headline drops the article)
    # ("in the southern Red Sea", "the eastern Mediterranean Sea": a part of the water)
    return re.search(rf"\b[Tt]he\s+(?i:{DIRS}(?:ern)?\s+)?$", text[max(0, start - 20) : start]) is not None


_BEFORE_WATER = re.compile(r"\b(?:in|into|on|off|across|over|near|at)\s$", re.I)


#: "the southern Lebanese town of ", "a Syrian village called ": the country's demonym told of the place
_TOLD_COUNTRY = re.compile(
    r"\b(?P<demonym>[A-Z][a-z]+)\s(?:(?:town|city|village|port|district|province|region)\s(?:of|called|named)\s|capital\s"
    # "an Israeli army position in Metula": a state's own site, in its own country
    r"|(?:(?:army|military|police|border)\s)?(?:positions?|bases?|posts?|outposts?|barracks|settlements?)\s(?:in|at|near)\s)$"
)


def _called_small(text: str, start: int, end: int) -> bool:
    """The text calls the place a town or a village ("the town of X", "X village")."""
    return bool(_SMALL_BEFORE.search(text, max(0, start - 24), start) or _SMALL_AFTER.match(text, end))


_SMALL_BEFORE = re.compile(r"\b(?:town|village|hamlet)\s(?:of|called|named)\s$", re.IGNORECASE)
_SMALL_AFTER = re.compile(r"\s(?:town|village|hamlet)\b", re.IGNORECASE)


def _names_structure(text: str, end: int) -> bool:
    """The name is followed by a structure named after it ("the Palma bridge", "the Nour roundabout")."""
    if not text:
        return False
    nxt = re.match(r"\s+([A-Za-z]+)", text[end : end + 20])
    return nxt is not None and nxt.group(1).lower() in cue_list("after_name") - cue_list("road_after_name")


#: A town this far from the seat of the district said to hold it is another town of its name
_DISTRICT_REACH_KM = 80.0
#: ... when it is a town small enough to share its name with others
_NAMESAKE_TOWN = 100_000
#: ... and a place abroad that the text calls a town or a village is no city bigger than this
_NAMESAKE_CITY = 1_000_000


def _in_unit_gap(text: str, gap: int, f: _Mention) -> bool:
    """Whether the words from ``gap`` to the mention ``f`` say that f holds the place before:
    "Kafr Nabl in Idleb" (a unit first among f's readings), "in the countryside of Aleppo",
    "in eastern Raqqa countryside" (a unit among them: a city's countryside is its province's)."""
    found = _in_unit_re(cue_list("before_in_unit")).fullmatch(text, gap, f.start)
    if found is None:
        return False
    units = [p for p in f.places if p.kind in ("admin1", "admin2")]
    rural = found.group("rural") is not None or _RURAL_AFTER.match(text, f.end) is not None
    return bool(units) and (f.places[0].kind in ("admin1", "admin2") or rural)


def _after_place(mentions: list[_Mention], m: _Mention, text: str) -> bool:
    """Whether ``m`` follows another place after a comma or a bracket ("Mariupol, Zaporizhia")."""
    return any(o.end <= m.start and LIST_GAP.fullmatch(text, o.end, m.start) for o in mentions if o is not m)


def _repeats(text: str, m: _Mention, f: _Mention) -> bool:
    """Whether the name at ``f`` begins a case-insensitive repeat of the longer name at ``m``."""
    name = text[m.start : m.end]
    return f.end - f.start < len(name) and text[f.start : f.start + len(name)].lower() == name.lower()


def _is_unit(p: Place, kind: str, unit: str, named: list[Place]) -> bool:
    """Whether reading ``p`` is itself the unit ``unit`` of a name told after it: a province or
    district is not inside itself ("Nguigmi (Nguigmi, Diffa)": the name before the district so
    named is its town)."""
    return p.kind == kind and fold(p.name) == unit and p in named


def _near_next_named(mentions: list[_Mention], m: _Mention, text: str) -> bool:
    """Whether the one town of its name in its country, chosen for ``m``, lies near a district or
    town named right after it in the same clause ("Dapchi (Borsari LGA, Borno)", "Rokupr town,
    Magbema chiefdom (Kambia, North-West)"): the text places it there, and a province named after
    that which the gazetteer does not file it in is a slip or another scheme of provinces, not a
    namesake elsewhere."""
    town = m.chosen
    nxt = next((n for n in mentions if n.start >= m.end and not n.partial), None)
    if town is None or nxt is None or nxt.start - m.end > _NEXT_NAMED_GAP or _CLAUSE_END.search(text, m.end, nxt.start):
        return False
    if sum(p.cc == town.cc for p in m.places) > 1:
        return False  # a name of several towns of the country ("Jati"): likely a namesake after all
    return any(q.kind in ("admin2", "city") and q.cc == town.cc and q.lat is not None and _near_district(town, q) for q in nxt.places)


#: at most this many characters between a town and the district named after it
_NEXT_NAMED_GAP = 60
_CLAUSE_END = re.compile(r"[.;:]")


def _near_district(town: Place, district: Place) -> bool:
    """Whether ``town`` may lie in ``district`` though the gazetteer files it elsewhere (true
    when the district's coordinates are unknown)."""
    km = km_between(town, district)
    return km is None or km <= _DISTRICT_REACH_KM


def _next_unit_country(mentions: list[_Mention], m: _Mention, text: str) -> str | None:
    """The one country of the province or district named right after ``m`` ("X, Hasakeh",
    "X city in Hasakeh"), if every reading of that name is a unit of that country."""
    after = next((n for n in mentions if n.start >= m.end), None)
    if after is None or after.partial or after.respelled or not after.places:
        return None
    if not (LIST_GAP.fullmatch(text, m.end, after.start) or _UNIT_IN_GAP.fullmatch(text, m.end, after.start)):
        return None
    units = [p for p in after.places if p.kind in ("admin1", "admin2")]
    countries = {p.cc for p in after.places}
    return units[0].cc if units and len(countries) == 1 else None


#: "X city in Y", "X town, in Y province": a town's unit word, then the unit holding it
_UNIT_IN_GAP = re.compile(r"\s{1,3}(?:city|town|village|district|area)?\s{0,3},?\s{0,3}in\s{1,3}(?:the\s{1,3})?", re.I)


def _far_from_named_district(towns: list[Place], following: list[_Mention]) -> bool:
    """Whether a district named after the towns, of their own province, holds none of them and
    lies far from each: the text names a namesake the gazetteer lacks."""
    for f in following:
        districts = [q for q in f.places if q.kind == "admin2" and q.lat is not None]
        if not districts:
            continue
        if any(held_by(t, {(q.cc, fold(q.name))}) for t in towns for q in districts):
            return False
        # only towns the gazetteer files in another district, and small enough to have namesakes
        # ("Bahawalpur city (Multan, Punjab)" names a division after a city)
        same_province = [
            (t, q) for t in towns for q in districts
            if t.admin2 and t.population < _NAMESAKE_TOWN and (t.cc, fold(t.admin1)) == (q.cc, fold(q.admin1))
        ]  # fmt: skip
        if same_province and not any(_near_district(t, q) for t, q in same_province):
            return True
    return False


#: a name's key this long, cued as a town, is the one town of the country that it spells
_SURE_SKELETON = 7


def _near_named_district(p: Place, districts: list[Place]) -> bool:
    """Whether a village ``p`` lies near the seat of a district the text names in its province, when
    the text names one there ("Ramgarh (Dumka district)": not a village so named two
    districts away; a district's seat rather than its name, as new districts split old ones)."""
    if p.precision != VILLAGE:
        return True
    here = [d for d in districts if fold(d.admin1) == fold(p.admin1) and d.lat is not None]
    return not here or any(_near_district(p, d) for d in here)
