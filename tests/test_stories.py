"""Stories: same attack reported twice -> one story; unrelated apart; syndicated copy linked."""

from __future__ import annotations

from pathlib import Path

from sitrep.analyze import Analysis
from sitrep.fuse import fuse
from sitrep.model import Actor, Cleaned, Document, Event, Location, RecordDate, ReferenceDate, Span, mention
from sitrep.store import Store
from sitrep.stories import update_stories

ATTACK_A = (
    "Home | World\n\nSuicide bomber kills 20 at Kandahar mosque\n\n"
    "KANDAHAR, Oct 15 - A suicide bomber blew himself up inside a Shi'ite mosque in the southern city of "
    "Kandahar during Friday prayers, killing at least 20 worshippers and wounding dozens, hospital officials "
    "said. The Islamic State claimed responsibility for the mosque bombing in Kandahar. Worshippers said the "
    "blast tore through the crowded prayer hall.\n\nShare this article\n"
)
ATTACK_B = (
    "Islamic State claims Kandahar mosque bombing\n\n"
    "Islamic State said on Saturday one of its suicide bombers attacked the Shi'ite mosque in Kandahar, where "
    "the death toll from the Friday prayers blast rose to 25 worshippers. Hospital officials in Kandahar said "
    "dozens of wounded worshippers were treated after the bomber struck the prayer hall of the mosque.\n"
)
UNRELATED = (
    "Wheat prices climb in Chicago\n\n"
    "Wheat futures rose for a third day in Chicago as dry weather in the northern plains cut crop estimates "
    "and exporters reported strong demand from buyers in Egypt and Indonesia, traders said.\n"
)


def _analysis(doc_id: str, text: str, published: str | None, *, events: list[Event] | None = None,
              boilerplate: list[Span] | None = None) -> Analysis:
    doc = Document(id=doc_id, text=text, title=next(x for x in text.splitlines() if x and "|" not in x), published=published)
    cleaned = Cleaned(boilerplate=boilerplate or [], title=doc.title, outlet=doc_id.split("-")[0])
    reference = ReferenceDate(value=published, basis="given" if published else "none")
    return Analysis(doc, cleaned, reference, events=events or [])


def _bombing(doc: Document, phrase: str, n: int, ident: str) -> Event:
    start = doc.text.index(phrase)
    return Event(
        plover_type="ASSAULT", mentions=[mention(doc, start, start + len(phrase))], acled_event_type="Explosions/Remote violence",
        actor1=Actor("Islamic State"), location=Location("Kandahar", "Kandahar", None, "Afghanistan", 31.61, 65.71, 1),
        date=RecordDate("2021-10-15", "day", "2021-10-15", "2021-10-15"), fatalities=n, summary="Mosque bombing", id=ident,
    )


def _store(tmp_path: Path, analyses: list[Analysis]) -> Store:
    store = Store(tmp_path / "stories.db")
    store.save(None, analyses)
    fuse(store)
    update_stories(store)
    return store


def test_same_attack_one_story_unrelated_apart(tmp_path: Path) -> None:
    store = _store(tmp_path, [
        _analysis("wire-a", ATTACK_A, "2021-10-15"),
        _analysis("paper-b", ATTACK_B, "2021-10-16"),
        _analysis("farm-c", UNRELATED, "2021-10-16"),
    ])
    stories = list(store.iter_stories())
    by_doc = {d: s["id"] for s in stories for d in s["document_ids"]}
    assert by_doc["wire-a"] == by_doc["paper-b"]
    assert by_doc["farm-c"] != by_doc["wire-a"]
    assert sorted(by_doc) == ["farm-c", "paper-b", "wire-a"]  # every document in exactly one story
    assert sum(len(s["document_ids"]) for s in stories) == 3
    attack = next(s for s in stories if "wire-a" in s["document_ids"])
    assert attack["title"] == "Suicide bomber kills 20 at Kandahar mosque"  # the earliest document's title
    assert (attack["first_date"], attack["last_date"]) == ("2021-10-15", "2021-10-16")
    assert all(d["duplicate_of"] is None for d in store.iter_documents())


def test_syndicated_copy_is_duplicate_of_earlier(tmp_path: Path) -> None:
    copy = "Suicide bomber kills 20 at Kandahar mosque\n\n" + ATTACK_A.split("\n\n", 2)[2].replace(
        "Share this article", "Copyright Example Daily")
    store = _store(tmp_path, [
        _analysis("daily-copy", copy, "2021-10-16"),  # ingested first but published later
        _analysis("wire-a", ATTACK_A, "2021-10-15"),
        _analysis("farm-c", UNRELATED, "2021-10-16"),
    ])
    dup = {d["id"]: d["duplicate_of"] for d in store.iter_documents()}
    assert dup == {"daily-copy": "wire-a", "wire-a": None, "farm-c": None}
    by_doc = {d: s["id"] for s in store.iter_stories() for d in s["document_ids"]}
    assert by_doc["daily-copy"] == by_doc["wire-a"] != by_doc["farm-c"]


def test_incremental_keeps_stories_and_uses_shared_events(tmp_path: Path) -> None:
    a = _analysis("wire-a", ATTACK_A, "2021-10-15")
    a.events = [_bombing(a.document, "killing at least 20 worshippers", 20, "ev-a")]
    store = _store(tmp_path, [a, _analysis("farm-c", UNRELATED, "2021-10-16")])
    first = {d: s["id"] for s in store.iter_stories() for d in s["document_ids"]}

    # a terse second report sharing few words, but fusion merges its event with wire-a's
    terse = "Kandahar toll rises\n\nThe toll rose to 25, officials said of Friday's attack.\n"
    b = _analysis("paper-b", terse, "2021-10-16")
    b.events = [_bombing(b.document, "The toll rose to 25", 25, "ev-b")]
    b.events[0].summary = "Mosque bombing"
    store.save(None, [b])
    fuse(store)
    update_stories(store)
    stories = list(store.iter_stories())
    after = {d: s["id"] for s in stories for d in s["document_ids"]}
    assert after["wire-a"] == first["wire-a"] and after["farm-c"] == first["farm-c"]  # ids stay stable
    events = list(store.iter_records("event"))
    if len(events) == 1:  # fused into one event: the two documents must share the story
        assert after["paper-b"] == after["wire-a"]
        story = next(s for s in stories if s["id"] == after["wire-a"])
        assert story["event_ids"] == [events[0]["id"]]
    else:
        assert len(events) == 2


def test_undated_documents_do_not_bridge_years(tmp_path: Path) -> None:
    later = (
        "Mosque attack in Kandahar\n\nA suicide bomber attacked a Shi'ite mosque in Kandahar during Friday "
        "prayers, hospital officials said, and the Islamic State claimed the bombing of the prayer hall, "
        "where dozens of worshippers were wounded.\n"
    )
    store = _store(tmp_path, [
        _analysis("wire-a", ATTACK_A, "2015-10-15"),
        _analysis("undated-b", ATTACK_B, None),
        _analysis("paper-c", later, "2021-10-15"),
    ])
    by_doc = {d: s["id"] for s in store.iter_stories() for d in s["document_ids"]}
    assert by_doc["undated-b"] == by_doc["wire-a"]  # no date: similarity alone decides
    assert by_doc["paper-c"] != by_doc["wire-a"]  # six years after the story's span
