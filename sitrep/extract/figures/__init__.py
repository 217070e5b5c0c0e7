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

from typing import TYPE_CHECKING

from ...model import Figure, mention
from ..dates import record_date
from ..numbers import find_quantities
from .attribution import period_fallback, source_of
from .lexicon import _gazetteer, _lex
from .measures import _measure, _outcome_before, _ranges

if TYPE_CHECKING:
    from ..context import Context

__all__ = ["extract_figures"]


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
    source, source_at = source_of(stext)
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
        period = period_fallback(ctx, stext, s0, lo, hi)
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


