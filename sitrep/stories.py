"""Stories: documents clustered by what they report, and syndicated copies linked.

Why: analysts read one story told by many outlets; grouping documents lets the report, the
exports and the web UI show "5 sources on the Kabul airport bombing" instead of five rows.

How (see docs/report.md for the reasoning behind each threshold):

- a document's *body* is its text minus boilerplate spans (navigation, share widgets...);
- **duplicates**: MinHash (128 permutations) over word 5-shingles of the body; documents whose
  estimated Jaccard is >= ``DUPLICATE_JACCARD`` (0.8) are syndicated copies, and every copy's
  ``duplicate_of`` names the earliest one (date, then ingest order);
- **similarity** of two documents = TF-IDF cosine of their body content words (unigrams,
  smoothed IDF) + ``EVENT_BONUS`` x Jaccard of their event keys (actors, places, day dates of
  the fused events they mention); sharing a fused event, or being copies, counts as 1.0 (2.0);
- **single link**: a new document joins the story of the most similar placed document when
  that similarity is >= ``STORY_THRESHOLD`` (0.25) and, when the document is dated, its date is
  at most ``MAX_GAP_DAYS`` from the story's dated span (so undated members cannot bridge
  2015 and 2021 news); otherwise it starts a story;
- **incremental, bounded**: documents are placed once, in ingest order, ``CHUNK`` at a time,
  and keep their story. Each placed document keeps its features (``story_docs``) and lookup
  keys (``story_keys``): the LSH bands of its MinHash, its fused events, its event keys and its
  ``TOP_TERMS`` highest-weighted words. A new document is compared only with the documents
  sharing a key with it (the ``MAX_KEY_DOCS`` that got each key last; at most
  ``MAX_CANDIDATES``, those sharing the most keys, plus every one sharing an event or a
  near-copy band), so placing one costs the same on any store and a run holds one chunk;
- the **IDF** of a word is its document frequency over the documents placed so far, the new
  one included (``story_words``): a document is weighted once, when it is placed, and keeps
  those weights (``story_docs.vector``), so the stories do not depend on how the documents were
  chunked and a comparison never recomputes a placed document's vector.
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import numpy as np

from .model import stable_id
from .similarity import new_minhash, words
from .store.db import Store

DUPLICATE_JACCARD = 0.8  # estimated Jaccard of word 5-shingles: syndicated copy
SHINGLE = 5
NUM_PERM = 128
DUP_BANDS = (9, 13)  # LSH (bands, rows) datasketch's MinHashLSH picks for Jaccard 0.8 at 128 permutations
STORY_THRESHOLD = 0.25  # single-link similarity needed to join a story
EVENT_BONUS = 0.3  # weight of shared event actors/places/dates in the similarity
MAX_GAP_DAYS = 10  # two dated documents further apart than this never link directly
TOP_TERMS = 20  # a document's highest-weighted words, its lookup keys
MAX_KEY_DOCS = 100  # a key is looked up in the documents that got it last, at most this many
MAX_CANDIDATES = 100  # compared documents per new one (plus those sharing an event or a band)
CHUNK = 200  # documents placed per transaction
MAX_WORD = 60  # longer "words" (run-together URLs, base64) are not counted
NO_DAY = "9999-99-99"  # undated documents sort after dated ones
_SHINGLE_WORD = re.compile(r"\w+")


@dataclass
class DocFeatures:
    """What placing needs of one document (its text is not kept)."""

    id: str
    seq: int  # ingest order
    title: str | None
    day: str | None  # ISO day (published, else reference date)
    terms: dict[str, int]  # content word -> count (of a new document; not kept)
    minhash: np.ndarray  # shingle MinHash values (uint32)
    events: list[str] = field(default_factory=list)  # fused event ids mentioning the document
    keys: list[str] = field(default_factory=list)  # actor:/place:/date: keys of those events
    event_days: list[str] = field(default_factory=list)  # days of its occurred, day/week-precise events
    story: str | None = None
    duplicate_of: str | None = None
    lookup: list[str] = field(default_factory=list)
    # unit TF-IDF, weighted as of its placement; None: a placed document's, not read (``_read_vectors``)
    vector: dict[str, float] | None = field(default_factory=dict)

    @property
    def age(self) -> tuple[str, int, str]:
        return (self.day or NO_DAY, self.seq, self.id)


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


def _event_days(ev: dict[str, Any]) -> list[str]:
    """Only day/week-precise dates of events that happened: a vaguer one ("2021") or a
    deadline ("troops leave by September 11") would stretch a story's span."""
    if not ev.get("date") or ev.get("date_precision") not in ("day", "week"):
        return []
    if ev.get("status", "occurred") != "occurred":
        return []
    return [str(ev.get("date_start") or ev["date"])[:10], str(ev.get("date_end") or ev["date"])[:10]]


def _outside(date: str | None, span: tuple[str, str] | None) -> bool:
    """True when a dated document lies more than MAX_GAP_DAYS outside a story's dated span."""
    if not date or span is None:
        return False
    day, lo, hi = (dt.date.fromisoformat(x) for x in (date, *span))
    return (lo - day).days > MAX_GAP_DAYS or (day - hi).days > MAX_GAP_DAYS


def _tokens(text: str) -> Iterable[str]:
    """Content words: lower-case, no stop words (fusion's list), no bare numbers."""
    return (w for w in re.findall(r"[a-z0-9]+", text.lower()) if _content_word(w))


@lru_cache(maxsize=65536)
def _content_word(w: str) -> bool:
    return len(w) <= MAX_WORD and not w.isdigit() and bool(words(w))


def features(doc: dict[str, Any], events: list[dict[str, Any]]) -> DocFeatures:
    """A stored document's features, with the fused events it reports."""
    body = body_text(doc)
    f = DocFeatures(
        id=doc["id"],
        seq=int(doc.get("seq") or 0),
        title=doc.get("title"),
        day=doc_date(doc),
        terms=dict(Counter(_tokens(body))),
        minhash=np.asarray(shingle_minhash(body).hashvalues, dtype=np.uint32),
        events=sorted({e["id"] for e in events}),
    )
    f.keys = sorted(set().union(*(_event_keys(e) for e in events))) if events else []
    f.event_days = sorted({d for e in events for d in _event_days(e)})
    return f


def _band_keys(values: np.ndarray) -> list[str]:
    bands, rows = DUP_BANDS
    return [f"d|{b}|{hashlib.md5(values[b * rows : (b + 1) * rows].tobytes()).hexdigest()[:16]}" for b in range(bands)]


def _key(text: str) -> str:
    """A lookup key that fits its column (200 characters)."""
    return text if len(text) <= 200 else text[:150] + "#" + hashlib.sha1(text.encode("utf-8")).hexdigest()


def copy_similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard of two shingle sets: the share of equal MinHash values."""
    return float(np.count_nonzero(a == b)) / len(a)


def idf(df: int, n: int) -> float:
    """Smoothed inverse document frequency (the same formula as scikit-learn's)."""
    return math.log((1 + n) / (1 + df)) + 1


def vector(terms: dict[str, int], df: Callable[[str], int], n: int) -> dict[str, float]:
    """Unit-length TF-IDF vector (sublinear tf)."""
    vec = {w: (1 + math.log(c)) * idf(df(w), n) for w, c in terms.items()}
    norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
    return {w: v / norm for w, v in vec.items()}


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    """Over the shared terms only, found by a set intersection in C (a Python loop over every
    term of the shorter vector was a tenth of the run process's time); summed exactly, so the
    order of the terms cannot change the result."""
    return math.fsum(a[w] * b[w] for w in a.keys() & b.keys())


def similarity(a: DocFeatures, b: DocFeatures) -> float:
    """How strongly two documents report the same thing (0..~1.3); see the module docstring."""
    if set(a.events) & set(b.events):
        return 1.0
    ka, kb = set(a.keys), set(b.keys)
    keys = len(ka & kb) / len(ka | kb) if ka and kb else 0.0
    if a.vector is None or b.vector is None:
        raise ValueError(f"the vector of {a.id if a.vector is None else b.id} was not read")
    return cosine(a.vector, b.vector) + EVENT_BONUS * keys


def _top_terms(f: DocFeatures) -> list[str]:
    vec = f.vector or {}
    return sorted(vec, key=lambda w: (-vec[w], w))[:TOP_TERMS]


def update_stories(store: Store, chunk: int = CHUNK, everywhere: bool = True) -> int:
    """Place the documents not yet in a story, mark syndicated copies; returns how many.

    ``everywhere=False``: only documents stored after the last placed one (what a run
    does after each batch; its last call looks everywhere)."""
    placed = 0
    while docs := store.unplaced_documents(chunk, everywhere=everywhere):
        _Chunk(store, docs).place()
        placed += len(docs)
    return placed


def _new_story(sid: str) -> dict[str, Any]:
    data: dict[str, Any] = {"type": "story", "id": sid, "title": None, "document_ids": [], "event_ids": [],
            "first_date": None, "last_date": None}  # fmt: skip
    return {"data": data, "span": None, "members": []}


def _add_member(state: dict[str, Any], f: DocFeatures) -> None:
    """The story record (DESIGN.md contract) with one more document: documents in age order,
    the title of the earliest titled one, dates over documents and their events."""
    members: list[list[Any]] = state["members"]
    bisect.insort(members, [f.day or NO_DAY, f.seq, f.id, f.title], key=lambda m: (m[0], m[1], m[2]))
    data = state["data"]
    data["document_ids"] = [m[2] for m in members]
    data["title"] = next((m[3] for m in members if m[3]), None)
    data["event_ids"] = sorted(set(data["event_ids"]) | set(f.events))
    dates = [d for d in (data["first_date"], data["last_date"], f.day, *f.event_days) if d]
    data["first_date"], data["last_date"] = (min(dates), max(dates)) if dates else (None, None)
    if f.day:
        lo, hi = state["span"] or (f.day, f.day)
        state["span"] = (min(lo, f.day), max(hi, f.day))


class _Chunk:
    """Places one chunk of new documents, in ingest order, against the placed ones."""

    def __init__(self, store: Store, docs: list[dict[str, Any]]) -> None:
        self.store = store
        events = store.events_of_documents(d["id"] for d in docs)
        self.new = [features(d, events.get(d["id"], [])) for d in docs]
        self.n0 = store.placed_count()
        self.stored_df = store.document_frequencies(set().union(*(f.terms for f in self.new)))
        self.placed: dict[str, DocFeatures] = {}  # documents read back from the store
        self.stories: dict[str, dict[str, Any]] = {}
        self.duplicates: dict[str, str | None] = {}
        self.repoint: dict[str, str] = {}
        self.index: dict[str, list[str]] = defaultdict(list)  # lookup key -> its documents (store rows, then new)

    def place(self) -> None:
        added: Counter[str] = Counter()  # document frequencies as the new documents are counted in
        for i, f in enumerate(self.new):  # weights and lookup keys, with the IDF as of each document
            added.update(f.terms.keys())
            f.vector = vector(f.terms, lambda w: self.stored_df.get(w, 0) + added[w], self.n0 + i + 1)
            keys = [*_band_keys(f.minhash), *(f"e|{e}" for e in f.events), *(f"k|{k}" for k in f.keys)]
            f.lookup = [_key(k) for k in keys + [f"t|{w}" for w in _top_terms(f)]]
        candidates = self._candidates()
        self._read_placed(set().union(*candidates) if candidates else set())
        self._read_vectors(candidates)
        for i, f in enumerate(self.new):
            self._place_one(f, [self._doc(d) for d in candidates[i]])
            self.placed[f.id] = f
        self._save(added)

    def _candidates(self) -> list[list[str]]:
        """For each new document, the documents it is compared with, oldest first."""
        index = self.index
        for k, d in self.store.story_lookup({k for f in self.new for k in f.lookup}, MAX_KEY_DOCS):
            index[k].append(d)
        out = []
        for f in self.new:
            shared: Counter[str] = Counter()
            forced: set[str] = set()
            for k in f.lookup:
                docs = index[k][-MAX_KEY_DOCS:]
                shared.update(docs)
                if k[0] in "de":  # a shared event or near-copy band is always compared
                    forced.update(docs)
            ranked = sorted(shared, key=lambda d: (-shared[d], d))[:MAX_CANDIDATES]
            out.append(sorted(set(ranked) | forced))
            for k in f.lookup:  # later documents of the chunk meet this one
                index[k].append(f.id)
        return out

    def _read_placed(self, ids: set[str]) -> None:
        """Placed documents without their vectors (``_read_vectors``)."""
        for d, row in self.store.placed_documents(ids - {f.id for f in self.new}).items():
            self.placed[d] = DocFeatures(
                id=d, seq=row["seq"], title=None, day=row["day"], terms={}, vector=None,
                minhash=np.frombuffer(bytes.fromhex(row["minhash"]), dtype="<u4"),
                events=row["events"], keys=row["keys"], story=row["story"], duplicate_of=row["duplicate_of"],
            )  # fmt: skip
        stories = {f.story for f in self.placed.values() if f.story}
        self.stories.update(self.store.story_states(stories))

    def _read_vectors(self, candidates: list[list[str]]) -> None:
        """The vectors of the placed documents some new one is compared with by words: one that
        shares a fused event with it scores 1.0 whatever its words. The documents that share
        the events of a page are most of the candidates when a store reports a few events
        often; their vectors were most of what a chunk read and held."""
        new = {f.id for f in self.new}
        wanted: set[str] = set()
        for f, ids in zip(self.new, candidates, strict=True):
            events = set(f.events)
            wanted.update(
                d for d in ids
                if d in self.placed and d not in new and events.isdisjoint(self.placed[d].events)
                and not self._ruled_out(f, self.placed[d])
            )  # fmt: skip
        for d, v in self.store.placed_vectors(wanted).items():
            self.placed[d].vector = v

    def _ruled_out(self, f: DocFeatures, placed: DocFeatures) -> bool:
        """A placed document whose story is dated too far from a new one as this chunk begins:
        it can only be the new one's near-copy (compared by MinHash), not its story by words.
        A document placed earlier in the chunk may still bring that story near; ``_place_one``
        then reads the vector when it compares the two."""
        story = self.stories.get(placed.story or "")
        return story is not None and _outside(f.day, story["span"])

    def _doc(self, doc_id: str) -> DocFeatures:
        """A placed document: read back, or placed earlier in this chunk (or an original
        outside the candidates, read when a copy names it)."""
        if doc_id not in self.placed:
            self._read_placed({doc_id})
        return self.placed[doc_id]

    def _place_one(self, f: DocFeatures, others: list[DocFeatures]) -> None:
        copies = {o.id for o in others if copy_similarity(f.minhash, o.minhash) >= DUPLICATE_JACCARD}
        self._mark_copy(f, copies)
        best, best_sim = None, 0.0
        for o in sorted(others, key=lambda o: (o.seq, o.id)):  # placement order: ties go to the first placed
            if o.id in copies:
                sim = 2.0
            elif _outside(f.day, self._story(o.story)["span"]):
                continue
            else:
                if o.vector is None and set(f.events).isdisjoint(o.events):  # its story came near in this chunk
                    o.vector = self.store.placed_vectors([o.id])[o.id]
                sim = similarity(f, o)
            if sim > best_sim:
                best, best_sim = o, sim
        if best is not None and best_sim >= STORY_THRESHOLD and best.story:
            f.story = best.story
        else:
            f.story = stable_id("story", f.id)
        _add_member(self._story(f.story), f)

    def _story(self, sid: str | None) -> dict[str, Any]:
        if sid not in self.stories:
            self.stories.update(self.store.story_states([sid] if sid else []))
        return self.stories.setdefault(sid or "", _new_story(sid or ""))

    def _mark_copy(self, f: DocFeatures, copies: set[str]) -> None:
        """``duplicate_of``: the earliest of the originals of the copies found. A new document
        older than all of them (published earlier, stored later) becomes their original."""
        if not copies:
            self.duplicates[f.id] = None
            return
        originals = {self._doc(c).duplicate_of or c for c in copies}
        oldest = min((self._doc(o) for o in originals), key=lambda o: o.age)
        if oldest.age < f.age:
            f.duplicate_of = oldest.id
            self.duplicates[f.id] = oldest.id
            return
        self.duplicates[f.id] = None
        for o in originals:  # every copy of o, in the store and in memory, now names f
            self.repoint[o] = f.id
            self.duplicates[o] = f.id
            for d in self.placed.values():
                if d.duplicate_of == o or d.id == o:
                    d.duplicate_of = f.id
            for doc_id, v in self.duplicates.items():
                if v == o:
                    self.duplicates[doc_id] = f.id

    def _save(self, added: Counter[str]) -> None:
        docs = [
            {"doc_id": f.id, "seq": f.seq, "story_id": f.story, "day": f.day,
             "minhash": f.minhash.astype("<u4").tobytes().hex(), "vector": f.vector, "events": f.events, "keys": f.keys}
            for f in self.new
        ]  # fmt: skip
        keys = [(k, f.id) for f in self.new for k in f.lookup]
        full = [k for k, docs in self.index.items() if len(docs) > MAX_KEY_DOCS]  # rows no lookup returns again
        frequencies = {w: (self.stored_df.get(w, 0), self.stored_df.get(w, 0) + n) for w, n in added.items()}
        stories = {sid: self.stories[sid] for sid in {f.story for f in self.new} if sid}
        self.store.save_story_placements(docs, keys, frequencies, stories, self.duplicates, self.repoint,
                                         trim_keys=full, keys_kept=MAX_KEY_DOCS)  # fmt: skip
