"""Is a bare weekday or month in a past or a future clause?

News leaves the year and week implicit: "on Wednesday" in "announced on Wednesday" is the last
Wednesday, in "will meet on Friday" the next Friday. A full parse is not needed: the nearest
tense cue in the same sentence decides. Strong cues (auxiliaries, reporting verbs, "will")
beat weak ones (any "-ed" word), which count as a little further away.
"""

from __future__ import annotations

import re
from typing import Literal

from . import patterns as P

Tense = Literal["past", "future"] | None

_FUTURE = re.compile(
    r"(?<![A-Za-z])(?:will|may|might|won't|shall|would|going to|plans?\s+to|planning|planned|intends?\s+to|intending"
    r"|expected\s+to|expects?|scheduled|due\s+to|set\s+to|(?:is|are|was|were)\s+to|to\s+be\s+held"
    r"|upcoming|forthcoming|deadline|vows?|vowing|vowed|pledges?|pledged|pledging"
    r"|promis\w*|aims?\s+to|hopes?\s+to|threatens?\s+to|next|tomorrow|coming)\b|'ll\b"
)
# Prepositions that lean future only right before the expression ("starting on Friday", "by May").
_WEAK_FUTURE = re.compile(r"(?i)\b(?:starting|beginning|from|by|until|till|before)\s+(?:on\s+|in\s+)?$")
_PAST = re.compile(
    r"(?<![A-Za-z])(?:was|were|had|did|said|told|added|ago|last|yesterday|earlier|came|went|took|gave|made|began"
    r"|fled|left|met|held|led|lost|won|fell|struck|shot|fought|hit|saw|sent|spoke|wrote|rose|stood|brought"
    r"|knew|got|ran|became|drove|broke|chose|wore|told|sought|caught|thought|bought|killed|announced"
    r"|(?:has|have)\s+\w+ed)\b"
)
# Present-tense verbs of schedules ("the ceasefire starts at 1800 GMT on Tuesday"): a future cue.
_SCHEDULE = re.compile(r"(?<![A-Za-z])(?:" + "|".join(re.escape(v) for v in P.SCHEDULE_VERBS) + r")\b")
_WEAK_PAST = re.compile(r"(?<![A-Za-z])[a-z]{2,}ed\b")
_NOT_VERB = frozenset(
    ["need", "indeed", "speed", "seed", "feed", "bed", "red", "hundred", "armed", "united", "based", "backed", "expected", "planned", "scheduled", "proposed", "alleged", "suspected", "injured", "wounded", "concerned", "limited", "detailed", "advanced", "related", "called", "so-called", "interested", "skilled", "aged", "unarmed", "unidentified", "armoured", "armored", "shared", "embed", "proceed", "exceed", "succeed", "breed", "greed", "steed", "weed"]
)
_SENT_END = re.compile(r"[.!?]\s|\n")
_WINDOW = 240


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Approximate sentence around [start, end): punctuation or line break, at most 240 chars away."""
    lo = max(0, start - _WINDOW)
    left = lo
    for m in _SENT_END.finditer(text, lo, start):
        left = m.end()
    hi = min(len(text), end + _WINDOW)
    m2 = _SENT_END.search(text, end, hi)
    right = m2.start() + 1 if m2 else hi
    return left, right


def clause_tense(text: str, start: int, end: int) -> Tense:
    """"past", "future" or None for the expression at [start, end), from the nearest tense cue.

    Cues are matched in lower case only (verbs inside a sentence), which keeps this cheap.
    """
    left, right = sentence_bounds(text, start, end)
    best: tuple[float, str] | None = None

    def consider(lo: int, hi: int, is_left: bool) -> None:
        nonlocal best
        for rx, label, penalty in ((_FUTURE, "future", 0.0), (_PAST, "past", 0.0), (_SCHEDULE, "future", 4.0),
                                   (_WEAK_PAST, "past", 8.0)):
            for m in rx.finditer(text, lo, hi):
                word = m.group(0).lower()
                if penalty and word in _NOT_VERB:
                    continue
                if label == "past" and text[max(0, m.start() - 3) : m.start()] in ("be ", "re "):
                    continue  # "will be held", "they're expected": not a past tense
                dist = (start - m.end()) if is_left else (m.start() - end)
                between = text[m.end() : start] if is_left else text[end : m.start()]
                # a cue in another clause ("..., a spokesman said") counts as further away
                score = dist + penalty + (15.0 if "," in between or ";" in between else 0.0)
                if best is None or score < best[0]:
                    best = (score, label)

    consider(left, start, True)
    consider(end, right, False)
    if _WEAK_FUTURE.search(text, max(left, start - 20), start) and (best is None or best[0] > 10):
        return "future"
    return best[1] if best else None  # type: ignore[return-value]
