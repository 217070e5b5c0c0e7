"""The classifier's vocabulary, read once from ``sitrep/data/clean/vocab.json``.

Words live in a data file, not in code, so that a user (or an outlet plugin) can extend them
without touching the rules.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources


@dataclass(frozen=True)
class Vocab:
    share_words: frozenset[str]
    ui_strong: frozenset[str]
    ui_weak: frozenset[str]
    ui_phrases: tuple[str, ...]
    footer_phrases: tuple[str, ...]
    teaser_prefixes: tuple[str, ...]
    caption_prefixes: tuple[str, ...]
    credit_terms: tuple[str, ...]
    section_words: frozenset[str]
    metadata_labels: frozenset[str]
    tag_labels: frozenset[str]
    byline_prefixes: tuple[str, ...]
    dateline_labels: frozenset[str]
    function_words: frozenset[str]
    kicker_labels: frozenset[str]  # all-caps labels that open a line like a dateline: "BREAKING -"
    reporting_verbs: frozenset[str] = frozenset()  # a short closing quote is prose: '"We will win," he said.'
    closing_verbs: frozenset[str] = frozenset()  # a short closing sentence is prose: "The TTP claimed responsibility."

    @cached_property
    def ui_words(self) -> frozenset[str]:
        return self.share_words | self.ui_strong | self.ui_weak


@lru_cache(maxsize=1)
def load() -> Vocab:
    """Load the packaged vocabulary (cached: the file is read once per process)."""
    raw = json.loads(resources.files("sitrep.data").joinpath("clean/vocab.json").read_text("utf-8"))
    sets = {
        "share_words",
        "ui_strong",
        "ui_weak",
        "section_words",
        "metadata_labels",
        "tag_labels",
        "dateline_labels",
        "function_words",
        "kicker_labels",
        "reporting_verbs",
        "closing_verbs",
    }
    kwargs = {}
    for name in Vocab.__dataclass_fields__:
        values = [str(v).lower() for v in raw.get(name, [])]
        kwargs[name] = frozenset(values) if name in sets else tuple(values)
    return Vocab(**kwargs)  # type: ignore[arg-type]
