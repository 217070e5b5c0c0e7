"""Find temporal expressions and read what they say, before any anchoring.

Each rule of ``patterns.RULES`` proposes candidate spans; a match becomes a ``Sem`` (the
meaning of the words: "Wednesday, in the past", "3 months", "April 2015"). Overlaps are settled
longest-first, then a clock time next to a day ("5 am on 24th April 2015") is merged into one
expression. Spans follow TIMEX3 practice: a leading preposition ("on", "in", "since") is left
out, but kept in ``Sem.prep`` because it changes the meaning ("since 2014" starts a period).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from typing import Any

from . import patterns as P

# used with ``match`` right after a weekday name; (?<!\s): a scan never re-reads a run of spaces
_NOT_WEEKDAY_AFTER = re.compile(r"(?<!\s)\s+(?:" + "|".join(map(re.escape, P.NOT_DATES["weekday_followers"])) + r")\b")
_NOT_WEEKDAY_BEFORE = re.compile(r"\b(?:" + "|".join(map(re.escape, P.NOT_DATES["weekday_preceders"])) + r")\s+$")
_REF_PREP = re.compile(r"(?i)\b(?:" + "|".join(map(re.escape, P.REF_NEEDS_PREP)) + r")\s+$")
_PREP = re.compile(r"(?i)\b(on|in|since|for|from|until|till|by|at|during|over|within|through|after|before|of)\s+$")


@dataclass
class Sem:
    """The meaning of one expression, independent of the reference date."""

    kind: str  # date, weekday, relday, relunit, ago, duration, set, ref, decade, century, part
    start: int
    end: int
    year: int | None = None
    year2: bool = False  # two-digit year, to be expanded against the reference
    month: int | None = None
    day: int | None = None
    hour: int | None = None
    minute: int | None = None
    part: str | None = None  # MO, AF, EV, NI
    weekday: int | None = None
    unit: str | None = None  # D, W, M, Y, DE, CE, WE, Q, SP...
    offset: int = 0
    amount: float | None = None  # None: vague ("several")
    mod: str | None = None  # START, MID, END, EARLY_PART, LATE_PART, BEFORE_REF, AFTER_REF
    tense_hint: str | None = None  # from the words themselves ("last", "next", "ago")
    value: str | None = None  # fixed value (SET, PRESENT_REF, 2015-Q1...)
    range_months: tuple[int, int] | None = None  # for "the first three months of 2015"
    ambiguous_order: tuple[int, int] | None = None  # numeric a/b date whose order is unclear
    prep: str | None = None
    anaphoric: bool = False  # "the previous week", "three days later": relative to the story's last date
    implicit_year: bool = False  # "the third quarter": the year comes from the reference and the tense


def _num(s: str | None) -> float | None:
    if s is None:
        return None
    s = s.strip().lower()
    if s in P.VAGUE or s in ("many", "several"):
        return None
    if re.fullmatch(r"\d+(?:\.\d+)?", s):
        return float(s)
    if "-" in s:
        a, _, b = s.partition("-")
        return float(P.NUMBERS.get(a, 0) + P.NUMBERS.get(b, 0)) or None
    v = P.NUMBERS.get(s)
    return float(v) if v is not None else None


def _unit(s: str) -> str:
    s = s.lower()
    s = s[:-1] if s.endswith("s") and s not in ("centuries",) else s
    if s == "centuries":
        s = "century"
    return P.UNITS.get(s, P.UNITS.get(s.rstrip("s"), "D"))


_MOD = {
    "early": "START", "the beginning of": "START", "the start of": "START", "earlier": "BEFORE_REF",
    "earlier in": "BEFORE_REF", "mid": "MID", "mid-": "MID", "the middle of": "MID", "late": "END",
    "the end of": "END", "end": "END", "end-": "END", "end of": "END", "later": "AFTER_REF",
    "later in": "AFTER_REF", "the rest of": "AFTER_REF", "the remainder of": "AFTER_REF",
    "the first half of": "FIRST_HALF", "the second half of": "SECOND_HALF",
}


def _mod(s: str | None) -> str | None:
    return _MOD.get(s.lower().strip()) if s else None


def _day(s: str) -> int:
    return int(re.match(r"\d+", s).group(0))  # type: ignore[union-attr]


def _year(s: str) -> tuple[int, bool]:
    if s[0] in "'’":
        return int(s[1:]), True
    return (int(s), False) if len(s) == 4 else (int(s), True)


def _prev_text(text: str, start: int, n: int = 30) -> str:
    return text[max(0, start - n) : start]


def _parse(name: str, m: re.Match[str] | _Joined, text: str) -> Sem | None:
    s, e = m.start(), m.end()
    g: dict[str, Any] = m.groupdict()  # a rule's named groups; each rule reads only those it has
    # locals several rules reuse, declared with the widest type any rule gives them
    y2: int
    n: float | None
    amount: float | None
    if name == "iso":
        sem = Sem("date", s, e, year=int(g["y"]), month=int(g["m"]), day=int(g["d"]))
        if g["H"]:
            sem.hour, sem.minute = int(g["H"]), int(g["M"])
        return sem
    if name == "numeric":
        a, b = int(g["a"]), int(g["b"])
        y, y2 = _year(g["y"])
        if g["sep"] == "." and len(g["y"]) != 4:
            return None
        if (a > 12 or g["sep"] == ".") and b <= 12:  # dotted dates are day-first (5.7.2021)
            return Sem("date", s, e, year=y, year2=y2, month=b, day=a)
        if b > 12 and a <= 12:
            return Sem("date", s, e, year=y, year2=y2, month=a, day=b)
        if a > 12 or b > 12 or a == 0 or b == 0:
            return None
        return Sem("date", s, e, year=y, year2=y2, month=a, day=b, ambiguous_order=(a, b))
    if name in ("dmy", "mdy"):
        mon = P.MONTHS[g["mon"].rstrip(".")]
        d = _day(g["d"])
        if d > 31:
            return None
        sem = Sem("date", s, e, month=mon, day=d)
        if g["y"]:
            sem.year, sem.year2 = _year(g["y"])
        if g["wd"]:
            sem.weekday = P.WEEKDAYS[g["wd"]]
        # "May 5" is a date, but "May 5 people" is not
        if name == "mdy" and not g["y"] and not g["wd"] and (re.match(r"\s+\d", text[e : e + 3])
                                                             or P.COUNT_NOUN.match(text, e)):
            return None
        return sem
    if name == "my":
        y, y2 = _year(g["y"])
        return Sem("date", s, e, year=y, year2=y2, month=P.MONTHS[g["mon"].rstrip(".")], mod=_mod(g["mod"]))
    if name == "month":
        mod = (g["mod"] or "").lower().strip() or None
        if not mod and not P.PREP_BEFORE.search(_prev_text(text, s)):
            return None
        if g["mon"] == "May" and not mod and re.search(r"(?:^|[.!?\"“]\s*)$", _prev_text(text, s)):
            return None
        sem = Sem("date", s, e, month=P.MONTHS[g["mon"]])
        if mod in ("last", "this past"):
            sem.tense_hint, sem.offset = "past", -1
        elif mod in ("next", "this coming"):
            sem.tense_hint, sem.offset = "future", 1
        elif mod == "this":
            sem.offset = 0
            sem.tense_hint = "this"
        else:
            sem.mod = _mod(mod)
        return sem
    if name == "year":
        pre = _prev_text(text, s)
        if not g["mod"] and (P.QUANT_BEFORE.search(pre) or P.COUNT_NOUN.match(text, e)):
            return None
        if re.match(r"\s*(?:%|percent|per cent)", text[e : e + 10]):
            return None
        mod = (g["mod"] or "").lower()
        sem = Sem("date", s, e, year=int(g["y"]), mod=_mod(mod))
        if mod == "the first half of":
            sem.value, sem.mod = f"{g['y']}-H1", None
        elif mod == "the second half of":
            sem.value, sem.mod = f"{g['y']}-H2", None
        return sem
    if name == "yrange":
        y1 = int(g["y1"])
        y2s = g["y2"]
        y2 = int(y2s) if len(y2s) == 4 else (y1 // 100) * 100 + int(y2s)
        if y2 <= y1 or y2 - y1 > 100:
            return None
        # Two expressions, one per year: returned via ``value`` marker handled by the scanner.
        return Sem("yrange", s, e, year=y1, offset=y2)
    if name == "decade":
        dec = g["dec"].lstrip("'’")
        digits = dec[:-1]
        if len(digits) == 2:
            digits = ("19" if int(digits) >= 30 else "20") + digits
        return Sem("decade", s, e, year=int(digits), mod=_mod(g["mod"]))
    if name == "century":
        o = g["ord"].lower()
        n = {"nineteenth": 19, "twentieth": 20, "twenty-first": 21}.get(o) or _day(o)
        return Sem("century", s, e, year=(n - 1) * 100)
    if name in ("time", "time_ampm", "time_mil"):
        if name == "time_mil":
            h, mi = int(g["HM"][:2]), int(g["HM"][2:])
        else:
            h, mi = int(g["H"]), int(g["M"] or 0)
            ap = (g.get("ap") or "").lower().replace(".", "")
            if ap == "pm" and h < 12:
                h += 12
            elif ap == "am" and h == 12:
                h = 0
            if name == "time" and not ap and not g.get("tz") and re.match(r"\d", text[e : e + 1] or "x"):
                return None
        return Sem("time", s, e, hour=h, minute=mi)
    if name == "time_word":
        w = g["w"].lower()
        return Sem("time", s, e, hour=0 if w == "midnight" else 12, minute=0)
    if name == "weekday":
        if re.match(r"'s\b|’s\b", text[e : e + 2]) is None and text[e : e + 1] == "s":
            return None
        if not g["pod"] and _NOT_WEEKDAY_AFTER.match(text, e):
            return None
        if not g["mod"] and not g["pre"] and _NOT_WEEKDAY_BEFORE.search(text, max(0, s - 12), s):
            return None
        mod = (g["mod"] or "").lower()
        sem = Sem("weekday", s, e, weekday=P.WEEKDAYS[g["wd"]])
        if mod in ("last", "past", "this past"):
            sem.tense_hint = "past"
        elif mod in ("next", "coming", "this coming"):
            sem.tense_hint = "future"
        elif mod == "this":
            sem.tense_hint = "this"
        elif mod in ("until", "by"):
            sem.start = m.start("wd") if not g["pre"] else m.start("pre")
            sem.prep = mod
        pod = (g["pod"] or "").lower()
        pre = (g["pre"] or "").lower()
        if pod:
            sem.part = P.PARTS[pod]
        elif "hours" in pre or "night" in pre:
            sem.part = "NI"
        elif "morning" in pre:
            sem.part = "MO"
        elif "evening" in pre:
            sem.part = "EV"
        elif "afternoon" in pre:
            sem.part = "AF"
        elif mod in ("early", "early on"):
            sem.part = "MO"
        return sem
    if name == "relday":
        w = g["w"].lower()
        if g["mod"] and w in ("the day before yesterday", "the day after tomorrow"):
            s = m.start("w")
        off = {"the day before yesterday": -2, "the day after tomorrow": 2, "yesterday": -1, "today": 0,
               "tomorrow": 1, "tonight": 0, "last night": -1, "overnight": -1}.get(w, 0)
        sem = Sem("relday", s, e, offset=off)
        if w in ("tonight", "last night", "overnight"):
            sem.part = "NI"
        elif w.startswith("this "):
            sem.part = P.PARTS[w[5:]]
        if g["pod"]:
            sem.part = P.PARTS[g["pod"].lower()]
        return sem
    if name in ("relunit", "theunit"):
        det = (g.get("det") or "this").lower()
        u = g["unit"].lower()
        unit = {"weekend": "WE", "quarter": "Q", "fortnight": "W"}.get(u) or P.SEASONS.get(u) or _unit(u)
        if det in ("the past", "the last", "the coming", "the next") and u in ("week", "month", "year", "decade",
                                                                              "century", "fortnight"):
            if g.get("mod"):
                return None
            amount = 2.0 if u == "fortnight" else 1.0
            return Sem("duration", s, e, unit="W" if u == "fortnight" else unit, amount=amount,
                       tense_hint="past" if det in ("the past", "the last") else "future")
        off = {"last": -1, "past": -1, "previous": -1, "the previous": -1, "this past": -1, "next": 1,
               "coming": 1, "the coming": 1, "following": 1, "the following": 1, "this coming": 1,
               "the next": 1, "the last": -1, "the past": -1}.get(det, 0)
        if unit == "D":
            if name == "theunit" and u == "day":
                return Sem("relday", s, e, offset=0, mod=_mod(g["mod"]))
            return None
        sem = Sem("relunit", s, e, unit=unit, offset=off, mod=_mod(g.get("mod")))
        sem.anaphoric = det in ("previous", "the previous", "following", "the following")
        sem.tense_hint = "past" if off < 0 else ("future" if off > 0 else None)
        if u == "fortnight":
            return Sem("duration", s, e, unit="W", amount=2.0)
        return sem
    if name == "ago":
        d = g["dir"].lower()
        bare = not g["num"] and not g["vague"]
        if bare and (g["approx"] or g["unit"].lower() == g["unit"].lower().rstrip("s") or d in ("later", "earlier")):
            return None  # "year ago" is not English; "years later" has no amount to shift by
        amount = _num(g["num"]) if g["num"] else None
        unit = _unit(g["unit"])
        direction = -1 if d in ("ago", "earlier") else 1
        if d in ("later", "earlier"):
            if amount is None:
                return None
            return Sem("shift", s, e, unit=unit, amount=amount, offset=direction, anaphoric=True)
        return Sem("ago", s, e, unit=unit, amount=amount, offset=direction,
                   tense_hint="past" if direction < 0 else "future")
    if name == "nextday":
        det = g["det"].lower()
        u = g["u"].lower()
        # ("the same day": the day of the anchor itself)
        return Sem("shift", s, e, unit="D", amount=0.0 if det == "same" else 1.0,
                   offset=-1 if det in ("previous", "preceding") else 1,
                   anaphoric=True, part=None if u == "day" else P.PARTS[u])
    if name == "weekend":
        return Sem("weekend", s, e)
    if name == "fiscal":
        return Sem("date", s, e, year=int(g["y"]), value=f"FY{g['y']}")
    if name == "holiday":
        month, day = (int(x) for x in P.HOLIDAYS[g["h"]].split("-"))
        sem = Sem("date", s, e, month=month, day=day)
        if g["y"]:
            sem.year = int(g["y"])
        elif g["rel"]:  # "Christmas Eve last year"
            sem.tense_hint, sem.offset = "relyear", {"last": -1, "next": 1}.get(g["rel"].split(" ")[0].lower(), 0)
        elif g["mod"]:
            sem.tense_hint = {"last": "past", "next": "future"}.get(g["mod"].lower(), "this")
        return sem
    if name == "time_oclock":
        h = int(g["H"])
        ap = (g.get("ap") or "").lower().replace(".", "")
        h = h + 12 if ap == "pm" and h < 12 else (0 if ap == "am" and h == 12 else h)
        return Sem("time", s, e, hour=h, minute=0)
    if name == "season":
        mod = (g["mod"] or "").lower()
        word = g["season"].lower()
        if not g["y"]:
            if not mod:
                return None
            if mod == "the" and not P.PREP_BEFORE.search(_prev_text(text, s)):
                return None
            if word == "fall" and mod in ("by", "since", "until", "through", "in", "the"):
                return None
        prep = None
        if mod in ("in the", "in", "during the", "during", "by", "since", "until", "through"):
            prep = mod.split()[0]
            s = m.start("season") if mod in ("in", "during", "by", "since", "until", "through") else s + len(prep) + 1
        sem = Sem("season", s, e, unit=P.SEASONS[word], mod=_mod(mod), prep=prep)
        if g["y"]:
            sem.year = int(g["y"])
        return sem
    if name == "quarter":
        o = g["ord"].lower()
        n = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}.get(o, -1)
        q = "Q" if g["q"].lower() == "quarter" else "H"
        if n == -1:
            n = 4 if q == "Q" else 2
        if q == "H" and n > 2:
            return None
        sem = Sem("quarter", s, e, unit=q, amount=float(n))
        if not g["y"] and not g["rel"]:
            if o in ("last", "final") or re.match(r"\s*(?:of|-)", text[e : e + 4]):
                return None  # "the last quarter" of what? "the first half of the match"
            sem.implicit_year = True
            return sem
        if g["y"]:
            sem.year = int(g["y"])
        else:
            sem.offset = {"last": -1, "next": 1}.get(g["rel"].split()[0].lower(), 0)
        return sem
    if name == "qn":
        return Sem("quarter", s, e, unit=g["q"], amount=float(g["n"]), year=int(g["y"]))
    if name == "firstn":
        n = _num(g["num"])
        if not n:
            return None
        unit = g["unit"].lower()
        first = g["ord"].lower() == "first"
        if unit == "months" and not g["mon"]:
            k = int(n)
            if k > 12:
                return None
            rng = (1, k) if first else (13 - k, 12)
            sem = Sem("quarter", s, e, range_months=rng)
            if g["y"]:
                sem.year = int(g["y"])
            else:
                sem.offset = {"last": -1, "next": 1}.get(g["rel"].split()[0].lower(), 0)
            return sem
        return None
    if name == "duration":
        amount = _num(g["num"])
        det = (g["det"] or "").lower()
        unit = _unit(g["unit"])
        word = g["num"].lower()
        if word in ("a", "an") and g["unit"].lower().endswith("s") and g["unit"].lower() != "centuries":
            return None
        sem = Sem("duration", s, e, unit=unit, amount=amount)
        if det in ("the past", "the last", "past", "last", "the previous"):
            sem.tense_hint = "past"
        elif det in ("the next", "the coming", "next"):
            sem.tense_hint = "future"
        if word in ("a", "an", "one", "per") and not det:
            prev = _prev_text(text, s, 25)
            after = text[e : e + 12]
            if re.search(r"(?i)(?:[a-z]{3}|\d)\s+$", prev) and not g["approx"] and not re.search(
                r"(?i)\b(?:for|in|within|over|after|than|about|nearly|almost|under|just|only|half|of|past|last|"
                r"the|first|around|least|more|less|some|spent|took|takes|take|lasted|lasts|last|nearly|by|into|"
                r"once|twice|times|every|each|per|to|throughout|during|following|before|ended|since|with|without)\s+$",
                prev,
            ) and not re.match(r"(?i)\s*(?:after|before|later|earlier|ago|of|into|since|long|old|-)", after):
                return Sem("set", s, e, value=f"PT1{unit[0]}" if unit in ("H", "S", "MIN") else f"P1{unit}")
        return sem
    if name == "bareunit":
        det = (g["det"] or "").lower()
        unit = _unit(g["unit"])
        prev = _prev_text(text, s, 20)
        after = text[e : e + 12]
        if not det:
            if not (re.search(r"(?i)\b(?:for|within|over|in|after|take|took|takes|lasted|last|spent|past)\s+$", prev)
                    or re.match(r"(?i)\s+(?:before|after|later|earlier|of\b|on end|long)", after)):
                return None
            if re.search(r"(?i)\d\s*$|\b(?:the|a|an|of)\s+$", prev):
                return None
        sem = Sem("duration", s, e, unit=unit, amount=None)
        if det in ("recent", "the past", "the last", "past", "the previous"):
            sem.tense_hint = "past"
        elif det in ("the coming", "the next", "coming"):
            sem.tense_hint = "future"
        return sem
    if name == "set":
        q = g["q"].lower()
        u = g["unit"]
        if u in P.WEEKDAYS:
            return Sem("set", s, e, value=f"XXXX-WXX-{P.WEEKDAYS[u] + 1}")
        ul = u.lower()
        if ul in ("morning", "night", "evening", "afternoon"):
            return Sem("set", s, e, value=f"XXXX-XX-XXT{P.PARTS[ul]}")
        n = _num(g["num"]) if g["num"] else 1.0
        if q == "every other":
            n = 2.0
        unit = _unit(u)
        nn = int(n) if n and float(n).is_integer() else n
        val = f"PT{nn}{unit[0]}" if unit in ("H", "S", "MIN") else f"P{nn}{unit}"
        return Sem("set", s, e, value=val)
    if name == "set_adv":
        w = g["w"].lower()
        return Sem("set", s, e, value=P.SET_ADVERBS[w])
    if name == "set_wd":
        return Sem("set", s, e, value=f"XXXX-WXX-{P.WEEKDAYS[g['wd']] + 1}")
    if name == "ref":
        w = g["w"].lower()
        if w.startswith("the ") and not _REF_PREP.search(_prev_text(text, s)):
            return None
        if w == "soon" and (re.search(r"(?i)\b(?:as|how|too|so)\s+$", _prev_text(text, s, 8))
                            or re.match(r"(?i)\s*(?:after|afterwards|thereafter|as|enough|be\b)", text[e : e + 12])):
            return None  # "as soon as", "soon after the attack": no reference to the future
        return Sem("ref", s, e, value=P.REF_WORDS[w])
    return None


class _Joined:
    """A core match extended backwards by its rule's prefix (``patterns.PREFIXES``)."""

    def __init__(self, m: re.Match[str], p: re.Match[str]) -> None:
        self._m, self._p = m, p
        self._g = {**m.groupdict(), **p.groupdict()}

    def start(self, group: str | None = None) -> int:
        if group is None:
            return self._p.start()
        return self._p.start(group) if group in self._p.groupdict() else self._m.start(group)

    def end(self, group: str | None = None) -> int:
        return self._m.end() if group is None else self._m.end(group)

    def groupdict(self) -> dict[str, str | None]:
        return self._g


def _windows(text: str, lo: int, hi: int) -> dict[frozenset[str], list[tuple[int, int]]]:
    """Per trigger set, merged windows around the tokens that can anchor a rule's match."""
    positions: dict[str, list[tuple[int, int]]] = {}
    for m in P.TOKEN.finditer(text, lo, hi):
        cat = P.token_category(m.group(0))
        if cat is not None:
            positions.setdefault(cat, []).append((m.start(), m.end()))
    out: dict[frozenset[str], list[tuple[int, int]]] = {}
    for cats in set(P.TRIGGERS.values()):
        spans = sorted(p for c in cats for p in positions.get(c, ()))
        merged: list[tuple[int, int]] = []
        for s, e in spans:
            a, b = max(lo, s - P.WINDOW_BEFORE), min(hi, e + P.WINDOW_AFTER)
            if merged and a <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], b))
            else:
                merged.append((a, b))
        # widen to whole words so that a window never cuts a word in two
        for i, (a, b) in enumerate(merged):
            while a > lo and text[a - 1].isalnum():
                a -= 1
            while b < hi and text[b].isalnum():
                b += 1
            merged[i] = (a, b)
        out[cats] = merged
    return out


def scan(text: str, lo: int, hi: int) -> list[Sem]:
    """All expressions in text[lo:hi], overlaps settled longest-first, clock times merged."""
    cands: list[Sem] = []
    windows = _windows(text, lo, hi)
    seen: set[tuple[str, int, int]] = set()
    for name, rx in P.RULES.items():
        prefix = P.PREFIXES.get(name)
        for wlo, whi in windows[P.TRIGGERS[name]]:
            for m in rx.finditer(text, wlo, whi):
                if prefix is not None:
                    pm = prefix.search(text, max(lo, m.start() - P.WINDOW_BEFORE), m.start())
                    if pm is None:
                        continue  # the prefixes match empty only after a non-word character: mid-word
                    m = _Joined(m, pm)  # type: ignore[assignment]
                if m.end() == m.start() or (name, m.start(), m.end()) in seen:
                    continue
                if m.start() > lo and text[m.start() - 1].isalpha() and text[m.start()].isalpha():
                    continue  # starts inside a word
                seen.add((name, m.start(), m.end()))
                try:
                    sem = _parse(name, m, text)
                except (KeyError, ValueError, AttributeError):
                    sem = None
                if sem is None:
                    continue
                if sem.kind == "yrange":
                    cands.append(Sem("date", m.start("y1"), m.end("y1"), year=sem.year))
                    cands.append(Sem("date", m.start("y2"), m.end("y2"), year=sem.offset))
                    continue
                cands.append(sem)
    chosen = _settle(cands)
    chosen = _merge_times(text, chosen)
    for sem in chosen:
        _attach_prep(text, sem)
    return chosen


def _settle(cands: list[Sem]) -> list[Sem]:
    """Keep the longest of overlapping candidates (earliest on ties); O(n log n)."""
    cands.sort(key=lambda c: (-(c.end - c.start), c.start))
    starts: list[int] = []  # sorted starts of kept spans; kept spans never overlap
    ends: list[int] = []
    out: list[Sem] = []
    for c in cands:
        i = bisect.bisect_left(starts, c.end)  # kept spans starting before c ends: indices < i
        if i > 0 and ends[i - 1] > c.start:
            continue
        starts.insert(i, c.start)
        ends.insert(i, c.end)
        out.append(c)
    out.sort(key=lambda c: c.start)
    return out


def _gap(text: str, lo: int, hi: int, words: tuple[str, ...]) -> bool:
    r"""Whether text[lo:hi] is ``\s*(?:,\s*)?(?:WORD\s+)?`` for one of ``words``.

    A string test rather than a regex: that regex, scanned over a text, re-reads a run of spaces
    from each of its positions (quadratic)."""
    if hi < lo:
        return False
    g = text[lo:hi].lstrip()
    if g[:1] == ",":
        g = g[1:].lstrip()
    return not g or any(g.startswith(w) and g[len(w) :].isspace() for w in words)


def _has_day(s: Sem) -> bool:
    return (s.kind == "date" and s.day is not None and s.hour is None) or (
        s.kind in ("weekday", "relday") and s.part is None
    )


def _merge_times(text: str, sems: list[Sem]) -> list[Sem]:
    out: list[Sem] = []
    i = 0
    while i < len(sems):
        a = sems[i]
        b = sems[i + 1] if i + 1 < len(sems) else None
        if b is not None and a.kind == "time" and _has_day(b) and _gap(text, a.end, b.start, ("on", "of")):
            out.append(replace(b, start=a.start, hour=a.hour, minute=a.minute))
            i += 2
            continue
        if b is not None and b.kind == "time" and _has_day(a) and _gap(text, a.end, b.start, ("at", "from")):
            out.append(replace(a, end=b.end, hour=b.hour, minute=b.minute))
            i += 2
            continue
        out.append(a)
        i += 1
    return out


def _attach_prep(text: str, sem: Sem) -> None:
    if sem.prep:
        return
    m = _PREP.search(text, max(0, sem.start - 12), sem.start)
    if m:
        sem.prep = m.group(1).lower()
