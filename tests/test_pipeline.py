"""The pipeline end to end: store, idempotent re-runs, bad inputs, kill and resume."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import sitrep
from sitrep.store import Store

from .corpora import attack_reports


def _export(db: Path) -> list[dict]:
    import io

    from sitrep.export import write_jsonl

    buf = io.StringIO()
    write_jsonl(Store(db, create=False), buf)
    return [json.loads(line) for line in buf.getvalue().splitlines()]


def _fingerprint(records: list[dict]) -> list[tuple]:
    """What must be equal between two databases: documents by hash, records by content."""
    out = []
    for r in records:
        if r["type"] == "document":
            out.append(("document", r["id"], r["content_hash"], len(r["boilerplate"])))
        elif r["type"] in ("event", "statement", "figure"):
            spans = tuple(sorted((m["doc_id"], m["start"], m["end"]) for m in r["mentions"]))
            out.append((r["type"], spans))
    return sorted(out)


def test_run_stores_documents_and_offsets_quote_the_text(article_dir: Path, tmp_db: Path) -> None:
    summary = sitrep.run([article_dir], db=tmp_db)
    assert summary.stored == 3 and summary.failed == []
    records = _export(tmp_db)
    docs = {r["id"]: r for r in records if r["type"] == "document"}
    assert set(docs) == {"a1", "a2", "a3"}
    assert docs["a1"]["text"] == (article_dir / "a1.txt").read_text(encoding="utf-8")
    for r in records:
        for m in r.get("mentions", []):
            assert docs[m["doc_id"]]["text"][m["start"] : m["end"]] == m["text"]


def test_second_run_adds_nothing(article_dir: Path, tmp_db: Path) -> None:
    sitrep.run([article_dir], db=tmp_db)
    before = _export(tmp_db)
    counts = Store(tmp_db).counts()
    again = sitrep.run([article_dir], db=tmp_db)
    assert again.stored == 0 and again.unchanged == 3
    assert Store(tmp_db).counts() == counts
    assert _fingerprint(_export(tmp_db)) == _fingerprint(before)


def test_bad_inputs_are_reported_and_the_rest_is_stored(article_dir: Path, tmp_db: Path) -> None:
    (article_dir / "empty.txt").write_bytes(b"")
    (article_dir / "pic.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (article_dir / "feed.jsonl").write_text(
        '{"id": "j1", "text": "Troops withdrew."}\n{oops\n', encoding="utf-8"
    )
    summary = sitrep.run([article_dir, article_dir / "missing.txt"], db=tmp_db)
    failed = dict(summary.failed)
    assert summary.stored == 4  # a1, a2, a3, j1
    assert set(failed) == {
        str(article_dir / "empty.txt"),
        str(article_dir / "pic.txt"),
        f"{article_dir / 'feed.jsonl'}:2",
        str(article_dir / "missing.txt"),
    }
    stored_failures = {f.input for f in Store(tmp_db).failures()}
    assert stored_failures == set(failed)


def test_cli_exit_codes_and_summary(article_dir: Path, tmp_db: Path) -> None:
    exe = Path(sys.executable).parent / "sitrep"
    ok = subprocess.run(
        [exe, "run", str(article_dir), "--db", str(tmp_db), "--json"], capture_output=True, text=True
    )
    assert ok.returncode == 0, ok.stderr
    assert json.loads(ok.stdout)["documents_stored"] == 3
    (article_dir / "bad.txt").write_bytes(b"")
    bad = subprocess.run(
        [exe, "run", str(article_dir), "--db", str(tmp_db), "--quiet"], capture_output=True, text=True
    )
    assert bad.returncode == 1
    assert f"{article_dir / 'bad.txt'}: empty" in bad.stderr
    out = subprocess.run([exe, "export", "--db", str(tmp_db)], capture_output=True, text=True)
    assert out.returncode == 0
    assert sum(json.loads(line)["type"] == "document" for line in out.stdout.splitlines()) == 3


@pytest.mark.slow  # kills a run and resumes it
def test_killed_run_resumes_without_loss_or_duplicates(tmp_path: Path) -> None:
    corpus = attack_reports(tmp_path, 60, seed=7)
    reference = tmp_path / "reference.db"
    sitrep.run([corpus], db=reference, batch_size=4)
    killed = tmp_path / "killed.db"
    exe = Path(sys.executable).parent / "sitrep"
    rng = random.Random(11)
    for _ in range(3):
        proc = subprocess.Popen(
            [exe, "run", str(corpus), "--db", str(killed), "--quiet", "--batch-size", "4"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(rng.uniform(1.5, 4.0))
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    final = subprocess.run([exe, "run", str(corpus), "--db", str(killed), "--quiet", "--batch-size", "4"])
    assert final.returncode == 0
    assert Store(killed).counts()["documents"] == 60
    assert _fingerprint(_export(killed)) == _fingerprint(_export(reference))
