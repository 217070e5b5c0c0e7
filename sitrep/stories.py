"""Stories: documents clustered by what they report, and syndicated copies linked.

Why: analysts read one story told by many outlets; grouping documents lets the report, the
exports and the web UI show "5 sources on the Kabul airport bombing" instead of five rows.

How (see docs/report.md for the reasoning behind each threshold):

- a document's *body* is its text minus boilerplate spans (navigation, share widgets...);
- **duplicates**: MinHash (datasketch, 128 permutations) over word 5-shingles of the body;
  documents whose estimated Jaccard is >= ``DUPLICATE_JACCARD`` (0.8) are syndicated copies,
  and every copy's ``duplicate_of`` names the earliest one (date, then ingest order);
- **similarity** of two documents = TF-IDF cosine of their body content words (unigrams,
  smoothed IDF over the whole store) + ``EVENT_BONUS`` x Jaccard of their event keys (actors,
  places, day dates of the fused events they mention); sharing a fused event, or being
  duplicates, counts as 1.0;
- **single link**: a new document joins the story of the most similar assigned document when
  that similarity is >= ``STORY_THRESHOLD`` (0.25) and, when the document is dated, its date is
  at most ``MAX_GAP_DAYS`` from the story's dated span (so undated members cannot bridge
  2015 and 2021 news); otherwise it starts a story;
- **incremental**: documents already in a story keep it; only new documents are placed, in
  ingest order, so a stream yields the same stories as one batch of the same order.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import numpy as np

from .fuse import new_minhash, words
from .model import stable_id
from .store.db import Store

DUPLICATE_JACCARD = 0.8  # estimated Jaccard of word 5-shingles: syndicated copy
SHINGLE = 5
NUM_PERM = 128
STORY_THRESHOLD = 0.25  # single-link similarity needed to join a story
EVENT_BONUS = 0.3  # weight of shared event actors/places/dates in the similarity
MAX_GAP_DAYS = 10  # two dated documents further apart than this never link directly
_SHINGLE_WORD = re.compile(r"\w+")


@dataclass
class DocFeatures:
    """What clustering needs from one document (text is not kept: flat-ish memory)."""

    id: str
    seq: int
    title: str | None
    date: str | None  # ISO day (published, else reference date)
    tf: Counter[str]
    minhash: Any
    events: set[str] = field(default_factory=set)  # fused event ids mentioning the document
    keys: set[str] = field(default_factory=set)  # actor:/place:/date: keys of those events
    vector: dict[str, float] = field(default_factory=dict)
    # compact TF-IDF vector (what clustering uses; ``vector`` stays empty for stored documents):
    # word ids in first-occurrence order and their weights
    ids: Any = None
    vals: Any = None


def body_text(doc: dict[str, Any]) -> str:
    """The document text with its boilerplate spans removed (offsets are not needed here)."""
    text: str = doc.get("text") or ""
    parts, pos = [], 0
    for b in sorted(doc.get("boilerplate") or [], key=lambda b: b["start"]):
        if b["start"] > pos:
            parts.append(text[pos : b["start"]])
        pos = max(pos, b["end"])
    parts.append(text[pos:])
    return "\n".join(parts)


def doc_date(doc: dict[str, Any]) -> str | None:
    """The day a document speaks from: published, else its inferred reference date."""
    for k in ("published", "reference_date"):
        v = doc.get(k)
        if v and re.match(r"\d{4}-\d{2}-\d{2}", str(v)):
            return str(v)[:10]
    return None


def shingle_minhash(text: str) -> Any:
    """MinHash of the word 5-shingles of a text (whole text when shorter than 5 words)."""
    toks = [t.lower() for t in _SHINGLE_WORD.findall(text)]
    m = new_minhash(NUM_PERM)
    grams = {" ".join(toks[i : i + SHINGLE]) for i in range(max(1, len(toks) - SHINGLE + 1))}
    m.update_batch([g.encode("utf-8") for g in grams])  # the same hash values as update() one by one
    return m


def _event_keys(ev: dict[str, Any]) -> set[str]:
    keys = set()
    for k in ("actor1", "actor2"):
        name = (ev.get(k) or {}).get("name")
        if name:
            keys.add(f"actor:{name.lower()}")
    loc = ev.get("location") or {}
    if loc.get("name"):
        keys.add(f"place:{loc['name'].lower()}")
    if ev.get("date") and ev.get("date_precision") == "day":
        keys.add(f"date:{ev['date']}")
    return keys


def _outside(date: str | None, span: tuple[str, str] | None) -> bool:
    """True when a dated document lies more than MAX_GAP_DAYS outside a story's dated span."""
    if not date or span is None:
        return False
    day, lo, hi = (dt.date.fromisoformat(x) for x in (date, *span))
    return (lo - day).days > MAX_GAP_DAYS or (day - hi).days > MAX_GAP_DAYS


@dataclass
class Corpus:
    """Features of every stored document plus, per fused event, its documents and day range."""

    docs: dict[str, DocFeatures]
    event_docs: dict[str, set[str]]
    event_dates: dict[str, tuple[str, str]]


def load_features(store: Store) -> Corpus:
    """Read every document and fused event once (the clustering is recomputed from these)."""
    feats: dict[str, DocFeatures] = {}
    vocab: dict[str, int] = {}
    for seq, doc in enumerate(store.iter_documents()):
        body = body_text(doc)
        tf = Counter(w for w in _tokens(body))
        f = DocFeatures(
            id=doc["id"],
            seq=seq,
            title=doc.get("title"),
            date=doc_date(doc),
            tf=Counter(),
            minhash=shingle_minhash(body),
        )
        # term counts kept as two small arrays (first-occurrence order), not a Counter of strings
        f.ids = np.fromiter((vocab.setdefault(w, len(vocab)) for w in tf), dtype=np.int32, count=len(tf))
        f.vals = np.fromiter(tf.values(), dtype=np.float64, count=len(tf))
        feats[doc["id"]] = f
    event_docs: dict[str, set[str]] = {}
    event_dates: dict[str, tuple[str, str]] = {}
    for ev in store.iter_records("event"):
        docs = {m["doc_id"] for m in ev.get("mentions", []) if m["doc_id"] in feats}
        event_docs[ev["id"]] = docs
        # only day/week-precise dates of events that happened: a vaguer one ("2021") or a
        # deadline ("troops leave by September 11") would stretch a story's span
        if ev.get("date") and ev.get("date_precision") in ("day", "week") and ev.get("status", "occurred") == "occurred":
            event_dates[ev["id"]] = (
                str(ev.get("date_start") or ev["date"])[:10],
                str(ev.get("date_end") or ev["date"])[:10],
            )
        keys = _event_keys(ev)
        for d in docs:
            feats[d].events.add(ev["id"])
            feats[d].keys |= keys
    _tfidf_compact(list(feats.values()), len(vocab))
    return Corpus(feats, event_docs, event_dates)


def _tokens(text: str) -> Iterable[str]:
    """Content words: lower-case, no stop words (fusion's list), no bare numbers."""
    return (w for w in re.findall(r"[a-z0-9]+", text.lower()) if _content_word(w))


@lru_cache(maxsize=65536)
def _content_word(w: str) -> bool:
    return not w.isdigit() and bool(words(w))


def _tfidf_compact(docs: list[DocFeatures], n_words: int) -> None:
    """``_tfidf`` on the compact counts: the same weights, computed in the same order."""
    df = np.zeros(n_words, dtype=np.int64)
    for f in docs:
        df[f.ids] += 1
    n = len(docs)
    idf = [math.log((1 + n) / (1 + d)) + 1 for d in df.tolist()]
    for f in docs:
        vec = [(1 + math.log(c)) * idf[w] for w, c in zip(f.ids.tolist(), f.vals.tolist(), strict=True)]
        norm = math.sqrt(sum(v * v for v in vec)) or 1.0
        f.vals = np.array([v / norm for v in vec], dtype=np.float64)


def _tfidf(feats: Iterable[DocFeatures]) -> None:
    """Unit-length TF-IDF vectors (sublinear tf, smoothed idf over the whole store)."""
    docs = list(feats)
    df: Counter[str] = Counter()
    for f in docs:
        df.update(f.tf.keys())
    n = len(docs)
    for f in docs:
        vec = {w: (1 + math.log(c)) * (math.log((1 + n) / (1 + df[w])) + 1) for w, c in f.tf.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        f.vector = {w: v / norm for w, v in vec.items()}


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(w, 0.0) for w, v in a.items())


def similarity(a: DocFeatures, b: DocFeatures) -> float:
    """How strongly two documents report the same thing (0..~1.3); see the module docstring."""
    if a.events & b.events:
        return 1.0
    keys = len(a.keys & b.keys) / len(a.keys | b.keys) if a.keys and b.keys else 0.0
    cos = cosine(a.vector, b.vector) if a.ids is None or b.ids is None else _cosine_compact(a, b)
    return cos + EVENT_BONUS * keys


def _cosine_compact(a: DocFeatures, b: DocFeatures) -> float:
    """``cosine`` of two compact vectors, summed in the same order (bit-identical)."""
    if len(a.ids) > len(b.ids):
        a, b = b, a
    _, ia, ib = np.intersect1d(a.ids, b.ids, assume_unique=True, return_indices=True)
    order = np.argsort(ia, kind="stable")  # the smaller vector's word order, as cosine() sums
    return sum((a.vals[ia[order]] * b.vals[ib[order]]).tolist(), 0.0)


def find_duplicates(feats: dict[str, DocFeatures]) -> dict[str, str | None]:
    """``duplicate_of`` for every document: the earliest of its near-copy group, or None."""
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=DUPLICATE_JACCARD, num_perm=NUM_PERM)
    canonical: dict[str, str] = {}
    for f in sorted(feats.values(), key=_age):  # oldest first: a match is always older
        match = next(
            (o for o in sorted(lsh.query(f.minhash), key=lambda o: _age(feats[o]))
             if f.minhash.jaccard(feats[o].minhash) >= DUPLICATE_JACCARD),
            None,
        )
        if match is not None:
            canonical[f.id] = canonical.get(match, match)
        lsh.insert(f.id, f.minhash)
    return {d: canonical.get(d) for d in feats}


def _age(f: DocFeatures) -> tuple[str, int]:
    return (f.date or "9999-99-99", f.seq)


def update_stories(store: Store) -> None:
    """Place new documents into stories, mark syndicated copies, and save the story records."""
    corpus = load_features(store)
    feats = corpus.docs
    if not feats:
        store.save_stories([])
        return
    dups = find_duplicates(feats)
    old = {d: bool(f) for d, f in _current_duplicates(store).items()}
    store.set_duplicates({d: v for d, v in dups.items() if bool(v) or old.get(d)})

    story_of: dict[str, str] = {}
    members: dict[str, list[str]] = defaultdict(list)
    span: dict[str, tuple[str, str]] = {}  # story id -> its dated documents' first and last day

    # The single-link scan below visits assigned documents in placement order. A document in a
    # story whose dated span is more than MAX_GAP_DAYS away can never be chosen (unless it is a
    # duplicate), so those are masked out with numpy before any similarity is computed; the
    # survivors are scanned exactly as before (same order, same floats, same ties).
    days = _day_ordinals(feats)  # None when a date does not parse: then scan everything
    n = len(feats)
    placed: list[str] = []  # assigned documents in placement (= story_of) order
    pos_story = np.zeros(n, dtype=np.int64)  # story index of each placed document
    story_index: dict[str, int] = {}
    s_lo = np.zeros(n, dtype=np.int64)
    s_hi = np.zeros(n, dtype=np.int64)
    s_dated = np.zeros(n, dtype=bool)
    copies: dict[str, list[str]] = defaultdict(list)  # canonical -> its duplicates
    for d, canon in dups.items():
        if canon is not None:
            copies[canon].append(d)
    position: dict[str, int] = {}

    def place(doc: DocFeatures, sid: str) -> None:
        story_of[doc.id] = sid
        members[sid].append(doc.id)
        k = story_index.setdefault(sid, len(story_index))
        pos_story[len(placed)] = k
        position[doc.id] = len(placed)
        placed.append(doc.id)
        if doc.date:
            lo, hi = span.get(sid, (doc.date, doc.date))
            span[sid] = (min(lo, doc.date), max(hi, doc.date))
            if days is not None:
                s_lo[k], s_hi[k], s_dated[k] = days[span[sid][0]], days[span[sid][1]], True

    def candidates(f: DocFeatures) -> Iterable[str]:
        """Placed documents in order, minus those that the date gap rules out."""
        if days is None or not f.date:
            return list(story_of)
        day = days[f.date]
        st = pos_story[: len(placed)]
        out = s_dated[st] & (((s_lo[st] - day) > MAX_GAP_DAYS) | ((day - s_hi[st]) > MAX_GAP_DAYS))
        keep = set(np.flatnonzero(~out).tolist())
        for d in [dups.get(f.id), *copies.get(f.id, ())]:  # duplicates are never ruled out
            if d is not None and d in position:
                keep.add(position[d])
        return [placed[i] for i in sorted(keep)]

    for st in store.iter_stories():
        for d in st.get("document_ids", []):
            if d in feats and d not in story_of:
                place(feats[d], st["id"])
    for f in sorted(feats.values(), key=lambda f: f.seq):
        if f.id in story_of:
            continue
        best, best_sim = None, 0.0
        for other in candidates(f):
            sim = 2.0 if dups.get(f.id) == other or dups.get(other) == f.id else similarity(f, feats[other])
            if sim < 2.0 and _outside(f.date, span.get(story_of[other])):
                continue
            if sim > best_sim:
                best, best_sim = other, sim
        joins = best is not None and best_sim >= STORY_THRESHOLD
        sid = story_of[best] if joins and best is not None else stable_id("story", f.id)
        place(f, sid)
    store.save_stories([_story(sid, docs, corpus) for sid, docs in members.items()])


def _day_ordinals(feats: dict[str, DocFeatures]) -> dict[str, int] | None:
    """Day number of every document date, or None if one is not a valid ISO day."""
    out: dict[str, int] = {}
    for f in feats.values():
        if f.date and f.date not in out:
            try:
                out[f.date] = dt.date.fromisoformat(f.date).toordinal()
            except ValueError:
                return None
    return out


def _current_duplicates(store: Store) -> dict[str, str | None]:
    return {d["id"]: d.get("duplicate_of") for d in _light_documents(store)}


def _light_documents(store: Store) -> Iterable[dict[str, Any]]:
    from sqlalchemy import select

    from .store.schema import DocumentRow

    with store.session() as s:
        for row in s.execute(select(DocumentRow.id, DocumentRow.duplicate_of)):
            yield {"id": row[0], "duplicate_of": row[1]}


def _story(sid: str, doc_ids: list[str], corpus: Corpus) -> dict[str, Any]:
    """The story record (DESIGN.md contract); its title is its earliest document's title."""
    docs = sorted((corpus.docs[d] for d in doc_ids), key=_age)
    event_ids = sorted(set().union(*(corpus.docs[d].events for d in doc_ids)))
    dates = [f.date for f in docs if f.date]
    for e in event_ids:
        dates += list(corpus.event_dates.get(e, ()))
    return {
        "type": "story",
        "id": sid,
        "title": next((f.title for f in docs if f.title), None),
        "document_ids": [f.id for f in docs],
        "event_ids": event_ids,
        "first_date": min(dates) if dates else None,
        "last_date": max(dates) if dates else None,
    }
