"""The run process's share of `sitrep run` (storage, fusion, story placement) without the NLP.

    python benchmarks/bench_run_process.py analyze CORPUS analyses.pkl      # once: the worker's output
    python benchmarks/bench_run_process.py replay analyses.pkl out.db [--code DIR] [-n 5000] [--in-date-order] [--key-rows]
    python benchmarks/bench_run_process.py fuse analyses.pkl out.db [-n 1000]
    python benchmarks/bench_run_process.py partitions analyses.pkl [--db URL] [-n 1000] [--partitions 4]

``analyze`` runs the analysis in this process and pickles its output batch by batch (32 pages,
as `sitrep run` sends them). ``replay`` stores them in a fresh database as the run process does
(save, fuse, place stories after every batch) and prints its CPU seconds per phase for every
500 pages, and its RSS. ``--code`` replays with the sitrep package found in another checkout (a
``git worktree`` of an older commit), so two versions are compared on the same analyses in one
session. ``--in-date-order`` replays the pages sorted by publication date (read into memory first), as a feed brings
them (the generated corpus spreads its dates over ten years at random); ``--key-rows`` prints,
for every 500 pages, the blocking-key rows fusion read by record kind and by what bounds the key
in time (``sitrep.fuse.keys.key_scope``): the classes whose rows grow with the store are what
makes fusion's cost per page grow. Run two replays side by side only on an otherwise quiet machine. ``fuse`` stores the
first ``n`` pages without fusing them, then times one ``fuse()`` over the whole unfused store
(wall seconds and merges per record kind). ``partitions`` replays the first ``n`` pages twice,
batch by batch as a run does: fused in one process, then fused as partitions of the blocks
(on SQLite one after another in this process; on PostgreSQL, ``--db postgresql://...``, in
parallel on a Dask LocalCluster of two workers), and compares the two JSONL exports byte for
byte.
"""

from __future__ import annotations

import argparse
import pickle
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

BATCH = 32


def analyze(corpus: str, out: str) -> None:
    from sitrep.analyze import analyze_stream
    from sitrep.ingest import iter_inputs
    from sitrep.model import Document

    docs = (d for d in iter_inputs([corpus]) if isinstance(d, Document))
    started, done, pending = time.perf_counter(), 0, []
    with open(out, "wb") as f:
        for analyses, _errors in analyze_stream(docs, batch_size=BATCH):
            pending += analyses
            while len(pending) >= BATCH:
                pickle.dump(pending[:BATCH], f, protocol=5)
                pending = pending[BATCH:]
            done += len(analyses)
        if pending:
            pickle.dump(pending, f, protocol=5)
    print(f"{done} pages analysed in {time.perf_counter() - started:.0f} s -> {out}")


def _rss_mib() -> int:
    with open("/proc/self/status") as f:
        return next(int(ln.split()[1]) // 1024 for ln in f if ln.startswith("VmRSS:"))


def _batches(analyses: str, in_date_order: bool) -> Iterator[list[Any]]:
    """The pickled batches, or all pages re-batched by publication date (as a feed brings them)."""
    with open(analyses, "rb") as f:
        pages: list[Any] = []
        while True:
            try:
                batch = pickle.load(f)
            except EOFError:
                break
            if not in_date_order:
                yield batch
            else:
                pages += batch
    pages.sort(key=lambda a: ((a.reference.value if a.reference else None) or "9999", a.document.id))
    for i in range(0, len(pages), BATCH):
        yield pages[i : i + BATCH]


def _count_key_rows(rows: Counter[str]) -> None:
    """Count the blocking-key rows fusion reads, by record kind and what bounds the key in time."""
    from sitrep.fuse import persist
    from sitrep.fuse.keys import key_scope

    read = persist.FusionStore.fusion_index

    def counted(self: Any, kind: str, keys: Any, *args: Any, **kwargs: Any) -> list[tuple[str, str]]:
        found = read(self, kind, keys, *args, **kwargs)
        rows.update(f"{kind} {key_scope(k)}" for k, _ in found)
        return found

    persist.FusionStore.fusion_index = counted  # type: ignore[method-assign]


def replay(analyses: str, db: str, limit: int, in_date_order: bool = False, key_rows: bool = False) -> None:
    from sitrep.fuse import fuse
    from sitrep.store import Store
    from sitrep.store.db import STREAMING_SQLITE
    from sitrep.stories import update_stories

    for old in Path(db).parent.glob(Path(db).name + "*"):
        old.unlink()
    store = Store(Path(db), **STREAMING_SQLITE)
    run_id = store.start_run({})
    seconds: dict[str, float] = defaultdict(float)
    total: dict[str, float] = defaultdict(float)
    rows: Counter[str] = Counter()
    if key_rows:
        _count_key_rows(rows)
    done = 0
    print(f"{'pages':>6}{'save s':>9}{'fuse s':>9}{'stories s':>11}{'RSS MiB':>9}   (CPU of the last 500 pages)")
    for batch in _batches(analyses, in_date_order):
        if done >= limit:
            break
        t = time.process_time()
        store.save(run_id, batch)
        seconds["save"] += time.process_time() - t
        with store.exclusive():
            t = time.process_time()
            fuse(store)
            seconds["fuse"] += time.process_time() - t
            t = time.process_time()
            update_stories(store, everywhere=False)
            seconds["stories"] += time.process_time() - t
        before, done = done, done + len(batch)
        if done // 500 != before // 500:
            print(f"{done:>6}{seconds['save']:>9.1f}{seconds['fuse']:>9.1f}{seconds['stories']:>11.1f}{_rss_mib():>9}")
            if key_rows:  # (rows of the last 500 pages' lookups, by key class)
                print("        key rows read: " + ", ".join(f"{k} {n}" for k, n in sorted(rows.items())))
                rows.clear()
            for k, v in seconds.items():
                total[k] += v
            seconds.clear()
    for k, v in seconds.items():
        total[k] += v
    print(f"{done} pages: save {total['save']:.0f} s, fuse {total['fuse']:.0f} s, stories {total['stories']:.0f} s "
          f"of CPU, {sum(total.values()) / max(done, 1):.3f} s a page")  # fmt: skip


def fuse_once(analyses: str, db: str, limit: int) -> None:
    from sitrep.fuse import fuse
    from sitrep.store import Store

    for old in Path(db).parent.glob(Path(db).name + "*"):
        old.unlink()
    store = Store(Path(db))
    run_id = store.start_run({})
    done = 0
    with open(analyses, "rb") as f:
        while done < limit:
            try:
                batch = pickle.load(f)
            except EOFError:
                break
            batch = batch[: limit - done]
            store.save(run_id, batch)
            done += len(batch)
    with store.exclusive():
        t = time.perf_counter()
        merged = fuse(store)
        took = time.perf_counter() - t
    print(f"{done} pages stored unfused; fuse() {took:.1f} s; merges {merged}")


def _export_digest(store: object) -> tuple[str, int]:
    import hashlib
    import io

    from sitrep.export.jsonl import write_jsonl

    buf = io.StringIO()
    n = write_jsonl(store, buf)  # type: ignore[arg-type]
    return hashlib.sha256(buf.getvalue().encode()).hexdigest(), n


def _fresh(db: str, name: str) -> str:
    """A new empty database for one replay: a file beside ``db``, or a new PostgreSQL database."""
    if not db.startswith("postgresql"):
        path = Path(f"{db}.{name}")
        for old in path.parent.glob(path.name + "*"):
            old.unlink()
        return str(path)
    import sqlalchemy as sa

    base, _ = db.rsplit("/", 1)
    eng = sa.create_engine(db.replace("postgresql://", "postgresql+psycopg://"), isolation_level="AUTOCOMMIT")
    with eng.connect() as c:
        c.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}"'))
        c.execute(sa.text(f'CREATE DATABASE "{name}"'))
    eng.dispose()
    return f"{base}/{name}"


def partitions(analyses: str, db: str, limit: int, count: int) -> None:
    import contextlib

    from sitrep.engines import dask_client
    from sitrep.fuse import fuse
    from sitrep.fuse.partitioned import fuse_in_partitions, fuse_partitioned
    from sitrep.store import Store
    from sitrep.stories import update_stories

    digests = {}
    for how in ("one", "parts"):
        store = Store(_fresh(db, f"bench_{how}"))
        done, took = 0, 0.0
        with contextlib.ExitStack() as stack:
            client = None
            if how == "parts" and db.startswith("postgresql"):
                client = stack.enter_context(dask_client(2))
            with open(analyses, "rb") as f:
                while done < limit:
                    try:
                        batch = pickle.load(f)[: limit - done]
                    except EOFError:
                        break
                    store.save(None, batch)
                    done += len(batch)
                    t = time.perf_counter()
                    if how == "one":
                        fuse(store)
                    elif client is not None:
                        fuse_partitioned(store, client, count)
                    else:
                        fuse_in_partitions(store, count)
                    took += time.perf_counter() - t
                    update_stories(store, everywhere=False)
        update_stories(store)
        digests[how] = _export_digest(store)
        print(f"{how:>6}: {done} pages, fusion {took:.1f} s wall, export {digests[how][1]} lines sha256 {digests[how][0][:16]}")
        store.close()
    print("identical exports" if digests["one"] == digests["parts"] else "EXPORTS DIFFER")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="what", required=True)
    a = sub.add_parser("analyze")
    a.add_argument("corpus")
    a.add_argument("out")
    r = sub.add_parser("replay")
    r.add_argument("analyses")
    r.add_argument("db")
    r.add_argument("--code", help="a checkout whose sitrep package to replay with")
    r.add_argument("-n", type=int, default=10**9)
    r.add_argument("--in-date-order", action="store_true", help="replay the pages sorted by publication date, as a feed")
    r.add_argument("--key-rows", action="store_true", help="print the blocking-key rows fusion reads, by key class")
    fu = sub.add_parser("fuse")
    fu.add_argument("analyses")
    fu.add_argument("db")
    fu.add_argument("-n", type=int, default=1000)
    pa = sub.add_parser("partitions")
    pa.add_argument("analyses")
    pa.add_argument("--db", default="partitions.db", help="a SQLite path or a PostgreSQL URL (its server)")
    pa.add_argument("-n", type=int, default=1000)
    pa.add_argument("--partitions", type=int, default=4)
    args = ap.parse_args()
    if getattr(args, "code", None):
        sys.path.insert(0, str(Path(args.code).resolve()))
    if args.what == "analyze":
        analyze(args.corpus, args.out)
    elif args.what == "fuse":
        fuse_once(args.analyses, args.db, args.n)
    elif args.what == "partitions":
        partitions(args.analyses, args.db, args.n, args.partitions)
    else:
        replay(args.analyses, args.db, args.n, args.in_date_order, args.key_rows)


if __name__ == "__main__":
    main()
