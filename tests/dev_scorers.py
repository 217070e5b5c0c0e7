"""Runs a scorer of the shared development workspace on a slice, for the gate tests: the data is
measured in place, never copied into the project."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest


def score_slice(scorer: Path, data: Path, args: list[str]) -> dict[str, Any]:
    """The scorer's JSON figures for this checkout's ``sitrep``; skips (with the reason) when the
    workspace is not beside the clone."""
    if not (scorer.is_file() and data.is_file()):
        pytest.skip(f"the shared development data or its scorer are missing at {data.parent.parent}")
    sitrep_exe = Path(sys.executable).parent / "sitrep"
    out = subprocess.run(
        [sys.executable, str(scorer), "--sitrep", str(sitrep_exe), *args, "--json"],
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert out.returncode == 0, out.stderr[-2000:]
    return json.loads(out.stdout)  # type: ignore[no-any-return]
