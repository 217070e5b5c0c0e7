"""Fusion: the same real-world event, statement or figure reported several times becomes one
record with several mentions. Incremental: new extractions merge into what the store holds.

Rules (see docs/fusion.md):
- candidates are blocked by kind-specific keys (PLOVER and ACLED type and each actor for events,
  speaker for statements, measure and value for figures, with MinHash LSH bands of the words),
  so comparisons stay local;
- events must agree on type, share an actor (or both name none), have compatible dates (ranges
  that overlap; an undated event never fuses with a dated one unless the texts are near-copies)
  and be lexically similar (Jaccard of their content-word sets);
- every source's value is kept: ``disagreements`` lists each field where members differ, and
  the shown value follows ``_choose``: the most reported value, ties to the most conservative
  (lowest fatalities, most precise date).
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import re
import sys
import weakref
from collections import Counter, OrderedDict, defaultdict
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import Any

from .store.db import Store

EVENT_SIMILARITY = 0.18  # Jaccard of content-word sets, dated and compatible
UNDATED_SIMILARITY = 0.5  # when one side has no date: near-copies only
STATEMENT_SIMILARITY = 0.6

_WORD = re.compile(r"[a-z0-9]+")
_STOP = frozenset(
    ["the", "a", "an", "of", "to", "in", "on", "at", "by", "for", "and", "or", "with", "from", "that", "this", "its", "their", "his", "her", "it", "is", "was", "were", "be", "been", "has", "have", "had", "as", "but", "not", "will", "would", "said", "says", "say", "after", "before", "over", "than", "into", "about", "which", "who"]
)


def words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower()) if w not in _STOP and len(w) > 1}


_PERMUTATIONS: dict[int, tuple[Any, str]] = {}


def new_minhash(num_perm: int) -> Any:
    """An empty ``MinHash(num_perm)``, the same as datasketch's default one, without
    regenerating its permutations (that costs ~1 ms a sketch; this ~0.07 ms)."""
    from datasketch import MinHash

    cached = _PERMUTATIONS.get(num_perm)
    if cached is None:
        m = MinHash(num_perm=num_perm)
        _PERMUTATIONS[num_perm] = (m.permutations, m.scheme)
        return m
    perms, scheme = cached
    return MinHash(num_perm=num_perm, permutations=perms, scheme=scheme)


@lru_cache(maxsize=8192)
def _wordset(text: str) -> frozenset[str]:
    """Interned: the sets compared members keep between chunks (``_MemberSignatures``) share
    their words, a third less memory per member."""
    return frozenset(sys.intern(w) for w in words(text))


def similarity(a: str, b: str) -> float:
    """Jaccard similarity of the content words of two texts. Exact: for a pair of reports a set
    intersection costs less than comparing two MinHash signatures and has no estimation error
    (MinHash is for blocking, where pairs are never formed)."""
    return _jaccard(_wordset(a), _wordset(b))


def _text(rec: dict[str, Any]) -> str:
    return " ".join(m.get("text", "") for m in rec.get("mentions", []))


def _range(rec: dict[str, Any]) -> tuple[str, str] | None:
    start = rec.get("date_start") or rec.get("date")
    end = rec.get("date_end") or rec.get("date")
    if not start:
        return None
    return str(start), str(end or start)


def _overlap(ra: tuple[str, str], rb: tuple[str, str]) -> bool:
    """Whether two date ranges overlap, compared as prefixes so "2021-06" overlaps "2021-06-14"."""

    def lo(x: str) -> str:
        return x.ljust(10, "0")

    def hi(x: str) -> str:
        return x + "~"

    return lo(ra[0]) <= hi(rb[1]) and lo(rb[0]) <= hi(ra[1])


def _actors(rec: dict[str, Any]) -> set[str]:
    return {(rec.get(k) or {}).get("name") for k in ("actor1", "actor2")} - {None}  # type: ignore[return-value]


# A record's signature is everything its matcher reads of it, with the text as its set of content
# words: members with one signature match alike, so a record reported 500 times in the same words
# is compared once, and each signature is computed once per fusion chunk, not once per pair.
def _event_signature(rec: dict[str, Any]) -> Any:
    return (
        rec.get("plover_type"),
        rec.get("acled_event_type") or None,
        (rec.get("location") or {}).get("admin1"),
        frozenset(_actors(rec)),
        _range(rec),
        _wordset(_text(rec)),
    )


def _statement_signature(rec: dict[str, Any]) -> Any:
    sp = rec.get("speaker") or {}
    return (sp.get("name") or sp.get("organization"), _wordset(rec.get("quote", "")))


FIGURE_KEY = ("measure", "subject", "value", "unit", "period_start", "period_end")  # a figure's identity


def _figure_signature(rec: dict[str, Any]) -> Any:
    return tuple(rec.get(k) for k in FIGURE_KEY)


def _jaccard(wa: frozenset[str], wb: frozenset[str]) -> float:
    if not wa or not wb:
        return 0.0
    common = len(wa & wb)
    return common / (len(wa) + len(wb) - common)


#: ACLED's generic actors: sharing one says little about being the same event.
GENERIC_ACTOR_PREFIXES = (
    "Unidentified", "Civilians", "Protesters", "Rioters", "Military Forces of", "Police Forces of"
)


def _events_match(a: Any, b: Any) -> bool:
    type_a, acled_a, admin1_a, actors_a, range_a, words_a = a
    type_b, acled_b, admin1_b, actors_b, range_b, words_b = b
    if type_a != type_b or acled_a != acled_b:
        return False
    if admin1_a and admin1_b and admin1_a != admin1_b:
        return False
    if not actors_a & actors_b and (actors_a or actors_b):  # share an actor, or both name none
        return False
    if range_a and range_b and not _overlap(range_a, range_b):
        return False
    if not (range_a and range_b) and not (admin1_a and admin1_b) and not any(
        not name.startswith(GENERIC_ACTOR_PREFIXES) for name in actors_a & actors_b
    ):
        return False  # not both dated, not both placed, no named party: too little to tell apart
    sim = _jaccard(words_a, words_b)
    if (range_a is None) != (range_b is None):  # only one is dated
        return sim >= UNDATED_SIMILARITY
    return sim >= EVENT_SIMILARITY


def _statements_match(a: Any, b: Any) -> bool:
    return a[0] == b[0] and _jaccard(a[1], b[1]) >= STATEMENT_SIMILARITY


def _figures_match(a: Any, b: Any) -> bool:
    return a == b and bool(a[0])


def same_event(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return _events_match(_event_signature(a), _event_signature(b))


def same_statement(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return _statements_match(_statement_signature(a), _statement_signature(b))


def same_figure(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return _figures_match(_figure_signature(a), _figure_signature(b))


SIGNATURES: dict[str, Callable[[dict[str, Any]], Any]] = {
    "event": _event_signature,
    "statement": _statement_signature,
    "figure": _figure_signature,
}
# each kind's matcher, on two signatures
MATCHERS: dict[str, Callable[[Any, Any], bool]] = {
    "event": _events_match,
    "statement": _statements_match,
    "figure": _figures_match,
}
DISAGREEMENT_FIELDS = {
    "event": ["fatalities", "date", "actor1", "actor2", "location", "status"],
    "statement": ["intent"],
    "figure": [],
}


def _block(kind: str, rec: dict[str, Any]) -> str:
    if kind == "event":  # both must be equal for a match
        return f"{rec.get('plover_type')}|{rec.get('acled_event_type') or ''}"
    if kind == "statement":
        sp = rec.get("speaker") or {}
        return str(sp.get("name") or sp.get("organization"))
    return "|".join(str(rec.get(k)) for k in FIGURE_KEY)


# LSH banding of a 128-permutation MinHash: (bands, rows). A band of one row is one word (the
# one with the lowest hash under that permutation): two texts share it with probability equal to
# their Jaccard, so 12 of them make pairs at Jaccard 0.18 candidates with p ~ 0.91 (64 bands of 2
# rows gave 0.88 with five times the keys, and each key is a row written and an index probe).
# Events get them per ISO week their dates cover (undated ones under "undated"), within each
# actor's pool; near-copy bands (8 of 1 row: p ~ 0.996 at Jaccard 0.5) are how an undated report
# meets a dated copy. Statements: 32 bands of 4 rows (~0.5).
_BANDS = {"event": (12, 1), "statement": (32, 4)}
_COPY_BANDS = (8, 1)
_KEY_PERM = 128
MAX_KEYED_WEEKS = 10  # a longer date range (a month is 4-6 weeks) is keyed as a near-copy only
MAX_CANDIDATES = 50  # per new extraction: the records sharing the most keys with it
# a key is looked up in the records that most recently got it, at most this many: a key that
# thousands of records share (a stock phrase, a common undated template) says little, and
# reading all of them made each extraction cost more the larger the store
MAX_KEY_RECORDS = 100


def _key_text(kind: str, rec: dict[str, Any]) -> str:
    return rec.get("quote", "") if kind == "statement" else _text(rec)


def _weeks(rec: dict[str, Any]) -> tuple[str, ...]:
    """ISO weeks a dated event's range covers: only events whose ranges overlap can fuse, so
    blocking by week keeps the candidates of a record to its own weeks on any store size."""
    span = _range(rec)
    if span is None:
        return ()
    try:
        lo = _day(span[0], first=True)
        hi = _day(span[1], first=False)
    except ValueError:
        return ()
    if hi < lo or (hi - lo).days > 7 * MAX_KEYED_WEEKS:
        return ()
    weeks = []
    day = lo - dt.timedelta(days=lo.weekday())
    while day <= hi:
        year, week, _ = day.isocalendar()
        weeks.append(f"{year}-W{week:02d}")
        day += dt.timedelta(days=7)
    return tuple(weeks)


def _day(value: str, first: bool) -> dt.date:
    """The first or last day of a YYYY, YYYY-MM or YYYY-MM-DD value."""
    parts = [int(p) for p in value[:10].split("-")]
    if len(parts) == 3:
        return dt.date(*parts)
    if len(parts) == 2:
        start = dt.date(parts[0], parts[1], 1)
        return start if first else (start + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
    return dt.date(parts[0], 1, 1) if first else dt.date(parts[0], 12, 31)


def blocking_keys(kind: str, rec: dict[str, Any]) -> set[str]:
    """Keys under which a record can meet its duplicates: type block + LSH bands of its words."""
    return set(_keys(kind, rec))


@lru_cache(maxsize=4096)
def _bands(kind: str, key_text: str, weeks: tuple[str, ...] = ()) -> tuple[frozenset[str], frozenset[str]]:
    """(near-copy bands, bands) of a text, by value: syndicated copies share their texts and dates."""
    toks = sorted(_wordset(key_text))
    if not toks:
        return frozenset(), frozenset(["empty"])
    m = new_minhash(_KEY_PERM)
    m.update_batch([t.encode("utf-8") for t in toks])
    hv = m.hashvalues

    def bands(bands: int, rows: int) -> list[str]:
        return [hashlib.md5(hv[b * rows : (b + 1) * rows].tobytes()).hexdigest()[:12] for b in range(bands)]

    if kind == "statement":
        return frozenset(), frozenset(f"{b}|{h}" for b, h in enumerate(bands(*_BANDS[kind])))
    copies = frozenset(f"c{b}|{h}" for b, h in enumerate(bands(*_COPY_BANDS)))
    dated = bands(*_BANDS[kind]) if weeks else []
    return copies, frozenset(f"{w}|{b}|{h}" for w in weeks for b, h in enumerate(dated))


@lru_cache(maxsize=65536)
def _short(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def _keys(kind: str, rec: dict[str, Any]) -> frozenset[str]:
    """A record's blocking keys. An event's keys live in the pool of each actor it names (or in
    pool "-"): events fuse only when they share an actor or both name none."""
    block = _short(_block(kind, rec))
    if kind not in _BANDS:
        return frozenset([block])
    if kind == "statement":
        return frozenset(f"{block}|{s}" for s in _bands(kind, _key_text(kind, rec))[1])
    weeks = _weeks(rec) if _range(rec) else ("undated",)  # two undated reports: like two of one week
    copies, dated = _bands(kind, _key_text(kind, rec), weeks)
    pools = [_short(a) for a in sorted(_actors(rec))] or ["-"]
    return frozenset(f"{block}|{p}|{s}" for p in pools for s in copies | dated)


def _candidates(keys: frozenset[str], index: dict[str, dict[str, None]]) -> list[str]:
    """The records sharing the most blocking keys with a new extraction (LSH's estimate of
    the most similar), at most ``MAX_CANDIDATES`` of them, in a fixed order."""
    shared: Counter[str] = Counter()
    for k in keys:
        shared.update(iter(index.get(k, ())))  # the records, not a mapping to add up
    if len(shared) > MAX_CANDIDATES:
        return sorted(sorted(shared, key=lambda f: (-shared[f], f))[:MAX_CANDIDATES])
    return sorted(shared)


def _label(value: Any) -> Any:
    if isinstance(value, dict):
        return value.get("name")
    return value


def _choose(field: str, values: list[Any]) -> Any:
    """The shown value: the most reported; ties go to the most conservative."""
    present = [v for v in values if v is not None]
    if not present:
        return None
    counts = Counter(repr(v) for v in present)
    best = max(counts.values())
    tied = [v for v in present if counts[repr(v)] == best]
    if field == "fatalities":
        return min(tied)
    if field == "date":
        return max(tied, key=lambda d: len(str(d)))
    return tied[0]


DATE_FIELDS = ("date", "date_precision", "date_start", "date_end")


def new_tally(kind: str, first: dict[str, Any]) -> dict[str, Any]:
    """What merging needs to know of a record's members, kept with the record so that a new
    report merges without reading the others: the first member (ids and unmerged fields come
    from it), each member's document and its value of every merged field (as an index into the
    field's distinct values: members mostly agree, so this stays small), the date fields of the
    first member with each date, the statement ids and the sources."""
    tally: dict[str, Any] = {
        "base": {k: v for k, v in first.items() if k != "mentions"},
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
    disagreements = []
    for field, column in tally["values"].items():
        distinct = column["distinct"]
        per_doc = [(d, distinct[i] if i >= 0 else None) for d, i in zip(tally["docs"], column["index"], strict=True)]
        labels = {repr(_label(v)) for _, v in per_doc if v is not None}
        if len(labels) > 1:
            disagreements.append(
                {"field": field, "values": [{"doc_id": d, "value": _label(v)} for d, v in per_doc if v is not None]}
            )
        shown = _choose(field, [v for _, v in per_doc])
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
    return from_tally(kind, tally) | {"mentions": [m for r in members for m in r["mentions"]]}


CHUNK = 500
COMPARED_ENDS = 25


def _ends(
    store: Store, kind: str, added: dict[str, list[dict[str, Any]]], touched: list[str],
    kept: dict[str, dict[str, list[str]]],
) -> dict[str, dict[str, list[str]]]:
    """The ids of each record's first and last ``COMPARED_ENDS`` members after this chunk, from
    ``kept``, the ends as read for comparison (a record fused before they were kept gets them
    from its members once)."""
    if missing := [f for f in touched if f not in kept]:
        for fid, ms in store.fused_members(kind, missing, ends=COMPARED_ENDS).items():
            ids = [m["id"] for m in ms]
            kept[fid] = {"first": ids[:COMPARED_ENDS], "last": ids[-COMPARED_ENDS:]}
    out = {}
    for fid, recs in added.items():
        e = kept.get(fid, {"first": [], "last": []})
        new = [r["id"] for r in recs]
        out[fid] = {"first": (e["first"] + new)[:COMPARED_ENDS], "last": (e["last"] + new)[-COMPARED_ENDS:]}
    return out


KEPT_SIGNATURES = 50_000  # compared members whose signature stays in memory between chunks (~1 KB each)


class _MemberSignatures:
    """Signature and key words of compared members by extraction id, the most recently used kept.

    One chunk's candidates are largely the last chunk's (the records reported most); reading and
    decoding their members again was a third of fusion time at 2,000 pages. A stored
    extraction's data never changes, so a kept entry never goes stale; which members a record
    has is read from the store every time (``fusion_ends``)."""

    def __init__(self, size: int = KEPT_SIGNATURES) -> None:
        self.size = size
        self._kept: OrderedDict[tuple[str, str], tuple[Any, frozenset[str]]] = OrderedDict()

    def of(self, store: Store, kind: str, ids: Iterable[str]) -> dict[str, tuple[Any, frozenset[str]]]:
        out: dict[str, tuple[Any, frozenset[str]]] = {}
        for eid in ids:
            if (hit := self._kept.get((kind, eid))) is not None:
                self._kept.move_to_end((kind, eid))
                out[eid] = hit
        signature = SIGNATURES[kind]
        for eid, data in store.extraction_data([eid for eid in ids if eid not in out]):
            out[eid] = self._kept[(kind, eid)] = (signature(data), _wordset(_key_text(kind, data)))
        while len(self._kept) > self.size:
            self._kept.popitem(last=False)
        return out


# one per open store: entries of another database (same ids, other data) are never seen
_SIGNATURES_OF: weakref.WeakKeyDictionary[Store, _MemberSignatures] = weakref.WeakKeyDictionary()


def fuse(store: Store, chunk: int = CHUNK) -> dict[str, int]:
    """Merge every not-yet-fused extraction into the store's fused records.

    Works through pending extractions ``chunk`` at a time; each one meets only the fused
    records that share a blocking key with it, so time and memory do not grow with the store.
    """
    merged_counts: dict[str, int] = {}
    for kind in ("statement", "event", "figure"):
        merged_counts[kind] = 0
        while pending := store.unfused(kind, limit=chunk):
            merged_counts[kind] += _fuse_chunk(store, kind, pending)
    return merged_counts


def _fuse_chunk(store: Store, kind: str, pending: list[Any]) -> int:
    recs = [{**e.data, "id": e.id} for e in pending]
    keys_of = {r["id"]: _keys(kind, r) for r in recs}
    # only keys of this chunk are ever looked up (new records' keys are among them)
    # key -> the records that got it, oldest first (a dict as an ordered set), at most MAX_KEY_RECORDS
    index: dict[str, dict[str, None]] = defaultdict(dict)
    stored_rows: Counter[str] = Counter()  # rows each key has in the store (at most MAX_KEY_RECORDS)
    for k, fid in store.fusion_index(kind, set().union(*keys_of.values()), per_key=MAX_KEY_RECORDS):
        index[k][fid] = None
        stored_rows[k] += 1
    # a new extraction is compared with the first and last members of each candidate record
    # (all of them up to 2 x COMPARED_ENDS): bounded work per extraction on any store size
    signature, matcher = SIGNATURES[kind], MATCHERS[kind]
    # each candidate's members by signature (the matcher gives the same answer for all of one),
    # with the words of their key text, which pick the closest record when several match
    distinct: dict[str, dict[Any, frozenset[str]]] = {}

    signatures = _SIGNATURES_OF.setdefault(store, _MemberSignatures())
    ends_of: dict[str, dict[str, list[str]]] = {}

    def read(fids: Iterable[str]) -> None:
        fids = list(fids)
        ends_of.update(store.fusion_ends(kind, fids))
        compared = {f: list(dict.fromkeys(ends_of[f]["first"] + ends_of[f]["last"])) for f in fids if f in ends_of}
        known = signatures.of(store, kind, [m for ids in compared.values() for m in ids])
        for fid, ids in compared.items():
            sigs = distinct.setdefault(fid, {})
            for m in ids:
                if m in known:  # a member another run is deleting is no member
                    sig, words = known[m]
                    sigs.setdefault(sig, words)
        # records fused before their ends were kept: rank their members in the store
        unkept = [f for f in fids if f not in ends_of]
        for fid, ms in store.fused_members(kind, unkept, ends=COMPARED_ENDS).items() if unkept else ():
            sigs = distinct.setdefault(fid, {})
            for member in ms:
                sig = signature(member)
                if sig not in sigs:
                    sigs[sig] = _wordset(_key_text(kind, member))

    # only the candidates are read: those of the index as it stands, in one query; the few that
    # the records this chunk adds to the index bring forward are read when they come up
    read(set().union(*(_candidates(keys_of[r["id"]], index) for r in recs)))
    added: dict[str, list[dict[str, Any]]] = defaultdict(list)
    links: dict[str, str] = {}
    new_keys: list[tuple[str, str]] = []
    merged = 0
    for rec in recs:
        keys = keys_of[rec["id"]]
        candidates = _candidates(keys, index)
        if unread := [fid for fid in candidates if fid not in distinct]:
            read(unread)
        sig, rec_words = signature(rec), _wordset(_key_text(kind, rec))
        matches = [fid for fid in candidates if any(matcher(s, sig) for s in distinct[fid])]
        if matches:
            target = max(matches, key=lambda f: max(_jaccard(w, rec_words) for w in distinct[f].values()))
            merged += 1
        else:
            target = rec["id"]
        distinct.setdefault(target, {}).setdefault(sig, rec_words)
        added[target].append(rec)
        for k in keys:
            if target not in index[k]:
                index[k][target] = None
                if len(index[k]) > MAX_KEY_RECORDS:
                    del index[k][next(iter(index[k]))]
                new_keys.append((k, target))
        links[rec["id"]] = target
    # merged values and disagreements count every member, not only the compared ones: a record
    # carries their tally; one without (fused before tallies were kept) is tallied from its members
    touched = [fid for fid in added if fid not in links]
    tallies = store.fusion_tallies(kind, touched)
    untallied = [fid for fid in touched if fid not in tallies]
    for fid, ms in store.fused_members(kind, untallied).items() if untallied else ():
        tallies[fid] = new_tally(kind, ms[0])
        for m in ms:
            tally_add(kind, tallies[fid], m)
    fused = []
    for fid in added:  # in order of first report: new records number the same whatever the chunks
        tally = tallies.setdefault(fid, new_tally(kind, added[fid][0]))
        for rec in added[fid]:
            tally_add(kind, tally, rec)
        fused.append(from_tally(kind, tally) | {"id": fid})
    new_mentions = [
        {**m, "record_id": links[rec["id"]], "extraction_id": rec["id"]} for rec in recs for m in rec["mentions"]
    ]
    ends = _ends(store, kind, added, touched, {f: ends_of[f] for f in touched if f in ends_of})
    stored_rows.update(k for k, _ in new_keys)
    full = [k for k, n in stored_rows.items() if n > MAX_KEY_RECORDS]  # rows no lookup returns again
    store.write_fused(kind, fused, links, new_keys, mentions=new_mentions, tallies=tallies, ends=ends,
                      trim_keys=full, keys_kept=MAX_KEY_RECORDS)  # fmt: skip
    return merged
