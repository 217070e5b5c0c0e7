"""End-to-end throughput of `sitrep run` vs bare spaCy `nlp.pipe` on the same texts, same run.

    python benchmarks/bench_run.py -n 300

Prints documents/s and words/s for both and their ratio (the NLP floor is what parsing alone
costs; sitrep adds cleaning, extraction, storage and fusion on top).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).parent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("-n", type=int, default=300)
    ap.add_argument("--workers", type=int, default=1)
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        subprocess.run([sys.executable, str(HERE / "make_corpus.py"), str(corpus), "-n", str(a.n)], check=True)
        texts = [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt"))]
        words = sum(len(t.split()) for t in texts)

        import sitrep
        from sitrep.nlp import load

        nlp = load()
        t0 = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=32, n_process=a.workers):
            pass
        spacy_s = time.perf_counter() - t0

        t0 = time.perf_counter()
        summary = sitrep.run([corpus], db=Path(tmp) / "bench.db", workers=a.workers)
        sitrep_s = time.perf_counter() - t0
        assert summary.stored == len(texts), summary.as_dict()

    print(f"documents: {len(texts)}, words: {words}, workers: {a.workers}")
    print(f"{'pipeline':<22}{'docs/s':>10}{'words/s':>12}")
    print(f"{'bare spaCy nlp.pipe':<22}{len(texts) / spacy_s:>10.1f}{words / spacy_s:>12.0f}")
    print(f"{'sitrep run':<22}{len(texts) / sitrep_s:>10.1f}{words / sitrep_s:>12.0f}")
    print(f"ratio sitrep/spaCy: {spacy_s / sitrep_s:.2f}")


if __name__ == "__main__":
    main()
