"""Statement and figure quality of sitrep on the composed articles (tests/data/articles/*.yaml).

Compared in the same run with a naive baseline on the same texts:
- statements: every double-quoted span (straight or curly) is a direct statement, its speaker the
  nearest PERSON entity of a plain spaCy parse of the whole text, its intent ``other``;
- figures: every number ``numbers.find_quantities`` finds is a figure, its measure the next word.

Statement recall = annotated statements found (a quote containing the annotated fragment);
precision = extracted statements that are annotated (or optional); speaker / intent accuracy over
the found ones. Figure recall = annotated figures found (same value, mention overlapping the
annotated words); precision likewise; measure accuracy over the found ones.

    .venv/bin/python benchmarks/bench_statements.py [-v]
"""

from __future__ import annotations

import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sitrep.extract.numbers import find_quantities  # noqa: E402
from sitrep.model import Figure, Mention, Speaker, Statement  # noqa: E402
from tests.test_statements_articles import (  # noqa: E402
    analysis,
    figure_fields,
    figure_for,
    load_articles,
    statement_fields,
    statement_for,
    unexpected_figures,
    unexpected_statements,
)

_DQ = re.compile(r"[\"\u201c\u201d]([^\"\u201c\u201d\n]+)[\"\u201c\u201d]")


@dataclass
class Tally:
    expected: int = 0
    found: int = 0
    extracted: int = 0
    unexpected: int = 0
    fields: dict[str, list[int]] = field(default_factory=dict)  # field -> [right, of]
    misses: list[str] = field(default_factory=list)

    def add_fields(self, got: dict[str, bool], keys: tuple[str, ...]) -> None:
        for k in keys:
            if k in got:
                r = self.fields.setdefault(k, [0, 0])
                r[0] += int(got[k])
                r[1] += 1

    def row(self, label: str) -> str:
        rec = self.found / self.expected if self.expected else 0.0
        prec = (self.extracted - self.unexpected) / self.extracted if self.extracted else 0.0
        f1 = 2 * rec * prec / (rec + prec) if rec + prec else 0.0
        cols = [f"{label:<22}", f"recall {rec:6.1%}", f"precision {prec:6.1%}", f"F1 {f1:6.1%}"]
        for k, (r, n) in self.fields.items():
            cols.append(f"{k} {r / n if n else 0:6.1%}")
        return "  ".join(cols)


# ---------------------------------------------------------------- naive baseline


def _nlp():  # type: ignore[no-untyped-def]
    from sitrep.analyze import model

    return model()


def baseline_statements(text: str) -> list[Statement]:
    doc = _nlp()(text)
    persons = [(e.start_char, e.end_char, e.text) for e in doc.ents if e.label_ == "PERSON"]
    out = []
    for m in _DQ.finditer(text):
        q = m.group(1).strip(" ,")
        best = min(persons, key=lambda p: min(abs(p[0] - m.end()), abs(p[1] - m.start())), default=None)
        out.append(
            Statement(
                speaker=Speaker(name=best[2] if best else None),
                quote=q,
                mentions=[Mention("b", m.start(1), m.end(1), m.group(1))],
                intent="other",
            )
        )
    return out


def baseline_figures(text: str) -> list[Figure]:
    out = []
    for q in find_quantities(text):
        if q.value is None:
            continue
        nxt = re.match(r"\s*(?:%|per ?cent)?\s*([A-Za-z]+)", text[q.end :])
        out.append(
            Figure(
                measure=nxt.group(1).lower() if nxt else "",
                value=float(q.value),
                mentions=[Mention("b", q.start, q.end, q.text)],
                qualifier=q.qualifier,
                unit="percent" if q.percent else "persons",
            )
        )
    return out


# ---------------------------------------------------------------- scoring


def score(system: str, verbose: bool) -> tuple[Tally, Tally]:
    st_t, fig_t = Tally(), Tally()
    for name, art in load_articles().items():
        if system == "sitrep":
            a = analysis(name)
            sts, figs = a.statements, a.figures
        else:
            sts, figs = baseline_statements(art["text"]), baseline_figures(art["text"])
        for exp in art["statements"]:
            st_t.expected += 1
            got = statement_fields(exp, statement_for(sts, exp["q"]))
            st_t.found += int(got["found"])
            st_t.add_fields(got, ("speaker", "intent", "direct", "channel", "reported_by"))
            if verbose and not all(got.values()):
                st_t.misses.append(f"{name}: {exp['q']!r} {sorted(k for k, v in got.items() if not v)}")
        st_t.extracted += len(sts)
        extra = unexpected_statements(art, sts)
        st_t.unexpected += len(extra)
        if verbose:
            st_t.misses += [f"{name}: EXTRA {q[:70]!r}" for q in extra]
        for exp in art["figures"]:
            fig_t.expected += 1
            got = figure_fields(exp, figure_for(art["text"], figs, exp))
            fig_t.found += int(got["found"])
            fig_t.add_fields(got, ("measure", "qualifier", "unit", "subject"))
            if verbose and not all(got.values()):
                fig_t.misses.append(f"{name}: {exp['text']!r} {sorted(k for k, v in got.items() if not v)}")
        fig_t.extracted += len(figs)
        fextra = unexpected_figures(art, figs)
        fig_t.unexpected += len(fextra)
        if verbose:
            fig_t.misses += [f"{name}: EXTRA {t!r}" for t in fextra]
    return st_t, fig_t


def main() -> None:
    verbose = "-v" in sys.argv
    arts = load_articles()
    n_st = sum(len(a["statements"]) for a in arts.values())
    n_fig = sum(len(a["figures"]) for a in arts.values())
    print(f"{len(arts)} composed articles, {n_st} annotated statements, {n_fig} annotated figures")
    t0 = time.perf_counter()
    s_st, s_fig = score("sitrep", verbose)
    t1 = time.perf_counter()
    b_st, b_fig = score("baseline", verbose)
    t2 = time.perf_counter()
    print("\nSTATEMENTS")
    print(s_st.row("sitrep"))
    print(b_st.row("naive baseline"))
    print("\nFIGURES")
    print(s_fig.row("sitrep"))
    print(b_fig.row("naive baseline"))
    print(f"\n(sitrep {t1 - t0:.1f}s incl. model load, baseline {t2 - t1:.1f}s)")
    if verbose:
        print("\nsitrep misses:")
        for line in s_st.misses + s_fig.misses:
            print("  " + line)


if __name__ == "__main__":
    main()
