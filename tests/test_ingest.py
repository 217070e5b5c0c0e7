"""Ingest: every supported input becomes a Document; every bad one a named, reasoned error."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest

from sitrep.ingest import IngestError, iter_inputs
from sitrep.model import Document


def _split(items: list[Document | IngestError]) -> tuple[list[Document], list[IngestError]]:
    docs = [i for i in items if isinstance(i, Document)]
    errs = [i for i in items if isinstance(i, IngestError)]
    return docs, errs


def test_folder_is_walked_recursively_and_ids_are_stems(article_dir: Path) -> None:
    docs, errs = _split(list(iter_inputs([article_dir])))
    assert errs == []
    assert sorted(d.id for d in docs) == ["a1", "a2", "a3"]
    html = next(d for d in docs if d.id == "a3")
    assert html.raw_html is not None and "<nav>" in html.raw_html
    assert "var x" not in html.text  # scripts are not visible text
    assert "Negotiators from both sides met in Doha" in html.text


def test_text_is_kept_byte_for_byte(tmp_path: Path) -> None:
    text = "  Line one\r\nLine two\u00a0with nbsp\n\n\tTabbed “quote”\n"
    p = tmp_path / "x.txt"
    p.write_bytes(text.encode("utf-8"))
    (doc,) = list(iter_inputs([p]))
    assert isinstance(doc, Document)
    assert doc.text == text


def test_jsonl_documents_and_a_malformed_line(tmp_path: Path) -> None:
    p = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"id": "d1", "text": "Gunmen attacked a village.", "url": "http://x/1", "published": "2021-07-05"}),
        "{not json",
        json.dumps({"id": "d2", "html": "<p>Troops withdrew from the town.</p>", "title": "Withdrawal"}),
        json.dumps({"id": "d3"}),
        json.dumps(["a", "list"]),
    ]
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    docs, errs = _split(list(iter_inputs([p])))
    assert [d.id for d in docs] == ["d1", "d2"]
    assert docs[0].published == "2021-07-05" and docs[0].url == "http://x/1"
    assert docs[1].title == "Withdrawal" and "Troops withdrew" in docs[1].text
    assert [e.input for e in errs] == [f"{p}:2", f"{p}:4", f"{p}:5"]
    assert "malformed JSON" in errs[0].reason
    assert "no \"text\" or \"html\"" in errs[1].reason


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"   \n\t\n", "empty"),
        ("image.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "PNG image"),
        ("latin.txt", "café au lait".encode("latin-1"), "not valid UTF-8"),
        ("nul.txt", b"abc\x00\x00\x00def" * 10, "NUL bytes"),
        ("doc.pdf", b"%PDF-1.4", "unsupported file type"),
    ],
)
def test_bad_inputs_get_a_clear_reason(tmp_path: Path, name: str, content: bytes, reason: str) -> None:
    p = tmp_path / name
    p.write_bytes(content)
    (item,) = list(iter_inputs([p]))
    assert isinstance(item, IngestError)
    assert item.input == str(p)
    assert reason in item.reason


def test_too_large_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    p = tmp_path / "huge.txt"
    with p.open("wb") as f:
        f.truncate(50 * 1024 * 1024)  # sparse 50 MB file
    (item,) = list(iter_inputs([p]))
    assert isinstance(item, IngestError) and "too large" in item.reason


def test_missing_path_and_unreadable_file(tmp_path: Path) -> None:
    missing = tmp_path / "nope"
    locked = tmp_path / "locked.txt"
    locked.write_text("Some text.", encoding="utf-8")
    locked.chmod(0)
    items = list(iter_inputs([missing, locked]))
    locked.chmod(0o644)
    assert isinstance(items[0], IngestError) and "no such file" in items[0].reason
    if os.geteuid() == 0:  # root reads anything: the permission error cannot be provoked
        assert isinstance(items[1], Document)
    else:
        assert isinstance(items[1], IngestError) and "permission" in items[1].reason


def test_stdin_text_html_and_jsonl() -> None:
    (doc,) = list(iter_inputs(["-"], stdin=io.BytesIO(b"Clashes broke out in the north.")))
    assert isinstance(doc, Document) and doc.text == "Clashes broke out in the north."
    (html,) = list(iter_inputs(["-"], stdin=io.BytesIO(b"<p>Talks <b>resumed</b>.</p>")))
    assert isinstance(html, Document) and "Talks resumed." in html.text
    feed = b'{"id": "s1", "text": "One."}\n{"id": "s2", "text": "Two."}\n'
    assert [d.id for d in iter_inputs(["-"], stdin=io.BytesIO(feed))] == ["s1", "s2"]


def test_html_charset_is_detected(tmp_path: Path) -> None:
    p = tmp_path / "cp.html"
    p.write_bytes('<html><head><meta charset="windows-1251"></head><body><p>Киев</p></body></html>'.encode("cp1251"))
    (doc,) = list(iter_inputs([p]))
    assert isinstance(doc, Document) and "Киев" in doc.text


def test_content_hash_depends_on_content_only(tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("Same text.", encoding="utf-8")
    b.write_text("Same text.", encoding="utf-8")
    da, db = list(iter_inputs([a, b]))
    assert isinstance(da, Document) and isinstance(db, Document)
    assert da.content_hash == db.content_hash and da.id != db.id
