"""Quantities in text: digits, number words and their qualifiers ("at least 20", "dozens").

Shared by fatalities (events) and figures. Each quantity keeps its exact offsets.
Vague amounts ("dozens", "hundreds") have ``value`` None and ``vague`` set, so callers can
record the qualifier without inventing a number.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from importlib import resources

MAX_VALUE = 10**12  # anything larger is not a count of people or things in news prose


@dataclass
class Quantity:
    start: int
    end: int
    text: str
    value: float | None
    qualifier: str | None = None  # exact, at least, more than, about, up to, nearly, ...
    vague: str | None = None  # "dozens", "hundreds" when no number is given
    percent: bool = False


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, dict[str, object]]:
    data = resources.files("sitrep.data").joinpath("numbers.json").read_text(encoding="utf-8")
    return json.loads(data)  # type: ignore[no-any-return]


def _units() -> dict[str, int]:
    return _lexicon()["units"]  # type: ignore[return-value]


def _scales() -> dict[str, int]:
    return _lexicon()["scales"]  # type: ignore[return-value]


def _qualifiers() -> dict[str, str]:
    return _lexicon()["qualifiers"]  # type: ignore[return-value]


def _vague() -> dict[str, str]:
    return _lexicon()["vague"]  # type: ignore[return-value]


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    words = sorted({*_units(), *_scales()}, key=len, reverse=True)
    word_alt = "|".join(re.escape(w) for w in words)
    quals = "|".join(re.escape(q) for q in sorted(_qualifiers(), key=len, reverse=True))
    vague = "|".join(re.escape(v) for v in sorted(_vague(), key=len, reverse=True))
    # digits: 1,000 / 1.5 / 10000 ; optional scale word ("1.5 million"); or number words
    digits = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
    # ("and" only after a scale word: "one hundred and four", not "between two and four")
    after_scale = r"(?:(?<=hundred)|(?<=thousand)|(?<=million)|(?<=billion))"
    words_num = rf"(?:{word_alt})(?:(?:{after_scale}[\s-]+and[\s-]+|[\s-]+)(?:{word_alt}))*"
    return re.compile(
        rf"(?P<qual>\b(?:{quals})\s+)?"
        rf"(?:(?P<digits>(?<![\w.,^])(?:{digits}))(?![\w^]|[.,]\d)(?:\s*(?P<scale>million|billion|thousand|hundred)\b)?"
        rf"|(?P<words>\b{words_num}\b)"
        rf"|(?P<vague>\b(?:{vague})\b))"
        rf"(?P<pct>\s*(?:%|per\s?cent|percent)\b|%)?",
        re.IGNORECASE,
    )


def words_to_number(text: str) -> float | None:
    """'twenty-five' -> 25, 'three hundred' -> 300, 'two million' -> 2e6; None if not a number."""
    units, scales = _units(), _scales()
    whole = " ".join(re.split(r"[\s-]+", text.lower()))
    if whole in units:  # a number of several words: "a dozen", "half a dozen"
        return float(units[whole])
    total, current, seen = 0, 0, False
    for tok in re.split(r"[\s-]+", text.lower()):
        if tok == "and" or not tok:
            continue
        if tok in units:
            current += units[tok]
            seen = True
        elif tok in scales:
            scale = scales[tok]
            current = max(current, 1) * scale
            if scale >= 1000:
                total += current
                current = 0
            seen = True
        else:
            return None
    return float(total + current) if seen else None


def parse_digits(text: str) -> float | None:
    """'1,000' -> 1000.0; malformed groupings like '1,0,0,0' are rejected."""
    if not re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?", text):
        return None
    value = float(text.replace(",", ""))
    return value if value <= MAX_VALUE else None


def find_quantities(text: str, offset: int = 0) -> list[Quantity]:
    """Every quantity in ``text``; offsets are shifted by ``offset``."""
    return list(_quantities(text, offset))


@lru_cache(maxsize=512)  # a sentence is read for its figures and again for each event's toll
def _quantities(text: str, offset: int) -> tuple[Quantity, ...]:
    out: list[Quantity] = []
    quals, scales, vague_words = _qualifiers(), _scales(), _vague()
    for m in _pattern().finditer(text):
        qual = quals.get(" ".join(m.group("qual").lower().split())) if m.group("qual") else None
        value: float | None
        vague = None
        if m.group("digits"):
            value = parse_digits(m.group("digits"))
            if value is None:
                continue
            if m.group("scale"):  # exact decimal arithmetic: "4.1 billion" is 4100000000, not 4099999999.99
                value = float(Decimal(m.group("digits").replace(",", "")) * scales[m.group("scale").lower()])
        elif m.group("words"):
            value = words_to_number(m.group("words"))
            if value is None:
                continue
        else:
            value = None
            vague = vague_words[m.group("vague").lower()]
        if value is not None and value > MAX_VALUE:
            continue
        out.append(
            Quantity(
                start=offset + m.start(),
                end=offset + m.end(),
                text=m.group(0),
                value=value,
                qualifier=qual or ("exact" if value is not None else None),
                vague=vague,
                percent=bool(m.group("pct")),
            )
        )
    return tuple(out)
