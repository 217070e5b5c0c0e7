"""fusion partitions: each extraction's fusion block number, and records ordered by first report

Fusion can run as independent partitions (``sitrep.fuse.partitioned``): an extraction meets only
records of its own block, so partitions by block number never share a candidate. The number is
filled when a partitioned fusion first needs it (NULL until then).

A fused record's ``seq`` was a counter in the order fusion wrote records; partitions write in
parallel, so it is now the ``seq`` of the document of the record's first report (its id is that
report's id), ties broken by id as every ordered read already does. The order is the same;
records of stores written before are renumbered from their first report.

Revision ID: 0012
Revises: 0011
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("extractions", sa.Column("fusion_block", sa.Integer(), nullable=True))
    for table in ("events", "statements", "figures"):
        op.execute(
            f"UPDATE {table} SET seq = COALESCE((SELECT d.seq FROM extractions x JOIN documents d "
            f"ON d.id = x.doc_id WHERE x.id = {table}.id), seq)"
        )


def downgrade() -> None:
    with op.batch_alter_table("extractions") as batch:
        batch.drop_column("fusion_block")
