"""Database tables (SQLAlchemy). Alembic migrations in ``migrations/`` create them.

Per-document extractions are kept as they came out of the extractors (``extractions``);
fused records (``events``, ``statements``, ``figures``) are what exports and the UI show,
each linked to every supporting span through ``mentions``. Keeping both lets fusion be
re-run or improved without re-reading any page.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from typing import TYPE_CHECKING, Any, ClassVar

from sqlalchemy import (
    JSON,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    bindparam,
    delete,
    insert,
    select,
    text,
    update,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

from ..batches import batched
from ..chronology import NO_DATE

if TYPE_CHECKING:
    from sqlalchemy import Table


class Base(DeclarativeBase):
    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON}
    if TYPE_CHECKING:  # every model here maps one table (SQLAlchemy types it as any FromClause)
        __table__: ClassVar[Table]


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
    content_hash: Mapped[str] = mapped_column(String(64), index=True)  # a copy shares its original's
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
    duplicate_of: Mapped[str | None] = mapped_column(String(300), nullable=True, index=True)
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
    # which fusion partition it belongs to (``sitrep.fuse.partitioned``; NULL until one needs it)
    fusion_block: Mapped[int | None] = mapped_column(Integer, nullable=True)
    # what fusion has still to do, without reading every extraction (migration 0009)
    __table_args__ = (
        Index("ix_extractions_unfused", "kind", sqlite_where=text("fused_id IS NULL"),
              postgresql_where=text("fused_id IS NULL")),
    )  # fmt: skip


class _FusedRecord(Base):
    __abstract__ = True
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    # indexed by each table: events in its composite ``(date, id)`` index
    date: Mapped[str | None] = mapped_column(String(20), nullable=True)
    # order of first report: the seq of the document of its first member (whose id it has), ties by id
    seq: Mapped[int] = mapped_column(Integer, default=0, index=True)
    # what fusion needs of the members (``fuse.tally.new_tally``); read only by fusion, so not loaded with rows
    tally: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True, deferred=True)
    # ids of the members a new report is compared with ({"first": [...], "last": [...]}), so
    # fusion reads them by key instead of ranking every member (``fuse.incremental.COMPARED_ENDS``)
    ends: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True, deferred=True)


class EventRow(_FusedRecord):
    __tablename__ = "events"
    plover_type: Mapped[str] = mapped_column(String(20))
    acled_event_type: Mapped[str | None] = mapped_column(String(60), nullable=True)
    acled_sub_event_type: Mapped[str | None] = mapped_column(String(60), nullable=True)
    actor1: Mapped[str | None] = mapped_column(String(200), nullable=True)
    actor2: Mapped[str | None] = mapped_column(String(200), nullable=True)
    location: Mapped[str | None] = mapped_column(String(200), nullable=True)
    admin1: Mapped[str | None] = mapped_column(String(200), nullable=True)
    country: Mapped[str | None] = mapped_column(String(100), nullable=True)
    status: Mapped[str] = mapped_column(String(20))
    fatalities: Mapped[int | None] = mapped_column(Integer, nullable=True)
    summary: Mapped[str] = mapped_column(Text, default="")
    # the event's date range as ``sitrep.chronology.timeline_bounds`` gives it (NO_DATE when
    # undated): ordered by (these, seq, id) events are in timeline order (migration 0010)
    timeline_lo: Mapped[str] = mapped_column(String(10), default=NO_DATE, server_default=NO_DATE)
    timeline_hi: Mapped[str] = mapped_column(String(10), default=NO_DATE, server_default=NO_DATE)

    # composite indexes for the web API (migration 0002): each filter column with the sort key
    # and id, so a filtered, date-ordered page is read from one index range without sorting; they
    # also answer every lookup of the column alone (its own index was dropped: migration 0014)
    __table_args__ = (
        # with the timeline bounds: a date range is put in timeline order from the index alone
        Index("ix_events_date_id", "date", "id", "timeline_lo", "timeline_hi", "seq"),
        Index("ix_events_fatalities_id", "fatalities", "id"),
        Index("ix_events_plover_type_date", "plover_type", "date", "id"),
        Index("ix_events_acled_event_type_date", "acled_event_type", "date", "id"),
        Index("ix_events_status_date", "status", "date", "id"),
        Index("ix_events_actor1_date", "actor1", "date", "id"),
        Index("ix_events_actor2_date", "actor2", "date", "id"),
        Index("ix_events_location_date", "location", "date", "id"),
        Index("ix_events_admin1_date", "admin1", "date", "id"),
        Index("ix_events_country_date", "country", "date", "id"),
        Index("ix_events_timeline", "timeline_lo", "timeline_hi", "seq", "id"),
    )


class EventSearch(Base):
    """One narrow row per event with what ``/api/events`` filters and sorts on (migration 0004).

    Kept by ``FusionStore.write_fused`` (``sitrep.fuse.persist``) in the event's own transaction (``sync_event_search``). Its
    integer ``id`` keys ``event_text`` and the full-text index, so a text search is a set of
    rowids; rows are small, so probing them for type and status filters is cheap.
    """

    __tablename__ = "event_search"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    event_id: Mapped[str] = mapped_column(String(40))
    date: Mapped[str | None] = mapped_column(String(20), nullable=True)
    fatalities: Mapped[int | None] = mapped_column(Integer, nullable=True)
    plover_type: Mapped[str] = mapped_column(String(20))
    acled_event_type: Mapped[str | None] = mapped_column(String(60), nullable=True)
    status: Mapped[str] = mapped_column(String(20))

    __table_args__ = (
        Index("ix_event_search_event_id", "event_id", unique=True),
        Index("ix_event_search_date", "date", "event_id"),
        Index("ix_event_search_fatalities", "fatalities", "event_id"),
    )


class EventText(Base):
    """The text ``q`` searches for each event: its summary and every mention text (migration 0004).

    ``id`` is the event's ``event_search.id``. SQLite indexes ``body`` in the FTS5 table
    ``events_fts`` (external content = this table, rowid = ``id``, kept in sync by triggers);
    PostgreSQL in the GIN index ``ix_event_text_fts`` on the stored column
    ``tsv = to_tsvector('simple', body)`` (migration 0015). Neither can be declared here
    (``NATIVE_SEARCH_OBJECTS``); the migrations create them.
    """

    __tablename__ = "event_text"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    body: Mapped[str] = mapped_column(Text, default="")


class EventTerm(Base):
    """The actor and place names of each event, trimmed and lower-cased, one row per
    (event, kind, name), with the event's sort keys (migration 0004).

    ``actor=`` and ``place=`` filters read one range of ``(kind, term, date|fatalities, event_id)``
    in sort order, whichever of the two (actor1/actor2; location/admin1/country) holds the name.
    ``search_id`` is the event's ``event_search.id``: the second name filter is a primary-key probe
    and a text search a probe of the set of matching rowids. PostgreSQL also keeps each name's
    rows in ``search_id`` order (``ix_event_terms_ids``, migration 0015), so it merges two names.
    """

    __tablename__ = "event_terms"
    search_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(10), primary_key=True)  # actor, place
    term: Mapped[str] = mapped_column(String(200), primary_key=True)
    event_id: Mapped[str] = mapped_column(String(40))
    date: Mapped[str | None] = mapped_column(String(20), nullable=True)
    fatalities: Mapped[int | None] = mapped_column(Integer, nullable=True)
    plover_type: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(20))

    # covering: a name filter combined with type, status and date is read from the index alone
    __table_args__ = (
        Index(
            "ix_event_terms_date", "kind", "term", "date", "event_id", "search_id", "plover_type", "status"
        ),
        Index(
            "ix_event_terms_fatalities",
            "kind",
            "term",
            "fatalities",
            "event_id",
            "search_id",
            "plover_type",
            "status",
        ),
        {"sqlite_with_rowid": False},  # the table is its primary key's index (migration 0016)
    )


# database-specific search objects the migration creates and the models cannot declare
NATIVE_SEARCH_OBJECTS = frozenset({"events_fts", "ix_event_text_fts", "tsv", "ix_event_terms_ids"})
BODY_MAX = 200_000  # characters of summary + mention text indexed per event
TERM_COLUMNS = {"actor": ("actor1", "actor2"), "place": ("location", "admin1", "country")}


def normalize_term(name: str) -> str:
    """How actor and place names are stored in ``event_terms`` and looked up by the filters."""
    return name.strip().lower()[:200]


def event_search_values(
    cols: dict[str, Any], texts: Iterable[str]
) -> tuple[dict[str, Any], str, set[tuple[str, str]]]:
    """The ``event_search`` values, the ``event_text`` body and the ``(kind, term)`` pairs of one
    event, from its indexed columns (``events`` row / ``fuse.persist.columns``) and its mention texts."""
    body = "\n".join([cols.get("summary") or "", *texts])[:BODY_MAX]
    values = {
        "date": cols.get("date"),
        "fatalities": cols.get("fatalities"),
        "plover_type": cols.get("plover_type") or "",
        "acled_event_type": cols.get("acled_event_type"),
        "status": cols.get("status") or "occurred",
    }
    terms = {
        (kind, normalize_term(name))
        for kind, names in TERM_COLUMNS.items()
        for name in (cols.get(c) for c in names)
        if isinstance(name, str) and normalize_term(name)
    }
    return values, body, terms


def sync_event_search(
    session: Session,
    events: Sequence[tuple[str, dict[str, Any], Sequence[str]]],
    appended: Collection[str] = (),
) -> None:
    """Bring ``event_search``, ``event_text`` and ``event_terms`` in line with events just written:
    each item is (event id, indexed columns, mention texts). Search and text rows are updated in
    place (their id is the FTS rowid; an unchanged body is not re-indexed), the terms replaced,
    so re-fusing an event leaves no stale or duplicate rows.

    ``appended``: events whose texts are only their new mentions, added to the stored body (the
    summary comes first and never changes, so this is the body all the texts would give)."""
    if not events:
        return
    # Core statements throughout: the ORM's unit of work cost more than the SQL (a run writes
    # thousands of these rows a batch)
    search, text_t, terms_t = EventSearch.__table__, EventText.__table__, EventTerm.__table__
    latest = {event_id: event_search_values(cols, texts) for event_id, cols, texts in events}
    ids = list(latest)
    stored: dict[str, tuple[int, tuple[Any, ...]]] = {}  # event id -> (search id, filter values)
    for chunk in batched(ids, 500):
        found = session.execute(
            select(search.c.event_id, search.c.id, *(search.c[c] for c in _SEARCH_COLUMNS)).where(
                search.c.event_id.in_(chunk)
            )
        ).all()
        stored.update((r[0], (r[1], tuple(r[2:]))) for r in found)
        if found:
            session.execute(delete(terms_t).where(terms_t.c.search_id.in_([r[1] for r in found])))
    sid_of = {event_id: sid for event_id, (sid, _) in stored.items()}
    fresh = [{"event_id": event_id, **values} for event_id, (values, _, _) in latest.items() if event_id not in stored]
    changed = [
        {"b_id": stored[event_id][0], **values}
        for event_id, (values, _, _) in latest.items()
        if event_id in stored and tuple(values[c] for c in _SEARCH_COLUMNS) != stored[event_id][1]
    ]
    if fresh:  # ids in the order of the rows, as the ORM's flush gave them
        q = insert(search).returning(search.c.id, search.c.event_id, sort_by_parameter_order=True)
        sid_of.update((event_id, sid) for sid, event_id in session.execute(q, fresh))
    if changed:
        session.execute(
            update(search).where(search.c.id == bindparam("b_id")).values({c: bindparam(c) for c in _SEARCH_COLUMNS}),
            changed,
        )
    texts = {sid_of[event_id]: body for event_id, (_, body, _) in latest.items()}
    added = {sid_of[event_id]: list(new) for event_id, _, new in events if event_id in appended}
    bodies: list[dict[str, Any]] = []
    for part in batched(list(texts), 500):
        for sid, old in session.execute(select(text_t.c.id, text_t.c.body).where(text_t.c.id.in_(part))):
            body = texts.pop(sid)
            if sid in added:
                body = "\n".join([old, *added[sid]])[:BODY_MAX]
            if old != body:
                bodies.append({"b_id": sid, "body": body})
    if bodies:
        session.execute(update(text_t).where(text_t.c.id == bindparam("b_id")).values(body=bindparam("body")), bodies)
    if texts:
        session.execute(insert(text_t), [{"id": sid, "body": body} for sid, body in texts.items()])
    term_rows = [
        {"event_id": event_id, "kind": kind, "term": term, "search_id": sid_of[event_id],
         "date": values["date"], "fatalities": values["fatalities"], "plover_type": values["plover_type"],
         "status": values["status"]}
        for event_id, (values, _, terms) in latest.items()
        for kind, term in sorted(terms)
    ]  # fmt: skip
    if term_rows:
        session.execute(insert(terms_t), term_rows)


_SEARCH_COLUMNS = ("date", "fatalities", "plover_type", "acled_event_type", "status")


class StatementRow(_FusedRecord):
    __tablename__ = "statements"
    __table_args__ = (Index("ix_statements_date", "date"),)
    speaker: Mapped[str | None] = mapped_column(String(300), nullable=True, index=True)
    intent: Mapped[str] = mapped_column(String(20), index=True)
    quote: Mapped[str] = mapped_column(Text, default="")


class FigureRow(_FusedRecord):
    __tablename__ = "figures"
    __table_args__ = (Index("ix_figures_date", "date"),)
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
    # the evidence of the member this mention came from, on its first mention (migration 0011):
    # {field: [[start, end, text(, basis)]]} in this document (``store.records.pack_evidence``)
    evidence: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)

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
    # what placing a new document needs, kept so that it never reads the other members:
    # the first and last day of the dated members, and every member as [day, seq, id, title]
    # in age order (the record's document order and title follow from it)
    span_lo: Mapped[str | None] = mapped_column(String(10), nullable=True)
    span_hi: Mapped[str | None] = mapped_column(String(10), nullable=True)
    members: Mapped[list[Any] | None] = mapped_column(JSON, nullable=True)


class StoryDoc(Base):
    """A placed document and what placing later ones needs of it (``stories.DocFeatures``)."""

    __tablename__ = "story_docs"
    doc_id: Mapped[str] = mapped_column(String(300), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, index=True)  # placement order
    story_id: Mapped[str] = mapped_column(String(40))
    day: Mapped[str | None] = mapped_column(String(10), nullable=True)
    minhash: Mapped[str] = mapped_column(Text)  # shingle MinHash values, hex of 128 uint32
    vector: Mapped[dict[str, Any]] = mapped_column(JSON)  # unit TF-IDF weights as of its placement
    events: Mapped[list[Any]] = mapped_column(JSON)  # fused event ids
    keys: Mapped[list[Any]] = mapped_column(JSON)  # actor:/place:/date: keys of those events


class StoryKey(Base):
    """Lookup keys of placed documents: a new one meets only those sharing a key with it."""

    __tablename__ = "story_keys"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    key: Mapped[str] = mapped_column(String(200))
    doc_id: Mapped[str] = mapped_column(String(300))
    __table_args__ = (Index("ix_story_keys_key", "key"),)


class StoryWord(Base):
    """Document frequency of each content word over the placed documents (the IDF)."""

    __tablename__ = "story_words"
    word: Mapped[str] = mapped_column(String(60), primary_key=True)
    df: Mapped[int] = mapped_column(Integer)


FUSED_TABLES: dict[str, type[_FusedRecord]] = {
    "event": EventRow,
    "statement": StatementRow,
    "figure": FigureRow,
}
