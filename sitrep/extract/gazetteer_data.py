"""Name normalization shared by the gazetteer builder and the run-time lookups.

Transliterated place names vary in diacritics, hyphens, apostrophes and Persian/Arabic
connectors (Mazar-i-Sharif, Mazar-e Sharif, Sa'dah, Al Hudaydah): one loose key absorbs them,
so the data file needs no exhaustive list of spellings.
"""

from __future__ import annotations

import gzip
import re
import unicodedata
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent.parent / "data"

#: Connectors dropped from keys: Persian ezafe (-e-, -i-), Arabic article (al-, ash-...).
_CONNECTORS = frozenset({"e", "i", "ye", "y", "al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ul"})
_SEPARATORS = re.compile(r"[\s\-‐‑–—_.,/]+")
_DROP = re.compile(r"['’‘`´ʻʼʾʿ\"()]")


#: Latin letters with no Unicode decomposition, as English-language sources spell them (the
#: gazetteer build writes names the same way): Tərtər -> Tartar, Şanlıurfa -> Sanliurfa
LETTERS = str.maketrans(
    {
        "ə": "a",
        "Ə": "A",
        "ı": "i",
        "ł": "l",
        "Ł": "L",
        "đ": "d",
        "Đ": "D",
        "ø": "o",
        "Ø": "O",
        "æ": "ae",
        "Æ": "Ae",
    }
    | {"ß": "ss", "ħ": "h", "Ħ": "H", "þ": "th", "ŋ": "ng"}
)


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower-case ASCII form without diacritics (Farāh -> farah, Tərtər -> tartar)."""
    text = unicodedata.normalize("NFKD", text.translate(LETTERS))
    return "".join(ch for ch in text if not unicodedata.combining(ch)).lower()


def loose_key(text: str) -> str:
    """Spelling-insensitive key: 'Mazar-i-Sharif' and 'Mazar-e Sharif' both give 'mazarsharif'."""
    words = [w for w in _SEPARATORS.split(_DROP.sub("", fold(text))) if w]
    kept = [w for w in words if w not in _CONNECTORS] or words
    return "".join(kept)


#: Arabic articles as English sources also write them ("Busra Esh-Sham", "Ras el Ain")
_ARTICLES = _CONNECTORS | {"esh", "es", "ed", "er", "et", "ez", "en"}
_NOT_LETTER = re.compile(r"[^a-z]")
_FINAL_H = re.compile(r"(?<=[aeiou])h$")  # "Hasakeh", "Hasaka": the same ending
_SOUNDS = (("q", "k"), ("kh", "k"), ("gh", "g"), ("dh", "d"), ("th", "t"), ("ph", "f"))  # in this order
_VOWELS = re.compile(r"[aeiouyw]+")
_DOUBLED = re.compile(r"(.)\1+")


@lru_cache(maxsize=65536)
def skeleton(text: str) -> str:
    """Key of a transliterated name: the spellings English sources give one Arabic, Persian or
    Slavic name mostly differ in which vowels they write, doubled letters and articles
    ("Quamishli" and "Al Qamishli", "Jandairis" and "Jindayris", "Tooz Khurmato" and "Tuz
    Khurmatu" each give one key): each run of vowels is one "a". Too loose to find a place on
    its own: a caller confines it to a country and to the units the text names."""
    words = [_FINAL_H.sub("", w) for w in _SEPARATORS.split(_DROP.sub("", fold(text))) if w]
    letters = _NOT_LETTER.sub("", "".join([w for w in words if w not in _ARTICLES] or words))
    for pair, sound in _SOUNDS:
        letters = letters.replace(pair, sound)
    if not letters:
        return ""
    head = "a" if letters[0] in "aeiou" else letters[0]  # "Ain"/"Ein", "Idleb"/"Edleb"
    return _DOUBLED.sub(r"\1", head + _VOWELS.sub("a", letters[1:]))


def index_keys(names: Iterable[str]) -> list[str]:
    """Distinct loose keys of a place's names (its row in the data file lists them)."""
    out: list[str] = []
    for name in names:
        key = loose_key(name)
        if len(key) >= 3 and key not in out:
            out.append(key)
    return out


def place_rows() -> Iterator[list[str]]:
    """The rows of data/gazetteer/places.tsv.gz, split into their ten columns: kind, name, ISO2,
    admin1, admin2, lat, lon, population, aliases ("|"), index keys (" "). Comments skipped."""
    with gzip.open(DATA_DIR / "gazetteer" / "places.tsv.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            if not line.startswith("#"):
                yield line.rstrip("\n").split("\t")


@lru_cache(maxsize=1)
def gazetteer_lines() -> tuple[str, ...]:
    """The data rows of data/gazetteer/places.tsv.gz as text lines (comments dropped)."""
    with gzip.open(DATA_DIR / "gazetteer" / "places.tsv.gz", "rt", encoding="utf-8") as fh:
        text = fh.read()
    return tuple(line for line in text.splitlines() if line and not line.startswith("#"))
