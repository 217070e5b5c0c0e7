"""Cleaning an HTML page: trafilatura finds the article, and we map it back onto the text.

``Document.text`` of an HTML page is its whole visible text (``html.visible_text``). The main
text trafilatura extracts is formatted its own way (list dashes, table pipes, joined inline
runs), so each of its paragraphs is located in ``Document.text`` by a whitespace-tolerant
search that only moves forward; whatever no paragraph covers becomes boilerplate, one span per
line, with a kind guessed by the plain-text line rules. The published date comes from the
page's metadata only (htmldate without its body-text search), never from the article prose.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from ..model import Cleaned, Document, Span
from . import dateline as dl
from .classify import guess_kind
from .lines import is_prose, split_lines
from .text import clean_text, find_loose

SEARCH_WINDOW = 300_000  # chars ahead of the cursor a paragraph is looked for (keeps it linear)
ANCHOR_WORDS = 8  # words of a paragraph's start/end used when the whole does not align
_LIST_MARK = re.compile(r"^\s*(?:[-*•▪–]\s+|\d{1,3}[.)]\s+)")
_TITLE_TAG = re.compile(r"<title[^>]*>(.*?)</title>", re.I | re.S)
_TITLE_SPLIT = re.compile(r"\s+[|\-–—:·»]\s+")
_DATE_OPTIONS: dict[str, Any] = {"extensive_search": False, "original_date": True, "outputformat": "%Y-%m-%d"}
log = logging.getLogger(__name__)


def clean_html(document: Document) -> Cleaned:
    """Boilerplate spans from trafilatura's main text; title, dates and outlet from metadata."""
    html = document.raw_html or ""
    text = document.text
    extracted = _extract(html, document.url)
    body_text = (extracted or {}).get("text") or ""
    if not any(is_prose(ln) for ln in split_lines(body_text[:200_000])):
        out = clean_text(document)  # no article found: fall back to the line classifier
        out.published = published_date(html, document.url)
        return out
    body = align(text, body_text.split("\n"))
    out = Cleaned()
    out.published = published_date(html, document.url)
    out.outlet = (extracted or {}).get("sitename") or None
    title, span = _title(text, html, extracted or {}, document.title)
    out.title, out.title_span = title, span
    keep = sorted(body + ([span] if span else []))
    out.boilerplate = sorted(_gaps(text, keep) + _body_datelines(text, body), key=lambda s: s.start)
    for s in out.boilerplate:
        if s.kind == "dateline" and out.dateline is None:
            out.dateline, out.dateline_span = text[s.start:s.end], (s.start, s.end)
            parts = dl.parse(out.dateline)
            out.dateline_value = parts.iso if parts else None
    return out


def _extract(html: str, url: str | None) -> dict[str, Any] | None:
    """trafilatura's main text and metadata, or None if it fails on this page."""
    try:
        import trafilatura

        doc = trafilatura.bare_extraction(
            html, url=url, include_comments=False, include_tables=True, with_metadata=True,
            date_extraction_params=dict(_DATE_OPTIONS), as_dict=False,
        )
    except Exception as e:  # a crash in a third-party extractor must not lose the document
        log.warning("trafilatura failed: %s", e)
        return None
    if doc is None:
        return None
    return {k: getattr(doc, k, None) for k in ("text", "title", "sitename", "date")}


def published_date(html: str, url: str | None = None) -> str | None:
    """The page's date from meta tags, JSON-LD and the URL only (no guessing from prose)."""
    try:
        from htmldate import find_date

        return find_date(html, url=url, **_DATE_OPTIONS)
    except Exception as e:  # htmldate raises on odd inputs; unknown is an answer
        log.debug("htmldate failed: %s", e)
        return None


def align(text: str, paragraphs: list[str]) -> list[tuple[int, int]]:
    """Locate each paragraph in ``text`` in order, tolerant of whitespace and list markers."""
    spans: list[tuple[int, int]] = []
    cursor = 0
    for para in paragraphs:
        for piece in _pieces(para):
            found = _locate(text, piece, cursor)
            if found:
                spans.append(found)
                cursor = found[1]
    return spans


def _pieces(para: str) -> list[str]:
    para = _LIST_MARK.sub("", para).strip()
    if not para:
        return []
    if " | " in para:  # a table row: cells are separate lines of the visible text
        return [c.strip() for c in para.split(" | ") if c.strip()]
    return [para]


def _locate(text: str, piece: str, cursor: int) -> tuple[int, int] | None:
    words = piece.split()
    if not words:
        return None
    found = _search(text, words, cursor)
    if found or len(words) <= 2 * ANCHOR_WORDS:
        return found
    head = _search(text, words[:ANCHOR_WORDS], cursor)
    if not head:
        return None
    tail = _search(text, words[-ANCHOR_WORDS:], head[1])
    if tail and tail[1] - head[0] <= 3 * len(piece) + 200:
        return head[0], tail[1]
    return None


def _search(text: str, words: list[str], cursor: int) -> tuple[int, int] | None:
    pattern = r"\s*".join(re.escape(w) for w in words)
    m = re.compile(pattern).search(text, cursor, min(len(text), cursor + SEARCH_WINDOW + 4 * len(pattern)))
    return (m.start(), m.end()) if m else None


def _title(text: str, html: str, meta: dict[str, Any], given: str | None) -> tuple[str | None, tuple[int, int] | None]:
    """The headline (metadata title, given title or <title> parts) and its span in the text."""
    candidates = [c for c in (meta.get("title"), given) if c]
    m = _TITLE_TAG.search(html[:200_000])
    if m:
        full = " ".join(m.group(1).split())
        parts = sorted(_TITLE_SPLIT.split(full), key=len, reverse=True)
        candidates += [full, *parts[:1]]
    limit = max(5_000, len(text) // 2)
    for c in candidates:
        c = " ".join(c.split())
        if len(c.split()) < 2:
            continue
        span = find_loose(text, c, limit=limit)
        if span:
            return text[span[0]:span[1]], span
    return (candidates[0].strip() if candidates else None), None


def _body_datelines(text: str, body: list[tuple[int, int]]) -> list[Span]:
    """Date lines that the extractor kept at the top of the article ("Published: ...")."""
    out: list[Span] = []
    for lo, hi in body[:6]:
        for ln in split_lines(text[lo:hi]):
            if is_prose(ln):
                return out
            if dl.is_dateline(ln.text):
                out.append(Span(lo + ln.start, lo + ln.end, "dateline"))
    return out


def _gaps(text: str, keep: list[tuple[int, int]]) -> list[Span]:
    """Every non-blank line outside the kept ranges, as a boilerplate span with a kind."""
    out: list[Span] = []
    pos = 0
    first = keep[0][0] if keep else len(text)
    last = keep[-1][1] if keep else 0
    for lo, hi in [*keep, (len(text), len(text))]:
        if lo > pos:
            for ln in split_lines(text[pos:lo]):
                s, e = pos + ln.start, pos + ln.end
                region = "head" if e <= first else "tail" if s >= last else "middle"
                out.append(Span(s, e, guess_kind(ln, region)))
        pos = max(pos, hi)
    return out
