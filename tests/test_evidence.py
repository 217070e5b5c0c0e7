"""Every filled field names the words it was read from (``evidence``), exactly, through analysis,
fusion, the store, the exports and the API. Texts are composed for these tests."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

import sitrep
from sitrep.analyze import analyze
from sitrep.model import Document

ATTACK = (
    "KABUL, April 6 (Wire) - Taliban fighters attacked a police checkpoint in Kunduz on Monday, "
    "killing at least 12 officers and 3 civilians, a provincial spokesman said."
)


def _analysis(text: str, published: str = "2020-04-06"):
    return next(analyze([Document(id="t", text=text, published=published)]))


def _words(rec, field: str) -> list[str]:
    return [sp.text for sp in rec.evidence.get(field, [])]


def _basis(rec, field: str) -> set[str | None]:
    return {sp.basis for sp in rec.evidence.get(field, [])}


def _exact(text: str, spans: list[dict]) -> bool:
    return all(text[sp["start"] : sp["end"]] == sp["text"] for sp in spans)


def test_an_attack_names_the_words_of_each_field() -> None:
    a = _analysis(ATTACK)
    (ev,) = [e for e in a.events if e.acled_event_type]
    assert "attacked" in _words(ev, "plover_type")
    assert _words(ev, "actor1") == ["Taliban fighters"]
    assert _words(ev, "location") == ["Kunduz"]
    assert "Monday" in _words(ev, "date") and "reference date" in _basis(ev, "date")
    # the toll is a sum: both number phrases are its words
    assert ev.fatalities == 15 and sorted(_words(ev, "fatalities")) == ["3", "at least 12"]
    for spans in ev.evidence.values():
        for sp in spans:
            assert a.document.text[sp.start : sp.end] == sp.text


def test_an_actor_the_coding_rules_supply_cites_the_trigger_as_its_basis() -> None:
    a = _analysis("A shopkeeper was shot dead in Herat city on Tuesday.")
    (ev,) = [e for e in a.events if e.acled_event_type]
    assert ev.actor1 is not None and ev.actor1.name.startswith("Unidentified")
    assert _basis(ev, "actor1") == {"ACLED rule"}
    assert _words(ev, "actor1") == _words(ev, "plover_type")  # the trigger the rule was applied to


def test_a_pronoun_agent_is_cited_as_coreference() -> None:
    a = _analysis("The Islamic State group claimed a bombing in Jalalabad. It also attacked a prison in Nangarhar on Sunday.")
    ev = next(e for e in a.events if "attacked" in e.trigger)
    assert _words(ev, "actor1") == ["It"] and _basis(ev, "actor1") == {"coreference"}


def test_a_statement_names_its_speaker_quote_and_cue() -> None:
    a = _analysis(
        '"We will retake the district," Taliban spokesman Zabihullah Mujahid said on Twitter. '
        "He warned that fighters would attack any convoy on the highway."
    )
    first, second = a.statements
    assert _words(first, "quote") == [first.quote] == ["We will retake the district"]
    assert _words(first, "speaker") == ["Taliban spokesman Zabihullah Mujahid"]
    assert "said" in _words(first, "intent")
    assert second.intent == "warn" and "warned" in _words(second, "intent")
    assert _words(second, "speaker") == ["He"] and _basis(second, "speaker") == {"coreference"}


def test_a_statement_names_whom_it_was_addressed_to_and_who_relayed_it() -> None:
    a = _analysis(
        "The defence minister warned the Taliban that the army would retake every district. "
        "Spokesman Ahmad Karimi told Reuters that the convoy had been attacked."
    )
    addressed = next(s for s in a.statements if s.addressee)
    assert _words(addressed, "addressee") == [addressed.addressee]
    relayed = next(s for s in a.statements if s.reported_by)
    assert _words(relayed, "reported_by") == ["Reuters"]


def test_a_quote_that_goes_on_cites_the_words_that_named_its_speaker() -> None:
    a = _analysis(
        '"The talks have failed," the army chief General Ahmad Karimi said on Monday.\n\n'
        '"We will defend every district and every road that leads to the capital."'
    )
    assert len(a.statements) == 2
    assert _words(a.statements[1], "speaker") == _words(a.statements[0], "speaker")
    assert _basis(a.statements[1], "speaker") == {"coreference"}


def test_a_figure_names_its_number_measure_and_source() -> None:
    a = _analysis("According to the UN, more than 1,200 civilians were killed in Helmand in 2019.")
    fig = next(f for f in a.figures if f.value == 1200)
    assert _words(fig, "value") == ["more than 1,200"]
    assert "civilians" in _words(fig, "measure")[0]
    assert _words(fig, "source") == ["the UN"]
    assert _words(fig, "period") == ["2019"]


def test_an_empty_field_has_no_evidence_key() -> None:
    a = _analysis("Protesters marched in Lagos on Friday.")
    for rec in [*a.events, *a.statements, *a.figures]:
        as_json = rec.to_json()
        for field in as_json["evidence"]:
            value = as_json.get(field)
            assert value not in (None, "", [], {}) or field in ("period", "date"), (field, as_json)


REPORT_A = (
    "Gunmen kill 20 in Zamfara village\n\n"
    "Gunmen attacked Kadisau village in Zamfara state on Tuesday, killing 20 people, police said.\n"
)
REPORT_B = (
    "Bandits raid Zamfara village\n\n"
    "Armed bandits attacked Kadisau village in Zamfara state on Tuesday and killed 25 people, residents said.\n"
)


@pytest.fixture()
def two_reports(tmp_path: Path) -> Path:
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "a.txt").write_text(REPORT_A, encoding="utf-8")
    (pages / "b.txt").write_text(REPORT_B, encoding="utf-8")
    db = tmp_path / "ev.db"
    sitrep.run([pages], db=db)
    return db


def test_a_fused_event_keeps_every_sources_words_and_a_disagreement_names_each_side(two_reports: Path) -> None:
    with sitrep.open(two_reports) as d:
        docs = {doc["id"]: doc["text"] for doc in d.documents()}
        events = [e for e in d.events() if len({m["doc_id"] for m in e["mentions"]}) == 2]
    assert events, "the two reports fuse into one event"
    ev = events[0]
    assert {sp["doc_id"] for sp in ev["evidence"]["fatalities"]} == set(docs)
    for spans in ev["evidence"].values():
        for sp in spans:
            assert docs[sp["doc_id"]][sp["start"] : sp["end"]] == sp["text"]
    (tolls,) = [d for d in ev["disagreements"] if d["field"] == "fatalities"]
    for side in tolls["values"]:
        assert [sp["doc_id"] for sp in side["evidence"]] == [side["doc_id"]]
        assert str(side["value"]) in " ".join(sp["text"] for sp in side["evidence"])


def test_exports_carry_the_evidence(two_reports: Path, tmp_path: Path) -> None:
    from sitrep.export.registry import get_exporter
    from sitrep.store import Store

    store = Store(two_reports, create=False)
    out = io.StringIO()
    get_exporter("jsonl").write(store, out)
    recs = [json.loads(line) for line in out.getvalue().splitlines()]
    docs = {r["id"]: r["text"] for r in recs if r["type"] == "document"}
    events = [r for r in recs if r["type"] == "event"]
    assert events and all(r["evidence"] for r in events)
    assert all(
        docs[sp["doc_id"]][sp["start"] : sp["end"]] == sp["text"]
        for r in recs
        if r["type"] in ("event", "statement", "figure")
        for spans in r["evidence"].values()
        for sp in spans
    )
    out = io.StringIO()
    get_exporter("acled-csv").write(store, out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert rows and all("Kadisau" in row["source_quote"] for row in rows)

    import pyarrow.parquet as pq

    from sitrep.export.parquet import write_tables

    write_tables(store, tmp_path / "out.parquet")
    table = pq.read_table(tmp_path / "out.events.parquet").to_pylist()
    assert table and all(json.loads(row["evidence"]) for row in table)  # a JSON column, as the other nested fields
    store.close()


def test_the_api_returns_and_describes_evidence(two_reports: Path) -> None:
    from fastapi.testclient import TestClient

    from sitrep.web import create_app

    client = TestClient(create_app(two_reports))
    listed = client.get("/api/events").json()["items"]
    ev = client.get(f"/api/events/{listed[0]['id']}").json()
    assert ev["evidence"] and all(isinstance(v, list) for v in ev["evidence"].values())
    schema = client.get("/api/openapi.json").json()["components"]["schemas"]
    assert "evidence" in schema["Event"]["properties"] and "Evidence" in schema


def test_a_question_cites_its_words_the_cue_and_whom_it_was_put_to() -> None:
    a = _analysis("Asked whether the convoy would return, the provincial governor said the road was closed.")
    q = next(s for s in a.statements if s.quote.startswith("whether"))
    assert _words(q, "quote") == ["whether the convoy would return"]
    assert _words(q, "intent") == ["Asked"]
    assert _words(q, "addressee") == ["provincial governor"] == [q.addressee]
    assert "speaker" not in q.evidence
