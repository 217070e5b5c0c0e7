"""PLOVER event coding of sitrep on composed wire sentences (tests/data/plover_cases.yaml), per
type, compared in the same run with a keyword baseline (the first word of a fixed list decides
the type; the first capitalised phrase is the source). See tests/plover_eval.py for the scoring.

    .venv/bin/python benchmarks/bench_plover.py [-v]
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.plover_eval import baseline_guesses, load_cases, score, sitrep_guesses  # noqa: E402


def main() -> None:
    cases = load_cases()
    guesses = sitrep_guesses(cases)
    ours, base = score(cases, guesses), score(cases, baseline_guesses(cases))
    types = sorted(ours.n)
    print(f"{'type':10} {'n':>3} | {'sitrep: det':>11} {'rec':>5} {'prec':>5} {'src':>5} | {'baseline: rec':>13} {'prec':>5} {'src':>5}")
    for t in [*types, None]:
        n = ours.n[t] if t else sum(ours.n.values())
        print(
            f"{t or 'ALL':10} {n:3d} | {ours.detection(t):11.2f} {ours.recall(t):5.2f} {ours.precision(t):5.2f}"
            f" {ours.source(t):5.2f} | {base.recall(t):13.2f} {base.precision(t):5.2f} {base.source(t):5.2f}"
        )
    for batch, what in (
        (2, "written after the first rule changes"),
        (3, "long wire-style sentences, held out until measured"),
        (4, "written after batch 3's fixes, never tuned on"),
        (5, "composed with the codebook, measured before the rules were changed for it"),
    ):
        later = [c for c in cases if c.get("batch") == batch]
        if not later:
            continue
        ours2 = score(later, [g for c, g in zip(cases, guesses, strict=True) if c.get("batch") == batch])
        print(
            f"batch {batch} ({what}), {len(later)} sentences: detection"
            f" {ours2.detection():.2f} recall {ours2.recall():.2f} precision {ours2.precision():.2f}"
            f" source {ours2.source():.2f}"
        )
    right, of = ours.status
    print(f"status right (over type-correct events): {right}/{of}")
    right, of = ours.modes()
    by_type = ", ".join(f"{t} {ours.modes(t)[0]}/{ours.modes(t)[1]}" for t in types if ours.modes(t)[1])
    print(f"mode right (over type-correct events with a mode in the case): {right}/{of} ({by_type})")
    if "-v" in sys.argv:
        print("\n".join(ours.misses))


if __name__ == "__main__":
    main()
