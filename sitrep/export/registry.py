"""Exporters, found through the ``sitrep.exporters`` entry point group.

An exporter is an ``Exporter`` (a name, a writer ``(store, file) -> records written``, whether
the file is binary, and the media type and file name a web download gets). A package adds one
by naming it in its own ``pyproject.toml``::

    [project.entry-points."sitrep.exporters"]
    my-format = "my_package.exporter:EXPORTER"

and ``sitrep export --format my-format`` (and the web's ``/api/export/my-format``) use it. The
built-in five are registered the same way in sitrep's ``pyproject.toml``; when sitrep runs from
a source tree whose package metadata is missing or stale, the built-ins are still there
(``BUILTIN``), so nothing depends on the install being fresh. An entry point that fails to load
is reported on stderr and skipped: one broken plugin does not stop exports.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from importlib import import_module
from importlib.metadata import EntryPoint, entry_points
from typing import IO, Any

from ..store import Store

GROUP = "sitrep.exporters"

Writer = Callable[[Store, IO[Any]], int]


@dataclass(frozen=True)
class Exporter:
    name: str
    write: Writer
    binary: bool = False  # written to a file opened "wb" (never to stdout)
    media_type: str = "application/octet-stream"
    filename: str = ""  # of a web download; "sitrep.<name>" when empty

    def download_name(self) -> str:
        return self.filename or f"sitrep.{self.name}"


# the built-ins: (name, "module:attribute"), as in pyproject.toml, in the order they are listed
BUILTIN = (
    ("jsonl", "sitrep.export.jsonl:EXPORTER"),
    ("acled-csv", "sitrep.export.acled_csv:EXPORTER"),
    ("plover-json", "sitrep.export.plover:EXPORTER"),
    ("geojson", "sitrep.export.geojson:EXPORTER"),
    ("parquet", "sitrep.export.parquet:EXPORTER"),
)


def _load(value: str) -> Any:
    module, _, attr = value.partition(":")
    obj: Any = import_module(module)
    for part in attr.split(".") if attr else ():
        obj = getattr(obj, part)
    return obj


def _check(name: str, obj: Any) -> Exporter:
    if not isinstance(obj, Exporter):
        raise TypeError(f"{type(obj).__name__} is not a sitrep.export.Exporter")
    if obj.name != name:
        raise ValueError(f"the exporter is named {obj.name!r}, its entry point {name!r}")
    return obj


@lru_cache(maxsize=1)
def exporters() -> dict[str, Exporter]:
    """Every registered exporter by name: the built-ins first, in their order, then the others
    sorted by name. A built-in is loaded through its entry point, or from ``BUILTIN`` when the
    package metadata lacks it; a plugin may not take a built-in's name."""
    points: dict[str, list[EntryPoint]] = defaultdict(list)
    for ep in entry_points(group=GROUP):
        points[ep.name].append(ep)
    found: dict[str, Exporter] = {}
    for name, value in BUILTIN:
        registered = None
        for ep in points.pop(name, []):
            if ep.value == value:
                registered = ep
            else:
                print(f"sitrep: exporter {name!r} from {ep.value} ignored: a built-in has that name", file=sys.stderr)
        found[name] = _check(name, registered.load() if registered is not None else _load(value))
    extra: dict[str, Exporter] = {}
    for name, eps in sorted(points.items()):
        ep = eps[-1]
        try:
            extra[name] = _check(name, ep.load())
        except Exception as e:  # a broken plugin: say so, keep the others
            print(f"sitrep: exporter {name!r} ({ep.value}) could not be loaded: {type(e).__name__}: {e}", file=sys.stderr)
    return found | extra


def get_exporter(name: str) -> Exporter:
    """The exporter named ``name``; ``KeyError`` listing the registered names if there is none."""
    found = exporters()
    if name not in found:
        raise KeyError(f"unknown format {name!r}; choose one of: {', '.join(found)}")
    return found[name]
