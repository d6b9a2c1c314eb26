"""Response models for the OpenAPI spec, made from the store's tables so they cannot
drift from what the routes return; each field's description comes from the codebook."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, create_model

from newsevents.codebook import codebook
from newsevents.store import EVENT_COLUMNS, HAPPENING_COLUMNS
from newsevents.store._tables import actors, documents, events, happenings

_MEANING = {f["field"]: f["meaning"] for f in codebook()["fields"]}
_OPEN = ConfigDict(extra="allow")  # a row may carry more (a title, its mentions)


def _python_type(column: Any) -> Any:
    kind = column.type.python_type
    return str if kind in (date, datetime) else kind  # dates go out as ISO text


def _row_model(name: str, doc: str, names: tuple[str, ...], *tables: Any) -> type[BaseModel]:
    columns = {c.name: c for table in tables for c in table.columns}
    columns |= {"event_id": events.c.id} if "event_id" in names else {}
    fields: dict[str, Any] = {}
    for field in names:
        column = columns.get(field)
        kind = _python_type(column) if column is not None else str
        description = _MEANING.get(field) or field.replace("_", " ")
        fields[field] = (kind | None, Field(None, description=description))
    return create_model(name, __config__=_OPEN, __doc__=doc, **fields)


Happening = _row_model(
    "Happening",
    "One happening: mentions merged across articles, with their counts.",
    HAPPENING_COLUMNS,
    happenings,
)
Mention = _row_model(
    "Mention",
    "One article's report of an event, with its evidence and character spans.",
    EVENT_COLUMNS,
    actors,
    documents,
    events,
)


class HappeningPage(BaseModel):
    """A page of happenings and the total the filter keeps."""

    items: list[Happening]  # type: ignore[valid-type]
    total: int = Field(description="Happenings the filter keeps, on every page")
    limit: int
    offset: int


class HappeningWithMentions(Happening):  # type: ignore[misc, valid-type]
    """A happening with every mention's evidence."""

    mentions: list[Mention]  # type: ignore[valid-type]


class MentionPage(BaseModel):
    """A page of mentions."""

    items: list[Mention]  # type: ignore[valid-type]
    limit: int
    offset: int


class Bucket(BaseModel):
    """One period of a chart, with the query parameters of the happenings it counts."""

    model_config = _OPEN
    period: str = Field(description="First day of the period")
    since: str
    until: str
    quad_classes: dict[str, int] = Field(description="Happenings per quad class")
    types: dict[str, int] = Field(description="Happenings per PLOVER type")
    cooperation: int = Field(description="Quad classes 1 and 2")
    conflict: int = Field(description="Quad classes 3 and 4")
    total: int
    score: float = Field(description=_MEANING["goldstein"])
    params: dict[str, str] = Field(description="The filter of its rows, as query parameters")


class Undated(BaseModel):
    """Happenings no period can hold, counted apart."""

    total: int
    params: dict[str, str]


class Series(BaseModel):
    """A time series of happenings; `modality` is what it counts (asserted by default)."""

    model_config = _OPEN
    period: str
    modality: str
    series: list[Bucket]
    undated: Undated


class Node(BaseModel):
    """An actor of the network: a whole code and the happenings it takes part in."""

    code: str
    events: int = Field(description="Happenings with this code as source or target")
    params: dict[str, str] = Field(description="The filter of its rows, as query parameters")


class Edge(BaseModel):
    """The happenings between exactly two codes, either direction."""

    a: str
    b: str
    events: int
    quad_class: int = Field(description="The most frequent quad class: the edge's colour")
    quad_classes: dict[str, int]
    params: dict[str, str] = Field(description="The filter of its rows, as query parameters")


class Network(BaseModel):
    """The most active actors and the edges between them."""

    modality: str = Field(description="What it counts: asserted unless chosen")
    nodes: list[Node]
    edges: list[Edge]


class CountryCount(BaseModel):
    """The happenings placed in one country."""

    country: str = Field(description="ISO 3166 alpha-3 code of the happening's place")
    events: int
    params: dict[str, str] = Field(description="The filter of its rows, as query parameters")


class PlaceCount(BaseModel):
    """The happenings placed at one named place (from the gazetteer's coordinates)."""

    name: str
    country: str
    admin1: str | None = Field(description="Its first-level division, when known")
    lat: float
    lon: float
    events: int
    params: dict[str, str] = Field(description="The filter of its rows, as query parameters")


class MapCounts(BaseModel):
    """Happenings per country and per place; `unplaced` have no country to be drawn in."""

    modality: str = Field(description="What it counts: asserted unless chosen")
    countries: list[CountryCount]
    places: list[PlaceCount]
    unplaced: int


class Actor(BaseModel):
    """An actor code, named by its dictionary names, with its happenings."""

    code: str
    name: str = Field(description="Its most used dictionary name (never a pronoun)")
    names: list[str] = Field(description="Its dictionary names, most used first")
    country: str | None
    as_source: int
    as_target: int


class ActorList(BaseModel):
    """Actor codes by the number of happenings they take part in."""

    items: list[Actor]
