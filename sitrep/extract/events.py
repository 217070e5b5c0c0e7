"""Event extraction. Owner: the events helper. Contract: `extract_events(ctx) -> list[...]`."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..model import Event
    from .context import Context


def extract_events(ctx: Context) -> list[Event]:
    return []
