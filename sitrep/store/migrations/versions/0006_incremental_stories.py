"""incremental stories: per-document story features, lookup keys and document frequencies

Stories placed before this revision were computed over the whole store at once; they are
dropped (with the duplicate marks) and the next run places every document again, in ingest
order, with the incremental method (docs/report.md).

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("DELETE FROM stories")
    op.execute("UPDATE documents SET duplicate_of = NULL")
    op.add_column("stories", sa.Column("span_lo", sa.String(length=10), nullable=True))
    op.add_column("stories", sa.Column("span_hi", sa.String(length=10), nullable=True))
    op.add_column("stories", sa.Column("members", sa.JSON(), nullable=True))
    op.create_index("ix_documents_duplicate_of", "documents", ["duplicate_of"], unique=False)
    op.create_table(
        "story_docs",
        sa.Column("doc_id", sa.String(length=300), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("story_id", sa.String(length=40), nullable=False),
        sa.Column("day", sa.String(length=10), nullable=True),
        sa.Column("minhash", sa.Text(), nullable=False),
        sa.Column("vector", sa.JSON(), nullable=False),
        sa.Column("events", sa.JSON(), nullable=False),
        sa.Column("keys", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("doc_id"),
    )
    op.create_index("ix_story_docs_seq", "story_docs", ["seq"], unique=False)
    op.create_table(
        "story_keys",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("doc_id", sa.String(length=300), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_story_keys_key", "story_keys", ["key"], unique=False)
    op.create_table(
        "story_words",
        sa.Column("word", sa.String(length=60), nullable=False),
        sa.Column("df", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("word"),
    )


def downgrade() -> None:
    op.drop_table("story_words")
    op.drop_index("ix_story_keys_key", table_name="story_keys")
    op.drop_table("story_keys")
    op.drop_index("ix_story_docs_seq", table_name="story_docs")
    op.drop_table("story_docs")
    op.drop_index("ix_documents_duplicate_of", table_name="documents")
    with op.batch_alter_table("stories") as batch:
        batch.drop_column("members")
        batch.drop_column("span_hi")
        batch.drop_column("span_lo")
