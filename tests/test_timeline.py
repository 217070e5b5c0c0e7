"""Timeline order and filters, figure series grouping, the API method and the CLI commands."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from typer.testing import CliRunner

import sitrep
from sitrep.cli import app
from sitrep.figure_series import figure_series
from sitrep.timeline import timeline

from .test_report import build_sample_store


def test_timeline_order_filters_and_sources(tmp_path: Path) -> None:
    store = build_sample_store(tmp_path / "t.db")
    rows = timeline(store)
    dated = [r for r in rows if r["date"]]
    assert len(rows) == 4 and len(dated) == 3
    assert [r["date"] for r in rows] == ["2021-08", "2021-08-26", "2021-09-04", None]  # undated last
    assert rows[1]["fatalities"] == 60 and rows[1]["actors"] == ["Islamic State Khorasan"]
    assert {s["doc_id"] for s in rows[1]["sources"]} == {"wire-airport", "news-followup"}
    assert timeline(store, undated=False)[-1]["date"] == "2021-09-04"
    assert [r["date"] for r in timeline(store, date_from="2021-08-27")] == ["2021-08", "2021-09-04"]  # month overlaps
    assert [r["date"] for r in timeline(store, date_to="2021-08-10")] == ["2021-08"]  # month overlaps
    assert [r["date"] for r in timeline(store, actor="taliban")] == ["2021-08", "2021-09-04"]
    assert [r["place"] for r in timeline(store, place="kunduz")] == ["Kunduz, Afghanistan"]  # no repeated names
    assert len(timeline(store, plover_type="assault")) == 2
    assert [r["date"] for r in timeline(store, acled_type="Protests")] == ["2021-09-04"]
    with sitrep.open(tmp_path / "t.db") as db:
        assert [r["id"] for r in db.timeline(actor="Taliban")] == [r["id"] for r in timeline(store, actor="Taliban")]


def test_figure_series_groups_and_sorts(tmp_path: Path) -> None:
    store = build_sample_store(tmp_path / "f.db")
    series = figure_series(store)
    troops = next(s for s in series if s["key"] == ["troops", "us troops"])
    assert [p["value"] for p in troops["points"]] == [9800, 2500, 0]
    assert [p["date"] for p in troops["points"]] == ["2015-12", "2021-04-14", "2021-08-31"]  # own date, else the document's
    assert troops["points"][1]["date_basis"] == "document"  # no period: the report's date
    assert troops["points"][0]["source"] == "Pentagon"
    assert figure_series(store, measure="killed") and all(
        "killed" in s["key"][0] for s in figure_series(store, measure="killed"))
    assert figure_series(store, subject="nobody") == []


def test_cli_timeline_figures_report(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    build_sample_store(db)
    runner = CliRunner()
    res = runner.invoke(app, ["timeline", "--db", str(db), "--format", "jsonl", "--type", "ASSAULT"])
    assert res.exit_code == 0, res.output
    lines = [json.loads(x) for x in res.stdout.splitlines()]
    assert [x["date"] for x in lines] == ["2021-08", "2021-08-26"]
    res = runner.invoke(app, ["timeline", "--db", str(db), "--format", "csv", "--limit", "2"])
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    assert len(rows) == 2 and rows[1]["fatalities"] == "60"
    res = runner.invoke(app, ["timeline", "--db", str(db)])
    assert res.exit_code == 0 and "(month)" in res.stdout and "undated" in res.stdout
    res = runner.invoke(app, ["figures", "--db", str(db), "--measure", "troops", "--format", "jsonl"])
    assert res.exit_code == 0 and json.loads(res.stdout.splitlines()[0])["measure"] == "troops deployed"
    res = runner.invoke(app, ["figures", "--db", str(db)])
    assert res.exit_code == 0 and "9800" in res.stdout
    out = tmp_path / "r.html"
    res = runner.invoke(app, ["report", "--db", str(db), "-o", str(out), "--quiet"])
    assert res.exit_code == 0 and out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    res = runner.invoke(app, ["timeline", "--db", str(tmp_path / "missing.db")])
    assert res.exit_code == 3
