"""Mojibake: UTF-8 that was decoded as Windows-1252 somewhere upstream ("donâ€™t"). Nothing
rewrites the original; readers that need the letters get a repaired view of the same length."""

from __future__ import annotations

import re

#: UTF-8 read as Windows-1252: a lead byte (Ã, Â, â...) and one to three continuation bytes.
_CP1252_HIGH = "\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122"
MOJIBAKE = re.compile(rf"[\u00c2-\u00f4][\u0080-\u00bf{_CP1252_HIGH}]{{1,3}}")
_WORD = re.compile(r"\S+")


def has_mojibake(text: str) -> bool:
    return MOJIBAKE.search(text) is not None


def demojibaked(text: str) -> str:
    """"donâ€™t" read as "don’t  ": each word whose UTF-8 was decoded as Windows-1252 is decoded
    again and padded with spaces after it, so the words keep their places and the text its length."""

    def fix(m: re.Match[str]) -> str:
        word = m.group(0)
        if not MOJIBAKE.search(word):
            return word
        fixed = MOJIBAKE.sub(_redecode, word)
        return fixed + " " * (len(word) - len(fixed))

    return _WORD.sub(fix, text)


def _redecode(m: re.Match[str]) -> str:
    raw = bytearray()
    for c in m.group(0):
        try:
            raw += c.encode("cp1252")
        except UnicodeEncodeError:
            raw += c.encode("latin-1")  # the five bytes Windows-1252 leaves undefined
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return m.group(0)  # not mojibake after all ("Ångström")
