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


# --- evidence: the words each field of a record was read from -------------------------------

#: the fields that cite words, in the order their marks nest (outermost first) and with the
#: label a mark shows (``data-label``); ``sitrep.css`` has a hover/focus rule for each
FIELD_LABELS = {
    "plover_type": "PLOVER type", "acled_event_type": "ACLED type", "acled_sub_event_type": "ACLED sub-type",
    "status": "status", "actor1": "actor 1", "actor2": "actor 2", "location": "location", "date": "date",
    "fatalities": "fatalities", "speaker": "speaker", "quote": "quote", "intent": "intent",
    "addressee": "addressee", "reported_by": "reported by", "value": "value", "measure": "measure",
    "subject": "subject", "period": "period", "source": "source",
}  # fmt: skip
_RANK = {name: i for i, name in enumerate(FIELD_LABELS)}


def field_class(name: str) -> str:
    """A field name as a class-name part (names come from stored data: keep letters, digits, _)."""
    return "".join(c for c in str(name) if c.isascii() and (c.isalnum() or c == "_")) or "field"


def field_label(name: str) -> str:
    return FIELD_LABELS.get(name) or str(name).replace("_", " ")


def _window(text: str, start: int, end: int, context: int) -> tuple[int, int]:
    """The line(s) around ``text[start:end]``, at most ``context`` characters either side."""
    lo = max(0, start - context)
    nl = text.rfind("\n", lo, start)
    lo = nl + 1 if nl >= 0 else lo
    hi = min(len(text), end + context)
    nl = text.find("\n", end, hi)
    return lo, nl if nl >= 0 else hi


_Tag = tuple[int, int, tuple[Any, ...], Markup, Markup, Markup]


def _nest(text: str, lo: int, hi: int, tags: Sequence[_Tag]) -> Markup:
    """``text[lo:hi]`` escaped, with each tag ``(start, end, order, open, reopen, close)`` around
    its span. Tags nest by ``order`` (outer first); a tag that crosses the end of an outer one
    is closed there and reopened with ``reopen`` (so the result is always well formed)."""
    cuts = sorted({lo, hi, *(p for s, e, *_ in tags for p in (s, e) if lo < p < hi)})
    out: list[Markup] = []
    stack: list[int] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        want = sorted((i for i, t in enumerate(tags) if t[0] <= a and b <= t[1]), key=lambda i: tags[i][2])
        k = 0
        while k < len(stack) and k < len(want) and stack[k] == want[k]:
            k += 1
        out.extend(tags[i][5] for i in reversed(stack[k:]))
        out.extend(tags[i][3] if tags[i][0] == a else tags[i][4] for i in want[k:])
        stack = want
        out.append(escape(text[a:b]))
    out.extend(tags[i][5] for i in reversed(stack))
    return Markup("").join(out)


def _evidence_tag(name: str, sp: dict[str, Any]) -> tuple[Markup, Markup]:
    cls, label = field_class(name), field_label(name)
    basis = sp.get("basis")
    title = f"{label}: {sp.get('text') or ''}" + (f" ({basis})" if basis else "")
    first = Markup('<mark class="ev ev-{0}" data-field="{0}" data-label="{1}" title="{2}">')
    first = first.format(cls, label, title)
    again = Markup('<mark class="ev ev-{0} ev-cont" data-field="{0}" title="{1}">').format(cls, title)
    return first, again


def evidence_passages(
    text: str,
    evidence: dict[str, list[dict[str, Any]]],
    mentions: Iterable[dict[str, Any]] = (),
    context: int = 320,
) -> Markup:
    """The passages of one document that hold a record's words, escaped, with every field's
    words in ``<mark class="ev ev-FIELD" data-field data-label>`` and the mentions in
    ``<mark class="hl">``; passages far apart are joined by an ellipsis.

    ``evidence``: field -> spans in this document. A span whose text is not the document's at its
    offsets is left unmarked (never mark other words). Mentions nest outermost and stay whole;
    a field's span that crosses another's end is split (the label shows on its first piece)."""
    n = len(text)
    tags: list[_Tag] = []
    for m in mentions:
        s, e = _clamp(m["start"], m["end"], n)
        if e > s:
            hl = Markup('<mark class="hl">')
            tags.append((s, e, (0, s, -e, ""), hl, hl, Markup("</mark>")))
    seen = set()
    for name, spans in evidence.items():
        for sp in spans:
            s, e = int(sp["start"]), int(sp["end"])
            if not (0 <= s < e <= n) or text[s:e] != sp.get("text") or (name, s, e) in seen:
                continue
            seen.add((name, s, e))
            first, again = _evidence_tag(name, sp)
            tags.append((s, e, (1, s, -e, _RANK.get(name, len(_RANK)), name), first, again, Markup("</mark>")))
    windows: list[list[int]] = []
    for s, e, *_ in sorted(tags, key=lambda t: (t[0], t[1])):
        lo, hi = _window(text, s, e, context)
        if windows and (lo <= windows[-1][1] or not text[windows[-1][1] : lo].strip()):
            windows[-1][1] = max(windows[-1][1], hi)
        else:
            windows.append([lo, hi])
    gap = Markup('<span class="gap">…</span>')
    parts: list[Markup] = []
    for i, (lo, hi) in enumerate(windows):
        if i:
            parts.append(Markup("\n") + gap + Markup("\n"))
        if lo > 0 and text[lo - 1] != "\n":  # cut inside a line
            parts.append(gap)
        parts.append(_nest(text, lo, hi, [t for t in tags if lo <= t[0] and t[1] <= hi]))
        if hi < n and text[hi] != "\n":
            parts.append(gap)
    return Markup("").join(parts)


def spans_in(evidence: dict[str, list[dict[str, Any]]] | None, doc_id: str) -> dict[str, list[dict[str, Any]]]:
    """A record's evidence restricted to one document."""
    out: dict[str, list[dict[str, Any]]] = {}
    for name, spans in (evidence or {}).items():
        mine = [sp for sp in spans if sp.get("doc_id") == doc_id]
        if mine:
            out[name] = mine
    return out


def field_attrs(evidence: dict[str, list[dict[str, Any]]] | None, *names: str) -> Markup:
    """Attributes that make a field's value focusable and tie it to its marks (``fv-FIELD``),
    for the fields among ``names`` that have words; nothing when none has."""
    have = [field_class(n) for n in names if (evidence or {}).get(n)]
    if not have:
        return Markup("")
    classes = " ".join(f"fv-{c}" for c in have)
    label = ", ".join(field_label(n) for n in names if (evidence or {}).get(n))
    attrs = Markup(' tabindex="0" class="fv {}" data-fields="{}" aria-label="{}: focus to highlight its words"')
    return attrs.format(classes, " ".join(have), label)


def field_words(evidence: dict[str, list[dict[str, Any]]] | None, *names: str) -> list[dict[str, Any]]:
    """The distinct words of fields ``names`` (all fields when none is given), each
    ``{"field", "label", "text", "basis"}``, in field then text order."""
    out: list[dict[str, Any]] = []
    seen = set()
    for name in names or tuple(evidence or {}):
        for sp in (evidence or {}).get(name) or []:
            key = (name, sp.get("text"), sp.get("basis"))
            if key not in seen:
                seen.add(key)
                out.append({"field": name, "label": field_label(name), "text": sp.get("text") or "",
                            "basis": sp.get("basis")})
    return out
