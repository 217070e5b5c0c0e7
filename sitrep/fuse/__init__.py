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
  the shown value follows ``tally._choose``: the most reported value, ties to the most conservative
  (lowest fatalities, most precise date).

Layout: ``match`` (signatures and matchers), ``keys`` (blocking keys and candidates), ``tally``
(merged values and disagreements), ``persist`` (the store's fusion-shaped reads and writes),
``incremental`` (the chunked run over pending extractions). Text similarity is shared with
stories in ``sitrep.similarity``.
"""

from __future__ import annotations

from ..similarity import new_minhash, similarity, words
from .incremental import CHUNK, COMPARED_ENDS, KEPT_SIGNATURES, fuse
from .keys import MAX_KEY_RECORDS, STORE_WIDE_KEY_RECORDS, _bands, blocking_keys, key_records, lookup
from .keys import candidates as _candidates
from .match import same_event, same_figure, same_statement
from .persist import FusionStore
from .tally import from_tally, merge, new_tally, tally_add

__all__ = [
    "CHUNK", "COMPARED_ENDS", "KEPT_SIGNATURES", "MAX_KEY_RECORDS", "FusionStore", "_bands", "_candidates",
    "STORE_WIDE_KEY_RECORDS", "blocking_keys", "from_tally", "fuse", "key_records", "lookup", "merge", "new_minhash", "new_tally", "same_event", "same_figure",
    "same_statement", "similarity", "tally_add", "words",
]  # fmt: skip
