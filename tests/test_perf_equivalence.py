"""The fast paths of issue 9 compute exactly what the plain code computed.

- MinHash: cached permutations + update_batch give the hash values of MinHash() + update();
- nlp.parse holds only the documents still being parsed;
- the batched document insert keeps the duplicate and same-name rules inside one batch;
- PhraseFinder finds what one regex alternation of the phrases finds;
- the attribute rules matched by table give the tokens what spaCy's Matcher gave them.
"""

from __future__ import annotations

import gc
import re
import weakref
from pathlib import Path

import pytest
from datasketch import MinHash
from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.analyze import Analysis
from sitrep.extract.phrase_finder import PhraseFinder
from sitrep.fuse import _bands, blocking_keys, new_minhash, similarity, words
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
    assert isinstance(first, set) and len(first) == 8 + 12  # undated, no actor: near-copy bands and the undated bands
    assert _bands.cache_info().hits >= 1
    assert similarity("gunmen attacked a post", "gunmen attacked a post") == 1.0
    assert words("The gunmen") == {"gunmen"}


def _analysis(doc_id: str, text: str, published: str | None) -> Analysis:
    doc = Document(id=doc_id, text=text, title=text.split(".")[0], published=published)
    return Analysis(doc, Cleaned(title=doc.title), ReferenceDate(value=published, basis="given" if published else "none"))


@pytest.mark.slow  # a full gc.collect() per document with spaCy loaded
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


def test_batched_insert_keeps_copy_and_same_name_rules(tmp_path: Path) -> None:
    store = Store(tmp_path / "s.db")
    a = _analysis("same", "Gunmen attacked a post in Kano.", "2021-01-02")
    copy = _analysis("other", "Gunmen attacked a post in Kano.", "2021-01-02")  # same content hash
    renamed = _analysis("same", "Floods hit the delta.", "2021-01-03")  # same name, new content
    stored = store.save(None, [a, copy, renamed])
    assert stored == ["same", "other", f"same~{renamed.document.content_hash[:8]}"]
    assert store.save(None, [copy]) == [] and store.save(None, [a]) == []
    assert [d["id"] for d in store.iter_documents()] == stored


# phrases and texts over a small alphabet, so that overlaps, shared prefixes and touching words are common
_PHRASE = st.text(alphabet="abAB -", min_size=1, max_size=6).filter(lambda p: p[0].isalpha() and p[-1].isalpha())


@settings(max_examples=300, deadline=None)
@given(st.lists(_PHRASE, min_size=1, max_size=8), st.text(alphabet="abAB -.İ", max_size=60), st.booleans())
def test_phrase_finder_finds_what_the_regex_alternation_finds(phrases: list[str], text: str, hyphen: bool) -> None:
    word = r"[\w-]" if hyphen else r"\w"
    longest_first = sorted({p.lower() for p in phrases}, key=len, reverse=True)
    rx = re.compile(rf"(?<!{word})(?:" + "|".join(map(re.escape, longest_first)) + rf")(?!{word})", re.I)
    assert list(PhraseFinder(phrases, word=word).finditer(text)) == [m.span() for m in rx.finditer(text)]


def test_phrase_finder_keeps_offsets_when_lowering_changes_length() -> None:
    text = "İİ the Taliban-led Taliban said"  # "İ".lower() is two characters
    found = list(PhraseFinder(["taliban", "the taliban"], word=r"[\w-]").finditer(text))
    start = text.rindex("Taliban")  # "the Taliban-led" touches a hyphen: not a whole phrase
    assert found == [(start, start + len("Taliban"))]


def test_table_attribute_rules_give_the_matcher_s_annotations() -> None:
    import spacy

    from sitrep.nlp import MODEL_NAME
    from sitrep.nlp_attributes import install

    texts = [
        "I ain't gonna wait, y'all: let's go. C'mon, we gotta leave before they're back.",
        "There is no ceasefire and there were 12 dead, the ministry's spokesman said on Tuesday.",
        "Militants shelled the town;  the army said it ' s   regrouping.\n\nIt was n't clear who fired.",
        "The U.S.-led coalition's jets struck 3 depots near Mosul, officials told Reuters.",
    ]
    stock, tabled = spacy.load(MODEL_NAME), spacy.load(MODEL_NAME)
    assert install(tabled)
    assert "attribute_ruler" not in tabled.pipe_names  # a registered component in its place
    assert tabled.pipe_names.index("table_attributes") == stock.pipe_names.index("attribute_ruler")
    seen = 0
    for a, b in zip(stock.pipe(texts), tabled.pipe(texts), strict=True):
        assert [(t.text, t.pos_, str(t.morph), t.lemma_, t.tag_) for t in a] == [
            (t.text, t.pos_, str(t.morph), t.lemma_, t.tag_) for t in b
        ]
        seen += len(stock.get_pipe("attribute_ruler").match(a))
    assert seen > 50  # the rules did fire (every token gets at least its tag's POS)
