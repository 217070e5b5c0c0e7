"""Whether a text is written all in lower case: the one fact about a text's letters that both the
cased view (``recase``) and the place finder need (the latter reads the model's entity labels
on such text as guesses)."""

from __future__ import annotations

from functools import lru_cache

#: Below this share of capitals among letters a text counts as written in lower case.
LOWER_SHARE = 0.005


@lru_cache(maxsize=8)  # asked for each place looked up in a document
def is_lowercased(text: str) -> bool:
    """True when the text has letters but almost no capitals (an all-lowercase archive)."""
    sample = text[:20_000]
    letters = sum(map(str.isalpha, sample))
    if letters < 20:
        return False
    upper = sum(map(str.isupper, sample))
    return upper / letters < LOWER_SHARE
