"""How a place name stands in the parse: the words a multi-word name joins ("Mazar-i-Sharif",
"Dera Ismail Khan"), a name in brackets or after a comma (its district and province), a list
of places, and the country a name most likely lies in."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .places import Place

DIRS = r"(north|south|east|west|north-?east|north-?west|south-?east|south-?west|central)"
ADMIN1_CUES = {"province", "provinces", "state", "governorate", "region", "oblast", "prefecture"}
ADMIN2_CUES = {"district", "county", "lga", "raion", "municipality"}
CITY_CUES = {"city", "town", "village", "capital"}

_CONNECTORS = {
    "al",
    "el",
    "ad",
    "ar",
    "as",
    "ash",
    "at",
    "az",
    "an",
    "de",
    "del",
    "da",
    "do",
    "dos",
    "la",
    "bin",
    "ibn",
}
_NOT_NAME = ADMIN1_CUES | ADMIN2_CUES | CITY_CUES | {"area", "areas", "camp", "road", "market", "square"}
_QUALIFIER_RE = re.compile(rf"{DIRS}(?:ern)?|upper|lower|greater|rural|the", re.I)


def _name_word(tok: Any) -> bool:
    return bool(
        tok.text[:1].isupper() and tok.is_alpha and tok.lower_ not in _NOT_NAME and tok.ent_type_ != "DATE"
    )


def _joins(doc: Any, k: int) -> bool:
    """Token k links two parts of one name: a connector ("al", "do") or a hyphen with no spaces."""
    tok = doc[k]
    if tok.text == "-":
        return not tok.whitespace_ and k > 0 and not doc[k - 1].whitespace_
    return tok.lower_ in _CONNECTORS


def name_goes_on(doc: Any, s: int, e: int) -> bool:
    """The capitalised name runs on past [s, e): "Abu" of "Abu Salim", "Santa Cruz" of "Santa Cruz
    de Asia", "Lawa" of "Barangay Lawa"."""
    if e < len(doc) and not doc[e].is_sent_start:
        if _name_word(doc[e]):
            return True
        if e + 1 < len(doc) and _joins(doc, e) and _name_word(doc[e + 1]):
            return True  # "Bilad al Yubi", "Gourma-Rharous"
    if s > 1 and _joins(doc, s - 1) and _name_word(doc[s - 2]):
        return True  # "Catole do Rocha"
    if s > 0 and not doc[s].is_sent_start and not doc[s - 1].is_sent_start and _name_word(doc[s - 1]):
        return not _QUALIFIER_RE.fullmatch(doc[s - 1].text) and doc[s - 1].ent_type_ != "NORP"
    return False


def in_brackets(doc: Any, i: int) -> bool:
    """A name in a bracket that follows a name: "Mansila (Mansila, Yagha)"."""
    k = i - 1
    while k >= 0 and doc[k].text not in ("(", ")", ".") and i - k <= 8:
        k -= 1
    return k >= 1 and doc[k].text == "(" and (doc[k - 1].text[:1].isupper() or doc[k - 1].lower_ in _NOT_NAME)


def after_name(doc: Any, i: int) -> bool:
    """A name after a name and a comma: "Bariirre, Afgooye"."""
    return (
        i >= 2 and doc[i - 1].text == "," and doc[i - 2].text[:1].isupper() and not doc[i - 2].is_sent_start
    )


def leading_country(places: list[Place]) -> str | None:
    """The country a name most likely lies in: the only one, or the one whose best reading (an
    administrative unit, else the most populous town) outweighs every other country's."""
    weight: dict[str, float] = {}
    for p in places:
        w = 1e7 if p.kind != "city" else float(max(p.population, 1))
        weight[p.cc] = max(weight.get(p.cc, 0.0), w)
    ranked = sorted(weight.values(), reverse=True)
    if len(ranked) == 1 or ranked[0] >= 3 * ranked[1]:
        return max(weight, key=lambda cc: weight[cc])
    return None


LIST_GAP = re.compile(r"\s{0,3}[(,]\s{0,3}")


def continues_list(doc: Any, i: int, taken: set[int]) -> bool:
    """The name follows a place and a comma or bracket: "San Miguel, Puno", "Logo (Mahagi, Ituri)"."""
    return i >= 2 and doc[i - 1].text in (",", "(") and i - 2 in taken
