"""events: drop the one-column indexes that a composite index begins with; the date index
covers the timeline order

Each filter column of ``events`` had an index of its own (from the first schema) and, since the
web's composite indexes, one on ``(column, date, id)`` too. The composite answers every lookup
the one-column index did, so the eight one-column indexes only cost space (about 150 bytes an
event at 1,000,000 events) and time on every write.

Revision ID: 0014
Revises: 0013
"""

from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

#: column -> the composite index that begins with it (migration 0002)
COVERED = {
    "plover_type": "ix_events_plover_type_date",
    "acled_event_type": "ix_events_acled_event_type_date",
    "actor1": "ix_events_actor1_date",
    "actor2": "ix_events_actor2_date",
    "admin1": "ix_events_admin1_date",
    "country": "ix_events_country_date",
    "status": "ix_events_status_date",
    "date": "ix_events_date_id",
}


DATE_TIMELINE = ["date", "id", "timeline_lo", "timeline_hi", "seq"]


def upgrade() -> None:
    for column in COVERED:
        op.drop_index(f"ix_events_{column}", table_name="events")
    op.drop_index("ix_events_date_id", table_name="events")
    op.create_index("ix_events_date_id", "events", DATE_TIMELINE, unique=False)


def downgrade() -> None:
    op.drop_index("ix_events_date_id", table_name="events")
    op.create_index("ix_events_date_id", "events", ["date", "id"], unique=False)
    for column in COVERED:
        op.create_index(f"ix_events_{column}", "events", [column], unique=False)
