"""HTML pages: the visible text of a page (every text node), as DESIGN.md specifies.

lxml's event-driven parser (a parser *target*) feeds start/end/data events straight into a
small state machine, so no tree is built and nothing recurses: broken markup, 100,000
elements and nesting thousands deep all cost linear time and flat stack. Block elements and
``<br>`` become line breaks; script, style, noscript, template (and other never-rendered
content) are dropped; whitespace inside inline runs collapses to one space.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
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
_OPEN, _CLOSE = "\x03", "\x04"  # a block element that has a zone label opens / closes
_LINK_IN, _LINK_OUT = "\x05", "\x06"  # inline: inside an <a>
_MARKS = "\x01\x02\x03\x04\x05\x06"
_BREAKS = re.compile("([\x01\x02\x03\x04]+)")
_LINKS = re.compile("[\x05\x06]")
_NON_WORD = re.compile(r"[\W_]+")
_CONTROL = str.maketrans({c: " " for c in _MARKS})

# Zones: blocks whose tag or class/id says what they are (readability's "unlikely candidates",
# sorted by kind). A line inside one is a boilerplate candidate; clean() decides. Checked in
# order, the first match wins; class/id words are matched as substrings.
_ZONE_TAGS = {"nav": "navigation", "footer": "footer", "figcaption": "caption", "figure": "caption",
              "aside": "teaser", "form": "navigation"}
_ZONE_WORDS = [
    ("comment", re.compile(r"comment|disqus|respond|replies|reply|discussion|forum")),
    ("caption", re.compile(r"caption|credit|photo|image|gallery|media__|figure|legend")),
    ("share_widget", re.compile(r"share|sharing|social|addthis|sharedaddy|follow-?us")),
    ("promo", re.compile(r"newsletter|subscri|signup|sign-up|paywall|cookie|consent|gdpr|promo|banner|"
                         r"donat|support-|-support|advert|(?:^|[\s_-])ads?(?:$|[\s_-])|sponsor|inread|"
                         r"popup|modal|overlay|offer")),
    ("teaser", re.compile(r"related|recommend|read-?next|more-?(?:news|stories|articles)|most-?(?:read|viewed|popular)|"
                          r"popular|trending|also-?read|teaser|outbrain|taboola|catcher|latest|more-from|next-?up|"
                          r"(?:^|[\s_-])most(?:$|[\s_-])|mostread|mostpopular|headlines-?list")),
    ("tag_list", re.compile(r"(?:^|[\s_-])tags?(?:$|[\s_-])|tags-|tag-?list|keywords|topics")),
    ("navigation", re.compile(r"(?:^|[\s_-])nav|menu|breadcrumb|pager|pagination|skip-?link|sidebar|widget|masthead|"
                              r"site-?header|topbar|top-?nav|toolbar")),
    ("footer", re.compile(r"footer|colophon|copyright|site-?info")),
    ("metadata", re.compile(r"byline|author|dateline|timestamp|entry-meta|article-?meta|meta__|meta-?data|"
                            r"post-?meta|(?:^|[\s_-])meta(?:$|[\s_-])|reading-?time|views")),
]
# class/id words that say "this is the article itself": never a zone on their own
_BODY_WORDS = re.compile(r"article-?body|entry-content|post-?content|story-?body|articlebody|article-?text|"
                         r"article__body|article__text|article-?content|main-?content")


_NEVER_ZONE = frozenset({"html", "body", "main", "article"})


def zone_of(tag: str, attrib: Any) -> str | None:
    """The boilerplate kind a block element's tag or class/id suggests, or None."""
    if tag in _NEVER_ZONE:
        return None
    if tag in _ZONE_TAGS:
        return _ZONE_TAGS[tag]
    if not attrib:
        return None
    words = f"{attrib.get('class') or ''} {attrib.get('id') or ''}".lower().strip()
    if not words or _BODY_WORDS.search(words) or len(words) > 300:
        return None
    for kind, pattern in _ZONE_WORDS:
        if pattern.search(words):
            return kind
    return None


class _Collector:
    """Parser target: keeps a stack of open tags and appends visible text pieces.

    With ``zones`` it also leaves markers for labelled blocks and links (see ``page_lines``);
    they sit in break runs or are stripped, so the text is the same either way.
    """

    def __init__(self, zones: bool = False) -> None:
        self.parts: list[str] = []
        self.stack: list[str] = []
        self.skip_at: int | None = None  # stack depth where a dropped subtree began
        self.pre = 0
        self.zones = zones
        self.labels: list[str] = []  # label of each _OPEN marker, in order
        self.opened: list[bool] = []  # per open element: did it emit _OPEN / _LINK_IN

    def _break(self) -> None:
        if self.parts and self.parts[-1] != _SOFT:
            self.parts.append(_SOFT)

    def start(self, tag: Any, attrib: Any) -> None:
        name = tag.lower() if isinstance(tag, str) else ""
        self.stack.append(name)
        if self.zones:
            self.opened.append(False)
        if self.skip_at is not None:
            return
        if name in DROP or _hidden(attrib):
            self.skip_at = len(self.stack)
            return
        if name == "br":
            self.parts.append(_HARD)
        elif name in BLOCK:
            self._break()
            if self.zones:
                label = zone_of(name, attrib)
                if label:
                    self.parts.append(_OPEN)
                    self.labels.append(label)
                    self.opened[-1] = True
        elif name == "a" and self.zones:
            self.parts.append(_LINK_IN)
            self.opened[-1] = True
        if name == "pre":
            self.pre += 1

    def end(self, tag: Any) -> None:
        if not self.stack:
            return
        name = self.stack.pop()
        opened = self.opened.pop() if self.zones and self.opened else False
        if self.skip_at is not None:
            if len(self.stack) < self.skip_at:
                self.skip_at = None
            return
        if name == "pre":
            self.pre = max(0, self.pre - 1)
        if name in BLOCK:
            self._break()
            if opened:
                self.parts.append(_CLOSE)
        elif opened:
            self.parts.append(_LINK_OUT)

    def data(self, data: str) -> None:
        if self.skip_at is None and data:
            data = data.translate(_CONTROL)
            self.parts.append(data.replace("\n", _HARD) if self.pre else data)

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


@dataclass
class PageLine:
    """A run of visible text between block boundaries (one line of ``visible_text``)."""

    start: int
    end: int
    zone: str | None  # innermost labelled block around it ("comment", "caption"...), if any
    zone_id: int  # which labelled block (-1: none), to weigh a whole zone at once
    link_ratio: float  # share of its letters and digits inside links


def _parse(html: str, zones: bool) -> tuple[str, list[str]]:
    if not html or not html.strip():
        return "", []
    collector = _Collector(zones)
    parser = etree.HTMLParser(target=collector, huge_tree=True, recover=True, no_network=True)
    try:
        raw = etree.fromstring(html, parser)
    except (etree.XMLSyntaxError, ValueError):
        raw = ""
    return (raw if isinstance(raw, str) else ""), collector.labels


def visible_text(html: str) -> str:
    """The page's whole visible text, one line per block; robust to broken markup."""
    return _normalize(_parse(html, False)[0])[0]


def page_lines(html: str) -> tuple[str, list[PageLine]]:
    """``visible_text(html)`` and, for each of its text runs, its zone and link density."""
    raw, labels = _parse(html, True)
    return _normalize(raw, labels)


def _normalize(raw: str, labels: list[str] | None = None) -> tuple[str, list[PageLine]]:
    """Collapse whitespace inside runs; a block boundary is one line break, <br> is a hard one.

    Consecutive boundaries merge; at most one blank line is kept (from ``<br><br>``). With
    ``labels`` the zone markers in break runs are followed and each run gets a ``PageLine``.
    """
    out: list[str] = []
    lines: list[PageLine] = []
    stack: list[int] = []  # open zone ids
    next_label = 0
    pos = 0
    pending = 0  # line breaks owed before the next text
    for i, piece in enumerate(_BREAKS.split(raw)):
        if i % 2:
            hard = piece.count(_HARD)
            pending = max(pending, min(2, hard) if hard else 1)
            if labels is not None:
                for c in piece:
                    if c == _OPEN:
                        stack.append(next_label)
                        next_label += 1
                    elif c == _CLOSE and stack:
                        stack.pop()
            continue
        ratio = 0.0
        if labels is not None and (_LINK_IN in piece or _LINK_OUT in piece):
            ratio = _link_ratio(piece)
        if labels is not None or _LINK_IN in piece or _LINK_OUT in piece:
            piece = _LINKS.sub("", piece)
        text = _SPACES.sub(" ", piece).strip(" ")
        if not text:
            continue
        if out:
            sep = "\n" * max(1, pending)
            out.append(sep)
            pos += len(sep)
        out.append(text)
        if labels is not None:
            zid = stack[-1] if stack else -1
            zone = labels[zid] if 0 <= zid < len(labels) else None
            lines.append(PageLine(pos, pos + len(text), zone, zid, ratio))
        pos += len(text)
        pending = 0
    return "".join(out), lines


def _link_ratio(piece: str) -> float:
    inside = total = depth = 0
    for j, seg in enumerate(re.split("([\x05\x06])", piece)):
        if j % 2:
            depth = max(0, depth + (1 if seg == _LINK_IN else -1))
            continue
        n = len(_NON_WORD.sub("", seg))  # letters and digits only: separators do not count
        total += n
        if depth:
            inside += n
    return inside / total if total else 0.0

