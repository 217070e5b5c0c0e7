"""PostgreSQL: statistics of event_terms' (kind, term) pairs

A name's term all but fixes its kind (a place's name is seldom an actor's), but the planner
multiplied the two columns' selectivities as if they were independent: a common place
(Kandahar, 143,000 of 3,300,000 rows at 1,000,000 events) was estimated at half its rows. With a
text search on top, the plan counting the page's total hashed every one of the place's rows
before reading a single match (65-95 ms); with the pairs' most common values known it merges
the place's rows with the text matches in id order (10 ms). The statistics are a few kilobytes
in the catalogue, nothing per event; ``ANALYZE`` fills them (autovacuum keeps them current).

SQLite is unchanged.

Revision ID: 0017
Revises: 0016
"""

from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name != "postgresql":
        return
    conn.exec_driver_sql("CREATE STATISTICS IF NOT EXISTS st_event_terms_kind_term (mcv) ON kind, term FROM event_terms")
    conn.exec_driver_sql("ANALYZE event_terms")


def downgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name != "postgresql":
        return
    conn.exec_driver_sql("DROP STATISTICS IF EXISTS st_event_terms_kind_term")
