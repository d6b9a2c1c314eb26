"""The data that flows through the pipeline: documents, actors, events.

Plain dataclasses so that every stage, the store, the CLI and Spark share them.
Ids are stable content hashes: processing the same article twice yields the same
ids, which is what makes every write an idempotent upsert.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)
MODALITIES: tuple[str, ...] = (
    "asserted",
    "negated",
    "hypothetical",
    "future",
    "demanded",
    "reported",
)
Granularity = Literal["day", "week", "month", "year", "range"]
SourceFormat = Literal["text", "html"]

_SPACES = re.compile(r"\s+")


def normalise_text(text: str) -> str:
    """Unicode NFC, whitespace collapsed, stripped: the form a content hash is taken of."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip()


def stable_id(*parts: object, length: int = 16) -> str:
    """A short hex digest of the parts; the same parts always give the same id."""
    digest = hashlib.sha256("\x1f".join("" if p is None else str(p) for p in parts).encode())
    return digest.hexdigest()[:length]


@dataclass(frozen=True, slots=True)
class Removal:
    """A piece of the raw article that cleaning dropped, and why."""

    text: str
    reason: str  # e.g. "ad-marker", "cookie-banner", "paywall", "repeated-caption"


UNKNOWN = "UNK"  # the code of an actor of no known country or sector


@dataclass(frozen=True, slots=True)
class Actor:
    """A resolved actor: who a mention refers to, as a CAMEO-style code."""

    name: str  # canonical name ("Nicolás Maduro", "Venezuela")
    country: str | None = None  # ISO 3166 alpha-3
    sector: str | None = None  # GOV MIL COP JUD LEG OPP REB CRM BUS MED NGO IGO CVL ELI ...
    qid: str | None = None  # Wikidata id when known

    @property
    def code(self) -> str:
        """CAMEO-style code: country + sector ("VENGOV"), either part may be missing."""
        return f"{self.country or ''}{self.sector or ''}" or UNKNOWN

    @property
    def id(self) -> str:
        return stable_id("actor", self.name, self.code)


@dataclass(slots=True)
class ActorMention:
    """An actor as the text names it, with the character span in the document text.

    An implied actor (the country a domestic action targets by convention) names no
    words: its text is empty and its span empty, at the start of its sentence."""

    text: str
    start: int
    end: int
    actor: Actor
    implied: bool = False


@dataclass(slots=True)
class EventDate:
    """When an event happened, as an interval with its granularity and basis."""

    start: date | None
    end: date | None
    granularity: Granularity | None = None
    expression: str | None = None  # the words it came from ("last week"), None if none
    # "expression", "context" (the day the text set earlier), "publication", "unknown"
    basis: str = "unknown"


@dataclass(frozen=True, slots=True)
class Place:
    """Where an event happened: the name as written and, when the gazetteer knows it,
    the place it resolves to. An unresolved name is kept with a low confidence."""

    name: str
    start: int  # character span of the name in Document.text
    end: int
    # "sentence" (the event's own), "target" (the place it was aimed at), "actor" (the
    # state whose police arrested, no place named: the name is the country's, the span
    # the actor's words) or "article" (its most named place)
    basis: str
    confidence: float
    country: str | None = None  # ISO 3166 alpha-3
    admin1: str | None = None  # GeoNames admin1 code within the country
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None
    # country, admin1, admin2, city, landmark, region or water; None when unresolved
    feature: str | None = None
    admin1_name: str | None = None  # the first-level division's name ("Gujarat")


MAGNITUDE_KINDS: tuple[str, ...] = ("killed", "injured", "arrested", "displaced", "crowd")


@dataclass(frozen=True, slots=True)
class Magnitude:
    """How many people an event killed, injured, arrested, displaced (or deported), or
    gathered (a crowd), as the text states it, with the words it came from.

    `value` is the figure counted: the number, or a range's lower bound ("dozens" is
    24 to 99, counted 24). `low`/`high` bound it when the text does ("at least 14" has
    low 14; "up to 50" high 50); an exact figure has neither."""

    kind: str  # one of MAGNITUDE_KINDS
    value: int
    text: str  # "at least 14", "dozens", "a 45-year-old man"
    start: int  # character span of `text` in Document.text
    end: int
    low: int | None = None
    high: int | None = None

    def as_dict(self) -> dict[str, object]:
        """The stored and served form: value, bounds, text and span."""
        return {
            "value": self.value,
            "low": self.low,
            "high": self.high,
            "text": self.text,
            "start": self.start,
            "end": self.end,
        }


@dataclass(slots=True)
class Event:
    """Who did what to whom, with the evidence it came from."""

    doc_id: str
    type: str  # one of PLOVER_TYPES
    source: ActorMention | None
    target: ActorMention | None
    sentence: str
    sentence_start: int  # character span of the sentence in Document.text
    sentence_end: int
    trigger: str  # the word(s) that name the action ("offered", "designation")
    trigger_start: int
    trigger_end: int
    mode: str | None = None  # PLOVER mode: visit, phone, arrest, deport, aerial ...
    modality: str = "asserted"  # one of MODALITIES
    date: EventDate = field(default_factory=lambda: EventDate(None, None))
    confidence: float = 0.5
    coder_version: str = ""
    place: Place | None = None
    # Who says so: the speaker of the quote or report the event is stated in ("X said
    # Y attacked Z", "according to X"); None when the article asserts it itself.
    reported_by: ActorMention | None = None
    # Figures the event's own clause states, by kind ("killed": 5); see Magnitude.
    magnitudes: dict[str, Magnitude] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return stable_id(
            "event",
            self.doc_id,
            self.type,
            self.trigger_start,
            self.trigger_end,
            self.source.actor.code if self.source else None,
            self.source.start if self.source else None,
            self.target.actor.code if self.target else None,
            self.target.start if self.target else None,
        )


@dataclass(frozen=True, slots=True)
class Duplicate:
    """How an article copies an earlier one (the canonical member of its group)."""

    of: str  # the canonical document's id
    kind: str  # "exact", "syndicated", "near", "paraphrase"
    score: float


@dataclass(slots=True)
class Document:
    """One article: where it came from, its clean text and what was found in it."""

    id: str  # stable_id of the normalised raw content
    raw: str
    format: SourceFormat = "text"
    origin: str = ""  # how it was found: "path/to/file.txt", "feed.jsonl:12", "<stdin>"
    url: str | None = None
    title: str | None = None
    published_at: date | None = None
    published_basis: str = (
        "unknown"  # "metadata", "byline", "html-meta", "inferred: ...", "unknown"
    )
    # Undated articles: the span their wording allows (end None when open).
    published_range: tuple[date, date | None] | None = None
    paragraphs: list[str] = field(default_factory=list)
    removed: list[Removal] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    duplicate: Duplicate | None = None  # set when this article copies an earlier one

    @property
    def text(self) -> str:
        """The clean text; event character spans point into it."""
        return "\n\n".join(self.paragraphs)

    @staticmethod
    def make_id(raw: str) -> str:
        return stable_id("doc", normalise_text(raw))


@dataclass(frozen=True, slots=True)
class IngestError:
    """An input that could not be processed, kept so nothing is silently lost."""

    origin: str
    stage: str  # "ingest", "clean", "nlp", "coding", ...
    reason: str  # one line a user can act on

    @property
    def id(self) -> str:
        return stable_id("error", self.origin)
