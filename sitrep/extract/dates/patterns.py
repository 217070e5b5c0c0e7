"""Regular expressions of the temporal layer, compiled once at import.

Month and weekday names are matched case-sensitively (capitalized, as news writes them) so that
"may", "march" and "sun" as ordinary words are not dates; function words ("last", "next",
"earlier") are case-insensitive through scoped ``(?i:...)`` groups. No pattern nests a
quantifier over the same characters, so matching stays linear in the text length.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

_WORDS_FILE = Path(__file__).resolve().parents[2] / "data" / "dates" / "words.json"
WORDS: dict = json.loads(_WORDS_FILE.read_text(encoding="utf-8"))

MONTHS: dict[str, int] = WORDS["months"]
WEEKDAYS: dict[str, int] = WORDS["weekdays"]
NUMBERS: dict[str, float] = WORDS["numbers"]
VAGUE: list[str] = WORDS["vague_numbers"]
ORDINALS: dict[str, int] = WORDS["ordinals"]
UNITS: dict[str, str] = WORDS["units"]
SEASONS: dict[str, str] = WORDS["seasons"]
PARTS: dict[str, str] = WORDS["parts_of_day"]
SET_ADVERBS: dict[str, str] = WORDS["set_adverbs"]
REF_WORDS: dict[str, str] = WORDS["ref_words"]
REF_NEEDS_PREP: list[str] = WORDS["ref_needs_preposition"]
HOLIDAYS: dict[str, str] = WORDS["holidays"]
NOT_DATES: dict[str, list[str]] = WORDS["not_dates"]
SCHEDULE_VERBS: list[str] = WORDS["schedule_verbs"]
#: days told by the report's own day ("overnight", "yesterday"): the speaker's day where a sentence gives it
DAYS_FROM_REPORT: frozenset[str] = frozenset(WORDS["days_from_report"])


def _alt(words: list[str]) -> str:
    """Alternation, longest first so that "Sept" wins over "Sep"."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _ci(words: list[str]) -> str:
    """Case-insensitive enough (lower, Capitalized, UPPER) without (?i), which is slow on long alternations."""
    variants = {v for w in words for v in (w, w[:1].upper() + w[1:], w.upper())}
    return "(?:" + _alt(sorted(variants)) + ")"


_FULL_MONTHS = [m for m, n in MONTHS.items() if len(m) > 4 or m in ("May", "June", "July")]
_ABBR_MONTHS = [m for m in MONTHS if m not in _FULL_MONTHS]
MONTH = rf"\b(?:(?:{_alt(_FULL_MONTHS)})(?!\w)|(?:{_alt(_ABBR_MONTHS)})(?!\w)\.?)"
MONTH_FULL = rf"\b(?:{_alt(_FULL_MONTHS)})(?!\w)"
WEEKDAY = rf"\b(?:{_alt(list(WEEKDAYS))})"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"(?:1[6-9]\d\d|20\d\d)"
YEAR2 = r"(?:'\d\d|’\d\d)"
_num_words = [w for w in NUMBERS if " " not in w] + [w for w in NUMBERS if " " in w]
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_ONES = "one|two|three|four|five|six|seven|eight|nine"
NUM = rf"(?:\d+(?:\.\d+)?|{_ci(_TENS.split('|'))}-{_ci(_ONES.split('|'))}|{_ci(_num_words)})"
VAGUE_NUM = _ci(VAGUE)
UNIT = _ci(["second", "minute", "hour", "day", "week", "fortnight", "month", "year", "decade", "century", "centurie", "millennium"])
UNIT_PL = _ci(["seconds", "minutes", "hours", "days", "weeks", "fortnights", "months", "years", "decades", "centuries"])
SEASON = rf"(?i:{_alt(list(SEASONS))})"
AMPM = r"(?:[ap]\.m\.|[AP]\.M\.|[ap]m\b|[AP]M\b|[ap]\.m\b)"
TZ = r"(?:GMT|UTC|Zulu|EST|EDT|CET|CEST|BST|IST|PST|PDT|local time|\((?:GMT|UTC|local time)\))"


_DUR_DETS = ["the past", "the last", "the next", "the previous", "the coming", "the first", "the final",
             "the following", "the better part of", "past", "next", "first", "final", "last"]
# Modifiers kept inside a duration's span, as TIMEX3's mod (APPROX, MORE_THAN, LESS_THAN...).
APPROX = ["about", "around", "nearly", "almost", "some", "roughly", "approximately", "more than", "less than",
          "fewer than", "at least", "at most", "up to", "just over", "just under", "well over", "close to"]
_BARE_DETS = ["recent", "the past", "the last", "the coming", "the next", "past", "coming", "many", "several",
              "the previous"]


_PLAIN_CI = re.compile(r"\(\?i:([a-z '\-|]+)\)")


def _c(pattern: str) -> re.Pattern[str]:
    """Compile, turning plain ``(?i:word|word)`` groups into explicit case variants (much faster)."""
    return re.compile(_PLAIN_CI.sub(lambda m: _ci(m.group(1).split("|")), pattern))


# Each rule: name -> compiled regex. The tagger turns a match into a semantic record.
RULES: dict[str, re.Pattern[str]] = {
    "iso": _c(
        r"(?<![\d/.-])(?P<y>(?:1[6-9]|20)\d\d)(?P<sep>[-/])(?P<m>0[1-9]|1[0-2])(?P=sep)(?P<d>0[1-9]|[12]\d|3[01])"
        r"(?:[T ](?P<H>[01]\d|2[0-3]):(?P<M>[0-5]\d)(?::[0-5]\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?(?![\d/])"
    ),
    "numeric": _c(
        r"(?<![\d/.:-])(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})(?![\d/-])(?!\.\d)"
    ),
    "dmy": _c(
        rf"(?:(?P<wd>{WEEKDAY}),?\s+(?:the\s+)?)?(?<![\d.,])(?P<d>{DAY})(?:\s+of)?\s+(?P<mon>{MONTH})"
        rf"(?:,?\s+(?P<y>{YEAR}|{YEAR2})(?!\d|,\d))?(?!\w)"
    ),
    "mdy": _c(
        rf"(?:(?P<wd>{WEEKDAY}),?\s+)?(?P<mon>{MONTH})\s+(?P<d>{DAY})(?![\d\w:])"
        rf"(?:,?\s+(?P<y>{YEAR})(?!\d|,\d))?"
    ),
    "my": _c(
        rf"(?:(?P<mod>(?i:early|mid|late|the end of|the beginning of|the start of|the middle of|end|mid-))[\s-]*)?"
        rf"(?P<mon>{MONTH}),?\s+(?:of\s+)?(?P<y>{YEAR}|{YEAR2})(?!\d|,\d)"
    ),
    "month": _c(
        rf"(?:(?P<mod>(?i:last|next|this|this past|this coming|early|mid|late|earlier in|later in|the end of"
        rf"|the beginning of|the start of|the middle of|end|mid-))[\s-]*)?(?P<mon>{MONTH_FULL})\b(?!\.?\s*\d)"
    ),
    "year": _c(
        rf"(?:(?P<mod>(?i:early|mid|late|the end of|the beginning of|the start of|the middle of|the year"
        rf"|the first half of|the second half of|end-|mid-))[\s-]*|(?<![\d,.$€£/#-]))(?P<y>{YEAR})"
        r"(?!\d|,\d|%|\.\d|-(?:\d|[a-z]))"
    ),
    "yrange": _c(rf"(?<![\d,.$/-])(?P<y1>{YEAR})\s?[-–]\s?(?P<y2>{YEAR}|\d\d)(?!\d|,\d|%)"),
    "decade": _c(
        r"(?P<dec>(?:1[6-9]|20)\d0s|['’]\d0s|(?<=the )\d0s)\b"
    ),
    "century": _c(
        r"(?:(?i:the)\s+)?(?P<ord>\d{1,2}(?:st|nd|rd|th)|(?i:nineteenth|twentieth|twenty-first|21st))\s+(?i:century)"
    ),
    "time": _c(
        rf"(?<![\d:.])(?P<H>[01]?\d|2[0-3]):(?P<M>[0-5]\d)(?::[0-5]\d)?(?!\d)(?:\s*(?P<ap>{AMPM}))?"
        rf"(?:\s*(?P<tz>{TZ}))?"
    ),
    "time_ampm": _c(
        rf"(?<![\d:.,])(?P<H>1[0-2]|0?[1-9])(?:[.:](?P<M>[0-5]\d))?\s*(?P<ap>{AMPM})(?:\s*(?P<tz>{TZ}))?"
    ),
    "time_mil": _c(rf"(?<![\d:.,])(?P<HM>[01]\d[0-5]\d|2[0-3][0-5]\d)\s*(?P<tz>{TZ}|hrs\b|(?i:hours local time))"),
    "time_word": _c(r"\b(?P<w>(?i:noon|midday|midnight))\b"),
    "weekday": _c(
        rf"(?:(?P<mod>(?i:last|next|this|coming|past|this past|this coming|early on|late on|early|late|earlier|later|until|by))\s+)?"
        rf"(?:(?P<pre>(?i:the early hours of|the small hours of|early hours of|the night of|the morning of"
        rf"|the evening of|the afternoon of|the end of))\s+)?(?P<wd>{WEEKDAY})(?!\w)"
        rf"(?:\s+(?P<pod>(?i:morning|afternoon|evening|night)))?"
    ),
    "relday": _c(
        r"(?:\b(?P<mod>(?i:late|early|earlier|later))\s+)?\b(?P<w>(?i:the day before yesterday|the day after tomorrow|yesterday|today|tomorrow|tonight"
        r"|last night|this morning|this afternoon|this evening"
        # "clashes erupted in Tripoli overnight, ...": the night before the report (not "an
        # overnight curfew", not "overnight Monday" nor "overnight into Sunday", which the weekday reads)
        r"|(?<!\ban\s)(?<!\bthe\s)overnight(?=\s*[,.;]|\s+(?:in|on|at|and|as|near|with|between|after|when|while|into|from)\b|\s*$)"
        rf"(?!\s+(?:into|from|to)\s+{WEEKDAY})"
        # ... and "an overnight raid", "an overnight attack": one act of last night (not a
        # curfew, nor "overnight raids", a series)
        r"|(?<=\ban\s)overnight(?=\s+(?:raid|attack|assault|strike|air\s*strike|airstrike|ambush|operation)\b(?!s))))"
        r"(?:\s+(?P<pod>(?i:morning|afternoon|evening|night)))?(?!\w)"
    ),
    "relunit": _c(
        rf"(?:(?P<mod>(?i:earlier|later|early|late|mid|the end of|the beginning of|the start of|the middle of"
        rf"|the rest of|the remainder of|the first half of|the second half of|end|mid-))[\s-]+)?"
        rf"(?P<det>(?i:this past|this coming|the past|the coming|the previous|the following|the current|the last"
        rf"|the next|last|next|this|past|coming|current|previous|following))\s+"
        rf"(?P<unit>(?i:weekend|week|month|year|decade|century|quarter|fortnight)|{SEASON})(?!\w)"
    ),
    "theunit": _c(
        r"(?P<mod>(?i:the end of|the beginning of|the start of|the middle of|the rest of|end of|later in|earlier in))"
        r"\s+(?:(?i:the)\s+)(?P<unit>(?i:week|month|year|day))(?!\w)"
    ),
    "ago": _c(
        rf"(?P<unit>{UNIT}|{UNIT_PL})\s+(?P<dir>(?i:ago|from now|hence|later|earlier))\b"
    ),
    "nextday": _c(
        r"\b(?:(?i:the|that)\s+)(?P<det>(?i:next|following|previous|preceding|same))\s+"
        r"(?P<u>(?i:day|morning|afternoon|evening|night))(?!\w)"
    ),
    "weekend": _c(r"\b(?i:the)\s+(?i:weekend)(?!\w)"),
    "fiscal": _c(rf"\b(?:(?i:fiscal)(?:\s+(?i:year))?\s+|FY\s?)(?P<y>{YEAR})(?![\d-])"),
    "holiday": _c(
        rf"(?:(?P<mod>(?i:last|next|this))\s+)?\b(?P<h>{_alt(list(HOLIDAYS))})(?!\w)"
        # (not a holiday's name that only says what kind of thing follows: "a Christmas party")
        r"(?!\s+(?i:party|parties|tree|trees|market|markets|gifts?|cards?|shopping|dinner|lunch|feast|"
        r"celebrations?|gatherings?|decorations?|lights|carols?|concerts?|mass|service|services|sermon|"
        r"message|speech|address|prayers?|bonus|sales?|shoppers|worshippers|pilgrims)\b)"
        rf"(?:,?\s+(?P<y>{YEAR})(?!\d)|\s+(?P<rel>(?i:last|next|this) year))?"
    ),
    "time_oclock": _c(
        rf"(?<![\d:.,])(?P<H>1[0-2]|0?[1-9])\s+o['’]clock(?:\s*(?P<ap>{AMPM}))?(?:\s*(?P<tz>{TZ}))?"
    ),
    "season": _c(
        rf"(?:(?P<mod>(?i:early|late|mid|the end of|the beginning of|the|in the|in|during the|during|by|since"
        rf"|until|through))[\s-]+)?(?P<season>{SEASON})(?:\s+(?:of\s+)?(?P<y>{YEAR}))?(?!\w)"
    ),
    "quarter": _c(
        r"(?:(?i:the)\s+)?(?P<ord>(?i:first|second|third|fourth|last|final|1st|2nd|3rd|4th))\s+(?P<q>(?i:quarter|half))"
        rf"(?:\s+of\s+(?:(?P<y>{YEAR})|(?P<rel>(?i:this|last|next|the) year)))?(?!\w)"
    ),
    "firstn": _c(
        rf"(?:(?i:the)\s+)?(?P<ord>(?i:first|last|final))\s+(?P<num>{NUM})\s+(?P<unit>(?i:months|weeks|days))"
        rf"\s+of\s+(?:(?P<y>{YEAR})|(?P<rel>(?i:this|last|next|the) year)|(?P<mon>{MONTH})(?:\s+(?P<my>{YEAR}))?)"
    ),
    "qn": _c(rf"\b(?P<q>[QH])(?P<n>[1-4])\s+(?P<y>{YEAR})\b"),
    "duration": _c(
        rf"(?P<num>{NUM}|{VAGUE_NUM})[\s-]+"
        rf"(?P<unit>{UNIT}|{UNIT_PL})(?P<adj>-long|-old)?(?!\w)"
    ),
    "bareunit": _c(
        rf"(?:(?P<det>{_ci(_BARE_DETS)})\s+)?"
        rf"(?P<unit>{UNIT_PL})(?!\w)"
    ),
    "set": _c(
        rf"(?P<q>(?i:every other|every|each|per|once a|twice a|(?:three|four|\d+) times a|once every|once per))\s+"
        rf"(?:(?P<num>{NUM})\s+)?(?P<unit>{UNIT}|{UNIT_PL}|{WEEKDAY}|(?i:morning|night|evening|afternoon))(?!\w)"
    ),
    "set_adv": _c(rf"\b(?P<w>(?i:{_alt(list(SET_ADVERBS))}))\b"),
    "set_wd": _c(rf"(?<=\bon )(?P<wd>{WEEKDAY})s\b"),
    "ref": _c(rf"\b(?P<w>{_ci(list(REF_WORDS))})\b"),
}

# Rules whose optional leading words are matched backwards from the core match, so that the core
# regex starts with a required token (fast) and the words before it are read only on a hit.
PREFIXES: dict[str, re.Pattern[str]] = {
    "duration": _c(rf"(?<!\w)(?:(?P<det>{_ci(_DUR_DETS)})\s+)?(?:(?P<approx>{_ci(APPROX)})\s+)?$"),
    "decade": _c(r"(?<!\w)(?:(?i:the)\s+)?(?:(?P<mod>(?i:early|mid|late))[\s-]+)?(?:(?i:the)\s+)?$"),
    "ago": _c(
        rf"(?<!\w)(?:(?P<approx>{_ci(APPROX)})\s+)?(?:(?:(?P<num>{NUM})|(?P<vague>{VAGUE_NUM}))[\s-]+)?$"
    ),
}

# Words that, just before a bare month or season, make it a date ("in March", not "March on").
PREP_BEFORE = re.compile(
    r"(?i:\b(?:in|on|by|since|until|till|through|throughout|from|to|during|before|after|of|between|and|or"
    r"|as of|last|next|this|early|late|mid|end|around|about|for|since|starting|beginning|ending))\s*-?\s*$"
    r"|['’][sS]\s+$"
)
# A bare year followed by these is a count, not a year ("2000 troops"). Used with ``match`` right
# after a number; ``(?<!\s)`` keeps a scan from re-reading a long run of spaces at every position.
COUNT_NOUN = re.compile(
    r"(?<!\s)\s+(?i:troops|soldiers|people|persons|civilians|members|fighters|militants|police|policemen|men|women"
    r"|children|refugees|families|homes|houses|km|kilometres|kilometers|miles|metres|meters|dollars|euros"
    r"|tons|tonnes|rounds|cases|deaths|casualties|votes|pages|words|calories|feet|units|vehicles|times)\b"
)
QUANT_BEFORE = re.compile(
    r"(?i:\b(?:about|around|nearly|almost|approximately|roughly|some|over|than|least|estimated|only|just"
    r"|No\.|number|nos?\.|flight|route|room|page|tel|phone|article|resolution|code))\s*$"
)

# Trigger tokens: a rule is only run in windows around tokens of its categories, so a long
# text costs one cheap tokenizing pass plus the rules near the few words that can start a date.
# D: a number, Y: a four-digit number, M: a month name, W: a weekday name, U: a unit word,
# K: another temporal keyword, N: a number word.
_UNIT_WORDS = {
    "second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks", "fortnight",
    "fortnights", "month", "months", "year", "years", "decade", "decades", "century", "centuries",
    "millennium", "weekend", "quarter", "half",
}
_KEYWORDS = {
    "today", "yesterday", "tomorrow", "tonight", "overnight", "night", "morning", "afternoon", "evening", "now", "currently",
    "nowadays", "present", "presently", "recently", "lately", "past", "future", "moment", "noon", "midday",
    "soon",
    "midnight", "ago", "every", "each", "per", "once", "twice", "times", *SEASONS, *SET_ADVERBS, "these",
}
# Words only a few rules need: anaphoric shifts and o'clock (A), first words of holidays (H).
_ANAPHORA = {"later", "earlier", "next", "following", "previous", "preceding", "same", "clock"}
_HOLIDAY_WORDS = {re.split(r"['’\s]", h)[0].lower() for h in HOLIDAYS}
_NUMBER_WORDS = {w for w in NUMBERS if " " not in w} | {"several", "few", "many", "some", "numerous", "dozen"}
_NUMBER_WORDS |= {t for t in (["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"])}


def token_category(tok: str) -> str | None:
    """The trigger category of one token, or None when it cannot start or anchor a date."""
    if tok[0].isdigit():
        return "Y" if len(tok) == 4 else "D"
    if tok in MONTHS:
        return "M"
    if tok in WEEKDAYS or (tok.endswith("s") and tok[:-1] in WEEKDAYS):
        return "W"
    low = tok.lower()
    if low in _UNIT_WORDS:
        return "U"
    if low in _ANAPHORA:
        return "A"
    if low in _HOLIDAY_WORDS:
        return "H"
    if low in _KEYWORDS:
        return "K"
    return None


TRIGGERS: dict[str, frozenset[str]] = {
    name: frozenset(cats)
    for name, cats in {
        "iso": "Y", "numeric": "DY", "dmy": "M", "mdy": "M", "my": "M", "month": "M", "year": "Y",
        "yrange": "Y", "decade": "DY", "century": "DU", "time": "DY", "time_ampm": "D", "time_mil": "Y",
        "time_word": "K", "weekday": "W", "relday": "K", "relunit": "UK", "theunit": "U", "ago": "KA", "nextday": "A",
        "weekend": "U", "fiscal": "Y", "holiday": "HM", "time_oclock": "A",
        "season": "K", "quarter": "U", "firstn": "U", "qn": "Y", "duration": "U", "bareunit": "U",
        "set": "K", "set_adv": "K", "set_wd": "W", "ref": "K",
    }.items()
}
assert set(TRIGGERS) == set(RULES)
WINDOW_BEFORE = 40
WINDOW_AFTER = 25


def _cased(words: set[str]) -> list[str]:
    return sorted({v for w in words for v in (w, w.capitalize(), w.upper())}, key=len, reverse=True)


# One pass finds every trigger token: digits, month and weekday names, unit words, keywords.
TOKEN = re.compile(
    r"\d+|(?<![A-Za-z])(?:"
    + "|".join(re.escape(w) for w in sorted({*MONTHS, *WEEKDAYS, *(d + "s" for d in WEEKDAYS)}, key=len, reverse=True))
    + "|"
    + "|".join(re.escape(w) for w in _cased(_UNIT_WORDS | _KEYWORDS | _ANAPHORA | _HOLIDAY_WORDS))
    + ")(?![A-Za-z])"
)
