"""Property tests (hypothesis) over ingest, clean, dates, numbers and the whole analysis.

Inputs: random Unicode, control characters, bidi marks, zero-width joiners, mixed scripts
(Pashto, Dari, Arabic, Russian), odd numbers ("1,0,0,0", "10^100"), broken HTML.
Invariants: no exception escapes ``analyze_stream`` (errors are returned); every offset (mentions
and each field's evidence) quotes the original text exactly; boilerplate spans lie within the text; dates are valid ISO dates;
fatalities are non-negative ints below 10,000,000; figure values are finite.

Profiles: ``default`` (50 examples, for ``make test``) and ``fuzz`` (long runs:
``HYPOTHESIS_PROFILE=fuzz pytest tests/test_properties.py``).
"""

from __future__ import annotations

import datetime as dt
import math
import os
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitrep.analyze import Analysis, analyze_stream
from sitrep.clean import clean
from sitrep.extract.dates import find_timexes
from sitrep.extract.numbers import find_quantities
from sitrep.ingest import IngestError, iter_inputs
from sitrep.model import Document

settings.register_profile(
    "default", max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
settings.register_profile(
    "fuzz", max_examples=5_000, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

MAX_FATALITIES = 10_000_000
SPECIAL = [
    "\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u202a", "\u202b", "\u202c", "\u202e", "\u2066", "\u2069",
    "\ufeff", "\x00", "\x07", "\x1b", "\r", "\r\n", "\u2028", "\u2029", "\t", "\xa0", '"', "“", "”", "'", "«", "»",
]
PIECES = [
    "Taliban fighters attacked a checkpoint in Kunduz on Monday, killing 12 soldiers.",
    "طالبان په کندز کې پر یوه پوسته برید وکړ",  # Pashto
    "طالبان به یک پاسگاه در قندوز حمله کردند",  # Dari
    "هاجمت حركة طالبان نقطة تفتيش في قندوز يوم الاثنين",  # Arabic
    "Талибы атаковали блокпост в Кундузе в понедельник, погибли 12 военных.",  # Russian
    "1,0,0,0", "10^100", "1e309", "at least 20", "more than 1,000,000,000,000,000 people", "twenty-five",
    "2021-02-30", "July 32, 2021", "last Tuesday", "on 31/12/1999", "9999-99-99", "0000-00-00",
    "\"We will respond,\" the spokesman said.", "KABUL, July 5 (Reuters) -", "Share this article",
    "seventy thousand million billion", "-5 killed", "%", "…", "١٢ قتيلا", "۱۲ کشته",
]


def texts() -> st.SearchStrategy[str]:
    piece = st.one_of(st.sampled_from(PIECES), st.sampled_from(SPECIAL), st.text(max_size=40))
    return st.lists(piece, min_size=1, max_size=25).map(lambda parts: " ".join(parts))


def html_pages() -> st.SearchStrategy[str]:
    tag = st.sampled_from(["div", "p", "span", "script", "style", "a", "b", "table", "td", "br", "nav", "title"])
    part = st.one_of(
        tag.map(lambda t: f"<{t}>"), tag.map(lambda t: f"</{t}>"), texts(), st.sampled_from(["<!--", "-->", "<", ">", "&amp", "&#0;", "&#x110000;"])
    )
    return st.lists(part, min_size=1, max_size=40).map("".join)


def _check_offsets(text: str, start: int, end: int, quoted: str) -> None:
    assert 0 <= start <= end <= len(text)
    assert text[start:end] == quoted


def _is_iso(value: str) -> bool:
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T.*)?", value)
    if not m:
        return True  # week, duration and set values are other TIMEX3 forms, checked elsewhere
    year, month, day = (int(g) if g else None for g in m.groups())
    try:
        dt.date(year or 1, month or 1, day or 1)
    except ValueError:
        return False
    return True


@given(st.binary(max_size=2_000), st.sampled_from([".txt", ".html", ".jsonl"]))
def test_ingest_never_raises_and_keeps_text(data: bytes, suffix: str) -> None:
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / f"doc{suffix}"
        path.write_bytes(data)
        for item in iter_inputs([path], max_bytes=10_000):
            assert isinstance(item, (Document, IngestError))
            if isinstance(item, IngestError):
                assert item.reason and "\n" not in item.reason
            elif suffix == ".txt":
                assert item.text == data.decode("utf-8-sig")


@given(texts())
def test_clean_spans_stay_within_the_text(text: str) -> None:
    doc = Document(id="p", text=text)
    cleaned = clean(doc)
    for span in cleaned.boilerplate:
        assert 0 <= span.start <= span.end <= len(text)
    if cleaned.title_span:
        assert 0 <= cleaned.title_span[0] <= cleaned.title_span[1] <= len(text)


@given(html_pages())
def test_clean_html_spans_stay_within_the_visible_text(html: str) -> None:
    from sitrep.clean.html import visible_text

    doc = Document(id="h", text=visible_text(html), raw_html=html)
    for span in clean(doc).boilerplate:
        assert 0 <= span.start <= span.end <= len(doc.text)


@given(texts())
def test_timexes_quote_the_text_and_dates_are_valid(text: str) -> None:
    for x in find_timexes(text, None, None):
        _check_offsets(text, x.start, x.end, x.text)
        if x.value:
            assert _is_iso(str(x.value)), x


@given(texts())
def test_quantities_quote_the_text_and_are_finite(text: str) -> None:
    for q in find_quantities(text):
        _check_offsets(text, q.start, q.end, q.text)
        if q.value is not None:
            assert math.isfinite(q.value) and q.value >= 0


def test_and_joins_number_words_only_after_a_scale() -> None:
    """ "one hundred and four" is one number; "between two and four" are two."""
    assert [(q.text, q.value) for q in find_quantities("one hundred and four people")] == [("one hundred and four", 104.0)]
    assert [q.value for q in find_quantities("between seven and nine boats")] == [7.0, 9.0]


def test_odd_numbers_are_not_read_as_counts() -> None:
    values = {q.text: q.value for q in find_quantities("1,0,0,0 and 10^100 and 1e309 people")}
    assert values.get("1,0,0,0") is None and values.get("10^100") is None


def _check_analysis(a: Analysis) -> None:
    text = a.document.text
    for span in a.cleaned.boilerplate:
        assert 0 <= span.start <= span.end <= len(text)
    for x in a.timexes:
        _check_offsets(text, x.start, x.end, x.text)
    for rec in [*a.events, *a.statements, *a.figures]:
        for m in rec.mentions:
            _check_offsets(text, m.start, m.end, m.text)
        for spans in rec.evidence.values():  # every field's words quote the document exactly
            assert spans
            for sp in spans:
                assert sp.doc_id == a.document.id
                _check_offsets(text, sp.start, sp.end, sp.text)
    for ev in a.events:
        if ev.fatalities is not None:
            assert isinstance(ev.fatalities, int) and 0 <= ev.fatalities < MAX_FATALITIES
    for fig in a.figures:
        if fig.value is not None:
            assert math.isfinite(float(fig.value))


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large], deadline=None)
@given(st.lists(texts(), min_size=1, max_size=4))
def test_analyze_stream_returns_errors_never_raises(pages: list[str]) -> None:
    docs = [Document(id=f"d{i}", text=t) for i, t in enumerate(pages)]
    seen = 0
    for analyses, errors in analyze_stream(docs, batch_size=2):
        for a in analyses:
            _check_analysis(a)
        for doc, reason in errors:
            assert reason and doc in docs
        seen += len(analyses) + len(errors)
    assert seen == len(docs)


@pytest.mark.slow  # 20 s of fuzzing in a child process
def test_short_fuzz_run_finds_no_crash() -> None:
    """`make fuzz` in small: 20 s of the fuzz target (atheris if installed, else hypothesis)."""
    import subprocess
    import sys
    from pathlib import Path

    target = Path(__file__).resolve().parent.parent / "fuzz" / "fuzz_pipeline.py"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
    r = subprocess.run([sys.executable, str(target), "--seconds", "20"], capture_output=True, text=True,
                       timeout=600, env=env)
    m = re.search(r"fuzz: inputs tried: (\d+), crashes found: (\d+)", r.stdout)
    assert m, r.stdout[-2000:] + r.stderr[-2000:]
    assert int(m.group(1)) > 0
    assert int(m.group(2)) == 0 and r.returncode == 0, r.stderr[-4000:]
