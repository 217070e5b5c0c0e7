"""unfused index: the extractions fusion has still to do, found without scanning every one

``Store.unfused`` runs before each fusion chunk; without this partial index it read every
extraction of a kind to find the few not yet fused, a cost that grew with the store.

Revision ID: 0009
Revises: 0008
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

UNFUSED = sa.text("fused_id IS NULL")


def upgrade() -> None:
    op.create_index("ix_extractions_unfused", "extractions", ["kind"], unique=False,
                    sqlite_where=UNFUSED, postgresql_where=UNFUSED)  # fmt: skip


def downgrade() -> None:
    op.drop_index("ix_extractions_unfused", table_name="extractions")
