"""Composed pages of many outlet layouts and languages (tests/data/html/, see pages.json).

Each page has its expected body paragraphs, boilerplate strings, captions, title and
published date. Body paragraphs must lie fully outside boilerplate spans (recall); the listed
navigation, footer, related, comment, cookie and newsletter text must lie fully inside them
(precision); captions are marked ``caption``; the date comes from the page's metadata.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import lxml.html
import pytest

from sitrep.clean import clean, htmlbody
from sitrep.clean.html import DROP, visible_text
from sitrep.ingest import decode_html, iter_inputs
from sitrep.model import Cleaned, Document

PAGES = Path(__file__).parent / "data" / "html"
SPEC: dict[str, dict[str, Any]] = json.loads((PAGES / "pages.json").read_text("utf-8"))


def _load(name: str) -> tuple[str, str, Cleaned]:
    html = decode_html((PAGES / f"{name}.html").read_bytes())
    text = visible_text(html)
    return html, text, clean(Document(id=name, text=text, raw_html=html, url=SPEC[name].get("url")))


def _find(text: str, needle: str, start: int = 0) -> tuple[int, int]:
    m = re.compile(r"\s+".join(map(re.escape, needle.split()))).search(text, start)
    assert m, f"not in the visible text: {needle!r}"
    return m.start(), m.end()


def _covered(cleaned: Cleaned, text: str, lo: int, hi: int) -> bool:
    """Every non-blank character of text[lo:hi] lies inside some boilerplate span."""
    pos = lo
    for s in sorted(cleaned.boilerplate, key=lambda s: s.start):
        if s.end <= pos:
            continue
        if s.start >= hi:
            break
        if s.start > pos and text[pos:s.start].strip():
            return False
        pos = max(pos, s.end)
    return pos >= hi or not text[pos:hi].strip()


def test_enough_pages() -> None:
    assert len(SPEC) >= 12
    langs = {lxml.html.fromstring(decode_html((PAGES / f"{n}.html").read_bytes()).encode()).get("lang", "")[:2]
             for n in SPEC}
    assert {"en", "de", "fr", "ru", "ar"} <= langs


@pytest.mark.parametrize("name", list(SPEC))
def test_page(name: str) -> None:
    exp = SPEC[name]
    html, text, cleaned = _load(name)
    assert text.strip()
    for s in cleaned.boilerplate:  # offsets within bounds, non-empty, ordered
        assert 0 <= s.start < s.end <= len(text), s
        assert s.kind
    cursor = 0
    for para in exp["body"]:  # recall: every body paragraph entirely outside the spans
        lo, hi = _find(text, para, cursor)
        assert not cleaned.is_boilerplate(lo, hi), f"{name}: body marked: {para[:60]!r} " + str(
            [(text[s.start:s.end][:40], s.kind) for s in cleaned.boilerplate if s.start < hi and lo < s.end])
        cursor = hi
    for junk in exp["boilerplate"]:  # precision: furniture entirely inside spans
        lo, hi = _find(text, junk)
        assert _covered(cleaned, text, lo, hi), f"{name}: not marked: {junk!r}"
    for cap in exp.get("captions", []):
        lo, hi = _find(text, cap)
        kinds = {s.kind for s in cleaned.boilerplate if s.start < hi and lo < s.end}
        assert _covered(cleaned, text, lo, hi) and kinds == {"caption"}, f"{name}: caption {cap!r}: {kinds}"
    assert cleaned.title == exp["title"]
    assert cleaned.title_span and text[cleaned.title_span[0]:cleaned.title_span[1]] == exp["title"]
    assert not cleaned.is_boilerplate(*cleaned.title_span)
    assert cleaned.published == exp["published"]


def _visible_nodes(html: str) -> list[str]:
    """Every text node a browser would show, whitespace-collapsed, in document order."""
    root = lxml.html.fromstring(html.encode("utf-8"), parser=lxml.html.HTMLParser(encoding="utf-8"))
    out: list[str] = []

    def hidden(el: Any) -> bool:
        style = (el.get("style") or "").replace(" ", "").lower()
        return el.get("hidden") is not None or "display:none" in style or "visibility:hidden" in style

    def walk(el: Any) -> None:
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if tag and tag not in DROP and not hidden(el):
            if el.text:
                out.append(" ".join(el.text.split()))
            for child in el:
                walk(child)
        if el.tail:
            out.append(" ".join(el.tail.split()))

    walk(root)
    return [t for t in out if t]


@pytest.mark.parametrize("name", list(SPEC))
def test_visible_text_keeps_every_text_node(name: str) -> None:
    html = decode_html((PAGES / f"{name}.html").read_bytes())
    text = " ".join(visible_text(html).split())
    cursor = 0
    for node in _visible_nodes(html):
        at = text.find(node, cursor)
        assert at >= 0, f"{name}: text node lost or out of order: {node!r}"
        cursor = at + len(node)


def test_windows_1251_page_decodes() -> None:
    raw = (PAGES / "vestnik_cp1251.html").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    html = decode_html(raw)
    assert "Двое мирных жителей погибли" in visible_text(html)


def test_jsonl_published_wins_over_page_metadata(tmp_path: Path) -> None:
    html = (PAGES / "meta_published_only.html").read_text("utf-8")
    src = tmp_path / "docs.jsonl"
    src.write_text(json.dumps({"id": "k1", "html": html, "published": "2020-10-19"}) + "\n"
                   + json.dumps({"id": "k2", "html": html}) + "\n", "utf-8")
    docs = [d for d in iter_inputs([src]) if isinstance(d, Document)]
    assert [d.published for d in docs] == ["2020-10-19", None]
    assert [clean(d).published for d in docs] == ["2020-10-18", "2020-10-18"]  # the page's own
    assert [d.published or clean(d).published for d in docs] == ["2020-10-19", "2020-10-18"]


def test_published_never_from_visible_dates() -> None:
    page = ("<html><body><div class='top'>Tuesday, 20 October 2020</div><h1>Shelling resumes in the north</h1>"
            "<p>Posted 18 October 2020</p>"
            + "<p>Shelling that began on October 10, 2020 went on through the night, officials said on Sunday.</p>" * 4
            + "</body></html>")
    assert clean(Document(id="d", text=visible_text(page), raw_html=page)).published is None


def test_published_from_url_and_normalized() -> None:
    page = "<html><body><h1>A headline of the day</h1><p>One sentence of the article body, said the officials.</p></body></html>"
    doc = Document(id="u", text=visible_text(page), raw_html=page, url="https://x.example/world/2021/07/05/story-slug")
    assert clean(doc).published == "2021-07-05"


@pytest.mark.parametrize("name", ["related_and_comments", "wordpress_news", "cookie_newsletter"])
def test_fallback_when_extractor_finds_nothing(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """trafilatura returning None: the line classifier plus page zones still find the body."""
    monkeypatch.setattr(htmlbody, "_extract", lambda html, url: None)
    exp = SPEC[name]
    html, text, cleaned = _load(name)
    for para in exp["body"]:
        lo, hi = _find(text, para)
        assert not cleaned.is_boilerplate(lo, hi), para
    prose_junk = [j for j in exp["boilerplate"] if len(j.split()) >= 10]
    assert prose_junk
    for junk in prose_junk:  # comments, related excerpts, cookie text: prose, yet marked
        lo, hi = _find(text, junk)
        assert _covered(cleaned, text, lo, hi), junk


def test_extractor_text_not_in_page_falls_back(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(htmlbody, "_extract", lambda html, url: {
        "text": "A paragraph of text that is nowhere in this page at all, said the extractor.", "title": None,
        "sitename": None, "date": None})
    html, text, cleaned = _load("url_date_only")
    for para in SPEC["url_date_only"]["body"]:
        lo, hi = _find(text, para)
        assert not cleaned.is_boilerplate(lo, hi)


def test_big_page_cleans() -> None:
    html = (PAGES / "nav_linkfarm.html").read_text("utf-8")
    para = "<p>The army said on Monday that <a href='/x'>fighting</a> had continued in the district overnight.</p>"
    big = html.replace("</main>", para * 50_000 + "</main>")
    assert len(big) > 5_000_000
    text = visible_text(big)  # its time budget: benchmarks/bench_hostile.py
    cleaned = clean(Document(id="big", text=text, raw_html=big))
    assert cleaned.boilerplate and all(0 <= s.start < s.end <= len(text) for s in cleaned.boilerplate)
