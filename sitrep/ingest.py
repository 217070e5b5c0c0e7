"""Ingest: turn paths (files, folders, JSONL, stdin) into Documents, or into clear errors.

A bad input never stops the batch: each problem becomes an ``IngestError`` naming the input
and the reason, and reading goes on with the next input.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from .clean.html import visible_text
from .model import Document

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
DEFAULT_MAX_BYTES = 20_000_000

# Leading bytes of common binary formats that end up misnamed in scrape folders.
_MAGIC = {
    b"\x89PNG": "PNG image",
    b"%PDF": "PDF document",
    b"PK\x03\x04": "ZIP archive (or DOCX/XLSX)",
    b"GIF8": "GIF image",
    b"\xff\xd8\xff": "JPEG image",
    b"\x1f\x8b": "gzip archive",
    b"\x7fELF": "executable",
    b"RIFF": "RIFF media file",
}


@dataclass
class IngestError:
    """An input that could not be read, and why (shown to the user as one line)."""

    input: str
    reason: str

    def __str__(self) -> str:
        return f"{self.input}: {self.reason}"


Item = Document | IngestError


def iter_inputs(
    paths: Iterable[str | Path], max_bytes: int = DEFAULT_MAX_BYTES, stdin: IO[bytes] | None = None
) -> Iterator[Item]:
    """Every document (or error) from the given paths, folders walked recursively in name order."""
    for raw in paths:
        p = str(raw)
        if p == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from _read_bytes("<stdin>", "stdin", stream.read(max_bytes + 1), max_bytes, kind=None)
            continue
        path = Path(p)
        if not path.exists():
            yield IngestError(p, "no such file or folder")
        elif path.is_dir():
            yield from _walk(path, max_bytes)
        else:
            yield from read_file(path, max_bytes)


def _walk(folder: Path, max_bytes: int) -> Iterator[Item]:
    try:
        entries = sorted(os.walk(folder, onerror=None))
    except OSError as e:  # pragma: no cover - os.walk swallows most errors
        yield IngestError(str(folder), f"cannot list folder ({e.strerror or e})")
        return
    for root, dirs, files in entries:
        dirs.sort()
        for name in sorted(files):
            path = Path(root) / name
            if name.startswith("."):
                continue
            if path.suffix.lower() in SUPPORTED:
                yield from read_file(path, max_bytes)


def read_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Item]:
    """One file: a text or HTML page, or a JSONL file of many documents."""
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        yield IngestError(str(path), f"unsupported file type {suffix or '(none)'} (use .txt, .html, .jsonl)")
        return
    try:
        size = path.stat().st_size
        if suffix in JSONL_SUFFIXES:
            yield from _read_jsonl(path, max_bytes)
            return
        if size > max_bytes:
            yield IngestError(str(path), f"too large ({size:,} bytes; limit {max_bytes:,}, see --max-bytes)")
            return
        data = path.read_bytes()
    except PermissionError:
        yield IngestError(str(path), "permission denied (cannot read the file)")
        return
    except OSError as e:
        yield IngestError(str(path), f"cannot read ({e.strerror or e})")
        return
    kind = "html" if suffix in HTML_SUFFIXES else "text"
    yield from _read_bytes(str(path), path.stem, data, max_bytes, kind)


def _read_bytes(source: str, doc_id: str, data: bytes, max_bytes: int, kind: str | None) -> Iterator[Item]:
    if len(data) > max_bytes:
        yield IngestError(source, f"too large (over {max_bytes:,} bytes, see --max-bytes)")
        return
    if not data.strip():
        yield IngestError(source, "empty (no text)")
        return
    binary = _binary_kind(data)
    if binary:
        yield IngestError(source, f"binary content ({binary}), not a text, HTML or JSONL document")
        return
    if kind is None:  # stdin: sniff
        head = data.lstrip()[:1]
        kind = "jsonl" if head == b"{" else "html" if head == b"<" else "text"
    if kind == "jsonl":
        yield from _parse_jsonl_lines(source, data.decode("utf-8", "replace").splitlines(), max_bytes)
        return
    if kind == "html":
        html = decode_html(data)
        yield _html_document(doc_id, source, html, {})
        return
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        yield IngestError(
            source, f"not valid UTF-8 (byte {e.start}); save it as UTF-8, or as .html for charset detection"
        )
        return
    if not text.strip():
        yield IngestError(source, "empty (no text)")
        return
    yield Document(id=doc_id, text=text, source=source)


def _binary_kind(data: bytes) -> str | None:
    for magic, name in _MAGIC.items():
        if data.startswith(magic):
            return name
    head = data[:8192]
    if b"\x00" in head and not (head.startswith((b"\xff\xfe", b"\xfe\xff"))):
        return "NUL bytes"
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    if head and controls / len(head) > 0.1:
        return "control bytes"
    return None


def decode_html(data: bytes) -> str:
    """Decode a page: BOM, then a declared charset, then detection (charset-normalizer)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", "replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", "replace")
    import re

    m = re.search(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_\-]+)""", data[:4096], re.IGNORECASE)
    if m:
        try:
            return data.decode(m.group(1).decode("ascii"), "replace")
        except LookupError:
            pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    return str(best) if best is not None else data.decode("utf-8", "replace")


def _html_document(doc_id: str, source: str, html: str, meta: dict[str, Any]) -> Document:
    return Document(
        id=doc_id,
        text=visible_text(html),
        source=meta.get("url") or source,
        url=meta.get("url"),
        title=meta.get("title"),
        published=meta.get("published"),
        raw_html=html,
    )


def _read_jsonl(path: Path, max_bytes: int) -> Iterator[Item]:
    """Stream a JSONL file line by line: it may be far larger than one document."""
    with path.open("rb") as f:
        for n, raw in enumerate(f, 1):
            yield from _parse_jsonl_lines(str(path), [raw.decode("utf-8", "replace")], max_bytes, n)


def _parse_jsonl_lines(base: str, lines: list[str], max_bytes: int, first: int = 1) -> Iterator[Item]:
    """Documents from JSONL lines; ``first`` is the line number of ``lines[0]`` in ``base``."""
    for n, line in enumerate(lines, first):
        where = f"{base}:{n}"
        if not line.strip():
            continue
        if len(line) > max_bytes:
            yield IngestError(where, f"line too large ({len(line):,} characters; limit {max_bytes:,})")
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            yield IngestError(where, f"malformed JSON ({e.msg} at column {e.colno})")
            continue
        if not isinstance(obj, dict):
            yield IngestError(where, "each line must be a JSON object")
            continue
        yield _jsonl_document(where, obj)


def _jsonl_document(where: str, obj: dict[str, Any]) -> Item:
    doc_id = obj.get("id")
    text, html = obj.get("text"), obj.get("html")
    if doc_id is None or str(doc_id).strip() == "":
        return IngestError(where, 'missing "id"')
    if not (isinstance(text, str) and text.strip()) and not (isinstance(html, str) and html.strip()):
        return IngestError(where, f'document {doc_id!r} has no "text" or "html"')
    published = obj.get("published")
    meta = {
        "url": obj.get("url") if isinstance(obj.get("url"), str) else None,
        "title": obj.get("title") if isinstance(obj.get("title"), str) else None,
        "published": str(published) if published not in (None, "") else None,
    }
    if isinstance(text, str) and text.strip():
        return Document(
            id=str(doc_id),
            text=text,
            source=meta["url"] or where,
            url=meta["url"],
            title=meta["title"],
            published=meta["published"],
        )
    return _html_document(str(doc_id), where, str(html), meta)
