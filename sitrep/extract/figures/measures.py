"""What a number counts: its measure, unit and subject ("9,800 American troops" -> troops,
persons, United States), ranges ("between 7,000 and 9,000"), and the numbers that are no figures."""

from __future__ import annotations

import re

from ..numbers import Quantity
from .lexicon import _lex, _registry

_CHANGE_BEFORE = re.compile(
    r"\b(?P<w>up|down|rose|rising|risen|fell|falling|fallen|increased|decreased|dropped|jumped|declined|"
    r"climbed|increase of|decrease of|rise of|drop of|fall of|jump of|decline of)\s+(?:by\s+)?$",
    re.IGNORECASE,
)
_DOWN = frozenset(
    [
        "down",
        "fell",
        "falling",
        "fallen",
        "decreased",
        "dropped",
        "declined",
        "decrease",
        "drop",
        "fall",
        "decline",
    ]
)
# Linear scans: a match is tried only where a run of name characters (or, below, of spaces) begins,
# and skips to the run's first capital itself, instead of being retried from every letter of it.
_POSSESSIVE = re.compile(
    r"(?<![\w.&-])(?:(?![A-Z])[\w.&-])*+"
    r"(?P<p>[A-Z][\w.&-]*+(?:\s+[A-Z][\w.&-]*+){0,2})['\u2019]s\s+(?:\w+\s+)?$"
)

_RANGE_JOIN = re.compile(r"^\s*(?:and|to|-|\u2013)\s*$", re.IGNORECASE)
_BETWEEN = re.compile(r"\bbetween\s+$", re.IGNORECASE)
_OUTCOME_WORDS = (
    "killed",
    "wounded",
    "displaced",
    "detained",
    "abducted",
    "evacuated",
    "released",
    "fled",
    "casualties",
)


def _ranges(stext: str, qs: list[Quantity]) -> list[Quantity]:
    """'between 7,000 and 9,000' / '3,000 to 4,000' / '20-30' -> one quantity: the lower bound, 'at least'."""
    out: list[Quantity] = []
    i = 0
    while i < len(qs):
        q = qs[i]
        nxt = qs[i + 1] if i + 1 < len(qs) else None
        if (
            nxt is not None
            and q.value is not None
            and nxt.value is not None
            and q.qualifier == "exact"
            and q.value < nxt.value
            and not (q.percent and not nxt.percent)
            and not _skip(stext, q)
            and not _skip(stext, nxt)
        ):
            join = stext[q.end : nxt.start]
            between = _BETWEEN.search(stext[: q.start])
            if _RANGE_JOIN.match(join) and (between or "and" not in join.lower()):
                start = between.start() if between else q.start
                out.append(
                    Quantity(
                        start,
                        nxt.end,
                        stext[start : nxt.end],
                        q.value,
                        "at least",
                        None,
                        q.percent or nxt.percent,
                    )
                )
                i += 2
                continue
        out.append(q)
        i += 1
    return out


def _outcome_before(before: str, measure: str, prev_measure: str | None) -> str:
    """Add the outcome written before the number: 'killed at least 12 people' -> 'people killed'."""
    lex = _lex()
    if (
        measure.endswith(_OUTCOME_WORDS)
        or measure.startswith(("share", "change"))
        or measure in {"money", "aid"}
    ):
        return measure
    if measure not in lex.people and measure not in {"people", "others"}:
        return measure
    outcome = None
    bm = lex.before_re.search(before)
    if bm:
        outcome = lex.outcomes_before[" ".join(bm.group("o").lower().split())]
    elif prev_measure and lex.inherit_re.search(before):
        if prev_measure in {"deaths", "civilian deaths"}:
            outcome = "killed"
        else:
            outcome = next((w for w in _OUTCOME_WORDS if prev_measure.endswith(w)), None)
    if (
        outcome is None
        or outcome in measure
        or measure in {"casualties", "deaths", "victims", "civilian casualties", "civilian deaths"}
    ):
        return measure
    if outcome == "casualties":
        adj = {"civilians": "civilian", "troops": "troop", "people": ""}.get(measure, measure)
        return f"{adj} casualties".strip()
    return f"{measure} {outcome}"


def _skip(stext: str, q: Quantity) -> bool:
    lex = _lex()
    before, after = stext[: q.start], stext[q.end :]
    if after.startswith("/") or before.endswith("/") or before.endswith(":") and q.value and q.value < 100:
        return True
    if not q.percent and lex.skip_after.match(after):
        return True
    if lex.skip_before.search(before):
        return True
    prev = before.rstrip().rsplit(None, 1)[-1].lower().strip(".,") if before.strip() else ""
    nxt = after.strip().split(None, 1)[0].lower().strip(".,") if after.strip() else ""
    if prev in lex.months or nxt in lex.months:
        return True
    digits = re.sub(r"\D", "", q.text)
    return (
        not q.percent
        and q.value is not None
        and float(q.value).is_integer()
        and 1900 <= q.value <= 2100
        and "," not in q.text
        and len(digits) == 4
    )


_OF_THE = re.compile(r"^\s+of\s+(?:the|their|its|his|her|our|these|those|them)\s+")
_CHANGE_AFTER = re.compile(
    r"^\s+(?P<w>increase|rise|jump|surge|drop|decrease|fall|decline|reduction|cut)\b", re.IGNORECASE
)
_SHARE_ANY = re.compile(
    r"^\s+of\s+(?:the\s+|all\s+|its\s+|their\s+)?(?:(?:affected|total|remaining|registered|existing)\s+)?"
    r"(?P<n>[a-z]+s)\b"
)


def _measure(
    stext: str, q: Quantity, last_share: str | None, prev_measure: str | None = None
) -> tuple[str, str, str | None, int, int, float] | None:
    """(measure, unit, subject, start, end, value) for a quantity, or None when it is not a figure."""
    lex = _lex()
    if q.value is None or _skip(stext, q):
        return None
    value = float(q.value)
    before, after = stext[: q.start], stext[q.end :]
    is_words = not any(ch.isdigit() for ch in q.text)
    lo, hi = q.start, q.end
    if q.percent:
        ch = _CHANGE_BEFORE.search(before)
        ca = _CHANGE_AFTER.match(after)
        sm = lex.share_re.match(after)
        if ch or ca:
            base = _last_noun_phrase(before[: ch.start()] if ch else before)
            if prev_measure and not prev_measure.startswith(("share", "change")):
                base = (prev_measure, base[1] if base else None, "", "", 0)
            word = ch.group("w") if ch else ca.group("w")  # type: ignore[union-attr]
            if ch:
                lo = ch.start()
            else:
                hi += ca.end()  # type: ignore[union-attr]
            if word.split()[0].lower() in _DOWN:
                value = -value
            return (
                f"change in {base[0]}" if base else "change",
                "percent",
                base[1] if base else None,
                lo,
                hi,
                value,
            )
        if sm:
            return lex.share[sm.group("n").lower()], "percent", None, lo, hi + sm.end(), value
        gm = _SHARE_ANY.match(after)
        if gm:
            return f"share of {gm.group('n')}", "percent", None, lo, hi + gm.end(), value
        return last_share or "share", "percent", None, lo, hi, value
    unit = "USD" if before.endswith("$") else "persons"
    if unit == "USD":
        lo -= 1
    if unit == "USD" and not lex.noun_re.match(after):
        mm = re.match(
            r"^\s+(?:in|of|for)\s+(?:\w+\s+)?(?P<w>aid|assistance|funding|support|reconstruction|damages|compensation|ransom)\b",
            after,
            re.IGNORECASE,
        )
        return (
            (mm.group("w").lower() if mm else "money"),
            "USD",
            None,
            lo,
            hi + (mm.end() if mm else 0),
            value,
        )
    if after.lower().startswith("-strong"):
        subject = _subject(before[-40:], possessive=True)
        nxt = re.match(
            r"-strong\s+(?:[\w-]+\s+)?(?:mission|force|forces|army|contingent|team|unit|coalition|militia)\b",
            after,
            re.IGNORECASE,
        )
        return "troops", "persons", subject, lo, hi + (nxt.end() if nxt else len("-strong")), value
    nm = lex.noun_re.match(after)
    of_the = _OF_THE.match(after) if nm is None and not (is_words and value == 1) else None
    if of_the:  # "five of their fighters", "65 of the drones"
        nm2 = lex.noun_re.match(" " + after[of_the.end() :])
        if nm2:
            nm, hi = nm2, hi + of_the.end() - 1
            after = after[of_the.end() - 1 :]
    if nm:
        noun = nm.group("noun").lower()
        mods = nm.group("mods")
        cls = lex.nouns.get(noun, noun)
        end = hi + nm.end()
        rest = after[nm.end() :]
        ofm = re.match(
            r"^\s+of\s+(?:the\s+)?(?P<n>security forces|forces|police|army|military)\b", rest, re.IGNORECASE
        )
        if ofm and cls in {"members", "people"}:
            cls = (
                "security forces"
                if "security" in ofm.group("n").lower() or "police" in ofm.group("n").lower()
                else "troops"
            )
            end += ofm.end()
            rest = rest[ofm.end() :]
        if cls == "money":
            unit = noun
        measure, end = _with_outcome(cls, mods, rest, end)
        subject = _subject(mods, cls=cls, noun=noun) or _subject(before[-40:], possessive=True)
        return (
            measure,
            unit if cls == "money" else ("persons" if cls in lex.people else "count"),
            subject,
            lo,
            end,
            value,
        )
    if is_words:
        return None
    om = lex.outcome_re.match(after)
    base = _last_noun_phrase(before)
    if om:
        cls = lex.nouns.get(base[2], "people") if base else "people"
        if cls not in lex.people:
            cls = "people"
        measure, end = _with_outcome(cls, base[3] if base else "", after, hi)
        return measure, "persons", base[1] if base else None, lo, end, value
    if base and base[4] >= len(before) - 70:
        return base[0], "persons" if lex.nouns.get(base[2]) in lex.people else "count", base[1], lo, hi, value
    return None


def _with_outcome(cls: str, mods: str, rest: str, end: int) -> tuple[str, int]:
    lex = _lex()
    om = lex.outcome_re.match(rest)
    civilian = "civilian" in mods.lower()
    if cls in {"casualties", "deaths", "victims"} and civilian:
        return f"civilian {cls}", end
    if not om:
        return cls, end
    outcome = lex.outcomes[om.group("o").lower()]
    end += om.end()
    if outcome == "casualties":
        adj = {"civilians": "civilian", "troops": "troop", "people": ""}.get(cls, cls)
        return f"{adj} casualties".strip(), end
    return f"{cls} {outcome}", end


_VERB_USE = re.compile(r"(?<!\s)\s+(?:more|at|about|some|nearly|over|up|almost|around|roughly|an|\d)", re.IGNORECASE)
_NAME_BEFORE = re.compile(r"(?<![\w.'-])(?:(?![A-Z])[\w.'-])*+[A-Z][\w.'-]*+\s+$")  # see _POSSESSIVE


def _last_noun_phrase(before: str) -> tuple[str, str | None, str, str, int] | None:
    """The last measure noun before a number: (measure, subject, noun, modifiers, position)."""
    lex = _lex()
    last = None
    for m in lex.noun_any.finditer(before):
        noun = m.group("noun")
        if noun.lower() in {"displaced", "wounded"} and _VERB_USE.match(before, m.end()):
            continue  # "displaced more than 11 million": a verb, not the noun
        if noun[:1].isupper() and _NAME_BEFORE.search(before, 0, m.start("noun")):
            continue  # "the Rapid Support Forces": part of a name
        last = m
    if last is None:
        return None
    noun = last.group("noun").lower()
    cls = lex.nouns.get(noun, noun)
    mods = last.group("mods")
    measure = f"civilian {cls}" if cls in {"casualties", "deaths"} and "civilian" in mods.lower() else cls
    if cls in {"people", "civilians"} and re.search(r"\bdisplaced\s+$", before[: last.start("noun")]):
        measure = "displaced people"
    return measure, _subject(mods, cls=cls, noun=noun), noun, mods, last.end()


def _subject(mods: str, cls: str = "", noun: str = "", possessive: bool = False) -> str | None:
    """Whose figure: demonyms and actor names among the modifiers ("American troops" -> United States)."""
    lex = _lex()
    if possessive:
        pm = _POSSESSIVE.search(mods)
        if not pm:
            return None
        mods = pm.group("p")
    for m in lex.demonym_re.finditer(mods):
        word = m.group(0)
        if word.lower() in {"us", "un", "uk"} and not word.isupper():
            continue
        canon = lex.demonyms[word.lower()]
        if cls in {"civilians", "people", "children", "women", "refugees"}:
            return f"{word[0].upper()}{word[1:]} {noun}"
        return canon
    for _s, _e, actor in _registry().find(mods):
        return actor.name
    return None


