"""The Alembic migrations build exactly the schema the SQLAlchemy models declare."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, inspect, select, text

from sitrep.fuse import FusionStore
from sitrep.store import Store, db_url
from sitrep.store.db import _alembic_config, make_engine, migrate
from sitrep.store.schema import NATIVE_SEARCH_OBJECTS, Base, EventSearch, EventTerm, EventText


def _not_native(name: str | None, type_: str, parent_names: Any) -> bool:
    """The FTS5 table (and its shadow tables) and the tsvector index cannot be declared as models."""
    return not name or not any(name == n or name.startswith(n + "_") for n in NATIVE_SEARCH_OBJECTS)


def _diff(url: str) -> list[Any]:
    engine = make_engine(db_url(url))
    migrate(engine)
    with engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"include_name": _not_native})
        diff = compare_metadata(ctx, Base.metadata)
    engine.dispose()
    return diff  # type: ignore[no-any-return]


def test_models_and_migrations_agree(tmp_path: Path) -> None:
    assert _diff(str(tmp_path / "m.db")) == [], "schema changed without a migration"


def test_models_and_migrations_agree_on_postgresql(any_db: str) -> None:
    assert _diff(any_db) == [], "schema changed without a migration"


def test_migrate_is_idempotent(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'm.db'}")
    migrate(engine)
    migrate(engine)
    tables = set(inspect(engine).get_table_names())
    assert {"documents", "events", "statements", "figures", "mentions", "runs", "failures"} <= tables
    assert {"event_search", "event_terms", "events_fts"} <= tables


def _upgrade_to(engine: Any, revision: str) -> None:
    cfg, _ = _alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


def _old_event(
    conn: Any, ident: str, *, actor1: str | None, location: str | None, summary: str, mention: str
) -> None:
    conn.execute(
        text(
            "INSERT INTO events (id, data, date, seq, plover_type, acled_event_type, acled_sub_event_type,"
            " actor1, actor2, location, admin1, country, status, fatalities, summary)"
            " VALUES (:id, '{}', '2021-06-14', 1, 'ASSAULT', NULL, NULL, :a1, 'Afghan government', :loc,"
            " 'Kunduz', 'Afghanistan', 'occurred', 3, :summary)"
        ),
        {"id": ident, "a1": actor1, "loc": location, "summary": summary},
    )
    conn.execute(
        text(
            "INSERT INTO documents (id, content_hash, source, reference_date_basis, reference_bounds,"
            " date_warnings, text, seq) VALUES (:d, :d, '', 'none', '[]', '[]', :t, 1)"
        ),
        {"d": f"doc-{ident}", "t": mention},
    )
    conn.execute(
        text(
            'INSERT INTO mentions (record_kind, record_id, doc_id, start, "end", text)'
            " VALUES ('event', :id, :d, 0, :n, :t)"
        ),
        {"id": ident, "d": f"doc-{ident}", "n": len(mention), "t": mention},
    )


def test_upgrade_from_0003_backfills_the_lookup_tables(any_db: str) -> None:
    """A database written before 0004 gets its event_terms and search index on upgrade."""
    engine = make_engine(db_url(any_db))
    _upgrade_to(engine, "0003")
    with engine.begin() as conn:
        _old_event(conn, "ev1", actor1="Taliban", location="Kunduz", summary="Taliban attack Kunduz",
                   mention="Fighters stormed an army checkpoint at dawn")  # fmt: skip
        _old_event(conn, "ev2", actor1=" TALIBAN ", location=None, summary="Convoy hit by a roadside bomb",
                   mention="The convoy was hit near the bridge")  # fmt: skip
    engine.dispose()
    store = Store(any_db)  # migrates to head: back-fill
    with store.session() as s:
        terms = sorted((t.event_id, t.kind, t.term) for t in s.scalars(select(EventTerm)))
        assert terms == [
            ("ev1", "actor", "afghan government"), ("ev1", "actor", "taliban"), ("ev1", "place", "afghanistan"),
            ("ev1", "place", "kunduz"),
            ("ev2", "actor", "afghan government"), ("ev2", "actor", "taliban"), ("ev2", "place", "afghanistan"),
            ("ev2", "place", "kunduz"),
        ]  # fmt: skip
        search = {r.event_id: r for r in s.scalars(select(EventSearch))}
        assert set(search) == {"ev1", "ev2"} and search["ev1"].fatalities == 3
        bodies = {t.id: t.body for t in s.scalars(select(EventText))}
        assert "army checkpoint" in bodies[search["ev1"].id] and "Convoy hit" in bodies[search["ev2"].id]
    from sitrep.web.queries import EventFilters, list_events

    with store.session() as s:

        def found(**kw: str) -> list[str]:
            return sorted(e["id"] for e in list_events(s, EventFilters(**kw)).items)

        assert found(actor="taliban") == ["ev1", "ev2"]
        assert found(q="army CHECKPOINT") == ["ev1"]
        assert found(q="convoy") == ["ev2"]
        assert found(q="convoy", place="kunduz", actor="Afghan government") == ["ev2"]
    # a new event after the upgrade gets a fresh search id (the sequence moved past the back-fill)
    FusionStore(store).write_fused("event", [{"id": "ev3", "plover_type": "ASSAULT", "summary": "convoy ambushed",
                                 "mentions": []}], {})  # fmt: skip
    with store.session() as s:
        assert sorted(e["id"] for e in list_events(s, EventFilters(q="convoy")).items) == ["ev2", "ev3"]
    store.close()


def test_downgrade_0004_drops_the_lookup_tables(tmp_path: Path) -> None:
    engine = make_engine(db_url(str(tmp_path / "d.db")))
    migrate(engine)
    cfg, _ = _alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0003")
    tables = set(inspect(engine).get_table_names())
    assert not tables & {"event_search", "event_terms", "events_fts"}
    migrate(engine)  # and back up
    assert {"event_search", "event_terms", "events_fts"} <= set(inspect(engine).get_table_names())


def test_upgrade_to_0007_rebuilds_event_keys_so_old_events_are_met(tmp_path: Path, any_db: str) -> None:
    """Events fused under the old key form are found by new reports after the upgrade."""
    import sitrep

    first, second = tmp_path / "one", tmp_path / "two"
    first.mkdir()
    second.mkdir()
    report = "Gunmen attacked the main market in Dala, Borno state, on 3 March 2021, killing {} traders, {} said.\n"
    (first / "a.txt").write_text("Market attack\n\n" + report.format("at least 20", "police"), encoding="utf-8")
    (second / "b.txt").write_text("Toll rises\n\n" + report.format("25", "residents"), encoding="utf-8")
    sitrep.run([first], db=any_db)
    engine = make_engine(db_url(any_db))
    cfg, _ = _alembic_config()
    with engine.begin() as conn:  # what a store written before 0007 holds: keys of another form
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0007")
        conn.execute(text("UPDATE fusion_keys SET key = 'old|' || key WHERE kind = 'event'"))
        conn.execute(text("UPDATE alembic_version SET version_num = '0006'"))
    engine.dispose()
    sitrep.run([second], db=any_db)  # opening the store upgrades it
    with sitrep.open(any_db) as d:
        attacks = [e for e in d.events() if e.get("plover_type") == "ASSAULT"]
    assert len(attacks) == 1 and {m["doc_id"] for m in attacks[0]["mentions"]} == {"a", "b"}
    engine = make_engine(db_url(any_db))
    with engine.connect() as conn:
        keys = conn.execute(text("SELECT key, fused_id FROM fusion_keys WHERE kind = 'event'")).all()
        assert keys and not any(k.startswith("old|") for k, _ in keys)
        assert len(keys) == len(set(keys))  # each record holds a key once
    engine.dispose()


def test_pending_extractions_are_found_by_the_unfused_index(tmp_path: Path) -> None:
    """Fusion's query for pending extractions reads the partial index, not every extraction."""
    from sqlalchemy import text

    from sitrep.fuse.persist import unfused_query
    from sitrep.store import Store

    store = Store(tmp_path / "plan.db")
    for partition in (None, (1, 4)):  # one partition's pending ones too (``fuse.partitioned``)
        query = unfused_query("event", 500, partition)
        sql = str(query.compile(store.engine, compile_kwargs={"literal_binds": True}))
        with store.engine.connect() as c:
            plan = " ".join(str(row[-1]) for row in c.execute(text("EXPLAIN QUERY PLAN " + sql)))
        assert "ix_extractions_unfused" in plan, plan


def test_upgrade_to_0010_backfills_the_timeline_bounds(any_db: str) -> None:
    """Events written before 0010 get the bounds ``sitrep.chronology`` gives their records, and the
    web's timeline reads them in the order ``sitrep timeline`` lists them (undated last)."""
    from sitrep.chronology import timeline_bounds
    from sitrep.timeline import timeline
    from sitrep.web.queries import EventFilters
    from sitrep.web.queries import timeline as web_timeline

    from .test_web_support import build_db

    build_db(any_db).close()
    engine = make_engine(db_url(any_db))
    cfg, _ = _alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0009")
    migrate(engine)
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT data, timeline_lo, timeline_hi FROM events")).all()
    engine.dispose()
    assert rows and all(timeline_bounds(json.loads(data) if isinstance(data, str) else data) == (lo, hi)
                        for data, lo, hi in rows)  # fmt: skip
    assert any(lo == "9999-99-99" for _, lo, _ in rows)  # the fixture has an undated event
    store = Store(any_db, create=False)
    with store.session() as s:
        web = [e["id"] for e in web_timeline(s, EventFilters()).items]
    assert web == [r["id"] for r in timeline(store)]
    store.close()


def test_upgrade_to_0012_orders_records_by_their_first_report(tmp_path: Path, any_db: str) -> None:
    """Records written before 0012 (numbered by a counter) get their first report's document seq."""
    import sitrep

    corpus = tmp_path / "c"
    corpus.mkdir()
    for i, town in enumerate(["Kano", "Maiduguri", "Jos"]):
        (corpus / f"r{i}.txt").write_text(
            f"Attack in {town}\n\nGunmen attacked a police post in {town}, Nigeria, on {i + 3} March 2021, killing "
            f"{i + 2} officers, police said.\n",
            encoding="utf-8",
        )
    sitrep.run([corpus], db=any_db)
    engine = make_engine(db_url(any_db))
    cfg, _ = _alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0011")
        conn.execute(text("UPDATE events SET seq = 1000"))  # a counter's numbers, not the documents'
    migrate(engine)
    with engine.connect() as conn:
        rows = conn.execute(text(
            "SELECT e.seq, d.seq FROM events e JOIN extractions x ON x.id = e.id JOIN documents d ON d.id = x.doc_id"
        )).all()  # fmt: skip
    engine.dispose()
    assert len(rows) >= 3 and all(record == doc for record, doc in rows)
    assert len({doc for _, doc in rows}) == 3
