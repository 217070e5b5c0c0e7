"""fusion ends: the ids of the first and last members a new report is compared with

Records fused before this have none; fusion reads their members by ranking, as before, and
writes their ends the first time they gain a report.

Revision ID: 0008
Revises: 0007
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

TABLES = ("events", "statements", "figures")


def upgrade() -> None:
    for table in TABLES:
        op.add_column(table, sa.Column("ends", sa.JSON(), nullable=True))


def downgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("ends")
