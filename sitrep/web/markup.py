"""Marked-up article text, built safely: the original text is sliced at span offsets and every
piece is escaped on its own; only tags we write ourselves are ever emitted unescaped.

Scraped pages are hostile input (a page may carry ``<script>`` or ``onerror=`` payloads), so
no piece of article text reaches the page without ``markupsafe.escape``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any
from urllib.parse import quote

from markupsafe import Markup, escape


def record_url(kind: str, ident: str) -> str:
    """Where a record is shown in the UI."""
    safe = quote(ident, safe="")
    if kind == "event":
        return f"/events/{safe}"
    if kind == "statement":
        return f"/statements#st-{safe}"
    return f"/figures#fig-{safe}"


def _clamp(start: int, end: int, n: int) -> tuple[int, int]:
    start = max(0, min(int(start), n))
    return start, max(start, min(int(end), n))


def highlight(text: str, start: int, end: int, context: int = 320) -> Markup:
    """The mention ``text[start:end]`` in one ``<mark>``, with surrounding lines as context."""
    start, end = _clamp(start, end, len(text))
    lo = max(0, start - context)
    nl = text.rfind("\n", lo, start)
    lo = nl + 1 if nl >= 0 and start - nl < context else lo
    hi = min(len(text), end + context)
    nl = text.find("\n", end, hi)
    hi = nl if nl >= 0 else hi
    parts = [
        Markup("…") if lo > 0 else Markup(""),
        escape(text[lo:start]),
        Markup('<mark class="hl">') + escape(text[start:end]) + Markup("</mark>"),
        escape(text[end:hi]),
        Markup("…") if hi < len(text) else Markup(""),
    ]
    return Markup("").join(parts)


def mark_document(
    text: str,
    boilerplate: Iterable[dict[str, Any]],
    records: Sequence[dict[str, Any]],
) -> Markup:
    """The whole text with boilerplate in ``<span class="bp">`` and records in ``<mark>``.

    Spans may overlap: the text is cut at every span boundary, each segment knows which
    boilerplate and which records cover it, and neighbours with the same cover are merged.
    """
    n = len(text)
    bps = [(*_clamp(b["start"], b["end"], n), str(b.get("kind") or "boilerplate")) for b in boilerplate]
    recs = []
    for r in records:
        for m in r.get("mentions", []):
            s, e = _clamp(m["start"], m["end"], n)
            if e > s:
                recs.append((s, e, r["kind"], r["id"], r.get("label") or ""))
    cuts = sorted({0, n, *(p for s, e, _ in bps for p in (s, e)), *(p for s, e, *_ in recs for p in (s, e))})
    segments: list[tuple[int, int, tuple[str, ...], tuple[tuple[str, str, str], ...]]] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        if b <= a:
            continue
        bp = tuple(sorted({k for s, e, k in bps if s <= a and b <= e}))
        cover = tuple(sorted({(k, i, lab) for s, e, k, i, lab in recs if s <= a and b <= e}))
        if segments and segments[-1][2] == bp and segments[-1][3] == cover:
            segments[-1] = (segments[-1][0], b, bp, cover)
        else:
            segments.append((a, b, bp, cover))
    out: list[Markup] = []
    for a, b, bp, cover in segments:
        piece = escape(text[a:b])
        if cover:
            kinds = " ".join(sorted({f"rec-{k}" for k, _, _ in cover}))
            ids = " ".join(f"{k}:{i}" for k, i, _ in cover)
            title = "\n".join(f"{k}: {lab}" for k, _, lab in cover)
            piece = (
                Markup('<mark class="rec {}" id="off-{}" data-records="{}" title="{}">').format(kinds, a, ids, title)
                + piece
                + Markup("</mark>")
            )
            if len(cover) == 1:
                k, i, _ = cover[0]
                piece = Markup('<a class="reclink" href="{}">').format(record_url(k, i)) + piece + Markup("</a>")
        if bp:
            piece = Markup('<span class="bp" title="boilerplate: {}">').format(", ".join(bp)) + piece + Markup("</span>")
        out.append(piece)
    return Markup("").join(out)
