"""Value and precision accuracy of sitrep's temporal layer on tests/data/dates_table.jsonl.

Compared in the same run with a baseline, ``dateparser.search.search_dates`` given the same
reference date as RELATIVE_BASE, on the same rows. A row counts for the baseline when one of its
found strings covers the expected expression; its value is read at the expression's precision
(a week as its ISO week, a TIME as date and hh:mm). Durations, sets and PRESENT_REF have no
dateparser equivalent and count as misses for it.

    .venv/bin/python benchmarks/bench_dates.py
"""

from __future__ import annotations

import datetime as dt
import json
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sitrep.extract.dates import find_timexes  # noqa: E402
from sitrep.model import ReferenceDate  # noqa: E402

TABLE = ROOT / "tests" / "data" / "dates_table.jsonl"


def _rows() -> list[dict]:
    rows = [json.loads(x) for x in TABLE.read_text(encoding="utf-8").splitlines() if x.strip()]
    return [r for r in rows if "expr" in r]


def sitrep_answer(row: dict) -> tuple[str | None, str | None]:
    text = row["text"]
    s = text.find(row["expr"])
    e = s + len(row["expr"])
    ref = ReferenceDate(value=row["ref"]) if row["ref"] else None
    for t in find_timexes(text, None, ref):
        if t.start == s and t.end == e:
            return t.value, t.precision
    return None, None


def _as_value(d: dt.datetime, precision: str, expected: str) -> str:
    if precision == "week":
        y, w, _ = d.date().isocalendar()
        return f"{y}-W{w:02d}"
    if precision == "month":
        return f"{d.year}-{d.month:02d}"
    if precision == "year":
        return str(d.year)
    if "T" in expected and expected[11:12].isdigit():
        return f"{d.date().isoformat()}T{d.hour:02d}:{d.minute:02d}"
    return d.date().isoformat()


def baseline_answer(row: dict) -> tuple[str | None, str | None]:
    from dateparser.search import search_dates

    settings: dict = {"RETURN_AS_TIMEZONE_AWARE": False}
    if row["ref"]:
        settings["RELATIVE_BASE"] = dt.datetime.fromisoformat(row["ref"])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            found = search_dates(row["text"], languages=["en"], settings=settings) or []
        except Exception:  # noqa: BLE001 - the baseline may fail on odd input; that is a miss
            found = []
    expr = row["expr"]
    for frag, d in found:
        if expr in frag or frag in expr:
            # dateparser has no precision: guess it from the expected one (favourable to it)
            if row["ref"] is None and "X" in row["value"]:
                return None, None  # it always invents a value from today's date
            return _as_value(d, row["precision"], row["value"]), row["precision"]
    return None, None


def main() -> None:
    rows = _rows()
    t0 = time.perf_counter()
    ours = [sitrep_answer(r) for r in rows]
    t_ours = time.perf_counter() - t0
    t0 = time.perf_counter()
    base = [baseline_answer(r) for r in rows]
    t_base = time.perf_counter() - t0
    n = len(rows)

    def acc(answers: list[tuple[str | None, str | None]], idx: int, key: str) -> float:
        return sum(1 for a, r in zip(answers, rows, strict=True) if a[idx] == r[key]) / n

    print(f"rows: {n}")
    print(f"{'system':<28}{'value acc':>10}{'precision acc':>15}{'seconds':>9}")
    print(f"{'sitrep.extract.dates':<28}{acc(ours, 0, 'value'):>10.1%}{acc(ours, 1, 'precision'):>15.1%}{t_ours:>9.2f}")
    print(f"{'dateparser.search_dates':<28}{acc(base, 0, 'value'):>10.1%}{acc(base, 1, 'precision'):>15.1%}{t_base:>9.2f}")
    misses = [(r, a) for r, a in zip(rows, ours, strict=True) if a[0] != r["value"]]
    for r, a in misses[:20]:
        print(f"  miss: {r['expr']!r} ref={r['ref']} want {r['value']} got {a[0]}")


if __name__ == "__main__":
    main()
