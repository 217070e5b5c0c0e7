"""End-to-end throughput of `sitrep run` vs bare spaCy `nlp.pipe` on the same texts, same run.

    python benchmarks/bench_run.py -n 5000

The corpus is news-length (make_corpus.py: 400-900 words a page; ``--short`` for the old
~130-word pages). Prints documents/s and words/s and their ratio against two baselines timed
in the same run over the same raw page texts, one process each (n_process=1):

- bare spaCy: the model sitrep uses with its default pipeline, ``nlp.pipe`` (load excluded);
- spaCy + ruler: the same with sitrep's gazetteer/actor entity ruler (what sitrep parses with).

`sitrep run` is timed end to end as the CLI runs it, in a child process (interpreter start,
spaCy load in its worker, cleaning, parsing, extraction, storage, fusion and stories), and its
peak RSS is reported (the run process and its analysis worker; see ``_measured.py``).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _measured import run_measured

HERE = Path(__file__).parent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-n", type=int, default=300)
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--short", action="store_true", help="the old ~130-word generated pages")
    ap.add_argument("--spacy-batch", type=int, default=64, help="nlp.pipe batch size of the baselines (documents)")
    ap.add_argument("--no-ruler-baseline", action="store_true", help="skip the spaCy + ruler baseline")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        cmd = [sys.executable, str(HERE / "make_corpus.py"), str(corpus), "-n", str(a.n)]
        subprocess.run(cmd + (["--short"] if a.short else []), check=True)
        texts = [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt"))]
        words = sum(len(t.split()) for t in texts)

        import spacy

        from sitrep.analyze import model as load
        from sitrep.nlp import MODEL_NAME

        rows: list[tuple[str, float]] = []
        bare = spacy.load(MODEL_NAME)
        t0 = time.perf_counter()
        for _ in bare.pipe(texts, batch_size=a.spacy_batch, n_process=1):
            pass
        rows.append(("bare spaCy nlp.pipe", time.perf_counter() - t0))
        del bare
        if not a.no_ruler_baseline:
            ruled = load()
            t0 = time.perf_counter()
            for _ in ruled.pipe(texts, batch_size=a.spacy_batch, n_process=1):
                pass
            rows.append(("spaCy + sitrep ruler", time.perf_counter() - t0))

        run = run_measured([str(corpus), "--db", str(Path(tmp) / "bench.db"), "--workers", str(a.workers)])
        sitrep_s = run.wall
        assert run.summary["documents_stored"] == len(texts), run.summary

    avg = os.getloadavg()
    print(f"documents: {len(texts)}, words: {words} ({words / len(texts):.0f} a document), "
          f"sitrep workers: {a.workers}, spaCy batch: {a.spacy_batch}, "
          f"load average: {avg[0]:.2f} {avg[1]:.2f} {avg[2]:.2f}")
    print(f"{'pipeline':<24}{'seconds':>10}{'docs/s':>10}{'words/s':>12}")
    for name, secs in [*rows, ("sitrep run", sitrep_s)]:
        print(f"{name:<24}{secs:>10.1f}{len(texts) / secs:>10.2f}{words / secs:>12.0f}")
    for name, secs in rows:
        print(f"ratio sitrep/{name}: {secs / sitrep_s:.2f}")
    print(f"sitrep run peak RSS: {run.peak_mib:.0f} MiB (run process {run.run_mib:.0f}, analysis worker "
          f"{run.worker_mib:.0f}); records: {run.summary['records']}")
    print(f"sitrep run CPU: run process {run.run_cpu:.0f} s, analysis worker {run.worker_cpu:.0f} s "
          f"(the busier one bounds the wall time)")


if __name__ == "__main__":
    main()
