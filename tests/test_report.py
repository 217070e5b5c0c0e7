"""The briefing report: self-contained, escaped, with map, charts, highlights and sources."""

from __future__ import annotations

import re
from pathlib import Path

from sitrep.analyze import Analysis
from sitrep.fuse import fuse
from sitrep.model import (
    Actor,
    Cleaned,
    Document,
    Event,
    Figure,
    Location,
    RecordDate,
    ReferenceDate,
    Speaker,
    Statement,
    mention,
)
from sitrep.report import field_words, render, source_sentence
from sitrep.store import Store
from sitrep.stories import update_stories

PAYLOAD = "<script>window.__pwned = 1</script><img src=x onerror=\"window.__pwned = 2\">"
KABUL = Location("Kabul", "Kabul", None, "Afghanistan", 34.53, 69.17, 1)
KUNDUZ = Location("Kunduz", "Kunduz", None, "Afghanistan", 36.73, 68.86, 1)
ISK, TALIBAN = Actor("Islamic State Khorasan", "rebel group"), Actor("Taliban", "rebel group", "Afghanistan")

DOCS = {
    "wire-airport": ("Example Wire", "2021-08-26", "Blast outside Kabul airport\n\nA suicide bombing outside Kabul "
                     f"airport killed at least 60 people on Thursday {PAYLOAD}, officials said.\n"
                     "\"We will hunt you down,\" President Joe Biden said.\n"),
    "news-followup": ("Example News", "2021-08-27", "Kabul airport toll rises\n\nThe suicide bombing outside Kabul "
                      "airport killed at least 170 people, health officials said on Friday.\n"),
    "news-kunduz": ("Example News", "2021-08-09", "Taliban take Kunduz\n\nTaliban fighters captured the city of "
                    "Kunduz in August. The U.S. had 9,800 troops in Afghanistan at the end of 2015, the "
                    "Pentagon said.\n"),
    "wire-troops": ("Example Wire", "2021-04-14", "Biden sets withdrawal\n\nThe 2,500 U.S. troops still in "
                    "Afghanistan will leave by September, the White House said.\n"),
    "news-protest": ("Example News", "2021-09-04", "Women protest in Kabul\n\nDozens of women protested in Kabul "
                     "on Saturday; Taliban fighters fired into the air. By August 31 no U.S. troops remained.\n"),
    "undated-aid": ("Example Aid", None, "Aid convoy\n\nThe United Nations sent food aid to displaced families.\n"),
    "news-bridge": ("Example News", "2021-08-28", "Bridge to close\n\nThe governor said the old bridge was "
                    "\"beyond repair\" and would close.\n"),
}


def _span(doc: Document, phrase: str) -> list:
    start = doc.text.index(phrase)
    return [mention(doc, start, start + len(phrase))]


def cite(a: Analysis, field: str, phrase: str, basis: str | None = None) -> None:
    """The first event of ``a`` read ``field`` from the first ``phrase`` of its document."""
    start = a.document.text.index(phrase)
    a.events[0].cite(a.document, field, [(start, start + len(phrase), basis)])


def _date(value: str | None, precision: str = "day") -> RecordDate:
    if value is None:
        return RecordDate()
    end = value if len(value) == 10 else value + "-31"
    return RecordDate(value, precision, value if len(value) == 10 else value + "-01", end)  # type: ignore[arg-type]


def build_sample_store(path: Path) -> Store:
    """A small database of composed documents and records (no extractor involved)."""
    analyses = []
    for doc_id, (outlet, published, text) in DOCS.items():
        doc = Document(id=doc_id, text=text, title=text.splitlines()[0], published=published)
        a = Analysis(doc, Cleaned(title=doc.title, outlet=outlet), ReferenceDate(published, "given" if published else "none"))
        analyses.append(a)
    wire, follow, kunduz, troops, protest, aid, bridge = analyses
    wire.events = [Event("ASSAULT", _span(wire.document, "A suicide bombing outside Kabul airport killed at least 60 people"),
                         "Explosions/Remote violence", "Suicide bomb", actor1=ISK, location=KABUL, date=_date("2021-08-26"),
                         fatalities=60, fatalities_qualifier="at least", summary="Suicide bombing at Kabul airport", id="ev-w")]
    cite(wire, "plover_type", "suicide bombing")
    cite(wire, "fatalities", "killed at least 60 people")
    cite(wire, "location", "Kabul airport", "gazetteer")
    cite(wire, "date", "on Thursday", "reference date")
    cite(wire, "status", PAYLOAD, "no cue word")  # hostile words stay text in the report
    wire.statements = [Statement(Speaker("Joe Biden", "President", "United States"), "We will hunt you down",
                                 _span(wire.document, "\"We will hunt you down,\" President Joe Biden said"),
                                 intent="threaten", id="st-w")]
    follow.events = [Event("ASSAULT", _span(follow.document, "The suicide bombing outside Kabul airport killed at least 170 people"),
                           "Explosions/Remote violence", "Suicide bomb", actor1=ISK, location=KABUL, date=_date("2021-08-26"),
                           fatalities=170, fatalities_qualifier="at least", summary="Suicide bombing at Kabul airport", id="ev-f")]
    follow.figures = [Figure("civilians killed", 170, _span(follow.document, "killed at least 170 people"),
                             qualifier="at least", subject="Kabul airport bombing", id="fg-f")]
    kunduz.events = [Event("ASSAULT", _span(kunduz.document, "Taliban fighters captured the city of Kunduz in August"),
                           "Battles", "Non-state actor overtakes territory", actor1=TALIBAN, location=KUNDUZ,
                           date=_date("2021-08", "month"), summary="Taliban capture Kunduz", id="ev-k")]
    kunduz.figures = [Figure("troops deployed", 9800, _span(kunduz.document, "9,800 troops"), subject="US troops",
                             period=_date("2015-12", "month"), source="Pentagon", id="fg-k")]
    troops.figures = [Figure("troops deployed", 2500, _span(troops.document, "2,500 U.S. troops"), subject="U.S. troops",
                             source="White House", id="fg-t")]
    protest.events = [Event("PROTEST", _span(protest.document, "Dozens of women protested in Kabul on Saturday"),
                            "Protests", "Peaceful protest", actor1=Actor("Protesters (Afghanistan)", "civilians"),
                            actor2=TALIBAN, location=KABUL, date=_date("2021-09-04"), summary="Women protest in Kabul", id="ev-p")]
    protest.figures = [Figure("troops deployed", 0, _span(protest.document, "no U.S. troops remained"), subject="US troops",
                              period=RecordDate("2021-08-31", "day", "2021-08-31", "2021-08-31"), id="fg-p")]
    aid.events = [Event("AID", _span(aid.document, "The United Nations sent food aid"), actor1=Actor("United Nations"),
                        summary="UN food aid", id="ev-a")]
    said = 'the old bridge was "beyond repair" and would close'
    bridge.statements = [Statement(Speaker(role="governor"), said, _span(bridge.document, said), direct=True,
                                   quote_form="mixed", id="st-b")]
    store = Store(path)
    store.save(None, analyses)
    fuse(store)
    update_stories(store)
    return store


def test_source_sentence_highlights_and_escapes() -> None:
    text = "First one. Then <b>bold</b> claim here & more. Last."
    start = text.index("claim")
    html = str(source_sentence(text, start, start + 5))
    assert html == "Then &lt;b&gt;bold&lt;/b&gt; <mark>claim</mark> here &amp; more."


def test_report_is_self_contained_and_escaped(tmp_path: Path) -> None:
    store = build_sample_store(tmp_path / "r.db")
    html = render(store)
    # untrusted article text never becomes markup
    assert "<script" not in html.lower() and "<img" not in html.lower()
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in html
    # no reference to anything outside the file
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", html)
    assert "<link" not in html
    # map: country outlines plus one marker per located event (3 located of 4)
    assert len(re.findall(r'<path class="country"', html)) >= 5
    assert len(re.findall(r'<circle class="event-marker"', html)) == 3
    # charts: the troop series has three bars in date order; one-point series are tabled, not charted
    assert len(re.findall(r'<rect class="bar', html)) == 3
    assert "Other figures" in html and "civilians killed" in html
    troops = html.index("troops deployed")
    assert html.index("9,800", troops) < html.index("2,500", troops)
    # claims cite their sentence with the supporting span highlighted
    assert "<mark>A suicide bombing outside Kabul airport killed at least 60 people</mark>" in html
    assert "<mark>&#34;We will hunt you down,&#34; President Joe Biden said</mark>" in html
    assert "sources differ on fatalities" in html
    # sources table lists every document; statements grouped by actor
    for _outlet, _, text in DOCS.values():
        assert text.splitlines()[0] in html
    assert "United States" in html and "Statements by actor" in html
    # a whole quotation is set in quotation marks; reported speech quoting some words is not
    assert "<blockquote>\u201cWe will hunt you down\u201d</blockquote>" in html
    assert "<blockquote>the old bridge was &#34;beyond repair&#34; and would close</blockquote>" in html


def test_key_events_show_each_fields_words_on_demand(tmp_path: Path) -> None:
    html = render(build_sample_store(tmp_path / "w.db"))
    key = html[html.index('<section id="key-events">') : html.index('<section id="map">')]
    assert key.count('<details class="words">') == 1  # only the airport event cites words
    words = key[key.index('<details class="words">') : key.index("</details>")]
    assert "<summary>words</summary>" in words and " open" not in words.split(">")[0]  # closed: on demand
    assert "<dt>fatalities</dt><dd><q>killed at least 60 people</q></dd>" in words
    assert '<dt>location</dt><dd><q>Kabul airport</q> <span class="basis">(gazetteer)</span></dd>' in words
    assert "(reference date)" in words and "<dt>PLOVER type</dt>" in words
    assert words.index("PLOVER type") < words.index("status") < words.index("location") < words.index("date")
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in words and "<script" not in words


def test_field_words_group_and_dedupe() -> None:
    ev = {
        "date": [{"doc_id": "a", "start": 0, "end": 3, "text": "May", "basis": "dateline"}],
        "actor1": [{"doc_id": "a", "start": 5, "end": 8, "text": "ISK"}, {"doc_id": "b", "start": 9, "end": 12, "text": "ISK"},
                   {"doc_id": "b", "start": 1, "end": 4, "text": "ISK", "basis": "coreference"}],
        "custom_field": [{"doc_id": "a", "start": 0, "end": 1, "text": "x"}],
    }  # fmt: skip
    got = field_words(ev)
    assert [f["field"] for f in got] == ["actor1", "date", "custom_field"]  # known order, then the rest
    assert [(w["text"], w["basis"]) for w in got[0]["words"]] == [("ISK", None), ("ISK", "coreference")]
    assert got[0]["label"] == "actor 1" and got[2]["label"] == "custom field"
    assert field_words(None) == [] and field_words({"date": []}) == []


def test_report_from_example_corpus(tmp_path: Path) -> None:
    """The real pipeline on examples/corpus: both airport reports form one story; all docs listed."""
    import sitrep

    root = Path(__file__).resolve().parent.parent
    sitrep.run([root / "examples" / "corpus"], db=tmp_path / "ex.db")
    store = Store(tmp_path / "ex.db")
    stories = {d: s["id"] for s in store.iter_stories() for d in s["document_ids"]}
    docs = list(store.iter_documents())
    assert sorted(stories) == sorted(d["id"] for d in docs)
    assert stories["kabul-airport-blast"] == stories["airport-second-report"]
    assert stories["kabul-women-protest"] != stories["kabul-airport-blast"]
    html = render(store)
    sources = html[html.index('<table class="sources">'):]
    assert sources.count("<tr>") == len(docs) + 1  # header + one row per document
    assert "<script" not in html.lower()
