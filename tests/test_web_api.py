"""The JSON API through httpx (FastAPI's TestClient): every endpoint, filters, paging, errors,
the opt-in ingest endpoint and the export downloads."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from sitrep.web import create_app
from sitrep.web.markup import highlight, mark_document

from .test_web_support import HOSTILE, build_db


@pytest.fixture
def client(tmp_path: Path) -> TestClient:
    store = build_db(tmp_path / "web.db")
    return TestClient(create_app(store))


def ids(page: dict[str, Any]) -> list[str]:
    return [e["id"] for e in page["items"]]


def test_documents_list_and_detail(client: TestClient) -> None:
    page = client.get("/api/documents", params={"page_size": 2}).json()
    assert page["total"] == 3 and len(page["items"]) == 2
    assert page["items"][0]["id"] == "doc_a" and page["items"][0]["length"] > 100
    assert client.get("/api/documents", params={"page": 2, "page_size": 2}).json()["items"][0]["id"] == "hostile"
    doc = client.get("/api/documents/doc_a").json()
    assert doc["text"].startswith("Home | World")
    assert doc["boilerplate"], "the cleaner marks the navigation line"
    kinds = {(r["kind"], r["id"]) for r in doc["records"]}
    assert {("event", "ev_kunduz"), ("statement", "st1"), ("figure", "fig0")} <= kinds
    for r in doc["records"]:
        for m in r["mentions"]:
            assert doc["text"][m["start"] : m["end"]] == m["text"]


def test_event_filters(client: TestClient) -> None:
    def q(**params: Any) -> list[str]:
        r = client.get("/api/events", params=params)
        assert r.status_code == 200, r.text
        return sorted(ids(r.json()))

    assert q() == ["ev_kunduz", "ev_protest", "ev_threat"]
    assert q(plover_type="PROTEST") == ["ev_protest"]
    assert q(acled_event_type="battles") == ["ev_kunduz"]
    assert q(actor="afghan GOVERNMENT") == ["ev_kunduz"]  # actor2, case-insensitive
    assert q(actor="nobody") == []
    assert q(place="Farah") == ["ev_threat"]  # admin1
    assert q(place="kabul") == ["ev_protest"]
    assert q(status="threatened") == ["ev_threat"]
    assert q(date_from="2021-06-20") == ["ev_protest"]
    assert q(date_to="2021-06") == ["ev_kunduz"]  # a month includes its days
    assert q(date_from="2021-06-14", date_to="2021-06-14") == ["ev_kunduz"]
    assert q(q="army posts") == ["ev_kunduz"]  # mention text of the second source
    assert q(q="PROTEST against") == ["ev_protest"]  # summary, case-insensitive
    assert q(q="100%") == []  # LIKE wildcards are literal
    assert q(plover_type="ASSAULT", actor="Taliban", place="Kunduz", date_from="2021") == ["ev_kunduz"]


def test_event_sort_paging_and_cursor(client: TestClient) -> None:
    assert ids(client.get("/api/events", params={"sort": "-date"}).json()) == ["ev_protest", "ev_kunduz", "ev_threat"]
    assert ids(client.get("/api/events", params={"sort": "date"}).json()) == ["ev_threat", "ev_kunduz", "ev_protest"]
    assert ids(client.get("/api/events", params={"sort": "-fatalities"}).json())[0] == "ev_kunduz"
    seen, cursor = [], None
    for _ in range(5):
        params: dict[str, Any] = {"page_size": 1, "sort": "-date"}
        if cursor:
            params["cursor"] = cursor
        page = client.get("/api/events", params=params).json()
        assert page["total"] == 3
        seen += ids(page)
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert seen == ["ev_protest", "ev_kunduz", "ev_threat"]
    second = client.get("/api/events", params={"page_size": 1, "page": 2}).json()
    assert ids(second) == ["ev_kunduz"] and second["page"] == 2


@pytest.mark.parametrize(
    "params",
    [
        {"page_size": 501},
        {"page_size": 0},
        {"page": 0},
        {"page": "x"},
        {"sort": "summary"},
        {"plover_type": "BOMB"},
        {"date_from": "June 2021"},
        {"date_to": "2021-13-01"},
        {"status": "x; DROP TABLE events"},
        {"actor": "a" * 201},
    ],
)
def test_bad_event_params_are_422_naming_the_parameter(client: TestClient, params: dict[str, Any]) -> None:
    r = client.get("/api/events", params=params)
    assert r.status_code == 422
    assert list(params)[0] in json.dumps(r.json()["detail"])


@pytest.mark.parametrize(
    "params,message",
    [
        ({"cursor": "garbage"}, "invalid cursor"),
        ({"date_from": "2022", "date_to": "2021"}, "after"),
        ({"cursor": "abc", "page": 2}, "not both"),
    ],
)
def test_inconsistent_event_params_are_400(client: TestClient, params: dict[str, Any], message: str) -> None:
    r = client.get("/api/events", params=params)
    assert r.status_code == 400 and message in r.json()["detail"]


def test_cursor_for_another_sort_is_rejected(client: TestClient) -> None:
    cursor = client.get("/api/events", params={"page_size": 1}).json()["next_cursor"]
    r = client.get("/api/events", params={"cursor": cursor, "sort": "fatalities"})
    assert r.status_code == 400 and "sort" in r.json()["detail"]


def test_event_detail(client: TestClient) -> None:
    ev = client.get("/api/events/ev_kunduz").json()
    assert ev["sources"] == ["doc_a", "doc_b"]
    assert [m["doc_id"] for m in ev["mentions"]] == ["doc_a", "doc_b"]
    assert ev["disagreements"][0]["field"] == "fatalities"
    assert {v["value"] for v in ev["disagreements"][0]["values"]} == {20, 25}
    assert ev["statements"][0]["id"] == "st1" and ev["statements"][0]["speaker"]["name"] == "Zabihullah Mujahid"
    assert client.get("/api/events/nope").status_code == 404
    assert client.get("/api/documents/nope").json()["detail"] == "no document 'nope'"


def test_statements_figures_series_timeline_stories(client: TestClient) -> None:
    st = client.get("/api/statements", params={"speaker": "zabihullah mujahid", "intent": "threaten"}).json()
    assert st["total"] == 1 and st["items"][0]["quote"].startswith("We will not stop")
    assert client.get("/api/statements", params={"intent": "deny"}).json()["total"] == 0
    assert client.get("/api/statements/st1").status_code == 200
    figs = client.get("/api/figures", params={"measure": "troops deployed"}).json()
    assert figs["total"] == 2
    series = client.get("/api/figures/series").json()  # the series `sitrep figures` gives: normalised keys
    assert len(series) == 1 and series[0]["subject"] == "NATO" and series[0]["key"] == ["troops", "nato"]
    assert [(p["date"], p["value"]) for p in series[0]["points"]] == [("2021-01", 9500.0), ("2021-05", 2500.0)]
    assert series[0]["points"][1]["sources"] == ["doc_b"] and series[0]["points"][1]["date_basis"] == "figure"
    tl = client.get("/api/timeline").json()
    assert tl["total"] == 3, "undated events are listed, last, as `sitrep timeline` lists them"
    assert [e["date"] for e in tl["items"]] == ["2021-06-14", "2021-07-01", None]
    assert client.get("/api/timeline", params={"plover_type": "PROTEST"}).json()["total"] == 1
    stories = client.get("/api/stories").json()
    assert stories[0]["event_ids"] == ["ev_kunduz"]
    counts = client.get("/api/counts").json()
    assert (counts["documents"], counts["events"], counts["statements"], counts["figures"]) == (3, 3, 1, 2)


def test_exports_download_and_read_back(client: TestClient) -> None:
    r = client.get("/api/export/jsonl")
    assert r.status_code == 200 and "attachment" in r.headers["content-disposition"]
    recs = [json.loads(line) for line in r.text.splitlines()]
    assert {r["id"] for r in recs if r["type"] == "event"} == {"ev_kunduz", "ev_protest", "ev_threat"}
    assert any(r["type"] == "document" and r["text"] == HOSTILE for r in recs)
    rows = list(csv.DictReader(io.StringIO(client.get("/api/export/acled-csv").text)))
    assert rows and "event_type" in rows[0]
    gj = client.get("/api/export/geojson").json()
    assert gj["type"] == "FeatureCollection" and len(gj["features"]) == 3
    pq = client.get("/api/export/parquet")
    assert pq.status_code == 200 and pq.content[:4] == b"PAR1"
    import pyarrow.parquet as parquet

    assert parquet.read_table(io.BytesIO(pq.content)).num_rows == 3
    assert client.get("/api/export/xlsx").status_code == 422


def test_read_only_by_default(client: TestClient) -> None:
    r = client.post("/api/documents", json={"id": "x", "text": "Rebels attacked a town."})
    assert r.status_code == 405
    spec = client.get("/api/openapi.json").json()
    methods = {m for p in spec["paths"].values() for m in p}
    assert methods == {"get"}, "no mutating route without an ingest token"
    for verb in ("put", "delete", "patch"):
        assert client.request(verb, "/api/events/ev_kunduz").status_code == 405


def test_security_headers(client: TestClient) -> None:
    for url in ("/api/events", "/events", "/static/sitrep.js"):
        csp = client.get(url).headers["content-security-policy"]
        assert "default-src 'self'" in csp and "script-src 'self'" in csp


@pytest.fixture
def ingest_client(tmp_path: Path) -> TestClient:
    return TestClient(create_app(build_db(tmp_path / "ingest.db"), ingest_token="s3cret"))


def test_ingest_needs_the_token(ingest_client: TestClient) -> None:
    doc = {"id": "new1", "text": "Rebels attacked the town of Dala on Tuesday, killing four civilians."}
    assert ingest_client.post("/api/documents", json=doc).status_code == 401
    r = ingest_client.post("/api/documents", json=doc, headers={"Authorization": "Bearer wrong"})
    assert r.status_code == 401 and r.headers["www-authenticate"] == "Bearer"
    assert ingest_client.get("/api/documents/new1").status_code == 404
    bad = ingest_client.post("/api/documents", json={"id": "x", "text": "a", "html": "<p>a</p>"},
                             headers={"Authorization": "Bearer s3cret"})
    assert bad.status_code == 422 and "exactly one" in bad.text


def test_ingest_with_token_runs_the_pipeline(ingest_client: TestClient) -> None:
    doc = {"id": "new1", "title": "Shelling", "published": "2021-03-03",
           "text": "KANO, March 3 (Wire) - Rebel fighters shelled the market town of Dala on Tuesday, "
                   "killing four civilians, a local official said.\n"}
    r = ingest_client.post("/api/documents", json=doc, headers={"Authorization": "Bearer s3cret"})
    assert r.status_code == 201, r.text
    assert r.json()["stored"] == 1 and r.json()["document_ids"] == ["new1"]
    stored = ingest_client.get("/api/documents/new1").json()
    assert stored["text"] == doc["text"]
    again = ingest_client.post("/api/documents", json=doc, headers={"Authorization": "Bearer s3cret"}).json()
    assert again["stored"] == 0 and again["unchanged"] == 1, "re-posting is idempotent"


def test_markup_escapes_every_piece() -> None:
    text = 'a <b>x</b> & <script>alert(1)</script> "q"'
    html = str(mark_document(text, [{"start": 0, "end": 2, "kind": "nav"}],
                             [{"kind": "event", "id": 'e"1', "label": "<i>", "mentions": [{"start": 2, "end": 10}]}]))
    assert "<script>" not in html and "<b>" not in html and "<i>" not in html
    assert "&lt;script&gt;" in html and 'data-records="event:e&#34;1"' in html
    assert '<span class="bp"' in html and "<mark" in html
    hl = str(highlight(text, 13, 41))
    assert hl.count("<mark") == 1 and "&lt;script&gt;alert(1)&lt;/script&gt;" in hl


def test_the_web_reads_timeline_and_series_as_the_cli_does(tmp_path: Path) -> None:
    """One read path: the API's timeline and figure series are what ``sitrep timeline`` and
    ``sitrep figures`` give (same order, undated events last; same normalised series)."""
    from sitrep.figure_series import figure_series
    from sitrep.timeline import timeline

    store = build_db(tmp_path / "web.db")
    client = TestClient(create_app(store))
    cli_rows = timeline(store)
    web = client.get("/api/timeline").json()
    assert [e["event"]["id"] for e in web["items"]] == [r["id"] for r in cli_rows]
    assert web["items"][-1]["date"] is None and cli_rows[-1]["date"] is None
    cli_series = figure_series(store)
    web_series = client.get("/api/figures/series").json()
    assert [(s["key"], [p["figure_id"] for p in s["points"]]) for s in web_series] == [
        (s["key"], [p["id"] for p in s["points"]]) for s in cli_series
    ]
    assert [[p["date"] for p in s["points"]] for s in web_series] == [[p["date"] for p in s["points"]] for s in cli_series]


def test_api_models_have_the_fields_of_the_record_model() -> None:
    """The API's record models are the record model's JSON shapes (``sitrep.model``), leniently
    typed: the same fields, and only the ones a fused record adds besides."""
    from typing import get_type_hints

    from sitrep import model
    from sitrep.web import models as m

    fused_adds = {"Event": {"sources"}}
    for api, shape in ((m.Mention, model.MentionJSON), (m.Actor, model.ActorJSON), (m.Location, model.LocationJSON),
                       (m.Speaker, model.SpeakerJSON), (m.Event, model.EventJSON),
                       (m.Statement, model.StatementJSON), (m.Figure, model.FigureJSON)):  # fmt: skip
        fields = set(get_type_hints(shape))
        assert set(api.model_fields) == fields | fused_adds.get(api.__name__, set()), api.__name__
    assert m.PLOVER_TYPES is model.PLOVER_TYPES and m.PloverType is model.PloverType
