"""Fusion: same event across sources merges with disagreements kept; different dates stay apart;
incremental runs merge into what the store holds."""

from __future__ import annotations

import json
from pathlib import Path

import sitrep
from sitrep.fuse import _candidates, blocking_keys, lookup, merge, same_event, similarity

REPORT_A = (
    "Gunmen attack market in Dala\n\n"
    "Gunmen attacked the main market in Dala, Borno state, on 3 March 2021, killing at least 20 traders, "
    "police said.\n"
)
REPORT_B = (
    "Death toll in Dala market attack rises\n\n"
    "Gunmen attacked the main market in Dala, Borno state, on 3 March 2021, killing 25 traders, "
    "residents said.\n"
)
OLD_REPORT = (
    "Gunmen attack market in Dala\n\n"
    "Gunmen attacked the main market in Dala, Borno state, on 3 March 2015, killing 7 traders, police said.\n"
)


def _event(text: str, date: str | None, fatalities: int | None, doc: str) -> dict:
    return {
        "id": doc,
        "plover_type": "ASSAULT",
        "acled_event_type": "Violence against civilians",
        "actor1": {"name": "Unidentified Armed Group (Nigeria)"},
        "actor2": {"name": "Civilians (Nigeria)"},
        "location": {"name": "Dala", "admin1": "Borno"},
        "date": date,
        "date_start": date,
        "date_end": date,
        "fatalities": fatalities,
        "mentions": [{"doc_id": doc, "start": 0, "end": len(text), "text": text}],
    }


def test_matcher_rules() -> None:
    a = _event(REPORT_A, "2021-03-03", 20, "a")
    b = _event(REPORT_B, "2021-03-03", 25, "b")
    old = _event(OLD_REPORT, "2015-03-03", 7, "c")
    assert same_event(a, b)
    assert not same_event(a, old)  # same words, other year
    other_place = {**b, "location": {"name": "Kano", "admin1": "Kano"}}
    assert not same_event(a, other_place)
    assert _meets(b, a) and _meets(a, b)


def _meets(new: dict, stored: dict) -> bool:
    """Whether a new report looks up a key a stored one is kept under (is compared with it)."""
    return bool(lookup("event", new).all() & blocking_keys("event", stored))


def test_reports_with_too_little_to_tell_apart_stay_apart() -> None:
    """Undated, unplaced reports whose only parties are generic ("Unidentified Armed Group",
    "Civilians") are kept apart however alike their words: fused, one would lose its toll."""
    a = {**_event(REPORT_A, None, 20, "a"), "location": None}
    b = {**_event(REPORT_A, None, 3, "b"), "location": None}
    assert not same_event(a, b)
    placed = {**b, "location": {"name": "Dala", "admin1": "Borno"}}
    assert same_event({**a, "location": placed["location"]}, placed)  # both placed: may fuse
    named = {"name": "Boko Haram"}
    assert same_event({**a, "actor1": named}, {**b, "actor1": named})  # a named party: may fuse


def test_an_undated_report_meets_dated_ones_only_as_a_near_copy() -> None:
    a = _event(REPORT_A, "2021-03-03", 20, "a")
    retold = "Armed men on motorcycles raided a market in Dala, Borno state, burning stalls and killing traders."
    b = _event(retold, None, 25, "b")
    assert 0.18 <= similarity(REPORT_A, retold) < 0.5
    assert not same_event(a, b)
    assert same_event({**a, "date": None, "date_start": None, "date_end": None}, b)  # neither dated
    undated_copy = _event(REPORT_A, None, 20, "copy")
    assert same_event(a, undated_copy)
    assert _meets(undated_copy, a) and _meets(a, undated_copy)


def test_a_dated_report_does_not_meet_dated_copies_of_other_weeks() -> None:
    """Near-copies dated months apart can never fuse: a dated report's candidates are the
    records of its weeks and the undated or broadly dated ones, not every dated copy."""
    a = _event(REPORT_A, "2021-03-03", 20, "a")
    stored = {"later": _event(REPORT_A, "2021-06-16", 20, "later"),
              "undated": _event(REPORT_A, None, 20, "undated"),
              "year": {**_event(REPORT_A, "2021", 20, "year"), "date_start": "2021", "date_end": "2021"},
              "same week": _event(REPORT_B, "2021-03-04", 25, "same week")}  # fmt: skip
    index: dict[str, dict[str, None]] = {}
    for rid, rec in stored.items():
        for k in blocking_keys("event", rec):
            index.setdefault(k, {})[rid] = None
    assert _candidates(lookup("event", a), index) == ["same week", "undated", "year"]
    assert all(_meets(rec, a) for rid, rec in stored.items() if rid != "later")  # each finds it too


def test_dated_events_are_keyed_by_the_weeks_they_cover() -> None:
    day = _event(REPORT_B, "2021-03-03", 25, "b")
    month = {**_event(REPORT_A, "2021-03", 20, "a"), "date_start": "2021-03", "date_end": "2021-03"}
    later = _event(REPORT_A, "2021-06-16", 20, "later")
    week_keys = {k for k in blocking_keys("event", day) if "|2021-W09|" in k}
    assert len(week_keys) == 12 * 2  # 12 bands in each actor's pool
    assert week_keys & blocking_keys("event", month)  # March covers the week of 3 March
    assert not week_keys & blocking_keys("event", later)
    year = {**month, "date": "2021", "date_start": "2021", "date_end": "2021"}
    assert all("|2021-W" not in k for k in blocking_keys("event", year))  # too long: copies only


def test_events_meet_in_their_actors_pools() -> None:
    a = _event(REPORT_A, "2021-03-03", 20, "a")
    retold = _event("Armed men raided a market in Dala, Borno state, on 3 March, killing traders.", "2021-03-03", 25, "b")
    assert 0.18 <= similarity(REPORT_A, retold["mentions"][0]["text"]) < 0.5
    assert same_event(a, retold)
    one_shared = {**retold, "actor1": {"name": "Boko Haram"}}  # Civilians (Nigeria) still shared
    assert same_event(a, one_shared) and _meets(one_shared, a)
    others = {**retold, "actor1": {"name": "Boko Haram"}, "actor2": {"name": "Police Forces of Nigeria"}}
    assert not same_event(a, others)
    assert not _meets(others, a) and not _meets(a, others)  # never even compared
    # an event that names no actor fuses only with events that name none, even word for word
    nameless = {**a, "id": "copy", "actor1": None, "actor2": None}
    assert not same_event(a, nameless) and not _meets(a, nameless) and not _meets(nameless, a)
    assert same_event(nameless, {**nameless, "id": "again"})


def test_candidates_are_the_records_sharing_most_keys() -> None:
    keys = frozenset(f"k{i}" for i in range(10))
    index = {f"k{i}": {f"r{j}" for j in range(60) if j >= i * 6} for i in range(10)}
    picked = _candidates(keys, index)
    assert len(picked) == 50 and picked == sorted(picked)
    assert "r59" in picked and "r0" not in picked  # r59 shares all ten keys, r0 one


def test_merge_keeps_every_value_and_shows_the_conservative_one() -> None:
    a = _event(REPORT_A, "2021-03-03", 20, "a")
    b = _event(REPORT_B, "2021-03-03", 25, "b")
    fused = merge("event", [a, b])
    assert len(fused["mentions"]) == 2
    assert fused["fatalities"] == 20  # one source each: tie goes to the lowest
    (dis,) = [d for d in fused["disagreements"] if d["field"] == "fatalities"]
    assert sorted(v["value"] for v in dis["values"]) == [20, 25]


def test_merge_shows_the_most_specific_of_places_reported_as_often() -> None:
    a = _event(REPORT_A, "2021-03-03", 20, "a")
    b = _event(REPORT_B, "2021-03-03", 25, "b")
    province = {"name": "Borno", "admin1": "Borno", "country": "Nigeria", "geo_precision": 3}
    town = {"name": "Dala", "admin1": "Borno", "country": "Nigeria", "geo_precision": 1}
    for members in ([{**a, "location": province}, {**b, "location": town}], [{**b, "location": town}, {**a, "location": province}]):
        assert merge("event", members)["location"]["name"] == "Dala"
    c = {**_event(REPORT_B, "2021-03-03", 25, "c"), "location": province}
    assert merge("event", [{**a, "location": province}, {**b, "location": town}, c])["location"]["name"] == "Borno"


def _events(db: Path) -> list[dict]:
    with sitrep.open(db) as d:
        return list(d.events())


def test_incremental_runs_fuse_across_documents(tmp_path: Path) -> None:
    first, second = tmp_path / "one", tmp_path / "two"
    first.mkdir()
    second.mkdir()
    (first / "a.txt").write_text(REPORT_A, encoding="utf-8")
    (first / "old.txt").write_text(OLD_REPORT, encoding="utf-8")
    (second / "b.txt").write_text(REPORT_B, encoding="utf-8")
    db = tmp_path / "f.db"
    sitrep.run([first], db=db)
    before = [e for e in _events(db) if e.get("acled_event_type")]
    sitrep.run([second], db=db)
    after = [e for e in _events(db) if e.get("acled_event_type")]
    assert len(after) == len(before)  # the new report merged, no new incident
    fused = next(e for e in after if {m["doc_id"] for m in e["mentions"]} >= {"a", "b"})
    assert "old" not in {m["doc_id"] for m in fused["mentions"]}
    assert any(d["field"] == "fatalities" for d in fused["disagreements"]), json.dumps(fused)[:500]


def test_a_report_merged_into_a_stored_record_adds_no_key_it_holds(tmp_path: Path) -> None:
    """A dated report does not look up the dated near-copy keys, yet merging it into a stored
    record must not write those keys a second time."""
    import sqlite3

    first, second = tmp_path / "one", tmp_path / "two"
    first.mkdir()
    second.mkdir()
    (first / "a.txt").write_text(REPORT_A, encoding="utf-8")
    (second / "b.txt").write_text(REPORT_B, encoding="utf-8")
    db = tmp_path / "k.db"
    sitrep.run([first], db=db)
    sitrep.run([second], db=db)
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT kind, key, fused_id FROM fusion_keys").fetchall()
    assert rows and len(rows) == len(set(rows))


def test_a_key_is_looked_up_in_the_records_that_got_it_last(tmp_path: Path) -> None:
    from sitrep.fuse import FusionStore
    from sitrep.store import Store

    store = FusionStore(Store(tmp_path / "keys.db"))
    for i in range(4):
        rec = {**_event(REPORT_A, "2021-03-03", 20, f"r{i}"), "mentions": []}
        store.write_fused("event", [rec], {}, keys=[("shared", f"r{i}"), (f"own{i}", f"r{i}")])
    everything = store.fusion_index("event", ["shared", "own0", "own3"])
    assert [f for k, f in everything if k == "shared"] == ["r0", "r1", "r2", "r3"]  # oldest first
    recent = store.fusion_index("event", ["shared", "own0", "own3"], per_key=2)
    assert [f for k, f in recent if k == "shared"] == ["r2", "r3"]
    assert ("own0", "r0") in recent and ("own3", "r3") in recent  # a rare key keeps its record


def test_a_record_keeps_the_ids_of_its_first_and_last_compared_members(tmp_path: Path) -> None:
    """Reading the kept ends gives the members that ranking every member gave."""
    from sitrep.analyze import Analysis
    from sitrep.fuse import COMPARED_ENDS, FusionStore, fuse
    from sitrep.model import Actor, Cleaned, Document, Event, RecordDate, ReferenceDate, mention
    from sitrep.store import Store

    analyses = []
    for i in range(2 * COMPARED_ENDS + 13):
        doc = Document(id=f"wire{i:03d}", text=REPORT_A + f"Edition {i}.\n", published="2021-03-03")
        start = doc.text.index("Gunmen attacked")
        ev = Event(plover_type="ASSAULT", mentions=[mention(doc, start, start + 60)], acled_event_type="Violence against civilians",
                   actor1=Actor("Unidentified Armed Group (Nigeria)"), date=RecordDate("2021-03-03", "day", "2021-03-03", "2021-03-03"),
                   id=f"x{i:03d}")  # fmt: skip
        analyses.append(Analysis(doc, Cleaned(), ReferenceDate(value="2021-03-03", basis="given"), events=[ev]))
    store = Store(tmp_path / "ends.db")
    for i in range(0, len(analyses), 7):  # fused in several chunks, as a run does batch by batch
        store.save(None, analyses[i : i + 7])
        fuse(store)
    (fid,) = [e["id"] for e in store.iter_records("event")]
    ids = [f"x{i:03d}" for i in range(len(analyses))]
    fusion = FusionStore(store)
    assert fusion.fusion_ends("event", [fid])[fid] == {"first": ids[:COMPARED_ENDS], "last": ids[-COMPARED_ENDS:]}
    ranked = fusion.fused_members("event", [fid], ends=COMPARED_ENDS)[fid]  # how a record without them is read
    assert [m["id"] for m in ranked] == ids[:COMPARED_ENDS] + ids[-COMPARED_ENDS:]


def test_kept_member_signatures_fuse_as_reading_the_members_does(tmp_path: Path, monkeypatch) -> None:
    """Signatures kept between chunks change nothing: a run that keeps none fuses the same."""
    from sitrep.fuse import incremental as fusion
    from sitrep.store import Store

    from .corpora import attack_reports

    corpus = attack_reports(tmp_path, 40, seed=11)

    def records(db: Path) -> list[tuple[str, list[str]]]:
        sitrep.run([corpus], db=db, batch_size=4)  # ten batches: ten fusion passes on one store
        store = Store(db, create=False)
        return sorted((kind, sorted(f"{m['doc_id']}:{m['start']}" for m in r["mentions"]))
                      for kind in ("event", "statement") for r in store.iter_records(kind))  # fmt: skip

    kept = records(tmp_path / "kept.db")
    monkeypatch.setattr(fusion, "KEPT_SIGNATURES", 0)
    monkeypatch.setattr(fusion, "_SIGNATURES_OF", __import__("weakref").WeakKeyDictionary())
    assert records(tmp_path / "none.db") == kept
    assert sum(len(ms) > 1 for _, ms in kept) >= 5  # reports did merge


def test_kept_signatures_belong_to_their_store(tmp_path: Path) -> None:
    """Two stores may hold the same extraction id with other data (ids are content hashes of a
    document id and offsets): what one store's fusion kept never stands for the other's."""
    from sitrep.analyze import Analysis
    from sitrep.fuse import fuse
    from sitrep.model import Cleaned, Document, Event, RecordDate, ReferenceDate, mention
    from sitrep.store import Store

    def analysis(doc_id: str, text: str) -> Analysis:
        doc = Document(id=doc_id, text=text, published="2021-03-03")
        ev = Event(plover_type="ASSAULT", mentions=[mention(doc, 0, len(text))], acled_event_type="Violence against civilians",
                   date=RecordDate("2021-03-03", "day", "2021-03-03", "2021-03-03"), id="x0" if doc_id == "first" else "x1")  # fmt: skip
        return Analysis(doc, Cleaned(), ReferenceDate(value="2021-03-03", basis="given"), events=[ev])

    kano = "Gunmen stormed a school in Kano and abducted dozens of pupils on Wednesday morning."
    retold = "Gunmen stormed a school in Kano on Wednesday morning and abducted dozens of pupils, police said."
    a, b = Store(tmp_path / "a.db"), Store(tmp_path / "b.db")
    a.save(None, [analysis("first", REPORT_A)])
    b.save(None, [analysis("first", kano)])
    fuse(a), fuse(b)
    a.save(None, [analysis("second", retold)])
    b.save(None, [analysis("second", retold)])
    fuse(a), fuse(b)
    assert len(list(a.iter_records("event"))) == 2  # a Kano report does not merge into a Dala one
    assert len(list(b.iter_records("event"))) == 1  # but does into the Kano report of its own store


def test_a_full_fusion_key_keeps_only_the_rows_a_lookup_returns(tmp_path: Path, monkeypatch, any_db: str) -> None:
    """Fusion with the rows of full keys deleted (on SQLite and PostgreSQL) is fusion with them kept."""
    from sqlalchemy import text

    from sitrep.fuse import keys as fusion_keys
    from sitrep.store import Store
    from sitrep.store import sql as store_sql

    from .corpora import attack_reports

    monkeypatch.setattr(fusion_keys, "MAX_KEY_RECORDS", 3)
    monkeypatch.setattr(fusion_keys, "STORE_WIDE_KEY_RECORDS", 3)
    corpus = attack_reports(tmp_path, 40, seed=5)

    def run(db: str) -> tuple[list[tuple[str, list[str]]], int]:
        sitrep.run([corpus], db=db, batch_size=5)
        store = Store(db, create=False)
        with store.session() as s:
            most = s.scalar(text("SELECT max(n) FROM (SELECT count(*) AS n FROM fusion_keys GROUP BY kind, key) AS t"))
        records = sorted((kind, sorted(f"{m['doc_id']}:{m['start']}" for m in r["mentions"]))
                         for kind in ("event", "statement") for r in store.iter_records(kind))  # fmt: skip
        return records, most

    trimmed, most_trimmed = run(any_db)
    monkeypatch.setattr(store_sql, "trim_per_key", lambda *a, **k: None)
    kept, most_kept = run(str(tmp_path / "kept.db"))
    assert most_trimmed == 3 < most_kept
    assert trimmed == kept
    assert sum(len(ms) > 1 for _, ms in kept) >= 5


def _market_attack(doc_id: str, reference: str | None, date: str | None = None):
    """One document reporting the Dala market attack, dated or not, in a document of that date."""
    from sitrep.analyze import Analysis
    from sitrep.model import Actor, Cleaned, Document, Event, Location, RecordDate, ReferenceDate, mention

    doc = Document(id=doc_id, text=REPORT_A + f"Edition {doc_id}.\n", published=reference)
    start = doc.text.index("Gunmen attacked")
    when = RecordDate(date, "day", date, date) if date else RecordDate()
    ev = Event(plover_type="ASSAULT", mentions=[mention(doc, start, start + 60)], acled_event_type="Violence against civilians",
               actor1=Actor("Boko Haram"), location=Location("Dala", admin1="Borno"), date=when, id=f"x{doc_id}")  # fmt: skip
    return Analysis(doc, Cleaned(), ReferenceDate(value=reference, basis="given" if reference else "none"), events=[ev])


def _fused_sources(store) -> list[list[str]]:
    return sorted(sorted({m["doc_id"] for m in r["mentions"]}) for r in store.iter_records("event"))


def test_a_key_only_other_records_read_is_trimmed_when_read(tmp_path: Path, monkeypatch) -> None:
    """A dated event writes near-copy keys that only undated reports look up: the first such
    report to find one holding more than its bound (``keys.key_records``) trims it."""
    from sqlalchemy import text

    from sitrep.fuse import fuse
    from sitrep.fuse import keys as fusion_keys
    from sitrep.store import Store

    monkeypatch.setattr(fusion_keys, "STORE_WIDE_KEY_RECORDS", 3)
    store = Store(tmp_path / "copies.db")
    weeks = ["2021-03-03", "2021-04-07", "2021-05-05", "2021-06-02", "2021-07-07"]
    for i, day in enumerate(weeks):  # one batch each: a chunk trims the keys it writes itself
        store.save(None, [_market_attack(f"w{i}", day, date=day)])
        fuse(store)

    def fullest() -> int:
        with store.session() as s:
            return s.scalar(text("SELECT max(n) FROM (SELECT count(*) AS n FROM fusion_keys GROUP BY key) AS t"))

    assert len(_fused_sources(store)) == 5 and fullest() == 5  # months apart: five events
    store.save(None, [_market_attack("undated", None)])
    fuse(store)
    assert fullest() == 3


def test_keys_no_week_scopes_are_read_in_fewer_records() -> None:
    """An undated event's bands and every event's near-copy bands are shared across all years:
    they get the smaller bound; a dated event's week bands and a statement's bands the larger."""
    from sitrep.fuse.keys import MAX_KEY_RECORDS, STORE_WIDE_KEY_RECORDS, key_records, stored_and_looked_up

    text = "Gunmen attacked the Dala market in Borno state, killing four traders."
    undated = {**_event(text, None, 4, "u")}
    dated = {**_event(text, "2021-03-03", 4, "d")}
    assert STORE_WIDE_KEY_RECORDS < MAX_KEY_RECORDS
    undated_keys, _ = stored_and_looked_up("event", undated)
    dated_keys, _ = stored_and_looked_up("event", dated)
    assert {key_records(k) for k in undated_keys} == {STORE_WIDE_KEY_RECORDS}
    week_keys = [k for k in dated_keys if "2021-W09" in k]
    copy_keys = [k for k in dated_keys if k not in week_keys]
    assert week_keys and copy_keys
    assert {key_records(k) for k in week_keys} == {MAX_KEY_RECORDS}
    assert {key_records(k) for k in copy_keys} == {STORE_WIDE_KEY_RECORDS}
    statement = {"speaker": {"name": "Ali Musa"}, "quote": "We will hold the line in the north, whatever it costs us."}
    assert {key_records(k) for k in stored_and_looked_up("statement", statement)[0]} == {MAX_KEY_RECORDS}


def test_each_key_says_what_bounds_it_in_time() -> None:
    """The benchmark counts the rows fusion reads per key class: a dated event's week bands, an
    undated one's bands, the near-copy bands each writes, and statement keys that no date bounds."""
    from sitrep.fuse.keys import key_scope, stored_and_looked_up

    text = "Gunmen attacked the Dala market in Borno state, killing four traders."
    undated_keys, _ = stored_and_looked_up("event", _event(text, None, 4, "u"))
    dated_keys, _ = stored_and_looked_up("event", _event(text, "2021-03-03", 4, "d"))
    assert {key_scope(k) for k in undated_keys} == {"undated", "copy"}
    assert {key_scope(k) for k in dated_keys} == {"week", "dated copy"}
    statement = {"speaker": {"name": "Ali Musa"}, "quote": "We will hold the line in the north, whatever it costs us."}
    assert {key_scope(k) for k in stored_and_looked_up("statement", statement)[0]} == {"none"}


def test_sources_naming_different_towns_of_one_province_stay_apart() -> None:
    """Two agencies' reports of shelling on one day in one province, each naming its town, are two
    events (a fused record would give one of the towns to both); the same town still fuses."""
    text_a = "Artillery shelled the village of Dala in Borno state on 3 March 2021, wounding two people."
    text_b = "Artillery shelled the village of Bama in Borno state on 3 March 2021, wounding two people."
    a = {**_event(text_a, "2021-03-03", 0, "a"), "location": {"name": "Dala", "admin1": "Borno", "geo_precision": 1}}
    b = {**_event(text_b, "2021-03-03", 0, "b"), "location": {"name": "Bama", "admin1": "Borno", "geo_precision": 1}}
    assert not same_event(a, b)
    assert same_event(a, {**b, "location": a["location"]})
    province = {"name": "Borno", "admin1": "Borno", "geo_precision": 3}
    assert same_event(a, {**b, "location": province})  # a report naming no town may be either


def test_one_sided_attacks_the_other_way_round_stay_apart() -> None:
    """ "The army shelled the rebels' positions" and "the rebels shelled army positions" on one
    day at one place are two attacks; two reports of one clash between them may still fuse."""
    text_a = "On 3 March 2021, rebel forces shelled army positions near Zolote, killing two soldiers."
    text_b = "On 3 March 2021, army forces shelled rebel positions near Zolote, killing two fighters."
    army, rebels = {"name": "Military Forces of Ukraine"}, {"name": "NAF"}
    shell = {"plover_type": "ASSAULT", "acled_event_type": "Explosions/Remote violence", "location": {"name": "Zolote", "admin1": "Luhansk"}}
    a = {**_event(text_a, "2021-03-03", 2, "a"), **shell, "actor1": rebels, "actor2": army}
    b = {**_event(text_b, "2021-03-03", 2, "b"), **shell, "actor1": army, "actor2": rebels}
    assert not same_event(a, b)
    assert same_event(a, {**b, "actor1": rebels, "actor2": army})
    clash = {"acled_event_type": "Battles"}
    assert same_event({**a, **clash}, {**b, **clash})



def test_a_report_naming_no_town_does_not_bridge_two_towns(tmp_path: Path) -> None:
    """Monitors' daily notes in one template: shelling near one village, near a village the
    gazetteer does not know (the country only), near another village. The two known villages
    stay two events; the third note joins at most one of them."""
    docs = tmp_path / "notes"
    docs.mkdir()
    template = "On 5 March 2021, the OSCE SMM observed a total of {n} explosions involving unknown weapons near {village}."
    for name, n, village in (("a", 12, "Zolote"), ("b", 7, "Mineralne"), ("c", 9, "Popasna")):
        (docs / f"{name}.txt").write_text(template.format(n=n, village=village), encoding="utf-8")
    db = tmp_path / "f.db"
    sitrep.run([docs], db=db)
    by_doc: dict[str, set[str]] = {}
    for e in _events(db):
        for m in e["mentions"]:
            by_doc.setdefault(Path(m["doc_id"]).stem, set()).add(e["id"])
    assert by_doc["a"] and by_doc["c"] and not by_doc["a"] & by_doc["c"]


def test_a_town_and_a_district_that_does_not_hold_it_are_two_places() -> None:
    """A report in a town of one district and a report of another district of the same province
    are two events; a report of the town's own district may be the same."""
    from sitrep.fuse.match import CONFLICTS, SIGNATURES

    sign, conflict = SIGNATURES["event"], CONFLICTS["event"]
    town = {**_event(REPORT_A, "2021-03-03", 0, "a"),
            "location": {"name": "Thul", "admin1": "Sindh", "admin2": "Jacobabad", "geo_precision": 1}}  # fmt: skip
    other = {**_event(REPORT_B, "2021-03-03", 0, "b"),
             "location": {"name": "Sukkur", "admin1": "Sindh", "admin2": "Sukkur", "geo_precision": 2}}  # fmt: skip
    own = {**other, "location": {"name": "Jacobabad", "admin1": "Sindh", "admin2": "Jacobabad", "geo_precision": 2}}
    province = {**other, "location": {"name": "Sindh", "admin1": "Sindh", "geo_precision": 3}}
    assert conflict(sign(town), sign(other))
    assert not conflict(sign(town), sign(own))
    assert not conflict(sign(town), sign(province))
    assert not conflict(sign(town), sign({**other, "mentions": town["mentions"]}))  # one document


def test_reports_first_naming_different_places_are_two_events_even_unknown_ones() -> None:
    """Template notes that differ only by a village the gazetteer does not know ("in Kurmi", "in
    Gwaram") are two events; a report that names the village of the other as well may fuse."""
    from sitrep.fuse.match import CONFLICTS, SIGNATURES

    sign, conflict = SIGNATURES["event"], CONFLICTS["event"]
    note = "On 3 March 2021, gunmen looted crops in {} in rural Dala in Borno state."
    a, b = (_event(note.format(v), "2021-03-03", 0, d) for v, d in (("Kurmi", "a"), ("the village of Gwaram", "b")))
    assert conflict(sign(a), sign(b))
    wider = _event("Gunmen looted crops in Dala, Borno state, at Kurmi village, on 3 March 2021.", "2021-03-03", 0, "c")
    assert not conflict(sign(a), sign(wider))  # "Kurmi" is in the other's words
    dated = _event("In March, gunmen looted crops in Borno state.", "2021-03-03", 0, "d")
    assert not conflict(sign(a), sign(dated))  # a month and the province name no place
    assert not conflict(sign(a), sign({**b, "mentions": [{**b["mentions"][0], "doc_id": "a"}]}))  # one document


def test_an_undated_report_does_not_bridge_two_days() -> None:
    from sitrep.fuse.match import CONFLICTS, SIGNATURES

    sign, conflict = SIGNATURES["event"], CONFLICTS["event"]
    monday, tuesday = _event(REPORT_A, "2021-03-01", 0, "a"), _event(REPORT_A, "2021-03-02", 0, "b")
    undated = _event(REPORT_A, None, 0, "c")
    assert same_event(monday, undated) and same_event(tuesday, undated)
    assert conflict(sign(monday), sign(tuesday)) and not conflict(sign(monday), sign(undated))


def test_a_town_named_like_its_province_is_a_place_of_its_own() -> None:
    """"The town of Borno" names a town, not the province both reports are in; a name is found in
    the other report only as whole words ("Dala" is not in "Dala-Kumbo")."""
    from sitrep.fuse.match import CONFLICTS, SIGNATURES

    sign, conflict = SIGNATURES["event"], CONFLICTS["event"]
    town = _event("On 3 March 2021, gunmen looted crops in the town of Borno.", "2021-03-03", 0, "a")
    village = _event("On 3 March 2021, gunmen looted crops in Kurmi, north of Maiduguri.", "2021-03-03", 0, "b")
    assert conflict(sign(town), sign(village))
    province = _event("On 3 March 2021, gunmen looted crops in Borno state.", "2021-03-03", 0, "c")
    assert not conflict(sign(village), sign(province))  # the province alone names no place
    near, hyphened = (_event(f"Gunmen looted crops near {v} on 3 March 2021.", "2021-03-03", 0, d) for v, d in (("Dala", "d"), ("Dala-Kumbo", "e")))
    assert conflict(sign(near), sign(hyphened))


def test_reports_of_strikes_on_different_places_or_roads_are_two_events() -> None:
    """"Shelled Kurmi in Borno" and "shelled Gwaram in Borno" name their places as the object of
    the verb; "blocked the Kurmi road" and "blocked the Gwaram road" by the road: two events each.
    A report naming the other's place as well may still fuse."""
    from sitrep.fuse.match import CONFLICTS, SIGNATURES

    sign, conflict = SIGNATURES["event"], CONFLICTS["event"]
    shelled = "On 3 March 2021, artillery shelled {} in Borno state. No casualties were reported."
    a, b = (_event(shelled.format(v), "2021-03-03", 0, d) for v, d in (("Kurmi", "a"), ("the village of Gwaram", "b")))
    assert conflict(sign(a), sign(b))
    both = _event("On 3 March 2021, artillery shelled Kurmi, and later Gwaram, in Borno state.", "2021-03-03", 0, "c")
    assert not conflict(sign(a), sign(both))
    blocked = "On 3 March 2021, protesters blocked the {} road with burning tyres."
    c, d = (_event(blocked.format(v), "2021-03-03", 0, k) for v, k in (("Kurmi", "c"), ("Gwaram", "d")))
    assert conflict(sign(c), sign(d))
    assert not conflict(sign(c), sign({**d, "mentions": [{**d["mentions"][0], "text": blocked.format("Kurmi"), "doc_id": "d"}]}))


def test_compared_members_are_read_without_what_no_matcher_reads(tmp_path: Path, any_db: str) -> None:
    """A compared member's evidence and summary are dropped by the database before decoding;
    its signature is the one its whole stored data gives."""
    from sqlalchemy import select

    from sitrep.fuse import FusionStore
    from sitrep.fuse.match import SIGNATURES
    from sitrep.store import Store
    from sitrep.store.schema import Extraction

    page = tmp_path / "a.txt"
    page.write_text(REPORT_A, encoding="utf-8")
    sitrep.run([page], db=any_db)
    store = Store(any_db)
    with store.session() as s:
        stored = {eid: {**data, "id": eid} for eid, data in s.execute(select(Extraction.id, Extraction.data).where(Extraction.kind == "event"))}
    read = dict(FusionStore(store).extraction_data(stored))
    assert stored and read.keys() == stored.keys()
    assert any(d.get("evidence") and d.get("summary") for d in stored.values())
    for eid, data in read.items():
        assert "evidence" not in data and "summary" not in data and data["mentions"] == stored[eid]["mentions"]
        assert SIGNATURES["event"](data) == SIGNATURES["event"](stored[eid])
