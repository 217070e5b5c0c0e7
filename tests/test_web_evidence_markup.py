"""The marked-up passages of the web's evidence view (``sitrep.web.markup.evidence_passages``):
every field's words in its own labelled mark, overlaps nested or split into well-formed HTML,
and article text always escaped."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Any

from sitrep.web.markup import evidence_passages, field_attrs, field_words

TEXT = 'Headline <b>here</b>\n\nKABUL (Wire) - Gunmen <script>x()</script> & "others" attacked a checkpoint in Kabul.\nEnd.'


def sp(phrase: str, basis: str | None = None, text: str = TEXT) -> dict[str, Any]:
    start = text.index(phrase)
    out = {"doc_id": "d", "start": start, "end": start + len(phrase), "text": phrase}
    return out | {"basis": basis} if basis else out


class Tree(HTMLParser):
    """Checks the markup is well formed and collects, per field, the text inside its marks."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[dict[str, str | None]] = []
        self.words: dict[str, str] = {}
        self.labels: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        a = dict(attrs)
        if a.get("data-label"):
            self.labels.append(str(a["data-label"]))
        self.stack.append({"tag": tag, **a})

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1]["tag"] == tag, f"</{tag}> closes {self.stack[-1:]}"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        for el in self.stack:
            if el.get("data-field"):
                key = str(el["data-field"])
                self.words[key] = self.words.get(key, "") + data
            if el.get("class") == "hl":
                self.words["@mention"] = self.words.get("@mention", "") + data


def parse(html: str) -> Tree:
    t = Tree()
    t.feed(html)
    t.close()
    assert t.stack == [], "every mark is closed"
    return t


def test_each_field_is_marked_and_labelled_with_text_escaped() -> None:
    ev = {
        "actor1": [sp("Gunmen")],
        "location": [sp("Kabul.", "gazetteer")],
        "quote": [sp("<script>x()</script>")],
    }
    html = str(evidence_passages(TEXT, ev))
    assert (
        "<script>" not in html
        and "&lt;script&gt;x()&lt;/script&gt;" in html
        and "&amp; &#34;others&#34;" in html
    )
    assert set(parse(html).tags) <= {"mark", "span"}, "only our own tags"
    t = parse(html)
    assert t.words == {"actor1": "Gunmen", "location": "Kabul.", "quote": "<script>x()</script>"}
    assert sorted(t.labels) == ["actor 1", "location", "quote"]
    assert (
        'class="ev ev-location" data-field="location"' in html
        and 'title="location: Kabul. (gazetteer)"' in html
    )
    assert "Headline" not in html, "only the lines holding words"


def test_crossing_spans_are_split_and_nested_spans_nest() -> None:
    ev = {
        "actor1": [sp("Gunmen <script>")],  # crosses the end of the mention's start... and the quote below
        "quote": [sp("<script>x()</script> &")],
        "status": [sp("attacked")],
        "plover_type": [sp("attacked")],  # same words as status: two marks, one inside the other
    }
    mention = sp('Gunmen <script>x()</script> & "others" attacked')
    html = str(evidence_passages(TEXT, ev, [mention]))
    t = parse(html)
    assert t.words["@mention"] == mention["text"]
    assert html.count('<mark class="hl">') == 1, "a mention stays one mark (outermost)"
    assert t.words["actor1"] == "Gunmen <script>" and t.words["quote"] == "<script>x()</script> &"
    assert t.words["status"] == t.words["plover_type"] == "attacked"
    assert t.labels.count("quote") == 1 and t.labels.count("actor 1") == 1, "a split span is labelled once"
    assert (
        html.count("ev-quote ev-cont") == 1
    )  # the quote, crossing the end of actor1's words, is reopened once
    assert len(re.findall(r"<mark class=\"ev ev-(?:status|plover_type)\"", html)) == 2


def test_words_that_are_not_the_documents_are_not_marked_and_far_passages_are_cut() -> None:
    far = "A" * 900 + " Gunmen struck. " + "B" * 900 + " in Herat today."
    ev = {"actor1": [sp("Gunmen", text=far)], "location": [sp("Herat", text=far)],
          "date": [{"doc_id": "d", "start": 0, "end": 5, "text": "other"}]}  # fmt: skip
    html = str(evidence_passages(far, ev, context=40))
    t = parse(html)
    assert t.words == {"actor1": "Gunmen", "location": "Herat"}
    assert html.count('<span class="gap">…</span>') >= 3 and len(html) < 600


def test_field_attrs_and_words() -> None:
    ev = {"actor1": [sp("Gunmen"), sp("Gunmen")], "location": [sp("Kabul.", "gazetteer")]}
    attrs = str(field_attrs(ev, "actor1", "actor2"))
    assert 'tabindex="0"' in attrs and 'class="fv fv-actor1"' in attrs and "actor2" not in attrs
    assert str(field_attrs(ev, "date")) == "" and str(field_attrs(None, "date")) == ""
    assert str(field_attrs({'x" onclick="y': [sp("Gunmen")]}, 'x" onclick="y')).count('"') == 8, (
        "names are sanitised"
    )
    words = field_words(ev)
    assert [(w["field"], w["text"], w["basis"]) for w in words] == [
        ("actor1", "Gunmen", None), ("location", "Kabul.", "gazetteer")]  # fmt: skip
