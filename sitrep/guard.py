"""Per-document isolation: analysis runs in a supervised worker process with a time budget.

Python cannot interrupt C code (the regex engine, spaCy's Cython) with a signal, so the only
budget that always holds is a process boundary. A :class:`Supervisor` owns one persistent
worker process (spaCy loads once in it) and sends it one batch at a time:

1. it waits for the batch with a deadline of ``doc_timeout x len(batch)``;
2. on expiry (or if the worker dies: segfault, out of memory) it kills the worker, starts a
   fresh one and re-runs that batch one document at a time, each with the per-document
   deadline;
3. the document that overruns (or kills the worker) is returned as an error with its reason
   ("timed out after 30 s"); every other document is analyzed as usual.

A document whose extraction raises is already an error, not a crash (``analyze_stream``).
``doc_timeout=0`` turns supervision off: analysis runs in this process, as before.
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import os
import pickle
import signal
import subprocess
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from multiprocessing.connection import Connection
from typing import Any

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]

from .batches import Batch, analyze_batch, ordered
from .model import Document

DEFAULT_DOC_TIMEOUT = 30.0  # seconds of analysis one document may take
STARTUP_TIMEOUT = 300.0  # a new worker loading spaCy and the gazetteer
MAX_IDLE = 2  # idle workers kept for the next run in this process

Analyzer = Callable[[list[Document]], "Batch"]
Warmup = Callable[[], object]


class WorkerError(RuntimeError):
    """The analysis worker could not be started (a broken install, not a bad document)."""


def seconds(value: float) -> str:
    """30.0 -> '30', 0.5 -> '0.5': budgets as people write them."""
    return f"{value:g}"


def timeout_reason(budget: float) -> str:
    return f"timed out after {seconds(budget)} s"


def default_analyzer(docs: list[Document]) -> Batch:
    return analyze_batch(docs)


#: A short composed report analysed once at start-up: it loads what the extractors read lazily
#: (gazetteer, actor registry, lexicons).
WARM_UP_TEXT = (
    "On Monday, gunmen attacked a police checkpoint near Kabul, killing two officers, the "
    'provincial governor said. "We will respond," he told reporters.'
)


def warm_nlp() -> None:
    """Load spaCy and the extractors' data before the first batch, so their load time never
    counts against a document's budget."""
    from .analyze import analyze

    list(analyze([Document(id="warm-up", text=WARM_UP_TEXT)]))


# -- the worker process ---------------------------------------------------------------------
def _die_with_parent(parent_pid: int) -> None:
    """Ask Linux to SIGKILL this worker when its parent dies (even by SIGKILL)."""
    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    if os.getppid() != parent_pid:  # the parent died before prctl took effect
        os._exit(0)


def _child() -> None:
    """Entry point of the worker: ``python -c ... READ_FD WRITE_FD PARENT_PID``."""
    read_fd, write_fd, parent_pid = (int(a) for a in sys.argv[1:4])
    _die_with_parent(parent_pid)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    inbox, outbox = Connection(read_fd, writable=False), Connection(write_fd, readable=False)
    try:
        analyzer, warm = inbox.recv()
        if warm is not None:
            warm()
        # what start-up loaded (the model, the gazetteer's index) lives as long as the worker:
        # frozen, it is no longer walked by every full collection (3% of analysis time)
        gc.freeze()
    except BaseException as e:  # reported to the parent, which stops the run
        outbox.send(("error", f"{type(e).__name__}: {e}"))
        return
    outbox.send(("ready", None))
    while True:
        try:
            docs = inbox.recv()
        except (EOFError, OSError):
            return  # the parent is gone
        if docs is None:
            return
        try:
            batch = analyzer(docs)
        except Exception as e:  # the analyzer should not raise; report it, do not die
            batch = None
            error = f"{type(e).__name__}: {e}"
        try:
            if batch is None:
                outbox.send(("error", error))
            else:
                outbox.send_bytes(_BATCH_TAG + pickle.dumps(batch, protocol=pickle.HIGHEST_PROTOCOL))
        except (BrokenPipeError, OSError):
            return


# -- the parent side ------------------------------------------------------------------------
class Worker:
    """One analysis process and the pipes to it.

    A fresh interpreter (not ``multiprocessing``), so it never re-imports the caller's
    ``__main__``: ``sitrep.run`` works from any script, with or without a main guard.
    """

    def __init__(
        self, analyzer: Analyzer, warm: Warmup | None, startup_timeout: float = STARTUP_TIMEOUT, wait: bool = True
    ) -> None:
        to_child, child_in = os.pipe()[::-1]
        child_out, from_child = os.pipe()[::-1]
        for fd in (to_child, child_out):
            _widen_pipe(fd)
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p and os.path.isdir(p))}
        self.proc = subprocess.Popen(
            [sys.executable, "-c", "from sitrep.guard import _child; _child()",
             str(child_in), str(child_out), str(os.getpid())],
            pass_fds=(child_in, child_out),
            stdin=subprocess.DEVNULL,
            stdout=sys.stderr.fileno() if _has_fileno(sys.stderr) else subprocess.DEVNULL,
            env=env,
        )
        os.close(child_in)
        os.close(child_out)
        self.outbox = Connection(to_child, readable=False)
        self.inbox = Connection(from_child, writable=False)
        with contextlib.suppress(BrokenPipeError, OSError):
            self.outbox.send((analyzer, warm))
        self.startup_timeout = startup_timeout
        self.ready = False
        if wait:
            self.wait_ready()

    def wait_ready(self) -> None:
        """Wait until the worker has loaded its model (``wait=False`` starts several at once)."""
        if self.ready:
            return
        status, payload = self._wait(self.startup_timeout)
        self.ready = status == "ready"
        if status != "ready":
            self.kill()
            detail = payload if status in ("error", "died") else "no answer"
            raise WorkerError(f"the analysis worker could not start ({detail})")

    def call(self, docs: list[Document], timeout: float) -> tuple[str, Any]:
        """('ok', Pickled batch), ('timeout', None), ('died', detail) or ('error', message)."""
        try:
            self.outbox.send(docs)
        except (BrokenPipeError, OSError):
            return "died", self._exit_detail()
        return self._wait(timeout)

    def _wait(self, timeout: float) -> tuple[str, Any]:
        try:
            if not self.inbox.poll(timeout):
                return "timeout", None
            raw = self.inbox.recv_bytes()
            if raw[:1] == _BATCH_TAG:
                return "ok", Pickled(raw[1:])
            reply: tuple[str, Any] = pickle.loads(raw)
            return reply
        except (EOFError, OSError):
            return "died", self._exit_detail()

    def _exit_detail(self) -> str:
        try:
            code = self.proc.wait(5)
        except subprocess.TimeoutExpired:
            return "stopped answering"
        if code < 0:
            try:
                return f"killed by {signal.Signals(-code).name}"
            except ValueError:
                return f"killed by signal {-code}"
        return f"exit code {code}"

    @property
    def pid(self) -> int:
        return self.proc.pid

    def alive(self) -> bool:
        return self.proc.poll() is None and not self.inbox.closed

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.proc.wait(10)
        self.inbox.close()
        self.outbox.close()

    def stop(self) -> None:
        with contextlib.suppress(OSError):
            self.outbox.send(None)
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.proc.wait(2)
        self.kill()


#: Bytes a pipe to or from a worker holds (Linux's default is 64 KiB; 1 MiB is the most an
#: unprivileged process may ask for by default).
PIPE_BYTES = 1 << 20


def _widen_pipe(fd: int) -> None:
    """A batch's analyses are about 1.5 MB pickled. Through a 64 KiB pipe the parent reads them in
    some 25 pieces, each waiting its turn for the interpreter lock that fusion holds, while the
    worker cannot finish its write; through 1 MiB, in two. Where the system refuses (another
    OS, a lower limit) the pipe keeps its size: slower, not wrong."""
    setsize = getattr(fcntl, "F_SETPIPE_SZ", None) if fcntl is not None else None
    if setsize is not None:
        with contextlib.suppress(OSError):
            fcntl.fcntl(fd, setsize, PIPE_BYTES)


#: First byte of a worker's message that is a pickled batch (a pickle itself begins with 0x80)
_BATCH_TAG = b"B"


class Pickled:
    """A batch's analyses as the worker pickled them (about 1.5 MB for 32 pages). The thread that
    feeds a worker hands it its next batch as soon as these bytes are read; decoding them there,
    under the interpreter lock that storage and fusion hold, kept the worker idle some 150 ms a
    batch (2 s on 300 pages). The thread that stores the batch loads it."""

    __slots__ = ("data",)

    def __init__(self, data: bytes) -> None:
        self.data = data

    def load(self) -> Batch:
        return pickle.loads(self.data)  # type: ignore[no-any-return]


def _has_fileno(stream: Any) -> bool:
    try:
        stream.fileno()
    except (AttributeError, OSError, ValueError):
        return False
    return True


_IDLE: list[tuple[Analyzer, Warmup | None, Worker]] = []
_IDLE_LOCK = threading.Lock()


def prestart(workers: int, analyzer: Analyzer | None = None) -> None:
    """Start up to ``workers`` analysis processes now, parked for the run's supervisors to take:
    they load spaCy while the run opens (and migrates) its store. Call it from the thread that
    runs the stream (a worker dies with the thread that started it)."""
    an = analyzer or default_analyzer
    warm = warm_nlp if analyzer is None else None  # as a Supervisor sets them up
    with _IDLE_LOCK:
        ready = sum(1 for a, wa, _ in _IDLE if a is an and wa is warm)
        room = min(workers, MAX_IDLE - len(_IDLE) + ready) - ready
    for _ in range(max(0, room)):
        w = Worker(an, warm, wait=False)
        with _IDLE_LOCK:
            _IDLE.append((an, warm, w))


class Supervisor:
    """Runs batches in a worker process under a per-document time budget."""

    def __init__(
        self,
        doc_timeout: float = DEFAULT_DOC_TIMEOUT,
        analyzer: Analyzer | None = None,
        warm: Warmup | None = None,
        wait: bool = True,
    ) -> None:
        """``wait=False``: start the worker and return; ``wait_ready`` waits for it."""
        if doc_timeout <= 0:
            raise ValueError("doc_timeout must be positive (0 means: no supervision, run in process)")
        self.doc_timeout = doc_timeout
        self.analyzer: Analyzer = analyzer or default_analyzer
        self.warm = warm if analyzer is not None else warm_nlp
        self.restarts = 0
        self._closed = False
        self._worker: Worker | None = self._reuse() or Worker(self.analyzer, self.warm, wait=wait)

    def wait_ready(self) -> None:
        if self._worker is not None:
            self._worker.wait_ready()

    def _reuse(self) -> Worker | None:
        with _IDLE_LOCK:
            for i, (an, wa, w) in enumerate(_IDLE):
                if an is self.analyzer and wa is self.warm:
                    del _IDLE[i]
                    if w.alive():
                        return w
                    w.kill()
                    break
        return None

    def _restart(self) -> Worker:
        if self._worker is not None:
            self._worker.kill()
            self._worker = None
        if self._closed:
            raise WorkerError("the run was stopped")
        self.restarts += 1
        self._worker = Worker(self.analyzer, self.warm)
        return self._worker

    def run(self, docs: list[Document], pickled: bool = False) -> Batch | Pickled:
        """Analyses and errors for ``docs``, in order; no document can stop or hang the run.

        ``pickled``: a batch the worker analysed whole comes back as it came through the pipe,
        for the thread that stores it to load."""
        worker = self._worker or self._restart()
        status, payload = worker.call(docs, self.doc_timeout * len(docs))
        if status == "ok":
            return payload if pickled else payload.load()  # type: ignore[no-any-return]
        if status != "error":  # timed out or died: a fresh worker (an error leaves it usable)
            self._restart()
        if len(docs) == 1:
            return [], [(docs[0], self._reason(status, payload))]
        analyses: list[Any] = []
        errors: list[tuple[Document, str]] = []
        for doc in docs:  # find the culprit: one document at a time, each with its own deadline
            worker = self._worker or self._restart()
            status, payload = worker.call([doc], self.doc_timeout)
            if status == "ok":
                done, failed = payload.load()
                analyses += done
                errors += failed
            else:
                errors.append((doc, self._reason(status, payload)))
                if status != "error":
                    self._restart()
        return analyses, errors

    def _reason(self, status: str, payload: Any) -> str:
        if status == "timeout":
            return timeout_reason(self.doc_timeout)
        if status == "died":
            return f"analysis crashed the worker process ({payload})"
        return f"analysis failed: {payload}"

    def close(self, keep: bool = False) -> None:
        """Stop the worker, or park it for the next run in this process (``keep``)."""
        self._closed = True
        w, self._worker = self._worker, None
        if w is None:
            return
        if keep and w.alive():
            with _IDLE_LOCK:
                if len(_IDLE) < MAX_IDLE:
                    _IDLE.append((self.analyzer, self.warm, w))
                    return
        w.stop()


def supervised_stream(
    docs: Iterable[Document],
    batch_size: int,
    workers: int = 1,
    doc_timeout: float = DEFAULT_DOC_TIMEOUT,
    analyzer: Analyzer | None = None,
) -> Iterator[Batch]:
    """Batches in input order, analyzed by ``workers`` supervised processes.

    Each worker has a second batch waiting, so it analyzes while the run stores and fuses
    (``batches.ordered`` reads input on its own thread: a live feed is not held up)."""
    import queue
    from concurrent.futures import ThreadPoolExecutor

    sups: list[Supervisor] = []
    free: queue.Queue[Supervisor] = queue.Queue()
    pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="sitrep-supervisor")

    def task(batch: list[Document]) -> Batch | Pickled:
        sup = free.get()
        try:
            return sup.run(batch, pickled=True)
        finally:
            free.put(sup)

    ok = False
    try:
        # started from this thread: Linux kills a worker when the thread that started it ends
        # (PR_SET_PDEATHSIG), and the pool's threads end with the run; they load in parallel
        for _ in range(max(1, workers)):
            sups.append(Supervisor(doc_timeout, analyzer, wait=False))
        for s in sups:
            s.wait_ready()
            free.put(s)
        for done in ordered(lambda b: pool.submit(task, b), docs, batch_size, 2 * workers):
            yield done.load() if isinstance(done, Pickled) else done
        ok = True
    finally:
        for s in sups:
            s.close(keep=ok)
        pool.shutdown(wait=True, cancel_futures=True)


# -- one-line messages for errors that stop a run ---------------------------------------------
def fatal_message(exc: BaseException, db: str) -> str:
    """Name the problem in one line (no traceback, no SQL): what failed, where, what to do."""
    where = _db_label(db)
    text = " ".join(str(getattr(exc, "orig", None) or exc).split())
    low = text.lower()
    if isinstance(exc, WorkerError):
        return text
    if "database is locked" in low or "database table is locked" in low:
        return f"database {where} is locked by another process (try again when it has finished)"
    if "readonly database" in low or "read-only" in low:
        return f"database {where} is read-only (check the permissions of the file and its folder)"
    if "unable to open database" in low:
        return f"cannot open database {where} (does the folder exist, and is it writable?)"
    if "disk is full" in low or "file too large" in low or "no space left" in low or "disk i/o error" in low:
        return f"disk full or file size limit reached while writing {where}; the store is unchanged since the last batch"
    if "connection refused" in low or "could not connect" in low or "connection failed" in low:
        return f"cannot connect to the PostgreSQL server of {where} (is it running?)"
    if "server closed the connection" in low or "terminating connection" in low or "connection" in low and (
        "lost" in low or "closed" in low or "shutdown" in low
    ):
        return f"lost the connection to the PostgreSQL server of {where}; run again to resume"
    if isinstance(exc, OSError) and exc.strerror:
        return f"{exc.strerror}: {exc.filename or where}"
    first = text.split(" [SQL:")[0].split(" (Background on")[0]
    return f"{type(exc).__name__}: {first[:300]}"


def _db_label(db: str) -> str:
    if "://" in db:
        from sqlalchemy.engine import make_url

        try:
            return make_url(db).render_as_string(hide_password=True)
        except Exception:  # a label, never an error
            return db.split("@")[-1]
    return db
