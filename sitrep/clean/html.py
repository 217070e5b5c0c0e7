"""HTML pages: the visible text of a page (every text node), as DESIGN.md specifies.

lxml's event-driven parser (a parser *target*) feeds start/end/data events straight into a
small state machine, so no tree is built and nothing recurses: broken markup, 100,000
elements and nesting thousands deep all cost linear time and flat stack. Block elements and
``<br>`` become line breaks; script, style, noscript, template (and other never-rendered
content) are dropped; whitespace inside inline runs collapses to one space.
"""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

# Elements whose content is never rendered as page text.
DROP = frozenset({
    "script", "style", "noscript", "template", "head", "title", "meta", "link", "svg", "math",
    "iframe", "object", "embed", "canvas", "audio", "video", "source", "track", "map", "param",
    "select", "datalist", "textarea", "button",
})
# Elements that start and end a line.
BLOCK = frozenset({
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details",
    "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form",
    "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend",
    "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td",
    "tfoot", "th", "thead", "tr", "ul", "option", "optgroup", "label", "picture",
})
_SPACES = re.compile(r"[ \t\n\r\f\v]+")
_SOFT, _HARD = "\x01", "\x02"  # block boundary, <br> (or a newline inside <pre>)
_BREAKS = re.compile("([\x01\x02]+)")


class _Collector:
    """Parser target: keeps a stack of open tags and appends visible text pieces."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.stack: list[str] = []
        self.skip_at: int | None = None  # stack depth where a dropped subtree began
        self.pre = 0

    def _break(self) -> None:
        if self.parts and self.parts[-1] != _SOFT:
            self.parts.append(_SOFT)

    def start(self, tag: Any, attrib: Any) -> None:
        name = tag.lower() if isinstance(tag, str) else ""
        self.stack.append(name)
        if self.skip_at is not None:
            return
        if name in DROP or _hidden(attrib):
            self.skip_at = len(self.stack)
            return
        if name == "br":
            self.parts.append(_HARD)
        elif name in BLOCK:
            self._break()
        if name == "pre":
            self.pre += 1

    def end(self, tag: Any) -> None:
        if not self.stack:
            return
        name = self.stack.pop()
        if self.skip_at is not None:
            if len(self.stack) < self.skip_at:
                self.skip_at = None
            return
        if name == "pre":
            self.pre = max(0, self.pre - 1)
        if name in BLOCK:
            self._break()

    def data(self, data: str) -> None:
        if self.skip_at is None and data:
            self.parts.append(data.replace("\n", _HARD) if self.pre else data.replace(_SOFT, " ").replace(_HARD, " "))

    def comment(self, text: str) -> None:  # comments are not visible
        return None

    def pi(self, target: str, data: str | None = None) -> None:
        return None

    def doctype(self, *args: Any) -> None:
        return None

    def close(self) -> str:
        return "".join(self.parts)


def _hidden(attrib: Any) -> bool:
    if not attrib:
        return False
    if "hidden" in attrib:
        return True
    style = (attrib.get("style") or "").replace(" ", "").lower()
    return "display:none" in style or "visibility:hidden" in style


def visible_text(html: str) -> str:
    """The page's whole visible text, one line per block; robust to broken markup."""
    if not html or not html.strip():
        return ""
    parser = etree.HTMLParser(target=_Collector(), huge_tree=True, recover=True, no_network=True)
    try:
        raw = etree.fromstring(html, parser)
    except (etree.XMLSyntaxError, ValueError):
        raw = ""
    return _normalize(raw if isinstance(raw, str) else "")


def _normalize(raw: str) -> str:
    """Collapse whitespace inside runs; a block boundary is one line break, <br> is a hard one.

    Consecutive boundaries merge; at most one blank line is kept (from ``<br><br>``).
    """
    out: list[str] = []
    pending = 0  # line breaks owed before the next text
    for i, piece in enumerate(_BREAKS.split(raw)):
        if i % 2:
            hard = piece.count(_HARD)
            pending = max(pending, min(2, hard) if hard else 1)
            continue
        text = _SPACES.sub(" ", piece).strip(" ")
        if not text:
            continue
        if out:
            out.append("\n" * max(1, pending))
        out.append(text)
        pending = 0
    return "".join(out)

