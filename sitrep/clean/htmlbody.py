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
from .classify import guess_kind, local_kind
from .html import PageLine, page_lines
from .lines import Line, ends_terminal, is_prose, split_lines
from .text import clean_text, find_loose

MAX_EXTRACT_LINES = 5_000  # visible lines above which trafilatura is not run (see clean_html)
MAX_EXTRACT_CHARS = 1_000_000
SEARCH_WINDOW = 300_000  # chars ahead of the cursor a paragraph is looked for (keeps it linear)
SHORT_WINDOW = 3_000  # a paragraph of a few words is only looked for this close to the cursor
ANCHOR_WORDS = 8  # words of a paragraph's start/end used when the whole does not align
ZONE_MAX_SHARE = 0.4  # a labelled block holding more of the body than this is the article itself
LINK_LINE = 0.9  # a short line this much inside links is a link list (menu, related headlines)
# Kinds a line rule may give a line trafilatura kept: unmistakable furniture only (digits-only
# lines and "Label: 123" lines are left alone, they are often table cells of the article).
_BODY_OVERRIDES = frozenset({"teaser", "caption", "footer", "dateline", "navigation", "share_widget", "tag_list"})
_LIST_MARK = re.compile(r"^\s*(?:[-*•▪–]\s+|\d{1,3}[.)]\s+)")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_TITLE_TAG = re.compile(r"<title[^>]*>(.*?)</title>", re.I | re.S)
_TITLE_SPLIT = re.compile(r"(?<=\S)\s+(?:[|\-–—:·»/•]|::|\|\||-{2})\s+")
_DATE_OPTIONS: dict[str, Any] = {"extensive_search": False, "original_date": True, "outputformat": "%Y-%m-%d"}
log = logging.getLogger(__name__)


def clean_html(document: Document) -> Cleaned:
    """Boilerplate spans from trafilatura's main text; title, dates and outlet from metadata."""
    html = document.raw_html or ""
    text = document.text
    zones = _zones(text, html)
    # trafilatura's main pass grows faster than linearly with the number of blocks (2 s at
    # 10,000 paragraphs, 40 s at 50,000); past that the linear line classifier does the page.
    too_big = text.count("\n", 0, MAX_EXTRACT_CHARS + 1) >= MAX_EXTRACT_LINES or len(text) > MAX_EXTRACT_CHARS
    extracted = None if too_big else _extract(html, document.url)
    body_text = (extracted or {}).get("text") or ""
    body = align(text, body_text.split("\n")) if _has_prose(body_text) else []
    if sum(b - a for a, b in body) < 0.5 * _prose_chars(body_text):
        body = []  # the extractor's text is not in the page text (alignment failed)
    if not body:
        out = clean_text(document)  # no article found: fall back to the line classifier
        out.published = published_date(html, document.url)
        kept = [(a, b) for a, b in out.body_ranges(len(text)) if text[a:b].strip()]
        title_span = out.title_span
        out.boilerplate = _disjoint(out.boilerplate + _refine(text, kept, zones, title_span))
        return out
    out = Cleaned()
    out.published = published_date(html, document.url)
    out.outlet = (extracted or {}).get("sitename") or None
    title, span = _title(text, html, extracted or {}, document.title, body[0][0])
    out.title, out.title_span = title, span
    keep = _merge(sorted(body + ([span] if span else []) + _rescue(text, body, zones)))
    spans = _gaps(text, keep, zones) + _body_datelines(text, body) + _refine(text, keep, zones, span)
    out.boilerplate = _disjoint(spans)
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


def _has_prose(body_text: str) -> bool:
    return any(is_prose(ln) for ln in split_lines(body_text[:200_000]))


def _prose_chars(body_text: str) -> int:
    return sum(ln.end - ln.start for ln in split_lines(body_text[:200_000]) if is_prose(ln))


def _zones(text: str, html: str) -> list[PageLine] | None:
    """Zone and link density of each visible line, or None if the page text is not ours."""
    if not html:
        return None
    try:
        seen, lines = page_lines(html)
    except Exception as e:  # the zone pass is an aid; the text itself came from visible_text
        log.debug("page_lines failed: %s", e)
        return None
    return lines if seen == text else None


def _disjoint(spans: list[Span]) -> list[Span]:
    """Spans in text order without overlaps (an earlier-listed span wins a tie)."""
    order = sorted(range(len(spans)), key=lambda i: (spans[i].start, i))
    out: list[Span] = []
    for i in order:
        s = spans[i]
        if out and s.start < out[-1].end:
            if s.end > out[-1].end:
                out.append(Span(out[-1].end, s.end, s.kind))
            continue
        out.append(s)
    return out


def _zone_at(zones: list[PageLine] | None, pos: int, hint: int = 0) -> tuple[PageLine | None, int]:
    """The zone line holding ``pos`` (scanning forward from ``hint``) and the new hint."""
    if zones is None:
        return None, hint
    while hint < len(zones) and zones[hint].end <= pos:
        hint += 1
    if hint < len(zones) and zones[hint].start <= pos < zones[hint].end:
        return zones[hint], hint
    return None, hint


def _rescue(text: str, body: list[tuple[int, int]], zones: list[PageLine] | None) -> list[tuple[int, int]]:
    """Sentences the extractor dropped between two parts of the article (short live-blog
    updates, one-line paragraphs): a line ending like a sentence, in no labelled block, not a
    link, that no line rule marks, lying between the first and the last aligned paragraph."""
    out: list[tuple[int, int]] = []
    hint = 0
    for (_, a), (b, _) in zip(body, body[1:], strict=False):
        if b - a > 20_000:
            continue
        for ln in split_lines(text[a:b]):
            lo, hi = a + ln.start, a + ln.end
            z, hint = _zone_at(zones, lo, hint)
            lower = sum(1 for w in ln.words if w[:1].islower())
            if ln.n_words < 4 or lower < 2 or not ends_terminal(ln.text) or ln.text.endswith(("...", "…", ":")):
                continue
            if (z is not None and (z.zone or z.link_ratio > 0.5)) or local_kind(ln, is_prose(ln)):
                continue
            out.append((lo, hi))
    return out


def _merge(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in ranges:
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _refine(text: str, kept: list[tuple[int, int]], zones: list[PageLine] | None,
            title: tuple[int, int] | None) -> list[Span]:
    """Lines the extractor kept that are page furniture after all.

    General signals, each checked line by line: a line rule that only furniture meets (a
    teaser or caption prefix, share/UI vocabulary, a tag list...); a labelled block around the
    line (comments, related links, newsletter or cookie boxes, captions, bylines) unless that
    block holds a large share of the kept text (then it is the article); a short non-sentence
    line made almost entirely of link text (a menu or a related headline); and a label of a
    few words squeezed between such lines ("Archive" above a list of month links).
    """
    lines: list[tuple[Line, PageLine | None]] = []
    hint = 0
    for lo, hi in kept:
        for part in split_lines(text[lo:hi]):
            a, b = lo + part.start, lo + part.end
            ls, le = text.rfind("\n", 0, a) + 1, text.find("\n", b)
            le = len(text) if le < 0 else le
            ln = part if (ls, le) == (a, b) else next(split_lines(text[ls:le]), part)
            ln.start, ln.end = a, b  # features of the whole line, span of the kept part
            z, hint = _zone_at(zones, a, hint)
            lines.append((ln, z))
    total = sum(ln.end - ln.start for ln, _ in lines) or 1
    share: dict[int, int] = {}
    for ln, z in lines:
        if z is not None and z.zone_id >= 0:
            share[z.zone_id] = share.get(z.zone_id, 0) + ln.end - ln.start
    kinds: list[str | None] = []
    protected: list[bool] = []
    for ln, z in lines:
        is_title = bool(title and ln.start < title[1] and title[0] < ln.end)
        protected.append(is_title)
        prose = is_prose(ln)
        kind = None if is_title else local_kind(ln, prose)
        if kind not in _BODY_OVERRIDES:
            kind = None
        if not is_title and kind is None and z is not None:
            if z.zone and share.get(z.zone_id, 0) <= ZONE_MAX_SHARE * total:
                kind = z.zone
            elif not prose and z.link_ratio >= LINK_LINE and ln.n_words <= 15:
                kind = "teaser" if ln.n_words >= 4 else "navigation"
        kinds.append(kind)
    out: list[Span] = []
    for i, (ln, _) in enumerate(lines):
        kind = kinds[i]
        if kind is None and not protected[i] and ln.n_words <= 3 and not ends_terminal(ln.text) \
                and 0 < i < len(lines) - 1 and kinds[i - 1] and kinds[i + 1] \
                and lines[i - 1][0].end + 2 >= ln.start - 1 and ln.end + 2 >= lines[i + 1][0].start - 1:
            kind = kinds[i + 1]
        if kind:
            out.append(Span(ln.start, ln.end, kind))
    return out


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
    cells = [para]
    if " | " in para:  # a table row: cells are separate lines of the visible text
        cells = [c.strip() for c in para.strip("| ").split(" | ") if c.strip()]
    return [_MD_ESCAPE.sub(r"\1", c) for c in cells]


def _locate(text: str, piece: str, cursor: int) -> tuple[int, int] | None:
    """Where ``piece`` is in ``text`` after ``cursor``: exact up to spacing, then up to
    punctuation (word tokens only), then by its first and last words."""
    words = piece.split()
    if not words:
        return None
    window = SHORT_WINDOW if len(words) <= 3 else SEARCH_WINDOW
    found = _search(text, [re.escape(w) for w in words], cursor, window, r"\s*")
    tokens = _WORD.findall(piece)
    if found or not tokens:
        return found
    found = _search(text, tokens, cursor, window, r"[\W_]*")
    if found or len(tokens) <= 2 * ANCHOR_WORDS:
        return found
    head = _search(text, tokens[:ANCHOR_WORDS], cursor, window, r"[\W_]*")
    if not head:
        return None
    tail = _search(text, tokens[-ANCHOR_WORDS:], head[1], window, r"[\W_]*")
    if tail and tail[1] - head[0] <= 3 * len(piece) + 200:
        return head[0], tail[1]
    return None


def _search(text: str, parts: list[str], cursor: int, window: int, glue: str) -> tuple[int, int] | None:
    pattern = glue.join(parts)
    if glue != r"\s*":
        pattern = r"(?<![^\W_])" + pattern + r"(?![^\W_])"  # whole words only
    m = re.compile(pattern).search(text, cursor, min(len(text), cursor + window + 4 * len(pattern)))
    return (m.start(), m.end()) if m else None


def _title(text: str, html: str, meta: dict[str, Any], given: str | None,
           body_start: int = 0) -> tuple[str | None, tuple[int, int] | None]:
    """The headline (metadata title, given title or <title> parts) and its span in the text:
    looked for just above the article first (a menu may repeat it), then from the top."""
    candidates = [c for c in (meta.get("title"), given) if c]
    m = _TITLE_TAG.search(html[:200_000])
    for full in [*candidates, m.group(1) if m else ""]:
        # whitespace collapsed and length capped first: the split pattern backtracks on long
        # whitespace runs, and no real headline is longer than a few hundred characters
        full = " ".join(full[:2000].split())
        parts = sorted(_TITLE_SPLIT.split(full), key=len, reverse=True)
        candidates += [full, *parts[:1]]
    limit = max(5_000, len(text) // 2)
    for c in candidates:
        c = " ".join(c.split())
        if len(c.split()) < 2:
            continue
        near = max(0, body_start - 20_000)
        span = find_loose(text, c, start=near, limit=body_start - near + 2_000) if body_start else None
        span = span or find_loose(text, c, limit=limit)
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


def _gaps(text: str, keep: list[tuple[int, int]], zones: list[PageLine] | None = None) -> list[Span]:
    """Every non-blank line outside the kept ranges, as a boilerplate span with a kind.

    The kind comes from the line rules, else from the labelled block around the line
    (a comment, a caption...), else from where the line is (head: navigation, tail: footer).
    """
    out: list[Span] = []
    pos = 0
    first = keep[0][0] if keep else len(text)
    last = keep[-1][1] if keep else 0
    zi = 0
    for lo, hi in [*keep, (len(text), len(text))]:
        if lo > pos:
            for ln in split_lines(text[pos:lo]):
                s, e = pos + ln.start, pos + ln.end
                zone = None
                if zones is not None:
                    while zi < len(zones) and zones[zi].end <= s:
                        zi += 1
                    if zi < len(zones) and zones[zi].start <= s < zones[zi].end:
                        zone = zones[zi].zone
                kind = local_kind(ln, is_prose(ln)) or zone
                region = "head" if e <= first else "tail" if s >= last else "middle"
                out.append(Span(s, e, kind or guess_kind(ln, region)))
        pos = max(pos, hi)
    return out
