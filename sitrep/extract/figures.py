"""Figures extraction. Owner: the figures helper. Contract: `extract_figures(ctx) -> list[...]`."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..model import Figure
    from .context import Context


def extract_figures(ctx: Context) -> list[Figure]:
    return []
