"""Text similarity shared by fusion and stories: content words, their Jaccard, and MinHash
sketches made without regenerating their permutations."""

from __future__ import annotations

import re
import sys
from functools import lru_cache
from typing import Any

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
def wordset(text: str) -> frozenset[str]:
    """Interned: the sets compared members keep between chunks (fusion's member signatures)
    share their words, a third less memory per member."""
    return frozenset(sys.intern(w) for w in words(text))


def jaccard(wa: frozenset[str], wb: frozenset[str]) -> float:
    if not wa or not wb:
        return 0.0
    common = len(wa & wb)
    return common / (len(wa) + len(wb) - common)


def similarity(a: str, b: str) -> float:
    """Jaccard similarity of the content words of two texts. Exact: for a pair of reports a set
    intersection costs less than comparing two MinHash signatures and has no estimation error
    (MinHash is for blocking, where pairs are never formed)."""
    return jaccard(wordset(a), wordset(b))
