"""Events on composed multi-sentence wire copy from many conflicts (tests/data/events_articles.yaml).

Each article asserts the fields that matter for its main events and the number of ACLED-coded
events, so junk events (fragments, background history, adjectives) fail the test.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from sitrep.analyze import analyze
from sitrep.model import Document, Event

ARTICLES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "data" / "events_articles.yaml").read_text()
)
FIELDS = {
    "plover": "plover_type",
    "acled": "acled_event_type",
    "sub": "acled_sub_event_type",
    "status": "status",
    "fatalities": "fatalities",
    "qualifier": "fatalities_qualifier",
    "date": "date",
}


def _events(article: dict[str, Any]) -> tuple[Document, list[Event]]:
    doc = Document(id=article["id"], text=article["text"], published=article["published"])
    return doc, next(analyze([doc])).events


def _show(events: list[Event]) -> str:
    return "\n".join(
        f"{e.plover_type} {e.acled_event_type} {e.trigger!r} "
        f"{e.actor1.name if e.actor1 else None} / {e.actor2.name if e.actor2 else None}: {e.summary}"
        for e in events
    )


@pytest.mark.parametrize("article", ARTICLES, ids=[a["id"] for a in ARTICLES])
def test_article(article: dict[str, Any]) -> None:
    doc, events = _events(article)
    for ev in events:
        for m in ev.mentions:
            assert doc.text[m.start : m.end] == m.text
        assert ev.summary and ev.summary[0].isupper() and ev.summary.endswith("."), ev.summary
    coded = [e for e in events if e.acled_event_type]
    assert len(coded) == article["acled"], _show(events)
    if "max_events" in article:
        assert len(events) <= article["max_events"], _show(events)
    for want in article.get("events", []):
        found = [e for e in events if want["pick"].lower() in e.trigger.lower()]
        assert found, f"no event with trigger {want['pick']!r}:\n{_show(events)}"
        got = found[0].to_json()
        for key, field in FIELDS.items():
            if key in want:
                assert got[field] == want[key], (
                    f"{key}: got {got[field]!r} want {want[key]!r}\n{_show(events)}"
                )
        for key in ("actor1", "actor2"):
            if key in want:
                name = ((got[key] or {}).get("name") or "none").lower()
                assert want[key] in name, f"{key}: got {name!r} want {want[key]!r}\n{_show(events)}"
        if "place" in want:
            assert (got["location"] or {}).get("name") == want["place"], got["location"]
        if "country" in want:
            assert (got["location"] or {}).get("country") == want["country"], got["location"]
        if "admin1" in want:
            accepted = want["admin1"] if isinstance(want["admin1"], list) else [want["admin1"]]
            assert (got["location"] or {}).get("admin1") in accepted, got["location"]


def test_article_count() -> None:
    assert len(ARTICLES) >= 15
    assert sum(len(a.get("events", [])) + 1 for a in ARTICLES) >= 40


def test_no_common_noun_actors() -> None:
    """Actors are registry names, generic ACLED actors, named entities or null: never a head noun."""
    for article in ARTICLES:
        _, events = _events(article)
        for ev in events:
            for actor in (ev.actor1, ev.actor2):
                if actor is not None:
                    # (a unit's number may open its name: "111 Brigade")
                    assert (actor.name[0].isupper() or actor.name[0].isdigit()) and actor.name.lower() not in {
                        "peace",
                        "spring",
                        "offensives",
                        "warring sides",
                        "defense ministers",
                        "talks",
                    }, actor.name
