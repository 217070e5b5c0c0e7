"""Crash safety: `sitrep run` killed with SIGKILL at random points, again and again, then resumed.

Each round starts a fresh database and kills the run at random moments (half of them spread
over the whole run, start-up included, half over the part where batches are being
committed) until a run is allowed to finish. The finished database must equal the one from an
uninterrupted run: every document, no duplicate record. The analysis worker of a killed run
must die with it (no orphan burning CPU).
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

import sitrep
from sitrep.store import Store

from .corpora import attack_reports
from .test_pipeline import _export, _fingerprint

EXE = Path(sys.executable).parent / "sitrep"
KILLS = 20
DOCS = 120
BATCH = "2"

pytestmark = pytest.mark.slow  # 20 SIGKILLs over many runs: minutes


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}


def _start(corpus: Path, db: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [EXE, "run", str(corpus), "--db", str(db), "--quiet", "--batch-size", BATCH],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=_env(),
    )


def _stored(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as con:
            return int(con.execute("SELECT count(*) FROM documents").fetchone()[0])
    except sqlite3.Error:
        return 0


def _children(pid: int) -> list[int]:
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def _gone(pid: int, within: float) -> bool:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
        except OSError:
            return True
        if state == "Z":  # a zombie has stopped running; its parent is gone
            return True
        time.sleep(0.05)
    return False


def _timing(corpus: Path, db: Path) -> tuple[float, float]:
    """(seconds until the first batch is committed, seconds for the whole run)."""
    t0 = time.monotonic()
    proc = _start(corpus, db)
    first = 0.0
    while proc.poll() is None:
        if not first and _stored(db) > 0:
            first = time.monotonic() - t0
        time.sleep(0.05)
    total = time.monotonic() - t0
    assert proc.returncode == 0, proc.stderr.read() if proc.stderr else ""
    return first or total / 2, total


def test_twenty_sigkills_lose_and_duplicate_nothing(tmp_path: Path) -> None:
    corpus = attack_reports(tmp_path, DOCS)
    reference = tmp_path / "reference.db"
    sitrep.run([corpus], db=reference, batch_size=int(BATCH), doc_timeout=0)  # in-process, unsupervised
    expected = _fingerprint(_export(reference))
    assert sum(1 for r in expected if r[0] == "document") == DOCS

    first, total = _timing(corpus, tmp_path / "timing.db")
    assert _fingerprint(_export(tmp_path / "timing.db")) == expected  # supervised run == in-process run

    rng = random.Random(20211)
    kills = rounds = mid_write = 0
    # kills are aimed with the timing run's times; a run that ends sooner than they predict (the
    # machine is less busy than during the timing run) scales later aims down to its pace
    scale = 1.0
    while kills < KILLS:
        rounds += 1
        assert rounds <= 30, f"only {kills} kills landed in {rounds - 1} rounds"
        db = tmp_path / f"round{rounds}.db"
        while True:
            # a resumed run only has the rest to do: aim the kill within what is left of it
            estimate = first + (total - first) * (DOCS - _stored(db)) / DOCS
            soonest, left = scale * first, scale * estimate
            proc = _start(corpus, db)
            started = time.monotonic()
            whole_run = rng.random() < 0.5
            delay = rng.uniform(0.0, left) if whole_run else rng.uniform(soonest, max(soonest, left))
            end = time.monotonic() + delay
            while proc.poll() is None and time.monotonic() < end:
                time.sleep(0.02)
            if proc.poll() is not None or kills >= KILLS:
                if proc.poll() is not None:
                    scale = min(scale, (time.monotonic() - started) / estimate)
                break  # this run finished before its kill (or we have enough kills): check the round
            before = _stored(db)
            workers = _children(proc.pid)
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait()
            kills += 1
            mid_write += 0 < before < DOCS
            for w in workers:
                assert _gone(w, within=15), f"analysis worker {w} outlived its killed parent"
        proc.wait()
        assert proc.returncode == 0, proc.stderr.read() if proc.stderr else ""
        assert Store(db).counts()["documents"] == DOCS
        assert _fingerprint(_export(db)) == expected, f"round {rounds} differs from the uninterrupted run"
    assert kills >= KILLS
    assert mid_write >= 3, f"only {mid_write} kills landed while batches were being committed"
