"""Blocking keys: under which keys a record can meet its duplicates (a type block, then LSH
bands of a MinHash of its words, per ISO week and actor pool for events), and the candidates a
new extraction is compared with."""

from __future__ import annotations

import datetime as dt
import hashlib
import heapq
from collections import Counter
from functools import lru_cache
from itertools import chain
from typing import Any, NamedTuple

from ..similarity import new_minhash, wordset
from .match import FIGURE_KEY, actor_names, date_span, record_text


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
MAX_KEY_RECORDS = 100  # a key is looked up in the records that most recently got it, at most this many
# a key no week scopes (an undated event's bands, near-copy bands) is looked up in fewer: every
# undated report of its pool and type, of any year, shares it, and the copies an undated
# report has are the recent ones (syndication takes days). At 100, these keys were most of the
# rows a lookup read, more of them the larger the store
STORE_WIDE_KEY_RECORDS = 20


def block_number(kind: str, rec: dict[str, Any]) -> int:
    """A number for the record's block (every key of a record starts with its block, and records
    of different blocks never match): fusion partitions are block numbers modulo their count."""
    return int(hashlib.sha1(f"{kind}|{_block(kind, rec)}".encode()).hexdigest()[:7], 16)


def key_text(kind: str, rec: dict[str, Any]) -> str:
    return rec.get("quote", "") if kind == "statement" else record_text(rec)


def _weeks(rec: dict[str, Any]) -> tuple[str, ...]:
    """ISO weeks a dated event's range covers: only events whose ranges overlap can fuse, so
    blocking by week keeps the candidates of a record to its own weeks on any store size."""
    span = date_span(rec)
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
    return set(record_keys(kind, rec))


@lru_cache(maxsize=4096)
def _bands(kind: str, key_text: str, weeks: tuple[str, ...] = ()) -> tuple[frozenset[str], frozenset[str]]:
    """(near-copy bands, bands) of a text, by value: syndicated copies share their texts and dates."""
    toks = sorted(wordset(key_text))
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


def record_keys(kind: str, rec: dict[str, Any]) -> frozenset[str]:
    """The keys a record is stored under. An event's keys live in the pool of each actor it
    names (or in pool "-"): events fuse only when they share an actor or both name none. Its
    near-copy keys are "c" keys, or "d" keys for an event dated within its keyed weeks: only an
    undated or broadly dated report looks those up (``lookup``)."""
    return stored_and_looked_up(kind, rec)[0]


def _keys(kind: str, rec: dict[str, Any]) -> frozenset[str]:
    block = _short(_block(kind, rec))
    if kind not in _BANDS:
        return frozenset([block])
    return frozenset(f"{block}|{s}" for s in _bands(kind, key_text(kind, rec))[1])


class Lookup(NamedTuple):
    """What a new extraction looks up: ``keys`` each count one shared key, and each group of
    ``groups`` counts one when a record holds any of its keys (a near-copy band is one key,
    stored in the "c" or the "d" pool, or for a dated event read through its week bands)."""

    keys: frozenset[str]
    groups: tuple[tuple[str, ...], ...] = ()

    def all(self) -> frozenset[str]:
        return self.keys.union(*self.groups)


def lookup(kind: str, rec: dict[str, Any]) -> Lookup:
    """The keys a new extraction meets records under. An event dated within its keyed weeks can
    only fuse with a dated record whose dates overlap its own, which its week bands find, or with
    an undated or broadly dated one: it does not read the "d" near-copy keys every such event in
    the store writes, whatever its date; the week bands of a near-copy band stand for it."""
    return stored_and_looked_up(kind, rec)[1]


def stored_and_looked_up(kind: str, rec: dict[str, Any]) -> tuple[frozenset[str], Lookup]:
    """``record_keys`` and ``lookup`` of one extraction, derived once (fusion needs both)."""
    if kind == "event":
        return _event_keys(rec)
    keys = _keys(kind, rec)
    return keys, Lookup(keys)


def _event_keys(rec: dict[str, Any]) -> tuple[frozenset[str], Lookup]:
    block = _short(_block("event", rec))
    weeks = _weeks(rec) if date_span(rec) else ("undated",)  # two undated reports: like two of one week
    copies, banded = _bands("event", key_text("event", rec), weeks)
    pools = [f"{block}|{_short(a)}" for a in sorted(actor_names(rec))] or [f"{block}|-"]
    in_weeks = bool(weeks) and weeks != ("undated",)
    written = frozenset(f"{p}|{'d' if in_weeks else 'c'}{s[1:]}" for p in pools for s in copies)
    written |= frozenset(f"{p}|{s}" for p in pools for s in banded)
    groups = []
    for p in pools:
        for s in sorted(copies):
            band, value = s[1:].split("|")
            if in_weeks:
                groups.append((f"{p}|{s}", *(f"{p}|{w}|{band}|{value}" for w in weeks)))
            else:
                groups.append((f"{p}|{s}", f"{p}|d{s[1:]}"))
    return written, Lookup(frozenset(f"{p}|{s}" for p in pools for s in banded), tuple(groups))


def key_scope(key: str) -> str:
    """What bounds a blocking key in time: "week" (a dated event's bands of one ISO week),
    "undated" (an undated event's bands), "copy" or "dated copy" (near-copy bands an undated
    report writes or reads), "none" (statement and figure keys: no date at all)."""
    parts = key.split("|", 3)
    scope = parts[2] if len(parts) > 2 else ""
    if scope == "undated":
        return "undated"
    if len(scope) == 2 and scope[0] in "cd" and scope[1].isdigit():
        return "copy" if scope[0] == "c" else "dated copy"
    return "week" if "-W" in scope else "none"


def key_records(key: str) -> int:
    """How many of the records that got ``key`` last a lookup under it reads: fewer for an
    event key that no week scopes ("undated" bands, "c"/"d" near-copy bands)."""
    store_wide = key_scope(key) in ("undated", "copy", "dated copy")
    return STORE_WIDE_KEY_RECORDS if store_wide else MAX_KEY_RECORDS


def candidates(keys: Lookup | frozenset[str], index: dict[str, dict[str, None]]) -> list[str]:
    """The records sharing the most blocking keys with a new extraction (LSH's estimate of
    the most similar), at most ``MAX_CANDIDATES`` of them, in a fixed order."""
    if not isinstance(keys, Lookup):
        keys = Lookup(frozenset(keys))
    # counted in one C-level pass over the records of every key (a Python loop per key was a
    # third of the time of fusing an extraction)
    shared: Counter[str] = Counter(chain.from_iterable([index[k] for k in keys.keys if k in index]))
    shared.update(chain.from_iterable([set().union(*(index[k] for k in g if k in index)) for g in keys.groups]))
    if len(shared) > MAX_CANDIDATES:
        return sorted(heapq.nsmallest(MAX_CANDIDATES, shared, key=lambda f: (-shared[f], f)))
    return sorted(shared)
