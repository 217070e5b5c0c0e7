"""Fuzz target: ingest -> clean -> dates -> numbers -> full analysis of one document.

    python fuzz/fuzz_pipeline.py --seconds 300          # atheris (libFuzzer), or hypothesis if absent
    python fuzz/fuzz_pipeline.py --seconds 20 --engine hypothesis

Any exception escaping a stage, or a broken invariant (an offset that does not quote the text,
an invalid date, a negative or absurd fatality count, a non-finite figure) is a crash: the input
is saved under ``fuzz/crashes/`` and fuzzing goes on. At the end one line is printed:
``fuzz: inputs tried: N, crashes found: M``; the exit code is 1 when M > 0.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import math
import os
import re
import sys
import time
import traceback
from pathlib import Path

CRASH_DIR = Path(__file__).resolve().parent / "crashes"
MAX_FATALITIES = 10_000_000
STATE = {"inputs": 0, "crashes": 0, "deadline": 0.0}
SEEN: set[str] = set()


def check_document(raw: bytes) -> None:
    """Run every stage on one input; raise on any failure."""
    from sitrep.analyze import analyze_stream
    from sitrep.clean import clean
    from sitrep.extract.dates import find_timexes
    from sitrep.extract.numbers import find_quantities
    from sitrep.ingest import IngestError, _read_bytes
    from sitrep.model import Document

    kind = ("text", "html", "jsonl")[raw[0] % 3] if raw else "text"
    docs = []
    for item in _read_bytes("<fuzz>", "fuzz", raw[1:], 1_000_000, kind):
        if isinstance(item, IngestError):
            assert item.reason and "\n" not in item.reason, item
        else:
            assert isinstance(item, Document)
            docs.append(item)
    if not docs:
        text = raw.decode("utf-8", "replace")
        docs = [Document(id="fuzz", text=text)]
    for doc in docs:
        text = doc.text
        for span in clean(doc).boilerplate:
            assert 0 <= span.start <= span.end <= len(text), span
        for x in find_timexes(text, None, None):
            assert text[x.start : x.end] == x.text, x
            assert _valid_date(x.value), x
        for q in find_quantities(text):
            assert text[q.start : q.end] == q.text, q
            assert q.value is None or (math.isfinite(q.value) and q.value >= 0), q
    for analyses, errors in analyze_stream(docs, batch_size=len(docs)):
        for doc, reason in errors:
            raise AssertionError(f"analysis error for {doc.id}: {reason}")
        for a in analyses:
            t = a.document.text
            for rec in [*a.events, *a.statements, *a.figures]:
                for m in rec.mentions:
                    assert t[m.start : m.end] == m.text, m
            for ev in a.events:
                assert ev.fatalities is None or 0 <= ev.fatalities < MAX_FATALITIES, ev
            for fig in a.figures:
                assert fig.value is None or math.isfinite(float(fig.value)), fig


def _valid_date(value: object) -> bool:
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", str(value)[:10]) if value else None
    if not m:
        return True
    try:
        dt.date(*(int(g) for g in m.groups()))
    except ValueError:
        return False
    return True


def one_input(raw: bytes) -> None:
    if time.monotonic() > STATE["deadline"]:
        finish()
    STATE["inputs"] += 1
    try:
        check_document(raw)
    except Exception:  # a crash: keep the input, report, go on
        sig = traceback.format_exc().strip().splitlines()[-1][:200]
        if sig not in SEEN:
            SEEN.add(sig)
            CRASH_DIR.mkdir(exist_ok=True)
            path = CRASH_DIR / f"crash-{hashlib.sha1(raw).hexdigest()[:12]}"
            path.write_bytes(raw)
            print(f"fuzz: crash saved to {path}\n{traceback.format_exc()}", file=sys.stderr, flush=True)
        STATE["crashes"] += 1


def finish() -> None:
    print(f"fuzz: inputs tried: {STATE['inputs']}, crashes found: {STATE['crashes']} "
          f"({len(SEEN)} distinct)", flush=True)
    os._exit(1 if STATE["crashes"] else 0)


SEEDS = [
    b"\x00Taliban fighters attacked a checkpoint in Kunduz on Monday, killing 12 soldiers, officials said.",
    b"\x01<html><body>" + b"<div>" * 200 + b"Troops withdrew" + b"</div>" * 200,
    b'\x02{"id": "x", "text": "1,0,0,0 killed; 10^100 displaced \\u200d\\u202e"}',
    "\x00طالبان په کندز کې پر یوه پوسته برید وکړ — Талибы атаковали блокпост 12 июля".encode(),
    b'\x00"' * 300,
]


def run_hypothesis(seconds: float) -> None:
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    for s in SEEDS:
        one_input(s)

    @settings(max_examples=10**9, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(st.one_of(st.binary(max_size=4_000), st.text(max_size=2_000).map(lambda t: b"\x00" + t.encode("utf-8", "surrogatepass")),
                     st.lists(st.sampled_from(SEEDS), min_size=1, max_size=4).map(b"".join)))
    def loop(raw: bytes) -> None:
        one_input(raw)

    loop()
    finish()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seconds", type=float, default=300)
    ap.add_argument("--engine", choices=["auto", "atheris", "hypothesis"], default="auto")
    args, rest = ap.parse_known_args()
    if args.engine in ("auto", "atheris"):
        try:
            import atheris

            with atheris.instrument_imports(include=["sitrep"]):  # coverage feedback from sitrep's code
                import sitrep.analyze
                import sitrep.clean
                import sitrep.extract.dates
                import sitrep.extract.numbers
                import sitrep.ingest  # noqa: F401
        except ImportError:
            if args.engine == "atheris":
                raise
    from sitrep.nlp import load

    load()  # spaCy loads once, before the clock starts
    STATE["deadline"] = time.monotonic() + args.seconds
    engine = args.engine
    if engine == "auto":
        try:
            import atheris  # noqa: F401
            engine = "atheris"
        except ImportError:
            engine = "hypothesis"
    print(f"fuzz: engine {engine}, {args.seconds:g} s", flush=True)
    if engine == "hypothesis":
        run_hypothesis(args.seconds)
        return
    import atheris

    corpus = Path(__file__).resolve().parent / "corpus"
    corpus.mkdir(exist_ok=True)
    for i, s in enumerate(SEEDS):
        (corpus / f"seed{i}").write_bytes(s)
    atheris.Setup([sys.argv[0], "-timeout=30", "-rss_limit_mb=4096", "-max_len=200000", *rest, str(corpus)],
                  one_input)
    atheris.Fuzz()
    finish()


if __name__ == "__main__":
    main()
