"""Incremental fusion: pending extractions are merged ``CHUNK`` at a time into the fused
records the store holds, each one compared only with the records sharing a blocking key."""

from __future__ import annotations

import weakref
from collections import Counter, OrderedDict, defaultdict
from collections.abc import Iterable
from typing import Any

from ..similarity import jaccard, wordset
from ..store import Store
from .keys import candidates as _candidates
from .keys import key_records, key_text, stored_and_looked_up
from .match import CONFLICTS, MATCHERS, SIGNATURES
from .persist import FusionStore, supported_mentions
from .tally import from_tally, new_tally, tally_add

# pending extractions per chunk: a run fuses after every batch of 32 pages (~1,600 extractions
# of three kinds), so each kind is one chunk and a record reported several times in a batch is
# read, tallied and written once (at 500, a fifth more fusion CPU; the records are the same)
CHUNK = 2000
COMPARED_ENDS = 25


KEPT_SIGNATURES = 150_000  # compared members whose signature stays in memory between chunks (~1 KB each)


class _MemberSignatures:
    """Signature and key words of compared members by extraction id, the most recently used kept.

    One chunk's candidates are largely the last chunk's (the records reported most); reading and
    decoding their members again was a third of fusion time at 2,000 pages. A stored
    extraction's data never changes, so a kept entry never goes stale; which members a record
    has is read from the store every time (``fusion_ends``)."""

    def __init__(self, size: int = KEPT_SIGNATURES) -> None:
        self.size = size
        self._kept: OrderedDict[tuple[str, str], tuple[Any, frozenset[str]]] = OrderedDict()

    def of(self, store: FusionStore, kind: str, ids: Iterable[str]) -> dict[str, tuple[Any, frozenset[str]]]:
        out: dict[str, tuple[Any, frozenset[str]]] = {}
        for eid in ids:
            if (hit := self._kept.get((kind, eid))) is not None:
                self._kept.move_to_end((kind, eid))
                out[eid] = hit
        signature = SIGNATURES[kind]
        for eid, data in store.extraction_data([eid for eid in ids if eid not in out]):
            out[eid] = self._kept[(kind, eid)] = (signature(data), wordset(key_text(kind, data)))
        self._trim()
        return out

    def keep(self, kind: str, entries: dict[str, tuple[Any, frozenset[str]]]) -> None:
        """Keep what a chunk computed of its new members (the next chunks compare new reports
        with them: read back from the store, their data was decoded again only to give this)."""
        for eid, entry in entries.items():
            self._kept[(kind, eid)] = entry
            self._kept.move_to_end((kind, eid))
        self._trim()

    def _trim(self) -> None:
        while len(self._kept) > self.size:
            self._kept.popitem(last=False)


# one per open store: entries of another database (same ids, other data) are never seen
_SIGNATURES_OF: weakref.WeakKeyDictionary[Store, _MemberSignatures] = weakref.WeakKeyDictionary()


def fuse(store: Store, chunk: int = CHUNK, partition: tuple[int, int] | None = None) -> dict[str, int]:
    """Merge every not-yet-fused extraction into the store's fused records.

    Works through pending extractions ``chunk`` at a time; each one meets only the fused
    records that share a blocking key with it, so time and memory do not grow with the store.
    ``partition`` (index, count): only the extractions of that partition of the fusion blocks
    (``sitrep.fuse.partitioned``; their block numbers must be assigned).
    """
    fusion = FusionStore(store)
    merged_counts: dict[str, int] = {}
    for kind in ("statement", "event", "figure"):
        merged_counts[kind] = 0
        while pending := fusion.unfused(kind, limit=chunk, partition=partition):
            merged_counts[kind] += _fuse_chunk(fusion, kind, pending)
    return merged_counts


def _fuse_chunk(store: FusionStore, kind: str, pending: list[tuple[Any, int]]) -> int:
    recs = [{**e.data, "id": e.id} for e, _ in pending]
    doc_seq = {e.id: seq for e, seq in pending}
    keyed = {r["id"]: stored_and_looked_up(kind, r) for r in recs}
    keys_of = {i: stored for i, (stored, _) in keyed.items()}  # the keys each is stored under
    lookups = {i: looked for i, (_, looked) in keyed.items()}  # and those it meets records under
    # only keys this chunk looks up are read (a key a record of the chunk is stored under and no
    # other looks up is written unread: its rows beyond its bound (keys.key_records) go when a chunk reads it)
    # key -> the records that got it, oldest first (a dict as an ordered set), at most key_records(key)
    index: dict[str, dict[str, None]] = defaultdict(dict)
    stored_rows: Counter[str] = Counter()  # rows each key has in the store (at most its bound)
    # keys holding more rows than are read: an event's "d" near-copy keys are written by dated
    # events and read only by undated ones, so no write of a reader trims them
    overfull: set[str] = set()
    looked = set().union(*(q.all() for q in lookups.values()))
    for k, fid in store.fusion_index(kind, looked, per_key=key_records, overfull=overfull):
        index[k][fid] = None
        stored_rows[k] += 1
    # a new extraction is compared with the first and last members of each candidate record
    # (all of them up to 2 x COMPARED_ENDS): bounded work per extraction on any store size. The
    # ends slide as a record gains reports within the chunk too, so what a report is compared
    # with does not depend on how the pending reports were cut into chunks or partitions
    signature, matcher, conflict = SIGNATURES[kind], MATCHERS[kind], CONFLICTS[kind]
    signatures = _SIGNATURES_OF.setdefault(store.store, _MemberSignatures())
    ends_of: dict[str, dict[str, list[str]]] = {}  # each read or new record's compared members
    members: dict[str, tuple[Any, frozenset[str]]] = {}  # their signatures and key words, by id
    # each candidate's compared members by signature (the matcher gives the same answer for all
    # of one), with the words of their key text, which pick the closest record when several match
    distinct: dict[str, dict[Any, frozenset[str]]] = {}

    def end_ids(fid: str) -> list[str]:
        ends = ends_of.get(fid, {"first": [], "last": []})
        return list(dict.fromkeys(ends["first"] + ends["last"]))

    def compared(fid: str) -> dict[Any, frozenset[str]]:
        out: dict[Any, frozenset[str]] = {}
        for m in end_ids(fid):
            if m in members:  # a member another run is deleting is no member
                sig, words = members[m]
                out.setdefault(sig, words)
        return out

    def read(fids: Iterable[str]) -> None:
        fids = list(fids)
        ends_of.update(store.fusion_ends(kind, fids))
        ids = [m for f in fids for m in end_ids(f)]
        members.update(signatures.of(store, kind, ids))
        # records fused before their ends were kept: rank their members in the store
        unkept = [f for f in fids if f not in ends_of]
        for fid, ms in store.fused_members(kind, unkept, ends=COMPARED_ENDS).items() if unkept else ():
            ranked = [m["id"] for m in ms]
            ends_of[fid] = {"first": ranked[:COMPARED_ENDS], "last": ranked[-COMPARED_ENDS:]}
            for member in ms:
                members[member["id"]] = (signature(member), wordset(key_text(kind, member)))
        for fid in fids:
            distinct[fid] = compared(fid)

    # only the candidates are read: those of the index as it stands, in one query; the few that
    # the records this chunk adds to the index bring forward are read when they come up
    read(set().union(*(_candidates(lookups[r["id"]], index) for r in recs)))
    added: dict[str, list[dict[str, Any]]] = defaultdict(list)
    links: dict[str, str] = {}
    new_keys: list[tuple[str, str]] = []
    merged = 0
    for rec in recs:
        keys = keys_of[rec["id"]]
        candidates = _candidates(lookups[rec["id"]], index)
        if unread := [fid for fid in candidates if fid not in distinct]:
            read(unread)
        sig, rec_words = signature(rec), wordset(key_text(kind, rec))
        matches = [
            fid for fid in candidates
            if any(matcher(s, sig) for s in distinct[fid]) and not any(conflict(s, sig) for s in distinct[fid])
        ]  # fmt: skip
        if matches:
            target = max(matches, key=lambda f: max(jaccard(w, rec_words) for w in distinct[f].values()))
            merged += 1
        else:
            target = rec["id"]
        members[rec["id"]] = (sig, rec_words)
        window = ends_of.get(target, {"first": [], "last": []})
        ends_of[target] = {"first": (window["first"] + [rec["id"]])[:COMPARED_ENDS],
                           "last": (window["last"] + [rec["id"]])[-COMPARED_ENDS:]}  # fmt: skip
        distinct[target] = compared(target)
        added[target].append(rec)
        for k in keys:
            if target not in index[k]:
                index[k][target] = None
                if len(index[k]) > key_records(k):
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
    for fid in added:  # in order of first report
        tally = tallies.setdefault(fid, new_tally(kind, added[fid][0]))
        for rec in added[fid]:
            tally_add(kind, tally, rec)
        fused.append(from_tally(kind, tally) | {"id": fid})
    new_mentions = [
        m | {"record_id": links[rec["id"]], "extraction_id": rec["id"]} for rec in recs for m in supported_mentions(rec)
    ]
    ends = {fid: ends_of[fid] for fid in added}
    # a record of the store merged into holds keys no report of the chunk looked up (an event's
    # "d" near-copy keys): those it already holds are not written again
    unread_keys = [(k, f) for k, f in new_keys if k not in looked and f not in keys_of]
    if unread_keys:
        held = store.held_keys(kind, unread_keys)
        new_keys = [pair for pair in new_keys if pair not in held]
    stored_rows.update(k for k, _ in new_keys)
    full = overfull | {k for k, n in stored_rows.items() if n > key_records(k)}  # rows no lookup returns again
    store.write_fused(kind, fused, links, new_keys, mentions=new_mentions, tallies=tallies, ends=ends,
                      trim_keys=sorted(full), keys_kept=key_records,
                      seqs={fid: doc_seq[fid] for fid in added if fid in doc_seq})  # fmt: skip
    new_ends = {m for window in ends.values() for m in window["first"] + window["last"] if m in links}
    signatures.keep(kind, {m: members[m] for m in new_ends})
    return merged
