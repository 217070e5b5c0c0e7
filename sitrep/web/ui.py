"""Server-rendered pages (Jinja2, autoescape on) over the same queries as the JSON API.

Article text only ever reaches a page through ``markup.py`` (sliced, each piece escaped) or
through Jinja2's autoescaping; no template marks data as safe.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote, urlencode

import jinja2
from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from sqlalchemy.orm import Session

from ..model import PLOVER_TYPES
from . import queries, svg
from .markup import evidence_passages, field_attrs, field_words, mark_document, record_url, spans_in

HERE = Path(__file__).parent
STATIC = HERE / "static"
_env = jinja2.Environment(
    loader=jinja2.FileSystemLoader(HERE / "templates"),
    autoescape=True,  # every {{ value }} is escaped, whatever the template's name
    undefined=jinja2.ChainableUndefined,  # odd records render blank, never a 500
)
_env.filters["urlq"] = lambda s: quote(str(s), safe="")
_env.globals["record_url"] = record_url
_env.globals["field_attrs"] = field_attrs  # a value tied to its words (markup.py)
_env.globals["field_words"] = field_words
templates = Jinja2Templates(env=_env)
ui = APIRouter(include_in_schema=False)

_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
_WORD = re.compile(r"^[A-Za-z_]+$")
Loose = Annotated[str | None, Query(max_length=200)]


def _session(request: Request) -> Any:
    with request.app.state.store.read_session() as s:
        request.state.session = s  # the page's counts are read in it too: one connection a request
        yield queries.request_plans(s)


SessionDep = Annotated[Session, Depends(_session)]


def ui_filters(
    date_from: Loose = None, date_to: Loose = None, plover_type: Loose = None, acled_event_type: Loose = None,
    actor: Loose = None, place: Loose = None, status: Loose = None, q: Loose = None,
) -> queries.EventFilters:
    """Event filters from a browser form: empty fields mean 'any'; bad values are a 400 page."""

    def clean(v: str | None) -> str | None:
        v = (v or "").replace("\x00", "").strip()
        return v or None

    d0, d1, pt, st = clean(date_from), clean(date_to), clean(plover_type), clean(status)
    for name, d in (("date_from", d0), ("date_to", d1)):
        if d and not _DATE.match(d):
            raise HTTPException(400, f"{name} must look like YYYY, YYYY-MM or YYYY-MM-DD, not {d!r}")
    if pt and pt.upper() not in PLOVER_TYPES:
        raise HTTPException(400, f"unknown PLOVER type {pt!r}")
    if st and not _WORD.match(st):
        raise HTTPException(400, f"unknown status {st!r}")
    return queries.EventFilters(d0, d1, pt.upper() if pt else None, clean(acled_event_type), clean(actor),
                                clean(place), st, clean(q))


Filters = Annotated[queries.EventFilters, Depends(ui_filters)]


def render(request: Request, name: str, status_code: int = 200, **ctx: Any) -> HTMLResponse:
    counts = request.app.state.store.counts(getattr(request.state, "session", None))
    return templates.TemplateResponse(request, name, {"counts": counts, "nav": name.split(".")[0], **ctx},
                                      status_code=status_code)


def render_error(request: Request, status: int, title: str, message: str) -> Response:
    return templates.TemplateResponse(request, "error.html", {"counts": None, "nav": "", "title": title,
                                                              "message": message}, status_code=status)


def _qs(params: dict[str, Any], **changes: Any) -> str:
    merged = {k: v for k, v in {**params, **changes}.items() if v not in (None, "")}
    return "?" + urlencode(merged) if merged else "?"


@ui.get("/")
def home() -> RedirectResponse:
    return RedirectResponse("/events", status_code=307)


@ui.get("/events", response_class=HTMLResponse)
def events_page(
    request: Request, session: SessionDep, filters: Filters,
    sort: Annotated[str, Query(pattern=r"^-?(date|fatalities)$")] = "-date",
    page: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
    page_size: Annotated[int, Query(ge=1, le=queries.MAX_PAGE_SIZE)] = 50,
) -> HTMLResponse:
    try:
        res = queries.list_events(session, filters, sort=sort, page=page, page_size=page_size)
    except queries.QueryError as e:
        raise HTTPException(400, str(e)) from e
    facets = queries.event_facets(session, filters, ("plover_type", "status", "admin1", "actor1"))
    params = {**filters.active(), "sort": sort if sort != "-date" else None,
              "page_size": page_size if page_size != 50 else None}
    pages = max(1, -(-res.total // page_size))
    if not res.exact:  # counted up to a bound: at least one page past the counted ones
        pages = max(pages, page) + 1
    return render(request, "events.html", events=res.items, total=res.total, exact=res.exact, page=page, pages=pages,
                  filters=filters, facets=facets,
                  sort=sort, params=params, qs=_qs, plover_types=PLOVER_TYPES)


@ui.get("/events/{event_id}", response_class=HTMLResponse)
def event_page(request: Request, session: SessionDep, event_id: str) -> HTMLResponse:
    found = queries.get_records(session, "event", [event_id])
    if not found:
        raise HTTPException(404, f"There is no event {event_id!r}.")
    ev = found[0]
    docs = queries.documents_by_id(session, _doc_ids([ev]))
    statements = queries.get_records(session, "statement", list(ev.get("statement_ids") or []))
    return render(request, "event.html", ev=ev, sources=_passages(ev, docs), statements=statements)


def _doc_ids(records: list[dict[str, Any]]) -> list[str]:
    """The documents of records' mentions and words, in first-seen order."""
    ids = [m["doc_id"] for r in records for m in r.get("mentions") or []]
    ids += [sp["doc_id"] for r in records for spans in (r.get("evidence") or {}).values() for sp in spans]
    return list(dict.fromkeys(ids))


def _passages(rec: dict[str, Any], docs: dict[str, dict[str, Any]], *, mentions: bool = True,
              context: int = 320) -> list[dict[str, Any]]:
    """One entry per source document of a record: its mentions, the fields with words there, and
    the passage(s) with the mentions and every field's words marked (``markup.evidence_passages``)."""
    out = []
    for doc_id in _doc_ids([rec]):
        doc = docs.get(doc_id)
        mine = [m for m in rec.get("mentions") or [] if m["doc_id"] == doc_id]
        words = spans_in(rec.get("evidence"), doc_id)
        passage = evidence_passages(doc["text"], words, mine if mentions else (), context) if doc else None
        out.append({"doc_id": doc_id, "doc": doc, "mentions": mine, "fields": list(words), "passage": passage})
    return out


@ui.get("/documents", response_class=HTMLResponse)
def documents_page(request: Request, session: SessionDep, page: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
                   q: Loose = None) -> HTMLResponse:
    res = queries.list_documents(session, page=page, page_size=100, q=q)
    pages = max(1, -(-res.total // 100))
    return render(request, "documents.html", docs=res.items, total=res.total, page=page, pages=pages,
                  params={"q": q}, qs=_qs)


@ui.get("/documents/{doc_id:path}", response_class=HTMLResponse)
def document_page(request: Request, session: SessionDep, doc_id: str) -> HTMLResponse:
    doc = request.app.state.store.get_document(doc_id)
    if doc is None:
        raise HTTPException(404, f"There is no document {doc_id!r}.")
    records = queries.document_records(session, doc_id)
    body = mark_document(doc["text"], doc["boilerplate"], records)
    return render(request, "document.html", doc=doc, body=body, records=records)


TIMELINE_PAGE = 200  # events per timeline page (500 took 120 ms to read and draw at 1,000,000 events)


@ui.get("/timeline", response_class=HTMLResponse)
def timeline_page(request: Request, session: SessionDep, filters: Filters,
                  page: Annotated[int, Query(ge=1, le=1_000_000)] = 1) -> HTMLResponse:
    try:
        res = queries.timeline(session, filters, limit=TIMELINE_PAGE, offset=(page - 1) * TIMELINE_PAGE,
                              brief=True)
        months = queries.month_counts(session, filters)
    except queries.QueryError as e:
        raise HTTPException(400, str(e)) from e
    groups: list[tuple[str, list[dict[str, Any]]]] = []
    for ev in res.items:
        key = str(ev["date"])[:7] if ev.get("date") else "undated"
        if not groups or groups[-1][0] != key:
            groups.append((key, []))
        groups[-1][1].append(ev)
    per = TIMELINE_PAGE
    pages = max(1, -(-res.total // per)) if res.exact else max(-(-res.total // per), page) + 1
    return render(request, "timeline.html", groups=groups, total=res.total, exact=res.exact,
                  hist=svg.histogram_svg(months), filters=filters, plover_types=PLOVER_TYPES, page=page, pages=pages,
                  params=filters.active(), qs=_qs)


@ui.get("/map", response_class=HTMLResponse)
def map_page(request: Request, session: SessionDep, filters: Filters) -> HTMLResponse:
    try:
        located = queries.located_events(session, filters)
    except queries.QueryError as e:
        raise HTTPException(400, str(e)) from e
    return render(request, "map.html", located=located, svg_map=svg.map_svg(located), filters=filters,
                  plover_types=PLOVER_TYPES, map_limit=queries.MAP_EVENTS)


@ui.get("/figures", response_class=HTMLResponse)
def figures_page(request: Request, session: SessionDep, measure: Loose = None) -> HTMLResponse:
    series = queries.figure_series(request.app.state.store, measure=(measure or "").strip() or None)
    charts = [(s, svg.series_svg(s)) for s in series]
    figures = queries.get_records(session, "figure", [p["figure_id"] for s in series for p in s["points"]])
    docs = queries.documents_by_id(session, _doc_ids(figures))
    words = {
        f["id"]: {"evidence": f.get("evidence") or {}, "sources": _passages(f, docs, mentions=False, context=160)}
        for f in figures
    }
    return render(request, "figures.html", charts=charts, measure=measure or "", words=words)


@ui.get("/statements", response_class=HTMLResponse)
def statements_page(request: Request, session: SessionDep, speaker: Loose = None, intent: Loose = None,
                    page: Annotated[int, Query(ge=1, le=1_000_000)] = 1) -> HTMLResponse:
    sp = (speaker or "").strip() or None
    it = (intent or "").strip() or None
    if it and not _WORD.match(it):
        raise HTTPException(400, f"unknown intent {it!r}")
    res = queries.list_statements(session, speaker=sp, intent=it, page=page, page_size=200)
    groups: list[tuple[str, list[dict[str, Any]]]] = []
    for st in res.items:
        who = (st.get("speaker") or {}).get("name") or (st.get("speaker") or {}).get("organization") or "unknown"
        if not groups or groups[-1][0] != who:
            groups.append((who, []))
        groups[-1][1].append(st)
    docs = queries.documents_by_id(session, _doc_ids(res.items))
    passages = {st["id"]: _passages(st, docs, mentions=False, context=160) for st in res.items}
    return render(request, "statements.html", passages=passages,
                  groups=groups, total=res.total, speakers=queries.speakers(session),
                  speaker=sp or "", intent=it or "", page=page, pages=max(1, -(-res.total // 200)),
                  params={"speaker": sp, "intent": it}, qs=_qs)
