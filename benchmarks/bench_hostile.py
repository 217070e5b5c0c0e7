"""Time budgets on hostile input, measured apart from the unit tests.

The unit tests check what these inputs produce; how long they take depends on the machine and
on what else runs on it, so the budgets are measured here. Catastrophic backtracking or a step
quadratic in input size would take minutes, not seconds: a budget a case runs over is a
regression to look at. (``tests/test_complexity.py`` checks every regular expression's growth
and the whole pipeline on hostile pages by growth ratios and the document time budget, which
do not depend on the machine's speed.)

    .venv/bin/python benchmarks/bench_hostile.py

Prints one row per case (seconds, budget) and exits 1 when a case is over its budget.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

from sitrep.analyze import analyze
from sitrep.clean import clean
from sitrep.clean.html import visible_text
from sitrep.extract.dates import find_timexes
from sitrep.extract.statements.quotes import find_quotes
from sitrep.model import Document, ReferenceDate

PAGES = Path(__file__).resolve().parent.parent / "tests" / "data" / "html"


def wide_page() -> None:
    """100,000 paragraphs: the visible text of a very wide page."""
    wide = "<html><body>" + "".join(f"<p>para {i} <span>x</span></p>" for i in range(100_000)) + "</body></html>"
    visible_text(wide)


def big_page() -> None:
    """A 5 MB page (a link farm with 50,000 paragraphs added): visible text and cleaning."""
    html = (PAGES / "nav_linkfarm.html").read_text("utf-8")
    para = "<p>The army said on Monday that <a href='/x'>fighting</a> had continued in the district overnight.</p>"
    big = html.replace("</main>", para * 50_000 + "</main>")
    text = visible_text(big)
    clean(Document(id="big", text=text, raw_html=big))


def quote_marks() -> None:
    """10,000 quote marks through the quote finder."""
    text = '"' * 10_000 + " the ministry said."
    find_quotes(text, [(0, len(text))])


def quoted_statements() -> None:
    """Statements from sentences of 1,000 quote marks and of 500 short quotes."""
    for text in ('He said "' + '"' * 1_000 + ' the end."', 'He said "' + 'a" "' * 500 + 'end."'):
        next(analyze([Document(id="t", text=text)]))


def date_runs() -> None:
    """Long runs of date-like words through the temporal tagger (CPU seconds per run)."""
    for chunk in ("1 " * 200_000, "the past " * 60_000, "May " * 100_000, "2015-" * 80_000, "a few " * 80_000):
        find_timexes(chunk, None, ReferenceDate(value="2021-07-05"))


# (name, function, budget in seconds)
CASES: list[tuple[str, Callable[[], None], float]] = [
    ("visible_text, 100,000 paragraphs", wide_page, 20.0),
    ("visible_text + clean, 5 MB page", big_page, 30.0),
    ("find_quotes, 10,000 quote marks", quote_marks, 1.0),
    ("statements, 1,000 quote marks and 500 quotes", quoted_statements, 20.0),
    ("find_timexes, five runs of 200,000-400,000 characters", date_runs, 50.0),
]


def main() -> int:
    over = 0
    print(f"{'case':<56} {'seconds':>8} {'budget':>7}")
    for name, fn, budget in CASES:
        t0 = time.perf_counter()
        fn()
        took = time.perf_counter() - t0
        over += took > budget
        print(f"{name:<56} {took:8.2f} {budget:7.0f}{'  OVER' if took > budget else ''}")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
