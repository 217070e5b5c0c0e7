"""Alembic environment: runs on the connection the Store hands over (no alembic.ini needed)."""

from __future__ import annotations

from alembic import context

from sitrep.store.schema import Base

config = context.config
connection = config.attributes.get("connection")

if connection is None:  # pragma: no cover - only when alembic is called by hand
    raise RuntimeError("run migrations through sitrep.store.migrate(engine)")

context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
