"""``sitrep serve``: a FastAPI JSON API and a server-rendered web UI over the store."""

from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]
