"""The record model shared by every pipeline stage.

These plain dataclasses are the in-memory form of the record contract in DESIGN.md.
Stages pass them along; the store persists them; exporters render them. Offsets are
always code-point offsets into ``Document.text``, which is never modified.
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass, field
from typing import Any, Literal, TypedDict, get_args

Precision = Literal["day", "week", "month", "year", "unknown"]
RecordKind = Literal["event", "statement", "figure"]
#: a whole quotation, reported content holding quoted words, or paraphrase alone
QuoteForm = Literal["direct", "mixed", "indirect"]
# PLOVER event types: defined here only (the CLI, the web's filters and the API's schema read them)
PloverType = Literal[
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
]  # fmt: skip
PLOVER_TYPES: tuple[str, ...] = get_args(PloverType)


def stable_id(*parts: object, length: int = 16) -> str:
    """Deterministic id from its parts, so re-running a batch yields the same ids."""
    h = hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8"))
    return h.hexdigest()[:length]


@dataclass
class Span:
    """A marked region of the original text (boilerplate, title, dateline...)."""

    start: int
    end: int
    kind: str

    def contains(self, start: int, end: int) -> bool:
        return self.start <= start and end <= self.end


@dataclass
class Document:
    """One input page. ``text`` is the original visible text, kept unchanged."""

    id: str
    text: str
    source: str = ""
    url: str | None = None
    title: str | None = None
    published: str | None = None  # ISO date/datetime given by the input (JSONL or HTML meta)
    raw_html: str | None = None
    content_hash: str = ""

    def __post_init__(self) -> None:
        if not self.content_hash:
            self.content_hash = hashlib.sha256(
                (self.raw_html if self.raw_html is not None else self.text).encode("utf-8", "surrogatepass")
            ).hexdigest()


@dataclass
class Cleaned:
    """What cleaning found: spans only, the text itself stays as it was."""

    boilerplate: list[Span] = field(default_factory=list)
    title: str | None = None
    title_span: tuple[int, int] | None = None
    dateline: str | None = None
    dateline_span: tuple[int, int] | None = None
    dateline_value: str | None = None  # ISO date or datetime parsed from the dateline
    outlet: str | None = None
    published: str | None = None  # from HTML metadata (htmldate), if any

    def is_boilerplate(self, start: int, end: int) -> bool:
        return any(s.start < end and start < s.end for s in self.boilerplate)

    def body_ranges(self, text_length: int) -> list[tuple[int, int]]:
        """Ranges of the text not covered by boilerplate, in order."""
        out: list[tuple[int, int]] = []
        pos = 0
        for s in sorted(self.boilerplate, key=lambda s: s.start):
            if s.start > pos:
                out.append((pos, s.start))
            pos = max(pos, s.end)
        if pos < text_length:
            out.append((pos, text_length))
        return out


@dataclass
class TimeExpr:
    """One temporal expression, normalized like a TIMEX3."""

    start: int
    end: int
    text: str
    type: str  # DATE, TIME, DURATION, SET
    value: str | None  # "2015-04-22", "2015-W17", "2021-06", "P3M", "XXXX-XX-XX"...
    precision: Precision = "unknown"
    range_start: str | None = None  # ISO date, inclusive
    range_end: str | None = None  # ISO date, inclusive
    relation: str | None = None  # "past", "same", "future" relative to the reference date
    anchored: bool = True  # False when a relative expression could not be resolved

    def to_json(self, doc_id: str) -> dict[str, Any]:
        return {
            "doc_id": doc_id,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "type": self.type,
            "value": self.value,
            "precision": self.precision,
            "range_start": self.range_start,
            "range_end": self.range_end,
            "relation": self.relation,
        }


@dataclass
class ReferenceDate:
    """The date relative expressions of a document are resolved against."""

    value: str | None = None  # ISO date
    basis: str = "none"  # dateline, content, given, none
    warnings: list[str] = field(default_factory=list)
    lower_bound: str | None = None  # when content only bounds it
    upper_bound: str | None = None


# -- the record contract as JSON (``to_json``; the export and the API's models are derived from these)
class MentionJSON(TypedDict):
    doc_id: str
    start: int
    end: int
    text: str


class EvidenceJSON(TypedDict, total=False):
    doc_id: str
    start: int
    end: int
    text: str
    basis: str  # only where the value was derived rather than read ("gazetteer", "reference date"...)


EvidenceMapJSON = dict[str, list[EvidenceJSON]]


class ActorJSON(TypedDict):
    name: str
    type: str | None
    country: str | None


class LocationJSON(TypedDict):
    name: str
    admin1: str | None
    admin2: str | None
    country: str | None
    lat: float | None
    lon: float | None
    geo_precision: int | None


class SpeakerJSON(TypedDict):
    name: str | None
    role: str | None
    organization: str | None


class EventJSON(TypedDict):
    type: Literal["event"]
    id: str
    plover_type: str
    plover_mode: str | None
    acled_event_type: str | None
    acled_sub_event_type: str | None
    actor1: ActorJSON | None
    actor2: ActorJSON | None
    location: LocationJSON | None
    date: str | None
    date_precision: Precision
    date_start: str | None
    date_end: str | None
    status: str
    fatalities: int | None
    fatalities_qualifier: str | None
    summary: str
    trigger: str
    statement_ids: list[str]
    confidence: float
    disagreements: list[dict[str, Any]]
    mentions: list[MentionJSON]
    evidence: EvidenceMapJSON


class StatementJSON(TypedDict):
    type: Literal["statement"]
    id: str
    speaker: SpeakerJSON
    speaker_actor: ActorJSON | None
    quote: str
    direct: bool
    quote_form: QuoteForm
    intent: str
    addressee: str | None
    channel: str | None
    reported_by: list[str]
    date: str | None
    date_precision: Precision
    date_start: str | None
    date_end: str | None
    event_ids: list[str]
    mentions: list[MentionJSON]
    evidence: EvidenceMapJSON


class FigureJSON(TypedDict):
    type: Literal["figure"]
    id: str
    measure: str
    value: float | int
    unit: str
    qualifier: str | None
    subject: str | None
    location: LocationJSON | None
    period_start: str | None
    period_end: str | None
    date: str | None
    date_precision: Precision
    source: str | None
    status: str
    mentions: list[MentionJSON]
    evidence: EvidenceMapJSON


@dataclass
class Mention:
    doc_id: str
    start: int
    end: int
    text: str

    def to_json(self) -> MentionJSON:
        return {"doc_id": self.doc_id, "start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True)
class Evidence:
    """Words a field was read from: an exact span of the original text, and how the value was
    derived from them when it was not read as such (``basis``: "gazetteer", "reference date",
    "dateline", "ACLED rule", "coreference")."""

    doc_id: str
    start: int
    end: int
    text: str
    basis: str | None = None

    def to_json(self) -> EvidenceJSON:
        out: EvidenceJSON = {"doc_id": self.doc_id, "start": self.start, "end": self.end, "text": self.text}
        if self.basis:
            out["basis"] = self.basis
        return out


#: a span of the original text as an extractor cites it before the record exists: (start, end, basis)
Cite = tuple[int, int, str | None]


class _Evidenced:
    """The ``evidence`` map of a record: field name -> the spans its value was read from."""

    evidence: dict[str, list[Evidence]]

    def cite(self, doc: Document, name: str, spans: list[Cite]) -> None:
        """Record the words of field ``name`` (replacing what it had): empty spans are dropped."""
        found = [evidence(doc, s, e, b) for s, e, b in spans if e > s]
        if found:
            self.evidence[name] = list(dict.fromkeys(found))
        else:
            self.evidence.pop(name, None)

    def take(self, name: str, other: _Evidenced) -> None:
        """The field's words come from another record of the same document (its value was copied)."""
        if name in other.evidence:
            self.evidence[name] = list(other.evidence[name])
        else:
            self.evidence.pop(name, None)

    def take_as(self, name: str, other: _Evidenced, other_name: str) -> None:
        """The field's words are those of another field of a record of the same document."""
        if other.evidence.get(other_name):
            self.evidence[name] = list(other.evidence[other_name])
        else:
            self.evidence.pop(name, None)

    def evidence_json(self) -> EvidenceMapJSON:
        return {k: [e.to_json() for e in v] for k, v in self.evidence.items() if v}


@dataclass
class Actor:
    name: str
    type: str | None = None
    country: str | None = None

    def to_json(self) -> ActorJSON:
        return {"name": self.name, "type": self.type, "country": self.country}


@dataclass
class Location:
    name: str
    admin1: str | None = None
    admin2: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geo_precision: int | None = None
    # where the text names the place (not part of the record: events cite it as their evidence)
    cited: tuple[Cite, ...] = field(default=(), compare=False, repr=False)

    def to_json(self) -> LocationJSON:
        return {
            "name": self.name, "admin1": self.admin1, "admin2": self.admin2, "country": self.country,
            "lat": self.lat, "lon": self.lon, "geo_precision": self.geo_precision,
        }  # fmt: skip

    def citing(self, *spans: Cite) -> Location:
        """This place, named by ``spans`` (a copy: gazetteer places are shared)."""
        return dataclasses.replace(self, cited=tuple(spans))


@dataclass
class RecordDate:
    date: str | None = None  # "YYYY", "YYYY-MM" or "YYYY-MM-DD"
    precision: Precision = "unknown"
    start: str | None = None
    end: str | None = None
    # the time expressions (and reference) the date was read from; not part of the record
    cited: tuple[Cite, ...] = field(default=(), compare=False, repr=False)


@dataclass
class Speaker:
    name: str | None = None
    role: str | None = None
    organization: str | None = None
    # the speaker is an organization, not a person (not part of the record)
    body: bool = field(default=False, compare=False, repr=False)

    def to_json(self) -> SpeakerJSON:
        return {"name": self.name, "role": self.role, "organization": self.organization}


@dataclass
class Event(_Evidenced):
    plover_type: str
    mentions: list[Mention]
    acled_event_type: str | None = None
    acled_sub_event_type: str | None = None
    plover_mode: str | None = None
    actor1: Actor | None = None
    actor2: Actor | None = None
    location: Location | None = None
    date: RecordDate = field(default_factory=RecordDate)
    status: str = "occurred"
    fatalities: int | None = None
    fatalities_qualifier: str | None = None
    summary: str = ""
    trigger: str = ""
    statement_ids: list[str] = field(default_factory=list)
    confidence: float = 0.5
    disagreements: list[dict[str, Any]] = field(default_factory=list)
    id: str = ""
    evidence: dict[str, list[Evidence]] = field(default_factory=dict)

    kind: RecordKind = "event"

    def to_json(self) -> EventJSON:
        return {
            "type": "event",
            "id": self.id,
            "plover_type": self.plover_type,
            "plover_mode": self.plover_mode,
            "acled_event_type": self.acled_event_type,
            "acled_sub_event_type": self.acled_sub_event_type,
            "actor1": self.actor1.to_json() if self.actor1 else None,
            "actor2": self.actor2.to_json() if self.actor2 else None,
            "location": self.location.to_json() if self.location else None,
            "date": self.date.date,
            "date_precision": self.date.precision,
            "date_start": self.date.start,
            "date_end": self.date.end,
            "status": self.status,
            "fatalities": self.fatalities,
            "fatalities_qualifier": self.fatalities_qualifier,
            "summary": self.summary,
            "trigger": self.trigger,
            "statement_ids": list(self.statement_ids),
            "confidence": self.confidence,
            "disagreements": list(self.disagreements),
            "mentions": [m.to_json() for m in self.mentions],
            "evidence": self.evidence_json(),
        }


@dataclass
class Statement(_Evidenced):
    speaker: Speaker
    quote: str
    mentions: list[Mention]
    direct: bool = True
    quote_form: QuoteForm = "direct"
    intent: str = "other"
    addressee: str | None = None
    channel: str | None = None
    reported_by: list[str] = field(default_factory=list)
    date: RecordDate = field(default_factory=RecordDate)
    speaker_actor: Actor | None = None
    event_ids: list[str] = field(default_factory=list)  # the verbal events these same words tell
    id: str = ""
    evidence: dict[str, list[Evidence]] = field(default_factory=dict)

    kind: RecordKind = "statement"

    def to_json(self) -> StatementJSON:
        return {
            "type": "statement",
            "id": self.id,
            "speaker": self.speaker.to_json(),
            "speaker_actor": self.speaker_actor.to_json() if self.speaker_actor else None,
            "quote": self.quote,
            "direct": self.direct,
            "quote_form": self.quote_form,
            "intent": self.intent,
            "addressee": self.addressee,
            "channel": self.channel,
            "reported_by": list(self.reported_by),
            "date": self.date.date,
            "date_precision": self.date.precision,
            "date_start": self.date.start,
            "date_end": self.date.end,
            "event_ids": list(self.event_ids),
            "mentions": [m.to_json() for m in self.mentions],
            "evidence": self.evidence_json(),
        }


@dataclass
class Figure(_Evidenced):
    measure: str
    value: float
    mentions: list[Mention]
    unit: str = "persons"
    qualifier: str | None = None
    subject: str | None = None
    location: Location | None = None
    period: RecordDate = field(default_factory=RecordDate)
    source: str | None = None
    status: str = "actual"
    id: str = ""
    evidence: dict[str, list[Evidence]] = field(default_factory=dict)

    kind: RecordKind = "figure"

    def to_json(self) -> FigureJSON:
        value: float | int = int(self.value) if float(self.value).is_integer() else self.value
        return {
            "type": "figure",
            "id": self.id,
            "measure": self.measure,
            "value": value,
            "unit": self.unit,
            "qualifier": self.qualifier,
            "subject": self.subject,
            "location": self.location.to_json() if self.location else None,
            "period_start": self.period.start,
            "period_end": self.period.end,
            "date": self.period.date,
            "date_precision": self.period.precision,
            "source": self.source,
            "status": self.status,
            "mentions": [m.to_json() for m in self.mentions],
            "evidence": self.evidence_json(),
        }


Record = Event | Statement | Figure


def evidence(doc: Document, start: int, end: int, basis: str | None = None) -> Evidence:
    """Evidence that quotes the original text exactly (as ``mention``)."""
    start = max(0, min(start, len(doc.text)))
    end = max(start, min(end, len(doc.text)))
    return Evidence(doc.id, start, end, doc.text[start:end], basis)


def mention(doc: Document, start: int, end: int) -> Mention:
    """A mention that quotes the original text exactly (provenance by construction)."""
    start = max(0, min(start, len(doc.text)))
    end = max(start, min(end, len(doc.text)))
    return Mention(doc_id=doc.id, start=start, end=end, text=doc.text[start:end])
