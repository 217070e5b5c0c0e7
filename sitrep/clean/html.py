"""HTML pages: the visible text of a page (every text node) as DESIGN.md specifies."""

from __future__ import annotations


def visible_text(html: str) -> str:
    """Placeholder: replaced by the clean helper with an lxml-based walker."""
    import re

    html = re.sub(r"(?is)<(script|style)\b.*?</\1>", "", html)
    html = re.sub(r"(?i)<br\s*/?>|</(p|div|h[1-6]|li|tr|section|article|header|footer|nav)>", "\n", html)
    return re.sub(r"<[^>]+>", "", html)
