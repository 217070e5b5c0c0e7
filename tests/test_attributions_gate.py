"""The statements gate on real news: run the shared attribution scorer (PolNeAR articles with human
attributions) on a fixed slice and refuse any measure below the floor in
tests/data/attribution_floors.json.

The articles are measured, never copied into the project; raising a floor locks progress in,
lowering one needs an explicit edit of that file. Skipped, with its reason, in a clone that has no
../shared beside it.
"""

from __future__ import annotations

import json

import pytest

from .conftest import ROOT
from .dev_scorers import score_slice

SCORER = ROOT.parent / "shared" / "tools" / "score_attributions.py"
GOLD = ROOT.parent / "shared" / "dev" / "polnear_dev.jsonl"
FLOORS = json.loads((ROOT / "tests" / "data" / "attribution_floors.json").read_text(encoding="utf-8"))
FIELDS = sorted(k for k in FLOORS if not k.startswith("_"))

pytestmark = pytest.mark.slow  # sitrep on a slice of real articles (about a minute)


@pytest.fixture(scope="module")
def scores() -> dict[str, float]:
    return score_slice(SCORER, GOLD, ["--gold", str(GOLD), "--limit", str(FLOORS["_slice"])])


@pytest.mark.parametrize("field", FIELDS)
def test_attribution_measure_not_below_floor(scores: dict[str, float], field: str) -> None:
    assert scores[field] >= FLOORS[field], f"{field}: {scores[field]} < floor {FLOORS[field]}"
