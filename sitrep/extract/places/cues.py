"""Place mentions in a parsed paragraph: the names, the cues around them ("in X", "X district")."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cached_property
from typing import Any

from ..gazetteer_coverage import abbreviations, coverage, cue_list, cue_words, unit_countries
from ..gazetteer_data import fold, loose_key
from ..place_names import (
    ADMIN1_CUES,
    ADMIN2_CUES,
    CITY_CUES,
    DIRS,
    abroad_demonym,
    after_name,
    continues_list,
    goes_on_after,
    goes_on_before,
    heads_thing,
    in_brackets,
    name_goes_on,
)
from .candidates import Candidates
from .records import Place, _Mention, held_by

_UNIT_CUES = ADMIN1_CUES | ADMIN2_CUES | CITY_CUES  # "province", "district", "town"...
#: "the towns of Sousa and Patos": the plural of a unit before the names it lists
_UNITS = {"cities", "towns", "villages", "districts", "provinces", "states", "municipalities", "localities"}
_NEAR = {"near", "outside", "outskirts", "around", "nearby", "vicinity"}
_LINKS = {"e", "i", "ye", "ul", "al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "de", "del", "da", "do", "dos",
          "das", "di", "du", "des", "la", "las", "los", "bin", "ibn"}  # fmt: skip
_QUARTER = {"neighborhood", "neighbourhood", "quarter", "suburb", "neighborhoods", "neighbourhoods", "community", "colonia", "barrio"}
#: "the area of X", "the outskirts of X": X is a place
_AREA = {"area", "areas", "outskirts", "vicinity", "countryside", "environs", "suburbs", "surroundings"}
_BEARING = re.compile(rf"{DIRS}(?:ern)?", re.I)
#: compass words that begin many names ("North Waziristan", "East Jerusalem"), however written
_COMPASS = frozenset(["north", "south", "east", "west"])
_QUALIFIER = re.compile(rf"{DIRS}(?:ern)?|the|rural|upper|lower|greater|central", re.I)


#: the hurt or the dead brought somewhere: "taken to hospital in", "rushed to a clinic in",
#: "evacuated to" (the place after it is where they were brought)
_CARRIED = re.compile(
    r"\b(?:taken|rushed|brought|admitted|evacuated|transferred|flown|airlifted|treated|moved)\s+"
    r"(?:(?:to|at|in)\s+(?:a\s+|the\s+)?(?:[\w'-]+\s+){0,2}?(?:hospitals?|clinics?|morgue|mortuary)\s+(?:in|at)|to"
    # ("taken to the security agency's Homs branch": where the held were brought)
    r"|to\s+(?:a\s+|the\s+)?(?:[\w-]+\s+){0,3}?[\w-]+['\u2019]s)\s+$",
    re.I,
)


def _joined_to_place(ent: Any) -> bool:
    """A name coordinated with a place name the model tagged as a place ("Mombasa and Kisumu",
    "Kisumu, Nakuru and Eldoret"): the list is of one kind."""
    root = ent.root
    if root.dep_ == "conj" and root.head.ent_type_ in ("GPE", "LOC"):
        return True
    return any(c.dep_ == "conj" and c.ent_type_ in ("GPE", "LOC") for c in root.children)


class Cues(Candidates):
    """Finds the place names of a paragraph and the cues that say what kind of place each is."""

    def _scan(self, para: Any, lowered: bool = False) -> list[_Mention]:
        doc = para.doc
        found: list[_Mention] = []
        taken: set[int] = set()
        every_town = coverage().every_town  # read once, not for every candidate of every word run
        for ent in doc.ents:
            lead = _name_before_date(ent)
            if ent.label_ in ("GPE", "LOC", "FAC", "NORP", "PERSON", "ORG") or _misread_name(ent) or lead:
                toks = lead or list(ent)
                cut = next((k for k, t in enumerate(toks) if t.text in ("(", ",") or k and t.text == "in"), None)
                # "Colon (Colon", "Sarmin in Idleb" tagged as one name: the place and its district
                if cut is not None:
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
                # (a country's name of two words or more is no person's: "In neighbouring Burkina
                # Faso", tagged as a person; nor one the model takes for an organisation: "Niger's
                # military junta")
                country_named = (" " in name or ent.label_ == "ORG" or _lone_person(ent)) and any(
                    p.kind == "country" and fold(p.name) == fold(name) for p in self._candidates(name)
                )
                strict = not whole and not country_named and (ent.label_ not in ("GPE", "LOC", "FAC") or fold(name) in self.stop)
                cued = self._cued(doc, ent.start, ent.end)
                # "Huanuquillo, Junin", "(Mwumba, Ngozi)": a name the model took for a person or an
                # organisation, listed after a place, is taken only as the unit that contains it
                units_only = (
                    strict and not cued
                    # (in lower-cased text the model's label is a guess on a cased view: a
                    # country or a province by its name is one)
                    and (
                        ent.label_ != "NORP"
                        and (self._listed(doc, toks[0].i, taken) or lowered and fold(name) not in self.stop)
                        # "Aguililla municipality, Michoacan, gunmen ...": a province the model
                        # took for a nationality, closing the list (not "Somali forces"; "(Rafah,
                        # North Sinai)" is a town in the unit after it)
                        or ent.label_ == "NORP" and _stands_alone(doc, ent.end)
                        and self._listed(doc, toks[0].i, taken) and not self._unit_after(doc, toks[-1].i + 1)
                    )
                )
                # "Sentianivka, Luhansk": a name before a comma and a province is a place in it
                # (a name the model took for a nationality too: "Carora, Lara state"; only a town
                # the unit holds is taken, which no demonym is)
                listed_town = (
                    strict and not cued and not units_only
                    and self._listed(doc, toks[0].i, taken, toks[-1].i + 1)
                )  # fmt: skip
                # (a stoplisted name the model calls a building is the building: "near the
                # White House" is no town of that name, whatever cue stands before it)
                # "in Mombasa and Kisumu", the second tagged as an organisation: a name joined by
                # "and" to a place the model tagged as one is a place too
                joined = strict and not cued and not units_only and not listed_town and _joined_to_place(ent)
                if strict and (
                    fold(name) in self.stop
                    and ent.label_ not in ("GPE", "LOC")
                    or not (cued or units_only or listed_town or joined)
                ):
                    continue
                places = self._candidates(name)
                if units_only:
                    places = [p for p in places if p.kind in ("country", "admin1", "admin2")]
                elif listed_town:  # only a place inside the unit named after it
                    units = self._unit_after(doc, toks[-1].i + 1)
                    places = [p for p in places if held_by(p, units)]
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
            compass = self._compass_name(para, doc, i, taken)
            if compass is not None:  # "in north Waziristan": the name is "North Waziristan"
                found.append(compass)
                while i < len(doc) and i in taken:
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
            respell = 0  # the length of an unknown name in a place's slot, perhaps another spelling
            for n in (6, 5, 4, 3, 2, 1):
                span = doc[i : i + n]
                if len(span) < n or any(t.i in taken for t in span) or not span[-1].text[:1].isupper():
                    continue
                # (a stoplisted name is a place before its own authority: "the Victoria Governorship")
                named_after = i + n < len(doc) and doc[i + n].lower_ in cue_list("authority_after_name")
                if fold(span.text) in self.stop and not named_after or (n == 1 and doc[i].is_stop):
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
                if not places and not cued and not units_only:
                    # "Kansafra in Idleb", "Kansafra (Idleb)": a town inside the unit named after it
                    places = self._inside_unit_after(doc, i + n, self._candidates(span.text))
                if units_only:
                    places = [p for p in places if p.kind in ("country", "admin1", "admin2")]
                if places:
                    found.append(self._mention(para, doc, i, i + n, places))
                    if respell:  # "Tal" of "near Tal Tamer": a guess beside the whole name's spellings
                        found.append(self._respelled_mention(para, doc, i, i + respell))
                    n = max(n, respell)
                    taken.update(range(i, i + n))
                    i += n - 1
                    break
                if (
                    not respell
                    and not units_only
                    and all(t.text[:1].isupper() or t.lower_ in _LINKS or t.text == "-" for t in span)
                    and (cued or listed or self._in_unit(doc, i + n) is not None)
                    and not name_goes_on(doc, i, i + n)
                    and not self._candidates(span.text)
                    # ("Northern Iraq": a country or province inside is no other spelling)
                    and not any(
                        p.kind in ("country", "admin1") for k in range(i + 1, i + n) for p in self._candidates(doc[k : i + n].text)
                    )
                ):
                    respell = n
            else:
                if respell:  # "in Quamishli": read once the text's country is known
                    found.append(self._respelled_mention(para, doc, i, i + respell))
                    taken.update(range(i, i + respell))
                    i += respell - 1
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
            # ("Port of Spain" of a tagged "Spain", "Jammu and Kashmir": "of" and "and" join the
            # words of a name too, when the gazetteer knows the whole)
            return k not in taken and t.ent_type_ != "DATE" and (
                t.text[:1].isupper() and t.is_alpha or t.lower_ in _LINKS or t.lower_ in ("of", "and")
            )

        los = [s]
        while len(los) < 4 and los[-1] > 0 and word(los[-1] - 1) and not doc[los[-1]].is_sent_start:
            los.append(los[-1] - 1)
        if los[-1] > 0 and doc[los[-1] - 1].lower_ in _COMPASS and los[-1] - 1 not in taken:
            los.append(los[-1] - 1)  # "north Waziristan", "east Jerusalem": the name is "North Waziristan"
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
                    and (doc[lo].text[:1].isupper() or doc[lo].lower_ in _COMPASS)
                    and doc[hi - 1].text[:1].isupper()
                    and loose_key(doc[lo:hi].text) in self.index
                ):
                    best = (lo, hi)
        return best

    def _compass_name(self, para: Any, doc: Any, i: int, taken: set[int]) -> _Mention | None:
        """The name a lower-case compass word begins with the capitalised words from token i, when
        the gazetteer knows it ("north Waziristan": North Waziristan); the tokens are taken."""
        if i == 0 or doc[i - 1].lower_ not in _COMPASS or i - 1 in taken:
            return None
        for n in (3, 2, 1):
            span = doc[i - 1 : i + n]
            if len(span) < n + 1 or any(t.i in taken or not t.text[:1].isupper() for t in span[1:]):
                continue
            places = self._candidates(span.text)
            if places:
                taken.update(range(i - 1, i + n))
                return self._mention(para, doc, i - 1, i + n, places)
        return None

    def _hyphened(self, doc: Any, s: int, e: int) -> tuple[int, int]:
        """[s, e) widened over the hyphens that join it to other names, when the gazetteer knows
        the joined name ("KwaZulu-Natal", "Ivano-Frankivsk", "Croix-des-Bouquets"); else [s, e)."""
        lo = s - 2 if s >= 2 and doc[s - 1].text == "-" and not doc[s - 1].whitespace_ and not doc[s - 2].whitespace_ else s
        ends = [e]  # a joined word after each hyphen, up to three
        while len(ends) < 4 and ends[-1] + 1 < len(doc) and doc[ends[-1]].text == "-" and not doc[ends[-1]].whitespace_ and not doc[ends[-1] - 1].whitespace_:
            ends.append(ends[-1] + 2)
        for hi in reversed(ends):
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

    def _inside_unit_after(self, doc: Any, e: int, places: list[Place]) -> list[Place]:
        """The towns and districts of ``places`` inside the province or district named after "in",
        a comma or a bracket at token e ("Kansafra in Idleb", "Ar Rujban (Al Jabal Al Gharbi)");
        else none."""
        if not places:
            return []
        units = self._unit_after(doc, e)
        return [
            p for p in places
            if p.kind in ("city", "admin2") and held_by(p, units)
        ]  # fmt: skip

    def _unit_after(self, doc: Any, e: int) -> set[tuple[str, str]]:
        """(country, folded name) of the provinces and districts a name after a comma or bracket
        at token e may be: "Sentianivka, Luhansk"."""
        k = self._in_unit(doc, e)
        if k is None:
            if not (e + 1 < len(doc) and doc[e].text in (",", "(")):
                return set()
            k = e + 1
        for n in (4, 3, 2, 1):  # ("Ar Rujban (Al Jabal Al Gharbi)": four words)
            span = doc[k : k + n]
            if len(span) < n or not (span[0].text[:1].isupper() or span[0].lower_ in _LINKS and n > 1):
                continue
            units = {
                (p.cc, fold(p.name))
                for p in (self.places[j] for j in self.index.get(loose_key(span.text), ()))
                if p.kind in ("admin1", "admin2")
            }
            if units:
                return units
        return set()

    @staticmethod
    def _in_unit(doc: Any, e: int) -> int | None:
        """The token after "in" when "in" (after a word such as "front": cues.yaml
        ``before_in_unit``), "the" and a bearing follow the name ending at e: "Menbij in Aleppo",
        "Tell Abiad front in northern Ar-Raqqa"; else None."""
        k = e
        if k < len(doc) and doc[k].lower_ in cue_list("before_in_unit"):
            k += 1
        if not (k < len(doc) and doc[k].lower_ == "in"):
            return None
        k += 1
        if k < len(doc) and doc[k].lower_ == "the":
            k += 1
        if k < len(doc) and _BEARING.fullmatch(doc[k].text):
            k += 1
        return k if k < len(doc) else None

    def _cued(self, doc: Any, s: int, e: int) -> bool:
        nxt = _next_word(doc, e)
        k = s - 1
        # "in northern Lattakia", "in the eastern countryside of": the cue before the qualifiers
        while k > 0 and s - k <= 3 and _QUALIFIER.fullmatch(doc[k].text):
            k -= 1
        prev = doc[k].lower_ if k >= 0 else ""
        if k < s - 1 and (prev not in {"in", "near", "at", "outside"} or doc[s - 1].lower_ == "the"):
            prev = doc[s - 1].lower_  # "in the Trump administration": no place cue
        after, before_of = cue_words()
        # "the district of X", "the outskirts of X", "the center of Skopje", "residents of X"
        # "east of Samarra", "8 km north of X": a bearing from a place
        of_kind = (
            prev == "of"
            and s > 1
            # ("pulled out of Kidal": the place left)
            and (doc[s - 2].lower_ in _UNIT_CUES | _UNITS | _AREA | {"out"} or doc[s - 2].lower_ in before_of or _BEARING.fullmatch(doc[s - 2].text) is not None)
        )
        # the place an act of hitting or taking names: the object of its verb ("attacked Goma",
        # "shelled Khan Younis") or the name after its noun ("the shelling of Kherson", "strikes
        # on Rafah"); not an acronym ("attacked LNA forces": a party)
        struck = not doc[s].text.isupper() and (
            s > 0 and doc[s - 1].pos_ == "VERB" and doc[s - 1].lemma_.lower() in cue_list("target_verbs")
            or prev in {"of", "on"} and s > 1 and (
                doc[s - 2].lemma_.lower() in cue_list("target_nouns")
                # ("an attack by RSF fighters on El Fasher": the noun the preposition hangs on, or
                # the verb whose object that noun is: "repelled an assault by ISWAP on Monguno")
                or _act_on(doc[s - 1], cue_list("target_nouns"))
            )
        )
        return (
            struck
            or nxt in _UNIT_CUES
            or nxt in after  # "blocked the Halba highway"
            # "the Aabde-Halba road": the first town of a road named by the two it joins
            or nxt == "-" and e + 2 < len(doc) and doc[e + 1].text[:1].isupper() and doc[e + 2].lower_ in after
            or nxt in _QUARTER - {"community"}  # "in the Silwan neighbourhood" (not "the Hazara community")
            or nxt == "area"  # "the Bokkos area"
            # "the Tulkarm refugee camp", "the Zamzam camp"
            or nxt == "camp" or nxt == "refugee" and e + 1 < len(doc) and doc[e + 1].lower_ == "camp"
            # "Plateau state's Bokkos": a place of the unit named before it
            or prev in ("'s", "’s") and s > 1 and doc[s - 2].lower_ in _UNIT_CUES
            or prev in {"in", "near", "at", "outside", "into", "around"}  # ("stormed into Kidal")
            # ("the West Darfur capital El Geneina", "the provincial capital Kunduz")
            or s > 0 and doc[s - 1].lower_ in cue_list("noun_before_name")
            or of_kind
            or self._described_after(doc, e)
            or _road_between(doc, s)
        )

    @staticmethod
    def _described_after(doc: Any, e: int) -> bool:
        """'Sake, a town 25 km west of Goma', 'Kwall, a farming village in Bassa': the apposition
        after the name calls it a place."""
        if e + 2 >= len(doc) or doc[e].text != "," or doc[e + 1].lower_ not in ("a", "an", "the"):
            return False
        nouns = cue_list("noun_before_name")
        return any(t.lower_ in nouns for t in doc[e + 2 : e + 5])

    def _mention(self, para: Any, doc: Any, s: int, e: int, places: list[Place]) -> _Mention:
        nxt = _next_word(doc, e)
        # a big place goes on only with a thing in it ("Kabul University"), never as the end of a
        # longer name ("KwaZulu-Natal", "Vila Kennedy") or before another name ("Ain Oussara")
        # (a big place so called, not one of its other spellings: "Cano Raya" is no Kano)
        written = fold(doc[s:e].text)
        # "on Murree road", "Kerman Coal Mine Company": a road or a thing named after the place
        road = self._road_after(doc, e) or _road_to(doc, s) or (
            e < len(doc) and doc[e].text[:1].isupper() and goes_on_after(doc, e) and heads_thing(doc, e)
        )
        # ("Van Governorship": the name goes on with the place's own authority)
        partial = name_goes_on(doc, s, e) and nxt not in cue_list("authority_after_name") and nxt != "lga" and not (road and self._hyphen_next(doc, s, e)) and not (
            any(p.kind == "country" or p.population >= 100_000 and fold(p.name) == written for p in places)
            and not goes_on_before(doc, s)
            and (not goes_on_after(doc, e) or heads_thing(doc, e) or self._place_at(doc, e))
        )
        before = doc[max(0, s - 3) : s].text.lower()
        cue = None
        if (
            doc[s:e][-1].lower_ in ADMIN1_CUES
            or nxt in ADMIN1_CUES
            or re.search(r"\b(?:province|state|governorate|department) of$", before)
        ):  # ("the central Mexican state of Guanajuato": the state, not its capital)
            cue = "admin1"
        elif doc[s:e][-1].lower_ in ADMIN2_CUES or nxt in ADMIN2_CUES or "district of" in before and not (
            s >= 3 and doc[s - 3].text[:1].isupper() and not doc[s - 3].is_sent_start
        ):  # ("Ovacik district of Tunceli": Tunceli holds the district)
            cue = "admin2"
        elif nxt in CITY_CUES or re.search(r"(city|town|village|capital) of$", before):
            cue = "city"
        # "Al Jawf governorate": a unit word only some countries use narrows the readings to them
        users = unit_countries().get(nxt)
        if users:
            places = [p for p in places if p.cc in users] or places
        # "Trujillo state": the state, not the towns of that name; "Amara city": a town, not the
        # province an alias of which it is (a country's own name stays: "Mexico City")
        if cue == "admin2":
            # "Ovacik district": the district, or a town that is the seat of a district named after
            # it (the gazetteer lists many districts only through their towns: "Ovacik Ilcesi")
            places = sorted(
                [p for p in places if p.kind == cue or p.kind == "city" and _seat_of_namesake(p)],
                key=lambda p: p.kind != cue,
            ) or places
        elif cue == "admin1":
            places = [p for p in places if p.kind == cue] or places
        elif cue == "city":
            places = [p for p in places if p.kind in ("city", "landmark", "country")] or places
        elif s and doc[s - 1].text in ("(", ",") and in_brackets(doc, s):
            # "Arso district (Keerom)", "Iquique (Tarapaca)": a name in a bracket after a place is
            # mostly the unit that holds it: its units come before the towns so named (a unit named
            # after it may still pick a town: "Rafah (Rafah, North Sinai)")
            places = sorted(places, key=lambda p: p.kind not in ("country", "admin1", "admin2"))
        near = any(w in before.split() for w in _NEAR)
        # ("20 km east of X": a bearing; "in the east of Gezira state": a part of it)
        reference = bool(re.search(rf"(?<!the ){DIRS}(ern)? of$|from$", before))
        # "taken to hospital in Fada N'Gourma": where the hurt were treated, not where it happened
        # (not "a sit-in at the main hospital in Kano": a hospital as the place itself)
        elsewhere = _CARRIED.search(doc.text, max(0, doc[s].idx - 60), doc[s].idx) is not None
        # "Saray neighborhood of Kahramankazan": a quarter of the town named next, not a town
        # (unless the gazetteer knows the quarter itself: "the Silwan neighbourhood of Jerusalem")
        quarter_of = (
            nxt in _QUARTER
            and bool(re.match(r"\s+of\s", doc[e:e + 3].text[len(nxt):] + " "))
            and not any(p.kind == "landmark" for p in places)
        )
        reference = reference or quarter_of
        # "in Aura neighborhood": the name of a quarter, not a town (unless the country's own)
        partial = partial or (
            nxt in _QUARTER and not quarter_of and not any(p.kind in ("country", "landmark") for p in places)
        )
        start = para.start + doc[s].idx
        end = para.start + doc[e - 1].idx + len(doc[e - 1].text)
        # "on the border with Uganda", "the frontier with Chad": the country on the other side;
        # "drones launched by Russia": the country that acted, as a party
        party = bool(re.search(r"\b(?:(?:border|borders|frontier)\s+with|by)$", before)) and bool(places) and places[0].kind == "country"
        # "a charge Islamabad denies", "Moscow said": a capital speaking for its government
        last = doc[e - 1]
        party = party or (
            last.dep_ == "nsubj"
            and last.head.lemma_.lower() in cue_list("metonymy_verbs")
            and any(p.kind == "city" and self.capitals.get(p.cc) == p.name for p in places)
        )
        # "Russia launched 40 drones at Ukraine": a country that does the act is a side, not the place
        party = party or (
            last.dep_ == "nsubj" and last.head.pos_ == "VERB" and bool(places) and places[0].kind == "country"
        )
        # "the Brooklyn gang", "the Sinaloa cartel": the name of an armed group, not a place of it
        party = party or nxt in cue_list("group_after_name")
        # "the Iran-backed Houthis", "US-made missiles": the country backs or made, it is not where
        party = party or bool(places) and places[0].kind == "country" and abroad_demonym(doc.text, last.idx + len(last.text))
        return _Mention(
            start, end, places, cue, near, reference, partial=partial, road=road, party=party, elsewhere=elsewhere
        )

    def _respelled_mention(self, para: Any, doc: Any, s: int, e: int) -> _Mention:
        """A name the gazetteer lacks, in a place's slot: its readings, other spellings of it in
        the document's country, are looked up once that country is known."""
        return replace(self._mention(para, doc, s, e, []), respelled=True)

    @staticmethod
    def _road_after(doc: Any, e: int) -> bool:
        """A road named after the place follows at e, or after a hyphen and a second name: "Murree
        road", "the Tripoli-Beirut highway", "the Damboa - Maiduguri road"."""
        k = e
        if k < len(doc) and doc[k].text in ("-", "–"):
            k += 1
            while k < len(doc) and k - e <= 4 and doc[k].text[:1].isupper() and doc[k].is_alpha:
                k += 1
        roads = cue_list("road_after_name")
        # "the Agra-Mumbai national highway": a word or two may qualify the road
        for j in range(k, min(k + 3, len(doc))):
            if doc[j].lower_ in roads:
                return True
            if not (doc[j].is_lower and doc[j].is_alpha) or doc[j].is_stop:
                return False
        return False

    @staticmethod
    def _hyphen_next(doc: Any, s: int, e: int) -> bool:
        """A hyphen joins the name to another before or after it ("Tripoli-Beirut")."""
        return (s > 0 and doc[s - 1].text in ("-", "–")) or (e < len(doc) and doc[e].text in ("-", "–"))


def _lone_person(ent: Any) -> bool:
    """A one-word name the model took for a person's, with no name beside it and saying nothing
    ("French soldiers left Niger": a country's name; not "Jordan Smith", nor "Chad said")."""
    if ent.label_ != "PERSON" or len(ent) != 1:
        return False
    doc, tok = ent.doc, ent[0]
    beside = [doc[i] for i in (tok.i - 1, tok.i + 1) if 0 <= i < len(doc)]
    speaks = tok.dep_ == "nsubj" and tok.head.lemma_.lower() in cue_list("metonymy_verbs")
    return not speaks and not any(t.text[:1].isupper() and t.is_alpha and not t.is_sent_start for t in beside)


def _next_word(doc: Any, e: int) -> str:
    """The word after a name, lower-case; a unit named in words counts as its abbreviation
    ("Kajuru Local Government Area": "lga", a district's unit)."""
    if e >= len(doc):
        return ""
    if " ".join(t.lower_ for t in doc[e : e + 3]) in cue_list("lga_phrases"):
        return "lga"
    return str(doc[e].lower_)


def _act_on(prep: Any, acts: frozenset[str]) -> bool:
    """The preposition hangs on an act of hitting or taking, or on the verb whose object is one."""
    head = prep.head
    if head.i >= prep.i:
        return False
    if head.lemma_.lower() in acts:
        return True
    return head.pos_ == "VERB" and any(c.dep_ == "dobj" and c.lemma_.lower() in acts for c in head.children)


def _stands_alone(doc: Any, end: int) -> bool:
    """The name is followed by a comma, bracket or stop, not by a noun it qualifies."""
    return end >= len(doc) or doc[end].text in (",", ")", ".", ";")


# labels the model gives a name it did not read as one ("near Quneitra" as a DATE)
_MISREAD_LABELS = frozenset(["DATE", "TIME", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW"])


def _misread_name(ent: Any) -> bool:
    """A name the model labelled a date or a title: capitalised proper nouns with no digit and
    none of the calendar's own names (months, weekdays, feasts: ``date_names`` in cues.yaml,
    since "in Ramadan" would otherwise be Romodan, Ukraine). It needs a cue like any name the
    model did not call a place."""
    if ent.label_ not in _MISREAD_LABELS:
        return False
    names = cue_list("date_names")
    return all(t.pos_ == "PROPN" and t.text[:1].isupper() and not any(c.isdigit() for c in t.text)
               and t.lower_ not in names for t in ent)  # fmt: skip


def _name_before_date(ent: Any) -> list[Any]:
    """The name the model joined to the date after it ("in Amhara this month" as one DATE): the
    capitalised proper nouns it opens with, when the rest are common words of the date."""
    if ent.label_ not in ("DATE", "TIME"):
        return []
    names = cue_list("date_names")
    lead: list[Any] = []
    for t in ent:
        if t.pos_ != "PROPN" or not t.text[:1].isupper() or any(c.isdigit() for c in t.text) or t.lower_ in names:
            break
        lead.append(t)
    rest = list(ent)[len(lead) :]
    return lead if lead and rest and not any(t.pos_ == "PROPN" for t in rest) else []


def _seat_of_namesake(p: Place) -> bool:
    """Whether town ``p`` lies in a district of its own name ("Ovacik" in "Ovacik Ilcesi")."""
    own, district = fold(p.name), fold(p.admin2)
    return bool(own) and (district == own or district.startswith(own + " "))


def _road_to(doc: Any, s: int) -> bool:
    """The name is where a road leads: "blocking the main road to Bauchi" is no act in Bauchi."""
    return s >= 2 and doc[s - 1].lower_ in ("to", "towards") and doc[s - 2].lower_ in cue_list("road_after_name")


def _road_between(doc: Any, s: int) -> bool:
    """The name is one of the two towns a road joins: "on the road between Nabatieh and Kfar
    Roummane" (either name, whatever label the model gave it)."""
    roads = cue_list("road_after_name")
    for k in range(s - 1, max(s - 6, 0), -1):
        if doc[k].lower_ == "between":
            return k > 0 and doc[k - 1].lower_ in roads and (k == s - 1 or doc[s - 1].lower_ == "and")
    return False
