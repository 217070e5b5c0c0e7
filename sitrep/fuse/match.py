"""When two reports are the same record: each kind's signature (everything its matcher reads
of a record) and its matcher on two signatures."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from importlib import resources
from typing import Any, NamedTuple

from ..extract.yaml_files import load_yaml
from ..similarity import jaccard, wordset

EVENT_SIMILARITY = 0.18  # Jaccard of content-word sets, dated and compatible
UNDATED_SIMILARITY = 0.5  # when one side has no date: near-copies only
STATEMENT_SIMILARITY = 0.6


def record_text(rec: dict[str, Any]) -> str:
    """The words of a record's mentions, in one string."""
    return " ".join(m.get("text", "") for m in rec.get("mentions", []))


def date_span(rec: dict[str, Any]) -> tuple[str, str] | None:
    start = rec.get("date_start") or rec.get("date")
    end = rec.get("date_end") or rec.get("date")
    if not start:
        return None
    return str(start), str(end or start)


def _overlap(ra: tuple[str, str], rb: tuple[str, str]) -> bool:
    """Whether two date ranges overlap, compared as prefixes so "2021-06" overlaps "2021-06-14"."""

    def lo(x: str) -> str:
        return x.ljust(10, "0")

    def hi(x: str) -> str:
        return x + "~"

    return lo(ra[0]) <= hi(rb[1]) and lo(rb[0]) <= hi(ra[1])


def actor_names(rec: dict[str, Any]) -> set[str]:
    return {(rec.get(k) or {}).get("name") for k in ("actor1", "actor2")} - {None}  # type: ignore[return-value]


# A record's signature is everything its matcher reads of it, with the text as its set of content
# words: members with one signature match alike, so a record reported 500 times in the same words
# is compared once, and each signature is computed once per fusion chunk, not once per pair.
def _town(rec: dict[str, Any]) -> str | None:
    """The named town where a report places its event, folded: in it (ACLED precision 1) or near
    it (precision 2: "near Lozove"), not a district, province or country."""
    loc = rec.get("location") or {}
    name, precision = loc.get("name"), loc.get("geo_precision")
    if not name or precision not in (1, 2) or precision == 2 and name in (loc.get("admin1"), loc.get("admin2")):
        return None
    return str(name).casefold()


def _district(rec: dict[str, Any]) -> tuple[str, bool] | None:
    """The district (admin2) of a report's town, or the district it names, folded, and whether
    the report names the district itself; None for a province, a country, or a town whose
    district the gazetteer does not give."""
    loc = rec.get("location") or {}
    if loc.get("geo_precision") not in (1, 2) or not loc.get("admin2"):
        return None
    return str(loc["admin2"]).casefold(), loc.get("name") == loc.get("admin2")


class _PlacePhrase(NamedTuple):
    # each a place noun (optional) and the name: after a preposition ("in the village of X"),
    # after a verb of striking ("shelled X"), before a way noun ("the X road")
    patterns: tuple[re.Pattern[str], ...]
    not_places: frozenset[str]
    settlements: frozenset[str]  # place nouns that make a province's name a town's
    settlement_after: re.Pattern[str]  # "Idleb city": a settlement noun right after the name


def _alternatives(words: list[str]) -> str:
    return "|".join(map(re.escape, words))


@lru_cache(maxsize=1)
def _place_phrase() -> _PlacePhrase:
    """``data/fuse/place_phrases.yaml``: a capitalised name after "in", "near", "the village of",
    "shelled", or before "road"..."""
    data = load_yaml(resources.files("sitrep.data").joinpath("fuse/place_phrases.yaml").read_text(encoding="utf-8"))
    word = r"[A-Z][\w'’-]{0,30}"
    name = rf"(?P<name>{word}(?:\s(?:(?:{_alternatives(data['name_particles'])})[\s-])?{word}){{0,4}})"
    noun = rf"(?:the\s{{1,5}})?(?:(?P<noun>{_alternatives(data['place_nouns'])})\s{{1,5}}(?:of\s{{1,5}})?)?"
    after = rf"(?i:\b(?:{_alternatives(data['prepositions'])})\s{{1,5}}{noun}){name}"
    struck = rf"(?i:\b(?:{_alternatives(data['place_verbs'])})\s{{1,5}}{noun}){name}"
    way = rf"(?i:\bthe\s{{1,5}}){name}(?i:\s{{1,3}}(?:{_alternatives(data['way_nouns'])})\b)"
    settlements = frozenset(data["settlement_nouns"])
    settled = re.compile(rf"\s{{1,3}}(?:{_alternatives(sorted(settlements))})\b", re.I)
    patterns = tuple(re.compile(p) for p in (after, struck, way))
    return _PlacePhrase(patterns, frozenset(data["not_places"]), settlements, settled)


def _named_place(rec: dict[str, Any]) -> tuple[str, str] | None:
    """The first place a report names where it tells its event ("in Nadas", "near the village of
    Gadabo", "shelled Nadas", "the Nadas road"), folded, with the report's words folded; None
    when it names none but its country or province. Reports in formulaic words differ by little
    else: "looted crops in Nadas" and "looted crops in Tall Sakhr" are two events even where the
    gazetteer knows neither village."""
    phrase = _place_phrase()
    loc = rec.get("location") or {}
    broad = {str(loc.get(k) or "").casefold() for k in ("country", "admin1")} - {""}
    text = record_text(rec)
    found = sorted((m for p in phrase.patterns for m in p.finditer(text)), key=lambda m: m.start("name"))
    for m in found:
        name = m.group("name")
        # "the town of Idleb", "Idleb city": the town, not the province it names
        noun = m.groupdict().get("noun") or ""
        settlement = noun.lower() in phrase.settlements or phrase.settlement_after.match(text, m.end())
        if name.split()[0] in phrase.not_places or name.casefold() in broad and not settlement:
            continue
        return name.casefold(), text.casefold()
    return None


def _names_in(name: str, text: str) -> bool:
    """Whether ``text`` (folded) holds ``name`` (folded) as whole words, not inside a longer name
    ("Donetsk" is not in "near Donetsk-Kirovskyi")."""
    at = text.find(name)
    while at >= 0:
        end = at + len(name)
        if (at == 0 or not (text[at - 1].isalnum() or text[at - 1] == "-")) and (
            end == len(text) or not (text[end].isalnum() or text[end] == "-")
        ):
            return True
        at = text.find(name, at + 1)
    return False


@lru_cache(maxsize=65536)
def _shared(items: tuple[str, ...]) -> frozenset[str]:
    """One frozenset per value: kept signatures share their actors (a few hundred sets) and the
    documents of one page's reports; an empty or one-item frozenset alone is 216 bytes."""
    return frozenset(items)


def _event_signature(rec: dict[str, Any]) -> Any:
    return (
        rec.get("plover_type"),
        rec.get("acled_event_type") or None,
        (rec.get("location") or {}).get("admin1"),
        _shared(tuple(sorted(actor_names(rec)))),
        date_span(rec),
        wordset(record_text(rec)),
        _town(rec),
        _shared(tuple(sorted({m.get("doc_id") for m in rec.get("mentions") or ()} - {None}))),
        (rec.get("actor1") or {}).get("name"),
        _district(rec),
        _named_place(rec),
    )


def _statement_signature(rec: dict[str, Any]) -> Any:
    sp = rec.get("speaker") or {}
    return (sp.get("name") or sp.get("organization"), wordset(rec.get("quote", "")))


FIGURE_KEY = ("measure", "subject", "value", "unit", "period_start", "period_end")  # a figure's identity


def _figure_signature(rec: dict[str, Any]) -> Any:
    return tuple(rec.get(k) for k in FIGURE_KEY)


#: ACLED's generic actors: sharing one says little about being the same event.
GENERIC_ACTOR_PREFIXES = (
    "Unidentified", "Civilians", "Protesters", "Rioters", "Military Forces of", "Police Forces of"
)


#: ACLED types where actor1 did it to actor2: the same two sides the other way round are another event.
ONE_SIDED = frozenset({"Explosions/Remote violence", "Violence against civilians"})


def _events_match(a: Any, b: Any) -> bool:
    type_a, acled_a, admin1_a, actors_a, range_a, words_a, town_a, docs_a, doer_a, _, _ = a
    type_b, acled_b, admin1_b, actors_b, range_b, words_b, town_b, docs_b, doer_b, _, _ = b
    if type_a != type_b or acled_a != acled_b:
        return False
    if acled_a in ONE_SIDED and doer_a and doer_b and doer_a != doer_b and doer_a in actors_b and doer_b in actors_a:
        return False  # "A shelled B" and "B shelled A": two attacks, not two reports of one
    if admin1_a and admin1_b and admin1_a != admin1_b:
        return False
    if town_a and town_b and town_a != town_b and not docs_a & docs_b:
        return False  # two sources that each name the town name different towns: two events
    if not actors_a & actors_b and (actors_a or actors_b):  # share an actor, or both name none
        return False
    if range_a and range_b and not _overlap(range_a, range_b):
        return False
    if not (range_a and range_b) and not (admin1_a and admin1_b) and not any(
        not name.startswith(GENERIC_ACTOR_PREFIXES) for name in actors_a & actors_b
    ):
        return False  # not both dated, not both placed, no named party: too little to tell apart
    sim = jaccard(words_a, words_b)
    if (range_a is None) != (range_b is None):  # only one is dated
        return sim >= UNDATED_SIMILARITY
    return sim >= EVENT_SIMILARITY


def _events_conflict(a: Any, b: Any) -> bool:
    """Two reports from different documents that name different towns, or places in different
    districts ("Thul town (Jacobabad)" and "Naushahro Feroze district"), or first name different
    places, neither in the other's words, or are dated on different days: a record holding one
    takes no other (a report naming no town or no date, matching both, does not bridge them)."""
    town_a, docs_a, district_a, town_b, docs_b, district_b = a[6], a[7], a[9], b[6], b[7], b[9]
    if docs_a & docs_b:
        return False
    if a[4] and b[4] and not _overlap(a[4], b[4]):
        return True  # dated on different days: a report naming no date, matching both, does not bridge them
    place_a, place_b = a[10], b[10]
    if (
        place_a
        and place_b
        and place_a[0] != place_b[0]
        and not _names_in(place_a[0], place_b[1])
        and not _names_in(place_b[0], place_a[1])
    ):
        return True
    # two towns; or places in two districts: a district and a town it does not hold ("Thul town
    # (Jacobabad)", "Naushahro Feroze district"), or a town named like its province ("near
    # Donetsk") and a town of another district
    if town_a and town_b:
        return town_a != town_b
    return bool(district_a and district_b and district_a[0] != district_b[0])


def _statements_match(a: Any, b: Any) -> bool:
    return a[0] == b[0] and jaccard(a[1], b[1]) >= STATEMENT_SIMILARITY


def _figures_match(a: Any, b: Any) -> bool:
    return a == b and bool(a[0])


def same_event(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return _events_match(_event_signature(a), _event_signature(b))


def same_statement(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return _statements_match(_statement_signature(a), _statement_signature(b))


def same_figure(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return _figures_match(_figure_signature(a), _figure_signature(b))


SIGNATURES: dict[str, Callable[[dict[str, Any]], Any]] = {
    "event": _event_signature,
    "statement": _statement_signature,
    "figure": _figure_signature,
}
# each kind's matcher, on two signatures
MATCHERS: dict[str, Callable[[Any, Any], bool]] = {
    "event": _events_match,
    "statement": _statements_match,
    "figure": _figures_match,
}
# each kind's test that a record's member rules a new report out, whatever the others match
CONFLICTS: dict[str, Callable[[Any, Any], bool]] = {
    "event": _events_conflict,
    "statement": lambda a, b: False,
    "figure": lambda a, b: False,
}
