"""The fast paths of issue 9 compute exactly what the plain code computed.

- MinHash: cached permutations + update_batch give the hash values of MinHash() + update();
- stories: the compact TF-IDF vectors give bit-identical cosines and placement with the
  date-gap mask equals the full single-link scan;
- nlp.parse holds only the documents still being parsed;
- the batched document insert keeps the duplicate and same-name rules inside one batch.
"""

from __future__ import annotations

import gc
import random
import weakref
from collections import Counter
from pathlib import Path

from datasketch import MinHash

from sitrep import stories
from sitrep.analyze import Analysis
from sitrep.fuse import _blocking_keys, blocking_keys, new_minhash, similarity, words
from sitrep.model import Cleaned, Document, ReferenceDate
from sitrep.store import Store


def test_new_minhash_matches_datasketch_default() -> None:
    toks = [f"w{i}".encode() for i in range(50)]
    slow = MinHash(num_perm=128)
    for t in toks:
        slow.update(t)
    for _ in range(2):  # the first call fills the permutation cache, the second uses it
        fast = new_minhash(128)
        fast.update_batch(toks)
        assert (fast.hashvalues == slow.hashvalues).all()
        assert fast.jaccard(slow) == 1.0


def test_blocking_keys_are_cached_by_value() -> None:
    rec = {"plover_type": "ASSAULT", "mentions": [{"text": "Gunmen attacked a police post in Kano"}]}
    first = blocking_keys("event", rec)
    assert blocking_keys("event", dict(rec)) == first
    assert isinstance(first, set) and len(first) == 42 + 64  # undated: near-copy bands and the undated block's bands
    assert _blocking_keys.cache_info().hits >= 1
    assert similarity("gunmen attacked a post", "gunmen attacked a post") == 1.0
    assert words("The gunmen") == {"gunmen"}


def _features(rng: random.Random, i: int, vocab: list[str]) -> tuple[stories.DocFeatures, stories.DocFeatures]:
    text = " ".join(rng.choice(vocab) for _ in range(rng.randint(5, 80)))
    tf = Counter(stories._tokens(text))
    plain = stories.DocFeatures(id=f"d{i}", seq=i, title=None, date=None, tf=tf, minhash=None)
    compact = stories.DocFeatures(id=f"d{i}", seq=i, title=None, date=None, tf=Counter(), minhash=None)
    return plain, compact


def test_compact_tfidf_and_cosine_are_bit_identical() -> None:
    import numpy as np

    rng = random.Random(5)
    vocab = [f"word{i}" for i in range(300)] + ["the", "said", "12"]
    pairs = [_features(rng, i, vocab) for i in range(60)]
    plain = [p for p, _ in pairs]
    stories._tfidf(plain)
    index: dict[str, int] = {}
    for p, c in pairs:
        c.ids = np.fromiter((index.setdefault(w, len(index)) for w in p.tf), dtype=np.int32, count=len(p.tf))
        c.vals = np.fromiter(p.tf.values(), dtype=np.float64, count=len(p.tf))
    compact = [c for _, c in pairs]
    stories._tfidf_compact(compact, len(index))
    for p, c in pairs:
        assert list(p.vector.values()) == c.vals.tolist()
    for a in range(len(pairs)):
        for b in range(len(pairs)):
            assert stories.cosine(plain[a].vector, plain[b].vector) == stories._cosine_compact(compact[a], compact[b])
            assert stories.similarity(plain[a], plain[b]) == stories.similarity(compact[a], compact[b])


def _analysis(doc_id: str, text: str, published: str | None) -> Analysis:
    doc = Document(id=doc_id, text=text, title=text.split(".")[0], published=published)
    return Analysis(doc, Cleaned(title=doc.title), ReferenceDate(value=published, basis="given" if published else "none"))


def _stories_of(store: Store) -> dict[str, list[str]]:
    return {s["id"]: s["document_ids"] for s in store.iter_stories()}


def test_date_mask_places_like_the_full_scan(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    rng = random.Random(9)
    topics = ["gunmen attacked a police post in kano killing several officers",
              "floods displaced thousands of families in the delta region",
              "talks on a ceasefire resumed in the capital with mediators present",
              "wheat prices rose in chicago as dry weather cut crop estimates"]
    analyses = []
    for i in range(60):
        words_ = topics[i % 4].split() + [rng.choice(["today", "again", "late", "early"]) for _ in range(3)]
        rng.shuffle(words_)
        day = None if i % 7 == 0 else f"2021-0{rng.randint(1, 3)}-{rng.randint(10, 28)}"
        text = " ".join(words_) + f". Story {i} " + ("copy " * (i % 3))
        analyses.append(_analysis(f"doc{i:02d}", text.strip() + ".", day))
    fast_db, slow_db = Store(tmp_path / "fast.db"), Store(tmp_path / "slow.db")
    for db in (fast_db, slow_db):
        db.save(None, analyses[:30])  # two runs: the second places new documents among stories
    stories.update_stories(fast_db)
    monkeypatch.setattr(stories, "_day_ordinals", lambda feats: None)  # None: the full scan
    stories.update_stories(slow_db)
    monkeypatch.undo()
    for db in (fast_db, slow_db):
        db.save(None, analyses[30:])
    stories.update_stories(fast_db)
    monkeypatch.setattr(stories, "_day_ordinals", lambda feats: None)
    stories.update_stories(slow_db)
    assert _stories_of(fast_db) == _stories_of(slow_db)
    assert len(_stories_of(fast_db)) > 4  # the dates split the four topics


def test_parse_releases_finished_documents() -> None:
    from sitrep import nlp

    docs = [Document(id=f"p{i}", text=f"Gunmen attacked a post in Kano on Monday, killing {i}.\n") for i in range(40)]
    refs = [weakref.ref(d) for d in docs]

    def items():  # type: ignore[no-untyped-def]
        while docs:
            d = docs.pop(0)
            yield d, Cleaned()

    seen = 0
    for doc, _, paras in nlp.parse(items(), batch_size=4):
        assert paras and paras[0].doc.text.startswith("Gunmen")
        seen += 1
        del doc, paras
        gc.collect()
        if seen == 30:
            alive = sum(r() is not None for r in refs[:20])
            assert alive == 0, f"{alive} finished documents still held by parse()"
    assert seen == 40


def test_batched_insert_keeps_duplicate_and_same_name_rules(tmp_path: Path) -> None:
    store = Store(tmp_path / "s.db")
    a = _analysis("same", "Gunmen attacked a post in Kano.", "2021-01-02")
    copy = _analysis("other", "Gunmen attacked a post in Kano.", "2021-01-02")  # same content hash
    renamed = _analysis("same", "Floods hit the delta.", "2021-01-03")  # same name, new content
    stored = store.save(None, [a, copy, renamed])
    assert stored == ["same", f"same~{renamed.document.content_hash[:8]}"]
    assert store.save(None, [copy]) == []
    assert [d["id"] for d in store.iter_documents()] == stored
