"""Statements extraction. Owner: the statements helper. Contract: `extract_statements(ctx) -> list[...]`."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..model import Statement
    from .context import Context


def extract_statements(ctx: Context) -> list[Statement]:
    return []
