"""Data of the user's own, beside the packaged data: actors and places added without editing
the installed package.

``SITREP_DATA_DIR`` (one folder, or several separated by ``os.pathsep``; ``sitrep run
--data-dir`` sets it) holds files laid out as ``sitrep/data/``; each file found there is read
after the packaged one of the same name and adds to it (a later entry wins over an earlier one
of the same name). See docs/extending.md.
"""

from __future__ import annotations

import os
from pathlib import Path

ENV = "SITREP_DATA_DIR"


def data_dirs() -> tuple[Path, ...]:
    """The user's data folders, in the order given."""
    raw = os.environ.get(ENV, "")
    return tuple(Path(p).expanduser() for p in raw.split(os.pathsep) if p.strip())


def user_files(relative: str) -> list[Path]:
    """The user's files at ``relative`` (e.g. "actors/actors.yaml") that exist, in order."""
    return [d / relative for d in data_dirs() if (d / relative).is_file()]


def check_dirs(dirs: tuple[Path, ...]) -> list[str]:
    """Problems with the given folders, said plainly (an empty list when they are usable)."""
    problems = [f"data folder {d} does not exist" for d in dirs if not d.is_dir()]
    known = ("actors/actors.yaml", "gazetteer/places.yaml", "gazetteer/coverage.yaml", "control/areas.yaml")
    if not problems and not any((d / k).is_file() for d in dirs for k in known):
        problems.append(f"no data files in {', '.join(map(str, dirs))} (expected one of: {', '.join(known)})")
    return problems
