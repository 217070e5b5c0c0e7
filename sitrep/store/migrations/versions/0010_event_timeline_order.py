"""event timeline order: each event's date range bounds, so the web reads the timeline in the
order ``sitrep timeline`` gives (undated events last) from one index

The bounds are ``sitrep.chronology.timeline_bounds`` of the event's record (``NO_DATE`` when it
has no date); events written before are back-filled from their stored JSON.

Revision ID: 0010
Revises: 0009
"""

import json

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

BATCH = 5000
NO_DATE = "9999-99-99"  # sitrep.chronology.NO_DATE when this revision was written


def upgrade() -> None:
    from sitrep.chronology import timeline_bounds

    op.add_column("events", sa.Column("timeline_lo", sa.String(10), nullable=False, server_default=NO_DATE))
    op.add_column("events", sa.Column("timeline_hi", sa.String(10), nullable=False, server_default=NO_DATE))
    bind = op.get_bind()
    rows = bind.execute(sa.text("SELECT id, data FROM events WHERE date IS NOT NULL")).fetchall()
    update = sa.text("UPDATE events SET timeline_lo = :lo, timeline_hi = :hi WHERE id = :id")
    changes: list[dict[str, str]] = []
    for event_id, data in rows:
        rec = json.loads(data) if isinstance(data, str) else data
        lo, hi = timeline_bounds(rec)
        if (lo, hi) != (NO_DATE, NO_DATE):
            changes.append({"id": event_id, "lo": lo, "hi": hi})
        if len(changes) >= BATCH:
            bind.execute(update, changes)
            changes = []
    if changes:
        bind.execute(update, changes)
    op.create_index("ix_events_timeline", "events", ["timeline_lo", "timeline_hi", "seq", "id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_events_timeline", table_name="events")
    with op.batch_alter_table("events") as batch:
        batch.drop_column("timeline_hi")
        batch.drop_column("timeline_lo")
