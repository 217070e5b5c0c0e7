"""Anchor a ``Sem`` against the reference date: TIMEX3 value, precision, range, relation.

Rules (see docs/dates.md):
- bare weekday: past clause or no cue -> the most recent such day on or before the reference
  (same day allowed); future clause -> the next one after it (a week on when it is the same day);
  "last Monday" -> strictly before; "next Friday" -> strictly after (the coming one).
- bare month: most recent such month (this month allowed) unless the clause is future.
- day and month without a year: past clause -> last occurrence on or before the reference,
  future -> first on or after, no cue -> the closest one.
- two-digit years: 20yy when that is at most 10 years after the reference year (or yy < 50 with
  no reference), else 19yy.
- with no reference, relative expressions are not resolved: "XXXX" placeholders, no range,
  ``anchored`` False. Absolute expressions are always resolved.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from .tagger import Sem
from .tense import Tense

D = dt.date
_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}
_PART_HOURS = {"MO": "MO", "AF": "AF", "EV": "EV", "NI": "NI"}


@dataclass
class Norm:
    type: str
    value: str | None
    precision: str
    range_start: D | None = None
    range_end: D | None = None
    anchored: bool = True


def month_end(y: int, m: int) -> D:
    return D(y, m, calendar.monthrange(y, m)[1])


def add_months(d: D, n: int) -> D:
    y, m = divmod(d.month - 1 + n, 12)
    y += d.year
    return D(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def week_value(d: D) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def week_range(d: D) -> tuple[D, D]:
    mon = d - dt.timedelta(days=d.weekday())
    return mon, mon + dt.timedelta(days=6)


def expand_year2(yy: int, ref: D | None) -> int:
    if ref is None:
        return 2000 + yy if yy < 50 else 1900 + yy
    return 2000 + yy if 2000 + yy <= ref.year + 10 else 1900 + yy


def _mod_range(lo: D, hi: D, mod: str | None, ref: D | None) -> tuple[D, D]:
    """Narrow a range for early/mid/late/earlier/later modifiers."""
    if not mod:
        return lo, hi
    span = (hi - lo).days + 1
    third = max(1, span // 3)
    if mod == "START":
        return lo, lo + dt.timedelta(days=third - 1)
    if mod == "MID":
        return lo + dt.timedelta(days=third), hi - dt.timedelta(days=third)
    if mod == "END":
        return hi - dt.timedelta(days=third - 1), hi
    if mod == "FIRST_HALF":
        return lo, lo + dt.timedelta(days=span // 2 - 1)
    if mod == "SECOND_HALF":
        return lo + dt.timedelta(days=span // 2), hi
    if mod == "BEFORE_REF" and ref and lo <= ref <= hi:
        return lo, ref
    if mod == "AFTER_REF" and ref and lo <= ref <= hi:
        return ref, hi
    return lo, hi


def _fmt_time(date_value: str, sem: Sem) -> str:
    if sem.hour is not None:
        return f"{date_value}T{sem.hour:02d}:{(sem.minute or 0):02d}"
    if sem.part:
        return f"{date_value}T{sem.part}"
    return date_value


def _day_norm(d: D, sem: Sem) -> Norm:
    v = _fmt_time(d.isoformat(), sem)
    return Norm("TIME" if "T" in v else "DATE", v, "day", d, d)


def _unanchored_day(sem: Sem, base: str = "XXXX-XX-XX") -> Norm:
    v = _fmt_time(base, sem)
    return Norm("TIME" if "T" in v else "DATE", v, "day", None, None, False)


def resolve_weekday(ref: D, dow: int, tense: Tense | str) -> D:
    back = (ref.weekday() - dow) % 7
    fwd = (dow - ref.weekday()) % 7
    if tense == "last":
        return ref - dt.timedelta(days=back or 7)
    if tense == "next":
        return ref + dt.timedelta(days=fwd or 7)
    if tense == "future":
        return ref + dt.timedelta(days=fwd or 7)
    if tense == "this":
        return week_range(ref)[0] + dt.timedelta(days=dow)
    return ref - dt.timedelta(days=back)


def _year_of_month_day(ref: D, month: int, day: int | None, tense: Tense) -> int | None:
    cands = []
    for y in (ref.year - 1, ref.year, ref.year + 1):
        try:
            cands.append(D(y, month, day or 1))
        except ValueError:
            continue
    if not cands:
        return None
    if day is None:
        # months compare by month: this month counts as both past and future
        if tense == "future":
            return ref.year if month >= ref.month else ref.year + 1
        return ref.year if month <= ref.month else ref.year - 1
    if tense == "past":
        past = [c for c in cands if c <= ref]
        return past[-1].year if past else None
    if tense == "future":
        fut = [c for c in cands if c >= ref]
        return fut[0].year if fut else None
    return min(cands, key=lambda c: abs((c - ref).days)).year


def normalize(sem: Sem, ref: D | None, tense: Tense, day_first: bool, anchor: D | None = None) -> Norm | None:
    """TIMEX3 value, precision and range of ``sem``; ``anchor`` is the story's last date, the base of
    anaphoric expressions ("three days later", "the next day", "the previous week"), else the reference."""
    k = sem.kind
    if sem.anaphoric and anchor is not None:
        ref = anchor
    if k == "shift":
        return _norm_shift(sem, ref)
    if k == "weekend":
        return _norm_weekend(ref, tense)
    if k == "date":
        return _norm_date(sem, ref, tense, day_first)
    if k == "time":
        if ref is None:
            return _unanchored_day(sem)
        return _day_norm(ref, sem)
    if k == "weekday":
        if ref is None:
            return _unanchored_day(sem, f"XXXX-WXX-{(sem.weekday or 0) + 1}")
        hint = {"past": "last", "future": "next"}.get(sem.tense_hint or "", sem.tense_hint)
        if sem.prep in ("until", "by") and not hint:
            hint = "future" if tense != "past" else None
        d = resolve_weekday(ref, sem.weekday or 0, hint or tense)
        return _day_norm(d, sem)
    if k == "relday":
        if ref is None:
            return _unanchored_day(sem)
        return _day_norm(ref + dt.timedelta(days=sem.offset), sem)
    if k == "relunit":
        return _norm_relunit(sem, ref)
    if k == "ago":
        return _norm_ago(sem, ref)
    if k == "duration":
        return _norm_duration(sem, ref)
    if k == "set":
        return Norm("SET", sem.value, "unknown")
    if k == "ref":
        if ref is None:
            return Norm("DATE", sem.value, "unknown", anchored=sem.value == "PRESENT_REF")
        if sem.value == "PRESENT_REF":
            return Norm("DATE", sem.value, "unknown", ref, ref)
        if sem.value == "PAST_REF":
            return Norm("DATE", sem.value, "unknown", None, ref)
        return Norm("DATE", sem.value, "unknown", ref, None)
    if k == "decade":
        y = sem.year or 0
        lo, hi = _mod_range(D(y, 1, 1), D(y + 9, 12, 31), sem.mod, ref)
        return Norm("DATE", str(y // 10), "unknown", lo, hi)
    if k == "century":
        y = sem.year or 0
        return Norm("DATE", str(y // 100), "unknown", D(max(y, 1), 1, 1), D(y + 99, 12, 31))
    if k == "season":
        return _norm_season(sem, ref, tense)
    if k == "quarter":
        return _norm_quarter(sem, ref, tense)
    return None


def _norm_date(sem: Sem, ref: D | None, tense: Tense, day_first: bool) -> Norm | None:
    year = sem.year
    if sem.value and sem.value.startswith("FY"):  # fiscal 2015: calendar year as its range
        y = int(sem.value[2:6])
        return Norm("DATE", sem.value, "year", D(y, 1, 1), D(y, 12, 31))
    if sem.value:  # 2015-H1
        y = int(sem.value[:4])
        lo, hi = (D(y, 1, 1), D(y, 6, 30)) if sem.value.endswith("H1") else (D(y, 7, 1), D(y, 12, 31))
        return Norm("DATE", sem.value, "year", lo, hi)
    if year is not None and sem.year2:
        year = expand_year2(year, ref)
    month, day = sem.month, sem.day
    if sem.ambiguous_order:
        a, b = sem.ambiguous_order
        month, day = (b, a) if day_first else (a, b)
    if month is None:  # a year
        assert year is not None
        lo, hi = _mod_range(D(year, 1, 1), D(year, 12, 31), sem.mod, ref)
        return Norm("DATE", str(year), "year", lo, hi)
    if year is None:
        if ref is None:
            if day is None:
                return Norm("DATE", f"XXXX-{month:02d}", "month", anchored=False)
            return _unanchored_day(sem, f"XXXX-{month:02d}-{day:02d}")
        if sem.tense_hint == "relyear":  # "Christmas Eve last year"
            year = ref.year + sem.offset
        elif sem.offset == 0 and sem.tense_hint == "this":
            year = ref.year
        elif sem.tense_hint == "past":  # "last March": strictly before this month
            year = ref.year if month < ref.month else ref.year - 1
        elif sem.tense_hint == "future":
            year = ref.year if month > ref.month else ref.year + 1
        else:
            year = _year_of_month_day(ref, month, day, tense)
            if year is None:
                return None
    if day is None:
        lo, hi = _mod_range(D(year, month, 1), month_end(year, month), sem.mod, ref)
        return Norm("DATE", f"{year}-{month:02d}", "month", lo, hi)
    try:
        d = D(year, month, day)
    except ValueError:
        return None
    return _day_norm(d, sem)


def _norm_relunit(sem: Sem, ref: D | None) -> Norm | None:
    unit, off = sem.unit or "", sem.offset
    if ref is None:
        placeholder = {"W": "XXXX-WXX", "WE": "XXXX-WXX-WE", "M": "XXXX-XX", "Y": "XXXX", "DE": "XXX",
                       "CE": "XX", "Q": "XXXX-QX"}.get(unit, f"XXXX-{unit}")
        prec = {"W": "week", "WE": "week", "M": "month", "Y": "year"}.get(unit, "unknown")
        return Norm("DATE", placeholder, prec, anchored=False)
    if unit == "W":
        d = ref + dt.timedelta(days=7 * off)
        lo, hi = _mod_range(*week_range(d), sem.mod, ref)
        return Norm("DATE", week_value(d), "week", lo, hi)
    if unit == "WE":
        base = ref + dt.timedelta(days=7 * off) if off else ref
        if off == 0 and ref.weekday() < 5:
            # "this weekend" on a weekday: the coming one
            pass
        mon, _ = week_range(base)
        sat = mon + dt.timedelta(days=5)
        return Norm("DATE", f"{week_value(base)}-WE", "week", sat, sat + dt.timedelta(days=1))
    if unit == "M":
        d = add_months(D(ref.year, ref.month, 1), off)
        lo, hi = _mod_range(d, month_end(d.year, d.month), sem.mod, ref)
        return Norm("DATE", f"{d.year}-{d.month:02d}", "month", lo, hi)
    if unit == "Y":
        y = ref.year + off
        lo, hi = _mod_range(D(y, 1, 1), D(y, 12, 31), sem.mod, ref)
        return Norm("DATE", str(y), "year", lo, hi)
    if unit == "Q":
        q = (ref.month - 1) // 3 + off
        y = ref.year + q // 4
        q = q % 4
        lo = D(y, 3 * q + 1, 1)
        return Norm("DATE", f"{y}-Q{q + 1}", "year", lo, month_end(y, 3 * q + 3))
    if unit == "DE":
        y = (ref.year // 10 + off) * 10
        lo, hi = _mod_range(D(y, 1, 1), D(y + 9, 12, 31), sem.mod, ref)
        return Norm("DATE", str(y // 10), "unknown", lo, hi)
    if unit == "CE":
        y = (ref.year // 100 + off) * 100
        return Norm("DATE", str(y // 100), "unknown", D(max(y, 1), 1, 1), D(y + 99, 12, 31))
    if unit in _SEASON_MONTHS:
        first, _ = _SEASON_MONTHS[unit]
        y = ref.year
        if off < 0:
            y = ref.year if first < ref.month and unit != "WI" else ref.year - 1
        elif off > 0:
            y = ref.year if first > ref.month else ref.year + 1
        return _season(unit, y, sem.mod, ref)
    return None


def _season(code: str, y: int, mod: str | None, ref: D | None) -> Norm:
    first, last = _SEASON_MONTHS[code]
    lo = D(y, first, 1)
    hi = month_end(y + 1, last) if code == "WI" else month_end(y, last)
    lo, hi = _mod_range(lo, hi, mod, ref)
    return Norm("DATE", f"{y}-{code}", "year", lo, hi)


def _norm_season(sem: Sem, ref: D | None, tense: Tense) -> Norm | None:
    code = sem.unit or "SP"
    if sem.year is not None:
        return _season(code, sem.year, sem.mod, ref)
    if ref is None:
        return Norm("DATE", f"XXXX-{code}", "year", anchored=False)
    first, _ = _SEASON_MONTHS[code]
    y = ref.year
    if tense == "future" and first < ref.month and code != "WI":
        y += 1
    elif tense != "future" and first > ref.month:
        y -= 1
    return _season(code, y, sem.mod, ref)


def _norm_quarter(sem: Sem, ref: D | None, tense: Tense = None) -> Norm | None:
    y = sem.year
    if y is None:
        if ref is None:
            part = f"{sem.unit}{int(sem.amount)}" if sem.implicit_year and sem.amount else f"{sem.unit}X"
            return Norm("DATE", f"XXXX-{part}" if sem.unit in ("Q", "H") else "XXXX", "year", anchored=False)
        y = ref.year + sem.offset
        if sem.implicit_year and sem.amount and not sem.range_months:
            # "the third quarter": the latest one begun by the reference, or the next one if future
            current = (ref.month - 1) // 3 + 1 if sem.unit == "Q" else (ref.month - 1) // 6 + 1
            if tense == "future":
                y = ref.year if sem.amount >= current else ref.year + 1
            else:
                y = ref.year if sem.amount <= current else ref.year - 1
    if sem.range_months:
        a, b = sem.range_months
        value = {(1, 3): "Q1", (4, 6): "Q2", (7, 9): "Q3", (10, 12): "Q4", (1, 6): "H1", (7, 12): "H2"}.get((a, b))
        return Norm("DATE", f"{y}-{value}" if value else str(y), "year", D(y, a, 1), month_end(y, b))
    n = int(sem.amount or 1)
    if sem.unit == "H":
        a, b = (1, 6) if n == 1 else (7, 12)
    else:
        a, b = 3 * n - 2, 3 * n
    return Norm("DATE", f"{y}-{sem.unit}{n}", "year", D(y, a, 1), month_end(y, b))


def _dur_value(amount: float | None, unit: str) -> str:
    n = "X" if amount is None else str(int(amount)) if float(amount).is_integer() else str(amount)
    if unit in ("H", "S", "MIN"):
        return f"PT{n}{unit[0]}"
    return f"P{n}{unit}"


def _shift(ref: D, unit: str, n: float) -> D:
    k = int(n)
    if unit == "D":
        return ref + dt.timedelta(days=k)
    if unit == "W":
        return ref + dt.timedelta(weeks=k)
    if unit == "M":
        return add_months(ref, k)
    if unit == "Y":
        return add_months(ref, 12 * k)
    if unit == "DE":
        return add_months(ref, 120 * k)
    if unit == "CE":
        return add_months(ref, 1200 * k)
    return ref


_VAGUE_SPAN = {"D": 7, "W": 6, "M": 6, "Y": 5, "DE": 3}


def _norm_duration(sem: Sem, ref: D | None) -> Norm:
    unit = sem.unit or "D"
    value = _dur_value(sem.amount, unit)
    lo = hi = None
    if ref is not None and sem.tense_hint in ("past", "future") and unit not in ("H", "S", "MIN"):
        n = sem.amount if sem.amount is not None else _VAGUE_SPAN.get(unit, 1)
        try:
            if sem.tense_hint == "past":
                lo, hi = _shift(ref, unit, -n), ref
            else:
                lo, hi = ref, _shift(ref, unit, n)
        except (ValueError, OverflowError):
            lo = hi = None
    return Norm("DURATION", value, "unknown", lo, hi)


def _norm_ago(sem: Sem, ref: D | None) -> Norm:
    unit = sem.unit or "D"
    if sem.amount is None:
        return Norm("DATE", "PAST_REF" if sem.offset < 0 else "FUTURE_REF", "unknown", anchored=ref is not None)
    if ref is None:
        base = {"D": "XXXX-XX-XX", "W": "XXXX-WXX", "M": "XXXX-XX", "Y": "XXXX"}.get(unit, "XXXX")
        prec = {"D": "day", "W": "week", "M": "month", "Y": "year"}.get(unit, "unknown")
        return Norm("DATE", base, prec, anchored=False)
    return _shifted(ref, unit, sem.offset * sem.amount)


def _shifted(ref: D, unit: str, n: float) -> Norm:
    """The date ``n`` units from ``ref``, at the unit's granularity."""
    if unit in ("H", "S", "MIN"):
        return Norm("DATE", ref.isoformat(), "day", ref, ref)
    d = _shift(ref, unit, n)
    if unit == "D":
        return Norm("DATE", d.isoformat(), "day", d, d)
    if unit == "W":
        lo, hi = week_range(d)
        return Norm("DATE", week_value(d), "week", lo, hi)
    if unit == "M":
        return Norm("DATE", f"{d.year}-{d.month:02d}", "month", D(d.year, d.month, 1), month_end(d.year, d.month))
    if unit == "Y":
        return Norm("DATE", str(d.year), "year", D(d.year, 1, 1), D(d.year, 12, 31))
    y = d.year // 10 * 10
    return Norm("DATE", str(y // 10), "unknown", D(y, 1, 1), D(y + 9, 12, 31))


_UNSET_SHIFT = {"D": ("XXXX-XX-XX", "day"), "W": ("XXXX-WXX", "week"), "M": ("XXXX-XX", "month"), "Y": ("XXXX", "year")}


def _norm_shift(sem: Sem, base: D | None) -> Norm | None:
    """"three days later", "a year earlier", "the next day": ``base`` is the anchor (or the reference)."""
    unit = sem.unit or "D"
    if base is None or sem.amount is None:
        v, prec = _UNSET_SHIFT.get(unit, ("XXXX", "unknown"))
        return _unanchored_day(sem, v) if unit == "D" else Norm("DATE", v, prec, anchored=False)
    try:
        norm = _shifted(base, unit, sem.offset * sem.amount)
    except (ValueError, OverflowError):
        return None
    if unit == "D" and sem.part and norm.range_start is not None:
        return _day_norm(norm.range_start, sem)
    return norm


def _norm_weekend(ref: D | None, tense: Tense) -> Norm:
    """"the weekend": the last one (or the current one) unless the clause is future, then the coming one."""
    if ref is None:
        return Norm("DATE", "XXXX-WXX-WE", "week", anchored=False)
    mon = week_range(ref)[0]
    if ref.weekday() < 5 and tense != "future":
        mon -= dt.timedelta(days=7)
    sat = mon + dt.timedelta(days=5)
    return Norm("DATE", f"{week_value(sat)}-WE", "week", sat, sat + dt.timedelta(days=1))
