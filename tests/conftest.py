"""Shared fixtures: composed inputs, a temporary database, the path of the shared seeds."""

from __future__ import annotations

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
