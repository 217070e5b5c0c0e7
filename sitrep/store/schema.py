"""Database tables (SQLAlchemy). Alembic migrations in ``migrations/`` create them.

Per-document extractions are kept as they came out of the extractors (``extractions``);
fused records (``events``, ``statements``, ``figures``) are what exports and the UI show,
each linked to every supporting span through ``mentions``. Keeping both lets fusion be
re-run or improved without re-reading any page.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON}


class Run(Base):
    __tablename__ = "runs"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    started_at: Mapped[str] = mapped_column(String(40))
    finished_at: Mapped[str | None] = mapped_column(String(40), nullable=True)
    status: Mapped[str] = mapped_column(String(20), default="running")  # running, finished, failed
    options: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    counts: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class DocumentRow(Base):
    __tablename__ = "documents"
    id: Mapped[str] = mapped_column(String(300), primary_key=True)
    content_hash: Mapped[str] = mapped_column(String(64), unique=True, index=True)
    source: Mapped[str] = mapped_column(Text, default="")
    url: Mapped[str | None] = mapped_column(Text, nullable=True)
    title: Mapped[str | None] = mapped_column(Text, nullable=True)
    outlet: Mapped[str | None] = mapped_column(String(200), nullable=True)
    published: Mapped[str | None] = mapped_column(String(40), nullable=True)
    reference_date: Mapped[str | None] = mapped_column(String(40), nullable=True)
    reference_date_basis: Mapped[str] = mapped_column(String(20), default="none")
    reference_bounds: Mapped[list[Any]] = mapped_column(JSON, default=list)
    date_warnings: Mapped[list[Any]] = mapped_column(JSON, default=list)
    dateline: Mapped[str | None] = mapped_column(Text, nullable=True)
    text: Mapped[str] = mapped_column(Text)
    raw_html: Mapped[str | None] = mapped_column(Text, nullable=True)
    duplicate_of: Mapped[str | None] = mapped_column(String(300), nullable=True)
    run_id: Mapped[int | None] = mapped_column(ForeignKey("runs.id"), nullable=True)
    seq: Mapped[int] = mapped_column(Integer, default=0, index=True)  # ingest order


class BoilerplateSpan(Base):
    __tablename__ = "boilerplate_spans"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    doc_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(40))


class Extraction(Base):
    """One record as one document's extractors produced it, before fusion."""

    __tablename__ = "extractions"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    kind: Mapped[str] = mapped_column(String(20), index=True)
    doc_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    fused_id: Mapped[str | None] = mapped_column(String(40), nullable=True, index=True)


class _FusedRecord(Base):
    __abstract__ = True
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    date: Mapped[str | None] = mapped_column(String(20), nullable=True, index=True)
    seq: Mapped[int] = mapped_column(Integer, default=0, index=True)


class EventRow(_FusedRecord):
    __tablename__ = "events"
    plover_type: Mapped[str] = mapped_column(String(20), index=True)
    acled_event_type: Mapped[str | None] = mapped_column(String(60), nullable=True, index=True)
    acled_sub_event_type: Mapped[str | None] = mapped_column(String(60), nullable=True)
    actor1: Mapped[str | None] = mapped_column(String(200), nullable=True, index=True)
    actor2: Mapped[str | None] = mapped_column(String(200), nullable=True, index=True)
    location: Mapped[str | None] = mapped_column(String(200), nullable=True)
    admin1: Mapped[str | None] = mapped_column(String(200), nullable=True, index=True)
    country: Mapped[str | None] = mapped_column(String(100), nullable=True, index=True)
    status: Mapped[str] = mapped_column(String(20), index=True)
    fatalities: Mapped[int | None] = mapped_column(Integer, nullable=True)
    summary: Mapped[str] = mapped_column(Text, default="")

    # composite indexes for the web API (migration 0002): each filter column with the sort key
    # and id, so a filtered, date-ordered page is read from one index range without sorting
    __table_args__ = (
        Index("ix_events_date_id", "date", "id"),
        Index("ix_events_fatalities_id", "fatalities", "id"),
        Index("ix_events_plover_type_date", "plover_type", "date", "id"),
        Index("ix_events_acled_event_type_date", "acled_event_type", "date", "id"),
        Index("ix_events_status_date", "status", "date", "id"),
        Index("ix_events_actor1_date", "actor1", "date", "id"),
        Index("ix_events_actor2_date", "actor2", "date", "id"),
        Index("ix_events_location_date", "location", "date", "id"),
        Index("ix_events_admin1_date", "admin1", "date", "id"),
        Index("ix_events_country_date", "country", "date", "id"),
    )


class StatementRow(_FusedRecord):
    __tablename__ = "statements"
    speaker: Mapped[str | None] = mapped_column(String(300), nullable=True, index=True)
    intent: Mapped[str] = mapped_column(String(20), index=True)
    quote: Mapped[str] = mapped_column(Text, default="")


class FigureRow(_FusedRecord):
    __tablename__ = "figures"
    measure: Mapped[str] = mapped_column(String(200), index=True)
    subject: Mapped[str | None] = mapped_column(String(200), nullable=True, index=True)
    value: Mapped[float] = mapped_column(Float)
    unit: Mapped[str] = mapped_column(String(40))


class MentionRow(Base):
    __tablename__ = "mentions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    record_kind: Mapped[str] = mapped_column(String(20))
    record_id: Mapped[str] = mapped_column(String(40))
    extraction_id: Mapped[str | None] = mapped_column(String(40), nullable=True)
    doc_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)

    __table_args__ = (Index("ix_mentions_record", "record_kind", "record_id"),)


class FusionKey(Base):
    """Blocking keys of fused records (LSH bands of their text within a type block).

    New extractions look up candidate records by key instead of scanning the store, so fusion
    cost and memory stay flat as the store grows.
    """

    __tablename__ = "fusion_keys"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(20))
    key: Mapped[str] = mapped_column(String(200))
    fused_id: Mapped[str] = mapped_column(String(40))

    __table_args__ = (Index("ix_fusion_keys_kind_key", "kind", "key"),)


class Failure(Base):
    __tablename__ = "failures"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    run_id: Mapped[int | None] = mapped_column(ForeignKey("runs.id"), nullable=True, index=True)
    input: Mapped[str] = mapped_column(Text)
    stage: Mapped[str] = mapped_column(String(20))  # ingest, analyze, store
    reason: Mapped[str] = mapped_column(Text)


class Story(Base):
    __tablename__ = "stories"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)


FUSED_TABLES: dict[str, type[_FusedRecord]] = {"event": EventRow, "statement": StatementRow, "figure": FigureRow}
