"""The JSON API under ``/api``: read-only views of the store, plus an opt-in ingest endpoint.

Parameters are validated by FastAPI from the annotations below (bad ones get a 422 naming the
parameter), cursor and consistency errors get a 400; nothing a client sends should produce a 500.
"""

from __future__ import annotations

import hmac
import json
import shutil
import tempfile
import threading
from collections.abc import Iterator
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, TypeVar

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.responses import FileResponse, Response, StreamingResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.orm import Session
from starlette.background import BackgroundTask

from ..export import exporters, get_exporter
from ..store import Store
from ..store.schema import DocumentRow
from . import models as m
from . import queries
from .exports import MEDIA_TYPES, binary_file, stream_text_export

NO_NUL = r"^[^\x00]*$"
DATE = r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$"

DateFrom = Annotated[str | None, Query(pattern=DATE, description="Earliest date, YYYY[-MM[-DD]].")]
DateTo = Annotated[str | None, Query(pattern=DATE, description="Latest date, YYYY[-MM[-DD]] (inclusive).")]
Text200 = Annotated[str | None, Query(max_length=200, pattern=NO_NUL)]
PageNo = Annotated[int, Query(ge=1, le=1_000_000, description="1-based page number.")]
PageSize = Annotated[int, Query(ge=1, le=queries.MAX_PAGE_SIZE, description="Items per page (max 500).")]
Cursor = Annotated[
    str | None,
    Query(max_length=1000, pattern=r"^[A-Za-z0-9_-]*$", description="next_cursor from a previous page."),
]
ExportFormat = Enum("ExportFormat", {k.replace("-", "_"): k for k in exporters()}, type=str)  # type: ignore[misc]

ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"description": "A request that cannot be answered as asked (message in `detail`)."},
    422: {"description": "A parameter failed validation (which one and why in `detail`)."},
}
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"description": "No such record."}}


def store_of(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


def session_of(request: Request) -> Iterator[Session]:
    with store_of(request).read_session() as s:
        yield queries.request_plans(s)


SessionDep = Annotated[Session, Depends(session_of)]
router = APIRouter(prefix="/api", responses=ERRORS)


def _bad(e: queries.QueryError) -> HTTPException:
    return HTTPException(status_code=400, detail=str(e))


def event_filters(
    date_from: DateFrom = None,
    date_to: DateTo = None,
    plover_type: Annotated[m.PloverType | None, Query(description="PLOVER event type.")] = None,
    acled_event_type: Annotated[
        str | None, Query(max_length=60, pattern=NO_NUL, description="ACLED event type, e.g. Battles.")
    ] = None,
    actor: Annotated[
        str | None,
        Query(max_length=200, pattern=NO_NUL, description="Actor name (actor1 or actor2), case-insensitive."),
    ] = None,
    place: Annotated[
        str | None,
        Query(max_length=200, pattern=NO_NUL, description="Location name, province (admin1) or country."),
    ] = None,
    status: Annotated[
        str | None,
        Query(
            max_length=20, pattern=r"^[A-Za-z_]+$", description="occurred, planned, announced, threatened..."
        ),
    ] = None,
    q: Annotated[
        str | None,
        Query(
            max_length=200, pattern=NO_NUL, description="Words searched in the summary and the mention texts."
        ),
    ] = None,
) -> queries.EventFilters:
    return queries.EventFilters(date_from, date_to, plover_type, acled_event_type, actor, place, status, q)


Filters = Annotated[queries.EventFilters, Depends(event_filters)]


@router.get("/counts", response_model=m.Counts, summary="How many records the database holds")
def counts(request: Request) -> dict[str, int]:
    return store_of(request).counts()


PageT = TypeVar("PageT", bound=BaseModel)


def _numbered_page(page_cls: type[PageT], item_cls: type[Any], res: queries.Paged, page: int, page_size: int) -> PageT:
    """A page-numbered answer (documents, statements, figures: no cursor paging)."""
    return page_cls(
        total=res.total,
        page=page,
        page_size=page_size,
        next_cursor=None,
        items=[item_cls.model_validate(r) for r in res.items],
    )


@router.get("/documents", response_model=m.DocumentPage, summary="Documents in ingest order")
def documents(
    session: SessionDep, page: PageNo = 1, page_size: PageSize = 50, q: Text200 = None
) -> m.DocumentPage:
    res = queries.list_documents(session, page=page, page_size=page_size, q=q)
    return _numbered_page(m.DocumentPage, m.DocumentSummary, res, page, page_size)


@router.get(
    "/documents/{doc_id}",
    response_model=m.Document,
    responses=NOT_FOUND,
    summary="A document: original text, boilerplate spans and the records found in it",
)
def document(
    request: Request, session: SessionDep, doc_id: Annotated[str, PathParam(max_length=300)]
) -> m.Document:
    doc = store_of(request).get_document(doc_id)
    if doc is None:
        raise HTTPException(404, f"no document {doc_id!r}")
    return m.Document.model_validate({**doc, "records": queries.document_records(session, doc_id)})


@router.get("/events", response_model=m.EventPage, summary="Events, filtered, sorted and paged")
def events(
    session: SessionDep,
    filters: Filters,
    sort: Annotated[m.EventSort, Query(description="date, -date, fatalities or -fatalities.")] = "-date",
    page: PageNo = 1,
    page_size: PageSize = 50,
    cursor: Cursor = None,
) -> m.EventPage:
    if cursor and page != 1:
        raise HTTPException(400, "give either page or cursor, not both")
    try:
        res = queries.list_events(session, filters, sort=sort, page=page, page_size=page_size, cursor=cursor)
    except queries.QueryError as e:
        raise _bad(e) from e
    # the page validated in one call, records and all (one call an event cost 0.7 ms more on 500)
    body = m.EventPage.model_validate({"total": res.total, "total_exact": res.exact, "page": None if cursor else page,
                                       "page_size": page_size, "next_cursor": res.next_cursor, "items": res.items})
    # already validated against the response model: serialize once, in pydantic-core (a 500-event
    # page costs a third of FastAPI's validate-again + json.dumps)
    return Response(body.model_dump_json(), media_type="application/json")  # type: ignore[return-value]


@router.get(
    "/events/{event_id}",
    response_model=m.EventDetail,
    responses=NOT_FOUND,
    summary="One event: mentions with offsets, disagreements, linked statements",
)
def event(session: SessionDep, event_id: Annotated[str, PathParam(max_length=100)]) -> m.EventDetail:
    found = queries.get_records(session, "event", [event_id])
    if not found:
        raise HTTPException(404, f"no event {event_id!r}")
    ev = found[0]
    statements = queries.get_records(session, "statement", list(ev.get("statement_ids") or []))
    return m.EventDetail.model_validate({**ev, "statements": statements})


@router.get("/statements", response_model=m.StatementPage, summary="Statements, by speaker and intent")
def statements(
    session: SessionDep,
    speaker: Annotated[
        str | None,
        Query(max_length=300, pattern=NO_NUL, description="Speaker name or organization, case-insensitive."),
    ] = None,
    intent: Annotated[
        str | None,
        Query(
            max_length=20, pattern=r"^[A-Za-z_]+$", description="announce, threaten, warn, demand, deny, ..."
        ),
    ] = None,
    q: Text200 = None,
    page: PageNo = 1,
    page_size: PageSize = 50,
) -> m.StatementPage:
    res = queries.list_statements(
        session, speaker=speaker, intent=intent, q=q, page=page, page_size=page_size
    )
    return _numbered_page(m.StatementPage, m.Statement, res, page, page_size)


@router.get("/statements/{statement_id}", response_model=m.Statement, responses=NOT_FOUND)
def statement(session: SessionDep, statement_id: Annotated[str, PathParam(max_length=100)]) -> m.Statement:
    found = queries.get_records(session, "statement", [statement_id])
    if not found:
        raise HTTPException(404, f"no statement {statement_id!r}")
    return m.Statement.model_validate(found[0])


Measure = Annotated[str | None, Query(max_length=200, pattern=NO_NUL, description="e.g. troops deployed.")]


@router.get("/figures", response_model=m.FigurePage, summary="Figures (quantities attributed to sources)")
def figures(
    session: SessionDep,
    measure: Measure = None,
    subject: Text200 = None,
    page: PageNo = 1,
    page_size: PageSize = 50,
) -> m.FigurePage:
    res = queries.list_figures(session, measure=measure, subject=subject, page=page, page_size=page_size)
    return _numbered_page(m.FigurePage, m.Figure, res, page, page_size)


@router.get(
    "/figures/series",
    response_model=list[m.Series],
    summary="Figures as series over time (one per normalised measure and subject), as `sitrep figures`",
)
def series(request: Request, measure: Measure = None, subject: Text200 = None) -> list[m.Series]:
    return [
        m.Series.model_validate(s)
        for s in queries.figure_series(store_of(request), measure=measure, subject=subject)
    ]


@router.get("/figures/{figure_id}", response_model=m.Figure, responses=NOT_FOUND)
def figure(session: SessionDep, figure_id: Annotated[str, PathParam(max_length=100)]) -> m.Figure:
    found = queries.get_records(session, "figure", [figure_id])
    if not found:
        raise HTTPException(404, f"no figure {figure_id!r}")
    return m.Figure.model_validate(found[0])


@router.get("/timeline", response_model=m.Timeline, summary="Events in date order, undated last, with sources")
def timeline(
    session: SessionDep,
    filters: Filters,
    limit: Annotated[int, Query(ge=1, le=5000)] = 500,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
) -> m.Timeline:
    try:
        res = queries.timeline(session, filters, limit=limit, offset=offset)
    except queries.QueryError as e:
        raise _bad(e) from e
    items = [
        m.TimelineEntry(
            date=e["date"], date_precision=e.get("date_precision"), event=m.Event.model_validate(e)
        )
        for e in res.items
    ]
    return m.Timeline(total=res.total, total_exact=res.exact, items=items)


@router.get("/stories", response_model=list[m.Story], summary="Documents clustered by what they report")
def stories(request: Request) -> list[m.Story]:
    return [m.Story.model_validate(s) for s in store_of(request).iter_stories() if s.get("id")]


@router.get(
    "/export/{fmt}",
    summary="Download every record in an export format (streamed)",
    response_class=StreamingResponse,
    responses={
        200: {
            "description": "The export file.",
            "content": {v[0].split(";")[0]: {} for v in MEDIA_TYPES.values()},
        }
    },
)
def export(request: Request, fmt: ExportFormat) -> StreamingResponse:  # type: ignore[valid-type]
    name = fmt.value  # type: ignore[attr-defined]
    media, filename = MEDIA_TYPES.get(name, ("application/octet-stream", f"sitrep.{name}"))
    headers = {"Content-Disposition": f'attachment; filename="{filename}"'}
    store = store_of(request)
    if get_exporter(name).binary:
        path, tmp = binary_file(store, name)
        return FileResponse(
            path,
            media_type=media,
            headers=headers,  # type: ignore[return-value]
            background=BackgroundTask(shutil.rmtree, tmp, ignore_errors=True),
        )
    return StreamingResponse(stream_text_export(store, name), media_type=media, headers=headers)


# -- ingest (opt-in) ---------------------------------------------------------------------------
bearer = HTTPBearer(auto_error=False, description="The token given to `sitrep serve --ingest-token`.")
_INGEST_LOCK = threading.Lock()  # one pipeline run at a time: fusion reads then writes


def ingest_router(token: str) -> APIRouter:
    """POST /api/documents: only mounted when the server was given a token."""
    r = APIRouter(prefix="/api", responses=ERRORS)

    @r.post(
        "/documents",
        response_model=m.IngestResult,
        status_code=201,
        responses={401: {"description": "Missing or wrong bearer token."}},
        summary="Ingest one document (runs the whole pipeline on it)",
    )
    def ingest(
        request: Request,
        doc: m.IngestDocument,
        creds: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
    ) -> m.IngestResult:
        given = creds.credentials if creds is not None else ""
        if not given or not hmac.compare_digest(given.encode(), token.encode()):
            raise HTTPException(
                401,
                "a valid `Authorization: Bearer <token>` header is required",
                headers={"WWW-Authenticate": "Bearer"},
            )
        return run_ingest(store_of(request), doc)

    return r


def run_ingest(store: Store, doc: m.IngestDocument) -> m.IngestResult:
    """Write the document as a one-line JSONL input and run the ordinary pipeline on it."""
    from ..pipeline import run

    tmp = Path(tempfile.mkdtemp(prefix="sitrep-ingest-"))
    try:
        path = tmp / "posted.jsonl"
        path.write_text(
            json.dumps(doc.model_dump(exclude_none=True), ensure_ascii=False) + "\n", encoding="utf-8"
        )
        with _INGEST_LOCK:
            summary = run([path], store)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    with store.session() as s:
        ids = list(s.scalars(select(DocumentRow.id).where(DocumentRow.run_id == summary.run_id)))
    d = summary.as_dict()
    return m.IngestResult(
        stored=d["documents_stored"],
        unchanged=d["documents_unchanged"],
        failures=d["failures"],
        records=d["records"],
        document_ids=ids,
    )
