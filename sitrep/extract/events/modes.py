"""PLOVER mode of an event (the codebook's per-type tables), read from its words by the cues of
``sitrep/data/events/modes.yaml``: the trigger's lemmas, its class, the weapon words of the clause,
or the words after the trigger. No cue, no mode (the codebook's modes are optional)."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from ..yaml_files import load_yaml

Cue = tuple[str, str]  # (kind: "lemma", "class", "instrument", "text"; value)


@lru_cache(maxsize=1)
def _table() -> dict[str, list[tuple[str, list[Cue], re.Pattern[str] | None]]]:
    raw = load_yaml(resources.files("sitrep.data").joinpath("events/modes.yaml").read_text(encoding="utf-8"))
    out: dict[str, list[tuple[str, list[Cue], re.Pattern[str] | None]]] = {}
    for plover, modes in raw.items():
        rows = []
        for mode, cues in modes:
            parsed: list[Cue] = []
            texts = []
            for cue in cues:
                kind = {"=": "class", "@": "instrument", "~": "text"}.get(cue[0], "lemma")
                value = cue[1:] if kind != "lemma" else cue
                if kind == "text":
                    texts.append(re.escape(value).replace(r"\ ", r"\s+"))
                else:
                    parsed.append((kind, value.lower()))
            rx = re.compile(r"(?<![\w-])(?:" + "|".join(texts) + ")", re.I) if texts else None
            rows.append((mode, parsed, rx))
        out[plover] = rows
    return out


def plover_mode(
    plover: str, lemmas: list[str], cls: str, instrument: str | None, after: str, content: bool = False
) -> tuple[str | None, tuple[int, int] | None]:
    """The mode, and where in ``after`` the words that gave it stand (None: the trigger's own words).

    Rows are tried in the table's order, each by its trigger cues (lemma, class, weapon) and its
    words. For a verbal act whose mode is its content (what is threatened, demanded, refused:
    ``content``), the trigger's cues decide first and else the words that come first after it
    ("threatened to attack the airport if the talks failed": violence, not relations)."""
    rows = _table().get(plover, ())
    best: tuple[int, str, tuple[int, int]] | None = None
    for mode, cues, rx in rows:
        for kind, value in cues:
            if (
                kind == "lemma" and value in lemmas
                or kind == "class" and value == cls
                or kind == "instrument" and value == instrument
            ):
                return mode, None
        m = rx.search(after) if rx is not None else None
        if m is not None and not content:
            return mode, m.span()
        if m is not None and (best is None or m.start() < best[0]):
            best = (m.start(), mode, m.span())
    return (best[1], best[2]) if best is not None else (None, None)
