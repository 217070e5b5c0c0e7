"""Shared fixtures: composed inputs, a temporary database, the path of the shared seeds."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"
SCORER = ROOT.parent / "shared" / "tools" / "score_seeds.py"

ARTICLE = """Home | World | Politics
Share this article

Rebels shell market town, killing four

KANO, March 3 (Sitrep Wire) - Rebel fighters shelled the market town of Dala on Tuesday, killing four civilians, a local official said.

"The shells fell in the middle of the market," the official said.

The army said it had sent reinforcements to the area.

Tags: Nigeria, conflict, rebels
"""


@pytest.fixture
def tmp_db(tmp_path: Path) -> Path:
    return tmp_path / "test.db"


@pytest.fixture
def article_dir(tmp_path: Path) -> Path:
    d = tmp_path / "corpus"
    d.mkdir()
    (d / "a1.txt").write_text(ARTICLE, encoding="utf-8")
    (d / "a2.txt").write_text(
        "Police arrested twelve protesters in the capital on Friday after a march against fuel prices.\n",
        encoding="utf-8",
    )
    sub = d / "more"
    sub.mkdir()
    (sub / "a3.html").write_text(
        "<html><head><title>Ceasefire talks resume</title><script>var x = 1;</script></head>"
        "<body><nav>Home News Sport</nav><h1>Ceasefire talks resume</h1>"
        "<p>Negotiators from both sides met in Doha on Monday to discuss a ceasefire.</p>"
        "<footer>Copyright 2021</footer></body></html>",
        encoding="utf-8",
    )
    return d


@pytest.fixture(scope="session")
def pg_url() -> object:
    from .pgserver import postgres_server

    with postgres_server() as url:
        yield url


_db_counter = iter(range(10**6))


@pytest.fixture(params=["sqlite", "postgresql"])
def any_db(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh empty database of each kind: a SQLite file, or a new PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "store.db")
    return str(request.getfixturevalue("pg_db"))


@pytest.fixture
def pg_db(pg_url: object) -> str:
    """The URL of a new, empty database on the test PostgreSQL server."""
    base = pg_url
    import sqlalchemy as sa

    name = f"t{next(_db_counter)}_{os.getpid()}"
    eng = sa.create_engine(str(base).replace("postgresql://", "postgresql+psycopg://"), isolation_level="AUTOCOMMIT")
    with eng.connect() as c:
        c.execute(sa.text(f'CREATE DATABASE "{name}"'))
    eng.dispose()
    return str(base).rsplit("/", 1)[0] + "/" + name


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that needs a PostgreSQL server ``postgres`` (``make check`` leaves them out)."""
    for item in items:
        callspec = getattr(item, "callspec", None)
        on_postgres = callspec is not None and callspec.params.get("any_db") == "postgresql"
        if on_postgres or "pg_url" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.postgres)
