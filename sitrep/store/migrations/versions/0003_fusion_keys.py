"""fusion keys: LSH blocking keys of fused records

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "fusion_keys",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("fused_id", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_fusion_keys_kind_key", "fusion_keys", ["kind", "key"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_fusion_keys_kind_key", table_name="fusion_keys")
    op.drop_table("fusion_keys")
