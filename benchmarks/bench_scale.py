"""Scale benchmarks (memory, workers, store inserts), each compared within the same run.

    python benchmarks/bench_scale.py memory  --sizes 1000 10000
    python benchmarks/bench_scale.py workers -n 600
    python benchmarks/bench_scale.py store   -n 2000 [--postgres]

memory:  peak RSS of the `sitrep run` process and of its analysis worker at each corpus size.
workers: documents/s with 1 and 2 workers, local processes and Dask; for local ones the CPU
         seconds of the run process and the workers, and the speed-up this machine allows.
store:   documents/s inserted by Store.save (no NLP: pre-analysed documents) into SQLite and
         PostgreSQL (a throwaway server from tests/pgserver.py).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _measured import run_measured

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def make_corpus(tmp: Path, n: int, short: bool = False) -> Path:
    out = tmp / f"corpus{n}"
    cmd = [sys.executable, str(HERE / "make_corpus.py"), str(out), "-n", str(n), "--jsonl"]
    subprocess.run(cmd + (["--short"] if short else []), check=True)
    return out


def memory(sizes: list[int], short: bool = False) -> None:
    """Peak RSS of the largest process (the analysis worker or `sitrep run` itself), of the
    `sitrep run` process alone (ingest, storage, fusion, stories) and of its analysis worker."""
    print(f"{'documents':>10}{'seconds':>10}{'docs/s':>10}{'peak RSS MiB':>14}{'run proc MiB':>14}{'worker MiB':>14}"
          f"{'run anon MiB':>14}{'run file MiB':>14}")  # fmt: skip
    base = None
    for n in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            corpus = make_corpus(Path(tmp), n, short)
            run = run_measured([str(corpus), "--db", str(Path(tmp) / "m.db")])
            assert run.summary["documents_stored"] == n, run.summary
            mib = run.peak_mib
            base = base or mib
            print(f"{n:>10}{run.wall:>10.1f}{n / run.wall:>10.1f}{mib:>14.1f}{run.run_mib:>14.1f}{run.worker_mib:>14.1f}"
                  f"{run.run_anon_mib:>14.1f}{run.run_file_mib:>14.1f}")  # fmt: skip
    print(f"peak RSS ratio largest/smallest: {mib / base:.2f}")


def workers(n: int, short: bool = False, engines: list[str] | None = None) -> None:
    """Documents/s with 1 and 2 workers. For local workers it also prints the CPU seconds of the
    run process (storage, fusion, stories: one process whatever the workers) and of the
    workers, and the speed-up 2 workers could reach on this machine at most: the 1-worker wall
    time over max(all CPU / cores, the run process's CPU)."""
    cores = os.cpu_count() or 1
    with tempfile.TemporaryDirectory() as tmp:
        corpus = make_corpus(Path(tmp), n, short)
        rows = []
        for engine in engines or ["local", "dask"]:
            for w in (1, 2):
                db = Path(tmp) / f"{engine}{w}.db"
                run = run_measured([str(corpus), "--db", str(db), "--engine", engine, "--workers", str(w)])
                assert run.summary["documents_stored"] == n, run.summary
                rows.append((engine, w, run))
        print(f"{'engine':<8}{'workers':>8}{'seconds':>10}{'docs/s':>10}{'speed-up':>10}{'run CPU s':>11}"
              f"{'worker CPU s':>14}{'ceiling':>9}")  # fmt: skip
        for engine, w, run in rows:
            one = next(x[2] for x in rows if x[0] == engine and x[1] == 1)
            ceiling = "-"
            if engine == "local" and w == 2 and one.worker_cpu > 0:
                floor = max((one.run_cpu + one.worker_cpu) / min(cores, 2), one.run_cpu)
                ceiling = f"{one.wall / floor:.2f}"
            worker_cpu = f"{run.worker_cpu:.0f}" if engine == "local" else "-"  # Dask workers: other processes
            print(f"{engine:<8}{w:>8}{run.wall:>10.1f}{n / run.wall:>10.1f}{one.wall / run.wall:>10.2f}"
                  f"{run.run_cpu:>11.0f}{worker_cpu:>14}{ceiling:>9}")  # fmt: skip
    avg = os.getloadavg()
    print(f"load average at the end: {avg[0]:.2f} {avg[1]:.2f} {avg[2]:.2f} on {cores} CPUs "
          "(the speed-up is only meaningful on an otherwise idle machine)")


def store(n: int, postgres: bool) -> None:
    sys.path.insert(0, str(ROOT))
    from sitrep.analyze import analyze
    from sitrep.model import Document
    from sitrep.store import Store

    docs = [Document(id=f"s{i}", text=f"Gunmen attacked post {i} in Kano on Monday, killing {i % 9 + 1}.\n") for i in range(50)]
    template = list(analyze(docs))

    def batches(tag: str):
        import copy

        for b in range(n // 50):
            out = []
            for a in template:
                c = copy.deepcopy(a)
                c.document.id = f"{tag}{b}-{a.document.id}"
                c.document.content_hash = hashlib.sha256(f"{tag}{b}-{a.document.content_hash}".encode()).hexdigest()
                for r in [*c.events, *c.statements, *c.figures]:
                    r.id = f"{tag}{b}-{r.id}"
                out.append(c)
            yield out

    targets = []
    with tempfile.TemporaryDirectory() as tmp:
        targets.append(("sqlite", str(Path(tmp) / "s.db")))
        ctx = None
        if postgres:
            sys.path.insert(0, str(ROOT / "tests"))
            from pgserver import postgres_server

            ctx = postgres_server()
            targets.append(("postgresql", ctx.__enter__()))
        print(f"{'backend':<12}{'documents':>10}{'seconds':>10}{'docs/s':>10}")
        for name, url in targets:
            st = Store(url)
            t0 = time.perf_counter()
            total = sum(len(st.save(None, b)) for b in batches(name))
            wall = time.perf_counter() - t0
            print(f"{name:<12}{total:>10}{wall:>10.2f}{total / wall:>10.0f}")
        if ctx is not None:
            ctx.__exit__(None, None, None)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("what", choices=["memory", "workers", "store"])
    ap.add_argument("-n", type=int, default=600)
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    ap.add_argument("--postgres", action="store_true")
    ap.add_argument("--short", action="store_true", help="the old ~130-word generated pages")
    ap.add_argument("--engines", nargs="+", default=["local", "dask"], choices=["local", "dask"])
    a = ap.parse_args()
    if a.what == "memory":
        memory(a.sizes, a.short)
    elif a.what == "workers":
        workers(a.n, a.short, a.engines)
    else:
        store(a.n, a.postgres)


if __name__ == "__main__":
    main()
