"""Every query shape of ``benchmarks/bench_api.py`` returns the same rows, in the same order, as a
straightforward reference query over ``events`` (no lookup tables, no plans), on a small
synthetic database built by ``benchmarks/make_events_db.py``; and the count is exact up to its
bound, "more than N" past it."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path
from urllib.parse import parse_qsl

import pytest
from fastapi.testclient import TestClient

from sitrep.store.schema import normalize_term
from sitrep.web import create_app
from sitrep.web import events as web_events
from sitrep.web.filters import fts_phrase

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from bench_api import QUERIES  # noqa: E402
from make_events_db import make  # noqa: E402


@pytest.fixture(scope="module")
def bench_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("bench") / "events.db"
    make(path, 3000, seed=11, n_docs=50)
    return path


def _reference(con: sqlite3.Connection, params: dict[str, str]) -> list[str]:
    """All matching event ids in the API's order, from ``events`` alone."""
    where, args = [], []
    if "date_from" in params:
        where.append("date >= ?"); args.append(params["date_from"])  # noqa: E702
    if "date_to" in params:
        where.append("date <= ?"); args.append(params["date_to"] + "~")  # noqa: E702
    for col in ("plover_type", "status"):
        if col in params:
            where.append(f"{col} = ?"); args.append(params[col])  # noqa: E702
    if "acled_event_type" in params:
        where.append("lower(acled_event_type) = ?"); args.append(params["acled_event_type"].lower())  # noqa: E702
    if "actor" in params:
        a = normalize_term(params["actor"])
        where.append("(lower(trim(actor1)) = ? OR lower(trim(actor2)) = ?)"); args += [a, a]  # noqa: E702
    if "place" in params:
        p = normalize_term(params["place"])
        where.append("(lower(trim(location)) = ? OR lower(trim(admin1)) = ? OR lower(trim(country)) = ?)")
        args += [p, p, p]
    if "q" in params:  # the full-text index, read as a plain set
        where.append("id IN (SELECT s.event_id FROM event_search s WHERE s.id IN"
                     " (SELECT rowid FROM events_fts WHERE events_fts MATCH ?))")
        args.append(fts_phrase(params["q"]))
    sort = params.get("sort", "-date")
    key = sort.lstrip("-")
    order = f"{key} IS NULL, {key} DESC, id DESC" if sort.startswith("-") else f"{key} IS NOT NULL, {key}, id"
    sql = f"SELECT id FROM events {'WHERE ' + ' AND '.join(where) if where else ''} ORDER BY {order}"
    return [r[0] for r in con.execute(sql, args)]


@pytest.mark.parametrize("plans", ["default", "walk", "read"])
def test_bench_shapes_return_the_reference_rows(bench_db: Path, plans: str, monkeypatch: pytest.MonkeyPatch) -> None:
    _check_shapes(bench_db, str(bench_db), plans, monkeypatch)


def test_bench_shapes_on_postgresql_return_the_reference_rows(
    bench_db: Path, pg_db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same database copied into PostgreSQL (``benchmarks/copy_events_db.py``) gives the
    same rows, by its own plans (a merge of two names, the stored tsvector)."""
    from copy_events_db import copy

    copy(str(bench_db), pg_db)
    _check_shapes(bench_db, pg_db, "default", monkeypatch)
    _check_numbered_pages(bench_db, pg_db)


def test_numbered_pages_across_the_unsorted_rows_return_the_reference_rows(bench_db: Path) -> None:
    _check_numbered_pages(bench_db, str(bench_db))


def _check_numbered_pages(bench_db: Path, db: str) -> None:
    """Numbered pages that start before, at and after the first row with (or without) a sort key,
    and past the end: the rows of the reference order (PostgreSQL reads the rows with a key and
    those without in two parts, skipping a page's offset in each)."""
    client = TestClient(create_app(db))
    con = sqlite3.connect(bench_db)
    size = 70
    for sort in ("date", "-date", "fatalities", "-fatalities"):
        for extra in ({}, {"plover_type": "COERCE"}):
            params = {"sort": sort, **extra}
            want = _reference(con, params)
            key = sort.lstrip("-")
            keyless = con.execute(f"SELECT count(*) FROM events WHERE {key} IS NULL"
                                  + (" AND plover_type = 'COERCE'" if extra else "")).fetchone()[0]
            edge = len(want) - keyless if sort.startswith("-") else keyless
            assert 0 < edge < len(want), params
            pages = {edge // size, edge // size + 1, edge // size + 2, len(want) // size + 1, len(want) // size + 2}
            for page in sorted(p for p in pages if p >= 1):
                body = client.get("/api/events", params={**params, "page": page, "page_size": size}).json()
                got = [e["id"] for e in body["items"]]
                assert got == want[(page - 1) * size : page * size], (params, page)


def _check_shapes(bench_db: Path, db: str, plans: str, monkeypatch: pytest.MonkeyPatch) -> None:
    if plans == "walk":  # every text search walks the sort index, checking each row
        monkeypatch.setattr(web_events, "FEW_MATCHES", 0)
        monkeypatch.setattr(web_events, "PROBE_COST", 0)
    elif plans == "read":  # every text search reads its matches first
        monkeypatch.setattr(web_events, "FEW_MATCHES", 10**9)
    monkeypatch.setattr(web_events, "COUNT_LIMIT", 500)
    monkeypatch.setattr(web_events, "JOIN_COUNT_LIMIT", 200)
    client = TestClient(create_app(db))
    con = sqlite3.connect(bench_db)
    for q in QUERIES:
        params = dict(parse_qsl(q))
        want = _reference(con, params)
        body = client.get("/api/events", params=params).json()
        size, page = int(params.get("page_size", 50)), int(params.get("page", 1))
        assert [e["id"] for e in body["items"]] == want[(page - 1) * size : page * size], q
        if body["total_exact"]:
            assert body["total"] == len(want), q
        else:  # "more than N": N is a bound, and more than N do match
            assert body["total"] in (200, 500) and len(want) > body["total"], q
        assert body["total_exact"] or len(want) > 200, q
        # cursor paging walks every matching row once, in order
        got, cursor = [], None
        while True:
            p = {**params, "page_size": 400, **({"cursor": cursor} if cursor else {})}
            p.pop("page", None)
            body = client.get("/api/events", params=p).json()
            got += [e["id"] for e in body["items"]]
            cursor = body["next_cursor"]
            if not cursor:
                break
        assert got == want, q


def test_two_names_are_read_from_the_one_whose_partner_is_likelier(bench_db: Path) -> None:
    """An actor on most events and a place on fewer: reading the place's events and probing the
    actor finds matches at almost every row; the reverse misses most probes."""
    from sqlalchemy import select

    from sitrep.store import Store
    from sitrep.web.events import _partner_share, plan_source
    from sitrep.web.filters import EventFilters

    store = Store(bench_db)
    filters = EventFilters(actor="Taliban", place="Kandahar")
    with store.session() as s:
        actor, place = ("actor", "taliban"), ("place", "kandahar")
        assert _partner_share(s, place, actor, filters) > _partner_share(s, actor, place, filters)
        src = plan_source(s, filters, "date")
        sql = str(select(src.ident).select_from(src.table).where(*src.conds).compile(
            compile_kwargs={"literal_binds": True}))
        assert "t.term = 'kandahar'" in sql, sql  # the place's range is the one read (alias t)
    store.close()
