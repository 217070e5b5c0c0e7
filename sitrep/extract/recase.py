"""A cased view of text written all in lower case, for the parser and the date tagger only.

Some archives lowercase everything ("on 4 may 2020, taliban fighters attacked a checkpoint in
kunduz"). The small English model finds neither names nor sentence starts in such text, and
the date tagger will not read "may" as a month. ``nlp_view`` returns a copy of the same length
in which sentence starts, "I", weekdays, months next to a number and the names the project
knows (countries, demonyms, actor aliases written with capitals, provinces, districts and
towns) are capitalized as they are usually written, and so are the first letters of words that
are no English word in a place slot ("near sentianivka", "shadadah city"). Only letters change
case, character for character, so
every offset found on the view is an offset into the original text, which is never rewritten.
Text with capitals of its own is returned unchanged.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..clean.mojibake import demojibaked, has_mojibake
from ..model import TimeExpr
from .casing import is_lowercased
from .gazetteer_coverage import cue_list, stoplist
from .gazetteer_data import DATA_DIR, gazetteer_lines
from .phrase_finder import PhraseFinder
from .yaml_files import load_yaml

#: Towns smaller than this are left alone: small-town names are too often common words.
MIN_TOWN_POPULATION = 15_000

_PRONOUN_I = re.compile(r"(?<![\w'])i(?=['’]|\b)(?!\.\w)")
_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
#: A month is a month next to a day or a year ("4 may 2020", "may 4", "in march 2021"), not the
#: verb "may" or a protest "march".
_MONTH_NEAR_NUMBER = re.compile(
    rf"(?<=\d)(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTHS})\b|\b({_MONTHS})\.?\s+(?=\d)", re.I
)
#: Place names that open with an English preposition ("In Salah", "In Amenas"): in lower-cased
#: text, "in salah aldeen" is the preposition
_LEADING_PREPOSITIONS = frozenset(["in", "on", "at", "by", "to", "for", "from", "of", "with", "as"])
#: A word after an article or a possessive is a common noun, not a name ("a man was arrested",
#: not the town of Man; "his bar", not Bar)
_COMMON_NOUN_BEFORE = re.compile(r"\b(?:a|an|another|every|each|his|her|their|its|our|my|your)\s$")
#: ... also with a word or two between ("a young man", "a palestinian man"); words that would
#: make the name an object ("a village near man") end the phrase
_COMMON_NOUN_PHRASE = re.compile(
    r"\b(?:a|an|another|every|each|his|her|their|its|our|my|your)\s"
    r"(?:(?!(?:of|in|at|near|from|to|and|or|for|on|by)\s)[a-z'-]{1,20}\s){1,2}$"
)
#: ... and so is a town's name after "the" ("the man was shot", "workers of the metro"), where a
#: country or a province may take the article ("the Gambia", "the Punjab"), unless a word that a
#: place names follows ("the tripoli area", "the aleppo countryside", "the kabul-jalalabad road")
_TOWN_AFTER_THE = re.compile(r"\b(?:the|this|that)\s$")
_WEEKDAYS = re.compile(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b")


@lru_cache(maxsize=1)
def _place_goes_on() -> re.Pattern[str]:
    """A hyphen or a place word right after a name (``place_words_after`` in cues.yaml)."""
    words = cue_list("place_words_after")
    return re.compile(r"\s?-|\s(?:" + "|".join(sorted(map(re.escape, words))) + r")\b")


_WORD = re.compile(r"\S+")


@lru_cache(maxsize=8)  # the parser and the date tagger ask for the same document's view (few: a text may be 20 MB)
def nlp_view(text: str) -> str:
    """The text as the parser should read it: itself, or a repaired copy of the same length."""
    view = demojibaked(text) if has_mojibake(text) else text
    if is_lowercased(view):
        return _cased(view)
    return _headlines_cased(view) if _TITLE_WORD.search(view) else view


#: a capitalized word of four letters or more, as a headline in title case has in a row
_TITLE_WORD = re.compile(r"\b[A-Z][a-z]{3,}\s+[A-Z][a-z]{3,}\b")
#: a line of words: a headline has up to 25 words and no sentence-ending period
_LINE = re.compile(r"[^\n]+")
#: the share of words of four letters or more a line capitalizes to be a title-case headline
TITLE_SHARE = 0.8


def _headlines_cased(text: str) -> str:
    """Headlines written in title case ("Gunmen Kill 12 Villagers In Attack On Mali Village")
    recased as a sentence, which the small model parses (it reads every capitalized word as a
    name): each such line is lower-cased and cased as a lower-cased text is, keeping the words
    written with capitals inside them ("UN", "McCain"). The same length, letter for letter."""
    from spacy.lang.en.stop_words import STOP_WORDS

    headlines = [m for m in _LINE.finditer(text) if _title_case(m.group(0))]
    if not headlines:
        return text  # (most texts: no copy of them is made)
    chars = list(text)
    english, given = all_english_words(), _given_names()
    for m in headlines:
        line = m.group(0)
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in line)
        cased = _cased(lowered)
        quoted = [(q.start(), q.end()) for q in _QUOTED.finditer(line)]
        after_given = False
        for w in _WORD.finditer(line):
            word = w.group(0)
            stripped = word.strip(_EDGE_PUNCT)
            bare = stripped.lower().removesuffix("'s").removesuffix("\u2019s")
            keep = (
                any(c.isupper() for c in stripped[1:])  # "UN", "McCain", "M23": written so on purpose
                or any(a <= w.start() < b for a, b in quoted)  # a quotation's own words
                or bare.isalpha() and bare not in STOP_WORDS and not any(b in english for b in _bases(bare))  # "Haniyeh"
                or after_given  # the surname after a given name ("Ted Cruz")
                or bare in given
            )
            after_given = bare in given
            for i in range(w.start(), w.end()):
                chars[m.start() + i] = line[i] if keep else cased[i]
    return "".join(chars)


#: a quotation: a mark at the line's start or after a space, before a word, up to a closing
#: mark that no letter follows (not the apostrophe of "I'm")
_QUOTED = re.compile("(?:^|(?<=\\s))[\"'\u2018\u201c]\\w.*?[\"'\u2019\u201d](?!\\w)")
_EDGE_PUNCT = "\"'\u2018\u2019\u201c\u201d.,:;!?()[]"


@lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    """Common given names (the statements' gender list): a capitalized one in a headline is a
    person's, and so is the word after it."""
    raw = json.loads((DATA_DIR / "statements" / "given_names.json").read_text("utf-8"))
    return frozenset(n.lower() for key in ("he", "she") for n in raw.get(key, []))


def _title_case(line: str) -> bool:
    """A line written in title case: most of its longer words capitalized, no sentence ending."""
    words = re.findall(r"[A-Za-z][A-Za-z'-]*", line)
    if not 4 <= len(words) <= 25 or line.rstrip().endswith((".", "?", "!", ":", ";")):
        return False
    long = [w for w in words if len(w) >= 4]
    return len(long) >= 3 and sum(w[0].isupper() for w in long) >= TITLE_SHARE * len(long)


def _cased(text: str) -> str:
    chars = list(text)

    def put(start: int, cased: str) -> None:
        for i, c in enumerate(cased):
            if chars[start + i].lower() == c.lower():
                chars[start + i] = c

    finder, cased_forms, towns, worded = _names()
    for start, end in finder.finditer(text):
        low = text[start:end].lower()
        cased = cased_forms.get(low)
        if (
            cased is not None
            and len(cased) == end - start
            and not _COMMON_NOUN_BEFORE.search(text, max(0, start - 12), start)
            and not (low in towns and _COMMON_NOUN_PHRASE.search(text, max(0, start - 56), start))
            and not (
                low in towns
                and _TOWN_AFTER_THE.search(text, max(0, start - 6), start)
                and not _place_goes_on().match(text, end)
            )
            and not (low in worded and not _place_goes_on().match(text, end))
        ):
            put(start, cased)
    for start in _cued_villages(text):
        chars[start] = chars[start].upper()
    for m in _short_acronyms().finditer(text):
        put(m.start(1), m.group(1).upper())
    for m in _WEEKDAYS.finditer(text):
        put(m.start(1), m.group(1).capitalize())
    for m in _MONTH_NEAR_NUMBER.finditer(text):
        group = 1 if m.group(1) else 2
        put(m.start(group), m.group(group).capitalize())
    for m in _PRONOUN_I.finditer(text):
        chars[m.start()] = "I"
    for i in _sentence_starts(text):
        chars[i] = chars[i].upper()
    return "".join(chars)


@lru_cache(maxsize=1)
def _actor_entries() -> list[dict[str, Any]]:
    """The packaged actor registry's entries (names and aliases), read once for the name table
    and the acronym pass."""
    return list(load_yaml((DATA_DIR / "actors" / "actors.yaml").read_text("utf-8"))["actors"])


@lru_cache(maxsize=1)
def _short_acronyms() -> re.Pattern[str]:
    """A named actor's two-letter acronym ("IS", "AA") before a word for its members ("is
    militants", "aa fighters"): too short to restore anywhere else, where it is the word."""
    short = {
        str(alias).lower()
        for actor in _actor_entries()
        for alias in actor.get("aliases", [])
        if len(str(alias)) < 3 and str(alias).isalpha() and str(alias).isupper()
    }
    followers = cue_list("acronym_followers")
    if not short or not followers:
        return re.compile(r"(?!)")
    alt = "|".join(sorted(short))
    # (not a time: "at 5 pm troops arrived")
    return re.compile(rf"(?<!\d)(?<!\d )\b({alt})\s+(?:{'|'.join(sorted(followers))})\b")


#: a place cue, then up to three words: "near sentianivka", "the village of tondi koira" (a
#: word for where in the country first: "in rural X")
_VILLAGE_CUE = re.compile(
    r"\b(?:in|near|at|into|(?:village|villages|town|city|locality|outskirts|area|vicinity|entrance) of)\s"
    r"(?:(?:rural|southern|northern|eastern|western|central|downtown)\s)?"
    r"(?=([a-z][a-z'-]{2,24}(?:\s[a-z][a-z'-]{2,24}){0,2}))"  # (not consumed: "in the area of X")
)
#: the first name in a bracket that goes on: "in beni (beni, nord-kivu)"
_BRACKET_HEAD = re.compile(r"\(([a-z][a-z'-]{2,24}(?:\s[a-z][a-z'-]{2,24}){0,2}),\s")
#: up to three words with spaces between them, right before the end of the search
_WORDS_BEFORE = re.compile(r"(?<![a-z'])(?:[a-z][a-z'-]* +){1,3}$")


def _cued_villages(text: str) -> list[int]:
    """Small places in a place slot, where their first letters go: after a place cue ("near
    sentianivka"), before a word for a place ("shadadah city", "afdaki town") or first in a
    bracket ("(beni, nord-kivu)"). A name is taken when none of its words is an English word (the
    model's lemma index), a stop word or a stoplisted name, a name prefix ("ras", "al", "tell")
    counting as a word of a name before one that is not English: in a place slot such words
    are a proper name, which the gazetteer then places or leaves unplaced."""
    from spacy.lang.en.stop_words import STOP_WORDS

    known, stop, prefixes = all_english_words(), stoplist(), cue_list("name_prefixes")

    def word(w: str) -> bool:  # could be a word of a name
        return w not in STOP_WORDS and w not in stop and not any(b in known for b in _bases(w))

    def name_ok(words: list[str]) -> bool:
        name = " ".join(words)
        if name in stop or name in prefixes:
            return False  # "abu" of "abu salim"
        # "ras al ain", "tell abiad": prefixes before the last word, which is no English word
        return word(words[-1]) and all(w in prefixes or word(w) for w in words[:-1])

    out: list[int] = []

    def take(at: int, words: list[str]) -> None:
        for w in words:
            out.append(at)
            # "al-bukamal", "ash-shajara": each part after a hyphen too, but a short particle
            # ("deir-ez-zor" -> "Deir-ez-Zor")
            k = at
            parts = w.split("-")
            for before, part in zip(parts, parts[1:], strict=False):
                k += len(before) + 1
                if len(part) >= 3:
                    out.append(k)
            at += len(w) + 1

    for m in _VILLAGE_CUE.finditer(text):
        words = m.group(1).split()
        for n in range(len(words), 0, -1):
            if not name_ok(words[:n]):
                continue
            if n < len(words) and word(words[n]):
                break  # "taung bway", "abu salim": a longer name than the slot shows, not its first word
            take(m.start(1), words[:n])
            break
    for m in _place_words().finditer(text):
        run = _WORDS_BEFORE.search(text, max(0, m.start() - 80), m.start())  # up to three words right before it
        if run is None:
            continue
        found = list(re.finditer(r"\S+", run.group(0)))
        words = [w.group(0) for w in found]
        for n in range(len(words), 0, -1):  # the longest name that ends at the place word
            if name_ok(words[-n:]):
                take(run.start() + found[-n].start(), words[-n:])
                break
    for m in _BRACKET_HEAD.finditer(text):
        words = m.group(1).split()
        if name_ok(words):
            take(m.start(1), words)
    return out


def _bases(w: str) -> list[str]:
    """A word and the forms its regular inflections may come from ("protested" -> "protest",
    "villages" -> "village", "stopped" -> "stop"): the lemma index lists base forms only."""
    out = [w]
    for end, repl in (("ies", "y"), ("ied", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e")):
        if w.endswith(end) and len(w) - len(end) >= 3:
            base = w[: len(w) - len(end)] + repl
            out.append(base)
            if end in ("ed", "ing") and not repl and len(base) > 3 and base[-1] == base[-2]:
                out.append(base[:-1])  # "stopped", "shelling"
    return out


@lru_cache(maxsize=1)
def _place_words() -> re.Pattern[str]:
    """A word for a place after its name: ``place_words_after`` and ``village_words_after`` (cues.yaml)."""
    words = cue_list("place_words_after") | cue_list("village_words_after")
    return re.compile(rf"(?<=[a-z] )(?:{'|'.join(sorted(map(re.escape, words)))})\b")


def _sentence_starts(text: str) -> list[int]:
    """Offsets of the first letter of the text, of each line and after . ! ? and a space, in one
    pass (a regular expression with a space run at each position grows with its square)."""
    out: list[int] = []
    start, after_stop = True, False
    for i, c in enumerate(text):
        if c.isalpha():
            if start:
                out.append(i)
            start = after_stop = False
        elif c == "\n":
            start, after_stop = True, False
        elif c.isspace():
            start = start or after_stop
        elif c in ".!?":
            after_stop = True
        elif c not in "\"')]“”‘’":
            start = after_stop = False
    return out


def quoted(text: str, timexes: list[TimeExpr]) -> list[TimeExpr]:
    """Time expressions found on a view quote the original text, as every span does."""
    for t in timexes:
        t.text = text[t.start : t.end]
    return timexes


@lru_cache(maxsize=1)
def all_english_words() -> frozenset[str]:
    """Every word of the model's lemma index, nouns too (a small town so spelled is the word)."""
    return _lemma_index(("noun", "verb", "adj", "adv"))


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """The verbs, adjectives and adverbs of the English model's lemma index (WordNet's): a town
    so spelled ("time", "hit", "front") is, in lower-cased text, the word."""
    return _lemma_index(("verb", "adj", "adv"))


def _lemma_index(parts: tuple[str, ...]) -> frozenset[str]:
    """Words of the English model's lemma index for the given parts of speech; empty when the
    model ships no index."""
    import spacy
    from spacy.lookups import Lookups

    from ..nlp import MODEL_NAME

    try:
        root = Path(spacy.util.get_package_path(MODEL_NAME))
    except (OSError, ModuleNotFoundError):
        return frozenset()
    found = next(root.glob("*/lemmatizer/lookups/lookups.bin"), None)
    if found is None:
        return frozenset()
    index = Lookups().from_disk(found.parent).get_table("lemma_index")
    return frozenset(w for pos in parts if pos in index for w in index[pos])


@lru_cache(maxsize=1)
def _names() -> tuple[PhraseFinder, dict[str, str], frozenset[str], frozenset[str]]:
    """Every name the project knows, by its lower-case form, with the casing it is written in;
    the forms that are only towns' names; and the places' forms that are English words too."""
    from spacy.lang.en.stop_words import STOP_WORDS

    stop = stoplist()
    forms: dict[str, str] = {}

    def add(name: str, place: bool = False) -> None:
        name = name.strip()
        low = name.lower()
        if (
            len(name) < 3
            or name == low  # written in lower case itself ("the government"): nothing to restore
            or low in STOP_WORDS
            or place and low.split(" ", 1)[0] in _LEADING_PREPOSITIONS  # "in salah" is no town
            or place and low in stop  # place names that are common words ("Police", "Victory")
            or len(low) != len(name)
        ):
            return
        forms.setdefault(low, name)

    for row in (DATA_DIR / "gazetteer" / "countries.tsv").read_text("utf-8").splitlines():
        parts = row.split("\t")
        if len(parts) > 1:
            add(parts[1])
            for alias in (parts[2] if len(parts) > 2 else "").split("|"):
                add(alias)
    for dems in load_yaml((DATA_DIR / "actors" / "demonyms.yaml").read_text("utf-8")).values():
        for d in dems:
            add(str(d))
    for actor in _actor_entries():
        for alias in [actor["name"], *actor.get("aliases", [])]:
            add(str(alias))
    prefixes = cue_list("name_prefixes")
    words = english_words()
    never_words = set(forms)  # countries, demonyms and actors: names, never words
    units: set[str] = set(forms)  # countries, demonyms, actors, and the units below
    town_forms: set[str] = set()
    for line in gazetteer_lines():
        kind, name, _cc, _a1, _a2, _lat, _lon, pop, _rest = line.split("\t", 8)
        if kind == "country" or kind in ("admin1", "admin2") and name.strip().lower() not in prefixes:
            add(name, place=True)
            units.add(name.strip().lower())
        elif kind == "city" and int(pop or 0) >= MIN_TOWN_POPULATION and name.strip().lower() not in prefixes:
            add(name, place=True)
            town_forms.add(name.strip().lower())
    # (a unit or town spelled as an English verb, adjective or adverb: "in time", "were hit")
    worded = frozenset(f for f in forms if f in words and f not in never_words)
    return PhraseFinder(forms), forms, frozenset(town_forms - units), worded
