"""Exporters are found through the ``sitrep.exporters`` entry point group: a package that
registers one adds a ``sitrep export --format``; the built-ins are there with or without
package metadata."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sitrep.cli import app
from sitrep.export import registry
from sitrep.export.registry import BUILTIN, exporters

from .test_web_support import build_db

PLUGIN = '''
from sitrep.export import Exporter


def write_ids(store, out):
    n = 0
    for doc in store.iter_documents():
        out.write(doc["id"] + "\\n")
        n += 1
    return n


EXPORTER = Exporter("doc-ids", write_ids, media_type="text/plain", filename="ids.txt")
'''


@pytest.fixture(autouse=True)
def fresh_registry() -> Iterator[None]:
    exporters.cache_clear()
    yield
    exporters.cache_clear()


def _install_plugin(where: Path, monkeypatch: pytest.MonkeyPatch, entry: str) -> None:
    """A distribution on sys.path (what ``pip install`` leaves): a module and its metadata."""
    (where / "sitrep_demo_exporter.py").write_text(PLUGIN, encoding="utf-8")
    dist = where / "sitrep_demo_exporter-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: sitrep-demo-exporter\nVersion: 1.0\n", encoding="utf-8")
    (dist / "entry_points.txt").write_text(f"[sitrep.exporters]\n{entry}\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(where))


def test_the_builtins_come_first_in_their_order() -> None:
    assert list(exporters())[:5] == [name for name, _ in BUILTIN] == [
        "jsonl", "acled-csv", "plover-json", "geojson", "parquet"]  # fmt: skip
    assert exporters()["parquet"].binary and not exporters()["jsonl"].binary


def test_builtins_without_package_metadata(monkeypatch: pytest.MonkeyPatch) -> None:
    """A source tree with no (or stale) metadata still has the five built-in formats."""
    monkeypatch.setattr(registry, "entry_points", lambda group: [])
    assert list(exporters()) == [name for name, _ in BUILTIN]


def test_a_registered_exporter_is_a_format(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _install_plugin(tmp_path, monkeypatch, "doc-ids = sitrep_demo_exporter:EXPORTER")
    assert "doc-ids" in exporters() and list(exporters())[-1] == "doc-ids"
    db = tmp_path / "web.db"
    build_db(db).close()
    out = tmp_path / "ids.txt"
    res = CliRunner().invoke(app, ["export", "--db", str(db), "--format", "doc-ids", "-o", str(out)])
    assert res.exit_code == 0, res.output
    assert out.read_text(encoding="utf-8").split() == ["doc_a", "doc_b", "hostile"]
    res = CliRunner().invoke(app, ["export", "--db", str(db), "--format", "nope"])
    assert res.exit_code != 0 and "doc-ids" in res.output  # the message lists every registered name


def test_a_broken_plugin_is_reported_and_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _install_plugin(tmp_path, monkeypatch, "broken = sitrep_demo_exporter:MISSING\njsonl = sitrep_demo_exporter:EXPORTER")
    names = list(exporters())
    assert names == [name for name, _ in BUILTIN]  # neither the broken one nor a built-in's impostor
    err = capsys.readouterr().err
    assert "'broken'" in err and "could not be loaded" in err and "a built-in has that name" in err
