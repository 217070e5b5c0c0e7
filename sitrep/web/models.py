"""Response and request models of the JSON API, so the OpenAPI spec says exactly what comes back.

The record models (``Mention``, ``Actor``, ``Location``, ``Speaker``, ``Event``, ``Statement``,
``Figure``) have the fields of the one record model, ``sitrep.model``'s JSON shapes (``EventJSON``
...), and no others but the ones a fused record adds (``sources``): tests/test_web_api.py holds
them to it. They are lenient where extractors may leave a value empty (everything nullable but
ids and offsets, closed vocabularies as plain strings): a record the store accepted must never
turn into a 500 because one field was missing or unexpected.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from ..model import PLOVER_TYPES as PLOVER_TYPES  # re-exported: the one definition is the record model's
from ..model import PloverType as PloverType
from ..model import QuoteForm

EventSort = Literal["date", "-date", "fatalities", "-fatalities"]


class _Out(BaseModel):
    model_config = ConfigDict(extra="ignore")


class Mention(_Out):
    """A supporting span: ``text == document.text[start:end]``."""

    doc_id: str
    start: int
    end: int
    text: str


class Evidence(_Out):
    """Words a field was read from: ``text == document.text[start:end]``; ``basis`` says how the
    value was derived from them when it was not read as such (gazetteer, reference date, dateline,
    ACLED rule, coreference)."""

    doc_id: str
    start: int
    end: int
    text: str
    basis: str | None = None


EvidenceMap = dict[str, list[Evidence]]
_EVIDENCE: Any = Field(
    default_factory=dict,
    description="Field name -> the spans of every source's text that field was read from (an empty field has no key).",
)


class Actor(_Out):
    name: str | None = None
    type: str | None = None
    country: str | None = None


class Location(_Out):
    name: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geo_precision: int | None = None


class SourceValue(_Out):
    doc_id: str | None = None
    value: Any = None
    evidence: list[Evidence] = Field(default_factory=list, description="The words of this side's value.")


class Disagreement(_Out):
    """One field on which the sources of a fused record differ, with every source's value."""

    field: str
    values: list[SourceValue] = []


class Event(_Out):
    type: Literal["event"] = "event"
    id: str
    plover_type: str | None = None
    plover_mode: str | None = None
    acled_event_type: str | None = None
    acled_sub_event_type: str | None = None
    actor1: Actor | None = None
    actor2: Actor | None = None
    location: Location | None = None
    date: str | None = None
    date_precision: str | None = None
    date_start: str | None = None
    date_end: str | None = None
    status: str | None = None
    fatalities: int | None = None
    fatalities_qualifier: str | None = None
    summary: str | None = None
    trigger: str | None = None
    statement_ids: list[str] = []
    confidence: float | None = None
    disagreements: list[Disagreement] = []
    sources: list[str] = []
    mentions: list[Mention] = []
    evidence: EvidenceMap = _EVIDENCE


class Speaker(_Out):
    name: str | None = None
    role: str | None = None
    organization: str | None = None


class Statement(_Out):
    type: Literal["statement"] = "statement"
    id: str
    speaker: Speaker | None = None
    speaker_actor: Actor | None = None
    quote: str | None = None
    direct: bool | None = None
    quote_form: QuoteForm | None = None
    intent: str | None = None
    addressee: str | None = None
    channel: str | None = None
    reported_by: list[str] = []
    date: str | None = None
    date_precision: str | None = None
    date_start: str | None = None
    date_end: str | None = None
    event_ids: list[str] = []
    mentions: list[Mention] = []
    evidence: EvidenceMap = _EVIDENCE


class Figure(_Out):
    type: Literal["figure"] = "figure"
    id: str
    measure: str | None = None
    value: float | None = None
    unit: str | None = None
    qualifier: str | None = None
    subject: str | None = None
    location: Location | None = None
    period_start: str | None = None
    period_end: str | None = None
    date: str | None = None
    date_precision: str | None = None
    source: str | None = None
    status: str | None = None
    mentions: list[Mention] = []
    evidence: EvidenceMap = _EVIDENCE


class EventDetail(Event):
    """An event with the statements it is linked to, resolved."""

    statements: list[Statement] = []


class Page(_Out):
    total: int = Field(description="Records matching the filters (all pages); see `total_exact`.")
    total_exact: bool = Field(
        True, description="False: more than `total` records match (counting stopped there: 10,000 events, 1,000 for a text search or two names)."
    )
    page: int | None = Field(None, description="Page number (page pagination), null with a cursor.")
    page_size: int
    next_cursor: str | None = Field(None, description="Pass as `cursor` for the next page; null at the end.")


class EventPage(Page):
    items: list[Event]


class StatementPage(Page):
    items: list[Statement]


class FigurePage(Page):
    items: list[Figure]


class DocumentSummary(_Out):
    id: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    reference_date: str | None = None
    duplicate_of: str | None = None
    length: int = Field(description="Length of the original text in code points.")


class DocumentPage(Page):
    items: list[DocumentSummary]


class Boilerplate(_Out):
    start: int
    end: int
    kind: str


class FoundRecord(_Out):
    """A record extracted from a document, with its spans in that document."""

    kind: Literal["event", "statement", "figure"]
    id: str
    label: str
    mentions: list[Mention]


class Document(_Out):
    type: Literal["document"] = "document"
    id: str
    source: str | None = None
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    reference_date: str | None = None
    reference_date_basis: str | None = None
    date_warnings: list[str] = []
    dateline: str | None = None
    duplicate_of: str | None = None
    text: str
    boilerplate: list[Boilerplate] = []
    records: list[FoundRecord] = []


class SeriesPoint(_Out):
    """One point of a series (``sitrep.figure_series.figure_point``)."""

    figure_id: str
    date: str | None = None
    date_basis: str | None = Field(None, description="figure (its own date), document (the citing page's), none")
    period_start: str | None = None
    period_end: str | None = None
    value: float | None = None
    unit: str | None = None
    qualifier: str | None = None
    status: str | None = None
    source: str | None = None
    sources: list[str] = Field([], description="The documents the figure was read from.")
    outlets: list[str] = []


class Series(_Out):
    """One quantity over time (e.g. troop levels), every point with its sources, as ``sitrep figures``."""

    measure: str | None = None
    subject: str | None = None
    key: list[str] = Field([], description="The normalised (measure, subject) the points share.")
    unit: str | None = None
    points: list[SeriesPoint]


class TimelineEntry(_Out):
    date: str | None = None
    date_precision: str | None = None
    event: Event


class Timeline(_Out):
    total: int
    total_exact: bool = True
    items: list[TimelineEntry]


class Story(_Out):
    model_config = ConfigDict(extra="allow")
    id: str
    title: str | None = None
    document_ids: list[str] = []
    event_ids: list[str] = []
    first_date: str | None = None
    last_date: str | None = None


class IngestDocument(BaseModel):
    """A document to ingest: the same fields as one line of a JSONL input."""

    model_config = ConfigDict(extra="forbid")
    id: str = Field(min_length=1, max_length=200, pattern=r"^[A-Za-z0-9][A-Za-z0-9._~-]*$")
    text: str | None = Field(None, max_length=5_000_000)
    html: str | None = Field(None, max_length=5_000_000)
    url: str | None = Field(None, max_length=2000)
    title: str | None = Field(None, max_length=1000)
    published: str | None = Field(None, max_length=40)

    @model_validator(mode="after")
    def _one_body(self) -> IngestDocument:
        if (self.text is None) == (self.html is None):
            raise ValueError("give exactly one of `text` or `html`")
        if not (self.text or self.html or "").strip():
            raise ValueError("the document is empty")
        return self


class IngestResult(_Out):
    stored: int
    unchanged: int
    failures: list[dict[str, str]]
    records: dict[str, int]
    document_ids: list[str]


class Counts(_Out):
    documents: int
    events: int
    statements: int
    figures: int
