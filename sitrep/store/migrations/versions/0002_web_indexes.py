"""web indexes: composite (filter column, date, id) indexes for the /api/events queries

Revision ID: 0002
Revises: 0001
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

INDEXES = [
    ("ix_events_date_id", ["date", "id"]),
    ("ix_events_fatalities_id", ["fatalities", "id"]),
    ("ix_events_plover_type_date", ["plover_type", "date", "id"]),
    ("ix_events_acled_event_type_date", ["acled_event_type", "date", "id"]),
    ("ix_events_status_date", ["status", "date", "id"]),
    ("ix_events_actor1_date", ["actor1", "date", "id"]),
    ("ix_events_actor2_date", ["actor2", "date", "id"]),
    ("ix_events_location_date", ["location", "date", "id"]),
    ("ix_events_admin1_date", ["admin1", "date", "id"]),
    ("ix_events_country_date", ["country", "date", "id"]),
]


def upgrade() -> None:
    for name, cols in INDEXES:
        op.create_index(name, "events", cols, unique=False)


def downgrade() -> None:
    for name, _ in reversed(INDEXES):
        op.drop_index(name, table_name="events")
