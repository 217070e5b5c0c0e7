"""``create_app``: the FastAPI application behind ``sitrep serve`` (JSON API + server-rendered UI).

One ``Store`` is opened for the app's lifetime; every route reads through it. Security
defaults: read-only unless an ingest token is given; a strict Content-Security-Policy on every
response; no CDN (the OpenAPI spec is served, the CDN-based Swagger pages are not).
"""

from __future__ import annotations

import gc
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exception_handlers import request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .. import __version__
from ..store import Store
from .api import ingest_router, router
from .ui import STATIC, render_error, ui

CSP = "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]


class SecurityHeaders:
    """Adds the CSP and friends to every HTTP response (pure ASGI: streaming passes through)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = [*message.get("headers", []), *(h for h in SECURITY_HEADERS if h[0] not in names)]
            await send(message)

        await self.app(scope, receive, send_with_headers)


#: the collector's first threshold in a web process: a page of 500 events builds some 50,000 short-lived
#: containers, which at Python's 700 ran a collection every few dozen events and promoted the page's
#: live objects until a full collection (20-80 ms) stalled every few requests; at 20,000 they are
#: freed by reference counting before a collection sees them (1M events, page_size=500: CPU max
#: 82 -> 21 ms over 15 requests, p50 22 -> 18)
GC_THRESHOLD = 20_000


def tune_gc() -> None:
    """Raise the process's first collection threshold to ``GC_THRESHOLD`` (never lowers it)."""
    first, *rest = gc.get_threshold()
    if 0 < first < GC_THRESHOLD:
        gc.set_threshold(GC_THRESHOLD, *rest)


_FROZEN: list[bool] = []


def freeze_startup_objects() -> None:
    """Once per process, after the first app is built: move every object alive then (modules,
    routes, models: some 100,000) out of the collector's reach, so a full collection walks only
    what requests keep. Each full collection walked them all (85 ms on a 2-core machine: a
    request's p95 whenever one fell inside it). Objects freed later by reference counting are
    still freed."""
    if not _FROZEN:
        _FROZEN.append(True)
        gc.collect()
        gc.freeze()


def create_app(db: str | Path | Store, *, ingest_token: str | None = None) -> FastAPI:
    """The web app over ``db`` (a SQLite path, a PostgreSQL URL or an open ``Store``).

    ``ingest_token``: when given, ``POST /api/documents`` accepts documents from callers that
    send ``Authorization: Bearer <token>``; without it the server is read-only.
    """
    store = db if isinstance(db, Store) else Store(db, create=False, interactive=True)
    tune_gc()
    app = FastAPI(
        title="sitrep",
        version=__version__,
        description="Events, statements and figures extracted from conflict news, each with its sources.",
        docs_url=None,
        redoc_url=None,
        openapi_url="/api/openapi.json",
    )
    app.state.store = store
    app.state.ingest_enabled = bool(ingest_token)
    app.include_router(router)
    if ingest_token:
        app.include_router(ingest_router(ingest_token))
    app.include_router(ui)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> Response:
        if request.url.path.startswith("/api"):
            return await request_validation_exception_handler(request, exc)
        msgs = [f"{'.'.join(str(p) for p in e.get('loc', [])[1:])}: {e.get('msg')}" for e in exc.errors()]
        return render_error(request, 400, "Bad request", "; ".join(msgs))

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        if request.url.path.startswith("/api") or request.url.path.startswith("/static"):
            headers: dict[str, Any] = dict(exc.headers or {})
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=headers)
        return render_error(request, exc.status_code, "Not found" if exc.status_code == 404 else "Error",
                            str(exc.detail))

    app.add_middleware(SecurityHeaders)
    freeze_startup_objects()
    return app
