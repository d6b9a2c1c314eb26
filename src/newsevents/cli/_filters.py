"""The event filter's options, shared by `events`, `export` and `stories`: one set of
names and help texts, turned into one `EventFilter` (the value the API and the web
pages build from their query parameters)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

import typer

from newsevents.errors import InputError
from newsevents.store._filter import SORTS, EventFilter

_DATE = typer.Option(formats=["%Y-%m-%d"], help="YYYY-MM-DD; the happening's dates overlap it.")

Actor = Annotated[str | None, typer.Option(help="Actor code prefix (VEN, USAGOV) or name.")]
Type = Annotated[str | None, typer.Option("--type", help="PLOVER event type, e.g. ACCUSE.")]
Quad = Annotated[
    int | None,
    typer.Option(min=1, max=4, help="Quad class: 1 verbal/2 material cooperation, 3/4 conflict."),
]
Since = Annotated[datetime | None, _DATE]
Until = Annotated[datetime | None, _DATE]
Country = Annotated[str | None, typer.Option(help="ISO3 country of source or target.")]
Place = Annotated[str | None, typer.Option(help="ISO3 country of the event's place.")]
Modality = Annotated[
    str | None,
    typer.Option(help="asserted, negated, hypothetical, future, demanded, reported (or any)."),
]
MinSources = Annotated[
    int | None, typer.Option(min=1, help="Happenings told by at least N sources.")
]
MinKilled = Annotated[
    int | None, typer.Option(min=0, help="Happenings stating at least N killed (fatalities).")
]
Dyad = Annotated[str | None, typer.Option(help="A,B: between two code prefixes, either direction.")]
PlaceName = Annotated[
    str | None, typer.Option(help="The place as the text names it (a map point's link).")
]
Pair = Annotated[
    str | None, typer.Option(help="A,B: exactly these two whole codes (a network edge).")
]
Code = Annotated[
    str | None, typer.Option(help="A,B,...: whole codes that each take part (a network node).")
]
Story = Annotated[str | None, typer.Option(help="Only this story's happenings (an id).")]
Search = Annotated[
    str | None,
    typer.Option("--search", "-q", help="Words in the actors' names or evidence sentences."),
]
Sort = Annotated[
    str,
    typer.Option(help="; ".join(f"{key}: {what}" for key, what in SORTS.items()) + "."),
]
Undated = Annotated[bool, typer.Option("--undated", help="Only happenings without a date.")]


def event_filter(
    *,
    actor: str | None = None,
    type_: str | None = None,
    quad: int | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    country: str | None = None,
    place: str | None = None,
    modality: str | None = None,
    min_sources: int | None = None,
    min_killed: int | None = None,
    dyad: str | None = None,
    story: str | None = None,
    undated: bool = False,
    search: str | None = None,
    place_name: str | None = None,
    pair: str | None = None,
    code: str | None = None,
) -> EventFilter:
    """The options as one filter; a bad value is a usage error naming it."""
    try:
        return EventFilter.from_params(
            {
                "actor": actor,
                "type": type_,
                "quad": str(quad) if quad else None,
                "since": since.date().isoformat() if since else None,
                "until": until.date().isoformat() if until else None,
                "country": country,
                "place": place,
                "modality": modality,
                "min_sources": str(min_sources) if min_sources else None,
                "min_killed": str(min_killed) if min_killed is not None else None,
                "dyad": dyad,
                "story": story,
                "undated": "1" if undated else None,
                "q": search,
                "place_name": place_name,
                "pair": pair,
                "code": code,
            }
        )
    except InputError as exc:
        raise typer.BadParameter(str(exc).removeprefix("query.")) from None


_OPTION_NAMES = (
    *("actor", "type_", "quad", "since", "until", "country", "place", "modality"),
    *("min_sources", "min_killed", "dyad", "story", "undated", "search"),
    *("place_name", "pair", "code"),  # what the charts' links narrow by
)


def from_command(arguments: dict[str, Any]) -> EventFilter:
    """The filter a command's arguments (its `locals()` on entry) give: the filter
    options it takes, under the names above; the others are left out."""
    return event_filter(**{k: v for k, v in arguments.items() if k in _OPTION_NAMES})


def check_sort(sort: str) -> str:
    """A known order, or a usage error listing them."""
    if sort not in SORTS:
        raise typer.BadParameter(f"unknown sort {sort!r}; one of {', '.join(SORTS)}")
    return sort
