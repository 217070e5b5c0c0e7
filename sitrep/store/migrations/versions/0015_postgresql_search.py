"""PostgreSQL search: the searched text's tsvector stored with it, and the names of each event
in event-id order

- The GIN index was on the expression ``to_tsvector('simple', body)``: every row a plan checks
  outside the index (the next event in date order, a match counted past the index's bitmap)
  parsed its text again, about 10 microseconds a row (``q=convoy`` at 1,000,000 events: 360 ms
  to count its first 10,000 matches, 31 ms now). A stored generated column is parsed once, on
  write, as PostgreSQL's documentation advises for this use.
- ``ix_event_terms_ids`` holds each name's events in ``search_id`` order with the columns a
  filter checks, so two names (an actor and a place) are intersected by a merge join of two
  index ranges instead of a hash of one name's every event or a probe per event of the other
  (counting 1,000 Taliban events in Kandahar: 100 ms -> 6 ms). SQLite has no merge join: its
  plans probe the primary key, so it gets no such index.

SQLite is unchanged.

Revision ID: 0015
Revises: 0014
"""

from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name != "postgresql":
        return
    conn.exec_driver_sql(
        "ALTER TABLE event_text ADD COLUMN tsv tsvector"
        " GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, body)) STORED"
    )
    conn.exec_driver_sql("DROP INDEX IF EXISTS ix_event_text_fts")
    conn.exec_driver_sql("CREATE INDEX ix_event_text_fts ON event_text USING gin (tsv)")
    conn.exec_driver_sql(
        "CREATE INDEX ix_event_terms_ids ON event_terms (kind, term, search_id) INCLUDE (date, plover_type, status)"
    )


def downgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name != "postgresql":
        return
    conn.exec_driver_sql("DROP INDEX IF EXISTS ix_event_terms_ids")
    conn.exec_driver_sql("DROP INDEX IF EXISTS ix_event_text_fts")
    conn.exec_driver_sql("ALTER TABLE event_text DROP COLUMN tsv")
    conn.exec_driver_sql(
        "CREATE INDEX ix_event_text_fts ON event_text USING gin (to_tsvector('simple'::regconfig, body))"
    )
