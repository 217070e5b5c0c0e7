"""How far the gazetteer reaches without a cue (``data/gazetteer/coverage.yaml`` and the user's)
and the place names the entity ruler tags before spaCy's model."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .gazetteer_data import DATA_DIR, fold, gazetteer_lines
from .user_data import overlaid, user_files
from .yaml_files import load_yaml

GAZ_DIR = DATA_DIR / "gazetteer"


@lru_cache(maxsize=1)
def stoplist() -> frozenset[str]:
    lines = (GAZ_DIR / "stoplist.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(fold(x.strip()) for x in lines if x.strip() and not x.startswith("#"))


@lru_cache(maxsize=1)
def cue_words() -> tuple[frozenset[str], frozenset[str]]:
    """``data/gazetteer/cues.yaml``: the words right after a name that make it a place ("the
    Halba highway") and those before "of" and a name ("the center of Skopje")."""
    data = overlaid(load_yaml((GAZ_DIR / "cues.yaml").read_text(encoding="utf-8")) or {}, "gazetteer/cues.yaml")
    return frozenset(data.get("after_name", [])), frozenset(data.get("before_of", []))


@lru_cache(maxsize=1)
def _cues() -> dict[str, Any]:
    """``data/gazetteer/cues.yaml`` with the user's additions, read once."""
    return overlaid(load_yaml((GAZ_DIR / "cues.yaml").read_text(encoding="utf-8")) or {}, "gazetteer/cues.yaml")


@lru_cache(maxsize=64)  # (more than the lists the code names: a bound below their number re-reads)
def cue_list(key: str) -> frozenset[str]:
    """One word list of ``data/gazetteer/cues.yaml`` ("road_after_name", "name_prefixes"), with the
    user's additions."""
    return frozenset(_cues().get(key) or [])


@lru_cache(maxsize=1)
def unit_countries() -> dict[str, frozenset[str]]:
    """``data/gazetteer/cues.yaml`` ``unit_countries``: a unit word (lower case) -> the countries
    (ISO2) that call their provinces or districts so ("governorate": Yemen, Syria, Iraq...)."""
    data = overlaid(load_yaml((GAZ_DIR / "cues.yaml").read_text(encoding="utf-8")) or {}, "gazetteer/cues.yaml")
    return {str(k).lower(): frozenset(v) for k, v in (data.get("unit_countries") or {}).items()}


@lru_cache(maxsize=1)
def abbreviations() -> dict[str, tuple[str, str]]:
    """``data/gazetteer/abbreviations.yaml``: a province's short form (as written) -> (country
    code, the province's name)."""
    data = overlaid(
        load_yaml((GAZ_DIR / "abbreviations.yaml").read_text(encoding="utf-8")) or {}, "gazetteer/abbreviations.yaml"
    )
    return {
        str(short): (cc, name) for cc, forms in (data.get("abbreviations") or {}).items() for short, name in forms.items()
    }


def ruler_patterns() -> list[dict[str, object]]:
    """GPE patterns: the places ``coverage.yaml`` names for the entity ruler."""
    stop = stoplist()
    cover = coverage()
    names: set[str] = set()
    for line in gazetteer_lines():
        kind, name, cc, _a1, _a2, _lat, _lon, pop, aliases, _keys = line.split("\t")
        if kind == "country":
            continue
        covered = cc in cover.ruler_countries and (
            cc in cover.with_aliases or kind == "admin1" or int(pop) >= cover.town_population
        )
        if covered or int(pop) >= cover.world_population:
            names.add(name)
            if cc in cover.with_aliases:
                names.update(a for a in aliases.split("|") if a and not any(x in a for x in cover.alias_exclude))
    # the named regions conflict news uses ("the Galilee", which the model takes for a person)
    regions = load_yaml((GAZ_DIR / "landmarks.yaml").read_text(encoding="utf-8")).get("regions") or []
    names.update(n for rg in regions for n in rg["names"])
    return [
        {"label": "GPE", "pattern": n}
        for n in sorted(names)
        if fold(n) not in stop and len(n) > 3 and n[0].isupper()
    ]


@dataclass(frozen=True)
class Coverage:
    """``data/gazetteer/coverage.yaml`` (and the user's): how far the gazetteer reaches uncued."""

    every_town: frozenset[str]
    ruler_countries: frozenset[str]
    with_aliases: frozenset[str]
    alias_exclude: tuple[str, ...]
    town_population: int
    world_population: int


@lru_cache(maxsize=1)
def coverage() -> Coverage:
    files = [GAZ_DIR / "coverage.yaml", *user_files("gazetteer/coverage.yaml")]
    every: set[str] = set()
    ruler: dict[str, Any] = {"countries": set(), "with_aliases": set(), "alias_exclude": set()}
    numbers: dict[str, int] = {}
    for path in files:
        data = load_yaml(path.read_text(encoding="utf-8")) or {}
        every.update(data.get("every_town", []))
        for key in ("countries", "with_aliases", "alias_exclude"):
            ruler[key].update((data.get("ruler") or {}).get(key, []))
        numbers.update({k: int(v) for k, v in (data.get("ruler") or {}).items() if k.endswith("population")})
    return Coverage(
        frozenset(every), frozenset(ruler["countries"]), frozenset(ruler["with_aliases"]),
        tuple(sorted(ruler["alias_exclude"])), numbers.get("town_population", 50_000),
        numbers.get("world_population", 500_000),
    )  # fmt: skip
