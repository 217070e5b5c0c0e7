"""The event lookup tables behind /api/events (migration 0004): event_terms, event_search,
event_text and the full-text index, on SQLite and PostgreSQL.

- filters read through them give the same events as a brute-force filter over every record;
- re-fusing (rewriting) events leaves no stale or duplicate lookup rows;
- any text a user types as ``q`` is a plain word search: never FTS syntax, never a 500.
"""

from __future__ import annotations

import random
import re
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select, text

import sitrep
from sitrep.fuse import FusionStore
from sitrep.store import Store
from sitrep.store.schema import EventRow, EventSearch, EventTerm, EventText, normalize_term
from sitrep.timeline import in_timeline_order
from sitrep.web import create_app, queries
from sitrep.web import events as web_events

from .test_web_support import _document, _save, build_db

ACTORS = ["Taliban", "TALIBAN", "Afghan government", "NATO", "Militia 7", " Protesters "]
PLACES = [("Kunduz", "Kunduz"), ("Lashkar Gah", "Helmand"), ("Kabul", "Kabul"), ("Kandahar", "Kandahar")]
WORDS = ["convoy", "checkpoint", "ambush", "army", "posts", "market", "rocket", "village", "talks", "base"]


def _random_events(n: int, seed: int = 3) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        a1 = rng.choice(ACTORS)
        a2 = rng.choice([None, None, *ACTORS])
        loc = rng.choice([None, *PLACES])
        date = rng.choice([None, "2019", "2020-03", "2020-03-14", "2020-11-02", "2021-01-05", "2021-06-30"])
        summary = "start " + " ".join(rng.choice(WORDS) for _ in range(5)) + " end"
        mentions = [
            {"doc_id": rng.choice(["doc_a", "doc_b"]), "start": 0, "end": 1,
             "text": "start " + " ".join(rng.choice(WORDS) for _ in range(6)) + " end"}
            for _ in range(rng.choice([0, 1, 2]))
        ]  # fmt: skip
        out.append({
            "type": "event", "id": f"ev{i:03d}", "plover_type": rng.choice(["ASSAULT", "PROTEST", "COERCE"]),
            "acled_event_type": rng.choice([None, "Battles"]), "actor1": {"name": a1},
            "actor2": {"name": a2} if a2 else None,
            "location": {"name": loc[0], "admin1": loc[1], "country": "Afghanistan", "lat": 30 + len(loc[0]) / 10,
                         "lon": 65 + len(loc[1]) / 10} if loc else None,
            "date": date, "status": rng.choice(["occurred", "planned"]),
            "fatalities": rng.choice([None, 0, 3, 12]), "summary": summary, "mentions": mentions,
        })  # fmt: skip
    return out


def _words(s: str) -> list[str]:
    return re.findall(r"\w+", s.lower())


def _has_phrase(texts: list[str], q: str) -> bool:
    want = _words(q)
    for t in texts:
        ws = _words(t)
        n = len(want)
        if want and any(
            ws[i : i + n - 1] == want[:-1] and ws[i + n - 1].startswith(want[-1]) for i in range(len(ws) - n + 1)
        ):  # words in order, the last one a prefix ("convoy" finds "convoys")
            return True
    return False


def _matches(e: dict[str, Any], f: dict[str, str]) -> bool:
    """The documented meaning of each filter, evaluated on the record itself."""
    date = e["date"]
    if "date_from" in f and (date is None or date < f["date_from"]):
        return False
    if "date_to" in f and (date is None or date > f["date_to"] + "~"):
        return False
    if "plover_type" in f and e["plover_type"] != f["plover_type"]:
        return False
    if "status" in f and e["status"] != f["status"]:
        return False
    if "actor" in f:
        names = [normalize_term(a["name"]) for a in (e["actor1"], e["actor2"]) if a]
        if normalize_term(f["actor"]) not in names:
            return False
    if "place" in f:
        loc = e["location"] or {}
        names = [normalize_term(loc[k]) for k in ("name", "admin1", "country") if loc.get(k)]
        if normalize_term(f["place"]) not in names:
            return False
    return "q" not in f or _has_phrase([e["summary"], *(m["text"] for m in e["mentions"])], f["q"])


FILTERS: list[dict[str, str]] = [
    {"actor": "taliban"},
    {"actor": "NATO", "date_from": "2020"},
    {"actor": " protesters"},
    {"place": "helmand"},
    {"place": "afghanistan", "plover_type": "ASSAULT"},
    {"place": "kabul", "actor": "Taliban"},
    {"actor": "militia 7", "place": "Kunduz", "status": "planned", "date_to": "2020-12"},
    {"q": "convoy"},
    {"q": "ARMY posts"},
    {"q": "rocket!", "plover_type": "COERCE"},
    {"q": "checkpoint", "date_from": "2020-03", "date_to": "2021-01"},
    {"q": "market village", "actor": "taliban"},
    {"q": "ambush", "actor": "afghan government", "place": "kandahar", "plover_type": "ASSAULT"},
    {"q": "base", "status": "occurred", "actor": "nato"},
    {"q": "nowhere"},
    {"actor": "nobody"},
]


@pytest.fixture
def random_store(any_db: str, tmp_path: Path) -> tuple[Store, list[dict[str, Any]]]:
    store = Store(any_db)
    _save(store, [_document("doc_a", "Alpha text.\n"), _document("doc_b", "Beta text.\n")])
    events = _random_events(90)
    FusionStore(store).write_fused("event", events[:60], {})
    FusionStore(store).write_fused("event", events[40:], {})  # 20 of them written twice
    return store, events


@pytest.mark.parametrize("few", [0, 10**9])
def test_filters_agree_with_brute_force(random_store: tuple[Store, list[dict[str, Any]]], few: int,
                                        monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    store, events = random_store
    monkeypatch.setattr(web_events, "FEW_MATCHES", few)  # both plans of a name + text search
    monkeypatch.setattr(web_events, "PROBE_COST", 0 if few == 0 else 10**9)  # walk + check each row, or not
    with store.session() as s:
        for f in FILTERS:
            want = {e["id"] for e in events if _matches(e, f)}
            for sort in ("-date", "fatalities"):
                for page_size in (1, 7, 500):  # small pages walk the sort index, big ones read matches
                    got: list[dict[str, Any]] = []
                    cursor = None
                    for _ in range(200):
                        page = queries.list_events(s, queries.EventFilters(**f), sort=sort, page_size=page_size,
                                                   cursor=cursor)  # fmt: skip
                        assert page.total == len(want), (f, sort)
                        got += page.items
                        cursor = page.next_cursor
                        if not cursor:
                            break
                    ids = [e["id"] for e in got]
                    assert len(ids) == len(set(ids)) and set(ids) == want, (f, sort, page_size)
                    key = "date" if "date" in sort else "fatalities"
                    order = [(e[key] is None, e[key]) for e in got] if sort.startswith("-") else None
                    if order is not None:  # descending: nulls last
                        assert [n for n, _ in order] == sorted(n for n, _ in order)
            # the other readers of the same filters (timeline, facets) agree too; the timeline
            # lists undated events, last, as `sitrep timeline` does
            tl = queries.timeline(s, queries.EventFilters(**f), limit=5000)
            assert {e["id"] for e in tl.items} == want and tl.total == len(want), f
            undated = [e["date"] is None for e in tl.items]
            assert undated == sorted(undated), f
            stored = [r for r in store.iter_records("event") if r["id"] in want]  # in store order
            assert [e["id"] for e in tl.items] == [r["id"] for r in in_timeline_order(stored)], f


def test_month_counts_and_the_brief_timeline_agree_with_brute_force(
    random_store: tuple[Store, list[dict[str, Any]]],
) -> None:
    """The histogram's months (read month by month from an index where it can), the timeline
    page's brief events and its walked plan (one common name, a small page) give what the
    records say."""
    store, events = random_store
    extra = [{}, {"plover_type": "ASSAULT", "date_from": "2020-03-14"}, {"status": "planned", "date_to": "2020-03"},
             {"date_from": "2020-03", "date_to": "2020-03"}, {"date_from": "2019", "date_to": "2019"},
             {"actor": "taliban", "status": "occurred"}, {"place": "kunduz", "date_from": "2020-03-14"}]  # fmt: skip
    with store.session() as s:
        for f in [*FILTERS, *extra]:
            want: dict[str, int] = {}
            for e in events:
                if e["date"] and _matches(e, f):
                    want[e["date"][:7]] = want.get(e["date"][:7], 0) + 1
            assert queries.month_counts(s, queries.EventFilters(**f)) == sorted(want.items()), f
            full = queries.timeline(s, queries.EventFilters(**f), limit=5000)
            brief = queries.timeline(s, queries.EventFilters(**f), limit=5000, brief=True)
            keys = ("id", "date", "plover_type", "summary", "sources")
            assert brief.items == [{k: e.get(k) for k in keys} for e in full.items], f
            one_by_one = [queries.timeline(s, queries.EventFilters(**f), limit=1, offset=i, brief=True).items
                          for i in range(len(full.items))]  # fmt: skip
            assert [e["id"] for page in one_by_one for e in page] == [e["id"] for e in full.items], f


def _lookup_rows(store: Store) -> tuple[list[tuple[str, str, str]], dict[str, str]]:
    with store.session() as s:
        terms = sorted((t.event_id, t.kind, t.term) for t in s.scalars(select(EventTerm)))
        bodies = {
            ev: body
            for ev, body in s.execute(select(EventSearch.event_id, EventText.body).join(EventText,
                                                                                       EventText.id == EventSearch.id))
        }  # fmt: skip
        assert s.scalar(select(func.count()).select_from(EventText)) == len(bodies)
        if s.get_bind().dialect.name == "sqlite":
            s.execute(text("INSERT INTO events_fts(events_fts) VALUES ('integrity-check')"))
    return terms, bodies


def _expected_terms(events: list[dict[str, Any]]) -> list[tuple[str, str, str]]:
    out = set()
    for e in events:
        for a in (e.get("actor1"), e.get("actor2")):
            if a and a.get("name"):
                out.add((e["id"], "actor", normalize_term(a["name"])))
        loc = e.get("location") or {}
        for k in ("name", "admin1", "country"):
            if loc.get(k):
                out.add((e["id"], "place", normalize_term(loc[k])))
    return sorted(out)


def test_rewritten_events_leave_no_stale_or_duplicate_lookup_rows(any_db: str) -> None:
    store = Store(any_db)
    _save(store, [_document("doc_a", "Alpha text.\n")])
    m = [{"doc_id": "doc_a", "start": 0, "end": 5, "text": "Alpha"}]
    first = {"id": "e1", "plover_type": "ASSAULT", "actor1": {"name": "Taliban"}, "actor2": {"name": "taliban"},
             "location": {"name": "Kunduz", "admin1": "Kunduz", "country": "Afghanistan"}, "date": "2021-06-14",
             "summary": "convoy ambushed", "mentions": m}  # fmt: skip
    FusionStore(store).write_fused("event", [first, {**first, "id": "e2", "summary": "talks resume"}], {})
    terms, bodies = _lookup_rows(store)
    assert ("e1", "actor", "taliban") in terms and terms.count(("e1", "actor", "taliban")) == 1
    # re-fused: other actor, no place, new text, more mentions; twice in one batch
    second = {**first, "actor1": {"name": "NATO"}, "actor2": None, "location": None, "summary": "checkpoint shelled",
              "date": "2021-06-15", "mentions": [*m, {**m[0], "text": "Alpha checkpoint"}]}  # fmt: skip
    FusionStore(store).write_fused("event", [{**second, "summary": "stale"}, second], {})
    terms, bodies = _lookup_rows(store)
    assert [t for t in terms if t[0] == "e1"] == [("e1", "actor", "nato")]
    assert bodies["e1"] == "checkpoint shelled\nAlpha\nAlpha checkpoint"
    with store.session() as s:

        def ids(**f: str) -> list[str]:
            return sorted(e["id"] for e in queries.list_events(s, queries.EventFilters(**f)).items)

        assert ids(q="convoy") == [] and ids(q="stale") == [] and ids(q="checkpoint") == ["e1"]
        assert ids(actor="taliban") == ["e2"] and ids(actor="nato", date_from="2021-06-15") == ["e1"]
        assert ids(place="kunduz") == ["e2"]
        rows = s.scalar(select(func.count()).select_from(EventSearch))
        assert rows == s.scalar(select(func.count()).select_from(EventRow)) == 2


def test_lookup_rows_follow_incremental_fusion(article_dir: Path, any_db: str) -> None:
    """A real run, then a second run whose documents fuse into the stored events."""
    sitrep.run([article_dir], db=any_db)
    (article_dir / "a4.txt").write_text(
        "KANO, March 4 (Other Wire) - Rebel fighters shelled the market town of Dala on Tuesday, killing five"
        " civilians, residents said.\n",
        encoding="utf-8",
    )
    sitrep.run([article_dir], db=any_db)
    store = Store(any_db)
    events = list(store.iter_records("event"))
    assert events
    terms, bodies = _lookup_rows(store)
    assert terms == _expected_terms(events)
    assert set(bodies) == {e["id"] for e in events}
    for e in events:
        assert bodies[e["id"]] == "\n".join([e.get("summary") or "", *(m["text"] for m in e["mentions"])])


HOSTILE_Q = ['"', '""', "*", "army*", "NEAR", "NEAR(army posts)", "-", "army -posts", "(", ")", "((army",
             "a OR b", "AND", "army AND", "NOT", "^army", "body:army", "events_fts:army", "it's", "100%", "\\",
             "_", "{army}", "[x]", ":", "+", "été", "Ü", "🙂", "' OR 1=1 --", '"army posts"', "army\tposts",
             "a" * 200]  # fmt: skip


@pytest.fixture
def web(any_db: str) -> TestClient:
    return TestClient(create_app(build_db(any_db)))  # type: ignore[arg-type]


def test_any_q_is_a_plain_word_search(web: TestClient) -> None:
    for q in HOSTILE_Q:
        for url in ("/api/events", "/api/timeline", "/events", "/timeline", "/map"):
            r = web.get(url, params={"q": q})
            assert r.status_code == 200, (url, q, r.text[:300])
        for params in (
            {"q": q, "actor": "taliban"},
            {"q": q, "plover_type": "ASSAULT"},
            {"q": q, "sort": "date"},
        ):
            assert web.get("/api/events", params=params).status_code == 200, params

    def ids(q: str) -> list[str]:
        return sorted(e["id"] for e in web.get("/api/events", params={"q": q}).json()["items"])

    assert ids('"army posts"') == ids("ARMY POSTS") == ids("army, posts!") == ["ev_kunduz"]
    assert ids("army*") == ["ev_kunduz"]  # punctuation is not syntax: the word "army"
    assert ids("NEAR(army posts)") == []  # "near army posts" is not in the texts
    assert ids("posts army") == []  # a phrase: words in order
    assert ids("army po") == ["ev_kunduz"]  # the last word is a prefix
    assert ids("*") == ids("-") == []  # no words, nothing matches


def test_facets_count_every_match_up_to_their_bound(random_store: tuple[Store, list[dict[str, Any]]],
                                                   monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    """Facet counts are the matching events' counts when no more than ``FACET_ROWS`` match; past
    the bound they count the ``FACET_ROWS`` most recent of them (undated last), and say so."""
    store, events = random_store

    def tally(evs: list[dict[str, Any]], col: str) -> dict[str, int]:
        counts: dict[str, int] = {}
        for e in evs:
            v = (e.get("status") or "occurred") if col == "status" else e.get(col)
            if v is not None and v != "":
                counts[v] = counts.get(v, 0) + 1
        return counts

    with store.session() as s:
        for f in FILTERS:
            want = [e for e in events if _matches(e, f)]
            facets = queries.event_facets(s, queries.EventFilters(**f), ("status", "plover_type"))
            assert dict(facets.counts["status"]) == tally(want, "status"), f
            assert dict(facets.counts["plover_type"]) == tally(want, "plover_type"), f
            assert (facets.rows, facets.complete) == (len(want), True), f
        monkeypatch.setattr(web_events, "FACET_ROWS", 25)
        facets = queries.event_facets(s, queries.EventFilters(), ("status",))
        newest = sorted(events, key=lambda e: (e.get("date") or "", e["id"]), reverse=True)[:25]
        assert dict(facets.counts["status"]) == tally(newest, "status")
        assert (facets.rows, facets.complete) == (25, False)


def test_map_reads_the_most_recent_located_matches(random_store: tuple[Store, list[dict[str, Any]]]) -> None:
    """The map's events are the matching events with coordinates, most recent first (undated
    last), cut at its limit, whichever plan the filters take."""
    store, events = random_store
    with store.session() as s:
        for f in FILTERS:
            want = sorted((e for e in events if _matches(e, f) and e["location"]),
                          key=lambda e: (e.get("date") or "", e["id"]), reverse=True)  # fmt: skip
            for limit in (3, 1000):
                got = queries.located_events(s, queries.EventFilters(**f), limit=limit)
                assert [e["id"] for e in got] == [e["id"] for e in want[:limit]], (f, limit)


def test_an_expired_prefix_spelling_is_answered_while_it_is_read_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past its time a remembered spelling of a last-word prefix is still answered (the request
    does not wait for the vocabulary) and a background reading brings in the words indexed since."""
    import time

    from sitrep.web import filters as web_filters

    store = Store(str(tmp_path / "store.db"))
    _save(store, [_document("doc_a", "Alpha text.\n"), _document("doc_b", "Beta text.\n")])
    events = _random_events(10)
    FusionStore(store).write_fused("event", events[:5], {})
    with store.session() as s:
        first = web_filters.cached_exact_phrases(s, "convoy")
    assert first is not None and '"convoy"' in first and '"convoys"' not in first
    added = [{**e, "id": f"new{i}", "summary": "start convoys end"} for i, e in enumerate(events[5:])]
    FusionStore(store).write_fused("event", added, {})
    monkeypatch.setattr(web_filters, "EXPANSION_TTL", 0.0)
    time.sleep(0.01)
    with store.session() as s:
        assert web_filters.cached_exact_phrases(s, "convoy") == first  # answered at once, as it was
        for _ in range(200):  # the background reading
            time.sleep(0.02)
            key = (str(s.get_bind().engine.url), "convoy")
            if not web_filters._REFRESHING and '"convoys"' in (web_filters._EXPANDED[key][1] or ""):
                break
        assert '"convoys"' in (web_filters._EXPANDED[key][1] or "")
