"""Local worker processes and Dask give exactly the records of an in-process run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import sitrep
from sitrep.export import write_jsonl
from sitrep.store import Store


def _lines(db: Path) -> list[dict]:
    import io

    buf = io.StringIO()
    write_jsonl(Store(db, create=False), buf)
    return [json.loads(x) for x in buf.getvalue().splitlines()]


def _without_run_ids(records: list[dict]) -> list[dict]:
    return [{k: v for k, v in r.items() if k != "run_id"} for r in records]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("engines")
    for i in range(24):
        (d / f"e{i:02d}.txt").write_text(
            f"Militants stormed a village near Gao on Tuesday, killing {i + 2} civilians, officials said.\n\n"
            f"\"We condemn attack {i},\" the governor said in a statement.\n",
            encoding="utf-8",
        )
    return d


@pytest.fixture(scope="module")
def reference(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> list[dict]:
    db = tmp_path_factory.mktemp("ref") / "ref.db"
    sitrep.run([corpus], db=db, batch_size=5)
    return _lines(db)


@pytest.mark.parametrize("engine", ["local", "dask"])
def test_two_workers_give_identical_export(engine: str, corpus: Path, reference: list[dict], tmp_path: Path) -> None:
    db = tmp_path / f"{engine}.db"
    summary = sitrep.run([corpus], db=db, batch_size=5, workers=2, engine=engine)
    assert summary.stored == 24 and not summary.failed
    assert _without_run_ids(_lines(db)) == _without_run_ids(reference)


def test_unknown_engine_is_refused(corpus: Path, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown engine"):
        sitrep.run([corpus], db=tmp_path / "x.db", engine="spark")


def test_fusing_batch_by_batch_gives_what_one_fusion_gives(corpus: Path, reference: list[dict], tmp_path: Path) -> None:
    """The reference fuses after each of its five batches; one batch fuses once, at the end."""
    db = tmp_path / "one-batch.db"
    sitrep.run([corpus], db=db, batch_size=100)
    assert _without_run_ids(_lines(db)) == _without_run_ids(reference)
    assert any(len(r.get("mentions", [])) > 1 for r in reference)  # something did fuse
