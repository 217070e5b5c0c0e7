"""event search: event_terms, event_search, event_text (+ FTS5 / tsvector index), back-filled

Revision ID: 0004
Revises: 0003

``event_terms`` holds each event's actor and place names (trimmed, lower-cased) with its sort
keys; ``event_search`` one narrow row per event with its filter columns; ``event_text`` the text
searched by ``q`` (summary + mention texts). Full-text index: on SQLite the FTS5 table
``events_fts`` (external content ``event_text``, kept by triggers), on PostgreSQL a GIN index on
``to_tsvector('simple', body)``; without either the API falls back to ``LIKE``. Existing events
are back-filled, so an upgraded database gets the fast queries at once.
"""

from typing import Any

import sqlalchemy as sa
from alembic import op

from sitrep.store.schema import event_search_values

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

BATCH = 2000

FTS_SQLITE = [
    "CREATE VIRTUAL TABLE events_fts USING fts5(body, content='event_text', content_rowid='id',"
    " tokenize='unicode61 remove_diacritics 0')",
    "CREATE TRIGGER event_text_fts_insert AFTER INSERT ON event_text BEGIN"
    " INSERT INTO events_fts(rowid, body) VALUES (new.id, new.body); END",
    "CREATE TRIGGER event_text_fts_delete AFTER DELETE ON event_text BEGIN"
    " INSERT INTO events_fts(events_fts, rowid, body) VALUES ('delete', old.id, old.body); END",
    "CREATE TRIGGER event_text_fts_update AFTER UPDATE OF body ON event_text BEGIN"
    " INSERT INTO events_fts(events_fts, rowid, body) VALUES ('delete', old.id, old.body);"
    " INSERT INTO events_fts(rowid, body) VALUES (new.id, new.body); END",
]
FTS_POSTGRESQL = (
    "CREATE INDEX ix_event_text_fts ON event_text USING gin (to_tsvector('simple'::regconfig, body))"
)


def upgrade() -> None:
    op.create_table(
        "event_search",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.String(length=40), nullable=False),
        sa.Column("date", sa.String(length=20), nullable=True),
        sa.Column("fatalities", sa.Integer(), nullable=True),
        sa.Column("plover_type", sa.String(length=20), nullable=False),
        sa.Column("acled_event_type", sa.String(length=60), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_event_search_event_id", "event_search", ["event_id"], unique=True)
    op.create_index("ix_event_search_date", "event_search", ["date", "event_id"], unique=False)
    op.create_index("ix_event_search_fatalities", "event_search", ["fatalities", "event_id"], unique=False)
    op.create_table(
        "event_text",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "event_terms",
        sa.Column("search_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("term", sa.String(length=200), nullable=False),
        sa.Column("event_id", sa.String(length=40), nullable=False),
        sa.Column("date", sa.String(length=20), nullable=True),
        sa.Column("fatalities", sa.Integer(), nullable=True),
        sa.Column("plover_type", sa.String(length=20), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.PrimaryKeyConstraint("search_id", "kind", "term"),
    )
    for name, key in (("ix_event_terms_date", "date"), ("ix_event_terms_fatalities", "fatalities")):
        cols = ["kind", "term", key, "event_id", "search_id", "plover_type", "status"]
        op.create_index(name, "event_terms", cols, unique=False)
    conn = op.get_bind()
    backfill(conn)
    if conn.dialect.name == "sqlite":
        if not _has_fts5(conn):  # SQLite built without FTS5: the API searches with LIKE
            return
        for sql in FTS_SQLITE:
            conn.exec_driver_sql(sql)
        conn.exec_driver_sql("INSERT INTO events_fts(events_fts) VALUES ('rebuild')")
    elif conn.dialect.name == "postgresql":
        conn.exec_driver_sql(FTS_POSTGRESQL)


def _has_fts5(conn: sa.Connection) -> bool:
    try:
        conn.exec_driver_sql("CREATE VIRTUAL TABLE temp.sitrep_fts5_probe USING fts5(x)")
    except sa.exc.OperationalError:
        return False
    conn.exec_driver_sql("DROP TABLE temp.sitrep_fts5_probe")
    return True


def backfill(conn: sa.Connection) -> int:
    """Fill event_search, event_text and event_terms from the events and mentions already stored."""
    md = sa.MetaData()
    events = sa.Table("events", md, autoload_with=conn)
    mentions = sa.Table("mentions", md, autoload_with=conn)
    search = sa.Table("event_search", md, autoload_with=conn)
    event_text = sa.Table("event_text", md, autoload_with=conn)
    terms = sa.Table("event_terms", md, autoload_with=conn)
    cols = ["id", "date", "fatalities", "plover_type", "acled_event_type", "status", "summary",
            "actor1", "actor2", "location", "admin1", "country"]  # fmt: skip
    last, next_id = None, 1
    while True:
        q = sa.select(*(events.c[c] for c in cols)).order_by(events.c.id).limit(BATCH)
        if last is not None:
            q = q.where(events.c.id > last)
        rows = [dict(r._mapping) for r in conn.execute(q)]
        if not rows:
            break
        last = rows[-1]["id"]
        texts: dict[str, list[str]] = {}
        mq = (
            sa.select(mentions.c.record_id, mentions.c.text)
            .where(mentions.c.record_kind == "event", mentions.c.record_id.in_([r["id"] for r in rows]))
            .order_by(mentions.c.id)
        )
        for rid, text in conn.execute(mq):
            texts.setdefault(rid, []).append(text)
        search_rows: list[dict[str, Any]] = []
        text_rows: list[dict[str, Any]] = []
        term_rows: list[dict[str, Any]] = []
        for r in rows:
            values, body, pairs = event_search_values(r, texts.get(r["id"], []))
            search_rows.append({"id": next_id, "event_id": r["id"], **values})
            text_rows.append({"id": next_id, "body": body})
            term_rows += [
                {"event_id": r["id"], "kind": kind, "term": term, "search_id": next_id,
                 "date": values["date"], "fatalities": values["fatalities"],
                 "plover_type": values["plover_type"], "status": values["status"]}
                for kind, term in sorted(pairs)
            ]  # fmt: skip
            next_id += 1
        conn.execute(search.insert(), search_rows)
        conn.execute(event_text.insert(), text_rows)
        if term_rows:
            conn.execute(terms.insert(), term_rows)
    if conn.dialect.name == "postgresql":  # ids were given explicitly: move the sequence past them
        conn.exec_driver_sql(
            "SELECT setval(pg_get_serial_sequence('event_search', 'id'), (SELECT COALESCE(MAX(id), 0) + 1 FROM"
            " event_search), false)"
        )
    return next_id - 1


def downgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name == "sqlite":
        for name in ("event_text_fts_insert", "event_text_fts_delete", "event_text_fts_update"):
            conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
        conn.exec_driver_sql("DROP TABLE IF EXISTS events_fts")
    elif conn.dialect.name == "postgresql":
        conn.exec_driver_sql("DROP INDEX IF EXISTS ix_event_text_fts")
    op.drop_index("ix_event_terms_fatalities", table_name="event_terms")
    op.drop_index("ix_event_terms_date", table_name="event_terms")
    op.drop_table("event_terms")
    op.drop_table("event_text")
    op.drop_index("ix_event_search_fatalities", table_name="event_search")
    op.drop_index("ix_event_search_date", table_name="event_search")
    op.drop_index("ix_event_search_event_id", table_name="event_search")
    op.drop_table("event_search")
