"""Merging: a fused record's tally of its members' values, the value shown for each field (the
most reported, ties to the most conservative) and the disagreements between sources."""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Iterable
from typing import Any

from ..store.records import pack_evidence, unpack_evidence

DISAGREEMENT_FIELDS = {
    "event": ["fatalities", "date", "actor1", "actor2", "location", "status"],
    "statement": ["intent"],
    "figure": [],
}


def _label(value: Any) -> Any:
    if isinstance(value, dict):
        return value.get("name")
    return value


def _choose(field: str, distinct: list[Any], counts: Counter[int]) -> Any:
    """The shown value: the most reported; ties go to the most conservative. ``distinct``: the
    values in order of first report, each once (by ``repr``); ``counts``: reports of each, by
    index (-1: reports without a value). Counted by index in one C-level pass, not by the repr
    of every report's value (a record of 2,800 reports took 2,800 reprs a field each time it
    gained one)."""
    best = max((n for i, n in counts.items() if i >= 0), default=0)
    if not best:
        return None
    tied = [v for i, v in enumerate(distinct) if counts[i] == best]  # in order of first report
    if field == "fatalities":
        return min(tied)
    if field == "date":
        return max(tied, key=lambda d: len(str(d)))
    if field == "location":
        # "Buenos Aires" province and "La Plata" in it, once each: the town, the place both may be
        return min(tied, key=lambda loc: loc.get("geo_precision") or 9 if isinstance(loc, dict) else 9)
    return tied[0]


DATE_FIELDS = ("date", "date_precision", "date_start", "date_end")


def new_tally(kind: str, first: dict[str, Any]) -> dict[str, Any]:
    """What merging needs to know of a record's members, kept with the record so that a new
    report merges without reading the others: the first member (ids and unmerged fields come
    from it), each member's document and its value of every merged field (as an index into the
    field's distinct values: members mostly agree, so this stays small), the date fields of the
    first member with each date, the statement ids and the sources."""
    tally: dict[str, Any] = {
        "base": {k: v for k, v in first.items() if k not in ("mentions", "evidence")},
        "docs": [],
        "values": {f: {"distinct": [], "index": []} for f in DISAGREEMENT_FIELDS[kind]},
    }
    if kind == "event":
        tally.update(dates={}, statement_ids=[], sources=[])
    return tally


def tally_add(kind: str, tally: dict[str, Any], rec: dict[str, Any]) -> None:
    mentions = rec.get("mentions") or []
    tally["docs"].append(mentions[0]["doc_id"] if mentions else None)
    for field, column in tally["values"].items():
        value = rec.get(field)
        if value is None:
            column["index"].append(-1)
            continue
        shown = repr(value)  # values count as equal when _choose would count them together
        i = next((i for i, v in enumerate(column["distinct"]) if repr(v) == shown), None)
        if i is None:
            i = len(column["distinct"])
            column["distinct"].append(value)
        column["index"].append(i)
    if kind == "statement":  # the verbal events of each member's words (tallies stored before had none)
        _insert_sorted(tally.setdefault("event_ids", []), rec.get("event_ids", []))
    if kind != "event":
        return
    date = rec.get("date")
    if date is not None and str(date) not in tally["dates"]:
        tally["dates"][str(date)] = {k: rec.get(k) for k in DATE_FIELDS}
    _insert_sorted(tally["statement_ids"], rec.get("statement_ids", []))
    _insert_sorted(tally["sources"], [m["doc_id"] for m in mentions])


def _insert_sorted(items: list[Any], new: Iterable[Any]) -> None:
    """Add to a sorted list of distinct values, keeping it so."""
    for x in new:
        i = bisect.bisect_left(items, x)
        if i == len(items) or items[i] != x:
            items.insert(i, x)


def from_tally(kind: str, tally: dict[str, Any]) -> dict[str, Any]:
    """The fused record (without its mentions) its tally stands for."""
    fused = dict(tally["base"])
    if kind == "event":
        fused["statement_ids"] = list(tally["statement_ids"])
    if kind == "statement" and "event_ids" in tally:
        fused["event_ids"] = list(tally["event_ids"])
    disagreements = []
    for field, column in tally["values"].items():
        distinct, index = column["distinct"], column["index"]
        if len({repr(_label(v)) for v in distinct}) > 1:  # some reports differ, by label
            disagreements.append(
                {"field": field,
                 "values": [{"doc_id": d, "value": _label(distinct[i])} for d, i in zip(tally["docs"], index, strict=True) if i >= 0]}
            )  # fmt: skip
        shown = _choose(field, distinct, Counter(index))
        if shown is not None:
            if field == "date" and shown != fused.get("date"):
                fused.update(tally["dates"][str(shown)])
            else:
                fused[field] = shown
    if kind == "event":
        fused["disagreements"] = disagreements
        fused["sources"] = list(tally["sources"])
    return fused


def merge(kind: str, members: list[dict[str, Any]]) -> dict[str, Any]:
    """One fused record from its members (the first member's id is kept: ids stay stable)."""
    tally = new_tally(kind, members[0])
    for r in members:
        tally_add(kind, tally, r)
    evidence: dict[str, list[dict[str, Any]]] = {}
    for r in members:  # every source's words, each span once (as stored: packed, in its document)
        doc_id = (r.get("mentions") or [{}])[0].get("doc_id", "")
        for name, spans in unpack_evidence(doc_id, pack_evidence(r.get("evidence")) or {}).items():
            have = evidence.setdefault(name, [])
            have.extend(sp for sp in spans if sp not in have)
    mentions = [m for r in members for m in r["mentions"]]
    return from_tally(kind, tally) | {"mentions": mentions, "evidence": evidence}
