"""Storage: SQLAlchemy tables, Alembic migrations and the ``Store`` API."""

from .db import Store, db_url

__all__ = ["Store", "db_url"]
