"""Run `sitrep run` as the CLI does, in a child process, and measure its wall time and peak RSS
(the run process and its analysis worker), for the benchmarks."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from dataclasses import dataclass
from typing import Any

# `sitrep run` in this interpreter; at exit it prints its own peak RSS and that of its analysis
# worker (VmHWM, KiB). The worker is parked for reuse, not waited for, so RUSAGE_CHILDREN of
# the caller does not see it. RSS counts the pages of the store that SQLite maps into memory
# (``mmap_size``) as well as the process's own heap, so a sampler also keeps the peaks of the two
# parts, anonymous (RssAnon) and file-backed (RssFile), every 0.2 s.
_RUN_REPORTING_RSS = """
import atexit, sys, threading, time

_PARTS = {"RssAnon:": 0, "RssFile:": 0}

def _sample():
    while True:
        with open("/proc/self/status") as f:
            for ln in f:
                name = ln.split(":")[0] + ":"
                if name in _PARTS:
                    _PARTS[name] = max(_PARTS[name], int(ln.split()[1]))
        time.sleep(0.2)

threading.Thread(target=_sample, daemon=True).start()

def _report():
    from sitrep import guard
    import os
    hwm, worker_cpu = 0, 0.0
    for _, _, w in list(guard._IDLE):
        try:
            with open(f"/proc/{w.pid}/status") as f:
                hwm = max([hwm] + [int(ln.split()[1]) for ln in f if ln.startswith("VmHWM:")])
            with open(f"/proc/{w.pid}/stat") as f:  # utime and stime, after the ')' of the name
                fields = f.read().rsplit(")", 1)[1].split()
            worker_cpu += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        except OSError:
            pass
    own_cpu = sum(os.times()[:2])
    with open("/proc/self/status") as f:  # not ru_maxrss: it keeps the forking parent's RSS across exec
        own = max(int(ln.split()[1]) for ln in f if ln.startswith("VmHWM:"))
    sys.stderr.write("\\nSELF_MAXRSS %d WORKER_HWM %d ANON %d FILE %d CPU %.1f WORKER_CPU %.1f\\n"
                     % (own, hwm, _PARTS["RssAnon:"], _PARTS["RssFile:"], own_cpu, worker_cpu))

atexit.register(_report)
sys.argv[0] = "sitrep"
from sitrep.cli import app
app()
"""


@dataclass
class MeasuredRun:
    wall: float  # seconds, interpreter start to exit
    summary: dict[str, Any]  # `sitrep run --json`
    run_mib: float  # peak RSS of the `sitrep run` process
    worker_mib: float  # peak RSS of its analysis worker
    run_anon_mib: float = float("nan")  # sampled peak of the run process's anonymous memory
    run_file_mib: float = float("nan")  # ... and of its file-backed pages (the mapped store)
    run_cpu: float = float("nan")  # CPU seconds (user + system) of the run process
    worker_cpu: float = float("nan")  # ... and of its analysis worker(s)

    @property
    def peak_mib(self) -> float:
        return max(self.run_mib, self.worker_mib)


def run_measured(args: list[str]) -> MeasuredRun:
    """``sitrep run ARGS --json -q`` in a fresh interpreter, so its peaks are its own."""
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", _RUN_REPORTING_RSS, "run", *args, "--json", "-q"],
                          capture_output=True, text=True)  # fmt: skip
    wall = time.perf_counter() - t0
    if proc.returncode not in (0, 1):
        raise SystemExit(proc.stderr)
    own = [ln.split() for ln in proc.stderr.splitlines() if ln.startswith("SELF_MAXRSS ")]
    run_mib = int(own[-1][1]) / 1024 if own else float("nan")
    worker_mib = int(own[-1][3]) / 1024 if own else 0.0
    anon, file = (int(own[-1][5]) / 1024, int(own[-1][7]) / 1024) if own and len(own[-1]) > 7 else (float("nan"),) * 2
    cpu = (float(own[-1][9]), float(own[-1][11])) if own and len(own[-1]) > 11 else (float("nan"),) * 2
    return MeasuredRun(wall, json.loads(proc.stdout), run_mib, worker_mib, anon, file, *cpu)
