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


def _corpus() -> list[Analysis]:
    """Four topics on random days (some undated), each told in shuffled words; every fifth
    page is a verbatim copy of an earlier one, published a day earlier (an original found late)."""
    import random

    rng = random.Random(9)
    topics = ["gunmen attacked a police post in kano killing several officers at dawn",
              "floods displaced thousands of families in the delta region after heavy rain",
              "talks on a ceasefire resumed in the capital with mediators from qatar present",
              "wheat prices rose in chicago as dry weather cut the crop estimates again"]  # fmt: skip
    out: list[Analysis] = []
    for i in range(48):
        if i % 5 == 4:
            src = out[i - 3]
            day = src.document.published
            earlier = None if day is None else f"{day[:8]}{int(day[8:]) - 1:02d}"
            text = src.document.text + "Share this article\n"  # another page, the same body
            widget = Span(len(src.document.text), len(text), "share")
            out.append(_analysis(f"copy-{i:02d}", text, earlier, boilerplate=[widget]))
            continue
        words_ = topics[i % 4].split() + [rng.choice(["today", "again", "late", "early", "north"]) for _ in range(4)]
        rng.shuffle(words_)
        day = None if i % 7 == 0 else f"2021-0{rng.randint(1, 3)}-{rng.randint(10, 28)}"
        out.append(_analysis(f"page-{i:02d}", f"Report {i}\n\n" + " ".join(words_) + ".\n", day))
    return out


def _placement(store: Store) -> tuple[dict[str, list[str]], dict[str, str | None]]:
    stories = {s["id"]: s["document_ids"] for s in store.iter_stories()}
    return stories, {d["id"]: d["duplicate_of"] for d in store.iter_documents()}


def test_stories_do_not_depend_on_chunks_or_runs(tmp_path: Path) -> None:
    analyses = _corpus()
    whole = Store(tmp_path / "whole.db")
    whole.save(None, analyses)
    assert update_stories(whole) == len(analyses)
    assert update_stories(whole) == 0  # placed documents are never placed again
    stories, dups = _placement(whole)
    assert sorted(d for ds in stories.values() for d in ds) == sorted(a.document.id for a in analyses)
    assert 4 < len(stories) < len(analyses)  # dates split topics, copies and topics join
    copies = {d: o for d, o in dups.items() if o}
    expected = {}
    for i in range(4, len(analyses), 5):  # the earlier-published page is the original; undated: the first stored
        page, copy = analyses[i - 3].document, analyses[i].document
        expected.update({page.id: copy.id} if page.published else {copy.id: page.id})
    assert copies == expected
    for d, o in copies.items():  # a copy is in its original's story
        assert next(s for s, ds in stories.items() if d in ds) == next(s for s, ds in stories.items() if o in ds)

    streamed = Store(tmp_path / "streamed.db")
    for i in range(0, len(analyses), 10):  # five runs, placed one document per transaction
        streamed.save(None, analyses[i : i + 10])
        update_stories(streamed, chunk=1)
    assert _placement(streamed) == (stories, dups)


def test_a_story_key_is_looked_up_in_the_documents_that_got_it_last(tmp_path: Path) -> None:
    store = Store(tmp_path / "keys.db")
    store.save(None, [_analysis(f"wire-{i}", f"Report {i}\n\nKandahar mosque bombing toll {i}.\n", None)
                      for i in range(12)])  # fmt: skip
    update_stories(store)
    found = [d for k, d in store.story_lookup(["t|kandahar"], per_key=5)]
    assert found == [f"wire-{i}" for i in range(7, 12)]


def _rows_per_key(store: Store, table: str) -> int:
    from sqlalchemy import text

    with store.session() as s:
        return s.scalar(text(f"SELECT max(n) FROM (SELECT count(*) AS n FROM {table} GROUP BY key) AS t")) or 0


def test_a_full_story_key_keeps_only_the_rows_a_lookup_returns(tmp_path: Path, monkeypatch) -> None:
    """Rows of a key beyond its last MAX_KEY_DOCS are deleted: placement is the same as when
    they are kept, and a key shared by every page holds MAX_KEY_DOCS rows."""
    from sitrep import stories as story_module
    from sitrep.store import sql as store_sql

    monkeypatch.setattr(story_module, "MAX_KEY_DOCS", 3)
    analyses = _corpus()

    def streamed(name: str) -> Store:
        store = Store(tmp_path / name)
        for i in range(0, len(analyses), 10):
            store.save(None, analyses[i : i + 10])
            update_stories(store, chunk=4)
        return store

    trimmed = streamed("trimmed.db")
    assert _rows_per_key(trimmed, "story_keys") == 3
    monkeypatch.setattr(store_sql, "trim_per_key", lambda *a, **k: None)
    kept = streamed("kept.db")
    assert _rows_per_key(kept, "story_keys") > 10
    assert _placement(trimmed) == _placement(kept)


def _shared_event_corpus() -> list[Analysis]:
    """Pages that report one attack (their events fuse into one), in different words, and among
    the first 16 pages on floods that report no event; all within one week."""
    import random

    rng = random.Random(4)
    sentence = "Gunmen attacked a police post in Kano at dawn, killing five officers."
    filler = ["witnesses", "residents", "officials", "said", "market", "road", "town", "morning", "traders", "families", "rain", "river"]
    out = []
    for i in range(40):
        day = f"2021-03-{rng.randint(10, 16)}"
        body = " ".join(rng.sample(filler, 6))
        if i % 3 == 2 and i < 16:
            out.append(_analysis(f"flood-{i:02d}", f"Floods {i}\n\nFloods displaced families near the river, {body}.\n", day))
            continue
        a = _analysis(f"page-{i:02d}", f"Attack {i}\n\n{sentence} {body.capitalize()}.\n", day)
        start = a.document.text.index(sentence)
        a.events = [Event(
            plover_type="ASSAULT", mentions=[mention(a.document, start, start + len(sentence))],
            acled_event_type="Violence against civilians", actor1=Actor("Unidentified Armed Group (Nigeria)"),
            date=RecordDate("2021-03-10", "day", "2021-03-10", "2021-03-10"), id=f"ev-{i:02d}",
        )]  # fmt: skip
        out.append(a)
    return out


def test_documents_sharing_an_event_are_placed_without_reading_their_vectors(tmp_path: Path, monkeypatch) -> None:
    """A placed document that shares a fused event with a new one scores 1.0 whatever its words:
    its vector is not read, and the stories are those of reading every compared vector."""
    from sitrep import stories as story_module

    analyses = _shared_event_corpus()
    read: list[int] = []
    placed_vectors = Store.placed_vectors

    def counting(self: Store, ids):
        ids = set(ids)
        read.append(len(ids))
        return placed_vectors(self, ids)

    monkeypatch.setattr(Store, "placed_vectors", counting)

    def streamed(name: str) -> Store:
        store = Store(tmp_path / name)
        for i in range(0, len(analyses), 8):
            store.save(None, analyses[i : i + 8])
            fuse(store)
            update_stories(store, chunk=4)
        return store

    selective = streamed("selective.db")
    assert len(list(selective.iter_records("event"))) == 1  # the attack pages share one fused event
    selected = sum(read)
    read.clear()

    def every_vector(self, candidates):  # the reference: every compared document's vector
        new = {f.id for f in self.new}
        for d, v in self.store.placed_vectors({d for ids in candidates for d in ids if d not in new}).items():
            self.placed[d].vector = v

    monkeypatch.setattr(story_module._Chunk, "_read_vectors", every_vector)
    everything = streamed("everything.db")
    assert _placement(selective) == _placement(everything)
    assert 0 < selected < sum(read) / 2  # the later chunks only report the attack


def test_comparing_with_a_document_whose_vector_was_not_read_is_an_error() -> None:
    import numpy as np
    import pytest

    from sitrep.stories import DocFeatures, similarity

    def doc(ident: str, vector) -> DocFeatures:
        return DocFeatures(id=ident, seq=0, title=None, day=None, terms={}, minhash=np.zeros(4, dtype="<u4"),
                           events=["ev-1"] if ident == "a" else [], vector=vector)  # fmt: skip

    assert similarity(doc("a", None), doc("a", None)) == 1.0  # a shared event needs no words
    with pytest.raises(ValueError, match="b was not read"):
        similarity(doc("a", {"kano": 1.0}), doc("b", None))


def test_placed_features_and_vectors_are_read_apart(tmp_path: Path) -> None:
    store = _store(tmp_path, [_analysis("wire-a", ATTACK_A, "2021-10-15"), _analysis("farm-c", UNRELATED, None)])
    features, vectors = store.placed_documents(["wire-a", "farm-c"]), store.placed_vectors(["wire-a", "farm-c"])
    assert set(features) == set(vectors) == {"wire-a", "farm-c"}
    assert "kandahar" in vectors["wire-a"] and "wheat" in vectors["farm-c"] and "wheat" not in vectors["wire-a"]
    assert "vector" not in features["wire-a"] and features["wire-a"]["seq"] < features["farm-c"]["seq"]


def test_a_story_dated_too_far_is_compared_by_words_once_it_comes_near(tmp_path: Path, monkeypatch) -> None:
    """A placed document whose story is dated too far from a new one is not read for its words,
    unless a document placed earlier in the same chunk brings the story near enough: then it
    is read when it is compared, and the stories are those of reading every vector."""
    from sitrep import stories as story_module

    texts = {
        "a": "Floods swept the Dala valley, destroying bridges, farms and hundreds of homes, officials said.",
        "b": "Hundreds of homes, farms and bridges in the Dala valley were destroyed by the floods, officials said.",
        "c": "Officials said the floods in the Dala valley had destroyed bridges and farms and hundreds of homes.",
        "d": "The Dala valley floods destroyed farms, homes and bridges, and officials said hundreds were homeless.",
    }
    days = {"a": "2021-03-01", "b": "2021-03-10", "c": "2021-03-18", "d": "2021-06-01"}
    analyses = [_analysis(f"news-{k}", f"Floods in Dala\n\n{t}\n", days[k]) for k, t in texts.items()]
    for a in analyses[:2]:  # a and b report one flood: b joins a's story without reading a's words
        start = a.document.text.index("Dala valley")
        a.events = [Event(
            plover_type="DISASTER", mentions=[mention(a.document, start, start + 11)], location=Location("Dala"),
            date=RecordDate("2021-03-01", "day", "2021-03-01", "2021-03-01"), id=f"ev-{a.document.id}",
        )]  # fmt: skip

    def placed(name: str) -> dict[str, str]:
        store = Store(tmp_path / name)
        store.save(None, analyses[:1])
        fuse(store)
        update_stories(store)
        store.save(None, analyses[1:])  # c is 17 days from a's story until b joins it
        fuse(store)
        update_stories(store)
        return {d: s["id"] for s in store.iter_stories() for d in s["document_ids"]}

    selective = placed("selective.db")
    assert selective["news-a"] == selective["news-b"] == selective["news-c"] != selective["news-d"]

    def every_vector(self, candidates):  # the reference: every compared document's vector
        new = {f.id for f in self.new}
        for d, v in self.store.placed_vectors({d for ids in candidates for d in ids if d not in new}).items():
            self.placed[d].vector = v

    monkeypatch.setattr(story_module._Chunk, "_read_vectors", every_vector)
    assert placed("everything.db") == selective
