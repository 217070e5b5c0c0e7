"""The data files' YAML, read by libyaml when PyYAML was built with it: several times faster than
the pure-Python parser, and every worker reads the lexicons before its first document."""

from __future__ import annotations

from typing import Any

import yaml

LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str) -> Any:
    """What ``yaml.safe_load`` gives: the safe constructors only, whichever parser reads it."""
    return yaml.load(text, Loader=LOADER)  # noqa: S506 - a safe loader
