"""A folder of the user's own actors and places adds to the packaged data (``--data-dir``),
without editing the installed package. Names are invented for the test."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPORT = "Zorgon rebels attacked a police post in Quxville on Monday, killing four officers.\n"


def _sitrep(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "sitrep", *args], capture_output=True, text=True, timeout=600)


def _user_dir(root: Path) -> Path:
    d = root / "mydata"
    (d / "actors").mkdir(parents=True)
    (d / "gazetteer").mkdir()
    (d / "actors" / "actors.yaml").write_text(
        "actors:\n  - {name: Zorgon Liberation Front, type: rebel group, country: Nigeria,"
        " aliases: [Zorgon Liberation Front, ZLF, Zorgon rebels]}\n",
        encoding="utf-8",
    )
    (d / "gazetteer" / "places.yaml").write_text(
        "places:\n  - {name: Quxville, country: Nigeria, admin1: Zamfara, lat: 12.33, lon: 6.40}\n",
        encoding="utf-8",
    )
    return d


def _events(tmp: Path, name: str, *options: str) -> list[dict]:
    page = tmp / "report.txt"
    page.write_text(REPORT, encoding="utf-8")
    db = tmp / f"{name}.db"
    ran = _sitrep(*options, "run", str(page), "--db", str(db), "-q")
    assert ran.returncode == 0, ran.stderr
    out = _sitrep("export", "--db", str(db), "--format", "jsonl")
    return [r for r in map(json.loads, out.stdout.splitlines()) if r["type"] == "event" and r["acled_event_type"]]


def test_a_data_folder_adds_an_actor_and_a_place(tmp_path: Path) -> None:
    (plain,) = _events(tmp_path, "plain")
    assert (plain["actor1"] or {}).get("name") != "Zorgon Liberation Front"
    assert (plain["location"] or {}).get("name") != "Quxville"
    (ev,) = _events(tmp_path, "mine", "--data-dir", str(_user_dir(tmp_path)))
    assert ev["actor1"]["name"] == "Zorgon Liberation Front" and ev["actor1"]["type"] == "rebel group"
    assert ev["location"]["name"] == "Quxville" and ev["location"]["admin1"] == "Zamfara"
    assert (ev["location"]["lat"], ev["location"]["lon"]) == (12.33, 6.4)
    assert [sp["text"] for sp in ev["evidence"]["location"]] == ["Quxville"]


def test_a_missing_data_folder_is_a_usage_error(tmp_path: Path) -> None:
    ran = _sitrep("--data-dir", str(tmp_path / "nowhere"), "run", str(tmp_path), "--db", str(tmp_path / "x.db"))
    assert ran.returncode == 2 and "does not exist" in ran.stderr


def test_a_place_in_an_unknown_country_is_reported_by_file(tmp_path: Path) -> None:
    d = _user_dir(tmp_path)
    (d / "gazetteer" / "places.yaml").write_text("places:\n  - {name: Nowhere, country: Atlantis, lat: 1, lon: 2}\n")
    page = tmp_path / "p.txt"
    page.write_text(REPORT, encoding="utf-8")
    ran = _sitrep("--data-dir", str(d), "run", str(page), "--db", str(tmp_path / "y.db"), "-q", "--doc-timeout", "0")
    assert "Atlantis" in ran.stderr and "places.yaml" in ran.stderr


def test_a_data_folder_can_widen_where_towns_count_without_a_cue(tmp_path: Path) -> None:
    """A village named without "in" counts in the countries coverage.yaml lists; a desk adds its own."""
    script = (
        "from tests.test_places import make_ctx\n"
        "from sitrep.extract.places import Gazetteer\n"
        "t = 'Hnutove was shelled overnight.'\n"
        "loc = Gazetteer.default().locate(make_ctx(t), 0, len(t))\n"
        "print(loc.country if loc else None)\n"
    )
    d = tmp_path / "desk" / "gazetteer"
    d.mkdir(parents=True)
    (d / "coverage.yaml").write_text("every_town: [UA]\n", encoding="utf-8")
    env = {k: v for k, v in __import__("os").environ.items() if k != "SITREP_DATA_DIR"}
    runs = [
        subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300, env=e)
        for e in (env, {**env, "SITREP_DATA_DIR": str(tmp_path / "desk")})
    ]
    assert [r.stdout.strip().splitlines()[-1] for r in runs] == ["None", "Ukraine"], [r.stderr[-300:] for r in runs]


def test_a_data_folder_adds_a_trigger_word(tmp_path: Path) -> None:
    """A verb the packaged lexicon lacks becomes an attack once the desk's triggers.yaml names it."""
    page = tmp_path / "p.txt"
    page.write_text("Gunmen pummeled two farmers in Kaduna on Monday.\n", encoding="utf-8")
    d = tmp_path / "desk" / "events"
    d.mkdir(parents=True)
    (d / "triggers.yaml").write_text("verbs:\n  pummel: [ASSAULT, attack]\n", encoding="utf-8")
    coded = []
    for name, options in (("plain", ()), ("desk", ("--data-dir", str(tmp_path / "desk")))):
        db = tmp_path / f"{name}.db"
        assert _sitrep(*options, "run", str(page), "--db", str(db), "-q").returncode == 0
        out = _sitrep("export", "--db", str(db), "--format", "jsonl").stdout
        coded.append([r["acled_event_type"] for r in map(json.loads, out.splitlines()) if r["type"] == "event"])
    assert coded == [[], ["Violence against civilians"]]


def test_user_lists_add_to_packaged_ones_and_user_values_win(tmp_path: Path, monkeypatch) -> None:
    from sitrep.extract.user_data import ENV, overlaid

    (tmp_path / "gazetteer").mkdir()
    (tmp_path / "gazetteer" / "cues.yaml").write_text("after_name: [causeway, road]\nbefore_of: []\n")
    monkeypatch.setenv(ENV, str(tmp_path))
    packaged = {"after_name": ["road", "highway"], "before_of": ["center"], "other": {"a": 1}}
    assert overlaid(packaged, "gazetteer/cues.yaml") == {
        "after_name": ["road", "highway", "causeway"],
        "before_of": ["center"],
        "other": {"a": 1},
    }
    assert overlaid(packaged, "gazetteer/none.yaml") is packaged
