"""Extractors: dates, actors, places, events, statements, figures (see docs/)."""

from __future__ import annotations

from typing import Any


def ruler_patterns() -> list[dict[str, Any]]:
    """Entity-ruler patterns for the parser: the place and actor names the extractors know."""
    from . import actors, gazetteer_coverage

    return [*gazetteer_coverage.ruler_patterns(), *actors.ruler_patterns()]
