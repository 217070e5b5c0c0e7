"""The briefing report: one self-contained HTML file (``sitrep report -o report.html``).

Why one file with no script: analysts mail briefings and open them on machines without
network; an offline file with inline CSS and SVG opens anywhere and cannot phone home. Article
text is untrusted input, so everything passes through Jinja2 autoescaping or ``markupsafe``;
the only markup we build ourselves is the highlight around a mention's offsets.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from importlib.resources import files
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape

from .. import __version__
from ..figure_series import figure_series
from ..store.db import Store
from ..svgmap import map_svg
from ..timeline import format_date, format_fatalities, timeline
from .svg import bar_chart, timeline_strip

KEY_EVENTS = 12  # events on the "key events" list; the full timeline follows
SENTENCE_END = ".!?\n"


def source_sentence(text: str, start: int, end: int, limit: int = 400) -> Markup:
    """The sentence around ``text[start:end]`` with that span in <mark>; all text escaped."""
    lo = max(0, start - limit)
    for sep in (". ", "! ", "? ", "\n"):
        i = text.rfind(sep, lo, start)
        if i >= 0:
            lo = max(lo, i + len(sep))
    hi = min(len(text), end + limit)
    for j in range(end, hi):
        if text[j] == "\n" or (text[j] in SENTENCE_END and (j + 1 == len(text) or text[j + 1] in " \n\"'")):
            hi = j + (text[j] != "\n")
            break
    pre, span, post = text[lo:start].lstrip(), text[start:end], text[end:hi].rstrip()
    return Markup("{}<mark>{}</mark>{}").format(escape(pre), escape(span), escape(post))


class _Docs:
    """Documents by id, loaded lazily (texts are read only for the mentions we cite)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.cache: dict[str, dict[str, Any] | None] = {}

    def get(self, doc_id: str) -> dict[str, Any] | None:
        if doc_id not in self.cache:
            self.cache[doc_id] = self.store.get_document(doc_id)
        return self.cache[doc_id]

    def evidence(self, rec: dict[str, Any], most: int = 3) -> list[dict[str, Any]]:
        """The cited sentences of a record, one per document, each with its outlet."""
        out, seen = [], set()
        for m in rec.get("mentions", []):
            if m["doc_id"] in seen:
                continue
            doc = self.get(m["doc_id"])
            if doc is None:
                continue
            seen.add(m["doc_id"])
            text = doc.get("text") or ""
            if text[m["start"]:m["end"]] != m.get("text"):
                sentence = Markup("<mark>{}</mark>").format(m.get("text") or "")
            else:
                sentence = source_sentence(text, m["start"], m["end"])
            out.append({"doc_id": m["doc_id"], "outlet": doc.get("outlet") or doc["id"],
                        "title": doc.get("title"), "sentence": sentence})
            if len(out) >= most:
                break
        return out


PRECISE = ("day", "week")
#: an event's fields in the order the report lists their words, with the names it shows
EVENT_FIELDS = {
    "plover_type": "PLOVER type", "acled_event_type": "ACLED type", "acled_sub_event_type": "ACLED sub-type",
    "status": "status", "actor1": "actor 1", "actor2": "actor 2", "location": "location", "date": "date",
    "fatalities": "fatalities",
}  # fmt: skip


def field_words(evidence: dict[str, list[dict[str, Any]]] | None) -> list[dict[str, Any]]:
    """A record's words field by field (``evidence``): ``{"field", "label", "words": [{"text",
    "basis", "doc_id"}]}``, known fields first, each distinct (text, basis) once."""
    evidence = evidence or {}
    out = []
    for name in [*(f for f in EVENT_FIELDS if f in evidence), *(f for f in evidence if f not in EVENT_FIELDS)]:
        words: list[dict[str, Any]] = []
        for sp in evidence.get(name) or []:
            w = {"text": sp.get("text") or "", "basis": sp.get("basis"), "doc_id": sp.get("doc_id")}
            if all((w["text"], w["basis"]) != (o["text"], o["basis"]) for o in words):
                words.append(w)
        if words:
            out.append({"field": name, "label": EVENT_FIELDS.get(name) or name.replace("_", " "), "words": words})
    return out


def _importance(row: dict[str, Any]) -> int:
    """Key-event score: a precise date and a death toll count most, then having happened,
    each extra source, and violence (ASSAULT/COERCE). Ties keep timeline order."""
    return (
        2 * int(bool(row.get("date")) and row.get("date_precision") in PRECISE)
        + 2 * int(bool(row.get("fatalities")))
        + int(row.get("status", "occurred") == "occurred")
        + min(3, len(row["sources"]) - 1)
        + int(row.get("plover_type") in ("ASSAULT", "COERCE"))
    )


def collect(store: Store) -> dict[str, Any]:
    """Everything the template shows, read once from the store."""
    docs = _Docs(store)
    events = list(store.iter_records("event"))
    evidence = {e["id"]: e.get("evidence") for e in events}
    rows = timeline(store, events=events)
    for r in rows:
        r["words"] = field_words(evidence.get(r["id"]))
        r["date_label"] = format_date(r)
        r["fatalities_label"] = format_fatalities(r)
        r["evidence"] = docs.evidence(r)
    key_ids = {r["id"] for r in sorted(rows, key=_importance, reverse=True)[:KEY_EVENTS]}
    key_events = [r for r in rows if r["id"] in key_ids]
    markers = [
        {"lat": r["location"]["lat"], "lon": r["location"]["lon"], "fatalities": r.get("fatalities"),
         "place": r["location"].get("name"),
         "label": f"{r['date_label']} · {r['place']}: {r['summary'] or r.get('plover_type')}"}
        for r in rows
        if r.get("location") and r["location"].get("lat") is not None and r["location"].get("lon") is not None
    ]
    series = figure_series(store)
    for s in series:
        if len(s["points"]) > 1:  # one point is no trend: it goes to the "other figures" table
            s["chart"] = bar_chart(s["points"], f"{s['measure']} {s['subject'] or ''}")
        for p in s["points"]:
            p["evidence"] = docs.evidence(p, most=1)
            p["value_label"] = _value_label(p)
    statements_by: dict[str, list[dict[str, Any]]] = defaultdict(list)
    n_statements = 0
    for st in store.iter_records("statement"):
        n_statements += 1
        sp = st.get("speaker") or {}
        actor = (st.get("speaker_actor") or {}).get("name") or sp.get("organization") or sp.get("name") or "Unattributed"
        st["speaker_label"] = ", ".join(x for x in (sp.get("name"), sp.get("role"), sp.get("organization")) if x) or actor
        st["evidence"] = docs.evidence(st, most=1)
        statements_by[actor].append(st)
    stories = list(store.iter_stories())
    story_of = {d: s for s in stories for d in s.get("document_ids", [])}
    mention_counts: dict[str, Counter[str]] = defaultdict(Counter)
    for r in rows:
        for d in {s["doc_id"] for s in r["sources"]}:
            mention_counts[d]["events"] += 1
    for group in statements_by.values():
        for st in group:
            for d in {m["doc_id"] for m in st.get("mentions", [])}:
                mention_counts[d]["statements"] += 1
    for s in series:
        for p in s["points"]:
            for d in p["doc_ids"]:
                mention_counts[d]["figures"] += 1
    from ..timeline import document_index

    sources = []
    for d in document_index(store).values():
        d["counts"] = mention_counts.get(d["id"], Counter())
        d["story"] = (story_of.get(d["id"]) or {}).get("title")
        sources.append(d)
    dated = [r["date"] for r in rows if r.get("date")]
    counts = store.counts()
    return {
        "version": __version__,
        "generated": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "counts": {
            "documents": counts["documents"],
            "events": len(rows),
            "located": len(markers),
            "statements": n_statements,
            "figures": sum(len(s["points"]) for s in series),
            "series": len(series),
            "stories": len(stories),
            # aggregates ("45,000 killed since 2014") are events too: sum only precisely dated ones
            "fatalities": sum(r.get("fatalities") or 0 for r in rows if r.get("date_precision") in PRECISE and r.get("date")),
            "disputed": sum(1 for r in rows if r["disagreements"]),
            "deadly": sum(1 for r in rows if r.get("fatalities")),
        },
        "period": (min(dated), max(dated)) if dated else None,
        "key_events": key_events,
        "events": rows,
        "strip": timeline_strip([r for r in rows if r.get("date_precision") in (*PRECISE, "month")] or rows),
        "map": map_svg(markers),
        "series": [s for s in series if len(s["points"]) > 1],
        "single_figures": [(s, s["points"][0]) for s in series if len(s["points"]) == 1],
        "statements_by": sorted(statements_by.items(), key=lambda kv: (-len(kv[1]), kv[0])),
        "stories": sorted(stories, key=lambda s: (-len(s.get("document_ids", [])), s.get("first_date") or "")),
        "sources": sources,
    }


def _value_label(p: dict[str, Any]) -> str:
    v = p.get("value")
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    text = f"{v:,}" if isinstance(v, int) else f"{v:,.2f}"
    q = p.get("qualifier")
    return f"{q} {text}" if q and q != "exact" else text


def render(store: Store) -> str:
    """The report as one HTML string (CSS inlined, SVG inline, no external reference)."""
    env = Environment(loader=PackageLoader("sitrep.report", "templates"), autoescape=select_autoescape(default=True))
    css = files("sitrep.report").joinpath("assets/report.css").read_text(encoding="utf-8")
    return env.get_template("report.html").render(css=Markup(css), **collect(store))


def write_report(store: Store, path: str | Path) -> Path:
    """Render the report and write it (UTF-8) to ``path``."""
    out = Path(path)
    out.write_text(render(store), encoding="utf-8")
    return out
