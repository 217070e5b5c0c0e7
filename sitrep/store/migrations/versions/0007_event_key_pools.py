"""event fusion keys in actor pools with one-row bands: rebuilt from the fused events' members

Fusion's event keys changed form (``sitrep.fuse._keys``, docs/fusion.md): the old keys would
never be looked up again, and new reports would not meet the events fused before. The keys are
a derived index, so they are rebuilt from every fused member, in ingest order, with the code
that will look them up.

Revision ID: 0007
Revises: 0006
"""

import json

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

BATCH = 5000


def upgrade() -> None:
    from sitrep.fuse import blocking_keys

    bind = op.get_bind()
    bind.execute(sa.text("DELETE FROM fusion_keys WHERE kind = 'event'"))
    members = bind.execute(
        sa.text(
            "SELECT e.fused_id, e.data FROM extractions e JOIN documents d ON d.id = e.doc_id "
            "WHERE e.kind = 'event' AND e.fused_id IS NOT NULL ORDER BY d.seq, e.id"
        ),
        execution_options={"stream_results": True},
    )
    insert = sa.text("INSERT INTO fusion_keys (kind, key, fused_id) VALUES ('event', :key, :fused_id)")
    rows: list[dict[str, str]] = []
    for fused_id, data in members:
        rec = json.loads(data) if isinstance(data, str) else data
        rows += [{"key": k, "fused_id": fused_id} for k in sorted(blocking_keys("event", rec))]
        if len(rows) >= BATCH:
            bind.execute(insert, rows)
            rows = []
    if rows:
        bind.execute(insert, rows)
    # a record keeps each key once, from the member that brought it first
    bind.execute(
        sa.text(
            "DELETE FROM fusion_keys WHERE kind = 'event' AND id NOT IN "
            "(SELECT MIN(id) FROM fusion_keys WHERE kind = 'event' GROUP BY key, fused_id)"
        )
    )


def downgrade() -> None:
    """The old key form went with the code that made it: the event keys are dropped, and events
    fused before a downgrade are not met again by new reports."""
    op.execute("DELETE FROM fusion_keys WHERE kind = 'event'")
