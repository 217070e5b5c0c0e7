"""Per-document analysis: clean -> nlp -> dates -> extract, with no store involved.

This is the pure part of the pipeline: it maps documents to their records and can run in any
worker process (locally or on Dask). ``pipeline.run`` adds ingest, storage and fusion.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from . import nlp
from .clean import clean
from .extract import dates, ruler_patterns
from .extract.context import Context
from .extract.events import extract_events
from .extract.figures import extract_figures
from .extract.recase import nlp_view, quoted
from .extract.speech_link import link_statements
from .extract.statements import extract_statements
from .model import Cleaned, Document, Event, Figure, ReferenceDate, Statement, TimeExpr, stable_id


@dataclass
class Analysis:
    """Everything sitrep learns from one document."""

    document: Document
    cleaned: Cleaned
    reference: ReferenceDate
    timexes: list[TimeExpr] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)


def model() -> nlp.Language:
    """The spaCy pipeline the extractors read, with their place and actor names in its ruler."""
    return nlp.load(patterns=ruler_patterns)


def analyze(documents: Iterable[Document], batch_size: int = 32) -> Iterator[Analysis]:
    """Analyze documents in order; spaCy runs batched over their body paragraphs."""
    cleaned_stream = ((doc, clean(doc)) for doc in documents)
    for doc, cleaned, paragraphs in nlp.parse(cleaned_stream, nlp=model(), view=nlp_view):
        yield analyze_parsed(doc, cleaned, paragraphs)


def analyze_parsed(doc: Document, cleaned: Cleaned, paragraphs: list[nlp.Paragraph]) -> Analysis:
    body = [(p.start, p.end) for p in paragraphs]
    view = nlp_view(doc.text)  # the text itself, or a cased copy of a lower-cased one
    provisional = quoted(doc.text, dates.find_timexes(view, body, None))
    reference = dates.reference_date(doc, cleaned, provisional)
    timexes = quoted(doc.text, dates.find_timexes(view, body, reference))
    ctx = Context(doc, cleaned, paragraphs, reference, timexes)
    statements = extract_statements(ctx)
    events = extract_events(ctx)
    figures = extract_figures(ctx)
    assign_ids(doc, [*events, *statements, *figures])
    link_statements(events, statements)
    return Analysis(doc, cleaned, reference, timexes, events, statements, figures)


def assign_ids(doc: Document, records: list[Event | Statement | Figure]) -> None:
    """Stable ids from the document hash and the first mention; unique within the document."""
    seen: set[str] = set()
    for rec in records:
        first = rec.mentions[0] if rec.mentions else None
        base = rec.id or stable_id(rec.kind, doc.content_hash, first.start if first else "", first.end if first else "")
        rec.id, n = base, 1
        while rec.id in seen:
            rec.id = stable_id(base, n)
            n += 1
        seen.add(rec.id)


def analyze_stream(
    documents: Iterable[Document], batch_size: int = 32
) -> Iterator[tuple[list[Analysis], list[tuple[Document, str]]]]:
    """Batches of analyses; a document whose extraction raises is returned as an error, not raised.

    Parsing is batched through one ``nlp.pipe`` stream; parallelism lives in ``engines``.
    """
    nlp_model = model()
    cleaned_stream = ((doc, _safe_clean(doc)) for doc in documents)
    batch: list[Analysis] = []
    errors: list[tuple[Document, str]] = []
    for doc, cleaned, paragraphs in nlp.parse(cleaned_stream, nlp=nlp_model, view=nlp_view):
        try:
            batch.append(analyze_parsed(doc, cleaned, paragraphs))
        except Exception as e:  # one bad document must not stop the batch
            errors.append((doc, f"extraction failed: {type(e).__name__}: {e}"))
        if len(batch) + len(errors) >= batch_size:
            yield batch, errors
            batch, errors = [], []
    if batch or errors:
        yield batch, errors


def _safe_clean(doc: Document) -> Cleaned:
    try:
        return clean(doc)
    except Exception:  # cleaning is best effort: keep the whole text as body
        return Cleaned()
