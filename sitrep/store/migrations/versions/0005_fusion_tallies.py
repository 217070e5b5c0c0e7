"""fusion tallies: what merging needs of a fused record's members, kept with the record

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

TABLES = ("events", "statements", "figures")


def upgrade() -> None:
    for table in TABLES:  # records fused before this have none: fusion tallies them from members
        op.add_column(table, sa.Column("tally", sa.JSON(), nullable=True))


def downgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("tally")
