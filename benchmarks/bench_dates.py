"""Accuracy of sitrep's temporal layer on its two composed tables, against a dateparser baseline.

Tables: tests/data/dates_table.jsonl (the first one) and tests/data/dates_news_table.jsonl (news
sentences in TIMEX3 conventions). Both were composed by the developers and the code was tuned
on them, so these numbers are optimistic; they are not a held-out benchmark. Per table: value
accuracy (exact span and value), span accuracy (exact span found) and precision accuracy.

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
import re
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sitrep.extract.dates import find_timexes  # noqa: E402
from sitrep.model import ReferenceDate  # noqa: E402

TABLES = {
    "dates_table": ROOT / "tests" / "data" / "dates_table.jsonl",
    "dates_news_table": ROOT / "tests" / "data" / "dates_news_table.jsonl",
}


def _rows(path: Path) -> list[dict]:
    rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    return [r for r in rows if "expr" in r]


def _span(text: str, expr: str) -> tuple[int, int]:
    m = re.search(r"(?<!\w)" + re.escape(expr) + r"(?!\w)", text)
    s = m.start() if m else text.find(expr)
    return s, s + len(expr)


def sitrep_answer(row: dict) -> tuple[str | None, str | None, bool]:
    text = row["text"]
    s, e = _span(text, row["expr"])
    ref = ReferenceDate(value=row["ref"]) if row["ref"] else None
    for t in find_timexes(text, None, ref):
        if t.start == s and t.end == e:
            return t.value, t.precision, True
    return None, None, False


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


def baseline_answer(row: dict) -> tuple[str | None, str | None, bool]:
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
            exact = frag.strip() == expr
            if row["ref"] is None and "X" in row["value"]:
                return None, None, exact  # it always invents a value from today's date
            return _as_value(d, row["precision"], row["value"]), row["precision"], exact
    return None, None, False


def report(name: str, rows: list[dict]) -> None:
    t0 = time.perf_counter()
    ours = [sitrep_answer(r) for r in rows]
    t_ours = time.perf_counter() - t0
    t0 = time.perf_counter()
    base = [baseline_answer(r) for r in rows]
    t_base = time.perf_counter() - t0
    n = len(rows)

    def acc(answers: list[tuple[str | None, str | None, bool]], idx: int, key: str) -> float:
        return sum(1 for a, r in zip(answers, rows, strict=True) if a[idx] == r[key]) / n

    def span(answers: list[tuple[str | None, str | None, bool]]) -> float:
        return sum(1 for a in answers if a[2]) / n

    print(f"\n{name}: {n} rows (composed and tuned on: optimistic)")
    print(f"{'system':<28}{'value acc':>10}{'span acc':>10}{'precision acc':>15}{'seconds':>9}")
    for label, answers, secs in (("sitrep.extract.dates", ours, t_ours), ("dateparser.search_dates", base, t_base)):
        print(f"{label:<28}{acc(answers, 0, 'value'):>10.1%}{span(answers):>10.1%}"
              f"{acc(answers, 1, 'precision'):>15.1%}{secs:>9.2f}")
    misses = [(r, a) for r, a in zip(rows, ours, strict=True) if a[0] != r["value"]]
    for r, a in misses[:20]:
        print(f"  miss: {r['expr']!r} ref={r['ref']} want {r['value']} got {a[0]}")


def main() -> None:
    for name, path in TABLES.items():
        report(name, _rows(path))


if __name__ == "__main__":
    main()
