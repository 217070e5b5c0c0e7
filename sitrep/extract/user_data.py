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
from typing import Any

from .yaml_files import load_yaml

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
    known = (
        "actors/actors.yaml",
        "gazetteer/places.yaml",
        "gazetteer/coverage.yaml",
        "gazetteer/cues.yaml",
        "gazetteer/abbreviations.yaml",
        "gazetteer/admin1_groups.yaml",
        "control/areas.yaml",
        "events/triggers.yaml",
    )
    if not problems and not any((d / k).is_file() for d in dirs for k in known):
        problems.append(f"no data files in {', '.join(map(str, dirs))} (expected one of: {', '.join(known)})")
    return problems


def overlaid(packaged: Any, relative: str) -> Any:
    """``packaged`` (a YAML file's data) with the user's files of the same name laid over it:
    mappings merge key by key (the user's value wins), lists gain the user's new items."""
    merged = packaged
    for path in user_files(relative):
        merged = _merge(merged, load_yaml(path.read_text(encoding="utf-8")))
    return merged


def _merge(base: Any, extra: Any) -> Any:
    if isinstance(base, dict) and isinstance(extra, dict):
        return {**base, **{k: _merge(base[k], v) if k in base else v for k, v in extra.items()}}
    if isinstance(base, list) and isinstance(extra, list):
        return base + [x for x in extra if x not in base]
    return base if extra is None else extra
