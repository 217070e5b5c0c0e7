"""document copies: the same text under another id is a document of its own

A text was stored once, whatever its ids: a second input with the same text was counted as
unchanged and left no trace. It is now stored as a document of its own (its records are the
same records, reported once more), so the content hash is no longer unique.

Revision ID: 0013
Revises: 0012
"""

from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_documents_content_hash", table_name="documents")
    op.create_index("ix_documents_content_hash", "documents", ["content_hash"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_documents_content_hash", table_name="documents")
    op.create_index("ix_documents_content_hash", "documents", ["content_hash"], unique=True)
