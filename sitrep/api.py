"""Read access to a sitrep database: the object ``sitrep.open(db)`` returns."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .store import Store


class Database:
    def __init__(self, db: str | Path | Store = "sitrep.db") -> None:
        self.store = db if isinstance(db, Store) else Store(db, create=False)

    def documents(self) -> Iterator[dict[str, Any]]:
        return self.store.iter_documents()

    def document(self, doc_id: str) -> dict[str, Any] | None:
        return self.store.get_document(doc_id)

    def events(self) -> Iterator[dict[str, Any]]:
        return self.store.iter_records("event")

    def statements(self) -> Iterator[dict[str, Any]]:
        return self.store.iter_records("statement")

    def figures(self) -> Iterator[dict[str, Any]]:
        return self.store.iter_records("figure")

    def stories(self) -> Iterator[dict[str, Any]]:
        return self.store.iter_stories()

    def timeline(self, **filters: Any) -> list[dict[str, Any]]:
        """Dated events in order with their sources; filters as ``sitrep.timeline.timeline``
        (date_from, date_to, actor, place, plover_type, acled_type, undated)."""
        from .timeline import timeline

        return timeline(self.store, **filters)

    def counts(self) -> dict[str, int]:
        return self.store.counts()

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
