"""The place stage: where each event happened, resolved offline through GeoNames."""

from newsevents.place._gazetteer import (
    Entry,
    country_of_place,
    fips_code,
    gazetteer,
    lookup,
    subnational_country,
)
from newsevents.place._locate import locate_events
from newsevents.place._resolve import PlaceResolver

__all__ = [
    "Entry",
    "PlaceResolver",
    "country_of_place",
    "fips_code",
    "gazetteer",
    "locate_events",
    "lookup",
    "subnational_country",
]
