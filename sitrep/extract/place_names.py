"""How a place name stands in the parse: the words a multi-word name joins ("Mazar-i-Sharif",
"Dera Ismail Khan"), a name in brackets or after a comma (its district and province), a list
of places, and the country a name most likely lies in."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from .gazetteer_data import fold

if TYPE_CHECKING:
    from .places import Place

DIRS = r"(north|south|east|west|north-?east|north-?west|south-?east|south-?west|central)"
ADMIN1_CUES = {"province", "provinces", "state", "governorate", "region", "oblast", "prefecture", "department", "departamento"}
ADMIN2_CUES = {"district", "county", "lga", "raion", "municipality", "territory", "cercle"}
#: (a township, subdivision, upazila or tehsil is a unit below a district named after the town
#: that is its seat: "Kyauktaw Township", "Batibo subdivision" name the town's place)
CITY_CUES = {"city", "town", "village", "capital", "township", "subdivision", "upazila", "tehsil"}

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
    "los",
    "las",
    "di",
    "du",
    "des",
    "bin",
    "ibn",
}
#: Arabic's article as written before the letters it takes the sound of ("at-Tin", "as Sukhnah",
#: "ash-Shaddadi"): one of these, which are English words too, joins a name only before its letter
_ASSIMILATED = {"at": "t", "as": "s", "ash": "sh", "ad": "d", "ar": "r", "az": "z", "an": "n"}
#: the Persian and Urdu particles that join two words of a name between hyphens ("Mazar-i-Sharif")
_LINKS = {"i", "e", "ul", "ud", "ut", "us", "ur"}
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
    sound = _ASSIMILATED.get(tok.lower_)
    if sound is not None:  # ("Bir at Tutah", but "the LoC at Uri" is a line and a town)
        after = k + 2 if k + 2 < len(doc) and doc[k + 1].text == "-" else k + 1
        return after < len(doc) and doc[after].lower_.startswith(sound)
    return tok.lower_ in _CONNECTORS


def name_goes_on(doc: Any, s: int, e: int) -> bool:
    """The capitalised name runs on past [s, e): "Abu" of "Abu Salim", "Santa Cruz" of "Santa Cruz
    de Asia", "Lawa" of "Barangay Lawa"."""
    return goes_on_after(doc, e) or goes_on_before(doc, s)


def goes_on_after(doc: Any, e: int) -> bool:
    """A name word follows at e, itself or after a connector: "Bilad al Yubi", "Gourma-Rharous"."""
    if e < len(doc) and not doc[e].is_sent_start:
        if _name_word(doc[e]):
            return True
        if e + 1 < len(doc) and _joins(doc, e) and _name_word(doc[e + 1]):
            return True
        # "Wadi al-Rabi": an article joined to the next name by a hyphen
        if e + 2 < len(doc) and doc[e].lower_ in _CONNECTORS and _joins(doc, e + 1) and _name_word(doc[e + 2]):
            return True
        # "Shar-i-Shali", "Dasht-e-Archi": a linking particle between hyphens
        if (
            e + 3 < len(doc)
            and _joins(doc, e)
            and doc[e + 1].lower_ in _CONNECTORS | _LINKS
            and _joins(doc, e + 2)
            and _name_word(doc[e + 3])
        ):
            return True
    return False


#: Words after a place's name that make a thing in or of that place ("Kabul University",
#: "Tripoli Street", "Aleppo Central Prison"): the place is still named, not a longer name.
_HEADS = {
    "airport", "airfield", "airbase", "base", "university", "college", "school", "hospital", "clinic",
    "prison", "jail", "camp", "square", "street", "road", "highway", "avenue", "bridge", "port", "harbour",
    "harbor", "gate", "dam", "market", "bazaar", "stadium", "mosque", "church", "palace", "court", "hotel",
    "station", "police", "council", "municipality", "governorate", "province", "district", "county",
    "state", "region", "city", "town", "village", "international", "central", "old", "operations",
    "command", "garrison", "checkpoint", "crossing", "border", "refinery", "field", "fields", "plain",
    "mine", "plant", "factory", "center", "centre", "compound", "headquarters", "hall", "park",
    "township", "subdivision", "upazila", "tehsil",
}  # fmt: skip


_UNIT_HEADS = {
    "municipality", "governorate", "province", "district", "county", "state", "region", "city", "town", "village",
    "township", "subdivision", "upazila", "tehsil",
}  # fmt: skip


def goes_on_before(doc: Any, s: int) -> bool:
    """The name at s is the end of a longer one: "Vila Kennedy", "KwaZulu-Natal", "Catole do Rocha"."""
    if s > 1 and _joins(doc, s - 1) and _name_word(doc[s - 2]):
        return True
    if s > 2 and _joins(doc, s - 1) and doc[s - 2].lower_ in _CONNECTORS and _name_word(doc[s - 3]):
        return True  # "Zawiya" of "Jabal al-Zawiya": an article joined by a hyphen, a name before it
    if s > 0 and not doc[s].is_sent_start and not doc[s - 1].is_sent_start and _name_word(doc[s - 1]):
        # "(As Sawadiyah": an article after a bracket starts the name, it is no other name's end
        if _joins(doc, s - 1) and (s < 2 or not _name_word(doc[s - 2])):
            return False
        return not _QUALIFIER_RE.fullmatch(doc[s - 1].text) and doc[s - 1].ent_type_ != "NORP"
    return False


def heads_thing(doc: Any, e: int) -> bool:
    """The capitalised words after the name end in a thing in that place: "Kabul University",
    "Donetsk Filtration Station"."""
    for k in range(e, min(e + 4, len(doc))):
        if doc[k].lower_ in _HEADS:
            # "Kabul city", but "Bali Doogle village" is a village called so, not Bali's
            return k == e or doc[k].lower_ not in _UNIT_HEADS
        if not (doc[k].text[:1].isupper() and doc[k].is_alpha):
            return False
    return False


def in_brackets(doc: Any, i: int) -> bool:
    """A name in a bracket that follows a name: "Mansila (Mansila, Yagha)"; or in a bracket that
    holds only a list of names, whatever stands before it: "Cahi hill (Mwumba, Ngozi)"."""
    k = i - 1
    while k >= 0 and doc[k].text not in ("(", ")", ".") and i - k <= 8:
        k -= 1
    if not (k >= 1 and doc[k].text == "("):
        return False
    if doc[k - 1].text[:1].isupper() or doc[k - 1].lower_ in _NOT_NAME:
        return True
    return name_list_bracket(doc, k)


def name_list_bracket(doc: Any, k: int) -> bool:
    """The bracket opened at token k holds two to four capitalised names split by commas and
    nothing else: "(Mwumba, Ngozi)", "(Sakania, Haut-Katanga)", not "(ISWAP)" or "(as reported)"."""
    names, commas, j = 0, 0, k + 1
    while j < len(doc) and j - k <= 16:
        t = doc[j]
        if t.text == ")":
            return names >= 2 and commas == names - 1 and names <= 4
        if t.text == ",":
            if j == k + 1 or doc[j - 1].text == ",":
                return False
            commas += 1
        elif t.text[:1].isupper() and (t.is_alpha or "-" in t.text):
            if j == k + 1 or doc[j - 1].text == ",":
                names += 1
        elif not (_joins(doc, j) or t.text[:1].isupper()):
            return False
        j += 1
    return False


def after_name(doc: Any, i: int) -> bool:
    """A name after a name and a comma: "Bariirre, Afgooye", "Ocosingo municipality, Chiapas"."""
    if i < 2 or doc[i - 1].text != ",":
        return False
    k = i - 3 if doc[i - 2].lower_ in ADMIN2_CUES | ADMIN1_CUES | CITY_CUES and i >= 3 else i - 2
    return doc[k].text[:1].isupper() and not doc[k].is_sent_start


#: how much less a town reached only by another of its names weighs than one of the written name
_ALIAS_DISCOUNT = 10
_NEWS_TOWN = 50_000


def leading_country(places: list[Place], written: str = "") -> str | None:
    """The country a name most likely lies in: the only one, or the one whose best reading (an
    administrative unit, else the most populous town) outweighs every other country's. A unit or
    a city of 100,000 so ``written`` outweighs the towns other spellings reach ("Puno" is Peru's
    city, not India's Pune by one of its aliases; a province stays: "Dali" may be "Ad Dali")."""
    key = fold(written)
    own = [p for p in places if written and fold(p.name) == key]
    if any(p.kind != "city" or p.population >= 100_000 for p in own):
        places = [p for p in places if p.kind != "city" or p in own]
    # a town of the written name big enough to be news outweighs a city reached only by another
    # of its names, unless that city is far bigger ("Pokrovsk": not Engels, once called so)
    real_town = any(p.population >= _NEWS_TOWN for p in own)
    weight: dict[str, float] = {}
    for p in places:
        w = 1e7 if p.kind != "city" else float(max(p.population, 1))
        if real_town and p not in own:
            w /= _ALIAS_DISCOUNT
        weight[p.cc] = max(weight.get(p.cc, 0.0), w)
    ranked = sorted(weight.values(), reverse=True)
    if len(ranked) == 1 or ranked[0] >= 3 * ranked[1]:
        return max(weight, key=lambda cc: weight[cc])
    return None


LIST_GAP = re.compile(r"\s{0,3}[(,]\s{0,3}")
#: "the city's ", "that town's ": what follows is a part of the place named before ("the city's
#: Dniprovskyi district")
POSSESSED_PLACE = re.compile(r"\b(?:the|that|this) (?:city|town|region|province|capital)['\u2019]s\s+$")


def continues_list(doc: Any, i: int, taken: set[int]) -> bool:
    """The name follows a place and a comma or bracket: "San Miguel, Puno", "Logo (Mahagi, Ituri)"."""
    return i >= 2 and doc[i - 1].text in (",", "(") and i - 2 in taken


#: "Saudi-led coalition", "the Iran-backed Houthis", "US-made missiles", "the US dollar exchange
#: rate": a country or demonym that tells nothing of where the text is (a coalition acts abroad,
#: a sponsor backs others where they fight, a reserve currency trades everywhere, a ship flies
#: a flag of convenience: "a Belize-flagged cargo ship", "a Europe-bound tanker"; not "a
#: Palestinian-owned greenhouse", whose owner is often of the place)
_ABROAD_AFTER = re.compile(
    r"-(?:led|backed|aligned|allied|supported|sponsored|funded|financed|trained|armed|brokered|mediated|"
    r"made|built|supplied|based|flagged|registered|bound)\b|\s{1,3}dollars?\b",
    re.I,
)


def abroad_demonym(text: str, end: int) -> bool:
    """The country or demonym ending at ``end`` leads, backs or made something, or names a
    traded currency."""
    return bool(_ABROAD_AFTER.match(text, end))
