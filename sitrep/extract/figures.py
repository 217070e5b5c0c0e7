"""Figures: newsworthy quantities with measure, subject, qualifier, source, period and status.

Numbers come from ``numbers.find_quantities`` (shared with event fatalities). A quantity is kept
when it counts people, forces, casualties, territory, places or money: it needs a head noun
from the figures lexicon after it ("9,800 American troops"), an outcome ("45,000 killed"), a
percent ("70 percent of districts", "up 8%"), a strength ("10,000-strong mission"), or a
measure noun shortly before it ("reduced US forces ... to just 2,500"). Years, dates, times,
durations, ages, ordinals, ids and "9/11" are skipped. All lexicons live in
``sitrep/data/figures/lexicon.json``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from ..model import Cite, Figure, RecordDate, mention
from .actors import ActorRegistry
from .dates import record_date
from .numbers import Quantity, find_quantities
from .places import Gazetteer

if TYPE_CHECKING:
    from .context import Context

_STOP = r"(?:of|in|on|at|were|was|are|is|have|has|had|and|or|to|the|from|by|with|than|who|that|which|a|an|as|for|since|last|this)"
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
_YEAR = re.compile(r"\b(?P<kw>in|since|during|from|by|of|for)?\s*(?P<y>(?:19|20)\d\d)\b", re.IGNORECASE)
_LAST_YEAR = re.compile(r"\blast year\b|\bthis year\b", re.IGNORECASE)
_ACCORDING = re.compile(r"\baccording to\s+(?P<s>[^,;]{2,120})", re.IGNORECASE)
_CITED = re.compile(
    r"(?<![\w.])(?P<x>[\w.]++)\s+(?P<n>estimates|figures|data|statistics|report)\s+(?:cited|published|compiled|released)\s+by\s+(?:the\s+)?(?P<y>[^,;.]+)",
    re.IGNORECASE,
)
_TRAIL_SAID = re.compile(
    r",\s*(?P<s>(?:the\s+)?[A-Z][\w.'-]*(?:\s+[\w.'-]+){0,5}?)\s+(?:said|says|reported|told|announced)\b[^,]*[.!?]?\s*$"
)


@dataclass(frozen=True)
class _Lex:
    nouns: dict[str, str]
    noun_re: re.Pattern[str]  # modifiers + head noun right after a number
    noun_any: re.Pattern[str]  # a head noun anywhere (look-back)
    people: frozenset[str]
    outcomes: dict[str, str]
    outcome_re: re.Pattern[str]
    share: dict[str, str]
    share_re: re.Pattern[str]
    fraction_re: re.Pattern[str]
    fractions: dict[str, float]
    demonyms: dict[str, str]
    demonym_re: re.Pattern[str]
    sources: dict[str, str]
    source_re: re.Pattern[str]
    source_noun_re: re.Pattern[str]
    planned: re.Pattern[str]
    possible: re.Pattern[str]
    skip_after: re.Pattern[str]
    skip_before: re.Pattern[str]
    months: frozenset[str]
    before_re: re.Pattern[str]  # an outcome verb right before the number ("killed at least 12 people")
    outcomes_before: dict[str, str]
    inherit_re: re.Pattern[str]  # "..., including four children": the previous figure's outcome


def _alt(words: Any) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _lex() -> _Lex:
    raw = json.loads(
        resources.files("sitrep.data").joinpath("figures/lexicon.json").read_text(encoding="utf-8")
    )
    nouns = raw["nouns"]
    noun_alt = _alt(nouns)
    outcomes = raw["outcomes"]
    mods = rf"(?:(?!{_STOP}\b)[A-Za-z][\w.'\u2019-]*\s+){{0,4}}?"
    return _Lex(
        nouns=nouns,
        noun_re=re.compile(rf"^(?:\s+|-)(?P<mods>{mods})(?P<noun>{noun_alt})\b", re.IGNORECASE),
        noun_any=re.compile(
            rf"(?P<mods>(?:[A-Za-z][\w.'\u2019-]*\s+){{0,3}}?)(?P<noun>{noun_alt})\b", re.IGNORECASE
        ),
        people=frozenset(raw["people_measures"]),
        outcomes=outcomes,
        outcome_re=re.compile(
            rf"^(?:\s*,\s*(?:including|among them|mostly|most of them)\s[^,;.]{{1,60}},)?"
            rf"\s+(?:(?:who\s+)?(?:were|was|have\s+been|had\s+been|has\s+been|are|is|being|been|have|had|has)\s+)?(?:\w+ly\s+)?(?P<o>{_alt(outcomes)})\b",
            re.IGNORECASE,
        ),
        share=raw["share_nouns"],
        share_re=re.compile(
            rf"^\s+of\s+(?:the\s+|its\s+|their\s+|all\s+)?(?:\w+\s+)?(?P<n>{_alt(raw['share_nouns'])})\b",
            re.IGNORECASE,
        ),
        fraction_re=re.compile(
            rf"\b(?:(?P<qual>just over|just under|more than|nearly|almost|about|around|roughly|over|less than|some)\s+)?"
            rf"(?P<f>{_alt(raw['fractions'])})\s+(?:of\s+)?(?:the\s+|its\s+|all\s+)?(?P<n>{_alt(raw['share_nouns'])})\b",
            re.IGNORECASE,
        ),
        fractions={k.lower(): float(v) for k, v in raw["fractions"].items()},
        demonyms=raw["demonyms"],
        demonym_re=re.compile(rf"(?<![\w.])(?:{_alt(raw['demonyms'])})(?![\w])", re.IGNORECASE),
        sources=raw["sources"],
        source_re=re.compile(rf"(?<![\w.])(?:{_alt(raw['sources'])})(?![\w])", re.IGNORECASE),
        source_noun_re=re.compile(rf"(?P<x>(?:[A-Z][\w.&'-]*\s+){{1,4}}?)(?:{_alt(raw['source_nouns'])})\b"),
        planned=re.compile(raw["planned"], re.IGNORECASE),
        possible=re.compile(raw["possible"], re.IGNORECASE),
        skip_after=re.compile(raw["skip_after"], re.IGNORECASE),
        skip_before=re.compile(raw["skip_before"], re.IGNORECASE),
        months=frozenset(raw["months"]),
        before_re=re.compile(rf"\b(?P<o>{_alt(raw['outcomes_before'])})\s+$", re.IGNORECASE),
        outcomes_before={k.lower(): v for k, v in raw["outcomes_before"].items()},
        inherit_re=re.compile(raw["inherit_before"], re.IGNORECASE),
    )


@lru_cache(maxsize=1)
def _registry() -> ActorRegistry:
    return ActorRegistry.default()


@lru_cache(maxsize=1)
def _gazetteer() -> Gazetteer:
    return Gazetteer.default()


def extract_figures(ctx: Context) -> list[Figure]:
    """Every figure of one document; the same figure repeated becomes one record, several mentions."""
    text = ctx.document.text
    out: list[Figure] = []
    index: dict[tuple[str, float, str | None], Figure] = {}
    for para in ctx.paragraphs:
        for sent in para.doc.sents:
            s0 = para.start + sent.start_char
            stext = text[s0 : para.start + sent.end_char]
            for fig in _sentence_figures(ctx, stext, s0):
                key = (fig.measure, fig.value, fig.subject)
                if key in index:
                    index[key].mentions.extend(fig.mentions)
                    if index[key].qualifier in (None, "exact") and fig.qualifier not in (None, "exact"):
                        index[key].qualifier = fig.qualifier  # headlines drop "about", "at least"
                    continue
                index[key] = fig
                out.append(fig)
    return out


def _plain(s: str) -> str:
    return s.replace("\u00a0", " ").replace("\u2019", "'")


def _sentence_figures(ctx: Context, raw: str, s0: int) -> list[Figure]:
    lex = _lex()
    stext = _plain(raw)  # same length: offsets unchanged
    source, source_at = _source(stext)
    figs: list[Figure] = []
    last_share: str | None = None
    taken: list[tuple[int, int]] = []
    prev_measure: str | None = None
    for q in _ranges(stext, find_quantities(stext, 0)):
        got = _measure(stext, q, last_share, prev_measure)
        if got is None:
            continue
        measure, unit, subject, lo, hi, value = got
        measure = _outcome_before(stext[:lo], measure, prev_measure)
        if measure.startswith("share of"):
            last_share = measure
        prev_measure = measure
        taken.append((lo, hi))
        fig = _make(ctx, stext, s0, lo, hi, measure, value, unit, q.qualifier, subject, source)
        _cite(ctx, fig, s0, (q.start, q.end), (lo, hi), source_at)
        figs.append(fig)
    for m in lex.fraction_re.finditer(stext):
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        qual = m.group("qual")
        qualifier = {
            "just over": "just over",
            "over": "more than",
            "more than": "more than",
            "nearly": "nearly",
            "almost": "nearly",
            "just under": "less than",
            "less than": "less than",
        }.get((qual or "").lower(), "about" if qual else "exact")
        measure = lex.share[m.group("n").lower()]
        value = lex.fractions[m.group("f").lower()]
        fig = _make(ctx, stext, s0, m.start(), m.end(), measure, value, "percent", qualifier, None, source)
        _cite(ctx, fig, s0, m.span("f"), m.span(), source_at)
        figs.append(fig)
    return figs


def _cite(
    ctx: Context, fig: Figure, s0: int, number: tuple[int, int], phrase: tuple[int, int],
    source_at: tuple[int, int] | None,
) -> None:  # fmt: skip
    """A figure's words: the number, the phrase its measure and subject were read from, the
    attribution, and the place and period found for it."""
    doc = ctx.document
    fig.cite(doc, "value", [(s0 + number[0], s0 + number[1], None)])
    fig.cite(doc, "measure", [(s0 + phrase[0], s0 + phrase[1], None)])
    if fig.subject:
        fig.cite(doc, "subject", [(s0 + phrase[0], s0 + phrase[1], None)])
    if fig.source and source_at is not None:
        fig.cite(doc, "source", [(s0 + source_at[0], s0 + source_at[1], None)])
    if fig.location is not None:
        fig.cite(doc, "location", list(fig.location.cited))
    if fig.period.date or fig.period.start:
        fig.cite(doc, "period", list(fig.period.cited))


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


def _make(
    ctx: Context,
    stext: str,
    s0: int,
    lo: int,
    hi: int,
    measure: str,
    value: float,
    unit: str,
    qualifier: str | None,
    subject: str | None,
    source: str | None,
) -> Figure:
    c_lo, c_hi = _clause(stext, lo, hi)
    clause = stext[c_lo:c_hi]
    rel_lo, rel_hi = lo - c_lo, hi - c_lo
    status = "actual"
    window = clause[max(0, rel_lo - 80) : rel_lo] + " " + clause[rel_hi : rel_hi + 40]
    if _lex().possible.search(window):
        status = "possible"
    elif _lex().planned.search(window):
        status = "planned"
    period = record_date(ctx, s0 + c_lo, s0 + c_hi, "figure")
    if not (period.date or period.start):
        period = _period_fallback(ctx, stext, s0, lo, hi)
    return Figure(
        measure=measure,
        value=value,
        mentions=[mention(ctx.document, s0 + lo, s0 + hi)],
        unit=unit,
        qualifier=qualifier,
        subject=subject,
        location=_gazetteer().locate(ctx, s0 + c_lo, s0 + c_hi),
        period=period,
        source=source,
        status=status,
    )


def _clause(stext: str, lo: int, hi: int) -> tuple[int, int]:
    """The clause around a number: from the previous ; or sentence start to the next ; or end."""
    a = max(stext.rfind(";", 0, lo), stext.rfind(" -- ", 0, lo)) + 1
    b_candidates = [i for i in (stext.find(";", hi), stext.find(" -- ", hi)) if i >= 0]
    return a, min(b_candidates) if b_candidates else len(stext)


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


def _source(stext: str) -> tuple[str | None, tuple[int, int] | None]:
    """Who the sentence attributes its numbers to ('according to UN figures', 'a BBC study',
    ', X said'), and where it says so."""
    lex = _lex()
    cm = _CITED.search(stext)
    if cm:
        x = _canon_source(cm.group("x")) or cm.group("x")
        y = _canon_source(cm.group("y")) or cm.group("y").strip()
        return f"{x} {cm.group('n').lower()} / {y}", cm.span()
    am = _ACCORDING.search(stext)
    if am:
        return _canon_source(am.group("s")) or _strip_det(am.group("s")), am.span("s")
    for m in lex.source_noun_re.finditer(stext):
        c = _canon_source(m.group("x"))
        if c:
            return c, m.span("x")
    tm = _TRAIL_SAID.search(stext)
    if tm:
        return _canon_source(tm.group("s")) or _strip_det(tm.group("s")), tm.span("s")
    return None, None


def _canon_source(s: str) -> str | None:
    lex = _lex()
    for m in lex.source_re.finditer(s):
        w = m.group(0)
        if w.lower() in {"us", "un", "ap", "who"} and not w.isupper():
            continue
        return lex.sources[w.lower()]
    found = _registry().find(s)
    return found[0][2].name if found else None


def _strip_det(s: str) -> str:
    return re.sub(r"^(?:the|a|an)\s+", "", s.strip(), flags=re.IGNORECASE)


def _period_fallback(ctx: Context, stext: str, s0: int, lo: int, hi: int) -> RecordDate:
    """'in 2014' / 'since 2014' / 'last year' near the number when the temporal layer gave nothing."""
    best = None
    seg_lo = max(stext.rfind(sep, 0, lo) for sep in (",", ";", " -- ", "\u2014", " but "))
    seg_hi_c = [i for i in (stext.find(sep, hi) for sep in (",", ";", " -- ", "\u2014", " but ")) if i >= 0]
    seg_hi = min(seg_hi_c) if seg_hi_c else len(stext)
    for m in _YEAR.finditer(stext, max(seg_lo, 0), seg_hi):
        dist = m.start() - hi if m.start() >= hi else lo - m.end()
        if dist > 60 or dist < -1:
            continue
        if best is None or dist < best[0]:
            best = (dist, m)
    if best is not None:
        m = best[1]
        y = m.group("y")
        words: tuple[Cite, ...] = ((s0 + m.start(), s0 + m.end(), None),)
        if (m.group("kw") or "").lower() in {"since", "from"}:
            return RecordDate(None, "unknown", f"{y}-01-01", ctx.reference.value, words)
        return RecordDate(y, "year", f"{y}-01-01", f"{y}-12-31", words)
    lm = _LAST_YEAR.search(stext, hi, hi + 40)
    if lm and ctx.reference.value:
        year = int(ctx.reference.value[:4]) - (1 if lm.group(0).lower().startswith("last") else 0)
        words = ((s0 + lm.start(), s0 + lm.end(), "reference date"),)
        return RecordDate(str(year), "year", f"{year}-01-01", f"{year}-12-31", words)
    return RecordDate()
