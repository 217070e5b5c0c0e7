"""Test databases for the web tests (no tests here): real documents, hand-made fused records.

Documents go through the real ingest and cleaning stages and ``Store.save``; fused records are
written with ``FusionStore.write_fused`` the way ``sitrep.fuse`` writes them, with mentions located
by searching the stored text. So the web tests know exactly which records exist, whatever
the extractors currently find.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from sitrep.analyze import Analysis
from sitrep.clean import clean
from sitrep.fuse import FusionStore
from sitrep.ingest import iter_inputs
from sitrep.model import Document, ReferenceDate
from sitrep.store import Store
from sitrep.store.records import pack_evidence

from .conftest import SEEDS

HOSTILE_TITLE = 'Hostile page <img src=x onerror="window.__pwned=3">'
HOSTILE = """Home | World | Politics
Share this article

Militants threaten district centre

FARAH, July 2 (Test Wire) - Militants threatened to storm the district centre of Bala Buluk, a provincial council member said on Friday.
<script>window.__pwned=1</script>
<img src=x onerror="window.__pwned=2">
Officials said 12 police officers were killed in an earlier attack.

Tags: Afghanistan, Farah
"""

DOC_A = """Home | World
KUNDUZ, June 14 (Wire) - Taliban fighters attacked government positions in Kunduz on Monday, killing 20 soldiers, officials said.

"We will not stop until the occupation ends," said Zabihullah Mujahid, a Taliban spokesman.

NATO has about 9,500 troops in the country, a spokesman said.
Share this article
"""

DOC_B = """KABUL, June 15 (Other Wire) - At least 25 soldiers died when Taliban fighters attacked army posts in Kunduz on Monday, the defence ministry said.

Hundreds of protesters marched in Kabul on July 1 against the violence.

By May only 2,500 NATO troops remained, officials said.
"""


def _document(doc_id: str, text: str, title: str | None = None) -> Document:
    return Document(id=doc_id, text=text, source=f"test/{doc_id}.txt", title=title)


def _save(store: Store, docs: list[Document]) -> None:
    store.save(None, [Analysis(d, clean(d), ReferenceDate()) for d in docs])


def mention(store: Store, doc_id: str, phrase: str) -> dict[str, Any]:
    """The mention of ``phrase`` in a stored document (offsets into its original text)."""
    doc = store.get_document(doc_id)
    assert doc is not None, doc_id
    start = doc["text"].index(phrase)
    return {"doc_id": doc_id, "start": start, "end": start + len(phrase), "text": phrase}


def event(ident: str, mentions: list[dict[str, Any]], **fields: Any) -> dict[str, Any]:
    rec: dict[str, Any] = {
        "type": "event", "id": ident, "plover_type": "ASSAULT", "plover_mode": None,
        "acled_event_type": None, "acled_sub_event_type": None, "actor1": None, "actor2": None,
        "location": None, "date": None, "date_precision": "unknown", "date_start": None, "date_end": None,
        "status": "occurred", "fatalities": None, "fatalities_qualifier": None, "summary": "",
        "statement_ids": [], "confidence": 0.5, "disagreements": [], "mentions": mentions,
    }  # fmt: skip
    rec.update(fields)
    rec["sources"] = sorted({m["doc_id"] for m in mentions})
    return rec


def words(store: Store, doc_id: str, **fields: str | tuple[str, str]) -> dict[str, list[dict[str, Any]]]:
    """Evidence in one document: field -> the first occurrence of its phrase (``(phrase, basis)``
    adds a basis; brackets pick words inside a phrase: ``'ends," [said]'``)."""
    out: dict[str, list[dict[str, Any]]] = {}
    for name, phrase in fields.items():
        text, basis = (phrase, None) if isinstance(phrase, str) else phrase
        sp = mention(store, doc_id, text.replace("[", "").replace("]", ""))
        if "[" in text:  # "context [words] context": the words where that context is
            a, b = text.index("["), text.index("]") - 1
            sp = {**sp, "start": sp["start"] + a, "end": sp["start"] + b, "text": text[a + 1 : b + 1]}
        out[name] = [sp | {"basis": basis}] if basis else [sp]
    return out


def evidenced(*parts: dict[str, list[dict[str, Any]]]) -> dict[str, list[dict[str, Any]]]:
    """Several documents' evidence as one record's (field -> spans of every document)."""
    out: dict[str, list[dict[str, Any]]] = {}
    for part in parts:
        for name, spans in part.items():
            out.setdefault(name, []).extend(spans)
    return out


def write(store: Store, kind: str, records: list[dict[str, Any]]) -> None:
    """Fused records as fusion stores them: each document's evidence on that document's first
    mention (a member's evidence is read back with its mention's document)."""
    rows = []
    for rec in records:
        done: set[str] = set()
        for m in rec["mentions"]:
            row = {**m, "record_id": rec["id"]}
            if m["doc_id"] not in done:
                done.add(m["doc_id"])
                ev = rec.get("evidence") or {}
                mine = {k: [sp for sp in v if sp["doc_id"] == m["doc_id"]] for k, v in ev.items()}
                row["evidence"] = pack_evidence({k: v for k, v in mine.items() if v})
            rows.append(row)
    FusionStore(store).write_fused(kind, records, {}, mentions=rows)


def actor(name: str, type_: str | None = None) -> dict[str, Any]:
    return {"name": name, "type": type_, "country": "Afghanistan"}


def place(name: str, admin1: str, lat: float, lon: float) -> dict[str, Any]:
    return {"name": name, "admin1": admin1, "admin2": None, "country": "Afghanistan", "lat": lat, "lon": lon,
            "geo_precision": 1}


def add_records(store: Store) -> None:
    """Three events (one fused across two sources that disagree), a statement, two figures."""
    kunduz = [mention(store, "doc_a", "Taliban fighters attacked government positions in Kunduz"),
              mention(store, "doc_b", "Taliban fighters attacked army posts in Kunduz")]
    write(store, "statement", [{
        "type": "statement", "id": "st1", "speaker": {"name": "Zabihullah Mujahid", "role": "spokesman",
                                                       "organization": "Taliban"},
        "quote": "We will not stop until the occupation ends", "direct": True, "intent": "threaten",
        "addressee": None, "channel": "statement", "reported_by": [], "date": "2021-06-14",
        "date_precision": "day", "mentions": [mention(store, "doc_a", "We will not stop until the occupation ends")],
        "evidence": words(store, "doc_a", quote="We will not stop until the occupation ends",
                          speaker="Zabihullah Mujahid", intent='ends," [said]', date=("June 14", "dateline")),
    }])  # fmt: skip
    write(store, "event", [
        event("ev_kunduz", kunduz, acled_event_type="Battles", acled_sub_event_type="Armed clash",
              actor1=actor("Taliban", "rebel group"), actor2=actor("Afghan government", "state forces"),
              location=place("Kunduz", "Kunduz", 36.73, 68.86), date="2021-06-14", date_precision="day",
              date_start="2021-06-14", date_end="2021-06-14", fatalities=20, fatalities_qualifier="exact",
              summary="Taliban attack government positions in Kunduz; 20 soldiers killed",
              statement_ids=["st1"],
              evidence=evidenced(
                  words(store, "doc_a", plover_type="attacked", status="attacked", actor1="Taliban fighters",
                        actor2="government positions", location=("Kunduz", "gazetteer"), date="on Monday",
                        fatalities="killing 20 soldiers", acled_event_type=("attacked", "ACLED rule")),
                  words(store, "doc_b", plover_type="attacked", actor1="Taliban fighters",
                        location=("Kunduz", "gazetteer"), fatalities="At least 25 soldiers"),
              ),
              disagreements=[{"field": "fatalities", "values": [{"doc_id": "doc_a", "value": 20},
                                                                {"doc_id": "doc_b", "value": 25}]}]),
        event("ev_protest", [mention(store, "doc_b", "Hundreds of protesters marched in Kabul")],
              plover_type="PROTEST", acled_event_type="Protests", acled_sub_event_type="Peaceful protest",
              actor1=actor("Protesters"), location=place("Kabul", "Kabul", 34.53, 69.17), date="2021-07-01",
              date_precision="day", date_start="2021-07-01", date_end="2021-07-01",
              summary="Hundreds protest against violence in Kabul"),
        event("ev_threat", [mention(store, "hostile", "Militants threatened to storm the district centre"),
                            mention(store, "hostile", "<script>window.__pwned=1</script>")],
              plover_type="THREATEN", status="threatened", actor1=actor("Militants"),
              location=place("Bala Buluk", "Farah", 32.63, 62.47),
              summary='Militants threaten Bala Buluk <img src=x onerror="window.__pwned=4">',
              evidence=words(store, "hostile", plover_type="threatened", actor1="Militants",
                             location=("Bala Buluk", "gazetteer"), date=("Friday.\n<script>", "reference date"),
                             status="<script>window.__pwned=1</script>")),
    ])  # fmt: skip
    write(store, "figure", [
        {"type": "figure", "id": f"fig{i}", "measure": "troops deployed", "value": v, "unit": "troops",
         "qualifier": q, "subject": "NATO", "location": None, "period_start": d, "period_end": d, "date": d,
         "source": None, "status": "actual", "mentions": [mention(store, doc, phrase)],
         "evidence": words(store, doc, value=num, measure="troops", subject="NATO")}
        for i, (v, q, d, doc, phrase, num) in enumerate([
            (9500, "about", "2021-01", "doc_a", "about 9,500 troops", "about 9,500"),
            (2500, "exact", "2021-05", "doc_b", "2,500 NATO troops", "2,500")])
    ])  # fmt: skip
    store.save_stories([{"id": "story1", "title": "Kunduz fighting", "document_ids": ["doc_a", "doc_b"],
                         "event_ids": ["ev_kunduz"], "first_date": "2021-06-14", "last_date": "2021-06-14"}])


def build_db(path: Path, *, seeds: bool = False) -> Store:
    """A database with the composed documents (and the shared seed pages if asked) and records."""
    store = Store(path)
    docs = [_document("doc_a", DOC_A, "Taliban attack Kunduz"), _document("doc_b", DOC_B, "Soldiers killed"),
            _document("hostile", HOSTILE, HOSTILE_TITLE)]
    if seeds:
        if not SEEDS.is_dir():
            pytest.skip(f"the shared seed corpus is missing at {SEEDS}")
        docs += [d for d in iter_inputs([str(SEEDS)]) if isinstance(d, Document)]
    _save(store, docs)
    add_records(store)
    return store
