"""The record contract as JSON lines: documents, then events, statements, figures, stories."""

from __future__ import annotations

import json
from typing import IO

from ..store import Store
from .registry import Exporter

KINDS = ("event", "statement", "figure")


def write_jsonl(store: Store, out: IO[str]) -> int:
    n = 0
    for doc in store.iter_documents():
        out.write(json.dumps(doc, ensure_ascii=False) + "\n")
        n += 1
    for kind in KINDS:
        for rec in store.iter_records(kind):
            out.write(json.dumps({"type": kind, **rec}, ensure_ascii=False) + "\n")
            n += 1
    for story in store.iter_stories():
        out.write(json.dumps({"type": "story", **story}, ensure_ascii=False) + "\n")
        n += 1
    return n


EXPORTER = Exporter("jsonl", write_jsonl, binary=False, media_type="application/x-ndjson", filename="sitrep.jsonl")
